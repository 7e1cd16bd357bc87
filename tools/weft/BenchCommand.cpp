//===- BenchCommand.cpp - `weft bench`: scaling over thread counts --------===//
//
// Implements runBenchCommand: compile once, then for each thread count a
// warm-up run and K timed runs (wall and process CPU time), with the
// program's output hidden and a progress bar on a terminal.
//
//===----------------------------------------------------------------------===//
#include "tools/weft/BenchCommand.h"

#include "compiler/Driver/Compilation.h"
#include "runtime/CachedProgram.h"
#include "runtime/JITRunner.h"
#include "runtime/Metrics.h"
#include "runtime/RuntimeABI.h"
#include "runtime/Scaling.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

namespace weft {

bool parseThreadList(const std::string &text, int cores,
                     std::vector<int> &out) {
  out.clear();
  if (text.empty()) {
    cores = std::max(1, cores);
    for (int n = 1; n <= cores; n = n < 8 ? n + 1 : n * 2)
      out.push_back(n);
    if (out.back() != cores)
      out.push_back(cores);
    return true;
  }
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ',')) {
    int n = 0;
    std::string error;
    if (!parseThreadCount(item, "--threads", n, error))
      return false;
    out.push_back(n);
  }
  return !out.empty();
}

std::string benchFunctionSource(const std::string &file,
                                const std::string &source,
                                const std::string &func,
                                const std::string &args, std::string &error) {
  Compilation c(file, source);
  if (!c.parse()) {
    error = c.diags().renderAll();
    return "";
  }
  std::vector<std::string> lines;
  {
    std::stringstream ss(source);
    std::string line;
    while (std::getline(ss, line))
      lines.push_back(line);
  }
  bool found = false;
  for (const StmtPtr &s : c.ast()->body) {
    if (auto *def = s->dyn<FunctionDefStmt>()) {
      found |= def->name == func;
      continue;
    }
    int first = s->range.begin.line;
    int last = s->range.end.line;
    if (last > first && s->range.end.col == 1)
      --last;
    for (int l = first; l <= last && l <= static_cast<int>(lines.size()); ++l)
      if (l >= 1)
        lines[l - 1].clear();
  }
  if (!found) {
    error = "weft: error: no function '" + func + "' in " + file + "\n";
    return "";
  }
  std::string out;
  for (const std::string &l : lines)
    out += l + "\n";
  return out + func + "(" + args + ")\n";
}

namespace {

/// Sends stdout to /dev/null while alive (the program's prints).
class HiddenStdout {
public:
  explicit HiddenStdout(bool hide) {
    if (!hide)
      return;
    std::fflush(stdout);
    saved_ = dup(1);
    int null = open("/dev/null", O_WRONLY);
    if (saved_ >= 0 && null >= 0)
      dup2(null, 1);
    if (null >= 0)
      close(null);
  }
  ~HiddenStdout() {
    if (saved_ < 0)
      return;
    std::fflush(stdout);
    dup2(saved_, 1);
    close(saved_);
  }

private:
  int saved_ = -1;
};

void progress(bool tty, int done, int total, int threads) {
  if (!tty)
    return;
  const int width = 30;
  int filled = total ? width * done / total : width;
  std::string bar(filled, '#');
  bar += std::string(width - filled, ' ');
  std::fprintf(stderr, "\r[%s] %3d%%  %d thread%s ", bar.c_str(),
               total ? 100 * done / total : 100, threads,
               threads == 1 ? " " : "s");
  if (done == total)
    std::fprintf(stderr, "\r%*s\r", width + 30, "");
  std::fflush(stderr);
}

} // namespace

