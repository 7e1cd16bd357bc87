//===- ConvertWeftToLLVM.cpp - Lower weft ops to runtime calls ------------===//
//
// The convert-weft-to-llvm pass: the pattern families of WeftToLLVM/ (one
// file each: printing, arrays, errors, random numbers, the environment)
// turn every weft op into LLVM dialect calls of the runtime functions of
// runtime/RuntimeFunctions.def. Memref operands arrive as LLVM memref
// descriptors through the type converter; the casts are reconciled later.
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/Passes.h"
#include "compiler/Conversion/WeftToLLVM/Common.h"

namespace weft {
#define GEN_PASS_DEF_CONVERTWEFTTOLLVM
#include "compiler/Conversion/Passes.h.inc"
} // namespace weft

using namespace mlir;

namespace {

struct ConvertWeftToLLVMPass
    : weft::impl::ConvertWeftToLLVMBase<ConvertWeftToLLVMPass> {
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    LLVMTypeConverter converter(ctx);
    RewritePatternSet patterns(ctx);
    weft::populatePrintToLLVMPatterns(converter, patterns);
    weft::populateArraysToLLVMPatterns(converter, patterns);
    weft::populateErrorsToLLVMPatterns(converter, patterns);
    weft::populateRandomToLLVMPatterns(converter, patterns);
    weft::populateEnvironmentToLLVMPatterns(converter, patterns);
    ConversionTarget target(*ctx);
    target.addLegalDialect<LLVM::LLVMDialect>();
    target.addIllegalDialect<weft::WeftDialect>();
    // Try statements stay for weft-lower-try, after convert-scf-to-cf.
    target.addLegalOp<weft::TryOp, weft::TryYieldOp>();
    target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
