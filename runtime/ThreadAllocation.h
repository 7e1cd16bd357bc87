//===- ThreadAllocation.h - Per-thread buffer counts, cache -*- C++ -*-===//
//
// The allocator's fast path has no global atomic and no lock: each thread
// counts the buffers it allocates and frees in its own counters (summed
// when read), and keeps a few freed small blocks per size for its next
// allocations (glibc's aligned allocation has no per-thread cache).
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_RUNTIME_THREADALLOCATION_H
#define WEFT_RUNTIME_THREADALLOCATION_H

#include <cstddef>
#include <cstdint>

namespace weft {
namespace rt {
namespace alloc {

/// A buffer of `bytes` was allocated (freed) on this thread.
void countAlloc(int64_t bytes);
void countFree(int64_t bytes);

/// Sums over every thread that ever counted (a buffer freed on another
/// thread than the one that allocated it counts there: only the sums are
/// meaningful).
struct Totals {
  int64_t liveBuffers = 0, liveBytes = 0, allocatedBytes = 0;
};
Totals totals();

/// Blocks of at most this many bytes (a multiple of 64) are cached.
constexpr size_t kCachedBlockBytes = 2048;
/// A cached block of exactly `total` bytes (64-byte aligned), or null.
void *takeBlock(size_t total);
/// Keeps a block of `total` bytes for this thread's next allocation of
/// that size; false if the cache is full (the caller frees it).
bool keepBlock(void *block, size_t total);

/// Large blocks (2 MiB aligned, at least kLargeBlockBytes) freed by any
/// thread are kept, a few and at most kLargeCacheBytes in all, for the
/// next allocation of the same size: a function that returns a new large
/// array on every call reuses the pages its last result used instead of
/// taking fresh ones from the kernel (each a page fault and a page of
/// zeroing), as glibc's heap does for NumPy.
constexpr size_t kLargeBlockBytes = size_t(4) << 20;
constexpr size_t kLargeCacheBytes = size_t(256) << 20;
/// A kept large block of exactly `total` bytes, or null.
void *takeLargeBlock(size_t total);
/// Keeps a large block; false if it does not fit (the caller frees it).
bool keepLargeBlock(void *block, size_t total);

} // namespace alloc
} // namespace rt
} // namespace weft

#endif // WEFT_RUNTIME_THREADALLOCATION_H
