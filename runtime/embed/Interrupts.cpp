//===- Interrupts.cpp - Stopping host calls: weft::interrupt and Ctrl-C --===//
//
// Implements Interrupts.h and weft::interrupt(): a count of running calls
// (the first clears the flag) and a SIGINT handler, installed by the first
// call that catches Ctrl-C, that raises the flag while such calls run and
// chains to the handler it replaced (only that runs between calls); a
// watchdog thread keeps it installed while such calls come.
//
//===----------------------------------------------------------------------===//
#include "runtime/embed/Interrupts.h"

#include "runtime/SessionStore.h"
#include "weft/weft.hpp"

#include <pthread.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <thread>
#include <vector>

namespace weft {
namespace detail {

namespace {

std::mutex gMutex;             ///< guards installing the handler
std::atomic<int> gCatching{0}; ///< calls in flight that catch Ctrl-C
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
/// Every live thread's count. Never destroyed: threads of a host's
/// OpenMP pool end after the library's static destructors have run.
struct Registry {
  std::mutex mutex;
  std::vector<ThreadCalls *> threads;
};
Registry &registry() {
  static auto *r = new Registry;
  return *r;
}

/// Registers the thread's count; unregisters it when the thread ends.
struct ThreadCallsOwner {
  ThreadCalls calls;
  ThreadCallsOwner() {
    Registry &r = registry();
    std::lock_guard<std::mutex> lock(r.mutex);
    r.threads.push_back(&calls);
  }
  ~ThreadCallsOwner() {
    Registry &r = registry();
    std::lock_guard<std::mutex> lock(r.mutex);
    r.threads.erase(std::find(r.threads.begin(), r.threads.end(), &calls));
    tCalls = nullptr;
  }
};
} // namespace

WEFT_THREAD ThreadCalls *tCalls = nullptr;

ThreadCalls &registerThreadCalls() {
  static thread_local ThreadCallsOwner owner;
  tCalls = &owner.calls;
  return owner.calls;
}

void clearIfAlone() {
  Registry &r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  int running = 0;
  for (ThreadCalls *t : r.threads)
    running += t->running.load(std::memory_order_acquire);
  if (running == 1) // this call only
    session::clearInterrupt();
}

namespace {

/// Makes onSigint SIGINT's handler, chaining to the one it replaces;
/// false if the host ignores SIGINT (its calls then ignore Ctrl-C too) or
/// the query fails. Called with gMutex held.
bool ensureHandler() {
  struct sigaction current;
  if (sigaction(SIGINT, nullptr, &current) != 0)
    return false;
  if ((current.sa_flags & SA_SIGINFO) && current.sa_sigaction == onSigint)
    return true;
  if (!(current.sa_flags & SA_SIGINFO) && current.sa_handler == SIG_IGN)
    return false;
  struct sigaction mine = {};
  mine.sa_sigaction = onSigint;
  mine.sa_flags = SA_SIGINFO | SA_RESTART;
  sigemptyset(&mine.sa_mask);
  gPrevious = current;
  return sigaction(SIGINT, &mine, nullptr) == 0;
}

// Whether the handler is still in place takes a system call (about 1 us
// on a virtual machine: more than a short call). While calls that catch
// Ctrl-C keep coming, a watchdog thread asks every kWatchPeriod and
// installs the handler again over one the host set since; the calls
// themselves only read gWatching. After kIdleTicks periods without such
// a call the watchdog sleeps, and the next call asks itself and wakes it.
constexpr auto kWatchPeriod = std::chrono::milliseconds(25);
constexpr int kIdleTicks = 40; // one second
std::atomic<bool> gWatching{false};
std::atomic<uint64_t> gStarts{0}; ///< catching calls started, ever
bool gWatchdogStarted = false;    ///< guarded by gMutex
// Never destroyed: the watchdog may still wait on it at exit.
std::condition_variable &wakeWatchdog() {
  static auto *cv = new std::condition_variable;
  return *cv;
}

void watchdog() {
  sigset_t all;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, nullptr); // signals go to host threads
  std::unique_lock<std::mutex> lock(gMutex);
  uint64_t lastStarts = gStarts.load();
  int idle = 0;
  for (;;) {
    wakeWatchdog().wait_for(lock, kWatchPeriod);
    // Only while calls run: between calls the host's choice stands.
    if (gCatching.load() > 0)
      ensureHandler();
    uint64_t starts = gStarts.load();
    idle = gCatching.load() == 0 && starts == lastStarts ? idle + 1 : 0;
    lastStarts = starts;
    if (idle < kIdleTicks)
      continue;
    // Going to sleep: a call that started meanwhile (it counted itself
    // before reading gWatching) keeps the watchdog awake.
    gWatching.store(false);
    if (gCatching.load() > 0) {
      gWatching.store(true);
      continue;
    }
    wakeWatchdog().wait(lock, [] { return gWatching.load(); });
    idle = 0;
  }
}

/// In a child made by fork() there is no watchdog thread (and gMutex was
/// held by the forking thread, in prepare, so that no other held it).
void beforeFork() { gMutex.lock(); }
void afterForkInParent() { gMutex.unlock(); }
void afterForkInChild() {
  gWatching.store(false);
  gWatchdogStarted = false;
  gMutex.unlock();
}

} // namespace

InterruptScope::InterruptScope(bool catchSigint) {
  if (!catchSigint)
    return;
  gCatching.fetch_add(1);
  gStarts.fetch_add(1, std::memory_order_relaxed);
  catching_ = true;
  if (gWatching.load())
    return; // the watchdog keeps the handler in place
  std::lock_guard<std::mutex> lock(gMutex);
  if (!ensureHandler()) {
    gCatching.fetch_sub(1);
    catching_ = false;
    return;
  }
  if (!gWatchdogStarted) {
    static bool registered = false;
    if (!registered)
      registered =
          pthread_atfork(beforeFork, afterForkInParent, afterForkInChild) == 0;
    std::thread(watchdog).detach();
    gWatchdogStarted = true;
  }
  gWatching.store(true);
  wakeWatchdog().notify_one();
}

InterruptScope::~InterruptScope() {
  if (catching_)
    gCatching.fetch_sub(1, std::memory_order_relaxed);
}

} // namespace detail

void interrupt() { session::requestInterrupt(); }

} // namespace weft
