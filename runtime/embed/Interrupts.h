//===- Interrupts.h - Stopping host calls: weft::interrupt and Ctrl-C -*-===//
//
// Code a host calls checks an interrupt flag at the top of its loops (the
// same check `weft repl` uses). weft::interrupt() raises the flag; with
// Options::catchInterrupts, a SIGINT handler raises it while a call runs
// (and then calls the handler it replaced). The flag is cleared when a
// call starts with no other call running.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_RUNTIME_EMBED_INTERRUPTS_H
#define WEFT_RUNTIME_EMBED_INTERRUPTS_H

#include "runtime/RuntimeABI.h"
#include "runtime/ThreadLocal.h"

#include <atomic>

namespace weft {
namespace detail {

/// Calls in flight, counted per thread so that a call changes only its
/// own thread's count (a plain store, no locked instruction); the counts
/// are summed only when the interrupt flag is set at the start of a call.
struct ThreadCalls {
  std::atomic<int> running{0};
};
extern WEFT_THREAD ThreadCalls *tCalls;
/// The thread's count, registered on its first call.
ThreadCalls &registerThreadCalls();
/// Clears a pending interrupt if no other call runs.
void clearIfAlone();

/// Counts a call in flight on this thread, for as long as it lives.
class CallCount {
public:
  CallCount() : calls_(tCalls ? *tCalls : registerThreadCalls()) {
    // A call that started before an interrupt was counted long before
    // it; one starting now may or may not be seen, and either is right.
    calls_.running.store(calls_.running.load(std::memory_order_relaxed) + 1,
                         std::memory_order_release);
    if (__atomic_load_n(&weft_rt_interrupt_flag, __ATOMIC_ACQUIRE))
      clearIfAlone();
  }
  ~CallCount() {
    calls_.running.store(calls_.running.load(std::memory_order_relaxed) - 1,
                         std::memory_order_release);
  }
  CallCount(const CallCount &) = delete;
  CallCount &operator=(const CallCount &) = delete;

private:
  ThreadCalls &calls_;
};

/// Held around each call: its CallCount and, with Options::catchInterrupts,
/// the SIGINT handler.
class InterruptScope {
public:
  explicit InterruptScope(bool catchSigint);
  ~InterruptScope();
  InterruptScope(const InterruptScope &) = delete;
  InterruptScope &operator=(const InterruptScope &) = delete;

private:
  CallCount count_;
  bool catching_ = false;
};

} // namespace detail
} // namespace weft

#endif // WEFT_RUNTIME_EMBED_INTERRUPTS_H
