//===- CudaRuntime.h - The GPU runtime on the CUDA driver API --*- C++ -*-===//
//
// What code compiled for --target=gpu calls: the mgpu* functions MLIR's
// gpu-to-llvm lowering emits (module load, kernel launch, streams, device
// memory), implemented on the CUDA driver API. The driver is opened with
// dlopen("libcuda.so.1") at first use, so Weft neither links against CUDA
// nor needs its headers, and a machine without a GPU runs everything else.
// With a GPU in use, array buffers are CUDA managed memory (host and
// device share them; no copies are made by Weft itself).
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_RUNTIME_CUDARUNTIME_H
#define WEFT_RUNTIME_CUDARUNTIME_H

#include <cstddef>
#include <cstdint>
#include <string>

namespace weft::gpu {

/// True if the CUDA driver loads and initialises and has a device; else
/// false with `why` ("libcuda.so.1 was not found", "no CUDA device").
/// `arch` receives device 0's architecture ("sm_90").
bool available(std::string &why, std::string *arch = nullptr);

/// True if `ptr` is in CUDA managed memory (which the device reads and
/// writes in place); false for host memory or without a device.
bool deviceReadable(const void *ptr);

/// Allocate array buffers in managed memory from now on (weft run
/// --target=gpu, once the device is known to work).
void setManagedMemory(bool on);
bool managedMemory();
void *allocManaged(size_t bytes);
/// `bytes`: the size it was allocated with. Small blocks are kept for the
/// next allocation of the same size (a reduction's per-block values, an
/// error word): the driver's allocation and free cost tens of
/// microseconds each and free synchronizes the device.
void freeManaged(void *ptr, size_t bytes);

} // namespace weft::gpu

extern "C" {
// The functions gpu-to-llvm calls (MLIR's CUDA runtime wrapper API).
void *mgpuModuleLoad(void *data, size_t size);
void *mgpuModuleLoadJIT(void *data, int optLevel);
void mgpuModuleUnload(void *module);
void *mgpuModuleGetFunction(void *module, const char *name);
void mgpuLaunchKernel(void *function, intptr_t gridX, intptr_t gridY,
                      intptr_t gridZ, intptr_t blockX, intptr_t blockY,
                      intptr_t blockZ, int32_t smem, void *stream,
                      void **params, void **extra, size_t paramsCount);
void *mgpuStreamCreate(void);
void mgpuStreamDestroy(void *stream);
void mgpuStreamSynchronize(void *stream);
void *mgpuMemAlloc(uint64_t bytes, void *stream, bool hostShared);
void mgpuMemFree(void *ptr, void *stream);
void mgpuMemcpy(void *dst, void *src, size_t bytes, void *stream);
void mgpuMemset32(void *dst, unsigned value, size_t count, void *stream);
void mgpuSetDefaultDevice(int32_t device);
}

#endif // WEFT_RUNTIME_CUDARUNTIME_H
