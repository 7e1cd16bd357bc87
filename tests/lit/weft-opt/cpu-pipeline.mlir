// RUN: %weft-opt %s --weft-cpu-pipeline | FileCheck %s

// The whole CPU pipeline leaves only LLVM dialect operations.
// CHECK-LABEL: llvm.func @sum
// CHECK-NOT: scf.
// CHECK-NOT: memref.
// CHECK: llvm.return
func.func @sum(%a: memref<?xf64, strided<[?], offset: ?>>) -> f64 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f64
  %n = memref.dim %a, %c0 : memref<?xf64, strided<[?], offset: ?>>
  %s = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %zero) -> (f64) {
    %x = memref.load %a[%i] : memref<?xf64, strided<[?], offset: ?>>
    %y = arith.addf %acc, %x : f64
    scf.yield %y : f64
  }
  return %s : f64
}
