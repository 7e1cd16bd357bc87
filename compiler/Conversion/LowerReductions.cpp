//===- LowerReductions.cpp - weft.reduce to loops -------------------------===//
//
// Implements weft-lower-reductions (see Passes.td).
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/ArrayNest.h"
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

#include <functional>
#include <limits>
#include <string>

namespace weft {
#define GEN_PASS_DEF_LOWERREDUCTIONS
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;
using weft::ReductionKind;

namespace {

using Combine = std::function<Value(Value, Value)>;
using Map = std::function<Value(Value)>;
/// f(element, its flat index in C order).
using IndexedMap = std::function<Value(Value, Value)>;

/// Nested scf.for loops over `dims` carrying `init`; `step` returns the
/// next accumulators from the indices and the current ones.
SmallVector<Value, 2> foldNest(
    ImplicitLocOpBuilder &b, ValueRange dims, ValueRange init,
    const std::function<SmallVector<Value, 2>(ValueRange, ValueRange)> &step) {
  Value zero = arith::ConstantIndexOp::create(b, 0);
  Value one = arith::ConstantIndexOp::create(b, 1);
  SmallVector<Value, 4> ivs;
  std::function<SmallVector<Value, 2>(size_t, ValueRange)> rec =
      [&](size_t d, ValueRange acc) -> SmallVector<Value, 2> {
    if (d == dims.size())
      return step(ivs, acc);
    auto forOp = scf::ForOp::create(b, zero, dims[d], one, acc);
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(forOp.getBody());
    ivs.push_back(forOp.getInductionVar());
    SmallVector<Value, 2> next = rec(d + 1, forOp.getRegionIterArgs());
    ivs.pop_back();
    scf::YieldOp::create(b, next);
    return SmallVector<Value, 2>(forOp.getResults());
  };
  return rec(0, init);
}

/// Lowers one weft.reduce; `b` is before it.
struct ReductionLowering {
  ImplicitLocOpBuilder &b;
  weft::ReduceOp op;
  ReductionKind kind;
  SmallVector<Value, 4> dims, views;
  Type type; ///< what the body yields
  bool serial, gpu;

  ReductionLowering(ImplicitLocOpBuilder &b, weft::ReduceOp op)
      : b(b), op(op), kind(op.getKind()),
        dims(op.getDims().begin(), op.getDims().end()),
        type(op.getYielded().getType()),
        // Inside a parallel loop's body the reduction runs on the
        // iteration's thread (a nested parallel region would only add a
        // buffer of partial results and a fork per iteration).
        serial(op.getSerial() || op->getParentOfType<scf::ParallelOp>()),
        gpu(weft::inGPUFunction(op)) {
    for (Value in : op.getInputs())
      views.push_back(weft::broadcastView(b, in, dims));
  }

