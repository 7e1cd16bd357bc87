//===- FunctionNames.h - Names that stand for functions ---------*- C++ -*-===//
//
// Python's rules for a module's function names that Weft's function table
// does not follow by itself: a module-level alias (`c2 = stumpff_c2`)
// calls the function it names, and a function's variable with the name of
// a function (`slope = ...` inside `def slope`) is a local variable that
// hides the function in that body.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_FUNCTIONNAMES_H
#define WEFT_FRONTEND_FUNCTIONNAMES_H

#include "frontend/AST.h"

namespace weft {

/// Replaces each module-level `alias = function` by the function's name
/// where the alias is read, and renames the variables of each function
/// that hide a function (their every use in that body).
void resolveFunctionNames(ModuleAST &module);

} // namespace weft

#endif // WEFT_FRONTEND_FUNCTIONNAMES_H
