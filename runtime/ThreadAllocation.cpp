//===- ThreadAllocation.cpp - Per-thread buffer statistics and cache ------===//
//
// Implements ThreadAllocation.h. Each thread owns a slot of counters in a
// global list that only grows: the thread is the slot's only writer
// (plain relaxed loads and stores, no locked instruction), readers sum
// every slot. A thread that ends gives its slot back, values included,
// for the next new thread: the sums stay exact and the list stays as long
// as the most threads alive at once. Cached blocks are freed when their
// thread ends.
//
//===----------------------------------------------------------------------===//
#include "runtime/ThreadAllocation.h"
#include "runtime/ThreadLocal.h"

#include <atomic>
#include <cstdlib>
#include <mutex>

namespace weft {
namespace rt {
namespace alloc {
namespace {

constexpr size_t kClasses = kCachedBlockBytes / 64;
constexpr int kPerClass = 8;

/// Freed small blocks kept for the thread's next allocations, per size
/// class of 64 bytes.
struct Cache {
  void *blocks[kClasses][kPerClass];
  int count[kClasses];
};

/// A thread's statistics and block cache, owned by one thread at a time
/// (the cache lives here, not in thread-local storage, which keeps the
/// library's thread-local block small).
struct alignas(64) Slot {
  std::atomic<int64_t> liveBuffers{0}, liveBytes{0}, allocatedBytes{0};
  std::atomic<bool> inUse{false};
  Slot *next = nullptr;
  Cache cache{};
};

std::mutex gSlotsMutex;
std::atomic<Slot *> gSlots{nullptr};

WEFT_THREAD Slot *tSlot = nullptr;
WEFT_THREAD bool tCacheOpen = false;

/// Gives the thread's slot back and frees its cached blocks when the
/// thread ends.
struct ThreadExit {
  bool armed = false;
  ~ThreadExit() {
    tCacheOpen = false;
    if (tSlot) {
      Cache &cache = tSlot->cache;
      for (size_t c = 0; c < kClasses; ++c) {
        for (int i = 0; i < cache.count[c]; ++i)
          std::free(cache.blocks[c][i]);
        cache.count[c] = 0;
      }
      tSlot->inUse.store(false, std::memory_order_release);
      tSlot = nullptr;
    }
  }
};
thread_local ThreadExit tExit;

Slot *acquireSlot() {
  tExit.armed = true; // constructed on this thread's first count
  std::lock_guard<std::mutex> lock(gSlotsMutex);
  for (Slot *s = gSlots.load(); s; s = s->next) {
    bool free = false;
    if (s->inUse.compare_exchange_strong(free, true))
      return s;
  }
  Slot *s = new Slot; // never freed: reused by later threads
  s->inUse.store(true);
  s->next = gSlots.load();
  gSlots.store(s);
  return s;
}

Slot &slot() {
  if (!tSlot)
    tSlot = acquireSlot();
  return *tSlot;
}

void bump(std::atomic<int64_t> &c, int64_t d) {
  c.store(c.load(std::memory_order_relaxed) + d, std::memory_order_relaxed);
}

} // namespace

void countAlloc(int64_t bytes) {
  Slot &s = slot();
  bump(s.liveBuffers, 1);
  bump(s.liveBytes, bytes);
  bump(s.allocatedBytes, bytes);
}

void countFree(int64_t bytes) {
  Slot &s = slot();
  bump(s.liveBuffers, -1);
  bump(s.liveBytes, -bytes);
}

Totals totals() {
  Totals t;
  std::lock_guard<std::mutex> lock(gSlotsMutex);
  for (Slot *s = gSlots.load(); s; s = s->next) {
    t.liveBuffers += s->liveBuffers.load(std::memory_order_relaxed);
    t.liveBytes += s->liveBytes.load(std::memory_order_relaxed);
    t.allocatedBytes += s->allocatedBytes.load(std::memory_order_relaxed);
  }
  return t;
}

void *takeBlock(size_t total) {
  if (total > kCachedBlockBytes || !tCacheOpen)
    return nullptr;
  size_t c = total / 64 - 1;
  Cache &cache = tSlot->cache;
  return cache.count[c] > 0 ? cache.blocks[c][--cache.count[c]] : nullptr;
}

bool keepBlock(void *block, size_t total) {
  if (total > kCachedBlockBytes || total % 64 != 0)
    return false;
  if (!tCacheOpen) {
    if (!tSlot)
      tSlot = acquireSlot(); // also arms the thread-exit cleanup
    tCacheOpen = true;
  }
  size_t c = total / 64 - 1;
  Cache &cache = tSlot->cache;
  if (cache.count[c] == kPerClass)
    return false;
  cache.blocks[c][cache.count[c]++] = block;
  return true;
}

namespace {
constexpr int kLargeBlocks = 4;
struct LargeCache {
  std::mutex mutex;
  void *blocks[kLargeBlocks] = {};
  size_t sizes[kLargeBlocks] = {};
  size_t bytes = 0;
  ~LargeCache() {
    for (void *b : blocks)
      std::free(b);
  }
};
LargeCache &largeCache() {
  static LargeCache cache;
  return cache;
}
} // namespace

void *takeLargeBlock(size_t total) {
  if (total < kLargeBlockBytes)
    return nullptr;
  LargeCache &c = largeCache();
  std::lock_guard<std::mutex> lock(c.mutex);
  for (int i = 0; i < kLargeBlocks; ++i)
    if (c.blocks[i] && c.sizes[i] == total) {
      void *b = c.blocks[i];
      c.blocks[i] = nullptr;
      c.bytes -= total;
      return b;
    }
  return nullptr;
}

bool keepLargeBlock(void *block, size_t total) {
  if (total < kLargeBlockBytes || total > kLargeCacheBytes)
    return false;
  LargeCache &c = largeCache();
  std::lock_guard<std::mutex> lock(c.mutex);
  int slot = -1;
  for (int i = 0; i < kLargeBlocks && slot < 0; ++i)
    if (!c.blocks[i])
      slot = i;
  // Full, or over the budget: the oldest kept blocks make room.
  for (int i = 0;
       i < kLargeBlocks && (slot < 0 || c.bytes + total > kLargeCacheBytes);
       ++i) {
    if (!c.blocks[i])
      continue;
    std::free(c.blocks[i]);
    c.blocks[i] = nullptr;
    c.bytes -= c.sizes[i];
    if (slot < 0)
      slot = i;
  }
  c.blocks[slot] = block;
  c.sizes[slot] = total;
  c.bytes += total;
  return true;
}

} // namespace alloc
} // namespace rt
} // namespace weft
