//===- Parser.cpp - Recursive-descent parser for Weft ---------------------===//
//
// Statements are parsed by recursive descent over the token stream from the
// Lexer; binary operators use precedence climbing with Python's precedence.
// Parse functions return null after reporting an error; the statement loop
// then skips to the next NEWLINE (INDENT/DEDENT only ever follow a NEWLINE,
// so blocks stay balanced) and goes on, so one run reports several errors.
// Expression and block nesting is limited so no input can exhaust the stack.
// Expressions are parsed in ParserExpr.cpp, compound statements (blocks,
// if/while/for, def) in ParserBlocks.cpp; the Parser class is declared
// in ParserImpl.h.
//
//===----------------------------------------------------------------------===//
#include "frontend/ASTBuild.h"
#include "frontend/Builtins.h"
#include "frontend/DesugarAssignments.h"
#include "frontend/DesugarComprehensions.h"
#include "frontend/DesugarDicts.h"
#include "frontend/DesugarEnums.h"
#include "frontend/DesugarHeapq.h"
#include "frontend/DesugarJitclasses.h"
#include "frontend/DesugarListMethods.h"
#include "frontend/DesugarLoops.h"
#include "frontend/DesugarNamedExprs.h"
#include "frontend/DesugarSliceObjects.h"
#include "frontend/DesugarStencils.h"
#include "frontend/FreezeModuleArrays.h"
#include "frontend/FunctionNames.h"
#include "frontend/InlineGenerators.h"
#include "frontend/LiftNestedFunctions.h"
#include "frontend/ListParameters.h"
#include "frontend/ModuleConstantBranches.h"
#include "frontend/NumpyLibrary.h"
#include "frontend/ParserImpl.h"
#include "frontend/ParserUfuncs.h"
#include "frontend/SpecializeFunctionArguments.h"
#include "frontend/Types.h"
#include "frontend/VersionRebindings.h"

#include <map>

