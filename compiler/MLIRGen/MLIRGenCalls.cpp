//===- MLIRGenCalls.cpp - Typed AST to MLIR: calls ------------------------===//
//
// A call: of a program's function (its arguments converted to the
// instance's parameter types), a kernel launch, a method or builtin, a
// dtype held in a variable (a conversion, narrow integers wrapped to their
// width), isinstance() (decided by the types), a namedtuple made of its
// fields; and array literals.
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"
#include "frontend/StaticBranches.h"

#include "compiler/Conversion/ArrayNest.h"

using namespace mlir;

namespace weft {

Value FunctionGen::emitNestedListLiteral(const ListExpr *lst,
                                         const weft::Type &t, Location l) {
  // Each row evaluated once, in order; the first fixes the shape, a row
  // of another shape is NumPy's ValueError; the rows are copied in,
  // converted to the element type.
  SmallVector<Value> rows;
  for (const ExprPtr &x : lst->elts)
    rows.push_back(emitExpr(x.get()).v());
  SmallVector<Value, 4> sizes{index(rows.size(), l)};
  ArrayMeta first = arrayMeta(rows.front(), l);
  sizes.append(first.sizes.begin(), first.sizes.end());
  Value out = allocArrayN(t.scalarKind(), sizes, l);
  ImplicitLocOpBuilder ib(l, b);
  for (auto [k, row] : llvm::enumerate(rows))
    weft::copyRowChecked(ib, out, index(k, l), row, line(lst->range));
  return out;
}

Value FunctionGen::emitArrayLiteral(const std::vector<ExprPtr> &elts,
                                    ScalarKind k, Location l) {
  Value n = index(elts.size(), l);
  Value arr = allocArray(k, n, l);
  for (size_t i = 0; i < elts.size(); ++i) {
    Value x = convert(emitScalar(elts[i].get()), k, l);
    memref::StoreOp::create(b, l, x, arr, ValueRange{index(i, l)});
  }
  return arr;
}

Val FunctionGen::emitCall(const CallExpr *c) {
  Location l = loc(c->range);
  if (fn.vmapAxis.count(c))
    return emitVmap(c);
  if (auto rec = fn.recordArgs.find(c); rec != fn.recordArgs.end()) {
    // P(x, y): a namedtuple is the tuple of its fields.
    Val out;
    for (const Expr *x : rec->second) {
      Val v = emitExpr(x);
      out.parts.append(v.parts.begin(), v.parts.end());
    }
    return out;
  }
  if (auto narrow = fn.narrowDtypeCalls.find(c);
      narrow != fn.narrowDtypeCalls.end() && narrow->second == ScalarKind::C64)
    return Val(
        convert(emitBuiltin(c, Builtin::Complex).v(), ScalarKind::C64, l));
  if (auto narrow = fn.narrowDtypeCalls.find(c);
      narrow != fn.narrowDtypeCalls.end()) {
    // int(x) wrapped to the narrow type's width, held in an i64.
    Value v = convert(emitBuiltin(c, Builtin::Int).v(), ScalarKind::I64, l);
    unsigned bits =
        narrow->second == ScalarKind::I8 || narrow->second == ScalarKind::U8 ? 8
        : narrow->second == ScalarKind::U32 ? 32
                                            : 16;
    Value mask = i64(static_cast<int64_t>((uint64_t(1) << bits) - 1), l);
    if (isUnsignedKind(narrow->second))
      return Val(arith::AndIOp::create(b, l, v, mask));
    Value half = i64(int64_t(1) << (bits - 1), l);
    Value wrapped =
        arith::AndIOp::create(b, l, arith::AddIOp::create(b, l, v, half), mask);
    return Val(arith::SubIOp::create(b, l, wrapped, half));
  }
  // dt(x) and a.dtype.type(x): the conversion builtin, of the arguments
  // only.
  if (auto conv = fn.dtypeCalls.find(c); conv != fn.dtypeCalls.end())
    return emitBuiltin(c, conv->second);
  auto it = fn.calls.find(c);
  // (s.upper() of a str is a call of the string library's function)
  auto *m = c->callee->dyn<AttributeExpr>();
  if (m && it == fn.calls.end()) {
    std::optional<Builtin> method = fn.builtinOf(c);
    if (builtinIn(method, {Builtin::ListIndex, Builtin::ListCount}))
      return Val(emitListSearch(c, *method));
    SmallVector<const Expr *, 4> argExprs{m->base.get()};
    for (const ExprPtr &a : c->args)
      argExprs.push_back(a.get());
    Val out;
    if (!emitArrayBuiltin(c, *fn.builtinOf(c), argExprs, out)) {
      error(c->range, "method '" + m->attr + "' is not supported yet");
      return Val(i64(0, l));
    }
    return out;
  }
  if (auto *n = c->callee->dyn<NameExpr>();
      n && n->name == "isinstance" && !n->qualified && it == fn.calls.end() &&
      c->args.size() == 2) {
    // Decided by the type (Sema checked it); the value is not evaluated.
    std::optional<bool> yes =
        isinstanceOf(fn.typeOf(c->args[0].get()), c->args[1].get());
    return Val(constant(ScalarKind::Bool, yes && *yes, l));
  }
  if (auto *n = c->callee->dyn<NameExpr>();
      n && n->name == "issubdtype" && n->qualified && c->args.size() == 2) {
    std::optional<bool> yes =
        issubdtypeOf(fn.typeOf(c->args[0].get()), c->args[1].get());
    return Val(constant(ScalarKind::Bool, yes && *yes, l));
  }
  if (it == fn.calls.end())
    return emitBuiltin(c, *fn.builtinOf(c));
  FunctionInstance *callee = it->second;
  if (c->callee->dyn<IndexExpr>()) {
    emitKernelLaunch(c, callee);
    return Val();
  }
  func::FuncOp f = mg.funcs.at(callee);
  SmallVector<Value> args;
  const std::vector<const Expr *> &bound = fn.callArgs.at(c);
  for (size_t i = 0; i < bound.size(); ++i) {
    Val v = emitExpr(bound[i]);
    const weft::Type &pt = callee->paramTypes[i];
    if (pt.isScalar())
      args.push_back(convert(v.v(), pt.scalarKind(), l));
    else
      args.append(v.parts.begin(), v.parts.end());
  }
  auto call = func::CallOp::create(b, l, f, args);
  Val r;
  for (Value res : call.getResults()) {
    if (isArray(res))
      addTemp(res);
    r.parts.push_back(res);
  }
  return r;
}

} // namespace weft
