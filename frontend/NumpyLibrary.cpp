//===- NumpyLibrary.cpp - NumPy functions written in Weft -----------------===//
//
// Implements NumpyLibrary.h: the library's source, which names its
// functions take, and adding the ones a module calls.
//
//===----------------------------------------------------------------------===//
#include "frontend/NumpyLibrary.h"

#include "frontend/Parser.h"

#include <algorithm>
#include <set>
#include <vector>

namespace weft {
namespace {

// Each function follows NumPy's definition (the same operations in the
// same order, so the results are NumPy's to the last bit where NumPy's
// are exact); `x.ndim == k` branches are decided per instantiation by the
// parameter types (StaticBranches), so one function takes numbers and
// arrays of several ranks.
const char *kMainSource =
    R"weft(# NumPy functions written in Weft (frontend/NumpyLibrary.cpp): each
# `__np_<name>` is NumPy's `np.<name>`. Builtins are called as np.<name>,
# which a program's own functions and variables never shadow.
import numpy as np

def __np_square(x):
    return x * x

def __np_count_nonzero(a, axis=None):
    if axis is None:
        return sum(a != 0)
    if a.ndim == 1:
        return sum(a != 0)
    assert a.ndim == 2, "np.count_nonzero with axis= takes 1-D and 2-D arrays"
    if axis == 0 or axis == -2:
        return np.sum(a != 0, axis=0)
    return np.sum(a != 0, axis=1)

def __np_ptp(a):
    return a.max() - a.min()

def __np_average(a, weights=None):
    if weights is None:
        return a.mean()
    return sum(a * weights) / sum(weights)

def __np_nansum(a):
    return sum(np.where(np.isnan(a), 0.0, a))

def __np_nanmean(a):
    keep = ~np.isnan(a)
    n = sum(keep)
    if n == 0:
        return np.nan
    return sum(np.where(keep, a, 0.0)) / n

def __np_nanmedian(a):
    b = a.ravel()
    keep = b[~np.isnan(b)]
    if len(keep) == 0:
        return np.nan
    return np.median(keep)

def __np_nanvar(a, ddof=0):
    keep = ~np.isnan(a)
    n = sum(keep)
    if n - ddof <= 0:
        return np.nan
    m = sum(np.where(keep, a, 0.0)) / n
    d = np.where(keep, a - m, 0.0)
    return sum(d * d) / (n - ddof)

def __np_nanquantile(a, q):
    keep = a.ravel()
    keep = keep[~np.isnan(keep)]
    if q.ndim == 0:
        if len(keep) == 0:
            return np.nan  # (all NaN: NumPy gives NaN, with a warning)
        return np.quantile(keep, q)
    qs = np.asarray(q)
    out = np.empty(len(qs))
    for i in range(len(qs)):
        out[i] = np.nan if len(keep) == 0 else np.quantile(keep, qs[i])
    return out

def __np_nanpercentile(a, q):
    return __np_nanquantile(a, np.asarray(q) / 100.0)

def __np_nanstd(a, ddof=0):
    return np.sqrt(__np_nanvar(a, ddof))

def __np_nanmax(a):
    kept = a[~np.isnan(a)]
    if len(kept) == 0:
        return np.nan
    return kept.max()

def __np_nanmin(a):
    kept = a[~np.isnan(a)]
    if len(kept) == 0:
        return np.nan
    return kept.min()

def __np_identity(n):
    return np.eye(n)

def __np_trace(a):
    s = a.ravel()[:0].sum()
    for i in range(min(a.shape[0], a.shape[1])):
        s += a[i, i]
    return s

def __np_fill_diagonal(a, val):
    assert a.ndim == 2, "np.fill_diagonal takes a 2-D array here"
    n = min(a.shape[0], a.shape[1])
    for i in range(n):
        a[i, i] = val

def __np_diag(v, k=0):
    if v.ndim == 1:
        n = len(v) + abs(k)
        out = np.zeros((n, n), dtype=v.dtype)
        for i in range(len(v)):
            if k >= 0:
                out[i, i + k] = v[i]
            else:
                out[i - k, i] = v[i]
        return out
    r = max(0, -k)
    c = max(0, k)
    n = max(0, min(v.shape[0] - r, v.shape[1] - c))
    out = np.empty(n, dtype=v.dtype)
    for i in range(n):
        out[i] = v[r + i, c + i]
    return out

def __np_inner(a, b):
    if a.ndim == 1:
        return np.dot(a, b)
    return a @ b.T

def __np_vdot(a, b):
    return np.dot(a.ravel(), b.ravel())

def __np_roll(a, shift):
    flat = a.ravel()
    n = len(flat)
    out = np.empty(n, dtype=a.dtype)
    if n > 0:
        s = shift % n
        for i in range(n):
            out[(i + s) % n] = flat[i]
    return out.reshape(a.shape)

def __np_tile(a, reps):
    flat = a.ravel()
    n = len(flat)
    out = np.empty(n * max(reps, 0), dtype=a.dtype)
    for r in range(max(reps, 0)):
        for i in range(n):
            out[r * n + i] = flat[i]
    return out

def __np_repeat(a, repeats):
    flat = a.ravel()
    n = len(flat)
    if repeats.ndim == 0:
        if repeats < 0:
            raise ValueError("negative dimensions are not allowed")
        out = np.empty(n * repeats, dtype=a.dtype)
        for i in range(n):
            for r in range(repeats):
                out[i * repeats + r] = flat[i]
        return out
    counts = repeats.ravel()
    if len(counts) == 1 and n != 1:
        return __np_repeat(a, counts[0])
    if len(counts) != n:
        raise ValueError("operands could not be broadcast together")
    total = 0
    for i in range(n):
        if counts[i] < 0:
            raise ValueError("negative dimensions are not allowed")
        total += counts[i]
    out = np.empty(total, dtype=a.dtype)
    k = 0
    for i in range(n):
        for r in range(counts[i]):
            out[k] = flat[i]
            k += 1
    return out

def __np_flatnonzero(a):
    flat = a.ravel()
    return np.arange(len(flat))[flat != 0]

def __np_nonzero(a):
    if a.ndim == 1:
        return (np.arange(len(a))[a != 0],)
    w = __np_argwhere(a)
    if a.ndim == 2:
        return (w[:, 0].copy(), w[:, 1].copy())
    elif a.ndim == 3:
        return (w[:, 0].copy(), w[:, 1].copy(), w[:, 2].copy())
    else:
        assert a.ndim == 4, "np.nonzero and np.where(c) take arrays of 1 to 4 axes here"
        return (w[:, 0].copy(), w[:, 1].copy(), w[:, 2].copy(), w[:, 3].copy())

def __np_argwhere(a):
    if a.ndim == 1:
        idx = np.arange(len(a))[a != 0]
        return idx.reshape((len(idx), 1))
    f = __np_flatnonzero(a)
    out = np.empty((len(f), a.ndim), dtype=i64)
    for i in range(len(f)):
        r = f[i]
        for d in range(a.ndim - 1, -1, -1):
            out[i, d] = r % a.shape[d]
            r //= a.shape[d]
    return out

def __np_trapz(y, x=None, dx=1.0):
    if x is None:
        return sum(dx * (y[1:] + y[:-1]) / 2.0)
    d = x[1:] - x[:-1]
    return sum(d * (y[1:] + y[:-1]) / 2.0)

def __np_cross(a, b):
    if a.shape[a.ndim - 1] != 3 or b.shape[b.ndim - 1] != 3:
        raise ValueError("incompatible dimensions for cross product (dimension must be 3)")
    if a.ndim == 1 and b.ndim == 1:
        return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2],
                a[0] * b[1] - a[1] * b[0]]
    # vectors in rows (n x 3, with a 3-vector or n x 3): row by row
    assert a.ndim <= 2 and b.ndim <= 2, "np.cross takes 1-D or 2-D arrays here"
    if a.ndim == 2 and b.ndim == 2:
        return __np_cross_columns(a[:, 0], a[:, 1], a[:, 2],
                                  b[:, 0], b[:, 1], b[:, 2])
    if a.ndim == 2:
        return __np_cross_columns(a[:, 0], a[:, 1], a[:, 2], b[0], b[1], b[2])
    return __np_cross_columns(a[0], a[1], a[2], b[:, 0], b[:, 1], b[:, 2])

