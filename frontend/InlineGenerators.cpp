//===- InlineGenerators.cpp - Generators inlined into their loops ---------===//
//
// Implements inlineGenerators (InlineGenerators.h).
//
//===----------------------------------------------------------------------===//
#include "frontend/InlineGenerators.h"

#include "frontend/ASTBuild.h"

#include <map>
#include <set>
#include <string>

namespace weft {
namespace {

constexpr const char *kYield = "weft.yield";

/// The value of `yield v` (the statement the parser makes of it), or null.
CallExpr *yieldOf(Stmt &s) {
  auto *e = s.dyn<ExprStmt>();
  auto *c = e ? e->value->dyn<CallExpr>() : nullptr;
  auto *n = c ? c->callee->dyn<NameExpr>() : nullptr;
  return n && n->name == kYield ? c : nullptr;
}

bool hasYield(const Block &body) {
  bool found = false;
  forEachStmtIn(body, [&](const Stmt &s) {
    found = found || yieldOf(const_cast<Stmt &>(s));
  });
  return found;
}

/// Renames, in `block`, each name of `names` to name + suffix.
void renameBlock(Block &block, const std::set<std::string> &names,
                 const std::string &suffix) {
  forEachExprSlotIn(block, [&](ExprPtr &e) {
    if (auto *n = e ? e->dyn<NameExpr>() : nullptr;
        n && !n->qualified && names.count(n->name))
      n->name += suffix;
  });
}

StmtPtr assignFlag(SourceRange r, const std::string &flag, bool value) {
  ASTBuilder b{r};
  return b.assign(b.name(flag), std::make_unique<BoolLitExpr>(r, value));
}

/// `if flag: break`.
StmtPtr breakIf(SourceRange r, const std::string &flag) {
  ASTBuilder b{r};
  auto test = b.ifStmt(b.name(flag));
  test->body.push_back(std::make_unique<BreakStmt>(r));
  return test;
}

/// `for once in range(1): body`.
std::unique_ptr<ForStmt> oncePass(SourceRange r, const std::string &var,
                                  Block body) {
  ASTBuilder b{r};
  std::vector<ExprPtr> one;
  one.push_back(b.i64(1));
  auto loop = b.loop(var, b.call("range", std::move(one)));
  loop->range = r;
  loop->body = std::move(body);
  return loop;
}

class Inliner {
public:
  Inliner(DiagnosticEngine &diags,
          const std::map<std::string, const FunctionDefStmt *> &generators)
      : diags_(diags), generators_(generators) {}

  /// Rewrites the generator loops of `block` (and of the blocks in it).
  void block(Block &stmts, int depth = 0);

private:
  DiagnosticEngine &diags_;
  const std::map<std::string, const FunctionDefStmt *> &generators_;
  int count_ = 0;

  /// The generator `iter` calls, or null.
  const FunctionDefStmt *generatorCalled(const Expr &iter) const {
    auto *c = iter.dyn<CallExpr>();
    auto *n = c ? c->callee->dyn<NameExpr>() : nullptr;
    if (!n || n->qualified)
      return nullptr;
    auto it = generators_.find(n->name);
    return it == generators_.end() ? nullptr : it->second;
  }

  /// The statements that run `loop` over generator `gen`.
  std::optional<Block> inlineLoop(ForStmt &loop, const FunctionDefStmt &gen);

