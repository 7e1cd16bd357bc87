# Source: jrenaud90/CyRK CyRK/nb/nbrk.py (at commit 009b5581) and CyRK/nb/dop_coefficients.py (at commit 0b7b8529); the two test right-hand sides from Tests/C_Numba_Tests/test_a_numba.py (at commit 43b9d7be)
# Licence: Apache-2.0 (CyRK, LICENSE.md; point of contact Joe P. Renaud; the RK23/RK45/DOP853 algorithms follow SciPy's scipy.integrate, BSD-3-Clause, as LICENSE.md says)
# Notes: nbrk_ode, the Numba-side adaptive Runge-Kutta integrator of CyRK (an ODE-solver package; scientific computing / dynamical systems), a port of SciPy's solve_ivp RK23, RK45 and DOP853 steppers into one @njit(cache=False, fastmath=True) function: the right-hand side arrives as a jitted function argument (a first-class dispatcher called as diffeq(t, y, *args) with a star-unpacked heterogeneous args tuple defaulting to tuple()), keyword defaults that include None (first_step, tested with `is not None`), np.inf and a module-level empty array (t_eval = EMPTY_ARR), a dtype taken from y0 so that the same code runs on float64 and complex128 states (np.asarray(..., dtype=dtype) of the coefficient tables), Butcher tables chosen at run time from module constants (RK23_*, RK45_*, and the DOP853 tables A_DOP[:n, :n] sliced from dop_coefficients), np.nextafter for the minimum step, nested while loops with break for step acceptance and rejection, reflected lists of floats and of arrays (time_domain_list.append, y_result_list.append(np.copy(...))) turned into a 2-D result, np.interp onto t_eval, raise Exception(...) with a string on bad input, and a (array, array, bool, str) return whose message string is chosen by status. Pasted: dop_coefficients.py and nbrk.py as published; nbrk.py's `from CyRK.nb.dop_coefficients import (A as A_DOP, ...)` is replaced by the same names bound by assignment from the module pasted above (A_DOP = A, ...), since the two files are one program here. The Lotka-Volterra right-hand sides diffeq and diffeq_args (both @njit) are CyRK's own, from its numba test file. The harness (a plain-Python driver, as CyRK's tests call it) integrates the Lotka-Volterra system over t in [0, 10] with RK23, RK45 and DOP853, with extra arguments (0.01, 0.02) and a t_eval grid, with a complex128 state, with a fixed first step and a max step, and backwards in time
# ---- CyRK/nb/dop_coefficients.py ----
import numpy as np

N_STAGES = 12
N_STAGES_EXTENDED = 16
INTERPOLATOR_POWER = 7

ORDER = 8
ERROR_ESTIMATOR_ORDER = 7

C = np.array([0.0,
              0.526001519587677318785587544488e-01,
              0.789002279381515978178381316732e-01,
              0.118350341907227396726757197510,
              0.281649658092772603273242802490,
              0.333333333333333333333333333333,
              0.25,
              0.307692307692307692307692307692,
              0.651282051282051282051282051282,
              0.6,
              0.857142857142857142857142857142,
              1.0,
              1.0,
              0.1,
              0.2,
              0.777777777777777777777777777778], order='C')

A = np.zeros((N_STAGES_EXTENDED, N_STAGES_EXTENDED), order='C')
A[1, 0] = 5.26001519587677318785587544488e-2

A[2, 0] = 1.97250569845378994544595329183e-2
A[2, 1] = 5.91751709536136983633785987549e-2

A[3, 0] = 2.95875854768068491816892993775e-2
A[3, 2] = 8.87627564304205475450678981324e-2

A[4, 0] = 2.41365134159266685502369798665e-1
A[4, 2] = -8.84549479328286085344864962717e-1
A[4, 3] = 9.24834003261792003115737966543e-1

A[5, 0] = 3.7037037037037037037037037037e-2
A[5, 3] = 1.70828608729473871279604482173e-1
A[5, 4] = 1.25467687566822425016691814123e-1

A[6, 0] = 3.7109375e-2
A[6, 3] = 1.70252211019544039314978060272e-1
A[6, 4] = 6.02165389804559606850219397283e-2
A[6, 5] = -1.7578125e-2

A[7, 0] = 3.70920001185047927108779319836e-2
A[7, 3] = 1.70383925712239993810214054705e-1
A[7, 4] = 1.07262030446373284651809199168e-1
A[7, 5] = -1.53194377486244017527936158236e-2
A[7, 6] = 8.27378916381402288758473766002e-3

A[8, 0] = 6.24110958716075717114429577812e-1
A[8, 3] = -3.36089262944694129406857109825
A[8, 4] = -8.68219346841726006818189891453e-1
A[8, 5] = 2.75920996994467083049415600797e1
A[8, 6] = 2.01540675504778934086186788979e1
A[8, 7] = -4.34898841810699588477366255144e1

