// RUN: %weft-opt %s --convert-weft-to-llvm | FileCheck %s

// CHECK-DAG: llvm.mlir.global internal constant @[[S:__weft_str_[0-9]+]]("n = \00")
// CHECK-DAG: llvm.func @weft_rt_print_i64(i64)
// CHECK-DAG: llvm.mlir.global internal constant @__weft_no_buffer_header(dense<0> : tensor<8xi64>)
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

// Sorting calls the runtime with the element kind (f64 is 4, i32 is 1),
// the rank and the descriptors.
// CHECK-LABEL: func.func @sorting
func.func @sorting(%a: memref<?x?xf64, strided<[?, ?], offset: ?>>, %b: memref<?xi32>, %i: memref<?xi64>) {
  // CHECK-DAG: %[[F64:.*]] = llvm.mlir.constant(4 : i32) : i32
  // CHECK-DAG: %[[R2:.*]] = llvm.mlir.constant(2 : i64) : i64
  // CHECK: llvm.call @weft_rt_sort(%[[F64]], %[[R2]], %{{.*}}) : (i32, i64, !llvm.ptr) -> ()
  weft.sort %a : memref<?x?xf64, strided<[?, ?], offset: ?>>
  // CHECK-DAG: %[[I32:.*]] = llvm.mlir.constant(1 : i32) : i32
  // CHECK-DAG: %[[R1:.*]] = llvm.mlir.constant(1 : i64) : i64
  // CHECK: llvm.call @weft_rt_argsort(%[[I32]], %[[R1]], %{{.*}}, %{{.*}}) : (i32, i64, !llvm.ptr, !llvm.ptr) -> ()
  weft.argsort %b, %i : memref<?xi32>, memref<?xi64>
  return
}

// A descriptor slot is made in the nearest allocation scope: inside
// omp.parallel it belongs to each thread. A slot at the function's entry
// would be one descriptor that every thread overwrites (each then sorted
// another thread's array).
// CHECK-LABEL: func.func @sort_in_parallel
func.func @sort_in_parallel(%a: memref<?xf64>) {
  // CHECK-NOT: llvm.alloca
  // CHECK: omp.parallel {
  // CHECK: llvm.alloca
  // CHECK: llvm.call @weft_rt_sort
  omp.parallel {
    weft.sort %a : memref<?xf64>
    omp.terminator
  }
  return
}

// A Python list prints through weft_rt_print_list (f64 is kind 4).
// CHECK-LABEL: func.func @print_list
func.func @print_list(%a: memref<?xf64, strided<[?], offset: ?>>) {
  // CHECK: %[[K:.*]] = llvm.mlir.constant(4 : i32) : i32
  // CHECK: llvm.call @weft_rt_print_list(%[[K]], %{{.*}}) : (i32, !llvm.ptr) -> ()
  // CHECK: llvm.call @weft_rt_print_array(
  weft.print "{} {}" %a, %a : memref<?xf64, strided<[?], offset: ?>>, memref<?xf64, strided<[?], offset: ?>> {lists = array<i64: 0>}
  return
}

// A list of tuples (one array per field) prints through
// weft_rt_print_tuple_list: the tuple's format, the field count, and stack
// arrays of the fields' kinds and descriptors.
// CHECK-LABEL: func.func @print_tuple_list
func.func @print_tuple_list(%i: memref<?xi64>, %x: memref<?xf64>) {
  // CHECK-DAG: %[[KINDS:.*]] = llvm.alloca %{{.*}} x i32
  // CHECK-DAG: %[[DESCS:.*]] = llvm.alloca %{{.*}} x !llvm.ptr
  // CHECK: llvm.call @weft_rt_print_str(
  // CHECK: llvm.store %{{.*}}, %[[DESCS0:.*]] : !llvm.ptr, !llvm.ptr
  // CHECK: llvm.call @weft_rt_print_tuple_list(%{{.*}}, %{{.*}}, %[[KINDS]], %[[DESCS]]) : (!llvm.ptr, i32, !llvm.ptr, !llvm.ptr) -> ()
  // CHECK: llvm.call @weft_rt_print_newline
  weft.print "pairs {}" %i, %x : memref<?xi64>, memref<?xf64> {tuple_lists = array<i64: 0, 2>, tuple_formats = ["({}, {})"]}
  return
}

// A list's capacity is read from its buffer's header in straight-line code
// (a zeroed stand-in header when the list has no buffer); growing it past
// that calls the runtime with the element kind and both descriptors.
// CHECK-LABEL: func.func @lists
func.func @lists(%a: memref<?xf64, strided<[?], offset: ?>>, %n: index) -> (index, memref<?xf64, strided<[?], offset: ?>>) {
  // CHECK: llvm.mlir.addressof @__weft_no_buffer_header
  // CHECK: llvm.select
  // CHECK: llvm.getelementptr %{{.*}}[-64] : (!llvm.ptr) -> !llvm.ptr, i8
  // CHECK: llvm.load
  // CHECK: llvm.getelementptr %{{.*}}[-56] : (!llvm.ptr) -> !llvm.ptr, i8
  // CHECK: llvm.sdiv
  // CHECK-NOT: llvm.call
  // CHECK: llvm.select
  %c = weft.list_capacity %a : memref<?xf64, strided<[?], offset: ?>>
  // CHECK: llvm.call @weft_rt_list_grow(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) : (i32, !llvm.ptr, !llvm.ptr, i64, i64) -> ()
  %r = weft.list_grow %a by %n line 7 : memref<?xf64, strided<[?], offset: ?>>
  return %c, %r : index, memref<?xf64, strided<[?], offset: ?>>
}
