//===- Repl.h - weft repl: the interactive prompt ----------------*- C++
//-*-===//
//
// Reads entries (with line editing, history and completion on a terminal;
// plain lines from a pipe), runs them in a ReplSession and handles the
// `:` commands.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_TOOLS_WEFT_REPL_H
#define WEFT_TOOLS_WEFT_REPL_H

#include "tools/weft/ReplSession.h"

namespace weft {

/// Runs the REPL until :quit or end of input; the exit status.
int runRepl(const ReplOptions &options, int threads);

} // namespace weft

#endif // WEFT_TOOLS_WEFT_REPL_H
