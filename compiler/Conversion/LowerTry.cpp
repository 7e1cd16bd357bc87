//===- LowerTry.cpp - weft.try to _setjmp and branches
//---------------------===//
//
// Implements weft-lower-try (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/LLVMIR/FunctionCallUtils.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Dominance.h"

namespace weft {
#define GEN_PASS_DEF_LOWERTRY
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// The frame's layout (runtime/TryStatements.h), in 8-byte words: links,
/// then the jmp_buf, then the stack buffers' addresses.
constexpr int64_t kJumpWord = 8;
constexpr int64_t kEscapeWord = 64;

struct RuntimeCalls {
  LLVM::LLVMFuncOp setjmp, enter, leave, caught;
};

void lowerTry(weft::TryOp op, const RuntimeCalls &rt) {
  Location loc = op.getLoc();
  MLIRContext *ctx = op.getContext();
  OpBuilder b(ctx);
  auto ptr = LLVM::LLVMPointerType::get(ctx);
  auto i64 = b.getI64Type();

  Operation *scope =
      op->getParentWithTrait<OpTrait::AutomaticAllocationScope>();
  Block *entry = nullptr;
  for (Region &region : scope->getRegions())
    if (region.isAncestor(op->getParentRegion()))
      entry = &region.front();

  // The stack buffers the handler and the code after may read: defined
  // before the op (others are out of their reach).
  DominanceInfo dominance(scope);
  SmallVector<Value> escapes;
  scope->walk([&](memref::AllocaOp a) {
    if (dominance.properlyDominates(a.getOperation(), op.getOperation()))
      escapes.push_back(a.getResult());
  });

  Value frame;
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(entry);
    Value words = LLVM::ConstantOp::create(
        b, loc, i64,
        b.getI64IntegerAttr(kEscapeWord + int64_t(escapes.size())));
    frame = LLVM::AllocaOp::create(b, loc, ptr, i64, words, /*alignment=*/16);
  }

  // The block after the op, its results as arguments.
  Block *before = op->getBlock();
  Block *after = before->splitBlock(std::next(Block::iterator(op)));
  for (Value r : op.getResults())
    r.replaceAllUsesWith(after->addArgument(r.getType(), loc));

  b.setInsertionPoint(op);
  for (auto [k, buffer] : llvm::enumerate(escapes)) {
    Value address =
        memref::ExtractAlignedPointerAsIndexOp::create(b, loc, buffer);
    Value word = arith::IndexCastOp::create(b, loc, i64, address);
    Value p = LLVM::IntToPtrOp::create(b, loc, ptr, word);
    Value slot = LLVM::GEPOp::create(
        b, loc, ptr, i64, frame,
        ArrayRef<LLVM::GEPArg>{int32_t(kEscapeWord + int64_t(k))});
    LLVM::StoreOp::create(b, loc, p, slot);
  }
  Value jump = LLVM::GEPOp::create(b, loc, ptr, i64, frame,
                                   ArrayRef<LLVM::GEPArg>{int32_t(kJumpWord)});
  Value first =
      LLVM::CallOp::create(b, loc, rt.setjmp, ValueRange{jump}).getResult();
  Value zero =
      LLVM::ConstantOp::create(b, loc, b.getI32Type(), b.getI32IntegerAttr(0));
  Value normal =
      LLVM::ICmpOp::create(b, loc, LLVM::ICmpPredicate::eq, first, zero);

  // The regions' blocks move in before `after`; their yields branch to it.
  Region *parent = before->getParent();
  auto moveRegion = [&](Region &region, LLVM::LLVMFuncOp startCall,
                        LLVM::LLVMFuncOp endCall) -> Block * {
    Block *start = &region.front();
    SmallVector<Block *> blocks;
    for (Block &block : region)
      blocks.push_back(&block);
    parent->getBlocks().splice(after->getIterator(), region.getBlocks());
    OpBuilder rb(ctx);
    rb.setInsertionPointToStart(start);
    LLVM::CallOp::create(rb, loc, startCall, ValueRange{frame});
    for (Block *block : blocks) {
      auto yield = dyn_cast<weft::TryYieldOp>(block->getTerminator());
      if (!yield)
        continue;
      rb.setInsertionPoint(yield);
      if (endCall)
        LLVM::CallOp::create(rb, loc, endCall, ValueRange{frame});
      cf::BranchOp::create(rb, loc, after, yield.getValues());
      yield.erase();
    }
    return start;
  };
  Block *body = moveRegion(op.getBody(), rt.enter, rt.leave);
  Block *handler = moveRegion(op.getHandler(), rt.caught, nullptr);
  cf::CondBranchOp::create(b, loc, normal, body, ValueRange{}, handler,
                           ValueRange{});
  op.erase();
}

struct LowerTryPass : weft::impl::LowerTryBase<LowerTryPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    // Post-order: an inner try is lowered before the one around it.
    SmallVector<weft::TryOp> tries;
    module.walk([&](weft::TryOp op) { tries.push_back(op); });
    if (tries.empty())
      return;
    MLIRContext *ctx = &getContext();
    OpBuilder b(ctx);
    b.setInsertionPointToStart(module.getBody());
    auto ptr = LLVM::LLVMPointerType::get(ctx);
    auto voidType = LLVM::LLVMVoidType::get(ctx);
    auto declare = [&](StringRef name, Type result) {
      auto fn = LLVM::lookupOrCreateFn(b, module, name, {ptr}, result);
      if (failed(fn)) {
        module.emitError("weft-lower-try: '") << name
                                              << "' declared with "
                                                 "another type";
        return LLVM::LLVMFuncOp();
      }
      return *fn;
    };
    RuntimeCalls rt{declare("_setjmp", b.getI32Type()),
                    declare("weft_rt_try_enter", voidType),
                    declare("weft_rt_try_leave", voidType),
                    declare("weft_rt_try_caught", voidType)};
    if (!rt.setjmp || !rt.enter || !rt.leave || !rt.caught)
      return signalPassFailure();
    rt.setjmp.setPassthroughAttr(
        b.getArrayAttr({b.getStringAttr("returns_twice")}));
    for (weft::TryOp op : tries)
      lowerTry(op, rt);
  }
};

} // namespace
