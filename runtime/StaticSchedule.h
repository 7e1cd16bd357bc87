//===- StaticSchedule.h - OpenMP static loop schedules without libomp -----===//
//
// Generated OpenMP worksharing loops call __kmpc_for_static_init_{4,4u,8,8u}
// for their bounds on each thread; the JIT resolves those names to these
// functions, which compute the two static schedules Weft's loops use
// (kmp_sch_static and kmp_sch_static_chunked) from the thread's number and
// the team's size, as libomp does, without libomp's per-call work (the
// Debian build formats a debug trace string on every call, about half a
// microsecond). Other schedules go to libomp.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_RUNTIME_STATICSCHEDULE_H
#define WEFT_RUNTIME_STATICSCHEDULE_H

#include <cstdint>

extern "C" {
void weft_rt_for_static_init_4(void *loc, int32_t gtid, int32_t schedule,
                               int32_t *last, int32_t *lower, int32_t *upper,
                               int32_t *stride, int32_t incr, int32_t chunk);
void weft_rt_for_static_init_4u(void *loc, int32_t gtid, int32_t schedule,
                                int32_t *last, uint32_t *lower, uint32_t *upper,
                                int32_t *stride, int32_t incr, int32_t chunk);
void weft_rt_for_static_init_8(void *loc, int32_t gtid, int32_t schedule,
                               int32_t *last, int64_t *lower, int64_t *upper,
                               int64_t *stride, int64_t incr, int64_t chunk);
void weft_rt_for_static_init_8u(void *loc, int32_t gtid, int32_t schedule,
                                int32_t *last, uint64_t *lower, uint64_t *upper,
                                int64_t *stride, int64_t incr, int64_t chunk);
}

#endif // WEFT_RUNTIME_STATICSCHEDULE_H
