//===- MLIRGenStmt.cpp - Typed AST to MLIR: statements --------------------===//
//
// Statements become structured control flow. Each region yields the
// environment slots it writes. `break`/`continue`/`return` set the flags
// `%brk`/`%cont`/`%ret` and the rest of the enclosing block runs under
// `scf.if (!flags)`; loops test `%brk` and `%ret` in their condition.
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"
#include "frontend/LoopAnalysis.h"

#include <limits>

using namespace mlir;

namespace weft {

namespace {
/// True if `s` is a statement after which the rest of the block never runs.
bool isJump(const Stmt &s) {
  return s.kind == StmtKind::Break || s.kind == StmtKind::Continue ||
         s.kind == StmtKind::Return;
}

/// True if `s` may set an exit flag (break/continue of the current loop,
/// or return anywhere).
bool mayExit(const Stmt &s, bool inInnerLoop = false) {
  switch (s.kind) {
  case StmtKind::Break:
  case StmtKind::Continue:
    return !inInnerLoop;
  case StmtKind::Return:
    return true;
  case StmtKind::If: {
    auto &i = static_cast<const IfStmt &>(s);
    for (const StmtPtr &c : i.body)
      if (mayExit(*c, inInnerLoop))
        return true;
    for (const StmtPtr &c : i.orelse)
      if (mayExit(*c, inInnerLoop))
        return true;
    return false;
  }
  case StmtKind::For:
  case StmtKind::While: {
    const Block &body = s.kind == StmtKind::For
                            ? static_cast<const ForStmt &>(s).body
                            : static_cast<const WhileStmt &>(s).body;
    for (const StmtPtr &c : body)
      if (mayExit(*c, true))
        return true;
    return false;
  }
  default:
    return false;
  }
}

bool containsBreakOrReturn(const Block &body, bool inner = false) {
  for (const StmtPtr &s : body) {
    if (s->kind == StmtKind::Return || (!inner && s->kind == StmtKind::Break))
      return true;
    if (auto *i = s->dyn<IfStmt>())
      if (containsBreakOrReturn(i->body, inner) ||
          containsBreakOrReturn(i->orelse, inner))
        return true;
    if (auto *f = s->dyn<ForStmt>())
      if (containsBreakOrReturn(f->body, true))
        return true;
    if (auto *w = s->dyn<WhileStmt>())
      if (containsBreakOrReturn(w->body, true))
        return true;
  }
  return false;
}
} // namespace

void FunctionGen::collectTargetWrites(const Expr *target,
                                      std::set<std::string> &out) {
  if (auto *n = target->dyn<NameExpr>()) {
    auto it = fn.locals.find(n->name);
    if (it == fn.locals.end())
      return;
    std::vector<std::string> slots;
    slotNames(n->name, it->second, slots);
    out.insert(slots.begin(), slots.end());
  } else if (auto *t = target->dyn<TupleExpr>()) {
    for (const ExprPtr &e : t->elts)
      collectTargetWrites(e.get(), out);
  } else if (auto *ix = target->dyn<IndexExpr>()) {
    // lst[i] = row of a list of lists: its pool grows; s[()] = v of a
    // number (a 0-d array) is s = v.
    auto *n = ix->base->dyn<NameExpr>();
    if (n && (fn.typeOf(ix->base.get()).isRagged() ||
              fn.typeOf(ix->base.get()).isScalar()))
      collectTargetWrites(n, out);
  }
}

void FunctionGen::collectWrites(const Block &block, std::set<std::string> &out,
                                size_t from) {
  std::function<void(const Block &, bool, size_t)> walk = [&](const Block &bl,
                                                              bool inner,
                                                              size_t first) {
    for (size_t k = first; k < bl.size(); ++k) {
      const StmtPtr &s = bl[k];
      switch (s->kind) {
      case StmtKind::Assign:
        for (const ExprPtr &t : static_cast<const AssignStmt &>(*s).targets)
          collectTargetWrites(t.get(), out);
        break;
      case StmtKind::AugAssign:
        collectTargetWrites(static_cast<const AugAssignStmt &>(*s).target.get(),
                            out);
        break;
      case StmtKind::AnnAssign:
        collectTargetWrites(static_cast<const AnnAssignStmt &>(*s).target.get(),
                            out);
        break;
      case StmtKind::If: {
        auto &i = static_cast<const IfStmt &>(*s);
        walk(i.body, inner, 0);
        walk(i.orelse, inner, 0);
        break;
      }
      case StmtKind::For: {
        auto &f = static_cast<const ForStmt &>(*s);
        collectTargetWrites(f.target.get(), out);
        walk(f.body, true, 0);
        break;
      }
      case StmtKind::While:
        walk(static_cast<const WhileStmt &>(*s).body, true, 0);
        break;
      case StmtKind::Break:
        if (!inner)
          out.insert("%brk");
        break;
      case StmtKind::Continue:
        if (!inner)
          out.insert("%cont");
        break;
      case StmtKind::Return: {
        out.insert("%ret");
        std::vector<std::string> slots;
        slotNames("%retval", fn.returnType, slots);
        for (const std::string &r : slots)
          if (env.count(r))
            out.insert(r);
        break;
      }
      default:
        break;
      }
    }
  };
  walk(block, false, from);
  // Inlined random draws advance the iteration's draw counter.
  if (env.count("%rng")) {
    std::set<const FunctionInstance *> seen{&fn};
    if (loops::drawsRandom(block, fn, seen, from))
      out.insert("%rng");
  }
}

Value FunctionGen::exitFlag(Location l) {
  Value flag;
  for (const char *name : {"%ret", "%brk", "%cont"}) {
    auto it = env.find(name);
    if (it == env.end())
      continue;
    flag = flag ? arith::OrIOp::create(b, l, flag, it->second).getResult()
                : it->second;
  }
  return flag;
}

void FunctionGen::emitStructuredIf(Value cond,
                                   const std::set<std::string> &writes,
                                   const std::function<void()> &thenFn,
                                   const std::function<void()> &elseFn,
                                   Location l) {
  std::vector<std::string> slots;
  SmallVector<mlir::Type> types;
  for (const std::string &w : writes)
    if (env.count(w)) {
      slots.push_back(w);
      types.push_back(env[w].getType());
    }
  auto ifOp = scf::IfOp::create(b, l, types, cond, /*withElseRegion=*/true);
  // Without results the builder adds empty yields; we add our own.
  for (mlir::Region *r : {&ifOp.getThenRegion(), &ifOp.getElseRegion()})
    if (!r->front().empty())
      r->front().back().erase();
  auto saved = env;
  auto emitBranch = [&](mlir::Block *block, const std::function<void()> &fnc) {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(block);
    env = saved;
    if (fnc)
      fnc();
    SmallVector<Value> yields;
    for (const std::string &s : slots)
      yields.push_back(env[s]);
    scf::YieldOp::create(b, l, yields);
  };
  emitBranch(&ifOp.getThenRegion().front(), thenFn);
  emitBranch(&ifOp.getElseRegion().front(), elseFn);
  env = saved;
  for (size_t i = 0; i < slots.size(); ++i)
    env[slots[i]] = ifOp.getResult(i);
}

void FunctionGen::emitBlock(const Block &block, size_t first) {
  for (size_t i = first; i < block.size() && !failed; ++i) {
    const Stmt &s = *block[i];
    emitStmt(s);
    if (isJump(s))
      return; // the rest of the block is unreachable
    if (i + 1 < block.size() && mayExit(s)) {
      Location l = loc(block[i + 1]->range);
      Value flag = exitFlag(l);
      if (!flag)
        continue;
      Value cont =
          arith::XOrIOp::create(b, l, flag, constant(ScalarKind::Bool, 1, l));
      std::set<std::string> writes;
      collectWrites(block, writes, i + 1);
      emitStructuredIf(
          cont, writes, [&]() { emitBlock(block, i + 1); }, nullptr, l);
      return;
    }
  }
}

void FunctionGen::emitAssign(const Expr *target, const weft::Type &valueType,
                             const Val &v, Location l) {
  if (auto *n = target->dyn<NameExpr>()) {
    const weft::Type &local = fn.locals.at(n->name);
    if (local.isRagged() && valueType.isArray()) {
      // Rows of one length stored where rows grow.
      storeLocal(n->name, local, raggedFromRows(v.v(), local.scalarKind(), l),
                 l);
      return;
    }
    if (local.isRagged() && valueType.isRagged() &&
        valueType.scalarKind() != local.scalarKind()) {
      Val wide = v;
      wide.parts[3] = convertList(v.parts[3], local.scalarKind(), l);
      addTemp(wide.parts[3]);
      storeLocal(n->name, local, wide, l);
      return;
    }
    storeLocal(n->name, local, v, l);
    return;
  }
  if (auto *t = target->dyn<TupleExpr>()) {
    int64_t k = static_cast<int64_t>(t->elts.size());
    // Python's ValueError unless `n` values are k.
    auto checkCount = [&](Value n) {
      int64_t ln = line(t->range);
      emitCheck(
          arith::CmpIOp::create(b, l, arith::CmpIPredicate::sgt, n, i64(k, l)),
          "ValueError: too many values to unpack (expected " +
              std::to_string(k) + ")",
          ln, l);
      emitCheck(
          arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, n, i64(k, l)),
          "ValueError: not enough values to unpack (expected " +
              std::to_string(k) + ")",
          ln, l);
    };
    if (valueType.isRagged() && valueType.raggedArrayRows()) {
      // `a, b = rows` of a list of arrays: its rows, its length checked
      // (parts[0]: the rows' starts, one per row).
      checkCount(dim(v.parts[0], 0, l));
      for (int64_t i = 0; i < k; ++i)
        emitAssign(t->elts[i].get(), valueType.raggedRow(),
                   Val(raggedRowAt(v, index(i, l), l)), l);
      return;
    }
    if (valueType.isArray()) {
      // `x, y = pos[i]`: the array's length is the number of names.
      Value arr = v.v();
      checkCount(dim(arr, 0, l));
      int rank = valueType.rank();
      weft::Type part =
          rank == 1 ? valueType.elementType()
                    : weft::Type::array(valueType.scalarKind(), rank - 1);
      for (int64_t i = 0; i < k; ++i) {
        Value x;
        if (rank == 1) {
          x = convert(
              memref::LoadOp::create(b, l, arr, ValueRange{index(i, l)}),
              part.scalarKind(), l);
        } else {
          SmallVector<int64_t, 8> axes(rank, 0);
          axes[0] = 1;
          x = weft::SliceOp::create(b, l, toMLIR(part), arr,
                                    ValueRange{index(i, l)},
                                    b.getDenseI64ArrayAttr(axes))
                  .getResult();
        }
        emitAssign(t->elts[i].get(), part, Val(x), l);
      }
      return;
    }
    size_t offset = 0;
    for (size_t i = 0; i < t->elts.size(); ++i) {
      const weft::Type &et = valueType.elems()[i];
      SmallVector<mlir::Type> ts;
      flatTypes(et, ts);
      Val part;
      for (size_t k = 0; k < ts.size(); ++k)
        part.parts.push_back(v.parts[offset + k]);
      offset += ts.size();
      emitAssign(t->elts[i].get(), et, part, l);
    }
    return;
  }
  if (auto *ix = target->dyn<IndexExpr>()) {
    if (weft::Type bt = fn.typeOf(ix->base.get());
        bt.isScalar() && ix->base->dyn<NameExpr>()) {
      // s[()] = v of a number (a 0-d array, Sema): s = v in s's type.
      emitAssign(ix->base.get(), bt, Val(convert(v.v(), bt.scalarKind(), l)),
                 l);
      return;
    }
    if (fn.typeOf(ix->base.get()).isRagged() && ix->base->dyn<NameExpr>()) {
      storeRaggedRow(ix, v, l);
      return;
    }
    if (fn.typeOf(ix->base.get()).isTupleList()) {
      storeTupleListElement(ix, v, l);
      return;
    }
    Value array = emitExpr(ix->base.get()).v();
    if (const StrLitExpr *field = structuredFieldName(ix)) {
      storeStructuredField(array, fn.typeOf(ix->base.get()), field->value,
                           v.v(), line(ix->range), l);
      return;
    }
    auto mt = cast<MemRefType>(array.getType());
    ArrayMeta m = arrayMeta(array, l);
    SmallVector<Value, 4> idx;
    Value bad;
    SmallVector<SubscriptEntry, 4> entries = subscriptEntries(ix);
    for (size_t d = 0; d < entries.size(); ++d)
      idx.push_back(wrapIndex(entryIndex(entries[d]), m.sizes[d], l, d,
                              line(ix->range), &bad, listAxis(ix, d)));
    Value x = convert(v.v(), kindOf(mt.getElementType()), l);
    storeUnlessBad(x, array, idx, bad, l);
    return;
  }
  error(target->range, "cannot assign to this expression");
}

