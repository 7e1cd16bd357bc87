//===- SemaDecorators.cpp - Decorators and kernel launches ----------------===//
//
// The options of @jit/@njit/@kernel/@vectorize decorators, and the
// [blocks, threads] configuration of a kernel launch.
//
//===----------------------------------------------------------------------===//
#include "frontend/SemaImpl.h"

namespace weft {
namespace sema {

bool Analyzer::isVectorizeDef(const FunctionDefStmt *def) {
  for (const ExprPtr &d : def->decorators) {
    auto *call = d->dyn<CallExpr>();
    auto *name = (call ? call->callee.get() : d.get())->dyn<NameExpr>();
    if (name && name->name == "vectorize")
      return true;
  }
  return false;
}

bool Analyzer::isKernelDef(const FunctionDefStmt *def) {
  for (const ExprPtr &d : def->decorators) {
    auto *call = d->dyn<CallExpr>();
    auto *name = (call ? call->callee.get() : d.get())->dyn<NameExpr>();
    if (name && name->name == "kernel")
      return true;
  }
  return false;
}

bool Analyzer::checkLaunchConfig(const IndexExpr *launch,
                                 const NameExpr *callee) {
  if (launch->indices.size() != 2) {
    diags_.error(launch->range,
                 "a kernel launch is " + (callee ? callee->name : "f") +
                     "[blocks, threads](...): two values, each an integer "
                     "or a pair of integers");
    return false;
  }
  bool ok = true;
  for (const ExprPtr &ix : launch->indices) {
    Type t = checkExpr(ix.get());
    if (!t.isKnown()) {
      ok = false;
      continue;
    }
    bool good = (t.isScalar() && t.isInt()) ||
                (t.isTuple() && t.elems().size() == 2 &&
                 t.elems()[0].isScalar() && t.elems()[0].isInt() &&
                 t.elems()[1].isScalar() && t.elems()[1].isInt());
    if (!good) {
      diags_.error(ix->range, "blocks and threads are an integer or a pair "
                              "of integers (x, y), not " +
                                  t.str());
      ok = false;
    }
  }
  return ok;
}

namespace {

/// The literal a decorator option stands for: itself, or for a name the
/// literal last assigned to it at module level before `def` (Numba reads
/// module constants when it decorates: `@njit(parallel=run_parallel)`).
const Expr *optionValue(const Expr *v, const ModuleAST &module,
                        const FunctionDefStmt *def) {
  for (int depth = 0; depth < 8; ++depth) {
    auto *n = v->dyn<NameExpr>();
    if (!n)
      return v;
    const Expr *found = nullptr;
    for (const StmtPtr &s : module.body) {
      if (s.get() == def)
        break;
      auto *a = s->dyn<AssignStmt>();
      if (!a || a->targets.size() != 1)
        continue;
      auto *t = a->targets[0]->dyn<NameExpr>();
      if (t && t->name == n->name)
        found = a->value.get();
    }
    if (!found)
      return v;
    v = found;
  }
  return v;
}

} // namespace

JitOptions Analyzer::jitOptions(const FunctionDefStmt *def) {
  JitOptions o;
  for (const ExprPtr &d : def->decorators) {
    auto *call = d->dyn<CallExpr>();
    const Expr *callee = call ? call->callee.get() : d.get();
    auto *name = callee->dyn<NameExpr>();
    if (!name || (name->name != "jit" && name->name != "njit" &&
                  name->name != "kernel" && name->name != "vectorize")) {
      diags_.error(d->range, "unknown decorator; Weft knows @jit(...) "
                             "(parallel=, fastmath=, boundscheck=, "
                             "target=, cache=), @kernel and @vectorize");
      continue;
    }
    if (name->name == "kernel")
      o.kernel = true;
    bool vectorize = name->name == "vectorize";
    o.vectorize |= vectorize;
    if (!call)
      continue;
    // @vectorize(['f8(f8)', ...]): Numba's signatures; Weft takes the
    // element types from each call. @jit('f4(f4)'): one signature's
    // number types annotate the function (ParserSignatures.cpp).
    bool jit = name->name == "jit" || name->name == "njit";
    size_t signatures = (vectorize || jit) && !call->args.empty() &&
                                (call->args[0]->dyn<ListExpr>() ||
                                 call->args[0]->dyn<StrLitExpr>())
                            ? 1
                            : 0;
    if (call->args.size() > signatures)
      diags_.error(call->args[signatures]->range,
                   "@" + name->name +
                       " takes keyword options only, e.g. @jit(parallel=True)");
    for (const KeywordArg &k : call->keywords) {
      const Expr *value = optionValue(k.value.get(), module_, def);
      auto *flag = value->dyn<BoolLitExpr>();
      auto *text = value->dyn<StrLitExpr>();
      if (k.name == "target" && vectorize) {
        // Elementwise calls run in the caller's loop nests, parallel when
        // large: 'cpu' and 'parallel' mean the same here.
        if (!text || (text->value != "cpu" && text->value != "parallel"))
          diags_.error(k.value->range, "@vectorize's target= is 'cpu' or "
                                       "'parallel'; for the GPU call the "
                                       "function from a @jit(target=\"gpu\") "
                                       "function");
        continue;
      }
      if (k.name == "target") {
        std::optional<Target> t =
            text ? parseTarget(text->value) : std::nullopt;
        if (!t)
          diags_.error(k.value->range,
                       "target= is \"cpu\", \"gpu\" or \"auto\"");
        else
          o.target = *t;
        continue;
      }
      if (k.name == "error_model" || k.name == "inline") {
        // Numba's: accepted. Weft raises ZeroDivisionError as Python does.
        if (!text)
          diags_.error(k.value->range, k.name + "= takes a string");
        else if (k.name == "error_model" && text->value == "numpy")
          diags_.warning(k.value->range,
                         "error_model='numpy' is not supported: division by "
                         "zero raises ZeroDivisionError, as with 'python'");
        continue;
      }
      bool ignored = false;
      bool *slot = k.name == "python_lists"  ? &o.pythonLists
                   : k.name == "parallel"    ? &o.parallel
                   : k.name == "fastmath"    ? &o.fastmath
                   : k.name == "boundscheck" ? &o.boundscheck
                   : k.name == "cache"       ? &o.cache
                   : (k.name == "nopython" || k.name == "nogil")
                       ? &ignored // Numba's; always true of Weft code
                       : nullptr;
      if (slot == &o.parallel)
        o.parallelGiven = true;
      if (!slot || (vectorize && slot == &o.parallel)) {
        diags_.error(k.nameRange,
                     "@" + name->name + " has no option '" + k.name +
                         "'; use parallel, fastmath, boundscheck, target, "
                         "cache, nopython, nogil, error_model or "
                         "python_lists");
        continue;
      }
      if (!flag) {
        diags_.error(k.value->range,
                     k.name + "= takes True or False (or a module-level "
                              "name assigned True or False)");
        continue;
      }
      *slot = flag->value;
    }
  }
  return o;
}

} // namespace sema
} // namespace weft
