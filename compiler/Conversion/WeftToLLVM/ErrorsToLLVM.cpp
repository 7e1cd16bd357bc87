//===- ErrorsToLLVM.cpp - weft ops to LLVM: errors
//--------------------------===//
//
// Errors: failures, shape and index errors, stack checks, errors recorded in
// parallel loops, allocation sites, and the cells of try statements.
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/WeftToLLVM/Common.h"

using namespace mlir;
using namespace weft::lowering;
namespace abi = weft::abi;

namespace {

struct FailLowering : ConvertOpToLLVMPattern<weft::FailOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::FailOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value msg = stringConstant(rewriter, op, op.getMessage());
    Value line = constI64(rewriter, op.getLoc(), op.getLine());
    callRuntime(rewriter, op, abi::Function::weft_rt_check_failed, {msg, line});
    rewriter.eraseOp(op);
    return success();
  }
};

/// weft.stack_check: the runtime compares the stack pointer with the
/// thread's limit and returns non-zero to stop (see RuntimeABI.h).
struct StackCheckLowering : ConvertOpToLLVMPattern<weft::StackCheckOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::StackCheckOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Value name = stringConstant(rewriter, op, op.getFunction());
    Value line = constI64(rewriter, loc, op.getLine());
    Value r = callRuntime(rewriter, op, abi::Function::weft_rt_stack_check,
                          {name, line});
    rewriter.replaceOp(op, LLVM::ICmpOp::create(rewriter, loc,
                                                LLVM::ICmpPredicate::ne, r,
                                                constI32(rewriter, loc, 0)));
    return success();
  }
};

/// weft.alloc_site: tells the runtime the line of the next allocation.
struct AllocSiteLowering : ConvertOpToLLVMPattern<weft::AllocSiteOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::AllocSiteOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    callRuntime(rewriter, op, abi::Function::weft_rt_alloc_site,
                {constI64(rewriter, op.getLoc(), op.getLine())});
    rewriter.eraseOp(op);
    return success();
  }
};

struct ShapeErrorLowering : ConvertOpToLLVMPattern<weft::ShapeErrorOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::ShapeErrorOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto i64 = rewriter.getI64Type();
    auto ptrTy = LLVM::LLVMPointerType::get(op.getContext());
    size_t n = adaptor.getShapes().size();
    Value count = LLVM::ConstantOp::create(
        rewriter, loc, i64, rewriter.getI64IntegerAttr(std::max<size_t>(n, 1)));
    // Only reached on the error path, so a local alloca is fine here.
    Value buf = LLVM::AllocaOp::create(rewriter, loc, ptrTy, i64, count);
    for (size_t i = 0; i < n; ++i) {
      Value p = LLVM::GEPOp::create(rewriter, loc, ptrTy, i64, buf,
                                    ArrayRef<LLVM::GEPArg>{int32_t(i)});
      LLVM::StoreOp::create(rewriter, loc, adaptor.getShapes()[i], p);
    }
    Value fmt = stringConstant(rewriter, op, op.getFormat());
    Value line = LLVM::ConstantOp::create(
        rewriter, loc, i64, rewriter.getI64IntegerAttr(op.getLine()));
    callRuntime(rewriter, op, abi::Function::weft_rt_shape_error,
                {fmt, line, buf});
    rewriter.eraseOp(op);
    return success();
  }
};

struct IndexErrorLowering : ConvertOpToLLVMPattern<weft::IndexErrorOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::IndexErrorOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto i64 = rewriter.getI64Type();
    Value axis = LLVM::ConstantOp::create(
        rewriter, loc, i64, rewriter.getI64IntegerAttr(op.getAxis()));
    Value line = LLVM::ConstantOp::create(
        rewriter, loc, i64, rewriter.getI64IntegerAttr(op.getLine()));
    callRuntime(rewriter, op, abi::Function::weft_rt_index_error,
                {adaptor.getIndex(), axis, adaptor.getExtent(), line});
    rewriter.eraseOp(op);
    return success();
  }
};

} // namespace

/// weft.cell: an alloca of the value's LLVM type at the start of the
/// allocation scope (one per call, or per iteration of a parallel loop).
struct CellLowering : ConvertOpToLLVMPattern<weft::CellOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::CellOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = getTypeConverter()->convertType(op.getType());
    if (!type)
      return failure();
    rewriter.replaceOp(op, entrySlot(rewriter, op, type, 1));
    return success();
  }
};

/// weft.cell_store / weft.cell_load: volatile, so that LLVM neither drops
/// a store the except block reads after the longjmp nor forwards one
/// across the _setjmp.
struct CellStoreLowering : ConvertOpToLLVMPattern<weft::CellStoreOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::CellStoreOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    LLVM::StoreOp::create(rewriter, op.getLoc(), adaptor.getValue(),
                          adaptor.getCell(), /*alignment=*/0,
                          /*isVolatile=*/true);
    rewriter.eraseOp(op);
    return success();
  }
};

struct CellLoadLowering : ConvertOpToLLVMPattern<weft::CellLoadOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::CellLoadOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type type = getTypeConverter()->convertType(op.getType());
    if (!type)
      return failure();
    rewriter.replaceOp(op, LLVM::LoadOp::create(rewriter, op.getLoc(), type,
                                                adaptor.getCell(),
                                                /*alignment=*/0,
                                                /*isVolatile=*/true));
    return success();
  }
};

void weft::populateErrorsToLLVMPatterns(LLVMTypeConverter &converter,
                                        RewritePatternSet &patterns) {
  patterns.add<FailLowering, StackCheckLowering, AllocSiteLowering,
               ShapeErrorLowering, IndexErrorLowering, CellLowering,
               CellStoreLowering, CellLoadLowering>(converter);
  patterns.add<DirectCallLowering<weft::RaiseRecordedOp>>(
      converter, abi::Function::weft_rt_raise_recorded);
}
