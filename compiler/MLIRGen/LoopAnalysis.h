//===- LoopAnalysis.h - Names used by loops, for parallelisation -*- C++
//-*-===//
//
// Internal to compiler/MLIRGen: the AST walks that decide how loops may run
// in parallel (which variables a loop body reads and writes).
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_COMPILER_MLIRGEN_LOOPANALYSIS_H
#define WEFT_COMPILER_MLIRGEN_LOOPANALYSIS_H

#include "frontend/AST.h"

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace weft {
namespace loops {

using weft::forEachChild; // frontend/AST.h
/// Every name read or written in `e` (one entry per occurrence).
void namesInExpr(const Expr *e, std::multiset<std::string> &out);
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

} // namespace loops
} // namespace weft

#endif // WEFT_COMPILER_MLIRGEN_LOOPANALYSIS_H
