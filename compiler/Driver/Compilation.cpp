//===- Compilation.cpp - One source file through the pipeline -------------===//
//
// Implements the stage-by-stage driver used by the CLI and the tests.
//
//===----------------------------------------------------------------------===//
#include "compiler/Driver/Compilation.h"

#include "compiler/Codegen/LLVMCodegen.h"

#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/WeftDialect.h"
#include "compiler/MLIRGen/MLIRGen.h"
#include "compiler/Pipeline/Pipelines.h"
#include "frontend/GradTransform.h"
#include "frontend/NumpyLibrary.h"
#include "frontend/Parser.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/PassManager.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <map>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace weft {

bool readFile(const std::string &path, std::string &contents,
              std::string &error) {
  // Checked through the descriptor: a directory, a FIFO or a device is an
  // error, never a hang or an empty program.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    error = "cannot open '" + path + "': " + std::strerror(errno);
    return false;
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    error = "'" + path + "' is " +
            (S_ISDIR(st.st_mode) ? "a directory" : "not a regular file") +
            "; give the path of a Weft source file";
    ::close(fd);
    return false;
  }
  contents.clear();
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      error = "cannot read '" + path + "': " + std::strerror(errno);
      ::close(fd);
      return false;
    }
    if (n == 0)
      break;
    contents.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return true;
}

Compilation::Compilation(std::string filename, std::string source,
                         CompileOptions options)
    : options_(options) {
  file_ = std::make_unique<SourceFile>(std::move(filename), std::move(source));
  diags_ = std::make_unique<DiagnosticEngine>(*file_);
}

Compilation::~Compilation() = default;

namespace {

/// Times each pass of a pipeline into `out` (under `group`).
struct PassTimer : mlir::PassInstrumentation {
  PassTimer(std::vector<metrics::StageTime> &out, std::string group)
      : out(out), group(std::move(group)) {}
  void runBeforePass(mlir::Pass *, mlir::Operation *) override {
    starts.push_back(metrics::wallNow());
  }
  void runAfterPass(mlir::Pass *pass, mlir::Operation *) override {
    record(pass);
  }
  void runAfterPassFailed(mlir::Pass *pass, mlir::Operation *) override {
    record(pass);
  }
  void record(mlir::Pass *pass) {
    double t = metrics::wallNow() - starts.back();
    starts.pop_back();
    std::string name = pass->getArgument().str();
    if (name.empty())
      name = pass->getName().str();
    // A nested pass manager's adaptor: the passes it runs are timed
    // themselves (counting it too made a pipeline's passes add up to
    // more than the pipeline).
    if (llvm::StringRef(name).ends_with("OpToOpPassAdaptor"))
      return;
    out.push_back({name, group, "", t});
  }
  std::vector<metrics::StageTime> &out;
  std::string group;
  std::vector<double> starts;
};

/// The cleanup pipeline, then the metrics instrumentation.
void buildCleanupAndInstrument(mlir::OpPassManager &pm, bool forGPU) {
  buildCleanupPipeline(pm, forGPU);
  pm.addPass(createInstrumentMetrics());
}

} // namespace

bool Compilation::parse() {
  if (ast_)
    return !diags_->hasErrors();
  double t0 = metrics::wallNow();
  ast_ = parseModule(*file_, *diags_);
  if (ast_ && !diags_->hasErrors())
    addNumpyLibrary(*ast_, *diags_, numpyLibrary_);
  metrics_.add("parse", metrics::wallNow() - t0);
  return ast_ && !diags_->hasErrors();
}

bool Compilation::analyze() {
  if (!parse())
    return false;
  if (!program_) {
    double t0 = metrics::wallNow();
    program_ =
        analyzeModule(*ast_, *diags_, entries_.empty() ? nullptr : &entries_,
                      session_ ? &*session_ : nullptr);
    // grad(f)(...): the gradient functions are built from f's typed body
    // as AST, added after the program's own functions, and the module is
    // analysed again. A gradient function that calls other functions
    // asks for their gradients in turn: one more round per level of calls.
    for (int round = 0; program_ && !program_->gradRequests.empty(); ++round) {
      if (round == 8) {
        const GradRequest &g = program_->gradRequests.front();
        diags_->error(g.range, "grad of '" + g.def->name +
                                   "': the functions it calls nest too "
                                   "deeply (recursion cannot be "
                                   "differentiated)");
        program_.reset();
        break;
      }
      Block generated;
      bool ok = true;
      for (const GradRequest &g : program_->gradRequests)
        if (!(ok = generateGradient(g, *file_, *diags_, generated)))
          break;
      program_.reset();
      if (!ok)
        break;
      for (StmtPtr &s : generated)
        ast_->body.push_back(std::move(s));
      program_ =
          analyzeModule(*ast_, *diags_, entries_.empty() ? nullptr : &entries_,
                        session_ ? &*session_ : nullptr);
    }
    metrics_.add("sema", metrics::wallNow() - t0);
    // @jit(target="auto"): the GPU when one is present, else the CPU.
    if (program_)
      for (auto &inst : program_->instances)
        if (inst->options.target == Target::Auto) {
          if (!autoTarget_)
            autoTarget_ = options_.gpuPresent && options_.gpuPresent()
                              ? Target::GPU
                              : Target::CPU;
          inst->options.target = *autoTarget_;
        }
  }
  return program_ != nullptr;
}

