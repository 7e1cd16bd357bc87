// RUN: %weft-opt %s --convert-scf-to-openmp --weft-balance-parallel-loops | FileCheck %s
// RUN: %weft-opt %s --convert-scf-to-openmp --weft-balance-parallel-loops=max-chunk=4 | FileCheck %s --check-prefix=SMALL

// A triangle, for j in range(i + 1, n): chunks dealt in turn, about eight
// per thread, at most max-chunk iterations.
// CHECK-LABEL: func.func @triangle
// CHECK: %[[T:.*]] = func.call @omp_get_num_threads() : () -> i32
// CHECK: %[[C:.*]] = arith.minsi %{{.*}}, %c64
// CHECK: omp.wsloop schedule(static = %[[C]] : index)
// SMALL-LABEL: func.func @triangle
// SMALL: %[[C:.*]] = arith.minsi %{{.*}}, %c4
// SMALL: omp.wsloop schedule(static = %[[C]] : index)
func.func @triangle(%a: memref<?xf64>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    %lo = arith.addi %i, %c1 : index
    %s = scf.for %j = %lo to %n step %c1 iter_args(%acc = %c0) -> (index) {
      %t = arith.addi %acc, %j : index
      scf.yield %t : index
    }
    %f = arith.index_cast %s : index to i64
    %v = arith.sitofp %f : i64 to f64
    memref.store %v, %a[%i] : memref<?xf64>
    scf.reduce
  }
  return
}

// The blocks of an array statement, min(k * 4096 + 4096, n) - k * 4096
// elements each: the same work in every iteration but the last, so the
// plain static schedule stays.
// CHECK-LABEL: func.func @blocks
// CHECK-NOT: omp_get_num_threads
// CHECK: omp.wsloop {
func.func @blocks(%a: memref<?xf64>, %out: memref<?xf64>, %n: index,
                  %blocks: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4096 = arith.constant 4096 : index
  %zero = arith.constant 0.0 : f64
  scf.parallel (%k) = (%c0) to (%blocks) step (%c1) {
    %first = arith.muli %k, %c4096 : index
    %end = arith.addi %first, %c4096 : index
    %last = arith.minsi %end, %n : index
    %len = arith.subi %last, %first : index
    %s = scf.for %j = %c0 to %len step %c1 iter_args(%acc = %zero) -> (f64) {
      %at = arith.addi %first, %j : index
      %x = memref.load %a[%at] : memref<?xf64>
      %t = arith.addf %acc, %x : f64
      scf.yield %t : f64
    }
    memref.store %s, %out[%k] : memref<?xf64>
    scf.reduce
  }
  return
}

// A window a[i:i + w], both ends clamped to [0, n): the same length but
// at the end. A loop of at most 8 steps is even whatever its bounds.
// CHECK-LABEL: func.func @window
// CHECK: omp.wsloop {
// CHECK-LABEL: func.func @few_steps
// CHECK: omp.wsloop {
func.func @window(%a: memref<?xf64>, %out: memref<?xf64>, %n: index,
                  %w: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f64
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    %end = arith.addi %i, %w : index
    %lo0 = arith.maxsi %i, %c0 : index
    %lo = arith.minsi %lo0, %n : index
    %hi0 = arith.maxsi %end, %c0 : index
    %hi = arith.minsi %hi0, %n : index
    %len = arith.subi %hi, %lo : index
    %pos = arith.cmpi sgt, %len, %c0 : index
    %count = arith.select %pos, %len, %c0 : index
    %s = scf.for %j = %c0 to %count step %c1 iter_args(%acc = %zero) -> (f64) {
      %at = arith.addi %lo, %j : index
      %x = memref.load %a[%at] : memref<?xf64>
      %t = arith.addf %acc, %x : f64
      scf.yield %t : f64
    }
    memref.store %s, %out[%i] : memref<?xf64>
    scf.reduce
  }
  return
}

