// RUN: %weft-opt %s | %weft-opt | FileCheck %s

// CHECK-LABEL: func.func @ops
func.func @ops(%a: memref<?xf64, strided<[?], offset: ?>>, %x: i64) {
  // CHECK: weft.print "x = {} and {}" %{{.*}}, %{{.*}} : i64, memref<?xf64, strided<[?], offset: ?>>
  weft.print "x = {} and {}" %x, %a : i64, memref<?xf64, strided<[?], offset: ?>>
  // CHECK: weft.print "hello"
  weft.print "hello"
  // CHECK: weft.retain %{{.*}} : memref<?xf64, strided<[?], offset: ?>>
  weft.retain %a : memref<?xf64, strided<[?], offset: ?>>
  // CHECK: weft.release %{{.*}} : memref<?xf64, strided<[?], offset: ?>>
  weft.release %a : memref<?xf64, strided<[?], offset: ?>>
  // CHECK: %{{.*}} = weft.null_array : memref<?xi64, strided<[?], offset: ?>>
  %n = weft.null_array : memref<?xi64, strided<[?], offset: ?>>
  // CHECK: weft.fail "boom" line 7
  weft.fail "boom" line 7
  return
}

// CHECK-LABEL: func.func @array_ops
func.func @array_ops(%a: memref<?x?xi64>, %b: memref<?x?xf64>, %c: memref<?x?xf64>, %n: index, %big: i1) {
  // CHECK: weft.matmul %{{.*}}, %{{.*}}, %{{.*}} : memref<?x?xi64>, memref<?x?xf64>, memref<?x?xf64>
  weft.matmul %a, %b, %c : memref<?x?xi64>, memref<?x?xf64>, memref<?x?xf64>
  // CHECK: weft.gemm %{{.*}}, %{{.*}}, %{{.*}} : memref<?x?xf64>
  %h = weft.gemm %b, %b, %c : memref<?x?xf64>, memref<?x?xf64>, memref<?x?xf64>
  // CHECK: weft.gemm %{{.*}}, %{{.*}}, %{{.*}} device : memref<?x?xf64>
  %d = weft.gemm %b, %b, %c device : memref<?x?xf64>, memref<?x?xf64>, memref<?x?xf64>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  // CHECK: scf.parallel
  // CHECK-NEXT: weft.parallel_work %{{.*}}
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    weft.parallel_work %n
    scf.reduce
  }
  // CHECK: scf.parallel
  // CHECK-NEXT: weft.parallel_if %{{.*}}
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    weft.parallel_if %big
    scf.reduce
  }
  return
}

// CHECK-LABEL: func.func @map
// CHECK: weft.map ins(%{{.*}}, %{{.*}} : memref<?xf64>, memref<?x?xi64>) outs(%{{.*}} : memref<?x?xf64>) {
// CHECK-NEXT: ^bb0(%{{.*}}: f64, %{{.*}}: i64, %{{.*}}: f64):
// CHECK: weft.yield %{{.*}} : f64
// CHECK-NEXT: } {serial}
func.func @map(%a: memref<?xf64>, %b: memref<?x?xi64>, %c: memref<?x?xf64>) {
  weft.map ins(%a, %b : memref<?xf64>, memref<?x?xi64>) outs(%c : memref<?x?xf64>) {
  ^bb0(%x: f64, %y: i64, %cur: f64):
    %f = arith.sitofp %y : i64 to f64
    %s = arith.addf %x, %f : f64
    weft.yield %s : f64
  } {serial}
  return
}

// CHECK-LABEL: func.func @reduce
// CHECK: weft.reduce max axis 1 ins(%{{.*}} : memref<?x?xi64>) dims(%{{.*}}, %{{.*}}) outs(%{{.*}} : memref<?xi64>) {
// CHECK: %{{.*}} = weft.reduce argmin ins(%{{.*}} : memref<?x?xi64>) dims(%{{.*}}, %{{.*}}) {
// CHECK: } -> i64
func.func @reduce(%a: memref<?x?xi64>, %o: memref<?xi64>, %n: index) -> i64 {
  weft.reduce max axis 1 ins(%a : memref<?x?xi64>) dims(%n, %n) outs(%o : memref<?xi64>) {
  ^bb0(%x: i64):
    weft.yield %x : i64
  }
  %i = weft.reduce argmin ins(%a : memref<?x?xi64>) dims(%n, %n) {
  ^bb0(%x: i64):
    weft.yield %x : i64
  } -> i64
  return %i : i64
}

