//===- SemaImpl.h - Internals of name resolution and typing ---*- C++ -*-===//
//
// Internal to frontend/: the Analyzer that Sema.cpp (statements and the
// inference fixpoint), SemaExpr.cpp (expressions) and SemaBuiltins.cpp
// (builtin functions) and SemaReturns.cpp (missing returns) implement
// together.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_SEMAIMPL_H
#define WEFT_FRONTEND_SEMAIMPL_H

#include "frontend/Sema.h"

#include <optional>
#include <set>

namespace weft {
namespace sema {

/// Builtins whose result is a new buffer whatever their arguments
/// (SemaWrites.cpp).
bool returnsNewBuffer(Builtin b);

/// An array a list of arrays holds as a row: not a list, a str or of
/// complex numbers.
inline bool listableArray(const Type &t) {
  return t.isArray() && t.listDepth() == 0 && !t.isString() &&
         !t.elementType().isComplex();
}
/// The element kind of a list of arrays whose rows had kind `had` and
/// get one of kind `added`: an array keeps its dtype, two dtypes make
/// the wider.
inline ScalarKind arrayRowsKind(ScalarKind had, ScalarKind added) {
  return had == added ? added : promote(computeKind(had), computeKind(added));
}

/// An integer literal, possibly negated, and its value.
bool intLiteralValue(const Expr *e, int64_t &value);
/// An int or float literal, possibly negated.
bool isLiteral(const Expr *e);
/// NumPy's promotion of two operands of kinds `l` and `r` where a literal
/// is weak (NumPy 2; NumPy 1's value-based casting agrees for arrays): a
/// literal (`lLit`, `rLit`) adopts the other operand's kind when it is of
/// the same category or an int beside a float, so f32 array * 2.0 and
/// maximum(f32 array, 0) stay f32.
ScalarKind promoteWeak(ScalarKind l, bool lLit, ScalarKind r, bool rLit);
/// Numba's promotion of two operands, literal or not, in code compiled
/// from Python: a number of a lower category (bool < int < float) than
/// an array's elements takes the array's kind (f32 array + 1 is f32);
/// otherwise the kinds promote (f32 array * 0.5, f32 * 0.5 and i32 array
/// + 1 are f64, f64 and i64, as Numba types them).
ScalarKind promoteNumba(ScalarKind l, bool lArray, ScalarKind r, bool rArray);
/// Whether promoteNumba applies to operands of kinds `l` and `r` (not to
/// uint64, which keeps Weft's rules, nor to two bools).
bool numbaPromotes(ScalarKind l, ScalarKind r);
/// Collects the names assigned anywhere in a block (not in nested defs).
void collectAssigned(const Block &block, std::vector<const Expr *> &targets,
                     std::vector<const ForStmt *> &fors);
/// Sets FunctionInstance::writtenParams of every instance (SemaWrites.cpp).
void computeWrittenParams(Program &program);
/// An array copied into a list of arrays (appended, stored as a row, in a
/// tuple appended) where Python's list would hold the array itself.
struct CopiedValue {
  const Expr *list = nullptr; ///< the list (null if not known)
  const Expr *value = nullptr;
};
/// For each copy in `fn`, whether no one can tell it from the array: the
/// function writes nothing the copy's array or the list's elements may
/// share, and the list does not outlive it (SemaWrites.cpp; after
/// computeWrittenParams).
std::vector<bool> copiesInvisible(const FunctionInstance &fn,
                                  const std::vector<CopiedValue> &copies);
/// Sets FunctionInstance::loopPlans of `fn` (SemaLoops.cpp), reporting
/// the errors and warnings of its prange loops. `sessionBody`: the script
/// body of a session entry, whose variables all outlive its loops.
void planLoops(FunctionInstance &fn, bool sessionBody, DiagnosticEngine &diags);

/// True if control can reach the end of `body` (SemaReturns.cpp).
bool canFallOffEnd(const Block &body);

class Analyzer {
public:
  Analyzer(const ModuleAST &m, DiagnosticEngine &d) : module_(m), diags_(d) {}

