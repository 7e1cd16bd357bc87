//===- weft.cpp - The weft command-line driver ----------------------------===//
//
// `weft run FILE`, `weft check FILE`, `weft emit --stage=S FILE`,
// `weft bench FILE` (BenchCommand.cpp), `weft --help`, `weft --version`.
// Diagnostics go to stderr; exit code 0 on success, 1 on an error in the
// user's program (compile or runtime), 2 on an internal compiler error,
// 64 on bad command-line usage.
//
//===----------------------------------------------------------------------===//
#include "compiler/Codegen/LLVMCodegen.h"
#include "compiler/Driver/Compilation.h"
#include "runtime/CachedProgram.h"
#include "runtime/CudaRuntime.h"
#include "runtime/JITRunner.h"
#include "runtime/Metrics.h"
#include "runtime/MetricsJSON.h"
#include "runtime/RuntimeABI.h"
#include "tools/weft/BenchCommand.h"
#include "tools/weft/CommandLine.h"
#include "tools/weft/EmitCommand.h"
#include "tools/weft/Options.h"
#include "tools/weft/Repl.h"

#include "mlir/IR/AsmState.h"
#include "mlir/IR/OperationSupport.h"

#include "llvm/Support/raw_ostream.h"

#include <cctype>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

#ifndef WEFT_VERSION
#define WEFT_VERSION "0.1.0"
#endif

volatile sig_atomic_t weft::gRunningProgram = 0;

namespace {
using weft::cli::Args;
using weft::cli::usageError;

const char *kUsage =
    R"(weft - a JIT compiler for a Python-flavoured array language

Usage:
  weft run [options] FILE [-- ARGS...]   compile FILE and run it
  weft check FILE                        check FILE without running it
  weft emit --stage=STAGE [options] FILE print one stage of the compiler
  weft repl [options]                    the interactive prompt (also
                                         `weft` alone on a terminal)
  weft bench [bench options] FILE [-- ARGS...]
                                         time FILE on 1..N threads: speedup,
                                         efficiency, Amdahl, Karp-Flatt
  weft help [COMMAND]                    the help of a command (also
                                         weft COMMAND --help)
  weft completion bash|zsh               the shell completion script
  weft --help | --version

Stages for emit:
  ast       the parsed syntax tree
  mlir      high-level MLIR from MLIRGen (func/arith/math/scf/memref/weft)
  cleaned   MLIR after weft-cleanup (matrix products lowered, the parallel
            choice made, buffers promoted)
  lowered   MLIR after the CPU pipeline (LLVM dialect)
  llvm      LLVM IR after optimisation for the host CPU
  asm       host assembly
  report    what became of each loop: fused, parallel or serial (and
            why), reductions, and the vectorizer's remarks by line
  gpu       MLIR after GPU kernel outlining (implies --target=gpu)
  ptx       the PTX of every GPU kernel module (implies --target=gpu)

Options:
  -O0 -O1 -O2 -O3   LLVM optimisation level (default -O3)
  --boundscheck     check every array index (as @jit(boundscheck=True))
  --report=PATH     write the loop report (see emit report) to PATH
  --fastmath        every function as @jit(fastmath=True), and math
                    functions vectorized with glibc's libmvec
  --threads N       threads for parallel loops, 1 to 4096 (default:
                    WEFT_NUM_THREADS, else all cores)
  --target=T        cpu (default), gpu (parallel loops, array statements
                    and @kernel launches run on an NVIDIA GPU) or auto (the
                    GPU when one is present, else the CPU)
  --gpu-arch=sm_XX  GPU architecture for PTX (default: the present
                    device's, else sm_80)
  --metrics         after the run, print compile-stage times and per-entry
                    call times (calls from the top level) to stderr
  --metrics=json:PATH  write the same metrics as JSON to PATH
  --max-memory=SIZE at most SIZE bytes of live arrays (K, M, G suffixes:
                    512M, 2.5G); beyond it an allocation is a MemoryError
  --no-cache        neither read nor write the on-disk code cache
                    ($WEFT_CACHE_DIR, $XDG_CACHE_HOME/weft or ~/.cache/weft)
  --color=WHEN      colour diagnostics: auto (default: on a terminal,
                    unless NO_COLOR is set), always or never

Bench options (weft bench):
  --threads LIST    thread counts, e.g. 1,2,4 (default: 1 to all cores)
  --repeat K        timed runs per thread count after a warm-up (default 5)
  --weak            weak scaling: the first program argument is multiplied
                    by the thread count; reports Gustafson's scaled speedup
  --plot PATH.svg   draw speedup and efficiency against threads
  --func NAME --args A,B  time NAME(A, B) instead of the script's top level
  --show-output     keep the program's output (hidden by default)
  --json | --csv    print the results as JSON (with the fit and warnings)
                    or as CSV instead of the table

Exit codes: 0 success, 1 error in the program, 2 internal compiler error,
64 bad usage.

Environment: WEFT_NUM_THREADS, WEFT_CACHE_DIR, WEFT_BLAS, WEFT_LLVM_ARGS,
NO_COLOR and the others are listed in docs/environment.md.
)";

/// Lowest address of the main thread's stack (its limit below the top).
uintptr_t gStackLow = 0;

void onFault(int, siginfo_t *info, void *) {
  // Only async-signal-safe calls here.
  uintptr_t addr = reinterpret_cast<uintptr_t>(info->si_addr);
  bool stackOverflow =
      gStackLow && addr + (1 << 20) > gStackLow && addr < gStackLow + 65536;
  const char *msg =
      !weft::gRunningProgram
          ? "internal compiler error: weft crashed while compiling (a "
            "memory fault); please report this with the source file\n"
      : stackOverflow
          ? "RecursionError: maximum recursion depth exceeded (the stack "
            "overflowed); make the recursion shallower or use a loop\n"
          : "weft: error: the program accessed memory outside its arrays "
            "(an index out of range?); run with --boundscheck to find "
            "where\n";
  std::fflush(stdout);
  ssize_t ignored = write(2, msg, std::strlen(msg));
  (void)ignored;
  _exit(weft::gRunningProgram ? 1 : 2);
}

/// Turns stack overflows (deep recursion) and wild memory accesses of the
/// user's program into an error message and exit status 1, not a crash.
void installFaultHandler() {
  static char altStack[1 << 16];
  stack_t ss{};
  ss.ss_sp = altStack;
  ss.ss_size = sizeof altStack;
  sigaltstack(&ss, nullptr);
  struct rlimit rl;
  char here;
  if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
    gStackLow = reinterpret_cast<uintptr_t>(&here) - rl.rlim_cur;
  struct sigaction sa {};
  sa.sa_sigaction = onFault;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGSEGV, &sa, nullptr);
  sigaction(SIGBUS, &sa, nullptr);
}

