//===- weft-opt.cpp - mlir-opt with Weft's dialect and passes -------------===//
//
// The MLIR optimizer driver with the weft dialect, the upstream dialects
// Weft uses, Weft's passes and its named pipelines (weft-cleanup,
// weft-cpu-pipeline) registered; used by the lit tests.
//
//===----------------------------------------------------------------------===//
#include "compiler/Pipeline/Pipelines.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  weft::registerWeftPassesAndPipelines();
  mlir::DialectRegistry registry;
  weft::registerWeftDialects(registry);
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "Weft optimizer driver\n", registry));
}
