// RUN: %weft-opt %s -split-input-file -verify-diagnostics

// The verifiers of the weft dialect's operations: each case is invalid IR
// and names what is wrong.

func.func @print_too_few(%a: i64) {
  // expected-error @+1 {{format has 2 placeholders but 1 operands}}
  weft.print "{} {}" %a : i64
  return
}

// -----

func.func @print_tuple_list_format(%i: memref<?xi64>, %x: memref<?xf64>) {
  // expected-error @+1 {{tuple format '({})' does not have 2 placeholders}}
  weft.print "{}" %i, %x : memref<?xi64>, memref<?xf64> {tuple_lists = array<i64: 0, 2>, tuple_formats = ["({})"]}
  return
}

// -----

func.func @print_tuple_list_scalar(%i: i64, %x: memref<?xf64>) {
  // expected-error @+1 {{a tuple list's field 0 is not a 1-D array}}
  weft.print "{}" %i, %x : i64, memref<?xf64> {tuple_lists = array<i64: 0, 2>, tuple_formats = ["({}, {})"]}
  return
}

// -----

func.func @print_lone_brace(%a: i64) {
  // expected-error @+1 {{format has a lone '{' or '}'}}
  weft.print "{ {}" %a : i64
  return
}

// -----

func.func @print_escaped_braces(%a: i64) {
  // Escaped braces are text, not placeholders: this one is valid.
  weft.print "{{x}} = {}" %a : i64
  return
}

// -----

func.func @print_index(%a: index) {
  // expected-error @+1 {{operand has type 'index', which the runtime does not support}}
  weft.print "{}" %a : index
  return
}

// -----

func.func @print_i128_array(%a: memref<?xi128>) {
  // expected-error @+1 {{operand has element type 'i128', which the runtime does not support}}
  weft.print "{}" %a : memref<?xi128>
  return
}

// -----

func.func @release_f16(%a: memref<4xf16>) {
  // expected-error @+1 {{element type 'f16'}}
  weft.release %a : memref<4xf16>
  return
}

// -----

func.func @fail_negative_line() {
  // expected-error @+1 {{source line must not be negative, got -3}}
  weft.fail "boom" line -3
  return
}

// -----

func.func @check_without_message(%f: i1) {
  // expected-error @+1 {{'weft.check' op needs a message}}
  weft.check %f, "" line 3
  return
}

// -----

func.func @check_negative_line(%f: i1) {
  // expected-error @+1 {{source line must not be negative, got -1}}
  weft.check %f, "ZeroDivisionError: division by zero" line -1
  return
}

// -----

func.func @argv_types(%i: i64, %d: f64) -> i64 {
  // expected-error @+1 {{result type 'i64' differs from the default's type 'f64'}}
  %r = weft.argv %i, %d line 1 : f64 -> i64
  return %r : i64
}

// -----

func.func @load_npy_no_path() -> memref<?xf64> {
  // expected-error @+1 {{path must not be empty}}
  %a = weft.load_npy "" line 2 : memref<?xf64>
  return %a : memref<?xf64>
}

// -----

func.func @shape_error_values(%r: i64) {
  // expected-error @+1 {{format has 2 placeholders but only 1 shape values}}
  weft.shape_error "shapes {} {}" line 4 %r : i64
  return
}

// -----

func.func @index_error_axis(%i: i64, %n: i64) {
  // expected-error @+1 {{axis must be -1 (a list) or more, got -2}}
  weft.index_error %i, %n axis -2 line 7
  return
}

// -----

func.func @gemm_rank(%a: memref<?xf64>, %b: memref<?x?xf64>, %c: memref<?x?xf64>) -> i1 {
  // expected-error @+1 {{operands must be 2-D arrays}}
  %d = weft.gemm %a, %b, %c : memref<?xf64>, memref<?x?xf64>, memref<?x?xf64>
  return %d : i1
}

// -----

func.func @gemm_mixed(%a: memref<?x?xf64>, %b: memref<?x?xf32>, %c: memref<?x?xf64>) -> i1 {
  // expected-error @+1 {{operands must have one element type}}
  %d = weft.gemm %a, %b, %c : memref<?x?xf64>, memref<?x?xf32>, memref<?x?xf64>
  return %d : i1
}

// -----