void FunctionGen::storeUnlessBad(Value x, Value array, ValueRange idx,
                                 Value bad, Location l) {
  if (!bad) {
    memref::StoreOp::create(b, l, x, array, idx);
    return;
  }
  // A checked write with a bad index (recorded inside a parallel loop,
  // raised when it ends) writes nothing.
  Value ok = arith::XOrIOp::create(
      b, l, bad, arith::ConstantOp::create(b, l, b.getBoolAttr(true)));
  auto ifOp = scf::IfOp::create(b, l, TypeRange{}, ok, false);
  OpBuilder::InsertionGuard g(b);
  b.setInsertionPointToStart(&ifOp.getThenRegion().front());
  memref::StoreOp::create(b, l, x, array, idx);
}

void FunctionGen::emitStmt(const Stmt &s) {
  Location l = loc(s.range);
  size_t tempMark = temps_.size();
  if (!tryCells_.empty())
    flushTryCells(l);
  switch (s.kind) {
  case StmtKind::Expr: {
    auto &e = static_cast<const ExprStmt &>(s);
    // A string alone (a docstring) does nothing.
    if (e.value->dyn<StrLitExpr>())
      break;
    (void)emitExpr(e.value.get());
    break;
  }
  case StmtKind::Assign: {
    auto &a = static_cast<const AssignStmt &>(s);
    weft::Type vt = fn.typeOf(a.value.get());
    auto *ix = a.targets.size() == 1 ? a.targets[0]->dyn<IndexExpr>() : nullptr;
    if (ix && fn.indexingOf(ix) != FunctionInstance::Indexing::Basic) {
      storeThroughIndexArray(ix, a.value.get(), std::nullopt, line(s.range), l);
      break;
    }
    if (ix && fn.typeOf(ix).isArray() && vt.isTuple()) {
      // out[i] = t of a tuple of numbers: each number into the row.
      Value dest = emitSubscript(emitExpr(ix->base.get()).v(), ix).v();
      Val parts = emitExpr(a.value.get());
      int64_t k = static_cast<int64_t>(parts.parts.size());
      Value wrong = arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne,
                                          dim(dest, 0, l), i64(k, l));
      emitCheck(wrong,
                "ValueError: could not broadcast a tuple of " +
                    std::to_string(k) + " numbers into a row of another length",
                line(s.range), l);
      ScalarKind ek = kindOf(cast<MemRefType>(dest.getType()).getElementType());
      auto ifOp = scf::IfOp::create(b, l, TypeRange{}, wrong,
                                    /*withElseRegion=*/true);
      OpBuilder::InsertionGuard g(b);
      b.setInsertionPointToStart(ifOp.elseBlock());
      for (int64_t i = 0; i < k; ++i)
        memref::StoreOp::create(b, l, convert(parts.parts[i], ek, l), dest,
                                ValueRange{index(i, l)});
      break;
    }
    if (ix && fn.typeOf(ix).isArray() &&
        !fn.typeOf(ix->base.get()).isRagged()) {
      // a[1:-1, :] = expr: computed straight into the view.
      Value dest = emitSubscript(emitExpr(ix->base.get()).v(), ix).v();
      storeInto(dest, a.value.get(), std::nullopt, line(s.range), l);
      break;
    }
    if (emitListUpdate(a))
      break;
    Val v = emitExpr(a.value.get());
    // `u, v = v, u`: own every borrowed array first, so releasing a
    // target's old value cannot free an array assigned to a later target.
    bool unpacks = false;
    for (const ExprPtr &t : a.targets)
      unpacks |= t->dyn<TupleExpr>() != nullptr;
    if (unpacks)
      for (Value p : v.parts)
        if (isArray(p) &&
            std::find(temps_.begin(), temps_.end(), p) == temps_.end()) {
          weft::RetainOp::create(b, l, p);
          addTemp(p);
        }
    for (const ExprPtr &t : a.targets)
      emitAssign(t.get(), vt, v, l);
    break;
  }
  case StmtKind::AnnAssign: {
    auto &a = static_cast<const AnnAssignStmt &>(s);
    if (!a.value)
      break;
    weft::Type vt = fn.typeOf(a.target.get());
    Val v = emitExpr(a.value.get());
    emitAssign(a.target.get(), vt, v, l);
    break;
  }
  case StmtKind::AugAssign: {
    auto &a = static_cast<const AugAssignStmt &>(s);
    weft::Type tt = fn.typeOf(a.target.get());
    auto *target = a.target->dyn<IndexExpr>();
    if (target && fn.indexingOf(target) != FunctionInstance::Indexing::Basic) {
      storeThroughIndexArray(target, a.value.get(), a.op, line(s.range), l);
      break;
    }
    weft::Type operand = fn.typeOf(a.value.get());
    bool listOp = (tt.isArray() && tt.listDepth() > 0) || tt.isRagged();
    if (listOp && a.target->dyn<NameExpr>() &&
        (a.op == BinaryOp::Add || a.op == BinaryOp::Mul) &&
        (operand.isScalar() || operand.listDepth() > 0 || operand.isRagged())) {
      // lst += other, lst *= n: the joined or repeated list bound to lst.
      Val cur = emitExpr(a.target.get()), rhs = emitExpr(a.value.get());
      bool add = a.op == BinaryOp::Add;
      Val r =
          tt.isRagged()
              ? raggedJoinOrRepeat(cur, rhs, add, true, tt, line(s.range), l)
              : Val(joinOrRepeatList(cur.v(), rhs.v(), add, tt.scalarKind(), l,
                                     line(s.range)));
      emitAssign(a.target.get(), tt, r, l);
      break;
    }
    if (tt.isString()) {
      // s += t, s *= n: a new str bound to s.
      Value cur = emitExpr(a.target.get()).v();
      Value rhs = emitExpr(a.value.get()).v();
      Value r =
          joinOrRepeatList(cur, rhs, a.op == BinaryOp::Add, ScalarKind::U32, l);
      emitAssign(a.target.get(), tt, Val(r), l);
      break;
    }
    if (tt.isArray()) {
      // In place, as NumPy does: aliases of the array see the change.
      Value dest;
      if (auto *ix = a.target->dyn<IndexExpr>())
        dest = emitSubscript(emitExpr(ix->base.get()).v(), ix).v();
      else
        dest = emitExpr(a.target.get()).v();
      storeInto(dest, a.value.get(), a.op, line(s.range), l);
      break;
    }
    weft::Type vt = fn.typeOf(a.value.get());
    Value cur = emitExpr(a.target.get()).v();
    Value rhs = emitExpr(a.value.get()).v();
    ScalarKind k = tt.scalarKind();
    if (a.target->dyn<NameExpr>()) {
      weft::Type local = fn.locals.at(a.target->dyn<NameExpr>()->name);
      k = local.scalarKind();
    }
    ScalarKind opKind = promote(kindOf(cur.getType()), vt.scalarKind());
    if (a.op == BinaryOp::Div)
      opKind = divisionKind(opKind);
    Value r =
        emitBinaryScalar(a.op, convert(cur, opKind, l), convert(rhs, opKind, l),
                         opKind, true, l, line(s.range));
    emitAssign(a.target.get(), weft::Type::scalar(k), Val(convert(r, k, l)), l);
    break;
  }
  case StmtKind::If:
    emitIf(static_cast<const IfStmt &>(s));
    break;
  case StmtKind::For:
    emitFor(static_cast<const ForStmt &>(s));
    break;
  case StmtKind::While:
    emitWhile(static_cast<const WhileStmt &>(s));
    break;
  case StmtKind::Break:
    env["%brk"] = constant(ScalarKind::Bool, 1, l);
    break;
  case StmtKind::Continue:
    env["%cont"] = constant(ScalarKind::Bool, 1, l);
    break;
  case StmtKind::Return:
    emitReturn(static_cast<const ReturnStmt &>(s));
    break;
  case StmtKind::Pass:
  case StmtKind::FunctionDef:
    break;
  case StmtKind::Assert:
    emitAssert(static_cast<const AssertStmt &>(s));
    break;
  }
  releaseTemps(tempMark, l);
  if (!tryCells_.empty())
    flushTryCells(l);
}

