# Source: CFT-HY/pttools pttools/bubble/bag.py, pttools/bubble/relativity.py, pttools/type_hints.py (at commit 055214ba), pttools/bubble/const.py (at commit 09fdfe24), pttools/speedup/numba_wrapper.py (at commit 07d65f65)
# Licence: MIT (PTtools, LICENSE; Copyright (c) 2015-2025 Mark Hindmarsh, Chloe Hopling, Mika Mäki and Daniel Cutting)
# Notes: the bag equation of state and special-relativity helpers of PTtools (gravitational waves from cosmological phase transitions). bag.py (pasted whole): check_thetas (np.any of an array comparison, then `with numba.objmode:` calling logging's logger.warning with %-style arguments), cs2_bag_scalar / cs2_bag_arr reading the constant const.CS0_2 as a module attribute, cs2_bag and get_phase as @numba.generated_jit(nopython=True) dispatchers that return an @numba.njit function for numba.types.Float or numba.types.Array arguments (and fall back to calling them for plain Python floats/arrays), get_p / get_e / get_w / adiabatic_index with a defaulted theta_b = 0. and scalar-or-array arguments, _get_phase_arr (np.where of a mask used as an index); the plain-Python theta_bag. relativity.py (pasted whole): lorentz, gamma2 and gamma (a jitted function calling another). Imports: bag.py's `from pttools import speedup` (unused in this file) is dropped; `import pttools.type_hints as th` and `from . import const` are replaced by the pasted type_hints.py and const.py plus two module objects `th` and `const` holding their names (so that `th.FloatOrArr` annotations and the jitted `const.CS0_2` read work as they do in the package), and type_hints.py's `from pttools.speedup.numba_wrapper import CPUDispatcher` by the try/except import block of numba_wrapper.py that defines it. The stored const.py version no longer defines BROK_PHASE/SYMM_PHASE, so get_phase and its two helpers are pasted but not called. The harness evaluates every function on scalars and on enthalpy/fluid-velocity arrays, in both phases and with a mixed phase array, inside a jitted caller for the generated_jit dispatcher, and triggers the objmode warning once (theta_b > theta_s); the theta arguments are always passed as arrays (np.any of a scalar comparison, which check_thetas does for scalar thetas, does not compile under the Numba this corpus is checked with)

# ---- pttools/speedup/numba_wrapper.py (the import block that defines CPUDispatcher) ----
import numba
try:
    from numba.core.ccallback import CFunc
    from numba.core.dispatcher import Dispatcher
    from numba.core.registry import CPUDispatcher
    from numba.experimental import jitclass
    #: Whether the Numba version used is from before the major refactoring of the module structure.
    NUMBA_OLD_STRUCTURE = False
except ImportError:
    from numba import jitclass
    from numba.ccallback import CFunc
    from numba.dispatcher import Dispatcher
    from numba.targets.registry import CPUDispatcher
    NUMBA_OLD_STRUCTURE = True


# ---- pttools/type_hints.py ----
"""Type hints for simplifying and unifying PTtools code"""

import typing as tp

import numpy as np
import scipy.integrate as spi

# from pttools.speedup.numba_wrapper import CPUDispatcher   (defined above)

# Function and object types
NumbaFunc = tp.Union[callable, CPUDispatcher]
ODESolver = tp.Union[spi.OdeSolver, tp.Type[spi.OdeSolver], tp.Type[spi.odeint], str]

# Numerical types
FloatOrArr = tp.Union[float, np.ndarray]
FloatOrArrNumba = tp.Union[float, np.ndarray, NumbaFunc]
IntOrArr = tp.Union[int, np.ndarray]


# ---- pttools/bubble/const.py ----
"""Constants for the bubble module"""

import typing as tp

import numpy as np


#: Smallest float
EPS: tp.Final[np.float_] = np.nextafter(0, 1)

#: Default number of entries in $\xi$ array
N_XI_DEFAULT: int = 5000
#: Maximum number of entries in $\xi$ array
N_XI_MAX: int = 1000000
#: How accurate is $\alpha_+ (\alpha_n)$
FIND_ALPHA_PLUS_TOL: float = 1e-6
#: Integration limit for the parametric form of the fluid equations
T_END_DEFAULT: float = 50.
#: Difference between consequent $\xi$ values
DXI_SMALL: float = 1. / N_XI_DEFAULT

