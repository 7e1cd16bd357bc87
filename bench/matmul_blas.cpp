// matmul_blas.cpp - Benchmark peer: cblas_dgemm from OpenBLAS called from
// C++, best of reps, in seconds.
#include <cblas.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

int main(int argc, char **argv) {
  int n = argc > 1 ? std::atoi(argv[1]) : 1000;
  int reps = argc > 2 ? std::atoi(argv[2]) : 5;
  std::vector<double> a(size_t(n) * n), b(size_t(n) * n), c(size_t(n) * n);
  for (size_t i = 0; i < a.size(); ++i) {
    a[i] = double(i % 7) * 0.25;
    b[i] = double(i % 5) * 0.5 - 1.0;
  }
  double best = 1e300;
  for (int r = 0; r < reps; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0,
                a.data(), n, b.data(), n, 0.0, c.data(), n);
    std::chrono::duration<double> dt = std::chrono::steady_clock::now() - t0;
    best = std::min(best, dt.count());
  }
  std::printf("%.17g %.17g\n", best, c[size_t(n) * n - 1]);
}
