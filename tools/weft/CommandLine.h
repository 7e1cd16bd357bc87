//===- CommandLine.h - weft's command-line conventions --------------------===//
//
// The commands, their help texts, "did you mean" suggestions for
// commands, and the shell completion and manual page written from the
// commands and the options they take (Options.h, where llvm::cl parses
// the command line).
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_TOOLS_WEFT_COMMANDLINE_H
#define WEFT_TOOLS_WEFT_COMMANDLINE_H

#include <optional>
#include <string>
#include <vector>

namespace weft::cli {

/// run, check, emit, bench, repl, help.
const std::vector<std::string> &commands();
/// The help of one command ("weft run --help", "weft help run"); nullopt
/// for an unknown command.
std::optional<std::string> commandHelp(const std::string &command);
/// The closest of `known` to `word` when it is close enough to be a typo
/// ("--fastmaht" -> "--fastmath"), else empty.
std::string suggest(const std::string &word,
                    const std::vector<std::string> &known);
/// A completion script for `shell` ("bash" or "zsh") made from the
/// commands and options above; empty for another shell.
std::string completionScript(const std::string &shell);
/// The manual page weft(1) in troff (man) format: `overview` (weft
/// --help's text) and every command's help, from the same tables.
std::string manPage(const std::string &overview, const std::string &version);
} // namespace weft::cli

#endif // WEFT_TOOLS_WEFT_COMMANDLINE_H
