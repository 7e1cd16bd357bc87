//===- WeftOps.cpp - Verifiers of the weft dialect's operations -----------===//
//
// What ODS's type constraints cannot say: formats that match their
// operands, element types the runtime has a kind for, source lines that
// exist, and operand shapes the lowering relies on.
//
//===----------------------------------------------------------------------===//
#include "compiler/Dialect/WeftDialect.h"
#include "compiler/Dialect/WeftVerify.h"
#include <map>

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/LoopLikeInterface.h"

#include <cmath>

using namespace mlir;
using namespace weft;

std::optional<weft_dtype> weft::runtimeElementKind(Type type) {
  // Unsigned types first: isInteger(w) holds for every signedness.
  if (type.isUnsignedInteger(8))
    return WEFT_U8;
  if (type.isUnsignedInteger(16))
    return WEFT_U16;
  if (type.isUnsignedInteger(32))
    return WEFT_U32;
  if (type.isUnsignedInteger(64))
    return WEFT_U64;
  if (type.isSignlessInteger(8))
    return WEFT_I8;
  if (type.isSignlessInteger(16))
    return WEFT_I16;
  if (type.isInteger(1))
    return WEFT_BOOL;
  if (type.isInteger(32))
    return WEFT_I32;
  if (type.isInteger(64))
    return WEFT_I64;
  if (type.isF32())
    return WEFT_F32;
  if (type.isF64())
    return WEFT_F64;
  if (auto c = dyn_cast<ComplexType>(type); c && c.getElementType().isF64())
    return WEFT_C128;
  if (auto c = dyn_cast<ComplexType>(type); c && c.getElementType().isF32())
    return WEFT_C64;
  return std::nullopt;
}

namespace {

/// The number of `{}` placeholders in a print or error format (`{{` and
/// `}}` are escaped braces), or failure for a lone brace.
FailureOr<unsigned> countPlaceholders(StringRef format) {
  unsigned count = 0;
  for (size_t i = 0; i < format.size(); ++i) {
    StringRef rest = format.substr(i);
    if (rest.starts_with("{{") || rest.starts_with("}}")) {
      ++i;
      continue;
    }
    if (rest.starts_with("{}")) {
      ++count;
      ++i;
      continue;
    }
    if (format[i] == '{' || format[i] == '}')
      return failure();
  }
  return count;
}

} // namespace

LogicalResult weft::verifyLine(Operation *op, int64_t line) {
  if (line < 0)
    return op->emitOpError("source line must not be negative, got ") << line;
  return success();
}

/// An array operand or result: ranked, with an element type the runtime
/// knows (bool, i8, i16, i32, i64, u8, u16, u32, f32, f64).
LogicalResult weft::verifyArrayType(Operation *op, Type type, StringRef what) {
  auto mt = dyn_cast<MemRefType>(type);
  if (!mt)
    return op->emitOpError() << what << " must be a memref, got " << type;
  if (!runtimeElementKind(mt.getElementType()))
    return op->emitOpError()
           << what << " has element type " << mt.getElementType()
           << ", which the runtime does not support (bool, i8, i16, i32, "
              "i64, u8, u16, u32, f32, f64)";
  return success();
}

/// A scalar (i1, i32, i64, f32, f64) or an array of those.
LogicalResult weft::verifyValueType(Operation *op, Type type, StringRef what) {
  if (isa<MemRefType>(type))
    return verifyArrayType(op, type, what);
  if (!runtimeElementKind(type))
    return op->emitOpError() << what << " has type " << type
                             << ", which the runtime does not support";
  return success();
}

LogicalResult weft::verifyName(Operation *op, StringRef name, StringRef what) {
  if (name.empty())
    return op->emitOpError() << what << " must not be empty";
  return success();
}

