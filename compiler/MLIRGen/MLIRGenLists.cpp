//===- MLIRGenLists.cpp - Typed AST to MLIR: growing Python lists ---------===//
//
// The calls desugarListMethods writes for lst.append(x), lst.extend(m) and
// lst.pop(): weft.list_grow (the list with room at its end, in place when
// the variable is the list's only holder) and stores for append and
// extend; the last element and a shorter view of the list for pop. Also
// `x in c` of tuples, lists and arrays.
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"

using namespace mlir;

namespace weft {

Value FunctionGen::convertList(Value list, ScalarKind k, Location l) {
  Value n = memref::DimOp::create(b, l, list, 0);
  SmallVector<Value, 1> sizes{n};
  Value out = allocArrayN(k, sizes, l);
  auto loop = scf::ForOp::create(b, l, index(0, l), n, index(1, l));
  OpBuilder::InsertionGuard g(b);
  b.setInsertionPointToStart(loop.getBody());
  Value i = loop.getInductionVar();
  Value x = memref::LoadOp::create(b, l, list, ValueRange{i});
  memref::StoreOp::create(b, l, convert(x, k, l), out, ValueRange{i});
  return out;
}

Value FunctionGen::growList(Value owned, Value count, int64_t ln, Location l) {
  // In place while the buffer has room (the common case: a test and a
  // longer view, no call); weft.list_grow copies into a larger buffer.
  Value n = memref::DimOp::create(b, l, owned, 0);
  Value want = arith::AddIOp::create(b, l, n, count);
  Value capacity = weft::ListCapacityOp::create(b, l, owned);
  Value fits =
      arith::CmpIOp::create(b, l, arith::CmpIPredicate::ule, want, capacity);
  auto ifOp = scf::IfOp::create(b, l, TypeRange{owned.getType()}, fits,
                                /*withElseRegion=*/true);
  OpBuilder::InsertionGuard g(b);
  b.setInsertionPointToStart(ifOp.thenBlock());
  auto meta = memref::ExtractStridedMetadataOp::create(b, l, owned);
  Value longer = memref::ReinterpretCastOp::create(
      b, l, cast<MemRefType>(owned.getType()), owned, meta.getOffset(),
      ValueRange{want}, ValueRange{index(1, l)});
  scf::YieldOp::create(b, l, longer);
  b.setInsertionPointToStart(ifOp.elseBlock());
  scf::YieldOp::create(
      b, l,
      weft::ListGrowOp::create(b, l, owned.getType(), owned, count, ln)
          .getResult());
  return ifOp.getResult(0);
}

bool FunctionGen::emitListUpdate(const AssignStmt &a) {
  // `lst = weft.list_append(lst, x)` and the like, as desugarListMethods
  // writes them: the variable's reference passes to the longer (or
  // shorter) list, with no count taken or dropped.
  auto *target =
      a.targets.size() == 1 ? a.targets[0]->dyn<NameExpr>() : nullptr;
  auto *call = a.value->dyn<CallExpr>();
  std::optional<Builtin> builtin = call ? fn.builtinOf(call) : std::nullopt;
  if (!target || !builtin ||
      !builtinIn(builtin,
                 {Builtin::ListAppend, Builtin::ListExtend, Builtin::ListDrop,
                  Builtin::ListClear, Builtin::RowAppend, Builtin::RowExtend,
                  Builtin::RowDrop, Builtin::RowClear}))
    return false;
  auto *list = call->args[0]->dyn<NameExpr>();
  const weft::Type &t = fn.locals.at(target->name);
  if (t.isRagged() && list && list->name == target->name)
    return emitRaggedUpdate(target->name, call, *builtin, a);
  if (builtinIn(builtin,
                {Builtin::ListClear, Builtin::RowAppend, Builtin::RowExtend,
                 Builtin::RowDrop, Builtin::RowClear}))
    return false; // (a list's clear() is an expression)
  if (t.isTupleList() && list && list->name == target->name)
    return emitTupleListUpdate(target->name, call, *builtin, a);
  std::vector<std::string> slots;
  slotNames(target->name, t, slots);
  if (!list || list->name != target->name || slots.size() != 1)
    return false;
  Value &slot = env[slots[0]];
  ScalarKind k = fn.typeOf(call).scalarKind();
  if (!slot || kindOf(cast<MemRefType>(slot.getType()).getElementType()) != k)
    return false; // widened: the general path converts
  Location l = loc(a.range);
  int64_t ln = line(a.range);
  size_t mark = temps_.size();
  if (*builtin == Builtin::ListDrop) {
    Value shorter = emitExpr(call).v(); // a view of the same buffer
    releaseTemps(mark, l);
    env[slots[0]] = shorter;
    return true;
  }
  Value added = emitExpr(call->args[1].get()).v();
  if (*builtin == Builtin::ListExtend && isArray(added) &&
      std::find(temps_.begin(), temps_.end(), added) == temps_.end()) {
    // lst.extend(lst): the elements are read after the list grew.
    weft::RetainOp::create(b, l, added);
    addTemp(added);
  }
  Value old = env[slots[0]];
  Value n = memref::DimOp::create(b, l, old, 0);
  Value count = *builtin == Builtin::ListAppend
                    ? index(1, l)
                    : memref::DimOp::create(b, l, added, 0).getResult();
  Value grown = growList(old, count, ln, l);
  storeAdded(grown, n, added, *builtin == Builtin::ListAppend, k, l);
  releaseTemps(mark, l);
  env[slots[0]] = grown;
  return true;
}

bool FunctionGen::emitTupleListUpdate(const std::string &name,
                                      const CallExpr *call, Builtin builtin,
                                      const AssignStmt &a) {
  // A list of tuples is one list per field: each grows (or shrinks) as a
  // list of numbers, each in place, and takes its number of the tuple.
  Location l = loc(a.range);
  int64_t ln = line(a.range);
  const weft::Type &t = fn.locals.at(name);
  std::vector<std::string> slots;
  slotNames(name, t, slots);
  size_t mark = temps_.size();
  if (builtin == Builtin::ListDrop) {
    Val shorter = emitExpr(call); // views of the same buffers
    releaseTemps(mark, l);
    for (size_t k = 0; k < slots.size(); ++k)
      env[slots[k]] = shorter.parts[k];
    return true;
  }
  Val added = emitExpr(call->args[1].get());
  SmallVector<size_t> at = tupleListFieldParts(t);
  for (size_t k = 0; k < t.elems().size(); ++k) {
    ScalarKind fk = t.elems()[k].scalarKind();
    if (t.elems()[k].isRagged()) {
      // A field of arrays: the array copied into its list of arrays (read
      // before the pool grows), the pool widened first if need be.
      Val rows;
      for (size_t p = at[k]; p < at[k + 1]; ++p)
        rows.parts.push_back(env[slots[p]]);
      Value &pool = rows.parts[3];
      if (kindOf(cast<MemRefType>(pool.getType()).getElementType()) != fk) {
        Value wide = convertList(pool, fk, l);
        weft::ReleaseOp::create(b, l, pool);
        takeOwnership(wide, l);
        pool = wide;
      }
      Value row = added.parts[k];
      if (std::find(temps_.begin(), temps_.end(), row) == temps_.end()) {
        weft::RetainOp::create(b, l, row);
        addTemp(row);
      }
      raggedPushRow(rows, row, fk, ln, l);
      for (size_t p = at[k]; p < at[k + 1]; ++p)
        env[slots[p]] = rows.parts[p - at[k]];
      continue;
    }
    Value &slot = env[slots[at[k]]];
    if (kindOf(cast<MemRefType>(slot.getType()).getElementType()) != fk) {
      // Widened by this append (ints, then a float): a converted copy.
      Value wide = convertList(slot, fk, l);
      weft::ReleaseOp::create(b, l, slot);
      slot = wide;
    }
    Value n = memref::DimOp::create(b, l, slot, 0);
    Value grown = growList(slot, index(1, l), ln, l);
    storeAdded(grown, n, added.parts[k], /*one=*/true, fk, l);
    slot = grown;
  }
  releaseTemps(mark, l);
  return true;
}

SmallVector<size_t> FunctionGen::tupleListFieldParts(const weft::Type &t) {
  SmallVector<size_t> at{0};
  for (const weft::Type &f : t.elems())
    at.push_back(at.back() + (f.isRagged() ? f.elems().size() : 1));
  return at;
}

void FunctionGen::storeTupleListElement(const IndexExpr *ix, const Val &v,
                                        Location l) {
  // lst[i] = (a, b): each number into its field's list; a str or an
  // array replaces its field's row (the list is then a name, Sema).
  const weft::Type &t = fn.typeOf(ix->base.get());
  Val fields = emitExpr(ix->base.get());
  Value i = convert(emitScalar(ix->indices[0].get()), ScalarKind::I64, l);
  int64_t ln = line(ix->range);
  SmallVector<size_t> at = tupleListFieldParts(t);
  std::vector<std::string> slots;
  if (t.tupleListHoldsArrays())
    slotNames(ix->base->dyn<NameExpr>()->name, t, slots);
  for (size_t k = 0; k < t.elems().size(); ++k) {
    const weft::Type &f = t.elems()[k];
    if (f.isRagged()) {
      Val rows = partsOf(fields, at[k], at[k + 1]);
      Value n = memref::DimOp::create(b, l, rows.parts[0], 0); // (starts)
      Value row =
          weft::WrapIndexOp::create(b, l, i, n, !noRuntimeChecks(), -1, ln)
              .getResult();
      replaceRaggedRow(rows, row, v.parts[k], f.scalarKind(), ln, l);
      env[slots[at[k] + 3]] = rows.parts[3]; // (the grown pool)
      continue;
    }
    Value array = fields.parts[at[k]];
    Value bad;
    Value idx = wrapIndex(i, arrayMeta(array, l).sizes[0], l, 0, ln, &bad,
                          /*list=*/true);
    auto mt = cast<MemRefType>(array.getType());
    storeUnlessBad(convert(v.parts[k], kindOf(mt.getElementType()), l), array,
                   idx, bad, l);
  }
}

Val FunctionGen::partsOf(const Val &v, size_t from, size_t to) {
  Val out;
  out.parts.assign(v.parts.begin() + from, v.parts.begin() + to);
  return out;
}

void FunctionGen::storeAdded(Value grown, Value n, Value added, bool one,
                             ScalarKind k, Location l) {
  if (one) {
    memref::StoreOp::create(b, l, convert(added, k, l), grown, ValueRange{n});
    return;
  }
  // (an array of several axes: its elements in row-major order)
  auto rank = cast<MemRefType>(added.getType()).getRank();
  SmallVector<Value, 4> dims;
  for (int64_t d = 0; d < rank; ++d)
    dims.push_back(memref::DimOp::create(b, l, added, d));
  emitLoopNest(dims, l, [&](ValueRange ivs) {
    Value at = ivs[0];
    for (int64_t d = 1; d < rank; ++d)
      at = arith::AddIOp::create(b, l, arith::MulIOp::create(b, l, at, dims[d]),
                                 ivs[d]);
    Value x = memref::LoadOp::create(b, l, added, ivs);
    memref::StoreOp::create(b, l, convert(x, k, l), grown,
                            ValueRange{arith::AddIOp::create(b, l, n, at)});
  });
}

Value FunctionGen::foldElements(
    Value array, Value init, Location l,
    llvm::function_ref<Value(Value, Value)> combine) {
  auto mt = cast<MemRefType>(array.getType());
  SmallVector<Value, 4> idx;
  std::function<Value(unsigned, Value)> nest = [&](unsigned d,
                                                   Value acc) -> Value {
    if (d == unsigned(mt.getRank()))
      return combine(acc, memref::LoadOp::create(b, l, array, idx));
    auto loop = scf::ForOp::create(b, l, index(0, l),
                                   memref::DimOp::create(b, l, array, d),
                                   index(1, l), ValueRange{acc});
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(loop.getBody());
    idx.push_back(loop.getInductionVar());
    Value inner = nest(d + 1, loop.getRegionIterArg(0));
    idx.pop_back();
    scf::YieldOp::create(b, l, inner);
    return loop.getResult(0);
  };
  return nest(0, init);
}

Value FunctionGen::guardedElement(Value list, Value at, Value bad,
                                  ScalarKind to, Location l) {
  mlir::Type elem = cast<MemRefType>(list.getType()).getElementType();
  Value x = emitValueIf(
      bad, elem, [&] { return constant(kindOf(elem), 0, l); },
      [&] {
        return memref::LoadOp::create(b, l, list, ValueRange{at}).getResult();
      },
      l);
  return convert(x, to, l);
}

Value FunctionGen::firstEqual(Value list, Value x, Location l) {
  Value n = memref::DimOp::create(b, l, list, 0);
  mlir::Type idx = b.getIndexType();
  auto loop =
      scf::WhileOp::create(b, l, TypeRange{idx}, ValueRange{index(0, l)});
  OpBuilder::InsertionGuard g(b);
  mlir::Block *before = b.createBlock(&loop.getBefore(), {}, {idx}, {l});
  Value i = before->getArgument(0);
  Value inside = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, i, n);
  // Load a valid index only: past the end, compare element 0 (unused).
  Value at = arith::SelectOp::create(b, l, inside, i, index(0, l));
  Value differs = emitValueIf(
      inside, b.getI1Type(),
      [&] {
        Value e = memref::LoadOp::create(b, l, list, ValueRange{at});
        return emitCompareOp(CompareOp::Ne, e, x, l);
      },
      [&] { return constant(ScalarKind::Bool, 0, l); }, l);
  scf::ConditionOp::create(b, l, differs, ValueRange{i});
  mlir::Block *after = b.createBlock(&loop.getAfter(), {}, {idx}, {l});
  scf::YieldOp::create(b, l,
                       ValueRange{arith::AddIOp::create(
                           b, l, after->getArgument(0), index(1, l))});
  return loop.getResult(0);
}