bool Compilation::generateMLIR() {
  if (module_)
    return true;
  if (!analyze())
    return false;
  double tContext = metrics::wallNow();
  mlir::DialectRegistry registry;
  registerWeftDialects(registry);
  context_ = std::make_unique<mlir::MLIRContext>(registry);
  context_->disableMultithreading();
  metrics_.add("mlir-context", metrics::wallNow() - tContext);
  std::string captured;
  llvm::raw_string_ostream os(captured);
  mlir::OwningOpRef<mlir::ModuleOp> module;
  double t0 = metrics::wallNow();
  {
    mlir::ScopedDiagnosticHandler handler(
        context_.get(), [&](mlir::Diagnostic &d) {
          os << d.getLocation() << ": " << d.str() << "\n";
          return mlir::success();
        });
    report_.clear();
    module =
        weft::generateMLIR(*context_, *program_, *file_, *diags_,
                           options_.boundscheck, options_.fastmath, &report_,
                           &metrics_.details, options_.target == Target::GPU);
  }
  metrics_.add("mlirgen", metrics::wallNow() - t0);
  if (module && !diags_->hasErrors()) {
    // Tests of this error path: WEFT_INJECT_INTERNAL_ERROR=verify breaks
    // the first function on purpose.
    if (const char *inject = std::getenv("WEFT_INJECT_INTERNAL_ERROR");
        inject && std::string(inject) == "verify")
      for (auto f : module->getOps<mlir::func::FuncOp>())
        if (!f.isExternal()) {
          mlir::OpBuilder b(f.getBody().front().getTerminator());
          mlir::arith::ConstantIndexOp::create(b, f.getLoc(), 1)
              ->setAttr("value", b.getI32IntegerAttr(1));
          break;
        }
    mlir::ScopedDiagnosticHandler handler(
        context_.get(), [&](mlir::Diagnostic &d) {
          os << d.getLocation() << ": " << d.str() << "\n";
          return mlir::success();
        });
    if (mlir::failed(mlir::verify(*module))) {
      internalError_ = internalErrorText("the generated MLIR does not verify",
                                         captured, *module);
      return false;
    }
  }
  module_ = std::move(module);
  return module_ && !diags_->hasErrors();
}

std::string Compilation::functionAt(int line) const {
  if (ast_)
    for (const StmtPtr &s : ast_->body)
      if (auto *d = s->dyn<FunctionDefStmt>())
        if (d->range.begin.line <= line && line <= d->range.end.line)
          return d->name;
  return "the top-level code";
}

std::string Compilation::internalErrorText(const std::string &what,
                                           const std::string &diagnostics,
                                           mlir::ModuleOp module) {
  // The function: from the first diagnostic's file:line.
  std::string function = "the top-level code";
  size_t colon = diagnostics.find(file_->filename() + ":");
  if (colon != std::string::npos) {
    int line =
        std::atoi(diagnostics.c_str() + colon + file_->filename().size() + 1);
    if (line > 0)
      function = functionAt(line);
  }
  // A reproducer: the module as it was, for weft-opt.
  std::string path;
  llvm::SmallString<128> tmp;
  if (!llvm::sys::fs::createTemporaryFile("weft-reproducer", "mlir", tmp)) {
    path = std::string(tmp.str());
    std::error_code ec;
    llvm::raw_fd_ostream out(path, ec);
    if (!ec) {
      mlir::OpPrintingFlags flags;
      flags.enableDebugInfo(true).assumeVerified();
      module->print(out, flags);
    } else {
      path.clear();
    }
  }
  std::string text =
      "internal compiler error: " + what + " in " +
      (function == "the top-level code" ? function
                                        : "function '" + function + "'");
  text += path.empty() ? "\n" : "; reproducer: " + path + "\n";
  text += diagnostics;
  text += "Please report this, with the reproducer, to the Weft "
          "developers.\n";
  return text;
}