LogicalResult PrintOp::verify() {
  FailureOr<unsigned> n = countPlaceholders(getFormat());
  if (failed(n))
    return emitOpError("format has a lone '{' or '}' (write '{{' or '}}')");
  // A list of tuples takes one placeholder for its fields.
  size_t grouped = 0;
  std::optional<ArrayRef<int64_t>> groups = getTupleLists();
  std::optional<ArrayAttr> formats = getTupleFormats();
  if (groups.has_value() != formats.has_value())
    return emitOpError("tuple_lists and tuple_formats go together");
  if (groups) {
    if (groups->size() % 2 || groups->size() / 2 != formats->size())
      return emitOpError("tuple_lists holds a (first, count) pair per entry "
                         "of tuple_formats");
    int64_t end = 0;
    for (size_t g = 0; g < groups->size(); g += 2) {
      int64_t first = (*groups)[g], count = (*groups)[g + 1];
      if (first < end || count < 1 ||
          first + count > int64_t(getValues().size()))
        return emitOpError("tuple_lists names operands out of order or "
                           "range");
      end = first + count;
      for (int64_t i = first; i < end; ++i) {
        auto mt = dyn_cast<MemRefType>(getValues()[i].getType());
        if (!mt || mt.getRank() != 1)
          return emitOpError("a tuple list's field ")
                 << i << " is not a 1-D array";
      }
      StringRef f = cast<StringAttr>((*formats)[g / 2]).getValue();
      FailureOr<unsigned> fields = countPlaceholders(f);
      if (failed(fields) || int64_t(*fields) != count)
        return emitOpError("tuple format '")
               << f << "' does not have " << count << " placeholders";
      grouped += size_t(count - 1);
    }
  }
  if (*n + grouped != getValues().size())
    return emitOpError("format has ")
           << *n << " placeholders but " << getValues().size() << " operands";
  for (Value v : getValues()) {
    auto ct = dyn_cast<ComplexType>(v.getType());
    if (ct && (ct.getElementType().isF64() || ct.getElementType().isF32()))
      continue; // complex numbers print as Python's repr
    if (failed(verifyValueType(*this, v.getType(), "operand")))
      return failure();
  }
  if (std::optional<ArrayRef<int64_t>> lists = getLists())
    for (int64_t i : *lists) {
      auto mt = i >= 0 && i < int64_t(getValues().size())
                    ? dyn_cast<MemRefType>(getValues()[i].getType())
                    : MemRefType();
      if (!mt || mt.getRank() != 1)
        return emitOpError("lists names operand ")
               << i << ", which is not a 1-D array";
    }
  if (std::optional<ArrayRef<int64_t>> strings = getStrings()) {
    if (strings->size() % 2)
      return emitOpError("strings holds (operand, quoted) pairs");
    for (size_t k = 0; k < strings->size(); k += 2) {
      int64_t i = (*strings)[k];
      auto mt = i >= 0 && i < int64_t(getValues().size())
                    ? dyn_cast<MemRefType>(getValues()[i].getType())
                    : MemRefType();
      if (!mt || mt.getRank() != 1 ||
          !mt.getElementType().isUnsignedInteger(32))
        return emitOpError("strings names operand ")
               << i << ", which is not a 1-D array of ui32 code points";
    }
  }
  return success();
}

LogicalResult RetainOp::verify() {
  return verifyArrayType(*this, getArray().getType(), "operand");
}

LogicalResult ReleaseOp::verify() {
  return verifyArrayType(*this, getArray().getType(), "operand");
}

LogicalResult NullArrayOp::verify() {
  return verifyArrayType(*this, getType(), "result");
}

LogicalResult FailOp::verify() { return verifyLine(*this, getLine()); }

LogicalResult LibmOp::verify() {
  StringRef f = getFunction();
  size_t arity = f == "hypot" || f == "nextafter"                 ? 2
                 : f == "tgamma" || f == "lgamma" || f == "expm1" ? 1
                                                                  : 0;
  if (arity == 0)
    return emitOpError("function must be hypot, nextafter, tgamma, lgamma or "
                       "expm1, not '")
           << getFunction() << "'";
  if (getOperands().size() != arity)
    return emitOpError() << getFunction() << " takes " << arity
                         << (arity == 1 ? " operand" : " operands");
  return success();
}

LogicalResult CheckOp::verify() {
  if (getMessage().empty())
    return emitOpError("needs a message");
  return verifyLine(*this, getLine());
}

LogicalResult StackCheckOp::verify() {
  if (failed(verifyName(*this, getFunction(), "function name")))
    return failure();
  return verifyLine(*this, getLine());
}

LogicalResult AllocSiteOp::verify() { return verifyLine(*this, getLine()); }