void FunctionGen::copyElements(Value from, Value fromStart, Value to,
                               Value toStart, Value count, Location l) {
  ScalarKind k = kindOf(cast<MemRefType>(to.getType()).getElementType());
  auto loop = scf::ForOp::create(b, l, index(0, l), count, index(1, l));
  OpBuilder::InsertionGuard g(b);
  b.setInsertionPointToStart(loop.getBody());
  Value i = loop.getInductionVar();
  Value x = memref::LoadOp::create(
      b, l, from, ValueRange{arith::AddIOp::create(b, l, fromStart, i)});
  memref::StoreOp::create(b, l, convert(x, k, l), to,
                          ValueRange{arith::AddIOp::create(b, l, toStart, i)});
}

Val FunctionGen::emitListEdit(const CallExpr *c, Builtin builtin) {
  // pop(i), insert, remove: a new list, which the assignment takes;
  // clear: an empty view of the same buffer; reverse: the list itself,
  // reversed in place.
  Location l = loc(c->range);
  int64_t ln = line(c->range);
  Value list = emitExpr(c->args[0].get()).v();
  Value n = memref::DimOp::create(b, l, list, 0);
  Value zero = index(0, l), one = index(1, l);
  ScalarKind k = fn.typeOf(c).isList()
                     ? fn.typeOf(c).scalarKind()
                     : fn.typeOf(c->args[0].get()).scalarKind();
  auto idx = [&](const Expr *e) {
    return arith::IndexCastOp::create(
               b, l, b.getIndexType(),
               convert(emitScalar(e), ScalarKind::I64, l))
        .getResult();
  };
  if (builtin == Builtin::ListClear)
    return Val(weft::SliceOp::create(b, l, list.getType(), list,
                                     ValueRange{zero},
                                     b.getDenseI64ArrayAttr({2 | 8}))
                   .getResult());
  if (builtin == Builtin::ListReverse) {
    // In place, as Python's (a widened list is converted first): the
    // elements of the first half swap with their mirrors.
    if (kindOf(cast<MemRefType>(list.getType()).getElementType()) != k)
      list = convertList(list, k, l);
    Value half = arith::DivUIOp::create(b, l, n, index(2, l));
    auto loop = scf::ForOp::create(b, l, zero, half, one);
    {
      OpBuilder::InsertionGuard g(b);
      b.setInsertionPointToStart(loop.getBody());
      Value i = loop.getInductionVar();
      Value j =
          arith::SubIOp::create(b, l, arith::SubIOp::create(b, l, n, one), i);
      Value xi = memref::LoadOp::create(b, l, list, ValueRange{i});
      Value xj = memref::LoadOp::create(b, l, list, ValueRange{j});
      memref::StoreOp::create(b, l, xj, list, ValueRange{i});
      memref::StoreOp::create(b, l, xi, list, ValueRange{j});
    }
    return Val(list);
  }
  if (builtin == Builtin::ListAt || builtin == Builtin::ListPopAt) {
    // Python's index rules, then IndexError: pop index out of range.
    Value i = idx(c->args[1].get());
    Value neg = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, i, zero);
    Value at = arith::SelectOp::create(b, l, neg,
                                       arith::AddIOp::create(b, l, i, n), i);
    Value bad = arith::OrIOp::create(
        b, l, arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, at, zero),
        arith::CmpIOp::create(b, l, arith::CmpIPredicate::sge, at, n));
    emitCheck(bad, "IndexError: pop index out of range", ln, l);
    if (builtin == Builtin::ListAt)
      return Val(guardedElement(list, at, bad, fn.typeOf(c).scalarKind(), l));
    // Inside a parallel loop the code goes on after the check: the list
    // stays as it is.
    Value size = arith::SelectOp::create(b, l, bad, n,
                                         arith::SubIOp::create(b, l, n, one));
    at = arith::SelectOp::create(b, l, bad, n, at);
    SmallVector<Value, 1> sizes{size};
    Value out = allocArrayN(k, sizes, l);
    copyElements(list, zero, out, zero, at, l);
    Value rest = arith::SubIOp::create(b, l, size, at);
    copyElements(list, arith::AddIOp::create(b, l, at, one), out, at, rest, l);
    return Val(out);
  }
  if (builtin == Builtin::ListInsert) {
    // Python clamps the position into [0, n].
    Value i = idx(c->args[1].get());
    Value x = emitScalar(c->args[2].get());
    Value neg = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, i, zero);
    Value at = arith::SelectOp::create(
        b, l, neg,
        arith::MaxSIOp::create(b, l, arith::AddIOp::create(b, l, i, n), zero),
        arith::MinSIOp::create(b, l, i, n));
    SmallVector<Value, 1> sizes{arith::AddIOp::create(b, l, n, one)};
    Value out = allocArrayN(k, sizes, l);
    copyElements(list, zero, out, zero, at, l);
    memref::StoreOp::create(b, l, convert(x, k, l), out, ValueRange{at});
    copyElements(list, at, out, arith::AddIOp::create(b, l, at, one),
                 arith::SubIOp::create(b, l, n, at), l);
    return Val(out);
  }
  // remove(x): the first equal element, else ValueError.
  Value x = emitScalar(c->args[1].get());
  Value at = firstEqual(list, x, l);
  Value missing = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, at, n);
  emitCheck(missing, "ValueError: list.remove(x): x not in list", ln, l);
  Value size = arith::SelectOp::create(b, l, missing, n,
                                       arith::SubIOp::create(b, l, n, one));
  SmallVector<Value, 1> sizes{size};
  Value out = allocArrayN(k, sizes, l);
  copyElements(list, zero, out, zero, at, l);
  copyElements(list, arith::AddIOp::create(b, l, at, one), out, at,
               arith::SubIOp::create(b, l, size, at), l);
  return Val(out);
}

