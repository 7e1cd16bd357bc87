//===- FormatSpec.h - Python's format specification ------------*- C++ -*-===//
//
// [[fill]align][sign][#][0][width][,|_][.precision][type], parsed: the
// compiler checks an f-string's or format()'s spec with it, the runtime
// formats by it (FormatSpec.cpp).
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_RUNTIME_FORMATSPEC_H
#define WEFT_RUNTIME_FORMATSPEC_H

namespace weft {

struct FormatSpec {
  char fill = ' ', align = 0, sign = '-', type = 0;
  bool alternate = false;
  char grouping = 0;
  int width = 0, precision = -1;
};

/// Parses `text`; false if it is malformed (text left after the type, a
/// width or precision past 9999).
inline bool parseFormatSpec(const char *text, FormatSpec &s) {
  const char *p = text;
  auto isAlign = [](char c) {
    return c == '<' || c == '>' || c == '=' || c == '^';
  };
  if (p[0] && isAlign(p[1])) {
    s.fill = p[0];
    s.align = p[1];
    p += 2;
  } else if (isAlign(p[0])) {
    s.align = *p++;
  }
  if (*p == '+' || *p == '-' || *p == ' ')
    s.sign = *p++;
  if (*p == '#') {
    s.alternate = true;
    ++p;
  }
  if (*p == '0') {
    if (!s.align) {
      s.fill = '0';
      s.align = '=';
    }
    ++p;
  }
  while (*p >= '0' && *p <= '9' && s.width <= 9999)
    s.width = s.width * 10 + (*p++ - '0');
  if (*p == ',' || *p == '_')
    s.grouping = *p++;
  if (*p == '.') {
    ++p;
    s.precision = 0;
    while (*p >= '0' && *p <= '9' && s.precision <= 9999)
      s.precision = s.precision * 10 + (*p++ - '0');
  }
  if (*p)
    s.type = *p++;
  return *p == 0 && s.width <= 9999 && s.precision <= 9999;
}

} // namespace weft

#endif // WEFT_RUNTIME_FORMATSPEC_H
