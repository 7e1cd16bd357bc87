// RUN: %weft-opt %s --weft-lower-matmul | FileCheck %s
// RUN: %weft-opt %s --weft-lower-matmul=blas=false | FileCheck %s --check-prefix=NOBLAS

// Float operands of one type: BLAS first, the i-k-j loops when it
// declines; the rows are an array nest of n * m * k multiply-adds.
// CHECK-LABEL: func.func @floats
// CHECK: %{{.*}}, %{{.*}}, %[[SA:.*]]:2, %{{.*}}:2 = memref.extract_strided_metadata %arg0
// CHECK: %{{.*}}, %{{.*}}, %[[SB:.*]]:2, %{{.*}}:2 = memref.extract_strided_metadata %arg1
// CHECK: %[[NM:.*]] = arith.muli %[[SA]]#0, %[[SB]]#1
// CHECK: %[[WORK:.*]] = arith.muli %[[NM]], %[[SA]]#1
// CHECK: %[[DONE:.*]] = weft.gemm %arg0, %arg1, %arg2
// CHECK: %[[DECLINED:.*]] = arith.xori %[[DONE]]
// CHECK: scf.if %[[DECLINED]] {
// CHECK: scf.parallel (%[[I:.*]]) = (%{{.*}}) to (%[[SA]]#0)
// CHECK-NEXT: weft.parallel_work %[[WORK]]
// CHECK: scf.for
// CHECK: memref.store %{{.*}}, %arg2[%[[I]], %{{.*}}]
// CHECK: scf.for
// CHECK: scf.for
// CHECK: math.fma
// CHECK-NOT: arith.mulf
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
// CHECK: math.fma
func.func @mixed(%a: memref<?x?xi64>, %b: memref<?x?xf64>, %c: memref<?x?xf64>) {
  weft.matmul %a, %b, %c : memref<?x?xi64>, memref<?x?xf64>, memref<?x?xf64>
  return
}

// In a GPU function: cuBLAS, else for enough work a launch of 16 x 16
// threads per 16 x 16 block of c that stages tiles of a and b in
// workgroup memory, else serial loops on the host.
// CHECK-LABEL: func.func @on_gpu
// CHECK: %[[DONE:.*]] = weft.gemm %arg0, %arg1, %arg2 device
// CHECK: %[[NO:.*]] = arith.xori %[[DONE]], %true
// CHECK: scf.if %[[NO]] {
// CHECK: %[[BIG:.*]] = arith.cmpi sge, %{{.*}}, %c32768
// CHECK: scf.if %[[BIG]] {
// CHECK: gpu.launch blocks({{.*}}) in ({{.*}}) threads({{.*}}) in (%{{.*}} = %c16{{.*}}, %{{.*}} = %c16{{.*}}, %{{.*}} = %c1{{.*}}) workgroup(%[[SA:.*]] : memref<16x16xf32, #gpu.address_space<workgroup>>, %[[SB:.*]] : memref<16x16xf32, #gpu.address_space<workgroup>>)
// CHECK: scf.for
// CHECK: memref.store %{{.*}}, %[[SA]]
// CHECK: memref.store %{{.*}}, %[[SB]]
// CHECK: gpu.barrier
// CHECK: scf.for
// CHECK: memref.load %[[SA]]
// CHECK: memref.load %[[SB]]
// CHECK: gpu.barrier
// CHECK: memref.store %{{.*}}, %arg2
// CHECK: gpu.terminator
// CHECK: } else {
// CHECK: scf.for
// CHECK: scf.for
// CHECK: %[[DOT:.*]] = scf.for {{.*}} iter_args
// CHECK: memref.store %[[DOT]], %arg2
func.func @on_gpu(%a: memref<?x?xf32>, %b: memref<?x?xf32>, %c: memref<?x?xf32>)
    attributes {weft.target = "gpu"} {
  weft.matmul %a, %b, %c : memref<?x?xf32>, memref<?x?xf32>, memref<?x?xf32>
  return
}

