//===- Options.h - weft's command line, parsed by llvm::cl ------*- C++ -*-===//
//
// The commands (run, check, emit, bench, repl, help, completion) are
// llvm::cl subcommands and their options llvm::cl options, so the library
// parses both --opt=value and --opt value, rejects unknown options with a
// suggestion, and lists each command's options for the shell completion;
// CommandLine.h keeps the help texts.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_TOOLS_WEFT_OPTIONS_H
#define WEFT_TOOLS_WEFT_OPTIONS_H

#include "frontend/Target.h"
#include "tools/weft/BenchCommand.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace weft::cli {

/// What the command line asks for.
struct Args {
  std::string command;
  std::string file;
  std::string stage;
  int optLevel = 3;
  bool boundscheck = false;
  bool fastmath = false;
  int threads = 0;
  std::string reportPath;
  std::vector<std::string> programArgs;
  /// --metrics: "table" (stderr) or "json:PATH".
  std::string metrics;
  Target target = Target::CPU;
  bool targetGiven = false; ///< --target was on the command line
  std::string gpuArch;
  bool noCache = false;
  int64_t maxMemory = 0;
  BenchOptions bench;
  std::string color = "auto"; ///< --color=auto|always|never
};

/// Parses `argv` (without the program name; not empty) into `args`. An
/// exit status when the program ends here: 0 after --help or --version,
/// 64 after a usage error (reported on stderr).
std::optional<int> parseCommandLine(const std::vector<std::string> &argv,
                                    Args &args, const std::string &usage);

/// The options `command` takes, as written on the command line
/// ("--fastmath", "-O0".."-O3", "--help"), from its llvm::cl
/// subcommand; empty for an unknown command.
std::vector<std::string> commandOptions(const std::string &command);

/// "'--plot' is an option of 'weft bench'" when `option` belongs to
/// another command than `command`; empty otherwise.
std::string optionOfOtherCommand(const std::string &option,
                                 const std::string &command);

/// Prints "weft: error: MSG" and the usage hint; returns 64.
int usageError(const std::string &msg);

} // namespace weft::cli

#endif // WEFT_TOOLS_WEFT_OPTIONS_H