func.func @gemm_int(%a: memref<?x?xi64>, %b: memref<?x?xi64>, %c: memref<?x?xi64>) -> i1 {
  // expected-error @+1 {{element type must be f32 or f64, got 'i64'}}
  %d = weft.gemm %a, %b, %c : memref<?x?xi64>, memref<?x?xi64>, memref<?x?xi64>
  return %d : i1
}

// -----

func.func @gemm_shapes(%a: memref<2x3xf64>, %b: memref<4x5xf64>, %c: memref<2x5xf64>) -> i1 {
  // expected-error @+1 {{static shapes do not match for a matrix product}}
  %d = weft.gemm %a, %b, %c : memref<2x3xf64>, memref<4x5xf64>, memref<2x5xf64>
  return %d : i1
}

// -----

func.func @session_no_name(%n: i64) {
  // expected-error @+1 {{variable name must not be empty}}
  weft.session_set "" %n : i64
  return
}

// -----

func.func @session_tuple() -> tuple<i64> {
  // expected-error @+1 {{result has type 'tuple<i64>', which the runtime does not support}}
  %v = weft.session_get "t" : tuple<i64>
  return %v : tuple<i64>
}

// -----

func.func @pairwise_rank(%a: memref<?x?xf64>) -> f64 {
  // expected-error @+1 {{operand must be a 1-D array, got rank 2}}
  %s = weft.pairwise_sum %a : memref<?x?xf64> -> f64
  return %s : f64
}

// -----

func.func @pairwise_f32(%a: memref<?xf32>) -> f32 {
  // expected-error @+1 {{operand and result must be f64}}
  %s = weft.pairwise_sum %a : memref<?xf32> -> f32
  return %s : f32
}

// -----

func.func @stack_check_no_name() -> i1 {
  // expected-error @+1 {{function name must not be empty}}
  %s = weft.stack_check "" line 1
  return %s : i1
}

// -----

func.func @metrics_no_entry() {
  // expected-error @+1 {{entry name must not be empty}}
  weft.metrics_enter ""
  return
}

// -----

// expected-error @+1 {{'weft.target' must be "cpu" or "gpu"}}
func.func @bad_target() attributes {weft.target = "tpu"} {
  return
}

// -----

// expected-error @+1 {{'weft.interruptible' is a unit attribute of a module}}
func.func @interruptible_function() attributes {weft.interruptible} {
  return
}

// -----

func.func @work_outside_parallel(%n: index) {
  // expected-error @+1 {{'weft.parallel_work' op must be directly in the body of an scf.parallel}}
  weft.parallel_work %n
  return
}

// -----

func.func @work_defined_inside(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    // expected-error @+1 {{'weft.parallel_work' op work must be defined outside the loop}}
    weft.parallel_work %i
    scf.reduce
  }
  return
}

// -----

func.func @parallel_if_in_for(%n: index, %c: i1) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    // expected-error @+1 {{'weft.parallel_if' op must be directly in the body of an scf.parallel or omp.loop_nest}}
    weft.parallel_if %c
  }
  return
}

// -----

// expected-error @+1 {{unknown weft attribute 'weft.tagret'}}
func.func @misspelt() attributes {weft.tagret = "gpu"} {
  return
}

// -----

func.func @matmul_narrows(%a: memref<?x?xf64>, %b: memref<?x?xf64>, %c: memref<?x?xf32>) {
  // expected-error @+1 {{does not widen to}}
  weft.matmul %a, %b, %c : memref<?x?xf64>, memref<?x?xf64>, memref<?x?xf32>
  return
}

// -----

func.func @matmul_shapes(%a: memref<2x3xf64>, %b: memref<4x5xf64>, %c: memref<2x5xf64>) {
  // expected-error @+1 {{'weft.matmul' op static shapes do not match for a matrix product}}
  weft.matmul %a, %b, %c : memref<2x3xf64>, memref<4x5xf64>, memref<2x5xf64>
  return
}

// -----

func.func @map_arity(%a: memref<?xf64>, %o: memref<?xf64>) {
  // expected-error @+1 {{body must take one element per input and the output's, 2 arguments, got 1}}
  weft.map ins(%a : memref<?xf64>) outs(%o : memref<?xf64>) {
  ^bb0(%x: f64):
    weft.yield %x : f64
  }
  return
}

// -----

func.func @map_rank(%a: memref<?x?xf64>, %o: memref<?xf64>) {
  // expected-error @+1 {{input 0 of rank 2 does not broadcast to the output's rank 1}}
  weft.map ins(%a : memref<?x?xf64>) outs(%o : memref<?xf64>) {
  ^bb0(%x: f64, %c: f64):
    weft.yield %x : f64
  }
  return
}

