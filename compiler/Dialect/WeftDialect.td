//===- WeftDialect.td - The weft dialect -------------------*- tablegen -*-===//
//
// The weft dialect holds what upstream dialects lack: the runtime's
// services (printing with Python's formatting, reference counting of array
// buffers, runtime errors, random streams). Everything else is
// func/arith/math/scf/memref.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_DIALECT
#define WEFT_DIALECT

include "mlir/IR/OpBase.td"

def Weft_Dialect : Dialect {
  let name = "weft";
  let summary = "Runtime services of the Weft array language.";
  let description = [{
    Operations that call into the Weft runtime (`weft_rt_*`): printing,
    array reference counting (`retain`, `release`, `null_array`), runtime
    errors (`fail`, `shape_error`, `index_error`), random streams, `.npy`
    files, the REPL's session store, BLAS products and NumPy's pairwise
    sum. Each has a verifier for what its types cannot say (formats that
    match their operands, element kinds the runtime knows, source lines).
    They are lowered to LLVM calls by `convert-weft-to-llvm`.
  }];
  let cppNamespace = "::weft";
  // `weft.target` on a func.func ("cpu" or "gpu": where its parallel
  // loops run).
  let hasOperationAttrVerify = 1;
  // Folded ops (weft.atan2) become arith.constant.
  let hasConstantMaterializer = 1;
  let extraClassDeclaration = [{
    static constexpr llvm::StringLiteral kTargetAttrName = "weft.target";
  }];
}

class Weft_Op<string mnemonic, list<Trait> traits = []>
    : Op<Weft_Dialect, mnemonic, traits>;

#endif // WEFT_DIALECT
