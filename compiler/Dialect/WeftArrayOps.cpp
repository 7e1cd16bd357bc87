//===- WeftArrayOps.cpp - Verifiers of the weft array ops -----------------===//
//
// The array operations of WeftArrayOps.td: elementwise maps, reductions,
// views, joins, NumPy's searching and order statistics, comprehensions.
//
//===----------------------------------------------------------------------===//
#include "compiler/Dialect/WeftDialect.h"
#include "compiler/Dialect/WeftVerify.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace weft;

Value MapOp::getYielded() {
  return cast<YieldOp>(getBody().front().getTerminator()).getValue();
}

LogicalResult MapOp::verify() {
  auto out = cast<MemRefType>(getOutput().getType());
  if (!runtimeElementKind(out.getElementType()))
    return emitOpError("output element type must be i1, i8, i16, i32, i64, "
                       "ui8, ui16, ui32, f32 or "
                       "f64, got ")
           << out.getElementType();
  mlir::Block &body = getBody().front();
  size_t n = getInputs().size();
  if (body.getNumArguments() != n + 1)
    return emitOpError("body must take one element per input and the "
                       "output's, ")
           << n + 1 << " arguments, got " << body.getNumArguments();
  for (size_t i = 0; i < n; ++i) {
    auto in = cast<MemRefType>(getInputs()[i].getType());
    if (in.getRank() > out.getRank())
      return emitOpError("input ")
             << i << " of rank " << in.getRank()
             << " does not broadcast to the output's rank " << out.getRank();
    if (body.getArgument(i).getType() != in.getElementType())
      return emitOpError("body argument ")
             << i << " must be input " << i << "'s element type "
             << in.getElementType();
  }
  if (body.getArguments().back().getType() != out.getElementType())
    return emitOpError("the body's last argument must be the output's "
                       "element type ")
           << out.getElementType();
  auto yield = dyn_cast<YieldOp>(body.getTerminator());
  if (!yield)
    return emitOpError("body must end with weft.yield");
  if (yield.getValue().getType() != out.getElementType())
    return emitOpError("body must yield the output's element type ")
           << out.getElementType() << ", got " << yield.getValue().getType();
  return success();
}

Value ReduceOp::getYielded() {
  return cast<YieldOp>(getBody().front().getTerminator()).getValue();
}

LogicalResult ScanOp::verify() {
  if (getKind() != ReductionKind::sum && getKind() != ReductionKind::prod)
    return emitOpError("kind must be sum or prod, got ")
           << stringifyReductionKind(getKind());
  auto in = cast<MemRefType>(getInput().getType());
  auto out = cast<MemRefType>(getOutput().getType());
  if (in.getRank() != 1 || out.getRank() != 1)
    return emitOpError("input and output must be 1-D");
  if (!in.getElementType().isIntOrFloat())
    return emitOpError("input elements must be numbers, got ")
           << in.getElementType();
  Type e = out.getElementType();
  if (!(isa<FloatType>(e) || (e.isSignlessInteger() && !e.isInteger(1))))
    return emitOpError("output elements must be floats or signless "
                       "integers, got ")
           << e;
  if (!in.isDynamicDim(0) && !out.isDynamicDim(0) &&
      in.getDimSize(0) != out.getDimSize(0))
    return emitOpError("input and output lengths differ: ")
           << in.getDimSize(0) << " and " << out.getDimSize(0);
  return success();
}

