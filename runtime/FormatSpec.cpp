//===- FormatSpec.cpp - Python's format() of numbers ----------------------===//
//
// str(x), format(x, spec) and f"{x:spec}" of a bool, an int or a float:
// Python's format specification mini-language ([[fill]align][sign][#][0]
// [width][,|_][.precision][type]) with the types b, d, n, o, x, X, e, E,
// f, F, g, G, % and none; an empty spec is str(x). The text is written as
// code points into the buffer of a new str.
//
//===----------------------------------------------------------------------===//
#include "runtime/FormatSpec.h"
#include "runtime/RuntimeABI.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

namespace {

/// Separators every `every` digits of the leading digit run of `body`.
std::string grouped(const std::string &body, char sep, int every) {
  size_t end = 0;
  while (end < body.size() &&
         std::isalnum(static_cast<unsigned char>(body[end])) &&
         body[end] != 'e' && body[end] != 'E')
    ++end;
  std::string digits = body.substr(0, end), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % every == 0)
      out += sep;
    out += digits[i];
  }
  return out + body.substr(end);
}

std::string formatInt(int64_t v, const weft::FormatSpec &s) {
  bool negative = v < 0;
  uint64_t u = negative ? 0 - static_cast<uint64_t>(v) : v;
  int base = s.type == 'b'                    ? 2
             : s.type == 'o'                  ? 8
             : s.type == 'x' || s.type == 'X' ? 16
                                              : 10;
  const char *digits = s.type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string body;
  do {
    body.insert(body.begin(), digits[u % base]);
    u /= base;
  } while (u);
  if (s.grouping)
    body = grouped(body, s.grouping, base == 10 ? 3 : 4);
  std::string prefix = negative        ? "-"
                       : s.sign == '+' ? "+"
                       : s.sign == ' ' ? " "
                                       : "";
  if (s.alternate && base != 10)
    prefix += s.type == 'b'   ? "0b"
              : s.type == 'o' ? "0o"
              : s.type == 'X' ? "0X"
                              : "0x";
  return prefix + '\x01' + body;
}

std::string formatFloatSpec(double v, const weft::FormatSpec &s) {
  bool negative = std::signbit(v);
  double a = std::fabs(v);
  char type = s.type;
  bool upper = type == 'E' || type == 'F' || type == 'G';
  std::string body;
  if (std::isnan(a) || std::isinf(a)) {
    body = std::isnan(a) ? "nan" : "inf";
    if (upper)
      for (char &c : body)
        c = static_cast<char>(std::toupper(c));
    if (type == '%')
      body += '%';
  } else if (!type && s.precision < 0) {
    body = weft::rt::formatFloat(a); // repr
  } else {
    char buf[512];
    int p = s.precision < 0 ? 6 : s.precision;
    const char *alt = s.alternate ? "#" : "";
    std::string fmt;
    double x = type == '%' ? a * 100 : a;
    if (!type) {
      // Like 'g', but fixed-point keeps a digit past the point.
      p = p == 0 ? 1 : p;
      std::snprintf(buf, sizeof buf, "%.*e", p - 1, x);
      int exp = std::atoi(std::strchr(buf, 'e') + 1);
      if (exp >= -4 && exp < p - 1) {
        std::snprintf(buf, sizeof buf, "%#.*f", p - 1 - exp, x);
        std::string t = buf;
        if (!s.alternate) {
          while (t.back() == '0')
            t.pop_back();
          if (t.back() == '.')
            t += '0';
        }
        body = t;
      } else {
        // Scientific, the mantissa's trailing zeros dropped (not with #).
        std::snprintf(buf, sizeof buf, s.alternate ? "%#.*e" : "%.*e", p - 1,
                      x);
        std::string t = buf;
        size_t e = t.find('e');
        std::string mantissa = t.substr(0, e);
        if (!s.alternate && mantissa.find('.') != std::string::npos) {
          while (mantissa.back() == '0')
            mantissa.pop_back();
          if (mantissa.back() == '.')
            mantissa.pop_back();
        }
        body = mantissa + t.substr(e);
      }
    } else {
      char conv = type == '%' ? 'f' : type == 'n' ? 'g' : type;
      fmt = std::string("%") + alt + ".*" + conv;
      std::snprintf(buf, sizeof buf, fmt.c_str(), p, x);
      body = buf;
      if (type == '%')
        body += '%';
    }
  }
  if (s.grouping)
    body = grouped(body, s.grouping, 3);
  std::string prefix = negative        ? "-"
                       : s.sign == '+' ? "+"
                       : s.sign == ' ' ? " "
                                       : "";
  return prefix + '\x01' + body;
}

/// Pads "sign\x01digits" to the spec's width and alignment.
std::string padded(const std::string &marked, const weft::FormatSpec &s,
                   char defaultAlign) {
  size_t cut = marked.find('\x01');
  std::string sign = marked.substr(0, cut), body = marked.substr(cut + 1);
  int len = static_cast<int>(sign.size() + body.size());
  int pad = s.width > len ? s.width - len : 0;
  char align = s.align ? s.align : defaultAlign;
  std::string fill(static_cast<size_t>(pad), s.fill);
  switch (align) {
  case '<':
    return sign + body + fill;
  case '^':
    return std::string(static_cast<size_t>(pad / 2), s.fill) + sign + body +
           std::string(static_cast<size_t>(pad - pad / 2), s.fill);
  case '=':
    return sign + fill + body;
  default:
    return fill + sign + body;
  }
}

} // namespace

int64_t weft_rt_format_number(int32_t kind, double f, int64_t i,
                              const char *spec, void *descriptor) {
  weft::FormatSpec s;
  std::string text;
  if (!weft::parseFormatSpec(spec, s)) {
    text = "?";
  } else if (kind == 0 && !*spec) {
    text = i ? "True" : "False";
  } else if (kind != 2 && (!s.type || std::strchr("bdnoxX", s.type))) {
    text = padded(formatInt(i, s), s, '>');
  } else {
    text = padded(formatFloatSpec(kind == 2 ? f : static_cast<double>(i), s), s,
                  '>');
  }
  // The descriptor of a fresh 1-D u32 buffer long enough (the compiler
  // sizes it from the spec's width).
  const char *d = static_cast<const char *>(descriptor);
  char *aligned;
  int64_t meta[2];
  std::memcpy(&aligned, d + sizeof(void *), sizeof aligned);
  std::memcpy(meta, d + 2 * sizeof(void *), sizeof meta);
  int64_t n = std::min<int64_t>(static_cast<int64_t>(text.size()), meta[1]);
  auto *out = reinterpret_cast<uint32_t *>(aligned) + meta[0];
  for (int64_t k = 0; k < n; ++k)
    out[k] = static_cast<unsigned char>(text[static_cast<size_t>(k)]);
  return n;
}
