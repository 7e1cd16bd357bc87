//===- Interrupts.cpp - Stopping host calls: weft::interrupt and Ctrl-C --===//
//
// Implements Interrupts.h and weft::interrupt(): a count of running calls
// (the first clears the flag) and a SIGINT handler, installed by the first
// call that catches Ctrl-C, that raises the flag while such calls run and
// chains to the handler it replaced (only that runs between calls).
//
//===----------------------------------------------------------------------===//
#include "runtime/embed/Interrupts.h"

#include "runtime/SessionStore.h"
#include "weft/weft.hpp"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <mutex>
#include <vector>

namespace weft {
namespace detail {

namespace {

std::mutex gMutex;             ///< guards installing the handler
std::atomic<int> gCatching{0}; ///< calls in flight that catch Ctrl-C
bool gInstalled = false;       ///< onSigint is SIGINT's handler
struct sigaction gPrevious;    ///< the handler it replaced

/// The handler onSigint replaced, as if onSigint were not there (only
/// async-signal-safe calls: sigaction, raise).
void chain(int sig, siginfo_t *info, void *context) {
  if (gPrevious.sa_flags & SA_SIGINFO) {
    if (gPrevious.sa_sigaction)
      gPrevious.sa_sigaction(sig, info, context);
  } else if (gPrevious.sa_handler == SIG_DFL) {
    // The default action (termination): restore it and deliver again.
    sigaction(SIGINT, &gPrevious, nullptr);
    raise(SIGINT);
  } else if (gPrevious.sa_handler != SIG_IGN) {
    gPrevious.sa_handler(sig);
  }
}

void onSigint(int sig, siginfo_t *info, void *context) {
  if (gCatching.load(std::memory_order_relaxed) == 0) {
    chain(sig, info, context); // no call is catching Ctrl-C
    return;
  }
  session::requestInterrupt(); // a lock-free atomic store
  if (gPrevious.sa_flags & SA_SIGINFO) {
    if (gPrevious.sa_sigaction)
      gPrevious.sa_sigaction(sig, info, context);
  } else if (gPrevious.sa_handler != SIG_DFL &&
             gPrevious.sa_handler != SIG_IGN) {
    gPrevious.sa_handler(sig);
  }
}

} // namespace

namespace {
std::mutex gThreadsMutex;
std::vector<ThreadCalls *> gThreads; ///< every live thread's count

/// Registers the thread's count; unregisters it when the thread ends.
struct ThreadCallsOwner {
  ThreadCalls calls;
  ThreadCallsOwner() {
    std::lock_guard<std::mutex> lock(gThreadsMutex);
    gThreads.push_back(&calls);
  }
  ~ThreadCallsOwner() {
    std::lock_guard<std::mutex> lock(gThreadsMutex);
    gThreads.erase(std::find(gThreads.begin(), gThreads.end(), &calls));
    tCalls = nullptr;
  }
};
} // namespace

WEFT_TLS_FAST thread_local ThreadCalls *tCalls = nullptr;

ThreadCalls &registerThreadCalls() {
  static thread_local ThreadCallsOwner owner;
  tCalls = &owner.calls;
  return owner.calls;
}

void clearIfAlone() {
  std::lock_guard<std::mutex> lock(gThreadsMutex);
  int running = 0;
  for (ThreadCalls *t : gThreads)
    running += t->running.load(std::memory_order_acquire);
  if (running == 1) // this call only
    session::clearInterrupt();
}

InterruptScope::InterruptScope(bool catchSigint) {
  if (!catchSigint)
    return;
  std::lock_guard<std::mutex> lock(gMutex);
  // Installed by the first call that catches Ctrl-C and kept between
  // calls (one query per call, no install), passing the signal on to the
  // handler it replaced; installed again over a handler the host set
  // since, which it then passes the signal on to.
  struct sigaction current;
  if (sigaction(SIGINT, nullptr, &current) != 0)
    return;
  bool ours =
      (current.sa_flags & SA_SIGINFO) && current.sa_sigaction == onSigint;
  if (!ours) {
    if (!(current.sa_flags & SA_SIGINFO) && current.sa_handler == SIG_IGN)
      return; // the host ignores Ctrl-C: so do its calls
    struct sigaction mine = {};
    mine.sa_sigaction = onSigint;
    mine.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&mine.sa_mask);
    gPrevious = current;
    if (sigaction(SIGINT, &mine, nullptr) != 0)
      return;
  }
  gCatching.fetch_add(1, std::memory_order_relaxed);
  catching_ = true;
}

InterruptScope::~InterruptScope() {
  if (catching_)
    gCatching.fetch_sub(1, std::memory_order_relaxed);
}

} // namespace detail

void interrupt() { session::requestInterrupt(); }

} // namespace weft
