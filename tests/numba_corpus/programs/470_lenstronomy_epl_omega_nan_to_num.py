# Source: lenstronomy/lenstronomy lenstronomy/LensModel/Profiles/epl_numba.py (omega; at commit 06cb78af) with lenstronomy/Util/numba_util.py (at commit 04eb4951) and the numba section of lenstronomy/Conf/conf_default.yaml (at commit 2ea497a6)
# Licence: BSD-3-Clause (lenstronomy, the project's LICENSE as published on GitHub; Simon Birrer and contributors)
# Notes: the angular series of the elliptical power-law (EPL) lens mass profile of Tessore & Metcalf (2015), used for its deflection angles (strong gravitational lensing, astronomy): omega (jitted with fastmath=True) sums the hypergeometric series with complex128 arrays (np.zeros_like(..., dtype=np.complex128), in-place += and *= with a complex factor, an iteration count from min() and int(np.log(...))); the decorators are lenstronomy's numba_util.jit(), a factory that returns numba.jit(func, nopython=..., cache=..., parallel=..., fastmath=..., error_model='numpy', inline='never') with defaults read from the configuration at import; numba_util also registers, at import, a numba.extending.overload (with jit options as keywords) of a plain wrapper for nan_to_num, and jits nan_to_num_arr (in-place loop with np.isnan/np.isinf, default float arguments) and nan_to_num_single (scalar branches). Pasted: numba_util.py whole (numpy import, `from os import environ`, the module-level configuration, jit, overload, nan_to_num, nan_to_num_arr, nan_to_num_single) and omega from epl_numba.py; numba_util's `from lenstronomy.Conf import config_loader` is replaced by a small class config_loader whose numba_conf() returns the numba section of conf_default.yaml (enable True, nopython True, cache True, parallel False, error_model 'numpy', fastmath False), which the source reads with yaml; left out: the EPL_numba class, param_transform and alpha (alpha calls nan_to_num, which the overload wrapper of this numba_util version returns as the plain Python function, which Numba cannot type); the harness does param_transform's conversion (theta_E=1.2, gamma=2.1, e1=0.1, e2=-0.05) in NumPy on a 40 x 40 image-plane grid, evaluates omega at the elliptical angles for two slopes and axis ratios, forms the deflection (2b/(1+q)) (b/R)^t R/b Omega as alpha does with the 0/0 at the lens centre cleaned by nan_to_num_arr, and calls nan_to_num_single on special values
import numpy as np
from os import environ


class config_loader:
    # stands in for lenstronomy.Conf.config_loader: numba section of Conf/conf_default.yaml
    @staticmethod
    def numba_conf():
        return {'enable': True, 'nopython': True, 'cache': True, 'parallel': False,
                'error_model': 'numpy', 'fastmath': False}


"""
From pyautolens:
Depending on if we're using a super computer, we want two different numba decorators:
If on laptop:
@numba.jit(nopython=True, cache=True, parallel=False)
If on super computer:
@numba.jit(nopython=True, cache=False, parallel=True)
"""

numba_conf = config_loader.numba_conf()
nopython = numba_conf['nopython']
cache = numba_conf['cache']
parallel = numba_conf['parallel']
numba_enabled = numba_conf['enable'] and not environ.get("NUMBA_DISABLE_JIT", False)
fastmath = numba_conf['fastmath']
error_model = numba_conf['error_model']

if numba_enabled:
    try:
        import numba
        from numba import extending
    except ImportError:
        numba_enabled = False
        numba = None
        extending = None

__all__ = ['jit', 'overload', 'nan_to_num', 'nan_to_num_arr', 'nan_to_num_single']


def jit(nopython=nopython, cache=cache, parallel=parallel, fastmath=fastmath, error_model=error_model, inline='never'):
    if numba_enabled:
        def wrapper(func):
            return numba.jit(func, nopython=nopython, cache=cache, parallel=parallel, fastmath=fastmath,
                             error_model=error_model, inline=inline)
    else:
        def wrapper(func):
            return func
    return wrapper


