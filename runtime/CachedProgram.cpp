//===- CachedProgram.cpp - A program through the code cache ---------------===//
//
// Implements CachedProgram.h.
//
//===----------------------------------------------------------------------===//
#include "runtime/CachedProgram.h"

#include "frontend/Sema.h"
#include "runtime/Metrics.h"

#include <algorithm>

namespace weft {

namespace {

/// The text of `def` from its first decorator to its end.
std::string definitionText(const SourceFile &file, const FunctionDefStmt &def) {
  int firstLine = def.range.begin.line;
  for (const ExprPtr &d : def.decorators)
    firstLine = std::min(firstLine, d->range.begin.line);
  size_t begin = file.offsetOf(SourceLocation{firstLine, 1});
  size_t end = file.offsetOf(def.range.end);
  return end > begin ? file.text().substr(begin, end - begin) : "";
}

/// The file's text outside its top-level function definitions: the
/// module's constants, imports and script statements.
std::string moduleLevelText(const SourceFile &file, const ModuleAST &ast) {
  std::string out;
  size_t at = 0;
  for (const StmtPtr &s : ast.body) {
    auto *def = s->dyn<FunctionDefStmt>();
    if (!def)
      continue;
    int firstLine = def->range.begin.line;
    for (const ExprPtr &d : def->decorators)
      firstLine = std::min(firstLine, d->range.begin.line);
    size_t begin = file.offsetOf(SourceLocation{firstLine, 1});
    size_t end = file.offsetOf(def->range.end);
    if (begin < at || end < begin)
      continue;
    out += file.text().substr(at, begin - at);
    at = end;
  }
  return out + file.text().substr(std::min(at, file.text().size()));
}

std::string optionsText(const JitOptions &o) {
  return std::string("parallel=") + (o.parallel ? "1" : "0") +
         " fastmath=" + (o.fastmath ? "1" : "0") +
         " boundscheck=" + (o.boundscheck ? "1" : "0") +
         " target=" + targetName(o.target) +
         " kernel=" + (o.kernel ? "1" : "0") +
         " vectorize=" + (o.vectorize ? "1" : "0");
}

} // namespace

cache::Key programKey(const Compilation &c, const JITOptions &jit) {
  cache::Key key;
  key.add("weft code cache key 4");
  const Program &program = *c.program();
  // The code: what code generation compiles, nothing less. When that
  // includes the script body, the whole text (every function's too).
  std::vector<const FunctionInstance *> compiled = compiledInstances(program);
  bool scriptBody = std::any_of(
      compiled.begin(), compiled.end(),
      [](const FunctionInstance *inst) { return inst->def == nullptr; });
  // The file's name, its module-level text and each definition's line:
  // the module's constants decide branches and are folded into the code
  // (`N = 4` where `N = 3` was), and the code spells out the places its
  // run-time errors name (a function moved down the file, or copied to
  // another, names its new lines).
  key.add("file " + c.file().filename());
  if (scriptBody)
    key.add("source").add(c.file().text());
  else if (c.ast())
    key.add("module").add(moduleLevelText(c.file(), *c.ast()));
  for (const FunctionInstance *inst : compiled) {
    if (inst->def && !scriptBody)
      key.add("def at " + std::to_string(inst->def->range.begin.line))
          .add(definitionText(c.file(), *inst->def));
    key.add("instance " + inst->symbol).add(optionsText(inst->options));
    key.add(inst->exported ? "exported" : "internal");
    for (const Type &t : inst->paramTypes)
      key.add(t.str());
    key.add("-> " + inst->returnType.str());
  }
  if (program.session)
    for (const auto &[name, type] : program.sessionInputs)
      key.add("session " + name + ": " + type.str());
  // The options (not the thread count: it is read at run time).
  const CompileOptions &o = c.options();
  key.add("opt=" + std::to_string(o.optLevel))
      .add(o.boundscheck ? "boundscheck" : "")
      .add(o.fastmath ? "fastmath" : "ieee")
      .add(o.metrics ? "metrics" : "")
      .add(std::string("target=") + targetName(o.target) +
           " gpu-arch=" + o.gpuArch)
      .add(std::string("auto=") +
           (c.autoTarget() ? targetName(*c.autoTarget()) : ""))
      .add("jit-opt=" + std::to_string(jit.optLevel))
      .add(jit.vectorMath ? "vector-math" : "");
  for (const std::string &e : jit.exports)
    key.add("export " + e);
  // The machine and the compiler.
  key.add(cache::hostAndCompilerIdentity());
  return key;
}

std::unique_ptr<JITProgram> compileThroughCache(Compilation &c, JITOptions jit,
                                                const CacheUse &use,
                                                ProgramOrigin &origin,
                                                std::string &error) {
  if (!c.analyze()) {
    origin = ProgramOrigin::CompileError;
    return nullptr;
  }
  std::optional<cache::Key> key;
  bool hadEntry = false;
  if (use.enabled) {
    double t0 = metrics::wallNow();
    key = programKey(c, jit);
    std::optional<std::string> object = cache::load(*key, use.directory);
    if (jit.metrics)
      jit.metrics->add("cache-lookup", metrics::wallNow() - t0);
    if (object) {
      hadEntry = true;
      std::string loadError;
      JITOptions loadOptions = jit;
      loadOptions.objectOut = nullptr;
      std::unique_ptr<JITProgram> program =
          JITProgram::load(*object, loadOptions, loadError);
      bool complete = program != nullptr;
      for (const std::string &symbol : use.entryPoints)
        complete = complete && program->lookup(symbol);
      if (complete) {
        origin = ProgramOrigin::Cache;
        return program;
      }
      // Intact, yet not loadable: compiled again below, and replaced.
    }
  }
  if (!c.lower()) {
    origin = ProgramOrigin::CompileError;
    return nullptr;
  }
  std::string object;
  if (key)
    jit.objectOut = &object;
  std::unique_ptr<JITProgram> program =
      JITProgram::create(c.module(), jit, error);
  if (!program) {
    origin = ProgramOrigin::JITError;
    return nullptr;
  }
  origin = ProgramOrigin::Compiled;
  if (key) {
    if (!use.storable || use.storable())
      cache::store(*key, object, use.directory);
    else if (hadEntry)
      cache::remove(*key, use.directory);
  }
  return program;
}

} // namespace weft