// -----

func.func @map_argument_type(%a: memref<?xi64>, %o: memref<?xf64>) {
  // expected-error @+1 {{body argument 0 must be input 0's element type 'i64'}}
  weft.map ins(%a : memref<?xi64>) outs(%o : memref<?xf64>) {
  ^bb0(%x: f64, %c: f64):
    weft.yield %x : f64
  }
  return
}

// -----

func.func @map_yield_type(%a: memref<?xi64>, %o: memref<?xf64>) {
  // expected-error @+1 {{body must yield the output's element type 'f64', got 'i64'}}
  weft.map ins(%a : memref<?xi64>) outs(%o : memref<?xf64>) {
  ^bb0(%x: i64, %c: f64):
    weft.yield %x : i64
  }
  return
}

// -----

func.func @map_element_kind(%o: memref<?xf16>) {
  // expected-error @+1 {{output element type must be i1, i8, i16, i32, i64, ui8, ui16, ui32, f32 or f64, got 'f16'}}
  weft.map outs(%o : memref<?xf16>) {
  ^bb0(%c: f16):
    weft.yield %c : f16
  }
  return
}

// -----

func.func @yield_outside_map(%x: f64) {
  // expected-error @+1 {{expects parent op to be one of 'weft.map, weft.reduce'}}
  weft.yield %x : f64
}

// -----

func.func @reduce_axis_without_output(%a: memref<?x?xf64>, %n: index) {
  // expected-error @+1 {{along an axis writes an output and returns nothing}}
  %s = weft.reduce sum axis 1 ins(%a : memref<?x?xf64>) dims(%n, %n) {
  ^bb0(%x: f64):
    weft.yield %x : f64
  } -> f64
  return
}

// -----

func.func @reduce_axis_range(%a: memref<?x?xf64>, %o: memref<?xf64>, %n: index) {
  // expected-error @+1 {{axis 2 is not one of the 2 dimensions (at least 2)}}
  weft.reduce sum axis 2 ins(%a : memref<?x?xf64>) dims(%n, %n) outs(%o : memref<?xf64>) {
  ^bb0(%x: f64):
    weft.yield %x : f64
  }
  return
}

// -----

func.func @reduce_argmin_type(%a: memref<?xf64>, %n: index) {
  // expected-error @+1 {{argmin/argmax return i64, got 'f64'}}
  %s = weft.reduce argmin ins(%a : memref<?xf64>) dims(%n) {
  ^bb0(%x: f64):
    weft.yield %x : f64
  } -> f64
  return
}

// -----

func.func @reduce_any_type(%a: memref<?xf64>, %n: index) {
  // expected-error @+1 {{any/all fold and return i1}}
  %s = weft.reduce any ins(%a : memref<?xf64>) dims(%n) {
  ^bb0(%x: f64):
    weft.yield %x : f64
  } -> f64
  return
}

// -----

func.func @reduce_result_type(%a: memref<?xi64>, %n: index) {
  // expected-error @+1 {{the result's type 'f64' must be the type the body yields, 'i64'}}
  %s = weft.reduce sum ins(%a : memref<?xi64>) dims(%n) {
  ^bb0(%x: i64):
    weft.yield %x : i64
  } -> f64
  return
}

// -----

func.func @reduce_rank(%a: memref<?x?xf64>, %n: index) {
  // expected-error @+1 {{input 0 of rank 2 does not broadcast to 1 dimensions}}
  %s = weft.reduce sum ins(%a : memref<?x?xf64>) dims(%n) {
  ^bb0(%x: f64):
    weft.yield %x : f64
  } -> f64
  return
}

// -----

func.func @shift_float(%x: f64) {
  // expected-error @+1 {{must be 32-bit signless integer or 64-bit signless integer}}
  %r = weft.shl %x, %x : f64
  return
}

// -----

func.func @floordiv_bool(%x: i1) {
  // expected-error @+1 {{must be 32-bit signless integer or 64-bit signless integer or 32-bit float or 64-bit float}}
  %r = weft.floordiv %x, %x : i1
  return
}

// -----

func.func @index_outside_map() -> index {
  // expected-error @+1 {{must be in the body of a weft.map}}
  %i = weft.index 0
  return %i : index
}

// -----

