//===- Types.h - Static types of Weft values -------------------*- C++ -*-===//
//
// Scalars (bool, i32, i64, f32, f64), arrays (element type and rank) and
// tuples (multiple return values). Values of this class are small and
// compared structurally. Also the Numba-style unification used by type
// inference: int and float unify to float, narrower to wider.
//
//===----------------------------------------------------------------------===//
#ifndef WEFT_FRONTEND_TYPES_H
#define WEFT_FRONTEND_TYPES_H

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "runtime/embed/include/weft/dtype.h"

namespace weft {

/// Arrays have 1 to kMaxRank axes (WEFT_MAX_RANK of the embedding API).
constexpr int kMaxRank = 8;
static_assert(kMaxRank == WEFT_MAX_RANK, "one rank limit");

/// Element and scalar kinds. The narrow integers (i8, i16, u8, u16, u32)
/// are storage kinds: arrays hold them, but an element read is an i64 and
/// arithmetic on them is done in i64 and wrapped to the result's width on
/// store (NumPy's values; no scalar has a storage kind).
/// C128 is a complex number of two f64, C64 (NumPy's complex64) one of
/// two f32, computed in f32 as Numba does (scalars and arrays).
/// U64 is NumPy's uint64: a 64-bit number of its own (scalars and
/// arrays), computed with unsigned operations.
enum class ScalarKind {
  Bool,
  I32,
  I64,
  F32,
  F64,
  I8,
  I16,
  U8,
  U16,
  U32,
  C128,
  U64,
  C64
};

inline bool isComplexKind(ScalarKind k) {
  return k == ScalarKind::C128 || k == ScalarKind::C64;
}
/// The kind of a complex kind's real and imaginary parts (f32 or f64);
/// other kinds are their own.
inline ScalarKind complexPartKind(ScalarKind k) {
  return k == ScalarKind::C64    ? ScalarKind::F32
         : k == ScalarKind::C128 ? ScalarKind::F64
                                 : k;
}
/// The complex kind whose parts are `k`'s: c64 for f32, c128 otherwise.
inline ScalarKind complexKindOf(ScalarKind k) {
  return k == ScalarKind::F32 || k == ScalarKind::C64 ? ScalarKind::C64
                                                      : ScalarKind::C128;
}

/// i8, i16, u8, u16, u32.
inline bool isStorageKind(ScalarKind k) {
  return k == ScalarKind::I8 || k == ScalarKind::I16 || k == ScalarKind::U8 ||
         k == ScalarKind::U16 || k == ScalarKind::U32;
}
inline bool isUnsignedKind(ScalarKind k) {
  return k == ScalarKind::U8 || k == ScalarKind::U16 || k == ScalarKind::U32 ||
         k == ScalarKind::U64;
}
/// The kind values of kind `k` have in flight: i64 for a storage kind.
inline ScalarKind computeKind(ScalarKind k) {
  return isStorageKind(k) ? ScalarKind::I64 : k;
}
/// The kind `/` computes in for operands promoted to `k`: f32 and complex
/// stay, everything else divides as f64.
inline ScalarKind divisionKind(ScalarKind k) {
  return k == ScalarKind::F32 || isComplexKind(k) ? k : ScalarKind::F64;
}

class Type {
public:
  enum class Kind {
    Unknown,
    None,
    Scalar,
    Array,
    Tuple,
    Optional,
    DType,
    TupleList,
    Ragged
  };

