//===- ParserTest.cpp - Unit tests of the Weft parser ---------------------===//
//
// Operator precedence and associativity, statements and their shapes in the
// AST, source locations, the AST dump, and error recovery (several errors
// per run, no crash on pathological nesting).
//
//===----------------------------------------------------------------------===//
#include "frontend/Parser.h"

#include <catch2/catch.hpp>

using namespace weft;

namespace {

struct Parsed {
  SourceFile file;
  DiagnosticEngine diags;
  std::unique_ptr<ModuleAST> module;
  explicit Parsed(const std::string &src)
      : file("test.weft", src), diags(file), module(parseModule(file, diags)) {}
  const Stmt &stmt(size_t i) const { return *module->body.at(i); }
  /// The value of the `i`-th statement when it is `x = value` or `value`.
  const Expr &value(size_t i = 0) const {
    if (const auto *a = stmt(i).dyn<AssignStmt>())
      return *a->value;
    return *stmt(i).dyn<ExprStmt>()->value;
  }
  std::string message(size_t i) const {
    return diags.diagnostics().at(i).message;
  }
  SourceLocation where(size_t i) const {
    return diags.diagnostics().at(i).range.begin;
  }
};

int64_t intOf(const Expr &e) {
  const auto *lit = e.dyn<IntLitExpr>();
  REQUIRE(lit);
  return lit->value;
}

std::string nameOf(const Expr &e) {
  const auto *n = e.dyn<NameExpr>();
  REQUIRE(n);
  return n->name;
}

} // namespace

TEST_CASE("parser: 1 + 2 * 3 ** 2 nests by precedence", "[parser]") {
  Parsed p("x = 1 + 2 * 3 ** 2\n");
  REQUIRE_FALSE(p.diags.hasErrors());
  const auto *add = p.value().dyn<BinaryExpr>();
  REQUIRE(add);
  CHECK(add->op == BinaryOp::Add);
  CHECK(intOf(*add->lhs) == 1);
  CHECK(add->opLoc.col == 7);
  const auto *mul = add->rhs->dyn<BinaryExpr>();
  REQUIRE(mul);
  CHECK(mul->op == BinaryOp::Mul);
  CHECK(intOf(*mul->lhs) == 2);
  const auto *pow = mul->rhs->dyn<BinaryExpr>();
  REQUIRE(pow);
  CHECK(pow->op == BinaryOp::Pow);
  CHECK(intOf(*pow->lhs) == 3);
  CHECK(intOf(*pow->rhs) == 2);
  CHECK(pow->opLoc.col == 15);
  CHECK(add->range.begin.col == 5);
  CHECK(add->range.end.col == 19);
}

TEST_CASE("parser: left associativity and bitwise precedence", "[parser]") {
  Parsed p("a - b - c\nx | y ^ z & w << 1\n");
  REQUIRE_FALSE(p.diags.hasErrors());
  const auto *sub = p.value(0).dyn<BinaryExpr>();
  REQUIRE(sub);
  REQUIRE(sub->lhs->dyn<BinaryExpr>());
  CHECK(nameOf(*sub->rhs) == "c");
  const auto *orE = p.value(1).dyn<BinaryExpr>();
  REQUIRE(orE);
  CHECK(orE->op == BinaryOp::BitOr);
  const auto *xorE = orE->rhs->dyn<BinaryExpr>();
  REQUIRE(xorE);
  CHECK(xorE->op == BinaryOp::BitXor);
  const auto *andE = xorE->rhs->dyn<BinaryExpr>();
  REQUIRE(andE);
  CHECK(andE->op == BinaryOp::BitAnd);
  REQUIRE(andE->rhs->dyn<BinaryExpr>());
  CHECK(andE->rhs->dyn<BinaryExpr>()->op == BinaryOp::LShift);
}

