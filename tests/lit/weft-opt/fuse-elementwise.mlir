// RUN: %weft-opt %s --weft-fuse-elementwise | FileCheck %s

// c = a * b + d: the product's map is inlined into the sum's, its
// operands become the sum's inputs, and its temporary (allocation, size
// queries, release) disappears.
// CHECK-LABEL: func.func @chain
// CHECK: %[[N:.*]] = memref.dim %arg0
// CHECK-NOT: memref.alloc(
// CHECK: weft.map ins(%arg0, %arg1, %arg2 : {{.*}}) outs(%arg3 :
// CHECK-NEXT: ^bb0(%[[A:.*]]: f64, %[[B:.*]]: f64, %[[D:.*]]: f64, %[[C:.*]]: f64):
// CHECK-NEXT: %[[P:.*]] = arith.mulf %[[A]], %[[B]]
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[P]], %[[D]]
// CHECK-NEXT: weft.yield %[[S]]
// CHECK-NOT: weft.map
// CHECK-NOT: weft.release
// CHECK: return %[[N]] : index
func.func @chain(%a: memref<?xf64>, %b: memref<?xf64>, %d: memref<?xf64>, %c: memref<?xf64>) -> index {
  %c0 = arith.constant 0 : index
  %n = memref.dim %a, %c0 : memref<?xf64>
  %t = memref.alloc(%n) : memref<?xf64>
  weft.map ins(%a, %b : memref<?xf64>, memref<?xf64>) outs(%t : memref<?xf64>) {
  ^bb0(%x: f64, %y: f64, %cur: f64):
    %p = arith.mulf %x, %y : f64
    weft.yield %p : f64
  }
  %m = memref.dim %t, %c0 : memref<?xf64>
  weft.map ins(%t, %d : memref<?xf64>, memref<?xf64>) outs(%c : memref<?xf64>) {
  ^bb0(%x: f64, %y: f64, %cur: f64):
    %s = arith.addf %x, %y : f64
    weft.yield %s : f64
  }
  weft.release %t : memref<?xf64>
  return %m : index
}

// A call between the two maps may write what the first one reads: the
// temporary stays.
// CHECK-LABEL: func.func @call_between
// CHECK: memref.alloc
// CHECK: weft.map ins(%arg0 :
// CHECK: call @touch
// CHECK: weft.map ins(%{{.*}} :
func.func private @touch(memref<?xf64>)
func.func @call_between(%a: memref<?xf64>, %c: memref<?xf64>) {
  %c0 = arith.constant 0 : index
  %n = memref.dim %a, %c0 : memref<?xf64>
  %t = memref.alloc(%n) : memref<?xf64>
  weft.map ins(%a : memref<?xf64>) outs(%t : memref<?xf64>) {
  ^bb0(%x: f64, %cur: f64):
    %p = arith.negf %x : f64
    weft.yield %p : f64
  }
  func.call @touch(%a) : (memref<?xf64>) -> ()
  weft.map ins(%t : memref<?xf64>) outs(%c : memref<?xf64>) {
  ^bb0(%x: f64, %cur: f64):
    weft.yield %x : f64
  }
  weft.release %t : memref<?xf64>
  return
}

// Two readers: computing the elements twice is not free, so the
// temporary stays.
// CHECK-LABEL: func.func @two_readers
// CHECK: memref.alloc
// CHECK-COUNT-3: weft.map
func.func @two_readers(%a: memref<?xf64>, %c: memref<?xf64>, %e: memref<?xf64>) {
  %c0 = arith.constant 0 : index
  %n = memref.dim %a, %c0 : memref<?xf64>
  %t = memref.alloc(%n) : memref<?xf64>
  weft.map ins(%a : memref<?xf64>) outs(%t : memref<?xf64>) {
  ^bb0(%x: f64, %cur: f64):
    %p = math.sin %x : f64
    weft.yield %p : f64
  }
  weft.map ins(%t : memref<?xf64>) outs(%c : memref<?xf64>) {
  ^bb0(%x: f64, %cur: f64):
    weft.yield %x : f64
  }
  weft.map ins(%t : memref<?xf64>) outs(%e : memref<?xf64>) {
  ^bb0(%x: f64, %cur: f64):
    weft.yield %x : f64
  }
  weft.release %t : memref<?xf64>
  return
}

