//===- CudaRuntime.cpp - The GPU runtime on the CUDA driver API -----------===//
//
// Implements CudaRuntime.h with the driver's C API looked up by dlsym.
// Every failure of the driver while a program runs is a runtime error of
// the program (weft_rt_fail: "CUDA error: ..."), never a crash.
//
//===----------------------------------------------------------------------===//
#include "runtime/CudaRuntime.h"

#include "runtime/RuntimeABI.h"

#include <dlfcn.h>

#include <atomic>
#include <mutex>
#include <unordered_map>

namespace {

// The few driver types Weft needs, by their ABI (cuda.h is not required).
using CUresult = int;
using CUdevice = int;
using CUcontext = void *;
using CUmodule = void *;
using CUfunction = void *;
using CUstream = void *;
using CUdeviceptr = unsigned long long;
constexpr int kComputeCapabilityMajor = 75; // CU_DEVICE_ATTRIBUTE_...
constexpr int kComputeCapabilityMinor = 76;
constexpr unsigned kMemAttachGlobal = 1;   // CU_MEM_ATTACH_GLOBAL
constexpr unsigned kStreamNonBlocking = 1; // CU_STREAM_NON_BLOCKING
struct CUmemLocation {
  int type; // CU_MEM_LOCATION_TYPE_DEVICE = 1, _HOST = 2
  int id;
};
constexpr int kAdvisePreferredLocation = 3; // CU_MEM_ADVISE_SET_PREFERRED_...
constexpr int kAdviseAccessedBy = 5;        // CU_MEM_ADVISE_SET_ACCESSED_BY

struct Driver {
  void *lib = nullptr;
  std::string error; ///< why the driver is not usable
  CUcontext context = nullptr;
#define WEFT_CU(name, ...) CUresult (*name)(__VA_ARGS__) = nullptr;
  WEFT_CU(cuInit, unsigned)
  WEFT_CU(cuDeviceGetCount, int *)
  WEFT_CU(cuDeviceGet, CUdevice *, int)
  WEFT_CU(cuDeviceGetAttribute, int *, int, CUdevice)
  WEFT_CU(cuDevicePrimaryCtxRetain, CUcontext *, CUdevice)
  WEFT_CU(cuCtxSetCurrent, CUcontext)
  WEFT_CU(cuCtxSynchronize, void)
  WEFT_CU(cuModuleLoadData, CUmodule *, const void *)
  WEFT_CU(cuModuleUnload, CUmodule)
  WEFT_CU(cuModuleGetFunction, CUfunction *, CUmodule, const char *)
  WEFT_CU(cuLaunchKernel, CUfunction, unsigned, unsigned, unsigned, unsigned,
          unsigned, unsigned, unsigned, CUstream, void **, void **)
  WEFT_CU(cuStreamCreate, CUstream *, unsigned)
  WEFT_CU(cuStreamDestroy, CUstream)
  WEFT_CU(cuStreamSynchronize, CUstream)
  WEFT_CU(cuMemAlloc, CUdeviceptr *, size_t)
  WEFT_CU(cuMemAllocManaged, CUdeviceptr *, size_t, unsigned)
  WEFT_CU(cuMemFree, CUdeviceptr)
  WEFT_CU(cuMemcpy, CUdeviceptr, CUdeviceptr, size_t)
  WEFT_CU(cuMemsetD32, CUdeviceptr, unsigned, size_t)
  WEFT_CU(cuGetErrorName, CUresult, const char **)
  WEFT_CU(cuPointerGetAttribute, void *, int, CUdeviceptr)
  // Optional (CUDA 12.2+ drivers).
  WEFT_CU(cuMemAdvise, CUdeviceptr, size_t, int, CUmemLocation)
#undef WEFT_CU
};

/// Opens and initialises the driver once; `error` says why it failed.
Driver &driver() {
  static Driver d;
  static std::once_flag once;
  std::call_once(once, [] {
    d.lib = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!d.lib) {
      d.error = "no CUDA driver was found (libcuda.so.1 cannot be loaded)";
      return;
    }
    bool missing = false;
    auto load = [&](auto &fn, const char *name) {
      fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(
          dlsym(d.lib, name));
      missing |= fn == nullptr;
    };
    load(d.cuInit, "cuInit");
    load(d.cuDeviceGetCount, "cuDeviceGetCount");
    load(d.cuDeviceGet, "cuDeviceGet");
    load(d.cuDeviceGetAttribute, "cuDeviceGetAttribute");
    load(d.cuDevicePrimaryCtxRetain, "cuDevicePrimaryCtxRetain");
    load(d.cuCtxSetCurrent, "cuCtxSetCurrent");
    load(d.cuCtxSynchronize, "cuCtxSynchronize");
    load(d.cuModuleLoadData, "cuModuleLoadData");
    load(d.cuModuleUnload, "cuModuleUnload");
    load(d.cuModuleGetFunction, "cuModuleGetFunction");
    load(d.cuLaunchKernel, "cuLaunchKernel");
    load(d.cuStreamCreate, "cuStreamCreate");
    load(d.cuStreamDestroy, "cuStreamDestroy_v2");
    load(d.cuStreamSynchronize, "cuStreamSynchronize");
    load(d.cuMemAlloc, "cuMemAlloc_v2");
    load(d.cuMemAllocManaged, "cuMemAllocManaged");
    load(d.cuMemFree, "cuMemFree_v2");
    load(d.cuMemcpy, "cuMemcpy");
    load(d.cuMemsetD32, "cuMemsetD32_v2");
    load(d.cuGetErrorName, "cuGetErrorName");
    load(d.cuPointerGetAttribute, "cuPointerGetAttribute");
    d.cuMemAdvise = reinterpret_cast<decltype(d.cuMemAdvise)>(
        dlsym(d.lib, "cuMemAdvise_v2"));
    if (missing) {
      d.error = "the CUDA driver lacks functions Weft needs (too old?)";
      return;
    }
    int count = 0;
    if (d.cuInit(0) != 0 || d.cuDeviceGetCount(&count) != 0 || count == 0) {
      d.error = "no CUDA device was found";
      return;
    }
    CUdevice dev = 0;
    if (d.cuDeviceGet(&dev, 0) != 0 ||
        d.cuDevicePrimaryCtxRetain(&d.context, dev) != 0) {
      d.error = "the CUDA device could not be opened";
      d.context = nullptr;
    }
  });
  return d;
}

