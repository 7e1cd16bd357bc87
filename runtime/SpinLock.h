//===- SpinLock.h - A one-byte lock for rarely contended sections ---------===//
//
// The locks made for every protected call (its error record and arena)
// are taken only when an error is recorded or a buffer is linked, almost
// never by two threads at once: a std::mutex (40 bytes to clear per call,
// a library call per lock) costs more than what it guards. Usable with
// std::lock_guard.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_RUNTIME_SPINLOCK_H
#define WEFT_RUNTIME_SPINLOCK_H

#include <atomic>
#include <thread>

namespace weft::rt {

class SpinLock {
public:
  void lock() {
    while (locked_.exchange(true, std::memory_order_acquire))
      while (locked_.load(std::memory_order_relaxed))
        std::this_thread::yield();
  }
  void unlock() { locked_.store(false, std::memory_order_release); }

private:
  std::atomic<bool> locked_{false};
};

} // namespace weft::rt

#endif // WEFT_RUNTIME_SPINLOCK_H
