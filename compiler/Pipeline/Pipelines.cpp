//===- Pipelines.cpp - Named pass pipelines of the Weft compiler ----------===//
//
// Builds the cleanup and CPU lowering pipelines and registers them (with
// Weft's own passes) so `weft-opt --weft-cpu-pipeline` replays a lowering.
//
//===----------------------------------------------------------------------===//
#include "compiler/Pipeline/Pipelines.h"

#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/GPU/Transforms/Passes.h"
#include "mlir/Dialect/Index/IR/IndexDialect.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/LLVMIR/NVVMDialect.h"
#include "mlir/Dialect/LLVMIR/Transforms/Passes.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/Passes.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Target/LLVM/NVVM/Target.h"
#include "mlir/Target/LLVMIR/Dialect/GPU/GPUToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/NVVM/NVVMToLLVMIRTranslation.h"
#include "mlir/Transforms/Passes.h"

#include "llvm/Support/FileSystem.h"

#include <cstdlib>

#include "mlir/Conversion/ArithToLLVM/ArithToLLVM.h"
#include "mlir/Conversion/ComplexToLLVM/ComplexToLLVM.h"
#include "mlir/Conversion/ControlFlowToLLVM/ControlFlowToLLVM.h"
#include "mlir/Conversion/FuncToLLVM/ConvertFuncToLLVM.h"
#include "mlir/Conversion/IndexToLLVM/IndexToLLVM.h"
#include "mlir/Conversion/MathToLLVM/MathToLLVM.h"
#include "mlir/Conversion/MemRefToLLVM/MemRefToLLVM.h"
#include "mlir/Conversion/OpenMPToLLVM/ConvertOpenMPToLLVM.h"
#include "mlir/Conversion/UBToLLVM/UBToLLVM.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/LLVMIR/Transforms/InlinerInterfaceImpl.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/OpenMP/OpenMPToLLVMIRTranslation.h"

using namespace mlir;

