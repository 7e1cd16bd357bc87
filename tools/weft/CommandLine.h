//===- CommandLine.h - weft's command-line conventions --------------------===//
//
// What the option parser of weft.cpp shares with the help: the commands
// and their options, per-command help text, "did you mean" suggestions,
// and the normalisation that lets every option with a value be written
// --opt=value or --opt value.
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
/// `args` with --opt value joined to --opt=value for the options that take
/// a value, and --opt=value split for those parsed as two words (the
/// bench options), up to a "--".
std::vector<std::string> normalize(const std::vector<std::string> &args);
/// The closest of `known` to `word` when it is close enough to be a typo
/// ("--fastmaht" -> "--fastmath"), else empty.
std::string suggest(const std::string &word,
                    const std::vector<std::string> &known);
/// Every option of every command, for suggestions.
const std::vector<std::string> &options();
/// The options `command` takes (for completion).
std::vector<std::string> commandOptions(const std::string &command);
/// A completion script for `shell` ("bash" or "zsh") made from the
/// commands and options above; empty for another shell.
std::string completionScript(const std::string &shell);
/// The manual page weft(1) in troff (man) format: `overview` (weft
/// --help's text) and every command's help, from the same tables.
std::string manPage(const std::string &overview, const std::string &version);
/// "'--plot' is an option of 'weft bench'" when `option` belongs to
/// another command than `command`; empty otherwise.
std::string optionOfOtherCommand(const std::string &option,
                                 const std::string &command);

} // namespace weft::cli

#endif // WEFT_TOOLS_WEFT_COMMANDLINE_H
