// RUN: %weft-opt %s --canonicalize | FileCheck %s --check-prefix=FOLD
// RUN: %weft-opt %s --weft-lower-math | FileCheck %s
// RUN: %weft-opt %s --weft-lower-math | FileCheck %s --check-prefix=LIBM

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

// Python's // and % on integer constants fold (floor division, the
// divisor's sign, NumPy's 0 for a zero divisor, MIN // -1 wrapping), as
// do shifts by any count.
// FOLD-LABEL: func.func @python_ints
// FOLD-DAG: %[[M4:.*]] = arith.constant -4 : i64
// FOLD-DAG: %[[M2:.*]] = arith.constant -2 : i64
// FOLD-DAG: %[[Z:.*]] = arith.constant 0 : i64
// FOLD-DAG: %[[MIN:.*]] = arith.constant -9223372036854775808 : i64
// FOLD-DAG: %[[M1:.*]] = arith.constant -1 : i64
// FOLD-DAG: %[[TWELVE:.*]] = arith.constant 12 : i64
// FOLD-NOT: weft.
// FOLD: return %[[M4]], %[[M2]], %[[Z]], %[[Z]], %[[MIN]], %[[Z]], %[[Z]], %[[M1]], %[[TWELVE]]
func.func @python_ints() -> (i64, i64, i64, i64, i64, i64, i64, i64, i64) {
  %m7 = arith.constant -7 : i64
  %c7 = arith.constant 7 : i64
  %c2 = arith.constant 2 : i64
  %m3 = arith.constant -3 : i64
  %c0 = arith.constant 0 : i64
  %m1 = arith.constant -1 : i64
  %min = arith.constant -9223372036854775808 : i64
  %c70 = arith.constant 70 : i64
  %m5 = arith.constant -5 : i64
  %c3 = arith.constant 3 : i64
  %a = weft.floordiv %m7, %c2 : i64
  %b = weft.mod %c7, %m3 : i64
  %c = weft.floordiv %c7, %c0 : i64
  %d = weft.mod %c7, %c0 : i64
  %e = weft.floordiv %min, %m1 : i64
  %f = weft.mod %min, %m1 : i64
  %g = weft.shl %c7, %c70 : i64
  %h = weft.shr %m5, %c70 : i64
  %i = weft.shl %c3, %c2 : i64
  return %a, %b, %c, %d, %e, %f, %g, %h, %i : i64, i64, i64, i64, i64, i64, i64, i64, i64
}

// Integer // never traps: a zero divisor (and MIN // -1) divide by 1, and
// a zero divisor's quotient is 0.
// CHECK-LABEL: func.func @int_floordiv
// CHECK: %[[BYZERO:.*]] = arith.cmpi eq, %arg1, %{{.*}} : i64
// CHECK: %[[SAFE:.*]] = arith.select %{{.*}}, %{{.*}}, %arg1 : i64
// CHECK: %[[Q:.*]] = arith.floordivsi %arg0, %[[SAFE]] : i64
// CHECK: %[[R:.*]] = arith.select %[[BYZERO]], %{{.*}}, %[[Q]] : i64
// CHECK-NOT: weft.floordiv
// CHECK: return %[[R]]
func.func @int_floordiv(%a: i64, %b: i64) -> i64 {
  %q = weft.floordiv %a, %b : i64
  return %q : i64
}

// Float %: fmod moved to the divisor's sign; a zero remainder is a zero
// with the divisor's sign; a zero divisor gives fmod's NaN.
// CHECK-LABEL: func.func @float_mod
// CHECK: %[[REM:.*]] = arith.remf %arg0, %arg1 : f64
// CHECK: arith.addf %[[REM]], %arg1
// CHECK: math.copysign
// CHECK: %[[BYZERO:.*]] = arith.cmpf oeq, %arg1
// CHECK: %[[R:.*]] = arith.select %[[BYZERO]], %[[REM]], %{{.*}} : f64
// CHECK: return %[[R]]
func.func @float_mod(%a: f64, %b: f64) -> f64 {
  %r = weft.mod %a, %b : f64
  return %r : f64
}

// Float //: CPython's exact floor division, l / r for a zero divisor.
// CHECK-LABEL: func.func @float_floordiv
// CHECK: arith.remf %arg0, %arg1
// CHECK: math.floor
// CHECK: math.copysign
// CHECK: %[[BYZERO:.*]] = arith.cmpf oeq, %arg1
// CHECK: %[[DIV:.*]] = arith.divf %arg0, %arg1
// CHECK: arith.select %[[BYZERO]], %[[DIV]], %{{.*}} : f32
func.func @float_floordiv(%a: f32, %b: f32) -> f32 {
  %r = weft.floordiv %a, %b : f32
  return %r : f32
}

