// RUN: %weft-opt %s --canonicalize | FileCheck %s --check-prefix=FOLD
// RUN: %weft-opt %s --weft-lower-math | FileCheck %s

// weft.atan2 folds by C's rules: atan2(0, 0) = 0, atan2(0, -0) = pi
// (math.atan2's folder makes both NaN).
// FOLD-LABEL: func.func @zeros
// FOLD-DAG: arith.constant 0.000000e+00 : f64
// FOLD-DAG: arith.constant 3.1415926535897931 : f64
// FOLD-DAG: arith.constant -3.14159274 : f32
// FOLD-NOT: atan2
// FOLD: return
func.func @zeros() -> (f64, f64, f32) {
  %p = arith.constant 0.0 : f64
  %n = arith.constant -0.0 : f64
  %nf = arith.constant -0.0 : f32
  %a = weft.atan2 %p, %p : f64
  %b = weft.atan2 %p, %n : f64
  %c = weft.atan2 %nf, %nf : f32
  return %a, %b, %c : f64, f64, f32
}

// weft-lower-math folds what is constant and makes the rest math.atan2.
// CHECK-LABEL: func.func @lower
// CHECK: %[[Z:.*]] = arith.constant 0.000000e+00 : f64
// CHECK: %[[A:.*]] = math.atan2 %arg0, %arg1 : f64
// CHECK-NOT: weft.atan2
// CHECK: return %[[A]], %[[Z]]
func.func @lower(%y: f64, %x: f64) -> (f64, f64) {
  %p = arith.constant 0.0 : f64
  %a = weft.atan2 %y, %x : f64
  %b = weft.atan2 %p, %p : f64
  return %a, %b : f64, f64
}
