//===- MLIRGenArrays.cpp - Typed AST to MLIR: array views and creation ----===//
//
// Arrays are strided memrefs of rank 1 to 4. Indexing is weft.wrap_index
// and weft.slice, `.T` weft.transpose, `reshape` and `ravel` weft.reshape
// (views of the same buffer, sharing its reference count, expanded by
// weft-lower-indexing); creation functions allocate row-major buffers and
// fill them with a weft.map. Every allocation checks its byte size for
// overflow (checkedCount); lengths of ranges never wrap around.
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/ArrayNest.h"
#include "compiler/MLIRGen/MLIRGenImpl.h"

#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;

namespace weft {

FunctionGen::ArrayMeta FunctionGen::arrayMeta(Value array, Location l) {
  auto md = memref::ExtractStridedMetadataOp::create(b, l, array);
  ArrayMeta m;
  m.offset = md.getOffset();
  m.sizes.assign(md.getSizes().begin(), md.getSizes().end());
  m.strides.assign(md.getStrides().begin(), md.getStrides().end());
  return m;
}

Value FunctionGen::makeView(Value array, ScalarKind elem, Value offset,
                            ValueRange sizes, ValueRange strides, Location l) {
  auto md = memref::ExtractStridedMetadataOp::create(b, l, array);
  auto type = cast<MemRefType>(
      toMLIR(weft::Type::array(elem, static_cast<int>(sizes.size()))));
  return memref::ReinterpretCastOp::create(b, l, type, md.getBaseBuffer(),
                                           offset, sizes, strides);
}

Value FunctionGen::allocArrayN(ScalarKind elem, SmallVectorImpl<Value> &sizes,
                               Location l) {
  ImplicitLocOpBuilder ib(l, b);
  weft::CheckedCount c = weft::checkedCount(
      ib, sizes, weft::elementBytes(toMLIR(weft::Type::scalar(elem))));
  int64_t ln = 0;
  if (auto fl = dyn_cast<FileLineColLoc>(l))
    ln = fl.getLine();
  emitCheck(c.overflow,
            "MemoryError: the array's shape is too large to allocate "
            "(its size in bytes overflows 64 bits)",
            ln, l);
  for (Value &d : sizes)
    d = arith::SelectOp::create(b, l, c.overflow, index(0, l), d);
  SmallVector<int64_t> shape(sizes.size(), ShapedType::kDynamic);
  auto exact = MemRefType::get(shape, toMLIR(weft::Type::scalar(elem)));
  Value raw = memref::AllocOp::create(b, l, exact, sizes);
  Value arr = memref::CastOp::create(
      b, l, toMLIR(weft::Type::array(elem, static_cast<int>(sizes.size()))),
      raw);
  addTemp(arr);
  return arr;
}

Value FunctionGen::rangeLength(Value start, Value stop, Value step,
                               Location l) {
  ImplicitLocOpBuilder ib(l, b);
  return weft::rangeLength(ib, start, stop, step);
}

Value FunctionGen::productOf(ValueRange dims, Location l) {
  ImplicitLocOpBuilder ib(l, b);
  return weft::productOf(ib, dims);
}

void FunctionGen::emitLoopNest(ValueRange dims, Location l,
                               const std::function<void(ValueRange)> &body) {
  ImplicitLocOpBuilder nest(l, b);
  weft::buildArrayNest(
      nest, dims, /*serial=*/true, onGPU(), [&](ValueRange ivs) {
        OpBuilder::InsertionGuard g(b);
        b.setInsertionPoint(nest.getInsertionBlock(), nest.getInsertionPoint());
        body(ivs);
      });
}

SmallVector<Value, 4> FunctionGen::shapeSizes(const Val &shape,
                                              const weft::Type &shapeType,
                                              int64_t line, Location l) {
  SmallVector<Value, 4> sizes;
  for (Value p : shape.parts) {
    Value n = convert(p, ScalarKind::I64, l);
    Value neg =
        arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, n, i64(0, l));
    emitCheck(neg, "ValueError: negative dimensions are not allowed", line, l);
    // Inside parallel loops errors are raised after the loop, so the code
    // after every check must stay safe: here, no negative sizes.
    n = arith::MaxSIOp::create(b, l, n, i64(0, l));
    sizes.push_back(toIndex(n, l));
  }
  (void)shapeType;
  return sizes;
}

bool FunctionGen::boundscheck() const {
  return (fn.options.boundscheck || mg.boundscheck) && !noRuntimeChecks();
}

bool FunctionGen::listAxis(const IndexExpr *ix, int64_t d) const {
  const weft::Type &t = fn.typeOf(ix->base.get());
  return t.isTupleList() || d < t.listDepth();
}

Value FunctionGen::wrapIndex(Value i, Value n, Location l, int64_t axis,
                             int64_t ln, Value *badOut, bool list) {
  bool checked = boundscheck() || (list && !noRuntimeChecks());
  auto op = weft::WrapIndexOp::create(b, l, convert(i, ScalarKind::I64, l), n,
                                      checked, list ? -1 : axis, ln);
  if (checked && badOut)
    *badOut = *badOut
                  ? arith::OrIOp::create(b, l, *badOut, op.getBad()).getResult()
                  : op.getBad();
  return op.getResult();
}

