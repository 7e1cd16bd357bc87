//===- RuntimeTest.cpp - Unit tests of the weft_rt_* runtime ABI ----------===//
//
// Expected strings and sums were produced by CPython 3.11 and NumPy 1.24.
//
//===----------------------------------------------------------------------===//
#include "runtime/BlasLayout.h"
#include "runtime/Metrics.h"
#include "runtime/RuntimeABI.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <limits>
#include <thread>
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
  // Above NumPy's 8192-element buffer, buffers are summed in order:
  // np.sum(np.linspace(0.0, 1.0, 100001) * 0.1) == 5000.05, where one
  // pairwise sum over the whole array gives 5000.050000000001.
  std::vector<double> lin(100001);
  for (size_t i = 0; i < lin.size(); ++i)
    lin[i] = (i == lin.size() - 1 ? 1.0 : double(i) * (1.0 / 100000.0)) * 0.1;
  CHECK(weft_rt_sum_f64(lin.data(), 100001, 1) == 5000.05);
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

TEST_CASE("buffer counts are per thread and their sums exact",
          "[runtime][alloc]") {
  int64_t before = liveBuffers(), bytesBefore = liveBytes(),
          totalBefore = totalAllocatedBytes();
  // Allocated on threads that end, freed on this one (and the other way):
  // the sums stay exact while the threads' slots are reused.
  std::vector<void *> made(8);
  for (int round = 0; round < 4; ++round) {
    std::vector<std::thread> threads;
    for (int t = 0; t < 2; ++t)
      threads.emplace_back([&made, t, round] {
        made[4 * t + round % 4] = _mlir_memref_to_llvm_alloc(24 + 8 * t);
      });
    for (std::thread &t : threads)
      t.join();
  }
  CHECK(liveBuffers() == before + 8);
  CHECK(liveBytes() == bytesBefore + 4 * 24 + 4 * 32);
  CHECK(totalAllocatedBytes() == totalBefore + 4 * 24 + 4 * 32);
  for (void *p : made)
    weft_rt_array_release(p);
  CHECK(liveBuffers() == before);
  CHECK(liveBytes() == bytesBefore);
  // A freed small block is reused for the next allocation of its size,
  // with a fresh header: the corruption checks and counts still hold.
  void *a = _mlir_memref_to_llvm_alloc(100);
  std::memset(a, 0xcd, 100);
  weft_rt_array_release(a);
  void *b = _mlir_memref_to_llvm_alloc(100);
  CHECK(b == a);
  CHECK(reinterpret_cast<uintptr_t>(b) % 64 == 0);
  CHECK(liveBuffers() == before + 1);
  weft_rt_array_release(b);
  CHECK(liveBuffers() == before);
  std::thread([] {
    void *c = _mlir_memref_to_llvm_alloc(3000); // not cached: too large
    weft_rt_array_release(c);
  }).join();
  CHECK(liveBytes() == bytesBefore);
}

