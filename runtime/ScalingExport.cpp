//===- ScalingExport.cpp - weft bench results as JSON and CSV -------------===//
//
// `weft bench --json` and `--csv`: the rows of the scaling table with every
// time, the fit when the data support it, and the warnings. JSON is
// written with llvm::json; CSV has a header line and one line per thread
// count.
//
//===----------------------------------------------------------------------===//
#include "runtime/Scaling.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <charconv>
#include <cmath>

namespace weft::scaling {

namespace json = llvm::json;

namespace {
json::Value number(double v) {
  if (!std::isfinite(v))
    return nullptr;
  return v;
}

std::string text(double v) {
  if (!std::isfinite(v))
    return "";
  char buf[32];
  std::to_chars_result r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}
} // namespace

std::string formatJSON(const Analysis &a, const std::string &what) {
  json::Array rows;
  for (const Row &r : a.rows)
    rows.push_back(
        json::Object{{"threads", r.threads},
                     {"median_seconds", number(r.median)},
                     {"min_seconds", number(r.min)},
                     {"max_seconds", number(r.max)},
                     {"spread", number(r.spread)},
                     {"speedup", number(r.speedup)},
                     {"efficiency", number(r.efficiency)},
                     {"karp_flatt", number(r.karpFlatt)},
                     {"gustafson_serial", number(r.gustafsonSerial)},
                     {"cpu_utilization", number(r.cpuUtilization)},
                     {"gb_per_second", number(r.gbPerSecond)},
                     {"gflop_per_second", number(r.gflopPerSecond)}});
  json::Object fit{{"made", a.fitMade}};
  if (a.fitMade && a.weak) {
    fit["law"] = "gustafson";
    fit["serial_fraction"] = number(a.gustafsonSerial);
  } else if (a.fitMade) {
    fit["law"] = "amdahl";
    fit["parallel_fraction"] = number(a.amdahlP);
    fit["speedup_limit"] = number(a.speedupLimit);
  } else {
    fit["why_not"] = a.noFit;
  }
  json::Array warnings;
  for (const std::string &w : a.warnings)
    warnings.push_back(w);
  json::Value doc = json::Object{
      {"schema", "weft-bench/1"}, {"program", what},
      {"weak_scaling", a.weak},   {"rows", std::move(rows)},
      {"fit", std::move(fit)},    {"warnings", std::move(warnings)}};
  std::string out;
  llvm::raw_string_ostream os(out);
  os << llvm::formatv("{0:2}", doc);
  os.flush();
  return out + "\n";
}

std::string formatCSV(const Analysis &a) {
  std::string out = "threads,median_seconds,min_seconds,max_seconds,spread,"
                    "speedup,efficiency,";
  out += a.weak ? "gustafson_serial" : "karp_flatt";
  out += ",cpu_utilization,gb_per_second,gflop_per_second\n";
  for (const Row &r : a.rows) {
    double serial = a.weak ? r.gustafsonSerial : r.karpFlatt;
    out += std::to_string(r.threads);
    for (double v : {r.median, r.min, r.max, r.spread, r.speedup, r.efficiency,
                     serial, r.cpuUtilization, r.gbPerSecond, r.gflopPerSecond})
      out += "," + text(v);
    out += "\n";
  }
  return out;
}

} // namespace weft::scaling
