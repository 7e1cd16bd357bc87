// RUN: %weft-opt %s --weft-key-float-reductions | FileCheck %s

// A float min reduction runs on an i64 order key and an i32 NaN flag
// (cmpi + select, ori: forms OpenMP reduces); the sum beside it is kept.
// After the loop the key is a float again, NaN when the flag is set.
// CHECK-LABEL: func.func @min_and_sum
// CHECK: %[[INIT:.*]] = arith.bitcast %{{.*}} : f64 to i64
// CHECK: %[[R:.*]]:3 = scf.parallel {{.*}} init (%{{.*}}, %{{.*}}, %{{.*}}) -> (i64, f64, i32)
// CHECK: arith.cmpf uno
// CHECK: scf.reduce(%{{.*}}, %{{.*}}, %{{.*}} : i64, f64, i32)
// CHECK: arith.cmpi slt
// CHECK-NEXT: arith.select
// CHECK: arith.addf
// CHECK: arith.ori
// CHECK: %[[F:.*]] = arith.bitcast %{{.*}} : i64 to f64
// CHECK: %[[NAN:.*]] = arith.cmpi ne, %[[R]]#2
// CHECK: %[[OUT:.*]] = arith.select %[[NAN]], %{{.*}}, %[[F]] : f64
// CHECK: return %[[OUT]], %[[R]]#1
func.func @min_and_sum(%x: memref<?xf64>, %n: index) -> (f64, f64) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %inf = arith.constant 0x7FF0000000000000 : f64
  %zero = arith.constant 0.0 : f64
  %m, %s = scf.parallel (%i) = (%c0) to (%n) step (%c1) init (%inf, %zero) -> (f64, f64) {
    %v = memref.load %x[%i] : memref<?xf64>
    scf.reduce(%v, %v : f64, f64) {
    ^bb0(%a: f64, %b: f64):
      %r = arith.minimumf %a, %b : f64
      scf.reduce.return %r : f64
    }, {
    ^bb0(%a: f64, %b: f64):
      %r = arith.addf %a, %b : f64
      scf.reduce.return %r : f64
    }
  }
  return %m, %s : f64, f64
}

// f32 max: i32 keys, compared with sgt.
// CHECK-LABEL: func.func @max32
// CHECK: scf.parallel {{.*}} -> (i32, i32)
// CHECK: arith.cmpi sgt
// CHECK: arith.bitcast %{{.*}} : i32 to f32
func.func @max32(%x: memref<?xf32>, %n: index) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %ninf = arith.constant 0xFF800000 : f32
  %m = scf.parallel (%i) = (%c0) to (%n) step (%c1) init (%ninf) -> f32 {
    %v = memref.load %x[%i] : memref<?xf32>
    scf.reduce(%v : f32) {
    ^bb0(%a: f32, %b: f32):
      %r = arith.maximumf %b, %a : f32
      scf.reduce.return %r : f32
    }
  }
  return %m : f32
}

// Other combiners (here a min that ignores NaN) are left as they are.
// CHECK-LABEL: func.func @untouched
// CHECK: scf.parallel {{.*}} -> f64
// CHECK: arith.minnumf
func.func @untouched(%x: memref<?xf64>, %n: index) -> f64 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %inf = arith.constant 0x7FF0000000000000 : f64
  %m = scf.parallel (%i) = (%c0) to (%n) step (%c1) init (%inf) -> f64 {
    %v = memref.load %x[%i] : memref<?xf64>
    scf.reduce(%v : f64) {
    ^bb0(%a: f64, %b: f64):
      %r = arith.minnumf %a, %b : f64
      scf.reduce.return %r : f64
    }
  }
  return %m : f64
}
