//===- MLIRGenImpl.h - State of MLIR generation for a function -*- C++ -*-===//
//
// Internal to compiler/MLIRGen. FunctionGen emits one function instance.
// Locals live in an environment of SSA values (`env`): structured control
// flow (scf.if, scf.for, scf.while) yields the locals a region writes.
// `break`, `continue` and `return` become flags in the environment and the
// statements after them are guarded. Array values are reference counted:
// every array in `env` holds one reference; fresh arrays made while
// evaluating a statement are released at its end unless stored.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_COMPILER_MLIRGEN_MLIRGENIMPL_H
#define WEFT_COMPILER_MLIRGEN_MLIRGENIMPL_H

#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"
#include "compiler/MLIRGen/MLIRGen.h"
#include "frontend/Diagnostics.h"
#include "frontend/LoopAnalysis.h"
#include "frontend/NumpyLibrary.h"
#include "frontend/Sema.h"
#include "runtime/FormatSpec.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"

#include <functional>
#include <map>
#include <optional>
#include <set>

namespace weft {

/// A reduction variable of a prange loop (an env slot name).
struct ParallelReduction {
  std::string name;
  Reduction kind;
};

/// The MLIR value(s) of an expression: one per scalar or array, several for
/// a tuple.
struct Val {
  llvm::SmallVector<mlir::Value, 1> parts;
  Val() = default;
  Val(mlir::Value v) { parts.push_back(v); }
  mlir::Value v() const { return parts.front(); }
};

class ModuleGen;

class FunctionGen {
public:
  FunctionGen(ModuleGen &mg, const FunctionInstance &fn);
  /// Emits the whole function; false on an unsupported construct.
  bool emit();

  // ---- types and locations (MLIRGen.cpp)
  mlir::Type toMLIR(const Type &t);
  void flatTypes(const Type &t, llvm::SmallVectorImpl<mlir::Type> &out);
  mlir::Location loc(SourceRange r);
  mlir::Location loc(SourceLocation l) { return loc(SourceRange(l)); }
  /// The source line a runtime error names. In the NumPy library's
  /// functions (whose lines follow the program's), the program's line
  /// that called the function, or none (0).
  int64_t line(SourceRange r) const {
    return fn.def && fn.def->name.rfind(kNumpyLibraryPrefix, 0) == 0
               ? fn.reportLine
               : r.begin.line;
  }

  // ---- environment and ownership (MLIRGen.cpp)
  /// Names of the environment slots of local `name` of type `t`.
  void slotNames(const std::string &name, const Type &t,
                 std::vector<std::string> &out);
  Val defaultValue(const Type &t, mlir::Location l);
  /// Stores `v` (of type `t`) into local `name`, releasing the old arrays
  /// and taking ownership of (or retaining) the new ones.
  void storeLocal(const std::string &name, const Type &t, const Val &v,
                  mlir::Location l);
  Val loadLocal(const std::string &name, const Type &t);
  /// Makes `v` an owned reference: fresh temporaries are taken out of the
  /// temporary list, borrowed arrays are retained.
  void takeOwnership(mlir::Value v, mlir::Location l);
  void addTemp(mlir::Value v) { temps_.push_back(v); }
  void releaseTemps(size_t from, mlir::Location l);
  bool isArray(mlir::Value v) const {
    return llvm::isa<mlir::MemRefType>(v.getType());
  }

  // ---- statements (MLIRGenStmt.cpp)
  void emitBlock(const Block &block, size_t first = 0);
  void emitStmt(const Stmt &s);
  void emitAssign(const Expr *target, const Type &valueType, const Val &v,
                  mlir::Location l);
  void emitIf(const IfStmt &s);
  // ---- try statements (MLIRGenTry.cpp)
  /// `try: body except: handler` (an IfStmt marked isTry): weft.try, the
  /// slots the body writes kept in weft.cells for the handler.
  void emitTry(const IfStmt &s);
  /// Writes the slots of the enclosing try bodies whose values changed
  /// since their cells were written (at each statement's start and end,
  /// and at each store of a variable).
  void flushTryCells(mlir::Location l);
  struct TryCell {
    std::string slot;
    mlir::Value cell;
    mlir::Value stored; ///< the value last written into the cell
  };
  /// The cells of the try bodies being emitted, innermost last.
  std::vector<std::vector<TryCell>> tryCells_;
  /// Inside a parallel loop's body: its iterations' values are their own,
  /// no cell is written.
  int tryCellsSuspended_ = 0;
  void emitFor(const ForStmt &s);
  /// start, stop and step of a range()/prange() call as i64; a zero
  /// step that is not a literal is checked (ValueError at line `ln`).
  void emitRangeBounds(const CallExpr *call, int64_t ln, mlir::Location l,
                       mlir::Value &start, mlir::Value &stop,
                       mlir::Value &step);
  /// Emits `s` as a parallel loop (prange, or a range proven independent,
  /// with its serial version below the threshold) and returns true; false
  /// when it stays serial (the report says why).
  bool emitForInParallel(const ForStmt &s, mlir::Value start, mlir::Value stop,
                         mlir::Value step);
  void emitWhile(const WhileStmt &s);
  /// A loop the front end planned as parallel (a prange, or a range loop
  /// proven independent) as an scf.parallel loop with reductions
  /// (MLIRGenPrange.cpp).
  void emitParallelFor(const ForStmt &s, mlir::Value start, mlir::Value stop,
                       mlir::Value step);
  /// The environment slots of the reductions and private variables of
  /// the loop `s` planned by `plan`.
  void planParallelWrites(const ForStmt &s, const LoopPlan &plan,
                          std::vector<ParallelReduction> &reds,
                          std::vector<std::string> &privates);
  /// Notes a prange loop, its reductions and private variables in the
  /// loop report.
  void reportParallelFor(const ForStmt &s,
                         llvm::ArrayRef<ParallelReduction> reds,
                         llvm::ArrayRef<std::string> privates);
  void emitReturn(const ReturnStmt &s);
  /// Stores `x` at `idx` of `array`, or (with a checked index whose `bad`
  /// flag is set inside a parallel loop) nothing.
  void storeUnlessBad(mlir::Value x, mlir::Value array, mlir::ValueRange idx,
                      mlir::Value bad, mlir::Location l);
  void emitAssert(const AssertStmt &s);
  /// Environment slots written by `block` (loop flags of inner loops
  /// excluded).
  void collectWrites(const Block &block, std::set<std::string> &out,
                     size_t from = 0);
  void collectTargetWrites(const Expr *target, std::set<std::string> &out);
  /// Emits an scf.if on `cond` whose branches run `thenFn`/`elseFn` and
  /// yield the slots in `writes`.
  void emitStructuredIf(mlir::Value cond, const std::set<std::string> &writes,
                        const std::function<void()> &thenFn,
                        const std::function<void()> &elseFn, mlir::Location l);
  /// True when control may leave the current block early (a flag is set).
  mlir::Value exitFlag(mlir::Location l);

