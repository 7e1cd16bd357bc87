//===- LoopAnalysis.h - Which loops may run in parallel ----------*- C++
//-*-===//
//
// The AST walks that decide how loops may run in parallel: which variables
// a loop body reads and writes, the dependences a prange body shows, and
// whether a range loop's iterations are independent.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_LOOPANALYSIS_H
#define WEFT_FRONTEND_LOOPANALYSIS_H

#include "frontend/AST.h"
#include "frontend/Sema.h"

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace weft {

namespace loops {

using weft::forEachChild; // frontend/AST.h
/// Every name read or written in `e` (one entry per occurrence).
void namesInExpr(const Expr *e, std::multiset<std::string> &out);
/// Every name read or written in statement `s`, except inside `skip`.
void namesInStmt(const Stmt &s, const Block *skip,
                 std::multiset<std::string> &out);
/// Every name read or written in `block`, except inside `skip` (and the
/// target of the loop whose body is `skip`).
void namesInBlock(const Block &block, const Block *skip,
                  std::multiset<std::string> &out);

/// A cross-iteration dependence the compiler can prove in a parallel loop
/// over `var`: array `array` written at row var+`writeOffset` and read at
/// var+`readOffset` (different offsets), at `readRange`.
struct Dependence {
  std::string array;
  int64_t writeOffset = 0, readOffset = 0;
  SourceRange readRange;
};
std::vector<Dependence> findDependences(const Block &body,
                                        const std::string &var);

/// Proves (conservatively) that the iterations of the range loop `s` of
/// `fn` are independent: each writes only rows `A[i, ...]` of arrays the
/// function allocated itself and never aliased, and keeps every other
/// variable private. `keepAll`: every variable is used after the loop (a
/// session's script body). Else false, with the first reason in `why`.
bool loopIsIndependent(const FunctionInstance &fn, const ForStmt &s,
                       bool keepAll, std::string &why);

/// How the writes of the outer variable `name` in a prange body combine:
/// as one reduction `kind` (None if there is no update), `ok` if every
/// write is an update (`name += x`, `-=`, `*=`, `name = min(name, x)`,
/// `max`), `accounted` occurrences of `name` in those updates, and the
/// first write that is not one at `where`.
struct ReductionUse {
  Reduction kind = Reduction::None;
  bool ok = true;
  int accounted = 0;
  SourceRange where;
};
ReductionUse scanReduction(const FunctionInstance &fn, const Block &body,
                           const std::string &name);
/// True if `name` is assigned before it is read in every iteration of a
/// loop with body `body`: its first mention is a plain assignment
/// `name = e` (or `name: T = e`) at the top of the body, `e` not reading
/// it.
bool assignedBeforeRead(const Block &body, const std::string &name);
/// True if every read of `name` in `body` comes after some write of it in
/// the order of the text (in a branch: one of that branch, or before the
/// `if`): `if st2: h = 0.0; h += x` ... `if k == 2: use(h)`. An iteration
/// may still read the value from before the loop, on a path that skips
/// the writes; none reads it on every path.
bool writtenBeforeEachRead(const Block &body, const std::string &name);
/// True if, after the loop `loop` of the function body `fnBody` ends,
/// `name` may be read before it is assigned again (conservatively: also
/// when the loop is nested in another loop and nothing after it in the
/// same iteration of that loop assigns `name` first).
bool usedAfterLoop(const Block &fnBody, const ForStmt &loop,
                   const std::string &name);
/// The first statement of `block` (or nested in it) that writes `name`.
const Stmt *firstWrite(const Block &block, const std::string &name);
/// True if running statements `from`.. of `block` may draw random numbers;
/// with `direct` false, only draws inside functions it calls count.
bool drawsRandom(const Block &block, const FunctionInstance &fn,
                 std::set<const FunctionInstance *> &seen, size_t from = 0,
                 bool direct = true);

} // namespace loops
} // namespace weft

#endif // WEFT_FRONTEND_LOOPANALYSIS_H
