//===- ArraysToLLVM.cpp - weft ops to LLVM: arrays
//--------------------------===//
//
// Arrays: reference counts, the null array, the pairwise sum, .npy files,
// BLAS, growing lists, sorting.
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/WeftToLLVM/Common.h"

#include "llvm/ADT/StringSwitch.h"

using namespace mlir;
using namespace weft::lowering;
namespace abi = weft::abi;

namespace {

template <typename OpTy>
struct RefCountLowering : ConvertOpToLLVMPattern<OpTy> {
  RefCountLowering(const LLVMTypeConverter &tc, abi::Function fn)
      : ConvertOpToLLVMPattern<OpTy>(tc), fn(fn) {}

  LogicalResult
  matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    MemRefDescriptor desc(adaptor.getArray());
    Value ptr = desc.allocatedPtr(rewriter, op.getLoc());
    callRuntime(rewriter, op, fn, {ptr});
    rewriter.eraseOp(op);
    return success();
  }
  abi::Function fn;
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

/// weft.view_dtype: the array's descriptor with the new element type, its
/// offset folded into the aligned pointer (in bytes, which the new
/// element size need not divide), the last axis's length and the other
/// axes' strides counted in the new elements.
struct ViewDtypeLowering : ConvertOpToLLVMPattern<weft::ViewDtypeOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::ViewDtypeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto in = cast<MemRefType>(op.getArray().getType());
    auto out = cast<MemRefType>(op.getType());
    int64_t inBytes = weft_dtype_bytes(elemKindCode(in.getElementType()));
    int64_t outBytes = weft_dtype_bytes(elemKindCode(out.getElementType()));
    Type idx = getTypeConverter()->getIndexType();
    auto constant = [&](int64_t v) -> Value {
      return LLVM::ConstantOp::create(rewriter, loc, idx,
                                      rewriter.getIntegerAttr(idx, v));
    };
    // n elements of inBytes as elements of outBytes
    auto rescale = [&](Value n) -> Value {
      if (inBytes == outBytes)
        return n;
      Value bytes = LLVM::MulOp::create(rewriter, loc, n, constant(inBytes));
      return LLVM::SDivOp::create(rewriter, loc, bytes, constant(outBytes));
    };
    MemRefDescriptor src(adaptor.getArray());
    auto desc = MemRefDescriptor::poison(rewriter, loc,
                                         getTypeConverter()->convertType(out));
    desc.setAllocatedPtr(rewriter, loc, src.allocatedPtr(rewriter, loc));
    Value byteOffset = LLVM::MulOp::create(
        rewriter, loc, src.offset(rewriter, loc), constant(inBytes));
    Value aligned = LLVM::GEPOp::create(
        rewriter, loc, LLVM::LLVMPointerType::get(op.getContext()),
        rewriter.getI8Type(), src.alignedPtr(rewriter, loc),
        ArrayRef<LLVM::GEPArg>{byteOffset});
    desc.setAlignedPtr(rewriter, loc, aligned);
    desc.setOffset(rewriter, loc, constant(0));
    unsigned last = in.getRank() - 1;
    for (unsigned d = 0; d <= last; ++d) {
      Value size = src.size(rewriter, loc, d);
      Value stride = src.stride(rewriter, loc, d);
      if (d == last && inBytes != outBytes) {
        size = rescale(size);
        stride = constant(1);
      } else {
        stride = rescale(stride);
      }
      desc.setSize(rewriter, loc, d, size);
      desc.setStride(rewriter, loc, d, stride);
    }
    rewriter.replaceOp(op, Value(desc));
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
    Value sum = callRuntime(rewriter, op, abi::Function::weft_rt_sum_f64,
                            {data, size, stride});
    rewriter.replaceOp(op, sum);
    return success();
  }
};

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
    callRuntime(rewriter, op, abi::Function::weft_rt_load_npy,
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
    callRuntime(rewriter, op, abi::Function::weft_rt_save_npy,
                {path, kind, rank, slot, line});
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
    Value r = callRuntime(rewriter, op,
                          op.getDevice() ? abi::Function::weft_rt_gpu_gemm
                                         : abi::Function::weft_rt_gemm,
                          {kind, a, b, c});
    Value zero = constI32(rewriter, loc, 0);
    rewriter.replaceOp(
        op,
        LLVM::ICmpOp::create(rewriter, loc, LLVM::ICmpPredicate::ne, r, zero));
    return success();
  }
};