  // ---- expressions (MLIRGenExpr.cpp)
  Val emitExpr(const Expr *e);
  /// `e` as a value of type `to`: emitOptional for an optional, element
  /// by element for a tuple written out, else emitExpr.
  Val emitAs(const Expr *e, const weft::Type &to, mlir::Location l);
  /// `e` as a value of the optional type `to`: None, a number (not None),
  /// or an optional.
  Val emitOptional(const Expr *e, const Type &to, mlir::Location l);
  /// `a is b` (`is not` when !is) of two arrays: one buffer, offset,
  /// shape and strides; arrays of two types never are.
  mlir::Value emitArrayIdentity(mlir::Value a, mlir::Value b, bool is,
                                mlir::Location l);
  /// The value of `v`, an optional's parts (the value's, then the "not
  /// None" flag) that `e` gave: a TypeError when it is None, as Numba's
  /// cast of an optional to its value.
  Val unwrapOptional(const Val &v, const Expr *e, mlir::Location l);
  mlir::Value emitScalar(const Expr *e) { return emitExpr(e).v(); }
  /// emitScalar for code in a region of its own (a branch of `x if c else
  /// y`, the right side of `and`/`or`, the rest of a comparison chain): the
  /// arrays made there are released before the region ends, since no code
  /// outside it may use them.
  mlir::Value emitScalarInRegion(const Expr *e, mlir::Location l) {
    size_t mark = temps_.size();
    mlir::Value v = emitScalar(e);
    releaseTemps(mark, l);
    return v;
  }
  Val emitCall(const CallExpr *c);
  /// A new 1-D array of kind `k` of the numbers `elts` (a list display,
  /// or a tuple stored into an array view).
  mlir::Value emitArrayLiteral(const std::vector<ExprPtr> &elts, ScalarKind k,
                               mlir::Location l);
  /// [elt for x in it if c] (MLIRGenComprehension.cpp).
  Val emitListComp(const ListCompExpr *lc);
  /// A comprehension's iteration: its count (i64) and the variable's
  /// value at iteration i (an index).
  struct CompIteration {
    mlir::Value count;
    std::function<mlir::Value(mlir::Value)> varAt;
    /// A variable of several parts (a tuple of a list of tuples): its
    /// parts at an index, in place of varAt.
    std::function<Val(mlir::Value)> partsAt;
  };
  CompIteration emitCompIteration(const ListCompExpr *lc);
  /// A new list of tuples holding the tuples of `fields` (each field's
  /// list copied).
  Val copyTupleList(const Val &fields, mlir::Location l);
  /// The comprehension's variable at iteration `i` (all its parts).
  void bindCompVariable(const ListCompExpr *lc, const CompIteration &it,
                        mlir::Value i);
  Val emitBuiltin(const CallExpr *c, Builtin builtin);
  /// unravel_index(k, shape): the C-order index tuple of flat index k; a
  /// ValueError unless 0 <= k < prod(shape) and no size is negative.
  Val emitUnravelIndex(mlir::Value k, llvm::ArrayRef<mlir::Value> shape,
                       int64_t line, mlir::Location l);
  /// arange(stop) / arange(start, stop[, step]).
  Val emitArange(const CallExpr *c);
  void emitPrint(const CallExpr *c);
  /// emitBinaryScalar of u64 operands: unsigned //, %, >> and **.
  mlir::Value emitUnsignedBinary(BinaryOp op, mlir::Value l, mlir::Value r,
                                 bool pythonErrors, mlir::Location loc,
                                 int64_t line);
  mlir::Value emitBinaryScalar(BinaryOp op, mlir::Value l, mlir::Value r,
                               ScalarKind kind, bool pythonErrors,
                               mlir::Location loc, int64_t line);
  /// + - * / ** of two complex numbers: complex dialect ops, which
  /// weft-lower-complex expands with CPython's formulas.
  mlir::Value emitComplexBinary(BinaryOp op, mlir::Value l, mlir::Value r,
                                bool pythonErrors, mlir::Location loc,
                                int64_t line);
  /// z.real / z.imag of a number of any kind.
  mlir::Value emitRealImag(mlir::Value x, bool real, mlir::Location l);
  Val emitBinary(const BinaryExpr *b);
  mlir::Value emitCompare(const CompareExpr *c);
  /// `scf.if cond -> resultType` whose branches are emitted by `thenFn` and
  /// `elseFn` (each returns its branch's value) with emitScalarInRegion's
  /// rule for temporaries. Expressions also update hidden slots of the
  /// environment (the first failing division of a prange iteration, the
  /// random draw counter): the slots a branch changes become extra results
  /// of the scf.if, so code after it sees the branch's values.
  mlir::Value emitValueIf(mlir::Value cond, mlir::Type resultType,
                          llvm::function_ref<mlir::Value()> thenFn,
                          llvm::function_ref<mlir::Value()> elseFn,
                          mlir::Location l);
  /// emitValueIf of several results (the parts of a tuple).
  llvm::SmallVector<mlir::Value>
  emitValuesIf(mlir::Value cond, mlir::TypeRange resultTypes,
               llvm::function_ref<llvm::SmallVector<mlir::Value>()> thenFn,
               llvm::function_ref<llvm::SmallVector<mlir::Value>()> elseFn,
               mlir::Location l);
  mlir::Value emitCompareOp(CompareOp op, mlir::Value l, mlir::Value r,
                            mlir::Location loc);
  Val emitIndex(const IndexExpr *ix);
  /// Converts a scalar value between scalar kinds (Python/NumPy casts).
  mlir::Value convert(mlir::Value v, ScalarKind to, mlir::Location l);
  mlir::Value convertTo(mlir::Value v, const Type &to, mlir::Location l);
  mlir::Value truthy(mlir::Value v, mlir::Location l);
  /// The truth of expression `e` (a condition): truthy() of its value, or
  /// of a tuple, whether it is empty.
  mlir::Value emitTruth(const Expr *e, mlir::Location l);
  mlir::Value constant(ScalarKind k, double value, mlir::Location l);
  mlir::Value i64(int64_t v, mlir::Location l);
  mlir::Value index(int64_t v, mlir::Location l);
  mlir::Value toIndex(mlir::Value v, mlir::Location l);
  mlir::Value dim(mlir::Value array, unsigned d, mlir::Location l);
  /// Allocates a fresh 1-D array of `n` elements (i64 or index, read as
  /// unsigned), registered as a temporary; `n` becomes the index size
  /// allocated (see allocArrayN).
  mlir::Value allocArray(ScalarKind elem, mlir::Value &n, mlir::Location l);
  /// Emits `if (cond) weft.fail(message)`.
  /// weft.check: raises `message` when `failCond` holds; `deferrable` when
  /// the guarded operation is defined anyway (see weft-defer-checks).
  void emitCheck(mlir::Value failCond, const std::string &message, int64_t line,
                 mlir::Location l, bool deferrable = false);
  ScalarKind kindOf(mlir::Type t) const;

