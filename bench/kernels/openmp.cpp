// openmp.cpp - Benchmark peer: the kernels of this folder in C++ with
// OpenMP, as a C++ developer writes them (plain loops, no -ffast-math, no
// simd pragmas), and OpenBLAS's cblas_dgemm for the `@` matrix product.
//
// Build: g++ -O3 -march=native -fopenmp openmp.cpp
//        (add -DUSE_BLAS ... -lopenblas for the `matmul` kernel: linking
//        OpenBLAS starts its thread pool, whose spinning threads slow the
//        OpenMP kernels down on a machine with few cores, so run.py builds
//        the two separately)
// Usage: openmp KERNEL N REPS [EXTRA]
// EXTRA is the number of steps (nbody) or the iteration limit (mandelbrot).
// Each kernel is called once to warm up, then REPS times, each timed; the
// program prints the median time in seconds and a check value, computed
// from the same inputs as the Weft programs. Kernels that return a new
// array in Weft/NumPy (matmul, mandelbrot, softmax, go_normal,
// elementwise) allocate their result per call here too.
#ifdef USE_BLAS
#include <cblas.h>
#endif
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

namespace {

template <typename F> double medianOf(int reps, F f) {
  f(); // warm-up
  std::vector<double> t;
  for (int r = 0; r < reps; ++r) {
    double t0 = omp_get_wtime();
    f();
    t.push_back(omp_get_wtime() - t0);
  }
  std::sort(t.begin(), t.end());
  return 0.5 * (t[(t.size() - 1) / 2] + t[t.size() / 2]);
}

// A fresh array without the serial zero fill of std::vector: the kernel's
// parallel loop touches its pages first.
using Buffer = std::unique_ptr<double[]>;
Buffer fresh(long n) { return Buffer(new double[n]); }

double sum(const double *a, long n) {
  double s = 0;
#pragma omp parallel for reduction(+ : s)
  for (long i = 0; i < n; ++i)
    s += a[i];
  return s;
}

void print(double t, double check) { std::printf("%.17g %.17g\n", t, check); }

uint64_t splitmix64(uint64_t &state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// Each runner times one kernel (or a group sharing its setup), prints its
// line and returns the exit status.
int runStreams(const char *kernel, long n, int reps, long) {
  auto is = [&](const char *k) { return !std::strcmp(kernel, k); };
  Buffer a = fresh(n), b = fresh(n), c = fresh(n);
#pragma omp parallel for
  for (long i = 0; i < n; ++i) {
    a[i] = 0.0;
    b[i] = (i % 7) * 0.5;
    c[i] = (i % 11) * 0.25;
  }
  if (is("triad")) {
    const double s = 3.0;
    double t = medianOf(reps, [&] {
#pragma omp parallel for
      for (long i = 0; i < n; ++i)
        a[i] = b[i] + s * c[i];
    });
    print(t, sum(a.get(), n));
  } else if (is("sum")) {
    double s = 0;
    double t = medianOf(reps, [&] { s = sum(b.get(), n); });
    print(t, s);
  } else {
    double s = 0;
    double t = medianOf(reps, [&] {
      double acc = 0;
#pragma omp parallel for reduction(+ : acc)
      for (long i = 0; i < n; ++i)
        acc += b[i] * c[i];
      s = acc;
    });
    print(t, s);
  }
  return 0;
}

int runSaxpy(const char *, long n, int reps, long) {
  std::unique_ptr<float[]> x(new float[n]), y(new float[n]);
#pragma omp parallel for
  for (long i = 0; i < n; ++i) {
    x[i] = float((i % 13) * 0.25);
    y[i] = float((i % 11) * 0.5);
  }
  const float alpha = 0.5f;
  double t = medianOf(reps, [&] {
#pragma omp parallel for
    for (long i = 0; i < n; ++i)
      y[i] += alpha * x[i];
  });
  double s = 0;
#pragma omp parallel for reduction(+ : s)
  for (long i = 0; i < n; ++i)
    s += y[i];
  print(t, s);
  return 0;
}

int runJacobi(const char *, long n, int reps, long) {
  std::vector<double> u(n * n), v(n * n, 0.0);
  for (long i = 0; i < n * n; ++i)
    u[i] = double(i % 17);
  double t = medianOf(reps, [&] {
#pragma omp parallel for
    for (long i = 1; i < n - 1; ++i)
      for (long j = 1; j < n - 1; ++j)
        v[i * n + j] = 0.25 * (u[(i - 1) * n + j] + u[(i + 1) * n + j] +
                               u[i * n + j - 1] + u[i * n + j + 1]);
  });
  print(t, sum(v.data(), n * n));
  return 0;
}

int runMatmul(const char *kernel, long n, int reps, long) {
  std::vector<double> a(n * n), b(n * n);
  for (long i = 0; i < n * n; ++i) {
    a[i] = (i % 7) * 0.25;
    b[i] = (i % 5) * 0.5 - 1.0;
  }
  Buffer c;
  double t;
  if (!std::strcmp(kernel, "matmul")) {
#ifdef USE_BLAS
    t = medianOf(reps, [&] {
      c = fresh(n * n);
      cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0,
                  a.data(), n, b.data(), n, 0.0, c.get(), n);
    });
#else
    std::fprintf(stderr, "openmp: matmul needs -DUSE_BLAS -lopenblas\n");
    return 64;
#endif
  } else {
    t = medianOf(reps, [&] {
      c = fresh(n * n);
#pragma omp parallel for
      for (long i = 0; i < n; ++i) {
        double *ci = &c[i * n];
        for (long j = 0; j < n; ++j)
          ci[j] = 0.0;
        for (long k = 0; k < n; ++k) {
          double aik = a[i * n + k];
          const double *bk = &b[k * n];
          for (long j = 0; j < n; ++j)
            ci[j] += aik * bk[j];
        }
      }
    });
  }
  double s = 0;
  for (long i = 0; i < n * n; ++i)
    s += c[i] * c[i];
  print(t, s);
  return 0;
}

int runNbody(const char *, long n, int reps, long extra) {
  long steps = extra ? extra : 5;
  const double dt = 0.001, eps2 = 0.01;
  std::vector<double> x(n), y(n), z(n), vx(n), vy(n), vz(n), m(n), ax(n), ay(n),
      az(n);
  for (long i = 0; i < n; ++i) {
    x[i] = (i * 7 % 1013) / 1013.0;
    y[i] = (i * 13 % 1019) / 1019.0;
    z[i] = (i * 29 % 1021) / 1021.0;
    m[i] = 1.0 / n;
  }
  double t = medianOf(reps, [&] {
    for (long step = 0; step < steps; ++step) {
#pragma omp parallel for
      for (long i = 0; i < n; ++i) {
        double xi = x[i], yi = y[i], zi = z[i];
        double fx = 0, fy = 0, fz = 0;
        for (long j = 0; j < n; ++j) {
          double dx = x[j] - xi, dy = y[j] - yi, dz = z[j] - zi;
          double r2 = dx * dx + dy * dy + dz * dz + eps2;
          double s = m[j] / (r2 * std::sqrt(r2));
          fx += s * dx;
          fy += s * dy;
          fz += s * dz;
        }
        ax[i] = fx;
        ay[i] = fy;
        az[i] = fz;
      }
#pragma omp parallel for
      for (long i = 0; i < n; ++i) {
        vx[i] += dt * ax[i];
        vy[i] += dt * ay[i];
        vz[i] += dt * az[i];
        x[i] += dt * vx[i];
        y[i] += dt * vy[i];
        z[i] += dt * vz[i];
      }
    }
  });
  double ke = 0;
  for (long i = 0; i < n; ++i)
    ke += m[i] * (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i]);
  print(t, 0.5 * ke);
  return 0;
}