bool Compilation::runPipeline(
    const std::string &group,
    const std::function<void(mlir::OpPassManager &)> &build) {
  std::string captured;
  llvm::raw_string_ostream os(captured);
  bool userError = false;
  mlir::ScopedDiagnosticHandler handler(
      context_.get(), [&](mlir::Diagnostic &d) {
        // Passes report errors in the user's program (a GPU kernel that
        // prints, ...) with this prefix: a diagnostic at its source line.
        std::string msg = d.str();
        const std::string prefix = "error in the program: ";
        auto loc = mlir::dyn_cast<mlir::FileLineColLoc>(d.getLocation());
        if (msg.rfind(prefix, 0) == 0 && loc) {
          SourceLocation at{static_cast<int>(loc.getLine()),
                            static_cast<int>(loc.getColumn())};
          diags_->error(SourceRange(at), msg.substr(prefix.size()));
          userError = true;
          return mlir::success();
        }
        // Lines for the loop report (weft::reportToUser).
        if (msg.rfind(kReportPrefix, 0) == 0) {
          addPassReport(d.getLocation(),
                        msg.substr(std::strlen(kReportPrefix)));
          return mlir::success();
        }
        os << d.getLocation() << ": " << msg << "\n";
        return mlir::success();
      });
  double t0 = metrics::wallNow();
  mlir::PassManager pm(context_.get());
  pm.addInstrumentation(std::make_unique<PassTimer>(metrics_.details, group));
  build(pm);
  // The input of the pipeline, kept only to write a reproducer on failure.
  mlir::OwningOpRef<mlir::ModuleOp> before = module_->clone();
  bool ok = mlir::succeeded(pm.run(*module_));
  metrics_.add("pipeline:" + group, metrics::wallNow() - t0);
  if (!ok && !userError)
    internalError_ = internalErrorText("the " + group + " pipeline failed",
                                       captured, *before);
  return ok;
}

void Compilation::addPassReport(mlir::Location loc, const std::string &text) {
  // "<symbol>: <text>" at the source line of `loc` (the first file
  // location in it), under the function's source name.
  int64_t line = 0;
  loc->walk([&](mlir::Location l) {
    if (auto f = mlir::dyn_cast<mlir::FileLineColLoc>(l)) {
      line = f.getLine();
      return mlir::WalkResult::interrupt();
    }
    return mlir::WalkResult::advance();
  });
  size_t colon = text.find(": ");
  std::string symbol = text.substr(0, colon), name = symbol;
  if (program_)
    for (const auto &inst : program_->instances)
      if (inst->symbol == symbol)
        name = inst->name;
  report_.push_back(
      {line, name, colon == std::string::npos ? text : text.substr(colon + 2)});
}

bool Compilation::cleanup() {
  if (level_ >= Level::Cleaned)
    return true;
  if (!generateMLIR())
    return false;
  if (!runPipeline("cleanup", [&](mlir::OpPassManager &pm) {
        if (options_.metrics)
          buildCleanupAndInstrument(pm, usesGPU());
        else
          buildCleanupPipeline(pm, usesGPU());
      }))
    return false;
  level_ = Level::Cleaned;
  return true;
}

bool Compilation::usesGPU() const {
  if (options_.target == Target::GPU)
    return true;
  if (program_)
    for (const auto &inst : program_->instances)
      if (inst->options.target == Target::GPU)
        return true;
  return false;
}

bool Compilation::outlineGPU() {
  if (level_ >= Level::GPUOutlined)
    return true;
  if (!cleanup())
    return false;
  if (usesGPU() && !runPipeline("gpu-outlining", buildGPUOutliningPipeline))
    return false;
  level_ = Level::GPUOutlined;
  return true;
}

bool Compilation::compileGPUKernels(std::vector<std::string> *ptx) {
  if (level_ < Level::GPUCompiled) {
    if (!outlineGPU())
      return false;
    if (usesGPU() && !runPipeline("gpu-codegen", [&](mlir::OpPassManager &pm) {
          buildGPUCodegenPipeline(pm, options_.gpuArch, options_.optLevel);
        }))
      return false;
    level_ = Level::GPUCompiled;
  }
  if (ptx && level_ == Level::GPUCompiled)
    module_->walk([&](mlir::gpu::BinaryOp binary) {
      for (mlir::Attribute a : binary.getObjects()) {
        auto object = llvm::cast<mlir::gpu::ObjectAttr>(a);
        std::string text = object.getObject().getValue().str();
        // The PTX string ends with a NUL for the driver.
        while (!text.empty() && text.back() == '\0')
          text.pop_back();
        ptx->push_back(text);
      }
    });
  return true;
}

bool Compilation::lower() {
  if (level_ == Level::Lowered)
    return true;
  if (!compileGPUKernels())
    return false;
  bool launches = usesGPU();
  if (!runPipeline("cpu-lowering", [&](mlir::OpPassManager &pm) {
        buildCPULoweringPipeline(pm, launches);
      }))
    return false;
  level_ = Level::Lowered;
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
