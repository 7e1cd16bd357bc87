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
#include "compiler/Conversion/ArrayNest.h"
#include "compiler/MLIRGen/MLIRGenImpl.h"

using namespace mlir;

namespace weft {

namespace {
bool isElementwiseBuiltin(std::optional<Builtin> b) {
  return b &&
         (isUnaryMath(*b) || isFloatTest(*b) || isBinaryFloatMath(*b) ||
          isComplexPart(*b) ||
          builtinIn(b, {Builtin::Abs, Builtin::Sign, Builtin::Pow,
                        Builtin::Minimum, Builtin::Maximum, Builtin::Where,
                        Builtin::Clip, Builtin::Copy, Builtin::Astype,
                        Builtin::LogicalAnd, Builtin::LogicalOr,
                        Builtin::LogicalXor, Builtin::LogicalNot,
                        Builtin::Around, Builtin::Round, Builtin::Isclose}));
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
  if (auto *bin = e->dyn<BinaryExpr>()) // list * int, list + list: copies
    return bin->op != BinaryOp::MatMul && !fn.typeOf(e).isList();
  if (e->dyn<UnaryExpr>())
    return true;
  if (auto *c = e->dyn<CompareExpr>())
    return c->operands.size() == 2;
  if (auto *c = e->dyn<CallExpr>()) {
    // (np.array(a.shape) makes an array of a tuple's numbers)
    if (!c->args.empty() && fn.typeOf(c->args[0].get()).isTuple())
      return false;
    return fn.vectorizedCalls.count(c) || isElementwiseBuiltin(fn.builtinOf(c));
  }
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

Value FunctionGen::elementOf(const Expr *e, SmallVectorImpl<Value> &xs) {
  ScalarKind k = fn.typeOf(e).scalarKind();
  // A storage kind (u8, ...): computed as i64, wrapped to k on the way out.
  if (isStorageKind(k))
    return convert(elementIn(e, xs, ScalarKind::I64), k, loc(e->range));
  return elementIn(e, xs, k);
}

Value FunctionGen::elementIn(const Expr *e, SmallVectorImpl<Value> &xs,
                             ScalarKind k) {
  Location l = loc(e->range);
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
      return negate(x, k, l);
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
  if (builtin == Builtin::Abs && isComplexKind(kindOf(xs[0].getType())))
    return convert(complex::AbsOp::create(b, l, xs[0]), k, l);
  if (isComplexPart(builtin))
    return emitComplexPart(builtin, xs[0], k, l);
  if (isFloatTest(builtin)) {
    ScalarKind xk = kindOf(xs[0].getType());
    if (xk != ScalarKind::F32 && xk != ScalarKind::F64) // a finite integer
      return constant(ScalarKind::Bool, builtin == Builtin::Isfinite, l);
    return emitMath(builtin, {xs[0]}, xk, l);
  }
  if (builtin == Builtin::Isclose) {
    // In floats (NumPy's), equal_nan a bool.
    ScalarKind fk = promote(kindOf(xs[0].getType()), kindOf(xs[1].getType()));
    fk = fk == ScalarKind::F32 ? ScalarKind::F32 : ScalarKind::F64;
    for (size_t i = 0; i < 4; ++i)
      xs[i] = convert(xs[i], fk, l);
    xs[4] = convert(xs[4], ScalarKind::Bool, l);
    return emitMath(builtin, xs, fk, l);
  }
  if (builtin == Builtin::Around || builtin == Builtin::Round) {
    ScalarKind xk = kindOf(xs[0].getType());
    if (xk != ScalarKind::F32 && xk != ScalarKind::F64)
      return convert(xs[0], k, l); // integers are whole already
    // Python's round(x) of a float: the rounded float as an int.
    for (Value &x : xs)
      x = convert(x, xk, l);
    return convert(emitMath(builtin, xs, xk, l), k, l);
  }
  if (builtin == Builtin::Pow && isComplexKind(k))
    // np.power of complex numbers as `**`: an integer exponent stays one
    // (powi, NumPy's exact products).
    return emitBinaryScalar(BinaryOp::Pow, convert(xs[0], k, l), xs[1], k,
                            false, l, 0);
  for (size_t i = 0; i < xs.size(); ++i)
    xs[i] = convert(
        xs[i], builtin == Builtin::Where && i == 0 ? ScalarKind::Bool : k, l);
  return emitMath(builtin, xs, k, l);
}

Value FunctionGen::emitComplexPart(Builtin builtin, Value x, ScalarKind k,
                                   Location l) {
  bool isComplex = isComplexKind(kindOf(x.getType()));
  if (builtin == Builtin::Real || builtin == Builtin::Imag)
    return convert(emitRealImag(x, builtin == Builtin::Real, l), k, l);
  if (builtin == Builtin::Angle) { // atan2(imag, real), C's rules
    // (in the parts' float kind: a complex64's angle is a float32)
    ScalarKind part = kindOf(x.getType()) == ScalarKind::C64 ? ScalarKind::F32
                                                             : ScalarKind::F64;
    Value re = convert(emitRealImag(x, true, l), part, l);
    Value im = convert(emitRealImag(x, false, l), part, l);
    return convert(weft::Atan2Op::create(b, l, im, re), k, l);
  }
  if (isComplex) // conj, conjugate
    return complex::ConjOp::create(b, l, x);
  return convert(x, k, l);
}

Value FunctionGen::negate(Value x, ScalarKind k, Location l) {
  if (k == ScalarKind::F32 || k == ScalarKind::F64)
    return arith::NegFOp::create(b, l, x);
  if (isComplexKind(k))
    return complex::CreateOp::create(
        b, l, x.getType(),
        arith::NegFOp::create(b, l, complex::ReOp::create(b, l, x)),
        arith::NegFOp::create(b, l, complex::ImOp::create(b, l, x)));
  if (k == ScalarKind::U64) // (wraps, as NumPy's)
    return emitBinaryScalar(BinaryOp::Sub, constant(k, 0, l), x, k, false, l,
                            0);
  return arith::SubIOp::create(b, l, constant(k, 0, l), x);
}

Value FunctionGen::emitComplexMath(Builtin builtin, Value z, Location l) {
  Value x = complex::ReOp::create(b, l, z);
  Value y = complex::ImOp::create(b, l, z);
  auto make = [&](Value re, Value im) -> Value {
    return complex::CreateOp::create(b, l, z.getType(), re, im);
  };
  if (builtin == Builtin::Sin) // sin x cosh y + i cos x sinh y
    return make(arith::MulFOp::create(b, l, math::SinOp::create(b, l, x),
                                      math::CoshOp::create(b, l, y)),
                arith::MulFOp::create(b, l, math::CosOp::create(b, l, x),
                                      math::SinhOp::create(b, l, y)));
  if (builtin == Builtin::Cos) // cos x cosh y - i sin x sinh y
    return make(arith::MulFOp::create(b, l, math::CosOp::create(b, l, x),
                                      math::CoshOp::create(b, l, y)),
                arith::NegFOp::create(
                    b, l,
                    arith::MulFOp::create(b, l, math::SinOp::create(b, l, x),
                                          math::SinhOp::create(b, l, y))));
  // sqrt: t = sqrt((|x| + |z|) / 2); x >= 0: (t, y / 2t), else
  // (|y| / 2t, copysign(t, y)); sqrt(+-0 + yi) with y = +-0 is (0, y).
  ScalarKind part = complexPartKind(kindOf(z.getType()));
  Value zero = constant(part, 0.0, l);
  Value half = constant(part, 0.5, l);
  Value two = constant(part, 2.0, l);
  Value ax = math::AbsFOp::create(b, l, x);
  Value ay = math::AbsFOp::create(b, l, y);
  Value r = complex::AbsOp::create(b, l, z);
  Value t = math::SqrtOp::create(
      b, l,
      arith::MulFOp::create(b, l, arith::AddFOp::create(b, l, ax, r), half));
  Value twoT = arith::MulFOp::create(b, l, two, t);
  Value positive =
      arith::CmpFOp::create(b, l, arith::CmpFPredicate::OGE, x, zero);
  Value re = arith::SelectOp::create(b, l, positive, t,
                                     arith::DivFOp::create(b, l, ay, twoT));
  Value im = arith::SelectOp::create(b, l, positive,
                                     arith::DivFOp::create(b, l, y, twoT),
                                     math::CopySignOp::create(b, l, t, y));
  Value isZero =
      arith::CmpFOp::create(b, l, arith::CmpFPredicate::OEQ, t, zero);
  return make(arith::SelectOp::create(b, l, isZero, zero, re),
              arith::SelectOp::create(b, l, isZero, y, im));
}

Value FunctionGen::emitMath(Builtin builtin, ArrayRef<Value> xs, ScalarKind k,
                            Location l) {
  bool isFloat = k == ScalarKind::F32 || k == ScalarKind::F64;
  Value x = xs[0];
  if (isComplexKind(k) && isComplexMath(builtin)) {
    // sqrt, sin and cos as C99's csqrt, csin and ccos compute them (what
    // NumPy and cmath give, to the bit: sqrt(-4+0j) is 2j, cos(3+0j) has
    // -0j); the others are the complex dialect's, lowered by
    // convert-complex-to-standard.
    if (builtin == Builtin::Sqrt || builtin == Builtin::Sin ||
        builtin == Builtin::Cos)
      return emitComplexMath(builtin, x, l);
    if (builtin == Builtin::Exp)
      return complex::ExpOp::create(b, l, x);
    if (builtin == Builtin::Log)
      return complex::LogOp::create(b, l, x);
    if (builtin == Builtin::Tan)
      return complex::TanOp::create(b, l, x);
    if (builtin == Builtin::Sinh || builtin == Builtin::Cosh) {
      // cosh(x+iy) = cosh x cos y + i sinh x sin y, sinh(x+iy) = sinh x
      // cos y + i cosh x sin y (C99's ccosh and csinh for finite z).
      Value re = complex::ReOp::create(b, l, x);
      Value im = complex::ImOp::create(b, l, x);
      Value ch = math::CoshOp::create(b, l, re);
      Value sh = math::SinhOp::create(b, l, re);
      Value c = math::CosOp::create(b, l, im);
      Value s = math::SinOp::create(b, l, im);
      bool cosh = builtin == Builtin::Cosh;
      return complex::CreateOp::create(
          b, l, x.getType(), arith::MulFOp::create(b, l, cosh ? ch : sh, c),
          arith::MulFOp::create(b, l, cosh ? sh : ch, s));
    }
    return complex::TanhOp::create(b, l, x);
  }
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
  if (builtin == Builtin::Erf)
    return math::ErfOp::create(b, l, x);
  if (builtin == Builtin::Erfc)
    return math::ErfcOp::create(b, l, x);
  // (libm's expm1: MathToLLVM writes math.expm1 as exp(x) - 1, which
  // loses the digits of a small x)
  if (builtin == Builtin::Expm1)
    return weft::LibmOp::create(b, l, x.getType(), "expm1", ValueRange{x});
  if (builtin == Builtin::Log1p)
    return math::Log1pOp::create(b, l, x);
  if (builtin == Builtin::Exp2)
    return math::Exp2Op::create(b, l, x);
  if (builtin == Builtin::Cbrt)
    return math::CbrtOp::create(b, l, x);
  if (builtin == Builtin::Asinh)
    return math::AsinhOp::create(b, l, x);
  if (builtin == Builtin::Acosh)
    return math::AcoshOp::create(b, l, x);
  if (builtin == Builtin::Atanh)
    return math::AtanhOp::create(b, l, x);
  if (builtin == Builtin::Gamma)
    return weft::LibmOp::create(b, l, x.getType(), "tgamma", ValueRange{x});
  if (builtin == Builtin::Lgamma)
    return weft::LibmOp::create(b, l, x.getType(), "lgamma", ValueRange{x});
  // Python's and NumPy's factors, rounded once: x * (180 / pi).
  if (builtin == Builtin::Degrees || builtin == Builtin::Rad2deg)
    return arith::MulFOp::create(b, l, x, constant(k, 180.0 / M_PI, l));
  if (builtin == Builtin::Radians || builtin == Builtin::Deg2rad)
    return arith::MulFOp::create(b, l, x, constant(k, M_PI / 180.0, l));
  if (builtin == Builtin::Fabs) // math.fabs: |x| as a float
    return math::AbsFOp::create(b, l, x);
  if (builtin == Builtin::Floor)
    return isFloat ? math::FloorOp::create(b, l, x).getResult() : x;
  if (builtin == Builtin::Ceil)
    return isFloat ? math::CeilOp::create(b, l, x).getResult() : x;
  if (builtin == Builtin::Trunc)
    return isFloat ? math::TruncOp::create(b, l, x).getResult() : x;
  if (builtin == Builtin::Abs && k == ScalarKind::U64)
    return x;
  if (builtin == Builtin::Abs)
    return isFloat ? math::AbsFOp::create(b, l, x).getResult()
                   : math::AbsIOp::create(b, l, x).getResult();
  if (builtin == Builtin::Sign) {
    // NumPy's: 1, -1, 0 (also for -0.0), and NaN for NaN.
    Value zero = constant(k, 0, l);
    Value pos =
        isFloat
            ? arith::CmpFOp::create(b, l, arith::CmpFPredicate::OGT, x, zero)
                  .getResult()
            : arith::CmpIOp::create(b, l, arith::CmpIPredicate::sgt, x, zero)
                  .getResult();
    Value neg =
        isFloat
            ? arith::CmpFOp::create(b, l, arith::CmpFPredicate::OLT, x, zero)
                  .getResult()
            : arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, x, zero)
                  .getResult();
    Value rest = zero;
    if (isFloat) // NaN stays NaN
      rest = arith::SelectOp::create(
          b, l, arith::CmpFOp::create(b, l, arith::CmpFPredicate::UNO, x, x), x,
          zero);
    return arith::SelectOp::create(
        b, l, pos, constant(k, 1, l),
        arith::SelectOp::create(b, l, neg, constant(k, -1, l), rest));
  }
  if (builtin == Builtin::Isnan)
    return arith::CmpFOp::create(b, l, arith::CmpFPredicate::UNO, x, x);
  if (builtin == Builtin::Isinf)
    return arith::CmpFOp::create(
        b, l, arith::CmpFPredicate::OEQ, math::AbsFOp::create(b, l, x),
        constant(k, std::numeric_limits<double>::infinity(), l));
  if (builtin == Builtin::Isfinite) // neither NaN nor +-inf
    return arith::CmpFOp::create(
        b, l, arith::CmpFPredicate::ONE, math::AbsFOp::create(b, l, x),
        constant(k, std::numeric_limits<double>::infinity(), l));
  if (builtin == Builtin::Atan2)
    return weft::Atan2Op::create(b, l, x, xs[1]);
  if (builtin == Builtin::Hypot)
    return weft::LibmOp::create(b, l, x.getType(), "hypot",
                                ValueRange{x, xs[1]});
  if (builtin == Builtin::Nextafter) // (C's nextafter, NumPy's)
    return weft::LibmOp::create(b, l, x.getType(), "nextafter",
                                ValueRange{x, xs[1]});
  if (builtin == Builtin::Copysign)
    return math::CopySignOp::create(b, l, x, xs[1]);
  if (builtin == Builtin::Fmod) // C's fmod: the sign of x
    return arith::RemFOp::create(b, l, x, xs[1]);
  if (builtin == Builtin::Pow && isComplexKind(k)) // (as z ** w)
    return emitBinaryScalar(BinaryOp::Pow, x, xs[1], k, false, l, 0);
  if (builtin == Builtin::Pow)
    return isFloat ? math::PowFOp::create(b, l, x, xs[1]).getResult()
                   : math::IPowIOp::create(b, l, x, xs[1]).getResult();
  if (builtin == Builtin::Minimum || builtin == Builtin::Maximum) {
    bool mn = builtin == Builtin::Minimum;
    if (isFloat)
      return mn ? weft::MinimumOp::create(b, l, x, xs[1]).getResult()
                : weft::MaximumOp::create(b, l, x, xs[1]).getResult();
    if (k == ScalarKind::Bool)
      return mn ? arith::AndIOp::create(b, l, x, xs[1]).getResult()
                : arith::OrIOp::create(b, l, x, xs[1]).getResult();
    if (k == ScalarKind::U64) { // (on the bits, unsigned)
      Value p = convert(x, ScalarKind::I64, l);
      Value q = convert(xs[1], ScalarKind::I64, l);
      Value r = mn ? arith::MinUIOp::create(b, l, p, q).getResult()
                   : arith::MaxUIOp::create(b, l, p, q).getResult();
      return convert(r, ScalarKind::U64, l);
    }
    return mn ? arith::MinSIOp::create(b, l, x, xs[1]).getResult()
              : arith::MaxSIOp::create(b, l, x, xs[1]).getResult();
  }
  if (builtin == Builtin::Where)
    return arith::SelectOp::create(b, l, x, xs[1], xs[2]);
  if (builtin == Builtin::Around || builtin == Builtin::Round)
    return weft::RoundOp::create(b, l, x,
                                 xs.size() > 1 ? xs[1] : constant(k, 0, l));
  if (builtin == Builtin::Isclose)
    return weft::IscloseOp::create(b, l, x, xs[1], xs[2], xs[3], xs[4]);
  // logical_*: the operands are bools here (nonzero is true).
  if (builtin == Builtin::LogicalAnd)
    return arith::AndIOp::create(b, l, x, xs[1]);
  if (builtin == Builtin::LogicalOr)
    return arith::OrIOp::create(b, l, x, xs[1]);
  if (builtin == Builtin::LogicalXor)
    return arith::XOrIOp::create(b, l, x, xs[1]);
  if (builtin == Builtin::LogicalNot)
    return arith::XOrIOp::create(b, l, x, constant(ScalarKind::Bool, 1, l));
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
  SmallVector<mlir::Type, 4> types(rank, b.getIndexType());
  auto op = weft::BroadcastShapeOp::create(
      b, l, types, arrays, target ? ValueRange(*target) : ValueRange(), ln);
  return SmallVector<Value, 4>(op.getSizes().begin(), op.getSizes().end());
}

void FunctionGen::emitMapOp(
    ArrayRef<Value> inputs, Value out, Location l,
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

Value FunctionGen::materialize(const Expr *e, bool report) {
  // The leaves first, then one weft.map per elementwise node, which
  // weft-fuse-elementwise merges into one loop nest.
  SmallVector<const Expr *, 8> order;
  collectLeaves(*this, e, order);
  std::map<const Expr *, Value> leaves;
  for (const Expr *leaf : order)
    leaves[leaf] = emitExpr(leaf).v();
  if (report)
    note(line(e->range),
         "array expression: " + std::to_string(countFused(*this, e)) +
             " elementwise operations and " + std::to_string(leaves.size()) +
             " operands fused into one loop nest, no temporaries; " +
             parallelText());
  return emitMapTree(e, leaves);
}

void FunctionGen::storeInto(Value dest, const Expr *e,
                            std::optional<BinaryOp> op, int64_t ln, Location l,
                            Value mask) {
  ScalarKind dk = kindOf(cast<MemRefType>(dest.getType()).getElementType());
  ScalarKind ek = fn.typeOf(e).scalarKind();
  note(ln, std::string(op ? "in-place update" : "slice assignment") + ": " +
               std::to_string(countFused(*this, e)) +
               " elementwise operations fused into one loop nest writing "
               "the target (a temporary only if an operand overlaps it); " +
               parallelText());
  Value value =
      isFusable(e) ? materialize(e, /*report=*/false) : emitExpr(e).v();
  SmallVector<Value, 2> inputs;
  if (mask)
    inputs.push_back(mask);
  if (isArray(value)) {
    ArrayMeta dm = arrayMeta(dest, l);
    int64_t vr = cast<MemRefType>(value.getType()).getRank();
    size_t extra =
        vr > static_cast<int64_t>(dm.sizes.size()) ? vr - dm.sizes.size() : 0;
    if (extra > 0) {
      // A value of more axes: its extra leading axes must be 1 (NumPy's
      // broadcasting), and are dropped.
      ArrayMeta vm = arrayMeta(value, l);
      Value wrong = constant(ScalarKind::Bool, 0, l);
      for (size_t d = 0; d < extra; ++d)
        wrong = arith::OrIOp::create(
            b, l, wrong,
            arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne, vm.sizes[d],
                                  index(1, l)));
      emitCheck(wrong,
                "ValueError: could not broadcast input array into a view of "
                "fewer dimensions (its extra leading dimensions are not 1)",
                ln, l);
      value = makeView(
          value, kindOf(cast<MemRefType>(value.getType()).getElementType()),
          vm.offset, ArrayRef<Value>(vm.sizes).drop_front(extra),
          ArrayRef<Value>(vm.strides).drop_front(extra), l);
    }
    inputs.push_back(value);
    SmallVector<Value, 4> dims = broadcastShape(
        inputs, static_cast<int>(dm.sizes.size()), &dm.sizes, ln, l);
    dest = makeView(dest, dk, dm.offset, dims, dm.strides, l);
  }
  ScalarKind opKind = ek;
  if (op) {
    opKind = promote(dk, ek);
    if (*op == BinaryOp::Div)
      opKind = divisionKind(opKind);
  }
  emitMapOp(inputs, dest, l, [&](ValueRange elems, Value cur) {
    Value x = isArray(value) ? elems.back() : value;
    if (op)
      x = emitBinaryScalar(*op, convert(cur, opKind, l), convert(x, opKind, l),
                           opKind, false, l, ln);
    x = convert(x, dk, l);
    if (mask)
      x = arith::SelectOp::create(b, l, elems[0], x, cur);
    return x;
  });
}

namespace {
weft::ReductionKind reductionKind(Builtin builtin) {
  switch (builtin) {
  case Builtin::Prod:
    return weft::ReductionKind::prod;
  case Builtin::Min:
    return weft::ReductionKind::min;
  case Builtin::Max:
    return weft::ReductionKind::max;
  case Builtin::Argmin:
    return weft::ReductionKind::argmin;
  case Builtin::Argmax:
    return weft::ReductionKind::argmax;
  case Builtin::Any:
    return weft::ReductionKind::any;
  case Builtin::All:
    return weft::ReductionKind::all;
  case Builtin::Mean:
    return weft::ReductionKind::mean;
  case Builtin::Var:
    return weft::ReductionKind::var;
  case Builtin::Std:
    return weft::ReductionKind::std;
  default:
    return weft::ReductionKind::sum;
  }
}
} // namespace

Value FunctionGen::emitComplexReduction(Builtin builtin, Value v,
                                        ValueRange dims,
                                        std::optional<int64_t> axis,
                                        SmallVectorImpl<Value> &outDims,
                                        bool parallel, Location l) {
  // The real parts and the imaginary parts, each as a float reduction
  // (along `axis`: into a float array each) in the parts' kind.
  ScalarKind ck = kindOf(cast<MemRefType>(v.getType()).getElementType());
  ScalarKind pk = complexPartKind(ck);
  Value parts[2];
  for (int p = 0; p < 2; ++p) {
    Value out = axis ? allocArrayN(pk, outDims, l) : Value();
    auto op = weft::ReduceOp::create(
        b, l, axis ? TypeRange{} : TypeRange{toMLIR(weft::Type::scalar(pk))},
        reductionKind(builtin),
        axis ? b.getI64IntegerAttr(*axis) : IntegerAttr(), ValueRange{v}, dims,
        out, !parallel);
    OpBuilder::InsertionGuard g(b);
    mlir::Block *body =
        b.createBlock(&op.getBody(), {},
                      {cast<MemRefType>(v.getType()).getElementType()}, {l});
    weft::YieldOp::create(b, l, emitRealImag(body->getArgument(0), p == 0, l));
    parts[p] = axis ? out : op->getResult(0);
  }
  mlir::Type c = toMLIR(weft::Type::scalar(ck));
  if (!axis)
    return complex::CreateOp::create(b, l, c, parts[0], parts[1]);
  Value result = allocArrayN(ck, outDims, l);
  emitMapOp({parts[0], parts[1]}, result, l, [&](ValueRange xs, Value) {
    return complex::CreateOp::create(b, l, c, xs[0], xs[1]).getResult();
  });
  return result;
}

Val FunctionGen::emitReduction(Builtin builtin, const Expr *arg,
                               std::optional<int64_t> axis,
                               const weft::Type &resultType, int64_t ln,
                               Location l) {
  weft::Type at = fn.typeOf(arg);
  ScalarKind rk = resultType.scalarKind(), ek = at.scalarKind();
  int rank = at.rank();
  if (axis && *axis < 0)
    *axis += rank;
  if (resultType.isScalar())
    axis.reset();
  // Inside a prange body: on the iteration's thread.
  bool parallel = fn.options.parallel && parallelDepth == 0;
  // How it runs is reported by weft-lower-reductions.
  if (isFusable(arg))
    note(ln, "reduction " + std::string(builtinName(builtin)) +
                 "(): fused with " + std::to_string(countFused(*this, arg)) +
                 " elementwise operations of its argument, no temporary");
  Value v =
      isFusable(arg) ? materialize(arg, /*report=*/false) : emitExpr(arg).v();
  SmallVector<Value, 4> dims, outDims, redDims;
  for (int d = 0; d < rank; ++d) {
    dims.push_back(memref::DimOp::create(b, l, v, d));
    (axis && d == *axis ? redDims : outDims).push_back(dims.back());
  }
  if (!axis)
    redDims = dims;
  if (isComplexKind(ek) && builtin == Builtin::Prod) {
    // A whole array's product (Sema): one complex multiply per element,
    // in order, as NumPy's.
    Value one = constant(ek, 1, l);
    return Val(foldElements(v, one, l, [&](Value acc, Value z) {
      return complex::MulOp::create(b, l, acc, z).getResult();
    }));
  }
  if (isComplexKind(ek)) // sum or mean (Sema)
    return Val(
        emitComplexReduction(builtin, v, dims, axis, outDims, parallel, l));
  if (builtinIn(builtin, {Builtin::Min, Builtin::Max, Builtin::Argmin,
                          Builtin::Argmax})) {
    Value empty = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq,
                                        productOf(redDims, l), index(0, l));
    emitCheck(empty,
              "ValueError: " + std::string(builtinName(builtin)) +
                  "() of an empty array has no value (zero-size reduction)",
              ln, l);
  }
  bool ordered = builtinIn(
      builtin, {Builtin::Min, Builtin::Max, Builtin::Argmin, Builtin::Argmax});
  // u64 elements reduce as i64 bits: sums and products wrap alike, and
  // with the sign bit flipped i64's order is u64's.
  bool unsignedBits =
      ek == ScalarKind::U64 && (ordered || rk == ScalarKind::U64);
  Value signBit =
      unsignedBits ? i64(std::numeric_limits<int64_t>::min(), l) : Value();
  auto fromBits = [&](Value x) {
    if (ordered)
      x = arith::XOrIOp::create(b, l, x, signBit);
    return convert(x, ScalarKind::U64, l);
  };
  Value out;
  if (axis)
    out = allocArrayN(unsignedBits && rk == ScalarKind::U64 ? ScalarKind::I64
                                                            : rk,
                      outDims, l);
  // What the body yields: the result's kind, a truth value, or the
  // element compared.
  std::optional<ScalarKind> yieldKind = rk;
  if (ordered)
    yieldKind = computeKind(ek); // u8 etc. compared as i64
  else
    yieldKind = computeKind(rk);
  if (unsignedBits)
    yieldKind = ScalarKind::I64;
  mlir::Type yieldType = toMLIR(weft::Type::scalar(*yieldKind));
  bool isArg = builtin == Builtin::Argmin || builtin == Builtin::Argmax;
  mlir::Type resultType_ = isArg ? b.getI64Type() : yieldType;
  auto op = weft::ReduceOp::create(
      b, l, axis ? TypeRange{} : TypeRange{resultType_}, reductionKind(builtin),
      axis ? b.getI64IntegerAttr(*axis) : IntegerAttr(), ValueRange{v}, dims,
      out, !parallel);
  {
    OpBuilder::InsertionGuard g(b);
    mlir::Block *body =
        b.createBlock(&op.getBody(), {},
                      {cast<MemRefType>(v.getType()).getElementType()}, {l});
    Value x = body->getArgument(0);
    if (builtinIn(builtin, {Builtin::Any, Builtin::All}))
      x = truthy(x, l);
    else
      x = convert(x, *yieldKind, l);
    if (unsignedBits && ordered)
      x = arith::XOrIOp::create(b, l, x, signBit);
    weft::YieldOp::create(b, l, x);
  }
  if (axis && unsignedBits && rk == ScalarKind::U64) {
    Value result = allocArrayN(rk, outDims, l);
    emitMapOp({out}, result, l,
              [&](ValueRange xs, Value) { return fromBits(xs[0]); });
    return Val(result);
  }
  if (axis)
    return Val(out);
  if (unsignedBits && rk == ScalarKind::U64)
    return Val(fromBits(op.getResult()));
  return Val(convert(op.getResult(), rk, l));
}

} // namespace weft
