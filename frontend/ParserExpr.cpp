//===- ParserExpr.cpp - Expression parsing for Weft -----------------------===//
//
// Binary operators use precedence climbing with Python's precedence; unary
// operators, `**`, calls, subscripts, slices and attributes are parsed by
// recursive descent down to atoms (names, literals, lists and tuples).
// Nesting depth and operator chains are limited so no input can exhaust the
// stack.
//
//===----------------------------------------------------------------------===//
#include "frontend/ParserImpl.h"

#include "frontend/ASTBuild.h"
#include "frontend/DesugarNamedExprs.h"
#include "frontend/NumpyLibrary.h"
#include "frontend/ParserUfuncs.h"
#include "frontend/Types.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace weft {
namespace parser {
std::string locString(SourceLocation l) {
  return std::to_string(l.line) + ":" + std::to_string(l.col);
}

Parser::DepthGuard::DepthGuard(Parser &p) : p(p), ok(++p.depth_ <= kMaxDepth) {
  if (!ok)
    p.error("expression nested too deeply; split it into several "
            "statements");
}

Parser::DepthGuard::~DepthGuard() { --p.depth_; }

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//
bool Parser::canStartExpr() const {
  switch (tok().kind) {
  case TokenKind::Identifier:
  case TokenKind::IntLiteral:
  case TokenKind::FloatLiteral:
  case TokenKind::StringLiteral:
  case TokenKind::FStringStart:
  case TokenKind::KwTrue:
  case TokenKind::KwFalse:
  case TokenKind::KwNot:
  case TokenKind::LParen:
  case TokenKind::LBracket:
  case TokenKind::LBrace:
  case TokenKind::Minus:
  case TokenKind::Plus:
  case TokenKind::Tilde:
    return true;
  default:
    return false;
  }
}

/// The rest of a tuple display with starred items, `(n, *shape, 1)`,
/// from the first `*` on: the items before it (`head`, may be null) and
/// each run of plain items as tuples, joined to the starred ones with `+`
/// (`(n,) + shape + (1,)`); the closing ')' consumed.
ExprPtr Parser::parseStarredTuple(SourceLocation begin,
                                  std::unique_ptr<TupleExpr> head) {
  ExprPtr whole;
  auto join = [&](ExprPtr part) {
    if (!whole) {
      whole = std::move(part);
      return;
    }
    SourceLocation op = part->range.begin;
    whole = std::make_unique<BinaryExpr>(rangeFrom(begin), BinaryOp::Add,
                                         std::move(whole), std::move(part), op);
  };
  if (head)
    join(std::move(head));
  std::unique_ptr<TupleExpr> run;
  do {
    if (at(TokenKind::RParen))
      break;
    if (accept(TokenKind::Star)) {
      ExprPtr starred = parseOr();
      if (!starred)
        return nullptr;
      if (run)
        join(std::move(run));
      join(std::move(starred));
      continue;
    }
    ExprPtr el = parseExpr();
    if (!el)
      return nullptr;
    if (!run)
      run = std::make_unique<TupleExpr>(el->range);
    run->elts.push_back(std::move(el));
  } while (accept(TokenKind::Comma));
  if (run)
    join(std::move(run));
  if (!expect(TokenKind::RParen,
              "expected ')' to close the '(' opened at " + locString(begin)))
    return nullptr;
  return whole;
}

/// `slice(stop)`, `slice(start, stop[, step])` (None for a bound left
/// out) as the slice start:stop:step, or null for another expression.
ExprPtr Parser::sliceCallAsSlice(Expr &e) {
  auto *c = e.dyn<CallExpr>();
  auto *f = c ? c->callee->dyn<NameExpr>() : nullptr;
  if (!f || f->qualified || f->name != "slice" ||
      programNames_.count("slice") || c->args.empty() || c->args.size() > 3 ||
      !c->keywords.empty() || !c->starred.empty())
    return nullptr;
  auto sl = std::make_unique<SliceExpr>(c->range);
  auto bound = [](ExprPtr &x) -> ExprPtr {
    auto *n = x->dyn<NameExpr>();
    return n && n->name == "None" ? nullptr : std::move(x);
  };
  if (c->args.size() == 1) {
    sl->upper = bound(c->args[0]);
    return sl;
  }
  sl->lower = bound(c->args[0]);
  sl->upper = bound(c->args[1]);
  if (c->args.size() == 3)
    sl->step = bound(c->args[2]);
  return sl;
}

/// expr (',' expr)* [','] — a bare tuple when there is a comma.
ExprPtr Parser::parseExprList() {
  SourceLocation begin = tok().range.begin;
  ExprPtr first = parseExpr();
  if (!first || !at(TokenKind::Comma))
    return first;
  auto t = std::make_unique<TupleExpr>(SourceRange(begin));
  t->elts.push_back(std::move(first));
  while (accept(TokenKind::Comma)) {
    if (!canStartExpr())
      break;
    ExprPtr e = parseExpr();
    if (!e)
      return nullptr;
    t->elts.push_back(std::move(e));
  }
  t->range = rangeFrom(begin);
  return t;
}

/// `a if c else b` (lowest precedence).
ExprPtr Parser::parseExpr() {
  DepthGuard g(*this);
  if (!g.ok)
    return nullptr;
  SourceLocation begin = tok().range.begin;
  ExprPtr e = parseOr();
  if (!e || !at(TokenKind::KwIf))
    return e;
  next();
  ExprPtr cond = parseOr();
  if (!cond)
    return nullptr;
  if (!expect(TokenKind::KwElse, "expected 'else' in the conditional "
                                 "expression; write 'a if cond else b'"))
    return nullptr;
  ExprPtr other = parseExpr();
  if (!other)
    return nullptr;
  return std::make_unique<IfExpExpr>(rangeFrom(begin), std::move(cond),
                                     std::move(e), std::move(other));
}

ExprPtr Parser::parseOr() {
  SourceLocation begin = tok().range.begin;
  ExprPtr lhs = parseAnd();
  int chain = 0;
  while (lhs && accept(TokenKind::KwOr)) {
    if (++chain > kMaxChain)
      return error("expression has too many operators; split it into "
                   "several statements");
    ExprPtr rhs = parseAnd();
    if (!rhs)
      return nullptr;
    lhs = std::make_unique<BoolOpExpr>(rangeFrom(begin), BoolOpKind::Or,
                                       std::move(lhs), std::move(rhs));
  }
  return lhs;
}

ExprPtr Parser::parseAnd() {
  SourceLocation begin = tok().range.begin;
  ExprPtr lhs = parseNot();
  int chain = 0;
  while (lhs && accept(TokenKind::KwAnd)) {
    if (++chain > kMaxChain)
      return error("expression has too many operators; split it into "
                   "several statements");
    ExprPtr rhs = parseNot();
    if (!rhs)
      return nullptr;
    lhs = std::make_unique<BoolOpExpr>(rangeFrom(begin), BoolOpKind::And,
                                       std::move(lhs), std::move(rhs));
  }
  return lhs;
}

ExprPtr Parser::parseNot() {
  if (!at(TokenKind::KwNot))
    return parseComparison();
  DepthGuard g(*this);
  if (!g.ok)
    return nullptr;
  SourceLocation begin = next().range.begin;
  ExprPtr operand = parseNot();
  if (!operand)
    return nullptr;
  return std::make_unique<UnaryExpr>(rangeFrom(begin), UnaryOp::Not,
                                     std::move(operand));
}

bool Parser::compareOp(TokenKind k, CompareOp &op) {
  switch (k) {
  case TokenKind::Less:
    op = CompareOp::Lt;
    return true;
  case TokenKind::LessEqual:
    op = CompareOp::Le;
    return true;
  case TokenKind::Greater:
    op = CompareOp::Gt;
    return true;
  case TokenKind::GreaterEqual:
    op = CompareOp::Ge;
    return true;
  case TokenKind::EqualEqual:
    op = CompareOp::Eq;
    return true;
  case TokenKind::NotEqual:
    op = CompareOp::Ne;
    return true;
  default:
    return false;
  }
}

ExprPtr Parser::parseComparison() {
  SourceLocation begin = tok().range.begin;
  ExprPtr first = parseBinary(1);
  CompareOp op;
  // `x is None`, `x is not None` (a test of a value that may be None),
  // `x in c`, `x not in c` (a membership test): not chained.
  bool is = first && at(TokenKind::Identifier) && tok().text == "is";
  bool in = first && (at(TokenKind::KwIn) ||
                      (at(TokenKind::KwNot) && tok(1).kind == TokenKind::KwIn));
  if (is || in) {
    bool negated = false;
    if (is) {
      next();
      negated = accept(TokenKind::KwNot);
    } else {
      negated = accept(TokenKind::KwNot);
      next();
    }
    ExprPtr rhs = parseBinary(1);
    if (!rhs)
      return nullptr;
    ExprPtr c;
    if (ExprPtr test = in ? rangeMembership(first, rhs, negated) : nullptr) {
      c = std::move(test);
    } else {
      auto cmp = std::make_unique<CompareExpr>(SourceRange(begin));
      cmp->operands.push_back(std::move(first));
      cmp->operands.push_back(std::move(rhs));
      cmp->ops.push_back(is ? (negated ? CompareOp::IsNot : CompareOp::Is)
                            : (negated ? CompareOp::NotIn : CompareOp::In));
      c = std::move(cmp);
    }
    c->range = rangeFrom(begin);
    if (compareOp(tok().kind, op) || at(TokenKind::KwIn) ||
        (at(TokenKind::Identifier) && tok().text == "is"))
      return error(is ? "'is' tests are not chained; join them with 'and'"
                      : "membership tests are not chained; join them with "
                        "'and'");
    return c;
  }
  if (!first || !compareOp(tok().kind, op))
    return first;
  auto c = std::make_unique<CompareExpr>(SourceRange(begin));
  c->operands.push_back(std::move(first));
  while (compareOp(tok().kind, op)) {
    next();
    ExprPtr rhs = parseBinary(1);
    if (!rhs)
      return nullptr;
    c->ops.push_back(op);
    c->operands.push_back(std::move(rhs));
  }
  c->range = rangeFrom(begin);
  return c;
}

ExprPtr Parser::rangeMembership(ExprPtr &x, ExprPtr &r, bool negated) {
  // x in range(a, b, c): the NumPy library's test of x against the
  // range's bounds and step (no range is made).
  auto *call = r->dyn<CallExpr>();
  auto *f = call ? call->callee->dyn<NameExpr>() : nullptr;
  if (!f || f->qualified || f->name != "range" ||
      programNames_.count("range") || call->args.empty() ||
      call->args.size() > 3 || !call->keywords.empty() ||
      !call->starred.empty())
    return nullptr;
  SourceRange at = r->range;
  auto test = std::make_unique<CallExpr>(
      at, std::make_unique<NameExpr>(at, std::string(kNumpyLibraryPrefix) +
                                             "in_range"));
  test->args.push_back(std::move(x));
  std::vector<ExprPtr> &a = call->args;
  if (a.size() == 1)
    test->args.push_back(std::make_unique<IntLitExpr>(at, 0));
  for (ExprPtr &bound : a)
    test->args.push_back(std::move(bound));
  if (a.size() < 3)
    test->args.push_back(std::make_unique<IntLitExpr>(at, 1));
  if (!negated)
    return test;
  return std::make_unique<UnaryExpr>(at, UnaryOp::Not, std::move(test));
}

/// Binary precedence: | 1, ^ 2, & 3, << >> 4, + - 5, * / // % @ 6.
int Parser::binaryPrec(TokenKind k, BinaryOp &op) {
  switch (k) {
  case TokenKind::Pipe:
    op = BinaryOp::BitOr;
    return 1;
  case TokenKind::Caret:
    op = BinaryOp::BitXor;
    return 2;
  case TokenKind::Amp:
    op = BinaryOp::BitAnd;
    return 3;
  case TokenKind::LShift:
    op = BinaryOp::LShift;
    return 4;
  case TokenKind::RShift:
    op = BinaryOp::RShift;
    return 4;
  case TokenKind::Plus:
    op = BinaryOp::Add;
    return 5;
  case TokenKind::Minus:
    op = BinaryOp::Sub;
    return 5;
  case TokenKind::Star:
    op = BinaryOp::Mul;
    return 6;
  case TokenKind::Slash:
    op = BinaryOp::Div;
    return 6;
  case TokenKind::DoubleSlash:
    op = BinaryOp::FloorDiv;
    return 6;
  case TokenKind::Percent:
    op = BinaryOp::Mod;
    return 6;
  case TokenKind::At:
    op = BinaryOp::MatMul;
    return 6;
  default:
    return 0;
  }
}

/// Precedence climbing over the left-associative binary operators.
ExprPtr Parser::parseBinary(int minPrec) {
  SourceLocation begin = tok().range.begin;
  ExprPtr lhs = parseUnary();
  int chain = 0;
  while (lhs) {
    BinaryOp op;
    int prec = binaryPrec(tok().kind, op);
    if (prec == 0 || prec < minPrec)
      break;
    if (++chain > kMaxChain)
      return error("expression has too many operators; split it into "
                   "several statements");
    SourceLocation opLoc = next().range.begin;
    ExprPtr rhs = parseBinary(prec + 1);
    if (!rhs)
      return nullptr;
    if (op == BinaryOp::Mod && lhs->dyn<StrLitExpr>()) {
      // "%d items" % n: Python's %-formatting, as an f-string's parts.
      lhs = percentFormat(std::move(lhs), std::move(rhs), rangeFrom(begin));
      if (!lhs)
        return nullptr;
      continue;
    }
    lhs = std::make_unique<BinaryExpr>(rangeFrom(begin), op, std::move(lhs),
                                       std::move(rhs), opLoc);
  }
  return lhs;
}

/// Unary - + ~ bind looser than ** on their right: -2**2 == -(2**2).
ExprPtr Parser::parseUnary() {
  UnaryOp op;
  switch (tok().kind) {
  case TokenKind::Minus:
    op = UnaryOp::Neg;
    break;
  case TokenKind::Plus:
    op = UnaryOp::Pos;
    break;
  case TokenKind::Tilde:
    op = UnaryOp::Invert;
    break;
  default:
    return parsePower();
  }
  DepthGuard g(*this);
  if (!g.ok)
    return nullptr;
  SourceLocation begin = next().range.begin;
  ExprPtr operand = parseUnary();
  if (!operand)
    return nullptr;
  // -9223372036854775808 is int64's least value (2**63 alone is a uint64).
  if (auto *lit = operand->dyn<IntLitExpr>();
      lit && op == UnaryOp::Neg && lit->unsigned64 &&
      lit->value == std::numeric_limits<int64_t>::min())
    return std::make_unique<IntLitExpr>(rangeFrom(begin), lit->value);
  return std::make_unique<UnaryExpr>(rangeFrom(begin), op, std::move(operand));
}

/// postfix ['**' unary] (right-associative).
ExprPtr Parser::parsePower() {
  SourceLocation begin = tok().range.begin;
  ExprPtr base = parsePostfix();
  if (!base || !at(TokenKind::DoubleStar))
    return base;
  DepthGuard g(*this);
  if (!g.ok)
    return nullptr;
  SourceLocation opLoc = next().range.begin;
  ExprPtr exp = parseUnary();
  if (!exp)
    return nullptr;
  // 2 ** -3 of two int literals, the exponent negative: the float Python
  // folds it to (0.125) when the program is compiled, as Numba sees it.
  auto intValue = [](const Expr *e, int64_t &v) {
    bool neg = false;
    if (auto *u = e->dyn<UnaryExpr>(); u && u->op == UnaryOp::Neg) {
      neg = true;
      e = u->operand.get();
    }
    auto *lit = e->dyn<IntLitExpr>();
    if (!lit)
      return false;
    v = neg ? -lit->value : lit->value;
    return true;
  };
  int64_t x = 0, n = 0;
  if (intValue(base.get(), x) && intValue(exp.get(), n) && n < 0 && x != 0)
    return std::make_unique<FloatLitExpr>(
        rangeFrom(begin),
        std::pow(static_cast<double>(x), static_cast<double>(n)));
  return std::make_unique<BinaryExpr>(rangeFrom(begin), BinaryOp::Pow,
                                      std::move(base), std::move(exp), opLoc);
}

ExprPtr Parser::parsePostfix() {
  SourceLocation begin = tok().range.begin;
  ExprPtr e = parseAtom();
  int chain = 0;
  while (e) {
    if ((at(TokenKind::LParen) || at(TokenKind::LBracket) ||
         at(TokenKind::Dot)) &&
        ++chain > kMaxChain)
      return error("expression has too many operators; split it into "
                   "several statements");
    if (at(TokenKind::LParen)) {
      SourceRange open = next().range;
      auto call = std::make_unique<CallExpr>(SourceRange(begin), std::move(e));
      if (!parseCallArgs(*call, open))
        return nullptr;
      if (auto *f = call->callee->dyn<NameExpr>();
          f && !f->qualified && programNames_.count(f->name)) {
        call->range = rangeFrom(begin);
        e = std::move(call); // the program's own function, as written
        continue;
      }
      // tuple() is the empty tuple `()` (`args: tuple = tuple()`).
      if (auto *f = call->callee->dyn<NameExpr>();
          f && !f->qualified && f->name == "tuple" && call->args.empty() &&
          call->keywords.empty()) {
        e = std::make_unique<TupleExpr>(rangeFrom(begin));
        continue;
      }
      leadingKeywordsToPositions(*call);
      positionalDtypeToKeyword(*call);
      keywordsToPositions(*call);
      // dtype="int64", a.astype("f4"), np.dtype("float32"): the dtype
      // the string names.
      for (KeywordArg &k : call->keywords)
        if (k.name == "dtype")
          if (ExprPtr d = dtypeFromString(*k.value))
            k.value = std::move(d);
      if (auto *m = call->callee->dyn<AttributeExpr>();
          m && m->attr == "astype" && !call->args.empty())
        if (ExprPtr d = dtypeFromString(*call->args[0]))
          call->args[0] = std::move(d);
      if (auto *f = call->callee->dyn<NameExpr>();
          f && f->qualified && f->name == "dtype" && call->args.size() == 1)
        if (ExprPtr d = dtypeFromString(*call->args[0]))
          call->args[0] = std::move(d);
      call->range = rangeFrom(begin);
      e = std::move(call);
      // allclose(a, b, ...) is all(isclose(a, b, ...)).
      auto *called = static_cast<CallExpr *>(e.get());
      // Numba's typed lists: List() and List.empty_list(t) are [], and
      // List(x) is list(x) (Weft's lists are typed already).
      if (ExprPtr list = typedListCall(*called)) {
        e = std::move(list);
        continue;
      }
      // a.flatten() is a.ravel().copy(): always a new array.
      if (auto *m = called->callee->dyn<AttributeExpr>();
          m && m->attr == "flatten" && called->args.empty() &&
          called->keywords.empty()) {
        m->attr = "ravel";
        SourceRange r = called->range;
        e = std::make_unique<CallExpr>(
            r, std::make_unique<AttributeExpr>(r, std::move(e), "copy"));
        continue;
      }
      // np.shape(a), np.ndim(a), np.size(a): the attributes a.shape, ...
      if (auto *f = called->callee->dyn<NameExpr>();
          f && f->qualified &&
          (f->name == "shape" || f->name == "ndim" || f->name == "size") &&
          called->args.size() == 1 && called->keywords.empty()) {
        SourceRange r = called->range;
        e = std::make_unique<AttributeExpr>(r, std::move(called->args[0]),
                                            f->name);
        continue;
      }
      // a.repeat(n), a.item(), a.nonzero(): NumPy's methods, the NumPy
      // library's np.repeat(a, n), its one element, np.nonzero(a).
      static const std::map<std::string, size_t> libraryMethods = {
          {"repeat", 1}, {"item", 0}, {"nonzero", 0}};
      if (auto *m = called->callee->dyn<AttributeExpr>();
          m && libraryMethods.count(m->attr) &&
          called->args.size() == libraryMethods.at(m->attr) &&
          called->keywords.empty() && !parsingLibrary_) {
        SourceRange r = called->range;
        auto f = std::make_unique<CallExpr>(
            r, std::make_unique<NameExpr>(r, std::string(kNumpyLibraryPrefix) +
                                                 m->attr));
        f->args.push_back(std::move(m->base));
        for (ExprPtr &x : called->args)
          f->args.push_back(std::move(x));
        e = std::move(f);
        continue;
      }
      // np.cumsum/np.cumprod (of any rank, with axis=) and np.sort with
      // an axis, and the methods a.cumsum(...)/a.cumprod(...), are the
      // NumPy library's, which calls the builtins on 1-D rows.
      if (!parsingLibrary_)
        libraryAxisCall(*called);
      // np.where(c) is np.nonzero(c), as NumPy's.
      if (auto *w = called->callee->dyn<NameExpr>();
          w && w->qualified && w->name == "where" && called->args.size() == 1 &&
          called->keywords.empty()) {
        w->name = std::string(kNumpyLibraryPrefix) + "nonzero";
        w->qualified = false;
      }
      // np.add(x, y) is x + y.
      if (ExprPtr op = ufuncAsOperator(*called)) {
        e = std::move(op);
        continue;
      }
      // list(x) is [v for v in x] (a new list), list() is [], and
      // sorted(x) is list(sort(x)) (reverse=True: of flip(sort(x))).
      if (ExprPtr l = listCall(*called)) {
        e = std::move(l);
        continue;
      }
      if (ExprPtr m = mapCall(*called)) {
        e = std::move(m);
        continue;
      }
      if (auto *n = called->callee->dyn<NameExpr>();
          n && n->name == "allclose") {
        n->name = "isclose";
        auto all = std::make_unique<CallExpr>(
            called->range,
            std::make_unique<NameExpr>(called->callee->range, "all"));
        all->args.push_back(std::move(e));
        e = std::move(all);
      }
    } else if (at(TokenKind::LBracket)) {
      SourceRange open = next().range;
      auto idx = std::make_unique<IndexExpr>(SourceRange(begin), std::move(e));
      // a[...]: the whole array, as a[:].
      if (at(TokenKind::Dot) && tok(1).kind == TokenKind::Dot &&
          tok(2).kind == TokenKind::Dot && tok(3).kind == TokenKind::RBracket) {
        SourceLocation dots = tok().range.begin;
        next();
        next();
        next();
        idx->indices.push_back(std::make_unique<SliceExpr>(rangeFrom(dots)));
      }
      do {
        if (at(TokenKind::RBracket))
          break;
        if (at(TokenKind::Dot) && tok(1).kind == TokenKind::Dot &&
            tok(2).kind == TokenKind::Dot) {
          // a[..., 0]: Sema expands it once the rank of `a` is known.
          SourceLocation dots = tok().range.begin;
          next();
          next();
          next();
          idx->indices.push_back(
              std::make_unique<NameExpr>(rangeFrom(dots), "..."));
          continue;
        }
        ExprPtr sub = parseSubscript();
        if (!sub)
          return nullptr;
        idx->indices.push_back(std::move(sub));
      } while (accept(TokenKind::Comma));
      if (idx->indices.empty())
        return error("expected an index inside '[]'; write a[i] or a[:]");
      if (!expect(TokenKind::RBracket,
                  "expected ']' to close the '[' opened at " +
                      locString(open.begin)))
        return nullptr;
      idx->range = rangeFrom(begin);
      // a[slice(0, q), slice(q, 2 * q)]: slice objects written in the
      // index are the slices a[0:q, q:2 * q].
      for (ExprPtr &i : idx->indices)
        if (ExprPtr sl = sliceCallAsSlice(*i))
          i = std::move(sl);
      // a[np.where(c)], a[np.nonzero(c)]: the tuple of c's nonzero indices
      // selects what the mask c != 0 does, in the same order.
      if (idx->indices.size() == 1)
        if (auto *w = idx->indices[0]->dyn<CallExpr>())
          if (auto *f = w->callee->dyn<NameExpr>();
              f &&
              (f->name == std::string(kNumpyLibraryPrefix) + "nonzero" ||
               (f->qualified && f->name == "nonzero")) &&
              w->args.size() == 1 && w->keywords.empty() &&
              w->starred.empty()) {
            auto mask = std::make_unique<CompareExpr>(w->range);
            mask->ops.push_back(CompareOp::Ne);
            mask->operands.push_back(std::move(w->args[0]));
            mask->operands.push_back(std::make_unique<IntLitExpr>(w->range, 0));
            idx->indices[0] = std::move(mask);
          }
      // a.flat[i]: the NumPy library's element i in row-major order, of
      // any layout (a.flat[i] = v is its __np_flat_set, in parseSimple).
      if (auto *flat = idx->base->dyn<AttributeExpr>();
          flat && flat->attr == "flat" && idx->indices.size() == 1 &&
          !idx->indices[0]->dyn<SliceExpr>()) {
        auto get = std::make_unique<CallExpr>(
            idx->range,
            std::make_unique<NameExpr>(
                idx->range, std::string(kNumpyLibraryPrefix) + "flat_get"));
        get->args.push_back(std::move(flat->base));
        get->args.push_back(std::move(idx->indices[0]));
        e = std::move(get);
        continue;
      }
      e = std::move(idx);
    } else if (at(TokenKind::Dot)) {
      next();
      if (!at(TokenKind::Identifier))
        return error("expected an attribute name after '.'");
      std::string attr = next().text;
      // a.flags.c_contiguous (.contiguous), a.flags.f_contiguous: whether
      // a, or a.T, lies in row-major order without gaps.
      if (attr == "flags" && at(TokenKind::Dot) &&
          tok(1).kind == TokenKind::Identifier &&
          (tok(1).text == "c_contiguous" || tok(1).text == "contiguous" ||
           tok(1).text == "f_contiguous")) {
        next();
        bool fortran = next().text == "f_contiguous";
        SourceRange r = rangeFrom(begin);
        if (fortran)
          e = std::make_unique<AttributeExpr>(r, std::move(e), "T");
        auto test = std::make_unique<CallExpr>(
            r, std::make_unique<NameExpr>(r, "__is_contiguous"));
        test->args.push_back(std::move(e));
        e = std::move(test);
        continue;
      }
      e = std::make_unique<AttributeExpr>(rangeFrom(begin), std::move(e),
                                          std::move(attr));
    } else {
      break;
    }
  }
  return e;
}

bool Parser::parseCallArgs(CallExpr &call, SourceRange open) {
  while (!at(TokenKind::RParen)) {
    if (at(TokenKind::Identifier) && tok(1).kind == TokenKind::Equal) {
      KeywordArg kw;
      kw.name = tok().text;
      kw.nameRange = next().range;
      next(); // '='
      kw.value = parseExpr();
      if (!kw.value)
        return false;
      call.keywords.push_back(std::move(kw));
    } else {
      if (at(TokenKind::DoubleStar)) {
        error("'**' arguments are not supported; pass the keyword "
              "arguments by name");
        return false;
      }
      // f(x, *args): a tuple unpacked into positional arguments.
      bool star = accept(TokenKind::Star);
      if (!canStartExpr() && !at(TokenKind::Eof) && !at(TokenKind::Newline)) {
        error("expected an argument or ')', found " + found());
        return false;
      }
      if (star)
        call.starred.push_back(call.args.size());
      SourceRange argStart = tok().range;
      ExprPtr arg = parseExpr();
      if (!arg)
        return false;
      if (at(TokenKind::KwFor)) {
        error("generator expressions are not supported yet; compute the "
              "values into an array in a for loop");
        return false;
      }
      if (!call.keywords.empty()) {
        errorAt(argStart, "positional argument follows keyword argument; "
                          "move it before the keyword arguments");
        return false;
      }
      call.args.push_back(std::move(arg));
    }
    if (!accept(TokenKind::Comma))
      break;
  }
  return expect(TokenKind::RParen, "expected ')' to close the '(' opened at " +
                                       locString(open.begin));
}

/// expr | [expr] ':' [expr] [':' [expr]]
ExprPtr Parser::parseSubscript() {
  SourceLocation begin = tok().range.begin;
  ExprPtr lower;
  if (!at(TokenKind::Colon)) {
    lower = parseExpr();
    if (!lower || !at(TokenKind::Colon))
      return lower;
  }
  next(); // ':'
  auto s = std::make_unique<SliceExpr>(SourceRange(begin));
  s->lower = std::move(lower);
  auto endsPart = [&] {
    return at(TokenKind::Colon) || at(TokenKind::Comma) ||
           at(TokenKind::RBracket);
  };
  if (!endsPart()) {
    s->upper = parseExpr();
    if (!s->upper)
      return nullptr;
  }
  if (accept(TokenKind::Colon) && !at(TokenKind::Comma) &&
      !at(TokenKind::RBracket)) {
    s->step = parseExpr();
    if (!s->step)
      return nullptr;
  }
  s->range = rangeFrom(begin);
  return s;
}

ExprPtr Parser::parseAtom() {
  const Token &t = tok();
  switch (t.kind) {
  case TokenKind::IntLiteral: {
    next();
    auto lit = std::make_unique<IntLitExpr>(t.range, t.intValue);
    lit->unsigned64 = t.unsigned64;
    return lit;
  }
  case TokenKind::FloatLiteral: {
    next();
    if (!t.imaginary)
      return std::make_unique<FloatLitExpr>(t.range, t.floatValue);
    // 2.5j is complex(0.0, 2.5).
    auto callee = std::make_unique<NameExpr>(t.range, "complex");
    callee->qualified = true;
    auto c = std::make_unique<CallExpr>(t.range, std::move(callee));
    c->args.push_back(std::make_unique<FloatLitExpr>(t.range, 0.0));
    c->args.push_back(std::make_unique<FloatLitExpr>(t.range, t.floatValue));
    return c;
  }
  case TokenKind::KwTrue:
  case TokenKind::KwFalse:
    next();
    return std::make_unique<BoolLitExpr>(t.range, t.kind == TokenKind::KwTrue);
  case TokenKind::FStringStart:
    return parseStrings();
  case TokenKind::StringLiteral: {
    if (!t.bytes)
      return parseStrings();
    SourceLocation begin = t.range.begin;
    std::string value;
    bool bytes = t.bytes;
    while (at(TokenKind::StringLiteral) && tok().bytes == bytes)
      value += next().text; // adjacent literals concatenate
    if (!bytes)
      return std::make_unique<StrLitExpr>(rangeFrom(begin), std::move(value));
    // b"...": Numba's bytes, a uint8 array of them (as a bytes argument
    // is): np.array([...], dtype=np.uint8).
    // (b"": np.zeros(0, dtype=np.uint8))
    SourceRange r = rangeFrom(begin);
    auto array =
        std::make_unique<NameExpr>(r, value.empty() ? "zeros" : "copy");
    array->qualified = true;
    auto call = std::make_unique<CallExpr>(r, std::move(array));
    auto list = std::make_unique<ListExpr>(r);
    for (char ch : value)
      list->elts.push_back(std::make_unique<IntLitExpr>(
          r, static_cast<int64_t>(static_cast<unsigned char>(ch))));
    if (value.empty())
      call->args.push_back(std::make_unique<IntLitExpr>(r, int64_t(0)));
    else
      call->args.push_back(std::move(list));
    auto u8 = std::make_unique<NameExpr>(r, "uint8");
    u8->qualified = true;
    call->keywords.push_back({"dtype", r, std::move(u8)});
    return call;
  }
  case TokenKind::Identifier: {
    next();
    if (t.text == "lambda" && !importedAs_.count(t.text))
      return parseLambda(t.range.begin);
    if (moduleNames_.count(t.text) && at(TokenKind::Dot))
      return parseModuleMember(t);
    if (fromNumpy_.count(t.text) && !importedAs_.count(t.text)) {
      // `median` of `from numpy import median` is np.median.
      Token module = t, dot = t, member = t;
      module.text = kImportedNumpy;
      member.text = fromNumpy_.at(t.text);
      dot.kind = TokenKind::Dot;
      dot.text = ".";
      toks_.insert(toks_.begin() + static_cast<std::ptrdiff_t>(pos_),
                   {dot, member});
      return parseModuleMember(module);
    }
    auto as = importedAs_.find(t.text);
    return std::make_unique<NameExpr>(
        t.range, as == importedAs_.end() ? t.text : as->second);
  }
  case TokenKind::LParen: {
    SourceRange open = next().range;
    if (accept(TokenKind::RParen))
      return std::make_unique<TupleExpr>(rangeFrom(open.begin));
    if (at(TokenKind::Star))
      return parseStarredTuple(open.begin, nullptr);
    ExprPtr e = parseExpr();
    if (!e)
      return nullptr;
    if (at(TokenKind::ColonEqual)) {
      // (name := value): the call desugarNamedExprs makes an assignment
      auto *n = e->dyn<NameExpr>();
      if (!n || n->qualified)
        return error("an assignment expression assigns a name: (x := v)");
      next();
      ExprPtr value = parseExpr();
      if (!value)
        return nullptr;
      auto c = std::make_unique<CallExpr>(
          rangeFrom(open.begin),
          std::make_unique<NameExpr>(e->range, kAssignExpr));
      c->args.push_back(std::move(e));
      c->args.push_back(std::move(value));
      e = std::move(c);
    }
    if (at(TokenKind::Comma)) {
      auto tup = std::make_unique<TupleExpr>(SourceRange(open.begin));
      tup->elts.push_back(std::move(e));
      while (accept(TokenKind::Comma) && !at(TokenKind::RParen)) {
        if (at(TokenKind::Star))
          return parseStarredTuple(open.begin, std::move(tup));
        ExprPtr el = parseExpr();
        if (!el)
          return nullptr;
        tup->elts.push_back(std::move(el));
      }
      e = std::move(tup);
    }
    if (!expect(TokenKind::RParen, "expected ')' to close the '(' opened "
                                   "at " +
                                       locString(open.begin)))
      return nullptr;
    if (e->kind == ExprKind::Tuple)
      e->range = rangeFrom(open.begin);
    return e;
  }
  case TokenKind::LBracket: {
    SourceRange open = next().range;
    auto list = std::make_unique<ListExpr>(SourceRange(open.begin));
    while (!at(TokenKind::RBracket)) {
      ExprPtr el = parseExpr();
      if (!el)
        return nullptr;
      if (at(TokenKind::KwFor) && list->elts.empty())
        return parseComprehension(open.begin, "list", std::move(el), nullptr,
                                  TokenKind::RBracket);
      list->elts.push_back(std::move(el));
      if (!accept(TokenKind::Comma))
        break;
    }
    if (!expect(TokenKind::RBracket, "expected ']' to close the '[' opened "
                                     "at " +
                                         locString(open.begin)))
      return nullptr;
    list->range = rangeFrom(open.begin);
    return list;
  }
  case TokenKind::LBrace:
    return parseBraceDisplay();
  default:
    if (t.isKeyword())
      return error("expected an expression, found keyword " +
                   std::string(tokenKindName(t.kind)));
    if (t.kind == TokenKind::Dot && tok(1).kind == TokenKind::Dot &&
        tok(2).kind == TokenKind::Dot)
      return error("'...' (Ellipsis) is an index (a[..., 0]); it is not "
                   "a value");
    return error("expected an expression, found " + found());
  }
}

/// `{}`, `{k: v, ...}` or `{x, ...}`: a call of weft.dict_display (keys
/// and values alternating) or weft.set_display, which desugarDicts turns
/// into the statements that build the dict or set.
ExprPtr Parser::parseBraceDisplay() {
  SourceRange open = next().range;
  auto call = std::make_unique<CallExpr>(
      SourceRange(open.begin),
      std::make_unique<NameExpr>(open, "weft.dict_display"));
  bool isSet = false;
  while (!at(TokenKind::RBrace)) {
    ExprPtr key = parseExpr();
    if (!key)
      return nullptr;
    if (at(TokenKind::KwFor) && call->args.empty())
      return parseComprehension(open.begin, "set", std::move(key), nullptr,
                                TokenKind::RBrace);
    bool pair = accept(TokenKind::Colon);
    if (call->args.empty())
      isSet = !pair;
    else if (pair == isSet)
      return error(isSet ? "a set display holds values, not key: value pairs"
                         : "expected ':' and a value after this dict key");
    call->args.push_back(std::move(key));
    if (pair) {
      ExprPtr value = parseExpr();
      if (!value)
        return nullptr;
      if (at(TokenKind::KwFor) && call->args.size() == 1)
        return parseComprehension(open.begin, "dict", std::move(call->args[0]),
                                  std::move(value), TokenKind::RBrace);
      call->args.push_back(std::move(value));
    }
    if (!accept(TokenKind::Comma))
      break;
  }
  if (!expect(TokenKind::RBrace, "expected '}' to close the '{' opened at " +
                                     locString(open.begin)))
    return nullptr;
  if (isSet)
    static_cast<NameExpr &>(*call->callee).name = "weft.set_display";
  call->range = rangeFrom(open.begin);
  return call;
}

} // namespace parser
} // namespace weft
