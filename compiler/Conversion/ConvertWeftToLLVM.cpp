//===- ConvertWeftToLLVM.cpp - Lower weft ops to runtime calls ------------===//
//
// One conversion pattern per weft operation; each turns the op into LLVM
// dialect calls of the `weft_rt_*` functions declared in
// runtime/RuntimeABI.h. Memref operands arrive as LLVM memref descriptors
// through the type converter; the casts are reconciled later.
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Conversion/LLVMCommon/MemRefBuilder.h"
#include "mlir/Conversion/LLVMCommon/Pattern.h"
#include "mlir/Conversion/LLVMCommon/TypeConverter.h"
#include "mlir/Dialect/LLVMIR/FunctionCallUtils.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Transforms/DialectConversion.h"

namespace weft {
#define GEN_PASS_DEF_CONVERTWEFTTOLLVM
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// LLVM integer constants.
Value constI64(ConversionPatternRewriter &rewriter, Location loc, int64_t v) {
  return LLVM::ConstantOp::create(rewriter, loc, rewriter.getI64Type(),
                                  rewriter.getI64IntegerAttr(v));
}
Value constI32(ConversionPatternRewriter &rewriter, Location loc, int32_t v) {
  return LLVM::ConstantOp::create(rewriter, loc, rewriter.getI32Type(),
                                  rewriter.getI32IntegerAttr(v));
}

/// Declares (once) and calls the runtime function `name`.
void callRuntime(ConversionPatternRewriter &rewriter, Operation *op,
                 StringRef name, ValueRange args) {
  SmallVector<Type> types;
  for (Value a : args)
    types.push_back(a.getType());
  auto module = op->getParentOfType<ModuleOp>();
  auto fn = LLVM::lookupOrCreateFn(rewriter, module, name, types,
                                   LLVM::LLVMVoidType::get(op->getContext()));
  assert(succeeded(fn) && "runtime function redeclared with another type");
  LLVM::CallOp::create(rewriter, op->getLoc(), *fn, args);
}

/// Declares (once) and calls the runtime function `name` returning `result`.
Value callRuntimeWithResult(ConversionPatternRewriter &rewriter, Operation *op,
                            StringRef name, ValueRange args, Type result) {
  SmallVector<Type> types;
  for (Value a : args)
    types.push_back(a.getType());
  auto module = op->getParentOfType<ModuleOp>();
  auto fn = LLVM::lookupOrCreateFn(rewriter, module, name, types, result);
  assert(succeeded(fn) && "runtime function redeclared with another type");
  return LLVM::CallOp::create(rewriter, op->getLoc(), *fn, args).getResult();
}

/// The element pointer, size and stride of a 1-D memref descriptor.
void unpack1D(ConversionPatternRewriter &rewriter, Location loc,
              const LLVMTypeConverter &converter, MemRefType type, Value value,
              Value &data, Value &size, Value &stride) {
  MemRefDescriptor desc(value);
  Type elemTy = converter.convertType(type.getElementType());
  Value base = desc.alignedPtr(rewriter, loc);
  data = LLVM::GEPOp::create(rewriter, loc, base.getType(), elemTy, base,
                             ValueRange{desc.offset(rewriter, loc)});
  size = desc.size(rewriter, loc, 0);
  stride = desc.stride(rewriter, loc, 0);
}

/// A pointer to a copy of a memref descriptor struct, in a stack slot made
/// once in the function's entry block (so loops do not grow the stack).
Value descriptorPointer(ConversionPatternRewriter &rewriter, Operation *op,
                        Value descriptor) {
  Location loc = op->getLoc();
  auto ptrTy = LLVM::LLVMPointerType::get(op->getContext());
  Block *entry =
      &op->getParentOfType<FunctionOpInterface>().getFunctionBody().front();
  Value slot;
  {
    OpBuilder::InsertionGuard g(rewriter);
    rewriter.setInsertionPointToStart(entry);
    Value one = constI64(rewriter, loc, 1);
    slot =
        LLVM::AllocaOp::create(rewriter, loc, ptrTy, descriptor.getType(), one);
  }
  LLVM::StoreOp::create(rewriter, loc, descriptor, slot);
  return slot;
}

/// A pointer to a NUL-terminated constant string, as an LLVM global.
Value stringConstant(ConversionPatternRewriter &rewriter, Operation *op,
                     StringRef text) {
  auto module = op->getParentOfType<ModuleOp>();
  std::string value = text.str();
  value.push_back('\0');
  // Reuse an identical string made earlier in this module.
  for (auto global : module.getOps<LLVM::GlobalOp>()) {
    auto str = dyn_cast_or_null<StringAttr>(global.getValueOrNull());
    if (global.getSymName().starts_with("__weft_str_") && str &&
        str.getValue() == value)
      return LLVM::AddressOfOp::create(rewriter, op->getLoc(), global);
  }
  std::string name;
  for (unsigned i = 0;; ++i) {
    name = "__weft_str_" + std::to_string(i);
    if (!module.lookupSymbol(name))
      break;
  }
  return LLVM::createGlobalString(op->getLoc(), rewriter, name, value,
                                  LLVM::Linkage::Internal);
}

struct PrintOpLowering : ConvertOpToLLVMPattern<weft::PrintOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::PrintOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    StringRef format = op.getFormat();
    std::string text;
    unsigned next = 0;
    auto flush = [&]() {
      if (!text.empty())
        callRuntime(rewriter, op, "weft_rt_print_str",
                    {stringConstant(rewriter, op, text)});
      text.clear();
    };
    for (size_t i = 0; i < format.size(); ++i) {
      if (format.substr(i).starts_with("{{") ||
          format.substr(i).starts_with("}}")) {
        text.push_back(format[i]);
        ++i;
        continue;
      }
      if (!format.substr(i).starts_with("{}")) {
        text.push_back(format[i]);
        continue;
      }
      ++i;
      flush();
      if (next >= op.getValues().size())
        return rewriter.notifyMatchFailure(op, "more {} than operands");
      if (failed(printValue(rewriter, op, op.getValues()[next].getType(),
                            adaptor.getValues()[next])))
        return failure();
      ++next;
    }
    flush();
    callRuntime(rewriter, op, "weft_rt_print_newline", {});
    rewriter.eraseOp(op);
    (void)loc;
    return success();
  }

  LogicalResult printValue(ConversionPatternRewriter &rewriter, Operation *op,
                           Type type, Value value) const {
    Location loc = op->getLoc();
    auto i64 = rewriter.getI64Type();
    if (auto it = dyn_cast<IntegerType>(type)) {
      if (it.getWidth() == 1) {
        Value v =
            LLVM::ZExtOp::create(rewriter, loc, rewriter.getI32Type(), value);
        callRuntime(rewriter, op, "weft_rt_print_bool", {v});
        return success();
      }
      if (it.getWidth() < 64)
        value = LLVM::SExtOp::create(rewriter, loc, i64, value);
      callRuntime(rewriter, op, "weft_rt_print_i64", {value});
      return success();
    }
    if (auto ft = dyn_cast<FloatType>(type)) {
      // f32 prints with float32's shortest digits, as NumPy does.
      callRuntime(rewriter, op,
                  ft.getWidth() == 32 ? "weft_rt_print_f32"
                                      : "weft_rt_print_f64",
                  {value});
      return success();
    }
    if (auto mt = dyn_cast<MemRefType>(type)) {
      Type e = mt.getElementType();
      std::optional<weft_dtype> kind = weft::runtimeElementKind(e);
      if (!kind)
        return rewriter.notifyMatchFailure(op, "unsupported element type");
      Value ptr = descriptorPointer(rewriter, op, value);
      Value kindV = constI32(rewriter, loc, *kind);
      Value rank = constI64(rewriter, loc, mt.getRank());
      callRuntime(rewriter, op, "weft_rt_print_array", {kindV, rank, ptr});
      return success();
    }
    return rewriter.notifyMatchFailure(op, "unsupported print operand");
  }
};

