//===- WeftArrayOps.td - The weft dialect's array operations -*- tablegen -*-===//
//
// Operations with the array language's semantics (elementwise maps,
// reductions, indexing, views, Python arithmetic, random numbers), each
// expanded by a lowering pass. Included by WeftOps.td.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_ARRAY_OPS
#define WEFT_ARRAY_OPS

//===----------------------------------------------------------------------===//
// Array semantics: elementwise maps and reductions, lowered to loop nests
// by weft-lower-elementwise after weft-fuse-elementwise has merged them.
//===----------------------------------------------------------------------===//

def Weft_MapOp : Weft_Op<"map", [SingleBlock]> {
  let summary = "An elementwise array operation with NumPy broadcasting.";
  let description = [{
    For every index of `output`, runs the body on the elements of the
    `inputs` at that index and stores what it yields there. Each input is
    broadcast to the output's shape as NumPy does (its axes align with the
    output's last axes; an axis of size 1 repeats): the front end has
    checked that the shapes broadcast. The body's arguments are one
    element of each input, then the output's current element (read only
    if used, as `a += b` does). It may use values defined above it
    (scalar operands). When an input overlaps the output with another
    layout (`a[1:] = a[:-1]`) the result is as if the whole right side
    were computed first. `serial` keeps the nest on one thread
    (`@jit(parallel=False)`).

    `weft-fuse-elementwise` merges a map whose output is a fresh array
    read by one other map or reduce into it; `weft-lower-elementwise`
    turns it into a loop nest marked with `weft.parallel_work`.

    ```mlir
    weft.map ins(%a, %b : memref<?xf64>, memref<?x?xf64>) outs(%c : memref<?x?xf64>) {
    ^bb0(%x: f64, %y: f64, %cur: f64):
      %s = arith.addf %x, %y : f64
      weft.yield %s : f64
    }
    ```
  }];
  let arguments = (ins Arg<Variadic<AnyMemRef>, "the operands", [MemRead]>:$inputs,
                       Arg<AnyMemRef, "the result", [MemRead, MemWrite]>:$output,
                       UnitAttr:$serial);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    (`ins` `(` $inputs^ `:` type($inputs) `)`)? `outs` `(` $output `:`
    type($output) `)` $body attr-dict
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The body's argument for the output's current element.
    mlir::BlockArgument getOutputElement() {
      return getBody().front().getArguments().back();
    }
    /// The value the body yields.
    mlir::Value getYielded();
  }];
}

def Weft_ReductionKind : I32EnumAttr<"ReductionKind",
    "what weft.reduce computes", [
      I32EnumAttrCase<"sum", 0>, I32EnumAttrCase<"prod", 1>,
      I32EnumAttrCase<"min", 2>, I32EnumAttrCase<"max", 3>,
      I32EnumAttrCase<"argmin", 4>, I32EnumAttrCase<"argmax", 5>,
      I32EnumAttrCase<"any", 6>, I32EnumAttrCase<"all", 7>,
      I32EnumAttrCase<"mean", 8>, I32EnumAttrCase<"var", 9>,
      I32EnumAttrCase<"std", 10>]> {
  let cppNamespace = "::weft";
}

def Weft_ReduceOp : Weft_Op<"reduce", [SingleBlock, AttrSizedOperandSegments]> {
  let summary = "A reduction of an array expression, whole or along an axis.";
  let description = [{
    Folds the elements the body yields over the index space `dims`: for
    each index, the body gets the elements of the `inputs` there (each
    broadcast to `dims` as NumPy does) and yields one value. Without
    `axis` the whole space is reduced to the scalar result; with `axis`
    each element of `output` (the space without that axis) is the
    reduction along it. The body yields the result's type for sum, prod,
    mean, var and std (NumPy's promotion is the front end's), i1 for any
    and all, the element compared for min, max, argmin and argmax.
    min/max/argmin/argmax of an empty space are checked by the front end.
    Results are NumPy's, and the same for any number of threads: whole
    reductions are computed per chunk in parallel and combined in chunk
    order; a whole sum of a 1-D f64 array uses NumPy's pairwise order, bit
    for bit. `serial`, or a place in the body of an `scf.parallel`, keeps
    it on one thread.

    `weft-fuse-elementwise` merges the maps computing an input into the
    body; `weft-lower-elementwise` lowers it.

    ```mlir
    %s = weft.reduce sum ins(%a, %b : memref<?xf64>, memref<?xf64>) dims(%n) {
    ^bb0(%x: f64, %y: f64):
      %p = arith.mulf %x, %y : f64
      weft.yield %p : f64
    } -> f64
    weft.reduce max axis 1 ins(%m : memref<?x?xi64>) dims(%r, %c) outs(%o : memref<?xi64>) {
    ^bb0(%x: i64):
      weft.yield %x : i64
    }
    ```
  }];
  let arguments = (ins Weft_ReductionKind:$kind,
                       OptionalAttr<I64Attr>:$axis,
                       Arg<Variadic<AnyMemRef>, "the operands", [MemRead]>:$inputs,
                       Variadic<Index>:$dims,
                       Arg<Optional<AnyMemRef>, "the result along an axis", [MemWrite]>:$output,
                       UnitAttr:$serial);
  let results = (outs Optional<AnyType>:$result);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    $kind (`axis` $axis^)? (`ins` `(` $inputs^ `:` type($inputs) `)`)?
    `dims` `(` $dims `)` (`outs` `(` $output^ `:` type($output) `)`)?
    $body attr-dict (`->` type($result)^)?
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The value the body yields.
    mlir::Value getYielded();
  }];
}