// >> by a count past the width gives the sign (0 or -1).
// CHECK-LABEL: func.func @shift_right
// CHECK: %[[FAR:.*]] = arith.cmpi uge, %arg1, %c32_i32
// CHECK: %[[SIGN:.*]] = arith.shrsi %arg0, %c31_i32
// CHECK: %[[SH:.*]] = arith.shrsi %arg0, %{{.*}} : i32
// CHECK: arith.select %[[FAR]], %[[SIGN]], %[[SH]] : i32
func.func @shift_right(%a: i32, %n: i32) -> i32 {
  %r = weft.shr %a, %n : i32
  return %r : i32
}

// By a constant power of two: // is an arithmetic shift (the floor for
// negative numbers too), % the low bits (the divisor's sign: never
// negative); other constants keep the general code.
// CHECK-LABEL: func.func @by_power_of_two
// CHECK: %[[Q:.*]] = arith.shrsi %arg0, %c2_i64 : i64
// CHECK: %[[R:.*]] = arith.andi %arg0, %c7_i64 : i64
// CHECK: arith.floordivsi
// CHECK: return %[[Q]], %[[R]]
func.func @by_power_of_two(%x: i64) -> (i64, i64, i64) {
  %c4 = arith.constant 4 : i64
  %c8 = arith.constant 8 : i64
  %c6 = arith.constant 6 : i64
  %q = weft.floordiv %x, %c4 : i64
  %r = weft.mod %x, %c8 : i64
  %s = weft.floordiv %x, %c6 : i64
  return %q, %r, %s : i64, i64, i64
}

// NumPy's float functions: minimum/maximum keep a NaN of the first operand
// and let the second win ties; around scales by 10**|d| both ways; isclose
// tests finiteness before the tolerance.
// CHECK-LABEL: func.func @numpy_floats
// CHECK: %[[LT:.*]] = arith.cmpf olt, %arg0, %arg1 : f64
// CHECK: %[[NAN:.*]] = arith.cmpf uno, %arg0, %arg0 : f64
// CHECK: %[[EITHER:.*]] = arith.ori %[[LT]], %[[NAN]]
// CHECK: %[[MIN:.*]] = arith.select %[[EITHER]], %arg0, %arg1 : f64
// CHECK: arith.cmpf ogt, %arg0, %arg1 : f64
// CHECK: math.powf
// CHECK: math.roundeven
// CHECK-DAG: arith.cmpf ole
// CHECK-DAG: arith.cmpf one
// CHECK-NOT: weft.minimum
// CHECK-NOT: weft.maximum
// CHECK-NOT: weft.round
// CHECK-NOT: weft.isclose
// CHECK: return %[[MIN]]
func.func @numpy_floats(%x: f64, %y: f64, %d: f64, %e: i1) -> (f64, f64, f64, i1) {
  %a = weft.minimum %x, %y : f64
  %b = weft.maximum %x, %y : f64
  %c = weft.round %x, %d : f64
  %i = weft.isclose %x, %y, %d, %d, %e : f64
  return %a, %b, %c, %i : f64, f64, f64, i1
}

// weft.libm calls C's function on the host (the f suffix for f32) and
// libdevice's in a GPU module, each declared once in its symbol table.
// LIBM-DAG: llvm.func @hypotf(f32, f32) -> f32
// LIBM-DAG: llvm.func @lgamma(f64) -> f64
// LIBM: gpu.module @kernels {
// LIBM-NEXT: llvm.func @__nv_tgamma(f64) -> f64
// LIBM: func.func @device
// LIBM: llvm.call @__nv_tgamma(%{{.*}}) : (f64) -> f64
// LIBM-LABEL: func.func @host
// LIBM: llvm.call @hypotf(%{{.*}}, %{{.*}}) : (f32, f32) -> f32
// LIBM: llvm.call @lgamma(%{{.*}}) : (f64) -> f64
// LIBM: llvm.call @lgamma(%{{.*}}) : (f64) -> f64
gpu.module @kernels {
  func.func @device(%x: f64) -> f64 {
    %g = weft.libm "tgamma"(%x) : f64
    return %g : f64
  }
}
func.func @host(%x: f32, %y: f64) -> (f32, f64, f64) {
  %h = weft.libm "hypot"(%x, %x) : f32
  %l = weft.libm "lgamma"(%y) : f64
  %m = weft.libm "lgamma"(%l) : f64
  return %h, %l, %m : f32, f64, f64
}
