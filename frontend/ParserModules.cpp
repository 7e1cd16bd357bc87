//===- ParserModules.cpp - Imports and module members ---------------------===//
//
// `import numpy as np`, `from numba import njit`, and the names modules
// give: np./math./numba. members are builtins (np.random.'s only its
// random functions, np.linalg.'s its linear algebra), and Python's cmath,
// random and heapq map to the library functions and rewrites that stand
// for them. Part of the Parser class (ParserImpl.h).
//
//===----------------------------------------------------------------------===//
#include "frontend/Builtins.h"
#include "frontend/DesugarHeapq.h"
#include "frontend/NumpyLibrary.h"
#include "frontend/ParserImpl.h"
#include "frontend/ParserUfuncs.h"
#include "frontend/Types.h"

#include <limits>
#include <map>
#include <set>

namespace weft {
namespace parser {

/// The error for a name of Python's cmath module Weft lacks.
std::string cmathUnsupported(const std::string &name);

const char *const kImportedNumpy = "__weft_numpy";

namespace {
/// The modules whose functions Weft has as builtins.
/// The functions of numpy.random Weft has.
bool isNumpyRandomFunction(const std::string &name) {
  static const std::set<std::string> names = {
      "rand",    "randn",   "random",          "randint",
      "uniform", "normal",  "standard_normal", "exponential",
      "seed",    "shuffle", "permutation",     "choice"};
  return names.count(name) != 0;
}

bool importable(const std::string &module) {
  return module == "numpy" || module == "math" || module == "numba" ||
         module == "numpy.random" || module == "numba.np" ||
         module == "numba.typed" || module == "cmath" || module == "random" ||
         module == "heapq" || module == "collections" || module == "typing" ||
         module == "enum" || module == "builtins" || module == "weft.module" ||
         module == "sys"; // (print's file=sys.stderr)
}
/// math.floor, math.ceil and math.trunc give Python's int (NumPy's give a
/// float), math.frexp an int exponent: the library's versions, as is
/// math.ldexp.
bool isMathIntegerFunction(const std::string &name) {
  return name == "floor" || name == "ceil" || name == "trunc" ||
         name == "frexp" || name == "ldexp";
}
std::string mathIntegerFunction(const std::string &name) {
  return std::string(kNumpyLibraryPrefix) + "x_math_" + name;
}
/// Weft's name of a NumPy scalar type (float64 is f64) or of np.array,
/// else `name`.
std::string weftTypeName(const std::string &name) {
  static const std::map<std::string, std::string> names = {
      {"bool_", "bool"},
      {"bool8", "bool"},
      {"int32", "i32"},
      {"int64", "i64"},
      {"intp", "i64"},
      {"int_", "i64"},
      {"intc", "i32"},
      {"float32", "f32"},
      {"uint64", "u64"},
      {"uint", "u64"},
      {"uintp", "u64"},
      {"ulonglong", "u64"},
      {"single", "f32"},
      {"float64", "f64"},
      {"float_", "f64"},
      {"double", "f64"},
      {"complex128", "complex"},
      {"complex_", "complex"},
      {"cdouble", "complex"},
      // NumPy's names of Weft's math functions.
      {"arctan2", "atan2"},
      {"arcsin", "asin"},
      {"arccos", "acos"},
      {"arctan", "atan"},
      {"arcsinh", "asinh"},
      {"arccosh", "acosh"},
      {"arctanh", "atanh"},
      {"absolute", "abs"},
      {"power", "pow"},
      {"amin", "min"},
      {"amax", "max"},
      // NumPy's round (a float) is not Python's (an int for a float).
      {"round", "around"},
      {"round_", "around"},
      // np.array(x) makes a new array: a copy (of a list display, the
      // array it spells).
      {"array", "copy"}};
  auto it = names.find(name);
  return it == names.end() ? name : it->second;
}
} // namespace

/// Numba's short type names as members of its module (nb.f4, nb.u8:
/// float32, uint64), else `name`.
static std::string numbaShortTypeName(const std::string &name) {
  static const std::map<std::string, std::string> names = {
      {"b1", "bool_"},   {"i1", "int8"},    {"i2", "int16"},
      {"i4", "int32"},   {"i8", "int64"},   {"u1", "uint8"},
      {"u2", "uint16"},  {"u4", "uint32"},  {"u8", "uint64"},
      {"f4", "float32"}, {"f8", "float64"}, {"c16", "complex128"}};
  auto it = names.find(name);
  return it == names.end() ? name : it->second;
}

ExprPtr Parser::dtypeFromString(const Expr &e) {
  // NumPy's dtype strings: names ("int64", "float32", "bool"), type codes
  // ("i8", "f4", "u1", "c16") and a little-endian or native byte order
  // mark ("<f8", "=i4", "|b1").
  auto *text = e.dyn<StrLitExpr>();
  if (!text)
    return nullptr;
  std::string s = text->value;
  if (!s.empty() && (s[0] == '<' || s[0] == '=' || s[0] == '|'))
    s = s.substr(1);
  // (and the one-letter codes of C's types, as on 64-bit Linux)
  static const std::map<std::string, std::string> python = {
      {"int", "int64"},    {"float", "float64"},
      {"bool", "bool_"},   {"complex", "complex128"},
      {"c8", "complex64"}, {"?", "bool_"},
      {"d", "float64"},    {"f", "float32"},
      {"b", "int8"},       {"B", "uint8"},
      {"h", "int16"},      {"H", "uint16"},
      {"i", "int32"},      {"I", "uint32"},
      {"l", "int64"},      {"L", "uint64"},
      {"q", "int64"},      {"Q", "uint64"},
      {"p", "int64"},      {"P", "uint64"},
      {"D", "complex128"}, {"F", "complex64"}};
  auto it = python.find(s);
  std::string numpy = it != python.end() ? it->second : numbaShortTypeName(s);
  std::string name = weftTypeName(numpy);
  ScalarKind k;
  if (!parseScalarName(name, k) && name != "complex" && name != "complex64")
    return nullptr;
  auto n = std::make_unique<NameExpr>(e.range, name);
  n->qualified = true;
  return n;
}

StmtPtr Parser::parseImport() {
  SourceLocation begin = tok().range.begin;
  bool from = next().text == "from";
  auto dotted = [&](std::string &name, SourceRange &range) {
    if (!at(TokenKind::Identifier))
      return false;
    range = tok().range;
    name = next().text;
    while (at(TokenKind::Dot) && tok(1).kind == TokenKind::Identifier) {
      next();
      name += "." + next().text;
      range.end = lastEnd_;
    }
    return true;
  };
  auto check = [&](const std::string &module, SourceRange range) {
    if (importable(module))
      return true;
    errorAt(range, "module '" + module +
                       "' cannot be imported; Weft has the functions of "
                       "numpy, math and numba as builtins, so import only "
                       "those (or remove the import)");
    return false;
  };
  auto alias = [&](std::string &as) {
    if (!(at(TokenKind::Identifier) && tok().text == "as"))
      return true;
    next();
    if (!at(TokenKind::Identifier)) {
      error("expected a name after 'as'");
      return false;
    }
    as = next().text;
    return true;
  };
  if (from) {
    std::string module;
    SourceRange range;
    if (!dotted(module, range) || !check(module, range))
      return nullptr;
    if (!(at(TokenKind::Identifier) && tok().text == "import"))
      return error("expected 'import' after the module name");
    next();
    bool paren = accept(TokenKind::LParen);
    if (at(TokenKind::Star)) {
      next();
    } else {
      do {
        if (paren && at(TokenKind::RParen))
          break;
        if (!at(TokenKind::Identifier))
          return error("expected a name to import");
        SourceRange nameRange = tok().range;
        std::string name = next().text, as = name;
        ScalarKind kind;
        if (!alias(as))
          return nullptr;
        if (module == "heapq")
          importedAs_[as] = heapqFunctionName(name);
        else if (module == "random" && isNumpyLibraryName("pyrandom_" + name))
          importedAs_[as] =
              std::string(kNumpyLibraryPrefix) + "pyrandom_" + name;
        else if (module == "random")
          return errorAt(nameRange, "'random." + name +
                                        "' is not supported by Weft yet "
                                        "(seed, random, uniform, randint, "
                                        "randrange, gauss, normalvariate, "
                                        "expovariate, choice and shuffle "
                                        "are)");
        else if (module == "numpy.random" && !isNumpyRandomFunction(name))
          return errorAt(nameRange, "'np.random." + name +
                                        "' is not supported by Weft yet; "
                                        "docs/language.md lists the NumPy "
                                        "random functions it has");
        else if (name == "random" || name == "np") {
          moduleNames_.insert(as);
          if (name == "random" && module == "numpy")
            numpyRandomModules_.insert(as);
        } else if (module == "cmath" && (isNumpyLibraryName("cmath_" + name) ||
                                         name == "pi" || name == "e"))
          importedAs_[as] =
              isNumpyLibraryName("cmath_" + name)
                  ? std::string(kNumpyLibraryPrefix) + "cmath_" + name
                  : name;
        else if (module == "cmath")
          // (not math's function of that name: cmath's return complex)
          return errorAt(nameRange, cmathUnsupported(name));
        else if (module == "math" && isMathIntegerFunction(name))
          importedAs_[as] = mathIntegerFunction(name);
        else if ((module == "numpy" ||
                  (module == "numba" && parseScalarName(name, kind))) &&
                 weftTypeName(name) == name && name != "newaxis") {
          // (numba's uint8 is NumPy's: a type and its conversion)
          // from numpy import median, array: read as np.median, np.array.
          fromNumpy_[as] = name;
          moduleNames_.insert(kImportedNumpy);
        } else if (as != name || weftTypeName(name) != name)
          importedAs_[as] = weftTypeName(name);
      } while (accept(TokenKind::Comma));
    }
    if (paren && !expect(TokenKind::RParen, "expected ')' after the names"))
      return nullptr;
  } else {
    do {
      std::string module, as;
      SourceRange range;
      if (!dotted(module, range))
        return error("expected a module name after 'import'");
      if (!check(module, range) || !alias(as))
        return nullptr;
      moduleNames_.insert(as.empty() ? module.substr(0, module.find('.')) : as);
      if (module == "math")
        mathModules_.insert(as.empty() ? module : as);
      if (module == "cmath")
        cmathModules_.insert(as.empty() ? module : as);
      if (module == "random")
        pyRandomModules_.insert(as.empty() ? module : as);
      if (module == "numpy.random" && !as.empty())
        numpyRandomModules_.insert(as);
      if (module == "heapq")
        heapqModules_.insert(as.empty() ? module : as);
      if (module == "sys")
        sysModules_.insert(as.empty() ? module : as);
      if (module == "weft.module" && !as.empty())
        programModules_.insert(as);
    } while (accept(TokenKind::Comma));
  }
  return std::make_unique<PassStmt>(rangeFrom(begin));
}

ExprPtr Parser::pyRandomMember(const std::string &name, SourceRange at) {
  if (isNumpyLibraryName("pyrandom_" + name))
    return std::make_unique<NameExpr>(at, std::string(kNumpyLibraryPrefix) +
                                              "pyrandom_" + name);
  return errorAt(at, "'random." + name +
                         "' is not supported by Weft yet (seed, random, "
                         "uniform, randint, randrange, gauss, normalvariate, "
                         "expovariate, choice and shuffle are)");
}

ExprPtr Parser::cmathMember(const std::string &name, SourceRange at) {
  if (name == "pi" || name == "e" || name == "inf" || name == "nan") {
    auto n = std::make_unique<NameExpr>(at, name);
    n->qualified = true;
    return n;
  }
  if (name == "infj" || name == "nanj") {
    auto c = std::make_unique<CallExpr>(
        at, std::make_unique<NameExpr>(at, "complex"));
    c->args.push_back(std::make_unique<FloatLitExpr>(at, 0.0));
    auto v = std::make_unique<NameExpr>(at, name == "infj" ? "inf" : "nan");
    v->qualified = true;
    c->args.push_back(std::move(v));
    return c;
  }
  if (isNumpyLibraryName("cmath_" + name))
    return std::make_unique<NameExpr>(at, std::string(kNumpyLibraryPrefix) +
                                              "cmath_" + name);
  return errorAt(at, cmathUnsupported(name));
}

std::string cmathUnsupported(const std::string &name) {
  return "'cmath." + name +
         "' is not supported by Weft yet (exp, log, log10, sqrt, sin, cos, "
         "tan, asin, acos, atan, sinh, cosh, tanh, asinh, atanh, phase, polar, "
         "rect, "
         "isnan, isinf, isfinite, pi, e, inf, nan, infj and nanj are)";
}

ExprPtr Parser::sysConstant(const std::string &name, SourceLocation begin) {
  // Numbers of the interpreter, frozen as Numba freezes a module's
  // globals: sys.maxsize, sys.byteorder, sys.float_info.max, ...
  if (name == "maxsize")
    return std::make_unique<IntLitExpr>(rangeFrom(begin),
                                        std::numeric_limits<int64_t>::max());
  if (name == "byteorder")
    return std::make_unique<StrLitExpr>(rangeFrom(begin), "little");
  if (name != "float_info" || !at(TokenKind::Dot))
    return nullptr;
  using Limits = std::numeric_limits<double>;
  static const std::map<std::string, double> info = {
      {"max", Limits::max()},
      {"min", Limits::min()},
      {"epsilon", Limits::epsilon()},
      {"dig", Limits::digits10},
      {"mant_dig", Limits::digits},
      {"max_exp", Limits::max_exponent},
      {"min_exp", Limits::min_exponent},
      {"max_10_exp", Limits::max_exponent10},
      {"min_10_exp", Limits::min_exponent10},
      {"radix", Limits::radix}};
  next(); // the dot
  if (!at(TokenKind::Identifier) || !info.count(tok().text))
    return error("sys.float_info has max, min, epsilon, dig, mant_dig, "
                 "max_exp, min_exp, max_10_exp, min_10_exp and radix");
  const std::string &field = next().text;
  double v = info.at(field);
  if (field == "max" || field == "min" || field == "epsilon")
    return std::make_unique<FloatLitExpr>(rangeFrom(begin), v);
  return std::make_unique<IntLitExpr>(rangeFrom(begin),
                                      static_cast<int64_t>(v));
}

ExprPtr Parser::parseModuleMember(const Token &module) {
  SourceLocation begin = module.range.begin;
  bool inLinalg = false;
  bool inRandom = numpyRandomModules_.count(module.text) != 0;
  while (accept(TokenKind::Dot)) {
    if (!at(TokenKind::Identifier))
      return error("expected a name after '" + module.text + ".'");
    const Token &member = next();
    if (programModules_.count(module.text))
      return std::make_unique<NameExpr>(rangeFrom(begin), member.text);
    if (cmathModules_.count(module.text))
      return cmathMember(member.text, rangeFrom(begin));
    if (pyRandomModules_.count(module.text))
      return pyRandomMember(member.text, rangeFrom(begin));
    if (heapqModules_.count(module.text))
      return std::make_unique<NameExpr>(rangeFrom(begin),
                                        heapqFunctionName(member.text));
    if (sysModules_.count(module.text)) {
      if (ExprPtr constant = sysConstant(member.text, begin))
        return constant;
      if (member.text != "stdout" && member.text != "stderr")
        return errorAt(member.range,
                       "'sys." + member.text +
                           "' is not supported by Weft; of sys, a function "
                           "has sys.stdout and sys.stderr (for print()'s "
                           "file=), sys.maxsize, sys.byteorder and "
                           "sys.float_info's numbers");
      return std::make_unique<AttributeExpr>(
          rangeFrom(begin), std::make_unique<NameExpr>(module.range, "sys"),
          member.text);
    }
    // numba.core.types.float64 is numba.types.float64 (basix's
    // `_numba.core.types.string`)
    if (member.text == "core" && at(TokenKind::Dot) &&
        tok(1).kind == TokenKind::Identifier && tok(1).text == "types")
      continue;
    // types.string (numba.types imported as a name): Python's str
    if (member.text == "string" || member.text == "unicode_type")
      return std::make_unique<NameExpr>(rangeFrom(begin), "str");
    if (member.text == "newaxis") // np.newaxis is None
      return std::make_unique<NameExpr>(rangeFrom(begin), "None");
    // numba.typed.List, numba.typed.Dict: Numba's typed containers, which
    // are Weft's lists and dicts (List.empty_list(t), Dict.empty(...)).
    // numba.types.intp, numba.types.float64: the dtypes.
    if (member.text == "types" && at(TokenKind::Dot) &&
        tok(1).kind == TokenKind::Identifier) {
      ScalarKind k;
      std::string type = weftTypeName(numbaShortTypeName(tok(1).text));
      if (parseScalarName(type, k)) {
        next();
        next();
        auto n = std::make_unique<NameExpr>(rangeFrom(begin), type);
        n->qualified = true;
        return n;
      }
      // numba.types.string and unicode_type: Python's str (the element
      // type of List.empty_list(numba.types.string))
      if (tok(1).text == "string" || tok(1).text == "unicode_type") {
        next();
        next();
        return std::make_unique<NameExpr>(rangeFrom(begin), "str");
      }
    }
    if (member.text == "typed" && at(TokenKind::Dot) &&
        tok(1).kind == TokenKind::Identifier &&
        (tok(1).text == "List" || tok(1).text == "Dict")) {
      next();
      return std::make_unique<NameExpr>(rangeFrom(begin), next().text);
    }
    // np.random.rand, np.linalg.solve: the submodules' functions are
    // builtins too.
    if ((member.text == "random" || member.text == "linalg") &&
        at(TokenKind::Dot)) {
      inLinalg = member.text == "linalg";
      inRandom = member.text == "random";
      continue;
    }
    if (inRandom && !isNumpyRandomFunction(member.text))
      return errorAt(member.range,
                     "'np.random." + member.text +
                         "' is not supported by Weft yet (rand, randn, "
                         "random, randint, uniform, normal, "
                         "standard_normal, exponential, seed, shuffle, "
                         "permutation and choice are)");
    if (mathModules_.count(module.text) && isMathIntegerFunction(member.text))
      return std::make_unique<NameExpr>(rangeFrom(begin),
                                        mathIntegerFunction(member.text));
    std::string name = weftTypeName(numbaShortTypeName(member.text));
    ScalarKind kind;
    // Decorators, and functions the front end rewrites (allclose, ndindex
    // as a loop's iterable, np.shape(a) as a.shape).
    static const std::set<std::string> decorators = {
        "jit",     "njit",        "vectorize", "kernel", "stencil", "allclose",
        "ndindex", "ndenumerate", "shape",     "ndim",   "size"};
    if (inLinalg && isNumpyLibraryFunction("linalg_" + member.text))
      return std::make_unique<NameExpr>(rangeFrom(begin),
                                        std::string(kNumpyLibraryPrefix) +
                                            "linalg_" + member.text);
    if (inLinalg && !isLinalg(lookupBuiltin(member.text)) &&
        member.text != "norm")
      return errorAt(
          member.range,
          "np.linalg." + member.text +
              " is not supported yet (solve, inv, det, "
              "cholesky, norm, qr, svd, eig, eigvals, eigh, eigvalsh, pinv, "
              "lstsq, matrix_rank, matrix_power, cond and "
              "slogdet are); call it from Python outside the "
              "jitted function");
    if (!lookupBuiltin(name) && !parseScalarName(name, kind) &&
        !decorators.count(name) && !isUfuncOperator(name) && !inLinalg &&
        isNumpyLibraryFunction(member.text)) {
      // A NumPy function written in Weft (frontend/NumpyLibrary.cpp).
      return std::make_unique<NameExpr>(rangeFrom(begin),
                                        kNumpyLibraryPrefix + member.text);
    }
    if (member.text == "iinfo" || member.text == "finfo")
      return typeLimit(member.text, begin);
    // NumPy's abstract scalar classes and np.ndarray: names for
    // isinstance() and np.issubdtype() (StaticBranches.h isinstanceOf).
    static const std::set<std::string> classes = {
        "ndarray",         "integer",  "signedinteger", "unsignedinteger",
        "complexfloating", "floating", "number",        "issubdtype"};
    if (!lookupBuiltin(name) && !parseScalarName(name, kind) &&
        !decorators.count(name) && !isUfuncOperator(name) &&
        !(module.text != "math" && classes.count(name)))
      return errorAt(member.range,
                     "'" +
                         (module.text == kImportedNumpy ? "np" : module.text) +
                         "." + member.text +
                         "' is not supported by Weft yet; docs/language.md "
                         "lists the NumPy and math functions it has");
    auto n = std::make_unique<NameExpr>(rangeFrom(begin), name);
    n->qualified = true;
    return n;
  }
  return nullptr;
}

ExprPtr Parser::typeLimit(const std::string &which, SourceLocation begin) {
  // np.iinfo(np.int32).max, np.finfo(np.float64).eps: numbers known when
  // the program is compiled (the type is written, not a variable's).
  const char *usage =
      which == "iinfo"
          ? "np.iinfo(t).max, .min or .bits of an integer type written as "
            "np.int64, np.uint8, int, ..., and np.iinfo(a.dtype).max or .min"
          : "np.finfo(t).eps, .max, .min, .tiny, .resolution or .bits of a "
            "float type written as np.float64, np.float32 or float, and "
            "np.finfo(a.dtype).eps, .max or .min";
  auto fail = [&]() -> ExprPtr {
    return errorAt(rangeFrom(begin), std::string("Weft reads ") + usage);
  };
  if (!accept(TokenKind::LParen))
    return fail();
  ExprPtr t = parseExpr();
  if (!t || !accept(TokenKind::RParen) || !accept(TokenKind::Dot) ||
      !at(TokenKind::Identifier))
    return fail();
  std::string attr = next().text;
  auto *n = t->dyn<NameExpr>();
  ScalarKind k;
  // np.iinfo(a.dtype).max: the library's, on the array's dtype.
  auto *dt = t->dyn<AttributeExpr>();
  static const std::set<std::string> kAttrs = {
      "iinfo_max", "iinfo_min", "finfo_max", "finfo_min", "finfo_eps"};
  if (dt && dt->attr == "dtype" && kAttrs.count(which + "_" + attr)) {
    SourceRange r = rangeFrom(begin);
    auto f = std::make_unique<NameExpr>(r, std::string(kNumpyLibraryPrefix) +
                                               "x_" + which + "_" + attr);
    auto call = std::make_unique<CallExpr>(r, std::move(f));
    call->args.push_back(std::move(dt->base));
    return call;
  }
  if (!n || !parseScalarName(n->name, k))
    return fail();
  SourceRange r = rangeFrom(begin);
  int bits = bitWidth(k);
  if (which == "iinfo") {
    if (k == ScalarKind::Bool || Type::scalar(k).isFloat() || isComplexKind(k))
      return fail();
    bool unsignedKind = isUnsignedKind(k);
    if (attr == "bits")
      return std::make_unique<IntLitExpr>(r, bits);
    if (attr == "max")
      return std::make_unique<IntLitExpr>(
          r, unsignedKind ? static_cast<int64_t>((uint64_t(1) << bits) - 1)
             : bits == 64 ? INT64_MAX
                          : (int64_t(1) << (bits - 1)) - 1);
    if (attr == "min")
      return std::make_unique<IntLitExpr>(r, unsignedKind ? 0
                                             : bits == 64
                                                 ? INT64_MIN
                                                 : -(int64_t(1) << (bits - 1)));
    return fail();
  }
  // (np.finfo of a complex type describes its parts, as NumPy's)
  k = complexPartKind(k);
  bits = bitWidth(k);
  if (k != ScalarKind::F32 && k != ScalarKind::F64)
    return fail();
  bool single = k == ScalarKind::F32;
  if (attr == "bits")
    return std::make_unique<IntLitExpr>(r, bits);
  double value;
  if (attr == "eps")
    value = single ? std::numeric_limits<float>::epsilon()
                   : std::numeric_limits<double>::epsilon();
  else if (attr == "max")
    value = single ? std::numeric_limits<float>::max()
                   : std::numeric_limits<double>::max();
  else if (attr == "min")
    value = single ? -std::numeric_limits<float>::max()
                   : -std::numeric_limits<double>::max();
  else if (attr == "tiny" || attr == "smallest_normal")
    value = single ? std::numeric_limits<float>::min()
                   : std::numeric_limits<double>::min();
  else if (attr == "resolution")
    value = single ? 1e-6 : 1e-15;
  else
    return fail();
  return std::make_unique<FloatLitExpr>(r, value);
}

} // namespace parser
} // namespace weft
