//===- SemaCalls.cpp - Calls of the program's own functions ---------------===//
//
// Typing a call: binding arguments to parameters (by position, keyword or
// default), instantiating the callee for the argument types, kernels and
// @vectorize functions; builtins and calls of a dtype go to their checks.
//
//===----------------------------------------------------------------------===//
#include "frontend/ASTBuild.h"
#include "frontend/ParserUfuncs.h"
#include "frontend/SemaImpl.h"
#include "frontend/StaticBranches.h"

#include <map>

namespace weft {
namespace sema {

bool Analyzer::bindArguments(const CallExpr *c, const FunctionDefStmt *def,
                             size_t nargs, std::vector<const Expr *> &bound) {
  size_t np = def->params.size();
  // `*args`: the positional arguments from its position on, packed once
  // into a tuple display, its argument.
  auto star = std::find_if(def->params.begin(), def->params.end(),
                           [](const Param &p) { return p.star; });
  if (star != def->params.end()) {
    size_t k = static_cast<size_t>(star - def->params.begin());
    for (const KeywordArg &kw : c->keywords)
      if (kw.name == star->name) {
        diags_.error(kw.nameRange, "'" + star->name +
                                       "' holds the positional arguments "
                                       "after the others; it is not passed "
                                       "by name");
        return false;
      }
    auto &call = const_cast<CallExpr &>(*c);
    if (!call.varargsPacked) {
      if (call.args.size() < k) {
        diags_.error(c->range,
                     "'" + def->name + "' takes " + std::to_string(k) +
                         (k == 1 ? " argument" : " arguments") +
                         " by position before '*" + star->name + "'; pass " +
                         (k == 1 ? "it" : "them") + " by position");
        return false;
      }
      SourceRange r = call.args.size() > k ? call.args[k]->range : c->range;
      auto tuple = std::make_unique<TupleExpr>(r);
      for (size_t i = k; i < call.args.size(); ++i)
        tuple->elts.push_back(std::move(call.args[i]));
      call.args.resize(k);
      call.args.push_back(std::move(tuple));
      call.varargsPacked = true;
      change();
    }
    nargs = call.args.size();
  }
  auto arityError = [&]() {
    Diagnostic &d = diags_.error(
        c->range, "'" + def->name + "' takes " + std::to_string(np) +
                      " argument" + (np == 1 ? "" : "s") + " but " +
                      std::to_string(nargs) +
                      (nargs == 1 ? " was given" : " were given"));
    DiagnosticEngine::note(d, def->nameRange,
                           "'" + def->name + "' is defined here");
    return false;
  };
  if (nargs > np)
    return arityError();
  bound.assign(np, nullptr);
  for (size_t i = 0; i < nargs; ++i)
    bound[i] = c->args[i].get();
  for (const KeywordArg &k : c->keywords) {
    size_t i = 0;
    while (i < np && def->params[i].name != k.name)
      ++i;
    if (i == np) {
      diags_.error(k.nameRange,
                   "'" + def->name + "' has no parameter '" + k.name + "'");
      return false;
    }
    if (bound[i]) {
      diags_.error(k.nameRange, "'" + k.name +
                                    "' is given twice; pass it "
                                    "by position or by name, not both");
      return false;
    }
    bound[i] = k.value.get();
  }
  for (size_t i = 0; i < np; ++i) {
    if (bound[i])
      continue;
    if (!def->params[i].defaultValue) {
      if (c->keywords.empty())
        return arityError();
      diags_.error(c->range, "'" + def->name + "' is missing argument '" +
                                 def->params[i].name + "'");
      return false;
    }
    bound[i] = def->params[i].defaultValue.get();
  }
  return true;
}

Type Analyzer::checkRecordCall(const CallExpr *c, const std::string &name) {
  // P(x, y=v) of `P = namedtuple("P", ["x", "y"])`: a tuple of its fields.
  const std::vector<std::string> &fields = module_.records.at(name);
  std::vector<const Expr *> bound(fields.size(), nullptr);
  if (c->args.size() > fields.size()) {
    diags_.error(c->range, name + "() takes " + std::to_string(fields.size()) +
                               " fields, got " +
                               std::to_string(c->args.size()));
    return Type::unknown();
  }
  for (size_t i = 0; i < c->args.size(); ++i)
    bound[i] = c->args[i].get();
  for (const KeywordArg &k : c->keywords) {
    auto at = std::find(fields.begin(), fields.end(), k.name);
    if (at == fields.end() || bound[at - fields.begin()]) {
      diags_.error(k.nameRange, at == fields.end()
                                    ? name + " has no field '" + k.name + "'"
                                    : "field '" + k.name + "' is given twice");
      return Type::unknown();
    }
    bound[at - fields.begin()] = k.value.get();
  }
  std::vector<Type> elems;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (!bound[i]) {
      diags_.error(c->range, name + "() is missing field '" + fields[i] + "'");
      return Type::unknown();
    }
    Type t = checkExpr(bound[i]);
    if (!t.isKnown())
      return Type::unknown();
    elems.push_back(t);
  }
  fn_->recordArgs[c] = bound;
  return Type::record(name, std::move(elems));
}

bool Analyzer::expandStarredArgs(const CallExpr *c) {
  // f(x, *t): t's elements as arguments, t[0], t[1], ..., once t is typed
  // (the instance owns its body: t's length may differ between them).
  auto &call = const_cast<CallExpr &>(*c);
  for (auto k = call.starred.rbegin(); k != call.starred.rend(); ++k) {
    const Expr *arg = call.args[*k].get();
    Type t = checkExpr(arg);
    if (!t.isKnown())
      return false;
    if (!t.isTuple()) {
      diags_.error(arg->range,
                   "*x unpacks a tuple into arguments, not a " + t.str());
      return false;
    }
    std::vector<ExprPtr> parts;
    if (auto *lit = arg->dyn<TupleExpr>()) {
      for (const ExprPtr &e : lit->elts)
        parts.push_back(cloneExpr(e.get()));
    } else if (arg->dyn<NameExpr>()) {
      for (size_t i = 0; i < t.elems().size(); ++i) {
        auto ix = std::make_unique<IndexExpr>(arg->range, cloneExpr(arg));
        ix->indices.push_back(
            std::make_unique<IntLitExpr>(arg->range, int64_t(i)));
        parts.push_back(std::move(ix));
      }
    } else {
      diags_.error(arg->range, "*x unpacks a variable or a tuple display; "
                               "assign the value to a name first: t = ...; "
                               "f(*t)");
      return false;
    }
    call.args.erase(call.args.begin() + *k);
    call.args.insert(call.args.begin() + *k,
                     std::make_move_iterator(parts.begin()),
                     std::make_move_iterator(parts.end()));
  }
  call.starred.clear();
  change();
  return true;
}

Type Analyzer::checkIsinstance(const CallExpr *c) {
  // Decided by the value's type when the function is compiled (a test of
  // a parameter is decided before, StaticBranches.h, so that the branch
  // not taken need not type-check).
  if (c->args.size() != 2 || !c->keywords.empty()) {
    diags_.error(c->range, "isinstance() takes a value and a type (or a "
                           "tuple of types)");
    return Type::unknown();
  }
  optionalOk_ = true;
  Type t = checkExpr(c->args[0].get());
  if (!t.isKnown())
    return Type::unknown();
  if (!isinstanceOf(t, c->args[1].get())) {
    diags_.error(c->args[1]->range,
                 "isinstance() tests for int, float, complex, bool, str, "
                 "tuple, list, np.ndarray, a NumPy number type such as "
                 "np.float32, np.integer, np.floating or np.number, or a "
                 "tuple of them");
    return Type::unknown();
  }
  return Type::boolean();
}

Type Analyzer::checkIssubdtype(const CallExpr *c) {
  // Decided by the dtype when the function is compiled, as isinstance().
  Type t = c->args.size() == 2 && c->keywords.empty()
               ? checkExpr(c->args[0].get())
               : Type::unknown();
  if (c->args.size() == 2 && !t.isKnown())
    return Type::unknown();
  if (c->args.size() != 2 || !issubdtypeOf(t, c->args[1].get())) {
    diags_.error(c->range, "np.issubdtype() takes a dtype (x.dtype, "
                           "np.float32) and a NumPy class such as np.integer, "
                           "np.floating, np.number or np.float64");
    return Type::unknown();
  }
  return Type::boolean();
}

Type Analyzer::checkCall(const CallExpr *c) {
  if (!c->starred.empty() && !expandStarredArgs(c))
    return Type::unknown();
  if (auto *m = c->callee->dyn<AttributeExpr>())
    return checkMethodCall(c, m);
  if (auto *inner = c->callee->dyn<CallExpr>())
    if (auto *n = inner->callee->dyn<NameExpr>()) {
      std::optional<Builtin> transform = lookupBuiltin(n->name);
      if (transform == Builtin::Vmap)
        return checkVmap(c, inner);
      if (builtinIn(transform, {Builtin::Grad, Builtin::ValueAndGrad}))
        return checkGrad(c, inner);
    }
  auto *callee = c->callee->dyn<NameExpr>();
  // A kernel launch: f[blocks, threads](args).
  const IndexExpr *launch = c->callee->dyn<IndexExpr>();
  if (launch)
    callee = launch->base->dyn<NameExpr>();
  if (!callee && c->callee->dyn<CallExpr>() && !launch) {
    // type(x)(v): a call of a dtype (x's type) converts v.
    Type dt = checkExpr(c->callee.get());
    if (!dt.isKnown())
      return Type::unknown();
    if (dt.isDType()) {
      std::vector<Type> args;
      for (const ExprPtr &a : c->args)
        args.push_back(checkExpr(a.get()));
      for (const Type &t : args)
        if (!t.isKnown())
          return Type::unknown();
      return checkDTypeCall(c, dt.scalarKind(), args);
    }
  }
  if (!callee) {
    diags_.error(c->callee->range, "only named functions can be called");
    return Type::unknown();
  }
  if (launch && !checkLaunchConfig(launch, callee))
    return Type::unknown();
  if (callee->name == "isinstance" && !callee->qualified &&
      !defs_.count(callee->name))
    return checkIsinstance(c);
  if (callee->name == "issubdtype" && callee->qualified)
    return checkIssubdtype(c);
  // __typing_error("msg"): a typing function's `raise` (Numba's
  // TypingError), in a branch the argument types took
  // (weft/_overloads.py): a compile error where it is checked.
  if (callee->name == "__typing_error" && !callee->qualified &&
      !defs_.count(callee->name)) {
    auto *msg = c->args.size() == 1 ? c->args[0]->dyn<StrLitExpr>() : nullptr;
    diags_.error(c->range, msg ? msg->value
                               : "no implementation for these "
                                 "argument types");
    return Type::none();
  }
  if (builtinIn(lookupBuiltin(callee->name),
                {Builtin::Vmap, Builtin::Grad, Builtin::ValueAndGrad}) &&
      !defs_.count(callee->name)) {
    diags_.error(c->range, callee->name + "(f, ...) is applied at once, as " +
                               callee->name +
                               "(f)(x): functions are not values in Weft");
    return Type::unknown();
  }
  // __jitclass_new_C(fields...): a jitclass instance of its fields'
  // values (cells for the numbers).
  static const std::string kNew = "__jitclass_new_";
  if (!callee->qualified && callee->name.rfind(kNew, 0) == 0 &&
      module_.jitclasses.count(callee->name.substr(kNew.size())))
    return checkRecordCall(c, callee->name.substr(kNew.size()));
  if (callee && !callee->qualified && module_.records.count(callee->name) &&
      !defs_.count(callee->name) && !launch)
    return checkRecordCall(c, callee->name);
  std::vector<Type> args;
  bool known = true;
  // print(f()) shows None; a function's parameter may be None (its uses
  // are checked in it).
  bool takesNone =
      !callee->qualified && (defs_.count(callee->name) ||
                             isBuiltinNamed(callee->name, Builtin::Print));
  for (const ExprPtr &a : c->args) {
    // lst.append([]) of a list of lists: an empty row.
    auto *empty = a->dyn<ListExpr>();
    if (empty && empty->elts.empty() && args.size() == 1 &&
        isBuiltinNamed(callee->name, Builtin::ListAppend)) {
      Type row = args[0].isRagged() ? args[0].raggedRow() : Type::unknown();
      if (row.isKnown())
        fn_->exprTypes[a.get()] = row;
      args.push_back(row);
      known &= row.isKnown();
      continue;
    }
    // len(range(a, b, c)): the range's length.
    auto *inner = a->dyn<CallExpr>();
    auto *innerName = inner ? inner->callee->dyn<NameExpr>() : nullptr;
    if (innerName && c->args.size() == 1 &&
        isBuiltinNamed(callee->name, Builtin::Len) &&
        !fn_->locals.count(innerName->name) &&
        isBuiltinNamed(innerName->name, Builtin::Range)) {
      checkRangeCall(inner, innerName->name);
      return Type::i64();
    }
    optionalOk_ = takesNone;
    args.push_back(checkExpr(a.get()));
    known &= args.back().isKnown();
  }
  // weft.method.m(obj, ...): the method m of obj's class.
  std::string function = callee->name;
  if (!callee->qualified && function.rfind("weft.method.", 0) == 0) {
    if (args.empty() || !args[0].isKnown())
      return Type::unknown();
    function = methodFunction(c, function, args[0]);
    if (function.empty())
      return Type::unknown();
  }
  // np.histogram is NumPy's even in a program defining histogram().
  auto defIt = callee->qualified && isBuiltinName(callee->name)
                   ? defs_.end()
                   : defs_.find(function);
  if (defIt == defs_.end() && launch) {
    diags_.error(launch->range, "'" + callee->name +
                                    "' is not a @kernel; only kernels are "
                                    "launched with [blocks, threads]");
    return Type::unknown();
  }
  if (defIt == defs_.end()) {
    // (np.random.seed(seed): a qualified name is NumPy's, whatever the
    // function's variables are called.)
    auto local = callee->qualified && isBuiltinName(callee->name)
                     ? fn_->locals.end()
                     : fn_->locals.find(callee->name);
    if (local != fn_->locals.end() && local->second.isDType())
      return checkDTypeCall(c, local->second.scalarKind(), args);
    // np.complex64(x): the conversion (the other NumPy types are
    // builtins, or the library's conversions of narrow integers).
    ScalarKind named;
    if ((callee->qualified || local == fn_->locals.end()) &&
        parseScalarName(callee->name, named) && named == ScalarKind::C64)
      return checkDTypeCall(c, named, args);
    if (local != fn_->locals.end() && isBuiltinName(callee->name)) {
      diags_.error(callee->range,
                   "'" + callee->name + "' is a variable here (" +
                       local->second.str() + "), which hides the function " +
                       callee->name +
                       "(); rename the variable to call the function");
      return Type::unknown();
    }
    if (isBuiltinName(callee->name)) {
      std::vector<const Expr *> argExprs;
      for (const ExprPtr &a : c->args)
        argExprs.push_back(a.get());
      return checkBuiltin(c, *lookupBuiltin(callee->name), args, argExprs);
    }
    if (callee->name == "enumerate" || callee->name == "zip") {
      diags_.error(callee->range, callee->name +
                                      "() is only available in a for loop "
                                      "header (for i, x in " +
                                      callee->name +
                                      "(...):); index the arrays instead");
      return Type::unknown();
    }
    if (callee->name == "ndindex") {
      diags_.error(callee->range,
                   "ndindex() is only available in a for loop header (for "
                   "idx in ndindex(a.shape):); use unravel_index(k, shape) "
                   "elsewhere");
      return Type::unknown();
    }
    if (callee->qualified && parser::isUfuncOperator(callee->name)) {
      diags_.error(c->range,
                   "np." + callee->name +
                       "() takes its inputs, and an output array as a "
                       "statement of its own or as a variable (np.add(x, y, "
                       "out) writes x + y into out); name the output array "
                       "or use the operator for a value");
      return Type::unknown();
    }
    // Python's builtins Weft has no counterpart of (Numba compiles few).
    static const std::map<std::string, const char *> python = {
        {"frozenset", "frozensets are not supported in Weft; use a set"},
        {"map", "map() takes a function and one sequence; use a loop or "
                "a comprehension for more"},
        {"filter", "use a boolean mask, a[a > 0], instead of filter()"},
        {"open", "files are read with load() and written with save()"},
        {"input", "input() is not supported; pass values as arguments"}};
    if (auto p = python.find(callee->name); p != python.end()) {
      diags_.error(callee->range,
                   "'" + callee->name + "' is Python's: " + p->second);
      return Type::unknown();
    }
    if (callee->qualified &&
        (callee->name == "ndindex" || callee->name == "ndenumerate")) {
      diags_.error(callee->range,
                   "np." + callee->name +
                       "(...) is iterated by a for loop (for idx in "
                       "np.ndindex(a.shape), for idx, v in "
                       "np.ndenumerate(a)), not used as a value");
      return Type::unknown();
    }
    diags_.error(callee->range, "function '" + callee->name +
                                    "' is not defined; define it with "
                                    "'def " +
                                    callee->name + "(...)'");
    return Type::unknown();
  }
  const FunctionDefStmt *def = defIt->second;
  bool isKernel = isKernelDef(def);
  if (isKernel && !launch) {
    diags_.error(c->range, "'" + def->name +
                               "' is a @kernel; launch it "
                               "over a grid as " +
                               def->name + "[blocks, threads](...)");
    return Type::unknown();
  }
  if (!isKernel && launch) {
    Diagnostic &d = diags_.error(
        launch->range, "'" + def->name +
                           "' is not a @kernel; only "
                           "kernels are launched with [blocks, threads]");
    DiagnosticEngine::note(d, def->nameRange,
                           "'" + def->name + "' is defined here");
    return Type::unknown();
  }
  // Bind arguments to parameters: by position, by keyword, or default.
  std::vector<const Expr *> bound;
  if (!bindArguments(c, def, args.size(), bound))
    return Type::unknown();
  args.clear();
  known = true;
  for (const Expr *e : bound) {
    optionalOk_ = true;
    args.push_back(checkExpr(e));
    known &= args.back().isKnown();
  }
  fn_->callArgs[c] = bound;
  if (!known)
    return Type::unknown();
  // @vectorize with array arguments: the function of their element types,
  // applied element by element (NumPy broadcasting).
  int vectorRank = -1;
  if (isVectorizeDef(def))
    for (size_t i = 0; i < args.size(); ++i)
      if (args[i].isArray()) {
        vectorRank = std::max(vectorRank, args[i].rank());
        args[i] = Type::scalar(args[i].scalarKind());
      } else if (!args[i].isScalar()) {
        diags_.error(bound[i]->range,
                     "a @vectorize function takes numbers or arrays of "
                     "them, not " +
                         args[i].str());
        return Type::unknown();
      }
  for (size_t i = 0; i < args.size(); ++i) {
    const Param &p = def->params[i];
    if (!p.hasAnnotation)
      continue;
    bool saved = diags_.suppressed();
    diags_.setSuppressed(true);
    Type pt = annotationType(p.annotation);
    diags_.setSuppressed(saved);
    // Numbers convert to a declared number type, but floats do not
    // silently truncate to an integer parameter, except in code compiled
    // from Python: Numba converts them to an eager signature's int64
    // (rastermap's float index passed to an int64 parameter).
    bool truncates =
        pt.isInt() && args[i].isFloat() && !(fn_ && fn_->options.pythonLists);
    bool ok = pt == args[i].asArray() ||
              (pt.isNumber() && args[i].isScalar() && !truncates);
    if (pt.isKnown() && !ok)
      diags_.error(bound[i]->range, "argument " + std::to_string(i + 1) +
                                        " of '" + def->name + "' must be " +
                                        pt.str() + ", got " + args[i].str());
  }
  FunctionInstance *inst = instantiate(def, args, c->range);
  if (fn_->calls[c] != inst) {
    fn_->calls[c] = inst;
    change();
  }
  if (vectorRank >= 0) {
    if (fn_->vectorizedCalls.insert(c).second)
      change();
    for (size_t i = 0; i < inst->paramTypes.size(); ++i)
      if (!inst->paramTypes[i].isScalar()) {
        diags_.error(def->params[i].range,
                     "a @vectorize function's parameters are numbers; '" +
                         def->params[i].name + "' is " +
                         inst->paramTypes[i].str());
        return Type::unknown();
      }
    const Type &r = inst->returnType;
    if (!r.isKnown())
      return Type::unknown();
    if (!r.isScalar()) {
      diags_.error(def->nameRange,
                   "a @vectorize function returns one number, not " +
                       (r.isNone() ? std::string("nothing") : r.str()));
      return Type::unknown();
    }
    return Type::array(r.scalarKind(), vectorRank);
  }
  if (isKernel) {
    if (inst->returnType.isKnown() && !inst->returnType.isNone())
      diags_.error(c->range, "a @kernel returns nothing; '" + def->name +
                                 "' returns " + inst->returnType.str() +
                                 "; write results into an array argument");
    return Type::none();
  }
  return inst->returnType;
}

Type Analyzer::checkDTypeCall(const CallExpr *c, ScalarKind kind,
                              std::vector<Type> &args) {
  // dt(x) converts x as np.float64(x) would: the builtin conversion.
  std::optional<Builtin> conv;
  switch (kind) {
  case ScalarKind::Bool:
    conv = Builtin::Bool;
    break;
  case ScalarKind::I32:
    conv = Builtin::I32;
    break;
  case ScalarKind::I64:
    conv = Builtin::I64;
    break;
  case ScalarKind::F32:
    conv = Builtin::F32;
    break;
  case ScalarKind::F64:
    conv = Builtin::F64;
    break;
  case ScalarKind::C128:
    conv = Builtin::Complex;
    break;
  case ScalarKind::C64:
    // complex(x), rounded to two float32 parts
    conv = Builtin::Complex;
    if (fn_->narrowDtypeCalls.emplace(c, kind).second)
      change();
    break;
  case ScalarKind::U64:
    conv = Builtin::U64;
    break;
  default:
    // np.int16 and the other narrow types: int(x), wrapped to the width
    // (np.uint8(x) of a number is that too: NumpyBuiltinForms.cpp).
    if (isStorageKind(kind) && args.size() == 1 && args[0].isScalar()) {
      conv = Builtin::Int;
      if (fn_->narrowDtypeCalls.emplace(c, kind).second)
        change();
    }
    break;
  }
  if (!conv) {
    diags_.error(c->range, "a " + Type::dtype(kind).str() +
                               " held in a variable converts one number "
                               "(dt(3)); convert an array with "
                               "a.astype(dt)");
    return Type::unknown();
  }
  if (fn_->dtypeCalls.emplace(c, *conv).second)
    change();
  std::vector<const Expr *> argExprs;
  for (const ExprPtr &a : c->args)
    argExprs.push_back(a.get());
  Type t = checkBuiltin(c, *conv, args, argExprs);
  if (kind == ScalarKind::C64 && t.isKnown())
    return Type::scalar(kind);
  return t;
}

} // namespace sema
} // namespace weft
