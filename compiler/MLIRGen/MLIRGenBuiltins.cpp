//===- MLIRGenBuiltins.cpp - Typed AST to MLIR: builtin functions ---------===//
//
// print, len, sum, zeros/ones/empty, arange, min/max, abs, the scalar math
// functions and the conversions f64()/i64()/bool().
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"

#include <map>

using namespace mlir;

namespace weft {

namespace {
/// Escapes braces for weft.print's format string.
std::string escapeFormat(const std::string &s) {
  std::string out;
  for (char c : s) {
    if (c == '{' || c == '}')
      out.push_back(c);
    out.push_back(c);
  }
  return out;
}
} // namespace

void FunctionGen::emitPrint(const CallExpr *c) {
  Location l = loc(c->range);
  // sep= between the values, end= instead of the newline, file= stdout
  // or stderr (flush= changes nothing: each line is written whole).
  std::string sep = " ";
  std::optional<std::string> end;
  bool toStderr = false;
  for (const KeywordArg &k : c->keywords) {
    if (k.name == "file" || k.name == "flush") {
      toStderr |= printFileOf(k.value.get()) == 2;
      continue;
    }
    const std::string &text = k.value->dyn<StrLitExpr>()->value;
    if (k.name == "sep")
      sep = escapeFormat(text);
    else
      end = text;
  }
  SmallVector<Value> listValues; // print as Python lists
  int inTuple = 0;
  // Lists of tuples: the first field's value, the field count and how one
  // tuple prints.
  struct TupleList {
    Value first;
    int64_t fields;
    std::string format;
  };
  SmallVector<TupleList> tupleLists;
  // Each str's position among the values and whether it is quoted
  // (inside a tuple: as repr()), the pairs of weft.print's `strings`; an
  // array inside a tuple is a pair (position, 2): weft.print's `reprs`.
  std::function<void(const weft::Type &, ArrayRef<Value> &, std::string &,
                     SmallVector<Value> &, SmallVector<int64_t> &)>
      add = [&](const weft::Type &t, ArrayRef<Value> &parts,
                std::string &format, SmallVector<Value> &values,
                SmallVector<int64_t> &strings) {
        if (t.isTupleList()) {
          // One {} for the list; the tuple's own format takes its fields.
          TupleList list{parts.front(), 0, ""};
          SmallVector<Value> fields;
          SmallVector<int64_t> noStrings; // (a list holds no strs)
          add(t.tupleListElement(), parts, list.format, fields, noStrings);
          list.fields = int64_t(fields.size());
          tupleLists.push_back(list);
          format += "{}";
          values.append(fields.begin(), fields.end());
          return;
        }
        if (t.isTuple()) {
          ++inTuple;
          // A namedtuple prints as Python's: Point(x=1.0, y=2.0).
          const auto &records = mg.program.records;
          auto fields = records.find(t.recordName());
          bool named = !t.recordName().empty() && fields != records.end() &&
                       fields->second.size() == t.elems().size();
          if (named) {
            auto own = mg.program.recordTypeNames.find(t.recordName());
            format += own != mg.program.recordTypeNames.end()
                          ? escapeFormat(own->second)
                          : escapeFormat(t.recordName());
          }
          format += "(";
          auto jc = mg.program.jitclasses.find(t.recordName());
          for (size_t i = 0; i < t.elems().size(); ++i) {
            if (i)
              format += ", ";
            // (a slice object as Python shows one: slice(0, 2, 1))
            if (named && !t.isSliceObject())
              format += escapeFormat(fields->second[i]) + "=";
            if (jc != mg.program.jitclasses.end() &&
                jc->second.cells.count(fields->second[i])) {
              // a jitclass's number field: the number in its cell
              format += "{}";
              values.push_back(memref::LoadOp::create(b, l, parts.front(),
                                                      ValueRange{index(0, l)}));
              parts = parts.drop_front();
              continue;
            }
            add(t.elems()[i], parts, format, values, strings);
          }
          if (t.elems().size() == 1 && !named)
            format += ",";
          format += ")";
          --inTuple;
          return;
        }
        if (t.isNone()) { // (a tuple's None: no run-time part)
          format += "None";
          return;
        }
        format += "{}";
        if (t.isList())
          listValues.push_back(parts.front());
        if (t.isString())
          strings.append({int64_t(values.size()), inTuple > 0});
        else if (inTuple > 0 && t.isArray() && !t.isList())
          strings.append({int64_t(values.size()), 2});
        values.push_back(parts.front());
        parts = parts.drop_front();
      };
  SmallVector<Val> args;
  for (const ExprPtr &a : c->args)
    args.push_back(a->dyn<StrLitExpr>() ? Val() : emitExpr(a.get()));
  // From argument i on; an optional prints its value or None, one branch
  // each (Sema allows a few per print).
  std::function<void(size_t, std::string, SmallVector<Value>,
                     SmallVector<int64_t>)>
      from = [&](size_t i, std::string format, SmallVector<Value> values,
                 SmallVector<int64_t> strings) {
        for (; i < c->args.size(); ++i) {
          if (i)
            format += sep;
          const Expr *a = c->args[i].get();
          if (auto *s = a->dyn<StrLitExpr>()) {
            format += escapeFormat(s->value);
            continue;
          }
          weft::Type t = fn.typeOf(a);
          if (t.isDType()) { // as NumPy prints a.dtype
            format += weft::numpyName(t.scalarKind());
            continue;
          }
          if (t.isOptional()) {
            auto branch = scf::IfOp::create(b, l, TypeRange{},
                                            args[i].parts.back(), true);
            OpBuilder::InsertionGuard g(b);
            b.setInsertionPointToStart(&branch.getThenRegion().front());
            SmallVector<Value> withValue(values);
            SmallVector<int64_t> withStrings(strings);
            std::string withFormat = format;
            ArrayRef<Value> parts = ArrayRef<Value>(args[i].parts).drop_back();
            add(t.optionalValue(), parts, withFormat, withValue, withStrings);
            from(i + 1, withFormat, withValue, withStrings);
            b.setInsertionPointToStart(&branch.getElseRegion().front());
            from(i + 1, format + "None", values, strings);
            return;
          }
          ArrayRef<Value> parts = args[i].parts;
          add(t, parts, format, values, strings);
        }
        SmallVector<int64_t> lists, groups;
        SmallVector<StringRef> tupleFormats;
        for (size_t k = 0; k < values.size(); ++k) {
          auto list = llvm::find_if(tupleLists, [&](const TupleList &t) {
            return t.first == values[k];
          });
          if (list != tupleLists.end()) {
            groups.append({int64_t(k), list->fields});
            tupleFormats.push_back(list->format);
            k += size_t(list->fields - 1);
          } else if (llvm::is_contained(listValues, values[k])) {
            lists.push_back(int64_t(k));
          }
        }
        SmallVector<int64_t> strs, reprs;
        for (size_t k = 0; k < strings.size(); k += 2)
          if (strings[k + 1] == 2)
            reprs.push_back(strings[k]);
          else
            strs.append({strings[k], strings[k + 1]});
        auto op = weft::PrintOp::create(
            b, l, format, values,
            lists.empty() ? DenseI64ArrayAttr() : b.getDenseI64ArrayAttr(lists),
            DenseI64ArrayAttr(), ArrayAttr(),
            strs.empty() ? DenseI64ArrayAttr() : b.getDenseI64ArrayAttr(strs),
            end ? b.getStringAttr(*end) : StringAttr(),
            reprs.empty() ? DenseI64ArrayAttr()
                          : b.getDenseI64ArrayAttr(reprs));
        if (!groups.empty()) {
          op.setTupleListsAttr(b.getDenseI64ArrayAttr(groups));
          op.setTupleFormatsAttr(b.getStrArrayAttr(tupleFormats));
        }
        if (toStderr)
          op->setAttr(kPrintToStderr, b.getUnitAttr());
      };
  from(0, "", {}, {});
}

Val FunctionGen::emitArange(const CallExpr *c) {
  Location l = loc(c->range);
  weft::Type t = fn.typeOf(c);
  int64_t ln = line(c->range);
  auto arg = [&](size_t i) { return emitExpr(c->args[i].get()); };
  auto argType = [&](size_t i) { return fn.typeOf(c->args[i].get()); };
  // Computed in f64 if any argument is a float, else in i64, then
  // stored as the array's dtype (dtype= may differ).
  ScalarKind out = t.scalarKind();
  ScalarKind k = ScalarKind::I64;
  for (size_t i = 0; i < c->args.size(); ++i)
    if (argType(i).isFloat())
      k = ScalarKind::F64;
  Value start, stop, step;
  if (c->args.size() == 1) {
    start = constant(k, 0, l);
    stop = convert(arg(0).v(), k, l);
    step = constant(k, 1, l);
  } else {
    start = convert(arg(0).v(), k, l);
    stop = convert(arg(1).v(), k, l);
    step = c->args.size() == 3 ? convert(arg(2).v(), k, l) : constant(k, 1, l);
  }
  // weft-lower-ranges checks the step, computes the length and fills.
  Value arr =
      weft::ArangeOp::create(b, l, toMLIR(weft::Type::array(out, 1)), start,
                             stop, step, ln, !fn.options.parallel);
  addTemp(arr);
  return Val(arr);
}

Val FunctionGen::emitUnravelIndex(Value k, ArrayRef<Value> shape, int64_t ln,
                                  Location l) {
  // From the last axis: index = k % size, k = k / size; k was in range iff
  // it was not negative and nothing is left. Divisors are at least 1, so
  // code that goes on after a failed check (in a parallel loop) is safe.
  Value zero = i64(0, l), one = i64(1, l);
  Value bad = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, k, zero);
  Value rest = k;
  SmallVector<Value, 4> idx(shape.size());
  for (size_t d = shape.size(); d-- > 0;) {
    Value n = convert(shape[d], ScalarKind::I64, l);
    bad = arith::OrIOp::create(
        b, l, bad,
        arith::CmpIOp::create(b, l, arith::CmpIPredicate::sle, n, zero));
    Value div = arith::MaxSIOp::create(b, l, n, one);
    idx[d] = arith::RemSIOp::create(b, l, rest, div);
    rest = arith::DivSIOp::create(b, l, rest, div);
  }
  bad = arith::OrIOp::create(
      b, l, bad,
      arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne, rest, zero));
  emitCheck(bad,
            "ValueError: unravel_index: the index is out of bounds for an "
            "array of that shape",
            ln, l);
  Val out;
  out.parts.append(idx.begin(), idx.end());
  return out;
}

