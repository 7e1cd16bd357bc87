// RUN: %weft-opt %s --convert-scf-to-openmp --weft-lower-parallel-if | FileCheck %s
// RUN: %weft-opt %s --canonicalize | FileCheck %s --check-prefix=CANON

// The mark becomes the if clause of the omp.parallel around its loop.
// CHECK-LABEL: func.func @rows
// CHECK: omp.parallel if(%[[BIG:.*]]) {
// CHECK: omp.wsloop
// CHECK-NOT: weft.parallel_if
// CHECK: return
func.func @rows(%m: memref<?x?xf64>, %r: index, %c: index, %big: i1) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f64
  scf.parallel (%i) = (%c0) to (%r) step (%c1) {
    weft.parallel_if %big
    scf.for %j = %c0 to %c step %c1 {
      memref.store %zero, %m[%i, %j] : memref<?x?xf64>
    }
    scf.reduce
  }
  return
}

// When canonicalization inlines a loop of one iteration, the mark goes
// with it.
// CANON-LABEL: func.func @one_row
// CANON-NOT: scf.parallel
// CANON-NOT: weft.parallel_if
// CANON: scf.for
func.func @one_row(%m: memref<?x?xf64>, %c: index, %big: i1) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f64
  scf.parallel (%i) = (%c0) to (%c1) step (%c1) {
    weft.parallel_if %big
    scf.for %j = %c0 to %c step %c1 {
      memref.store %zero, %m[%i, %j] : memref<?x?xf64>
    }
    scf.reduce
  }
  return
}
