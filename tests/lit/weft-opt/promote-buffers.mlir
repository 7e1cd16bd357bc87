// RUN: %weft-opt %s --weft-promote-buffers | FileCheck %s
// RUN: %weft-opt %s --weft-promote-buffers=max-stack-bytes=8 | FileCheck %s --check-prefix=SMALL

!view = memref<?xf64, strided<[?], offset: ?>>

// A small temporary of a static shape, used in a loop and released in its
// block: a stack buffer at the function's start, no release.
// CHECK-LABEL: func.func @temporary
// CHECK-NEXT: %[[BUF:.*]] = memref.alloca() : memref<3xf64>
// CHECK: scf.for
// CHECK: memref.cast %[[BUF]]
// CHECK-NOT: memref.alloc(
// CHECK-NOT: weft.release
// CHECK: return
// SMALL-LABEL: func.func @temporary
// SMALL-NOT: memref.alloca
// SMALL: memref.dealloc
func.func @temporary(%n: index) -> f64 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f64
  %s = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %zero) -> (f64) {
    %raw = memref.alloc() : memref<3xf64>
    %t = memref.cast %raw : memref<3xf64> to !view
    memref.store %zero, %t[%c0] : !view
    %v = memref.load %t[%c0] : !view
    weft.release %t : !view
    %r = arith.addf %acc, %v : f64
    scf.yield %r : f64
  }
  return %s : f64
}

// Dynamic sizes: freed where released, without the reference count.
// CHECK-LABEL: func.func @dynamic
// CHECK: %[[BUF:.*]] = memref.alloc(%{{.*}}) : memref<?xf64>
// CHECK-NOT: weft.release
// CHECK: memref.dealloc %[[BUF]] : memref<?xf64>
func.func @dynamic(%n: index) {
  %raw = memref.alloc(%n) : memref<?xf64>
  %t = memref.cast %raw : memref<?xf64> to !view
  weft.print "{}" %t : !view
  weft.release %t : !view
  return
}

// A buffer in a parallel loop body: on the stack of the iteration.
// CHECK-LABEL: func.func @in_parallel
// CHECK: scf.parallel
// CHECK-NEXT: memref.alloca() : memref<3xf64>
// CHECK-NOT: weft.release
// CHECK-NOT: memref.dealloc
func.func @in_parallel(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f64
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    %raw = memref.alloc() : memref<3xf64>
    %t = memref.cast %raw : memref<3xf64> to !view
    memref.store %zero, %t[%c0] : !view
    weft.release %t : !view
    scf.reduce
  }
  return
}

func.func private @keep(!view)

// Buffers that may outlive their block keep their reference count: passed
// to a call, retained, stored as a value, returned, or released on a
// branch.
// CHECK-LABEL: func.func @escapes
// CHECK-NOT: memref.alloca
// CHECK-NOT: memref.dealloc
// CHECK-COUNT-4: weft.release
// CHECK-NEXT: }
// CHECK-NOT: weft.release
// CHECK: return
func.func @escapes(%cell: memref<1x!view>, %c: i1) -> !view {
  %c0 = arith.constant 0 : index
  %a = memref.alloc() : memref<3xf64>
  %av = memref.cast %a : memref<3xf64> to !view
  func.call @keep(%av) : (!view) -> ()
  weft.release %av : !view
  %b = memref.alloc() : memref<3xf64>
  %bv = memref.cast %b : memref<3xf64> to !view
  weft.retain %bv : !view
  weft.release %bv : !view
  %d = memref.alloc() : memref<3xf64>
  %dv = memref.cast %d : memref<3xf64> to !view
  memref.store %dv, %cell[%c0] : memref<1x!view>
  weft.release %dv : !view
  %e = memref.alloc() : memref<3xf64>
  %ev = memref.cast %e : memref<3xf64> to !view
  scf.if %c {
    weft.release %ev : !view
  }
  %f = memref.alloc() : memref<3xf64>
  %fv = memref.cast %f : memref<3xf64> to !view
  return %fv : !view
}

// Functions for the GPU are left as they are.
// CHECK-LABEL: func.func @on_gpu
// CHECK: memref.alloc()
// CHECK: weft.release
func.func @on_gpu() attributes {weft.target = "gpu"} {
  %raw = memref.alloc() : memref<3xf64>
  %t = memref.cast %raw : memref<3xf64> to !view
  weft.release %t : !view
  return
}

