//===- CompileMetrics.h - Timings of the compile stages --------*- C++ -*-===//
//
// What compiling one program cost: the wall time of every stage (parse,
// type inference, MLIRGen per function, each MLIR pass by pipeline, LLVM
// optimisation, machine code generation, JIT load) and the size of the
// machine code. Filled by Compilation and JITProgram; printed by
// runtime/Metrics.h.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_COMPILER_DRIVER_COMPILEMETRICS_H
#define WEFT_COMPILER_DRIVER_COMPILEMETRICS_H

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace weft::metrics {

/// One timed compile stage. `group` gathers passes of one MLIR pipeline
/// ("cleanup", "cpu-lowering"); `function` is set for per-function stages
/// (MLIRGen of one function specialisation).
struct StageTime {
  std::string stage;
  std::string group;
  std::string function;
  double seconds = 0;
};

struct FunctionCode {
  std::string name; ///< symbol of the specialisation (e.g. "dot___f64")
  int64_t bytes = 0;
};

struct CompileMetrics {
  /// Top-level stages in pipeline order: parse, sema, mlir-context, mlirgen,
  /// pipeline:cleanup, pipeline:cpu-lowering, target-setup,
  /// llvm-translate, llvm-optimize, codegen, jit-load.
  std::vector<StageTime> stages;
  /// Finer entries inside a stage: MLIRGen per function, each pass of
  /// each pipeline.
  std::vector<StageTime> details;
  /// The whole compile's wall time, measured around all stages by the
  /// driver (the stages account for all but the glue between them).
  double totalSeconds = 0;
  int64_t objectBytes = 0;
  std::vector<FunctionCode> functions;
  /// Appends a top-level stage.
  void add(const std::string &stage, double seconds) {
    stages.push_back({stage, "", "", seconds});
  }
};

/// A steady clock in seconds.
inline double wallNow() {
  return std::chrono::duration<double>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

} // namespace weft::metrics

#endif // WEFT_COMPILER_DRIVER_COMPILEMETRICS_H
