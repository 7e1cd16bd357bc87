//===- JITRunner.cpp - JIT-compile and run a lowered module ---------------===//
//
// Implements JITProgram on ORC's LLJIT, loading an object file the host
// TargetMachine emitted.
//
//===----------------------------------------------------------------------===//
#include "runtime/JITRunner.h"

#include "compiler/Codegen/LLVMCodegen.h"
#include "runtime/CudaRuntime.h"
#include "runtime/ErrorRecord.h"
#include "runtime/Metrics.h"
#include "runtime/NpyIO.h"
#include "runtime/RuntimeABI.h"
#include "runtime/StaticSchedule.h"

#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/ExecutionEngine/Orc/ExecutionUtils.h"
#include "llvm/ExecutionEngine/Orc/LLJIT.h"
#include "llvm/ExecutionEngine/Orc/Mangling.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/Object/ELFObjectFile.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/Transforms/Utils/SplitModule.h"

#include <algorithm>
#include <cstdlib>
#include <dlfcn.h>
#include <setjmp.h>
#include <thread>

// libomp's API (the generated code calls its __kmpc_* entry points).
extern "C" void omp_set_num_threads(int n);

namespace weft {

namespace {
llvm::orc::SymbolMap runtimeSymbols(llvm::orc::MangleAndInterner interner) {
  llvm::orc::SymbolMap map;
  auto add = [&](const char *name, void *addr) {
    map[interner(name)] = {llvm::orc::ExecutorAddr::fromPtr(addr),
                           llvm::JITSymbolFlags::Exported};
  };
  // Exactly the symbols of the runtime ABI (RuntimeFunctions.def).
#define WEFT_RT_FUNCTION(name, result, parameters)                             \
  add(#name, reinterpret_cast<void *>(&name));
#define WEFT_RT_VARIABLE(name, type)                                           \
  add(#name, reinterpret_cast<void *>(&name));
#define WEFT_RT_EXTERNAL(name, implementation)                                 \
  add(#name, reinterpret_cast<void *>(&implementation));
#include "runtime/RuntimeFunctions.def"
  return map;
}
} // namespace

bool parseThreadCount(const std::string &text, const std::string &what, int &n,
                      std::string &error) {
  bool digits = !text.empty();
  for (char ch : text)
    digits = digits && ch >= '0' && ch <= '9';
  size_t significant = text.size() - std::min(text.find_first_not_of('0'),
                                              text.size()); // no leading 0s
  long value = !digits           ? 0
               : significant > 9 ? kMaxThreads + 1
                                 : std::strtol(text.c_str(), nullptr, 10);
  if (value < 1 || value > kMaxThreads) {
    error = what + " needs a number of threads from 1 to " +
            std::to_string(kMaxThreads) + ", not '" + text + "'";
    return false;
  }
  n = static_cast<int>(value);
  return true;
}

bool resolveThreadCount(int n, int &resolved, std::string &error) {
  if (n < 0 || n > kMaxThreads) {
    error = "the number of threads must be from 1 to " +
            std::to_string(kMaxThreads) +
            " (0: WEFT_NUM_THREADS, else all cores), not " + std::to_string(n);
    return false;
  }
  if (n == 0)
    if (const char *env = std::getenv("WEFT_NUM_THREADS"); env && *env)
      if (!parseThreadCount(env, "WEFT_NUM_THREADS", n, error))
        return false;
  resolved = n;
  return true;
}

bool setThreadCount(int n, std::string &error) {
  if (!resolveThreadCount(n, n, error))
    return false;
  if (n > 0)
    omp_set_num_threads(n);
  return true;
}

struct JITProgram::Impl {
  std::unique_ptr<llvm::orc::LLJIT> jit;
  void (*entry)() = nullptr;
  void (*fini)() = nullptr; ///< static destructors (GPU module unload)
};

JITProgram::JITProgram() : impl_(std::make_unique<Impl>()) {}
JITProgram::~JITProgram() {
  if (impl_->fini) {
    std::string ignored;
    rt::runProtected(impl_->fini, ignored);
  }
}

namespace {
/// Several object files in one blob (what the code cache stores):
/// "WEFTOBJS", a count, then each object's length and bytes.
std::string packObjects(const std::vector<std::string> &parts) {
  std::string out = "WEFTOBJS";
  auto put = [&](uint64_t v) {
    for (int i = 0; i < 8; ++i)
      out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  };
  put(parts.size());
  for (const std::string &p : parts) {
    put(p.size());
    out += p;
  }
  return out;
}

/// The objects of a blob; an empty list if it is malformed.
std::vector<llvm::StringRef> unpackObjects(llvm::StringRef blob) {
  std::vector<llvm::StringRef> parts;
  if (!blob.starts_with("WEFTOBJS"))
    return {blob}; // a single plain object file
  size_t pos = 8;
  auto get = [&](uint64_t &v) {
    if (pos + 8 > blob.size())
      return false;
    v = 0;
    for (int i = 7; i >= 0; --i)
      v = (v << 8) | static_cast<unsigned char>(blob[pos + i]);
    pos += 8;
    return true;
  };
  uint64_t n = 0;
  if (!get(n) || n > 1024)
    return {};
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t len = 0;
    if (!get(len) || pos + len > blob.size())
      return {};
    parts.push_back(blob.substr(pos, len));
    pos += len;
  }
  return parts;
}

/// Machine code for `m`: split into partitions (round-robin by function)
/// that are compiled on separate threads, each in its own LLVM context
/// (through bitcode), when the module is big enough to pay for it.
bool emitObjects(std::unique_ptr<llvm::Module> m, llvm::TargetMachine &tm,
                 int optLevel, std::vector<std::string> &parts,
                 std::string &error) {
  unsigned functions = 0;
  for (llvm::Function &f : *m)
    functions += !f.isDeclaration();
  unsigned threads =
      std::min(4u, std::max(1u, std::thread::hardware_concurrency()));
  if (const char *env = std::getenv("WEFT_CODEGEN_THREADS"))
    threads = std::max(1, std::atoi(env));
  if (threads <= 1 || functions < 4) {
    llvm::SmallVector<char, 0> obj;
    if (!emitObject(*m, tm, obj)) {
      error = "JIT error: the target cannot emit object files";
      return false;
    }
    parts.emplace_back(obj.data(), obj.size());
    return true;
  }
  std::vector<std::string> bitcode;
  llvm::SplitModule(
      *m, threads,
      [&](std::unique_ptr<llvm::Module> part) {
        // What another partition defines may be loaded anywhere (over 2
        // GiB away when CUDA has reserved address space in between): it
        // is reached through the GOT and PLT entries the JIT linker makes,
        // not with 32-bit PC-relative offsets.
        // (SplitModule made the locals hidden: hidden symbols would still
        // be reached directly.)
        for (llvm::GlobalValue &g : part->global_values()) {
          if (g.hasHiddenVisibility())
            g.setVisibility(llvm::GlobalValue::DefaultVisibility);
          if (g.isDeclaration())
            g.setDSOLocal(false);
        }
        std::string bc;
        llvm::raw_string_ostream os(bc);
        llvm::WriteBitcodeToFile(*part, os);
        bitcode.push_back(std::move(bc));
      },
      /*PreserveLocals=*/false, /*RoundRobin=*/true);
  m.reset();
  parts.assign(bitcode.size(), "");
  std::vector<std::string> errors(bitcode.size());
  std::vector<std::thread> pool;
  for (size_t i = 0; i < bitcode.size(); ++i)
    pool.emplace_back([&, i] {
      llvm::LLVMContext ctx;
      auto part = llvm::parseBitcodeFile(
          llvm::MemoryBufferRef(bitcode[i], "partition"), ctx);
      if (!part) {
        errors[i] = llvm::toString(part.takeError());
        return;
      }
      std::unique_ptr<llvm::TargetMachine> ptm =
          createHostTargetMachine(optLevel, errors[i]);
      llvm::SmallVector<char, 0> obj;
      if (!ptm || !emitObject(**part, *ptm, obj)) {
        if (errors[i].empty())
          errors[i] = "the target cannot emit object files";
        return;
      }
      parts[i].assign(obj.data(), obj.size());
    });
  for (std::thread &t : pool)
    t.join();
  for (const std::string &e : errors)
    if (!e.empty()) {
      error = "JIT error: " + e;
      return false;
    }
  return true;
}

/// Replaces the static constructor (or destructor) list `global` by one
/// function `name` that calls them in priority order: an object file
/// loaded into the JIT does not run .init_array, so the runner calls it.
/// False if the module has none.
bool lowerStaticConstructors(llvm::Module &m, llvm::StringRef global,
                             llvm::StringRef name) {
  llvm::GlobalVariable *list = m.getGlobalVariable(global);
  if (!list)
    return false;
  std::vector<std::pair<uint64_t, llvm::Function *>> fns;
  if (auto *init =
          llvm::dyn_cast_or_null<llvm::ConstantArray>(list->getInitializer()))
    for (llvm::Value *op : init->operands()) {
      auto *entry = llvm::dyn_cast<llvm::ConstantStruct>(op);
      if (!entry)
        continue;
      auto *prio = llvm::dyn_cast<llvm::ConstantInt>(entry->getOperand(0));
      auto *fn = llvm::dyn_cast<llvm::Function>(entry->getOperand(1));
      if (prio && fn)
        fns.push_back({prio->getZExtValue(), fn});
    }
  std::stable_sort(fns.begin(), fns.end(),
                   [](auto &a, auto &b) { return a.first < b.first; });
  list->eraseFromParent();
  auto *type =
      llvm::FunctionType::get(llvm::Type::getVoidTy(m.getContext()), false);
  auto *f =
      llvm::Function::Create(type, llvm::Function::ExternalLinkage, name, m);
  llvm::IRBuilder<> b(llvm::BasicBlock::Create(m.getContext(), "entry", f));
  for (auto &[prio, fn] : fns)
    b.CreateCall(fn);
  b.CreateRetVoid();
  return true;
}

/// Machine-code bytes of each defined function of an object file.
void functionSizes(llvm::MemoryBufferRef object,
                   std::vector<metrics::FunctionCode> &out) {
  auto file = llvm::object::ObjectFile::createObjectFile(object);
  if (!file) {
    llvm::consumeError(file.takeError());
    return;
  }
  auto *elf = llvm::dyn_cast<llvm::object::ELFObjectFileBase>(file->get());
  if (!elf)
    return;
  for (const llvm::object::ELFSymbolRef &sym : elf->symbols()) {
    auto type = sym.getType();
    auto name = sym.getName();
    if (!type || !name || *type != llvm::object::SymbolRef::ST_Function ||
        sym.getSize() == 0) {
      if (!type)
        llvm::consumeError(type.takeError());
      if (!name)
        llvm::consumeError(name.takeError());
      continue;
    }
    out.push_back({name->str(), static_cast<int64_t>(sym.getSize())});
  }
}
} // namespace

namespace {
/// `__weft_packed_<sym>(ptr args)`: calls `sym` with the values args[0..)
/// point to (one per LLVM parameter, memref descriptors flattened; a
/// complex number, a struct of two doubles, takes two: its parts) and
/// stores its result (a scalar or a struct) where the next one points.
/// The host calls every exported function through this one signature.
void addPackedWrapper(llvm::Module &m, llvm::Function &f) {
  llvm::LLVMContext &ctx = m.getContext();
  auto *ptr = llvm::PointerType::getUnqual(ctx);
  auto *type =
      llvm::FunctionType::get(llvm::Type::getVoidTy(ctx), {ptr}, false);
  auto *w = llvm::Function::Create(type, llvm::Function::ExternalLinkage,
                                   "__weft_packed_" + f.getName(), m);
  llvm::IRBuilder<> b(llvm::BasicBlock::Create(ctx, "entry", w));
  llvm::Value *args = w->getArg(0);
  std::vector<llvm::Value *> values;
  unsigned next = 0;
  auto load = [&](llvm::Type *t) {
    llvm::Value *slot =
        b.CreateLoad(ptr, b.CreateConstInBoundsGEP1_64(ptr, args, next++));
    return b.CreateLoad(t, slot);
  };
  for (llvm::Argument &a : f.args()) {
    auto *st = llvm::dyn_cast<llvm::StructType>(a.getType());
    if (!st) {
      values.push_back(load(a.getType()));
      continue;
    }
    llvm::Value *v = llvm::PoisonValue::get(st);
    for (unsigned k = 0; k < st->getNumElements(); ++k)
      v = b.CreateInsertValue(v, load(st->getElementType(k)), k);
    values.push_back(v);
  }
  llvm::Value *r = b.CreateCall(&f, values);
  if (!f.getReturnType()->isVoidTy())
    b.CreateStore(
        r, b.CreateLoad(ptr, b.CreateConstInBoundsGEP1_64(ptr, args, next)));
  b.CreateRetVoid();
}
} // namespace

bool JITProgram::compileObject(mlir::ModuleOp module, const JITOptions &options,
                               llvm::SmallVectorImpl<char> &object,
                               std::string &error) {
  bool vectorMath = options.vectorMath &&
                    dlopen("libmvec.so.1", RTLD_NOW | RTLD_GLOBAL) != nullptr;
  metrics::CompileMetrics scratch;
  metrics::CompileMetrics &cm = options.metrics ? *options.metrics : scratch;
  double tTarget = metrics::wallNow();
  std::unique_ptr<llvm::TargetMachine> tm =
      createHostTargetMachine(options.optLevel, error);
  if (!tm)
    return false;
  double t0 = metrics::wallNow();
  cm.add("target-setup", t0 - tTarget);
  llvm::LLVMContext ctx;
  std::unique_ptr<llvm::Module> llvmModule =
      translateToLLVMIR(module, ctx, *tm);
  if (!llvmModule) {
    error = "JIT error: translation to LLVM IR failed";
    return false;
  }
  lowerStaticConstructors(*llvmModule, "llvm.global_ctors", "__weft_init");
  lowerStaticConstructors(*llvmModule, "llvm.global_dtors", "__weft_fini");
  for (const std::string &sym : options.exports) {
    llvm::Function *f = llvmModule->getFunction(sym);
    if (!f || f->isDeclaration()) {
      error = "JIT error: no function '" + sym + "' to export";
      return false;
    }
    addPackedWrapper(*llvmModule, *f);
  }
  double t1 = metrics::wallNow();
  cm.add("llvm-translate", t1 - t0);
  optimizeModule(*llvmModule, *tm, options.optLevel, vectorMath,
                 options.remarks);
  double t2 = metrics::wallNow();
  cm.add("llvm-optimize", t2 - t1);
  std::vector<std::string> parts;
  if (!emitObjects(std::move(llvmModule), *tm, options.optLevel, parts, error))
    return false;
  cm.add("codegen", metrics::wallNow() - t2);
  for (const std::string &part : parts) {
    cm.objectBytes += static_cast<int64_t>(part.size());
    if (options.metrics)
      functionSizes(llvm::MemoryBufferRef(part, "weft"), cm.functions);
  }
  std::string packed = packObjects(parts);
  object.assign(packed.begin(), packed.end());
  return true;
}

std::unique_ptr<JITProgram> JITProgram::load(llvm::StringRef object,
                                             const JITOptions &options,
                                             std::string &error) {
  if (options.vectorMath)
    dlopen("libmvec.so.1", RTLD_NOW | RTLD_GLOBAL);
  initializeNativeTarget(); // a cached object may be the first thing loaded
  double t0 = metrics::wallNow();
  auto fail = [&](llvm::Error e) -> std::unique_ptr<JITProgram> {
    error = "JIT error: " + llvm::toString(std::move(e));
    return nullptr;
  };
  auto jtmb = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!jtmb)
    return fail(jtmb.takeError());
  auto jit = llvm::orc::LLJITBuilder()
                 .setJITTargetMachineBuilder(std::move(*jtmb))
                 .create();
  if (!jit)
    return fail(jit.takeError());
  llvm::orc::JITDylib &main = (*jit)->getMainJITDylib();
  auto process = llvm::orc::DynamicLibrarySearchGenerator::GetForCurrentProcess(
      (*jit)->getDataLayout().getGlobalPrefix());
  if (!process)
    return fail(process.takeError());
  main.addGenerator(std::move(*process));
  if (auto e = main.define(llvm::orc::absoluteSymbols(
          runtimeSymbols(llvm::orc::MangleAndInterner(
              (*jit)->getExecutionSession(), (*jit)->getDataLayout())))))
    return fail(std::move(e));
  std::vector<llvm::StringRef> parts = unpackObjects(object);
  if (parts.empty()) {
    error = "JIT error: malformed object code";
    return nullptr;
  }
  for (llvm::StringRef part : parts)
    if (auto e = (*jit)->addObjectFile(
            llvm::MemoryBuffer::getMemBufferCopy(part, "weft-program")))
      return fail(std::move(e));
  // Static constructors and destructors (GPU module loads), if any.
  auto optional = [&](const char *name) -> void (*)() {
    auto sym = (*jit)->lookup(name);
    if (!sym) {
      llvm::consumeError(sym.takeError());
      return nullptr;
    }
    return sym->toPtr<void (*)()>();
  };
  std::unique_ptr<JITProgram> program(new JITProgram());
  // The script body; a module compiled for host calls has none.
  program->impl_->entry = optional("__weft_main");
  void (*init)() = optional("__weft_init");
  program->impl_->fini = optional("__weft_fini");
  if (init && !rt::runProtected(init, error)) {
    program->impl_->fini = nullptr;
    error = "runtime error while loading the program: " + error;
    return nullptr;
  }
  if (options.metrics)
    options.metrics->add("jit-load", metrics::wallNow() - t0);
  program->impl_->jit = std::move(*jit);
  return program;
}

std::unique_ptr<JITProgram> JITProgram::create(mlir::ModuleOp module,
                                               const JITOptions &options,
                                               std::string &error) {
  llvm::SmallVector<char, 0> object;
  if (!compileObject(module, options, object, error))
    return nullptr;
  if (options.objectOut)
    options.objectOut->assign(object.data(), object.size());
  return load(llvm::StringRef(object.data(), object.size()), options, error);
}

void *JITProgram::lookup(const std::string &symbol) {
  auto sym = impl_->jit->lookup(symbol);
  if (!sym) {
    llvm::consumeError(sym.takeError());
    return nullptr;
  }
  return sym->toPtr<void *>();
}

RunStatus JITProgram::run(std::string &error) {
  if (!impl_->entry) {
    error = "JIT error: the program has no script body";
    return RunStatus::JITError;
  }
  if (!rt::runProtected(impl_->entry, error))
    return RunStatus::RuntimeError;
  return RunStatus::Ok;
}

RunStatus JITProgram::call(void *packed, void **args, std::string &error) {
  if (!rt::runProtected(reinterpret_cast<void (*)(void **)>(packed), args,
                        error))
    return RunStatus::RuntimeError;
  return RunStatus::Ok;
}

RunStatus runModule(mlir::ModuleOp module, int optLevel, std::string &error,
                    bool vectorMath, std::vector<VectorizerRemark> *remarks) {
  JITOptions options;
  options.optLevel = optLevel;
  options.vectorMath = vectorMath;
  options.remarks = remarks;
  std::unique_ptr<JITProgram> program =
      JITProgram::create(module, options, error);
  if (!program)
    return RunStatus::JITError;
  return program->run(error);
}

} // namespace weft
