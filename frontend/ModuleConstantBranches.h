//===- ModuleConstantBranches.h - Branches constants decide -----*- C++ -*-===//
//
// Numba's dead-branch pruning of conditions on global constants: with
// `ilwcice = 3` at the module's level, `if ilwcice == 1:` in a function is
// false, and its branch is dropped before type checking, so code there
// need not type (it may read a global Numba could not type either).
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_MODULECONSTANTBRANCHES_H
#define WEFT_FRONTEND_MODULECONSTANTBRANCHES_H

#include "frontend/AST.h"

namespace weft {

/// In every function of `module`: each `if`/`elif` whose condition the
/// module's constants decide is replaced by the branch taken. A constant
/// is a name bound once at the module's level, to a number, bool, str
/// literal or None, and not bound in the function. Decided conditions:
/// such a name (its truth), `==`, `!=`, `<`, `<=`, `>`, `>=` between it
/// and a literal or another constant, `is`/`is not` and `==`/`!=` with
/// None on one side, and `not`, `and` and `or` of decided parts. A
/// constant bound to a str literal is that literal where a function reads
/// it (Numba freezes a global str), one bound to None is None, and its
/// binding leaves the module (a variable holds no None).
void pruneModuleConstantBranches(ModuleAST &module);

} // namespace weft

#endif // WEFT_FRONTEND_MODULECONSTANTBRANCHES_H
