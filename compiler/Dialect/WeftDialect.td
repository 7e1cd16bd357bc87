//===- WeftDialect.td - The weft dialect -------------------*- tablegen -*-===//
//
// The weft dialect holds only what upstream dialects lack: printing with
// Python's formatting, reference counting of array buffers and runtime
// errors. Everything else is func/arith/math/scf/memref.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_DIALECT
#define WEFT_DIALECT

include "mlir/IR/OpBase.td"

def Weft_Dialect : Dialect {
  let name = "weft";
  let summary = "Runtime services of the Weft array language.";
  let description = [{
    Operations that call into the Weft runtime (`weft_rt_*`): `print`,
    array reference counting (`retain`, `release`, `null_array`) and
    runtime errors (`fail`). They are lowered to LLVM calls by
    `convert-weft-to-llvm`.
  }];
  let cppNamespace = "::weft";
}

class Weft_Op<string mnemonic, list<Trait> traits = []> :
    Op<Weft_Dialect, mnemonic, traits>;

#endif // WEFT_DIALECT
