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

def InlineAllocaScopes : Pass<"weft-inline-alloca-scopes"> {
  let summary = "Inline memref.alloca_scope regions that allocate nothing.";
  let description = [{
    `convert-scf-to-openmp` wraps each parallel loop body in a
    `memref.alloca_scope`, which must keep a single block. Weft's bodies
    hold loops and branches of their own, which `convert-scf-to-cf` turns
    into several blocks; a scope without `memref.alloca` inside frees
    nothing, so this pass replaces it by its body.
  }];
  let dependentDialects = ["::mlir::memref::MemRefDialect"];
}

#endif // WEFT_PASSES