A[9, 0] = 4.77662536438264365890433908527e-1
A[9, 3] = -2.48811461997166764192642586468
A[9, 4] = -5.90290826836842996371446475743e-1
A[9, 5] = 2.12300514481811942347288949897e1
A[9, 6] = 1.52792336328824235832596922938e1
A[9, 7] = -3.32882109689848629194453265587e1
A[9, 8] = -2.03312017085086261358222928593e-2

A[10, 0] = -9.3714243008598732571704021658e-1
A[10, 3] = 5.18637242884406370830023853209
A[10, 4] = 1.09143734899672957818500254654
A[10, 5] = -8.14978701074692612513997267357
A[10, 6] = -1.85200656599969598641566180701e1
A[10, 7] = 2.27394870993505042818970056734e1
A[10, 8] = 2.49360555267965238987089396762
A[10, 9] = -3.0467644718982195003823669022

A[11, 0] = 2.27331014751653820792359768449
A[11, 3] = -1.05344954667372501984066689879e1
A[11, 4] = -2.00087205822486249909675718444
A[11, 5] = -1.79589318631187989172765950534e1
A[11, 6] = 2.79488845294199600508499808837e1
A[11, 7] = -2.85899827713502369474065508674
A[11, 8] = -8.87285693353062954433549289258
A[11, 9] = 1.23605671757943030647266201528e1
A[11, 10] = 6.43392746015763530355970484046e-1

A[12, 0] = 5.42937341165687622380535766363e-2
A[12, 5] = 4.45031289275240888144113950566
A[12, 6] = 1.89151789931450038304281599044
A[12, 7] = -5.8012039600105847814672114227
A[12, 8] = 3.1116436695781989440891606237e-1
A[12, 9] = -1.52160949662516078556178806805e-1
A[12, 10] = 2.01365400804030348374776537501e-1
A[12, 11] = 4.47106157277725905176885569043e-2

A[13, 0] = 5.61675022830479523392909219681e-2
A[13, 6] = 2.53500210216624811088794765333e-1
A[13, 7] = -2.46239037470802489917441475441e-1
A[13, 8] = -1.24191423263816360469010140626e-1
A[13, 9] = 1.5329179827876569731206322685e-1
A[13, 10] = 8.20105229563468988491666602057e-3
A[13, 11] = 7.56789766054569976138603589584e-3
A[13, 12] = -8.298e-3

A[14, 0] = 3.18346481635021405060768473261e-2
A[14, 5] = 2.83009096723667755288322961402e-2
A[14, 6] = 5.35419883074385676223797384372e-2
A[14, 7] = -5.49237485713909884646569340306e-2
A[14, 10] = -1.08347328697249322858509316994e-4
A[14, 11] = 3.82571090835658412954920192323e-4
A[14, 12] = -3.40465008687404560802977114492e-4
A[14, 13] = 1.41312443674632500278074618366e-1

A[15, 0] = -4.28896301583791923408573538692e-1
A[15, 5] = -4.69762141536116384314449447206
A[15, 6] = 7.68342119606259904184240953878
A[15, 7] = 4.06898981839711007970213554331
A[15, 8] = 3.56727187455281109270669543021e-1
A[15, 12] = -1.39902416515901462129418009734e-3
A[15, 13] = 2.9475147891527723389556272149
A[15, 14] = -9.15095847217987001081870187138


B = A[N_STAGES, :N_STAGES]

E3 = np.zeros(N_STAGES + 1, order='C')
E3[:-1] = B.copy()
E3[0] -= 0.244094488188976377952755905512
E3[8] -= 0.733846688281611857341361741547
E3[11] -= 0.220588235294117647058823529412e-1

E5 = np.zeros(N_STAGES + 1, order='C')
E5[0] = 0.1312004499419488073250102996e-1
E5[5] = -0.1225156446376204440720569753e+1
E5[6] = -0.4957589496572501915214079952
E5[7] = 0.1664377182454986536961530415e+1
E5[8] = -0.3503288487499736816886487290
E5[9] = 0.3341791187130174790297318841
E5[10] = 0.8192320648511571246570742613e-1
E5[11] = -0.2235530786388629525884427845e-1

# First 3 coefficients are computed separately.
D = np.zeros((INTERPOLATOR_POWER - 3, N_STAGES_EXTENDED), order='C')
D[0, 0] = -0.84289382761090128651353491142e+1
D[0, 5] = 0.56671495351937776962531783590
D[0, 6] = -0.30689499459498916912797304727e+1
D[0, 7] = 0.23846676565120698287728149680e+1
D[0, 8] = 0.21170345824450282767155149946e+1
D[0, 9] = -0.87139158377797299206789907490
D[0, 10] = 0.22404374302607882758541771650e+1
D[0, 11] = 0.63157877876946881815570249290
D[0, 12] = -0.88990336451333310820698117400e-1
D[0, 13] = 0.18148505520854727256656404962e+2
D[0, 14] = -0.91946323924783554000451984436e+1
D[0, 15] = -0.44360363875948939664310572000e+1

