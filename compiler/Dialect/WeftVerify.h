//===- WeftVerify.h - Checks shared by the weft ops' verifiers --*- C++ -*-===//
//
// Used by WeftOps.cpp and WeftArrayOps.cpp.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_COMPILER_DIALECT_WEFTVERIFY_H
#define WEFT_COMPILER_DIALECT_WEFTVERIFY_H

#include "mlir/IR/Operation.h"

namespace weft {

/// A source line: not negative.
mlir::LogicalResult verifyLine(mlir::Operation *op, int64_t line);

/// An array operand or result: ranked, with an element type the runtime
/// knows (bool, i8, i16, i32, i64, u8, u16, u32, f32, f64).
mlir::LogicalResult verifyArrayType(mlir::Operation *op, mlir::Type type,
                                    llvm::StringRef what);

/// A scalar (i1, i32, i64, f32, f64) or an array of those.
mlir::LogicalResult verifyValueType(mlir::Operation *op, mlir::Type type,
                                    llvm::StringRef what);

/// A name: not empty.
mlir::LogicalResult verifyName(mlir::Operation *op, llvm::StringRef name,
                               llvm::StringRef what);

} // namespace weft

#endif // WEFT_COMPILER_DIALECT_WEFTVERIFY_H