// CHECK-LABEL: func.func @python_arith
// CHECK: weft.floordiv %{{.*}}, %{{.*}} : i64
// CHECK: weft.mod %{{.*}}, %{{.*}} : f32
// CHECK: weft.shl %{{.*}}, %{{.*}} : i32
// CHECK: weft.shr %{{.*}}, %{{.*}} : i64
func.func @python_arith(%a: i64, %f: f32, %i: i32) -> (i64, f32, i32, i64) {
  %q = weft.floordiv %a, %a : i64
  %m = weft.mod %f, %f : f32
  %l = weft.shl %i, %i : i32
  %r = weft.shr %a, %a : i64
  return %q, %m, %l, %r : i64, f32, i32, i64
}

// CHECK-LABEL: func.func @wrap_index
// CHECK: weft.wrap_index %{{.*}}, %{{.*}} checked axis 2 line 5
// CHECK: weft.wrap_index %{{.*}}, %{{.*}} axis 0 line 6
func.func @wrap_index(%k: i64, %n: index) -> (index, index) {
  %i, %b = weft.wrap_index %k, %n checked axis 2 line 5
  %j, %c = weft.wrap_index %k, %n axis 0 line 6
  return %i, %j : index, index
}

// CHECK-LABEL: func.func @slice
// CHECK: weft.slice %{{.*}} [1, 14](%{{.*}}, %{{.*}}, %{{.*}}) : memref<?x?xf64> -> memref<?xf64, strided<[?], offset: ?>>
func.func @slice(%a: memref<?x?xf64>, %i: index, %lo: index, %s: index) -> memref<?xf64, strided<[?], offset: ?>> {
  %v = weft.slice %a [1, 14] (%i, %lo, %s) : memref<?x?xf64> -> memref<?xf64, strided<[?], offset: ?>>
  return %v : memref<?xf64, strided<[?], offset: ?>>
}

// CHECK-LABEL: func.func @random
// CHECK: %[[Z:.*]] = weft.random_bits %arg0, %arg1
// CHECK: weft.uniform %[[Z]]
// CHECK: weft.iteration_draw %arg0, %arg1, %arg2
// CHECK: weft.normal %arg0, %arg1
// CHECK: weft.randint %[[Z]], %arg1, %arg2
func.func @random(%key: i64, %i: i64, %j: i64) -> (f64, i64, f64, i64) {
  %z = weft.random_bits %key, %i
  %u = weft.uniform %z
  %d = weft.iteration_draw %key, %i, %j
  %g = weft.normal %key, %i
  %r = weft.randint %z, %i, %j
  return %u, %d, %g, %r : f64, i64, f64, i64
}

// CHECK-LABEL: func.func @views
// CHECK: weft.transpose %arg0 : memref<?x?xf64> -> memref<?x?xf64, strided<[?, ?], offset: ?>>
// CHECK: weft.reshape %arg0(%arg1) line 3 serial : memref<?x?xf64> -> memref<?xf64, strided<[?], offset: ?>>
// CHECK: weft.reshape %arg0 line 4 : memref<?x?xf64> -> memref<?xf64, strided<[?], offset: ?>>
func.func @views(%a: memref<?x?xf64>, %n: index) {
  %t = weft.transpose %a : memref<?x?xf64> -> memref<?x?xf64, strided<[?, ?], offset: ?>>
  %r = weft.reshape %a (%n) line 3 serial : memref<?x?xf64> -> memref<?xf64, strided<[?], offset: ?>>
  %v = weft.reshape %a line 4 : memref<?x?xf64> -> memref<?xf64, strided<[?], offset: ?>>
  return
}

// CHECK-LABEL: func.func @launches
// CHECK: weft.launch @grid_kernel blocks(%arg1, %arg1) threads(%arg2, %arg2) (%arg0 : memref<?xf64>) line 5 {gpu}
// CHECK: weft.launch @no_operands blocks(%arg1, %arg1) threads(%arg2, %arg2) () line 6 {serial}
func.func private @grid_kernel(%a: memref<?xf64>, %tx: i64, %ty: i64, %bx: i64, %by: i64, %dx: i64, %dy: i64)
func.func private @no_operands(%tx: i64, %ty: i64, %bx: i64, %by: i64, %dx: i64, %dy: i64)
func.func @launches(%a: memref<?xf64>, %b: i64, %t: i64) {
  weft.launch @grid_kernel blocks(%b, %b) threads(%t, %t) (%a : memref<?xf64>) line 5 {gpu}
  weft.launch @no_operands blocks(%b, %b) threads(%t, %t) () line 6 {serial}
  return
}

