//===- DesugarEnums.h - Enum members as their values -----------*- C++ -*-===//
//
// Numba's Enum and IntEnum classes: `Color.red`, `Color.red.value` and
// `Color.red.name` are constants, the member's value and name.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_DESUGARENUMS_H
#define WEFT_FRONTEND_DESUGARENUMS_H

#include "frontend/AST.h"
#include "frontend/Diagnostics.h"

namespace weft {

/// In every function, jitclass method and the script body: `E.m` and
/// `E.m.value` of an Enum class E of `module.enums` become a copy of the
/// member's value, `E.m.name` the str "m", and `is`/`is not` between a
/// member and another value `==`/`!=` (a member is its value here, as an
/// IntEnum's is in Python). An unknown member is an error naming E's.
void desugarEnums(ModuleAST &module, DiagnosticEngine &diags);

} // namespace weft

#endif // WEFT_FRONTEND_DESUGARENUMS_H
