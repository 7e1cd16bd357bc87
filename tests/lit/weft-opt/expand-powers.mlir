// RUN: %weft-opt %s --weft-expand-powers | FileCheck %s
// RUN: %weft-opt %s --weft-expand-powers=max-exponent=4 | FileCheck %s --check-prefix=MAX4

// x ** 6 by squaring: x^2, x^4, then x^2 * x^4.
// CHECK-LABEL: func.func @six
// CHECK: %[[X2:.*]] = arith.mulf %arg0, %arg0
// CHECK: %[[X4:.*]] = arith.mulf %[[X2]], %[[X2]]
// CHECK: %[[X6:.*]] = arith.mulf %[[X2]], %[[X4]]
// CHECK-NOT: math.powf
// CHECK: return %[[X6]]
// MAX4-LABEL: func.func @six
// MAX4: math.powf
func.func @six(%x: f64) -> f64 {
  %c = arith.constant 6.0 : f64
  %p = math.powf %x, %c : f64
  return %p : f64
}

// A negative exponent takes the reciprocal; 0 gives 1.
// CHECK-LABEL: func.func @negative
// CHECK: %[[X2:.*]] = arith.mulf %arg0, %arg0
// CHECK: %[[X3:.*]] = arith.mulf %arg0, %[[X2]]
// CHECK: %[[R:.*]] = arith.divf %{{.*}}, %[[X3]]
// CHECK: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: return %[[R]], %[[ONE]]
func.func @negative(%x: f32) -> (f32, f32) {
  %c = arith.constant -3.0 : f32
  %p = math.powf %x, %c : f32
  %z = arith.constant 0.0 : f32
  %q = math.powf %x, %z : f32
  return %p, %q : f32, f32
}

// 0.5: sqrt of x + 0.0 (so -0.0 gives +0.0), +inf for -inf, as pow.
// CHECK-LABEL: func.func @root
// CHECK: %[[INF:.*]] = arith.constant 0x7FF0000000000000 : f64
// CHECK: %[[NINF:.*]] = arith.constant 0xFFF0000000000000 : f64
// CHECK: %[[IS:.*]] = arith.cmpf oeq, %arg0, %[[NINF]]
// CHECK: %[[POS:.*]] = arith.addf %arg0, %{{.*}}
// CHECK: %[[S:.*]] = math.sqrt %[[POS]]
// CHECK: arith.select %[[IS]], %[[INF]], %[[S]]
// CHECK-NOT: math.powf
func.func @root(%x: f64) -> f64 {
  %c = arith.constant 0.5 : f64
  %p = math.powf %x, %c : f64
  return %p : f64
}

// Other exponents and non-constant ones stay calls.
// CHECK-LABEL: func.func @kept
// CHECK: math.powf %arg0, %{{.*}}
// CHECK: math.powf %arg0, %arg1
// CHECK: math.powf %arg0, %{{.*}}
func.func @kept(%x: f64, %y: f64) -> (f64, f64, f64) {
  %c = arith.constant 2.5 : f64
  %p = math.powf %x, %c : f64
  %q = math.powf %x, %y : f64
  %big = arith.constant 100.0 : f64
  %r = math.powf %x, %big : f64
  return %p, %q, %r : f64, f64, f64
}

// Integer powers: exact multiplications for 0 <= k <= max; a negative
// exponent stays ipowi.
// CHECK-LABEL: func.func @ints
// CHECK: %[[N2:.*]] = arith.muli %arg0, %arg0
// CHECK: %[[N4:.*]] = arith.muli %[[N2]], %[[N2]]
// CHECK: %[[N5:.*]] = arith.muli %arg0, %[[N4]]
// CHECK: math.ipowi %arg0, %{{.*}}
// CHECK: return %[[N5]]
func.func @ints(%n: i64) -> (i64, i64) {
  %c5 = arith.constant 5 : i64
  %p = math.ipowi %n, %c5 : i64
  %cm = arith.constant -1 : i64
  %q = math.ipowi %n, %cm : i64
  return %p, %q : i64, i64
}
