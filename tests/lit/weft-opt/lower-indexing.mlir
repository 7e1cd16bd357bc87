// RUN: %weft-opt %s --weft-lower-indexing | FileCheck %s

// An index that may be negative counts from the end.
// CHECK-LABEL: func.func @wrap
// CHECK: %[[I:.*]] = arith.index_cast %arg0 : i64 to index
// CHECK: %[[NEG:.*]] = arith.cmpi slt, %[[I]], %{{.*}}
// CHECK: %[[UP:.*]] = arith.addi %[[I]], %arg1
// CHECK: %[[R:.*]] = arith.select %[[NEG]], %[[UP]], %[[I]]
// CHECK-NOT: scf.if
// CHECK: return %[[R]], %false
func.func @wrap(%k: i64, %n: index) -> (index, i1) {
  %i, %bad = weft.wrap_index %k, %n axis 0 line 3
  return %i, %bad : index, i1
}

// A loop counter from 0 is never negative: no select, so the address
// stays affine.
// CHECK-LABEL: func.func @counter
// CHECK: scf.for %[[IV:.*]] =
// CHECK: %[[I64:.*]] = arith.index_cast %[[IV]] : index to i64
// CHECK-NEXT: %[[I:.*]] = arith.index_cast %[[I64]] : i64 to index
// CHECK-NOT: arith.select
// CHECK: memref.load %arg0[%[[I]]]
func.func @counter(%a: memref<?xf64>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %iv = %c0 to %n step %c1 {
    %k = arith.index_cast %iv : index to i64
    %i, %bad = weft.wrap_index %k, %n axis 0 line 4
    %x = memref.load %a[%i] : memref<?xf64>
  }
  return
}

// checked (boundscheck): outside [-n, n) is an IndexError; the index is
// then 0 and `bad` says so.
// CHECK-LABEL: func.func @checked
// CHECK: %[[I:.*]] = arith.index_cast %arg0 : i64 to index
// CHECK-DAG: %[[LOW:.*]] = arith.cmpi slt, %[[I]], %{{.*}}
// CHECK-DAG: %[[HIGH:.*]] = arith.cmpi sge, %[[I]], %arg1
// CHECK: %[[BAD:.*]] = arith.ori %[[LOW]], %[[HIGH]]
// CHECK: scf.if %[[BAD]] {
// CHECK-NEXT: %[[N:.*]] = arith.index_cast %arg1 : index to i64
// CHECK-NEXT: weft.index_error %arg0, %[[N]] axis 1 line 9
// CHECK: %[[SAFE:.*]] = arith.select %[[BAD]], %{{.*}}, %[[I]]
// CHECK: return %{{.*}}, %[[BAD]]
func.func @checked(%k: i64, %n: index) -> (index, i1) {
  %i, %bad = weft.wrap_index %k, %n checked axis 1 line 9
  return %i, %bad : index, i1
}

// a[i, ::-2, :] (axes 1, 2+16, 0): the position moves the offset and
// drops its axis; the slice's start, length and stride follow Python's
// rules; the last axis is kept whole. One reinterpret_cast of the buffer.
// CHECK-LABEL: func.func @slice
// CHECK: %[[BASE:.*]], %[[OFF:.*]], %[[SIZES:.*]]:3, %[[STRIDES:.*]]:3 = memref.extract_strided_metadata %arg0
// A position clamps to the axis (out of range only in unchecked code).
// CHECK: %[[LAST:.*]] = arith.maxsi %{{.*}}, %c0
// CHECK: %[[POS:.*]] = arith.minsi %{{.*}}, %[[LAST]]
// CHECK: %[[AT:.*]] = arith.muli %[[POS]], %[[STRIDES]]#0
// CHECK: %[[OFF1:.*]] = arith.addi %[[OFF]], %[[AT]]
// CHECK: arith.divui
// CHECK: %[[LEN:.*]] = arith.select
// CHECK: %[[STEPPED:.*]] = arith.muli %[[STRIDES]]#1, %arg2
// CHECK: %[[STRIDE:.*]] = arith.select %{{.*}}, %[[STEPPED]], %[[STRIDES]]#1
// CHECK: memref.reinterpret_cast %[[BASE]] to offset: [%{{.*}}], sizes: [%[[LEN]], %[[SIZES]]#2], strides: [%[[STRIDE]], %[[STRIDES]]#2]
// CHECK-NOT: weft.slice
func.func @slice(%a: memref<?x?x?xf64, strided<[?, ?, ?], offset: ?>>, %i: index, %step: index) -> memref<?x?xf64, strided<[?, ?], offset: ?>> {
  %v = weft.slice %a [1, 18, 0] (%i, %step) : memref<?x?x?xf64, strided<[?, ?, ?], offset: ?>> -> memref<?x?xf64, strided<[?, ?], offset: ?>>
  return %v : memref<?x?xf64, strided<[?, ?], offset: ?>>
}

