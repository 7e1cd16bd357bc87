//===- MLIRGenExpr.cpp - Typed AST to MLIR: expressions and builtins ------===//
//
// Constants and conversions, truth values, checks, conditional values,
// indexing with negative indices, and the expression dispatch (operators
// and comparisons are in MLIRGenOperators.cpp, calls and builtins in
// MLIRGenCalls.cpp and MLIRGenBuiltins.cpp).
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"

#include "compiler/Conversion/ArrayNest.h"

#include <cmath>

#include <limits>

using namespace mlir;

namespace weft {

//===----------------------------------------------------------------------===//
// Small helpers
//===----------------------------------------------------------------------===//

Value FunctionGen::constant(ScalarKind k, double value, Location l) {
  switch (k) {
  case ScalarKind::Bool:
    return arith::ConstantOp::create(b, l, b.getBoolAttr(value != 0));
  case ScalarKind::I32:
    return arith::ConstantOp::create(b, l, b.getI32IntegerAttr((int32_t)value));
  case ScalarKind::I64:
    return arith::ConstantOp::create(b, l, b.getI64IntegerAttr((int64_t)value));
  case ScalarKind::F32:
    return arith::ConstantOp::create(b, l, b.getF32FloatAttr((float)value));
  case ScalarKind::F64:
    return arith::ConstantOp::create(b, l, b.getF64FloatAttr(value));
  case ScalarKind::C128:
  case ScalarKind::C64:
    return convert(constant(complexPartKind(k), value, l), k, l);
  default: // a storage kind: the wrapped i64
    return convert(i64(static_cast<int64_t>(value), l), k, l);
  }
}

Value FunctionGen::i64(int64_t v, Location l) {
  return arith::ConstantOp::create(b, l, b.getI64IntegerAttr(v));
}

Value FunctionGen::index(int64_t v, Location l) {
  return arith::ConstantIndexOp::create(b, l, v);
}

Value FunctionGen::toIndex(Value v, Location l) {
  if (v.getType().isIndex())
    return v;
  return arith::IndexCastOp::create(b, l, b.getIndexType(),
                                    convert(v, ScalarKind::I64, l));
}

Value FunctionGen::dim(Value array, unsigned d, Location l) {
  Value n = memref::DimOp::create(b, l, array, d);
  return arith::IndexCastOp::create(b, l, b.getI64Type(), n);
}

Value FunctionGen::convert(Value v, ScalarKind to, Location l) {
  ScalarKind from = kindOf(v.getType());
  if (from == to)
    return v;
  // A complex number becomes real by its real part (NumPy's cast; Sema
  // refuses Python's conversions), a real number complex with imag 0.
  // Between complex kinds part by part.
  if (isComplexKind(from) && isComplexKind(to)) {
    ScalarKind part = complexPartKind(to);
    return complex::CreateOp::create(
        b, l, toMLIR(weft::Type::scalar(to)),
        convert(complex::ReOp::create(b, l, v), part, l),
        convert(complex::ImOp::create(b, l, v), part, l));
  }
  if (isComplexKind(from)) {
    if (to == ScalarKind::Bool)
      return truthy(v, l);
    return convert(complex::ReOp::create(b, l, v), to, l);
  }
  if (isComplexKind(to)) {
    ScalarKind part = complexPartKind(to);
    return complex::CreateOp::create(b, l, toMLIR(weft::Type::scalar(to)),
                                     convert(v, part, l), constant(part, 0, l));
  }
  // NumPy's casts (storage kinds through i64, floats to integers
  // saturating or wrapped as on x86, nonzero is true).
  ImplicitLocOpBuilder ib(l, b);
  return weft::castNumber(ib, v, toMLIR(weft::Type::scalar(to)));
}

Value FunctionGen::convertTo(Value v, const weft::Type &to, Location l) {
  if (!to.isScalar())
    return v;
  return convert(v, to.scalarKind(), l);
}

Value FunctionGen::truthy(Value v, Location l) {
  if (isArray(v)) // a Python list: true when it is not empty
    return arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne,
                                 memref::DimOp::create(b, l, v, 0),
                                 index(0, l));
  ScalarKind k = kindOf(v.getType());
  if (k == ScalarKind::Bool)
    return v;
  if (isStorageKind(k) || k == ScalarKind::U64)
    return truthy(convert(v, ScalarKind::I64, l), l);
  if (isComplexKind(k))
    return arith::OrIOp::create(b, l, truthy(complex::ReOp::create(b, l, v), l),
                                truthy(complex::ImOp::create(b, l, v), l));
  if (k == ScalarKind::F32 || k == ScalarKind::F64)
    return arith::CmpFOp::create(b, l, arith::CmpFPredicate::UNE, v,
                                 constant(k, 0, l));
  return arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne, v,
                               constant(k, 0, l));
}

