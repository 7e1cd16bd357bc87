// RUN: %weft-opt %s --pass-pipeline='builtin.module(func.func(weft-borrow-arguments))' | FileCheck %s

// The caller's reference covers the call: the retain on entry and the
// release on exit go.
// CHECK-LABEL: func.func @read_only
// CHECK-NOT: weft.retain
// CHECK-NOT: weft.release
// CHECK: return
func.func @read_only(%a: memref<?xf64>, %i: index) -> f64 {
  weft.retain %a : memref<?xf64>
  %x = memref.load %a[%i] : memref<?xf64>
  weft.release %a : memref<?xf64>
  return %x : f64
}

// Reassigned (a = a[1:]): the old value's release pairs with the entry
// retain; the view's own retain and release stay.
// CHECK-LABEL: func.func @reassigned
// CHECK: %[[V:.*]] = memref.subview
// CHECK-NEXT: weft.retain %[[V]]
// CHECK-NEXT: memref.load %[[V]]
// CHECK-NEXT: weft.release %[[V]]
// CHECK-NOT: weft.re
func.func @reassigned(%a: memref<?xf64>, %n: index) -> f64 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  weft.retain %a : memref<?xf64>
  %v = memref.subview %a[%c1] [%n] [1] : memref<?xf64> to memref<?xf64, strided<[1], offset: ?>>
  weft.retain %v : memref<?xf64, strided<[1], offset: ?>>
  weft.release %a : memref<?xf64>
  %x = memref.load %v[%c0] : memref<?xf64, strided<[1], offset: ?>>
  weft.release %v : memref<?xf64, strided<[1], offset: ?>>
  return %x : f64
}

// Returned: the caller gets a reference of its own, the retain stays.
// CHECK-LABEL: func.func @returned
// CHECK: weft.retain %arg0
// CHECK: return %arg0
func.func @returned(%a: memref<?xf64>) -> memref<?xf64> {
  weft.retain %a : memref<?xf64>
  return %a : memref<?xf64>
}

// Yielded out of a branch (if c: a = b): released under another name.
// CHECK-LABEL: func.func @yielded
// CHECK: weft.retain %arg0
// CHECK: weft.release %arg0
func.func @yielded(%a: memref<?xf64>, %b: memref<?xf64>, %c: i1) {
  weft.retain %a : memref<?xf64>
  %r = scf.if %c -> (memref<?xf64>) {
    weft.retain %b : memref<?xf64>
    weft.release %a : memref<?xf64>
    scf.yield %b : memref<?xf64>
  } else {
    scf.yield %a : memref<?xf64>
  }
  weft.release %r : memref<?xf64>
  return
}

// Carried into a loop: kept.
// CHECK-LABEL: func.func @carried
// CHECK: weft.retain %arg0
// CHECK: weft.release %arg0
func.func @carried(%a: memref<?xf64>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  weft.retain %a : memref<?xf64>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%x = %a) -> (memref<?xf64>) {
    scf.yield %x : memref<?xf64>
  }
  weft.release %a : memref<?xf64>
  return
}
