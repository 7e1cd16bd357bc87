// RUN: %weft-opt %s --convert-weft-to-llvm | FileCheck %s

// The interrupt flag is read inline with an atomic load (never hoisted out
// of the loop that polls it); the runtime is called only when it is set.
// CHECK: llvm.mlir.global external @weft_rt_interrupt_flag() {{.*}} : i32
// CHECK-LABEL: func.func @poll
// CHECK: %[[A:.*]] = llvm.mlir.addressof @weft_rt_interrupt_flag : !llvm.ptr
// CHECK-NEXT: %[[F:.*]] = llvm.load %[[A]] atomic monotonic {alignment = 4 : i64} : !llvm.ptr -> i32
// CHECK: %[[R:.*]] = llvm.icmp "ne" %[[F]]
// CHECK-NEXT: scf.if %[[R]] {
// CHECK: llvm.call @weft_rt_check_interrupt(%{{.*}}) : (i64) -> ()
func.func @poll(%n: i64) {
  %r = weft.interrupt_requested
  scf.if %r {
    weft.check_interrupt line 4
  }
  return
}
