//===- InlineGenerators.h - Generators inlined into their loops -*- C++ -*-===//
//
// A generator function (a def with `yield`) consumed by a for loop runs
// as the loop: its body, with its own names, is put in place of the loop,
// and each `yield v` binds the loop's names to v and runs the loop's body.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_INLINEGENERATORS_H
#define WEFT_FRONTEND_INLINEGENERATORS_H

#include "frontend/AST.h"
#include "frontend/Diagnostics.h"

namespace weft {

/// Replaces each `for target in gen(args):` of `module`, where gen is one
/// of its generator functions, by gen's body run once (inside a one-pass
/// loop), with its parameters bound to the arguments and its names made
/// its own; `yield v` becomes `target = v` and the loop's body (run inside
/// a one-pass loop, so `continue` goes on after the yield), and a `break`
/// of the loop's body or a `return` of the generator ends it all. The
/// generator functions are then removed; any other use of one (called
/// outside a for loop's header, `yield` as a value, `yield from`, a
/// generator that iterates itself) is an error.
void inlineGenerators(ModuleAST &module, DiagnosticEngine &diags);

} // namespace weft

#endif // WEFT_FRONTEND_INLINEGENERATORS_H
