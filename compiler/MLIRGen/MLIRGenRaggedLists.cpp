//===- MLIRGenRaggedLists.cpp - Typed AST to MLIR: lists of lists ---------===//
//
// Lists of lists of any lengths (Type::ragged): four lists, each row's
// start in the pool, its length and its capacity, and the pool, which
// holds the rows' elements. A row is a view of its run of the pool. A row
// that grows past its capacity moves to the pool's end with twice the
// room (or grows in place when it is the pool's last run), so appending n
// numbers to the rows costs O(n) in all, as Python's lists. A list of
// arrays of 2 or more axes adds one list per axis, each row's extent
// (its length is its number of elements, held in row-major order).
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"

using namespace mlir;

namespace weft {

namespace {
enum Part { Starts = 0, Lengths = 1, Capacities = 2, Pool = 3, Extents = 4 };

/// The length of axis `d` of `array`, an index.
Value size(OpBuilder &b, Value array, unsigned d, Location l) {
  return memref::DimOp::create(b, l, array, d);
}

/// The number of elements of `array`, an index.
Value rowElements(OpBuilder &b, Value array, Location l) {
  Value n = size(b, array, 0, l);
  for (int64_t d = 1; d < cast<MemRefType>(array.getType()).getRank(); ++d)
    n = arith::MulIOp::create(b, l, n, size(b, array, d, l));
  return n;
}
} // namespace

Value FunctionGen::raggedRowView(Value pool, Value start, Value length,
                                 Location l) {
  Value from = toIndex(start, l);
  Value to = arith::AddIOp::create(b, l, from, toIndex(length, l));
  return weft::SliceOp::create(b, l, pool.getType(), pool, ValueRange{from, to},
                               b.getDenseI64ArrayAttr({2 | 4 | 8}))
      .getResult();
}

Value FunctionGen::raggedRowAt(const Val &rl, Value i, Location l) {
  Value start = memref::LoadOp::create(b, l, rl.parts[Starts], ValueRange{i});
  if (rl.parts.size() <= Extents) {
    Value length =
        memref::LoadOp::create(b, l, rl.parts[Lengths], ValueRange{i});
    return raggedRowView(rl.parts[Pool], start, length, l);
  }
  // A row of several axes: a row-major view of its run of the pool.
  Value pool = rl.parts[Pool];
  ArrayMeta meta = arrayMeta(pool, l);
  size_t rank = rl.parts.size() - Extents;
  SmallVector<Value, 4> sizes, strides(rank);
  for (size_t d = 0; d < rank; ++d)
    sizes.push_back(toIndex(
        memref::LoadOp::create(b, l, rl.parts[Extents + d], ValueRange{i}), l));
  Value stride = meta.strides[0];
  for (size_t d = rank; d-- > 0;) {
    strides[d] = stride;
    stride = arith::MulIOp::create(b, l, stride, sizes[d]);
  }
  Value offset = arith::AddIOp::create(
      b, l, meta.offset,
      arith::MulIOp::create(b, l, toIndex(start, l), meta.strides[0]));
  ScalarKind k = kindOf(cast<MemRefType>(pool.getType()).getElementType());
  return makeView(pool, k, offset, sizes, strides, l);
}

Val FunctionGen::emptyRagged(ScalarKind k, Location l, int rowRank) {
  Val out;
  int parts = Extents + (rowRank > 1 ? rowRank : 0);
  for (int p = 0; p < parts; ++p) {
    Value zero = index(0, l);
    out.parts.push_back(allocArray(p == Pool ? k : ScalarKind::I64, zero, l));
  }
  return out;
}

Value FunctionGen::raggedToArray(const Val &rl, ScalarKind k, int64_t ln,
                                 Location l) {
  // The first row's extents (its length for a row of one axis; 0 of no
  // rows), which every row must have.
  Value rows = size(b, rl.parts[Lengths], 0, l);
  SmallVector<Value, 4> extentLists;
  if (rl.parts.size() <= Extents)
    extentLists.push_back(rl.parts[Lengths]);
  for (size_t p = Extents; p < rl.parts.size(); ++p)
    extentLists.push_back(rl.parts[p]);
  Value any =
      arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne, rows, index(0, l));
  SmallVector<mlir::Type, 4> i64s(extentLists.size(), b.getI64Type());
  auto first = scf::IfOp::create(b, l, i64s, any, /*withElseRegion=*/true);
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(first.thenBlock());
    SmallVector<Value, 4> extents;
    for (Value e : extentLists)
      extents.push_back(
          memref::LoadOp::create(b, l, e, ValueRange{index(0, l)}));
    scf::YieldOp::create(b, l, extents);
    b.setInsertionPointToStart(first.elseBlock());
    SmallVector<Value, 4> zeros(extentLists.size(), i64(0, l));
    scf::YieldOp::create(b, l, zeros);
  }
  auto scan = scf::ForOp::create(b, l, index(0, l), rows, index(1, l),
                                 ValueRange{constant(ScalarKind::Bool, 0, l)});
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(scan.getBody());
    Value differs = scan.getRegionIterArgs()[0];
    for (size_t d = 0; d < extentLists.size(); ++d) {
      Value n = memref::LoadOp::create(b, l, extentLists[d],
                                       ValueRange{scan.getInductionVar()});
      differs = arith::OrIOp::create(
          b, l, differs,
          arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne, n,
                                first.getResult(d)));
    }
    scf::YieldOp::create(b, l, ValueRange{differs});
  }
  emitCheck(scan.getResult(0),
            extentLists.size() == 1
                ? "ValueError: setting an array element with a sequence. The "
                  "requested array has an inhomogeneous shape after 1 "
                  "dimensions"
                : "ValueError: setting an array element with a sequence. The "
                  "requested array has an inhomogeneous shape",
            ln, l);
  SmallVector<Value, 4> sizes{rows};
  for (Value e : first.getResults())
    sizes.push_back(toIndex(e, l));
  Value out = allocArrayN(k, sizes, l);
  emitLoopNest(sizes, l, [&](ValueRange ivs) {
    Value start = toIndex(
        memref::LoadOp::create(b, l, rl.parts[Starts], ValueRange{ivs[0]}), l);
    Value at = ivs[1];
    for (size_t d = 2; d < ivs.size(); ++d)
      at = arith::AddIOp::create(
          b, l, arith::MulIOp::create(b, l, at, sizes[d]), ivs[d]);
    Value x = memref::LoadOp::create(
        b, l, rl.parts[Pool],
        ValueRange{arith::AddIOp::create(b, l, start, at)});
    memref::StoreOp::create(b, l, convert(x, k, l), out, ivs);
  });
  return out;
}