/// A runtime error of the program for a failed driver call.
void check(CUresult r, const char *what) {
  if (r == 0)
    return;
  Driver &d = driver();
  const char *name = nullptr;
  if (d.cuGetErrorName)
    d.cuGetErrorName(r, &name);
  static thread_local std::string msg;
  msg = std::string("CUDA error: ") + what + " failed with " +
        (name ? name : std::to_string(r));
  weft_rt_fail(msg.c_str(), 0);
}

/// The device's context, current on this thread.
Driver &ready() {
  Driver &d = driver();
  if (!d.context) {
    static thread_local std::string msg;
    msg = "CUDA error: " + d.error;
    weft_rt_fail(msg.c_str(), 0);
  }
  check(d.cuCtxSetCurrent(d.context), "cuCtxSetCurrent");
  return d;
}

std::atomic<bool> gManaged{false};

} // namespace

namespace weft::gpu {

bool available(std::string &why, std::string *arch) {
  Driver &d = driver();
  if (!d.context) {
    why = d.error;
    return false;
  }
  if (arch) {
    int major = 0, minor = 0;
    CUdevice dev = 0;
    d.cuDeviceGet(&dev, 0);
    d.cuDeviceGetAttribute(&major, kComputeCapabilityMajor, dev);
    d.cuDeviceGetAttribute(&minor, kComputeCapabilityMinor, dev);
    *arch = "sm_" + std::to_string(major) + std::to_string(minor);
  }
  return true;
}

bool deviceReadable(const void *ptr) {
  Driver &d = driver();
  if (!d.context || !ptr || d.cuCtxSetCurrent(d.context) != 0)
    return false;
  // A boolean the driver writes in the first bytes of the buffer.
  unsigned long long managed = 0;
  constexpr int kIsManaged = 8; // CU_POINTER_ATTRIBUTE_IS_MANAGED
  return d.cuPointerGetAttribute(&managed, kIsManaged,
                                 reinterpret_cast<CUdeviceptr>(ptr)) == 0 &&
         managed != 0;
}

void setManagedMemory(bool on) { gManaged.store(on); }
bool managedMemory() { return gManaged.load(std::memory_order_relaxed); }

namespace {
/// Freed managed blocks by size: up to 256 small ones (64 KiB at most,
/// kept in host memory) and up to 256 MiB of larger ones (where the
/// device first wrote them: a temporary of the same size in the next call
/// is already resident there, and freeing would synchronize the device).
struct ManagedCache {
  std::mutex mutex;
  std::unordered_multimap<size_t, void *> blocks;
  size_t small = 0, largeBytes = 0;
  static constexpr size_t kMaxBytes = 64 << 10, kMaxBlocks = 256;
  static constexpr size_t kMaxLarge = 64 << 20, kMaxLargeBytes = 256 << 20;
};
ManagedCache &managedCache() {
  static auto *cache = new ManagedCache; // outlives static destructors
  return *cache;
}
} // namespace

void *allocManaged(size_t bytes) {
  if (bytes <= ManagedCache::kMaxLarge) {
    ManagedCache &c = managedCache();
    std::lock_guard<std::mutex> lock(c.mutex);
    auto it = c.blocks.find(bytes);
    if (it != c.blocks.end()) {
      void *p = it->second;
      c.blocks.erase(it);
      if (bytes > ManagedCache::kMaxBytes)
        c.largeBytes -= bytes;
      else
        --c.small;
      return p;
    }
  }
  Driver &d = ready();
  CUdeviceptr p = 0;
  if (d.cuMemAllocManaged(&p, bytes, kMemAttachGlobal) != 0) {
    // Out of memory: give back the blocks kept for reuse, then try again.
    {
      ManagedCache &c = managedCache();
      std::lock_guard<std::mutex> lock(c.mutex);
      for (auto &[size, block] : c.blocks)
        d.cuMemFree(reinterpret_cast<CUdeviceptr>(block));
      c.blocks.clear();
      c.small = c.largeBytes = 0;
    }
    if (d.cuMemAllocManaged(&p, bytes, kMemAttachGlobal) != 0)
      return nullptr; // the caller reports MemoryError
  }
  // Small blocks (a reduction's per-block values, an error word; arrays
  // this small never go to the GPU's parallel loops) stay in host memory
  // and the device writes them in place: no page moves back and forth.
  if (bytes <= ManagedCache::kMaxBytes && d.cuMemAdvise) {
    d.cuMemAdvise(p, bytes, kAdvisePreferredLocation, CUmemLocation{2, 0});
    d.cuMemAdvise(p, bytes, kAdviseAccessedBy, CUmemLocation{1, 0});
  }
  return reinterpret_cast<void *>(p);
}

void freeManaged(void *ptr, size_t bytes) {
  if (bytes <= ManagedCache::kMaxLarge) {
    ManagedCache &c = managedCache();
    std::lock_guard<std::mutex> lock(c.mutex);
    bool large = bytes > ManagedCache::kMaxBytes;
    if (large ? c.largeBytes + bytes <= ManagedCache::kMaxLargeBytes
              : c.small < ManagedCache::kMaxBlocks) {
      c.blocks.emplace(bytes, ptr);
      if (large)
        c.largeBytes += bytes;
      else
        ++c.small;
      return;
    }
  }
  Driver &d = driver();
  if (d.cuMemFree)
    d.cuMemFree(reinterpret_cast<CUdeviceptr>(ptr));
}

} // namespace weft::gpu

