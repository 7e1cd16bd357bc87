//===- LowerComprehensions.cpp - list comprehensions as serial loops ------===//
//
// Implements weft-lower-comprehensions (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/ArrayNest.h"
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"

namespace weft {
#define GEN_PASS_DEF_LOWERCOMPREHENSIONS
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// What a region yields when inlined: the values (one per field; a
/// condition's one), then the carried values.
struct Yielded {
  SmallVector<Value> values;
  SmallVector<Value> carried;
  Value value() const { return values.front(); }
};

/// A copy of `region`'s ops at the builder's point, for iteration `i` with
/// the carried values `carried`.
Yielded inlineAt(ImplicitLocOpBuilder &b, Region &region, Value i,
                 ValueRange carried, size_t values = 1) {
  Block &blk = region.front();
  IRMapping map;
  map.map(blk.getArgument(0), i);
  for (auto [arg, v] : llvm::zip(blk.getArguments().drop_front(), carried))
    map.map(arg, v);
  for (Operation &op : blk.without_terminator())
    b.clone(op, map);
  auto yield = cast<weft::ComprehensionYieldOp>(blk.getTerminator());
  Yielded out;
  for (Value v : yield.getValues().take_front(values))
    out.values.push_back(map.lookupOrDefault(v));
  for (Value v : yield.getValues().drop_front(values))
    out.carried.push_back(map.lookupOrDefault(v));
  return out;
}

/// An scf.for over [from, to) carrying `inits`; `body` gets the index and
/// the carried values and returns the next ones.
scf::ForOp
serialLoop(ImplicitLocOpBuilder &b, Value from, Value to, ValueRange inits,
           llvm::function_ref<SmallVector<Value>(Value, ValueRange)> body) {
  Value one = arith::ConstantIndexOp::create(b, 1);
  auto loop = scf::ForOp::create(b, from, to, one, inits);
  OpBuilder::InsertionGuard g(b);
  // Without carried values the loop already ends with its yield.
  if (inits.empty())
    b.setInsertionPoint(loop.getBody()->getTerminator());
  else
    b.setInsertionPointToStart(loop.getBody());
  SmallVector<Value> next =
      body(loop.getInductionVar(), loop.getRegionIterArgs());
  if (!inits.empty())
    scf::YieldOp::create(b, next);
  return loop;
}

/// New arrays of the op's result types with the sizes `sizes(k)`.
SmallVector<Value>
allocFields(ImplicitLocOpBuilder &b, weft::ComprehensionOp op,
            llvm::function_ref<SmallVector<Value, 4>(size_t)> sizes) {
  SmallVector<Value> out;
  for (auto [k, r] : llvm::enumerate(op.getArrays()))
    out.push_back(weft::allocCheckedArray(b, cast<MemRefType>(r.getType()),
                                          sizes(k), op.getLine()));
  return out;
}

/// [x for ...]: each value stored at its index (each field's in its array).
void lowerNumbers(ImplicitLocOpBuilder &b, weft::ComprehensionOp op) {
  size_t fields = op.getFields();
  Value zero = arith::ConstantIndexOp::create(b, 0);
  SmallVector<Value> outs = allocFields(
      b, op, [&](size_t) -> SmallVector<Value, 4> { return {op.getCount()}; });
  auto loop = serialLoop(
      b, zero, op.getCount(), op.getInits(), [&](Value i, ValueRange carried) {
        Yielded y = inlineAt(b, op.getElement(), i, carried, fields);
        for (size_t k = 0; k < fields; ++k)
          memref::StoreOp::create(b, y.values[k], outs[k], i);
        return y.carried;
      });
  op.getArrays().replaceAllUsesWith(outs);
  op.getCarried().replaceAllUsesWith(loop.getResults());
}

/// [x for ... if c]: the kept values at the front of arrays of the
/// iteration count, and views of them (one reference count each).
void lowerFiltered(ImplicitLocOpBuilder &b, weft::ComprehensionOp op) {
  size_t fields = op.getFields();
  Value zero = arith::ConstantIndexOp::create(b, 0);
  Value one = arith::ConstantIndexOp::create(b, 1);
  SmallVector<Value> outs = allocFields(
      b, op, [&](size_t) -> SmallVector<Value, 4> { return {op.getCount()}; });
  SmallVector<Value> inits(op.getInits());
  inits.push_back(zero);
  auto loop =
      serialLoop(b, zero, op.getCount(), inits, [&](Value i, ValueRange state) {
        Value kept = state.back();
        Yielded c = inlineAt(b, op.getCondition(), i, state.drop_back());
        TypeRange types = ValueRange(c.carried).getTypes();
        auto ifOp = scf::IfOp::create(b, types, c.value(), true);
        {
          OpBuilder::InsertionGuard g(b);
          b.setInsertionPointToStart(ifOp.thenBlock());
          Yielded e = inlineAt(b, op.getElement(), i, c.carried, fields);
          for (size_t k = 0; k < fields; ++k)
            memref::StoreOp::create(b, e.values[k], outs[k], kept);
          // With no carried values the builder made the yields.
          if (!types.empty()) {
            scf::YieldOp::create(b, e.carried);
            b.setInsertionPointToStart(ifOp.elseBlock());
            scf::YieldOp::create(b, c.carried);
          }
        }
        SmallVector<Value> next(ifOp.getResults());
        next.push_back(arith::AddIOp::create(
            b, kept, arith::SelectOp::create(b, c.value(), one, zero)));
        return next;
      });
  SmallVector<Value> views;
  for (Value out : outs) {
    auto md = memref::ExtractStridedMetadataOp::create(b, out);
    views.push_back(memref::ReinterpretCastOp::create(
        b, cast<MemRefType>(out.getType()), md.getBaseBuffer(), zero,
        ValueRange{loop.getResults().back()}, ValueRange{one}));
  }
  op.getArrays().replaceAllUsesWith(views);
  op.getCarried().replaceAllUsesWith(loop.getResults().drop_back());
}

/// [a for ...] of arrays: element i of a result is the array of iteration
/// i (one per field); the first fixes the shape, a later one of another
/// shape is NumPy's ValueError. Each element array is released once
/// copied.
void lowerArrays(ImplicitLocOpBuilder &b, weft::ComprehensionOp op) {
  size_t fields = op.getFields();
  Value zero = arith::ConstantIndexOp::create(b, 0);
  Value one = arith::ConstantIndexOp::create(b, 1);
  auto copyInto = [&](Value out, Value i, Value e) {
    weft::copyRowChecked(b, out, i, e, op.getLine());
    weft::ReleaseOp::create(b, e);
  };
  auto copyAll = [&](ValueRange outs, Value i, ValueRange es) {
    for (size_t k = 0; k < fields; ++k)
      copyInto(outs[k], i, es[k]);
  };
  Value nonEmpty =
      arith::CmpIOp::create(b, arith::CmpIPredicate::ne, op.getCount(), zero);
  SmallVector<Type> types(op.getOuts().getTypes());
  auto first = scf::IfOp::create(b, types, nonEmpty, true);
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(first.thenBlock());
    Yielded e0 = inlineAt(b, op.getElement(), zero, op.getInits(), fields);
    SmallVector<Value> outs =
        allocFields(b, op, [&](size_t k) -> SmallVector<Value, 4> {
          SmallVector<Value, 4> sizes{op.getCount()};
          auto e = cast<MemRefType>(e0.values[k].getType());
          for (int64_t d = 0; d < e.getRank(); ++d)
            sizes.push_back(memref::DimOp::create(b, e0.values[k], d));
          return sizes;
        });
    copyAll(outs, zero, e0.values);
    SmallVector<Value> yields(outs);
    yields.append(e0.carried);
    scf::YieldOp::create(b, yields);
    b.setInsertionPointToStart(first.elseBlock());
    SmallVector<Value> emptyYields;
    for (Value r : op.getArrays()) {
      auto type = cast<MemRefType>(r.getType());
      SmallVector<Value, 4> none(type.getRank(), zero);
      emptyYields.push_back(weft::allocArray(b, type, none));
    }
    emptyYields.append(op.getInits().begin(), op.getInits().end());
    scf::YieldOp::create(b, emptyYields);
  }
  ValueRange outs = first.getResults().take_front(fields);
  auto loop =
      serialLoop(b, one, op.getCount(), first.getResults().drop_front(fields),
                 [&](Value i, ValueRange carried) {
                   Yielded e = inlineAt(b, op.getElement(), i, carried, fields);
                   copyAll(outs, i, e.values);
                   return e.carried;
                 });
  op.getArrays().replaceAllUsesWith(outs);
  op.getCarried().replaceAllUsesWith(loop.getResults());
}

struct LowerComprehensionsPass
    : weft::impl::LowerComprehensionsBase<LowerComprehensionsPass> {
  void runOnOperation() override {
    // Outermost comprehensions first: their regions are copied with the
    // inner ones, which the next round finds in the copies.
    while (true) {
      SmallVector<weft::ComprehensionOp> ops;
      getOperation()->walk([&](weft::ComprehensionOp op) {
        if (!op->getParentOfType<weft::ComprehensionOp>())
          ops.push_back(op);
      });
      if (ops.empty())
        return;
      for (weft::ComprehensionOp op : ops) {
        ImplicitLocOpBuilder b(op.getLoc(), op);
        auto yield = cast<weft::ComprehensionYieldOp>(
            op.getElement().front().getTerminator());
        if (isa<MemRefType>(yield.getValues()[0].getType()))
          lowerArrays(b, op);
        else if (op.isFiltered())
          lowerFiltered(b, op);
        else
          lowerNumbers(b, op);
        op.erase();
      }
    }
  }
};

} // namespace
