//===- LLVMCodegen.h - LLVM IR, optimisation and machine code --*- C++ -*-===//
//
// Translation of the LLVM-dialect module to LLVM IR, optimisation at -O3
// with the host TargetMachine (CPU name and features, so the vectorizer
// knows the vector width) and assembly printing.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_COMPILER_CODEGEN_LLVMCODEGEN_H
#define WEFT_COMPILER_CODEGEN_LLVMCODEGEN_H

#include "mlir/IR/BuiltinOps.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Target/TargetMachine.h"

#include <memory>
#include <string>
#include <vector>

namespace weft {

/// Initialises the native target once (idempotent).
void initializeNativeTarget();

/// A TargetMachine for the host CPU with all of its features; null with
/// `error` set on failure.
std::unique_ptr<llvm::TargetMachine>
createHostTargetMachine(int optLevel, std::string &error);

/// Translates an LLVM-dialect module; sets the host triple and data layout.
std::unique_ptr<llvm::Module> translateToLLVMIR(mlir::ModuleOp module,
                                                llvm::LLVMContext &ctx,
                                                llvm::TargetMachine &tm);

/// Runs LLVM's default pipeline at `optLevel` (0-3) with `tm`.
/// With `vectorMath`, loops calling math functions may vectorize them
/// with glibc's libmvec (a few ulp, not correctly rounded: --fastmath).
/// A remark of LLVM's loop vectorizer: the source line and the message
/// ("vectorized loop (vectorization width: 4, ...)").
struct VectorizerRemark {
  int64_t line = 0;
  std::string message;
};

/// With `remarks`, the loop vectorizer's remarks are collected there.
void optimizeModule(llvm::Module &module, llvm::TargetMachine &tm, int optLevel,
                    bool vectorMath = false,
                    std::vector<VectorizerRemark> *remarks = nullptr);

/// Host assembly of `module`.
std::string emitAssembly(llvm::Module &module, llvm::TargetMachine &tm);

/// A relocatable object file of `module` (ELF on Linux); false if the
/// target cannot emit one.
bool emitObject(llvm::Module &module, llvm::TargetMachine &tm,
                llvm::SmallVectorImpl<char> &out);

} // namespace weft

#endif // WEFT_COMPILER_CODEGEN_LLVMCODEGEN_H
