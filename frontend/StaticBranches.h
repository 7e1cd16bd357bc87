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
#include <optional>
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
/// parameter, with a type name; `p.ndim` and `len(t)` of a tuple parameter
/// compared with an integer literal; `not`, `and` and `or` of decided
/// parts.
/// Each plain assignment the pruning brings to the top level of the body
/// starts a new version of its variable (VersionRebindings.h), so that
/// `if out is None: out = zeros(n)` makes a new array variable.
std::unique_ptr<Block> pruneStaticBranches(const FunctionDefStmt &def,
                                           const std::vector<Type> &paramTypes);

/// `isinstance(x, spec)` for a value of type `value`: `spec` a type name
/// (int, float, complex, bool, str, tuple, list, dict, np.ndarray, a NumPy
/// scalar type, np.integer, np.floating, np.complexfloating, np.number) or
/// a tuple of them, as Python answers for the NumPy value (a float32 is
/// not a float, a float64 is); nullopt when `spec` is not one.
std::optional<bool> isinstanceOf(const Type &value, const Expr *spec);

/// np.issubdtype(dt, cls) of a dtype (`x.dtype`, `np.float32`) and one of
/// NumPy's classes (`np.integer`, `np.floating`, `np.float64`); nullopt
/// where either is not one.
std::optional<bool> issubdtypeOf(const Type &dtype, const Expr *cls);

} // namespace weft

#endif // WEFT_FRONTEND_STATICBRANCHES_H
