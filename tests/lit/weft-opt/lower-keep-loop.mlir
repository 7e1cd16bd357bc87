// RUN: %weft-opt %s --weft-lower-keep-loop | FileCheck %s
// RUN: %weft-opt %s --canonicalize | FileCheck %s --check-prefix=CANON

// weft.keep_loop becomes LLVM's sideeffect intrinsic, which LLVM's loop
// deletion respects; before that, its effect keeps the canonicalizer from
// erasing a loop that may never end (`while k >= 0: k = k + 1 - 1`).
// CHECK-LABEL: func.func @spin
// CHECK: scf.while
// CHECK: } do {
// CHECK-NEXT: ^bb0(%{{.*}}: i64):
// CHECK-NEXT: llvm.call_intrinsic "llvm.sideeffect"() : () -> ()
// CHECK: scf.yield
// CHECK-NOT: weft.keep_loop
// CANON-LABEL: func.func @spin
// CANON: scf.while
// CANON: weft.keep_loop
func.func @spin(%k: i64) -> i64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %r = scf.while (%x = %k) : (i64) -> i64 {
    %c = arith.cmpi sge, %x, %c0 : i64
    scf.condition(%c) %x : i64
  } do {
  ^bb0(%y: i64):
    weft.keep_loop
    %a = arith.addi %y, %c1 : i64
    %b = arith.subi %a, %c1 : i64
    scf.yield %b : i64
  }
  return %r : i64
}
