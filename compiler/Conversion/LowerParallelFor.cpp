//===- LowerParallelFor.cpp - weft.parallel_for as scf.parallel -----------===//
//
// Implements weft-lower-parallel-for (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/ArrayNest.h"
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"

namespace weft {
#define GEN_PASS_DEF_LOWERPARALLELFOR
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// Two partial results combined. Float min and max are minimumf/maximumf
/// (NaN propagates), which weft-key-float-reductions gives the integer
/// form OpenMP reduces exactly; integer ones compare and select, the form
/// convert-scf-to-openmp recognises.
Value combine(ImplicitLocOpBuilder &b, weft::ReductionKind kind, Value x,
              Value y) {
  bool isF = isa<FloatType>(x.getType());
  switch (kind) {
  case weft::ReductionKind::sum:
    return isF ? arith::AddFOp::create(b, x, y).getResult()
               : arith::AddIOp::create(b, x, y).getResult();
  case weft::ReductionKind::prod:
    return isF ? arith::MulFOp::create(b, x, y).getResult()
               : arith::MulIOp::create(b, x, y).getResult();
  default:
    break;
  }
  bool mn = kind == weft::ReductionKind::min;
  if (isF)
    return mn ? arith::MinimumFOp::create(b, x, y).getResult()
              : arith::MaximumFOp::create(b, x, y).getResult();
  Value pick = arith::CmpIOp::create(
      b, mn ? arith::CmpIPredicate::slt : arith::CmpIPredicate::sgt, x, y);
  return arith::SelectOp::create(b, pick, x, y);
}

void lower(weft::ParallelForOp op) {
  ImplicitLocOpBuilder b(op.getLoc(), op);
  SmallVector<weft::ReductionKind> kinds;
  for (Attribute a : op.getKinds())
    kinds.push_back(
        *weft::symbolizeReductionKind(cast<StringAttr>(a).getValue()));
  Value zero = arith::ConstantIndexOp::create(b, 0);
  Value one = arith::ConstantIndexOp::create(b, 1);
  Value trips = arith::IndexCastOp::create(b, b.getIndexType(), op.getCount());
  auto par = scf::ParallelOp::create(b, ValueRange{zero}, ValueRange{trips},
                                     ValueRange{one}, op.getInits());
  Block *body = par.getBody();
  // Without reductions the builder ended the body with an empty scf.reduce.
  if (!body->empty())
    body->getTerminator()->erase();
  b.setInsertionPointToStart(body);
  // A loop the compiler proved independent (not a prange, which the
  // program asks for) is parallel from weft-choose-parallel-nests's
  // threshold of iterations on.
  if (op.getAutomatic() && kinds.empty())
    weft::ParallelWorkOp::create(b, trips);
  SmallVector<Value> args{
      arith::IndexCastOp::create(b, b.getI64Type(), par.getInductionVars()[0])};
  for (auto [kind, init] : llvm::zip(kinds, op.getInits()))
    args.push_back(weft::reductionIdentity(b, kind, init.getType()));
  Block &from = op.getBody().front();
  auto yield = cast<weft::ParallelYieldOp>(from.getTerminator());
  SmallVector<Value> parts(yield.getValues());
  yield.erase();
  body->getOperations().splice(body->end(), from.getOperations());
  for (auto [arg, v] : llvm::zip(from.getArguments(), args))
    arg.replaceAllUsesWith(v);
  b.setInsertionPointToEnd(body);
  auto reduce = scf::ReduceOp::create(b, parts);
  // The function's fast-math flags, which MLIRGen put on the op.
  auto fastmath = op->getAttrOfType<arith::FastMathFlagsAttr>("fastmath");
  for (size_t i = 0; i < parts.size(); ++i) {
    Block &blk = reduce.getReductions()[i].front();
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(&blk);
    Value c = combine(b, kinds[i], blk.getArgument(0), blk.getArgument(1));
    if (fastmath && isa<arith::ArithFastMathInterface>(c.getDefiningOp()))
      c.getDefiningOp()->setAttr("fastmath", fastmath);
    scf::ReduceReturnOp::create(b, c);
  }
  // Errors raised by iterations (on any thread) surface here.
  b.setInsertionPointAfter(par);
  weft::RaiseRecordedOp::create(b);
  op.replaceAllUsesWith(par.getResults());
  op.erase();
}

struct LowerParallelForPass
    : weft::impl::LowerParallelForBase<LowerParallelForPass> {
  void runOnOperation() override {
    // Post-order: inner loops first; each rewrite moves its body whole.
    SmallVector<weft::ParallelForOp> ops;
    getOperation()->walk([&](weft::ParallelForOp op) { ops.push_back(op); });
    for (weft::ParallelForOp op : ops)
      lower(op);
  }
};

} // namespace
