//===- MLIRGenComprehension.cpp - Typed AST to MLIR: list comprehensions --===//
//
// `[elt for x in range(...) or a 1-D array if c]` as a weft.comprehension
// (expanded by weft-lower-comprehensions): the count of the iterable, the
// condition and the element as regions of one iteration, which bind the
// variable and release the arrays made in them. The slots the environment
// threads through code (the prange division flag, the draw counter) are
// the op's carried values.
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"

using namespace mlir;

namespace weft {

namespace {
/// The env slots a comprehension's body may update: the iteration's draw
/// counter of inlined random numbers (each element draws anew). Unused
/// loop results fold away.
std::vector<std::string> carriedSlots(const std::map<std::string, Value> &env) {
  std::vector<std::string> out;
  for (const char *slot : {"%rng"})
    if (env.count(slot))
      out.push_back(slot);
  return out;
}

SmallVector<Value> slotValues(const std::map<std::string, Value> &env,
                              const std::vector<std::string> &slots) {
  SmallVector<Value> vs;
  for (const std::string &c : slots)
    vs.push_back(env.at(c));
  return vs;
}
} // namespace

FunctionGen::CompIteration
FunctionGen::emitCompIteration(const ListCompExpr *lc) {
  Location l = loc(lc->range);
  const weft::Type &varType = fn.locals.at(lc->target->dyn<NameExpr>()->name);
  ScalarKind varKind =
      varType.hasParts() ? ScalarKind::I64 : varType.scalarKind();
  CompIteration it;
  weft::Type seqType = fn.typeOf(lc->iter.get());
  if (seqType.isTupleList()) {
    // The tuples of a list of them: each field's element.
    Val fields = emitExpr(lc->iter.get());
    it.count = dim(fields.parts[0], 0, l);
    SmallVector<size_t> at = tupleListFieldParts(seqType);
    it.partsAt = [this, fields, at, seqType, l](Value i) {
      Val v;
      for (size_t k = 0; k < seqType.elems().size(); ++k)
        v.parts.push_back(
            seqType.elems()[k].isRagged() // (a view of an array's row)
                ? raggedRowAt(partsOf(fields, at[k], at[k + 1]), i, l)
                : memref::LoadOp::create(b, l, fields.parts[at[k]],
                                         ValueRange{i})
                      .getResult());
      return v;
    };
    return it;
  }
  if (seqType.isRagged()) {
    // The rows of a list of lists: a view of each.
    Val rl = emitExpr(lc->iter.get());
    it.count = dim(rl.parts[0], 0, l);
    it.varAt = [this, rl, l](Value i) { return raggedRowAt(rl, i, l); };
    return it;
  }
  if (seqType.isArray() && seqType.rank() > 1) {
    // The rows: a view of each (the array outlives the comprehension).
    Value seq = emitExpr(lc->iter.get()).v();
    it.count = dim(seq, 0, l);
    mlir::Type row = toMLIR(fn.locals.at(lc->target->dyn<NameExpr>()->name));
    int rank = seqType.rank();
    it.varAt = [this, seq, row, rank, l](Value i) -> Value {
      SmallVector<int64_t, 4> axes(rank, 0);
      axes[0] = 1;
      return weft::SliceOp::create(b, l, row, seq, ValueRange{i},
                                   b.getDenseI64ArrayAttr(axes))
          .getResult();
    };
    return it;
  }
  if (seqType.isString()) {
    // A str's characters: a one-character view of each.
    Value seq = emitExpr(lc->iter.get()).v();
    it.count = dim(seq, 0, l);
    mlir::Type str = toMLIR(seqType);
    it.varAt = [this, seq, str, l](Value i) -> Value {
      Value stop = arith::AddIOp::create(b, l, i, index(1, l));
      return weft::SliceOp::create(b, l, str, seq, ValueRange{i, stop},
                                   b.getDenseI64ArrayAttr({2 | 4 | 8}))
          .getResult();
    };
    return it;
  }
  if (seqType.isTuple()) {
    // A tuple of numbers: its elements, picked by position.
    Val t = emitExpr(lc->iter.get());
    SmallVector<Value> elems;
    for (Value p : t.parts)
      elems.push_back(convert(p, varKind, l));
    it.count = index(static_cast<int64_t>(elems.size()), l);
    it.varAt = [this, elems, l](Value i) -> Value {
      Value v = elems.back();
      for (size_t k = elems.size() - 1; k-- > 0;) {
        Value at = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, i,
                                         index(static_cast<int64_t>(k), l));
        v = arith::SelectOp::create(b, l, at, elems[k], v);
      }
      return v;
    };
    return it;
  }
  if (seqType.isArray()) {
    Value seq = emitExpr(lc->iter.get()).v();
    it.count = dim(seq, 0, l);
    it.varAt = [this, seq, varKind, l](Value i) {
      return convert(memref::LoadOp::create(b, l, seq, ValueRange{i}), varKind,
                     l);
    };
    return it;
  }
  Value start, stop, step;
  emitRangeBounds(lc->iter->dyn<CallExpr>(), line(lc->range), l, start, stop,
                  step);
  it.count = rangeLength(start, stop, step, l);
  it.varAt = [this, start, step, l](Value i) -> Value {
    Value k64 = arith::IndexCastOp::create(b, l, b.getI64Type(), i);
    return arith::AddIOp::create(b, l, start,
                                 arith::MulIOp::create(b, l, k64, step));
  };
  return it;
}