// CHECK-LABEL: func.func @vmaps
// CHECK: weft.vmap @row_norm(%arg0, %arg1) axis -1 line 8 : (memref<?x?xf64>, f64) -> memref<?xf64>
func.func private @row_norm(%r: memref<?xf64, strided<[?], offset: ?>>, %p: f64) -> f64
func.func @vmaps(%m: memref<?x?xf64>, %p: f64) -> memref<?xf64> {
  %r = weft.vmap @row_norm(%m, %p) axis -1 line 8 : (memref<?x?xf64>, f64) -> memref<?xf64>
  return %r : memref<?xf64>
}

// CHECK-LABEL: func.func @broadcast_shape
// CHECK: weft.broadcast_shape %arg0, %arg1 line 3 : memref<?xf64>, memref<?x?xf64> -> index, index
// CHECK: weft.broadcast_shape %arg0 into(%arg2, %arg2) line 4 : memref<?xf64> -> index, index
func.func @broadcast_shape(%a: memref<?xf64>, %b: memref<?x?xf64>, %n: index) -> (index, index) {
  %r:2 = weft.broadcast_shape %a, %b line 3 : memref<?xf64>, memref<?x?xf64> -> index, index
  %s:2 = weft.broadcast_shape %a into (%n, %n) line 4 : memref<?xf64> -> index, index
  return %r#0, %s#1 : index, index
}

// CHECK-LABEL: func.func @sorting_and_index_arrays
// CHECK: weft.sort %arg0 : memref<?xf64>
// CHECK: weft.argsort %arg0, %arg1 : memref<?xf64>, memref<?xi64>
// CHECK: weft.compress %arg2, %arg3 line 5 : memref<?x?xf64>, memref<?xi1> -> memref<?x?xf64>
// CHECK: weft.gather %arg0, %arg1 line 6 : memref<?xf64>, memref<?xi64> -> memref<?xf64>
func.func @sorting_and_index_arrays(%a: memref<?xf64>, %i: memref<?xi64>, %m: memref<?x?xf64>, %mask: memref<?xi1>) {
  weft.sort %a : memref<?xf64>
  weft.argsort %a, %i : memref<?xf64>, memref<?xi64>
  %r = weft.compress %m, %mask line 5 : memref<?x?xf64>, memref<?xi1> -> memref<?x?xf64>
  %g = weft.gather %a, %i line 6 : memref<?xf64>, memref<?xi64> -> memref<?xf64>
  return
}

// CHECK-LABEL: func.func @linear_algebra
// CHECK: weft.linalg "solve" %arg0, %arg1 into %arg2 line 3 : memref<?x?xf64>, memref<?xf64>, memref<?xf64>
// CHECK: weft.linalg "det" %arg0 into %arg3 line 4 : memref<?x?xf64>, memref<1xf64>
func.func @linear_algebra(%a: memref<?x?xf64>, %b: memref<?xf64>, %x: memref<?xf64>, %d: memref<1xf64>) {
  weft.linalg "solve" %a, %b into %x line 3 : memref<?x?xf64>, memref<?xf64>, memref<?xf64>
  weft.linalg "det" %a into %d line 4 : memref<?x?xf64>, memref<1xf64>
  return
}

// CHECK-LABEL: func.func @decompositions
// CHECK: weft.decompose "eigh" %arg0 into %arg1, %arg2 line 5 : memref<?x?xf64>, memref<?xf64>, memref<?x?xf64>
// CHECK: weft.decompose "svdvals" %arg0 into %arg1 line 6 : memref<?x?xf64>, memref<?xf64>
func.func @decompositions(%a: memref<?x?xf64>, %w: memref<?xf64>, %v: memref<?x?xf64>) {
  weft.decompose "eigh" %a into %w, %v line 5 : memref<?x?xf64>, memref<?xf64>, memref<?x?xf64>
  weft.decompose "svdvals" %a into %w line 6 : memref<?x?xf64>, memref<?xf64>
  return
}

// CHECK-LABEL: func.func @list_grow
// CHECK: %0 = weft.list_capacity %arg0 : memref<?xf64, strided<[?], offset: ?>>
// CHECK: %1 = weft.list_grow %arg0 by %arg1 line 7 : memref<?xf64, strided<[?], offset: ?>>
func.func @list_grow(%a: memref<?xf64, strided<[?], offset: ?>>, %n: index) -> (index, memref<?xf64, strided<[?], offset: ?>>) {
  %c = weft.list_capacity %a : memref<?xf64, strided<[?], offset: ?>>
  %r = weft.list_grow %a by %n line 7 : memref<?xf64, strided<[?], offset: ?>>
  return %c, %r : index, memref<?xf64, strided<[?], offset: ?>>
}

