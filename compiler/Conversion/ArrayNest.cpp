//===- ArrayNest.cpp - Loop nests of array operations for lowering passes -===//
//
// Implements the helpers of ArrayNest.h.
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/ArrayNest.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"

#include <cmath>

using namespace mlir;

namespace weft {

namespace {
void serialNest(ImplicitLocOpBuilder &b, ValueRange dims,
                SmallVectorImpl<Value> &ivs,
                function_ref<void(ValueRange)> body) {
  if (dims.empty()) {
    body(ivs);
    return;
  }
  Value zero = arith::ConstantIndexOp::create(b, 0);
  Value one = arith::ConstantIndexOp::create(b, 1);
  auto loop = scf::ForOp::create(b, zero, dims.front(), one);
  OpBuilder::InsertionGuard g(b);
  b.setInsertionPointToStart(loop.getBody());
  ivs.push_back(loop.getInductionVar());
  serialNest(b, dims.drop_front(), ivs, body);
  ivs.pop_back();
}
} // namespace

MemRefType stridedType(Type elem, int64_t rank) {
  SmallVector<int64_t> dyn(rank, ShapedType::kDynamic);
  return MemRefType::get(
      dyn, elem,
      StridedLayoutAttr::get(elem.getContext(), ShapedType::kDynamic, dyn));
}

Value productOf(ImplicitLocOpBuilder &b, ValueRange dims) {
  Value n = arith::ConstantIndexOp::create(b, 1);
  for (Value d : dims)
    n = arith::MulIOp::create(b, n, d);
  return n;
}

SmallVector<Value, 4> sizesOf(ImplicitLocOpBuilder &b, Value array) {
  SmallVector<Value, 4> sizes;
  int64_t rank = cast<MemRefType>(array.getType()).getRank();
  for (int64_t d = 0; d < rank; ++d)
    sizes.push_back(memref::DimOp::create(b, array, d));
  return sizes;
}

void buildArrayNest(ImplicitLocOpBuilder &b, ValueRange dims, bool serial,
                    bool gpu, function_ref<void(ValueRange)> body, Value work) {
  SmallVector<Value, 4> ivs;
  if (serial || dims.empty()) {
    serialNest(b, dims, ivs, body);
    return;
  }
  if (!work)
    work = productOf(b, dims);
  size_t parallelAxes = dims.size() >= 2 && gpu ? 2 : 1;
  Value zero = arith::ConstantIndexOp::create(b, 0);
  Value one = arith::ConstantIndexOp::create(b, 1);
  SmallVector<Value, 2> lbs(parallelAxes, zero), steps(parallelAxes, one);
  auto par =
      scf::ParallelOp::create(b, lbs, dims.take_front(parallelAxes), steps);
  OpBuilder::InsertionGuard g(b);
  b.setInsertionPointToStart(par.getBody());
  weft::ParallelWorkOp::create(b, work);
  auto outer = par.getInductionVars();
  ivs.assign(outer.begin(), outer.end());
  serialNest(b, dims.drop_front(parallelAxes), ivs, body);
}

Value broadcastView(ImplicitLocOpBuilder &b, Value array, ValueRange dims) {
  auto type = cast<MemRefType>(array.getType());
  int64_t rank = static_cast<int64_t>(dims.size()), r = type.getRank();
  auto md = memref::ExtractStridedMetadataOp::create(b, array);
  Value zero = arith::ConstantIndexOp::create(b, 0);
  Value one = arith::ConstantIndexOp::create(b, 1);
  SmallVector<Value, 4> strides;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t k = d - (rank - r);
    if (k < 0) {
      strides.push_back(zero);
      continue;
    }
    Value unit = arith::CmpIOp::create(b, arith::CmpIPredicate::eq,
                                       md.getSizes()[k], one);
    strides.push_back(
        arith::SelectOp::create(b, unit, zero, md.getStrides()[k]));
  }
  return memref::ReinterpretCastOp::create(
      b, stridedType(type.getElementType(), rank), md.getBaseBuffer(),
      md.getOffset(), dims, strides);
}