def __np_cross_columns(x0, x1, x2, y0, y1, y2):
    c0 = x1 * y2 - x2 * y1
    c1 = x2 * y0 - x0 * y2
    c2 = x0 * y1 - x1 * y0
    out = np.empty((len(c0), 3), dtype=c0.dtype)
    out[:, 0] = c0
    out[:, 1] = c1
    out[:, 2] = c2
    return out

def __np_meshgrid(x, y):
    gx = np.empty((len(y), len(x)), dtype=x.dtype)
    gy = np.empty((len(y), len(x)), dtype=y.dtype)
    for i in range(len(y)):
        for j in range(len(x)):
            gx[i, j] = x[j]
            gy[i, j] = y[i]
    return gx, gy

def __np_polyval(p, x):
    y = x * 0 + p[:1].sum()
    for i in range(1, len(p)):
        y = y * x + p[i]
    return y

def __np_append(arr, values):
    if arr.ndim == 0:
        if values.ndim == 0:
            return np.array([arr, values])
        return np.concatenate((np.array([arr]), values.ravel()))
    if values.ndim == 0:
        return np.concatenate((arr.ravel(), [values]))
    return np.concatenate((arr.ravel(), values.ravel()))

def __np_delete(arr, index):
    n = len(arr)
    if index < -n or index >= n:
        raise IndexError("np.delete: index out of bounds")
    return arr[np.arange(n) != index % n]