# Some functions useful for the bag equation of state.

#: Ideal speed of sound
CS0: tp.Final[np.float_] = 1 / np.sqrt(3)
#: Ideal speed of sound squared
CS0_2: tp.Final[float] = 1/3


# ---- module objects standing in for `pttools.type_hints as th` and `pttools.bubble.const` ----
import types as _types

th = _types.ModuleType("pttools.type_hints")
for _name in ("NumbaFunc", "ODESolver", "FloatOrArr", "FloatOrArrNumba", "IntOrArr"):
    setattr(th, _name, globals()[_name])
const = _types.ModuleType("pttools.bubble.const")
for _name in ("EPS", "N_XI_DEFAULT", "N_XI_MAX", "FIND_ALPHA_PLUS_TOL", "T_END_DEFAULT", "DXI_SMALL", "CS0", "CS0_2"):
    setattr(const, _name, globals()[_name])


# ---- pttools/bubble/bag.py ----
"""Some functions useful for the bag equation of state

See page 37 of the lecture notes 10.21468/SciPostPhysLectNotes.24
"""

# import enum
import logging
import typing as tp

import numba
import numpy as np

# import pttools.type_hints as th   (module object above)
# from pttools import speedup   (unused here)
# from . import const   (module object above)

logger = logging.getLogger(__name__)

CS2Fun = tp.Callable[[th.FloatOrArr], float]


# TODO: think about using an enum for the phases
# @enum.unique
# class Phase(enum.IntEnum):
#     SYMMETRIC = 0
#     BROKEN = 1


# def cs_w(w):
#    # Speed of sound function, another label
#    # to be adapted to more realistic equations of state, e.g. with interpolation
#    return cs0
#
#
# def cs2_w(w):
#    # Speed of sound squared function
#    # to be adapted to more realistic equations of state, e.g. with interpolation
#    return cs0_2


@numba.njit
def check_thetas(theta_s: th.FloatOrArr, theta_b: th.FloatOrArr) -> None:
    if np.any(theta_b > theta_s):
        with numba.objmode:
            logger.warning(
                "theta_b should always be smaller than theta_s, "
                f"but got theta_s=%s, theta_b=%s", theta_s, theta_b)


@numba.njit
def cs2_bag_scalar(w: float) -> float:
    """The scalar versions of the bag functions have to be compiled to cfuncs if jitting is disabled,
    as otherwise the cfunc version of the differential cannot be created.
    """
    return const.CS0_2


@numba.njit
def cs2_bag_arr(w: np.ndarray) -> np.ndarray:
    return const.CS0_2 * np.ones_like(w)


@numba.generated_jit(nopython=True)
def cs2_bag(w: th.FloatOrArr):
    r"""
    Speed of sound squared in Bag model, equal to $\frac{1}{3}$ independent of enthalpy $w$
    """
    if isinstance(w, numba.types.Float):
        return cs2_bag_scalar
    if isinstance(w, numba.types.Array):
        return cs2_bag_arr
    if isinstance(w, float):
        return cs2_bag_scalar(w)
    if isinstance(w, np.ndarray):
        return cs2_bag_arr(w)
    raise TypeError(f"Unknown type for w: {type(w)}")


def theta_bag(w: th.FloatOrArr, phase: th.IntOrArr, alpha_n: th.FloatOrArr) -> th.FloatOrArr:
    r"""
    Trace anomaly $\theta = \frac{1}{4} (e - 3p)$ in the Bag model.
    Equation 7.24 in the lecture notes, equation 2.10 in the article

    :param w: enthalpy $w$
    :param phase: phase(s)
    :param alpha_n: strength of the transition $\alpha_n$
    :return: trace anomaly $\theta_\text{bag}$
    """
    if isinstance(w, np.ndarray):
        w_n = w[-1]
    else:
        w_n = w
    return alpha_n * (0.75 * w_n) * (1 - phase)


