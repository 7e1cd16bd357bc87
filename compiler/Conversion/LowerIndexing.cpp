//===- LowerIndexing.cpp - Python indexing and views to memref and arith --===//
//
// Implements weft-lower-indexing (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/ArrayNest.h"
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"
#include "llvm/ADT/TypeSwitch.h"

namespace weft {
#define GEN_PASS_DEF_LOWERINDEXING
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// True if integer `v` is provably >= 0.
bool knownNonNegative(Value v, int depth = 0) {
  if (depth > 8)
    return false;
  auto nonNeg = [&](Value x) { return knownNonNegative(x, depth + 1); };
  if (auto arg = dyn_cast<BlockArgument>(v)) {
    Operation *owner = arg.getOwner()->getParentOp();
    // Induction variables of loops counting up from a non-negative start.
    if (auto par = dyn_cast_or_null<scf::ParallelOp>(owner))
      return arg.getArgNumber() < par.getNumLoops() &&
             nonNeg(par.getLowerBound()[arg.getArgNumber()]);
    if (auto loop = dyn_cast_or_null<scf::ForOp>(owner))
      if (arg == loop.getInductionVar()) {
        auto step = getConstantIntValue(loop.getStep());
        return step && *step > 0 && nonNeg(loop.getLowerBound());
      }
    return false;
  }
  if (auto c = getConstantIntValue(v))
    return *c >= 0;
  Operation *op = v.getDefiningOp();
  if (!op)
    return false;
  if (isa<arith::IndexCastOp, arith::ExtSIOp>(op))
    return nonNeg(op->getOperand(0));
  if (isa<arith::ExtUIOp, arith::IndexCastUIOp, arith::RemUIOp, arith::DivUIOp,
          arith::ShRUIOp>(op))
    return true;
  // Sums and products of non-negative values (an overflowing index is
  // wrong either way).
  if (isa<arith::AddIOp, arith::MulIOp, arith::MinSIOp, arith::DivSIOp,
          arith::FloorDivSIOp>(op))
    return nonNeg(op->getOperand(0)) && nonNeg(op->getOperand(1));
  if (isa<arith::MaxSIOp>(op))
    return nonNeg(op->getOperand(0)) || nonNeg(op->getOperand(1));
  if (auto sel = dyn_cast<arith::SelectOp>(op))
    return nonNeg(sel.getTrueValue()) && nonNeg(sel.getFalseValue());
  return false;
}

void lower(weft::WrapIndexOp op) {
  ImplicitLocOpBuilder b(op.getLoc(), op);
  Value i64v = op.getIndex(), n = op.getSize();
  Value i = arith::IndexCastOp::create(b, b.getIndexType(), i64v);
  Value zero = arith::ConstantIndexOp::create(b, 0);
  Value bad = arith::ConstantIntOp::create(b, 0, 1);
  if (op.getChecked()) {
    Value nNeg = arith::SubIOp::create(b, zero, n);
    bad = arith::OrIOp::create(
        b, arith::CmpIOp::create(b, arith::CmpIPredicate::slt, i, nNeg),
        arith::CmpIOp::create(b, arith::CmpIPredicate::sge, i, n));
    auto ifOp = scf::IfOp::create(b, TypeRange{}, bad, false);
    {
      OpBuilder::InsertionGuard g(b);
      b.setInsertionPointToStart(&ifOp.getThenRegion().front());
      weft::IndexErrorOp::create(
          b, i64v, arith::IndexCastOp::create(b, b.getI64Type(), n),
          op.getAxis(), op.getLine());
    }
    // Only reached with a bad index inside a parallel loop (elsewhere the
    // error has been raised): go on with index 0, never with the bad one.
    i = arith::SelectOp::create(b, bad, zero, i);
  }
  if (!knownNonNegative(i64v)) {
    Value neg = arith::CmpIOp::create(b, arith::CmpIPredicate::slt, i, zero);
    i = arith::SelectOp::create(b, neg, arith::AddIOp::create(b, i, n), i);
  }
  op.getResult().replaceAllUsesWith(i);
  op.getBad().replaceAllUsesWith(bad);
  op.erase();
}

/// One slice of an axis of `n` elements and stride `stride` by Python's
/// rules (PySlice_AdjustIndices); `lo`, `hi`, `step` may be null (not
/// given). Adds the slice's start to `offset`; returns its size and
/// stride.
std::pair<Value, Value> sliceAxis(ImplicitLocOpBuilder &b, Value n,
                                  Value stride, Value lo, Value hi, Value step,
                                  Value &offset) {
  Value zero = arith::ConstantIndexOp::create(b, 0);
  Value one = arith::ConstantIndexOp::create(b, 1);
  Value minusOne = arith::ConstantIndexOp::create(b, -1);
  auto lt = [&](Value x, Value y) -> Value {
    return arith::CmpIOp::create(b, arith::CmpIPredicate::slt, x, y);
  };
  auto sel = [&](Value c, Value x, Value y) -> Value {
    return arith::SelectOp::create(b, c, x, y);
  };
  if (!step)
    step = one;
  Value neg = lt(step, zero);
  // Bounds for a positive step clamp to [0, n], for a negative one to
  // [-1, n-1].
  Value last = arith::SubIOp::create(b, n, one);
  Value lowClamp = sel(neg, minusOne, zero);
  Value highClamp = sel(neg, last, n);
  auto adjust = [&](Value v, Value dflt) -> Value {
    if (!v)
      return dflt;
    v = sel(lt(v, zero), arith::AddIOp::create(b, v, n), v);
    v = arith::MaxSIOp::create(b, v, lowClamp);
    return arith::MinSIOp::create(b, v, highClamp);
  };
  lo = adjust(lo, sel(neg, last, zero));
  hi = adjust(hi, sel(neg, minusOne, n));
  // len = (hi - lo - 1) / step + 1 for step > 0 and lo < hi (mirrored for
  // step < 0), else 0; |step| as an unsigned number, so a step of -2**63
  // takes one element.
  Value span = sel(neg, arith::SubIOp::create(b, lo, hi),
                   arith::SubIOp::create(b, hi, lo));
  Value absStep = sel(neg, arith::SubIOp::create(b, zero, step), step);
  Value nonEmpty =
      arith::CmpIOp::create(b, arith::CmpIPredicate::sgt, span, zero);
  Value len = sel(nonEmpty,
                  arith::AddIOp::create(
                      b,
                      arith::DivUIOp::create(
                          b, arith::SubIOp::create(b, span, one), absStep),
                      one),
                  zero);
  // An empty view keeps the offset (lo may be -1 or n there); a view of
  // at most one element keeps the stride (stride x step may wrap there,
  // e.g. to -2**63, which MLIR reserves for a dynamic stride).
  offset = arith::AddIOp::create(
      b, offset, arith::MulIOp::create(b, sel(nonEmpty, lo, zero), stride));
  Value several = arith::CmpIOp::create(b, arith::CmpIPredicate::sgt, len, one);
  return {len, sel(several, arith::MulIOp::create(b, stride, step), stride)};
}

void lower(weft::SliceOp op) {
  ImplicitLocOpBuilder b(op.getLoc(), op);
  auto md = memref::ExtractStridedMetadataOp::create(b, op.getArray());
  Value offset = md.getOffset();
  SmallVector<Value, 4> sizes, strides;
  auto bounds = op.getBounds();
  size_t next = 0;
  auto take = [&](bool given) -> Value {
    return given ? bounds[next++] : Value();
  };
  size_t d = 0; // the next axis of the array
  Value zero = arith::ConstantIndexOp::create(b, 0);
  for (int64_t entry : op.getAxes()) {
    if (entry == 32) { // a new axis of size 1
      sizes.push_back(arith::ConstantIndexOp::create(b, 1));
      strides.push_back(zero);
      continue;
    }
    Value n = md.getSizes()[d], stride = md.getStrides()[d];
    ++d;
    if (entry == 0) {
      sizes.push_back(n);
      strides.push_back(stride);
    } else if (entry == 1) {
      // A position out of range (unchecked without --boundscheck, perhaps
      // on a line that never runs) clamps to the axis: it must not fold
      // into a negative static offset, which memref.reinterpret_cast
      // refuses. (The offset itself may be negative: a host's view with
      // negative strides starts at its first element.)
      Value last = arith::MaxSIOp::create(
          b, arith::SubIOp::create(b, n, arith::ConstantIndexOp::create(b, 1)),
          zero);
      Value pos = arith::MinSIOp::create(
          b, arith::MaxSIOp::create(b, take(true), zero), last);
      offset = arith::AddIOp::create(b, offset,
                                     arith::MulIOp::create(b, pos, stride));
    } else {
      Value lo = take(entry & 4), hi = take(entry & 8), step = take(entry & 16);
      auto [len, s] = sliceAxis(b, n, stride, lo, hi, step, offset);
      sizes.push_back(len);
      strides.push_back(s);
    }
  }
  Value view = memref::ReinterpretCastOp::create(
      b, cast<MemRefType>(op.getResult().getType()), md.getBaseBuffer(), offset,
      sizes, strides);
  op.getResult().replaceAllUsesWith(view);
  op.erase();
}

void lower(weft::TransposeOp op) {
  ImplicitLocOpBuilder b(op.getLoc(), op);
  auto md = memref::ExtractStridedMetadataOp::create(b, op.getArray());
  SmallVector<Value, 4> sizes(llvm::reverse(md.getSizes()));
  SmallVector<Value, 4> strides(llvm::reverse(md.getStrides()));
  if (auto perm = op.getPermutation())
    for (auto [i, a] : llvm::enumerate(*perm)) {
      sizes[i] = md.getSizes()[a];
      strides[i] = md.getStrides()[a];
    }
  Value view = memref::ReinterpretCastOp::create(
      b, cast<MemRefType>(op.getResult().getType()), md.getBaseBuffer(),
      md.getOffset(), sizes, strides);
  op.getResult().replaceAllUsesWith(view);
  op.erase();
}

/// The checks of a reshape to `sizes`: NumPy's ValueError when the
/// element counts differ, MemoryError when the new shape's byte size
/// overflows. Returns whether either failed (the code goes on after a
/// check inside a parallel loop).
Value checkReshape(ImplicitLocOpBuilder &b, weft::ReshapeOp op,
                   ValueRange oldSizes, ValueRange sizes, Value total) {
  auto elem = cast<MemRefType>(op.getArray().getType()).getElementType();
  weft::CheckedCount c = weft::checkedCount(b, sizes, weft::elementBytes(elem));
  Value mismatch =
      arith::CmpIOp::create(b, arith::CmpIPredicate::ne, c.count, total);
  auto ifOp = scf::IfOp::create(b, TypeRange{}, mismatch, true);
  OpBuilder::InsertionGuard g(b);
  b.setInsertionPointToStart(&ifOp.getThenRegion().front());
  SmallVector<Value, 10> shapes; // both shapes: rank, then sizes
  for (ValueRange shape : {oldSizes, sizes}) {
    shapes.push_back(arith::ConstantIntOp::create(b, shape.size(), 64));
    for (Value n : shape)
      shapes.push_back(arith::IndexCastOp::create(b, b.getI64Type(), n));
  }
  weft::ShapeErrorOp::create(
      b, "ValueError: cannot reshape array of shape {} into shape {}",
      op.getLine(), shapes);
  // An empty new shape whose nominal byte size overflows (NumPy's rule,
  // as for allocations).
  b.setInsertionPointToStart(&ifOp.getElseRegion().front());
  auto tooLarge = scf::IfOp::create(b, TypeRange{}, c.overflow, false);
  b.setInsertionPointToStart(&tooLarge.getThenRegion().front());
  weft::FailOp::create(b,
                       "MemoryError: the array's shape is too large to "
                       "allocate (its size in bytes overflows 64 bits)",
                       op.getLine());
  b.setInsertionPointAfter(ifOp);
  return arith::OrIOp::create(b, mismatch, c.overflow);
}

/// True (i1) if `array` is row-major contiguous: each stride is the
/// product of the sizes after its axis, for every axis of size > 1.
Value isContiguous(ImplicitLocOpBuilder &b,
                   memref::ExtractStridedMetadataOp md) {
  Value contiguous = arith::ConstantIntOp::create(b, 1, 1);
  Value one = arith::ConstantIndexOp::create(b, 1), expect = one;
  for (int64_t d = md.getSizes().size() - 1; d >= 0; --d) {
    Value n = md.getSizes()[d];
    Value ok = arith::OrIOp::create(
        b,
        arith::CmpIOp::create(b, arith::CmpIPredicate::eq, md.getStrides()[d],
                              expect),
        arith::CmpIOp::create(b, arith::CmpIPredicate::sle, n, one));
    contiguous = arith::AndIOp::create(b, contiguous, ok);
    expect = arith::MulIOp::create(b, expect, n);
  }
  return contiguous;
}

void lower(weft::ReshapeOp op) {
  ImplicitLocOpBuilder b(op.getLoc(), op);
  Value a = op.getArray();
  auto type = cast<MemRefType>(a.getType());
  auto md = memref::ExtractStridedMetadataOp::create(b, a);
  SmallVector<Value, 4> oldSizes(md.getSizes());
  Value total = weft::productOf(b, oldSizes);
  SmallVector<Value, 4> sizes(op.getSizes());
  if (sizes.empty()) {
    sizes.push_back(total); // ravel
  } else {
    Value bad = checkReshape(b, op, oldSizes, sizes, total);
    Value zero = arith::ConstantIndexOp::create(b, 0);
    for (Value &n : sizes) // stay safe after the check: an empty view
      n = arith::SelectOp::create(b, bad, zero, n);
  }
  // The array itself (retained) when contiguous, else a contiguous copy.
  Value contiguous = isContiguous(b, md);
  auto ifOp = scf::IfOp::create(b, TypeRange{type}, contiguous, true);
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(&ifOp.getThenRegion().front());
    weft::RetainOp::create(b, a);
    scf::YieldOp::create(b, a);
    b.setInsertionPointToStart(&ifOp.getElseRegion().front());
    SmallVector<Value, 4> dims = weft::sizesOf(b, a);
    Value copy = weft::allocArray(
        b, weft::stridedType(type.getElementType(), type.getRank()), dims);
    weft::buildArrayNest(b, dims, op.getSerial(), weft::inGPUFunction(op),
                         [&](ValueRange ivs) {
                           memref::StoreOp::create(
                               b, memref::LoadOp::create(b, a, ivs), copy, ivs);
                         });
    scf::YieldOp::create(b, copy);
  }
  Value src = ifOp.getResult(0);
  auto sm = memref::ExtractStridedMetadataOp::create(b, src);
  SmallVector<Value, 4> strides(sizes.size());
  Value stride = arith::ConstantIndexOp::create(b, 1);
  for (int64_t d = sizes.size() - 1; d >= 0; --d) {
    strides[d] = stride;
    stride = arith::MulIOp::create(b, stride, sizes[d]);
  }
  Value view = memref::ReinterpretCastOp::create(
      b, cast<MemRefType>(op.getResult().getType()), sm.getBaseBuffer(),
      sm.getOffset(), sizes, strides);
  op.getResult().replaceAllUsesWith(view);
  op.erase();
}

