// RUN: %weft-opt %s --weft-lower-reductions | FileCheck %s

// sum of a plain 1-D f64 array: NumPy's pairwise order per 8192-element
// block, the blocks in parallel, their sums added in order.
// CHECK-LABEL: func.func @pairwise
// CHECK: %[[BLOCKS:.*]] = arith.ceildivsi %{{.*}}, %c8192
// CHECK: %[[PARTIAL:.*]] = memref.alloc(%[[BLOCKS]])
// CHECK: scf.parallel
// CHECK: weft.parallel_work
// CHECK: weft.pairwise_sum
// CHECK: scf.for {{.*}} iter_args
// CHECK: arith.addf
// CHECK: weft.release
// CHECK-NOT: weft.reduce
func.func @pairwise(%a: memref<?xf64>, %n: index) -> f64 {
  %s = weft.reduce sum ins(%a : memref<?xf64>) dims(%n) {
  ^bb0(%x: f64):
    weft.yield %x : f64
  } -> f64
  return %s : f64
}

// Serial: the runtime's pairwise sum of the whole array.
// CHECK-LABEL: func.func @pairwise_serial
// CHECK-NOT: scf.parallel
// CHECK: %[[S:.*]] = weft.pairwise_sum %arg0
// CHECK: return %[[S]]
func.func @pairwise_serial(%a: memref<?xf64>, %n: index) -> f64 {
  %s = weft.reduce sum ins(%a : memref<?xf64>) dims(%n) {
  ^bb0(%x: f64):
    weft.yield %x : f64
  } {serial} -> f64
  return %s : f64
}

// Any other whole reduction: partial results per row in parallel,
// combined in row order.
// CHECK-LABEL: func.func @chunks
// CHECK: memref.alloc(%arg2)
// CHECK: scf.parallel (%[[R:.*]]) =
// CHECK: weft.parallel_work
// CHECK: scf.for {{.*}} iter_args
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: memref.store
// CHECK: scf.for {{.*}} iter_args
// CHECK: weft.release
func.func @chunks(%a: memref<?x?xf64>, %b: memref<?xf64>, %n: index, %m: index) -> f64 {
  %s = weft.reduce sum ins(%a, %b : memref<?x?xf64>, memref<?xf64>) dims(%n, %m) {
  ^bb0(%x: f64, %y: f64):
    %p = arith.mulf %x, %y : f64
    weft.yield %p : f64
  } -> f64
  return %s : f64
}

// argmin: one serial fold from the first element, keeping the first
// extreme's flat index; NaN wins.
// CHECK-LABEL: func.func @argmin
// CHECK-NOT: scf.parallel
// CHECK: scf.if
// CHECK: scf.for {{.*}} iter_args
// CHECK: arith.cmpf olt
// CHECK: arith.cmpf uno
// CHECK: arith.select
// CHECK: arith.index_cast %{{.*}} : index to i64
func.func @argmin(%a: memref<?xf64>, %n: index) -> i64 {
  %i = weft.reduce argmin ins(%a : memref<?xf64>) dims(%n) {
  ^bb0(%x: f64):
    weft.yield %x : f64
  } -> i64
  return %i : i64
}

// Along an axis: the output's elements in a parallel nest, each a serial
// fold (here a NaN-propagating max).
// CHECK-LABEL: func.func @along_axis
// CHECK: scf.parallel (%[[I:.*]]) = (%{{.*}}) to (%arg1)
// CHECK: weft.parallel_work
// CHECK: scf.for {{.*}} iter_args
// CHECK: arith.maximumf
// CHECK: memref.store %{{.*}}, %arg3[%[[I]]]
func.func @along_axis(%a: memref<?x?xf32>, %n: index, %m: index, %o: memref<?xf32>) {
  weft.reduce max axis 1 ins(%a : memref<?x?xf32>) dims(%n, %m) outs(%o : memref<?xf32>) {
  ^bb0(%x: f32):
    weft.yield %x : f32
  }
  return
}

// In a GPU function a sum is one parallel loop with an scf.reduce when
// large, a serial loop when small.
// CHECK-LABEL: func.func @on_gpu
// CHECK: %[[BIG:.*]] = arith.cmpi sge, %{{.*}}, %c32768
// CHECK: scf.if %[[BIG]] -> (f32)
// CHECK: scf.parallel {{.*}} init
// CHECK: scf.reduce
// CHECK: } else {
// CHECK: scf.for
func.func @on_gpu(%a: memref<?xf32>, %n: index) -> f32 attributes {weft.target = "gpu"} {
  %s = weft.reduce sum ins(%a : memref<?xf32>) dims(%n) {
  ^bb0(%x: f32):
    weft.yield %x : f32
  } -> f32
  return %s : f32
}

// In the body of a parallel loop: on the iteration's thread, no buffer of
// partial results and no nested parallel loop (min of a small array per
// iteration).
// CHECK-LABEL: func.func @in_parallel_body
// CHECK: scf.parallel
// CHECK-NOT: memref.alloc
// CHECK-NOT: scf.parallel
// CHECK: scf.for {{.*}} iter_args
// CHECK: arith.minimumf
// CHECK: scf.reduce
func.func @in_parallel_body(%a: memref<?xf64>, %out: memref<?xf64>, %n: index, %k: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    %m = weft.reduce min ins(%a : memref<?xf64>) dims(%k) {
    ^bb0(%x: f64):
      weft.yield %x : f64
    } -> f64
    memref.store %m, %out[%i] : memref<?xf64>
    scf.reduce
  }
  return
}

// cumsum: one serial loop carrying the running total, each element
// converted to the output's type first.
// CHECK-LABEL: func.func @running_sum
// CHECK: %[[N:.*]] = memref.dim %arg0, %c0
// CHECK: scf.for %[[I:.*]] = %c0 to %[[N]] step %c1 iter_args(%[[ACC:.*]] = %c0_i64) -> (i64)
// CHECK: %[[X:.*]] = memref.load %arg0[%[[I]]] : memref<?xi32>
// CHECK: %[[W:.*]] = arith.extsi %[[X]] : i32 to i64
// CHECK: %[[S:.*]] = arith.addi %[[ACC]], %[[W]] : i64
// CHECK: memref.store %[[S]], %arg1[%[[I]]]
// CHECK: scf.yield %[[S]]
func.func @running_sum(%a: memref<?xi32>, %out: memref<?xi64>) {
  weft.scan sum %a, %out : memref<?xi32>, memref<?xi64>
  return
}
