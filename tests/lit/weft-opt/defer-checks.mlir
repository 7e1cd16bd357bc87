// RUN: %weft-opt %s --weft-defer-checks | FileCheck %s
// RUN: %weft-opt %s | %weft-opt | FileCheck %s --check-prefix=ROUND
// RUN: %weft-opt %s --weft-defer-checks=across-iterations=true | FileCheck %s --check-prefix=ACROSS

// Two deferrable checks, one in a serial loop and one in a branch of a
// parallel iteration: each becomes a select of its site number (1 and 2,
// in source order) folded into the code by minsi (none is the largest i64), carried through the
// scf.for as one more iter_arg and out of the scf.if as one more result;
// the iteration ends with one non-deferrable check per site.
// ROUND-LABEL: func.func @loop_and_branch
// ROUND: weft.check %{{.*}}, "ZeroDivisionError: integer division or modulo by zero" line 4 deferrable
// CHECK-LABEL: func.func @loop_and_branch
// CHECK: weft.parallel_for
// CHECK: %[[NONE:.*]] = arith.constant 9223372036854775807 : i64
// CHECK: %[[FOR:.*]]:2 = scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[S:.*]] = %{{.*}}, %[[C:.*]] = %[[NONE]]) -> (i64, i64)
// CHECK: %[[ONE:.*]] = arith.constant 1 : i64
// CHECK: %[[SEL:.*]] = arith.select %{{.*}}, %[[ONE]], %{{.*}} : i64
// CHECK: %[[MIN:.*]] = arith.minsi %[[C]], %[[SEL]] : i64
// CHECK: scf.yield %{{.*}}, %[[MIN]] : i64, i64
// CHECK: %[[IF:.*]] = scf.if %{{.*}} -> (i64) {
// CHECK: arith.constant 2 : i64
// CHECK: %[[MIN2:.*]] = arith.minsi %[[FOR]]#1, %{{.*}} : i64
// CHECK: scf.yield %[[MIN2]] : i64
// CHECK: } else {
// CHECK: scf.yield %[[FOR]]#1 : i64
// CHECK: }
// CHECK-NOT: deferrable
// CHECK: %[[F1:.*]] = arith.cmpi eq, %[[IF]], %{{.*}} : i64
// CHECK: weft.check %[[F1]], "ZeroDivisionError: integer division or modulo by zero" line 4
// CHECK: %[[F2:.*]] = arith.cmpi eq, %[[IF]], %{{.*}} : i64
// CHECK: weft.check %[[F2]], "ZeroDivisionError: division by zero" line 7
// CHECK: weft.parallel_yield
// ACROSS-LABEL: func.func @loop_and_branch
// ACROSS: %[[R:.*]]:2 = weft.parallel_for %{{.*}} reduce(%[[Z:.*]], %[[Z]] : i64, i64) kinds ["sum", "sum"] {
// ACROSS: ^bb0(%{{.*}}: i64, %[[N1:.*]]: i64, %[[N2:.*]]: i64):
// ACROSS-NOT: weft.check
// ACROSS: scf.yield %{{.*}} : i64
// ACROSS: }
// ACROSS: %[[IS1:.*]] = arith.cmpi eq, %{{.*}}, %{{.*}} : i64
// ACROSS-NEXT: %[[ONE1:.*]] = arith.extui %[[IS1]] : i1 to i64
// ACROSS-NEXT: %[[ADD1:.*]] = arith.addi %[[N1]], %[[ONE1]] : i64
// ACROSS: %[[ADD2:.*]] = arith.addi %[[N2]], %{{.*}} : i64
// ACROSS: weft.parallel_yield %[[ADD1]], %[[ADD2]] : i64, i64
// ACROSS: %[[F1:.*]] = arith.cmpi ne, %[[R]]#0, %[[Z]] : i64
// ACROSS: weft.check %[[F1]], "ZeroDivisionError: integer division or modulo by zero" line 4
// ACROSS: %[[F2:.*]] = arith.cmpi ne, %[[R]]#1, %[[Z]] : i64
// ACROSS: weft.check %[[F2]], "ZeroDivisionError: division by zero" line 7
// ACROSS: return
func.func @loop_and_branch(%n: i64, %d: i64, %x: f64) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  %zi = arith.constant 0 : i64
  %zf = arith.constant 0.0 : f64
  weft.parallel_for %n kinds [] {
  ^bb0(%k: i64):
    %s = scf.for %j = %c0 to %c4 step %c1 iter_args(%acc = %k) -> (i64) {
      %z = arith.cmpi eq, %d, %zi : i64
      weft.check %z, "ZeroDivisionError: integer division or modulo by zero" line 4 deferrable
      %q = weft.floordiv %acc, %d : i64
      scf.yield %q : i64
    }
    %pos = arith.cmpi sgt, %s, %zi : i64
    scf.if %pos {
      %z = arith.cmpf oeq, %x, %zf : f64
      weft.check %z, "ZeroDivisionError: division by zero" line 7 deferrable
    }
    weft.parallel_yield
  }
  return
}

// A check that is not deferrable, a deferrable one under scf.while and
// one outside any parallel loop stay where they are.
// CHECK-LABEL: func.func @kept
// CHECK: weft.check %{{.*}}, "IndexError: index out of range" line 2
// CHECK: scf.while
// CHECK: weft.check %{{.*}}, "ZeroDivisionError: float modulo" line 3 deferrable
// CHECK: weft.parallel_yield
// CHECK: weft.check %{{.*}}, "ZeroDivisionError: division by zero" line 5 deferrable
func.func @kept(%n: i64, %f: i1) {
  weft.parallel_for %n kinds [] {
  ^bb0(%k: i64):
    weft.check %f, "IndexError: index out of range" line 2
    scf.while : () -> () {
      scf.condition(%f)
    } do {
      weft.check %f, "ZeroDivisionError: float modulo" line 3 deferrable
      scf.yield
    }
    weft.parallel_yield
  }
  weft.check %f, "ZeroDivisionError: division by zero" line 5 deferrable
  return
}

// An automatic loop (it may become serial nested loops, which carry no
// reductions) reports per iteration even across iterations.
// ACROSS-LABEL: func.func @automatic
// ACROSS: weft.parallel_for %{{.*}} automatic kinds [] {
// ACROSS: weft.check %{{.*}}, "ZeroDivisionError: division by zero" line 9
// ACROSS: weft.parallel_yield
func.func @automatic(%n: i64, %f: i1) {
  weft.parallel_for %n automatic kinds [] {
  ^bb0(%k: i64):
    weft.check %f, "ZeroDivisionError: division by zero" line 9 deferrable
    weft.parallel_yield
  }
  return
}
