//===- WeftTryOps.td - The weft dialect's try statements -*- tablegen -*-===//
//
// `try: ... except: ...`: the statement (weft.try and its weft.try_yield)
// and the cells that carry variables into the except block. Included by
// WeftOps.td; weft-lower-try turns them into a setjmp and branches.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_TRY_OPS
#define WEFT_TRY_OPS

def Weft_TryOp : Weft_Op<"try"> {
  let summary = "Runs a block; after a runtime error in it, runs another.";
  let description = [{
    Runs `body`; when a runtime error (any `weft.fail`, in this function or
    in one it calls, and the errors of the runtime functions) is raised
    while it runs, the rest of `body` is skipped and `handler` runs
    instead. Both end in `weft.try_yield` with the values of the results.
    The handler may use only values defined before the op: the variables
    the body writes reach it through `weft.cell`s, written as the body
    writes them. `KeyboardInterrupt` is never caught.

    After `convert-scf-to-cf` the regions may hold several blocks;
    `weft-lower-try` then makes the op a `_setjmp` (into a frame the
    runtime links, `weft_rt_try_enter`) and branches: the error's
    `longjmp` returns from `_setjmp` a second time, to the handler.

    ```mlir
    %x = weft.try -> f64 {
      ...
      weft.try_yield %a : f64
    } except {
      %b = weft.cell_load %cell : f64
      weft.try_yield %b : f64
    }
    ```
  }];
  let results = (outs Variadic<AnyType>:$results);
  let regions = (region AnyRegion:$body, AnyRegion:$handler);
  let assemblyFormat =
      "(`->` type($results)^)? $body `except` $handler attr-dict";
  let hasVerifier = 1;
}

def Weft_TryYieldOp : Weft_Op<"try_yield",
    [Pure, Terminator, HasParent<"TryOp">]> {
  let summary = "Ends a block of weft.try with its results.";
  let arguments = (ins Variadic<AnyType>:$values);
  let assemblyFormat = "attr-dict ($values^ `:` type($values))?";
}

def Weft_CellOp : Weft_Op<"cell"> {
  let summary = "Memory for one value of `type` (an llvm.ptr).";
  let description = [{
    The slot one variable of a try statement's body lives in for its
    except block: an `llvm.alloca` of the value's LLVM type at the start
    of the function (or of the parallel region's body), read and written
    with volatile loads and stores, which LLVM keeps in order across the
    `_setjmp` it does not know returns twice.

    ```mlir
    %c = weft.cell memref<?xf64> : !llvm.ptr
    ```
  }];
  let arguments = (ins TypeAttr:$type);
  let results = (outs AnyType:$cell);
  let assemblyFormat = "$type attr-dict `:` type($cell)";
}

def Weft_CellStoreOp : Weft_Op<"cell_store"> {
  let summary = "Writes a value into a weft.cell.";
  let arguments = (ins AnyType:$value, AnyType:$cell);
  let assemblyFormat = "$value `,` $cell attr-dict `:` type($value) `,` type($cell)";
}

def Weft_CellLoadOp : Weft_Op<"cell_load"> {
  let summary = "Reads the value of a weft.cell.";
  let arguments = (ins AnyType:$cell);
  let results = (outs AnyType:$value);
  let assemblyFormat = "$cell attr-dict `:` type($cell) `->` type($value)";
}

#endif // WEFT_TRY_OPS
