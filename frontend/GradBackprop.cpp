//===- GradBackprop.cpp - The adjoint of each expression for grad ---------===//
//
// GradWriter's backprop: the statements that add an expression's adjoint
// to the adjoints of its operands (arithmetic, indexing, calls of user
// functions and of the math builtins).
//
//===----------------------------------------------------------------------===//
#include "frontend/GradWriter.h"

namespace weft {
namespace grad {

void GradWriter::backprop(const Expr *e, ExprPtr adj, int adjRank) {
  Type t = fn.typeOf(e);
  if (!isFloat(t) || !ok)
    return; // integers, booleans and indices carry no derivative
  if (t.isScalar() && adjRank > 0) {
    adj = b.call("sum", args(std::move(adj)));
    adjRank = 0;
  }
  if (t.isArray() && adjRank > t.rank()) {
    fail(e->range, "broadcasting an array against one of higher rank is "
                   "not supported");
    return;
  }
  int rank = t.isArray() ? t.rank() : 0;
  auto sub = [&](const Expr *x, ExprPtr a, int r) {
    backprop(x, std::move(a), std::max(r, adjRank));
  };
  if (auto *n = e->dyn<NameExpr>()) {
    auto r = readName.find(n);
    std::string name = r == readName.end() ? n->name : r->second;
    if (hasAdjoint(name))
      addTo("_ad_" + name, t, std::move(adj), adjRank);
    return;
  }
  if (e->dyn<FloatLitExpr>() || e->dyn<IntLitExpr>())
    return;
  ExprPtr a = tempFor(std::move(adj));
  auto A = [&] { return cloneExpr(a.get()); };
  if (auto *u = e->dyn<UnaryExpr>()) {
    if (u->op == UnaryOp::Neg)
      sub(u->operand.get(), b.neg(A()), rank);
    else if (u->op == UnaryOp::Pos)
      sub(u->operand.get(), A(), rank);
    return;
  }
  if (auto *bin = e->dyn<BinaryExpr>()) {
    const Expr *x = bin->lhs.get(), *y = bin->rhs.get();
    auto X = [&] { return copy(x); };
    auto Y = [&] { return copy(y); };
    switch (bin->op) {
    case BinaryOp::Add:
      sub(x, A(), rankOf(y));
      sub(y, A(), rankOf(x));
      return;
    case BinaryOp::Sub:
      sub(x, A(), rankOf(y));
      sub(y, b.neg(A()), rankOf(x));
      return;
    case BinaryOp::Mul:
      sub(x, b.mul(A(), Y()), rankOf(y));
      sub(y, b.mul(A(), X()), rankOf(x));
      return;
    case BinaryOp::Div:
      sub(x, b.div(A(), Y()), rankOf(y));
      sub(y, b.div(b.mul(b.neg(A()), X()), b.mul(Y(), Y())), rankOf(x));
      return;
    case BinaryOp::Pow:
      sub(x,
          b.mul(b.mul(A(), Y()),
                b.binary(BinaryOp::Pow, X(), b.sub(Y(), b.f64(1.0)))),
          rankOf(y));
      if (isFloat(fn.typeOf(y)) && !y->dyn<FloatLitExpr>())
        sub(y,
            b.mul(b.mul(A(), b.call("log", args(X()))),
                  b.binary(BinaryOp::Pow, X(), Y())),
            rankOf(x));
      return;
    case BinaryOp::MatMul: {
      auto matmul = [&](ExprPtr l, ExprPtr r) {
        return b.binary(BinaryOp::MatMul, std::move(l), std::move(r));
      };
      int rx = rankOf(x), ry = rankOf(y);
      if (rx == 2 && ry == 1) {
        sub(x, b.call("outer", args(A(), Y())), 2);
        // a @ X (= X^T a) walks X by rows, as the forward product did.
        sub(y, matmul(A(), X()), 1);
      } else if (rx == 1 && ry == 2) {
        sub(x, matmul(Y(), A()), 1);
        sub(y, b.call("outer", args(X(), A())), 2);
      } else if (rx == 2 && ry == 2) {
        sub(x, matmul(A(), b.call("transpose", args(Y()))), 2);
        sub(y, matmul(b.call("transpose", args(X())), A()), 2);
      } else {
        sub(x, b.mul(A(), Y()), 1);
        sub(y, b.mul(A(), X()), 1);
      }
      return;
    }
    default:
      fail(e->range, "this operator has no derivative here");
      return;
    }
  }
  if (auto *i = e->dyn<IfExpExpr>()) {
    if (rank > 0) {
      fail(e->range, "a conditional expression on arrays is not supported");
      return;
    }
    const Expr *c = i->cond.get();
    sub(i->thenValue.get(), b.ifExp(copy(c), A(), b.f64(0.0)), 0);
    sub(i->elseValue.get(), b.ifExp(copy(c), b.f64(0.0), A()), 0);
    return;
  }
  if (auto *ix = e->dyn<IndexExpr>()) {
    auto *base = ix->base->dyn<NameExpr>();
    for (const ExprPtr &k : ix->indices)
      if (k->dyn<SliceExpr>() || !fn.typeOf(k.get()).isInt()) {
        fail(k->range, "only elements indexed by integers (x[i], x[i, j]) "
                       "are differentiated, not slices");
        return;
      }
    if (!base) {
      fail(e->range, "only elements of named arrays are differentiated");
      return;
    }
    auto r = readName.find(base);
    std::string name = r == readName.end() ? base->name : r->second;
    if (!hasAdjoint(name))
      return;
    std::vector<ExprPtr> idx;
    for (const ExprPtr &k : ix->indices)
      idx.push_back(copy(k.get()));
    emit(b.update(b.index(b.name("_ad_" + name), std::move(idx)), BinaryOp::Add,
                  A()));
    return;
  }
  if (auto *c = e->dyn<CallExpr>()) {
    backpropCall(c, *a, adjRank);
    return;
  }
  fail(e->range, "this expression is not differentiated yet");
}

void GradWriter::backpropCall(const CallExpr *c, const Expr &a, int adjRank) {
  const Expr *e = c;
  int rank = rankOf(c);
  auto sub = [&](const Expr *x, ExprPtr adj, int r) {
    backprop(x, std::move(adj), std::max(r, adjRank));
  };
  auto A = [&] { return cloneExpr(&a); };
  auto *cn = c->callee->dyn<NameExpr>();
  if (cn && fn.calls.count(c) && !fn.vectorizedCalls.count(c)) {
    // A user function: the chain rule through its own gradient,
    // grad(g, argnums=<its f64 arguments>), generated in turn.
    const FunctionInstance *g = fn.calls.at(c);
    const std::vector<const Expr *> &bound = fn.callArgs.at(c);
    if (!(g->returnType.isScalar() && g->returnType.isFloat())) {
      fail(e->range, "calls of '" + cn->name + "', which returns " +
                         g->returnType.str() +
                         ", are not differentiated (only functions "
                         "returning one float are)");
      return;
    }
    std::vector<size_t> nums;
    for (size_t k = 0; k < bound.size(); ++k) {
      const Type &pt = g->paramTypes[k];
      if ((pt.isScalar() || pt.isArray()) && pt.scalarKind() == ScalarKind::F64)
        nums.push_back(k);
    }
    if (nums.empty())
      return;
    std::vector<ExprPtr> callArgs, targets, numExprs;
    for (const Expr *x : bound)
      callArgs.push_back(copy(x));
    std::vector<std::string> names;
    for (size_t k : nums) {
      names.push_back("_ad_t" + std::to_string(temps++));
      targets.push_back(b.name(names.back()));
      numExprs.push_back(b.i64(static_cast<int64_t>(k)));
    }
    ExprPtr argnums = numExprs.size() == 1 ? std::move(numExprs[0])
                                           : b.tuple(std::move(numExprs));
    std::vector<KeywordArg> kw;
    kw.push_back(b.keyword("argnums", std::move(argnums)));
    ExprPtr gradOf = b.call("grad", args(b.name(cn->name)), std::move(kw));
    emit(b.assign(targets.size() == 1 ? std::move(targets[0])
                                      : b.tuple(std::move(targets)),
                  b.call(std::move(gradOf), std::move(callArgs))));
    for (size_t i = 0; i < nums.size(); ++i)
      sub(bound[nums[i]], b.mul(A(), b.name(names[i])), rankOf(bound[nums[i]]));
    return;
  }
  if (!cn || fn.calls.count(c)) {
    fail(e->range, "this call is not differentiated");
    return;
  }
  const std::string &name = cn->name;
  std::optional<Builtin> bi = lookupBuiltin(name);
  const Expr *x = c->args.empty() ? nullptr : c->args[0].get();
  auto X = [&] { return copy(x); };
  auto f = [&](const char *fname, ExprPtr arg) {
    return b.call(fname, args(std::move(arg)));
  };
  int rx = x ? rankOf(x) : 0;
  if (bi == Builtin::Float || bi == Builtin::F64) {
    sub(x, A(), rx);
  } else if (bi == Builtin::Sin) {
    sub(x, b.mul(A(), f("cos", X())), rx);
  } else if (bi == Builtin::Cos) {
    sub(x, b.mul(b.neg(A()), f("sin", X())), rx);
  } else if (bi == Builtin::Tan) {
    sub(x, b.div(A(), b.mul(f("cos", X()), f("cos", X()))), rx);
  } else if (bi == Builtin::Exp) {
    sub(x, b.mul(A(), f("exp", X())), rx);
  } else if (bi == Builtin::Log) {
    sub(x, b.div(A(), X()), rx);
  } else if (bi == Builtin::Sqrt) {
    sub(x, b.div(A(), b.mul(b.f64(2.0), f("sqrt", X()))), rx);
  } else if (bi == Builtin::Tanh) {
    sub(x, b.mul(A(), b.sub(b.f64(1.0), b.mul(f("tanh", X()), f("tanh", X())))),
        rx);
  } else if (bi == Builtin::Abs) {
    sub(x,
        b.mul(A(),
              b.call("where", args(b.compare(CompareOp::Ge, X(), b.f64(0.0)),
                                   b.f64(1.0), b.f64(-1.0)))),
        rx);
  } else if (bi == Builtin::Sum && c->args.size() == 1 && c->keywords.empty()) {
    sub(x, A(), 0);
  } else if (bi == Builtin::Mean && c->args.size() == 1 &&
             c->keywords.empty()) {
    sub(x, b.div(A(), meanCount(x, rx)), 0);
  } else if ((bi == Builtin::Max || bi == Builtin::Min) &&
             c->args.size() == 1 && rx > 0) {
    // The element(s) equal to the maximum (minimum) get the adjoint.
    sub(x,
        b.call("where",
               args(b.compare(CompareOp::Eq, X(), f(name.c_str(), X())), A(),
                    b.f64(0.0))),
        rx);
  } else if ((bi == Builtin::Max || bi == Builtin::Min) &&
             c->args.size() == 2 && rank == 0) {
    const Expr *y = c->args[1].get();
    CompareOp op = bi == Builtin::Max ? CompareOp::Ge : CompareOp::Le;
    auto picked = [&] { return b.compare(op, X(), copy(y)); };
    sub(x, b.ifExp(picked(), A(), b.f64(0.0)), 0);
    sub(y, b.ifExp(picked(), b.f64(0.0), A()), 0);
  } else if (bi == Builtin::Dot && c->args.size() == 2) {
    const Expr *y = c->args[1].get();
    sub(x, b.mul(A(), copy(y)), 1);
    sub(y, b.mul(A(), X()), 1);
  } else {
    fail(e->range, "'" + name + "' is not differentiated yet");
  }
}

ExprPtr GradWriter::meanCount(const Expr *x, int rank) {
  // That of an array of the argument's rank in it (elementwise
  // expressions keep the shape), else of the argument itself.
  const Expr *found = nullptr;
  std::function<void(const Expr *)> find = [&](const Expr *y) {
    if (found || !y)
      return;
    Type ty = fn.typeOf(y);
    if (y->dyn<NameExpr>() && ty.isArray() && ty.rank() == rank)
      found = y;
    else if (auto *bin = y->dyn<BinaryExpr>();
             bin && bin->op != BinaryOp::MatMul) {
      find(bin->lhs.get());
      find(bin->rhs.get());
    } else if (auto *u = y->dyn<UnaryExpr>()) {
      find(u->operand.get());
    } else if (auto *cl = y->dyn<CallExpr>(); cl && !fn.calls.count(cl)) {
      auto *cn = cl->callee->dyn<NameExpr>();
      if (cn && !builtinIn(lookupBuiltin(cn->name),
                           {Builtin::Sum, Builtin::Mean, Builtin::Dot,
                            Builtin::Max, Builtin::Min}))
        for (const ExprPtr &arg : cl->args)
          find(arg.get());
    }
  };
  find(x);
  if (found)
    return b.attribute(copy(found), "size");
  std::string t = "_ad_t" + std::to_string(temps++);
  emit(b.assign(b.name(t), copy(x)));
  return b.attribute(b.name(t), "size");
}

} // namespace grad
} // namespace weft
