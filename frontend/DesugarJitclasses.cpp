//===- DesugarJitclasses.cpp - Numba's jitclass as records and functions --===//
//
// Implements desugarJitclasses (DesugarJitclasses.h).
//
//===----------------------------------------------------------------------===//
#include "frontend/DesugarJitclasses.h"
#include "frontend/ASTBuild.h"
#include "frontend/Types.h"

#include <map>

namespace weft {

namespace {

/// A `np.name` call's callee (the builtin whatever the program defines).
ExprPtr numpyName(const ASTBuilder &b, const std::string &name) {
  auto n = std::make_unique<NameExpr>(b.at, name);
  n->qualified = true;
  return n;
}

/// Calls `f` on `body` and on the body of every def nested in it.
void eachBody(Block &body, const std::function<void(Block &)> &f) {
  f(body);
  forEachStmtIn(body, [&](const Stmt &s) {
    if (auto *d = s.dyn<FunctionDefStmt>())
      eachBody(const_cast<FunctionDefStmt *>(d)->body, f);
  });
}

/// Whether `v`, assigned to a name, makes a Python list.
bool makesList(const Expr *v) {
  if (v->dyn<ListExpr>() || v->dyn<ListCompExpr>())
    return true;
  auto *c = v->dyn<CallExpr>();
  auto *n = c ? c->callee->dyn<NameExpr>() : nullptr;
  static const std::set<std::string> kMakers = {"list", "sorted", "List",
                                                "weft.list_comprehension"};
  return n && kMakers.count(n->name);
}

class ClassDesugar {
public:
  ClassDesugar(ModuleAST &m, DiagnosticEngine &diags) : m_(m), diags_(diags) {}

  void run() {
    std::set<std::string> defNames;
    for (const StmtPtr &s : m_.body)
      if (auto *d = s->dyn<FunctionDefStmt>())
        defNames.insert(d->name);
    std::vector<ClassDecl> classes = std::move(m_.classDecls);
    m_.classDecls.clear();
    for (const ClassDecl &c : classes)
      decls_.emplace(c.name, &c);
    for (ClassDecl &c : classes) {
      if (m_.jitclasses.count(c.name) || defNames.count(c.name) ||
          m_.records.count(c.name)) {
        diags_.error(c.nameRange, "'" + c.name +
                                      "' is defined twice; give the class "
                                      "a name of its own");
        continue;
      }
      desugarClass(c);
    }
    for (StmtPtr &s : m_.body)
      if (auto *d = s->dyn<FunctionDefStmt>()) {
        rewriteFieldStores(d->body);
        keepMethodCalls(d->body);
      }
  }

private:
  ModuleAST &m_;
  DiagnosticEngine &diags_;
  /// The module's classes by name (a field's type may name one).
  std::map<std::string, const ClassDecl *> decls_;

  /// A field holding an instance of another jitclass.
  bool isClassField(const ClassField &f) const {
    return f.type.rank == 0 && decls_.count(f.type.scalar);
  }
  /// A number field, held in a cell.
  bool isCell(const ClassField &f) const {
    return f.type.rank == 0 && !isClassField(f);
  }

  /// The value a field has before __init__ sets it: a zero cell for a
  /// number, an empty array for an array, an instance of zero and empty
  /// fields for an instance (a class that holds its own, directly or
  /// not, is an error reported before).
  ExprPtr initialField(const ASTBuilder &b, const ClassField &f,
                       std::set<std::string> &open) const {
    if (isClassField(f)) {
      const ClassDecl &inner = *decls_.at(f.type.scalar);
      std::vector<ExprPtr> parts;
      if (open.insert(inner.name).second) {
        for (const ClassField &g : inner.fields)
          parts.push_back(initialField(b, g, open));
        open.erase(inner.name);
      }
      return b.call("__jitclass_new_" + inner.name, std::move(parts));
    }
    std::vector<KeywordArg> kw;
    kw.push_back(b.keyword("dtype", b.name(f.type.scalar)));
    std::vector<ExprPtr> args;
    if (f.type.rank == 0) {
      args.push_back(b.i64(1));
      return b.call(numpyName(b, "zeros"), std::move(args), std::move(kw));
    }
    std::vector<ExprPtr> zeros;
    for (int k = 0; k < f.type.rank; ++k)
      zeros.push_back(b.i64(0));
    args.push_back(b.tuple(std::move(zeros)));
    return b.call(numpyName(b, "empty"), std::move(args), std::move(kw));
  }

