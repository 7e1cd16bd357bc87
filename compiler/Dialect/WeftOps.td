//===- WeftOps.td - Operations of the weft dialect ---------*- tablegen -*-===//
//
// Declarations of the weft dialect's operations.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_OPS
#define WEFT_OPS

include "compiler/Dialect/WeftDialect.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/IR/EnumAttr.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def Weft_PrintOp : Weft_Op<"print"> {
  let summary = "Prints values as Python's print() does.";
  let description = [{
    Prints one line. `format` is the line's text with `{}` where each
    operand goes, in order (`{{` and `}}` stand for braces). Scalars print
    as Python prints them, arrays as NumPy prints them, and the 1-D
    operands whose positions `lists` names as Python prints a list
    (`[1.0, 2.5]`). `tuple_lists` holds pairs (first operand, count):
    those 1-D operands are the fields of one list of tuples, which one
    `{}` prints as Python does, each tuple as the matching entry of
    `tuple_formats` with the fields for its `{}`s. `strings` holds pairs
    (operand, quoted): those operands are strs (1-D arrays of u32 code
    points), printed as their text, or quoted as Python's repr() when
    `quoted` is 1 (a str inside a tuple). The arrays whose positions
    `reprs` names print as NumPy's repr() (`array([1. , 2.5])`, an array
    inside a tuple, as Python prints a tuple's items). The line ends with
    `end`'s text when it is given (print's end=), else with a newline.

    ```mlir
    weft.print "x = {} {}" %a, %b : i64, f64
    weft.print "{}" %l : memref<?xf64> {lists = array<i64: 0>}
    weft.print "{}" %i, %x : memref<?xi64>, memref<?xf64>
        {tuple_lists = array<i64: 0, 2>, tuple_formats = ["({}, {})"]}
    ```
  }];
  let arguments = (ins StrAttr:$format, Variadic<AnyType>:$values,
                       OptionalAttr<DenseI64ArrayAttr>:$lists,
                       OptionalAttr<DenseI64ArrayAttr>:$tuple_lists,
                       OptionalAttr<StrArrayAttr>:$tuple_formats,
                       OptionalAttr<DenseI64ArrayAttr>:$strings,
                       OptionalAttr<StrAttr>:$end,
                       OptionalAttr<DenseI64ArrayAttr>:$reprs);
  let assemblyFormat = "$format ($values^ `:` type($values))? attr-dict";
  let hasVerifier = 1;
}

def Weft_FormatNumberOp : Weft_Op<"format_number"> {
  let summary = "Python's format(x, spec) of a number, into a str's buffer.";
  let description = [{
    Writes the text of `value` (a bool, an integer or a float) formatted
    by Python's format specification `spec` (`""` is str(x)) as code
    points into `buffer`, a fresh 1-D ui32 array long enough for it, and
    returns how many it wrote. str(x), format(x, spec) and f-strings.

    ```mlir
    %n = weft.format_number %x, %buf ".3f" : f64, memref<?xui32, strided<[?], offset: ?>>
    ```
  }];
  let arguments = (ins AnyType:$value, AnyMemRef:$buffer, StrAttr:$spec);
  let results = (outs I64:$length);
  let assemblyFormat =
      "$value `,` $buffer $spec attr-dict `:` type($value) `,` type($buffer)";
}

def Weft_RetainOp : Weft_Op<"retain"> {
  let summary = "Adds a reference to an array buffer.";
  let description = [{
    Increments the reference count of the buffer behind `array`. Generated
    code retains an array when a second variable starts to refer to it.

    ```mlir
    weft.retain %a : memref<?xf64, strided<[?], offset: ?>>
    ```
  }];
  let arguments = (ins AnyMemRef:$array);
  let assemblyFormat = "$array attr-dict `:` type($array)";
  let hasVerifier = 1;
  // Of a weft.null_array: nothing to count.
  let hasCanonicalizeMethod = 1;
}

def Weft_ReleaseOp : Weft_Op<"release"> {
  let summary = "Drops a reference to an array buffer.";
  let description = [{
    Decrements the reference count of the buffer behind `array` and frees
    it when the count reaches zero. A null array (see `weft.null_array`) is
    ignored.

    ```mlir
    weft.release %a : memref<?xf64, strided<[?], offset: ?>>
    ```
  }];
  let arguments = (ins AnyMemRef:$array);
  let assemblyFormat = "$array attr-dict `:` type($array)";
  let hasVerifier = 1;
  // Of a weft.null_array: nothing to count.
  let hasCanonicalizeMethod = 1;
}