namespace weft {
namespace parser {
namespace {

/// What an expression is, for "cannot assign to ..." messages.
const char *describe(const Expr &e) {
  switch (e.kind) {
  case ExprKind::IntLit:
  case ExprKind::FloatLit:
  case ExprKind::BoolLit:
  case ExprKind::StrLit:
    return "a literal";
  case ExprKind::Name:
    return "a name";
  case ExprKind::Unary:
  case ExprKind::Binary:
    return "an operator expression";
  case ExprKind::Compare:
    return "a comparison";
  case ExprKind::BoolOp:
    return "a boolean expression";
  case ExprKind::IfExp:
    return "a conditional expression";
  case ExprKind::Call:
    return "a function call";
  case ExprKind::Index:
    return "an element";
  case ExprKind::Slice:
    return "a slice";
  case ExprKind::Attribute:
    return "an attribute";
  case ExprKind::Tuple:
    return "a tuple";
  case ExprKind::List:
    return "a list literal";
  case ExprKind::ListComp:
    return "a list comprehension";
  }
  return "an expression";
}

} // namespace

Parser::Parser(std::vector<Token> tokens, std::vector<Diagnostic> lexErrors,
               DiagnosticEngine &diags)
    : toks_(std::move(tokens)), lexErrors_(std::move(lexErrors)),
      diags_(diags) {
  // The names the program defines (`def name`, `class name`), whose calls
  // are the program's own, not NumPy's of the same name.
  for (size_t i = 0; i + 1 < toks_.size(); ++i)
    if (toks_[i + 1].kind == TokenKind::Identifier &&
        (toks_[i].kind == TokenKind::KwDef ||
         (toks_[i].kind == TokenKind::Identifier && toks_[i].text == "class")))
      programNames_.insert(toks_[i + 1].text);
}

void Parser::parseModule(ModuleAST &m) {
  while (!at(TokenKind::Eof)) {
    if (at(TokenKind::Dedent) || at(TokenKind::Newline)) {
      next(); // stray layout after an error
      continue;
    }
    parseStatementInto(m.body);
  }
  for (StmtPtr &d : lambdas_) // the script's lambdas
    m.body.push_back(std::move(d));
  lambdas_.clear();
  for (ClassDecl &c : classDecls_)
    m.classDecls.push_back(std::move(c));
  classDecls_.clear();
  m.enums = std::move(enums_);
  enums_.clear();
  flushLexErrors(SourceLocation{1 << 30, 0});
}

//===----------------------------------------------------------------------===//
// Token helpers
//===----------------------------------------------------------------------===//
const Token &Parser::tok(size_t ahead) const {
  size_t i = pos_ + ahead;
  return i < toks_.size() ? toks_[i] : toks_.back();
}

bool Parser::at(TokenKind k) const { return tok().kind == k; }

bool Parser::before(SourceLocation a, SourceLocation b) {
  return a.line < b.line || (a.line == b.line && a.col < b.col);
}

/// Reports the lexer's errors located before `loc`, so that all errors
/// come out in source order.
void Parser::flushLexErrors(SourceLocation loc) {
  while (nextLexError_ < lexErrors_.size() &&
         before(lexErrors_[nextLexError_].range.begin, loc)) {
    const Diagnostic &d = lexErrors_[nextLexError_++];
    diags_.error(d.range, d.message);
  }
}

const Token &Parser::next() {
  const Token &t = tok();
  flushLexErrors(t.range.end);
  if (pos_ + 1 < toks_.size())
    ++pos_;
  if (t.kind != TokenKind::Newline && t.kind != TokenKind::Indent &&
      t.kind != TokenKind::Dedent && t.kind != TokenKind::Eof)
    lastEnd_ = t.range.end;
  return t;
}

bool Parser::accept(TokenKind k) {
  if (!at(k))
    return false;
  next();
  return true;
}

SourceRange Parser::rangeFrom(SourceLocation begin) const {
  return SourceRange(begin, lastEnd_);
}

/// Reports `msg` at the current token (only the first error per
/// statement, so a bad line gives one message).
std::nullptr_t Parser::error(const std::string &msg) {
  return errorAt(tok().range, msg);
}

std::nullptr_t Parser::errorAt(SourceRange r, const std::string &msg) {
  flushLexErrors(r.end);
  if (!failed_)
    diags_.error(r, msg);
  failed_ = true;
  return nullptr;
}

std::string Parser::found() const {
  const Token &t = tok();
  if (t.kind == TokenKind::Identifier)
    return "'" + t.text + "'";
  if (t.kind == TokenKind::IntLiteral || t.kind == TokenKind::FloatLiteral)
    return "'" + t.text + "'";
  return tokenKindName(t.kind);
}

bool Parser::expect(TokenKind k, const std::string &msg) {
  if (accept(k))
    return true;
  error(msg);
  return false;
}

/// Skips to just past the next NEWLINE (or to EOF).
void Parser::synchronize() {
  while (!at(TokenKind::Eof) && !at(TokenKind::Newline))
    next();
  accept(TokenKind::Newline);
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//
void Parser::takeSameLine(Block &out) {
  for (StmtPtr &s : sameLine_)
    out.push_back(std::move(s));
  sameLine_.clear();
}

void Parser::parseStatementInto(Block &out) {
  failed_ = false;
  size_t lambdasBefore = lambdas_.size();
  StmtPtr s = parseStatement();
  // `f = lambda x: ...` is `def f(x): return ...`.
  auto *a = s ? s->dyn<AssignStmt>() : nullptr;
  auto *target =
      a && a->targets.size() == 1 ? a->targets[0]->dyn<NameExpr>() : nullptr;
  auto *value = a ? a->value->dyn<NameExpr>() : nullptr;
  if (target && value && lambdas_.size() == lambdasBefore + 1 &&
      static_cast<FunctionDefStmt &>(*lambdas_.back()).name == value->name) {
    auto &def = static_cast<FunctionDefStmt &>(*lambdas_.back());
    def.name = target->name;
    def.nameRange = target->range;
    s.reset();
  }
  for (StmtPtr &b : before_)
    out.push_back(std::move(b));
  before_.clear();
  if (s)
    out.push_back(std::move(s));
  takeSameLine(out);
  if (failed_) {
    synchronize();
    // The indented body of a header that failed to parse: parse it for
    // its own errors, but do not report it as unexpected indentation.
    failed_ = false;
    if (at(TokenKind::Indent)) {
      Block ignored;
      parseIndentedBlock(ignored);
    }
  }
  failed_ = false;
}

StmtPtr Parser::parseRaise() {
  // raise E, raise E("message"), raise np.E(...) from x: an assert of
  // False whose exception is E (a message that is not a string literal is
  // left out, as the exception then has only its name).
  SourceLocation begin = tok().range.begin;
  next();
  if (at(TokenKind::Newline) || at(TokenKind::Eof))
    return error("a bare 'raise' has no exception to raise here; raise "
                 "one by name, such as raise ValueError(\"...\")");
  ExprPtr e = parseExpr();
  if (!e)
    return nullptr;
  if (at(TokenKind::Identifier) && tok().text == "from") {
    next();
    if (!parseExpr())
      return nullptr;
  }
  auto *call = e->dyn<CallExpr>();
  auto *name = (call ? call->callee.get() : e.get())->dyn<NameExpr>();
  if (!name || name->name.empty() || !isupper(name->name[0]))
    return errorAt(e->range, "raise takes an exception class, such as "
                             "ValueError or ValueError(\"message\")");
  auto s = std::make_unique<AssertStmt>(rangeFrom(begin));
  s->exception = name->name;
  s->test = std::make_unique<BoolLitExpr>(e->range, false);
  // (a name: Sema finds the string it is bound to, if it is one)
  if (call && call->args.size() == 1 &&
      (call->args[0]->dyn<StrLitExpr>() || call->args[0]->dyn<NameExpr>()))
    s->msg = std::move(call->args[0]);
  return s;
}

bool Parser::objmodeAhead() const {
  // with objmode(...), with numba.objmode(...), with nb.objmode(): a
  // dotted name ending in objmode, called (or not: `with numba.objmode:`)
  size_t i = 1;
  while (tok(i).kind == TokenKind::Identifier &&
         tok(i + 1).kind == TokenKind::Dot)
    i += 2;
  return tok(i).kind == TokenKind::Identifier && tok(i).text == "objmode" &&
         (tok(i + 1).kind == TokenKind::LParen ||
          tok(i + 1).kind == TokenKind::Colon);
}

StmtPtr Parser::parseStatement() {
  // Python statements Weft does not have, named as such (not misread as
  // an expression or annotation).
  static const std::map<std::string, const char *> unsupported = {
      {"with", "'with' blocks are not supported in Weft"},
      {"global", "functions read module constants without 'global'; "
                 "assigning a module variable from a function is not "
                 "supported"},
      {"nonlocal", "'nonlocal' is not supported; return the new value "
                   "from the inner function"},
      {"del", "'del' is not supported in Weft; build a new array or list "
              "without the element"},
      {"lambda", "lambdas are not supported in Weft; define a function "
                 "with def"}};
  if (at(TokenKind::Identifier) && tok().text == "del" &&
      tok(1).kind == TokenKind::Identifier) {
    // del lst[i] is lst.pop(i) as a statement (the list methods' rewrite
    // takes it from there).
    SourceLocation begin = next().range.begin;
    ExprPtr target = parseExpr();
    if (!target)
      return nullptr;
    auto *ix = target->dyn<IndexExpr>();
    bool slice = false;
    if (ix)
      for (const ExprPtr &i : ix->indices)
        slice |= i->dyn<SliceExpr>() != nullptr;
    if (!ix || slice)
      return errorAt(target->range,
                     "'del' takes one element of a list or dict here (del "
                     "lst[i], del d[k]); build a new array or list without "
                     "the others");
    SourceRange r = rangeFrom(begin);
    auto pop = std::make_unique<CallExpr>(
        r, std::make_unique<AttributeExpr>(r, std::move(ix->base), "pop"));
    if (ix->indices.size() == 1) {
      pop->args.push_back(std::move(ix->indices[0]));
    } else { // del d[i, j]: the key (i, j)
      auto key = std::make_unique<TupleExpr>(ix->range);
      key->elts = std::move(ix->indices);
      pop->args.push_back(std::move(key));
    }
    return std::make_unique<ExprStmt>(r, std::move(pop));
  }
  if (at(TokenKind::Identifier) && tok().text == "with" && objmodeAhead()) {
    // `with objmode(x="float64[:]"):`, Numba's object mode: Weft has
    // none, so its body is compiled like the code around it (the type
    // annotations are not needed), as a block that always runs.
    SourceLocation begin = next().range.begin;
    // (the objmode(...) call is skipped up to the header's ':')
    for (int depth = 0; !at(TokenKind::Eof) && !at(TokenKind::Newline) &&
                        !(depth == 0 && at(TokenKind::Colon));
         next()) {
      TokenKind k = tok().kind;
      depth += k == TokenKind::LParen || k == TokenKind::LBracket ||
               k == TokenKind::LBrace;
      depth -= k == TokenKind::RParen || k == TokenKind::RBracket ||
               k == TokenKind::RBrace;
    }
    auto s = std::make_unique<IfStmt>(SourceRange(begin));
    s->cond = std::make_unique<BoolLitExpr>(rangeFrom(begin), true);
    parseSuite(s->body, "with", "expected ':' at end of the 'with' header");
    s->range = rangeFrom(begin);
    return s;
  }
  if (at(TokenKind::Identifier) && tok().text == "yield" &&
      tok(1).kind != TokenKind::Equal && tok(1).kind != TokenKind::Dot) {
    // `yield v`: a generator's (inlineGenerators runs it in its loops).
    SourceLocation begin = next().range.begin;
    if (at(TokenKind::Identifier) && tok().text == "from")
      return error("'yield from' is not supported; loop over the inner "
                   "generator and yield each value");
    if (at(TokenKind::Newline) || at(TokenKind::Eof))
      return error("a bare 'yield' is not supported; yield a value");
    ExprPtr value = parseExprList();
    if (!value)
      return nullptr;
    SourceRange r = rangeFrom(begin);
    auto call = std::make_unique<CallExpr>(
        r, std::make_unique<NameExpr>(r, "weft.yield"));
    call->args.push_back(std::move(value));
    return std::make_unique<ExprStmt>(r, std::move(call));
  }
  if (at(TokenKind::Identifier) && unsupported.count(tok().text) &&
      tok(1).kind != TokenKind::Equal && tok(1).kind != TokenKind::Dot &&
      tok(1).kind != TokenKind::LParen && tok(1).kind != TokenKind::LBracket) {
    errorAt(tok().range, unsupported.at(tok().text));
    // The statement and its block are skipped here, so that they add no
    // errors of their own.
    synchronize();
    if (at(TokenKind::Indent)) {
      Block ignored;
      parseIndentedBlock(ignored);
    }
    failed_ = false;
    return nullptr;
  }
  if (at(TokenKind::Identifier) && tok().text == "try" &&
      tok(1).kind == TokenKind::Colon)
    return parseTry();
  if (at(TokenKind::Identifier) && tok().text == "class" &&
      tok(1).kind == TokenKind::Identifier)
    return parseClassDef({});
  if (at(TokenKind::Identifier) && tok().text == "raise" &&
      tok(1).kind != TokenKind::Equal && tok(1).kind != TokenKind::Dot)
    return parseRaise();
  switch (tok().kind) {
  case TokenKind::KwIf:
    return parseIf();
  case TokenKind::KwWhile:
    return parseWhile();
  case TokenKind::KwFor:
    return parseFor();
  case TokenKind::KwDef:
  case TokenKind::At:
    return parseFunctionDef();
  case TokenKind::Indent: {
    error("unexpected indentation; indent only the body of a 'def', 'if', "
          "'for' or 'while'");
    failed_ = false;
    Block ignored;
    parseIndentedBlock(ignored);
    return nullptr;
  }
  default:
    return parseSimpleStatement();
  }
}

/// Parses one simple statement and the NEWLINE that ends it; those after
/// it on the line (`a = 1; b = 2`) go to sameLine_.
StmtPtr Parser::parseSimpleStatement() {
  StmtPtr s = parseSmallStatement();
  Block first = std::move(before_); // (what `s` needs first: the caller's)
  before_.clear();
  while (!failed_ && accept(TokenKind::Semicolon) && !at(TokenKind::Newline)) {
    StmtPtr more = parseSmallStatement();
    for (StmtPtr &b : before_)
      sameLine_.push_back(std::move(b));
    before_.clear();
    if (more)
      sameLine_.push_back(std::move(more));
  }
  before_ = std::move(first);
  if (failed_)
    return s;
  if (!at(TokenKind::Newline)) {
    error("unexpected " + found() +
          " after the statement; put each statement on its own line");
    return s;
  }
  next();
  return s;
}

StmtPtr Parser::parseSmallStatement() {
  const Token &t = tok();
  SourceLocation begin = t.range.begin;
  if (t.kind == TokenKind::Identifier &&
      (t.text == "import" || t.text == "from") &&
      tok(1).kind == TokenKind::Identifier)
    return parseImport();
  switch (t.kind) {
  case TokenKind::KwPass:
    next();
    return std::make_unique<PassStmt>(t.range);
  case TokenKind::KwBreak:
    next();
    return std::make_unique<BreakStmt>(t.range);
  case TokenKind::KwContinue:
    next();
    return std::make_unique<ContinueStmt>(t.range);
  case TokenKind::KwReturn: {
    next();
    ExprPtr value;
    if (!at(TokenKind::Newline) && !at(TokenKind::Eof)) {
      value = parseExprList();
      if (!value)
        return nullptr;
      // return np.round(g, 0, g): the store first, then `return g`
      if (StmtPtr store = hoistOutArgument(value))
        before_.push_back(std::move(store));
    }
    return std::make_unique<ReturnStmt>(rangeFrom(begin), std::move(value));
  }
  case TokenKind::KwAssert: {
    next();
    auto s = std::make_unique<AssertStmt>(SourceRange(begin));
    s->test = parseExpr();
    if (!s->test)
      return nullptr;
    if (accept(TokenKind::Comma)) {
      s->msg = parseExpr();
      if (!s->msg)
        return nullptr;
    }
    s->range = rangeFrom(begin);
    return s;
  }
  case TokenKind::KwElif:
  case TokenKind::KwElse:
    return error(std::string(tokenKindName(t.kind)) +
                 " without a matching 'if'; align it with its 'if'");
  default:
    break;
  }
  return parseExprOrAssign();
}

bool Parser::augOp(TokenKind k, BinaryOp &op) {
  switch (k) {
  case TokenKind::PlusEqual:
    op = BinaryOp::Add;
    return true;
  case TokenKind::MinusEqual:
    op = BinaryOp::Sub;
    return true;
  case TokenKind::StarEqual:
    op = BinaryOp::Mul;
    return true;
  case TokenKind::SlashEqual:
    op = BinaryOp::Div;
    return true;
  case TokenKind::DoubleSlashEqual:
    op = BinaryOp::FloorDiv;
    return true;
  case TokenKind::PercentEqual:
    op = BinaryOp::Mod;
    return true;
  case TokenKind::DoubleStarEqual:
    op = BinaryOp::Pow;
    return true;
  case TokenKind::AmpEqual:
    op = BinaryOp::BitAnd;
    return true;
  case TokenKind::PipeEqual:
    op = BinaryOp::BitOr;
    return true;
  case TokenKind::CaretEqual:
    op = BinaryOp::BitXor;
    return true;
  case TokenKind::LShiftEqual:
    op = BinaryOp::LShift;
    return true;
  case TokenKind::RShiftEqual:
    op = BinaryOp::RShift;
    return true;
  default:
    return false;
  }
}

bool Parser::checkTarget(const Expr &e, bool allowTuple) {
  // (obj.x = v: a field of a jitclass instance, DesugarJitclasses.cpp)
  if (e.kind == ExprKind::Name || e.kind == ExprKind::Index ||
      e.kind == ExprKind::Attribute)
    return true;
  if (allowTuple && e.kind == ExprKind::Tuple) {
    const auto *t = e.dyn<TupleExpr>();
    if (t->elts.empty()) {
      errorAt(e.range, "cannot assign to an empty tuple; the left side "
                       "must be a name, an element a[i] or a tuple of "
                       "names");
      return false;
    }
    // (nested: (a, (b, c)), d = ...; desugarChainedAssignments unpacks)
    for (const ExprPtr &el : t->elts)
      if (!checkTarget(*el, true))
        return false;
    return true;
  }
  errorAt(e.range, std::string("cannot assign to ") + describe(e) +
                       "; the left side must be a name, an element a[i] "
                       "or a tuple of names");
  return false;
}

StmtPtr Parser::parseExprOrAssign() {
  SourceLocation begin = tok().range.begin;
  ExprPtr first = parseExprList();
  if (!first)
    return nullptr;
  BinaryOp op;
  if (at(TokenKind::Colon)) {
    // Annotated assignment `name: type [= value]`.
    if (first->kind != ExprKind::Name)
      return errorAt(first->range,
                     std::string("cannot annotate ") + describe(*first) +
                         "; only a plain name can have a type annotation");
    next();
    auto s = std::make_unique<AnnAssignStmt>(SourceRange(begin));
    if (!parseTypeAnnotation(s->annotation))
      return nullptr;
    s->target = std::move(first);
    if (accept(TokenKind::Equal)) {
      s->value = parseExprList();
      if (!s->value)
        return nullptr;
    }
    s->range = rangeFrom(begin);
    // (in a function from Python, a name that is no Weft type annotates
    // nothing either: `d2f: NDArrayA = ...`)
    ScalarKind kind;
    if (pythonBody_ && !parseScalarName(s->annotation.scalar, kind))
      s->annotation.python = true;
    if (s->annotation.python) {
      // `x: np.ndarray = v` is `x = v`; `x: int` alone does nothing.
      if (!s->value)
        return std::make_unique<PassStmt>(s->range);
      auto a = std::make_unique<AssignStmt>(s->range);
      a->targets.push_back(std::move(s->target));
      a->value = std::move(s->value);
      return a;
    }
    return s;
  }
  if (StmtPtr s = flatStore(first, begin, op))
    return s;
  if (augOp(tok().kind, op)) {
    if (first->kind != ExprKind::Name && first->kind != ExprKind::Index &&
        first->kind != ExprKind::Attribute)
      return errorAt(first->range,
                     std::string("cannot use augmented assignment on ") +
                         describe(*first) +
                         "; the left side must be a name or an element a[i]");
    next();
    ExprPtr value = parseExprList();
    if (!value)
      return nullptr;
    return std::make_unique<AugAssignStmt>(rangeFrom(begin), std::move(first),
                                           op, std::move(value));
  }
  if (!at(TokenKind::Equal)) {
    // np.multiply(z, z, z): out[:] = z * z.
    if (StmtPtr s = ufuncWithOut(first))
      return s;
    if (StmtPtr s = fillAsStore(first)) // a.fill(v): a[:] = v
      return s;
    return std::make_unique<ExprStmt>(rangeFrom(begin), std::move(first));
  }
  auto s = std::make_unique<AssignStmt>(SourceRange(begin));
  ExprPtr cur = std::move(first);
  while (accept(TokenKind::Equal)) {
    if (!checkTarget(*cur, true))
      return nullptr;
    s->targets.push_back(std::move(cur));
    cur = parseExprList();
    if (!cur)
      return nullptr;
  }
  s->value = std::move(cur);
  s->range = rangeFrom(begin);
  // g = np.round(g, 0, g).astype(...): g[:] = np.round(g, 0) first
  if (StmtPtr store = hoistOutArgument(s->value))
    before_.push_back(std::move(store));
  return s;
}

StmtPtr Parser::flatStore(ExprPtr &first, SourceLocation begin, BinaryOp &op) {
  // a.flat[i] = v and a.flat[i] op= v: the NumPy library's __np_flat_set
  // of the element (read with __np_flat_get for op=).
  auto *get = first->dyn<CallExpr>();
  auto *f = get ? get->callee->dyn<NameExpr>() : nullptr;
  bool aug = augOp(tok().kind, op);
  if (!f || f->name != std::string(kNumpyLibraryPrefix) + "flat_get" ||
      (!aug && !at(TokenKind::Equal)))
    return nullptr;
  next();
  ExprPtr value = parseExprList();
  if (!value)
    return nullptr;
  if (at(TokenKind::Equal))
    return error("a.flat[i] = v takes one value; chain no other targets");
  if (aug)
    value =
        std::make_unique<BinaryExpr>(value->range, op, cloneExpr(first.get()),
                                     std::move(value), value->range.begin);
  SourceRange r = rangeFrom(begin);
  auto set = std::make_unique<CallExpr>(
      r, std::make_unique<NameExpr>(r, std::string(kNumpyLibraryPrefix) +
                                           "flat_set"));
  set->args.push_back(std::move(get->args[0]));
  set->args.push_back(std::move(get->args[1]));
  set->args.push_back(std::move(value));
  return std::make_unique<ExprStmt>(r, std::move(set));
}

} // namespace parser

std::unique_ptr<ModuleAST> parseModule(const SourceFile &file,
                                       DiagnosticEngine &diags) {
  auto m = std::make_unique<ModuleAST>();
  m->filename = file.filename();
  // Lexer errors are collected apart and merged in source order.
  DiagnosticEngine lexDiags(file);
  std::vector<Token> tokens = tokenize(file, lexDiags);
  parser::Parser p(std::move(tokens), lexDiags.diagnostics(), diags);
  p.setParsingLibrary(file.filename() == kNumpyLibraryFile);
  p.parseModule(*m);
  splitFreshTupleAssignments(*m);
  desugarNamedExprs(*m, diags);
  desugarEnums(*m, diags);
  desugarJitclasses(*m, diags);
  desugarComprehensions(*m, diags);
  liftNestedFunctions(*m);
  resolveFunctionNames(*m);
  pruneModuleConstantBranches(*m);
  inlineGenerators(*m, diags);
  specializeFunctionArguments(*m, diags);
  freezeModuleArrays(*m, diags);
  desugarDicts(*m, diags);
  desugarHeapq(*m, diags);
  returnGrownListParameters(*m, diags);
  desugarStencils(*m, diags);
  desugarListMethods(*m, diags);
  desugarSliceObjects(*m, diags);
  desugarForLoops(*m);
  desugarChainedAssignments(*m);
  versionRebindings(*m);
  return m;
}

} // namespace weft
