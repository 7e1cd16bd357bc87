//===- Common.h - Shared pieces of the weft-to-LLVM patterns ---*- C++ -*-===//
//
// Helpers every family of weft-to-LLVM patterns uses (runtime calls with
// their signatures from runtime/RuntimeFunctions.def, constants, strings,
// descriptors), and the populate functions of the families.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_COMPILER_CONVERSION_WEFTTOLLVM_COMMON_H
#define WEFT_COMPILER_CONVERSION_WEFTTOLLVM_COMMON_H

#include "compiler/Dialect/WeftDialect.h"
#include "runtime/RuntimeFunctions.h"

#include "mlir/Conversion/LLVMCommon/MemRefBuilder.h"
#include "mlir/Conversion/LLVMCommon/Pattern.h"
#include "mlir/Conversion/LLVMCommon/TypeConverter.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Transforms/DialectConversion.h"

namespace weft {

/// The patterns of one family of weft ops each (see ConvertWeftToLLVM).
void populatePrintToLLVMPatterns(mlir::LLVMTypeConverter &converter,
                                 mlir::RewritePatternSet &patterns);
void populateArraysToLLVMPatterns(mlir::LLVMTypeConverter &converter,
                                  mlir::RewritePatternSet &patterns);
void populateErrorsToLLVMPatterns(mlir::LLVMTypeConverter &converter,
                                  mlir::RewritePatternSet &patterns);
void populateRandomToLLVMPatterns(mlir::LLVMTypeConverter &converter,
                                  mlir::RewritePatternSet &patterns);
void populateEnvironmentToLLVMPatterns(mlir::LLVMTypeConverter &converter,
                                       mlir::RewritePatternSet &patterns);

namespace lowering {

/// LLVM integer constants.
mlir::Value constI64(mlir::ConversionPatternRewriter &rewriter,
                     mlir::Location loc, int64_t v);
mlir::Value constI32(mlir::ConversionPatternRewriter &rewriter,
                     mlir::Location loc, int32_t v);

/// Declares (once, with its signature from RuntimeFunctions.def) and calls
/// runtime function `fn`; returns its result, or a null value for void.
mlir::Value callRuntime(mlir::ConversionPatternRewriter &rewriter,
                        mlir::Operation *op, abi::Function fn,
                        mlir::ValueRange args);

/// The element pointer, size and stride of a 1-D memref descriptor.
void unpack1D(mlir::ConversionPatternRewriter &rewriter, mlir::Location loc,
              const mlir::LLVMTypeConverter &converter, mlir::MemRefType type,
              mlir::Value value, mlir::Value &data, mlir::Value &size,
              mlir::Value &stride);

/// A stack slot of `count` values of `type`, made once at the start of the
/// op's allocation scope (so loops do not grow the stack).
mlir::Value entrySlot(mlir::ConversionPatternRewriter &rewriter,
                      mlir::Operation *op, mlir::Type type, int64_t count);

/// A pointer to a copy of a memref descriptor struct, in a stack slot made
/// once in the function's entry block (so loops do not grow the stack).
mlir::Value descriptorPointer(mlir::ConversionPatternRewriter &rewriter,
                              mlir::Operation *op, mlir::Value descriptor);

/// A pointer to a NUL-terminated constant string, as an LLVM global.
mlir::Value stringConstant(mlir::ConversionPatternRewriter &rewriter,
                           mlir::Operation *op, llvm::StringRef text);

/// The runtime's element kind code (weft/dtype.h); the verifiers of the
/// ops lowered here admit only types that have one.
int32_t elemKindCode(mlir::Type e);

/// An op lowered to one call of runtime function `fn` with the op's
/// converted operands in order; the op's result, if any, is the call's.
template <typename OpTy>
struct DirectCallLowering : mlir::ConvertOpToLLVMPattern<OpTy> {
  DirectCallLowering(const mlir::LLVMTypeConverter &converter, abi::Function fn)
      : mlir::ConvertOpToLLVMPattern<OpTy>(converter), fn(fn) {}

  mlir::LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  mlir::ConversionPatternRewriter &rewriter) const override {
    mlir::Value result = callRuntime(rewriter, op, fn, adaptor.getOperands());
    if (op->getNumResults())
      rewriter.replaceOp(op, result);
    else
      rewriter.eraseOp(op);
    return mlir::success();
  }
  abi::Function fn;
};

} // namespace lowering
} // namespace weft

#endif // WEFT_COMPILER_CONVERSION_WEFTTOLLVM_COMMON_H
