//===- MLIRGenNumpy.cpp - Typed AST to MLIR: NumPy's array functions ------===//
//
// Sorting (weft.sort, weft.argsort), joining (weft.concatenate, which
// weft-lower-joins expands), differences (diff), reversal (flip, a view), and
// the ops of searching and order statistics (weft.searchsorted, weft.digitize,
// weft.unique, weft.quantile, weft.histogram), which weft-lower-statistics
// expands, and views of an array's bytes as another dtype (weft.view_dtype).
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"

#include <functional>
#include <limits>

using namespace mlir;

namespace weft {

namespace {
/// The bytes of one element of kind `k` (a bool takes one).
int64_t elementBytes(ScalarKind k) { return std::max(1, bitWidth(k) / 8); }
} // namespace

Value FunctionGen::emitViewDtype(Value a, const weft::Type &t, int64_t ln,
                                 Location l) {
  auto in = cast<MemRefType>(a.getType());
  int64_t inBytes = elementBytes(kindOf(in.getElementType()));
  int64_t outBytes = elementBytes(t.scalarKind());
  if (inBytes != outBytes) {
    // NumPy's conditions for a new element size, then Weft's: the other
    // axes' strides are whole elements of the new type.
    auto md = memref::ExtractStridedMetadataOp::create(b, l, a);
    int64_t last = in.getRank() - 1;
    Value n = md.getSizes()[last];
    Value one = index(1, l), zero = index(0, l);
    auto bytes = [&](Value v) {
      return arith::MulIOp::create(b, l, v, index(inBytes, l));
    };
    auto remainder = [&](Value v) {
      return arith::RemSIOp::create(b, l, bytes(v), index(outBytes, l));
    };
    auto ne = [&](Value x, Value y) {
      return arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne, x, y);
    };
    Value strided = arith::AndIOp::create(
        b, l, arith::CmpIOp::create(b, l, arith::CmpIPredicate::sgt, n, one),
        ne(md.getStrides()[last], one));
    emitCheck(strided,
              "ValueError: To change to a dtype of a different size, the "
              "last axis must be contiguous",
              ln, l);
    emitCheck(ne(remainder(n), zero),
              "ValueError: When changing to a larger dtype, its size must be "
              "a divisor of the total size in bytes of the last axis of the "
              "array.",
              ln, l);
    for (int64_t d = 0; d < last; ++d)
      emitCheck(ne(remainder(md.getStrides()[d]), zero),
                "ValueError: the rows of this array do not start at whole "
                "elements of the new dtype; view a contiguous copy "
                "(np.ascontiguousarray(a).view(...))",
                ln, l);
  }
  return weft::ViewDtypeOp::create(b, l, toMLIR(t), a);
}

Val FunctionGen::emitTupleListSort(const CallExpr *c, const Expr *arg) {
  // Python's order of tuples: by the first field, ties by the next, ...:
  // stable argsorts from the last field to the first, composed.
  Location l = loc(c->range);
  int64_t ln = line(c->range);
  Val fields = emitExpr(arg);
  Value n = memref::DimOp::create(b, l, fields.parts[0], 0);
  SmallVector<Value, 1> sizes{n};
  Value order = allocArrayN(ScalarKind::I64, sizes, l);
  emitLoopNest(sizes, l, [&](ValueRange ivs) {
    memref::StoreOp::create(
        b, l, arith::IndexCastOp::create(b, l, b.getI64Type(), ivs[0]), order,
        ivs);
  });
  mlir::Type orderType = order.getType();
  for (size_t k = fields.parts.size(); k-- > 0;) {
    Value field = fields.parts[k];
    Value keys =
        weft::GatherOp::create(b, l, field.getType(), field, order, ln);
    addTemp(keys);
    Value perm = allocArrayN(ScalarKind::I64, sizes, l);
    weft::ArgsortOp::create(b, l, keys, perm);
    order = weft::GatherOp::create(b, l, orderType, order, perm, ln);
    addTemp(order);
  }
  Val out;
  bool inPlace = c->callee->dyn<AttributeExpr>() != nullptr; // lst.sort()
  for (Value field : fields.parts) {
    Value sorted =
        weft::GatherOp::create(b, l, field.getType(), field, order, ln);
    addTemp(sorted);
    if (inPlace)
      emitMapOp({sorted}, field, l, [](ValueRange xs, Value) { return xs[0]; });
    else
      out.parts.push_back(sorted);
  }
  return out;
}

