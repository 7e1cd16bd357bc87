//===- RandomToLLVM.cpp - weft ops to LLVM: random numbers
//------------------===//
//
// Random numbers: the counter-based streams of the runtime.
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/WeftToLLVM/Common.h"

using namespace mlir;
using namespace weft::lowering;
namespace abi = weft::abi;

namespace {

struct RngStreamLowering : ConvertOpToLLVMPattern<weft::RngStreamOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::RngStreamOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(
        op, callRuntime(rewriter, op, abi::Function::weft_rt_rng_stream, {}));
    return success();
  }
};

struct RngBitsLowering : ConvertOpToLLVMPattern<weft::RngBitsOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::RngBitsOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(
        op, callRuntime(rewriter, op, abi::Function::weft_rt_rng_bits, {}));
    return success();
  }
};

struct RngBeginIterationLowering
    : ConvertOpToLLVMPattern<weft::RngBeginIterationOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::RngBeginIterationOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    callRuntime(rewriter, op, abi::Function::weft_rt_rng_begin_iteration,
                {adaptor.getKey(), adaptor.getIteration()});
    rewriter.eraseOp(op);
    return success();
  }
};

struct RngEndIterationLowering
    : ConvertOpToLLVMPattern<weft::RngEndIterationOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::RngEndIterationOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    callRuntime(rewriter, op, abi::Function::weft_rt_rng_end_iteration, {});
    rewriter.eraseOp(op);
    return success();
  }
};

struct RngSeedLowering : ConvertOpToLLVMPattern<weft::RngSeedOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::RngSeedOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    callRuntime(rewriter, op, abi::Function::weft_rt_rng_seed,
                {adaptor.getSeed()});
    rewriter.eraseOp(op);
    return success();
  }
};

} // namespace

void weft::populateRandomToLLVMPatterns(LLVMTypeConverter &converter,
                                        RewritePatternSet &patterns) {
  patterns.add<RngStreamLowering, RngBitsLowering, RngBeginIterationLowering,
               RngEndIterationLowering, RngSeedLowering>(converter);
}
