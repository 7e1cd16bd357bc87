// RUN: %weft-opt %s --weft-gpu-record-errors | FileCheck %s

// Each check of a GPU function's parallel loop becomes an atomic minimum
// of iteration x 1024 + site on a word; after the loop the host raises
// the smallest key's error. Two checks of one site share its number.
// CHECK-LABEL: func.func @checks
// CHECK: %[[WORD:.*]] = memref.alloc() : memref<1xi64>
// CHECK: %[[NONE:.*]] = arith.constant 9223372036854775807 : i64
// CHECK: memref.store %[[NONE]], %[[WORD]]
// CHECK: scf.parallel (%[[IV:.*]]) =
// CHECK: %[[IT:.*]] = arith.index_cast %{{.*}} : index to i64
// CHECK: scf.if
// CHECK: %[[K1:.*]] = arith.muli %[[IT]], %c1024_i64
// CHECK-NEXT: %[[KEY1:.*]] = arith.addi %[[K1]], %c1_i64
// CHECK-NEXT: memref.atomic_rmw mins %[[KEY1]], %[[WORD]]
// CHECK-NOT: weft.fail
// CHECK: memref.atomic_rmw mins %{{.*}}, %[[WORD]]
// CHECK: %[[KEY3:.*]] = arith.addi %{{.*}}, %c1_i64
// CHECK-NEXT: memref.atomic_rmw mins %[[KEY3]], %[[WORD]]
// CHECK: scf.reduce
// CHECK: %[[KEY:.*]] = memref.load %[[WORD]]
// CHECK: %[[SITE:.*]] = arith.remsi %[[KEY]], %c1024_i64
// CHECK: %[[FAILED:.*]] = arith.cmpi ne, %[[KEY]], %{{.*}}
// CHECK: %[[IS1:.*]] = arith.cmpi eq, %[[SITE]], %c1_i64
// CHECK: arith.andi %[[FAILED]], %[[IS1]]
// CHECK: weft.fail "ZeroDivisionError: division by zero" line 3
// CHECK: weft.fail "IndexError: index out of range" line 4
// CHECK-NOT: weft.fail
// CHECK: memref.dealloc %[[WORD]]
func.func @checks(%n: index, %c1: i1, %c2: i1) attributes {weft.target = "gpu"} {
  %c0 = arith.constant 0 : index
  %one = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%n) step (%one) {
    scf.if %c1 {
      weft.fail "ZeroDivisionError: division by zero" line 3
    }
    scf.if %c2 {
      weft.fail "IndexError: index out of range" line 4
    }
    scf.if %c2 {
      weft.fail "ZeroDivisionError: division by zero" line 3
    }
    scf.reduce
  }
  return
}

// A CPU function's loop keeps its checks: the runtime records them.
// CHECK-LABEL: func.func @host
// CHECK-NOT: memref.atomic_rmw
// CHECK: weft.fail "ZeroDivisionError: division by zero" line 9
func.func @host(%n: index, %c: i1) {
  %c0 = arith.constant 0 : index
  %one = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%n) step (%one) {
    scf.if %c {
      weft.fail "ZeroDivisionError: division by zero" line 9
    }
    scf.reduce
  }
  return
}
