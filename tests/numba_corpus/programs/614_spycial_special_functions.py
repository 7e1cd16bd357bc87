# Source: person142/spycial spycial/settings.py (at commit 49a8282d), spycial/constants.py (at commit 973eeee8), spycial/fma.py (at commit c37c97c5), spycial/evalpoly.py (at commit 49a8282d), spycial/erfinv.py (at commit 2f683d87), spycial/e1.py (at commit 78c6a2d9), spycial/digamma.py (at commit 49a8282d)
# Licence: BSD-3-Clause (spycial, LICENSE; Copyright (c) 2018, Josh Wilson); the ported Boost coefficients and code carry the Boost Software License 1.0 notices kept in the module docstrings, digamma.py's reflection code is from Cephes (notice kept)
# Notes: special functions written in numba by a SciPy developer (spycial, "scipy.special in numba"). Pasted in dependency order, each module whole: settings.py (CACHE from an environment variable) followed by the added line `settings = sys.modules[__name__]` standing in for `from . import settings` (with `import sys` added), constants.py (Greek-letter identifiers such as _π, _2πj, MINEXP), fma.py (_fma, a numba.extending @intrinsic that emits llvm.fma through llvmlite), evalpoly.py (_devalpoly / _cevalpoly / _devalrational, eager @njit signatures built from numba.types with readonly C arrays, Horner and Knuth's complex scheme through _fma), erfinv.py (_erf_erfc_inv with Boost's rational approximations on module-level coefficient arrays and np.float32 constants, _erfinv / _erfcinv, and the @vectorize ufuncs erfinv / erfcinv), e1.py (_e1, with an underflow cut-off at -MINEXP, and the e1 ufunc) and digamma.py (_digamma_rational, _digamma with reflection, exact harmonic numbers through HARMONIC[np.intc(x)-1], a while-loop recurrence and an asymptotic series, and the digamma ufunc); every jitted function has an explicit string or numba.types signature and cache=settings.CACHE. The `from . import settings` / `from .constants import ...` / `from .evalpoly import ...` / `from .fma import _fma` lines are left out (the modules are pasted above the code that uses them). Not pasted: ei.py (its module-level coefficient arrays P6 / Q6 would rebind erfinv.py's arrays of the same names once the modules share one namespace), and gamma / lgamma / zeta / trig / lanczos / erf (lgamma.py calls np.complex and zeta.py np.int, both removed from NumPy 1.24, so they no longer compile; the others are only needed by those). The harness evaluates the ufuncs on arrays covering every branch (including NaN, +-inf, exact zeros, the boundaries +-1 / 0 / 2, negative and integer arguments, and the large-x overflow paths) and calls the scalar kernels and the polynomial helpers directly
import sys

# ---- spycial/settings.py ----
import os


def get_variable(name, default):
    value = os.environ.get(name)
    if value is None:
        return default

    return bool(int(value))


CACHE = get_variable('SPYCIAL_CACHE', True)
settings = sys.modules[__name__]  # stands in for `from . import settings`

# ---- spycial/constants.py ----
import numpy as np

# Numbers related to π

_π = 3.141592653589793238462643
_2π = 6.283185307179586476925284
_2πj = 6.283185307179586476925284j
_logπ = 1.144729885849400174143426
_log2π_2 = 0.91893853320467274178  # log(2π)/2
sqrt_2_π = 0.79788456080286535588  # √(2/π)
_2πe = 17.07946844534713413093

# Numbers related to the base of the natural logarithm (e)

_e = 2.718281828459045235360288

# Numbers related to the Euler-Mascheroni constant

_γ = 0.5772156649015328655494272

# Limits

_ε = 2.220446049250313e-16  # Machine epsilon
_root_ε = 1.490116119384765625e-8  # Square root of machine epsilon

# Largest float64 input to exp that doesn't overflow
_MAXEXP = 709.7827128933839731

# Largest float64 input to cosh that doesn't overflow. Note that sinh
# overflows when cosh does.
_MAXCOSH = 710.47586007394329499