template <typename OpTy>
struct RefCountLowering : ConvertOpToLLVMPattern<OpTy> {
  RefCountLowering(const LLVMTypeConverter &tc, StringRef fn)
      : ConvertOpToLLVMPattern<OpTy>(tc), fn(fn.str()) {}

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    MemRefDescriptor desc(adaptor.getArray());
    Value ptr = desc.allocatedPtr(rewriter, op.getLoc());
    callRuntime(rewriter, op, fn, {ptr});
    rewriter.eraseOp(op);
    return success();
  }
  std::string fn;
};

struct NullArrayLowering : ConvertOpToLLVMPattern<weft::NullArrayOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::NullArrayOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto mt = cast<MemRefType>(op.getType());
    Type descTy = getTypeConverter()->convertType(mt);
    auto desc = MemRefDescriptor::poison(rewriter, loc, descTy);
    Value null = LLVM::ZeroOp::create(
        rewriter, loc, LLVM::LLVMPointerType::get(op.getContext()));
    Type idx = getTypeConverter()->getIndexType();
    Value zero = LLVM::ConstantOp::create(rewriter, loc, idx,
                                          rewriter.getIntegerAttr(idx, 0));
    Value one = LLVM::ConstantOp::create(rewriter, loc, idx,
                                         rewriter.getIntegerAttr(idx, 1));
    desc.setAllocatedPtr(rewriter, loc, null);
    desc.setAlignedPtr(rewriter, loc, null);
    desc.setOffset(rewriter, loc, zero);
    for (unsigned d = 0; d < mt.getRank(); ++d) {
      desc.setSize(rewriter, loc, d, zero);
      desc.setStride(rewriter, loc, d, one);
    }
    rewriter.replaceOp(op, Value(desc));
    return success();
  }
};

