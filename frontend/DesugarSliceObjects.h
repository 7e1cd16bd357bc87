//===- DesugarSliceObjects.h - slice and range objects ----*- C++ -*-===//
//
// `s = slice(lo, hi)` and then `a[s]`, `s.stop - s.start`; `r = range(2,
// n)` and then `for i in r:`: the object held as its parts.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_DESUGARSLICEOBJECTS_H
#define WEFT_FRONTEND_DESUGARSLICEOBJECTS_H

#include "frontend/AST.h"
#include "frontend/Diagnostics.h"

namespace weft {

/// In each function (and the script body): a variable only ever bound
/// to `slice(...)` (the same parts given each time), and used only as an
/// index entry or for its .start/.stop/.step, is held as its parts
/// (`s__start`, `s__stop`, `s__step`), and each use is the slice of them;
/// likewise a variable only ever bound to `range(...)` and only looped
/// over or measured by len(). Any other `slice(...)` is a value of
/// Numba's slice type, the record slice(start, stop, step) with Numba's
/// defaults for the parts not given; `return range(...)` is the record
/// __range(start, stop, step) of a range object.
void desugarSliceObjects(ModuleAST &module, DiagnosticEngine &diags);

} // namespace weft

#endif // WEFT_FRONTEND_DESUGARSLICEOBJECTS_H