def Weft_ParallelForOp : Weft_Op<"parallel_for",
    [RecursiveMemoryEffects, SingleBlock]> {
  let summary = "A loop whose iterations may run at once (prange).";
  let description = [{
    Runs `count` iterations, numbered 0 to `count - 1`, in any order and on
    any number of threads: a `prange` loop, or with `automatic` a `range`
    loop the front end proved independent (parallel from
    weft-choose-parallel-nests's threshold of iterations on, when it has no
    reductions). The body gets the iteration number and, for each
    reduction, the value it starts from: the identity of its `kinds` entry
    (a `weft.reduce` kind: `sum` 0, `prod` 1, `min` the largest value, `max` the smallest; for
    floats +-inf). It yields each reduction's part; the results are the
    `inits` combined with every iteration's part (float min and max
    propagate NaN). Errors raised by iterations are recorded and raised
    after the loop. A `fastmath` attribute (arith's flags) goes on the
    combining operations. `weft-lower-parallel-for` makes it an `scf.parallel`
    with `scf.reduce`, then `weft.raise_recorded`.

    ```mlir
    %s = weft.parallel_for %n reduce(%zero : f64) kinds ["sum"] {
    ^bb0(%k: i64, %acc: f64):
      %x = arith.sitofp %k : i64 to f64
      %t = arith.addf %acc, %x : f64
      weft.parallel_yield %t : f64
    } -> f64
    ```
  }];
  let arguments = (ins I64:$count, Variadic<AnyType>:$inits,
                       StrArrayAttr:$kinds,
                       UnitAttr:$automatic);
  let results = (outs Variadic<AnyType>:$results);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    $count (`automatic` $automatic^)?
    (`reduce` `(` $inits^ `:` type($inits) `)`)? `kinds` $kinds
    $body attr-dict (`->` type($results)^)?
  }];
  let hasVerifier = 1;
}

def Weft_ParallelYieldOp : Weft_Op<"parallel_yield",
    [Pure, Terminator, HasParent<"ParallelForOp">]> {
  let summary = "Ends an iteration of weft.parallel_for: the reductions' parts.";
  let description = [{
    ```mlir
    weft.parallel_yield %t : f64
    ```
  }];
  let arguments = (ins Variadic<AnyType>:$values);
  let assemblyFormat = "($values^ `:` type($values))? attr-dict";
}

def Weft_ScanOp : Weft_Op<"scan"> {
  let summary = "Running sums or products of a 1-D array (cumsum, cumprod).";
  let description = [{
    Writes into `output` (1-D, as long as `input`) the running `sum` or
    `prod` of `input`'s elements, each converted to `output`'s element
    type first (NumPy's promotion, decided by the front end), in order.
    `weft-lower-reductions` makes it one serial loop.

    ```mlir
    weft.scan sum %a, %out : memref<?xi32, strided<[?], offset: ?>>, memref<?xi64, strided<[?], offset: ?>>
    ```
  }];
  let arguments = (ins Weft_ReductionKind:$kind,
                       Arg<AnyMemRef, "the array", [MemRead]>:$input,
                       Arg<AnyMemRef, "the running totals", [MemWrite]>:$output);
  let assemblyFormat = [{
    $kind $input `,` $output attr-dict `:` type($input) `,` type($output)
  }];
  let hasVerifier = 1;
}

def Weft_IndexOp : Weft_Op<"index", [Pure]> {
  let summary = "The index along an axis of the element a weft.map computes.";
  let description = [{
    In the body of a `weft.map`: the index, along axis `dim` of the
    output, of the element being computed (array constructors such as
    `eye`, `linspace` and random arrays depend on it). A map whose body
    uses it is not merged into another map, whose indices differ.

    ```mlir
    %i = weft.index 0
    ```
  }];
  let arguments = (ins I64Attr:$dim);
  let results = (outs Index:$result);
  let assemblyFormat = "$dim attr-dict";
  let hasVerifier = 1;
}

def Weft_YieldOp : Weft_Op<"yield",
    [Pure, Terminator, ParentOneOf<["MapOp", "ReduceOp"]>]> {
  let summary = "The element a weft.map or weft.reduce body produces.";
  let description = [{
    Ends the body of a `weft.map` (the value stored at the element's
    index) or of a `weft.reduce` (the value folded).

    ```mlir
    weft.yield %x : f64
    ```
  }];
  let arguments = (ins AnyType:$value);
  let assemblyFormat = "$value attr-dict `:` type($value)";
}

//===----------------------------------------------------------------------===//
// Python's integer and float arithmetic where it differs from arith's,
// lowered by weft-lower-math after the last canonicalization.
//===----------------------------------------------------------------------===//

class Weft_PythonArithOp<string mnemonic>
    : Weft_Op<mnemonic, [Pure, SameOperandsAndResultType]> {
  let arguments = (ins AnyTypeOf<[I32, I64, F32, F64]>:$lhs,
                       AnyTypeOf<[I32, I64, F32, F64]>:$rhs);
  let results = (outs AnyTypeOf<[I32, I64, F32, F64]>:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` type($result)";
  let hasFolder = 1;
}

def Weft_FloorDivOp : Weft_PythonArithOp<"floordiv"> {
  let summary = "Python's //, with NumPy's results where Python raises.";
  let description = [{
    Integers: the floor of the quotient. Never traps: a zero divisor gives
    0 and `MIN // -1` wraps to `MIN`, as in NumPy (the front end checks a
    zero divisor first where Python raises). Floats: CPython's
    `float_floor_div`, exact where `floor(lhs / rhs)` is not (`1 // 0.1`
    is 9.0), a zero quotient with the sign of `lhs / rhs`; a zero divisor
    gives `lhs / rhs` (an infinity or NaN), as NumPy's `floor_divide`.

    ```mlir
    %q = weft.floordiv %a, %b : i64
    ```
  }];
}