Value FunctionGen::emitTruth(const Expr *e, Location l) {
  // A tuple is true when it is not empty, which its type tells (Weft has
  // no empty tuples); it is still evaluated, for what its calls do.
  if (fn.typeOf(e).isTuple()) {
    emitExpr(e);
    return constant(ScalarKind::Bool, !fn.typeOf(e).elems().empty(), l);
  }
  // None is false (`surface = None; if not surface:`).
  if (fn.typeOf(e).isNone()) {
    emitExpr(e);
    return constant(ScalarKind::Bool, 0, l);
  }
  return truthy(emitScalar(e), l);
}

void FunctionGen::emitCheck(Value failCond, const std::string &message,
                            int64_t line, Location l, bool deferrable) {
  if (noRuntimeChecks())
    return;
  weft::CheckOp::create(b, l, failCond, message, line, deferrable);
}

Value FunctionGen::allocArray(ScalarKind elem, Value &n, Location l) {
  SmallVector<Value, 1> sizes{toIndex(n, l)};
  Value arr = allocArrayN(elem, sizes, l);
  n = sizes[0];
  return arr;
}

Value FunctionGen::emitValueIf(Value cond, mlir::Type resultType,
                               llvm::function_ref<Value()> thenFn,
                               llvm::function_ref<Value()> elseFn, Location l) {
  return emitValuesIf(
      cond, TypeRange{resultType}, [&] { return SmallVector<Value>{thenFn()}; },
      [&] { return SmallVector<Value>{elseFn()}; }, l)[0];
}

SmallVector<Value>
FunctionGen::emitValuesIf(Value cond, TypeRange resultTypes,
                          llvm::function_ref<SmallVector<Value>()> thenFn,
                          llvm::function_ref<SmallVector<Value>()> elseFn,
                          Location l) {
  const std::map<std::string, Value> before = env;
  auto ifOp = scf::IfOp::create(b, l, resultTypes, cond, true);
  auto emitBranch = [&](Region &region,
                        llvm::function_ref<SmallVector<Value>()> fn) {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(&region.front());
    scf::YieldOp::create(b, l, fn());
    std::map<std::string, Value> after = env;
    env = before;
    return after;
  };
  std::map<std::string, Value> thenEnv =
      emitBranch(ifOp.getThenRegion(), thenFn);
  std::map<std::string, Value> elseEnv =
      emitBranch(ifOp.getElseRegion(), elseFn);
  size_t n = resultTypes.size();
  SmallVector<std::string, 2> changed;
  SmallVector<mlir::Type, 3> types(resultTypes.begin(), resultTypes.end());
  for (const auto &[name, v] : before)
    if (thenEnv.at(name) != v || elseEnv.at(name) != v) {
      changed.push_back(name);
      types.push_back(v.getType());
    }
  if (changed.empty())
    return SmallVector<Value>(ifOp.getResults());
  // Rebuild the scf.if with the changed slots as extra results.
  auto threaded = scf::IfOp::create(b, l, types, cond, true);
  auto move = [&](Region &to, Region &from,
                  const std::map<std::string, Value> &branchEnv) {
    to.takeBody(from);
    auto yield = cast<scf::YieldOp>(to.front().getTerminator());
    SmallVector<Value, 3> values(yield.getOperands());
    for (const std::string &name : changed)
      values.push_back(branchEnv.at(name));
    yield->setOperands(values);
  };
  move(threaded.getThenRegion(), ifOp.getThenRegion(), thenEnv);
  move(threaded.getElseRegion(), ifOp.getElseRegion(), elseEnv);
  for (size_t k = 0; k < n; ++k)
    ifOp.getResult(k).replaceAllUsesWith(threaded.getResult(k));
  ifOp.erase();
  for (size_t i = 0; i < changed.size(); ++i)
    env[changed[i]] = threaded.getResult(n + i);
  return SmallVector<Value>(threaded.getResults().take_front(n));
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

Val FunctionGen::tupleItemAt(const Val &items, const IndexExpr *ix) {
  // Python's rules: negative from the end, else IndexError; then each part
  // of the item picked by a chain of selects (the items are numbers, or
  // tuples of numbers, of one type).
  Location l = loc(ix->range);
  weft::Type bt = fn.typeOf(ix->base.get());
  int64_t n = static_cast<int64_t>(bt.elems().size());
  Value i = convert(emitScalar(ix->indices[0].get()), ScalarKind::I64, l);
  if (n == 0) { // an empty tuple: always out of range (its item an int)
    emitCheck(constant(ScalarKind::Bool, 1, l),
              "IndexError: tuple index out of range", line(ix->range), l);
    return Val(i64(0, l));
  }
  size_t width = items.parts.size() / static_cast<size_t>(n);
  Value neg =
      arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, i, i64(0, l));
  Value at = arith::SelectOp::create(
      b, l, neg, arith::AddIOp::create(b, l, i, i64(n, l)), i);
  Value bad = arith::OrIOp::create(
      b, l,
      arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, at, i64(0, l)),
      arith::CmpIOp::create(b, l, arith::CmpIPredicate::sge, at, i64(n, l)));
  emitCheck(bad, "IndexError: tuple index out of range", line(ix->range), l);
  Val out;
  for (size_t p = 0; p < width; ++p) {
    Value v = items.parts[p];
    for (int64_t k = 1; k < n; ++k)
      v = arith::SelectOp::create(
          b, l,
          arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, at, i64(k, l)),
          items.parts[static_cast<size_t>(k) * width + p], v);
    out.parts.push_back(v);
  }
  return out;
}

