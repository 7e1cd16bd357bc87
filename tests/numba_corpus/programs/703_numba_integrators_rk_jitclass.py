# Source: Limespy/numba-integrators src/numba_integrators/_aux.py and src/numba_integrators/_basic.py (commit 11fc87d4)
# Licence: MIT (numba-integrators, pyproject.toml classifier "License :: OSI Approved :: MIT License"; author Limespy)
# Notes: Numba ports of SciPy's explicit Runge-Kutta integrators RK23 and RK45 (Bogacki-Shampine and Dormand-Prince tableaux). _aux.py defines the numba types the package signs its functions with: read-only C arrays nb.types.Array(dtype, dim, 'C', readonly=True), an ODE function type made from a signature with nbODEsignature.as_type() (a first-class function type), the RMS norm with an explicit float64(float64[:]) signature, the tableaux as module-level arrays and np.int8 scalars grouped into parameter tuples, and Python helpers that coerce y0/rtol/atol into 1-D float arrays; it also silences NumbaExperimentalFeatureWarning through nb.errors. _basic.py has select_initial_step (Hairer-Norsett-Wanner initial step) and _step (the adaptive step with error control: a `while True` retry loop, np.nextafter, np.dot on a transposed slice of the stage matrix K, early returns of a 6-tuple), both eagerly compiled with explicit signatures that take the function-typed argument and read-only arrays, and RK, an @nb.experimental.jitclass whose spec is a tuple of (name, type) pairs including the function-typed field `fun`, whose __init__ calls the stored function and whose step() unpacks _step's tuple straight into six attributes; RK23_direct/RK45_direct (@nb.njit(cache=False)) construct it from a star-unpacked parameter tuple, and the RK23/RK45 wrappers and a Solver enum finish the module. The two files are pasted whole, except that _basic.py's `from ._aux import ...` lines are dropped since _aux.py is pasted above it. The harness follows the package's README example and reference problems (reference.py): right-hand sides compiled with nb.njit(nb.float64[:](nb.float64, nb.float64[:])) for the sine wave, exponential growth and the Riccati/Bernoulli equation, each integrated with RK45 and RK23 by calling solver.step() until it returns False, recording t and y at every step
import warnings
from typing import Any
from typing import Callable
from typing import Iterable

import numba as nb
import numpy as np
from numpy.typing import NDArray
warnings.filterwarnings(action='ignore',
                        category = nb.errors.NumbaExperimentalFeatureWarning)

# Multiply steps computed from asymptotic behaviour of errors by this.
SAFETY = 0.9

MIN_FACTOR = 0.2  # Minimum allowed decrease in a step size.
MAX_FACTOR = 10  # Maximum allowed increase in a step size.

IS_CACHE = True

# Types

npAFloat64 = NDArray[np.float64]
npAInt64 = NDArray[np.int64]

ODEFUN  = Callable[[np.float64, npAFloat64], npAFloat64] # type: ignore
ODEFUNA = Callable[[np.float64, npAFloat64, Any], tuple[npAFloat64, Any]] # type: ignore

# numba types
# ----------------------------------------------------------------------
def nbARO(dim = 1, dtype = nb.float64):
    return nb.types.Array(dtype, dim, 'C', readonly = True)
# ----------------------------------------------------------------------
nbODEsignature = nb.float64[:](nb.float64, nb.float64[:])
nbODEtype = nbODEsignature.as_type()

# ----------------------------------------------------------------------
def nbA(dim = 1, dtype = nb.float64):
    return nb.types.Array(dtype, dim, 'C')
# ----------------------------------------------------------------------
@nb.njit(nb.float64(nb.float64[:]),
         fastmath = True, cache = IS_CACHE)
def norm(x: npAFloat64) -> np.float64: # type: ignore
    """Compute RMS norm."""
    return np.sqrt(np.sum(x * x) / x.size) # type: ignore
# ======================================================================
RK23_error_estimator_order = np.int8(2)
RK23_n_stages = np.int8(3)
RK23_A = np.array((
    (0, 0, 0),
    (1/2, 0, 0),
    (0, 3/4, 0)
), dtype = np.float64)
RK23_B = np.array((2/9, 1/3, 4/9), dtype = np.float64)
RK23_C = np.array((0, 1/2, 3/4), dtype = np.float64)
RK23_E = np.array((5/72, -1/12, -1/9, 1/8), dtype = np.float64)
RK23_params  = (RK23_error_estimator_order,
                 RK23_n_stages,
                 RK23_A,
                 RK23_B,
                 RK23_C,
                 RK23_E)
