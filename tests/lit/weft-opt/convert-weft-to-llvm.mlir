// RUN: %weft-opt %s --convert-weft-to-llvm | FileCheck %s

// CHECK-DAG: llvm.mlir.global internal constant @[[S:__weft_str_[0-9]+]]("n = \00")
// CHECK-DAG: llvm.func @weft_rt_print_i64(i64)
// CHECK-DAG: llvm.func @weft_rt_print_array(i32, i64, !llvm.ptr)
// CHECK-LABEL: func.func @print_and_refcount
func.func @print_and_refcount(%a: memref<?xf64, strided<[?], offset: ?>>, %n: i64) {
  // CHECK: llvm.mlir.addressof @[[S]]
  // CHECK: llvm.call @weft_rt_print_str
  // CHECK: llvm.call @weft_rt_print_i64
  // CHECK: llvm.call @weft_rt_print_array(
  // CHECK: llvm.call @weft_rt_print_newline
  weft.print "n = {} {}" %n, %a : i64, memref<?xf64, strided<[?], offset: ?>>
  // CHECK: llvm.extractvalue %{{.*}}[0]
  // CHECK-NEXT: llvm.call @weft_rt_array_release
  weft.release %a : memref<?xf64, strided<[?], offset: ?>>
  // CHECK: llvm.call @weft_rt_check_failed(%{{.*}}, %{{.*}}) : (!llvm.ptr, i64) -> ()
  weft.fail "stop" line 3
  return
}
