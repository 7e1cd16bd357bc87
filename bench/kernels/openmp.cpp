// openmp.cpp - Benchmark peer: the kernels of this folder in C++ with
// OpenMP, as a C++ developer writes them. Usage: openmp KERNEL N REPS.
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

template <typename F> double bestOf(int reps, F f) {
  double best = 1e300;
  for (int r = 0; r < reps; ++r) {
    double t0 = omp_get_wtime();
    f();
    best = std::min(best, omp_get_wtime() - t0);
  }
  return best;
}

int main(int argc, char **argv) {
  const char *kernel = argv[1];
  long n = std::atol(argv[2]);
  int reps = std::atoi(argv[3]);
  if (!std::strcmp(kernel, "elementwise") ||
      !std::strcmp(kernel, "reduction")) {
    std::vector<double> a(n), b(n), d(n), c(n);
#pragma omp parallel for
    for (long i = 0; i < n; ++i) {
      a[i] = i * 1e-7;
      b[i] = 0.5;
      d[i] = i * 3e-7;
    }
    if (!std::strcmp(kernel, "elementwise")) {
      double t = bestOf(reps, [&] {
        // A fresh result array per call, as the array languages make.
        std::vector<double> out(n);
#pragma omp parallel for
        for (long i = 0; i < n; ++i)
          out[i] = a[i] * b[i] + std::sin(d[i]);
        c.swap(out);
      });
      std::printf("%.17g %.17g\n", t, c[n - 1]);
    } else {
      double s = 0;
      double t = bestOf(reps, [&] {
        double acc = 0;
#pragma omp parallel for reduction(+ : acc)
        for (long i = 0; i < n; ++i)
          acc += a[i] * b[i];
        s = acc;
      });
      std::printf("%.17g %.17g\n", t, s);
    }
  } else {
    std::vector<double> u(n * n), v(n * n, 0.0);
    for (long i = 0; i < n * n; ++i)
      u[i] = double(i % 17);
    double t = bestOf(reps, [&] {
#pragma omp parallel for
      for (long i = 1; i < n - 1; ++i)
        for (long j = 1; j < n - 1; ++j)
          v[i * n + j] = 0.25 * (u[(i - 1) * n + j] + u[(i + 1) * n + j] +
                                 u[i * n + j - 1] + u[i * n + j + 1]);
    });
    std::printf("%.17g %.17g\n", t, v[(n / 2) * n + n / 2]);
  }
}
