# Source: OWI-Lab/py_fatigue py_fatigue/damage/crack_growth.py (at commit 1d28dded), py_fatigue/geometry/cylinder.py (at commit 21d81aed), py_fatigue/utils.py (at commit 007bb89e), py_fatigue/cycle_count/rainflow.py (at commit 04ca79de)
# Licence: GPL-3.0 (py_fatigue, pyproject.toml: "License :: OSI Approved :: GNU General Public License v3 (GPLv3)", license = {file = "LICENSE"}; Pietro D'Antuono, Wout Weijtjens, OWI-Lab)
# Notes: the Numba parts of py-fatigue, OWI-Lab's cycle-counting and fatigue-analysis package for offshore wind structures. From crack_growth.py: the jitclass spec (float64[::1] and float64[:] arrays, a nb.types.string, a nb.types.DictType(unicode_type, float64) member, a boolean) and CalcCrackGrowth, a @jitclass whose __init__ asserts on its inputs and runs calc_crack_depth (a nb.prange loop that integrates Paris' law da/dN = C (dK)^m through calc_growth_rate, which uses the get_knees_sif property: a prange loop, np.hstack of three arrays, an assert on np.all(np.diff(...) > 0) with a concatenated message, then np.digitize(np.asarray([sif]), knees, right=True) - 1 as an index array; it returns early with slices and True when the geometry factor is 0, the critical SIF is reached or the crack grows tenfold, and prints a message either way), get_geometry_factor and get_sif (@nb.njit with explicit signatures taking a unicode string and a typed DictType, fastmath=True, cache=True, comparing strings, raising NotImplementedError, returning a UniTuple). From cylinder.py: f_hol_cyl_01, the @nb.njit geometry factor of an external crack in a hollow cylinder (reads keys of the typed Dict, annotated locals, np.sin/np.cos/np.arcsin and powers). From utils.py: to_numba_dict (builds nb.typed.Dict.empty(key_type=nb.types.string, value_type=nb.float64) in plain Python) and split (plain Python), which get_crack_growth uses to prepare the inputs. From rainflow.py: _findcross (@njit(int64(int64[:], int8[:]), cache=True): level crossings with a chained comparison y[i] <= v < y[i + 1]) with its plain-Python callers findcross_indices, findcross, findextrema and findtp. Only the imports these need are kept (numba as nb, numba's njit/int64/int8, jitclass, numpy, typing, warnings); left out are the modules' other imports (pandas, matplotlib, pydantic, the package's CycleCount/ParisCurve/geometry classes), the pandas accessors, get_crack_growth (the harness repeats its steps: split the cycle counts, np.repeat the stress ranges, to_numba_dict of the geometry's attributes), the geometry dataclasses and the plain-Python rainflow counters. The harness builds a turning-point signal and finds its turning points, then grows an external crack in a hollow cylinder (HOL_CYL_01) and a crack in an infinite surface (INF_SUR_00) under a two-segment Paris curve, one run that ends without failure and one that reaches the critical SIF, and calls the jitted helpers directly
# -*- coding: utf-8 -*-

# ---- py_fatigue/damage/crack_growth.py (imports) ----
# Packages from the Python Standard Library
from typing import Dict, Tuple, Type, TypeVar

# Packages from third party libraries
from numba.experimental import jitclass
import numba as nb
import numpy as np

# ---- py_fatigue/cycle_count/rainflow.py (imports) ----
import warnings
from typing import Any, List, Optional, Union
from numba import njit, int64, int8


# ---- py_fatigue/geometry/cylinder.py: f_hol_cyl_01 ----

