//===- ListParameters.h - lists grown through a parameter -------*- C++ -*-===//
//
// Numba's reflected lists: a function that appends to (or pops from) a
// list it was passed changes the caller's list. Weft's lists are values
// that may move when they grow, so such a function hands its list back:
// it returns the list, and each call `f(..., lst)` is rewritten to
// `lst = f(..., lst)` (value-result passing; the same list afterwards as
// Numba's). One that returns a value returns (value, lst): `x = f(lst)`
// is `x, lst = f(lst)`, and a call inside an expression runs first, its
// value into a variable of its own.
// The parts of a dict or set passed in (DesugarDicts.h) are handed back
// the same way when the function changes it: its keys and values lists
// grow and its table is made again.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_LISTPARAMETERS_H
#define WEFT_FRONTEND_LISTPARAMETERS_H

#include "frontend/AST.h"
#include "frontend/Diagnostics.h"

namespace weft {

/// Rewrites the top-level functions of `module` that grow or shrink
/// list parameters, and every call of them (see the file comment); each
/// keeps the parameters' names in `grownLists`. Calls that cannot hand
/// the list back (passing something other than a variable, or where
/// running first would change what the statement means) are reported.
void returnGrownListParameters(ModuleAST &module, DiagnosticEngine &diags);

} // namespace weft

#endif // WEFT_FRONTEND_LISTPARAMETERS_H
