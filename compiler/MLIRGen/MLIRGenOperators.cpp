//===- MLIRGenOperators.cpp - Typed AST to MLIR: operators ----------------===//
//
// Scalar arithmetic with Python semantics (true division, floor division
// and modulo with the sign of the divisor, ZeroDivisionError, integer
// powers), uint64 arithmetic on i64 bits, binary operators of scalars and
// arrays, and comparisons (chains, NaN, mixed signedness).
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"

#include "compiler/Conversion/ArrayNest.h"

#include <cmath>
#include <limits>

using namespace mlir;

namespace weft {

//===----------------------------------------------------------------------===//
// Arithmetic
//===----------------------------------------------------------------------===//

Value FunctionGen::emitBinaryScalar(BinaryOp op, Value l, Value r,
                                    ScalarKind kind, bool pythonErrors,
                                    Location loc, int64_t line) {
  if (isComplexKind(kind) && op == BinaryOp::Pow) {
    // An integer exponent by multiplications (complex.powi), any other
    // as exp(b log(a)) (complex.pow), as NumPy's power.
    ScalarKind rk = kindOf(r.getType());
    Value base = convert(l, kind, loc);
    if (!isComplexKind(rk) && rk != ScalarKind::F32 && rk != ScalarKind::F64)
      return complex::PowiOp::create(b, loc, base,
                                     convert(r, ScalarKind::I64, loc),
                                     arith::FastMathFlagsAttr());
    return complex::PowOp::create(b, loc, base, convert(r, kind, loc));
  }
  if (isComplexKind(kind))
    return emitComplexBinary(op, convert(l, kind, loc), convert(r, kind, loc),
                             pythonErrors, loc, line);
  if (isStorageKind(kind)) {
    // In i64, wrapped to the kind's width: NumPy's result for every
    // operator (true division is a float either way).
    Value r64 =
        emitBinaryScalar(op, l, r, ScalarKind::I64, pythonErrors, loc, line);
    return op == BinaryOp::Div ? r64 : convert(r64, kind, loc);
  }
  bool isFloat = kind == ScalarKind::F32 || kind == ScalarKind::F64;
  if (kind == ScalarKind::Bool && op != BinaryOp::BitAnd &&
      op != BinaryOp::BitOr && op != BinaryOp::BitXor)
    kind = ScalarKind::I64;
  if (op == BinaryOp::Div && !isFloat) {
    kind = ScalarKind::F64;
    isFloat = true;
  }
  if (kind == ScalarKind::U64)
    return emitUnsignedBinary(op, l, r, pythonErrors, loc, line);
  l = convert(l, kind, loc);
  r = convert(r, kind, loc);
  auto zeroCheck = [&](const char *what) {
    if (!pythonErrors || noRuntimeChecks())
      return;
    Value isZero =
        isFloat ? arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OEQ, r,
                                        constant(kind, 0, loc))
                      .getResult()
                : arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, r,
                                        constant(kind, 0, loc))
                      .getResult();
    // The division itself is defined (NumPy's results), so a parallel
    // loop may report the error at the iteration's end (weft-defer-checks).
    emitCheck(isZero, std::string("ZeroDivisionError: ") + what, line, loc,
              /*deferrable=*/true);
  };
  if (!isFloat && (op == BinaryOp::FloorDiv || op == BinaryOp::Mod))
    zeroCheck("integer division or modulo by zero");
  switch (op) {
  case BinaryOp::Add:
    return isFloat ? arith::AddFOp::create(b, loc, l, r).getResult()
                   : arith::AddIOp::create(b, loc, l, r).getResult();
  case BinaryOp::Sub:
    return isFloat ? arith::SubFOp::create(b, loc, l, r).getResult()
                   : arith::SubIOp::create(b, loc, l, r).getResult();
  case BinaryOp::Mul:
    return isFloat ? arith::MulFOp::create(b, loc, l, r).getResult()
                   : arith::MulIOp::create(b, loc, l, r).getResult();
  case BinaryOp::Div:
    zeroCheck("division by zero");
    return arith::DivFOp::create(b, loc, l, r);
  case BinaryOp::FloorDiv:
    // Python's // and %, with NumPy's results where Python raised above
    // (arrays); weft-lower-math expands them.
    if (isFloat)
      zeroCheck("float floor division by zero");
    return weft::FloorDivOp::create(b, loc, l, r);
  case BinaryOp::Mod:
    if (isFloat)
      zeroCheck("float modulo");
    return weft::ModOp::create(b, loc, l, r);
  case BinaryOp::Pow:
    if (isFloat)
      return math::PowFOp::create(b, loc, l, r);
    if (pythonErrors) {
      Value zero = constant(kind, 0, loc);
      Value neg =
          arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, r, zero);
      auto eq = [&](Value x, int64_t v) {
        return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, x,
                                     constant(kind, v, loc))
            .getResult();
      };
      if (fn.options.pythonLists) {
        // Numba's integer power: a negative exponent gives 1 / a ** -b
        // truncated (0, or +-1 for a base of +-1); a zero base raises.
        emitCheck(arith::AndIOp::create(b, loc, neg, eq(l, 0)),
                  "ZeroDivisionError: 0 cannot be raised to a negative power",
                  line, loc);
        Value odd = arith::TruncIOp::create(b, loc, b.getI1Type(), r);
        Value minusOne = arith::SelectOp::create(
            b, loc, odd, constant(kind, -1, loc), constant(kind, 1, loc));
        Value inverse = arith::SelectOp::create(
            b, loc, eq(l, 1), constant(kind, 1, loc),
            arith::SelectOp::create(b, loc, eq(l, -1), minusOne, zero));
        Value power = math::IPowIOp::create(
            b, loc, l, arith::SelectOp::create(b, loc, neg, zero, r));
        return arith::SelectOp::create(b, loc, neg, inverse, power);
      }
      // NumPy's rule; Python would return a float here.
      emitCheck(neg,
                "ValueError: integers to negative integer powers are not "
                "allowed; use a float base such as 2.0 ** -1",
                line, loc);
      // (no negative exponent reaches the power after an error recorded
      // in a parallel loop)
      r = arith::SelectOp::create(b, loc, neg, zero, r);
    }
    return math::IPowIOp::create(b, loc, l, r);
  case BinaryOp::BitAnd:
    return arith::AndIOp::create(b, loc, l, r);
  case BinaryOp::BitOr:
    return arith::OrIOp::create(b, loc, l, r);
  case BinaryOp::BitXor:
    return arith::XOrIOp::create(b, loc, l, r);
  case BinaryOp::LShift:
  case BinaryOp::RShift:
    if (kind == ScalarKind::Bool) {
      l = convert(l, ScalarKind::I64, loc);
      r = convert(r, ScalarKind::I64, loc);
    }
    if (op == BinaryOp::LShift)
      return weft::ShiftLeftOp::create(b, loc, l, r);
    return weft::ShiftRightOp::create(b, loc, l, r);
  case BinaryOp::MatMul:
    break;
  }
  return l;
}

