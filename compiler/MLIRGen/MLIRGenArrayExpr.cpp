//===- MLIRGenArrayExpr.cpp - Fused array expressions and reductions ------===//
//
// An array statement such as `c = a * b + sin(d)` or `s = sum(a * b)` is
// computed in one loop nest with no temporary arrays: the operands that
// are not elementwise (names, calls, slices) are evaluated once and
// broadcast to the result shape as stride-0 views, then the elementwise
// tree is emitted as scalar code inside the nest. Elementwise statements
// use scf.parallel; reductions carry their accumulators through scf.for.
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"

using namespace mlir;

namespace weft {

namespace {
bool isElementwiseBuiltin(std::optional<Builtin> b) {
  return b && (isUnaryMath(*b) ||
               builtinIn(b, {Builtin::Abs, Builtin::Isnan, Builtin::Isinf,
                             Builtin::Atan2, Builtin::Pow, Builtin::Minimum,
                             Builtin::Maximum, Builtin::Where, Builtin::Clip,
                             Builtin::Copy, Builtin::Astype}));
}

/// Operands of an elementwise node, in order.
SmallVector<const Expr *, 3> operandsOf(const Expr *e) {
  SmallVector<const Expr *, 3> ops;
  if (auto *bin = e->dyn<BinaryExpr>()) {
    ops = {bin->lhs.get(), bin->rhs.get()};
  } else if (auto *u = e->dyn<UnaryExpr>()) {
    ops = {u->operand.get()};
  } else if (auto *c = e->dyn<CompareExpr>()) {
    for (const ExprPtr &o : c->operands)
      ops.push_back(o.get());
  } else if (auto *c = e->dyn<CallExpr>()) {
    if (auto *a = c->callee->dyn<AttributeExpr>()) {
      ops.push_back(a->base.get());
      if (isBuiltinNamed(a->attr, Builtin::Astype))
        return ops; // the argument is a type name
    }
    for (const ExprPtr &x : c->args)
      ops.push_back(x.get());
  }
  return ops;
}
} // namespace

bool FunctionGen::isFusable(const Expr *e) {
  if (!fn.typeOf(e).isArray())
    return false;
  if (auto *bin = e->dyn<BinaryExpr>())
    return bin->op != BinaryOp::MatMul;
  if (e->dyn<UnaryExpr>())
    return true;
  if (auto *c = e->dyn<CompareExpr>())
    return c->operands.size() == 2;
  if (auto *c = e->dyn<CallExpr>())
    return fn.vectorizedCalls.count(c) || isElementwiseBuiltin(fn.builtinOf(c));
  return false;
}

SmallVector<const Expr *, 3> FunctionGen::elementOperands(const Expr *e) {
  // A @vectorize call's operands are its bound arguments (defaults and
  // keywords included).
  if (auto *c = e->dyn<CallExpr>())
    if (fn.vectorizedCalls.count(c)) {
      const auto &bound = fn.callArgs.at(c);
      return SmallVector<const Expr *, 3>(bound.begin(), bound.end());
    }
  return operandsOf(e);
}

FunctionGen::ElemSource
FunctionGen::makeSource(const Expr *e, const SmallVector<Value, 4> *target,
                        int64_t ln) {
  Location l = loc(e->range);
  ElemSource s;
  s.root = e;
  s.kind = fn.typeOf(e).scalarKind();
  // Leaves: maximal subexpressions that are not elementwise nodes.
  SmallVector<const Expr *, 8> leaves;
  std::function<void(const Expr *)> collect = [&](const Expr *x) {
    if (!isFusable(x)) {
      leaves.push_back(x);
      return;
    }
    for (const Expr *o : elementOperands(x))
      collect(o);
  };
  collect(e);
  std::map<const Expr *, Value> values;
  for (const Expr *leaf : leaves)
    values[leaf] = emitExpr(leaf).v();

  int rank =
      target ? static_cast<int>(target->size())
             : std::max(0, fn.typeOf(e).isArray() ? fn.typeOf(e).rank() : 0);
  // Broadcast shape: per axis, the size that is not 1 (NumPy's rule).
  SmallVector<ArrayMeta, 4> metas;
  SmallVector<const Expr *, 4> arrays;
  for (const Expr *leaf : leaves)
    if (isArray(values[leaf])) {
      arrays.push_back(leaf);
      metas.push_back(arrayMeta(values[leaf], l));
    }
  Value one = index(1, l), zero = index(0, l);
  auto eq = [&](Value x, Value y) -> Value {
    return arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, x, y);
  };
  if (target) {
    s.dims = *target;
  } else {
    s.dims.assign(rank, one);
    for (ArrayMeta &m : metas) {
      int r = static_cast<int>(m.sizes.size());
      for (int k = 0; k < r; ++k) {
        Value &d = s.dims[k + rank - r];
        d = arith::SelectOp::create(b, l, eq(m.sizes[k], one), d, m.sizes[k]);
      }
    }
  }
  if (!metas.empty() && (target || metas.size() > 1)) {
    Value bad = constant(ScalarKind::Bool, 0, l);
    for (ArrayMeta &m : metas) {
      int r = static_cast<int>(m.sizes.size());
      for (int k = 0; k < r; ++k) {
        Value ok = arith::OrIOp::create(
            b, l, eq(m.sizes[k], s.dims[k + rank - r]), eq(m.sizes[k], one));
        bad = arith::OrIOp::create(
            b, l, bad,
            arith::XOrIOp::create(b, l, ok, constant(ScalarKind::Bool, 1, l)));
      }
    }
    auto ifOp = scf::IfOp::create(b, l, TypeRange{}, bad, false);
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(&ifOp.getThenRegion().front());
    SmallVector<Value, 16> enc;
    std::string format = target ? "ValueError: could not broadcast input "
                                  "array from shape"
                                : "ValueError: operands could not be "
                                  "broadcast together with shapes";
    auto addShape = [&](ArrayRef<Value> sizes) {
      enc.push_back(i64(static_cast<int64_t>(sizes.size()), l));
      for (Value sz : sizes)
        enc.push_back(arith::IndexCastOp::create(b, l, b.getI64Type(), sz));
      format += " {}";
    };
    for (ArrayMeta &m : metas)
      addShape(m.sizes);
    if (target) {
      format += " into shape";
      addShape(*target);
    }
    weft::ShapeErrorOp::create(b, l, format, ln, enc);
    b.setInsertionPointAfter(ifOp);
    // Inside a parallel loop the error is raised after the loop: an empty
    // shape keeps the rest of this statement within bounds.
    for (Value &d : s.dims)
      d = arith::SelectOp::create(b, l, bad, zero, d);
  }
  // Broadcast views: stride 0 along size-1 and missing leading axes.
  for (size_t i = 0; i < arrays.size(); ++i) {
    ArrayMeta &m = metas[i];
    int r = static_cast<int>(m.sizes.size());
    SmallVector<Value, 4> strides;
    for (int d = 0; d < rank; ++d) {
      int k = d - (rank - r);
      strides.push_back(k < 0
                            ? zero
                            : arith::SelectOp::create(b, l, eq(m.sizes[k], one),
                                                      zero, m.strides[k])
                                  .getResult());
    }
    ScalarKind ek = fn.typeOf(arrays[i]).scalarKind();
    values[arrays[i]] =
        makeView(values[arrays[i]], ek, m.offset, s.dims, strides, l);
  }
  s.leaves = std::move(values);
  return s;
}

