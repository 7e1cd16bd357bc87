//===- RandomToLLVM.cpp - weft ops to LLVM: random numbers
//------------------===//
//
// Random numbers: the counter-based streams of the runtime, and NumPy's
// legacy generator for serial draws.
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
  patterns.add<DirectCallLowering<weft::RngSerialOp>>(converter,
                                                      F::weft_rt_rng_serial);
  patterns.add<DirectCallLowering<weft::MtUniformOp>>(converter,
                                                      F::weft_rt_mt_uniform);
  patterns.add<DirectCallLowering<weft::MtNormalOp>>(converter,
                                                     F::weft_rt_mt_normal);
  patterns.add<DirectCallLowering<weft::MtFillUniformOp>>(
      converter, F::weft_rt_mt_fill_uniform);
  patterns.add<DirectCallLowering<weft::MtRandintOp>>(converter,
                                                      F::weft_rt_mt_randint);
}