Val FunctionGen::emitRaggedIndex(const Val &rl, const IndexExpr *ix) {
  Location l = loc(ix->range);
  if (ix->indices[0]->dyn<SliceExpr>())
    return emitRaggedSlice(rl, ix);
  return Val(raggedRowAt(
      rl, raggedRowIndex(rl, ix->indices[0].get(), line(ix->range), l), l));
}

Val FunctionGen::emitRaggedSlice(const Val &rl, const IndexExpr *ix) {
  // lst[a:b:c]: a new list of copies of those rows, as Python's slice
  // (which shares the rows; Weft's rows live in their list's pool). The
  // slice is taken of the rows' positions, so its bounds run once.
  Location l = loc(ix->range);
  int64_t ln = line(ix->range);
  weft::Type lt = fn.typeOf(ix);
  ScalarKind k = lt.scalarKind();
  SmallVector<Value, 1> count{size(b, rl.parts[Lengths], 0, l)};
  Value positions = allocArrayN(ScalarKind::I64, count, l);
  emitLoopNest(count, l, [&](ValueRange ivs) {
    memref::StoreOp::create(
        b, l, arith::IndexCastOp::create(b, l, b.getI64Type(), ivs[0]),
        positions, ivs);
  });
  SubscriptEntry slice{ix->indices[0].get(), Value()};
  Value chosen = emitView(positions, {slice}, 1, positions.getType(), ix);
  Val out = emptyRagged(k, l, lt.raggedRowRank());
  Val result = raggedPushRowsAt(out, rl, chosen, k, ln, l);
  for (Value r : result.parts) // (`positions` is a temporary, released
    addTemp(r);                //  with the others)
  return result;
}

