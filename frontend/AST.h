//===- AST.h - Abstract syntax tree of Weft programs -----------*- C++ -*-===//
//
// The AST produced by the parser: expressions, statements, function
// definitions and the module (a script). Every node carries the source
// range it came from so that diagnostics and MLIR locations point at the
// user's code. Nodes are plain structs owned through std::unique_ptr; a
// `kind` tag plus `dyn<T>()` replace RTTI so the frontend stays light.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_AST_H
#define WEFT_FRONTEND_AST_H

#include "frontend/SourceLocation.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace weft {

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

enum class ExprKind {
  IntLit,    ///< 42, 0x1F, 1_000
  FloatLit,  ///< 3.0, 1e-3, 2.
  BoolLit,   ///< True, False
  StrLit,    ///< "text" (only as print/assert arguments)
  Name,      ///< identifier
  Unary,     ///< -x, +x, not x, ~x
  Binary,    ///< x + y, x // y, x ** y, x & y, ...
  Compare,   ///< a < b <= c (chained)
  BoolOp,    ///< a and b, a or b (short-circuit)
  IfExp,     ///< a if c else b
  Call,      ///< f(a, b, key=v)
  Index,     ///< a[i], a[i, j], a[1:n]
  Slice,     ///< lo:hi:step, only inside Index
  Attribute, ///< a.shape, a.size, a.T
  Tuple,     ///< (a, b) or a, b
  List,      ///< [1.0, 2.0]
  ListComp,  ///< [e for x in it]
};

enum class UnaryOp { Neg, Pos, Not, Invert };
enum class BinaryOp {
  Add,
  Sub,
  Mul,
  Div,
  FloorDiv,
  Mod,
  Pow,
  MatMul,
  BitAnd,
  BitOr,
  BitXor,
  LShift,
  RShift
};
/// Is and IsNot: `x is None`, `x is not None` (the only identity tests).
enum class CompareOp { Lt, Le, Gt, Ge, Eq, Ne, Is, IsNot, In, NotIn };
enum class BoolOpKind { And, Or };

const char *spelling(UnaryOp op);
const char *spelling(BinaryOp op);
const char *spelling(CompareOp op);

struct Expr {
  ExprKind kind;
  SourceRange range;
  explicit Expr(ExprKind k, SourceRange r) : kind(k), range(r) {}
  virtual ~Expr() = default;
  template <typename T> T *dyn() {
    return kind == T::Kind ? static_cast<T *>(this) : nullptr;
  }
  template <typename T> const T *dyn() const {
    return kind == T::Kind ? static_cast<const T *>(this) : nullptr;
  }
};
using ExprPtr = std::unique_ptr<Expr>;

