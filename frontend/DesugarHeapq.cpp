//===- DesugarHeapq.cpp - Python's heapq as list statements ---------------===//
//
// Implements desugarHeapq (DesugarHeapq.h).
//
//===----------------------------------------------------------------------===//
#include "frontend/DesugarHeapq.h"

#include "frontend/ASTBuild.h"

#include <functional>
#include <string>

namespace weft {

std::string heapqFunctionName(const std::string &name) {
  return "weft.heapq." + name;
}

namespace {

/// heapq's function `e` calls (heappush, ...), or "".
std::string heapqCall(const Expr &e) {
  auto *c = e.dyn<CallExpr>();
  auto *n = c ? c->callee->dyn<NameExpr>() : nullptr;
  std::string prefix = heapqFunctionName("");
  if (!n || n->name.rfind(prefix, 0) != 0)
    return "";
  return n->name.substr(prefix.size());
}

bool givesValue(const std::string &f) {
  return f == "heappop" || f == "heapreplace" || f == "heappushpop";
}

bool known(const std::string &f) {
  return givesValue(f) || f == "heappush" || f == "heapify";
}

const char *kUnsupported = " is not supported by Weft yet (heappush, "
                           "heappop, heapify, heapreplace and heappushpop "
                           "are)";

class Rewriter {
public:
  explicit Rewriter(DiagnosticEngine &diags) : diags_(diags) {}

  std::optional<Block> statement(Stmt &s);

private:
  DiagnosticEngine &diags_;
  int temps_ = 0;

  std::string temp(const char *what) {
    return std::string("__heap_") + what + "_" + std::to_string(temps_++);
  }

