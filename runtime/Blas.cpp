//===- Blas.cpp - Large matrix products through a system BLAS ------------===//
//
// weft_rt_gemm hands big f32/f64 matrix products to the BLAS library of
// the machine (OpenBLAS, else the reference BLAS), loaded with dlopen at
// first use so Weft has no link-time dependency on it. When no library is
// found, the operands are too small or their layout is not one BLAS takes,
// it returns 0 and the generated loops compute the product instead.
//
//===----------------------------------------------------------------------===//
#include "runtime/RuntimeABI.h"

#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <mutex>

namespace {

enum { RowMajor = 101, NoTrans = 111, Trans = 112 };
using DGemm = void (*)(int, int, int, int, int, int, double, const double *,
                       int, const double *, int, double, double *, int);
using SGemm = void (*)(int, int, int, int, int, int, float, const float *, int,
                       const float *, int, float, float *, int);

struct Blas {
  DGemm dgemm = nullptr;
  SGemm sgemm = nullptr;
};

const Blas &blas() {
  static Blas b;
  static std::once_flag once;
  std::call_once(once, [] {
    // WEFT_BLAS=none disables BLAS; WEFT_BLAS=PATH picks a library.
    const char *env = std::getenv("WEFT_BLAS");
    if (env && std::strcmp(env, "none") == 0)
      return;
    const char *candidates[] = {env, "libopenblas.so.0", "libopenblas.so",
                                "libblas.so.3", "libcblas.so.3"};
    for (const char *name : candidates) {
      if (!name)
        continue;
      void *h = dlopen(name, RTLD_NOW | RTLD_LOCAL);
      if (!h)
        continue;
      b.dgemm = reinterpret_cast<DGemm>(dlsym(h, "cblas_dgemm"));
      b.sgemm = reinterpret_cast<SGemm>(dlsym(h, "cblas_sgemm"));
      if (b.dgemm && b.sgemm)
        return;
      b = Blas();
      dlclose(h);
    }
  });
  return b;
}

/// A rank-2 memref descriptor.
struct Desc2 {
  void *allocated;
  char *aligned;
  int64_t offset;
  int64_t sizes[2];
  int64_t strides[2];
};

/// BLAS layout of a matrix view: NoTrans with leading dimension strides[0]
/// when rows are contiguous, Trans when columns are; false otherwise.
bool layout(const Desc2 &d, int &trans, int &ld) {
  int64_t rows = d.sizes[0], cols = d.sizes[1];
  if (d.strides[1] == 1 && d.strides[0] >= (cols > 1 ? cols : 1)) {
    trans = NoTrans;
    ld = static_cast<int>(d.strides[0]);
    return true;
  }
  if (d.strides[0] == 1 && d.strides[1] >= (rows > 1 ? rows : 1)) {
    trans = Trans;
    ld = static_cast<int>(d.strides[1]);
    return true;
  }
  return false;
}

} // namespace

extern "C" int32_t weft_rt_gemm(int32_t elemKind, const void *a, const void *b,
                                void *c) {
  const auto &A = *static_cast<const Desc2 *>(a);
  const auto &B = *static_cast<const Desc2 *>(b);
  auto &C = *static_cast<Desc2 *>(c);
  int64_t m = A.sizes[0], k = A.sizes[1], n = B.sizes[1];
  if (B.sizes[0] != k || C.sizes[0] != m || C.sizes[1] != n)
    return 0;
  // Small products are faster in the generated loops.
  if (m * n * k < 32 * 32 * 32 || m > INT32_MAX / 2 || n > INT32_MAX / 2 ||
      k > INT32_MAX / 2)
    return 0;
  int ta, tb, lda, ldb;
  if (!layout(A, ta, lda) || !layout(B, tb, ldb) || C.strides[1] != 1 ||
      C.strides[0] < n)
    return 0;
  const Blas &lib = blas();
  int ldc = static_cast<int>(C.strides[0]);
  if (elemKind == WEFT_F64 && lib.dgemm) {
    size_t e = sizeof(double);
    lib.dgemm(RowMajor, ta, tb, int(m), int(n), int(k), 1.0,
              reinterpret_cast<const double *>(A.aligned + A.offset * e), lda,
              reinterpret_cast<const double *>(B.aligned + B.offset * e), ldb,
              0.0, reinterpret_cast<double *>(C.aligned + C.offset * e), ldc);
    return 1;
  }
  if (elemKind == WEFT_F32 && lib.sgemm) {
    size_t e = sizeof(float);
    lib.sgemm(RowMajor, ta, tb, int(m), int(n), int(k), 1.0f,
              reinterpret_cast<const float *>(A.aligned + A.offset * e), lda,
              reinterpret_cast<const float *>(B.aligned + B.offset * e), ldb,
              0.0f, reinterpret_cast<float *>(C.aligned + C.offset * e), ldc);
    return 1;
  }
  return 0;
}
