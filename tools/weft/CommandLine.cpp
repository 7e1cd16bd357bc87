//===- CommandLine.cpp - weft's command-line conventions ------------------===//
//
// See CommandLine.h.
//
//===----------------------------------------------------------------------===//
#include "tools/weft/CommandLine.h"
#include "tools/weft/Options.h"

#include "llvm/ADT/StringRef.h"

#include <algorithm>

namespace weft::cli {

namespace {

const char *kRunOptions =
    R"(  -O0 -O1 -O2 -O3   LLVM optimisation level (default -O3)
  --boundscheck     check every array index (as @jit(boundscheck=True))
  --fastmath        every function as @jit(fastmath=True), and math
                    functions vectorized with glibc's libmvec
  --threads N       threads for parallel loops, 1 to 4096 (default:
                    WEFT_NUM_THREADS, else all cores)
  --target=T        cpu (default), gpu or auto (the GPU when one is present)
  --gpu-arch=sm_XX  GPU architecture for PTX (default: the present
                    device's, else sm_80)
  --no-cache        neither read nor write the on-disk code cache
  --color=WHEN      colour diagnostics: auto (default), always or never
)";

const char *kRunOnly =
    R"(  --report=PATH     write the loop report (see weft help emit) to PATH
  --metrics         after the run, compile-stage times and per-entry call
                    times on stderr; --metrics=json:PATH writes them as JSON
  --max-memory=SIZE at most SIZE bytes of live arrays (K, M, G suffixes)
)";

const char *kFooter = R"(
Options that take a value may be written --opt=value or --opt value. FILE
may be '-' for the program on standard input. Environment variables:
docs/environment.md.
)";

std::string help(const std::string &command) {
  if (command == "run")
    return std::string("Usage: weft run [options] FILE [-- ARGS...]\n\n"
                       "Compiles FILE and runs it; ARGS are the program's "
                       "arguments (argv(i)).\n\nOptions:\n") +
           kRunOptions + kRunOnly + kFooter;
  if (command == "check")
    return std::string("Usage: weft check [options] FILE\n\n"
                       "Parses and type-checks FILE and reports its errors "
                       "and warnings; runs nothing.\n\nOptions:\n"
                       "  --color=WHEN      colour diagnostics: auto "
                       "(default), always or never\n") +
           kFooter;
  if (command == "emit")
    return std::string(
               "Usage: weft emit --stage=STAGE [options] FILE\n\n"
               "Prints one stage of the compiler:\n"
               "  ast       the parsed syntax tree\n"
               "  mlir      high-level MLIR from MLIRGen\n"
               "  cleaned   MLIR after weft-cleanup\n"
               "  lowered   MLIR after the CPU pipeline (LLVM dialect)\n"
               "  llvm      LLVM IR after optimisation for the host CPU\n"
               "  asm       host assembly\n"
               "  report    what became of each loop, and why\n"
               "  gpu       MLIR after GPU kernel outlining\n"
               "  ptx       the PTX of every GPU kernel module\n\n"
               "Options:\n") +
           kRunOptions + kFooter;
  if (command == "bench")
    return std::string(
               "Usage: weft bench [options] FILE [-- ARGS...]\n\n"
               "Times FILE on several thread counts: speedup, efficiency, "
               "Karp-Flatt,\nand the Amdahl (or Gustafson) fit when the "
               "data support it (docs/metrics.md).\n\nOptions:\n"
               "  --threads LIST    thread counts, e.g. 1,2,4 (default: 1 "
               "to all cores)\n"
               "  --repeat K        timed runs per thread count after a "
               "warm-up (default 5)\n"
               "  --weak            weak scaling: the first program argument "
               "grows with N\n"
               "  --plot PATH.svg   draw speedup (with error bars) and "
               "efficiency\n"
               "  --func NAME --args A,B  time NAME(A, B) instead of the top "
               "level\n"
               "  --show-output     keep the program's output\n"
               "  --json | --csv    the results as JSON or CSV on stdout\n"
               "  -O0..-O3, --fastmath, --boundscheck, --no-cache, "
               "--color=WHEN as for run\n") +
           kFooter;
  if (command == "repl")
    return std::string("Usage: weft repl [options]\n\n"
                       "The interactive prompt (also `weft` alone on a "
                       "terminal): entries are compiled\nand run as typed; "
                       ":help at the prompt lists its commands "
                       "(docs/repl.md).\n\nOptions:\n"
                       "  -O0..-O3, --threads N, --fastmath, --target=T "
                       "as for run\n") +
           kFooter;
  if (command == "help")
    return "Usage: weft help [COMMAND]\n\nThe help of COMMAND (run, check, "
           "emit, bench, repl), or of weft.\n";
  if (command == "completion")
    return "Usage: weft completion bash|zsh\n\nPrints the shell completion "
           "script (cmake --install puts both in place).\n";
  return "";
}

} // namespace

