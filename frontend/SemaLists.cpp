//===- SemaLists.cpp - Typing of a Python list's methods ------------------===//
//
// The calls desugarListMethods writes for lst.append(x), lst.extend(m) and
// lst.pop() (weft.list_append, weft.list_extend, weft.list_last,
// weft.list_drop), the empty list `[]` they give a type (what is appended
// decides the list's element type, as Numba infers it), and `x in c`.
//
//===----------------------------------------------------------------------===//
#include "frontend/SemaImpl.h"

#include "frontend/VersionRebindings.h"

namespace weft {
namespace sema {

Type Analyzer::checkListMethod(const CallExpr *c, Builtin b,
                               const std::vector<Type> &args,
                               const std::vector<const Expr *> &argExprs) {
  const Type &lst = args[0];
  std::string name = withoutVersionSuffixes(
      argExprs[0]->dyn<NameExpr>() ? argExprs[0]->dyn<NameExpr>()->name
                                   : "the list");
  // The list itself may still be unknown (`lst = []` before anything is
  // appended): what is added types it.
  if (lst.isKnown() && !lst.isList()) {
    diags_.error(argExprs[0]->range,
                 "'" + name + "' is a " + lst.str() +
                     ", not a list: append, extend and pop change a list "
                     "made with [] or [x, ...] (an array's size is fixed)");
    return Type::unknown();
  }
  if (b == Builtin::ListLast || b == Builtin::ListDrop) {
    if (!lst.isKnown())
      return Type::unknown();
    return b == Builtin::ListLast ? lst.elementType() : lst;
  }
  const Type &x = args[1];
  if (!x.isKnown())
    return Type::unknown();
  ScalarKind added;
  if (b == Builtin::ListAppend) {
    if (!x.isScalar()) {
      diags_.error(argExprs[1]->range,
                   "a list holds numbers or bools, not " + x.str() +
                       " (lists of tuples and of lists are not supported "
                       "yet)");
      return Type::unknown();
    }
    added = x.scalarKind();
  } else {
    if (!x.isArray() || x.rank() != 1) {
      diags_.error(argExprs[1]->range,
                   "extend() takes a list or a 1-D array, not " + x.str());
      return Type::unknown();
    }
    added = computeKind(x.scalarKind());
  }
  // A float appended to a list of ints makes a list of floats (the
  // elements already in it are converted), as Python's list holds both.
  return Type::list(lst.isKnown() ? promote(lst.scalarKind(), added) : added);
}

Type Analyzer::checkMembership(const CompareExpr *c) {
  Type x = checkExpr(c->operands[0].get());
  Type in = checkExpr(c->operands[1].get());
  if (!x.isKnown() || !in.isKnown())
    return Type::unknown();
  if (!x.isScalar()) {
    diags_.error(c->operands[0]->range,
                 "'in' tests a number or a bool, not " + x.str());
    return Type::unknown();
  }
  // Python's `in` of a tuple or list, NumPy's of an array (any element
  // equal, as (a == x).any()).
  bool numbers = in.isTuple();
  for (const Type &e : in.elems())
    numbers &= e.isScalar();
  if (!numbers && !in.isArray()) {
    diags_.error(c->operands[1]->range,
                 "'in' looks in a tuple of numbers, a list or an array, not " +
                     in.str());
    return Type::unknown();
  }
  return Type::boolean();
}

Type Analyzer::checkEmptyList(const ListExpr *l) {
  if (fn_->options.pythonLists && emptyListTarget_ &&
      emptyListTarget_->isList())
    return *emptyListTarget_;
  diags_.error(l->range,
               fn_->options.pythonLists
                   ? "cannot tell what this empty list holds; append a "
                     "number to it in this function, or start it with "
                     "np.empty(0, dtype)"
                   : "an empty list has no element type; use zeros(0) or "
                     "empty(0)");
  return Type::unknown();
}

} // namespace sema
} // namespace weft
