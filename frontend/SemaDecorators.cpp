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
    if (name->name == "vectorize") {
      o.vectorize = true;
      if (call)
        diags_.error(call->range, "@vectorize takes no options; write "
                                  "@vectorize (the element types come from "
                                  "the call)");
      continue;
    }
    if (!call)
      continue;
    if (!call->args.empty())
      diags_.error(call->args[0]->range,
                   "@" + name->name +
                       " takes keyword options only, e.g. @jit(parallel=True)");
    for (const KeywordArg &k : call->keywords) {
      auto *flag = k.value->dyn<BoolLitExpr>();
      if (k.name == "target") {
        auto *s = k.value->dyn<StrLitExpr>();
        std::optional<Target> t = s ? parseTarget(s->value) : std::nullopt;
        if (!t)
          diags_.error(k.value->range,
                       "target= is \"cpu\", \"gpu\" or \"auto\"");
        else
          o.target = *t;
        continue;
      }
      bool *slot = k.name == "parallel"      ? &o.parallel
                   : k.name == "fastmath"    ? &o.fastmath
                   : k.name == "boundscheck" ? &o.boundscheck
                   : k.name == "cache"       ? &o.cache
                   : k.name == "nopython"    ? &o.cache // accepted, no effect
                                             : nullptr;
      if (!slot) {
        diags_.error(k.nameRange, "@jit has no option '" + k.name +
                                      "'; use parallel, fastmath, "
                                      "boundscheck, target or cache");
        continue;
      }
      if (!flag) {
        diags_.error(k.value->range, k.name + "= takes True or False");
        continue;
      }
      if (k.name != "nopython")
        *slot = flag->value;
    }
  }
  return o;
}

} // namespace sema
} // namespace weft
