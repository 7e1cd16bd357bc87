//===- Passes.td - Weft compiler passes --------------------*- tablegen -*-===//
//
// Declarations of Weft's own passes.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_PASSES
#define WEFT_PASSES

include "mlir/Pass/PassBase.td"

def ConvertWeftToLLVM : Pass<"convert-weft-to-llvm", "::mlir::ModuleOp"> {
  let summary = "Lower weft dialect operations to calls into the runtime.";
  let description = [{
    Rewrites `weft.print`, `weft.retain`, `weft.release`,
    `weft.null_array` and `weft.fail` into LLVM dialect calls of the
    `weft_rt_*` C ABI (runtime/RuntimeABI.h). Assumes nothing about other
    dialects: memref operands are converted through the LLVM type
    converter and reconciled later by `reconcile-unrealized-casts`.
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

#endif // WEFT_PASSES