// A map writing an array that is not fresh (an argument) is a store the
// program can see: it stays.
// CHECK-LABEL: func.func @not_fresh
// CHECK-COUNT-2: weft.map
func.func @not_fresh(%a: memref<?xf64>, %t: memref<?xf64>, %c: memref<?xf64>) {
  weft.map ins(%a : memref<?xf64>) outs(%t : memref<?xf64>) {
  ^bb0(%x: f64, %cur: f64):
    weft.yield %x : f64
  }
  weft.map ins(%t : memref<?xf64>) outs(%c : memref<?xf64>) {
  ^bb0(%x: f64, %cur: f64):
    weft.yield %x : f64
  }
  return
}

// sum(a * b): the product's map becomes the reduction's body; the
// reduction's sizes, asked of the temporary, become its allocation's.
// CHECK-LABEL: func.func @into_reduce
// CHECK-NOT: memref.alloc(
// CHECK: %[[S:.*]] = weft.reduce sum ins(%arg0, %arg1 : {{.*}}) dims(%arg2, %arg3) {
// CHECK-NEXT: ^bb0(%[[A:.*]]: f64, %[[B:.*]]: f64):
// CHECK-NEXT: %[[P:.*]] = arith.mulf %[[A]], %[[B]]
// CHECK-NEXT: weft.yield %[[P]]
// CHECK-NOT: weft.release
// CHECK: return %[[S]]
func.func @into_reduce(%a: memref<?x?xf64>, %b: memref<?xf64>, %n: index, %m: index) -> f64 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %t = memref.alloc(%n, %m) : memref<?x?xf64>
  weft.map ins(%a, %b : memref<?x?xf64>, memref<?xf64>) outs(%t : memref<?x?xf64>) {
  ^bb0(%x: f64, %y: f64, %cur: f64):
    %p = arith.mulf %x, %y : f64
    weft.yield %p : f64
  }
  %d0 = memref.dim %t, %c0 : memref<?x?xf64>
  %d1 = memref.dim %t, %c1 : memref<?x?xf64>
  %s = weft.reduce sum ins(%t : memref<?x?xf64>) dims(%d0, %d1) {
  ^bb0(%x: f64):
    weft.yield %x : f64
  } -> f64
  weft.release %t : memref<?x?xf64>
  return %s : f64
}

// zeros(n) + a: a fill is a map without inputs; it merges into its
// reader like any other.
// CHECK-LABEL: func.func @fill
// CHECK-NOT: memref.alloc(
// CHECK: weft.map ins(%arg0 : memref<?xf64>) outs(%arg1 :
// CHECK-NEXT: ^bb0(%[[A:.*]]: f64, %{{.*}}: f64):
// CHECK-NEXT: arith.addf %cst, %[[A]]
func.func @fill(%a: memref<?xf64>, %c: memref<?xf64>, %n: index) {
  %zero = arith.constant 0.0 : f64
  %t = memref.alloc(%n) : memref<?xf64>
  weft.map outs(%t : memref<?xf64>) {
  ^bb0(%cur: f64):
    weft.yield %zero : f64
  }
  weft.map ins(%t, %a : memref<?xf64>, memref<?xf64>) outs(%c : memref<?xf64>) {
  ^bb0(%x: f64, %y: f64, %cur: f64):
    %s = arith.addf %x, %y : f64
    weft.yield %s : f64
  }
  weft.release %t : memref<?xf64>
  return
}

// A map using weft.index computes its own output's elements: broadcast
// into a larger reader, its indices would be the reader's, so it stays.
// CHECK-LABEL: func.func @indexed
// CHECK: memref.alloc
// CHECK: weft.index
// CHECK: weft.map ins(%{{.*}}, %arg0 :
func.func @indexed(%a: memref<?x?xi64>, %c: memref<?x?xi64>, %n: index) {
  %t = memref.alloc(%n) : memref<?xi64>
  weft.map outs(%t : memref<?xi64>) {
  ^bb0(%cur: i64):
    %i = weft.index 0
    %v = arith.index_cast %i : index to i64
    weft.yield %v : i64
  }
  weft.map ins(%t, %a : memref<?xi64>, memref<?x?xi64>) outs(%c : memref<?x?xi64>) {
  ^bb0(%x: i64, %y: i64, %cur: i64):
    %s = arith.addi %x, %y : i64
    weft.yield %s : i64
  }
  weft.release %t : memref<?xi64>
  return
}