func.func @index_axis(%o: memref<?xf64>) {
  weft.map outs(%o : memref<?xf64>) {
  ^bb0(%c: f64):
    // expected-error @+1 {{axis 1 is not an axis of the 1-D output}}
    %i = weft.index 1
    weft.yield %c : f64
  }
  return
}

// -----

func.func @wrap_index_axis(%k: i64, %n: index) {
  // expected-error @+1 {{axis must be -1 (a list) or 0 to 7, got 8}}
  %i, %bad = weft.wrap_index %k, %n axis 8 line 1
  return
}

// -----

func.func @slice_operands(%a: memref<?x?xf64>, %i: index) {
  // expected-error @+1 {{the axes take 2 operands, got 1}}
  %v = weft.slice %a [1, 6] (%i) : memref<?x?xf64> -> memref<?xf64, strided<[?], offset: ?>>
  return
}

// -----

func.func @slice_rank(%a: memref<?x?xf64>, %i: index) {
  // expected-error @+1 {{result must be a rank-1 view of 'f64'}}
  %v = weft.slice %a [1, 0] (%i) : memref<?x?xf64> -> memref<?x?xf64, strided<[?, ?], offset: ?>>
  return
}

// -----

func.func @slice_entry(%a: memref<?xf64>) {
  // expected-error @+1 {{axis entry 3 is not 0, 1, a slice or 32}}
  %v = weft.slice %a [3] : memref<?xf64> -> memref<?xf64, strided<[?], offset: ?>>
  return
}

// -----

func.func @transpose_rank(%a: memref<?x?xf64>) {
  // expected-error @+1 {{result must be a rank-2 view of 'f64'}}
  %t = weft.transpose %a : memref<?x?xf64> -> memref<?xf64>
  return
}

// -----

func.func @reshape_rank(%a: memref<?x?xf64>, %n: index) {
  // expected-error @+1 {{result must have rank 2 (one per size; 1 without sizes)}}
  %r = weft.reshape %a (%n, %n) line 1 : memref<?x?xf64> -> memref<?xf64>
  return
}

// -----

func.func @reshape_element(%a: memref<?xf64>) {
  // expected-error @+1 {{result must hold 'f64'}}
  %r = weft.reshape %a line 1 : memref<?xf64> -> memref<?xi64>
  return
}

// -----

func.func private @k2(%a: f64, %tx: i64, %ty: i64, %bx: i64, %by: i64, %dx: i64, %dy: i64)

func.func @launch_operands(%n: i64, %x: i64) {
  // expected-error @+1 {{kernel parameter 0 is 'f64', not 'i64'}}
  weft.launch @k2 blocks(%n, %n) threads(%n, %n) (%x : i64) line 1
  return
}

// -----

func.func private @k3(%a: f64)

func.func @launch_grid(%n: i64, %x: f64) {
  // expected-error @+1 {{kernel must take the 1 operands and six i64 grid values, and return nothing}}
  weft.launch @k3 blocks(%n, %n) threads(%n, %n) (%x : f64) line 1
  return
}

// -----

func.func @launch_missing(%n: i64) {
  // expected-error @+1 {{kernel @nowhere is not a function}}
  weft.launch @nowhere blocks(%n, %n) threads(%n, %n) () line 1
  return
}

// -----

func.func private @v1(%r: memref<?xf64, strided<[?], offset: ?>>) -> f64

func.func @vmap_axis(%m: memref<?x?xf64>) -> memref<?xf64> {
  // expected-error @+1 {{axis 2 is outside an operand of rank 2}}
  %r = weft.vmap @v1(%m) axis 2 line 1 : (memref<?x?xf64>) -> memref<?xf64>
  return %r : memref<?xf64>
}

// -----

func.func private @v2(%x: f64) -> f64

func.func @vmap_rank(%a: memref<?xf64>) -> memref<?x?xf64> {
  // expected-error @+1 {{result must have rank 1}}
  %r = weft.vmap @v2(%a) axis 0 line 1 : (memref<?xf64>) -> memref<?x?xf64>
  return %r : memref<?x?xf64>
}

// -----

func.func private @v3(%x: f64) -> f64

func.func @vmap_nothing(%x: f64) -> memref<?xf64> {
  // expected-error @+1 {{needs at least one array operand to map}}
  %r = weft.vmap @v3(%x) axis 0 line 1 : (f64) -> memref<?xf64>
  return %r : memref<?xf64>
}

// -----

