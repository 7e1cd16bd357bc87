//===- TryStatements.cpp - The try statements running on a thread ---------===//
//
// weft_rt_try_enter/leave/caught keep each thread's list of try frames
// (TryStatements.h); weft_rt_fail and the parallel loops' error records
// jump to the innermost one.
//
//===----------------------------------------------------------------------===//
#include "runtime/TryStatements.h"

#include "runtime/RuntimeABI.h"
#include "runtime/ThreadLocal.h"

#include <cstring>

namespace weft::rt {

namespace {
WEFT_THREAD TryFrame *tTry = nullptr;
} // namespace

void jumpToTry(const char *message) {
  TryFrame *t = tTry;
  if (!t || t->regionDepth != regionDepth())
    return;
  // Ctrl-C stops the program, as Python's `except Exception:` lets
  // KeyboardInterrupt through.
  if (std::strncmp(message, "KeyboardInterrupt", 17) == 0)
    return;
  std::longjmp(t->jump, 1);
}

NoTryScope::NoTryScope() : saved_(tTry) { tTry = nullptr; }
NoTryScope::~NoTryScope() { tTry = saved_; }

} // namespace weft::rt

using weft::rt::TryFrame;

extern "C" {

void weft_rt_try_enter(void *frame) {
  auto *f = static_cast<TryFrame *>(frame);
  f->prev = weft::rt::tTry;
  f->regionDepth = weft::rt::regionDepth();
  weft::rt::tTry = f;
}

void weft_rt_try_leave(void *frame) {
  weft::rt::tTry = static_cast<TryFrame *>(frame)->prev;
}

void weft_rt_try_caught(void *frame) { weft_rt_try_leave(frame); }

} // extern "C"
