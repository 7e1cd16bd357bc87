//===- CudaBlas.cpp - Matrix products on the GPU through cuBLAS -----------===//
//
// weft_rt_gpu_gemm hands f32/f64 matrix products of GPU functions to
// cuBLAS, loaded with dlopen at first use like the CUDA driver (Weft
// neither links against CUDA nor needs its headers). It declines (returns
// 0, and the generated tiled kernel computes the product) when cuBLAS is
// not found, the product is small, a layout is not one cuBLAS takes, or an
// array is not in managed memory (an embedder's host array).
//
//===----------------------------------------------------------------------===//
#include "runtime/BlasLayout.h"
#include "runtime/CudaRuntime.h"
#include "runtime/RuntimeABI.h"

#include <dlfcn.h>
#include <mutex>
#include <string>
#include <unistd.h>

namespace {

using Status = int;    // cublasStatus_t
using Handle = void *; // cublasHandle_t
constexpr int kOpN = 0, kOpT = 1;
using DGemm = Status (*)(Handle, int, int, int, int, int, const double *,
                         const double *, int, const double *, int,
                         const double *, double *, int);
using SGemm = Status (*)(Handle, int, int, int, int, int, const float *,
                         const float *, int, const float *, int, const float *,
                         float *, int);

struct CuBlas {
  Status (*create)(Handle *) = nullptr;
  Status (*destroy)(Handle) = nullptr; // optional
  Status (*setStream)(Handle, void *) = nullptr;
  DGemm dgemm = nullptr;
  SGemm sgemm = nullptr;
};

const CuBlas &cublas() {
  static CuBlas lib;
  static std::once_flag once;
  std::call_once(once, [] {
    // WEFT_CUBLAS=none: the tiled kernel; WEFT_CUBLAS=PATH: that library.
    weft::blas::openFirst(
        "WEFT_CUBLAS",
        {"libcublas.so.13", "libcublas.so.12", "libcublas.so",
         "/usr/local/cuda/lib64/libcublas.so.13",
         "/usr/local/cuda/lib64/libcublas.so.12"},
        [](void *h) {
          auto sym = [&](auto &fn, const char *s) {
            fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(
                dlsym(h, s));
            return fn != nullptr;
          };
          if (sym(lib.create, "cublasCreate_v2") &&
              sym(lib.setStream, "cublasSetStream_v2") &&
              sym(lib.dgemm, "cublasDgemm_v2") &&
              sym(lib.sgemm, "cublasSgemm_v2")) {
            sym(lib.destroy, "cublasDestroy_v2");
            return true;
          }
          lib = CuBlas();
          return false;
        });
  });
  return lib;
}

/// This thread's cuBLAS handle on its stream (a handle is not shared
/// between threads); null if cuBLAS could not make one. A thread's handle
/// is destroyed when the thread ends; the main thread's is left to the
/// process's end (the driver may be gone by its thread_local destructors).
struct ThreadHandle {
  const CuBlas *lib = nullptr;
  Handle handle = nullptr;
  bool tried = false;
  ~ThreadHandle() {
    if (handle && lib->destroy && getpid() != static_cast<pid_t>(gettid()))
      lib->destroy(handle);
  }
};
Handle threadHandle(const CuBlas &lib, void *stream) {
  static thread_local ThreadHandle t;
  if (!t.tried) {
    t.tried = true;
    t.lib = &lib;
    if (lib.create(&t.handle) != 0) {
      t.handle = nullptr;
    } else if (lib.setStream(t.handle, stream) != 0) {
      if (lib.destroy)
        lib.destroy(t.handle);
      t.handle = nullptr;
    }
  }
  return t.handle;
}

} // namespace

extern "C" int32_t weft_rt_gpu_gemm(int32_t elemKind, const void *a,
                                    const void *b, void *c) {
  using weft::blas::Desc2;
  const auto &A = *static_cast<const Desc2 *>(a);
  const auto &B = *static_cast<const Desc2 *>(b);
  const auto &C = *static_cast<const Desc2 *>(c);
  // Below 64^3 multiply-adds the tiled kernel is as fast as the call.
  weft::blas::Product p;
  if (!weft::blas::blasProduct(A, B, C, 64 * 64 * 64, p, /*vectors=*/true))
    return 0;
  if ((elemKind != WEFT_F64 && elemKind != WEFT_F32) ||
      !weft::gpu::deviceReadable(A.aligned) ||
      !weft::gpu::deviceReadable(B.aligned) ||
      !weft::gpu::deviceReadable(C.aligned))
    return 0;
  const CuBlas &lib = cublas();
  if (!lib.create)
    return 0;
  void *stream = mgpuStreamCreate(); // this thread's stream, made current
  Handle h = threadHandle(lib, stream);
  if (!h)
    return 0;
  // Row-major c = a @ b is column-major c^T = b^T @ a^T: cuBLAS gets the
  // operands swapped, each with the transpose of its row-major layout.
  int opA = p.ta ? kOpT : kOpN, opB = p.tb ? kOpT : kOpN;
  using weft::blas::first;
  Status s;
  if (elemKind == WEFT_F64) {
    const double one = 1.0, zero = 0.0;
    s = lib.dgemm(h, opB, opA, p.n, p.m, p.k, &one,
                  reinterpret_cast<const double *>(first(B, 8)), p.ldb,
                  reinterpret_cast<const double *>(first(A, 8)), p.lda, &zero,
                  reinterpret_cast<double *>(first(C, 8)), p.ldc);
  } else {
    const float one = 1.0f, zero = 0.0f;
    s = lib.sgemm(h, opB, opA, p.n, p.m, p.k, &one,
                  reinterpret_cast<const float *>(first(B, 4)), p.ldb,
                  reinterpret_cast<const float *>(first(A, 4)), p.lda, &zero,
                  reinterpret_cast<float *>(first(C, 4)), p.ldc);
  }
  if (s != 0) {
    static thread_local std::string msg;
    msg = "CUDA error: cuBLAS's gemm failed with status " + std::to_string(s);
    weft_rt_fail(msg.c_str(), 0);
  }
  // The host may read c next, and Weft's kernels wait for nothing else.
  mgpuStreamSynchronize(stream);
  return 1;
}