Value FunctionGen::emitElement(const ElemSource &s, const Expr *e,
                               ValueRange ivs) {
  Location l = loc(e->range);
  auto it = s.leaves.find(e);
  if (it != s.leaves.end()) {
    if (isArray(it->second))
      return memref::LoadOp::create(b, l, it->second, ivs);
    return it->second;
  }
  SmallVector<Value, 3> xs;
  for (const Expr *o : elementOperands(e))
    xs.push_back(emitElement(s, o, ivs));
  return elementOf(e, xs);
}

Value FunctionGen::elementOf(const Expr *e, SmallVectorImpl<Value> &xs) {
  Location l = loc(e->range);
  ScalarKind k = fn.typeOf(e).scalarKind();
  if (auto *c = e->dyn<CallExpr>())
    if (fn.vectorizedCalls.count(c)) {
      // The scalar function on this element (LLVM inlines it into the
      // loop, which then vectorizes).
      const FunctionInstance *callee = fn.calls.at(c);
      SmallVector<Value, 4> args;
      for (size_t i = 0; i < xs.size(); ++i)
        args.push_back(convertTo(xs[i], callee->paramTypes[i], l));
      auto call = func::CallOp::create(b, l, mg.funcs.at(callee), args);
      return convert(call.getResult(0), k, l);
    }
  if (auto *bin = e->dyn<BinaryExpr>())
    return convert(
        emitBinaryScalar(bin->op, xs[0], xs[1], k, false, l, line(e->range)), k,
        l);
  if (auto *c = e->dyn<CompareExpr>())
    return emitCompareOp(c->ops[0], xs[0], xs[1], l);
  if (auto *u = e->dyn<UnaryExpr>()) {
    Value x = convert(xs[0], k, l);
    switch (u->op) {
    case UnaryOp::Pos:
      return x;
    case UnaryOp::Neg:
      if (k == ScalarKind::F32 || k == ScalarKind::F64)
        return arith::NegFOp::create(b, l, x);
      return arith::SubIOp::create(b, l, constant(k, 0, l), x);
    case UnaryOp::Invert:
    case UnaryOp::Not:
      return arith::XOrIOp::create(
          b, l, x, constant(k, k == ScalarKind::Bool ? 1 : -1, l));
    }
  }
  auto *c = e->dyn<CallExpr>();
  Builtin builtin = *fn.builtinOf(c);
  if (builtin == Builtin::Copy || builtin == Builtin::Astype)
    return convert(xs[0], k, l);
  if (builtin == Builtin::Isnan || builtin == Builtin::Isinf) {
    ScalarKind xk = kindOf(xs[0].getType());
    if (xk != ScalarKind::F32 && xk != ScalarKind::F64)
      return constant(ScalarKind::Bool, 0, l);
    return emitMath(builtin, {xs[0]}, xk, l);
  }
  for (size_t i = 0; i < xs.size(); ++i)
    if (!(builtin == Builtin::Where && i == 0))
      xs[i] = convert(xs[i], k, l);
  return emitMath(builtin, xs, k, l);
}

Value FunctionGen::reduceMinMax(bool wantMin, Value acc, Value x, ScalarKind k,
                                Location l) {
  if (k == ScalarKind::F64 || k == ScalarKind::F32)
    return wantMin ? arith::MinimumFOp::create(b, l, acc, x).getResult()
                   : arith::MaximumFOp::create(b, l, acc, x).getResult();
  return emitMath(wantMin ? Builtin::Minimum : Builtin::Maximum, {acc, x}, k,
                  l);
}

