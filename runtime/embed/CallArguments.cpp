//===- CallArguments.cpp - Host arguments checked and packed for a call --===//
//
// Implements CallArguments.h: the checks of every host argument, the
// conversion of numbers to parameter types, and memref descriptors over
// caller memory with one base pointer per group of overlapping views.
//
//===----------------------------------------------------------------------===//
#include "runtime/embed/CallArguments.h"

#include "frontend/Types.h"
#include "runtime/RuntimeABI.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>

namespace weft {
namespace detail {

size_t elementBytes(DType d) {
  return static_cast<size_t>(weft_dtype_bytes(static_cast<int>(d)));
}

namespace {

bool knownDType(DType d) {
  int v = static_cast<int>(d);
  return v >= WEFT_BOOL && v <= WEFT_DTYPE_LAST;
}

/// The bytes an array view reaches: [lo, hi), empty for no elements.
struct Extent {
  uintptr_t lo = 0, hi = 0;
  bool empty() const { return lo == hi; }
  bool overlaps(const Extent &o) const {
    return !empty() && !o.empty() && lo < o.hi && o.lo < hi;
  }
};

/// The extent of `a`; false if it does not fit the address space.
bool extentOf(const Arg &a, Extent &out) {
  __int128 lo = 0, hi = 0;
  for (int d = 0; d < a.rank; ++d) {
    if (a.shape[d] == 0) {
      out = Extent{};
      return true;
    }
    __int128 step = static_cast<__int128>(a.shape[d] - 1) * a.strides[d];
    (step < 0 ? lo : hi) += step;
  }
  __int128 es = elementBytes(a.dtype);
  __int128 base = static_cast<__int128>(reinterpret_cast<uintptr_t>(a.data));
  __int128 first = base + lo * es, last = base + (hi + 1) * es;
  if (first < 0 || last > static_cast<__int128>(UINTPTR_MAX))
    return false;
  out.lo = static_cast<uintptr_t>(first);
  out.hi = static_cast<uintptr_t>(last);
  return true;
}

std::string argName(const std::string &function, size_t i,
                    const ParameterInfo *params) {
  std::string s = "argument " + std::to_string(i + 1);
  if (params && i < params->names.size())
    s += " ('" + params->names[i] + "')";
  return s + " of '" + function + "'";
}

/// An argument's name for a message, spelt out only when one is made
/// (the call's fast path builds no strings).
struct ArgName {
  const std::string &function;
  size_t i;
  const ParameterInfo *params;
  std::string str() const { return argName(function, i, params); }
};
std::string operator+(const ArgName &n, const std::string &rest) {
  return n.str() + rest;
}
std::string operator+(const ArgName &n, const char *rest) {
  return n.str() + rest;
}
std::string operator+(const char *head, const ArgName &n) {
  return head + n.str();
}

/// A number converted to the parameter's type, as 8 bytes.
uint64_t convertNumber(const Arg &a, ScalarKind to, const ArgName &what) {
  if (a.dtype == DType::C128 || a.dtype == DType::C64)
    throw CallError(what + " is a complex number; the parameter is " +
                    scalarName(to) + " (pass z.real or abs(z))");
  bool isFloat = a.dtype == DType::F64 || a.dtype == DType::F32;
  uint64_t bits = 0; // a uint64's
  std::memcpy(&bits, &a.scalar.i64, 8);
  double f = a.dtype == DType::F64   ? a.scalar.f64
             : a.dtype == DType::F32 ? a.scalar.f32
             : a.dtype == DType::I64 ? static_cast<double>(a.scalar.i64)
             : a.dtype == DType::U64 ? static_cast<double>(bits)
             : a.dtype == DType::I32 ? a.scalar.i32
                                     : a.scalar.b;
  int64_t n = 0;
  if (a.dtype == DType::U64) {
    // Its bits for a uint64 parameter; a signed one takes it if it fits.
    if (to == ScalarKind::U64)
      return bits;
    if ((to == ScalarKind::I64 || to == ScalarKind::I32) &&
        bits > uint64_t(std::numeric_limits<int64_t>::max()))
      throw OverflowError(what + " is " + std::to_string(bits) + ", outside " +
                          scalarName(to) + "'s range");
    n = static_cast<int64_t>(bits);
  } else if (!isFloat) {
    n = a.dtype == DType::I64   ? a.scalar.i64
        : a.dtype == DType::I32 ? a.scalar.i32
                                : a.scalar.b;
  } else if (to == ScalarKind::I32 || to == ScalarKind::I64) {
    // A float for an integer parameter truncates, as i64(x) does; one no
    // integer holds is refused rather than converted with undefined
    // behaviour.
    if (!(std::isfinite(f) && f > -9223372036854775808.0 &&
          f < 9223372036854775808.0))
      throw OverflowError(what + " is " + rt::formatFloat(f) + ", which no " +
                          scalarName(to) + " holds");
    n = static_cast<int64_t>(f);
  } else {
    n = f != 0;
  }
  uint64_t v = 0;
  switch (to) {
  case ScalarKind::F64:
    std::memcpy(&v, &f, 8);
    break;
  case ScalarKind::F32: {
    float x = static_cast<float>(f);
    std::memcpy(&v, &x, 4);
    break;
  }
  case ScalarKind::I32: {
    if (n < std::numeric_limits<int32_t>::min() ||
        n > std::numeric_limits<int32_t>::max())
      throw OverflowError(what + " is " + std::to_string(n) +
                          ", outside i32's range (-2147483648 to "
                          "2147483647)");
    int32_t x = static_cast<int32_t>(n);
    std::memcpy(&v, &x, 4);
    break;
  }
  case ScalarKind::Bool:
    v = isFloat ? f != 0 : n != 0;
    break;
  default:
    std::memcpy(&v, &n, 8);
    break;
  }
  return v;
}

void allocateThunk(void **a) {
  *static_cast<void **>(a[1]) =
      _mlir_memref_to_llvm_alloc(*static_cast<size_t *>(a[0]));
}

/// A Weft buffer holding `a`'s elements in row-major order (a reference
/// the caller releases); MemoryError as a RuntimeError.
void *copyOf(const Arg &a, const ArgName &what) {
  int64_t count = 1;
  for (int d = 0; d < a.rank; ++d)
    count *= a.shape[d];
  size_t es = elementBytes(a.dtype);
  size_t bytes = static_cast<size_t>(count) * es;
  void *buffer = nullptr;
  void *thunkArgs[2] = {&bytes, &buffer};
  std::string error;
  if (!rt::runProtected(allocateThunk, thunkArgs, error))
    throw RuntimeError(
        "copying " + what +
        " (it overlaps an argument the function writes):" + error);
  char *out = static_cast<char *>(buffer);
  const char *in = static_cast<const char *>(a.data);
  int64_t index[WEFT_MAX_RANK] = {};
  for (int64_t k = 0; k < count; ++k) {
    int64_t off = 0;
    for (int d = 0; d < a.rank; ++d)
      off += index[d] * a.strides[d];
    std::memcpy(out + k * es, in + off * static_cast<int64_t>(es), es);
    for (int d = a.rank - 1; d >= 0; --d) {
      if (++index[d] < a.shape[d])
        break;
      index[d] = 0;
    }
  }
  return buffer;
}

} // namespace

void checkArguments(const std::string &function, const std::vector<Arg> &args) {
  for (size_t i = 0; i < args.size(); ++i) {
    const Arg &a = args[i];
    ArgName what{function, i, nullptr};
    if (!knownDType(a.dtype))
      throw CallError(what + ": unknown element type " +
                      std::to_string(static_cast<int>(a.dtype)) +
                      " (bool, i8, i16, i32, i64, u8, u16, u32, u64, f32, "
                      "f64, c64 or c128)");
    if (a.rank < 0 || a.rank > WEFT_MAX_RANK)
      throw CallError(what + ": rank " + std::to_string(a.rank) +
                      "; a number has rank 0 and arrays have 1 to " +
                      std::to_string(WEFT_MAX_RANK) + " axes");
    if (a.rank == 0 && static_cast<int>(a.dtype) > WEFT_F64 &&
        a.dtype != DType::C128 && a.dtype != DType::C64 &&
        a.dtype != DType::U64)
      throw CallError(what + ": a number of a narrow integer type; i8 to u32 "
                             "are array elements only (pass an i64)");
    if (a.rank == 0)
      continue;
    for (int d = 0; d < a.rank; ++d)
      if (a.shape[d] < 0)
        throw CallError(what + ": size " + std::to_string(a.shape[d]) +
                        " of axis " + std::to_string(d) + " is negative");
    Extent e;
    if (!extentOf(a, e))
      throw CallError(what + ": the view's sizes and strides reach beyond "
                             "the address space");
    if (!e.empty() && !a.data)
      throw CallError(what + ": an array view with elements needs data");
  }
}

PackedArguments::PackedArguments(const std::string &function,
                                 const std::vector<Arg> &args,
                                 const ParameterInfo &params) {
  try {
    pack(function, args, params);
  } catch (...) {
    for (void *c : copies_)
      weft_rt_array_release(c);
    throw;
  }
}

void PackedArguments::pack(const std::string &function,
                           const std::vector<Arg> &args,
                           const ParameterInfo &params) {
  size_t n = args.size();
  auto written = [&](size_t i) {
    return i < params.written.size() && params.written[i];
  };
  llvm::SmallVector<Extent, 8> extents(n);
  for (size_t i = 0; i < n; ++i) {
    const Arg &a = args[i];
    if (!params.types[i].isArray())
      continue;
    if (a.readOnly && written(i))
      throw ReadOnlyError(argName(function, i, &params) + " is read-only; '" +
                          function +
                          "' writes into it (pass a writable array or a "
                          "copy)");
    extentOf(a, extents[i]); // checked by checkArguments
  }

  // Overlapping views: one group each, sharing a base pointer when their
  // element size and alignment allow.
  llvm::SmallVector<size_t, 8> group(n);
  std::iota(group.begin(), group.end(), 0);
  auto root = [&](size_t i) {
    while (group[i] != i)
      i = group[i] = group[group[i]];
    return i;
  };
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j)
      if (extents[i].overlaps(extents[j]))
        group[root(j)] = root(i);
  llvm::SmallVector<const char *, 8> aligned(n, nullptr);
  llvm::SmallVector<int64_t, 8> offset(n, 0);
  llvm::SmallVector<void *, 8> owner(n, nullptr);
  llvm::SmallVector<const void *, 8> data(n, nullptr);
  for (size_t i = 0; i < n; ++i) {
    aligned[i] = static_cast<const char *>(args[i].data);
    owner[i] = args[i].owner;
    data[i] = args[i].data;
  }
  for (size_t r = 0; r < n; ++r) {
    llvm::SmallVector<size_t, 8> members;
    for (size_t i = 0; i < n; ++i)
      if (!extents[i].empty() && root(i) == r)
        members.push_back(i);
    if (members.size() < 2)
      continue;
    uintptr_t base = extents[members[0]].lo;
    size_t es = elementBytes(args[members[0]].dtype);
    bool shared = true;
    for (size_t i : members)
      base = std::min(base, extents[i].lo);
    for (size_t i : members)
      shared &= elementBytes(args[i].dtype) == es &&
                (reinterpret_cast<uintptr_t>(args[i].data) - base) % es == 0;
    if (shared) {
      for (size_t i : members) {
        aligned[i] = reinterpret_cast<const char *>(base);
        offset[i] = static_cast<int64_t>(
            (reinterpret_cast<uintptr_t>(args[i].data) - base) / es);
      }
      continue;
    }
    // No common base: what the function only reads and a written view
    // overlaps is read from a copy made before the call.
    for (size_t i : members) {
      if (written(i))
        continue;
      bool hit = false;
      for (size_t j : members)
        hit |= j != i && written(j) && extents[i].overlaps(extents[j]);
      if (!hit)
        continue;
      void *copy = copyOf(args[i], ArgName{function, i, &params});
      copies_.push_back(copy);
      owner[i] = copy;
      aligned[i] = static_cast<const char *>(copy);
      data[i] = copy;
    }
  }