Val FunctionGen::emitIndex(const IndexExpr *ix) {
  Location l = loc(ix->range);
  weft::Type bt = fn.typeOf(ix->base.get());
  if (bt.isString())
    return emitStrIndex(ix);
  Val base = emitExpr(ix->base.get());
  if (bt.isScalar()) // x[()] of a number (Sema)
    return base;
  if (bt.isRangeObject()) {
    // r[k] of a range object: start + k * step, k checked and negative
    // from the end as a range's index
    auto part = [&](int p) {
      return convert(base.parts[p], ScalarKind::I64, l);
    };
    Value n = rangeLength(part(0), part(1), part(2), l);
    Value k =
        weft::WrapIndexOp::create(
            b, l, convert(emitScalar(ix->indices[0].get()), ScalarKind::I64, l),
            toIndex(n, l), !noRuntimeChecks(), -1, line(ix->range))
            .getResult();
    Value k64 = arith::IndexCastOp::create(b, l, b.getI64Type(), k);
    return Val(arith::AddIOp::create(
        b, l, part(0), arith::MulIOp::create(b, l, k64, part(2))));
  }
  if (bt.isTuple()) {
    // t[i] (an integer literal) or t[:2]: the parts of the elements
    // selected.
    int64_t n = static_cast<int64_t>(bt.elems().size());
    std::vector<int64_t> positions;
    const Expr *i0 = ix->indices[0].get();
    auto *neg = i0->dyn<UnaryExpr>();
    bool literal = i0->dyn<IntLitExpr>() || (neg && neg->op == UnaryOp::Neg &&
                                             neg->operand->dyn<IntLitExpr>());
    auto field = fn.fieldOf.find(ix); // rec["x"]
    if (field == fn.fieldOf.end() && !i0->dyn<SliceExpr>() && !literal)
      return tupleItemAt(base, ix);
    if (field != fn.fieldOf.end()) {
      positions.push_back(static_cast<int64_t>(field->second));
    } else if (auto *sl = ix->indices[0]->dyn<SliceExpr>()) {
      positions = *tupleSlicePositions(sl, n);
    } else {
      const Expr *ie = ix->indices[0].get();
      int64_t i = ie->dyn<UnaryExpr>()
                      ? -ie->dyn<UnaryExpr>()->operand->dyn<IntLitExpr>()->value
                      : ie->dyn<IntLitExpr>()->value;
      positions.push_back(i < 0 ? i + n : i);
    }
    SmallVector<size_t> offsets{0};
    for (const weft::Type &e : bt.elems()) {
      SmallVector<mlir::Type> ts;
      flatTypes(e, ts);
      offsets.push_back(offsets.back() + ts.size());
    }
    Val r;
    for (int64_t p : positions)
      for (size_t k = offsets[p]; k < offsets[p + 1]; ++k)
        r.parts.push_back(base.parts[k]);
    return r;
  }
  if (bt.isTupleList())
    return emitTupleListElement(base, ix);
  if (bt.isRagged())
    return emitRaggedIndex(base, ix);
  FunctionInstance::Indexing how = fn.indexingOf(ix);
  if (how != FunctionInstance::Indexing::Basic) {
    // a[mask], a[idx]: a new array (weft-lower-indexing fills it) of the
    // selection along the array index's axis, brought first.
    int at = fn.arrayIndexAt(ix);
    Value index = emitExpr(ix->indices[at].get()).v();
    Value from = advancedIndexSource(base.v(), bt, ix);
    checkMaskAxis(ix, from, index, l);
    weft::Type rt = fn.typeOf(ix);
    mlir::Type t = toMLIR(rt);
    Value r =
        how == FunctionInstance::Indexing::Mask
            ? weft::CompressOp::create(b, l, t, from, index, line(ix->range))
                  .getResult()
            : weft::GatherOp::create(b, l, t, from, index, line(ix->range), at)
                  .getResult();
    addTemp(r);
    SmallVector<int64_t, 8> perm = numpySelectionOrder(ix, rt.rank());
    if (perm.empty())
      return Val(r);
    auto moved = weft::TransposeOp::create(b, l, t, r);
    moved.setPermutation(perm);
    return Val(moved.getResult());
  }
  return emitSubscript(base.v(), ix);
}