  // ---- lists of lists of any lengths (MLIRGenRaggedLists.cpp)
  /// The view of a row: `length` numbers of `pool` from `start` (i64s).
  mlir::Value raggedRowView(mlir::Value pool, mlir::Value start,
                            mlir::Value length, mlir::Location l);
  /// Row `i` (a checked index) of the list of lists `rl`.
  mlir::Value raggedRowAt(const Val &rl, mlir::Value i, mlir::Location l);
  /// A new list of lists without rows, its pool of kind `k`.
  Val emptyRagged(ScalarKind k, mlir::Location l, int rowRank = 1);
  /// np.array(lst) of a list of lists: the rows of a new 2-D array of
  /// kind `k` (a ValueError when two rows' lengths differ).
  mlir::Value raggedToArray(const Val &rl, ScalarKind k, int64_t ln,
                            mlir::Location l);
  /// `lst[i]`: the row, a view.
  Val emitRaggedIndex(const Val &rl, const IndexExpr *ix);
  /// lst[a:b:c] of a list of lists or arrays: a new one of those rows.
  Val emitRaggedSlice(const Val &rl, const IndexExpr *ix);
  /// The wrapped and checked row index `indexExpr` of `rl`.
  mlir::Value raggedRowIndex(const Val &rl, const Expr *indexExpr, int64_t ln,
                             mlir::Location l);
  /// Appends a copy of the list `row` as a new row; `rl`'s parts pass
  /// their references to the grown lists.
  void raggedPushRow(Val &rl, mlir::Value row, ScalarKind k, int64_t ln,
                     mlir::Location l);
  /// Appends `added` (a number when `one`, else a list's numbers) to row
  /// `i`, moving the row to the pool's end when it is full.
  void raggedGrowRow(Val &rl, mlir::Value i, mlir::Value added, bool one,
                     ScalarKind k, int64_t ln, mlir::Location l);
  /// `lst = weft.row_append(lst, i, x)`, `lst = weft.list_append(lst,
  /// row)` and the other updates of a list of lists variable.
  bool emitRaggedUpdate(const std::string &name, const CallExpr *call,
                        Builtin builtin, const AssignStmt &a);
  /// weft.list_last (the last row) and weft.row_last (a row's last
  /// number).
  Val emitRaggedMethod(const CallExpr *c, Builtin builtin);
  /// `lst[i] = row`.
  void storeRaggedRow(const IndexExpr *ix, const Val &row, mlir::Location l);
  void storeTupleListElement(const IndexExpr *ix, const Val &v,
                             mlir::Location l);
  void replaceRaggedRow(Val &rl, mlir::Value i, mlir::Value values,
                        ScalarKind k, int64_t ln, mlir::Location l);
  /// A comprehension of rows that may differ in length.
  Val emitRaggedComp(const ListCompExpr *lc);
  /// The rows of `rl` at `positions` (an array of i64s) pushed onto
  /// `into`'s lists (their references pass to the result).
  Val raggedPushRowsAt(const Val &into, const Val &rl, mlir::Value positions,
                       ScalarKind k, int64_t ln, mlir::Location l);
  /// a + b and a * n of lists of strs, lists or arrays.
  Val emitRaggedOp(const BinaryExpr *e);
  /// The same of emitted operands (`listFirst`: the list is lhs, for *).
  Val raggedJoinOrRepeat(const Val &lhs, const Val &rhs, bool add,
                         bool listFirst, const weft::Type &rt, int64_t ln,
                         mlir::Location l);
  /// [s, t, ...] of a list of arrays (of strs): each row pushed in turn.
  Val emitRaggedLiteral(const ListExpr *lst);
  /// A 2-D array of rows as a list of lists of any lengths (kind `k`).
  Val raggedFromRows(mlir::Value rows, ScalarKind k, mlir::Location l);