LogicalResult MetricsEnterOp::verify() {
  return verifyName(*this, getEntry(), "entry name");
}

LogicalResult MetricsExitOp::verify() {
  return verifyName(*this, getEntry(), "entry name");
}

LogicalResult ArgvOp::verify() {
  if (getFallback().getType() != getType())
    return emitOpError("result type ")
           << getType() << " differs from the default's type "
           << getFallback().getType();
  return verifyLine(*this, getLine());
}

LogicalResult LoadNpyOp::verify() {
  if (failed(verifyName(*this, getPath(), "path")) ||
      failed(verifyArrayType(*this, getType(), "result")))
    return failure();
  return verifyLine(*this, getLine());
}

LogicalResult SaveNpyOp::verify() {
  if (failed(verifyName(*this, getPath(), "path")) ||
      failed(verifyArrayType(*this, getArray().getType(), "operand")))
    return failure();
  return verifyLine(*this, getLine());
}

LogicalResult ListCapacityOp::verify() {
  auto mt = cast<MemRefType>(getList().getType());
  if (failed(verifyArrayType(*this, mt, "operand")))
    return failure();
  if (mt.getRank() != 1)
    return emitOpError("measures a 1-D list, not an array of rank ")
           << mt.getRank();
  return success();
}

LogicalResult ListGrowOp::verify() {
  auto mt = cast<MemRefType>(getList().getType());
  if (failed(verifyArrayType(*this, mt, "operand")))
    return failure();
  if (mt.getRank() != 1)
    return emitOpError("grows a 1-D list, not an array of rank ")
           << mt.getRank();
  return verifyLine(*this, getLine());
}

LogicalResult ShapeErrorOp::verify() {
  FailureOr<unsigned> n = countPlaceholders(getFormat());
  if (failed(n))
    return emitOpError("format has a lone '{' or '}' (write '{{' or '}}')");
  // Each shape is a rank followed by that many sizes: at least one value.
  if (*n > getShapes().size())
    return emitOpError("format has ") << *n << " placeholders but only "
                                      << getShapes().size() << " shape values";
  return verifyLine(*this, getLine());
}

LogicalResult BroadcastShapeOp::verify() {
  if (getArrays().empty())
    return emitOpError("needs at least one array");
  size_t rank = getSizes().size();
  if (rank == 0)
    return emitOpError("needs at least one result (the broadcast rank)");
  if (!getTarget().empty() && getTarget().size() != rank)
    return emitOpError("has ") << getTarget().size() << " target sizes for "
                               << rank << " results (one size per axis)";
  for (Value a : getArrays()) {
    auto type = cast<MemRefType>(a.getType());
    if (static_cast<size_t>(type.getRank()) > rank)
      return emitOpError("operand of rank ")
             << type.getRank() << " cannot broadcast to rank " << rank;
  }
  return verifyLine(*this, getLine());
}

LogicalResult IndexErrorOp::verify() {
  // I64Attr getters return the bits as uint64_t.
  // (-1: the index of a Python list)
  auto axis = static_cast<int64_t>(getAxis());
  if (axis < -1)
    return emitOpError("axis must be -1 (a list) or more, got ") << axis;
  return verifyLine(*this, getLine());
}

/// Static sizes that disagree can never multiply.
static LogicalResult verifyProductShapes(Operation *op, MemRefType a,
                                         MemRefType b, MemRefType c) {
  if (a.getRank() != 2 || b.getRank() != 2 || c.getRank() != 2)
    return op->emitOpError("operands must be 2-D arrays");
  auto clash = [](int64_t x, int64_t y) {
    return !ShapedType::isDynamic(x) && !ShapedType::isDynamic(y) && x != y;
  };
  if (clash(a.getDimSize(1), b.getDimSize(0)) ||
      clash(a.getDimSize(0), c.getDimSize(0)) ||
      clash(b.getDimSize(1), c.getDimSize(1)))
    return op->emitOpError("static shapes do not match for a matrix product");
  return success();
}