  bool isFloat() const { return isa<FloatType>(type); }
  Value idx(int64_t v) { return arith::ConstantIndexOp::create(b, v); }
  Value constant(Type t, double v) {
    if (auto f = dyn_cast<FloatType>(t))
      return arith::ConstantOp::create(b, b.getFloatAttr(f, v));
    return arith::ConstantOp::create(
        b, b.getIntegerAttr(t, t.isInteger(1) ? (v != 0)
                                              : static_cast<int64_t>(v)));
  }
  Value element(ValueRange ivs) {
    return weft::inlineBodyAt(b, op.getBody().front(), op.getYielded(), views,
                              ivs);
  }
  Value add(Value x, Value y) {
    return isa<FloatType>(x.getType())
               ? arith::AddFOp::create(b, x, y).getResult()
               : arith::AddIOp::create(b, x, y).getResult();
  }
  Value mul(Value x, Value y) {
    return isa<FloatType>(x.getType())
               ? arith::MulFOp::create(b, x, y).getResult()
               : arith::MulIOp::create(b, x, y).getResult();
  }
  /// One step of a min/max fold: NaN propagates; of two equal zeros either
  /// may be kept (the form LLVM vectorizes as a reduction).
  Value minMax(bool wantMin, Value acc, Value x) {
    if (isFloat())
      return wantMin ? arith::MinimumFOp::create(b, acc, x).getResult()
                     : arith::MaximumFOp::create(b, acc, x).getResult();
    if (type.isInteger(1))
      return wantMin ? arith::AndIOp::create(b, acc, x).getResult()
                     : arith::OrIOp::create(b, acc, x).getResult();
    return wantMin ? arith::MinSIOp::create(b, acc, x).getResult()
                   : arith::MaxSIOp::create(b, acc, x).getResult();
  }
  Value countAs(Value count) {
    Value n = arith::IndexCastOp::create(b, b.getI64Type(), count);
    return arith::SIToFPOp::create(b, type, n);
  }
  /// mean, var or std from a way to sum f(element) over the elements.
  Value moments(const std::function<Value(const Map &)> &sumOf, Value count) {
    Value mean = arith::DivFOp::create(b, sumOf([](Value x) { return x; }),
                                       countAs(count));
    if (kind == ReductionKind::mean)
      return mean;
    Value ss = sumOf([&](Value x) -> Value {
      Value d = arith::SubFOp::create(b, x, mean);
      return arith::MulFOp::create(b, d, d);
    });
    Value var = arith::DivFOp::create(b, ss, countAs(count));
    return kind == ReductionKind::var
               ? var
               : math::SqrtOp::create(b, var).getResult();
  }