def overload(nopython=nopython, cache=cache, parallel=parallel, fastmath=fastmath, error_model=error_model):
    """
    Wrapper around numba.generated_jit. Allows you to redirect a function to another based on its type
     - see the Numba docs for more info
    """
    if numba_enabled:
        def wrapper(func):
            return func

        @numba.extending.overload(wrapper, nopython=nopython, cache=cache, parallel=parallel, fastmath=fastmath,
                                  error_model=error_model)
        def ol_wrapper(func):
            return func
    else:
        def wrapper(func):
            return func

    return wrapper


@overload()
def nan_to_num(x, posinf=1e10, neginf=-1e10, nan=0.):
    """
    Implements a Numba equivalent to np.nan_to_num (with copy=False!) array or scalar in Numba.
    Behaviour is the same as np.nan_to_num with copy=False, although it only supports 1-dimensional arrays and
    scalar inputs.
    """
    # The generated_jit part is necessary because of the need to support both arrays and scalars for all input
    # functions.
    if ((numba_enabled and isinstance(x, numba.types.Array)) or isinstance(x, np.ndarray)) and x.ndim > 0:
        return nan_to_num_arr if numba_enabled else nan_to_num_arr(x, posinf, neginf, nan)
    else:
        return nan_to_num_single if numba_enabled else nan_to_num_single(x, posinf, neginf, nan)


@jit()
def nan_to_num_arr(x, posinf=1e10, neginf=-1e10, nan=0.):
    """Part of the Numba implementation of np.nan_to_num - see nan_to_num"""
    for i in range(len(x)):
        if np.isnan(x[i]):
            x[i] = nan
        if np.isinf(x[i]):
            if x[i] > 0:
                x[i] = posinf
            else:
                x[i] = neginf
    return x


@jit()
def nan_to_num_single(x, posinf=1e10, neginf=-1e10, nan=0.):
    """Part of the Numba implementation of np.nan_to_num - see nan_to_num"""
    if np.isnan(x):
        return nan
    elif np.isinf(x):
        if x > 0:
            return posinf
        else:
            return neginf
    else:
        return x


@jit(fastmath=True)  # Because of the reduction nature of this, relaxing commutativity actually matters a lot (4x speedup).
def omega(phi, t, q, niter_max=200, tol=1e-16):
    f = (1-q)/(1+q)
    omegas = np.zeros_like(phi, dtype=np.complex128)
    niter = min(niter_max, int(np.log(tol)/np.log(f))+2)  # The absolute value of each summand is always less than f, hence this limit for the number of iterations.
    Omega = 1*np.exp(1j*phi)
    fact = -f*np.exp(2j*phi)
    for n in range(1, niter):
        omegas += Omega
        Omega *= (2*n-(2-t))/(2*n+(2-t)) * fact
    omegas += Omega
    return omegas
# ---- harness (not part of the program) ----
ENTRY = "run_epl"


def run_epl(x, y, theta_E, gamma, e1, e2):
    # param_transform, in NumPy
    t = gamma - 1
    phi_G = np.arctan2(e2, e1) / 2
    c = min(np.sqrt(e1 ** 2 + e2 ** 2), 0.9999)
    q = (1 - c) / (1 + c)
    z = np.exp(-1j * phi_G) * (x + y * 1j)
    b = theta_E * np.sqrt(q)
    zz = z.real * q + 1j * z.imag
    R = np.abs(zz)
    phi = np.angle(zz)
    Om = omega(phi, t, q)
    Om2 = omega(phi, 0.8, 0.6, 50, 1e-12)
    with np.errstate(invalid="ignore", divide="ignore"):
        radial = nan_to_num_arr((b / R) ** t * R / b)
    alph = (2 * b) / (1 + q) * radial * Om
    deflection = alph * np.exp(1j * phi_G)
    specials = np.array([np.nan, np.inf, -np.inf, 2.5])
    singles = [nan_to_num_single(v) for v in specials]
    singles2 = [nan_to_num_single(v, 1.0, -1.0, 7.0) for v in specials]
    return Om, Om2, deflection, singles, singles2


def inputs():
    g = np.linspace(-2.0, 2.0, 41)[:40] + 0.05
    xx, yy = np.meshgrid(g, g)
    x = xx.ravel()
    y = yy.ravel()
    x[0] = 0.0
    y[0] = 0.0
    return (x, y, 1.2, 2.1, 0.1, -0.05)
