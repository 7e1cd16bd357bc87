//===- ParserSignatures.cpp - Numba's signatures and locals= as types -----===//
//
// `@njit("float32(float32, float32)")` compiles the function for those
// types only: Numba converts the arguments to them and the result to the
// return type. With one such signature, its number types become the
// parameters' and the result's annotations (arrays and other types are
// left to the arguments, which decide them as they do without one).
// `locals={"m": float32}` declares variables of those types.
//
//===----------------------------------------------------------------------===//
#include "frontend/ParserImpl.h"

#include "frontend/Types.h"

namespace weft {
namespace parser {

namespace {

std::string trim(const std::string &s) {
  size_t b = s.find_first_not_of(" \t\n"), e = s.find_last_not_of(" \t\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

/// Weft's name of a number type of a signature (`f4`, `float32`,
/// `nb.float32`, `boolean`), or "" for any other (arrays, tuples, void).
std::string scalarOfSignature(std::string t) {
  t = trim(t);
  if (size_t dot = t.rfind('.'); dot != std::string::npos)
    t = t.substr(dot + 1); // numba.float32, nb.types.int64
  static const std::map<std::string, std::string> abbreviations = {
      {"f4", "float32"},    {"f8", "float64"}, {"i1", "int8"},
      {"i2", "int16"},      {"i4", "int32"},   {"i8", "int64"},
      {"u1", "uint8"},      {"u2", "uint16"},  {"u4", "uint32"},
      {"u8", "uint64"},     {"b1", "bool"},    {"boolean", "bool"},
      {"c16", "complex128"}};
  if (auto it = abbreviations.find(t); it != abbreviations.end())
    t = it->second;
  // (NumPy's narrow integers are storage kinds in Weft: a variable,
  // parameter or result of them is left to its values)
  ScalarKind k;
  if (!parseScalarName(t, k) || k == ScalarKind::I8 || k == ScalarKind::I16 ||
      k == ScalarKind::U8 || k == ScalarKind::U16 || k == ScalarKind::U32)
    return "";
  return t;
}

/// The top-level comma-separated parts of `s`.
std::vector<std::string> splitTopLevel(const std::string &s) {
  std::vector<std::string> parts;
  int depth = 0;
  std::string cur;
  for (char c : s) {
    if (c == '(' || c == '[')
      ++depth;
    if (c == ')' || c == ']')
      --depth;
    if (c == ',' && depth == 0) {
      parts.push_back(cur);
      cur.clear();
      continue;
    }
    cur += c;
  }
  if (!trim(cur).empty())
    parts.push_back(cur);
  return parts;
}

/// The signature string of a decorator `jit("...")`/`njit(["..."])`
/// with exactly one, else null.
const StrLitExpr *eagerSignature(const Expr *d) {
  auto *c = d->dyn<CallExpr>();
  if (!c || c->args.empty())
    return nullptr;
  std::string name;
  if (auto *n = c->callee->dyn<NameExpr>())
    name = n->name;
  else if (auto *a = c->callee->dyn<AttributeExpr>())
    name = a->attr;
  if (name != "jit" && name != "njit")
    return nullptr;
  const Expr *sig = c->args[0].get();
  if (auto *l = sig->dyn<ListExpr>(); l && l->elts.size() == 1)
    sig = l->elts[0].get();
  return sig->dyn<StrLitExpr>();
}

/// `locals={"m": float32, "n": "int32"}` of a @jit decorator: a
/// declaration `m: float32` at the top of the body for each float type
/// (the keyword is removed; Numba converts every value assigned to them).
void declareLocals(FunctionDefStmt &def) {
  for (ExprPtr &d : def.decorators) {
    auto *c = d->dyn<CallExpr>();
    if (!c)
      continue;
    for (size_t k = 0; k < c->keywords.size(); ++k) {
      if (c->keywords[k].name != "locals")
        continue;
      auto *dict = c->keywords[k].value->dyn<CallExpr>();
      auto *callee = dict ? dict->callee->dyn<NameExpr>() : nullptr;
      if (!callee || callee->name != "weft.dict_display")
        continue; // (Sema reports the option)
      Block declarations;
      for (size_t i = 0; i + 1 < dict->args.size(); i += 2) {
        auto *name = dict->args[i]->dyn<StrLitExpr>();
        const Expr *type = dict->args[i + 1].get();
        std::string text;
        if (auto *s = type->dyn<StrLitExpr>())
          text = s->value;
        else if (auto *n = type->dyn<NameExpr>())
          text = n->name;
        else if (auto *a = type->dyn<AttributeExpr>())
          text = a->attr;
        // Floats only: f32 arithmetic is what a declaration changes;
        // integer variables (loop counters) keep Weft's i64.
        std::string scalar = scalarOfSignature(text);
        ScalarKind k;
        if (!name || scalar.empty() || !parseScalarName(scalar, k) ||
            (k != ScalarKind::F32 && k != ScalarKind::F64))
          continue; // (arrays and other types: decided by the values)
        auto decl = std::make_unique<AnnAssignStmt>(type->range);
        decl->target = std::make_unique<NameExpr>(name->range, name->value);
        decl->annotation.scalar = scalar;
        decl->annotation.range = type->range;
        declarations.push_back(std::move(decl));
      }
      def.body.insert(def.body.begin(),
                      std::make_move_iterator(declarations.begin()),
                      std::make_move_iterator(declarations.end()));
      c->keywords.erase(c->keywords.begin() + k);
      return;
    }
  }
}

} // namespace

void Parser::applyNumbaTypes(FunctionDefStmt &def) {
  declareLocals(def);
  const StrLitExpr *sig = nullptr;
  for (const ExprPtr &d : def.decorators)
    if (const StrLitExpr *s = eagerSignature(d.get()))
      sig = s;
  if (!sig)
    return;
  // ret(args): the parentheses of the argument list are the last ones
  const std::string &text = sig->value;
  size_t close = text.find_last_of(')');
  int depth = 0;
  size_t open = std::string::npos;
  for (size_t i = close; close != std::string::npos && i-- > 0;) {
    if (text[i] == ')')
      ++depth;
    else if (text[i] == '(' && depth-- == 0) {
      open = i;
      break;
    }
  }
  if (open == std::string::npos || trim(text.substr(close + 1)) != "")
    return; // no return type: types of the arguments only (not applied)
  std::vector<std::string> args =
      splitTopLevel(text.substr(open + 1, close - open - 1));
  if (args.size() != def.params.size())
    return; // (*args, or a mismatch Numba reports)
  for (size_t i = 0; i < args.size(); ++i) {
    std::string scalar = scalarOfSignature(args[i]);
    if (scalar.empty())
      continue;
    def.params[i].annotation = TypeAnnotation();
    def.params[i].annotation.scalar = scalar;
    def.params[i].annotation.range = sig->range;
    def.params[i].hasAnnotation = true;
  }
  std::string result = scalarOfSignature(text.substr(0, open));
  if (!result.empty()) {
    def.returnAnnotation = TypeAnnotation();
    def.returnAnnotation.scalar = result;
    def.returnAnnotation.range = sig->range;
    def.hasReturnAnnotation = true;
  }
}

} // namespace parser
} // namespace weft