Value FunctionGen::emitMath(Builtin builtin, ArrayRef<Value> xs, ScalarKind k,
                            Location l) {
  bool isFloat = k == ScalarKind::F32 || k == ScalarKind::F64;
  Value x = xs[0];
  if (builtin == Builtin::Sqrt)
    return math::SqrtOp::create(b, l, x);
  if (builtin == Builtin::Exp)
    return math::ExpOp::create(b, l, x);
  if (builtin == Builtin::Log)
    return math::LogOp::create(b, l, x);
  if (builtin == Builtin::Log2)
    return math::Log2Op::create(b, l, x);
  if (builtin == Builtin::Log10)
    return math::Log10Op::create(b, l, x);
  if (builtin == Builtin::Sin)
    return math::SinOp::create(b, l, x);
  if (builtin == Builtin::Cos)
    return math::CosOp::create(b, l, x);
  if (builtin == Builtin::Tan)
    return math::TanOp::create(b, l, x);
  if (builtin == Builtin::Tanh)
    return math::TanhOp::create(b, l, x);
  if (builtin == Builtin::Asin)
    return math::AsinOp::create(b, l, x);
  if (builtin == Builtin::Acos)
    return math::AcosOp::create(b, l, x);
  if (builtin == Builtin::Atan)
    return math::AtanOp::create(b, l, x);
  if (builtin == Builtin::Sinh)
    return math::SinhOp::create(b, l, x);
  if (builtin == Builtin::Cosh)
    return math::CoshOp::create(b, l, x);
  if (builtin == Builtin::Floor)
    return isFloat ? math::FloorOp::create(b, l, x).getResult() : x;
  if (builtin == Builtin::Ceil)
    return isFloat ? math::CeilOp::create(b, l, x).getResult() : x;
  if (builtin == Builtin::Abs)
    return isFloat ? math::AbsFOp::create(b, l, x).getResult()
                   : math::AbsIOp::create(b, l, x).getResult();
  if (builtin == Builtin::Isnan)
    return arith::CmpFOp::create(b, l, arith::CmpFPredicate::UNO, x, x);
  if (builtin == Builtin::Isinf)
    return arith::CmpFOp::create(
        b, l, arith::CmpFPredicate::OEQ, math::AbsFOp::create(b, l, x),
        constant(k, std::numeric_limits<double>::infinity(), l));
  if (builtin == Builtin::Atan2)
    return weft::Atan2Op::create(b, l, x, xs[1]);
  if (builtin == Builtin::Pow)
    return isFloat ? math::PowFOp::create(b, l, x, xs[1]).getResult()
                   : math::IPowIOp::create(b, l, x, xs[1]).getResult();
  if (builtin == Builtin::Minimum || builtin == Builtin::Maximum) {
    bool mn = builtin == Builtin::Minimum;
    if (isFloat) {
      // NumPy's rule: (x > y || isnan(x)) ? x : y for maximum (< for
      // minimum), so NaN propagates and of two equal values (0.0 and -0.0)
      // the second wins, as in clip(0.0, -0.0, 1.0) == -0.0.
      Value better = arith::CmpFOp::create(
          b, l, mn ? arith::CmpFPredicate::OLT : arith::CmpFPredicate::OGT, x,
          xs[1]);
      Value nan = arith::CmpFOp::create(b, l, arith::CmpFPredicate::UNO, x, x);
      return arith::SelectOp::create(
          b, l, arith::OrIOp::create(b, l, better, nan), x, xs[1]);
    }
    if (k == ScalarKind::Bool)
      return mn ? arith::AndIOp::create(b, l, x, xs[1]).getResult()
                : arith::OrIOp::create(b, l, x, xs[1]).getResult();
    return mn ? arith::MinSIOp::create(b, l, x, xs[1]).getResult()
              : arith::MaxSIOp::create(b, l, x, xs[1]).getResult();
  }
  if (builtin == Builtin::Where)
    return arith::SelectOp::create(b, l, x, xs[1], xs[2]);
  if (builtin == Builtin::Clip) {
    Value lo = emitMath(Builtin::Maximum, {x, xs[1]}, k, l);
    return emitMath(Builtin::Minimum, {lo, xs[2]}, k, l);
  }
  error(SourceRange(), "internal: no element code for '" +
                           std::string(builtinName(builtin)) + "'");
  return x;
}

namespace {
/// Elementwise operations fused in an expression tree.
int countFused(FunctionGen &g, const Expr *e) {
  if (!g.isFusable(e))
    return 0;
  int n = 1;
  for (const Expr *o : operandsOf(e))
    n += countFused(g, o);
  return n;
}
} // namespace

std::string FunctionGen::parallelText() const {
  if (!fn.options.parallel)
    return "serial (parallel=False)";
  return "parallel (OpenMP) from " + std::to_string(kParallelThreshold) +
         " elements, serial below";
}