void FunctionGen::emitIf(const IfStmt &s) {
  if (s.isTry)
    return emitTry(s);
  Location l = loc(s.range);
  Value cond = emitTruth(s.cond.get(), l);
  std::set<std::string> writes;
  collectWrites(s.body, writes);
  collectWrites(s.orelse, writes);
  emitStructuredIf(
      cond, writes, [&]() { emitBlock(s.body); },
      [&]() { emitBlock(s.orelse); }, l);
}

void FunctionGen::emitReturn(const ReturnStmt &s) {
  Location l = loc(s.range);
  if (s.value) {
    Val v = emitAs(s.value.get(), fn.returnType, l);
    std::vector<std::string> slots;
    slotNames("%retval", fn.returnType, slots);
    SmallVector<mlir::Type> types;
    flatTypes(fn.returnType, types);
    for (size_t i = 0; i < slots.size(); ++i) {
      Value x = v.parts[i];
      // A list of ints where the function returns a list of floats (Sema
      // widens the result).
      if (isArray(x) && isa<MemRefType>(types[i]) &&
          cast<MemRefType>(x.getType()).getElementType() !=
              cast<MemRefType>(types[i]).getElementType())
        x = convertList(x, kindOf(cast<MemRefType>(types[i]).getElementType()),
                        l);
      if (isArray(x))
        takeOwnership(x, l);
      else if (x.getType() != types[i])
        x = convert(x, kindOf(types[i]), l);
      env[slots[i]] = x;
    }
  } else if (fn.returnType.isOptional()) {
    // A bare `return` of a function that may return None: None.
    Val none = defaultValue(fn.returnType, l);
    std::vector<std::string> slots;
    slotNames("%retval", fn.returnType, slots);
    for (size_t i = 0; i < slots.size(); ++i)
      env[slots[i]] = none.parts[i];
  }
  env["%ret"] = constant(ScalarKind::Bool, 1, l);
}

