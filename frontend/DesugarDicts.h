//===- DesugarDicts.h - Dicts and sets as lists and a hash table -*- C++
//-*-===//
//
// Python's dicts and sets of numbers, local to the function that makes
// them, as Weft code: a dict `d` is the list of its keys `d.keys`, the
// list of its values `d.values` (in insertion order, as Python's) and an
// open-addressing table `d.table` of positions in them (-1 where empty);
// a set is a dict without values. Each use of `d` becomes statements and
// calls of the library's __dict_* functions before type checking:
//
//   d = {} / dict() / {k: v, ...} / Dict.empty(...)   s = set() / {x, ...}
//   d[k] = v, d[k] += v, x = d[k], d.get(k, default), k in d, len(d)
//   s.add(x), s.discard(x), s.remove(x), d.pop(k[, default]), del d[k]
//   for k in d / d.keys() / d.values() / d.items(), d.clear()
//
// A dict (or set) passed by its name to another of the program's
// functions goes as its parts, which a function that changes it hands
// back (returnGrownListParameters); one is never returned, and a bare
// name `d` stands for its keys only where Python iterates it or tests it
// (len, sorted, list, sum, min, max, conditions).
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_DESUGARDICTS_H
#define WEFT_FRONTEND_DESUGARDICTS_H

#include "frontend/AST.h"
#include "frontend/Diagnostics.h"

namespace weft {

/// Whether `name` is one of the variables a dict or set is held in
/// (`d.keys`, `d.values`, `d.table`).
bool isDictPart(const std::string &name);

/// Rewrites every dict and set of `module`'s functions and script body;
/// reports the uses it cannot rewrite to `diags`.
void desugarDicts(ModuleAST &module, DiagnosticEngine &diags);

} // namespace weft

#endif // WEFT_FRONTEND_DESUGARDICTS_H
