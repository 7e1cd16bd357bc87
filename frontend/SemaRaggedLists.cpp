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
#include <string>

namespace weft {
namespace sema {

namespace {
std::string listName(const Expr *e) {
  auto *n = e->dyn<NameExpr>();
  return n ? "'" + withoutVersionSuffixes(n->name) + "'" : "the list";
}
} // namespace

bool Analyzer::freshArray(const Expr *e) {
  switch (e->kind) {
  case ExprKind::Binary:
  case ExprKind::Unary:
  case ExprKind::Compare:
  case ExprKind::BoolOp:
  case ExprKind::ListComp:
    return true; // NumPy's operators make new arrays
  case ExprKind::IfExp: {
    auto *x = e->dyn<IfExpExpr>();
    return freshArray(x->thenValue.get()) && freshArray(x->elseValue.get());
  }
  case ExprKind::Tuple: {
    // (i, a[mask]): each of its arrays new (its numbers are copied).
    for (const ExprPtr &x : e->dyn<TupleExpr>()->elts) {
      auto it = fn_->exprTypes.find(x.get());
      bool number = it != fn_->exprTypes.end() && it->second.isScalar();
      if (!number && !freshArray(x.get()))
        return false;
    }
    return true;
  }
  case ExprKind::Index: {
    // a[mask], a[idx]: NumPy copies; slices and integers give views.
    auto *ix = e->dyn<IndexExpr>();
    for (const ExprPtr &i : ix->indices) {
      auto it = fn_->exprTypes.find(i.get());
      if (it != fn_->exprTypes.end() && it->second.isArray())
        return true;
    }
    return false;
  }
  case ExprKind::Call: {
    auto *c = e->dyn<CallExpr>();
    if (fn_->vectorizedCalls.count(c))
      return true;
    auto callee = fn_->calls.find(c);
    if (callee != fn_->calls.end()) // it may return (a view of) an argument
      return returnsFreshArray(callee->second);
    std::optional<Builtin> b = fn_->builtinOf(c);
    if (b &&
        builtinIn(*b, {Builtin::Reshape, Builtin::Ravel, Builtin::Transpose})) {
      // A view of a new array (np.arange(n).reshape(r, c)) is the only
      // name of its elements.
      auto *m = c->callee->dyn<AttributeExpr>();
      const Expr *array = m                 ? m->base.get()
                          : c->args.empty() ? nullptr
                                            : c->args[0].get();
      return array && freshArray(array);
    }
    return b && returnsNewBuffer(*b);
  }
  case ExprKind::Name: {
    // A local bound only to new arrays (not a parameter, not unpacked;
    // names bound to names a few deep at most, as `a = b; b = a` cycles).
    auto *n = e->dyn<NameExpr>();
    if (freshDepth_ > 4)
      return false;
    struct Deeper {
      int &d;
      explicit Deeper(int &depth) : d(++depth) {}
      ~Deeper() { --d; }
    } deeper(freshDepth_);
    for (const std::string &p : fn_->paramNames)
      if (p == n->name)
        return false;
    bool fresh = true, bound = false;
    forEachStmtIn(*fn_->body, [&](const Stmt &s) {
      if (auto *f = s.dyn<ForStmt>()) {
        std::vector<const NameExpr *> names;
        namesOfTarget(f->target.get(), names);
        for (const NameExpr *t : names)
          fresh = fresh && t->name != n->name;
      }
      auto *a = s.dyn<AssignStmt>();
      if (!a)
        return;
      for (const ExprPtr &t : a->targets) {
        std::vector<const NameExpr *> names;
        namesOfTarget(t.get(), names);
        for (const NameExpr *x : names) {
          if (x->name != n->name)
            continue;
          bound = true;
          fresh = fresh && unpackedFresh(t.get(), x, a->value.get());
        }
      }
    });
    return fresh && bound;
  }
  default:
    return false;
  }
}

bool Analyzer::unpackedFresh(const Expr *target, const NameExpr *name,
                             const Expr *value) {
  // `x = v`: v is new; `a, b = f(...)` (or a name bound to such tuples):
  // every array of the tuple is; `a, b = u, v`: the one `name` takes.
  if (target->dyn<NameExpr>())
    return freshArray(value);
  auto *t = target->dyn<TupleExpr>();
  if (!t)
    return false;
  auto *parts = value->dyn<TupleExpr>();
  if (!parts)
    return freshArray(value);
  if (parts->elts.size() != t->elts.size())
    return false;
  for (size_t k = 0; k < t->elts.size(); ++k)
    if (t->elts[k].get() == name)
      return freshArray(parts->elts[k].get());
  return false; // (nested deeper)
}

void Analyzer::copiedIntoList(const Expr *list, const Expr *value,
                              SourceRange range, std::string message) {
  if (!reporting_ || diags_.suppressed())
    return; // (the reporting pass records each once)
  pendingCopies_.push_back({fn_, {list, value}, range, std::move(message)});
}

void Analyzer::reportVisibleCopies() {
  std::map<FunctionInstance *, std::vector<const PendingCopy *>> byFunction;
  for (const PendingCopy &p : pendingCopies_)
    byFunction[p.fn].push_back(&p);
  std::set<std::pair<std::string, std::string>> reported; // (one per place)
  for (const auto &[fn, pending] : byFunction) {
    std::vector<CopiedValue> copies;
    for (const PendingCopy *p : pending)
      copies.push_back(p->copy);
    std::vector<bool> invisible = copiesInvisible(*fn, copies);
    for (size_t i = 0; i < pending.size(); ++i) {
      const SourceRange &r = pending[i]->range;
      std::string at =
          std::to_string(r.begin.line) + ":" + std::to_string(r.begin.col);
      if (!invisible[i] && reported.insert({at, pending[i]->message}).second)
        diags_.error(r, pending[i]->message);
    }
  }
  pendingCopies_.clear();
}

bool Analyzer::checkAppendedArrays(const CallExpr *c, const Expr *list,
                                   const Expr *value, const Type &tuple) {
  // lst.append((i, a)) of a list of tuples holding arrays: the arrays
  // are copied into the list, so, as for a list of arrays, each must be
  // new and not used again (Python's list would hold the array itself).
  auto *parts = value->dyn<TupleExpr>();
  for (size_t k = 0; k < tuple.elems().size(); ++k) {
    if (!tuple.elems()[k].isArray() || tuple.elems()[k].isString())
      continue; // (a str is never changed: its copy is as good)
    const Expr *x = parts ? parts->elts[k].get() : value;
    auto *n = x->dyn<NameExpr>();
    std::string var = n ? withoutVersionSuffixes(n->name) : "";
    if (!freshArray(x)) {
      copiedIntoList(list, x, x->range,
                     "a list of tuples holding arrays holds copies of new "
                     "arrays here, and this may be a view of (or the same "
                     "array as) another one, which Python's list would "
                     "share, and this function writes an array it may "
                     "share (or hands the list back); append a copy " +
                         (n && parts ? "(" + var + ".copy())"
                                     : std::string("of each array")));
      if (!parts)
        return true;
      continue;
    }
    bool live =
        parts ? n && std::any_of(c->liveTupleNames.begin(),
                                 c->liveTupleNames.end(),
                                 [&](const std::string &u) {
                                   return withoutVersionSuffixes(u) == var;
                                 })
              : c->appendsLiveName;
    if (live)
      copiedIntoList(list, x, x->range,
                     (n ? "'" + var + "'" : std::string("this tuple")) +
                         " is used again after it is appended here, and "
                         "Python's list would hold the array itself, which "
                         "this function may write (or hand back); append "
                         "a copy" +
                         (n && parts ? " (" + var + ".copy())" : "") +
                         ", or bind it to a new array before using it "
                         "again");
    if (!parts)
      return true; // (the whole tuple checked at once)
  }
  return true;
}

bool Analyzer::returnsFreshArray(FunctionInstance *callee) {
  if (!callee || !callee->body || !freshCallees_.insert(callee).second)
    return false;
  FunctionInstance *caller = fn_;
  int depth = freshDepth_;
  fn_ = callee;
  freshDepth_ = 0;
  bool fresh = true, returns = false;
  forEachStmtIn(*callee->body, [&](const Stmt &s) {
    if (auto *r = s.dyn<ReturnStmt>()) {
      returns = true;
      fresh = fresh && r->value && freshArray(r->value.get());
    }
  });
  fn_ = caller;
  freshDepth_ = depth;
  freshCallees_.erase(callee);
  return fresh && returns;
}

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
  if (b == Builtin::ListExtend) {
    // lst.extend(other) of another list of the same rows.
    Type other = args[1];
    if (!other.isKnown())
      return Type::unknown();
    // ([[4, 5, 6]]: a list of lists of one length)
    if (other.isArray() && other.rank() == 2 && other.listDepth() == 2 &&
        !other.isString() && !other.elementType().isComplex() &&
        (!lst.isKnown() || !lst.raggedArrayRows()))
      other = Type::ragged(computeKind(other.scalarKind()));
    bool ok = other.isRagged() &&
              (!lst.isKnown() ||
               (other.isStrList() == lst.isStrList() &&
                other.raggedArrayRows() == lst.raggedArrayRows() &&
                other.raggedRowRank() == lst.raggedRowRank() &&
                (lst.raggedArrayRows()
                     ? other.scalarKind() == lst.scalarKind()
                     : promote(lst.scalarKind(), other.scalarKind()) ==
                           lst.scalarKind())));
    if (!ok) {
      diags_.error(argExprs[1]->range,
                   name + " is a " + (lst.isKnown() ? lst.str() : "list") +
                       ", which extend() grows by another " +
                       (lst.isKnown() ? lst.str() : "such list") + ", not " +
                       other.str());
      return Type::unknown();
    }
    return lst.isKnown() ? lst : other;
  }
  if (!builtinIn(b, {Builtin::ListAppend, Builtin::ListLast, Builtin::ListDrop,
                     Builtin::ListClear, Builtin::ListReverse})) {
    diags_.error(c->range,
                 lst.isStrList()
                     ? "a list of strs takes append(s), extend(strs), pop(), "
                       "reverse() and clear() so far; for other changes "
                       "build a new list (a comprehension, or appends in a "
                       "loop)"
                     : "a list of lists takes append(row), extend(rows), "
                       "pop(), reverse() and clear() so far, and its rows "
                       "append(x), extend(m), pop() and clear()");
    return Type::unknown();
  }
  if (b == Builtin::ListLast)
    return lst.raggedRow();
  if (b == Builtin::ListReverse && !lst.isKnown())
    return Type::unknown();
  if (b != Builtin::ListAppend)
    return lst;
  const Type &row = args[1];
  if (!row.isKnown())
    return Type::unknown();
  if (row.isString() || lst.isStrList()) {
    // A list of strs: the str's code points copied into the pool (a str
    // is never changed, so the copy is as good as the str itself).
    if (!row.isString() || (lst.isKnown() && !lst.isStrList())) {
      // (a dict's keys or values: DesugarDicts' lists `d.keys`, `d.values`)
      std::string had = lst.isRagged() ? lst.raggedRow().str()
                        : lst.isArray() && lst.rank() == 1
                            ? lst.elementType().str()
                            : lst.str();
      for (std::string part : {"keys", "values"}) {
        std::string tail = "." + part + "'";
        if (name.size() <= tail.size() ||
            name.compare(name.size() - tail.size(), tail.size(), tail) != 0)
          continue;
        diags_.error(argExprs[1]->range,
                     "dict " + name.substr(0, name.size() - tail.size()) +
                         "' holds " + part + " of type " + had + ", not " +
                         row.str() + "; its " + part + " are of one type");
        return Type::unknown();
      }
      diags_.error(argExprs[1]->range, name + " is a " + lst.str() +
                                           ", not a list of " + row.str() +
                                           "; a list holds values of one type");
      return Type::unknown();
    }
    return Type::strList();
  }
  bool arrayRow = listableArray(row);
  if (arrayRow && lst.isKnown() && lst.raggedArrayRows() &&
      lst.raggedRowRank() != row.rank()) {
    diags_.error(argExprs[1]->range,
                 name + " is a " + lst.str() + ", which holds arrays of " +
                     std::to_string(lst.raggedRowRank()) +
                     (lst.raggedRowRank() == 1 ? " axis" : " axes") + ", not " +
                     row.str() +
                     "; a list holds arrays of one rank (reshape the row)");
    return Type::unknown();
  }
  if (arrayRow && (!lst.isKnown() || lst.raggedArrayRows())) {
    // A list of arrays: the row is copied into the pool, so the array
    // appended may not be used again under its name (Python's list would
    // hold that array itself).
    auto *n = argExprs[1]->dyn<NameExpr>();
    if (!freshArray(argExprs[1])) {
      copiedIntoList(
          argExprs[0], argExprs[1], argExprs[1]->range,
          "a list of arrays holds copies of new arrays here, and this may "
          "be a view of (or the same array as) another one, which Python's "
          "list would share, and this function writes an array it may "
          "share (or hands the list back); append a copy " +
              (n ? "(" + withoutVersionSuffixes(n->name) + ".copy())"
                 : std::string("(add .copy())")));
    } else if (n && c->appendsLiveName) {
      std::string var = withoutVersionSuffixes(n->name);
      copiedIntoList(argExprs[0], n, n->range,
                     "'" + var +
                         "' is used again after it is appended here, and "
                         "Python's list would hold that array itself, "
                         "which this function may write (or hand back); "
                         "append a copy (" +
                         var + ".copy()), or bind '" + var +
                         "' to a new array before using it again");
      // (typed all the same: the list's other uses add no errors)
    }
    // (rows keep their dtype, as Numba's list of arrays)
    ScalarKind k = row.scalarKind();
    return Type::raggedArrays(
        lst.isKnown() ? arrayRowsKind(lst.scalarKind(), k) : k, row.rank());
  }
  if (lst.isKnown() && lst.raggedArrayRows()) {
    diags_.error(argExprs[1]->range,
                 name + " is a " + lst.str() + ", not " + row.str());
    return Type::unknown();
  }
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
  if (lst.isRagged() && lst.raggedArrayRows()) {
    diags_.error(argExprs[0]->range,
                 name + " is a list of arrays, whose rows are arrays of a "
                        "fixed size; build a new array and assign it "
                        "(lst[i] = np.append(lst[i], x))");
    return Type::unknown();
  }
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

/// `[img[y0[i]:y1[i], x0[i]:x1[i]] for i in ...]`: slices whose bounds read
/// the comprehension's variables, so that its arrays may differ in shape.
static bool sliceBoundsVary(const ListCompExpr *lc) {
  std::multiset<std::string> bound;
  loops::namesInExpr(lc->target.get(), bound);
  bool vary = false;
  std::function<void(const Expr *)> visit = [&](const Expr *e) {
    if (auto *sl = e->dyn<SliceExpr>()) {
      std::multiset<std::string> read;
      for (const ExprPtr *part : {&sl->lower, &sl->upper, &sl->step})
        if (*part)
          loops::namesInExpr(part->get(), read);
      for (const std::string &n : read)
        vary |= bound.count(n) != 0;
    }
    forEachChild(e, visit);
  };
  visit(lc->elt.get());
  return vary;
}

bool Analyzer::shapeVaries(const ListCompExpr *lc) {
  // A call of a function of the program, an array made, a mask or an
  // index array, given what the loop binds: arrays whose shapes may differ
  // from one element to the next (`[local_path(p, k) for k in ...]`,
  // `[np.arange(k) for k in ...]`, `[x[x > t] for t in ...]`).
  std::multiset<std::string> bound;
  loops::namesInExpr(lc->target.get(), bound);
  auto readsBound = [&](const Expr *e) {
    std::multiset<std::string> read;
    loops::namesInExpr(e, read);
    return std::any_of(read.begin(), read.end(),
                       [&](const std::string &n) { return bound.count(n); });
  };
  bool vary = false;
  std::function<void(const Expr *)> visit = [&](const Expr *e) {
    if (vary)
      return;
    if (auto *c = e->dyn<CallExpr>()) {
      std::optional<Builtin> b = fn_->builtinOf(c);
      bool makes = fn_->calls.count(c) ||
                   (b && builtinIn(*b, {Builtin::Zeros, Builtin::Ones,
                                        Builtin::Empty, Builtin::Full,
                                        Builtin::Arange, Builtin::Linspace,
                                        Builtin::Rand, Builtin::Randn}));
      if (makes && readsBound(c)) {
        vary = true;
        return;
      }
    }
    if (auto *ix = e->dyn<IndexExpr>())
      for (const ExprPtr &i : ix->indices) {
        auto t = fn_->exprTypes.find(i.get());
        if (t != fn_->exprTypes.end() && t->second.isArray() &&
            readsBound(i.get())) {
          vary = true;
          return;
        }
      }
    forEachChild(e, visit);
  };
  visit(lc->elt.get());
  return vary;
}

std::optional<Type> Analyzer::raggedComp(const ListCompExpr *lc,
                                         const Type &elt, bool python) {
  if (elt.isString())
    return Type::strList(); // [w.upper() for w in words]
  if (!python)
    return std::nullopt;
  // Arrays from the rows of a list of arrays or lists (`[count[ids] for
  // ids in doc_ids]`), or filtered: a list of arrays of any shapes.
  auto iter = fn_->exprTypes.find(lc->iter.get());
  bool raggedIter = iter != fn_->exprTypes.end() && iter->second.isRagged();
  if (listableArray(elt) && ((raggedIter && rowsMayDiffer(lc)) || lc->cond ||
                             sliceBoundsVary(lc) || shapeVaries(lc)))
    return Type::raggedArrays(elt.scalarKind(), elt.rank());
  if (!(raggedValue_ == lc || rowsMayDiffer(lc)))
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
  if (a.isStrList() || b.isStrList()) {
    ok = a == b;
    return ok ? a : Type::unknown();
  }
  // (a display of 1-D arrays, listDepth 1, is a list of arrays)
  auto rows = [](const Type &t) {
    return t.isRagged() || (t.isArray() && t.rank() == 2 &&
                            (t.listDepth() == 2 || t.listDepth() == 1) &&
                            !t.isString() && !t.isStructured());
  };
  auto arrayRows = [](const Type &t) {
    return t.isRagged() ? t.raggedArrayRows() : t.listDepth() == 1;
  };
  // (rows of one length convert to a list of rows of one axis only)
  auto flatRows = [](const Type &t) {
    return !t.isRagged() || t.raggedRowRank() == 1;
  };
  ok = rows(a) && rows(b) && !a.elementType().isComplex() &&
       !b.elementType().isComplex() && arrayRows(a) == arrayRows(b) &&
       (a.isRagged() == b.isRagged() || (flatRows(a) && flatRows(b))) &&
       (!a.isRagged() || !b.isRagged() ||
        a.raggedRowRank() == b.raggedRowRank());
  if (!ok)
    return Type::unknown();
  // (lists of lists hold computed kinds; lists of arrays their dtype)
  ScalarKind k = arrayRows(a) ? arrayRowsKind(a.scalarKind(), b.scalarKind())
                              : promote(computeKind(a.scalarKind()),
                                        computeKind(b.scalarKind()));
  return Type::ragged(k, arrayRows(a), a.isRagged() ? a.raggedRowRank() : 1);
}

} // namespace sema
} // namespace weft