// CHECK-LABEL: func.func @statistics
// CHECK: weft.searchsorted %arg0, %arg2 right as f64 : memref<?xf64>, i64 -> i64
// CHECK: weft.digitize %arg1, %arg0 right as f64 line 2 : memref<?xi64>, memref<?xf64> -> memref<?xi64>
// CHECK: weft.unique %arg1 : memref<?xi64> -> memref<?xi64>
// CHECK: weft.quantile %arg0, %arg3 percent line 4 : memref<?xf64>, f64 -> f64
// CHECK: weft.quantile %arg0, %arg3 median line 5 : memref<?xf64>, f64 -> f64
// CHECK: weft.histogram %arg0, %arg2 line 6 : (memref<?xf64>, i64) -> (memref<?xi64>, memref<?xf64>)
// CHECK: weft.histogram %arg0, %arg2 range %arg3, %arg3 weights %arg0 line 7 : (memref<?xf64>, i64, f64, f64, memref<?xf64>) -> (memref<?xf64>, memref<?xf64>)
func.func @statistics(%a: memref<?xf64>, %v: memref<?xi64>, %n: i64, %q: f64) {
  %s = weft.searchsorted %a, %n right as f64 : memref<?xf64>, i64 -> i64
  %d = weft.digitize %v, %a right as f64 line 2 : memref<?xi64>, memref<?xf64> -> memref<?xi64>
  %u = weft.unique %v : memref<?xi64> -> memref<?xi64>
  %p = weft.quantile %a, %q percent line 4 : memref<?xf64>, f64 -> f64
  %m = weft.quantile %a, %q median line 5 : memref<?xf64>, f64 -> f64
  %c, %e = weft.histogram %a, %n line 6 : (memref<?xf64>, i64) -> (memref<?xi64>, memref<?xf64>)
  %w, %f = weft.histogram %a, %n range %q, %q weights %a line 7 : (memref<?xf64>, i64, f64, f64, memref<?xf64>) -> (memref<?xf64>, memref<?xf64>)
  return
}

// CHECK-LABEL: func.func @joins
// CHECK: weft.concatenate ins(%arg0, %arg1 : memref<?xf64>, memref<?xi64>) axis 0 line 2 -> memref<?xf64>
// CHECK: weft.concatenate ins(%arg0, %arg0 : memref<?xf64>, memref<?xf64>) axis 1 stack serial line 3 -> memref<?x?xf64>
func.func @joins(%a: memref<?xf64>, %b: memref<?xi64>) {
  %c = weft.concatenate ins(%a, %b : memref<?xf64>, memref<?xi64>) axis 0 line 2 -> memref<?xf64>
  %s = weft.concatenate ins(%a, %a : memref<?xf64>, memref<?xf64>) axis 1 stack serial line 3 -> memref<?x?xf64>
  return
}

// CHECK-LABEL: func.func @numpy_floats
// CHECK: weft.minimum %arg0, %arg1 : f64
// CHECK: weft.maximum %arg0, %arg1 : f64
// CHECK: weft.round %arg0, %arg1 : f64
// CHECK: weft.isclose %arg0, %arg1, %arg1, %arg1, %arg2 : f64
func.func @numpy_floats(%x: f64, %y: f64, %e: i1) -> (f64, f64, f64, i1) {
  %a = weft.minimum %x, %y : f64
  %b = weft.maximum %x, %y : f64
  %c = weft.round %x, %y : f64
  %i = weft.isclose %x, %y, %y, %y, %e : f64
  return %a, %b, %c, %i : f64, f64, f64, i1
}

// CHECK-LABEL: func.func @ranges
// CHECK: weft.arange %arg0, %arg0, %arg0 line 2 : i64 -> memref<?xui8, strided<[?], offset: ?>>
// CHECK: weft.arange %arg1, %arg1, %arg1 line 3 serial : f64 -> memref<?xf64, strided<[?], offset: ?>>
// CHECK: weft.linspace %arg1, %arg1, %arg2 line 4 -> memref<?xf64, strided<[?], offset: ?>>
func.func @ranges(%i: i64, %f: f64, %n: index) {
  %a = weft.arange %i, %i, %i line 2 : i64 -> memref<?xui8, strided<[?], offset: ?>>
  %b = weft.arange %f, %f, %f line 3 serial : f64 -> memref<?xf64, strided<[?], offset: ?>>
  %c = weft.linspace %f, %f, %n line 4 -> memref<?xf64, strided<[?], offset: ?>>
  return
}