Val FunctionGen::raggedPushRowsAt(const Val &into, const Val &rl,
                                  Value positions, ScalarKind k, int64_t ln,
                                  Location l) {
  // The rows of `rl` at `positions` (i64s) pushed onto `into`, in a loop
  // whose values own the lists.
  for (Value p : into.parts)
    takeOwnership(p, l);
  SmallVector<Value, 4> inits(into.parts.begin(), into.parts.end());
  auto loop = scf::ForOp::create(b, l, index(0, l), size(b, positions, 0, l),
                                 index(1, l), inits);
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(loop.getBody());
    Val cur;
    for (Value v : loop.getRegionIterArgs())
      cur.parts.push_back(v);
    Value i = memref::LoadOp::create(b, l, positions,
                                     ValueRange{loop.getInductionVar()});
    Value row = raggedRowAt(rl, toIndex(i, l), l);
    raggedPushRow(cur, row, k, ln, l);
    scf::YieldOp::create(b, l, cur.parts);
  }
  Val result;
  for (Value r : loop.getResults())
    result.parts.push_back(r);
  return result;
}

Val FunctionGen::emitRaggedOp(const BinaryExpr *e) {
  Val lhs = emitExpr(e->lhs.get()), rhs = emitExpr(e->rhs.get());
  return raggedJoinOrRepeat(lhs, rhs, e->op == BinaryOp::Add,
                            fn.typeOf(e->lhs.get()).isRagged(), fn.typeOf(e),
                            line(e->range), loc(e->range));
}

Val FunctionGen::raggedJoinOrRepeat(const Val &lhs, const Val &rhs, bool add,
                                    bool listFirst, const weft::Type &rt,
                                    int64_t ln, Location l) {
  // a + b (the rows of a, then b's) and a * n, n * a (a's rows n times),
  // copied into a new list.
  ScalarKind k = rt.scalarKind();
  // The positions 0, 1, ..., count-1 of a list's rows, each modulo `mod`.
  auto positions = [&](Value count, Value mod) {
    SmallVector<Value, 1> n{count};
    Value p = allocArrayN(ScalarKind::I64, n, l); // (a temporary)
    emitLoopNest(n, l, [&](ValueRange ivs) {
      Value i = arith::RemUIOp::create(b, l, ivs[0], mod);
      memref::StoreOp::create(
          b, l, arith::IndexCastOp::create(b, l, b.getI64Type(), i), p, ivs);
    });
    return p;
  };
  Val out = emptyRagged(k, l, rt.raggedRowRank());
  if (add) {
    // (a list of lists of one length, a 2-D array, as one of any lengths)
    Val lr = lhs.parts.size() == 1 ? raggedFromRows(lhs.v(), k, l) : lhs;
    Val rr = rhs.parts.size() == 1 ? raggedFromRows(rhs.v(), k, l) : rhs;
    for (const Val *src : {&lr, &rr}) {
      Value n = size(b, src->parts[Lengths], 0, l);
      Value mod = arith::MaxUIOp::create(b, l, n, index(1, l));
      out = raggedPushRowsAt(out, *src, positions(n, mod), k, ln, l);
    }
  } else {
    const Val &src = listFirst ? lhs : rhs;
    Value times = convert(listFirst ? rhs.v() : lhs.v(), ScalarKind::I64, l);
    times = arith::MaxSIOp::create(b, l, times, i64(0, l));
    Value n = size(b, src.parts[Lengths], 0, l);
    Value total = arith::MulIOp::create(b, l, toIndex(times, l), n);
    Value mod = arith::MaxUIOp::create(b, l, n, index(1, l));
    out = raggedPushRowsAt(out, src, positions(total, mod), k, ln, l);
  }
  for (Value r : out.parts)
    addTemp(r);
  return out;
}

