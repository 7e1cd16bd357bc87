//===- Scaling.h - Speedup, efficiency and scaling-law fits -----*- C++ -*-===//
//
// The arithmetic behind `weft bench`: from wall and CPU times measured at
// several thread counts, the speedup S = T1/TN, the efficiency E = S/N, the
// Karp-Flatt serial fraction, the Amdahl parallel fraction P fitted to all
// points (and the speedup limit 1/(1-P)), CPU utilisation, throughput, and
// for weak scaling Gustafson's scaled speedup and serial fraction. The
// formulas are documented in docs/metrics.md.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_RUNTIME_SCALING_H
#define WEFT_RUNTIME_SCALING_H

#include <string>
#include <vector>

namespace weft::scaling {

/// The work one repetition does, declared by the script (bench_work).
struct Work {
  double bytes = 0;
  double flops = 0;
};

/// The repeated timings of one thread count.
struct Sample {
  int threads = 1;
  std::vector<double> wallSeconds;
  std::vector<double> cpuSeconds; ///< process CPU time of each repetition
  Work work;                      ///< what one repetition declared
};

/// One row of the scaling table.
struct Row {
  int threads = 1;
  double median = 0;     ///< median wall time (s)
  double min = 0;        ///< fastest repetition (s)
  double max = 0;        ///< slowest repetition (s)
  double spread = 0;     ///< (max - min) / (2 median): half the range, relative
  double speedup = 0;    ///< T1 / TN (strong) or N T1 / TN (weak)
  double efficiency = 0; ///< speedup / N
  double karpFlatt = 0;  ///< experimental serial fraction (NaN at N = 1)
  double gustafsonSerial = 0; ///< (N - S) / (N - 1), weak scaling only
  double cpuUtilization = 0;  ///< CPU time / (wall time N)
  double gbPerSecond = 0;     ///< declared bytes / median (0 if undeclared)
  double gflopPerSecond = 0;  ///< declared flops / median (0 if undeclared)
};

struct Analysis {
  bool weak = false;
  std::vector<Row> rows;
  /// Amdahl: the parallel fraction P fitted to every (N, S) point, and
  /// the speedup it allows on any number of threads, 1 / (1 - P).
  double amdahlP = 0;
  double speedupLimit = 0;
  /// Gustafson (weak scaling): the serial fraction fitted to all points.
  double gustafsonSerial = 0;
  /// Whether the data support the fit above; why not, when they do not
  /// (no thread count above the baseline's, times too noisy, no speedup).
  bool fitMade = false;
  std::string noFit;
  /// What makes the measurements doubtful: a spread over kNoisySpread, more
  /// threads than cores.
  std::vector<std::string> warnings;
};

/// Half the range of a thread count's times, relative to their median,
/// above which its speedup says little.
constexpr double kNoisySpread = 0.10;

double median(std::vector<double> v);
/// S = T1 / TN.
double speedup(double t1, double tn);
/// E = S / N.
double efficiency(double s, int n);
/// Karp-Flatt: e = (1/S - 1/N) / (1 - 1/N); NaN for N = 1.
double karpFlatt(double s, int n);
/// Amdahl's law: S(N) = 1 / ((1 - P) + P / N).
double amdahlSpeedup(double p, double n);
/// Least-squares P of Amdahl's law through (N, S) points, using its linear
/// form 1 - 1/S = P (1 - 1/N); clamped to [0, 1]. 0 without points N > 1.
double fitAmdahl(const std::vector<int> &threads,
                 const std::vector<double> &speedups);
/// Gustafson's law: S = N - s (N - 1); the least-squares serial fraction s
/// through (N, S) points, clamped to [0, 1].
double fitGustafson(const std::vector<int> &threads,
                    const std::vector<double> &speedups);

/// Everything above for the samples (sorted by thread count; the first
/// must be the baseline, normally 1 thread). `weak`: the problem grew with
/// N (its work is N times the baseline's).
/// `cores`: the processors the times were measured on (0: unknown).
Analysis analyze(std::vector<Sample> samples, bool weak, int cores = 0);

/// The table `weft bench` prints (GB/s and GFLOP/s columns when work was
/// declared).
std::string formatTable(const Analysis &a);
/// The same as JSON (schema "weft-bench/1") and as CSV (one row per thread
/// count).
std::string formatJSON(const Analysis &a, const std::string &what);
std::string formatCSV(const Analysis &a);
/// Speedup (measured, with the fastest and slowest run as error bars;
/// ideal; the fit when made) and efficiency against threads, as a
/// standalone SVG document with labelled axes and a legend.
std::string plotSvg(const Analysis &a, const std::string &title);

} // namespace weft::scaling

#endif // WEFT_RUNTIME_SCALING_H