struct IntLitExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::IntLit;
  int64_t value;
  /// 2**63 or more: a uint64 (value holds its bits).
  bool unsigned64 = false;
  IntLitExpr(SourceRange r, int64_t v) : Expr(Kind, r), value(v) {}
};
struct FloatLitExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::FloatLit;
  double value;
  FloatLitExpr(SourceRange r, double v) : Expr(Kind, r), value(v) {}
};
struct BoolLitExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::BoolLit;
  bool value;
  BoolLitExpr(SourceRange r, bool v) : Expr(Kind, r), value(v) {}
};
struct StrLitExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::StrLit;
  std::string value; ///< with escapes already decoded
  StrLitExpr(SourceRange r, std::string v)
      : Expr(Kind, r), value(std::move(v)) {}
};
struct NameExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Name;
  std::string name;
  /// Written `np.name`/`math.name`: the builtin, even where a function of
  /// the program has the same name.
  bool qualified = false;
  NameExpr(SourceRange r, std::string n) : Expr(Kind, r), name(std::move(n)) {}
};
struct UnaryExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Unary;
  UnaryOp op;
  ExprPtr operand;
  UnaryExpr(SourceRange r, UnaryOp o, ExprPtr e)
      : Expr(Kind, r), op(o), operand(std::move(e)) {}
};
struct BinaryExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Binary;
  BinaryOp op;
  ExprPtr lhs, rhs;
  SourceLocation opLoc; ///< location of the operator token
  BinaryExpr(SourceRange r, BinaryOp o, ExprPtr l, ExprPtr rr,
             SourceLocation ol)
      : Expr(Kind, r), op(o), lhs(std::move(l)), rhs(std::move(rr)), opLoc(ol) {
  }
};
/// `a < b <= c`: operands.size() == ops.size() + 1.
struct CompareExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Compare;
  std::vector<CompareOp> ops;
  std::vector<ExprPtr> operands;
  CompareExpr(SourceRange r) : Expr(Kind, r) {}
};
struct BoolOpExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::BoolOp;
  BoolOpKind op;
  ExprPtr lhs, rhs;
  BoolOpExpr(SourceRange r, BoolOpKind o, ExprPtr l, ExprPtr rr)
      : Expr(Kind, r), op(o), lhs(std::move(l)), rhs(std::move(rr)) {}
};
/// `thenValue if cond else elseValue`
struct IfExpExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::IfExp;
  ExprPtr cond, thenValue, elseValue;
  IfExpExpr(SourceRange r, ExprPtr c, ExprPtr t, ExprPtr e)
      : Expr(Kind, r), cond(std::move(c)), thenValue(std::move(t)),
        elseValue(std::move(e)) {}
};
struct KeywordArg {
  std::string name;
  SourceRange nameRange;
  ExprPtr value;
};
struct CallExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Call;
  ExprPtr callee; ///< a NameExpr for every call the language has today
  std::vector<ExprPtr> args;
  std::vector<KeywordArg> keywords;
  /// Positions in `args` written `*t` (a tuple unpacked into arguments):
  /// Sema replaces each with t[0], t[1], ... once t's type is known.
  std::vector<size_t> starred;
  /// The arguments of a `*args` parameter are packed into one tuple
  /// display (Sema does it once, binding the call).
  bool varargsPacked = false;
  /// `lst.append(x)` of a variable x used again before it is rebound
  /// (DesugarListMethods): Python's list would hold x itself, so Sema
  /// refuses copying an array x into a list of arrays.
  bool appendsLiveName = false;
  /// The same of `lst.append((x, y))`: the tuple's names used again.
  std::vector<std::string> liveTupleNames;
  CallExpr(SourceRange r, ExprPtr c) : Expr(Kind, r), callee(std::move(c)) {}
};
/// `base[i]` or `base[i, j]`: one entry per comma-separated subscript;
/// an entry may be a SliceExpr.
struct IndexExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Index;
  ExprPtr base;
  std::vector<ExprPtr> indices;
  /// Whether entry i is `None` (np.newaxis): a new axis of size 1.
  bool isNewAxis(size_t i) const {
    auto *n = indices[i]->kind == ExprKind::Name
                  ? static_cast<const NameExpr *>(indices[i].get())
                  : nullptr;
    return n && n->name == "None";
  }
  bool hasNewAxis() const {
    for (size_t i = 0; i < indices.size(); ++i)
      if (isNewAxis(i))
        return true;
    return false;
  }
  /// Whether entry i is `...` (Ellipsis), which Sema replaces by the `:`
  /// slices of the axes the other entries leave (a[..., 0]).
  bool isEllipsis(size_t i) const {
    auto *n = indices[i]->kind == ExprKind::Name
                  ? static_cast<const NameExpr *>(indices[i].get())
                  : nullptr;
    return n && n->name == "...";
  }
  IndexExpr(SourceRange r, ExprPtr b) : Expr(Kind, r), base(std::move(b)) {}
};
/// `lo:hi:step`; each part may be null when omitted.
struct SliceExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Slice;
  ExprPtr lower, upper, step;
  SliceExpr(SourceRange r) : Expr(Kind, r) {}
};
struct AttributeExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Attribute;
  ExprPtr base;
  std::string attr;
  AttributeExpr(SourceRange r, ExprPtr b, std::string a)
      : Expr(Kind, r), base(std::move(b)), attr(std::move(a)) {}
};
struct TupleExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::Tuple;
  std::vector<ExprPtr> elts;
  TupleExpr(SourceRange r) : Expr(Kind, r) {}
};
struct ListExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::List;
  std::vector<ExprPtr> elts;
  /// List.empty_list(t)'s item type, where `t` names one: a scalar type's
  /// name or "str", and the rank of an array type (`float64[:]`), else "".
  std::string itemType;
  int itemRank = 0;
  ListExpr(SourceRange r) : Expr(Kind, r) {}
};
/// `[elt for target in iter if cond]`: an array of the values of `elt`,
/// one per element of `iter` (range(...) or an array) where `cond` holds. The
/// parser renames the target (and its uses in `elt`) to a name of its own, so
/// that it is local to the comprehension as in Python 3; `source` keeps its
/// spelling.
struct ListCompExpr : Expr {
  static constexpr ExprKind Kind = ExprKind::ListComp;
  ExprPtr elt;
  ExprPtr target; ///< a NameExpr
  ExprPtr iter;
  ExprPtr cond;       ///< `if cond`, or null
  std::string source; ///< the target's name as written
  ListCompExpr(SourceRange r) : Expr(Kind, r) {}
};