struct LinalgLowering : ConvertOpToLLVMPattern<weft::LinalgOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::LinalgOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    int32_t function = llvm::StringSwitch<int32_t>(op.getFunction())
                           .Case("solve", 0)
                           .Case("inv", 1)
                           .Case("det", 2)
                           .Default(3);
    Value a = descriptorPointer(rewriter, op, adaptor.getA());
    Value out = descriptorPointer(rewriter, op, adaptor.getOut());
    Value b = op.getB() ? descriptorPointer(rewriter, op, adaptor.getB())
                        : out; // not read
    int64_t rankB =
        op.getB() ? cast<MemRefType>(op.getB().getType()).getRank() : 0;
    auto mt = cast<MemRefType>(op.getA().getType());
    callRuntime(rewriter, op, abi::Function::weft_rt_linalg,
                {constI32(rewriter, loc, function),
                 constI32(rewriter, loc, elemKindCode(mt.getElementType())),
                 constI64(rewriter, loc, rankB), a, b, out,
                 constI64(rewriter, loc, op.getLine())});
    rewriter.eraseOp(op);
    return success();
  }
};

struct DecomposeLowering : ConvertOpToLLVMPattern<weft::DecomposeOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::DecomposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    int32_t function = llvm::StringSwitch<int32_t>(op.getFunction())
                           .Case("eigh", 0)
                           .Case("svd", 1)
                           .Case("svd_reduced", 2)
                           .Case("svdvals", 3)
                           .Case("eig", 4)
                           .Case("eigvals", 5)
                           .Case("qr", 6)
                           .Default(7);
    Value a = descriptorPointer(rewriter, op, adaptor.getA());
    SmallVector<Value, 3> outs;
    for (Value out : adaptor.getOuts())
      outs.push_back(descriptorPointer(rewriter, op, out));
    // svdvals has its one result as y, eigvals as x; the unused pointers
    // are not read.
    if (outs.size() == 1)
      outs = {outs[0], outs[0], outs[0]};
    if (outs.size() == 2)
      outs.push_back(outs[1]);
    callRuntime(rewriter, op, abi::Function::weft_rt_decompose,
                {constI32(rewriter, loc, function), a, outs[0], outs[1],
                 outs[2], constI64(rewriter, loc, op.getLine())});
    rewriter.eraseOp(op);
    return success();
  }
};

struct ListCapacityLowering : ConvertOpToLLVMPattern<weft::ListCapacityOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::ListCapacityOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    // Straight-line code: the buffer's header (the 64 bytes before the
    // data, RuntimeABI.cpp's BufferHeader: the reference count, then the
    // byte size) is read through a zeroed stand-in when there is no
    // buffer of the runtime's.
    Location loc = op.getLoc();
    auto mt = cast<MemRefType>(op.getList().getType());
    MemRefDescriptor desc(adaptor.getList());
    auto ptrTy = LLVM::LLVMPointerType::get(op.getContext());
    Type i8 = rewriter.getI8Type(), i64 = rewriter.getI64Type();
    int64_t bytes = weft_dtype_bytes(elemKindCode(mt.getElementType()));
    Value allocated = desc.allocatedPtr(rewriter, loc);
    Value null = LLVM::ZeroOp::create(rewriter, loc, ptrTy);
    Value isNull = LLVM::ICmpOp::create(rewriter, loc, LLVM::ICmpPredicate::eq,
                                        allocated, null);
    Value data = LLVM::SelectOp::create(rewriter, loc, isNull,
                                        noBufferData(rewriter, op), allocated);
    Value header = LLVM::GEPOp::create(rewriter, loc, ptrTy, i8, data,
                                       ArrayRef<LLVM::GEPArg>{-64});
    Value count = LLVM::LoadOp::create(rewriter, loc, i64, header);
    Value sizeField = LLVM::GEPOp::create(rewriter, loc, ptrTy, i8, data,
                                          ArrayRef<LLVM::GEPArg>{-56});
    Value size = LLVM::LoadOp::create(rewriter, loc, i64, sizeField);
    // Bytes from the list's first element to the buffer's end.
    Value first = LLVM::GEPOp::create(
        rewriter, loc, ptrTy, i8, desc.alignedPtr(rewriter, loc),
        ValueRange{LLVM::MulOp::create(rewriter, loc,
                                       desc.offset(rewriter, loc),
                                       constI64(rewriter, loc, bytes))});
    Value end = LLVM::AddOp::create(
        rewriter, loc, LLVM::PtrToIntOp::create(rewriter, loc, i64, data),
        size);
    Value room = LLVM::SubOp::create(
        rewriter, loc, end,
        LLVM::PtrToIntOp::create(rewriter, loc, i64, first));
    Value capacity = LLVM::SDivOp::create(rewriter, loc, room,
                                          constI64(rewriter, loc, bytes));
    Value one = constI64(rewriter, loc, 1);
    auto eq = [&](Value a, Value b) {
      return LLVM::ICmpOp::create(rewriter, loc, LLVM::ICmpPredicate::eq, a, b);
    };
    Value contiguous = LLVM::OrOp::create(
        rewriter, loc, eq(desc.stride(rewriter, loc, 0), one),
        LLVM::ICmpOp::create(rewriter, loc, LLVM::ICmpPredicate::sle,
                             desc.size(rewriter, loc, 0), one));
    Value ok = LLVM::AndOp::create(rewriter, loc, eq(count, one), contiguous);
    rewriter.replaceOp(op, LLVM::SelectOp::create(rewriter, loc, ok, capacity,
                                                  constI64(rewriter, loc, 0)));
    return success();
  }

  /// The address just past a zeroed 64-byte global standing for the header
  /// of no buffer (reference count 0: never grown in place).
  static Value noBufferData(ConversionPatternRewriter &rewriter,
                            Operation *op) {
    auto module = op->getParentOfType<ModuleOp>();
    const char *name = "__weft_no_buffer_header";
    auto arrayTy = LLVM::LLVMArrayType::get(rewriter.getI64Type(), 8);
    auto global = module.lookupSymbol<LLVM::GlobalOp>(name);
    if (!global) {
      OpBuilder::InsertionGuard g(rewriter);
      rewriter.setInsertionPointToStart(module.getBody());
      global = LLVM::GlobalOp::create(
          rewriter, op->getLoc(), arrayTy,
          /*isConstant=*/true, LLVM::Linkage::Internal, name,
          rewriter.getZeroAttr(
              RankedTensorType::get({8}, rewriter.getI64Type())));
    }
    auto ptrTy = LLVM::LLVMPointerType::get(op->getContext());
    Value base = LLVM::AddressOfOp::create(rewriter, op->getLoc(), global);
    return LLVM::GEPOp::create(rewriter, op->getLoc(), ptrTy,
                               rewriter.getI8Type(), base,
                               ArrayRef<LLVM::GEPArg>{64});
  }
};