/// Tests set WEFT_CHECK_LEAKS to prove every array buffer was freed: then
/// buffers still live at exit are reported (and the exit status is 2).
bool leakedBuffers() {
  if (!std::getenv("WEFT_CHECK_LEAKS") || weft::rt::liveBuffers() == 0)
    return false;
  std::cerr << "internal compiler error: " << weft::rt::liveBuffers()
            << " array buffers (" << weft::rt::liveBytes()
            << " bytes) still live at exit\n";
  return true;
}

} // namespace

namespace {
/// Diagnostics in colour: --color=always, or --color=auto (the default)
/// with stderr a terminal, NO_COLOR unset or empty and TERM not "dumb".
bool gColour = false;

bool colourFor(const std::string &when) {
  if (when == "always")
    return true;
  if (when == "never")
    return false;
  const char *noColour = std::getenv("NO_COLOR");
  const char *term = std::getenv("TERM");
  return isatty(2) && !(noColour && *noColour) &&
         !(term && std::string(term) == "dumb");
}
} // namespace

int weft::reportCompileFailure(weft::Compilation &c) {
  std::cerr << c.diags().renderAll(gColour);
  if (!c.internalError().empty()) {
    std::cerr << c.internalError();
    return 2;
  }
  if (!c.diags().hasErrors()) {
    std::cerr << "weft: error: compilation failed\n";
    return 2;
  }
  int n = c.diags().errorCount();
  std::cerr << n << (n == 1 ? " error" : " errors") << " generated.\n";
  return 1;
}

namespace {

void printWarnings(weft::Compilation &c) {
  if (!c.diags().diagnostics().empty())
    std::cerr << c.diags().renderAll(gColour);
}

} // namespace

/// `weft repl`.
int runReplCommand(const Args &args) {
  if (!args.file.empty())
    return usageError("'repl' takes no file; use :load FILE at its "
                      "prompt");
  weft::ReplOptions repl;
  repl.optLevel = args.optLevel;
  repl.fastmath = args.fastmath;
  if (args.target != weft::Target::CPU) {
    std::string why, arch;
    if (weft::gpu::available(why, &arch)) {
      weft::gpu::setManagedMemory(true);
      repl.target = weft::Target::GPU;
      repl.gpuArch = arch;
    } else if (args.target == weft::Target::GPU) {
      std::cerr << "weft: error: --target=gpu: " << why
                << "; use --target=cpu or --target=auto\n";
      return 1;
    }
  }
  int status = weft::runRepl(repl, args.threads);
  return leakedBuffers() ? 2 : status;
}