SmallVector<FunctionGen::SubscriptEntry, 4>
FunctionGen::subscriptEntries(const IndexExpr *ix) {
  SmallVector<SubscriptEntry, 4> out;
  if (ix->indices.size() == 1 && fn.typeOf(ix->indices[0].get()).isTuple() &&
      !fn.typeOf(ix->indices[0].get()).isSliceObject()) {
    for (Value v : emitExpr(ix->indices[0].get()).parts)
      out.push_back({nullptr, v});
    return out;
  }
  for (const ExprPtr &e : ix->indices)
    out.push_back({e.get(), Value()});
  return out;
}

Val FunctionGen::emitSubscript(Value array, const IndexExpr *ix) {
  Location l = loc(ix->range);
  weft::Type bt = fn.typeOf(ix->base.get());
  if (const StrLitExpr *field = structuredFieldName(ix))
    return emitStructuredField(array, bt, field->value, line(ix->range), l);
  weft::Type rt = fn.typeOf(ix);
  int rank = bt.rank();
  SmallVector<SubscriptEntry, 4> entries = subscriptEntries(ix);
  if (rt.isScalar()) {
    ArrayMeta m = arrayMeta(array, l);
    SmallVector<Value, 4> idx;
    Value bad;
    for (int d = 0; d < rank; ++d)
      idx.push_back(wrapIndex(entryIndex(entries[d]), m.sizes[d], l, d,
                              line(ix->range), &bad, listAxis(ix, d)));
    // The element as read: an i64 for a storage kind (u8, ...).
    ScalarKind rk = rt.scalarKind();
    if (!bad)
      return Val(convert(memref::LoadOp::create(b, l, array, idx), rk, l));
    // A checked read with a bad index (recorded inside a parallel loop)
    // reads nothing: the value is 0 until the error is raised.
    auto ifOp = scf::IfOp::create(b, l, TypeRange{toMLIR(rt)}, bad, true);
    {
      OpBuilder::InsertionGuard g(b);
      b.setInsertionPointToStart(&ifOp.getThenRegion().front());
      scf::YieldOp::create(b, l, ValueRange{constant(rk, 0, l)});
      b.setInsertionPointToStart(&ifOp.getElseRegion().front());
      scf::YieldOp::create(
          b, l,
          ValueRange{convert(memref::LoadOp::create(b, l, array, idx), rk, l)});
    }
    return Val(ifOp.getResult(0));
  }
  return Val(emitView(array, entries, rank, toMLIR(rt), ix));
}

Val FunctionGen::emitTupleListElement(const Val &fields, const IndexExpr *ix) {
  Location l = loc(ix->range);
  weft::Type rt = fn.typeOf(ix);
  if (ix->indices[0]->dyn<SliceExpr>()) {
    // lst[a:b]: each field's slice, copied (a new list, as Python's).
    Val out;
    SubscriptEntry slice{ix->indices[0].get(), Value()};
    for (Value array : fields.parts) {
      auto type = cast<MemRefType>(array.getType());
      Value view = emitView(array, {slice}, type.getRank(), type, ix);
      SmallVector<Value, 4> sizes = arrayMeta(view, l).sizes;
      Value copy = allocArrayN(kindOf(type.getElementType()), sizes, l);
      emitMapOp({view}, copy, l, [](ValueRange xs, Value) { return xs[0]; });
      out.parts.push_back(copy);
    }
    return out;
  }
  Value i = convert(emitScalar(ix->indices[0].get()), ScalarKind::I64, l);
  weft::Type lt = fn.typeOf(ix->base.get());
  if (lt.tupleListHoldsArrays()) {
    // A list of tuples holding arrays: each field's element, an array
    // field's a view of its row (the index checked, as a list's is).
    SmallVector<size_t> at = tupleListFieldParts(lt);
    Value n = arrayMeta(fields.parts[0], l).sizes[0];
    Value row = weft::WrapIndexOp::create(b, l, i, n, !noRuntimeChecks(), -1,
                                          line(ix->range))
                    .getResult();
    Val out;
    for (size_t k = 0; k < lt.elems().size(); ++k) {
      if (lt.elems()[k].isRagged()) {
        out.parts.push_back(
            raggedRowAt(partsOf(fields, at[k], at[k + 1]), row, l));
        continue;
      }
      ScalarKind rk = rt.elems()[k].scalarKind();
      out.parts.push_back(convert(
          memref::LoadOp::create(b, l, fields.parts[at[k]], ValueRange{row}),
          rk, l));
    }
    return out;
  }
  Val out;
  for (auto [k, array] : llvm::enumerate(fields.parts)) {
    if (!rt.isTuple()) {
      // A list of lists of tuples: the lists of the fields at i.
      const weft::Type &field = rt.elems()[k];
      SubscriptEntry at{nullptr, i};
      out.parts.push_back(
          emitView(array, {at}, field.rank() + 1, toMLIR(field), ix));
      continue;
    }
    Value bad;
    Value at = wrapIndex(i, arrayMeta(array, l).sizes[0], l, 0, line(ix->range),
                         &bad, /*list=*/true);
    ScalarKind rk = rt.elems()[k].scalarKind();
    if (!bad) {
      out.parts.push_back(
          convert(memref::LoadOp::create(b, l, array, at), rk, l));
      continue;
    }
    // A bad index recorded inside a parallel loop reads 0.
    Value zero = arith::ConstantIndexOp::create(b, l, 0);
    Value safe = arith::SelectOp::create(b, l, bad, zero, at);
    Value x = convert(memref::LoadOp::create(b, l, array, safe), rk, l);
    out.parts.push_back(
        arith::SelectOp::create(b, l, bad, constant(rk, 0, l), x));
  }
  return out;
}