  /// The expression of field `f` of `self` as the record holds it: the
  /// cell of a number field, else the array or instance.
  ExprPtr heldField(const ASTBuilder &b, const std::string &self,
                    const ClassField &f) const {
    return b.attribute(b.name(self), isCell(f) ? "__cell__" + f.name : f.name);
  }

  /// Whether class `name` holds an instance of `target`, through its
  /// fields (Numba's deferred types, which Weft does not have).
  bool holds(const std::string &name, const std::string &target,
             std::set<std::string> &seen) const {
    if (!seen.insert(name).second)
      return false;
    for (const ClassField &f : decls_.at(name)->fields)
      if (isClassField(f) &&
          (f.type.scalar == target || holds(f.type.scalar, target, seen)))
        return true;
    return false;
  }

  void desugarClass(ClassDecl &c) {
    JitclassInfo info;
    std::set<std::string> seen;
    for (const ClassField &f : c.fields) {
      ScalarKind k;
      std::set<std::string> seenClasses;
      if (isClassField(f) && (f.type.scalar == c.name ||
                              holds(f.type.scalar, c.name, seenClasses)))
        diags_.error(f.type.range,
                     "field '" + f.name + "' of " + c.name + " holds a " +
                         f.type.scalar +
                         (f.type.scalar == c.name
                              ? std::string()
                              : ", which holds a " + c.name) +
                         ": a class that holds its own instances needs "
                         "Numba's deferred types, which Weft does not have");
      else if (!isClassField(f) && !parseScalarName(f.type.scalar, k))
        diags_.error(f.type.range,
                     "field '" + f.name + "' of " + c.name + " has type '" +
                         f.type.scalar +
                         "', which Weft does not have; a jitclass field is a "
                         "number, an array of numbers (float64, int32[:]) "
                         "or an instance of another jitclass");
      if (!seen.insert(f.name).second)
        diags_.error(f.range, "field '" + f.name + "' is declared twice");
      info.fields.push_back(f.name);
      if (isCell(f))
        info.cells.insert(f.name);
    }
    std::unique_ptr<FunctionDefStmt> init;
    std::vector<std::unique_ptr<FunctionDefStmt>> defs;
    for (auto &def : c.methods) {
      std::string kind = "method";
      for (const ExprPtr &d : def->decorators) {
        auto *n = d->dyn<NameExpr>();
        if (n && (n->name == "property" || n->name == "staticmethod")) {
          kind = n->name;
          continue;
        }
        diags_.error(d->range,
                     "a jitclass method takes @property or @staticmethod "
                     "only (a property's setter is not supported; write "
                     "a method that sets the field)");
      }
      if (kind != "staticmethod" && def->params.empty()) {
        diags_.error(def->nameRange, "method '" + def->name +
                                         "' takes the instance first; "
                                         "write def " +
                                         def->name + "(self, ...)");
        continue;
      }
      if (def->name == "__init__" && kind == "method") {
        init = std::move(def);
        continue;
      }
      if (seen.count(def->name)) {
        diags_.error(def->nameRange, "'" + def->name + "' of " + c.name +
                                         " is both a field and a method");
        continue;
      }
      (kind == "property"       ? info.properties
       : kind == "staticmethod" ? info.staticMethods
                                : info.methods)
          .insert(def->name);
      def->name = c.name + "." + def->name;
      setDecorators(*def, c);
      defs.push_back(std::move(def));
    }
    for (auto &d : defs)
      if (!info.staticMethods.count(d->name.substr(c.name.size() + 1)))
        callBoundMethods(*d, info);
    if (init)
      callBoundMethods(*init, info);
    m_.records[c.name] = info.fields;
    m_.recordTypeNames[c.name] = c.name;
    m_.jitclasses[c.name] = info;
    defs.push_back(constructor(c, std::move(init)));
    for (auto &d : defs)
      m_.body.push_back(std::move(d));
  }