Value allocArray(ImplicitLocOpBuilder &b, MemRefType type, ValueRange dims) {
  SmallVector<int64_t> shape(dims.size(), ShapedType::kDynamic);
  auto exact = MemRefType::get(shape, type.getElementType());
  Value raw = memref::AllocOp::create(b, exact, dims);
  return memref::CastOp::create(b, type, raw);
}

Value allocCheckedArray(ImplicitLocOpBuilder &b, MemRefType type,
                        ValueRange dims, int64_t line) {
  CheckedCount c = checkedCount(b, dims, elementBytes(type.getElementType()));
  auto ifOp = scf::IfOp::create(b, TypeRange{}, c.overflow, false);
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(&ifOp.getThenRegion().front());
    weft::FailOp::create(b,
                         "MemoryError: the array's shape is too large to "
                         "allocate (its size in bytes overflows 64 bits)",
                         line);
  }
  SmallVector<Value, 4> safe;
  Value zero = arith::ConstantIndexOp::create(b, 0);
  for (Value d : dims)
    safe.push_back(arith::SelectOp::create(b, c.overflow, zero, d));
  return allocArray(b, type, safe);
}

SmallVector<Value, 4> checkMaskShape(ImplicitLocOpBuilder &b,
                                     ValueRange maskSizes,
                                     ValueRange arraySizes, int64_t line) {
  Value mismatch = arith::ConstantIntOp::create(b, 0, 1);
  SmallVector<Value, 4> common;
  for (size_t d = 0; d < maskSizes.size(); ++d) {
    mismatch = arith::OrIOp::create(
        b, mismatch,
        arith::CmpIOp::create(b, arith::CmpIPredicate::ne, maskSizes[d],
                              arraySizes[d]));
    common.push_back(arith::MinUIOp::create(b, maskSizes[d], arraySizes[d]));
  }
  auto ifOp = scf::IfOp::create(b, TypeRange{}, mismatch, false);
  OpBuilder::InsertionGuard g(b);
  b.setInsertionPointToStart(&ifOp.getThenRegion().front());
  SmallVector<Value, 10> shapes; // both shapes: rank, then sizes
  for (ValueRange shape : {maskSizes, arraySizes}) {
    shapes.push_back(arith::ConstantIntOp::create(b, shape.size(), 64));
    for (Value n : shape)
      shapes.push_back(arith::IndexCastOp::create(b, b.getI64Type(), n));
  }
  weft::ShapeErrorOp::create(b,
                             "IndexError: a boolean index of shape {} does "
                             "not match the indexed array of shape {}",
                             line, shapes);
  return common;
}

CheckedCount checkedCount(ImplicitLocOpBuilder &b, ValueRange sizes,
                          int64_t elemBytes) {
  const int64_t limit = int64_t(1) << 62;
  auto cmp = [&](arith::CmpIPredicate p, Value x, Value y) -> Value {
    return arith::CmpIOp::create(b, p, x, y);
  };
  Value zero = arith::ConstantIndexOp::create(b, 0);
  Value one = arith::ConstantIndexOp::create(b, 1);
  Value bytes = arith::ConstantIndexOp::create(b, elemBytes), count = one;
  Value overflow = arith::ConstantIntOp::create(b, 0, 1), anyZero = overflow;
  for (Value d : sizes) {
    Value isZero = cmp(arith::CmpIPredicate::eq, d, zero);
    anyZero = arith::OrIOp::create(b, anyZero, isZero);
    // bytes <= 2^62 so far; the 128-bit product's high half says whether
    // bytes x d still fits in 64 bits.
    auto wide = arith::MulUIExtendedOp::create(
        b, bytes, arith::SelectOp::create(b, isZero, one, d));
    Value over = arith::OrIOp::create(
        b, cmp(arith::CmpIPredicate::ne, wide.getHigh(), zero),
        cmp(arith::CmpIPredicate::ugt, wide.getLow(),
            arith::ConstantIndexOp::create(b, limit)));
    overflow = arith::OrIOp::create(b, overflow, over);
    bytes = wide.getLow();
    count = arith::MulIOp::create(b, count, d);
  }
  count = arith::SelectOp::create(
      b, anyZero, zero,
      arith::SelectOp::create(b, overflow,
                              arith::ConstantIndexOp::create(b, -1), count));
  return {count, overflow};
}