struct FailLowering : ConvertOpToLLVMPattern<weft::FailOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::FailOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value msg = stringConstant(rewriter, op, op.getMessage());
    Value line = constI64(rewriter, op.getLoc(), op.getLine());
    callRuntime(rewriter, op, "weft_rt_check_failed", {msg, line});
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
    Value r = callRuntimeWithResult(rewriter, op, "weft_rt_stack_check",
                                    {name, line}, rewriter.getI32Type());
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
    callRuntime(rewriter, op, "weft_rt_alloc_site",
                {constI64(rewriter, op.getLoc(), op.getLine())});
    rewriter.eraseOp(op);
    return success();
  }
};

/// weft.metrics_enter / weft.metrics_exit: a runtime call with the name.
template <typename Op> struct MetricsCallLowering : ConvertOpToLLVMPattern<Op> {
  MetricsCallLowering(const LLVMTypeConverter &converter, const char *callee)
      : ConvertOpToLLVMPattern<Op>(converter), callee(callee) {}

  LogicalResult
  matchAndRewrite(Op op, typename Op::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    callRuntime(rewriter, op, callee,
                {stringConstant(rewriter, op, op.getEntry())});
    rewriter.eraseOp(op);
    return success();
  }
  const char *callee;
};

struct MetricsParallelRegionLowering
    : ConvertOpToLLVMPattern<weft::MetricsParallelRegionOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::MetricsParallelRegionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    callRuntime(rewriter, op, "weft_rt_metrics_parallel_region", {});
    rewriter.eraseOp(op);
    return success();
  }
};