  Type() = default;
  static Type unknown() { return Type(); }
  static Type none() { return Type(Kind::None); }
  /// A Python str: held as a 1-D array of its code points (u32), which
  /// no array operation takes (docs/language.md, Strings). A str is never
  /// written into: s[i] and slices are views, `+` makes a new one.
  static Type string() {
    Type t = array(ScalarKind::U32, 1);
    t.str_ = true;
    return t;
  }
  static Type scalar(ScalarKind s) {
    Type t(Kind::Scalar);
    t.scalar_ = s;
    return t;
  }
  /// A dtype as a value (np.float64, float, a.dtype): known when the
  /// program is compiled, so it has no run-time parts; a function called
  /// with one is compiled for that dtype (Numba's NumberClass/DType).
  static Type dtype(ScalarKind s) {
    Type t(Kind::DType);
    t.scalar_ = s;
    return t;
  }
  static Type boolean() { return scalar(ScalarKind::Bool); }
  static Type i64() { return scalar(ScalarKind::I64); }
  static Type f64() { return scalar(ScalarKind::F64); }
  static Type array(ScalarKind elem, int rank) {
    Type t(Kind::Array);
    t.scalar_ = elem;
    t.rank_ = rank;
    return t;
  }
  /// A Python list of numbers (a list literal or comprehension): a 1-D
  /// array whose `*` by an int repeats it and `+` with a list
  /// concatenates, as Python's; other operators need an array.
  static Type list(ScalarKind elem) {
    Type t = array(elem, 1);
    t.listDepth_ = 1;
    return t;
  }
  /// A Python list of `elem` values (a comprehension's result): a list of
  /// numbers is list(); a list of arrays or lists is an array with one
  /// more axis whose leading listDepth() axes are Python lists (a
  /// function returns it to Python as nested lists). Only a list of
  /// numbers has a list's operators; the others act as their arrays.
  static Type listOf(const Type &elem) {
    if (elem.isString())
      return strList();
    if (elem.isScalar())
      return list(elem.scalarKind());
    if (elem.isTuple() || elem.isTupleList()) {
      std::vector<Type> fields;
      for (const Type &f : elem.elems())
        fields.push_back(listOf(f));
      return tupleList(std::move(fields));
    }
    Type t = array(elem.scalarKind(), elem.rank() + 1);
    t.listDepth_ = 1 + elem.listDepth_;
    return t;
  }
  /// A Python list of tuples of numbers (or a list of such lists), held
  /// as one list per field, a struct of arrays: `fields` are the lists of
  /// the fields' values, all of one listDepth() (the tuples' nesting). In
  /// a list of tuples (depth 1), a field of arrays is a list of arrays
  /// (raggedArrays: `results.append((i, a[mask]))`).
  static Type tupleList(std::vector<Type> fields) {
    Type t(Kind::TupleList);
    t.listDepth_ = fields.front().isRagged() ? 1 : fields.front().listDepth();
    t.elems_ = std::move(fields);
    return t;
  }
  /// Whether a list of tuples has a field of arrays.
  bool tupleListHoldsArrays() const {
    return isTupleList() &&
           std::any_of(elems_.begin(), elems_.end(),
                       [](const Type &f) { return f.isRagged(); });
  }
  /// The value of `lst[i]`: a tuple of numbers, or a list of tuples one
  /// level less deep.
  Type tupleListElement() const {
    std::vector<Type> parts;
    for (const Type &f : elems_)
      parts.push_back(
          f.isRagged() ? f.raggedRow()
          : listDepth_ == 1
              ? f.elementType()
              : array(f.scalar_, f.rank_ - 1).withListDepth(listDepth_ - 1));
    return listDepth_ == 1 ? tuple(std::move(parts))
                           : tupleList(std::move(parts));
  }
  /// A Python list of lists of numbers of any lengths, which may grow
  /// (`adj[u].append(v)`): the rows are runs of one buffer of all their
  /// elements, the pool. Held as four lists: each row's start in the
  /// pool, its length and its capacity (i64), then the pool (elems()).
  static Type ragged(ScalarKind elem, bool arrayRows = false, int rowRank = 1) {
    Type t(Kind::Ragged);
    t.scalar_ = elem;
    t.arrayRows_ = arrayRows;
    t.rowRank_ = rowRank;
    t.elems_ = {list(ScalarKind::I64), list(ScalarKind::I64),
                list(ScalarKind::I64), list(elem)};
    for (int d = 0; rowRank > 1 && d < rowRank; ++d)
      t.elems_.push_back(list(ScalarKind::I64));
    return t;
  }
  /// A Python list of arrays of one rank and any shapes
  /// (`out.append(a[mask])`, a list of matrices), held as a ragged list
  /// whose rows are arrays: a row's length is its number of elements,
  /// which the pool holds in row-major order; arrays of 2 or more axes
  /// add one list per axis, each row's extent along it (elems()[4 + d]).
  static Type raggedArrays(ScalarKind elem, int rowRank = 1) {
    return ragged(elem, true, rowRank);
  }
  /// A Python list of strs: a list of arrays whose rows are strs (each
  /// its code points, u32, a run of the pool).
  static Type strList() {
    Type t = raggedArrays(ScalarKind::U32, 1);
    t.str_ = true;
    return t;
  }
  /// Whether a ragged list's rows are arrays (else lists).
  bool raggedArrayRows() const { return arrayRows_; }
  /// The rank of a ragged list's rows (1 for lists of lists).
  int raggedRowRank() const { return rowRank_; }
  /// The value of `lst[i]` of a ragged list: a list of numbers, or an
  /// array (a view of the row in the pool).
  Type raggedRow() const {
    if (str_)
      return string();
    return arrayRows_ ? array(scalar_, rowRank_) : list(scalar_);
  }
  static Type tuple(std::vector<Type> elems) {
    Type t(Kind::Tuple);
    t.elems_ = std::move(elems);
    return t;
  }
  /// A namedtuple's value (`P(x, y)` of `P = namedtuple("P", ...)`): a
  /// tuple that knows its class, whose fields name its elements.
  static Type record(std::string name, std::vector<Type> elems) {
    Type t = tuple(std::move(elems));
    t.record_ = std::move(name);
    return t;
  }
  /// The namedtuple class of a tuple ("" for a plain tuple).
  const std::string &recordName() const { return record_; }
  /// A slice object (Numba's slice type): the record slice(start, stop,
  /// step), its parts not given filled with Numba's defaults.
  bool isSliceObject() const {
    return isTuple() && record_ == "slice" && elems_.size() == 3;
  }
  /// A range object returned from a function (xugrid's `return
  /// range(start, end)`): the record __range(start, stop, step).
  bool isRangeObject() const {
    return isTuple() && record_ == "__range" && elems_.size() == 3;
  }
  /// A NumPy structured array of `rank` axes (rank 0: one record, a
  /// view of an element of one), held as the uint8 array of its bytes
  /// with one more axis, the record's bytes; `spec` is its dtype
  /// (StructuredLayout). A field (`a['x']`, `rec.x`) is a view of the
  /// bytes read as the field's type.
  static Type structured(std::string spec, int rank) {
    Type t = array(ScalarKind::U8, rank + 1);
    t.structured_ = std::move(spec);
    return t;
  }
  /// A structured dtype as a value (a module's np.dtype([...]), which
  /// np.zeros and np.empty take): known when the program is compiled.
  static Type structuredDType(std::string spec) {
    Type t = dtype(ScalarKind::U8);
    t.structured_ = std::move(spec);
    return t;
  }
  bool isStructuredDType() const {
    return kind_ == Kind::DType && !structured_.empty();
  }
  /// Whether this is a structured array or a record.
  bool isStructured() const {
    return kind_ == Kind::Array && !structured_.empty();
  }
  /// One record (an element of a structured array).
  bool isRecordValue() const { return isStructured() && rank_ == 1; }
  /// A structured array's or record's dtype (StructuredLayout's spec).
  const std::string &structuredSpec() const { return structured_; }
  /// The axes of a structured array (the byte axis not counted).
  int structuredRank() const { return rank_ - 1; }
  /// This array of bytes as a structured array of dtype `spec` (its last
  /// axis the records' bytes).
  Type withStructured(const std::string &spec) const {
    Type t = *this;
    t.structured_ = spec;
    return t;
  }

