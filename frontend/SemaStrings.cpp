//===- SemaStrings.cpp - Typing of Python's str ---------------------------===//
//
// A str is a 1-D array of code points (Type::string()) that no array
// operation takes: its operators, indexing, builtins and methods are
// Python's, typed here before the array rules see it. Methods are the
// string library's functions (StrLibrary.cpp), `s.upper()` a call of
// __np_str_upper(s).
//
//===----------------------------------------------------------------------===//
#include "frontend/NumpyLibrary.h"
#include "frontend/SemaImpl.h"
#include "runtime/FormatSpec.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace weft {

bool parseFloatLiteral(const std::string &text, double &out) {
  // Python's float(): spaces around, a sign, digits with _ between them,
  // or inf/infinity/nan in any case.
  std::string t;
  size_t a = text.find_first_not_of(" \t\n\r\f\v");
  size_t b = text.find_last_not_of(" \t\n\r\f\v");
  if (a == std::string::npos)
    return false;
  for (size_t k = a; k <= b; ++k) {
    char ch = text[k];
    if (ch == '_') {
      bool digits = k > a && k < b &&
                    std::isdigit(static_cast<unsigned char>(text[k - 1])) &&
                    std::isdigit(static_cast<unsigned char>(text[k + 1]));
      if (!digits)
        return false;
      continue;
    }
    t += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  std::string body = t[0] == '+' || t[0] == '-' ? t.substr(1) : t;
  double sign = t[0] == '-' ? -1.0 : 1.0;
  if (body == "inf" || body == "infinity") {
    out = sign * HUGE_VAL;
    return true;
  }
  if (body == "nan") {
    out = std::nan("");
    return true;
  }
  if (body.empty() ||
      body.find_first_not_of("0123456789.e+-") != std::string::npos ||
      body.find_first_of("0123456789") == std::string::npos)
    return false;
  char *end = nullptr;
  out = std::strtod(t.c_str(), &end);
  return end && *end == 0;
}

bool parseIntLiteral(const std::string &text, int64_t &out) {
  double f;
  size_t a = text.find_first_not_of(" \t\n\r\f\v");
  if (a == std::string::npos)
    return false;
  std::string t = text.substr(a, text.find_last_not_of(" \t\n\r\f\v") - a + 1);
  if (t.find_first_not_of("+-0123456789_") != std::string::npos ||
      !parseFloatLiteral(t, f))
    return false;
  t.erase(std::remove(t.begin(), t.end(), '_'), t.end());
  errno = 0;
  char *end = nullptr;
  long long v = std::strtoll(t.c_str(), &end, 10);
  if (errno || !end || *end)
    return false;
  out = v;
  return true;
}

namespace sema {

std::optional<Type> Analyzer::stringBinary(BinaryOp op, const Type &l,
                                           const Type &r, SourceRange range) {
  if (!l.isString() && !r.isString())
    return std::nullopt;
  // Python's + joins two strs, * repeats one an int's times.
  if (op == BinaryOp::Add && l.isString() && r.isString())
    return Type::string();
  const Type &other = l.isString() ? r : l;
  if (op == BinaryOp::Mul && !(l.isString() && r.isString()) &&
      (other.isInt() || other.isBool()))
    return Type::string();
  std::string hint =
      op == BinaryOp::Add   ? "; a str joins another str (convert numbers "
                              "with str() first)"
      : op == BinaryOp::Mod ? "; %-formatting takes a literal format (\"%d\" "
                              "% x), or write an f-string"
                            : "";
  diags_.error(range, std::string("unsupported operand types for '") +
                          spelling(op) + "': " + l.str() + " and " + r.str() +
                          hint);
  return Type::unknown();
}

std::optional<Type> Analyzer::stringCompare(const CompareExpr *c,
                                            const std::vector<Type> &ts) {
  bool any = false;
  for (const Type &t : ts)
    any |= t.isString();
  if (!any)
    return std::nullopt;
  // == and != of a str and a number: Python's (and Numba's) constant
  // False and True.
  bool equality = ts.size() == 2 &&
                  (c->ops[0] == CompareOp::Eq || c->ops[0] == CompareOp::Ne);
  for (size_t i = 0; i < ts.size(); ++i)
    if (!ts[i].isString() && !(equality && ts[i].isScalar())) {
      diags_.error(
          c->operands[i]->range,
          equality ? "a str compares with a str or a number, not " + ts[i].str()
                   : "a str orders only with another str, not " + ts[i].str());
      return Type::unknown();
    }
  if (ts.size() != 2) {
    diags_.error(c->range, "chained comparisons of strs are not supported; "
                           "join two comparisons with 'and'");
    return Type::unknown();
  }
  return Type::boolean();
}

std::optional<Type> Analyzer::stringMembership(const CompareExpr *c,
                                               const Type &x, const Type &in) {
  if (in.isString()) {
    if (!x.isString()) {
      diags_.error(c->operands[0]->range,
                   "'in' of a str looks for a str, not " + x.str());
      return Type::unknown();
    }
    return Type::boolean();
  }
  if (!x.isString())
    return std::nullopt;
  if (in.isStrList())
    return Type::boolean(); // w in words: equal to one of the list's strs
  // c in ('a', 'e'): equal to one of a tuple's strs.
  bool strs = in.isTuple();
  for (const Type &e : in.elems())
    strs &= e.isString();
  if (!strs) {
    diags_.error(c->operands[1]->range,
                 "a str is looked for in a str, a tuple or a list of strs, "
                 "not " +
                     in.str());
    return Type::unknown();
  }
  return Type::boolean();
}

Type Analyzer::checkStringIndex(const IndexExpr *ix,
                                const std::vector<Type> &its) {
  // s[i] is the str of one character, s[a:b:c] the str of those.
  if (ix->indices.size() != 1 || ix->isNewAxis(0)) {
    diags_.error(ix->range, "a str takes one index or one slice");
    return Type::unknown();
  }
  if (!ix->indices[0]->dyn<SliceExpr>() && its[0].isKnown() &&
      !its[0].isInt()) {
    diags_.error(ix->indices[0]->range,
                 "string indices must be integers, not " + its[0].str());
    return Type::unknown();
  }
  return Type::string();
}

std::optional<Type>
Analyzer::checkStringBuiltin(const CallExpr *c, Builtin b,
                             const std::vector<Type> &args,
                             const std::vector<const Expr *> &argExprs) {
  const std::string name = builtinName(b);
  if (b == Builtin::Ord) {
    if (!checkArity(c, name, args.size(), 1, 1))
      return Type::unknown();
    if (!args[0].isString()) {
      diags_.error(argExprs[0]->range, "ord() takes a str of one character, "
                                       "not " +
                                           args[0].str());
      return Type::unknown();
    }
    return Type::i64();
  }
  if (b == Builtin::Chr) {
    if (!checkArity(c, name, args.size(), 1, 1))
      return Type::unknown();
    if (!args[0].isInt() && !args[0].isBool()) {
      diags_.error(argExprs[0]->range,
                   "chr() takes an int code point, not " + args[0].str());
      return Type::unknown();
    }
    return Type::string();
  }
  if (builtinIn(b, {Builtin::Str, Builtin::Format, Builtin::FormatField}))
    return checkFormat(c, b, args, argExprs);
  // float("inf"), int("42"): a literal is converted when compiling.
  if (builtinIn(b, {Builtin::Float, Builtin::Int}) && args.size() == 1 &&
      args[0].isString()) {
    auto *lit = argExprs[0]->dyn<StrLitExpr>();
    if (!lit) {
      diags_.error(argExprs[0]->range,
                   name + "() of a str that is not a literal is not "
                          "supported yet (parse the digits with ord())");
      return Type::unknown();
    }
    double f;
    int64_t i;
    if (b == Builtin::Float ? !parseFloatLiteral(lit->value, f)
                            : !parseIntLiteral(lit->value, i)) {
      diags_.error(
          argExprs[0]->range,
          b == Builtin::Float
              ? "could not convert string to float: '" + lit->value + "'"
              : "invalid literal for int() with base 10: '" + lit->value + "'");
      return Type::unknown();
    }
    return b == Builtin::Float ? Type::f64() : Type::i64();
  }
  if (b == Builtin::AsStr) {
    if (!checkArity(c, name, args.size(), 1, 1))
      return Type::unknown();
    if (!args[0].isArray() || args[0].rank() != 1 || args[0].isString() ||
        args[0].scalarKind() != ScalarKind::U32) {
      diags_.error(argExprs[0]->range, "__as_str() takes a 1-D u32 array of "
                                       "code points, not " +
                                           args[0].str());
      return Type::unknown();
    }
    return Type::string();
  }
  if (b == Builtin::StrCodes) {
    if (!checkArity(c, name, args.size(), 1, 1))
      return Type::unknown();
    if (!args[0].isString()) {
      diags_.error(argExprs[0]->range,
                   "__str_codes() takes a str, not " + args[0].str());
      return Type::unknown();
    }
    return args[0].asArray();
  }
  if (b == Builtin::Bool && args.size() == 1 && args[0].isString() &&
      c->keywords.empty())
    return Type::boolean(); // whether it is not empty
  // Python's builtins of a str Weft has: len(s), print(s), bool(s); the
  // file names of load and save and argv's default, checked there.
  if (builtinIn(b, {Builtin::Len, Builtin::Print, Builtin::Bool, Builtin::Load,
                    Builtin::Save, Builtin::Argv}))
    return std::nullopt;
  for (size_t i = 0; i < args.size(); ++i)
    if (anyPart(args[i], [](const Type &t) { return t.isString(); })) {
      diags_.error(argExprs[i]->range,
                   name + "() does not take a str" +
                       (b == Builtin::I64 || b == Builtin::F64
                            ? "; parsing numbers from strs is not "
                              "supported yet"
                            : ""));
      return Type::unknown();
    }
  return std::nullopt;
}

Type Analyzer::checkStringMethod(const CallExpr *c, const AttributeExpr *m) {
  // s.upper() is __np_str_upper(s): the receiver, then the arguments.
  auto def = defs_.find(std::string(kNumpyLibraryPrefix) + "str_" + m->attr);
  if (def == defs_.end()) {
    diags_.error(m->range, "'" + m->attr +
                               "' is not a method of str in Weft (see "
                               "docs/language.md, Strings)");
    return Type::unknown();
  }
  if (!c->keywords.empty()) {
    diags_.error(c->keywords[0].nameRange,
                 "str." + m->attr + "() takes its arguments by position");
    return Type::unknown();
  }
  const FunctionDefStmt *d = def->second;
  size_t given = c->args.size() + 1;
  size_t required = 0;
  for (const Param &p : d->params)
    required += p.defaultValue == nullptr;
  if (given < required || given > d->params.size()) {
    diags_.error(c->range,
                 "str." + m->attr + "() takes " + std::to_string(required - 1) +
                     (required == d->params.size()
                          ? ""
                          : " to " + std::to_string(d->params.size() - 1)) +
                     " arguments, got " + std::to_string(c->args.size()));
    return Type::unknown();
  }
  std::vector<const Expr *> bound{m->base.get()};
  for (const ExprPtr &a : c->args)
    bound.push_back(a.get());
  for (size_t i = bound.size(); i < d->params.size(); ++i)
    bound.push_back(d->params[i].defaultValue.get());
  return callLibraryFunction(c, d, bound);
}

Type Analyzer::callLibraryFunction(const CallExpr *c,
                                   const FunctionDefStmt *def,
                                   const std::vector<const Expr *> &bound) {
  std::vector<Type> args;
  for (const Expr *e : bound) {
    args.push_back(checkExpr(e));
    if (!args.back().isKnown())
      return Type::unknown();
  }
  fn_->callArgs[c] = bound;
  FunctionInstance *inst = instantiate(def, args, c->range);
  if (fn_->calls[c] != inst) {
    fn_->calls[c] = inst;
    change();
  }
  return inst->returnType;
}

Type Analyzer::checkFormat(const CallExpr *c, Builtin b,
                           const std::vector<Type> &args,
                           const std::vector<const Expr *> &argExprs) {
  // str(x), format(x, spec), and f"{x:spec}" (weft.format(x, spec)).
  const std::string name = b == Builtin::Str ? "str" : "format";
  if (!checkArity(c, name, args.size(), b == Builtin::Str ? 0 : 1,
                  b == Builtin::Str ? 1 : 2))
    return Type::unknown();
  if (args.empty())
    return Type::string(); // str(): ""
  std::string spec;
  if (args.size() == 2) {
    auto *lit = argExprs[1]->dyn<StrLitExpr>();
    if (!lit) {
      diags_.error(argExprs[1]->range,
                   "format()'s spec is a string literal here");
      return Type::unknown();
    }
    spec = lit->value;
  }
  const Type &x = args[0];
  if (x.isString()) {
    // Padding and truncation: [[fill]align][width][.precision][s].
    FormatSpec fs;
    bool ascii = std::all_of(spec.begin(), spec.end(), [](char ch) {
      return static_cast<unsigned char>(ch) < 0x80;
    });
    bool parsed = ascii && parseFormatSpec(spec.c_str(), fs);
    std::string unknown = "Unknown format code '" + std::string(1, fs.type) +
                          "' for object of type 'str'";
    const char *bad =
        !parsed ? "invalid format spec (Python's [[fill]align][width]"
                  "[.precision] for a str, ASCII, widths below 10000)"
        : fs.type && fs.type != 's' ? unknown.c_str()
        : fs.sign != '-' ? "Sign not allowed in string format specifier"
        : fs.alternate
            ? "Alternate form (#) not allowed in string format specifier"
        : fs.align == '='
            ? "'=' alignment not allowed in string format specifier"
        : fs.grouping ? "Cannot specify ',' with 's'."
                      : nullptr;
    if (bad) {
      diags_.error(argExprs[1]->range, bad);
      return Type::unknown();
    }
    return Type::string();
  }
  if (!x.isScalar() || x.isComplex()) {
    diags_.error(argExprs[0]->range,
                 name + "() formats a bool, an int, a float or a str, not " +
                     x.str());
    return Type::unknown();
  }
  FormatSpec fs;
  bool ascii = std::all_of(spec.begin(), spec.end(), [](char ch) {
    return static_cast<unsigned char>(ch) < 0x80;
  });
  if (!ascii || !parseFormatSpec(spec.c_str(), fs)) {
    diags_.error(argExprs[1]->range,
                 "invalid format spec '" + spec +
                     "' (Python's [[fill]align][sign][#][0][width][,]"
                     "[.precision][type], ASCII, widths below 10000)");
    return Type::unknown();
  }
  bool isFloat = x.isFloat();
  const char *types = isFloat ? "eEfFgGn%" : "bdnoxXeEfFgG%";
  if (fs.type && !std::strchr(types, fs.type)) {
    diags_.error(argExprs[1]->range, std::string("Unknown format code '") +
                                         fs.type + "' for object of type '" +
                                         (isFloat ? "float" : "int") + "'");
    return Type::unknown();
  }
  if (!isFloat && fs.precision >= 0 &&
      (!fs.type || std::strchr("bdnoxX", fs.type))) {
    diags_.error(argExprs[1]->range,
                 "Precision not allowed in integer format specifier");
    return Type::unknown();
  }
  return Type::string();
}

bool Analyzer::refuseStrList(const Type &elem, SourceRange range) {
  if (!elem.isString())
    return true;
  diags_.error(range, "a list holds values of one type, and this one holds "
                      "numbers, not strs");
  return false;
}

const Expr *Analyzer::constantString(const NameExpr &n) {
  if (!fn_->locals.count(n.name)) {
    const Expr *lit = moduleConstant(n.name);
    return lit && lit->dyn<StrLitExpr>() ? lit : nullptr;
  }
  if (!fn_->def)
    return nullptr;
  for (const Param &p : fn_->def->params)
    if (p.name == n.name)
      return nullptr;
  const Expr *only = nullptr;
  int bindings = 0;
  forEachStmtIn(fn_->def->body, [&](const Stmt &s) {
    // (the statements of a branch's or loop's blocks come on their own)
    std::vector<std::string> names;
    if (auto *f = s.dyn<ForStmt>()) {
      std::vector<const NameExpr *> targets;
      namesOfTarget(f->target.get(), targets);
      for (const NameExpr *t : targets)
        names.push_back(t->name);
    } else if (s.kind != StmtKind::If && s.kind != StmtKind::While) {
      namesBoundBy(s, names);
    }
    for (const std::string &name : names)
      if (name == n.name) {
        ++bindings;
        auto *a = s.dyn<AssignStmt>();
        only = a && a->targets.size() == 1 && a->targets[0]->dyn<NameExpr>()
                   ? a->value.get()
                   : nullptr;
      }
  });
  return bindings == 1 && only && only->dyn<StrLitExpr>() ? only : nullptr;
}

} // namespace sema
} // namespace weft
