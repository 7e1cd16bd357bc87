//===- DesugarComprehensions.h - Comprehensions as loops --------*- C++ -*-===//
//
// The comprehensions the type checker has no node for (several `for`s or
// `if`s, tuple targets, enumerate/zip/items, dict and set comprehensions)
// become the loops Python runs, before type checking.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_DESUGARCOMPREHENSIONS_H
#define WEFT_FRONTEND_DESUGARCOMPREHENSIONS_H

#include "frontend/AST.h"
#include "frontend/Diagnostics.h"

namespace weft {

/// Rewrites each call of weft.list_comprehension, weft.set_comprehension
/// or weft.dict_comprehension (what the parser makes of those
/// comprehensions) into a new variable built before its statement:
/// `v = []` (`{}`, `set()`), then the comprehension's `for`s and `if`s
/// nested as statements around `v.append(e)` (`v[k] = x`, `v.add(e)`).
/// Python lists exist in functions with `@jit(python_lists=True)` only;
/// a list comprehension elsewhere, or one in a `while` condition, is an
/// error.
void desugarComprehensions(ModuleAST &module, DiagnosticEngine &diags);

} // namespace weft

#endif // WEFT_FRONTEND_DESUGARCOMPREHENSIONS_H