Val FunctionGen::emitBuiltin(const CallExpr *c, Builtin builtin) {
  Location l = loc(c->range);
  weft::Type t = fn.typeOf(c);
  int64_t ln = line(c->range);
  auto arg = [&](size_t i) { return emitExpr(c->args[i].get()); };
  auto argType = [&](size_t i) { return fn.typeOf(c->args[i].get()); };

  if (builtin == Builtin::Print) {
    emitPrint(c);
    return Val();
  }
  if (isListMethod(builtin))
    return emitListMethod(c, builtin);
  if (builtin == Builtin::RowLast)
    return emitRaggedMethod(c, builtin);
  if (builtinIn(builtin,
                {Builtin::AsStr, Builtin::StrCodes, Builtin::Ord, Builtin::Chr,
                 Builtin::Str, Builtin::Format, Builtin::FormatField}))
    return emitStrBuiltin(c, builtin);
  if (builtin == Builtin::AsStructured && c->args.size() == 1)
    return Val(); // a dtype: nothing when it runs
  if (builtin == Builtin::AsList || builtin == Builtin::AsArray ||
      builtin == Builtin::AsRows || builtin == Builtin::AsStructured)
    return arg(0); // the same array, typed as a list or as an array
  if (builtinIn(builtin, {Builtin::LapackEigh, Builtin::LapackSvd,
                          Builtin::LapackSvdReduced, Builtin::LapackSvdvals,
                          Builtin::LapackEig, Builtin::LapackEigvals,
                          Builtin::LapackQr, Builtin::LapackQrComplete})) {
    static const std::map<Builtin, const char *> functions = {
        {Builtin::LapackEigh, "eigh"},
        {Builtin::LapackSvd, "svd"},
        {Builtin::LapackSvdReduced, "svd_reduced"},
        {Builtin::LapackSvdvals, "svdvals"},
        {Builtin::LapackEig, "eig"},
        {Builtin::LapackEigvals, "eigvals"},
        {Builtin::LapackQr, "qr"},
        {Builtin::LapackQrComplete, "qr_complete"}};
    const char *function = functions.at(builtin);
    SmallVector<Value, 3> outs;
    for (size_t k = 1; k < c->args.size(); ++k)
      outs.push_back(arg(k).v());
    weft::DecomposeOp::create(b, l, function, arg(0).v(), outs, ln);
    return Val();
  }
  if (builtin == Builtin::IsContiguous) {
    // Each axis of more than one element has the stride of the axes after
    // it packed together (NumPy's rule: axes of length 1 have any stride).
    Value a = arg(0).v();
    auto meta = memref::ExtractStridedMetadataOp::create(b, l, a);
    Value one = arith::ConstantIndexOp::create(b, l, 1);
    Value packed = one;
    Value ok = arith::ConstantIntOp::create(b, l, 1, 1);
    for (int d = argType(0).rank() - 1; d >= 0; --d) {
      Value size = meta.getSizes()[d];
      Value fits = arith::OrIOp::create(
          b, l,
          arith::CmpIOp::create(b, l, arith::CmpIPredicate::sle, size, one),
          arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq,
                                meta.getStrides()[d], packed));
      ok = arith::AndIOp::create(b, l, ok, fits);
      packed = arith::MulIOp::create(b, l, packed, size);
    }
    return Val(ok);
  }
  if (builtin == Builtin::AsArrayList || builtin == Builtin::AsListList) {
    // starts, lengths, capacities (the lengths: each row is full, so one
    // that grows moves to the pool's end), pool
    Val rows;
    Value lengths = arg(1).v();
    rows.parts = {arg(0).v(), lengths, lengths, arg(2).v()};
    for (size_t k = 3; k < c->args.size(); ++k) // (the rows' extents)
      rows.parts.push_back(arg(k).v());
    return rows;
  }
  if (builtin == Builtin::AsTupleList) { // the fields' arrays as they are
    Val fields;
    for (size_t k = 0; k < c->args.size(); ++k) {
      Val f = arg(k); // (a field of arrays: a list of arrays' parts)
      fields.parts.append(f.parts.begin(), f.parts.end());
    }
    return fields;
  }
  if (builtin == Builtin::Norm) {
    // Every element's square added in order, then the square root.
    ScalarKind k = t.scalarKind();
    Value squares =
        foldElements(arg(0).v(), constant(k, 0, l), l, [&](Value acc, Value e) {
          Value x = convert(e, k, l);
          return arith::AddFOp::create(b, l, acc,
                                       arith::MulFOp::create(b, l, x, x))
              .getResult();
        });
    return Val(math::SqrtOp::create(b, l, squares));
  }
  if (builtin == Builtin::Divmod) {
    // Each argument once; Python's // and % (ZeroDivisionError).
    ScalarKind k = t.elems()[0].scalarKind();
    Value x = convert(arg(0).v(), k, l), y = convert(arg(1).v(), k, l);
    Val r;
    r.parts.push_back(
        emitBinaryScalar(BinaryOp::FloorDiv, x, y, k, true, l, ln));
    r.parts.push_back(emitBinaryScalar(BinaryOp::Mod, x, y, k, true, l, ln));
    return r;
  }
  {
    SmallVector<const Expr *, 4> argExprs;
    for (const ExprPtr &a : c->args)
      argExprs.push_back(a.get());
    Val out;
    if (emitArrayBuiltin(c, builtin, argExprs, out))
      return out;
  }
  if (builtin == Builtin::Argv) {
    Value index = convert(arg(0).v(), ScalarKind::I64, l);
    // The runtime parses i64, f64 and bool; narrower types convert.
    Value fallback = arg(1).v();
    ScalarKind fk = kindOf(fallback.getType());
    ScalarKind wide = fk == ScalarKind::I32   ? ScalarKind::I64
                      : fk == ScalarKind::F32 ? ScalarKind::F64
                                              : fk;
    fallback = convert(fallback, wide, l);
    Value r =
        weft::ArgvOp::create(b, l, fallback.getType(), index, fallback, ln);
    return Val(convert(r, fk, l));
  }
  auto *rangeCall = c->args.size() == 1 ? c->args[0]->dyn<CallExpr>() : nullptr;
  if (builtin == Builtin::Len && rangeCall &&
      fn.builtinOf(rangeCall) == Builtin::Range) {
    // len(range(a, b, c)), without the range.
    Value start, stop, step;
    emitRangeBounds(rangeCall, ln, l, start, stop, step);
    return Val(rangeLength(start, stop, step, l));
  }
  if (builtin == Builtin::Len) {
    weft::Type at = argType(0);
    if (at.isRangeObject()) {
      Val r = arg(0);
      auto part = [&](int p) {
        return convert(r.parts[p], ScalarKind::I64, l);
      };
      return Val(rangeLength(part(0), part(1), part(2), l));
    }
    if (at.isTuple())
      return Val(i64(static_cast<int64_t>(at.elems().size()), l));
    // A list of tuples: the length of its first field's list.
    return Val(dim(arg(0).parts.front(), 0, l));
  }
  if ((builtin == Builtin::Sum || builtin == Builtin::Prod) &&
      !argType(0).isArray()) {
    // sum/prod of a number or a tuple of numbers, left to right.
    ScalarKind k = t.scalarKind();
    Val parts = arg(0);
    Value acc;
    for (Value p : parts.parts) {
      Value x = convert(p, k, l);
      acc = acc ? emitBinaryScalar(builtin == Builtin::Sum ? BinaryOp::Add
                                                           : BinaryOp::Mul,
                                   acc, x, k, false, l, ln)
                : x;
    }
    if (!acc) // the empty tuple's (of floats, as NumPy's empty array)
      return Val(constant(ScalarKind::F64, builtin == Builtin::Sum ? 0 : 1, l));
    return Val(acc);
  }
  if (builtin == Builtin::UnravelIndex)
    return emitUnravelIndex(convert(arg(0).v(), ScalarKind::I64, l),
                            arg(1).parts, ln, l);
  if (builtin == Builtin::Arange)
    return emitArange(c);
  if (builtin == Builtin::Min || builtin == Builtin::Max) {
    // Python's min/max of scalars (or of a tuple's): the first of equal
    // values wins.
    ScalarKind k = t.scalarKind();
    SmallVector<Value> values;
    for (size_t i = 0; i < c->args.size(); ++i) {
      Val v = arg(i);
      values.append(v.parts.begin(), v.parts.end());
    }
    Value acc = convert(values[0], k, l);
    for (size_t i = 1; i < values.size(); ++i) {
      Value x = convert(values[i], k, l);
      Value better = emitCompareOp(
          builtin == Builtin::Min ? CompareOp::Lt : CompareOp::Gt, x, acc, l);
      acc = arith::SelectOp::create(b, l, better, x, acc);
    }
    return Val(acc);
  }
  if (builtin == Builtin::Complex && c->args.size() == 1 &&
      argType(0).isComplex()) // complex(z): z itself (signed zeros kept)
    return Val(convert(arg(0).v(), ScalarKind::C128, l));
  if (builtin == Builtin::Complex) {
    // complex(a, b) is a + b * 1j: of complex parts (ar - bi) + (ai + br)j
    Value parts[2][2];
    for (size_t i = 0; i < 2; ++i) {
      if (i >= c->args.size()) {
        parts[i][0] = parts[i][1] = constant(ScalarKind::F64, 0, l);
      } else if (argType(i).isComplex()) {
        Value z = convert(arg(i).v(), ScalarKind::C128, l);
        parts[i][0] = complex::ReOp::create(b, l, z);
        parts[i][1] = complex::ImOp::create(b, l, z);
      } else {
        parts[i][0] = convert(arg(i).v(), ScalarKind::F64, l);
        parts[i][1] = nullptr; // zero
      }
    }
    Value re = parts[0][0], im = parts[1][0];
    if (parts[1][1])
      re = arith::SubFOp::create(b, l, re, parts[1][1]);
    if (parts[0][1])
      im = arith::AddFOp::create(b, l, parts[0][1], im);
    // (a complex128: np.complex64(x) rounds it, emitCall)
    return Val(complex::CreateOp::create(
        b, l, toMLIR(weft::Type::scalar(ScalarKind::C128)), re, im));
  }
  if (builtin == Builtin::Abs && argType(0).isComplex())
    return Val(complex::AbsOp::create(b, l, arg(0).v()));
  if (builtin == Builtin::Sign)
    return Val(emitMath(builtin, {arg(0).v()}, t.scalarKind(), l));
  if (builtin == Builtin::Abs) {
    Value x = arg(0).v();
    if (t.isFloat())
      return Val(math::AbsFOp::create(b, l, x));
    if (t.scalarKind() == ScalarKind::U64)
      return Val(x);
    return Val(math::AbsIOp::create(b, l, x));
  }
  if (builtin == Builtin::F64 || builtin == Builtin::Float ||
      builtin == Builtin::I64 || builtin == Builtin::Int ||
      builtin == Builtin::Bool) {
    auto *text = c->args.empty() ? nullptr : c->args[0]->dyn<StrLitExpr>();
    if (text && builtinIn(builtin, {Builtin::Float, Builtin::Int})) {
      // float("inf"), int("42"): converted when compiling (Sema checked).
      double f = 0;
      int64_t i = 0;
      if (builtin == Builtin::Float)
        parseFloatLiteral(text->value, f);
      else
        parseIntLiteral(text->value, i);
      return Val(builtin == Builtin::Float ? constant(ScalarKind::F64, f, l)
                                           : i64(i, l));
    }
    Value x = arg(0).v();
    if (isArray(x)) // bool(lst): whether the list is not empty
      return Val(truthy(x, l));
    return Val(convert(x, t.scalarKind(), l));
  }
  if (builtinIn(builtin, {Builtin::Floor, Builtin::Ceil, Builtin::Trunc})) {
    // NumPy's floor/ceil/trunc: a float even for integer input.
    Value x = convert(arg(0).v(), t.scalarKind(), l);
    if (builtin == Builtin::Floor)
      return Val(math::FloorOp::create(b, l, x));
    if (builtin == Builtin::Trunc)
      return Val(math::TruncOp::create(b, l, x));
    return Val(math::CeilOp::create(b, l, x));
  }
  error(c->range, "builtin '" + std::string(builtinName(builtin)) +
                      "' is not supported yet");
  return Val(i64(0, l));
}

} // namespace weft
