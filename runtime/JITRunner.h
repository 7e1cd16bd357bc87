//===- JITRunner.h - JIT-compile and run a lowered module ------*- C++ -*-===//
//
// Turns an LLVM-dialect module into machine code for the host (LLVM IR,
// optimisation, an object file), loads it into an ORC LLJIT with the
// runtime's `weft_rt_*` symbols registered explicitly, and runs the script
// entry point `__weft_main` under the runtime's error handler. Each stage
// is timed into the compile metrics.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_RUNTIME_JITRUNNER_H
#define WEFT_RUNTIME_JITRUNNER_H

#include "compiler/Codegen/LLVMCodegen.h"

#include "runtime/Metrics.h"

#include "mlir/IR/BuiltinOps.h"

#include <memory>
#include <string>

namespace weft {

enum class RunStatus {
  Ok,           ///< the program ran to the end
  RuntimeError, ///< the program raised an error (message in `error`)
  JITError,     ///< the module could not be compiled or loaded
};

struct JITOptions {
  int optLevel = 3;
  /// Vectorize math functions with glibc's libmvec (--fastmath).
  bool vectorMath = false;
  /// Collects the loop vectorizer's remarks (weft run --report).
  std::vector<VectorizerRemark> *remarks = nullptr;
  /// Receives the stages llvm-translate, llvm-optimize, codegen and
  /// jit-load, the object size and each function's code size.
  metrics::CompileMetrics *metrics = nullptr;
  /// Functions the host calls: each gets `__weft_packed_<symbol>`.
  std::vector<std::string> exports;
  /// If set, receives the object file (for the on-disk code cache).
  std::string *objectOut = nullptr;
};

/// A program compiled to machine code and loaded: its entry point can be
/// run any number of times (weft bench).
class JITProgram {
public:
  /// Null (with `error`) if the module cannot be compiled or loaded.
  static std::unique_ptr<JITProgram>
  create(mlir::ModuleOp module, const JITOptions &options, std::string &error);
  /// The machine code of `module` as an object file (stages timed into
  /// options.metrics).
  static bool compileObject(mlir::ModuleOp module, const JITOptions &options,
                            llvm::SmallVectorImpl<char> &object,
                            std::string &error);
  /// Loads an object file (compiled now or read from the code cache).
  static std::unique_ptr<JITProgram>
  load(llvm::StringRef object, const JITOptions &options, std::string &error);
  ~JITProgram();
  /// Runs `__weft_main` once.
  RunStatus run(std::string &error);
  /// The address of `symbol`, or null.
  void *lookup(const std::string &symbol);
  /// Calls a `__weft_packed_*` wrapper with `args` under the runtime's
  /// error handler.
  RunStatus call(void *packed, void **args, std::string &error);

private:
  JITProgram();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// JIT-compiles `module` at `optLevel` and runs `__weft_main` once.
/// `vectorMath`: vectorize math functions with glibc's libmvec (--fastmath).
/// `remarks`: collects the loop vectorizer's remarks (weft run --report).
RunStatus runModule(mlir::ModuleOp module, int optLevel, std::string &error,
                    bool vectorMath = false,
                    std::vector<VectorizerRemark> *remarks = nullptr);

/// The most threads parallel loops run on. Larger counts are refused, on
/// every path (--threads, WEFT_NUM_THREADS, Options::threads, the REPL's
/// :threads): libomp aborts the process when it cannot start them.
constexpr int kMaxThreads = 4096;

/// Reads a thread count written as text (an option's value or
/// WEFT_NUM_THREADS): a whole number from 1 to kMaxThreads. Otherwise
/// false, with `error`: "`what` needs a number of threads from 1 to 4096,
/// not 'text'".
bool parseThreadCount(const std::string &text, const std::string &what, int &n,
                      std::string &error);

/// Threads for parallel loops: `n` > 0, else WEFT_NUM_THREADS if set (and
/// not empty), else all cores. False (with `error`, nothing changed) if `n`
/// is negative or above kMaxThreads, or WEFT_NUM_THREADS is not a number
/// from 1 to kMaxThreads.
bool setThreadCount(int n, std::string &error);
/// The same checks, without changing OpenMP's setting: `resolved` is n,
/// or WEFT_NUM_THREADS for 0 (0 when unset: all cores).
bool resolveThreadCount(int n, int &resolved, std::string &error);

} // namespace weft

#endif // WEFT_RUNTIME_JITRUNNER_H
