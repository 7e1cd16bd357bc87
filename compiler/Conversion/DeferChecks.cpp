//===- DeferChecks.cpp - Deferrable checks report at the iteration's end --===//
//
// Implements weft-defer-checks (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace weft {
#define GEN_PASS_DEF_DEFERCHECKS
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// One parallel loop's iteration: its deferrable checks become updates of
/// an i64 site code (the smallest failed site in source order; the largest
/// i64 for none), carried through the `scf.for` and `scf.if` ops that hold
/// them, and reported before the iteration yields or after the loop.
class IterationChecks {
public:
  /// With `acrossIterations`, a prange loop counts each site's failures
  /// over its iterations and checks them after the loop: the loop body
  /// then has no call at all and vectorizes whole.
  void run(weft::ParallelForOp loop, bool acrossIterations) {
    Block &body = loop.getBody().front();
    OpBuilder b(&body, body.begin());
    Value none = noneCode(b, loop.getLoc());
    Value code = deferIn(body, none);
    if (none.use_empty())
      none.getDefiningOp()->erase();
    if (sites_.empty())
      return;
    // An automatic loop may become serial nested loops, which carry no
    // reductions (weft-choose-parallel-nests): it reports per iteration.
    if (acrossIterations && !loop.getAutomatic())
      return reduceAcross(loop, code);
    b.setInsertionPoint(body.getTerminator());
    reportSites(b, loop.getLoc(), code);
  }

private:
  std::vector<std::pair<std::string, int64_t>> sites_;

  /// The code of no failed site: larger than every site's number.
  static Value noneCode(OpBuilder &b, Location l) {
    return arith::ConstantIntOp::create(
        b, l, std::numeric_limits<int64_t>::max(), 64);
  }

  /// One check per site, in source order; `failedAt(i)` is whether
  /// site i failed.
  void checkSites(OpBuilder &b, Location l,
                  llvm::function_ref<Value(size_t)> failedAt) {
    for (size_t i = 0; i < sites_.size(); ++i)
      weft::CheckOp::create(b, l, failedAt(i), sites_[i].first,
                            sites_[i].second, /*deferrable=*/false);
  }

