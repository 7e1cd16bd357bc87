// RUN: %weft-opt %s --convert-scf-to-cf --weft-lower-try | FileCheck %s

// weft.try becomes a frame at the function's start (64 words and one per
// stack buffer defined before the try), libc's _setjmp (returns_twice) on
// the frame's jmp_buf, and a branch: 0 to the body, which links the frame
// and unlinks it at its end; the second return to the except block.
// CHECK: llvm.func @_setjmp(!llvm.ptr) -> i32 attributes {passthrough = ["returns_twice"]}
// CHECK-LABEL: func.func @safe_div
// CHECK: %[[N:.*]] = llvm.mlir.constant(65 : i64) : i64
// CHECK: %[[FRAME:.*]] = llvm.alloca %[[N]] x i64 {alignment = 16 : i64}
// CHECK: memref.alloca
// CHECK: memref.extract_aligned_pointer_as_index
// CHECK: llvm.inttoptr
// CHECK: llvm.store
// CHECK: %[[JMP:.*]] = llvm.getelementptr %[[FRAME]][8]
// CHECK: %[[R:.*]] = llvm.call @_setjmp(%[[JMP]])
// CHECK: %[[OK:.*]] = llvm.icmp "eq" %[[R]]
// CHECK: cf.cond_br %[[OK]], ^[[BODY:.*]], ^[[EXCEPT:.*]]
// CHECK: ^[[BODY]]:
// CHECK-NEXT: llvm.call @weft_rt_try_enter(%[[FRAME]])
// CHECK: llvm.call @weft_rt_try_leave(%[[FRAME]])
// CHECK-NEXT: cf.br ^[[AFTER:.*]](%{{.*}} : f64)
// CHECK: ^[[EXCEPT]]:
// CHECK-NEXT: llvm.call @weft_rt_try_caught(%[[FRAME]])
// CHECK: cf.br ^[[AFTER]](%{{.*}} : f64)
// CHECK: ^[[AFTER]](%[[X:.*]]: f64):
// CHECK: return %[[X]]
// CHECK-NOT: weft.try
func.func @safe_div(%a: f64, %b: f64, %flag: i1) -> f64 {
  %buf = memref.alloca() : memref<4xf64>
  %r = weft.try -> f64 {
    %q = scf.if %flag -> f64 {
      %d = arith.divf %a, %b : f64
      scf.yield %d : f64
    } else {
      scf.yield %a : f64
    }
    weft.try_yield %q : f64
  } except {
    %c = arith.constant -1.0 : f64
    weft.try_yield %c : f64
  }
  return %r : f64
}
