//===- MLIRGenStructured.cpp - Typed AST to MLIR: structured arrays -------===//
//
// A structured array is the memref of its bytes (i8) with one more axis,
// the records' bytes; a record is a view of one record's bytes. A field is
// the slice of the bytes it takes (weft.slice of the last axis) read as
// the field's type (weft.view_dtype, which moves the view's start to the
// field's first byte, however aligned): a number of a record is the one
// element of that view; a field of an array of records drops the axis.
//
//===----------------------------------------------------------------------===//
#include "compiler/MLIRGen/MLIRGenImpl.h"

using namespace mlir;

namespace weft {

const StrLitExpr *FunctionGen::structuredFieldName(const IndexExpr *ix) {
  if (ix->indices.size() != 1 || !fn.typeOf(ix->base.get()).isStructured())
    return nullptr;
  return ix->indices[0]->dyn<StrLitExpr>();
}

StructuredField FunctionGen::structuredFieldOf(const weft::Type &t,
                                               const std::string &name) {
  // (Sema checked the field and the dtype.)
  return *StructuredLayout::parse(t.structuredSpec())->find(name);
}

Value FunctionGen::structuredFieldView(Value bytes, const weft::Type &t,
                                       const StructuredField &f, int64_t ln,
                                       Location l) {
  int rank = t.rank();
  // The field's bytes of every record: weft.slice's whole axes, then the
  // last axis's [offset, offset + bytes).
  SmallVector<int64_t, 4> axes(rank - 1, 0);
  axes.push_back(2 | 4 | 8);
  SmallVector<Value, 2> bounds{index(f.offset, l),
                               index(f.offset + f.bytes(), l)};
  Value sub = weft::SliceOp::create(
                  b, l, toMLIR(weft::Type::array(ScalarKind::U8, rank)), bytes,
                  bounds, b.getDenseI64ArrayAttr(axes))
                  .getResult();
  return emitViewDtype(sub, weft::Type::array(f.kind, rank), ln, l);
}

Val FunctionGen::emitStructuredField(Value bytes, const weft::Type &t,
                                     const std::string &name, int64_t ln,
                                     Location l) {
  StructuredField f = structuredFieldOf(t, name);
  Value view = structuredFieldView(bytes, t, f, ln, l);
  if (f.shape.size() == 1)
    return Val(view); // a sub-array: its axis is the view's last
  if (f.shape.size() > 1) {
    // A sub-array of several axes: the view's last axis (contiguous) as
    // the field's axes, in row-major order.
    ArrayMeta m = arrayMeta(view, l);
    m.sizes.pop_back();
    m.strides.pop_back();
    SmallVector<Value, 4> inner;
    int64_t stride = 1;
    for (size_t d = f.shape.size(); d-- > 0;) {
      inner.insert(inner.begin(), index(stride, l));
      stride *= f.shape[d];
    }
    for (int64_t n : f.shape)
      m.sizes.push_back(index(n, l));
    m.strides.append(inner.begin(), inner.end());
    return Val(makeView(view, f.kind, m.offset, m.sizes, m.strides, l));
  }
  if (t.isRecordValue())
    return Val(convert(memref::LoadOp::create(b, l, view, index(0, l)),
                       computeKind(f.kind), l));
  // The records' axes whole, the field's one element.
  int rank = t.structuredRank();
  SmallVector<int64_t, 4> axes(rank, 0);
  axes.push_back(1);
  return Val(weft::SliceOp::create(
                 b, l, toMLIR(weft::Type::array(f.kind, rank)), view,
                 ValueRange{index(0, l)}, b.getDenseI64ArrayAttr(axes))
                 .getResult());
}

void FunctionGen::storeStructuredField(Value bytes, const weft::Type &t,
                                       const std::string &name, Value v,
                                       int64_t ln, Location l) {
  StructuredField f = structuredFieldOf(t, name);
  Value view = structuredFieldView(bytes, t, f, ln, l);
  memref::StoreOp::create(b, l, convert(v, f.kind, l), view, index(0, l));
}

} // namespace weft
