//===- Compilation.cpp - One source file through the pipeline -------------===//
//
// Implements the stage-by-stage driver used by the CLI and the tests.
//
//===----------------------------------------------------------------------===//
#include "compiler/Driver/Compilation.h"

#include "compiler/Codegen/LLVMCodegen.h"

#include "compiler/MLIRGen/MLIRGen.h"
#include "compiler/Pipeline/Pipelines.h"
#include "frontend/Parser.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/PassManager.h"

#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

namespace weft {

bool readFile(const std::string &path, std::string &contents,
              std::string &error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open '" + path + "'";
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  contents = ss.str();
  return true;
}

Compilation::Compilation(std::string filename, std::string source,
                         CompileOptions options)
    : options_(options) {
  file_ = std::make_unique<SourceFile>(std::move(filename), std::move(source));
  diags_ = std::make_unique<DiagnosticEngine>(*file_);
}

Compilation::~Compilation() = default;

bool Compilation::parse() {
  if (ast_)
    return !diags_->hasErrors();
  ast_ = parseModule(*file_, *diags_);
  return ast_ && !diags_->hasErrors();
}

bool Compilation::analyze() {
  if (!parse())
    return false;
  if (!program_)
    program_ = analyzeModule(*ast_, *diags_);
  return program_ != nullptr;
}

bool Compilation::generateMLIR() {
  if (module_)
    return true;
  if (!analyze())
    return false;
  mlir::DialectRegistry registry;
  registerWeftDialects(registry);
  context_ = std::make_unique<mlir::MLIRContext>(registry);
  context_->disableMultithreading();
  std::string captured;
  llvm::raw_string_ostream os(captured);
  mlir::OwningOpRef<mlir::ModuleOp> module;
  {
    mlir::ScopedDiagnosticHandler handler(
        context_.get(), [&](mlir::Diagnostic &d) {
          os << d.getLocation() << ": " << d.str() << "\n";
          return mlir::success();
        });
    report_.clear();
    module =
        weft::generateMLIR(*context_, *program_, *file_, *diags_,
                           options_.boundscheck, options_.fastmath, &report_);
  }
  if (!module && !diags_->hasErrors())
    internalError_ = "internal compiler error: the generated MLIR does not "
                     "verify\n" +
                     captured;
  module_ = std::move(module);
  return module_ && !diags_->hasErrors();
}

bool Compilation::lower() {
  if (lowered_)
    return true;
  if (!generateMLIR())
    return false;
  std::string captured;
  llvm::raw_string_ostream os(captured);
  mlir::ScopedDiagnosticHandler handler(
      context_.get(), [&](mlir::Diagnostic &d) {
        os << d.getLocation() << ": " << d.str() << "\n";
        return mlir::success();
      });
  mlir::PassManager pm(context_.get());
  buildCleanupPipeline(pm);
  buildCPULoweringPipeline(pm);
  if (mlir::failed(pm.run(*module_))) {
    internalError_ = "internal compiler error: the CPU lowering pipeline "
                     "failed\n" +
                     captured;
    return false;
  }
  lowered_ = true;
  return true;
}

std::string formatLoopReport(const std::string &filename,
                             const std::vector<LoopReport> &report,
                             const std::vector<VectorizerRemark> &remarks) {
  std::map<int64_t, std::vector<std::string>> byLine;
  for (const LoopReport &r : report)
    byLine[r.line].push_back(
        "[" +
        (r.function == "__weft_main" ? std::string("top level") : r.function) +
        "] " + r.text);
  for (const VectorizerRemark &r : remarks) {
    std::string m = r.message;
    std::replace(m.begin(), m.end(), '\n', ' ');
    byLine[r.line].push_back("LLVM: " + m);
  }
  std::string out = "loop report for " + filename + "\n";
  for (auto &[line, entries] : byLine) {
    // One entry per distinct text (a generic function compiled twice
    // reports its lines twice).
    std::vector<std::string> seen;
    for (const std::string &e : entries) {
      if (std::find(seen.begin(), seen.end(), e) != seen.end())
        continue;
      seen.push_back(e);
      out += (line ? "line " + std::to_string(line) : std::string("runtime")) +
             ": " + e + "\n";
    }
  }
  return out;
}

} // namespace weft
