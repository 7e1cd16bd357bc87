//===- StaticSchedule.cpp - OpenMP static loop schedules without libomp ---===//
//
// See StaticSchedule.h. The arguments are those of libomp's
// __kmpc_for_static_init_*: on entry [*lower, *upper] is the whole
// iteration space (inclusive, step `incr`); on return it is this thread's
// part (its first chunk for a chunked schedule), *stride the distance from
// one of its chunks to the next, and *last whether it runs the last
// iteration.
//
//===----------------------------------------------------------------------===//
#include "runtime/StaticSchedule.h"

#include <type_traits>

extern "C" {
int omp_get_thread_num(void);
int omp_get_num_threads(void);
}

namespace {

// libomp's enum sched_type, and the modifier bits a schedule may carry.
constexpr int32_t kStaticChunked = 33;
constexpr int32_t kStatic = 34;
constexpr int32_t kModifiers = (1 << 29) | (1 << 30);

/// Computes this thread's part of [*lower, *upper]; false for a schedule
/// it does not know (libomp's then).
template <typename T, typename S>
bool staticInit(int32_t schedule, int32_t *last, T *lower, T *upper, S *stride,
                S incr, S chunk) {
  using U = std::make_unsigned_t<T>;
  schedule &= ~kModifiers;
  if ((schedule != kStatic && schedule != kStaticChunked) || incr == 0)
    return false;
  bool empty = incr > 0 ? *upper < *lower : *lower < *upper;
  if (empty) {
    if (last)
      *last = 0;
    *stride = incr;
    return true;
  }
  U trips = incr > 0 ? U(*upper - *lower) / U(incr) + 1
                     : U(*lower - *upper) / U(-incr) + 1;
  U threads = U(omp_get_num_threads());
  U tid = U(omp_get_thread_num());
  if (threads <= 1) { // a serialized region or a team of one: everything
    if (last)
      *last = 1;
    *stride = incr > 0 ? S(*upper - *lower + 1) : S(-(*lower - *upper + 1));
    return true;
  }
  T nothing = T(*upper + (incr > 0 ? 1 : -1)); // past the end: no iteration
  if (schedule == kStatic) {
    if (trips < threads) { // one iteration each for the first `trips`
      if (tid < trips)
        *upper = *lower = T(*lower + T(tid) * T(incr));
      else
        *lower = nothing;
      if (last)
        *last = tid == trips - 1;
    } else { // balanced blocks, the first `extra` one longer
      U base = trips / threads, extra = trips % threads;
      U first = tid * base + (tid < extra ? tid : extra);
      U count = base + (tid < extra ? 1 : 0);
      *lower = T(*lower + T(first) * T(incr));
      *upper = T(*lower + T(count - 1) * T(incr));
      if (last)
        *last = tid == threads - 1;
    }
    *stride = S(trips);
    return true;
  }
  // Chunks of `chunk` iterations dealt in turn.
  U size = chunk < 1 ? 1 : U(chunk) > trips ? trips : U(chunk);
  U chunks = trips / size + (trips % size ? 1 : 0);
  S span = S(size) * incr;
  if (tid < chunks) {
    *lower = T(*lower + T(tid) * T(span));
    *upper = T(*lower + T(span) - T(incr));
  } else {
    *lower = nothing;
  }
  *stride = span * S(chunks < threads ? chunks : threads);
  if (last)
    *last = tid == (chunks - 1) % threads;
  return true;
}

} // namespace

// Each width and signedness: libomp's entry (for the schedules staticInit
// does not compute) and Weft's, which the JIT links in its place.
#define WEFT_STATIC_INIT(SUFFIX, T, S)                                         \
  extern "C" void __kmpc_for_static_init_##SUFFIX(                             \
      void *, int32_t, int32_t, int32_t *, T *, T *, S *, S, S);               \
  extern "C" void weft_rt_for_static_init_##SUFFIX(                            \
      void *loc, int32_t gtid, int32_t schedule, int32_t *last, T *lower,      \
      T *upper, S *stride, S incr, S chunk) {                                  \
    if (!staticInit(schedule, last, lower, upper, stride, incr, chunk))        \
      __kmpc_for_static_init_##SUFFIX(loc, gtid, schedule, last, lower, upper, \
                                      stride, incr, chunk);                    \
  }

WEFT_STATIC_INIT(4, int32_t, int32_t)
WEFT_STATIC_INIT(4u, uint32_t, int32_t)
WEFT_STATIC_INIT(8, int64_t, int64_t)
WEFT_STATIC_INIT(8u, uint64_t, int64_t)
