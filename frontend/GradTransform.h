//===- GradTransform.h - Reverse-mode differentiation ----------*- C++ -*-===//
//
// Builds the AST of the gradient function that `grad(f)` and
// `value_and_grad(f)` call: f's forward code, then the adjoint of each
// statement in reverse order (reverse-mode automatic differentiation of
// the typed program). Loop bodies are recomputed before their adjoint, so
// no tape is needed; the supported forms are those where that is exact
// (docs/transforms.md), and anything else is a compile error naming the
// construct.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_GRADTRANSFORM_H
#define WEFT_FRONTEND_GRADTRANSFORM_H

#include "frontend/Diagnostics.h"
#include "frontend/Sema.h"

#include <string>

namespace weft {

/// Appends to `out` the definition of `request.name` (same parameters as
/// f; returns the gradients, after the value for value_and_grad), its
/// nodes located at the code of f they come from. False with errors
/// reported in `diags` (against `file`, f's source) if f uses a construct
/// the transform does not handle.
bool generateGradient(const GradRequest &request, const SourceFile &file,
                      DiagnosticEngine &diags, Block &out);

} // namespace weft

#endif // WEFT_FRONTEND_GRADTRANSFORM_H
