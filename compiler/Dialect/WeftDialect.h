//===- WeftDialect.h - The weft dialect and its operations -----*- C++ -*-===//
//
// Declares the weft dialect class and its ODS-generated operations.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_COMPILER_DIALECT_WEFTDIALECT_H
#define WEFT_COMPILER_DIALECT_WEFTDIALECT_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "compiler/Dialect/WeftOpsDialect.h.inc"

#define GET_OP_CLASSES
#include "compiler/Dialect/WeftOps.h.inc"

#endif // WEFT_COMPILER_DIALECT_WEFTDIALECT_H
