//===- Sorting.cpp - sort and argsort along the last axis -----------------===//
//
// weft_rt_sort and weft_rt_argsort (weft.sort, weft.argsort): every row
// of an array of any rank and layout along its last axis, in NumPy's
// order (NaNs last). Rows are copied into a contiguous scratch buffer,
// sorted there and written back, so strided views sort as fast as
// contiguous arrays.
//
//===----------------------------------------------------------------------===//
#include "runtime/RuntimeABI.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <vector>

namespace {

/// A memref descriptor of rank `rank` read from its C layout
/// { T *allocated; T *aligned; int64_t offset; int64_t sizes[rank];
///   int64_t strides[rank]; }.
struct View {
  char *aligned;
  int64_t offset;
  const int64_t *sizes, *strides;
  int64_t rank;
  View(const void *descriptor, int64_t rank) : rank(rank) {
    auto *words = static_cast<const int64_t *>(descriptor);
    aligned = reinterpret_cast<char *>(words[1]);
    offset = words[2];
    sizes = words + 3;
    strides = words + 3 + rank;
  }
  /// Calls f(first element's offset in elements) for every row along the
  /// last axis.
  template <typename F> void forEachRow(F f) const {
    std::vector<int64_t> at(static_cast<size_t>(rank - 1), 0);
    for (int64_t d = 0; d + 1 < rank; ++d)
      if (sizes[d] == 0)
        return;
    while (true) {
      int64_t off = offset;
      for (int64_t d = 0; d + 1 < rank; ++d)
        off += at[d] * strides[d];
      f(off);
      int64_t d = rank - 2;
      for (; d >= 0; --d) {
        if (++at[d] < sizes[d])
          break;
        at[d] = 0;
      }
      if (d < 0)
        return;
    }
  }
};

/// NumPy's ascending order: NaNs after every number.
template <typename T> bool before(T x, T y) {
  if constexpr (std::is_floating_point_v<T>)
    return x < y || (std::isnan(y) && !std::isnan(x));
  else
    return x < y;
}

template <typename T> void sortRows(const View &v) {
  int64_t n = v.sizes[v.rank - 1], stride = v.strides[v.rank - 1];
  T *base = reinterpret_cast<T *>(v.aligned);
  std::vector<T> row(static_cast<size_t>(n));
  v.forEachRow([&](int64_t off) {
    for (int64_t i = 0; i < n; ++i)
      row[i] = base[off + i * stride];
    std::sort(row.begin(), row.end(), before<T>);
    for (int64_t i = 0; i < n; ++i)
      base[off + i * stride] = row[i];
  });
}

template <typename T> void argsortRows(const View &v, const View &out) {
  int64_t n = v.sizes[v.rank - 1], stride = v.strides[v.rank - 1];
  int64_t outStride = out.strides[out.rank - 1];
  const T *base = reinterpret_cast<const T *>(v.aligned);
  auto *idx = reinterpret_cast<int64_t *>(out.aligned);
  std::vector<int64_t> order(static_cast<size_t>(n));
  std::vector<T> row(static_cast<size_t>(n));
  // The output has the input's shape: walk its rows in step.
  std::vector<int64_t> outRows;
  out.forEachRow([&](int64_t off) { outRows.push_back(off); });
  size_t r = 0;
  v.forEachRow([&](int64_t off) {
    for (int64_t i = 0; i < n; ++i)
      row[i] = base[off + i * stride];
    std::iota(order.begin(), order.end(), int64_t(0));
    std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
      return before(row[a], row[b]);
    });
    int64_t o = outRows[r++];
    for (int64_t i = 0; i < n; ++i)
      idx[o + i * outStride] = order[i];
  });
}

template <template <typename> class Op, typename... A>
void dispatch(int32_t kind, A &&...args) {
  switch (kind) {
  case WEFT_BOOL:
    return Op<bool>::run(args...);
  case WEFT_I32:
    return Op<int32_t>::run(args...);
  case WEFT_I64:
    return Op<int64_t>::run(args...);
  case WEFT_F32:
    return Op<float>::run(args...);
  case WEFT_I8:
    return Op<int8_t>::run(args...);
  case WEFT_I16:
    return Op<int16_t>::run(args...);
  case WEFT_U8:
    return Op<uint8_t>::run(args...);
  case WEFT_U16:
    return Op<uint16_t>::run(args...);
  case WEFT_U32:
    return Op<uint32_t>::run(args...);
  case WEFT_U64:
    return Op<uint64_t>::run(args...);
  default:
    return Op<double>::run(args...);
  }
}

template <typename T> struct Sort {
  static void run(const View &v) { sortRows<T>(v); }
};
template <typename T> struct Argsort {
  static void run(const View &v, const View &out) { argsortRows<T>(v, out); }
};

} // namespace

void weft_rt_sort(int32_t elemKind, int64_t rank, void *descriptor) {
  View v(descriptor, rank);
  if (rank < 1 || v.sizes[rank - 1] < 2)
    return;
  dispatch<Sort>(elemKind, v);
}

void weft_rt_argsort(int32_t elemKind, int64_t rank, const void *descriptor,
                     void *indices) {
  View v(descriptor, rank), out(indices, rank);
  if (rank < 1 || v.sizes[rank - 1] < 1)
    return;
  dispatch<Argsort>(elemKind, v, out);
}