TEST_CASE("parser: -2**2 is -(2**2) and ** is right-associative", "[parser]") {
  Parsed p("-2**2\nx ** -1\n2 ** 3 ** 2\n2 ** -2\n");
  REQUIRE_FALSE(p.diags.hasErrors());
  const auto *neg = p.value(0).dyn<UnaryExpr>();
  REQUIRE(neg);
  CHECK(neg->op == UnaryOp::Neg);
  REQUIRE(neg->operand->dyn<BinaryExpr>());
  CHECK(neg->operand->dyn<BinaryExpr>()->op == BinaryOp::Pow);

  const auto *pow = p.value(1).dyn<BinaryExpr>();
  REQUIRE(pow);
  REQUIRE(pow->rhs->dyn<UnaryExpr>());
  CHECK(intOf(*pow->rhs->dyn<UnaryExpr>()->operand) == 1);

  const auto *right = p.value(2).dyn<BinaryExpr>();
  REQUIRE(right);
  CHECK(intOf(*right->lhs) == 2);
  REQUIRE(right->rhs->dyn<BinaryExpr>());
  CHECK(intOf(*right->rhs->dyn<BinaryExpr>()->lhs) == 3);

  // Two int literals with a negative exponent: the float Python folds.
  const auto *folded = p.value(3).dyn<FloatLitExpr>();
  REQUIRE(folded);
  CHECK(folded->value == 0.25);
}

TEST_CASE("parser: chained comparison is one CompareExpr", "[parser]") {
  Parsed p("ok = 0 <= i < n\n");
  REQUIRE_FALSE(p.diags.hasErrors());
  const auto *c = p.value().dyn<CompareExpr>();
  REQUIRE(c);
  REQUIRE(c->ops.size() == 2);
  CHECK(c->ops[0] == CompareOp::Le);
  CHECK(c->ops[1] == CompareOp::Lt);
  REQUIRE(c->operands.size() == 3);
  CHECK(intOf(*c->operands[0]) == 0);
  CHECK(nameOf(*c->operands[1]) == "i");
  CHECK(nameOf(*c->operands[2]) == "n");
}

TEST_CASE("parser: boolean operators and conditional expression", "[parser]") {
  Parsed p("r = a if not b or c and d else e\n");
  REQUIRE_FALSE(p.diags.hasErrors());
  const auto *ifx = p.value().dyn<IfExpExpr>();
  REQUIRE(ifx);
  CHECK(nameOf(*ifx->thenValue) == "a");
  CHECK(nameOf(*ifx->elseValue) == "e");
  const auto *orE = ifx->cond->dyn<BoolOpExpr>();
  REQUIRE(orE);
  CHECK(orE->op == BoolOpKind::Or);
  REQUIRE(orE->lhs->dyn<UnaryExpr>());
  CHECK(orE->lhs->dyn<UnaryExpr>()->op == UnaryOp::Not);
  REQUIRE(orE->rhs->dyn<BoolOpExpr>());
  CHECK(orE->rhs->dyn<BoolOpExpr>()->op == BoolOpKind::And);
}

TEST_CASE("parser: tuple return and tuple assignment", "[parser]") {
  Parsed p("def f(x):\n    return x, x + 1\na, b = f(2)\nc = d = 0\n");
  REQUIRE_FALSE(p.diags.hasErrors());
  const auto *fn = p.stmt(0).dyn<FunctionDefStmt>();
  REQUIRE(fn);
  REQUIRE(fn->body.size() == 1);
  const auto *ret = fn->body[0]->dyn<ReturnStmt>();
  REQUIRE(ret);
  const auto *tup = ret->value->dyn<TupleExpr>();
  REQUIRE(tup);
  CHECK(tup->elts.size() == 2);

  const auto *assign = p.stmt(1).dyn<AssignStmt>();
  REQUIRE(assign);
  REQUIRE(assign->targets.size() == 1);
  const auto *targets = assign->targets[0]->dyn<TupleExpr>();
  REQUIRE(targets);
  CHECK(nameOf(*targets->elts[0]) == "a");
  CHECK(nameOf(*targets->elts[1]) == "b");
  REQUIRE(assign->value->dyn<CallExpr>());

  const auto *chain = p.stmt(2).dyn<AssignStmt>();
  REQUIRE(chain);
  REQUIRE(chain->targets.size() == 2);
  CHECK(nameOf(*chain->targets[0]) == "c");
  CHECK(nameOf(*chain->targets[1]) == "d");
  CHECK(intOf(*chain->value) == 0);
}