SmallVector<Value, 4>
FunctionGen::broadcastShape(ArrayRef<Value> arrays, int rank,
                            const SmallVector<Value, 4> *target, int64_t ln,
                            Location l) {
  Value one = index(1, l), zero = index(0, l);
  auto eq = [&](Value x, Value y) -> Value {
    return arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, x, y);
  };
  SmallVector<SmallVector<Value, 4>, 4> shapes;
  for (Value a : arrays) {
    SmallVector<Value, 4> sizes;
    for (unsigned d = 0; d < cast<MemRefType>(a.getType()).getRank(); ++d)
      sizes.push_back(memref::DimOp::create(b, l, a, d));
    shapes.push_back(sizes);
  }
  // Per axis, the size that is not 1 (NumPy's rule).
  SmallVector<Value, 4> dims;
  if (target) {
    dims = *target;
  } else {
    dims.assign(rank, one);
    for (auto &sizes : shapes) {
      int r = static_cast<int>(sizes.size());
      for (int k = 0; k < r; ++k) {
        Value &d = dims[k + rank - r];
        d = arith::SelectOp::create(b, l, eq(sizes[k], one), d, sizes[k]);
      }
    }
  }
  if (shapes.empty() || (!target && shapes.size() == 1))
    return dims;
  Value bad = constant(ScalarKind::Bool, 0, l);
  for (auto &sizes : shapes) {
    int r = static_cast<int>(sizes.size());
    for (int k = 0; k < r; ++k) {
      Value ok = arith::OrIOp::create(b, l, eq(sizes[k], dims[k + rank - r]),
                                      eq(sizes[k], one));
      bad = arith::OrIOp::create(
          b, l, bad,
          arith::XOrIOp::create(b, l, ok, constant(ScalarKind::Bool, 1, l)));
    }
  }
  auto ifOp = scf::IfOp::create(b, l, TypeRange{}, bad, false);
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(&ifOp.getThenRegion().front());
    SmallVector<Value, 16> enc;
    std::string format = target ? "ValueError: could not broadcast input "
                                  "array from shape"
                                : "ValueError: operands could not be "
                                  "broadcast together with shapes";
    auto addShape = [&](ArrayRef<Value> sizes) {
      enc.push_back(i64(static_cast<int64_t>(sizes.size()), l));
      for (Value sz : sizes)
        enc.push_back(arith::IndexCastOp::create(b, l, b.getI64Type(), sz));
      format += " {}";
    };
    for (auto &sizes : shapes)
      addShape(sizes);
    if (target) {
      format += " into shape";
      addShape(*target);
    }
    weft::ShapeErrorOp::create(b, l, format, ln, enc);
  }
  // Inside a parallel loop the error is raised after the loop: an empty
  // shape keeps the rest of this statement within bounds.
  for (Value &d : dims)
    d = arith::SelectOp::create(b, l, bad, zero, d);
  return dims;
}

void FunctionGen::emitMapOp(ArrayRef<Value> inputs, Value out, Location l,
                            const std::function<Value(ValueRange, Value)> &fn_) {
  auto map = weft::MapOp::create(b, l, inputs, out, !fn.options.parallel);
  SmallVector<mlir::Type, 4> types;
  SmallVector<Location, 4> locs;
  for (Value v : inputs) {
    types.push_back(cast<MemRefType>(v.getType()).getElementType());
    locs.push_back(l);
  }
  types.push_back(cast<MemRefType>(out.getType()).getElementType());
  locs.push_back(l);
  OpBuilder::InsertionGuard g(b);
  mlir::Block *body = b.createBlock(&map.getBody(), {}, types, locs);
  Value v = fn_(body->getArguments().drop_back(), body->getArguments().back());
  weft::YieldOp::create(b, l, v);
}

namespace {
/// The leaves of an elementwise tree: its maximal subexpressions that are
/// not elementwise nodes, in evaluation order.
void collectLeaves(FunctionGen &g, const Expr *e,
                   SmallVectorImpl<const Expr *> &out) {
  if (!g.isFusable(e)) {
    out.push_back(e);
    return;
  }
  for (const Expr *o : g.elementOperands(e))
    collectLeaves(g, o, out);
}
} // namespace

Value FunctionGen::emitMapTree(const Expr *e,
                               const std::map<const Expr *, Value> &leaves) {
  auto it = leaves.find(e);
  if (it != leaves.end())
    return it->second;
  Location l = loc(e->range);
  SmallVector<Value, 3> operands, arrays;
  for (const Expr *o : elementOperands(e)) {
    operands.push_back(emitMapTree(o, leaves));
    if (isArray(operands.back()))
      arrays.push_back(operands.back());
  }
  ScalarKind k = fn.typeOf(e).scalarKind();
  SmallVector<Value, 4> dims =
      broadcastShape(arrays, fn.typeOf(e).rank(), nullptr, line(e->range), l);
  Value out = allocArrayN(k, dims, l);
  emitMapOp(arrays, out, l, [&](ValueRange elems, Value) {
    SmallVector<Value, 3> xs;
    size_t next = 0;
    for (Value v : operands)
      xs.push_back(isArray(v) ? elems[next++] : v);
    return convert(elementOf(e, xs), k, l);
  });
  return out;
}

Value FunctionGen::materialize(const Expr *e) {
  // The leaves first, then one weft.map per elementwise node, which
  // weft-fuse-elementwise merges into one loop nest.
  SmallVector<const Expr *, 8> order;
  collectLeaves(*this, e, order);
  std::map<const Expr *, Value> leaves;
  for (const Expr *leaf : order)
    leaves[leaf] = emitExpr(leaf).v();
  if (!quietMaps_)
    note(line(e->range),
         "array expression: " + std::to_string(countFused(*this, e)) +
             " elementwise operations and " + std::to_string(leaves.size()) +
             " operands fused into one loop nest, no temporaries; " +
             parallelText());
  return emitMapTree(e, leaves);
}

void FunctionGen::storeInto(Value dest, const Expr *e,
                            std::optional<BinaryOp> op, int64_t ln,
                            Location l) {
  ScalarKind dk = kindOf(cast<MemRefType>(dest.getType()).getElementType());
  ScalarKind ek = fn.typeOf(e).scalarKind();
  note(ln, std::string(op ? "in-place update" : "slice assignment") + ": " +
               std::to_string(countFused(*this, e)) +
               " elementwise operations fused into one loop nest writing "
               "the target (a temporary only if an operand overlaps it); " +
               parallelText());
  Value value;
  if (isFusable(e)) {
    quietMaps_ = true;
    value = materialize(e);
    quietMaps_ = false;
  } else {
    value = emitExpr(e).v();
  }
  SmallVector<Value, 1> inputs;
  if (isArray(value)) {
    inputs.push_back(value);
    ArrayMeta dm = arrayMeta(dest, l);
    SmallVector<Value, 4> dims = broadcastShape(
        inputs, static_cast<int>(dm.sizes.size()), &dm.sizes, ln, l);
    dest = makeView(dest, dk, dm.offset, dims, dm.strides, l);
  }
  ScalarKind opKind = ek;
  if (op) {
    opKind = promote(dk, ek);
    if (*op == BinaryOp::Div && opKind != ScalarKind::F32)
      opKind = ScalarKind::F64;
  }
  emitMapOp(inputs, dest, l, [&](ValueRange elems, Value cur) {
    Value x = inputs.empty() ? value : elems[0];
    if (op)
      x = emitBinaryScalar(*op, convert(cur, opKind, l), convert(x, opKind, l),
                           opKind, false, l, ln);
    return convert(x, dk, l);
  });
}

