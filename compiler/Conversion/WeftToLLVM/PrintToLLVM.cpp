//===- PrintToLLVM.cpp - weft ops to LLVM: printing
//-------------------------===//
//
// Printing: weft.print as one runtime call per item.
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/WeftToLLVM/Common.h"

using namespace mlir;
using namespace weft::lowering;
namespace abi = weft::abi;

namespace {

struct PrintOpLowering : ConvertOpToLLVMPattern<weft::PrintOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::PrintOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    StringRef format = op.getFormat();
    std::string text;
    unsigned next = 0;
    // print(..., file=sys.stderr): the items go to stderr.
    bool toStderr = op->hasAttr(weft::kPrintToStderr);
    if (toStderr)
      callRuntime(rewriter, op, abi::Function::weft_rt_print_to,
                  {constI32(rewriter, loc, 2)});
    auto flush = [&]() {
      if (!text.empty())
        callRuntime(rewriter, op, abi::Function::weft_rt_print_str,
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
      std::optional<ArrayRef<int64_t>> lists = op.getLists();
      if (int64_t fields = tupleListAt(op, next)) {
        printTupleList(rewriter, op, adaptor, next, fields);
        next += unsigned(fields);
        continue;
      }
      if (int64_t quoted = stringAt(op, next)) {
        callRuntime(rewriter, op, abi::Function::weft_rt_print_text,
                    {descriptorPointer(rewriter, op, adaptor.getValues()[next]),
                     constI32(rewriter, op.getLoc(), int32_t(quoted - 1))});
      } else if (lists && llvm::is_contained(*lists, int64_t(next))) {
        // A Python list: `[1.0, 2.5]`.
        auto mt = cast<MemRefType>(op.getValues()[next].getType());
        Value ptr = descriptorPointer(rewriter, op, adaptor.getValues()[next]);
        callRuntime(
            rewriter, op, abi::Function::weft_rt_print_list,
            {constI32(rewriter, op.getLoc(), elemKindCode(mt.getElementType())),
             ptr});
      } else if (std::optional<ArrayRef<int64_t>> reprs = op.getReprs();
                 reprs && llvm::is_contained(*reprs, int64_t(next))) {
        // An array inside a tuple: NumPy's repr().
        auto mt = cast<MemRefType>(op.getValues()[next].getType());
        std::optional<weft_dtype> kind =
            weft::runtimeElementKind(mt.getElementType());
        if (!kind)
          return rewriter.notifyMatchFailure(op, "unsupported element type");
        callRuntime(
            rewriter, op, abi::Function::weft_rt_print_array_repr,
            {constI32(rewriter, op.getLoc(), *kind),
             constI64(rewriter, op.getLoc(), mt.getRank()),
             descriptorPointer(rewriter, op, adaptor.getValues()[next])});
      } else if (failed(printValue(rewriter, op, op.getValues()[next].getType(),
                                   adaptor.getValues()[next]))) {
        return failure();
      }
      ++next;
    }
    if (std::optional<StringRef> end = op.getEnd()) {
      text += end->str(); // print(..., end="")
      flush();
    } else {
      flush();
      callRuntime(rewriter, op, abi::Function::weft_rt_print_newline, {});
    }
    if (toStderr)
      callRuntime(rewriter, op, abi::Function::weft_rt_print_to,
                  {constI32(rewriter, loc, 1)});
    rewriter.eraseOp(op);
    return success();
  }

  /// 1 if operand `i` is a str printed as its text, 2 if quoted, else 0.
  static int64_t stringAt(weft::PrintOp op, unsigned i) {
    std::optional<ArrayRef<int64_t>> strings = op.getStrings();
    if (strings)
      for (size_t k = 0; k < strings->size(); k += 2)
        if ((*strings)[k] == int64_t(i))
          return 1 + (*strings)[k + 1];
    return 0;
  }

  /// The field count of the list of tuples whose first field is operand
  /// `i`, or 0.
  static int64_t tupleListAt(weft::PrintOp op, unsigned i) {
    std::optional<ArrayRef<int64_t>> groups = op.getTupleLists();
    if (groups)
      for (size_t g = 0; g < groups->size(); g += 2)
        if ((*groups)[g] == int64_t(i))
          return (*groups)[g + 1];
    return 0;
  }

