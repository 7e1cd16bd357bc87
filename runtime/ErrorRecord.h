//===- ErrorRecord.h - Runtime errors raised inside parallel loops -*- C++
//-*-===//
//
// A runtime error cannot leave a parallel loop when it happens: longjmp out
// of an OpenMP region (or exit() on a worker) breaks the host. Inside a
// region the error is recorded, the iteration goes on with safe values,
// and the thread that started the loop raises the first error when the
// loop has ended (weft_rt_raise_recorded).
//
// Each host thread owns one record; every parallel region started by a
// call on that thread, on any thread of its team, records into it, and
// the end of the loop takes the error out (a protected call clears what
// an aborted one left). Regions learn their record through
// weft_rt_fork_call, which the JIT links in place of libomp's
// __kmpc_fork_call (ParallelRegions.cpp). So concurrent calls from
// several host threads never see each other's errors.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_RUNTIME_ERRORRECORD_H
#define WEFT_RUNTIME_ERRORRECORD_H

#include "runtime/SpinLock.h"
#include "runtime/ThreadLocal.h"

#include <cstdint>
#include <mutex>
#include <string>

extern "C" {
/// Starts an OpenMP parallel region as __kmpc_fork_call does, with the
/// calling thread's error record visible to every thread of the region.
void weft_rt_fork_call(void *loc, int32_t argc, void *microtask, ...);
}

namespace weft::rt {

struct ErrorRecord {
  SpinLock mutex;
  bool set = false;
  std::string message;
  int64_t line = 0;
};

/// The record of the parallel region this thread is running, or null
/// outside parallel regions.
ErrorRecord *regionRecord();
/// What a host thread keeps for its calls' errors: the record of its
/// parallel loops and the message of its last failed protected call.
/// Made at first use; freed when the thread ends, after its C++
/// thread_local destructors (a pthread key's destructor), so a call made
/// from one of those still finds it (the main thread's is never freed).
struct ThreadErrors {
  ErrorRecord record;
  std::string text;
};
ThreadErrors &threadErrors();
/// This thread's record (made at first use).
inline ErrorRecord &callRecord() { return threadErrors().record; }
/// Threads for the parallel regions of the calls on this thread (an
/// embedding engine's Options::threads); 0: OpenMP's setting.
extern WEFT_THREAD int tCallThreads;

/// Sets the thread count of this thread's calls for its lifetime.
class CallThreads {
public:
  explicit CallThreads(int n) : saved_(tCallThreads) { tCallThreads = n; }
  ~CallThreads() { tCallThreads = saved_; }
  CallThreads(const CallThreads &) = delete;
  CallThreads &operator=(const CallThreads &) = delete;

private:
  int saved_;
};

/// This thread's record, once threadErrors() has made it (null again
/// when the thread's ThreadErrors is freed).
extern WEFT_THREAD ErrorRecord *tCallRecord;
/// Inside a parallel region: records the error (the first one is kept)
/// and returns true. Outside: returns false and does nothing.
bool recordInParallelRegion(const char *message, int64_t line);
/// Takes the error out of `r`, if any.
bool takeRecorded(ErrorRecord &r, std::string &message, int64_t &line);

} // namespace weft::rt

#endif // WEFT_RUNTIME_ERRORRECORD_H
