//===- ArrayNest.h - Loop nests of array operations for lowering passes -*- C++
//-*-===//
//
// The loop nest an array operation lowers to, shared by the passes that
// lower weft's array ops: parallel over the outer axis and marked for
// weft-choose-parallel-nests, or serial.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_COMPILER_CONVERSION_ARRAYNEST_H
#define WEFT_COMPILER_CONVERSION_ARRAYNEST_H

#include "compiler/Dialect/WeftDialect.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"

namespace weft {

/// A loop nest over [0, dims[k]) for every axis k, running `body` with the
/// indices. Parallel: an scf.parallel over the outer axis (the two outer
/// axes when `gpu`, which weft-gpu-map-loops maps to a 2-D grid) marked
/// with `weft.parallel_work %work` (default: the number of iterations),
/// the inner axes plain scf.for loops so the innermost one vectorizes.
/// Serial: scf.for loops only. The builder is left after the nest.
void buildArrayNest(mlir::ImplicitLocOpBuilder &b, mlir::ValueRange dims,
                    bool serial, bool gpu,
                    llvm::function_ref<void(mlir::ValueRange)> body,
                    mlir::Value work = {});

/// memref<?x...x`elem`, strided<[?, ...], offset: ?>> of `rank`: the type
/// of every array value.
mlir::MemRefType stridedType(mlir::Type elem, int64_t rank);

/// The product of `dims` (index values).
mlir::Value productOf(mlir::ImplicitLocOpBuilder &b, mlir::ValueRange dims);

/// The sizes of `array` (memref.dim of every axis).
llvm::SmallVector<mlir::Value, 4> sizesOf(mlir::ImplicitLocOpBuilder &b,
                                          mlir::Value array);

/// A view of `array` with the shape `dims` (rank >= array's) as NumPy
/// broadcasts it: its axes align with the last ones of `dims`; missing
/// axes and axes of size 1 get stride 0.
mlir::Value broadcastView(mlir::ImplicitLocOpBuilder &b, mlir::Value array,
                          mlir::ValueRange dims);

/// A fresh row-major array of `elem` with sizes `dims`, of the strided
/// type `type` (the reference-counted buffer the runtime allocates).
mlir::Value allocArray(mlir::ImplicitLocOpBuilder &b, mlir::MemRefType type,
                       mlir::ValueRange dims);

/// The element count of an array of `sizes` (index values) with elements
/// of `elemBytes` bytes, and whether (i1) its size in bytes, with
/// zero-length axes left out (NumPy's rule), exceeds 2^62 (room for the
/// runtime's header and rounding). `count` is exact without overflow, 0
/// when a size is 0, else all ones.
struct CheckedCount {
  mlir::Value count, overflow;
};
CheckedCount checkedCount(mlir::ImplicitLocOpBuilder &b, mlir::ValueRange sizes,
                          int64_t elemBytes);

/// A fresh array of `type` with sizes `dims`, raising NumPy's MemoryError
/// at source line `line` when its byte size overflows (the array is then
/// empty: the code goes on after an error inside a parallel loop).
mlir::Value allocCheckedArray(mlir::ImplicitLocOpBuilder &b,
                              mlir::MemRefType type, mlir::ValueRange dims,
                              int64_t line);

/// The check of a boolean mask's shape against the leading axes of the
/// array it indexes: NumPy's IndexError naming source line `line` when
/// they differ. Returns the common sizes (the smaller of the two per
/// axis), which loops use so that they stay in bounds after an error
/// recorded inside a parallel loop.
llvm::SmallVector<mlir::Value, 4> checkMaskShape(mlir::ImplicitLocOpBuilder &b,
                                                 mlir::ValueRange maskSizes,
                                                 mlir::ValueRange arraySizes,
                                                 int64_t line);

/// The bytes of one element of type `elem` (1 for i1).
int64_t elementBytes(mlir::Type elem);

/// The memref.alloc `array` comes from, directly or through one
/// memref.cast; null for any other array.
mlir::memref::AllocOp allocationOf(mlir::Value array);

/// True if `array` is a fresh allocation (memref.alloc, possibly through
/// memref.cast) that no value defined before `writer` (its first writer)
/// can view: every other user of it comes after `writer`.
bool isFreshArray(mlir::Value array, mlir::Operation *writer);

/// The body of a weft.map or weft.reduce (`body`, yielding `yielded`)
/// inlined at `ivs`: its first arguments are the elements of `views` (the
/// broadcast inputs), a further one that of `current` (loaded only if
/// used). Returns the yielded value.
mlir::Value inlineBodyAt(mlir::ImplicitLocOpBuilder &b, mlir::Block &body,
                         mlir::Value yielded, mlir::ValueRange views,
                         mlir::ValueRange ivs, mlir::Value current = {});

/// `v` converted to the number type `to` (i1, integers, floats), as
/// Raises `message` (weft.fail) at source line `line` when `cond` holds.
void failIf(mlir::ImplicitLocOpBuilder &b, mlir::Value cond,
            llvm::StringRef message, int64_t line);

/// Copies `row` into `out[i]` (a row of one axis fewer), converting the
/// numbers; a row of another shape than out's rows is NumPy's ValueError
/// ("inhomogeneous shape") at `line`, and then only the common part is
/// copied (an error recorded inside a parallel loop goes on).
void copyRowChecked(mlir::ImplicitLocOpBuilder &b, mlir::Value out,
                    mlir::Value i, mlir::Value row, int64_t line);

/// Python's len(range(start, stop, step)) of i64 values, for a nonzero
/// step: exact for every i64 bound, as an unsigned difference.
mlir::Value rangeLength(mlir::ImplicitLocOpBuilder &b, mlir::Value start,
                        mlir::Value stop, mlir::Value step);

/// The zero of a number type (arith.constant takes no unsigned type).
mlir::Value zeroOf(mlir::ImplicitLocOpBuilder &b, mlir::Type t);
/// What a sum, prod, min or max over signless numbers of `type` starts
/// from: 0, 1, +-inf for floats, the largest (min) or smallest (max)
/// integer, True (min) or False (max) for i1.
mlir::Value reductionIdentity(mlir::ImplicitLocOpBuilder &b, ReductionKind kind,
                              mlir::Type type);
/// NumPy casts (on x86): bool as 0/1, integers sign-extended or truncated
/// (unsigned ones through i64), a float to bool as `!= 0`, a float to an
/// integer truncated toward zero (NaN and values out of range give the
/// most negative i32/i64; i8 and i16 take the low bits of the i64).
mlir::Value castNumber(mlir::ImplicitLocOpBuilder &b, mlir::Value v,
                       mlir::Type to);
} // namespace weft

#endif // WEFT_COMPILER_CONVERSION_ARRAYNEST_H
