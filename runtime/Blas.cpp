//===- Blas.cpp - Large matrix products through a system BLAS ------------===//
//
// weft_rt_gemm hands big f32/f64 matrix products to the BLAS library of
// the machine (OpenBLAS, else the reference BLAS), loaded with dlopen at
// first use so Weft has no link-time dependency on it. When no library is
// found, the operands are too small or their layout is not one BLAS takes,
// it returns 0 and the generated loops compute the product instead.
//
//===----------------------------------------------------------------------===//
#include "runtime/BlasLayout.h"
#include "runtime/RuntimeABI.h"

#include <dlfcn.h>
#include <mutex>

namespace {

enum { RowMajor = 101, NoTrans = 111, Trans = 112 };
using weft::blas::Desc2;
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
    // WEFT_BLAS=none: Weft's own loops; WEFT_BLAS=PATH: that library.
    weft::blas::openFirst(
        "WEFT_BLAS",
        {"libopenblas.so.0", "libopenblas.so", "libblas.so.3", "libcblas.so.3"},
        [](void *h) {
          b.dgemm = reinterpret_cast<DGemm>(dlsym(h, "cblas_dgemm"));
          b.sgemm = reinterpret_cast<SGemm>(dlsym(h, "cblas_sgemm"));
          if (b.dgemm && b.sgemm)
            return true;
          b = Blas();
          return false;
        });
  });
  return b;
}

} // namespace

extern "C" int32_t weft_rt_gemm(int32_t elemKind, const void *a, const void *b,
                                void *c) {
  const auto &A = *static_cast<const Desc2 *>(a);
  const auto &B = *static_cast<const Desc2 *>(b);
  const auto &C = *static_cast<const Desc2 *>(c);
  // Small products are faster in the generated loops.
  weft::blas::Product p;
  if (!weft::blas::blasProduct(A, B, C, 32 * 32 * 32, p))
    return 0;
  const Blas &lib = blas();
  int ta = p.ta ? Trans : NoTrans, tb = p.tb ? Trans : NoTrans;
  using weft::blas::first;
  if (elemKind == WEFT_F64 && lib.dgemm) {
    lib.dgemm(RowMajor, ta, tb, p.m, p.n, p.k, 1.0,
              reinterpret_cast<const double *>(first(A, 8)), p.lda,
              reinterpret_cast<const double *>(first(B, 8)), p.ldb, 0.0,
              reinterpret_cast<double *>(first(C, 8)), p.ldc);
    return 1;
  }
  if (elemKind == WEFT_F32 && lib.sgemm) {
    lib.sgemm(RowMajor, ta, tb, p.m, p.n, p.k, 1.0f,
              reinterpret_cast<const float *>(first(A, 4)), p.lda,
              reinterpret_cast<const float *>(first(B, 4)), p.ldb, 0.0f,
              reinterpret_cast<float *>(first(C, 4)), p.ldc);
    return 1;
  }
  return 0;
}
