//===- DesugarDictsImpl.h - The rewrite of dicts and sets ----*- C++ -*-===//
//
// The rewriter desugarDicts (DesugarDicts.h) runs on each function body:
// its statements in DesugarDicts.cpp, its expressions (and what is
// hoisted out of them) in DesugarDictExprs.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_DESUGARDICTSIMPL_H
#define WEFT_FRONTEND_DESUGARDICTSIMPL_H

#include "frontend/ASTBuild.h"
#include "frontend/DesugarDicts.h"

#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace weft {
namespace dicts {

enum class Container { Dict, Set };

/// "dict" or "set".
const char *word(Container c);

/// The last name of `e`: `Dict` of `Dict`, `typed.Dict` or
/// `numba.typed.Dict`.
std::string lastName(const Expr *e);

/// What `e` makes when it is a new dict or set: `{}`, `{k: v}`, `dict()`,
/// `Dict.empty(...)`, `{x, y}`, `set()`, `set(iterable)`.
std::optional<Container> madeBy(const Expr *e);

/// The NumPy type a Numba type of Dict.empty names (`types.int64`,
/// `int64`, `types.float64`), or "".
std::string numpyTypeOf(const Expr *e);

/// A literal or a variable: evaluating it twice is evaluating it once.
bool isPlain(const Expr *e);

/// Builtins that iterate or test their arguments: a dict or set there is
/// its keys, as in Python.
bool iteratesArguments(const NameExpr &n);

/// `f(args...)` of a builtin or library function.
ExprPtr callOf(const ASTBuilder &b, const char *f,
               std::initializer_list<ExprPtr *> args);

/// What a function of the module returns that holds dicts or sets: one
/// (`return d`), or a tuple holding some (`return dist, pred`), by
/// position. A dict is returned as the tuple ("__weft_dict__", keys,
/// values, table), a set as ("__weft_set__", keys, table): its parts,
/// which a caller's variable takes, and which Python makes a dict or set.
struct Returned {
  bool tuple = false;
  std::vector<std::optional<Container>> kinds;
  bool operator==(const Returned &o) const {
    return tuple == o.tuple && kinds == o.kinds;
  }
};
using ReturnedKinds = std::map<std::string, Returned>;

/// What the call `e` returns when it calls a function returning dicts or
/// sets, or null.
const Returned *returnedBy(const Expr *e, const ReturnedKinds &returned);

/// The rewrite of one function body (or the script's).
class ScopeRewriter {
public:
  /// Which parameters (by position) of which of the module's functions
  /// are dicts or sets their callers pass.
  using ParameterKinds = std::map<std::string, std::map<size_t, Container>>;

  ScopeRewriter(DiagnosticEngine &diags, const ParameterKinds &passed,
                const ReturnedKinds &returned)
      : diags_(diags), passed_(passed), returned_(returned) {}

  /// The dict and set variables `body` makes, or takes from calls of
  /// functions returning them (no diagnostics).
  static std::map<std::string, Container>
  containersMadeIn(const Block &body, const ReturnedKinds &returned);

  /// The variables a dict or set `d` is held in, in order (a parameter
  /// becomes these).
  static std::vector<std::string> partsOf(const std::string &d, Container c);

  /// Rewrites `body`, whose parameters `params` at the positions
  /// `passedHere` names are passed dicts or sets.
  void run(Block &body, const std::vector<Param> *params,
           const std::map<size_t, Container> *passedHere);

private:
  DiagnosticEngine &diags_;
  std::map<std::string, Container> kinds_;
  const ParameterKinds &passed_;
  const ReturnedKinds &returned_;
  /// The dicts and sets passed in as parameters (a function that changes
  /// one hands its parts back: returnGrownListParameters).
  std::set<std::string> passedIn_;
  /// The variables hoistMade gave dicts and sets made in expressions.
  std::set<std::string> made_;
  int temps_ = 0;

  //===--------------------------------------------------------------===//
  // Names
  //===--------------------------------------------------------------===//

  /// Finds the dicts and sets `body` makes (and derives) into kinds_.
  void find(Block &body);
  /// Rewrites the set methods that have operators (a.union(b): a | b).
  void setMethodsAsOperators(Block &body);

  /// The kind of container `e` derives from others: a set operator of two
  /// sets, or the copy of a dict or set.
  std::optional<Container> derivedKind(const Expr *e) const;
  /// Adds the variables made from containers (`c = a | b`, `c = a.copy()`).
  void deriveKinds(Block &body);

  /// The kind of the dict or set variable `e` names.
  std::optional<Container> containerOf(const Expr *e) const;

  static std::string keysOf(const std::string &d) { return d + ".keys"; }
  static std::string valuesOf(const std::string &d) { return d + ".values"; }
  static std::string tableOf(const std::string &d) { return d + ".table"; }

  /// A new variable name for `what`.
  std::string temp(const char *what);

  /// `e` itself when plain, else a new variable assigned it in `out`.
  ExprPtr spill(ExprPtr e, const char *what, Block &out);

  /// `raise exception(message)`.
  static StmtPtr raise(const ASTBuilder &b, const char *exception,
                       const char *message = nullptr);