Value FunctionGen::emitListSearch(const CallExpr *c, Builtin builtin) {
  // lst.index(x): the first equal element's position, else ValueError;
  // lst.count(x): how many are equal.
  Location l = loc(c->range);
  Value list = emitExpr(c->callee->dyn<AttributeExpr>()->base.get()).v();
  Value x = emitScalar(c->args[0].get());
  Value n = memref::DimOp::create(b, l, list, 0);
  if (builtin == Builtin::ListIndex) {
    Value at = firstEqual(list, x, l);
    emitCheck(arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, at, n),
              "ValueError: the value is not in list", line(c->range), l);
    return arith::IndexCastOp::create(b, l, b.getI64Type(), at);
  }
  return foldElements(list, i64(0, l), l, [&](Value count, Value e) {
    Value hit = arith::ExtUIOp::create(b, l, b.getI64Type(),
                                       emitCompareOp(CompareOp::Eq, e, x, l));
    return arith::AddIOp::create(b, l, count, hit).getResult();
  });
}

Value FunctionGen::emitListEquality(const CompareExpr *c) {
  Location l = loc(c->range);
  Val a = emitExpr(c->operands[0].get());
  Val other = emitExpr(c->operands[1].get());
  bool ne = c->ops[0] == CompareOp::Ne;
  if (!isArray(a.v()) || !isArray(other.v())) // a list and a number
    return constant(ScalarKind::Bool, ne, l);
  // Up to the first pair of elements that differ.
  Value x = a.v(), y = other.v();
  Value equal = sequencesEqual(x, y, l, [&](Value j) {
    Value ex = memref::LoadOp::create(b, l, x, ValueRange{j});
    Value ey = memref::LoadOp::create(b, l, y, ValueRange{j});
    return emitCompareOp(CompareOp::Eq, ex, ey, l);
  });
  return ne ? arith::XOrIOp::create(b, l, equal,
                                    constant(ScalarKind::Bool, 1, l))
                  .getResult()
            : equal;
}

