//===- WeftDialect.cpp - The weft dialect ---------------------------------===//
//
// Registers the weft dialect's operations.
//
//===----------------------------------------------------------------------===//
#include "compiler/Dialect/WeftDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace weft;

#include "compiler/Dialect/WeftOpsDialect.cpp.inc"

MLIR_DEFINE_EXPLICIT_TYPE_ID(weft::LoopProgressResource)

void WeftDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "compiler/Dialect/WeftOps.cpp.inc"
      >();
}
