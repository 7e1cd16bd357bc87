//===- SemaTest.cpp - Unit tests of type inference ------------------------===//
#include "frontend/Sema.h"
#include "frontend/Parser.h"

#include <catch2/catch.hpp>

using namespace weft;

namespace {
struct Analyzed {
  SourceFile file;
  DiagnosticEngine diags;
  std::unique_ptr<ModuleAST> module;
  std::unique_ptr<Program> program;
  explicit Analyzed(const std::string &src) : file("t.weft", src), diags(file) {
    module = parseModule(file, diags);
    if (!diags.hasErrors())
      program = analyzeModule(*module, diags);
  }
  Type local(const std::string &fn, const std::string &name) const {
    for (auto &inst : program->instances)
      if (inst->name == fn)
        return inst->locals.at(name);
    return Type::unknown();
  }
};
} // namespace

TEST_CASE("int and float assignments unify to f64", "[sema]") {
  Analyzed a("x = 1\nif x > 0:\n    x = 2.5\nprint(x)\n");
  REQUIRE(a.program);
  CHECK(a.local("__weft_main", "x") == Type::f64());
}

TEST_CASE("recursive function return type is inferred", "[sema]") {
  Analyzed a("def fib(n):\n    if n < 2:\n        return n\n"
             "    return fib(n - 1) + fib(n - 2)\nprint(fib(10))\n");
  REQUIRE(a.program);
  bool found = false;
  for (auto &inst : a.program->instances)
    if (inst->name == "fib") {
      found = true;
      CHECK(inst->returnType == Type::i64());
      CHECK(inst->paramTypes[0] == Type::i64());
    }
  CHECK(found);
}

TEST_CASE("generic functions are specialised per signature", "[sema]") {
  Analyzed a("def twice(x):\n    return x * 2\nprint(twice(3))\n"
             "print(twice(1.5))\n");
  REQUIRE(a.program);
  int count = 0;
  for (auto &inst : a.program->instances)
    if (inst->name == "twice") {
      ++count;
      CHECK(
          (inst->returnType == Type::i64() || inst->returnType == Type::f64()));
    }
  CHECK(count == 2);
}

TEST_CASE("true division is float, floor division keeps ints", "[sema]") {
  Analyzed a("a = 7 / 2\nb = 7 // 2\nc = 7.0 // 2\n");
  REQUIRE(a.program);
  CHECK(a.local("__weft_main", "a") == Type::f64());
  CHECK(a.local("__weft_main", "b") == Type::i64());
  CHECK(a.local("__weft_main", "c") == Type::f64());
}

TEST_CASE("arrays and tuples are typed", "[sema]") {
  Analyzed a("def mm(v):\n    return min(v), max(v)\nx = arange(5)\n"
             "y = zeros(3)\nlo, hi = mm(x)\nn = x.shape[0]\n");
  REQUIRE(a.program);
  CHECK(a.local("__weft_main", "x") == Type::array(ScalarKind::I64, 1));
  CHECK(a.local("__weft_main", "y") == Type::array(ScalarKind::F64, 1));
  CHECK(a.local("__weft_main", "lo") == Type::i64());
  CHECK(a.local("__weft_main", "n") == Type::i64());
}

TEST_CASE("a variable holding an array and a scalar is an error", "[sema]") {
  Analyzed a("x = zeros(3)\nx = 1\n");
  CHECK(!a.program);
  REQUIRE(a.diags.errorCount() == 1);
  const Diagnostic &d = a.diags.diagnostics()[0];
  CHECK(d.range.begin.line == 2);
  CHECK(d.message.find("'x' is assigned a i64") != std::string::npos);
  REQUIRE(d.notes.size() == 1);
  CHECK(d.notes[0].range.begin.line == 1);
}

TEST_CASE("undefined names and wrong arity are reported together", "[sema]") {
  Analyzed a("def f(a, b):\n    return a + b\nprint(f(1))\nprint(y)\n");
  CHECK(!a.program);
  REQUIRE(a.diags.errorCount() == 2);
  CHECK(a.diags.diagnostics()[0].message.find("takes 2 arguments but 1") !=
        std::string::npos);
  CHECK(a.diags.diagnostics()[1].message.find("name 'y' is not defined") !=
        std::string::npos);
}
