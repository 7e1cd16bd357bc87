//===- DesugarListMethods.h - List methods as assignments -----*- C++ -*-===//
//
// A Python list's append, extend and pop change the list in place; Weft
// holds a list as an array value, so each becomes an assignment of the
// list variable before type checking, and the programs whose meaning that
// would change (a second name for the list) are refused.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_DESUGARLISTMETHODS_H
#define WEFT_FRONTEND_DESUGARLISTMETHODS_H

#include "frontend/AST.h"
#include "frontend/Diagnostics.h"

namespace weft {

/// Rewrites the statements
///   lst.append(x)     ->  lst = weft.list_append(lst, x)
///   lst.extend(m)     ->  lst = weft.list_extend(lst, m)
///   lst.insert(i, x)  ->  lst = weft.list_insert(lst, i, x)
///   lst.remove(x)     ->  lst = weft.list_remove(lst, x)
///   lst.clear()       ->  lst = weft.list_clear(lst)
///   lst.reverse()     ->  lst = weft.list_reverse(lst)  (in place)
///   lst.sort(reverse=True)  ->  lst.sort(); lst = weft.list_reverse(lst)
///   lst.pop()         ->  lst = weft.list_drop(lst)
///   t = lst.pop()     ->  t = weft.list_last(lst); lst = weft.list_drop(lst)
///   t = lst.pop(i)    ->  t = weft.list_at(lst, i);
///                         lst = weft.list_pop_at(lst, i)
/// where `lst` is a variable (pop(-1) is pop(); a pop inside an
/// expression is hoisted before its statement). In each function (and
/// the script body) it reports, to `diags`, what would make a grown list
/// differ from Python's: changing a parameter (the caller's list), a
/// second name bound to a grown list (`b = lst`, `lst = b`, a tuple of
/// them), and growing a list inside a `for` loop over it.
void desugarListMethods(ModuleAST &module, DiagnosticEngine &diags);

} // namespace weft

#endif // WEFT_FRONTEND_DESUGARLISTMETHODS_H