namespace {
/// Nested scf.for loops over `dims` carrying `init`; `step` returns the
/// next accumulators from the indices and the current ones.
SmallVector<Value, 2> foldNest(
    OpBuilder &b, Location l, ValueRange dims, Value zero, Value one,
    ValueRange init,
    const std::function<SmallVector<Value, 2>(ValueRange, ValueRange)> &step) {
  SmallVector<Value, 4> ivs;
  std::function<SmallVector<Value, 2>(size_t, ValueRange)> rec =
      [&](size_t d, ValueRange acc) -> SmallVector<Value, 2> {
    if (d == dims.size())
      return step(ivs, acc);
    auto forOp = scf::ForOp::create(b, l, zero, dims[d], one, acc);
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(forOp.getBody());
    ivs.push_back(forOp.getInductionVar());
    SmallVector<Value, 2> next = rec(d + 1, forOp.getRegionIterArgs());
    ivs.pop_back();
    scf::YieldOp::create(b, l, next);
    return SmallVector<Value, 2>(forOp.getResults());
  };
  return rec(0, init);
}
} // namespace

Value FunctionGen::emitPairwiseSum(Value a, int64_t ln, Location l) {
  if (!fn.options.parallel) {
    note(ln, "reduction sum(): NumPy's pairwise order (runtime), serial");
    return weft::PairwiseSumOp::create(b, l, b.getF64Type(), a);
  }
  // NumPy sums buffers of 8192 elements pairwise and adds the buffer sums
  // in order: the buffers are summed in parallel, then added in order,
  // which gives NumPy's result bit for bit on any number of threads.
  note(ln, "reduction sum(): NumPy's pairwise order, 8192-element "
           "blocks in parallel, combined in order (bit-identical to "
           "NumPy)");
  ArrayMeta m = arrayMeta(a, l);
  Value n = m.sizes[0], block = index(8192, l);
  Value blocks = arith::CeilDivSIOp::create(b, l, n, block);
  size_t mark = temps_.size();
  SmallVector<Value, 1> blockDims{blocks};
  Value partial = allocArrayN(ScalarKind::F64, blockDims, l);
  blocks = blockDims[0];
  emitParallelNest(
      ValueRange{blocks}, l,
      [&](ValueRange c) {
        Value lo = arith::MulIOp::create(b, l, c[0], block);
        Value len = arith::MinSIOp::create(b, l, block,
                                           arith::SubIOp::create(b, l, n, lo));
        Value offset = arith::AddIOp::create(
            b, l, m.offset, arith::MulIOp::create(b, l, lo, m.strides[0]));
        Value view = makeView(a, ScalarKind::F64, offset, ValueRange{len},
                              ValueRange{m.strides[0]}, l);
        Value sumv = weft::PairwiseSumOp::create(b, l, b.getF64Type(), view);
        memref::StoreOp::create(b, l, sumv, partial, c[0]);
      },
      n);
  Value zero = index(0, l), one = index(1, l);
  Value total =
      foldNest(b, l, ValueRange{blocks}, zero, one,
               ValueRange{constant(ScalarKind::F64, 0, l)},
               [&](ValueRange c, ValueRange acc) {
                 Value p = memref::LoadOp::create(b, l, partial, c[0]);
                 return SmallVector<Value, 2>{
                     arith::AddFOp::create(b, l, acc[0], p).getResult()};
               })[0];
  releaseTemps(mark, l);
  return total;
}

