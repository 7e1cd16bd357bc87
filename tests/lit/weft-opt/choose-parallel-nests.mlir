// RUN: %weft-opt %s --weft-choose-parallel-nests | FileCheck %s
// RUN: %weft-opt %s --weft-choose-parallel-nests=threshold=4 | FileCheck %s --check-prefix=LOW

// A 1-D nest of unknown size: the parallel loop from 32768 elements, a
// serial copy below.
// CHECK-LABEL: func.func @scale
// CHECK: %[[LIMIT:.*]] = arith.constant 32768 : index
// CHECK: %[[BIG:.*]] = arith.cmpi sge, %{{.*}}, %[[LIMIT]] : index
// CHECK: scf.if %[[BIG]] {
// CHECK-NEXT: scf.parallel
// CHECK-NOT: weft.parallel_work
// CHECK: } else {
// CHECK-NEXT: scf.for
// CHECK-NOT: weft.parallel_work
// CHECK: return
// LOW-LABEL: func.func @scale
// LOW: arith.constant 4 : index
func.func @scale(%m: memref<?xf64>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %two = arith.constant 2.0 : f64
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    weft.parallel_work %n
    %v = memref.load %m[%i] : memref<?xf64>
    %w = arith.mulf %v, %two : f64
    memref.store %w, %m[%i] : memref<?xf64>
    scf.reduce
  }
  return
}

// A nest with a loop in its body is compiled once: the mark becomes the
// condition under which it runs on several threads.
// CHECK-LABEL: func.func @rows
// CHECK: %[[BIG:.*]] = arith.cmpi sge, %[[WORK:.*]], %{{.*}} : index
// CHECK-NOT: scf.if
// CHECK: scf.parallel
// CHECK-NEXT: weft.parallel_if %[[BIG]]
// CHECK-NEXT: scf.for
// CHECK-NOT: scf.for
// CHECK: return
func.func @rows(%m: memref<?x?xf64>, %r: index, %c: index, %work: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f64
  scf.parallel (%i) = (%c0) to (%r) step (%c1) {
    weft.parallel_work %work
    scf.for %j = %c0 to %c step %c1 {
      memref.store %zero, %m[%i, %j] : memref<?x?xf64>
    }
    scf.reduce
  }
  return
}

// Sizes known at compile time are decided then: one copy each.
// CHECK-LABEL: func.func @known
// CHECK-NOT: scf.if
// CHECK: scf.parallel (%{{.*}}) = (%{{.*}}) to (%c100000)
// CHECK-NOT: weft.parallel_work
// CHECK: scf.for %{{.*}} = %{{.*}} to %c10
// CHECK-NOT: scf.parallel
// CHECK: return
// LOW-LABEL: func.func @known
// LOW: scf.parallel
// LOW: scf.parallel
func.func @known(%m: memref<?xf64>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c10 = arith.constant 10 : index
  %c100000 = arith.constant 100000 : index
  %zero = arith.constant 0.0 : f64
  scf.parallel (%i) = (%c0) to (%c100000) step (%c1) {
    weft.parallel_work %c100000
    memref.store %zero, %m[%i] : memref<?xf64>
    scf.reduce
  }
  scf.parallel (%i) = (%c0) to (%c10) step (%c1) {
    weft.parallel_work %c10
    memref.store %zero, %m[%i] : memref<?xf64>
    scf.reduce
  }
  return
}

// In a function for the GPU every nest keeps a serial copy: small arrays
// stay on the host.
// CHECK-LABEL: func.func @on_gpu
// CHECK: scf.if
// CHECK: scf.parallel
// CHECK: } else {
// CHECK: scf.for
// CHECK: scf.for
func.func @on_gpu(%m: memref<?x?xf64>, %r: index, %c: index, %work: index)
    attributes {weft.target = "gpu"} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f64
  scf.parallel (%i) = (%c0) to (%r) step (%c1) {
    weft.parallel_work %work
    scf.for %j = %c0 to %c step %c1 {
      memref.store %zero, %m[%i, %j] : memref<?x?xf64>
    }
    scf.reduce
  }
  return
}

// prange loops carry no mark and stay parallel.
// CHECK-LABEL: func.func @prange
// CHECK-NOT: scf.if
// CHECK: scf.parallel
func.func @prange(%m: memref<?xf64>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f64
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    memref.store %zero, %m[%i] : memref<?xf64>
    scf.reduce
  }
  return
}

// An array statement in a prange body runs serially: the threads are busy.
// CHECK-LABEL: func.func @in_prange
// CHECK: scf.parallel
// CHECK-NOT: scf.if
// CHECK-NOT: scf.parallel
// CHECK: scf.for
func.func @in_prange(%m: memref<?x?xf64>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f64
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    scf.parallel (%j) = (%c0) to (%n) step (%c1) {
      weft.parallel_work %n
      memref.store %zero, %m[%i, %j] : memref<?x?xf64>
      scf.reduce
    }
    scf.reduce
  }
  return
}
