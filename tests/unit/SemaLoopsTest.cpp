//===- SemaLoopsTest.cpp - How the front end plans each for loop ----------===//
#include "frontend/Parser.h"
#include "frontend/Sema.h"

#include <catch2/catch.hpp>

using namespace weft;

namespace {

/// The plans of the loops of function `fn` in `src`, in source order, as
/// "mode reductions privates" lines: "P s+ i,t" for a prange reducing s
/// with + and keeping t private (the loop variables are not listed).
std::string plans(const std::string &src, const std::string &fn,
                  std::string *errors = nullptr) {
  SourceFile file("l.weft", src);
  DiagnosticEngine diags(file);
  auto module = parseModule(file, diags);
  REQUIRE(!diags.hasErrors());
  auto program = analyzeModule(*module, diags);
  if (errors) {
    *errors = diags.renderAll();
    if (!program)
      return "";
  }
  INFO(diags.renderAll());
  REQUIRE(program);
  for (auto &inst : program->instances) {
    if (inst->name != fn)
      continue;
    std::vector<std::pair<int, std::string>> lines;
    for (auto &[loop, plan] : inst->loopPlans) {
      const char *modes[] = {"S", "P", "A"};
      std::string s = modes[static_cast<int>(plan.mode)];
      const char *ops[] = {"?", "+", "*", "min", "max"};
      for (auto &[name, kind] : plan.reductions)
        s += " " + name + ops[static_cast<int>(kind)];
      for (const std::string &p : plan.privates)
        s += " " + p;
      lines.push_back({static_cast<int>(loop->range.begin.line), s});
    }
    std::sort(lines.begin(), lines.end());
    std::string out;
    for (auto &l : lines)
      out += (out.empty() ? "" : "; ") + l.second;
    return out;
  }
  FAIL("no instance of " << fn);
  return "";
}

} // namespace

TEST_CASE("prange loops: reductions and private variables", "[sema]") {
  CHECK(plans("def f(a: f64[:]) -> f64:\n"
              "    s = 0.0\n"
              "    m = 0.0\n"
              "    for i in prange(len(a)):\n"
              "        t = a[i] * 2.0\n"
              "        s += t\n"
              "        m = max(m, t)\n"
              "    return s + m\n",
              "f") == "P mmax s+ t");
  // A nested prange runs serially; its variable is private to the outer
  // iteration.
  CHECK(plans("def f(a: f64[:, :]) -> f64:\n"
              "    s = 0.0\n"
              "    for i in prange(a.shape[0]):\n"
              "        for j in prange(a.shape[1]):\n"
              "            s += a[i, j]\n"
              "    return s\n",
              "f") == "P s+ j; S");
}

TEST_CASE("range loops: automatic parallel loops and serial reasons",
          "[sema]") {
  CHECK(plans("def f(n: i64) -> f64[:]:\n"
              "    out = zeros(n)\n"
              "    for i in range(n):\n"
              "        out[i] = i * 2.0\n"
              "    return out\n",
              "f") == "A");
  CHECK(plans("@jit(parallel=False)\n"
              "def f(n: i64) -> f64[:]:\n"
              "    out = zeros(n)\n"
              "    for i in prange(n):\n"
              "        out[i] = i * 2.0\n"
              "    return out\n",
              "f") == "S");
}

TEST_CASE("prange loops that write outer variables are errors", "[sema]") {
  std::string errors;
  plans("def f(n: i64) -> bool:\n"
        "    found = False\n"
        "    for i in prange(n):\n"
        "        found = True\n"
        "    return found\n"
        "print(f(3))\n",
        "f", &errors);
  CHECK(errors.find("l.weft:4:9: error: prange loop writes 'found'") !=
        std::string::npos);
  plans("def g(n: i64) -> i64:\n"
        "    for i in prange(n):\n"
        "        if i == 2:\n"
        "            return i\n"
        "    return 0\n"
        "print(g(3))\n",
        "g", &errors);
  CHECK(errors.find("break and return are not allowed in a prange loop") !=
        std::string::npos);
}
