// RUN: %weft-opt %s --weft-inline-alloca-scopes | FileCheck %s

// A scope that allocates nothing is replaced by its body; one with a
// memref.alloca too, between a stacksave and a stackrestore, which free
// that stack memory at its end.
// CHECK-LABEL: func.func @scopes
// CHECK-NEXT: arith.constant 0 : index
// CHECK-NEXT: arith.constant 1.0
// CHECK-NEXT: memref.store %{{.*}}, %{{.*}}[%{{.*}}] : memref<?xf64>
// CHECK-NEXT: %[[SAVED:.*]] = llvm.intr.stacksave : !llvm.ptr
// CHECK-NEXT: memref.alloca(%{{.*}}) : memref<?xf64>
// CHECK-NEXT: memref.store
// CHECK-NEXT: llvm.intr.stackrestore %[[SAVED]] : !llvm.ptr
// CHECK-NOT: memref.alloca_scope
// CHECK: return
func.func @scopes(%n: index, %m: memref<?xf64>) {
  %c0 = arith.constant 0 : index
  %f = arith.constant 1.0 : f64
  memref.alloca_scope {
    memref.store %f, %m[%c0] : memref<?xf64>
  }
  memref.alloca_scope {
    %t = memref.alloca(%n) : memref<?xf64>
    memref.store %f, %t[%c0] : memref<?xf64>
  }
  return
}
