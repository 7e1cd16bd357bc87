//===- Options.cpp - weft's command line, parsed by llvm::cl --------------===//
//
// See Options.h. Each command is an llvm::cl::SubCommand and each option
// an llvm::cl option of the commands that take it, in one category so
// the completion lists only Weft's own (LLVM's options live in the top
// level, which no command uses). Values are checked here, after parsing,
// with messages that say what is accepted.
//
//===----------------------------------------------------------------------===//
#include "tools/weft/Options.h"

#include "tools/weft/CommandLine.h"

#include "runtime/JITRunner.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iostream>
#include <limits>

namespace cl = llvm::cl;

namespace weft::cli {

namespace {

cl::OptionCategory weftCategory("weft options");

cl::SubCommand runCmd("run", "compile FILE and run it");
cl::SubCommand checkCmd("check", "parse and type-check FILE");
cl::SubCommand emitCmd("emit", "print one stage of the compiler");
cl::SubCommand benchCmd("bench", "time FILE on several thread counts");
cl::SubCommand replCmd("repl", "the interactive prompt");
cl::SubCommand helpCmd("help", "the help of a command");
cl::SubCommand completionCmd("completion", "a shell completion script");
cl::SubCommand manCmd("man", "the manual page weft(1)");

// Which commands take an option.
cl::SubCommandGroup compiling{&runCmd, &emitCmd, &benchCmd, &replCmd};
cl::SubCommandGroup building{&runCmd, &emitCmd, &benchCmd};
cl::SubCommandGroup diagnosing{&runCmd, &checkCmd, &emitCmd, &benchCmd};

cl::opt<unsigned> optLevel("O", cl::desc("LLVM optimisation level (0-3)"),
                           cl::Prefix, cl::init(3), cl::sub(compiling),
                           cl::cat(weftCategory));
cl::opt<bool> fastmath("fastmath", cl::desc("every function fastmath"),
                       cl::sub(compiling), cl::cat(weftCategory));
cl::opt<std::string> threads("threads", cl::desc("threads (bench: a list)"),
                             cl::sub(compiling), cl::cat(weftCategory));
cl::opt<std::string> target("target", cl::desc("cpu, gpu or auto"),
                            cl::sub(compiling), cl::cat(weftCategory));
cl::opt<bool> boundscheck("boundscheck", cl::desc("check every array index"),
                          cl::sub(building), cl::cat(weftCategory));
cl::opt<std::string> gpuArch("gpu-arch", cl::desc("GPU architecture (sm_XX)"),
                             cl::sub(building), cl::cat(weftCategory));
cl::opt<bool> noCache("no-cache", cl::desc("no on-disk code cache"),
                      cl::sub(building), cl::cat(weftCategory));
cl::opt<std::string> color("color", cl::desc("auto, always or never"),
                           cl::init("auto"), cl::sub(diagnosing),
                           cl::cat(weftCategory));
cl::opt<std::string> report("report", cl::desc("write the loop report"),
                            cl::sub(runCmd), cl::sub(emitCmd),
                            cl::cat(weftCategory));
cl::opt<std::string> metrics("metrics", cl::desc("=table or =json:PATH"),
                             cl::ValueOptional, cl::sub(runCmd),
                             cl::cat(weftCategory));
cl::opt<std::string> maxMemory("max-memory", cl::desc("bytes of live arrays"),
                               cl::sub(runCmd), cl::cat(weftCategory));
cl::opt<std::string> stage("stage", cl::desc("the stage to print"),
                           cl::sub(emitCmd), cl::cat(weftCategory));
cl::opt<std::string> repeat("repeat", cl::desc("timed runs per thread count"),
                            cl::sub(benchCmd), cl::cat(weftCategory));
cl::opt<bool> weak("weak", cl::desc("weak scaling"), cl::sub(benchCmd),
                   cl::cat(weftCategory));
cl::opt<std::string> plot("plot", cl::desc("SVG of speedup and efficiency"),
                          cl::sub(benchCmd), cl::cat(weftCategory));
cl::opt<std::string> func("func", cl::desc("time this function"),
                          cl::sub(benchCmd), cl::cat(weftCategory));
cl::opt<std::string> funcArgs("args", cl::desc("the function's arguments"),
                              cl::sub(benchCmd), cl::cat(weftCategory));
cl::opt<bool> showOutput("show-output", cl::desc("keep the output"),
                         cl::sub(benchCmd), cl::cat(weftCategory));
cl::opt<bool> json("json", cl::desc("results as JSON"), cl::sub(benchCmd),
                   cl::cat(weftCategory));
cl::opt<bool> csv("csv", cl::desc("results as CSV"), cl::sub(benchCmd),
                  cl::cat(weftCategory));
// FILE (help: COMMAND; completion: SHELL), and anything after it.
cl::list<std::string> inputs(cl::Positional, cl::desc("FILE"), cl::sub(runCmd),
                             cl::sub(checkCmd), cl::sub(emitCmd),
                             cl::sub(benchCmd), cl::sub(replCmd),
                             cl::sub(helpCmd), cl::sub(completionCmd),
                             cl::cat(weftCategory));

cl::SubCommand *subcommandNamed(const std::string &name) {
  for (cl::SubCommand *s : {&runCmd, &checkCmd, &emitCmd, &benchCmd, &replCmd,
                            &helpCmd, &completionCmd, &manCmd})
    if (s->getName() == name)
      return s;
  return nullptr;
}

/// A size for --max-memory: digits with an optional fraction, then an
/// optional K, M or G (powers of 1024), at least 1 byte once rounded to
/// whole bytes; sizes of 2^63 bytes or more are 2^63 - 1. False for
/// anything else.
bool parseByteSize(const std::string &text, int64_t &bytes) {
  size_t end = 0, digits = 0;
  auto skipDigits = [&] {
    while (end < text.size() &&
           std::isdigit(static_cast<unsigned char>(text[end]))) {
      ++end;
      ++digits;
    }
  };
  skipDigits();
  if (end < text.size() && text[end] == '.') {
    ++end;
    skipDigits();
  }
  if (digits == 0)
    return false;
  std::string unit = text.substr(end);
  double scale = unit.empty()                 ? 1
                 : unit == "K" || unit == "k" ? 1024.0
                 : unit == "M" || unit == "m" ? 1024.0 * 1024
                 : unit == "G" || unit == "g" ? 1024.0 * 1024 * 1024
                                              : 0;
  double size =
      std::round(std::strtod(text.substr(0, end).c_str(), nullptr) * scale);
  if (!(size >= 1))
    return false;
  bytes = size >= 0x1p63 ? std::numeric_limits<int64_t>::max()
                         : static_cast<int64_t>(size);
  return true;
}

/// The option values, checked, into `args`; a usage error's status.
std::optional<int> collect(Args &args) {
  if (optLevel > 3)
    return usageError("-O takes 0, 1, 2 or 3, not " +
                      std::to_string(optLevel.getValue()));
  args.optLevel = static_cast<int>(optLevel);
  args.fastmath = fastmath;
  args.boundscheck = boundscheck;
  args.noCache = noCache;
  args.stage = stage;
  args.reportPath = report;
  if (!threads.empty()) {
    if (args.command == "bench") {
      args.bench.threads = threads;
    } else {
      std::string error;
      if (!parseThreadCount(threads, "--threads", args.threads, error))
        return usageError(error);
    }
  }
  if (target.getNumOccurrences()) {
    std::optional<Target> t = parseTarget(target.getValue());
    if (!t)
      return usageError("--target is cpu, gpu or auto, not '" + target + "'");
    args.target = *t;
    args.targetGiven = true;
  }
  if (gpuArch.getNumOccurrences()) {
    args.gpuArch = gpuArch;
    bool ok = args.gpuArch.size() > 3 && args.gpuArch.rfind("sm_", 0) == 0;
    for (size_t k = 3; ok && k < args.gpuArch.size(); ++k)
      ok = std::isdigit(static_cast<unsigned char>(args.gpuArch[k])) ||
           (k + 1 == args.gpuArch.size() && args.gpuArch[k] == 'a');
    if (!ok)
      return usageError("--gpu-arch takes an architecture such as sm_80 or "
                        "sm_90, not '" +
                        args.gpuArch + "'");
  }
  if (maxMemory.getNumOccurrences() &&
      !parseByteSize(maxMemory, args.maxMemory))
    return usageError("--max-memory takes a number of bytes (at least 1) "
                      "with an optional K, M or G suffix, such as 512M or "
                      "2.5G, not '" +
                      maxMemory + "'");
  if (metrics.getNumOccurrences()) {
    args.metrics = metrics.empty() ? "table" : metrics.getValue();
    if (args.metrics != "table" &&
        (args.metrics.rfind("json:", 0) != 0 || args.metrics.size() == 5))
      return usageError("--metrics takes no value, =table or =json:PATH");
  }
  args.color = color;
  if (args.color != "auto" && args.color != "always" && args.color != "never")
    return usageError("--color is auto, always or never, not '" + args.color +
                      "'");
  if (repeat.getNumOccurrences()) {
    char *end = nullptr;
    long k = std::strtol(repeat.c_str(), &end, 10);
    if (repeat.empty() || *end || k < 1 || k > 100000)
      return usageError("--repeat needs a positive number, not '" + repeat +
                        "'");
    args.bench.repeat = static_cast<int>(k);
  }
  args.bench.weak = weak;
  args.bench.plotPath = plot;
  args.bench.func = func;
  args.bench.funcArgs = funcArgs;
  args.bench.showOutput = showOutput;
  args.bench.json = json;
  args.bench.csv = csv;
  if (inputs.size() > 1)
    return usageError("unexpected argument '" + inputs[1] +
                      "'; program arguments go after '--'");
  if (!inputs.empty())
    args.file = inputs[0];
  return std::nullopt;
}

} // namespace

int usageError(const std::string &msg) {
  std::cerr << "weft: error: " << msg << "\n"
            << "Run 'weft --help' for usage.\n";
  return 64;
}

std::vector<std::string> commandOptions(const std::string &command) {
  cl::SubCommand *sub = subcommandNamed(command);
  if (!sub || command == "help" || command == "man")
    return {};
  std::vector<std::string> out;
  for (auto &entry : cl::getRegisteredOptions(*sub)) {
    cl::Option *o = entry.second;
    if (o->isPositional() ||
        llvm::find(o->Categories, &weftCategory) == o->Categories.end())
      continue;
    if (o->ArgStr == "O") {
      for (const char *level : {"-O0", "-O1", "-O2", "-O3"})
        out.push_back(level);
      continue;
    }
    out.push_back("--" + o->ArgStr.str());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  if (command != "completion")
    out.push_back("--help");
  return out;
}

std::string optionOfOtherCommand(const std::string &option,
                                 const std::string &command) {
  std::string name = option.substr(0, option.find('='));
  auto takes = [&](const std::string &c) {
    std::vector<std::string> own = commandOptions(c);
    return std::find(own.begin(), own.end(), name) != own.end();
  };
  if (takes(command))
    return "";
  for (const std::string &c : commands())
    if (takes(c))
      return "'" + name + "' is an option of 'weft " + c + "'";
  return "";
}

std::optional<int> parseCommandLine(const std::vector<std::string> &argv,
                                    Args &args, const std::string &usage) {
  // The program's own arguments, after "--", are not parsed.
  auto dashDash = std::find(argv.begin(), argv.end(), "--");
  std::vector<std::string> words(argv.begin(), dashDash);
  if (dashDash != argv.end())
    args.programArgs.assign(dashDash + 1, argv.end());
  std::string command =
      !words.empty() && subcommandNamed(words[0]) ? words[0] : "";
  // --help and --version answer before anything is checked.
  for (const std::string &w : words) {
    if (w == "--help" || w == "-h") {
      std::optional<std::string> help = commandHelp(command);
      std::cout << (help ? *help : usage);
      return 0;
    }
    if (w == "--version") {
      std::cout << "weft " << WEFT_VERSION << " (LLVM/MLIR "
                << LLVM_VERSION_STRING << ")\n";
      return 0;
    }
  }
  if (command.empty()) {
    std::string word = words.empty() ? "--" : words[0];
    if (!word.empty() && word[0] == '-')
      return usageError("the command comes first: weft COMMAND [options] "
                        "FILE; use run, check, emit, bench or repl");
    std::string near = suggest(word, commands());
    return usageError("unknown command '" + word + "'; " +
                      (near.empty() ? "" : "did you mean '" + near + "'? ") +
                      "use run, check, emit, bench or repl");
  }
  args.command = command;
  for (size_t i = 1; i < words.size(); ++i)
    if (words[i].size() > 2 && words[i].rfind("--", 0) == 0) {
      std::string other = optionOfOtherCommand(words[i], command);
      if (!other.empty())
        return usageError(other);
    }
  std::vector<const char *> cargv{"weft"};
  for (const std::string &w : words)
    cargv.push_back(w.c_str());
  std::string errors;
  llvm::raw_string_ostream errs(errors);
  if (!cl::ParseCommandLineOptions(static_cast<int>(cargv.size()), cargv.data(),
                                   "", &errs, nullptr, nullptr,
                                   /*LongOptionsUseDoubleDash=*/true)) {
    errs.flush();
    // LLVM's lines ("weft: Unknown command line argument '--fastmaht'.
    // Try: 'weft --help'", "weft: Did you mean '--fastmath'?") in weft's
    // form: the first an error, the rest notes.
    llvm::SmallVector<llvm::StringRef> lines;
    llvm::StringRef(errors).split(lines, '\n', -1, /*KeepEmpty=*/false);
    for (size_t i = 0; i < lines.size(); ++i) {
      std::string line =
          lines[i].ltrim().starts_with("weft: ")
              ? lines[i].ltrim().drop_front(6).split("Try:").first.rtrim().str()
              : lines[i].trim().str();
      if (!line.empty())
        line[0] = static_cast<char>(
            std::tolower(static_cast<unsigned char>(line[0])));
      std::cerr << (i == 0 ? "weft: error: " : "weft: ") << line << "\n";
    }
    std::cerr << "Run 'weft " << command << " --help' for usage.\n";
    return 64;
  }
  return collect(args);
}

} // namespace weft::cli