LogicalResult ReduceOp::verify() {
  int64_t rank = static_cast<int64_t>(getDims().size());
  if (rank < 1)
    return emitOpError("needs at least one dimension");
  mlir::Block &body = getBody().front();
  if (body.getNumArguments() != getInputs().size())
    return emitOpError("body must take one element per input, ")
           << getInputs().size() << " arguments, got "
           << body.getNumArguments();
  for (auto [i, in] : llvm::enumerate(getInputs())) {
    auto t = cast<MemRefType>(in.getType());
    if (t.getRank() > rank)
      return emitOpError("input ")
             << i << " of rank " << t.getRank() << " does not broadcast to "
             << rank << " dimensions";
    if (body.getArgument(i).getType() != t.getElementType())
      return emitOpError("body argument ")
             << i << " must be input " << i << "'s element type "
             << t.getElementType();
  }
  auto yield = dyn_cast<YieldOp>(body.getTerminator());
  if (!yield)
    return emitOpError("body must end with weft.yield");
  Type y = yield.getValue().getType();
  if (!runtimeElementKind(y) ||
      (y.isInteger() && !y.isInteger(1) && y.getIntOrFloatBitWidth() < 32))
    return emitOpError("body must yield i1, i32, i64, f32 or f64, got ") << y;
  // The result's element type (of the scalar or of the output).
  Type r;
  if (std::optional<uint64_t> axis = getAxis()) {
    if (*axis >= static_cast<uint64_t>(rank) || rank < 2)
      return emitOpError("axis ") << *axis << " is not one of the " << rank
                                  << " dimensions (at least 2)";
    if (!getOutput() || getResult())
      return emitOpError("along an axis writes an output and returns "
                         "nothing");
    auto out = cast<MemRefType>(getOutput().getType());
    if (out.getRank() != rank - 1)
      return emitOpError("output must have rank ") << rank - 1;
    r = out.getElementType();
  } else {
    if (getOutput() || !getResult())
      return emitOpError("without an axis returns a scalar and writes no "
                         "output");
    r = getResult().getType();
  }
  switch (getKind()) {
  case ReductionKind::any:
  case ReductionKind::all:
    if (!y.isInteger(1) || !r.isInteger(1))
      return emitOpError("any/all fold and return i1");
    break;
  case ReductionKind::argmin:
  case ReductionKind::argmax:
    if (!r.isInteger(64))
      return emitOpError("argmin/argmax return i64, got ") << r;
    break;
  case ReductionKind::mean:
  case ReductionKind::var:
  case ReductionKind::std:
    if (!isa<FloatType>(y))
      return emitOpError("mean/var/std fold floats, got ") << y;
    [[fallthrough]];
  default:
    // A narrow integer output (u8 etc.) holds the i64 the body yields,
    // wrapped.
    if (y != r && !(getAxis() && y.isInteger(64) && r.isInteger() &&
                    r.getIntOrFloatBitWidth() < 64))
      return emitOpError("the result's type ")
             << r << " must be the type the body yields, " << y;
  }
  return success();
}

LogicalResult IndexOp::verify() {
  auto map = (*this)->getParentOfType<MapOp>();
  if (!map || (*this)->getParentOfType<ReduceOp>())
    return emitOpError("must be in the body of a weft.map");
  int64_t rank = cast<MemRefType>(map.getOutput().getType()).getRank();
  if (getDim() < 0 || getDim() >= rank)
    return emitOpError("axis ")
           << getDim() << " is not an axis of the " << rank << "-D output";
  return success();
}

LogicalResult WrapIndexOp::verify() {
  // (I64Attr getters return the bits as uint64_t)
  auto axis = static_cast<int64_t>(getAxis());
  if (axis < -1 || axis >= WEFT_MAX_RANK)
    return emitOpError("axis must be -1 (a list) or 0 to ")
           << WEFT_MAX_RANK - 1 << ", got " << axis;
  if (getLine() < 0)
    return emitOpError("line must not be negative");
  return success();
}

/// A view's type: every size, stride and the offset dynamic (the view is
/// a memref.reinterpret_cast of sizes and strides known only at run time).
static LogicalResult verifyDynamicView(Operation *op, MemRefType t) {
  auto layout = dyn_cast<StridedLayoutAttr>(t.getLayout());
  bool dynamic = layout && ShapedType::isDynamic(layout.getOffset()) &&
                 llvm::all_of(t.getShape(), ShapedType::isDynamic) &&
                 llvm::all_of(layout.getStrides(), ShapedType::isDynamic);
  if (!dynamic)
    return op->emitOpError("result must have dynamic sizes, strides and "
                           "offset, got ")
           << t;
  return success();
}