  /// True if `def` has @vectorize.
  static bool isVectorizeDef(const FunctionDefStmt *def);
  std::unique_ptr<Program>
  run(std::vector<EntryRequest> *entries = nullptr,
      const std::map<std::string, Type> *session = nullptr);

private:
  // Instance management.
  FunctionInstance *instantiate(const FunctionDefStmt *def,
                                const std::vector<Type> &argTypes,
                                SourceRange callRange);
  void initLocals(FunctionInstance &fn);

  // One inference pass over an instance.
  void checkFunction(FunctionInstance &fn);
  /// Reports a function returning a value whose end can be reached
  /// (SemaReturns.cpp).
  void checkReturnsOnEveryPath(FunctionInstance &fn);
  void checkBlock(const Block &b);
  void checkStmt(const Stmt &s);
  /// `x: T = v` (and `x: T = load("f.npy")`).
  void checkAnnAssign(const AnnAssignStmt &a);
  /// `return v`: the function's return type, declared or unified.
  void checkReturn(const ReturnStmt &r);
  /// A store through a boolean or integer array index (`a[mask] = v`)
  /// takes a number; reports and returns false otherwise.
  /// lst[i] = value into a list of tuples of element type `elem`.
  void checkTupleListStore(const IndexExpr *ix, const Type &base,
                           const Type &elem, const Type &value,
                           SourceRange valueRange);
  bool checkArrayIndexStore(const IndexExpr *ix, const Type &value,
                            SourceRange valueRange);
  /// `value`: the expression assigned, where one is (not an unpacked
  /// part).
  void assignTo(const Expr *target, const Type &valueType,
                SourceRange valueRange, const Expr *value = nullptr);
  void assignName(const NameExpr *n, const Type &t, SourceRange valueRange);
  Type checkExpr(const Expr *e);
  Type checkExprImpl(const Expr *e);
  /// Set just before checkExpr of an expression whose place takes a value
  /// that may be None (`x = f()`, `return f()`, `f() is None`,
  /// `print(f())`); elsewhere a name or call that may be None is its value,
  /// checked at run time as Numba casts an optional (fn_->unwrapped).
  bool optionalOk_ = false;
  /// The tuple a return statement returns: its elements may be None
  /// (`return first_p, first_i, first_t`), each an optional of its own.
  const Expr *returnTuple_ = nullptr;
  /// [elt for x in range(...) or array]: an array one axis longer than elt.
  Type checkListComp(const ListCompExpr *lc);
  /// Python's + and * of tuples (of numbers) and of lists of tuples, or
  /// nullopt for other operands (SemaSequences.cpp).
  std::optional<Type> sequenceResult(BinaryOp op, const Expr *lhsE,
                                     const Type &l, const Expr *rhsE,
                                     const Type &r, SourceRange range);
  /// Python's str (SemaStrings.cpp): `+` and `*` of strs, comparisons,
  /// `in`, indexing, the builtins that take strs and the methods; nullopt
  /// where no str is involved.
  std::optional<Type> stringBinary(BinaryOp op, const Type &l, const Type &r,
                                   SourceRange range);
  std::optional<Type> stringCompare(const CompareExpr *c,
                                    const std::vector<Type> &ts);
  std::optional<Type> stringMembership(const CompareExpr *c, const Type &x,
                                       const Type &in);
  Type checkStringIndex(const IndexExpr *ix, const std::vector<Type> &its);
  std::optional<Type>
  checkStringBuiltin(const CallExpr *c, Builtin b,
                     const std::vector<Type> &args,
                     const std::vector<const Expr *> &argExprs);
  Type checkStringMethod(const CallExpr *c, const AttributeExpr *m);
  /// str(x), format(x, spec), an f-string's field: a str.
  Type checkFormat(const CallExpr *c, Builtin b, const std::vector<Type> &args,
                   const std::vector<const Expr *> &argExprs);
  /// False (reported) when `elem`, to be a list's element, is a str.
  bool refuseStrList(const Type &elem, SourceRange range);
  /// The arguments of range(...)/prange(...) as a loop's iterable.
  void checkRangeCall(const CallExpr *call, const std::string &name);
  Type checkCompare(const CompareExpr *c);
  /// a[i, j:k]: an element, a view, or a tuple item.
  Type checkIndex(const IndexExpr *ix);
  /// base[...] for a base of type `base` (checkIndex, with the base
  /// checked).
  Type checkIndexOn(const IndexExpr *ix, Type base);
  /// Structured arrays and records (SemaStructured.cpp): indexing one
  /// (a['x'] a field, a[i] a record, slices and selections of records),
  /// rec.x, __structured(...), and the builtins and operators that take
  /// one.
  Type checkStructuredIndex(const IndexExpr *ix, const Type &base);
  Type structuredField(const Type &base, const std::string &name,
                       SourceRange range);
  /// rec.x = v (rewritten as rec.__cell__x[0] = v): the field's bytes as
  /// a 1-element array of its type.
  Type structuredFieldCell(const Type &base, const std::string &name,
                           SourceRange range);
  std::optional<Type>
  checkStructuredBuiltin(const CallExpr *c, Builtin b,
                         const std::vector<Type> &args,
                         const std::vector<const Expr *> &argExprs);
  /// False (reported) when `t` is a structured array or record, which
  /// `what` (an operator) does not take.
  bool refuseStructured(const Type &t, SourceRange range,
                        const std::string &what);
  Type checkCall(const CallExpr *c);
  /// isinstance(x, spec): a bool decided by x's type (isinstanceOf).
  Type checkIsinstance(const CallExpr *c);
  Type checkIssubdtype(const CallExpr *c);
  /// f(x, *t): replaces each starred argument by the elements of its
  /// tuple; false (nothing changed) while t's type is unknown.
  bool expandStarredArgs(const CallExpr *c);
  /// Whether array expression `e` is certainly a new array no other name
  /// shares (NumPy's operators, a[mask], new-buffer builtins, a local
  /// bound only to such values): a list of arrays may hold a copy.
  bool freshArray(const Expr *e);
  /// Whether `name`, bound by `target = value`, holds only new arrays.
  bool unpackedFresh(const Expr *target, const NameExpr *name,
                     const Expr *value);
  /// For lst.append(value) of a tuple holding arrays: each array new and
  /// not used again, or no one can tell its copy from it (else an error).
  bool checkAppendedArrays(const CallExpr *c, const Expr *list,
                           const Expr *value, const Type &tuple);
  int freshDepth_ = 0; ///< freshArray's names followed through names
  /// Whether every `return` of `callee` gives a fresh array (freshArray in
  /// the callee): a call of it is a new array. False for a function being
  /// asked about already (recursion).
  bool returnsFreshArray(FunctionInstance *callee);
  std::set<const FunctionInstance *> freshCallees_; ///< being asked about
  /// The expressions bound to the parameters of `def` by call `c` (with
  /// `nargs` positional arguments): by position, by keyword, or default;
  /// false after reporting a missing, unknown or doubled argument.
  bool bindArguments(const CallExpr *c, const FunctionDefStmt *def,
                     size_t nargs, std::vector<const Expr *> &bound);
  /// `dt(x)` of a variable or parameter `dt` holding a dtype of `kind`: the
  /// conversion builtin of that type.
  Type checkDTypeCall(const CallExpr *c, ScalarKind kind,
                      std::vector<Type> &args);
  /// `vmap(f, axis=k)(args)`.
  Type checkVmap(const CallExpr *c, const CallExpr *vmap);
  /// `grad(f, argnums=...)(args)` and `value_and_grad(...)(args)`.
  Type checkGrad(const CallExpr *c, const CallExpr *grad);
  /// True if `def` is decorated with @kernel.
  static bool isKernelDef(const FunctionDefStmt *def);
  /// Checks [blocks, threads] of a kernel launch.
  bool checkLaunchConfig(const IndexExpr *launch, const NameExpr *callee);
  /// Types a builtin call; `argExprs` are the arguments (for a method
  /// call `a.f(x)`, the object `a` first).
  Type checkBuiltinCall(const CallExpr *c, Builtin b, std::vector<Type> &args,
                        const std::vector<const Expr *> &argExprs);
  Type checkBuiltin(const CallExpr *c, Builtin b, std::vector<Type> &args,
                    const std::vector<const Expr *> &argExprs);
  /// The array builtins (SemaArrayBuiltins.cpp); nullopt if `b` is not
  /// one of them.
  std::optional<Type>
  checkArrayBuiltin(const CallExpr *c, Builtin b, std::vector<Type> &args,
                    const std::vector<const Expr *> &argExprs);
  /// The calls a list's append, extend and pop become (SemaLists.cpp):
  /// the list's type after them (the element for weft.list_last).
  Type checkListMethod(const CallExpr *c, Builtin b,
                       const std::vector<Type> &args,
                       const std::vector<const Expr *> &argExprs);
  /// `[]`: the type of the list variable it is assigned to, when what is
  /// appended to it gave one (`emptyListTarget_`); an error otherwise.
  Type checkEmptyList(const ListExpr *l);
  /// The type of the variable the statement being checked assigns an
  /// empty list to, or null.
  const Type *emptyListTarget_ = nullptr;
  /// The statement being checked stores its value, a tuple display, into
  /// an array view (`out[i] = (x, y)`): a tuple of numbers is then a 1-D
  /// array.
  bool tupleAsArray_ = false;
  /// histogram(a, bins=, range=, weights=, density=False).
  Type checkHistogram(const CallExpr *c, std::vector<Type> &args,
                      const std::vector<const Expr *> &argExprs);
  Type checkHistogramEdges(const CallExpr *c, const Expr *binsArg);
  /// a.view(dtype) of array type `base`, and np.frombuffer(buffer, dtype)
  /// (SemaByteViews.cpp).
  Type checkViewDtype(const CallExpr *c, const Type &base);
  Type checkFrombuffer(const CallExpr *c, const std::vector<Type> &args,
                       const std::vector<const Expr *> &argExprs);
  /// `c` as a call of the library function `def` with the arguments
  /// `bound` (one per parameter): its instance's result type.
  Type callLibraryFunction(const CallExpr *c, const FunctionDefStmt *def,
                           const std::vector<const Expr *> &bound);
  /// bench_work(bytes=, flops=).
  Type checkBenchWork(const CallExpr *c, std::vector<Type> &args);
  Type checkMethodCall(const CallExpr *c, const AttributeExpr *callee);
  /// The element type a dtype argument names: a type name (f64, and
  /// NumPy's float64 etc. after import handling) or `a.dtype` of an
  /// array `a`; none otherwise.
  std::optional<ScalarKind> dtypeArgument(const Expr *e);
  /// Reports "name() takes lo to hi arguments, got n" unless it does.
  bool checkArity(const CallExpr *c, const std::string &name, size_t given,
                  size_t lo, size_t hi);
  /// The complex kind of arithmetic with a complex operand (c64 or c128).
  ScalarKind complexResult(const Expr *lhsE, const Type &l, const Expr *rhsE,
                           const Type &r);
  Type binaryResult(BinaryOp op, const Expr *lhsE, const Type &l,
                    const Expr *rhsE, const Type &r, SourceRange range);
  Type matmulResult(const Type &l, const Type &r, SourceRange range);
  bool isTruthy(const Type &t, SourceRange range);
  Type annotationType(const TypeAnnotation &a);

