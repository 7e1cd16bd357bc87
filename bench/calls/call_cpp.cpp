// call_cpp.cpp - the per-call cost of weft::Function (the generic path)
// on add1(i64) and on total(f64[8]), of a typed handle on add1, of a
// direct call of a C++ function through a pointer, and resident memory
// over the calls.
#include "weft/weft.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

// The direct call's target: not inlined, through a volatile pointer.
__attribute__((noinline)) static int64_t add1Native(int64_t x) { return x + 1; }
static int64_t (*volatile add1Pointer)(int64_t) = add1Native;

static long rssKb() {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind("VmRSS:", 0) == 0)
      return std::stol(line.substr(6));
  return -1;
}

int main(int argc, char **argv) {
  long n = argc > 1 ? std::atol(argv[1]) : 2000000;
  weft::Options o;
  o.cache = false;
  weft::Engine e(o);
  weft::Module m = e.compile(
      "def add1(x):\n    return x + 1\n\ndef total(a):\n    return a.sum()\n",
      "calls");
  weft::Function add1 = m.function("add1"), total = m.function("total");
  std::vector<double> d(8, 1.0);
  weft::ArrayView<double, 1> v(d.data(), {8});
  add1(int64_t(1));
  total(v);
  long rss0 = rssKb();
  double sum = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (long i = 0; i < n; ++i)
    sum += add1(int64_t(i)).as<int64_t>();
  auto t1 = std::chrono::steady_clock::now();
  for (long i = 0; i < n; ++i)
    sum += total(v).as<double>();
  auto t2 = std::chrono::steady_clock::now();
  auto add1Typed = add1.typed<int64_t(int64_t)>();
  for (long i = 0; i < n; ++i)
    sum += add1Typed(i);
  auto t3 = std::chrono::steady_clock::now();
  for (long i = 0; i < n; ++i)
    sum += add1Pointer(i);
  auto t4 = std::chrono::steady_clock::now();
  auto us = [&](auto a, auto b) {
    return std::chrono::duration<double>(b - a).count() / n * 1e6;
  };
  std::printf("add1 %.4f\ntotal %.4f\nadd1_typed %.4f\nadd1_direct %.4f\n"
              "rss_kb %ld %ld\nchecksum %.0f\n",
              us(t0, t1), us(t1, t2), us(t2, t3), us(t3, t4), rss0, rssKb(),
              sum);
}
