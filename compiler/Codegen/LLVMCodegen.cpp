//===- LLVMCodegen.cpp - LLVM IR, optimisation and machine code -----------===//
//
// Host TargetMachine creation, MLIR-to-LLVM-IR translation, the new pass
// manager's O-level pipelines and assembly emission.
//
//===----------------------------------------------------------------------===//
#include "compiler/Codegen/LLVMCodegen.h"
#include "compiler/Codegen/LaneMath.h"

#include "mlir/Target/LLVMIR/Export.h"

#include "llvm/Analysis/CGSCCPassManager.h"
#include "llvm/Analysis/LoopAnalysisManager.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/DiagnosticHandler.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/SystemLibraries.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Host.h"

#include <cctype>
#include <cstdlib>
#include <mutex>

namespace weft {

void initializeNativeTarget() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    llvm::InitializeNativeTargetAsmParser();
    // WEFT_LLVM_ARGS: LLVM's own options for experiments, e.g.
    // "-force-vector-interleave=1" (docs/architecture.md).
    if (std::getenv("WEFT_LLVM_ARGS")) {
      const char *argv[] = {"weft"};
      llvm::cl::ParseCommandLineOptions(1, argv, "weft", nullptr, nullptr,
                                        "WEFT_LLVM_ARGS");
    }
  });
}

std::unique_ptr<llvm::TargetMachine>
createHostTargetMachine(int optLevel, std::string &error) {
  initializeNativeTarget();
  std::string tripleName = llvm::sys::getProcessTriple();
  llvm::Triple triple(tripleName);
  const llvm::Target *target =
      llvm::TargetRegistry::lookupTarget(triple, error);
  if (!target)
    return nullptr;
  std::string features;
  for (const auto &f : llvm::sys::getHostCPUFeatures())
    features += (features.empty() ? "" : ",") +
                std::string(f.second ? "+" : "-") + f.first().str();
  llvm::TargetOptions options;
  llvm::CodeGenOptLevel level = optLevel >= 3
                                    ? llvm::CodeGenOptLevel::Aggressive
                                : optLevel == 2 ? llvm::CodeGenOptLevel::Default
                                : optLevel == 1 ? llvm::CodeGenOptLevel::Less
                                                : llvm::CodeGenOptLevel::None;
  std::unique_ptr<llvm::TargetMachine> tm(target->createTargetMachine(
      triple, llvm::sys::getHostCPUName(), features, options, llvm::Reloc::PIC_,
      std::nullopt, level));
  if (!tm)
    error = "cannot create a target machine for " + tripleName;
  return tm;
}

std::unique_ptr<llvm::Module> translateToLLVMIR(mlir::ModuleOp module,
                                                llvm::LLVMContext &ctx,
                                                llvm::TargetMachine &tm) {
  auto llvmModule = mlir::translateModuleToLLVMIR(module, ctx, "weft");
  if (!llvmModule)
    return nullptr;
  llvmModule->setDataLayout(tm.createDataLayout());
  llvmModule->setTargetTriple(tm.getTargetTriple());
  return llvmModule;
}