def Weft_NullArrayOp : Weft_Op<"null_array", [Pure]> {
  let summary = "An empty array with no buffer.";
  let description = [{
    The value of an array variable before its first assignment: size 0,
    null buffer. Releasing it does nothing.

    ```mlir
    %a = weft.null_array : memref<?xf64, strided<[?], offset: ?>>
    ```
  }];
  let results = (outs AnyMemRef:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Weft_FailOp : Weft_Op<"fail"> {
  let summary = "Raises a runtime error.";
  let description = [{
    Stops the program with `message`, reporting source line `line`
    (division by zero, a failed assert, ...). Control returns to the
    caller of the entry point with an error; it never continues.

    ```mlir
    weft.fail "integer division by zero" line 12
    ```
  }];
  let arguments = (ins StrAttr:$message, I64Attr:$line);
  let assemblyFormat = "$message `line` $line attr-dict";
  let hasVerifier = 1;
}

def Weft_CheckOp : Weft_Op<"check"> {
  let summary = "Raises a runtime error when a condition holds.";
  let description = [{
    Stops the program with `message` at source line `line` when `failed`
    is true (a zero divisor, a negative integer exponent, a failed
    `assert`, ...). `deferrable` says that the guarded operation is
    defined even when the check fails (integer `//` and `%` by zero give
    NumPy's 0, float division by zero an infinity), so inside a parallel
    loop's iteration the error may be reported at the iteration's end:
    weft-defer-checks then keeps the body free of branches.
    weft-lower-checks turns each check into `scf.if` around `weft.fail`.
    A check whose condition is the constant false folds away.

    ```mlir
    weft.check %zero, "ZeroDivisionError: division by zero" line 12 deferrable
    ```
  }];
  let arguments = (ins I1:$failed, StrAttr:$message, I64Attr:$line,
                       UnitAttr:$deferrable);
  let assemblyFormat =
      "$failed `,` $message `line` $line (`deferrable` $deferrable^)? attr-dict";
  let hasVerifier = 1;
  let hasCanonicalizeMethod = 1;
}

def Weft_StackCheckOp : Weft_Op<"stack_check"> {
  let summary = "Checks that the thread's stack has room for one more call.";
  let description = [{
    Placed by `weft-check-recursion` at the entry of recursive functions.
    When the calling thread's stack is nearly exhausted it raises
    `RecursionError` naming `function` at source line `line`; inside a
    parallel loop, where the error is recorded instead, it returns true
    and the function returns zero values at once.

    ```mlir
    %stop = weft.stack_check "fib" line 3
    ```
  }];
  let arguments = (ins StrAttr:$function, I64Attr:$line);
  let results = (outs I1:$stop);
  let assemblyFormat = "$function `line` $line attr-dict";
  let hasVerifier = 1;
}

def Weft_AllocSiteOp : Weft_Op<"alloc_site"> {
  let summary = "Names the source line of the next array allocation.";
  let description = [{
    Placed by `weft-mark-alloc-sites` before `memref.alloc`: a
    `MemoryError` raised by that allocation reports source line `line`.

    ```mlir
    weft.alloc_site line 7
    ```
  }];
  let arguments = (ins I64Attr:$line);
  let assemblyFormat = "`line` $line attr-dict";
  let hasVerifier = 1;
}

def Weft_MetricsEnterOp : Weft_Op<"metrics_enter"> {
  let summary = "Starts timing an entry call (weft run --metrics).";
  let description = [{
    Inserted by `weft-instrument-metrics` before a call from the script's
    top level to function `entry`; with `weft.metrics_exit` after it, the
    runtime records the call's wall and CPU time, threads, parallel
    regions and array memory.

    ```mlir
    weft.metrics_enter "mc_pi"
    ```
  }];
  let arguments = (ins StrAttr:$entry);
  let assemblyFormat = "$entry attr-dict";
  let hasVerifier = 1;
}

def Weft_MetricsExitOp : Weft_Op<"metrics_exit"> {
  let summary = "Ends timing an entry call (weft run --metrics).";
  let description = [{
    ```mlir
    weft.metrics_exit "mc_pi"
    ```
  }];
  let arguments = (ins StrAttr:$entry);
  let assemblyFormat = "$entry attr-dict";
  let hasVerifier = 1;
}

def Weft_MetricsParallelRegionOp : Weft_Op<"metrics_parallel_region"> {
  let summary = "Counts a parallel region entered (weft run --metrics).";
  let description = [{
    Inserted by `weft-instrument-metrics` before each outermost
    `scf.parallel`.

    ```mlir
    weft.metrics_parallel_region
    ```
  }];
  let assemblyFormat = "attr-dict";
  let hasVerifier = 1;
}

def Weft_ArgvOp : Weft_Op<"argv"> {
  let summary = "A command-line argument of the program, or a default.";
  let description = [{
    Returns command-line argument `index` (counted from 0 after `--` on
    the `weft run` command line) converted to the type of `default`, or
    `default` when there are fewer arguments. An argument that does not
    parse as that type is a runtime error reported at source line `line`.

    ```mlir
    %n = weft.argv %c0, %c100 line 3 : i64, i64
    ```
  }];
  let arguments = (ins I64:$index, AnyTypeOf<[I64, F64, I1]>:$fallback,
                       I64Attr:$line);
  let results = (outs AnyTypeOf<[I64, F64, I1]>:$result);
  let assemblyFormat =
      "$index `,` $fallback `line` $line attr-dict `:` type($fallback) `->` type($result)";
  let hasVerifier = 1;
}

def Weft_LoadNpyOp : Weft_Op<"load_npy"> {
  let summary = "Reads a .npy file into a new array.";
  let description = [{
    Loads `path` into a new row-major array of the result's element type
    and rank. A missing file or a file holding another dtype or rank is a
    runtime error at source line `line` that names both.

    ```mlir
    %a = weft.load_npy "data.npy" line 3 : memref<?x?xf64, strided<[?, ?], offset: ?>>
    ```
  }];
  let arguments = (ins StrAttr:$path, I64Attr:$line);
  let results = (outs AnyMemRef:$result);
  let assemblyFormat = "$path `line` $line attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Weft_ListCapacityOp : Weft_Op<"list_capacity"> {
  let summary = "How long a Python list may grow in place.";
  let description = [{
    The number of elements `list`'s buffer holds from the list's first
    element on, when the list's variable is the buffer's only holder (its
    reference count is 1) and the list is contiguous; 0 otherwise (a
    shared, strided or foreign buffer, or none). Up to that length,
    `list.append(x)` writes into the buffer and gives the variable a
    longer view of it.

    ```mlir
    %c = weft.list_capacity %a : memref<?xf64, strided<[?], offset: ?>>
    ```
  }];
  // No declared memory effects: it reads the buffer's reference count,
  // which retains and releases change.
  let arguments = (ins AnyMemRef:$list);
  let results = (outs Index:$result);
  let assemblyFormat = "$list attr-dict `:` type($list)";
  let hasVerifier = 1;
}

def Weft_ListGrowOp : Weft_Op<"list_grow",
                                 [AllTypesMatch<["list", "result"]>]> {
  let summary = "A Python list with room for `count` more elements.";
  let description = [{
    The list `list.append(x)` and `list.extend(m)` grow: a 1-D array of
    `list`'s n elements followed by `count` more, whose values the
    program stores next (undefined until then). It takes `list`'s
    reference and gives one to the result: when the list is its buffer's
    only holder, is contiguous and has room past its end, the result is
    that buffer, longer; otherwise it is a new buffer with room for twice
    as many, the elements copied and `list`'s reference dropped, so
    appending n elements one by one copies O(n) in all. The front end
    grows in place itself below `weft.list_capacity`, and calls this op
    beyond it. `line` is the source line of a MemoryError.

    ```mlir
    %r = weft.list_grow %a by %c1 line 7 : memref<?xf64, strided<[?], offset: ?>>
    ```
  }];
  // No declared memory effects: it allocates, frees and may hand out its
  // operand's buffer.
  let arguments = (ins AnyMemRef:$list, Index:$count, I64Attr:$line);
  let results = (outs AnyMemRef:$result);
  let assemblyFormat = [{
    $list `by` $count `line` $line attr-dict `:` type($list)
  }];
  let hasVerifier = 1;
}

def Weft_SaveNpyOp : Weft_Op<"save_npy"> {
  let summary = "Writes an array to a .npy file.";
  let description = [{
    Saves `array` (any strides) as a C-order .npy file at `path`, byte for
    byte as NumPy's `np.save` writes it.

    ```mlir
    weft.save_npy "out.npy" %a line 9 : memref<?xf64, strided<[?], offset: ?>>
    ```
  }];
  // No declared memory effects: writing a file must never be removed.
  let arguments = (ins StrAttr:$path, AnyMemRef:$array, I64Attr:$line);
  let assemblyFormat = "$path $array `line` $line attr-dict `:` type($array)";
  let hasVerifier = 1;
}

def Weft_ShapeErrorOp : Weft_Op<"shape_error"> {
  let summary = "Raises a ValueError that shows array shapes.";
  let description = [{
    Stops the program at source line `line` with `format`, where each `{}`
    is replaced by one shape taken from `shapes`: a rank followed by that
    many sizes, e.g. `1, %n` for `(n,)`.

    ```mlir
    weft.shape_error "ValueError: shapes {} {}" line 4 %c1, %n, %c1, %m : i64, i64, i64, i64
    ```
  }];
  let arguments = (ins StrAttr:$format, I64Attr:$line, Variadic<I64>:$shapes);
  let assemblyFormat =
      "$format `line` $line ($shapes^ `:` type($shapes))? attr-dict";
  let hasVerifier = 1;
}

def Weft_IndexErrorOp : Weft_Op<"index_error"> {
  let summary = "Raises an IndexError for an index out of range.";
  let description = [{
    Stops the program at source line `line`: `index` is out of bounds for
    axis `axis` of size `extent` (axis -1: a Python list's index).

    ```mlir
    weft.index_error %i, %n axis 0 line 7
    ```
  }];
  let arguments = (ins I64:$index, I64:$extent, I64Attr:$axis, I64Attr:$line);
  let assemblyFormat = "$index `,` $extent `axis` $axis `line` $line attr-dict";
  let hasVerifier = 1;
}

def Weft_TimeOp : Weft_Op<"time"> {
  let summary = "Monotonic wall-clock time in seconds.";
  let description = [{
    Returns the time of a monotonic clock in seconds (for measuring
    intervals, as Python's time.perf_counter()).

    ```mlir
    %t = weft.time : f64
    ```
  }];
  let results = (outs F64:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Weft_ThreadCountOp : Weft_Op<"thread_count"> {
  let summary = "The threads a parallel loop may use (get_num_threads()).";
  let description = [{
    ```mlir
    %n = weft.thread_count : i64
    ```
  }];
  let results = (outs I64:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
}

def Weft_ThreadIdOp : Weft_Op<"thread_id"> {
  let summary = "The running thread's number (get_thread_id()).";
  let description = [{
    Below weft.thread_count; 0 outside a parallel loop.

    ```mlir
    %i = weft.thread_id : i64
    ```
  }];
  let results = (outs I64:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
}

def Weft_BenchWorkOp : Weft_Op<"bench_work"> {
  let summary = "Declares the work of one run, for weft bench.";
  let description = [{
    `bench_work(bytes=..., flops=...)` in a script: `weft bench` divides
    the declared bytes and floating-point operations of one run by its
    time to report GB/s and GFLOP/s.

    ```mlir
    weft.bench_work %bytes, %flops
    ```
  }];
  let arguments = (ins F64:$bytes, F64:$flops);
  let assemblyFormat = "$bytes `,` $flops attr-dict";
  let hasVerifier = 1;
}

def Weft_MatmulOp : Weft_Op<"matmul"> {
  let summary = "c = a @ b (NumPy's matmul) for 1-D and 2-D arrays.";
  let description = [{
    Writes the matrix product of `a` (n x k, or a 1-D row of k) and `b`
    (k x m, or a 1-D column of k) into `c`: n x m, or n or m elements
    when one operand is 1-D (the product of two 1-D arrays is a
    `weft.reduce`). Elements of `a` and `b` are converted to the element
    type of `c` (NumPy's promotion, decided by the front end: i32, i64,
    f32 or f64, never narrower than an operand's). With `line`, inner
    sizes that differ raise NumPy's `ValueError` naming that source line
    (inside a parallel loop, where the code goes on, the product is then
    of empty inner axes); without it the caller has checked them.
    `weft-lower-matmul` chooses how it runs: the system BLAS (`weft.gemm`)
    for float operands of one type, with i-k-j loops whose rows run in
    parallel as the fallback; in a GPU function one parallel iteration
    per element of `c`.

    ```mlir
    weft.matmul %a, %b, %c line 3 : memref<?x?xf64, strided<[?, ?], offset: ?>>, memref<?xf64, strided<[?], offset: ?>>, memref<?xf64, strided<[?], offset: ?>>
    ```
  }];
  let arguments = (ins Arg<AnyMemRef, "the left operand", [MemRead]>:$a,
                       Arg<AnyMemRef, "the right operand", [MemRead]>:$b,
                       Arg<AnyMemRef, "the product", [MemWrite]>:$c,
                       OptionalAttr<I64Attr>:$line);
  let assemblyFormat = [{
    $a `,` $b `,` $c (`line` $line^)? attr-dict `:` type($a) `,` type($b) `,`
    type($c)
  }];
  let hasVerifier = 1;
}

def Weft_GemmOp : Weft_Op<"gemm"> {
  let summary = "c = a @ b through the system BLAS, if it can.";
  let description = [{
    Computes the matrix product of the 2-D arrays `a` and `b` into the
    row-major array `c` with the machine's BLAS library and returns true,
    or does nothing and returns false (no library, small operands, or a
    layout BLAS does not take); the caller then runs its own loops. With
    `device`, the library is cuBLAS on the GPU (loaded at first use), and
    the arrays must be in memory the device can read (it declines
    otherwise).

    ```mlir
    %done = weft.gemm %a, %b, %c : memref<?x?xf64, strided<[?, ?], offset: ?>>, memref<?x?xf64, strided<[?, ?], offset: ?>>, memref<?x?xf64, strided<[?, ?], offset: ?>>
    %on = weft.gemm %a, %b, %c device : memref<?x?xf32>, memref<?x?xf32>, memref<?x?xf32>
    ```
  }];
  let arguments = (ins AnyMemRef:$a, AnyMemRef:$b, AnyMemRef:$c,
                       UnitAttr:$device);
  let results = (outs I1:$done);
  let assemblyFormat = [{
    $a `,` $b `,` $c (`device` $device^)? attr-dict `:` type($a) `,` type($b)
    `,` type($c)
  }];
  let hasVerifier = 1;
}

def Weft_RngStreamOp : Weft_Op<"rng_stream"> {
  let summary = "Starts a new random stream; returns its key.";
  let description = [{
    Each call of rand(), randn(), random() or randint() takes the next
    stream of the counter-based generator (after seed(s), the streams
    restart). Element i of a stream is mix(key + i * golden), computed
    inline, so results do not depend on threads or evaluation order.

    ```mlir
    %key = weft.rng_stream : i64
    ```
  }];
  let results = (outs I64:$key);
  let assemblyFormat = "attr-dict `:` type($key)";
  let hasVerifier = 1;
}

def Weft_RngBitsOp : Weft_Op<"rng_bits"> {
  let summary = "The next 64 random bits, for one scalar draw.";
  let description = [{
    random() and randint() take their value from these bits (the top 53
    bits give a double in [0, 1)). Outside a prange iteration they are
    mix(key) of the next stream's key; inside one, draw k of the
    iteration, as the compiler computes inline.

    ```mlir
    %bits = weft.rng_bits : i64
    ```
  }];
  let results = (outs I64:$bits);
  let assemblyFormat = "attr-dict `:` type($bits)";
  let hasVerifier = 1;
}

def Weft_RngSerialOp : Weft_Op<"rng_serial"> {
  let summary = "Whether draws come from NumPy's generator here.";
  let description = [{
    1 outside prange iterations (the draws of a function called from a
    prange body are the iteration's, counter-based), 0 inside one. Serial
    draws use weft.mt_uniform, weft.mt_normal and weft.mt_randint, which
    give NumPy's numbers for NumPy's seed.

    ```mlir
    %serial = weft.rng_serial : i64
    ```
  }];
  let results = (outs I64:$serial);
  let assemblyFormat = "attr-dict `:` type($serial)";
  let hasVerifier = 1;
}

def Weft_MtUniformOp : Weft_Op<"mt_uniform"> {
  let summary = "NumPy's random_sample from its legacy generator.";
  let description = [{
    The next number in [0, 1) of the MT19937 generator np.random.seed
    seeds (53 bits from two 32-bit draws).

    ```mlir
    %u = weft.mt_uniform : f64
    ```
  }];
  let results = (outs F64:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Weft_MtFillUniformOp : Weft_Op<"mt_fill_uniform"> {
  let summary = "Fills n doubles at an address with NumPy's random_sample.";
  let description = [{
    `rand(shape)` outside prange iterations: the `count` numbers the
    legacy generator draws next, in order, into the contiguous f64 buffer
    at `address` (an integer).

    ```mlir
    weft.mt_fill_uniform %address, %count
    ```
  }];
  let arguments = (ins I64:$address, I64:$count);
  let assemblyFormat = "$address `,` $count attr-dict";
  let hasVerifier = 1;
}

def Weft_MtNormalOp : Weft_Op<"mt_normal"> {
  let summary = "NumPy's legacy standard normal (polar method).";
  let description = [{
    ```mlir
    %z = weft.mt_normal : f64
    ```
  }];
  let results = (outs F64:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Weft_MtRandintOp : Weft_Op<"mt_randint"> {
  let summary = "NumPy's legacy randint in [lo, hi) (masked rejection).";
  let description = [{
    ```mlir
    %k = weft.mt_randint %lo, %hi
    ```
  }];
  let arguments = (ins I64:$lo, I64:$hi);
  let results = (outs I64:$result);
  let assemblyFormat = "$lo `,` $hi attr-dict";
  let hasVerifier = 1;
}

def Weft_RngBeginIterationOp : Weft_Op<"rng_begin_iteration"> {
  let summary = "Keys random streams by a prange iteration.";
  let description = [{
    Starts iteration `iteration` of a prange loop whose random streams
    derive from `key`: the calls made by the iteration (in any function)
    get streams (key, iteration, call number), independent of threads.

    ```mlir
    weft.rng_begin_iteration %key, %i
    ```
  }];
  let arguments = (ins I64:$key, I64:$iteration);
  let assemblyFormat = "$key `,` $iteration attr-dict";
  let hasVerifier = 1;
}

def Weft_RngEndIterationOp : Weft_Op<"rng_end_iteration"> {
  let summary = "Ends the iteration started by weft.rng_begin_iteration.";
  let assemblyFormat = "attr-dict";
  let hasVerifier = 1;
}

def Weft_RngSeedOp : Weft_Op<"rng_seed"> {
  let summary = "Seeds the random number generator.";
  let description = [{
    ```mlir
    weft.rng_seed %s
    ```
  }];
  let arguments = (ins I64:$seed);
  let assemblyFormat = "$seed attr-dict";
  let hasVerifier = 1;
}

def Weft_LaunchOp : Weft_Op<"launch"> {
  let summary = "Runs a @kernel function at every point of a grid.";
  let description = [{
    `kernel[blocks, threads](args)` in Numba's cuda.jit model: `kernel`
    takes `args`, then its grid point as six i64 values: thread (x, y),
    block (x, y) and block size (x, y). `weft-lower-launch` raises
    `ValueError` at source line `line` unless the four counts are
    positive, then calls the kernel at each of the `blocksX * blocksY *
    threadsX * threadsY` points: with `gpu` (a program for the GPU) in a
    `gpu.launch` that the GPU pipeline outlines, else in a loop nest over
    every point (parallel unless `serial`) after which the errors of the
    points are raised.

    ```mlir
    weft.launch @scale blocks(%bx, %by) threads(%tx, %ty) (%a : memref<?xf64, strided<[?], offset: ?>>) line 7
    ```
  }];
  let arguments = (ins FlatSymbolRefAttr:$kernel, I64:$blocksX, I64:$blocksY,
                       I64:$threadsX, I64:$threadsY,
                       Variadic<AnyType>:$kernelOperands, I64Attr:$line,
                       UnitAttr:$gpu, UnitAttr:$serial);
  let assemblyFormat = [{
    $kernel `blocks` `(` $blocksX `,` $blocksY `)` `threads` `(` $threadsX `,`
    $threadsY `)` `(` ($kernelOperands^ `:` type($kernelOperands))? `)`
    `line` $line attr-dict
  }];
  let hasVerifier = 1;
}

def Weft_VmapOp : Weft_Op<"vmap"> {
  let summary = "vmap(f, axis=k)(args): f once per index of the mapped axis.";
  let description = [{
    Calls `callee` once per index i of axis `axis` (negative: from the
    end) of its array operands, each passed as its slice at i (an element,
    converted to the parameter's type, for a 1-D array); other operands
    go to every call. The results are stacked along a new first axis of
    the returned array (a fresh buffer the caller owns), converted to its
    element type. `weft-lower-vmap` writes it as a parallel nest; at
    source line `line` it raises `ValueError` when the mapped axes differ
    in length, when an array-valued `callee` is mapped over an empty axis
    (its result shape is then unknown) or returns arrays of different
    shapes, and `MemoryError` when the result's size overflows.

    ```mlir
    %r = weft.vmap @norm(%rows, %p) axis 0 line 4 : (memref<?x?xf64, strided<[?, ?], offset: ?>>, f64) -> memref<?xf64, strided<[?], offset: ?>>
    ```
  }];
  let arguments = (ins FlatSymbolRefAttr:$callee,
                       Variadic<AnyType>:$mappedOperands, I64Attr:$axis,
                       I64Attr:$line);
  let results = (outs AnyMemRef:$result);
  let assemblyFormat = [{
    $callee `(` $mappedOperands `)` `axis` $axis `line` $line attr-dict `:`
    functional-type($mappedOperands, $result)
  }];
  let hasVerifier = 1;
}

def Weft_RaiseRecordedOp : Weft_Op<"raise_recorded"> {
  let summary = "Raises the first error recorded inside a parallel loop.";
  let description = [{
    Placed after a parallel loop: errors raised by its iterations (on any
    thread) were recorded while the other iterations went on; this raises
    the first one, if any.

    ```mlir
    weft.raise_recorded
    ```
  }];
  let assemblyFormat = "attr-dict";
  let hasVerifier = 1;
}

def Weft_SessionGetOp : Weft_Op<"session_get"> {
  let summary = "Reads a variable kept by the interactive session.";
  let description = [{
    `weft repl` keeps the variables of earlier entries in the runtime's
    session store; an entry's script body starts by reading those it
    uses. For an array the result is a new reference (retained).

    ```mlir
    %a = weft.session_get "a" : memref<?xf64, strided<[?], offset: ?>>
    %n = weft.session_get "n" : i64
    ```
  }];
  let arguments = (ins StrAttr:$name);
  let results = (outs AnyType:$result);
  let assemblyFormat = "$name attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Weft_SessionSetOp : Weft_Op<"session_set"> {
  let summary = "Keeps a variable in the interactive session's store.";
  let description = [{
    At the end of a `weft repl` entry, each variable of its script body is
    stored for later entries (an array is retained by the store, and the
    value it replaces released).

    ```mlir
    weft.session_set "a" %a : memref<?xf64, strided<[?], offset: ?>>
    ```
  }];
  let arguments = (ins StrAttr:$name, AnyType:$value);
  let assemblyFormat = "$name $value attr-dict `:` type($value)";
  let hasVerifier = 1;
}

def Weft_CheckInterruptOp : Weft_Op<"check_interrupt"> {
  let summary = "Raises KeyboardInterrupt if Ctrl-C was pressed.";
  let description = [{
    `weft repl` puts one at the top of every loop body it compiles: when
    the user has pressed Ctrl-C, serial code stops with `KeyboardInterrupt`
    at `line`; inside a parallel loop the interrupt is raised when the
    loop ends.

    ```mlir
    weft.check_interrupt line 4
    ```
  }];
  let arguments = (ins I64Attr:$line);
  let assemblyFormat = "`line` $line attr-dict";
  let hasVerifier = 1;
}

def Weft_InterruptRequestedOp : Weft_Op<"interrupt_requested"> {
  let summary = "Whether an interrupt (Ctrl-C) has been requested.";
  let description = [{
    An atomic read of the runtime's interrupt flag, inline: loops test it
    and call `weft.check_interrupt` only when it is set, so the check
    costs a load and a predicted branch per iteration.

    ```mlir
    %r = weft.interrupt_requested
    scf.if %r { weft.check_interrupt line 4 }
    ```
  }];
  let results = (outs I1:$requested);
  let assemblyFormat = "attr-dict";
  let hasVerifier = 1;
}

// What weft.keep_loop writes: no memory, so loads and stores move across
// it freely.
def Weft_LoopProgressResource : Resource<"::weft::LoopProgressResource">;

def Weft_KeepLoopOp : Weft_Op<"keep_loop",
    [MemoryEffects<[MemWrite<Weft_LoopProgressResource>]>]> {
  let summary = "Keeps a loop that may never end.";
  let description = [{
    Weft, like Python, does not assume that a loop ends: `while True: pass`
    must run until it is stopped. MLIRGen puts one at the top of every
    `while` loop body. Its effect (a write of a resource that is no
    memory) keeps the loop from being erased as dead code when nothing
    else in it has an effect. `weft-lower-keep-loop` turns it into
    LLVM's `llvm.sideeffect`, which LLVM's loop deletion respects (Weft
    never marks functions `mustprogress`) and which compiles to no
    instruction and does not stop vectorization.

    ```mlir
    weft.keep_loop
    ```
  }];
  let assemblyFormat = "attr-dict";
  let hasVerifier = 1;
}

// What weft.parallel_work and weft.parallel_if write: no memory, only the
// choice of how the enclosing loop nest runs; they keep their place in the
// loop body without ordering its loads and stores.
def Weft_ParallelNestResource : Resource<"::weft::ParallelNestResource">;

def Weft_ParallelWorkOp : Weft_Op<"parallel_work",
    [MemoryEffects<[MemWrite<Weft_ParallelNestResource>]>]> {
  let summary = "Marks an array statement's loop nest and its total work.";
  let description = [{
    Put first in the body of an `scf.parallel` by MLIRGen for the loop nest
    of an array statement (not for `prange`, which the program asks to be
    parallel): the whole nest processes `work` elements. `work` is defined
    outside the loop. `weft-choose-parallel-nests` decides from it whether
    the nest runs on several threads (at least `threshold` elements) or on
    the calling thread, and removes the mark.

    ```mlir
    scf.parallel (%i) = (%c0) to (%n) step (%c1) {
      weft.parallel_work %n
      ...
    }
    ```
  }];
  let arguments = (ins Index:$work);
  let assemblyFormat = "$work attr-dict";
  let hasVerifier = 1;
  // Dropped with its loop when canonicalization inlines a one-iteration
  // loop.
  let hasCanonicalizeMethod = 1;
}

def Weft_ParallelIfOp : Weft_Op<"parallel_if",
    [MemoryEffects<[MemWrite<Weft_ParallelNestResource>]>]> {
  let summary = "Runs the enclosing parallel loop on one thread unless set.";
  let description = [{
    In the body of an `scf.parallel` (or, after `convert-scf-to-openmp`,
    of the `omp.loop_nest` it became): the loop runs on several threads
    only if `condition` holds, else on the calling thread alone. Defined
    outside the loop. `weft-lower-parallel-if` makes it the `if` clause of
    the enclosing `omp.parallel`.

    ```mlir
    %big = arith.cmpi sge, %work, %threshold : index
    scf.parallel (%i) = (%c0) to (%n) step (%c1) {
      weft.parallel_if %big
      ...
    }
    ```
  }];
  let arguments = (ins I1:$condition);
  let assemblyFormat = "$condition attr-dict";
  let hasVerifier = 1;
  // Dropped with its loop when canonicalization inlines a one-iteration
  // loop.
  let hasCanonicalizeMethod = 1;
}

def Weft_PairwiseSumOp : Weft_Op<"pairwise_sum"> {
  let summary = "Sums a 1-D float array in NumPy's pairwise order.";
  let description = [{
    Returns the sum of the elements of `array` added in the same order as
    NumPy's `sum` (pairwise summation in blocks of 8 accumulators), so
    results match NumPy's to the last bit and round-off grows with
    O(log n) instead of O(n).

    ```mlir
    %s = weft.pairwise_sum %a : memref<?xf64, strided<[?], offset: ?>> -> f64
    ```
  }];
  let arguments = (ins Arg<AnyMemRef, "the array summed", [MemRead]>:$array);
  let results = (outs AnyFloat:$result);
  let assemblyFormat = "$array attr-dict `:` type($array) `->` type($result)";
  let hasVerifier = 1;
}

def Weft_Atan2Op : Weft_Op<"atan2", [Pure, SameOperandsAndResultType]> {
  let summary = "atan2(y, x) as C and NumPy define it.";
  let description = [{
    The angle of the point (x, y), in (-pi, pi]. Unlike `math.atan2`,
    whose folder makes atan2(0, 0) a NaN, it folds as C's `atan2` does:
    atan2(+-0, +0) = +-0 and atan2(+-0, -0) = +-pi. `weft-lower-math`
    turns it into `math.atan2` after the last canonicalization.

    ```mlir
    %a = weft.atan2 %y, %x : f64
    ```
  }];
  let arguments = (ins AnyTypeOf<[F32, F64]>:$y, AnyTypeOf<[F32, F64]>:$x);
  let results = (outs AnyTypeOf<[F32, F64]>:$result);
  let assemblyFormat = "$y `,` $x attr-dict `:` type($result)";
  let hasFolder = 1;
}

def Weft_LibmOp : Weft_Op<"libm", [Pure, SameOperandsAndResultType]> {
  let summary = "A C math library function the math dialect has no op for.";
  let description = [{
    `hypot(x, y)`, `tgamma(x)`, `lgamma(x)` or `expm1(x)` (whose math op
    MathToLLVM writes as `exp(x) - 1`) of C's math library, on f32
    (the `f`-suffixed function) or f64. `weft-lower-math` makes it a call:
    of libm's function on the host, of libdevice's `__nv_` one in a GPU
    module.

    ```mlir
    %h = weft.libm "hypot"(%x, %y) : f64
    ```
  }];
  let arguments = (ins StrAttr:$function,
                       Variadic<AnyTypeOf<[F32, F64]>>:$operands);
  let results = (outs AnyTypeOf<[F32, F64]>:$result);
  let assemblyFormat = "$function `(` $operands `)` attr-dict `:` type($result)";
  let hasVerifier = 1;
}

include "compiler/Dialect/WeftArrayOps.td"
include "compiler/Dialect/WeftLinalgOps.td"
include "compiler/Dialect/WeftTryOps.td"

#endif // WEFT_OPS