  /// weft_rt_print_tuple_list of the `fields` operands from `first`: their
  /// kinds and descriptor pointers in stack arrays.
  void printTupleList(ConversionPatternRewriter &rewriter, weft::PrintOp op,
                      OpAdaptor adaptor, unsigned first, int64_t fields) const {
    Location loc = op.getLoc();
    auto ptrTy = LLVM::LLVMPointerType::get(op.getContext());
    auto i32 = rewriter.getI32Type();
    StringRef format;
    std::optional<ArrayRef<int64_t>> groups = op.getTupleLists();
    for (size_t g = 0; g < groups->size(); g += 2)
      if ((*groups)[g] == int64_t(first))
        format = cast<StringAttr>((*op.getTupleFormats())[g / 2]).getValue();
    Value kinds = entrySlot(rewriter, op, i32, fields);
    Value descriptors = entrySlot(rewriter, op, ptrTy, fields);
    for (int64_t f = 0; f < fields; ++f) {
      Value v = op.getValues()[first + f];
      auto mt = cast<MemRefType>(v.getType());
      Value at = constI64(rewriter, loc, f);
      Value kindAt =
          LLVM::GEPOp::create(rewriter, loc, ptrTy, i32, kinds, ValueRange{at});
      LLVM::StoreOp::create(
          rewriter, loc,
          constI32(rewriter, loc, elemKindCode(mt.getElementType())), kindAt);
      Value descAt = LLVM::GEPOp::create(rewriter, loc, ptrTy, ptrTy,
                                         descriptors, ValueRange{at});
      LLVM::StoreOp::create(
          rewriter, loc,
          descriptorPointer(rewriter, op, adaptor.getValues()[first + f]),
          descAt);
    }
    callRuntime(rewriter, op, abi::Function::weft_rt_print_tuple_list,
                {stringConstant(rewriter, op, format),
                 constI32(rewriter, loc, int32_t(fields)), kinds, descriptors});
  }

  LogicalResult printValue(ConversionPatternRewriter &rewriter, Operation *op,
                           Type type, Value value) const {
    Location loc = op->getLoc();
    auto i64 = rewriter.getI64Type();
    if (auto it = dyn_cast<IntegerType>(type)) {
      if (it.getWidth() == 1) {
        Value v =
            LLVM::ZExtOp::create(rewriter, loc, rewriter.getI32Type(), value);
        callRuntime(rewriter, op, abi::Function::weft_rt_print_bool, {v});
        return success();
      }
      if (it.getWidth() < 64)
        value = LLVM::SExtOp::create(rewriter, loc, i64, value);
      callRuntime(rewriter, op,
                  it.isUnsigned() && it.getWidth() == 64
                      ? abi::Function::weft_rt_print_u64
                      : abi::Function::weft_rt_print_i64,
                  {value});
      return success();
    }
    if (isa<ComplexType>(type)) {
      // The converted value is a {re, im} struct.
      Value re = LLVM::ExtractValueOp::create(rewriter, loc, value, 0);
      Value im = LLVM::ExtractValueOp::create(rewriter, loc, value, 1);
      bool single = cast<ComplexType>(type).getElementType().isF32();
      callRuntime(rewriter, op,
                  single ? abi::Function::weft_rt_print_complex64
                         : abi::Function::weft_rt_print_complex,
                  {re, im});
      return success();
    }
    if (auto ft = dyn_cast<FloatType>(type)) {
      // f32 prints with float32's shortest digits, as NumPy does.
      callRuntime(rewriter, op,
                  ft.getWidth() == 32 ? abi::Function::weft_rt_print_f32
                                      : abi::Function::weft_rt_print_f64,
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
      callRuntime(rewriter, op, abi::Function::weft_rt_print_array,
                  {kindV, rank, ptr});
      return success();
    }
    return rewriter.notifyMatchFailure(op, "unsupported print operand");
  }
};

struct FormatNumberOpLowering : ConvertOpToLLVMPattern<weft::FormatNumberOp> {
  using ConvertOpToLLVMPattern::ConvertOpToLLVMPattern;

  LogicalResult
  matchAndRewrite(weft::FormatNumberOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Location loc = op.getLoc();
    Type t = op.getValue().getType();
    Value x = adaptor.getValue();
    auto i64 = rewriter.getI64Type();
    auto f64 = rewriter.getF64Type();
    int32_t kind;
    Value f = LLVM::ConstantOp::create(rewriter, loc, f64,
                                       rewriter.getF64FloatAttr(0.0));
    Value i = constI64(rewriter, loc, 0);
    if (auto it = dyn_cast<IntegerType>(t)) {
      kind = it.getWidth() == 1 ? 0 : 1;
      i = it.getWidth() == 64 ? x
          : it.getWidth() == 1
              ? LLVM::ZExtOp::create(rewriter, loc, i64, x).getResult()
              : LLVM::SExtOp::create(rewriter, loc, i64, x).getResult();
    } else if (t.isF32() || t.isF64()) {
      kind = 2;
      f = t.isF64() ? x : LLVM::FPExtOp::create(rewriter, loc, f64, x);
    } else {
      return rewriter.notifyMatchFailure(op, "not a number");
    }
    Value n =
        callRuntime(rewriter, op, abi::Function::weft_rt_format_number,
                    {constI32(rewriter, loc, kind), f, i,
                     stringConstant(rewriter, op, op.getSpec().str()),
                     descriptorPointer(rewriter, op, adaptor.getBuffer())});
    rewriter.replaceOp(op, n);
    return success();
  }
};

} // namespace

void weft::populatePrintToLLVMPatterns(LLVMTypeConverter &converter,
                                       RewritePatternSet &patterns) {
  patterns.add<PrintOpLowering, FormatNumberOpLowering>(converter);
}
