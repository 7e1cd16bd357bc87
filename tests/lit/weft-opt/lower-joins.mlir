// RUN: %weft-opt %s --weft-lower-joins | FileCheck %s

// concatenate: the shape check of the other axes, the checked allocation
// of the summed size, one weft.map per input converting into its slab.
// CHECK-LABEL: func.func @concatenate
// CHECK: arith.cmpi ne
// CHECK: weft.fail "ValueError: all the input array dimensions except for the concatenation axis must match exactly" line 3
// CHECK: weft.fail "MemoryError
// CHECK: memref.alloc(%{{.*}}, %{{.*}}) : memref<?x?xf64>
// CHECK: weft.map ins(%{{.*}} : memref<?x?xf64, strided<[?, ?], offset: ?>>)
// CHECK: weft.yield
// CHECK: weft.map ins(%{{.*}} : memref<?x?xi64, strided<[?, ?], offset: ?>>)
// CHECK: arith.sitofp
// CHECK: weft.yield
// CHECK-NOT: weft.concatenate
func.func @concatenate(%a: memref<?x?xf64>, %b: memref<?x?xi64>) -> memref<?x?xf64, strided<[?, ?], offset: ?>> {
  %r = weft.concatenate ins(%a, %b : memref<?x?xf64>, memref<?x?xi64>) axis 1 line 3 -> memref<?x?xf64, strided<[?, ?], offset: ?>>
  return %r : memref<?x?xf64, strided<[?, ?], offset: ?>>
}

// stack: each input with a new axis of size 1 (stride 0); serial copies.
// CHECK-LABEL: func.func @stack
// CHECK: weft.fail "ValueError: all input arrays must have the same shape" line 4
// CHECK: memref.reinterpret_cast {{.*}} to memref<?x?xf32, strided<[?, ?], offset: ?>>
// CHECK: weft.map ins({{.*}}) outs({{.*}}) {
// CHECK: } {serial}
func.func @stack(%a: memref<?xf32>, %b: memref<?xf32>) -> memref<?x?xf32, strided<[?, ?], offset: ?>> {
  %r = weft.concatenate ins(%a, %b : memref<?xf32>, memref<?xf32>) axis 0 stack serial line 4 -> memref<?x?xf32, strided<[?, ?], offset: ?>>
  return %r : memref<?x?xf32, strided<[?, ?], offset: ?>>
}