# Smallest float64 before exp underflows
MINEXP = -745.13321910194110842

# ---- spycial/fma.py ----
import numba
from numba.types import float64
from numba.extending import intrinsic
from llvmlite import ir


@intrinsic
def _fma(typing_context, x, y, z):
    """Compute x * y + z using a fused multiply add."""
    sig = float64(float64, float64, float64)

    def codegen(context, builder, signature, args):
        ty = args[0].type
        mod = builder.module
        fnty = ir.types.FunctionType(ty, [ty, ty, ty])
        fn = mod.declare_intrinsic('llvm.fma', [ty], fnty)
        ret = builder.call(fn, args)
        return ret

    return sig, codegen

# ---- spycial/evalpoly.py ----
"""Evaluate polynomials and rational functions.

All of the coefficients polynomials are stored in reverse order,
i.e. if the polynomial is

    u_n x^n + u_{n - 1} x^{n - 1} + ... + u_0,

then coeffs[0] = u_n, coeffs[1] = u_{n - 1}, ..., coeffs[n] = u_0.

References
----------
[1] Knuth, "The Art of Computer Programming, Volume II"
[2] Holin et al., "Polynomial and Rational Function Evaluation",
    http://www.boost.org/doc/libs/1_61_0/libs/math/doc/html/math_toolkit/roots/rational.html

"""
import numpy as np
from numba import njit
from numba.types import complex128, float64, intc, Array


@njit(float64(Array(float64, 1, "C", readonly=True), float64))
def _devalpoly(coeffs, x):
    """Evaluate a polynomial using Horner's method."""
    res = coeffs[0]

    for j in range(1, len(coeffs)):
        res = _fma(res, x, coeffs[j])

    return res


@njit(complex128(Array(float64, 1, "C", readonly=True), complex128))
def _cevalpoly(coeffs, z):
    """Evaluate a polynomial with real coefficients at a complex point.

    Uses equation (3) in section 4.6.4 of [1]. Note that it is more
    efficient than Horner's method.

    """
    a = coeffs[0]
    b = coeffs[1]
    r = 2*z.real
    s = z.real*z.real + z.imag*z.imag

    for j in range(2, len(coeffs)):
        tmp = b
        b = _fma(-s, a, coeffs[j])
        a = _fma(r, a, tmp)
    return z*a + b


@njit(float64(Array(float64, 1, "C", readonly=True),
              Array(float64, 1, "C", readonly=True), float64))
def _devalrational(coeffs_num, coeffs_denom, x):
    """Evaluate a polynomial with real coefficients at a real point.

    Uses the method outlined in [2].

    """
    if np.fabs(x) > 1:
        y = 1.0/x

        num = coeffs_num[-1]
        for j in range(len(coeffs_num) - 2, -1, -1):
            num = _fma(num, y, coeffs_num[j])

        denom = coeffs_denom[-1]
        for j in range(len(coeffs_denom) - 2, -1, -1):
            denom = _fma(denom, y, coeffs_denom[j])

        return x**(len(coeffs_denom) - len(coeffs_num))*num/denom
    else:
        return _devalpoly(coeffs_num, x)/_devalpoly(coeffs_denom, x)

# ---- spycial/erfinv.py ----
"""The implementation here is ported from Boost, which is:

(C) Copyright John Maddock 2006.
Use, modification and distribution are subject to the
Boost Software License, Version 1.0. (See accompanying file
LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

"""
from numba import njit, vectorize
import numpy as np

P_ONE_HALF = np.array([
    -0.00538772965071242932965,
    0.00822687874676915743155,
    0.0219878681111168899165,
    -0.0365637971411762664006,
    -0.0126926147662974029034,
    0.0334806625409744615033,
    -0.00836874819741736770379,
    -0.000508781949658280665617,
])

Q_ONE_HALF = np.array([
    0.000886216390456424707504,
    -0.00233393759374190016776,
    0.0795283687341571680018,
    -0.0527396382340099713954,
    -0.71228902341542847553,
    0.662328840472002992063,
    1.56221558398423026363,
    -1.56574558234175846809,
    -0.970005043303290640362,
    1.0,
])

