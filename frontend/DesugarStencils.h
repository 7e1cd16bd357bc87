//===- DesugarStencils.h - @stencil kernels as functions -------*- C++ -*-===//
//
// Numba's @stencil: a kernel written with indices relative to the element
// it computes (`a[-1, 0] + a[1, 0]`) becomes ordinary functions before
// type checking: the kernel at one point, a loop nest over the interior,
// and the stencil itself, which allocates the output.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_DESUGARSTENCILS_H
#define WEFT_FRONTEND_DESUGARSTENCILS_H

#include "frontend/AST.h"
#include "frontend/Diagnostics.h"

namespace weft {

/// Replaces every `@stencil` def `k(a, ...)` of `module` by
///  - `k__point(a, ..., i0, ..., iR-1)`: the kernel's body with each
///    subscript of an array parameter (not listed in standard_indexing=)
///    made absolute (`a[i0 + -1, i1 + 0]`);
///  - `k__into(a, ..., out)`: checks that the arrays have `a`'s shape and
///    writes the kernel's value at every point whose neighbourhood lies
///    inside `a` (a prange over the first axis), returns `out`;
///  - `k(a, ...)`: `out` filled with cval (0 unless given) in the kernel's
///    result dtype, then `k__into`.
/// A call `k(..., out=o)` anywhere in the module calls `k__into`. The
/// neighbourhood comes from the constant relative indices, or from
/// neighborhood=((lo, hi), ...) when some are not constant. Errors (bad
/// options, inconsistent ranks) go to `diags`.
void desugarStencils(ModuleAST &module, DiagnosticEngine &diags);

} // namespace weft

#endif // WEFT_FRONTEND_DESUGARSTENCILS_H