  /// `f = self.m` or `f, g = self.m, self.n` of the class's methods in
  /// a method (QuantEcon's style), each name bound there only: the
  /// binding dropped and each call f(...) made self.m(...).
  static void callBoundMethods(FunctionDefStmt &def, const JitclassInfo &info) {
    const std::string &self = def.params.front().name;
    std::map<std::string, int> bindings;
    for (const Param &p : def.params)
      ++bindings[p.name];
    for (const StmtPtr &s : def.body) {
      std::vector<std::string> names;
      namesBoundBy(*s, names);
      for (const std::string &n : names)
        ++bindings[n];
    }
    auto methodOf = [&](const Expr *v) -> std::string {
      auto *a = v ? v->dyn<AttributeExpr>() : nullptr;
      auto *base = a ? a->base->dyn<NameExpr>() : nullptr;
      return base && base->name == self && info.methods.count(a->attr) ? a->attr
                                                                       : "";
    };
    std::map<std::string, std::string> bound; // name -> method
    for (StmtPtr &s : def.body) {
      auto *a = s->dyn<AssignStmt>();
      if (!a || a->targets.size() != 1)
        continue;
      auto *tt = a->targets[0]->dyn<TupleExpr>();
      auto *tv = a->value->dyn<TupleExpr>();
      std::vector<ExprPtr> *targets = tt ? &tt->elts : nullptr;
      std::vector<ExprPtr> *values = tv ? &tv->elts : nullptr;
      if (!targets) {
        auto *n = a->targets[0]->dyn<NameExpr>();
        std::string m = methodOf(a->value.get());
        if (n && !m.empty() && bindings[n->name] == 1) {
          bound[n->name] = m;
          s = ASTBuilder{s->range}.pass();
        }
        continue;
      }
      if (!values || values->size() != targets->size())
        continue;
      for (size_t i = targets->size(); i-- > 0;) {
        auto *n = (*targets)[i]->dyn<NameExpr>();
        std::string m = methodOf((*values)[i].get());
        if (!n || m.empty() || bindings[n->name] != 1)
          continue;
        bound[n->name] = m;
        targets->erase(targets->begin() + i);
        values->erase(values->begin() + i);
      }
      if (targets->empty())
        s = ASTBuilder{s->range}.pass();
    }
    if (bound.empty())
      return;
    std::function<void(Block &)> rewrite = [&](Block &block) {
      forEachExprSlotIn(block, [&](ExprPtr &e) {
        auto *c = e->dyn<CallExpr>();
        auto *n = c ? c->callee->dyn<NameExpr>() : nullptr;
        auto it = n ? bound.find(n->name) : bound.end();
        if (it == bound.end())
          return;
        ASTBuilder b{n->range};
        c->callee = b.attribute(b.name(self), it->second);
      });
    };
    rewrite(def.body);
  }

  /// A method is compiled as the class is: from Python or from Weft.
  static void setDecorators(FunctionDefStmt &def, const ClassDecl &c) {
    def.decorators.clear();
    if (!c.pythonLists)
      return;
    ASTBuilder b{def.nameRange};
    std::vector<KeywordArg> kw;
    kw.push_back(b.keyword("python_lists",
                           std::make_unique<BoolLitExpr>(def.nameRange, true)));
    def.decorators.push_back(b.call("jit", {}, std::move(kw)));
  }

  /// The function "C" making an instance: the record of initial fields,
  /// __init__'s body on it, the record returned.
  std::unique_ptr<FunctionDefStmt>
  constructor(const ClassDecl &c, std::unique_ptr<FunctionDefStmt> init) {
    if (!init) {
      init = std::make_unique<FunctionDefStmt>(c.nameRange);
      init->nameRange = c.nameRange;
      Param self;
      self.name = "self";
      self.range = c.nameRange;
      init->params.push_back(std::move(self));
    }
    std::string self = init->params.front().name;
    init->params.erase(init->params.begin());
    init->name = c.name;
    setDecorators(*init, c);
    ASTBuilder b{init->nameRange};
    std::vector<ExprPtr> fields;
    std::set<std::string> open{c.name};
    for (const ClassField &f : c.fields)
      fields.push_back(initialField(b, f, open));
    Block body;
    body.push_back(b.assign(
        b.name(self), b.call("__jitclass_new_" + c.name, std::move(fields))));
    rewriteBlocks(init->body, [&](Stmt &s) -> std::optional<Block> {
      if (auto *r = s.dyn<ReturnStmt>()) {
        if (r->value) {
          diags_.error(r->range, "__init__ returns nothing; the instance "
                                 "is what " +
                                     c.name + "(...) gives");
          return std::nullopt;
        }
        Block out;
        out.push_back(ASTBuilder{r->range}.ret(b.name(self)));
        return out;
      }
      if (auto *a = s.dyn<AssignStmt>())
        return arrayFieldStore(*a, c, self);
      return std::nullopt;
    });
    for (StmtPtr &s : init->body)
      body.push_back(std::move(s));
    body.push_back(b.ret(b.name(self)));
    init->body = std::move(body);
    return init;
  }

