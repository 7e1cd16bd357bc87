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
  // (a list of strs: a list of arrays whose rows are strs)
  bool strs =
      lst.isStrList() || (b == Builtin::ListAppend && args[1].isString());
  for (size_t i = 1; i < args.size() && !strs; ++i)
    if (!refuseStrList(args[i], argExprs[i]->range))
      return Type::unknown();
  std::string name = withoutVersionSuffixes(
      argExprs[0]->dyn<NameExpr>() ? argExprs[0]->dyn<NameExpr>()->name
                                   : "the list");
  // The list itself may still be unknown (`lst = []` before anything is
  // appended): what is added types it.
  if (lst.isTupleList() ||
      (!lst.isKnown() && b == Builtin::ListAppend && args[1].isTuple()))
    return checkTupleListMethod(c, b, args, argExprs, name);
  // (a list of lists, or of arrays)
  if (lst.isRagged() || strs ||
      (b == Builtin::ListExtend && args[1].isRagged()) ||
      (!lst.isKnown() && b == Builtin::ListAppend && args[1].isArray() &&
       (args[1].rank() == 1 || args[1].listDepth() == 0)))
    return checkRaggedListMethod(c, b, args, argExprs);
  // `path = [step]; path.append(row)`: a display of lists that grows is
  // a list of lists of any lengths (the variable widens to one).
  // So is a display of 1-D arrays (`ys = [np.copy(y0)]; ys.append(y)`):
  // a list of arrays.
  if (fn_->options.pythonLists && lst.isArray() && lst.rank() == 2 &&
      (lst.listDepth() == 2 || lst.listDepth() == 1) && !lst.isString() &&
      !lst.isStructured() && !lst.elementType().isComplex()) {
    std::vector<Type> rows = args;
    rows[0] = lst.listDepth() == 2 ? Type::ragged(computeKind(lst.scalarKind()))
                                   : Type::raggedArrays(lst.scalarKind(), 1);
    return checkRaggedListMethod(c, b, rows, argExprs);
  }
  if (lst.isKnown() && !lst.isList()) {
    diags_.error(argExprs[0]->range,
                 "'" + name + "' is a " + lst.str() +
                     ", not a list: append, extend and pop change a list "
                     "made with [] or [x, ...] (an array's size is fixed)");
    return Type::unknown();
  }
  if (!lst.isKnown() && !builtinIn(b, {Builtin::ListAppend, Builtin::ListExtend,
                                       Builtin::ListInsert}))
    return Type::unknown();
  if (b == Builtin::ListLast || b == Builtin::ListDrop ||
      b == Builtin::ListClear || b == Builtin::ListReverse)
    return b == Builtin::ListLast ? lst.elementType() : lst;
  if (b == Builtin::ListAt || b == Builtin::ListPopAt ||
      b == Builtin::ListInsert) {
    // An index: pop(i), insert(i, x).
    if (args[1].isKnown() && !args[1].isInt() && !args[1].isBool()) {
      diags_.error(argExprs[1]->range,
                   "a list index is an integer, not " + args[1].str());
      return Type::unknown();
    }
    if (b == Builtin::ListAt)
      return lst.elementType();
    if (b == Builtin::ListPopAt)
      return lst;
  }
  if (b == Builtin::ListRemove) {
    if (args[1].isKnown() && !args[1].isScalar()) {
      diags_.error(argExprs[1]->range,
                   "remove() takes a number or a bool, not " + args[1].str());
      return Type::unknown();
    }
    return lst;
  }
  const Type &x = args.back();
  const Expr *xExpr = argExprs.back();
  if (!x.isKnown())
    return Type::unknown();
  ScalarKind added;
  if (b != Builtin::ListExtend) { // append(x), insert(i, x)
    if (!x.isScalar()) {
      diags_.error(xExpr->range,
                   "'" + name + "' is a " + lst.str() +
                       ", which holds "
                       "numbers or bools, not " +
                       x.str() +
                       (x.isTuple() ? "; a list of tuples holds only tuples"
                                    : " (lists of lists are not supported "
                                      "yet)"));
      return Type::unknown();
    }
    added = x.scalarKind();
  } else {
    if (!x.isArray() || x.rank() != 1) {
      diags_.error(xExpr->range,
                   "extend() takes a list or a 1-D array, not " + x.str());
      return Type::unknown();
    }
    added = computeKind(x.scalarKind());
  }
  // A float appended to a list of ints makes a list of floats (the
  // elements already in it are converted), as Python's list holds both.
  return Type::list(lst.isKnown() ? promote(lst.scalarKind(), added) : added);
}