void FunctionGen::raggedPushRow(Val &rl, Value row, ScalarKind k, int64_t ln,
                                Location l) {
  // The row's numbers at the pool's end; its start, length and capacity
  // (and its extents) appended. The parts' references pass to the grown
  // lists.
  Value n = size(b, rl.parts[Pool], 0, l);
  Value m = rowElements(b, row, l);
  Value pool = growList(rl.parts[Pool], m, ln, l);
  storeAdded(pool, n, row, /*one=*/false, k, l);
  rl.parts[Pool] = pool;
  Value start = arith::IndexCastOp::create(b, l, b.getI64Type(), n);
  Value length = arith::IndexCastOp::create(b, l, b.getI64Type(), m);
  SmallVector<Value, 8> values{start, length, length, Value()};
  for (size_t p = Extents; p < rl.parts.size(); ++p)
    values.push_back(arith::IndexCastOp::create(b, l, b.getI64Type(),
                                                size(b, row, p - Extents, l)));
  for (size_t p = Starts; p < rl.parts.size(); ++p) {
    if (p == Pool)
      continue;
    Value at = size(b, rl.parts[p], 0, l);
    Value grown = growList(rl.parts[p], index(1, l), ln, l);
    memref::StoreOp::create(b, l, values[p], grown, ValueRange{at});
    rl.parts[p] = grown;
  }
}

void FunctionGen::raggedGrowRow(Val &rl, Value i, Value added, bool one,
                                ScalarKind k, int64_t ln, Location l) {
  Value starts = rl.parts[Starts], lengths = rl.parts[Lengths],
        caps = rl.parts[Capacities];
  Value start = memref::LoadOp::create(b, l, starts, ValueRange{i});
  Value length = memref::LoadOp::create(b, l, lengths, ValueRange{i});
  Value cap = memref::LoadOp::create(b, l, caps, ValueRange{i});
  Value count = one ? i64(1, l)
                    : arith::IndexCastOp::create(b, l, b.getI64Type(),
                                                 size(b, added, 0, l))
                          .getResult();
  Value want = arith::AddIOp::create(b, l, length, count);
  Value fits =
      arith::CmpIOp::create(b, l, arith::CmpIPredicate::sle, want, cap);
  Value pool = rl.parts[Pool];
  auto ifOp = scf::IfOp::create(b, l, TypeRange{pool.getType(), b.getI64Type()},
                                fits, /*withElseRegion=*/true);
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(ifOp.thenBlock());
    scf::YieldOp::create(b, l, ValueRange{pool, start});
    // Full: room for twice as many (at least 4), at the pool's end.
    b.setInsertionPointToStart(ifOp.elseBlock());
    Value twice = arith::MulIOp::create(b, l, cap, i64(2, l));
    Value newCap = arith::MaxSIOp::create(
        b, l, want, arith::MaxSIOp::create(b, l, twice, i64(4, l)));
    Value n =
        arith::IndexCastOp::create(b, l, b.getI64Type(), size(b, pool, 0, l));
    Value last =
        arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq,
                              arith::AddIOp::create(b, l, start, cap), n);
    // The pool's last run grows where it is; another moves to the end.
    Value extra = arith::SelectOp::create(
        b, l, last, arith::SubIOp::create(b, l, newCap, cap), newCap);
    Value grown = growList(pool, toIndex(extra, l), ln, l);
    Value newStart = arith::SelectOp::create(b, l, last, start, n);
    auto move = scf::IfOp::create(b, l, TypeRange{}, last,
                                  /*withElseRegion=*/true);
    {
      OpBuilder::InsertionGuard g2(b);
      b.setInsertionPointToStart(move.elseBlock());
      auto loop = scf::ForOp::create(b, l, index(0, l), toIndex(length, l),
                                     index(1, l));
      b.setInsertionPointToStart(loop.getBody());
      Value j = loop.getInductionVar();
      Value from = arith::AddIOp::create(b, l, toIndex(start, l), j);
      Value to = arith::AddIOp::create(b, l, toIndex(n, l), j);
      Value x = memref::LoadOp::create(b, l, grown, ValueRange{from});
      memref::StoreOp::create(b, l, x, grown, ValueRange{to});
    }
    memref::StoreOp::create(b, l, newCap, caps, ValueRange{i});
    memref::StoreOp::create(b, l, newStart, starts, ValueRange{i});
    scf::YieldOp::create(b, l, ValueRange{grown, newStart});
  }
  pool = ifOp.getResult(0);
  Value at = toIndex(arith::AddIOp::create(b, l, ifOp.getResult(1), length), l);
  storeAdded(pool, at, added, one, k, l);
  memref::StoreOp::create(b, l, want, lengths, ValueRange{i});
  rl.parts[Pool] = pool;
}