D[1, 0] = 0.10427508642579134603413151009e+2
D[1, 5] = 0.24228349177525818288430175319e+3
D[1, 6] = 0.16520045171727028198505394887e+3
D[1, 7] = -0.37454675472269020279518312152e+3
D[1, 8] = -0.22113666853125306036270938578e+2
D[1, 9] = 0.77334326684722638389603898808e+1
D[1, 10] = -0.30674084731089398182061213626e+2
D[1, 11] = -0.93321305264302278729567221706e+1
D[1, 12] = 0.15697238121770843886131091075e+2
D[1, 13] = -0.31139403219565177677282850411e+2
D[1, 14] = -0.93529243588444783865713862664e+1
D[1, 15] = 0.35816841486394083752465898540e+2

D[2, 0] = 0.19985053242002433820987653617e+2
D[2, 5] = -0.38703730874935176555105901742e+3
D[2, 6] = -0.18917813819516756882830838328e+3
D[2, 7] = 0.52780815920542364900561016686e+3
D[2, 8] = -0.11573902539959630126141871134e+2
D[2, 9] = 0.68812326946963000169666922661e+1
D[2, 10] = -0.10006050966910838403183860980e+1
D[2, 11] = 0.77771377980534432092869265740
D[2, 12] = -0.27782057523535084065932004339e+1
D[2, 13] = -0.60196695231264120758267380846e+2
D[2, 14] = 0.84320405506677161018159903784e+2
D[2, 15] = 0.11992291136182789328035130030e+2

D[3, 0] = -0.25693933462703749003312586129e+2
D[3, 5] = -0.15418974869023643374053993627e+3
D[3, 6] = -0.23152937917604549567536039109e+3
D[3, 7] = 0.35763911791061412378285349910e+3
D[3, 8] = 0.93405324183624310003907691704e+2
D[3, 9] = -0.37458323136451633156875139351e+2
D[3, 10] = 0.10409964950896230045147246184e+3
D[3, 11] = 0.29840293426660503123344363579e+2
D[3, 12] = -0.43533456590011143754432175058e+2
D[3, 13] = 0.96324553959188282948394950600e+2
D[3, 14] = -0.39177261675615439165231486172e+2
D[3, 15] = -0.14972683625798562581422125276e+3


# ---- CyRK/nb/nbrk.py ----
from typing import Tuple
import platform

import numpy as np
from numba import njit

is_macos = (platform.system().lower() == 'darwin')

A_DOP, B_DOP, C_DOP, E3_DOP, E5_DOP, D_DOP = A, B, C, E3, E5, D
N_STAGES_DOP, N_STAGES_EXTENDED_DOP, ORDER_DOP = N_STAGES, N_STAGES_EXTENDED, ORDER
ERROR_ESTIMATOR_ORDER_DOP = ERROR_ESTIMATOR_ORDER

# Optimizations
EMPTY_ARR = np.empty(0, dtype=np.float64)
EPS = np.finfo(np.float64).eps
EPS_10 = 10. * EPS
EPS_100 = 100. * EPS
INF = np.inf

# Diffeq Solver Settings
# Multiply steps computed from asymptotic behaviour of errors by this.
SAFETY = 0.9

MIN_FACTOR = 0.2  # Minimum allowed decrease in a step size.
MAX_FACTOR = 10.  # Maximum allowed increase in a step size.

RK23_order = 3
RK23_error_estimator_order = 2
RK23_n_stages = 3
RK23_C = np.array([0, 1 / 2, 3 / 4], order='C', dtype=np.float64)
RK23_A = np.array(
        [
            [0, 0, 0],
            [1 / 2, 0, 0],
            [0, 3 / 4, 0]
            ], order='C', dtype=np.float64
        )
RK23_B = np.array([2 / 9, 1 / 3, 4 / 9], order='C', dtype=np.float64)
RK23_E = np.array([5 / 72, -1 / 12, -1 / 9, 1 / 8], order='C', dtype=np.float64)
RK23_P = np.array(
        [[1, -4 / 3, 5 / 9],
         [0, 1, -2 / 3],
         [0, 4 / 3, -8 / 9],
         [0, -1, 1]], order='C', dtype=np.float64
        )