//===----------------------------------------------------------------------===//
// Type annotations (`f64`, `i64[:]`, `f32[:, :]`)
//===----------------------------------------------------------------------===//

/// A parsed annotation: a scalar type name and a rank (0 for scalars).
struct TypeAnnotation {
  std::string scalar; ///< "bool", "i32", "i64", "f32", "f64" (checked by Sema)
  int rank = 0;
  SourceRange range;
  /// A Python annotation that is no Weft type (`np.ndarray`,
  /// `Optional[int]`): parsed and ignored, as Python and Numba do.
  bool python = false;
};

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

enum class StmtKind {
  Expr,
  Assign,
  AugAssign,
  AnnAssign,
  If,
  For,
  While,
  Break,
  Continue,
  Return,
  Pass,
  Assert,
  FunctionDef
};

struct Stmt {
  StmtKind kind;
  SourceRange range;
  explicit Stmt(StmtKind k, SourceRange r) : kind(k), range(r) {}
  virtual ~Stmt() = default;
  template <typename T> T *dyn() {
    return kind == T::Kind ? static_cast<T *>(this) : nullptr;
  }
  template <typename T> const T *dyn() const {
    return kind == T::Kind ? static_cast<const T *>(this) : nullptr;
  }
};
using StmtPtr = std::unique_ptr<Stmt>;
using Block = std::vector<StmtPtr>;