Val FunctionGen::copyTupleList(const Val &fields, Location l) {
  Val out;
  for (Value f : fields.parts) {
    SmallVector<Value, 1> sizes{memref::DimOp::create(b, l, f, 0)};
    Value copy = allocArrayN(
        kindOf(cast<MemRefType>(f.getType()).getElementType()), sizes, l);
    emitMapOp({f}, copy, l, [](ValueRange xs, Value) { return xs[0]; });
    out.parts.push_back(copy);
  }
  return out;
}

void FunctionGen::bindCompVariable(const ListCompExpr *lc,
                                   const CompIteration &it, Value i) {
  const std::string &var = lc->target->dyn<NameExpr>()->name;
  if (!it.partsAt) {
    env[var] = it.varAt(i);
    return;
  }
  std::vector<std::string> slots;
  slotNames(var, fn.locals.at(var), slots);
  Val parts = it.partsAt(i);
  for (size_t k = 0; k < slots.size(); ++k)
    env[slots[k]] = parts.parts[k];
}

Val FunctionGen::emitListComp(const ListCompExpr *lc) {
  Location l = loc(lc->range);
  weft::Type t = fn.typeOf(lc);
  if (t.isRagged())
    return emitRaggedComp(lc);
  auto *elt = lc->elt->dyn<NameExpr>();
  if (fn.typeOf(lc->iter.get()).isTupleList() && !lc->cond && elt &&
      elt->name == lc->target->dyn<NameExpr>()->name) {
    // [t for t in lst] of a list of tuples: each field copied.
    return copyTupleList(emitExpr(lc->iter.get()), l);
  }
  weft::Type et = fn.typeOf(lc->elt.get());
  // A list of tuples: one array per field (the element's parts).
  std::vector<weft::Type> fields =
      t.isTupleList() ? t.elems() : std::vector<weft::Type>{t};
  bool numbers = et.isScalar() || et.isTuple();
  CompIteration it = emitCompIteration(lc);
  std::vector<std::string> carried = carriedSlots(env);
  SmallVector<Value> inits = slotValues(env, carried);
  SmallVector<mlir::Type> types;
  for (const weft::Type &f : fields)
    types.push_back(toMLIR(f));
  for (Value v : inits)
    types.push_back(v.getType());
  auto op = weft::ComprehensionOp::create(b, l, types, toIndex(it.count, l),
                                          inits, line(lc->range),
                                          static_cast<int64_t>(fields.size()));
  auto envBefore = env;
  // A region of the op: (index, carried...) -> (values(), carried...).
  auto region = [&](Region &r,
                    llvm::function_ref<SmallVector<Value>()> values) {
    OpBuilder::InsertionGuard g(b);
    SmallVector<mlir::Type> argTypes{b.getIndexType()};
    for (Value v : inits)
      argTypes.push_back(v.getType());
    SmallVector<Location> locs(argTypes.size(), l);
    mlir::Block *blk = b.createBlock(&r, {}, argTypes, locs);
    for (size_t c = 0; c < carried.size(); ++c)
      env[carried[c]] = blk->getArgument(c + 1);
    bindCompVariable(lc, it, blk->getArgument(0));
    size_t mark = temps_.size();
    SmallVector<Value> yields = values();
    releaseTemps(mark, l);
    yields.append(slotValues(env, carried));
    weft::ComprehensionYieldOp::create(b, l, yields);
    env = envBefore;
  };
  if (lc->cond)
    region(op.getCondition(), [&]() -> SmallVector<Value> {
      return {emitTruth(lc->cond.get(), l)};
    });
  region(op.getElement(), [&]() -> SmallVector<Value> {
    Val e = emitExpr(lc->elt.get());
    SmallVector<Value> out;
    for (auto [k, part] : llvm::enumerate(e.parts)) {
      if (numbers) {
        out.push_back(convert(part, fields[k].scalarKind(), l));
        continue;
      }
      // The op takes a reference to each element array: a temporary's, or
      // a new one to a view of a live array.
      auto own = std::find(temps_.begin(), temps_.end(), part);
      if (own != temps_.end())
        temps_.erase(own);
      else
        weft::RetainOp::create(b, l, part);
      out.push_back(part);
    }
    return out;
  });
  for (size_t c = 0; c < carried.size(); ++c)
    env[carried[c]] = op.getCarried()[c];
  Val result;
  for (Value a : op.getArrays()) {
    addTemp(a);
    result.parts.push_back(a);
  }
  return result;
}

} // namespace weft