struct PairwiseSumLowering : ConvertOpToLLVMPattern<weft::PairwiseSumOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::PairwiseSumOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto mt = cast<MemRefType>(op.getArray().getType());
    if (mt.getRank() != 1 || !mt.getElementType().isF64() ||
        !op.getType().isF64())
      return rewriter.notifyMatchFailure(op, "only 1-D f64 sums so far");
    Value data, size, stride;
    unpack1D(rewriter, op.getLoc(), *getTypeConverter(), mt, adaptor.getArray(),
             data, size, stride);
    Value sum = callRuntimeWithResult(rewriter, op, "weft_rt_sum_f64",
                                      {data, size, stride}, op.getType());
    rewriter.replaceOp(op, sum);
    return success();
  }
};

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
      Value r = callRuntimeWithResult(rewriter, op, "weft_rt_argv_bool",
                                      {adaptor.getIndex(), fallback, line},
                                      rewriter.getI32Type());
      Value zero = constI32(rewriter, loc, 0);
      rewriter.replaceOp(op, LLVM::ICmpOp::create(rewriter, loc,
                                                  LLVM::ICmpPredicate::ne, r,
                                                  zero));
      return success();
    }
    StringRef fn = t.isF64() ? "weft_rt_argv_f64" : "weft_rt_argv_i64";
    rewriter.replaceOp(
        op, callRuntimeWithResult(rewriter, op, fn,
                                  {adaptor.getIndex(), fallback, line}, t));
    return success();
  }
};

/// The runtime's element kind code (weft/dtype.h); the verifiers of the
/// ops lowered here admit only types that have one.
int32_t elemKindCode(Type e) { return *weft::runtimeElementKind(e); }

struct LoadNpyLowering : ConvertOpToLLVMPattern<weft::LoadNpyOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::LoadNpyOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto mt = cast<MemRefType>(op.getType());
    Type descTy = getTypeConverter()->convertType(mt);
    // The runtime fills a descriptor in a stack slot; read it back.
    auto poison = LLVM::PoisonOp::create(rewriter, loc, descTy);
    Value slot = descriptorPointer(rewriter, op, poison);
    Value path = stringConstant(rewriter, op, op.getPath());
    Value kind = constI32(rewriter, loc, elemKindCode(mt.getElementType()));
    Value rank = constI64(rewriter, loc, mt.getRank());
    Value line = constI64(rewriter, loc, op.getLine());
    callRuntime(rewriter, op, "weft_rt_load_npy",
                {path, kind, rank, slot, line});
    rewriter.replaceOp(op, LLVM::LoadOp::create(rewriter, loc, descTy, slot));
    return success();
  }
};

struct SaveNpyLowering : ConvertOpToLLVMPattern<weft::SaveNpyOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::SaveNpyOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto mt = cast<MemRefType>(op.getArray().getType());
    Value slot = descriptorPointer(rewriter, op, adaptor.getArray());
    Value path = stringConstant(rewriter, op, op.getPath());
    Value kind = constI32(rewriter, loc, elemKindCode(mt.getElementType()));
    Value rank = constI64(rewriter, loc, mt.getRank());
    Value line = constI64(rewriter, loc, op.getLine());
    callRuntime(rewriter, op, "weft_rt_save_npy",
                {path, kind, rank, slot, line});
    rewriter.eraseOp(op);
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
    callRuntime(rewriter, op, "weft_rt_session_get",
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
    callRuntime(rewriter, op, "weft_rt_session_set",
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
    callRuntime(rewriter, op, "weft_rt_check_interrupt",
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
    callRuntime(rewriter, op, "weft_rt_shape_error", {fmt, line, buf});
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
    callRuntime(rewriter, op, "weft_rt_index_error",
                {adaptor.getIndex(), axis, adaptor.getExtent(), line});
    rewriter.eraseOp(op);
    return success();
  }
};

struct TimeLowering : ConvertOpToLLVMPattern<weft::TimeOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::TimeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op, callRuntimeWithResult(rewriter, op, "weft_rt_time",
                                                 {}, rewriter.getF64Type()));
    return success();
  }
};

struct BenchWorkLowering : ConvertOpToLLVMPattern<weft::BenchWorkOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::BenchWorkOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    callRuntime(rewriter, op, "weft_rt_bench_work",
                {adaptor.getBytes(), adaptor.getFlops()});
    rewriter.eraseOp(op);
    return success();
  }
};

