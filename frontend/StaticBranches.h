//===- StaticBranches.h - Branches the parameter types decide --*- C++ -*-===//
//
// Numba's dead-branch pruning: in a function compiled for given parameter
// types, `if out is None:` is decided when `out` is a parameter passed
// None (or an array), and so is `if a.dtype == np.float32:`. The instance
// gets a copy of the body with only the branch taken, so the other one
// need not type-check (it would use None as an array).
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_STATICBRANCHES_H
#define WEFT_FRONTEND_STATICBRANCHES_H

#include "frontend/AST.h"
#include "frontend/Types.h"

#include <memory>
#include <vector>

namespace weft {

/// A copy of `def`'s body for parameters of types `paramTypes` in which
/// every `if`/`elif` whose condition those types decide is replaced by the
/// branch taken, and the statements after a `return`, `break` or
/// `continue` such a branch brings in are dropped; null when no condition
/// is decided (the instance uses `def`'s body).
///
/// Decided conditions: `p is None` and `p is not None` of a parameter `p`
/// not assigned before the test (in source order, or anywhere in a loop
/// around it) whose type is None (true) or a number, array, tuple or dtype
/// (false); `p.dtype == T` / `!=` of such an array parameter, or of a dtype
/// parameter, with a type name; `not`, `and` and `or` of decided parts.
/// Each plain assignment the pruning brings to the top level of the body
/// starts a new version of its variable (VersionRebindings.h), so that
/// `if out is None: out = zeros(n)` makes a new array variable.
std::unique_ptr<Block> pruneStaticBranches(const FunctionDefStmt &def,
                                           const std::vector<Type> &paramTypes);

} // namespace weft

#endif // WEFT_FRONTEND_STATICBRANCHES_H