TEST_CASE("parser: if/elif/else chain", "[parser]") {
  Parsed p("if x < 0:\n    s = -1\nelif x == 0:\n    s = 0\nelse:\n"
           "    s = 1\n    t = 2\nprint(s)\n");
  REQUIRE_FALSE(p.diags.hasErrors());
  REQUIRE(p.module->body.size() == 2);
  const auto *top = p.stmt(0).dyn<IfStmt>();
  REQUIRE(top);
  CHECK(top->range.begin.line == 1);
  CHECK(top->range.end.line == 7);
  CHECK(top->body.size() == 1);
  REQUIRE(top->orelse.size() == 1);
  const auto *elif = top->orelse[0]->dyn<IfStmt>();
  REQUIRE(elif);
  CHECK(elif->range.begin.line == 3);
  CHECK(elif->body.size() == 1);
  CHECK(elif->orelse.size() == 2);
}

TEST_CASE("parser: slices and multi-dimensional indexing", "[parser]") {
  Parsed p("a[1:n]\na[::2]\na[:, 0]\na[i, j] = b[1:-1] * 0.5\n");
  REQUIRE_FALSE(p.diags.hasErrors());
  const auto *i0 = p.value(0).dyn<IndexExpr>();
  REQUIRE(i0);
  REQUIRE(i0->indices.size() == 1);
  const auto *s0 = i0->indices[0]->dyn<SliceExpr>();
  REQUIRE(s0);
  CHECK(intOf(*s0->lower) == 1);
  CHECK(nameOf(*s0->upper) == "n");
  CHECK_FALSE(s0->step);

  const auto *s1 = p.value(1).dyn<IndexExpr>()->indices[0]->dyn<SliceExpr>();
  REQUIRE(s1);
  CHECK_FALSE(s1->lower);
  CHECK_FALSE(s1->upper);
  CHECK(intOf(*s1->step) == 2);

  const auto *i2 = p.value(2).dyn<IndexExpr>();
  REQUIRE(i2);
  REQUIRE(i2->indices.size() == 2);
  const auto *s2 = i2->indices[0]->dyn<SliceExpr>();
  REQUIRE(s2);
  CHECK_FALSE(s2->lower);
  CHECK_FALSE(s2->upper);
  CHECK(intOf(*i2->indices[1]) == 0);

  const auto *assign = p.stmt(3).dyn<AssignStmt>();
  REQUIRE(assign);
  REQUIRE(assign->targets[0]->dyn<IndexExpr>());
  CHECK(assign->targets[0]->dyn<IndexExpr>()->indices.size() == 2);
}

