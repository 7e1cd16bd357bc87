//===- RandomToLLVM.cpp - weft ops to LLVM: random numbers
//------------------===//
//
// Random numbers: the counter-based streams of the runtime.
//
//===----------------------------------------------------------------------===//
#include "compiler/Conversion/WeftToLLVM/Common.h"

using namespace mlir;
using namespace weft::lowering;
namespace abi = weft::abi;

void weft::populateRandomToLLVMPatterns(LLVMTypeConverter &converter,
                                        RewritePatternSet &patterns) {
  using F = abi::Function;
  patterns.add<DirectCallLowering<weft::RngStreamOp>>(converter,
                                                      F::weft_rt_rng_stream);
  patterns.add<DirectCallLowering<weft::RngBitsOp>>(converter,
                                                    F::weft_rt_rng_bits);
  patterns.add<DirectCallLowering<weft::RngBeginIterationOp>>(
      converter, F::weft_rt_rng_begin_iteration);
  patterns.add<DirectCallLowering<weft::RngEndIterationOp>>(
      converter, F::weft_rt_rng_end_iteration);
  patterns.add<DirectCallLowering<weft::RngSeedOp>>(converter,
                                                    F::weft_rt_rng_seed);
}