  /// `list.name(arg)` as a statement (arg may be null).
  static StmtPtr method(const ASTBuilder &b, const std::string &list,
                        const char *name, ExprPtr arg);

  /// `fn(d.keys, d.table, rest...)`.
  ExprPtr lookup(const ASTBuilder &b, const char *fn, const std::string &d,
                 std::vector<ExprPtr> rest);

  //===--------------------------------------------------------------===//
  // Statements
  //===--------------------------------------------------------------===//

  /// Rewrites the statements of `stmts` and of the blocks in them.
  void block(Block &stmts);

  /// The assignments of the dicts and sets `s` makes in its expressions
  /// where they are evaluated once, each replaced by its variable.
  Block hoistMade(Stmt &s);

  /// How many times statement `s` names variable `name`.
  static int usesOf(const Stmt &s, const std::string &name);

  /// hoistMade's walk of `e`, an expression of statement `s`.
  void hoistFrom(ExprPtr &e, Block &out, const Stmt *s, bool top = false);

  /// The statements `s` becomes, or none when rewritten in place.
  std::optional<Block> statement(Stmt &s);

  /// `d.pop(...)` of a dict or set variable, or null.
  CallExpr *methodCall(Expr *e, std::string *name = nullptr);

  /// `d = {...}`, `d[k] = v`, `x = d.pop(k)`, `x = d.setdefault(k, v)`.
  std::optional<Block> assign(AssignStmt &a);

  /// `d = f(...)`, `dist, pred = f(...)` of a function returning dicts or
  /// sets: the result into a variable, then each container's parts (and
  /// each other target its element) taken from it.
  Block takeReturned(AssignStmt &a, const Returned &r);

  /// `return d`, `return dist, pred`: each dict or set as its parts
  /// (Returned); false when the value holds none.
  bool returnParts(ReturnStmt &r);

  /// The tuple ("__weft_dict__", d.keys, d.values, d.table) of `d`.
  ExprPtr partsTuple(const std::string &d, SourceRange at);

  /// An assignment target: names bind; the dict items of a tuple of
  /// targets are refused.
  void target(ExprPtr &t);

  /// `d[k] += v`, `s |= t` and the like.
  std::optional<Block> update(AugAssignStmt &a);

  /// Whether `ix` (an item of dict or set `d`) has one key, rewritten.
  bool itemKey(IndexExpr &ix, const std::string &d);

  /// The statements that put `key` (and `value`, for a dict) into `d`.
  Block insert(const std::string &d, ExprPtr key, ExprPtr value);

  /// The statements that put every item of `from` into `to`, in order.
  Block insertAll(const std::string &to, const std::string &from,
                  SourceRange at);

  /// Set `d` keeps its elements that are (`in`) or are not in set `other`:
  /// `d.keys = [x for x in d.keys if has(other, x)]`, the table rebuilt.
  Block keepWhere(const std::string &d, const std::string &other, bool in,
                  SourceRange at);

  /// `d op= other` of two sets (|, &, -, ^), or `d |= other` of two dicts
  /// (dict.update).
  Block combine(const std::string &d, BinaryOp op, const std::string &other,
                SourceRange at);

  /// `c = a | b` (and &, -, ^) of two sets, `c = a.copy()`.
  std::optional<Block> derive(const std::string &c, Expr &value);

  /// `d[k] = v`.
  std::optional<Block> setItem(IndexExpr &ix, ExprPtr value);

  /// `d = {...}`, `d = dict()`, `s = set(x)`...: empty lists and table,
  /// then the display's items.
  std::optional<Block> make(const std::string &d, CallExpr &maker);

  /// `x = d.pop(k)`, `d.pop(k, default)`, `del d[k]` (which the parser
  /// makes `d.pop(k)`), `s.remove(x)`, `s.discard(x)`: the entry leaves
  /// the lists (O(n), as a list's pop(i)) and the table is rebuilt.
  std::optional<Block> pop(const std::string &d, CallExpr &c, ExprPtr into);

  /// `d.setdefault(k, v)`: `v` put at `k` when `k` is missing; the key
  /// (a variable or literal) or null after an error.
  ExprPtr setDefault(const std::string &d, CallExpr &c, Block &out);

  /// `s.add(x)`, `d.clear()`, `d.update(e)`... as statements.
  std::optional<Block> methodStatement(ExprStmt &s);

  /// `for k in d`, `for v in d.values()`, `for k, v in d.items()`: a loop
  /// over the positions that raises Python's RuntimeError when the dict
  /// changes size.
  std::optional<Block> loop(ForStmt &f);

  //===--------------------------------------------------------------===//
  // Expressions
  //===--------------------------------------------------------------===//

  /// Rewrites the dict and set uses in `e`; `iterated`: a bare dict or
  /// set here is iterated or tested (its keys).
  void expr(ExprPtr &e, bool iterated = false);

  /// expr() of a call: a dict method, a function passed a dict, or a
  /// builtin iterating one.
  void call(ExprPtr &e);
};

} // namespace dicts
} // namespace weft

#endif // WEFT_FRONTEND_DESUGARDICTSIMPL_H