  /// A number that may be None (Numba's optional type): a function that
  /// returns a number on some paths and None on others. Held as the
  /// number and a flag (its elems(): the value type, then bool).
  static Type optional(const Type &value) {
    Type t(Kind::Optional);
    t.elems_ = {value, boolean()};
    return t;
  }
  Kind kind() const { return kind_; }
  bool isUnknown() const { return kind_ == Kind::Unknown; }
  bool isNone() const { return kind_ == Kind::None; }
  bool isScalar() const { return kind_ == Kind::Scalar; }
  bool isArray() const { return kind_ == Kind::Array; }
  bool isTuple() const { return kind_ == Kind::Tuple; }
  bool isString() const { return str_ && kind_ == Kind::Array; }
  /// A list of strs (a ragged list whose rows are strs).
  bool isStrList() const { return str_ && kind_ == Kind::Ragged; }
  bool isOptional() const { return kind_ == Kind::Optional; }
  bool isDType() const { return kind_ == Kind::DType; }
  bool isTupleList() const { return kind_ == Kind::TupleList; }
  bool isRagged() const { return kind_ == Kind::Ragged; }
  /// Held as several run-time values: a tuple's parts, an optional's value
  /// and flag, a list of tuples' fields, a ragged list's four lists.
  bool hasParts() const {
    return isTuple() || isOptional() || isTupleList() || isRagged();
  }
  /// A Python list of numbers (a 1-D array with a list's operators).
  bool isList() const { return listDepth_ > 0 && rank_ == 1; }
  /// How many leading axes of an array are Python lists (0: none).
  int listDepth() const { return listDepth_; }
  /// The list of depth `d` this array is (0: the array itself), kept
  /// only where the array has a list's axes.
  Type withListDepth(int d) const {
    Type t = *this;
    t.listDepth_ = isArray() && d > 0 ? std::min(d, rank_) : 0;
    return t;
  }
  /// The array a list is (or this type, for anything else).
  Type asArray() const {
    if (kind_ == Kind::TupleList)
      return *this; // (a list of tuples has no array form)
    Type t = *this;
    t.listDepth_ = 0;
    t.str_ = false;
    return t;
  }
  /// The list of a 1-D array's elements.
  Type asList() const { return list(scalar_); }
  /// None and dtypes: values the compiler knows, with no run-time parts.
  bool isCompileTimeOnly() const { return isNone() || isDType(); }
  /// The type an optional holds when it is not None.
  const Type &optionalValue() const { return elems_.front(); }
  bool isBool() const { return isScalar() && scalar_ == ScalarKind::Bool; }
  bool isInt() const {
    return isScalar() &&
           (scalar_ == ScalarKind::I32 || scalar_ == ScalarKind::I64 ||
            scalar_ == ScalarKind::U64 || isStorageKind(scalar_));
  }
  bool isFloat() const {
    return isScalar() &&
           (scalar_ == ScalarKind::F32 || scalar_ == ScalarKind::F64);
  }
  bool isComplex() const { return isScalar() && isComplexKind(scalar_); }
  /// int or float scalar (bool and complex excluded).
  bool isNumber() const { return isInt() || isFloat(); }
  /// Fully known (no Unknown anywhere inside).
  bool isKnown() const;

