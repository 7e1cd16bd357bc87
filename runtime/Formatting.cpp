//===- Formatting.cpp - Python float repr and NumPy array str ------------===//
//
// Text forms of values exactly as Python's print() and NumPy's str() write
// them: the shortest round-tripping float repr (of doubles, and of floats
// as NumPy's float32 scalars print), and arrays of rank 1 to 4 with NumPy's
// default print options (precision 8 in "maxprec" mode, line width 75,
// "..." summary above 1000 elements with 3 edge items on every axis). The
// layout follows _formatArray and FloatingFormat in numpy/core/arrayprint.py.
//
//===----------------------------------------------------------------------===//
#include "runtime/NpyIO.h"
#include "runtime/RuntimeABI.h"
#include "runtime/Utf8.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

namespace weft {
namespace rt {

namespace {

/// Splits printf's "%e" text ("d.ddde+XX" or "de-XX") into its digits,
/// without trailing zeros, and the decimal exponent of the first digit.
void parseScientific(const char *buf, std::string &digits, int &exp) {
  const char *e = std::strchr(buf, 'e');
  digits.clear();
  for (const char *p = buf; p < e; ++p)
    if (*p >= '0' && *p <= '9')
      digits.push_back(*p);
  exp = std::atoi(e + 1);
  while (digits.size() > 1 && digits.back() == '0')
    digits.pop_back();
}

/// Shortest decimal digits that round-trip `v` (finite, > 0) in its own
/// type (float when `f32`, so the digits are float32's shortest), as
/// `digits` (no leading zeros, no point) and the decimal exponent of the
/// first digit: v = d1.d2d3... * 10^exp. std::to_chars gives Python's
/// repr digits: the fewest that read back, the nearest of those.
void shortestDigits(double v, bool f32, std::string &digits, int &exp) {
  char buf[64];
  std::to_chars_result r =
      f32 ? std::to_chars(buf, buf + sizeof buf - 1, static_cast<float>(v),
                          std::chars_format::scientific)
          : std::to_chars(buf, buf + sizeof buf - 1, v,
                          std::chars_format::scientific);
  *r.ptr = '\0';
  parseScientific(buf, digits, exp);
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

/// Python's repr text of a float of sign `negative` and shortest digits
/// d1.d2d3... * 10^exp: scientific ("1e+16", "1.5e-05") when `scientific`,
/// else positional with at least one digit after the point ("2.0").
std::string reprText(bool negative, const std::string &digits, int exp,
                     bool scientific) {
  std::string sign = negative ? "-" : "";
  if (!scientific) {
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

const char *nonFiniteText(double v) {
  if (std::isnan(v))
    return "nan";
  return v < 0 ? "-inf" : "inf";
}

//--- NumPy's float formatting (FloatingFormat in numpy/core/arrayprint.py).

/// dragon4_positional(x, precision=8, unique=True, fractional=True,
/// trim='.') without sign. With `minDigits0` (min_digits=0, as arrays are
/// printed) digits are not cut before the point: float32 45267568 gives
/// "45267568." where its shortest digits give "45267570.".
std::string numpyPositional(double a, bool f32, bool minDigits0) {
  if (a == 0)
    return "0.";
  std::string digits;
  int exp;
  shortestDigits(a, f32, digits, exp);
  int fracDigits = static_cast<int>(digits.size()) - 1 - exp;
  if (minDigits0 && fracDigits <= 0) {
    // An integer then (below 2^24 a float32 with integral shortest digits
    // is that integer; above, every float32 is one).
    char buf[400];
    std::snprintf(buf, sizeof buf, "%.0f.", a);
    return buf;
  }
  if (fracDigits <= 8)
    return positional(digits, exp);
  // Dragon4 stops at the cutoff and rounds the exact binary value there,
  // as printf does.
  char buf[400];
  std::snprintf(buf, sizeof buf, "%.8f", a);
  std::string s = buf;
  while (s.back() == '0')
    s.pop_back();
  return s; // ends with '.' at worst
}

/// dragon4_scientific(x, precision=8, unique=True, trim='.') split into
/// mantissa ("1.5", "1.") and exponent value.
void numpyScientific(double a, bool f32, std::string &mantissa, int &exp) {
  if (a == 0) {
    mantissa = "0.";
    exp = 0;
    return;
  }
  std::string digits;
  shortestDigits(a, f32, digits, exp);
  if (digits.size() > 9) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.8e", a);
    parseScientific(buf, digits, exp);
  }
  mantissa = digits.substr(0, 1) + "." + digits.substr(1);
}

/// The format NumPy picks for a float array from the elements it shows.
class FloatFormat {
public:
  /// `plusSign`: every value has a sign (NumPy's sign='+', the imaginary
  /// parts of complex numbers).
  FloatFormat(const std::vector<double> &vals, bool f32, bool plusSign = false);
  std::string operator()(double x) const;

private:
  size_t signWidth(double x) const { return plusSign || std::signbit(x); }

  bool f32;
  bool plusSign;
  bool expFormat = false;
  size_t padLeft = 0, padRight = 0;
  size_t precision = 0, expSize = 0; // scientific notation only
};

FloatFormat::FloatFormat(const std::vector<double> &vals, bool f32,
                         bool plusSign)
    : f32(f32), plusSign(plusSign) {
  // Positional or scientific, from the non-zero finite magnitudes. A
  // float32 array takes the max / min ratio in float32.
  double maxVal = 0, minVal = INFINITY;
  bool anyNonZero = false, anyFinite = false, anyNonFinite = false,
       anyNegInf = false;
  for (double x : vals) {
    if (!std::isfinite(x)) {
      anyNonFinite = true;
      anyNegInf |= std::isinf(x) && x < 0;
      continue;
    }
    anyFinite = true;
    if (x == 0)
      continue;
    anyNonZero = true;
    maxVal = std::max(maxVal, std::fabs(x));
    minVal = std::min(minVal, std::fabs(x));
  }
  if (anyNonZero) {
    double ratio = f32 ? static_cast<double>(static_cast<float>(maxVal) /
                                             static_cast<float>(minVal))
                       : maxVal / minVal;
    expFormat = maxVal >= 1e8 || minVal < 0.0001 || ratio > 1000.0;
  }

  // A first pass over the finite values sizes the padding.
  for (double x : vals) {
    if (!std::isfinite(x))
      continue;
    if (expFormat) {
      std::string m;
      int e;
      numpyScientific(std::fabs(x), f32, m, e);
      size_t dot = m.find('.') + signWidth(x);
      precision = std::max(precision, m.size() - m.find('.') - 1);
      padLeft = std::max(padLeft, dot);
      expSize = std::max<size_t>(expSize, std::abs(e) >= 100 ? 3 : 2);
    } else {
      std::string s = numpyPositional(std::fabs(x), f32, false);
      size_t dot = s.find('.');
      padLeft = std::max(padLeft, dot + signWidth(x));
      padRight = std::max(padRight, s.size() - dot - 1);
    }
  }
  if (expFormat)
    padRight = expSize + 2 + precision;
  if (!anyFinite)
    padLeft = padRight = 0;
  if (anyNonFinite) {
    size_t offset = padRight + 1; // +1 for the point
    size_t infLen = anyNegInf || plusSign ? 4 : 3;
    size_t nanNeed = 3 > offset ? 3 - offset : 0;
    size_t infNeed = infLen > offset ? infLen - offset : 0;
    padLeft = std::max({padLeft, nanNeed, infNeed});
  }
}

std::string FloatFormat::operator()(double x) const {
  if (!std::isfinite(x)) {
    std::string r = nonFiniteText(x);
    if (plusSign && r[0] != '-')
      r = "+" + r;
    size_t width = padLeft + padRight + 1;
    return std::string(width > r.size() ? width - r.size() : 0, ' ') + r;
  }
  const std::string sign = std::signbit(x) ? "-" : plusSign ? "+" : "";
  if (expFormat) {
    // With min_digits = precision, Dragon4 goes on past the shortest
    // digits with those of the exact binary value and rounds the last one,
    // as printf does: float32 1e-5 prints as 9.9999997e-06 next to 1.5e-7.
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*e", static_cast<int>(precision),
                  std::fabs(x));
    const char *e = std::strchr(buf, 'e');
    std::string m = sign + std::string(buf, static_cast<size_t>(e - buf));
    if (precision == 0)
      m += ".";
    size_t dot = m.find('.');
    return std::string(padLeft > dot ? padLeft - dot : 0, ' ') + m + "e" +
           exponentText(std::atoi(e + 1), static_cast<int>(expSize));
  }
  std::string s = sign + numpyPositional(std::fabs(x), f32, true);
  size_t dot = s.find('.');
  size_t frac = s.size() - dot - 1;
  return std::string(padLeft > dot ? padLeft - dot : 0, ' ') + s +
         std::string(padRight > frac ? padRight - frac : 0, ' ');
}

//--- N-dimensional layout (_formatArray in numpy/core/arrayprint.py).

constexpr int64_t kThreshold = 1000; // summarise above this many elements
constexpr int64_t kEdgeItems = 3;
constexpr size_t kLineWidth = 75;

size_t elementBytes(int32_t kind) {
  return static_cast<size_t>(weft_dtype_bytes(kind));
}

/// An array to print: its element kind, shape and strides in elements.
class ArrayPrinter {
public:
  ArrayPrinter(int32_t kind, int64_t rank, const int64_t *sizes,
               const int64_t *strides, const void *data)
      : kind(kind), rank(rank), sizes(sizes), strides(strides),
        data(static_cast<const char *>(data)) {}

  /// NumPy's str(), or (repr) the list array_repr() puts in "array(...)":
  /// items separated by ", ", rows by ",", continuation lines indented
  /// past "array(".
  std::string print(bool repr = false);

private:
  const char *at(int64_t offset) const {
    return data + offset * static_cast<int64_t>(elementBytes(kind));
  }
  double loadFloat(int64_t offset) const;
  int64_t loadInt(int64_t offset) const;
  /// The decimal text of an integer element (a u64 as unsigned).
  std::string intText(int64_t offset) const {
    if (kind == WEFT_U64)
      return std::to_string(static_cast<uint64_t>(loadInt(offset)));
    return std::to_string(loadInt(offset));
  }
  /// A complex element's real (part 0) or imaginary (part 1) part.
  double loadPart(int64_t offset, int part) const {
    if (kind == WEFT_C64) {
      float f;
      std::memcpy(&f, at(offset) + part * sizeof f, sizeof f);
      return f;
    }
    double d;
    std::memcpy(&d, at(offset) + part * sizeof d, sizeof d);
    return d;
  }
  /// Whether axis `axis` shows only its 3 leading and 3 trailing items.
  bool axisSummarized(int64_t axis) const {
    return summarized && sizes[axis] > 2 * kEdgeItems;
  }
  /// The indices axis `axis` shows, in order.
  std::vector<int64_t> shownIndices(int64_t axis) const;
  void collectShown(int64_t axis, int64_t offset,
                    std::vector<int64_t> &offsets) const;
  std::string word(int64_t offset) const;
  std::string recurse(int64_t axis, int64_t offset,
                      const std::string &hangingIndent, size_t width) const;

  int32_t kind;
  int64_t rank;
  const int64_t *sizes;
  const int64_t *strides;
  const char *data;
  /// The items' separator: " " (str) or ", " (repr).
  std::string separator = " ";
  bool summarized = false;
  std::unique_ptr<FloatFormat> floatFormat;
  // complex128: the real parts' format and the imaginary parts' (signed).
  std::unique_ptr<FloatFormat> realFormat, imagFormat;
  size_t intWidth = 0;
};

double ArrayPrinter::loadFloat(int64_t offset) const {
  if (kind == WEFT_F32) {
    float f;
    std::memcpy(&f, at(offset), sizeof f);
    return f;
  }
  double d;
  std::memcpy(&d, at(offset), sizeof d);
  return d;
}

/// The element of type T at `p` (any alignment).
template <typename T> int64_t loadAs(const char *p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return static_cast<int64_t>(v);
}

int64_t ArrayPrinter::loadInt(int64_t offset) const {
  const char *p = at(offset);
  switch (kind) {
  case WEFT_BOOL:
  case WEFT_I8:
    return loadAs<int8_t>(p);
  case WEFT_U8:
    return loadAs<uint8_t>(p);
  case WEFT_I16:
    return loadAs<int16_t>(p);
  case WEFT_U16:
    return loadAs<uint16_t>(p);
  case WEFT_I32:
    return loadAs<int32_t>(p);
  case WEFT_U32:
    return loadAs<uint32_t>(p);
  default:
    return loadAs<int64_t>(p);
  }
}

std::vector<int64_t> ArrayPrinter::shownIndices(int64_t axis) const {
  std::vector<int64_t> indices;
  int64_t n = sizes[axis];
  if (axisSummarized(axis)) {
    for (int64_t i = 0; i < kEdgeItems; ++i)
      indices.push_back(i);
    for (int64_t i = n - kEdgeItems; i < n; ++i)
      indices.push_back(i);
  } else {
    for (int64_t i = 0; i < n; ++i)
      indices.push_back(i);
  }
  return indices;
}

void ArrayPrinter::collectShown(int64_t axis, int64_t offset,
                                std::vector<int64_t> &offsets) const {
  if (axis == rank) {
    offsets.push_back(offset);
    return;
  }
  for (int64_t i : shownIndices(axis))
    collectShown(axis + 1, offset + i * strides[axis], offsets);
}

std::string ArrayPrinter::word(int64_t offset) const {
  if (realFormat) {
    // NumPy's ComplexFloatingFormat: "j" before the imaginary part's
    // trailing padding.
    std::string im = (*imagFormat)(loadPart(offset, 1));
    size_t end = im.find_last_not_of(' ') + 1;
    return (*realFormat)(loadPart(offset, 0)) + im.substr(0, end) + "j" +
           im.substr(end);
  }
  if (floatFormat)
    return (*floatFormat)(loadFloat(offset));
  if (kind == WEFT_BOOL) // NumPy pads True to the width of False
    return loadInt(offset) ? " True" : "False";
  std::string s = intText(offset);
  return std::string(intWidth - s.size(), ' ') + s;
}

/// Appends `word` to `line`, first moving to a new line (into `s`) when
/// it would pass `width` and that helps.
void extendLine(std::string &s, std::string &line, const std::string &word,
                size_t width, const std::string &nextLinePrefix) {
  if (line.size() + word.size() > width &&
      line.size() > nextLinePrefix.size()) {
    size_t end = line.find_last_not_of(' ');
    s += line.substr(0, end == std::string::npos ? 0 : end + 1) + "\n";
    line = nextLinePrefix;
  }
  line += word;
}

std::string ArrayPrinter::recurse(int64_t axis, int64_t offset,
                                  const std::string &hangingIndent,
                                  size_t width) const {
  const int64_t axesLeft = rank - axis;
  const bool summary = axisSummarized(axis);
  const std::vector<int64_t> indices = shownIndices(axis);
  const size_t n = indices.size();
  std::string s;
  if (axesLeft == 1) {
    // The last axis: words wrapped with the hanging indent.
    const size_t elemWidth = width - 1; // room for "]"
    std::string line = hangingIndent;
    for (size_t k = 0; k < n; ++k) {
      if (summary && k == kEdgeItems) {
        extendLine(s, line, "...", elemWidth, hangingIndent);
        line += separator;
      }
      extendLine(s, line, word(offset + indices[k] * strides[axis]), elemWidth,
                 hangingIndent);
      if (k + 1 < n)
        line += separator;
    }
    s += line;
  } else {
    // Outer axes: one sub-array per line, with axesLeft - 1 newlines
    // between them (blank lines between the 2-D blocks of a 3-D array).
    const std::string lineSep =
        (separator == " " ? "" : ",") +
        std::string(static_cast<size_t>(axesLeft - 1), '\n');
    const std::string nextIndent = hangingIndent + " ";
    for (size_t k = 0; k < n; ++k) {
      if (summary && k == kEdgeItems)
        s += hangingIndent + "..." + lineSep;
      s +=
          hangingIndent + recurse(axis + 1, offset + indices[k] * strides[axis],
                                  nextIndent, width - 1);
      if (k + 1 < n)
        s += lineSep;
    }
  }
  return "[" + s.substr(hangingIndent.size()) + "]";
}

std::string ArrayPrinter::print(bool repr) {
  if (repr)
    separator = ", ";
  if (rank == 0) { // a 0-d array prints as its scalar
    if (kind == WEFT_F32)
      return formatFloat32(static_cast<float>(loadFloat(0)));
    if (kind == WEFT_F64)
      return formatFloat(loadFloat(0));
    if (kind == WEFT_BOOL)
      return loadInt(0) ? "True" : "False";
    if (kind == WEFT_C128 || kind == WEFT_C64)
      return formatComplex(loadPart(0, 0), loadPart(0, 1), kind == WEFT_C64);
    return intText(0);
  }
  int64_t total = 1;
  for (int64_t k = 0; k < rank; ++k) {
    if (sizes[k] == 0)
      return "[]"; // NumPy prints any empty array so
    total *= sizes[k];
  }
  summarized = total > kThreshold;

  // The format is chosen over the elements shown only.
  std::vector<int64_t> shown;
  collectShown(0, 0, shown);
  if (kind == WEFT_F32 || kind == WEFT_F64) {
    std::vector<double> vals;
    vals.reserve(shown.size());
    for (int64_t off : shown)
      vals.push_back(loadFloat(off));
    floatFormat = std::make_unique<FloatFormat>(vals, kind == WEFT_F32);
  } else if (kind == WEFT_C128 || kind == WEFT_C64) {
    std::vector<double> re, im;
    for (int64_t off : shown) {
      re.push_back(loadPart(off, 0));
      im.push_back(loadPart(off, 1));
    }
    realFormat = std::make_unique<FloatFormat>(re, kind == WEFT_C64);
    imagFormat = std::make_unique<FloatFormat>(im, kind == WEFT_C64, true);
  } else if (kind != WEFT_BOOL) {
    for (int64_t off : shown)
      intWidth = std::max(intWidth, intText(off).size());
  }
  // (repr: past "array(", and a column kept for the ")" or ",")
  return repr ? recurse(0, 0, std::string(7, ' '), kLineWidth - 1)
              : recurse(0, 0, " ", kLineWidth);
}

} // namespace

std::string formatFloat(double v) {
  if (!std::isfinite(v))
    return nonFiniteText(v);
  double a = std::fabs(v);
  if (a == 0)
    return std::signbit(v) ? "-0.0" : "0.0";
  std::string digits;
  int exp;
  shortestDigits(a, /*f32=*/false, digits, exp);
  return reprText(std::signbit(v), digits, exp, !(exp >= -4 && exp < 16));
}

std::string formatComplex(double re, double im, bool f32) {
  // repr's digits without a trailing ".0" (CPython's format code 'r').
  auto part = [&](double v) {
    std::string s = f32 ? formatFloat32(static_cast<float>(v)) : formatFloat(v);
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0)
      s.resize(s.size() - 2);
    return s;
  };
  std::string i = part(im);
  if (re == 0 && !std::signbit(re))
    return i + "j";
  return "(" + part(re) + (i[0] == '-' ? "" : "+") + i + "j)";
}

std::string formatFloat32(float v) {
  if (!std::isfinite(v))
    return nonFiniteText(v);
  double a = std::fabs(static_cast<double>(v));
  if (a == 0)
    return std::signbit(v) ? "-0.0" : "0.0";
  std::string digits;
  int exp;
  shortestDigits(a, /*f32=*/true, digits, exp);
  // NumPy compares the value itself, not its digits, with 1e-4 and 1e16.
  return reprText(std::signbit(v), digits, exp, !(a >= 1e-4 && a < 1e16));
}

std::string formatArray(int32_t elemKind, int64_t rank, const int64_t *sizes,
                        const int64_t *strides, const void *data) {
  return ArrayPrinter(elemKind, rank, sizes, strides, data).print();
}

std::string formatArrayRepr(int32_t elemKind, int64_t rank,
                            const int64_t *sizes, const int64_t *strides,
                            const void *data) {
  // numpy.core.arrayprint's _array_repr_implementation, default options.
  bool empty = false;
  for (int64_t k = 0; k < rank; ++k)
    empty |= sizes[k] == 0;
  std::string list;
  if (!empty) {
    list = ArrayPrinter(elemKind, rank, sizes, strides, data).print(true);
  } else if (rank == 1) {
    list = "[]";
  } else {
    list = "[], shape=(";
    for (int64_t k = 0; k < rank; ++k)
      list += (k ? ", " : "") + std::to_string(sizes[k]);
    list += ")";
  }
  bool typeless = !empty && (elemKind == WEFT_F64 || elemKind == WEFT_I64 ||
                             elemKind == WEFT_BOOL || elemKind == WEFT_C128);
  std::string text = "array(" + list + (typeless ? ")" : ",");
  if (typeless)
    return text;
  std::string dtype = std::string("dtype=") + npyTypeName(elemKind) + ")";
  size_t lastLine = text.size() - (text.rfind('\n') + 1); // (npos + 1 is 0)
  return text + (lastLine + dtype.size() + 1 > kLineWidth ? "\n      " : " ") +
         dtype;
}

std::string formatMemRef(int32_t elemKind, int64_t rank, const void *descriptor,
                         bool repr) {
  // { T *allocated; T *aligned; int64_t offset; int64_t sizes[rank];
  //   int64_t strides[rank]; }
  const char *d = static_cast<const char *>(descriptor);
  const char *aligned;
  int64_t offset;
  std::memcpy(&aligned, d + sizeof(void *), sizeof aligned);
  std::memcpy(&offset, d + 2 * sizeof(void *), sizeof offset);
  std::vector<int64_t> shape(2 * static_cast<size_t>(rank) + 1);
  std::memcpy(shape.data(), d + 2 * sizeof(void *) + sizeof(int64_t),
              2 * static_cast<size_t>(rank) * sizeof(int64_t));
  const char *data =
      aligned + offset * static_cast<int64_t>(elementBytes(elemKind));
  return repr ? formatArrayRepr(elemKind, rank, shape.data(),
                                shape.data() + rank, data)
              : formatArray(elemKind, rank, shape.data(), shape.data() + rank,
                            data);
}

namespace {
/// A 1-D memref descriptor: { T *allocated; T *aligned; int64_t offset,
/// size, stride; }.
struct ListView {
  const char *aligned;
  int64_t offset, size, stride;
  explicit ListView(const void *descriptor) {
    const char *d = static_cast<const char *>(descriptor);
    int64_t meta[3];
    std::memcpy(&aligned, d + sizeof(void *), sizeof aligned);
    std::memcpy(meta, d + 2 * sizeof(void *), sizeof meta);
    offset = meta[0];
    size = meta[1];
    stride = meta[2];
  }
  /// Element i as Python prints the scalar (a 0-d array's text).
  std::string element(int32_t elemKind, int64_t i) const {
    int64_t bytes = static_cast<int64_t>(elementBytes(elemKind));
    return formatArray(elemKind, 0, nullptr, nullptr,
                       aligned + (offset + i * stride) * bytes);
  }
};
} // namespace

std::string formatList(int32_t elemKind, const void *descriptor) {
  ListView list(descriptor);
  std::string s = "[";
  for (int64_t i = 0; i < list.size; ++i) {
    if (i)
      s += ", ";
    s += list.element(elemKind, i);
  }
  return s + "]";
}

std::string formatText(const void *descriptor, bool quoted) {
  ListView text(descriptor);
  auto at = [&](int64_t i) {
    uint32_t c;
    std::memcpy(&c, text.aligned + (text.offset + i * text.stride) * 4, 4);
    return c;
  };
  // repr(): in single quotes unless the text has one and no double quote.
  char quote = '\'';
  if (quoted) {
    bool single = false, dbl = false;
    for (int64_t i = 0; i < text.size; ++i) {
      single |= at(i) == '\'';
      dbl |= at(i) == '"';
    }
    quote = single && !dbl ? '"' : '\'';
  }
  std::string s = quoted ? std::string(1, quote) : "";
  for (int64_t i = 0; i < text.size; ++i) {
    uint32_t c = at(i);
    if (quoted && (c == '\\' || c == uint32_t(quote))) {
      s += '\\';
      s += static_cast<char>(c);
      continue;
    }
    if (quoted && (c < 0x20 || c == 0x7F)) {
      static const char *hex = "0123456789abcdef";
      s += c == '\n'   ? "\\n"
           : c == '\t' ? "\\t"
           : c == '\r' ? "\\r"
                       : std::string("\\x") + hex[c >> 4] + hex[c & 15];
      continue;
    }
    // UTF-8; a lone surrogate or a number past U+10FFFF as U+FFFD.
    if ((c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
      c = 0xFFFD;
    appendUtf8(s, c);
  }
  return quoted ? s + quote : s;
}

std::string formatTupleList(const char *format, int32_t fields,
                            const int32_t *kinds,
                            const void *const *descriptors) {
  std::vector<ListView> lists;
  int64_t n = fields > 0 ? INT64_MAX : 0;
  for (int32_t f = 0; f < fields; ++f) {
    lists.emplace_back(descriptors[f]);
    n = std::min(n, lists.back().size);
  }
  std::string s = "[";
  for (int64_t i = 0; i < n; ++i) {
    if (i)
      s += ", ";
    int32_t f = 0;
    for (const char *c = format; *c; ++c) {
      if (c[0] == '{' && c[1] == '}' && f < fields) {
        s += lists[f].element(kinds[f], i);
        ++f;
        ++c;
      } else {
        s += *c;
      }
    }
  }
  return s + "]";
}

std::string formatArrayF64(const double *data, int64_t size, int64_t stride) {
  return formatArray(WEFT_F64, 1, &size, &stride, data);
}

std::string formatArrayI64(const int64_t *data, int64_t size, int64_t stride) {
  return formatArray(WEFT_I64, 1, &size, &stride, data);
}

std::string formatArrayBool(const int8_t *data, int64_t size, int64_t stride) {
  return formatArray(WEFT_BOOL, 1, &size, &stride, data);
}

} // namespace rt
} // namespace weft