RK45_order = 5
RK45_error_estimator_order = 4
RK45_n_stages = 6
RK45_C = np.array([0, 1 / 5, 3 / 10, 4 / 5, 8 / 9, 1], order='C', dtype=np.float64)
RK45_A = np.array(
        [
            [0, 0, 0, 0, 0],
            [1 / 5, 0, 0, 0, 0],
            [3 / 40, 9 / 40, 0, 0, 0],
            [44 / 45, -56 / 15, 32 / 9, 0, 0],
            [19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729, 0],
            [9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656]
            ], order='C', dtype=np.float64
        )
RK45_B = np.array([35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84], order='C', dtype=np.float64)
RK45_E = np.array(
        [-71 / 57600, 0, 71 / 16695, -71 / 1920, 17253 / 339200, -22 / 525,
         1 / 40], order='C', dtype=np.float64
        )

RK45_P = np.array(
        [
            [1, -8048581381 / 2820520608, 8663915743 / 2820520608,
             -12715105075 / 11282082432],
            [0, 0, 0, 0],
            [0, 131558114200 / 32700410799, -68118460800 / 10900136933,
             87487479700 / 32700410799],
            [0, -1754552775 / 470086768, 14199869525 / 1410260304,
             -10690763975 / 1880347072],
            [0, 127303824393 / 49829197408, -318862633887 / 49829197408,
             701980252875 / 199316789632],
            [0, -282668133 / 205662961, 2019193451 / 616988883, -1453857185 / 822651844],
            [0, 40617522 / 29380423, -110615467 / 29380423, 69997945 / 29380423]], order='C', dtype=np.float64
        )


@njit(cache=False)
def _norm(x):
    return np.linalg.norm(x) / np.sqrt(x.size)


