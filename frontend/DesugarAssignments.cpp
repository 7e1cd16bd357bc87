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

void desugarBlock(Block &block) {
  for (size_t i = 0; i < block.size(); ++i) {
    Stmt &s = *block[i];
    switch (s.kind) {
    case StmtKind::If: {
      auto &st = static_cast<IfStmt &>(s);
      desugarBlock(st.body);
      desugarBlock(st.orelse);
      break;
    }
    case StmtKind::While:
      desugarBlock(static_cast<WhileStmt &>(s).body);
      break;
    case StmtKind::For:
      desugarBlock(static_cast<ForStmt &>(s).body);
      break;
    case StmtKind::FunctionDef:
      desugarBlock(static_cast<FunctionDefStmt &>(s).body);
      break;
    case StmtKind::Assign: {
      auto &a = static_cast<AssignStmt &>(s);
      bool any = false;
      for (const ExprPtr &t : a.targets)
        any |= indexes(t.get());
      if (a.targets.size() < 2 || !any)
        break;
      std::string name = "__chain_" + std::to_string(a.range.begin.line) + "_" +
                         std::to_string(a.range.begin.col);
      Block out;
      ASTBuilder at{a.value->range};
      auto keep = at.assign(at.name(name), std::move(a.value));
      keep->range = a.range;
      out.push_back(std::move(keep));
      for (ExprPtr &t : a.targets) {
        ASTBuilder bt{t->range};
        auto one = bt.assign(std::move(t), bt.name(name));
        one->range = a.range;
        out.push_back(std::move(one));
      }
      size_t n = out.size();
      block.erase(block.begin() + static_cast<std::ptrdiff_t>(i));
      block.insert(block.begin() + static_cast<std::ptrdiff_t>(i),
                   std::make_move_iterator(out.begin()),
                   std::make_move_iterator(out.end()));
      i += n - 1;
      break;
    }
    default:
      break;
    }
  }
}

} // namespace

void desugarChainedAssignments(ModuleAST &module) { desugarBlock(module.body); }

} // namespace weft