@numba.njit
def get_p(
        w: th.FloatOrArr,
        phase: th.IntOrArr,
        theta_s: th.FloatOrArr,
        theta_b: th.FloatOrArr = 0.) -> th.FloatOrArr:
    r"""
    Pressure as a function of enthalpy $w$, assuming bag model.
    $\theta = \frac{e - 3p}{4}$ (trace anomaly or "vacuum energy").
    Enthalpy, theta and phase can be arrays of the same shape.
    See also the equation 4.40.

    :param w: enthalpy $w$
    :param phase: phase indicator
    :param theta_s: $\theta$ for symmetric phase, ahead of bubble (phase = 0)
    :param theta_b: $\theta$ for broken phase, behind bubble (phase = 1)
    :return: pressure $p$
    """
    check_thetas(theta_s, theta_b)
    theta = theta_b * phase + theta_s * (1.0 - phase)
    return 0.25 * w - theta


@numba.njit
def get_e(
        w: th.FloatOrArr,
        phase: th.IntOrArr,
        theta_s: th.FloatOrArr,
        theta_b: th.FloatOrArr = 0.) -> th.FloatOrArr:
    r"""
    Energy density as a function of enthalpy $w$, assuming bag model.
    $\theta = \frac{e - 3p}{4}$ ("vacuum energy").
    Enthalpy and phase can be arrays of the same shape.
    See also the equation 4.10.

    :param w: enthalpy $w$
    :param phase: phase indicator
    :param theta_s: $\theta$ for symmetric phase, ahead of bubble (phase = 0)
    :param theta_b: $\theta$ for broken phase, behind bubble (phase = 1)
    :return: energy density
    """
    return w - get_p(w, phase, theta_s, theta_b)


@numba.njit
def get_w(
        e: th.FloatOrArr,
        phase: th.IntOrArr,
        theta_s: th.FloatOrArr,
        theta_b: th.FloatOrArr = 0.) -> th.FloatOrArr:
    r"""
    Enthalpy $w$ as a function of energy density, assuming bag model.
    $\theta = \frac{e - 3p}{4}$ ("vacuum energy").
    Enthalpy and phase can be arrays of the same shape.
    Mentioned on page 23.

    :param e: energy density
    :param phase: phase indicator
    :param theta_s: $\theta$ for symmetric phase, ahead of bubble (phase = 0)
    :param theta_b: $\theta$ for broken phase, behind bubble (phase = 1)
    :return: enthalpy $w$
    """
    check_thetas(theta_s, theta_b)
    # Actually, theta is often known only from alpha_n and w, so should
    # think about an fsolve?
    theta = theta_b * phase + theta_s * (1.0 - phase)
    return 4/3 * (e - theta)


@numba.njit
def _get_phase_scalar(xi: float, v_w: float) -> int:
    return const.BROK_PHASE if xi < v_w else const.SYMM_PHASE


@numba.njit
def _get_phase_arr(xi: np.ndarray, v_w: float) -> np.ndarray:
    ph = np.zeros_like(xi)
    ph[np.where(xi < v_w)] = const.BROK_PHASE
    return ph


@numba.generated_jit(nopython=True)
def get_phase(xi: th.FloatOrArr, v_w: float) -> th.FloatOrArr:
    r"""
    Returns array indicating phase of system.
    in symmetric phase $(\xi > v_w)$, phase = 0
    in broken phase $(\xi < v_w)$, phase = 1

    :return: phase
    """
    if isinstance(xi, numba.types.Float):
        return _get_phase_scalar
    if isinstance(xi, numba.types.Array):
        if not xi.ndim:
            return _get_phase_scalar
        return _get_phase_arr
    if isinstance(xi, float):
        return _get_phase_scalar(xi, v_w)
    if isinstance(xi, np.ndarray):
        return _get_phase_arr(xi, v_w)
    raise TypeError(f"Unknown type for {type(xi)}")


