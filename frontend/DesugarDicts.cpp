//===- DesugarDicts.cpp - Dicts and sets as lists and a hash table --------===//
//
// The ScopeRewriter of DesugarDictsImpl.h: the statements of one scope
// (DesugarDictFlow.cpp runs it over a module).
//
//===----------------------------------------------------------------------===//
#include "frontend/DesugarDictsImpl.h"

#include <algorithm>
#include <functional>

namespace weft {
namespace dicts {

const char *word(Container c) { return c == Container::Dict ? "dict" : "set"; }

/// The last name of `e`: `Dict` of `Dict`, `typed.Dict` or
/// `numba.typed.Dict`.
std::string lastName(const Expr *e) {
  if (auto *n = e->dyn<NameExpr>())
    return n->name;
  if (auto *a = e->dyn<AttributeExpr>())
    return a->attr;
  return "";
}

/// What `e` makes when it is a new dict or set: `{}`, `{k: v}`, `dict()`,
/// `Dict.empty(...)`, `Dict()`, `{x, y}`, `set()`, `set(iterable)`.
std::optional<Container> madeBy(const Expr *e) {
  auto *c = e ? e->dyn<CallExpr>() : nullptr;
  if (!c)
    return std::nullopt;
  if (auto *n = c->callee->dyn<NameExpr>()) {
    if (n->qualified)
      return std::nullopt;
    // (numba.typed.Dict(): typed by what it is given, as {} is)
    if (n->name == "weft.dict_display" || n->name == "dict" ||
        (n->name == "Dict" && c->args.empty() && c->keywords.empty()))
      return Container::Dict;
    if (n->name == "weft.set_display" || n->name == "set")
      return Container::Set;
    return std::nullopt;
  }
  auto *a = c->callee->dyn<AttributeExpr>();
  if (a && a->attr == "empty" && lastName(a->base.get()) == "Dict")
    return Container::Dict;
  return std::nullopt;
}

/// The NumPy type a Numba type of Dict.empty names (`types.int64`,
/// `int64`, `types.float64`), or "".
std::string numpyTypeOf(const Expr *e) {
  static const std::set<std::string> kTypes = {
      "int8",   "int16",  "int32",   "int64",   "uint8", "uint16",
      "uint32", "uint64", "float32", "float64", "bool_"};
  std::string n = lastName(e);
  if (n == "boolean")
    n = "bool_";
  if (n == "intp")
    n = "int64";
  return kTypes.count(n) ? n : "";
}

/// A literal or a variable: evaluating it twice is evaluating it once.
bool isPlain(const Expr *e) {
  if (auto *u = e->dyn<UnaryExpr>(); u && u->op == UnaryOp::Neg)
    return isPlain(u->operand.get());
  return e->dyn<IntLitExpr>() || e->dyn<FloatLitExpr>() ||
         e->dyn<BoolLitExpr>() || e->dyn<NameExpr>();
}

/// Builtins that iterate or test their arguments: a dict or set there is
/// its keys, as in Python.
bool iteratesArguments(const NameExpr &n) {
  // (sort: sorted(x), as the parser writes it; flip: reverse=True)
  static const std::set<std::string> kNames = {
      "len", "list", "sorted", "sort",      "flip", "sum", "min",
      "max", "any",  "all",    "enumerate", "zip",  "bool"};
  return kNames.count(n.name) != 0;
}

/// `f(args...)` of a builtin or library function.
ExprPtr callOf(const ASTBuilder &b, const char *f,
               std::initializer_list<ExprPtr *> args) {
  std::vector<ExprPtr> list;
  for (ExprPtr *a : args)
    list.push_back(std::move(*a));
  return b.call(f, std::move(list));
}

void ScopeRewriter::run(Block &body, const std::vector<Param> *params,
                        const std::map<size_t, Container> *passedHere) {
  find(body);
  // The dicts and sets passed in: containers of this scope.
  if (params && passedHere)
    for (auto &[at, kind] : *passedHere)
      if (at < params->size()) {
        const std::string &name = (*params)[at].name;
        if (kinds_.count(name)) {
          diags_.error((*params)[at].range,
                       "'" + name + "' is passed a " + word(kind) +
                           " and made in this function; give them names "
                           "of their own");
          continue;
        }
        kinds_.emplace(name, kind);
        passedIn_.insert(name);
      }
  if (params)
    for (const Param &p : *params)
      if (auto it = kinds_.find(p.name);
          it != kinds_.end() && !passedIn_.count(p.name)) {
        diags_.error(p.range, "'" + p.name + "' is a parameter and a " +
                                  word(it->second) +
                                  " made in this function; give the " +
                                  word(it->second) + " a name of its own");
        kinds_.erase(it);
      }
  if (!passedIn_.empty())
    deriveKinds(body); // (`s = param.copy()`)
  block(body);
}

/// Calls `f` with each name target of `a` that takes a dict or set from
/// the call `a` assigns, and its kind.
static void forEachReturnedTarget(
    const AssignStmt &a, const ReturnedKinds &returned,
    const std::function<void(const NameExpr &, Container)> &f) {
  const Returned *r = returnedBy(a.value.get(), returned);
  if (!r || a.targets.size() != 1)
    return;
  const Expr *t = a.targets[0].get();
  if (!r->tuple) {
    if (auto *n = t->dyn<NameExpr>(); n && r->kinds[0])
      f(*n, *r->kinds[0]);
    return;
  }
  auto *tuple = t->dyn<TupleExpr>();
  if (!tuple || tuple->elts.size() != r->kinds.size())
    return;
  for (size_t i = 0; i < r->kinds.size(); ++i)
    if (auto *n = tuple->elts[i]->dyn<NameExpr>(); n && r->kinds[i])
      f(*n, *r->kinds[i]);
}

const Returned *returnedBy(const Expr *e, const ReturnedKinds &returned) {
  auto *c = e ? e->dyn<CallExpr>() : nullptr;
  auto *f = c ? c->callee->dyn<NameExpr>() : nullptr;
  auto it = f && !f->qualified ? returned.find(f->name) : returned.end();
  return it == returned.end() ? nullptr : &it->second;
}

std::map<std::string, Container>
ScopeRewriter::containersMadeIn(const Block &body,
                                const ReturnedKinds &returned) {
  std::map<std::string, Container> out;
  forEachStmtIn(body, [&](const Stmt &s) {
    auto *a = s.dyn<AssignStmt>();
    auto *n =
        a && a->targets.size() == 1 ? a->targets[0]->dyn<NameExpr>() : nullptr;
    if (std::optional<Container> made =
            n ? madeBy(a->value.get()) : std::nullopt)
      out.emplace(n->name, *made);
    if (a)
      forEachReturnedTarget(*a, returned, [&](const NameExpr &t, Container k) {
        out.emplace(t.name, k);
      });
  });
  return out;
}

std::vector<std::string> ScopeRewriter::partsOf(const std::string &d,
                                                Container c) {
  if (c == Container::Set)
    return {keysOf(d), tableOf(d)};
  return {keysOf(d), valuesOf(d), tableOf(d)};
}

void ScopeRewriter::find(Block &body) {
  setMethodsAsOperators(body);
  forEachStmtIn(body, [&](const Stmt &s) {
    auto *a = s.dyn<AssignStmt>();
    auto *n =
        a && a->targets.size() == 1 ? a->targets[0]->dyn<NameExpr>() : nullptr;
    std::optional<Container> made = n ? madeBy(a->value.get()) : std::nullopt;
    if (!made)
      return;
    auto [it, fresh] = kinds_.emplace(n->name, *made);
    if (!fresh && it->second != *made)
      diags_.error(a->value->range,
                   "'" + n->name + "' is a " + word(it->second) +
                       " elsewhere in this function; give the " + word(*made) +
                       " a name of its own");
  });
  // Containers a call returns: `d = f(...)`, `dist, pred = f(...)`.
  forEachStmtIn(body, [&](const Stmt &s) {
    if (auto *a = s.dyn<AssignStmt>())
      forEachReturnedTarget(*a, returned_, [&](const NameExpr &t, Container k) {
        auto [it, fresh] = kinds_.emplace(t.name, k);
        if (!fresh && it->second != k)
          diags_.error(t.range, "'" + t.name + "' is a " + word(it->second) +
                                    " elsewhere in this function; give the " +
                                    word(k) + " a name of its own");
      });
  });
  deriveKinds(body);
}

void ScopeRewriter::deriveKinds(Block &body) {
  // Containers made from others: `c = a | b` of sets, `c = a.copy()`.
  for (bool grew = true; grew;) {
    grew = false;
    setMethodsAsOperators(body);
    forEachStmtIn(body, [&](const Stmt &s) {
      auto *a = s.dyn<AssignStmt>();
      auto *n = a && a->targets.size() == 1 ? a->targets[0]->dyn<NameExpr>()
                                            : nullptr;
      if (!n || kinds_.count(n->name))
        return;
      if (std::optional<Container> k = derivedKind(a->value.get())) {
        kinds_.emplace(n->name, *k);
        grew = true;
      }
    });
  }
}

std::optional<Container> ScopeRewriter::derivedKind(const Expr *e) const {
  if (auto *bin = e->dyn<BinaryExpr>()) {
    static const std::set<BinaryOp> kOps = {BinaryOp::BitOr, BinaryOp::BitAnd,
                                            BinaryOp::Sub, BinaryOp::BitXor};
    // (a display operand gets a variable of its own first: hoistMade)
    auto kindOf = [&](const Expr *x) {
      std::optional<Container> k = containerOf(x);
      return k ? k : madeBy(x);
    };
    auto l = kindOf(bin->lhs.get()), r = kindOf(bin->rhs.get());
    if (kOps.count(bin->op) && l == Container::Set && r == Container::Set)
      return Container::Set;
    return std::nullopt;
  }
  auto *c = e->dyn<CallExpr>();
  auto *m = c ? c->callee->dyn<AttributeExpr>() : nullptr;
  if (m && m->attr == "copy" && c->args.empty())
    return containerOf(m->base.get());
  return std::nullopt;
}

std::optional<Container> ScopeRewriter::containerOf(const Expr *e) const {
  auto *n = e ? e->dyn<NameExpr>() : nullptr;
  auto it = n && !n->qualified ? kinds_.find(n->name) : kinds_.end();
  if (it == kinds_.end())
    return std::nullopt;
  return it->second;
}

std::string ScopeRewriter::temp(const char *what) {
  return std::string("__dict_") + what + "_" + std::to_string(++temps_);
}

ExprPtr ScopeRewriter::spill(ExprPtr e, const char *what, Block &out) {
  if (isPlain(e.get()))
    return e;
  ASTBuilder b{e->range};
  std::string t = temp(what);
  out.push_back(b.assign(b.name(t), std::move(e)));
  return b.name(t);
}

StmtPtr ScopeRewriter::raise(const ASTBuilder &b, const char *exception,
                             const char *message) {
  auto s = std::make_unique<AssertStmt>(b.at);
  s->exception = exception;
  s->test = std::make_unique<BoolLitExpr>(b.at, false);
  if (message)
    s->msg = std::make_unique<StrLitExpr>(b.at, message);
  return s;
}

StmtPtr ScopeRewriter::method(const ASTBuilder &b, const std::string &list,
                              const char *name, ExprPtr arg) {
  std::vector<ExprPtr> args;
  if (arg)
    args.push_back(std::move(arg));
  return std::make_unique<ExprStmt>(
      b.at, b.call(b.attribute(b.name(list), name), std::move(args)));
}

ExprPtr ScopeRewriter::lookup(const ASTBuilder &b, const char *fn,
                              const std::string &d, std::vector<ExprPtr> rest) {
  std::vector<ExprPtr> args;
  args.push_back(b.name(keysOf(d)));
  args.push_back(b.name(tableOf(d)));
  for (ExprPtr &r : rest)
    args.push_back(std::move(r));
  return b.call(fn, std::move(args));
}

void ScopeRewriter::block(Block &stmts) {
  Block out;
  for (StmtPtr &s : stmts) {
    if (s->dyn<FunctionDefStmt>()) { // a scope of its own
      out.push_back(std::move(s));
      continue;
    }
    if (auto *i = s->dyn<IfStmt>()) {
      block(i->body);
      block(i->orelse);
    } else if (auto *f = s->dyn<ForStmt>()) {
      block(f->body);
    } else if (auto *w = s->dyn<WhileStmt>()) {
      block(w->body);
    }
    // A dict or set made inside an expression (len(set(a)), for x in
    // set(a)) gets a variable of its own first.
    for (StmtPtr &made : hoistMade(*s))
      if (std::optional<Block> r = statement(*made))
        for (StmtPtr &x : *r)
          out.push_back(std::move(x));
    if (std::optional<Block> r = statement(*s))
      for (StmtPtr &x : *r)
        out.push_back(std::move(x));
    else
      out.push_back(std::move(s));
  }
  stmts = std::move(out);
}

std::optional<Block> ScopeRewriter::statement(Stmt &s) {
  if (auto *a = s.dyn<AssignStmt>())
    return assign(*a);
  if (auto *a = s.dyn<AugAssignStmt>())
    return update(*a);
  if (auto *e = s.dyn<ExprStmt>())
    return methodStatement(*e);
  if (auto *f = s.dyn<ForStmt>())
    return loop(*f);
  if (auto *i = s.dyn<IfStmt>())
    expr(i->cond, true);
  else if (auto *w = s.dyn<WhileStmt>())
    expr(w->cond, true);
  else if (auto *r = s.dyn<ReturnStmt>()) {
    if (!returnParts(*r))
      expr(r->value);
  } else if (auto *a = s.dyn<AssertStmt>()) {
    expr(a->test, true);
    expr(a->msg);
  } else if (auto *a = s.dyn<AnnAssignStmt>())
    expr(a->value);
  return std::nullopt;
}

CallExpr *ScopeRewriter::methodCall(Expr *e, std::string *name) {
  auto *c = e ? e->dyn<CallExpr>() : nullptr;
  auto *a = c ? c->callee->dyn<AttributeExpr>() : nullptr;
  if (!a || !containerOf(a->base.get()))
    return nullptr;
  if (name)
    *name = static_cast<NameExpr &>(*a->base).name;
  return c;
}

std::optional<Block> ScopeRewriter::assign(AssignStmt &a) {
  if (const Returned *r = returnedBy(a.value.get(), returned_);
      r && a.targets.size() == 1 &&
      (r->tuple ? a.targets[0]->dyn<TupleExpr>() != nullptr
                : containerOf(a.targets[0].get()).has_value()))
    return takeReturned(a, *r);
  if (a.targets.size() == 1) {
    Expr *t = a.targets[0].get();
    if (auto *n = t->dyn<NameExpr>(); n && containerOf(n)) {
      if (madeBy(a.value.get()))
        return make(n->name, static_cast<CallExpr &>(*a.value));
      if (derivedKind(a.value.get()) == containerOf(n))
        return derive(n->name, *a.value);
      diags_.error(a.value->range,
                   "'" + n->name + "' is a " + word(*containerOf(n)) +
                       " in this function: it may be set only to a new "
                       "one; give this value a name of its own");
      return Block{};
    }
    auto *ix = t->dyn<IndexExpr>();
    if (ix && containerOf(ix->base.get()))
      return setItem(*ix, std::move(a.value));
    std::string d;
    CallExpr *c = methodCall(a.value.get(), &d);
    if (c && static_cast<AttributeExpr &>(*c->callee).attr == "pop") {
      expr(a.targets[0]);
      return pop(d, *c, std::move(a.targets[0]));
    }
    if (c && static_cast<AttributeExpr &>(*c->callee).attr == "setdefault" &&
        kinds_.at(d) == Container::Dict) {
      // x = d.setdefault(k, v): the item put when missing, then read.
      expr(a.targets[0]);
      Block out;
      ExprPtr key = setDefault(d, *c, out);
      if (!key)
        return out;
      ASTBuilder b{c->range};
      std::vector<ExprPtr> rest;
      rest.push_back(std::move(key));
      std::vector<ExprPtr> at;
      at.push_back(lookup(b, "__np_dict_entry", d, std::move(rest)));
      out.push_back(b.assign(std::move(a.targets[0]),
                             b.index(b.name(valuesOf(d)), std::move(at))));
      return out;
    }
  }
  for (ExprPtr &t : a.targets)
    target(t);
  expr(a.value);
  return std::nullopt;
}

void ScopeRewriter::target(ExprPtr &t) {
  if (auto *tup = t->dyn<TupleExpr>()) {
    for (ExprPtr &x : tup->elts)
      target(x);
    return;
  }
  if (auto *ix = t->dyn<IndexExpr>(); ix && containerOf(ix->base.get())) {
    diags_.error(t->range, "set a dict item in a statement of its own: "
                           "d[k] = v");
    return;
  }
  if (t->dyn<NameExpr>())
    return;
  expr(t);
}

std::optional<Block> ScopeRewriter::update(AugAssignStmt &a) {
  auto *ix = a.target->dyn<IndexExpr>();
  if (auto c = containerOf(a.target.get())) {
    const std::string &d = static_cast<NameExpr &>(*a.target).name;
    auto *other = a.value->dyn<NameExpr>();
    bool sets = c == Container::Set && containerOf(other) == Container::Set;
    bool merge = c == Container::Dict && a.op == BinaryOp::BitOr &&
                 containerOf(other) == Container::Dict;
    if (other && other->name != d &&
        (merge ||
         (sets && (a.op == BinaryOp::BitOr || a.op == BinaryOp::BitAnd ||
                   a.op == BinaryOp::Sub || a.op == BinaryOp::BitXor))))
      return combine(d, a.op, other->name, a.range);
    diags_.error(a.range, "this operator takes two sets (|=, &=, -=, ^=) "
                          "or two dicts (|=) of different names");
    return Block{};
  }
  if (!ix || !containerOf(ix->base.get())) {
    expr(a.target);
    expr(a.value);
    return std::nullopt;
  }
  const std::string &d = static_cast<NameExpr &>(*ix->base).name;
  ASTBuilder b{a.range};
  Block out;
  if (!itemKey(*ix, d))
    return out;
  expr(a.value);
  ExprPtr k = spill(std::move(ix->indices[0]), "key", out);
  std::string e = temp("entry");
  std::vector<ExprPtr> rest;
  rest.push_back(std::move(k));
  out.push_back(
      b.assign(b.name(e), lookup(b, "__np_dict_entry", d, std::move(rest))));
  std::vector<ExprPtr> at;
  at.push_back(b.name(e));
  out.push_back(b.update(b.index(b.name(valuesOf(d)), std::move(at)), a.op,
                         std::move(a.value)));
  return out;
}

bool ScopeRewriter::itemKey(IndexExpr &ix, const std::string &d) {
  if (kinds_.at(d) == Container::Set) {
    diags_.error(ix.range, "a set has no items; test membership with "
                           "'x in " +
                               d + "'");
    return false;
  }
  for (const ExprPtr &i : ix.indices)
    if (i->dyn<SliceExpr>()) {
      diags_.error(i->range, "a dict is indexed by a key, not a slice");
      return false;
    }
  if (ix.indices.size() > 1) { // d[i, j] is d[(i, j)]
    auto key = std::make_unique<TupleExpr>(ix.range);
    key->elts = std::move(ix.indices);
    ix.indices.clear();
    ix.indices.push_back(std::move(key));
  }
  expr(ix.indices[0]);
  return true;
}

Block ScopeRewriter::insert(const std::string &d, ExprPtr key, ExprPtr value) {
  ASTBuilder b{key->range};
  Block out;
  if (value)
    value = spill(std::move(value), "value", out);
  key = spill(std::move(key), "key", out);
  std::string slot = temp("slot");
  std::vector<ExprPtr> rest;
  rest.push_back(cloneExpr(key.get()));
  out.push_back(
      b.assign(b.name(slot), lookup(b, "__np_dict_slot", d, std::move(rest))));
  const std::string K = keysOf(d), T = tableOf(d);
  auto entry = [&] { return b.item(T, b.name(slot)); };
  // New keys go at the end; the table (two entries per slot: position
  // and hash) doubles past two thirds full.
  Block fresh;
  ExprPtr table = b.name(T), at = b.name(slot), position = b.len(K),
          hashed = cloneExpr(key.get());
  fresh.push_back(std::make_unique<ExprStmt>(
      b.at, callOf(b, "__np_dict_put", {&table, &at, &position, &hashed})));
  fresh.push_back(method(b, K, "append", std::move(key)));
  if (value)
    fresh.push_back(method(b, valuesOf(d), "append", cloneExpr(value.get())));
  auto grow =
      b.ifStmt(b.compare(CompareOp::Ge, b.mul(b.i64(3), b.len(K)), b.len(T)));
  ExprPtr keys = b.name(K), size = b.mul(b.i64(2), b.len(T));
  grow->body.push_back(
      b.assign(b.name(T), callOf(b, "__np_dict_table", {&keys, &size})));
  fresh.push_back(std::move(grow));
  if (value) {
    auto ifs = b.ifStmt(b.compare(CompareOp::Ge, entry(), b.i64(0)));
    ifs->body.push_back(
        b.assign(b.item(valuesOf(d), entry()), std::move(value)));
    ifs->orelse = std::move(fresh);
    out.push_back(std::move(ifs));
  } else {
    auto ifs = b.ifStmt(b.compare(CompareOp::Lt, entry(), b.i64(0)));
    ifs->body = std::move(fresh);
    out.push_back(std::move(ifs));
  }
  return out;
}

Block ScopeRewriter::insertAll(const std::string &to, const std::string &from,
                               SourceRange at) {
  ASTBuilder b{at};
  std::string i = temp("position");
  auto l = b.loop(i, b.positions(keysOf(from)));
  l->body = insert(to, b.item(keysOf(from), b.name(i)),
                   kinds_.at(to) == Container::Dict
                       ? b.item(valuesOf(from), b.name(i))
                       : nullptr);
  Block out;
  out.push_back(std::move(l));
  return out;
}

Block ScopeRewriter::keepWhere(const std::string &d, const std::string &other,
                               bool in, SourceRange at) {
  ASTBuilder b{at};
  std::string x = temp("element");
  std::vector<ExprPtr> key;
  key.push_back(b.name(x));
  ExprPtr has = lookup(b, "__np_dict_has", other, std::move(key));
  Block out;
  out.push_back(
      b.assign(b.name(keysOf(d)),
               b.comprehension(x, b.name(x), b.name(keysOf(d)),
                               in ? std::move(has)
                                  : b.unary(UnaryOp::Not, std::move(has)))));
  ExprPtr keys = b.name(keysOf(d)), size = b.len(tableOf(d));
  out.push_back(b.assign(b.name(tableOf(d)),
                         callOf(b, "__np_dict_table", {&keys, &size})));
  return out;
}

Block ScopeRewriter::combine(const std::string &d, BinaryOp op,
                             const std::string &other, SourceRange at) {
  if (op == BinaryOp::BitOr)
    return insertAll(d, other, at);
  if (op != BinaryOp::BitXor)
    return keepWhere(d, other, op == BinaryOp::BitAnd, at);
  // ^: the other's elements not in d, then d's not in the other.
  ASTBuilder b{at};
  std::string added = temp("made");
  kinds_.emplace(added, Container::Set);
  Block out;
  auto append = [&](Block more) {
    for (StmtPtr &s : more)
      out.push_back(std::move(s));
  };
  append(*make(added, static_cast<CallExpr &>(*b.call("set", {}))));
  append(insertAll(added, other, at));
  append(keepWhere(added, d, false, at));
  append(keepWhere(d, other, false, at));
  append(insertAll(d, added, at));
  return out;
}

std::optional<Block> ScopeRewriter::derive(const std::string &c, Expr &value) {
  ASTBuilder b{value.range};
  std::string from;
  const NameExpr *second = nullptr;
  BinaryOp op = BinaryOp::BitOr;
  if (auto *bin = value.dyn<BinaryExpr>()) {
    from = static_cast<NameExpr &>(*bin->lhs).name;
    second = static_cast<NameExpr *>(bin->rhs.get());
    op = bin->op;
  } else {
    from = static_cast<NameExpr &>(*static_cast<AttributeExpr &>(
                                        *static_cast<CallExpr &>(value).callee)
                                        .base)
               .name;
  }
  if (from == c || (second && second->name == c)) {
    if (second && from == c && second->name != c)
      return combine(c, op, second->name, value.range); // a = a | b
    diags_.error(value.range, "give the result a name of its own (or "
                              "write " +
                                  c + " |= ...)");
    return Block{};
  }
  Block out =
      *make(c, static_cast<CallExpr &>(*b.call(
                   kinds_.at(c) == Container::Dict ? "dict" : "set", {})));
  for (StmtPtr &s : insertAll(c, from, value.range))
    out.push_back(std::move(s));
  if (second)
    for (StmtPtr &s : combine(c, op, second->name, value.range))
      out.push_back(std::move(s));
  return out;
}

/// Whether `a` and `b` are one name or one integer literal.
static bool sameNameOrLiteral(const Expr *a, const Expr *b) {
  auto *na = a->dyn<NameExpr>(), *nb = b->dyn<NameExpr>();
  if (na && nb)
    return na->name == nb->name && na->qualified == nb->qualified;
  auto *ia = a->dyn<IntLitExpr>(), *ib = b->dyn<IntLitExpr>();
  return ia && ib && ia->value == ib->value;
}

std::optional<Block> ScopeRewriter::setItem(IndexExpr &ix, ExprPtr value) {
  const std::string &d = static_cast<NameExpr &>(*ix.base).name;
  Block out;
  // `d[k] = d[k][:n]`: the row replaced by a part of itself, which no
  // other entry shares, so a copy of the part is the same (the values'
  // list holds copies of new arrays).
  auto *part = value->dyn<IndexExpr>();
  auto *row = part ? part->base->dyn<IndexExpr>() : nullptr;
  auto *same = row ? row->base->dyn<NameExpr>() : nullptr;
  if (same && same->name == d && !same->qualified && row->indices.size() == 1 &&
      ix.indices.size() == 1 &&
      sameNameOrLiteral(row->indices[0].get(), ix.indices[0].get())) {
    ASTBuilder b{value->range};
    value = b.call(b.attribute(std::move(value), "copy"), {});
  }
  // Python evaluates the value before the key.
  expr(value);
  value = spill(std::move(value), "value", out);
  if (!itemKey(ix, d))
    return out;
  Block put = insert(d, std::move(ix.indices[0]), std::move(value));
  for (StmtPtr &s : put)
    out.push_back(std::move(s));
  return out;
}

std::optional<Block> ScopeRewriter::make(const std::string &d,
                                         CallExpr &maker) {
  Container kind = kinds_.at(d);
  ASTBuilder b{maker.range};
  Block out;
  if (*madeBy(&maker) != kind) {
    diags_.error(maker.range, "'" + d + "' is a " + word(kind) +
                                  " elsewhere in this function; give "
                                  "this one a name of its own");
    return out;
  }
  auto *callee = maker.callee->dyn<NameExpr>();
  std::string name = callee ? callee->name : "Dict.empty";
  // Dict.empty(key_type, value_type): lists of those types.
  std::string types[2];
  if (name == "Dict.empty") {
    for (size_t i = 0; i < maker.args.size() && i < 2; ++i)
      types[i] = numpyTypeOf(maker.args[i].get());
    for (const KeywordArg &k : maker.keywords)
      if (k.name == "key_type" || k.name == "value_type")
        types[k.name == "key_type" ? 0 : 1] = numpyTypeOf(k.value.get());
    maker.args.clear();
  } else if (name == "dict" && !maker.args.empty()) {
    diags_.error(maker.range, "dict(...) of other values is not "
                              "supported; start with {} and set the "
                              "items in a loop");
    return out;
  } else if (name == "set" && maker.args.size() > 1) {
    diags_.error(maker.range, "set() takes at most one argument (the "
                              "elements)");
    return out;
  }
  auto emptyList = [&](const std::string &type) -> ExprPtr {
    if (type.empty())
      return std::make_unique<ListExpr>(b.at);
    // [x for x in np.empty(0, dtype=type)], as the parser writes
    // list(np.empty(0, np.int64)).
    auto empty = std::make_unique<NameExpr>(b.at, "empty");
    empty->qualified = true;
    std::vector<ExprPtr> args;
    args.push_back(b.i64(0));
    std::vector<KeywordArg> dtype;
    dtype.push_back(b.keyword("dtype", b.name(type)));
    std::string x = temp("element");
    return b.comprehension(
        x, b.name(x),
        b.call(std::move(empty), std::move(args), std::move(dtype)));
  };
  for (ExprPtr &a : maker.args)
    expr(a, name == "set");
  out.push_back(b.assign(b.name(keysOf(d)), emptyList(types[0])));
  if (kind == Container::Dict)
    out.push_back(b.assign(b.name(valuesOf(d)), emptyList(types[1])));
  out.push_back(
      b.assign(b.name(tableOf(d)), b.call("__np_dict_new_table", {})));
  auto append = [&](Block put) {
    for (StmtPtr &s : put)
      out.push_back(std::move(s));
  };
  if (name == "weft.dict_display")
    for (size_t i = 0; i + 1 < maker.args.size(); i += 2)
      append(insert(d, std::move(maker.args[i]), std::move(maker.args[i + 1])));
  else if (name == "weft.set_display")
    for (ExprPtr &x : maker.args)
      append(insert(d, std::move(x), nullptr));
  else if (name == "set" && !maker.args.empty()) {
    std::string x = temp("element");
    auto l = b.loop(x, std::move(maker.args[0]));
    l->body = insert(d, b.name(x), nullptr);
    out.push_back(std::move(l));
  }
  return out;
}

std::optional<Block> ScopeRewriter::methodStatement(ExprStmt &s) {
  std::string d;
  CallExpr *c = methodCall(s.value.get(), &d);
  if (!c) {
    expr(s.value);
    return std::nullopt;
  }
  const std::string &m = static_cast<AttributeExpr &>(*c->callee).attr;
  Container kind = kinds_.at(d);
  ASTBuilder b{c->range};
  if (m == "pop" ||
      (kind == Container::Set && (m == "remove" || m == "discard")))
    return pop(d, *c, nullptr);
  if (m == "clear" && c->args.empty()) {
    Block out;
    out.push_back(method(b, keysOf(d), "clear", nullptr));
    if (kind == Container::Dict)
      out.push_back(method(b, valuesOf(d), "clear", nullptr));
    out.push_back(
        b.assign(b.name(tableOf(d)), b.call("__np_dict_new_table", {})));
    return out;
  }
  if (m == "setdefault" && kind == Container::Dict) {
    Block out;
    setDefault(d, *c, out);
    return out;
  }
  if (m == "update" && c->args.size() == 1 && c->keywords.empty() &&
      containerOf(c->args[0].get()) == kind &&
      static_cast<NameExpr &>(*c->args[0]).name != d)
    return insertAll(d, static_cast<NameExpr &>(*c->args[0]).name, c->range);
  if (kind == Container::Set && (m == "add" || m == "update") &&
      c->args.size() == 1 && c->keywords.empty()) {
    expr(c->args[0], m == "update");
    if (m == "add")
      return insert(d, std::move(c->args[0]), nullptr);
    Block out;
    std::string x = temp("element");
    auto l = b.loop(x, std::move(c->args[0]));
    l->body = insert(d, b.name(x), nullptr);
    out.push_back(std::move(l));
    return out;
  }
  expr(s.value);
  return std::nullopt;
}

std::optional<Block> ScopeRewriter::loop(ForStmt &f) {
  std::string d, m = "keys";
  if (auto c = containerOf(f.iter.get()))
    d = static_cast<NameExpr &>(*f.iter).name;
  else if (CallExpr *call = methodCall(f.iter.get(), &d);
           call && call->args.empty() && kinds_.at(d) == Container::Dict) {
    m = static_cast<AttributeExpr &>(*call->callee).attr;
    if (m != "keys" && m != "values" && m != "items")
      d.clear();
  }
  if (d.empty()) {
    expr(f.iter, true);
    return std::nullopt;
  }
  ASTBuilder b{f.iter->range};
  Block out;
  std::string n = temp("size"), i = temp("position");
  auto at = [&](const std::string &list) { return b.item(list, b.name(i)); };
  out.push_back(b.assign(b.name(n), b.len(keysOf(d))));
  ExprPtr count = b.name(n);
  auto l = b.loop(i, callOf(b, "range", {&count}));
  l->range = f.range;
  auto changed =
      b.ifStmt(b.compare(CompareOp::Ne, b.len(keysOf(d)), b.name(n)));
  changed->body.push_back(raise(b, "RuntimeError",
                                kinds_.at(d) == Container::Dict
                                    ? "dictionary changed size during "
                                      "iteration"
                                    : "Set changed size during iteration"));
  l->body.push_back(std::move(changed));
  ExprPtr element;
  if (m == "items") {
    std::vector<ExprPtr> pair;
    pair.push_back(at(keysOf(d)));
    pair.push_back(at(valuesOf(d)));
    element = b.tuple(std::move(pair));
  } else {
    element = at(m == "values" ? valuesOf(d) : keysOf(d));
  }
  l->body.push_back(b.assign(std::move(f.target), std::move(element)));
  for (StmtPtr &s : f.body)
    l->body.push_back(std::move(s));
  out.push_back(std::move(l));
  return out;
}

ExprPtr ScopeRewriter::partsTuple(const std::string &d, SourceRange at) {
  ASTBuilder b{at};
  Container kind = kinds_.at(d);
  std::vector<ExprPtr> elts;
  elts.push_back(std::make_unique<StrLitExpr>(
      at, kind == Container::Dict ? "__weft_dict__" : "__weft_set__"));
  for (const std::string &part : partsOf(d, kind))
    elts.push_back(b.name(part));
  return b.tuple(std::move(elts));
}

bool ScopeRewriter::returnParts(ReturnStmt &r) {
  // (a dict or set made in the return's expression has a variable of its
  // own by now: hoistMade)
  if (containerOf(r.value.get())) {
    r.value = partsTuple(static_cast<NameExpr &>(*r.value).name, r.range);
    return true;
  }
  auto *t = r.value ? r.value->dyn<TupleExpr>() : nullptr;
  if (!t || std::none_of(t->elts.begin(), t->elts.end(), [&](const ExprPtr &e) {
        return containerOf(e.get()).has_value();
      }))
    return false;
  for (ExprPtr &e : t->elts) {
    if (containerOf(e.get()))
      e = partsTuple(static_cast<NameExpr &>(*e).name, e->range);
    else
      expr(e);
  }
  return true;
}

Block ScopeRewriter::takeReturned(AssignStmt &a, const Returned &r) {
  ASTBuilder b{a.range};
  Block out;
  expr(a.value);
  std::string result = temp("result");
  out.push_back(b.assign(b.name(result), std::move(a.value)));
  auto element = [&](ExprPtr of, size_t i) {
    std::vector<ExprPtr> at;
    at.push_back(b.i64(static_cast<int64_t>(i)));
    return b.index(std::move(of), std::move(at));
  };
  // The parts of `d`, from the tuple `of` returns for it (the lists
  // copied: a list taken out of a tuple may not grow).
  auto take = [&](const std::string &d, const std::function<ExprPtr()> &of) {
    std::vector<std::string> parts = partsOf(d, kinds_.at(d));
    for (size_t i = 0; i < parts.size(); ++i) {
      ExprPtr part = element(of(), i + 1);
      if (i + 1 < parts.size()) { // [x for x in part], list(part)
        std::string x = temp("element");
        part = b.comprehension(x, b.name(x), std::move(part));
      }
      out.push_back(b.assign(b.name(parts[i]), std::move(part)));
    }
  };
  Expr *t = a.targets[0].get();
  if (!r.tuple) {
    take(static_cast<NameExpr &>(*t).name, [&] { return b.name(result); });
    return out;
  }
  auto &targets = static_cast<TupleExpr &>(*t).elts;
  for (size_t i = 0; i < targets.size(); ++i) {
    auto of = [&, i] { return element(b.name(result), i); };
    if (i < r.kinds.size() && r.kinds[i] && containerOf(targets[i].get()))
      take(static_cast<NameExpr &>(*targets[i]).name, of);
    else {
      target(targets[i]);
      out.push_back(b.assign(std::move(targets[i]), of()));
    }
  }
  return out;
}

} // namespace dicts

} // namespace weft
