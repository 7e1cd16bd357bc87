//===- ParserComprehensions.cpp - Comprehensions, lambdas, list() --------===//
//
// `[e for ...]`, `{k: v for ...}`, `{e for ...}` (a ListCompExpr, or a
// call desugarComprehensions makes loops), `lambda x: e` (an inner def),
// and the calls that make lists: list(x), sorted(x, key=f, reverse=r),
// Numba's typed List; and f-strings, joined strs of their parts. Part of
// the Parser class (ParserImpl.h).
//
//===----------------------------------------------------------------------===//
#include "frontend/ParserImpl.h"

#include "frontend/ASTBuild.h"

#include <cstring>

namespace weft {
namespace parser {

ExprPtr Parser::listCall(CallExpr &c) {
  auto *n = c.callee->dyn<NameExpr>();
  if (!n || n->qualified || (n->name != "list" && n->name != "sorted"))
    return nullptr;
  bool sorted = n->name == "sorted";
  bool reverse = false;
  ExprPtr key;
  for (KeywordArg &k : c.keywords) {
    auto *b = k.value->dyn<BoolLitExpr>();
    if (sorted && k.name == "key") {
      key = std::move(k.value);
      continue;
    }
    if (!sorted || k.name != "reverse" || !b)
      return errorAt(k.nameRange, sorted ? "sorted() takes key= (a function "
                                           "or lambda) and reverse=True or "
                                           "False"
                                         : "list() takes no keyword arguments");
    reverse = b->value;
  }
  if (key && c.args.size() == 1) {
    // sorted(x, key=f): the elements in the stable order of their keys.
    auto *x = c.args[0]->dyn<NameExpr>();
    if (!x)
      return errorAt(c.args[0]->range,
                     "sorted(..., key=) takes a variable here; assign the "
                     "sequence to a name first");
    return sortedByKey(x->name, std::move(key), reverse, c.range);
  }
  if (c.args.size() > 1 || (sorted && c.args.empty()))
    return errorAt(c.range,
                   n->name + "() takes " +
                       (sorted ? "one argument" : "at most one argument") +
                       ", got " + std::to_string(c.args.size()));
  if (c.args.empty())
    return std::make_unique<ListExpr>(c.range);
  ExprPtr iter = std::move(c.args[0]);
  auto wrap = [&](const char *fn, ExprPtr x) -> ExprPtr {
    auto call = std::make_unique<CallExpr>(
        c.range, std::make_unique<NameExpr>(n->range, fn));
    call->args.push_back(std::move(x));
    return call;
  };
  if (sorted)
    iter = wrap("sort", std::move(iter));
  if (reverse)
    iter = wrap("flip", std::move(iter));
  std::string v = "__list_" + std::to_string(c.range.begin.line) + "_" +
                  std::to_string(c.range.begin.col);
  auto lc = std::make_unique<ListCompExpr>(c.range);
  lc->elt = std::make_unique<NameExpr>(c.range, v);
  lc->target = std::make_unique<NameExpr>(c.range, v);
  lc->iter = std::move(iter);
  lc->source = v;
  return lc;
}

ExprPtr Parser::mapCall(CallExpr &c) {
  auto *n = c.callee->dyn<NameExpr>();
  if (!n || n->qualified || n->name != "map" || c.args.size() != 2 ||
      !c.keywords.empty() || !c.starred.empty())
    return nullptr;
  auto apply = [&](ExprPtr x) {
    auto call = std::make_unique<CallExpr>(c.range, cloneExpr(c.args[0].get()));
    call->args.push_back(std::move(x));
    return call;
  };
  // Over a list or tuple written out: a tuple, so that the elements may be
  // of different types (lon, lat = map(np.radians, [lon, lat])).
  Expr *seq = c.args[1].get();
  std::vector<ExprPtr> *elts = nullptr;
  if (auto *l = seq->dyn<ListExpr>())
    elts = &l->elts;
  else if (auto *t = seq->dyn<TupleExpr>())
    elts = &t->elts;
  if (elts) {
    auto out = std::make_unique<TupleExpr>(c.range);
    for (ExprPtr &x : *elts)
      out->elts.push_back(apply(std::move(x)));
    return out;
  }
  std::string v = "__map_" + std::to_string(c.range.begin.line) + "_" +
                  std::to_string(c.range.begin.col);
  auto lc = std::make_unique<ListCompExpr>(c.range);
  lc->elt = apply(std::make_unique<NameExpr>(c.range, v));
  lc->target = std::make_unique<NameExpr>(c.range, v);
  lc->iter = std::move(c.args[1]);
  lc->source = v;
  return lc;
}

/// Renames every use of `from` in `e` to `to` (names bound inside `e` by
/// an inner comprehension were renamed already).
static void renameIn(Expr *e, const std::string &from, const std::string &to) {
  if (auto *n = e->dyn<NameExpr>()) {
    if (n->name == from && !n->qualified)
      n->name = to;
    return;
  }
  forEachChild(
      e, [&](const Expr *c) { renameIn(const_cast<Expr *>(c), from, to); });
}

namespace {
/// Adds to `out` the names target `t` binds.
void targetNames(const Expr *t, std::vector<std::string> &out) {
  if (auto *n = t->dyn<NameExpr>())
    out.push_back(n->name);
  else if (auto *tuple = t->dyn<TupleExpr>())
    for (const ExprPtr &x : tuple->elts)
      targetNames(x.get(), out);
}
/// `enumerate(...)`, `zip(...)` or `x.items()`: pairs to unpack.
bool yieldsTuples(const Expr *iter) {
  auto *c = iter->dyn<CallExpr>();
  if (!c)
    return false;
  if (auto *n = c->callee->dyn<NameExpr>())
    return n->name == "enumerate" || n->name == "zip";
  auto *m = c->callee->dyn<AttributeExpr>();
  return m && m->attr == "items";
}
} // namespace

ExprPtr Parser::parseComprehension(SourceLocation begin, const char *kind,
                                   ExprPtr elt, ExprPtr value,
                                   TokenKind close) {
  struct Clause {
    ExprPtr target, iter;
    std::vector<ExprPtr> conds;
  };
  std::vector<Clause> clauses;
  while (accept(TokenKind::KwFor)) {
    Clause c;
    c.target = parseForTargets();
    if (!c.target)
      return nullptr;
    if (!expect(TokenKind::KwIn, "expected 'in' after the names of a "
                                 "comprehension's 'for'"))
      return nullptr;
    c.iter = parseOr();
    if (!c.iter)
      return nullptr;
    while (accept(TokenKind::KwIf)) {
      ExprPtr cond = parseOr();
      if (!cond)
        return nullptr;
      c.conds.push_back(std::move(cond));
    }
    clauses.push_back(std::move(c));
  }
  const char *closing = close == TokenKind::RBracket ? "']' to close the '['"
                                                     : "'}' to close the '{'";
  if (!expect(close, std::string("expected ") + closing + " opened at " +
                         locString(begin)))
    return nullptr;
  SourceRange range = rangeFrom(begin);
  // The targets are local to the comprehension, as in Python 3: each
  // name gets one of its own, in the element and the conditions, and in
  // the iterables after the first (the first is evaluated outside).
  int number = ++comprehensions_;
  std::vector<std::string> names;
  for (Clause &c : clauses)
    targetNames(c.target.get(), names);
  for (const std::string &n : names) {
    std::string local = n + "." + std::to_string(number);
    renameIn(elt.get(), n, local);
    if (value)
      renameIn(value.get(), n, local);
    for (size_t i = 0; i < clauses.size(); ++i) {
      renameIn(clauses[i].target.get(), n, local);
      if (i > 0)
        renameIn(clauses[i].iter.get(), n, local);
      for (ExprPtr &cond : clauses[i].conds)
        renameIn(cond.get(), n, local);
    }
  }
  Clause &first = clauses.front();
  if (std::string(kind) == "list" && clauses.size() == 1 &&
      first.target->kind == ExprKind::Name && !yieldsTuples(first.iter.get())) {
    auto lc = std::make_unique<ListCompExpr>(range);
    lc->source = names.front();
    lc->target = std::move(first.target);
    lc->target->range = range;
    lc->iter = std::move(first.iter);
    // `if a if b` is `if a and b`.
    for (ExprPtr &cond : first.conds) {
      if (!lc->cond) {
        lc->cond = std::move(cond);
        continue;
      }
      SourceRange both(lc->cond->range.begin, cond->range.end);
      lc->cond = std::make_unique<BoolOpExpr>(
          both, BoolOpKind::And, std::move(lc->cond), std::move(cond));
    }
    lc->elt = std::move(elt);
    return lc;
  }
  auto call = std::make_unique<CallExpr>(
      range, std::make_unique<NameExpr>(range, std::string("weft.") + kind +
                                                   "_comprehension"));
  call->args.push_back(std::move(elt));
  if (value)
    call->args.push_back(std::move(value));
  for (Clause &c : clauses) {
    auto clause = std::make_unique<TupleExpr>(c.target->range);
    clause->elts.push_back(std::move(c.target));
    clause->elts.push_back(std::move(c.iter));
    for (ExprPtr &cond : c.conds)
      clause->elts.push_back(std::move(cond));
    call->args.push_back(std::move(clause));
  }
  return call;
}

ExprPtr Parser::parseLambda(SourceLocation begin) {
  auto def = std::make_unique<FunctionDefStmt>(SourceRange(begin));
  def->name = "__lambda_" + std::to_string(begin.line) + "_" +
              std::to_string(begin.col);
  def->nameRange = SourceRange(begin);
  while (!at(TokenKind::Colon)) {
    if (!at(TokenKind::Identifier))
      return error("a lambda takes parameter names, then ':' and its "
                   "value (lambda x, y: x * y)");
    Param p;
    p.name = tok().text;
    p.range = next().range;
    if (at(TokenKind::Equal))
      return error("a lambda's parameters take no defaults here; define "
                   "the function with def");
    def->params.push_back(std::move(p));
    if (!accept(TokenKind::Comma))
      break;
  }
  if (!expect(TokenKind::Colon, "expected ':' after a lambda's parameters"))
    return nullptr;
  ExprPtr value = parseExpr();
  if (!value)
    return nullptr;
  def->range = rangeFrom(begin);
  def->body.push_back(
      std::make_unique<ReturnStmt>(def->range, std::move(value)));
  auto name = std::make_unique<NameExpr>(def->range, def->name);
  lambdas_.push_back(std::move(def));
  return name;
}

ExprPtr Parser::typedListCall(CallExpr &c) {
  auto lastName = [](const Expr *e) -> std::string {
    if (auto *n = e->dyn<NameExpr>())
      return n->name;
    if (auto *a = e->dyn<AttributeExpr>())
      return a->attr;
    return "";
  };
  const Expr *callee = c.callee.get();
  bool empty = false;
  if (auto *a = callee->dyn<AttributeExpr>(); a && a->attr == "empty_list") {
    callee = a->base.get();
    empty = true;
  }
  auto *base = callee->dyn<AttributeExpr>();
  bool typed = lastName(callee) == "List" &&
               (callee->dyn<NameExpr>() ||
                (base && lastName(base->base.get()) == "typed"));
  if (!typed || (empty && c.args.size() > 1))
    return nullptr;
  if (empty) {
    // List.empty_list(types.int64), (item_type=types.float64[:]): the
    // item type kept, so an empty list passed on has one.
    auto out = std::make_unique<ListExpr>(c.range);
    const Expr *item = c.args.empty() ? nullptr : c.args[0].get();
    for (const auto &kw : c.keywords)
      if (kw.name == "item_type")
        item = kw.value.get();
    if (auto *ix = item ? item->dyn<IndexExpr>() : nullptr) {
      bool slices = !ix->indices.empty();
      for (const ExprPtr &i : ix->indices)
        slices &= i->dyn<SliceExpr>() != nullptr;
      if (slices) {
        out->itemRank = static_cast<int>(ix->indices.size());
        item = ix->base.get();
      }
    }
    if (auto *n = item ? item->dyn<NameExpr>() : nullptr)
      out->itemType = n->name;
    return out;
  }
  if (c.args.empty())
    return std::make_unique<ListExpr>(c.range);
  if (c.args.size() != 1 || !c.keywords.empty())
    return nullptr;
  CallExpr list(c.range, std::make_unique<NameExpr>(c.range, "list"));
  list.args.push_back(std::move(c.args[0]));
  return listCall(list);
}

ExprPtr Parser::parseStrings() {
  // Adjacent string literals and f-strings concatenate ("a " f"{x}").
  SourceLocation begin = tok().range.begin;
  ExprPtr out;
  while ((at(TokenKind::StringLiteral) && !tok().bytes) ||
         at(TokenKind::FStringStart)) {
    ExprPtr part;
    if (at(TokenKind::FStringStart)) {
      part = parseFString();
    } else {
      SourceLocation from = tok().range.begin;
      std::string value;
      while (at(TokenKind::StringLiteral) && !tok().bytes)
        value += next().text;
      part = std::make_unique<StrLitExpr>(rangeFrom(from), std::move(value));
    }
    if (!part)
      return nullptr;
    if (!out) {
      out = std::move(part);
      continue;
    }
    SourceLocation at = part->range.begin;
    out = std::make_unique<BinaryExpr>(rangeFrom(begin), BinaryOp::Add,
                                       std::move(out), std::move(part), at);
  }
  return out;
}

ExprPtr Parser::parseFString() {
  SourceLocation begin = tok().range.begin;
  next(); // FStringStart
  ExprPtr out;
  auto join = [&](ExprPtr part) {
    if (!out) {
      out = std::move(part);
      return;
    }
    SourceLocation at = part->range.begin;
    SourceRange r(begin, part->range.end);
    out = std::make_unique<BinaryExpr>(r, BinaryOp::Add, std::move(out),
                                       std::move(part), at);
  };
  while (!at(TokenKind::FStringEnd) && !at(TokenKind::Eof)) {
    if (at(TokenKind::FStringText)) {
      const Token &x = next();
      join(std::make_unique<StrLitExpr>(x.range, x.text));
      continue;
    }
    if (!at(TokenKind::FStringFieldBegin)) {
      error("unexpected " + found() + " in an f-string");
      next();
      continue;
    }
    SourceLocation fieldBegin = next().range.begin;
    ExprPtr value = parseExpr();
    if (!value || !at(TokenKind::FStringFieldEnd)) {
      if (value)
        error("expected '}' or ':' after an f-string field's expression, "
              "found " +
              found());
      while (!at(TokenKind::FStringFieldEnd) && !at(TokenKind::FStringEnd) &&
             !at(TokenKind::Eof))
        next();
      if (!accept(TokenKind::FStringFieldEnd))
        break;
      continue;
    }
    const Token &end = next();
    auto call = std::make_unique<CallExpr>(
        SourceRange(fieldBegin, end.range.end),
        std::make_unique<NameExpr>(value->range, "weft.format"));
    call->args.push_back(std::move(value));
    call->args.push_back(std::make_unique<StrLitExpr>(end.range, end.text));
    join(std::move(call));
  }
  accept(TokenKind::FStringEnd);
  if (!out)
    out = std::make_unique<StrLitExpr>(rangeFrom(begin), "");
  out->range = rangeFrom(begin);
  return out;
}

ExprPtr Parser::percentFormat(ExprPtr format, ExprPtr args, SourceRange range) {
  const std::string text = format->dyn<StrLitExpr>()->value;
  std::vector<ExprPtr> values;
  if (auto *t = args->dyn<TupleExpr>())
    for (ExprPtr &e : t->elts)
      values.push_back(std::move(e));
  else
    values.push_back(std::move(args));
  ExprPtr out;
  auto join = [&](ExprPtr part) {
    out =
        out ? std::make_unique<BinaryExpr>(range, BinaryOp::Add, std::move(out),
                                           std::move(part), range.begin)
            : std::move(part);
  };
  auto call = [&](const char *name, ExprPtr value, const std::string &spec) {
    auto c = std::make_unique<CallExpr>(
        range, std::make_unique<NameExpr>(range, name));
    c->args.push_back(std::move(value));
    if (name == std::string("weft.format"))
      c->args.push_back(std::make_unique<StrLitExpr>(range, spec));
    return c;
  };
  std::string literal;
  size_t next = 0;
  for (size_t k = 0; k < text.size(); ++k) {
    if (text[k] != '%') {
      literal += text[k];
      continue;
    }
    // %[flags][width][.precision]type
    size_t j = k + 1;
    std::string flags, width, precision;
    while (j < text.size() && std::strchr("-+ #0", text[j]))
      flags += text[j++];
    while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j])))
      width += text[j++];
    if (j < text.size() && text[j] == '.') {
      precision = ".";
      ++j;
      while (j < text.size() &&
             std::isdigit(static_cast<unsigned char>(text[j])))
        precision += text[j++];
      if (precision == ".")
        precision = ".0";
    }
    char type = j < text.size() ? text[j] : 0;
    k = j;
    if (type == '%' && flags.empty() && width.empty() && precision.empty()) {
      literal += '%';
      continue;
    }
    if (!type || !std::strchr("diueEfFgGxXos", type))
      return errorAt(format->range,
                     std::string("unsupported %-format character '") +
                         (type ? std::string(1, type) : "") +
                         "'; use d, i, f, e, g, x, o or s (or an f-string)");
    if (next >= values.size())
      return errorAt(range, "not enough arguments for format string");
    if (!literal.empty())
      join(std::make_unique<StrLitExpr>(format->range, literal));
    literal.clear();
    ExprPtr value = std::move(values[next++]);
    bool left = flags.find('-') != std::string::npos;
    std::string spec;
    if (left)
      spec += '<';
    else if (type == 's')
      spec += '>'; // %5s pads on the left
    for (char f : {'+', ' ', '#'})
      if (flags.find(f) != std::string::npos && type != 's') {
        spec += f;
        break;
      }
    if (flags.find('0') != std::string::npos && !left && type != 's')
      spec += '0';
    spec += width + precision;
    if (type == 's') {
      // str() of the value, then padded or cut as a str.
      ExprPtr text = call("weft.format", std::move(value), "");
      join(spec == ">" ? std::move(text)
                       : call("weft.format", std::move(text), spec));
      continue;
    }
    if (type == 'd' || type == 'i' || type == 'u') {
      // Python truncates a float for %d.
      value = call("int", std::move(value), "");
      type = 'd';
    }
    join(call("weft.format", std::move(value), spec + type));
  }
  if (next < values.size())
    return errorAt(range,
                   "not all arguments converted during string formatting");
  if (!literal.empty() || !out)
    join(std::make_unique<StrLitExpr>(format->range, literal));
  return out;
}

} // namespace parser
} // namespace weft
