//===- Lapack.cpp - np.linalg through the system LAPACK -------------------===//
//
// weft_rt_linalg solves, inverts, factors and takes determinants of f64
// and complex128 matrices with the LAPACK of the machine (OpenBLAS's, else the
// reference liblapack), loaded with dlopen at first use like the BLAS
// (Blas.cpp). The arrays come as memref descriptors of any strides; LAPACK gets
// column-major copies, and the results are written back element by
// element. Singular and non-positive-definite matrices raise NumPy's
// LinAlgError messages.
//
//===----------------------------------------------------------------------===//
#include "runtime/BlasLayout.h"
#include "runtime/RuntimeABI.h"

#include <algorithm>
#include <climits>
#include <complex>
#include <mutex>
#include <string>
#include <vector>

namespace {

using Z = std::complex<double>;

/// The LAPACK routines of element type T (Fortran: character arguments
/// carry a hidden length).
template <typename T> struct Routines {
  void (*getrf)(const int *, const int *, T *, const int *, int *,
                int *) = nullptr;
  void (*getrs)(const char *, const int *, const int *, const T *, const int *,
                const int *, T *, const int *, int *, size_t) = nullptr;
  void (*getri)(const int *, T *, const int *, const int *, T *, const int *,
                int *) = nullptr;
  void (*potrf)(const char *, const int *, T *, const int *, int *,
                size_t) = nullptr;

  /// Binds the four routines named with `prefix` (d or z); false if one
  /// is missing.
  bool bind(void *h, const char *prefix) {
    auto sym = [&](const char *name) {
      return dlsym(h, (std::string(prefix) + name).c_str());
    };
    getrf = reinterpret_cast<decltype(getrf)>(sym("getrf_"));
    getrs = reinterpret_cast<decltype(getrs)>(sym("getrs_"));
    getri = reinterpret_cast<decltype(getri)>(sym("getri_"));
    potrf = reinterpret_cast<decltype(potrf)>(sym("potrf_"));
    return getrf && getrs && getri && potrf;
  }
};

/// The f64 routines of the eigenproblem and the SVD (optional: a LAPACK
/// without them fails only np.linalg.eigh and svd).
struct Decompositions {
  void (*syevd)(const char *, const char *, const int *, double *, const int *,
                double *, double *, const int *, int *, const int *, int *,
                size_t, size_t) = nullptr;
  void (*gesdd)(const char *, const int *, const int *, double *, const int *,
                double *, double *, const int *, double *, const int *,
                double *, const int *, int *, int *, size_t) = nullptr;
  void (*geev)(const char *, const char *, const int *, double *, const int *,
               double *, double *, double *, const int *, double *, const int *,
               double *, const int *, int *, size_t, size_t) = nullptr;
  void (*geqrf)(const int *, const int *, double *, const int *, double *,
                double *, const int *, int *) = nullptr;
  void (*orgqr)(const int *, const int *, const int *, double *, const int *,
                const double *, double *, const int *, int *) = nullptr;
  // OpenBLAS's thread count (absent from other LAPACKs).
  void (*setThreads)(int) = nullptr;
  int (*getThreads)() = nullptr;
};

struct Lapack {
  Routines<double> d;
  Routines<Z> z;
  Decompositions decompositions;
  bool found = false;
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
          l.found = l.d.bind(h, "d") && l.z.bind(h, "z");
          if (!l.found)
            l = Lapack();
          else {
            Decompositions &e = l.decompositions;
            e.syevd = reinterpret_cast<decltype(e.syevd)>(dlsym(h, "dsyevd_"));
            e.gesdd = reinterpret_cast<decltype(e.gesdd)>(dlsym(h, "dgesdd_"));
            e.geev = reinterpret_cast<decltype(e.geev)>(dlsym(h, "dgeev_"));
            e.geqrf = reinterpret_cast<decltype(e.geqrf)>(dlsym(h, "dgeqrf_"));
            e.orgqr = reinterpret_cast<decltype(e.orgqr)>(dlsym(h, "dorgqr_"));
            e.setThreads = reinterpret_cast<decltype(e.setThreads)>(
                dlsym(h, "openblas_set_num_threads"));
            e.getThreads = reinterpret_cast<decltype(e.getThreads)>(
                dlsym(h, "openblas_get_num_threads"));
          }
          return l.found;
        });
  });
  return l;
}

template <typename T> const Routines<T> &routines();
template <> const Routines<double> &routines<double>() { return lapack().d; }
template <> const Routines<Z> &routines<Z>() { return lapack().z; }

