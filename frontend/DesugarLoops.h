//===- DesugarLoops.h - for loops over sequences as range loops -*- C++ -*-===//
//
// `for x in a`, `for i, x in enumerate(a, start)`, `for x, y in zip(a, b)`
// (nested freely, with ranges inside) become `for k in range(length)` with
// the elements assigned at the top of the body, before type checking.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_DESUGARLOOPS_H
#define WEFT_FRONTEND_DESUGARLOOPS_H

#include "frontend/AST.h"

namespace weft {

/// Rewrites every `for` loop of `module` that does not run a name over
/// range(...) or prange(...) into one that does: the iterables are
/// evaluated once, before the loop (as Python does), into variables named
/// `__for_LINE_COL_K`; the loop counts to the shortest length; the targets
/// are assigned the elements (rows of a 2-D array, as NumPy iterates).
void desugarForLoops(ModuleAST &module);

} // namespace weft

#endif // WEFT_FRONTEND_DESUGARLOOPS_H
