//===- ScalingTest.cpp - Scaling arithmetic on synthetic timings ----------===//
#include "runtime/Scaling.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace weft::scaling;

namespace {

/// Samples whose median wall times are exactly `times` (one repetition
/// each, CPU time = wall x threads x `busy`).
std::vector<Sample> samplesOf(const std::vector<int> &threads,
                              const std::vector<double> &times,
                              double busy = 1.0) {
  std::vector<Sample> out;
  for (size_t i = 0; i < threads.size(); ++i) {
    Sample s;
    s.threads = threads[i];
    s.wallSeconds = {times[i]};
    s.cpuSeconds = {times[i] * threads[i] * busy};
    out.push_back(s);
  }
  return out;
}

} // namespace

TEST_CASE("median, speedup, efficiency, Karp-Flatt", "[scaling]") {
  CHECK(median({3, 1, 2}) == 2);
  CHECK(median({4, 1, 3, 2}) == 2.5);
  CHECK(median({}) == 0);
  CHECK(speedup(10, 4) == 2.5);
  CHECK(efficiency(2.5, 4) == 0.625);
  // Karp-Flatt: (1/S - 1/N) / (1 - 1/N); S = 2.5 on 4 threads -> 0.2.
  CHECK(karpFlatt(2.5, 4) == Approx(0.2));
  CHECK(std::isnan(karpFlatt(1.0, 1)));
  CHECK(amdahlSpeedup(0.9, 10) == Approx(1.0 / (0.1 + 0.09)));
}

TEST_CASE("an exact Amdahl curve is fitted exactly", "[scaling]") {
  // T(N) = 10 (0.1 + 0.9 / N): P = 0.9, limit 10, Karp-Flatt 0.1 at any N.
  std::vector<int> n = {1, 2, 4, 8};
  std::vector<double> t;
  for (int k : n)
    t.push_back(10 * (0.1 + 0.9 / k));
  Analysis a = analyze(samplesOf(n, t, 0.5), /*weak=*/false);
  REQUIRE(a.rows.size() == 4);
  CHECK(a.amdahlP == Approx(0.9).epsilon(1e-12));
  CHECK(a.speedupLimit == Approx(10.0));
  CHECK(a.rows[0].speedup == 1.0);
  CHECK(a.rows[1].speedup == Approx(10.0 / 5.5));
  CHECK(a.rows[3].speedup == Approx(10.0 / 2.125));
  CHECK(a.rows[3].efficiency == Approx(10.0 / 2.125 / 8));
  for (size_t i = 1; i < 4; ++i)
    CHECK(a.rows[i].karpFlatt == Approx(0.1));
  CHECK(a.rows[2].cpuUtilization == Approx(0.5));
  std::string table = formatTable(a);
  CHECK(table.find("Amdahl fit: parallel fraction P = 0.9000, speedup "
                   "limit 1/(1-P) = 10.0") != std::string::npos);
  CHECK(table.find("Karp-Flatt") != std::string::npos);
}

TEST_CASE("the Amdahl fit is least squares on noisy points", "[scaling]") {
  // 1 - 1/S = P (1 - 1/N): points (2, 1.9) and (4, 3.5) give
  // P = (0.5 (1 - 1/1.9) + 0.75 (1 - 1/3.5)) / (0.25 + 0.5625).
  double want = (0.5 * (1 - 1 / 1.9) + 0.75 * (1 - 1 / 3.5)) / 0.8125;
  CHECK(fitAmdahl({1, 2, 4}, {1.0, 1.9, 3.5}) == Approx(want));
  CHECK(want == Approx(0.95084).epsilon(1e-4));
  // Slower with more threads: P clamps to 0; perfect scaling gives 1.
  CHECK(fitAmdahl({1, 2}, {1.0, 0.8}) == 0.0);
  CHECK(fitAmdahl({1, 2, 4}, {1.0, 2.0, 4.0}) == Approx(1.0));
  CHECK(fitAmdahl({1}, {1.0}) == 0.0);
}

TEST_CASE("weak scaling gives Gustafson's scaled speedup", "[scaling]") {
  // Serial fraction 0.2: S(N) = N - 0.2 (N - 1); a run at N threads does N
  // times the work, so T(N) = N T1 / S(N).
  std::vector<int> n = {1, 2, 4};
  std::vector<double> t;
  for (int k : n)
    t.push_back(k * 2.0 / (k - 0.2 * (k - 1)));
  Analysis a = analyze(samplesOf(n, t), /*weak=*/true);
  CHECK(a.weak);
  CHECK(a.rows[1].speedup == Approx(1.8));
  CHECK(a.rows[2].speedup == Approx(3.4));
  CHECK(a.rows[2].gustafsonSerial == Approx(0.2));
  CHECK(a.gustafsonSerial == Approx(0.2));
  CHECK(std::isnan(a.rows[2].karpFlatt));
  CHECK(formatTable(a).find("Gustafson: serial fraction 0.200") !=
        std::string::npos);
}

TEST_CASE("throughput comes from the declared work", "[scaling]") {
  std::vector<Sample> s = samplesOf({1, 2}, {0.5, 0.25});
  s[0].work = {1e9, 4e9};
  s[1].work = {1e9, 4e9};
  Analysis a = analyze(s, false);
  CHECK(a.rows[0].gbPerSecond == Approx(2.0));
  CHECK(a.rows[1].gbPerSecond == Approx(4.0));
  CHECK(a.rows[1].gflopPerSecond == Approx(16.0));
  std::string table = formatTable(a);
  CHECK(table.find("GB/s") != std::string::npos);
  CHECK(table.find("GFLOP/s") != std::string::npos);
  // Spread: half the range relative to the median.
  Sample one;
  one.threads = 1;
  one.wallSeconds = {1.0, 1.2, 0.8};
  one.cpuSeconds = {1.0, 1.2, 0.8};
  CHECK(analyze({one}, false).rows[0].spread == Approx(0.2));
}

TEST_CASE("the plot has the points, the curves, axes and a legend",
          "[scaling]") {
  std::vector<int> n = {1, 2, 4};
  Analysis a = analyze(samplesOf(n, {8.0, 4.4, 2.6}), false);
  std::string svg = plotSvg(a, "mc_pi <test> & co");
  CHECK(svg.rfind("<?xml", 0) == 0);
  CHECK(svg.find("</svg>") != std::string::npos);
  auto count = [&](const std::string &what) {
    size_t k = 0;
    for (size_t p = svg.find(what); p != std::string::npos;
         p = svg.find(what, p + 1))
      ++k;
    return k;
  };
  CHECK(count("class=\"speedup-point\"") == 3);
  CHECK(count("class=\"efficiency-point\"") == 3);
  CHECK(svg.find("data-threads=\"4\" data-value=\"3.08\"") !=
        std::string::npos);
  CHECK(count("class=\"amdahl-fit\"") == 1);
  CHECK(count("class=\"ideal\"") == 2);
  CHECK(svg.find(">threads</text>") != std::string::npos);
  CHECK(svg.find(">speedup (T1 / TN)</text>") != std::string::npos);
  CHECK(svg.find(">efficiency (S / N)</text>") != std::string::npos);
  CHECK(svg.find("Amdahl fit (P = ") != std::string::npos);
  CHECK(svg.find("mc_pi &lt;test&gt; &amp; co") != std::string::npos);
}
