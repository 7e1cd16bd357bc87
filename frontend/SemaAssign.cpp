//===- SemaAssign.cpp - Type checking of assignments ----------------------===//
//
// Assignments: a name takes the value's type or widens to it (unification
// of the types a variable is given), unpacking into tuples of targets,
// stores into elements, slices, fields and lists of tuples, annotated
// assignments.
//
//===----------------------------------------------------------------------===//
#include "frontend/ASTBuild.h"
#include "frontend/NumpyLibrary.h"
#include "frontend/SemaImpl.h"
#include "frontend/VersionRebindings.h"

#include <algorithm>

namespace weft {
namespace sema {

/// Two lists of tuples assigned to one variable: the wider fields (a list
/// of (int, int) and one of (int, float) make a list of (int, float)).
static Type widerTupleList(const Type &a, const Type &b, bool &ok) {
  if (a == b)
    return a;
  ok = a.elems().size() == b.elems().size() && a.listDepth() == 1 &&
       b.listDepth() == 1;
  if (!ok)
    return Type::unknown();
  std::vector<Type> fields;
  for (size_t k = 0; k < a.elems().size(); ++k)
    fields.push_back(Type::list(
        promote(a.elems()[k].scalarKind(), b.elems()[k].scalarKind())));
  return Type::tupleList(std::move(fields));
}

void Analyzer::assignName(const NameExpr *n, const Type &t,
                          SourceRange valueRange) {
  Type &slot = fn_->locals[n->name];
  if (t.isUnknown())
    return;
  if (slot.isUnknown()) {
    slot = t;
    firstDef_.emplace(std::make_pair(fn_, n->name), valueRange);
    change();
    return;
  }
  bool ok = true;
  // In code compiled from Python, a local set to None and to a number,
  // array or tuple elsewhere (`lim = None` ... `lim = 0.5 * i`) may be
  // None, as Numba types it (an optional); a parameter keeps its type.
  bool noneLocal = (slot.isNone() || t.isNone()) && fn_->options.pythonLists &&
                   std::find(fn_->paramNames.begin(), fn_->paramNames.end(),
                             n->name) == fn_->paramNames.end();
  // A number and a value that may be None: the variable may be None.
  // Python lists of ints and of floats make a list of floats (MLIRGen
  // converts the list assigned).
  Type u = slot.isList() && t.isList()
               ? Type::list(promote(slot.scalarKind(), t.scalarKind()))
           : slot.isRagged() || t.isRagged()       ? raggedUnion(slot, t, ok)
           : slot.isTupleList() && t.isTupleList() ? widerTupleList(slot, t, ok)
           : slot.isOptional() || t.isOptional() || noneLocal
               ? unifyReturn(slot, t, ok)
               : unify(slot, t, ok);
  if (!ok && slot.isNone()) {
    // A parameter passed None, assigned where the test of it cannot be
    // decided (in a loop or branch, or after another assignment).
    diags_.error(valueRange,
                 "'" + n->name +
                     "' is a parameter passed None here; replace it first "
                     "thing, at the top of the function: if " +
                     n->name + " is None: " + n->name + " = ...");
    return;
  }
  if (!ok) {
    Diagnostic &d = diags_.error(
        valueRange, "'" + n->name + "' is assigned a " + t.str() +
                        " here but holds a " + slot.str() +
                        " elsewhere; a variable keeps one type, so use a "
                        "new name");
    auto it = firstDef_.find({fn_, n->name});
    if (it != firstDef_.end())
      DiagnosticEngine::note(d, it->second, "first assigned here");
    return;
  }
  if (u != slot) {
    // Parameters and annotated variables keep their declared type;
    // int->float widening is done by converting at the assignment.
    bool isParam = annotated_.count({fn_, n->name}) != 0;
    bool argumentTyped = false; // a parameter typed by its argument
    for (size_t i = 0; i < fn_->paramNames.size(); ++i)
      if (fn_->paramNames[i] == n->name) {
        isParam = true;
        argumentTyped = fn_->def && !fn_->def->params[i].hasAnnotation;
      }
    // A parameter without a declared type holding a wider number than its
    // argument (`if not w_max: w_max = 0.38 * v` of a bool False):
    // widened, as Numba unifies the variable's types; the argument is
    // converted on entry.
    if (argumentTyped && slot.isScalar() && u.isScalar() && !slot.isComplex() &&
        !u.isComplex()) {
      slot = u;
      change();
      return;
    }
    // In code compiled from Python, a variable declared by Numba's
    // locals= (or a signature) converts every number stored in it.
    bool numbaConverts = fn_->options.pythonLists && slot.isScalar() &&
                         t.isScalar() && (slot.isComplex() || !t.isComplex());
    if (isParam) {
      if (!(slot.isFloat() && t.isNumber()) && !(slot == u) && !numbaConverts)
        diags_.error(valueRange,
                     "'" + n->name + "' is declared " + slot.str() +
                         " and cannot hold a " + t.str() +
                         "; convert the value or use another variable");
      return;
    }
    slot = u;
    change();
  }
}

void Analyzer::assignTo(const Expr *target, const Type &valueType,
                        SourceRange valueRange, const Expr *value) {
  if (auto *n = target->dyn<NameExpr>()) {
    // A variable may shadow a builtin (`mean = sum(x) / n`), as in Python:
    // the function cannot be called where the variable is local. The
    // program's own functions may not be rebound.
    // (The NumPy library's locals may take any name: the program's
    // functions are not reached from it.)
    bool library =
        fn_ && fn_->def && fn_->def->name.rfind(kNumpyLibraryPrefix, 0) == 0;
    if (defs_.count(n->name) && !library)
      diags_.error(n->range, "cannot assign to '" + n->name +
                                 "', which names a function; pick another "
                                 "variable name");
    fn_->exprTypes[n] = valueType;
    assignName(n, valueType, valueRange);
    return;
  }
  if (auto *t = target->dyn<TupleExpr>()) {
    if (valueType.isUnknown())
      return;
    if (valueType.isArray() && !valueType.isString()) {
      // `x, y = pos[i]`: an array's first axis, its length checked when it
      // runs (ValueError), as Python unpacks any sequence.
      Type part = valueType.rank() == 1 ? valueType.elementType()
                                        : Type::array(valueType.scalarKind(),
                                                      valueType.rank() - 1);
      for (const ExprPtr &e : t->elts)
        assignTo(e.get(), part, valueRange);
      return;
    }
    if (valueType.isRagged() && valueType.raggedArrayRows()) {
      // `a, b, c = [f(k) for k in range(3)]`: a list of arrays' rows (its
      // length checked when it runs).
      for (const ExprPtr &e : t->elts)
        assignTo(e.get(), valueType.raggedRow(), valueRange);
      return;
    }
    if (!valueType.isTuple() || valueType.elems().size() != t->elts.size()) {
      diags_.error(valueRange, "cannot unpack a " + valueType.str() + " into " +
                                   std::to_string(t->elts.size()) +
                                   " names; the value must be a tuple of " +
                                   std::to_string(t->elts.size()));
      return;
    }
    for (size_t i = 0; i < t->elts.size(); ++i)
      assignTo(t->elts[i].get(), valueType.elems()[i], valueRange);
    return;
  }
  if (auto *ix = target->dyn<IndexExpr>()) {
    Type base = checkExpr(ix->base.get());
    if (base.isString()) {
      diags_.error(ix->range, "'str' object does not support item "
                              "assignment; build a new str (s[:i] + c + "
                              "s[i + 1:])");
      return;
    }
    if (base.isScalar() && !base.isString() && ix->indices.size() == 1 &&
        !ix->indices[0]->dyn<SliceExpr>() && !ix->isNewAxis(0)) {
      // s[()] = v, s[j] = v (j an empty tuple: np.ndindex(a.shape[1:]) of
      // a 1-D a) of a number s (a 0-d array is one: tricolour's
      // np.zeros(a.shape[1:])): s is given v in its type.
      Type at = checkExpr(ix->indices[0].get());
      if (at.isTuple() && at.elems().empty() && ix->base->dyn<NameExpr>()) {
        if (!valueType.isScalar() && valueType.isKnown())
          diags_.error(valueRange, "cannot store a " + valueType.str() +
                                       " into a 0-d array");
        return;
      }
    }
    if (base.isTuple()) {
      // (a NumPy record passed from Python is a namedtuple, a copy)
      diags_.error(ix->range,
                   base.recordName().rfind("numpy_record_", 0) == 0
                       ? "a NumPy record passed to a Weft function is a "
                         "copy of its fields, not written into; pass the "
                         "structured array's field (a['x']) and write "
                         "a_x[i] instead"
                       : "'tuple' object does not support item assignment; "
                         "build a new tuple");
      return;
    }
    Type elem = checkExpr(target);
    if (auto *attr = ix->base->dyn<AttributeExpr>())
      if (attr->attr == "real" || attr->attr == "imag") {
        diags_.error(
            ix->base->range,
            "'." + attr->attr +
                "' of an array is a new array in Weft (a view in "
                "NumPy), so this store would be lost; assign the "
                "whole numbers instead (z[i] = complex(x, z[i].imag))");
        return;
      }
    if (elem.isUnknown() || valueType.isUnknown())
      return;
    // Records are stored whole, from records of their dtype.
    if (elem.isStructured() &&
        (!valueType.isStructured() ||
         valueType.structuredSpec() != elem.structuredSpec())) {
      diags_.error(valueRange, "a " + elem.str() +
                                   " is assigned records of its dtype, not "
                                   "a " +
                                   valueType.str() +
                                   "; assign its fields (a[i]['x'] = v)");
      return;
    }
    if (base.isTupleList()) {
      checkTupleListStore(ix, base, elem, valueType, valueRange);
      return;
    }
    if (base.isRagged()) {
      // A parameter's row may not be replaced: a longer row moves to the
      // pool's end, which the caller's list would not see (unless the
      // function hands the list back, ListParameters.h).
      auto *list = ix->base->dyn<NameExpr>();
      auto handedBack = [&](const std::string &p) {
        return fn_->def && std::count(fn_->def->grownLists.begin(),
                                      fn_->def->grownLists.end(), p);
      };
      for (const std::string &p : fn_->paramNames)
        if (list && p == list->name && !handedBack(p)) {
          std::string name = withoutVersionSuffixes(p);
          diags_.error(ix->range,
                       base.isStrList()
                           ? "'" + name +
                                 "' is a parameter: replacing a str of it "
                                 "here would not change the caller's list; "
                                 "build a new list and return it, or "
                                 "replace the str where the list is made"
                           : "'" + name +
                                 "' is a parameter: replacing a row of it "
                                 "here would not change the caller's list; "
                                 "write into the row (" +
                                 name +
                                 "[i][j] = x), or replace it where the list "
                                 "is made");
          return;
        }
      if (base.isStrList()) {
        if (!valueType.isString())
          diags_.error(valueRange, "cannot store a " + valueType.str() +
                                       " into a list of strs");
        return;
      }
      if (base.raggedArrayRows()) {
        // lst[i] = a: a new array of the rows' rank, copied.
        bool ok = listableArray(valueType) &&
                  valueType.rank() == base.raggedRowRank() &&
                  !(valueType.elementType().isFloat() &&
                    !elem.elementType().isFloat());
        if (!ok)
          diags_.error(valueRange, "cannot store a " + valueType.str() +
                                       " into a row of a " + base.str());
        else if (value && !freshArray(value))
          copiedIntoList(ix->base.get(), value, valueRange,
                         "a list of arrays holds copies of new arrays here, "
                         "and this may be a view of (or the same array as) "
                         "another one, which Python's list would share; "
                         "store a copy (add .copy())");
        return;
      }
      // lst[i] = row: the row's numbers, copied.
      if (!valueType.isList() || valueType.isString() ||
          valueType.elementType().isComplex() ||
          (valueType.elementType().isFloat() && !elem.elementType().isFloat()))
        diags_.error(valueRange, "cannot store a " + valueType.str() +
                                     " into a row of a " + base.str() +
                                     "; store a list of its numbers");
      return;
    }
    if (!checkArrayIndexStore(ix, valueType, valueRange))
      return;
    if (valueType.isTuple() && elem.isArray() && elem.rank() == 1 &&
        std::all_of(valueType.elems().begin(), valueType.elems().end(),
                    [](const Type &p) { return p.isScalar(); })) {
      // out[i] = f(x) of a tuple of numbers: its numbers into the row, as
      // NumPy converts the tuple (the lengths checked when it runs).
      for (const Type &p : valueType.elems())
        if ((p.isFloat() && !elem.elementType().isFloat() &&
             !elem.elementType().isComplex()) ||
            (p.isComplex() && !elem.elementType().isComplex()))
          diags_.error(valueRange, "cannot store a " + valueType.str() +
                                       " into a row of " + elem.str() +
                                       "; convert the numbers first");
      return;
    }
    bool valueOk = valueType.isScalar() || valueType.isArray();
    if (!valueOk || (elem.isScalar() && !valueType.isScalar())) {
      diags_.error(valueRange, "cannot store a " + valueType.str() +
                                   " into an element of type " + elem.str());
      return;
    }
    // (a view takes an array of more axes when the extra leading ones
    // are 1, as NumPy's, checked when it runs: a[i, 1:] = b[mask] of one
    // row)
    if (elem.isArray() && valueType.isArray() &&
        valueType.rank() > elem.rank() &&
        fn_->indexingOf(ix) != FunctionInstance::Indexing::Basic) {
      diags_.error(valueRange, "cannot store a " + valueType.str() +
                                   " into a " + elem.str() +
                                   " slice; it has more dimensions");
      return;
    }
    // Floats stored into integer elements truncate toward zero, into bools
    // are their truth, as NumPy's and Numba's a[i] = x and a[:] = b do.
    Type e = elem.elementType(), v = valueType.elementType();
    // NumPy raises TypeError (it would drop the imaginary part).
    if (v.isComplex() && !e.isComplex() && e.isKnown())
      diags_.error(valueRange,
                   "cannot store complex numbers into an array of " + e.str() +
                       "; store z.real or abs(z), or make the "
                       "array complex");
    return;
  }
  diags_.error(target->range, "cannot assign to this expression; the left "
                              "side must be a name, an element a[i] or a "
                              "tuple of names");
}

void Analyzer::checkTupleListStore(const IndexExpr *ix, const Type &base,
                                   const Type &elem, const Type &value,
                                   SourceRange valueRange) {
  // lst[i] = (a, b): each field's list gets its number (its str or array,
  // copied, for a field of strs or arrays).
  bool ok = elem.isTuple() && value.isTuple() &&
            value.elems().size() == elem.elems().size();
  for (size_t k = 0; ok && k < elem.elems().size(); ++k) {
    const Type &e = elem.elems()[k], &v = value.elems()[k];
    if (e.isString())
      ok = v.isString();
    else if (e.isArray())
      ok = listableArray(v) && v.rank() == e.rank() &&
           !(v.elementType().isFloat() && !e.elementType().isFloat()) &&
           (!v.elementType().isComplex() || e.elementType().isComplex());
    else
      ok = v.isScalar() && (!v.isComplex() || e.isComplex()) &&
           (!v.isFloat() || e.isFloat() || e.isComplex());
  }
  if (!ok) {
    diags_.error(valueRange,
                 "cannot store a " + value.str() + " into a list of " +
                     elem.str() + "; store a tuple of " +
                     std::to_string(elem.elems().size()) +
                     " values of those types (floats need float fields)");
    return;
  }
  if (!base.tupleListHoldsArrays())
    return;
  // A str or array field's new value goes to its pool's end, as a
  // replaced row of a list of arrays does: the list must be a local name.
  auto *list = ix->base->dyn<NameExpr>();
  bool param = list && std::count(fn_->paramNames.begin(),
                                  fn_->paramNames.end(), list->name);
  bool handedBack = list && fn_->def &&
                    std::count(fn_->def->grownLists.begin(),
                               fn_->def->grownLists.end(), list->name);
  if (!list || (param && !handedBack))
    diags_.error(ix->range,
                 list ? "'" + withoutVersionSuffixes(list->name) +
                            "' is a parameter: replacing a tuple of it here "
                            "would not change the caller's list; build a "
                            "new list and return it"
                      : "a tuple holding a str or an array is replaced "
                        "in a list held by a name; assign the list to a "
                        "name first");
}

bool Analyzer::checkArrayIndexStore(const IndexExpr *ix, const Type &value,
                                    SourceRange valueRange) {
  if (fn_->indexingOf(ix) == FunctionInstance::Indexing::Basic)
    return true;
  if (!value.isKnown() || value.isScalar())
    return true;
  // An array is stored element by element into the selection (its shape
  // broadcast to the selection's, checked when it runs).
  Type selection = fn_->typeOf(ix);
  // (a complex array only into a complex one)
  if (value.isArray() && !value.isList() && selection.isArray() &&
      value.rank() <= selection.rank() &&
      (!value.elementType().isComplex() || selection.elementType().isComplex()))
    return true;
  diags_.error(valueRange,
               "cannot store a " + value.str() +
                   " through this boolean or integer array index; store a "
                   "number, or an array of at most the selection's " +
                   std::to_string(selection.rank()) + " axes");
  return false;
}

void Analyzer::checkAnnAssign(const AnnAssignStmt &a) {
  Type declared = annotationType(a.annotation);
  auto *n = a.target->dyn<NameExpr>();
  if (n && declared.isKnown()) {
    annotated_.insert({fn_, n->name});
    fn_->locals[n->name] = declared;
    fn_->exprTypes[n] = declared;
  }
  auto *call = a.value ? a.value->dyn<CallExpr>() : nullptr;
  auto *callee = call ? call->callee->dyn<NameExpr>() : nullptr;
  if (callee && isBuiltinNamed(callee->name, Builtin::Load) &&
      !defs_.count(callee->name)) {
    // x: f64[:, :] = load("file.npy"): the annotation types the load.
    if (call->args.size() != 1 || !call->keywords.empty() ||
        !call->args[0]->dyn<StrLitExpr>())
      diags_.error(call->range, "load() takes one file name in quotes");
    else if (declared.isKnown() && !declared.isArray())
      diags_.error(a.annotation.range,
                   "load() reads an array; annotate the variable with an "
                   "array type such as f64[:, :]");
    if (declared.isKnown())
      fn_->exprTypes[call] = declared;
    return;
  }
  if (a.value) {
    Type v = checkExpr(a.value.get());
    if (v.isKnown() && declared.isKnown()) {
      bool ok =
          (v.asArray() == declared) || (v.isNumber() && declared.isNumber());
      if (!ok)
        diags_.error(a.value->range, "value of type " + v.str() +
                                         " does not match the declared "
                                         "type " +
                                         declared.str());
    }
  }
  return;
}

} // namespace sema
} // namespace weft