void FunctionGen::checkMaskAxis(const IndexExpr *ix, Value view, Value mask,
                                Location l) {
  // (the view's own check would name the view's shape, its axes moved)
  int at = fn.arrayIndexAt(ix);
  if (at <= 0 || fn.indexingOf(ix) != FunctionInstance::Indexing::Mask)
    return;
  Value n = memref::DimOp::create(b, l, view, 0);
  Value m = memref::DimOp::create(b, l, mask, 0);
  emitCheck(arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne, n, m),
            "IndexError: boolean index did not match indexed array along "
            "dimension " +
                std::to_string(at) +
                " (the mask's length differs from that axis' size)",
            line(ix->range), l);
}

SmallVector<int64_t, 8> FunctionGen::numpySelectionOrder(const IndexExpr *ix,
                                                         int rank) {
  // NumPy puts the selection's axes where the array index was when the
  // integers beside it are next to it (a[:, idx], a[:, i, idx]), first
  // when a slice parts them (a[i, :, idx]).
  int at = fn.arrayIndexAt(ix);
  int before = 0; // slices before the array index and its integers
  bool parted = false, seenInt = false;
  for (int k = 0; k < at; ++k) {
    bool slice = ix->indices[k]->dyn<SliceExpr>() != nullptr;
    parted |= slice && seenInt;
    seenInt |= !slice;
    before += slice ? 1 : 0;
  }
  // (an integer after a slice after the array index parts them too)
  bool sliceAfter = false;
  for (size_t k = at + 1; k < ix->indices.size(); ++k) {
    bool slice = ix->indices[k]->dyn<SliceExpr>() != nullptr;
    parted |= !slice && sliceAfter;
    sliceAfter |= slice;
  }
  if (parted || before == 0)
    return {};
  int selected = fn.indexingOf(ix) == FunctionInstance::Indexing::Mask
                     ? 1
                     : fn.typeOf(ix->indices[at].get()).rank();
  SmallVector<int64_t, 8> perm;
  for (int k = 0; k < before; ++k)
    perm.push_back(selected + k);
  for (int k = 0; k < selected; ++k)
    perm.push_back(k);
  for (int k = selected + before; k < rank; ++k)
    perm.push_back(k);
  return perm;
}

