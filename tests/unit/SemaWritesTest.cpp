//===- SemaWritesTest.cpp - Which parameters a function may write ---------===//
#include "frontend/Parser.h"
#include "frontend/Sema.h"

#include <catch2/catch.hpp>

using namespace weft;

namespace {

/// writtenParams of the (only) instance of `fn` in `src`, as "01" strings.
std::string written(const std::string &src, const std::string &fn) {
  SourceFile file("w.weft", src);
  DiagnosticEngine diags(file);
  auto module = parseModule(file, diags);
  REQUIRE(!diags.hasErrors());
  auto program = analyzeModule(*module, diags);
  INFO(diags.renderAll());
  REQUIRE(program);
  for (auto &inst : program->instances)
    if (inst->name == fn) {
      std::string s;
      for (bool w : inst->writtenParams)
        s += w ? '1' : '0';
      return s;
    }
  FAIL("no instance of " << fn);
  return "";
}

} // namespace

TEST_CASE("stores into parameters and their views are writes", "[sema]") {
  CHECK(written("def f(a: f64[:], b: f64[:]):\n    a[0] = b[1]\n", "f") ==
        "10");
  CHECK(written("def f(a: f64[:], b: f64[:]):\n    a[:] = b\n", "f") == "10");
  CHECK(written("def f(a: f64[:, :], k: f64):\n    a[1] += k\n", "f") == "10");
  CHECK(written("def f(a: f64[:]):\n    a += 1.0\n", "f") == "1");
  CHECK(written("def f(a: f64[:, :]):\n    v = a.T\n    w = v[1:]\n"
                "    w[0, 0] = 1.0\n",
                "f") == "1");
  CHECK(written("def f(a: f64[:]):\n    m = a.reshape(2, 2)\n"
                "    m[0][1] = 1.0\n",
                "f") == "1");
  CHECK(written("def f(a: f64[:], b: f64[:]):\n    x, y = b, a\n"
                "    y[0] = 1.0\n",
                "f") == "10");
  // A store before the binding that makes it a write (a loop).
  CHECK(written("def f(a: f64[:], b: f64[:], n: i64):\n    v = b\n"
                "    for i in range(n):\n        v[0] = 1.0\n"
                "        v = a\n",
                "f") == "110");
}

TEST_CASE("a callee that writes its parameter writes the argument", "[sema]") {
  const char *src = "def put(b, x):\n    b[0] = x\n\n"
                    "def pick(b):\n    return b[1:]\n\n"
                    "def f(a: f64[:], c: f64[:]):\n    put(a[2:], 1.0)\n"
                    "    v = pick(c)\n    v[0] = 3.0\n";
  CHECK(written(src, "f") == "11");
  // Through recursion: the fact reaches the caller of the caller.
  const char *rec = "def down(a: f64[:], n: i64):\n    if n == 0:\n"
                    "        a[0] = 1.0\n    else:\n        down(a, n - 1)\n\n"
                    "def top(a: f64[:]):\n    down(a, 3)\n";
  CHECK(written(rec, "top") == "1");
  CHECK(written(rec, "down") == "10");
  // vmap passes slices of the arrays to a function that writes them.
  const char *vm = "def zero_first(r):\n    r[0] = 0.0\n    return 0.0\n\n"
                   "def f(a: f64[:, :]):\n    vmap(zero_first)(a)\n";
  CHECK(written(vm, "f") == "1");
}

TEST_CASE("reads and new arrays are not writes", "[sema]") {
  CHECK(written("def f(a: f64[:]) -> f64:\n    return sum(a) + a[0]\n", "f") ==
        "0");
  CHECK(written("def f(a: f64[:]) -> f64:\n    b = a * 2.0\n"
                "    b[0] = 1.0\n    return sum(b)\n",
                "f") == "0");
  CHECK(written("def f(a: f64[:]) -> f64:\n    b = a.copy()\n"
                "    b[0] = 1.0\n    c = sqrt(a)\n    c += 1.0\n"
                "    return sum(b) + sum(c)\n",
                "f") == "0");
  CHECK(written("def f(a: f64[:], out: f64[:]):\n    out[:] = a[::-1]\n",
                "f") == "01");
  CHECK(written("def look(b):\n    return b[0]\n\n"
                "def f(a: f64[:]) -> f64:\n    return look(a)\n",
                "f") == "0");
  // Numbers are never written (a reassigned number is a local).
  CHECK(written("def f(n: i64) -> i64:\n    n += 1\n    return n\n", "f") ==
        "0");
}

TEST_CASE("a call's result views only the arguments its callee returns",
          "[sema]") {
  // state comes back from absorb, data does not: writing the result
  // writes state's buffer (a new array here), not data's
  const char *src = "def absorb(state, data):\n"
                    "    for i in range(len(data)):\n"
                    "        state[0] += data[i]\n"
                    "    return state\n\n"
                    "def f(data: f64[:], other: f64[:]):\n"
                    "    s = absorb(zeros(4), data)\n"
                    "    s[1] = 1.0\n"
                    "    t = absorb(other, data)\n"
                    "    t[1] = 2.0\n";
  CHECK(written(src, "f") == "01");
  // returned through another call, and a tuple of results
  const char *chain = "def first(a, b):\n    return a[1:]\n\n"
                      "def pass_on(a, b):\n    return first(b, a), 1\n\n"
                      "def f(x: f64[:], y: f64[:]):\n"
                      "    v, k = pass_on(x, y)\n    v[0] = 1.0\n";
  CHECK(written(chain, "f") == "01");
}
