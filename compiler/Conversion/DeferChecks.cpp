//===- DeferChecks.cpp - Deferrable checks report at the iteration's end --===//
//
// Implements weft-defer-checks (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

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
/// an i64 site code (the smallest failed site in source order; -1, the
/// largest unsigned value, for none), carried through the `scf.for` and
/// `scf.if` ops that hold them, and reported before the iteration yields.
class IterationChecks {
public:
  void run(weft::ParallelForOp loop) {
    Block &body = loop.getBody().front();
    OpBuilder b(&body, body.begin());
    Value none = arith::ConstantIntOp::create(b, loop.getLoc(), -1, 64);
    Value code = deferIn(body, none);
    if (none.use_empty())
      none.getDefiningOp()->erase();
    b.setInsertionPoint(body.getTerminator());
    for (size_t i = 0; i < sites_.size(); ++i) {
      Value site = arith::ConstantIntOp::create(
          b, loop.getLoc(), static_cast<int64_t>(i) + 1, 64);
      Value failed = arith::CmpIOp::create(
          b, loop.getLoc(), arith::CmpIPredicate::eq, code, site);
      weft::CheckOp::create(b, loop.getLoc(), failed, sites_[i].first,
                            sites_[i].second, /*deferrable=*/false);
    }
  }

private:
  std::vector<std::pair<std::string, int64_t>> sites_;

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
    Value none = arith::ConstantIntOp::create(b, l, -1, 64);
    Value mine = arith::SelectOp::create(b, l, c.getFailed(), site, none);
    Value next = arith::MinUIOp::create(b, l, code, mine);
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
  void runOnOperation() override {
    SmallVector<weft::ParallelForOp> loops;
    getOperation()->walk([&](weft::ParallelForOp p) { loops.push_back(p); });
    for (weft::ParallelForOp p : loops)
      IterationChecks().run(p);
  }
};

} // namespace