# ----------------------------------------------------------------------
RK45_error_estimator_order = np.int8(4)
RK45_n_stages = np.int8(6)
RK45_A = np.array((
            (0., 0., 0., 0., 0.),
            (1/5, 0., 0., 0., 0.),
            (3/40, 9/40, 0., 0., 0.),
            (44/45, -56/15, 32/9, 0., 0.),
            (19372/6561, -25360/2187, 64448/6561, -212/729, 0),
            (9017/3168, -355/33, 46732/5247, 49/176, -5103/18656)
    ),
                    dtype = np.float64)
RK45_B = np.array((35/384, 0, 500/1113, 125/192, -2187/6784, 11/84),
                   dtype = np.float64)
RK45_C = np.array((0, 1/5, 3/10, 4/5, 8/9, 1), dtype = np.float64)
RK45_E = np.array((-71/57600, 0, 71/16695, -71/1920, 17253/339200, -22/525, 1/40),
                   dtype = np.float64)
RK45_params  = (RK45_error_estimator_order,
                 RK45_n_stages,
                 RK45_A,
                 RK45_B,
                 RK45_C,
                 RK45_E)
# ======================================================================
def _into_1d_typearray(item: int | float | npAFloat64 | Iterable, # type: ignore
                       length: int = 1,
                       dtype: type = np.float64):
    if isinstance(item, np.ndarray):
        if item.ndim == 0:
            return np.full(length, item, dtype = dtype)
        elif item.ndim == 1:
            return np.asarray(item, dtype = dtype)
        else:
            raise ValueError(f'Dimensionality of y0 is over 1. y0 = {item}')
    elif isinstance(item, Iterable): # Re-checking the item as np array
        return _into_1d_typearray(np.array(item, dtype = dtype),
                                  length,
                                  dtype)
    else:
        return np.full(length, item, dtype = dtype)
# ----------------------------------------------------------------------
def convert(y0: int | float | npAFloat64 | Iterable, # type: ignore
            rtol: int | float | npAFloat64 | Iterable, # type: ignore
            atol: int | float | npAFloat64 | Iterable # type: ignore
            ) -> tuple[npAFloat64, npAFloat64, npAFloat64]: # type: ignore
    '''Converts y0 and tolerances into correct type of arrays'''
    y0 = _into_1d_typearray(y0)
    return (y0,
            _into_1d_typearray(rtol, len(y0)),
            _into_1d_typearray(atol, len(y0)))


# ---- src/numba_integrators/_basic.py ----
'Basic integrators'
import enum
from typing import Iterable

import numba as nb
import numpy as np

# ----------------------------------------------------------------------
@nb.njit(nb.float64(nbODEtype,
                    nb.float64,
                    nb.float64[:],
                    nb.float64[:],
                    nb.int8,
                    nb.float64,
                    nbARO(1),
                    nbARO(1)),
         fastmath = True, cache = IS_CACHE)
def select_initial_step(fun: ODEFUN,
                        t0: np.float64,
                        y0: npAFloat64,
                        f0: npAFloat64,
                        direction: np.float64,
                        error_estimator: np.float64,
                        rtol: npAFloat64,
                        atol: npAFloat64) -> np.float64:
    """Empirically select a good initial step.

    The algorithm is described in [1]_.

    Parameters
    ----------
    fun : callable
        Right-hand side of the system.
    t0 : np.float64
        Initial value of the independent variable.
    y0 : ndarray, shape (n,)
        Initial value of the dependent variable.
    f0 : ndarray, shape (n,)
        Initial value of the derivative, i.e., ``fun(t0, y0)``.
    direction : np.float64
        Integration direction.
    order : np.float64
        Error estimator order. It means that the error controlled by the
        algorithm is proportional to ``step_size ** (order + 1)`.
    rtol : np.float64
        Desired relative tolerance.
    atol : np.float64
        Desired absolute tolerance.

    Returns
    -------
    h_abs : np.float64
        Absolute value of the suggested initial step.

    References
    ----------
    .. [1] E. Hairer, S. P. Norsett G. Wanner, "Solving Ordinary Differential
           Equations I: Nonstiff Problems", Sec. II.4.
    """

    scale = atol + np.abs(y0) * rtol
    d0 = norm(y0 / scale)
    d1 = norm(f0 / scale)

    h0 = 1e-6 if d0 < 1e-5 or d1 < 1e-5 else 0.01 * d0 / d1

    y1 = y0 + h0 * direction * f0
    f1 = fun(t0 + h0 * direction, y1)
    d2 = norm((f1 - f0) / scale) / h0

    h1 = (max(1e-6, h0 * 1e-3) if d1 <= 1e-15 and d2 <= 1e-15
          else (max(d1, d2) * 100) ** error_estimator)

    return min(100 * h0, h1)
