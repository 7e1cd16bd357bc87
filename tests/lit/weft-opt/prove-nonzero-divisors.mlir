// RUN: %weft-opt %s --weft-prove-nonzero-divisors | FileCheck %s

// 1 + k * |d| (the normal CDF's polynomial) and 1 + exp(-x) (a sigmoid)
// are never zero: their checks fold to false.
// CHECK-LABEL: func.func @never_zero
// CHECK-NOT: arith.cmpf
// CHECK: return %false, %false
func.func @never_zero(%d: f64, %x: f64) -> (i1, i1) {
  %zero = arith.constant 0.0 : f64
  %one = arith.constant 1.0 : f64
  %k = arith.constant 0.2316419 : f64
  %a = math.absf %d : f64
  %ka = arith.mulf %k, %a : f64
  %den = arith.addf %one, %ka : f64
  %c1 = arith.cmpf oeq, %den, %zero : f64
  %nx = arith.negf %x : f64
  %e = math.exp %nx : f64
  %den2 = arith.addf %one, %e : f64
  %c2 = arith.cmpf oeq, %den2, %zero : f64
  return %c1, %c2 : i1, i1
}

// Values that can be zero keep their checks: a square (0 for 0), a
// product of positive numbers (it can underflow), a sum of unknowns.
// CHECK-LABEL: func.func @maybe_zero
// CHECK-COUNT-3: arith.cmpf oeq
func.func @maybe_zero(%x: f64, %y: f64) -> (i1, i1, i1) {
  %zero = arith.constant 0.0 : f64
  %tiny = arith.constant 1.0e-200 : f64
  %sq = arith.mulf %x, %x : f64
  %c1 = arith.cmpf oeq, %sq, %zero : f64
  %p = arith.mulf %tiny, %tiny : f64
  %c2 = arith.cmpf oeq, %p, %zero : f64
  %s = arith.addf %x, %y : f64
  %c3 = arith.cmpf oeq, %s, %zero : f64
  return %c1, %c2, %c3 : i1, i1, i1
}