@njit(cache=False, fastmath=True)
def nbrk_ode(
        diffeq: callable, t_span: Tuple[float, float], y0: np.ndarray, args: tuple = tuple(),
        rtol: float = 1.e-6, atol: float = 1.e-8,
        max_step: float = np.inf, first_step: float = None,
        rk_method: int = 1, t_eval: np.ndarray = EMPTY_ARR,
        capture_extra: bool = False, interpolate_extra: bool = False
        ):
    """ A Numba-safe Runge-Kutta Integrator based on Scipy's solve_ivp RK integrator.

    Parameters
    ----------
    diffeq : callable
        An njit-compiled function that defines the derivatives of the problem.
    t_span : Tuple[float, float]
        A tuple of the beginning and end of the integration domain's dependent variables.
    y0 : np.ndarray
        1D array of the initial values of the problem at t_span[0]
    args : tuple = tuple()
        Any additional arguments that are passed to dffeq.
    rtol : float = 1.e-6
        Integration relative tolerance used to determine optimal step size.
    atol : float = 1.e-8
        Integration absolute tolerance used to determine optimal step size.
    max_step : float = np.inf
        Maximum allowed step size.
    first_step : float = None
        Initial step size. If `None`, then the function will attempt to determine an appropriate initial step.
    rk_method : int = 1
        The type of RK method used for integration
            0 = RK23
            1 = RK45
            2 = DOP853
    t_eval : np.ndarray = None
        If provided, then the function will interpolate the integration results to provide them at the
            requested t-steps.
    capture_extra : bool = False
        If True, then extra output will be captured from the differential equation.
        See CyRK's Documentation/Extra Output.md for more information
    interpolate_extra : bool = False
        If True, then extra output will be interpolated (along with y) at t_eval. Otherwise, y will be interpolated
         and then differential equation will be called to find the output at each t in t_eval.

    References
    ----------
    .. [1] E. Hairer, S. P. Norsett G. Wanner, "Solving Ordinary Differential
           Equations I: Nonstiff Problems", Sec. II.
    .. [2] `Page with original Fortran code of DOP853
            <http://www.unige.ch/~hairer/software.html>`_.

    Returns
    -------
    time_domain : np.ndarray
        The final time domain. This is equal to t_eval if it was provided.
    y_results : np.ndarray
        The solution of the differential equation provided for each time_result.
            If `capture_extra` was set to True then this will output both y and any extra parameters calculated by the
             differential equation. The format of this output will look like:
            ```
            y_results[0:y_size, :]          = ... # Actual y-results calculated by the diffeq solver
            y_results[y_size:extra_size, :] = ... # Extra outputs captured alongside y during integration

    success : bool
        Final integration success flag.
    message : str
        Any integration messages, useful if success=False.

    """

    # Clean up and interpret inputs
    t_start = t_span[0]
    t_end = t_span[1]
    direction = np.sign(t_end - t_start) if t_end != t_start else 1
    direction_inf = direction * np.inf
    y0 = np.asarray(y0)
    y_size = y0.size
    y_size_sqrt = np.sqrt(y_size)
    dtype = y0.dtype
    t_eval_size = t_eval.size
    run_interpolation = t_eval_size > 0
    store_extras_during_integration = capture_extra
    if run_interpolation and not interpolate_extra:
        # If y is eventually interpolated but the extra outputs are not being interpolated, then there is
        #  no point in storing the values during the integration. Turn off this functionality to save
        #  on computation
        store_extras_during_integration = False

    # If extra output is true then the output of the diffeq will be larger than the size of y0.
    #   determine that extra size by calling the diffeq and checking its size.
    extra_start = y_size
    extra_size = 0
    total_size = y_size
    if capture_extra:
        output_ = np.asarray(diffeq(t_start, y0, *args), dtype=dtype)
        total_size = output_.size
        extra_size = total_size - y_size
        extra_start = y_size

        # Extract the extra output from the function output.
        y0_plus_extra = np.empty(total_size, dtype=dtype)
        for i in range(total_size):
            if i < extra_start:
                # Pull from y0
                y0_plus_extra[i] = y0[i]
            else:
                # Pull from extra output
                y0_plus_extra[i] = output_[i]
        if store_extras_during_integration:
            y0_to_store = y0_plus_extra
            store_loop_size = total_size
        else:
            y0_to_store = y0
            store_loop_size = y_size

    else:
        y0_to_store = y0
        store_loop_size = y_size
    extra_result = np.empty(extra_size, dtype=dtype)

    if store_extras_during_integration:
        y_result_store = np.empty(total_size, dtype=dtype)
    else:
        y_result_store = np.empty(y_size, dtype=dtype)

    # Containers to store results during integration
    time_domain_list = [t_start]
    y_result_list = [np.copy(y0_to_store)]

    # Integrator Status Codes
    #   0  = Running
    #   -1 = Failed
    #   1  = Finished with no obvious issues
    status = 0

    # Determine RK constants
    if rk_method == 0:
        # RK23 Method
        rk_order = RK23_order
        error_order = RK23_error_estimator_order
        rk_n_stages = RK23_n_stages
        rk_n_stages_plus1 = rk_n_stages + 1
        C = RK23_C
        A = RK23_A
        B = RK23_B
        E = np.asarray(RK23_E, dtype=dtype)
        # TODO: Used in dense output calculation. Not needed until that is implemented.
        # P = RK23_P
        # Set these unused variables to E to avoid variable not set check
        E3 = E
        E5 = E

        # Initialize RK-K variable
        K = np.empty((rk_n_stages_plus1, y_size), dtype=dtype)
    elif rk_method == 1:
        # RK45 Method
        rk_order = RK45_order
        error_order = RK45_error_estimator_order
        rk_n_stages = RK45_n_stages
        rk_n_stages_plus1 = rk_n_stages + 1
        C = RK45_C
        A = RK45_A
        B = RK45_B
        E = np.asarray(RK45_E, dtype=dtype)
        # TODO: Used in dense output calculation. Not needed until that is implemented.
        # P = RK45_P
        # Set these unused variables to E to avoid variable not set check
        E3 = E
        E5 = E

        # Initialize RK-K variable
        K = np.empty((rk_n_stages_plus1, y_size), dtype=dtype)
    elif rk_method == 2:
        # DOP853
        rk_order = ORDER_DOP
        error_order = ERROR_ESTIMATOR_ORDER_DOP
        rk_n_stages = N_STAGES_DOP
        rk_n_stages_plus1 = rk_n_stages + 1
        A = A_DOP[:rk_n_stages, :rk_n_stages]
        B = B_DOP
        C = C_DOP[:rk_n_stages]
        E3 = np.asarray(E3_DOP, dtype=dtype)
        E5 = np.asarray(E5_DOP, dtype=dtype)
        # TODO: Used in dense output calculation. Not needed until that is implemented.
        # D = np.asarray(D_DOP, dtype=dtype)
        # A_EXTRA = np.asarray(A_DOP[rk_n_stages + 1:], dtype=dtype)
        # C_EXTRA = np.asarray(C_DOP[rk_n_stages + 1:], dtype=dtype)
        # Set these unused variables to E to avoid variable not set check
        E = E3

        # Initialize RK-K variable
        K_extended = np.empty((N_STAGES_EXTENDED_DOP, y_size), dtype=dtype)
        K = np.ascontiguousarray(K_extended[:rk_n_stages_plus1, :])
    else:
        raise Exception(
            'Unexpected rk_method provided. Currently supported versions are:\n'
            '\t0 = RK23\n'
            '\t1 = RK34\n'
            '\t2 = DOP853')

    # Recast some constants into the correct dtype, so they can be used with y0.
    A = np.asarray(A, dtype=dtype)
    B = np.asarray(B, dtype=dtype)

    error_expo = 1. / (error_order + 1.)

    # Check tolerances
    if rtol < 100. * EPS:
        rtol = 100. * EPS

    atol = np.asarray(atol)
    if atol.ndim > 0 and atol.shape != (y_size,):
        # atol must be either the same for all y or must be provided as an array, one for each y.
        raise Exception

    # Initialize variables for start of integration
    t_old    = t_start
    t_new    = t_start
    y_new    = np.empty_like(y0)
    y_old    = np.empty_like(y0)
    dydt_old = np.empty_like(y0)
    dydt1    = np.empty_like(y0)
    dy_      = np.empty_like(y0)
    dydt_new = np.empty_like(y0)
    y_tmp    = np.empty_like(y0)
    E5_tmp   = np.empty_like(y0)
    E3_tmp   = np.empty_like(y0)
    E_tmp    = np.empty_like(y0)
    for i in range(y_size):
        y0_i     = y0[i]
        y_new[i] = y0_i
        y_old[i] = y0_i

    output = np.asarray(diffeq(t_new, y_new, *args), dtype=dtype)
    for i in range(y_size):
        dydt_old[i] = output[i]

    # Find first step size
    first_step_found = False
    if first_step is not None:
        step_size = max_step
        if first_step < 0.:
            # Step size must be a positive number
            raise Exception
        elif first_step > np.abs(t_end - t_start):
            # Step size can not exceed bounds
            raise Exception
        elif first_step != 0.:
            step_size = first_step
            first_step_found = True

    if not first_step_found:
        # Select an initial step size based on the differential equation.
        # .. [1] E. Hairer, S. P. Norsett G. Wanner, "Solving Ordinary Differential
        #        Equations I: Nonstiff Problems", Sec. II.4.
        if y_size == 0:
            step_size = INF
        else:

            # Take the norm of d0 and d1
            d0 = 0.
            d1 = 0.
            for i in range(y_size):
                scale = atol + np.abs(y_old[i]) * rtol

                d0_abs = np.abs(y_old[i] / scale)
                d1_abs = np.abs(dydt_old[i] / scale)
                d0 += (d0_abs * d0_abs)
                d1 += (d1_abs * d1_abs)

            d0 = np.sqrt(d0) / y_size_sqrt
            d1 = np.sqrt(d1) / y_size_sqrt

            if d0 < 1.e-5 or d1 < 1.e-5:
                h0 = 1.e-6
            else:
                h0 = 0.01 * d0 / d1

            y1 = y_old + h0 * direction * dydt_old
            t1 = t_old + h0 * direction

            # Use the differential equation to estimate the first step size
            diffeq_output = np.asarray(diffeq(t1, y1, *args), dtype=dtype)
            for i in range(y_size):
                dydt1[i] = diffeq_output[i]

            d2 = 0.
            for i in range(y_size):
                scale = atol + np.abs(y_old[i]) * rtol
                d2_abs = np.abs((dydt1[i] - dydt_old[i]) / scale)
                d2 += (d2_abs * d2_abs)
            d2 = np.sqrt(d2) / (h0 * y_size_sqrt)

            if d1 <= 1.e-15 and d2 <= 1.e-15:
                h1 = max(1.e-6, h0 * 1.e-3)
            else:
                h1 = (0.01 / max(d1, d2))**error_expo

            next_after = 10. * abs(np.nextafter(t_old, direction * np.inf) - t_old)
            if is_macos:
                # TODO: this really should not be required but was having problems on ubuntu and linux systems.
                next_after = max(next_after, 1.0e-100)
            step_size = max(next_after, min(100. * h0, h1))

    # Main integration loop
    # # Time Loop
    while status == 0:

        if t_new == t_end or y_size == 0:
            t_old = t_end
            t_new = t_end
            status = 1
            break

        # Run RK integration step
        # Determine step size based on previous loop
        # Find minimum step size based on the value of t (less floating point numbers between numbers when t is large)
        next_after = 10. * abs(np.nextafter(t_old, direction * np.inf) - t_old)
        if is_macos:
            # TODO: this really should not be required but was having problems on ubuntu and linux systems.
            next_after = max(next_after, 1.0e-100)
        min_step = next_after

        # Look for over/undershoots in previous step size
        if step_size > max_step:
            step_size = max_step
        elif step_size < min_step:
            step_size = min_step

        # Determine new step size
        step_accepted = False
        step_rejected = False
        step_error = False
        # # Step Loop
        while not step_accepted:

            if step_size < min_step:
                step_error = True
                break

            # Move time forward for this particular step size
            step = step_size * direction
            t_new = t_old + step

            # Check that we are not at the end of integration with that move
            if direction * (t_new - t_end) > 0:
                t_new = t_end

                # Correct the step if we were at the end of integration
                step = t_new - t_old
                step_size = np.abs(step)

            # Calculate derivative using RK method
            K[0, :] = dydt_old[:]
            for s in range(1, len(C)):
                c = C[s]
                A_ = A[s, :]
                time_ = t_old + c * step

                # Dot Product (K, a) * step
                for j in range(s):
                    K_ = K[j, :]
                    a_ = A_[j]
                    for i in range(y_size):
                        if j == 0:
                            # Initialize
                            y_tmp[i] = y_old[i]

                        y_tmp[i] = y_tmp[i] + (K_[i] * a_ * step)

                # Update K with a new result from the differential equationC
                diffeq_output = np.asarray(diffeq(time_, y_tmp, *args), dtype=dtype)
                for i in range(y_size):
                    dy_[i] = diffeq_output[i]

                for i in range(y_size):
                    K[s, i] = dy_[i]

            # Dot Product (K, B) * step
            for j in range(rk_n_stages):
                # We do not use rk_n_stages_plus1 here because we are chopping off the last row of K to match
                #  the shape of B.
                K_ = K[j, :]
                b_ = B[j]
                for i in range(y_size):
                    if j == 0:
                        # Initialize
                        y_new[i] = y_old[i]
                    y_new[i] = y_new[i] + (K_[i] * b_ * step)

            # Find final dydt for this timestep
            diffeq_output = np.asarray(diffeq(t_new, y_new, *args), dtype=dtype)
            for i in range(store_loop_size):
                if i < extra_start:
                    # Set diffeq results
                    dydt_new[i] = diffeq_output[i]
                else:
                    # Set extra results
                    extra_result[i - extra_start] = diffeq_output[i]

            # Estimate error to change the step size for next step
            if rk_method == 2:
                # DOP853 error estimation
                # Dot Product (K, E5) / Scale and (K, E3) / scale
                for i in range(y_size):
                    # Check how well this step performed
                    scale = atol + np.maximum(np.abs(y_old[i]), np.abs(y_new[i])) * rtol
                    for j in range(rk_n_stages_plus1):
                        if j == 0:
                            # Initialize
                            E5_tmp[i] = 0.
                            E3_tmp[i] = 0.
                        elif j == rk_n_stages:
                            # Set last array of the K array
                            K[j, i] = dydt_new[i]
                        K_scale = K[j, i] / scale
                        E5_tmp[i] = E5_tmp[i] + (K_scale * E5[j])
                        E3_tmp[i] = E3_tmp[i] + (K_scale * E3[j])

                # Find norms for each error
                error_norm5 = 0.
                error_norm3 = 0.

                # Perform summation
                for i in range(y_size):
                    error_norm5_abs = np.abs(E5_tmp[i])
                    error_norm3_abs = np.abs(E3_tmp[i])
                    error_norm5 += (error_norm5_abs * error_norm5_abs)
                    error_norm3 += (error_norm3_abs * error_norm3_abs)

                # Check if errors are zero
                if (error_norm5 == 0.) and (error_norm3 == 0.):
                    error_norm = 0.
                else:
                    error_denom = error_norm5 + 0.01 * error_norm3
                    error_norm = step_size * error_norm5 / np.sqrt(error_denom * y_size)

            else:
                # Calculate Error for RK23 and RK45
                error_norm = 0.
                # Dot Product (K, E) * step / scale
                for i in range(y_size):
                    # Check how well this step performed.
                    scale = atol + max(np.abs(y_old[i]), np.abs(y_new[i])) * rtol
                    for j in range(rk_n_stages_plus1):
                        if j == 0:
                            # Initialize
                            E_tmp[i] = 0.
                        elif j == rk_n_stages:
                            # Set last array of the K array.
                            K[j, i] = dydt_new[i]
                        K_scale = K[j, i] / scale
                        E_tmp[i] = E_tmp[i] + (K_scale * E[j] * step)

                    error_norm_abs = np.abs(E_tmp[i])
                    error_norm += (error_norm_abs * error_norm_abs)
                error_norm = np.sqrt(error_norm) / y_size_sqrt

            if error_norm < 1.:
                # The error is low! Let's update this step for the next time loop
                if error_norm == 0.:
                    step_factor = MAX_FACTOR
                else:
                    step_factor = min(
                            MAX_FACTOR,
                            SAFETY * error_norm**-error_expo
                            )

                if step_rejected:
                    # There were problems with this step size on the previous step loop. Make sure factor does
                    #    not exasperate them.
                    step_factor = min(step_factor, 1.)

                step_size = step_size * step_factor
                step_accepted = True
            else:
                step_size = step_size * max(
                        MIN_FACTOR,
                        SAFETY * error_norm**-error_expo
                        )
                step_rejected = True

        if not step_accepted or step_error:
            # Issue with step convergence
            status = -1
            break

        # End of step loop. Update the _now variables
        t_old = t_new

        for i in range(y_size):
            y_old[i] = y_new[i]
            dydt_old[i] = dydt_new[i]

        # Save data
        # If there is extra outputs then we need to store those at this timestep as well.
        for i in range(store_loop_size):
            if i < extra_start:
                # Pull from y result
                y_result_store[i] = y_new[i]
            else:
                # Pull from extra
                y_result_store[i] = extra_result[i - extra_start]

        time_domain_list.append(t_new)
        y_result_list.append(np.copy(y_result_store))

    t_size = len(time_domain_list)

    # To match the format that scipy follows, we will take the transpose of y.
    time_domain = np.empty(t_size, dtype=np.float64)
    y_results = np.empty((store_loop_size, t_size), dtype=dtype)
    for t_i in range(t_size):
        time_domain[t_i] = time_domain_list[t_i]
        y_results_list_at_t = y_result_list[t_i]
        for y_i in range(store_loop_size):
            y_results[y_i, t_i] = y_results_list_at_t[y_i]

    if t_eval_size > 0:
        # User only wants data at specific points.
        # The current version of this function has not implemented sicpy's dense output, so we must use an interpolation.
        t_eval = np.asarray(t_eval, dtype=np.float64)
        y_results_reduced = np.empty((total_size, t_eval.size), dtype=dtype)

        # np.interp only works on 1D arrays, so we have to loop through each of the variables and call for each y:
        for i in range(y_size):
            y_results_reduced[i, :] = np.interp(t_eval, time_domain, y_results[i, :])

        if capture_extra:
            # Right now if there is any extra output then it is stored at each time step used in the RK loop.
            # We have to make a choice on what to output do we, like we do with y, interpolate all of those extras?
            #  or do we use the interpolation on y to find new values.
            # The latter method is more computationally expensive (recalls the diffeq for each y) but is more accurate.
            if interpolate_extra:
                # Continue the interpolation for the extra values.
                for i in range(extra_size):
                    y_results_reduced[extra_start + i, :] = \
                        np.interp(t_eval, time_domain, y_results[extra_start + i, :])
            else:
                # Use y and t to recalculate the extra outputs
                y_ = np.empty(y_size, dtype=dtype)
                for t_i in range(t_eval_size):
                    t_ = t_eval[t_i]
                    for y_i in range(y_size):
                        y_[y_i] = y_results_reduced[y_i, t_i]
                    diffeq_output = np.asarray(diffeq(t_, y_, *args), dtype=dtype)
                    for i in range(extra_size):
                        y_results_reduced[extra_start + i, t_i] = diffeq_output[extra_start + i]

        y_results = y_results_reduced
        time_domain = t_eval
    success = status == 1

    if status == 1:
        message = 'Integration finished.'
    elif status == 0:
        message = 'Integration interrupted.'
    elif status == -1:
        message = 'Error in step size calculation:\n\tRequired step size is less than spacing between numbers.'
    else:
        message = 'An unknown integration error occurred.'

    return time_domain, y_results, success, message