LogicalResult SliceOp::verify() {
  auto in = cast<MemRefType>(getArray().getType());
  auto out = cast<MemRefType>(getResult().getType());
  ArrayRef<int64_t> axes = getAxes();
  int64_t consumed = llvm::count_if(axes, [](int64_t a) { return a != 32; });
  if (consumed != in.getRank())
    return emitOpError("needs one entry per axis of the array, ")
           << in.getRank() << ", got " << consumed;
  size_t operands = 0;
  int64_t kept = 0;
  for (int64_t a : axes) {
    if (a == 0 || a == 32) {
      ++kept;
    } else if (a == 1) {
      ++operands;
    } else if ((a & 3) == 2 && (a & ~int64_t(31)) == 0) {
      ++kept;
      operands += ((a >> 2) & 1) + ((a >> 3) & 1) + ((a >> 4) & 1);
    } else {
      return emitOpError("axis entry ") << a << " is not 0, 1, a slice or 32";
    }
  }
  if (operands != getBounds().size())
    return emitOpError("the axes take ")
           << operands << " operands, got " << getBounds().size();
  if (out.getRank() != kept || out.getElementType() != in.getElementType())
    return emitOpError("result must be a rank-")
           << kept << " view of " << in.getElementType();
  return verifyDynamicView(*this, out);
}

LogicalResult ViewDtypeOp::verify() {
  auto in = cast<MemRefType>(getArray().getType());
  auto out = cast<MemRefType>(getResult().getType());
  if (out.getRank() != in.getRank())
    return emitOpError("result must be a rank-") << in.getRank() << " view";
  return success();
}

LogicalResult TransposeOp::verify() {
  auto in = cast<MemRefType>(getArray().getType());
  auto out = cast<MemRefType>(getResult().getType());
  if (out.getRank() != in.getRank() ||
      out.getElementType() != in.getElementType())
    return emitOpError("result must be a rank-")
           << in.getRank() << " view of " << in.getElementType();
  if (auto perm = getPermutation()) {
    std::vector<bool> seen(in.getRank(), false);
    bool ok = static_cast<int64_t>(perm->size()) == in.getRank();
    for (int64_t a : *perm) {
      ok = ok && a >= 0 && a < in.getRank() && !seen[a];
      if (ok)
        seen[a] = true;
    }
    if (!ok)
      return emitOpError("permutation must name each of the ")
             << in.getRank() << " axes once";
  }
  return verifyDynamicView(*this, out);
}

LogicalResult ReshapeOp::verify() {
  auto in = cast<MemRefType>(getArray().getType());
  auto out = cast<MemRefType>(getResult().getType());
  if (out.getElementType() != in.getElementType())
    return emitOpError("result must hold ") << in.getElementType();
  int64_t rank = getSizes().empty() ? 1 : getSizes().size();
  if (out.getRank() != rank)
    return emitOpError("result must have rank ")
           << rank << " (one per size; 1 without sizes)";
  if (getLine() < 0)
    return emitOpError("line must not be negative");
  return success();
}

//===----------------------------------------------------------------------===//
// Joining, searching and order statistics
//===----------------------------------------------------------------------===//

LogicalResult ConcatenateOp::verify() {
  if (getInputs().empty())
    return emitOpError("needs at least one array");
  auto r = cast<MemRefType>(getResult().getType());
  int64_t rank = cast<MemRefType>(getInputs()[0].getType()).getRank();
  for (Value in : getInputs()) {
    if (cast<MemRefType>(in.getType()).getRank() != rank)
      return emitOpError("inputs must have one rank, got ")
             << rank << " and " << cast<MemRefType>(in.getType()).getRank();
    if (failed(verifyArrayType(*this, in.getType(), "input")))
      return failure();
  }
  int64_t want = rank + (getStack() ? 1 : 0);
  if (r.getRank() != want)
    return emitOpError("result rank must be ")
           << want << ", got " << r.getRank();
  if (getAxis() < 0 || getAxis() >= want)
    return emitOpError("axis must be between 0 and ")
           << want - 1 << ", got " << getAxis();
  if (failed(verifyLine(*this, getLine())))
    return failure();
  return verifyArrayType(*this, r, "result");
}

