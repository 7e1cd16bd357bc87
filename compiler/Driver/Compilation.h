//===- Compilation.h - One source file through the pipeline ----*- C++ -*-===//
//
// Drives a source file through every stage: parse, semantic analysis,
// MLIRGen, the cleanup and CPU lowering pipelines, LLVM IR and assembly.
// Each stage can be inspected (`weft emit --stage=...`). Errors are
// collected in the DiagnosticEngine; internal failures (a verifier or a
// lowering failure) are reported as internal compiler errors.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_COMPILER_DRIVER_COMPILATION_H
#define WEFT_COMPILER_DRIVER_COMPILATION_H

#include "compiler/Driver/CompileMetrics.h"
#include "compiler/MLIRGen/MLIRGen.h"
#include "frontend/AST.h"
#include "frontend/Diagnostics.h"
#include "frontend/Sema.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"

namespace mlir {
class OpPassManager;
}

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace weft {

struct CompileOptions {
  int optLevel = 3;         ///< LLVM optimisation level 0-3
  bool boundscheck = false; ///< check every index, as @jit(boundscheck=True)
  bool fastmath = false;    ///< every function as @jit(fastmath=True)
  /// Instrument entry calls and parallel regions (weft run --metrics).
  bool metrics = false;
  /// CPU or GPU (--target; @jit(target="gpu") functions also offload).
  Target target = Target::CPU;
  /// The GPU architecture PTX is generated for (--gpu-arch).
  std::string gpuArch = "sm_80";
  /// Whether a GPU driver and device are present, asked only when a
  /// function has @jit(target="auto"); without it "auto" means the CPU.
  std::function<bool()> gpuPresent;
};

class Compilation {
public:
  Compilation(std::string filename, std::string source,
              CompileOptions options = {});
  ~Compilation();

  /// Parses the source. False if syntax errors were reported.
  bool parse();
  /// Functions a host program will call, with its argument types (before
  /// analyze()); analyze() fills in their specialisations.
  void requestEntries(std::vector<EntryRequest> entries) {
    entries_ = std::move(entries);
  }
  const std::vector<EntryRequest> &entries() const { return entries_; }
  /// An interactive session's entry (before analyze()): the script body
  /// starts with these variables defined, and keeps its own at the end.
  void setSession(std::map<std::string, Type> variables) {
    session_ = std::move(variables);
  }
  /// Parses (if needed) and type-checks.
  bool analyze();
  /// Up to high-level MLIR (verified).
  bool generateMLIR();
  /// Then the weft-cleanup pipeline: array operations lowered, the
  /// parallel choice made, buffers promoted (weft emit --stage=cleaned).
  bool cleanup();
  /// With target "gpu": cleanup, then device-safe parallel loops and
  /// kernel launches outlined into gpu.module kernels (weft emit
  /// --stage=gpu).
  bool outlineGPU();
  /// With target "gpu": the kernels compiled to PTX (weft emit
  /// --stage=ptx); one string per kernel module.
  bool compileGPUKernels(std::vector<std::string> *ptx = nullptr);
  /// Up to the LLVM dialect (cleanup, GPU and CPU lowering pipelines).
  bool lower();

  const ModuleAST *ast() const { return ast_.get(); }
  const Program *program() const { return program_.get(); }
  mlir::ModuleOp module() { return module_ ? *module_ : nullptr; }
  mlir::MLIRContext &context() { return *context_; }
  DiagnosticEngine &diags() { return *diags_; }
  const SourceFile &file() const { return *file_; }
  const CompileOptions &options() const { return options_; }
  /// The architecture PTX is generated for, before any GPU compilation.
  void setGPUArch(std::string arch) { options_.gpuArch = std::move(arch); }
  /// Text of an internal compiler error, if one happened.
  const std::string &internalError() const { return internalError_; }
  /// --target=gpu, or (after analyze) a function with @jit(target="gpu").
  bool usesGPU() const;
  /// After analyze: what @jit(target="auto") became ("cpu" or "gpu"), or
  /// empty when no function asks for it.
  std::optional<Target> autoTarget() const { return autoTarget_; }
  /// What MLIRGen did with each loop and array statement.
  const std::vector<LoopReport> &loopReport() const { return report_; }
  /// The time of each stage run so far (parse, sema, mlirgen, the MLIR
  /// pipelines); the JIT adds the LLVM stages.
  metrics::CompileMetrics &compileMetrics() { return metrics_; }

private:
  CompileOptions options_;
  std::unique_ptr<SourceFile> file_;
  std::unique_ptr<DiagnosticEngine> diags_;
  /// The NumPy library's source, when the program calls it (its
  /// diagnostics show the library's lines).
  std::unique_ptr<SourceFile> numpyLibrary_;
  std::unique_ptr<ModuleAST> ast_;
  std::unique_ptr<Program> program_;
  std::unique_ptr<mlir::MLIRContext> context_;
  mlir::OwningOpRef<mlir::ModuleOp> module_;
  std::string internalError_;
  std::optional<Target> autoTarget_;
  std::optional<std::map<std::string, Type>> session_;
  std::vector<LoopReport> report_;
  metrics::CompileMetrics metrics_;
  std::vector<EntryRequest> entries_;
  /// How far the module has been lowered.
  enum class Level { MLIR, Cleaned, GPUOutlined, GPUCompiled, Lowered };
  Level level_ = Level::MLIR;
  /// Runs one timed pipeline; false (with internalError_) on failure.
  bool runPipeline(const std::string &group,
                   const std::function<void(mlir::OpPassManager &)> &build);
  /// A line of the loop report from a pass ("<symbol>: <text>" at `loc`).
  void addPassReport(mlir::Location loc, const std::string &text);
  /// The name of the function whose definition spans source `line`.
  std::string functionAt(int line) const;
  /// "internal compiler error: WHAT in function 'f'; reproducer: PATH",
  /// the MLIR diagnostics, and a request to report it; writes `module` to
  /// a temporary file as the reproducer.
  std::string internalErrorText(const std::string &what,
                                const std::string &diagnostics,
                                mlir::ModuleOp module);
};

/// Reads a whole file; false (with `error`) if it cannot be read.
struct VectorizerRemark;
/// The loop report: MLIRGen's notes and the vectorizer's remarks, by line.
std::string formatLoopReport(const std::string &filename,
                             const std::vector<LoopReport> &report,
                             const std::vector<VectorizerRemark> &remarks);

bool readFile(const std::string &path, std::string &contents,
              std::string &error);

} // namespace weft

#endif // WEFT_COMPILER_DRIVER_COMPILATION_H