  // ---- Structured arrays and records (MLIRGenStructured.cpp)
  /// The field `ix` names (a['x'], rec['x']), or null for other indexing.
  const StrLitExpr *structuredFieldName(const IndexExpr *ix);
  /// The bytes of field `f` of `bytes` (a structured array or record
  /// of type `t`) read as the field's type: a view with the records'
  /// axes and one more, the field's elements (1 for a number).
  mlir::Value structuredFieldView(mlir::Value bytes, const weft::Type &t,
                                  const StructuredField &f, int64_t line,
                                  mlir::Location l);
  /// Field `name` of the dtype of `t` (one Sema found).
  StructuredField structuredFieldOf(const weft::Type &t,
                                    const std::string &name);
  /// The value of the field: a number of a record, else an array view.
  Val emitStructuredField(mlir::Value bytes, const weft::Type &t,
                          const std::string &name, int64_t line,
                          mlir::Location l);
  /// rec['x'] = v, rec.x = v of a number field.
  void storeStructuredField(mlir::Value bytes, const weft::Type &t,
                            const std::string &name, mlir::Value v,
                            int64_t line, mlir::Location l);

  // ---- Python's str (MLIRGenStrings.cpp)
  /// A new str of the literal's text (UTF-8).
  mlir::Value emitStrLiteral(const std::string &utf8, mlir::Location l);
  /// The code point at index `i` of str `s`, as an i64.
  mlir::Value codeAt(mlir::Value s, mlir::Value i, mlir::Location l);
  /// s[i] (a one-character view; IndexError outside) and s[a:b:c].
  Val emitStrIndex(const IndexExpr *ix);
  /// Whether two strs are equal; their order (-1, 0, 1); whether `sub`
  /// occurs in `s`.
  mlir::Value strEqual(mlir::Value x, mlir::Value y, mlir::Location l);
  /// Whether `holdsAt(i)` (an i1) is true for every i below `count`,
  /// looking up to the first i where it is false.
  mlir::Value allUpTo(mlir::Value count, mlir::Location l,
                      llvm::function_ref<mlir::Value(mlir::Value)> holdsAt);
  /// Whether two 1-D arrays are of one length with `equalAt(i)` (an i1)
  /// at every index up to the first where it is false.
  mlir::Value
  sequencesEqual(mlir::Value x, mlir::Value y, mlir::Location l,
                 llvm::function_ref<mlir::Value(mlir::Value)> equalAt);
  mlir::Value strOrder(mlir::Value x, mlir::Value y, mlir::Location l);
  mlir::Value strContains(mlir::Value s, mlir::Value sub, mlir::Location l);
  /// Whether str `x` equals a literal's text, compared in place.
  mlir::Value strEqualsLiteral(mlir::Value x, const std::string &utf8,
                               mlir::Location l);
  /// `a == b`, `a < b`, ... of two strs; `x in s`, `x in (s, t)`.
  mlir::Value emitStrCompare(const CompareExpr *c);
  mlir::Value emitStrMembership(const CompareExpr *c);
  /// ord, chr, __as_str, __str_codes, str, format, f-string fields.
  Val emitStrBuiltin(const CallExpr *c, Builtin builtin);
  /// str(x), format(x, spec): the text in a buffer sized for the spec.
  Val emitFormat(const CallExpr *c);
  /// A str's format(s, spec): truncated to the precision, padded to the
  /// width.
  mlir::Value padStr(mlir::Value s, const FormatSpec &fs, mlir::Location l);

