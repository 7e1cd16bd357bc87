//===- NumpyArrayFunctions.cpp - NumPy array functions written in Weft ----===//
//
// A part of the NumPy library (NumpyLibrary.h): sorting and partitioning,
// convolution and correlation, sets (isin, intersect1d), kron, vander,
// triangles and their indices, select, frexp, gcd and lcm, insert,
// cov and corrcoef, split.
//
//===----------------------------------------------------------------------===//
#include "frontend/NumpyLibrary.h"

namespace weft {

const char *numpyArrayFunctionsSource() {
  return R"weft(
def __np_sort(a, axis=-1):
    if axis is None:
        return np.sort(a.ravel())
    if a.ndim == 1:
        if axis != 0 and axis != -1:
            raise ValueError("np.sort: axis is out of bounds")
        return np.sort(a)
    assert a.ndim == 2, "np.sort with axis= takes 1-D and 2-D arrays"
    if axis == 1 or axis == -1:
        return np.sort(a)
    if axis != 0 and axis != -2:
        raise ValueError("np.sort: axis is out of bounds")
    out = a.copy()
    for j in range(a.shape[1]):
        out[:, j] = np.sort(a[:, j])
    return out

def __np_convolve(a, v):
    if len(v) > len(a):
        return __np_convolve(v, a)
    n = len(a)
    m = len(v)
    if m == 0:
        raise ValueError("v cannot be empty")
    out = np.zeros(n + m - 1, dtype=(a[:1] * v[:1]).dtype)
    for k in range(n + m - 1):
        s = out[k]
        for j in range(max(0, k - n + 1), min(k, m - 1) + 1):
            s += a[k - j] * v[j]
        out[k] = s
    return out

def __np_convolve_same(a, v):
    full = __np_convolve(a, v)
    n = max(len(a), len(v))
    start = (min(len(a), len(v)) - 1) // 2
    return full[start:start + n].copy()

def __np_convolve_valid(a, v):
    full = __np_convolve(a, v)
    lo = min(len(a), len(v))
    return full[lo - 1:len(full) - lo + 1].copy()

def __np_correlate(a, v):
    return __np_convolve_valid(a, v[::-1])

def __np_correlate_same(a, v):
    return __np_convolve_same(a, v[::-1])

def __np_correlate_full(a, v):
    return __np_convolve(a, v[::-1])

def __np_isin(element, test_elements):
    flat = element.ravel()
    tests = test_elements.ravel()
    out = np.zeros(len(flat), dtype=np.bool_)
    for i in range(len(flat)):
        for t in range(len(tests)):
            if flat[i] == tests[t]:
                out[i] = True
                break
    return out.reshape(element.shape)

def __np_take(a, indices):
    return a.ravel()[indices]

def __np_fmin(x1, x2):
    return np.where(np.isnan(x1), x2, np.where(np.isnan(x2), x1,
                    np.minimum(x1, x2)))

def __np_fmax(x1, x2):
    return np.where(np.isnan(x1), x2, np.where(np.isnan(x2), x1,
                    np.maximum(x1, x2)))

def __np_kron(a, b):
    if a.ndim == 2:
        if b.ndim == 1:
            return __np_kron_2d(a, b[None, :])
        return __np_kron_2d(a, b)
    if b.ndim == 2:
        return __np_kron_2d(a[None, :], b)
    assert a.ndim == 1 and b.ndim == 1, "np.kron takes 1-D and 2-D arrays here"
    m = len(b)
    out = np.empty(len(a) * m, dtype=(a[:1] * b[:1]).dtype)
    for i in range(len(a)):
        for j in range(m):
            out[i * m + j] = a[i] * b[j]
    return out

def __np_kron_2d(a, b):
    assert a.ndim == 2 and b.ndim == 2, "np.kron takes 1-D and 2-D arrays here"
    r = b.shape[0]
    c = b.shape[1]
    out = np.empty((a.shape[0] * r, a.shape[1] * c), dtype=(a[:1, :1] * b[:1, :1]).dtype)
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            out[i * r:(i + 1) * r, j * c:(j + 1) * c] = a[i, j] * b
    return out

def __np_vander(x, N=None, increasing=False):
    n = len(x)
    if N is not None:
        n = N
    out = np.empty((len(x), n), dtype=(x[:1] * 1).dtype)
    for i in range(len(x)):
        p = x[i] * 0 + 1
        for k in range(n):
            j = k if increasing else n - 1 - k
            out[i, j] = p
            p = p * x[i]
    return out

# sorted(x, key=f) (ASTBuild.h): a stable order of the keys; reversed,
# equal keys keep their order too, as Python's.
def __np_sort_order(keys, reverse):
    k = np.array(keys)
    if reverse:
        n = len(k)
        return (n - 1 - np.argsort(k[::-1], kind="mergesort"))[::-1]
    return np.argsort(k, kind="mergesort")

def __np_intersect1d(ar1, ar2):
    aux = np.sort(np.concatenate((np.unique(ar1), np.unique(ar2))))
    if len(aux) == 0:
        return aux
    return aux[:-1][aux[1:] == aux[:-1]]

def __np_tri(N, M=None, k=0):
    m = N
    if M is not None:
        m = M
    out = np.zeros((N, m))
    for i in range(N):
        for j in range(m):
            if j <= i + k:
                out[i, j] = 1.0
    return out

def __np_diagflat(v):
    return __np_diag(v.ravel())

def __np_rint(x):
    return np.round(x)

def __np_fix(x):
    return np.trunc(x)

def __np_float_power(x1, x2):
    return (x1 * 1.0) ** x2

def __np_logaddexp(x1, x2):
    big = np.maximum(x1, x2)
    return np.where(x1 == x2, x1 + 0.6931471805599453,
                    big + np.log1p(np.exp(-np.abs(x1 - x2))))

def __np_matmul(a, b):
    return a @ b

def __np_triu_indices(n, k=0):
    count = 0
    for i in range(n):
        count += max(0, n - max(i + k, 0))
    rows = np.empty(count, dtype=np.int64)
    cols = np.empty(count, dtype=np.int64)
    at = 0
    for i in range(n):
        for j in range(max(i + k, 0), n):
            rows[at] = i
            cols[at] = j
            at += 1
    return rows, cols

def __np_tril_indices(n, k=0):
    count = 0
    for i in range(n):
        count += max(0, min(i + k + 1, n))
    rows = np.empty(count, dtype=np.int64)
    cols = np.empty(count, dtype=np.int64)
    at = 0
    for i in range(n):
        for j in range(0, min(i + k + 1, n)):
            rows[at] = i
            cols[at] = j
            at += 1
    return rows, cols

def __np_partition(a, kth):
    return np.sort(a)

def __np_argpartition(a, kth):
    return np.argsort(a)

def __np_select(condlist, choicelist, default=0):
    out = np.where(condlist[0], choicelist[0], default)
    for k in range(len(condlist) - 1, -1, -1):
        out = np.where(condlist[k], choicelist[k], out)
    return out

def __np_ascontiguousarray(a, dtype=None):
    if a.ndim == 0:
        return np.full(1, a)
    b = __np_asarray(a, dtype)
    if __is_contiguous(b):
        return b
    return b.copy()

def __np_asfortranarray(a, dtype=None):
    if a.ndim == 0:
        return np.full(1, a)
    b = __np_asarray(a, dtype)
    if __is_contiguous(b.T):
        return b
    return b.T.copy().T

def __np_frexp_one(x):
    if x == 0.0 or not np.isfinite(x):
        return x * 1.0, 0
    e = int(np.floor(np.log2(np.abs(x)))) + 1
    # (two steps, so that 2**e never overflows for x near the largest)
    m = x / 2.0 ** (e - 1) / 2.0
    if np.abs(m) >= 1.0:
        m = m / 2.0
        e = e + 1
    elif np.abs(m) < 0.5:
        m = m * 2.0
        e = e - 1
    return m, e

def __np_frexp(x):
    if x.ndim == 0:
        return __np_frexp_one(x)
    flat = x.ravel()
    m = np.empty(flat.size)
    e = np.empty(flat.size, dtype=np.int32)
    for i in range(flat.size):
        m[i], e[i] = __np_frexp_one(flat[i])
    return m.reshape(x.shape), e.reshape(x.shape)

# np.gcd, np.lcm (also math.gcd, math.lcm) of integers: numbers, or
# arrays of one shape, or an array and a number.
def __np_gcd_one(a, b):
    x = abs(int(a))
    y = abs(int(b))
    while y != 0:
        t = x % y
        x = y
        y = t
    return x

def __np_lcm_one(a, b):
    g = __np_gcd_one(a, b)
    if g == 0:
        return 0
    return abs(int(a) // g * int(b))

def __np_gcd_or_lcm_one(a, b, lcm):
    if lcm:
        return __np_lcm_one(a, b)
    return __np_gcd_one(a, b)

def __np_gcd_or_lcm(a, b, lcm):
    if a.ndim == 0:
        if b.ndim == 0:
            return __np_gcd_or_lcm_one(a, b, lcm)
        out = np.empty(b.shape, dtype=np.int64)
        for i in np.ndindex(b.shape):
            out[i] = __np_gcd_or_lcm_one(a, b[i], lcm)
        return out
    out = np.empty(a.shape, dtype=np.int64)
    if b.ndim == 0:
        for i in np.ndindex(a.shape):
            out[i] = __np_gcd_or_lcm_one(a[i], b, lcm)
        return out
    assert a.shape == b.shape, "np.gcd and np.lcm take arrays of one shape here"
    for i in np.ndindex(a.shape):
        out[i] = __np_gcd_or_lcm_one(a[i], b[i], lcm)
    return out

def __np_gcd(a, b):
    return __np_gcd_or_lcm(a, b, False)

def __np_lcm(a, b):
    return __np_gcd_or_lcm(a, b, True)

def __np_reciprocal(x):
    if x.dtype == np.float64 or x.dtype == np.float32:
        return 1.0 / x
    return np.where(np.abs(x) == 1, x, x * 0)

def __np_insert(arr, index, value):
    n = len(arr)
    i = index
    if i < 0:
        i += n
    if i < 0 or i > n:
        raise IndexError("np.insert: index out of bounds")
    out = np.empty(n + 1, dtype=arr.dtype)
    out[:i] = arr[:i]
    out[i] = value
    out[i + 1:] = arr[i:]
    return out

def __np_cov(m, y=None, rowvar=True, bias=False, ddof=None):
    if y is None:
        if m.ndim == 1:
            d = m - np.sum(m) / len(m)
            return np.sum(d * d) * (1.0 / (len(m) - __np_cov_ddof(bias, ddof)))
        if rowvar:
            return __np_cov_rows(m, bias, ddof)
        return __np_cov_rows(m.T, bias, ddof)
    if m.ndim == 1 and y.ndim == 1:
        return __np_cov_rows(np.vstack((m, y)), bias, ddof)
    return __np_cov_rows(np.vstack((__np_cov_vars(m, rowvar),
                                    __np_cov_vars(y, rowvar))), bias, ddof)

def __np_cov_vars(m, rowvar):
    if m.ndim == 1:
        return m.reshape((1, len(m)))
    if rowvar or m.shape[0] == 1:
        return m
    return m.T

def __np_cov_ddof(bias, ddof):
    if ddof is None:
        if bias:
            return 0
        return 1
    return ddof

def __np_cov_rows(rows, bias=False, ddof=None):
    assert rows.ndim == 2, "np.cov takes arrays of 1 or 2 axes"
    fact = rows.shape[1] - __np_cov_ddof(bias, ddof)
    centred = rows - (np.sum(rows, axis=1) / rows.shape[1])[:, None]
    return (centred @ centred.T) * (1.0 / fact)

def __np_corrcoef(x, y=None, rowvar=True):
    c = __np_cov(x, y, rowvar)
    d = np.sqrt(__np_diag(c))
    c = c / d[:, None]
    c = c / d[None, :]
    return np.clip(c, -1.0, 1.0)

def __np_split(ary, sections):
    if sections.ndim == 1:
        return __np_split_at(ary, sections)
    n = len(ary)
    if sections <= 0 or n % sections != 0:
        raise ValueError("array split does not result in an equal division")
    assert ary.ndim == 1, "np.split takes a 1-D array here"
    return __as_rows(ary.reshape((sections, n // sections)))

def __np_split_at(ary, indices):
    # views of ary's runs, as NumPy's: a list of arrays whose pool is ary
    assert ary.ndim == 1, "np.split takes a 1-D array here"
    n = len(ary)
    k = len(indices)
    starts = np.zeros(k + 1, np.int64)
    lengths = np.zeros(k + 1, np.int64)
    start = 0
    for j in range(k + 1):
        stop = n
        if j < k:
            stop = indices[j]
        lo = __np_slice_bound(start, n)
        starts[j] = lo
        lengths[j] = max(__np_slice_bound(stop, n) - lo, 0)
        start = stop
    return __as_array_list(starts, lengths, ary)

def __np_slice_bound(i, n):
    if i < 0:
        i += n
    return min(max(i, 0), n)
)weft";
}

} // namespace weft
