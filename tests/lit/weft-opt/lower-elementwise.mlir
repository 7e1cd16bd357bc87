// RUN: %weft-opt %s --weft-lower-elementwise | FileCheck %s

// A fresh output: no overlap test; the row operand is broadcast to the
// output's shape (stride 0 along the missing axis, and along an axis of
// size 1); the nest is parallel over rows and marked with its work.
// CHECK-LABEL: func.func @fresh
// CHECK: %[[N:.*]] = memref.dim %[[OUT:.*]], %c0
// CHECK: %[[M:.*]] = memref.dim %[[OUT]], %c1
// CHECK: %{{.*}}, %{{.*}}, %[[SIZES:.*]], %[[STRIDES:.*]] = memref.extract_strided_metadata %arg0
// CHECK: %[[UNIT:.*]] = arith.cmpi eq, %[[SIZES]], %{{.*}}
// CHECK: %[[STRIDE:.*]] = arith.select %[[UNIT]], %{{.*}}, %[[STRIDES]]
// CHECK: %[[ROW:.*]] = memref.reinterpret_cast %{{.*}} to offset: [%{{.*}}], sizes: [%[[N]], %[[M]]], strides: [%c0{{.*}}, %[[STRIDE]]]
// CHECK-NOT: scf.if
// CHECK: scf.parallel (%[[I:.*]]) =
// CHECK-NEXT: weft.parallel_work
// CHECK: scf.for %[[J:.*]] =
// CHECK-NEXT: %[[X:.*]] = memref.load %[[ROW]][%[[I]], %[[J]]]
// CHECK: %[[Y:.*]] = math.exp %[[X]]
// CHECK-NEXT: memref.store %[[Y]], %[[OUT]][%[[I]], %[[J]]]
// CHECK-NOT: weft.map
func.func @fresh(%row: memref<?xf64>, %n: index, %m: index) -> memref<?x?xf64> {
  %out = memref.alloc(%n, %m) : memref<?x?xf64>
  weft.map ins(%row : memref<?xf64>) outs(%out : memref<?x?xf64>) {
  ^bb0(%x: f64, %cur: f64):
    %y = math.exp %x : f64
    weft.yield %y : f64
  }
  return %out : memref<?x?xf64>
}

// An output the program already holds (a += a[::-1]): if an input views
// its buffer with another layout, the elements go to a temporary first,
// then to the output; the body reads the output's current element.
// CHECK-LABEL: func.func @in_place
// CHECK: %[[SAME:.*]] = arith.cmpi eq, %{{.*}}, %{{.*}} : index
// CHECK: scf.if %{{.*}} {
// CHECK: %[[TMP:.*]] = memref.alloc
// CHECK: scf.parallel
// CHECK: memref.load %arg1
// CHECK: arith.addf
// CHECK: memref.store %{{.*}}, %[[TMP_CAST:[a-z_0-9]+]][
// CHECK: scf.parallel
// CHECK: memref.load %[[TMP_CAST]]
// CHECK: memref.store %{{.*}}, %arg1[
// CHECK: weft.release %[[TMP_CAST]]
// CHECK: } else {
// CHECK: scf.parallel
// CHECK: memref.load %arg1
// CHECK: arith.addf
// CHECK: memref.store %{{.*}}, %arg1[
func.func @in_place(%rev: memref<?xf64, strided<[?], offset: ?>>, %a: memref<?xf64>) {
  weft.map ins(%rev : memref<?xf64, strided<[?], offset: ?>>) outs(%a : memref<?xf64>) {
  ^bb0(%x: f64, %cur: f64):
    %s = arith.addf %cur, %x : f64
    weft.yield %s : f64
  }
  return
}

// serial (@jit(parallel=False)): plain loops.
// CHECK-LABEL: func.func @serial
// CHECK-NOT: scf.parallel
// CHECK: scf.for
// CHECK: scf.for
// CHECK-NOT: scf.parallel
func.func @serial(%n: index, %m: index) -> memref<?x?xi64> {
  %out = memref.alloc(%n, %m) : memref<?x?xi64>
  %c7 = arith.constant 7 : i64
  weft.map outs(%out : memref<?x?xi64>) {
  ^bb0(%cur: i64):
    weft.yield %c7 : i64
  } {serial}
  return %out : memref<?x?xi64>
}

// In a GPU function the two outer axes are parallel (a 2-D grid).
// CHECK-LABEL: func.func @on_gpu
// CHECK: scf.parallel (%{{.*}}, %{{.*}}) =
// CHECK-NEXT: weft.parallel_work
func.func @on_gpu(%n: index, %m: index) -> memref<?x?xf32> attributes {weft.target = "gpu"} {
  %out = memref.alloc(%n, %m) : memref<?x?xf32>
  %one = arith.constant 1.0 : f32
  weft.map outs(%out : memref<?x?xf32>) {
  ^bb0(%cur: f32):
    weft.yield %one : f32
  }
  return %out : memref<?x?xf32>
}

// weft.index is the element's index along an axis (eye: 1 on the
// diagonal).
// CHECK-LABEL: func.func @eye
// CHECK: scf.parallel (%[[I:.*]]) =
// CHECK: scf.for %[[J:.*]] =
// CHECK: %[[DIAG:.*]] = arith.cmpi eq, %[[I]], %[[J]] : index
// CHECK: arith.select %[[DIAG]]
// CHECK-NOT: weft.index
func.func @eye(%n: index) -> memref<?x?xf64> {
  %out = memref.alloc(%n, %n) : memref<?x?xf64>
  %one = arith.constant 1.0 : f64
  %zero = arith.constant 0.0 : f64
  weft.map outs(%out : memref<?x?xf64>) {
  ^bb0(%cur: f64):
    %i = weft.index 0
    %j = weft.index 1
    %d = arith.cmpi eq, %i, %j : index
    %v = arith.select %d, %one, %zero : f64
    weft.yield %v : f64
  }
  return %out : memref<?x?xf64>
}
