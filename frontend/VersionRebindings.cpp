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

/// Counts, per name, the plain top-level assignments (`top`) and every
/// other binding (`other`) in `block`.
void countBindings(const Block &block, bool topLevel,
                   std::map<std::string, int> &top,
                   std::set<std::string> &other) {
  for (const StmtPtr &s : block) {
    std::vector<std::string> names;
    switch (s->kind) {
    case StmtKind::Assign: {
      auto &a = static_cast<const AssignStmt &>(*s);
      auto *n = a.targets.size() == 1 ? a.targets[0]->dyn<NameExpr>() : nullptr;
      if (topLevel && n) {
        ++top[n->name];
        break;
      }
      for (const ExprPtr &t : a.targets)
        boundNames(t.get(), names);
      break;
    }
    case StmtKind::AugAssign:
      boundNames(static_cast<const AugAssignStmt &>(*s).target.get(), names);
      break;
    case StmtKind::AnnAssign:
      boundNames(static_cast<const AnnAssignStmt &>(*s).target.get(), names);
      break;
    case StmtKind::For: {
      auto &f = static_cast<const ForStmt &>(*s);
      boundNames(f.target.get(), names);
      countBindings(f.body, false, top, other);
      break;
    }
    case StmtKind::While:
      countBindings(static_cast<const WhileStmt &>(*s).body, false, top, other);
      break;
    case StmtKind::If: {
      auto &i = static_cast<const IfStmt &>(*s);
      countBindings(i.body, false, top, other);
      countBindings(i.orelse, false, top, other);
      break;
    }
    default:
      break;
    }
    other.insert(names.begin(), names.end());
  }
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

void versionFunction(FunctionDefStmt &fn) {
  std::map<std::string, int> top;
  std::set<std::string> other;
  countBindings(fn.body, true, top, other);
  // A parameter's binding is its first version.
  std::set<std::string> params;
  for (const Param &p : fn.params)
    params.insert(p.name);
  std::set<std::string> versioned;
  for (const auto &[name, count] : top)
    if (count + static_cast<int>(params.count(name)) >= 2 && !other.count(name))
      versioned.insert(name);
  if (versioned.empty())
    return;
  std::map<std::string, int> seen;            // bindings so far
  std::map<std::string, std::string> current; // name -> its version
  for (const std::string &p : params)
    seen[p] = 1;
  for (const StmtPtr &s : fn.body) {
    auto *a = s->dyn<AssignStmt>();
    auto *n =
        a && a->targets.size() == 1 ? a->targets[0]->dyn<NameExpr>() : nullptr;
    if (n && versioned.count(n->name)) {
      // The value reads the previous version; the target starts a new one.
      std::string name = n->name;
      renameExpr(a->value.get(), current);
      int k = ++seen[name];
      std::string version = k == 1 ? name : name + "__v" + std::to_string(k);
      n->name = version;
      if (k == 1)
        current.erase(name);
      else
        current[name] = version;
      continue;
    }
    renameStmt(*s, current);
  }
}

} // namespace

void versionRebindings(ModuleAST &module) {
  for (StmtPtr &s : module.body)
    if (auto *fn = s->dyn<FunctionDefStmt>())
      versionFunction(*fn);
}

std::string withoutVersionSuffixes(const std::string &text) {
  if (text.find("__v") == std::string::npos)
    return text;
  static const std::regex suffix("([A-Za-z_][A-Za-z0-9_]*)__v[0-9]+\\b");
  return std::regex_replace(text, suffix, "$1");
}

} // namespace weft