Type Analyzer::checkTupleListMethod(const CallExpr *c, Builtin b,
                                    const std::vector<Type> &args,
                                    const std::vector<const Expr *> &argExprs,
                                    const std::string &name) {
  const Type &lst = args[0];
  bool flat = !lst.isKnown() || lst.listDepth() == 1;
  if (!flat ||
      !builtinIn(b, {Builtin::ListAppend, Builtin::ListLast, Builtin::ListDrop,
                     Builtin::ListClear, Builtin::ListReverse})) {
    diags_.error(c->range, "a list of tuples takes append(t), pop(), "
                           "clear(), reverse() and sort() so far; for other "
                           "changes build a new list with a comprehension");
    return Type::unknown();
  }
  if (b == Builtin::ListReverse && lst.tupleListHoldsArrays()) {
    diags_.error(c->range, "a list of tuples holding arrays takes append(t), "
                           "pop() and clear() so far");
    return Type::unknown();
  }
  if (b == Builtin::ListLast)
    return lst.tupleListElement();
  if (b != Builtin::ListAppend)
    return lst;
  // append((a, b)): the fields widen as a list of numbers does; a field
  // of arrays is a list of arrays (of one rank).
  const Type &x = args[1];
  if (!x.isKnown())
    return Type::unknown();
  bool ok = x.isTuple() && !x.elems().empty() &&
            (!lst.isKnown() || x.elems().size() == lst.elems().size());
  for (size_t k = 0; ok && k < x.elems().size(); ++k) {
    const Type &p = x.elems()[k];
    bool array = listableArray(p);
    ok = lst.isKnown()
             ? (lst.elems()[k].isStrList() ? p.isString()
                : lst.elems()[k].isRagged()
                    ? array && p.rank() == lst.elems()[k].raggedRowRank()
                    : p.isScalar())
             : p.isScalar() || array || p.isString();
  }
  if (!ok) {
    diags_.error(argExprs[1]->range,
                 "'" + name + "' is a " + lst.str() +
                     (lst.isKnown()
                          ? "; append a tuple of " +
                                std::to_string(lst.elems().size()) + " numbers"
                          : "") +
                     ", not " + x.str());
    return Type::unknown();
  }
  if (!checkAppendedArrays(c, argExprs[0], argExprs[1], x))
    return Type::unknown();
  std::vector<Type> fields;
  for (size_t k = 0; k < x.elems().size(); ++k) {
    const Type &p = x.elems()[k];
    ScalarKind added = p.scalarKind();
    if (p.isString()) {
      fields.push_back(Type::strList());
      continue;
    }
    if (p.isArray()) {
      ScalarKind had = lst.isKnown() ? lst.elems()[k].scalarKind() : added;
      fields.push_back(Type::raggedArrays(arrayRowsKind(had, added), p.rank()));
      continue;
    }
    fields.push_back(Type::list(
        lst.isKnown() ? promote(lst.elems()[k].scalarKind(), added) : added));
  }
  return Type::tupleList(std::move(fields));
}

Type Analyzer::checkListSearch(const CallExpr *c, Builtin b, const Type &lst) {
  const std::string name = b == Builtin::ListIndex ? "index" : "count";
  if (!lst.isList()) {
    diags_.error(
        c->callee->range,
        "'" + name + "' is a method of Python lists, not of " + lst.str() +
            " (for an array: " +
            (b == Builtin::ListIndex ? "argmax(a == x)" : "sum(a == x)") + ")");
    return Type::unknown();
  }
  if (!checkArity(c, name, c->args.size() + c->keywords.size(), 1, 1))
    return Type::unknown();
  Type x = checkExpr(c->args[0].get());
  if (x.isKnown() && !x.isScalar()) {
    diags_.error(c->args[0]->range,
                 name + "() takes a number or a bool, not " + x.str());
    return Type::unknown();
  }
  return x.isKnown() ? Type::i64() : Type::unknown();
}

