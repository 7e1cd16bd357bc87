//===- DesugarAssignments.cpp - chained assignments as single ones --------===//
//
// Implements desugarChainedAssignments (DesugarAssignments.h).
//
//===----------------------------------------------------------------------===//
#include "frontend/DesugarAssignments.h"
#include "frontend/ASTBuild.h"

#include <string>

namespace weft {
namespace {

/// Whether `target` (a name, an index or a tuple of those) indexes an
/// array somewhere.
bool indexes(const Expr *target) {
  if (target->dyn<IndexExpr>())
    return true;
  if (auto *t = target->dyn<TupleExpr>())
    for (const ExprPtr &e : t->elts)
      if (indexes(e.get()))
        return true;
  return false;
}

/// `a[0:2] = b[1:3] = e` as `__chain_L_C = e` and one assignment per
/// target; nothing for other statements.
std::optional<Block> splitChain(Stmt &s) {
  auto *a = s.dyn<AssignStmt>();
  if (!a || a->targets.size() < 2)
    return std::nullopt;
  bool any = false;
  for (const ExprPtr &t : a->targets)
    any |= indexes(t.get());
  if (!any)
    return std::nullopt;
  std::string name = "__chain_" + std::to_string(a->range.begin.line) + "_" +
                     std::to_string(a->range.begin.col);
  Block out;
  ASTBuilder at{a->value->range};
  auto keep = at.assign(at.name(name), std::move(a->value));
  keep->range = a->range;
  out.push_back(std::move(keep));
  for (ExprPtr &t : a->targets) {
    ASTBuilder bt{t->range};
    auto one = bt.assign(std::move(t), bt.name(name));
    one->range = a->range;
    out.push_back(std::move(one));
  }
  return out;
}

} // namespace

void desugarChainedAssignments(ModuleAST &module) {
  rewriteBlocks(module.body, splitChain);
}

} // namespace weft
