//===- LowerChecks.cpp - weft.check as a branch to weft.fail --------------===//
//
// Implements weft-lower-checks (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Matchers.h"

namespace weft {
#define GEN_PASS_DEF_LOWERCHECKS
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

struct LowerChecksPass : weft::impl::LowerChecksBase<LowerChecksPass> {
  void runOnOperation() override {
    getOperation()->walk([](weft::CheckOp c) {
      if (!matchPattern(c.getFailed(), m_Zero())) {
        OpBuilder b(c);
        auto branch = scf::IfOp::create(b, c.getLoc(), TypeRange{},
                                        c.getFailed(), /*withElse=*/false);
        b.setInsertionPointToStart(&branch.getThenRegion().front());
        weft::FailOp::create(b, c.getLoc(), c.getMessage(), c.getLine());
      }
      c.erase();
    });
  }
};

} // namespace