Value FunctionGen::raggedRowIndex(const Val &rl, const Expr *indexExpr,
                                  int64_t ln, Location l) {
  // Always checked, as Numba's list indexing is: a row's start, length
  // and capacity are read and written through it.
  Value n = size(b, rl.parts[Starts], 0, l);
  Value i = convert(emitScalar(indexExpr), ScalarKind::I64, l);
  return weft::WrapIndexOp::create(b, l, i, n, !noRuntimeChecks(), -1, ln)
      .getResult();
}

bool FunctionGen::emitRaggedUpdate(const std::string &name,
                                   const CallExpr *call, Builtin builtin,
                                   const AssignStmt &a) {
  Location l = loc(a.range);
  int64_t ln = line(a.range);
  const weft::Type &t = fn.locals.at(name);
  ScalarKind k = t.scalarKind();
  std::vector<std::string> slots;
  slotNames(name, t, slots);
  Val rl;
  for (const std::string &s : slots)
    rl.parts.push_back(env.at(s));
  if (kindOf(cast<MemRefType>(rl.parts[Pool].getType()).getElementType()) !=
      k) {
    // Widened by this update (ints, then a float): a converted pool.
    Value wide = convertList(rl.parts[Pool], k, l);
    weft::ReleaseOp::create(b, l, rl.parts[Pool]);
    takeOwnership(wide, l);
    rl.parts[Pool] = wide;
  }
  size_t mark = temps_.size();
  Value zero = index(0, l);
  switch (builtin) {
  case Builtin::ListAppend: {
    // lst.append(row): the row copied (read before the pool grows).
    Value row = emitExpr(call->args[1].get()).v();
    if (std::find(temps_.begin(), temps_.end(), row) == temps_.end()) {
      weft::RetainOp::create(b, l, row);
      addTemp(row);
    }
    raggedPushRow(rl, row, k, ln, l);
    break;
  }
  case Builtin::ListExtend: {
    // lst.extend(other): each row of other pushed in turn; other's lists
    // are held until the end, so that lst.extend(lst) reads the rows it
    // had.
    Val other = emitExpr(call->args[1].get());
    if (!fn.typeOf(call->args[1].get()).isRagged()) // (rows of one length)
      other = raggedFromRows(other.v(), k, l);
    for (Value p : other.parts) {
      weft::RetainOp::create(b, l, p);
      addTemp(p);
    }
    Value n = size(b, other.parts[Starts], 0, l);
    SmallVector<Value, 8> inits(rl.parts.begin(), rl.parts.end());
    auto loop = scf::ForOp::create(b, l, zero, n, index(1, l), inits);
    {
      OpBuilder::InsertionGuard g(b);
      b.setInsertionPointToStart(loop.getBody());
      Val cur;
      for (Value v : loop.getRegionIterArgs())
        cur.parts.push_back(v);
      Value row = raggedRowAt(other, loop.getInductionVar(), l);
      raggedPushRow(cur, row, k, ln, l);
      scf::YieldOp::create(b, l, cur.parts);
    }
    for (size_t p = 0; p < rl.parts.size(); ++p)
      rl.parts[p] = loop.getResult(p);
    break;
  }
  case Builtin::ListDrop:
  case Builtin::ListClear: {
    // pop(): the rows' lists one shorter (the pool keeps the numbers);
    // clear(): every list empty.
    Value n = size(b, rl.parts[Starts], 0, l);
    Value keep = zero;
    if (builtin == Builtin::ListDrop) {
      Value empty =
          arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, n, zero);
      emitCheck(empty, "IndexError: pop from empty list", ln, l);
      keep = arith::SelectOp::create(
          b, l, empty, zero, arith::SubIOp::create(b, l, n, index(1, l)));
    }
    for (size_t p = 0; p < rl.parts.size(); ++p) {
      if (p == Pool && builtin == Builtin::ListDrop)
        continue;
      rl.parts[p] = weft::SliceOp::create(b, l, rl.parts[p].getType(),
                                          rl.parts[p], ValueRange{keep},
                                          b.getDenseI64ArrayAttr({2 | 8}))
                        .getResult();
    }
    break;
  }
  case Builtin::RowAppend:
  case Builtin::RowExtend: {
    Value i = raggedRowIndex(rl, call->args[1].get(), ln, l);
    Value added = emitExpr(call->args[2].get()).v();
    bool one = builtin == Builtin::RowAppend;
    if (!one &&
        std::find(temps_.begin(), temps_.end(), added) == temps_.end()) {
      // lst[i].extend(lst[j]): read after the pool grew.
      weft::RetainOp::create(b, l, added);
      addTemp(added);
    }
    raggedGrowRow(rl, i, added, one, k, ln, l);
    break;
  }
  case Builtin::RowDrop:
  case Builtin::RowClear: {
    Value i = raggedRowIndex(rl, call->args[1].get(), ln, l);
    Value length =
        memref::LoadOp::create(b, l, rl.parts[Lengths], ValueRange{i});
    Value shorter = i64(0, l);
    if (builtin == Builtin::RowDrop) {
      Value empty = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq,
                                          length, i64(0, l));
      emitCheck(empty, "IndexError: pop from empty list", ln, l);
      shorter = arith::SelectOp::create(
          b, l, empty, length, arith::SubIOp::create(b, l, length, i64(1, l)));
    }
    memref::StoreOp::create(b, l, shorter, rl.parts[Lengths], ValueRange{i});
    break;
  }
  default:
    return false;
  }
  releaseTemps(mark, l);
  for (size_t p = 0; p < slots.size(); ++p)
    env[slots[p]] = rl.parts[p];
  return true;
}

