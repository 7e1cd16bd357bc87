//===- LowerVmap.cpp - vmap(f)(args) as a parallel nest of calls ----------===//
//
// Implements weft-lower-vmap (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/ArrayNest.h"
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

namespace weft {
#define GEN_PASS_DEF_LOWERVMAP
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

struct VmapLowering {
  ImplicitLocOpBuilder &b;
  weft::VmapOp op;
  FunctionType callee;
  int64_t line;
  struct Mapped {
    int64_t axis;
    SmallVector<Value, 4> sizes, strides;
    Value base, offset;
  };
  SmallVector<std::optional<Mapped>, 4> mapped;
  Value n; ///< the length of the mapped axes

  Value idx(int64_t v) { return arith::ConstantIndexOp::create(b, v); }

  void prepare() {
    for (Value v : op.getMappedOperands()) {
      auto type = dyn_cast<MemRefType>(v.getType());
      if (!type) {
        mapped.push_back(std::nullopt);
        continue;
      }
      Mapped m;
      int64_t rank = type.getRank();
      int64_t axis = static_cast<int64_t>(op.getAxis());
      m.axis = axis < 0 ? axis + rank : axis;
      auto md = memref::ExtractStridedMetadataOp::create(b, v);
      m.base = md.getBaseBuffer();
      m.offset = md.getOffset();
      m.sizes.assign(md.getSizes().begin(), md.getSizes().end());
      m.strides.assign(md.getStrides().begin(), md.getStrides().end());
      Value len = m.sizes[m.axis];
      if (!n)
        n = len;
      else
        weft::failIf(
            b, arith::CmpIOp::create(b, arith::CmpIPredicate::ne, n, len),
            "ValueError: vmap: the arguments' mapped axes have different "
            "lengths",
            line);
      mapped.push_back(m);
    }
  }

  /// The call's arguments for index `i`: slices (views share buffers) or
  /// elements of the mapped arrays, the other operands as they are.
  SmallVector<Value> argsAt(Value i) {
    SmallVector<Value> out;
    for (auto [k, v] : llvm::enumerate(op.getMappedOperands())) {
      Type param = callee.getInput(k);
      if (!mapped[k]) {
        out.push_back(v);
        continue;
      }
      const Mapped &m = *mapped[k];
      if (m.sizes.size() == 1) {
        out.push_back(
            weft::castNumber(b, memref::LoadOp::create(b, v, i), param));
        continue;
      }
      SmallVector<OpFoldResult> sizes, strides;
      for (size_t d = 0; d < m.sizes.size(); ++d)
        if (static_cast<int64_t>(d) != m.axis) {
          sizes.push_back(m.sizes[d]);
          strides.push_back(m.strides[d]);
        }
      Value offset = arith::AddIOp::create(
          b, m.offset, arith::MulIOp::create(b, i, m.strides[m.axis]));
      out.push_back(memref::ReinterpretCastOp::create(
          b, cast<MemRefType>(param), m.base, OpFoldResult(offset), sizes,
          strides));
    }
    return out;
  }

  Value call(Value i) {
    return func::CallOp::create(b, op.getCalleeAttr(), callee.getResults(),
                                argsAt(i))
        .getResult(0);
  }

  /// A fresh result array of `dims` (MemoryError if its size overflows).
  Value allocResult(SmallVectorImpl<Value> &dims) {
    auto type = cast<MemRefType>(op.getResult().getType());
    weft::CheckedCount c =
        weft::checkedCount(b, dims, weft::elementBytes(type.getElementType()));
    weft::failIf(b, c.overflow,
                 "MemoryError: the array's shape is too large to allocate (its "
                 "size in bytes overflows 64 bits)",
                 line);
    for (Value &d : dims)
      d = arith::SelectOp::create(b, c.overflow, idx(0), d);
    return weft::allocArray(b, type, dims);
  }

  Value lower() {
    prepare();
    auto resultType = cast<MemRefType>(op.getResult().getType());
    Type elem = resultType.getElementType();
    if (!isa<MemRefType>(callee.getResult(0))) {
      // Numbers: one element of the result per call.
      SmallVector<Value, 1> dims{n};
      Value out = allocResult(dims);
      weft::buildArrayNest(b, dims, /*serial=*/false, weft::inGPUFunction(op),
                           [&](ValueRange iv) {
                             memref::StoreOp::create(
                                 b, weft::castNumber(b, call(iv[0]), elem), out,
                                 iv);
                           });
      weft::RaiseRecordedOp::create(b);
      return out;
    }
    // Arrays: the first call gives the shape of every result.
    weft::failIf(b,
                 arith::CmpIOp::create(b, arith::CmpIPredicate::eq, n, idx(0)),
                 "ValueError: vmap over an empty axis: the function's result "
                 "shape is unknown",
                 line);
    Value first = call(idx(0));
    SmallVector<Value, 4> shape = weft::sizesOf(b, first);
    SmallVector<Value, 4> dims{n};
    dims.append(shape.begin(), shape.end());
    Value out = allocResult(dims);
    for (size_t d = 0; d < shape.size(); ++d)
      shape[d] = dims[d + 1];
    auto copyInto = [&](Value r, Value i) {
      weft::buildArrayNest(
          b, shape, /*serial=*/true, false, [&](ValueRange ivs) {
            SmallVector<Value, 4> at{i};
            at.append(ivs.begin(), ivs.end());
            memref::StoreOp::create(
                b, weft::castNumber(b, memref::LoadOp::create(b, r, ivs), elem),
                out, at);
          });
    };
    copyInto(first, idx(0));
    weft::ReleaseOp::create(b, first);
    Value rest = arith::SubIOp::create(b, dims[0], idx(1));
    weft::buildArrayNest(
        b, ValueRange{rest}, /*serial=*/false, weft::inGPUFunction(op),
        [&](ValueRange iv) {
          Value i = arith::AddIOp::create(b, iv[0], idx(1));
          Value r = call(i);
          Value differs = arith::ConstantIntOp::create(b, 0, 1);
          SmallVector<Value, 4> rs = weft::sizesOf(b, r);
          for (size_t d = 0; d < rs.size(); ++d)
            differs = arith::OrIOp::create(
                b, differs,
                arith::CmpIOp::create(b, arith::CmpIPredicate::ne, rs[d],
                                      shape[d]));
          weft::failIf(b, differs,
                       "ValueError: vmap: the function returned arrays of "
                       "different shapes",
                       line);
          auto same = scf::IfOp::create(b, TypeRange{}, differs, true);
          {
            OpBuilder::InsertionGuard g(b);
            b.setInsertionPointToStart(&same.getElseRegion().front());
            copyInto(r, i);
          }
          weft::ReleaseOp::create(b, r);
        });
    weft::RaiseRecordedOp::create(b);
    return out;
  }
};

struct LowerVmapPass : weft::impl::LowerVmapBase<LowerVmapPass> {
  void runOnOperation() override {
    SmallVector<weft::VmapOp> ops;
    getOperation()->walk([&](weft::VmapOp op) { ops.push_back(op); });
    for (weft::VmapOp op : ops) {
      auto callee = SymbolTable::lookupNearestSymbolFrom<func::FuncOp>(
          op, op.getCalleeAttr());
      ImplicitLocOpBuilder b(op.getLoc(), op);
      VmapLowering lowering{b, op, callee.getFunctionType(),
                            static_cast<int64_t>(op.getLine())};
      op.getResult().replaceAllUsesWith(lowering.lower());
      op.erase();
    }
  }
};

} // namespace