func.func @broadcast_rank(%a: memref<?x?xf64>) {
  // expected-error @+1 {{operand of rank 2 cannot broadcast to rank 1}}
  %n = weft.broadcast_shape %a line 1 : memref<?x?xf64> -> index
  return
}

// -----

func.func @broadcast_target(%a: memref<?xf64>, %r: index) {
  // expected-error @+1 {{has 1 target sizes for 2 results (one size per axis)}}
  %n:2 = weft.broadcast_shape %a into (%r) line 1 : memref<?xf64> -> index, index
  return
}

// -----

func.func @broadcast_no_result(%a: memref<?xf64>) {
  // expected-error @+1 {{needs at least one result (the broadcast rank)}}
  weft.broadcast_shape %a line 1 : memref<?xf64>
  return
}

// -----

func.func @sort_scalar(%a: memref<f64>) {
  // expected-error @+1 {{operand must have at least one axis}}
  weft.sort %a : memref<f64>
  return
}

// -----

func.func @list_capacity_rank(%a: memref<?x?xf64>) {
  // expected-error @+1 {{measures a 1-D list, not an array of rank 2}}
  %c = weft.list_capacity %a : memref<?x?xf64>
  return
}

// -----

func.func @list_grow_rank(%a: memref<?x?xf64>, %n: index) {
  // expected-error @+1 {{grows a 1-D list, not an array of rank 2}}
  %r = weft.list_grow %a by %n line 1 : memref<?x?xf64>
  return
}

// -----

func.func @linalg_function(%a: memref<?x?xf64>, %o: memref<?x?xf64>) {
  // expected-error @+1 {{function must be solve, inv, det or cholesky, got eig}}
  weft.linalg "eig" %a into %o line 1 : memref<?x?xf64>, memref<?x?xf64>
  return
}

// -----

func.func @linalg_solve_needs_b(%a: memref<?x?xf64>, %o: memref<?xf64>) {
  // expected-error @+1 {{takes a right side for solve only}}
  weft.linalg "solve" %a into %o line 1 : memref<?x?xf64>, memref<?xf64>
  return
}

// -----

func.func @linalg_det_rank(%a: memref<?x?xf64>, %o: memref<?x?xf64>) {
  // expected-error @+1 {{result must have rank 1}}
  weft.linalg "det" %a into %o line 1 : memref<?x?xf64>, memref<?x?xf64>
  return
}

// -----

func.func @decompose_function(%a: memref<?x?xf64>, %w: memref<?xf64>) {
  // expected-error @+1 {{function must be eigh, svd, svd_reduced, svdvals, eig, eigvals, qr or qr_complete, got eigs}}
  weft.decompose "eigs" %a into %w line 1 : memref<?x?xf64>, memref<?xf64>
  return
}

// -----

func.func @decompose_results(%a: memref<?x?xf64>, %w: memref<?xf64>) {
  // expected-error @+1 {{eigh has 2 results, got 1}}
  weft.decompose "eigh" %a into %w line 1 : memref<?x?xf64>, memref<?xf64>
  return
}

// -----

func.func @argsort_indices(%a: memref<?xf64>, %i: memref<?xi32>) {
  // expected-error @+1 {{indices must be i64, got 'i32'}}
  weft.argsort %a, %i : memref<?xf64>, memref<?xi32>
  return
}

// -----

func.func @compress_mask_type(%a: memref<?xf64>, %m: memref<?xi64>) {
  // expected-error @+1 {{mask must be a bool (i1) array, got 'i64'}}
  %r = weft.compress %a, %m line 1 : memref<?xf64>, memref<?xi64> -> memref<?xf64>
  return
}

// -----

func.func @compress_rank(%a: memref<?x?xf64>, %m: memref<?xi1>) {
  // expected-error @+1 {{result rank must be 2, got 1}}
  %r = weft.compress %a, %m line 1 : memref<?x?xf64>, memref<?xi1> -> memref<?xf64>
  return
}

// -----

func.func @gather_rank(%a: memref<?x?xf64>, %i: memref<?xi64>) {
  // expected-error @+1 {{result rank must be 2, got 1}}
  %r = weft.gather %a, %i line 1 : memref<?x?xf64>, memref<?xi64> -> memref<?xf64>
  return
}

// -----

func.func @gather_float_indices(%a: memref<?xf64>, %i: memref<?xf64>) {
  // expected-error @+1 {{indices must be an i32 or i64 array}}
  %r = weft.gather %a, %i line 1 : memref<?xf64>, memref<?xf64> -> memref<?xf64>
  return
}

