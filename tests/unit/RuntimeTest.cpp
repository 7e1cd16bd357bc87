//===- RuntimeTest.cpp - Unit tests of the weft_rt_* runtime ABI ----------===//
//
// Expected strings and sums were produced by CPython 3.11 and NumPy 1.24.
//
//===----------------------------------------------------------------------===//
#include "runtime/RuntimeABI.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

using namespace weft::rt;

TEST_CASE("formatFloat matches Python's repr", "[runtime][format]") {
  CHECK(formatFloat(0.1 + 0.2) == "0.30000000000000004");
  CHECK(formatFloat(2.0) == "2.0");
  CHECK(formatFloat(1e16) == "1e+16");
  CHECK(formatFloat(1e-5) == "1e-05");
  CHECK(formatFloat(1.5e-7) == "1.5e-07");
  CHECK(formatFloat(123456789.125) == "123456789.125");
  CHECK(formatFloat(-0.0) == "-0.0");
  CHECK(formatFloat(1.0 / 3.0) == "0.3333333333333333");
  CHECK(formatFloat(1e22) == "1e+22");
  CHECK(formatFloat(5e-324) == "5e-324");
  CHECK(formatFloat(1.7976931348623157e308) == "1.7976931348623157e+308");
  CHECK(formatFloat(12345678901234567.0) == "1.2345678901234568e+16");
  CHECK(formatFloat(0.0001) == "0.0001");
  CHECK(formatFloat(std::numeric_limits<double>::infinity()) == "inf");
  CHECK(formatFloat(-std::numeric_limits<double>::infinity()) == "-inf");
  CHECK(formatFloat(std::nan("")) == "nan");
}

TEST_CASE("float arrays print as NumPy prints them", "[runtime][format]") {
  auto fmt = [](std::vector<double> v, int64_t stride = 1) {
    return formatArrayF64(v.data(), (int64_t)v.size() / stride, stride);
  };
  CHECK(fmt({1.5, 2.0, 3.25}) == "[1.5  2.   3.25]");
  CHECK(fmt({-0.0, -1.5, -3.0, -4.5, -6.0}) == "[-0.  -1.5 -3.  -4.5 -6. ]");
  CHECK(fmt({0.1 + 0.2, 1.0 / 3.0}) == "[0.3        0.33333333]");
  CHECK(fmt({1.0 / 3, 2.0 / 3, 1e-3}) == "[0.33333333 0.66666667 0.001     ]");
  CHECK(fmt({1e-5, 1.0}) == "[1.e-05 1.e+00]");
  CHECK(fmt({1e8, 1.0}) == "[1.e+08 1.e+00]");
  CHECK(fmt({1e100, -1e-100}) == "[ 1.e+100 -1.e-100]");
  CHECK(fmt({123456789.125, 1.0}) == "[1.23456789e+08 1.00000000e+00]");
  CHECK(fmt({1.0, 2.5, NAN, -INFINITY}) == "[ 1.   2.5  nan -inf]");
  CHECK(fmt({-0.0, 0.0}) == "[-0.  0.]");
  CHECK(fmt({0.0}) == "[0.]");
  CHECK(fmt({}) == "[]");
  // Every other element of a strided view.
  CHECK(fmt({1.0, 99.0, 2.0, 99.0}, 2) == "[1. 2.]");
}

TEST_CASE("long arrays wrap at 75 columns and summarise above 1000",
          "[runtime][format]") {
  std::vector<double> v;
  for (int i = 0; i < 30; ++i)
    v.push_back(i * 1.1);
  CHECK(formatArrayF64(v.data(), 30, 1) ==
        "[ 0.   1.1  2.2  3.3  4.4  5.5  6.6  7.7  8.8  9.9 11.  12.1 13.2 "
        "14.3\n"
        " 15.4 16.5 17.6 18.7 19.8 20.9 22.  23.1 24.2 25.3 26.4 27.5 28.6 "
        "29.7\n"
        " 30.8 31.9]");
  std::vector<double> big;
  for (int i = 0; i < 2000; ++i)
    big.push_back(i * 0.5);
  CHECK(formatArrayF64(big.data(), 2000, 1) ==
        "[0.000e+00 5.000e-01 1.000e+00 ... 9.985e+02 9.990e+02 9.995e+02]");
  std::vector<int64_t> ints;
  for (int i = 0; i <= 1000; ++i)
    ints.push_back(i);
  CHECK(formatArrayI64(ints.data(), 1001, 1) ==
        "[   0    1    2 ...  998  999 1000]");
}

TEST_CASE("int and bool arrays", "[runtime][format]") {
  int64_t ints[] = {0, 1, -4, 3, 4, 5};
  CHECK(formatArrayI64(ints, 6, 1) == "[ 0  1 -4  3  4  5]");
  int8_t bools[] = {1, 1, 0};
  CHECK(formatArrayBool(bools, 2, 1) == "[ True  True]");
  CHECK(formatArrayBool(bools, 3, 1) == "[ True  True False]");
}

TEST_CASE("sum adds in NumPy's pairwise order", "[runtime][sum]") {
  auto harmonic = [](int n) {
    std::vector<double> v;
    for (int i = 0; i < n; ++i)
      v.push_back(1.0 / (i + 1));
    return v;
  };
  std::vector<double> h10 = harmonic(10), h1000 = harmonic(1000),
                      h5000 = harmonic(5000);
  CHECK(weft_rt_sum_f64(h10.data(), 10, 1) == 2.9289682539682538);
  // A sequential loop gives 7.485470860550343 and 9.094508852984404.
  CHECK(weft_rt_sum_f64(h1000.data(), 1000, 1) == 7.485470860550345);
  CHECK(weft_rt_sum_f64(h5000.data(), 5000, 1) == 9.094508852984436);
  CHECK(weft_rt_sum_f64(h5000.data(), 1667, 3) == 3.516904897588756);
  double negZero = -0.0;
  CHECK(std::signbit(weft_rt_sum_f64(&negZero, 1, 1)) == false);
  CHECK(weft_rt_sum_f64(nullptr, 0, 1) == 0.0);
}

TEST_CASE("array buffers are reference counted", "[runtime][alloc]") {
  int64_t before = liveBuffers();
  int64_t bytesBefore = liveBytes();
  void *p = _mlir_memref_to_llvm_alloc(100);
  REQUIRE(p != nullptr);
  CHECK(reinterpret_cast<uintptr_t>(p) % 64 == 0);
  std::memset(p, 0xab, 100);
  CHECK(liveBuffers() == before + 1);
  CHECK(liveBytes() == bytesBefore + 100);
  weft_rt_array_retain(p);
  weft_rt_array_release(p);
  CHECK(liveBuffers() == before + 1); // one reference left
  weft_rt_array_release(p);
  CHECK(liveBuffers() == before);
  CHECK(liveBytes() == bytesBefore);
  weft_rt_array_retain(nullptr); // null arrays are ignored
  weft_rt_array_release(nullptr);
  CHECK(liveBuffers() == before);
}

namespace {
void failingEntry() {
  weft_rt_fail("ZeroDivisionError: integer division or modulo by zero", 7);
}
void passingEntry() {}
} // namespace

TEST_CASE("runtime errors return to runProtected with the line",
          "[runtime][errors]") {
  std::string error;
  CHECK(runProtected(&failingEntry, error) == false);
  CHECK(error == "7: ZeroDivisionError: integer division or modulo by zero");
  std::string none;
  CHECK(runProtected(&passingEntry, none) == true);
  CHECK(none.empty());
}
