//===- Lapack.cpp - np.linalg through the system LAPACK -------------------===//
//
// weft_rt_linalg solves, inverts, factors and takes determinants of f64
// matrices with the LAPACK of the machine (OpenBLAS's, else the reference
// liblapack), loaded with dlopen at first use like the BLAS (Blas.cpp).
// The arrays come as memref descriptors of any strides; LAPACK gets
// column-major copies, and the results are written back element by
// element. Singular and non-positive-definite matrices raise NumPy's
// LinAlgError messages.
//
//===----------------------------------------------------------------------===//
#include "runtime/BlasLayout.h"
#include "runtime/RuntimeABI.h"

#include <algorithm>
#include <climits>
#include <mutex>
#include <string>
#include <vector>

namespace {

// Fortran LAPACK (character arguments carry a hidden length).
using Getrf = void (*)(const int *, const int *, double *, const int *, int *,
                       int *);
using Getrs = void (*)(const char *, const int *, const int *, const double *,
                       const int *, const int *, double *, const int *, int *,
                       size_t);
using Getri = void (*)(const int *, double *, const int *, const int *,
                       double *, const int *, int *);
using Potrf = void (*)(const char *, const int *, double *, const int *, int *,
                       size_t);

struct Lapack {
  Getrf getrf = nullptr;
  Getrs getrs = nullptr;
  Getri getri = nullptr;
  Potrf potrf = nullptr;
};

const Lapack &lapack() {
  static Lapack l;
  static std::once_flag once;
  std::call_once(once, [] {
    // WEFT_LAPACK=none: np.linalg raises; WEFT_LAPACK=PATH: that library.
    weft::blas::openFirst(
        "WEFT_LAPACK",
        {"libopenblas.so.0", "libopenblas.so", "liblapack.so.3",
         "liblapack.so"},
        [](void *h) {
          l.getrf = reinterpret_cast<Getrf>(dlsym(h, "dgetrf_"));
          l.getrs = reinterpret_cast<Getrs>(dlsym(h, "dgetrs_"));
          l.getri = reinterpret_cast<Getri>(dlsym(h, "dgetri_"));
          l.potrf = reinterpret_cast<Potrf>(dlsym(h, "dpotrf_"));
          if (l.getrf && l.getrs && l.getri && l.potrf)
            return true;
          l = Lapack();
          return false;
        });
  });
  return l;
}

/// An f64 array of rank 1 or 2 as a memref descriptor lays it out.
struct Matrix {
  char *aligned;
  int64_t offset, rows, cols, rowStride, colStride;

  Matrix(const void *descriptor, int64_t rank) {
    const int64_t *w = static_cast<const int64_t *>(descriptor);
    aligned = reinterpret_cast<char *>(w[1]);
    offset = w[2];
    rows = w[3];
    cols = rank == 2 ? w[4] : 1;
    rowStride = w[3 + rank];
    colStride = rank == 2 ? w[6] : 0;
  }
  double &at(int64_t i, int64_t j) const {
    return reinterpret_cast<double *>(
        aligned)[offset + i * rowStride + j * colStride];
  }
  /// A column-major copy.
  std::vector<double> columns() const {
    std::vector<double> c(static_cast<size_t>(rows * cols));
    for (int64_t j = 0; j < cols; ++j)
      for (int64_t i = 0; i < rows; ++i)
        c[static_cast<size_t>(i + j * rows)] = at(i, j);
    return c;
  }
  void assign(const std::vector<double> &c) const {
    for (int64_t j = 0; j < cols; ++j)
      for (int64_t i = 0; i < rows; ++i)
        at(i, j) = c[static_cast<size_t>(i + j * rows)];
  }
};

enum Function { Solve = 0, Inv = 1, Det = 2, Cholesky = 3 };

} // namespace

extern "C" void weft_rt_linalg(int32_t function, int64_t rankB, const void *a,
                               const void *b, void *out, int64_t line) {
  Matrix A(a, 2);
  const char *names[] = {"solve", "inv", "det", "cholesky"};
  std::string name = names[function & 3];
  if (A.rows != A.cols) {
    weft_rt_check_failed(("LinAlgError: " + name +
                          "() needs a square matrix (the last 2 dimensions "
                          "of the array must be square)")
                             .c_str(),
                         line);
    return;
  }
  if (A.rows > INT_MAX / 2) {
    weft_rt_check_failed(("ValueError: the matrix is too large for " + name +
                          "() (LAPACK takes int sizes)")
                             .c_str(),
                         line);
    return;
  }
  int n = static_cast<int>(A.rows), info = 0;
  if (function == Det && n == 0) {
    Matrix(out, 1).at(0, 0) = 1.0; // NumPy's det of a 0x0 matrix
    return;
  }
  if (n == 0)
    return; // the 0x0 (or 0xk) result is empty
  const Lapack &l = lapack();
  if (!l.getrf) {
    weft_rt_check_failed("RuntimeError: np.linalg needs a LAPACK library "
                         "(libopenblas or liblapack); none was found",
                         line);
    return;
  }
  std::vector<double> lu = A.columns();
  std::vector<int> pivots(static_cast<size_t>(n));
  if (function == Cholesky) {
    l.potrf("L", &n, lu.data(), &n, &info, 1);
    if (info > 0) {
      weft_rt_check_failed("LinAlgError: Matrix is not positive definite",
                           line);
      return;
    }
    Matrix R(out, 2);
    for (int j = 0; j < n; ++j)
      for (int i = 0; i < n; ++i)
        R.at(i, j) = i >= j ? lu[static_cast<size_t>(i + j * n)] : 0.0;
    return;
  }
  l.getrf(&n, &n, lu.data(), &n, pivots.data(), &info);
  if (function == Det) {
    double det = 1.0;
    for (int i = 0; i < n; ++i) {
      det *= lu[static_cast<size_t>(i + i * n)];
      if (pivots[static_cast<size_t>(i)] != i + 1)
        det = -det;
    }
    Matrix(out, 1).at(0, 0) = info > 0 ? 0.0 : det;
    return;
  }
  if (info > 0) {
    weft_rt_check_failed("LinAlgError: Singular matrix", line);
    return;
  }
  if (function == Inv) {
    int lwork = -1;
    double query = 0;
    l.getri(&n, lu.data(), &n, pivots.data(), &query, &lwork, &info);
    lwork = std::max(1, static_cast<int>(query));
    std::vector<double> work(static_cast<size_t>(lwork));
    l.getri(&n, lu.data(), &n, pivots.data(), work.data(), &lwork, &info);
    Matrix(out, 2).assign(lu);
    return;
  }
  // solve: b is n or n x k.
  Matrix B(b, rankB);
  if (B.rows != n) {
    weft_rt_check_failed(("ValueError: solve() needs b with " +
                          std::to_string(n) + " rows, as the matrix; it has " +
                          std::to_string(B.rows))
                             .c_str(),
                         line);
    return;
  }
  if (B.cols == 0)
    return;
  if (B.cols > INT_MAX) {
    weft_rt_check_failed("ValueError: too many right-hand sides for solve()",
                         line);
    return;
  }
  int k = static_cast<int>(B.cols);
  std::vector<double> x = B.columns();
  l.getrs("N", &n, &k, lu.data(), &n, pivots.data(), x.data(), &n, &info, 1);
  Matrix(out, rankB).assign(x);
}
