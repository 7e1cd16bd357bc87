//===- Engine.cpp - Weft's C++ embedding API ------------------------------===//
//
// Implements weft.hpp: modules compile lazily, one specialisation per
// function and argument-type signature (a dispatcher), each an exported
// function with a packed host-call wrapper (JITRunner.cpp), looked up in
// the on-disk code cache first. Arguments are passed as MLIR memref
// descriptors built over the caller's memory; a view of memory Weft does
// not own has a null "allocated" pointer, which the runtime's reference
// counting ignores.
//
//===----------------------------------------------------------------------===//
#include "weft/weft.hpp"

#include "compiler/Driver/Compilation.h"
#include "runtime/CachedProgram.h"
#include "runtime/CudaRuntime.h"
#include "runtime/ErrorRecord.h"
#include "runtime/JITRunner.h"
#include "runtime/Metrics.h"
#include "runtime/MetricsJSON.h"
#include "runtime/RuntimeABI.h"
#include "runtime/embed/CallArguments.h"
#include "runtime/embed/Interrupts.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string_view>
#include <tuple>

#ifndef WEFT_VERSION
#define WEFT_VERSION "0.1.0"
#endif

namespace weft {

namespace detail {

/// One compiled (function, signature).
struct Specialization {
  std::unique_ptr<JITProgram> program;
  void *packed = nullptr;
  ParameterInfo params; ///< types, names, which may be written
  Type result;
  std::string symbol;
  metrics::CompileMetrics compile;
  bool cacheHit = false;
  // Calls, for Engine::metrics().
  int64_t calls = 0;
  double callSeconds = 0;
};

struct EngineState {
  Options options;
  /// Whether calls are timed (Options::timeCalls or metrics, or
  /// WEFT_TIME_CALLS): when not, a call reads no clock and takes no lock.
  bool timeCalls = false;
  /// Threads of the calls' parallel loops: Options::threads, else
  /// WEFT_NUM_THREADS, else 0 (OpenMP's default, all cores).
  int threads = 0;
  std::mutex mutex; ///< guards the counters below
  int64_t compilations = 0, cacheHits = 0, calls = 0;
  double compileSeconds = 0, callSeconds = 0;
  /// (function, signature) -> its specialisation, for metrics: those of
  /// the live modules only (a module's are released with it).
  std::vector<std::pair<std::string, std::weak_ptr<Specialization>>> specs;
  /// Calls per function, as weft run --metrics reports entry calls.
  std::vector<metrics::EntryCall> entries;
};

/// A function and its argument kinds (dtype and rank each), compared
/// without building strings: the key of a call's specialisation.
struct SpecKey {
  std::string_view function; ///< a name in ModuleState::functions
  uint32_t count = 0;
  std::array<uint16_t, 16> kinds{};
  bool operator<(const SpecKey &o) const {
    return std::tie(function, count, kinds) <
           std::tie(o.function, o.count, o.kinds);
  }
};

struct ModuleState {
  std::shared_ptr<EngineState> engine;
  std::string source, name;
  std::set<std::string> functions;
  std::mutex mutex; ///< guards `specs` (and serialises compiles)
  std::map<std::string, std::shared_ptr<Specialization>> specs;
  /// The same specialisations by SpecKey (calls of up to 16 arguments).
  std::map<SpecKey, std::shared_ptr<Specialization>> byKind;

