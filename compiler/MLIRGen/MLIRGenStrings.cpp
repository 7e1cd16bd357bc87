//===- MLIRGenStrings.cpp - Typed AST to MLIR: Python's str ---------------===//
//
// A str is a 1-D memref of u32 code points. Literals are new arrays of
// their code points; s[i] is a view of one element; ==, !=, the ordering
// and `in` are loops over the code points (to the first difference or
// match); `+` and `*` are the lists' join and repeat (MLIRGenLists.cpp).
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"
#include "runtime/FormatSpec.h"

using namespace mlir;

namespace weft {

/// The code points of UTF-8 text (the lexer's string values are UTF-8).
static std::vector<uint32_t> codePoints(const std::string &utf8) {
  std::vector<uint32_t> out;
  for (size_t i = 0; i < utf8.size();) {
    auto c = static_cast<unsigned char>(utf8[i]);
    int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    uint32_t cp = extra == 0   ? c
                  : extra == 1 ? c & 0x1F
                  : extra == 2 ? c & 0x0F
                               : c & 0x07;
    ++i;
    for (int k = 0; k < extra && i < utf8.size(); ++k, ++i)
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i]) & 0x3F);
    out.push_back(cp);
  }
  return out;
}

Value FunctionGen::emitStrLiteral(const std::string &utf8, Location l) {
  std::vector<uint32_t> cps = codePoints(utf8);
  Value n = index(static_cast<int64_t>(cps.size()), l);
  Value s = allocArray(ScalarKind::U32, n, l);
  for (size_t i = 0; i < cps.size(); ++i)
    memref::StoreOp::create(b, l, convert(i64(cps[i], l), ScalarKind::U32, l),
                            s, ValueRange{index(static_cast<int64_t>(i), l)});
  return s;
}

Value FunctionGen::codeAt(Value s, Value i, Location l) {
  return convert(memref::LoadOp::create(b, l, s, ValueRange{i}),
                 ScalarKind::I64, l);
}

Val FunctionGen::emitStrIndex(const IndexExpr *ix) {
  Location l = loc(ix->range);
  if (ix->indices[0]->dyn<SliceExpr>()) // a view of those characters
    return emitSubscript(emitExpr(ix->base.get()).v(), ix);
  // s[i]: the one-character view at i (negative from the end).
  Value s = emitExpr(ix->base.get()).v();
  Value i = convert(emitScalar(ix->indices[0].get()), ScalarKind::I64, l);
  Value n = memref::DimOp::create(b, l, s, 0);
  Value ni = arith::IndexCastOp::create(b, l, b.getI64Type(), n);
  Value at = arith::SelectOp::create(
      b, l,
      arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, i, i64(0, l)),
      arith::AddIOp::create(b, l, i, ni), i);
  Value outside = arith::OrIOp::create(
      b, l,
      arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, at, i64(0, l)),
      arith::CmpIOp::create(b, l, arith::CmpIPredicate::sge, at, ni));
  emitCheck(outside, "IndexError: string index out of range", line(ix->range),
            l);
  Value start = arith::IndexCastOp::create(b, l, b.getIndexType(), at);
  Value stop = arith::AddIOp::create(b, l, start, index(1, l));
  return Val(weft::SliceOp::create(b, l, toMLIR(weft::Type::string()), s,
                                   ValueRange{start, stop},
                                   b.getDenseI64ArrayAttr({2 | 4 | 8}))
                 .getResult());
}

Value FunctionGen::strEqual(Value x, Value y, Location l) {
  return sequencesEqual(x, y, l, [&](Value j) {
    return arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq,
                                 codeAt(x, j, l), codeAt(y, j, l))
        .getResult();
  });
}