/// Serial scf.for loops over `dims` carrying one index value (`carried`,
/// starting at `init`); `body(ivs, carried)` returns its next value.
Value carriedLoopNest(ImplicitLocOpBuilder &b, ValueRange dims, Value init,
                      function_ref<Value(ValueRange, Value)> body,
                      SmallVectorImpl<Value> &ivs) {
  if (ivs.size() == dims.size())
    return body(ivs, init);
  Value zero = arith::ConstantIndexOp::create(b, 0);
  Value one = arith::ConstantIndexOp::create(b, 1);
  auto loop = scf::ForOp::create(b, zero, dims[ivs.size()], one, init);
  OpBuilder::InsertionGuard g(b);
  b.setInsertionPointToStart(loop.getBody());
  ivs.push_back(loop.getInductionVar());
  Value next = carriedLoopNest(b, dims, loop.getRegionIterArgs()[0], body, ivs);
  ivs.pop_back();
  scf::YieldOp::create(b, next);
  return loop.getResult(0);
}

/// a[mask]: checks the mask's shape against the array's leading axes,
/// counts the true elements, allocates the result and copies the selected
/// elements (or sub-arrays) into it in row-major order.
void lower(weft::CompressOp op) {
  ImplicitLocOpBuilder b(op.getLoc(), op);
  Value array = op.getArray(), mask = op.getMask();
  SmallVector<Value, 4> aSizes = weft::sizesOf(b, array);
  SmallVector<Value, 4> mSizes = weft::sizesOf(b, mask);
  size_t m = mSizes.size();
  // Shapes that differ: NumPy's IndexError; the loops then read only the
  // common part (the code goes on after an error inside a parallel loop).
  SmallVector<Value, 4> common =
      weft::checkMaskShape(b, mSizes, aSizes, op.getLine());
  Value zero = arith::ConstantIndexOp::create(b, 0);
  Value one = arith::ConstantIndexOp::create(b, 1);
  SmallVector<Value, 4> ivs;
  auto isSet = [&](ValueRange at) -> Value {
    return memref::LoadOp::create(b, mask, at);
  };
  Value count = carriedLoopNest(
      b, common, zero,
      [&](ValueRange at, Value k) -> Value {
        return arith::AddIOp::create(
            b, k, arith::SelectOp::create(b, isSet(at), one, zero));
      },
      ivs);
  SmallVector<Value, 4> outSizes{count};
  outSizes.append(aSizes.begin() + m, aSizes.end());
  auto resultType = cast<MemRefType>(op.getResult().getType());
  Value out = weft::allocArray(b, resultType, outSizes);
  ValueRange trailing = ValueRange(outSizes).drop_front();
  carriedLoopNest(
      b, common, zero,
      [&](ValueRange at, Value k) -> Value {
        Value set = isSet(at);
        auto ifOp = scf::IfOp::create(b, TypeRange{}, set, false);
        {
          OpBuilder::InsertionGuard g(b);
          b.setInsertionPointToStart(&ifOp.getThenRegion().front());
          weft::buildArrayNest(b, trailing, /*serial=*/true, /*gpu=*/false,
                               [&](ValueRange rest) {
                                 SmallVector<Value, 4> from(at), to{k};
                                 from.append(rest.begin(), rest.end());
                                 to.append(rest.begin(), rest.end());
                                 Value x =
                                     memref::LoadOp::create(b, array, from);
                                 memref::StoreOp::create(b, x, out, to);
                               });
        }
        return arith::AddIOp::create(
            b, k, arith::SelectOp::create(b, set, one, zero));
      },
      ivs);
  op.getResult().replaceAllUsesWith(out);
  op.erase();
}