  Value reduceSlice(ArrayRef<Value> redDims, ValueRange outer, Value count);
  Value pairwiseSum();
  Value chunked(Value count);
  Value reduceFlat(const IndexedMap &f, const Combine &op, Value identity,
                   Value count);
  Value extremeIdentity(bool wantMin);
  Value argExtremeOnGPU(Value count);
  void lowerAxisOnGPU(Value out, Value outDim, Value redDim, uint64_t axis);
  void lower();
};

Value ReductionLowering::reduceSlice(ArrayRef<Value> redDims, ValueRange outer,
                                     Value count) {
  std::optional<uint64_t> axis = op.getAxis();
  int rank = static_cast<int>(dims.size());
  // The element at reduction indices `red` combined with outer ones.
  auto elementAt = [&](ValueRange red) {
    SmallVector<Value, 4> ivs;
    size_t o = 0, r = 0;
    for (int d = 0; d < rank; ++d)
      ivs.push_back(
          axis ? (static_cast<uint64_t>(d) == *axis ? red[r++] : outer[o++])
               : red[r++]);
    return element(ivs);
  };
  auto flatIndex = [&](ValueRange red) {
    Value f = idx(0);
    for (size_t d = 0; d < red.size(); ++d)
      f = arith::AddIOp::create(b, arith::MulIOp::create(b, f, redDims[d]),
                                red[d]);
    return f;
  };
  auto fold = [&](Value init, const Combine &step) {
    return foldNest(
        b, redDims, ValueRange{init}, [&](ValueRange red, ValueRange acc) {
          return SmallVector<Value, 2>{step(acc[0], elementAt(red))};
        })[0];
  };
  auto sumOf = [&](const Map &f) {
    return fold(constant(type, 0),
                [&](Value acc, Value x) { return add(acc, f(x)); });
  };
  switch (kind) {
  case ReductionKind::sum:
    return sumOf([](Value x) { return x; });
  case ReductionKind::mean:
  case ReductionKind::var:
  case ReductionKind::std:
    return moments(sumOf, count);
  case ReductionKind::prod:
    return fold(constant(type, 1),
                [&](Value acc, Value x) { return mul(acc, x); });
  case ReductionKind::any:
    return fold(constant(type, 0), [&](Value acc, Value x) -> Value {
      return arith::OrIOp::create(b, acc, x);
    });
  case ReductionKind::all:
    return fold(constant(type, 1), [&](Value acc, Value x) -> Value {
      return arith::AndIOp::create(b, acc, x);
    });
  default:
    break;
  }
  // min, max, argmin, argmax: the first extreme wins; NaN propagates (and
  // is the extreme for argmin/argmax), as in NumPy. The first element
  // starts the fold; an empty space (an error raised before, or after a
  // parallel loop) reads nothing.
  bool wantMin = kind == ReductionKind::min || kind == ReductionKind::argmin;
  Value nonEmpty =
      arith::CmpIOp::create(b, arith::CmpIPredicate::sgt, count, idx(0));
  auto firstIf = scf::IfOp::create(b, TypeRange{type}, nonEmpty, true);
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(&firstIf.getThenRegion().front());
    SmallVector<Value, 4> firstIdx(redDims.size(), idx(0));
    scf::YieldOp::create(b, elementAt(firstIdx));
    b.setInsertionPointToStart(&firstIf.getElseRegion().front());
    scf::YieldOp::create(b, constant(type, 0));
  }
  Value first = firstIf.getResult(0);
  if ((kind == ReductionKind::min || kind == ReductionKind::max) &&
      !type.isInteger(1))
    return fold(first, [&](Value acc, Value x) {
      return minMax(kind == ReductionKind::min, acc, x);
    });
  SmallVector<Value, 2> res = foldNest(
      b, redDims, ValueRange{first, idx(0)},
      [&](ValueRange red, ValueRange acc) {
        Value x = elementAt(red);
        Value better;
        if (isFloat()) {
          better = arith::CmpFOp::create(b,
                                         wantMin ? arith::CmpFPredicate::OLT
                                                 : arith::CmpFPredicate::OGT,
                                         x, acc[0]);
          Value xNan =
              arith::CmpFOp::create(b, arith::CmpFPredicate::UNO, x, x);
          Value accNan = arith::CmpFOp::create(b, arith::CmpFPredicate::UNO,
                                               acc[0], acc[0]);
          Value nanWins = arith::AndIOp::create(
              b, xNan,
              arith::XOrIOp::create(b, accNan, constant(b.getI1Type(), 1)));
          better = arith::OrIOp::create(b, better, nanWins);
        } else {
          // Bools compare unsigned (True is 1, not -1).
          bool u = type.isInteger(1);
          better = arith::CmpIOp::create(
              b,
              wantMin
                  ? (u ? arith::CmpIPredicate::ult : arith::CmpIPredicate::slt)
                  : (u ? arith::CmpIPredicate::ugt : arith::CmpIPredicate::sgt),
              x, acc[0]);
        }
        Value v = arith::SelectOp::create(b, better, x, acc[0]);
        Value i = arith::SelectOp::create(b, better, flatIndex(red), acc[1]);
        return SmallVector<Value, 2>{v, i};
      });
  if (kind == ReductionKind::argmin || kind == ReductionKind::argmax)
    return arith::IndexCastOp::create(b, b.getI64Type(), res[1]);
  return res[0];
}

Value ReductionLowering::pairwiseSum() {
  Value a = op.getInputs()[0];
  if (serial)
    return weft::PairwiseSumOp::create(b, b.getF64Type(), a);
  // NumPy sums buffers of 8192 elements pairwise and adds the buffer sums
  // in order: the buffers are summed in parallel, then added in order,
  // which gives NumPy's result bit for bit on any number of threads.
  auto m = memref::ExtractStridedMetadataOp::create(b, a);
  Value n = m.getSizes()[0], block = idx(8192);
  Value blocks = arith::CeilDivSIOp::create(b, n, block);
  MemRefType partialType = weft::stridedType(b.getF64Type(), 1);
  Value partial = weft::allocArray(b, partialType, ValueRange{blocks});
  weft::buildArrayNest(
      b, ValueRange{blocks}, false, gpu,
      [&](ValueRange c) {
        Value lo = arith::MulIOp::create(b, c[0], block);
        Value len =
            arith::MinSIOp::create(b, block, arith::SubIOp::create(b, n, lo));
        Value offset = arith::AddIOp::create(
            b, m.getOffset(), arith::MulIOp::create(b, lo, m.getStrides()[0]));
        Value view = memref::ReinterpretCastOp::create(
            b, partialType, m.getBaseBuffer(), offset, ValueRange{len},
            ValueRange{m.getStrides()[0]});
        Value sum = weft::PairwiseSumOp::create(b, b.getF64Type(), view);
        memref::StoreOp::create(b, sum, partial, c[0]);
      },
      n);
  Value total =
      foldNest(b, ValueRange{blocks}, ValueRange{constant(b.getF64Type(), 0)},
               [&](ValueRange c, ValueRange acc) {
                 Value p = memref::LoadOp::create(b, partial, c[0]);
                 return SmallVector<Value, 2>{add(acc[0], p)};
               })[0];
  weft::ReleaseOp::create(b, partial);
  return total;
}

Value ReductionLowering::reduceFlat(const IndexedMap &f, const Combine &combine,
                                    Value identity, Value count) {
  // On the GPU: one parallel loop over all elements with an scf.reduce,
  // which weft-gpu-map-loops turns into a block-level then a global
  // reduction (small arrays: a serial loop on the host). Booleans are
  // combined as i32 (the device's shuffles move 32 or 64 bits).
  int rank = static_cast<int>(dims.size());
  bool boolean = identity.getType().isInteger(1);
  auto widen = [&](Value v) -> Value {
    return boolean ? arith::ExtUIOp::create(b, b.getI32Type(), v).getResult()
                   : v;
  };
  auto elementAtFlat = [&](Value flat) {
    Value i = flat;
    SmallVector<Value, 4> ivs(rank);
    for (int d = rank - 1; d > 0; --d) {
      ivs[d] = arith::RemUIOp::create(b, i, dims[d]);
      i = arith::DivUIOp::create(b, i, dims[d]);
    }
    ivs[0] = i;
    return widen(f(element(ivs), flat));
  };
  Value init = widen(identity);
  Value zero = idx(0), one = idx(1);
  Value big = arith::CmpIOp::create(b, arith::CmpIPredicate::sge, count,
                                    idx(weft::kParallelThreshold));
  auto ifOp = scf::IfOp::create(b, TypeRange{init.getType()}, big, true);
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(&ifOp.getThenRegion().front());
    auto par = scf::ParallelOp::create(b, ValueRange{zero}, ValueRange{count},
                                       ValueRange{one}, ValueRange{init});
    {
      OpBuilder::InsertionGuard inner(b);
      b.setInsertionPointToStart(par.getBody());
      Value x = elementAtFlat(par.getInductionVars()[0]);
      auto reduce = scf::ReduceOp::create(b, ValueRange{x});
      mlir::Block &blk = reduce.getReductions()[0].front();
      b.setInsertionPointToStart(&blk);
      scf::ReduceReturnOp::create(
          b, combine(blk.getArgument(0), blk.getArgument(1)));
    }
    scf::YieldOp::create(b, par.getResult(0));
    b.setInsertionPointToStart(&ifOp.getElseRegion().front());
    Value serialValue = foldNest(b, ValueRange{count}, ValueRange{init},
                                 [&](ValueRange i, ValueRange acc) {
                                   return SmallVector<Value, 2>{
                                       combine(acc[0], elementAtFlat(i[0]))};
                                 })[0];
    scf::YieldOp::create(b, serialValue);
  }
  Value r = ifOp.getResult(0);
  if (boolean)
    r = arith::TruncIOp::create(b, b.getI1Type(), r);
  return r;
}