Value FunctionGen::allUpTo(Value count, Location l,
                           llvm::function_ref<Value(Value)> holdsAt) {
  // i from 0 while i < count and every holdsAt so far was true.
  mlir::Type idx = b.getIndexType(), i1 = b.getI1Type();
  auto loop = scf::WhileOp::create(
      b, l, TypeRange{idx, i1},
      ValueRange{index(0, l), constant(ScalarKind::Bool, 1, l)});
  OpBuilder::InsertionGuard g(b);
  mlir::Block *before = b.createBlock(&loop.getBefore(), {}, {idx, i1}, {l, l});
  Value i = before->getArgument(0), ok = before->getArgument(1);
  Value more = arith::AndIOp::create(
      b, l, arith::CmpIOp::create(b, l, arith::CmpIPredicate::ult, i, count),
      ok);
  scf::ConditionOp::create(b, l, more, ValueRange{i, ok});
  mlir::Block *after = b.createBlock(&loop.getAfter(), {}, {idx, i1}, {l, l});
  Value j = after->getArgument(0);
  Value holds = holdsAt(j);
  scf::YieldOp::create(
      b, l, ValueRange{arith::AddIOp::create(b, l, j, index(1, l)), holds});
  b.setInsertionPointAfter(loop);
  return loop.getResult(1);
}

Value FunctionGen::sequencesEqual(Value x, Value y, Location l,
                                  llvm::function_ref<Value(Value)> equalAt) {
  // Of one length, then up to the first element that differs.
  Value n = memref::DimOp::create(b, l, x, 0);
  Value sameLength = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, n,
                                           memref::DimOp::create(b, l, y, 0));
  Value count = arith::SelectOp::create(b, l, sameLength, n, index(0, l));
  return arith::AndIOp::create(b, l, sameLength, allUpTo(count, l, equalAt));
}

Value FunctionGen::strOrder(Value x, Value y, Location l) {
  // Python's order of strs: by the first code point that differs, else
  // the shorter first. The loop stops at the first difference (its sign,
  // -1 or 1, in the second value) or at the shorter length (0).
  mlir::Type i64t = b.getI64Type(), idx = b.getIndexType();
  auto sign = [&](Value a, Value c, bool isSigned) -> Value {
    auto gt = isSigned ? arith::CmpIPredicate::sgt : arith::CmpIPredicate::ugt;
    auto lt = isSigned ? arith::CmpIPredicate::slt : arith::CmpIPredicate::ult;
    return arith::SubIOp::create(
        b, l,
        arith::ExtUIOp::create(b, l, i64t,
                               arith::CmpIOp::create(b, l, gt, a, c)),
        arith::ExtUIOp::create(b, l, i64t,
                               arith::CmpIOp::create(b, l, lt, a, c)));
  };
  Value n = memref::DimOp::create(b, l, x, 0);
  Value m = memref::DimOp::create(b, l, y, 0);
  Value count = arith::MinUIOp::create(b, l, n, m);
  auto loop = scf::WhileOp::create(b, l, TypeRange{idx, i64t},
                                   ValueRange{index(0, l), i64(0, l)});
  {
    OpBuilder::InsertionGuard g(b);
    mlir::Block *before =
        b.createBlock(&loop.getBefore(), {}, {idx, i64t}, {l, l});
    Value i = before->getArgument(0), s = before->getArgument(1);
    Value more = arith::AndIOp::create(
        b, l, arith::CmpIOp::create(b, l, arith::CmpIPredicate::ult, i, count),
        arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, s, i64(0, l)));
    scf::ConditionOp::create(b, l, more, ValueRange{i, s});
    mlir::Block *after =
        b.createBlock(&loop.getAfter(), {}, {idx, i64t}, {l, l});
    Value j = after->getArgument(0);
    scf::YieldOp::create(
        b, l,
        ValueRange{arith::AddIOp::create(b, l, j, index(1, l)),
                   sign(codeAt(x, j, l), codeAt(y, j, l), true)});
  }
  Value first = loop.getResult(1);
  return arith::SelectOp::create(
      b, l,
      arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, first, i64(0, l)),
      sign(n, m, false), first);
}