Val FunctionGen::emitRaggedMethod(const CallExpr *c, Builtin builtin) {
  // lst.pop()'s row (weft.list_last) and lst[i].pop()'s number
  // (weft.row_last); the updates are emitRaggedUpdate's.
  Location l = loc(c->range);
  int64_t ln = line(c->range);
  Val rl = emitExpr(c->args[0].get());
  Value zero = index(0, l);
  if (builtin == Builtin::ListReverse) {
    // In place: the rows' starts, lengths, capacities (and extents) swap
    // with their mirrors; the pool stays as it is.
    Value n = size(b, rl.parts[Starts], 0, l);
    Value half = arith::DivUIOp::create(b, l, n, index(2, l));
    Value lastIndex = arith::SubIOp::create(b, l, n, index(1, l));
    SmallVector<Value, 1> dims{half};
    emitLoopNest(dims, l, [&](ValueRange ivs) {
      Value j = arith::SubIOp::create(b, l, lastIndex, ivs[0]);
      for (size_t p = 0; p < rl.parts.size(); ++p) {
        if (p == Pool)
          continue;
        Value f = rl.parts[p];
        Value x = memref::LoadOp::create(b, l, f, ivs);
        Value y = memref::LoadOp::create(b, l, f, ValueRange{j});
        memref::StoreOp::create(b, l, y, f, ivs);
        memref::StoreOp::create(b, l, x, f, ValueRange{j});
      }
    });
    return rl;
  }
  if (builtin == Builtin::ListLast) {
    Value n = size(b, rl.parts[Starts], 0, l);
    Value empty =
        arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, n, zero);
    emitCheck(empty, "IndexError: pop from empty list", ln, l);
    Value last = arith::SelectOp::create(
        b, l, empty, zero, arith::SubIOp::create(b, l, n, index(1, l)));
    // (an empty view when the check let the code go on)
    Value row = raggedRowAt(rl, last, l);
    return Val(row);
  }
  Value i = raggedRowIndex(rl, c->args[1].get(), ln, l);
  Value start = memref::LoadOp::create(b, l, rl.parts[Starts], ValueRange{i});
  Value length = memref::LoadOp::create(b, l, rl.parts[Lengths], ValueRange{i});
  Value empty =
      arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, length, i64(0, l));
  emitCheck(empty, "IndexError: pop from empty list", ln, l);
  Value at =
      toIndex(arith::SubIOp::create(
                  b, l, arith::AddIOp::create(b, l, start, length), i64(1, l)),
              l);
  return Val(
      guardedElement(rl.parts[Pool], at, empty, fn.typeOf(c).scalarKind(), l));
}