Value FunctionGen::emitView(Value array, ArrayRef<SubscriptEntry> entries,
                            int rank, mlir::Type viewType,
                            const IndexExpr *ix) {
  // A view (weft.slice): integer indices drop their axis; slices follow
  // Python's rules in weft-lower-indexing; an entry with neither an
  // expression nor a value, like a missing one, keeps the whole axis;
  // None adds an axis of size 1.
  Location l = loc(ix->range);
  ArrayMeta m = arrayMeta(array, l);
  SmallVector<int64_t, 4> axes;
  SmallVector<Value, 8> bounds;
  auto newAxis = [&](size_t k) {
    return k < entries.size() && entries[k].expr && ix->isNewAxis(k);
  };
  size_t k = 0; // the next entry
  for (int d = 0; d < rank; ++d, ++k) {
    for (; newAxis(k); ++k)
      axes.push_back(32);
    const SubscriptEntry *e = k < entries.size() ? &entries[k] : nullptr;
    const Expr *entry = e ? e->expr : nullptr;
    if (entry && fn.typeOf(entry).isSliceObject()) {
      // a slice object: its start, stop and step (Numba's defaults for
      // the parts not given), a step of zero a ValueError
      Val parts = emitExpr(entry);
      for (int p = 0; p < 3; ++p)
        bounds.push_back(
            toIndex(convert(parts.parts[p], ScalarKind::I64, l), l));
      Value zero = index(0, l);
      Value isZero = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq,
                                           bounds.back(), zero);
      emitCheck(isZero, "ValueError: slice step cannot be zero",
                line(ix->range), l);
      bounds.back() =
          arith::SelectOp::create(b, l, isZero, index(1, l), bounds.back());
      axes.push_back(2 | 4 | 8 | 16);
      continue;
    }
    if (e && (e->value || (entry && !entry->dyn<SliceExpr>()))) {
      axes.push_back(1);
      bounds.push_back(wrapIndex(entryIndex(*e), m.sizes[d], l, d,
                                 line(ix->range), nullptr, listAxis(ix, d)));
      continue;
    }
    auto *sl = entry ? entry->dyn<SliceExpr>() : nullptr;
    if (!sl || (!sl->lower && !sl->upper && !sl->step)) {
      axes.push_back(0);
      continue;
    }
    auto bound = [&](const ExprPtr &e) {
      return toIndex(convert(emitScalar(e.get()), ScalarKind::I64, l), l);
    };
    int64_t entryCode = 2;
    if (sl->lower) {
      entryCode |= 4;
      bounds.push_back(bound(sl->lower));
    }
    if (sl->upper) {
      entryCode |= 8;
      bounds.push_back(bound(sl->upper));
    }
    if (sl->step) {
      entryCode |= 16;
      Value step = bound(sl->step);
      Value zero = index(0, l);
      Value isZero =
          arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, step, zero);
      emitCheck(isZero, "ValueError: slice step cannot be zero",
                line(ix->range), l);
      // Inside a parallel loop the code goes on after the check: step 1.
      bounds.push_back(
          arith::SelectOp::create(b, l, isZero, index(1, l), step));
    }
    axes.push_back(entryCode);
  }
  for (; newAxis(k); ++k)
    axes.push_back(32);
  return weft::SliceOp::create(b, l, viewType, array, bounds,
                               b.getDenseI64ArrayAttr(axes))
      .getResult();
}

void FunctionGen::fillArray(Value arr, Location l,
                            const std::function<Value(ValueRange)> &value) {
  int64_t rank = cast<MemRefType>(arr.getType()).getRank();
  emitMapOp({}, arr, l, [&](ValueRange, Value) {
    SmallVector<Value, 4> ivs;
    for (int64_t d = 0; d < rank; ++d)
      ivs.push_back(weft::IndexOp::create(b, l, d));
    return value(ivs);
  });
}