struct GemmLowering : ConvertOpToLLVMPattern<weft::GemmOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::GemmOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto mt = cast<MemRefType>(op.getC().getType());
    Value a = descriptorPointer(rewriter, op, adaptor.getA());
    Value b = descriptorPointer(rewriter, op, adaptor.getB());
    Value c = descriptorPointer(rewriter, op, adaptor.getC());
    Value kind = constI32(rewriter, loc, elemKindCode(mt.getElementType()));
    Value r = callRuntimeWithResult(rewriter, op, "weft_rt_gemm",
                                    {kind, a, b, c}, rewriter.getI32Type());
    Value zero = constI32(rewriter, loc, 0);
    rewriter.replaceOp(
        op,
        LLVM::ICmpOp::create(rewriter, loc, LLVM::ICmpPredicate::ne, r, zero));
    return success();
  }
};

struct RngStreamLowering : ConvertOpToLLVMPattern<weft::RngStreamOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::RngStreamOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op,
                       callRuntimeWithResult(rewriter, op, "weft_rt_rng_stream",
                                             {}, rewriter.getI64Type()));
    return success();
  }
};

struct RngBitsLowering : ConvertOpToLLVMPattern<weft::RngBitsOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::RngBitsOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    rewriter.replaceOp(op,
                       callRuntimeWithResult(rewriter, op, "weft_rt_rng_bits",
                                             {}, rewriter.getI64Type()));
    return success();
  }
};

struct RngBeginIterationLowering
    : ConvertOpToLLVMPattern<weft::RngBeginIterationOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::RngBeginIterationOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    callRuntime(rewriter, op, "weft_rt_rng_begin_iteration",
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
    callRuntime(rewriter, op, "weft_rt_rng_end_iteration", {});
    rewriter.eraseOp(op);
    return success();
  }
};

struct RngSeedLowering : ConvertOpToLLVMPattern<weft::RngSeedOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::RngSeedOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    callRuntime(rewriter, op, "weft_rt_rng_seed", {adaptor.getSeed()});
    rewriter.eraseOp(op);
    return success();
  }
};

struct RaiseRecordedLowering : ConvertOpToLLVMPattern<weft::RaiseRecordedOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::RaiseRecordedOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    callRuntime(rewriter, op, "weft_rt_raise_recorded", {});
    rewriter.eraseOp(op);
    return success();
  }
};

struct ConvertWeftToLLVMPass
    : weft::impl::ConvertWeftToLLVMBase<ConvertWeftToLLVMPass> {
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    LLVMTypeConverter converter(ctx);
    RewritePatternSet patterns(ctx);
    patterns.add<
        PrintOpLowering, NullArrayLowering, FailLowering, PairwiseSumLowering,
        ArgvLowering, LoadNpyLowering, SaveNpyLowering, ShapeErrorLowering,
        IndexErrorLowering, TimeLowering, GemmLowering, RngStreamLowering,
        RngBitsLowering, RngSeedLowering, RaiseRecordedLowering,
        StackCheckLowering, AllocSiteLowering, InterruptRequestedLowering,
        RngBeginIterationLowering, RngEndIterationLowering, SessionGetLowering,
        SessionSetLowering, CheckInterruptLowering>(converter);
    patterns.add<RefCountLowering<weft::RetainOp>>(converter,
                                                   "weft_rt_array_retain");
    patterns.add<MetricsCallLowering<weft::MetricsEnterOp>>(
        converter, "weft_rt_metrics_enter");
    patterns.add<MetricsCallLowering<weft::MetricsExitOp>>(
        converter, "weft_rt_metrics_exit");
    patterns.add<MetricsParallelRegionLowering, BenchWorkLowering>(converter);
    patterns.add<RefCountLowering<weft::ReleaseOp>>(converter,
                                                    "weft_rt_array_release");
    ConversionTarget target(*ctx);
    target.addLegalDialect<LLVM::LLVMDialect>();
    target.addIllegalDialect<weft::WeftDialect>();
    target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