// -----

func.func @searchsorted_rank(%a: memref<?x?xf64>, %x: f64) {
  // expected-error @+1 {{sorted array must be a 1-D array}}
  %r = weft.searchsorted %a, %x as f64 : memref<?x?xf64>, f64 -> i64
  return
}

// -----

func.func @searchsorted_result(%a: memref<?xf64>, %v: memref<?x?xf64>) {
  // expected-error @+1 {{result must be an i64 array of rank 2}}
  %r = weft.searchsorted %a, %v as f64 : memref<?xf64>, memref<?x?xf64> -> memref<?xi64>
  return
}

// -----

func.func @digitize_compare(%a: memref<?xf64>, %x: f64) {
  // expected-error @+1 {{compare type must be a number type}}
  %r = weft.digitize %x, %a as memref<?xf64> line 1 : f64, memref<?xf64> -> i64
  return
}

// -----

func.func @unique_type(%a: memref<?x?xf64>) {
  // expected-error @+1 {{result must be a 1-D array of 'f64'}}
  %r = weft.unique %a : memref<?x?xf64> -> memref<?xf32>
  return
}

// -----

func.func @quantile_median_percent(%a: memref<?xf64>, %q: f64) {
  // expected-error @+1 {{a median has no percent}}
  %r = weft.quantile %a, %q percent median line 1 : memref<?xf64>, f64 -> f64
  return
}

// -----

func.func @quantile_types(%a: memref<?xf64>, %q: f32) {
  // expected-error @+1 {{q and the result must have one type}}
  %r = weft.quantile %a, %q line 1 : memref<?xf64>, f32 -> f64
  return
}

// -----

func.func @histogram_counts(%a: memref<?xf64>, %n: i64) {
  // expected-error @+1 {{counts without weights must be i64}}
  %c, %e = weft.histogram %a, %n line 1 : (memref<?xf64>, i64) -> (memref<?xf64>, memref<?xf64>)
  return
}

// -----

func.func @histogram_edges(%a: memref<?xf64>, %n: i64) {
  // expected-error @+1 {{edges must be floats}}
  %c, %e = weft.histogram %a, %n line 1 : (memref<?xf64>, i64) -> (memref<?xi64>, memref<?xi64>)
  return
}

// -----

func.func @histogram_range(%a: memref<?xf64>, %n: i64, %lo: f32) {
  // expected-error @+1 {{the range must have the edges' type 'f64'}}
  %c, %e = weft.histogram %a, %n range %lo, %lo line 1 : (memref<?xf64>, i64, f32, f32) -> (memref<?xi64>, memref<?xf64>)
  return
}

// -----

func.func @concatenate_ranks(%a: memref<?xf64>, %b: memref<?x?xf64>) {
  // expected-error @+1 {{inputs must have one rank, got 1 and 2}}
  %r = weft.concatenate ins(%a, %b : memref<?xf64>, memref<?x?xf64>) axis 0 line 1 -> memref<?xf64>
  return
}

// -----

func.func @stack_rank(%a: memref<?xf64>) {
  // expected-error @+1 {{result rank must be 2, got 1}}
  %r = weft.concatenate ins(%a, %a : memref<?xf64>, memref<?xf64>) axis 0 stack line 1 -> memref<?xf64>
  return
}

// -----

func.func @concatenate_axis(%a: memref<?xf64>) {
  // expected-error @+1 {{axis must be between 0 and 0, got 1}}
  %r = weft.concatenate ins(%a : memref<?xf64>) axis 1 line 1 -> memref<?xf64>
  return
}

// -----

func.func @keep_loop_outside_loop() {
  // expected-error @+1 {{'weft.keep_loop' op must be in the body of a loop}}
  weft.keep_loop
  return
}

// -----

func.func @rng_iteration_outside_loop(%k: i64, %i: i64) {
  // expected-error @+1 {{'weft.rng_begin_iteration' op must be in the body of a loop (the iteration it keys)}}
  weft.rng_begin_iteration %k, %i
  return
}

// -----

func.func @rng_end_outside_loop() {
  // expected-error @+1 {{'weft.rng_end_iteration' op must be in the body of a loop (the iteration it ends)}}
  weft.rng_end_iteration
  return
}

// -----

func.func @metrics_region_in_parallel(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    // expected-error @+1 {{'weft.metrics_parallel_region' op must not be inside a parallel loop or region}}
    weft.metrics_parallel_region
    scf.reduce
  }
  return
}


