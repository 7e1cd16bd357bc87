//===- CompilerTest.cpp - Unit tests of MLIRGen, lowering and the JIT -----===//
#include "compiler/Driver/Compilation.h"
#include "runtime/JITRunner.h"
#include "runtime/RuntimeABI.h"

#include "llvm/Support/raw_ostream.h"

#include <catch2/catch.hpp>

using namespace weft;

namespace {
std::string mlirText(Compilation &c) {
  std::string s;
  llvm::raw_string_ostream os(s);
  c.module()->print(os);
  return s;
}
} // namespace

TEST_CASE("MLIRGen emits one func per instance and weft.print", "[mlirgen]") {
  Compilation c("t.weft",
                "def sq(x):\n    return x * x\nprint(sq(3), sq(2.5))\n");
  REQUIRE(c.generateMLIR());
  std::string ir = mlirText(c);
  CHECK(ir.find("func.func @__weft_main()") != std::string::npos);
  CHECK(ir.find("func.func private @sq___i64(%arg0: i64) -> i64") !=
        std::string::npos);
  CHECK(ir.find("func.func private @sq___f64(%arg0: f64) -> f64") !=
        std::string::npos);
  CHECK(ir.find("weft.print \"{} {}\"") != std::string::npos);
}

TEST_CASE("the CPU pipeline leaves only the LLVM dialect", "[lowering]") {
  Compilation c("t.weft", "a = zeros(10)\nfor i in range(10):\n"
                          "    a[i] = i * 0.5\nprint(sum(a))\n");
  REQUIRE(c.lower());
  std::string ir = mlirText(c);
  CHECK(ir.find("llvm.func @__weft_main()") != std::string::npos);
  CHECK(ir.find("scf.") == std::string::npos);
  CHECK(ir.find("memref.") == std::string::npos);
  CHECK(ir.find("weft.") == std::string::npos);
}

TEST_CASE("JIT runs a program and frees every array", "[jit]") {
  int64_t before = rt::liveBuffers();
  Compilation c("t.weft",
                "def make(n):\n    a = arange(n)\n    b = a * 2\n    return b\n"
                "s = 0\nfor k in range(50):\n    x = make(k)\n    s += sum(x)\n"
                "assert s == 39200\n");
  REQUIRE(c.lower());
  std::string error;
  CHECK(runModule(c.module(), 2, error) == RunStatus::Ok);
  CHECK(error.empty());
  CHECK(rt::liveBuffers() == before);
}

TEST_CASE("growing and shrinking lists, and picking arrays with x if c else "
          "y, frees every buffer",
          "[jit]") {
  // In place, copied to a larger buffer, widened to floats, extended by
  // itself, shared with a for loop's copy, popped, in parallel iterations.
  int64_t before = rt::liveBuffers();
  Compilation c("t.weft", "@jit(python_lists=True)\n"
                          "def grow(n):\n"
                          "    a = []\n"
                          "    for i in range(n):\n"
                          "        a.append(i)\n"
                          "        if i % 7 == 0:\n"
                          "            a.append(i * 0.5)\n"
                          "    s = 0.0\n"
                          "    for x in a:\n"
                          "        s += x\n"
                          "    a.extend(a)\n"
                          "    while len(a) > 3:\n"
                          "        s += a.pop()\n"
                          "    return s + len(a)\n"
                          "@jit(python_lists=True)\n"
                          "def rows(n):\n"
                          "    out = zeros(n)\n"
                          "    for i in prange(n):\n"
                          "        b = []\n"
                          "        for j in range(i):\n"
                          "            b.append(j)\n"
                          "        out[i] = len(b)\n"
                          "    return sum(out)\n"
                          "def pick(n):\n"
                          "    a = arange(n * 1.0)\n"
                          "    t = 0.0\n"
                          "    for k in range(n):\n"
                          "        b = a if k % 2 == 0 else -a\n"
                          "        t += (b if k % 3 else a * 2)[k]\n"
                          "    return t\n"
                          "assert pick(10) == 37.0\n"
                          "assert grow(100) == 15954.5\n"
                          "assert rows(100) == 4950.0\n");
  REQUIRE(c.lower());
  std::string error;
  CHECK(runModule(c.module(), 2, error) == RunStatus::Ok);
  CHECK(error.empty());
  CHECK(rt::liveBuffers() == before);
}

TEST_CASE("runtime errors come back as an error status", "[jit]") {
  Compilation c("t.weft", "x = 0\ny = 10 // x\nprint(y)\n");
  REQUIRE(c.lower());
  std::string error;
  CHECK(runModule(c.module(), 0, error) == RunStatus::RuntimeError);
  CHECK(error.find("2") != std::string::npos);
  CHECK(error.find("ZeroDivisionError: integer division or modulo by zero") !=
        std::string::npos);
}
