//===- CmathLibrary.cpp - Python's cmath module, written in Weft ----------===//
//
// cmath.f(z) is __np_cmath_f(z) (the parser maps the module's names): a
// number of any type becomes complex first, as cmath's functions take it.
//
//===----------------------------------------------------------------------===//
#include "frontend/NumpyLibrary.h"

namespace weft {

const char *cmathLibrarySource() {
  return R"weft(
def __np_cmath_exp(z):
    return np.exp(z + 0j)

def __np_cmath_log(z, base=None):
    if base is None:
        return np.log(z + 0j)
    return np.log(z + 0j) / np.log(base + 0j)

def __np_cmath_log10(z):
    w = np.log(z + 0j)
    return complex(w.real / np.log(10.0), w.imag / np.log(10.0))

def __np_cmath_sqrt(z):
    return np.sqrt(z + 0j)

def __np_cmath_sin(z):
    return np.sin(z + 0j)

def __np_cmath_cos(z):
    return np.cos(z + 0j)

def __np_cmath_tan(z):
    return np.tan(z + 0j)

def __np_cmath_tanh(z):
    return np.tanh(z + 0j)

def __np_cmath_sinh(z):
    w = z + 0j
    return complex(np.sinh(w.real) * np.cos(w.imag),
                   np.cosh(w.real) * np.sin(w.imag))

def __np_cmath_cosh(z):
    w = z + 0j
    return complex(np.cosh(w.real) * np.cos(w.imag),
                   np.sinh(w.real) * np.sin(w.imag))

def __np_cmath_phase(z):
    w = z + 0j
    return np.arctan2(w.imag, w.real)

def __np_cmath_polar(z):
    return (abs(z + 0j), __np_cmath_phase(z))

def __np_cmath_rect(r, phi):
    return complex(r * np.cos(phi), r * np.sin(phi))

def __np_cmath_isnan(z):
    w = z + 0j
    return np.isnan(w.real) or np.isnan(w.imag)

def __np_cmath_isinf(z):
    w = z + 0j
    return np.isinf(w.real) or np.isinf(w.imag)

def __np_cmath_isfinite(z):
    w = z + 0j
    return np.isfinite(w.real) and np.isfinite(w.imag)
)weft";
}

} // namespace weft