def __np_fliplr(a):
    return a[:, ::-1]

def __np_flipud(a):
    return a[::-1]

def __np_rot90(a):
    return a[:, ::-1].T

def __np_sinc(x):
    y = np.pi * np.where(x == 0, 1.0e-20, x)
    return np.sin(y) / y

def __np_heaviside(x1, x2):
    return np.where(np.isnan(x1), x1, np.where(x1 < 0, 0.0, np.where(x1 > 0, 1.0, x2)))

def __np_signbit(x):
    return np.copysign(1.0, x) < 0

def __np_atleast_1d(a):
    if a.ndim == 0:
        return np.full(1, a)
    return a

def __np_atleast_3d(a):
    if a.ndim == 0:
        return np.full((1, 1, 1), a)
    if a.ndim == 1:
        return a[None, :, None]
    if a.ndim == 2:
        return a[:, :, None]
    return a

def __np_atleast_2d(a):
    if a.ndim == 0:
        return np.full((1, 1), a)
    if a.ndim == 1:
        return a[None, :]
    return a

def __np_bincount(x, weights=None, minlength=0):
    n = minlength
    if len(x) > 0:
        n = max(x.max() + 1, minlength)
    if weights is None:
        counts = np.zeros(n, dtype=i64)
        for i in range(len(x)):
            counts[x[i]] += 1
        return counts
    sums = np.zeros(n)
    for i in range(len(x)):
        sums[x[i]] += weights[i]
    return sums

def __np_ldexp(x, i):
    # (in two halves, so that 0.5 * 2**1024 is not inf)
    h = i // 2
    return x * 2.0 ** h * 2.0 ** (i - h)

def __np_modf(x):
    t = np.trunc(x)
    return x - t, t

def __np_ediff1d(a):
    return np.diff(a.ravel())

def __np_logspace(start, stop, num=50):
    return 10.0 ** np.linspace(start, stop, num)

def __np_interp(x, xp, fp):
    if x.ndim == 0:
        return __np_interp_one(x, xp, fp)
    out = np.empty(len(x))
    for i in range(len(x)):
        out[i] = __np_interp_one(x[i], xp, fp)
    return out

def __np_interp_one(x, xp, fp):
    n = len(xp)
    if n == 0 or len(fp) != n:
        raise ValueError("np.interp: xp and fp must be non-empty and of one length")
    if x < xp[0]:
        return f64(fp[0])
    if x > xp[n - 1] or n == 1:
        return f64(fp[n - 1])
    if x == xp[n - 1]:
        return f64(fp[n - 1])
    j = np.searchsorted(xp, x, side="right") - 1
    slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j])
    return slope * (x - xp[j]) + fp[j]

def __np_asarray(a, dtype=None):
    if isinstance(a, tuple):
        return __np_asarray_of(np.array(a), dtype)
    return __np_asarray_of(a, dtype)

def __np_asarray_of(a, dtype):
    if dtype is None:
        return __as_array(a)
    if a.dtype == dtype:
        return __as_array(a)
    if a.ndim == 0:
        return dtype(a)  # a number (NumPy's 0-d array) of that dtype
    return a.astype(dtype)

def __np_array_equal(a1, a2):
    if a1.ndim != a2.ndim:
        return False
    if a1.shape != a2.shape:
        return False
    return np.all(a1 == a2)

def __np_nanargmax(a):
    best = -1
    for i in range(len(a)):
        if not np.isnan(a[i]):
            if best < 0 or a[i] > a[best]:
                best = i
    if best < 0:
        raise ValueError("All-NaN slice encountered")
    return best

