//===- ParserClasses.cpp - Numba's jitclass: `@jitclass class C:` --------===//
//
// A class is parsed only as Numba's jitclass: decorated with @jitclass
// (a spec list of (name, type) pairs, or fields declared in the body as
// `x: f64`), holding its fields' declarations and its methods. The
// parsed class is kept in ModuleAST::classDecls for desugarJitclasses.
// An Enum or IntEnum class is its members' values (ModuleAST::enums).
//
//===----------------------------------------------------------------------===//
#include "frontend/ParserImpl.h"

namespace weft {
namespace parser {

namespace {

/// The last name of a decorator's callee: `jitclass` of
/// `numba.experimental.jitclass(spec)`.
std::string decoratorName(const Expr *d) {
  if (auto *c = d->dyn<CallExpr>())
    d = c->callee.get();
  if (auto *n = d->dyn<NameExpr>())
    return n->name;
  if (auto *a = d->dyn<AttributeExpr>())
    return a->attr;
  return "";
}

/// `f64`, `float64[:]`, `i32[:, :]` written as an expression (a spec's
/// type) as an annotation; false for anything else.
bool typeOfExpr(const Expr *e, TypeAnnotation &out) {
  out.range = e->range;
  out.rank = 0;
  if (auto *ix = e->dyn<IndexExpr>()) {
    for (const ExprPtr &i : ix->indices) {
      auto *s = i->dyn<SliceExpr>();
      if (!s || s->lower || s->upper || s->step)
        return false;
    }
    out.rank = static_cast<int>(ix->indices.size());
    e = ix->base.get();
  }
  auto *n = e->dyn<NameExpr>();
  if (!n)
    return false;
  out.scalar = n->name;
  return true;
}

} // namespace

bool Parser::parseClassSpec(const Expr *spec, ClassDecl &cls) {
  auto *list = spec->dyn<ListExpr>();
  if (!list) {
    errorAt(spec->range, "a jitclass spec is a list of (name, type) pairs, "
                         "such as [(\"x\", float64), (\"a\", float64[:])]");
    return false;
  }
  for (const ExprPtr &item : list->elts) {
    auto *pair = item->dyn<TupleExpr>();
    auto *name = pair && pair->elts.size() == 2
                     ? pair->elts[0]->dyn<StrLitExpr>()
                     : nullptr;
    ClassField f;
    if (!name || !typeOfExpr(pair->elts[1].get(), f.type)) {
      errorAt(item->range,
              "a jitclass field is a (name, type) pair whose type is a "
              "number type or an array of one, such as (\"x\", float64) "
              "or (\"a\", float64[:])");
      return false;
    }
    f.name = name->value;
    f.range = item->range;
    cls.fields.push_back(std::move(f));
  }
  return true;
}

StmtPtr Parser::parseClassDef(std::vector<ExprPtr> decorators) {
  SourceLocation begin = next().range.begin; // 'class'
  ClassDecl cls;
  if (!at(TokenKind::Identifier))
    return error("expected a class name after 'class'");
  cls.name = tok().text;
  cls.nameRange = next().range;
  std::string enumBase; // Enum or IntEnum (enum.Enum, ...)
  if (accept(TokenKind::LParen)) {
    // Base classes (object, or a plain class the jitclass is made of):
    // nothing of them is inherited here.
    int depth = 1;
    while (depth > 0 && !at(TokenKind::Eof) && !at(TokenKind::Newline)) {
      if (at(TokenKind::LParen))
        ++depth;
      else if (at(TokenKind::RParen))
        --depth;
      else if (at(TokenKind::Identifier) &&
               (tok().text == "Enum" || tok().text == "IntEnum"))
        enumBase = tok().text;
      next();
    }
  }
  if (!enumBase.empty() && decorators.empty())
    return parseEnumClass(cls.name, cls.nameRange, enumBase == "IntEnum");
  bool jitclass = false;
  for (const ExprPtr &d : decorators) {
    if (decoratorName(d.get()) != "jitclass") {
      errorAt(d->range, "a class takes one decorator, @jitclass (Numba's "
                        "numba.experimental.jitclass)");
      continue;
    }
    jitclass = true;
    auto *call = d->dyn<CallExpr>();
    if (!call)
      continue;
    const Expr *spec = call->args.empty() ? nullptr : call->args[0].get();
    for (const KeywordArg &k : call->keywords) {
      if (k.name == "spec") {
        spec = k.value.get();
      } else if (k.name == "python_lists" && k.value->dyn<BoolLitExpr>()) {
        cls.pythonLists = k.value->dyn<BoolLitExpr>()->value;
      } else {
        errorAt(k.nameRange, "@jitclass takes the spec, a list of (name, "
                             "type) pairs, and no option '" +
                                 k.name + "'");
      }
    }
    if (call->args.size() > 1)
      errorAt(call->args[1]->range, "@jitclass takes one spec list");
    if (spec && !parseClassSpec(spec, cls))
      failed_ = false;
  }
  if (!jitclass)
    errorAt(cls.nameRange,
            "classes are compiled as Numba's jitclass: decorate the class "
            "with @jitclass and declare its fields, as `x: f64` in its "
            "body or as @jitclass([(\"x\", f64)])");
  if (blockDepth_ > 0)
    errorAt(cls.nameRange, "a jitclass is defined at the top level of the "
                           "module, not inside a function or a block");
  failed_ = false;
  Block body;
  bool outerClass = classPython_;
  classPython_ = cls.pythonLists;
  parseSuite(body, "class", "expected ':' at end of the 'class' header");
  classPython_ = outerClass;
  cls.range = rangeFrom(begin);
  if (!jitclass)
    return nullptr; // (its body's statements add no errors of their own)
  for (StmtPtr &s : body) {
    if (s->dyn<FunctionDefStmt>()) {
      cls.methods.emplace_back(static_cast<FunctionDefStmt *>(s.release()));
      continue;
    }
    if (auto *a = s->dyn<AnnAssignStmt>(); a && !a->value) {
      auto *n = a->target->dyn<NameExpr>();
      bool inSpec = false;
      for (const ClassField &f : cls.fields)
        inSpec |= n && f.name == n->name;
      if (inSpec)
        continue; // (the spec's type, as Numba takes it)
      if (!n || a->annotation.python) {
        errorAt(a->range, "a jitclass field's type is a number type or an "
                          "array of one, such as `x: float64` or `a: "
                          "float64[:]`");
        continue;
      }
      ClassField f;
      f.name = n->name;
      f.type = a->annotation;
      f.range = a->range;
      cls.fields.push_back(std::move(f));
      continue;
    }
    auto *e = s->dyn<ExprStmt>();
    if ((e && e->value->dyn<StrLitExpr>()) || s->dyn<PassStmt>())
      continue; // a docstring
    errorAt(s->range, "a jitclass body holds its fields' declarations (x: "
                      "f64) and its methods (def); move other statements "
                      "into __init__ or a function");
  }
  if (jitclass && blockDepth_ == 0)
    classDecls_.push_back(std::move(cls));
  failed_ = false;
  return nullptr;
}

StmtPtr Parser::parseEnumClass(const std::string &name, SourceRange nameRange,
                               bool intEnum) {
  if (blockDepth_ > 0)
    errorAt(nameRange, "an Enum class is defined at the top level of the "
                       "module, not inside a function or a block");
  failed_ = false;
  Block body;
  parseSuite(body, "class", "expected ':' at end of the 'class' header");
  std::vector<EnumMember> members;
  int64_t nextAuto = 1; // auto(): one more than the last int member
  for (StmtPtr &s : body) {
    auto *e = s->dyn<ExprStmt>();
    if ((e && e->value->dyn<StrLitExpr>()) || s->dyn<PassStmt>())
      continue; // a docstring
    auto *a = s->dyn<AssignStmt>();
    auto *target =
        a && a->targets.size() == 1 ? a->targets[0]->dyn<NameExpr>() : nullptr;
    if (!target) {
      errorAt(s->range, "an Enum class holds its members (`red = 1`); "
                        "methods and other statements are not supported");
      continue;
    }
    ExprPtr value = std::move(a->value);
    auto *call = value->dyn<CallExpr>();
    auto *callee = call ? call->callee->dyn<NameExpr>() : nullptr;
    if (callee && callee->name == "auto" && call->args.empty())
      value = std::make_unique<IntLitExpr>(value->range, nextAuto);
    const Expr *number = value.get();
    if (auto *u = number->dyn<UnaryExpr>(); u && u->op == UnaryOp::Neg)
      number = u->operand.get();
    bool isInt = number->dyn<IntLitExpr>() != nullptr;
    if (!isInt && !number->dyn<FloatLitExpr>() && !number->dyn<BoolLitExpr>() &&
        !(value->dyn<StrLitExpr>() && !intEnum)) {
      errorAt(value->range, intEnum ? "an IntEnum member's value is an int "
                                      "literal or auto()"
                                    : "an Enum member's value is a number, "
                                      "bool or str literal, or auto()");
      continue;
    }
    if (isInt)
      nextAuto =
          (value.get() == number ? 1 : -1) * number->dyn<IntLitExpr>()->value +
          1;
    members.push_back({target->name, std::move(value)});
  }
  enums_[name] = std::move(members);
  failed_ = false;
  return nullptr;
}

} // namespace parser
} // namespace weft
