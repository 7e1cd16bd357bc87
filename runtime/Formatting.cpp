//===- Formatting.cpp - Python float repr and NumPy array str ------------===//
//
// Text forms of values exactly as Python's print() and NumPy's str() write
// them: the shortest round-tripping float repr, and 1-D arrays with
// NumPy's default print options (precision 8 in "maxprec" mode, line
// width 75, "..." summary above 1000 elements with 3 edge items).
//
//===----------------------------------------------------------------------===//
#include "runtime/RuntimeABI.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace weft {
namespace rt {

namespace {

/// Shortest decimal digits that round-trip `v` (finite, > 0), as
/// `digits` (no leading zeros, no point) and the decimal exponent of the
/// first digit: v = 0.d1d2d3... * 10^(exp + 1), i.e. d1.d2d3... * 10^exp.
void shortestDigits(double v, std::string &digits, int &exp) {
  char buf[64];
  for (int prec = 1; prec <= 17; ++prec) {
    std::snprintf(buf, sizeof buf, "%.*e", prec - 1, v);
    if (std::strtod(buf, nullptr) == v)
      break;
  }
  // buf is "d.ddde[+-]XX" or "de[+-]XX".
  const char *e = std::strchr(buf, 'e');
  digits.clear();
  for (const char *p = buf; p < e; ++p)
    if (*p >= '0' && *p <= '9')
      digits.push_back(*p);
  exp = std::atoi(e + 1);
  while (digits.size() > 1 && digits.back() == '0')
    digits.pop_back();
}

/// Positional form of d1.d2d3...*10^exp: "123.45", "0.001", "100." (the
/// point always present, no trailing zeros after it).
std::string positional(const std::string &digits, int exp) {
  std::string out;
  if (exp < 0) {
    out = "0.";
    out.append(static_cast<size_t>(-exp - 1), '0');
    out += digits;
    return out;
  }
  size_t intLen = static_cast<size_t>(exp) + 1;
  if (digits.size() <= intLen) {
    out = digits;
    out.append(intLen - digits.size(), '0');
    out += ".";
  } else {
    out = digits.substr(0, intLen) + "." + digits.substr(intLen);
  }
  return out;
}

std::string exponentText(int exp, int minDigits) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%c%0*d", exp < 0 ? '-' : '+', minDigits,
                exp < 0 ? -exp : exp);
  return buf;
}

//--- NumPy's float formatting (FloatingFormat in numpy/_core/arrayprint.py).

/// dragon4_positional(x, precision=8, unique=True, trim='.') without sign.
std::string numpyPositional(double a) {
  if (a == 0)
    return "0.";
  std::string digits;
  int exp;
  shortestDigits(a, digits, exp);
  int fracDigits = static_cast<int>(digits.size()) - 1 - exp;
  if (fracDigits <= 8)
    return positional(digits, exp);
  char buf[400];
  std::snprintf(buf, sizeof buf, "%.8f", a);
  std::string s = buf;
  while (s.back() == '0')
    s.pop_back();
  return s; // ends with '.' at worst
}

/// dragon4_scientific(x, precision=8, unique=True, trim='.') split into
/// mantissa ("1.5", "1.") and exponent value.
void numpyScientific(double a, std::string &mantissa, int &exp) {
  if (a == 0) {
    mantissa = "0.";
    exp = 0;
    return;
  }
  std::string digits;
  shortestDigits(a, digits, exp);
  if (digits.size() > 9) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.8e", a);
    const char *e = std::strchr(buf, 'e');
    digits.clear();
    for (const char *p = buf; p < e; ++p)
      if (*p >= '0' && *p <= '9')
        digits.push_back(*p);
    exp = std::atoi(e + 1);
    while (digits.size() > 1 && digits.back() == '0')
      digits.pop_back();
  }
  mantissa = digits.substr(0, 1) + "." + digits.substr(1);
}

/// The elements NumPy shows: all, or 3 leading and 3 trailing ones.
struct Shown {
  std::vector<int64_t> indices;
  bool summarized = false;
};