def __np_nanargmin(a):
    best = -1
    for i in range(len(a)):
        if not np.isnan(a[i]):
            if best < 0 or a[i] < a[best]:
                best = i
    if best < 0:
        raise ValueError("All-NaN slice encountered")
    return best

def __np_nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None):
    big = 1.7976931348623157e308
    if x.dtype == np.float32:
        big = 3.4028234663852886e38
    hi = big
    if posinf is not None:
        hi = posinf
    lo = -big
    if neginf is not None:
        lo = neginf
    if x.ndim == 0:
        if x.dtype != np.float64 and x.dtype != np.float32:
            return x
        y = float(x)
        if y != y:
            y = nan
        elif y == np.inf:
            y = hi
        elif y == -np.inf:
            y = lo
        if x.dtype == np.float32:
            return np.float32(y)
        return y
    out = np.where(np.isnan(x), nan, np.where(x == np.inf, hi,
                   np.where(x == -np.inf, lo, x)))
    return out.astype(x.dtype)

def __np_expand_dims(a, axis):
    if a.ndim == 1:
        if axis == 0 or axis == -2:
            return a[None, :]
        if axis != 1 and axis != -1:
            raise ValueError("np.expand_dims: axis out of range")
        return a[:, None]
    assert a.ndim == 2, "np.expand_dims takes 1-D and 2-D arrays"
    if axis == 0 or axis == -3:
        return a[None, :, :]
    if axis == 1 or axis == -2:
        return a[:, None, :]
    if axis != 2 and axis != -1:
        raise ValueError("np.expand_dims: axis out of range")
    return a[:, :, None]

def __np_swapaxes(a, axis1, axis2):
    assert a.ndim == 2, "np.swapaxes takes 2-D arrays"
    if axis1 % 2 == axis2 % 2:
        return a[:, :]
    return a.T

def __np_geomspace(start, stop, num=50):
    sign = 1.0
    if start < 0 and stop < 0:
        sign = -1.0
    lo = sign * start
    hi = sign * stop
    out = 10.0 ** np.linspace(np.log10(lo), np.log10(hi), num)
    if num > 0:
        out[0] = lo
        if num > 1:
            out[num - 1] = hi
    return sign * out

def __np_linalg_matrix_power(a, n):
    if n < 0:
        raise ValueError("np.linalg.matrix_power: negative powers are not supported yet; use inv()")
    if n == 0:
        return np.eye(a.shape[0], dtype=a.dtype)
    if n == 1:
        return a.copy()
    if n == 2:
        return a @ a
    if n == 3:
        return a @ a @ a
    z = a.copy()
    result = a.copy()
    squared = False
    started = False
    k = n
    while k > 0:
        if squared:
            z = z @ z
        squared = True
        bit = k % 2
        k = k // 2
        if bit == 1:
            if started:
                result = result @ z
            else:
                result = z.copy()
                started = True
    return result

def __np_in_range(x, start, stop, step):
    # x in range(start, stop, step): Python's test, for ints and floats
    if step == 0:
        raise ValueError("range() arg 3 must not be zero")
    if step > 0:
        inside = start <= x and x < stop
    else:
        inside = stop < x and x <= start
    return inside and (x - start) % step == 0

def __np_flat_index(a, i):
    # a.flat[i]: the index of element i in row-major order, of any layout
    n = a.size
    if i < 0:
        i += n
    if i < 0 or i >= n:
        raise IndexError("index out of bounds for the array's flat iterator")
    return np.unravel_index(i, a.shape)

def __np_flat_get(a, i):
    return a[__np_flat_index(a, i)]

def __np_flat_set(a, i, v):
    a[__np_flat_index(a, i)] = v

def __np_item(a):
    if a.ndim == 0:
        return a
    if a.size != 1:
        raise ValueError("can only convert an array of size 1 to a Python scalar")
    return a.ravel()[0]

def __np_shuffle(a):
    for i in range(len(a) - 1, 0, -1):
        j = np.random.randint(0, i + 1)
        if a.ndim == 1:
            t = a[i]
            a[i] = a[j]
            a[j] = t
        else:
            row = a[i].copy()
            a[i] = a[j]
            a[j] = row

def __np_permutation(x):
    if x.ndim == 0:
        p = np.arange(x)
        __np_shuffle(p)
        return p
    p = x.copy()
    __np_shuffle(p)
    return p