struct ListGrowLowering : ConvertOpToLLVMPattern<weft::ListGrowOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::ListGrowOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto mt = cast<MemRefType>(op.getType());
    Type descTy = getTypeConverter()->convertType(mt);
    // The runtime fills a descriptor in a stack slot; read it back.
    Value in = descriptorPointer(rewriter, op, adaptor.getList());
    auto poison = LLVM::PoisonOp::create(rewriter, loc, descTy);
    Value out = descriptorPointer(rewriter, op, poison);
    Value kind = constI32(rewriter, loc, elemKindCode(mt.getElementType()));
    Value count = adaptor.getCount();
    Type i64 = rewriter.getI64Type();
    if (count.getType() != i64)
      count = LLVM::SExtOp::create(rewriter, loc, i64, count);
    callRuntime(rewriter, op, abi::Function::weft_rt_list_grow,
                {kind, in, out, count, constI64(rewriter, loc, op.getLine())});
    rewriter.replaceOp(op, LLVM::LoadOp::create(rewriter, loc, descTy, out));
    return success();
  }
};

struct SortLowering : ConvertOpToLLVMPattern<weft::SortOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::SortOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto mt = cast<MemRefType>(op.getArray().getType());
    Value slot = descriptorPointer(rewriter, op, adaptor.getArray());
    Value kind = constI32(rewriter, loc, elemKindCode(mt.getElementType()));
    Value rank = constI64(rewriter, loc, mt.getRank());
    callRuntime(rewriter, op, abi::Function::weft_rt_sort, {kind, rank, slot});
    rewriter.eraseOp(op);
    return success();
  }
};

struct ArgsortLowering : ConvertOpToLLVMPattern<weft::ArgsortOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::ArgsortOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    auto mt = cast<MemRefType>(op.getArray().getType());
    Value a = descriptorPointer(rewriter, op, adaptor.getArray());
    Value idx = descriptorPointer(rewriter, op, adaptor.getIndices());
    // WEFT_ARGSORT_NUMBA_QUICKSORT and _MERGESORT (runtime/RuntimeABI.h):
    // Numba's orders.
    int32_t code = elemKindCode(mt.getElementType()) |
                   (op.getNumbaQuicksort() ? 0x10000 : 0) |
                   (op.getNumbaMergesort() ? 0x20000 : 0);
    Value kind = constI32(rewriter, loc, code);
    Value rank = constI64(rewriter, loc, mt.getRank());
    callRuntime(rewriter, op, abi::Function::weft_rt_argsort,
                {kind, rank, a, idx});
    rewriter.eraseOp(op);
    return success();
  }
};

} // namespace

void weft::populateArraysToLLVMPatterns(LLVMTypeConverter &converter,
                                        RewritePatternSet &patterns) {
  patterns.add<NullArrayLowering, PairwiseSumLowering, LoadNpyLowering,
               SaveNpyLowering, GemmLowering, LinalgLowering, DecomposeLowering,
               ListCapacityLowering, ListGrowLowering, SortLowering,
               ArgsortLowering, ViewDtypeLowering>(converter);
  patterns.add<RefCountLowering<weft::RetainOp>>(
      converter, abi::Function::weft_rt_array_retain);
  patterns.add<RefCountLowering<weft::ReleaseOp>>(
      converter, abi::Function::weft_rt_array_release);
}