  /// The generator's body (its names renamed already) with each yield
  /// replaced by the loop's target and body, each return by the stop.
  void expandBody(Block &body, const ForStmt &loop, const std::string &stop,
                  int number);
};

std::optional<Block> Inliner::inlineLoop(ForStmt &loop,
                                         const FunctionDefStmt &gen) {
  auto &call = static_cast<CallExpr &>(*loop.iter);
  int number = ++count_;
  std::string suffix = ".g" + std::to_string(number);
  ASTBuilder b{loop.range};
  Block out;
  // The parameters, bound to the arguments (in order, then by keyword,
  // then their defaults), as Python binds them.
  std::vector<ExprPtr> bound(gen.params.size());
  if (call.args.size() > gen.params.size()) {
    diags_.error(call.range, "generator '" + gen.name + "' takes " +
                                 std::to_string(gen.params.size()) +
                                 " arguments, got " +
                                 std::to_string(call.args.size()));
    return std::nullopt;
  }
  for (size_t i = 0; i < call.args.size(); ++i)
    bound[i] = std::move(call.args[i]);
  for (KeywordArg &k : call.keywords) {
    size_t i = 0;
    while (i < gen.params.size() && gen.params[i].name != k.name)
      ++i;
    if (i == gen.params.size() || bound[i]) {
      diags_.error(k.nameRange, "generator '" + gen.name +
                                    "' has no other parameter '" + k.name +
                                    "'");
      return std::nullopt;
    }
    bound[i] = std::move(k.value);
  }
  for (size_t i = 0; i < gen.params.size(); ++i) {
    if (!bound[i] && gen.params[i].defaultValue)
      bound[i] = cloneExpr(gen.params[i].defaultValue.get());
    if (!bound[i]) {
      diags_.error(call.range, "generator '" + gen.name +
                                   "' is missing its argument '" +
                                   gen.params[i].name + "'");
      return std::nullopt;
    }
    out.push_back(
        b.assign(b.name(gen.params[i].name + suffix), std::move(bound[i])));
  }
  std::set<std::string> names = localsOf(gen);
  Block body = cloneBlock(gen.body);
  renameBlock(body, names, suffix);
  std::string stop = "__generator_stop" + suffix;
  out.push_back(assignFlag(loop.range, stop, false));
  expandBody(body, loop, stop, number);
  out.push_back(
      oncePass(loop.range, "__generator_run" + suffix, std::move(body)));
  return out;
}

void Inliner::expandBody(Block &body, const ForStmt &loop,
                         const std::string &stop, int number) {
  Block out;
  for (StmtPtr &s : body) {
    SourceRange r = s->range;
    if (CallExpr *y = yieldOf(*s)) {
      ASTBuilder b{r};
      Block step;
      step.push_back(
          b.assign(cloneExpr(loop.target.get()), std::move(y->args[0])));
      Block consumer = cloneBlock(loop.body);
      flagBreaks(consumer, stop);
      out.push_back(std::move(step.front()));
      out.push_back(oncePass(r, "__generator_step.g" + std::to_string(number),
                             std::move(consumer)));
      out.push_back(breakIf(r, stop));
      continue;
    }
    if (auto *ret = s->dyn<ReturnStmt>()) {
      if (ret->value)
        diags_.error(ret->range, "a generator's return takes no value here "
                                 "(the value would end the loop unseen)");
      out.push_back(assignFlag(r, stop, true));
      out.push_back(std::make_unique<BreakStmt>(r));
      continue;
    }
    if (auto *i = s->dyn<IfStmt>()) {
      expandBody(i->body, loop, stop, number);
      expandBody(i->orelse, loop, stop, number);
    } else if (auto *f = s->dyn<ForStmt>()) {
      expandBody(f->body, loop, stop, number);
    } else if (auto *w = s->dyn<WhileStmt>()) {
      expandBody(w->body, loop, stop, number);
    }
    bool isLoop = s->kind == StmtKind::For || s->kind == StmtKind::While;
    out.push_back(std::move(s));
    if (isLoop) // the stop leaves every loop of the generator
      out.push_back(breakIf(r, stop));
  }
  body = std::move(out);
}

void Inliner::block(Block &stmts, int depth) {
  Block out;
  for (StmtPtr &s : stmts) {
    if (auto *d = s->dyn<FunctionDefStmt>()) {
      block(d->body, depth);
      out.push_back(std::move(s));
      continue;
    }
    auto *loop = s->dyn<ForStmt>();
    const FunctionDefStmt *gen = loop ? generatorCalled(*loop->iter) : nullptr;
    if (gen) {
      if (depth > 16) {
        diags_.error(loop->iter->range,
                     "generator '" + gen->name +
                         "' iterates itself (directly or through other "
                         "generators); write the recursion as a function "
                         "that fills a list");
        continue;
      }
      std::optional<Block> inlined = inlineLoop(*loop, *gen);
      if (!inlined)
        continue;
      block(*inlined, depth + 1); // generators the generator iterates
      for (StmtPtr &x : *inlined)
        out.push_back(std::move(x));
      continue;
    }
    if (auto *i = s->dyn<IfStmt>()) {
      block(i->body, depth);
      block(i->orelse, depth);
    } else if (auto *f = s->dyn<ForStmt>()) {
      block(f->body, depth);
    } else if (auto *w = s->dyn<WhileStmt>()) {
      block(w->body, depth);
    }
    out.push_back(std::move(s));
  }
  stmts = std::move(out);
}

} // namespace

void inlineGenerators(ModuleAST &module, DiagnosticEngine &diags) {
  std::map<std::string, const FunctionDefStmt *> generators;
  for (const StmtPtr &s : module.body)
    if (auto *d = s->dyn<FunctionDefStmt>(); d && hasYield(d->body))
      generators[d->name] = d;
  if (generators.empty())
    return;
  // The generators leave the module (kept here while their bodies are
  // copied); their own loops over other generators are inlined when they
  // are, with the generator's body.
  Block kept;
  std::vector<StmtPtr> defs;
  for (StmtPtr &s : module.body) {
    auto *d = s->dyn<FunctionDefStmt>();
    if (d && generators.count(d->name))
      defs.push_back(std::move(s));
    else
      kept.push_back(std::move(s));
  }
  module.body = std::move(kept);
  Inliner(diags, generators).block(module.body);
  // Every use left is one Weft cannot run.
  std::function<void(const Block &)> check = [&](const Block &block) {
    forEachExprIn(block, [&](const Expr *e) {
      auto *c = e->dyn<CallExpr>();
      auto *n = c ? c->callee->dyn<NameExpr>() : nullptr;
      if (n && !n->qualified && generators.count(n->name))
        diags.error(c->range,
                    "generator '" + n->name +
                        "' is run by a for loop here (for x in " + n->name +
                        "(...):); to keep its values, append them to a list "
                        "in that loop");
      else if (n && n->name == kYield)
        diags.error(c->range, "'yield' is a statement of a generator "
                              "function (a def), not a value");
    });
    forEachStmtIn(block, [&](const Stmt &s) {
      if (auto *d = s.dyn<FunctionDefStmt>())
        check(d->body);
    });
  };
  check(module.body);
}

} // namespace weft