  /// `self.a = v` of an array field in __init__: the record rebuilt with
  /// v for it.
  std::optional<Block> arrayFieldStore(AssignStmt &a, const ClassDecl &c,
                                       const std::string &self) {
    auto *t =
        a.targets.size() == 1 ? a.targets[0]->dyn<AttributeExpr>() : nullptr;
    auto *base = t ? t->base->dyn<NameExpr>() : nullptr;
    if (!base || base->name != self)
      return std::nullopt;
    const ClassField *field = nullptr;
    for (const ClassField &f : c.fields)
      if (f.name == t->attr && !isCell(f))
        field = &f;
    if (!field)
      return std::nullopt;
    ASTBuilder b{a.range};
    std::vector<ExprPtr> parts;
    for (const ClassField &f : c.fields)
      parts.push_back(&f == field ? std::move(a.value) : heldField(b, self, f));
    Block out;
    out.push_back(b.assign(
        b.name(self), b.call("__jitclass_new_" + c.name, std::move(parts))));
    return out;
  }

  /// obj.m(...) of a jitclass method named as a list's (push, pop,
  /// append, ...) on a variable no list is assigned to in the function:
  /// weft.method.m(obj, ...), which the list methods' rewrite leaves to
  /// Sema (to call the method of obj's class).
  void keepMethodCalls(Block &body) {
    static const std::set<std::string> kListMethods = {
        "append", "extend", "pop", "insert", "remove", "clear", "reverse"};
    std::set<std::string> methods;
    for (const auto &[name, info] : m_.jitclasses)
      for (const std::string &m : info.methods)
        if (kListMethods.count(m))
          methods.insert(m);
    if (methods.empty())
      return;
    // (each function on its own: the lists are its variables)
    eachBody(body, [&](Block &block) {
      std::set<std::string> lists;
      forEachStmtIn(block, [&](const Stmt &s) {
        auto *a = s.dyn<AssignStmt>();
        if (a && makesList(a->value.get()))
          for (const ExprPtr &t : a->targets)
            if (auto *n = t->dyn<NameExpr>())
              lists.insert(n->name);
      });
      forEachExprSlotIn(block, [&](ExprPtr &e) {
        auto *c = e->dyn<CallExpr>();
        auto *a = c ? c->callee->dyn<AttributeExpr>() : nullptr;
        auto *obj = a ? a->base->dyn<NameExpr>() : nullptr;
        if (!obj || !methods.count(a->attr) || lists.count(obj->name))
          return;
        SourceRange r = a->range;
        std::string name = "weft.method." + a->attr;
        c->args.insert(c->args.begin(), std::move(a->base));
        c->callee = std::make_unique<NameExpr>(r, name);
      });
    });
  }

  /// obj.x = v and obj.x op= v as stores into x's cell; C.m of a static
  /// method as the function "C.m". In nested defs too.
  void rewriteFieldStores(Block &body) {
    auto cellOf = [](ExprPtr &target) {
      auto *a = target->dyn<AttributeExpr>();
      if (!a)
        return;
      ASTBuilder b{a->range};
      std::vector<ExprPtr> zero;
      zero.push_back(b.i64(0));
      target = b.index(b.attribute(std::move(a->base), "__cell__" + a->attr),
                       std::move(zero));
    };
    std::function<void(ExprPtr &)> cellsIn = [&](ExprPtr &target) {
      if (auto *t = target->dyn<TupleExpr>())
        for (ExprPtr &e : t->elts)
          cellsIn(e);
      else
        cellOf(target);
    };
    rewriteBlocks(body, [&](Stmt &s) -> std::optional<Block> {
      if (auto *a = s.dyn<AssignStmt>())
        for (ExprPtr &t : a->targets)
          cellsIn(t);
      if (auto *a = s.dyn<AugAssignStmt>())
        cellOf(a->target);
      return std::nullopt;
    });
    eachBody(body, [&](Block &block) {
      forEachExprSlotIn(block, [&](ExprPtr &e) {
        auto *c = e->dyn<CallExpr>();
        auto *a = c ? c->callee->dyn<AttributeExpr>() : nullptr;
        auto *cls = a ? a->base->dyn<NameExpr>() : nullptr;
        if (!cls || !m_.jitclasses.count(cls->name) ||
            !m_.jitclasses.at(cls->name).staticMethods.count(a->attr))
          return;
        c->callee =
            std::make_unique<NameExpr>(a->range, cls->name + "." + a->attr);
      });
    });
  }
};

} // namespace

void desugarJitclasses(ModuleAST &module, DiagnosticEngine &diags) {
  ClassDesugar(module, diags).run();
}

} // namespace weft
