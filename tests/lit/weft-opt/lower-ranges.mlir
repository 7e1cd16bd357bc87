// RUN: %weft-opt %s --weft-lower-ranges | FileCheck %s

// NumPy's arange and linspace: checks, a checked allocation and a
// weft.map that computes each element from its index.

// Integers: a zero step is Python's ZeroDivisionError (and a step of 1
// afterwards), the length Python's range length in unsigned arithmetic.
// CHECK-LABEL: func.func @arange_ints
// CHECK: %[[Z:.*]] = arith.cmpi eq, %arg2, %{{.*}} : i64
// CHECK: scf.if %[[Z]] {
// CHECK-NEXT: weft.fail "ZeroDivisionError: arange() step must not be zero" line 3
// CHECK: %[[STEP:.*]] = arith.select %[[Z]], %{{.*}}, %arg2 : i64
// CHECK: arith.divui
// CHECK: weft.fail "MemoryError: {{.*}}" line 3
// CHECK: %[[A:.*]] = memref.alloc
// CHECK: weft.map outs(%{{.*}} : memref<?xi32, strided<[?], offset: ?>>) {
// CHECK: %[[I:.*]] = weft.index 0
// CHECK: %[[I64:.*]] = arith.index_cast %[[I]] : index to i64
// CHECK: %[[M:.*]] = arith.muli %[[I64]], %[[STEP]] : i64
// CHECK: %[[V:.*]] = arith.addi %arg0, %[[M]] : i64
// CHECK: %[[T:.*]] = arith.trunci %[[V]] : i64 to i32
// CHECK: weft.yield %[[T]] : i32
// CHECK-NOT: weft.arange
func.func @arange_ints(%start: i64, %stop: i64, %step: i64) -> memref<?xi32, strided<[?], offset: ?>> {
  %a = weft.arange %start, %stop, %step line 3 : i64 -> memref<?xi32, strided<[?], offset: ?>>
  return %a : memref<?xi32, strided<[?], offset: ?>>
}

// Floats: the ceiling of the span over the step, NaN a ValueError, the
// length clamped to [0, 2**62] before the conversion; serial keeps the
// map on one thread.
// CHECK-LABEL: func.func @arange_floats
// CHECK: weft.fail "ZeroDivisionError: arange() step must not be zero" line 4
// CHECK: %[[Q:.*]] = math.ceil
// CHECK: %[[NAN:.*]] = arith.cmpf uno, %[[Q]], %[[Q]] : f64
// CHECK: weft.fail "ValueError: arange() cannot compute the length of a range with a NaN bound or step" line 4
// CHECK: arith.constant 4.6116860184273879E+18 : f64
// CHECK: arith.fptosi
// CHECK: weft.map outs(%{{.*}} : memref<?xf64, strided<[?], offset: ?>>) {
// CHECK: arith.sitofp
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: } {serial}
func.func @arange_floats(%start: f64, %stop: f64, %step: f64) -> memref<?xf64, strided<[?], offset: ?>> {
  %a = weft.arange %start, %stop, %step line 4 serial : f64 -> memref<?xf64, strided<[?], offset: ?>>
  return %a : memref<?xf64, strided<[?], offset: ?>>
}

// linspace: step (stop - start) / max(n - 1, 1); the last of two or more
// elements is exactly stop.
// CHECK-LABEL: func.func @linspace
// CHECK: %[[ALLOC:.*]] = memref.alloc
// CHECK: %[[DIV:.*]] = arith.maxnumf
// CHECK: %[[SPAN:.*]] = arith.subf %arg1, %arg0 : f64
// CHECK: %[[STEP:.*]] = arith.divf %[[SPAN]], %[[DIV]] : f64
// CHECK: weft.map outs
// CHECK: %[[LAST:.*]] = arith.cmpi eq
// CHECK: %[[FIRST:.*]] = arith.cmpi sgt
// CHECK: %[[BOTH:.*]] = arith.andi %[[LAST]], %[[FIRST]] : i1
// CHECK: arith.select %[[BOTH]], %arg1, %{{.*}} : f64
// CHECK-NOT: weft.linspace
func.func @linspace(%start: f64, %stop: f64, %n: index) -> memref<?xf64, strided<[?], offset: ?>> {
  %a = weft.linspace %start, %stop, %n line 5 -> memref<?xf64, strided<[?], offset: ?>>
  return %a : memref<?xf64, strided<[?], offset: ?>>
}
