//===- CheckRecursion.cpp - Stack checks at the entry of recursive functions
//===//
//
// Implements weft-check-recursion (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"

namespace weft {
#define GEN_PASS_DEF_CHECKRECURSION
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// The value a function returns instead of running when the check says
/// stop: zero, or an empty array of the result's type.
Value zeroValue(OpBuilder &b, Location l, Type t) {
  if (auto mt = dyn_cast<MemRefType>(t)) {
    auto plain = MemRefType::get(mt.getShape(), mt.getElementType());
    SmallVector<Value> sizes(mt.getNumDynamicDims(),
                             arith::ConstantIndexOp::create(b, l, 0));
    Value a = memref::AllocOp::create(b, l, plain, sizes);
    return plain == mt ? a : memref::CastOp::create(b, l, mt, a).getResult();
  }
  return arith::ConstantOp::create(b, l, b.getZeroAttr(t));
}

struct CheckRecursionPass : weft::impl::CheckRecursionBase<CheckRecursionPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    // The call graph among the module's functions.
    llvm::StringMap<func::FuncOp> byName;
    llvm::StringMap<SmallVector<StringRef>> callees;
    for (func::FuncOp f : module.getOps<func::FuncOp>()) {
      if (f.isExternal())
        continue;
      byName[f.getSymName()] = f;
      auto &out = callees[f.getSymName()];
      f.walk([&](func::CallOp call) { out.push_back(call.getCallee()); });
    }
    // A function is recursive when it can reach itself.
    auto reachesItself = [&](StringRef start) {
      llvm::DenseSet<StringRef> seen;
      SmallVector<StringRef> work(callees[start].begin(), callees[start].end());
      while (!work.empty()) {
        StringRef n = work.pop_back_val();
        if (n == start)
          return true;
        if (!byName.count(n) || !seen.insert(n).second)
          continue;
        work.append(callees[n].begin(), callees[n].end());
      }
      return false;
    };
    SmallVector<func::FuncOp> recursive;
    for (auto &entry : byName)
      if (reachesItself(entry.getKey()))
        recursive.push_back(entry.getValue());
    for (func::FuncOp f : recursive)
      guard(f);
  }

  /// entry:  %sp = stack pointer; cf.cond_br %sp mod 64K < 4K, ^check, ^body
  /// ^check: %stop = weft.stack_check; cf.cond_br %stop, ^stop, ^body
  /// ^stop:  return zeros
  /// ^body:  the function as it was
  /// The runtime is asked only when the stack pointer lies in the lowest
  /// 4 KiB of a 64 KiB window: a stack growing by frames smaller than
  /// that stops there at least once per 64 KiB, which the runtime's
  /// margin allows for, and recursion costs almost nothing more.
  void guard(func::FuncOp f) {
    Location l = f.getLoc();
    keepCalls(f);
    int64_t line = 0;
    if (auto fl = dyn_cast<FileLineColLoc>(l))
      line = fl.getLine();
    Region &region = f.getBody();
    Block *entry = &region.front();
    OpBuilder b(f.getContext());
    Block *body = entry->splitBlock(entry->begin());
    Block *check = b.createBlock(&region, std::next(region.begin()));
    Block *stopBlock = b.createBlock(&region, std::next(region.begin(), 2));
    b.setInsertionPointToEnd(entry);
    auto i64 = b.getI64Type();
    Value sp = LLVM::StackSaveOp::create(
        b, l, LLVM::LLVMPointerType::get(f.getContext()));
    Value spInt = LLVM::PtrToIntOp::create(b, l, i64, sp);
    Value inWindow = arith::AndIOp::create(
        b, l, spInt, arith::ConstantIntOp::create(b, l, i64, kWindow - 1));
    Value near = arith::CmpIOp::create(
        b, l, arith::CmpIPredicate::ult, inWindow,
        arith::ConstantIntOp::create(b, l, i64, kCheckedBytes));
    cf::CondBranchOp::create(b, l, near, check, body);
    b.setInsertionPointToEnd(check);
    Value stop = weft::StackCheckOp::create(
        b, l, b.getI1Type(), weft::sourceName(f.getSymName()), line);
    cf::CondBranchOp::create(b, l, stop, stopBlock, body);
    b.setInsertionPointToEnd(stopBlock);
    SmallVector<Value> zeros;
    for (Type t : f.getFunctionType().getResults())
      zeros.push_back(zeroValue(b, l, t));
    func::ReturnOp::create(b, l, zeros);
  }
  /// Every call of `f` stays a call that takes stack: LLVM's tail
  /// recursion elimination (which honours "disable-tail-calls") and
  /// sibling calls would turn unbounded recursion such as
  /// `return f(n + 1) + 1` into a loop that never ends, where Python
  /// raises RecursionError. The LLVM function attribute reaches the
  /// llvm.func through `passthrough`.
  static void keepCalls(func::FuncOp f) {
    OpBuilder b(f.getContext());
    SmallVector<Attribute> attrs;
    if (auto old = f->getAttrOfType<ArrayAttr>("passthrough"))
      attrs.append(old.begin(), old.end());
    attrs.push_back(b.getArrayAttr(
        {b.getStringAttr("disable-tail-calls"), b.getStringAttr("true")}));
    f->setAttr("passthrough", b.getArrayAttr(attrs));
  }
  static constexpr int64_t kWindow = 64 << 10, kCheckedBytes = 4 << 10;
};

} // namespace
