//===- SemaSequences.cpp - Types of comprehensions and sequence operators -===//
//
// The type of a list comprehension, and of Python's + and * on tuples and
// lists of tuples (joined, repeated).
//
//===----------------------------------------------------------------------===//
#include "frontend/SemaImpl.h"

#include <algorithm>

namespace weft {
namespace sema {

std::optional<Type> Analyzer::sequenceResult(BinaryOp op, const Expr *lhsE,
                                             const Type &l, const Expr *rhsE,
                                             const Type &r, SourceRange range) {
  // Lists of strs and of lists or arrays: joined with +, repeated by an
  // int (the rows copied).
  // (a list of lists of one length joins one of any lengths)
  auto lists = [](const Type &t) {
    return t.isRagged() && !t.isStrList() && !t.raggedArrayRows();
  };
  auto rows = [](const Type &t) {
    return t.isArray() && t.rank() == 2 && t.listDepth() > 0;
  };
  if (op == BinaryOp::Add && ((lists(l) && rows(r)) || (rows(l) && lists(r))))
    return Type::ragged(promote(l.scalarKind(), r.scalarKind()));
  if (l.isRagged() && r.isRagged() && op == BinaryOp::Add &&
      l.isStrList() == r.isStrList() &&
      l.raggedArrayRows() == r.raggedArrayRows() &&
      l.raggedRowRank() == r.raggedRowRank()) {
    if (l.isStrList())
      return l;
    return Type::ragged(promote(l.scalarKind(), r.scalarKind()),
                        l.raggedArrayRows(), l.raggedRowRank());
  }
  if (op == BinaryOp::Mul && l.isRagged() != r.isRagged() &&
      (l.isRagged() ? r : l).isScalar() &&
      ((l.isRagged() ? r : l).isInt() || (l.isRagged() ? r : l).isBool()))
    return l.isRagged() ? l : r;
  // Lists of tuples: joined with +, repeated by an int (each field's list).
  auto flatTupleList = [](const Type &t) {
    return t.isTupleList() && t.listDepth() == 1 &&
           std::all_of(t.elems().begin(), t.elems().end(), [](const Type &f) {
             return f.isList() && !f.isTupleList() && f.rank() == 1;
           });
  };
  if (op == BinaryOp::Add && flatTupleList(l) && flatTupleList(r) &&
      l.elems().size() == r.elems().size()) {
    std::vector<Type> fields;
    for (size_t f = 0; f < l.elems().size(); ++f)
      fields.push_back(Type::list(
          promote(l.elems()[f].scalarKind(), r.elems()[f].scalarKind())));
    return Type::tupleList(std::move(fields));
  }
  if (op == BinaryOp::Mul && (flatTupleList(l) || flatTupleList(r)) &&
      (flatTupleList(l) ? r : l).isScalar() &&
      ((flatTupleList(l) ? r : l).isInt() ||
       (flatTupleList(l) ? r : l).isBool()))
    return flatTupleList(l) ? l : r;
  // Python's tuple + tuple (joined) and tuple * n (repeated, of numbers).
  auto numbers = [](const Type &t) {
    return !anyPart(
        t, [](const Type &p) { return !p.isScalar() && !p.isTuple(); });
  };
  // (joined, a tuple may hold arrays too: (pad(a),) + args[1:])
  auto values = [](const Type &t) {
    return !anyPart(t, [](const Type &p) {
      return !p.isScalar() && !p.isTuple() && !p.isArray();
    });
  };
  if (op == BinaryOp::Add && l.isTuple() && r.isTuple() && values(l) &&
      values(r)) {
    std::vector<Type> elems = l.elems();
    elems.insert(elems.end(), r.elems().begin(), r.elems().end());
    return Type::tuple(std::move(elems));
  }
  if (op == BinaryOp::Mul && (l.isTuple() != r.isTuple()) &&
      numbers(l.isTuple() ? l : r)) {
    const Expr *count = l.isTuple() ? rhsE : lhsE;
    auto *lit = count->dyn<IntLitExpr>();
    if (!lit || lit->value < 0 || lit->value > 64) {
      diags_.error(count->range, "a tuple is repeated by an integer "
                                 "literal from 0 to 64 (its length is "
                                 "part of its type)");
      return Type::unknown();
    }
    std::vector<Type> elems;
    const Type &t = l.isTuple() ? l : r;
    for (int64_t k = 0; k < lit->value; ++k)
      elems.insert(elems.end(), t.elems().begin(), t.elems().end());
    if (elems.empty()) {
      diags_.error(range, "an empty tuple is not a value in Weft");
      return Type::unknown();
    }
    return Type::tuple(std::move(elems));
  }
  return std::nullopt;
}

Type Analyzer::checkListComp(const ListCompExpr *lc) {
  // A Python list in python_lists functions, and as a dict's keys or
  // values (DesugarDicts.h) in every function.
  bool python = fn_->options.pythonLists || lc == dictPartValue_;
  auto *call = lc->iter->dyn<CallExpr>();
  auto *callee = call ? call->callee->dyn<NameExpr>() : nullptr;
  Type var;
  if (callee && !fn_->locals.count(callee->name) &&
      (isBuiltinNamed(callee->name, Builtin::Range) ||
       isBuiltinNamed(callee->name, Builtin::Prange))) {
    checkRangeCall(call, callee->name);
    var = Type::i64();
  } else {
    Type it = checkExpr(lc->iter.get());
    if (!it.isKnown())
      return Type::unknown();
    // list(lst), sorted(lst) and [t for t in lst] of a list of tuples: a
    // new list of its tuples.
    auto *elt = lc->elt->dyn<NameExpr>();
    auto *target = lc->target->dyn<NameExpr>();
    if (it.isTupleList() && it.listDepth() == 1 && !lc->cond && elt && target &&
        elt->name == target->name) {
      assignTo(lc->target.get(), it.tupleListElement(), lc->iter->range);
      fn_->exprTypes[lc->elt.get()] = it.tupleListElement();
      return it;
    }
    bool tuples = it.isTupleList() && it.listDepth() == 1;
    // list(t) and [f(x) for x in t] of a tuple of numbers: its elements,
    // as one kind (Numba's homogeneous tuples).
    bool numbers = it.isTuple() && !it.elems().empty() &&
                   std::all_of(it.elems().begin(), it.elems().end(),
                               [](const Type &p) { return p.isScalar(); });
    if (numbers) {
      ScalarKind k = it.elems()[0].scalarKind();
      for (const Type &p : it.elems())
        k = promote(k, p.scalarKind());
      var = Type::scalar(k);
    } else if (!it.isArray() && !it.isRagged() && !tuples) {
      diags_.error(lc->iter->range,
                   "a list comprehension iterates over range(...), an array "
                   "or a list, not " +
                       it.str() + "; iterate over range(len(...)) and index");
      return Type::unknown();
    }
    // (the rows of a 2-D array, as NumPy iterates; a list's lists; a
    // str's characters)
    // (the tuples of a list of them, read field by field)
    if (!numbers)
      var = tuples          ? it.tupleListElement()
            : it.isRagged() ? it.raggedRow()
            : it.isString() ? it
            : it.rank() == 1
                ? it.elementType()
                : Type::array(it.scalarKind(), it.rank() - 1)
                      .withListDepth(std::max(0, it.listDepth() - 1));
  }
  assignTo(lc->target.get(), var, lc->iter->range);
  if (lc->cond) {
    Type ct = checkExpr(lc->cond.get());
    if (ct.isKnown() && !ct.isScalar()) {
      diags_.error(lc->cond->range,
                   "a list comprehension's condition is a number or bool, "
                   "not " +
                       ct.str());
      return Type::unknown();
    }
  }
  if (std::optional<Type> rows = checkEmptyRows(lc))
    return *rows;
  Type elt = checkExpr(lc->elt.get());
  if (!elt.isKnown())
    return Type::unknown();
  if (std::optional<Type> rows = raggedComp(lc, elt, python))
    return *rows;
  // Lists of tuples of numbers (and lists of them), held field by field.
  bool numberTuple = elt.isTuple() && !elt.elems().empty() &&
                     std::all_of(elt.elems().begin(), elt.elems().end(),
                                 [](const Type &p) { return p.isScalar(); });
  if (python && (numberTuple || (elt.isTupleList() && !lc->cond &&
                                 elt.listDepth() < kMaxRank)))
    return Type::listOf(elt);
  if (lc->cond && !elt.isScalar()) {
    diags_.error(lc->elt->range,
                 "a list comprehension with a condition makes an array of "
                 "numbers, not of " +
                     elt.str() + "; filter the indices first");
    return Type::unknown();
  }
  if (elt.isScalar())
    return python ? Type::list(elt.scalarKind())
                  : Type::array(elt.scalarKind(), 1);
  if (elt.isArray() && elt.rank() < kMaxRank)
    return python ? Type::listOf(elt)
                  : Type::array(elt.scalarKind(), elt.rank() + 1);
  diags_.error(lc->elt->range,
               "a list comprehension makes an array of numbers or of arrays "
               "of one shape (up to " +
                   std::to_string(kMaxRank) + " axes in all), not of " +
                   elt.str());
  return Type::unknown();
}

} // namespace sema
} // namespace weft
