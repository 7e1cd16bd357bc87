// RUN: %weft-opt %s --weft-lower-parallel-for | FileCheck %s
// RUN: %weft-opt %s | %weft-opt | FileCheck %s --check-prefix=ROUND

// A sum and a float max: the body starts each from its identity (0 and
// -inf), the parts are combined by addf and maximumf (NaN propagates), and
// the errors recorded by iterations are raised after the loop. The
// function's fast-math flags go on the combiners.
// ROUND-LABEL: func.func @sum_and_max
// ROUND: weft.parallel_for %{{.*}} reduce(%{{.*}}, %{{.*}} : f64, f64) kinds ["sum", "max"]
// ROUND: weft.parallel_yield %{{.*}}, %{{.*}} : f64, f64
// CHECK-LABEL: func.func @sum_and_max
// CHECK: %[[N:.*]] = arith.index_cast %arg0 : i64 to index
// CHECK: %[[R:.*]]:2 = scf.parallel (%[[I:.*]]) = (%{{.*}}) to (%[[N]]) step (%{{.*}}) init (%arg1, %arg1) -> (f64, f64)
// CHECK: %[[K:.*]] = arith.index_cast %[[I]] : index to i64
// CHECK-DAG: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f64
// CHECK-DAG: %[[NINF:.*]] = arith.constant 0xFFF0000000000000 : f64
// CHECK: %[[X:.*]] = arith.sitofp %[[K]] : i64 to f64
// CHECK: %[[S:.*]] = arith.addf %[[ZERO]], %[[X]]
// CHECK: %[[M:.*]] = arith.maximumf %[[NINF]], %[[X]]
// CHECK: scf.reduce(%[[S]], %[[M]] : f64, f64)
// CHECK: arith.addf %{{.*}}, %{{.*}} fastmath<reassoc> : f64
// CHECK: arith.maximumf %{{.*}}, %{{.*}} fastmath<reassoc> : f64
// CHECK: weft.raise_recorded
// CHECK: return %[[R]]#0, %[[R]]#1
func.func @sum_and_max(%n: i64, %init: f64) -> (f64, f64) {
  %r:2 = weft.parallel_for %n reduce(%init, %init : f64, f64) kinds ["sum", "max"] {
  ^bb0(%k: i64, %s: f64, %m: f64):
    %x = arith.sitofp %k : i64 to f64
    %s2 = arith.addf %s, %x : f64
    %m2 = arith.maximumf %m, %x : f64
    weft.parallel_yield %s2, %m2 : f64, f64
  } {fastmath = #arith.fastmath<reassoc>} -> f64, f64
  return %r#0, %r#1 : f64, f64
}

// Integer min and product: compare-and-select, muli; identities the
// largest i64 and 1.
// CHECK-LABEL: func.func @min_and_prod
// CHECK-DAG: arith.constant 9223372036854775807 : i64
// CHECK-DAG: arith.constant 1 : i64
// CHECK: scf.reduce
// CHECK: arith.cmpi slt
// CHECK-NEXT: arith.select
// CHECK: arith.muli
func.func @min_and_prod(%n: i64, %a: i64, %b: i64) -> (i64, i64) {
  %r:2 = weft.parallel_for %n reduce(%a, %b : i64, i64) kinds ["min", "prod"] {
  ^bb0(%k: i64, %lo: i64, %p: i64):
    %lo2 = arith.minsi %lo, %k : i64
    %p2 = arith.muli %p, %k : i64
    weft.parallel_yield %lo2, %p2 : i64, i64
  } -> i64, i64
  return %r#0, %r#1 : i64, i64
}

// A proven-independent loop without reductions is marked with its trip
// count for weft-choose-parallel-nests; a prange is not.
// CHECK-LABEL: func.func @automatic
// CHECK: scf.parallel
// CHECK-NEXT: weft.parallel_work
// CHECK-LABEL: func.func @prange
// CHECK: scf.parallel
// CHECK-NOT: weft.parallel_work
// CHECK: memref.store
func.func @automatic(%n: i64, %out: memref<?xi64>) {
  weft.parallel_for %n automatic kinds [] {
  ^bb0(%k: i64):
    %i = arith.index_cast %k : i64 to index
    memref.store %k, %out[%i] : memref<?xi64>
    weft.parallel_yield
  }
  return
}
func.func @prange(%n: i64, %out: memref<?xi64>) {
  weft.parallel_for %n kinds [] {
  ^bb0(%k: i64):
    %i = arith.index_cast %k : i64 to index
    memref.store %k, %out[%i] : memref<?xi64>
    weft.parallel_yield
  }
  return
}