  for (size_t i = 0; i < n; ++i) {
    const Arg &a = args[i];
    const Type &p = params.types[i];
    if (p.isComplex()) { // two slots: the real and the imaginary part
      double parts[2] = {0, 0};
      if (a.dtype == DType::C128) {
        parts[0] = a.scalar.c128[0];
        parts[1] = a.scalar.c128[1];
      } else if (a.dtype == DType::C64) {
        parts[0] = a.scalar.c64[0];
        parts[1] = a.scalar.c64[1];
      } else {
        uint64_t re =
            convertNumber(a, ScalarKind::F64, ArgName{function, i, &params});
        std::memcpy(&parts[0], &re, 8);
      }
      // (a complex64 parameter's parts are floats, each in its slot)
      bool single = p.scalarKind() == ScalarKind::C64;
      for (double part : parts) {
        uint64_t v = 0;
        float f = static_cast<float>(part);
        if (single)
          std::memcpy(&v, &f, 4);
        else
          std::memcpy(&v, &part, 8);
        slots.push_back(v);
      }
      continue;
    }
    if (!p.isArray()) {
      slots.push_back(
          convertNumber(a, p.scalarKind(), ArgName{function, i, &params}));
      continue;
    }
    auto put = [&](const void *ptr) {
      uint64_t v = 0;
      std::memcpy(&v, &ptr, sizeof ptr);
      slots.push_back(v);
    };
    put(owner[i]);
    put(aligned[i]);
    slots.push_back(static_cast<uint64_t>(offset[i]));
    bool copied = data[i] != a.data;
    int64_t contiguous = 1;
    int64_t strides[WEFT_MAX_RANK];
    for (int d = a.rank - 1; d >= 0; --d) {
      strides[d] = copied ? contiguous : a.strides[d];
      contiguous *= a.shape[d];
    }
    for (int d = 0; d < a.rank; ++d)
      slots.push_back(static_cast<uint64_t>(a.shape[d]));
    for (int d = 0; d < a.rank; ++d)
      slots.push_back(static_cast<uint64_t>(strides[d]));
  }
}

bool packDirect(const Arg *args, size_t n, const ParameterInfo &params,
                uint64_t *slots, size_t capacity, size_t &used) {
  used = 0;
  if (n != params.types.size())
    return false;
  llvm::SmallVector<Extent, 8> extents(n);
  auto sameNumber = [](DType d, ScalarKind k) {
    switch (k) {
    case ScalarKind::Bool:
      return d == DType::Bool;
    case ScalarKind::I32:
      return d == DType::I32;
    case ScalarKind::I64:
      return d == DType::I64;
    case ScalarKind::F32:
      return d == DType::F32;
    case ScalarKind::F64:
      return d == DType::F64;
    case ScalarKind::C128:
      return d == DType::C128;
    case ScalarKind::C64:
      return d == DType::C64;
    case ScalarKind::U64:
      return d == DType::U64;
    default:
      return false;
    }
  };
  for (size_t i = 0; i < n; ++i) {
    const Arg &a = args[i];
    const Type &p = params.types[i];
    if (!p.isArray()) {
      if (a.rank != 0 || !p.isScalar() ||
          !sameNumber(a.dtype, p.scalarKind()) || used + 2 > capacity)
        return false;
      if (a.dtype == DType::C128) {
        std::memcpy(&slots[used++], &a.scalar.c128[0], 8);
        std::memcpy(&slots[used++], &a.scalar.c128[1], 8);
        continue;
      }
      if (a.dtype == DType::C64) {
        slots[used] = slots[used + 1] = 0;
        std::memcpy(&slots[used++], &a.scalar.c64[0], 4);
        std::memcpy(&slots[used++], &a.scalar.c64[1], 4);
        continue;
      }
      uint64_t v = 0;
      switch (a.dtype) {
      case DType::Bool:
        v = a.scalar.b ? 1 : 0;
        break;
      case DType::I32:
        std::memcpy(&v, &a.scalar.i32, 4);
        break;
      case DType::I64:
      case DType::U64:
        std::memcpy(&v, &a.scalar.i64, 8);
        break;
      case DType::F32:
        std::memcpy(&v, &a.scalar.f32, 4);
        break;
      case DType::F64:
        std::memcpy(&v, &a.scalar.f64, 8);
        break;
      default:
        return false;
      }
      slots[used++] = v;
      continue;
    }
    if (a.rank != p.rank() || a.rank < 1 || a.rank > WEFT_MAX_RANK || a.owner ||
        (a.readOnly && i < params.written.size() && params.written[i]))
      return false;
    for (int d = 0; d < a.rank; ++d)
      if (a.shape[d] < 0)
        return false;
    if (!extentOf(a, extents[i]) || (!extents[i].empty() && !a.data))
      return false;
    for (size_t j = 0; j < i; ++j)
      if (params.types[j].isArray() && extents[i].overlaps(extents[j]))
        return false;
    if (used + 3 + 2 * static_cast<size_t>(a.rank) > capacity)
      return false;
    slots[used++] = 0; // no owner: caller memory is never counted or freed
    uint64_t data = 0;
    std::memcpy(&data, &a.data, sizeof a.data);
    slots[used++] = data;
    slots[used++] = 0;
    for (int d = 0; d < a.rank; ++d)
      slots[used++] = static_cast<uint64_t>(a.shape[d]);
    for (int d = 0; d < a.rank; ++d)
      slots[used++] = static_cast<uint64_t>(a.strides[d]);
  }
  return true;
}

PackedArguments::~PackedArguments() {
  for (void *c : copies_)
    weft_rt_array_release(c);
}

} // namespace detail
} // namespace weft