// a[None, :, None] (axes 32, 0, 32): new axes of size 1 and stride 0
// around the array's own.
// CHECK-LABEL: func.func @new_axes
// CHECK: %[[BASE:.*]], %[[OFF:.*]], %[[SIZE:.*]], %[[STRIDE:.*]] = memref.extract_strided_metadata %arg0
// CHECK: memref.reinterpret_cast %[[BASE]] to offset: [%[[OFF]]], sizes: [%c1{{.*}}, %[[SIZE]], %c1{{.*}}], strides: [%c0, %[[STRIDE]], %c0]
func.func @new_axes(%a: memref<?xf64, strided<[?], offset: ?>>) -> memref<?x?x?xf64, strided<[?, ?, ?], offset: ?>> {
  %v = weft.slice %a [32, 0, 32] : memref<?xf64, strided<[?], offset: ?>> -> memref<?x?x?xf64, strided<[?, ?, ?], offset: ?>>
  return %v : memref<?x?x?xf64, strided<[?, ?, ?], offset: ?>>
}

// a.T: the same buffer, sizes and strides reversed.
// CHECK-LABEL: func.func @transpose
// CHECK: %[[B:.*]], %[[OFF:.*]], %[[S:.*]]:2, %[[ST:.*]]:2 = memref.extract_strided_metadata %arg0
// CHECK: memref.reinterpret_cast %[[B]] to offset: [%[[OFF]]], sizes: [%[[S]]#1, %[[S]]#0], strides: [%[[ST]]#1, %[[ST]]#0]
// CHECK-NOT: weft.transpose
func.func @transpose(%a: memref<?x?xf64, strided<[?, ?], offset: ?>>) -> memref<?x?xf64, strided<[?, ?], offset: ?>> {
  %t = weft.transpose %a : memref<?x?xf64, strided<[?, ?], offset: ?>> -> memref<?x?xf64, strided<[?, ?], offset: ?>>
  return %t : memref<?x?xf64, strided<[?, ?], offset: ?>>
}

// transpose(a, (1, 2, 0)): axis i of the view is axis permutation[i].
// CHECK-LABEL: func.func @permuted
// CHECK: %[[B:.*]], %[[OFF:.*]], %[[S:.*]]:3, %[[ST:.*]]:3 = memref.extract_strided_metadata %arg0
// CHECK: memref.reinterpret_cast %[[B]] to offset: [%[[OFF]]], sizes: [%[[S]]#1, %[[S]]#2, %[[S]]#0], strides: [%[[ST]]#1, %[[ST]]#2, %[[ST]]#0]
func.func @permuted(%a: memref<?x?x?xf64, strided<[?, ?, ?], offset: ?>>) -> memref<?x?x?xf64, strided<[?, ?, ?], offset: ?>> {
  %t = weft.transpose %a {permutation = array<i64: 1, 2, 0>} : memref<?x?x?xf64, strided<[?, ?, ?], offset: ?>> -> memref<?x?x?xf64, strided<[?, ?, ?], offset: ?>>
  return %t : memref<?x?x?xf64, strided<[?, ?, ?], offset: ?>>
}