// NumPy's matmul with a 1-D operand: a matrix times a vector is a matrix
// times a column; with a line, inner sizes that differ raise a ValueError
// and leave the inner axes empty.
// CHECK-LABEL: func.func @matvec
// CHECK: %{{.*}}, %{{.*}}, %[[SA:.*]]:2, %[[TA:.*]]:2 = memref.extract_strided_metadata %arg0
// CHECK: %{{.*}}, %{{.*}}, %[[SB:.*]], %[[TB:.*]] = memref.extract_strided_metadata %arg1
// CHECK: %[[DIFF:.*]] = arith.cmpi ne, %[[SA]]#1, %[[SB]]
// CHECK: scf.if %[[DIFF]] {
// CHECK-NEXT: weft.fail "ValueError: matmul: the inner dimensions differ {{.*}}" line 7
// CHECK: %[[KA:.*]] = arith.select %[[DIFF]], %c0, %[[SA]]#1
// CHECK: %[[KB:.*]] = arith.select %[[DIFF]], %c0, %[[SB]]
// CHECK: %[[A2:.*]] = memref.reinterpret_cast %{{.*}} sizes: [%[[SA]]#0, %[[KA]]], strides: [%[[TA]]#0, %[[TA]]#1]
// CHECK: %[[B2:.*]] = memref.reinterpret_cast %{{.*}} sizes: [%[[KB]], %c1], strides: [%[[TB]], %c0]
// CHECK: %[[C2:.*]] = memref.reinterpret_cast %{{.*}} sizes: [%[[SA]]#0, %c1]
// CHECK: weft.gemm %[[A2]], %[[B2]], %[[C2]]
func.func @matvec(%a: memref<?x?xf64>, %v: memref<?xf64>, %c: memref<?xf64>) {
  weft.matmul %a, %v, %c line 7 : memref<?x?xf64>, memref<?xf64>, memref<?xf64>
  return
}

// In the body of a parallel loop: no BLAS call per iteration, the loops
// only (their nest runs on the iteration's thread).
// CHECK-LABEL: func.func @in_parallel_body
// CHECK: scf.parallel
// CHECK-NOT: weft.gemm
// CHECK: math.fma
// CHECK-NOT: weft.matmul
func.func @in_parallel_body(%a: memref<?x?xf64>, %b: memref<?x?xf64>, %c: memref<?x?xf64>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    weft.matmul %a, %b, %c : memref<?x?xf64>, memref<?x?xf64>, memref<?x?xf64>
    scf.reduce
  }
  return
}

// complex<f64>: no BLAS; the loops' multiply-add is CPython's plain
// product on the parts, then a part-by-part sum.
// CHECK-LABEL: func.func @complexes
// CHECK-NOT: weft.gemm
// CHECK: complex.create %{{.*}}, %{{.*}} : complex<f64>
// CHECK: scf.for
// CHECK: %[[AR:.*]] = complex.re %[[X:.*]] : complex<f64>
// CHECK: %[[AI:.*]] = complex.im %[[X]] : complex<f64>
// CHECK: %[[BR:.*]] = complex.re %[[Y:.*]] : complex<f64>
// CHECK: %[[BI:.*]] = complex.im %[[Y]] : complex<f64>
// CHECK: %[[RR:.*]] = arith.mulf %[[AR]], %[[BR]]
// CHECK: %[[II:.*]] = arith.mulf %[[AI]], %[[BI]]
// CHECK: arith.subf %[[RR]], %[[II]]
// CHECK: arith.mulf %[[AR]], %[[BI]]
// CHECK: arith.mulf %[[AI]], %[[BR]]
// CHECK: arith.addf
// CHECK: complex.create
// CHECK-NOT: weft.matmul
func.func @complexes(%a: memref<?x?xcomplex<f64>>, %b: memref<?x?xcomplex<f64>>, %c: memref<?x?xcomplex<f64>>) {
  weft.matmul %a, %b, %c : memref<?x?xcomplex<f64>>, memref<?x?xcomplex<f64>>, memref<?x?xcomplex<f64>>
  return
}
