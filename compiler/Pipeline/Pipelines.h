//===- Pipelines.h - Named pass pipelines of the Weft compiler -*- C++ -*-===//
//
// The CPU lowering pipeline from Weft's high-level MLIR (func, arith, math,
// scf, memref, weft) down to the LLVM dialect, and the registration of
// named pipelines and passes for weft-opt.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_COMPILER_PIPELINE_PIPELINES_H
#define WEFT_COMPILER_PIPELINE_PIPELINES_H

#include "mlir/Pass/PassManager.h"

#include <string>

namespace mlir {
class DialectRegistry;
}

namespace weft {

/// On MLIRGen output: array operations to loops (weft.matmul), the choice
/// of which array loop nests run in parallel, canonicalize, CSE, and the
/// buffers whose lifetime is known freed without a count or put on the
/// stack. `forGPU`: checks in prange loops report per iteration, which
/// the device records (weft-record-device-errors), rather than after the
/// loop.
void buildCleanupPipeline(mlir::OpPassManager &pm, bool forGPU = false);
/// From high-level MLIR to the LLVM dialect, ready for translation.
void buildCPULoweringPipeline(mlir::OpPassManager &pm);
/// The same; with `gpuLaunches`, gpu.launch_func operations become calls
/// of the GPU runtime (runtime/CudaRuntime.cpp).
void buildCPULoweringPipeline(mlir::OpPassManager &pm, bool gpuLaunches);
/// --target=gpu: device-safe parallel loops become gpu.launch operations
/// and every launch body an outlined kernel in a gpu.module.
void buildGPUOutliningPipeline(mlir::OpPassManager &pm);
/// Kernels to PTX for `chip` (sm_80, ...): NVVM lowering, libdevice for
/// math, and gpu-module-to-binary (the PTX is kept in a gpu.binary).
void buildGPUCodegenPipeline(mlir::OpPassManager &pm, const std::string &chip,
                             int optLevel);

/// Registers every dialect MLIRGen and the pipelines produce.
void registerWeftDialects(mlir::DialectRegistry &registry);
/// Registers Weft's passes, the upstream passes the pipelines use and the
/// named pipelines `weft-cleanup` and `weft-cpu-pipeline`.
void registerWeftPassesAndPipelines();

} // namespace weft

#endif // WEFT_COMPILER_PIPELINE_PIPELINES_H
