//===- MLIRGenOptional.cpp - Typed AST to MLIR: values that may be None ---===//
//
// Numba's optional types as a value and a flag: a value given where an
// optional (or a tuple holding optionals) is wanted, the value of one read
// with its TypeError when it is None, and `a is b` of two arrays.
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"

using namespace mlir;

namespace weft {

Val FunctionGen::emitAs(const Expr *e, const weft::Type &to, Location l) {
  if (to.isOptional())
    return emitOptional(e, to, l);
  auto *t = e->dyn<TupleExpr>();
  if (!t || !to.isTuple() || t->elts.size() != to.elems().size())
    return emitExpr(e);
  // (a tuple written out: each element as its part of `to`, so that one
  // that may be None, or is None, takes its optional's slots)
  Val out;
  for (size_t k = 0; k < t->elts.size(); ++k) {
    Val v = emitAs(t->elts[k].get(), to.elems()[k], l);
    out.parts.append(v.parts.begin(), v.parts.end());
  }
  return out;
}

Val FunctionGen::emitOptional(const Expr *e, const weft::Type &to, Location l) {
  weft::Type t = fn.typeOf(e);
  if (t.isNone()) // None: the flag is false
    return defaultValue(to, l);
  Val v = emitExpr(e);
  if (!t.isOptional())
    v.parts.push_back(constant(ScalarKind::Bool, 1, l));
  // Numbers of the value (a tuple's too) converted to the optional's.
  SmallVector<mlir::Type> types;
  flatTypes(to, types);
  for (size_t i = 0; i + 1 < v.parts.size() && i < types.size(); ++i)
    if (!isArray(v.parts[i]) && v.parts[i].getType() != types[i])
      v.parts[i] = convert(v.parts[i], kindOf(types[i]), l);
  return v;
}

Value FunctionGen::emitArrayIdentity(Value x, Value y, bool is, Location l) {
  if (x.getType() != y.getType())
    return constant(ScalarKind::Bool, !is, l);
  Value same = arith::CmpIOp::create(
      b, l, arith::CmpIPredicate::eq,
      memref::ExtractAlignedPointerAsIndexOp::create(b, l, x),
      memref::ExtractAlignedPointerAsIndexOp::create(b, l, y));
  auto mx = memref::ExtractStridedMetadataOp::create(b, l, x);
  auto my = memref::ExtractStridedMetadataOp::create(b, l, y);
  auto eq = [&](Value p, Value q) {
    same = arith::AndIOp::create(
        b, l, same,
        arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, p, q));
  };
  eq(mx.getOffset(), my.getOffset());
  for (size_t d = 0; d < mx.getSizes().size(); ++d) {
    eq(mx.getSizes()[d], my.getSizes()[d]);
    eq(mx.getStrides()[d], my.getStrides()[d]);
  }
  return is ? same
            : arith::XOrIOp::create(b, l, same,
                                    constant(ScalarKind::Bool, 1, l))
                  .getResult();
}

Val FunctionGen::unwrapOptional(const Val &v, const Expr *e, Location l) {
  Value none = arith::XOrIOp::create(b, l, v.parts.back(),
                                     constant(ScalarKind::Bool, 1, l));
  emitCheck(none,
            "TypeError: expected " + fn.typeOf(e).str() +
                ", got None (the value of this expression may be None; "
                "test it with 'is None' first)",
            line(e->range), l);
  Val out;
  out.parts.assign(v.parts.begin(), v.parts.end() - 1);
  return out;
}

} // namespace weft
