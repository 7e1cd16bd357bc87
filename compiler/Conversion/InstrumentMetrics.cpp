//===- InstrumentMetrics.cpp - Time entry calls, count parallel regions ---===//
//
// Implements weft-instrument-metrics (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"

namespace weft {
#define GEN_PASS_DEF_INSTRUMENTMETRICS
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

struct InstrumentMetricsPass
    : weft::impl::InstrumentMetricsBase<InstrumentMetricsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    OpBuilder b(module.getContext());
    if (auto main = module.lookupSymbol<func::FuncOp>("__weft_main")) {
      SmallVector<func::CallOp> calls;
      main.walk([&](func::CallOp call) {
        // Calls inside a parallel loop (a kernel launch's grid points) run
        // on many threads at once; the entry timer is for the top level.
        if (call->getParentOfType<scf::ParallelOp>())
          return;
        auto callee = module.lookupSymbol<func::FuncOp>(call.getCallee());
        if (callee && !callee.isExternal())
          calls.push_back(call);
      });
      for (func::CallOp call : calls) {
        std::string name = weft::sourceName(call.getCallee());
        b.setInsertionPoint(call);
        weft::MetricsEnterOp::create(b, call.getLoc(), name);
        b.setInsertionPointAfter(call);
        weft::MetricsExitOp::create(b, call.getLoc(), name);
      }
    }
    SmallVector<scf::ParallelOp> regions;
    module.walk([&](scf::ParallelOp par) {
      if (!par->getParentOfType<scf::ParallelOp>())
        regions.push_back(par);
    });
    for (scf::ParallelOp par : regions) {
      b.setInsertionPoint(par);
      // A nest that runs in parallel only from some size on counts then.
      auto ops = par.getBody()->getOps<weft::ParallelIfOp>();
      if (!ops.empty()) {
        auto onlyIf = scf::IfOp::create(b, par.getLoc(), TypeRange{},
                                        (*ops.begin()).getCondition(), false);
        b.setInsertionPoint(onlyIf.thenBlock()->getTerminator());
      }
      weft::MetricsParallelRegionOp::create(b, par.getLoc());
    }
  }
};

} // namespace
