//===- SessionStore.cpp - Variables an interactive session keeps ----------===//
//
// The store behind weft.session_get/session_set (weft repl): each variable
// is a scalar (8 bytes) or a memref descriptor; arrays are retained while
// stored. Also the Ctrl-C flag that weft.check_interrupt reads.
//
//===----------------------------------------------------------------------===//
#include "runtime/SessionStore.h"
#include "runtime/RuntimeABI.h"

#include <atomic>
#include <cstring>
#include <map>
#include <mutex>
#include <string>

namespace {

struct Slot {
  int32_t kind = 0;
  int64_t rank = -1; ///< -1: a scalar
  /// A scalar's bytes, or the descriptor: allocated and aligned pointers,
  /// offset, rank sizes, rank strides.
  std::string bytes;
};

std::mutex gMutex;
std::map<std::string, Slot> &store() {
  static auto *s = new std::map<std::string, Slot>; // outlives exit
  return *s;
}

size_t scalarBytes(int32_t kind) {
  return static_cast<size_t>(weft_dtype_bytes(kind));
}
size_t descriptorBytes(int64_t rank) {
  return 2 * sizeof(void *) + sizeof(int64_t) * (1 + 2 * rank);
}
void *allocatedPointer(const Slot &s) {
  void *p = nullptr;
  if (s.rank >= 0)
    std::memcpy(&p, s.bytes.data(), sizeof p);
  return p;
}

} // namespace

extern "C" {

void weft_rt_session_set(const char *name, int32_t kind, int64_t rank,
                         const void *value) {
  Slot s;
  s.kind = kind;
  s.rank = rank;
  size_t n = rank < 0 ? scalarBytes(kind) : descriptorBytes(rank);
  s.bytes.assign(static_cast<const char *>(value), n);
  weft_rt_array_retain(allocatedPointer(s));
  void *old = nullptr;
  {
    std::lock_guard<std::mutex> lock(gMutex);
    Slot &slot = store()[name];
    old = allocatedPointer(slot);
    slot = std::move(s);
  }
  weft_rt_array_release(old);
}

void weft_rt_session_get(const char *name, int32_t kind, int64_t rank,
                         void *out) {
  bool found = false;
  {
    std::lock_guard<std::mutex> lock(gMutex);
    auto it = store().find(name);
    if (it != store().end() && it->second.kind == kind &&
        it->second.rank == rank) {
      std::memcpy(out, it->second.bytes.data(), it->second.bytes.size());
      weft_rt_array_retain(allocatedPointer(it->second));
      found = true;
    }
  }
  // The compiler asks only for variables the store holds, with their
  // kind and rank; anything else is a bug, reported as a runtime error
  // (after the lock is released: the failure does not return here).
  if (!found) {
    static thread_local std::string msg;
    msg = std::string("internal: the session has no variable '") + name +
          "' of this type";
    weft_rt_fail(msg.c_str(), 0);
  }
}

int32_t weft_rt_interrupt_flag = 0;

void weft_rt_check_interrupt(int64_t line) {
  if (__atomic_load_n(&weft_rt_interrupt_flag, __ATOMIC_RELAXED))
    weft_rt_check_failed("KeyboardInterrupt: interrupted (Ctrl-C)", line);
}

} // extern "C"

namespace weft::session {

void clear() {
  std::map<std::string, Slot> old;
  {
    std::lock_guard<std::mutex> lock(gMutex);
    old.swap(store());
  }
  for (auto &[name, slot] : old)
    weft_rt_array_release(allocatedPointer(slot));
}

void erase(const std::string &name) {
  void *old = nullptr;
  {
    std::lock_guard<std::mutex> lock(gMutex);
    auto it = store().find(name);
    if (it == store().end())
      return;
    old = allocatedPointer(it->second);
    store().erase(it);
  }
  weft_rt_array_release(old);
}

void repairReferences() {
  // After a failed entry nothing but the store refers to its arrays (the
  // entry's locals are gone), but the references the entry had taken were
  // never dropped: each buffer's count becomes its number of slots.
  std::lock_guard<std::mutex> lock(gMutex);
  std::map<void *, int64_t> slots;
  for (auto &[name, slot] : store())
    if (void *p = allocatedPointer(slot))
      ++slots[p];
  for (auto &[p, n] : slots)
    weft::rt::setReferenceCount(p, n);
}

bool has(const std::string &name) {
  std::lock_guard<std::mutex> lock(gMutex);
  return store().count(name) != 0;
}

void requestInterrupt() {
  __atomic_store_n(&weft_rt_interrupt_flag, 1, __ATOMIC_SEQ_CST);
}
bool interruptRequested() {
  return __atomic_load_n(&weft_rt_interrupt_flag, __ATOMIC_ACQUIRE) != 0;
}
void clearInterrupt() {
  // A load first: the store (a locked exchange) only when it was set.
  if (__atomic_load_n(&weft_rt_interrupt_flag, __ATOMIC_ACQUIRE))
    __atomic_store_n(&weft_rt_interrupt_flag, 0, __ATOMIC_SEQ_CST);
}

} // namespace weft::session