Value FunctionGen::emitMembership(const CompareExpr *c) {
  Location l = loc(c->range);
  Value x = emitScalar(c->operands[0].get());
  Val in = emitExpr(c->operands[1].get());
  Value found = constant(ScalarKind::Bool, 0, l);
  auto equal = [&](Value e) { return emitCompareOp(CompareOp::Eq, e, x, l); };
  if (!fn.typeOf(c->operands[1].get()).isArray()) {
    for (Value e : in.parts) // a tuple: left to right
      found = arith::OrIOp::create(b, l, found, equal(e));
  } else if (cast<MemRefType>(in.v().getType()).getRank() == 1) {
    // Up to the first equal element.
    Value a = in.v();
    found = arith::CmpIOp::create(b, l, arith::CmpIPredicate::ult,
                                  firstEqual(a, x, l),
                                  memref::DimOp::create(b, l, a, 0));
  } else {
    // Every element, or-ed.
    found = foldElements(in.v(), found, l, [&](Value acc, Value e) {
      return arith::OrIOp::create(b, l, acc, equal(e)).getResult();
    });
  }
  if (c->ops[0] == CompareOp::NotIn)
    found =
        arith::XOrIOp::create(b, l, found, constant(ScalarKind::Bool, 1, l));
  return found;
}