// reshape: NumPy's ValueError naming both shapes when the counts differ,
// MemoryError when the new shape's bytes overflow; then a view of the
// array (retained) when it is contiguous, else of a parallel copy, with
// row-major strides; the sizes are 0 after a failed check.
// CHECK-LABEL: func.func @reshape
// CHECK: %{{.*}}, %{{.*}}, %[[N:.*]], %[[STRIDE:.*]] = memref.extract_strided_metadata %arg0
// CHECK: arith.mului_extended
// CHECK: arith.mului_extended
// CHECK: %[[COUNT:.*]] = arith.select %{{.*}}, %c0, %{{.*}} : index
// CHECK-NEXT: %[[DIFF:.*]] = arith.cmpi ne, %[[COUNT]], %{{.*}} : index
// CHECK-NEXT: scf.if %[[DIFF]] {
// CHECK: weft.shape_error "ValueError: cannot reshape array of shape {} into shape {}" line 4
// CHECK: } else {
// CHECK: weft.fail "MemoryError: {{.*}}" line 4
// CHECK: %[[BAD:.*]] = arith.ori %[[DIFF]]
// CHECK: %[[R:.*]] = arith.select %[[BAD]], %{{.*}}, %arg1
// CHECK: %[[C:.*]] = arith.select %[[BAD]], %{{.*}}, %arg2
// CHECK: arith.cmpi eq, %[[STRIDE]]
// CHECK: %[[SRC:.*]] = scf.if %{{.*}} -> (memref<?xf64, strided<[?], offset: ?>>) {
// CHECK-NEXT: weft.retain %arg0
// CHECK-NEXT: scf.yield %arg0
// CHECK: } else {
// CHECK: memref.alloc
// CHECK: scf.parallel
// CHECK: weft.parallel_work
// CHECK: %{{.*}}, %[[OFF:.*]], %{{.*}}, %{{.*}} = memref.extract_strided_metadata %[[SRC]]
// CHECK: %[[ONE:.*]] = arith.constant 1 : index
// CHECK: %[[ROW:.*]] = arith.muli %[[ONE]], %[[C]]
// CHECK: memref.reinterpret_cast %{{.*}} to offset: [%[[OFF]]], sizes: [%[[R]], %[[C]]], strides: [%[[ROW]], %[[ONE]]]
func.func @reshape(%a: memref<?xf64, strided<[?], offset: ?>>, %n: index, %m: index) -> memref<?x?xf64, strided<[?, ?], offset: ?>> {
  %r = weft.reshape %a (%n, %m) line 4 : memref<?xf64, strided<[?], offset: ?>> -> memref<?x?xf64, strided<[?, ?], offset: ?>>
  return %r : memref<?x?xf64, strided<[?, ?], offset: ?>>
}

// ravel: one axis of all elements, no check; `serial` copies in scf.for.
// CHECK-LABEL: func.func @ravel
// CHECK: %{{.*}}, %{{.*}}, %[[S:.*]]:2, %{{.*}}:2 = memref.extract_strided_metadata %arg0
// CHECK: %[[N0:.*]] = arith.muli %{{.*}}, %[[S]]#0
// CHECK: %[[N:.*]] = arith.muli %[[N0]], %[[S]]#1
// CHECK-NOT: weft.shape_error
// CHECK: scf.if
// CHECK: } else {
// CHECK-NOT: scf.parallel
// CHECK: scf.for
// CHECK: scf.for
// CHECK: memref.reinterpret_cast %{{.*}} sizes: [%[[N]]]
func.func @ravel(%a: memref<?x?xi32, strided<[?, ?], offset: ?>>) -> memref<?xi32, strided<[?], offset: ?>> {
  %r = weft.reshape %a line 9 serial : memref<?x?xi32, strided<[?, ?], offset: ?>> -> memref<?xi32, strided<[?], offset: ?>>
  return %r : memref<?xi32, strided<[?], offset: ?>>
}

// a[mask]: the shape check, a loop counting the true elements, the
// result's allocation and a copying loop whose counter advances on true.
// CHECK-LABEL: func.func @compress
// CHECK: %[[MISMATCH:.*]] = arith.ori
// CHECK: scf.if %[[MISMATCH]] {
// CHECK: weft.shape_error "IndexError: a boolean index of shape {} does not match the indexed array of shape {}" line 9
// CHECK: %[[COUNT:.*]] = scf.for {{.*}} iter_args
// CHECK: memref.alloc(%[[COUNT]], %{{.*}}) : memref<?x?xf64>
// CHECK: scf.for {{.*}} iter_args
// CHECK: scf.if
// CHECK: memref.load %arg0
// CHECK: memref.store
func.func @compress(%a: memref<?x?xf64>, %m: memref<?xi1>) -> memref<?x?xf64, strided<[?, ?], offset: ?>> {
  %r = weft.compress %a, %m line 9 : memref<?x?xf64>, memref<?xi1> -> memref<?x?xf64, strided<[?, ?], offset: ?>>
  return %r : memref<?x?xf64, strided<[?, ?], offset: ?>>
}

// a[idx]: every index wrapped and always checked; a bad one reads nothing.
// CHECK-LABEL: func.func @gather
// CHECK: memref.alloc
// CHECK: scf.for
// CHECK: %[[K:.*]] = memref.load %arg1
// CHECK: arith.extsi %[[K]] : i32 to i64
// CHECK: weft.index_error
// CHECK: scf.if %{{.*}} -> (f64)
// CHECK: memref.load %arg0
// CHECK: memref.store
func.func @gather(%a: memref<?xf64>, %i: memref<?xi32>) -> memref<?xf64, strided<[?], offset: ?>> {
  %r = weft.gather %a, %i line 4 : memref<?xf64>, memref<?xi32> -> memref<?xf64, strided<[?], offset: ?>>
  return %r : memref<?xf64, strided<[?], offset: ?>>
}