@nb.njit(
    nb.float64(
        nb.float64, nb.types.DictType(nb.types.unicode_type, nb.float64)
    ),
    cache=True,
    fastmath=True,
)
def f_hol_cyl_01(
    crack_depth: float,
    crack_geometry: Dict[str, float],
):
    """Calculate the crack geometry factor for a hollow cylinder with
    an external crack.

    Parameters
    ----------
    crack_depth : float
        The crack depth.
    outer_diameter : float
        The outer diameter of the part.
    thickness : float
        The thickness of the part.
    height : float
        The height of the part.

    Returns
    -------
    float
        The crack size factor.
    """
    if crack_depth >= crack_geometry["thickness"]:
        return 0.0
    outer_diameter: float = crack_geometry["outer_diameter"]
    thickness: float = crack_geometry["thickness"]
    width_to_depth_ratio: float = crack_geometry["width_to_depth_ratio"]
    crack_width: float = crack_depth * width_to_depth_ratio
    outer_radius: float = outer_diameter / 2
    inner_radius: float = outer_radius - thickness
    # raise NotImplementedError
    # crack angle
    alpha: float = crack_width / outer_radius
    c_v: float = outer_radius * np.sin(alpha)
    a_h: float = crack_depth - outer_radius * (1 - np.cos(alpha))
    # radius of crack-front arc
    crack_radius: float = (c_v**2 + a_h**2) / (2 * a_h)
    # angle of crack-front arc
    beta: float = np.arcsin(c_v / crack_radius)
    # areas
    # * circular ring
    area_0: float = np.pi * (outer_radius**2 - inner_radius**2)
    # * external circular segment
    area_1: float = (alpha - np.sin(2 * alpha) / 2) * outer_radius**2
    # internal circular segment
    area_2: float = (beta - np.sin(2 * beta) / 2) * crack_radius**2
    # * net crack area
    area_net: float = area_0 - area_1 - area_2
    # centroids of the circular segments
    x_1: float = (
        -4
        * outer_radius
        * np.sin(alpha) ** 3
        / (3 * (2 * alpha - np.sin(2 * alpha)))
    )
    x_2: float = (
        4
        * crack_radius
        * np.sin(beta) ** 3
        / (3 * (2 * beta - np.sin(2 * beta)))
        - outer_radius * np.cos(alpha)
        - crack_radius * np.cos(beta)
    )
    # location of the net section centroid
    q_x: float = -(area_1 * x_1 + area_2 * x_2) / area_net
    # moments of inertia
    # * circular ring
    i_0: float = (
        np.pi / 4 * (outer_radius**4 - inner_radius**4) + area_0 * q_x**2
    )
    # * external circular segment
    i_1: float = (outer_radius**4) / 4 * (
        alpha
        - np.sin(4 * alpha) / 4
        - (16 * np.sin(alpha) ** 6)
        / (9 * (alpha - np.sin(alpha) * np.cos(alpha)))
    ) + area_1 * (q_x - x_1) ** 2
    # * internal circular segment
    i_2: float = (
        crack_radius**4
        / 4
        * (
            beta
            - np.sin(4 * beta) / 4
            - (16 * np.sin(beta) ** 6)
            / (9 * (beta - np.sin(beta) * np.cos(beta)))
        )
        + area_2 * (q_x - x_2) ** 2
    )
    # * net area moment of inertia
    i_net: float = i_0 - i_1 - i_2
    # net section stress center
    epsilon: float = 0.1
    # * loc a
    x_a: float = -(
        outer_radius * np.cos(alpha) + q_x
    ) + epsilon * outer_radius * (1 + np.cos(alpha))
    # # * loc b
    # x_b: float = (outer_radius - q_x) - epsilon * outer_radius * \
    # (1 + np.cos(alpha))
    # net section stress geometry factors
    # geometry factors
    # # * net section stress factor on sigma_0
    # g_0: float = area_0 / area_net - area_0 * q_x * x_a / i_net
    # * net section stress factor on sigma_1
    g_1: float = (
        -np.pi
        * (outer_radius**4 - inner_radius**4)
        * x_a
        / (4 * outer_radius * i_net)
    )
    return g_1


# ---- py_fatigue/utils.py: split, to_numba_dict ----

