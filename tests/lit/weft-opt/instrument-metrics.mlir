// RUN: %weft-opt %s --weft-instrument-metrics | FileCheck %s

// Only the outermost parallel loop counts as a region; only calls made by
// the script's top level are timed (not helper -> work).
// CHECK-LABEL: func.func @work
// CHECK-NEXT: arith.constant 0
// CHECK-NEXT: arith.constant 1
// CHECK-NEXT: weft.metrics_parallel_region
// CHECK-NEXT: scf.parallel
// CHECK-NOT: weft.metrics_parallel_region
// CHECK: return
// A nest that is parallel only from some size on counts only then.
// CHECK-LABEL: func.func @sometimes
// CHECK: scf.if %[[BIG:.*]] {
// CHECK-NEXT: weft.metrics_parallel_region
// CHECK-NEXT: }
// CHECK-NEXT: scf.parallel
// CHECK-NEXT: weft.parallel_if %[[BIG]]
// CHECK-LABEL: func.func @helper
// CHECK-NOT: weft.metrics
// CHECK: return
// CHECK-LABEL: func.func @__weft_main
// CHECK-NEXT: weft.metrics_enter "helper"
// CHECK-NEXT: call @helper
// CHECK-NEXT: weft.metrics_exit "helper"
// CHECK-NEXT: weft.print
func.func @work(%m: memref<?xf64>, %n: index) -> f64 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    scf.parallel (%j) = (%c0) to (%n) step (%c1) {
      %v = memref.load %m[%j] : memref<?xf64>
      memref.store %v, %m[%i] : memref<?xf64>
      scf.reduce
    }
    scf.reduce
  }
  %r = memref.load %m[%c0] : memref<?xf64>
  return %r : f64
}
func.func @sometimes(%m: memref<?x?xf64>, %n: index, %big: i1) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f64
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    weft.parallel_if %big
    scf.for %j = %c0 to %n step %c1 {
      memref.store %zero, %m[%i, %j] : memref<?x?xf64>
    }
    scf.reduce
  }
  return
}
func.func @helper(%m: memref<?xf64>, %n: index) -> f64 {
  %r = func.call @work(%m, %n) : (memref<?xf64>, index) -> f64
  return %r : f64
}
func.func @__weft_main(%m: memref<?xf64>, %n: index) {
  %r = func.call @helper(%m, %n) : (memref<?xf64>, index) -> f64
  weft.print "{}" %r : f64
  return
}