/// Whether every value of `from` converts to `to` without loss of range
/// (bool to anything, an integer to a wider one or to a float, f32 to f64).
static bool widens(Type from, Type to) {
  if (from == to || from.isInteger(1))
    return true;
  if (isa<IntegerType>(from))
    return isa<FloatType>(to) ||
           (isa<IntegerType>(to) &&
            to.getIntOrFloatBitWidth() > from.getIntOrFloatBitWidth());
  return from.isF32() && to.isF64();
}

LogicalResult LaunchOp::verify() {
  auto kernel = SymbolTable::lookupNearestSymbolFrom<func::FuncOp>(
      *this, getKernelAttr());
  if (!kernel)
    return emitOpError("kernel ") << getKernelAttr() << " is not a function";
  FunctionType type = kernel.getFunctionType();
  size_t n = getKernelOperands().size();
  if (type.getNumInputs() != n + 6 || type.getNumResults() != 0)
    return emitOpError("kernel must take the ")
           << n << " operands and six i64 grid values, and return nothing";
  for (size_t i = 0; i < type.getNumInputs(); ++i) {
    Type want = i < n ? getKernelOperands()[i].getType()
                      : IntegerType::get(getContext(), 64);
    if (type.getInput(i) != want)
      return emitOpError("kernel parameter ")
             << i << " is " << type.getInput(i) << ", not " << want;
  }
  return verifyLine(*this, getLine());
}

LogicalResult VmapOp::verify() {
  auto callee = SymbolTable::lookupNearestSymbolFrom<func::FuncOp>(
      *this, getCalleeAttr());
  if (!callee)
    return emitOpError("callee ") << getCalleeAttr() << " is not a function";
  FunctionType type = callee.getFunctionType();
  if (type.getNumInputs() != getMappedOperands().size() ||
      type.getNumResults() != 1)
    return emitOpError("callee must take one parameter per operand and "
                       "return one value");
  bool mapped = false;
  for (auto [operand, param] :
       llvm::zip(getMappedOperands().getTypes(), type.getInputs())) {
    auto array = dyn_cast<MemRefType>(operand);
    if (!array)
      continue;
    mapped = true;
    int64_t rank = array.getRank(), axis = static_cast<int64_t>(getAxis());
    if (axis < -rank || axis >= rank)
      return emitOpError("axis ")
             << axis << " is outside an operand of rank " << rank;
    auto slice = dyn_cast<MemRefType>(param);
    if (rank == 1 ? isa<MemRefType>(param)
                  : !slice || slice.getRank() != rank - 1)
      return emitOpError("parameter for an operand of rank ")
             << rank << " must be "
             << (rank == 1 ? "a number" : "an array of rank ")
             << (rank == 1 ? "" : std::to_string(rank - 1));
  }
  if (!mapped)
    return emitOpError("needs at least one array operand to map");
  auto result = cast<MemRefType>(getResult().getType());
  auto calleeResult = dyn_cast<MemRefType>(type.getResult(0));
  int64_t want = 1 + (calleeResult ? calleeResult.getRank() : 0);
  if (result.getRank() != want)
    return emitOpError("result must have rank ") << want;
  return verifyLine(*this, getLine());
}

LogicalResult MatmulOp::verify() {
  auto a = cast<MemRefType>(getA().getType());
  auto b = cast<MemRefType>(getB().getType());
  auto c = cast<MemRefType>(getC().getType());
  bool ranksOk = a.getRank() >= 1 && a.getRank() <= 2 && b.getRank() >= 1 &&
                 b.getRank() <= 2 && a.getRank() + b.getRank() >= 3;
  if (!ranksOk || c.getRank() != a.getRank() + b.getRank() - 2)
    return emitOpError("operands must be 1-D or 2-D (not both 1-D) and the "
                       "product of rank ")
           << (a.getRank() + b.getRank() - 2);
  if (a.getRank() == 2 && b.getRank() == 2 &&
      failed(verifyProductShapes(*this, a, b, c)))
    return failure();
  Type e = c.getElementType();
  if (isa<ComplexType>(e) && runtimeElementKind(e)) {
    // complex128: both operands complex128 too.
    if (a.getElementType() != e || b.getElementType() != e)
      return emitOpError("a complex product takes two ") << e << " operands";
    return success();
  }
  if (!e.isInteger(32) && !e.isInteger(64) && !e.isF32() && !e.isF64())
    return emitOpError("result element type must be i32, i64, f32, f64 or "
                       "complex<f64>, got ")
           << e;
  for (Type t : {a.getElementType(), b.getElementType()})
    if (!runtimeElementKind(t) || !widens(t, e))
      return emitOpError("operand element type ")
             << t << " does not widen to " << e;
  return success();
}