def split(what: int, by: int):
    """Split an integer into a list of integers.

    >>> split(5, 2)
    [2, 3]
    >>> split(20, 7)
    [3, 3, 3, 3, 3, 3, 2]

    Parameters
    ----------
    what : int
        The integer to split
    by : int
        The number of integers to split the integer into

    Returns
    -------
    list
        The list of integers
    """
    return [what // by + 1] * (what % by) + [what // by] * (by - what % by)


def to_numba_dict(
    data: dict, key_type: type = str, val_type: type = float
) -> nb.types.DictType:
    """Converts a dictionary to a numba typed dict, provided the output
    key and value types.

    Parameters
    ----------
    data : dict
        The dictionary to be converted.
    key_type : type, optional
        The key type, by default str
    val_type : type, optional
        The type of the values, by default float

    Returns
    -------
    nb.types.DictType
        The numba typed dictionary.
    """
    dct = nb.typed.Dict.empty(
        key_type=nb.types.string,
        value_type=nb.float64,
    )
    for key, value in data.items():
        if not isinstance(value, val_type) or not isinstance(key, key_type):
            continue
        dct[key] = value
    return dct


# ---- py_fatigue/damage/crack_growth.py ----

spec = [
    ("stress_range", nb.float64[::1]),
    ("count_cycle", nb.float64[:]),
    ("slope", nb.float64[::1]),
    ("intercept", nb.float64[::1]),
    ("threshold", nb.float64),
    ("critical", nb.float64),
    ("crack_type", nb.types.string),
    ("crack_geometry", nb.types.DictType(nb.types.unicode_type, nb.float64)),
    ("crack_depth", nb.float64[::1]),
    ("sif", nb.float64[::1]),
    ("geometry_factor", nb.float64[::1]),
    ("final_cycles", nb.float64),
    ("failure", nb.boolean),
]


@jitclass(spec)
class CalcCrackGrowth:
    """Crack growth object. This object is used to calculate the crack
    growth rate and the crack size. The class has been implemented
    using the Numba library to speed up the calculations.

    The crack size is numerically integrated over the crack growth
    curve. In this example we will consider the Paris' law, but the
    function can be used with any other crack growth curve.

    .. math::

        \\begin{align}
        \\begin{cases}
            \\frac{da}{dN} & = C \\left( \\Delta K \\right)^{m} \\\\
            \\Delta K & = Y(a) \\cdot \\Delta \\sigma \\sqrt{\\pi a} \\\\
        \\end{cases}
        \\end{align}

    From the equations above, the crack growths rate can be expressed as a
    function of the stress range. Considering the Paris' law, as in this
    example, gives:

    .. math::

        \\frac{da}{dN} = C \\left( Y(a) \\cdot \\Delta \\sigma \\sqrt{\\pi a}
            \\right)^{m}

    se this crack growth rate together with the cycle step size to
    determine the incremental growth of the crack for this iteration:

    .. math::

        \\Delta a = \\frac{da}{dN} \\cdot \\Delta N

    The new crack size is then calculated by adding the incremental growth
    to the previous crack size:

    .. math::

        a_{j+1} = a_{j} + \\Delta a

    where :math:`a_{j}` is the crack size at the :math:`j`-th cycle.

    The crack is grown iteratively either until the failure condition
    is met or until the stress history is over.

    If failure occurs, the total number of cycles that it took to grow the
    crack to the critical size becomes the predicted life of the part.


    Parameters
    ----------
    stress_range : np.ndarray
        Stress range array.
    count_cycle : np.ndarray
        Number of cycles array.
    slope : np.ndarray
        Slope array.
    intercept : np.ndarray
        Intercept array.
    threshold : float
        Threshold value.
    critical : float
        Critical value.
    crack_geometry : dict
        Crack geometry dictionary. It must contain the following keys:
        - "initial_depth": float
        - "_id": str



    Returns
    -------
    CalcCrackGrowth
        Crack growth object.
    """

    def __init__(
        self,
        stress_range: np.ndarray,
        count_cycle: np.ndarray,
        slope: np.ndarray,
        intercept: np.ndarray,
        threshold: float,
        critical: float,
        crack_type: str,
        crack_geometry: dict,
    ):

        assert intercept.size > 0 and intercept.size == slope.size
        assert np.min(stress_range) >= 0.0
        assert stress_range.size > 0 and stress_range.size == count_cycle.size
        self.stress_range = stress_range
        self.count_cycle = count_cycle
        self.slope = slope
        self.intercept = intercept
        self.threshold = threshold
        self.critical = critical
        self.crack_type = crack_type
        self.crack_geometry = crack_geometry
        cs, sif, factor, failure = self.calc_crack_depth()
        self.crack_depth = cs
        self.sif = sif
        self.geometry_factor = factor
        self.final_cycles = sum(self.count_cycle[: len(self.crack_depth)])
        self.failure = failure

    def __str__(self) -> str:
        """String representation of the object."""
        if self.failure:
            return "Crack growth object: to failure."
        return "Crack growth object: to maximum number of cycles - no failure."

    @property
    def size(self) -> int:
        """Size of the problem."""
        return self.stress_range.size

    @property
    def get_knees_sif(self) -> np.ndarray:
        """Get the SIF values at the knees of the Paris curve.

        If the Paris curve hs more than one (slope, intercept) couple,
        the SIF values at the knees are calculated using the following
        equation:

        .. math::

            \\text{knee}_{i} = \\left(\\frac{\\text{intercept}_{i}}
                {\\text{intercept}_{i+1}}\\right)^{\\frac{1}{
                \\text{slope}_{i+1} - \\text{slope_{i}}}}
        """
        cg_crv_size = self.intercept.size
        knees_sif = np.empty(
            cg_crv_size - 1, dtype=np.float64
        )  # pylint: disable=E1133, C0301
        if cg_crv_size > 1:  # pylint: disable=E1133, C0301
            for i in nb.prange(  # pylint: disable=E1133, C0301
                cg_crv_size - 1
            ):
                knees_sif[i] = (self.intercept[i] / self.intercept[i + 1]) ** (
                    1 / (self.slope[i + 1] - self.slope[i])
                )
        knees_sif = np.hstack(
            (
                np.array([0.9999999999 * self.threshold]),
                knees_sif,
                np.array([self.critical / 0.9999999999]),
            )
        )
        e_msg = (
            "Knee(s) not in between threshold and critical SIF."
            + "\nCheck the definitions of slope, intercept, "
            + "threshold, critical."
        )
        assert np.all(np.diff(knees_sif) > 0), e_msg
        return knees_sif

    def calc_growth_rate(
        self, stress_, crack_depth_
    ) -> Tuple[float, float, float]:

        """Calculate the crack growth rate given the stress and the
        crack size using the Paris' law:

        .. math::

            \\frac{da}{dN} = \\text{intercept} \\, {\\Delta K)^{\\text{slope}}

        Parameters
        ----------
        stress_ : float
            Stress value.
        crack_depth_ : float
            Crack size value.

        Returns
        -------
        Tuple[float, float, float]
            Crack growth rate, stress intensity factor, and geometry factor.
        """

        sif, g_factor = get_sif(
            stress_, crack_depth_, self.crack_type, self.crack_geometry
        )
        knees = self.get_knees_sif
        if sif < self.threshold:
            the_growth_rate = 0.0
        if sif > self.critical:
            the_growth_rate = np.inf
        else:
            idx = np.digitize(np.asarray([sif]), knees, right=True) - 1
            the_growth_rate = (
                self.intercept[idx][0] * sif ** self.slope[idx][0]
            )

        return the_growth_rate, sif, g_factor

    def calc_crack_depth(
        self,
    ) -> Tuple[np.ndarray, np.ndarray, np.ndarray, bool]:
        """Calculate the crack size and the SIF values.

        Using the assigned stress ranges and count-cycles arrays, the final
        crack size is calculated. The method iterates over the stress ranges
        and count-cycles arrays and updates the crack size at each step.

        .. code-block:: python
            :caption: Pseudocode

            crack_depth = [crack_geometry["initial_depth"]]

            sifs = []
            factors = []
            for stress, count_cycle in zip(stress_range, count_cycle):
                for i in range(count_cycle):
                    sifs.append(get_sif(stress,
                                        crack_depth, self.crack_geometry))
                    factors.append(get_geometry_factor(crack_depth,
                                                       crack_type,
                                                       crack_geometry))
                    if sifs[-1] >= critical:
                        return crack_depth, sifs, factors, True
                    if sifs[-1] < threshold:
                        continue
                    crack_depth.append(crack_depth[-1] +
                                       calc_growth_rate(stress, crack_depth))
            return crack_depth, sifs, factors, False

        Returns
        -------
        Tuple[np.ndarray, np.ndarray, np.ndarray, bool]
            Crack size array, SIF array, geometric factor array, failure flag.
        """

        # Initialisation
        the_depth = np.empty(self.size + 1, dtype=np.float64)
        the_depth[0] = self.crack_geometry["initial_depth"]
        the_sif = np.empty(self.size, dtype=np.float64)
        the_factor = np.empty(self.size, dtype=np.float64)
        # Loop
        for i in nb.prange(self.size):  # pylint: disable=E1133
            # the_sif[i], the_factor[i] = get_sif(
            #     self.stress_range[i],
            #     the_depth[i],
            #     self.crack_type,
            #     self.crack_geometry,
            # )
            # if the_sif[i] >= self.critical:
            #     print("Critical SIF reached. Stopping calculation.")
            #     return the_depth[:i], the_sif[:i], the_factor[:i], True
            # if the_sif[i] < self.threshold:
            #     the_depth[i + 1] = the_depth[i]
            #     continue
            incr_depth, the_sif[i], the_factor[i] = self.calc_growth_rate(
                self.stress_range[i], the_depth[i]
            )
            cur_depth = the_depth[i] + incr_depth * self.count_cycle[i]
            if the_factor[i] == 0.0:
                print(
                    "Crack depth is greater than or equal to the thickness."
                    "Stopping calculation."
                )
                return the_depth[:i], the_sif[:i], the_factor[:i], True
            if the_sif[i] >= self.critical:
                print("Critical SIF reached. Stopping calculation.")
                return the_depth[:i], the_sif[:i], the_factor[:i], True
            if the_sif[i] < self.threshold:
                the_depth[i + 1] = the_depth[i]
                continue
            if cur_depth / the_depth[i] > 10:
                w_msg = (
                    "Crack size increased by more than 10x in the"
                    + " last iteration. Stopping calculation."
                )
                print(w_msg)
                return the_depth[:i], the_sif[:i], the_factor[:i], True
            the_depth[i + 1] = cur_depth
        print("Fatigue spectrum applied w/o failure. Stopping calculation")
        return the_depth[:-1], the_sif, the_factor, False


@nb.njit(
    nb.float64(
        nb.float64,
        nb.types.unicode_type,
        nb.types.DictType(nb.types.unicode_type, nb.float64),
    ),
    fastmath=True,
    cache=True,
)
def get_geometry_factor(
    crack_depth: float,
    crack_type: str,
    crack_geometry: dict,  # pylint: disable=W0613, C0301
) -> float:
    """Get the geometric factor. This should be a function of the crack
    size. The default value is 1.0."""
    # Placeholder for future implementation
    if crack_type == "HOL_CYL_01":
        return f_hol_cyl_01(crack_depth, crack_geometry)
    if crack_type == "INF_SUR_00":
        return 1.0

    e_msg = "Geometric factor not implemented for assigned crack type."
    raise NotImplementedError(e_msg)


@nb.njit(
    nb.types.UniTuple(nb.float64, 2)(
        nb.float64,
        nb.float64,
        nb.types.unicode_type,
        nb.types.DictType(nb.types.unicode_type, nb.float64),
    ),
    fastmath=True,
    cache=True,
)
def get_sif(
    stress_: float,
    crack_depth_: float,
    crack_type: str,
    crack_geometry: Dict[list, float],
) -> Tuple[float, float]:
    """Get the SIF value given the stress and the crack size. The
    method calculates the SIF value according to the following
    equation:

    .. math::

        SIF = Y(a) \\cdot \\Delta \\sigma \\cdot \\sqrt{\\pi a}

    Parameters
    ----------
    stress_ : float
        Stress value.
    crack_depth_ : float
        Crack size value.
    crack_type : str
        Crack type.
    crack_geometry : dict
        Crack geometry dictionary.

    Returns
    -------
    Tuple[float, float]
        SIF value, geometric factor.
    """
    y_1 = get_geometry_factor(crack_depth_, crack_type, crack_geometry)
    return stress_ * np.sqrt(np.pi * crack_depth_) * y_1, y_1


# ---- py_fatigue/cycle_count/rainflow.py: findtp, findcross, findextrema, findcross_indices, _findcross ----

def findtp(x: np.ndarray) -> np.ndarray:
    """
    Return indices to turning points (tp) of ASTM rainflow filtered data.

    Parameters
    ----------
    x : vector
        signal to be filtered.

    Returns
    -------
    ind : Union[np.ndarray, None]
        indices to the turning points in the original sequence.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import py_fatigue.wafo.misc as wm
    >>> t = np.linspace(0,30,500).reshape((-1,1))
    >>> x = np.hstack((t, np.cos(t) + 0.3 * np.sin(5*t)))
    >>> x1 = x[0:100,:]
    >>> itp = wm.findtp(x1[:,1])
    >>> tp = x1[itp,:]
    >>> np.allclose(itp, [ 5, 18, 24, 38, 46, 57, 70, 76, 91, 98, 99])
    True

    >>> a = plt.plot(
    ... x1[:,0], x1[:,1], tp[:,0], tp[:,1], 'ro')
    >>> plt.close('all')

    See also
    ---------
    findextrema
    """

    ind = findextrema(x)

    if ind.size < 2:
        return np.empty(0, dtype=np.int64)

    # # the Nieslony approach always put the first loading point as the first
    # # turning point.
    # add the first turning point is the first of the signal
    # if ind[0] != 0:
    #     ind = np.r_[0, ind, len(x) - 1]
    # else:  # only add the last point of the signal
    #     ind = np.r_[ind, len(x) - 1]
    return np.r_[0, ind, len(x) - 1]


def findcross(x: np.ndarray, v=0.0, kind=None) -> np.ndarray:
    """
    Return indices to level v up and/or downcrossings of a vector

    Parameters
    ----------
    x : array_like
        vector with sampled values.
    v : scalar, real
        level v.
    kind : string
        defines type of crossing returned. Possible options are
        - 'd'  : downcrossings only
        - 'u'  : upcrossings only
        - None : All crossings will be returned

    Returns
    -------
    ind : array-like
        indices to the crossings in the original sequence x.

    Example
    -------
    >>> from matplotlib import pyplot as plt
    >>> import py_fatigue.wafo.misc as wm
    >>> ones = np.ones
    >>> np.allclose(findcross([0, 1, -1, 1], 0), [0, 1, 2])
    True
    >>> v = 0.75
    >>> t = np.linspace(0,7*np.pi,250)
    >>> x = np.sin(t)
    >>> ind = wm.findcross(x,v) # all crossings
    >>> np.allclose(ind, [  9,  25,  80,  97, 151, 168, 223, 239])
    True

    >>> ind2 = wm.findcross(x,v,'u')
    >>> np.allclose(ind2, [  9,  80, 151, 223])
    True
    >>> ind3 = wm.findcross(x,v,'d')
    >>> np.allclose(ind3, [  25,  97, 168, 239])
    True

    >>> t0 = plt.plot(t,x,'.',t[ind],x[ind],'r.', t, ones(t.shape)*v)
    >>> t0 = plt.plot(t[ind2],x[ind2],'o')
    >>> plt.close('all')
    """
    if len(x) > 0 and np.isnan(np.min(x)):
        raise ValueError("data contain NaN")

    xn = np.array(np.sign(np.atleast_1d(x).ravel() - v), dtype=np.int8)
    ind = findcross_indices(xn)
    if ind.size == 0:
        warnings.warn(f"No level v = {v:0.5g} crossings found in x")
        return ind

    if kind not in ("du", "all", None):
        if kind == "d":  # downcrossings only
            t_0 = int(
                xn[ind[0] + 1] > 0  # pylint: disable=unsubscriptable-object
            )
            ind = ind[t_0::2]
        elif kind == "u":  # upcrossings  only
            t_0 = int(
                xn[ind[0] + 1] < 0  # pylint: disable=unsubscriptable-object
            )
            ind = ind[t_0::2]
        else:
            raise ValueError(f"Unknown cycle-crossing definition! ({kind})")
    return ind


def findextrema(x: np.ndarray) -> np.ndarray:
    """Return indices to minima and maxima of a vector

    Parameters
    ----------
    x : vector with sampled values.

    Returns
    -------
    ind : indices to minima and maxima in the original sequence x.

    Examples
    --------
    >>> import numpy as np
    >>> import matplotlib.pyplot as plt
    >>> import wafo.misc as wm
    >>> t = np.linspace(0,7*np.pi,250)
    >>> x = np.sin(t)
    >>> ind = wm.findextrema(x)
    >>> np.allclose(ind, [ 18,  53,  89, 125, 160, 196, 231])
    True

    >>> a = plt.plot(t,x,'.',t[ind],x[ind],'r.')
    >>> plt.close('all')
    """
    dx = np.diff(np.atleast_1d(x).ravel())
    return findcross(dx) + 1


def findcross_indices(xn: Any) -> np.ndarray:
    """Return indices to zero up and downcrossings of a vector"""
    ind = np.empty(len(xn), dtype=np.int64)
    idx = _findcross(ind, xn)
    return ind[:idx]


@njit(int64(int64[:], int8[:]), cache=True)
def _findcross(ind, y):
    """Return indices to zero up and downcrossings of a vector

    Parameters
    ----------
    ind : int64[:]
        Indices of the turning points of the rainflow filter
    y : int8[:]
        The data

    Returns
    -------
    np.ndarray
        The number of indices
    """
    ix, dcross, start, v = 0, 0, 0, 0
    n = len(y)
    if n == 0:
        return ix
    if y[0] < v:
        dcross = -1  # first is a up-crossing
    elif y[0] > v:
        dcross = 1  # first is a down-crossing
    elif y[0] == v:
        # Find out what type of crossing we have next time..
        for i in range(1, n):
            start = i
            if y[i] < v:
                ind[ix] = i - 1  # first crossing is a down crossing
                ix += 1
                dcross = -1  # The next crossing is a up-crossing
                break
            if y[i] > v:
                ind[ix] = i - 1  # first crossing is a up-crossing
                ix += 1
                dcross = 1  # The next crossing is a down-crossing
                break

    for i in range(start, n - 1):
        # if (dcross == -1 and y[i] <= v and v < y[i + 1]) or (
        #     dcross == 1 and v <= y[i] and y[i + 1] < v
        # ):
        if (dcross == -1 and y[i] <= v < y[i + 1]) or (
            dcross == 1 and y[i + 1] < v <= y[i]
        ):
            ind[ix] = i
            ix += 1
            dcross = -dcross
    return ix


# ---- harness (not part of the program) ----
ENTRY = "py_fatigue_crack_growth"


def _grow(stress_range_blocks, count_cycle_blocks, slope, intercept,
          threshold, critical, crack_type, geometry_attrs):
    # the steps of get_crack_growth (not express mode)
    splts = [int(cycle) for cycle in count_cycle_blocks]
    splt_cyc = [
        split(int(cycle), n) if int(cycle) > 0 else [cycle]
        for cycle, n in zip(count_cycle_blocks, splts)
    ]
    splt_len = [len(_) for _ in splt_cyc]
    count_cycle = np.asarray(
        [float(item) for sublist in splt_cyc for item in sublist]
    )
    stress_range = np.repeat(stress_range_blocks, splt_len)
    geometry = to_numba_dict(geometry_attrs)
    cg = CalcCrackGrowth(
        stress_range, count_cycle, slope, intercept,
        float(threshold), float(critical), crack_type, geometry,
    )
    return (cg.crack_depth, cg.sif, cg.geometry_factor, cg.final_cycles,
            cg.failure, cg.size, cg.get_knees_sif,
            cg.calc_growth_rate(80.0, geometry_attrs["initial_depth"]))


def py_fatigue_crack_growth(signal, stress_blocks, count_blocks, slope,
                            intercept):
    tp = findtp(signal)
    down = findcross(signal, 0.25, "d")
    up = findcross(signal, 0.25, "u")
    xn = np.array(np.sign(signal - 0.1), dtype=np.int8)
    ind = np.zeros(len(xn), dtype=np.int64)
    ncross = _findcross(ind, xn)
    zero_start = np.array([0, 0, 1, 1, -1, 0, 1, -1, -1], dtype=np.int8)
    ind0 = np.zeros(len(zero_start), dtype=np.int64)
    ncross0 = _findcross(ind0, zero_start)

    hollow = {"initial_depth": 1.0, "outer_diameter": 600.0,
              "thickness": 40.0, "height": 2000.0,
              "width_to_depth_ratio": 2.0, "crack_position": "external"}
    surface = {"initial_depth": 0.5, "crack_position": "surface"}
    run_hol = _grow(stress_blocks, count_blocks, slope, intercept,
                    2.0, 3000.0, "HOL_CYL_01", hollow)
    run_sur = _grow(stress_blocks, count_blocks, slope, intercept,
                    2.0, 3000.0, "INF_SUR_00", surface)
    run_fail = _grow(stress_blocks * 6.0, count_blocks * 40.0, slope,
                     intercept, 2.0, 1200.0, "HOL_CYL_01", hollow)
    geom = to_numba_dict(hollow)
    factors = np.array([f_hol_cyl_01(a, geom)
                        for a in (0.5, 1.0, 5.0, 20.0, 39.0, 40.0)])
    sifs = [get_sif(100.0, a, "HOL_CYL_01", geom) for a in (0.5, 2.0, 10.0)]
    g_sur = get_geometry_factor(3.0, "INF_SUR_00", geom)
    try:
        get_geometry_factor(3.0, "FUL_CYL_00", geom)
        err = "no error"
    except NotImplementedError as e:
        err = str(e)
    return {"tp": tp, "down": down, "up": up, "ncross": ncross,
            "ind": ind[:ncross], "ncross0": ncross0, "ind0": ind0[:ncross0],
            "hollow": run_hol, "surface": run_sur, "failure": run_fail,
            "factors": factors, "sifs": sifs, "g_sur": g_sur, "err": err}


def inputs():
    t = np.linspace(0.0, 12.0, 160)
    signal = np.cos(t) + 0.3 * np.sin(5.0 * t) + 0.05 * np.cos(17.0 * t)
    stress_blocks = np.array([35.0, 60.0, 85.0, 110.0, 20.0, 140.0, 75.0])
    count_blocks = np.array([3.0, 2.0, 4.0, 1.0, 5.0, 2.0, 3.0])
    # two-segment Paris curve: knee between threshold and critical
    slope = np.array([8.16, 2.88])
    intercept = np.array([1.21e-26, 3.98e-13])
    return (signal, stress_blocks, count_blocks, slope, intercept)