int64_t elementBytes(Type elem) {
  if (auto c = dyn_cast<ComplexType>(elem))
    return 2 * elementBytes(c.getElementType());
  return std::max<int64_t>(1, elem.getIntOrFloatBitWidth() / 8);
}

memref::AllocOp allocationOf(Value array) {
  if (auto cast = array.getDefiningOp<memref::CastOp>())
    array = cast.getSource();
  return array.getDefiningOp<memref::AllocOp>();
}

bool isFreshArray(Value array, Operation *writer) {
  memref::AllocOp alloc = allocationOf(array);
  // Through a cast, the cast must be the allocation's only view.
  if (!alloc || (alloc.getResult() != array && !alloc->hasOneUse()) ||
      llvm::count(writer->getOperands(), array) != 1)
    return false;
  // Every view of the array is made by one of its users; none may come
  // before the writer.
  for (Operation *user : array.getUsers()) {
    if (user == writer || isa<memref::DimOp>(user))
      continue;
    Operation *at = writer->getBlock()->findAncestorOpInBlock(*user);
    if (!at || !writer->isBeforeInBlock(at))
      return false;
  }
  return true;
}

Value inlineBodyAt(ImplicitLocOpBuilder &b, mlir::Block &body, Value yielded,
                   ValueRange views, ValueRange ivs, Value current) {
  IRMapping map;
  for (auto [arg, view] : llvm::zip(body.getArguments(), views))
    map.map(arg, memref::LoadOp::create(b, view, ivs).getResult());
  if (body.getNumArguments() > views.size()) {
    BlockArgument cur = body.getArguments().back();
    if (!cur.use_empty())
      map.map(cur, memref::LoadOp::create(b, current, ivs).getResult());
  }
  SmallVector<Operation *> clones;
  for (Operation &inner : body.without_terminator())
    clones.push_back(b.clone(inner, map));
  // weft.index: the element's indices.
  SmallVector<weft::IndexOp> indices;
  for (Operation *c : clones)
    c->walk([&](weft::IndexOp op) { indices.push_back(op); });
  for (weft::IndexOp op : indices) {
    op.getResult().replaceAllUsesWith(ivs[op.getDim()]);
    op.erase();
  }
  return map.lookupOrDefault(yielded);
}

Value zeroOf(ImplicitLocOpBuilder &b, Type t) {
  if (auto c = dyn_cast<ComplexType>(t)) {
    Value z = zeroOf(b, c.getElementType());
    return complex::CreateOp::create(b, c, z, z);
  }
  if (t.isUnsignedInteger())
    return castNumber(b, arith::ConstantOp::create(b, b.getI64IntegerAttr(0)),
                      t);
  return arith::ConstantOp::create(b, b.getZeroAttr(t));
}

Value reductionIdentity(ImplicitLocOpBuilder &b, ReductionKind kind,
                        Type type) {
  bool isMin = kind == ReductionKind::min;
  if (kind == ReductionKind::sum || kind == ReductionKind::prod) {
    double v = kind == ReductionKind::prod ? 1 : 0;
    if (isa<FloatType>(type))
      return arith::ConstantOp::create(b, b.getFloatAttr(type, v));
    return arith::ConstantOp::create(b, b.getIntegerAttr(type, int64_t(v)));
  }
  if (isa<FloatType>(type))
    return arith::ConstantOp::create(
        b, b.getFloatAttr(type, isMin ? INFINITY : -INFINITY));
  if (type.isInteger(1))
    return arith::ConstantIntOp::create(b, isMin ? 1 : 0, 1);
  unsigned width = type.getIntOrFloatBitWidth();
  return arith::ConstantOp::create(
      b, b.getIntegerAttr(type, isMin ? APInt::getSignedMaxValue(width)
                                      : APInt::getSignedMinValue(width)));
}