func.func @few_steps(%out: memref<?xindex>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    %left = arith.subi %n, %i : index
    %m = arith.minsi %left, %c8 : index
    %s = scf.for %j = %c0 to %m step %c1 iter_args(%acc = %c0) -> (index) {
      %t = arith.addi %acc, %j : index
      scf.yield %t : index
    }
    memref.store %s, %out[%i] : memref<?xindex>
    scf.reduce
  }
  return
}

// A row view a[i] per iteration: its offset depends on i, its length does
// not. A triangle's length saturated at 2**63 - 1 is still a triangle.
// CHECK-LABEL: func.func @rows
// CHECK: omp.wsloop {
// CHECK-LABEL: func.func @saturated
// CHECK: omp.wsloop schedule(static
func.func @rows(%m: memref<?x?xf64>, %out: memref<?xf64>, %r: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f64
  scf.parallel (%i) = (%c0) to (%r) step (%c1) {
    %base, %offset, %sizes:2, %strides:2 = memref.extract_strided_metadata %m : memref<?x?xf64> -> memref<f64>, index, index, index, index, index
    %start = arith.muli %i, %strides#0 : index
    %row = memref.reinterpret_cast %m to offset: [%start], sizes: [%sizes#1], strides: [%strides#1] : memref<?x?xf64> to memref<?xf64, strided<[?], offset: ?>>
    %len = memref.dim %row, %c0 : memref<?xf64, strided<[?], offset: ?>>
    %s = scf.for %j = %c0 to %len step %c1 iter_args(%acc = %zero) -> (f64) {
      %x = memref.load %row[%j] : memref<?xf64, strided<[?], offset: ?>>
      %t = arith.addf %acc, %x : f64
      scf.yield %t : f64
    }
    memref.store %s, %out[%i] : memref<?xf64>
    scf.reduce
  }
  return
}

func.func @saturated(%out: memref<?xi64>, %n: i64, %r: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %max = arith.constant 9223372036854775807 : i64
  scf.parallel (%i) = (%c0) to (%r) step (%c1) {
    %ii = arith.index_cast %i : index to i64
    %left = arith.subi %n, %ii : i64
    %len64 = arith.minui %left, %max : i64
    %len = arith.index_cast %len64 : i64 to index
    %s = scf.for %j = %c0 to %len step %c1 iter_args(%acc = %ii) -> (i64) {
      %t = arith.addi %acc, %ii : i64
      scf.yield %t : i64
    }
    memref.store %s, %out[%i] : memref<?xi64>
    scf.reduce
  }
  return
}

// A while loop (escape-time iterations), directly or in a called function
// whose argument depends on the iteration.
// CHECK-LABEL: func.func @escape
// CHECK: omp.wsloop schedule(static
// CHECK-LABEL: func.func @calls_escape
// CHECK: omp.wsloop schedule(static
// CHECK-LABEL: func.func @calls_with_invariant
// CHECK: omp.wsloop {
func.func @escape(%out: memref<?xindex>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    %k = func.call @steps(%i) : (index) -> index
    memref.store %k, %out[%i] : memref<?xindex>
    scf.reduce
  }
  return
}

func.func private @steps(%x: index) -> index {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r:2 = scf.while (%v = %x, %k = %c0) : (index, index) -> (index, index) {
    %go = arith.cmpi ugt, %v, %c1 : index
    scf.condition(%go) %v, %k : index, index
  } do {
  ^bb0(%v: index, %k: index):
    %h = arith.shrui %v, %c1 : index
    %k1 = arith.addi %k, %c1 : index
    scf.yield %h, %k1 : index, index
  }
  return %r#1 : index
}

func.func @calls_escape(%out: memref<?xindex>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    %k = func.call @twice(%i) : (index) -> index
    memref.store %k, %out[%i] : memref<?xindex>
    scf.reduce
  }
  return
}

func.func private @twice(%x: index) -> index {
  %a = func.call @steps(%x) : (index) -> index
  %b = arith.addi %a, %a : index
  return %b : index
}

func.func @calls_with_invariant(%out: memref<?xindex>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    %k = func.call @steps(%n) : (index) -> index
    memref.store %k, %out[%i] : memref<?xindex>
    scf.reduce
  }
  return
}
