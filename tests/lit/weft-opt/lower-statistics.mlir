// RUN: %weft-opt %s --weft-lower-statistics | FileCheck %s

// searchsorted of a number: one binary search (an scf.while over [0, n)),
// the value converted to the compare type; side right tests "not before".
// CHECK-LABEL: func.func @search_number
// CHECK: %[[N:.*]] = memref.dim %arg0, %c0
// CHECK: %[[X:.*]] = arith.sitofp %arg1 : i64 to f64
// CHECK: scf.while {{.*}} : (index, index) -> (index, index)
// CHECK: arith.cmpi ult
// CHECK: scf.condition
// CHECK: arith.shrui
// CHECK: memref.load %arg0
// CHECK: arith.cmpf olt, %[[X]]
// CHECK: arith.xori
// CHECK: arith.index_cast %{{.*}} : index to i64
// CHECK-NOT: weft.searchsorted
func.func @search_number(%a: memref<?xf64>, %x: i64) -> i64 {
  %r = weft.searchsorted %a, %x right as f64 : memref<?xf64>, i64 -> i64
  return %r : i64
}

// searchsorted of an array: a result of the values' shape filled in a
// serial nest.
// CHECK-LABEL: func.func @search_array
// CHECK: memref.alloc(%{{.*}}, %{{.*}}) : memref<?x?xi64>
// CHECK: scf.for
// CHECK: scf.for
// CHECK: scf.while
// CHECK: memref.store %{{.*}} : memref<?x?xi64, strided<[?, ?], offset: ?>>
func.func @search_array(%a: memref<?xi64>, %v: memref<?x?xi32>) -> memref<?x?xi64, strided<[?, ?], offset: ?>> {
  %r = weft.searchsorted %a, %v as i64 : memref<?xi64>, memref<?x?xi32> -> memref<?x?xi64, strided<[?, ?], offset: ?>>
  return %r : memref<?x?xi64, strided<[?, ?], offset: ?>>
}

// digitize: the monotonic scan and its ValueError, then a search through
// the bins or their reversed view, n - p for decreasing bins.
// CHECK-LABEL: func.func @digitize
// CHECK: %[[SCAN:.*]]:2 = scf.for {{.*}} iter_args
// CHECK: weft.fail "ValueError: bins must be monotonically increasing or decreasing" line 7
// CHECK: memref.reinterpret_cast
// CHECK: memref.reinterpret_cast
// CHECK: arith.select
// CHECK: scf.while
// CHECK: arith.subi
// CHECK: arith.select
func.func @digitize(%x: f64, %bins: memref<?xf64, strided<[?], offset: ?>>) -> i64 {
  %r = weft.digitize %x, %bins as f64 line 7 : f64, memref<?xf64, strided<[?], offset: ?>> -> i64
  return %r : i64
}

// unique: a sorted contiguous copy, a counting pass, the result, a
// copying pass; the copy is released.
// CHECK-LABEL: func.func @unique
// CHECK: %[[COPY:.*]] = memref.alloc(%{{.*}}) : memref<?xi32>
// CHECK: scf.for
// CHECK: scf.for
// CHECK: weft.sort
// CHECK: %[[COUNT:.*]] = scf.for {{.*}} iter_args
// CHECK: memref.alloc(%[[COUNT]]) : memref<?xi32>
// CHECK: scf.for {{.*}} iter_args
// CHECK: scf.if
// CHECK: memref.store
// CHECK: weft.release
func.func @unique(%a: memref<?x?xi32>) -> memref<?xi32, strided<[?], offset: ?>> {
  %r = weft.unique %a : memref<?x?xi32> -> memref<?xi32, strided<[?], offset: ?>>
  return %r : memref<?xi32, strided<[?], offset: ?>>
}

// percentile: the range check of q, q / 100, the sorted copy, NumPy's
// lerp, NaN for an empty array or a NaN.
// CHECK-LABEL: func.func @percentile
// CHECK: weft.fail "ValueError: Percentiles must be in the range [0, 100]" line 3
// CHECK: arith.divf %arg1
// CHECK: weft.sort
// CHECK: math.floor
// CHECK: weft.release
// CHECK: arith.select {{.*}} : f64
// CHECK-NOT: weft.quantile
func.func @percentile(%a: memref<?xf64>, %q: f64) -> f64 {
  %r = weft.quantile %a, %q percent line 3 : memref<?xf64>, f64 -> f64
  return %r : f64
}

// median: no check of q; the middle element or the mean of two.
// CHECK-LABEL: func.func @median
// CHECK-NOT: weft.fail
// CHECK: weft.sort
// CHECK: arith.cmpf oeq
// CHECK: arith.addf
func.func @median(%a: memref<?xf32>, %q: f32) -> f32 {
  %r = weft.quantile %a, %q median line 2 : memref<?xf32>, f32 -> f32
  return %r : f32
}

// histogram without a range: the min/max slots (at the function's start,
// so a histogram in a loop does not grow the stack), the bins check, a
// min/max scan, the finite check, the edges (their byte size checked) and
// the placing loop.
// CHECK-LABEL: func.func @histogram
// CHECK-NEXT: memref.alloca() : memref<2xf64>
// CHECK: weft.fail "ValueError: `bins` must be positive, when an integer" line 5
// CHECK: scf.for
// CHECK: weft.fail "ValueError: autodetected range is not finite" line 5
// CHECK: weft.fail "MemoryError
// CHECK: memref.alloc(%{{.*}}) : memref<?xf64>
// CHECK: memref.alloc(%{{.*}}) : memref<?xi64>
// CHECK: scf.for
// CHECK: scf.if
// CHECK: arith.addi
func.func @histogram(%a: memref<?xf64>, %bins: i64) -> (memref<?xi64, strided<[?], offset: ?>>, memref<?xf64, strided<[?], offset: ?>>) {
  %c, %e = weft.histogram %a, %bins line 5 : (memref<?xf64>, i64) -> (memref<?xi64, strided<[?], offset: ?>>, memref<?xf64, strided<[?], offset: ?>>)
  return %c, %e : memref<?xi64, strided<[?], offset: ?>>, memref<?xf64, strided<[?], offset: ?>>
}

// histogram with a range and weights: the range and shape checks, no
// scan; counts of the weights' type.
// CHECK-LABEL: func.func @histogram_weighted
// CHECK: weft.fail "ValueError: weights should have the same shape as a." line 6
// CHECK: weft.fail "ValueError: max must be larger than min in range parameter." line 6
// CHECK-NOT: memref.alloca
// CHECK: weft.fail "ValueError: supplied range is not finite" line 6
// CHECK: arith.addf %{{.*}} : f64
func.func @histogram_weighted(%a: memref<?xf64>, %bins: i64, %lo: f64, %hi: f64, %w: memref<?xf64>) -> (memref<?xf64, strided<[?], offset: ?>>, memref<?xf64, strided<[?], offset: ?>>) {
  %c, %e = weft.histogram %a, %bins range %lo, %hi weights %w line 6 : (memref<?xf64>, i64, f64, f64, memref<?xf64>) -> (memref<?xf64, strided<[?], offset: ?>>, memref<?xf64, strided<[?], offset: ?>>)
  return %c, %e : memref<?xf64, strided<[?], offset: ?>>, memref<?xf64, strided<[?], offset: ?>>
}