  // ---- Python lists (MLIRGenLists.cpp)
  /// weft.list_append / list_extend (the list grown, a new reference),
  /// weft.list_last (the element pop returns) and weft.list_drop (the
  /// list without it, a view).
  Val emitListMethod(const CallExpr *c, Builtin builtin);
  /// `lst = weft.list_append(lst, x)` (extend, drop): the variable's
  /// reference passes to the new list; false (nothing emitted) for any
  /// other assignment.
  bool emitListUpdate(const AssignStmt &a);
  /// The list `owned` (whose reference it takes) with room for `count`
  /// more elements: in place below weft.list_capacity, else
  /// weft.list_grow.
  mlir::Value growList(mlir::Value owned, mlir::Value count, int64_t line,
                       mlir::Location l);
  /// Stores `added` (a number when `one`, else a 1-D array's elements) at
  /// index `n` on of `grown`, converted to kind `k`.
  void storeAdded(mlir::Value grown, mlir::Value n, mlir::Value added, bool one,
                  ScalarKind k, mlir::Location l);
  /// weft.list_at (pop(i)'s element), list_pop_at, list_insert,
  /// list_remove, list_clear, list_reverse: the new list.
  Val emitListEdit(const CallExpr *c, Builtin builtin);
  /// lst.index(x) and lst.count(x), as i64.
  mlir::Value emitListSearch(const CallExpr *c, Builtin builtin);
  /// `init` combined with every element of `array` (any rank) in C order
  /// by `combine(acc, element)`, in a loop nest.
  mlir::Value foldElements(
      mlir::Value array, mlir::Value init, mlir::Location l,
      llvm::function_ref<mlir::Value(mlir::Value, mlir::Value)> combine);
  /// `list[at]` converted to kind `to`, or 0 when `bad` holds (inside a
  /// parallel loop, after a failed check).
  mlir::Value guardedElement(mlir::Value list, mlir::Value at, mlir::Value bad,
                             ScalarKind to, mlir::Location l);
  /// The position of the first element of the 1-D `list` equal to `x`,
  /// or its length.
  mlir::Value firstEqual(mlir::Value list, mlir::Value x, mlir::Location l);
  /// Copies `count` elements of 1-D `from` from `fromStart` on into `to`
  /// from `toStart` on, converted to its element type.
  void copyElements(mlir::Value from, mlir::Value fromStart, mlir::Value to,
                    mlir::Value toStart, mlir::Value count, mlir::Location l);
  /// `a == b` / `a != b` with a Python list (Sema: the other operand a
  /// list or a number): the same length and equal elements; a list never
  /// equals a number.
  mlir::Value emitListEquality(const CompareExpr *c);
  /// `x in c` / `x not in c` of a tuple (each element compared), a 1-D
  /// array or list (a scan that stops at the first equal element) or an
  /// array of more axes (every element compared).
  mlir::Value emitMembership(const CompareExpr *c);
  /// A new 1-D array of `list`'s elements converted to kind `k`.
  /// `lst = weft.list_append(lst, t)` / `weft.list_drop(lst)` of a list of
  /// tuples `name`: each field's list in place.
  bool emitTupleListUpdate(const std::string &name, const CallExpr *call,
                           Builtin builtin, const AssignStmt &a);
  /// pop()'s tuple, and the shorter or emptied lists, of a list of tuples.
  Val emitTupleListMethod(const CallExpr *c, Builtin builtin);
  /// Where each field of a list of tuples starts in its parts (one part
  /// for a field of numbers, a list of arrays' parts for one of arrays),
  /// and the end.
  llvm::SmallVector<size_t> tupleListFieldParts(const weft::Type &t);
  /// The parts [from, to) of `v`.
  static Val partsOf(const Val &v, size_t from, size_t to);
  mlir::Value convertList(mlir::Value list, ScalarKind k, mlir::Location l);

