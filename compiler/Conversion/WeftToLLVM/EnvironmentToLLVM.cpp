//===- EnvironmentToLLVM.cpp - weft ops to LLVM: the program's environment
//--===//
//
// The program's environment: arguments, the clock, the REPL's session and
// interrupts, metrics.
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/WeftToLLVM/Common.h"

using namespace mlir;
using namespace weft::lowering;
namespace abi = weft::abi;

namespace {

struct ArgvLowering : ConvertOpToLLVMPattern<weft::ArgvOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::ArgvOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Type t = op.getType();
    Location loc = op.getLoc();
    Value line = constI64(rewriter, loc, op.getLine());
    Value fallback = adaptor.getFallback();
    if (t.isInteger(1)) {
      // bool travels as i32 through the C ABI.
      fallback =
          LLVM::ZExtOp::create(rewriter, loc, rewriter.getI32Type(), fallback);
      Value r = callRuntime(rewriter, op, abi::Function::weft_rt_argv_bool,
                            {adaptor.getIndex(), fallback, line});
      Value zero = constI32(rewriter, loc, 0);
      rewriter.replaceOp(op, LLVM::ICmpOp::create(rewriter, loc,
                                                  LLVM::ICmpPredicate::ne, r,
                                                  zero));
      return success();
    }
    abi::Function fn = t.isF64() ? abi::Function::weft_rt_argv_f64
                                 : abi::Function::weft_rt_argv_i64;
    rewriter.replaceOp(op, callRuntime(rewriter, op, fn,
                                       {adaptor.getIndex(), fallback, line}));
    return success();
  }
};

/// The runtime's kind code and rank (-1 for a scalar) of a session value.
std::pair<int32_t, int64_t> sessionKind(Type t) {
  if (auto mt = dyn_cast<MemRefType>(t))
    return {elemKindCode(mt.getElementType()), mt.getRank()};
  return {elemKindCode(t), -1};
}

struct SessionGetLowering : ConvertOpToLLVMPattern<weft::SessionGetOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::SessionGetOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type valueTy = getTypeConverter()->convertType(op.getType());
    auto [kind, rank] = sessionKind(op.getType());
    // The runtime writes the value (a scalar or a descriptor) into a slot.
    auto poison = LLVM::PoisonOp::create(rewriter, loc, valueTy);
    Value slot = descriptorPointer(rewriter, op, poison);
    callRuntime(rewriter, op, abi::Function::weft_rt_session_get,
                {stringConstant(rewriter, op, op.getName()),
                 constI32(rewriter, loc, kind), constI64(rewriter, loc, rank),
                 slot});
    rewriter.replaceOp(op, LLVM::LoadOp::create(rewriter, loc, valueTy, slot));
    return success();
  }
};

struct SessionSetLowering : ConvertOpToLLVMPattern<weft::SessionSetOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::SessionSetOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto [kind, rank] = sessionKind(op.getValue().getType());
    Value slot = descriptorPointer(rewriter, op, adaptor.getValue());
    callRuntime(rewriter, op, abi::Function::weft_rt_session_set,
                {stringConstant(rewriter, op, op.getName()),
                 constI32(rewriter, loc, kind), constI64(rewriter, loc, rank),
                 slot});
    rewriter.eraseOp(op);
    return success();
  }
};

struct CheckInterruptLowering : ConvertOpToLLVMPattern<weft::CheckInterruptOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::CheckInterruptOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    callRuntime(rewriter, op, abi::Function::weft_rt_check_interrupt,
                {constI64(rewriter, op.getLoc(), op.getLine())});
    rewriter.eraseOp(op);
    return success();
  }
};

/// weft.interrupt_requested: a monotonic load of the runtime's flag (an
/// atomic load is not hoisted out of the loop that polls it).
struct InterruptRequestedLowering
    : ConvertOpToLLVMPattern<weft::InterruptRequestedOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::InterruptRequestedOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto module = op->getParentOfType<ModuleOp>();
    StringRef name = "weft_rt_interrupt_flag";
    auto i32 = rewriter.getI32Type();
    if (!module.lookupSymbol<LLVM::GlobalOp>(name)) {
      OpBuilder::InsertionGuard g(rewriter);
      rewriter.setInsertionPointToStart(module.getBody());
      LLVM::GlobalOp::create(rewriter, loc, i32, /*isConstant=*/false,
                             LLVM::Linkage::External, name, Attribute());
    }
    Value addr = LLVM::AddressOfOp::create(
        rewriter, loc, LLVM::LLVMPointerType::get(op.getContext()), name);
    Value flag = LLVM::LoadOp::create(rewriter, loc, i32, addr, /*alignment=*/4,
                                      /*isVolatile=*/false,
                                      /*isNonTemporal=*/false,
                                      /*isInvariant=*/false,
                                      /*isInvariantGroup=*/false,
                                      LLVM::AtomicOrdering::monotonic);
    rewriter.replaceOp(op, LLVM::ICmpOp::create(rewriter, loc,
                                                LLVM::ICmpPredicate::ne, flag,
                                                constI32(rewriter, loc, 0)));
    return success();
  }
};

/// weft.metrics_enter / weft.metrics_exit: a runtime call with the name.
template <typename Op> struct MetricsCallLowering : ConvertOpToLLVMPattern<Op> {
  MetricsCallLowering(const LLVMTypeConverter &converter, abi::Function callee)
      : ConvertOpToLLVMPattern<Op>(converter), callee(callee) {}

  LogicalResult
  matchAndRewrite(Op op, typename Op::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    callRuntime(rewriter, op, callee,
                {stringConstant(rewriter, op, op.getEntry())});
    rewriter.eraseOp(op);
    return success();
  }
  abi::Function callee;
};

} // namespace

void weft::populateEnvironmentToLLVMPatterns(LLVMTypeConverter &converter,
                                             RewritePatternSet &patterns) {
  patterns.add<ArgvLowering, SessionGetLowering, SessionSetLowering,
               CheckInterruptLowering, InterruptRequestedLowering>(converter);
  patterns.add<MetricsCallLowering<weft::MetricsEnterOp>>(
      converter, abi::Function::weft_rt_metrics_enter);
  patterns.add<MetricsCallLowering<weft::MetricsExitOp>>(
      converter, abi::Function::weft_rt_metrics_exit);
  patterns.add<DirectCallLowering<weft::TimeOp>>(converter,
                                                 abi::Function::weft_rt_time);
  patterns.add<DirectCallLowering<weft::ThreadCountOp>>(
      converter, abi::Function::weft_rt_thread_count);
  patterns.add<DirectCallLowering<weft::ThreadIdOp>>(
      converter, abi::Function::weft_rt_thread_id);
  patterns.add<DirectCallLowering<weft::BenchWorkOp>>(
      converter, abi::Function::weft_rt_bench_work);
  patterns.add<DirectCallLowering<weft::MetricsParallelRegionOp>>(
      converter, abi::Function::weft_rt_metrics_parallel_region);
}
