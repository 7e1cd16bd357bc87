//===- LaneMath.cpp - Vector forms of libm calls, a call per lane -------===//
//
// See LaneMath.h.
//
//===----------------------------------------------------------------------===//
#include "compiler/Codegen/LaneMath.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Module.h"

#include <vector>

namespace weft {

namespace {

/// The prefix of a vector form's name: __weft_lanes<N>_<scalar name>.
constexpr llvm::StringLiteral kPrefix = "__weft_lanes";

/// libm functions of one or two floating-point arguments that only compute
/// (errno aside) and that LLVM's vectorizer has no form of its own for.
/// Those it has (sqrt, exp, log, sin, pow, ...) are intrinsics by the time
/// the vectorizer runs.
bool isLaneMathFunction(llvm::StringRef name) {
  static const char *const kNames[] = {
      "erf",   "erfc",  "tgamma", "lgamma", "expm1", "log1p", "cbrt",
      "asinh", "acosh", "atanh",  "sinh",   "cosh",  "tanh",  "asin",
      "acos",  "atan",  "atan2",  "tan",    "hypot", "fmod",  "exp10"};
  llvm::StringRef base = name;
  if (base.ends_with("f") && base != "erf")
    base = base.drop_back();
  for (const char *n : kNames)
    if (base == n)
      return true;
  return false;
}

/// True if `f` is double(double[, double]) or float(float[, float]).
bool hasMathSignature(const llvm::Function &f) {
  llvm::Type *t = f.getReturnType();
  if (!t->isDoubleTy() && !t->isFloatTy())
    return false;
  if (f.arg_size() < 1 || f.arg_size() > 2 || f.isVarArg())
    return false;
  for (const llvm::Argument &a : f.args())
    if (a.getType() != t)
      return false;
  return true;
}

} // namespace

void addLaneMathMappings(llvm::TargetLibraryInfoImpl &tlii,
                         const llvm::Module &module,
                         std::deque<std::string> &names) {
  std::vector<llvm::VecDesc> descs;
  for (const llvm::Function &f : module) {
    if (!f.isDeclaration() || !isLaneMathFunction(f.getName()) ||
        !hasMathSignature(f) || tlii.isFunctionVectorizable(f.getName()))
      continue;
    std::string params(f.arg_size(), 'v');
    // 128 to 512 bits of lanes: what SSE to AVX-512 registers hold.
    static const unsigned kDoubleLanes[] = {2, 4, 8},
                          kFloatLanes[] = {4, 8, 16};
    bool isDouble = f.getReturnType()->isDoubleTy();
    for (unsigned lanes : isDouble ? kDoubleLanes : kFloatLanes) {
      const std::string &scalar = names.emplace_back(f.getName().str());
      const std::string &vector = names.emplace_back(
          (kPrefix + llvm::Twine(lanes) + "_" + f.getName()).str());
      const std::string &abi =
          names.emplace_back("_ZGV_LLVM_N" + std::to_string(lanes) + params);
      descs.emplace_back(scalar, vector, llvm::ElementCount::getFixed(lanes),
                         /*Masked=*/false, abi, std::nullopt);
    }
  }
  if (!descs.empty())
    tlii.addVectorizableFunctions(descs);
}

void defineLaneMathFunctions(llvm::Module &module) {
  std::vector<llvm::Function *> forms;
  for (llvm::Function &f : module)
    if (f.isDeclaration() && f.getName().starts_with(kPrefix))
      forms.push_back(&f);
  for (llvm::Function *f : forms) {
    // __weft_lanes<N>_<name>: the scalar function is the part after "_".
    llvm::StringRef rest = f->getName().drop_front(kPrefix.size());
    auto [count, scalarName] = rest.split('_');
    auto *vt = llvm::dyn_cast<llvm::FixedVectorType>(f->getReturnType());
    if (!vt || count.empty())
      continue;
    // The scalar declaration may be gone with its last scalar call.
    llvm::Type *et = vt->getElementType();
    llvm::SmallVector<llvm::Type *, 2> params(f->arg_size(), et);
    llvm::FunctionCallee scalar = module.getOrInsertFunction(
        scalarName, llvm::FunctionType::get(et, params, false));
    f->setLinkage(llvm::GlobalValue::InternalLinkage);
    f->addFnAttr(llvm::Attribute::NoUnwind);
    llvm::IRBuilder<> b(llvm::BasicBlock::Create(module.getContext(), "", f));
    llvm::Value *out = llvm::PoisonValue::get(vt);
    for (unsigned i = 0; i < vt->getNumElements(); ++i) {
      std::vector<llvm::Value *> args;
      for (llvm::Argument &a : f->args())
        args.push_back(b.CreateExtractElement(&a, i));
      out = b.CreateInsertElement(out, b.CreateCall(scalar, args), i);
    }
    b.CreateRet(out);
  }
}

} // namespace weft