int runMandelbrot(const char *, long n, int reps, long extra) {
  long maxit = extra ? extra : 256;
  std::unique_ptr<int32_t[]> img;
  double t = medianOf(reps, [&] {
    img.reset(new int32_t[n * n]);
    // Rows differ a lot in cost: dynamic scheduling, as usual in C++.
#pragma omp parallel for schedule(dynamic)
    for (long r = 0; r < n; ++r) {
      double ci = -1.5 + 3.0 * r / n;
      for (long c = 0; c < n; ++c) {
        double cr = -2.0 + 3.0 * c / n;
        double zr = 0, zi = 0;
        long k = 0;
        while (k < maxit && zr * zr + zi * zi <= 4.0) {
          double tmp = zr * zr - zi * zi + cr;
          zi = 2.0 * zr * zi + ci;
          zr = tmp;
          ++k;
        }
        img[r * n + c] = int32_t(k);
      }
    }
  });
  long total = 0;
  for (long i = 0; i < n * n; ++i)
    total += img[i];
  std::printf("%.17g %ld\n", t, total);
  return 0;
}

int runMcPi(const char *, long n, int reps, long) {
  // One splitmix64 stream per thread (a new seed per call).
  uint64_t call = 0;
  double estimate = 0;
  double t = medianOf(reps, [&] {
    ++call;
    long hits = 0;
#pragma omp parallel reduction(+ : hits)
    {
      uint64_t state = call * 0x632be59bd9b4e019ULL +
                       uint64_t(omp_get_thread_num()) * 0x9e3779b97f4a7c15ULL;
      state = splitmix64(state);
#pragma omp for
      for (long i = 0; i < n; ++i) {
        double x = (splitmix64(state) >> 11) * 0x1.0p-53;
        double y = (splitmix64(state) >> 11) * 0x1.0p-53;
        if (x * x + y * y <= 1.0)
          ++hits;
      }
    }
    estimate = 4.0 * hits / n;
  });
  print(t, estimate);
  return 0;
}

