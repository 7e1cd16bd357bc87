// RUN: %weft-opt %s --weft-hoist-invariant-reductions | FileCheck %s

// min(bounds) in a prange body: its size (memref.dim) and the reduction
// move before the loop; the error check of an empty array stays.
// CHECK-LABEL: func.func @invariant
// CHECK: %[[N:.*]] = memref.dim %arg0
// CHECK: %[[LO:.*]] = weft.reduce min ins(%arg0 : memref<?xf64>) dims(%[[N]])
// CHECK: scf.parallel
// CHECK: weft.fail
// CHECK-NOT: weft.reduce
// CHECK: arith.maximumf %[[LO]]
func.func @invariant(%bounds: memref<?xf64>, %x: memref<?xf64>, %out: memref<?xf64>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    %k = memref.dim %bounds, %c0 : memref<?xf64>
    %empty = arith.cmpi eq, %k, %c0 : index
    scf.if %empty {
      weft.fail "ValueError: min() of an empty array has no value (zero-size reduction)" line 3
    }
    %lo = weft.reduce min ins(%bounds : memref<?xf64>) dims(%k) {
    ^bb0(%v: f64):
      weft.yield %v : f64
    } {serial} -> f64
    %xi = memref.load %x[%i] : memref<?xf64>
    %y = arith.maximumf %lo, %xi : f64
    memref.store %y, %out[%i] : memref<?xf64>
    scf.reduce
  }
  return
}

// After a store to memory from outside the loop, the iteration may read
// what it wrote itself: the reduction stays.
// CHECK-LABEL: func.func @after_store
// CHECK: scf.parallel
// CHECK: memref.store
// CHECK: weft.reduce sum
func.func @after_store(%a: memref<?xf64>, %out: memref<?xf64>, %n: index, %k: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %one = arith.constant 1.0 : f64
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    memref.store %one, %out[%i] : memref<?xf64>
    %s = weft.reduce sum ins(%a : memref<?xf64>) dims(%k) {
    ^bb0(%v: f64):
      weft.yield %v : f64
    } -> f64
    memref.store %s, %out[%i] : memref<?xf64>
    scf.reduce
  }
  return
}

// A store into a buffer made in the iteration does not stop it; an input
// made in the iteration, or a body using the iteration's values, does.
// CHECK-LABEL: func.func @fresh_and_variant
// CHECK: %[[S:.*]] = weft.reduce sum ins(%arg0
// CHECK: scf.parallel
// CHECK: memref.alloc
// CHECK: weft.reduce max ins(%{{.*}} : memref<4xf64>)
// CHECK: weft.reduce sum ins(%arg0
// CHECK: arith.mulf
func.func @fresh_and_variant(%a: memref<?xf64>, %out: memref<?xf64>, %n: index, %k: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %one = arith.constant 1.0 : f64
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    %t = memref.alloc() : memref<4xf64>
    memref.store %one, %t[%c0] : memref<4xf64>
    %m = weft.reduce max ins(%t : memref<4xf64>) dims(%c4) {
    ^bb0(%v: f64):
      weft.yield %v : f64
    } -> f64
    %s = weft.reduce sum ins(%a : memref<?xf64>) dims(%k) {
    ^bb0(%v: f64):
      weft.yield %v : f64
    } -> f64
    %fi = arith.index_cast %i : index to i64
    %f = arith.sitofp %fi : i64 to f64
    %w = weft.reduce sum ins(%a : memref<?xf64>) dims(%k) {
    ^bb0(%v: f64):
      %p = arith.mulf %v, %f : f64
      weft.yield %p : f64
    } -> f64
    %r = arith.addf %m, %s : f64
    %r2 = arith.addf %r, %w : f64
    memref.store %r2, %out[%i] : memref<?xf64>
    memref.dealloc %t : memref<4xf64>
    scf.reduce
  }
  return
}
