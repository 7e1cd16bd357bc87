//===- JITRunner.cpp - JIT-compile and run a lowered module ---------------===//
//
// Implements runModule on mlir::ExecutionEngine.
//
//===----------------------------------------------------------------------===//
#include "runtime/JITRunner.h"

#include "compiler/Codegen/LLVMCodegen.h"
#include "runtime/NpyIO.h"
#include "runtime/RuntimeABI.h"

#include "mlir/ExecutionEngine/ExecutionEngine.h"

#include "llvm/ExecutionEngine/Orc/Mangling.h"
#include "llvm/Support/Error.h"

#include <cstdlib>
#include <dlfcn.h>

// libomp's API (the generated code calls its __kmpc_* entry points).
extern "C" void omp_set_num_threads(int n);
extern "C" int omp_get_max_threads(void);

namespace weft {

namespace {
llvm::orc::SymbolMap runtimeSymbols(llvm::orc::MangleAndInterner interner) {
  llvm::orc::SymbolMap map;
  auto add = [&](const char *name, void *addr) {
    map[interner(name)] = {llvm::orc::ExecutorAddr::fromPtr(addr),
                           llvm::JITSymbolFlags::Exported};
  };
#define WEFT_RT(sym) add(#sym, reinterpret_cast<void *>(&sym))
  WEFT_RT(weft_rt_print_i64);
  WEFT_RT(weft_rt_print_i32);
  WEFT_RT(weft_rt_print_f64);
  WEFT_RT(weft_rt_print_f32);
  WEFT_RT(weft_rt_print_bool);
  WEFT_RT(weft_rt_print_str);
  WEFT_RT(weft_rt_print_sep);
  WEFT_RT(weft_rt_print_newline);
  WEFT_RT(weft_rt_print_array_f64);
  WEFT_RT(weft_rt_print_array_i64);
  WEFT_RT(weft_rt_print_array_bool);
  WEFT_RT(weft_rt_print_array);
  WEFT_RT(weft_rt_sum_f64);
  WEFT_RT(weft_rt_shape_error);
  WEFT_RT(weft_rt_time);
  WEFT_RT(weft_rt_check_failed);
  WEFT_RT(weft_rt_raise_recorded);
  WEFT_RT(weft_rt_rng_seed);
  WEFT_RT(weft_rt_rng_stream);
  WEFT_RT(weft_rt_rng_bits);
  WEFT_RT(weft_rt_rng_begin_iteration);
  WEFT_RT(weft_rt_rng_end_iteration);
  WEFT_RT(weft_rt_gemm);
  WEFT_RT(weft_rt_index_error);
  WEFT_RT(weft_rt_load_npy);
  WEFT_RT(weft_rt_save_npy);
  WEFT_RT(weft_rt_argv_i64);
  WEFT_RT(weft_rt_argv_f64);
  WEFT_RT(weft_rt_argv_bool);
  WEFT_RT(_mlir_memref_to_llvm_alloc);
  WEFT_RT(_mlir_memref_to_llvm_free);
  WEFT_RT(weft_rt_array_retain);
  WEFT_RT(weft_rt_array_release);
  WEFT_RT(weft_rt_fail);
#undef WEFT_RT
  return map;
}
} // namespace

int setThreadCount(int n) {
  if (n <= 0)
    if (const char *env = std::getenv("WEFT_NUM_THREADS"))
      n = std::atoi(env);
  if (n > 0)
    omp_set_num_threads(n);
  return omp_get_max_threads();
}

RunStatus runModule(mlir::ModuleOp module, int optLevel, std::string &error,
                    bool vectorMath, std::vector<VectorizerRemark> *remarks) {
  // The vector variants (_ZGVdN4v_sin, ...) live in libmvec; make its
  // symbols visible to the JIT's process-symbol lookup.
  if (vectorMath && !dlopen("libmvec.so.1", RTLD_NOW | RTLD_GLOBAL))
    vectorMath = false;
  std::unique_ptr<llvm::TargetMachine> tm =
      createHostTargetMachine(optLevel, error);
  if (!tm)
    return RunStatus::JITError;
  llvm::TargetMachine *tmPtr = tm.get();
  auto transformer = [&](llvm::Module *m) -> llvm::Error {
    optimizeModule(*m, *tmPtr, optLevel, vectorMath, remarks);
    return llvm::Error::success();
  };
  mlir::ExecutionEngineOptions options;
  options.transformer = transformer;
  options.jitCodeGenOptLevel = tm->getOptLevel();
  options.enableGDBNotificationListener = false;
  options.enablePerfNotificationListener = false;
  auto engineOrErr =
      mlir::ExecutionEngine::create(module, options, std::move(tm));
  if (!engineOrErr) {
    error = "JIT error: " + llvm::toString(engineOrErr.takeError());
    return RunStatus::JITError;
  }
  auto &engine = *engineOrErr;
  engine->registerSymbols(runtimeSymbols);
  engine->initialize();
  auto entry = engine->lookup("__weft_main");
  if (!entry) {
    error = "JIT error: " + llvm::toString(entry.takeError());
    return RunStatus::JITError;
  }
  auto fn = reinterpret_cast<void (*)()>(*entry);
  if (!rt::runProtected(fn, error))
    return RunStatus::RuntimeError;
  return RunStatus::Ok;
}

} // namespace weft