Value FunctionGen::strContains(Value s, Value sub, Location l) {
  // Whether `sub` occurs in `s`: each start from 0 to len(s) - len(sub),
  // up to the first match, each match up to its first difference.
  Value n = memref::DimOp::create(b, l, s, 0);
  Value m = memref::DimOp::create(b, l, sub, 0);
  Value fits = arith::CmpIOp::create(b, l, arith::CmpIPredicate::ule, m, n);
  Value starts = arith::SelectOp::create(
      b, l, fits,
      arith::AddIOp::create(b, l, arith::SubIOp::create(b, l, n, m),
                            index(1, l)),
      index(0, l));
  Value one = constant(ScalarKind::Bool, 1, l);
  Value noMatch = allUpTo(starts, l, [&](Value at) {
    Value match = allUpTo(m, l, [&](Value k) {
      return arith::CmpIOp::create(
                 b, l, arith::CmpIPredicate::eq,
                 codeAt(s, arith::AddIOp::create(b, l, at, k), l),
                 codeAt(sub, k, l))
          .getResult();
    });
    return arith::XOrIOp::create(b, l, match, one).getResult();
  });
  return arith::XOrIOp::create(b, l, noMatch, one);
}

/// A literal short enough to compare with in place (no array made).
static const StrLitExpr *shortLiteral(const Expr *e) {
  auto *s = e->dyn<StrLitExpr>();
  return s && codePoints(s->value).size() <= 16 ? s : nullptr;
}

Value FunctionGen::strEqualsLiteral(Value x, const std::string &utf8,
                                    Location l) {
  // Of the literal's length, then each code point: `c == "G"` in a loop
  // is a length test and a load.
  std::vector<uint32_t> cps = codePoints(utf8);
  Value sameLength = arith::CmpIOp::create(
      b, l, arith::CmpIPredicate::eq, memref::DimOp::create(b, l, x, 0),
      index(static_cast<int64_t>(cps.size()), l));
  if (cps.empty())
    return sameLength;
  auto ifOp = scf::IfOp::create(b, l, TypeRange{b.getI1Type()}, sameLength,
                                /*withElseRegion=*/true);
  OpBuilder::InsertionGuard g(b);
  b.setInsertionPointToStart(ifOp.thenBlock());
  Value all = constant(ScalarKind::Bool, 1, l);
  for (size_t k = 0; k < cps.size(); ++k)
    all = arith::AndIOp::create(
        b, l, all,
        arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq,
                              codeAt(x, index(static_cast<int64_t>(k), l), l),
                              i64(cps[k], l)));
  scf::YieldOp::create(b, l, all);
  b.setInsertionPointToStart(ifOp.elseBlock());
  scf::YieldOp::create(b, l, constant(ScalarKind::Bool, 0, l));
  return ifOp.getResult(0);
}

Value FunctionGen::emitStrCompare(const CompareExpr *c) {
  Location l = loc(c->range);
  CompareOp op = c->ops[0];
  if (!fn.typeOf(c->operands[0].get()).isString() ||
      !fn.typeOf(c->operands[1].get()).isString()) {
    // a str and a number: never equal (both still evaluated)
    emitExpr(c->operands[0].get());
    emitExpr(c->operands[1].get());
    return constant(ScalarKind::Bool, op == CompareOp::Ne, l);
  }
  const StrLitExpr *lit0 = shortLiteral(c->operands[0].get());
  const StrLitExpr *lit1 = shortLiteral(c->operands[1].get());
  if ((op == CompareOp::Eq || op == CompareOp::Ne) && (lit0 || lit1)) {
    Value x = emitExpr(c->operands[lit1 ? 0 : 1].get()).v();
    Value eq = strEqualsLiteral(x, (lit1 ? lit1 : lit0)->value, l);
    return op == CompareOp::Eq ? eq
                               : arith::XOrIOp::create(
                                     b, l, eq, constant(ScalarKind::Bool, 1, l))
                                     .getResult();
  }
  Value x = emitExpr(c->operands[0].get()).v();
  Value y = emitExpr(c->operands[1].get()).v();
  if (op == CompareOp::Eq || op == CompareOp::Ne) {
    Value eq = strEqual(x, y, l);
    return op == CompareOp::Eq ? eq
                               : arith::XOrIOp::create(
                                     b, l, eq, constant(ScalarKind::Bool, 1, l))
                                     .getResult();
  }
  return emitCompareOp(op, strOrder(x, y, l), i64(0, l), l);
}