  /// One check per site: the code names it.
  void reportSites(OpBuilder &b, Location l, Value code) {
    checkSites(b, l, [&](size_t i) -> Value {
      Value site =
          arith::ConstantIntOp::create(b, l, static_cast<int64_t>(i) + 1, 64);
      return arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, code, site);
    });
  }

  /// The loop again with one more reduction per site (kind sum): the
  /// number of iterations whose first failed site it was. After the loop
  /// each site is checked in source order. (A count, not the min of the
  /// codes: LLVM vectorizes a sum of flags, and folds the min of one site
  /// into a select it does not.)
  void reduceAcross(weft::ParallelForOp loop, Value code) {
    OpBuilder b(loop);
    Location l = loop.getLoc();
    SmallVector<Value> inits(loop.getInits());
    SmallVector<Attribute> kinds(loop.getKinds().begin(),
                                 loop.getKinds().end());
    Value zero = arith::ConstantIntOp::create(b, l, 0, 64);
    for (size_t i = 0; i < sites_.size(); ++i) {
      inits.push_back(zero);
      kinds.push_back(b.getStringAttr("sum"));
    }
    auto reduced = weft::ParallelForOp::create(
        b, l, ValueRange(inits).getTypes(), loop.getCount(), inits,
        b.getArrayAttr(kinds), loop.getAutomaticAttr());
    for (NamedAttribute a : loop->getDiscardableAttrs())
      reduced->setAttr(a.getName(), a.getValue());
    reduced.getBody().takeBody(loop.getBody());
    Block &body = reduced.getBody().front();
    Operation *yield = body.getTerminator();
    OpBuilder y(yield);
    for (size_t i = 0; i < sites_.size(); ++i) {
      Value count = body.addArgument(b.getI64Type(), l);
      Value site =
          arith::ConstantIntOp::create(y, l, static_cast<int64_t>(i) + 1, 64);
      Value mine =
          arith::CmpIOp::create(y, l, arith::CmpIPredicate::eq, code, site);
      Value one = arith::ExtUIOp::create(y, l, y.getI64Type(), mine);
      yield->insertOperands(
          yield->getNumOperands(),
          arith::AddIOp::create(y, l, count, one).getResult());
    }
    size_t kept = loop.getNumResults();
    loop.replaceAllUsesWith(reduced.getResults().take_front(kept));
    loop.erase();
    b.setInsertionPointAfter(reduced);
    checkSites(b, l, [&](size_t i) -> Value {
      return arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne,
                                   reduced.getResult(kept + i), zero);
    });
  }

  /// True if a deferrable check sits in `op` under scf.for and scf.if ops
  /// only (a nested parallel loop defers its own; other regions, such as
  /// `scf.while`, keep theirs in place).
  static bool holdsDeferrable(Operation *op) {
    if (auto c = dyn_cast<weft::CheckOp>(op))
      return c.getDeferrable();
    if (!isa<scf::ForOp, scf::IfOp>(op))
      return false;
    for (Region &r : op->getRegions())
      for (Block &blk : r)
        for (Operation &o : blk)
          if (holdsDeferrable(&o))
            return true;
    return false;
  }

  int64_t siteCode(weft::CheckOp c) {
    std::pair<std::string, int64_t> site{c.getMessage().str(),
                                         static_cast<int64_t>(c.getLine())};
    auto it = std::find(sites_.begin(), sites_.end(), site);
    if (it == sites_.end())
      it = sites_.insert(sites_.end(), site);
    return (it - sites_.begin()) + 1;
  }

  /// Rewrites the ops of `blk` (before its terminator) given the code at
  /// its start; returns the code at its end.
  Value deferIn(Block &blk, Value code) {
    for (Operation &op : llvm::make_early_inc_range(blk.without_terminator())) {
      if (!holdsDeferrable(&op))
        continue;
      if (auto c = dyn_cast<weft::CheckOp>(op))
        code = record(c, code);
      else if (auto loop = dyn_cast<scf::ForOp>(op))
        code = carryThrough(loop, code);
      else
        code = carryThrough(cast<scf::IfOp>(op), code);
    }
    return code;
  }

  Value record(weft::CheckOp c, Value code) {
    OpBuilder b(c);
    Location l = c.getLoc();
    Value site = arith::ConstantIntOp::create(b, l, siteCode(c), 64);
    Value mine =
        arith::SelectOp::create(b, l, c.getFailed(), site, noneCode(b, l));
    Value next = arith::MinSIOp::create(b, l, code, mine);
    c.erase();
    return next;
  }

  /// The loop again with the code as one more carried value.
  Value carryThrough(scf::ForOp loop, Value code) {
    OpBuilder b(loop);
    SmallVector<Value> inits(loop.getInitArgs());
    inits.push_back(code);
    auto carried =
        scf::ForOp::create(b, loop.getLoc(), loop.getLowerBound(),
                           loop.getUpperBound(), loop.getStep(), inits);
    carried->setAttrs(loop->getAttrs());
    Block *from = loop.getBody(), *to = carried.getBody();
    for (auto [old, now] :
         llvm::zip(from->getArguments(), to->getArguments().drop_back()))
      old.replaceAllUsesWith(now);
    to->getOperations().splice(to->end(), from->getOperations());
    Value out = deferIn(*to, to->getArguments().back());
    to->getTerminator()->insertOperands(to->getTerminator()->getNumOperands(),
                                        out);
    loop.replaceAllUsesWith(carried.getResults().drop_back());
    loop.erase();
    return carried.getResults().back();
  }

  /// The branch again with the code as one more result.
  Value carryThrough(scf::IfOp branch, Value code) {
    OpBuilder b(branch);
    SmallVector<Type> types(branch.getResultTypes());
    types.push_back(code.getType());
    auto carried = scf::IfOp::create(b, branch.getLoc(), types,
                                     branch.getCondition(), true);
    auto move = [&](Region &to, Region &from) {
      if (from.empty()) {
        // No else branch: the code passes unchanged.
        OpBuilder e(&to.front(), to.front().end());
        scf::YieldOp::create(e, branch.getLoc(), code);
        return;
      }
      to.takeBody(from);
      Block &blk = to.front();
      Value out = deferIn(blk, code);
      blk.getTerminator()->insertOperands(blk.getTerminator()->getNumOperands(),
                                          out);
    };
    move(carried.getThenRegion(), branch.getThenRegion());
    move(carried.getElseRegion(), branch.getElseRegion());
    branch.replaceAllUsesWith(carried.getResults().drop_back());
    branch.erase();
    return carried.getResults().back();
  }
};

struct DeferChecksPass : weft::impl::DeferChecksBase<DeferChecksPass> {
  using Base::Base;

  void runOnOperation() override {
    SmallVector<weft::ParallelForOp> loops;
    getOperation()->walk([&](weft::ParallelForOp p) { loops.push_back(p); });
    for (weft::ParallelForOp p : loops)
      IterationChecks().run(p, acrossIterations);
  }
};

} // namespace