void copyRowChecked(ImplicitLocOpBuilder &b, Value out, Value i, Value row,
                    int64_t line) {
  auto type = cast<MemRefType>(out.getType());
  int64_t rank = type.getRank() - 1;
  Value differ = arith::ConstantIntOp::create(b, 0, 1);
  SmallVector<Value, 4> common;
  for (int64_t d = 0; d < rank; ++d) {
    Value want = memref::DimOp::create(b, out, d + 1);
    Value have = memref::DimOp::create(b, row, d);
    differ = arith::OrIOp::create(
        b, differ,
        arith::CmpIOp::create(b, arith::CmpIPredicate::ne, want, have));
    common.push_back(arith::MinUIOp::create(b, want, have));
  }
  failIf(b, differ,
         "ValueError: setting an array element with a sequence. The "
         "requested array has an inhomogeneous shape after 1 dimensions",
         line);
  buildArrayNest(b, common, /*serial=*/true, /*gpu=*/false,
                 [&](ValueRange ivs) {
                   SmallVector<Value, 4> at{i};
                   at.append(ivs.begin(), ivs.end());
                   Value x = memref::LoadOp::create(b, row, ivs);
                   memref::StoreOp::create(
                       b, castNumber(b, x, type.getElementType()), out, at);
                 });
}

void failIf(ImplicitLocOpBuilder &b, Value cond, StringRef message,
            int64_t line) {
  auto ifOp = scf::IfOp::create(b, TypeRange{}, cond, false);
  OpBuilder::InsertionGuard g(b);
  b.setInsertionPointToStart(ifOp.thenBlock());
  weft::FailOp::create(b, message, line);
}

Value rangeLength(ImplicitLocOpBuilder &b, Value start, Value stop,
                  Value step) {
  // For step > 0, (stop - start - 1) / step + 1 when start < stop,
  // mirrored for step < 0. The differences and |step| are exact as
  // unsigned 64-bit numbers, even for -2**63.
  auto cmp = [&](arith::CmpIPredicate p, Value x, Value y) -> Value {
    return arith::CmpIOp::create(b, p, x, y);
  };
  auto sel = [&](Value c, Value x, Value y) -> Value {
    return arith::SelectOp::create(b, c, x, y);
  };
  Type t = start.getType();
  Value zero = arith::ConstantOp::create(b, b.getIntegerAttr(t, 0));
  Value one = arith::ConstantOp::create(b, b.getIntegerAttr(t, 1));
  Value down = cmp(arith::CmpIPredicate::slt, step, zero);
  Value nonEmpty = sel(down, cmp(arith::CmpIPredicate::sgt, start, stop),
                       cmp(arith::CmpIPredicate::slt, start, stop));
  Value span = sel(down, arith::SubIOp::create(b, start, stop),
                   arith::SubIOp::create(b, stop, start));
  Value absStep = sel(down, arith::SubIOp::create(b, zero, step), step);
  Value n = arith::AddIOp::create(
      b,
      arith::DivUIOp::create(b, arith::SubIOp::create(b, span, one),
                             arith::MaxUIOp::create(b, absStep, one)),
      one);
  return sel(nonEmpty, n, zero);
}

