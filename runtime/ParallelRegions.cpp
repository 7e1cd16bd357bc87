//===- ParallelRegions.cpp - Per-call error records for parallel regions --===//
//
// See ErrorRecord.h. Generated code starts every OpenMP region with
// __kmpc_fork_call(loc, argc, body, shared...); the JIT resolves that name
// to weft_rt_fork_call, which forwards to libomp with one shared argument,
// a context naming the real body, its arguments and the error record. The
// body then runs on each thread of the team with the record in a
// thread-local slot.
//
//===----------------------------------------------------------------------===//
#include "runtime/ErrorRecord.h"
#include "runtime/ThreadLocal.h"
#include "runtime/TryStatements.h"

#include <array>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <pthread.h>
#include <utility>

extern "C" void __kmpc_fork_call(void *loc, int32_t argc, void *microtask,
                                 ...); // libomp
extern "C" int32_t __kmpc_global_thread_num(void *loc);
extern "C" void __kmpc_push_num_threads(void *loc, int32_t gtid,
                                        int32_t threads);

namespace weft::rt {

namespace {
WEFT_THREAD ErrorRecord *tRegionRecord = nullptr;
/// How many parallel region bodies this thread is running, one in another.
WEFT_THREAD int64_t tRegionDepth = 0;

/// The outlined body of a region: (global thread id, bound id, shared...).
using Microtask = void (*)(int32_t *, int32_t *, ...);
/// Regions made by MLIR's OpenMP translation pass one shared argument (a
/// struct of pointers); a few more are allowed.
constexpr size_t kMaxShared = 16;

struct RegionContext {
  ErrorRecord *record;
  Microtask body;
  int32_t argc;
  void *shared[kMaxShared];
};

template <size_t... I>
void invoke(Microtask body, int32_t *gtid, int32_t *btid, void **shared,
            std::index_sequence<I...>) {
  body(gtid, btid, shared[I]...);
}
template <size_t N>
void invokeN(Microtask body, int32_t *gtid, int32_t *btid, void **shared) {
  invoke(body, gtid, btid, shared, std::make_index_sequence<N>{});
}
using Invoker = void (*)(Microtask, int32_t *, int32_t *, void **);
template <size_t... N>
constexpr std::array<Invoker, sizeof...(N)>
makeInvokers(std::index_sequence<N...>) {
  return {{&invokeN<N>...}};
}
constexpr std::array<Invoker, kMaxShared + 1> kInvokers =
    makeInvokers(std::make_index_sequence<kMaxShared + 1>{});

/// What libomp runs on each thread of the team.
void runRegionBody(int32_t *gtid, int32_t *btid, RegionContext *ctx) {
  ErrorRecord *saved = tRegionRecord;
  tRegionRecord = ctx->record;
  ++tRegionDepth;
  kInvokers[static_cast<size_t>(ctx->argc)](ctx->body, gtid, btid, ctx->shared);
  --tRegionDepth;
  tRegionRecord = saved;
}
} // namespace

WEFT_THREAD int tCallThreads = 0;

ErrorRecord *regionRecord() { return tRegionRecord; }

namespace {
/// The key whose destructor frees a thread's ThreadErrors: pthread key
/// destructors run after the thread's C++ thread_local destructors.
pthread_key_t errorsKey() {
  static pthread_key_t key = [] {
    pthread_key_t k;
    pthread_key_create(&k, [](void *p) {
      tCallRecord = nullptr;
      delete static_cast<ThreadErrors *>(p);
    });
    return k;
  }();
  return key;
}
} // namespace

ThreadErrors &threadErrors() {
  if (tCallRecord)
    return *static_cast<ThreadErrors *>(pthread_getspecific(errorsKey()));
  auto *e = new ThreadErrors;
  pthread_setspecific(errorsKey(), e);
  tCallRecord = &e->record;
  return *e;
}

int64_t regionDepth() { return tRegionDepth; }

bool recordInParallelRegion(const char *message, int64_t line) {
  ErrorRecord *r = tRegionRecord;
  if (!r)
    return false;
  // A try of this iteration catches it (weft_rt_fail would abort here).
  jumpToTry(message);
  std::lock_guard<SpinLock> lock(r->mutex);
  if (!r->set) {
    r->set = true;
    r->message = message;
    r->line = line;
  }
  return true;
}

bool takeRecorded(ErrorRecord &r, std::string &message, int64_t &line) {
  std::lock_guard<SpinLock> lock(r.mutex);
  if (!r.set)
    return false;
  r.set = false;
  message = std::move(r.message);
  line = r.line;
  return true;
}

} // namespace weft::rt

extern "C" void weft_rt_fork_call(void *loc, int32_t argc, void *microtask,
                                  ...) {
  using namespace weft::rt;
  if (argc < 0 || static_cast<size_t>(argc) > kMaxShared) {
    std::fprintf(stderr,
                 "weft: internal error: a parallel region with %d "
                 "shared arguments\n",
                 static_cast<int>(argc));
    std::abort();
  }
  RegionContext ctx;
  // A region nested in another records where the outer one does.
  ctx.record = tRegionRecord ? tRegionRecord : &callRecord();
  ctx.body = reinterpret_cast<Microtask>(microtask);
  ctx.argc = argc;
  va_list ap;
  va_start(ap, microtask);
  for (int32_t i = 0; i < argc; ++i)
    ctx.shared[i] = va_arg(ap, void *);
  va_end(ap);
  // An engine's thread count applies to its calls' outermost regions, as
  // a num_threads clause would, without changing the host thread's
  // OpenMP setting.
  if (tCallThreads > 0 && !tRegionRecord)
    __kmpc_push_num_threads(loc, __kmpc_global_thread_num(loc), tCallThreads);
  __kmpc_fork_call(loc, 1, reinterpret_cast<void *>(&runRegionBody), &ctx);
}