void FunctionGen::emitAssert(const AssertStmt &s) {
  Location l = loc(s.range);
  Value ok = emitTruth(s.test.get(), l);
  Value bad = arith::XOrIOp::create(b, l, ok, constant(ScalarKind::Bool, 1, l));
  std::string msg = s.exception;
  const Expr *text = s.msg.get();
  if (text && text->dyn<NameExpr>()) { // a name bound to a string (Sema)
    auto it = fn.moduleConstants.find(text);
    text = it == fn.moduleConstants.end() ? nullptr : it->second;
  }
  if (text)
    if (auto *str = text->dyn<StrLitExpr>())
      msg += ": " + str->value;
  emitCheck(bad, msg, line(s.range), l);
}

void FunctionGen::emitRangeBounds(const CallExpr *call, int64_t ln, Location l,
                                  Value &start, Value &stop, Value &step) {
  int64_t constStep = 0;
  if (call->args.size() == 1) {
    start = i64(0, l);
    stop = convert(emitScalar(call->args[0].get()), ScalarKind::I64, l);
    step = i64(1, l);
    constStep = 1;
  } else {
    start = convert(emitScalar(call->args[0].get()), ScalarKind::I64, l);
    stop = convert(emitScalar(call->args[1].get()), ScalarKind::I64, l);
    if (call->args.size() == 3) {
      const Expr *st = call->args[2].get();
      if (auto *lit = st->dyn<IntLitExpr>())
        constStep = lit->value;
      else if (auto *u = st->dyn<UnaryExpr>())
        if (u->op == UnaryOp::Neg)
          if (auto *lit2 = u->operand->dyn<IntLitExpr>())
            constStep = -lit2->value;
      step = convert(emitScalar(st), ScalarKind::I64, l);
    } else {
      step = i64(1, l);
      constStep = 1;
    }
  }
  if (constStep == 0 && call->args.size() == 3) {
    Value zero =
        arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, step, i64(0, l));
    emitCheck(zero, "ValueError: range() arg 3 must not be zero", ln, l);
  }
}