/// `values` and `result` of a search: a number and an i64, or arrays of
/// one shape (the result of i64); `sorted` a 1-D array; `compare` a
/// number type.
static LogicalResult verifySearch(Operation *op, Value sorted, Value values,
                                  Value result, Type compare,
                                  StringRef sortedName) {
  auto st = cast<MemRefType>(sorted.getType());
  if (st.getRank() != 1)
    return op->emitOpError()
           << sortedName << " must be a 1-D array, got " << st;
  if (failed(verifyArrayType(op, st, sortedName)))
    return failure();
  if (isa<MemRefType>(compare) || !runtimeElementKind(compare))
    return op->emitOpError("compare type must be a number type, got ")
           << compare;
  auto vt = dyn_cast<MemRefType>(values.getType());
  auto rt = dyn_cast<MemRefType>(result.getType());
  if (!vt) {
    if (failed(verifyValueType(op, values.getType(), "value")))
      return failure();
    if (!result.getType().isInteger(64))
      return op->emitOpError("result of a number must be i64, got ")
             << result.getType();
    return success();
  }
  if (failed(verifyArrayType(op, vt, "values")))
    return failure();
  if (!rt || rt.getRank() != vt.getRank() || !rt.getElementType().isInteger(64))
    return op->emitOpError("result must be an i64 array of rank ")
           << vt.getRank() << ", got " << result.getType();
  return success();
}

LogicalResult SearchSortedOp::verify() {
  return verifySearch(*this, getSorted(), getValues(), getResult(),
                      getCompare(), "sorted array");
}

LogicalResult DigitizeOp::verify() {
  if (failed(verifyLine(*this, getLine())))
    return failure();
  return verifySearch(*this, getBins(), getValues(), getResult(), getCompare(),
                      "bins");
}

LogicalResult UniqueOp::verify() {
  auto a = cast<MemRefType>(getArray().getType());
  auto r = cast<MemRefType>(getResult().getType());
  if (r.getRank() != 1 || r.getElementType() != a.getElementType())
    return emitOpError("result must be a 1-D array of ")
           << a.getElementType() << ", got " << r;
  return verifyArrayType(*this, a, "array");
}

LogicalResult QuantileOp::verify() {
  if (getPercent() && getMedian())
    return emitOpError("a median has no percent");
  if (getQ().getType() != getResult().getType())
    return emitOpError("q and the result must have one type, got ")
           << getQ().getType() << " and " << getResult().getType();
  if (failed(verifyLine(*this, getLine())))
    return failure();
  return verifyArrayType(*this, getArray().getType(), "array");
}

LogicalResult HistogramOp::verify() {
  auto counts = cast<MemRefType>(getCounts().getType());
  auto edges = cast<MemRefType>(getEdges().getType());
  if (counts.getRank() != 1 || edges.getRank() != 1)
    return emitOpError("counts and edges must be 1-D arrays");
  Type ek = edges.getElementType(), ck = counts.getElementType();
  if (!isa<FloatType>(ek))
    return emitOpError("edges must be floats, got ") << ek;
  if (static_cast<bool>(getLow()) != static_cast<bool>(getHigh()))
    return emitOpError("a range needs both low and high");
  if (getLow() && (getLow().getType() != ek || getHigh().getType() != ek))
    return emitOpError("the range must have the edges' type ") << ek;
  if (Value w = getWeights()) {
    auto wt = cast<MemRefType>(w.getType());
    if (wt.getRank() != cast<MemRefType>(getArray().getType()).getRank())
      return emitOpError("weights must have the data's rank");
    if (failed(verifyArrayType(*this, wt, "weights")))
      return failure();
  } else if (!ck.isInteger(64)) {
    return emitOpError("counts without weights must be i64, got ") << ck;
  }
  if (failed(verifyLine(*this, getLine())))
    return failure();
  return verifyArrayType(*this, getArray().getType(), "array");
}

LogicalResult ArangeOp::verify() {
  if (failed(verifyLine(*this, getLine())) ||
      failed(verifyArrayType(*this, getType(), "result")))
    return failure();
  if (cast<MemRefType>(getType()).getRank() != 1)
    return emitOpError("result must be 1-D, got ") << getType();
  return success();
}

LogicalResult LinspaceOp::verify() {
  if (failed(verifyLine(*this, getLine())))
    return failure();
  auto t = cast<MemRefType>(getType());
  if (t.getRank() != 1 || !t.getElementType().isF64())
    return emitOpError("result must be a 1-D f64 array, got ") << getType();
  return success();
}