Value ReductionLowering::extremeIdentity(bool wantMin) {
  // What min (max) starts from: +inf (-inf), the type's largest
  // (smallest) integer, True (False).
  return weft::reductionIdentity(
      b, wantMin ? weft::ReductionKind::min : weft::ReductionKind::max, type);
}

Value ReductionLowering::argExtremeOnGPU(Value count) {
  // Two device reductions: the extreme value (NaN if any element is
  // NaN), then the smallest flat index of an element equal to it (or of
  // a NaN): NumPy's first extreme.
  bool wantMin = kind == ReductionKind::argmin;
  Value extreme =
      reduceFlat([](Value x, Value) { return x; },
                 [&](Value acc, Value x) { return minMax(wantMin, acc, x); },
                 extremeIdentity(wantMin), count);
  Value n64 = arith::IndexCastOp::create(b, b.getI64Type(), count);
  Value first = reduceFlat(
      [&](Value x, Value flat) -> Value {
        Value hit;
        if (isFloat()) {
          hit = arith::CmpFOp::create(b, arith::CmpFPredicate::OEQ, x, extreme);
          Value bothNan = arith::AndIOp::create(
              b, arith::CmpFOp::create(b, arith::CmpFPredicate::UNO, x, x),
              arith::CmpFOp::create(b, arith::CmpFPredicate::UNO, extreme,
                                    extreme));
          hit = arith::OrIOp::create(b, hit, bothNan);
        } else {
          hit = arith::CmpIOp::create(b, arith::CmpIPredicate::eq, x, extreme);
        }
        Value i = arith::IndexCastOp::create(b, b.getI64Type(), flat);
        return arith::SelectOp::create(b, hit, i, n64);
      },
      [&](Value x, Value y) -> Value {
        return arith::MinSIOp::create(b, x, y);
      },
      n64, count);
  return first;
}

