// RUN: %weft-opt %s --weft-check-recursion | FileCheck %s
// RUN: %weft-opt %s --weft-check-recursion --convert-weft-to-llvm | FileCheck %s --check-prefix=LLVM

// Functions on a cycle of the call graph (self and mutual recursion) get
// a stack check at entry; the stop branch returns zeros and empty arrays.
// The runtime is asked only when the stack pointer is in the lowest 4 KiB
// of a 64 KiB window.
// CHECK-LABEL: func.func @fib___i64
// CHECK-SAME: passthrough = {{\[}}["disable-tail-calls", "true"]]
// CHECK-NEXT: %[[SP:.*]] = llvm.intr.stacksave : !llvm.ptr
// CHECK-NEXT: %[[SPI:.*]] = llvm.ptrtoint %[[SP]] : !llvm.ptr to i64
// CHECK-NEXT: %[[MASK:.*]] = arith.constant 65535 : i64
// CHECK-NEXT: %[[LOW:.*]] = arith.andi %[[SPI]], %[[MASK]] : i64
// CHECK-NEXT: %[[K:.*]] = arith.constant 4096 : i64
// CHECK-NEXT: %[[NEAR:.*]] = arith.cmpi ult, %[[LOW]], %[[K]] : i64
// CHECK-NEXT: cf.cond_br %[[NEAR]], ^[[CHECK:bb[0-9]+]], ^[[BODY:bb[0-9]+]]
// CHECK: ^[[CHECK]]:
// CHECK-NEXT: %[[STOP:.*]] = weft.stack_check "fib" line 4
// CHECK-NEXT: cf.cond_br %[[STOP]], ^[[RET:bb[0-9]+]], ^[[BODY]]
// CHECK: ^[[RET]]:
// CHECK-NEXT: %[[Z:.*]] = arith.constant 0 : i64
// CHECK-NEXT: return %[[Z]] : i64
// CHECK: ^[[BODY]]:
// LLVM: llvm.call @weft_rt_stack_check(%{{.*}}, %{{.*}}) : (!llvm.ptr, i64) -> i32
func.func @fib___i64(%n: i64) -> i64 {
  %c1 = arith.constant 1 : i64
  %m = arith.subi %n, %c1 : i64
  %r = func.call @fib___i64(%m) : (i64) -> i64
  return %r : i64
} loc("f.weft":4:1)

// CHECK-LABEL: func.func @ping
// CHECK: weft.stack_check "ping"
// CHECK: memref.alloc(%{{.*}}) : memref<?xf64>
// CHECK: memref.cast
func.func @ping(%a: memref<?xf64, strided<[?], offset: ?>>) -> memref<?xf64, strided<[?], offset: ?>> {
  %r = func.call @pong(%a) : (memref<?xf64, strided<[?], offset: ?>>) -> memref<?xf64, strided<[?], offset: ?>>
  return %r : memref<?xf64, strided<[?], offset: ?>>
}

// CHECK-LABEL: func.func @pong
// CHECK: weft.stack_check "pong"
func.func @pong(%a: memref<?xf64, strided<[?], offset: ?>>) -> memref<?xf64, strided<[?], offset: ?>> {
  %r = func.call @ping(%a) : (memref<?xf64, strided<[?], offset: ?>>) -> memref<?xf64, strided<[?], offset: ?>>
  return %r : memref<?xf64, strided<[?], offset: ?>>
}

// A function that only calls others, without a cycle, is left alone.
// CHECK-LABEL: func.func @caller
// CHECK-NOT: weft.stack_check
// CHECK: return
func.func @caller(%n: i64) -> i64 {
  %r = func.call @fib___i64(%n) : (i64) -> i64
  return %r : i64
}
