//===- MLIRGen.h - Typed AST to MLIR ---------------------------*- C++ -*-===//
//
// Entry point of the translation from the analysed program (frontend/Sema.h)
// to a high-level MLIR module of func, arith, math, scf, memref and weft
// operations, one func.func per function instance plus `__weft_main` for the
// script body.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_COMPILER_MLIRGEN_MLIRGEN_H
#define WEFT_COMPILER_MLIRGEN_MLIRGEN_H

#include "compiler/Driver/CompileMetrics.h"
#include "frontend/Diagnostics.h"
#include "frontend/Sema.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

namespace weft {

/// One line of the loop report (`weft emit --stage=report`): what the
/// compiler did with a loop or array statement at a source line.
struct LoopReport {
  int64_t line = 0;
  std::string function; ///< source name of the function
  std::string text;
};

/// A variable a session (`weft repl`) can keep between entries: a number,
/// a bool, an array, or a tuple or optional of those (kept slot by slot).
bool sessionStorable(const Type &t);
/// The names of the values a variable of type `t` is held in: `name`, or
/// for a tuple or optional one per part ("t#0", "t#1", nested "t#0#1").
void slotNames(const std::string &name, const Type &t,
               std::vector<std::string> &out);

/// Generates MLIR for `program`. Returns null (after reporting to `diags`)
/// if a construct cannot be generated. `timings` receives the time of
/// each function specialisation (stage "mlirgen"). `gpu`: the whole
/// program targets the GPU (kernels launch on it; every function's
/// parallel loops may be offloaded).
mlir::OwningOpRef<mlir::ModuleOp> generateMLIR(
    mlir::MLIRContext &context, const Program &program, const SourceFile &file,
    DiagnosticEngine &diags, bool boundscheck = false, bool fastmath = false,
    std::vector<LoopReport> *report = nullptr,
    std::vector<metrics::StageTime> *timings = nullptr, bool gpu = false);

} // namespace weft

#endif // WEFT_COMPILER_MLIRGEN_MLIRGEN_H