Value FunctionGen::emitStrMembership(const CompareExpr *c) {
  Location l = loc(c->range);
  Value x = emitExpr(c->operands[0].get()).v();
  Value found;
  auto *tuple = c->operands[1]->dyn<TupleExpr>();
  if (tuple && llvm::all_of(tuple->elts, [](const ExprPtr &e) {
        return shortLiteral(e.get()) != nullptr;
      })) {
    // c in ("G", "C"): compared in place with each, left to right.
    found = constant(ScalarKind::Bool, 0, l);
    for (const ExprPtr &e : tuple->elts)
      found = arith::OrIOp::create(
          b, l, found, strEqualsLiteral(x, e->dyn<StrLitExpr>()->value, l));
    if (c->ops[0] == CompareOp::NotIn)
      found =
          arith::XOrIOp::create(b, l, found, constant(ScalarKind::Bool, 1, l));
    return found;
  }
  Val in = emitExpr(c->operands[1].get());
  if (fn.typeOf(c->operands[1].get()).isString()) {
    found = strContains(in.v(), x, l);
  } else if (fn.typeOf(c->operands[1].get()).isStrList()) {
    // A list of strs: equal to one of them, compared until one is.
    Value n = memref::DimOp::create(b, l, in.parts[0], 0);
    auto loop =
        scf::ForOp::create(b, l, index(0, l), n, index(1, l),
                           ValueRange{constant(ScalarKind::Bool, 0, l)});
    {
      OpBuilder::InsertionGuard g(b);
      b.setInsertionPointToStart(loop.getBody());
      Value was = loop.getRegionIterArgs()[0];
      auto seen = scf::IfOp::create(b, l, TypeRange{b.getI1Type()}, was,
                                    /*withElseRegion=*/true);
      b.setInsertionPointToStart(seen.thenBlock());
      scf::YieldOp::create(b, l, ValueRange{was});
      b.setInsertionPointToStart(seen.elseBlock());
      Value row = raggedRowAt(in, loop.getInductionVar(), l);
      scf::YieldOp::create(b, l, ValueRange{strEqual(row, x, l)});
      b.setInsertionPointAfter(seen);
      scf::YieldOp::create(b, l, seen.getResults());
    }
    found = loop.getResult(0);
  } else {
    // A tuple of strs: equal to one of them, left to right.
    found = constant(ScalarKind::Bool, 0, l);
    for (Value e : in.parts)
      found = arith::OrIOp::create(b, l, found, strEqual(e, x, l));
  }
  if (c->ops[0] == CompareOp::NotIn)
    found =
        arith::XOrIOp::create(b, l, found, constant(ScalarKind::Bool, 1, l));
  return found;
}

