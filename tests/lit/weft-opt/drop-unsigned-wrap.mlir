// RUN: %weft-opt %s --weft-drop-unsigned-wrap | FileCheck %s

// `i * stride` with a negative stride wraps as an unsigned number: the
// nuw flags go, nsw and inbounds stay.
// CHECK-LABEL: llvm.func @load_reversed
// CHECK: llvm.mul %{{.*}}, %{{.*}} overflow<nsw> : i64
// CHECK-NEXT: llvm.add %{{.*}}, %{{.*}} : i64
// CHECK-NEXT: llvm.getelementptr inbounds %{{.*}}[%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, i8
// CHECK-NOT: nuw
llvm.func @load_reversed(%p: !llvm.ptr, %i: i64, %s: i64) -> i8 {
  %m = llvm.mul %i, %s overflow<nsw, nuw> : i64
  %a = llvm.add %m, %s overflow<nuw> : i64
  %q = llvm.getelementptr inbounds|nuw %p[%a] : (!llvm.ptr, i64) -> !llvm.ptr, i8
  %v = llvm.load %q : !llvm.ptr -> i8
  llvm.return %v : i8
}