P_ONE_QUARTER = np.array([
    -3.67192254707729348546,
    21.1294655448340526258,
    17.445385985570866523,
    -44.6382324441786960818,
    -18.8510648058714251895,
    17.6447298408374015486,
    8.37050328343119927838,
    0.105264680699391713268,
    -0.202433508355938759655,
])

Q_ONE_QUARTER = np.array([
    1.72114765761200282724,
    -22.6436933413139721736,
    10.8268667355460159008,
    48.5609213108739935468,
    -20.1432634680485188801,
    -28.6608180499800029974,
    3.9713437953343869095,
    6.24264124854247537712,
    1.0,
])

P3 = np.array([
    -0.681149956853776992068e-9,
    0.285225331782217055858e-7,
    -0.679465575181126350155e-6,
    0.00214558995388805277169,
    0.0290157910005329060432,
    0.142869534408157156766,
    0.337785538912035898924,
    0.387079738972604337464,
    0.117030156341995252019,
    -0.163794047193317060787,
    -0.131102781679951906451,
])

Q3 = np.array([
    0.01105924229346489121,
    0.152264338295331783612,
    0.848854343457902036425,
    2.59301921623620271374,
    4.77846592945843778382,
    5.38168345707006855425,
    3.46625407242567245975,
    1.0,
])

P6 = np.array([
    0.266339227425782031962e-11,
    -0.230404776911882601748e-9,
    0.460469890584317994083e-5,
    0.000157544617424960554631,
    0.00187123492819559223345,
    0.00950804701325919603619,
    0.0185573306514231072324,
    -0.00222426529213447927281,
    -0.0350353787183177984712,
])

Q6 = np.array([
    0.764675292302794483503e-4,
    0.00263861676657015992959,
    0.0341589143670947727934,
    0.220091105764131249824,
    0.762059164553623404043,
    1.3653349817554063097,
    1.0,
])

P18 = np.array([
    0.99055709973310326855e-16,
    -0.281128735628831791805e-13,
    0.462596163522878599135e-8,
    0.449696789927706453732e-6,
    0.149624783758342370182e-4,
    0.000209386317487588078668,
    0.00105628862152492910091,
    -0.00112951438745580278863,
    -0.0167431005076633737133,
])

Q18 = np.array([
    0.282243172016108031869e-6,
    0.275335474764726041141e-4,
    0.000964011807005165528527,
    0.0160746087093676504695,
    0.138151865749083321638,
    0.591429344886417493481,
    1.0,
])

# In the original Boost code there are larger coefficients for
# long-doubles, so these coefficients are only for x < 44. Double
# precision underflows before we hit 44, however.
P44 = np.array([
    -0.116765012397184275695e-17,
    0.145596286718675035587e-11,
    0.411632831190944208473e-9,
    0.396341011304801168516e-7,
    0.162397777342510920873e-5,
    0.254723037413027451751e-4,
    -0.779190719229053954292e-5,
    -0.0024978212791898131227,
])

Q44 = np.array([
    0.509761276599778486139e-9,
    0.144437756628144157666e-6,
    0.145007359818232637924e-4,
    0.000690538265622684595676,
    0.0169410838120975906478,
    0.207123112214422517181,
    1.0,
])


