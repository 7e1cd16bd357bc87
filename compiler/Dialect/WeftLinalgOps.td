//===- WeftLinalgOps.td - np.linalg operations of the weft dialect -*- tablegen -*-===//
//
// np.linalg through the system LAPACK: solve, inv, det and cholesky
// (weft.linalg), and the symmetric eigenproblem and the SVD
// (weft.decompose), each lowered to a runtime call.
//
//===----------------------------------------------------------------------===//

def Weft_LinalgOp : Weft_Op<"linalg"> {
  let summary = "np.linalg's solve, inv, det and cholesky of f64 and "
                "complex<f64> matrices.";
  let description = [{
    `function` is `solve` (`out` = the solution x of `a` x = `b`, `b` and
    `out` of one shape, 1-D or 2-D), `inv` (`out` = the inverse of `a`),
    `det` (`out`, one element, = the determinant) or `cholesky` (`out` =
    the lower factor L of `a` = L L^H). `a` is a square 2-D array of f64
    or complex<f64>, and `b` and `out` have its element type; all may be
    strided views. Lowered to the runtime's `weft_rt_linalg`
    (LAPACK), which raises NumPy's `LinAlgError` naming source line `line`
    for a singular matrix (solve, inv), one that is not positive definite
    (cholesky) or one that is not square. The types are those of `a`,
    `out`, then `b`.

    ```mlir
    weft.linalg "solve" %a, %b into %x line 3 : memref<?x?xf64>, memref<?xf64>, memref<?xf64>
    weft.linalg "det" %a into %d line 4 : memref<?x?xf64>, memref<1xf64>
    ```
  }];
  let arguments = (ins StrAttr:$function,
                       Arg<AnyMemRef, "the matrix", [MemRead]>:$a,
                       Arg<Optional<AnyMemRef>, "solve's right side",
                           [MemRead]>:$b,
                       Arg<AnyMemRef, "the result", [MemWrite]>:$out,
                       I64Attr:$line);
  let assemblyFormat = [{
    $function $a (`,` $b^)? `into` $out `line` $line attr-dict `:` type($a)
    `,` type($out) (`,` type($b)^)?
  }];
  let hasVerifier = 1;
}

def Weft_DecomposeOp : Weft_Op<"decompose"> {
  let summary = "np.linalg's eigh, eig, svd and qr of an f64 matrix, by "
                "LAPACK.";
  let description = [{
    `function` is `eigh` (`outs` = the eigenvalues ascending, 1-D, and the
    eigenvectors as the columns of a square 2-D array, of the lower
    triangle of the square `a`: LAPACK's dsyevd, NumPy's routine), `svd`
    (`outs` = U, m x m, the singular values descending, and V^H, n x n:
    dgesdd), `svd_reduced` (U m x k, the values, V^H k x n, k = min(m, n))
    or `svdvals` (`outs` = the values alone), `eig` (`outs` = the
    eigenvalues and the unit right eigenvectors of the square `a`: dgeev;
    complex eigenvalues raise NumPy's `ValueError`, as Numba's eig does)
    or `eigvals` (the eigenvalues alone), `qr` (Q m x k with orthonormal
    columns and the upper triangular R k x n: dgeqrf and dorgqr) or
    `qr_complete` (Q m x m, R m x n). `a` is a 2-D f64 array of
    any strides (read, not changed); the outputs are f64 arrays of those
    shapes. Lowered to the runtime's `weft_rt_decompose`, which raises
    NumPy's `LinAlgError` naming source line `line` when LAPACK does not
    converge.

    ```mlir
    weft.decompose "eigh" %a into %w, %v line 3 : memref<?x?xf64>, memref<?xf64>, memref<?x?xf64>
    ```
  }];
  let arguments = (ins StrAttr:$function,
                       Arg<AnyMemRef, "the matrix", [MemRead]>:$a,
                       Arg<Variadic<AnyMemRef>, "the factors", [MemWrite]>:$outs,
                       I64Attr:$line);
  let assemblyFormat = [{
    $function $a `into` $outs `line` $line attr-dict `:` type($a) `,` type($outs)
  }];
  let hasVerifier = 1;
}

