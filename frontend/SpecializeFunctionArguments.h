//===- SpecializeFunctionArguments.h - Functions passed as values -*- C++ -*-//
//
// A function passed to another (`simpson(f, 0.0, 1.0, n)`, a lambda, an
// inner function with what it captures) is compiled into a copy of the
// callee made for it, as Numba compiles a call per function argument.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_SPECIALIZEFUNCTIONARGUMENTS_H
#define WEFT_FRONTEND_SPECIALIZEFUNCTIONARGUMENTS_H

#include "frontend/AST.h"
#include "frontend/Diagnostics.h"

namespace weft {

/// Rewrites each call `g(..., h, ...)` of `module` that passes one of its
/// functions `h` (or `weft.closure(h, captured...)`, an inner function
/// with the variables it captures) to one of its functions `g`: the call
/// is of a copy of `g`, made once per (g, parameter, h), whose parameter
/// is gone (the captured values take its place) and whose calls of it
/// call `h`. Functions passed on from the copy are specialized in turn.
void specializeFunctionArguments(ModuleAST &module, DiagnosticEngine &diags);

} // namespace weft

#endif // WEFT_FRONTEND_SPECIALIZEFUNCTIONARGUMENTS_H