struct ExprStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::Expr;
  ExprPtr value;
  ExprStmt(SourceRange r, ExprPtr v) : Stmt(Kind, r), value(std::move(v)) {}
};
/// `target = value`; target is a Name, Index or Tuple of those.
/// `a = b = 0` is parsed as several targets.
struct AssignStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::Assign;
  std::vector<ExprPtr> targets;
  ExprPtr value;
  AssignStmt(SourceRange r) : Stmt(Kind, r) {}
};
/// `target op= value`
struct AugAssignStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::AugAssign;
  ExprPtr target;
  BinaryOp op;
  ExprPtr value;
  AugAssignStmt(SourceRange r, ExprPtr t, BinaryOp o, ExprPtr v)
      : Stmt(Kind, r), target(std::move(t)), op(o), value(std::move(v)) {}
};
/// `name: type = value` (value may be null)
struct AnnAssignStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::AnnAssign;
  ExprPtr target; ///< a NameExpr
  TypeAnnotation annotation;
  ExprPtr value;
  AnnAssignStmt(SourceRange r) : Stmt(Kind, r) {}
};
/// `if/elif/else`: an `elif` is an IfStmt alone in `orelse`.
///
/// `try: body except: orelse` is an IfStmt too, `isTry` set and `cond` the
/// call `weft.try()`: every analysis sees the two blocks as the two ways
/// the statement may go (the except block after any part of the try
/// block; MLIRGen makes the `weft.try` op).
struct IfStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::If;
  ExprPtr cond;
  Block body;
  Block orelse;
  bool isTry = false;
  IfStmt(SourceRange r) : Stmt(Kind, r) {}
};
/// `for target in iter:` where iter is a call such as range(...)/prange(...).
struct ForStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::For;
  ExprPtr target; ///< a NameExpr
  ExprPtr iter;
  Block body;
  ForStmt(SourceRange r) : Stmt(Kind, r) {}
};
struct WhileStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::While;
  ExprPtr cond;
  Block body;
  WhileStmt(SourceRange r) : Stmt(Kind, r) {}
};
struct BreakStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::Break;
  BreakStmt(SourceRange r) : Stmt(Kind, r) {}
};
struct ContinueStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::Continue;
  ContinueStmt(SourceRange r) : Stmt(Kind, r) {}
};
/// `return`, `return x`, `return a, b` (value is then a TupleExpr).
struct ReturnStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::Return;
  ExprPtr value; ///< may be null
  ReturnStmt(SourceRange r, ExprPtr v) : Stmt(Kind, r), value(std::move(v)) {}
};
struct PassStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::Pass;
  PassStmt(SourceRange r) : Stmt(Kind, r) {}
};
/// `assert test, msg`; `raise E("msg")` is an assert of False whose
/// exception is E.
struct AssertStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::Assert;
  ExprPtr test;
  ExprPtr msg; ///< may be null
  std::string exception = "AssertionError";
  AssertStmt(SourceRange r) : Stmt(Kind, r) {}
};

struct Param {
  std::string name;
  SourceRange range;
  bool hasAnnotation = false;
  TypeAnnotation annotation;
  ExprPtr defaultValue; ///< `x=1.0`: a constant, or null
  /// `*args`: the tuple of the positional arguments after the others
  /// (a call packs them, Sema's bindArguments).
  bool star = false;
};
/// `@decorator(...)` lines above a def; kept as call or name expressions.
struct FunctionDefStmt : Stmt {
  static constexpr StmtKind Kind = StmtKind::FunctionDef;
  std::string name;
  SourceRange nameRange;
  std::vector<Param> params;
  bool hasReturnAnnotation = false;
  TypeAnnotation returnAnnotation;
  std::vector<ExprPtr> decorators;
  Block body;
  /// The list parameters this function grows and hands back by returning
  /// them (ListParameters.h), in order; none for most.
  std::vector<std::string> grownLists;
  FunctionDefStmt(SourceRange r) : Stmt(Kind, r) {}
};

/// A field of a jitclass: its name and declared type (`("x", f64)` of
/// the spec, or `x: f64` in the class body).
struct ClassField {
  std::string name;
  TypeAnnotation type;
  SourceRange range;
};

/// `@jitclass(spec) class C: ...` as parsed, before desugarJitclasses
/// makes its methods functions (DesugarJitclasses.cpp).
struct ClassDecl {
  std::string name;
  SourceRange range, nameRange;
  std::vector<ClassField> fields;
  std::vector<std::unique_ptr<FunctionDefStmt>> methods;
  /// The decorator's python_lists=True (a class compiled from Python).
  bool pythonLists = false;
};

/// A member of an Enum class: `sitting = "sitting"` (its value a
/// literal number, bool or str; auto() numbered as Python numbers it).
struct EnumMember {
  std::string name;
  ExprPtr value;
};

/// What Sema knows of a jitclass `C` after desugaring: its instances are
/// records (Type::record) of its fields in order, a number field held in
/// a one-element array (a cell) so that every holder of the instance
/// sees a write; its methods are the functions "C.m" taking the
/// instance first, its constructor the function "C".
struct JitclassInfo {
  std::vector<std::string> fields;
  std::set<std::string> cells;         ///< the number fields
  std::set<std::string> methods;       ///< "C.m" takes the instance first
  std::set<std::string> properties;    ///< read as obj.p: "C.p"(obj)
  std::set<std::string> staticMethods; ///< "C.m" without the instance
};