Val FunctionGen::emitListMethod(const CallExpr *c, Builtin builtin) {
  if (fn.typeOf(c->args[0].get()).isRagged())
    return emitRaggedMethod(c, builtin);
  if (fn.typeOf(c->args[0].get()).isTupleList())
    return emitTupleListMethod(c, builtin);
  if (builtinIn(builtin, {Builtin::ListAt, Builtin::ListPopAt,
                          Builtin::ListInsert, Builtin::ListRemove,
                          Builtin::ListClear, Builtin::ListReverse}))
    return emitListEdit(c, builtin);
  Location l = loc(c->range);
  int64_t ln = line(c->range);
  Value list = emitExpr(c->args[0].get()).v();
  Value n = memref::DimOp::create(b, l, list, 0);
  Value zero = index(0, l);
  if (builtin == Builtin::ListLast || builtin == Builtin::ListDrop) {
    Value empty =
        arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, n, zero);
    emitCheck(empty, "IndexError: pop from empty list", ln, l);
    // Inside a parallel loop the code goes on after the check: a zero for
    // the element, the list stays empty.
    Value last = arith::SelectOp::create(
        b, l, empty, zero, arith::SubIOp::create(b, l, n, index(1, l)));
    if (builtin == Builtin::ListDrop)
      return Val(weft::SliceOp::create(b, l, list.getType(), list,
                                       ValueRange{last},
                                       b.getDenseI64ArrayAttr({2 | 8}))
                     .getResult());
    return Val(guardedElement(list, last, empty, fn.typeOf(c).scalarKind(), l));
  }
  // append and extend anywhere else (a list widened to floats): a new
  // reference of the list with room for what is added, as a temporary.
  // The element kind may be wider than the list's (a float appended to
  // ints).
  Value added = emitExpr(c->args[1].get()).v();
  ScalarKind k = fn.typeOf(c).scalarKind();
  if (kindOf(cast<MemRefType>(list.getType()).getElementType()) != k) {
    list = convertList(list, k, l);
    takeOwnership(list, l); // given to growList
  } else {
    weft::RetainOp::create(b, l, list);
  }
  if (builtin == Builtin::ListExtend && isArray(added) &&
      std::find(temps_.begin(), temps_.end(), added) == temps_.end()) {
    weft::RetainOp::create(b, l, added); // read after the list grew
    addTemp(added);
  }
  Value count = builtin == Builtin::ListAppend
                    ? index(1, l)
                    : memref::DimOp::create(b, l, added, 0).getResult();
  Value grown = growList(list, count, ln, l);
  addTemp(grown);
  storeAdded(grown, n, added, builtin == Builtin::ListAppend, k, l);
  return Val(grown);
}

