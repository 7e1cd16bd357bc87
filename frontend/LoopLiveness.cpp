//===- LoopLiveness.cpp - What a loop's iterations and its sequel read ----===//
//
// Whether a variable a loop writes is assigned before every read in an
// iteration (assignedBeforeRead, writtenBeforeEachRead) and whether the
// code after the loop may read it before assigning it again
// (usedAfterLoop): what decides that a prange's variable is private.
//
//===----------------------------------------------------------------------===//
#include "frontend/LoopAnalysis.h"

namespace weft {
namespace loops {

namespace {
/// Whether statement `s` mentions `name` anywhere (read or written).
bool mentions(const Stmt &s, const std::string &name) {
  std::multiset<std::string> names;
  namesInStmt(s, nullptr, names);
  return names.count(name) > 0;
}

/// `s` assigns `name` a value that does not read it.
bool plainAssignment(const Stmt &s, const std::string &name) {
  const Expr *target = nullptr, *value = nullptr;
  if (auto *a = s.dyn<AssignStmt>()) {
    if (a->targets.size() != 1)
      return false;
    target = a->targets[0].get();
    value = a->value.get();
  } else if (auto *a = s.dyn<AnnAssignStmt>()) {
    target = a->target.get();
    value = a->value.get();
  }
  auto *n = target ? target->dyn<NameExpr>() : nullptr;
  if (!n || n->name != name || !value)
    return false;
  std::multiset<std::string> read;
  namesInExpr(value, read);
  return read.count(name) == 0;
}

/// The blocks from `block` down to the one holding `loop`, with the index
/// of the statement entered in each; false if `loop` is not inside.
bool pathTo(const Block &block, const ForStmt &loop,
            std::vector<std::pair<const Block *, size_t>> &path) {
  for (size_t k = 0; k < block.size(); ++k) {
    const Stmt *s = block[k].get();
    path.push_back({&block, k});
    if (s == &loop)
      return true;
    std::vector<const Block *> inner;
    if (auto *f = s->dyn<ForStmt>())
      inner = {&f->body};
    else if (auto *w = s->dyn<WhileStmt>())
      inner = {&w->body};
    else if (auto *i = s->dyn<IfStmt>())
      inner = {&i->body, &i->orelse};
    for (const Block *b : inner)
      if (pathTo(*b, loop, path))
        return true;
    path.pop_back();
  }
  return false;
}
} // namespace

/// `s` is `for name in ...` with an iteration that does not read `name`:
/// its body reads the loop's own value, but an empty range leaves the
/// old one (so it neither reads nor surely assigns `name`).
bool loopOverName(const Stmt &s, const std::string &name) {
  auto *f = s.dyn<ForStmt>();
  if (!f || f->target->dyn<NameExpr>()->name != name)
    return false;
  std::multiset<std::string> iter;
  namesInExpr(f->iter.get(), iter);
  return iter.count(name) == 0;
}

int firstUse(const Block &block, size_t from, size_t to,
             const std::string &name);

/// A loop whose header does not read `name` and whose body assigns it
/// before reading it: the loop never reads the value `name` had before.
bool loopAssignsFirst(const Stmt &s, const std::string &name) {
  std::multiset<std::string> header;
  const Block *body = nullptr;
  if (auto *f = s.dyn<ForStmt>()) {
    namesInExpr(f->iter.get(), header);
    namesInExpr(f->target.get(), header);
    body = &f->body;
  } else if (auto *w = s.dyn<WhileStmt>()) {
    namesInExpr(w->cond.get(), header);
    body = &w->body;
  }
  return body && header.count(name) == 0 &&
         firstUse(*body, 0, body->size(), name) == 1;
}

/// Scans statements [from, to) of `block`: 1 if one assigns `name` before
/// any reads it, -1 if one may read it first, 0 if none mentions it.
int firstUse(const Block &block, size_t from, size_t to,
             const std::string &name) {
  for (size_t k = from; k < to && k < block.size(); ++k) {
    const Stmt &s = *block[k];
    if (plainAssignment(s, name))
      return 1;
    if (loopOverName(s, name) || loopAssignsFirst(s, name))
      continue;
    if (mentions(s, name))
      return -1;
  }
  return 0;
}

bool assignedBeforeRead(const Block &body, const std::string &name) {
  return firstUse(body, 0, body.size(), name) >= 0;
}

namespace {

/// writtenBeforeEachRead's walk: `written` says whether a write of `name`
/// came before, on some path; false once a read comes first.
bool readsFollowWrites(const Block &block, const std::string &name,
                       bool &written);

bool readsIn(const Expr *e, const std::string &name) {
  std::multiset<std::string> names;
  namesInExpr(e, names);
  return names.count(name) > 0;
}

bool readsFollowWrites(const Stmt &s, const std::string &name, bool &written) {
  auto bindsName = [&](const Expr *target) {
    auto *n = target->dyn<NameExpr>();
    return n && n->name == name;
  };
  if (auto *a = s.dyn<AssignStmt>()) {
    if (readsIn(a->value.get(), name) && !written)
      return false;
    for (const ExprPtr &t : a->targets) {
      std::vector<const NameExpr *> bound;
      namesOfTarget(t.get(), bound);
      bool binds = false;
      for (const NameExpr *n : bound)
        binds |= n->name == name;
      // `a[x] = ...` reads x.
      if (!binds && readsIn(t.get(), name) && !written)
        return false;
      written |= binds;
    }
    return true;
  }
  if (auto *a = s.dyn<AugAssignStmt>()) {
    if ((readsIn(a->value.get(), name) || readsIn(a->target.get(), name)) &&
        !written)
      return false;
    written |= bindsName(a->target.get());
    return true;
  }
  if (auto *a = s.dyn<AnnAssignStmt>()) {
    if (a->value && readsIn(a->value.get(), name) && !written)
      return false;
    written |= bindsName(a->target.get());
    return true;
  }
  if (auto *i = s.dyn<IfStmt>()) {
    if (readsIn(i->cond.get(), name) && !written)
      return false;
    bool inBody = written, inElse = written;
    if (!readsFollowWrites(i->body, name, inBody) ||
        !readsFollowWrites(i->orelse, name, inElse))
      return false;
    written = inBody || inElse;
    return true;
  }
  if (auto *f = s.dyn<ForStmt>()) {
    if (readsIn(f->iter.get(), name) && !written)
      return false;
    written |= bindsName(f->target.get());
    return readsFollowWrites(f->body, name, written);
  }
  if (auto *w = s.dyn<WhileStmt>()) {
    if (readsIn(w->cond.get(), name) && !written)
      return false;
    return readsFollowWrites(w->body, name, written);
  }
  return written || !mentions(s, name);
}

bool readsFollowWrites(const Block &block, const std::string &name,
                       bool &written) {
  for (const StmtPtr &s : block)
    if (!readsFollowWrites(*s, name, written))
      return false;
  return true;
}

} // namespace

bool writtenBeforeEachRead(const Block &body, const std::string &name) {
  bool written = false;
  return readsFollowWrites(body, name, written);
}

namespace {

/// Where the paths through statements from..end of a block go, for one
/// variable: whether one may read it before assigning it, and which
/// reach the block's end, a `break` or a `continue` without assigning it
/// (paths that assign it first, or return, end there).
struct Flow {
  bool read = false, falls = false, breaks = false, continues = false;
};

Flow flowFrom(const Block &block, size_t from, const std::string &name) {
  Flow f;
  for (size_t k = from; k < block.size(); ++k) {
    const Stmt &s = *block[k];
    if (plainAssignment(s, name))
      return f;
    switch (s.kind) {
    case StmtKind::Return:
      f.read |= mentions(s, name);
      return f;
    case StmtKind::Break:
      f.breaks = true;
      return f;
    case StmtKind::Continue:
      f.continues = true;
      return f;
    case StmtKind::If: {
      auto &i = static_cast<const IfStmt &>(s);
      std::multiset<std::string> cond;
      namesInExpr(i.cond.get(), cond);
      if (cond.count(name)) {
        f.read = true;
        return f;
      }
      Flow body = flowFrom(i.body, 0, name),
           orelse = flowFrom(i.orelse, 0, name);
      f.read |= body.read || orelse.read;
      f.breaks |= body.breaks || orelse.breaks;
      f.continues |= body.continues || orelse.continues;
      if (f.read || (!body.falls && !orelse.falls))
        return f;
      break;
    }
    case StmtKind::For:
    case StmtKind::While: {
      // A loop inside: its header, then its body from the start (a path
      // around it again meets the same reads); it may also run no
      // iteration, so the paths go on after it.
      if (loopOverName(s, name) || loopAssignsFirst(s, name))
        break;
      std::multiset<std::string> header;
      if (auto *fs = s.dyn<ForStmt>())
        namesInExpr(fs->iter.get(), header);
      else
        namesInExpr(static_cast<const WhileStmt &>(s).cond.get(), header);
      const Block &body = s.dyn<ForStmt>()
                              ? static_cast<const ForStmt &>(s).body
                              : static_cast<const WhileStmt &>(s).body;
      if (header.count(name) || flowFrom(body, 0, name).read) {
        f.read = true;
        return f;
      }
      break;
    }
    default:
      if (mentions(s, name)) {
        f.read = true;
        return f;
      }
    }
  }
  f.falls = true;
  return f;
}

} // namespace

bool usedAfterLoop(const Block &fnBody, const ForStmt &loop,
                   const std::string &name) {
  std::vector<std::pair<const Block *, size_t>> path;
  if (!pathTo(fnBody, loop, path))
    return true;
  // From the loop outwards: the paths from the statement after it; those
  // that leave a branch go on after its `if`, those that reach the end of
  // a loop body (or continue) go around that loop once more and then, as
  // those that break, on after it.
  bool going = true, breaks = false, continues = false;
  size_t at = path.back().second + 1;
  for (size_t level = path.size(); level-- > 0;) {
    const Block &block = *path[level].first;
    Flow f;
    if (going)
      f = flowFrom(block, at, name);
    if (f.read)
      return true;
    breaks |= f.breaks;
    continues |= f.continues;
    bool falls = f.falls;
    if (level == 0)
      return false; // the end of the function
    const Stmt &outer = *(*path[level - 1].first)[path[level - 1].second];
    if (outer.dyn<ForStmt>() || outer.dyn<WhileStmt>()) {
      if (falls || continues) {
        if (auto *w = outer.dyn<WhileStmt>()) {
          std::multiset<std::string> cond;
          namesInExpr(w->cond.get(), cond);
          if (cond.count(name))
            return true;
        }
        if (flowFrom(block, 0, name).read)
          return true;
      }
      going = falls || continues || breaks;
      breaks = continues = false;
    } else {
      going = falls; // after the `if`; breaks and continues go outwards
    }
    at = path[level - 1].second + 1;
  }
  return false;
}

} // namespace loops
} // namespace weft