Type Analyzer::checkMembership(const CompareExpr *c) {
  Type x = checkExpr(c->operands[0].get());
  Type in = checkExpr(c->operands[1].get());
  if (!x.isKnown() || !in.isKnown())
    return Type::unknown();
  if (std::optional<Type> t = stringMembership(c, x, in))
    return *t;
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

Type Analyzer::checkTupleListLiteral(const ListExpr *l) {
  // [(a, b), (c, d)]: tuples of numbers of one length; each field takes
  // the wider kind of its numbers.
  std::vector<Type> fields;
  for (const ExprPtr &x : l->elts) {
    Type t = checkExpr(x.get());
    if (!t.isKnown())
      return Type::unknown();
    bool ok =
        t.isTuple() && (fields.empty() ? !t.elems().empty()
                                       : t.elems().size() == fields.size());
    // (a field of strs: passivbot's [(0.0, 0.0, "")], as appended ones)
    for (size_t k = 0; ok && k < t.elems().size(); ++k) {
      const Type &p = t.elems()[k];
      bool str = fields.size() > k ? fields[k].isStrList() : p.isString();
      ok = str ? p.isString() : p.isScalar();
    }
    if (!ok) {
      diags_.error(x->range, "a list of tuples holds tuples of numbers (or "
                             "strs) of one length and layout, not " +
                                 t.str());
      return Type::unknown();
    }
    for (size_t k = 0; k < t.elems().size(); ++k)
      if (t.elems()[k].isString()) {
        if (fields.size() <= k)
          fields.push_back(Type::strList());
      } else if (fields.size() <= k)
        fields.push_back(Type::list(t.elems()[k].scalarKind()));
      else
        fields[k] = Type::list(
            promote(fields[k].scalarKind(), t.elems()[k].scalarKind()));
  }
  return Type::tupleList(std::move(fields));
}

Type Analyzer::checkNestedListLiteral(const ListExpr *l) {
  // [[1.0, 2.0], [3.0, 4.0]] or [a, b]: lists or arrays of one rank (their
  // lengths are checked when it runs), the numbers widened to one kind.
  Type first = checkExpr(l->elts.front().get());
  if (first.isString()) {
    // ["a", "bc"]: a list of strs.
    for (const ExprPtr &x : l->elts) {
      Type t = checkExpr(x.get());
      if (!t.isKnown())
        return Type::unknown();
      if (!t.isString()) {
        diags_.error(x->range, "a list holds values of one type, here strs, "
                               "not " +
                                   t.str());
        return Type::unknown();
      }
    }
    return Type::strList();
  }
  ScalarKind k = computeKind(first.scalarKind());
  for (const ExprPtr &x : l->elts) {
    Type t = checkExpr(x.get());
    if (!t.isKnown() || !refuseStrList(t, x->range))
      return Type::unknown();
    if (!t.isArray() || t.rank() != first.rank() ||
        t.elementType().isComplex() != first.elementType().isComplex()) {
      diags_.error(x->range, "a list of lists or arrays holds ones of one "
                             "rank and kind, here " +
                                 first.str() + ", not " + t.str());
      return Type::unknown();
    }
    k = promote(k, computeKind(t.scalarKind()));
  }
  if (first.rank() >= kMaxRank) {
    diags_.error(l->range, "this nests lists deeper than the " +
                               std::to_string(kMaxRank) + " axes an array has");
    return Type::unknown();
  }
  Type row = Type::array(k, first.rank()).withListDepth(first.listDepth());
  // [[1, 2], [3]] (rows written out with different lengths), or a display
  // assigned where the rows grow: a list of lists of any lengths.
  bool lists = fn_->options.pythonLists && first.isList() && !first.isString();
  bool differ = false;
  for (const ExprPtr &x : l->elts) {
    auto *r = x->dyn<ListExpr>();
    auto *r0 = l->elts.front()->dyn<ListExpr>();
    differ |= r && r0 && r->elts.size() != r0->elts.size();
  }
  if (lists && !first.elementType().isComplex() &&
      (differ || raggedValue_ == l))
    return Type::ragged(k);
  return fn_->options.pythonLists ? Type::listOf(row)
                                  : Type::array(k, first.rank() + 1);
}

Type Analyzer::checkEmptyList(const ListExpr *l) {
  if ((fn_->options.pythonLists || emptyListOfDict_) && emptyListTarget_ &&
      (emptyListTarget_->isList() || emptyListTarget_->isRagged() ||
       (emptyListTarget_->isTupleList() && emptyListTarget_->listDepth() == 1)))
    return *emptyListTarget_;
  // List.empty_list(t): a list of t.
  ScalarKind k;
  if (l->itemType == "str" && l->itemRank == 0)
    return Type::strList();
  if (!emptyListOfDict_ && parseScalarName(l->itemType, k))
    return l->itemRank ? Type::raggedArrays(k, l->itemRank) : Type::list(k);
  if (emptyListOfDict_) {
    diags_.error(l->range,
                 "cannot tell what this dict or set holds: put a number into "
                 "it in this function, or make it with "
                 "Dict.empty(key_type=..., value_type=...)");
    return Type::unknown();
  }
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
