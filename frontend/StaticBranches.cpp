//===- StaticBranches.cpp - Branches the parameter types decide -----------===//
//
// Implements pruneStaticBranches (StaticBranches.h).
//
//===----------------------------------------------------------------------===//
#include "frontend/StaticBranches.h"

#include "frontend/ASTBuild.h"
#include "frontend/VersionRebindings.h"

#include <map>
#include <optional>
#include <set>

namespace weft {
namespace {

/// Parameters whose value is still the one passed, by name.
using Stable = std::map<std::string, Type>;

class Pruner {
public:
  /// `boundOnce`: the function's names bound by one statement only.
  Pruner(bool &changed, std::set<std::string> boundOnce)
      : changed_(changed), boundOnce_(std::move(boundOnce)) {}

  /// Prunes `block` in place; `stable` loses the names it binds.
  void block(Block &block, Stable &stable) {
    for (size_t i = 0; i < block.size(); ++i) {
      foldConditionals(block[i], stable);
      Stmt &s = *block[i];
      if (auto *w = s.dyn<WhileStmt>())
        simplify(w->cond, stable);
      if (auto *ifs = s.dyn<IfStmt>()) {
        simplify(ifs->cond, stable);
        if (std::optional<bool> taken = decide(ifs->cond.get(), stable)) {
          Block branch = std::move(*taken ? ifs->body : ifs->orelse);
          block.erase(block.begin() + static_cast<std::ptrdiff_t>(i));
          block.insert(block.begin() + static_cast<std::ptrdiff_t>(i),
                       std::make_move_iterator(branch.begin()),
                       std::make_move_iterator(branch.end()));
          changed_ = true;
          --i; // the branch's first statement next (it may be an elif)
          continue;
        }
        Stable inBody = stable, inElse = stable;
        this->block(ifs->body, inBody);
        this->block(ifs->orelse, inElse);
      }
      // `ndim = p.ndim` of a stable parameter, the name's only binding:
      // a constant from here on (Numba's semantic constants).
      if (auto *a = s.dyn<AssignStmt>(); a && a->targets.size() == 1)
        if (auto *n = a->targets[0]->dyn<NameExpr>();
            n && boundOnce_.count(n->name))
          if (std::optional<int> k = ndimOf(a->value.get(), stable))
            ranks_[n->name] = *k;
      // A binding anywhere in a loop may precede a test in it: the loop's
      // bindings go before its body is looked at.
      unbind(s, stable);
      if (s.dyn<ForStmt>() || s.dyn<WhileStmt>()) {
        Stable inLoop = stable;
        this->block(s.dyn<ForStmt>() ? s.dyn<ForStmt>()->body
                                     : s.dyn<WhileStmt>()->body,
                    inLoop);
      }
      StmtKind k = s.kind;
      if ((k == StmtKind::Return || k == StmtKind::Break ||
           k == StmtKind::Continue) &&
          i + 1 < block.size() && changed_) {
        // What follows is unreachable (a branch brought the jump here).
        block.erase(block.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                    block.end());
        changed_ = true;
      }
    }
  }

private:
  bool &changed_;
  std::set<std::string> boundOnce_;
  /// Names bound once to a stable parameter's ndim, and that rank.
  std::map<std::string, int> ranks_;

  /// `a or (p is not None and x > p)` of a parameter passed None: `a`. A
  /// decided right operand that leaves the result to the left one goes
  /// (the left one is still evaluated, as Python evaluates it).
  void simplify(ExprPtr &e, const Stable &stable) {
    if (auto *u = e->dyn<UnaryExpr>(); u && u->op == UnaryOp::Not) {
      simplify(u->operand, stable);
      return;
    }
    auto *b = e->dyn<BoolOpExpr>();
    if (!b)
      return;
    simplify(b->lhs, stable);
    simplify(b->rhs, stable);
    bool isAnd = b->op == BoolOpKind::And;
    std::optional<bool> r = decide(b->rhs.get(), stable);
    if (r && *r == isAnd && !decide(b->lhs.get(), stable)) {
      ExprPtr left = std::move(b->lhs);
      e = std::move(left);
      changed_ = true;
    }
  }