# ----------------------------------------------------------------------
@nb.njit(nb.types.Tuple((nb.boolean,
                         nb.float64,
                         nb.float64[:],
                         nb.float64,
                         nb.float64,
                         nbA(2)))(nbODEtype,
                                  nb.int8,
                                  nb.float64,
                                  nb.float64[:],
                                  nb.float64,
                                  nb.float64,
                                  nb.float64,
                                  nbA(2),
                                  nb.int8,
                                  nbARO(1),
                                  nbARO(1),
                                  nbARO(2),
                                  nbARO(1),
                                  nbARO(1),
                                  nbARO(1),
                                  nb.float64),
        cache = IS_CACHE)
def _step(fun: ODEFUN,
          direction: np.float64,
          t: np.float64,
          y: npAFloat64,
          t_bound: np.float64,
          h_abs: np.float64,
          max_step: np.float64,
          K: npAFloat64,
          n_stages: np.int8,
          rtol: npAFloat64,
          atol: npAFloat64,
          A: npAFloat64,
          B: npAFloat64,
          C: npAFloat64,
          E: npAFloat64,
          error_exponent: np.float64) -> tuple[bool,
                                          np.float64,
                                          npAFloat64,
                                          np.float64,
                                          np.float64,
                                          npAFloat64]:
    if direction * (t - t_bound) >= 0: # t_bound has been reached
        return False, t, y, h_abs, direction *h_abs, K
    t_old = t
    y_old = y
    eps = np.abs(np.nextafter(t_old, direction * np.inf) - t_old)
    min_step = 8 * eps

    if h_abs < min_step:
        h_abs = min_step

    while True: # := not working
        if h_abs > max_step:
            h_abs = max_step - eps
        h = h_abs #* direction
        # Updating
        t = t_old + h
        K[0] = K[-1]

        if direction * (t - t_bound) >= 0: # End reached
            t = t_bound
            h = t - t_old
            h_abs = np.abs(h) # There is something weird going on here
        # RK core loop
        for s in range(1, n_stages):
            K[s] = fun(t_old + C[s] * h,
                       y_old + np.dot(K[:s].T, A[s,:s]) * h)

        y = y_old + h * np.dot(K[:-1].T, B)

        K[-1] = fun(t, y)

        error_norm = norm(np.dot(K.T, E)
                          * h
                          / (atol + np.maximum(np.abs(y_old),
                                              np.abs(y)) * rtol))

        if error_norm < 1:
            h_abs *= (MAX_FACTOR if error_norm == 0 else
                            min(MAX_FACTOR,
                                SAFETY * error_norm ** error_exponent))
            return True, t, y, h_abs, h, K # Step is accepted
        else:
            h_abs *= max(MIN_FACTOR,
                                SAFETY * error_norm ** error_exponent)
            if h_abs < min_step:
                return False, t, y, h_abs, h, K # Too small step size
# ----------------------------------------------------------------------
base_spec = (('A', nbARO(2)),
             ('B', nbARO(1)),
             ('C', nbARO(1)),
             ('E', nbARO(1)),
             ('K', nbA(2)),
             ('n_stages', nb.int8),
             ('t', nb.float64),
             ('y', nb.float64[:]),
             ('t_bound', nb.float64),
             ('direction', nb.float64),
             ('max_step', nb.float64),
             ('error_exponent', nb.float64),
             ('h_abs', nb.float64),
             ('step_size', nb.float64),
             ('atol', nbARO(1)),
             ('rtol', nbARO(1)))
# ----------------------------------------------------------------------
@nb.experimental.jitclass(base_spec + (('fun', nbODEtype),))
class RK:
    """Base class for explicit Runge-Kutta methods."""

    def __init__(self,
                 fun: ODEFUN,
                 t0: float,
                 y0: npAFloat64,
                 t_bound: float,
                 max_step: float,
                 rtol: npAFloat64,
                 atol: npAFloat64,
                 first_step: float,
                 error_estimator_order: np.int8,
                 n_stages: np.int8,
                 A: npAFloat64,
                 B: npAFloat64,
                 C: npAFloat64,
                 E: npAFloat64):
        self.n_stages = n_stages
        self.A = A
        self.B = B
        self.C = C
        self.E = E
        self.fun = fun
        self.t = t0
        self.y = y0
        self.t_bound = t_bound
        self.atol = atol
        self.rtol = rtol
        self.max_step = max_step

        self.K = np.zeros((self.n_stages + 1, len(y0)), dtype = self.y.dtype)
        self.K[-1] = self.fun(self.t, self.y) # type: ignore
        self.direction = np.float64(np.sign(t_bound - t0) if t_bound != t0 else 1)
        self.error_exponent = -1 / (error_estimator_order + 1)

        if not first_step:
            self.h_abs = select_initial_step(
                self.fun, self.t, y0, self.K[-1], self.direction,
                self.error_exponent, self.rtol, self.atol)
        else:
            self.h_abs = np.abs(first_step)
        self.step_size = self.direction * self.h_abs
    # ------------------------------------------------------------------
    def step(self) -> bool:
        (running,
         self.t,
         self.y,
         self.h_abs,
         self.step_size,
         self.K) = _step(self.fun,
                        self.direction,
                        self.t,
                        self.y,
                        self.t_bound,
                        self.h_abs,
                        self.max_step,
                        self.K,
                        self.n_stages,
                        self.rtol,
                        self.atol,
                        self.A,
                        self.B,
                        self.C,
                        self.E,
                        self.error_exponent)

        return running
