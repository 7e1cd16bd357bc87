//===- DesugarAssignments.h - chained assignments as single ones -*- C++
//-*-===//
//
// `a[0:2] = b[1:3] = e`: the value kept in a variable, then assigned to each
// target in turn, before type checking.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_DESUGARASSIGNMENTS_H
#define WEFT_FRONTEND_DESUGARASSIGNMENTS_H

#include "frontend/AST.h"

namespace weft {

/// Rewrites every assignment of `module` with several targets of which one
/// indexes an array (`t1 = t2 = e` where a target is `a[...]`, or a tuple
/// with one) into `__chain_LINE_COL = e` and one assignment from that
/// variable per target, left to right, as Python runs them. Chains of names
/// only are left as they are.
void desugarChainedAssignments(ModuleAST &module);

/// Splits `a, b = [], {}` (names given values that read no variable, one
/// of them an empty list, dict or set) into one assignment per name, so
/// that each container is typed as `a = []` is. Runs first, before the
/// rewrites of dicts and list methods look at the assignments.
void splitFreshTupleAssignments(ModuleAST &module);

} // namespace weft

#endif // WEFT_FRONTEND_DESUGARASSIGNMENTS_H