Value FunctionGen::emitUnsignedBinary(BinaryOp op, Value l, Value r,
                                      bool pythonErrors, Location loc,
                                      int64_t line) {
  // u64: on the operands' i64 bits, the i64 operation where signedness
  // does not change the bits, else its unsigned form; the bits as u64.
  Value a = convert(l, ScalarKind::I64, loc);
  Value c = convert(r, ScalarKind::I64, loc);
  Value zero = i64(0, loc), out;
  switch (op) {
  case BinaryOp::FloorDiv:
  case BinaryOp::Mod: {
    Value isZero =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::eq, c, zero);
    if (pythonErrors)
      emitCheck(isZero, "ZeroDivisionError: integer division or modulo by zero",
                line, loc, /*deferrable=*/true);
    // (NumPy's x // 0 and x % 0 of integers: 0)
    Value d = arith::SelectOp::create(b, loc, isZero, i64(1, loc), c);
    Value q = op == BinaryOp::FloorDiv
                  ? arith::DivUIOp::create(b, loc, a, d).getResult()
                  : arith::RemUIOp::create(b, loc, a, d).getResult();
    out = arith::SelectOp::create(b, loc, isZero, zero, q);
    break;
  }
  case BinaryOp::RShift: {
    // Shifting by 64 or more leaves nothing.
    Value big = arith::CmpIOp::create(b, loc, arith::CmpIPredicate::uge, c,
                                      i64(64, loc));
    Value safe = arith::SelectOp::create(b, loc, big, zero, c);
    out = arith::SelectOp::create(b, loc, big, zero,
                                  arith::ShRUIOp::create(b, loc, a, safe));
    break;
  }
  case BinaryOp::Pow:
    out = math::IPowIOp::create(b, loc, a, c);
    break;
  default:
    out = emitBinaryScalar(op, a, c, ScalarKind::I64, pythonErrors, loc, line);
  }
  return convert(out, ScalarKind::U64, loc);
}

