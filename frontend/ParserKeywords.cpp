//===- ParserKeywords.cpp - NumPy's keyword arguments as positions --------===//
//
// NumPy functions take their leading parameters by name too
// (np.clip(a=x, a_min=0, a_max=1), np.where(condition=c, x=a, y=b)): the
// parser moves such keywords to their positions, and the optional
// operands of elementwise functions (isclose's rtol=, round's decimals=,
// the random draws' low=/size=) to positions with their defaults, so
// type checking sees one form of each call. The other way round, a
// positional axis (np.sum(a, 0), a.sum(1)) becomes `axis=`, and NumPy
// calls of several axes go to the NumPy library (libraryAxisCall).
//
//===----------------------------------------------------------------------===//
#include "frontend/ParserImpl.h"

#include "frontend/ASTBuild.h"
#include "frontend/Builtins.h"
#include "frontend/NumpyLibrary.h"
#include "frontend/Types.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace weft {
namespace parser {

void Parser::leadingKeywordsToPositions(CallExpr &call) {
  // NumPy's names of each function's leading parameters (several where
  // Python's builtin of the same name calls them otherwise: round's
  // number/ndigits, pow's base/exp).
  using Names = std::vector<std::vector<const char *>>;
  static const std::map<std::string, Names> leading = {
      {"zeros", {{"shape"}}},
      {"ones", {{"shape"}}},
      {"empty", {{"shape"}}},
      {"full", {{"shape"}, {"fill_value"}}},
      {"zeros_like", {{"a"}}},
      {"ones_like", {{"a"}}},
      {"empty_like", {{"prototype"}}},
      {"full_like", {{"a"}, {"fill_value"}}},
      {"arange", {{"start"}, {"stop"}, {"step"}}},
      {"linspace", {{"start"}, {"stop"}, {"num"}}},
      {"eye", {{"N"}, {"M"}, {"k"}}},
      {"cumsum", {{"a"}}},
      {"cumprod", {{"a"}}},
      {"sort", {{"a"}}},
      {"argsort", {{"a"}}},
      {"flip", {{"m"}}},
      {"unravel_index", {{"indices"}, {"shape"}}},
      {"concatenate", {{"arrays"}}},
      {"stack", {{"arrays"}}},
      {"hstack", {{"tup"}}},
      {"vstack", {{"tup"}}},
      {"column_stack", {{"tup"}}},
      {"triu", {{"m"}}},
      {"tril", {{"m"}}},
      {"diff", {{"a"}, {"n"}}},
      {"searchsorted", {{"a"}, {"v"}}},
      {"digitize", {{"x"}, {"bins"}}},
      {"median", {{"a"}}},
      {"unique", {{"ar"}}},
      {"percentile", {{"a"}, {"q"}}},
      {"quantile", {{"a"}, {"q"}}},
      {"sum", {{"a"}}},
      {"prod", {{"a"}}},
      {"mean", {{"a"}}},
      {"var", {{"a"}}},
      {"std", {{"a"}}},
      {"min", {{"a"}}},
      {"max", {{"a"}}},
      {"argmin", {{"a"}}},
      {"argmax", {{"a"}}},
      {"any", {{"a"}}},
      {"all", {{"a"}}},
      {"abs", {{"x"}}},
      {"sign", {{"x"}}},
      {"atan2", {{"x1"}, {"x2"}}},
      {"pow", {{"x1", "base"}, {"x2", "exp"}}},
      {"minimum", {{"x1"}, {"x2"}}},
      {"maximum", {{"x1"}, {"x2"}}},
      {"hypot", {{"x1"}, {"x2"}}},
      {"nextafter", {{"x1"}, {"x2"}}},
      {"copysign", {{"x1"}, {"x2"}}},
      {"fmod", {{"x1"}, {"x2"}}},
      {"where", {{"condition"}, {"x"}, {"y"}}},
      {"isnan", {{"x"}}},
      {"isinf", {{"x"}}},
      {"isfinite", {{"x"}}},
      {"real", {{"val"}}},
      {"imag", {{"val"}}},
      {"angle", {{"z"}}},
      {"conj", {{"x"}}},
      {"conjugate", {{"x"}}},
      {"clip", {{"a"}, {"a_min"}, {"a_max"}}},
      {"around", {{"a"}, {"decimals"}}},
      {"round", {{"a", "number"}, {"decimals", "ndigits"}}},
      {"isclose", {{"a"}, {"b"}}},
      {"allclose", {{"a"}, {"b"}}},
      {"logical_and", {{"x1"}, {"x2"}}},
      {"logical_or", {{"x1"}, {"x2"}}},
      {"logical_xor", {{"x1"}, {"x2"}}},
      {"logical_not", {{"x"}}},
      {"dot", {{"a"}, {"b"}}},
      {"outer", {{"a"}, {"b"}}},
      {"transpose", {{"a"}}},
      {"reshape", {{"a"}, {"newshape"}}},
      {"ravel", {{"a"}}},
      {"solve", {{"a"}, {"b"}}},
      {"inv", {{"a"}}},
      {"det", {{"a"}}},
      {"cholesky", {{"a"}}},
      {"norm", {{"x"}}}};
  static const Names unaryMath = {{"x"}};
  auto *n = call.callee->dyn<NameExpr>();
  if (!n || call.keywords.empty())
    return;
  // NumPy's (np.clip, or imported from numpy); of a bare name only the
  // creation functions, which a program's own function of the same name
  // with other parameters would not be mistaken for in a .weft file.
  static const std::set<std::string> creation = {
      "zeros",      "ones",      "empty",      "full",
      "zeros_like", "ones_like", "empty_like", "full_like"};
  if (!n->qualified && !creation.count(n->name))
    return;
  const Names *names = nullptr;
  if (auto it = leading.find(n->name); it != leading.end())
    names = &it->second;
  else if (auto b = lookupBuiltin(n->name); b && isUnaryMath(*b))
    names = &unaryMath;
  if (!names)
    return;
  // Each keyword that names the next position moves there; a gap stops
  // (type checking reports the keyword it does not take).
  for (size_t k = call.args.size(); k < names->size(); ++k) {
    auto kw = std::find_if(call.keywords.begin(), call.keywords.end(),
                           [&](const KeywordArg &a) {
                             for (const char *name : (*names)[k])
                               if (a.name == name)
                                 return true;
                             return false;
                           });
    if (kw == call.keywords.end())
      break;
    call.args.push_back(std::move(kw->value));
    call.keywords.erase(kw);
  }
}

void Parser::positionalDtypeToKeyword(CallExpr &call) {
  // NumPy's creation functions take the dtype as a positional argument
  // too: zeros(shape, float64), full(shape, v, a.dtype), and np.array
  // (read as copy): array([n], a.dtype).
  static const std::map<std::string, size_t> dtypePosition = {
      {"zeros", 1},      {"ones", 1},      {"empty", 1},      {"copy", 1},
      {"zeros_like", 1}, {"ones_like", 1}, {"empty_like", 1}, {"full", 2},
      {"full_like", 2},  {"arange", 3}};
  auto *n = call.callee->dyn<NameExpr>();
  auto it = n ? dtypePosition.find(n->name) : dtypePosition.end();
  if (it == dtypePosition.end() || call.args.size() != it->second + 1)
    return;
  ExprPtr &arg = call.args.back();
  auto *attr = arg->dyn<AttributeExpr>();
  if (!arg->dyn<NameExpr>() && !(attr && attr->attr == "dtype") &&
      !arg->dyn<StrLitExpr>())
    return;
  for (const KeywordArg &k : call.keywords)
    if (k.name == "dtype")
      return;
  KeywordArg kw;
  kw.name = "dtype";
  kw.nameRange = arg->range;
  kw.value = std::move(arg);
  call.args.pop_back();
  call.keywords.insert(call.keywords.begin(), std::move(kw));
}

void Parser::randomDrawPositions(CallExpr &call, const std::string &name) {
  // NumPy's draws: uniform(low=0.0, high=1.0, size=None), ... Keywords
  // become positions up to the last argument given; the ones skipped
  // before it get their defaults (None: randint's high, a size).
  struct Param {
    const char *name;
    double fallback; // NaN: None
  };
  const double none = std::numeric_limits<double>::quiet_NaN();
  static const std::map<std::string, std::vector<Param>> draws = {
      {"uniform", {{"low", 0.0}, {"high", 1.0}, {"size", none}}},
      {"normal", {{"loc", 0.0}, {"scale", 1.0}, {"size", none}}},
      {"exponential", {{"scale", 1.0}, {"size", none}}},
      {"standard_normal", {{"size", none}}},
      {"random", {{"size", none}}},
      {"randint", {{"low", none}, {"high", none}, {"size", none}}}};
  auto it = draws.find(name);
  if (it == draws.end())
    return;
  const std::vector<Param> &params = it->second;
  auto keyword = [&](const char *p) {
    return std::find_if(call.keywords.begin(), call.keywords.end(),
                        [&](const KeywordArg &k) { return k.name == p; });
  };
  size_t last = call.args.size();
  for (size_t i = call.args.size(); i < params.size(); ++i)
    if (keyword(params[i].name) != call.keywords.end())
      last = i + 1;
  for (size_t i = call.args.size(); i < last; ++i) {
    auto kw = keyword(params[i].name);
    if (kw != call.keywords.end()) {
      call.args.push_back(std::move(kw->value));
      call.keywords.erase(kw);
      continue;
    }
    SourceRange r = call.callee->range;
    if (std::isnan(params[i].fallback))
      call.args.push_back(std::make_unique<NameExpr>(r, "None"));
    else
      call.args.push_back(
          std::make_unique<FloatLitExpr>(r, params[i].fallback));
  }
}

void Parser::keywordsToPositions(CallExpr &call) {
  // Functions whose optional arguments are operands of their elementwise
  // code: keyword arguments become positions, missing ones defaults.
  struct Optional {
    const char *name;
    double fallback;
    bool isBool;
  };
  static const std::map<std::string, std::vector<Optional>> optionals = {
      {"isclose",
       {{"rtol", 1e-05, false},
        {"atol", 1e-08, false},
        {"equal_nan", 0, true}}},
      {"allclose",
       {{"rtol", 1e-05, false},
        {"atol", 1e-08, false},
        {"equal_nan", 0, true}}},
      {"around", {{"decimals", 0, false}}},
      {"round", {{"ndigits", 0, false}}},
      {"triu", {{"k", 0, false}}},
      {"tril", {{"k", 0, false}}}};
  auto *n = call.callee->dyn<NameExpr>();
  // transpose(a, axes=(1, 0)): the axes as the second argument.
  auto *m = call.callee->dyn<AttributeExpr>();
  if ((n && n->name == "transpose") || (m && m->attr == "transpose"))
    for (size_t k = 0; k < call.keywords.size(); ++k)
      if (call.keywords[k].name == "axes") {
        call.args.push_back(std::move(call.keywords[k].value));
        call.keywords.erase(call.keywords.begin() +
                            static_cast<std::ptrdiff_t>(k));
        break;
      }
  if (n)
    randomDrawPositions(call, n->name);
  auto it = n ? optionals.find(n->name) : optionals.end();
  if (it == optionals.end())
    return;
  // The functions whose optional argument is their second one keep one
  // argument when it is not given.
  bool secondOnly = n->name == "around" || n->name == "round" ||
                    n->name == "triu" || n->name == "tril";
  size_t first = secondOnly ? 1 : 2;
  for (size_t i = 0; i < it->second.size(); ++i) {
    const Optional &o = it->second[i];
    auto kw =
        std::find_if(call.keywords.begin(), call.keywords.end(),
                     [&](const KeywordArg &k) { return k.name == o.name; });
    if (call.args.size() > first + i) {
      if (kw != call.keywords.end())
        return; // given twice: Sema reports the keyword
      continue;
    }
    if (call.args.size() < first + i)
      return; // a required argument is missing: Sema reports it
    if (kw != call.keywords.end()) {
      call.args.push_back(std::move(kw->value));
      call.keywords.erase(kw);
      continue;
    }
    // round(x) keeps one argument (Python's: an int for a float).
    if (secondOnly)
      return;
    SourceRange r = call.callee->range;
    if (o.isBool)
      call.args.push_back(std::make_unique<BoolLitExpr>(r, o.fallback != 0));
    else
      call.args.push_back(std::make_unique<FloatLitExpr>(r, o.fallback));
  }
}

/// np.sum(a, 0), a.sum(1): NumPy's reductions, scans and sorts take the
/// axis second (a method's first); Weft's take it as `axis=`. A method's
/// positional axis is moved only when it is an integer literal (another
/// object's method of that name keeps its arguments).
static void positionalAxis(CallExpr &c) {
  static const std::set<std::string> takesAxis = {
      "sum",       "prod",      "mean",    "min",           "max",
      "amin",      "amax",      "argmin",  "argmax",        "any",
      "all",       "std",       "var",     "nansum",        "nanprod",
      "nanmean",   "nanmin",    "nanmax",  "nanstd",        "nanvar",
      "median",    "nanmedian", "cumsum",  "cumprod",       "ptp",
      "sort",      "argsort",   "average", "count_nonzero", "nanargmin",
      "nanargmax", "flip"};
  auto *n = c.callee->dyn<NameExpr>();
  auto *m = c.callee->dyn<AttributeExpr>();
  for (const KeywordArg &k : c.keywords)
    if (k.name == "axis")
      return;
  size_t at;
  if (n && n->qualified && takesAxis.count(n->name) && c.args.size() == 2) {
    at = 1;
  } else if (m && takesAxis.count(m->attr) && c.args.size() == 1 &&
             m->attr != "sort" && m->attr != "argsort") {
    const Expr *v = c.args[0].get();
    if (auto *u = v->dyn<UnaryExpr>(); u && u->op == UnaryOp::Neg)
      v = u->operand.get();
    if (!v->dyn<IntLitExpr>())
      return;
    at = 0;
  } else {
    return;
  }
  KeywordArg axis;
  axis.name = "axis";
  axis.nameRange = c.args[at]->range;
  axis.value = std::move(c.args[at]);
  c.args.erase(c.args.begin() + at);
  c.keywords.push_back(std::move(axis));
}

/// np.searchsorted(a, v, 'right'), np.digitize(x, bins, True): NumPy's
/// third positional argument, which Weft takes by its keyword.
static void positionalOptions(CallExpr &c) {
  static const std::map<std::string, const char *> third = {
      {"searchsorted", "side"}, {"digitize", "right"}};
  auto *n = c.callee->dyn<NameExpr>();
  auto it = n && n->qualified ? third.find(n->name) : third.end();
  if (it == third.end() || c.args.size() != 3)
    return;
  KeywordArg k;
  k.name = it->second;
  k.nameRange = c.args[2]->range;
  k.value = std::move(c.args[2]);
  c.args.pop_back();
  c.keywords.push_back(std::move(k));
}

/// np.sum(a, dtype=np.int64), a.cumsum(dtype=float): NumPy's reductions
/// and scans accumulate in `dtype`, which is reducing a.astype(dtype).
static void reductionDtype(CallExpr &c) {
  static const std::set<std::string> accumulates = {
      "sum",    "prod",    "mean",      "cumsum",    "cumprod",
      "nansum", "nanprod", "nanmean",   "std",       "var",
      "nanstd", "nanvar",  "nancumsum", "nancumprod"};
  auto *n = c.callee->dyn<NameExpr>();
  auto *m = c.callee->dyn<AttributeExpr>();
  bool function =
      n && n->qualified && accumulates.count(n->name) && !c.args.empty();
  bool method = m && accumulates.count(m->attr);
  if (!function && !method)
    return;
  auto k = std::find_if(c.keywords.begin(), c.keywords.end(),
                        [](const KeywordArg &a) { return a.name == "dtype"; });
  if (k == c.keywords.end())
    return;
  ExprPtr &array = function ? c.args[0] : m->base;
  SourceRange r = array->range;
  auto astype = std::make_unique<CallExpr>(
      r, std::make_unique<AttributeExpr>(r, std::move(array), "astype"));
  astype->args.push_back(std::move(k->value));
  array = std::move(astype);
  c.keywords.erase(k);
}

void Parser::libraryAxisCall(CallExpr &c) {
  positionalAxis(c);
  positionalOptions(c);
  reductionDtype(c);
  // np.array(lst.copy()): the same values as np.array(lst), which copies
  // them already (matchms's np.array(matching_pairs.copy())).
  auto *array = c.callee->dyn<NameExpr>();
  auto *inner = c.args.size() == 1 ? c.args[0]->dyn<CallExpr>() : nullptr;
  auto *method = inner ? inner->callee->dyn<AttributeExpr>() : nullptr;
  if (array && array->qualified && array->name == "copy" && method &&
      method->attr == "copy" && inner->args.empty() && inner->keywords.empty())
    c.args[0] = std::move(method->base);
  auto *n = c.callee->dyn<NameExpr>();
  // np.convolve(a, v, 'same') / mode='valid', np.linalg.qr(a, 'r'): the
  // mode's own function (the parser named the call the library's
  // already); a mode is a literal string.
  std::string prefix = kNumpyLibraryPrefix;
  struct Moded {
    const char *name;
    size_t position;
    const char *fallback;
    const char *modes;
  };
  static const Moded moded[] = {
      {"convolve", 2, "full", "'full', 'same' or 'valid'"},
      {"correlate", 2, "valid", "'full', 'same' or 'valid'"},
      {"linalg_qr", 1, "reduced", "'reduced', 'complete' or 'r'"}};
  for (const Moded &f : moded) {
    if (!n || n->name != prefix + f.name)
      continue;
    ExprPtr *mode =
        c.args.size() == f.position + 1 ? &c.args[f.position] : nullptr;
    for (KeywordArg &k : c.keywords)
      if (k.name == "mode")
        mode = &k.value;
    auto *lit = mode ? (*mode)->dyn<StrLitExpr>() : nullptr;
    if (!lit)
      return;
    // (the literal goes with the argument it is)
    std::string value = lit->value;
    SourceRange range = lit->range;
    c.args.resize(std::min(c.args.size(), f.position));
    c.keywords.erase(
        std::remove_if(c.keywords.begin(), c.keywords.end(),
                       [](const KeywordArg &k) { return k.name == "mode"; }),
        c.keywords.end());
    if (value == f.fallback)
      return;
    std::string name = std::string(f.name) + "_" + value;
    if (!isNumpyLibraryFunction(name)) {
      errorAt(range, "mode '" + value + "' of np." +
                         (std::string(f.name).rfind("linalg_", 0) == 0
                              ? "linalg." + std::string(f.name + 7)
                              : std::string(f.name)) +
                         " is not supported; use " + f.modes);
      return;
    }
    n->name = prefix + name;
    return;
  }
  // np.linalg.svd(a, compute_uv=False): the singular values alone.
  if (n && n->name == prefix + "linalg_svd") {
    for (auto k = c.keywords.begin(); k != c.keywords.end(); ++k)
      if (auto *v = k->value->dyn<BoolLitExpr>();
          k->name == "compute_uv" && v && !v->value) {
        c.keywords.erase(k);
        n->name = prefix + "linalg_svdvals";
        return;
      }
    return;
  }
  auto *m = c.callee->dyn<AttributeExpr>();
  bool axis = c.args.size() >= 2 ||
              std::any_of(c.keywords.begin(), c.keywords.end(),
                          [](const KeywordArg &k) { return k.name == "axis"; });
  std::string name = n ? n->name : m ? m->attr : "";
  auto has = [&](const char *k) {
    return std::any_of(c.keywords.begin(), c.keywords.end(),
                       [&](const KeywordArg &a) { return a.name == k; });
  };
  // Builtins whose other forms the library has: std/var with ddof=,
  // linspace with endpoint=, eye with M or k, np.linalg.norm with ord or
  // axis.
  bool other =
      ((name == "std" || name == "var") && has("ddof")) ||
      (name == "linspace" && has("endpoint")) ||
      (name == "diff" && (c.args.size() >= 2 || has("n"))) ||
      (name == "eye" && (c.args.size() >= 2 || has("k") || has("M"))) ||
      (name == "norm" && (c.args.size() >= 2 || has("ord") || has("axis"))) ||
      ((name == "percentile" || name == "quantile") && c.args.size() == 2 &&
       c.keywords.empty());
  if (other && n && n->qualified) {
    n->name = std::string(kNumpyLibraryPrefix) + "x_" + name;
    n->qualified = false;
    return;
  }
  if (other && m && (name == "std" || name == "var")) {
    SourceRange r = m->range;
    ExprPtr base = std::move(m->base);
    c.callee = std::make_unique<NameExpr>(r, std::string(kNumpyLibraryPrefix) +
                                                 "x_" + name);
    c.args.insert(c.args.begin(), std::move(base));
    return;
  }
  // np.uint8(x) and the other narrow integer types (no scalars of their
  // own): the library's conversion.
  ScalarKind kind;
  if (n && n->qualified && parseScalarName(name, kind) && isStorageKind(kind)) {
    n->name = std::string(kNumpyLibraryPrefix) + "x_" + numpyName(kind);
    n->qualified = false;
    return;
  }
  bool scan = name == "cumsum" || name == "cumprod";
  if (n && n->qualified && (scan || (name == "sort" && axis))) {
    n->name = std::string(kNumpyLibraryPrefix) + name;
    n->qualified = false;
  } else if (m && scan) {
    // a.cumsum(axis=0) is np.cumsum(a, axis=0) (a.cumsum() of a 2-D array
    // is of its elements in order).
    SourceRange r = m->range;
    ExprPtr base = std::move(m->base);
    c.callee =
        std::make_unique<NameExpr>(r, std::string(kNumpyLibraryPrefix) + name);
    c.args.insert(c.args.begin(), std::move(base));
  }
}

} // namespace parser
} // namespace weft