Val FunctionGen::emitTupleListMethod(const CallExpr *c, Builtin builtin) {
  // pop()'s tuple (weft.list_last), the shorter lists (weft.list_drop) and
  // clear()'s empty ones, field by field; append is emitTupleListUpdate's.
  Location l = loc(c->range);
  Val fields = emitExpr(c->args[0].get());
  Value zero = index(0, l);
  Value n = memref::DimOp::create(b, l, fields.parts.front(), 0);
  if (builtin == Builtin::ListReverse) {
    // In place, field by field (every name of the list sees it).
    Value half = arith::DivUIOp::create(b, l, n, index(2, l));
    Value lastIndex = arith::SubIOp::create(b, l, n, index(1, l));
    SmallVector<Value, 1> dims{half};
    emitLoopNest(dims, l, [&](ValueRange ivs) {
      Value j = arith::SubIOp::create(b, l, lastIndex, ivs[0]);
      for (Value f : fields.parts) {
        Value x = memref::LoadOp::create(b, l, f, ivs);
        Value y = memref::LoadOp::create(b, l, f, ValueRange{j});
        memref::StoreOp::create(b, l, y, f, ivs);
        memref::StoreOp::create(b, l, x, f, ValueRange{j});
      }
    });
    return fields;
  }
  Value empty = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, n, zero);
  if (builtin != Builtin::ListClear)
    emitCheck(empty, "IndexError: pop from empty list", line(c->range), l);
  Value last = arith::SelectOp::create(
      b, l, empty, zero, arith::SubIOp::create(b, l, n, index(1, l)));
  Value keep = builtin == Builtin::ListClear ? zero : last;
  weft::Type rt = fn.typeOf(c);
  weft::Type lt = fn.typeOf(c->args[0].get());
  SmallVector<size_t> at = tupleListFieldParts(lt);
  Val out;
  for (size_t f = 0; f < lt.elems().size(); ++f) {
    if (!lt.elems()[f].isRagged())
      continue;
    // A field of arrays: pop()'s row (a view; an empty one when the check
    // let the code go on), or its lists one shorter or empty (the pool
    // keeps the numbers when popped).
    Val rows = partsOf(fields, at[f], at[f + 1]);
    if (builtin == Builtin::ListLast) {
      fields.parts[at[f]] = raggedRowAt(rows, last, l);
      continue;
    }
    for (size_t p = 0; p < rows.parts.size(); ++p)
      if (p != 3 || builtin == Builtin::ListClear)
        fields.parts[at[f] + p] =
            weft::SliceOp::create(b, l, rows.parts[p].getType(), rows.parts[p],
                                  ValueRange{keep},
                                  b.getDenseI64ArrayAttr({2 | 8}))
                .getResult();
  }
  for (size_t f = 0; f < lt.elems().size(); ++f) {
    if (lt.elems()[f].isRagged()) {
      if (builtin == Builtin::ListLast)
        out.parts.push_back(fields.parts[at[f]]);
      else
        for (size_t p = at[f]; p < at[f + 1]; ++p)
          out.parts.push_back(fields.parts[p]);
      continue;
    }
    Value list = fields.parts[at[f]];
    if (builtin == Builtin::ListLast)
      out.parts.push_back(
          guardedElement(list, last, empty, rt.elems()[f].scalarKind(), l));
    else
      out.parts.push_back(weft::SliceOp::create(b, l, list.getType(), list,
                                                ValueRange{keep},
                                                b.getDenseI64ArrayAttr({2 | 8}))
                              .getResult());
  }
  return out;
}