extern "C" {

void *mgpuModuleLoad(void *data, size_t) {
  Driver &d = ready();
  CUmodule m = nullptr;
  check(d.cuModuleLoadData(&m, data), "cuModuleLoadData");
  return m;
}

void *mgpuModuleLoadJIT(void *data, int) {
  // PTX: the driver compiles it for the device.
  return mgpuModuleLoad(data, 0);
}

void mgpuModuleUnload(void *module) {
  Driver &d = driver();
  if (d.context && module)
    d.cuModuleUnload(module);
}

void *mgpuModuleGetFunction(void *module, const char *name) {
  Driver &d = ready();
  CUfunction f = nullptr;
  check(d.cuModuleGetFunction(&f, module, name), "cuModuleGetFunction");
  return f;
}

void mgpuLaunchKernel(void *function, intptr_t gridX, intptr_t gridY,
                      intptr_t gridZ, intptr_t blockX, intptr_t blockY,
                      intptr_t blockZ, int32_t smem, void *stream,
                      void **params, void **extra, size_t) {
  Driver &d = ready();
  check(d.cuLaunchKernel(function, gridX, gridY, gridZ, blockX, blockY, blockZ,
                         smem, stream, params, extra),
        "cuLaunchKernel");
}

// Each launch sequence asks for a stream and destroys it when done: every
// thread keeps one stream instead (creating one costs microseconds).
void *mgpuStreamCreate(void) {
  static thread_local CUstream stream = nullptr;
  if (!stream) {
    Driver &d = ready();
    check(d.cuStreamCreate(&stream, kStreamNonBlocking), "cuStreamCreate");
  }
  return stream;
}

void mgpuStreamDestroy(void *) {}

void mgpuStreamSynchronize(void *stream) {
  Driver &d = ready();
  check(d.cuStreamSynchronize(stream), "cuStreamSynchronize");
}

void *mgpuMemAlloc(uint64_t bytes, void *, bool hostShared) {
  Driver &d = ready();
  CUdeviceptr p = 0;
  if (hostShared)
    check(d.cuMemAllocManaged(&p, bytes, kMemAttachGlobal),
          "cuMemAllocManaged");
  else
    check(d.cuMemAlloc(&p, bytes), "cuMemAlloc");
  return reinterpret_cast<void *>(p);
}

void mgpuMemFree(void *ptr, void *) {
  Driver &d = ready();
  check(d.cuMemFree(reinterpret_cast<CUdeviceptr>(ptr)), "cuMemFree");
}

void mgpuMemcpy(void *dst, void *src, size_t bytes, void *) {
  Driver &d = ready();
  check(d.cuMemcpy(reinterpret_cast<CUdeviceptr>(dst),
                   reinterpret_cast<CUdeviceptr>(src), bytes),
        "cuMemcpy");
}

void mgpuMemset32(void *dst, unsigned value, size_t count, void *) {
  Driver &d = ready();
  check(d.cuMemsetD32(reinterpret_cast<CUdeviceptr>(dst), value, count),
        "cuMemsetD32");
}

void mgpuSetDefaultDevice(int32_t) {}

} // extern "C"