int runBenchCommand(const std::string &file, const std::string &source,
                    const BenchOptions &options,
                    const std::vector<std::string> &programArgs) {
  std::vector<int> threads;
  int cores = static_cast<int>(std::thread::hardware_concurrency());
  if (!parseThreadList(options.threads, cores, threads)) {
    std::cerr << "weft: error: --threads needs a list of numbers of "
                 "threads from 1 to "
              << kMaxThreads << " such as 1,2,4, not '" << options.threads
              << "'\n";
    return 64;
  }
  if (options.weak) {
    char *end = nullptr;
    if (programArgs.empty() ||
        (std::strtoll(programArgs[0].c_str(), &end, 10), *end) ||
        programArgs[0].empty()) {
      std::cerr << "weft: error: --weak scales the first program argument "
                   "with the thread count; give an integer problem size "
                   "after '--'\n";
      return 64;
    }
  }
  std::string text = source;
  if (!options.func.empty()) {
    std::string error;
    text = benchFunctionSource(file, source, options.func, options.funcArgs,
                               error);
    if (text.empty()) {
      std::cerr << error;
      return 1;
    }
  }
  CompileOptions co;
  co.optLevel = options.optLevel;
  co.fastmath = options.fastmath;
  co.boundscheck = options.boundscheck;
  Compilation c(file, text, co);
  JITOptions jo;
  jo.optLevel = options.optLevel;
  jo.vectorMath = options.fastmath;
  // The one compile path and cache key of weft run (CachedProgram.h).
  CacheUse cache;
  cache.entryPoints = {"__weft_main"};
  cache.storable = [&] { return c.diags().diagnostics().empty(); };
  std::string error;
  ProgramOrigin origin;
  std::unique_ptr<JITProgram> program =
      compileThroughCache(c, jo, cache, origin, error);
  if (origin == ProgramOrigin::CompileError)
    return reportCompileFailure(c);
  if (!program) {
    std::cerr << "internal compiler error: " << error << "\n";
    return 2;
  }

  bool tty = isatty(2);
  int total = static_cast<int>(threads.size()) * (options.repeat + 1);
  int done = 0;
  std::vector<scaling::Sample> samples;
  for (int n : threads) {
    std::vector<std::string> args = programArgs;
    if (options.weak)
      args[0] = std::to_string(std::strtoll(args[0].c_str(), nullptr, 10) * n);
    rt::setProgramArguments(args);
    std::string threadsError;
    setThreadCount(n, threadsError); // n is from 1 to kMaxThreads
    scaling::Sample sample;
    sample.threads = n;
    RunStatus status = RunStatus::Ok;
    {
      HiddenStdout hide(!options.showOutput);
      for (int k = 0; k <= options.repeat && status == RunStatus::Ok; ++k) {
        progress(tty, done, total, n);
        metrics::clearDeclaredWork();
        double w0 = metrics::wallNow(), c0 = metrics::cpuNow();
        gRunningProgram = 1;
        status = program->run(error);
        gRunningProgram = 0;
        double w1 = metrics::wallNow(), c1 = metrics::cpuNow();
        ++done;
        if (k == 0)
          continue; // the warm-up
        sample.wallSeconds.push_back(w1 - w0);
        sample.cpuSeconds.push_back(c1 - c0);
      }
    }
    if (status != RunStatus::Ok) {
      progress(tty, total, total, n);
      std::cerr << file << ":" << error << "\n";
      return 1;
    }
    metrics::declaredWork(sample.work.bytes, sample.work.flops);
    samples.push_back(std::move(sample));
  }
  progress(tty, total, total, threads.back());

  scaling::Analysis a =
      scaling::analyze(samples, options.weak,
                       static_cast<int>(std::thread::hardware_concurrency()));
  std::string what =
      options.func.empty()
          ? file
          : options.func + "(" + options.funcArgs + ") in " + file;
  for (const std::string &w : a.warnings)
    std::cerr << "weft: warning: " << w << "\n";
  if (options.json)
    std::cout << scaling::formatJSON(a, what);
  else if (options.csv)
    std::cout << scaling::formatCSV(a);
  else
    std::cout << "weft bench " << what << ": " << options.repeat
              << " timed runs per thread count after a warm-up"
              << (options.weak ? "; weak scaling (problem size x N)" : "")
              << "\n"
              << scaling::formatTable(a);
  if (!options.plotPath.empty()) {
    std::ofstream out(options.plotPath);
    out << scaling::plotSvg(a, "weft bench " + what);
    if (!out) {
      std::cerr << "weft: error: cannot write the plot to '" << options.plotPath
                << "'\n";
      return 1;
    }
    if (!options.json && !options.csv)
      std::cout << "plot: " << options.plotPath << "\n";
  }
  return 0;
}

} // namespace weft