  /// `out if out is not None else np.empty(n)` in a simple statement:
  /// the value the parameter types pick (read before the statement binds
  /// anything).
  void foldConditionals(StmtPtr &s, const Stable &stable) {
    StmtKind k = s->kind;
    if (k != StmtKind::Expr && k != StmtKind::Assign &&
        k != StmtKind::AugAssign && k != StmtKind::AnnAssign &&
        k != StmtKind::Return)
      return;
    Block one;
    one.push_back(std::move(s));
    forEachExprSlotIn(one, [&](ExprPtr &slot) {
      while (auto *c = slot->dyn<IfExpExpr>()) {
        std::optional<bool> taken = decide(c->cond.get(), stable);
        if (!taken)
          break;
        ExprPtr chosen = std::move(*taken ? c->thenValue : c->elseValue);
        slot = std::move(chosen);
        changed_ = true;
      }
    });
    s = std::move(one.front());
  }

  static void unbind(const Stmt &s, Stable &stable) {
    std::vector<std::string> names;
    namesBoundBy(s, names);
    for (const std::string &n : names)
      stable.erase(n);
  }

  /// The dtype `e` names: a type name, `p.dtype` of a stable array or
  /// number parameter (a NumPy number has a dtype too), or a stable dtype
  /// parameter.
  static std::optional<ScalarKind> dtypeOf(const Expr *e,
                                           const Stable &stable) {
    if (auto *n = e->dyn<NameExpr>()) {
      auto it = stable.find(n->name);
      if (it != stable.end())
        return it->second.isDType()
                   ? std::optional<ScalarKind>(it->second.scalarKind())
                   : std::nullopt;
      ScalarKind k;
      if (parseScalarName(n->name, k))
        return k;
      return std::nullopt;
    }
    auto *a = e->dyn<AttributeExpr>();
    auto *base = a && a->attr == "dtype" ? a->base->dyn<NameExpr>() : nullptr;
    auto it = base ? stable.find(base->name) : stable.end();
    if (it == stable.end() || !(it->second.isArray() || it->second.isScalar()))
      return std::nullopt;
    return it->second.scalarKind();
  }

  /// The rank `p.ndim` (or `np.ndim(p)`) names of a stable parameter: an
  /// array's rank, 0 for a number, 1 for a tuple (as np.ndim's).
  std::optional<int> ndimOf(const Expr *e, const Stable &stable) const {
    if (auto *n = e->dyn<NameExpr>()) {
      auto r = ranks_.find(n->name);
      if (r != ranks_.end())
        return r->second;
    }
    const NameExpr *p = nullptr;
    if (auto *a = e->dyn<AttributeExpr>(); a && a->attr == "ndim")
      p = a->base->dyn<NameExpr>();
    auto it = p ? stable.find(p->name) : stable.end();
    if (it == stable.end())
      return std::nullopt;
    if (it->second.isArray())
      return it->second.rank();
    if (it->second.isScalar())
      return 0;
    if (it->second.isTuple()) // np.ndim of a tuple of numbers
      return 1;
    return std::nullopt;
  }

  /// len(p) of a stable tuple parameter: its number of elements
  /// (Numba's constant for a tuple, `if len(args) > 1:` of `*args`).
  std::optional<int> tupleLengthOf(const Expr *e, const Stable &stable) const {
    auto *call = e->dyn<CallExpr>();
    auto *f = call ? call->callee->dyn<NameExpr>() : nullptr;
    if (!f || f->name != "len" || f->qualified || call->args.size() != 1 ||
        !call->keywords.empty())
      return std::nullopt;
    auto *p = call->args[0]->dyn<NameExpr>();
    auto it = p ? stable.find(p->name) : stable.end();
    if (it == stable.end() || !it->second.isTuple())
      return std::nullopt;
    return static_cast<int>(it->second.elems().size());
  }