# ======================================================================
@nb.njit(cache = False) # Some issue' in making caching jitclasses
def RK23_direct(fun: ODEFUN,
                t0: float,
                y0: npAFloat64,
                t_bound: float,
                max_step: float,
                rtol: npAFloat64,
                atol: npAFloat64,
                first_step: float) -> RK:
    return RK(fun, t0, y0, t_bound, max_step, rtol, atol, first_step,
              *RK23_params)
# ----------------------------------------------------------------------
def RK23(fun: ODEFUN,
         t0: float,
         y0: int | float | npAFloat64 | Iterable,
         t_bound: float,
         max_step: float = np.inf,
         rtol: int | float | npAFloat64 | Iterable = 1e-3,
         atol: int | float | npAFloat64 | Iterable = 1e-6,
         first_step: float = 0) -> RK:

    y0, rtol, atol = convert(y0, rtol, atol)
    return RK23_direct(fun, t0, y0, t_bound, max_step, rtol, atol, first_step)
# ----------------------------------------------------------------------
@nb.njit(cache = False) # Some issue' in making caching jitclasses
def RK45_direct(fun: ODEFUN,
                t0: float,
                y0: npAFloat64,
                t_bound: float,
                max_step: float,
                rtol: npAFloat64,
                atol: npAFloat64,
                first_step: float) -> RK:
    return RK(fun, t0, y0, t_bound, max_step, rtol, atol, first_step,
              *RK45_params)
# ----------------------------------------------------------------------
def RK45(fun: ODEFUN,
         t0: float,
         y0: int | float | npAFloat64 | Iterable,
         t_bound: float,
         max_step: float = np.inf,
         rtol: int | float | npAFloat64 | Iterable = 1e-3,
         atol: int | float | npAFloat64 | Iterable = 1e-6,
         first_step: float = 0.) -> RK:

    y0, rtol, atol = convert(y0, rtol, atol)
    return RK45_direct(fun, t0, y0, t_bound, max_step, rtol, atol, first_step)
# ----------------------------------------------------------------------
ALL = (RK23, RK45)
class Solver(enum.Enum):
    RK23 = RK23
    RK45 = RK45
    ALL = ALL


# ---- harness (not part of the program) ----
ENTRY = "numba_integrators_solve"


@nb.njit(nb.float64[:](nb.float64, nb.float64[:]))
def sine(t, y):
    '''Differential equation for sine wave'''
    return np.array((y[1], -y[0]))


@nb.njit(nb.float64[:](nb.float64, nb.float64[:]))
def exponential(x, y):
    return y


@nb.njit(nb.float64[:](nb.float64, nb.float64[:]))
def riccati(x, y):
    return 2 * y/x - x ** 2 * y ** 2


def _run(solver):
    t = [solver.t]
    y = [solver.y.copy()]
    while solver.step():
        t.append(solver.t)
        y.append(solver.y.copy())
    return np.array(t), np.array(y)


def numba_integrators_solve(tol):
    out = []
    for integrator in (RK45, RK23):
        out.append(_run(integrator(sine, 0.0, np.array((0., 1.)), t_bound=10.0, atol=tol, rtol=tol)))
        out.append(_run(integrator(exponential, 0.0, 1.0, t_bound=5.0, atol=tol, rtol=tol)))
        out.append(_run(integrator(riccati, 1.0, (1.0,), t_bound=20.0, atol=tol, rtol=tol)))
    out.append(_run(RK45(sine, 0.0, [0.0, 1.0], t_bound=3.0, max_step=0.25, first_step=0.1)))
    return tuple(out)


def inputs():
    return (1e-8,)
