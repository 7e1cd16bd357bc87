// RUN: %weft-opt %s --weft-lower-vmap | FileCheck %s

func.func private @norm(%r: memref<?xf64, strided<[?], offset: ?>>, %p: f64) -> f64
func.func private @twice(%x: f64) -> memref<?xf64, strided<[?], offset: ?>>

// A callee returning a number: one call per row (a view of the row, the
// number operand as it is) in a parallel nest storing into a fresh 1-D
// result.
// CHECK-LABEL: func.func @rows
// CHECK: %[[B:.*]], %[[OFF:.*]], %[[SIZES:.*]]:2, %[[STRIDES:.*]]:2 = memref.extract_strided_metadata %arg0
// CHECK: memref.alloc
// CHECK: scf.parallel (%[[I:.*]]) =
// CHECK: %[[ROW:.*]] = memref.reinterpret_cast %[[B]]
// CHECK: %[[V:.*]] = {{(func\.)?}}call @norm(%[[ROW]], %arg1)
// CHECK: memref.store %[[V]]
// CHECK: weft.raise_recorded
// CHECK-NOT: weft.vmap
func.func @rows(%m: memref<?x?xf64, strided<[?, ?], offset: ?>>, %p: f64) -> memref<?xf64, strided<[?], offset: ?>> {
  %r = weft.vmap @norm(%m, %p) axis 0 line 4 : (memref<?x?xf64, strided<[?, ?], offset: ?>>, f64) -> memref<?xf64, strided<[?], offset: ?>>
  return %r : memref<?xf64, strided<[?], offset: ?>>
}

// A callee returning an array, mapped over the elements of a 1-D i64
// array (each converted to the f64 parameter): the first call sizes the
// result, the others are checked to return that shape.
// CHECK-LABEL: func.func @arrays
// CHECK: weft.fail "ValueError: vmap over an empty axis: the function's result shape is unknown" line 7
// CHECK: %[[E:.*]] = memref.load %arg0
// CHECK: %[[F:.*]] = arith.sitofp %[[E]] : i64 to f64
// CHECK: %[[FIRST:.*]] = {{(func\.)?}}call @twice(%[[F]])
// CHECK: weft.release %[[FIRST]]
// CHECK: scf.parallel
// CHECK: {{(func\.)?}}call @twice
// CHECK: weft.fail "ValueError: vmap: the function returned arrays of different shapes" line 7
// CHECK: weft.raise_recorded
func.func @arrays(%a: memref<?xi64, strided<[?], offset: ?>>) -> memref<?x?xf64, strided<[?, ?], offset: ?>> {
  %r = weft.vmap @twice(%a) axis 0 line 7 : (memref<?xi64, strided<[?], offset: ?>>) -> memref<?x?xf64, strided<[?, ?], offset: ?>>
  return %r : memref<?x?xf64, strided<[?, ?], offset: ?>>
}

// Two mapped arrays: their axes' lengths are checked equal.
func.func private @dot(%a: f64, %b: f64) -> f64
// CHECK-LABEL: func.func @pairs
// CHECK: %{{.*}}, %{{.*}}, %[[SA:.*]], %{{.*}} = memref.extract_strided_metadata %arg0
// CHECK: %{{.*}}, %{{.*}}, %[[SB:.*]], %{{.*}} = memref.extract_strided_metadata %arg1
// CHECK: %[[NE:.*]] = arith.cmpi ne, %[[SA]], %[[SB]]
// CHECK-NEXT: scf.if %[[NE]] {
// CHECK-NEXT: weft.fail "ValueError: vmap: the arguments' mapped axes have different lengths" line 9
func.func @pairs(%a: memref<?xf64>, %b: memref<?xf64>) -> memref<?xf64> {
  %r = weft.vmap @dot(%a, %b) axis 0 line 9 : (memref<?xf64>, memref<?xf64>) -> memref<?xf64>
  return %r : memref<?xf64>
}