Val FunctionGen::emitSort(const CallExpr *c, Builtin builtin, const Expr *arg) {
  if (fn.typeOf(arg).isTupleList())
    return emitTupleListSort(c, arg);
  Location l = loc(c->range);
  Value a = emitExpr(arg).v();
  // a.sort() sorts in place and returns None.
  if (builtin == Builtin::Sort && c->callee->dyn<AttributeExpr>()) {
    weft::SortOp::create(b, l, a);
    return Val();
  }
  auto rank = static_cast<unsigned>(cast<MemRefType>(a.getType()).getRank());
  SmallVector<Value, 4> sizes;
  for (unsigned d = 0; d < rank; ++d)
    sizes.push_back(memref::DimOp::create(b, l, a, d));
  Value out = allocArrayN(fn.typeOf(c).scalarKind(), sizes, l);
  if (builtin == Builtin::Argsort) {
    // Code compiled from Python orders equal keys (and NaNs) as Numba's
    // np.argsort does: its quicksort by default, its mergesort for
    // kind='mergesort'/'stable'. Weft's own code sorts stably.
    bool python = fn.options.pythonLists, quicksort = python;
    for (const KeywordArg &k : c->keywords)
      if (auto *kind = k.value->dyn<StrLitExpr>(); k.name == "kind" && kind)
        quicksort &= kind->value == "quicksort";
    weft::ArgsortOp::create(b, l, a, out, quicksort, python && !quicksort);
    return Val(out);
  }
  // sort(a): a sorted copy.
  emitMapOp({a}, out, l, [](ValueRange xs, Value) { return xs[0]; });
  weft::SortOp::create(b, l, out);
  return Val(out);
}

Value FunctionGen::emitConcatenate(const CallExpr *c, const Expr *parts,
                                   int64_t axis, bool stack) {
  weft::Type t = fn.typeOf(c);
  Val arrays = emitExpr(parts);
  int64_t rank = t.rank();
  Value r = weft::ConcatenateOp::create(
      b, loc(c->range), toMLIR(t), arrays.parts, axis < 0 ? axis + rank : axis,
      stack, !fn.options.parallel, line(c->range));
  addTemp(r);
  return r;
}

Value FunctionGen::emitSearchSorted(const CallExpr *c, Builtin builtin,
                                    ArrayRef<const Expr *> argExprs) {
  Location l = loc(c->range);
  bool search = builtin == Builtin::Searchsorted;
  // searchsorted's side='right'; digitize's right=True.
  bool right = false;
  for (const KeywordArg &k : c->keywords) {
    if (auto *text = k.value->dyn<StrLitExpr>())
      right = text->value == "right";
    if (auto *flag = k.value->dyn<BoolLitExpr>())
      right = flag->value;
  }
  const Expr *sortedExpr = argExprs[search ? 0 : 1];
  const Expr *valuesExpr = argExprs[search ? 1 : 0];
  Value sorted = emitExpr(sortedExpr).v();
  Value values = emitExpr(valuesExpr).v();
  // Integers of every kind compare exactly as i64.
  ScalarKind k = promote(fn.typeOf(sortedExpr).scalarKind(),
                         fn.typeOf(valuesExpr).scalarKind());
  if (k != ScalarKind::F32 && k != ScalarKind::F64)
    k = ScalarKind::I64;
  mlir::Type compare = toMLIR(weft::Type::scalar(k));
  mlir::Type rt = toMLIR(fn.typeOf(c));
  Value r = search ? weft::SearchSortedOp::create(b, l, rt, sorted, values,
                                                  right, compare)
                         .getResult()
                   : weft::DigitizeOp::create(b, l, rt, values, sorted, right,
                                              compare, line(c->range))
                         .getResult();
  if (isArray(r))
    addTemp(r);
  return r;
}

Value FunctionGen::emitUnique(const CallExpr *c, const Expr *arg) {
  Value r = weft::UniqueOp::create(b, loc(c->range), toMLIR(fn.typeOf(c)),
                                   emitExpr(arg).v());
  addTemp(r);
  return r;
}

Value FunctionGen::emitQuantile(const CallExpr *c, Builtin builtin,
                                ArrayRef<const Expr *> argExprs) {
  Location l = loc(c->range);
  ScalarKind k = fn.typeOf(c).scalarKind();
  Value a = emitExpr(argExprs[0]).v();
  if (kindOf(cast<MemRefType>(a.getType()).getElementType()) ==
      ScalarKind::Bool) {
    // Of bools: of their values 0 and 1.
    SmallVector<Value, 4> sizes;
    for (int64_t d = 0; d < cast<MemRefType>(a.getType()).getRank(); ++d)
      sizes.push_back(memref::DimOp::create(b, l, a, d));
    Value numbers = allocArrayN(k, sizes, l);
    emitMapOp({a}, numbers, l,
              [&](ValueRange xs, Value) { return convert(xs[0], k, l); });
    a = numbers;
  }
  Value q = builtin == Builtin::Median
                ? constant(k, 0.5, l)
                : convert(emitExpr(argExprs[1]).v(), k, l);
  return weft::QuantileOp::create(b, l, q.getType(), a, q,
                                  builtin == Builtin::Percentile,
                                  builtin == Builtin::Median, line(c->range));
}