Value castNumber(ImplicitLocOpBuilder &b, Value v, Type to) {
  Type from = v.getType();
  if (from == to)
    return v;
  // Unsigned integers (u8, u16, u32 elements) through signless i64; a
  // u64 is its i64 bits, a float of its unsigned value.
  if (from.isUnsignedInteger()) {
    unsigned w = from.getIntOrFloatBitWidth();
    Value s = UnrealizedConversionCastOp::create(b, b.getIntegerType(w), v)
                  .getResult(0);
    if (w == 64 && isa<FloatType>(to))
      return arith::UIToFPOp::create(b, to, s);
    if (w < 64)
      s = arith::ExtUIOp::create(b, b.getI64Type(), s);
    return castNumber(b, s, to);
  }
  if (to.isUnsignedInteger()) {
    unsigned w = to.getIntOrFloatBitWidth();
    Value s = castNumber(b, v, b.getI64Type());
    if (w == 64 && isa<FloatType>(v.getType())) {
      // At and above 2**63, the unsigned conversion (below, NumPy's
      // through int64: negative values wrap).
      Type ft = v.getType();
      Value big = arith::CmpFOp::create(
          b, arith::CmpFPredicate::OGE, v,
          arith::ConstantOp::create(b, b.getFloatAttr(ft, 0x1p63)));
      Value inRange = arith::AndIOp::create(
          b, big,
          arith::CmpFOp::create(
              b, arith::CmpFPredicate::OLT, v,
              arith::ConstantOp::create(b, b.getFloatAttr(ft, 0x1p64))));
      Value safe = arith::SelectOp::create(
          b, inRange, v, arith::ConstantOp::create(b, b.getFloatAttr(ft, 0.0)));
      s = arith::SelectOp::create(
          b, inRange, arith::FPToUIOp::create(b, b.getI64Type(), safe), s);
    }
    if (w < 64)
      s = arith::TruncIOp::create(b, b.getIntegerType(w), s);
    return UnrealizedConversionCastOp::create(b, to, s).getResult(0);
  }
  bool fromFloat = isa<FloatType>(from), toFloat = isa<FloatType>(to);
  unsigned fw = from.getIntOrFloatBitWidth(), tw = to.getIntOrFloatBitWidth();
  if (!fromFloat && toFloat)
    return fw == 1 ? arith::UIToFPOp::create(b, to, v).getResult()
                   : arith::SIToFPOp::create(b, to, v).getResult();
  if (fromFloat && toFloat)
    return tw > fw ? arith::ExtFOp::create(b, to, v).getResult()
                   : arith::TruncFOp::create(b, to, v).getResult();
  if (fromFloat && tw == 1)
    return arith::CmpFOp::create(
        b, arith::CmpFPredicate::UNE, v,
        arith::ConstantOp::create(b, b.getFloatAttr(from, 0.0)));
  if (fromFloat && tw < 32)
    // i8 and i16 as NumPy on x86: through a wider integer, then wrapped.
    return arith::TruncIOp::create(b, to, castNumber(b, v, b.getI64Type()));
  if (fromFloat) {
    // fptosi of NaN or of a value out of range would be poison.
    double lim = std::ldexp(1.0, static_cast<int>(tw) - 1);
    Value ok = arith::AndIOp::create(
        b,
        arith::CmpFOp::create(
            b, arith::CmpFPredicate::OGE, v,
            arith::ConstantOp::create(b, b.getFloatAttr(from, -lim))),
        arith::CmpFOp::create(
            b, arith::CmpFPredicate::OLT, v,
            arith::ConstantOp::create(b, b.getFloatAttr(from, lim))));
    Value safe = arith::SelectOp::create(
        b, ok, v, arith::ConstantOp::create(b, b.getFloatAttr(from, 0.0)));
    Value minInt = arith::ConstantOp::create(
        b, b.getIntegerAttr(to, llvm::APInt::getSignedMinValue(tw)));
    return arith::SelectOp::create(b, ok, arith::FPToSIOp::create(b, to, safe),
                                   minInt);
  }
  if (tw > fw)
    return fw == 1 ? arith::ExtUIOp::create(b, to, v).getResult()
                   : arith::ExtSIOp::create(b, to, v).getResult();
  if (tw == 1) // nonzero is true
    return arith::CmpIOp::create(
        b, arith::CmpIPredicate::ne, v,
        arith::ConstantOp::create(b, b.getIntegerAttr(from, 0)));
  return arith::TruncIOp::create(b, to, v);
}

} // namespace weft