Value FunctionGen::emitArrayConstructor(const CallExpr *c, Builtin builtin,
                                        ArrayRef<const Expr *> argExprs) {
  Location l = loc(c->range);
  weft::Type t = fn.typeOf(c);
  int64_t ln = line(c->range);
  auto arg = [&](size_t i) { return emitExpr(argExprs[i]); };
  auto argType = [&](size_t i) { return fn.typeOf(argExprs[i]); };
  bool like = builtinIn(builtin, {Builtin::ZerosLike, Builtin::OnesLike,
                                  Builtin::EmptyLike, Builtin::FullLike});
  bool made = builtinIn(
      builtin, {Builtin::Zeros, Builtin::Ones, Builtin::Empty, Builtin::Full});
  if ((like || made) && t.isScalar()) {
    // of a number, or of the shape (): a number (NumPy's 0-d array), the
    // argument evaluated
    ScalarKind k = t.scalarKind();
    (void)arg(0);
    if (builtin == Builtin::FullLike || builtin == Builtin::Full)
      return convert(arg(1).v(), k, l);
    return constant(
        k, builtin == Builtin::OnesLike || builtin == Builtin::Ones ? 1 : 0, l);
  }
  if (like || builtin == Builtin::Zeros || builtin == Builtin::Ones ||
      builtin == Builtin::Empty || builtin == Builtin::Full) {
    // zeros_like(a): a's shape (a is evaluated, as NumPy does).
    SmallVector<Value, 4> sizes = like ? arrayMeta(arg(0).v(), l).sizes
                                       : shapeSizes(arg(0), argType(0), ln, l);
    if (t.isStructured() && !like) // records: their bytes, one more axis
      sizes.push_back(
          index(StructuredLayout::parse(t.structuredSpec())->itemsize, l));
    ScalarKind k = t.scalarKind();
    Value arr = allocArrayN(k, sizes, l);
    if (builtin != Builtin::Empty && builtin != Builtin::EmptyLike) {
      bool full = builtin == Builtin::Full || builtin == Builtin::FullLike;
      bool one = builtin == Builtin::Ones || builtin == Builtin::OnesLike;
      Value v = full ? convert(arg(1).v(), k, l) : constant(k, one ? 1 : 0, l);
      fillArray(arr, l, [&](ValueRange) { return v; });
    }
    return arr;
  }
  if (builtin == Builtin::Eye) {
    SmallVector<Value, 4> sizes = shapeSizes(arg(0), argType(0), ln, l);
    sizes.push_back(sizes[0]);
    ScalarKind k = t.scalarKind();
    Value arr = allocArrayN(k, sizes, l);
    Value one = constant(k, 1, l), zero = constant(k, 0, l);
    fillArray(arr, l, [&](ValueRange ivs) -> Value {
      Value diag =
          arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, ivs[0], ivs[1]);
      return arith::SelectOp::create(b, l, diag, one, zero);
    });
    return arr;
  }
  if (builtin == Builtin::Linspace) {
    // weft-lower-ranges fills it with NumPy's steps.
    Value start = convert(arg(0).v(), ScalarKind::F64, l);
    Value stop = convert(arg(1).v(), ScalarKind::F64, l);
    SmallVector<Value, 4> sizes = shapeSizes(arg(2), argType(2), ln, l);
    Value arr = weft::LinspaceOp::create(
        b, l, toMLIR(weft::Type::array(ScalarKind::F64, 1)), start, stop,
        sizes[0], ln, !fn.options.parallel);
    addTemp(arr);
    return arr;
  }
  llvm_unreachable("not an array constructor");
}

void FunctionGen::inferUnknownSize(Value a, Val &shape, int64_t line,
                                   Location l) {
  // NumPy's -1: the size the others leave, a.size / their product.
  SmallVector<Value, 4> parts;
  Value unknowns = i64(0, l), known = i64(1, l), one = i64(1, l);
  for (Value p : shape.parts) {
    Value n = convert(p, ScalarKind::I64, l);
    Value isUnknown =
        arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, n, i64(-1, l));
    unknowns = arith::AddIOp::create(
        b, l, unknowns,
        arith::ExtUIOp::create(b, l, b.getI64Type(), isUnknown));
    known = arith::MulIOp::create(
        b, l, known, arith::SelectOp::create(b, l, isUnknown, one, n));
    parts.push_back(n);
  }
  emitCheck(
      arith::CmpIOp::create(b, l, arith::CmpIPredicate::sgt, unknowns, one),
      "ValueError: can only specify one unknown dimension", line, l);
  Value total = i64(1, l);
  auto rank = cast<MemRefType>(a.getType()).getRank();
  for (int64_t d = 0; d < rank; ++d)
    total = arith::MulIOp::create(b, l, total, dim(a, int64_t(d), l));
  // (a zero or negative product leaves the count check to say so)
  Value positive =
      arith::CmpIOp::create(b, l, arith::CmpIPredicate::sgt, known, i64(0, l));
  Value inferred = arith::SelectOp::create(
      b, l, positive,
      arith::DivSIOp::create(
          b, l, total, arith::SelectOp::create(b, l, positive, known, one)),
      i64(0, l));
  for (Value &n : parts)
    n = arith::SelectOp::create(
        b, l,
        arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, n, i64(-1, l)),
        inferred, n);
  shape.parts.assign(parts.begin(), parts.end());
}

