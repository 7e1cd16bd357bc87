//===- SpecializeFunctionArguments.cpp - Functions passed as values -------===//
//
// Implements specializeFunctionArguments (SpecializeFunctionArguments.h).
//
//===----------------------------------------------------------------------===//
#include "frontend/SpecializeFunctionArguments.h"

#include "frontend/ASTBuild.h"
#include "frontend/Builtins.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>

namespace weft {
namespace {

constexpr const char *kClosure = "weft.closure";
/// Copies made at most (a guard against a function that passes itself a
/// new closure at each level).
constexpr int kMaxCopies = 500;

/// A function value: the function, and the expressions of what it
/// captures.
struct FunctionValue {
  std::string name;
  std::vector<const Expr *> captured;
  /// NumPy's function (`np.mean` passed as func1d), called as np.name.
  bool numpy = false;
};

class Specializer {
public:
  Specializer(ModuleAST &module, DiagnosticEngine &diags)
      : module_(module), diags_(diags) {
    for (StmtPtr &s : module.body)
      if (auto *d = s->dyn<FunctionDefStmt>())
        defs_[d->name] = d;
  }

  void run() {
    passFunctionDefaults();
    // The script's body, then each function's (copies added as made).
    scan(module_.body, nullptr);
    for (size_t i = 0; i < module_.body.size(); ++i)
      if (auto *d = module_.body[i]->dyn<FunctionDefStmt>())
        scan(d->body, d);
  }

private:
  ModuleAST &module_;
  DiagnosticEngine &diags_;
  std::map<std::string, FunctionDefStmt *> defs_;
  std::map<std::string, std::string> copies_; ///< key -> copy's name
  int made_ = 0;

  /// `def f(x, metric=euclidean)` of a module function `euclidean`: the
  /// calls of f that leave the parameter out pass it (by keyword), so
  /// that they are specialized as calls passing it are.
  void passFunctionDefaults() {
    std::map<std::string, std::vector<const Param *>> defaults;
    for (auto &[name, d] : defs_)
      for (const Param &p : d->params)
        if (auto *n =
                p.defaultValue ? p.defaultValue->dyn<NameExpr>() : nullptr;
            n && !n->qualified && defs_.count(n->name))
          defaults[name].push_back(&p);
    if (defaults.empty())
      return;
    auto fill = [&](Block &body) {
      forEachExprSlotIn(body, [&](ExprPtr &slot) {
        auto *c = slot->dyn<CallExpr>();
        auto *f = c ? c->callee->dyn<NameExpr>() : nullptr;
        auto it = f && !f->qualified ? defaults.find(f->name) : defaults.end();
        if (it == defaults.end() || !c->starred.empty())
          return;
        const std::vector<Param> &params = defs_.at(f->name)->params;
        for (const Param *p : it->second) {
          size_t at = static_cast<size_t>(p - params.data());
          bool given = c->args.size() > at ||
                       std::any_of(c->keywords.begin(), c->keywords.end(),
                                   [&](const KeywordArg &k) {
                                     return k.name == p->name;
                                   });
          if (!given)
            c->keywords.push_back(KeywordArg{p->name, c->range,
                                             cloneExpr(p->defaultValue.get())});
        }
      });
    };
    fill(module_.body);
    for (auto &[name, d] : defs_)
      fill(d->body);
  }

  /// The function value `e` is in a body whose variables are `locals`.
  std::optional<FunctionValue> valueOf(const Expr &e,
                                       const std::set<std::string> &locals) {
    if (auto *n = e.dyn<NameExpr>()) {
      std::optional<Builtin> b =
          n->qualified ? lookupBuiltin(n->name) : std::nullopt;
      if (b && (builtinKind(*b) == BuiltinKind::Function ||
                builtinKind(*b) == BuiltinKind::Math))
        return FunctionValue{n->name, {}, true};
      if (n->qualified || locals.count(n->name) || !defs_.count(n->name))
        return std::nullopt;
      return FunctionValue{n->name, {}};
    }
    auto *c = e.dyn<CallExpr>();
    auto *callee = c ? c->callee->dyn<NameExpr>() : nullptr;
    if (!callee || callee->name != kClosure || c->args.empty())
      return std::nullopt;
    FunctionValue v{c->args[0]->dyn<NameExpr>()->name, {}};
    for (size_t i = 1; i < c->args.size(); ++i)
      v.captured.push_back(c->args[i].get());
    return v;
  }

  /// The function `c` calls, when it is one of the module's.
  FunctionDefStmt *calleeOf(const CallExpr &c,
                            const std::set<std::string> &locals) {
    auto *n = c.callee->dyn<NameExpr>();
    if (!n || n->qualified || locals.count(n->name))
      return nullptr;
    auto it = defs_.find(n->name);
    return it == defs_.end() ? nullptr : it->second;
  }

  void scan(Block &body, const FunctionDefStmt *def) {
    std::set<std::string> locals;
    if (def)
      locals = localsOf(*def);
    forEachExprSlotIn(body, [&](ExprPtr &e) {
      auto *c = e ? e->dyn<CallExpr>() : nullptr;
      FunctionDefStmt *g = c ? calleeOf(*c, locals) : nullptr;
      if (!g)
        return;
      // One function argument at a time, until none is left.
      while (specializeOne(*c, *g, locals)) {
        g = calleeOf(*c, locals);
        if (!g)
          return;
      }
    });
  }

