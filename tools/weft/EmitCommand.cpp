//===- EmitCommand.cpp - weft emit: one stage of a compilation ------------===//
//
// Implements runEmit (EmitCommand.h).
//
//===----------------------------------------------------------------------===//
#include "tools/weft/EmitCommand.h"
#include "tools/weft/BenchCommand.h"

#include "compiler/Codegen/LLVMCodegen.h"
#include "compiler/Driver/Compilation.h"
#include "frontend/AST.h"

#include "mlir/IR/OperationSupport.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/raw_ostream.h"

#include <iostream>
#include <vector>

int weft::runEmit(weft::Compilation &c, const std::string &stage) {
  if (stage == "ast") {
    if (!c.parse())
      return reportCompileFailure(c);
    std::cout << weft::dumpAST(*c.ast());
    return 0;
  }
  if (stage == "gpu") {
    if (!c.outlineGPU())
      return reportCompileFailure(c);
    c.module()->print(llvm::outs());
    llvm::outs() << "\n";
    return 0;
  }
  if (stage == "ptx") {
    std::vector<std::string> ptx;
    if (!c.compileGPUKernels(&ptx))
      return reportCompileFailure(c);
    if (ptx.empty())
      std::cout << "// no GPU kernels: nothing in this program was "
                   "offloaded (see weft emit --stage=report)\n";
    for (size_t i = 0; i < ptx.size(); ++i)
      std::cout << "// ---- GPU kernel module " << i + 1 << " of " << ptx.size()
                << " (" << c.options().gpuArch << ")\n"
                << ptx[i]
                << (ptx[i].empty() || ptx[i].back() == '\n' ? "" : "\n");
    return 0;
  }
  if (stage == "mlir") {
    if (!c.generateMLIR())
      return reportCompileFailure(c);
    mlir::OpPrintingFlags flags;
    c.module()->print(llvm::outs(), flags);
    llvm::outs() << "\n";
    return 0;
  }
  if (stage == "cleaned") {
    if (!c.cleanup())
      return reportCompileFailure(c);
    c.module()->print(llvm::outs());
    llvm::outs() << "\n";
    return 0;
  }
  if (!c.lower())
    return reportCompileFailure(c);
  if (stage == "lowered") {
    c.module()->print(llvm::outs());
    llvm::outs() << "\n";
    return 0;
  }
  std::string error;
  auto tm = weft::createHostTargetMachine(c.options().optLevel, error);
  if (!tm) {
    std::cerr << "weft: error: " << error << "\n";
    return 2;
  }
  llvm::LLVMContext ctx;
  auto m = weft::translateToLLVMIR(c.module(), ctx, *tm);
  if (!m) {
    std::cerr << "internal compiler error: translation to LLVM IR failed\n";
    return 2;
  }
  std::vector<weft::VectorizerRemark> remarks;
  weft::optimizeModule(*m, *tm, c.options().optLevel, c.options().fastmath,
                       &remarks);
  if (stage == "report") {
    std::cout << weft::formatLoopReport(c.file().filename(), c.loopReport(),
                                        remarks);
    return 0;
  }
  if (stage == "llvm") {
    m->print(llvm::outs(), nullptr);
    return 0;
  }
  std::cout << weft::emitAssembly(*m, *tm);
  return 0;
}
