//===- Passes.h - Weft compiler passes -------------------------*- C++ -*-===//
//
// Declares Weft's passes (generated from Passes.td) and their registration.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_COMPILER_CONVERSION_PASSES_H
#define WEFT_COMPILER_CONVERSION_PASSES_H

#include "mlir/Pass/Pass.h"

namespace weft {

#define GEN_PASS_DECL
#include "compiler/Conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "compiler/Conversion/Passes.h.inc"

} // namespace weft

#endif // WEFT_COMPILER_CONVERSION_PASSES_H