/// a[idx]: allocates the result (the indices' shape, then the array's
/// trailing axes) and fills it, each index wrapped and checked.
void lower(weft::GatherOp op) {
  ImplicitLocOpBuilder b(op.getLoc(), op);
  Value array = op.getArray(), indices = op.getIndices();
  SmallVector<Value, 4> aSizes = weft::sizesOf(b, array);
  SmallVector<Value, 4> outSizes = weft::sizesOf(b, indices);
  size_t k = outSizes.size();
  outSizes.append(aSizes.begin() + 1, aSizes.end());
  auto resultType = cast<MemRefType>(op.getResult().getType());
  Value out = weft::allocArray(b, resultType, outSizes);
  Type elem = resultType.getElementType();
  weft::buildArrayNest(
      b, outSizes, /*serial=*/true, /*gpu=*/false, [&](ValueRange ivs) {
        Value i = weft::castNumber(
            b, memref::LoadOp::create(b, indices, ivs.take_front(k)),
            b.getI64Type());
        auto wrap = weft::WrapIndexOp::create(b, i, aSizes[0], /*checked=*/true,
                                              op.getAxis(), op.getLine());
        // A bad index (recorded inside a parallel loop) reads nothing.
        auto ifOp = scf::IfOp::create(b, elem, wrap.getBad(), true);
        {
          OpBuilder::InsertionGuard g(b);
          b.setInsertionPointToStart(&ifOp.getThenRegion().front());
          scf::YieldOp::create(b, weft::zeroOf(b, elem));
          b.setInsertionPointToStart(&ifOp.getElseRegion().front());
          SmallVector<Value, 4> from{wrap.getResult()};
          from.append(ivs.begin() + k, ivs.end());
          scf::YieldOp::create(
              b, memref::LoadOp::create(b, array, from).getResult());
        }
        memref::StoreOp::create(b, ifOp.getResult(0), out, ivs);
      });
  op.getResult().replaceAllUsesWith(out);
  op.erase();
}

struct LowerIndexing : weft::impl::LowerIndexingBase<LowerIndexing> {
  void runOnOperation() override {
    // Array indexing first: its lowering makes wrap_index ops.
    SmallVector<Operation *> arrayIndexing, ops;
    getOperation()->walk([&](Operation *op) {
      if (isa<weft::CompressOp, weft::GatherOp>(op))
        arrayIndexing.push_back(op);
    });
    for (Operation *op : arrayIndexing)
      TypeSwitch<Operation *>(op).Case<weft::CompressOp, weft::GatherOp>(
          [](auto o) { lower(o); });
    getOperation()->walk([&](Operation *op) {
      if (isa<weft::WrapIndexOp, weft::SliceOp, weft::TransposeOp,
              weft::ReshapeOp>(op))
        ops.push_back(op);
    });
    for (Operation *op : ops)
      TypeSwitch<Operation *>(op)
          .Case<weft::WrapIndexOp, weft::SliceOp, weft::TransposeOp,
                weft::ReshapeOp>([](auto o) { lower(o); });
  }
};

} // namespace