Value FunctionGen::reduceSlice(const ReductionPlan &plan, ValueRange outer,
                               Location l) {
  Builtin builtin = plan.builtin;
  const ElemSource &s = plan.source;
  const std::optional<int64_t> &axis = plan.axis;
  ArrayRef<Value> redDims = plan.redDims;
  Value count = plan.count;
  ScalarKind rk = plan.resultKind, ek = s.kind;
  bool isFloatE = ek == ScalarKind::F32 || ek == ScalarKind::F64;
  int rank = static_cast<int>(s.dims.size());
  Value zeroIdx = index(0, l), oneIdx = index(1, l);
  // The element at reduction indices `red` combined with outer ones.
  auto elementAt = [&](ValueRange outer, ValueRange red) {
    SmallVector<Value, 4> ivs;
    size_t o = 0, r = 0;
    for (int d = 0; d < rank; ++d)
      ivs.push_back(axis ? (d == *axis ? red[r++] : outer[o++]) : red[r++]);
    return emitElement(s, s.root, ivs);
  };
  auto flatIndex = [&](ValueRange red) {
    Value f = index(0, l);
    for (size_t d = 0; d < red.size(); ++d)
      f = arith::AddIOp::create(
          b, l, arith::MulIOp::create(b, l, f, redDims[d]), red[d]);
    return f;
  };
  auto sumOf = [&](ScalarKind k, const std::function<Value(Value)> &f) {
    return foldNest(
        b, l, redDims, zeroIdx, oneIdx, ValueRange{constant(k, 0, l)},
        [&](ValueRange red, ValueRange acc) {
          Value x = f(convert(elementAt(outer, red), k, l));
          Value r = (k == ScalarKind::F32 || k == ScalarKind::F64)
                        ? arith::AddFOp::create(b, l, acc[0], x).getResult()
                        : arith::AddIOp::create(b, l, acc[0], x).getResult();
          return SmallVector<Value, 2>{r};
        })[0];
  };
  auto countF = [&](ScalarKind k) {
    return convert(arith::IndexCastOp::create(b, l, b.getI64Type(), count), k,
                   l);
  };
  if (builtin == Builtin::Sum)
    return sumOf(rk, [](Value x) { return x; });
  if (builtin == Builtin::Mean || builtin == Builtin::Var ||
      builtin == Builtin::Std) {
    Value mean = arith::DivFOp::create(
        b, l, sumOf(rk, [](Value x) { return x; }), countF(rk));
    if (builtin == Builtin::Mean)
      return mean;
    Value ss = sumOf(rk, [&](Value x) -> Value {
      Value d = arith::SubFOp::create(b, l, x, mean);
      return arith::MulFOp::create(b, l, d, d);
    });
    Value var = arith::DivFOp::create(b, l, ss, countF(rk));
    return builtin == Builtin::Var
               ? var
               : math::SqrtOp::create(b, l, var).getResult();
  }
  if (builtin == Builtin::Prod) {
    bool f = rk == ScalarKind::F32 || rk == ScalarKind::F64;
    return foldNest(
        b, l, redDims, zeroIdx, oneIdx, ValueRange{constant(rk, 1, l)},
        [&](ValueRange red, ValueRange acc) {
          Value x = convert(elementAt(outer, red), rk, l);
          Value r = f ? arith::MulFOp::create(b, l, acc[0], x).getResult()
                      : arith::MulIOp::create(b, l, acc[0], x).getResult();
          return SmallVector<Value, 2>{r};
        })[0];
  }
  if (builtin == Builtin::Any || builtin == Builtin::All) {
    bool isAll = builtin == Builtin::All;
    return foldNest(
        b, l, redDims, zeroIdx, oneIdx,
        ValueRange{constant(ScalarKind::Bool, isAll, l)},
        [&](ValueRange red, ValueRange acc) {
          Value x = truthy(elementAt(outer, red), l);
          Value r = isAll ? arith::AndIOp::create(b, l, acc[0], x).getResult()
                          : arith::OrIOp::create(b, l, acc[0], x).getResult();
          return SmallVector<Value, 2>{r};
        })[0];
  }
  // min, max, argmin, argmax: the first extreme wins; NaN propagates
  // (and is the extreme for argmin/argmax), as in NumPy.
  bool wantMin = builtin == Builtin::Min || builtin == Builtin::Argmin;
  // The first element starts the fold; an empty source (an error
  // raised above, or after a parallel loop) reads nothing.
  Value nonEmpty =
      arith::CmpIOp::create(b, l, arith::CmpIPredicate::sgt, count, zeroIdx);
  auto firstIf = scf::IfOp::create(
      b, l, TypeRange{toMLIR(weft::Type::scalar(ek))}, nonEmpty, true);
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(&firstIf.getThenRegion().front());
    SmallVector<Value, 4> firstIdx(redDims.size(), zeroIdx);
    scf::YieldOp::create(b, l, convert(elementAt(outer, firstIdx), ek, l));
    b.setInsertionPointToStart(&firstIf.getElseRegion().front());
    scf::YieldOp::create(b, l, constant(ek, 0, l));
  }
  Value first = firstIf.getResult(0);
  if ((builtin == Builtin::Min || builtin == Builtin::Max) &&
      ek != ScalarKind::Bool) {
    // NumPy's minimum/maximum fold (NaN propagates): a min/max
    // reduction that vectorizes.
    return convert(foldNest(b, l, redDims, zeroIdx, oneIdx, ValueRange{first},
                            [&](ValueRange red, ValueRange acc) {
                              Value x = convert(elementAt(outer, red), ek, l);
                              return SmallVector<Value, 2>{reduceMinMax(
                                  builtin == Builtin::Min, acc[0], x, ek, l)};
                            })[0],
                   rk, l);
  }
  SmallVector<Value, 2> res = foldNest(
      b, l, redDims, zeroIdx, oneIdx, ValueRange{first, zeroIdx},
      [&](ValueRange red, ValueRange acc) {
        Value x = elementAt(outer, red);
        Value better;
        if (isFloatE) {
          better = arith::CmpFOp::create(b, l,
                                         wantMin ? arith::CmpFPredicate::OLT
                                                 : arith::CmpFPredicate::OGT,
                                         x, acc[0]);
          Value xNan =
              arith::CmpFOp::create(b, l, arith::CmpFPredicate::UNO, x, x);
          Value accNan = arith::CmpFOp::create(b, l, arith::CmpFPredicate::UNO,
                                               acc[0], acc[0]);
          Value nanWins = arith::AndIOp::create(
              b, l, xNan,
              arith::XOrIOp::create(b, l, accNan,
                                    constant(ScalarKind::Bool, 1, l)));
          better = arith::OrIOp::create(b, l, better, nanWins);
        } else {
          // Bools compare unsigned (True is 1, not -1).
          bool u = ek == ScalarKind::Bool;
          better = arith::CmpIOp::create(
              b, l,
              wantMin
                  ? (u ? arith::CmpIPredicate::ult : arith::CmpIPredicate::slt)
                  : (u ? arith::CmpIPredicate::ugt : arith::CmpIPredicate::sgt),
              x, acc[0]);
        }
        Value v = arith::SelectOp::create(b, l, better, x, acc[0]);
        Value i = arith::SelectOp::create(b, l, better, flatIndex(red), acc[1]);
        return SmallVector<Value, 2>{v, i};
      });
  if (builtin == Builtin::Argmin || builtin == Builtin::Argmax)
    return arith::IndexCastOp::create(b, l, b.getI64Type(), res[1]);
  return convert(res[0], rk, l);
}