namespace {
/// `message` with the symbols of generated functions
/// (`name___<argument types>`) shortened to their source names.
std::string sourceNames(std::string message) {
  for (size_t at = message.find("___"); at != std::string::npos;
       at = message.find("___", at)) {
    size_t end = at;
    while (end < message.size() &&
           (std::isalnum(static_cast<unsigned char>(message[end])) ||
            message[end] == '_'))
      ++end;
    message.erase(at, end - at);
  }
  const std::string main = "'__weft_main'";
  for (size_t at = message.find(main); at != std::string::npos;
       at = message.find(main, at))
    message.replace(at, main.size(), "the top level");
  return message;
}

/// Collects the loop vectorizer's passed and missed remarks, and the
/// inliner's missed remarks about calls of the program's own functions.
struct RemarkCollector : llvm::DiagnosticHandler {
  explicit RemarkCollector(std::vector<VectorizerRemark> &out) : out(out) {}
  bool isPassedOptRemarkEnabled(llvm::StringRef pass) const override {
    return pass == "loop-vectorize";
  }
  bool isMissedOptRemarkEnabled(llvm::StringRef pass) const override {
    return pass == "loop-vectorize" || pass == "inline";
  }
  bool isAnalysisRemarkEnabled(llvm::StringRef pass) const override {
    return pass == "loop-vectorize"; // the reasons behind "not vectorized"
  }
  bool isAnyRemarkEnabled() const override { return true; }
  bool handleDiagnostics(const llvm::DiagnosticInfo &di) override {
    auto *r = llvm::dyn_cast<llvm::DiagnosticInfoOptimizationBase>(&di);
    if (!r)
      return false;
    int64_t line = r->isLocationAvailable() ? r->getLocation().getLine() : 0;
    if (r->getPassName() == "loop-vectorize") {
      out.push_back({line, r->getMsg()});
    } else if (r->getPassName() == "inline" &&
               di.getKind() == llvm::DK_OptimizationRemarkMissed) {
      // Runtime functions have no definition here: not the program's.
      std::string msg = r->getMsg();
      if (msg.find("definition is unavailable") == std::string::npos &&
          msg.find("'weft_rt_") == std::string::npos)
        out.push_back({line, "call not inlined: " + sourceNames(msg)});
    }
    return true;
  }
  std::vector<VectorizerRemark> &out;
};
} // namespace

void optimizeModule(llvm::Module &module, llvm::TargetMachine &tm, int optLevel,
                    bool vectorMath, std::vector<VectorizerRemark> *remarks) {
  if (remarks)
    module.getContext().setDiagnosticHandler(
        std::make_unique<RemarkCollector>(*remarks), true);
  // Give every function the host CPU so the vectorizer and the cost
  // models see the real vector width.
  for (llvm::Function &f : module) {
    if (f.isDeclaration())
      continue;
    f.addFnAttr("target-cpu", tm.getTargetCPU());
    f.addFnAttr("target-features", tm.getTargetFeatureString());
  }
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PipelineTuningOptions pto;
  pto.LoopVectorization = optLevel >= 2;
  pto.SLPVectorization = optLevel >= 2;
  llvm::PassBuilder pb(&tm, pto);
  llvm::TargetLibraryInfoImpl tlii(tm.getTargetTriple(),
                                   vectorMath ? llvm::VectorLibrary::LIBMVEC
                                              : llvm::VectorLibrary::NoLibrary);
  std::deque<std::string> laneMathNames;
  if (optLevel >= 2)
    addLaneMathMappings(tlii, module, laneMathNames);
  fam.registerPass([&] { return llvm::TargetLibraryAnalysis(tlii); });
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  llvm::OptimizationLevel level = optLevel >= 3   ? llvm::OptimizationLevel::O3
                                  : optLevel == 2 ? llvm::OptimizationLevel::O2
                                  : optLevel == 1 ? llvm::OptimizationLevel::O1
                                                  : llvm::OptimizationLevel::O0;
  llvm::ModulePassManager mpm = pb.buildPerModuleDefaultPipeline(level);
  mpm.run(module, mam);
  defineLaneMathFunctions(module);
}

namespace {
bool emitFile(llvm::Module &module, llvm::TargetMachine &tm,
              llvm::CodeGenFileType type, llvm::SmallVectorImpl<char> &out) {
  llvm::raw_svector_ostream os(out);
  llvm::legacy::PassManager pm;
  if (tm.addPassesToEmitFile(pm, os, nullptr, type))
    return false;
  pm.run(module);
  return true;
}
} // namespace

std::string emitAssembly(llvm::Module &module, llvm::TargetMachine &tm) {
  llvm::SmallString<0> out;
  if (!emitFile(module, tm, llvm::CodeGenFileType::AssemblyFile, out))
    return "; this target cannot emit assembly\n";
  return std::string(out.str());
}

bool emitObject(llvm::Module &module, llvm::TargetMachine &tm,
                llvm::SmallVectorImpl<char> &out) {
  return emitFile(module, tm, llvm::CodeGenFileType::ObjectFile, out);
}

} // namespace weft