void ReductionLowering::lowerAxisOnGPU(Value out, Value outDim, Value redDim,
                                       uint64_t axis) {
  // A 2-D array reduced along one axis on the device: S threads share
  // each output's elements (thread s takes s, s + S, ...), so there are
  // enough threads however few outputs there are, and neighbouring
  // threads read neighbouring elements: along the reduced axis when it
  // is the contiguous one, along the outputs otherwise (one flat loop over
  // the pairs, the contiguous one varying fastest). A second loop combines
  // each output's S partial values in order.
  bool inner = axis == 1;
  bool wantMin = kind == ReductionKind::min;
  Value init;
  Combine combine;
  switch (kind) {
  case ReductionKind::sum:
  case ReductionKind::mean:
    init = constant(type, 0);
    combine = [&](Value x, Value y) { return add(x, y); };
    break;
  case ReductionKind::prod:
    init = constant(type, 1);
    combine = [&](Value x, Value y) { return mul(x, y); };
    break;
  case ReductionKind::any:
  case ReductionKind::all: {
    bool all = kind == ReductionKind::all;
    init = constant(type, all ? 1 : 0);
    combine = [&, all](Value x, Value y) -> Value {
      return all ? arith::AndIOp::create(b, x, y).getResult()
                 : arith::OrIOp::create(b, x, y).getResult();
    };
    break;
  }
  default: // min, max
    init = extremeIdentity(wantMin);
    combine = [&, wantMin](Value x, Value y) { return minMax(wantMin, x, y); };
    break;
  }
  auto clampTo = [&](Value v, int64_t lo, int64_t hi) -> Value {
    return arith::MaxSIOp::create(b, arith::MinSIOp::create(b, v, idx(hi)),
                                  idx(lo));
  };
  // About 2^18 threads in all; at least 32 per output along a contiguous
  // axis (one warp's loads coalesce), never more than the elements.
  Value perOutput = arith::CeilDivSIOp::create(
      b, idx(1 << 18), arith::MaxSIOp::create(b, outDim, idx(1)));
  Value splits =
      inner ? arith::MulIOp::create(
                  b, idx(32),
                  clampTo(arith::CeilDivSIOp::create(b, perOutput, idx(32)), 1,
                          32))
                  .getResult()
            : clampTo(perOutput, 1, 1024);
  splits = arith::MaxSIOp::create(b, arith::MinSIOp::create(b, splits, redDim),
                                  idx(1));
  Value partial =
      weft::allocArray(b, weft::stridedType(type, 1),
                       ValueRange{arith::MulIOp::create(b, outDim, splits)});
  // One flat loop over (output, share) pairs, the contiguous one varying
  // fastest (a 2-D grid would limit the outputs to 65535 blocks of 16).
  Value work = arith::MulIOp::create(b, outDim, redDim);
  Value pairs = arith::MulIOp::create(b, outDim, splits);
  weft::buildArrayNest(
      b, ValueRange{pairs}, false, gpu,
      [&](ValueRange ivs) {
        Value fast = inner ? splits : outDim;
        Value slow = arith::DivUIOp::create(b, ivs[0], fast);
        Value rest = arith::RemUIOp::create(b, ivs[0], fast);
        Value o = inner ? slow : rest, s = inner ? rest : slow;
        auto loop = scf::ForOp::create(b, s, redDim, splits, ValueRange{init});
        {
          OpBuilder::InsertionGuard g(b);
          b.setInsertionPointToStart(loop.getBody());
          Value r = loop.getInductionVar();
          SmallVector<Value, 2> at =
              inner ? SmallVector<Value, 2>{o, r} : SmallVector<Value, 2>{r, o};
          scf::YieldOp::create(
              b, combine(loop.getRegionIterArgs()[0], element(at)));
        }
        Value slot =
            arith::AddIOp::create(b, arith::MulIOp::create(b, o, splits), s);
        memref::StoreOp::create(b, loop.getResult(0), partial, slot);
      },
      work);
  Type et = cast<MemRefType>(out.getType()).getElementType();
  weft::buildArrayNest(
      b, ValueRange{outDim}, false, gpu,
      [&](ValueRange ivs) {
        Value base = arith::MulIOp::create(b, ivs[0], splits);
        Value v = foldNest(
            b, ValueRange{splits}, ValueRange{init},
            [&](ValueRange s, ValueRange acc) {
              Value p = memref::LoadOp::create(
                  b, partial, ValueRange{arith::AddIOp::create(b, base, s[0])});
              return SmallVector<Value, 2>{combine(acc[0], p)};
            })[0];
        if (kind == ReductionKind::mean)
          v = arith::DivFOp::create(b, v, countAs(redDim));
        memref::StoreOp::create(b, weft::castNumber(b, v, et), out, ivs);
      },
      pairs);
  weft::ReleaseOp::create(b, partial);
}

