// RUN: %weft-opt %s --convert-scf-to-openmp --weft-fold-serial-twins | FileCheck %s

// A nest guarded by its size (`weft.serial_twin`: the parallel loop in the
// then-branch, the same nest serial in the else-branch) becomes one
// omp.parallel whose `if` clause is the guard; the serial copy is gone and
// the parallel-region counter still counts only the parallel runs.
// CHECK-LABEL: func.func @scale
// CHECK: scf.if %[[BIG:.*]] {
// CHECK-NEXT: weft.metrics_parallel_region
// CHECK-NEXT: }
// CHECK: omp.parallel if(%[[BIG]]) {
// CHECK: omp.wsloop
// CHECK-NOT: scf.for
// CHECK: return
func.func @scale(%m: memref<?xf64>, %n: index, %big: i1) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %two = arith.constant 2.0 : f64
  scf.if %big {
    weft.metrics_parallel_region
    scf.parallel (%i) = (%c0) to (%n) step (%c1) {
      %v = memref.load %m[%i] : memref<?xf64>
      %w = arith.mulf %v, %two : f64
      memref.store %w, %m[%i] : memref<?xf64>
      scf.reduce
    }
  } else {
    scf.for %i = %c0 to %n step %c1 {
      %v = memref.load %m[%i] : memref<?xf64>
      %w = arith.mulf %v, %two : f64
      memref.store %w, %m[%i] : memref<?xf64>
    }
  } {weft.serial_twin}
  return
}

// A nest whose then-branch calls the runtime is left as it is.
// CHECK-LABEL: func.func @printing
// CHECK: scf.if
// CHECK: omp.parallel {
// CHECK: } else {
// CHECK: scf.for
func.func @printing(%m: memref<?xf64>, %n: index, %big: i1) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.if %big {
    weft.print "parallel"
    scf.parallel (%i) = (%c0) to (%n) step (%c1) {
      %v = memref.load %m[%i] : memref<?xf64>
      memref.store %v, %m[%i] : memref<?xf64>
      scf.reduce
    }
  } else {
    scf.for %i = %c0 to %n step %c1 {
      %v = memref.load %m[%i] : memref<?xf64>
      memref.store %v, %m[%i] : memref<?xf64>
    }
  } {weft.serial_twin}
  return
}