LogicalResult ComprehensionOp::verify() {
  int64_t fields = getFields();
  if (fields < 1 || fields > static_cast<int64_t>(getOuts().size()))
    return emitOpError("fields must be at least 1 and at most the number "
                       "of results");
  if (failed(verifyLine(*this, getLine())))
    return failure();
  for (Value a : getArrays())
    if (failed(verifyArrayType(*this, a.getType(), "result")))
      return failure();
  TypeRange carried = getCarried().getTypes();
  if (TypeRange(getInits().getTypes()) != carried)
    return emitOpError("carried results must have the types of the initial "
                       "values");
  // Each region: (index, carried...) -> (values..., carried...).
  auto verifyRegion = [&](Region &r, StringRef name,
                          size_t values) -> LogicalResult {
    Block &blk = r.front();
    if (blk.getNumArguments() != carried.size() + 1 ||
        !blk.getArgument(0).getType().isIndex() ||
        TypeRange(blk.getArgumentTypes()).drop_front() != carried)
      return emitOpError() << name
                           << " region must take an index and the carried "
                              "values";
    auto yield = cast<ComprehensionYieldOp>(blk.getTerminator());
    TypeRange ys = yield.getValues().getTypes();
    if (ys.size() != carried.size() + values ||
        ys.drop_front(values) != carried)
      return emitOpError() << name << " region must yield " << values
                           << " value(s) and the carried values";
    return success();
  };
  if (isFiltered()) {
    if (failed(verifyRegion(getCondition(), "condition", 1)))
      return failure();
    auto yield =
        cast<ComprehensionYieldOp>(getCondition().front().getTerminator());
    if (!yield.getValues()[0].getType().isInteger(1))
      return emitOpError("condition region must yield an i1 first");
    for (Value a : getArrays())
      if (cast<MemRefType>(a.getType()).getRank() != 1)
        return emitOpError("a comprehension with a condition must have "
                           "number elements");
  }
  if (failed(verifyRegion(getElement(), "element", fields)))
    return failure();
  auto values = cast<ComprehensionYieldOp>(getElement().front().getTerminator())
                    .getValues();
  for (int64_t k = 0; k < fields; ++k) {
    auto result = cast<MemRefType>(getArrays()[k].getType());
    Type elt = values[k].getType();
    if (isa<MemRefType>(elt) != isa<MemRefType>(values[0].getType()))
      return emitOpError("the fields of an element must be all numbers or "
                         "all arrays");
    if (auto arr = dyn_cast<MemRefType>(elt)) {
      if (arr.getRank() + 1 != result.getRank())
        return emitOpError("array elements must have one axis fewer than "
                           "the result, got ")
               << elt;
      continue;
    }
    if (result.getRank() != 1 || elt != result.getElementType())
      return emitOpError("number elements must have the result's element "
                         "type and a 1-D result, got ")
             << elt;
  }
  return success();
}

/// The constant value of `v`, if it has one.
static std::optional<int64_t> constantOf(Value v) {
  APInt value;
  if (matchPattern(v, m_ConstantInt(&value)))
    return value.getSExtValue();
  return std::nullopt;
}

LogicalResult IterationDrawOp::verify() {
  std::optional<int64_t> draw = constantOf(getDraw());
  if (draw && *draw < 0)
    return emitOpError("draw number must not be negative, got ") << *draw;
  return success();
}

LogicalResult ParallelForOp::verify() {
  size_t n = getInits().size();
  if (getKinds().size() != n || getResults().size() != n)
    return emitOpError("needs one reduction kind and one result per initial "
                       "value");
  TypeRange types = getInits().getTypes();
  if (TypeRange(getResults().getTypes()) != types)
    return emitOpError("results must have the types of the initial values");
  for (auto [attr, t] : llvm::zip(getKinds(), types)) {
    StringRef name = cast<StringAttr>(attr).getValue();
    std::optional<ReductionKind> k = symbolizeReductionKind(name);
    if (!k || (*k != ReductionKind::sum && *k != ReductionKind::prod &&
               *k != ReductionKind::min && *k != ReductionKind::max))
      return emitOpError("reductions are sum, prod, min or max, not ") << name;
    if (!isa<IntegerType, FloatType>(t))
      return emitOpError("reduces numbers, not ") << t;
  }
  Block &body = getBody().front();
  if (body.getNumArguments() != n + 1 ||
      !body.getArgument(0).getType().isInteger(64) ||
      TypeRange(body.getArgumentTypes()).drop_front() != types)
    return emitOpError("body must take the iteration number (i64) and one "
                       "value per reduction");
  auto yield = cast<ParallelYieldOp>(body.getTerminator());
  if (TypeRange(yield.getValues().getTypes()) != types)
    return emitOpError("body must yield one value per reduction");
  return success();
}