TEST_CASE("parser: calls, attributes, lists and annotations", "[parser]") {
  Parsed p("@jit(parallel=True)\n"
           "def f(a, b: f64, c: i64[:]) -> f64[:, :]:\n"
           "    x: f64[:] = load(\"a.npy\")\n"
           "    n = a.shape[0]\n"
           "    v = [1.0, 2.0]\n"
           "    for i in range(n): v[i] += 1.0\n"
           "    while n > 0:\n"
           "        n -= 1\n"
           "        continue\n"
           "    assert n == 0, \"done\"\n"
           "    return zeros((n, n), dtype=f64)\n");
  REQUIRE_FALSE(p.diags.hasErrors());
  const auto *fn = p.stmt(0).dyn<FunctionDefStmt>();
  REQUIRE(fn);
  CHECK(fn->name == "f");
  CHECK(fn->range.begin.line == 2);
  REQUIRE(fn->decorators.size() == 1);
  const auto *dec = fn->decorators[0]->dyn<CallExpr>();
  REQUIRE(dec);
  REQUIRE(dec->keywords.size() == 1);
  CHECK(dec->keywords[0].name == "parallel");
  REQUIRE(fn->params.size() == 3);
  CHECK_FALSE(fn->params[0].hasAnnotation);
  CHECK(fn->params[1].annotation.scalar == "f64");
  CHECK(fn->params[1].annotation.rank == 0);
  CHECK(fn->params[2].annotation.scalar == "i64");
  CHECK(fn->params[2].annotation.rank == 1);
  CHECK(fn->hasReturnAnnotation);
  CHECK(fn->returnAnnotation.rank == 2);
  REQUIRE(fn->body.size() == 7);
  const auto *ann = fn->body[0]->dyn<AnnAssignStmt>();
  REQUIRE(ann);
  CHECK(ann->annotation.rank == 1);
  REQUIRE(ann->value->dyn<CallExpr>());
  REQUIRE(ann->value->dyn<CallExpr>()->args[0]->dyn<StrLitExpr>());
  CHECK(ann->value->dyn<CallExpr>()->args[0]->dyn<StrLitExpr>()->value ==
        "a.npy");
  const auto *shape = fn->body[1]->dyn<AssignStmt>()->value->dyn<IndexExpr>();
  REQUIRE(shape);
  REQUIRE(shape->base->dyn<AttributeExpr>());
  CHECK(shape->base->dyn<AttributeExpr>()->attr == "shape");
  REQUIRE(fn->body[2]->dyn<AssignStmt>()->value->dyn<ListExpr>());
  const auto *loop = fn->body[3]->dyn<ForStmt>();
  REQUIRE(loop);
  REQUIRE(loop->body.size() == 1);
  REQUIRE(loop->body[0]->dyn<AugAssignStmt>());
  CHECK(loop->body[0]->dyn<AugAssignStmt>()->op == BinaryOp::Add);
  const auto *wh = fn->body[4]->dyn<WhileStmt>();
  REQUIRE(wh);
  CHECK(wh->body.size() == 2);
  const auto *as = fn->body[5]->dyn<AssertStmt>();
  REQUIRE(as);
  REQUIRE(as->msg);
  const auto *call = fn->body[6]->dyn<ReturnStmt>()->value->dyn<CallExpr>();
  REQUIRE(call);
  REQUIRE(call->args.size() == 1);
  CHECK(call->args[0]->dyn<TupleExpr>());
  CHECK(call->keywords.size() == 1);
}

TEST_CASE("parser: AST dump", "[parser]") {
  Parsed p("def fib(n):\n    if n < 2:\n        return n\n");
  REQUIRE_FALSE(p.diags.hasErrors());
  CHECK(dumpAST(*p.module) == "Module test.weft\n"
                              "  FunctionDef fib(n) @1:1\n"
                              "    If @2:5\n"
                              "      Compare < @2:8\n"
                              "        Name n\n"
                              "        IntLit 2\n"
                              "      Then\n"
                              "        Return @3:9\n"
                              "          Name n\n");
  Parsed q("def g(x: f64[:]) -> f64:\n    return x[0] * 2.5\n");
  CHECK(dumpAST(*q.module).find("FunctionDef g(x: f64[:]) -> f64 @1:1") !=
        std::string::npos);
  CHECK(dumpAST(*q.module).find("FloatLit 2.5") != std::string::npos);
}

TEST_CASE("parser: missing colon message and location", "[parser]") {
  Parsed p("def f(x)\n    return x\nif x > 1\n    pass\n");
  REQUIRE(p.diags.errorCount() == 2);
  CHECK(p.message(0).find("expected ':'") == 0);
  CHECK(p.where(0).line == 1);
  CHECK(p.where(0).col == 9);
  CHECK(p.message(1) == "expected ':' at end of 'if' condition");
  CHECK(p.where(1).line == 3);
  CHECK(p.where(1).col == 9);
}

