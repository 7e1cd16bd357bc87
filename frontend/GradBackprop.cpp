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

void GradWriter::backprop(const Expr *e, const std::string &adjIn, int adjRank,
                          int indent) {
  Type t = fn.typeOf(e);
  if (!isFloat(t) || !ok)
    return; // integers, booleans and indices carry no derivative
  std::string adj = adjIn;
  if (t.isScalar() && adjRank > 0) {
    adj = "sum(" + adj + ")";
    adjRank = 0;
  }
  if (t.isArray() && adjRank > t.rank()) {
    fail(e->range, "broadcasting an array against one of higher rank is "
                   "not supported");
    return;
  }
  int rank = t.isArray() ? t.rank() : 0;
  auto sub = [&](const Expr *x, const std::string &a, int r) {
    backprop(x, a, std::max(r, adjRank), indent);
  };
  auto rankOf = [&](const Expr *x) {
    Type u = fn.typeOf(x);
    return u.isArray() ? u.rank() : 0;
  };
  if (auto *n = e->dyn<NameExpr>()) {
    auto r = readName.find(n);
    std::string name = r == readName.end() ? n->name : r->second;
    if (hasAdjoint(name))
      addTo("_ad_" + name, t, adj, adjRank, indent);
    return;
  }
  if (e->dyn<FloatLitExpr>() || e->dyn<IntLitExpr>())
    return;
  std::string a = tempFor(adj, indent);
  if (auto *u = e->dyn<UnaryExpr>()) {
    if (u->op == UnaryOp::Neg)
      sub(u->operand.get(), "-" + a, rank);
    else if (u->op == UnaryOp::Pos)
      sub(u->operand.get(), a, rank);
    return;
  }
  if (auto *b = e->dyn<BinaryExpr>()) {
    const Expr *x = b->lhs.get(), *y = b->rhs.get();
    std::string tx = text(x), ty = text(y);
    switch (b->op) {
    case BinaryOp::Add:
      sub(x, a, rankOf(y));
      sub(y, a, rankOf(x));
      return;
    case BinaryOp::Sub:
      sub(x, a, rankOf(y));
      sub(y, "-" + a, rankOf(x));
      return;
    case BinaryOp::Mul:
      sub(x, a + " * " + ty, rankOf(y));
      sub(y, a + " * " + tx, rankOf(x));
      return;
    case BinaryOp::Div:
      sub(x, a + " / " + ty, rankOf(y));
      sub(y, "-" + a + " * " + tx + " / (" + ty + " * " + ty + ")", rankOf(x));
      return;
    case BinaryOp::Pow:
      sub(x, a + " * " + ty + " * " + tx + " ** (" + ty + " - 1.0)", rankOf(y));
      if (isFloat(fn.typeOf(y)) && !y->dyn<FloatLitExpr>())
        sub(y, a + " * log(" + tx + ") * " + tx + " ** " + ty, rankOf(x));
      return;
    case BinaryOp::MatMul: {
      int rx = rankOf(x), ry = rankOf(y);
      if (rx == 2 && ry == 1) {
        sub(x, "outer(" + a + ", " + ty + ")", 2);
        // a @ X (= X^T a) walks X by rows, as the forward product did.
        sub(y, a + " @ " + tx, 1);
      } else if (rx == 1 && ry == 2) {
        sub(x, ty + " @ " + a, 1);
        sub(y, "outer(" + tx + ", " + a + ")", 2);
      } else if (rx == 2 && ry == 2) {
        sub(x, a + " @ transpose(" + ty + ")", 2);
        sub(y, "transpose(" + tx + ") @ " + a, 2);
      } else {
        sub(x, a + " * " + ty, 1);
        sub(y, a + " * " + tx, 1);
      }
      return;
    }
    default:
      fail(e->range, "this operator has no derivative here");
      return;
    }
  }
  if (auto *i = e->dyn<IfExpExpr>()) {
    std::string c = text(i->cond.get());
    sub(i->thenValue.get(), "(" + a + " if " + c + " else 0.0)", 0);
    sub(i->elseValue.get(), "(0.0 if " + c + " else " + a + ")", 0);
    if (rank > 0)
      fail(e->range, "a conditional expression on arrays is not supported");
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
    std::string idx;
    for (const ExprPtr &k : ix->indices)
      idx += (idx.empty() ? "" : ", ") + text(k.get());
    emit(indent, "_ad_" + name + "[" + idx + "] += " + a);
    return;
  }
  if (auto *c = e->dyn<CallExpr>()) {
    backpropCall(c, a, adjRank, indent);
    return;
  }
  fail(e->range, "this expression is not differentiated yet");
}
void GradWriter::backpropCall(const CallExpr *c, const std::string &a,
                              int adjRank, int indent) {
  const Expr *e = c;
  int rank = rankOf(c);
  auto sub = [&](const Expr *x, const std::string &adj, int r) {
    backprop(x, adj, std::max(r, adjRank), indent);
  };
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
    std::string args, targets, numsText;
    for (const Expr *x : bound)
      args += (args.empty() ? "" : ", ") + text(x);
    std::vector<std::string> names;
    for (size_t k : nums) {
      names.push_back("_ad_t" + std::to_string(temps++));
      targets += (targets.empty() ? "" : ", ") + names.back();
      numsText += (numsText.empty() ? "" : ", ") + std::to_string(k);
    }
    if (nums.size() > 1)
      numsText = "(" + numsText + ")";
    emit(indent, targets + " = grad(" + cn->name + ", argnums=" + numsText +
                     ")(" + args + ")");
    for (size_t i = 0; i < nums.size(); ++i)
      sub(bound[nums[i]], a + " * " + names[i], rankOf(bound[nums[i]]));
    return;
  }
  if (!cn || fn.calls.count(c)) {
    fail(e->range, "this call is not differentiated");
    return;
  }
  const std::string &name = cn->name;
  std::optional<Builtin> b = lookupBuiltin(name);
  const Expr *x = c->args.empty() ? nullptr : c->args[0].get();
  std::string tx = x ? text(x) : "";
  int rx = x ? rankOf(x) : 0;
  if (b == Builtin::Float || b == Builtin::F64) {
    sub(x, a, rx);
  } else if (b == Builtin::Sin) {
    sub(x, a + " * cos(" + tx + ")", rx);
  } else if (b == Builtin::Cos) {
    sub(x, "-" + a + " * sin(" + tx + ")", rx);
  } else if (b == Builtin::Tan) {
    sub(x, a + " / (cos(" + tx + ") * cos(" + tx + "))", rx);
  } else if (b == Builtin::Exp) {
    sub(x, a + " * exp(" + tx + ")", rx);
  } else if (b == Builtin::Log) {
    sub(x, a + " / " + tx, rx);
  } else if (b == Builtin::Sqrt) {
    sub(x, a + " / (2.0 * sqrt(" + tx + "))", rx);
  } else if (b == Builtin::Tanh) {
    sub(x, a + " * (1.0 - tanh(" + tx + ") * tanh(" + tx + "))", rx);
  } else if (b == Builtin::Abs) {
    sub(x, a + " * where(" + tx + " >= 0.0, 1.0, -1.0)", rx);
  } else if (b == Builtin::Sum && c->args.size() == 1 && c->keywords.empty()) {
    sub(x, a, 0);
  } else if (b == Builtin::Mean && c->args.size() == 1 && c->keywords.empty()) {
    // The element count: that of an array of the argument's rank in it
    // (elementwise expressions keep the shape), else of the argument.
    std::string count;
    std::function<void(const Expr *)> find = [&](const Expr *y) {
      if (!count.empty() || !y)
        return;
      Type ty = fn.typeOf(y);
      if (y->dyn<NameExpr>() && ty.isArray() && ty.rank() == rx)
        count = y->dyn<NameExpr>()->name + ".size";
      else if (auto *b = y->dyn<BinaryExpr>(); b && b->op != BinaryOp::MatMul) {
        find(b->lhs.get());
        find(b->rhs.get());
      } else if (auto *u = y->dyn<UnaryExpr>()) {
        find(u->operand.get());
      } else if (auto *cl = y->dyn<CallExpr>(); cl && !fn.calls.count(cl)) {
        auto *cn2 = cl->callee->dyn<NameExpr>();
        if (cn2 && !builtinIn(lookupBuiltin(cn2->name),
                              {Builtin::Sum, Builtin::Mean, Builtin::Dot,
                               Builtin::Max, Builtin::Min}))
          for (const ExprPtr &arg : cl->args)
            find(arg.get());
      }
    };
    find(x);
    if (count.empty()) {
      std::string t = "_ad_t" + std::to_string(temps++);
      emit(indent, t + " = " + tx);
      count = t + ".size";
    }
    sub(x, a + " / " + count, 0);
  } else if ((b == Builtin::Max || b == Builtin::Min) && c->args.size() == 1 &&
             rx > 0) {
    // The element(s) equal to the maximum (minimum) get the adjoint.
    sub(x, "where(" + tx + " == " + name + "(" + tx + "), " + a + ", 0.0)", rx);
  } else if ((b == Builtin::Max || b == Builtin::Min) && c->args.size() == 2 &&
             rank == 0) {
    std::string ty = text(c->args[1].get());
    std::string op = b == Builtin::Max ? " >= " : " <= ";
    sub(x, "(" + a + " if " + tx + op + ty + " else 0.0)", 0);
    sub(c->args[1].get(), "(0.0 if " + tx + op + ty + " else " + a + ")", 0);
  } else if (b == Builtin::Dot && c->args.size() == 2) {
    const Expr *y = c->args[1].get();
    sub(x, a + " * " + text(y), 1);
    sub(y, a + " * " + tx, 1);
  } else {
    fail(e->range, "'" + name + "' is not differentiated yet");
  }
  return;
}

} // namespace grad
} // namespace weft
