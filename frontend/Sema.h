//===- Sema.h - Name resolution and type inference -------------*- C++ -*-===//
//
// Semantic analysis of a parsed module: resolves names, infers the type of
// every local and expression with Numba-style unification (int and float
// assignments unify to float), and monomorphises functions: each distinct
// argument-type signature of a called function becomes one
// FunctionInstance. The script's top-level statements form the instance
// `__weft_main`. Errors go to the DiagnosticEngine.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_SEMA_H
#define WEFT_FRONTEND_SEMA_H

#include "frontend/AST.h"
#include "frontend/Builtins.h"
#include "frontend/Diagnostics.h"
#include "frontend/Target.h"
#include "frontend/Types.h"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace weft {

/// One compiled specialization of a function (or the script body).
/// Options of `@jit(...)` (defaults for functions without a decorator and
/// for the script body).
struct JitOptions {
  bool parallel = true;
  /// `parallel=` was written. In a function compiled from Python
  /// (python_lists), a prange is the promise of independent iterations
  /// only with parallel=True, as in Numba; without it, it is a range.
  bool parallelGiven = false;
  bool fastmath = false;
  bool boundscheck = false;
  bool cache = true;
  /// Auto: the GPU when a driver and device are present (the driver
  /// resolves it before code generation).
  Target target = Target::CPU;
  /// @kernel: launched over a grid as f[blocks, threads](args).
  bool kernel = false;
  /// @vectorize: a function of scalars that applies element by element
  /// when called with arrays.
  bool vectorize = false;
  /// python_lists=True (what the Python package writes for the functions
  /// it compiles): list displays are Python lists, whose `*` by an int
  /// repeats and `+` joins, and whose slices are copies; otherwise they
  /// are array literals (NumPy's meaning).
  bool pythonLists = false;
};

/// How a variable written in a parallel loop body is combined across
/// iterations, if every write to it in the body is a reduction update and
/// nothing else in the body reads it.
enum class Reduction { None, Add, Mul, Min, Max };

/// How a `for` loop of a function runs (frontend/SemaLoops.cpp).
struct LoopPlan {
  enum class Mode {
    Serial,   ///< one iteration after the other
    Prange,   ///< a prange the program asks to run in parallel
    Automatic ///< a range loop proven independent: parallel when large
  } mode = Mode::Serial;
  /// Serial and Automatic: the loop report's line ("for loop: serial
  /// (...)").
  std::string report;
  /// Parallel modes: the variables used outside the loop that iterations
  /// combine, and the variables private to an iteration (source names).
  std::map<std::string, Reduction> reductions;
  std::set<std::string> privates;
  /// Parallel modes: random numbers an iteration draws, keyed by (the
  /// loop's stream, iteration, draw number) so they do not depend on the
  /// threads: none, only in the body itself (the draw counter inline), or
  /// also in functions it calls (the runtime's per-thread state).
  enum class Draws { None, Inline, Runtime } draws = Draws::None;
};

struct FunctionInstance {
  const FunctionDefStmt *def = nullptr; ///< null for the script body
  const Block *body = nullptr;
  /// The body when this instance has one of its own: `def`'s with the
  /// branches its parameter types decide pruned (StaticBranches.h).
  std::unique_ptr<Block> ownedBody;
  std::string name;   ///< source name ("fib", or "__weft_main")
  std::string symbol; ///< unique symbol in the generated module
  std::vector<std::string> paramNames;
  std::vector<Type> paramTypes;
  Type returnType; ///< None when the function returns no value
  JitOptions options;
  /// Every variable of the function (parameters included) and its type.
  std::map<std::string, Type> locals;
  std::unordered_map<const Expr *, Type> exprTypes;
  /// Calls to user functions, resolved to the instance they call.
  std::unordered_map<const CallExpr *, FunctionInstance *> calls;
  /// For each call to a user function, the expression bound to each
  /// parameter: a positional or keyword argument, or the default.
  std::unordered_map<const CallExpr *, std::vector<const Expr *>> callArgs;
  /// The function returns an array (or tuple) on the paths that return,
  /// and may reach its end, where Python returns None: reaching it is a
  /// runtime TypeError.
  bool noneAtEnd = false;
  /// Calls of a namedtuple class (`P(x, y=v)`): the expression of each
  /// field, in the class's order.
  std::unordered_map<const CallExpr *, std::vector<const Expr *>> recordArgs;
  /// `p.x` of a namedtuple (and `rec["x"]` of a NumPy record passed from
  /// Python as one): the position of the field.
  std::unordered_map<const Expr *, size_t> fieldOf;
  /// `obj.x` of a number field of a jitclass instance: the field's
  /// number, read from its cell (fieldOf gives the cell).
  std::set<const Expr *> cellReads;
  /// `obj.p` of a property of a jitclass: the call of "C.p" it is.
  std::unordered_map<const Expr *, const CallExpr *> propertyCalls;
  /// Names and calls that may be None used as their value (Numba's cast
  /// of an optional): the optional type; the value is checked at run time.
  std::unordered_map<const Expr *, Type> unwrapped;
  /// Calls of a @vectorize function with array arguments: the instance
  /// (of element types) is applied element by element, with broadcasting.
  std::set<const CallExpr *> vectorizedCalls;
  /// Names read as module constants (frozen at compile time, as Numba
  /// freezes globals): the literal each stands for.
  std::unordered_map<const Expr *, const Expr *> moduleConstants;
  /// Calls of a variable or parameter holding a dtype (`dt(x)`): the
  /// conversion builtin they are.
  std::unordered_map<const CallExpr *, Builtin> dtypeCalls;
  /// Of those, the calls of a narrow integer dtype (`itype = np.int16;
  /// itype(x)`): int(x) wrapped to that width (an i64 holding it).
  std::unordered_map<const CallExpr *, ScalarKind> narrowDtypeCalls;
  /// Reductions called with keepdims=True: their result keeps the reduced
  /// axes with size 1 (the type Sema gives the call).
  std::set<const CallExpr *> keepdimsCalls;
  /// Calls `vmap(f, axis=k)(args)`: the axis, as written (negative counts
  /// from the end of each array argument).
  std::map<const CallExpr *, int64_t> vmapAxis;

