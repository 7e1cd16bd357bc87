//===- ParserUfuncs.h - NumPy's operator ufuncs and out= arguments -*- C++
//-*-===//
//
// What the parser rewrites as it builds calls and statements: np.add(x, y)
// as x + y (and the other arithmetic, comparison, bitwise and sign ufuncs),
// an elementwise function given its output array as a statement, and
// a.fill(v).
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_PARSERUFUNCS_H
#define WEFT_FRONTEND_PARSERUFUNCS_H

#include "frontend/AST.h"

#include <string>

namespace weft::parser {

/// Whether np.NAME is a ufunc that is an operator (add, subtract, multiply,
/// divide, true_divide, floor_divide, mod, remainder, power, the bitwise
/// ones and shifts, the six comparisons, negative, positive, invert).
bool isUfuncOperator(const std::string &name);

/// `c` (a call of np.NAME) as its operator expression when it is one of
/// those ufuncs with its inputs only; null otherwise (c is left as it is).
ExprPtr ufuncAsOperator(CallExpr &c);

/// For a statement `e`: when `e` calls an elementwise function (one of
/// those ufuncs, a math function, logical_*, minimum, maximum, ...) with
/// its output array as a last positional argument or out=, the assignment
/// `out[:] = f(inputs)` (NumPy writes the result into out); null otherwise
/// (e is left as it is).
StmtPtr ufuncWithOut(ExprPtr &e);

/// For an assigned or returned value `root`: the first call in it (np.round(x,
/// d, out), or an elementwise function as above) that writes a named output
/// array, taken out as the statement `out[:] = f(inputs)` and replaced by
/// `out` (what NumPy returns); null when it has none.
StmtPtr hoistOutArgument(ExprPtr &root);

/// For a statement `e`: `a.fill(v)` as `a[:] = v` (NumPy's fill of the
/// whole array); null otherwise (e is left as it is).
StmtPtr fillAsStore(ExprPtr &e);

} // namespace weft::parser

#endif // WEFT_FRONTEND_PARSERUFUNCS_H