  /// The options of a def's `@jit(...)` decorator (errors for others).
  JitOptions jitOptions(const FunctionDefStmt *def);
  void change() { ++changes_; }

  const ModuleAST &module_;
  /// The literal a module constant `name` stands for: a name assigned
  /// once in the script, at its top level, a number or bool literal
  /// (possibly negated) or pi/e/inf/nan; null for any other name.
  const Expr *moduleConstant(const std::string &name);
  /// The string literal `n` stands for: a local bound once, to a string
  /// literal, or a module constant that is one; null otherwise.
  const Expr *constantString(const NameExpr &n);
  std::optional<std::map<std::string, const Expr *>> moduleConstants_;
  DiagnosticEngine &diags_;
  std::unique_ptr<Program> program_;
  std::map<std::string, const FunctionDefStmt *> defs_;
  std::map<std::string, FunctionInstance *> instancesByKey_;
  /// Where the program first calls each NumPy library function it calls
  /// (noted on errors inside them).
  std::map<const FunctionDefStmt *, SourceRange> libraryCallSites_;
  /// Adds to each error inside a NumPy library function the program's
  /// call of it.
  void noteLibraryCallSites();
  /// Whether NumPy library function `def` raises (a raise or assert in
  /// it or in a library function it calls): it then gets an instance per
  /// line of the program that calls it, so its errors name that line.
  bool libraryRaises(const FunctionDefStmt *def);
  std::map<const FunctionDefStmt *, bool> libraryRaises_;
  /// The narrow NumPy integer kind of `np.uint8(x)` (and int8, int16,
  /// uint16, uint32), or of a variable of the function being checked
  /// that only ever holds one such kind; nullopt otherwise.
  std::optional<ScalarKind> narrowScalar(const Expr *e);
  std::map<const FunctionInstance *,
           std::map<std::string, std::optional<ScalarKind>>>
      narrowLocals_;
  FunctionInstance *fn_ = nullptr; ///< the instance being checked
  /// Where each local got its type first (for "first assigned here").
  std::map<std::pair<FunctionInstance *, std::string>, SourceRange> firstDef_;
  /// "cannot infer the type of 'x'" for each local left unknown.
  void reportUnknownLocals(FunctionInstance &fn);
  /// Errors for results a host cannot take (complex numbers), for each
  /// function a host calls (SemaReturns.cpp).
  int loopDepth_ = 0;
  /// Optional locals a test proved not None where they are read (`if x
  /// is not None:`, the rest of a block after `if x is None: return`):
  /// their value type (SemaOptional.cpp).
  std::map<std::string, Type> narrowed_;
  /// The optional locals `e` proves not None when it is true (`whenTrue`)
  /// or false: `x is not None`, `x is None`, through `and`, `or`, `not`.
  void provenNotNone(const Expr *e, bool whenTrue,
                     std::vector<std::string> &out);
  /// Narrows `names` unless a statement in [first, last) assigns one.
  void narrow(const std::vector<std::string> &names,
              Block::const_iterator first, Block::const_iterator last);
  /// An if statement whose condition proves optionals not None in a
  /// branch.
  bool checkNoneTestIf(const IfStmt &i);
  /// `a and b`, `a or b` (b with what a proves about optionals).
  Type checkBoolOp(const BoolOpExpr *b);
  /// lst.index(x), lst.count(x) of a Python list `lst` (SemaLists.cpp).
  /// append, pop() and clear() of a list of tuples (or of `[]` that a
  /// tuple is appended to).
  Type checkTupleListMethod(const CallExpr *c, Builtin b,
                            const std::vector<Type> &args,
                            const std::vector<const Expr *> &argExprs,
                            const std::string &name);
  /// `P(x, y=v)` of a namedtuple class `name` (Type::record).
  Type checkRecordCall(const CallExpr *c, const std::string &name);
  // ---- jitclass instances (SemaJitclasses.cpp)
  /// The class of a jitclass instance's type, or null.
  const JitclassInfo *jitclassOf(const Type &t) const;
  /// obj.x (a field: a cell's number or an array), obj.__cell__x (the
  /// cell a store writes) and obj.p (a property: a call of "C.p").
  Type checkJitclassAttribute(const AttributeExpr *a, const Type &base);
  /// obj.m(args): rewritten as weft.method.m(obj, args) (C.m(args) for
  /// a static method), then checked as that call.
  Type checkJitclassMethodCall(const CallExpr *c, const AttributeExpr *m,
                               const Type &base);
  /// The function weft.method.m of instance type `self` calls ("C.m"),
  /// or "" after an error.
  std::string methodFunction(const CallExpr *c, const std::string &callee,
                             const Type &self);
  /// The calls properties' reads are, made once per read.
  std::unordered_map<const Expr *, const CallExpr *> propertyCallOf_;
  /// Whether a parameter's default `v` is a value Python's evaluation once
  /// and Weft's at each call agree on: a literal, None, np.inf, a module
  /// constant in `constants` (namedtuple classes among them), -x, x ** y
  /// and the other operators, NumPy calls (`np.empty((0, 0))`) and
  /// namedtuple constructions of them, or a tuple of them.
  static bool constantDefault(const Expr *v,
                              const std::set<std::string> &constants);
  // ---- lists of lists of any lengths (SemaRaggedLists.cpp)
  /// Whether the rows `lc` makes may differ in length: the row reads the
  /// comprehension's variable (but is no list display; for an inner
  /// comprehension, its count reads it or it has a condition).
  bool rowsMayDiffer(const ListCompExpr *lc);
  /// append(row), pop() and clear() of a list of lists.
  Type checkRaggedListMethod(const CallExpr *c, Builtin b,
                             const std::vector<Type> &args,
                             const std::vector<const Expr *> &argExprs);
  /// weft.row_append(lst, i, x) and the other row updates: the list of
  /// lists after them (the number for weft.row_last).
  Type checkRowMethod(const CallExpr *c, Builtin b,
                      const std::vector<Type> &args,
                      const std::vector<const Expr *> &argExprs);
  /// `[[] for ...]`: the list of lists of the variable it is assigned to;
  /// none for another comprehension.
  std::optional<Type> checkEmptyRows(const ListCompExpr *lc);
  /// A comprehension of lists `elt` made a list of lists of any lengths
  /// (rows that may differ, or a variable whose rows grow), or none.
  std::optional<Type> raggedComp(const ListCompExpr *lc, const Type &elt,
                                 bool python);
  /// Whether the arrays a comprehension makes may differ in shape: made
  /// by a call, a constructor or an index array given what it binds.
  bool shapeVaries(const ListCompExpr *lc);
  /// The type of a variable assigned lists of lists `a` and `b`.
  Type raggedUnion(const Type &a, const Type &b, bool &ok);
  /// The value of the assignment being checked when its target is a list
  /// of lists of any lengths (which the value then makes), and the
  /// target's name.
  const Expr *raggedValue_ = nullptr;
  std::string raggedTarget_;
  /// [[1.0, 2.0], [3.0, 4.0]], [a, b]: a list of lists or of arrays.
  Type checkNestedListLiteral(const ListExpr *l);
  /// [(a, b), (c, d)]: a list of tuples.
  Type checkTupleListLiteral(const ListExpr *l);
  Type checkListSearch(const CallExpr *c, Builtin b, const Type &lst);
  /// `x in c` / `x not in c`: a number in a tuple of numbers, a list or
  /// an array (SemaLists.cpp).
  Type checkMembership(const CompareExpr *c);
  /// `x is None` / `x is not None`.
  Type checkIdentity(const CompareExpr *c);
  /// The return type after a return of `v` (None, a number or an
  /// optional) where `current` was returned before; ok=false if they do
  /// not unify.
  static Type unifyReturn(const Type &current, const Type &v, bool &ok);
  /// Whether a value of type `t` may be None (an optional of it): numbers,
  /// arrays and tuples of them; not lists, strs or complex numbers.
  static bool mayBeNone(const Type &t);
  int changes_ = 0;
  bool reporting_ = false;
  /// An array copied into a list where Python's list would share it: an
  /// error (`message` at `range`) unless no one can tell the copy from
  /// the array, which is known once every function is typed
  /// (reportVisibleCopies, SemaRaggedLists.cpp).
  struct PendingCopy {
    FunctionInstance *fn;
    CopiedValue copy;
    SourceRange range;
    std::string message;
  };
  std::vector<PendingCopy> pendingCopies_;
  void copiedIntoList(const Expr *list, const Expr *value, SourceRange range,
                      std::string message);
  void reportVisibleCopies();
  /// The empty list checked is a dict's keys or values (DesugarDicts.h).
  bool emptyListOfDict_ = false;
  /// The comprehension assigned to a dict's keys or values, a Python list.
  const ListCompExpr *dictPartValue_ = nullptr;
  std::set<const FunctionDefStmt *> reportedDefs_;
  /// Variables with a type annotation (`x: i64 = 3`): their type is fixed.
  std::set<std::pair<FunctionInstance *, std::string>> annotated_;
};

} // namespace sema
} // namespace weft

#endif // WEFT_FRONTEND_SEMAIMPL_H
