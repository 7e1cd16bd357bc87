//===- LiftNestedFunctions.cpp - inner functions as top-level ones --------===//
//
// Implements liftNestedFunctions (LiftNestedFunctions.h).
//
//===----------------------------------------------------------------------===//
#include "frontend/LiftNestedFunctions.h"

#include <algorithm>
#include <functional>
#include <set>
#include <string>

namespace weft {
namespace {

/// The names `block` reads (callee names of calls excluded).
std::set<std::string> namesRead(const Block &block) {
  std::set<std::string> out;
  forEachExprIn(block, [&](const Expr *e) {
    if (auto *n = e->dyn<NameExpr>(); n && !n->qualified)
      out.insert(n->name);
  });
  return out;
}

/// Lifts the functions defined at the top of `outer`'s body into
/// `lifted`.
void liftFrom(FunctionDefStmt &outer, Block &lifted) {
  std::set<std::string> outerLocals = localsOf(outer);
  for (size_t i = 0; i < outer.body.size();) {
    auto *inner = outer.body[i]->dyn<FunctionDefStmt>();
    if (!inner) {
      ++i;
      continue;
    }
    // The outer variables it reads, passed first at each call.
    std::set<std::string> innerLocals = localsOf(*inner);
    std::vector<std::string> captured;
    for (const std::string &n : namesRead(inner->body))
      if (outerLocals.count(n) && !innerLocals.count(n) && n != inner->name)
        captured.push_back(n);
    std::string innerName = inner->name;
    std::string liftedName = outer.name + "__" + innerName;
    std::vector<Param> params;
    for (const std::string &n : captured) {
      Param p;
      p.name = n;
      p.range = inner->nameRange;
      params.push_back(std::move(p));
    }
    for (Param &p : inner->params)
      params.push_back(std::move(p));
    inner->params = std::move(params);
    inner->name = liftedName;
    inner->decorators.clear(); // @njit on an inner function
    StmtPtr def = std::move(outer.body[i]);
    outer.body.erase(outer.body.begin() + static_cast<std::ptrdiff_t>(i));
    // Its calls in the outer body (and in the inner functions defined
    // after it, which then capture what it captures) name the lifted
    // function with the captures.
    auto rewrite = [&](const Block &block) {
      forEachExprIn(block, [&](const Expr *e) {
        auto *c = const_cast<CallExpr *>(e->dyn<CallExpr>());
        auto *callee = c ? c->callee->dyn<NameExpr>() : nullptr;
        if (!callee || callee->qualified || callee->name != innerName)
          return;
        callee->name = liftedName;
        std::vector<ExprPtr> args;
        for (const std::string &n : captured)
          args.push_back(std::make_unique<NameExpr>(callee->range, n));
        for (ExprPtr &a : c->args)
          args.push_back(std::move(a));
        c->args = std::move(args);
        for (size_t &k : c->starred) // (f(x, *t): t moves with x)
          k += captured.size();
      });
      // The function as a value (an argument: simpson(f, ...)): its
      // lifted name, with what it captures (weft.closure(g, captured...),
      // which specializeFunctionArguments takes apart).
      forEachExprSlotIn(const_cast<Block &>(block), [&](ExprPtr &e) {
        auto *n = e ? e->dyn<NameExpr>() : nullptr;
        if (!n || n->qualified || n->name != innerName)
          return;
        SourceRange r = n->range;
        if (captured.empty()) {
          n->name = liftedName;
          return;
        }
        auto closure = std::make_unique<CallExpr>(
            r, std::make_unique<NameExpr>(r, "weft.closure"));
        closure->args.push_back(std::make_unique<NameExpr>(r, liftedName));
        for (const std::string &c : captured)
          closure->args.push_back(std::make_unique<NameExpr>(r, c));
        e = std::move(closure);
      });
    };
    rewrite(outer.body);
    for (const StmtPtr &s : outer.body)
      if (auto *later = s->dyn<FunctionDefStmt>())
        rewrite(later->body); // an inner function defined after it
    lifted.push_back(std::move(def));
  }
}

} // namespace

void liftNestedFunctions(ModuleAST &module) {
  Block lifted;
  for (StmtPtr &s : module.body)
    if (auto *d = s->dyn<FunctionDefStmt>())
      liftFrom(*d, lifted);
  for (StmtPtr &s : lifted)
    module.body.push_back(std::move(s));
}

} // namespace weft
