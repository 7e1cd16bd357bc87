//===- BenchCommand.h - `weft bench`: scaling over thread counts -*- C++
//-*-===//
//
// Compiles a script once and times it (or one of its functions) at several
// thread counts, then prints speedup, efficiency, the Amdahl and
// Karp-Flatt figures (or Gustafson's for weak scaling), CPU utilisation
// and throughput, and optionally draws them as SVG.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_TOOLS_WEFT_BENCHCOMMAND_H
#define WEFT_TOOLS_WEFT_BENCHCOMMAND_H

#include <csignal>
#include <string>
#include <vector>

namespace weft {

/// True while the user's program runs: a memory fault is then the
/// program's error (exit 1), otherwise the compiler's (exit 2).
extern volatile sig_atomic_t gRunningProgram;

class Compilation;

struct BenchOptions {
  std::string threads;  ///< "1,2,4"; empty: 1 to all cores
  int repeat = 5;       ///< timed runs per thread count
  bool weak = false;    ///< scale the first program argument with N
  std::string plotPath; ///< SVG output, if set
  std::string func;     ///< time this function instead of the top level
  std::string funcArgs; ///< its arguments, "A,B"
  bool showOutput = false;
  int optLevel = 3;
  bool fastmath = false;
  bool boundscheck = false;
  bool json = false; ///< --json: the results as JSON on stdout
  bool csv = false;  ///< --csv: the rows as CSV on stdout
};

/// Runs `weft bench`; returns the exit code.
int runBenchCommand(const std::string &file, const std::string &source,
                    const BenchOptions &options,
                    const std::vector<std::string> &programArgs);

/// Prints `c`'s diagnostics; the exit code for a failed compile (1 for
/// errors in the program, 2 for an internal compiler error).
int reportCompileFailure(Compilation &c);

/// `source` with its top-level statements (everything but function
/// definitions) blanked out, line numbers kept, and a call
/// `func(args)` appended; empty with `error` set if there is no such
/// function or the source does not parse.
std::string benchFunctionSource(const std::string &file,
                                const std::string &source,
                                const std::string &func,
                                const std::string &args, std::string &error);

/// Parses "1,2,4" (or, when empty, 1 to `cores`: every count up to 8,
/// then powers of two and `cores`); false on a malformed list.
bool parseThreadList(const std::string &text, int cores, std::vector<int> &out);

} // namespace weft

#endif // WEFT_TOOLS_WEFT_BENCHCOMMAND_H