bool FunctionGen::emitForInParallel(const ForStmt &s, Value start, Value stop,
                                    Value step) {
  const LoopPlan &plan = fn.loopPlans.at(&s);
  switch (plan.mode) {
  case LoopPlan::Mode::Prange:
    emitParallelFor(s, start, stop, step);
    return true;
  case LoopPlan::Mode::Automatic: {
    note(line(s.range), "for loop: parallel from " +
                            std::to_string(kParallelThreshold) +
                            " iterations (proven independent: each "
                            "writes its own rows), serial below");
    // One scf.parallel marked with its trip count:
    // weft-choose-parallel-nests keeps small loops serial. The loop
    // changes no variable the code after it uses.
    auto savedEnv = env;
    emitParallelFor(s, start, stop, step);
    env = savedEnv;
    return true;
  }
  case LoopPlan::Mode::Serial:
    note(line(s.range), plan.report);
    return false;
  }
  return false;
}

void FunctionGen::emitFor(const ForStmt &s) {
  Location l = loc(s.range);
  auto *call = s.iter->dyn<CallExpr>();
  std::string var = s.target->dyn<NameExpr>()->name;
  Value start, stop, step;
  emitRangeBounds(call, line(s.range), l, start, stop, step);
  if (emitForInParallel(s, start, stop, step))
    return;

  std::set<std::string> writes;
  collectWrites(s.body, writes);
  writes.insert(var);
  writes.erase("%cont");
  writes.erase("%brk");
  bool needsWhile = containsBreakOrReturn(s.body);

  // Loop flags are local to this loop.
  auto savedBrk = env.find("%brk") != env.end() ? env["%brk"] : Value();
  auto savedCont = env.find("%cont") != env.end() ? env["%cont"] : Value();
  env.erase("%brk");
  env.erase("%cont");

  std::vector<std::string> carried;
  for (const std::string &w : writes)
    if (env.count(w))
      carried.push_back(w);
  SmallVector<Value> inits;
  for (const std::string &c : carried)
    inits.push_back(env[c]);
  auto loopEntryEnv = env;
  // Both forms count iterations k = 0, 1, ... up to the range's length,
  // computed without overflow, and set var = start + k * step: a range
  // that ends near the limits of i64 ends (var + step would wrap).
  Value count = rangeLength(start, stop, step, l);
  auto varAt = [&](Value k) -> Value {
    return arith::AddIOp::create(b, l, start,
                                 arith::MulIOp::create(b, l, k, step));
  };

  if (!needsWhile) {
    // More than 2**63 - 1 iterations never end in practice: the bound stays
    // positive for scf.for's signed comparison.
    Value ub =
        toIndex(arith::MinUIOp::create(
                    b, l, count, i64(std::numeric_limits<int64_t>::max(), l)),
                l);
    auto forOp = scf::ForOp::create(b, l, index(0, l), ub, index(1, l), inits);
    {
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(forOp.getBody());
      for (size_t i = 0; i < carried.size(); ++i)
        env[carried[i]] = forOp.getRegionIterArgs()[i];
      Value iv = varAt(arith::IndexCastOp::create(b, l, b.getI64Type(),
                                                  forOp.getInductionVar()));
      env[var] = iv;
      env["%cont"] = constant(ScalarKind::Bool, 0, l);
      emitBlock(s.body);
      env.erase("%cont");
      SmallVector<Value> yields;
      for (const std::string &c : carried)
        yields.push_back(env[c]);
      // Builder made an empty body with a yield only when there are no
      // iter args; replace it.
      if (!forOp.getBody()->empty() &&
          isa<scf::YieldOp>(forOp.getBody()->back()) &&
          forOp.getBody()->back().getNumOperands() == 0 && carried.empty()) {
        // keep implicit yield
      } else {
        scf::YieldOp::create(b, l, yields);
      }
    }
    env = loopEntryEnv;
    for (size_t i = 0; i < carried.size(); ++i)
      env[carried[i]] = forOp.getResult(i);
  } else {
    // scf.while carrying (k, brk, carried...).
    SmallVector<Value> whileInits{i64(0, l), constant(ScalarKind::Bool, 0, l)};
    whileInits.append(inits.begin(), inits.end());
    SmallVector<mlir::Type> types;
    for (Value v : whileInits)
      types.push_back(v.getType());
    auto whileOp = scf::WhileOp::create(b, l, types, whileInits);
    SmallVector<Location> locs(types.size(), l);
    mlir::Block *before = b.createBlock(&whileOp.getBefore(), {}, types, locs);
    mlir::Block *after = b.createBlock(&whileOp.getAfter(), {}, types, locs);
    b.setInsertionPointAfter(whileOp);
    {
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(before);
      Value k = before->getArgument(0);
      Value brk = before->getArgument(1);
      Value inRange =
          arith::CmpIOp::create(b, l, arith::CmpIPredicate::ult, k, count);
      Value go = arith::AndIOp::create(
          b, l, inRange,
          arith::XOrIOp::create(b, l, brk, constant(ScalarKind::Bool, 1, l)));
      auto retIt = std::find(carried.begin(), carried.end(), "%ret");
      if (retIt != carried.end()) {
        Value ret = before->getArgument(2 + (retIt - carried.begin()));
        go = arith::AndIOp::create(
            b, l, go,
            arith::XOrIOp::create(b, l, ret, constant(ScalarKind::Bool, 1, l)));
      }
      scf::ConditionOp::create(b, l, go, before->getArguments());
    }
    {
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(after);
      Value k = after->getArgument(0);
      for (size_t i = 0; i < carried.size(); ++i)
        env[carried[i]] = after->getArgument(2 + i);
      env[var] = varAt(k);
      env["%brk"] = constant(ScalarKind::Bool, 0, l);
      env["%cont"] = constant(ScalarKind::Bool, 0, l);
      emitBlock(s.body);
      Value next = arith::AddIOp::create(b, l, k, i64(1, l));
      SmallVector<Value> yields{next, env["%brk"]};
      for (const std::string &c : carried)
        yields.push_back(env[c]);
      scf::YieldOp::create(b, l, yields);
      env.erase("%brk");
      env.erase("%cont");
    }
    env = loopEntryEnv;
    for (size_t i = 0; i < carried.size(); ++i)
      env[carried[i]] = whileOp.getResult(2 + i);
  }
  if (savedBrk)
    env["%brk"] = savedBrk;
  if (savedCont)
    env["%cont"] = savedCont;
}

