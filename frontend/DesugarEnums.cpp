//===- DesugarEnums.cpp - Enum members as their values --------------------===//
//
// See DesugarEnums.h. A member stands for its value: two members of one
// class compare as Python compares them, a member passed from Python is
// its value (the package converts it), and `.value`/`.name` are the
// member's own.
//
//===----------------------------------------------------------------------===//
#include "frontend/DesugarEnums.h"

#include "frontend/ASTBuild.h"

namespace weft {

namespace {

class EnumRewriter {
public:
  EnumRewriter(const ModuleAST &m, DiagnosticEngine &diags)
      : enums_(m.enums), diags_(diags) {}

  void rewrite(ExprPtr &slot) {
    if (ExprPtr member = memberUse(slot.get())) {
      slot = std::move(member);
      return;
    }
    if (auto *c = slot->dyn<CompareExpr>()) {
      for (size_t i = 0; i < c->ops.size(); ++i) {
        bool enumOperand = isMember(c->operands[i].get()) ||
                           isMember(c->operands[i + 1].get());
        if (enumOperand && c->ops[i] == CompareOp::Is)
          c->ops[i] = CompareOp::Eq;
        else if (enumOperand && c->ops[i] == CompareOp::IsNot)
          c->ops[i] = CompareOp::Ne;
      }
    }
    forEachChildSlot(*slot, [&](ExprPtr &child) { rewrite(child); });
  }

  void rewrite(Stmt &s) {
    forEachExprSlotOf(s, [&](ExprPtr &e) { rewrite(e); });
    if (auto *d = s.dyn<FunctionDefStmt>())
      for (Param &p : d->params)
        if (p.defaultValue)
          rewrite(p.defaultValue);
  }

private:
  /// The member `E.m` names, or null (an error for an unknown member).
  const EnumMember *member(const Expr *e) {
    auto *a = e->dyn<AttributeExpr>();
    auto *n = a ? a->base->dyn<NameExpr>() : nullptr;
    auto it = n ? enums_.find(n->name) : enums_.end();
    if (it == enums_.end())
      return nullptr;
    for (const EnumMember &m : it->second)
      if (m.name == a->attr)
        return &m;
    std::string names;
    for (const EnumMember &m : it->second)
      names += (names.empty() ? "" : ", ") + m.name;
    diags_.error(a->range, "the Enum class '" + n->name + "' has no member '" +
                               a->attr + "'; its members are " + names);
    return nullptr;
  }

  bool isMember(const Expr *e) {
    auto *a = e->dyn<AttributeExpr>();
    auto *n = a ? a->base->dyn<NameExpr>() : nullptr;
    return n && enums_.count(n->name);
  }

  /// What `E.m`, `E.m.value` or `E.m.name` is, or null.
  ExprPtr memberUse(const Expr *e) {
    auto *a = e->dyn<AttributeExpr>();
    if (!a)
      return nullptr;
    if (a->attr == "value" || a->attr == "name") {
      if (!isMember(a->base.get()))
        return nullptr;
      const EnumMember *m = member(a->base.get());
      if (!m)
        return std::make_unique<IntLitExpr>(e->range, 0); // (reported)
      if (a->attr == "name")
        return std::make_unique<StrLitExpr>(e->range, m->name);
      return cloneExpr(m->value.get());
    }
    if (!isMember(e))
      return nullptr;
    const EnumMember *m = member(e);
    if (!m)
      return std::make_unique<IntLitExpr>(e->range, 0); // (reported)
    return cloneExpr(m->value.get());
  }

  const std::map<std::string, std::vector<EnumMember>> &enums_;
  DiagnosticEngine &diags_;
};

} // namespace

void desugarEnums(ModuleAST &module, DiagnosticEngine &diags) {
  if (module.enums.empty())
    return;
  EnumRewriter r(module, diags);
  auto each = [&](Stmt &s) -> std::optional<Block> {
    r.rewrite(s);
    return std::nullopt;
  };
  rewriteBlocks(module.body, each);
  for (ClassDecl &c : module.classDecls)
    for (auto &method : c.methods) {
      r.rewrite(*method);
      rewriteBlocks(method->body, each);
    }
}

} // namespace weft