namespace weft {

void buildCleanupPipeline(OpPassManager &pm, bool forGPU) {
  // Array operations to loops; then, while each loop's mark is where it
  // was put (the canonicalizer inlines loops of one iteration) and before
  // GPU outlining (small arrays stay on the host), the parallel choice.
  // Complex arithmetic before any canonicalizer (see Passes.td).
  pm.addPass(weft::createInsertInterruptChecks());
  pm.addPass(weft::createDeferChecks(
      weft::DeferChecksOptions{/*acrossIterations=*/!forGPU}));
  pm.addPass(weft::createLowerChecks());
  pm.addPass(weft::createLowerParallelFor());
  pm.addPass(weft::createLowerComprehensions());
  pm.addPass(weft::createLowerComplex());
  pm.addPass(weft::createLowerJoins());
  pm.addPass(weft::createLowerRanges());
  pm.addPass(weft::createLowerBroadcast());
  pm.addPass(weft::createFuseElementwise());
  pm.addPass(weft::createHoistInvariantReductions());
  pm.addPass(weft::createLowerElementwise());
  pm.addPass(weft::createLowerReductions());
  pm.addPass(weft::createLowerIndexing());
  pm.addPass(weft::createLowerStatistics());
  pm.addPass(weft::createLowerRandom());
  pm.addPass(weft::createLowerMatmul());
  pm.addPass(weft::createLowerLaunch());
  pm.addPass(weft::createLowerVmap());
  pm.addPass(weft::createChooseParallelNests());
  pm.addPass(weft::createProveNonzeroDivisors());
  pm.addPass(createCanonicalizerPass());
  // After canonicalization has folded the exponents' conversions.
  pm.addPass(weft::createExpandPowers());
  pm.addPass(createCSEPass());
  // After canonicalization has made constant shapes static.
  pm.addPass(weft::createPromoteBuffers());
  pm.addNestedPass<func::FuncOp>(weft::createBorrowArguments());
}

void buildGPUOutliningPipeline(OpPassManager &pm) {
  pm.addPass(weft::createRecordDeviceErrors());
  pm.addPass(weft::createMapLoopsToGPU());
  pm.addPass(createConvertParallelLoopToGpuPass());
  pm.addPass(createGpuKernelOutliningPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createCanonicalizerPass());
}

void buildGPUCodegenPipeline(OpPassManager &pm, const std::string &chip,
                             int optLevel) {
  GpuNVVMAttachTargetOptions target;
  target.chip = chip;
  target.optLevel = optLevel;
  // Math functions in kernels come from libdevice (CUDA's bitcode math
  // library): $CUDA_HOME or /usr/local/cuda.
  std::string cuda = "/usr/local/cuda";
  if (const char *home = std::getenv("CUDA_HOME"))
    cuda = home;
  std::string libdevice = cuda + "/nvvm/libdevice/libdevice.10.bc";
  if (llvm::sys::fs::exists(libdevice))
    target.linkLibs.push_back(libdevice);
  pm.addPass(createGpuNVVMAttachTarget(target));
  OpPassManager &device = pm.nest<gpu::GPUModuleOp>();
  device.addPass(createStripDebugInfoPass());
  device.addPass(weft::createLowerKeepLoop());
  device.addPass(weft::createLowerMath());
  // The bounds guard of a tiled loop is an scf.if.
  device.addPass(createSCFToControlFlowPass());
  device.addPass(createConvertGpuOpsToNVVMOps());
  device.addPass(createReconcileUnrealizedCastsPass());
  device.addPass(weft::createDropUnsignedWrap());
  GpuModuleToBinaryPassOptions binary;
  binary.compilationTarget = "isa"; // PTX, which the driver compiles
  pm.addPass(createGpuModuleToBinaryPass(binary));
}

void buildCPULoweringPipeline(OpPassManager &pm) {
  buildCPULoweringPipeline(pm, /*gpuLaunches=*/false);
}

void buildCPULoweringPipeline(OpPassManager &pm, bool gpuLaunches) {
  // Recursive functions check their stack (RecursionError, not a crash).
  pm.addPass(weft::createCheckRecursion());
  // A MemoryError names the line that allocated.
  pm.addPass(weft::createMarkAllocSites());
  // Float min/max reductions in the integer form OpenMP reduces exactly.
  pm.addPass(weft::createKeyFloatReductions());
  // scf.parallel nests (array statements) become OpenMP worksharing loops.
  pm.addPass(createConvertSCFToOpenMPPass());
  pm.addPass(weft::createLowerParallelIf());
  // Loops whose iterations do unequal work are dealt out in chunks.
  pm.addPass(weft::createBalanceParallelLoops());
  pm.addPass(weft::createInlineAllocaScopes());
  pm.addPass(weft::createLowerKeepLoop());
  pm.addPass(weft::createLowerMath());
  pm.addPass(createConvertWeftToLLVM());
  // Complex scalars: only create/re/im are left (weft-lower-complex).
  pm.addPass(createConvertComplexToStandardPass());
  pm.addPass(createSCFToControlFlowPass());
  // Try statements, now that their regions are blocks.
  pm.addPass(weft::createLowerTry());
  pm.addPass(createConvertMathToFuncs());
  // (log1p stays a call of libm's log1p: MathToLLVM's approximation is
  // log(1 + x), which loses the digits of a small x)
  ConvertMathToLLVMPassOptions mathOptions;
  mathOptions.approximateLog1p = false;
  pm.addPass(createConvertMathToLLVMPass(mathOptions));
  pm.addPass(createConvertMathToLibmPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  // expand-strided-metadata computes the sizes of collapsed and reshaped
  // views of rank 3 and more with affine.apply: lower those to arith.
  pm.addPass(createLowerAffinePass());
  FinalizeMemRefToLLVMConversionPassOptions memrefOptions;
  memrefOptions.useGenericFunctions = true;
  pm.addPass(createFinalizeMemRefToLLVMConversionPass(memrefOptions));
  pm.addPass(createConvertOpenMPToLLVMPass());
  pm.addPass(createArithToLLVMConversionPass());
  pm.addPass(createConvertIndexToLLVMPass());
  pm.addPass(createUBToLLVMConversionPass());
  pm.addPass(createConvertComplexToLLVMPass());
  pm.addPass(createConvertFuncToLLVMPass());
  pm.addPass(createConvertControlFlowToLLVMPass());
  // Host side of gpu.launch_func: calls of the mgpu* runtime functions.
  if (gpuLaunches)
    pm.addPass(createGpuToLLVMConversionPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
  // Views with negative strides: no unsigned-wrap assumptions on indices.
  pm.addPass(weft::createDropUnsignedWrap());
  // Line tables, so LLVM's optimisation remarks (the loop report) and
  // debuggers know source lines.
  pm.addPass(LLVM::createDIScopeForLLVMFuncOpPass());
  pm.addPass(createCanonicalizerPass());
}

void registerWeftDialects(DialectRegistry &registry) {
  registry.insert<WeftDialect, func::FuncDialect, arith::ArithDialect,
                  math::MathDialect, scf::SCFDialect, memref::MemRefDialect,
                  cf::ControlFlowDialect, index::IndexDialect, ub::UBDialect,
                  LLVM::LLVMDialect, omp::OpenMPDialect, gpu::GPUDialect,
                  NVVM::NVVMDialect, affine::AffineDialect,
                  complex::ComplexDialect>();
  NVVM::registerNVVMTargetInterfaceExternalModels(registry);
  registerGPUDialectTranslation(registry);
  gpu::registerOffloadingLLVMTranslationInterfaceExternalModels(registry);
  registerNVVMDialectTranslation(registry);
  registerBuiltinDialectTranslation(registry);
  registerLLVMDialectTranslation(registry);
  registerOpenMPDialectTranslation(registry);
  registerConvertOpenMPToLLVMInterface(registry);
  // Interfaces the conversion passes look up (ConvertToLLVM).
  arith::registerConvertArithToLLVMInterface(registry);
  cf::registerConvertControlFlowToLLVMInterface(registry);
  registerConvertFuncToLLVMInterface(registry);
  index::registerConvertIndexToLLVMInterface(registry);
  registerConvertMathToLLVMInterface(registry);
  registerConvertComplexToLLVMInterface(registry);
  registerConvertMemRefToLLVMInterface(registry);
  ub::registerConvertUBToLLVMInterface(registry);
}

void registerWeftPassesAndPipelines() {
  registerWeftConversionPasses();
  registerConversionPasses();
  memref::registerMemRefPasses();
  registerTransformsPasses();
  registerGPUPasses();
  registerSCFPasses();
  PassPipelineRegistration<>(
      "weft-cleanup",
      "Lower array operations, choose parallel nests, canonicalize, CSE and "
      "promote buffers in Weft's high-level MLIR",
      [](OpPassManager &pm) { buildCleanupPipeline(pm); });
  PassPipelineRegistration<>(
      "weft-cpu-pipeline",
      "Lower Weft's high-level MLIR to the LLVM dialect for the CPU",
      [](OpPassManager &pm) {
        buildCleanupPipeline(pm);
        buildCPULoweringPipeline(pm);
      });
}

} // namespace weft