// -----

func.func @isclose_types(%x: f64, %t: f32, %e: i1) {
  // expected-error @+1 {{'weft.isclose' op failed to verify that all of {x, y, rtol, atol} have same type}}
  %c = "weft.isclose"(%x, %x, %t, %x, %e) : (f64, f64, f32, f64, i1) -> i1
  return
}

// -----

func.func @arange_rank(%i: i64) {
  // expected-error @+1 {{result must be 1-D, got 'memref<?x?xi64>'}}
  %a = weft.arange %i, %i, %i line 1 : i64 -> memref<?x?xi64>
  return
}

// -----

func.func @arange_element(%i: i64) {
  // expected-error @+1 {{result has element type 'index', which the runtime does not support}}
  %a = weft.arange %i, %i, %i line 1 : i64 -> memref<?xindex>
  return
}

// -----

func.func @arange_mixed(%i: i64, %f: f64) {
  // expected-error @+1 {{all of {start, stop, step} have same type}}
  %a = "weft.arange"(%i, %f, %i) {line = 1 : i64} : (i64, f64, i64) -> memref<?xf64>
  return
}

// -----

func.func @linspace_type(%f: f64, %n: index) {
  // expected-error @+1 {{result must be a 1-D f64 array, got 'memref<?xf32>'}}
  %a = weft.linspace %f, %f, %n line 1 -> memref<?xf32>
  return
}

// -----

func.func @scan_max(%a: memref<?xf64>, %out: memref<?xf64>) {
  // expected-error @+1 {{kind must be sum or prod, got max}}
  weft.scan max %a, %out : memref<?xf64>, memref<?xf64>
  return
}

// -----

func.func @scan_2d(%a: memref<?x?xf64>, %out: memref<?xf64>) {
  // expected-error @+1 {{input and output must be 1-D}}
  weft.scan sum %a, %out : memref<?x?xf64>, memref<?xf64>
  return
}

// -----

func.func @scan_unsigned(%a: memref<?xi64>, %out: memref<?xui8>) {
  // expected-error @+1 {{output elements must be floats or signless integers, got 'ui8'}}
  weft.scan sum %a, %out : memref<?xi64>, memref<?xui8>
  return
}

// -----

func.func @scan_lengths(%a: memref<5xf64>, %out: memref<3xf64>) {
  // expected-error @+1 {{input and output lengths differ: 5 and 3}}
  weft.scan sum %a, %out : memref<5xf64>, memref<3xf64>
  return
}

// -----

func.func @slice_static_result(%a: memref<?xf64>) {
  // expected-error @+1 {{result must have dynamic sizes, strides and offset}}
  %v = weft.slice %a [32, 0] : memref<?xf64> -> memref<?x5xf64, strided<[?, ?], offset: ?>>
  return
}

// -----

func.func @comprehension_element_type(%n: index) {
  // expected-error @+1 {{number elements must have the result's element type and a 1-D result, got 'f64'}}
  %r = weft.comprehension %n element {
  ^bb0(%i: index):
    %x = arith.constant 1.0 : f64
    weft.comprehension_yield %x : f64
  } line 1 : memref<?xi64, strided<[?], offset: ?>>
  return
}

// -----

func.func @comprehension_carried(%n: index, %k: i64) {
  // expected-error @+1 {{element region must yield 1 value(s) and the carried values}}
  %r, %k2 = weft.comprehension %n iter_args(%k : i64) element {
  ^bb0(%i: index, %k1: i64):
    %x = arith.index_cast %i : index to i64
    weft.comprehension_yield %x : i64
  } line 1 : memref<?xi64, strided<[?], offset: ?>>, i64
  return
}

// -----

func.func @comprehension_condition(%n: index) {
  // expected-error @+1 {{condition region must yield an i1 first}}
  %r = weft.comprehension %n if {
  ^bb0(%i: index):
    %x = arith.index_cast %i : index to i64
    weft.comprehension_yield %x : i64
  } element {
  ^bb0(%i: index):
    %x = arith.index_cast %i : index to i64
    weft.comprehension_yield %x : i64
  } line 1 : memref<?xi64, strided<[?], offset: ?>>
  return
}

// -----

func.func @comprehension_fields(%n: index) {
  // expected-error @+1 {{fields must be at least 1 and at most the number of results}}
  %r = weft.comprehension %n element {
  ^bb0(%i: index):
    %x = arith.index_cast %i : index to i64
    weft.comprehension_yield %x, %x : i64, i64
  } line 1 fields 2 : memref<?xi64, strided<[?], offset: ?>>
  return
}