LogicalResult GemmOp::verify() {
  auto a = cast<MemRefType>(getA().getType());
  auto b = cast<MemRefType>(getB().getType());
  auto c = cast<MemRefType>(getC().getType());
  if (failed(verifyProductShapes(*this, a, b, c)))
    return failure();
  Type e = a.getElementType();
  if (!e.isF32() && !e.isF64())
    return emitOpError("element type must be f32 or f64, got ") << e;
  if (b.getElementType() != e || c.getElementType() != e)
    return emitOpError("operands must have one element type");
  return success();
}

LogicalResult SessionGetOp::verify() {
  if (failed(verifyName(*this, getName(), "variable name")))
    return failure();
  return verifyValueType(*this, getType(), "result");
}

LogicalResult SessionSetOp::verify() {
  if (failed(verifyName(*this, getName(), "variable name")))
    return failure();
  return verifyValueType(*this, getValue().getType(), "operand");
}

LogicalResult CheckInterruptOp::verify() {
  return verifyLine(*this, getLine());
}

LogicalResult SortOp::verify() {
  auto mt = cast<MemRefType>(getArray().getType());
  if (mt.getRank() < 1)
    return emitOpError("operand must have at least one axis");
  return verifyArrayType(*this, mt, "operand");
}

LogicalResult DecomposeOp::verify() {
  StringRef f = getFunction();
  static const std::map<std::string, size_t> results = {
      {"eigh", 2}, {"svd", 3},     {"svd_reduced", 3}, {"svdvals", 1},
      {"eig", 2},  {"eigvals", 1}, {"qr", 2},          {"qr_complete", 2}};
  auto it = results.find(f.str());
  if (it == results.end())
    return emitOpError("function must be eigh, svd, svd_reduced, svdvals, "
                       "eig, eigvals, qr or qr_complete, got ")
           << f;
  size_t outs = it->second;
  auto a = cast<MemRefType>(getA().getType());
  if (a.getRank() != 2 || !a.getElementType().isF64())
    return emitOpError("takes a 2-D f64 matrix");
  if (getOuts().size() != outs)
    return emitOpError(f) << " has " << outs << " results, got "
                          << getOuts().size();
  for (Value out : getOuts()) {
    auto t = cast<MemRefType>(out.getType());
    if (!t.getElementType().isF64() || t.getRank() < 1 || t.getRank() > 2)
      return emitOpError("results are 1-D or 2-D f64 arrays");
  }
  return success();
}

LogicalResult LinalgOp::verify() {
  StringRef f = getFunction();
  if (f != "solve" && f != "inv" && f != "det" && f != "cholesky")
    return emitOpError("function must be solve, inv, det or cholesky, got ")
           << f;
  auto a = cast<MemRefType>(getA().getType());
  auto out = cast<MemRefType>(getOut().getType());
  Type elem = a.getElementType();
  bool complex = isa<ComplexType>(elem) &&
                 cast<ComplexType>(elem).getElementType().isF64();
  if (a.getRank() != 2 || (!elem.isF64() && !complex) ||
      out.getElementType() != elem)
    return emitOpError("takes a 2-D matrix of f64 or complex<f64> and a "
                       "result of its element type");
  if ((f == "solve") != static_cast<bool>(getB()))
    return emitOpError("takes a right side for solve only");
  if (f == "solve") {
    auto b = cast<MemRefType>(getB().getType());
    if (b.getRank() < 1 || b.getRank() > 2 || b.getRank() != out.getRank() ||
        b.getElementType() != elem)
      return emitOpError("solve's right side and result are arrays of the "
                         "matrix's element type, of one rank, 1 or 2");
  } else if (out.getRank() != (f == "det" ? 1 : 2)) {
    return emitOpError("result must have rank ") << (f == "det" ? 1 : 2);
  }
  return success();
}