def Weft_ModOp : Weft_PythonArithOp<"mod"> {
  let summary = "Python's %: the result takes the divisor's sign.";
  let description = [{
    Integers: `lhs - (lhs // rhs) * rhs`; a zero divisor gives 0, as in
    NumPy. Floats: the remainder with the divisor's sign; a zero remainder
    is a zero with the divisor's sign (`-4.0 % 2.0` is `0.0`); a NaN
    remainder stays NaN and a zero divisor gives NaN.

    ```mlir
    %r = weft.mod %a, %b : f64
    ```
  }];
}

def Weft_ShiftLeftOp : Weft_PythonArithOp<"shl"> {
  let summary = "<< on integers; counts past the width give 0.";
  let description = [{
    `lhs << rhs` for a count in [0, width); any other count shifts every
    bit out (0), as NumPy does, where `arith.shli` would give poison.

    ```mlir
    %s = weft.shl %a, %n : i64
    ```
  }];
  let arguments = (ins AnyTypeOf<[I32, I64]>:$lhs, AnyTypeOf<[I32, I64]>:$rhs);
  let results = (outs AnyTypeOf<[I32, I64]>:$result);
}

def Weft_ShiftRightOp : Weft_PythonArithOp<"shr"> {
  let summary = "Arithmetic >> on integers; counts past the width give the sign.";
  let description = [{
    `lhs >> rhs` (arithmetic) for a count in [0, width); any other count
    shifts every bit out: 0, or -1 for a negative `lhs`, as NumPy does.

    ```mlir
    %s = weft.shr %a, %n : i64
    ```
  }];
  let arguments = (ins AnyTypeOf<[I32, I64]>:$lhs, AnyTypeOf<[I32, I64]>:$rhs);
  let results = (outs AnyTypeOf<[I32, I64]>:$result);
}

def Weft_BroadcastShapeOp : Weft_Op<"broadcast_shape",
    [AttrSizedOperandSegments]> {
  let summary = "The shape NumPy's broadcasting gives arrays, checked.";
  let description = [{
    Without `into`: the shape the `arrays` broadcast to (NumPy's rule: the
    axes align at the end; per axis, the size that is not 1), one result
    per axis. With `into`: `target`, the shape of an array assigned to,
    which every array must broadcast to (`a[:, 1:] = b`). Shapes that do
    not broadcast raise `ValueError` at source line `line`, naming the
    shapes as NumPy does; inside a parallel loop, where the error is
    recorded and the code goes on, every result is then 0 so the statement
    touches no element. `weft-lower-broadcast` expands it before fusion.

    ```mlir
    %n, %m = weft.broadcast_shape %a, %b line 4 : memref<?xf64, strided<[?], offset: ?>>, memref<?x?xf64, strided<[?, ?], offset: ?>>
    %r, %c = weft.broadcast_shape %a into (%d0, %d1) line 5 : memref<?xf64, strided<[?], offset: ?>>
    ```
  }];
  let arguments = (ins Variadic<AnyMemRef>:$arrays, Variadic<Index>:$target,
                       I64Attr:$line);
  let results = (outs Variadic<Index>:$sizes);
  let assemblyFormat = [{
    $arrays (`into` `(` $target^ `)`)? `line` $line attr-dict `:`
    type($arrays) (`->` type($sizes)^)?
  }];
  let hasVerifier = 1;
}