Val FunctionGen::emitReduction(Builtin builtin, const Expr *arg,
                               std::optional<int64_t> axis,
                               const weft::Type &resultType, int64_t ln,
                               Location l) {
  weft::Type at = fn.typeOf(arg);
  // A whole 1-D f64 array sums in NumPy's pairwise order, bit for bit (on
  // the CPU; the GPU sums it with a parallel reduction).
  if (builtin == Builtin::Sum && !axis && !onGPU() && !isFusable(arg) &&
      at.rank() == 1 && at.scalarKind() == ScalarKind::F64)
    return Val(emitPairwiseSum(emitExpr(arg).v(), ln, l));
  ElemSource s = makeSource(arg, nullptr, ln);
  int rank = static_cast<int>(s.dims.size());
  {
    std::string how =
        axis ? "along axis " + std::to_string(*axis) +
                   ", the output elements in parallel"
        : (gpuFlatReduction(builtin) && fn.options.parallel)
            ? "a GPU parallel reduction (blocks, then the block values)"
        : (builtin != Builtin::Argmin && builtin != Builtin::Argmax &&
           fn.options.parallel)
            ? "by chunks in parallel, combined in order (same result for "
              "any thread count)"
            : "serially";
    note(ln, "reduction " + std::string(builtinName(builtin)) +
                 "(): fused with " + std::to_string(countFused(*this, arg)) +
                 " elementwise operations of its argument, no temporary; " +
                 how);
  }
  ScalarKind rk = resultType.scalarKind();
  if (axis && *axis < 0)
    *axis += rank;
  if (resultType.isScalar())
    axis.reset();
  SmallVector<Value, 4> outDims, redDims;
  for (int d = 0; d < rank; ++d)
    (axis && d == *axis ? redDims : outDims).push_back(s.dims[d]);
  if (!axis)
    redDims = s.dims;
  Value count = productOf(redDims, l);
  if (builtin == Builtin::Min || builtin == Builtin::Max ||
      builtin == Builtin::Argmin || builtin == Builtin::Argmax) {
    Value empty = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, count,
                                        index(0, l));
    emitCheck(empty,
              "ValueError: " + std::string(builtinName(builtin)) +
                  "() of an empty array has no value (zero-size reduction)",
              ln, l);
  }
  ReductionPlan plan{builtin, s, axis, redDims, count, rk};
  bool chunkable = builtin != Builtin::Argmin && builtin != Builtin::Argmax;
  if (!axis && chunkable && fn.options.parallel && rank >= 1)
    return Val(emitChunkedReduction(builtin, s, rk, count, l));
  if (!axis)
    return Val(reduceSlice(plan, {}, l));
  Value out = allocArrayN(rk, outDims, l);
  emitParallelNest(outDims, l, [&](ValueRange ivs) {
    memref::StoreOp::create(b, l, convert(reduceSlice(plan, ivs, l), rk, l),
                            out, ivs);
  });
  return Val(out);
}

bool FunctionGen::gpuFlatReduction(Builtin builtin) const {
  // + and * combine the same on the GPU as MLIRGen writes them; min/max
  // keep NaN-propagating chunks on the host.
  return onGPU() && (builtin == Builtin::Sum || builtin == Builtin::Prod ||
                     builtin == Builtin::Mean || builtin == Builtin::Var ||
                     builtin == Builtin::Std);
}