int runSoftmax(const char *, long n, int reps, long) {
  std::vector<double> x(n * n);
  for (long i = 0; i < n * n; ++i)
    x[i] = (i % 101) * 0.05;
  Buffer out;
  double t = medianOf(reps, [&] {
    out = fresh(n * n);
#pragma omp parallel for
    for (long i = 0; i < n; ++i) {
      const double *xi = &x[i * n];
      double *oi = &out[i * n];
      double mx = xi[0];
      for (long j = 1; j < n; ++j)
        mx = std::max(mx, xi[j]);
      double s = 0;
      for (long j = 0; j < n; ++j) {
        oi[j] = std::exp(xi[j] - mx);
        s += oi[j];
      }
      for (long j = 0; j < n; ++j)
        oi[j] /= s;
    }
  });
  double check = 0;
  for (long i = 0; i < n; ++i)
    for (long j = 0; j < n; ++j)
      check += out[i * n + j] * j;
  print(t, check);
  return 0;
}

int runGoNormal(const char *, long n, int reps, long) {
  std::vector<double> a(n * n);
  for (long i = 0; i < n * n; ++i)
    a[i] = (i % 100) * 0.01;
  Buffer out;
  double t = medianOf(reps, [&] {
    double trace = 0;
    for (long i = 0; i < n; ++i)
      trace += std::tanh(a[i * n + i]);
    out = fresh(n * n);
#pragma omp parallel for
    for (long i = 0; i < n * n; ++i)
      out[i] = a[i] + trace;
  });
  print(t, sum(out.get(), n * n));
  return 0;
}

int runElementwise(const char *, long n, int reps, long) {
  Buffer a = fresh(n), b = fresh(n), d = fresh(n), c;
#pragma omp parallel for
  for (long i = 0; i < n; ++i) {
    a[i] = i * 1e-7;
    b[i] = 0.5;
    d[i] = i * 3e-7;
  }
  double t = medianOf(reps, [&] {
    c = fresh(n);
#pragma omp parallel for
    for (long i = 0; i < n; ++i)
      c[i] = a[i] * b[i] + std::sin(d[i]);
  });
  print(t, sum(c.get(), n));
  return 0;
}

// Runner(kernel, n, reps, extra) -> exit status.
using Runner = int (*)(const char *, long, int, long);

const struct {
  const char *name;
  Runner run;
} kKernels[] = {
    {"triad", runStreams},
    {"sum", runStreams},
    {"dot", runStreams},
    {"saxpy", runSaxpy},
    {"jacobi", runJacobi},
    {"matmul", runMatmul},
    {"matmul_loop", runMatmul},
    {"nbody", runNbody},
    {"mandelbrot", runMandelbrot},
    {"mc_pi", runMcPi},
    {"softmax", runSoftmax},
    {"go_normal", runGoNormal},
    {"elementwise", runElementwise},
};

} // namespace

int main(int argc, char **argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: openmp KERNEL N REPS [EXTRA]\n");
    return 64;
  }
  const char *kernel = argv[1];
  long n = std::atol(argv[2]);
  int reps = std::atoi(argv[3]);
  long extra = argc > 4 ? std::atol(argv[4]) : 0;
  for (const auto &k : kKernels)
    if (!std::strcmp(kernel, k.name))
      return k.run(kernel, n, reps, extra);
  std::fprintf(stderr, "openmp: unknown kernel %s\n", kernel);
  return 64;
}
