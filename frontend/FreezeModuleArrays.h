//===- FreezeModuleArrays.h - module-level arrays as constants --*- C++ -*-===//
//
// A module-level array made from constants (`LUT = np.array([0.0, 0.5])`,
// `W = np.linspace(0.0, 1.0, 5)`) is read by functions as Numba reads a
// global array: a constant, and so is a tuple holding such arrays. Each
// function reading one gets it made afresh at its top; writing into it is
// an error.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_FREEZEMODULEARRAYS_H
#define WEFT_FRONTEND_FREEZEMODULEARRAYS_H

#include "frontend/AST.h"
#include "frontend/Diagnostics.h"

namespace weft {

/// Gives each top-level function of `module` that reads a module-level
/// constant array its own copy (an assignment at the top of its body);
/// reports the functions that write into one.
void freezeModuleArrays(ModuleAST &module, DiagnosticEngine &diags);

} // namespace weft

#endif // WEFT_FRONTEND_FREEZEMODULEARRAYS_H