Value FunctionGen::emitChunkedReduction(Builtin builtin, const ElemSource &s,
                                        ScalarKind rk, Value count,
                                        Location l) {
  // Partial results per chunk (a row of a 2-D+ source, or 4096 elements of
  // a 1-D one) are computed in parallel and combined in chunk order, so
  // the result is the same for any number of threads.
  int rank = static_cast<int>(s.dims.size());
  Value zero = index(0, l), one = index(1, l);
  Value chunk = index(4096, l);
  Value nChunks =
      rank == 1 ? arith::CeilDivSIOp::create(b, l, s.dims[0], chunk).getResult()
                : s.dims[0];
  bool isF = rk == ScalarKind::F32 || rk == ScalarKind::F64;
  bool wantMin = builtin == Builtin::Min,
       isMinMax = builtin == Builtin::Min || builtin == Builtin::Max;
  auto add = [&](Value x, Value y) -> Value {
    return isF ? arith::AddFOp::create(b, l, x, y).getResult()
               : arith::AddIOp::create(b, l, x, y).getResult();
  };
  // Folds f(element) over one chunk with `op`, from `init` (or from the
  // chunk's first element for min/max).
  using Combine = std::function<Value(Value, Value)>;
  auto foldChunk = [&](Value c, const std::function<Value(Value)> &f,
                       const Combine &op, Value init) -> Value {
    SmallVector<Value, 4> dims;
    Value lo;
    if (rank == 1) {
      lo = arith::MulIOp::create(b, l, c, chunk);
      Value hi = arith::MinSIOp::create(
          b, l, arith::AddIOp::create(b, l, lo, chunk), s.dims[0]);
      dims.push_back(arith::SubIOp::create(b, l, hi, lo));
    } else {
      dims.assign(s.dims.begin() + 1, s.dims.end());
    }
    auto ivsOf = [&](ValueRange inner) {
      SmallVector<Value, 4> ivs;
      if (rank == 1) {
        ivs.push_back(arith::AddIOp::create(b, l, lo, inner[0]));
      } else {
        ivs.push_back(c);
        ivs.append(inner.begin(), inner.end());
      }
      return ivs;
    };
    if (!init) {
      SmallVector<Value, 4> first(dims.size(), zero);
      init = f(emitElement(s, s.root, ivsOf(first)));
    }
    return foldNest(b, l, dims, zero, one, ValueRange{init},
                    [&](ValueRange inner, ValueRange acc) {
                      Value x = f(emitElement(s, s.root, ivsOf(inner)));
                      return SmallVector<Value, 2>{op(acc[0], x)};
                    })[0];
  };
  // On the GPU: one parallel loop over all elements with an scf.reduce,
  // which weft-gpu-map-loops turns into a block-level then a global
  // reduction (small arrays: a serial loop on the host).
  auto reduceFlat = [&](const std::function<Value(Value)> &f, const Combine &op,
                        Value identity, ScalarKind k) -> Value {
    auto elementAtFlat = [&](Value i) {
      SmallVector<Value, 4> ivs(rank);
      for (int d = rank - 1; d > 0; --d) {
        ivs[d] = arith::RemUIOp::create(b, l, i, s.dims[d]);
        i = arith::DivUIOp::create(b, l, i, s.dims[d]);
      }
      ivs[0] = i;
      return f(emitElement(s, s.root, ivs));
    };
    Value big = arith::CmpIOp::create(b, l, arith::CmpIPredicate::sge, count,
                                      index(kParallelThreshold, l));
    auto ifOp =
        scf::IfOp::create(b, l, TypeRange{identity.getType()}, big, true);
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(&ifOp.getThenRegion().front());
    auto par =
        scf::ParallelOp::create(b, l, ValueRange{zero}, ValueRange{count},
                                ValueRange{one}, ValueRange{identity});
    {
      OpBuilder::InsertionGuard inner(b);
      b.setInsertionPointToStart(par.getBody());
      Value x = elementAtFlat(par.getInductionVars()[0]);
      auto reduce = scf::ReduceOp::create(b, l, ValueRange{x});
      mlir::Block &blk = reduce.getReductions()[0].front();
      b.setInsertionPointToStart(&blk);
      scf::ReduceReturnOp::create(b, l,
                                  op(blk.getArgument(0), blk.getArgument(1)));
    }
    scf::YieldOp::create(b, l, par.getResult(0));
    b.setInsertionPointToStart(&ifOp.getElseRegion().front());
    Value serial = foldNest(
        b, l, ValueRange{count}, zero, one, ValueRange{identity},
        [&](ValueRange i, ValueRange acc) {
          return SmallVector<Value, 2>{op(acc[0], elementAtFlat(i[0]))};
        })[0];
    scf::YieldOp::create(b, l, serial);
    return ifOp.getResult(0);
  };
  bool flat = gpuFlatReduction(builtin);
  auto reduceChunks = [&](const std::function<Value(Value)> &f,
                          const Combine &op, Value identity,
                          ScalarKind k) -> Value {
    if (flat && identity)
      return reduceFlat(f, op, identity, k);
    size_t mark = temps_.size();
    SmallVector<Value, 1> chunkDims{nChunks};
    Value partial = allocArrayN(k, chunkDims, l);
    emitParallelNest(
        chunkDims, l,
        [&](ValueRange c) {
          memref::StoreOp::create(b, l, foldChunk(c[0], f, op, identity),
                                  partial, c[0]);
        },
        count);
    Value start = identity
                      ? identity
                      : memref::LoadOp::create(b, l, partial, zero).getResult();
    Value r = foldNest(b, l, chunkDims, zero, one, ValueRange{start},
                       [&](ValueRange c, ValueRange acc) {
                         Value p = memref::LoadOp::create(b, l, partial, c[0]);
                         return SmallVector<Value, 2>{op(acc[0], p)};
                       })[0];
    releaseTemps(mark, l);
    return r;
  };
  auto as = [&](ScalarKind k) {
    return [this, k, l](Value x) { return convert(x, k, l); };
  };
  auto countF = [&]() {
    return convert(arith::IndexCastOp::create(b, l, b.getI64Type(), count), rk,
                   l);
  };
  if (builtin == Builtin::Sum)
    return reduceChunks(as(rk), add, constant(rk, 0, l), rk);
  if (builtin == Builtin::Prod)
    return reduceChunks(
        as(rk),
        [&](Value x, Value y) -> Value {
          return isF ? arith::MulFOp::create(b, l, x, y).getResult()
                     : arith::MulIOp::create(b, l, x, y).getResult();
        },
        constant(rk, 1, l), rk);
  if (builtin == Builtin::Any || builtin == Builtin::All) {
    bool isAll = builtin == Builtin::All;
    return reduceChunks(
        [&](Value x) { return truthy(x, l); },
        [&](Value x, Value y) -> Value {
          return isAll ? arith::AndIOp::create(b, l, x, y).getResult()
                       : arith::OrIOp::create(b, l, x, y).getResult();
        },
        constant(ScalarKind::Bool, isAll, l), ScalarKind::Bool);
  }
  if (isMinMax) {
    ScalarKind ek = s.kind;
    return convert(reduceChunks([](Value x) { return x; },
                                [&, ek](Value acc, Value x) {
                                  return reduceMinMax(wantMin, acc, x, ek, l);
                                },
                                Value(), ek),
                   rk, l);
  }
  // mean, var, std: sums of the elements and of squared deviations.
  Value mean = arith::DivFOp::create(
      b, l, reduceChunks(as(rk), add, constant(rk, 0, l), rk), countF());
  if (builtin == Builtin::Mean)
    return mean;
  Value ss = reduceChunks(
      [&](Value x) -> Value {
        Value d = arith::SubFOp::create(b, l, convert(x, rk, l), mean);
        return arith::MulFOp::create(b, l, d, d);
      },
      add, constant(rk, 0, l), rk);
  Value var = arith::DivFOp::create(b, l, ss, countF());
  return builtin == Builtin::Var ? var
                                 : math::SqrtOp::create(b, l, var).getResult();
}

} // namespace weft
