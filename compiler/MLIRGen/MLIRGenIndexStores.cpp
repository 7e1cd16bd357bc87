//===- MLIRGenIndexStores.cpp - Stores through index arrays and masks -----===//
//
// `a[idx] = v`, `a[mask] = v`, `a[:, idx] += v`: stores and updates
// through an integer or boolean array index. A number goes to every
// selected element; an array's elements go to the selected elements in
// order (broadcast to the selection's shape for an index array, one per
// true element of a mask), as NumPy's assignment does.
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/ArrayNest.h"
#include "compiler/MLIRGen/MLIRGenImpl.h"

using namespace mlir;

namespace weft {

void FunctionGen::storeThroughIndexArray(const IndexExpr *ix, const Expr *e,
                                         std::optional<BinaryOp> op, int64_t ln,
                                         Location l) {
  // a[:, idx] = v stores through the view with idx's axis first.
  Value dest = advancedIndexSource(emitExpr(ix->base.get()).v(),
                                   fn.typeOf(ix->base.get()), ix);
  Value idx = emitExpr(ix->indices[fn.arrayIndexAt(ix)].get()).v();
  checkMaskAxis(ix, dest, idx, l);
  if (fn.typeOf(e).isArray() ||
      fn.indexingOf(ix) == FunctionInstance::Indexing::Gather) {
    storeSelected(ix, e, op, dest, idx, ln, l);
    return;
  }
  // a[mask] op= x for a number x: a masked update of the part the mask
  // covers (all of it unless the shapes differ, an IndexError); the
  // mask's view repeats along the array's trailing axes.
  ScalarKind dk = kindOf(cast<MemRefType>(dest.getType()).getElementType());
  ArrayMeta dm = arrayMeta(dest, l), im = arrayMeta(idx, l);
  size_t k = im.sizes.size();
  ImplicitLocOpBuilder ib(l, b);
  SmallVector<Value, 4> sizes =
      weft::checkMaskShape(ib, im.sizes, dm.sizes, ln);
  SmallVector<Value, 4> strides(im.strides);
  for (size_t d = k; d < dm.sizes.size(); ++d) {
    sizes.push_back(dm.sizes[d]);
    strides.push_back(index(0, l));
  }
  Value maskView =
      makeView(idx, ScalarKind::Bool, im.offset, sizes, strides, l);
  Value destView = makeView(dest, dk, dm.offset, sizes, dm.strides, l);
  storeInto(destView, e, op, ln, l, maskView);
}

Value FunctionGen::valueForSelection(const IndexExpr *ix, const Expr *e,
                                     ValueRange made, int64_t ln, Location l) {
  // The selection's sizes in NumPy's order, which v broadcasts to.
  SmallVector<int64_t, 8> perm =
      numpySelectionOrder(ix, static_cast<int>(made.size()));
  SmallVector<Value, 4> selection(made.begin(), made.end());
  if (!perm.empty())
    for (size_t i = 0; i < perm.size(); ++i)
      selection[i] = made[perm[i]];
  // The value's own copy (it may be a view of the array stored into),
  // as a view broadcast to the selection's shape; its shape must
  // broadcast to it (NumPy's ValueError otherwise).
  Value v;
  if (isFusable(e)) {
    v = materialize(e, /*report=*/false); // a new array
  } else {
    Value from = emitExpr(e).v();
    ArrayMeta fm = arrayMeta(from, l);
    v = allocArrayN(kindOf(cast<MemRefType>(from.getType()).getElementType()),
                    fm.sizes, l);
    emitMapOp({from}, v, l, [](ValueRange elems, Value) { return elems[0]; });
  }
  ArrayMeta vm = arrayMeta(v, l);
  Value bad = arith::ConstantIntOp::create(b, l, 0, 1);
  size_t vr = vm.sizes.size(), sr = selection.size();
  if (vr > sr) {
    bad = arith::ConstantIntOp::create(b, l, 1, 1);
  } else {
    Value one = index(1, l);
    for (size_t d = 0; d < vr; ++d) {
      Value n = vm.sizes[d], want = selection[sr - vr + d];
      Value fits = arith::OrIOp::create(
          b, l, arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, n, want),
          arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, n, one));
      bad = arith::OrIOp::create(
          b, l, bad,
          arith::XOrIOp::create(b, l, fits,
                                arith::ConstantIntOp::create(b, l, 1, 1)));
    }
  }
  emitCheck(bad,
            fn.indexingOf(ix) == FunctionInstance::Indexing::Mask
                ? "TypeError: NumPy boolean array indexing assignment cannot "
                  "assign these input values to the output values where the "
                  "mask is true (their numbers differ)"
                : "ValueError: shape mismatch: value array could not be "
                  "broadcast to indexing result",
            ln, l);
  ImplicitLocOpBuilder ib(l, b);
  Value view = weft::broadcastView(ib, v, selection);
  if (perm.empty())
    return view;
  // Seen in the order the selection is made: the inverse permutation.
  SmallVector<int64_t, 8> inverse(perm.size());
  for (size_t i = 0; i < perm.size(); ++i)
    inverse[perm[i]] = static_cast<int64_t>(i);
  auto moved = weft::TransposeOp::create(b, l, view.getType(), view);
  moved.setPermutation(inverse);
  return moved.getResult();
}