Value FunctionGen::emitListOp(const BinaryExpr *e) {
  // Python's list * int (repeated) and list + list (joined), which Sema
  // types as lists; the elements are copied into a new 1-D array.
  Location l = loc(e->range);
  ScalarKind k = fn.typeOf(e).scalarKind();
  bool join = e->op == BinaryOp::Add;
  // Left to right, as Python; `a` is the (first) list, `other` the count
  // or the second list.
  Value lhs = emitExpr(e->lhs.get()).v();
  Value rhs = emitExpr(e->rhs.get()).v();
  bool listFirst = join || fn.typeOf(e->lhs.get()).listDepth() > 0;
  return joinOrRepeatList(listFirst ? lhs : rhs, listFirst ? rhs : lhs, join, k,
                          l, line(e->range));
}

Val FunctionGen::emitTupleListOp(const BinaryExpr *e) {
  // The same of lists of tuples, field by field.
  Location l = loc(e->range);
  weft::Type t = fn.typeOf(e);
  bool join = e->op == BinaryOp::Add;
  Val lhs = emitExpr(e->lhs.get()), rhs = emitExpr(e->rhs.get()), out;
  bool listFirst = join || fn.typeOf(e->lhs.get()).isTupleList();
  Val &a = listFirst ? lhs : rhs, &other = listFirst ? rhs : lhs;
  for (size_t f = 0; f < a.parts.size(); ++f)
    out.parts.push_back(
        joinOrRepeatList(a.parts[f], join ? other.parts[f] : other.parts[0],
                         join, t.elems()[f].scalarKind(), l, line(e->range)));
  return out;
}