Value ReductionLowering::chunked(Value count) {
  // Partial results per chunk (a row of a 2-D+ space, or 4096 elements of
  // a 1-D one) are computed in parallel and combined in chunk order, so
  // the result is the same for any number of threads.
  int rank = static_cast<int>(dims.size());
  Value zero = idx(0), chunk = idx(4096);
  Value nChunks =
      rank == 1 ? arith::CeilDivSIOp::create(b, dims[0], chunk).getResult()
                : dims[0];
  // Folds f(element) over chunk `c` with `combine`, from `init` (or from
  // the chunk's first element for min/max).
  auto foldChunk = [&](Value c, const Map &f, const Combine &combine,
                       Value init) -> Value {
    SmallVector<Value, 4> sizes;
    Value lo;
    if (rank == 1) {
      lo = arith::MulIOp::create(b, c, chunk);
      Value hi = arith::MinSIOp::create(b, arith::AddIOp::create(b, lo, chunk),
                                        dims[0]);
      sizes.push_back(arith::SubIOp::create(b, hi, lo));
    } else {
      sizes.assign(dims.begin() + 1, dims.end());
    }
    auto ivsOf = [&](ValueRange inner) {
      SmallVector<Value, 4> ivs;
      if (rank == 1) {
        ivs.push_back(arith::AddIOp::create(b, lo, inner[0]));
      } else {
        ivs.push_back(c);
        ivs.append(inner.begin(), inner.end());
      }
      return ivs;
    };
    if (!init) {
      SmallVector<Value, 4> first(sizes.size(), zero);
      init = f(element(ivsOf(first)));
    }
    return foldNest(b, sizes, ValueRange{init},
                    [&](ValueRange inner, ValueRange acc) {
                      Value x = f(element(ivsOf(inner)));
                      return SmallVector<Value, 2>{combine(acc[0], x)};
                    })[0];
  };
  // On the GPU every kind is one device reduction over all elements (the
  // extremes from +-inf, which no element exceeds: NaN still wins).
  auto reduceChunks = [&](const Map &f, const Combine &combine,
                          Value identity) -> Value {
    if (gpu)
      return reduceFlat([&](Value x, Value) { return f(x); }, combine,
                        identity ? identity
                                 : extremeIdentity(kind == ReductionKind::min),
                        count);
    MemRefType partialType = weft::stridedType(type, 1);
    Value partial = weft::allocArray(b, partialType, ValueRange{nChunks});
    weft::buildArrayNest(
        b, ValueRange{nChunks}, false, gpu,
        [&](ValueRange c) {
          memref::StoreOp::create(b, foldChunk(c[0], f, combine, identity),
                                  partial, c[0]);
        },
        count);
    Value start = identity
                      ? identity
                      : memref::LoadOp::create(b, partial, zero).getResult();
    Value r = foldNest(b, ValueRange{nChunks}, ValueRange{start},
                       [&](ValueRange c, ValueRange acc) {
                         Value p = memref::LoadOp::create(b, partial, c[0]);
                         return SmallVector<Value, 2>{combine(acc[0], p)};
                       })[0];
    weft::ReleaseOp::create(b, partial);
    return r;
  };
  Map same = [](Value x) { return x; };
  Combine addF = [&](Value x, Value y) { return add(x, y); };
  switch (kind) {
  case ReductionKind::sum:
    return reduceChunks(same, addF, constant(type, 0));
  case ReductionKind::prod:
    return reduceChunks(
        same, [&](Value x, Value y) { return mul(x, y); }, constant(type, 1));
  case ReductionKind::any:
    return reduceChunks(
        same,
        [&](Value x, Value y) -> Value {
          return arith::OrIOp::create(b, x, y);
        },
        constant(type, 0));
  case ReductionKind::all:
    return reduceChunks(
        same,
        [&](Value x, Value y) -> Value {
          return arith::AndIOp::create(b, x, y);
        },
        constant(type, 1));
  case ReductionKind::min:
  case ReductionKind::max: {
    bool wantMin = kind == ReductionKind::min;
    return reduceChunks(
        same, [&](Value acc, Value x) { return minMax(wantMin, acc, x); },
        Value());
  }
  default:
    // mean, var, std: sums of the elements and of squared deviations.
    return moments(
        [&](const Map &f) { return reduceChunks(f, addF, constant(type, 0)); },
        count);
  }
}

