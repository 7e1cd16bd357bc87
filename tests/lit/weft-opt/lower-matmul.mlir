// RUN: %weft-opt %s --weft-lower-matmul | FileCheck %s
// RUN: %weft-opt %s --weft-lower-matmul=blas=false | FileCheck %s --check-prefix=NOBLAS

// Float operands of one type: BLAS first, the i-k-j loops when it
// declines; the rows are an array nest of n * m * k multiply-adds.
// CHECK-LABEL: func.func @floats
// CHECK: %[[N:.*]] = memref.dim %arg2, %c0
// CHECK: %[[M:.*]] = memref.dim %arg2, %c1
// CHECK: %[[K:.*]] = memref.dim %arg0, %c1
// CHECK: %[[NM:.*]] = arith.muli %[[N]], %[[M]]
// CHECK: %[[WORK:.*]] = arith.muli %[[NM]], %[[K]]
// CHECK: %[[DONE:.*]] = weft.gemm %arg0, %arg1, %arg2
// CHECK: %[[DECLINED:.*]] = arith.xori %[[DONE]]
// CHECK: scf.if %[[DECLINED]] {
// CHECK: scf.parallel (%[[I:.*]]) = (%{{.*}}) to (%[[N]])
// CHECK-NEXT: weft.parallel_work %[[WORK]]
// CHECK: scf.for
// CHECK: memref.store %{{.*}}, %arg2[%[[I]], %{{.*}}]
// CHECK: scf.for
// CHECK: scf.for
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK-NOT: weft.matmul
// NOBLAS-LABEL: func.func @floats
// NOBLAS-NOT: weft.gemm
// NOBLAS: scf.parallel
func.func @floats(%a: memref<?x?xf64>, %b: memref<?x?xf64>, %c: memref<?x?xf64>) {
  weft.matmul %a, %b, %c : memref<?x?xf64>, memref<?x?xf64>, memref<?x?xf64>
  return
}

// Mixed kinds: loops only, the operands converted to the result's type.
// CHECK-LABEL: func.func @mixed
// CHECK-NOT: weft.gemm
// CHECK: scf.parallel
// CHECK: arith.sitofp %{{.*}} : i64 to f64
// CHECK: arith.mulf
func.func @mixed(%a: memref<?x?xi64>, %b: memref<?x?xf64>, %c: memref<?x?xf64>) {
  weft.matmul %a, %b, %c : memref<?x?xi64>, memref<?x?xf64>, memref<?x?xf64>
  return
}

// In a GPU function: one parallel iteration per element of c, each an
// inner product; no BLAS.
// CHECK-LABEL: func.func @on_gpu
// CHECK-NOT: weft.gemm
// CHECK: scf.parallel (%[[I:.*]], %[[J:.*]]) =
// CHECK-NEXT: weft.parallel_work
// CHECK: %[[DOT:.*]] = scf.for {{.*}} iter_args
// CHECK: memref.store %[[DOT]], %arg2[%[[I]], %[[J]]]
func.func @on_gpu(%a: memref<?x?xf32>, %b: memref<?x?xf32>, %c: memref<?x?xf32>)
    attributes {weft.target = "gpu"} {
  weft.matmul %a, %b, %c : memref<?x?xf32>, memref<?x?xf32>, memref<?x?xf32>
  return
}