/// The loop report (--report=PATH) and the metrics (--metrics) of a run.
void writeRunOutputs(const Args &args, weft::Compilation &c,
                     const std::vector<weft::VectorizerRemark> &remarks,
                     bool ran, weft::metrics::Metrics &metrics) {
  if (!args.reportPath.empty()) {
    std::ofstream out(args.reportPath);
    out << weft::formatLoopReport(c.file().filename(), c.loopReport(), remarks);
    if (!out)
      std::cerr << "weft: error: cannot write the report to '"
                << args.reportPath << "'\n";
  }
  std::fflush(stdout);
  if (ran && !args.metrics.empty()) {
    metrics.file = args.file;
    metrics.compile = c.compileMetrics();
    if (args.metrics == "table") {
      std::cerr << weft::metrics::formatTable(metrics);
    } else {
      std::string path = args.metrics.substr(5);
      std::ofstream out(path);
      out << weft::metrics::toJSON(metrics);
      if (!out)
        std::cerr << "weft: error: cannot write the metrics to '" << path
                  << "'\n";
    }
  }
}

int main(int argc, char **argv) {
  installFaultHandler();
  Args args;
  std::vector<std::string> argvv(argv + 1, argv + argc);
  if (argvv.empty()) {
    // `weft` alone on a terminal starts the interactive prompt.
    if (isatty(0) && isatty(1))
      return weft::runRepl(weft::ReplOptions(), 0);
    std::cerr << kUsage;
    return 64;
  }
  if (std::optional<int> exit =
          weft::cli::parseCommandLine(argvv, args, kUsage))
    return *exit;
  if (args.command == "man") {
    // weft(1), written by the build and installed (not in the help).
    std::cout << weft::cli::manPage(kUsage, WEFT_VERSION);
    return 0;
  }
  if (args.command == "completion") {
    std::string script = weft::cli::completionScript(args.file);
    if (script.empty())
      return usageError("completion takes bash or zsh, not '" + args.file +
                        "'");
    std::cout << script;
    return 0;
  }
  if (args.command == "help") {
    if (args.file.empty()) {
      std::cout << kUsage;
      return 0;
    }
    if (std::optional<std::string> help = weft::cli::commandHelp(args.file)) {
      std::cout << *help;
      return 0;
    }
    std::string near = weft::cli::suggest(args.file, weft::cli::commands());
    return usageError("no command '" + args.file + "'" +
                      (near.empty() ? "" : "; did you mean '" + near + "'?"));
  }
  gColour = colourFor(args.color);
  if (args.command == "repl")
    return runReplCommand(args);
  if (args.file.empty())
    return usageError("'" + args.command + "' needs a source file");
  if (args.command == "emit") {
    static const char *stages[] = {"ast",     "mlir", "cleaned",
                                   "lowered", "llvm", "asm",
                                   "report",  "gpu",  "ptx"};
    bool ok = false;
    for (const char *s : stages)
      ok |= args.stage == s;
    if (!ok)
      return usageError(
          "emit needs "
          "--stage=ast|mlir|cleaned|gpu|ptx|lowered|llvm|asm|report");
    if (args.stage == "gpu" || args.stage == "ptx")
      args.target = weft::Target::GPU;
  }

  std::string source, error;
  if (args.file == "-") {
    // The program on standard input, named <stdin> in messages.
    source.assign(std::istreambuf_iterator<char>(std::cin),
                  std::istreambuf_iterator<char>());
    args.file = "<stdin>";
  } else if (!weft::readFile(args.file, source, error)) {
    std::cerr << "weft: error: " << error << "\n";
    return 1;
  }
  // The GPU: --target=gpu needs a driver and a device to run on; auto
  // takes the GPU only when both are there. Emitting needs neither. The
  // driver is probed only when a GPU may be used (initialising it costs
  // time), here or below for @jit(target="gpu").
  std::string gpuError, deviceArch;
  bool probed = false, haveGPUResult = false;
  auto haveGPU = [&] {
    if (!probed)
      haveGPUResult = weft::gpu::available(gpuError, &deviceArch);
    probed = true;
    return haveGPUResult;
  };
  if (args.target != weft::Target::CPU)
    haveGPU();
  if (args.target == weft::Target::Auto)
    args.target = haveGPU() ? weft::Target::GPU : weft::Target::CPU;
  if (args.target == weft::Target::GPU && args.command == "run" && !haveGPU()) {
    std::cerr << "weft: error: --target=gpu: " << gpuError
              << "; use --target=cpu or --target=auto\n";
    return 1;
  }
  weft::CompileOptions options;
  options.target = args.target;
  options.gpuArch = !args.gpuArch.empty() ? args.gpuArch
                    : !deviceArch.empty() ? deviceArch
                                          : "sm_80";
  options.optLevel = args.optLevel;
  options.boundscheck = args.boundscheck;
  options.fastmath = args.fastmath;
  options.metrics = !args.metrics.empty();
  if (args.command == "bench") {
    args.bench.optLevel = args.optLevel;
    args.bench.fastmath = args.fastmath;
    args.bench.boundscheck = args.boundscheck;
    return weft::runBenchCommand(args.file, source, args.bench,
                                 args.programArgs);
  }
  // @jit(target="auto"): the GPU when present, unless --target=cpu.
  if (!(args.targetGiven && args.target == weft::Target::CPU))
    options.gpuPresent = haveGPU;
  weft::Compilation c(args.file, std::move(source), options);

  if (args.command == "check") {
    // Type checking, plus the checks made while generating code (prange
    // loops that write outer variables, unsupported constructs).
    if (!c.analyze() || !c.generateMLIR())
      return reportCompileFailure(c);
    printWarnings(c);
    return 0;
  }
  if (args.command == "emit")
    return runEmit(c, args.stage);

  weft::rt::setProgramArguments(args.programArgs);
  if (std::string error; !weft::setThreadCount(args.threads, error))
    return usageError(error);
  weft::rt::setMemoryLimit(args.maxMemory);
  // The compile time counts from here (parse and type checking too).
  double compileStart = weft::metrics::wallNow();
  // @jit(target="gpu") needs a GPU as much as --target=gpu does;
  // target="auto" became "gpu" only where one is present.
  if (c.analyze() && c.usesGPU() && !haveGPU()) {
    std::cerr << "weft: error: a function has @jit(target=\"gpu\"): "
              << gpuError << "; use target=\"cpu\"\n";
    return 1;
  }
  // The present device's architecture, unless --gpu-arch names one.
  if (c.usesGPU() && args.gpuArch.empty() && !deviceArch.empty())
    c.setGPUArch(deviceArch);
  // Arrays in CUDA managed memory: GPU kernels use them in place.
  if (c.usesGPU())
    weft::gpu::setManagedMemory(true);
  // The object code: from the on-disk code cache when an entry applies
  // (CachedProgram.h: the one key recipe), else compiled. A program with
  // warnings is not cached, so they show on every run.
  weft::CacheUse cache;
  cache.enabled =
      args.command == "run" && !args.noCache && args.reportPath.empty();
  cache.entryPoints = {"__weft_main"};
  cache.storable = [&] { return c.diags().diagnostics().empty(); };
  std::vector<weft::VectorizerRemark> remarks;
  weft::JITOptions jit;
  jit.optLevel = args.optLevel;
  jit.vectorMath = args.fastmath;
  jit.remarks = args.reportPath.empty() ? nullptr : &remarks;
  jit.metrics = &c.compileMetrics();
  weft::ProgramOrigin origin;
  std::unique_ptr<weft::JITProgram> program =
      weft::compileThroughCache(c, jit, cache, origin, error);
  if (origin == weft::ProgramOrigin::CompileError)
    return reportCompileFailure(c);
  if (origin != weft::ProgramOrigin::Cache)
    printWarnings(c);
  c.compileMetrics().totalSeconds = weft::metrics::wallNow() - compileStart;
  weft::RunStatus status = weft::RunStatus::JITError;
  weft::metrics::Metrics metrics;
  if (program) {
    // Run metrics only when asked for: the peak of the live bytes is a
    // global count every allocation would otherwise update.
    bool measure = !args.metrics.empty();
    if (measure)
      weft::metrics::beginRun();
    weft::gRunningProgram = 1;
    status = program->run(error);
    weft::gRunningProgram = 0;
    if (measure)
      metrics.run = weft::metrics::endRun();
  }
  writeRunOutputs(args, c, remarks, program != nullptr, metrics);
  switch (status) {
  case weft::RunStatus::Ok:
    return leakedBuffers() ? 2 : 0;
  case weft::RunStatus::RuntimeError:
    std::cerr << args.file << ":" << error << "\n";
    return 1;
  case weft::RunStatus::JITError:
    std::cerr << "internal compiler error: " << error << "\n";
    return 2;
  }
  return 2;
}
