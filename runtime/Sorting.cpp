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

/// Numba's argsort order for floats (numba/np/arrayobj.py lt_floats): a
/// NaN b is greater than everything, NaNs included.
template <typename T> bool numbaBefore(T x, T y) {
  if constexpr (std::is_floating_point_v<T>)
    return std::isnan(y) || x < y;
  else
    return x < y;
}

/// Numba's quicksort (numba/misc/quicksort.py, run_quicksort with
/// is_argsort): median-of-three partitions down to 15 elements, then
/// insertion sort, the larger part deferred on a stack. Reproduced step
/// for step, so that equal keys end in the order Numba's np.argsort
/// (kind='quicksort', its default) leaves them.
template <typename T>
void numbaQuicksort(const std::vector<T> &a, std::vector<int64_t> &r) {
  const int64_t n = static_cast<int64_t>(a.size());
  std::iota(r.begin(), r.end(), int64_t(0));
  if (n < 2)
    return;
  auto lt = [&](T x, T y) { return numbaBefore(x, y); };
  auto insertion = [&](int64_t low, int64_t high) {
    for (int64_t i = low + 1; i <= high; ++i) {
      int64_t k = r[i];
      T v = a[k];
      int64_t j = i;
      while (j > low && lt(v, a[r[j - 1]])) {
        r[j] = r[j - 1];
        --j;
      }
      r[j] = k;
    }
  };
  auto partition = [&](int64_t low, int64_t high) {
    int64_t mid = (low + high) >> 1;
    if (lt(a[r[mid]], a[r[low]]))
      std::swap(r[low], r[mid]);
    if (lt(a[r[high]], a[r[mid]]))
      std::swap(r[high], r[mid]);
    if (lt(a[r[mid]], a[r[low]]))
      std::swap(r[low], r[mid]);
    T pivot = a[r[mid]];
    std::swap(r[high], r[mid]);
    int64_t i = low, j = high - 1;
    while (true) {
      while (i < high && lt(a[r[i]], pivot))
        ++i;
      while (j >= low && lt(pivot, a[r[j]]))
        --j;
      if (i >= j)
        break;
      std::swap(r[i], r[j]);
      ++i;
      --j;
    }
    std::swap(r[i], r[high]);
    return i;
  };
  // Numba's stack holds 100 partitions; pushing the smaller part keeps
  // the depth below log2(n), so a vector never grows past that either.
  std::vector<std::pair<int64_t, int64_t>> stack{{0, n - 1}};
  while (!stack.empty()) {
    auto [low, high] = stack.back();
    stack.pop_back();
    while (high - low >= 15) {
      int64_t i = partition(low, high);
      if (high - i > i - low) {
        if (high > i)
          stack.push_back({i + 1, high});
        high = i - 1;
      } else {
        if (i > low)
          stack.push_back({low, i - 1});
        low = i + 1;
      }
    }
    insertion(low, high);
  }
}

/// Numba's mergesort (numba/misc/mergesort.py, argmergesort, NumPy's
/// mergesort.c translated): halves down to 20 elements sorted by
/// insertion, merged through a workspace; with numbaBefore, NaNs are
/// placed as Numba places them.
template <typename T>
void numbaMergesort(const std::vector<T> &a, int64_t *r, int64_t n,
                    int64_t *ws) {
  auto lt = [&](int64_t x, int64_t y) { return numbaBefore(a[x], a[y]); };
  if (n > 20) {
    int64_t mid = n / 2;
    numbaMergesort(a, r, mid, ws);
    numbaMergesort(a, r + mid, n - mid, ws);
    std::copy(r, r + mid, ws);
    int64_t i = 0, j = 0, k = 0;
    int64_t *right = r + mid, nr = n - mid;
    while (i < mid && j < nr) {
      if (!lt(right[j], ws[i]))
        r[k++] = ws[i++];
      else
        r[k++] = right[j++];
    }
    while (i < mid)
      r[k++] = ws[i++];
    while (j < nr)
      r[k++] = right[j++];
    return;
  }
  for (int64_t i = 1; i < n; ++i)
    for (int64_t j = i; j > 0 && lt(r[j], r[j - 1]); --j)
      std::swap(r[j - 1], r[j]);
}

enum class Order { Stable, NumbaQuicksort, NumbaMergesort };

template <typename T>
void argsortRows(const View &v, const View &out, Order order_) {
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
    if (order_ == Order::NumbaQuicksort) {
      numbaQuicksort(row, order);
    } else if (order_ == Order::NumbaMergesort) {
      std::iota(order.begin(), order.end(), int64_t(0));
      std::vector<int64_t> ws(static_cast<size_t>(n / 2 + 1));
      numbaMergesort(row, order.data(), n, ws.data());
    } else {
      std::iota(order.begin(), order.end(), int64_t(0));
      std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
        return before(row[a], row[b]);
      });
    }
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
  static void run(const View &v, const View &out, Order order) {
    argsortRows<T>(v, out, order);
  }
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
  Order order =
      (elemKind & WEFT_ARGSORT_NUMBA_QUICKSORT)   ? Order::NumbaQuicksort
      : (elemKind & WEFT_ARGSORT_NUMBA_MERGESORT) ? Order::NumbaMergesort
                                                  : Order::Stable;
  dispatch<Argsort>(elemKind & 0xffff, v, out, order);
}
