//===- SemaRaggedLists.cpp - Typing of lists of lists of any lengths ------===//
//
// Lists of lists whose rows differ in length or grow (Type::ragged):
// `[[] for _ in range(n)]`, `[[j for j in range(i)] for i in range(n)]`,
// `adj[u].append(v)` (weft.row_append and the other row updates
// desugarListMethods writes), `lst.append(row)` of a list of lists.
//
//===----------------------------------------------------------------------===//
#include "frontend/SemaImpl.h"

#include "frontend/LoopAnalysis.h"
#include "frontend/VersionRebindings.h"

#include <set>

namespace weft {
namespace sema {

namespace {
std::string listName(const Expr *e) {
  auto *n = e->dyn<NameExpr>();
  return n ? "'" + withoutVersionSuffixes(n->name) + "'" : "the list";
}
} // namespace

bool Analyzer::rowsMayDiffer(const ListCompExpr *lc) {
  const Expr *elt = lc->elt.get();
  if (elt->dyn<ListExpr>())
    return false; // [a, b]: rows of one length
  std::multiset<std::string> bound, read;
  loops::namesInExpr(lc->target.get(), bound);
  if (auto *inner = elt->dyn<ListCompExpr>()) {
    // [[f(i, j) for j in range(m)] for i in ...]: the inner count alone
    // decides the row's length.
    if (inner->cond)
      return true;
    loops::namesInExpr(inner->iter.get(), read);
  } else {
    loops::namesInExpr(elt, read);
  }
  for (const std::string &n : read)
    if (bound.count(n))
      return true;
  return false;
}

Type Analyzer::checkRaggedListMethod(
    const CallExpr *c, Builtin b, const std::vector<Type> &args,
    const std::vector<const Expr *> &argExprs) {
  const Type &lst = args[0];
  std::string name = listName(argExprs[0]);
  if (!builtinIn(b, {Builtin::ListAppend, Builtin::ListLast, Builtin::ListDrop,
                     Builtin::ListClear})) {
    diags_.error(c->range, "a list of lists takes append(row), pop() and "
                           "clear() so far, and its rows append(x), "
                           "extend(m), pop() and clear()");
    return Type::unknown();
  }
  if (b == Builtin::ListLast)
    return lst.raggedRow();
  if (b != Builtin::ListAppend)
    return lst;
  const Type &row = args[1];
  if (!row.isKnown())
    return Type::unknown();
  if (!row.isList() || row.isString()) {
    diags_.error(argExprs[1]->range,
                 name +
                     " is a list of lists, which holds lists of numbers, "
                     "not " +
                     row.str() +
                     (row.isArray() ? "; append list(a), a list of the "
                                      "array's numbers"
                                    : ""));
    return Type::unknown();
  }
  ScalarKind k = computeKind(row.scalarKind());
  return Type::ragged(lst.isKnown() ? promote(lst.scalarKind(), k) : k);
}

Type Analyzer::checkRowMethod(const CallExpr *c, Builtin b,
                              const std::vector<Type> &args,
                              const std::vector<const Expr *> &argExprs) {
  const Type &lst = args[0];
  std::string name = listName(argExprs[0]);
  if (args[1].isKnown() && !args[1].isInt() && !args[1].isBool()) {
    diags_.error(argExprs[1]->range,
                 "a list index is an integer, not " + args[1].str());
    return Type::unknown();
  }
  // A list of lists of one length (a 2-D array) whose rows grow is a
  // list of lists of any lengths: its assignment is retyped.
  bool rectangular = lst.isArray() && lst.rank() == 2 && lst.listDepth() == 2 &&
                     !lst.isString();
  if (lst.isKnown() && !lst.isRagged() && !rectangular) {
    diags_.error(argExprs[0]->range,
                 name + " is a " + lst.str() +
                     ", not a list of lists; lst[i].append(x) grows a row "
                     "of a list of lists");
    return Type::unknown();
  }
  Type current =
      lst.isKnown() ? Type::ragged(computeKind(lst.scalarKind())) : lst;
  if (b == Builtin::RowLast)
    return current.isKnown() ? current.raggedRow().elementType()
                             : Type::unknown();
  if (b == Builtin::RowDrop || b == Builtin::RowClear)
    return current;
  const Type &x = args[2];
  if (!x.isKnown())
    return Type::unknown();
  ScalarKind added;
  if (b == Builtin::RowAppend) {
    if (!x.isScalar() || x.isComplex()) {
      diags_.error(argExprs[2]->range,
                   "a row of a list of lists holds numbers or bools, not " +
                       x.str() +
                       " (lists of lists of lists are not "
                       "supported yet)");
      return Type::unknown();
    }
    added = x.scalarKind();
  } else {
    if (!x.isArray() || x.rank() != 1 || x.isString() ||
        x.elementType().isComplex()) {
      diags_.error(argExprs[2]->range,
                   "extend() takes a list or a 1-D array of numbers, not " +
                       x.str());
      return Type::unknown();
    }
    added = computeKind(x.scalarKind());
  }
  return Type::ragged(current.isKnown() ? promote(current.scalarKind(), added)
                                        : added);
}

std::optional<Type> Analyzer::checkEmptyRows(const ListCompExpr *lc) {
  // [[] for _ in range(n)]: rows typed by what is appended to them.
  auto *empty = lc->elt->dyn<ListExpr>();
  if (!empty || !empty->elts.empty())
    return std::nullopt;
  if (raggedValue_ != lc) {
    diags_.error(empty->range, "cannot tell what these empty lists hold; "
                               "append a number to a row in this function "
                               "(lst[i].append(x))");
    return Type::unknown();
  }
  Type t = fn_->locals.at(raggedTarget_);
  fn_->exprTypes[lc->elt.get()] = t.raggedRow();
  return t;
}

std::optional<Type> Analyzer::raggedComp(const ListCompExpr *lc,
                                         const Type &elt, bool python) {
  if (!python || !(raggedValue_ == lc || rowsMayDiffer(lc)))
    return std::nullopt;
  if (!elt.isList() || elt.isString() || elt.elementType().isComplex())
    return std::nullopt;
  ScalarKind k = computeKind(elt.scalarKind());
  if (raggedValue_ == lc)
    k = promote(k, fn_->locals.at(raggedTarget_).scalarKind());
  return Type::ragged(k);
}

Type Analyzer::raggedUnion(const Type &a, const Type &b, bool &ok) {
  // Two lists of lists: the wider numbers. A list of lists of one length
  // (a 2-D array) assigned where rows grow is converted.
  auto rows = [](const Type &t) {
    return t.isRagged() || (t.isArray() && t.rank() == 2 &&
                            t.listDepth() == 2 && !t.isString());
  };
  ok = rows(a) && rows(b) && !a.elementType().isComplex() &&
       !b.elementType().isComplex();
  if (!ok)
    return Type::unknown();
  return Type::ragged(
      promote(computeKind(a.scalarKind()), computeKind(b.scalarKind())));
}

} // namespace sema
} // namespace weft