  /// The scalar kind of a scalar or dtype, or the element kind of an
  /// array or a ragged list.
  ScalarKind scalarKind() const { return scalar_; }
  int rank() const { return rank_; }
  const std::vector<Type> &elems() const { return elems_; }
  /// The type of an element read from an array (an i64 for the storage
  /// kinds).
  Type elementType() const { return scalar(computeKind(scalar_)); }

  bool operator==(const Type &o) const;
  bool operator!=(const Type &o) const { return !(*this == o); }

  /// Spelling as in source: "f64", "i64[:]", "f32[:, :]", "(i64, f64)",
  /// "dtype(f32)".
  std::string str() const;

private:
  explicit Type(Kind k) : kind_(k) {}
  Kind kind_ = Kind::Unknown;
  ScalarKind scalar_ = ScalarKind::F64;
  int rank_ = 0;
  int listDepth_ = 0;
  bool str_ = false;
  bool arrayRows_ = false; ///< a ragged list's rows are arrays
  int rowRank_ = 1;        ///< the rank of a ragged list's rows
  std::string record_;
  std::string structured_; ///< a structured array's dtype
  std::vector<Type> elems_;
};

/// A field of a structured dtype: its name, kind, offset in the record
/// (bytes) and, for a sub-array field, its shape.
struct StructuredField {
  std::string name;
  ScalarKind kind;
  int64_t offset;
  std::vector<int64_t> shape;
  /// The field's bytes.
  int64_t bytes() const;
};

/// A structured dtype: "<itemsize>;<name>:<dtype>:<offset>[:<d1>x<d2>]..."
/// (NumPy's dtype names), as the Python package and the runtime write it.
struct StructuredLayout {
  int64_t itemsize = 0;
  std::vector<StructuredField> fields;
  const StructuredField *find(const std::string &name) const;
  /// Parses `spec`; nullopt if it is not one.
  static std::optional<StructuredLayout> parse(const std::string &spec);
  /// "x: f32, y: f32, n: u32 (12 bytes)".
  std::string str() const;
};

/// Whether `t` or an element of it (tuples, nested) satisfies `pred`.
template <typename Pred> bool anyPart(const Type &t, Pred pred) {
  if (pred(t))
    return true;
  for (const Type &e : t.elems())
    if (anyPart(e, pred))
      return true;
  return false;
}

const char *scalarName(ScalarKind s);
/// NumPy's name of a dtype: "float64", "int32", "bool", ...
const char *numpyName(ScalarKind s);
/// Parses "bool", "i32", "i64", "f32", "f64"; false if not a type name.
bool parseScalarName(const std::string &name, ScalarKind &out);
int bitWidth(ScalarKind s);

/// The shape of a tuple of real numbers, or of tuples of one such shape
/// nested (((1, 2), (3, 4)) is {2, 2}), as np.array makes of it; false
/// for any other type.
bool nestedTupleShape(const Type &t, std::vector<int64_t> &shape);

/// Numba-style unification of two types assigned to one variable:
/// equal types stay, Unknown yields the other, bool/int/float widen to the
/// wider kind (int with float gives the float). Returns Unknown with
/// `ok=false` when they do not unify (e.g. an array and a scalar).
Type unify(const Type &a, const Type &b, bool &ok);

/// Result type of arithmetic between two scalar kinds (promotion rules).
ScalarKind promote(ScalarKind a, ScalarKind b);

} // namespace weft

#endif // WEFT_FRONTEND_TYPES_H
