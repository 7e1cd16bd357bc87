//===- ReplSession.cpp - The state of an interactive session --------------===//
//
// Implements ReplSession (ReplSession.h).
//
//===----------------------------------------------------------------------===//
#include "tools/weft/ReplSession.h"
#include "tools/weft/EmitCommand.h"

#include "compiler/Driver/Compilation.h"
#include "compiler/MLIRGen/MLIRGen.h"
#include "frontend/AST.h"
#include "frontend/Diagnostics.h"
#include "frontend/Parser.h"
#include "runtime/CachedProgram.h"
#include "runtime/JITRunner.h"
#include "runtime/SessionStore.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace weft {

namespace {

constexpr const char *kFile = "<repl>";

/// What an entry defines and assigns at its top level.
struct EntryShape {
  std::vector<std::pair<std::string, std::string>> defs; ///< name, text
  std::set<std::string> assigned;
  const ExprStmt *lastExpr = nullptr; ///< the entry's last statement
  std::string parseErrors;
};

/// Lines [first, last] of `text`.
std::string linesOf(const std::string &text, int first, int last) {
  std::string out;
  int line = 1;
  size_t start = 0;
  while (start <= text.size() && line <= last) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos)
      end = text.size();
    if (line >= first)
      out += text.substr(start, end - start) + "\n";
    start = end + 1;
    ++line;
  }
  return out;
}

/// The names `target` binds, into `out`.
void namesAssigned(const Expr *target, std::set<std::string> &out) {
  std::vector<const NameExpr *> names;
  namesOfTarget(target, names);
  for (const NameExpr *n : names)
    out.insert(n->name);
}

EntryShape shapeOf(const std::string &text, ModuleAST &ast) {
  EntryShape shape;
  for (const StmtPtr &s : ast.body) {
    if (auto *d = s->dyn<FunctionDefStmt>()) {
      int first = d->range.begin.line;
      for (const ExprPtr &dec : d->decorators)
        first = std::min(first, dec->range.begin.line);
      int last = d->range.end.line;
      if (d->range.end.col == 1 && last > first)
        --last; // the range ends at the start of the next line
      shape.defs.push_back({d->name, linesOf(text, first, last)});
    } else if (auto *a = s->dyn<AssignStmt>()) {
      for (const ExprPtr &t : a->targets)
        namesAssigned(t.get(), shape.assigned);
    } else if (auto *f = s->dyn<ForStmt>()) {
      namesAssigned(f->target.get(), shape.assigned);
    }
  }
  if (!ast.body.empty())
    shape.lastExpr = ast.body.back()->dyn<ExprStmt>();
  return shape;
}

CompileOptions compileOptions(const ReplOptions &o) {
  CompileOptions co;
  co.optLevel = o.optLevel;
  co.fastmath = o.fastmath;
  co.target = o.target;
  co.gpuArch = o.gpuArch;
  return co;
}

std::string renderFailure(Compilation &c) {
  if (!c.internalError().empty())
    return c.diags().renderAll() + c.internalError();
  return c.diags().renderAll();
}

bool isPrintCall(const Expr *e) {
  auto *c = e->dyn<CallExpr>();
  auto *n = c ? c->callee->dyn<NameExpr>() : nullptr;
  return n && n->name == "print";
}

} // namespace

ReplSession::ReplSession(ReplOptions options) : options_(std::move(options)) {}

ReplSession::~ReplSession() { session::clear(); }

void ReplSession::reset() {
  session::clear();
  variables_.clear();
  functions_.clear();
  signatures_.clear();
  lastBody_.clear();
}

std::vector<std::string> ReplSession::names() const {
  std::vector<std::string> out;
  for (const auto &[name, type] : variables_)
    out.push_back(name);
  for (const auto &[name, text] : functions_)
    out.push_back(name);
  return out;
}

std::string
ReplSession::programText(const std::string &entry,
                         const std::vector<std::string> &redefined) const {
  std::string text = entry;
  if (!text.empty() && text.back() != '\n')
    text += '\n';
  for (const auto &[name, def] : functions_)
    if (std::find(redefined.begin(), redefined.end(), name) == redefined.end())
      text += "\n" + def;
  return text;
}