Value FunctionGen::joinOrRepeatList(Value a, Value other, bool join,
                                    ScalarKind k, Location l, int64_t ln) {
  // Along the first axis (a list of lists of one length: its rows,
  // whose lengths the joined list's must match).
  ArrayMeta am = arrayMeta(a, l);
  Value n = am.sizes[0];
  Value total, m;
  if (join) {
    ArrayMeta om = arrayMeta(other, l);
    m = om.sizes[0];
    total = arith::AddIOp::create(b, l, n, m);
    Value differ;
    for (size_t d = 1; d < am.sizes.size(); ++d) {
      Value ne = arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne,
                                       am.sizes[d], om.sizes[d]);
      differ = differ ? arith::OrIOp::create(b, l, differ, ne).getResult() : ne;
    }
    if (differ)
      emitCheck(differ,
                "ValueError: joining lists whose rows have different "
                "lengths; make the rows one length, or build the list "
                "with append",
                ln, l);
  } else {
    // A count below 1 gives an empty list, as Python's.
    Value count = arith::IndexCastOp::create(
        b, l, b.getIndexType(), convert(other, ScalarKind::I64, l));
    count = arith::MaxSIOp::create(b, l, count, index(0, l));
    total = arith::MulIOp::create(b, l, n, count);
  }
  SmallVector<Value, 4> sizes{total};
  sizes.append(am.sizes.begin() + 1, am.sizes.end());
  Value out = allocArrayN(k, sizes, l);
  auto copy = [&](Value from, Value count, Value offset, bool cycle) {
    SmallVector<Value, 4> dims{cycle ? total : count};
    dims.append(am.sizes.begin() + 1, am.sizes.end());
    emitLoopNest(dims, l, [&](ValueRange ivs) {
      Value i = ivs[0];
      SmallVector<Value, 4> src(ivs.begin(), ivs.end()),
          at(ivs.begin(), ivs.end());
      if (cycle)
        src[0] = arith::RemUIOp::create(b, l, i, count);
      if (offset)
        at[0] = arith::AddIOp::create(b, l, i, offset);
      Value x = memref::LoadOp::create(b, l, from, src);
      memref::StoreOp::create(b, l, convert(x, k, l), out, at);
    });
  };
  if (join) {
    copy(a, n, Value(), false);
    copy(other, m, n, false);
  } else {
    // n == 0 makes total 0: the remainder is never taken.
    copy(a, n, Value(), true);
  }
  return out;
}

} // namespace weft