Value FunctionGen::padStr(Value s, const FormatSpec &fs, Location l) {
  // The first `precision` characters, then `fill` to `width`: on the
  // right by default ('<'), the left ('>') or both sides ('^', the extra
  // one on the right).
  Value n = memref::DimOp::create(b, l, s, 0);
  if (fs.precision >= 0) {
    n = arith::MinUIOp::create(b, l, n, index(fs.precision, l));
    s = weft::SliceOp::create(b, l, toMLIR(weft::Type::string()), s,
                              ValueRange{n}, b.getDenseI64ArrayAttr({2 | 8}))
            .getResult();
  }
  Value total = arith::MaxUIOp::create(b, l, n, index(fs.width, l));
  Value pad = arith::SubIOp::create(b, l, total, n);
  Value left = fs.align == '>' ? pad
               : fs.align == '^'
                   ? arith::DivUIOp::create(b, l, pad, index(2, l)).getResult()
                   : index(0, l);
  SmallVector<Value, 1> sizes{total};
  Value out = allocArrayN(ScalarKind::U32, sizes, l);
  Value fill =
      convert(i64(static_cast<unsigned char>(fs.fill), l), ScalarKind::U32, l);
  {
    auto loop = scf::ForOp::create(b, l, index(0, l), total, index(1, l));
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(loop.getBody());
    memref::StoreOp::create(b, l, fill, out,
                            ValueRange{loop.getInductionVar()});
  }
  auto loop = scf::ForOp::create(b, l, index(0, l), n, index(1, l));
  OpBuilder::InsertionGuard g(b);
  b.setInsertionPointToStart(loop.getBody());
  Value i = loop.getInductionVar();
  memref::StoreOp::create(b, l, memref::LoadOp::create(b, l, s, ValueRange{i}),
                          out,
                          ValueRange{arith::AddIOp::create(b, l, i, left)});
  return out;
}

Val FunctionGen::emitFormat(const CallExpr *c) {
  Location l = loc(c->range);
  if (c->args.empty()) { // str()
    Value n = index(0, l);
    return Val(allocArray(ScalarKind::U32, n, l));
  }
  Val x = emitExpr(c->args[0].get());
  std::string spec;
  if (c->args.size() == 2)
    spec = c->args[1]->dyn<StrLitExpr>()->value;
  FormatSpec fs;
  parseFormatSpec(spec.c_str(), fs);
  if (fn.typeOf(c->args[0].get()).isString())
    return spec.empty() ? x : Val(padStr(x.v(), fs, l)); // str(s): s
  // Room for the longest text: a float's 309 digits and its precision,
  // or the width.
  int64_t cap = 340 + std::max(fs.precision, 0) + fs.width;
  Value n = index(cap, l);
  Value buffer = allocArray(ScalarKind::U32, n, l);
  Value length = weft::FormatNumberOp::create(b, l, b.getI64Type(), x.v(),
                                              buffer, b.getStringAttr(spec));
  Value stop = arith::IndexCastOp::create(b, l, b.getIndexType(), length);
  return Val(weft::SliceOp::create(b, l, toMLIR(weft::Type::string()), buffer,
                                   ValueRange{stop},
                                   b.getDenseI64ArrayAttr({2 | 8}))
                 .getResult());
}

Val FunctionGen::emitStrBuiltin(const CallExpr *c, Builtin builtin) {
  Location l = loc(c->range);
  if (builtinIn(builtin, {Builtin::Str, Builtin::Format, Builtin::FormatField}))
    return emitFormat(c);
  if (builtin == Builtin::AsStr || builtin == Builtin::StrCodes)
    return emitExpr(c->args[0].get()); // the same array, seen as the other
  if (builtin == Builtin::Ord) {
    Value s = emitExpr(c->args[0].get()).v();
    Value n = memref::DimOp::create(b, l, s, 0);
    emitCheck(
        arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne, n, index(1, l)),
        "TypeError: ord() expected a character, but string of another "
        "length found",
        line(c->range), l);
    return Val(codeAt(s, index(0, l), l));
  }
  // chr(i): the str of code point i.
  Value i = convert(emitScalar(c->args[0].get()), ScalarKind::I64, l);
  emitCheck(arith::CmpIOp::create(b, l, arith::CmpIPredicate::ugt, i,
                                  i64(0x10FFFF, l)),
            "ValueError: chr() arg not in range(0x110000)", line(c->range), l);
  Value n = index(1, l);
  Value s = allocArray(ScalarKind::U32, n, l);
  memref::StoreOp::create(b, l, convert(i, ScalarKind::U32, l), s,
                          ValueRange{index(0, l)});
  return Val(s);
}

} // namespace weft
