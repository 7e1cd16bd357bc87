//===- Metrics.cpp - Compile and run metrics ------------------------------===//
//
// Collects run metrics from instrumented code and formats compile and run
// metrics as a table or JSON.
//
//===----------------------------------------------------------------------===//
#include "runtime/Metrics.h"
#include "runtime/ErrorRecord.h"

#include "runtime/RuntimeABI.h"
#include "runtime/Scaling.h"

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>

extern "C" int omp_get_max_threads(void); // libomp

namespace weft::metrics {

void CallTimes::add(double seconds) {
  min = count ? std::min(min, seconds) : seconds;
  max = count ? std::max(max, seconds) : seconds;
  total += seconds;
  ++count;
  if (sample.size() < kSample) {
    sample.push_back(seconds);
    return;
  }
  // Algorithm R: call number `count` replaces a sampled one with
  // probability kSample / count (xorshift64 for the draw).
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  uint64_t j = state % static_cast<uint64_t>(count);
  if (j < kSample)
    sample[j] = seconds;
}

double CallTimes::median() const { return scaling::median(sample); }

double cpuNow() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

int64_t peakRssBytes() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<int64_t>(u.ru_maxrss) * 1024; // ru_maxrss is in KiB
}

namespace {

/// The call in progress (entry calls do not nest: only the top level's
/// calls are instrumented) and everything gathered since beginRun.
struct Collector {
  double runWall = 0, runCpu = 0;
  int64_t runBytes = 0;
  std::atomic<int64_t> parallelRegions{0};
  std::vector<EntryCall> entries;
  std::map<std::string, size_t> index;
  // The open call.
  const char *open = nullptr;
  double wall0 = 0, cpu0 = 0;
  int64_t bytes0 = 0, regions0 = 0;
  /// The peak of live array bytes over the run; the runtime's own peak
  /// restarts at each entry call (for the call's peak).
  int64_t runPeak = 0;
};

Collector &collector() {
  static Collector c;
  return c;
}

} // namespace

int currentThreads() {
  return rt::tCallThreads > 0 ? rt::tCallThreads : omp_get_max_threads();
}

int64_t parallelRegionsEntered() { return collector().parallelRegions.load(); }

void beginRun() {
  Collector &c = collector();
  c.entries.clear();
  c.index.clear();
  c.open = nullptr;
  c.parallelRegions = 0;
  c.runPeak = 0;
  c.runBytes = rt::totalAllocatedBytes();
  rt::trackPeakLiveBytes(true);
  c.runWall = wallNow();
  c.runCpu = cpuNow();
}

RunMetrics endRun() {
  Collector &c = collector();
  RunMetrics r;
  r.wallSeconds = wallNow() - c.runWall;
  r.cpuSeconds = cpuNow() - c.runCpu;
  r.threads = omp_get_max_threads();
  r.parallelRegions = c.parallelRegions.load();
  r.bytesAllocated = rt::totalAllocatedBytes() - c.runBytes;
  r.peakLiveBytes = std::max(c.runPeak, rt::peakLiveBytes());
  r.peakRssBytes = peakRssBytes();
  r.entries = c.entries;
  rt::trackPeakLiveBytes(false);
  return r;
}

} // namespace weft::metrics

using namespace weft::metrics;

void weft_rt_metrics_enter(const char *name) {
  Collector &c = collector();
  c.open = name;
  c.runPeak = std::max(c.runPeak, weft::rt::peakLiveBytes());
  weft::rt::trackPeakLiveBytes(true); // restarts from the live bytes
  c.bytes0 = weft::rt::totalAllocatedBytes();
  c.regions0 = c.parallelRegions.load();
  c.cpu0 = cpuNow();
  c.wall0 = wallNow();
}