LogicalResult ArgsortOp::verify() {
  auto a = cast<MemRefType>(getArray().getType());
  auto idx = cast<MemRefType>(getIndices().getType());
  if (a.getRank() < 1)
    return emitOpError("operand must have at least one axis");
  if (idx.getRank() != a.getRank())
    return emitOpError("indices must have the operand's rank ")
           << a.getRank() << ", got " << idx.getRank();
  if (!idx.getElementType().isInteger(64))
    return emitOpError("indices must be i64, got ") << idx.getElementType();
  return verifyArrayType(*this, a, "operand");
}

/// The result of a selection from `array` (weft.compress, weft.gather):
/// rank `rank`, the array's element type, a runtime element type, a line.
static LogicalResult verifySelection(Operation *op, MemRefType array,
                                     MemRefType result, int64_t rank,
                                     int64_t line) {
  if (result.getRank() != rank)
    return op->emitOpError("result rank must be ")
           << rank << ", got " << result.getRank();
  if (result.getElementType() != array.getElementType())
    return op->emitOpError("result element type must be the array's, ")
           << array.getElementType();
  if (failed(verifyLine(op, line)))
    return failure();
  return verifyArrayType(op, array, "array");
}

LogicalResult CompressOp::verify() {
  auto a = cast<MemRefType>(getArray().getType());
  auto m = cast<MemRefType>(getMask().getType());
  auto r = cast<MemRefType>(getResult().getType());
  if (!m.getElementType().isInteger(1))
    return emitOpError("mask must be a bool (i1) array, got ")
           << m.getElementType();
  if (m.getRank() < 1 || m.getRank() > a.getRank())
    return emitOpError("mask rank must be between 1 and the array's rank ")
           << a.getRank() << ", got " << m.getRank();
  return verifySelection(*this, a, r, a.getRank() - m.getRank() + 1, getLine());
}

LogicalResult GatherOp::verify() {
  auto a = cast<MemRefType>(getArray().getType());
  auto idx = cast<MemRefType>(getIndices().getType());
  auto r = cast<MemRefType>(getResult().getType());
  if (a.getRank() < 1)
    return emitOpError("array must have at least one axis");
  Type ie = idx.getElementType();
  if (!(ie.isInteger(8) || ie.isInteger(16) || ie.isInteger(32) ||
        ie.isInteger(64)) ||
      idx.getRank() < 1)
    return emitOpError("indices must be an i32 or i64 array, got ") << idx;
  return verifySelection(*this, a, r, idx.getRank() + a.getRank() - 1,
                         getLine());
}

LogicalResult PairwiseSumOp::verify() {
  auto mt = cast<MemRefType>(getArray().getType());
  if (mt.getRank() != 1)
    return emitOpError("operand must be a 1-D array, got rank ")
           << mt.getRank();
  if (!mt.getElementType().isF64() || !getType().isF64())
    return emitOpError("operand and result must be f64");
  return success();
}

/// The loop a weft.parallel_work or weft.parallel_if applies to, or null
/// when canonicalization inlined that loop's one iteration.
static Operation *markedLoop(Operation *mark) {
  Operation *loop = mark->getParentOp();
  if (isa_and_nonnull<memref::AllocaScopeOp>(loop) &&
      isa_and_nonnull<omp::LoopNestOp>(loop->getParentOp()))
    loop = loop->getParentOp();
  return isa_and_nonnull<scf::ParallelOp, omp::LoopNestOp>(loop) ? loop
                                                                 : nullptr;
}

/// Checks that `value` is defined outside `loop` (a loop-invariant property
/// of the whole nest).
static LogicalResult verifyDefinedOutside(Operation *op, Operation *loop,
                                          Value value, StringRef what) {
  if (loop->isAncestor(value.getParentRegion()->getParentOp()))
    return op->emitOpError(what) << " must be defined outside the loop";
  return success();
}

namespace {

/// Whether `op` is in the body of a loop: scf.for, scf.while, scf.parallel,
/// or the omp.loop_nest convert-scf-to-openmp makes of an scf.parallel.
bool inLoopBody(Operation *op) {
  return op->getParentOfType<LoopLikeOpInterface>() ||
         op->getParentOfType<omp::LoopNestOp>() ||
         op->getParentOfType<ParallelForOp>();
}

} // namespace

