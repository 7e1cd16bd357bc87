// RUN: %weft-opt %s --canonicalize | FileCheck %s

// Counting references of the null array (a variable's value before its
// first assignment) does nothing: the retain and release go.
// CHECK-LABEL: func.func @null_counts
// CHECK-NOT: weft.retain
// CHECK-NOT: weft.release
// CHECK: weft.release %arg0
// CHECK-NEXT: return
func.func @null_counts(%a: memref<?xf64, strided<[?], offset: ?>>) {
  %n = weft.null_array : memref<?xf64, strided<[?], offset: ?>>
  weft.retain %n : memref<?xf64, strided<[?], offset: ?>>
  weft.release %n : memref<?xf64, strided<[?], offset: ?>>
  weft.release %a : memref<?xf64, strided<[?], offset: ?>>
  return
}