@njit('float64(float64, float64)', cache=settings.CACHE)
def _erf_erfc_inv(p, q):
    if p <= 0.5:
        Y = np.float32(0.0891314744949340820313)
        g = p * (p + 10)
        r = _devalpoly(P_ONE_HALF, p) / _devalpoly(Q_ONE_HALF, p)
        result = g * Y + g * r
        return result
    elif q >= 0.25:
        Y = np.float32(2.249481201171875)
        g = np.sqrt(-2 * np.log(q))
        xs = q - 0.25
        r = _devalpoly(P_ONE_QUARTER, xs) / _devalpoly(Q_ONE_QUARTER, xs)
        result = g / (Y + r)
        return result

    x = np.sqrt(-np.log(q))
    if x < 3:
        Y = np.float32(0.807220458984375)
        xs = x - 1.125
        R = _devalpoly(P3, xs) / _devalpoly(Q3, xs)
        result = Y * x + R * x
        return result
    elif x < 6:
        Y = np.float32(0.93995571136474609375)
        xs = x - 3
        R = _devalpoly(P6, xs) / _devalpoly(Q6, xs)
        result = Y * x + R * x
        return result
    elif x < 18:
        Y = np.float32(0.98362827301025390625)
        xs = x - 6
        R = _devalpoly(P18, xs) / _devalpoly(Q18, xs)
        result = Y * x + R * x
        return result
    else:
        Y = np.float32(0.99714565277099609375)
        xs = x - 18
        R = _devalpoly(P44, xs) / _devalpoly(Q44, xs)
        result = Y * x + R * x
        return result


@njit('float64(float64)', cache=settings.CACHE)
def _erfinv(x):
    if np.isnan(x):
        return x
    elif x < -1 or x > 1:
        return np.nan
    elif x == 1:
        return np.inf
    elif x == -1:
        return -np.inf
    elif x == 0:
        return 0

    if x < 0:
        p = -x
        q = 1 - p
        s = -1
    else:
        p = x
        q = 1 - x
        s = 1
    return s * _erf_erfc_inv(p, q)


@njit('float64(float64)', cache=settings.CACHE)
def _erfcinv(x):
    if np.isnan(x):
        return x
    elif x < 0 or x > 2:
        return np.nan
    elif x == 0:
        return np.inf
    elif x == 2:
        return -np.inf

    if x > 1:
        q = 2 - x
        p = 1 - q
        s = -1
    else:
        p = 1 - x
        q = x
        s = 1

    return s * _erf_erfc_inv(p, q)


@vectorize(['float64(float64)'], nopython=True, cache=settings.CACHE)
def erfinv(x):
    """Inverse error function.

    Parameters
    ----------
    x : array-like
        Points on the real line
    out : ndarray, optional
        Output array for the values of `erfinv` at `x`

    Returns
    -------
    ndarray
        Values of `erfinv` at `x`

    """
    return _erfinv(x)


@vectorize(['float64(float64)'], nopython=True, cache=settings.CACHE)
def erfcinv(x):
    """Inverse complementary error function.

    Parameters
    ----------
    x : array-like
        Points on the real line
    out : ndarray, optional
        Output array for the values of `erfcinv` at `x`

    Returns
    -------
    ndarray
        Values of `erfcinv` at `x`

    """
    return _erfcinv(x)

# ---- spycial/e1.py ----
"""Implementation ported from Boost, which is:

Copyright John Maddock 2007.
Use, modification and distribution are subject to the
Boost Software License, Version 1.0. (See accompanying file
LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

"""
from numba import njit, vectorize
import numpy as np

P_LT1 = np.array([
    -0.000111507792921197858394,
    -0.00399167106081113256961,
    -0.0368031736257943745142,
    -0.245088216639761496153,
    0.0320913665303559189999,
    0.0865197248079397976498,
])

Q_LT1 = np.array([
    -0.528611029520217142048e-6,
    0.000131049900798434683324,
    0.00427347600017103698101,
    0.056770677104207528384,
    0.37091387659397013215,
    1.0,
])

P_GT1 = np.array([
    -1185.45720315201027667,
    -14751.4895786128450662,
    -54844.4587226402067411,
    -86273.1567711649528784,
    -66598.2652345418633509,
    -27182.6254466733970467,
    -6046.8250112711035463,
    -724.581482791462469795,
    -43.3058660811817946037,
    -0.999999999999998811143,
    -0.121013190657725568138e-18,
])

Q_GT1 = np.array([
    -0.776491285282330997549,
    1229.20784182403048905,
    18455.4124737722049515,
    86722.3403467334749201,
    180329.498380501819718,
    192104.047790227984431,
    113057.05869159631492,
    38129.5594484818471461,
    7417.37624454689546708,
    809.193214954550328455,
    45.3058660811801465927,
    1.0,
])


