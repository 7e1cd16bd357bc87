// RUN: %weft-opt %s --weft-lower-complex | FileCheck %s

// Complex arithmetic written out on the parts with CPython's formulas.

// The plain product: no recovery of infinities from NaN parts.
// CHECK-LABEL: func.func @product
// CHECK: %[[AR:.*]] = complex.re %arg0
// CHECK: %[[AI:.*]] = complex.im %arg0
// CHECK: %[[CR:.*]] = complex.re %arg1
// CHECK: %[[CI:.*]] = complex.im %arg1
// CHECK-DAG: %[[RR:.*]] = arith.mulf %[[AR]], %[[CR]]
// CHECK-DAG: %[[II:.*]] = arith.mulf %[[AI]], %[[CI]]
// CHECK-DAG: %[[RE:.*]] = arith.subf %[[RR]], %[[II]]
// CHECK-DAG: %[[RI:.*]] = arith.mulf %[[AR]], %[[CI]]
// CHECK-DAG: %[[IR:.*]] = arith.mulf %[[AI]], %[[CR]]
// CHECK-DAG: %[[IM:.*]] = arith.addf %[[RI]], %[[IR]]
// CHECK: %[[Z:.*]] = complex.create %[[RE]], %[[IM]]
// CHECK: return %[[Z]]
// CHECK-NOT: complex.mul
func.func @product(%a: complex<f64>, %b: complex<f64>) -> complex<f64> {
  %r = complex.mul %a, %b : complex<f64>
  return %r : complex<f64>
}

// Smith's quotient: the branch of the larger part of the divisor is
// chosen by two comparisons, NaN when neither holds.
// CHECK-LABEL: func.func @quotient
// CHECK-DAG: %[[NAN:.*]] = arith.constant 0x7FF8000000000000 : f64
// CHECK-DAG: arith.cmpf oge
// CHECK: arith.select %{{.*}}, %{{.*}}, %[[NAN]]
// CHECK-NOT: complex.div
func.func @quotient(%a: complex<f64>, %b: complex<f64>) -> complex<f64> {
  %r = complex.div %a, %b : complex<f64>
  return %r : complex<f64>
}

// ** of an integer: repeated squaring in an scf.while, then the
// reciprocal for a negative exponent.
// CHECK-LABEL: func.func @power
// CHECK: arith.cmpi slt, %arg1
// CHECK: scf.while
// CHECK: arith.shrsi
// CHECK: arith.select
// CHECK-NOT: complex.powi
func.func @power(%a: complex<f64>, %n: i64) -> complex<f64> {
  %r = complex.powi %a, %n : complex<f64>, i64
  return %r : complex<f64>
}

// abs is libm's hypot of the parts (weft-lower-math makes the call).
// CHECK-LABEL: func.func @magnitude
// CHECK: %[[RE:.*]] = complex.re %arg0
// CHECK: %[[IM:.*]] = complex.im %arg0
// CHECK: weft.libm "hypot"(%[[RE]], %[[IM]]) : f64
// CHECK: weft.libm "hypot"
func.func @magnitude(%a: complex<f64>) -> f64 {
  %r = complex.abs %a : complex<f64>
  %s = complex.abs %a : complex<f64>
  %t = arith.addf %r, %s : f64
  return %t : f64
}

// == compares both parts ordered; != is true when either part differs
// or is NaN. + and - are part by part.
// CHECK-LABEL: func.func @compare
// CHECK: arith.cmpf oeq
// CHECK: arith.cmpf oeq
// CHECK: arith.andi
// CHECK: arith.cmpf une
// CHECK: arith.cmpf une
// CHECK: arith.ori
// CHECK: arith.addf
// CHECK: arith.addf
// CHECK: arith.subf
// CHECK: arith.subf
// CHECK-NOT: complex.add
// CHECK-NOT: complex.sub
func.func @compare(%a: complex<f64>, %b: complex<f64>) -> (i1, i1, complex<f64>) {
  %e = complex.eq %a, %b : complex<f64>
  %n = complex.neq %a, %b : complex<f64>
  %s = complex.add %a, %b : complex<f64>
  %d = complex.sub %s, %b : complex<f64>
  return %e, %n, %d : i1, i1, complex<f64>
}
