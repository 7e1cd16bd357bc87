//===- Passes.td - Weft compiler passes --------------------*- tablegen -*-===//
//
// Declarations of Weft's own passes.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_PASSES
#define WEFT_PASSES

include "mlir/Pass/PassBase.td"

def ConvertWeftToLLVM : Pass<"convert-weft-to-llvm", "::mlir::ModuleOp"> {
  let summary = "Lower weft dialect operations to calls into the runtime.";
  let description = [{
    Rewrites every weft dialect operation (printing, reference counting,
    errors, random streams, `.npy` files, the session store, BLAS products,
    the pairwise sum) into LLVM dialect calls of the `weft_rt_*` C ABI
    (runtime/RuntimeABI.h) or inline LLVM code. Assumes nothing about other
    dialects: memref operands are converted through the LLVM type
    converter and reconciled later by `reconcile-unrealized-casts`.
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

def LowerKeepLoop : Pass<"weft-lower-keep-loop"> {
  let summary = "Turn weft.keep_loop into llvm.sideeffect.";
  let description = [{
    Replaces every `weft.keep_loop` (the mark MLIRGen puts in `while`
    loops, which may never end) by a call of LLVM's `llvm.sideeffect`
    intrinsic: a side effect to LLVM's optimisers, so that a loop without
    other effects is not deleted, and no instruction in the machine code.
    Runs on host modules before `convert-weft-to-llvm` and on GPU modules
    before their lowering to NVVM.
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

def LowerTry : Pass<"weft-lower-try", "::mlir::ModuleOp"> {
  let summary = "Turn weft.try into libc's _setjmp and branches.";
  let description = [{
    Runs after `convert-scf-to-cf`, so that the regions of each `weft.try`
    are blocks the function's region can take. The op becomes: a frame at
    the start of the function (runtime/TryStatements.h: links, a
    `jmp_buf`, and the addresses of the function's stack buffers defined
    before the op, handed to the runtime so that LLVM keeps their
    contents in memory), `_setjmp` on the frame's `jmp_buf` (declared
    `returns_twice`, so LLVM keeps values live across it in their own
    stack slots), and a branch on its result: 0 to the body, which first
    links the frame (`weft_rt_try_enter`) and ends by unlinking it
    (`weft_rt_try_leave`); the second return, after a runtime error's
    `longjmp`, to the handler, which unlinks it (`weft_rt_try_caught`).
    Both branch to the block after the op with the values of its results.
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect",
                           "::mlir::cf::ControlFlowDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect"];
}

def LowerMath : Pass<"weft-lower-math"> {
  let summary = "Lower weft's scalar math and Python arithmetic ops.";
  let description = [{
    MLIRGen emits `weft.atan2`, whose folder follows C (atan2(0, 0) is 0),
    because `math.atan2`'s folder makes atan2 of two zeros a NaN. Once no
    canonicalizer runs any more, this pass replaces it by `math.atan2`,
    which the math-to-LLVM (host) and GPU-to-NVVM (device, libdevice's
    `__nv_atan2`) lowerings know. It also expands Python's `//`, `%`, `<<`
    and `>>` (`weft.floordiv`, `weft.mod`, `weft.shl`, `weft.shr`) into
    arith and math: integer division that never traps, remainders with
    the divisor's sign, CPython's exact float floor division, shifts by
    any count. Constant operands fold first, by the ops' own folders.
    NumPy's float functions whose rules arith and math lack become arith
    and math here too: `weft.minimum` and `weft.maximum` (a NaN first
    operand wins, ties go to the second), `weft.round` (around with
    decimals) and `weft.isclose`. `weft.libm` (hypot, tgamma, lgamma)
    becomes an `llvm.call` of C's function (`hypotf` for f32) on the host
    and of libdevice's (`__nv_hypot`) in a `gpu.module`, declared there.
  }];
  let dependentDialects = ["::mlir::math::MathDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::LLVM::LLVMDialect"];
}

def DropUnsignedWrap : Pass<"weft-drop-unsigned-wrap"> {
  let summary = "Clear the nuw flags MLIR's memref lowering puts on indices.";
  let description = [{
    MLIR lowers a memref access to `offset + i * stride` with `nsw nuw`
    arithmetic and an `inbounds nuw` getelementptr: it assumes strides are
    not negative. Weft views have negative strides (`a[::-1]`, `m[:, ::-2]`),
    for which `i * stride` wraps as an unsigned number, so those flags make
    the value poison and LLVM may miscompile the access (a reversed copy of
    a bool row read out of bounds). This pass clears `nuw` on every LLVM
    integer operation and getelementptr; `nsw` and `inbounds` stay, since
    they hold for every valid access. Runs after the conversion to the LLVM
    dialect, on host and GPU modules.
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

def InlineAllocaScopes : Pass<"weft-inline-alloca-scopes"> {
  let summary = "Inline memref.alloca_scope regions.";
  let description = [{
    `convert-scf-to-openmp` wraps each parallel loop body in a
    `memref.alloca_scope`, which must keep a single block. Weft's bodies
    hold loops and branches of their own, which `convert-scf-to-cf` turns
    into several blocks, so this pass replaces every scope by its body. A
    scope that allocates on the stack (`weft-promote-buffers` puts small
    buffers of a parallel loop body there) gets `llvm.intr.stacksave`
    before and `llvm.intr.stackrestore` after it, so each iteration frees
    its buffers.
  }];
  let dependentDialects = ["::mlir::memref::MemRefDialect",
                           "::mlir::LLVM::LLVMDialect"];
}

def FuseElementwise : Pass<"weft-fuse-elementwise"> {
  let summary = "Merge elementwise maps into the map that reads them.";
  let description = [{
    MLIRGen emits one `weft.map` per elementwise operation of an array
    expression, each writing a fresh array. When such an array is read by
    exactly one other `weft.map` or `weft.reduce` of the same block (and otherwise only
    released or measured), and nothing between the two writes memory the
    first one reads, the first map's body is inlined into the second's and
    its operands become the second's inputs: `c = a * b + sin(d)` becomes
    one map over `a`, `b` and `d` with no temporary array. Broadcasting
    composes (an operand that broadcasts to the temporary's shape
    broadcasts the same way to the reader's), so the merged map reads the
    same elements. The temporary's allocation and release are removed.
  }];
  let dependentDialects = ["::mlir::memref::MemRefDialect"];
}

def HoistInvariantReductions : Pass<"weft-hoist-invariant-reductions"> {
  let summary = "Loop-invariant code and whole reductions out of parallel "
                "loops.";
  let description = [{
    For each `scf.parallel`, innermost first: MLIR's loop-invariant code
    motion (pure, speculatable operations whose operands come from
    outside), then every whole `weft.reduce` (no axis) of the body's
    first part whose inputs, sizes and body use only values from outside
    the loop moves before it, so `lo = min(bounds)` in a `prange` body is
    computed once, not once per iteration. The first part ends at the
    first operation that may change memory existing before the loop (a
    store, a call, a release of an outer buffer; writes to buffers made
    in the iteration and runtime error checks do not count): before it,
    every iteration reads the memory as it was when the loop started,
    which is one of the orders independent iterations may run in, so the
    result is one the loop could give, also when arrays alias.
  }];
}

def ProveNonzeroDivisors : Pass<"weft-prove-nonzero-divisors"> {
  let summary = "Zero-divisor checks of divisors that are never zero fold "
                "away.";
  let description = [{
    Python raises `ZeroDivisionError` for `x / 0.0`, so every float
    division is checked (`arith.cmpf oeq %d, 0.0` guarding a `weft.fail`,
    or a deferred error code in a `prange` body). This pass replaces the
    comparison by `false` when `%d` is provably above zero or NaN: a
    positive constant, a sum of a positive and a non-negative value, the
    square root of a positive value, `cosh`, and selects and maxima of
    such; non-negative values are non-negative constants, `abs`, `sqrt`,
    `exp`, squares `x * x` and sums, products and quotients of
    non-negative values (products and quotients can underflow to zero, so
    they are never positive). `1.0 / (1.0 + exp(-x))` and
    `1.0 / (1.0 + k * abs(d))` then have no check, and their code stays
    one block that LLVM can vectorize across inlined calls.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

def LowerElementwise : Pass<"weft-lower-elementwise"> {
  let summary = "Turn weft.map into loop nests.";
  let description = [{
    Each `weft.map` becomes a loop nest over its output's shape: every input
    gets a broadcast view (stride 0 along missing and size-1 axes), the body
    is inlined at each index, and the nest is an `scf.parallel` over its
    outer axis (its two outer axes in a GPU function) marked with
    `weft.parallel_work` for `weft-choose-parallel-nests`; `serial` maps
    get plain `scf.for` loops. A map whose output is not a fresh array
    first checks whether an input shares the output's buffer with another
    layout; if one does, the results go to a temporary that is copied into
    the output afterwards.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect"];
}

def LowerReductions : Pass<"weft-lower-reductions"> {
  let summary = "Turn weft.reduce and weft.scan into loops.";
  let description = [{
    Whole reductions run per chunk (4096 elements of a 1-D space, a row of
    a larger one) in a parallel nest marked with `weft.parallel_work`,
    combined in chunk order: the result does not depend on the number of
    threads. The sum of a plain 1-D f64 array uses NumPy's pairwise order
    (`weft.pairwise_sum` per 8192-element block). argmin/argmax, and
    `serial` reductions, are one serial fold. Reductions along an axis
    compute the output's elements in a parallel nest, each a serial fold.
    min/max propagate NaN; argmin/argmax return the first extreme.
    In a GPU function every whole reduction is one `scf.parallel` with an
    `scf.reduce` (a serial loop below the parallel threshold; booleans as
    i32; min/max from +-inf or the integer limits), argmin/argmax two (the
    extreme, then its first flat index), and a 2-D array reduced along an
    axis two nests (S threads per output fold s, s + S, ... into a buffer;
    one thread per output folds its S values in order). `weft.scan`
    (cumsum, cumprod) is one serial loop.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::math::MathDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect"];
}

def LowerComplex : Pass<"weft-lower-complex", "::mlir::ModuleOp"> {
  let summary = "Expand complex arithmetic with CPython's formulas.";
  let description = [{
    MLIRGen emits Python's complex operators as the complex dialect's
    `add`, `sub`, `mul`, `div`, `powi` (an integer exponent), `abs`, `eq`
    and `neq`. This pass writes each out on the real and imaginary parts
    as CPython does (Objects/complexobject.c): the plain product with no
    recovery of infinities, Smith's quotient scaled by the divisor's
    larger part (NaN where a part of the divisor is NaN), `**` by
    repeated squaring and its reciprocal for a negative exponent, `abs`
    as libm's `hypot` (`weft.libm`). It runs first in the cleanup pipeline, before any
    canonicalizer: the complex dialect's folders (`add(sub(a, b), b)` to
    `a`, `a + 0` to `a`) are not exact in floating point. The
    `complex.create`, `complex.re` and `complex.im` left are lowered by
    `convert-complex-to-standard`.
  }];
  let dependentDialects = ["::weft::WeftDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::complex::ComplexDialect",
                           "::mlir::math::MathDialect",
                           "::mlir::scf::SCFDialect"];
}

def LowerRanges : Pass<"weft-lower-ranges"> {
  let summary = "Expand NumPy's arange and linspace.";
  let description = [{
    Each `weft.arange` becomes its checks (a zero step, a NaN bound or
    step, at its source line), its length (Python's range length for
    integers, the ceiling of the span over the step for floats), a
    checked allocation and a `weft.map` computing `start + i * step` per
    element; each `weft.linspace` the allocation and a map with NumPy's
    step and an exact last element. It runs early in the cleanup
    pipeline, so the maps fuse and parallelise like any other.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::math::MathDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect"];
}

def InsertInterruptChecks : Pass<"weft-insert-interrupt-checks",
                                 "::mlir::ModuleOp"> {
  let summary = "Check for Ctrl-C at the top of loops that may run long.";
  let description = [{
    In a module marked `weft.interruptible` (a host may interrupt its
    calls: `weft repl`, the embedding API; never with device code), each
    iteration of a loop that may never end (a `while` statement, marked by
    `weft.keep_loop`) or that holds another loop (directly or under
    `scf.if`) starts with `weft.interrupt_requested` and, when it is set,
    `weft.check_interrupt` at the loop's source line. Innermost `for`
    loops stay free of calls, so they vectorize (and they end).
    Comprehensions are not checked. It runs first in the cleanup pipeline.
  }];
  let dependentDialects = ["::mlir::scf::SCFDialect"];
}

def DeferChecks : Pass<"weft-defer-checks"> {
  let summary = "Deferrable checks in a parallel loop report at the end of "
                "its iteration or of the loop.";
  let description = [{
    In the body of each `weft.parallel_for`, a `weft.check` marked
    `deferrable` (a zero divisor: the division itself is defined) becomes
    an update of an i64 site code, `minsi(code, select(failed, site, max))`,
    where sites are numbered in source order from 1 and the largest i64
    means none. The code is carried through the `scf.for` and `scf.if` ops
    around the checks as one more loop-carried value or result. Before the
    iteration yields, one `weft.check` per site compares the code with its
    number; with `across-iterations`, a prange loop (not an `automatic`
    one) instead counts, per site, the iterations whose code it is (one
    more reduction of kind `sum` each) and checks the sites in source order
    after the loop, where errors of iterations are raised anyway. The body then has no branch per division and its loops
    (with `across-iterations`, the parallel loop itself) vectorize; the
    error raised is the one of the first failing site in source order.
    Checks under other region ops (`scf.while`, comprehensions) stay where
    they are. It runs first in the cleanup pipeline, before
    weft-lower-checks; the GPU pipeline keeps the check per iteration.
  }];
  let options = [
    Option<"acrossIterations", "across-iterations", "bool",
           /*default=*/"false",
           "Count a prange loop's failed sites and check them after the loop">,
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::scf::SCFDialect"];
}

def LowerChecks : Pass<"weft-lower-checks"> {
  let summary = "Turn weft.check into scf.if around weft.fail.";
  let description = [{
    Each `weft.check` becomes `scf.if %failed { weft.fail ... }`; a check
    of the constant false is dropped. It runs after weft-defer-checks.
  }];
  let dependentDialects = ["::mlir::scf::SCFDialect"];
}

def LowerParallelFor : Pass<"weft-lower-parallel-for"> {
  let summary = "Expand weft.parallel_for into scf.parallel and scf.reduce.";
  let description = [{
    Each `weft.parallel_for` becomes an `scf.parallel` over its iterations
    whose body is the op's body, given the iteration number and each
    reduction's identity (0, 1, or the extreme values; +-inf for floats),
    and ends with an `scf.reduce` combining the parts (add, mul, integer
    compare-and-select, float `minimumf`/`maximumf`), then
    `weft.raise_recorded`. An `automatic` loop without reductions gets
    `weft.parallel_work` with its trip count, for
    weft-choose-parallel-nests. It runs after weft-lower-checks.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::scf::SCFDialect"];
}

def LowerComprehensions : Pass<"weft-lower-comprehensions"> {
  let summary = "Expand weft.comprehension into a serial loop.";
  let description = [{
    Each `weft.comprehension` becomes an `scf.for` over its iterations with
    a copy of its regions inlined, carrying the op's carried values:
    numbers are stored at their index of a new array; with a condition,
    the kept ones at the front of an array of the iteration count, whose
    view of the kept part is the result; arrays are copied into a new array
    with one more axis, whose shape the first one (the first iteration,
    peeled into an `scf.if` for a nonzero count) fixes, each later one
    checked against it (NumPy's `ValueError`) and released once copied. It
    runs first in the cleanup pipeline.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect"];
}

def LowerJoins : Pass<"weft-lower-joins"> {
  let summary = "Expand weft.concatenate into its checks and copies.";
  let description = [{
    Each `weft.concatenate` becomes NumPy's shape check (a `ValueError`
    naming its line when an axis other than the joined one differs), the
    result's allocation (its byte size checked for overflow) and one
    `weft.map` per input copying it, converted to the result's element
    type, into its slab of the result. It runs first in the cleanup
    pipeline, so the copies are fused and lowered like any other map.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect"];
}

def LowerStatistics : Pass<"weft-lower-statistics"> {
  let summary = "Expand NumPy's searching and order statistics.";
  let description = [{
    Each `weft.searchsorted` and `weft.digitize` becomes a binary search
    (an `scf.while`) per value, in a serial loop nest for an array of
    values; digitize first checks that the bins are monotonic (NumPy's
    ValueError) and searches decreasing bins through a reversed view.
    `weft.unique` and `weft.quantile` sort a contiguous copy of the array
    (`weft.sort`, released after use); unique counts the distinct
    elements, allocates the result and copies them; quantile checks `q`
    and interpolates between two sorted elements as NumPy's `_lerp`.
    `weft.histogram` becomes NumPy's checks, a min/max scan when no range
    is given, the edges (an allocation whose byte size is checked) and a
    serial loop placing each value in its bin.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::math::MathDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect"];
}

def LowerIndexing : Pass<"weft-lower-indexing"> {
  let summary = "Expand Python indexing and views: wrap_index, slice, transpose, reshape, compress.";
  let description = [{
    Each `weft.slice` becomes one `memref.reinterpret_cast` of the array's
    buffer, its offset, sizes and strides computed by Python's slice rules;
    each `weft.transpose` one with the axes reversed. Each `weft.reshape`
    becomes NumPy's checks (ValueError for another element count,
    MemoryError for a byte size that overflows), the array retained when
    it is contiguous or else copied in a loop nest, and a row-major view.
    Each `weft.wrap_index` becomes arith: the bounds check (an `scf.if`
    raising `weft.index_error`, the index replaced by 0 after it) when
    `checked`, then `index + size` for a negative index, unless the index
    is provably not negative: constants, induction variables of loops
    counting up from a non-negative start, and sums, products, minima,
    quotients and selections of such values. Each `weft.compress`
    (boolean-mask indexing) becomes the shape check, a serial loop nest
    counting the mask's true elements, the result's allocation and a
    second nest copying the selected elements into it.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect"];
}

def LowerRandom : Pass<"weft-lower-random"> {
  let summary = "Expand random number ops to the counter-based formula.";
  let description = [{
    `weft.random_bits`, `weft.iteration_draw`, `weft.uniform`,
    `weft.normal` and `weft.randint` become arith (and math for the
    normal numbers): runtime/RandomFormula.h's formula, the one the
    runtime computes for draws made outside compiled loops.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::math::MathDialect"];
}

def ExpandPowers : Pass<"weft-expand-powers"> {
  let summary = "x ** k for small constant k as multiplications.";
  let description = [{
    `math.powf` whose exponent is a constant integer k with |k| up to
    `max-exponent` becomes repeated squaring (at most 2 log2 |k|
    multiplications; a negative k takes the reciprocal; k = 0 gives 1),
    as Numba compiles `x ** k`; an exponent of 0.5 or -0.5 becomes
    `sqrt` (or its reciprocal), NumPy's fast path. The result is within a
    few ulps of `pow`. `math.ipowi` with a constant exponent in
    [0, `max-exponent`] becomes exact (wrapping) multiplications. Other
    powers stay calls.
  }];
  let options = [
    Option<"maxExponent", "max-exponent", "int64_t", /*default=*/"64",
           "largest |k| expanded">
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::math::MathDialect"];
}

def LowerMatmul : Pass<"weft-lower-matmul"> {
  let summary = "Choose how each weft.matmul runs: BLAS, loops or the GPU.";
  let description = [{
    Replaces every `weft.matmul %a, %b, %c`:
    - in a function for the CPU, when `a`, `b` and `c` have one float
      element type, `blas` is set and the product is not in the body of a
      parallel loop: `weft.gemm` (the system BLAS, which
      declines small or oddly laid out operands), and, when it declines,
    - the i-k-j loops: each row of `c` is set to zero, then gets
      `a[i, k] * b[k, :]` added for every k, so the innermost loop walks
      rows of `b` and `c` with unit stride and vectorizes; the rows form
      an `scf.parallel` marked `weft.parallel_work` (n * m * k
      multiply-adds), so `weft-choose-parallel-nests` decides if they run
      in parallel;
    - in a function for the GPU, when `blas` is set, the operands have one
      float type and the product is not in a parallel loop's body:
      `weft.gemm device` (cuBLAS, which declines small products, odd
      layouts and arrays not in managed memory), and, when it declines,
    - for n * m * k of at least 2^15: a `gpu.launch` of 16 x 16 threads
      per 16 x 16 block of `c`, which stages 16 x 16 tiles of `a` and `b`
      in workgroup memory; smaller products: serial i-j-k loops on the
      host. The operands stay in device memory either way.
  }];
  let options = [
    Option<"blas", "blas", "bool", /*default=*/"true",
           "Try the system BLAS or cuBLAS (weft.gemm) for float products">,
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::complex::ComplexDialect",
                           "::mlir::gpu::GPUDialect",
                           "::mlir::math::MathDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect"];
}

def LowerBroadcast : Pass<"weft-lower-broadcast"> {
  let summary = "Broadcast shapes (weft.broadcast_shape) as sizes and a check.";
  let description = [{
    Replaces every `weft.broadcast_shape` by the sizes of its arrays
    (`memref.dim`), per axis the one that is not 1 (or the target's), and
    a check that every array's size is that size or 1: an `scf.if`
    raising the `weft.shape_error` NumPy gives ("operands could not be
    broadcast together with shapes (2,) (3,)"; "could not broadcast input
    array from shape (3,) into shape (2,)"), the sizes 0 when it fails.
    One array without a target needs no check. Runs first, so fusion sees
    the sizes as `memref.dim` of the arrays.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect"];
}

def LowerVmap : Pass<"weft-lower-vmap"> {
  let summary = "vmap(f)(args) (weft.vmap) as a parallel nest of calls.";
  let description = [{
    Replaces every `weft.vmap` by: the lengths of the mapped axes checked
    equal; for a callee returning a number, a fresh 1-D result and a
    parallel nest (marked for `weft-choose-parallel-nests`) storing one
    call per index; for a callee returning an array, a first call (after
    checking the axis is not empty) whose shape sizes the result, then a
    parallel nest of the other calls, each checked to return that shape
    and copied into its row. Slices are views of the mapped arrays (an
    element for a 1-D array); errors of the iterations are raised after
    the nest (`weft.raise_recorded`).
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::func::FuncDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect"];
}

def LowerLaunch : Pass<"weft-lower-launch"> {
  let summary = "Kernel launches (weft.launch) as a gpu.launch or a loop nest.";
  let description = [{
    Replaces every `weft.launch` by a check that its block and thread
    counts are positive (`ValueError` at its line), then:
    - with `gpu`: a `gpu.launch` of that grid whose body calls the kernel
      with its thread, block and block-size ids (the GPU pipeline outlines
      it into a device kernel);
    - else: a nest over every grid point, flattened (point p is thread
      (p % tx, p / tx % ty) of block (p / (tx ty) % bx, p / (tx ty bx))),
      parallel and marked for `weft-choose-parallel-nests` unless `serial`,
      followed by `weft.raise_recorded` for the errors of the points.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::func::FuncDialect",
                           "::mlir::gpu::GPUDialect",
                           "::mlir::scf::SCFDialect"];
}

def PromoteBuffers : Pass<"weft-promote-buffers"> {
  let summary = "Buffers whose lifetime is known: no reference count, small "
                "ones on the stack.";
  let description = [{
    Arrays are reference counted at run time (`weft.retain`,
    `weft.release`) because in general the compiler cannot see when the
    last reference goes. First, an array loop variable (an `scf.for`
    iteration argument starting as `weft.null_array`) that is only
    released in the body (assigned before it is read), or handed to an
    inner loop where the same holds, and only released after the loop
    dies in its iteration: it is released at the end of the iteration
    instead. Then, for a buffer (`memref.alloc`) of a
    function for the CPU whose lifetime it can see, this pass removes the
    count:
    - the buffer and every view of it (`memref.cast`, `subview`,
      `reinterpret_cast` of its base, ...) are only read, written, measured
      and printed, never passed to a call, stored, yielded, returned or
      retained;
    - it is released exactly once, by a `weft.release` in the block that
      allocates it.
    Such a buffer of a static shape of at most `max-stack-bytes` bytes
    (and at most four times that in all per function or parallel loop
    body)
    whose every element access is provably in
    bounds (constant indices, or induction variables of loops with
    constant bounds inside the shape: a stack buffer must not be overrun
    by an unchecked wild index) becomes a `memref.alloca` at the start of
    the function, or of the innermost parallel loop body around it (one
    buffer per iteration, freed by the body's alloca scope), and its
    release goes: a small temporary in a loop costs nothing. Any other such buffer
    is freed by `memref.dealloc` where it was released, without the
    atomic reference count. Functions for the GPU are left as they are.
  }];
  let options = [
    Option<"maxStackBytes", "max-stack-bytes", "int64_t", /*default=*/"1024",
           "Largest buffer of a static shape put on the stack">,
  ];
  let dependentDialects = ["::mlir::memref::MemRefDialect"];
}

def BorrowArguments : Pass<"weft-borrow-arguments", "::mlir::func::FuncOp"> {
  let summary = "Array arguments borrowed from the caller: no reference count.";
  let description = [{
    A function's array parameters are retained on entry and released on
    exit (every local owns a reference), two atomic operations per call
    and per array argument, kept even when LLVM inlines the function into
    a loop. The caller holds its own reference for the whole call, so the
    pair is not needed when the argument cannot hand its reference on:
    this pass removes the `weft.retain` and the `weft.release` of an
    argument when each is the only one of it, both are in the function's
    single block (not in a branch or loop), and the argument is never
    yielded, returned or carried into a region (where it could be
    released under another name). A parameter that is reassigned
    (`a = a[1:]`) or returned keeps what it needs: the retain of the new
    value or of the result is separate.
  }];
}

def ChooseParallelNests : Pass<"weft-choose-parallel-nests"> {
  let summary = "Decide which array loop nests run on several threads.";
  let description = [{
    Starting threads costs more than it saves on small arrays. For every
    `scf.parallel` that MLIRGen marked with `weft.parallel_work %work` (the
    loop nest of an array statement, or a `for` loop proven independent,
    with its trip count), this pass compares `%work` with
    `threshold` at run time:
    - a nest whose body has no loop of its own, and every nest of a
      function that targets the GPU, is put under
      `scf.if %work >= threshold` with a serial copy (`scf.for` loops) in
      the else-branch: cheap to compile and the fastest for small arrays
      in hot loops (and, on the GPU, small arrays stay on the host);
    - any other nest is compiled once: the mark becomes
      `weft.parallel_if`, so the nest runs on the calling thread alone
      below the threshold (`weft-lower-parallel-if`).
    A nest whose `%work` is a constant, or that is inside another parallel
    loop (an array statement in a `prange` body), is decided at compile
    time: one copy, the `scf.parallel` or serial loops. Loops that the program
    writes as `prange` carry no mark and always run in parallel.
  }];
  let options = [
    Option<"threshold", "threshold", "int64_t",
           /*default=*/"::weft::kParallelThreshold",
           "Elements from which an array statement runs in parallel">,
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::scf::SCFDialect"];
}

def LowerParallelIf : Pass<"weft-lower-parallel-if"> {
  let summary = "Make weft.parallel_if the if clause of its omp.parallel.";
  let description = [{
    Runs after `convert-scf-to-openmp`: every `weft.parallel_if %c` in the
    body of an `omp.loop_nest` becomes the `if(%c)` clause of the
    `omp.parallel` around that loop (false: the region runs on the calling
    thread alone, at the cost of about a microsecond, instead of a second
    compiled copy of the loop nest). A `weft.parallel_if` anywhere else is
    an error.
  }];
  let dependentDialects = ["::mlir::omp::OpenMPDialect"];
}

def KeyFloatReductions : Pass<"weft-key-float-reductions"> {
  let summary = "Float min/max reductions of scf.parallel on integer keys.";
  let description = [{
    Runs before `convert-scf-to-openmp`. A reduction of an `scf.parallel`
    whose combiner is `arith.minimumf` or `arith.maximumf` (a prange
    `m = min(m, x)`; NaN propagates, -0.0 is below +0.0) has no OpenMP
    form: OpenMP's float min/max starts from the largest finite value
    (inf came out as 1.8e308) and keeps or loses a NaN by the order of the
    partial results. This pass carries such a value as an integer key of
    the same order (the float's bits with the lower ones flipped for
    negative values) reduced by `cmpi` + `select`, which is exact in any
    order and which OpenMP reduces with the right identity, plus an `i32`
    flag of whether a NaN was seen (reduced by `ori`). After the loop the
    key is turned back into the float, and the result is NaN when the flag
    is set. Results are the same on any number of threads.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::scf::SCFDialect"];
}

def BalanceParallelLoops : Pass<"weft-balance-parallel-loops", "::mlir::ModuleOp"> {
  let summary = "Deal the iterations of uneven OpenMP loops in chunks.";
  let description = [{
    Runs after `convert-scf-to-openmp`. An `omp.wsloop` without a schedule
    divides its iterations into one contiguous block per thread, which is
    right when every iteration does the same work. When the work may differ
    from one iteration to the next (an inner loop whose trip count changes
    with the iteration, such as the triangle `for j in range(i + 1, n)`; a
    `while` loop; a call of a function with one of these, given arguments
    that depend on the iteration), the block of one thread can take much longer than the
    others'. Such loops get `schedule(static, c)`: chunks of `c`
    iterations dealt to the threads in turn, where `c` gives each thread
    about eight chunks (`omp_get_num_threads()`), at least 1 and at most
    `max-chunk` iterations. Which thread
    runs which iteration still depends only on the number of threads, so a
    floating-point reduction gives the same result on every run. The loop
    report says which loops were balanced and why.
  }];
  let options = [
    Option<"maxChunk", "max-chunk", "int64_t", /*default=*/"64",
           "The largest chunk of iterations dealt to one thread at a time">
  ];
  let dependentDialects = ["::mlir::omp::OpenMPDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::func::FuncDialect"];
}

def InstrumentMetrics : Pass<"weft-instrument-metrics", "::mlir::ModuleOp"> {
  let summary = "Time entry calls and count parallel regions.";
  let description = [{
    For `weft run --metrics`: wraps every call from the script's top level
    (`__weft_main`) to one of its functions in `weft.metrics_enter` /
    `weft.metrics_exit`, and puts `weft.metrics_parallel_region` before
    each outermost `scf.parallel` (under `scf.if` when a `weft.parallel_if`
    makes it parallel only sometimes). Code compiled without it has no
    instrumentation at all.
  }];
  let dependentDialects = ["::weft::WeftDialect"];
}

def CheckRecursion : Pass<"weft-check-recursion", "::mlir::ModuleOp"> {
  let summary = "Guard recursive functions against stack overflow.";
  let description = [{
    Deep recursion must be a `RecursionError` with the function's name and
    line, as in Python, not a crash of the host. For every `func.func` on
    a cycle of the call graph (the only way to make the call depth
    unbounded), this pass puts `weft.stack_check` at its entry, reached
    only when the stack pointer lies in the lowest 4 KiB of a 64 KiB
    window (one call in 16 at most, so recursion stays fast); when the
    check says stop (an error recorded inside a parallel loop), the
    function returns zero values (empty arrays) at once.
  }];
  let dependentDialects = ["::weft::WeftDialect",
                           "::mlir::LLVM::LLVMDialect",
                           "::mlir::cf::ControlFlowDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect"];
}

def MarkAllocSites : Pass<"weft-mark-alloc-sites", "::mlir::ModuleOp"> {
  let summary = "Give array allocations their source line for MemoryError.";
  let description = [{
    Puts `weft.alloc_site line N` before every `memref.alloc` of the host
    functions whose location has a source line, so that a `MemoryError`
    (the `--max-memory` limit, out of memory) names the statement that
    allocated, in parallel loops too.
  }];
  let dependentDialects = ["::weft::WeftDialect"];
}

def RecordDeviceErrors : Pass<"weft-gpu-record-errors", "::mlir::ModuleOp"> {
  let summary = "Checks in a GPU function's parallel loops record into a word.";
  let description = [{
    The device has no runtime to report to. In each outermost
    `scf.parallel` of a GPU function, every `weft.fail` becomes an atomic
    minimum of (iteration number x 1024 + check site) on one word
    allocated before the loop; after the loop, on the host, the site of
    the smallest key raises its error: the first failing iteration's
    first failing check, as on the CPU. Runs before `weft-gpu-map-loops`,
    which only maps loops without runtime calls.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect"];
}

def MapLoopsToGPU : Pass<"weft-gpu-map-loops", "::mlir::ModuleOp"> {
  let summary = "Tile device-safe parallel loops and map them to the GPU.";
  let description = [{
    For `--target=gpu`: every outermost one-dimensional `scf.parallel`
    without reductions whose body only computes (arith, math, index,
    memref loads and stores, scf control flow: no calls, no weft runtime
    operations, no allocation) is tiled by `block-size` and its tile loop
    mapped to GPU blocks, the intra-tile loop to threads, so that
    `convert-parallel-loops-to-gpu` turns it into a `gpu.launch`. Such a
    loop with reductions (`+ *`, `min max` as compare-and-select, as NaN-
    propagating `minimumf maximumf` or as `minsi maxsi`, `and or` of 32
    bits or more) becomes a `gpu.launch` directly: grid-stride partial
    results per thread, `gpu.all_reduce` per block, one value per block
    folded on the host. Other loops stay on the CPU; a reduction among
    them whose combiner the host's OpenMP lowering lacks (`minimumf`,
    `minsi` and their max forms) becomes serial `scf.for` loops.
  }];
  let options = [
    Option<"blockSize", "block-size", "int64_t", /*default=*/"256",
           "threads per block">
  ];
  let dependentDialects = ["::mlir::gpu::GPUDialect",
                           "::mlir::affine::AffineDialect"];
}

#endif // WEFT_PASSES