def __np_choice(a, size=None, replace=True, p=None):
    if a.ndim == 0:
        pool = np.arange(a)
    else:
        pool = a
    n = len(pool)
    if n == 0:
        raise ValueError("a cannot be empty unless no samples are taken")
    if size is None:
        return pool[__np_choice_index(n, p)]
    out = np.empty(size, dtype=pool.dtype)
    if replace:
        for k in range(size):
            out[k] = pool[__np_choice_index(n, p)]
        return out
    if p is not None:
        raise NotImplementedError("np.random.choice with p= and replace=False")
    if size > n:
        raise ValueError("Cannot take a larger sample than population when 'replace=False'")
    order = __np_permutation(n)
    for k in range(size):
        out[k] = pool[order[k]]
    return out

def __np_choice_index(n, p=None):
    if p is None:
        return np.random.randint(0, n)
    u = np.random.random() * sum(p)
    c = 0.0
    for i in range(n):
        c += p[i]
        if u < c:
            return i
    return n - 1

def __np_cumsum(a, axis=None):
    if axis is None:
        return np.cumsum(a.ravel())
    return __np_scan_axis(a, axis, False)

def __np_cumprod(a, axis=None):
    if axis is None:
        return np.cumprod(a.ravel())
    return __np_scan_axis(a, axis, True)

def __np_scan_axis(a, axis, product):
    # The builtin 1-D scan on each row or column.
    if a.ndim == 1:
        if axis != 0 and axis != -1:
            raise ValueError("np.cumsum: axis is out of bounds")
        if product:
            return np.cumprod(a)
        return np.cumsum(a)
    assert a.ndim == 2, "np.cumsum with axis= takes 1-D and 2-D arrays"
    out = np.empty(a.shape, dtype=np.cumsum(a.ravel()[:0]).dtype)
    if axis == 0 or axis == -2:
        for j in range(a.shape[1]):
            if product:
                out[:, j] = np.cumprod(a[:, j])
            else:
                out[:, j] = np.cumsum(a[:, j])
    elif axis == 1 or axis == -1:
        for i in range(a.shape[0]):
            if product:
                out[i, :] = np.cumprod(a[i, :])
            else:
                out[i, :] = np.cumsum(a[i, :])
    else:
        raise ValueError("np.cumsum: axis is out of bounds")
    return out

)weft";

/// The library's parts: the functions above and NumPy's array functions,
/// the builtins' other forms,
/// np.linalg's, dicts', Python's cmath, random and heapq's, str's.
const std::vector<const char *> &libraryParts() {
  static const std::vector<const char *> parts = {kMainSource,
                                                  numpyArrayFunctionsSource(),
                                                  numpyBuiltinFormsSource(),
                                                  numpyLinalgLibrarySource(),
                                                  dictLibrarySource(),
                                                  cmathLibrarySource(),
                                                  pyRandomLibrarySource(),
                                                  heapqLibrarySource(),
                                                  strLibrarySource()};
  return parts;
}

/// The whole library.
const std::string &librarySource() {
  static const std::string text = [] {
    std::string all;
    for (const char *part : libraryParts())
      all += part;
    return all;
  }();
  return text;
}

/// The names a source text defines (`def __np_...(`), with the prefix.
std::set<std::string> definedNames(const std::string &text) {
  std::set<std::string> out;
  std::string def = std::string("def ") + kNumpyLibraryPrefix;
  for (size_t at = text.find(def); at != std::string::npos;
       at = text.find(def, at + 1)) {
    size_t begin = at + 4;
    out.insert(text.substr(begin, text.find('(', begin) - begin));
  }
  return out;
}

/// The library's function names (without the prefix), read from its
/// source once.
const std::set<std::string> &libraryNames() {
  static const std::set<std::string> names = [] {
    std::set<std::string> out;
    size_t prefix = std::string(kNumpyLibraryPrefix).size();
    for (const std::string &n : definedNames(librarySource()))
      out.insert(n.substr(prefix));
    return out;
  }();
  return names;
}

