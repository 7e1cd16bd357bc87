//===- VersionRebindings.cpp - straight-line rebindings as new names ------===//
//
// Implements versionRebindings (VersionRebindings.h).
//
//===----------------------------------------------------------------------===//
#include "frontend/VersionRebindings.h"

#include <map>
#include <regex>
#include <set>

namespace weft {
namespace {

/// The names `target` binds, into `out`.
void boundNames(const Expr *target, std::vector<std::string> &out) {
  std::vector<const NameExpr *> names;
  namesOfTarget(target, names);
  for (const NameExpr *n : names)
    out.push_back(n->name);
}

/// The names of a plain assignment's target: a name, or a tuple of names
/// (nested tuples too); false for anything else (`a[i]`, `t[0], x`).
bool plainTargetNames(Expr *target, std::vector<NameExpr *> &out) {
  if (auto *n = target->dyn<NameExpr>()) {
    out.push_back(n);
    return true;
  }
  auto *t = target->dyn<TupleExpr>();
  if (!t)
    return false;
  for (ExprPtr &e : t->elts)
    if (!plainTargetNames(e.get(), out))
      return false;
  return true;
}

/// `lst = weft.list_append(lst, x)`, `lst = weft.row_append(lst, i, x)`
/// and the other list updates that desugarListMethods writes: they
/// change the list, as `+=` does, so they join its version.
bool isListUpdate(const AssignStmt &a) {
  auto *call = a.value->dyn<CallExpr>();
  auto *callee = call ? call->callee->dyn<NameExpr>() : nullptr;
  return callee && (callee->name.rfind("weft.list_", 0) == 0 ||
                    callee->name.rfind("weft.row_", 0) == 0);
}

/// The names the single target of assignment `s` binds, if it is plain.
std::vector<NameExpr *> plainAssigned(const Stmt &s) {
  std::vector<NameExpr *> names;
  auto *a = s.dyn<AssignStmt>();
  if (!a || a->targets.size() != 1 || isListUpdate(*a) ||
      !plainTargetNames(a->targets[0].get(), names))
    names.clear();
  return names;
}

/// The bindings of a function body: per name, the plain top-level
/// assignments; every other binding; the names declared with a type.
struct Bindings {
  std::map<std::string, int> top;
  std::set<std::string> other;
  std::set<std::string> annotated;
};

void collectBindings(const Block &block, bool topLevel, Bindings &out);

/// Adds the bindings `s` makes (its nested statements' included).
void collectBindings(const Stmt &s, bool topLevel, Bindings &out) {
  std::vector<std::string> names;
  switch (s.kind) {
  case StmtKind::Assign: {
    std::vector<NameExpr *> plain = plainAssigned(s);
    if (topLevel && !plain.empty()) {
      for (const NameExpr *n : plain)
        ++out.top[n->name];
      break;
    }
    for (const ExprPtr &t : static_cast<const AssignStmt &>(s).targets)
      boundNames(t.get(), names);
    break;
  }
  case StmtKind::AugAssign:
    boundNames(static_cast<const AugAssignStmt &>(s).target.get(), names);
    break;
  case StmtKind::AnnAssign:
    boundNames(static_cast<const AnnAssignStmt &>(s).target.get(), names);
    out.annotated.insert(names.begin(), names.end());
    break;
  case StmtKind::For: {
    auto &f = static_cast<const ForStmt &>(s);
    boundNames(f.target.get(), names);
    collectBindings(f.body, false, out);
    break;
  }
  case StmtKind::While:
    collectBindings(static_cast<const WhileStmt &>(s).body, false, out);
    break;
  case StmtKind::If: {
    auto &i = static_cast<const IfStmt &>(s);
    collectBindings(i.body, false, out);
    collectBindings(i.orelse, false, out);
    break;
  }
  default:
    break;
  }
  out.other.insert(names.begin(), names.end());
}

void collectBindings(const Block &block, bool topLevel, Bindings &out) {
  for (const StmtPtr &s : block)
    collectBindings(*s, topLevel, out);
}

/// Renames the uses of the names in `to` within `e`.
void renameExpr(const Expr *e, const std::map<std::string, std::string> &to) {
  if (!e)
    return;
  if (auto *n = e->dyn<NameExpr>()) {
    auto it = to.find(n->name);
    if (it != to.end() && !n->qualified)
      const_cast<NameExpr *>(n)->name = it->second;
    return;
  }
  // A kernel launch f[blocks, threads](...): its grid is part of the callee.
  if (auto *c = e->dyn<CallExpr>())
    if (auto *ix = c->callee->dyn<IndexExpr>())
      for (const ExprPtr &i : ix->indices)
        renameExpr(i.get(), to);
  forEachChild(e, [&](const Expr *c) { renameExpr(c, to); });
}

void renameBlock(const Block &block,
                 const std::map<std::string, std::string> &to);

/// Renames the uses in `s` (and the names it binds: only nested
/// statements bind, and they never bind a versioned name).
void renameStmt(const Stmt &s, const std::map<std::string, std::string> &to) {
  switch (s.kind) {
  case StmtKind::Expr:
    renameExpr(static_cast<const ExprStmt &>(s).value.get(), to);
    break;
  case StmtKind::Assign: {
    auto &a = static_cast<const AssignStmt &>(s);
    for (const ExprPtr &t : a.targets)
      renameExpr(t.get(), to);
    renameExpr(a.value.get(), to);
    break;
  }
  case StmtKind::AugAssign: {
    auto &a = static_cast<const AugAssignStmt &>(s);
    renameExpr(a.target.get(), to);
    renameExpr(a.value.get(), to);
    break;
  }
  case StmtKind::AnnAssign: {
    auto &a = static_cast<const AnnAssignStmt &>(s);
    renameExpr(a.target.get(), to);
    renameExpr(a.value.get(), to);
    break;
  }
  case StmtKind::If: {
    auto &i = static_cast<const IfStmt &>(s);
    renameExpr(i.cond.get(), to);
    renameBlock(i.body, to);
    renameBlock(i.orelse, to);
    break;
  }
  case StmtKind::For: {
    auto &f = static_cast<const ForStmt &>(s);
    renameExpr(f.target.get(), to);
    renameExpr(f.iter.get(), to);
    renameBlock(f.body, to);
    break;
  }
  case StmtKind::While: {
    auto &w = static_cast<const WhileStmt &>(s);
    renameExpr(w.cond.get(), to);
    renameBlock(w.body, to);
    break;
  }
  case StmtKind::Return:
    renameExpr(static_cast<const ReturnStmt &>(s).value.get(), to);
    break;
  case StmtKind::Assert: {
    auto &a = static_cast<const AssertStmt &>(s);
    renameExpr(a.test.get(), to);
    renameExpr(a.msg.get(), to);
    break;
  }
  default:
    break;
  }
}

void renameBlock(const Block &block,
                 const std::map<std::string, std::string> &to) {
  for (const StmtPtr &s : block)
    renameStmt(*s, to);
}

/// How many times each name occurs in `block` (nested blocks included).
void countMentions(const Block &block, std::map<std::string, int> &out) {
  forEachExprIn(block, [&](const Expr *e) {
    if (auto *n = e->dyn<NameExpr>(); n && !n->qualified)
      ++out[n->name];
  });
}

/// Adds the names `e` (and its subexpressions) mentions.
void mentionsOf(const Expr *e, std::map<std::string, int> &out) {
  if (!e)
    return;
  if (auto *n = e->dyn<NameExpr>(); n && !n->qualified)
    ++out[n->name];
  forEachChild(e, [&](const Expr *c) { mentionsOf(c, out); });
}

/// Adds the names statement `s` mentions, its nested statements' too.
void mentionsOf(const Stmt &s, std::map<std::string, int> &out) {
  forEachExprOf(s, [&](const Expr *e) { mentionsOf(e, out); });
  if (auto *i = s.dyn<IfStmt>()) {
    countMentions(i->body, out);
    countMentions(i->orelse, out);
  } else if (auto *f = s.dyn<ForStmt>()) {
    countMentions(f->body, out);
  } else if (auto *w = s.dyn<WhileStmt>()) {
    countMentions(w->body, out);
  }
}

/// The names of `block` that live only in it and are first bound there by
/// a plain assignment at its top level (no iteration of a loop body reads
/// another's), with the number of such assignments. `all` counts the
/// function's mentions.
std::map<std::string, int>
blockLocalNames(const Block &block, const std::map<std::string, int> &all,
                const std::set<std::string> &annotated) {
  std::map<std::string, int> inBlock, plainCount;
  countMentions(block, inBlock);
  std::set<std::string> bound, readFirst;
  for (const StmtPtr &s : block) {
    std::vector<NameExpr *> plain = plainAssigned(*s);
    std::map<std::string, int> reads;
    if (plain.empty())
      mentionsOf(*s, reads);
    else
      mentionsOf(static_cast<const AssignStmt &>(*s).value.get(), reads);
    for (const auto &[name, count] : reads)
      if (!bound.count(name))
        readFirst.insert(name);
    for (const NameExpr *n : plain) {
      bound.insert(n->name);
      ++plainCount[n->name];
    }
  }
  std::map<std::string, int> out;
  for (const auto &[name, count] : plainCount) {
    auto total = all.find(name);
    if (!readFirst.count(name) && !annotated.count(name) &&
        total != all.end() && total->second == inBlock[name])
      out[name] = count;
  }
  return out;
}

/// The block-local names (blockLocalNames) bound twice or more at the top
/// level of `block`: `x_ = a[k] - b[k]; x_ = math.floor(x_ / w)`.
std::set<std::string>
blockLocalRebindings(const std::map<std::string, int> &local) {
  std::set<std::string> out;
  for (const auto &[name, count] : local)
    if (count >= 2)
      out.insert(name);
  return out;
}

void versionBranchTails(Block &body, const std::set<std::string> &annotated,
                        std::map<std::string, int> &seen,
                        const std::string &suffix,
                        const std::map<std::string, int> *eligible);

/// versionNested of each loop body and branch of `block`'s statements.
void versionBlocksIn(Block &block, const std::map<std::string, int> &all,
                     const std::set<std::string> &annotated,
                     std::map<std::string, int> &seen,
                     const std::string &suffix);

/// Versions the rebindings of `block` that blockLocalRebindings finds, as
/// versionBody does a body's, numbering on from `seen`; then those of the
/// blocks nested in it.
void versionNested(Block &block, const std::map<std::string, int> &all,
                   const std::set<std::string> &annotated,
                   std::map<std::string, int> &seen,
                   const std::string &suffix) {
  std::map<std::string, int> names = blockLocalNames(block, all, annotated);
  std::set<std::string> local = blockLocalRebindings(names);
  std::map<std::string, std::string> current;
  std::set<std::string> first; // names whose first version is bound
  for (const StmtPtr &s : block) {
    std::vector<NameExpr *> plain = plainAssigned(*s);
    if (plain.empty()) {
      renameStmt(*s, current);
      continue;
    }
    renameExpr(static_cast<const AssignStmt &>(*s).value.get(), current);
    for (NameExpr *n : plain) {
      if (!local.count(n->name))
        continue;
      std::string name = n->name;
      if (first.insert(name).second) { // the first keeps the name
        current.erase(name);
        continue;
      }
      int k = std::max(++seen[name], 2);
      seen[name] = k;
      n->name = name + suffix + std::to_string(k);
      current[name] = n->name;
    }
  }
  versionBlocksIn(block, all, annotated, seen, suffix);
  // A block-local name bound once at the top level and rebound in a
  // branch (rankfm's `u = pairs[row, 0]` then `u = int(u)` in an else):
  // the rebinding's version, as at a body's top level.
  versionBranchTails(block, annotated, seen, suffix, &names);
}

void versionBlocksIn(Block &block, const std::map<std::string, int> &all,
                     const std::set<std::string> &annotated,
                     std::map<std::string, int> &seen,
                     const std::string &suffix) {
  for (StmtPtr &s : block) {
    if (auto *i = s->dyn<IfStmt>()) {
      versionNested(i->body, all, annotated, seen, suffix);
      versionNested(i->orelse, all, annotated, seen, suffix);
    } else if (auto *f = s->dyn<ForStmt>()) {
      versionNested(f->body, all, annotated, seen, suffix);
    } else if (auto *w = s->dyn<WhileStmt>()) {
      versionNested(w->body, all, annotated, seen, suffix);
    }
  }
}

/// Whether every path through the statements `paths` goes on to (each a
/// block and a position in it, the innermost last) binds `name` with a
/// plain assignment that does not read it before any statement reads it,
/// or never mentions it: `name` is dead there, as Numba's SSA finds.
bool boundBeforeRead(std::vector<std::pair<const Block *, size_t>> paths,
                     const std::string &name) {
  while (!paths.empty()) {
    auto [block, i] = paths.back();
    paths.pop_back();
    for (; i < block->size(); ++i) {
      const Stmt &s = *(*block)[i];
      std::map<std::string, int> m;
      mentionsOf(s, m);
      if (!m.count(name))
        continue;
      std::vector<NameExpr *> plain = plainAssigned(s);
      bool binds = std::any_of(plain.begin(), plain.end(),
                               [&](NameExpr *n) { return n->name == name; });
      if (binds) {
        std::map<std::string, int> read;
        mentionsOf(static_cast<const AssignStmt &>(s).value.get(), read);
        return !read.count(name);
      }
      auto *branchy = s.dyn<IfStmt>();
      std::map<std::string, int> cond;
      if (branchy)
        mentionsOf(branchy->cond.get(), cond);
      if (!branchy || cond.count(name))
        return false;
      auto then = paths, orelse = paths;
      then.push_back({block, i + 1});
      then.push_back({&branchy->body, 0});
      orelse.push_back({block, i + 1});
      orelse.push_back({&branchy->orelse, 0});
      return boundBeforeRead(then, name) && boundBeforeRead(orelse, name);
    }
  }
  return true;
}

/// In each branch of an `if` at the top level of `body`: a name bound
/// there by one plain assignment at the branch's top level and mentioned
/// nowhere after the `if` gets a version of its own from that binding on
/// (rankfm's `i = int(i); return a[i]` in the else of a float `i`): no
/// other path reads it, as Numba's SSA finds. With `eligible`, only its
/// names (a nested block's local names: the next iteration of a loop
/// binds them again before reading them).
void versionBranchTails(Block &body, const std::set<std::string> &annotated,
                        std::map<std::string, int> &seen,
                        const std::string &suffix,
                        const std::map<std::string, int> *eligible) {
  for (size_t k = 0; k < body.size(); ++k) {
    auto *branchy = body[k]->dyn<IfStmt>();
    if (!branchy)
      continue;
    // (a name the code after the `if` binds before reading it, as
    // `if m: x0 = a[m] ...` then `if m2: x0 = a[0] ...`, is dead there)
    std::map<std::string, int> later;
    for (size_t j = k + 1; j < body.size(); ++j)
      mentionsOf(*body[j], later);
    for (auto it = later.begin(); it != later.end();)
      it = boundBeforeRead({{&body, k + 1}}, it->first) ? later.erase(it)
                                                        : std::next(it);
    for (Block *branch : {&branchy->body, &branchy->orelse}) {
      std::map<std::string, int> plainCount;
      for (const StmtPtr &s : *branch)
        for (const NameExpr *n : plainAssigned(*s))
          ++plainCount[n->name];
      std::map<std::string, std::string> current;
      for (StmtPtr &s : *branch) {
        std::vector<NameExpr *> plain = plainAssigned(*s);
        if (plain.empty()) {
          renameStmt(*s, current);
          continue;
        }
        renameExpr(static_cast<const AssignStmt &>(*s).value.get(), current);
        for (NameExpr *n : plain) {
          std::string name = n->name;
          if (current.count(name)) {
            n->name = current[name];
            continue;
          }
          if (plainCount[name] != 1 || later.count(name) ||
              annotated.count(name) || (eligible && !eligible->count(name)))
            continue;
          int v = std::max(++seen[name], 2);
          seen[name] = v;
          n->name = name + suffix + std::to_string(v);
          current[name] = n->name;
        }
      }
    }
  }
}

} // namespace

/// Whether `block` binds `name` by a plain assignment at its top level
/// (its value not reading it) before anything else in it mentions it.
bool boundFirstIn(const Block &block, const std::string &name) {
  for (const StmtPtr &s : block) {
    std::vector<NameExpr *> plain = plainAssigned(*s);
    bool binds = std::any_of(plain.begin(), plain.end(),
                             [&](NameExpr *n) { return n->name == name; });
    std::map<std::string, int> read;
    if (binds) {
      mentionsOf(static_cast<const AssignStmt &>(*s).value.get(), read);
      return !read.count(name);
    }
    mentionsOf(*s, read);
    if (read.count(name))
      return false;
  }
  return false;
}

/// The blocks nested in `block` that hold every mention of `name` there,
/// each binding it first (boundFirstIn); false when a mention is outside
/// such blocks (a loop's header, a condition, a simple statement).
bool disjointLives(Block &block, const std::string &name,
                   std::vector<Block *> &out) {
  for (StmtPtr &s : block) {
    std::map<std::string, int> all;
    mentionsOf(*s, all);
    if (!all.count(name))
      continue;
    std::map<std::string, int> own;
    forEachExprOf(*s, [&](const Expr *e) { mentionsOf(e, own); });
    if (own.count(name))
      return false;
    std::vector<Block *> blocks;
    if (auto *i = s->dyn<IfStmt>())
      blocks = {&i->body, &i->orelse};
    else if (auto *f = s->dyn<ForStmt>())
      blocks = {&f->body};
    else if (auto *w = s->dyn<WhileStmt>())
      blocks = {&w->body};
    else
      return false;
    for (Block *b : blocks) {
      std::map<std::string, int> in;
      countMentions(*b, in);
      if (!in.count(name))
        continue;
      if (boundFirstIn(*b, name))
        out.push_back(b);
      else if (!disjointLives(*b, name, out))
        return false;
    }
  }
  return true;
}

/// Renames `name` in `block` to its next version.
void renameIn(Block &block, const std::string &name,
              std::map<std::string, int> &seen, const std::string &suffix) {
  int v = std::max(++seen[name], 2);
  seen[name] = v;
  std::string renamed = name + suffix + std::to_string(v);
  forEachExprSlotIn(block, [&](ExprPtr &e) {
    if (auto *n = e->dyn<NameExpr>(); n && !n->qualified && n->name == name)
      n->name = renamed;
  });
}

/// `coef = np.zeros(d)` in one branch and `coef = 1.0` in another, the
/// name mentioned nowhere else: each branch's is a variable of its own
/// (Numba types each live range apart), named `coef<suffix>K` after the
/// first.
void splitDisjointLives(const std::vector<Param> &params, Block &body,
                        const std::set<std::string> &annotated,
                        std::map<std::string, int> &seen,
                        const std::string &suffix) {
  std::map<std::string, int> mentions;
  countMentions(body, mentions);
  for (const auto &[name, count] : mentions) {
    if (count < 2 || annotated.count(name) ||
        std::any_of(params.begin(), params.end(),
                    [&](const Param &p) { return p.name == name; }))
      continue;
    std::vector<Block *> lives;
    if (!disjointLives(body, name, lives) || lives.size() < 2)
      continue;
    for (size_t k = 1; k < lives.size(); ++k)
      renameIn(*lives[k], name, seen, suffix);
  }
}

/// A loop body or branch of a top-level statement that binds a name
/// first, the name not read after the statement before a top-level plain
/// rebinding (`Ki` before a prange loop and again, first thing, in its
/// body): the block's is a variable of its own.
void splitBlockLives(Block &body, const std::set<std::string> &annotated,
                     std::map<std::string, int> &seen,
                     const std::string &suffix) {
  std::map<std::string, int> everywhere;
  countMentions(body, everywhere);
  for (size_t i = 0; i < body.size(); ++i) {
    std::vector<Block *> blocks;
    if (auto *f = body[i]->dyn<IfStmt>())
      blocks = {&f->body, &f->orelse};
    else if (auto *f = body[i]->dyn<ForStmt>())
      blocks = {&f->body};
    else if (auto *w = body[i]->dyn<WhileStmt>())
      blocks = {&w->body};
    std::map<std::string, int> own;
    forEachExprOf(*body[i], [&](const Expr *e) { mentionsOf(e, own); });
    for (Block *b : blocks) {
      std::set<std::string> names;
      for (const StmtPtr &s : *b)
        for (NameExpr *n : plainAssigned(*s))
          names.insert(n->name);
      std::map<std::string, int> inBlock;
      countMentions(*b, inBlock);
      for (const std::string &name : names) {
        // (a name living only in the block needs no name of its own)
        if (annotated.count(name) || own.count(name) ||
            inBlock[name] == everywhere[name] || !boundFirstIn(*b, name))
          continue;
        bool readAfter = false;
        for (size_t j = i + 1; j < body.size() && !readAfter; ++j) {
          std::vector<NameExpr *> plain = plainAssigned(*body[j]);
          std::map<std::string, int> read;
          bool rebinds =
              std::any_of(plain.begin(), plain.end(),
                          [&](NameExpr *n) { return n->name == name; });
          if (rebinds)
            mentionsOf(static_cast<const AssignStmt &>(*body[j]).value.get(),
                       read);
          else
            mentionsOf(*body[j], read);
          readAfter = read.count(name) != 0;
          if (rebinds)
            break;
        }
        // (a loop reads its body's variables again only through them)
        if (!readAfter)
          renameIn(*b, name, seen, suffix);
      }
    }
  }
}

void versionBody(const std::vector<Param> &params, Block &body,
                 const std::string &suffix) {
  // Every name with a plain top-level binding is versioned: each such
  // binding starts a version, and everything between it and the next one
  // (uses, and bindings nested in loops and branches or augmented, which
  // join the version they are in) is renamed with it. The first version
  // keeps the name: a parameter's, or the first binding's.
  // A variable declared with a type (`w: i64 = 1`) keeps it.
  Bindings all;
  collectBindings(body, true, all);
  std::set<std::string> versioned;
  for (const auto &[name, count] : all.top)
    if (!all.annotated.count(name))
      versioned.insert(name);
  std::map<std::string, int> seen; // versions so far
  splitDisjointLives(params, body, all.annotated, seen, suffix);
  if (!all.top.empty())
    splitBlockLives(body, all.annotated, seen, suffix);
  // Rebindings in loops and branches, of names that live only there.
  std::map<std::string, int> mentions;
  countMentions(body, mentions);
  for (const Param &p : params)
    ++mentions[p.name];
  versionBlocksIn(body, mentions, all.annotated, seen, suffix);
  if (versioned.empty()) {
    versionBranchTails(body, all.annotated, seen, suffix, nullptr);
    return;
  }
  std::map<std::string, std::string> current; // name -> its version
  for (const Param &p : params)
    seen[p.name] = std::max(seen[p.name], 1);
  for (const StmtPtr &s : body) {
    std::vector<NameExpr *> plain = plainAssigned(*s);
    if (plain.empty()) {
      // A binding before the first plain one binds the first version.
      Bindings nested;
      collectBindings(*s, false, nested);
      for (const std::string &name : nested.other)
        if (versioned.count(name) && !seen[name])
          seen[name] = 1;
      renameStmt(*s, current);
      continue;
    }
    // The value reads the previous versions; each name of the target
    // starts a new one (`x, y = y, x` swaps them).
    renameExpr(static_cast<const AssignStmt &>(*s).value.get(), current);
    for (NameExpr *n : plain) {
      if (!versioned.count(n->name))
        continue;
      std::string name = n->name;
      int k = ++seen[name];
      std::string version = k == 1 ? name : name + suffix + std::to_string(k);
      n->name = version;
      if (k == 1)
        current.erase(name);
      else
        current[name] = version;
    }
  }
  // (after the top-level versions, which the branches' uses now name)
  versionBranchTails(body, all.annotated, seen, suffix, nullptr);
}

void versionRebindings(ModuleAST &module) {
  for (StmtPtr &s : module.body)
    if (auto *fn = s->dyn<FunctionDefStmt>())
      versionBody(fn->params, fn->body, "__v");
}

std::string withoutVersionSuffixes(const std::string &text) {
  // Versions of versions (x__v2__s2, after pruning) lose one suffix per
  // pass.
  static const std::regex suffix("([A-Za-z_][A-Za-z0-9_]*)__[vs][0-9]+\\b");
  std::string out = text;
  while (out.find("__v") != std::string::npos ||
         out.find("__s") != std::string::npos) {
    std::string next = std::regex_replace(out, suffix, "$1");
    if (next == out)
      break;
    out = std::move(next);
  }
  return out;
}

} // namespace weft
