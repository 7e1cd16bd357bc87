//===- ListParameters.h - lists grown through a parameter -------*- C++ -*-===//
//
// Numba's reflected lists: a function that appends to (or pops from) a
// list it was passed changes the caller's list. Weft's lists are values
// that may move when they grow, so such a function hands its list back:
// it returns the list, and each call `f(..., lst)` is rewritten to
// `lst = f(..., lst)` (value-result passing; the same list afterwards as
// Numba's).
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_LISTPARAMETERS_H
#define WEFT_FRONTEND_LISTPARAMETERS_H

#include "frontend/AST.h"
#include "frontend/Diagnostics.h"

namespace weft {

/// Rewrites the top-level functions of `module` that grow or shrink
/// list parameter and return nothing, and every call of them (see the
/// file comment); each keeps the parameters' names in `grownLists`. Calls
/// that cannot hand the list back (in an expression, or passing something
/// other than a variable) are reported.
void returnGrownListParameters(ModuleAST &module, DiagnosticEngine &diags);

} // namespace weft

#endif // WEFT_FRONTEND_LISTPARAMETERS_H