void weft_rt_metrics_exit(const char *name) {
  double wall = wallNow();
  double cpu = cpuNow();
  Collector &c = collector();
  if (!c.open)
    return;
  c.open = nullptr;
  auto [it, fresh] = c.index.emplace(name, c.entries.size());
  if (fresh) {
    c.entries.emplace_back();
    c.entries.back().name = name;
  }
  EntryCall &e = c.entries[it->second];
  e.calls += 1;
  e.wall.add(wall - c.wall0);
  e.cpuSeconds += cpu - c.cpu0;
  e.threads = std::max(e.threads, omp_get_max_threads());
  e.parallelRegions += c.parallelRegions.load() - c.regions0;
  e.bytesAllocated += weft::rt::totalAllocatedBytes() - c.bytes0;
  int64_t peak = weft::rt::peakLiveBytes();
  e.peakLiveBytes = std::max(e.peakLiveBytes, peak);
  c.runPeak = std::max(c.runPeak, peak);
}

namespace {
double gWorkBytes = 0, gWorkFlops = 0;
} // namespace

void weft_rt_bench_work(double bytes, double flops) {
  gWorkBytes = bytes;
  gWorkFlops = flops;
}

void weft::metrics::declaredWork(double &bytes, double &flops) {
  bytes = gWorkBytes;
  flops = gWorkFlops;
}

void weft::metrics::clearDeclaredWork() { gWorkBytes = gWorkFlops = 0; }

void weft_rt_metrics_parallel_region(void) {
  collector().parallelRegions.fetch_add(1, std::memory_order_relaxed);
}

namespace weft::metrics {

namespace {

std::string fmt(const char *format, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

std::string seconds(double s) {
  if (s >= 1)
    return fmt("%.3f s", s);
  if (s >= 1e-3)
    return fmt("%.3f ms", s * 1e3);
  return fmt("%.1f us", s * 1e6);
}

std::string bytes(int64_t b) {
  double v = static_cast<double>(b);
  if (v >= 1 << 30)
    return fmt("%.2f GiB", v / (1 << 30));
  if (v >= 1 << 20)
    return fmt("%.2f MiB", v / (1 << 20));
  if (v >= 1 << 10)
    return fmt("%.1f KiB", v / (1 << 10));
  return std::to_string(b) + " B";
}

} // namespace

std::string formatTable(const Metrics &m) {
  std::string out = "== weft metrics: " + m.file + " ==\n";
  out += "compile " + seconds(m.compile.totalSeconds) + " (object code " +
         bytes(m.compile.objectBytes) + "):";
  for (const StageTime &s : m.compile.stages)
    out += " " + s.stage + " " + seconds(s.seconds) + ",";
  out.back() = '\n';
  const RunMetrics &r = m.run;
  out += "run " + seconds(r.wallSeconds) + " wall, " + seconds(r.cpuSeconds) +
         " CPU, " + std::to_string(r.threads) + " threads, " +
         std::to_string(r.parallelRegions) + " parallel regions, " +
         bytes(r.bytesAllocated) + " allocated, peak live arrays " +
         bytes(r.peakLiveBytes) + ", peak RSS " + bytes(r.peakRssBytes) + "\n";
  if (r.entries.empty())
    return out;
  char line[512];
  std::snprintf(line, sizeof line,
                "%-20s %6s %11s %11s %11s %11s %11s %4s %8s %11s %11s\n",
                "entry", "calls", "total", "min", "median", "max", "CPU", "thr",
                "parallel", "allocated", "peak live");
  out += line;
  for (const EntryCall &e : r.entries) {
    std::snprintf(line, sizeof line,
                  "%-20s %6lld %11s %11s %11s %11s %11s %4d %8lld %11s %11s\n",
                  e.name.c_str(), static_cast<long long>(e.calls),
                  seconds(e.wall.total).c_str(), seconds(e.wall.min).c_str(),
                  seconds(e.wall.median()).c_str(), seconds(e.wall.max).c_str(),
                  seconds(e.cpuSeconds).c_str(), e.threads,
                  static_cast<long long>(e.parallelRegions),
                  bytes(e.bytesAllocated).c_str(),
                  bytes(e.peakLiveBytes).c_str());
    out += line;
  }
  return out;
}

} // namespace weft::metrics
