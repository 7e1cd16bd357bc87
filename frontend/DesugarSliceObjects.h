//===- DesugarSliceObjects.h - slice(...) objects as slices -----*- C++ -*-===//
//
// `s = slice(lo, hi, step)` and then `a[s]`, `b[i, s]`: each use becomes
// the slice `lo:hi:step` itself, where that cannot change what it means.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_DESUGARSLICEOBJECTS_H
#define WEFT_FRONTEND_DESUGARSLICEOBJECTS_H

#include "frontend/AST.h"
#include "frontend/Diagnostics.h"

namespace weft {

/// In each function (and the script body): a variable bound once, to
/// `slice(stop)`, `slice(start, stop)` or `slice(start, stop, step)`
/// whose arguments read only names bound at most once, and used only as
/// an index entry, is replaced at each use by that slice, and its
/// assignment removed. Any other `slice(...)` is an error that says what
/// is supported.
void desugarSliceObjects(ModuleAST &module, DiagnosticEngine &diags);

} // namespace weft

#endif // WEFT_FRONTEND_DESUGARSLICEOBJECTS_H