/// Adds to `out` the library functions `block` calls (nested functions'
/// bodies included).
void calledLibraryFunctions(const Block &block, std::set<std::string> &out) {
  std::string prefix = kNumpyLibraryPrefix;
  forEachExprIn(block, [&](const Expr *e) {
    auto *c = e->dyn<CallExpr>();
    auto *n = c ? c->callee->dyn<NameExpr>() : nullptr;
    if (n && n->name.rfind(prefix, 0) == 0)
      out.insert(n->name);
    // sorted(x) (and reverse=True): the library's, if x is a list of strs
    if (n && !n->qualified && (n->name == "sort" || n->name == "flip")) {
      out.insert(prefix + "strlist_sorted");
      out.insert(prefix + "strlist_reversed");
    }
    // np.histogram(a, edges): the library's, if bins is an array
    if (n && n->name == "histogram" && n->qualified)
      out.insert(prefix + "x_histogram_edges");
    // s.upper(): a str's method, if the object turns out to be a str.
    auto *m = c ? c->callee->dyn<AttributeExpr>() : nullptr;
    if (m && libraryNames().count("str_" + m->attr))
      out.insert(prefix + "str_" + m->attr);
  });
  forEachStmtIn(block, [&](const Stmt &s) {
    if (auto *d = s.dyn<FunctionDefStmt>())
      calledLibraryFunctions(d->body, out);
  });
}

int lineCount(const std::string &text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
}

} // namespace

bool isNumpyLibraryFunction(const std::string &name) {
  // (dict_*: the hash table of dicts and sets, cmath_* and pyrandom_*:
  // Python's cmath and random, str*: str's methods; not NumPy functions)
  return name.rfind("dict_", 0) != 0 && name.rfind("cmath_", 0) != 0 &&
         name.rfind("str", 0) != 0 && name.rfind("pyrandom_", 0) != 0 &&
         name.rfind("heapq_", 0) != 0 && libraryNames().count(name) != 0;
}

bool isNumpyLibraryName(const std::string &name) {
  return libraryNames().count(name) != 0;
}

const char *numpyLibrarySource() { return librarySource().c_str(); }

bool addNumpyLibrary(ModuleAST &module, DiagnosticEngine &diags,
                     std::unique_ptr<SourceFile> &libraryFile) {
  std::set<std::string> wanted;
  calledLibraryFunctions(module.body, wanted);
  for (const StmtPtr &s : module.body)
    if (auto *d = s->dyn<FunctionDefStmt>())
      wanted.erase(d->name); // the program's own function of that name
  if (wanted.empty())
    return true;
  // Only the parts of the library that define a function wanted are
  // parsed (each costs time); a part whose function calls another part's
  // brings that part in, parsed again with it.
  static const std::vector<std::set<std::string>> partNames = [] {
    std::vector<std::set<std::string>> out;
    for (const char *part : libraryParts())
      out.push_back(definedNames(part));
    return out;
  }();
  std::vector<bool> used(partNames.size(), false);
  std::unique_ptr<ModuleAST> lib;
  std::set<std::string> added;
  for (bool more = true; more;) {
    more = false;
    for (size_t k = 0; k < partNames.size(); ++k)
      for (const std::string &w : wanted)
        if (!used[k] && partNames[k].count(w)) {
          used[k] = true;
          more = true;
        }
    if (!more)
      break;
    std::string text;
    for (size_t k = 0; k < partNames.size(); ++k)
      if (used[k])
        text += libraryParts()[k];
    // The library's lines follow the program's: blank lines first, so
    // that a position in it is past the program's last line.
    int first = lineCount(diags.file().text()) + 1;
    libraryFile = std::make_unique<SourceFile>(
        kNumpyLibraryFile, std::string(first - 1, '\n') + text);
    diags.setLibrary(libraryFile.get(), first);
    DiagnosticEngine libraryDiags(*libraryFile);
    lib = parseModule(*libraryFile, libraryDiags);
    if (!lib || libraryDiags.hasErrors()) {
      diags.error(SourceRange(), "internal error: Weft's NumPy library does "
                                 "not parse: " +
                                     libraryDiags.renderAll());
      return false;
    }
    // The functions called, and those they call, in the library's order.
    added.clear();
    for (bool grew = true; grew;) {
      grew = false;
      for (const StmtPtr &s : lib->body) {
        auto *d = s->dyn<FunctionDefStmt>();
        if (d && wanted.count(d->name) && !added.count(d->name)) {
          added.insert(d->name);
          calledLibraryFunctions(d->body, wanted);
          grew = true;
        }
      }
    }
  }
  if (!lib)
    return true; // (no part defines what is called)
  for (StmtPtr &s : lib->body) {
    auto *d = s->dyn<FunctionDefStmt>();
    if (d && added.count(d->name))
      module.body.push_back(std::move(s));
  }
  return true;
}

} // namespace weft
