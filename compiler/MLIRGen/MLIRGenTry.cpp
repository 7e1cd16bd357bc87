//===- MLIRGenTry.cpp - Typed AST to MLIR: try statements -----------------===//
//
// `try: body except: handler` becomes weft.try, which yields the slots
// either block writes, as an if does. The handler may start after any
// part of the body, so it reads the slots the body writes from cells
// (weft.cell) the body keeps up to date: each store of a variable, and
// each statement's start and end, write the cells of the slots that
// changed. An array's cell holds the reference its variable owns, so the
// handler takes the variable over as the body left it.
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"

using namespace mlir;

namespace weft {

void FunctionGen::flushTryCells(Location l) {
  if (tryCellsSuspended_)
    return;
  for (std::vector<TryCell> &cells : tryCells_)
    for (TryCell &c : cells) {
      auto it = env.find(c.slot);
      if (it == env.end() || !it->second || it->second == c.stored)
        continue;
      weft::CellStoreOp::create(b, l, it->second, c.cell);
      c.stored = it->second;
    }
}

void FunctionGen::emitTry(const IfStmt &s) {
  Location l = loc(s.range);
  flushTryCells(l);
  std::set<std::string> writes, bodyWrites;
  collectWrites(s.body, bodyWrites);
  writes = bodyWrites;
  collectWrites(s.orelse, writes);
  std::vector<std::string> slots;
  SmallVector<mlir::Type> types;
  for (const std::string &w : writes)
    if (env.count(w) && env[w]) {
      slots.push_back(w);
      types.push_back(env[w].getType());
    }
  // A cell for each slot the body writes, holding its value now.
  std::vector<TryCell> cells;
  auto ptr = LLVM::LLVMPointerType::get(b.getContext());
  for (const std::string &w : bodyWrites) {
    if (!env.count(w) || !env[w])
      continue;
    Value v = env[w];
    Value cell =
        weft::CellOp::create(b, l, ptr, TypeAttr::get(v.getType())).getResult();
    weft::CellStoreOp::create(b, l, v, cell);
    cells.push_back({w, cell, v});
  }
  auto op = weft::TryOp::create(b, l, types);
  auto saved = env;
  auto emitRegion = [&](Region &region, bool isBody) {
    OpBuilder::InsertionGuard guard(b);
    mlir::Block *block = b.createBlock(&region);
    b.setInsertionPointToStart(block);
    env = saved;
    if (isBody) {
      tryCells_.push_back(cells);
      emitBlock(s.body);
      tryCells_.pop_back();
    } else {
      // Where the body stopped: the cells' values.
      for (const TryCell &c : cells)
        env[c.slot] = weft::CellLoadOp::create(b, l, c.stored.getType(), c.cell)
                          .getResult();
      emitBlock(s.orelse);
    }
    SmallVector<Value> yields;
    for (const std::string &slot : slots)
      yields.push_back(env[slot]);
    weft::TryYieldOp::create(b, l, yields);
  };
  emitRegion(op.getBody(), true);
  emitRegion(op.getHandler(), false);
  env = saved;
  for (size_t i = 0; i < slots.size(); ++i)
    env[slots[i]] = op.getResult(i);
}

} // namespace weft