/// An array of rank 1 or 2 as a memref descriptor lays it out.
template <typename T> struct Matrix {
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
  T &at(int64_t i, int64_t j) const {
    return reinterpret_cast<T *>(
        aligned)[offset + i * rowStride + j * colStride];
  }
  /// A column-major copy.
  std::vector<T> columns() const {
    std::vector<T> c(static_cast<size_t>(rows * cols));
    for (int64_t j = 0; j < cols; ++j)
      for (int64_t i = 0; i < rows; ++i)
        c[static_cast<size_t>(i + j * rows)] = at(i, j);
    return c;
  }
  void assign(const std::vector<T> &c) const {
    for (int64_t j = 0; j < cols; ++j)
      for (int64_t i = 0; i < rows; ++i)
        at(i, j) = c[static_cast<size_t>(i + j * rows)];
  }
};

enum Function { Solve = 0, Inv = 1, Det = 2, Cholesky = 3 };

template <typename T>
void linalg(int32_t function, int64_t rankB, const void *a, const void *b,
            void *out, int64_t line) {
  Matrix<T> A(a, 2);
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
    Matrix<T>(out, 1).at(0, 0) = T(1.0); // NumPy's det of a 0x0 matrix
    return;
  }
  if (n == 0)
    return; // the 0x0 (or 0xk) result is empty
  const Routines<T> &l = routines<T>();
  if (!l.getrf) {
    weft_rt_check_failed("RuntimeError: np.linalg needs a LAPACK library "
                         "(libopenblas or liblapack); none was found",
                         line);
    return;
  }
  std::vector<T> lu = A.columns();
  std::vector<int> pivots(static_cast<size_t>(n));
  if (function == Cholesky) {
    l.potrf("L", &n, lu.data(), &n, &info, 1);
    if (info > 0) {
      weft_rt_check_failed("LinAlgError: Matrix is not positive definite",
                           line);
      return;
    }
    Matrix<T> R(out, 2);
    for (int j = 0; j < n; ++j)
      for (int i = 0; i < n; ++i)
        R.at(i, j) = i >= j ? lu[static_cast<size_t>(i + j * n)] : T(0.0);
    return;
  }
  l.getrf(&n, &n, lu.data(), &n, pivots.data(), &info);
  if (function == Det) {
    T det(1.0);
    for (int i = 0; i < n; ++i) {
      det *= lu[static_cast<size_t>(i + i * n)];
      if (pivots[static_cast<size_t>(i)] != i + 1)
        det = -det;
    }
    Matrix<T>(out, 1).at(0, 0) = info > 0 ? T(0.0) : det;
    return;
  }
  if (info > 0) {
    weft_rt_check_failed("LinAlgError: Singular matrix", line);
    return;
  }
  if (function == Inv) {
    int lwork = -1;
    T query(0.0);
    l.getri(&n, lu.data(), &n, pivots.data(), &query, &lwork, &info);
    lwork = std::max(1, static_cast<int>(std::real(query)));
    std::vector<T> work(static_cast<size_t>(lwork));
    l.getri(&n, lu.data(), &n, pivots.data(), work.data(), &lwork, &info);
    Matrix<T>(out, 2).assign(lu);
    return;
  }
  // solve: b is n or n x k.
  Matrix<T> B(b, rankB);
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
  std::vector<T> x = B.columns();
  l.getrs("N", &n, &k, lu.data(), &n, pivots.data(), x.data(), &n, &info, 1);
  Matrix<T>(out, rankB).assign(x);
}

/// One OpenBLAS thread while it lives: OpenBLAS's pool would share the
/// cores with the OpenMP workers still spinning after the program's
/// parallel loops (LAPACK ran twice as slow on 2 cores; single-threaded
/// it runs at NumPy's speed).
class OneBlasThread {
public:
  OneBlasThread() {
    const Decompositions &e = lapack().decompositions;
    if (e.setThreads && e.getThreads && (threads_ = e.getThreads()) > 1)
      e.setThreads(1);
  }
  ~OneBlasThread() {
    if (threads_ > 1)
      lapack().decompositions.setThreads(threads_);
  }

private:
  int threads_ = 0;
};

} // namespace

extern "C" void weft_rt_linalg(int32_t function, int32_t elemKind,
                               int64_t rankB, const void *a, const void *b,
                               void *out, int64_t line) {
  OneBlasThread one;
  if (elemKind == WEFT_C128)
    linalg<Z>(function, rankB, a, b, out, line);
  else
    linalg<double>(function, rankB, a, b, out, line);
}