TEST_CASE("large freed buffers are reused for the same size",
          "[runtime][alloc]") {
  // A function returning a new 8 MiB array per call gets its last
  // result's pages back, from any thread, with a fresh header and counts.
  int64_t before = liveBuffers(), bytesBefore = liveBytes();
  const size_t big = size_t(8) << 20;
  void *a = _mlir_memref_to_llvm_alloc(big);
  std::memset(a, 0x5a, big);
  weft_rt_array_release(a);
  CHECK(liveBytes() == bytesBefore);
  void *b = nullptr;
  std::thread([&] { b = _mlir_memref_to_llvm_alloc(big); }).join();
  CHECK(b == a);
  CHECK(liveBuffers() == before + 1);
  // Another size is another block; the kept one stays for its size.
  void *c = _mlir_memref_to_llvm_alloc(big + (size_t(4) << 20));
  CHECK(c != b);
  weft_rt_array_release(b);
  weft_rt_array_release(c);
  void *d = _mlir_memref_to_llvm_alloc(big + (size_t(4) << 20));
  CHECK(d == c);
  weft_rt_array_release(d);
  CHECK(liveBuffers() == before);
  CHECK(liveBytes() == bytesBefore);
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

namespace {
/// formatArray of `data` viewed with the given shape and strides.
template <typename T>
std::string fmtND(int32_t kind, const std::vector<T> &data,
                  std::vector<int64_t> sizes, std::vector<int64_t> strides,
                  int64_t offset = 0) {
  return formatArray(kind, static_cast<int64_t>(sizes.size()), sizes.data(),
                     strides.data(), data.data() + offset);
}

/// Row-major strides of `sizes`.
std::vector<int64_t> contiguous(const std::vector<int64_t> &sizes) {
  std::vector<int64_t> strides(sizes.size(), 1);
  for (size_t k = sizes.size(); k-- > 1;)
    strides[k - 1] = strides[k] * sizes[k];
  return strides;
}

template <typename T>
std::string fmtC(int32_t kind, const std::vector<T> &data,
                 std::vector<int64_t> sizes) {
  return fmtND(kind, data, sizes, contiguous(sizes));
}

/// 0, 1, ..., n - 1 scaled by `scale` and shifted by `shift`.
template <typename T> std::vector<T> iota(int64_t n, T scale = 1, T shift = 0) {
  std::vector<T> v;
  for (int64_t i = 0; i < n; ++i)
    v.push_back(static_cast<T>(i) * scale + shift);
  return v;
}
} // namespace

TEST_CASE("N-d arrays print with nested brackets", "[runtime][format]") {
  CHECK(fmtC(WEFT_F64, std::vector<double>{1.5, -2.25, 3.0, 4.0, 0.125, -6.0},
             {2, 3}) == "[[ 1.5   -2.25   3.   ]\n"
                        " [ 4.     0.125 -6.   ]]");
  CHECK(fmtC(WEFT_I64, std::vector<int64_t>{1, -20, 3, 400, 5, -6}, {2, 3}) ==
        "[[  1 -20   3]\n"
        " [400   5  -6]]");
  CHECK(fmtC(WEFT_I64, iota<int64_t>(24), {2, 3, 4}) == "[[[ 0  1  2  3]\n"
                                                        "  [ 4  5  6  7]\n"
                                                        "  [ 8  9 10 11]]\n"
                                                        "\n"
                                                        " [[12 13 14 15]\n"
                                                        "  [16 17 18 19]\n"
                                                        "  [20 21 22 23]]]");
  CHECK(fmtC(WEFT_F64, iota<double>(12, 0.5), {3, 2, 2}) == "[[[0.  0.5]\n"
                                                            "  [1.  1.5]]\n"
                                                            "\n"
                                                            " [[2.  2.5]\n"
                                                            "  [3.  3.5]]\n"
                                                            "\n"
                                                            " [[4.  4.5]\n"
                                                            "  [5.  5.5]]]");
  CHECK(fmtC(WEFT_I64, iota<int64_t>(16), {2, 2, 2, 2}) == "[[[[ 0  1]\n"
                                                           "   [ 2  3]]\n"
                                                           "\n"
                                                           "  [[ 4  5]\n"
                                                           "   [ 6  7]]]\n"
                                                           "\n"
                                                           "\n"
                                                           " [[[ 8  9]\n"
                                                           "   [10 11]]\n"
                                                           "\n"
                                                           "  [[12 13]\n"
                                                           "   [14 15]]]]");
  CHECK(fmtC(WEFT_BOOL, std::vector<int8_t>{1, 0, 1, 0, 0, 1}, {2, 3}) ==
        "[[ True False  True]\n"
        " [False False  True]]");
  CHECK(fmtC(WEFT_I32, std::vector<int32_t>{2147483647, -2147483647 - 1, 0, 7},
             {2, 2}) == "[[ 2147483647 -2147483648]\n"
                        " [          0           7]]");
  CHECK(fmtC(WEFT_F64, std::vector<double>{1.0, NAN, -INFINITY, 2.5}, {2, 2}) ==
        "[[ 1.   nan]\n"
        " [-inf  2.5]]");
  CHECK(fmtC(WEFT_F64, std::vector<double>{NAN, INFINITY, NAN, NAN}, {2, 2}) ==
        "[[nan inf]\n"
        " [nan nan]]");
}

TEST_CASE("N-d views follow their strides", "[runtime][format]") {
  std::vector<double> m = {1.0, 2.0, 3.0, 4.0, 5.0, 6.5}; // 2x3, row-major
  // The transpose: a 3x2 view with strides (1, 3).
  CHECK(fmtND(WEFT_F64, m, {3, 2}, {1, 3}) == "[[1.  4. ]\n"
                                              " [2.  5. ]\n"
                                              " [3.  6.5]]");
  // m[::-1, ::-1]: negative strides from the last element.
  CHECK(fmtND(WEFT_F64, m, {2, 3}, {-3, -1}, 5) == "[[6.5 5.  4. ]\n"
                                                   " [3.  2.  1. ]]");
  // A row broadcast to 3 rows (stride 0).
  CHECK(fmtND(WEFT_I64, std::vector<int64_t>{1, -2, 30, 4}, {3, 4}, {0, 1}) ==
        "[[ 1 -2 30  4]\n"
        " [ 1 -2 30  4]\n"
        " [ 1 -2 30  4]]");
  // Through an MLIR memref descriptor with an offset: the transpose again.
  struct {
    void *allocated, *aligned;
    int64_t offset, sizes[2], strides[2];
  } desc = {nullptr, m.data(), 1, {2, 2}, {1, 3}};
  CHECK(formatMemRef(WEFT_F64, 2, &desc) == "[[2.  5. ]\n"
                                            " [3.  6.5]]");
}

TEST_CASE("N-d rows wrap and large arrays summarise on every axis",
          "[runtime][format]") {
  CHECK(fmtC(WEFT_F64, iota<double>(60, 1.1), {2, 30}) ==
        "[[ 0.   1.1  2.2  3.3  4.4  5.5  6.6  7.7  8.8  9.9 11.  12.1 13.2 "
        "14.3\n"
        "  15.4 16.5 17.6 18.7 19.8 20.9 22.  23.1 24.2 25.3 26.4 27.5 28.6 "
        "29.7\n"
        "  30.8 31.9]\n"
        " [33.  34.1 35.2 36.3 37.4 38.5 39.6 40.7 41.8 42.9 44.  45.1 46.2 "
        "47.3\n"
        "  48.4 49.5 50.6 51.7 52.8 53.9 55.  56.1 57.2 58.3 59.4 60.5 61.6 "
        "62.7\n"
        "  63.8 64.9]]");
  // The format is chosen over the shown elements only.
  CHECK(fmtC(WEFT_F64, iota<double>(6000, 0.5), {2000, 3}) ==
        "[[0.0000e+00 5.0000e-01 1.0000e+00]\n"
        " [1.5000e+00 2.0000e+00 2.5000e+00]\n"
        " [3.0000e+00 3.5000e+00 4.0000e+00]\n"
        " ...\n"
        " [2.9955e+03 2.9960e+03 2.9965e+03]\n"
        " [2.9970e+03 2.9975e+03 2.9980e+03]\n"
        " [2.9985e+03 2.9990e+03 2.9995e+03]]");
  CHECK(fmtC(WEFT_I64, iota<int64_t>(1600, 1, -800), {40, 40}) ==
        "[[-800 -799 -798 ... -763 -762 -761]\n"
        " [-760 -759 -758 ... -723 -722 -721]\n"
        " [-720 -719 -718 ... -683 -682 -681]\n"
        " ...\n"
        " [ 680  681  682 ...  717  718  719]\n"
        " [ 720  721  722 ...  757  758  759]\n"
        " [ 760  761  762 ...  797  798  799]]");
  std::vector<int8_t> bools;
  for (int i = 0; i < 2002 * 3; ++i)
    bools.push_back(i % 7 != 0);
  CHECK(fmtC(WEFT_BOOL, bools, {2002, 3}) == "[[False  True  True]\n"
                                             " [ True  True  True]\n"
                                             " [ True False  True]\n"
                                             " ...\n"
                                             " [ True  True False]\n"
                                             " [ True  True  True]\n"
                                             " [ True  True  True]]");
  std::string cube = fmtC(WEFT_I64, iota<int64_t>(1331), {11, 11, 11});
  CHECK(cube.substr(0, 114) == "[[[   0    1    2 ...    8    9   10]\n"
                               "  [  11   12   13 ...   19   20   21]\n"
                               "  [  22   23   24 ...   30   31   32]\n");
  CHECK(cube.find("  [ 352  353  354 ...  360  361  362]]\n"
                  "\n"
                  " ...\n"
                  "\n"
                  " [[ 968  969  970 ...  976  977  978]\n") !=
        std::string::npos);
  CHECK(cube.size() == 1421);
  CHECK(cube.substr(cube.size() - 39) ==
        "  [1320 1321 1322 ... 1328 1329 1330]]]");
}

TEST_CASE("empty N-d arrays print as []", "[runtime][format]") {
  std::vector<double> none(1);
  CHECK(fmtC(WEFT_F64, none, {0, 3}) == "[]");
  CHECK(fmtC(WEFT_F64, none, {2, 0}) == "[]");
  CHECK(fmtC(WEFT_I64, std::vector<int64_t>(1), {2, 0, 3}) == "[]");
}

TEST_CASE("float32 arrays use float32 digits", "[runtime][format]") {
  CHECK(fmtC(WEFT_F32, std::vector<float>{0.1f, 1.0f / 3.0f, 2.5f}, {3}) ==
        "[0.1        0.33333334 2.5       ]");
  CHECK(fmtC(WEFT_F32, std::vector<float>{0.1f, 0.2f, 0.3f, 0.7f}, {2, 2}) ==
        "[[0.1 0.2]\n"
        " [0.3 0.7]]");
  // Scientific digits past the shortest ones are the exact value's.
  CHECK(fmtC(WEFT_F32, std::vector<float>{1e-5f, 1.2345678e-7f, -2.0f, 1e3f},
             {2, 2}) == "[[ 9.9999997e-06  1.2345679e-07]\n"
                        " [-2.0000000e+00  1.0000000e+03]]");
  CHECK(fmtC(WEFT_F32, std::vector<float>{1e-5f, 1.5f, -2.0f, 1e3f}, {2, 2}) ==
        "[[ 1.0e-05  1.5e+00]\n"
        " [-2.0e+00  1.0e+03]]");
  // So are the integer digits of positional ones.
  CHECK(
      fmtC(WEFT_F32,
           std::vector<float>{45267568.0f, 33112778.0f, 2263093.5f, 5903192.5f},
           {2, 2}) == "[[45267568.  33112778. ]\n"
                      " [ 2263093.5  5903192.5]]");
  CHECK(fmtC(WEFT_F64, std::vector<double>{5e-324, 1.5}, {2}) ==
        "[4.9e-324 1.5e+000]");
}

TEST_CASE("float32 scalars print as NumPy's float32 str", "[runtime][format]") {
  CHECK(formatFloat32(0.1f) == "0.1");
  CHECK(formatFloat32(2.0f) == "2.0");
  CHECK(formatFloat32(1e16f) == "1e+16");
  CHECK(formatFloat32(1e-4f) == "1e-04"); // just below 1e-4 as a float
  CHECK(formatFloat32(1.0f / 3.0f) == "0.33333334");
  CHECK(formatFloat32(-0.0f) == "-0.0");
  CHECK(formatFloat32(45267568.0f) == "45267570.0");
  CHECK(formatFloat32(123456.789f) == "123456.79");
  CHECK(formatFloat32(3.4028235e38f) == "3.4028235e+38");
  CHECK(formatFloat32(1e-45f) == "1e-45");
  CHECK(formatFloat32(std::numeric_limits<float>::infinity()) == "inf");
  CHECK(formatFloat32(-std::numeric_limits<float>::infinity()) == "-inf");
  CHECK(formatFloat32(std::numeric_limits<float>::quiet_NaN()) == "nan");
}

TEST_CASE("call times take constant memory: exact totals, sampled median",
          "[runtime][metrics]") {
  weft::metrics::CallTimes t;
  for (int i = 1; i <= 5; ++i)
    t.add(i * 0.5);
  CHECK(t.count == 5);
  CHECK(t.total == 7.5);
  CHECK(t.min == 0.5);
  CHECK(t.max == 2.5);
  CHECK(t.median() == 1.5); // exact while the sample holds every call
  // Two million calls keep at most kSample times; the totals stay exact
  // and the sampled median is close to the true one (uniform 0..1 ms).
  weft::metrics::CallTimes many;
  for (int i = 0; i < 2000000; ++i)
    many.add((i % 1000) * 1e-6);
  CHECK(many.count == 2000000);
  CHECK(many.sample.size() == weft::metrics::CallTimes::kSample);
  CHECK(many.sample.capacity() < 2 * weft::metrics::CallTimes::kSample);
  CHECK(many.min == 0.0);
  CHECK(many.max == Approx(999e-6));
  CHECK(many.total == Approx(2000 * 499500e-6));
  CHECK(many.median() == Approx(500e-6).margin(60e-6));
}

TEST_CASE("matrix products take BLAS layouts and decline others",
          "[runtime][blas]") {
  using weft::blas::Desc2;
  std::vector<double> a(64 * 64, 1.0), b(64 * 64, 2.0), c(64 * 64, 0.0);
  auto desc = [](std::vector<double> &v, int64_t r, int64_t cl, int64_t s0,
                 int64_t s1) {
    return Desc2{
        v.data(), reinterpret_cast<char *>(v.data()), 0, {r, cl}, {s0, s1}};
  };
  Desc2 A = desc(a, 64, 64, 64, 1), B = desc(b, 64, 64, 64, 1),
        C = desc(c, 64, 64, 64, 1);
  weft::blas::Product p;
  REQUIRE(weft::blas::blasProduct(A, B, C, 32 * 32 * 32, p));
  CHECK((p.m == 64 && p.n == 64 && p.k == 64 && !p.ta && !p.tb));
  CHECK((p.lda == 64 && p.ldb == 64 && p.ldc == 64));
  // A transposed view: columns contiguous.
  Desc2 At = desc(a, 64, 64, 1, 64);
  REQUIRE(weft::blas::blasProduct(At, B, C, 0, p));
  CHECK((p.ta && p.lda == 64));
  // Too small, sizes that disagree, a strided c, a layout with no unit
  // stride: declined.
  CHECK_FALSE(weft::blas::blasProduct(A, B, C, 64 * 64 * 64 + 1, p));
  Desc2 Bshort = desc(b, 32, 64, 64, 1);
  CHECK_FALSE(weft::blas::blasProduct(A, Bshort, C, 0, p));
  Desc2 Cstrided = desc(c, 64, 32, 64, 2);
  Desc2 Bhalf = desc(b, 64, 32, 64, 1);
  CHECK_FALSE(weft::blas::blasProduct(A, Bhalf, Cstrided, 0, p));
  Desc2 Askew = desc(a, 32, 32, 2, 2);
  Desc2 B32 = desc(b, 32, 32, 32, 1), C32 = desc(c, 32, 32, 32, 1);
  CHECK_FALSE(weft::blas::blasProduct(Askew, B32, C32, 0, p));
  // A 1-D operand as a row (stride 0 across rows) or column: only with
  // `vectors` (cuBLAS), its stride the leading dimension.
  Desc2 row = desc(a, 1, 64, 0, 1), column = desc(b, 64, 1, 3, 0);
  Desc2 rowOut = desc(c, 1, 64, 64, 1), colOut = desc(c, 64, 1, 1, 1);
  CHECK_FALSE(weft::blas::blasProduct(row, B, rowOut, 0, p));
  REQUIRE(weft::blas::blasProduct(row, B, rowOut, 0, p, /*vectors=*/true));
  CHECK((p.m == 1 && p.ta && p.lda == 1));
  REQUIRE(weft::blas::blasProduct(A, column, colOut, 0, p, true));
  CHECK((p.n == 1 && !p.tb && p.ldb == 3));
  // A leading dimension beyond int: declined.
  Desc2 wide = desc(a, 64, 64, int64_t(1) << 32, 1);
  CHECK_FALSE(weft::blas::blasProduct(wide, B, C, 0, p));
  // Without a GPU (or with host arrays) cuBLAS declines: the generated
  // kernel computes the product.
  CHECK(weft_rt_gpu_gemm(WEFT_F64, &A, &B, &C) == 0);
  CHECK(c[0] == 0.0);
  // The host BLAS computes it (or declines when no library is present).
  if (weft_rt_gemm(WEFT_F64, &A, &B, &C) == 1)
    CHECK(c[5 * 64 + 7] == 128.0);
}