TEST_CASE("parser: several errors are reported in one run", "[parser]") {
  Parsed p("x = 1 +\n"
           "y = 2\n"
           "f(x) = 3\n"
           "def g():\n"
           "z = (1, 2\n");
  REQUIRE(p.diags.errorCount() == 4);
  CHECK(p.message(0).find("expected an expression") == 0);
  CHECK(p.where(0).line == 1);
  CHECK(p.where(0).col == 8);
  CHECK(p.message(1) == "cannot assign to a function call; the left side must "
                        "be a name, an element a[i] or a tuple of names");
  CHECK(p.where(1).line == 3);
  CHECK(p.where(1).col == 1);
  CHECK(p.message(2).find("expected indented block after 'def'") == 0);
  CHECK(p.where(2).line == 5);
  CHECK(p.where(2).col == 1);
  CHECK(p.message(3) == "expected ')' to close the '(' opened at 5:5");
  // Statements around the errors are still parsed.
  CHECK(p.module->body.size() >= 2);
  CHECK(p.stmt(0).dyn<AssignStmt>());
  CHECK(nameOf(*p.stmt(0).dyn<AssignStmt>()->targets[0]) == "y");
}

TEST_CASE("parser: lexer and parser errors come out in source order",
          "[parser]") {
  Parsed p("a = 1 +\nb = 2 $ 3\n");
  REQUIRE(p.diags.errorCount() >= 2);
  CHECK(p.where(0).line == 1);
  CHECK(p.message(1) ==
        "unexpected character '$'; it has no meaning in Weft, remove it");
  CHECK(p.where(1).line == 2);
  CHECK(p.where(1).col == 7);
}

TEST_CASE("parser: bad assignment targets", "[parser]") {
  Parsed p("1 = x\na + b += 1\n(a, f(b)) = 1, 2\n");
  REQUIRE(p.diags.errorCount() == 3);
  CHECK(p.message(0).find("cannot assign to a literal") == 0);
  CHECK(p.message(1).find("cannot use augmented assignment on an operator "
                          "expression") == 0);
  CHECK(p.message(2).find("cannot assign to a function call") == 0);
  CHECK(p.where(2).col == 5);
}

TEST_CASE("parser: deep nesting gives an error, not a crash", "[parser]") {
  std::string deep = "x = " + std::string(10000, '(') + "1" +
                     std::string(10000, ')') + "\ny = 2\n";
  Parsed p(deep);
  REQUIRE(p.diags.errorCount() == 1);
  CHECK(p.message(0).find("expression nested too deeply") == 0);
  CHECK(p.where(0).line == 1);
  REQUIRE(p.module->body.size() == 1);
  CHECK(nameOf(*p.stmt(0).dyn<AssignStmt>()->targets[0]) == "y");

  Parsed unary("x = " + std::string(50000, '-') + "1\n");
  CHECK(unary.diags.errorCount() == 1);
  Parsed unclosed("x = " + std::string(5000, '['));
  CHECK(unclosed.diags.errorCount() == 1);

  std::string blocks;
  for (int i = 0; i < 300; ++i)
    blocks += std::string(i, ' ') + "if x:\n";
  blocks += std::string(300, ' ') + "pass\n";
  Parsed nested(blocks);
  REQUIRE(nested.diags.errorCount() == 1);
  CHECK(nested.message(0).find("block nested too deeply") == 0);
}

TEST_CASE("parser: garbage input terminates", "[parser]") {
  const char *inputs[] = {"",       ")",         "]]]:",        "def",
                          "def f(", "@",         "@jit\nx = 1", "if",
                          "else:",  "for in",    "x[",          "a = = b",
                          "\n  x",  ":\n  :\n:", "return (",    "lambda x: x"};
  for (const char *src : inputs) {
    Parsed p(src);
    CHECK(p.module);
  }
  CHECK(Parsed("@jit\nx = 1").message(0).find("expected 'def'") == 0);
}