namespace {

/// eigh: dsyevd of the lower triangle (NumPy's UPLO='L'), as NumPy calls
/// it.
void eigh(const Matrix<double> &A, void *w, void *v, int64_t line) {
  int n = static_cast<int>(A.rows), info = 0;
  if (n == 0)
    return;
  const Decompositions &e = lapack().decompositions;
  std::vector<double> a = A.columns(), values(static_cast<size_t>(n));
  int lwork = -1, liwork = -1, iquery = 0;
  double query = 0.0;
  e.syevd("V", "L", &n, a.data(), &n, values.data(), &query, &lwork, &iquery,
          &liwork, &info, 1, 1);
  lwork = std::max(1, static_cast<int>(query));
  liwork = std::max(1, iquery);
  std::vector<double> work(static_cast<size_t>(lwork));
  std::vector<int> iwork(static_cast<size_t>(liwork));
  e.syevd("V", "L", &n, a.data(), &n, values.data(), work.data(), &lwork,
          iwork.data(), &liwork, &info, 1, 1);
  if (info != 0) {
    weft_rt_check_failed("LinAlgError: Eigenvalues did not converge", line);
    return;
  }
  Matrix<double>(w, 1).assign(values);
  Matrix<double>(v, 2).assign(a);
}

/// svd: dgesdd, jobz 'A' (full), 'S' (reduced) or 'N' (values), as NumPy
/// calls it.
void svd(int32_t function, const Matrix<double> &A, void *u, void *s, void *vt,
         int64_t line) {
  int m = static_cast<int>(A.rows), n = static_cast<int>(A.cols), info = 0;
  int k = std::min(m, n);
  if (k == 0)
    return; // (NumPy's U and V^H of an empty matrix: identities, made by
            // the caller)
  const Decompositions &e = lapack().decompositions;
  const char *jobz = function == 1 ? "A" : function == 2 ? "S" : "N";
  int ucols = function == 1 ? m : k, vtrows = function == 1 ? n : k;
  if (function == 3)
    ucols = vtrows = 1;
  std::vector<double> a = A.columns(), values(static_cast<size_t>(k));
  std::vector<double> us(static_cast<size_t>(m) * ucols),
      vts(static_cast<size_t>(vtrows) * n);
  std::vector<int> iwork(static_cast<size_t>(8 * k));
  int ldu = m, ldvt = vtrows, lwork = -1;
  double query = 0.0;
  e.gesdd(jobz, &m, &n, a.data(), &m, values.data(), us.data(), &ldu,
          vts.data(), &ldvt, &query, &lwork, iwork.data(), &info, 1);
  lwork = std::max(1, static_cast<int>(query));
  std::vector<double> work(static_cast<size_t>(lwork));
  e.gesdd(jobz, &m, &n, a.data(), &m, values.data(), us.data(), &ldu,
          vts.data(), &ldvt, work.data(), &lwork, iwork.data(), &info, 1);
  if (info != 0) {
    weft_rt_check_failed("LinAlgError: SVD did not converge", line);
    return;
  }
  Matrix<double>(s, 1).assign(values);
  if (function == 3)
    return;
  Matrix<double>(u, 2).assign(us);
  Matrix<double>(vt, 2).assign(vts);
}

/// eig: dgeev's eigenvalues and right eigenvectors (unit columns), as
/// NumPy calls it, when they are real (Numba's rule: a real matrix with
/// complex eigenvalues is an error, not a complex result).
void eig(bool vectors, const Matrix<double> &A, void *w, void *v,
         int64_t line) {
  int n = static_cast<int>(A.rows), info = 0, one = 1;
  if (n == 0)
    return;
  const Decompositions &e = lapack().decompositions;
  std::vector<double> a = A.columns(), wr(static_cast<size_t>(n)),
                      wi(static_cast<size_t>(n));
  std::vector<double> vr(vectors ? static_cast<size_t>(n) * n : 1), vl(1);
  int ldvr = vectors ? n : 1, lwork = -1;
  const char *jobvr = vectors ? "V" : "N";
  double query = 0.0;
  e.geev("N", jobvr, &n, a.data(), &n, wr.data(), wi.data(), vl.data(), &one,
         vr.data(), &ldvr, &query, &lwork, &info, 1, 1);
  lwork = std::max(1, static_cast<int>(query));
  std::vector<double> work(static_cast<size_t>(lwork));
  e.geev("N", jobvr, &n, a.data(), &n, wr.data(), wi.data(), vl.data(), &one,
         vr.data(), &ldvr, work.data(), &lwork, &info, 1, 1);
  if (info != 0) {
    weft_rt_check_failed("LinAlgError: Eigenvalues did not converge", line);
    return;
  }
  for (double im : wi)
    if (im != 0.0) {
      weft_rt_check_failed("ValueError: eig() argument must not cause a "
                           "domain change: the eigenvalues of this matrix "
                           "are complex (Numba's rule; NumPy returns complex "
                           "arrays)",
                           line);
      return;
    }
  Matrix<double>(w, 1).assign(wr);
  if (vectors)
    Matrix<double>(v, 2).assign(vr);
}

/// qr: dgeqrf then dorgqr, as NumPy calls them: Q m x k and R k x n
/// (reduced), or Q m x m and R m x n (complete).
void qr(bool complete, const Matrix<double> &A, void *q, void *r) {
  int m = static_cast<int>(A.rows), n = static_cast<int>(A.cols), info = 0;
  int k = std::min(m, n), qcols = complete ? m : k;
  Matrix<double> Q(q, 2), R(r, 2);
  for (int64_t i = 0; i < R.rows; ++i)
    for (int64_t j = 0; j < R.cols; ++j)
      R.at(i, j) = 0.0;
  if (k == 0) { // Q: the identity's first columns, as NumPy's
    for (int64_t i = 0; i < Q.rows; ++i)
      for (int64_t j = 0; j < Q.cols; ++j)
        Q.at(i, j) = i == j ? 1.0 : 0.0;
    return;
  }
  const Decompositions &e = lapack().decompositions;
  std::vector<double> a = A.columns(), tau(static_cast<size_t>(k));
  int lwork = -1;
  double query = 0.0;
  e.geqrf(&m, &n, a.data(), &m, tau.data(), &query, &lwork, &info);
  lwork = std::max(1, static_cast<int>(query));
  std::vector<double> work(static_cast<size_t>(lwork));
  e.geqrf(&m, &n, a.data(), &m, tau.data(), work.data(), &lwork, &info);
  for (int j = 0; j < n; ++j)
    for (int i = 0; i <= j && i < R.rows; ++i)
      R.at(i, j) = a[static_cast<size_t>(i + j * m)];
  // Q from the reflectors, in the first qcols columns (m x qcols).
  std::vector<double> qs(static_cast<size_t>(m) * qcols, 0.0);
  for (int j = 0; j < std::min(n, qcols); ++j)
    for (int i = 0; i < m; ++i)
      qs[static_cast<size_t>(i + j * m)] = a[static_cast<size_t>(i + j * m)];
  lwork = -1;
  e.orgqr(&m, &qcols, &k, qs.data(), &m, tau.data(), &query, &lwork, &info);
  lwork = std::max(1, static_cast<int>(query));
  work.assign(static_cast<size_t>(lwork), 0.0);
  e.orgqr(&m, &qcols, &k, qs.data(), &m, tau.data(), work.data(), &lwork,
          &info);
  Q.assign(qs);
}

} // namespace