  /// The statements of heapq call `c` of `f`, its value (if any) into
  /// `target` (may be null).
  std::optional<Block> expand(CallExpr &c, const std::string &f,
                              ExprPtr target);
};

std::optional<Block> Rewriter::expand(CallExpr &c, const std::string &f,
                                      ExprPtr target) {
  ASTBuilder b{c.range};
  size_t want = f == "heapify" || f == "heappop" ? 1 : 2;
  if (c.args.size() != want || !c.keywords.empty()) {
    diags_.error(c.range, "heapq." + f + "() takes " +
                              (want == 1 ? "one argument (the heap)"
                                         : "two arguments (the heap and an "
                                           "item)"));
    return std::nullopt;
  }
  auto *heap = c.args[0]->dyn<NameExpr>();
  if (!heap) {
    diags_.error(c.args[0]->range,
                 "heapq." + f + "() takes a list variable as the heap");
    return std::nullopt;
  }
  std::string h = heap->name;
  Block out;
  auto call = [&](const char *fn, std::vector<ExprPtr> args) {
    return std::make_unique<ExprStmt>(c.range, b.call(fn, std::move(args)));
  };
  auto args = [&](ExprPtr x, ExprPtr y = nullptr, ExprPtr z = nullptr) {
    std::vector<ExprPtr> v;
    v.push_back(std::move(x));
    if (y)
      v.push_back(std::move(y));
    if (z)
      v.push_back(std::move(z));
    return v;
  };
  auto front = [&]() { return b.item(h, b.i64(0)); };
  auto siftUp = [&]() {
    return call("__np_heapq_siftup", args(b.name(h), b.i64(0)));
  };
  auto set = [&](ExprPtr to, ExprPtr value) {
    if (to)
      out.push_back(b.assign(std::move(to), std::move(value)));
  };
  if (f == "heapify") {
    out.push_back(call("__np_heapq_heapify", args(b.name(h))));
    return out;
  }
  if (f == "heappush") {
    out.push_back(std::make_unique<ExprStmt>(
        c.range,
        b.call(b.attribute(b.name(h), "append"), args(std::move(c.args[1])))));
    out.push_back(call("__np_heapq_siftdown",
                       args(b.name(h), b.i64(0), b.sub(b.len(h), b.i64(1)))));
    return out;
  }
  if (f == "heappop") {
    // last = h.pop(); if h: x = h[0]; h[0] = last; siftup  else: x = last
    std::string last = temp("last");
    out.push_back(
        b.assign(b.name(last), b.call(b.attribute(b.name(h), "pop"), {})));
    auto test = b.ifStmt(b.compare(CompareOp::Gt, b.len(h), b.i64(0)));
    if (target)
      test->body.push_back(b.assign(cloneExpr(target.get()), front()));
    test->body.push_back(b.assign(front(), b.name(last)));
    test->body.push_back(siftUp());
    if (target)
      test->orelse.push_back(b.assign(std::move(target), b.name(last)));
    else
      test->orelse.push_back(b.pass());
    out.push_back(std::move(test));
    return out;
  }
  std::string item = temp("item");
  out.push_back(b.assign(b.name(item), std::move(c.args[1])));
  if (f == "heapreplace") {
    set(std::move(target), front());
    out.push_back(b.assign(front(), b.name(item)));
    out.push_back(siftUp());
    return out;
  }
  if (f == "heappushpop") {
    // if h and h[0] < item: item, h[0] = h[0], item; siftup
    auto test = b.ifStmt(std::make_unique<BoolOpExpr>(
        c.range, BoolOpKind::And, b.compare(CompareOp::Gt, b.len(h), b.i64(0)),
        b.compare(CompareOp::Lt, front(), b.name(item))));
    std::string old = temp("old");
    test->body.push_back(b.assign(b.name(old), front()));
    test->body.push_back(b.assign(front(), b.name(item)));
    test->body.push_back(b.assign(b.name(item), b.name(old)));
    test->body.push_back(siftUp());
    out.push_back(std::move(test));
    set(std::move(target), b.name(item));
    return out;
  }
  diags_.error(c.range, "heapq." + f + kUnsupported);
  return std::nullopt;
}

std::optional<Block> Rewriter::statement(Stmt &s) {
  // A heapq call as a statement, or `x = heapq.heappop(h)`.
  if (auto *e = s.dyn<ExprStmt>()) {
    std::string f = heapqCall(*e->value);
    if (!f.empty())
      return expand(static_cast<CallExpr &>(*e->value), f, nullptr);
  }
  if (auto *a = s.dyn<AssignStmt>(); a && a->targets.size() == 1) {
    std::string f = heapqCall(*a->value);
    if (!f.empty() && givesValue(f))
      return expand(static_cast<CallExpr &>(*a->value), f,
                    std::move(a->targets[0]));
  }
  if (s.kind == StmtKind::FunctionDef)
    return std::nullopt;
  // Values used in expressions: each call first, into a variable.
  Block out;
  bool conditional = false, failed = false;
  std::function<void(ExprPtr &)> visit = [&](ExprPtr &e) {
    if (failed || !e)
      return;
    if (e->dyn<IfExpExpr>() || e->dyn<BoolOpExpr>() || e->dyn<ListCompExpr>()) {
      bool saved = conditional;
      conditional = true;
      forEachChildSlot(*e, visit);
      conditional = saved;
      return;
    }
    std::string f = heapqCall(*e);
    if (f.empty()) {
      forEachChildSlot(*e, visit);
      return;
    }
    if (!known(f)) {
      diags_.error(e->range, "heapq." + f + kUnsupported);
      failed = true;
      return;
    }
    if (!givesValue(f) || conditional || s.kind == StmtKind::While) {
      diags_.error(e->range,
                   "heapq." + f +
                       "() changes its heap, so it is a statement of its "
                       "own here (x = heapq." +
                       f +
                       "(h)): not in a while condition, a branch that "
                       "runs only sometimes or a comprehension");
      failed = true;
      return;
    }
    forEachChildSlot(*e, visit);
    std::string value = temp("value");
    ASTBuilder b{e->range};
    ExprPtr call = std::move(e);
    e = b.name(value);
    std::optional<Block> done =
        expand(static_cast<CallExpr &>(*call), f, b.name(value));
    if (!done) {
      failed = true;
      return;
    }
    for (StmtPtr &x : *done)
      out.push_back(std::move(x));
  };
  forEachExprSlotOf(s, visit);
  if (failed || out.empty())
    return std::nullopt;
  out.push_back(cloneStmt(s));
  return out;
}

} // namespace

void desugarHeapq(ModuleAST &module, DiagnosticEngine &diags) {
  Rewriter r(diags);
  rewriteBlocks(module.body, [&](Stmt &s) { return r.statement(s); });
}

} // namespace weft
