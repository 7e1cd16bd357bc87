//===- FuzzCompile.cpp - libFuzzer target: source to verified MLIR --------===//
//
// The whole front half of the compiler: parse, type-check, MLIRGen and the
// cleanup pipeline, ending in MLIR that verifies. Errors are fine; crashes,
// hangs, verifier failures reported as internal errors are findings.
//
//===----------------------------------------------------------------------===//
#include "compiler/Driver/Compilation.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > 4096) // keep iterations fast; the frontend target takes more
    return 0;
  weft::Compilation c("fuzz.weft",
                      std::string(reinterpret_cast<const char *>(data), size));
  bool ok = c.outlineGPU(); // cleanup pipeline on verified MLIR
  if (!ok && !c.internalError().empty() &&
      c.internalError().find("does not verify") != std::string::npos) {
    std::fprintf(stderr, "%s\n", c.internalError().c_str());
    std::abort(); // a program that type-checks must give valid MLIR
  }
  return 0;
}