Value FunctionGen::advancedIndexSource(Value array, weft::Type arrayType,
                                       const IndexExpr *ix) {
  if (ix->indices.size() == 1)
    return array;
  Location l = loc(ix->range);
  int at = fn.arrayIndexAt(ix);
  SmallVector<SubscriptEntry, 4> entries;
  int dropped = 0, axis = 0;
  for (size_t k = 0; k < ix->indices.size(); ++k) {
    if (static_cast<int>(k) == at) {
      axis = static_cast<int>(k) - dropped;
      entries.push_back(SubscriptEntry());
      continue;
    }
    entries.push_back({ix->indices[k].get(), Value()});
    dropped += ix->indices[k]->dyn<SliceExpr>() ? 0 : 1;
  }
  weft::Type viewType =
      weft::Type::array(arrayType.scalarKind(), arrayType.rank() - dropped);
  Value view = emitView(array, entries, arrayType.rank(), toMLIR(viewType), ix);
  if (axis == 0)
    return view;
  SmallVector<int64_t, 8> perm{axis};
  for (int k = 0; k < viewType.rank(); ++k)
    if (k != axis)
      perm.push_back(k);
  auto moved = weft::TransposeOp::create(b, l, toMLIR(viewType), view);
  moved.setPermutation(perm);
  return moved.getResult();
}

