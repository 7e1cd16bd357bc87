//===- MarkAllocSites.cpp - Source lines for array allocations ------------===//
//
// Implements weft-mark-alloc-sites (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Builders.h"

namespace weft {
#define GEN_PASS_DEF_MARKALLOCSITES
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// The source line of `l` (0 if it has none).
int64_t lineOf(Location l) {
  if (auto fl = dyn_cast<FileLineColLoc>(l))
    return fl.getLine();
  if (auto fused = dyn_cast<FusedLoc>(l))
    for (Location inner : fused.getLocations())
      if (int64_t line = lineOf(inner))
        return line;
  if (auto named = dyn_cast<NameLoc>(l))
    return lineOf(named.getChildLoc());
  if (auto site = dyn_cast<CallSiteLoc>(l))
    return lineOf(site.getCaller());
  return 0;
}

struct MarkAllocSitesPass : weft::impl::MarkAllocSitesBase<MarkAllocSitesPass> {
  void runOnOperation() override {
    OpBuilder b(&getContext());
    for (func::FuncOp f : getOperation().getOps<func::FuncOp>())
      f.walk([&](memref::AllocOp alloc) {
        int64_t line = lineOf(alloc.getLoc());
        if (line <= 0)
          return;
        b.setInsertionPoint(alloc);
        weft::AllocSiteOp::create(b, alloc.getLoc(), line);
      });
  }
};

} // namespace
