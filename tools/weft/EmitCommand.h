//===- EmitCommand.h - weft emit: one stage of a compilation ----*- C++ -*-===//
//
// Prints a compilation's AST, MLIR (before and after each pipeline), PTX,
// LLVM IR, assembly or loop report; shared by `weft emit` and the REPL's
// `:emit`.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_TOOLS_WEFT_EMITCOMMAND_H
#define WEFT_TOOLS_WEFT_EMITCOMMAND_H

#include <string>

namespace weft {

class Compilation;

/// Prints `stage` of `c` to stdout (diagnostics to stderr); the exit
/// status weft emit returns.
int runEmit(Compilation &c, const std::string &stage);

} // namespace weft

#endif // WEFT_TOOLS_WEFT_EMITCOMMAND_H