@njit('float64(float64)', cache=settings.CACHE)
def _e1(x):
    if x < 0:
        return np.nan
    elif x == 0:
        return np.inf
    elif x <= 1:
        Y = np.float32(0.66373538970947265625)
        result = _devalpoly(P_LT1, x) / _devalpoly(Q_LT1, x)
        result += x - np.log(x) - Y
        return result
    elif x < -MINEXP:
        recip = 1 / x
        result = 1 + _devalpoly(P_GT1, recip) / _devalpoly(Q_GT1, recip)
        result *= np.exp(-x) * recip
        return result
    else:
        return 0


@vectorize(['float64(float64)'], nopython=True, cache=settings.CACHE)
def e1(x):
    r"""Exponential integral :math:`E_1(x)`.

    For real :math:`x > 0` the exponential integral can be defined as
    [1]_

    .. math::

        E_1(x) = \int_x^\infty \frac{e^{-t}}{t} dt.

    Parameters
    ----------
    x: array-like
        Points on the real line
    out: ndarray, optional
        Output array for the values of `e1` at `x`

    Returns
    -------
    ndarray
        Values of `e1` at `x`

    See Also
    --------
    ei: Exponential integral :math:`Ei`
    en: Generalization of :math:`E_1`

    References
    ----------
    .. [1] Digital Library of Mathematical Functions, 6.2.1
           https://dlmf.nist.gov/6.2#E1

    """
    return _e1(x)

# ---- spycial/digamma.py ----
"""Implementation of the digamma function. The original code is from
Cephes:

Cephes Math Library Release 2.8:  June, 2000
Copyright 1984, 1987, 1992, 2000 by Stephen L. Moshier

Code for the rational approximation on [1, 2] is from Boost, which is:

(C) Copyright John Maddock 2006.
Use, modification and distribution are subject to the
Boost Software License, Version 1.0. (See accompanying file
LICENSE_1_0.txt or copy at http://www.boost.org/LICENSE_1_0.txt)

"""
from numba import njit, vectorize
import numpy as np

# Harmonic numbers minus the Euler-Mascheroni constant
HARMONIC = np.array([
    -0.5772156649015328606065121,
    0.4227843350984671393934879,
    0.9227843350984671393934879,
    1.256117668431800472726821,
    1.506117668431800472726821,
    1.706117668431800472726821,
    1.872784335098467139393488,
    2.015641477955609996536345,
    2.140641477955609996536345,
    2.251752589066721107647456
])

ASYMP = np.array([
    8.33333333333333333333E-2,
    -2.10927960927960927961E-2,
    7.57575757575757575758E-3,
    -4.16666666666666666667E-3,
    3.96825396825396825397E-3,
    -8.33333333333333333333E-3,
    8.33333333333333333333E-2
])

RAT_NUM = np.array([
    -0.0020713321167745952,
    -0.045251321448739056,
    -0.28919126444774784,
    -0.65031853770896507,
    -0.32555031186804491,
    0.25479851061131551
])

RAT_DENOM = np.array([
    -0.55789841321675513e-6,
    0.0021284987017821144,
    0.054151797245674225,
    0.43593529692665969,
    1.4606242909763515,
    2.0767117023730469,
    1.0
])


@njit('float64(float64)', cache=settings.CACHE)
def _digamma_rational(x):
    """Rational approximation on [1, 2] taken from Boost.

    For the approximation, we use the form

    digamma(x) = (x - root) * (Y + R(x-1))

    where root is the location of the positive root of digamma, Y is a
    constant, and R is optimised for low absolute error compared to Y.

    Maximum deviation found: 1.466e-18
    At double precision, max error found: 2.452e-17

    """
    Y = np.float32(0.99558162689208984)
    root1 = 1569415565.0/1073741824.0
    root2 = (381566830.0/1073741824.0)/1073741824.0
    root3 = 0.9016312093258695918615325266959189453125e-19

    g = x - root1
    g -= root2
    g -= root3
    r = _devalpoly(RAT_NUM, x - 1.0)/_devalpoly(RAT_DENOM, x - 1.0)

    return g*Y + g*r


