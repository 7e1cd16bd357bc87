//===- Sema.cpp - Name resolution and type inference ----------------------===//
//
// Type inference runs to a fixpoint with diagnostics suppressed: each pass
// walks every instance, typing expressions from the current local types
// and widening locals by unification; recursive calls see the return type
// inferred so far. When nothing changes, one last pass reports errors.
// Assignments are typed in SemaAssign.cpp, expressions in SemaExpr.cpp.
//
//===----------------------------------------------------------------------===//
#include "frontend/ASTBuild.h"
#include "frontend/DesugarDicts.h"
#include "frontend/NumpyLibrary.h"
#include "frontend/ParserUfuncs.h"
#include "frontend/SemaImpl.h"
#include "frontend/StaticBranches.h"
#include "frontend/VersionRebindings.h"

#include <algorithm>
#include <cstring>

namespace weft {

Type FunctionInstance::typeOf(const Expr *e) const {
  auto it = exprTypes.find(e);
  return it == exprTypes.end() ? Type::unknown() : it->second;
}

/// The type of index `k` of `ix`, a 1-tuple of an index array seen as the
/// array.
static Type indexArrayType(const FunctionInstance &fn, const IndexExpr *ix,
                           size_t k) {
  Type t = fn.typeOf(ix->indices[k].get());
  // (a[np.where(c)]: the 1-tuple of an index array is the array)
  if (ix->indices.size() == 1 && t.isTuple() && t.elems().size() == 1 &&
      t.elems()[0].isArray())
    return t.elems()[0];
  return t;
}

FunctionInstance::Indexing
FunctionInstance::indexingOf(const IndexExpr *ix) const {
  // a[mask], a[idx], and a[mask, j...] / a[idx, j...] with integers and
  // slices after the array.
  int at = arrayIndexAt(ix);
  if (at < 0 || !typeOf(ix->base.get()).isArray())
    return Indexing::Basic;
  return indexArrayType(*this, ix, at).scalarKind() == ScalarKind::Bool
             ? Indexing::Mask
             : Indexing::Gather;
}

int FunctionInstance::arrayIndexAt(const IndexExpr *ix) const {
  for (size_t k = 0; k < ix->indices.size(); ++k)
    if (indexArrayType(*this, ix, k).isArray())
      return static_cast<int>(k);
  return -1;
}

std::optional<Builtin> FunctionInstance::builtinOf(const CallExpr *c) const {
  if (calls.count(c) || vectorizedCalls.count(c))
    return std::nullopt;
  if (auto it = dtypeCalls.find(c); it != dtypeCalls.end())
    return it->second;
  if (auto *n = c->callee->dyn<NameExpr>())
    return lookupBuiltin(n->name);
  if (auto *a = c->callee->dyn<AttributeExpr>())
    return lookupBuiltin(a->attr);
  return std::nullopt;
}

namespace sema {

/// Collects the names assigned anywhere in a block (not in nested defs).
void collectAssigned(const Block &block, std::vector<const Expr *> &targets,
                     std::vector<const ForStmt *> &fors) {
  for (const StmtPtr &s : block) {
    if (auto *a = s->dyn<AssignStmt>()) {
      for (const ExprPtr &t : a->targets)
        targets.push_back(t.get());
    } else if (auto *a = s->dyn<AugAssignStmt>()) {
      targets.push_back(a->target.get());
    } else if (auto *a = s->dyn<AnnAssignStmt>()) {
      targets.push_back(a->target.get());
    } else if (auto *i = s->dyn<IfStmt>()) {
      collectAssigned(i->body, targets, fors);
      collectAssigned(i->orelse, targets, fors);
    } else if (auto *f = s->dyn<ForStmt>()) {
      fors.push_back(f);
      targets.push_back(f->target.get());
      collectAssigned(f->body, targets, fors);
    } else if (auto *w = s->dyn<WhileStmt>()) {
      collectAssigned(w->body, targets, fors);
    }
  }
}

bool Analyzer::constantDefault(const Expr *v,
                               const std::set<std::string> &constants) {
  if (auto *u = v->dyn<UnaryExpr>())
    return u->op == UnaryOp::Neg &&
           constantDefault(u->operand.get(), constants);
  if (auto *b = v->dyn<BinaryExpr>())
    return constantDefault(b->lhs.get(), constants) &&
           constantDefault(b->rhs.get(), constants);
  if (auto *c = v->dyn<CallExpr>()) {
    // np.empty((0, 0)), np.zeros(3, dtype=np.bool_), PivOptions(): a new
    // value per call, which no caller can tell from Python's one (a
    // default array written by the function is a new one each call).
    auto *f = c->callee->dyn<NameExpr>();
    if (!f ||
        (!f->qualified && !constants.count(f->name) &&
         !lookupBuiltin(f->name)) ||
        !c->starred.empty())
      return false;
    // (a list of constants, or of such lists: dn=np.array([1, 1, 0],
    // np.int64) and np.array([[1, 0], [1, 1]]) make a new array of them)
    std::function<bool(const Expr *)> constant = [&](const Expr *a) {
      if (auto *l = a->dyn<ListExpr>())
        return std::all_of(l->elts.begin(), l->elts.end(),
                           [&](const ExprPtr &e) { return constant(e.get()); });
      return constantDefault(a, constants);
    };
    for (const ExprPtr &a : c->args)
      if (!constant(a.get()))
        return false;
    for (const KeywordArg &k : c->keywords)
      if (!constant(k.value.get()))
        return false;
    return true;
  }
  if (v->dyn<IntLitExpr>() || v->dyn<FloatLitExpr>() || v->dyn<BoolLitExpr>() ||
      v->dyn<StrLitExpr>())
    return true;
  if (auto *t = v->dyn<TupleExpr>()) {
    for (const ExprPtr &e : t->elts)
      if (!constantDefault(e.get(), constants))
        return false;
    return true; // (args=(): an empty tuple, passed on as f(x, *args))
  }
  auto *n = v->dyn<NameExpr>();
  return n && (n->name == "None" || n->qualified || constants.count(n->name));
}

Type Analyzer::annotationType(const TypeAnnotation &a) {
  ScalarKind k;
  if (!parseScalarName(a.scalar, k)) {
    diags_.error(a.range, "unknown type '" + a.scalar +
                              "'; use one of bool, i32, i64, f32, f64");
    return Type::unknown();
  }
  if (a.rank == 0)
    return Type::scalar(k);
  if (a.rank > kMaxRank) {
    diags_.error(a.range, "arrays have at most 8 dimensions");
    return Type::unknown();
  }
  return Type::array(k, a.rank);
}

/// True if an index of `block` (nested statements included) holds `...`.
static bool hasEllipsisIndex(const Block &block) {
  bool found = false;
  forEachExprIn(block, [&](const Expr *e) {
    if (auto *ix = e->dyn<IndexExpr>())
      for (size_t i = 0; i < ix->indices.size(); ++i)
        found |= ix->isEllipsis(i);
  });
  return found;
}

/// True if a call in `block` unpacks a tuple into arguments (f(*t)).
static bool hasStarredCall(const Block &block) {
  bool found = false;
  forEachExprIn(block, [&](const Expr *e) {
    if (auto *c = e->dyn<CallExpr>())
      found |= !c->starred.empty();
  });
  return found;
}

void Analyzer::initLocals(FunctionInstance &fn) {
  std::vector<const Expr *> targets;
  std::vector<const ForStmt *> fors;
  collectAssigned(*fn.body, targets, fors);
  for (const Expr *t : targets) {
    std::vector<const NameExpr *> names;
    namesOfTarget(t, names);
    for (const NameExpr *n : names)
      fn.locals.emplace(n->name, Type::unknown());
  }
}

FunctionInstance *Analyzer::instantiate(const FunctionDefStmt *def,
                                        const std::vector<Type> &argTypes,
                                        SourceRange callRange) {
  std::vector<Type> paramTypes;
  for (size_t i = 0; i < def->params.size(); ++i) {
    const Param &p = def->params[i];
    if (p.hasAnnotation) {
      bool saved = diags_.suppressed();
      diags_.setSuppressed(true);
      paramTypes.push_back(annotationType(p.annotation));
      diags_.setSuppressed(saved);
    } else {
      paramTypes.push_back(argTypes[i]);
    }
  }
  auto isLibrary = [](const FunctionDefStmt *d) {
    return d && d->name.rfind(kNumpyLibraryPrefix, 0) == 0;
  };
  std::string key = def->name + "(";
  for (const Type &t : paramTypes)
    key += t.str() + ";";
  int64_t reportLine = 0;
  if (isLibrary(def) && libraryRaises(def)) {
    reportLine =
        fn_ && isLibrary(fn_->def) ? fn_->reportLine : callRange.begin.line;
    key += ")@" + std::to_string(reportLine);
  }
  auto it = instancesByKey_.find(key);
  if (it != instancesByKey_.end())
    return it->second;
  auto inst = std::make_unique<FunctionInstance>();
  inst->def = def;
  inst->body = &def->body;
  inst->ownedBody = pruneStaticBranches(*def, paramTypes);
  // checkIndex expands `...` for the instance's ranks, in its own copy.
  // So does checkCall f(*t) for the instance's tuple lengths.
  if (!inst->ownedBody &&
      (hasEllipsisIndex(def->body) || hasStarredCall(def->body)))
    inst->ownedBody = std::make_unique<Block>(cloneBlock(def->body));
  if (inst->ownedBody)
    inst->body = inst->ownedBody.get();
  {
    // Decorator errors are reported once, when the def is first seen.
    bool saved = diags_.suppressed();
    diags_.setSuppressed(true);
    inst->options = jitOptions(def);
    diags_.setSuppressed(saved);
  }
  inst->name = def->name;
  inst->symbol = def->name;
  bool generic = false;
  for (const Param &p : def->params)
    generic |= !p.hasAnnotation;
  if (generic) {
    inst->symbol += "__";
    for (const Type &t : paramTypes) {
      std::string s = t.str();
      for (char &c : s)
        if (!isalnum(static_cast<unsigned char>(c)))
          c = '_';
      inst->symbol += "_" + s;
    }
  }
  if (reportLine > 0)
    inst->symbol += "__at" + std::to_string(reportLine);
  inst->reportLine = reportLine;
  for (size_t i = 0; i < def->params.size(); ++i) {
    inst->paramNames.push_back(def->params[i].name);
    inst->paramTypes.push_back(paramTypes[i]);
    inst->locals[def->params[i].name] = paramTypes[i];
  }
  if (def->hasReturnAnnotation) {
    bool saved = diags_.suppressed();
    diags_.setSuppressed(true);
    inst->returnType = annotationType(def->returnAnnotation);
    diags_.setSuppressed(saved);
  }
  initLocals(*inst);
  FunctionInstance *raw = inst.get();
  instancesByKey_[key] = raw;
  program_->instances.push_back(std::move(inst));
  change();
  if (isLibrary(def) && !(fn_ && isLibrary(fn_->def)))
    libraryCallSites_.emplace(def, callRange);
  return raw;
}

bool Analyzer::libraryRaises(const FunctionDefStmt *def) {
  auto [it, added] = libraryRaises_.emplace(def, false);
  if (!added)
    return it->second; // known, or being decided (a recursive call)
  bool raises = false;
  forEachStmtIn(def->body, [&](const Stmt &s) {
    raises |= s.dyn<AssertStmt>() != nullptr;
  });
  std::string prefix = kNumpyLibraryPrefix;
  forEachExprIn(def->body, [&](const Expr *e) {
    auto *c = e->dyn<CallExpr>();
    auto *n = c ? c->callee->dyn<NameExpr>() : nullptr;
    if (raises || !n || n->name.rfind(prefix, 0) != 0)
      return;
    auto callee = defs_.find(n->name);
    raises = callee != defs_.end() && libraryRaises(callee->second);
  });
  libraryRaises_[def] = raises;
  return raises;
}

void Analyzer::noteLibraryCallSites() {
  if (libraryCallSites_.empty())
    return;
  // The library function holding an error: the last one defined before
  // its line (the library's functions follow the program's lines).
  for (Diagnostic &d : diags_.diagnostics()) {
    const FunctionDefStmt *holder = nullptr;
    for (const StmtPtr &s : module_.body) {
      auto *def = s->dyn<FunctionDefStmt>();
      if (def && def->name.rfind(kNumpyLibraryPrefix, 0) == 0 &&
          def->range.begin.line <= d.range.begin.line &&
          (!holder || def->range.begin.line > holder->range.begin.line))
        holder = def;
    }
    auto it = holder ? libraryCallSites_.find(holder) : libraryCallSites_.end();
    if (it == libraryCallSites_.end() || !d.notes.empty())
      continue;
    std::string name = holder->name.substr(std::strlen(kNumpyLibraryPrefix));
    if (name.rfind("linalg_", 0) == 0)
      name[6] = '.';
    DiagnosticEngine::note(d, it->second,
                           "in np." + name +
                               ", called here; check the types of its "
                               "arguments");
  }
}

std::unique_ptr<Program>
Analyzer::run(std::vector<EntryRequest> *entries,
              const std::map<std::string, Type> *session) {
  program_ = std::make_unique<Program>();
  program_->records = module_.records;
  program_->recordTypeNames = module_.recordTypeNames;
  program_->jitclasses = module_.jitclasses;
  // Function table; nested and duplicate definitions are errors.
  // Module-level names bound to numbers (`_xtol = 2e-12`): constants a
  // default value may name, as Python evaluates it once.
  std::set<std::string> moduleConstants;
  for (const StmtPtr &s : module_.body)
    if (auto *a = s->dyn<AssignStmt>())
      for (const ExprPtr &t : a->targets)
        if (auto *n = t->dyn<NameExpr>())
          moduleConstants.insert(n->name);
  for (const auto &[name, fields] : module_.records) // namedtuple classes
    moduleConstants.insert(name);
  // A default may name a function too (`metric=euclidean`: the calls
  // leaving it out pass it, SpecializeFunctionArguments.h).
  std::set<std::string> moduleFunctions;
  for (const StmtPtr &s : module_.body)
    if (auto *d = s->dyn<FunctionDefStmt>())
      moduleFunctions.insert(d->name);
  auto functionName = [&](const Expr *v) {
    auto *n = v->dyn<NameExpr>();
    return n && !n->qualified && moduleFunctions.count(n->name);
  };
  for (const StmtPtr &s : module_.body) {
    if (auto *d = s->dyn<FunctionDefStmt>()) {
      if (defs_.count(d->name)) {
        Diagnostic &diag = diags_.error(
            d->nameRange,
            "function '" + d->name + "' is defined twice; rename one of them");
        DiagnosticEngine::note(diag, defs_[d->name]->nameRange,
                               "first defined here");
        continue;
      }
      (void)jitOptions(d);
      // Annotation errors (unknown types, too many axes) are reported
      // here, once per definition; instances use the annotations quietly.
      for (const Param &p : d->params)
        if (p.hasAnnotation)
          (void)annotationType(p.annotation);
      if (d->hasReturnAnnotation)
        (void)annotationType(d->returnAnnotation);
      for (const Param &p : d->params) {
        if (p.defaultValue &&
            !constantDefault(p.defaultValue.get(), moduleConstants) &&
            !functionName(p.defaultValue.get()))
          diags_.error(p.defaultValue->range,
                       "a default value must be a constant: a number, bool "
                       "or str literal, None, np.inf or math.pi, a module "
                       "constant or function, a NumPy call or an operator "
                       "of them, or a tuple of them");
      }
      // A function may take the name of a NumPy function, a constant
      // (`def pi(sst, ...)`, tcpyPI's) or a kernel builtin, as in Python:
      // it then shadows the builtin, which stays reachable as np.name.
      // Python's own builtins and Weft's conversions and transforms keep
      // their names.
      static const std::set<std::string> reserved = {
          "print", "range", "prange", "len",   "min",  "max",
          "abs",   "sum",   "int",    "float", "bool", "round"};
      std::optional<Builtin> b = lookupBuiltin(d->name);
      bool shadowable =
          b && !reserved.count(d->name) &&
          (builtinKind(*b) == BuiltinKind::Kernel ||
           builtinKind(*b) == BuiltinKind::Constant ||
           ((builtinKind(*b) == BuiltinKind::Function ||
             builtinKind(*b) == BuiltinKind::Math) &&
            !builtinIn(b, {Builtin::F64, Builtin::I64, Builtin::I32,
                           Builtin::F32, Builtin::U64, Builtin::Argv,
                           Builtin::Time, Builtin::BenchWork})));
      if (isBuiltinName(d->name) && !shadowable)
        diags_.error(d->nameRange, "'" + d->name +
                                       "' is a builtin; choose another "
                                       "name for this function");
      defs_[d->name] = d;
    }
  }
  auto mainInst = std::make_unique<FunctionInstance>();
  mainInst->body = &module_.body;
  mainInst->name = "__weft_main";
  mainInst->symbol = "__weft_main";
  mainInst->returnType = Type::none();
  initLocals(*mainInst);
  if (session) {
    program_->session = true;
    program_->sessionInputs = *session;
    for (const auto &[name, type] : *session)
      mainInst->locals[name] = type;
  }
  program_->main = mainInst.get();
  program_->instances.push_back(std::move(mainInst));

  // Fully annotated functions are compiled even when not called.
  for (auto &[name, def] : defs_) {
    bool annotated = true;
    for (const Param &p : def->params)
      annotated &= p.hasAnnotation;
    if (annotated)
      instantiate(def, {}, def->nameRange);
  }
  // Functions the host program calls, with its argument types. A request
  // that does not fit the function is the host's error (callError).
  if (entries)
    for (EntryRequest &e : *entries) {
      auto callError = [&](SourceRange r, const std::string &msg) {
        diags_.error(r, msg);
        e.callError = true;
      };
      auto it = defs_.find(e.name);
      if (it == defs_.end()) {
        callError(SourceRange(SourceLocation{1, 1}),
                  "there is no function '" + e.name + "' to call");
        continue;
      }
      const FunctionDefStmt *def = it->second;
      if (isKernelDef(def)) {
        callError(def->nameRange, "'" + e.name +
                                      "' is a @kernel; the "
                                      "host calls plain functions");
        continue;
      }
      if (!def->grownLists.empty()) {
        // (the list it grows would come back as its result, not into the
        // host's list)
        callError(def->nameRange,
                  "'" + e.name + "' grows or shrinks its list parameter '" +
                      def->grownLists[0] +
                      "', which Weft supports in calls from Weft functions "
                      "only; call it from a jitted function that makes the "
                      "list and returns it");
        continue;
      }
      if (e.argTypes.size() != def->params.size()) {
        callError(def->nameRange, "'" + e.name + "' takes " +
                                      std::to_string(def->params.size()) +
                                      " arguments, the host passed " +
                                      std::to_string(e.argTypes.size()));
        continue;
      }
      FunctionInstance *inst = instantiate(def, e.argTypes, def->nameRange);
      for (size_t i = 0; i < e.argTypes.size(); ++i) {
        const Type &want = inst->paramTypes[i], &got = e.argTypes[i];
        if (!(want == got || (want.isNumber() && got.isNumber())))
          callError(def->params[i].range, "argument " + std::to_string(i + 1) +
                                              " of '" + e.name + "' must be " +
                                              want.str() +
                                              ", the host passed " + got.str());
      }
      inst->exported = true;
      e.instance = inst;
    }

  diags_.setSuppressed(true);
  for (int iter = 0; iter < 100; ++iter) {
    changes_ = 0;
    for (size_t i = 0; i < program_->instances.size(); ++i)
      checkFunction(*program_->instances[i]);
    if (changes_ == 0)
      break;
  }
  diags_.setSuppressed(false);
  reporting_ = true;
  int before = diags_.errorCount();
  for (size_t i = 0; i < program_->instances.size(); ++i) {
    FunctionInstance &fn = *program_->instances[i];
    // Report each definition's errors once, for the first of its instances
    // that has any (an instance of other types may have errors the first
    // one has not: f(2) and f(array)).
    if (fn.def && reportedDefs_.count(fn.def))
      diags_.setSuppressed(true);
    int errorsBefore = diags_.errorCount();
    checkFunction(fn);
    if (fn.def && diags_.errorCount() != errorsBefore)
      reportedDefs_.insert(fn.def);
    diags_.setSuppressed(false);
  }
  // A type left unknown after another error is a consequence of that
  // error (in this function or one it calls): report it only when nothing
  // else explains it.
  if (diags_.errorCount() == before) {
    std::set<const FunctionDefStmt *> reported;
    for (auto &fn : program_->instances) {
      diags_.setSuppressed(fn->def && reported.count(fn->def));
      int errorsBefore = diags_.errorCount();
      reportUnknownLocals(*fn);
      if (fn->def && diags_.errorCount() != errorsBefore)
        reported.insert(fn->def);
    }
    diags_.setSuppressed(false);
  }
  noteLibraryCallSites();
  // (A jitclass instance goes back to the host as a tuple of its fields,
  // its number fields as their cells, named by its class: the Python
  // package makes the instance of them; weft_value::record_name.)
  if (diags_.hasErrors() || diags_.errorCount() != before)
    return nullptr;
  // How each loop runs, once the types are known; a definition's warnings
  // once, for its first instance.
  std::set<const FunctionDefStmt *> planned;
  for (auto &fn : program_->instances) {
    // (an error at the place of an earlier one is not repeated)
    diags_.setWarningsSuppressed(fn->def && !planned.insert(fn->def).second);
    planLoops(*fn, program_->session && !fn->def, diags_);
  }
  diags_.setWarningsSuppressed(false);
  if (diags_.hasErrors())
    return nullptr;
  computeWrittenParams(*program_);
  reportVisibleCopies();
  if (diags_.hasErrors())
    return nullptr;
  return std::move(program_);
}

void Analyzer::checkFunction(FunctionInstance &fn) {
  fn_ = &fn;
  loopDepth_ = 0;
  int errorsBefore = diags_.errorCount();
  checkBlock(*fn.body);
  if (fn.returnType.isUnknown()) {
    // No return statement reached a known type yet; a function without
    // any `return value` returns None.
    bool hasValueReturn = false;
    std::vector<const Block *> stack{fn.body};
    while (!stack.empty()) {
      const Block *b = stack.back();
      stack.pop_back();
      for (const StmtPtr &s : *b) {
        if (auto *r = s->dyn<ReturnStmt>()) {
          // `return None`, and `return f(x)` of a function that returns
          // nothing, return None.
          auto *none = r->value ? r->value->dyn<NameExpr>() : nullptr;
          hasValueReturn |= r->value != nullptr &&
                            !(none && none->name == "None") &&
                            !fn.typeOf(r->value.get()).isNone();
        } else if (auto *i = s->dyn<IfStmt>()) {
          stack.push_back(&i->body);
          stack.push_back(&i->orelse);
        } else if (auto *f = s->dyn<ForStmt>())
          stack.push_back(&f->body);
        else if (auto *w = s->dyn<WhileStmt>())
          stack.push_back(&w->body);
      }
    }
    if (!hasValueReturn) {
      fn.returnType = Type::none();
      change();
    } else if (reporting_ && fn.def && diags_.errorCount() == errorsBefore) {
      // Every return gives a value made from the function's own result
      // (`def f(x): return f(x)`): no type to infer it from.
      diags_.error(fn.def->nameRange,
                   "cannot infer what '" + fn.def->name +
                       "' returns: none of its returns gives a value of "
                       "known type (a recursion with no other result, or a "
                       "variable read before it has a value); return a "
                       "value of known type on some path");
    }
  }
  // A function returning a number, an array or a tuple that can also
  // reach its end returns None there, as in Python: its result is
  // optional.
  if (fn.def && !fn.def->hasReturnAnnotation && fn.returnType.isKnown() &&
      !fn.returnType.isNone() && !fn.returnType.isOptional() &&
      mayBeNone(fn.returnType) && canFallOffEnd(*fn.body)) {
    fn.returnType = Type::optional(fn.returnType);
    change();
  }
  if (reporting_)
    checkReturnsOnEveryPath(fn);
  fn_ = nullptr;
}

bool Analyzer::isTruthy(const Type &t, SourceRange range) {
  // A Python list is true when it is not empty.
  // A tuple is true when it is not empty (`if not a.shape:`), None is
  // false.
  if (t.isUnknown() || t.isScalar() || t.isList() || t.isTupleList() ||
      t.isString() || t.isRagged() || t.isTuple() || t.isNone())
    return true;
  if (t.isArray())
    diags_.error(range, "the truth value of an array is ambiguous; use "
                        "any(a) or all(a), or compare an element");
  else
    diags_.error(range,
                 "a condition must be a bool or a number, not " + t.str());
  return false;
}

void Analyzer::checkReturn(const ReturnStmt &r) {
  if (!fn_->def) {
    diags_.error(r.range, "'return' outside a function; top-level code "
                          "ends at the end of the file");
    return;
  }
  optionalOk_ = true;
  returnTuple_ = r.value && r.value->dyn<TupleExpr>() ? r.value.get() : nullptr;
  Type v = r.value ? checkExpr(r.value.get()) : Type::none();
  optionalOk_ = false;
  returnTuple_ = nullptr;
  if (v.isUnknown())
    return;
  if (v.isDType()) {
    diags_.error(r.value->range,
                 "a function cannot return a dtype; pass the dtype to the "
                 "functions that need it, or return an array of it");
    return;
  }
  // A None before any value: the type waits for the values (a function
  // returning only None is typed at its end).
  if (v.isNone() && fn_->returnType.isUnknown())
    return;
  if (fn_->returnType.isUnknown()) {
    fn_->returnType = v;
    change();
    return;
  }
  if (fn_->def->hasReturnAnnotation) {
    // Numbers convert to the declared type, but floats do not silently
    // truncate to an integer (as for parameters).
    const Type &want = fn_->returnType;
    bool ok = v.asArray() == want || (v.isNumber() && want.isNumber() &&
                                      !(want.isInt() && v.isFloat()));
    if (!ok)
      diags_.error(r.value ? r.value->range : r.range,
                   "returns a " + v.str() +
                       " but the function is declared to return " + want.str() +
                       (want.isInt() && v.isFloat()
                            ? "; convert with " + want.str() + "(x)"
                            : std::string()));
    return;
  }
  bool ok;
  Type u = unifyReturn(fn_->returnType, v, ok);
  if (!ok) {
    auto valueOf = [](const Type &t) {
      return t.isOptional() ? t.optionalValue() : t;
    };
    // (None beside a list or str; else two values of different types)
    bool none = (v.isNone() || fn_->returnType.isNone() || v.isOptional() ||
                 fn_->returnType.isOptional()) &&
                !(mayBeNone(valueOf(v)) && mayBeNone(valueOf(fn_->returnType)));
    diags_.error(r.value ? r.value->range : r.range,
                 "'" + fn_->name + "' returns " +
                     (v.isNone() ? std::string("None") : "a " + v.str()) +
                     " here but " +
                     (fn_->returnType.isNone() ? std::string("None")
                                               : "a " + fn_->returnType.str()) +
                     " elsewhere; " +
                     (none ? "lists, strs and complex numbers are never None "
                             "in Weft (numbers, arrays and tuples may be)"
                           : "every return must give the same type"));
    return;
  }
  if (u != fn_->returnType) {
    fn_->returnType = u;
    change();
  }
  return;
}

void Analyzer::checkStmt(const Stmt &s) {
  switch (s.kind) {
  case StmtKind::Expr: {
    auto &e = static_cast<const ExprStmt &>(s);
    checkExpr(e.value.get());
    return;
  }
  case StmtKind::Assign: {
    auto &a = static_cast<const AssignStmt &>(s);
    // `lst = []`: typed by what is appended to lst (SemaLists.cpp).
    auto *empty = a.value->dyn<ListExpr>();
    auto *target =
        a.targets.size() == 1 ? a.targets[0]->dyn<NameExpr>() : nullptr;
    auto slot = target ? fn_->locals.find(target->name) : fn_->locals.end();
    emptyListTarget_ = empty && empty->elts.empty() && slot != fn_->locals.end()
                           ? &slot->second
                           : nullptr;
    // A list of lists whose rows grow: its comprehension or display
    // makes one of any lengths.
    bool ragged = slot != fn_->locals.end() && slot->second.isRagged();
    raggedValue_ = ragged ? a.value.get() : nullptr;
    raggedTarget_ = ragged ? target->name : "";
    // The lists of a dict or set (DesugarDicts.h) are Python lists in
    // every function.
    // (a rebinding of a dict's list is a new version of its name)
    bool dictPart = target && isDictPart(withoutVersionSuffixes(target->name));
    emptyListOfDict_ = emptyListTarget_ && dictPart;
    dictPartValue_ = dictPart ? a.value->dyn<ListCompExpr>() : nullptr;
    // `out[i] = (x, y)` into an array view: the tuple of numbers is a 1-D
    // array, as NumPy converts it.
    auto *ix = a.targets.size() == 1 ? a.targets[0]->dyn<IndexExpr>() : nullptr;
    tupleAsArray_ = ix && a.value->dyn<TupleExpr>() && checkExpr(ix).isArray();
    optionalOk_ = target != nullptr; // `x = f()`: x may be None
    Type v = checkExpr(a.value.get());
    tupleAsArray_ = false;
    emptyListTarget_ = nullptr;
    raggedValue_ = nullptr;
    dictPartValue_ = nullptr;
    bool noneAllowed = v.isNone() && fn_->options.pythonLists &&
                       a.targets.size() == 1 && a.targets[0]->dyn<NameExpr>() &&
                       a.value->dyn<NameExpr>();
    if (v.isNone() && !noneAllowed)
      diags_.error(a.value->range,
                   a.value->dyn<NameExpr>()
                       ? "a variable cannot be set to None; give it a value "
                         "of its type that means 'nothing' (such as -1), or "
                         "return None from a function (an optional value)"
                       : "this call returns no value; it cannot be assigned");
    for (const ExprPtr &t : a.targets)
      assignTo(t.get(), v, a.value->range, a.value.get());
    return;
  }
  case StmtKind::AnnAssign:
    checkAnnAssign(static_cast<const AnnAssignStmt &>(s));
    return;
  case StmtKind::AugAssign: {
    auto &a = static_cast<const AugAssignStmt &>(s);
    Type cur = checkExpr(a.target.get());
    Type v = checkExpr(a.value.get());
    Type r = binaryResult(a.op, a.target.get(), cur, a.value.get(), v, a.range);
    if (r.isString() && a.target->dyn<NameExpr>()) {
      // s += t: a new str bound to s (a str is never changed in place).
      assignTo(a.target.get(), r, a.range);
      return;
    }
    if (auto *ix = a.target->dyn<IndexExpr>()) {
      if (!checkArrayIndexStore(ix, v, a.value->range))
        return;
      if (r.elementType().isComplex() && cur.isKnown() &&
          !cur.elementType().isComplex()) {
        diags_.error(a.range, "in-place '" + std::string(spelling(a.op)) +
                                  "=' of a complex number on an element of "
                                  "type " +
                                  cur.str() +
                                  " would drop the imaginary part; make the "
                                  "array complex");
        return;
      }
    }
    // Python's lst += [x] extends the list and lst *= 2 repeats it: a
    // local list is given the longer list (a parameter's would not reach
    // the caller).
    auto *name = a.target->dyn<NameExpr>();
    bool listResult = (r.isArray() && r.listDepth() > 0) || r.isRagged();
    if (name && listResult && (cur.listDepth() > 0 || cur.isRagged()) &&
        std::none_of(fn_->paramNames.begin(), fn_->paramNames.end(),
                     [&](const std::string &p) {
                       return withoutVersionSuffixes(p) ==
                              withoutVersionSuffixes(name->name);
                     })) {
      assignTo(a.target.get(), r, a.range);
      return;
    }
    if (r.isList() || r.isRagged()) {
      // (an element's or a parameter's list)
      diags_.error(a.range, std::string("'") + spelling(a.op) +
                                "=' of a list makes a longer list in "
                                "Python; write lst = lst " +
                                spelling(a.op) +
                                " ... for the new list (and return it, for "
                                "a parameter's)");
      return;
    }
    if (cur.isArray() && r.isKnown()) {
      // In place, as in NumPy: the array keeps its shape and dtype.
      if (r.rank() > cur.rank())
        diags_.error(a.range, "the right side has more dimensions than " +
                                  cur.str() +
                                  "; the result would not fit "
                                  "in place");
      else if ((cur.elementType().isInt() || cur.elementType().isBool()) &&
               r.elementType().isFloat())
        diags_.error(a.range, "in-place '" + std::string(spelling(a.op)) +
                                  "=' on " + cur.str() +
                                  " gives floats; write a = a " +
                                  spelling(a.op) +
                                  " ... to make a new "
                                  "float array");
      return;
    }
    if (a.target->dyn<NameExpr>() || a.target->dyn<IndexExpr>())
      assignTo(a.target.get(), r, a.range);
    else
      diags_.error(a.target->range, "augmented assignment needs a name or "
                                    "an element a[i] on the left");
    return;
  }
  case StmtKind::If: {
    auto &i = static_cast<const IfStmt &>(s);
    if (checkNoneTestIf(i))
      return;
    isTruthy(checkExpr(i.cond.get()), i.cond->range);
    checkBlock(i.body);
    checkBlock(i.orelse);
    return;
  }
  case StmtKind::While: {
    auto &w = static_cast<const WhileStmt &>(s);
    isTruthy(checkExpr(w.cond.get()), w.cond->range);
    ++loopDepth_;
    checkBlock(w.body);
    --loopDepth_;
    return;
  }
  case StmtKind::For: {
    auto &f = static_cast<const ForStmt &>(s);
    auto *call = f.iter->dyn<CallExpr>();
    auto *callee = call ? call->callee->dyn<NameExpr>() : nullptr;
    if (!callee || (!isBuiltinNamed(callee->name, Builtin::Range) &&
                    !isBuiltinNamed(callee->name, Builtin::Prange))) {
      // DesugarLoops rewrote every other loop into a range loop.
      diags_.error(f.iter->range, "internal: a for loop over something "
                                  "other than range(...) or prange(...) "
                                  "was not rewritten");
    } else {
      checkRangeCall(call, callee->name);
    }
    if (!f.target->dyn<NameExpr>())
      diags_.error(f.target->range, "the loop variable must be a name");
    else
      assignTo(f.target.get(), Type::i64(), f.target->range);
    ++loopDepth_;
    checkBlock(f.body);
    --loopDepth_;
    return;
  }
  case StmtKind::Break:
  case StmtKind::Continue:
    if (loopDepth_ == 0)
      diags_.error(s.range,
                   std::string("'") +
                       (s.kind == StmtKind::Break ? "break" : "continue") +
                       "' is only allowed inside a loop");
    return;
  case StmtKind::Return:
    checkReturn(static_cast<const ReturnStmt &>(s));
    return;
  case StmtKind::Pass:
    return;
  case StmtKind::Assert: {
    auto &a = static_cast<const AssertStmt &>(s);
    isTruthy(checkExpr(a.test.get()), a.test->range);
    // A message that is a name bound to a string once (`msg = "..."`, a
    // local assigned once or a module constant) is that string, as
    // Numba finds it; any other message that is not a string literal (an
    // f-string, a computed string) is left out, as Numba leaves it out:
    // the error has the exception's name alone.
    if (auto *n = a.msg ? a.msg->dyn<NameExpr>() : nullptr)
      if (const Expr *lit = constantString(*n))
        fn_->moduleConstants[n] = lit;
    return;
  }
  case StmtKind::FunctionDef:
    if (fn_->def)
      diags_.error(static_cast<const FunctionDefStmt &>(s).nameRange,
                   "a function defined in a loop or branch, or inside an "
                   "inner function, is not supported; define it at the top "
                   "of the function's body or at the top level");
    return;
  }
}

Type Analyzer::checkExpr(const Expr *e) {
  bool optionalOk = optionalOk_;
  optionalOk_ = false;
  Type t = checkExprImpl(e);
  // A name, call or tuple part that may be None, used as its value:
  // Numba's cast, `TypeError: expected T, got None` at run time when it
  // is None.
  bool unwrap =
      t.isOptional() && !optionalOk &&
      (e->dyn<NameExpr>() || e->dyn<CallExpr>() || e->dyn<IndexExpr>());
  if (unwrap) {
    auto [it, added] = fn_->unwrapped.emplace(e, t);
    if (added || it->second != t) {
      it->second = t;
      change();
    }
    t = t.optionalValue();
  } else if (fn_->unwrapped.erase(e)) {
    change();
  }
  Type &slot = fn_->exprTypes[e];
  if (slot != t) {
    slot = t;
    change();
  }
  return t;
}

} // namespace sema

std::unique_ptr<Program>
analyzeModule(const ModuleAST &module, DiagnosticEngine &diags,
              std::vector<EntryRequest> *entries,
              const std::map<std::string, Type> *session) {
  sema::Analyzer a(module, diags);
  return a.run(entries, session);
}

} // namespace weft
