//===- LiftNestedFunctions.h - inner functions as top-level ones -*- C++
//-*-===//
//
// A function defined in a function's body (`def inner(v): return v * k`)
// becomes a top-level function `outer__inner` that takes the outer
// variables it reads as leading parameters, and each call of it in the
// outer body passes them: Python's closure, read when called.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_LIFTNESTEDFUNCTIONS_H
#define WEFT_FRONTEND_LIFTNESTEDFUNCTIONS_H

#include "frontend/AST.h"

namespace weft {

/// Lifts the functions defined directly in the body of each top-level
/// function of `module` (not in its branches or loops, and one level
/// deep); any other nested definition is left for the type checker to
/// refuse.
void liftNestedFunctions(ModuleAST &module);

} // namespace weft

#endif // WEFT_FRONTEND_LIFTNESTEDFUNCTIONS_H