Value FunctionGen::emitReshape(const CallExpr *c, Builtin builtin,
                               ArrayRef<const Expr *> argExprs) {
  Location l = loc(c->range);
  weft::Type t = fn.typeOf(c);
  Value a = emitExpr(argExprs[0]).v();
  if (builtin == Builtin::Ravel && !isa<MemRefType>(a.getType())) {
    // x.ravel() of a number: a 1-element array of it
    Value one = index(1, l);
    Value r = allocArray(t.scalarKind(), one, l);
    auto mt = cast<MemRefType>(r.getType());
    memref::StoreOp::create(b, l, convert(a, kindOf(mt.getElementType()), l), r,
                            ValueRange{index(0, l)});
    return r;
  }
  SmallVector<Value, 4> sizes;
  if (builtin == Builtin::Reshape) {
    Val shape;
    for (size_t i = 1; i < argExprs.size(); ++i) { // a.reshape(n, m) too
      Val v = emitExpr(argExprs[i]);
      shape.parts.append(v.parts.begin(), v.parts.end());
    }
    inferUnknownSize(a, shape, line(c->range), l);
    sizes = shapeSizes(shape, fn.typeOf(argExprs[1]), line(c->range), l);
  }
  Value r = weft::ReshapeOp::create(b, l, toMLIR(t), a, sizes, line(c->range),
                                    !fn.options.parallel);
  addTemp(r);
  return r;
}

Value FunctionGen::emitLinalg(const CallExpr *c, Builtin builtin,
                              ArrayRef<const Expr *> argExprs) {
  // LAPACK takes f64 (and complex128): other element types are converted
  // first, and an f32 result converted back (weft.linalg reads any
  // strides).
  Location l = loc(c->range);
  ScalarKind k = fn.typeOf(c).scalarKind();
  auto convertedTo = [&](Value arr, ScalarKind to) -> Value {
    if (kindOf(cast<MemRefType>(arr.getType()).getElementType()) == to)
      return arr;
    SmallVector<Value, 4> sizes = arrayMeta(arr, l).sizes;
    Value out = allocArrayN(to, sizes, l);
    emitMapOp({arr}, out, l,
              [&](ValueRange xs, Value) { return convert(xs[0], to, l); });
    return out;
  };
  bool solve = builtin == Builtin::Solve;
  ScalarKind work = isComplexKind(k) ? ScalarKind::C128 : ScalarKind::F64;
  Value a = convertedTo(emitExpr(argExprs[0]).v(), work);
  Value rhs = solve ? convertedTo(emitExpr(argExprs[1]).v(), work) : Value();
  SmallVector<Value, 4> sizes;
  if (builtin == Builtin::Det)
    sizes.push_back(index(1, l));
  else
    sizes = arrayMeta(solve ? rhs : a, l).sizes;
  Value out = allocArrayN(work, sizes, l);
  weft::LinalgOp::create(b, l, builtinName(builtin), a, rhs, out,
                         line(c->range));
  if (builtin == Builtin::Det)
    return convert(memref::LoadOp::create(b, l, out, ValueRange{index(0, l)}),
                   k, l);
  return convertedTo(out, k);
}