void FunctionGen::emitWhile(const WhileStmt &s) {
  Location l = loc(s.range);
  note(line(s.range), "while loop: serial");
  std::set<std::string> writes;
  collectWrites(s.body, writes);
  writes.erase("%cont");
  writes.erase("%brk");
  auto savedBrk = env.find("%brk") != env.end() ? env["%brk"] : Value();
  auto savedCont = env.find("%cont") != env.end() ? env["%cont"] : Value();
  env.erase("%brk");
  env.erase("%cont");
  std::vector<std::string> carried;
  for (const std::string &w : writes)
    if (env.count(w))
      carried.push_back(w);
  SmallVector<Value> inits{constant(ScalarKind::Bool, 0, l)};
  for (const std::string &c : carried)
    inits.push_back(env[c]);
  SmallVector<mlir::Type> types;
  for (Value v : inits)
    types.push_back(v.getType());
  auto loopEntryEnv = env;
  auto whileOp = scf::WhileOp::create(b, l, types, inits);
  SmallVector<Location> locs(types.size(), l);
  mlir::Block *before = b.createBlock(&whileOp.getBefore(), {}, types, locs);
  mlir::Block *after = b.createBlock(&whileOp.getAfter(), {}, types, locs);
  b.setInsertionPointAfter(whileOp);
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(before);
    auto saved = env;
    for (size_t i = 0; i < carried.size(); ++i)
      env[carried[i]] = before->getArgument(1 + i);
    size_t mark = temps_.size();
    Value cond = emitTruth(s.cond.get(), l);
    releaseTemps(mark, l);
    Value notBrk = arith::XOrIOp::create(b, l, before->getArgument(0),
                                         constant(ScalarKind::Bool, 1, l));
    Value go = arith::AndIOp::create(b, l, cond, notBrk);
    auto retIt = std::find(carried.begin(), carried.end(), "%ret");
    if (retIt != carried.end()) {
      Value ret = before->getArgument(1 + (retIt - carried.begin()));
      go = arith::AndIOp::create(
          b, l, go,
          arith::XOrIOp::create(b, l, ret, constant(ScalarKind::Bool, 1, l)));
    }
    scf::ConditionOp::create(b, l, go, before->getArguments());
    env = saved;
  }
  {
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(after);
    for (size_t i = 0; i < carried.size(); ++i)
      env[carried[i]] = after->getArgument(1 + i);
    env["%brk"] = constant(ScalarKind::Bool, 0, l);
    env["%cont"] = constant(ScalarKind::Bool, 0, l);
    // Python semantics: the loop may never end, and must then not be
    // optimised away even if its body has no effect.
    weft::KeepLoopOp::create(b, l);
    emitBlock(s.body);
    SmallVector<Value> yields{env["%brk"]};
    for (const std::string &c : carried)
      yields.push_back(env[c]);
    scf::YieldOp::create(b, l, yields);
    env.erase("%brk");
    env.erase("%cont");
  }
  env = loopEntryEnv;
  for (size_t i = 0; i < carried.size(); ++i)
    env[carried[i]] = whileOp.getResult(1 + i);
  if (savedBrk)
    env["%brk"] = savedBrk;
  if (savedCont)
    env["%cont"] = savedCont;
}

} // namespace weft
