//===- MetricsJSON.cpp - Compile and run metrics as llvm::json values -----===//
//
// See MetricsJSON.h. Keys are written in sorted order (llvm::json's).
//
//===----------------------------------------------------------------------===//
#include "runtime/MetricsJSON.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>

namespace weft::metrics {

namespace json = llvm::json;

namespace {
json::Value stageValue(const StageTime &s) {
  json::Object o{{"stage", s.stage}, {"seconds", number(s.seconds)}};
  if (!s.group.empty())
    o["group"] = s.group;
  if (!s.function.empty())
    o["function"] = s.function;
  return o;
}

json::Array stagesValue(const std::vector<StageTime> &stages) {
  json::Array a;
  for (const StageTime &s : stages)
    a.push_back(stageValue(s));
  return a;
}
} // namespace

json::Value number(double v) {
  if (!std::isfinite(v))
    return nullptr;
  return v;
}

json::Value compileValue(const CompileMetrics &c) {
  json::Array functions;
  for (const FunctionCode &f : c.functions)
    functions.push_back(
        json::Object{{"name", f.name}, {"code_bytes", f.bytes}});
  return json::Object{{"total_seconds", number(c.totalSeconds)},
                      {"object_bytes", c.objectBytes},
                      {"stages", stagesValue(c.stages)},
                      {"details", stagesValue(c.details)},
                      {"functions", std::move(functions)}};
}

json::Value runValue(const RunMetrics &r) {
  json::Array entries;
  for (const EntryCall &e : r.entries)
    entries.push_back(json::Object{{"name", e.name},
                                   {"calls", e.calls},
                                   {"total_seconds", number(e.wall.total)},
                                   {"min_seconds", number(e.wall.min)},
                                   {"median_seconds", number(e.wall.median())},
                                   {"max_seconds", number(e.wall.max)},
                                   {"cpu_seconds", number(e.cpuSeconds)},
                                   {"threads", e.threads},
                                   {"parallel_regions", e.parallelRegions},
                                   {"bytes_allocated", e.bytesAllocated},
                                   {"peak_live_bytes", e.peakLiveBytes}});
  return json::Object{{"wall_seconds", number(r.wallSeconds)},
                      {"cpu_seconds", number(r.cpuSeconds)},
                      {"threads", r.threads},
                      {"parallel_regions", r.parallelRegions},
                      {"bytes_allocated", r.bytesAllocated},
                      {"peak_live_bytes", r.peakLiveBytes},
                      {"peak_rss_bytes", r.peakRssBytes},
                      {"entries", std::move(entries)}};
}

json::Value metricsValue(const Metrics &m) {
  return json::Object{{"schema", "weft-metrics/1"},
                      {"file", m.file},
                      {"compile", compileValue(m.compile)},
                      {"run", runValue(m.run)}};
}

std::string renderJSON(const json::Value &v) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << llvm::formatv("{0:2}", v);
  os.flush();
  return text + "\n";
}

std::string toJSON(const Metrics &m) { return renderJSON(metricsValue(m)); }

} // namespace weft::metrics