// An index not proven in bounds (unchecked user indexing), or an access
// through a view with its own offset: the heap, whose guard word catches
// small overruns, and no reference count.
// CHECK-LABEL: func.func @unproven
// CHECK-NOT: memref.alloca
// CHECK: memref.dealloc
// CHECK: memref.dealloc
func.func @unproven(%i: index) -> f64 {
  %raw = memref.alloc() : memref<3xf64>
  %t = memref.cast %raw : memref<3xf64> to !view
  %v = memref.load %t[%i] : !view
  weft.release %t : !view
  %raw2 = memref.alloc() : memref<3xf64>
  %base, %off, %size, %stride = memref.extract_strided_metadata %raw2 : memref<3xf64> -> memref<f64>, index, index, index
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %w = memref.reinterpret_cast %base to offset: [%c1], sizes: [%c2], strides: [%c1] : memref<f64> to !view
  %x = memref.load %w[%c0] : !view
  weft.release %w : !view
  %r = arith.addf %v, %x : f64
  return %r : f64
}

// A variable assigned in a loop body before it is read and not used after
// the loop: its value dies in its iteration, released there, so its
// buffer goes on the stack. A variable read after the loop keeps its
// reference count.
// CHECK-LABEL: func.func @loop_variable
// CHECK-NEXT: memref.alloca() : memref<3xf64>
// CHECK: %[[NULL:.*]] = weft.null_array
// CHECK: scf.for
// CHECK: memref.alloc()
// CHECK: weft.release %arg3
// CHECK-NEXT: scf.yield %[[NULL]], %{{.*}} :
// CHECK: weft.print
// CHECK: weft.release
func.func @loop_variable(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f64
  %null = weft.null_array : !view
  %r:2 = scf.for %i = %c0 to %n step %c1 iter_args(%t0 = %null, %u0 = %null) -> (!view, !view) {
    %raw = memref.alloc() : memref<3xf64>
    %t = memref.cast %raw : memref<3xf64> to !view
    memref.store %zero, %t[%c0] : !view
    weft.release %t0 : !view
    %raw2 = memref.alloc() : memref<3xf64>
    %u = memref.cast %raw2 : memref<3xf64> to !view
    weft.release %u0 : !view
    scf.yield %t, %u : !view, !view
  }
  weft.release %r#0 : !view
  weft.print "{}" %r#1 : !view
  weft.release %r#1 : !view
  return
}

// The same in a loop nest: the outer loop hands the variable to the inner
// one, whose result is the outer iteration's next value.
// CHECK-LABEL: func.func @nested_loop_variable
// CHECK-NEXT: memref.alloca() : memref<3xf64>
// CHECK: %[[NULL:.*]] = weft.null_array
// CHECK: scf.for {{.*}} iter_args(%[[OUTER:.*]] = %[[NULL]])
// CHECK: scf.for {{.*}} iter_args(%{{.*}} = %[[OUTER]])
// CHECK-NOT: weft.release
// CHECK: scf.yield %[[OUTER]] :
// CHECK: scf.yield %[[NULL]] :
// CHECK-NOT: weft.release
// CHECK: return
func.func @nested_loop_variable(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f64
  %null = weft.null_array : !view
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%t0 = %null) -> (!view) {
    %s = scf.for %j = %c0 to %n step %c1 iter_args(%t1 = %t0) -> (!view) {
      %raw = memref.alloc() : memref<3xf64>
      %t = memref.cast %raw : memref<3xf64> to !view
      memref.store %zero, %t[%c0] : !view
      weft.release %t1 : !view
      scf.yield %t : !view
    }
    scf.yield %s : !view
  }
  weft.release %r : !view
  return
}

// At most four times max-stack-bytes per function: the fifth 8-byte buffer
// under max-stack-bytes=8 stays on the heap.
// SMALL-LABEL: func.func @budget
// SMALL-COUNT-4: memref.alloca() : memref<1xf64>
// SMALL-NOT: memref.alloca
// SMALL: memref.alloc() : memref<1xf64>
func.func @budget() {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f64
  %a = memref.alloc() : memref<1xf64>
  memref.store %zero, %a[%c0] : memref<1xf64>
  %av = memref.cast %a : memref<1xf64> to !view
  weft.release %av : !view
  %b = memref.alloc() : memref<1xf64>
  %bv = memref.cast %b : memref<1xf64> to !view
  weft.release %bv : !view
  %c = memref.alloc() : memref<1xf64>
  %cv = memref.cast %c : memref<1xf64> to !view
  weft.release %cv : !view
  %d = memref.alloc() : memref<1xf64>
  %dv = memref.cast %d : memref<1xf64> to !view
  weft.release %dv : !view
  %e = memref.alloc() : memref<1xf64>
  %ev = memref.cast %e : memref<1xf64> to !view
  weft.release %ev : !view
  return
}