LogicalResult TryOp::verify() {
  for (Region *r : {&getBody(), &getHandler()}) {
    if (r->empty())
      return emitOpError("needs a body and an except block");
    for (Block &block : *r) {
      auto yield = dyn_cast<TryYieldOp>(block.getTerminator());
      if (!yield)
        continue;
      if (yield.getValues().getTypes() != getResultTypes())
        return yield.emitOpError("yields types other than the try's results");
    }
  }
  return success();
}

LogicalResult KeepLoopOp::verify() {
  if (!inLoopBody(*this))
    return emitOpError("must be in the body of a loop");
  return success();
}

LogicalResult RngBeginIterationOp::verify() {
  if (!inLoopBody(*this))
    return emitOpError("must be in the body of a loop (the iteration it "
                       "keys)");
  return success();
}

LogicalResult RngEndIterationOp::verify() {
  if (!inLoopBody(*this))
    return emitOpError("must be in the body of a loop (the iteration it "
                       "ends)");
  return success();
}

/// The runtime's services run on the host: not in code for the device (a
/// gpu.launch body or a GPU module), where weft-gpu-map-loops keeps them
/// from going.
static LogicalResult verifyOnHost(Operation *op) {
  for (Operation *p = op->getParentOp(); p; p = p->getParentOp())
    if (isa<gpu::LaunchOp, gpu::GPUModuleOp>(p))
      return op->emitOpError("calls the runtime, which code on the device "
                             "cannot reach");
  return success();
}

LogicalResult TimeOp::verify() { return verifyOnHost(*this); }
LogicalResult BenchWorkOp::verify() { return verifyOnHost(*this); }
LogicalResult RngStreamOp::verify() { return verifyOnHost(*this); }
LogicalResult RngBitsOp::verify() { return verifyOnHost(*this); }
LogicalResult RngSeedOp::verify() { return verifyOnHost(*this); }
LogicalResult RngSerialOp::verify() { return verifyOnHost(*this); }
LogicalResult MtUniformOp::verify() { return verifyOnHost(*this); }
LogicalResult MtNormalOp::verify() { return verifyOnHost(*this); }
LogicalResult MtFillUniformOp::verify() { return verifyOnHost(*this); }
LogicalResult MtRandintOp::verify() { return verifyOnHost(*this); }
LogicalResult RaiseRecordedOp::verify() { return verifyOnHost(*this); }
LogicalResult InterruptRequestedOp::verify() { return verifyOnHost(*this); }

LogicalResult MetricsParallelRegionOp::verify() {
  // It counts outermost regions: one in a parallel loop would count each
  // iteration, from several threads.
  if ((*this)->getParentOfType<scf::ParallelOp>() ||
      (*this)->getParentOfType<omp::ParallelOp>())
    return emitOpError("must not be inside a parallel loop or region");
  return success();
}

LogicalResult ParallelWorkOp::verify() {
  auto par = dyn_cast<scf::ParallelOp>((*this)->getParentOp());
  if (!par)
    return emitOpError("must be directly in the body of an scf.parallel");
  if (par.getNumResults() != 0)
    return emitOpError("marks loop nests without reductions only");
  return verifyDefinedOutside(*this, par, getWork(), "work");
}

LogicalResult ParallelIfOp::verify() {
  // scf.parallel, or the omp.loop_nest convert-scf-to-openmp made of it
  // (whose body it wraps in a memref.alloca_scope).
  Operation *loop = markedLoop(*this);
  if (!loop)
    return emitOpError("must be directly in the body of an scf.parallel or "
                       "omp.loop_nest");
  return verifyDefinedOutside(*this, loop, getCondition(), "condition");
}

LogicalResult CheckOp::canonicalize(CheckOp op, PatternRewriter &rewriter) {
  if (!matchPattern(op.getFailed(), m_Zero()))
    return failure();
  rewriter.eraseOp(op);
  return success();
}

LogicalResult RetainOp::canonicalize(RetainOp op, PatternRewriter &rewriter) {
  if (!op.getArray().getDefiningOp<NullArrayOp>())
    return failure();
  rewriter.eraseOp(op);
  return success();
}

