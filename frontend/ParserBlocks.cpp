//===- ParserBlocks.cpp - Compound statements and their blocks ------------===//
//
// The Parser's compound statements (ParserImpl.h): indented blocks and
// suites, if/while/for (with loop else), for targets, def with its
// parameters and type annotations. Simple statements are parsed in
// Parser.cpp, expressions in ParserExpr.cpp.
//
//===----------------------------------------------------------------------===//
#include "frontend/ASTBuild.h"
#include "frontend/ParserImpl.h"

#include <optional>

namespace weft {
namespace parser {

/// `f64`, `i64[:]`, `f32[:, :]`: a Weft type. Any other annotation is
/// Python's (`np.ndarray`, `Optional[int]`, `float | None`, `"Point"`,
/// `npt.NDArray[np.float64]`), which Python and Numba ignore: it is parsed
/// and dropped (`ann.python`).
bool Parser::parseTypeAnnotation(TypeAnnotation &ann) {
  SourceLocation begin = tok().range.begin;
  bool weftType =
      at(TokenKind::Identifier) &&
      (tok(1).kind == TokenKind::LBracket
           ? tok(2).kind == TokenKind::Colon
           : tok(1).kind != TokenKind::Dot && tok(1).kind != TokenKind::Pipe);
  if (!weftType) {
    if (at(TokenKind::Equal) || at(TokenKind::Newline) ||
        at(TokenKind::Comma) || at(TokenKind::RParen)) {
      error("expected a type such as f64 or f64[:] after ':'");
      return false;
    }
    // Skipped up to what ends it: `,`, `)`, `=`, the header's `:` or the
    // line's end, outside brackets (its names are no uses of NumPy).
    ann.python = true;
    int depth = 0;
    while (!at(TokenKind::Eof) && !at(TokenKind::Newline)) {
      TokenKind k = tok().kind;
      if (depth == 0 && (k == TokenKind::Comma || k == TokenKind::RParen ||
                         k == TokenKind::Equal || k == TokenKind::Colon))
        break;
      if (k == TokenKind::LParen || k == TokenKind::LBracket ||
          k == TokenKind::LBrace)
        ++depth;
      else if (k == TokenKind::RParen || k == TokenKind::RBracket ||
               k == TokenKind::RBrace)
        --depth;
      next();
    }
    ann.range = rangeFrom(begin);
    return true;
  }
  ann.scalar = next().text;
  ann.rank = 0;
  if (accept(TokenKind::LBracket)) {
    do {
      if (!expect(TokenKind::Colon,
                  "expected ':' in array type; write f64[:] or f64[:, :]"))
        return false;
      ++ann.rank;
    } while (accept(TokenKind::Comma));
    if (!expect(TokenKind::RBracket,
                "expected ']' to close the array type; write f64[:] or "
                "f64[:, :]"))
      return false;
  }
  ann.range = rangeFrom(begin);
  return true;
}

bool Parser::pythonSource(const FunctionDefStmt &def) {
  bool python = false;
  for (const ExprPtr &d : def.decorators)
    if (auto *c = d->dyn<CallExpr>())
      for (const KeywordArg &k : c->keywords)
        if (auto *b = k.value->dyn<BoolLitExpr>();
            b && k.name == "python_lists")
          python = b->value;
  return python;
}

void Parser::ignoreClassAnnotations(FunctionDefStmt &def) {
  // In a function compiled from Python (python_lists=True), only Weft's
  // own type names (`f64`, `i64[:]`, imported from the weft package)
  // annotate; any other (`float64`, `np.float32`, `Point`, `list`) means
  // what it means to Numba: nothing (`x: float64` may be passed an
  // array), and the arguments' types decide.
  if (!pythonSource(def) && !classPython_)
    return;
  auto weftName = [](const TypeAnnotation &a) {
    static const std::set<std::string> names = {"bool", "i8",  "i16", "i32",
                                                "i64",  "u8",  "u16", "u32",
                                                "u64",  "f32", "f64", "c128"};
    return names.count(a.scalar) != 0;
  };
  for (Param &p : def.params)
    if (p.hasAnnotation && !weftName(p.annotation))
      p.hasAnnotation = false;
  if (def.hasReturnAnnotation && !weftName(def.returnAnnotation))
    def.hasReturnAnnotation = false;
}

/// Parses ':' and the suite after a compound statement header.
bool Parser::parseSuite(Block &body, const char *what, const char *colonMsg) {
  if (!at(TokenKind::Colon)) {
    error(colonMsg);
    // Swallow the rest of the header line and the indented body so the
    // body does not produce follow-on errors.
    synchronize();
    failed_ = false;
    if (at(TokenKind::Indent))
      parseIndentedBlock(body);
    return false;
  }
  next();
  if (at(TokenKind::Newline)) {
    next();
    if (!at(TokenKind::Indent)) {
      failed_ = false;
      error(std::string("expected indented block after '") + what +
            "'; indent the body with spaces");
      failed_ = false; // nothing to skip: continue at this line
      return false;
    }
    parseIndentedBlock(body);
    return true;
  }
  // One-line suite: `if x: return 1`.
  failed_ = false;
  StmtPtr s = parseSimpleStatement();
  for (StmtPtr &b : before_)
    body.push_back(std::move(b));
  before_.clear();
  if (s)
    body.push_back(std::move(s));
  takeSameLine(body);
  if (failed_)
    synchronize();
  failed_ = false;
  return true;
}

/// Parses INDENT stmt+ DEDENT.
void Parser::parseIndentedBlock(Block &body) {
  next(); // INDENT
  if (++blockDepth_ > kMaxDepth) {
    error("block nested too deeply; move the inner code into a function");
    failed_ = false;
    // Skip the block without recursion.
    int level = 1;
    while (level > 0 && !at(TokenKind::Eof)) {
      if (at(TokenKind::Indent))
        ++level;
      else if (at(TokenKind::Dedent))
        --level;
      next();
    }
    --blockDepth_;
    return;
  }
  while (!at(TokenKind::Dedent) && !at(TokenKind::Eof)) {
    if (at(TokenKind::Newline)) {
      next();
      continue;
    }
    parseStatementInto(body);
  }
  accept(TokenKind::Dedent);
  --blockDepth_;
}

/// The truth of a literal condition (True, 0, None), if it is one.
static std::optional<bool> constantTruth(const Expr *e) {
  if (auto *b = e ? e->dyn<BoolLitExpr>() : nullptr)
    return b->value;
  if (auto *i = e ? e->dyn<IntLitExpr>() : nullptr)
    return i->value != 0;
  if (auto *n = e ? e->dyn<NameExpr>() : nullptr)
    if (n->name == "None")
      return false;
  return std::nullopt;
}

StmtPtr Parser::parseIf() {
  SourceLocation begin = tok().range.begin;
  bool isElif = at(TokenKind::KwElif);
  const char *kw = isElif ? "elif" : "if";
  next();
  auto s = std::make_unique<IfStmt>(SourceRange(begin));
  s->cond = parseExpr();
  if (!s->cond)
    return nullptr;
  std::string colonMsg =
      std::string("expected ':' at end of '") + kw + "' condition";
  parseSuite(s->body, kw, colonMsg.c_str());
  s->range = rangeFrom(begin);
  if (at(TokenKind::KwElif)) {
    failed_ = false;
    if (++elifDepth_ > kMaxElifs) {
      --elifDepth_;
      return error("too many 'elif' branches in one 'if'; split the chain "
                   "with a nested 'if'");
    }
    StmtPtr elif = parseIf();
    --elifDepth_;
    if (elif)
      s->orelse.push_back(std::move(elif));
  } else if (at(TokenKind::KwElse)) {
    failed_ = false;
    next();
    parseSuite(s->orelse, "else", "expected ':' after 'else'");
  }
  s->range = rangeFrom(begin);
  // `if False:` (debugging code left in): the branch that never runs is
  // dropped unchecked, as CPython's compiler drops it before Numba sees
  // the bytecode.
  if (std::optional<bool> truth = constantTruth(s->cond.get()))
    (*truth ? s->orelse : s->body).clear();
  return s;
}

StmtPtr Parser::parseTry() {
  SourceLocation begin = tok().range.begin;
  SourceRange kw = next().range; // try
  auto s = std::make_unique<IfStmt>(SourceRange(begin));
  s->isTry = true;
  s->cond = std::make_unique<CallExpr>(
      kw, std::make_unique<NameExpr>(kw, "weft.try"));
  parseSuite(s->body, "try", "expected ':' after 'try'");
  auto atWord = [&](const char *w) {
    return at(TokenKind::Identifier) && tok().text == w;
  };
  // Skips a clause Weft refuses, so that it adds no errors of its own.
  auto skipClause = [&] {
    synchronize();
    failed_ = false;
    if (at(TokenKind::Indent)) {
      Block ignored;
      parseIndentedBlock(ignored);
    }
  };
  if (!atWord("except")) {
    if (atWord("finally")) {
      errorAt(tok().range, "'finally' is not supported (nor in Numba); "
                           "put its statements after the try statement");
      skipClause();
      failed_ = false;
      return nullptr;
    }
    return error("expected 'except:' after the 'try' block");
  }
  bool seenExcept = false;
  while (atWord("except")) {
    SourceRange clause = next().range;
    if (seenExcept) {
      errorAt(clause, "only one 'except' clause is supported (as in "
                      "Numba); catch Exception once and test the "
                      "condition in it");
      skipClause();
      continue;
    }
    seenExcept = true;
    if (!at(TokenKind::Colon)) {
      ExprPtr cls = parseExpr();
      if (!cls) {
        skipClause();
        continue;
      }
      auto *name = cls->dyn<NameExpr>();
      if (!name ||
          (name->name != "Exception" && name->name != "BaseException")) {
        errorAt(cls->range,
                "only 'except:' and 'except Exception:' are supported (as "
                "in Numba): compiled code does not tell exception classes "
                "apart; catch Exception, or test the condition before the "
                "operation");
        skipClause();
        continue;
      }
      if (atWord("as")) {
        errorAt(tok().range, "'except ... as name' is not supported (nor in "
                             "Numba): compiled code has no exception objects; "
                             "write 'except Exception:'");
        skipClause();
        continue;
      }
    }
    parseSuite(s->orelse, "except", "expected ':' after 'except'");
  }
  if (atWord("finally")) {
    errorAt(tok().range, "'finally' is not supported (nor in Numba); put "
                         "its statements after the try statement");
    skipClause();
  }
  s->range = rangeFrom(begin);
  if (!at(TokenKind::KwElse))
    return s;
  // try/except/else: the else block runs when the try block ended
  // without an exception (nor a return, break or continue), after the
  // try statement, outside its protection: a flag set at the try block's
  // end, tested after, in an `if True:` of their own.
  failed_ = false;
  next(); // else
  Block orelse;
  parseSuite(orelse, "else", "expected ':' after 'else'");
  SourceRange r = rangeFrom(begin);
  std::string flag = "__try_ok_" + std::to_string(tryElses_++);
  auto assign = [&](bool v) {
    auto a = std::make_unique<AssignStmt>(r);
    a->targets.push_back(std::make_unique<NameExpr>(r, flag));
    a->value = std::make_unique<BoolLitExpr>(r, v);
    return a;
  };
  s->body.push_back(assign(true));
  auto wrapper = std::make_unique<IfStmt>(r);
  wrapper->cond = std::make_unique<BoolLitExpr>(r, true);
  wrapper->body.push_back(assign(false));
  wrapper->body.push_back(std::move(s));
  auto then = std::make_unique<IfStmt>(r);
  then->cond = std::make_unique<NameExpr>(r, flag);
  then->body = std::move(orelse);
  wrapper->body.push_back(std::move(then));
  return wrapper;
}

StmtPtr Parser::parseWhile() {
  SourceLocation begin = next().range.begin;
  auto s = std::make_unique<WhileStmt>(SourceRange(begin));
  s->cond = parseExpr();
  if (!s->cond)
    return nullptr;
  parseSuite(s->body, "while", "expected ':' at end of 'while' condition");
  s->range = rangeFrom(begin);
  if (at(TokenKind::KwElse)) {
    Block &body = s->body;
    return withLoopElse(std::move(s), body, begin);
  }
  return s;
}

/// `for x in (A if c else B): body` is `if c: for x in A: body` and
/// `else: for x in B: body` (rl4co's `range(n) if k == 0 else range(k,
/// k + 1)`): each loop over one sequence.
StmtPtr Parser::loopOverChoice(std::unique_ptr<ForStmt> s) {
  auto *choice = s->iter->dyn<IfExpExpr>();
  if (!choice)
    return s;
  auto branch = std::make_unique<IfStmt>(s->range);
  branch->cond = std::move(choice->cond);
  auto other = std::make_unique<ForStmt>(s->range);
  other->target = cloneExpr(s->target.get());
  other->iter = std::move(choice->elseValue);
  other->body = cloneBlock(s->body);
  ExprPtr first = std::move(choice->thenValue);
  s->iter = std::move(first);
  branch->body.push_back(loopOverChoice(std::move(s)));
  branch->orelse.push_back(loopOverChoice(std::move(other)));
  return branch;
}

StmtPtr Parser::withLoopElse(StmtPtr loop, Block &loopBody,
                             SourceLocation begin) {
  failed_ = false;
  next(); // else
  Block orelse;
  parseSuite(orelse, "else", "expected ':' after 'else'");
  SourceRange r = rangeFrom(begin);
  std::string flag = "__loop_broke_" + std::to_string(loopElses_++);
  flagBreaks(loopBody, flag);
  auto wrapper = std::make_unique<IfStmt>(r);
  wrapper->cond = std::make_unique<BoolLitExpr>(r, true);
  auto unset = std::make_unique<AssignStmt>(r);
  unset->targets.push_back(std::make_unique<NameExpr>(r, flag));
  unset->value = std::make_unique<BoolLitExpr>(r, false);
  wrapper->body.push_back(std::move(unset));
  wrapper->body.push_back(std::move(loop));
  auto otherwise = std::make_unique<IfStmt>(r);
  otherwise->cond = std::make_unique<UnaryExpr>(
      r, UnaryOp::Not, std::make_unique<NameExpr>(r, flag));
  otherwise->body = std::move(orelse);
  wrapper->body.push_back(std::move(otherwise));
  return wrapper;
}

StmtPtr Parser::parseFor() {
  SourceLocation begin = next().range.begin;
  auto s = std::make_unique<ForStmt>(SourceRange(begin));
  s->target = parseForTargets();
  if (!s->target)
    return nullptr;
  if (!expect(TokenKind::KwIn, "expected 'in' after the loop variable; write "
                               "'for i in range(n):'"))
    return nullptr;
  s->iter = parseExpr();
  if (!s->iter)
    return nullptr;
  parseSuite(s->body, "for", "expected ':' at end of 'for' header");
  s->range = rangeFrom(begin);
  if (at(TokenKind::KwElse)) {
    Block &body = s->body;
    return withLoopElse(std::move(s), body, begin);
  }
  return loopOverChoice(std::move(s));
}

ExprPtr Parser::parseForTarget() {
  if (at(TokenKind::LParen)) {
    next();
    ExprPtr t = parseForTargets();
    if (!t || !expect(TokenKind::RParen, "expected ')' after the loop "
                                         "variables"))
      return nullptr;
    return t;
  }
  if (!at(TokenKind::Identifier))
    return error("expected a loop variable name after 'for'");
  const Token &name = next();
  return std::make_unique<NameExpr>(name.range, name.text);
}

ExprPtr Parser::parseForTargets() {
  SourceLocation begin = tok().range.begin;
  ExprPtr first = parseForTarget();
  if (!first || !at(TokenKind::Comma))
    return first;
  auto tuple = std::make_unique<TupleExpr>(SourceRange(begin));
  tuple->elts.push_back(std::move(first));
  while (accept(TokenKind::Comma)) {
    if (at(TokenKind::KwIn) || at(TokenKind::RParen))
      break;
    ExprPtr t = parseForTarget();
    if (!t)
      return nullptr;
    tuple->elts.push_back(std::move(t));
  }
  tuple->range = rangeFrom(begin);
  return tuple;
}

StmtPtr Parser::parseFunctionDef() {
  std::vector<ExprPtr> decorators;
  while (at(TokenKind::At)) {
    next();
    ExprPtr d = parsePostfix();
    if (!d)
      return nullptr;
    decorators.push_back(std::move(d));
    if (!expect(TokenKind::Newline, "expected end of line after the decorator"))
      return nullptr;
  }
  if (at(TokenKind::Identifier) && tok().text == "class" &&
      tok(1).kind == TokenKind::Identifier)
    return parseClassDef(std::move(decorators));
  if (!at(TokenKind::KwDef))
    return error("expected 'def' after the decorator; a decorator must be "
                 "followed by a function definition");
  SourceLocation begin = next().range.begin;
  auto s = std::make_unique<FunctionDefStmt>(SourceRange(begin));
  s->decorators = std::move(decorators);
  if (!at(TokenKind::Identifier))
    return error("expected a function name after 'def'");
  s->name = tok().text;
  s->nameRange = next().range;
  if (!expect(TokenKind::LParen,
              "expected '(' after the function name; write 'def f(x):'"))
    return nullptr;
  while (!at(TokenKind::RParen)) {
    // `*,` (the parameters after it keyword-only) and `/,` (those before
    // it positional-only): markers Python checks calls against; the
    // parameters are taken as any others.
    if ((at(TokenKind::Star) || at(TokenKind::Slash)) &&
        (tok(1).kind == TokenKind::Comma || tok(1).kind == TokenKind::RParen)) {
      next();
      accept(TokenKind::Comma);
      continue;
    }
    // `*args`: the positional arguments after the others, as a tuple.
    bool star = at(TokenKind::Star) && tok(1).kind == TokenKind::Identifier;
    if (star) {
      if (std::any_of(s->params.begin(), s->params.end(),
                      [](const Param &q) { return q.star; }))
        return error("a function has one '*args' parameter");
      next();
    }
    if (!at(TokenKind::Identifier))
      return error("expected a parameter name, found " + found());
    Param p;
    p.name = tok().text;
    p.range = next().range;
    p.star = star;
    if (star && at(TokenKind::Colon)) {
      // `*args: Any` annotates each of them, as Python reads it: the
      // tuple takes its types from the call.
      next();
      TypeAnnotation ignored;
      if (!parseTypeAnnotation(ignored))
        return nullptr;
    }
    if (star && at(TokenKind::Equal))
      return error("'*" + p.name +
                   "' takes no default; it is the tuple of the remaining "
                   "positional arguments");
    if (accept(TokenKind::Colon)) {
      if (!parseTypeAnnotation(p.annotation))
        return nullptr;
      p.hasAnnotation = !p.annotation.python;
    }
    if (accept(TokenKind::Equal)) {
      p.defaultValue = parseExpr();
      if (!p.defaultValue)
        return nullptr;
    } else if (!s->params.empty() && s->params.back().defaultValue && !star &&
               std::none_of(s->params.begin(), s->params.end(),
                            [](const Param &q) { return q.star; })) {
      return error("a parameter without a default cannot follow one "
                   "with a default; give '" +
                   p.name +
                   "' a default or "
                   "move it first");
    }
    s->params.push_back(std::move(p));
    if (!accept(TokenKind::Comma)) {
      if (!at(TokenKind::RParen))
        return error("expected ',' or ')' in the parameter list");
      break;
    }
  }
  next(); // ')'
  if (accept(TokenKind::Arrow)) {
    if (at(TokenKind::Colon))
      return error("expected a return type such as f64 or f64[:] after "
                   "'->'");
    if (!parseTypeAnnotation(s->returnAnnotation))
      return nullptr;
    s->hasReturnAnnotation = !s->returnAnnotation.python;
  }
  ignoreClassAnnotations(*s);
  Block outerLambdas = std::move(lambdas_);
  lambdas_.clear();
  bool outerPython = pythonBody_;
  pythonBody_ = pythonSource(*s) || classPython_;
  parseSuite(s->body, "def", "expected ':' at end of the 'def' header");
  pythonBody_ = outerPython;
  s->range = rangeFrom(begin);
  // The lambdas of the body, as inner functions (lifted, with what they
  // capture, by liftNestedFunctions).
  for (size_t i = lambdas_.size(); i-- > 0;)
    s->body.insert(s->body.begin(), std::move(lambdas_[i]));
  lambdas_ = std::move(outerLambdas);
  applyNumbaTypes(*s);
  return s;
}

} // namespace parser
} // namespace weft