Shown shownElements(int64_t size) {
  Shown s;
  if (size > 1000) {
    s.summarized = true;
    for (int64_t i = 0; i < 3; ++i)
      s.indices.push_back(i);
    for (int64_t i = size - 3; i < size; ++i)
      s.indices.push_back(i);
  } else {
    for (int64_t i = 0; i < size; ++i)
      s.indices.push_back(i);
  }
  return s;
}

/// NumPy's _formatArray for one axis: wraps words at width 75 with a
/// one-space hanging indent, "..." in the middle when summarised.
std::string layoutWords(const std::vector<std::string> &words,
                        bool summarized) {
  if (words.empty())
    return "[]";
  const size_t elemWidth = 74; // 75 minus len("]")
  const std::string indent = " ";
  std::string s, line = indent;
  auto extend = [&](const std::string &word) {
    bool wrap = line.size() + word.size() > elemWidth &&
                line.size() > indent.size();
    if (wrap) {
      size_t end = line.find_last_not_of(' ');
      s += line.substr(0, end == std::string::npos ? 0 : end + 1) + "\n";
      line = indent;
    }
    line += word;
  };
  size_t n = words.size();
  for (size_t i = 0; i < n; ++i) {
    if (summarized && i == 3) {
      extend("...");
      line += " ";
    }
    extend(words[i]);
    if (i + 1 < n)
      line += " ";
  }
  s += line;
  return "[" + s.substr(indent.size()) + "]";
}

} // namespace

std::string formatFloat(double v) {
  if (std::isnan(v))
    return "nan";
  if (std::isinf(v))
    return v < 0 ? "-inf" : "inf";
  std::string sign = std::signbit(v) ? "-" : "";
  double a = std::fabs(v);
  if (a == 0)
    return sign + "0.0";
  std::string digits;
  int exp;
  shortestDigits(a, digits, exp);
  if (exp >= -4 && exp < 16) {
    std::string s = positional(digits, exp);
    if (s.back() == '.')
      s += "0";
    return sign + s;
  }
  std::string mantissa = digits.substr(0, 1);
  if (digits.size() > 1)
    mantissa += "." + digits.substr(1);
  return sign + mantissa + "e" + exponentText(exp, 2);
}