Val FunctionGen::emitHistogram(const CallExpr *c) {
  Location l = loc(c->range);
  weft::Type t = fn.typeOf(c);
  ScalarKind ek = t.elems()[1].scalarKind();
  const Expr *binsExpr = c->args.size() > 1 ? c->args[1].get() : nullptr;
  const Expr *rangeExpr = nullptr, *weightsExpr = nullptr;
  for (const KeywordArg &k : c->keywords) {
    if (fn.typeOf(k.value.get()).isNone())
      continue; // range=None, weights=None: NumPy's defaults
    if (k.name == "bins")
      binsExpr = k.value.get();
    else if (k.name == "range")
      rangeExpr = k.value.get();
    else if (k.name == "weights")
      weightsExpr = k.value.get();
  }
  Value data = emitExpr(c->args[0].get()).v();
  Value bins =
      binsExpr ? convert(emitScalar(binsExpr), ScalarKind::I64, l) : i64(10, l);
  Value lo, hi, weights;
  if (rangeExpr) {
    Val r = emitExpr(rangeExpr);
    lo = convert(r.parts[0], ek, l);
    hi = convert(r.parts[1], ek, l);
  }
  if (weightsExpr)
    weights = emitExpr(weightsExpr).v();
  auto op = weft::HistogramOp::create(b, l, toMLIR(t.elems()[0]),
                                      toMLIR(t.elems()[1]), data, bins, lo, hi,
                                      weights, line(c->range));
  Val out;
  for (Value r : op->getResults()) {
    addTemp(r);
    out.parts.push_back(r);
  }
  return out;
}

Value FunctionGen::emitDiff(Value a, ScalarKind k, int64_t ln, Location l) {
  // A new array of a[..., 1:] - a[..., :-1] (weft.slice views).
  int64_t rank = cast<MemRefType>(a.getType()).getRank();
  auto lastAxis = [&](int64_t entry, int64_t bound) {
    SmallVector<int64_t, 4> axes(rank, 0);
    axes.back() = entry;
    return weft::SliceOp::create(b, l, a.getType(), a,
                                 ValueRange{index(bound, l)},
                                 b.getDenseI64ArrayAttr(axes))
        .getResult();
  };
  Value later = lastAxis(2 | 4, 1), earlier = lastAxis(2 | 8, -1);
  SmallVector<Value, 4> outSizes;
  for (int64_t d = 0; d < rank; ++d)
    outSizes.push_back(memref::DimOp::create(b, l, later, d));
  Value res = allocArrayN(k, outSizes, l);
  emitMapOp({later, earlier}, res, l, [&](ValueRange xs, Value) {
    return emitBinaryScalar(BinaryOp::Sub, xs[0], xs[1], k, false, l, ln);
  });
  return res;
}

Value FunctionGen::emitTriangle(const CallExpr *c, bool upper,
                                ArrayRef<const Expr *> argExprs) {
  // triu: a[..., i, j] where j - i >= k, else 0; tril: where j - i <= k.
  Location l = loc(c->range);
  Value a = emitExpr(argExprs[0]).v();
  Value k = argExprs.size() > 1
                ? convert(emitScalar(argExprs[1]), ScalarKind::I64, l)
                : i64(0, l);
  int64_t rank = cast<MemRefType>(a.getType()).getRank();
  ScalarKind ek = fn.typeOf(c).scalarKind();
  SmallVector<Value, 4> sizes;
  for (int64_t d = 0; d < rank; ++d)
    sizes.push_back(memref::DimOp::create(b, l, a, d));
  Value res = allocArrayN(ek, sizes, l);
  emitMapOp({a}, res, l, [&](ValueRange xs, Value) -> Value {
    auto at = [&](int64_t d) -> Value {
      return arith::IndexCastOp::create(b, l, b.getI64Type(),
                                        weft::IndexOp::create(b, l, d));
    };
    Value offset = arith::SubIOp::create(b, l, at(rank - 1), at(rank - 2));
    Value keep = arith::CmpIOp::create(
        b, l, upper ? arith::CmpIPredicate::sge : arith::CmpIPredicate::sle,
        offset, k);
    return arith::SelectOp::create(b, l, keep, xs[0], constant(ek, 0, l));
  });
  return res;
}

Value FunctionGen::emitFlip(Value a, Location l) {
  // a[::-1, ::-1, ...]: a view backwards along every axis.
  int64_t rank = cast<MemRefType>(a.getType()).getRank();
  SmallVector<int64_t, 4> axes(rank, 2 | 16);
  SmallVector<Value, 4> steps(rank, index(-1, l));
  return weft::SliceOp::create(b, l, a.getType(), a, steps,
                               b.getDenseI64ArrayAttr(axes));
}

} // namespace weft