extern "C" void weft_rt_decompose(int32_t function, const void *a, void *x,
                                  void *y, void *z, int64_t line) {
  Matrix<double> A(a, 2);
  // Each function's name and the LAPACK routines it needs.
  const Decompositions &e = lapack().decompositions;
  struct Entry {
    const char *name, *routines;
    bool found;
  };
  const Entry entries[] = {{"eigh", "dsyevd", e.syevd != nullptr},
                           {"svd", "dgesdd", e.gesdd != nullptr},
                           {"svd", "dgesdd", e.gesdd != nullptr},
                           {"svd", "dgesdd", e.gesdd != nullptr},
                           {"eig", "dgeev", e.geev != nullptr},
                           {"eigvals", "dgeev", e.geev != nullptr},
                           {"qr", "dgeqrf and dorgqr", e.geqrf && e.orgqr},
                           {"qr", "dgeqrf and dorgqr", e.geqrf && e.orgqr}};
  const Entry &entry = entries[std::clamp(function, 0, 7)];
  if (A.rows > INT_MAX / 2 || A.cols > INT_MAX / 2) {
    weft_rt_check_failed((std::string("ValueError: the matrix is too large "
                                      "for np.linalg.") +
                          entry.name + " (LAPACK takes int sizes)")
                             .c_str(),
                         line);
    return;
  }
  if (!entry.found) {
    weft_rt_check_failed((std::string("RuntimeError: np.linalg.") + entry.name +
                          " needs a LAPACK library (libopenblas or "
                          "liblapack) with " +
                          entry.routines + "; none was found")
                             .c_str(),
                         line);
    return;
  }
  OneBlasThread one;
  if (function == 0)
    eigh(A, x, y, line);
  else if (function >= 6)
    qr(function == 7, A, x, y);
  else if (function >= 4)
    eig(function == 4, A, x, y, line);
  else
    svd(function, A, x, y, z, line);
}