  // ---- arrays: views, indexing, creation (MLIRGenArrays.cpp)
  /// Offset, sizes and strides (index values) of a strided array.
  struct ArrayMeta {
    mlir::Value offset;
    llvm::SmallVector<mlir::Value, 4> sizes, strides;
  };
  ArrayMeta arrayMeta(mlir::Value array, mlir::Location l);
  /// cumsum/cumprod of a 1-D array: a new array of the running totals.
  mlir::Value emitScan(const CallExpr *c, Builtin builtin, const Expr *arg);
  /// sort(a) (a sorted copy), a.sort() (in place), argsort(a): along the
  /// last axis.
  /// sort(lst) / lst.sort() of a list of tuples (MLIRGenNumpy.cpp).
  Val emitTupleListSort(const CallExpr *c, const Expr *arg);
  Val emitSort(const CallExpr *c, Builtin builtin, const Expr *arg);
  /// concatenate((a, b, ...), axis=k): a new array, each part copied into
  /// its slab; with `stack`, along a new axis k.
  mlir::Value emitConcatenate(const CallExpr *c, const Expr *parts,
                              int64_t axis, bool stack);
  /// searchsorted(a, v, side=) and digitize(x, bins, right=):
  /// weft.searchsorted / weft.digitize.
  /// a.view(dtype) and np.frombuffer(a, dtype) of array `a`: a
  /// weft.view_dtype of type `t`, after NumPy's checks.
  mlir::Value emitViewDtype(mlir::Value a, const weft::Type &t, int64_t line,
                            mlir::Location l);
  mlir::Value emitSearchSorted(const CallExpr *c, Builtin builtin,
                               llvm::ArrayRef<const Expr *> argExprs);
  /// histogram(a, bins, range=, weights=): (counts, edges) of
  /// weft.histogram.
  Val emitHistogram(const CallExpr *c);
  /// median(a), percentile(a, q), quantile(a, q) of every element:
  /// weft.quantile.
  mlir::Value emitQuantile(const CallExpr *c, Builtin builtin,
                           llvm::ArrayRef<const Expr *> argExprs);
  /// diff(a) along the last axis: a new array.
  mlir::Value emitDiff(mlir::Value a, ScalarKind k, int64_t line,
                       mlir::Location l);
  /// triu(m, k) (`upper`) or tril(m, k): a new array of m's elements on
  /// and above (below) the k-th diagonal of its last two axes, else 0.
  mlir::Value emitTriangle(const CallExpr *c, bool upper,
                           llvm::ArrayRef<const Expr *> argExprs);
  /// flip(a): a view with every axis reversed.
  mlir::Value emitFlip(mlir::Value a, mlir::Location l);
  /// unique(a): the sorted distinct elements (NaNs as one): weft.unique.
  mlir::Value emitUnique(const CallExpr *c, const Expr *arg);
  /// A view of `array`'s buffer with the given layout (shares the buffer
  /// and its reference count).
  mlir::Value makeView(mlir::Value array, ScalarKind elem, mlir::Value offset,
                       mlir::ValueRange sizes, mlir::ValueRange strides,
                       mlir::Location l);
  /// A fresh row-major array with `sizes` (index values, read as unsigned),
  /// a temporary. A shape whose byte size does not fit (checkedCount) is a
  /// MemoryError; inside a parallel loop, where the error is raised after
  /// the loop, `sizes` become zeros so loops over them stay in bounds.
  mlir::Value allocArrayN(ScalarKind elem,
                          llvm::SmallVectorImpl<mlir::Value> &sizes,
                          mlir::Location l);
  /// The number of elements of range(start, stop, step) (i64 values, step
  /// not 0), computed without overflow: an i64 read as unsigned.
  mlir::Value rangeLength(mlir::Value start, mlir::Value stop, mlir::Value step,
                          mlir::Location l);
  /// Sizes (index values) from a shape argument: an int or a tuple.
  llvm::SmallVector<mlir::Value, 4> shapeSizes(const Val &shape,
                                               const Type &shapeType,
                                               int64_t line, mlir::Location l);
  /// [[1.0, 2.0], [3.0, 4.0]] or [a, b]: a new array of the rows.
  mlir::Value emitNestedListLiteral(const ListExpr *lst, const weft::Type &t,
                                    mlir::Location l);
  /// `t[i]` of a tuple of numbers of one type with a variable `i`.
  Val tupleItemAt(const Val &items, const IndexExpr *ix);
  /// `lst[i]` of a list of tuples held as the lists `fields`: the tuple
  /// of the fields' numbers at i (or, deeper, the views of their lists).
  Val emitTupleListElement(const Val &fields, const IndexExpr *ix);
  /// `a[...]` with integer indices and slices: an element or a view.
  Val emitSubscript(mlir::Value array, const IndexExpr *ix);
  /// One entry of a subscript per axis it names: a slice (expr), or an
  /// integer index (expr, or value for an element of a tuple index:
  /// a[t] is a[t[0], t[1], ...]).
  struct SubscriptEntry {
    const Expr *expr = nullptr;
    mlir::Value value;
  };
  llvm::SmallVector<SubscriptEntry, 4> subscriptEntries(const IndexExpr *ix);
  /// The view of `array` (of `rank` axes) by `entries` (integers drop
  /// their axis; slices and empty entries keep it), of type `viewType`.
  mlir::Value emitView(mlir::Value array,
                       llvm::ArrayRef<SubscriptEntry> entries, int rank,
                       mlir::Type viewType, const IndexExpr *ix);
  /// `a[:, None]` (np.newaxis): a view with size-1 axes inserted.
  /// The integer index of an entry that is no slice.
  mlir::Value entryIndex(const SubscriptEntry &e) {
    return e.value ? e.value : emitScalar(e.expr);
  }
  /// A weft.wrap_index: wraps a negative index and converts it to `index`;
  /// with boundscheck an index outside [-n, n) is an IndexError naming
  /// `axis` and `n`.
  /// Inside parallel loops the error is recorded and the code goes on, so
  /// a bad index is replaced by 0 and, when `bad` is given, or-ed into it:
  /// the caller must then skip the access (a checked write never happens).
  /// `list`: the axis is a Python list's, checked always (as Python's and
  /// Numba's lists are), boundscheck or not.
  mlir::Value wrapIndex(mlir::Value i, mlir::Value n, mlir::Location l,
                        int64_t axis = 0, int64_t line = 0,
                        mlir::Value *bad = nullptr, bool list = false);
  /// Whether axis `d` of what `ix` indexes is a Python list's.
  bool listAxis(const IndexExpr *ix, int64_t d) const;
  bool boundscheck() const;
  /// True in a @kernel of a GPU program: no runtime checks, since the
  /// device has no runtime to report them to.
  bool noRuntimeChecks() const;
  /// True if this function's parallel loops may be offloaded to the GPU.
  bool onGPU() const;
  /// The next 64 random bits (for a scalar draw, else the key of an
  /// array's stream): inlined from the iteration key inside a prange body
  /// that draws only directly, else from the runtime.
  mlir::Value nextRandomBits(mlir::Location l, bool scalar);
  /// Emits the array builtins; false if `name` is not one of them.
  /// zeros, ones, empty, full, eye, linspace: a new array.
  mlir::Value emitArrayConstructor(const CallExpr *c, Builtin builtin,
                                   llvm::ArrayRef<const Expr *> argExprs);
  /// a.reshape(shape) / a.ravel(): a view of `a`, or of a contiguous copy.
  mlir::Value emitReshape(const CallExpr *c, Builtin builtin,
                          llvm::ArrayRef<const Expr *> argExprs);
  /// random(), randint(lo, hi), rand(shape), randn(shape).
  /// np.linalg's solve, inv, det, cholesky (weft.linalg, in f64).
  mlir::Value emitLinalg(const CallExpr *c, Builtin builtin,
                         llvm::ArrayRef<const Expr *> argExprs);
  /// Python's list * int and list + list (a new 1-D array).
  mlir::Value emitListOp(const BinaryExpr *e);
  mlir::Value emitRandomBuiltin(const CallExpr *c, Builtin builtin,
                                llvm::ArrayRef<const Expr *> argExprs);
  /// A weft.map storing value(indices) into every element of `arr`
  /// (`value` runs in the map's body, the indices are weft.index ops).
  void fillArray(mlir::Value arr, mlir::Location l,
                 const std::function<mlir::Value(mlir::ValueRange)> &value);
  bool emitArrayBuiltin(const CallExpr *c, Builtin builtin,
                        llvm::ArrayRef<const Expr *> argExprs, Val &out);
  /// Nested scf.for loops over `dims` (index values), with this
  /// generator's builder (weft::buildArrayNest).
  void emitLoopNest(mlir::ValueRange dims, mlir::Location l,
                    const std::function<void(mlir::ValueRange)> &body);
  mlir::Value productOf(mlir::ValueRange dims, mlir::Location l);
  /// Python's lst + lst2 (`join`) or lst * n of list `a` (`other`: the
  /// second list or the count), as a new list of `k` elements; a list of
  /// lists of one length is joined and repeated along its rows.
  mlir::Value joinOrRepeatList(mlir::Value a, mlir::Value other, bool join,
                               ScalarKind k, mlir::Location l,
                               int64_t line = 0);
  /// emitListOp of lists of tuples: each field's list.
  Val emitTupleListOp(const BinaryExpr *e);
  /// sqrt, sin or cos of complex `z` as C99's csqrt, csin, ccos.
  mlir::Value emitComplexMath(Builtin builtin, mlir::Value z, mlir::Location l);
  /// Replaces a -1 in reshape's `shape` (i64 parts after) by the size the
  /// others leave of array `a`; more than one -1 is NumPy's ValueError.
  void inferUnknownSize(mlir::Value a, Val &shape, int64_t line,
                        mlir::Location l);
  /// `vmap(f, axis=k)(args)` (MLIRGenTransforms.cpp).
  Val emitVmap(const CallExpr *c);
  /// `a @ b` and dot(a, b) for 1-D and 2-D operands (MLIRGenLinalg.cpp).
  mlir::Value emitMatmul(const Expr *a, const Expr *b, const Type &result,
                         mlir::Location l);