std::string formatArrayF64(const double *data, int64_t size, int64_t stride) {
  Shown shown = shownElements(size);
  std::vector<double> vals;
  for (int64_t i : shown.indices)
    vals.push_back(data[i * stride]);

  // Decide between positional and scientific notation.
  double maxVal = 0, minVal = INFINITY;
  bool anyNonZero = false, anyNonFinite = false, anyNegInf = false;
  for (double x : vals) {
    if (!std::isfinite(x)) {
      anyNonFinite = true;
      anyNegInf |= std::isinf(x) && x < 0;
      continue;
    }
    if (x == 0)
      continue;
    anyNonZero = true;
    maxVal = std::max(maxVal, std::fabs(x));
    minVal = std::min(minVal, std::fabs(x));
  }
  bool expFormat = anyNonZero && (maxVal >= 1e8 || minVal < 0.0001 ||
                                  maxVal / minVal > 1000.0);

  std::vector<std::string> words;
  size_t padLeft = 0, padRight = 0;
  if (!expFormat) {
    std::vector<std::pair<std::string, std::string>> parts;
    for (double x : vals) {
      if (!std::isfinite(x)) {
        parts.emplace_back();
        continue;
      }
      std::string s = numpyPositional(std::fabs(x));
      if (std::signbit(x))
        s = "-" + s;
      size_t dot = s.find('.');
      parts.emplace_back(s.substr(0, dot), s.substr(dot + 1));
    }
    bool anyFinite = false;
    for (size_t i = 0; i < vals.size(); ++i) {
      if (!std::isfinite(vals[i]))
        continue;
      anyFinite = true;
      padLeft = std::max(padLeft, parts[i].first.size());
      padRight = std::max(padRight, parts[i].second.size());
    }
    if (!anyFinite)
      padLeft = padRight = 0;
    if (anyNonFinite) {
      size_t offset = padRight + 1;
      size_t nanNeed = 3 > offset ? 3 - offset : 0;
      size_t infLen = 3 + (anyNegInf ? 1 : 0);
      size_t infNeed = infLen > offset ? infLen - offset : 0;
      padLeft = std::max({padLeft, nanNeed, infNeed});
    }
    for (size_t i = 0; i < vals.size(); ++i) {
      double x = vals[i];
      std::string w;
      if (!std::isfinite(x)) {
        std::string r = std::isnan(x) ? "nan" : (x < 0 ? "-inf" : "inf");
        size_t width = padLeft + padRight + 1;
        w = std::string(width > r.size() ? width - r.size() : 0, ' ') + r;
      } else {
        const auto &[ip, fp] = parts[i];
        w = std::string(padLeft - ip.size(), ' ') + ip + "." + fp +
            std::string(padRight - fp.size(), ' ');
      }
      words.push_back(w);
    }
  } else {
    std::vector<std::string> mantissas(vals.size());
    std::vector<int> exps(vals.size(), 0);
    size_t precision = 0, expSize = 0;
    for (size_t i = 0; i < vals.size(); ++i) {
      if (!std::isfinite(vals[i]))
        continue;
      numpyScientific(std::fabs(vals[i]), mantissas[i], exps[i]);
      if (std::signbit(vals[i]))
        mantissas[i] = "-" + mantissas[i];
      size_t dot = mantissas[i].find('.');
      precision = std::max(precision, mantissas[i].size() - dot - 1);
      padLeft = std::max(padLeft, dot);
      int e = std::abs(exps[i]);
      size_t digits = e >= 100 ? 3 : 2;
      expSize = std::max(expSize, digits);
    }
    padRight = expSize + 2 + precision;
    if (anyNonFinite) {
      size_t offset = padRight + 1;
      size_t nanNeed = 3 > offset ? 3 - offset : 0;
      size_t infLen = 3 + (anyNegInf ? 1 : 0);
      size_t infNeed = infLen > offset ? infLen - offset : 0;
      padLeft = std::max({padLeft, nanNeed, infNeed});
    }
    for (size_t i = 0; i < vals.size(); ++i) {
      double x = vals[i];
      std::string w;
      if (!std::isfinite(x)) {
        std::string r = std::isnan(x) ? "nan" : (x < 0 ? "-inf" : "inf");
        size_t width = padLeft + padRight + 1;
        w = std::string(width > r.size() ? width - r.size() : 0, ' ') + r;
      } else {
        std::string m = mantissas[i];
        size_t dot = m.find('.');
        size_t frac = m.size() - dot - 1;
        m.append(precision - frac, '0');
        w = std::string(padLeft - dot, ' ') + m + "e" +
            exponentText(exps[i], static_cast<int>(expSize));
      }
      words.push_back(w);
    }
  }
  return layoutWords(words, shown.summarized);
}

std::string formatArrayI64(const int64_t *data, int64_t size,
                           int64_t stride) {
  Shown shown = shownElements(size);
  std::vector<std::string> words;
  size_t width = 0;
  for (int64_t i : shown.indices) {
    words.push_back(std::to_string(data[i * stride]));
    width = std::max(width, words.back().size());
  }
  for (std::string &w : words)
    w = std::string(width - w.size(), ' ') + w;
  return layoutWords(words, shown.summarized);
}

std::string formatArrayBool(const int8_t *data, int64_t size,
                            int64_t stride) {
  Shown shown = shownElements(size);
  std::vector<std::string> words;
  for (int64_t i : shown.indices) // NumPy pads True to the width of False
    words.push_back(data[i * stride] ? " True" : "False");
  return layoutWords(words, shown.summarized);
}

} // namespace rt
} // namespace weft