@numba.njit
def adiabatic_index(
        w: th.FloatOrArr,
        phase: th.IntOrArr,
        theta_s: th.FloatOrArr,
        theta_b: th.FloatOrArr = 0.) -> th.FloatOrArr:
    r"""
    Returns array of float, adiabatic index (ratio of enthalpy to energy).

    :param w: enthalpy $w$
    :param phase: phase indicator
    :param theta_s: $\theta$ for symmetric phase, ahead of bubble (phase = 0)
    :param theta_b: $\theta$ for broken phase, behind bubble (phase = 1)
    :return: adiabatic index
    """
    return w / get_e(w, phase, theta_s, theta_b)


# ---- pttools/bubble/relativity.py ----
"""Functions for calculating quantities from Einstein's special theory of relativity"""

import numba
import numpy as np

# import pttools.type_hints as th   (module object above)


@numba.njit
def lorentz(xi: th.FloatOrArr, v: th.FloatOrArr) -> th.FloatOrArr:
    r"""
    Lorentz transformation of fluid speed $v$ between moving frame and plasma frame:
    $\frac{\xi - v}{1 - v\xi}$.

    :param xi: $\xi = \frac{r}{t}$
    :param v: fluid speed $v$
    """
    return (xi - v)/(1 - v*xi)


@numba.njit
def gamma2(v: th.FloatOrArr) -> th.FloatOrArr:
    r"""
    Square of Lorentz gamma, $\gamma^2 = \frac{1}{1 - v^2}$.

    :param v: [fluid] speed $v$
    :return: $\gamma^2$
    """
    return 1./(1. - v**2)


@numba.njit
def gamma(v: th.FloatOrArr) -> th.FloatOrArr:
    r"""
    Lorentz gamma, $\gamma = (1 - v^2)^{-\frac{1}{2}}$.

    :param v: [fluid] speed $v$
    :return: $\gamma$
    """
    return np.sqrt(gamma2(v))


# ---- harness (not part of the program) ----
ENTRY = "pttools_bag"


@numba.njit
def _cs2_in_jit(w_scalar, w_arr):
    return cs2_bag(w_scalar), cs2_bag(w_arr)


def pttools_bag(w, xi, v):
    res = {}
    phase_arr = (xi < 0.6).astype(np.float64)
    ts = np.full_like(w, 0.1)
    tb = np.full_like(w, 0.02)
    one = np.ones(1)
    res["cs2_scalar"] = cs2_bag(1.5)
    res["cs2_arr"] = cs2_bag(w)
    res["cs2_in_jit"] = _cs2_in_jit(0.25, w)
    res["cs2_helpers"] = (cs2_bag_scalar(2.0), cs2_bag_arr(w[:4]))
    res["p_symm"] = get_p(w, 0.0, ts)
    res["p_brok"] = get_p(w, 1.0, ts, tb)
    res["p_mixed"] = get_p(w, phase_arr, ts, 0.02)
    res["p_scalar_w"] = get_p(2.0, 1, 0.3 * one, 0.1 * one)
    res["e_arr"] = get_e(w, phase_arr, ts, 0.5 * tb)
    res["e_scalar_w"] = get_e(1.25, 0.0, 0.2 * one)
    res["w_from_e"] = get_w(res["e_arr"], phase_arr, ts, 0.5 * tb)
    res["w_scalar_e"] = get_w(3.0, 1.0, 0.2 * one, 0.1)
    res["adiabatic"] = adiabatic_index(w, phase_arr, ts, 0.5 * tb)
    res["adiabatic_scalar_w"] = adiabatic_index(1.7, 0.0, 0.2 * one)
    res["p_warn"] = get_p(1.0, 1.0, 0.01 * one, 0.2 * one)
    res["theta_bag"] = (theta_bag(w, 0, 0.1), theta_bag(2.0, phase_arr, 0.05))
    res["lorentz"] = (lorentz(xi, v), lorentz(0.7, 0.3))
    res["gamma2"] = (gamma2(v), gamma2(0.5))
    res["gamma"] = (gamma(v), gamma(0.9))
    return res


def inputs():
    w = np.linspace(0.5, 3.0, 11)
    xi = np.linspace(0.2, 0.95, 11)
    v = 0.6 * np.sin(np.linspace(0.1, 1.4, 11))
    return (w, xi, v)
