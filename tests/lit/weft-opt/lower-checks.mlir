// RUN: %weft-opt %s --weft-lower-checks | FileCheck %s
// RUN: %weft-opt %s --canonicalize | FileCheck %s --check-prefix=CANON

// A check is a branch to weft.fail; a check of false is dropped.
// CHECK-LABEL: func.func @checks
// CHECK: scf.if %arg0 {
// CHECK-NEXT: weft.fail "ZeroDivisionError: division by zero" line 3
// CHECK-NEXT: }
// CHECK-NOT: weft.check
// CHECK-NOT: weft.fail
// CHECK: return
// CANON-LABEL: func.func @checks
// CANON: weft.check %arg0, "ZeroDivisionError: division by zero" line 3 deferrable
// CANON-NOT: weft.check
// CANON: return
func.func @checks(%failed: i1) {
  %false = arith.constant false
  weft.check %failed, "ZeroDivisionError: division by zero" line 3 deferrable
  weft.check %false, "ValueError: never" line 4
  return
}
