//===- DesugarDictExprs.cpp - Dict and set uses inside expressions -------===//
//
// The expression half of desugarDicts' rewriter (DesugarDictsImpl.h):
// d[k], k in d, d.get(k, v), d.keys()/values()/items(), a bare dict where
// Python iterates it, the dicts, sets and pops hoisted out of a
// statement's expressions, and pop()/remove()/discard()/setdefault().
//
//===----------------------------------------------------------------------===//
#include "frontend/DesugarDictsImpl.h"

#include <functional>

namespace weft {
namespace dicts {

Block ScopeRewriter::hoistMade(Stmt &s) {
  Block out;
  ExprPtr *slot = nullptr;
  if (auto *a = s.dyn<AssignStmt>())
    slot = madeBy(a->value.get()) ? nullptr : &a->value;
  else if (auto *a = s.dyn<AugAssignStmt>())
    slot = &a->value;
  else if (auto *e = s.dyn<ExprStmt>())
    slot = &e->value;
  else if (auto *r = s.dyn<ReturnStmt>())
    slot = &r->value;
  else if (auto *f = s.dyn<ForStmt>())
    slot = &f->iter;
  // (a pop that is the statement's whole value is rewritten in place)
  CallExpr *whole = slot ? methodCall(slot->get()) : nullptr;
  bool wholePop = whole && (s.dyn<ExprStmt>() || s.dyn<AssignStmt>()) &&
                  static_cast<AttributeExpr &>(*whole->callee).attr == "pop";
  if (slot && !wholePop)
    hoistFrom(*slot, out, &s, /*top=*/true);
  return out;
}

int ScopeRewriter::usesOf(const Stmt &s, const std::string &name) {
  int n = 0;
  std::function<void(const Expr *)> visit = [&](const Expr *e) {
    if (auto *x = e->dyn<NameExpr>(); x && x->name == name)
      ++n;
    forEachChild(e, visit);
  };
  forEachExprOf(s, visit);
  return n;
}

void ScopeRewriter::hoistFrom(ExprPtr &e, Block &out, const Stmt *s, bool top) {
  if (!e)
    return;
  // `e` into a new variable assigned before the statement (a dict or set
  // variable when `kind` is given).
  auto intoVariable = [&](const char *what, std::optional<Container> kind) {
    ASTBuilder b{e->range};
    std::string v = temp(what);
    if (kind) {
      kinds_.emplace(v, *kind);
      made_.insert(v);
    }
    out.push_back(b.assign(b.name(v), std::move(e)));
    e = b.name(v);
  };
  // `acc += d.pop(k, 0)`: the pop first, into a variable, when the
  // statement reads `d` nowhere else (which Python would read before).
  std::string d;
  if (CallExpr *c = methodCall(e.get(), &d);
      c && static_cast<AttributeExpr &>(*c->callee).attr == "pop" &&
      usesOf(*s, d) == 1) {
    intoVariable("popped", std::nullopt);
    return;
  }
  // `len(a & b)`: a set made by an operator gets a variable too (its
  // operands first); not the whole value of `c = a & b`.
  if (std::optional<Container> derived = derivedKind(e.get())) {
    if (auto *bin = e->dyn<BinaryExpr>()) {
      hoistFrom(bin->lhs, out, s);
      hoistFrom(bin->rhs, out, s);
    }
    if (!top)
      intoVariable("made", derived);
    return;
  }
  if (std::optional<Container> made = madeBy(e.get())) {
    intoVariable("made", made);
    return;
  }
  switch (e->kind) {
  case ExprKind::Call: {
    auto &c = static_cast<CallExpr &>(*e);
    if (auto *a = c.callee->dyn<AttributeExpr>())
      hoistFrom(a->base, out, s);
    for (ExprPtr &x : c.args)
      hoistFrom(x, out, s);
    return;
  }
  case ExprKind::Unary:
    hoistFrom(static_cast<UnaryExpr &>(*e).operand, out, s);
    return;
  case ExprKind::Binary:
    hoistFrom(static_cast<BinaryExpr &>(*e).lhs, out, s);
    hoistFrom(static_cast<BinaryExpr &>(*e).rhs, out, s);
    return;
  case ExprKind::Compare:
    // (a chain's later operands are evaluated only sometimes)
    for (size_t i = 0; i < 2; ++i)
      hoistFrom(static_cast<CompareExpr &>(*e).operands[i], out, s);
    return;
  case ExprKind::Tuple:
    for (ExprPtr &x : static_cast<TupleExpr &>(*e).elts)
      hoistFrom(x, out, s);
    return;
  case ExprKind::ListComp:
    hoistFrom(static_cast<ListCompExpr &>(*e).iter, out, s);
    return;
  default:
    return;
  }
}

void ScopeRewriter::expr(ExprPtr &e, bool iterated) {
  if (!e)
    return;
  ASTBuilder b{e->range};
  switch (e->kind) {
  case ExprKind::Name:
    if (auto c = containerOf(e.get())) {
      const std::string &d = static_cast<NameExpr &>(*e).name;
      if (iterated) {
        e = b.name(keysOf(d));
        return;
      }
      if (made_.count(d)) {
        diags_.error(e->range,
                     std::string("a ") + word(*c) +
                         " made here may only be iterated or tested "
                         "(len, sorted, for, in); to pass or return it, "
                         "make it into a list: list(...)");
        return;
      }
      diags_.error(e->range,
                   "'" + d + "' is a " + word(*c) +
                       ": index it, test membership with 'in' or loop "
                       "over it, or pass or return it by its name; a " +
                       word(*c) +
                       " cannot be printed, given a second name or put in "
                       "an expression");
    }
    return;
  case ExprKind::Index: {
    auto &ix = static_cast<IndexExpr &>(*e);
    if (containerOf(ix.base.get())) {
      const std::string d = static_cast<NameExpr &>(*ix.base).name;
      if (!itemKey(ix, d))
        return;
      // values[entry] (KeyError for a missing key): typed by the values
      // list itself, which its appends type.
      std::vector<ExprPtr> rest;
      rest.push_back(std::move(ix.indices[0]));
      std::vector<ExprPtr> at;
      at.push_back(lookup(b, "__np_dict_entry", d, std::move(rest)));
      e = b.index(b.name(valuesOf(d)), std::move(at));
      return;
    }
    expr(ix.base);
    for (ExprPtr &i : ix.indices)
      expr(i);
    return;
  }
  case ExprKind::Compare: {
    auto &c = static_cast<CompareExpr &>(*e);
    // `d is None` of a dict (a parameter None by default, passed a
    // dict): false, as Numba types it.
    if (c.ops.size() == 1 &&
        (c.ops[0] == CompareOp::Is || c.ops[0] == CompareOp::IsNot) &&
        containerOf(c.operands[0].get())) {
      auto *none = c.operands[1]->dyn<NameExpr>();
      if (none && none->name == "None") {
        e = std::make_unique<BoolLitExpr>(c.range,
                                          c.ops[0] == CompareOp::IsNot);
        return;
      }
    }
    std::string d;
    bool isIn = c.ops.size() == 1 &&
                (c.ops[0] == CompareOp::In || c.ops[0] == CompareOp::NotIn);
    if (isIn && containerOf(c.operands[1].get()))
      d = static_cast<NameExpr &>(*c.operands[1]).name;
    else if (CallExpr *k = isIn ? methodCall(c.operands[1].get(), &d) : nullptr;
             !k || static_cast<AttributeExpr &>(*k->callee).attr != "keys" ||
             !k->args.empty())
      d.clear();
    if (d.empty()) {
      for (ExprPtr &x : c.operands)
        expr(x);
      return;
    }
    expr(c.operands[0]);
    std::vector<ExprPtr> rest;
    rest.push_back(std::move(c.operands[0]));
    ExprPtr has = lookup(b, "__np_dict_has", d, std::move(rest));
    e = c.ops[0] == CompareOp::In ? std::move(has)
                                  : b.unary(UnaryOp::Not, std::move(has));
    return;
  }
  case ExprKind::Call:
    call(e);
    return;
  case ExprKind::Unary: {
    auto &u = static_cast<UnaryExpr &>(*e);
    expr(u.operand, u.op == UnaryOp::Not);
    return;
  }
  case ExprKind::BoolOp:
    expr(static_cast<BoolOpExpr &>(*e).lhs, iterated);
    expr(static_cast<BoolOpExpr &>(*e).rhs, iterated);
    return;
  case ExprKind::IfExp: {
    auto &i = static_cast<IfExpExpr &>(*e);
    expr(i.cond, true);
    expr(i.thenValue);
    expr(i.elseValue);
    return;
  }
  case ExprKind::Binary:
    expr(static_cast<BinaryExpr &>(*e).lhs);
    expr(static_cast<BinaryExpr &>(*e).rhs);
    return;
  case ExprKind::Slice: {
    auto &s = static_cast<SliceExpr &>(*e);
    expr(s.lower);
    expr(s.upper);
    expr(s.step);
    return;
  }
  case ExprKind::Attribute:
    expr(static_cast<AttributeExpr &>(*e).base);
    return;
  case ExprKind::Tuple:
    for (ExprPtr &x : static_cast<TupleExpr &>(*e).elts)
      expr(x);
    return;
  case ExprKind::List:
    for (ExprPtr &x : static_cast<ListExpr &>(*e).elts)
      expr(x);
    return;
  case ExprKind::ListComp: {
    auto &l = static_cast<ListCompExpr &>(*e);
    expr(l.iter, true);
    expr(l.elt);
    expr(l.cond, true);
    return;
  }
  default:
    return;
  }
}

void ScopeRewriter::call(ExprPtr &e) {
  auto &c = static_cast<CallExpr &>(*e);
  ASTBuilder b{e->range};
  if (auto *n = c.callee->dyn<NameExpr>()) {
    if (madeBy(&c)) {
      diags_.error(c.range, "make a dict or set in an assignment of its "
                            "own (d = {...}, s = set(...)), then use it "
                            "by its name");
      return;
    }
    // A function passed dicts or sets takes their parts instead.
    auto to = n->qualified ? passed_.end() : passed_.find(n->name);
    if (to != passed_.end()) {
      std::vector<ExprPtr> args;
      for (size_t i = 0; i < c.args.size(); ++i) {
        auto kind = to->second.find(i);
        if (kind == to->second.end()) {
          expr(c.args[i]);
          args.push_back(std::move(c.args[i]));
          continue;
        }
        auto *arg = c.args[i]->dyn<NameExpr>();
        if (!arg || containerOf(arg) != kind->second) {
          diags_.error(c.args[i]->range,
                       "'" + n->name + "' takes a " + word(kind->second) +
                           " here (another call passes one); pass one, by "
                           "its name, in every call");
          return;
        }
        for (const std::string &part : partsOf(arg->name, kind->second))
          args.push_back(b.name(part));
      }
      c.args = std::move(args);
      for (KeywordArg &k : c.keywords)
        expr(k.value);
      return;
    }
    bool iterates = !n->qualified && iteratesArguments(*n);
    for (ExprPtr &a : c.args)
      expr(a, iterates);
    for (KeywordArg &k : c.keywords)
      expr(k.value);
    return;
  }
  std::string d;
  if (!methodCall(&c, &d)) {
    expr(c.callee);
    for (ExprPtr &a : c.args)
      expr(a);
    for (KeywordArg &k : c.keywords)
      expr(k.value);
    return;
  }
  const std::string &m = static_cast<AttributeExpr &>(*c.callee).attr;
  bool isDict = kinds_.at(d) == Container::Dict;
  for (ExprPtr &a : c.args)
    expr(a);
  if (isDict && m == "get" && c.args.size() == 1 && c.keywords.empty())
    c.args.push_back(b.name("None")); // (an optional value, as Numba's)
  if (isDict && m == "get" && c.args.size() == 2 && c.keywords.empty()) {
    // values[entry] if the key is in, else the default (two lookups: an
    // expression has no variable for the entry). A conditional
    // expression types itself from the default while the values list's
    // type is still being inferred from its appends.
    std::vector<ExprPtr> key;
    key.push_back(cloneExpr(c.args[0].get()));
    std::vector<ExprPtr> at;
    at.push_back(lookup(b, "__np_dict_entry", d, std::move(key)));
    std::vector<ExprPtr> test;
    test.push_back(std::move(c.args[0]));
    e = b.ifExp(lookup(b, "__np_dict_has", d, std::move(test)),
                b.index(b.name(valuesOf(d)), std::move(at)),
                std::move(c.args[1]));
    return;
  }
  if (isDict && m == "get") {
    diags_.error(c.range, "get() takes a key and a default value, by "
                          "position (" +
                              d + ".get(k) or " + d + ".get(k, 0))");
    return;
  }
  if (c.args.empty() && (m == "keys" || (isDict && m == "values"))) {
    e = b.name(m == "keys" ? keysOf(d) : valuesOf(d));
    return;
  }
  if (isDict && m == "items" && c.args.empty()) {
    // A list of (key, value) tuples (for loops over items() are
    // loop's): [(d.keys[i], d.values[i]) for i in range(len(d.keys))].
    std::string i = temp("position");
    std::vector<ExprPtr> pair;
    pair.push_back(b.item(keysOf(d), b.name(i)));
    pair.push_back(b.item(valuesOf(d), b.name(i)));
    e = b.comprehension(i, b.tuple(std::move(pair)), b.positions(keysOf(d)));
    return;
  }
  static const std::set<std::string> kStatements = {
      "pop", "add", "remove", "discard", "clear", "update", "setdefault"};
  diags_.error(c.range, kStatements.count(m)
                            ? d + "." + m +
                                  "(...) is a statement of its own here (x = " +
                                  d + ".pop(k) for a value)"
                            : std::string(word(kinds_.at(d))) + "." + m +
                                  "() is not supported in Weft");
}

void ScopeRewriter::setMethodsAsOperators(Block &body) {
  // a.union(b) is a | b, a.intersection(b) a & b, a.difference(b) a - b,
  // a.symmetric_difference(b) a ^ b; a.isdisjoint(b) is len(a & b) == 0,
  // a.issubset(b) len(a - b) == 0, a.issuperset(b) len(b - a) == 0 (b a
  // set too, as the operators take).
  static const std::map<std::string, BinaryOp> kOps = {
      {"union", BinaryOp::BitOr},
      {"intersection", BinaryOp::BitAnd},
      {"difference", BinaryOp::Sub},
      {"symmetric_difference", BinaryOp::BitXor},
      {"isdisjoint", BinaryOp::BitAnd},
      {"issubset", BinaryOp::Sub},
      {"issuperset", BinaryOp::Sub}};
  auto isSet = [&](const Expr *x) {
    std::optional<Container> k = containerOf(x);
    return (k ? k : madeBy(x)) == Container::Set;
  };
  forEachExprSlotIn(body, [&](ExprPtr &slot) {
    auto *c = slot->dyn<CallExpr>();
    auto *m = c ? c->callee->dyn<AttributeExpr>() : nullptr;
    auto op = m ? kOps.find(m->attr) : kOps.end();
    if (op == kOps.end() || c->args.size() != 1 || !c->keywords.empty() ||
        !isSet(m->base.get()) || !isSet(c->args[0].get()))
      return;
    ASTBuilder b{c->range};
    std::string name = m->attr;
    ExprPtr lhs = std::move(m->base), rhs = std::move(c->args[0]);
    if (name == "issuperset")
      std::swap(lhs, rhs);
    ExprPtr set = b.binary(op->second, std::move(lhs), std::move(rhs));
    if (name != "isdisjoint" && name != "issubset" && name != "issuperset") {
      slot = std::move(set);
      return;
    }
    std::vector<ExprPtr> args;
    args.push_back(std::move(set));
    slot = b.compare(CompareOp::Eq, b.call("len", std::move(args)), b.i64(0));
  });
}

std::optional<Block> ScopeRewriter::pop(const std::string &d, CallExpr &c,
                                        ExprPtr into) {
  const std::string &m = static_cast<AttributeExpr &>(*c.callee).attr;
  Container kind = kinds_.at(d);
  ASTBuilder b{c.range};
  Block out;
  size_t most = m == "pop" && kind == Container::Dict ? 2 : 1;
  bool anyElement = kind == Container::Set && m == "pop";
  if (anyElement && c.args.empty() && c.keywords.empty()) {
    // set.pop(): the first element (KeyError when there is none), then
    // its removal.
    auto empty = b.ifStmt(b.compare(CompareOp::Eq, b.len(keysOf(d)), b.i64(0)));
    empty->body.push_back(raise(b, "KeyError", "pop from an empty set"));
    out.push_back(std::move(empty));
    std::string k = temp("key");
    out.push_back(b.assign(b.name(k), b.item(keysOf(d), b.i64(0))));
    if (into)
      out.push_back(b.assign(std::move(into), b.name(k)));
    c.args.push_back(b.name(k));
  } else if (anyElement) {
    diags_.error(c.range, "set.pop() takes no arguments (it removes and "
                          "returns an element); use remove(x) for a "
                          "given one");
    return out;
  }
  if (c.args.empty() || c.args.size() > most || !c.keywords.empty()) {
    diags_.error(
        c.range,
        m + "() takes " + (most == 2 ? "a key and a default" : "one element") +
            ", got " + std::to_string(c.args.size() + c.keywords.size()) +
            " arguments");
    return out;
  }
  for (ExprPtr &a : c.args)
    expr(a);
  ExprPtr key = spill(std::move(c.args[0]), "key", out);
  std::string e = temp("entry");
  std::vector<ExprPtr> rest;
  rest.push_back(std::move(key));
  std::vector<ExprPtr> at;
  at.push_back(lookup(b, "__np_dict_slot", d, std::move(rest)));
  out.push_back(
      b.assign(b.name(e), b.index(b.name(tableOf(d)), std::move(at))));
  auto found = b.ifStmt(b.compare(CompareOp::Ge, b.name(e), b.i64(0)));
  if (into && kind == Container::Dict) {
    std::vector<ExprPtr> ix;
    ix.push_back(b.name(e));
    found->body.push_back(b.assign(
        cloneExpr(into.get()), b.index(b.name(valuesOf(d)), std::move(ix))));
  }
  // list = [list[q] for q in range(len(list)) if q != e]: any list,
  // of numbers or of tuples.
  auto without = [&](const std::string &list) {
    std::string q = temp("position");
    return b.assign(
        b.name(list),
        b.comprehension(q, b.item(list, b.name(q)), b.positions(list),
                        b.compare(CompareOp::Ne, b.name(q), b.name(e))));
  };
  found->body.push_back(without(keysOf(d)));
  if (kind == Container::Dict)
    found->body.push_back(without(valuesOf(d)));
  ExprPtr keys = b.name(keysOf(d)), size = b.len(tableOf(d));
  found->body.push_back(b.assign(b.name(tableOf(d)),
                                 callOf(b, "__np_dict_table", {&keys, &size})));
  if (c.args.size() == 2) {
    if (into)
      found->orelse.push_back(b.assign(std::move(into), std::move(c.args[1])));
    else
      found->orelse.push_back(b.pass());
  } else if (m != "discard") {
    found->orelse.push_back(raise(b, "KeyError"));
  }
  out.push_back(std::move(found));
  return out;
}

ExprPtr ScopeRewriter::setDefault(const std::string &d, CallExpr &c,
                                  Block &out) {
  if (c.args.size() != 2 || !c.keywords.empty()) {
    diags_.error(c.range, "setdefault() takes a key and a default value");
    return nullptr;
  }
  for (ExprPtr &a : c.args)
    expr(a);
  ExprPtr key = spill(std::move(c.args[0]), "key", out);
  ASTBuilder b{c.range};
  std::vector<ExprPtr> rest;
  rest.push_back(cloneExpr(key.get()));
  auto missing = b.ifStmt(
      b.unary(UnaryOp::Not, lookup(b, "__np_dict_has", d, std::move(rest))));
  missing->body = insert(d, cloneExpr(key.get()), std::move(c.args[1]));
  out.push_back(std::move(missing));
  return key;
}

} // namespace dicts
} // namespace weft
