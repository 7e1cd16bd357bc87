//===- Repl.cpp - weft repl: the interactive prompt -----------------------===//
//
// Implements runRepl (Repl.h).
//
//===----------------------------------------------------------------------===//
#include "tools/weft/Repl.h"

#include "frontend/Sema.h"
#include "runtime/CudaRuntime.h"
#include "runtime/JITRunner.h"
#include "runtime/Metrics.h"
#include "runtime/RuntimeABI.h"
#include "runtime/SessionStore.h"

#ifdef WEFT_HAVE_LIBEDIT
#include <editline/readline.h>
#endif

#include "llvm/Support/raw_ostream.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace weft {

namespace {

volatile sig_atomic_t gRunning = 0;     ///< an entry is running
volatile sig_atomic_t gInterrupted = 0; ///< Ctrl-C while reading input

void onInterrupt(int) {
  if (gRunning)
    session::requestInterrupt();
  else
    gInterrupted = 1;
}

const char *kHelp =
    R"(Enter Weft statements, expressions (their value is printed) and
function definitions; a line ending in ':' starts a block, which a blank
line ends. Variables and functions stay defined for later entries;
redefining a function replaces it (and its callers use the new one).

Commands:
  :type EXPR          the type of an expression
  :emit STAGE [NAME]  a stage (ast mlir cleaned gpu ptx lowered llvm asm
                      report) of function NAME as last called, or of the
                      last entry
  :metrics            compile stages and run time of the last entry
  :threads N          threads for parallel loops
  :target cpu|gpu     where parallel loops run
  :load FILE          run a file's statements and keep its definitions
  :reset              forget every variable and function
  :help               this text
  :quit               leave (also Ctrl-D)
Ctrl-C interrupts a running entry or discards the line being typed.
)";

const char *const kCommands[] = {":type",    ":emit",   ":metrics",
                                 ":threads", ":target", ":load",
                                 ":reset",   ":help",   ":quit"};

/// Whether `text` so far needs more lines: an open bracket, or a block
/// (a line ending in ':') not yet closed by a blank line.
bool needsMore(const std::string &text, bool lastLineBlank) {
  int depth = 0;
  char quote = 0;
  bool block = false;
  std::string lastLine;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::string code;
    for (size_t i = 0; i < line.size(); ++i) {
      char ch = line[i];
      if (quote) {
        if (ch == '\\')
          ++i;
        else if (ch == quote)
          quote = 0;
        continue;
      }
      if (ch == '#')
        break;
      if (ch == '"' || ch == '\'')
        quote = ch;
      else if (ch == '(' || ch == '[' || ch == '{')
        ++depth;
      else if (ch == ')' || ch == ']' || ch == '}')
        --depth;
      code += ch;
    }
    size_t end = code.find_last_not_of(" \t\r");
    if (end != std::string::npos && code[end] == ':')
      block = true;
  }
  if (depth > 0)
    return true;
  return block && !lastLineBlank;
}

class LineReader {
public:
  explicit LineReader(bool interactive) : interactive_(interactive) {
#ifdef WEFT_HAVE_LIBEDIT
    if (interactive_) {
      if (const char *home = std::getenv("HOME"))
        historyPath_ = std::string(home) + "/.weft_history";
      if (!historyPath_.empty())
        read_history(historyPath_.c_str());
      rl_attempted_completion_function = complete;
    }
#endif
  }
  ~LineReader() {
#ifdef WEFT_HAVE_LIBEDIT
    if (interactive_ && !historyPath_.empty())
      write_history(historyPath_.c_str());
#endif
  }

  /// False at end of input. `line` is empty and `interrupted` true after
  /// Ctrl-C.
  bool read(const char *prompt, std::string &line, bool &interrupted) {
    interrupted = false;
    gInterrupted = 0;
#ifdef WEFT_HAVE_LIBEDIT
    if (interactive_) {
      char *raw = readline(prompt);
      if (gInterrupted) {
        std::free(raw);
        interrupted = true;
        line.clear();
        return true;
      }
      if (!raw)
        return false;
      line = raw;
      std::free(raw);
      if (!line.empty())
        add_history(line.c_str());
      return true;
    }
#endif
    if (interactive_) {
      std::cout << prompt << std::flush;
    }
    if (!std::getline(std::cin, line)) {
      if (gInterrupted) {
        std::cin.clear();
        interrupted = true;
        line.clear();
        return true;
      }
      return false;
    }
    return true;
  }

  static ReplSession *session;

private:
#ifdef WEFT_HAVE_LIBEDIT
  static char *candidate(const char *text, int state) {
    static std::vector<std::string> all;
    static size_t next;
    if (state == 0) {
      all.clear();
      next = 0;
      if (text[0] == ':') {
        for (const char *c : kCommands)
          all.push_back(c);
      } else {
        all = builtinNames();
        if (session)
          for (const std::string &n : session->names())
            all.push_back(n);
      }
    }
    size_t len = std::strlen(text);
    while (next < all.size()) {
      const std::string &c = all[next++];
      if (c.compare(0, len, text) == 0)
        return strdup(c.c_str());
    }
    return nullptr;
  }
  static char **complete(const char *text, int, int) {
    return rl_completion_matches(text, candidate);
  }
  std::string historyPath_;
#endif
  bool interactive_;
};

ReplSession *LineReader::session = nullptr;