Val FunctionGen::emitBinary(const BinaryExpr *e) {
  Location l = loc(e->range);
  weft::Type rt = fn.typeOf(e);
  if (e->op == BinaryOp::MatMul)
    return Val(emitMatmul(e->lhs.get(), e->rhs.get(), rt, l));
  if (rt.isString()) {
    // s + t joins, s * n and n * s repeat (as a list's).
    Value lhs = emitExpr(e->lhs.get()).v();
    Value rhs = emitExpr(e->rhs.get()).v();
    bool strFirst = fn.typeOf(e->lhs.get()).isString();
    return Val(joinOrRepeatList(strFirst ? lhs : rhs, strFirst ? rhs : lhs,
                                e->op == BinaryOp::Add, ScalarKind::U32, l));
  }
  // (list * int and list + list: Sema typed them as lists)
  if ((e->op == BinaryOp::Add || e->op == BinaryOp::Mul) && rt.isArray() &&
      rt.listDepth() > 0 &&
      (fn.typeOf(e->lhs.get()).listDepth() > 0 ||
       fn.typeOf(e->rhs.get()).listDepth() > 0))
    return Val(emitListOp(e));
  if (rt.isRagged())
    return emitRaggedOp(e);
  if (rt.isTupleList())
    return emitTupleListOp(e);
  if (rt.isArray())
    return Val(materialize(e));
  if (rt.isTuple()) {
    // tuple + tuple (joined), tuple * n (repeated, of numbers).
    Val l1 = emitExpr(e->lhs.get()), r1 = emitExpr(e->rhs.get()), out;
    bool tupleLeft = fn.typeOf(e->lhs.get()).isTuple();
    if (e->op == BinaryOp::Add) {
      out.parts = l1.parts;
      out.parts.append(r1.parts.begin(), r1.parts.end());
      return out;
    }
    const Val &t = tupleLeft ? l1 : r1;
    SmallVector<mlir::Type> flat;
    flatTypes(rt, flat);
    while (out.parts.size() < flat.size())
      out.parts.append(t.parts.begin(), t.parts.end());
    return out;
  }
  Value lhs = emitExpr(e->lhs.get()).v();
  Value rhs = emitExpr(e->rhs.get()).v();
  // Compute in the promoted operand kind (true division: float).
  return emitBinaryScalar(e->op, lhs, rhs, rt.scalarKind(), true, l,
                          line(e->range));
}

Value FunctionGen::emitCompareOp(CompareOp op, Value lhs, Value rhs,
                                 Location l) {
  // Storage kinds compare as their exact i64 values.
  ScalarKind k =
      computeKind(promote(kindOf(lhs.getType()), kindOf(rhs.getType())));
  // u64: its bits compared unsigned.
  bool isUnsigned = k == ScalarKind::U64 || k == ScalarKind::Bool;
  if (k == ScalarKind::U64)
    k = ScalarKind::I64;
  lhs = convert(lhs, k, l);
  rhs = convert(rhs, k, l);
  if (isComplexKind(k)) // == and != only (Sema)
    return op == CompareOp::Eq
               ? complex::EqualOp::create(b, l, lhs, rhs).getResult()
               : complex::NotEqualOp::create(b, l, lhs, rhs).getResult();
  if (k == ScalarKind::F32 || k == ScalarKind::F64) {
    arith::CmpFPredicate p;
    switch (op) {
    case CompareOp::Lt:
      p = arith::CmpFPredicate::OLT;
      break;
    case CompareOp::Le:
      p = arith::CmpFPredicate::OLE;
      break;
    case CompareOp::Gt:
      p = arith::CmpFPredicate::OGT;
      break;
    case CompareOp::Ge:
      p = arith::CmpFPredicate::OGE;
      break;
    case CompareOp::Eq:
      p = arith::CmpFPredicate::OEQ;
      break;
    default:
      p = arith::CmpFPredicate::UNE;
      break;
    }
    return arith::CmpFOp::create(b, l, p, lhs, rhs);
  }
  arith::CmpIPredicate p;
  switch (op) {
  case CompareOp::Lt:
    p = isUnsigned ? arith::CmpIPredicate::ult : arith::CmpIPredicate::slt;
    break;
  case CompareOp::Le:
    p = isUnsigned ? arith::CmpIPredicate::ule : arith::CmpIPredicate::sle;
    break;
  case CompareOp::Gt:
    p = isUnsigned ? arith::CmpIPredicate::ugt : arith::CmpIPredicate::sgt;
    break;
  case CompareOp::Ge:
    p = isUnsigned ? arith::CmpIPredicate::uge : arith::CmpIPredicate::sge;
    break;
  case CompareOp::Eq:
    p = arith::CmpIPredicate::eq;
    break;
  default:
    p = arith::CmpIPredicate::ne;
    break;
  }
  return arith::CmpIOp::create(b, l, p, lhs, rhs);
}