LogicalResult ReleaseOp::canonicalize(ReleaseOp op, PatternRewriter &rewriter) {
  if (!op.getArray().getDefiningOp<NullArrayOp>())
    return failure();
  rewriter.eraseOp(op);
  return success();
}

LogicalResult ParallelWorkOp::canonicalize(ParallelWorkOp op,
                                           PatternRewriter &rewriter) {
  auto par = dyn_cast_or_null<scf::ParallelOp>(op->getParentOp());
  if (par && par.getNumResults() == 0)
    return failure();
  rewriter.eraseOp(op);
  return success();
}

LogicalResult ParallelIfOp::canonicalize(ParallelIfOp op,
                                         PatternRewriter &rewriter) {
  if (markedLoop(op))
    return failure();
  rewriter.eraseOp(op);
  return success();
}

OpFoldResult Atan2Op::fold(FoldAdaptor adaptor) {
  auto y = dyn_cast_or_null<FloatAttr>(adaptor.getY());
  auto x = dyn_cast_or_null<FloatAttr>(adaptor.getX());
  if (!y || !x)
    return {};
  // C's atan2 on the host: exact for the zeros and infinities it defines.
  if (getType().isF32())
    return FloatAttr::get(getType(), std::atan2(y.getValue().convertToFloat(),
                                                x.getValue().convertToFloat()));
  return FloatAttr::get(getType(), std::atan2(y.getValue().convertToDouble(),
                                              x.getValue().convertToDouble()));
}

#include "compiler/Dialect/WeftEnums.cpp.inc"

#define GET_OP_CLASSES
#include "compiler/Dialect/WeftOps.cpp.inc"

//===----------------------------------------------------------------------===//
// Folders of Python's integer arithmetic (floats are left to run time).
//===----------------------------------------------------------------------===//

namespace {
/// Folds `fn` over two integer constants of `type`.
OpFoldResult
foldInts(Type type, Attribute lhs, Attribute rhs,
         llvm::function_ref<APInt(const APInt &, const APInt &)> fn) {
  auto l = dyn_cast_or_null<IntegerAttr>(lhs);
  auto r = dyn_cast_or_null<IntegerAttr>(rhs);
  if (!l || !r)
    return {};
  return IntegerAttr::get(type, fn(l.getValue(), r.getValue()));
}

bool divisionWraps(const APInt &l, const APInt &r) {
  return l.isMinSignedValue() && r.isAllOnes();
}
} // namespace

OpFoldResult FloorDivOp::fold(FoldAdaptor adaptor) {
  return foldInts(getType(), adaptor.getLhs(), adaptor.getRhs(),
                  [](const APInt &l, const APInt &r) {
                    if (r.isZero())
                      return APInt::getZero(l.getBitWidth());
                    if (divisionWraps(l, r))
                      return l;
                    APInt q = l.sdiv(r);
                    if (!l.srem(r).isZero() && l.isNegative() != r.isNegative())
                      q -= 1;
                    return q;
                  });
}

OpFoldResult ModOp::fold(FoldAdaptor adaptor) {
  return foldInts(getType(), adaptor.getLhs(), adaptor.getRhs(),
                  [](const APInt &l, const APInt &r) {
                    if (r.isZero() || divisionWraps(l, r))
                      return APInt::getZero(l.getBitWidth());
                    APInt m = l.srem(r);
                    if (!m.isZero() && m.isNegative() != r.isNegative())
                      m += r;
                    return m;
                  });
}

OpFoldResult ShiftLeftOp::fold(FoldAdaptor adaptor) {
  return foldInts(getType(), adaptor.getLhs(), adaptor.getRhs(),
                  [](const APInt &l, const APInt &r) {
                    if (r.uge(l.getBitWidth()))
                      return APInt::getZero(l.getBitWidth());
                    return l.shl(r);
                  });
}

OpFoldResult ShiftRightOp::fold(FoldAdaptor adaptor) {
  return foldInts(getType(), adaptor.getLhs(), adaptor.getRhs(),
                  [](const APInt &l, const APInt &r) {
                    if (r.uge(l.getBitWidth()))
                      return l.isNegative() ? APInt::getAllOnes(l.getBitWidth())
                                            : APInt::getZero(l.getBitWidth());
                    return l.ashr(r);
                  });
}