void FunctionGen::storeRaggedRow(const IndexExpr *ix, const Val &row,
                                 Location l) {
  auto *name = ix->base->dyn<NameExpr>();
  const weft::Type &t = fn.locals.at(name->name);
  std::vector<std::string> slots;
  slotNames(name->name, t, slots);
  Val rl;
  for (const std::string &s : slots)
    rl.parts.push_back(env.at(s));
  int64_t ln = line(ix->range);
  Value i = raggedRowIndex(rl, ix->indices[0].get(), ln, l);
  replaceRaggedRow(rl, i, row.v(), t.scalarKind(), ln, l);
  env[slots[Pool]] = rl.parts[Pool];
}

void FunctionGen::replaceRaggedRow(Val &rl, Value i, Value values, ScalarKind k,
                                   int64_t ln, Location l) {
  // lst[i] = row: the row's numbers copied to the pool's end (the old
  // run stays unused), the row's start, length and capacity set.
  if (std::find(temps_.begin(), temps_.end(), values) == temps_.end()) {
    weft::RetainOp::create(b, l, values); // read after the pool grew
    addTemp(values);
  }
  Value n = size(b, rl.parts[Pool], 0, l);
  Value m = rowElements(b, values, l);
  Value pool = growList(rl.parts[Pool], m, ln, l);
  storeAdded(pool, n, values, /*one=*/false, k, l);
  Value start = arith::IndexCastOp::create(b, l, b.getI64Type(), n);
  Value length = arith::IndexCastOp::create(b, l, b.getI64Type(), m);
  memref::StoreOp::create(b, l, start, rl.parts[Starts], ValueRange{i});
  memref::StoreOp::create(b, l, length, rl.parts[Lengths], ValueRange{i});
  memref::StoreOp::create(b, l, length, rl.parts[Capacities], ValueRange{i});
  for (size_t p = Extents; p < rl.parts.size(); ++p)
    memref::StoreOp::create(
        b, l,
        arith::IndexCastOp::create(b, l, b.getI64Type(),
                                   size(b, values, p - Extents, l)),
        rl.parts[p], ValueRange{i});
  rl.parts[Pool] = pool;
}

