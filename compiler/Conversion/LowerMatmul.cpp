//===- LowerMatmul.cpp - weft.matmul to BLAS, loops or GPU loops ----------===//
//
// Implements weft-lower-matmul (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/ArrayNest.h"
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Complex/IR/Complex.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"

namespace weft {
#define GEN_PASS_DEF_LOWERMATMUL
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

/// The arithmetic of one element type. Complex numbers: CPython's plain
/// product on the parts (as weft-lower-complex writes `*`).
struct Arith {
  ImplicitLocOpBuilder &b;
  Type type;
  bool isFloat() const { return isa<FloatType>(type); }
  ComplexType complexType() const { return dyn_cast<ComplexType>(type); }
  Value zero() {
    if (ComplexType c = complexType()) {
      Value z =
          arith::ConstantOp::create(b, b.getFloatAttr(c.getElementType(), 0));
      return complex::CreateOp::create(b, c, z, z);
    }
    return isFloat() ? arith::ConstantOp::create(b, b.getFloatAttr(type, 0.0))
                     : arith::ConstantOp::create(b, b.getIntegerAttr(type, 0));
  }
  Value mul(Value x, Value y) {
    if (ComplexType c = complexType()) {
      Value xr = complex::ReOp::create(b, x), xi = complex::ImOp::create(b, x);
      Value yr = complex::ReOp::create(b, y), yi = complex::ImOp::create(b, y);
      Value rr = arith::MulFOp::create(b, xr, yr);
      Value ii = arith::MulFOp::create(b, xi, yi);
      Value re = arith::SubFOp::create(b, rr, ii);
      Value ri = arith::MulFOp::create(b, xr, yi);
      Value ir = arith::MulFOp::create(b, xi, yr);
      Value im = arith::AddFOp::create(b, ri, ir);
      return complex::CreateOp::create(b, c, re, im);
    }
    return isFloat() ? arith::MulFOp::create(b, x, y).getResult()
                     : arith::MulIOp::create(b, x, y).getResult();
  }
  /// acc + x * y: one rounding for real floats (a fused multiply-add, as
  /// BLAS kernels accumulate, so small products match NumPy's bits).
  Value mulAdd(Value x, Value y, Value acc) {
    if (isFloat())
      return math::FmaOp::create(b, x, y, acc);
    return add(acc, mul(x, y));
  }
  Value add(Value x, Value y) {
    if (ComplexType c = complexType()) {
      Value xr = complex::ReOp::create(b, x), yr = complex::ReOp::create(b, y);
      Value re = arith::AddFOp::create(b, xr, yr);
      Value xi = complex::ImOp::create(b, x), yi = complex::ImOp::create(b, y);
      Value im = arith::AddFOp::create(b, xi, yi);
      return complex::CreateOp::create(b, c, re, im);
    }
    return isFloat() ? arith::AddFOp::create(b, x, y).getResult()
                     : arith::AddIOp::create(b, x, y).getResult();
  }
  /// arr[i, j], converted.
  Value load(Value arr, Value i, Value j) {
    return weft::castNumber(b, memref::LoadOp::create(b, arr, ValueRange{i, j}),
                            type);
  }
};

/// An scf.for from 0 to `n` with `body(iv)` (no results).
void forLoop(ImplicitLocOpBuilder &b, Value n, function_ref<void(Value)> body) {
  Value zero = arith::ConstantIndexOp::create(b, 0);
  Value one = arith::ConstantIndexOp::create(b, 1);
  auto loop = scf::ForOp::create(b, zero, n, one);
  OpBuilder::InsertionGuard g(b);
  b.setInsertionPointToStart(loop.getBody());
  body(loop.getInductionVar());
}

/// An array nest over [0, upper) from 0 in steps of 1, marked with `work`
/// for weft-choose-parallel-nests; `b` is left at the start of its body.
scf::ParallelOp markedNest(ImplicitLocOpBuilder &b, ValueRange upper,
                           Value work) {
  Value zero = arith::ConstantIndexOp::create(b, 0);
  Value one = arith::ConstantIndexOp::create(b, 1);
  SmallVector<Value, 2> lower(upper.size(), zero), steps(upper.size(), one);
  auto par = scf::ParallelOp::create(b, lower, upper, steps);
  b.setInsertionPointToStart(par.getBody());
  weft::ParallelWorkOp::create(b, work);
  return par;
}

/// A view of `array` (its strided metadata `md`) with sizes and strides.
Value view(ImplicitLocOpBuilder &b, Value array,
           memref::ExtractStridedMetadataOp md, ValueRange sizes,
           ValueRange strides) {
  auto type = cast<MemRefType>(array.getType());
  return memref::ReinterpretCastOp::create(
      b, weft::stridedType(type.getElementType(), sizes.size()),
      md.getBaseBuffer(), md.getOffset(), sizes, strides);
}

/// The operands and product as 2-D arrays (a 1-D left operand a row, a
/// 1-D right one a column), with NumPy's check of the inner sizes when
/// the op has a line: after a failed check (inside a parallel loop) the
/// inner axes are empty.
struct Product2D {
  Value a, b, c, n, m, k;
};
Product2D as2D(ImplicitLocOpBuilder &b, weft::MatmulOp op) {
  Value a = op.getA(), bm = op.getB(), c = op.getC();
  auto ma = memref::ExtractStridedMetadataOp::create(b, a);
  auto mb = memref::ExtractStridedMetadataOp::create(b, bm);
  auto mc = memref::ExtractStridedMetadataOp::create(b, c);
  bool aRow = ma.getSizes().size() == 1, bColumn = mb.getSizes().size() == 1;
  Value zero = arith::ConstantIndexOp::create(b, 0);
  Value one = arith::ConstantIndexOp::create(b, 1);
  Value n = aRow ? one : ma.getSizes()[0];
  Value ka = ma.getSizes().back(), kb = mb.getSizes()[0];
  Value m = bColumn ? one : mb.getSizes()[1];
  if (op.getLine()) {
    Value mismatch = arith::CmpIOp::create(b, arith::CmpIPredicate::ne, ka, kb);
    auto ifOp = scf::IfOp::create(b, TypeRange{}, mismatch, false);
    {
      OpBuilder::InsertionGuard g(b);
      b.setInsertionPointToStart(ifOp.thenBlock());
      weft::FailOp::create(b, weft::kMatmulInnerSizesDiffer, *op.getLine());
    }
    ka = arith::SelectOp::create(b, mismatch, zero, ka);
    kb = arith::SelectOp::create(b, mismatch, zero, kb);
  }
  Product2D p{a, bm, c, n, m, ka};
  if (aRow)
    p.a = view(b, a, ma, {one, ka}, {zero, ma.getStrides()[0]});
  else if (op.getLine())
    p.a = view(b, a, ma, {n, ka}, ma.getStrides());
  if (bColumn)
    p.b = view(b, bm, mb, {kb, one}, {mb.getStrides()[0], zero});
  else if (op.getLine())
    p.b = view(b, bm, mb, {kb, m}, mb.getStrides());
  // The product's missing axis: one row (of stride m x s, which BLAS
  // takes as its leading dimension) or one column.
  Value s = mc.getStrides()[0];
  if (aRow)
    p.c = view(b, c, mc, {one, m}, {arith::MulIOp::create(b, m, s), s});
  else if (bColumn)
    p.c = view(b, c, mc, {n, one}, {s, one});
  return p;
}

/// The product on the GPU: a block of 16 x 16 threads per 16 x 16 block
/// of c; for each 16-wide slice of k the block loads a tile of a and one
/// of b into workgroup memory (zeros past the edges), then each thread
/// adds 16 products from them. Small products run as serial loops (on the
/// host, where a launch would cost more; in a kernel, on its thread).
void lowerForGPU(ImplicitLocOpBuilder &b, const Product2D &p, Value work,
                 bool inParallelBody) {
  constexpr int64_t kTile = 16;
  Value a = p.a, bm = p.b, c = p.c, n = p.n, m = p.m, k = p.k;
  Type t = cast<MemRefType>(c.getType()).getElementType();
  Arith ar{b, t};
  Value zero = arith::ConstantIndexOp::create(b, 0);
  Value one = arith::ConstantIndexOp::create(b, 1);
  Value tile = arith::ConstantIndexOp::create(b, kTile);
  // In a parallel loop's body (itself a kernel, or a host loop) the
  // product is the iteration's own loops.
  Value big = inParallelBody
                  ? arith::ConstantIntOp::create(b, 0, 1).getResult()
                  : arith::CmpIOp::create(b, arith::CmpIPredicate::sge, work,
                                          arith::ConstantIndexOp::create(
                                              b, weft::kParallelThreshold))
                        .getResult();
  auto ifBig = scf::IfOp::create(b, TypeRange{}, big, true);
  OpBuilder::InsertionGuard g(b);
  b.setInsertionPointToStart(ifBig.thenBlock());
  auto shared = MemRefType::get(
      {kTile, kTile}, t, MemRefLayoutAttrInterface{},
      gpu::AddressSpaceAttr::get(b.getContext(), gpu::AddressSpace::Workgroup));
  // Blocks of columns along x and of rows along y, unless there are more
  // row blocks than a grid's y holds (65535): then the other way round.
  Value colTiles = arith::CeilDivSIOp::create(b, m, tile);
  Value rowTiles = arith::CeilDivSIOp::create(b, n, tile);
  Value swap = arith::CmpIOp::create(b, arith::CmpIPredicate::sgt, rowTiles,
                                     arith::ConstantIndexOp::create(b, 65535));
  auto launch = gpu::LaunchOp::create(
      b, arith::SelectOp::create(b, swap, rowTiles, colTiles),
      arith::SelectOp::create(b, swap, colTiles, rowTiles), one, tile, tile,
      one,
      /*dynamicSharedMemorySize=*/Value(), /*asyncTokenType=*/Type(),
      /*asyncDependencies=*/ValueRange{}, TypeRange{shared, shared});
  {
    OpBuilder::InsertionGuard inner(b);
    b.setInsertionPointToStart(&launch.getBody().front());
    Value tx = launch.getThreadIds().x, ty = launch.getThreadIds().y;
    Value bx = launch.getBlockIds().x, by = launch.getBlockIds().y;
    Value row = arith::AddIOp::create(
        b,
        arith::MulIOp::create(b, arith::SelectOp::create(b, swap, bx, by),
                              tile),
        ty);
    Value col = arith::AddIOp::create(
        b,
        arith::MulIOp::create(b, arith::SelectOp::create(b, swap, by, bx),
                              tile),
        tx);
    Value sa = launch.getWorkgroupAttributions()[0];
    Value sb = launch.getWorkgroupAttributions()[1];
    auto lt = [&](Value x, Value y) {
      return arith::CmpIOp::create(b, arith::CmpIPredicate::slt, x, y);
    };
    // arr[i, j] if `inside`, else 0.
    auto loadOrZero = [&](Value inside, Value arr, Value i, Value j) {
      auto ifIn = scf::IfOp::create(b, TypeRange{t}, inside, true);
      OpBuilder::InsertionGuard g2(b);
      b.setInsertionPointToStart(ifIn.thenBlock());
      scf::YieldOp::create(b, ar.load(arr, i, j));
      b.setInsertionPointToStart(ifIn.elseBlock());
      scf::YieldOp::create(b, ar.zero());
      return ifIn.getResult(0);
    };
    Value tiles = arith::CeilDivSIOp::create(b, k, tile);
    auto outer = scf::ForOp::create(b, zero, tiles, one, ValueRange{ar.zero()});
    {
      OpBuilder::InsertionGuard g2(b);
      b.setInsertionPointToStart(outer.getBody());
      Value k0 = arith::MulIOp::create(b, outer.getInductionVar(), tile);
      Value ka = arith::AddIOp::create(b, k0, tx);
      Value kb = arith::AddIOp::create(b, k0, ty);
      memref::StoreOp::create(
          b,
          loadOrZero(arith::AndIOp::create(b, lt(row, n), lt(ka, k)), a, row,
                     ka),
          sa, ValueRange{ty, tx});
      memref::StoreOp::create(
          b,
          loadOrZero(arith::AndIOp::create(b, lt(kb, k), lt(col, m)), bm, kb,
                     col),
          sb, ValueRange{ty, tx});
      gpu::BarrierOp::create(b);
      auto dot = scf::ForOp::create(b, zero, tile, one,
                                    ValueRange{outer.getRegionIterArgs()[0]});
      {
        OpBuilder::InsertionGuard g3(b);
        b.setInsertionPointToStart(dot.getBody());
        Value kk = dot.getInductionVar();
        Value x = memref::LoadOp::create(b, sa, ValueRange{ty, kk});
        Value y = memref::LoadOp::create(b, sb, ValueRange{kk, tx});
        scf::YieldOp::create(b,
                             ar.add(dot.getRegionIterArgs()[0], ar.mul(x, y)));
      }
      gpu::BarrierOp::create(b);
      scf::YieldOp::create(b, dot.getResult(0));
    }
    auto ifIn = scf::IfOp::create(
        b, TypeRange{}, arith::AndIOp::create(b, lt(row, n), lt(col, m)),
        false);
    {
      OpBuilder::InsertionGuard g2(b);
      b.setInsertionPointToStart(ifIn.thenBlock());
      memref::StoreOp::create(b, outer.getResult(0), c, ValueRange{row, col});
    }
    gpu::TerminatorOp::create(b);
  }
  // Small: i-j-k loops on the host.
  b.setInsertionPointToStart(ifBig.elseBlock());
  forLoop(b, n, [&](Value i) {
    forLoop(b, m, [&](Value j) {
      auto loop = scf::ForOp::create(b, zero, k, one, ValueRange{ar.zero()});
      {
        OpBuilder::InsertionGuard g2(b);
        b.setInsertionPointToStart(loop.getBody());
        Value kk = loop.getInductionVar();
        scf::YieldOp::create(
            b, ar.add(loop.getRegionIterArgs()[0],
                      ar.mul(ar.load(a, i, kk), ar.load(bm, kk, j))));
      }
      memref::StoreOp::create(b, loop.getResult(0), c, ValueRange{i, j});
    });
  });
}

/// The i-k-j loops, rows in parallel.
void lowerToLoops(ImplicitLocOpBuilder &b, const Product2D &p, Value work) {
  Value a = p.a, bm = p.b, c = p.c, n = p.n, m = p.m, k = p.k;
  Arith ar{b, cast<MemRefType>(c.getType()).getElementType()};
  OpBuilder::InsertionGuard g(b);
  Value i = markedNest(b, ValueRange{n}, work).getInductionVars()[0];
  Value z = ar.zero();
  forLoop(b, m, [&](Value j) {
    memref::StoreOp::create(b, z, c, ValueRange{i, j});
  });
  forLoop(b, k, [&](Value kk) {
    Value aik = ar.load(a, i, kk);
    forLoop(b, m, [&](Value j) {
      Value cur = memref::LoadOp::create(b, c, ValueRange{i, j});
      memref::StoreOp::create(b, ar.mulAdd(aik, ar.load(bm, kk, j), cur), c,
                              ValueRange{i, j});
    });
  });
}

/// The loop report's line for a product: how it runs.
void report(weft::MatmulOp op, bool gpu, bool library, bool inParallelBody) {
  std::string how;
  if (inParallelBody)
    how = "i-k-j loops on the iteration's thread";
  else if (gpu)
    how = std::string(library ? "cuBLAS for float operands of one type in "
                                "device memory, else "
                              : "") +
          "a kernel of 16 x 16 tiles in shared memory";
  else
    how = std::string(library ? "system BLAS (dlopen) for large operands, "
                                "else "
                              : "") +
          "i-k-j loops with the rows in parallel";
  weft::reportToUser(op, "matrix product: " + how);
}

struct LowerMatmulPass : weft::impl::LowerMatmulBase<LowerMatmulPass> {
  using Base::Base;

