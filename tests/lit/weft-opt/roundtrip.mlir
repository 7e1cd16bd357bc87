// RUN: %weft-opt %s | %weft-opt | FileCheck %s

// CHECK-LABEL: func.func @ops
func.func @ops(%a: memref<?xf64, strided<[?], offset: ?>>, %x: i64) {
  // CHECK: weft.print "x = {} and {}" %{{.*}}, %{{.*}} : i64, memref<?xf64, strided<[?], offset: ?>>
  weft.print "x = {} and {}" %x, %a : i64, memref<?xf64, strided<[?], offset: ?>>
  // CHECK: weft.print "hello"
  weft.print "hello"
  // CHECK: weft.retain %{{.*}} : memref<?xf64, strided<[?], offset: ?>>
  weft.retain %a : memref<?xf64, strided<[?], offset: ?>>
  // CHECK: weft.release %{{.*}} : memref<?xf64, strided<[?], offset: ?>>
  weft.release %a : memref<?xf64, strided<[?], offset: ?>>
  // CHECK: %{{.*}} = weft.null_array : memref<?xi64, strided<[?], offset: ?>>
  %n = weft.null_array : memref<?xi64, strided<[?], offset: ?>>
  // CHECK: weft.fail "boom" line 7
  weft.fail "boom" line 7
  return
}