bool FunctionGen::emitArrayBuiltin(const CallExpr *c, Builtin builtin,
                                   ArrayRef<const Expr *> argExprs, Val &out) {
  Location l = loc(c->range);
  weft::Type t = fn.typeOf(c);
  int64_t ln = line(c->range);
  auto arg = [&](size_t i) { return emitExpr(argExprs[i]); };
  auto argType = [&](size_t i) { return fn.typeOf(argExprs[i]); };
  std::optional<int64_t> axis;
  for (const KeywordArg &k : c->keywords)
    if (k.name == "axis") {
      const Expr *v = k.value.get();
      int64_t sign = 1;
      if (auto *u = v->dyn<UnaryExpr>()) {
        sign = -1;
        v = u->operand.get();
      }
      axis = sign * v->dyn<IntLitExpr>()->value;
    }

  if (builtinIn(builtin,
                {Builtin::Zeros, Builtin::Ones, Builtin::Empty, Builtin::Full,
                 Builtin::Eye, Builtin::Linspace, Builtin::ZerosLike,
                 Builtin::OnesLike, Builtin::EmptyLike, Builtin::FullLike})) {
    out = Val(emitArrayConstructor(c, builtin, argExprs));
    return true;
  }
  if (builtin == Builtin::ViewDtype || builtin == Builtin::Frombuffer) {
    out = Val(emitViewDtype(arg(0).v(), t, ln, l));
    return true;
  }
  if (builtin == Builtin::Cumsum || builtin == Builtin::Cumprod) {
    out = Val(emitScan(c, builtin, argExprs[0]));
    return true;
  }
  if (builtin == Builtin::Sort || builtin == Builtin::Argsort) {
    out = emitSort(c, builtin, argExprs[0]);
    return true;
  }
  if (builtin == Builtin::Histogram) {
    out = emitHistogram(c);
    return true;
  }
  if (builtin == Builtin::Unique) {
    out = Val(emitUnique(c, argExprs[0]));
    return true;
  }
  if (builtinIn(builtin,
                {Builtin::Median, Builtin::Percentile, Builtin::Quantile})) {
    out = Val(emitQuantile(c, builtin, argExprs));
    return true;
  }
  if (builtin == Builtin::Searchsorted || builtin == Builtin::Digitize) {
    out = Val(emitSearchSorted(c, builtin, argExprs));
    return true;
  }
  if (builtin == Builtin::Concatenate || builtin == Builtin::Stack) {
    out = Val(emitConcatenate(c, argExprs[0], axis.value_or(0),
                              builtin == Builtin::Stack));
    return true;
  }
  if (builtinIn(builtin,
                {Builtin::Hstack, Builtin::Vstack, Builtin::ColumnStack})) {
    // Concatenations; 1-D arrays are stacked as rows (vstack) or columns
    // (column_stack), and joined end to end by hstack.
    std::vector<weft::Type> ranks = fn.typeOf(argExprs[0]).elems();
    bool flat = std::all_of(ranks.begin(), ranks.end(),
                            [](const weft::Type &p) { return p.rank() == 1; });
    if (builtin == Builtin::Hstack) {
      out = Val(emitConcatenate(c, argExprs[0], flat ? 0 : 1, false));
      return true;
    }
    int64_t ax = builtin == Builtin::Vstack ? 0 : 1;
    if (flat || ranks.front().rank() > 2) {
      out = Val(emitConcatenate(c, argExprs[0], ax, flat));
      return true;
    }
    // 1-D and 2-D arrays: each 1-D one as a (1, n) row or (n, 1) column.
    Val parts = emitExpr(argExprs[0]);
    for (Value &p : parts.parts) {
      auto pt = cast<MemRefType>(p.getType());
      if (pt.getRank() == 1)
        p = weft::SliceOp::create(
            b, l, weft::stridedType(pt.getElementType(), 2), p, ValueRange{},
            b.getDenseI64ArrayAttr(ax == 0 ? SmallVector<int64_t>{32, 0}
                                           : SmallVector<int64_t>{0, 32}));
    }
    Value r = weft::ConcatenateOp::create(b, l, toMLIR(t), parts.parts, ax,
                                          false, !fn.options.parallel, ln);
    addTemp(r);
    out = Val(r);
    return true;
  }
  if (builtin == Builtin::Triu || builtin == Builtin::Tril) {
    out = Val(emitTriangle(c, builtin == Builtin::Triu, argExprs));
    return true;
  }
  if (builtin == Builtin::Flip && argType(0).isTupleList()) {
    // flip(lst) of a list of tuples: a reversed copy, field by field (a
    // field of arrays: its rows' lists reversed, its pool copied).
    Val fields = arg(0);
    SmallVector<size_t> at = tupleListFieldParts(argType(0));
    std::set<size_t> pools;
    for (size_t k = 0; k < argType(0).elems().size(); ++k)
      if (argType(0).elems()[k].isRagged())
        pools.insert(at[k] + 3);
    for (auto [p, f] : llvm::enumerate(fields.parts)) {
      Value n = memref::DimOp::create(b, l, f, 0);
      SmallVector<Value, 1> sizes{n};
      Value copy = allocArrayN(
          kindOf(cast<MemRefType>(f.getType()).getElementType()), sizes, l);
      Value lastIndex = arith::SubIOp::create(b, l, n, index(1, l));
      bool pool = pools.count(p);
      emitLoopNest(sizes, l, [&](ValueRange ivs) {
        Value j =
            pool ? ivs[0]
                 : arith::SubIOp::create(b, l, lastIndex, ivs[0]).getResult();
        memref::StoreOp::create(
            b, l, memref::LoadOp::create(b, l, f, ValueRange{j}), copy, ivs);
      });
      out.parts.push_back(copy);
    }
    return true;
  }
  if (builtin == Builtin::Diff || builtin == Builtin::Flip) {
    Value a = arg(0).v();
    out = Val(builtin == Builtin::Diff ? emitDiff(a, t.scalarKind(), ln, l)
                                       : emitFlip(a, l));
    return true;
  }
  if (builtin == Builtin::Copy && argType(0).isTuple()) {
    // np.array(a.shape): the tuple's numbers as a new 1-D array; of
    // tuples nested, an array of their shape (the numbers in row-major
    // order). (A temporary of the statement.)
    Val parts = arg(0);
    ScalarKind k = t.scalarKind();
    std::vector<int64_t> shape;
    if (!nestedTupleShape(argType(0), shape))
      shape = {static_cast<int64_t>(parts.parts.size())};
    SmallVector<Value, 4> sizes;
    for (int64_t n : shape)
      sizes.push_back(index(n, l));
    Value arr = allocArrayN(k, sizes, l);
    for (size_t i = 0; i < parts.parts.size(); ++i) {
      SmallVector<Value, 4> at(shape.size());
      int64_t rest = static_cast<int64_t>(i);
      for (size_t d = shape.size(); d-- > 0;) {
        at[d] = index(rest % shape[d], l);
        rest /= shape[d];
      }
      memref::StoreOp::create(b, l, convert(parts.parts[i], k, l), arr, at);
    }
    out = Val(arr);
    return true;
  }
  if (builtin == Builtin::Copy && c->callee->dyn<AttributeExpr>() &&
      argType(0).isTupleList()) {
    // lst.copy() of a list of tuples: each field copied.
    out = copyTupleList(arg(0), l);
    return true;
  }
  if (builtin == Builtin::Copy && argType(0).isRagged()) {
    out = Val(raggedToArray(arg(0), t.scalarKind(), ln, l));
    return true;
  }
  if (builtin == Builtin::Copy && argType(0).isTupleList()) {
    // np.array(lst) of a list of tuples: its fields as the columns.
    ScalarKind k = t.scalarKind();
    SmallVector<Value, 4> columns;
    for (Value field : arg(0).parts) {
      if (cast<MemRefType>(field.getType()).getElementType() !=
          toMLIR(Type::scalar(k))) {
        Value n = memref::DimOp::create(b, l, field, 0);
        Value converted = allocArray(k, n, l);
        emitMapOp({field}, converted, l,
                  [&](ValueRange xs, Value) { return convert(xs[0], k, l); });
        field = converted;
      }
      columns.push_back(field);
    }
    Value r = weft::ConcatenateOp::create(b, l, toMLIR(t), columns, 1, true,
                                          !fn.options.parallel, ln);
    addTemp(r);
    out = Val(r);
    return true;
  }
  if (builtin == Builtin::Copy || builtin == Builtin::Astype) {
    out = Val(materialize(c));
    return true;
  }
  if (builtin == Builtin::Transpose) {
    std::vector<const Expr *> all(argExprs.begin(), argExprs.end());
    std::vector<int64_t> axes = *transposeAxes(all, t.rank());
    auto op = weft::TransposeOp::create(b, l, toMLIR(t), arg(0).v());
    if (argExprs.size() > 1)
      op.setPermutation(axes);
    out = Val(op.getResult());
    return true;
  }
  if (builtin == Builtin::Reshape || builtin == Builtin::Ravel) {
    out = Val(emitReshape(c, builtin, argExprs));
    return true;
  }
  if (builtinIn(builtin,
                {Builtin::Sum, Builtin::Prod, Builtin::Min, Builtin::Max,
                 Builtin::Mean, Builtin::Var, Builtin::Std, Builtin::Argmin,
                 Builtin::Argmax, Builtin::Any, Builtin::All}) &&
      argExprs.size() == 1 && argType(0).isArray()) {
    if (!fn.keepdimsCalls.count(c)) {
      out = emitReduction(builtin, argExprs[0], axis, t, ln, l);
      return true;
    }
    // keepdims=True: the reduction, then its axis put back with size 1
    // (a view), or the number in an array of ones' shape.
    int rank = t.rank();
    weft::Type reduced = axis && rank > 1
                             ? weft::Type::array(t.scalarKind(), rank - 1)
                             : weft::Type::scalar(t.scalarKind());
    Val r = emitReduction(builtin, argExprs[0], axis, reduced, ln, l);
    if (reduced.isArray()) {
      int64_t at = *axis < 0 ? *axis + rank : *axis;
      SmallVector<int64_t, 4> entries(rank - 1, 0);
      entries.insert(entries.begin() + at, 32);
      out = Val(weft::SliceOp::create(b, l, toMLIR(t), r.v(), ValueRange{},
                                      b.getDenseI64ArrayAttr(entries))
                    .getResult());
      return true;
    }
    SmallVector<Value, 4> ones(rank, index(1, l));
    Value arr = allocArrayN(t.scalarKind(), ones, l);
    SmallVector<Value, 4> at(rank, index(0, l));
    memref::StoreOp::create(b, l, r.v(), arr, at);
    out = Val(arr);
    return true;
  }
  if (t.isArray() && isFusable(c)) {
    out = Val(materialize(c));
    return true;
  }
  if (builtinIn(builtin, {Builtin::Around, Builtin::Round, Builtin::Isclose}) ||
      isComplexPart(builtin)) {
    SmallVector<Value, 5> xs;
    for (size_t i = 0; i < argExprs.size(); ++i)
      xs.push_back(arg(i).v());
    out = Val(elementOf(c, xs));
    return true;
  }
  if (isFloatTest(builtin)) {
    Value x = convert(arg(0).v(), ScalarKind::F64, l);
    out = Val(emitMath(builtin, {x}, ScalarKind::F64, l));
    return true;
  }
  // Scalars: unary math (floor and ceil of integers are emitBuiltin's:
  // NumPy gives a float), and the elementwise functions of several.
  bool unaryFloatMath =
      isUnaryMath(builtin) &&
      !builtinIn(builtin, {Builtin::Floor, Builtin::Ceil, Builtin::Trunc});
  if (unaryFloatMath || isBinaryFloatMath(builtin) ||
      builtinIn(builtin, {Builtin::Pow, Builtin::Minimum, Builtin::Maximum,
                          Builtin::Where, Builtin::Clip, Builtin::LogicalAnd,
                          Builtin::LogicalOr, Builtin::LogicalXor,
                          Builtin::LogicalNot})) {
    ScalarKind k = t.scalarKind();
    if (builtin == Builtin::Pow && isComplexKind(k)) {
      // np.power of complex numbers: as `**` (the exponent's type picks
      // powi or pow).
      out = Val(emitBinaryScalar(BinaryOp::Pow, arg(0).v(), arg(1).v(), k, true,
                                 l, ln));
      return true;
    }
    SmallVector<Value, 3> xs;
    for (size_t i = 0; i < argExprs.size(); ++i) {
      Value v = arg(i).v();
      xs.push_back(convert(
          v, builtin == Builtin::Where && i == 0 ? ScalarKind::Bool : k, l));
    }
    out = Val(emitMath(builtin, xs, k, l));
    return true;
  }
  if (isLinalg(builtin)) {
    out = Val(emitLinalg(c, builtin, argExprs));
    return true;
  }
  if (isRandomDraw(builtin)) {
    out = Val(emitRandomBuiltin(c, builtin, argExprs));
    return true;
  }
  if (builtin == Builtin::Seed) {
    weft::RngSeedOp::create(b, l, convert(arg(0).v(), ScalarKind::I64, l));
    out = Val();
    return true;
  }
  if (builtin == Builtin::Time) {
    out = Val(weft::TimeOp::create(b, l, b.getF64Type()));
    return true;
  }
  if (builtin == Builtin::GetNumThreads) {
    out = Val(weft::ThreadCountOp::create(b, l, b.getI64Type()));
    return true;
  }
  if (builtin == Builtin::GetThreadId) {
    out = Val(weft::ThreadIdOp::create(b, l, b.getI64Type()));
    return true;
  }
  if (emitKernelBuiltin(builtin, argExprs, l, out))
    return true;
  if (builtin == Builtin::BenchWork) {
    Value bytes = constant(ScalarKind::F64, 0, l);
    Value flops = bytes;
    for (const KeywordArg &k : c->keywords)
      (k.name == "bytes" ? bytes : flops) =
          convert(emitScalar(k.value.get()), ScalarKind::F64, l);
    weft::BenchWorkOp::create(b, l, bytes, flops);
    out = Val();
    return true;
  }
  if (builtin == Builtin::Dot) {
    out = Val(emitMatmul(argExprs[0], argExprs[1], t, l));
    return true;
  }
  if (builtin == Builtin::Outer) {
    ScalarKind k = t.scalarKind();
    Value a = arg(0).v(), bv = arg(1).v();
    SmallVector<Value, 2> dims{memref::DimOp::create(b, l, a, 0),
                               memref::DimOp::create(b, l, bv, 0)};
    Value res = allocArrayN(k, dims, l);
    // a[:, None] broadcast with the row b.
    auto at = cast<MemRefType>(a.getType());
    Value column =
        weft::SliceOp::create(b, l, weft::stridedType(at.getElementType(), 2),
                              a, ValueRange{}, b.getDenseI64ArrayAttr({0, 32}));
    emitMapOp({column, bv}, res, l, [&](ValueRange xs, Value) -> Value {
      return emitBinaryScalar(BinaryOp::Mul, xs[0], xs[1], k, false, l, 0);
    });
    out = Val(res);
    return true;
  }
  if (builtin == Builtin::Save) {
    auto *path = argExprs[0]->dyn<StrLitExpr>();
    if (!path) {
      error(argExprs[0]->range, "save() needs the file name as a string "
                                "literal");
      return true;
    }
    weft::SaveNpyOp::create(b, l, path->value, arg(1).v(), ln);
    out = Val();
    return true;
  }
  if (builtin == Builtin::Load) {
    auto *path = argExprs[0]->dyn<StrLitExpr>();
    Value arr = weft::LoadNpyOp::create(b, l, toMLIR(t), path->value, ln);
    addTemp(arr);
    out = Val(arr);
    return true;
  }
  if (builtin == Builtin::I32 || builtin == Builtin::F32 ||
      builtin == Builtin::U64) {
    out = Val(convert(arg(0).v(), t.scalarKind(), l));
    return true;
  }
  return false;
}

Value FunctionGen::emitScan(const CallExpr *c, Builtin builtin,
                            const Expr *arg) {
  Location l = loc(c->range);
  Value a = emitExpr(arg).v();
  SmallVector<Value, 4> sizes{memref::DimOp::create(b, l, a, 0)};
  Value out = allocArrayN(fn.typeOf(c).scalarKind(), sizes, l);
  weft::ScanOp::create(b, l,
                       builtin == Builtin::Cumsum ? weft::ReductionKind::sum
                                                  : weft::ReductionKind::prod,
                       a, out);
  return out;
}

} // namespace weft