Value FunctionGen::emitCompare(const CompareExpr *c) {
  Location l = loc(c->range);
  bool strs = fn.typeOf(c->operands[0].get()).isString() ||
              fn.typeOf(c->operands[1].get()).isString();
  if (c->ops[0] == CompareOp::In || c->ops[0] == CompareOp::NotIn)
    return strs ? emitStrMembership(c) : emitMembership(c);
  if (strs)
    return emitStrCompare(c);
  if (fn.typeOf(c->operands[0].get()).isList() ||
      fn.typeOf(c->operands[1].get()).isList())
    return emitListEquality(c);
  if (fn.typeOf(c->operands[0].get()).isTuple()) {
    Val a = emitExpr(c->operands[0].get());
    Val other = emitExpr(c->operands[1].get());
    CompareOp op = c->ops[0];
    if (op != CompareOp::Eq && op != CompareOp::Ne) {
      // Python's order of tuples: by the first items that differ, else
      // the shorter first. From the last item back: at k, a[k] < b[k]
      // decides, a[k] == b[k] defers to what follows.
      bool greater = op == CompareOp::Gt || op == CompareOp::Ge;
      Val &x = greater ? other : a, &y = greater ? a : other;
      bool orEqual = op == CompareOp::Le || op == CompareOp::Ge;
      size_t n = std::min(x.parts.size(), y.parts.size());
      Value result = constant(ScalarKind::Bool,
                              orEqual ? x.parts.size() <= y.parts.size()
                                      : x.parts.size() < y.parts.size(),
                              l);
      for (size_t k = n; k-- > 0;) {
        Value lt = emitCompareOp(CompareOp::Lt, x.parts[k], y.parts[k], l);
        Value eq = emitCompareOp(CompareOp::Eq, x.parts[k], y.parts[k], l);
        result = arith::SelectOp::create(
            b, l, lt, constant(ScalarKind::Bool, 1, l),
            arith::SelectOp::create(b, l, eq, result,
                                    constant(ScalarKind::Bool, 0, l)));
      }
      return result;
    }
    // Tuples of numbers: one length and equal items (Python's ==).
    bool ne = c->ops[0] == CompareOp::Ne;
    Value same =
        constant(ScalarKind::Bool, a.parts.size() == other.parts.size(), l);
    if (a.parts.size() == other.parts.size())
      for (size_t k = 0; k < a.parts.size(); ++k)
        same = arith::AndIOp::create(
            b, l, same,
            emitCompareOp(CompareOp::Eq, a.parts[k], other.parts[k], l));
    return ne ? arith::XOrIOp::create(b, l, same,
                                      constant(ScalarKind::Bool, 1, l))
                    .getResult()
              : same;
  }
  if (c->ops[0] == CompareOp::Is || c->ops[0] == CompareOp::IsNot) {
    // `x is None`: an optional's flag is false; other values are never
    // None (Sema allows None only on the right).
    weft::Type t = fn.typeOf(c->operands[0].get());
    bool is = c->ops[0] == CompareOp::Is;
    if (t.isArray() && fn.typeOf(c->operands[1].get()).isArray())
      return emitArrayIdentity(emitExpr(c->operands[0].get()).v(),
                               emitExpr(c->operands[1].get()).v(), is, l);
    if (t.isNone())
      return constant(ScalarKind::Bool, is, l);
    if (t.isBool() && fn.typeOf(c->operands[1].get()).isBool())
      return emitCompareOp(is ? CompareOp::Eq : CompareOp::Ne,
                           emitScalar(c->operands[0].get()),
                           emitScalar(c->operands[1].get()), l);
    if (!t.isOptional()) {
      emitExpr(c->operands[0].get());
      return constant(ScalarKind::Bool, !is, l);
    }
    Value present = emitExpr(c->operands[0].get()).parts.back();
    return is ? arith::XOrIOp::create(b, l, present,
                                      constant(ScalarKind::Bool, 1, l))
                    .getResult()
              : present;
  }
  // Two dtypes: equal or not, as the types say.
  weft::Type lt = fn.typeOf(c->operands[0].get());
  if (lt.isDType()) {
    bool same = lt == fn.typeOf(c->operands[1].get());
    return constant(ScalarKind::Bool, same == (c->ops[0] == CompareOp::Eq), l);
  }
  // `a < b < c` is `(a < b) and (b < c)` with b evaluated once and the
  // second comparison skipped when the first is false.
  Value left = emitScalar(c->operands[0].get());
  std::function<Value(size_t, Value)> chain = [&](size_t i,
                                                  Value lhs) -> Value {
    // operands after the first are evaluated in the chain's regions
    Value rhs = i == 0 ? emitScalar(c->operands[1].get())
                       : emitScalarInRegion(c->operands[i + 1].get(), l);
    Value r = emitCompareOp(c->ops[i], lhs, rhs, l);
    if (i + 1 == c->ops.size())
      return r;
    return emitValueIf(
        r, b.getI1Type(), [&] { return chain(i + 1, rhs); },
        [&] { return constant(ScalarKind::Bool, 0, l); }, l);
  };
  return chain(0, left);
}

} // namespace weft
