// RUN: %weft-opt %s --split-input-file --weft-insert-interrupt-checks | FileCheck %s

// In an interruptible module: a `while` loop (weft.keep_loop) and a loop
// around another loop check the flag at the top of each iteration, at
// their own line; the innermost `for` loop does not.
// CHECK-LABEL: func.func @nest
// CHECK: scf.for
// CHECK-NEXT: %[[R:.*]] = weft.interrupt_requested
// CHECK-NEXT: scf.if %[[R]] {
// CHECK-NEXT: weft.check_interrupt line 3
// CHECK: scf.for
// CHECK-NOT: weft.interrupt_requested
// CHECK: arith.addi
// CHECK: scf.while
// CHECK: } do {
// CHECK-NEXT: %[[W:.*]] = weft.interrupt_requested
// CHECK-NEXT: scf.if %[[W]] {
// CHECK-NEXT: weft.check_interrupt line 9
// CHECK: weft.keep_loop
module attributes {weft.interruptible} {
  func.func @nest(%n: index, %f: i1) {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    scf.for %i = %c0 to %n step %c1 {
      scf.for %j = %c0 to %n step %c1 {
        %k = arith.addi %i, %j : index
      } loc("nest.weft":4:5)
    } loc("nest.weft":3:3)
    scf.while : () -> () {
      scf.condition(%f)
    } do {
      weft.keep_loop
      scf.yield
    } loc("nest.weft":9:3)
    return
  }
}

// -----

// Without the module attribute (code with a GPU part, a plain script),
// nothing is added.
// CHECK-LABEL: func.func @plain
// CHECK-NOT: weft.interrupt_requested
func.func @plain(%f: i1) {
  scf.while : () -> () {
    scf.condition(%f)
  } do {
    weft.keep_loop
    scf.yield
  }
  return
}
