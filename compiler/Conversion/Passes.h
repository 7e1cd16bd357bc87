//===- Passes.h - Weft compiler passes -------------------------*- C++ -*-===//
//
// Declares Weft's passes (generated from Passes.td) and their registration.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_COMPILER_CONVERSION_PASSES_H
#define WEFT_COMPILER_CONVERSION_PASSES_H

#include "mlir/Pass/Pass.h"

#include <string>

namespace weft {

/// The source name of a function specialisation's symbol ("dot___f64" ->
/// "dot"), for messages and metrics.
inline std::string sourceName(llvm::StringRef symbol) {
  size_t cut = symbol.find("___");
  return (cut == llvm::StringRef::npos ? symbol : symbol.substr(0, cut)).str();
}

/// Elements from which an array statement runs on several threads (the
/// default of weft-choose-parallel-nests): below it, starting threads
/// costs more than it saves.
constexpr int64_t kParallelThreshold = 1 << 15;

#define GEN_PASS_DECL
#include "compiler/Conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "compiler/Conversion/Passes.h.inc"

} // namespace weft

#endif // WEFT_COMPILER_CONVERSION_PASSES_H