Val FunctionGen::emitRaggedComp(const ListCompExpr *lc) {
  // One row per iteration (a filtered one only when its condition
  // holds), pushed as lst.append(row) pushes it.
  Location l = loc(lc->range);
  int64_t ln = line(lc->range);
  ScalarKind k = fn.typeOf(lc).scalarKind();
  CompIteration it = emitCompIteration(lc);
  Val rl = emptyRagged(k, l, fn.typeOf(lc).raggedRowRank());
  // (the lists are the loop's values: owned by it, not temporaries)
  for (Value p : rl.parts)
    takeOwnership(p, l);
  SmallVector<Value, 4> inits(rl.parts.begin(), rl.parts.end());
  auto loop = scf::ForOp::create(b, l, index(0, l), toIndex(it.count, l),
                                 index(1, l), inits);
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(loop.getBody());
    auto envBefore = env;
    bindCompVariable(lc, it, loop.getInductionVar());
    Val cur;
    for (Value v : loop.getRegionIterArgs())
      cur.parts.push_back(v);
    auto push = [&](Val rows) -> SmallVector<Value, 4> {
      size_t mark = temps_.size();
      Value row = emitExpr(lc->elt.get()).v();
      raggedPushRow(rows, row, k, ln, l);
      releaseTemps(mark, l);
      return SmallVector<Value, 4>(rows.parts.begin(), rows.parts.end());
    };
    SmallVector<Value, 4> next;
    if (lc->cond) {
      size_t mark = temps_.size();
      Value keep = emitTruth(lc->cond.get(), l);
      releaseTemps(mark, l);
      SmallVector<mlir::Type, 4> types;
      for (Value v : cur.parts)
        types.push_back(v.getType());
      auto ifOp = scf::IfOp::create(b, l, types, keep, /*withElseRegion=*/true);
      {
        OpBuilder::InsertionGuard g2(b);
        b.setInsertionPointToStart(ifOp.thenBlock());
        scf::YieldOp::create(b, l, push(cur));
        b.setInsertionPointToStart(ifOp.elseBlock());
        scf::YieldOp::create(b, l, cur.parts);
      }
      next.assign(ifOp.getResults().begin(), ifOp.getResults().end());
    } else {
      next = push(cur);
    }
    scf::YieldOp::create(b, l, next);
    env = envBefore;
  }
  Val out;
  for (Value r : loop.getResults()) {
    addTemp(r); // the comprehension's new lists
    out.parts.push_back(r);
  }
  return out;
}

Val FunctionGen::emitRaggedLiteral(const ListExpr *lst) {
  Location l = loc(lst->range);
  const weft::Type &t = fn.typeOf(lst);
  Val rl = emptyRagged(t.scalarKind(), l, t.raggedRowRank());
  for (Value p : rl.parts)
    takeOwnership(p, l);
  for (const ExprPtr &x : lst->elts) {
    size_t mark = temps_.size();
    Value row = emitExpr(x.get()).v();
    raggedPushRow(rl, row, t.scalarKind(), line(lst->range), l);
    releaseTemps(mark, l);
  }
  for (Value p : rl.parts)
    addTemp(p); // the display's new lists
  return rl;
}

Val FunctionGen::raggedFromRows(Value rows, ScalarKind k, Location l) {
  // A list of lists of one length (a 2-D array) as one of any lengths:
  // row i starts at i * m, its length and capacity m.
  Value n = size(b, rows, 0, l), m = size(b, rows, 1, l);
  Val out;
  SmallVector<Value, 1> counts{n};
  for (int p = Starts; p <= Capacities; ++p) {
    SmallVector<Value, 1> sizes{n};
    out.parts.push_back(allocArrayN(ScalarKind::I64, sizes, l));
  }
  Value total = arith::MulIOp::create(b, l, n, m);
  SmallVector<Value, 1> poolSize{total};
  out.parts.push_back(allocArrayN(k, poolSize, l));
  Value m64 = arith::IndexCastOp::create(b, l, b.getI64Type(), m);
  emitLoopNest(counts, l, [&](ValueRange ivs) {
    Value i = ivs[0];
    Value start = arith::MulIOp::create(b, l, i, m);
    memref::StoreOp::create(
        b, l, arith::IndexCastOp::create(b, l, b.getI64Type(), start),
        out.parts[Starts], ValueRange{i});
    memref::StoreOp::create(b, l, m64, out.parts[Lengths], ValueRange{i});
    memref::StoreOp::create(b, l, m64, out.parts[Capacities], ValueRange{i});
    auto inner = scf::ForOp::create(b, l, index(0, l), m, index(1, l));
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(inner.getBody());
    Value j = inner.getInductionVar();
    Value x = memref::LoadOp::create(b, l, rows, ValueRange{i, j});
    memref::StoreOp::create(b, l, convert(x, k, l), out.parts[Pool],
                            ValueRange{arith::AddIOp::create(b, l, start, j)});
  });
  return out;
}

} // namespace weft