Val FunctionGen::emitExpr(const Expr *e) {
  Location l = loc(e->range);
  weft::Type t = fn.typeOf(e);
  // A dtype (np.float64, a.dtype, a variable or parameter holding one) is
  // known at compile time: the types of what it is used in say it all. So
  // is None passed as an argument (a call returning nothing still runs).
  if (t.isDType() || (t.isNone() && e->dyn<NameExpr>()))
    return Val();
  switch (e->kind) {
  case ExprKind::IntLit: {
    auto *lit = static_cast<const IntLitExpr *>(e);
    Value v = i64(lit->value, l);
    return Val(lit->unsigned64 ? convert(v, ScalarKind::U64, l) : v);
  }
  case ExprKind::FloatLit:
    return Val(constant(ScalarKind::F64,
                        static_cast<const FloatLitExpr *>(e)->value, l));
  case ExprKind::BoolLit:
    return Val(constant(ScalarKind::Bool,
                        static_cast<const BoolLitExpr *>(e)->value, l));
  case ExprKind::StrLit:
    return Val(emitStrLiteral(static_cast<const StrLitExpr *>(e)->value, l));
  case ExprKind::Name: {
    auto *n = static_cast<const NameExpr *>(e);
    auto it = fn.locals.find(n->name);
    // (np.pi is the constant, also where a variable is called pi)
    if (std::optional<Builtin> b = lookupBuiltin(n->name);
        n->qualified && b && builtinKind(*b) == BuiltinKind::Constant)
      it = fn.locals.end();
    if (it != fn.locals.end()) {
      Val v = loadLocal(n->name, it->second);
      // An optional read where a test proved it is not None: its value;
      // elsewhere its value, checked.
      if (it->second.isOptional() && !t.isOptional()) {
        if (fn.unwrapped.count(e))
          return unwrapOptional(v, e, l);
        v.parts.pop_back();
      }
      return v;
    }
    auto frozen = fn.moduleConstants.find(n);
    if (frozen != fn.moduleConstants.end())
      return emitExpr(frozen->second);
    if (isBuiltinNamed(n->name, Builtin::Pi))
      return Val(constant(ScalarKind::F64, M_PI, l));
    if (isBuiltinNamed(n->name, Builtin::E))
      return Val(constant(ScalarKind::F64, M_E, l));
    if (isBuiltinNamed(n->name, Builtin::EulerGamma))
      return Val(constant(ScalarKind::F64, 0.5772156649015329, l));
    if (isBuiltinNamed(n->name, Builtin::Inf))
      return Val(constant(ScalarKind::F64,
                          std::numeric_limits<double>::infinity(), l));
    if (isBuiltinNamed(n->name, Builtin::Nan))
      return Val(constant(ScalarKind::F64,
                          std::numeric_limits<double>::quiet_NaN(), l));
    error(e->range, "unknown name '" + n->name + "'");
    return Val(i64(0, l));
  }
  case ExprKind::Unary: {
    auto *u = static_cast<const UnaryExpr *>(e);
    if (t.isArray())
      return Val(materialize(e));
    if (u->op == UnaryOp::Not)
      return Val(arith::XOrIOp::create(b, l, emitTruth(u->operand.get(), l),
                                       constant(ScalarKind::Bool, 1, l)));
    Value x = emitScalar(u->operand.get());
    switch (u->op) {
    case UnaryOp::Pos:
      return Val(convertTo(x, t, l));
    case UnaryOp::Neg:
      return Val(negate(convertTo(x, t, l), t.scalarKind(), l));
    case UnaryOp::Not:
      break; // (above)
    case UnaryOp::Invert: {
      if (t.isBool())
        return Val(
            arith::XOrIOp::create(b, l, x, constant(ScalarKind::Bool, 1, l)));
      ScalarKind k = t.scalarKind();
      return Val(emitBinaryScalar(BinaryOp::BitXor, convertTo(x, t, l),
                                  constant(k, -1, l), k, false, l, 0));
    }
    }
    break;
  }
  case ExprKind::Binary:
    return emitBinary(static_cast<const BinaryExpr *>(e));
  case ExprKind::Compare:
    if (t.isArray())
      return Val(materialize(e));
    return Val(emitCompare(static_cast<const CompareExpr *>(e)));
  case ExprKind::BoolOp: {
    // Python: `a and b` is `b if a else a`; `a or b` is `a if a else b`.
    auto *bo = static_cast<const BoolOpExpr *>(e);
    mlir::Type rt = toMLIR(t);
    // A list operand stands for its truth value (Sema).
    auto operand = [&](Value v) {
      return convertTo(isArray(v) ? truthy(v, l) : v, t, l);
    };
    Value a = operand(emitScalar(bo->lhs.get()));
    Value cond = truthy(a, l);
    auto rhs = [&] { return operand(emitScalarInRegion(bo->rhs.get(), l)); };
    auto lhs = [&] { return a; };
    if (bo->op == BoolOpKind::And)
      return Val(emitValueIf(cond, rt, rhs, lhs, l));
    return Val(emitValueIf(cond, rt, lhs, rhs, l));
  }
  case ExprKind::IfExp: {
    auto *ie = static_cast<const IfExpExpr *>(e);
    if (t.isArray()) {
      // The array of the branch taken (a reference of its own, released
      // with the statement's temporaries).
      Value cond = emitTruth(ie->cond.get(), l);
      mlir::Type rt = toMLIR(t);
      auto branch = [&](const Expr *x) {
        size_t mark = temps_.size();
        Value v = emitExpr(x).v();
        takeOwnership(v, l);
        releaseTemps(mark, l);
        if (v.getType() != rt)
          v = memref::CastOp::create(b, l, rt, v);
        return v;
      };
      Value r = emitValueIf(
          cond, rt, [&] { return branch(ie->thenValue.get()); },
          [&] { return branch(ie->elseValue.get()); }, l);
      addTemp(r);
      return Val(r);
    }
    if (t.isOptional() || t.isTuple()) {
      // A value or None (its parts and its flag, false for None), or a
      // tuple of numbers and arrays: the branch taken's parts, each
      // number converted to the part's type, each array a reference of
      // its own (released with the statement's temporaries).
      SmallVector<mlir::Type> types;
      flatTypes(t, types);
      Value cond = emitTruth(ie->cond.get(), l);
      auto branch = [&](const Expr *x) {
        size_t mark = temps_.size();
        Val v = t.isOptional() ? emitOptional(x, t, l) : emitExpr(x);
        if (!fn.typeOf(x).isNone())
          for (Value p : v.parts)
            if (isArray(p))
              takeOwnership(p, l);
        releaseTemps(mark, l);
        SmallVector<Value> parts;
        for (size_t k = 0; k < v.parts.size(); ++k)
          parts.push_back(
              !isArray(v.parts[k]) ? convert(v.parts[k], kindOf(types[k]), l)
              : v.parts[k].getType() != types[k]
                  ? memref::CastOp::create(b, l, types[k], v.parts[k])
                        .getResult()
                  : v.parts[k]);
        return parts;
      };
      Val r;
      for (Value v : emitValuesIf(
               cond, types, [&] { return branch(ie->thenValue.get()); },
               [&] { return branch(ie->elseValue.get()); }, l)) {
        if (isArray(v))
          addTemp(v);
        r.parts.push_back(v);
      }
      return r;
    }
    if (!t.isScalar()) {
      error(e->range, "conditional expressions must produce numbers or "
                      "arrays for now");
      return Val(i64(0, l));
    }
    Value cond = emitTruth(ie->cond.get(), l);
    return Val(emitValueIf(
        cond, toMLIR(t),
        [&] {
          return convertTo(emitScalarInRegion(ie->thenValue.get(), l), t, l);
        },
        [&] {
          return convertTo(emitScalarInRegion(ie->elseValue.get(), l), t, l);
        },
        l));
  }
  case ExprKind::Call:
    if (fn.vectorizedCalls.count(static_cast<const CallExpr *>(e)))
      return Val(materialize(e));
    if (fn.unwrapped.count(e))
      return unwrapOptional(emitCall(static_cast<const CallExpr *>(e)), e, l);
    return emitCall(static_cast<const CallExpr *>(e));
  case ExprKind::Index: {
    auto *ix = static_cast<const IndexExpr *>(e);
    Val v = emitIndex(ix);
    if (fn.unwrapped.count(e)) // (t[k] of a tuple, an optional part)
      return unwrapOptional(v, e, l);
    if (!t.isList() || !fn.typeOf(ix->base.get()).isList())
      return v;
    // A slice of a list is a new list: Python copies it (an element of a
    // list of lists is that list).
    Value view = v.v();
    SmallVector<Value, 4> sizes = arrayMeta(view, l).sizes;
    Value out = allocArrayN(t.scalarKind(), sizes, l);
    emitMapOp({view}, out, l, [](ValueRange xs, Value) { return xs[0]; });
    return Val(out);
  }
  case ExprKind::Attribute: {
    auto *a = static_cast<const AttributeExpr *>(e);
    weft::Type bt = fn.typeOf(a->base.get());
    // obj.p of a jitclass's property: the call of its function.
    if (auto p = fn.propertyCalls.find(a); p != fn.propertyCalls.end())
      return emitCall(p->second);
    if (auto field = fn.fieldOf.find(a); field != fn.fieldOf.end()) {
      // p.x of a namedtuple: the parts of that field.
      Val whole = emitExpr(a->base.get()), out;
      size_t offset = 0;
      for (size_t k = 0; k < bt.elems().size(); ++k) {
        SmallVector<mlir::Type> ts;
        flatTypes(bt.elems()[k], ts);
        if (k == field->second)
          out.parts.append(whole.parts.begin() + offset,
                           whole.parts.begin() + offset + ts.size());
        offset += ts.size();
      }
      // obj.x of a jitclass's number field: the number in its cell.
      if (fn.cellReads.count(a))
        return Val(memref::LoadOp::create(b, loc(a->range), out.v(),
                                          ValueRange{index(0, loc(a->range))}));
      return out;
    }
    if (bt.isDType()) {
      // dt.kind, dt.itemsize: known when the program is compiled.
      ScalarKind k = bt.scalarKind();
      if (a->attr == "itemsize")
        return Val(i64(k == ScalarKind::C128   ? 16
                       : k == ScalarKind::Bool ? 1
                                               : bitWidth(k) / 8,
                       l));
      char kind = k == ScalarKind::Bool             ? 'b'
                  : isComplexKind(k)                ? 'c'
                  : isUnsignedKind(k)               ? 'u'
                  : weft::Type::scalar(k).isFloat() ? 'f'
                                                    : 'i';
      return Val(emitStrLiteral(std::string(1, kind), l));
    }
    Value arr = emitExpr(a->base.get()).v();
    if (bt.isRecordValue() && a->attr.rfind("__cell__", 0) == 0)
      // rec.x = v: the field's element as a 1-element view
      return Val(structuredFieldView(arr, bt,
                                     structuredFieldOf(bt, a->attr.substr(8)),
                                     line(a->range), l));
    if (bt.isRecordValue()) // rec.x
      return emitStructuredField(arr, bt, a->attr, line(a->range), l);
    if (bt.isStructured()) {
      // shape, size, ndim of the records' axes (not the bytes').
      ArrayMeta m = arrayMeta(arr, l);
      m.sizes.pop_back();
      if (a->attr == "ndim")
        return Val(i64(bt.structuredRank(), l));
      if (a->attr == "size")
        return Val(arith::IndexCastOp::create(b, l, b.getI64Type(),
                                              productOf(m.sizes, l)));
      Val shape;
      for (Value n : m.sizes)
        shape.parts.push_back(
            arith::IndexCastOp::create(b, l, b.getI64Type(), n));
      return shape;
    }
    if ((a->attr == "real" || a->attr == "imag") &&
        isa<MemRefType>(arr.getType())) {
      // A new float array of the parts (NumPy's is a view: Sema refuses
      // stores through it).
      SmallVector<Value, 4> sizes = arrayMeta(arr, l).sizes;
      Value out = allocArrayN(t.scalarKind(), sizes, l);
      emitMapOp({arr}, out, l, [&](ValueRange xs, Value) {
        return emitRealImag(xs[0], a->attr == "real", l);
      });
      return Val(out);
    }
    if (a->attr == "real" || a->attr == "imag")
      return Val(emitRealImag(arr, a->attr == "real", l));
    if (!isa<MemRefType>(arr.getType())) // a number: NumPy's 0-d
      return a->attr == "shape" ? Val()
                                : Val(i64(a->attr == "size" ? 1 : 0, l));
    if (a->attr == "ndim")
      return Val(i64(cast<MemRefType>(arr.getType()).getRank(), l));
    // a.itemsize, a.nbytes and a.strides: in bytes, as NumPy's.
    ScalarKind ek = fn.typeOf(a->base.get()).scalarKind();
    int64_t item = ek == ScalarKind::C128   ? 16
                   : ek == ScalarKind::Bool ? 1
                                            : bitWidth(ek) / 8;
    auto asI64 = [&](Value v) {
      return arith::IndexCastOp::create(b, l, b.getI64Type(), v).getResult();
    };
    if (a->attr == "itemsize")
      return Val(i64(item, l));
    if (a->attr == "nbytes")
      return Val(arith::MulIOp::create(
          b, l, asI64(productOf(arrayMeta(arr, l).sizes, l)), i64(item, l)));
    if (a->attr == "strides") {
      Val strides;
      for (Value s : arrayMeta(arr, l).strides)
        strides.parts.push_back(
            arith::MulIOp::create(b, l, asI64(s), i64(item, l)));
      return strides;
    }
    if (a->attr == "size")
      return Val(arith::IndexCastOp::create(
          b, l, b.getI64Type(), productOf(arrayMeta(arr, l).sizes, l)));
    if (a->attr == "T")
      return Val(weft::TransposeOp::create(b, l, toMLIR(t), arr));
    Val shape;
    for (int64_t d = 0; d < cast<MemRefType>(arr.getType()).getRank(); ++d)
      shape.parts.push_back(dim(arr, d, l));
    return shape;
  }
  case ExprKind::Tuple: {
    if (t.isArray()) // stored into an array view: an array literal
      return Val(emitArrayLiteral(static_cast<const TupleExpr *>(e)->elts,
                                  t.scalarKind(), l));
    Val r;
    for (const ExprPtr &x : static_cast<const TupleExpr *>(e)->elts) {
      Val v = emitExpr(x.get());
      r.parts.append(v.parts.begin(), v.parts.end());
    }
    return r;
  }
  case ExprKind::List: {
    auto *lst = static_cast<const ListExpr *>(e);
    if (t.isRagged() && lst->elts.empty())
      return emptyRagged(t.scalarKind(), l, t.raggedRowRank());
    if (t.isRagged())
      return emitRaggedLiteral(lst);
    if (t.isArray() && t.rank() > 1)
      return Val(emitNestedListLiteral(lst, t, l));
    if (!t.isTupleList())
      return Val(emitArrayLiteral(lst->elts, t.scalarKind(), l));
    // [(a, b), (c, d)] (or [] that tuples are appended to): one list per
    // field.
    SmallVector<Val> tuples;
    for (const ExprPtr &x : lst->elts)
      tuples.push_back(emitExpr(x.get()));
    Val out;
    for (size_t k = 0; k < t.elems().size(); ++k) {
      ScalarKind fk = t.elems()[k].scalarKind();
      if (t.elems()[k].isRagged()) {
        // A field of strs (Sema takes no arrays here): each tuple's str a
        // row (`[]`: none).
        Val rows = emptyRagged(fk, l, t.elems()[k].raggedRowRank());
        for (size_t i = 0; i < tuples.size(); ++i)
          raggedPushRow(rows, tuples[i].parts[k], fk, line(lst->range), l);
        out.parts.append(rows.parts.begin(), rows.parts.end());
        continue;
      }
      Value count = index(tuples.size(), l);
      Value arr = allocArray(fk, count, l);
      for (size_t i = 0; i < tuples.size(); ++i)
        memref::StoreOp::create(b, l, convert(tuples[i].parts[k], fk, l), arr,
                                ValueRange{index(i, l)});
      out.parts.push_back(arr);
    }
    return out;
  }
  case ExprKind::ListComp:
    return emitListComp(static_cast<const ListCompExpr *>(e));
  case ExprKind::Slice:
    break;
  }
  error(e->range, "this expression is not supported yet");
  return Val(i64(0, l));
}

} // namespace weft