  void runOnOperation() override {
    SmallVector<weft::MatmulOp> ops;
    getOperation()->walk([&](weft::MatmulOp op) { ops.push_back(op); });
    for (weft::MatmulOp op : ops) {
      ImplicitLocOpBuilder b(op.getLoc(), op);
      Product2D p = as2D(b, op);
      Value work =
          arith::MulIOp::create(b, arith::MulIOp::create(b, p.n, p.m), p.k);
      bool gpu = weft::inGPUFunction(op);
      Type e = cast<MemRefType>(op.getC().getType()).getElementType();
      bool oneFloatType =
          isa<FloatType>(e) &&
          cast<MemRefType>(op.getA().getType()).getElementType() == e &&
          cast<MemRefType>(op.getB().getType()).getElementType() == e;
      // Not in a parallel loop's body: the iterations' products are
      // small, and BLAS's own threads would compete with the loop's.
      bool inParallelBody = op->getParentOfType<scf::ParallelOp>() != nullptr;
      bool library = blas && oneFloatType && !inParallelBody;
      report(op, gpu, library, inParallelBody);
      if (library) {
        Value done = weft::GemmOp::create(b, b.getI1Type(), p.a, p.b, p.c,
                                          /*device=*/gpu);
        Value declined = arith::XOrIOp::create(
            b, done, arith::ConstantIntOp::create(b, 1, 1));
        auto ifOp = scf::IfOp::create(b, TypeRange{}, declined, false);
        b.setInsertionPointToStart(ifOp.thenBlock());
      }
      if (gpu)
        lowerForGPU(b, p, work, inParallelBody);
      else
        lowerToLoops(b, p, work);
      op.erase();
    }
  }
};

} // namespace
