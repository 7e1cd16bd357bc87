//===- FuzzFrontend.cpp - libFuzzer target: lex, parse, type-check --------===//
//
// Any byte string must give diagnostics or a program, never a crash, a
// hang or a sanitizer report; diagnostics are rendered too (carets, long
// lines, invalid UTF-8).
//
//===----------------------------------------------------------------------===//
#include "frontend/Diagnostics.h"
#include "frontend/Parser.h"
#include "frontend/Sema.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  weft::SourceFile file("fuzz.weft",
                        std::string(reinterpret_cast<const char *>(data), size));
  weft::DiagnosticEngine diags(file);
  auto module = weft::parseModule(file, diags);
  if (module && !diags.hasErrors())
    (void)weft::analyzeModule(*module, diags);
  (void)diags.renderAll();
  return 0;
}
