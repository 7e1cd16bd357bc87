//===- BlasLayout.h - How a product's arrays look to a BLAS library -*- C++
//-*-===//
//
// The descriptor of a 2-D array as compiled code passes it, and the checks
// that both the host BLAS (Blas.cpp) and cuBLAS (CudaBlas.cpp) make before
// taking a product c = a @ b: sizes that agree, enough work to pay for the
// call, and layouts a row-major BLAS call can express.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_RUNTIME_BLASLAYOUT_H
#define WEFT_RUNTIME_BLASLAYOUT_H

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <initializer_list>

namespace weft::blas {

/// A rank-2 memref descriptor.
struct Desc2 {
  void *allocated;
  char *aligned;
  int64_t offset;
  int64_t sizes[2];
  int64_t strides[2];
};

/// How a matrix view is passed: transposed or not, with leading dimension
/// `ld`: rows contiguous (not transposed, ld = strides[0]) or columns
/// contiguous (transposed, ld = strides[1]). With `vectors`, a view of one
/// row or one column (a 1-D operand, whose other stride is 0) is taken
/// too, with the vector's stride as ld. False for other layouts and for
/// leading dimensions beyond int.
inline bool layout(const Desc2 &d, bool &transposed, int &ld,
                   bool vectors = false) {
  int64_t rows = d.sizes[0], cols = d.sizes[1], l = 0;
  if (vectors && cols == 1 && rows > 1 && d.strides[0] >= 1) {
    transposed = false; // element (r, 0) at r * ld
    l = d.strides[0];
  } else if (vectors && rows == 1 && cols > 1 && d.strides[1] >= 1) {
    transposed = true; // element (0, c) at c * ld
    l = d.strides[1];
  } else if (d.strides[1] == 1 && d.strides[0] >= (cols > 1 ? cols : 1)) {
    transposed = false;
    l = d.strides[0];
  } else if (d.strides[0] == 1 && d.strides[1] >= (rows > 1 ? rows : 1)) {
    transposed = true;
    l = d.strides[1];
  } else {
    return false;
  }
  if (l > INT32_MAX)
    return false;
  ld = static_cast<int>(l);
  return true;
}

/// A product a BLAS call takes: a (m x k) @ b (k x n) into c (m x n) with
/// rows of c contiguous, at least `minWork` multiply-adds, sizes within
/// int; with `vectors`, also a row or column operand (as layout()). Sets
/// the sizes, transposes and leading dimensions.
struct Product {
  int m, n, k, lda, ldb, ldc;
  bool ta, tb;
};
inline bool blasProduct(const Desc2 &A, const Desc2 &B, const Desc2 &C,
                        int64_t minWork, Product &p, bool vectors = false) {
  int64_t m = A.sizes[0], k = A.sizes[1], n = B.sizes[1];
  if (B.sizes[0] != k || C.sizes[0] != m || C.sizes[1] != n)
    return false;
  if (m * n * k < minWork || m > INT32_MAX / 2 || n > INT32_MAX / 2 ||
      k > INT32_MAX / 2 || C.strides[0] > INT32_MAX / 2)
    return false;
  if (!layout(A, p.ta, p.lda, vectors) || !layout(B, p.tb, p.ldb, vectors) ||
      C.strides[1] != 1 || C.strides[0] < n)
    return false;
  p.m = static_cast<int>(m);
  p.n = static_cast<int>(n);
  p.k = static_cast<int>(k);
  p.ldc = static_cast<int>(C.strides[0]);
  return true;
}

/// Opens the first of `names` for which `bind(handle)` finds what it needs
/// (else closes it and tries the next). The environment variable `envVar`
/// set to "none" opens nothing; set to a path, that library comes first.
template <typename Bind>
void openFirst(const char *envVar, std::initializer_list<const char *> names,
               Bind bind) {
  const char *env = std::getenv(envVar);
  if (env && std::strcmp(env, "none") == 0)
    return;
  auto tryOne = [&](const char *name) {
    void *h = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (!h)
      return false;
    if (bind(h))
      return true;
    dlclose(h);
    return false;
  };
  if (env && tryOne(env))
    return;
  for (const char *name : names)
    if (tryOne(name))
      return;
}

/// The first element of an array view of `elemBytes`-byte elements.
inline char *first(const Desc2 &d, int64_t elemBytes) {
  return d.aligned + d.offset * elemBytes;
}

} // namespace weft::blas

#endif // WEFT_RUNTIME_BLASLAYOUT_H
