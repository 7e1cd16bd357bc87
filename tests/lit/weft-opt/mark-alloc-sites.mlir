// RUN: %weft-opt %s --weft-mark-alloc-sites | FileCheck %s
// RUN: %weft-opt %s --weft-mark-alloc-sites --convert-weft-to-llvm | FileCheck %s --check-prefix=LLVM

// Each allocation with a source line is preceded by its line; one without
// a line is left alone.
// CHECK-LABEL: func.func @two
// CHECK: weft.alloc_site line 7
// CHECK-NEXT: memref.alloc(%{{.*}}) : memref<?xf64>
// CHECK-NOT: weft.alloc_site
// CHECK: memref.alloc(%{{.*}}) : memref<?xi64>
// LLVM: llvm.call @weft_rt_alloc_site(%{{.*}}) : (i64) -> ()
func.func @two(%n: index) {
  %a = memref.alloc(%n) : memref<?xf64> loc("f.weft":7:5)
  %b = memref.alloc(%n) : memref<?xi64> loc(unknown)
  memref.dealloc %a : memref<?xf64>
  memref.dealloc %b : memref<?xi64>
  return
}
