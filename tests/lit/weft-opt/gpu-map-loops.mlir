// RUN: %weft-opt %s --weft-gpu-map-loops=block-size=128 | FileCheck %s

// A device-safe loop of a GPU function is tiled by the block size, the
// tile loop mapped to blocks and the loop inside a tile to threads, with
// a guard for the last partial tile.
// CHECK-LABEL: func.func @saxpy
// CHECK: %[[BS:.*]] = arith.constant 128 : index
// CHECK: %[[STEP:.*]] = arith.muli %{{.*}}, %[[BS]] : index
// CHECK: scf.parallel (%[[B:.*]]) = (%{{.*}}) to (%{{.*}}) step (%[[STEP]]) {
// CHECK-NEXT: scf.parallel (%{{.*}}) = (%{{.*}}) to (%[[STEP]]) step
// CHECK: arith.cmpi ult
// CHECK: scf.if
// CHECK: memref.store
// CHECK: {mapping = [#gpu.loop_dim_map<processor = thread_x
// CHECK: {mapping = [#gpu.loop_dim_map<processor = block_x

// A runtime call keeps the loop on the CPU.
// CHECK-LABEL: func.func @printing
// CHECK: scf.parallel
// CHECK-NOT: mapping
// CHECK: return

// A function that does not target the GPU is left alone.
// CHECK-LABEL: func.func @host
// CHECK: scf.parallel
// CHECK-NOT: mapping
// CHECK: return

// A sum becomes a launch: grid-stride partial sums per thread, an
// all-reduce per block, one value per block folded on the host.
// CHECK-LABEL: func.func @total
// CHECK: %[[PART:.*]] = memref.alloc(%[[NB:.*]]) : memref<?xf32>
// CHECK: gpu.launch blocks(%[[BX:.*]], %{{.*}}, %{{.*}}) in (%{{.*}} = %[[NB]],
// CHECK: scf.for
// CHECK: gpu.all_reduce add
// CHECK: memref.store %{{.*}}, %[[PART]][%[[BX]]]
// CHECK: gpu.terminator
// CHECK: scf.for %{{.*}} = %{{.*}} to %[[NB]]
// CHECK: arith.addf
// CHECK: memref.dealloc %[[PART]]

// NumPy's min (NaN propagates) and any (as i32) are device reductions too.
// CHECK-LABEL: func.func @lowest
// CHECK: gpu.launch
// CHECK: gpu.all_reduce minimumf
// CHECK: arith.minimumf
// CHECK-LABEL: func.func @anything
// CHECK: gpu.launch
// CHECK: gpu.all_reduce or
// CHECK: arith.ori

// A min the device cannot run (a runtime call in its body) stays on the
// host. An integer minsi becomes a serial loop: OpenMP has no such
// reduction. A lone float minimumf stays parallel, for
// weft-key-float-reductions to give OpenMP.
// CHECK-LABEL: func.func @printed_min
// CHECK-NOT: scf.parallel
// CHECK: %[[R:.*]] = scf.for {{.*}} iter_args(%[[ACC:.*]] = %{{.*}}) -> (i64)
// CHECK: weft.print
// CHECK: %[[M:.*]] = arith.minsi %[[ACC]], %{{.*}} : i64
// CHECK: scf.yield %[[M]] : i64
// CHECK: return %[[R]]
// CHECK-LABEL: func.func @printed_float_min
// CHECK-NOT: gpu.launch
// CHECK: scf.parallel
// CHECK: weft.print
// CHECK: arith.minimumf
func.func @saxpy(%x: memref<?xf32>, %y: memref<?xf32>, %a: f32, %n: index) attributes {weft.target = "gpu"} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    %xv = memref.load %x[%i] : memref<?xf32>
    %yv = memref.load %y[%i] : memref<?xf32>
    %p = arith.mulf %a, %xv : f32
    %s = arith.addf %p, %yv : f32
    memref.store %s, %y[%i] : memref<?xf32>
    scf.reduce
  }
  return
}
func.func @printing(%x: memref<?xf32>, %n: index) attributes {weft.target = "gpu"} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    %xv = memref.load %x[%i] : memref<?xf32>
    weft.print "{}" %xv : f32
    scf.reduce
  }
  return
}
func.func @host(%x: memref<?xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %z = arith.constant 0.0 : f32
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    memref.store %z, %x[%i] : memref<?xf32>
    scf.reduce
  }
  return
}
func.func @total(%x: memref<?xf32>, %n: index) -> f32 attributes {weft.target = "gpu"} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %z = arith.constant 0.0 : f32
  %s = scf.parallel (%i) = (%c0) to (%n) step (%c1) init (%z) -> f32 {
    %v = memref.load %x[%i] : memref<?xf32>
    scf.reduce(%v : f32) {
    ^bb0(%a: f32, %b: f32):
      %r = arith.addf %a, %b : f32
      scf.reduce.return %r : f32
    }
  }
  return %s : f32
}
func.func @lowest(%x: memref<?xf64>, %n: index) -> f64 attributes {weft.target = "gpu"} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %inf = arith.constant 0x7FF0000000000000 : f64
  %s = scf.parallel (%i) = (%c0) to (%n) step (%c1) init (%inf) -> f64 {
    %v = memref.load %x[%i] : memref<?xf64>
    scf.reduce(%v : f64) {
    ^bb0(%a: f64, %b: f64):
      %r = arith.minimumf %a, %b : f64
      scf.reduce.return %r : f64
    }
  }
  return %s : f64
}
func.func @anything(%x: memref<?xi1>, %n: index) -> i32 attributes {weft.target = "gpu"} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %z = arith.constant 0 : i32
  %s = scf.parallel (%i) = (%c0) to (%n) step (%c1) init (%z) -> i32 {
    %v = memref.load %x[%i] : memref<?xi1>
    %w = arith.extui %v : i1 to i32
    scf.reduce(%w : i32) {
    ^bb0(%a: i32, %b: i32):
      %r = arith.ori %a, %b : i32
      scf.reduce.return %r : i32
    }
  }
  return %s : i32
}
func.func @printed_min(%x: memref<?xi64>, %n: index) -> i64 attributes {weft.target = "gpu"} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %big = arith.constant 9223372036854775807 : i64
  %s = scf.parallel (%i) = (%c0) to (%n) step (%c1) init (%big) -> i64 {
    %v = memref.load %x[%i] : memref<?xi64>
    weft.print "{}" %v : i64
    scf.reduce(%v : i64) {
    ^bb0(%a: i64, %b: i64):
      %r = arith.minsi %a, %b : i64
      scf.reduce.return %r : i64
    }
  }
  return %s : i64
}
func.func @printed_float_min(%x: memref<?xf64>, %n: index) -> f64 attributes {weft.target = "gpu"} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %inf = arith.constant 0x7FF0000000000000 : f64
  %s = scf.parallel (%i) = (%c0) to (%n) step (%c1) init (%inf) -> f64 {
    %v = memref.load %x[%i] : memref<?xf64>
    weft.print "{}" %v : f64
    scf.reduce(%v : f64) {
    ^bb0(%a: f64, %b: f64):
      %r = arith.minimumf %a, %b : f64
      scf.reduce.return %r : f64
    }
  }
  return %s : f64
}