  /// Called from a host program (the embedding API): compiled as a public
  /// symbol with a host-callable wrapper.
  bool exported = false;
  /// For a NumPy library function that can raise: the program's line
  /// whose call (directly, or through other library functions) this
  /// instance serves; its runtime errors name that line. 0 elsewhere.
  int64_t reportLine = 0;
  /// Per parameter: true if the function may write into its buffer (a
  /// store through it or a view of it, in this function or a callee). A
  /// conservative fact (frontend/SemaWrites.cpp): hosts refuse read-only
  /// buffers for these parameters.
  std::vector<bool> writtenParams;
  /// The same per leaf of each parameter (a tuple's parts, flattened).
  std::vector<std::vector<bool>> writtenLeaves;
  /// The parameters whose buffers a value the function returns may view
  /// (a conservative fact of the same analysis): a caller's result views
  /// only the arguments bound to these.
  std::set<size_t> returnedParams;
  /// How each `for` loop runs (set after type checking).
  std::unordered_map<const ForStmt *, LoopPlan> loopPlans;

  /// The inferred type of `e` (Unknown if never typed).
  Type typeOf(const Expr *e) const;
  /// The builtin `c` calls (`f(...)` or the method `a.f(...)`); none for
  /// a call of a user function, which hides a builtin of its name.
  std::optional<Builtin> builtinOf(const CallExpr *c) const;
  /// How `ix` indexes an array: with integers and slices (an element or
  /// a view), a boolean mask (`a[a > 0]`, a copy) or an integer array
  /// (`a[idx]`, a copy).
  enum class Indexing { Basic, Mask, Gather };
  Indexing indexingOf(const IndexExpr *ix) const;
  /// The position of the array among `ix`'s indices (a[:, idx] has it at
  /// 1), or -1 when none is an array.
  int arrayIndexAt(const IndexExpr *ix) const;
};

/// A function the host program will call with these argument types (the
/// embedding API's dispatcher). Annotated parameters keep their
/// annotation; the host converts numbers to it.
struct EntryRequest {
  std::string name;
  std::vector<Type> argTypes;
  /// Set by analyzeModule: the specialisation to call.
  FunctionInstance *instance = nullptr;
  /// Set by analyzeModule if the request does not fit the function (no
  /// such function, a kernel, wrong argument count or types).
  bool callError = false;
};

/// `grad(f, argnums=...)(args)` or `value_and_grad(...)`: the gradient
/// function the driver generates (frontend/GradTransform.h) and adds to
/// the module as `name`.
struct GradRequest {
  const FunctionDefStmt *def = nullptr;
  std::vector<int> argnums;
  bool withValue = false;
  const FunctionInstance *instance = nullptr; ///< f, typed for the call
  std::string name;
  SourceRange range; ///< the grad(...) expression
};

struct Program {
  /// All instances; `main` first.
  std::vector<std::unique_ptr<FunctionInstance>> instances;
  FunctionInstance *main = nullptr;
  /// An entry of an interactive session (weft repl): the script body
  /// starts with the session's variables (and their types) defined, and
  /// only it and what it calls are compiled.
  bool session = false;
  std::map<std::string, Type> sessionInputs;
  /// Gradient functions the program calls that are not in it yet.
  std::vector<GradRequest> gradRequests;
  /// The namedtuple classes: fields and own names (ModuleAST's), for
  /// printing their values as Python does.
  std::map<std::string, std::vector<std::string>> records;
  std::map<std::string, std::string> recordTypeNames;
  /// The jitclasses (ModuleAST's): a number field prints as its number.
  std::map<std::string, JitclassInfo> jitclasses;
};

/// The positions `t[lo:hi:step]` selects from a tuple of n elements
/// (Python's slice rules) when each bound is absent or an integer literal;
/// nullopt otherwise.
std::optional<std::vector<int64_t>> tupleSlicePositions(const SliceExpr *s,
                                                        int64_t n);

/// The axes of transpose(a, axes) for an array of `rank` axes: `argExprs`
/// after the array are one tuple of integer literals or one literal per
/// axis (a.transpose(1, 0)), each axis once (negative ones count from the
/// end); the reversed axes when there are none; nullopt otherwise.
std::optional<std::vector<int64_t>>
transposeAxes(const std::vector<const Expr *> &argExprs, int64_t rank);

/// Analyzes `module`. Returns null if errors were reported. `session`: the
/// variables an interactive session keeps, with their types.
std::unique_ptr<Program>
analyzeModule(const ModuleAST &module, DiagnosticEngine &diags,
              std::vector<EntryRequest> *entries = nullptr,
              const std::map<std::string, Type> *session = nullptr);

/// The instances code generation compiles, in program order: with host
/// entries (the embedding API) or a session entry, those and every
/// instance they call, transitively (calls through grad(), vmap and
/// @vectorize included: each is a call of the instance it runs); else all.
/// What the code cache keys is exactly this set.
std::vector<const FunctionInstance *> compiledInstances(const Program &program);

/// Python's float(s) and int(s) of a literal's text (SemaStrings.cpp);
/// false where Python raises ValueError (an int past i64 included).
bool parseFloatLiteral(const std::string &text, double &out);
bool parseIntLiteral(const std::string &text, int64_t &out);

} // namespace weft

#endif // WEFT_FRONTEND_SEMA_H