  // ---- array expressions as weft.map and weft.reduce (MLIRGenArrayExpr.cpp)
  /// True for expressions computed element by element (arithmetic,
  /// comparisons and math on arrays), which fuse into one loop nest.
  bool isFusable(const Expr *e);
  /// The operands of an elementwise node, in order.
  llvm::SmallVector<const Expr *, 3> elementOperands(const Expr *e);
  /// The element of elementwise node `e` from its operands' elements `xs`
  /// (scalar code, of `e`'s kind).
  mlir::Value elementOf(const Expr *e, llvm::SmallVectorImpl<mlir::Value> &xs);
  /// elementOf computed in kind `k` (the expression's, or i64 for a
  /// storage kind).
  mlir::Value elementIn(const Expr *e, llvm::SmallVectorImpl<mlir::Value> &xs,
                        ScalarKind k);
  /// The broadcast shape of `arrays` (NumPy's rule) of rank `rank`, or
  /// `target` when given (an assignment); a shape error when they do not
  /// broadcast, after which the shape is empty.
  llvm::SmallVector<mlir::Value, 4>
  broadcastShape(llvm::ArrayRef<mlir::Value> arrays, int rank,
                 const llvm::SmallVector<mlir::Value, 4> *target, int64_t line,
                 mlir::Location l);
  /// A weft.map over `inputs` writing `out`; `body(elements, current)`
  /// emits the element from the inputs' elements and the output's current
  /// one.
  void emitMapOp(
      llvm::ArrayRef<mlir::Value> inputs, mlir::Value out, mlir::Location l,
      const std::function<mlir::Value(mlir::ValueRange, mlir::Value)> &body);
  /// One weft.map per elementwise node of `e`, bottom up, from the values
  /// of its leaves; returns the array of `e`.
  mlir::Value emitMapTree(const Expr *e,
                          const std::map<const Expr *, mlir::Value> &leaves);
  /// Evaluates an array expression into a new array: its leaves, then its
  /// elementwise nodes as weft.map ops (which weft-fuse-elementwise merges
  /// into one loop nest). `report`: note the expression in the loop
  /// report (false when the statement using it reports it).
  mlir::Value materialize(const Expr *e, bool report = true);
  /// `dest[...] = e` (or `dest op= e` when `op` is given) with NumPy's
  /// broadcasting, as if `e` were evaluated first when it overlaps `dest`.
  /// With `mask` (a bool array of dest's shape), only the elements where
  /// it is true change.
  void storeInto(mlir::Value dest, const Expr *e, std::optional<BinaryOp> op,
                 int64_t line, mlir::Location l, mlir::Value mask = {});
  /// `a[mask] = v` / `a[idx] = v` (or `op=`) for a number v: a masked
  /// update, or a loop over the indices (checked as NumPy does).
  /// For `a[..., idx, ...]` with one array index: the view of `array`
  /// (of type `arrayType`) by the other indices, its axes permuted so the
  /// array index's axis comes first (a[:, idx] reads a.T[idx]).
  mlir::Value advancedIndexSource(mlir::Value array, weft::Type arrayType,
                                  const IndexExpr *ix);
  /// For `a[..., mask, ...]` with the mask past the first position: NumPy's
  /// IndexError when its length is not the size of the axis it selects
  /// along (`view`, the view with that axis first).
  void checkMaskAxis(const IndexExpr *ix, mlir::Value view, mlir::Value mask,
                     mlir::Location l);
  /// The permutation taking the selection `a[..., idx, ...]` in the
  /// order it is made (idx's axes first) to NumPy's order (of `rank`
  /// axes): axis i of NumPy's is axis perm[i] of the made one. Empty when
  /// the two orders are one.
  llvm::SmallVector<int64_t, 8> numpySelectionOrder(const IndexExpr *ix,
                                                    int rank);
  /// `a[idx] = v` for a number or an array v, `a[mask] = v` for an array
  /// v (or `op=`; MLIRGenIndexStores.cpp), into `dest` (the view with the
  /// index's axis first) through `idx`.
  void storeSelected(const IndexExpr *ix, const Expr *e,
                     std::optional<BinaryOp> op, mlir::Value dest,
                     mlir::Value idx, int64_t ln, mlir::Location l);
  /// A copy of array `e`, seen broadcast to the selection of `ix` whose
  /// sizes are `selection` in the order it is made (NumPy's ValueError
  /// when it does not broadcast to the selection in NumPy's order).
  mlir::Value valueForSelection(const IndexExpr *ix, const Expr *e,
                                mlir::ValueRange selection, int64_t ln,
                                mlir::Location l);
  void storeThroughIndexArray(const IndexExpr *ix, const Expr *e,
                              std::optional<BinaryOp> op, int64_t line,
                              mlir::Location l);
  /// Reductions (whole array or along `axis`) of any array expression: a
  /// weft.reduce, into which weft-fuse-elementwise merges the argument's
  /// maps.
  /// sum or mean of a complex array `v` (sizes `dims`), whole or along
  /// `axis` (result sizes `outDims`): the real and the imaginary parts
  /// reduced as floats.
  mlir::Value emitComplexReduction(Builtin builtin, mlir::Value v,
                                   mlir::ValueRange dims,
                                   std::optional<int64_t> axis,
                                   llvm::SmallVectorImpl<mlir::Value> &outDims,
                                   bool parallel, mlir::Location l);
  Val emitReduction(Builtin builtin, const Expr *arg,
                    std::optional<int64_t> axis, const Type &resultType,
                    int64_t line, mlir::Location l);
  /// The scalar math builtins on element values of kind `k`.
  /// real, imag, conj(ugate) or angle of `x` (complex or real), as a
  /// number of kind `k`.
  mlir::Value emitComplexPart(Builtin builtin, mlir::Value x, ScalarKind k,
                              mlir::Location l);
  /// -x of a number of kind `k` (complex: both parts).
  mlir::Value negate(mlir::Value x, ScalarKind k, mlir::Location l);
  mlir::Value emitMath(Builtin builtin, llvm::ArrayRef<mlir::Value> xs,
                       ScalarKind k, mlir::Location l);

