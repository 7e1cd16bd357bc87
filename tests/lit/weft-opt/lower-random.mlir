// RUN: %weft-opt %s --weft-lower-random | FileCheck %s

// Element i of a stream: splitmix64's finaliser of key + i * golden step,
// then the top 53 bits as a multiple of 2^-53.
// CHECK-LABEL: func.func @bits
// CHECK: %[[STEP:.*]] = arith.constant -7046029254386353131 : i64
// CHECK: %[[M:.*]] = arith.muli %arg1, %[[STEP]]
// CHECK: arith.addi %arg0, %[[M]]
// CHECK: arith.constant -4658895280553007687 : i64
// CHECK: arith.constant 30 : i64
// CHECK: arith.constant -7723592293110705685 : i64
// CHECK: arith.constant 27 : i64
// CHECK: arith.constant 31 : i64
// CHECK: arith.constant 11 : i64
// CHECK: arith.uitofp
// CHECK: arith.constant 1.1102230246251565E-16 : f64
// CHECK-NOT: weft.
func.func @bits(%key: i64, %i: i64) -> f64 {
  %z = weft.random_bits %key, %i
  %u = weft.uniform %z
  return %u : f64
}

// A parallel iteration's draw adds i * the iteration step to the draw
// site's bits and mixes again.
// CHECK-LABEL: func.func @draw
// CHECK: %[[IT:.*]] = arith.constant 2685821657736338717 : i64
// CHECK: %[[OFF:.*]] = arith.muli %arg2, %[[IT]]
// CHECK: arith.constant 31 : i64
// CHECK: %[[SITE:.*]] = arith.xori
// CHECK-NEXT: arith.addi %[[SITE]], %[[OFF]]
// CHECK-NOT: weft.
func.func @draw(%key: i64, %k: i64, %it: i64) -> i64 {
  %z = weft.iteration_draw %key, %k, %it
  return %z : i64
}

// Box-Muller from elements 2i and 2i + 1.
// CHECK-LABEL: func.func @normal
// CHECK: %[[C0:.*]] = arith.muli %arg1, %c2_i64
// CHECK: arith.addi %[[C0]], %c1_i64
// CHECK: math.log
// CHECK: math.sqrt
// CHECK: arith.constant 6.2831853071795862 : f64
// CHECK: math.cos
func.func @normal(%key: i64, %i: i64) -> f64 {
  %g = weft.normal %key, %i
  return %g : f64
}

// Narrow widths scale a uniform number; wide ones take the high half of
// the 128-bit product.
// CHECK-LABEL: func.func @randint
// CHECK: %[[W:.*]] = arith.subi %arg2, %arg1
// CHECK: %[[NARROW:.*]] = arith.cmpi ule, %[[W]], %c9007199254740992_i64
// CHECK: %[[F:.*]] = arith.fptosi
// CHECK: %{{.*}}, %[[HIGH:.*]] = arith.mului_extended %arg0, %[[W]]
// CHECK: %[[OFF:.*]] = arith.select %[[NARROW]], %[[F]], %[[HIGH]]
// CHECK: arith.addi %arg1, %[[OFF]]
func.func @randint(%z: i64, %lo: i64, %hi: i64) -> i64 {
  %r = weft.randint %z, %lo, %hi
  return %r : i64
}
