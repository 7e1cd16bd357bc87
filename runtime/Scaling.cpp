//===- Scaling.cpp - Speedup, efficiency and scaling-law fits -------------===//
//
// Implements the scaling arithmetic, the `weft bench` table and its plot.
//
//===----------------------------------------------------------------------===//
#include "runtime/Scaling.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace weft::scaling {

double median(std::vector<double> v) {
  if (v.empty())
    return 0;
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

double speedup(double t1, double tn) { return tn > 0 ? t1 / tn : 0; }

double efficiency(double s, int n) { return n > 0 ? s / n : 0; }

double karpFlatt(double s, int n) {
  if (n <= 1 || s <= 0)
    return std::numeric_limits<double>::quiet_NaN();
  return (1.0 / s - 1.0 / n) / (1.0 - 1.0 / n);
}

double amdahlSpeedup(double p, double n) { return 1.0 / ((1.0 - p) + p / n); }

double fitAmdahl(const std::vector<int> &threads,
                 const std::vector<double> &speedups) {
  double sxy = 0, sxx = 0;
  for (size_t i = 0; i < threads.size() && i < speedups.size(); ++i) {
    if (threads[i] <= 1 || speedups[i] <= 0)
      continue;
    double x = 1.0 - 1.0 / threads[i];
    double y = 1.0 - 1.0 / speedups[i];
    sxy += x * y;
    sxx += x * x;
  }
  if (sxx == 0)
    return 0;
  return std::clamp(sxy / sxx, 0.0, 1.0);
}

namespace {
std::string percent(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f%%", 100 * v);
  return buf;
}

/// Warnings about the measurements, and whether they support a fit.
void judge(Analysis &a, int baseline, int cores) {
  bool noisy = false, parallel = false, gained = false;
  for (const Row &r : a.rows) {
    if (r.spread > kNoisySpread) {
      noisy = true;
      a.warnings.push_back(
          "the times at " + std::to_string(r.threads) + " thread" +
          (r.threads == 1 ? "" : "s") + " spread by +-" + percent(r.spread) +
          " (over " + percent(kNoisySpread) +
          "): other programs are sharing the machine, or the program is too "
          "short; close them or use more --repeat");
    }
    if (cores > 0 && r.threads > cores)
      a.warnings.push_back(std::to_string(r.threads) + " threads on " +
                           std::to_string(cores) +
                           " cores: oversubscribed, the threads take turns");
    if (r.threads > baseline && (cores <= 0 || r.threads <= cores)) {
      parallel = true;
      gained |= r.speedup > 1.05;
    }
  }
  if (!parallel)
    a.noFit = "no thread count above " + std::to_string(baseline) +
              " within the cores";
  else if (noisy)
    a.noFit = "the times are too noisy";
  else if (!gained && !a.weak)
    a.noFit = "no thread count ran more than 5% faster than " +
              std::to_string(baseline);
  a.fitMade = a.noFit.empty();
}
} // namespace

double fitGustafson(const std::vector<int> &threads,
                    const std::vector<double> &speedups) {
  double sxy = 0, sxx = 0;
  for (size_t i = 0; i < threads.size() && i < speedups.size(); ++i) {
    if (threads[i] <= 1)
      continue;
    double x = threads[i] - 1.0;
    double y = threads[i] - speedups[i];
    sxy += x * y;
    sxx += x * x;
  }
  if (sxx == 0)
    return 0;
  return std::clamp(sxy / sxx, 0.0, 1.0);
}

Analysis analyze(std::vector<Sample> samples, bool weak, int cores) {
  Analysis a;
  a.weak = weak;
  if (samples.empty())
    return a;
  double t1 = median(samples.front().wallSeconds);
  int n1 = samples.front().threads;
  std::vector<int> ns;
  std::vector<double> ss;
  for (const Sample &s : samples) {
    Row r;
    r.threads = s.threads;
    r.median = median(s.wallSeconds);
    if (!s.wallSeconds.empty()) {
      r.min = *std::min_element(s.wallSeconds.begin(), s.wallSeconds.end());
      r.max = *std::max_element(s.wallSeconds.begin(), s.wallSeconds.end());
    }
    r.spread = r.median > 0 ? (r.max - r.min) / (2 * r.median) : 0;
    // Relative to the baseline's thread count (normally 1).
    double scale = static_cast<double>(s.threads) / n1;
    r.speedup = speedup(t1, r.median) * (weak ? scale : 1.0);
    r.efficiency = r.speedup / scale;
    r.karpFlatt = weak ? std::numeric_limits<double>::quiet_NaN()
                       : karpFlatt(r.speedup, s.threads);
    r.gustafsonSerial = weak && s.threads > 1
                            ? (s.threads - r.speedup) / (s.threads - 1.0)
                            : std::numeric_limits<double>::quiet_NaN();
    double cpu = median(s.cpuSeconds);
    r.cpuUtilization = r.median > 0 ? cpu / (r.median * s.threads) : 0;
    if (r.median > 0) {
      r.gbPerSecond = s.work.bytes / r.median / 1e9;
      r.gflopPerSecond = s.work.flops / r.median / 1e9;
    }
    ns.push_back(s.threads);
    ss.push_back(r.speedup);
    a.rows.push_back(r);
  }
  a.amdahlP = fitAmdahl(ns, ss);
  a.speedupLimit = a.amdahlP < 1 ? 1.0 / (1.0 - a.amdahlP)
                                 : std::numeric_limits<double>::infinity();
  if (weak)
    a.gustafsonSerial = fitGustafson(ns, ss);
  judge(a, n1, cores);
  return a;
}

namespace {

std::string fmt(const char *format, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

std::string pad(const std::string &s, size_t width) {
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

} // namespace

std::string formatTable(const Analysis &a) {
  bool bytes = false, flops = false;
  for (const Row &r : a.rows) {
    bytes |= r.gbPerSecond > 0;
    flops |= r.gflopPerSecond > 0;
  }
  std::vector<std::string> head = {
      "threads",    "median s",
      "spread",     a.weak ? "scaled S" : "speedup",
      "efficiency", a.weak ? "serial (G)" : "Karp-Flatt",
      "CPU util"};
  if (bytes)
    head.push_back("GB/s");
  if (flops)
    head.push_back("GFLOP/s");
  std::vector<std::vector<std::string>> cells;
  for (const Row &r : a.rows) {
    double serial = a.weak ? r.gustafsonSerial : r.karpFlatt;
    std::vector<std::string> c = {std::to_string(r.threads),
                                  fmt("%.6f", r.median),
                                  fmt("\u00b1%.1f%%", 100 * r.spread),
                                  fmt("%.2f", r.speedup),
                                  fmt("%.2f", r.efficiency),
                                  std::isnan(serial) ? std::string("-")
                                                     : fmt("%.3f", serial),
                                  fmt("%.0f%%", 100 * r.cpuUtilization)};
    if (bytes)
      c.push_back(fmt("%.2f", r.gbPerSecond));
    if (flops)
      c.push_back(fmt("%.2f", r.gflopPerSecond));
    cells.push_back(c);
  }
  std::vector<size_t> width(head.size());
  for (size_t i = 0; i < head.size(); ++i) {
    width[i] = head[i].size();
    for (auto &c : cells) // "±" is two bytes, one column
      width[i] =
          std::max(width[i], c[i].size() - (c[i].rfind("\u00b1", 0) == 0));
  }
  auto line = [&](const std::vector<std::string> &c) {
    std::string out;
    for (size_t i = 0; i < c.size(); ++i)
      out += (i ? "  " : "") +
             pad(c[i], width[i] + (c[i].rfind("\u00b1", 0) == 0));
    return out + "\n";
  };
  std::string out = line(head);
  for (auto &c : cells)
    out += line(c);
  if (!a.fitMade) {
    out += std::string(a.weak ? "Gustafson" : "Amdahl") + " fit: not made (" +
           a.noFit + ")\n";
  } else if (a.weak) {
    out += "Gustafson: serial fraction " + fmt("%.3f", a.gustafsonSerial) +
           " (scaled speedup S = N - s (N - 1))\n";
  } else {
    out += "Amdahl fit: parallel fraction P = " + fmt("%.4f", a.amdahlP) +
           ", speedup limit 1/(1-P) = " +
           (std::isinf(a.speedupLimit) ? std::string("unbounded")
                                       : fmt("%.1f", a.speedupLimit)) +
           "\n";
  }
  return out;
}

} // namespace weft::scaling
