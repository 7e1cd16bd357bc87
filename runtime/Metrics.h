//===- Metrics.h - Compile and run metrics ---------------------*- C++ -*-===//
//
// What the JIT measures about itself (like a profiler built in): the time
// of every compile stage, object size, and for each entry call (a call
// from the script's top level to one of its functions) the call count,
// wall and CPU time, threads, parallel regions and array memory. The
// generated code reports entry calls and parallel regions only when it was
// compiled with metrics on (weft run --metrics), so metrics cost nothing
// when off. The data is printed as a table or as JSON (schema in
// docs/metrics.md).
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_RUNTIME_METRICS_H
#define WEFT_RUNTIME_METRICS_H

#include "compiler/Driver/CompileMetrics.h"

#include <cstdint>
#include <string>
#include <vector>

namespace weft::metrics {

/// The wall times of an entry's calls in constant memory: exact count,
/// total, minimum and maximum, and a uniform sample of at most kSample
/// calls (reservoir sampling) for the median, which is exact up to
/// kSample calls. Millions of calls cost no more than a thousand.
struct CallTimes {
  static constexpr size_t kSample = 1024;
  int64_t count = 0;
  double total = 0, min = 0, max = 0;
  std::vector<double> sample;
  uint64_t state = 0x9E3779B97F4A7C15ull; ///< the sampling's random state
  void add(double seconds);
  double median() const;
};

struct EntryCall {
  std::string name;
  int64_t calls = 0;
  CallTimes wall;              ///< wall time per call
  double cpuSeconds = 0;       ///< process CPU time, all calls
  int threads = 0;             ///< threads available to the calls
  int64_t parallelRegions = 0; ///< parallel loops entered, all calls
  int64_t bytesAllocated = 0;  ///< array bytes allocated, all calls
  int64_t peakLiveBytes = 0;   ///< most array bytes live during a call
};

struct RunMetrics {
  double wallSeconds = 0; ///< the whole program (all top-level code)
  double cpuSeconds = 0;
  int threads = 0;
  int64_t parallelRegions = 0;
  int64_t bytesAllocated = 0;
  int64_t peakLiveBytes = 0;
  int64_t peakRssBytes = 0; ///< the process's peak resident set
  std::vector<EntryCall> entries;
};

struct Metrics {
  std::string file;
  CompileMetrics compile;
  RunMetrics run;
};

/// The process's CPU time (all threads) in seconds.
double cpuNow();
/// Peak resident set size of this process, in bytes.
int64_t peakRssBytes();

/// Run-metrics collection (the weft_rt_metrics_* calls of instrumented
/// code land here). `begin` resets the counters and starts the program
/// clock; `end` returns everything gathered since.
void beginRun();
RunMetrics endRun();

/// The compact table `weft run --metrics` prints to stderr.
std::string formatTable(const Metrics &m);
// The same data as JSON: MetricsJSON.h.
/// Threads a parallel loop started now would use.
int currentThreads();
/// Parallel regions entered so far by code compiled with metrics on.
int64_t parallelRegionsEntered();

} // namespace weft::metrics

extern "C" {
// Called by code compiled with metrics on.
void weft_rt_metrics_enter(const char *name);
void weft_rt_metrics_exit(const char *name);
void weft_rt_metrics_parallel_region(void);
/// bench_work(bytes=..., flops=...) in a script.
void weft_rt_bench_work(double bytes, double flops);
}

namespace weft::metrics {
/// The work the last run declared with bench_work (zeros if none).
void declaredWork(double &bytes, double &flops);
void clearDeclaredWork();
} // namespace weft::metrics

#endif // WEFT_RUNTIME_METRICS_H
