//===- DesugarHeapq.h - Python's heapq as list statements -------*- C++ -*-===//
//
// heapq.heappush, heappop, heapify, heapreplace and heappushpop on a list
// variable become the list's append and pop and the library's sift
// functions (HeapqLibrary.cpp), as CPython's heapq runs them.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_DESUGARHEAPQ_H
#define WEFT_FRONTEND_DESUGARHEAPQ_H

#include "frontend/AST.h"
#include "frontend/Diagnostics.h"

namespace weft {

/// The parser's name for heapq's `name` (`weft.heapq.heappush`).
std::string heapqFunctionName(const std::string &name);

/// Rewrites the heapq calls of `module` (see the file comment); a call
/// whose value is used inside an expression runs first, into a variable
/// of its own (not in a while condition or a branch that runs only
/// sometimes: an error there).
void desugarHeapq(ModuleAST &module, DiagnosticEngine &diags);

} // namespace weft

#endif // WEFT_FRONTEND_DESUGARHEAPQ_H
