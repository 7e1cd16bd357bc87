//===- Interrupts.cpp - Stopping host calls: weft::interrupt and Ctrl-C --===//
//
// Implements Interrupts.h and weft::interrupt(): a count of running calls
// (the first clears the flag) and, while calls that catch Ctrl-C run, a
// SIGINT handler that raises the flag and chains to the previous one.
//
//===----------------------------------------------------------------------===//
#include "runtime/embed/Interrupts.h"

#include "runtime/SessionStore.h"
#include "weft/weft.hpp"

#include <csignal>
#include <mutex>

namespace weft {
namespace detail {

namespace {

std::mutex gMutex;
int gRunning = 0;  ///< calls in flight
int gCatching = 0; ///< of them, calls with the SIGINT handler installed
struct sigaction gPrevious;

void onSigint(int sig, siginfo_t *info, void *context) {
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

InterruptScope::InterruptScope(bool catchSigint) {
  std::lock_guard<std::mutex> lock(gMutex);
  if (gRunning++ == 0)
    session::clearInterrupt();
  if (!catchSigint)
    return;
  if (gCatching == 0) {
    struct sigaction current;
    if (sigaction(SIGINT, nullptr, &current) != 0 ||
        (!(current.sa_flags & SA_SIGINFO) && current.sa_handler == SIG_IGN))
      return; // the host ignores Ctrl-C: so do its calls
    struct sigaction ours = {};
    ours.sa_sigaction = onSigint;
    ours.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&ours.sa_mask);
    gPrevious = current;
    if (sigaction(SIGINT, &ours, nullptr) != 0)
      return;
  }
  ++gCatching;
  catching_ = true;
}

InterruptScope::~InterruptScope() {
  std::lock_guard<std::mutex> lock(gMutex);
  --gRunning;
  if (catching_ && --gCatching == 0)
    sigaction(SIGINT, &gPrevious, nullptr);
}

} // namespace detail

void interrupt() { session::requestInterrupt(); }

} // namespace weft