  ModuleGen &mg;
  const FunctionInstance &fn;
  mlir::OpBuilder b;
  std::map<std::string, mlir::Value> env;
  std::vector<mlir::Value> temps_;
  bool failed = false;
  int parallelDepth = 0; ///< > 0 inside a prange body
  /// The loop's random key and the iteration (i64) when a prange body's
  /// draws are inlined; the draw counter is then the environment slot
  /// "%rng".
  mlir::Value rngLoopKey, rngIteration;
  /// The function's entry block, and whether its draws outside prange
  /// bodies are NumPy's (weft.rng_serial, read once at the entry: it is
  /// the same for the whole call).
  mlir::Block *entryBlock = nullptr;
  mlir::Value rngSerial;
  mlir::Value serialDraws(mlir::Location l);
  /// In a @kernel: thread x, y, block x, y, block size x, y (i64).
  mlir::Value gridPoint_[6];
  /// f[blocks, threads](args) on the CPU: every grid point in a parallel
  /// loop.
  void emitKernelLaunch(const CallExpr *c, FunctionInstance *kernel);
  /// grid(), thread_id(), block_id(), block_dim(); false for other names.
  bool emitKernelBuiltin(Builtin builtin, llvm::ArrayRef<const Expr *> argExprs,
                         mlir::Location l, Val &out);
  void error(SourceRange r, const std::string &msg);
  /// Adds a line to the loop report (if one is being made).
  void note(int64_t line, const std::string &text);
  /// "parallel (OpenMP) from N iterations" or "serial (parallel=False)".
  std::string parallelText() const;
};

class ModuleGen {
public:
  ModuleGen(mlir::MLIRContext &ctx, const Program &p, const SourceFile &f,
            DiagnosticEngine &d, bool boundscheck)
      : ctx(ctx), program(p), file(f), diags(d), boundscheck(boundscheck) {}
  mlir::MLIRContext &ctx;
  const Program &program;
  const SourceFile &file;
  DiagnosticEngine &diags;
  bool boundscheck;      ///< check every index (weft run --boundscheck)
  bool fastmath = false; ///< every function fastmath (weft run --fastmath)
  bool gpu = false;      ///< --target=gpu: kernels launch on the GPU
  std::vector<LoopReport> *report = nullptr;
  mlir::ModuleOp module;
  std::map<const FunctionInstance *, mlir::func::FuncOp> funcs;
};

inline bool FunctionGen::onGPU() const {
  return mg.gpu || fn.options.target == Target::GPU;
}

inline bool FunctionGen::noRuntimeChecks() const {
  // A @kernel launched on the GPU has no runtime to report to. (Checks in
  // the prange bodies of other GPU functions are recorded on the device
  // by weft-gpu-record-errors.)
  return onGPU() && fn.options.kernel;
}

inline void FunctionGen::note(int64_t line, const std::string &text) {
  if (mg.report)
    mg.report->push_back({line, fn.name, text});
}

} // namespace weft

#endif // WEFT_COMPILER_MLIRGEN_MLIRGENIMPL_H
