//===- Types.cpp - Static types of Weft values ----------------------------===//
//
// Printing, comparison, promotion and unification of Weft types.
//
//===----------------------------------------------------------------------===//
#include "frontend/Types.h"

#include <algorithm>

namespace weft {

bool Type::isKnown() const {
  if (kind_ == Kind::Unknown)
    return false;
  for (const Type &e : elems_)
    if (!e.isKnown())
      return false;
  return true;
}

bool Type::operator==(const Type &o) const {
  if (kind_ != o.kind_)
    return false;
  switch (kind_) {
  case Kind::Scalar:
  case Kind::DType:
    return scalar_ == o.scalar_ && structured_ == o.structured_;
  case Kind::Array:
    return scalar_ == o.scalar_ && rank_ == o.rank_ &&
           listDepth_ == o.listDepth_ && str_ == o.str_ &&
           structured_ == o.structured_;
  case Kind::Tuple:
    return elems_ == o.elems_ && record_ == o.record_;
  case Kind::Optional:
  case Kind::TupleList:
    return elems_ == o.elems_;
  case Kind::Ragged:
    return scalar_ == o.scalar_ && arrayRows_ == o.arrayRows_ &&
           rowRank_ == o.rowRank_ && str_ == o.str_;
  default:
    return true;
  }
}

const char *scalarName(ScalarKind s) {
  switch (s) {
  case ScalarKind::Bool:
    return "bool";
  case ScalarKind::I32:
    return "i32";
  case ScalarKind::I64:
    return "i64";
  case ScalarKind::F32:
    return "f32";
  case ScalarKind::F64:
    return "f64";
  case ScalarKind::I8:
    return "i8";
  case ScalarKind::I16:
    return "i16";
  case ScalarKind::U8:
    return "u8";
  case ScalarKind::U16:
    return "u16";
  case ScalarKind::U32:
    return "u32";
  case ScalarKind::U64:
    return "u64";
  case ScalarKind::C128:
    return "complex";
  case ScalarKind::C64:
    return "complex64";
  }
  return "?";
}

const char *numpyName(ScalarKind s) {
  switch (s) {
  case ScalarKind::Bool:
    return "bool";
  case ScalarKind::I32:
    return "int32";
  case ScalarKind::I64:
    return "int64";
  case ScalarKind::F32:
    return "float32";
  case ScalarKind::F64:
    return "float64";
  case ScalarKind::I8:
    return "int8";
  case ScalarKind::I16:
    return "int16";
  case ScalarKind::U8:
    return "uint8";
  case ScalarKind::U16:
    return "uint16";
  case ScalarKind::U32:
    return "uint32";
  case ScalarKind::U64:
    return "uint64";
  case ScalarKind::C128:
    return "complex128";
  case ScalarKind::C64:
    return "complex64";
  }
  return "?";
}

bool parseScalarName(const std::string &name, ScalarKind &out) {
  static const std::pair<const char *, ScalarKind> names[] = {
      {"bool", ScalarKind::Bool},
      {"i32", ScalarKind::I32},
      {"i64", ScalarKind::I64},
      {"f32", ScalarKind::F32},
      {"f64", ScalarKind::F64},
      // NumPy's names (np.float64 is float64 once the prefix is gone).
      {"bool_", ScalarKind::Bool},
      {"bool8", ScalarKind::Bool},
      {"int32", ScalarKind::I32},
      {"int64", ScalarKind::I64},
      {"intp", ScalarKind::I64},
      {"int_", ScalarKind::I64},
      {"intc", ScalarKind::I32},
      {"float32", ScalarKind::F32},
      {"single", ScalarKind::F32},
      {"float64", ScalarKind::F64},
      {"float_", ScalarKind::F64},
      {"double", ScalarKind::F64},
      {"i8", ScalarKind::I8},
      {"i16", ScalarKind::I16},
      {"u8", ScalarKind::U8},
      {"u16", ScalarKind::U16},
      {"u32", ScalarKind::U32},
      {"int8", ScalarKind::I8},
      {"byte", ScalarKind::I8},
      {"int16", ScalarKind::I16},
      {"short", ScalarKind::I16},
      {"uint8", ScalarKind::U8},
      {"ubyte", ScalarKind::U8},
      {"uint16", ScalarKind::U16},
      {"ushort", ScalarKind::U16},
      {"uint32", ScalarKind::U32},
      {"uintc", ScalarKind::U32},
      {"u64", ScalarKind::U64},
      {"uint64", ScalarKind::U64},
      {"uint", ScalarKind::U64},
      {"uintp", ScalarKind::U64},
      {"ulonglong", ScalarKind::U64},
      {"c128", ScalarKind::C128},
      {"complex", ScalarKind::C128},
      // Python's types as NumPy reads them in dtype=.
      {"float", ScalarKind::F64},
      {"int", ScalarKind::I64},
      {"complex128", ScalarKind::C128},
      {"complex_", ScalarKind::C128},
      {"cdouble", ScalarKind::C128},
      {"c64", ScalarKind::C64},
      {"complex64", ScalarKind::C64},
      {"csingle", ScalarKind::C64},
      {"singlecomplex", ScalarKind::C64}};
  for (auto &n : names)
    if (name == n.first) {
      out = n.second;
      return true;
    }
  return false;
}

int bitWidth(ScalarKind s) {
  switch (s) {
  case ScalarKind::Bool:
    return 1;
  case ScalarKind::I8:
  case ScalarKind::U8:
    return 8;
  case ScalarKind::I16:
  case ScalarKind::U16:
    return 16;
  case ScalarKind::I32:
  case ScalarKind::U32:
  case ScalarKind::F32:
    return 32;
  case ScalarKind::C128:
    return 128;
  case ScalarKind::C64:
    return 64;
  default:
    return 64;
  }
}

std::string Type::str() const {
  switch (kind_) {
  case Kind::Unknown:
    return "<unknown>";
  case Kind::None:
    return "None";
  case Kind::Scalar:
    return scalarName(scalar_);
  case Kind::Array: {
    if (str_)
      return "str";
    if (!structured_.empty()) {
      // record(x: f32, y: f32 (8 bytes))[:]
      std::optional<StructuredLayout> layout =
          StructuredLayout::parse(structured_);
      std::string s = "record(" + (layout ? layout->str() : structured_) + ")";
      if (rank_ > 1) {
        s += "[";
        for (int i = 0; i + 1 < rank_; ++i)
          s += i ? ", :" : ":";
        s += "]";
      }
      return s;
    }
    if (listDepth_ > 0) {
      // list[f64], list[list[f64]], list[f64[:]]
      Type inner = array(scalar_, rank_ - 1).withListDepth(listDepth_ - 1);
      return "list[" +
             (rank_ == 1 ? std::string(scalarName(scalar_)) : inner.str()) +
             "]";
    }
    std::string s = std::string(scalarName(scalar_)) + "[";
    for (int i = 0; i < rank_; ++i)
      s += i ? ", :" : ":";
    return s + "]";
  }
  case Kind::Tuple: {
    std::string s = record_ + "(";
    for (size_t i = 0; i < elems_.size(); ++i)
      s += (i ? ", " : "") + elems_[i].str();
    return s + ")";
  }
  case Kind::Optional:
    return elems_[0].str() + " or None";
  case Kind::TupleList:
    return "list[" + tupleListElement().str() + "]";
  case Kind::Ragged:
    return arrayRows_ ? "list[" + raggedRow().str() + "]"
                      : std::string("list[list[") + scalarName(scalar_) + "]]";
  case Kind::DType:
    if (!structured_.empty())
      return "dtype(" + structured(structured_, 0).str() + ")";
    return std::string("dtype(") + scalarName(scalar_) + ")";
  }
  return "?";
}

int64_t StructuredField::bytes() const {
  int64_t n = kind == ScalarKind::Bool ? 1 : bitWidth(kind) / 8;
  for (int64_t d : shape)
    n *= d;
  return n;
}

const StructuredField *StructuredLayout::find(const std::string &name) const {
  for (const StructuredField &f : fields)
    if (f.name == name)
      return &f;
  return nullptr;
}

std::optional<StructuredLayout>
StructuredLayout::parse(const std::string &spec) {
  auto split = [](const std::string &s, char sep) {
    std::vector<std::string> parts;
    size_t start = 0;
    for (size_t at; (at = s.find(sep, start)) != std::string::npos;
         start = at + 1)
      parts.push_back(s.substr(start, at - start));
    parts.push_back(s.substr(start));
    return parts;
  };
  auto number = [](const std::string &s, int64_t &out) {
    if (s.empty() || s.size() > 12 ||
        s.find_first_not_of("0123456789") != std::string::npos)
      return false;
    out = std::stoll(s);
    return true;
  };
  std::vector<std::string> parts = split(spec, ';');
  StructuredLayout layout;
  if (parts.size() < 2 || !number(parts[0], layout.itemsize) ||
      layout.itemsize == 0)
    return std::nullopt;
  for (size_t i = 1; i < parts.size(); ++i) {
    std::vector<std::string> f = split(parts[i], ':');
    if (f.size() < 3 || f.size() > 4 || f[0].empty())
      return std::nullopt;
    StructuredField field;
    field.name = f[0];
    bool known = false;
    for (int k = 0; k <= static_cast<int>(ScalarKind::C64); ++k)
      if (f[1] == numpyName(static_cast<ScalarKind>(k))) {
        field.kind = static_cast<ScalarKind>(k);
        known = true;
      }
    if (!known || !number(f[2], field.offset))
      return std::nullopt;
    if (f.size() == 4)
      for (const std::string &d : split(f[3], 'x')) {
        int64_t n;
        if (!number(d, n))
          return std::nullopt;
        field.shape.push_back(n);
      }
    if (field.offset + field.bytes() > layout.itemsize ||
        layout.find(field.name))
      return std::nullopt;
    layout.fields.push_back(std::move(field));
  }
  return layout;
}

std::string StructuredLayout::str() const {
  std::string s;
  int64_t packed = 0;
  for (const StructuredField &f : fields) {
    s += (s.empty() ? "" : ", ") + f.name + ": " + scalarName(f.kind);
    if (!f.shape.empty()) {
      s += "[";
      for (size_t d = 0; d < f.shape.size(); ++d)
        s += (d ? ", " : "") + std::to_string(f.shape[d]);
      s += "]";
    }
    if (f.offset != packed)
      s += " at " + std::to_string(f.offset);
    packed = f.offset + f.bytes();
  }
  return s + " (" + std::to_string(itemsize) + " bytes)";
}

bool nestedTupleShape(const Type &t, std::vector<int64_t> &shape) {
  shape.clear();
  if (!t.isTuple() || t.elems().empty())
    return false;
  const Type &first = t.elems().front();
  std::vector<int64_t> inner;
  if (first.isScalar()) {
    for (const Type &e : t.elems())
      if (!e.isScalar() || e.isComplex())
        return false;
  } else {
    if (!nestedTupleShape(first, inner))
      return false;
    for (const Type &e : t.elems()) {
      std::vector<int64_t> other;
      if (!nestedTupleShape(e, other) || other != inner)
        return false;
    }
  }
  shape.push_back(static_cast<int64_t>(t.elems().size()));
  shape.insert(shape.end(), inner.begin(), inner.end());
  return true;
}

static bool isFloatKind(ScalarKind s) {
  return s == ScalarKind::F32 || s == ScalarKind::F64;
}

ScalarKind promote(ScalarKind a, ScalarKind b) {
  if (a == b)
    return a;
  if (a == ScalarKind::C128 || b == ScalarKind::C128)
    return ScalarKind::C128;
  // complex64 with anything: complex of what f32 with its parts gives
  // (c64 with f32 or a narrow integer stays c64; with f64 or i64 c128).
  if (a == ScalarKind::C64 || b == ScalarKind::C64)
    return complexKindOf(promote(
        ScalarKind::F32, complexPartKind(a == ScalarKind::C64 ? b : a)));
  bool fa = isFloatKind(a), fb = isFloatKind(b);
  if (fa && fb)
    return ScalarKind::F64;
  // NumPy's table: f32 holds integers up to 16 bits exactly; u32 and i64
  // need f64. (i32 with f32 stays f32: docs/language.md's exception.)
  auto needsF64 = [](ScalarKind k) {
    return bitWidth(k) > 32 || k == ScalarKind::U32;
  };
  if (fa)
    return a == ScalarKind::F32 && needsF64(b) ? ScalarKind::F64 : a;
  if (fb)
    return b == ScalarKind::F32 && needsF64(a) ? ScalarKind::F64 : b;
  if (a == ScalarKind::Bool || b == ScalarKind::Bool)
    return a == ScalarKind::Bool ? b : a;
  // Integers of one signedness: the wider one. Mixed: a signed kind wide
  // enough for both (u8 and i8 give i16, u32 and i32 give i64).
  if (isUnsignedKind(a) == isUnsignedKind(b))
    return bitWidth(a) >= bitWidth(b) ? a : b;
  ScalarKind u = isUnsignedKind(a) ? a : b, s = isUnsignedKind(a) ? b : a;
  int width = std::max(bitWidth(s), 2 * bitWidth(u));
  // (u64 with a signed integer: no integer holds both; NumPy's f64)
  return width > 64    ? ScalarKind::F64
         : width <= 16 ? ScalarKind::I16
         : width <= 32 ? ScalarKind::I32
                       : ScalarKind::I64;
}

Type unify(const Type &a, const Type &b, bool &ok) {
  ok = true;
  if (a.isUnknown())
    return b;
  if (b.isUnknown())
    return a;
  if (a == b)
    return a;
  // Lists of lists or of arrays and arrays of their shape: the arrays.
  if (a.isArray() && b.isArray() && a.asArray() == b.asArray() && !a.isList() &&
      !b.isList() && !a.isString() && !b.isString())
    return a.asArray();
  // (a variable holding a uint64 and a signed integer is an i64, as
  // Numba unifies them; arithmetic promotes them to f64 as NumPy does)
  if (a.isInt() && b.isInt() &&
      isUnsignedKind(a.scalarKind()) != isUnsignedKind(b.scalarKind()))
    return Type::i64();
  if (a.isScalar() && b.isScalar())
    return Type::scalar(promote(a.scalarKind(), b.scalarKind()));
  if (a.isTuple() && b.isTuple() && a.elems().size() == b.elems().size()) {
    std::vector<Type> elems;
    for (size_t i = 0; i < a.elems().size(); ++i) {
      Type e = unify(a.elems()[i], b.elems()[i], ok);
      if (!ok)
        return Type::unknown();
      elems.push_back(e);
    }
    // (two namedtuples of one class stay one; else a plain tuple)
    return a.recordName() == b.recordName()
               ? Type::record(a.recordName(), std::move(elems))
               : Type::tuple(std::move(elems));
  }
  ok = false;
  return Type::unknown();
}

} // namespace weft
