//===- NumpyBuiltinForms.cpp - Other forms of builtins, written in Weft --===//
//
// The library's `__np_x_<name>` functions (NumpyLibrary.h): forms of
// builtins the parser sends here (np.percentile of several q, std with
// ddof=, linspace with endpoint=, np.diff(a, n), eye with M or k, norm
// with ord or axis, math.floor's int, math.frexp/ldexp, np.uint8(x) and the
// other narrow integer conversions).
//
//===----------------------------------------------------------------------===//
#include "frontend/NumpyLibrary.h"

namespace weft {

const char *numpyBuiltinFormsSource() {
  return R"weft(
# np.percentile/np.quantile of several q at once (an array or a list).
def __np_x_percentile(a, q):
    if q.ndim == 0:
        return np.percentile(a, q)
    qs = __as_array(q)
    out = np.empty(qs.shape)
    for i in np.ndindex(qs.shape):
        out[i] = np.percentile(a, qs[i])
    return out

def __np_x_quantile(a, q):
    if q.ndim == 0:
        return np.quantile(a, q)
    qs = __as_array(q)
    out = np.empty(qs.shape)
    for i in np.ndindex(qs.shape):
        out[i] = np.quantile(a, qs[i])
    return out

# Python's math.floor, math.ceil and math.trunc: ints.
def __np_x_math_floor(x):
    return int(np.floor(x))

def __np_x_math_ceil(x):
    return int(np.ceil(x))

def __np_x_math_trunc(x):
    return int(np.trunc(x))

# Python's math.frexp (x = m * 2**e, 0.5 <= |m| < 1, exact) and math.ldexp
# (m * 2**e, as C's: inf past the largest float). Powers of two are
# applied in two halves, each exact, so no step overflows.
def __np_x_math_frexp(x):
    v = float(x)
    if v == 0.0 or np.isinf(v) or np.isnan(v):
        return v, 0
    e = int(np.floor(np.log2(np.abs(v)))) + 1
    h = e // 2
    m = v / 2.0 ** h / 2.0 ** (e - h)
    if np.abs(m) >= 1.0:
        m = m / 2.0
        e += 1
    elif np.abs(m) < 0.5:
        m = m * 2.0
        e -= 1
    return m, e

def __np_x_math_ldexp(x, i):
    e = min(max(int(i), -2200), 2200)
    h = e // 2
    return float(x) * 2.0 ** h * 2.0 ** (e - h)

# np.uint8(x) and the other narrow integer types: a number wraps to the
# type's width (an i64 holding it, as array elements read are); an array
# is converted.
def __np_x_uint8(x):
    if x.ndim == 0:
        return int(x) & 255
    return x.astype(np.uint8)

def __np_x_int8(x):
    if x.ndim == 0:
        return ((int(x) + 128) & 255) - 128
    return x.astype(np.int8)

def __np_x_uint16(x):
    if x.ndim == 0:
        return int(x) & 65535
    return x.astype(np.uint16)

def __np_x_int16(x):
    if x.ndim == 0:
        return ((int(x) + 32768) & 65535) - 32768
    return x.astype(np.int16)

def __np_x_uint32(x):
    if x.ndim == 0:
        return int(x) & 4294967295
    return x.astype(np.uint32)

def __np_x_var(a, axis=None, ddof=0):
    assert axis is None, "np.var with ddof= and axis= is not supported yet"
    d = a - a.mean()
    return np.sum(d * d) / (a.size - ddof)

def __np_x_std(a, axis=None, ddof=0):
    return np.sqrt(__np_x_var(a, axis, ddof))

# np.histogram(a, bins) with an array of bin edges (Sema calls it for
# the builtin): counted by binary search as Numba's, the last bin closed,
# values outside the edges left out; the edges are returned as given.
def __np_x_histogram_edges(a, bins):
    nbins = len(bins) - 1
    for i in range(nbins):
        if bins[i] > bins[i + 1]:
            raise ValueError("histogram(): bins must increase monotonically")
    hist = np.zeros(max(nbins, 0), dtype=np.int64)
    if nbins > 0:
        flat = a.ravel()
        for k in range(len(flat)):
            v = flat[k]
            if not (bins[0] <= v and v <= bins[nbins]):
                continue
            lo = 0
            hi = nbins - 1
            while lo < hi:
                mid = (lo + hi + 1) >> 1
                if v < bins[mid]:
                    hi = mid - 1
                else:
                    lo = mid
            hist[lo] += 1
    return hist, bins

def __np_x_linspace(start, stop, num=50, endpoint=True):
    if endpoint:
        return np.linspace(start, stop, num)
    step = (stop - start) / num
    return np.arange(num) * step + start

def __np_x_diff(a, n=1):
    if n < 0:
        raise ValueError("order must be non-negative")
    out = a
    for k in range(n):
        out = np.diff(out)
    return out

def __np_x_eye(N, M=None, k=0):
    m = N
    if M is not None:
        m = M
    out = np.zeros((N, m))
    for i in range(N):
        if 0 <= i + k and i + k < m:
            out[i, i + k] = 1.0
    return out

def __np_x_norm(x, ord=None, axis=None):
    # (of the magnitudes: the same squares for real numbers, |z| for
    # complex ones)
    a = np.abs(x)
    if axis is not None:
        assert x.ndim == 2 and ord is None, "np.linalg.norm with axis= takes a 2-D array and no ord here"
        if axis == 0 or axis == -2:
            return np.sqrt(np.sum(a * a, axis=0))
        return np.sqrt(np.sum(a * a, axis=1))
    if ord is None:
        return np.linalg.norm(a)
    if x.ndim == 2:
        # a matrix's norms: the largest (least) row or column sum
        assert ord == np.inf or ord == -np.inf or ord == 1 or ord == -1, "np.linalg.norm of a matrix takes ord=None, np.inf, -np.inf, 1 or -1 here"
        if ord == np.inf:
            return np.max(np.sum(a, axis=1)) * 1.0
        if ord == -np.inf:
            return np.min(np.sum(a, axis=1)) * 1.0
        if ord == 1:
            return np.max(np.sum(a, axis=0)) * 1.0
        return np.min(np.sum(a, axis=0)) * 1.0
    assert x.ndim == 1, "np.linalg.norm with ord= takes a 1-D or 2-D array here"
    if ord == np.inf:
        return np.max(a) * 1.0
    if ord == -np.inf:
        return np.min(a) * 1.0
    if ord == 0:
        return np.sum(a != 0) * 1.0
    if ord == 1:
        return np.sum(a) * 1.0
    if ord == 2:
        return np.linalg.norm(a)
    return np.sum(a ** ord) ** (1.0 / ord)

def __np_x_iinfo_max(a):
    # np.iinfo(a.dtype).max of an array's (or a number's) integer type
    if a.dtype == np.int8:
        return 127
    if a.dtype == np.int16:
        return 32767
    if a.dtype == np.int32:
        return 2147483647
    if a.dtype == np.uint8:
        return 255
    if a.dtype == np.uint16:
        return 65535
    if a.dtype == np.uint32:
        return 4294967295
    if a.dtype == np.uint64:
        return ~np.uint64(0)
    if a.dtype == np.int64:
        return 9223372036854775807
    raise ValueError("np.iinfo takes an integer type")

def __np_x_iinfo_min(a):
    if a.dtype == np.int8:
        return -128
    if a.dtype == np.int16:
        return -32768
    if a.dtype == np.int32:
        return -2147483648
    if a.dtype == np.int64:
        return -9223372036854775807 - 1
    if a.dtype == np.uint8 or a.dtype == np.uint16 or a.dtype == np.uint32 or a.dtype == np.uint64:
        return 0
    raise ValueError("np.iinfo takes an integer type")

def __np_x_finfo_max(a):
    # np.finfo(a.dtype).max, .eps of an array's (or a number's) float type
    if a.dtype == np.float32:
        return np.float32(3.4028234663852886e38)
    if a.dtype == np.float64:
        return 1.7976931348623157e308
    raise ValueError("np.finfo takes a float type")

def __np_x_finfo_min(a):
    return -__np_x_finfo_max(a)

def __np_x_finfo_eps(a):
    if a.dtype == np.float32:
        return np.float32(1.1920928955078125e-07)
    if a.dtype == np.float64:
        return 2.220446049250313e-16
    raise ValueError("np.finfo takes a float type")
)weft";
}

} // namespace weft