std::string trim(const std::string &s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos)
    return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

/// Runs one entry with Ctrl-C armed; prints its error, if any.
/// Whether an entry or a command failed (the exit status of a session
/// read from a pipe).
bool gFailed = false;

void runEntry(ReplSession &session, const std::string &text) {
  std::string error;
  gRunning = 1;
  bool ok = session.run(text, error);
  gRunning = 0;
  if (!ok) {
    gFailed = true;
    std::cerr << error << std::flush;
  }
}

/// A `:` command; false for :quit.
bool runCommand(ReplSession &session, const std::string &line) {
  std::istringstream in(line);
  std::string cmd;
  in >> cmd;
  std::string rest;
  std::getline(in, rest);
  rest = trim(rest);
  std::string error;
  if (cmd == ":quit" || cmd == ":q" || cmd == ":exit")
    return false;
  if (cmd == ":help") {
    std::cout << kHelp;
  } else if (cmd == ":type") {
    std::string type;
    if (rest.empty())
      std::cerr << "weft: error: :type takes an expression, e.g. :type a * 2\n";
    else if (session.typeOf(rest, type, error))
      std::cout << type << "\n";
    else
      std::cerr << error;
  } else if (cmd == ":emit") {
    std::istringstream args(rest);
    std::string stage, name;
    args >> stage >> name;
    static const char *const stages[] = {"ast",  "mlir", "cleaned",
                                         "gpu",  "ptx",  "lowered",
                                         "llvm", "asm",  "report"};
    bool known = false;
    for (const char *s : stages)
      known |= stage == s;
    if (!known)
      std::cerr << "weft: error: :emit takes a stage (ast, mlir, cleaned, "
                   "gpu, ptx, lowered, llvm, asm, report) and a function "
                   "name\n";
    else if (!session.emit(stage, name, error))
      std::cerr << error;
    llvm::outs().flush();
    std::cout << std::flush;
  } else if (cmd == ":metrics") {
    if (session.hasMetrics())
      std::cerr << metrics::formatTable(session.lastMetrics());
    else
      std::cerr << "no entry has run yet\n";
  } else if (cmd == ":threads") {
    int n = 0;
    std::string error;
    if (!parseThreadCount(rest, ":threads", n, error) ||
        !setThreadCount(n, error))
      std::cerr << "weft: error: " << error << "\n";
  } else if (cmd == ":target") {
    std::optional<Target> target = parseTarget(rest);
    if (!target || *target == Target::Auto) {
      std::cerr << "weft: error: :target is cpu or gpu\n";
    } else if (*target == Target::GPU &&
               session.options().target != Target::GPU) {
      std::string why, arch;
      bool arrays = false;
      for (const auto &[name, type] : session.variables())
        arrays |= type.isArray();
      if (!gpu::available(why, &arch)) {
        std::cerr << "weft: error: :target gpu: " << why << "\n";
      } else if (arrays) {
        std::cerr << "weft: error: :target gpu: the session holds arrays "
                     "made in host memory; :reset first\n";
      } else {
        gpu::setManagedMemory(true);
        session.options().target = Target::GPU;
        session.options().gpuArch = arch;
      }
    } else {
      session.options().target = *target;
    }
  } else if (cmd == ":load") {
    std::ifstream file(rest);
    if (rest.empty() || !file) {
      std::cerr << "weft: error: cannot read '" << rest << "'\n";
    } else {
      std::stringstream text;
      text << file.rdbuf();
      runEntry(session, text.str());
    }
  } else if (cmd == ":reset") {
    session.reset();
  } else {
    gFailed = true;
    std::cerr << "weft: error: unknown command '" << cmd
              << "'; :help lists the commands\n";
  }
  return true;
}

} // namespace

int runRepl(const ReplOptions &options, int threads) {
  bool interactive = isatty(0) && isatty(1);
  if (std::string error; !setThreadCount(threads, error)) {
    std::cerr << "weft: error: " << error << "\n";
    return 64;
  }
  ReplSession session(options);
  LineReader::session = &session;
  struct sigaction sa;
  std::memset(&sa, 0, sizeof sa);
  sa.sa_handler = onInterrupt;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr); // no SA_RESTART: reads return
  LineReader reader(interactive);
  if (interactive)
    std::cout << "Weft " << WEFT_VERSION
              << " interactive; :help for help, Ctrl-D to leave\n";
  std::string entry;
  bool blank = false;
  while (true) {
    std::string line;
    bool interrupted = false;
    if (!reader.read(entry.empty() ? ">>> " : "... ", line, interrupted)) {
      if (!entry.empty())
        runEntry(session, entry);
      break;
    }
    if (interrupted) {
      std::cout << "\nKeyboardInterrupt\n";
      entry.clear();
      continue;
    }
    if (entry.empty()) {
      std::string t = trim(line);
      if (t.empty())
        continue;
      if (t[0] == ':') {
        if (!runCommand(session, t))
          break;
        continue;
      }
    }
    blank = trim(line).empty();
    entry += line + "\n";
    if (needsMore(entry, blank))
      continue;
    runEntry(session, entry);
    entry.clear();
  }
  if (interactive)
    std::cout << "\n";
  // From a pipe, as a script: 1 when an entry or command failed (the
  // session went on after it).
  return !interactive && gFailed ? 1 : 0;
}

} // namespace weft
