//===- SemaReturns.cpp - Returns: missing ones, host results, unknowns ----===//
//
// A function that returns a value must return on every path: where Python
// would fall off the end and return None, Weft has no value of the
// function's type to give, so reaching the end is a compile error. The
// analysis follows the control flow of the body: a path ends at `return`,
// at an if/else whose branches all end, at a `while` loop whose condition
// is always true and that has no `break`, and at `assert False`. Also the
// results a host cannot take, and locals whose type stayed unknown.
//
//===----------------------------------------------------------------------===//
#include "frontend/SemaImpl.h"

namespace weft {
namespace sema {

namespace {

/// A literal condition's truth value, if it has one (True, 1, 0.0...).
std::optional<bool> literalTruth(const Expr *e) {
  if (auto *b = e->dyn<BoolLitExpr>())
    return b->value;
  if (auto *i = e->dyn<IntLitExpr>())
    return i->value != 0;
  if (auto *f = e->dyn<FloatLitExpr>())
    return f->value != 0.0;
  return std::nullopt;
}

/// True if `body` (a loop's) holds a `break` of that loop, i.e. one not
/// nested in an inner loop.
bool hasBreak(const Block &body) {
  for (const StmtPtr &s : body) {
    if (s->kind == StmtKind::Break)
      return true;
    if (auto *i = s->dyn<IfStmt>())
      if (hasBreak(i->body) || hasBreak(i->orelse))
        return true;
  }
  return false;
}

bool blockCanEnd(const Block &block);

/// True if control can go on after `s` (it does not always leave the
/// block by return, break or continue, or run forever).
bool stmtCanEnd(const Stmt &s) {
  switch (s.kind) {
  case StmtKind::Return:
  case StmtKind::Break:
  case StmtKind::Continue:
    return false;
  case StmtKind::If: {
    auto &i = static_cast<const IfStmt &>(s);
    std::optional<bool> truth = literalTruth(i.cond.get());
    if (truth)
      return blockCanEnd(*truth ? i.body : i.orelse);
    return blockCanEnd(i.body) || blockCanEnd(i.orelse);
  }
  case StmtKind::While: {
    // Without a `break`, only a false condition ends the loop.
    auto &w = static_cast<const WhileStmt &>(s);
    std::optional<bool> truth = literalTruth(w.cond.get());
    return !(truth && *truth) || hasBreak(w.body);
  }
  case StmtKind::Assert: {
    std::optional<bool> truth =
        literalTruth(static_cast<const AssertStmt &>(s).test.get());
    return !truth || *truth;
  }
  default:
    return true;
  }
}

bool blockCanEnd(const Block &block) {
  for (const StmtPtr &s : block)
    if (!stmtCanEnd(*s))
      return false;
  return true;
}

} // namespace

bool canFallOffEnd(const Block &body) { return blockCanEnd(body); }

void Analyzer::checkReturnsOnEveryPath(FunctionInstance &fn) {
  // An optional result is None at the end, as in Python.
  if (!fn.def || !fn.returnType.isKnown() || fn.returnType.isNone() ||
      fn.returnType.isOptional() || !blockCanEnd(*fn.body))
    return;
  const std::string &name = fn.def->name, type = fn.returnType.str();
  // A list or str returned on every path the program takes, where the
  // end may not be reached (`if mode == 0: return s` / `elif ...`):
  // reaching the end is a runtime error, as Weft has no None of them
  // (numbers, arrays and tuples are optional there, Sema.cpp).
  if (!fn.def->hasReturnAnnotation && !fn.returnType.isScalar()) {
    fn.noneAtEnd = true;
    return;
  }
  Diagnostic *d;
  if (fn.def->hasReturnAnnotation)
    d = &diags_.error(fn.def->nameRange,
                      "'" + name + "' is declared to return " + type +
                          " but can reach the end of its body without a "
                          "return; add a return statement at the end of '" +
                          name + "'");
  else
    d = &diags_.error(fn.def->nameRange,
                      "'" + name + "' returns " + type +
                          " on some paths but can reach the end of its body "
                          "without a return (Python would return None "
                          "there, and a " +
                          type +
                          " is never None in Weft); add a return statement "
                          "at the end of '" +
                          name + "'");
  if (!fn.body->empty())
    DiagnosticEngine::note(*d, fn.body->back()->range,
                           "the end of '" + name +
                               "' is reached after this statement");
}

void Analyzer::reportUnknownLocals(FunctionInstance &fn) {
  for (auto &[name, t] : fn.locals)
    if (!t.isKnown()) {
      auto it = firstDef_.find({&fn, name});
      SourceRange r = it != firstDef_.end()
                          ? it->second
                          : (fn.def ? fn.def->nameRange : SourceRange());
      // The front end's own variables (a for loop's sequence) are named
      // by what they hold.
      std::string what = name.rfind("__for_", 0) == 0
                             ? "the sequence this loop iterates over"
                             : "'" + name + "'";
      diags_.error(r, "cannot infer the type of " + what +
                          "; assign it a value of known type first");
    }
}

} // namespace sema
} // namespace weft
