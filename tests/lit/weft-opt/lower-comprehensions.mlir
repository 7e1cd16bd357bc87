// RUN: %weft-opt %s --weft-lower-comprehensions | FileCheck %s
// RUN: %weft-opt %s | %weft-opt | FileCheck %s --check-prefix=ROUND

// Numbers: a new array of the count, one store per iteration, the carried
// draw counter threaded through the loop.
// ROUND-LABEL: func.func @numbers
// ROUND: weft.comprehension %{{.*}} iter_args(%{{.*}} : i64) element {
// CHECK-LABEL: func.func @numbers
// CHECK: memref.alloc(%{{.*}}) : memref<?xi64>
// CHECK: %[[K:.*]] = scf.for %[[I:[a-z0-9_]+]] = %{{.*}} to %arg0 step %{{.*}} iter_args(%[[C:[a-z0-9_]+]] = %arg1) -> (i64)
// CHECK: %[[NEXT:.*]] = arith.addi %[[C]]
// CHECK: memref.store %{{.*}}, %{{.*}}[%[[I]]]
// CHECK: scf.yield %[[NEXT]] : i64
// CHECK: return %{{.*}}, %[[K]]
func.func @numbers(%n: index, %k: i64) -> (memref<?xi64, strided<[?], offset: ?>>, i64) {
  %r, %k2 = weft.comprehension %n iter_args(%k : i64) element {
  ^bb0(%i: index, %k1: i64):
    %x = arith.index_cast %i : index to i64
    %one = arith.constant 1 : i64
    %k3 = arith.addi %k1, %one : i64
    weft.comprehension_yield %x, %k3 : i64, i64
  } line 2 : memref<?xi64, strided<[?], offset: ?>>, i64
  return %r, %k2 : memref<?xi64, strided<[?], offset: ?>>, i64
}

// With a condition: the element runs in an scf.if of the kept ones, stored
// at the kept count; the result is a view of the kept part.
// ROUND-LABEL: func.func @filtered
// ROUND: weft.comprehension %{{.*}} if {
// CHECK-LABEL: func.func @filtered
// CHECK: %[[OUT:.*]] = memref.alloc
// CHECK: %[[KEPT:.*]] = scf.for {{.*}} iter_args(%[[SO_FAR:[a-z0-9_]+]] = %{{.*}}) -> (index)
// CHECK: %[[KEEP:.*]] = arith.cmpi sgt
// CHECK: scf.if %[[KEEP]] {
// CHECK: arith.sitofp
// CHECK: memref.store %{{.*}}, %{{.*}}[%[[SO_FAR]]]
// CHECK: arith.select %[[KEEP]]
// CHECK: %[[MD:[a-z_0-9]+]], %{{.*}} = memref.extract_strided_metadata
// CHECK: memref.reinterpret_cast %[[MD]] to offset: [%{{.*}}], sizes: [%[[KEPT]]], strides: [%{{.*}}]
func.func @filtered(%n: index) -> memref<?xf64, strided<[?], offset: ?>> {
  %r = weft.comprehension %n if {
  ^bb0(%i: index):
    %x = arith.index_cast %i : index to i64
    %two = arith.constant 2 : i64
    %keep = arith.cmpi sgt, %x, %two : i64
    weft.comprehension_yield %keep : i1
  } element {
  ^bb0(%i: index):
    %x = arith.index_cast %i : index to i64
    %f = arith.sitofp %x : i64 to f64
    weft.comprehension_yield %f : f64
  } line 3 : memref<?xf64, strided<[?], offset: ?>>
  return %r : memref<?xf64, strided<[?], offset: ?>>
}

// Arrays: the first iteration (when there is one) fixes the shape; every
// element is checked against it, copied and released.
// CHECK-LABEL: func.func @arrays
// CHECK: %[[FIRST:.*]] = scf.if %{{.*}} -> (memref<?x?xf64, strided<[?, ?], offset: ?>>) {
// CHECK: memref.alloc
// CHECK: weft.fail "ValueError: setting an array element with a sequence.{{.*}}" line 4
// CHECK: weft.release
// CHECK: } else {
// CHECK: scf.for %{{.*}} = %c1
// CHECK: weft.fail "ValueError: setting an array element with a sequence.{{.*}}" line 4
// CHECK: memref.store
// CHECK: weft.release
// CHECK: return %[[FIRST]]
func.func @arrays(%n: index, %a: memref<?xf64, strided<[?], offset: ?>>) -> memref<?x?xf64, strided<[?, ?], offset: ?>> {
  %r = weft.comprehension %n element {
  ^bb0(%i: index):
    weft.retain %a : memref<?xf64, strided<[?], offset: ?>>
    weft.comprehension_yield %a : memref<?xf64, strided<[?], offset: ?>>
  } line 4 : memref<?x?xf64, strided<[?, ?], offset: ?>>
  return %r : memref<?x?xf64, strided<[?, ?], offset: ?>>
}

// A list of tuples: one array per field, both stored in each iteration;
// "fields 2" prints only when not 1.
// ROUND-LABEL: func.func @fields
// ROUND: } line 4 fields 2 : memref<?xi64, strided<[?], offset: ?>>, memref<?xf64, strided<[?], offset: ?>>
// CHECK-LABEL: func.func @fields
// CHECK: %[[A:.*]] = memref.alloc(%{{.*}}) : memref<?xi64>
// CHECK: %[[B:.*]] = memref.alloc(%{{.*}}) : memref<?xf64>
// CHECK: scf.for %[[I:[a-z0-9_]+]] =
// CHECK: memref.store %{{.*}}, %{{.*}}[%[[I]]] : memref<?xi64
// CHECK: memref.store %{{.*}}, %{{.*}}[%[[I]]] : memref<?xf64
func.func @fields(%n: index) -> (memref<?xi64, strided<[?], offset: ?>>, memref<?xf64, strided<[?], offset: ?>>) {
  %a, %b = weft.comprehension %n element {
  ^bb0(%i: index):
    %x = arith.index_cast %i : index to i64
    %y = arith.sitofp %x : i64 to f64
    weft.comprehension_yield %x, %y : i64, f64
  } line 4 fields 2 : memref<?xi64, strided<[?], offset: ?>>, memref<?xf64, strided<[?], offset: ?>>
  return %a, %b : memref<?xi64, strided<[?], offset: ?>>, memref<?xf64, strided<[?], offset: ?>>
}