bool ReplSession::run(const std::string &entryText, std::string &error) {
  SourceFile file(kFile, entryText);
  DiagnosticEngine diags(file);
  std::unique_ptr<ModuleAST> ast = parseModule(file, diags);
  if (!ast || diags.hasErrors()) {
    error = diags.renderAll();
    return false;
  }
  EntryShape shape = shapeOf(entryText, *ast);
  std::vector<std::string> redefined;
  for (const auto &d : shape.defs)
    redefined.push_back(d.first);

  // Type-check with the kept variables defined; if that fails, a variable
  // the entry assigns may be rebound with another type, as in Python:
  // check again without those.
  std::string text = entryText;
  auto check = [&](const std::map<std::string, Type> &vars) {
    auto c = std::make_unique<Compilation>(kFile, programText(text, redefined),
                                           compileOptions(options_));
    c->setSession(vars);
    bool ok = c->analyze();
    return std::make_pair(ok, std::move(c));
  };
  std::map<std::string, Type> vars = variables_;
  auto [ok, c] = check(vars);
  if (!ok) {
    std::map<std::string, Type> fewer;
    for (const auto &[name, type] : vars)
      if (!shape.assigned.count(name))
        fewer[name] = type;
    if (fewer.size() != vars.size()) {
      auto retry = check(fewer);
      if (retry.first) {
        ok = true;
        c = std::move(retry.second);
        vars = fewer;
      }
    }
  }
  if (!ok) {
    error = renderFailure(*c);
    return false;
  }
  // An expression entry prints its value.
  if (shape.lastExpr && !isPrintCall(shape.lastExpr->value.get())) {
    // The same statement in the compilation's own syntax tree, where the
    // entry's statements come first.
    const StmtPtr &last = c->ast()->body[ast->body.size() - 1];
    Type t = c->program()->main->typeOf(last->dyn<ExprStmt>()->value.get());
    if (t.isKnown() && !t.isNone()) {
      size_t b = file.offsetOf(shape.lastExpr->value->range.begin);
      size_t e = file.offsetOf(shape.lastExpr->value->range.end);
      text = entryText.substr(0, b) + "print(" + entryText.substr(b, e - b) +
             ")" + entryText.substr(e);
      auto again = check(vars);
      if (!again.first) {
        error = renderFailure(*again.second);
        return false;
      }
      c = std::move(again.second);
    }
  }
  JITOptions jit;
  jit.optLevel = options_.optLevel;
  jit.vectorMath = options_.fastmath;
  jit.metrics = &c->compileMetrics();
  // The one compile path of weft run (CachedProgram.h), without the
  // on-disk cache: entries are one-off programs over the session's state.
  CacheUse cache;
  cache.enabled = false;
  double t0 = metrics::wallNow();
  std::string jitError;
  ProgramOrigin origin;
  std::unique_ptr<JITProgram> program =
      compileThroughCache(*c, jit, cache, origin, jitError);
  c->compileMetrics().totalSeconds += metrics::wallNow() - t0;
  if (origin == ProgramOrigin::CompileError) {
    error = renderFailure(*c);
    return false;
  }
  if (!program) {
    error = "internal compiler error: " + jitError + "\n";
    return false;
  }
  session::clearInterrupt();
  metrics::beginRun();
  std::string runError;
  RunStatus status = program->run(runError);
  if (status != RunStatus::Ok)
    session::repairReferences();
  lastMetrics_ = metrics::Metrics();
  lastMetrics_.run = metrics::endRun();
  lastMetrics_.file = kFile;
  lastMetrics_.compile = c->compileMetrics();
  hasMetrics_ = true;
  std::fflush(stdout);
  session::clearInterrupt();
  // The definitions compiled, so they are kept even if the run failed.
  for (auto &[name, def] : shape.defs) {
    auto it = std::find_if(functions_.begin(), functions_.end(),
                           [&](const auto &f) { return f.first == name; });
    if (it != functions_.end())
      it->second = def;
    else
      functions_.push_back({name, def});
  }
  for (const auto &inst : c->program()->instances)
    if (inst->def)
      signatures_[inst->def->name] = inst->paramTypes;
  if (status != RunStatus::Ok) {
    error = status == RunStatus::RuntimeError
                ? std::string(kFile) + ":" + runError + "\n"
                : "internal compiler error: " + runError + "\n";
    return false;
  }
  // The variables the entry kept (weft.session_set) and their types; a
  // tuple or optional is kept slot by slot ("t#0", ...), and the slots of
  // a value of another type are dropped.
  for (const auto &[name, type] : c->program()->main->locals) {
    bool storable = weft::sessionStorable(type);
    auto old = variables_.find(name);
    if (old != variables_.end() && old->second != type) {
      // The entry stored the new slots; the old ones it did not rewrite
      // are dropped.
      std::vector<std::string> before, now;
      weft::slotNames(name, old->second, before);
      if (storable)
        weft::slotNames(name, type, now);
      for (const std::string &s : before)
        if (std::find(now.begin(), now.end(), s) == now.end())
          session::erase(s);
    }
    if (storable)
      variables_[name] = type;
    else if (old != variables_.end())
      variables_.erase(name);
  }
  lastBody_ = entryText;
  return true;
}

bool ReplSession::typeOf(const std::string &expr, std::string &out,
                         std::string &error) {
  std::string text = expr + "\n";
  Compilation c(kFile, programText(text, {}), compileOptions(options_));
  c.setSession(variables_);
  if (!c.analyze()) {
    error = renderFailure(c);
    return false;
  }
  const auto &body = c.ast()->body;
  const ExprStmt *e = body.empty() ? nullptr : body.front()->dyn<ExprStmt>();
  if (!e) {
    error = "weft: error: :type takes an expression\n";
    return false;
  }
  Type t = c.program()->main->typeOf(e->value.get());
  out = t.isNone() ? "None" : t.str();
  return true;
}

bool ReplSession::emit(const std::string &stage, const std::string &name,
                       std::string &error) {
  if (name.empty()) {
    Compilation c(kFile, programText(lastBody_, {}), compileOptions(options_));
    c.setSession(variables_);
    return runEmit(c, stage) == 0;
  }
  auto it = std::find_if(functions_.begin(), functions_.end(),
                         [&](const auto &f) { return f.first == name; });
  if (it == functions_.end()) {
    error =
        "weft: error: there is no function '" + name + "' in this session\n";
    return false;
  }
  auto sig = signatures_.find(name);
  if (sig == signatures_.end()) {
    error = "weft: error: '" + name +
            "' has not been called yet, so its argument types are unknown; "
            "call it once (or annotate its parameters)\n";
    return false;
  }
  Compilation c(kFile, programText("", {}), compileOptions(options_));
  c.requestEntries({{name, sig->second, nullptr}});
  return runEmit(c, stage) == 0;
}

} // namespace weft