  std::optional<bool> decide(const Expr *e, const Stable &stable) const {
    if (auto *u = e->dyn<UnaryExpr>(); u && u->op == UnaryOp::Not) {
      std::optional<bool> v = decide(u->operand.get(), stable);
      return v ? std::optional<bool>(!*v) : std::nullopt;
    }
    if (auto *b = e->dyn<BoolOpExpr>()) {
      std::optional<bool> l = decide(b->lhs.get(), stable);
      if (!l)
        return std::nullopt;
      bool isAnd = b->op == BoolOpKind::And;
      if (*l != isAnd) // false and ..., true or ...
        return *l;
      return decide(b->rhs.get(), stable);
    }
    if (auto *n = e->dyn<NameExpr>()) {
      // `if not w_max:` of a parameter passed None: None is false
      auto it = stable.find(n->name);
      if (it != stable.end() && it->second.isNone())
        return false;
      return std::nullopt;
    }
    if (auto *call = e->dyn<CallExpr>()) {
      auto *f = call->callee->dyn<NameExpr>();
      // np.issubdtype(p.dtype, np.integer) of a parameter (NumPy's test
      // of a dtype's kind; the test Numba's typing functions make as
      // isinstance(p.dtype, types.Integer))
      if (f && f->qualified && f->name == "issubdtype" &&
          call->args.size() == 2 && call->keywords.empty()) {
        std::optional<ScalarKind> k = dtypeOf(call->args[0].get(), stable);
        return k ? issubdtypeOf(Type::dtype(*k), call->args[1].get())
                 : std::nullopt;
      }
      // isinstance(p, (int, float)) of a parameter, or of an element of
      // a list parameter (isinstance(keys[0], str): not read)
      const Expr *x = call->args.size() == 2 ? call->args[0].get() : nullptr;
      auto *ix = x ? x->dyn<IndexExpr>() : nullptr;
      if (ix && ix->indices.size() == 1 && ix->indices[0]->dyn<IntLitExpr>())
        x = ix->base.get();
      auto *p = x ? x->dyn<NameExpr>() : nullptr;
      auto it = p ? stable.find(p->name) : stable.end();
      if (!f || f->name != "isinstance" || f->qualified ||
          !call->keywords.empty() || it == stable.end())
        return std::nullopt;
      Type t = it->second;
      if (ix && t.isRagged())
        t = t.raggedRow();
      else if (ix && t.isList())
        t = t.elementType();
      else if (ix)
        return std::nullopt;
      return isinstanceOf(t, call->args[1].get());
    }
    auto *c = e->dyn<CompareExpr>();
    if (!c || c->ops.size() != 1)
      return std::nullopt;
    CompareOp op = c->ops[0];
    const Expr *l = c->operands[0].get(), *r = c->operands[1].get();
    if (op == CompareOp::Is || op == CompareOp::IsNot) {
      auto *p = l->dyn<NameExpr>();
      auto *none = r->dyn<NameExpr>();
      auto it = p ? stable.find(p->name) : stable.end();
      if (!none || none->name != "None" || it == stable.end())
        return std::nullopt;
      const Type &t = it->second;
      if (!t.isNone() && !t.isScalar() && !t.isArray() && !t.isTuple() &&
          !t.isDType())
        return std::nullopt; // an optional, or not known
      return t.isNone() == (op == CompareOp::Is);
    }
    std::optional<int> k = ndimOf(l, stable);
    if (!k)
      k = tupleLengthOf(l, stable);
    if (k && r->dyn<IntLitExpr>()) {
      // p.ndim == 1 of a parameter: its rank (0 for a number), as NumPy's;
      // len(t) > 1 of a tuple parameter.
      int64_t v = r->dyn<IntLitExpr>()->value;
      switch (op) {
      case CompareOp::Eq:
        return *k == v;
      case CompareOp::Ne:
        return *k != v;
      case CompareOp::Lt:
        return *k < v;
      case CompareOp::Le:
        return *k <= v;
      case CompareOp::Gt:
        return *k > v;
      case CompareOp::Ge:
        return *k >= v;
      default:
        return std::nullopt;
      }
    }
    if (op == CompareOp::Eq || op == CompareOp::Ne) {
      std::optional<ScalarKind> a = dtypeOf(l, stable), b = dtypeOf(r, stable);
      // One side must be a parameter's: two type names are left to Sema.
      bool fromParam = !l->dyn<NameExpr>() || !r->dyn<NameExpr>() ||
                       stable.count(l->dyn<NameExpr>()->name) ||
                       stable.count(r->dyn<NameExpr>()->name);
      if (!a || !b || !fromParam)
        return std::nullopt;
      return (*a == *b) == (op == CompareOp::Eq);
    }
    return std::nullopt;
  }
};

} // namespace

std::optional<bool> isinstanceOf(const Type &value, const Expr *spec) {
  if (auto *t = spec->dyn<TupleExpr>()) {
    bool any = false;
    for (const ExprPtr &e : t->elts) {
      std::optional<bool> one = isinstanceOf(value, e.get());
      if (!one)
        return std::nullopt;
      any |= *one;
    }
    return any;
  }
  auto *n = spec->dyn<NameExpr>();
  if (!n)
    return std::nullopt;
  const std::string &name = n->name;
  bool number = value.isScalar() && !value.isString();
  ScalarKind k = number ? value.scalarKind() : ScalarKind::F64;
  bool integer = number && (isStorageKind(k) || k == ScalarKind::I32 ||
                            k == ScalarKind::I64 || k == ScalarKind::U64);
  bool floating = number && (k == ScalarKind::F32 || k == ScalarKind::F64);
  if (name == "int") // (Python's bool is an int)
    return number && (k == ScalarKind::I64 || k == ScalarKind::Bool);
  if (name == "float")
    return number && k == ScalarKind::F64;
  if (name == "complex")
    return number && isComplexKind(k);
  if (name == "bool")
    return number && k == ScalarKind::Bool;
  if (name == "str")
    return value.isString();
  if (name == "tuple")
    return value.isTuple();
  if (name == "list")
    return value.isList() || value.isTupleList() || value.isRagged();
  if (!n->qualified)
    return std::nullopt;
  if (name == "ndarray")
    return value.isArray() && !value.isString() && !value.isList();
  if (name == "integer")
    return integer;
  if (name == "signedinteger")
    return integer && !isUnsignedKind(k);
  if (name == "unsignedinteger")
    return integer && isUnsignedKind(k);
  if (name == "floating")
    return floating;
  if (name == "complexfloating")
    return number && isComplexKind(k);
  if (name == "number")
    return number && k != ScalarKind::Bool;
  ScalarKind named;
  if (parseScalarName(name, named))
    return number && k == named;
  return std::nullopt;
}

std::optional<bool> issubdtypeOf(const Type &dtype, const Expr *cls) {
  auto *n = cls->dyn<NameExpr>();
  if (!dtype.isDType() || !n || !n->qualified)
    return std::nullopt; // (np.issubdtype(x, int) is NumPy's int64 test)
  return isinstanceOf(Type::scalar(dtype.scalarKind()), cls);
}

std::unique_ptr<Block>
pruneStaticBranches(const FunctionDefStmt &def,
                    const std::vector<Type> &paramTypes) {
  Stable stable;
  for (size_t i = 0; i < def.params.size() && i < paramTypes.size(); ++i)
    if (paramTypes[i].isKnown())
      stable[def.params[i].name] = paramTypes[i];
  auto body = std::make_unique<Block>(cloneBlock(def.body));
  bool changed = false;
  std::map<std::string, int> bindings;
  forEachStmtIn(*body, [&](const Stmt &s) {
    std::vector<std::string> names;
    namesBoundBy(s, names);
    for (const std::string &n : names)
      ++bindings[n];
  });
  std::set<std::string> once;
  for (const auto &[n, count] : bindings)
    if (count == 1 && !stable.count(n))
      once.insert(n);
  Pruner(changed, std::move(once)).block(*body, stable);
  if (!changed)
    return nullptr;
  versionBody(def.params, *body, "__s");
  return body;
}

} // namespace weft
