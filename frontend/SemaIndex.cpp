//===- SemaIndex.cpp - Type checking of indexing --------------------------===//
//
// `a[...]`: the type of an index into an array (numbers, slices, index
// and mask arrays, `None`, `...` expanded for the array's rank), a tuple,
// a list, a ragged list, a string or a structured array's field.
//
//===----------------------------------------------------------------------===//
#include "frontend/SemaImpl.h"

namespace weft {
namespace sema {

/// Replaces the `...` of `ix` by the `:` slices of the axes of a rank-
/// `rank` array that its other entries leave; false (reported) when it
/// cannot.
static bool expandEllipsis(IndexExpr &ix, int rank, DiagnosticEngine &diags) {
  size_t at = ix.indices.size(), others = 0;
  for (size_t i = 0; i < ix.indices.size(); ++i) {
    if (!ix.isEllipsis(i)) {
      others += !ix.isNewAxis(i);
      continue;
    }
    if (at != ix.indices.size()) {
      diags.error(ix.indices[i]->range,
                  "an index can only have a single ellipsis ('...')");
      return false;
    }
    at = i;
  }
  if (static_cast<int>(others) > rank) {
    diags.error(ix.range, "too many indices for an array of " +
                              std::to_string(rank) + " axes");
    return false;
  }
  SourceRange r = ix.indices[at]->range;
  ix.indices.erase(ix.indices.begin() + static_cast<std::ptrdiff_t>(at));
  for (int k = 0; k < rank - static_cast<int>(others); ++k)
    ix.indices.insert(ix.indices.begin() + static_cast<std::ptrdiff_t>(at),
                      std::make_unique<SliceExpr>(r));
  // a[...] of an array with no axis left over: the whole array, a[:].
  if (ix.indices.empty())
    ix.indices.push_back(std::make_unique<SliceExpr>(r));
  return true;
}

Type Analyzer::checkIndex(const IndexExpr *ix) {
  Type base = checkExpr(ix->base.get());
  if (base.isStructured())
    return checkStructuredIndex(ix, base);
  return checkIndexOn(ix, base);
}

Type Analyzer::checkIndexOn(const IndexExpr *ix, Type base) {
  for (size_t i = 0; i < ix->indices.size(); ++i)
    if (ix->isEllipsis(i)) {
      // The instance owns this body (Sema.cpp copies bodies with `...`),
      // so the expansion is for this base's rank.
      if (!base.isArray()) {
        if (base.isKnown())
          diags_.error(ix->base->range,
                       "'...' indexes arrays, not " + base.str());
        return Type::unknown();
      }
      if (!expandEllipsis(const_cast<IndexExpr &>(*ix), base.rank(), diags_))
        return Type::unknown();
      change();
      break;
    }
  std::vector<Type> its;
  int slices = 0, newAxes = 0;
  for (size_t k = 0; k < ix->indices.size(); ++k) {
    const ExprPtr &i = ix->indices[k];
    if (ix->isNewAxis(k)) {
      ++newAxes; // None / np.newaxis: typed below, not as a name
      continue;
    }
    if (auto *sl = i->dyn<SliceExpr>()) {
      ++slices;
      for (const Expr *part :
           {sl->lower.get(), sl->upper.get(), sl->step.get()}) {
        if (!part)
          continue;
        Type pt = checkExpr(part);
        // (Numba takes float bounds, truncated toward zero as int(x))
        bool numbaFloat = fn_ && fn_->options.pythonLists && pt.isFloat();
        // (a bool is the int 0 or 1, as Python's `a[flag:]`)
        bool flag = pt.isScalar() && pt.scalarKind() == ScalarKind::Bool;
        if (pt.isKnown() && !pt.isInt() && !numbaFloat && !flag) {
          diags_.error(part->range,
                       "slice bounds must be integers, not " + pt.str());
          return Type::unknown();
        }
      }
      its.push_back(Type::i64());
      continue;
    }
    its.push_back(checkExpr(i.get()));
    if (its.back().isSliceObject()) {
      // a slice object (Numba's slice type: slice(start, stop, step))
      ++slices;
      its.back() = Type::i64();
    }
  }
  if (base.isUnknown())
    return base;
  if (base.isString())
    return checkStringIndex(ix, its);
  if (base.isRagged()) {
    // lst[i]: the row, a list (a view of it); lst[i][j] indexes that.
    // lst[a:b]: a new list of those rows.
    if (its.size() == 1 && ix->indices[0]->dyn<SliceExpr>())
      return base;
    if (its.size() != 1 ||
        (its[0].isKnown() && !its[0].isInt() && !its[0].isBool())) {
      diags_.error(ix->range, "a " + base.str() +
                                  " takes one integer index or a slice so "
                                  "far (lst[i], then lst[i][j]; lst[a:b])");
      return Type::unknown();
    }
    return base.raggedRow();
  }
  if (base.isTupleList()) {
    // lst[a:b]: a new list of those tuples, as Python's slice.
    if (its.size() == 1 && ix->indices[0]->dyn<SliceExpr>()) {
      if (base.tupleListHoldsArrays()) {
        diags_.error(ix->range,
                     "slices of a list of tuples holding arrays are not "
                     "supported yet; index it (lst[i]) or loop over it");
        return Type::unknown();
      }
      return base;
    }
    // lst[i]: the tuple at i (or, in a list of lists of tuples, the list).
    if (its.size() != 1 || (its[0].isKnown() && !its[0].isInt())) {
      diags_.error(ix->range, "a " + base.str() +
                                  " takes one integer index or a slice so "
                                  "far; index it one element at a time");
      return Type::unknown();
    }
    return base.tupleListElement();
  }
  if (base.isTuple() && ix->indices.size() == 1 &&
      ix->indices[0]->dyn<SliceExpr>()) {
    // t[:2], t[1:], t[::-1]: a tuple of the elements selected.
    int64_t n = static_cast<int64_t>(base.elems().size());
    auto positions = tupleSlicePositions(ix->indices[0]->dyn<SliceExpr>(), n);
    if (!positions) {
      diags_.error(ix->range, "a tuple is sliced with integer literals (such "
                              "as t[:2] or t[1:]), not with variables");
      return Type::unknown();
    }
    std::vector<Type> parts;
    for (int64_t p : *positions)
      parts.push_back(base.elems()[p]);
    return Type::tuple(parts);
  }
  if (base.isTuple() && !base.recordName().empty() && ix->indices.size() == 1 &&
      ix->indices[0]->dyn<StrLitExpr>()) {
    // rec["x"] of a namedtuple (a NumPy record passed from Python is
    // one): the field, as rec.x.
    const std::string &field = ix->indices[0]->dyn<StrLitExpr>()->value;
    const std::vector<std::string> &fields =
        module_.records.at(base.recordName());
    auto at = std::find(fields.begin(), fields.end(), field);
    if (at == fields.end()) {
      diags_.error(ix->indices[0]->range,
                   "'" + base.recordName() + "' has no field '" + field + "'");
      return Type::unknown();
    }
    fn_->fieldOf[ix] = at - fields.begin();
    return base.elems()[at - fields.begin()];
  }
  if (base.isRangeObject()) {
    // r[k] of a range object: start + k * step
    if (its.size() != 1 || !(its[0].isInt() || its[0].isBool())) {
      diags_.error(ix->range, "a range object is indexed with an integer");
      return Type::unknown();
    }
    return Type::i64();
  }
  if (base.isTuple()) {
    int64_t n = static_cast<int64_t>(base.elems().size());
    int64_t value = 0;
    if (its.size() == 1 && its[0].isUnknown())
      return Type::unknown(); // its error is reported
    bool isConst =
        ix->indices.size() == 1 && intLiteralValue(ix->indices[0].get(), value);
    // t[i] with a variable i of a tuple of items of one type (Numba's
    // UniTuple), numbers, strs, arrays or tuples of them: the item at run
    // time (`for w in WEIGHTS`, `for dx, dy in ((1, 0), (0, 1))`, `for
    // name in ("a", "b")`, `grids[k][j]` of a tuple of arrays).
    std::function<bool(const Type &)> ofNumbers = [&](const Type &p) {
      return p.isScalar() || p.isString() || p.isArray() ||
             (p.isTuple() &&
              std::all_of(p.elems().begin(), p.elems().end(), ofNumbers));
    };
    bool uniform = std::all_of(
        base.elems().begin(), base.elems().end(),
        [&](const Type &p) { return ofNumbers(p) && p == base.elems()[0]; });
    if (!isConst && ix->indices.size() == 1 && uniform &&
        (its[0].isInt() || its[0].isBool()))
      // (an empty tuple's item, which is never there, as an int: the
      // loop over `a.shape[1:]` of a 1-D array does not run)
      return n == 0 ? Type::i64() : base.elems()[0];
    if (n == 0) { // (the shape of a 0-d array passed in, or a number's)
      diags_.error(ix->range, "an empty tuple has no items (tuple index out "
                              "of range); a 0-d array or a number has shape "
                              "(), so test len(x.shape) or x.ndim first");
      return Type::unknown();
    }
    if (!isConst || value < -n || value >= n) {
      diags_.error(ix->range,
                   "a tuple is indexed with an integer literal "
                   "between " +
                       std::to_string(-n) + " and " + std::to_string(n - 1) +
                       (isConst || uniform ? std::string()
                                           : " (a variable index needs a tuple "
                                             "of items of one type)"));
      return Type::unknown();
    }
    return base.elems()[value < 0 ? value + n : value];
  }
  // x[()] of a number: the number (a 0-d array passed in is one, and
  // NumPy's x[()] reads its value).
  // (also through a variable: j of np.ndindex(a.shape[1:]) of a 1-D a)
  if (base.isScalar() && !base.isString() && ix->indices.size() == 1 &&
      its.size() == 1 && its[0].isTuple() && its[0].elems().empty())
    return base;
  if (!base.isArray()) {
    diags_.error(ix->base->range, "a " + base.str() +
                                      " cannot be indexed; only arrays "
                                      "and tuples can");
    return Type::unknown();
  }
  if (newAxes) {
    // a[:, None]: a view with a new axis of size 1 at each None.
    if (static_cast<int>(its.size()) > base.rank()) {
      diags_.error(ix->range, "a " + base.str() + " takes at most " +
                                  std::to_string(base.rank()) +
                                  " indices, got " +
                                  std::to_string(its.size()));
      return Type::unknown();
    }
    for (size_t k = 0, j = 0; k < ix->indices.size(); ++k) {
      if (ix->isNewAxis(k))
        continue;
      if (auto *sl = ix->indices[k]->dyn<SliceExpr>();
          sl && (sl->lower || sl->upper || sl->step)) {
        diags_.error(ix->indices[k]->range,
                     "with None (np.newaxis) the slices are ':' so far; "
                     "slice first, then add the axis: a[1:][:, None]");
        return Type::unknown();
      }
      if (!its[j].isInt()) {
        if (its[j].isKnown())
          diags_.error(ix->indices[k]->range,
                       "with None (np.newaxis) the other indices are "
                       "integers and slices, not " +
                           its[j].str());
        return Type::unknown();
      }
      ++j;
    }
    int ints = static_cast<int>(its.size()) - slices;
    if (base.rank() - ints + newAxes > kMaxRank) {
      diags_.error(ix->range, "the view would have more than 8 axes");
      return Type::unknown();
    }
    return Type::array(base.scalarKind(), base.rank() - ints + newAxes);
  }
  // a[t] with t a tuple of integers is a[t[0], t[1], ...] (NumPy's rule;
  // np.ndindex and unravel_index give such tuples).
  // a[np.where(c)] of a 1-D c: a 1-tuple of an index array is the array.
  if (its.size() == 1 && its[0].isTuple()) {
    std::vector<Type> parts = its[0].elems();
    bool oneArray = parts.size() == 1 && parts[0].isArray();
    for (const Type &p : parts)
      if (!p.isInt() && !oneArray) {
        diags_.error(ix->indices[0]->range,
                     "a tuple used as an index holds integers, not " +
                         its[0].str());
        return Type::unknown();
      }
    its = parts;
  }
  if (static_cast<int>(its.size()) > base.rank()) {
    diags_.error(ix->range, "a " + base.str() + " takes at most " +
                                std::to_string(base.rank()) + " indices, got " +
                                std::to_string(its.size()));
    return Type::unknown();
  }
  // One index may be an array (NumPy's advanced indexing with one
  // array): a[idx], a[:, idx], a[i, :, mask].
  size_t arrayAt = its.size();
  for (size_t i = 0; i < its.size(); ++i) {
    if (!its[i].isArray())
      continue;
    if (arrayAt != its.size()) {
      diags_.error(ix->indices[i]->range,
                   "only one index may be an array so far; index with the "
                   "arrays one after the other, e.g. a[idx][:, idx2]");
      return Type::unknown();
    }
    arrayAt = i;
  }
  if (arrayAt != its.size()) {
    // a[mask] and a[idx]: NumPy's boolean and integer array indexing,
    // along the leading axes (along axis k for a[:, ..., idx]); integers
    // and slices beside it index the other axes first (a[idx, j] is
    // a[:, j][idx]).
    int dropped = 0;
    for (size_t i = 0; i < its.size(); ++i) {
      if (i == arrayAt || ix->indices[i]->dyn<SliceExpr>())
        continue;
      if (!its[i].isInt()) {
        diags_.error(ix->indices[i]->range,
                     "array indices must be integers, not " + its[i].str());
        return Type::unknown();
      }
      ++dropped;
    }
    const Type &it = its[arrayAt];
    if (its.size() > 1 && it.scalarKind() == ScalarKind::Bool &&
        it.rank() != 1) {
      diags_.error(ix->indices[arrayAt]->range,
                   "a boolean index beside other indices has one axis; "
                   "index with a mask of the array's shape alone");
      return Type::unknown();
    }
    base = Type::array(base.scalarKind(), base.rank() - dropped);
    if (it.scalarKind() == ScalarKind::Bool) {
      if (it.rank() > base.rank()) {
        diags_.error(ix->indices[arrayAt]->range,
                     "a boolean index of rank " + std::to_string(it.rank()) +
                         " cannot index a " + base.str() +
                         "; the mask has the shape of the array or of its "
                         "leading axes");
        return Type::unknown();
      }
      return Type::array(base.scalarKind(), base.rank() - it.rank() + 1);
    }
    if (!it.isInt() && !it.elementType().isInt()) {
      diags_.error(ix->indices[arrayAt]->range,
                   "array indices must be integers or bools, not " + it.str());
      return Type::unknown();
    }
    return Type::array(base.scalarKind(), it.rank() + base.rank() - 1);
  }
  for (size_t i = 0; i < its.size(); ++i)
    if (its[i].isKnown() && !its[i].isInt()) {
      diags_.error(ix->indices[i]->range,
                   "array indices must be integers, not " + its[i].str());
      return Type::unknown();
    }
  // An index not typed yet (a library function's result on an early pass)
  // may still be an array: a[idx] is typed once it is.
  for (const Type &t : its)
    if (t.isUnknown())
      return Type::unknown();
  // Integer indices drop their axis; slices and missing trailing indices
  // keep theirs (a view).
  int ints = static_cast<int>(its.size()) - slices;
  if (ints == base.rank())
    return base.elementType();
  // A slice of a list is a list (lst[1:] * 2 repeats it); an element of
  // a list of lists is a list.
  Type view = Type::array(base.scalarKind(), base.rank() - ints);
  if (ints == 0)
    return base;
  if (ints == 1 && !ix->indices[0]->dyn<SliceExpr>())
    return view.withListDepth(base.listDepth() - 1);
  return view;
}

} // namespace sema
} // namespace weft