  /// Releases the module's machine code (each specialisation's JIT, its
  /// memory mappings) now, and its entries in the engine's metrics.
  ~ModuleState() {
    byKind.clear();
    specs.clear();
    std::lock_guard<std::mutex> lock(engine->mutex);
    auto &all = engine->specs;
    all.erase(std::remove_if(
                  all.begin(), all.end(),
                  [](const auto &entry) { return entry.second.expired(); }),
              all.end());
  }
};

} // namespace detail

namespace {

ScalarKind kindOf(DType d) {
  switch (d) {
  case DType::Bool:
    return ScalarKind::Bool;
  case DType::I32:
    return ScalarKind::I32;
  case DType::I64:
    return ScalarKind::I64;
  case DType::F32:
    return ScalarKind::F32;
  case DType::F64:
    return ScalarKind::F64;
  case DType::I8:
    return ScalarKind::I8;
  case DType::I16:
    return ScalarKind::I16;
  case DType::U8:
    return ScalarKind::U8;
  case DType::U16:
    return ScalarKind::U16;
  case DType::U32:
    return ScalarKind::U32;
  case DType::U64:
    return ScalarKind::U64;
  case DType::C128:
    return ScalarKind::C128;
  case DType::C64:
    return ScalarKind::C64;
  }
  return ScalarKind::F64;
}

DType dtypeOfKind(ScalarKind k) {
  switch (k) {
  case ScalarKind::Bool:
    return DType::Bool;
  case ScalarKind::I32:
    return DType::I32;
  case ScalarKind::I64:
    return DType::I64;
  case ScalarKind::F32:
    return DType::F32;
  case ScalarKind::I8:
    return DType::I8;
  case ScalarKind::I16:
    return DType::I16;
  case ScalarKind::U8:
    return DType::U8;
  case ScalarKind::U16:
    return DType::U16;
  case ScalarKind::U32:
    return DType::U32;
  case ScalarKind::U64:
    return DType::U64;
  case ScalarKind::C128:
    return DType::C128;
  case ScalarKind::C64:
    return DType::C64;
  default:
    return DType::F64;
  }
}

Type typeOfArg(const detail::Arg &a) {
  return a.rank ? Type::array(kindOf(a.dtype), a.rank)
                : Type::scalar(kindOf(a.dtype));
}

/// The number of parameters of `function` if the module defines it with
/// @vectorize; none otherwise (or if the source does not parse).
std::optional<size_t> vectorizedArity(const std::string &source,
                                      const std::string &name,
                                      const std::string &function) {
  Compilation parsed(name, source);
  if (!parsed.parse())
    return std::nullopt;
  for (const StmtPtr &s : parsed.ast()->body) {
    auto *def = s->dyn<FunctionDefStmt>();
    if (!def || def->name != function)
      continue;
    for (const ExprPtr &d : def->decorators) {
      auto *call = d->dyn<CallExpr>();
      auto *n = (call ? call->callee.get() : d.get())->dyn<NameExpr>();
      if (n && n->name == "vectorize")
        return def->params.size();
    }
  }
  return std::nullopt;
}

std::shared_ptr<detail::Specialization>
compileSpecialization(detail::ModuleState &m, const std::string &function,
                      const std::vector<Type> &argTypes) {
  const Options &o = m.engine->options;
  double t0 = metrics::wallNow();
  CompileOptions co;
  co.optLevel = o.optLevel;
  co.fastmath = o.fastmath;
  // The engine's constructor checked and resolved the name.
  co.target = parseTarget(o.target).value_or(Target::CPU);
  co.metrics = o.metrics;
  // @jit(target="auto") follows the engine's target (its arrays are in
  // managed memory only when that is "gpu").
  if (co.target == Target::GPU)
    co.gpuPresent = [] { return true; };
  // A @vectorize function called with arrays runs element by element, as
  // a call in Weft code does: through a wrapper that makes that call.
  std::string source = m.source, entry = function;
  if (std::optional<size_t> arity = vectorizedArity(source, m.name, function);
      arity && std::any_of(argTypes.begin(), argTypes.end(),
                           [](const Type &t) { return t.isArray(); })) {
    entry = "__weft_elementwise_" + function;
    std::string params;
    for (size_t i = 0; i < *arity; ++i)
      params += (i ? ", a" : "a") + std::to_string(i);
    source += "\n\ndef " + entry + "(" + params + "):\n    return " + function +
              "(" + params + ")\n";
  }
  Compilation c(m.name, source, co);
  std::vector<EntryRequest> entries{{entry, argTypes, nullptr}};
  c.requestEntries(entries);
  if (!c.analyze() || !c.entries()[0].instance) {
    std::string text = c.diags().renderAll() + c.internalError();
    if (c.entries()[0].callError)
      throw CallError(text);
    throw CompileError(text);
  }
  const FunctionInstance *inst = c.entries()[0].instance;
  auto spec = std::make_shared<detail::Specialization>();
  spec->params = {inst->paramTypes, inst->paramNames, inst->writtenParams};
  spec->result = inst->returnType;
  spec->symbol = inst->symbol;

  JITOptions jo;
  jo.optLevel = o.optLevel;
  jo.vectorMath = o.fastmath;
  jo.exports = {spec->symbol};
  jo.metrics = &spec->compile;
  // From the code cache when an entry applies (CachedProgram.h: the one
  // key recipe), else compiled and stored.
  CacheUse use;
  use.enabled = o.cache;
  use.directory = o.cacheDirectory;
  use.entryPoints = {"__weft_packed_" + spec->symbol};
  std::string error;
  ProgramOrigin origin;
  spec->program = compileThroughCache(c, jo, use, origin, error);
  if (origin == ProgramOrigin::CompileError)
    throw CompileError(c.diags().renderAll() + c.internalError());
  if (!spec->program)
    throw Error("internal compiler error: " + error);
  spec->cacheHit = origin == ProgramOrigin::Cache;
  spec->packed = spec->program->lookup("__weft_packed_" + spec->symbol);
  if (!spec->packed)
    throw Error("internal compiler error: no entry point for '" + function +
                "'");
  // The front-end stages first, then the JIT's.
  std::vector<metrics::StageTime> stages = c.compileMetrics().stages;
  stages.insert(stages.end(), spec->compile.stages.begin(),
                spec->compile.stages.end());
  spec->compile.stages = std::move(stages);
  spec->compile.totalSeconds = metrics::wallNow() - t0;
  {
    std::lock_guard<std::mutex> lock(m.engine->mutex);
    (spec->cacheHit ? m.engine->cacheHits : m.engine->compilations) += 1;
    m.engine->compileSeconds += spec->compile.totalSeconds;
    std::string sig = function + "(";
    for (size_t i = 0; i < argTypes.size(); ++i)
      sig += (i ? ", " : "") + argTypes[i].str();
    m.engine->specs.push_back({sig + ")", spec});
  }
  return spec;
}

} // namespace

// ---- Array

int64_t Array::size() const {
  int64_t n = 1;
  for (int d = 0; d < arg_.rank; ++d)
    n *= arg_.shape[d];
  return n;
}

Array::Array(const Array &other) : arg_(other.arg_) {
  weft_rt_array_retain(arg_.owner);
}

Array &Array::operator=(const Array &other) {
  if (this != &other) {
    weft_rt_array_retain(other.arg_.owner);
    weft_rt_array_release(arg_.owner);
    arg_ = other.arg_;
  }
  return *this;
}

Array::Array(Array &&other) noexcept : arg_(other.arg_) {
  other.arg_.owner = nullptr;
}

Array &Array::operator=(Array &&other) noexcept {
  if (this != &other) {
    weft_rt_array_release(arg_.owner);
    arg_ = other.arg_;
    other.arg_.owner = nullptr;
  }
  return *this;
}

Array::~Array() { weft_rt_array_release(arg_.owner); }

// ---- Function

namespace {
/// Size and alignment in the struct LLVM returns (C's layout): bools are
/// one byte, i32/f32 four, i64/f64 eight, a complex128 sixteen
/// (aligned as f64), a complex64 eight (aligned as f32), an array a memref
/// descriptor {ptr, ptr, i64, i64[rank], i64[rank]}.
size_t leafBytes(const Type &t) {
  if (t.isArray())
    return 8 * (3 + 2 * static_cast<size_t>(t.rank()));
  switch (t.scalarKind()) {
  case ScalarKind::Bool:
    return 1;
  case ScalarKind::C128:
    return 16;
  case ScalarKind::C64:
    return 8;
  case ScalarKind::I8:
  case ScalarKind::U8:
    return 1;
  case ScalarKind::I16:
  case ScalarKind::U16:
    return 2;
  case ScalarKind::I32:
  case ScalarKind::U32:
  case ScalarKind::F32:
    return 4;
  default:
    return 8;
  }
}
size_t leafAlign(const Type &t) {
  if (t.isScalar() && t.scalarKind() == ScalarKind::C64)
    return 4;
  return t.isArray() || t.isComplex() ? 8 : leafBytes(t);
}

/// Where the next leaf of type `t` starts after `offset` bytes.
size_t alignUp(size_t offset, const Type &t) {
  size_t a = leafAlign(t);
  return (offset + a - 1) / a * a;
}

size_t resultBytes(const Type &t) {
  // An optional is laid out as the tuple (number, not None).
  if (t.hasParts()) {
    size_t offset = 0;
    for (const Type &e : t.elems())
      offset = alignUp(offset, e.hasParts() ? Type::i64() : e) + resultBytes(e);
    return offset;
  }
  if (t.isNone() || !t.isKnown())
    return 0;
  return leafBytes(t);
}
} // namespace

/// Builds Values from a call's result bytes (a friend of Value).
struct detail::ValueAccess {
  static Value decode(const Type &r, const char *bytes, size_t &offset);
};

Value detail::ValueAccess::decode(const Type &r, const char *bytes,
                                  size_t &offset) {
  Value out;
  if (r.isNone() || !r.isKnown())
    return out;
  if (r.isOptional()) {
    // The number, then whether it is not None: None is an empty Value.
    Value number = decode(r.elems()[0], bytes, offset);
    Value present = decode(r.elems()[1], bytes, offset);
    return present.b_ ? number : out;
  }
  if (r.isRagged()) {
    // Starts, lengths, capacities, pool: the capacities are dropped.
    out.kind_ = Value::Kind::Tuple;
    out.isRagged_ = true;
    out.raggedArrayRows_ = r.raggedArrayRows();
    out.isString_ = r.isStrList();
    for (size_t k = 0; k < r.elems().size(); ++k) {
      Value part = decode(r.elems()[k], bytes, offset);
      if (k != 2)
        out.elements_.push_back(std::move(part));
    }
    for (Value &part : out.elements_)
      part.listDepth_ = 0;
    return out;
  }
  if (r.isTuple() || r.isTupleList()) {
    // A tuple's values are the struct's fields in order (nested tuples
    // flattened into it). A list of tuples is the tuple of its fields'
    // lists, with the lists' depth.
    out.kind_ = Value::Kind::Tuple;
    out.listDepth_ = r.isTupleList() ? r.listDepth() : 0;
    out.record_ = r.recordName();
    for (const Type &e : r.elems())
      out.elements_.push_back(decode(e, bytes, offset));
    return out;
  }
  offset = alignUp(offset, r);
  const char *at = bytes + offset;
  offset += leafBytes(r);
  if (r.isArray()) {
    uint64_t words[11];
    std::memcpy(words, at, leafBytes(r));
    detail::Arg &a = out.array_.arg_;
    a.dtype = dtypeOfKind(r.scalarKind());
    a.rank = r.rank();
    void *allocated, *aligned;
    std::memcpy(&allocated, &words[0], sizeof allocated);
    std::memcpy(&aligned, &words[1], sizeof aligned);
    a.owner = allocated; // the call's reference, now the Array's
    a.data = static_cast<char *>(aligned) +
             static_cast<int64_t>(words[2]) * detail::elementBytes(a.dtype);
    for (int d = 0; d < a.rank; ++d) {
      a.shape[d] = static_cast<int64_t>(words[3 + d]);
      a.strides[d] = static_cast<int64_t>(words[3 + a.rank + d]);
    }
    out.kind_ = Value::Kind::Array;
    out.listDepth_ = r.listDepth();
    out.isString_ = r.isString();
    out.structured_ = r.structuredSpec();
    return out;
  }
  switch (r.scalarKind()) {
  case ScalarKind::Bool:
    out.kind_ = Value::Kind::Bool;
    out.b_ = (*at & 0xff) != 0;
    break;
  case ScalarKind::I32: {
    int32_t x;
    std::memcpy(&x, at, 4);
    out.kind_ = Value::Kind::Int;
    out.i_ = x;
    break;
  }
  case ScalarKind::I64:
    out.kind_ = Value::Kind::Int;
    std::memcpy(&out.i_, at, 8);
    break;
  // NumPy's narrow integers (a function declared to return one): their
  // own widths, as the struct of the result lays them out
  case ScalarKind::I8:
  case ScalarKind::U8:
  case ScalarKind::I16:
  case ScalarKind::U16:
  case ScalarKind::U32: {
    ScalarKind k = r.scalarKind();
    int8_t i8;
    uint8_t u8;
    int16_t i16;
    uint16_t u16;
    uint32_t u32;
    out.kind_ = Value::Kind::Int;
    if (k == ScalarKind::I8)
      out.i_ = (std::memcpy(&i8, at, 1), i8);
    else if (k == ScalarKind::U8)
      out.i_ = (std::memcpy(&u8, at, 1), u8);
    else if (k == ScalarKind::I16)
      out.i_ = (std::memcpy(&i16, at, 2), i16);
    else if (k == ScalarKind::U16)
      out.i_ = (std::memcpy(&u16, at, 2), u16);
    else
      out.i_ = (std::memcpy(&u32, at, 4), u32);
    break;
  }
  case ScalarKind::U64:
    out.kind_ = Value::Kind::Int;
    out.unsigned_ = true;
    std::memcpy(&out.i_, at, 8);
    break;
  case ScalarKind::F32: {
    float x;
    std::memcpy(&x, at, 4);
    out.kind_ = Value::Kind::Float;
    out.f_ = x;
    break;
  }
  case ScalarKind::C128:
    out.kind_ = Value::Kind::Complex;
    std::memcpy(&out.f_, at, 8);
    std::memcpy(&out.im_, at + 8, 8);
    break;
  case ScalarKind::C64: {
    float parts[2];
    std::memcpy(parts, at, 8);
    out.kind_ = Value::Kind::Complex;
    out.f_ = parts[0];
    out.im_ = parts[1];
    break;
  }
  default:
    out.kind_ = Value::Kind::Float;
    std::memcpy(&out.f_, at, 8);
    break;
  }
  return out;
}

/// Runs `run` timed for Engine::metrics(): wall and CPU time, bytes
/// allocated and parallel regions entered, added to the function's entry
/// under the engine's lock. Process-wide clocks and counters: with calls
/// on several threads at once, CPU time and bytes include the others'.
static RunStatus timedCall(detail::ModuleState &m, detail::Specialization &spec,
                           const std::string &name,
                           const std::function<RunStatus()> &run) {
  int64_t bytes0 = rt::totalAllocatedBytes();
  int64_t regions0 = metrics::parallelRegionsEntered();
  double c0 = metrics::cpuNow();
  double t0 = metrics::wallNow();
  RunStatus status = run();
  double dt = metrics::wallNow() - t0;
  double cpu = metrics::cpuNow() - c0;
  int64_t bytes = rt::totalAllocatedBytes() - bytes0;
  std::lock_guard<std::mutex> lock(m.engine->mutex);
  spec.calls += 1;
  spec.callSeconds += dt;
  m.engine->calls += 1;
  m.engine->callSeconds += dt;
  auto it =
      std::find_if(m.engine->entries.begin(), m.engine->entries.end(),
                   [&](const metrics::EntryCall &e) { return e.name == name; });
  if (it == m.engine->entries.end()) {
    m.engine->entries.emplace_back();
    it = m.engine->entries.end() - 1;
    it->name = name;
  }
  it->calls += 1;
  it->wall.add(dt);
  it->cpuSeconds += cpu;
  it->threads = std::max(it->threads, metrics::currentThreads());
  it->bytesAllocated += bytes;
  it->parallelRegions += metrics::parallelRegionsEntered() - regions0;
  return status;
}

/// The specialisation of `name` for `args` (checked), compiled on first
/// use; later calls find it by the kinds of their arguments.
static std::shared_ptr<detail::Specialization>
specializationFor(detail::ModuleState &m, const std::string &name,
                  const std::vector<detail::Arg> &args) {
  detail::checkArguments(name, args);
  detail::SpecKey key;
  bool keyed = args.size() <= key.kinds.size();
  if (keyed) {
    key.function = name;
    key.count = static_cast<uint32_t>(args.size());
    for (size_t i = 0; i < args.size(); ++i)
      key.kinds[i] = static_cast<uint16_t>(
          static_cast<int>(args[i].dtype) * 16 + args[i].rank);
  }
  std::lock_guard<std::mutex> lock(m.mutex);
  auto fast = keyed ? m.byKind.find(key) : m.byKind.end();
  if (fast != m.byKind.end())
    return fast->second;
  std::vector<Type> types;
  std::string sig;
  for (const detail::Arg &a : args) {
    types.push_back(typeOfArg(a));
    sig += types.back().str() + ";";
  }
  std::shared_ptr<detail::Specialization> spec;
  auto it = m.specs.find(name + "(" + sig);
  if (it != m.specs.end()) {
    spec = it->second;
  } else {
    spec = compileSpecialization(m, name, types);
    m.specs[name + "(" + sig] = spec;
  }
  if (keyed) {
    // The key's name lives as long as the module.
    key.function = *m.functions.find(name);
    m.byKind[key] = spec;
  }
  return spec;
}

Value Function::call(const std::vector<detail::Arg> &args) const {
  detail::ModuleState &m = *module_;
  std::shared_ptr<detail::Specialization> spec =
      specializationFor(m, name_, args);
  // Arguments checked, converted and packed (CallArguments.h).
  detail::PackedArguments packed(name_, args, spec->params);
  llvm::SmallVector<uint64_t, 32> &slots = packed.slots;
  llvm::SmallVector<void *, 32> argv;
  argv.reserve(slots.size() + 1);
  for (uint64_t &s : slots)
    argv.push_back(&s);
  // The result: one value, or a struct of a tuple's values.
  llvm::SmallVector<uint64_t, 4> result(resultBytes(spec->result) / 8 + 1, 0);
  argv.push_back(result.data());

  std::string error;
  rt::CallThreads threads(m.engine->threads);
  auto run = [&] {
    detail::InterruptScope interrupts(m.engine->options.catchInterrupts);
    return spec->program->call(spec->packed, argv.data(), error);
  };
  RunStatus status =
      m.engine->timeCalls ? timedCall(m, *spec, name_, run) : run();
  if (status != RunStatus::Ok)
    throw RuntimeError(m.name + ":" + error);

  size_t offset = 0;
  return detail::ValueAccess::decode(
      spec->result, reinterpret_cast<const char *>(result.data()), offset);
}

// ---- Typed handles

namespace detail {
struct TypedEntry {
  std::shared_ptr<ModuleState> module;
  std::shared_ptr<Specialization> spec;
  std::string name;
  void (*entry)(void **) = nullptr;
  /// Neither timed nor catching Ctrl-C (the engine's options, fixed).
  bool plain = false;
  int threads = 0; ///< the engine's thread count
};
} // namespace detail

/// resolveTyped's `result` for "any number, or nothing".
constexpr int kAnyResult = -1000;

/// resolveTyped, and with kAnyResult for resolveEntry (`result` then
/// becomes the result's dtype, or -1).
static std::shared_ptr<detail::TypedEntry>
resolveTypedImpl(std::shared_ptr<detail::ModuleState> module,
                 const std::string &function,
                 const std::vector<detail::Arg> &args, int &result) {
  using namespace detail;
  std::shared_ptr<Specialization> spec =
      specializationFor(*module, function, args);
  // The parameters' annotations may convert (def f(x: f32) for a double):
  // a typed call passes the bytes as they are, so the types must agree.
  for (size_t i = 0; i < args.size(); ++i) {
    const Type &t = spec->params.types[i];
    if (t.isArray() != (args[i].rank > 0) ||
        (t.isArray() && t.rank() != args[i].rank) ||
        dtypeOfKind(t.scalarKind()) != args[i].dtype)
      throw CallError("typed handle of '" + function + "': parameter '" +
                      spec->params.names[i] + "' is " + t.str() + ", not the " +
                      typeOfArg(args[i]).str() + " given; use its C++ type");
  }
  const Type &r = spec->result;
  bool none = r.isNone() || !r.isKnown();
  // One word: a complex number is two (Function::operator() takes it).
  bool number = !none && !r.hasParts() && !r.isArray() && !r.isComplex();
  if (result == kAnyResult && (none || number))
    result = none ? -1 : static_cast<int>(dtypeOfKind(r.scalarKind()));
  bool matches =
      result < 0
          ? none
          : number && static_cast<int>(dtypeOfKind(r.scalarKind())) == result;
  if (!matches)
    throw CallError("typed handle of '" + function + "': it returns " +
                    (none ? std::string("nothing (use void)") : r.str()) +
                    ", which the handle's result type does not hold; "
                    "arrays and tuples come back through "
                    "Function::operator()");
  auto e = std::make_shared<TypedEntry>();
  e->module = std::move(module);
  e->spec = std::move(spec);
  e->name = function;
  e->entry = reinterpret_cast<void (*)(void **)>(e->spec->packed);
  e->threads = e->module->engine->threads;
  e->plain = !e->module->engine->timeCalls &&
             !e->module->engine->options.catchInterrupts;
  return e;
}

std::shared_ptr<detail::TypedEntry>
detail::resolveTyped(std::shared_ptr<ModuleState> module,
                     const std::string &function,
                     const std::vector<DType> &params, int result) {
  std::vector<Arg> args(params.size());
  for (size_t i = 0; i < params.size(); ++i)
    args[i].dtype = params[i];
  return resolveTypedImpl(std::move(module), function, args, result);
}

std::shared_ptr<detail::TypedEntry>
detail::resolveEntry(std::shared_ptr<ModuleState> module,
                     const std::string &function,
                     const std::vector<Arg> &protos, int &result) {
  result = kAnyResult;
  return resolveTypedImpl(std::move(module), function, protos, result);
}

bool detail::callEntry(const TypedEntry &e, const Arg *args, size_t n,
                       uint64_t *result) {
  uint64_t slots[16 * (3 + 2 * WEFT_MAX_RANK)];
  size_t used = 0;
  *result = 0;
  if (!packDirect(args, n, e.spec->params, slots, std::size(slots), used))
    return false;
  void *argv[std::size(slots) + 1];
  for (size_t i = 0; i < used; ++i)
    argv[i] = &slots[i];
  argv[used] = result;
  invokeTyped(e, argv);
  return true;
}

void detail::invokeTyped(const TypedEntry &e, void **argv) {
  if (e.plain) {
    // The common case, with nothing out of line but the protected call.
    CallCount count;
    rt::CallThreads threads(e.threads);
    if (rt::runProtected(e.entry, argv))
      return;
    throw RuntimeError(e.module->name + ":" + rt::protectedError());
  }
  std::string error;
  ModuleState &m = *e.module;
  rt::CallThreads threads(e.threads);
  auto run = [&] {
    InterruptScope interrupts(m.engine->options.catchInterrupts);
    return e.spec->program->call(e.spec->packed, argv, error);
  };
  RunStatus status =
      m.engine->timeCalls ? timedCall(m, *e.spec, e.name, run) : run();
  if (status != RunStatus::Ok)
    throw RuntimeError(m.name + ":" + error);
}

// ---- Module and Engine

Function Module::function(const std::string &name) const {
  if (!state_->functions.count(name))
    throw CallError("there is no function '" + name + "' in " + state_->name);
  return Function(state_, name);
}

Engine::Engine(Options options)
    : state_(std::make_shared<detail::EngineState>()) {
  state_->options = std::move(options);
  const char *timeEnv = std::getenv("WEFT_TIME_CALLS");
  state_->timeCalls = state_->options.timeCalls || state_->options.metrics ||
                      (timeEnv && *timeEnv && std::string(timeEnv) != "0");
  std::optional<Target> target = parseTarget(state_->options.target);
  if (!target)
    throw Error("weft::Options::target is \"cpu\", \"gpu\" or \"auto\", "
                "not \"" +
                state_->options.target + "\"");
  // The engine's calls run their parallel loops on this many threads
  // (rt::CallThreads), whichever host thread makes them; the host's own
  // OpenMP setting is left alone.
  std::string threadsError;
  if (!resolveThreadCount(state_->options.threads, state_->threads,
                          threadsError))
    throw Error("weft::Engine: " + threadsError);
  if (*target == Target::Auto) {
    std::string why;
    target = gpu::available(why) ? Target::GPU : Target::CPU;
    state_->options.target = targetName(*target);
  }
  if (*target == Target::GPU) {
    std::string why;
    if (!gpu::available(why))
      throw Error("weft::Engine: target \"gpu\": " + why);
    gpu::setManagedMemory(true);
  }
}

Engine::~Engine() = default;

Module Engine::compile(const std::string &source, const std::string &name) {
  Compilation c(name, source);
  if (!c.analyze())
    throw CompileError(c.diags().renderAll());
  auto m = std::make_shared<detail::ModuleState>();
  m->engine = state_;
  m->source = source;
  m->name = name;
  for (const StmtPtr &s : c.ast()->body)
    if (auto *d = s->dyn<FunctionDefStmt>())
      m->functions.insert(d->name);
  return Module(m);
}

Module Engine::compile_file(const std::string &path) {
  std::string source, error;
  if (!readFile(path, source, error))
    throw Error("weft: " + error);
  return compile(source, path);
}

const Options &Engine::options() const { return state_->options; }

Metrics Engine::metrics() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  Metrics m;
  m.compilations = state_->compilations;
  m.cacheHits = state_->cacheHits;
  m.calls = state_->calls;
  m.compileSeconds = state_->compileSeconds;
  m.callSeconds = state_->callSeconds;
  llvm::json::Array specializations;
  for (auto &[sig, weakSpec] : state_->specs) {
    std::shared_ptr<detail::Specialization> spec = weakSpec.lock();
    if (!spec)
      continue;
    metrics::Metrics one;
    one.file = sig;
    one.compile = spec->compile;
    specializations.push_back(
        llvm::json::Object{{"signature", sig},
                           {"cache_hit", spec->cacheHit},
                           {"calls", spec->calls},
                           {"call_seconds", metrics::number(spec->callSeconds)},
                           {"compile", metrics::metricsValue(one)}});
  }
  metrics::RunMetrics run;
  run.wallSeconds = state_->callSeconds;
  {
    rt::CallThreads threads(state_->threads);
    run.threads = metrics::currentThreads();
  }
  run.peakRssBytes = metrics::peakRssBytes();
  run.entries = state_->entries;
  for (const metrics::EntryCall &e : run.entries) {
    run.cpuSeconds += e.cpuSeconds;
    run.bytesAllocated += e.bytesAllocated;
  }
  std::string j = metrics::renderJSON(
      llvm::json::Object{{"schema", "weft-engine-metrics/1"},
                         {"compilations", m.compilations},
                         {"cache_hits", m.cacheHits},
                         {"calls", m.calls},
                         {"specializations", std::move(specializations)},
                         {"run", metrics::runValue(run)}});
  m.json = j;
  return m;
}

std::string version() {
  return "weft " WEFT_VERSION " (LLVM/MLIR " LLVM_VERSION_STRING ")";
}

} // namespace weft
