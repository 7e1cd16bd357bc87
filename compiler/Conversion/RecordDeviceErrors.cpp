//===- RecordDeviceErrors.cpp - Checks of GPU parallel loops as a word ----===//
//
// Implements weft-gpu-record-errors (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"

#include <limits>

namespace weft {
#define GEN_PASS_DEF_RECORDDEVICEERRORS
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// Sites are numbered from 1 within a loop; the recorded key is
/// iteration * kSites + site, so the smallest is the first failing
/// iteration's first failing site, as on the CPU.
constexpr int64_t kSites = 1024;

/// The row-major number (i64) of the iteration `par`'s body runs.
Value iterationNumber(ImplicitLocOpBuilder &b, scf::ParallelOp par) {
  Value n = arith::ConstantIndexOp::create(b, 0);
  for (auto [iv, lo, hi, step] :
       llvm::zip(par.getInductionVars(), par.getLowerBound(),
                 par.getUpperBound(), par.getStep())) {
    Value trips =
        arith::CeilDivUIOp::create(b, arith::SubIOp::create(b, hi, lo), step);
    Value k = arith::DivUIOp::create(b, arith::SubIOp::create(b, iv, lo), step);
    n = arith::AddIOp::create(b, arith::MulIOp::create(b, n, trips), k);
  }
  return arith::IndexCastOp::create(b, b.getI64Type(), n);
}

void recordErrors(scf::ParallelOp par) {
  SmallVector<weft::FailOp> fails;
  par.getBody()->walk([&](weft::FailOp f) { fails.push_back(f); });
  if (fails.empty())
    return;
  ImplicitLocOpBuilder b(par.getLoc(), par);
  auto i64 = [&](int64_t v) { return arith::ConstantIntOp::create(b, v, 64); };
  const int64_t none = std::numeric_limits<int64_t>::max();
  Value zero = arith::ConstantIndexOp::create(b, 0);
  Value word = memref::AllocOp::create(b, MemRefType::get({1}, b.getI64Type()));
  memref::StoreOp::create(b, i64(none), word, zero);

  b.setInsertionPointToStart(par.getBody());
  Value iteration = iterationNumber(b, par);
  std::vector<std::pair<StringRef, int64_t>> sites;
  for (weft::FailOp f : fails) {
    std::pair<StringRef, int64_t> site{f.getMessage(), f.getLine()};
    auto it = llvm::find(sites, site);
    int64_t code = (it - sites.begin()) + 1;
    b.setInsertionPoint(f);
    if (it == sites.end() && code < kSites)
      sites.push_back(site);
    if (code < kSites) { // more sites than the key can number: dropped
      Value key = arith::AddIOp::create(
          b, arith::MulIOp::create(b, iteration, i64(kSites)), i64(code));
      memref::AtomicRMWOp::create(b, arith::AtomicRMWKind::mins, key, word,
                                  ValueRange{zero});
    }
  }
  // On the host after the loop: the first failure's error.
  b.setInsertionPointAfter(par);
  Value key = memref::LoadOp::create(b, word, ValueRange{zero});
  Value site = arith::RemSIOp::create(b, key, i64(kSites));
  Value failed =
      arith::CmpIOp::create(b, arith::CmpIPredicate::ne, key, i64(none));
  for (auto [i, s] : llvm::enumerate(sites)) {
    Value here = arith::AndIOp::create(
        b, failed,
        arith::CmpIOp::create(b, arith::CmpIPredicate::eq, site,
                              i64(static_cast<int64_t>(i) + 1)));
    auto ifOp = scf::IfOp::create(b, TypeRange{}, here, false);
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(&ifOp.getThenRegion().front());
    weft::FailOp::create(b, s.first, s.second);
  }
  memref::DeallocOp::create(b, word);
  for (weft::FailOp f : fails)
    f.erase();
}

struct RecordDeviceErrors
    : weft::impl::RecordDeviceErrorsBase<RecordDeviceErrors> {
  void runOnOperation() override {
    SmallVector<scf::ParallelOp> loops;
    getOperation()->walk([&](scf::ParallelOp par) {
      if (weft::inGPUFunction(par) && !par->getParentOfType<scf::ParallelOp>())
        loops.push_back(par);
    });
    for (scf::ParallelOp par : loops)
      recordErrors(par);
  }
};

} // namespace