void ReductionLowering::lower() {
  std::optional<uint64_t> axis = op.getAxis();
  // The loop report says how it runs.
  auto report = [&](const std::string &how) {
    weft::reportToUser(op, "reduction " +
                               weft::stringifyReductionKind(kind).str() +
                               "(): " + how);
  };
  if (!axis) {
    Value count = weft::productOf(b, dims);
    Value r;
    mlir::Block &body = op.getBody().front();
    bool identity =
        body.getNumArguments() == 1 && op.getYielded() == body.getArgument(0);
    bool chunkable =
        kind != ReductionKind::argmin && kind != ReductionKind::argmax;
    bool onDevice = gpu && !serial;
    if (onDevice && !chunkable) {
      report("two GPU parallel reductions (the extreme, then its first "
             "index)");
      r = argExtremeOnGPU(count);
    } else if (kind == ReductionKind::sum && !gpu && identity &&
               dims.size() == 1 && type.isF64() &&
               cast<MemRefType>(op.getInputs()[0].getType()).getRank() == 1) {
      report(serial ? "NumPy's pairwise order (runtime), serial"
                    : "NumPy's pairwise order, 8192-element blocks in "
                      "parallel, combined in order (bit-identical to NumPy)");
      r = pairwiseSum();
    } else if (chunkable && !serial) {
      report(gpu ? "a GPU parallel reduction (blocks, then the block values)"
                 : "by chunks in parallel, combined in order (same result "
                   "for any thread count)");
      r = chunked(count);
    } else {
      report("serially");
      r = reduceSlice(dims, {}, count);
    }
    op.getResult().replaceAllUsesWith(r);
    return;
  }
  SmallVector<Value, 4> outDims, redDims;
  for (size_t d = 0; d < dims.size(); ++d)
    (d == *axis ? redDims : outDims).push_back(dims[d]);
  Value count = weft::productOf(b, redDims);
  Value out = op.getOutput();
  bool shared = kind == ReductionKind::sum || kind == ReductionKind::prod ||
                kind == ReductionKind::mean || kind == ReductionKind::any ||
                kind == ReductionKind::all || kind == ReductionKind::min ||
                kind == ReductionKind::max;
  if (gpu && !serial && shared && dims.size() == 2) {
    report("along axis " + std::to_string(*axis) +
           ", on the GPU by several threads per output element");
    lowerAxisOnGPU(out, outDims[0], redDims[0], *axis);
    return;
  }
  report("along axis " + std::to_string(*axis) +
         (serial ? ", serially" : ", the output elements in parallel"));
  weft::buildArrayNest(b, outDims, serial, gpu, [&](ValueRange ivs) {
    // The output may be narrower than what the body yields (u8 etc.
    // reduced as i64).
    Type et = cast<MemRefType>(out.getType()).getElementType();
    memref::StoreOp::create(
        b, weft::castNumber(b, reduceSlice(redDims, ivs, count), et), out, ivs);
  });
}