  /// Rewrites the first function argument of call `c` of `g`; false if
  /// it has none.
  bool specializeOne(CallExpr &c, FunctionDefStmt &g,
                     const std::set<std::string> &locals) {
    size_t param = g.params.size();
    ExprPtr *slot = nullptr;
    KeywordArg *keyword = nullptr;
    std::optional<FunctionValue> value;
    auto starred = [&](size_t i) {
      return std::count(c.starred.begin(), c.starred.end(), i) != 0;
    };
    for (size_t i = 0; i < c.args.size() && i < g.params.size(); ++i)
      if (!starred(i) && (value = valueOf(*c.args[i], locals))) {
        param = i;
        slot = &c.args[i];
        break;
      }
    for (size_t k = 0; !slot && k < c.keywords.size(); ++k) {
      if (!(value = valueOf(*c.keywords[k].value, locals)))
        continue;
      for (size_t i = 0; i < g.params.size(); ++i)
        if (g.params[i].name == c.keywords[k].name)
          param = i;
      if (param == g.params.size())
        return false;
      keyword = &c.keywords[k];
      slot = &keyword->value;
    }
    if (!slot)
      return false;
    std::string key = g.name + "|" + std::to_string(param) + "|" + value->name +
                      "|" + std::to_string(value->captured.size());
    auto made = copies_.find(key);
    std::string copy;
    if (made != copies_.end()) {
      copy = made->second;
    } else {
      if (++made_ > kMaxCopies) {
        diags_.error(c.range, "too many copies of functions made for the "
                              "functions passed to them; pass fewer "
                              "different functions");
        return false;
      }
      copy = makeCopy(g, param, *value);
      copies_[key] = copy;
    }
    // The call: of the copy, with the captured values for the function.
    std::vector<ExprPtr> captured;
    for (const Expr *x : value->captured)
      captured.push_back(cloneExpr(x));
    std::string paramName = g.params[param].name;
    static_cast<NameExpr &>(*c.callee).name = copy;
    if (keyword) {
      std::vector<KeywordArg> kept;
      for (KeywordArg &k : c.keywords)
        if (&k != keyword)
          kept.push_back(std::move(k));
      for (size_t j = 0; j < captured.size(); ++j)
        kept.push_back(KeywordArg{captureName(paramName, j), c.range,
                                  std::move(captured[j])});
      c.keywords = std::move(kept);
    } else {
      std::vector<ExprPtr> args;
      for (size_t i = 0; i < c.args.size(); ++i) {
        if (i != param) {
          args.push_back(std::move(c.args[i]));
          continue;
        }
        for (ExprPtr &x : captured)
          args.push_back(std::move(x));
      }
      c.args = std::move(args);
      // (the starred arguments after it move with the others)
      for (size_t &at : c.starred)
        if (at > param)
          at = at + captured.size() - 1;
    }
    return true;
  }

  static std::string captureName(const std::string &param, size_t j) {
    return param + ".captured" + std::to_string(j);
  }

  /// A copy of `g` for `value` at parameter `param`; its name.
  std::string makeCopy(const FunctionDefStmt &g, size_t param,
                       const FunctionValue &value) {
    std::string p = g.params[param].name;
    std::string name = g.name + "__" + p + "_" + value.name;
    while (defs_.count(name))
      name += "_";
    StmtPtr cloned = cloneStmt(g);
    auto &d = static_cast<FunctionDefStmt &>(*cloned);
    d.name = name;
    std::vector<Param> params;
    for (size_t i = 0; i < d.params.size(); ++i) {
      if (i != param) {
        params.push_back(std::move(d.params[i]));
        continue;
      }
      for (size_t j = 0; j < value.captured.size(); ++j) {
        Param c;
        c.name = captureName(p, j);
        c.range = d.params[i].range;
        params.push_back(std::move(c));
      }
    }
    d.params = std::move(params);
    // Its calls of the parameter call the function (with what it
    // captures first); the parameter as a value is the function value.
    auto valueAt = [&](SourceRange r) -> ExprPtr {
      if (value.captured.empty()) {
        auto n = std::make_unique<NameExpr>(r, value.name);
        n->qualified = value.numpy;
        return n;
      }
      auto closure = std::make_unique<CallExpr>(
          r, std::make_unique<NameExpr>(r, kClosure));
      closure->args.push_back(std::make_unique<NameExpr>(r, value.name));
      for (size_t j = 0; j < value.captured.size(); ++j)
        closure->args.push_back(
            std::make_unique<NameExpr>(r, captureName(p, j)));
      return closure;
    };
    forEachExprSlotIn(d.body, [&](ExprPtr &e) {
      if (!e)
        return;
      if (auto *call = e->dyn<CallExpr>()) {
        auto *callee = call->callee->dyn<NameExpr>();
        if (callee && !callee->qualified && callee->name == p) {
          callee->name = value.name;
          callee->qualified = value.numpy;
          std::vector<ExprPtr> args;
          for (size_t j = 0; j < value.captured.size(); ++j)
            args.push_back(
                std::make_unique<NameExpr>(call->range, captureName(p, j)));
          for (ExprPtr &a : call->args)
            args.push_back(std::move(a));
          call->args = std::move(args);
          for (size_t &at : call->starred)
            at += value.captured.size();
        }
        return;
      }
      if (auto *n = e->dyn<NameExpr>(); n && !n->qualified && n->name == p)
        e = valueAt(n->range);
    });
    defs_[name] = &d;
    module_.body.push_back(std::move(cloned));
    return name;
  }
};

} // namespace

void specializeFunctionArguments(ModuleAST &module, DiagnosticEngine &diags) {
  Specializer(module, diags).run();
}

} // namespace weft
