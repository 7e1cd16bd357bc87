//===- JITRunner.h - JIT-compile and run a lowered module ------*- C++ -*-===//
//
// Loads an LLVM-dialect module into MLIR's ExecutionEngine (ORC), optimised
// with the host TargetMachine, with the runtime's `weft_rt_*` symbols
// registered explicitly, and runs the script entry point `__weft_main`
// under the runtime's error handler.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_RUNTIME_JITRUNNER_H
#define WEFT_RUNTIME_JITRUNNER_H

#include "compiler/Codegen/LLVMCodegen.h"

#include "mlir/IR/BuiltinOps.h"

#include <string>

namespace weft {

enum class RunStatus {
  Ok,           ///< the program ran to the end
  RuntimeError, ///< the program raised an error (message in `error`)
  JITError,     ///< the module could not be compiled or loaded
};

/// JIT-compiles `module` at `optLevel` and runs `__weft_main`.
/// `vectorMath`: vectorize math functions with glibc's libmvec (--fastmath).
/// `remarks`: collects the loop vectorizer's remarks (weft run --report).
RunStatus runModule(mlir::ModuleOp module, int optLevel, std::string &error,
                    bool vectorMath = false,
                    std::vector<VectorizerRemark> *remarks = nullptr);

/// Threads for parallel loops: `n` > 0, else WEFT_NUM_THREADS if set, else
/// all cores. Returns the number in effect.
int setThreadCount(int n);

} // namespace weft

#endif // WEFT_RUNTIME_JITRUNNER_H
