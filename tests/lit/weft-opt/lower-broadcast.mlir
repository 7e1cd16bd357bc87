// RUN: %weft-opt %s --weft-lower-broadcast | FileCheck %s

// Two arrays: per axis the size that is not 1, a check naming both shapes,
// the sizes 0 when it fails.
// CHECK-LABEL: func.func @two
// CHECK-DAG: %[[A0:.*]] = memref.dim %arg0, %c0
// CHECK-DAG: %[[B0:.*]] = memref.dim %arg1, %c0
// CHECK-DAG: %[[B1:.*]] = memref.dim %arg1, %c1
// CHECK: %[[EQ:.*]] = arith.cmpi eq, %[[A0]], %c1
// CHECK: %[[S:.*]] = arith.select %[[EQ]], %c1, %[[A0]]
// CHECK: %[[EQ1:.*]] = arith.cmpi eq, %[[B1]], %c1
// CHECK: %[[D1:.*]] = arith.select %[[EQ1]], %[[S]], %[[B1]]
// CHECK: scf.if %[[BAD:.*]] {
// CHECK: weft.shape_error "ValueError: operands could not be broadcast together with shapes {} {}" line 4
// CHECK: arith.select %[[BAD]], %c0{{.*}}, %{{.*}}
// CHECK: arith.select %[[BAD]], %c0{{.*}}, %[[D1]]
// CHECK-NOT: weft.broadcast_shape
func.func @two(%a: memref<?xf64, strided<[?], offset: ?>>, %b: memref<?x?xf64, strided<[?, ?], offset: ?>>) -> (index, index) {
  %n, %m = weft.broadcast_shape %a, %b line 4 : memref<?xf64, strided<[?], offset: ?>>, memref<?x?xf64, strided<[?, ?], offset: ?>> -> index, index
  return %n, %m : index, index
}

// One array without a target is its own shape: no check.
// CHECK-LABEL: func.func @one
// CHECK: %[[D:.*]] = memref.dim %arg0, %c0
// CHECK-NOT: scf.if
// CHECK: return %[[D]]
func.func @one(%a: memref<?xf64, strided<[?], offset: ?>>) -> index {
  %n = weft.broadcast_shape %a line 2 : memref<?xf64, strided<[?], offset: ?>> -> index
  return %n : index
}

// Into a target (an assignment): the target's sizes, checked, with the
// error naming the target shape.
// CHECK-LABEL: func.func @into
// CHECK: %[[A0:.*]] = memref.dim %arg0, %c0
// CHECK: arith.cmpi eq, %[[A0]], %arg2
// CHECK: scf.if
// CHECK: weft.shape_error "ValueError: could not broadcast input array from shape {} into shape {}" line 7
// CHECK: arith.select %{{.*}}, %c0{{.*}}, %arg1
// CHECK: arith.select %{{.*}}, %c0{{.*}}, %arg2
func.func @into(%a: memref<?xf64, strided<[?], offset: ?>>, %r: index, %c: index) -> (index, index) {
  %n, %m = weft.broadcast_shape %a into (%r, %c) line 7 : memref<?xf64, strided<[?], offset: ?>> -> index, index
  return %n, %m : index, index
}