def Weft_WrapIndexOp : Weft_Op<"wrap_index"> {
  let summary = "A Python index into an axis: negative from the end, checked.";
  let description = [{
    The position in an axis of `size` elements that Python's index `index`
    names: `index + size` for a negative one. With `checked`
    (`boundscheck`, and always for a Python list's index: axis -1) an
    index outside [-size, size) raises `IndexError` naming `axis` and
    source line `line`; inside a parallel loop, where
    the error is recorded and the code goes on, the result is 0 and `bad`
    is true, so the caller can skip the access. Without `checked`, `bad`
    is false. `weft-lower-indexing` expands it, without the negative case
    when the index is provably not negative (a loop counter from 0, sums
    and products of such values), which keeps addresses affine for the
    vectorizer.

    ```mlir
    %i, %bad = weft.wrap_index %k, %n checked axis 0 line 7
    ```
  }];
  let arguments = (ins I64:$index, Index:$size, UnitAttr:$checked,
                       I64Attr:$axis, I64Attr:$line);
  let results = (outs Index:$result, I1:$bad);
  let assemblyFormat =
      "$index `,` $size (`checked` $checked^)? `axis` $axis `line` $line attr-dict";
  let hasVerifier = 1;
}

def Weft_SliceOp : Weft_Op<"slice", [Pure]> {
  let summary = "A view of an array by Python's indices and slices.";
  let description = [{
    One entry of `axes` per axis of `array`, in order, with entries 32
    between them: 0 keeps the axis whole (`:`); 1 takes one position (the
    next operand, already wrapped and checked by `weft.wrap_index`) and
    drops the axis; 2 is a slice, plus 4, 8 and 16 when its start, stop
    and step are given (the next operands, in that order; a step is not
    zero: the front end checks it); 32 (`None`, `newaxis`) inserts an axis
    of size 1 and consumes none. Slices follow Python's rules
    (`PySlice_AdjustIndices`): negative bounds count from the end and
    bounds clamp to the axis. The result shares the array's buffer.
    `weft-lower-indexing` turns it into `memref.reinterpret_cast`.

    ```mlir
    %v = weft.slice %a [1, 14](%i, %lo, %step) : memref<?x?xf64, strided<[?, ?], offset: ?>> -> memref<?xf64, strided<[?], offset: ?>>
    ```
  }];
  let arguments = (ins AnyMemRef:$array, Variadic<Index>:$bounds,
                       DenseI64ArrayAttr:$axes);
  let results = (outs AnyMemRef:$result);
  let assemblyFormat = [{
    $array $axes (`(` $bounds^ `)`)? attr-dict `:` type($array) `->`
    type($result)
  }];
  let hasVerifier = 1;
}

def Weft_TransposeOp : Weft_Op<"transpose", [Pure]> {
  let summary = "An array's transpose (`a.T`): a view with its axes permuted.";
  let description = [{
    The result shares the array's buffer; axis i of the result is axis
    `permutation[i]` of the array (its size and stride), or without
    `permutation` the array's axes in reverse order, as NumPy's `a.T`.
    `weft-lower-indexing` turns it into `memref.reinterpret_cast`.

    ```mlir
    %t = weft.transpose %a : memref<?x?xf64, strided<[?, ?], offset: ?>> -> memref<?x?xf64, strided<[?, ?], offset: ?>>
    %p = weft.transpose %b {permutation = array<i64: 1, 0, 2>} : memref<?x?x?xf64, strided<[?, ?, ?], offset: ?>> -> memref<?x?x?xf64, strided<[?, ?, ?], offset: ?>>
    ```
  }];
  let arguments = (ins AnyMemRef:$array,
                       OptionalAttr<DenseI64ArrayAttr>:$permutation);
  let results = (outs AnyMemRef:$result);
  let assemblyFormat = "$array attr-dict `:` type($array) `->` type($result)";
  let hasVerifier = 1;
}

def Weft_ViewDtypeOp : Weft_Op<"view_dtype", [Pure]> {
  let summary = "NumPy's `a.view(dtype)`: the array's bytes read as another "
                "element type.";
  let description = [{
    The result shares the array's buffer and reads its bytes as elements
    of the result's type: the last axis holds `size * in_bytes /
    out_bytes` of them, the other axes keep their sizes, and their strides
    count the new elements. The front end checks what NumPy requires (the
    last axis contiguous and its bytes a multiple of the new size when the
    sizes differ) and that the other axes' strides are whole elements of
    the new type. Lowered to LLVM directly (memref casts keep the element
    type).

    ```mlir
    %v = weft.view_dtype %a : memref<?xi8, strided<[?], offset: ?>> -> memref<?xi64, strided<[?], offset: ?>>
    ```
  }];
  let arguments = (ins AnyMemRef:$array);
  let results = (outs AnyMemRef:$result);
  let assemblyFormat = "$array attr-dict `:` type($array) `->` type($result)";
  let hasVerifier = 1;
}

def Weft_ReshapeOp : Weft_Op<"reshape"> {
  let summary = "NumPy's reshape and ravel: the elements in a new shape.";
  let description = [{
    The array's elements in row-major order, in the shape `sizes` (not
    negative: the front end checks them), or as one axis without `sizes`
    (`ravel`). A new shape with another number of elements raises NumPy's
    `ValueError: cannot reshape array of shape (..) into shape (..)`, one
    whose size in bytes overflows 64 bits `MemoryError`, naming source
    line `line`. The result is a view of the array when it is contiguous,
    else of a contiguous copy (a parallel nest unless `serial`); either
    way it holds one reference of its own (the array's, retained, or the
    copy's) that the program releases. `weft-lower-indexing` expands it.

    ```mlir
    %r = weft.reshape %a (%n, %m) line 4 : memref<?xf64, strided<[?], offset: ?>> -> memref<?x?xf64, strided<[?, ?], offset: ?>>
    ```
  }];
  let arguments = (ins Arg<AnyMemRef, "the array", [MemRead]>:$array,
                       Variadic<Index>:$sizes, I64Attr:$line,
                       UnitAttr:$serial);
  let results = (outs Res<AnyMemRef, "the view", [MemAlloc]>:$result);
  let assemblyFormat = [{
    $array (`(` $sizes^ `)`)? `line` $line (`serial` $serial^)? attr-dict `:`
    type($array) `->` type($result)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// NumPy's numerical ranges, expanded by weft-lower-ranges.
//===----------------------------------------------------------------------===//

def Weft_ArangeOp : Weft_Op<"arange",
    [AllTypesMatch<["start", "stop", "step"]>]> {
  let summary = "NumPy's arange: a new 1-D array start, start + step, ...";
  let description = [{
    The values `start + i * step` below `stop` (above it for a negative
    step), computed in the operands' type (i64, or f64 when an argument is
    a float) and converted to the result's element type. A zero step is
    Python's `ZeroDivisionError` and a NaN bound or step NumPy's
    `ValueError`, raised at source line `line`, as is the `MemoryError`
    of a length too large to allocate. `serial` (a function compiled with
    `parallel=False`) keeps the filling loop on one thread.

    ```mlir
    %a = weft.arange %start, %stop, %step line 3 : i64 -> memref<?xi64, strided<[?], offset: ?>>
    ```
  }];
  let arguments = (ins AnyTypeOf<[I64, F64]>:$start, AnyTypeOf<[I64, F64]>:$stop,
                       AnyTypeOf<[I64, F64]>:$step, I64Attr:$line,
                       UnitAttr:$serial);
  let results = (outs AnyMemRef:$result);
  let assemblyFormat = [{
    $start `,` $stop `,` $step `line` $line (`serial` $serial^)? attr-dict
    `:` type($start) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Weft_LinspaceOp : Weft_Op<"linspace"> {
  let summary = "NumPy's linspace: `num` evenly spaced numbers.";
  let description = [{
    `start + i * step` with `step = (stop - start) / (num - 1)` (by 1 for
    `num` below 2), and exactly `stop` as the last of two or more, as
    NumPy computes them; a new 1-D f64 array of `num` elements (a
    `MemoryError` at line `line` when too large to allocate); `serial` as
    for `weft.arange`.

    ```mlir
    %a = weft.linspace %start, %stop, %num line 3 -> memref<?xf64, strided<[?], offset: ?>>
    ```
  }];
  let arguments = (ins F64:$start, F64:$stop, Index:$num, I64Attr:$line,
                       UnitAttr:$serial);
  let results = (outs AnyMemRef:$result);
  let assemblyFormat = [{
    $start `,` $stop `,` $num `line` $line (`serial` $serial^)? attr-dict
    `->` type($result)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// NumPy's float functions whose rules arith and math do not have, lowered
// by weft-lower-math.
//===----------------------------------------------------------------------===//

class Weft_NumpyFloatOp<string mnemonic>
    : Weft_Op<mnemonic, [Pure, SameOperandsAndResultType]> {
  let arguments = (ins AnyTypeOf<[F32, F64]>:$lhs,
                       AnyTypeOf<[F32, F64]>:$rhs);
  let results = (outs AnyTypeOf<[F32, F64]>:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` type($result)";
}

def Weft_MinimumOp : Weft_NumpyFloatOp<"minimum"> {
  let summary = "NumPy's minimum of two floats.";
  let description = [{
    `(lhs < rhs || isnan(lhs)) ? lhs : rhs`: a NaN operand gives NaN, and
    of two equal values (0.0 and -0.0) the second wins, as in NumPy
    (`arith.minimumf` orders -0.0 below 0.0).

    ```mlir
    %m = weft.minimum %x, %y : f64
    ```
  }];
}

def Weft_MaximumOp : Weft_NumpyFloatOp<"maximum"> {
  let summary = "NumPy's maximum of two floats.";
  let description = [{
    `(lhs > rhs || isnan(lhs)) ? lhs : rhs`, as `weft.minimum`.

    ```mlir
    %m = weft.maximum %x, %y : f64
    ```
  }];
}

def Weft_RoundOp : Weft_NumpyFloatOp<"round"> {
  let summary = "NumPy's around(x, decimals) of a float.";
  let description = [{
    `lhs * 10**rhs` rounded half to even, divided by `10**rhs`; for a
    negative number of decimals, `lhs / 10**-rhs` rounded and multiplied
    back (NumPy's formula, so `around(2.675, 2)` is 2.67 as there). The
    decimals are a whole number in the float type.

    ```mlir
    %r = weft.round %x, %decimals : f64
    ```
  }];
}

def Weft_IscloseOp : Weft_Op<"isclose", [Pure, AllTypesMatch<["x", "y", "rtol", "atol"]>]> {
  let summary = "NumPy's isclose of two floats.";
  let description = [{
    `|x - y| <= atol + rtol * |y|` when both are finite; otherwise
    whether they are equal (infinities of one sign), or both NaN when
    `equal_nan` holds.

    ```mlir
    %c = weft.isclose %x, %y, %rtol, %atol, %equalNan : f64
    ```
  }];
  let arguments = (ins AnyTypeOf<[F32, F64]>:$x, AnyTypeOf<[F32, F64]>:$y,
                       AnyTypeOf<[F32, F64]>:$rtol, AnyTypeOf<[F32, F64]>:$atol,
                       I1:$equal_nan);
  let results = (outs I1:$result);
  let assemblyFormat = [{
    $x `,` $y `,` $rtol `,` $atol `,` $equal_nan attr-dict `:` type($x)
  }];
}

//===----------------------------------------------------------------------===//
// Random numbers: the counter-based formula of runtime/RandomFormula.h,
// expanded to arith by weft-lower-random. Streams and draw counters come
// from the runtime (weft.rng_stream, weft.rng_bits) or, in a parallel
// loop, from the loop's key and the iteration.
//===----------------------------------------------------------------------===//

def Weft_RandomBitsOp : Weft_Op<"random_bits", [Pure]> {
  let summary = "The 64 random bits of one element of a random stream.";
  let description = [{
    Element `counter` of the stream with key `key` (the elements of
    `rand(n)` are counters 0 to n - 1 of one stream).

    ```mlir
    %z = weft.random_bits %key, %i
    ```
  }];
  let arguments = (ins I64:$key, I64:$counter);
  let results = (outs I64:$result);
  let assemblyFormat = "$key `,` $counter attr-dict";
}

def Weft_IterationDrawOp : Weft_Op<"iteration_draw", [Pure]> {
  let summary = "Draw number `draw` of an iteration of a parallel loop.";
  let description = [{
    The 64 bits of the `draw`-th random draw made by iteration `iteration`
    of a parallel loop whose streams derive from `loop_key`: the same for
    any number of threads and any order of iterations, and the bits the
    runtime's `weft_rt_rng_stream` returns inside that iteration.

    ```mlir
    %z = weft.iteration_draw %loopKey, %k, %iv
    ```
  }];
  let arguments = (ins I64:$loop_key, I64:$draw, I64:$iteration);
  let results = (outs I64:$result);
  let assemblyFormat = "$loop_key `,` $draw `,` $iteration attr-dict";
  let hasVerifier = 1;
}

def Weft_UniformOp : Weft_Op<"uniform", [Pure]> {
  let summary = "A uniform number in [0, 1) from 64 random bits.";
  let description = [{
    The top 53 bits of `bits` as a multiple of 2^-53, as NumPy's
    `random()`.

    ```mlir
    %u = weft.uniform %z
    ```
  }];
  let arguments = (ins I64:$bits);
  let results = (outs F64:$result);
  let assemblyFormat = "$bits attr-dict";
}

def Weft_NormalOp : Weft_Op<"normal", [Pure]> {
  let summary = "A standard normal number from a random stream.";
  let description = [{
    Element `counter` of `randn`'s stream with key `key`: Box-Muller from
    the uniform numbers of the stream's elements 2 `counter` and
    2 `counter` + 1 (the log's argument is in (0, 1], so it is finite).

    ```mlir
    %g = weft.normal %key, %i
    ```
  }];
  let arguments = (ins I64:$key, I64:$counter);
  let results = (outs F64:$result);
  let assemblyFormat = "$key `,` $counter attr-dict";
}

def Weft_RandintOp : Weft_Op<"randint", [Pure]> {
  let summary = "An integer in [lo, hi) from 64 random bits.";
  let description = [{
    `lo` plus an offset below the width `hi - lo` (an unsigned 64-bit
    number, exact even for the whole int64 range): for widths up to 2^53
    `floor(uniform(bits) * width)`, for wider ones the high half of the
    128-bit product `bits * width`, which reaches every value. The front
    end checks `lo < hi` first.

    ```mlir
    %r = weft.randint %z, %lo, %hi
    ```
  }];
  let arguments = (ins I64:$bits, I64:$lo, I64:$hi);
  let results = (outs I64:$result);
  let assemblyFormat = "$bits `,` $lo `,` $hi attr-dict";
}

//===----------------------------------------------------------------------===//
// List comprehensions, expanded by weft-lower-comprehensions.
//===----------------------------------------------------------------------===//

def Weft_ComprehensionOp : Weft_Op<"comprehension",
    [RecursiveMemoryEffects]> {
  let summary = "[elt for x in it if c]: a new array of one value per iteration.";
  let description = [{
    A list comprehension over `count` iterations, as a new array (the first
    result). With `fields` N > 1 it is a list of N-tuples held as N arrays,
    one per field: the first N results, and `element` yields N values.
    Both regions take the iteration's index, then the current `carried`
    values (the slots the front end threads through code, such as the
    counter of random draws), and end with `weft.comprehension_yield`.
    `element` yields the iteration's value (N of them), then the carried
    values:
    a number (converted to the result's element type by the front end), or
    an array, of which the op takes the reference (the front end retains a
    view). `condition`, when present, yields whether the iteration is kept
    (i1), then the carried values; `element` then runs only for kept
    iterations, and the result is a view of the kept values.

    For array elements the result has one more axis: the first element
    fixes the shape of the others, and an element of another shape is
    NumPy's `ValueError` ("inhomogeneous shape") at source line `line`
    (after an error recorded inside a parallel loop, the copy takes the
    common part). `weft-lower-comprehensions` makes it a serial loop.

    ```mlir
    %r, %k = weft.comprehension %n iter_args(%k0 : i64) element {
    ^bb0(%i: index, %k1: i64):
      %x = arith.index_cast %i : index to i64
      weft.comprehension_yield %x, %k1 : i64, i64
    } line 3 : memref<?xi64, strided<[?], offset: ?>>, i64
    ```
  }];
  let arguments = (ins Index:$count, Variadic<AnyType>:$inits,
                       I64Attr:$line, DefaultValuedAttr<I64Attr, "1">:$fields);
  let results = (outs Variadic<AnyType>:$outs);
  let regions = (region AnyRegion:$condition, SizedRegion<1>:$element);
  let assemblyFormat = [{
    $count (`iter_args` `(` $inits^ `:` type($inits) `)`)?
    (`if` $condition^)? `element` $element `line` $line
    (`fields` $fields^)? attr-dict `:` type($outs)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// Whether the comprehension has an `if` condition.
    bool isFiltered() { return !getCondition().empty(); }
    /// The new arrays: one, or one per field of a list of tuples.
    ::mlir::ResultRange getArrays() {
      return getOuts().take_front(getFields());
    }
    /// The carried values after the last iteration.
    ::mlir::ResultRange getCarried() {
      return getOuts().drop_front(getFields());
    }
  }];
}

def Weft_ComprehensionYieldOp : Weft_Op<"comprehension_yield",
    [Pure, Terminator, HasParent<"ComprehensionOp">]> {
  let summary = "Ends a region of weft.comprehension.";
  let description = [{
    The iteration's value (the element, or whether it is kept), then the
    carried values.

    ```mlir
    weft.comprehension_yield %x, %k : f64, i64
    ```
  }];
  let arguments = (ins Variadic<AnyType>:$values);
  let assemblyFormat = "$values attr-dict `:` type($values)";
}

def Weft_SortOp : Weft_Op<"sort"> {
  let summary = "Sorts an array in place along its last axis (NumPy's order).";
  let description = [{
    Sorts every row of `array` along its last axis in ascending order, as
    NumPy's `sort`: NaNs go last, -0.0 and 0.0 compare equal. The array
    may be any strided view. Lowered to the runtime's `weft_rt_sort`.

    ```mlir
    weft.sort %a : memref<?xf64, strided<[?], offset: ?>>
    ```
  }];
  let arguments = (ins
      Arg<AnyMemRef, "the array sorted", [MemRead, MemWrite]>:$array);
  let assemblyFormat = "$array attr-dict `:` type($array)";
  let hasVerifier = 1;
}

def Weft_ArgsortOp : Weft_Op<"argsort"> {
  let summary = "The indices that sort an array along its last axis.";
  let description = [{
    Writes into `indices` (i64, the shape of `array`) for every row of
    `array` along its last axis the positions of its elements in
    ascending order (NaNs last), equal elements in their original order
    (NumPy's `argsort(kind="stable")`). For code compiled from Python,
    `numba_quicksort` and `numba_mergesort` order equal elements and NaNs
    as Numba's np.argsort does with kind='quicksort' (its default) and
    kind='mergesort'. Lowered to the runtime's `weft_rt_argsort`.

    ```mlir
    weft.argsort %a, %idx : memref<?xf64, strided<[?], offset: ?>>, memref<?xi64, strided<[?], offset: ?>>
    ```
  }];
  let arguments = (ins Arg<AnyMemRef, "the array ordered", [MemRead]>:$array,
                       Arg<AnyMemRef, "the order", [MemWrite]>:$indices,
                       UnitAttr:$numba_quicksort,
                       UnitAttr:$numba_mergesort);
  let assemblyFormat =
      "$array `,` $indices attr-dict `:` type($array) `,` type($indices)";
  let hasVerifier = 1;
}

def Weft_CompressOp : Weft_Op<"compress"> {
  let summary = "a[mask]: the elements or sub-arrays where a mask is true.";
  let description = [{
    A new array of the elements of `array` (or, for a mask of lower rank,
    the sub-arrays along its leading axes) where the boolean `mask` is
    true, in row-major order: NumPy's boolean-mask indexing. The result
    has rank `rank(array) - rank(mask) + 1`: the number of true elements,
    then the trailing axes of `array`. The mask's shape must equal the
    leading axes of `array`; otherwise it raises NumPy's `IndexError`
    naming source line `line` (inside a parallel loop, where the code
    goes on, only the common part is read). `weft-lower-indexing` counts
    the true elements, allocates the result and copies into it.

    ```mlir
    %r = weft.compress %a, %m line 4 : memref<?x?xf64, strided<[?, ?], offset: ?>>, memref<?x?xi1, strided<[?, ?], offset: ?>> -> memref<?xf64, strided<[?], offset: ?>>
    ```
  }];
  let arguments = (ins Arg<AnyMemRef, "the array read", [MemRead]>:$array,
                       Arg<AnyMemRef, "the mask", [MemRead]>:$mask,
                       I64Attr:$line);
  let results = (outs AnyMemRef:$result);
  let assemblyFormat = [{
    $array `,` $mask `line` $line attr-dict `:` type($array) `,` type($mask)
    `->` type($result)
  }];
  let hasVerifier = 1;
}

def Weft_GatherOp : Weft_Op<"gather"> {
  let summary = "a[idx]: rows or elements picked by an integer array.";
  let description = [{
    A new array with `result[i..., j...] = array[indices[i...], j...]`:
    NumPy's integer-array ("fancy") indexing along the first axis, the
    result's shape the shape of `indices` followed by the trailing axes
    of `array`. Indices (i32 or i64) are Python's (negative from the end)
    and always
    checked: one outside the axis raises NumPy's `IndexError` naming
    source line `line` (inside a parallel loop, where the code goes on,
    that element is 0). `weft-lower-indexing` allocates the result and
    fills it in a loop nest.

    ```mlir
    %r = weft.gather %a, %idx line 3 : memref<?xf64, strided<[?], offset: ?>>, memref<?xi64, strided<[?], offset: ?>> -> memref<?xf64, strided<[?], offset: ?>>
    ```
  }];
  // `axis`: the axis of the program's array that the first axis of
  // `array` is (a[:, idx] gathers from a view with that axis first), for
  // the IndexError's message.
  let arguments = (ins Arg<AnyMemRef, "the array read", [MemRead]>:$array,
                       Arg<AnyMemRef, "the indices", [MemRead]>:$indices,
                       I64Attr:$line,
                       DefaultValuedAttr<I64Attr, "0">:$axis);
  let results = (outs AnyMemRef:$result);
  let assemblyFormat = [{
    $array `,` $indices `line` $line attr-dict `:` type($array) `,`
    type($indices) `->` type($result)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Joining arrays, expanded by weft-lower-joins.
//===----------------------------------------------------------------------===//

def Weft_ConcatenateOp : Weft_Op<"concatenate"> {
  let summary = "concatenate(arrays, axis) and stack(arrays, axis).";
  let description = [{
    A new array of the `inputs` joined along axis `axis` of the result
    (NumPy's `concatenate`), or, with `stack`, each input given a new axis
    of size 1 there first (`stack`). Every other axis must match, else
    NumPy's `ValueError` naming source line `line` (inside a parallel
    loop, where the code goes on, the copies take the common part). The
    elements are converted to the result's element type. `serial` keeps
    the copies on one thread.

    ```mlir
    %r = weft.concatenate ins(%a, %b : memref<?xf64>, memref<?xi64>) axis 0 line 3 -> memref<?xf64, strided<[?], offset: ?>>
    ```
  }];
  let arguments = (ins Arg<Variadic<AnyMemRef>, "the arrays joined", [MemRead]>:$inputs,
                       I64Attr:$axis, UnitAttr:$stack, UnitAttr:$serial,
                       I64Attr:$line);
  let results = (outs AnyMemRef:$result);
  let assemblyFormat = [{
    `ins` `(` $inputs `:` type($inputs) `)` `axis` $axis (`stack` $stack^)?
    (`serial` $serial^)? `line` $line attr-dict `->` type($result)
  }];
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// NumPy's searching and order statistics, expanded by weft-lower-statistics.
//===----------------------------------------------------------------------===//

def Weft_SearchSortedOp : Weft_Op<"searchsorted"> {
  let summary = "searchsorted(a, v): insertion points in a sorted array.";
  let description = [{
    For a number `values`, the position in the 1-D `sorted` at which it
    would be inserted to keep the order (NumPy's `searchsorted`): the first
    one whose element is not before it, or with `right`, the first one it
    is before. An array `values` gives an i64 array of its shape. Both
    sides compare as `compare` (NumPy's promoted type); NaN sorts after
    every number.

    ```mlir
    %i = weft.searchsorted %a, %x right as f64 : memref<?xf64, strided<[?], offset: ?>>, f64 -> i64
    ```
  }];
  let arguments = (ins Arg<AnyMemRef, "the sorted array", [MemRead]>:$sorted,
                       Arg<AnyType, "the values placed", [MemRead]>:$values,
                       UnitAttr:$right, TypeAttr:$compare);
  let results = (outs AnyType:$result);
  let assemblyFormat = [{
    $sorted `,` $values (`right` $right^)? `as` $compare attr-dict `:`
    type($sorted) `,` type($values) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Weft_DigitizeOp : Weft_Op<"digitize"> {
  let summary = "digitize(x, bins): the bin of each value.";
  let description = [{
    NumPy's `digitize`: `bins` (1-D) must be monotonically increasing or
    decreasing, else a `ValueError` naming source line `line`. For
    increasing bins the result is `searchsorted(bins, x, side)` with side
    right (left with `right`); for decreasing ones, `n` minus the position
    in the reversed bins. A number gives an i64, an array an i64 array of
    its shape; both sides compare as `compare`.

    ```mlir
    %r = weft.digitize %x, %bins as f64 line 7 : memref<?xf64, strided<[?], offset: ?>>, memref<?xf64, strided<[?], offset: ?>> -> memref<?xi64, strided<[?], offset: ?>>
    ```
  }];
  let arguments = (ins Arg<AnyType, "the values placed", [MemRead]>:$values,
                       Arg<AnyMemRef, "the bin edges", [MemRead]>:$bins,
                       UnitAttr:$right, TypeAttr:$compare, I64Attr:$line);
  let results = (outs AnyType:$result);
  let assemblyFormat = [{
    $values `,` $bins (`right` $right^)? `as` $compare `line` $line attr-dict
    `:` type($values) `,` type($bins) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Weft_UniqueOp : Weft_Op<"unique"> {
  let summary = "unique(a): the sorted distinct elements.";
  let description = [{
    A new 1-D array of the distinct elements of `array` (any rank) in
    ascending order, NaNs last and counted once (NumPy's `unique` with
    `equal_nan=True`). Lowered to a sorted copy and two passes over it.

    ```mlir
    %u = weft.unique %a : memref<?x?xi64, strided<[?, ?], offset: ?>> -> memref<?xi64, strided<[?], offset: ?>>
    ```
  }];
  let arguments = (ins Arg<AnyMemRef, "the array", [MemRead]>:$array);
  let results = (outs AnyMemRef:$result);
  let assemblyFormat = "$array attr-dict `:` type($array) `->` type($result)";
  let hasVerifier = 1;
}

def Weft_QuantileOp : Weft_Op<"quantile"> {
  let summary = "quantile/percentile/median of every element.";
  let description = [{
    NumPy's `quantile(a, q)` of all elements of `array`: linear
    interpolation at the virtual index `q * (n - 1)` of the sorted
    elements. With `percent`, `q` is in percent (`percentile`); with
    `median`, `q` is ignored and the result is the middle element or the
    mean of the two middle ones (`median`). `q` outside [0, 1] (or
    [0, 100]) raises NumPy's `ValueError` naming source line `line`. NaN
    for an empty array or one holding a NaN. The result and `q` have the
    same float type.

    ```mlir
    %m = weft.quantile %a, %q percent line 3 : memref<?xf64, strided<[?], offset: ?>>, f64 -> f64
    ```
  }];
  let arguments = (ins Arg<AnyMemRef, "the array", [MemRead]>:$array,
                       AnyFloat:$q, UnitAttr:$percent, UnitAttr:$median,
                       I64Attr:$line);
  let results = (outs AnyFloat:$result);
  let assemblyFormat = [{
    $array `,` $q (`percent` $percent^)? (`median` $median^)? `line` $line
    attr-dict `:` type($array) `,` type($q) `->` type($result)
  }];
  let hasVerifier = 1;
}

def Weft_HistogramOp : Weft_Op<"histogram", [AttrSizedOperandSegments]> {
  let summary = "histogram(a, bins, range=, weights=) with equal bins.";
  let description = [{
    NumPy's `histogram` with `bins` equal bins: the range (`low`, `high`
    if given, else the data's min and max; widened by 0.5 each way when
    they are equal), the edges as `linspace` makes them, each value's
    bin by NumPy's formula and its two corrections against the edges.
    Returns the counts (i64, or the weights' sum in the counts' type when
    `weights` is given) and the edges. NumPy's `ValueError`s (bins not
    positive, a range not finite or reversed, weights of another shape)
    name source line `line`.

    ```mlir
    %c, %e = weft.histogram %a, %bins line 5 : (memref<?xf64, strided<[?], offset: ?>>, i64) -> (memref<?xi64, strided<[?], offset: ?>>, memref<?xf64, strided<[?], offset: ?>>)
    ```
  }];
  let arguments = (ins Arg<AnyMemRef, "the data", [MemRead]>:$array,
                       I64:$bins, Optional<AnyFloat>:$low,
                       Optional<AnyFloat>:$high,
                       Arg<Optional<AnyMemRef>, "the weights", [MemRead]>:$weights,
                       I64Attr:$line);
  let results = (outs AnyMemRef:$counts, AnyMemRef:$edges);
  let assemblyFormat = [{
    $array `,` $bins (`range` $low^ `,` $high)? (`weights` $weights^)?
    `line` $line attr-dict `:` functional-type(operands, results)
  }];
  let hasVerifier = 1;
}

#endif // WEFT_ARRAY_OPS
