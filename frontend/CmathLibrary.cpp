//===- CmathLibrary.cpp - Python's cmath module, written in Weft ----------===//
//
// cmath.f(z) is __np_cmath_f(z) (the parser maps the module's names): a
// number of any type becomes complex first, as cmath's functions take it
// (complex(z), which keeps the sign of a zero part; z + 0j would not).
//
//===----------------------------------------------------------------------===//
#include "frontend/NumpyLibrary.h"

namespace weft {

const char *cmathLibrarySource() {
  return R"weft(
def __np_cmath_exp(z):
    return np.exp(complex(z))

def __np_cmath_log(z, base=None):
    if base is None:
        return np.log(complex(z))
    return np.log(complex(z)) / np.log(base + 0j)

def __np_cmath_log10(z):
    w = np.log(complex(z))
    return complex(w.real / np.log(10.0), w.imag / np.log(10.0))

def __np_cmath_sqrt(z):
    return np.sqrt(complex(z))

def __np_cmath_sin(z):
    return np.sin(complex(z))

def __np_cmath_cos(z):
    return np.cos(complex(z))

def __np_cmath_tan(z):
    return np.tan(complex(z))

def __np_cmath_tanh(z):
    return np.tanh(complex(z))

def __np_cmath_sinh(z):
    w = complex(z)
    return complex(np.sinh(w.real) * np.cos(w.imag),
                   np.cosh(w.real) * np.sin(w.imag))

def __np_cmath_cosh(z):
    w = complex(z)
    return complex(np.cosh(w.real) * np.cos(w.imag),
                   np.sinh(w.real) * np.sin(w.imag))

# asin, acos, atan and their hyperbolic helpers as CPython's cmath module
# computes them (its branch cuts and signed zeros; Numba ports the same).
def __np_cmath_real_asinh(x):
    a = abs(x)
    return np.copysign(np.log1p(a + a * a / (1.0 + np.sqrt(1.0 + a * a))), x)

def __np_cmath_asinh(z):
    w = complex(z)
    s1 = np.sqrt(complex(1.0 + w.imag, -w.real))
    s2 = np.sqrt(complex(1.0 - w.imag, w.real))
    return complex(__np_cmath_real_asinh(s1.real * s2.imag - s2.real * s1.imag),
                   np.arctan2(w.imag, s1.real * s2.real - s1.imag * s2.imag))

def __np_cmath_asin(z):
    w = complex(z)
    s = __np_cmath_asinh(complex(-w.imag, w.real))
    return complex(s.imag, -s.real)

def __np_cmath_acos(z):
    w = complex(z)
    s1 = np.sqrt(complex(1.0 - w.real, -w.imag))
    s2 = np.sqrt(complex(1.0 + w.real, w.imag))
    return complex(2.0 * np.arctan2(s1.real, s2.real),
                   __np_cmath_real_asinh(s2.real * s1.imag - s2.imag * s1.real))

def __np_cmath_atanh(z):
    w = complex(z)
    neg = w.real < 0
    x = -w.real if neg else w.real
    y = -w.imag if neg else w.imag
    ay = abs(y)
    re = np.log1p(4.0 * x / ((1.0 - x) * (1.0 - x) + ay * ay)) / 4.0
    im = -np.arctan2(-2.0 * y, (1.0 - x) * (1.0 + x) - ay * ay) / 2.0
    if neg:
        return complex(-re, -im)
    return complex(re, im)

def __np_cmath_atan(z):
    w = complex(z)
    s = __np_cmath_atanh(complex(-w.imag, w.real))
    return complex(s.imag, -s.real)

def __np_cmath_phase(z):
    w = complex(z)
    return np.arctan2(w.imag, w.real)

def __np_cmath_polar(z):
    return (abs(complex(z)), __np_cmath_phase(z))

def __np_cmath_rect(r, phi):
    return complex(r * np.cos(phi), r * np.sin(phi))

def __np_cmath_isnan(z):
    w = complex(z)
    return np.isnan(w.real) or np.isnan(w.imag)

def __np_cmath_isinf(z):
    w = complex(z)
    return np.isinf(w.real) or np.isinf(w.imag)

def __np_cmath_isfinite(z):
    w = complex(z)
    return np.isfinite(w.real) and np.isfinite(w.imag)
)weft";
}

} // namespace weft