@njit('float64(float64)', cache=settings.CACHE)
def _digamma(x):
    res = 0.0

    if np.isnan(x) or x == np.inf:
        return x
    elif x == -np.inf:
        return np.nan
    elif x == 0:
        return np.copysign(np.inf, -x)
    elif x < 0.0:
	# Argument reduction before evaluating tan(πx).
        r = np.fmod(x, 1.0)
        if r == 0.0:
            return np.nan
        πr = _π*r
        # Reflection formula
        res = -_π*np.cos(πr)/np.sin(πr) - 1.0/x
        x = -x

    if x <= 10.0:
        if x == np.floor(x):
            # Exact values for for positive integers up to 10
            res += HARMONIC[np.intc(x)-1]
            return res
        # Use the recurrence relation to move x into [1, 2]
        if x < 1.0:
            res -= 1.0/x
            x += 1.0
        elif x < 10.0:
            while x > 2.0:
                x -= 1.0
                res += 1.0/x

        res += _digamma_rational(x)
        return res

    # We know x is large, use the asymptotic series.
    if x < 1.0e17:
        z = 1.0/(x*x)
        y = z*_devalpoly(ASYMP, z)
    else:
        y = 0.0
    res += np.log(x) - (0.5/x) - y
    return res


@vectorize(['float64(float64)'], nopython=True, cache=settings.CACHE)
def digamma(x):
    """Digamma function.

    Parameters
    ----------
    x : array-like
        Points on the real line
    out : ndarray, optional
        Output array for the values of `digamma` at `x`

    Returns
    -------
    ndarray
        Values of `digamma` at `x`

    """
    return _digamma(x)
# ---- harness (not part of the program) ----
ENTRY = "spycial_suite"


def spycial_suite(u, xpos, xdig):
    edge = np.array([np.nan, -1.5, -1.0, -0.0, 0.0, 1.0, 1.5, 1e-300,
                     1 - 1e-12, -(1 - 1e-17)])
    ecedge = np.array([np.nan, -0.5, 0.0, 2.0, 2.5, 1.0, 1e-300, 1e-30,
                       2 - 1e-12])
    r_erfinv = erfinv(np.concatenate((u, edge)))
    r_erfcinv = erfcinv(np.concatenate((u + 1.0, ecedge, 10.0 ** -np.arange(1, 300, 7.0))))
    e1_edge = np.array([np.nan, -2.0, 0.0, 1.0, 744.0, 746.0, 1e-8])
    r_e1 = e1(np.concatenate((xpos, e1_edge)))
    dg_edge = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, -3.0, -2.5,
                        1.0, 7.0, 10.0, 0.3, 9.5, 1e18, 123.25])
    r_dg = digamma(np.concatenate((xdig, dg_edge)))
    scal = np.array([_erfinv(0.3), _erfcinv(1.7), _erf_erfc_inv(0.9, 0.1),
                     _e1(2.5), _digamma(-7.3), _digamma_rational(1.4)])
    coeffs = np.array([1.5, -2.0, 0.25, 3.0])
    polys = (_devalpoly(coeffs, 0.7), _devalrational(coeffs, coeffs[::-1].copy(), 2.5),
             _devalrational(coeffs, coeffs[:3].copy(), 0.4),
             _cevalpoly(coeffs, 0.3 + 1.2j))
    out = np.empty(5)
    erfinv(u[:5], out)
    return r_erfinv, r_erfcinv, r_e1, r_dg, scal, polys, out


def inputs():
    rng = np.random.default_rng(0)
    u = rng.uniform(-0.999, 0.999, 40)
    xpos = np.concatenate((rng.uniform(0.0, 1.0, 10), rng.uniform(1.0, 50.0, 10)))
    xdig = np.concatenate((rng.uniform(-20.0, 0.0, 10), rng.uniform(0.0, 30.0, 10)))
    return (u, xpos, xdig)