void FunctionGen::storeSelected(const IndexExpr *ix, const Expr *e,
                                std::optional<BinaryOp> op, Value dest,
                                Value idx, int64_t ln, Location l) {
  ScalarKind dk = kindOf(cast<MemRefType>(dest.getType()).getElementType());
  ScalarKind vk = fn.typeOf(e).scalarKind();
  ScalarKind opKind = op ? promote(computeKind(dk), computeKind(vk)) : dk;
  if (op && *op == BinaryOp::Div)
    opKind = divisionKind(opKind);
  ArrayMeta dm = arrayMeta(dest, l), im = arrayMeta(idx, l);
  size_t k = im.sizes.size();
  auto combine = [&](Value cur, Value x) {
    if (op)
      x = emitBinaryScalar(*op, convert(cur, opKind, l), convert(x, opKind, l),
                           opKind, false, l, ln);
    return convert(x, dk, l);
  };
  if (fn.indexingOf(ix) == FunctionInstance::Indexing::Gather) {
    // a[idx] = v: a number, or v broadcast to idx's shape then the
    // array's other axes; the old values are read first (a repeated
    // index: the last wins, as NumPy's).
    SmallVector<Value, 4> dims(im.sizes);
    dims.append(dm.sizes.begin() + 1, dm.sizes.end());
    Value old;
    if (op) {
      old = weft::GatherOp::create(b, l, toMLIR(fn.typeOf(ix)), dest, idx, ln,
                                   fn.arrayIndexAt(ix));
      addTemp(old);
    }
    bool array = fn.typeOf(e).isArray();
    Value v = array ? valueForSelection(ix, e, dims, ln, l) : emitScalar(e);
    emitLoopNest(dims, l, [&](ValueRange ivs) {
      Value i = memref::LoadOp::create(b, l, idx, ivs.take_front(k));
      auto wrap = weft::WrapIndexOp::create(
          b, l, convert(i, ScalarKind::I64, l), dm.sizes[0], /*checked=*/true,
          /*axis=*/fn.arrayIndexAt(ix), ln);
      Value x = array ? memref::LoadOp::create(b, l, v, ivs).getResult() : v;
      Value cur = op ? memref::LoadOp::create(b, l, old, ivs).getResult() : x;
      SmallVector<Value, 4> at{wrap.getResult()};
      at.append(ivs.begin() + k, ivs.end());
      storeUnlessBad(combine(cur, x), dest, at, wrap.getBad(), l);
    });
    return;
  }
  // a[mask] = v for an array v: the true elements in row-major order take
  // v's rows one after the other (v broadcast to the count, then the
  // other axes).
  ImplicitLocOpBuilder ib(l, b);
  SmallVector<Value, 4> maskDims = weft::checkMaskShape(
      ib, im.sizes, ArrayRef<Value>(dm.sizes).take_front(k), ln);
  SmallVector<Value, 4> rest(dm.sizes.begin() + k, dm.sizes.end());
  Value counter =
      memref::AllocaOp::create(b, l, MemRefType::get({}, b.getIndexType()));
  memref::StoreOp::create(b, l, index(0, l), counter, ValueRange{});
  emitLoopNest(maskDims, l, [&](ValueRange ivs) {
    Value m = memref::LoadOp::create(b, l, idx, ivs);
    Value c = memref::LoadOp::create(b, l, counter, ValueRange{});
    Value next = arith::AddIOp::create(b, l, c, index(1, l));
    memref::StoreOp::create(b, l, arith::SelectOp::create(b, l, m, next, c),
                            counter, ValueRange{});
  });
  SmallVector<Value, 4> selection{
      memref::LoadOp::create(b, l, counter, ValueRange{}).getResult()};
  selection.append(rest.begin(), rest.end());
  Value v = valueForSelection(ix, e, selection, ln, l);
  memref::StoreOp::create(b, l, index(0, l), counter, ValueRange{});
  emitLoopNest(maskDims, l, [&](ValueRange ivs) {
    Value m = memref::LoadOp::create(b, l, idx, ivs);
    auto when = scf::IfOp::create(b, l, TypeRange{}, m, false);
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(&when.getThenRegion().front());
    Value c = memref::LoadOp::create(b, l, counter, ValueRange{});
    emitLoopNest(rest, l, [&](ValueRange inner) {
      SmallVector<Value, 4> from{c}, at(ivs.begin(), ivs.end());
      from.append(inner.begin(), inner.end());
      at.append(inner.begin(), inner.end());
      Value x = memref::LoadOp::create(b, l, v, from);
      Value cur = memref::LoadOp::create(b, l, dest, at);
      memref::StoreOp::create(b, l, combine(cur, x), dest, at);
    });
    memref::StoreOp::create(b, l, arith::AddIOp::create(b, l, c, index(1, l)),
                            counter, ValueRange{});
  });
}

} // namespace weft