const std::vector<std::string> &commands() {
  static const std::vector<std::string> all = {
      "run", "check", "emit", "bench", "repl", "help", "completion"};
  return all;
}

std::optional<std::string> commandHelp(const std::string &command) {
  std::string text = help(command);
  if (text.empty())
    return std::nullopt;
  return text;
}

std::string suggest(const std::string &word,
                    const std::vector<std::string> &known) {
  llvm::StringRef w(word);
  w = w.split('=').first;
  std::string best;
  unsigned bestDistance = ~0u;
  for (const std::string &k : known) {
    unsigned d = w.edit_distance(k, /*AllowReplacements=*/true, bestDistance);
    if (d < bestDistance) {
      bestDistance = d;
      best = k;
    }
  }
  unsigned limit = std::max<unsigned>(2, w.size() / 4);
  return bestDistance <= limit && bestDistance > 0 ? best : "";
}

std::string completionScript(const std::string &shell) {
  if (shell != "bash" && shell != "zsh")
    return "";
  auto join = [](const std::vector<std::string> &words) {
    std::string out;
    for (const std::string &w : words)
      out += (out.empty() ? "" : " ") + w;
    return out;
  };
  std::string s = shell == "zsh" ? "#compdef weft\n"
                                   "autoload -U +X bashcompinit && "
                                   "bashcompinit\n"
                                 : "";
  s += "# " + shell + " completion for weft (written by `weft completion " +
       shell +
       "`)\n"
       "_weft() {\n"
       "  local cur=\"${COMP_WORDS[COMP_CWORD]}\"\n"
       "  local prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
       "  local cmd=\"${COMP_WORDS[1]}\"\n"
       "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
       "    COMPREPLY=( $(compgen -W \"" +
       join(commands()) +
       " --help --version\" -- \"$cur\") )\n"
       "    return\n"
       "  fi\n"
       "  case \"$prev\" in\n"
       "    --stage) COMPREPLY=( $(compgen -W \"ast mlir cleaned lowered llvm "
       "asm report gpu ptx\" -- \"$cur\") ); return ;;\n"
       "    --target) COMPREPLY=( $(compgen -W \"cpu gpu auto\" -- \"$cur\") "
       "); return ;;\n"
       "    --color) COMPREPLY=( $(compgen -W \"auto always never\" -- "
       "\"$cur\") ); return ;;\n"
       "  esac\n"
       "  local opts=\"\"\n"
       "  case \"$cmd\" in\n";
  for (const std::string &c : commands())
    s += "    " + c + ") opts=\"" + join(commandOptions(c)) + "\" ;;\n";
  s += "  esac\n"
       "  if [ \"$cmd\" = help ]; then\n"
       "    COMPREPLY=( $(compgen -W \"" +
       join(commands()) +
       "\" -- \"$cur\") )\n"
       "  elif [[ \"$cur\" == -* ]]; then\n"
       "    COMPREPLY=( $(compgen -W \"$opts\" -- \"$cur\") )\n"
       "  else\n"
       "    COMPREPLY=( $(compgen -f -X '!*.weft' -- \"$cur\") "
       "$(compgen -d -- \"$cur\") )\n"
       "  fi\n"
       "}\n"
       "complete -o filenames -F _weft weft\n";
  return s;
}

namespace {
/// `text` as literal lines of a troff no-fill block.
std::string troffLiteral(const std::string &text) {
  std::string out = ".nf\n";
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    std::string line = text.substr(
        start, end == std::string::npos ? std::string::npos : end - start);
    std::string escaped;
    for (char ch : line)
      escaped += ch == '\\' ? std::string("\\e") : std::string(1, ch);
    if (!escaped.empty() && (escaped[0] == '.' || escaped[0] == '\''))
      escaped = "\\&" + escaped;
    out += escaped + "\n";
    if (end == std::string::npos)
      break;
    start = end + 1;
  }
  return out + ".fi\n";
}
} // namespace

std::string manPage(const std::string &overview, const std::string &version) {
  std::string s = ".TH WEFT 1 \"\" \"weft " + version +
                  "\" \"User Commands\"\n"
                  ".SH NAME\n"
                  "weft \\- a JIT compiler for a Python-flavoured array "
                  "language\n"
                  ".SH SYNOPSIS\n" +
                  troffLiteral(overview) + ".SH COMMANDS\n";
  for (const std::string &c : commands()) {
    s += ".SS weft " + c + "\n";
    s += troffLiteral(help(c));
  }
  s += ".SH ENVIRONMENT\n"
       "WEFT_NUM_THREADS, WEFT_CACHE_DIR, WEFT_BLAS, WEFT_LLVM_ARGS, "
       "WEFT_TIME_CALLS, NO_COLOR and the others: docs/environment.md.\n"
       ".SH EXIT STATUS\n"
       "0 success, 1 an error in the program, 2 an internal compiler "
       "error, 64 bad usage.\n";
  return s;
}

} // namespace weft::cli