/// A whole source file: top-level statements, function definitions included,
/// in source order.
struct ModuleAST {
  std::string filename;
  Block body;
  /// The module's namedtuple classes (`P = namedtuple("P", ["x", "y"])`):
  /// their fields, in order.
  std::map<std::string, std::vector<std::string>> records;
  /// Each class's own name (namedtuple's first argument), as Python
  /// prints its values: `Point(x=1.0, y=2.0)`.
  std::map<std::string, std::string> recordTypeNames;
  /// The classes as parsed (emptied by desugarJitclasses) and what is
  /// known of each after (by class name).
  std::vector<ClassDecl> classDecls;
  std::map<std::string, JitclassInfo> jitclasses;
  /// The module's Enum classes (`class Color(IntEnum): red = 1`): their
  /// members in order, until desugarEnums makes every use a constant.
  std::map<std::string, std::vector<EnumMember>> enums;
  /// Expressions Sema makes (obj.p of a property: a call of "C.p"), kept
  /// with the module they belong to.
  std::vector<ExprPtr> synthesized;
};

/// Writes an indented, deterministic tree dump of `module` (for
/// `weft emit --stage=ast`).
std::string dumpAST(const ModuleAST &module);

/// Calls `f` on each direct sub-expression of `e` (callee names of
/// builtin and user calls excluded; a method's object included).
void forEachChild(const Expr *e, const std::function<void(const Expr *)> &f);

/// Calls `f` on each expression statement `s` holds itself (targets,
/// values, conditions, iterables, messages), not those of the statements
/// nested in it.
void forEachExprOf(const Stmt &s, const std::function<void(const Expr *)> &f);

/// forEachChild with the slots holding the children, which `f` may
/// replace (a call's callee when it is a method's object).
void forEachChildSlot(Expr &e, const std::function<void(ExprPtr &)> &f);

/// forEachExprOf with the slots holding the expressions.
void forEachExprSlotOf(Stmt &s, const std::function<void(ExprPtr &)> &f);

/// print()'s file= argument: 1 for sys.stdout, 2 for sys.stderr, else 0.
inline int printFileOf(const Expr *e) {
  auto *a = e ? e->dyn<AttributeExpr>() : nullptr;
  auto *m = a ? a->base->dyn<NameExpr>() : nullptr;
  if (!m || m->name != "sys")
    return 0;
  return a->attr == "stdout" ? 1 : a->attr == "stderr" ? 2 : 0;
}

/// Calls `f` on the slot of every expression of `block` and of the blocks
/// nested in it (not nested defs'), each before those it holds (which are
/// visited after `f` may have replaced it).
void forEachExprSlotIn(Block &block, const std::function<void(ExprPtr &)> &f);

/// Calls `f` on every statement of `block` and of the blocks nested in it
/// (branches, loop bodies; not nested defs), each before those it holds.
void forEachStmtIn(const Block &block,
                   const std::function<void(const Stmt &)> &f);

/// Calls `f` on every expression of `block`, those of nested statements
/// included (not nested defs'), the innermost first.
void forEachExprIn(const Block &block,
                   const std::function<void(const Expr *)> &f);

/// Adds to `out` every name statement `s` binds: assignment and loop
/// targets, in the statements nested in it too (not in nested defs).
void namesBoundBy(const Stmt &s, std::vector<std::string> &out);

/// The names a function binds: its parameters and every assignment or
/// loop target in its body (not in nested defs).
std::set<std::string> localsOf(const FunctionDefStmt &d);

/// The names an assignment target binds: a name, or the names of a tuple
/// of targets (element targets `a[i]` bind none).
void namesOfTarget(const Expr *target, std::vector<const NameExpr *> &out);

/// Rewrites the statements of `block` and of every block nested in it
/// (branches, loop bodies, function bodies), innermost first: a statement
/// for which `rewrite` returns statements is replaced by them.
void rewriteBlocks(Block &block,
                   const std::function<std::optional<Block>(Stmt &)> &rewrite);

} // namespace weft

#endif // WEFT_FRONTEND_AST_H
