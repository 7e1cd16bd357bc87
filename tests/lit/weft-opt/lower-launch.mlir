// RUN: %weft-opt %s --weft-lower-launch | FileCheck %s

// A kernel takes its operands, then thread (x, y), block (x, y) and block
// size (x, y).
func.func private @scale(%a: memref<?xf64>, %k: f64, %tx: i64, %ty: i64,
                         %bx: i64, %by: i64, %dx: i64, %dy: i64)

// On the CPU: the counts checked, then one parallel nest over every grid
// point (blocks x threads), each point's ids from its flat number, and the
// errors of the points raised after it.
// CHECK-LABEL: func.func @on_cpu
// CHECK-COUNT-4: arith.cmpi sle
// CHECK: scf.if %{{.*}} {
// CHECK-NEXT: weft.fail "ValueError: a kernel launch needs positive numbers of blocks and threads" line 9
// CHECK: %[[THREADS:.*]] = arith.muli %[[TX:.*]], %[[TY:.*]] : i64
// CHECK: %[[BLOCKS:.*]] = arith.muli %[[BX:.*]], %{{.*}} : i64
// CHECK: %[[ALL:.*]] = arith.muli %[[THREADS]], %[[BLOCKS]] : i64
// CHECK: %[[N:.*]] = arith.index_cast %[[ALL]] : i64 to index
// CHECK: scf.parallel (%[[P:.*]]) = (%{{.*}}) to (%[[N]])
// CHECK-NEXT: weft.parallel_work
// CHECK: %[[PI:.*]] = arith.index_cast %[[P]] : index to i64
// CHECK: %[[BLOCK:.*]] = arith.divui %[[PI]], %[[THREADS]]
// CHECK: %[[X:.*]] = arith.remui %[[PI]], %[[TX]]
// CHECK: call @scale(%{{.*}}, %{{.*}}, %[[X]], %{{.*}}, %{{.*}}, %{{.*}}, %[[TX]], %[[TY]])
// CHECK: weft.raise_recorded
// CHECK-NOT: weft.launch
func.func @on_cpu(%a: memref<?xf64>, %k: f64, %b: i64, %t: i64) {
  %one = arith.constant 1 : i64
  weft.launch @scale blocks(%b, %one) threads(%t, %one) (%a, %k : memref<?xf64>, f64) line 9
  return
}

// serial: plain loops.
// CHECK-LABEL: func.func @serial
// CHECK-NOT: scf.parallel
// CHECK: scf.for
// CHECK: call @scale
func.func @serial(%a: memref<?xf64>, %k: f64, %b: i64, %t: i64) {
  weft.launch @scale blocks(%b, %b) threads(%t, %t) (%a, %k : memref<?xf64>, f64) line 2 {serial}
  return
}

// For the GPU: a gpu.launch of that grid calling the kernel with its ids.
// CHECK-LABEL: func.func @on_gpu
// CHECK: weft.fail
// CHECK: gpu.launch blocks(%[[BXI:.*]], %[[BYI:.*]], %{{.*}}) in (%{{.*}} = %{{.*}}, %{{.*}} = %{{.*}}, %{{.*}} = %{{.*}}) threads(%[[TXI:.*]], %[[TYI:.*]], %{{.*}}) in
// CHECK: %[[T:.*]] = arith.index_cast %[[TXI]] : index to i64
// CHECK: call @scale(%{{.*}}, %{{.*}}, %[[T]],
// CHECK: gpu.terminator
// CHECK-NOT: weft.raise_recorded
func.func @on_gpu(%a: memref<?xf64>, %k: f64, %b: i64, %t: i64) attributes {weft.target = "gpu"} {
  weft.launch @scale blocks(%b, %b) threads(%t, %t) (%a, %k : memref<?xf64>, f64) line 3 {gpu}
  return
}
