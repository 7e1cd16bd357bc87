//===- DesugarNamedExprs.h - Assignment expressions as statements -*- C++
//-*-===//
//
// `(p := start)`, Python's assignment expression, parsed as the call
// `weft.assign_expr(p, start)`: where it always runs when its statement
// does, it becomes an assignment before that statement, and in a
// `while` condition an assignment at the top of each iteration.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_DESUGARNAMEDEXPRS_H
#define WEFT_FRONTEND_DESUGARNAMEDEXPRS_H

#include "frontend/AST.h"
#include "frontend/Diagnostics.h"

namespace weft {

/// The callee name the parser gives `(name := value)`.
constexpr const char *kAssignExpr = "weft.assign_expr";

/// Rewrites the assignment expressions of `module` (errors for those in
/// a place that runs only sometimes: after `and`/`or`, in a branch of
/// `x if c else y`, in a comprehension or an `elif`).
void desugarNamedExprs(ModuleAST &module, DiagnosticEngine &diags);

} // namespace weft

#endif // WEFT_FRONTEND_DESUGARNAMEDEXPRS_H