# ---- Tests/C_Numba_Tests/test_a_numba.py (the right-hand sides) ----
from numba import njit


@njit
def diffeq_args(t, y, a, b):
    dy = np.zeros_like(y)
    dy[0] = (1. - a * y[1]) * y[0]
    dy[1] = (b * y[0] - 1.) * y[1]
    return dy


@njit
def diffeq(t, y):
    dy = np.zeros_like(y)
    dy[0] = (1. - 0.01 * y[1]) * y[0]
    dy[1] = (0.02 * y[0] - 1.) * y[1]
    return dy


# ---- harness (not part of the program) ----
ENTRY = "integrate_lotka_volterra"


def integrate_lotka_volterra(y0, y0_complex, time_span, t_eval):
    out = []
    for rk_method in (0, 1, 2):
        t, y, success, message = nbrk_ode(diffeq, time_span, y0, rk_method=rk_method,
                                          rtol=1.0e-7, atol=1.0e-8)
        out.append((t, y, success, message))
    t, y, success, message = nbrk_ode(diffeq_args, time_span, y0, args=(0.01, 0.02),
                                      rk_method=1, t_eval=t_eval)
    out.append((t, y, success, message))
    t, y, success, message = nbrk_ode(diffeq, time_span, y0_complex, rk_method=2)
    out.append((t, y, success, message))
    t, y, success, message = nbrk_ode(diffeq, time_span, y0, rk_method=1,
                                      first_step=0.01, max_step=time_span[1] / 20.)
    out.append((t, y, success, message))
    t, y, success, message = nbrk_ode(diffeq, (time_span[1], time_span[0]), y0, rk_method=0)
    out.append((t, y, success, message))
    return tuple(out)


def inputs():
    y0 = np.asarray((20., 20.), dtype=np.float64)
    y0_complex = np.asarray((20. + 0.01j, 20. - 0.01j), dtype=np.complex128)
    time_span = (0., 10.)
    t_eval = np.linspace(time_span[0], time_span[1], 25)
    return (y0, y0_complex, time_span, t_eval)