/// cumsum/cumprod: one serial pass, each element the running total.
void lowerScan(weft::ScanOp op) {
  ImplicitLocOpBuilder b(op.getLoc(), op);
  Type t = cast<MemRefType>(op.getOutput().getType()).getElementType();
  bool sum = op.getKind() == ReductionKind::sum, isF = isa<FloatType>(t);
  Value zero = arith::ConstantIndexOp::create(b, 0);
  Value one = arith::ConstantIndexOp::create(b, 1);
  Value n = memref::DimOp::create(b, op.getInput(), 0);
  Value init =
      isF ? arith::ConstantOp::create(b, b.getFloatAttr(t, sum ? 0 : 1))
                .getResult()
          : arith::ConstantOp::create(b, b.getIntegerAttr(t, sum ? 0 : 1))
                .getResult();
  auto loop = scf::ForOp::create(b, zero, n, one, ValueRange{init});
  b.setInsertionPointToStart(loop.getBody());
  Value i = loop.getInductionVar(), acc = loop.getRegionIterArgs()[0];
  Value x = weft::castNumber(
      b, memref::LoadOp::create(b, op.getInput(), ValueRange{i}), t);
  Value r = isF ? (sum ? arith::AddFOp::create(b, acc, x).getResult()
                       : arith::MulFOp::create(b, acc, x).getResult())
                : (sum ? arith::AddIOp::create(b, acc, x).getResult()
                       : arith::MulIOp::create(b, acc, x).getResult());
  memref::StoreOp::create(b, r, op.getOutput(), ValueRange{i});
  scf::YieldOp::create(b, r);
  op.erase();
}

struct LowerReductions : weft::impl::LowerReductionsBase<LowerReductions> {
  void runOnOperation() override {
    SmallVector<weft::ScanOp> scans;
    getOperation()->walk([&](weft::ScanOp op) { scans.push_back(op); });
    for (weft::ScanOp op : scans)
      lowerScan(op);
    SmallVector<weft::ReduceOp> ops;
    getOperation()->walk([&](weft::ReduceOp op) { ops.push_back(op); });
    for (weft::ReduceOp op : ops) {
      ImplicitLocOpBuilder b(op.getLoc(), op);
      ReductionLowering(b, op).lower();
      op.erase();
    }
  }
};

} // namespace