// -----

func.func @comprehension_mixed_fields(%n: index, %a: memref<?xf64>) {
  // expected-error @+1 {{the fields of an element must be all numbers or all arrays}}
  %r, %s = weft.comprehension %n element {
  ^bb0(%i: index):
    %x = arith.index_cast %i : index to i64
    weft.comprehension_yield %x, %a : i64, memref<?xf64>
  } line 1 fields 2 : memref<?xi64, strided<[?], offset: ?>>, memref<?x?xf64, strided<[?, ?], offset: ?>>
  return
}

// -----

func.func @comprehension_array_rank(%n: index, %a: memref<?x?xf64>) {
  // expected-error @+1 {{array elements must have one axis fewer than the result, got 'memref<?x?xf64>'}}
  %r = weft.comprehension %n element {
  ^bb0(%i: index):
    weft.comprehension_yield %a : memref<?x?xf64>
  } line 1 : memref<?x?xf64, strided<[?, ?], offset: ?>>
  return
}

// -----

func.func @runtime_on_device(%n: index) {
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %n, %gy = %n, %gz = %n)
             threads(%tx, %ty, %tz) in (%sx = %n, %sy = %n, %sz = %n) {
    // expected-error @+1 {{calls the runtime, which code on the device cannot reach}}
    %t = weft.time : f64
    gpu.terminator
  }
  return
}

// -----

func.func @negative_draw(%key: i64, %i: i64) -> i64 {
  %d = arith.constant -1 : i64
  // expected-error @+1 {{draw number must not be negative, got -1}}
  %z = weft.iteration_draw %key, %d, %i
  return %z : i64
}

// -----

func.func @parallel_for_kind(%n: i64, %a: f64) {
  // expected-error @+1 {{reductions are sum, prod, min or max, not argmin}}
  %r = weft.parallel_for %n reduce(%a : f64) kinds ["argmin"] {
  ^bb0(%k: i64, %s: f64):
    weft.parallel_yield %s : f64
  } -> f64
  return
}

// -----

func.func @parallel_for_body(%n: i64, %a: f64) {
  // expected-error @+1 {{body must take the iteration number (i64) and one value per reduction}}
  %r = weft.parallel_for %n reduce(%a : f64) kinds ["sum"] {
  ^bb0(%k: index, %s: f64):
    weft.parallel_yield %s : f64
  } -> f64
  return
}

// -----

func.func @transpose_permutation(%a: memref<?x?xf64, strided<[?, ?], offset: ?>>) {
  // expected-error @+1 {{permutation must name each of the 2 axes once}}
  %t = weft.transpose %a {permutation = array<i64: 0, 0>} : memref<?x?xf64, strided<[?, ?], offset: ?>> -> memref<?x?xf64, strided<[?, ?], offset: ?>>
  return
}

// -----

func.func @libm_name(%x: f64) -> f64 {
  // expected-error @+1 {{function must be hypot, nextafter, tgamma, lgamma or expm1, not 'sin'}}
  %y = weft.libm "sin"(%x) : f64
  return %y : f64
}

// -----

func.func @libm_arity(%x: f64) -> f64 {
  // expected-error @+1 {{hypot takes 2 operands}}
  %y = weft.libm "hypot"(%x) : f64
  return %y : f64
}

// -----

func.func @complex_matmul_mixed(%a: memref<?x?xcomplex<f64>>, %b: memref<?x?xf64>, %c: memref<?x?xcomplex<f64>>) {
  // expected-error @+1 {{a complex product takes two 'complex<f64>' operands}}
  weft.matmul %a, %b, %c : memref<?x?xcomplex<f64>>, memref<?x?xf64>, memref<?x?xcomplex<f64>>
  return
}

// -----

func.func @print_lists_operand(%a: memref<?x?xf64>) {
  // expected-error @+1 {{lists names operand 0, which is not a 1-D array}}
  weft.print "{}" %a : memref<?x?xf64> {lists = array<i64: 0>}
  return
}

// -----

func.func @try_yield_types(%a: f64) -> f64 {
  %r = weft.try -> f64 {
    weft.try_yield %a : f64
  } except {
    %c = arith.constant 1 : i64
    // expected-error @+1 {{yields types other than the try's results}}
    weft.try_yield %c : i64
  }
  return %r : f64
}
