//===- Parser.h - Recursive-descent parser for Weft ------------*- C++ -*-===//
//
// Turns a source file into an AST (frontend/AST.h). Syntax errors are
// reported to the DiagnosticEngine; the parser recovers at the next line so
// several errors are reported in one run.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_PARSER_H
#define WEFT_FRONTEND_PARSER_H

#include "frontend/AST.h"
#include "frontend/Diagnostics.h"

#include <memory>

namespace weft {

/// Parses `file`; returns the module (possibly partial). Check
/// `diags.hasErrors()` before using it.
std::unique_ptr<ModuleAST> parseModule(const SourceFile &file,
                                       DiagnosticEngine &diags);

} // namespace weft

#endif // WEFT_FRONTEND_PARSER_H
