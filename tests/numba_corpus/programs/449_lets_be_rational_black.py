# Source: vollib/py_lets_be_rational py_lets_be_rational/lets_be_rational.py, erf_cody.py, normaldistribution.py and numba_helper.py (all at commit 73a5b6a4), with constants.py (at commit 8cc1dcb5)
# Licence: MIT (py_lets_be_rational, the files' headers ":license: MIT", setup.py license='MIT'; Copyright 2017 Gammon Capital LLC), with Peter Jäckel's permissive notice for LetsBeRational (kept in the pasted headers)
# Notes: Black (1976) option price through Peter Jäckel's "Let's Be Rational" normalised Black function (quantitative finance, option pricing): black (the package's maybe_jit(cache=True), i.e. numba.jit(cache=True) when numba imports) maps an in-the-money option to the out-of-the-money one by calling itself with -q and adds the intrinsic value, then normalised_black_call (also self-recursive for x > 0) picks one of four regions: the 17th-order asymptotic expansion (one huge nested polynomial), the 12th-order small-t expansion and the erfcx form (both through W. J. Cody's rational Chebyshev erfcx_cody -> calerf with tuple-held coefficients indexed in loops and a jitted helper returning early), or Phi via norm_cdf (an asymptotic series in a while loop with int-started accumulators, else erfc_cody). Pasted, in dependency order: numba_helper.py (maybe_jit), constants.py, the jitted part of erf_cody.py with its module constants, norm_pdf/norm_cdf with their thresholds from normaldistribution.py, and from lets_be_rational.py its module constants and the jitted call tree of black (_asymptotic_expansion..., _small_t_expansion..., _normalized_black_call_using_norm_cdf, _normalised_black_call_using_erfcx, _normalised_intrinsic, _normalised_intrinsic_call, normalised_black_call, normalised_black, black); the package-internal imports are replaced by these definitions, the `from __future__` lines (no-ops in Python 3, and only allowed at the top of a file) are left out, and so are the implied-volatility Householder iteration (plain Python), the rational-cubic interpolation, inverse_norm_cdf and the exceptions module that only it uses; the harness prices an out-of-the-money put, F = 100, K = 90, sigma = 0.25, T = 0.75, q = -1 (region 2, the small-t expansion; the recursive in-the-money paths are compiled but not taken, since under Numba 0.56 they abort at run time with "unresolved symbol")
# ---- py_lets_be_rational/numba_helper.py ----
try:
    from numba import jit
except ImportError:
    jit = None


def maybe_jit(*jit_args, **jit_kwargs):
    def wrapper(fun):
        if callable(jit):
            return jit(*jit_args, **jit_kwargs)(fun)
        else:
            return fun
    return wrapper
# ---- py_lets_be_rational/constants.py ----
# -*- coding: utf-8 -*-

"""
py_lets_be_rational.constants
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~

Pure python implementation of Peter Jaeckel's LetsBeRational.

:copyright: © 2017 Gammon Capital LLC
:license: MIT, see LICENSE for more details.

About LetsBeRational:
~~~~~~~~~~~~~~~~~~~~~

The source code of LetsBeRational resides at www.jaeckel.org/LetsBeRational.7z .

======================================================================================
Copyright © 2013-2014 Peter Jäckel.

Permission to use, copy, modify, and distribute this software is freely granted,
provided that this notice is preserved.

WARRANTY DISCLAIMER
The Software is provided "as is" without warranty of any kind, either express or implied,
including without limitation any implied warranties of condition, uninterrupted use,
merchantability, fitness for a particular purpose, or non-infringement.
======================================================================================
"""

from _testcapi import DBL_MIN, DBL_MAX

import sys
from math import sqrt

DBL_EPSILON = sys.float_info.epsilon

SQRT_DBL_EPSILON = sqrt(DBL_EPSILON)
FOURTH_ROOT_DBL_EPSILON = sqrt(SQRT_DBL_EPSILON)
EIGHTH_ROOT_DBL_EPSILON = sqrt(FOURTH_ROOT_DBL_EPSILON)
SIXTEENTH_ROOT_DBL_EPSILON = sqrt(EIGHTH_ROOT_DBL_EPSILON)
SQRT_DBL_MIN = sqrt(DBL_MIN)
SQRT_DBL_MAX = sqrt(DBL_MAX)

# Set this to 0 if you want positive results for (positive) denormalized inputs, else to DBL_MIN.
# Note that you cannot achieve full machine accuracy from denormalized inputs!
DENORMALIZATION_CUTOFF = 0

VOLATILITY_VALUE_TO_SIGNAL_PRICE_IS_BELOW_INTRINSIC = -DBL_MAX
VOLATILITY_VALUE_TO_SIGNAL_PRICE_IS_ABOVE_MAXIMUM = DBL_MAX

ONE_OVER_SQRT_TWO = 0.7071067811865475244008443621048490392848359376887
ONE_OVER_SQRT_TWO_PI = 0.3989422804014326779399460599343818684758586311649
SQRT_TWO_PI = 2.506628274631000502415765284811045253006986740610

TWO_PI = 6.283185307179586476925286766559005768394338798750
SQRT_PI_OVER_TWO = 1.253314137315500251207882642405522626503493370305  # sqrt(pi/2) to avoid misinterpretation.
SQRT_THREE = 1.732050807568877293527446341505872366942805253810
SQRT_ONE_OVER_THREE = 0.577350269189625764509148780501957455647601751270
TWO_PI_OVER_SQRT_TWENTY_SEVEN = 1.209199576156145233729385505094770488189377498728  # 2*pi/sqrt(27)
PI_OVER_SIX = 0.523598775598298873077107230546583814032861566563
# ---- py_lets_be_rational/erf_cody.py ----
# -*- coding: utf-8 -*-

"""
py_lets_be_rational.erf_cody
~~~~~~~~~~~~~~~~~~~~~~~~~~~~

Pure python implementation of Peter Jaeckel's LetsBeRational.

:copyright: © 2017 Gammon Capital LLC
:license: MIT, see LICENSE for more details.

About LetsBeRational:
~~~~~~~~~~~~~~~~~~~~~

The source code of LetsBeRational resides at www.jaeckel.org/LetsBeRational.7z .

======================================================================================
Copyright © 2013-2014 Peter Jäckel.

Permission to use, copy, modify, and distribute this software is freely granted,
provided that this notice is preserved.

WARRANTY DISCLAIMER
The Software is provided "as is" without warranty of any kind, either express or implied,
including without limitation any implied warranties of condition, uninterrupted use,
merchantability, fitness for a particular purpose, or non-infringement.
======================================================================================
"""

from math import floor, fabs, exp


@maybe_jit(cache=True, nopython=True, nogil=True)
def d_int(x):
    return floor(x) if x > 0 else -floor(-x)

A = (3.1611237438705656, 113.864154151050156, 377.485237685302021, 3209.37758913846947, .185777706184603153)
B = (23.6012909523441209, 244.024637934444173, 1282.61652607737228, 2844.23683343917062)
C = (.564188496988670089, 8.88314979438837594, 66.1191906371416295, 298.635138197400131, 881.95222124176909,
     1712.04761263407058, 2051.07837782607147, 1230.33935479799725, 2.15311535474403846e-8)
D = (15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019, 3290.79923573345963,
     4362.61909014324716, 3439.36767414372164, 1230.33935480374942)
P = (.305326634961232344, .360344899949804439, .125781726111229246, .0160837851487422766, 6.58749161529837803e-4,
     .0163153871373020978)
Q = (2.56852019228982242, 1.87295284992346047, .527905102951428412, .0605183413124413191, .00233520497626869185)

ZERO = 0.
HALF = .5
ONE = 1.
TWO = 2.
FOUR = 4.
SQRPI = 0.56418958354775628695
THRESH = .46875
SIXTEEN = 16.

# *******************************************************************
# Explanation of machine-dependent constants
#   XMIN   = the smallest positive floating-point number.
#   XINF   = the largest positive finite floating-point number.
#   XNEG   = the largest negative argument acceptable to ERFCX
#            the negative of the solution to the equation
#            2*exp(x*x) = XINF.
#   XSMALL = argument below which erf(x) may be represented by
#            2*x/sqrt(pi)  and above which  x*x  will not underflow.
#            A conservative value is the largest machine number X
#            such that   1.0 + X = 1.0   to machine precision.
#   XBIG   = largest argument acceptable to ERFC  solution to
#            the equation:  W(x) * (1-0.5/x**2) = XMIN,  where
#            W(x) = exp(-x*x)/[x*sqrt(pi)].
#   XHUGE  = argument above which  1.0 - 1/(2*x*x) = 1.0  to
#            machine precision.  A conservative value is
#            1/[2*sqrt(XSMALL)]
#   XMAX   = largest acceptable argument to ERFCX the minimum
#            of XINF and 1/[sqrt(pi)*XMIN].
# The numbers below were preselected for IEEE .
XINF = 1.79e308
XNEG = -26.628
XSMALL = 1.11e-16
XBIG = 26.543
XHUGE = 6.71e7
XMAX = 2.53e307


# <       SUBROUTINE CALERF(ARG,RESULT,JINT) >
@maybe_jit(cache=True)
def calerf(x, jint):
    # ------------------------------------------------------------------
    # This packet evaluates  erf(x),  erfc(x),  and  exp(x*x)*erfc(x)
    #   for a real argument  x.  It contains three FUNCTION type
    #   subprograms: ERF, ERFC, and ERFCX (or DERF, DERFC, and DERFCX),
    #   and one SUBROUTINE type subprogram, CALERF.  The calling
    #   statements for the primary entries are:
    #                   Y=ERF(X)     (or   Y=DERF(X)),
    #                   Y=ERFC(X)    (or   Y=DERFC(X)),
    #   and
    #                   Y=ERFCX(X)   (or   Y=DERFCX(X)).
    #   The routine  CALERF  is intended for internal packet use only,
    #   all computations within the packet being concentrated in this
    #   routine.  The function subprograms invoke  CALERF  with the
    #   statement
    #          CALL CALERF(ARG,RESULT,JINT)
    #   where the parameter usage is as follows
    #      Function                     Parameters for CALERF
    #       call              ARG                  Result          JINT
    #     ERF(ARG)      ANY REAL ARGUMENT         ERF(ARG)          0
    #     ERFC(ARG)     ABS(ARG) .LT. XBIG        ERFC(ARG)         1
    #     ERFCX(ARG)    XNEG .LT. ARG .LT. XMAX   ERFCX(ARG)        2
    #   The main computation evaluates near-minimax approximations
    #   from "Rational Chebyshev approximations for the error function"
    #   by W. J. Cody, Math. Comp., 1969, PP. 631-638.  This
    #   transportable program uses rational functions that theoretically
    #   approximate  erf(x)  and  erfc(x)  to at least 18 significant
    #   decimal digits.  The accuracy achieved depends on the arithmetic
    #   system, the compiler, the intrinsic functions, and proper
    #   selection of the machine-dependent constants.
    # *******************************************************************

    #   Approximate values for some important machines are:
    #                          XMIN       XINF        XNEG     XSMALL
    #  CDC 7600      (S.P.)  3.13E-294   1.26E+322   -27.220  7.11E-15
    #  CRAY-1        (S.P.)  4.58E-2467  5.45E+2465  -75.345  7.11E-15
    #  IEEE (IBM/XT,
    #    SUN, etc.)  (S.P.)  1.18E-38    3.40E+38     -9.382  5.96E-8
    #  IEEE (IBM/XT,
    #    SUN, etc.)  (D.P.)  2.23D-308   1.79D+308   -26.628  1.11D-16
    #  IBM 195       (D.P.)  5.40D-79    7.23E+75    -13.190  1.39D-17
    #  UNIVAC 1108   (D.P.)  2.78D-309   8.98D+307   -26.615  1.73D-18
    #  VAX D-Format  (D.P.)  2.94D-39    1.70D+38     -9.345  1.39D-17
    #  VAX G-Format  (D.P.)  5.56D-309   8.98D+307   -26.615  1.11D-16
    #                          XBIG       XHUGE       XMAX
    #  CDC 7600      (S.P.)  25.922      8.39E+6     1.80X+293
    #  CRAY-1        (S.P.)  75.326      8.39E+6     5.45E+2465
    #  IEEE (IBM/XT,
    #    SUN, etc.)  (S.P.)   9.194      2.90E+3     4.79E+37
    #  IEEE (IBM/XT,
    #    SUN, etc.)  (D.P.)  26.543      6.71D+7     2.53D+307
    #  IBM 195       (D.P.)  13.306      1.90D+8     7.23E+75
    #  UNIVAC 1108   (D.P.)  26.582      5.37D+8     8.98D+307
    #  VAX D-Format  (D.P.)   9.269      1.90D+8     1.70D+38
    #  VAX G-Format  (D.P.)  26.569      6.71D+7     8.98D+307
    # *******************************************************************
    # *******************************************************************
    # Error returns
    #  The program returns  ERFC = 0      for  ARG .GE. XBIG
    #                       ERFCX = XINF  for  ARG .LT. XNEG
    #      and
    #                       ERFCX = 0     for  ARG .GE. XMAX.
    # Intrinsic functions required are:
    #     ABS, AINT, EXP
    #  Author: W. J. Cody
    #          Mathematics and Computer Science Division
    #          Argonne National Laboratory
    #          Argonne, IL 60439
    #  Latest modification: March 19, 1990
    # ------------------------------------------------------------------
    # <       INTEGER I,JINT >
    # S    REAL
    # <    >
    # <       DIMENSION A(5),B(4),C(9),D(8),P(6),Q(5) >
    # ------------------------------------------------------------------
    #  Mathematical constants
    # ------------------------------------------------------------------
    # S    DATA FOUR,ONE,HALF,TWO,ZERO/4.0E0,1.0E0,0.5E0,2.0E0,0.0E0/,
    # S   1     SQRPI/5.6418958354775628695E-1/,THRESH/0.46875E0/,
    # S   2     SIXTEN/16.0E0/
    # <    >
    # ------------------------------------------------------------------
    #  Machine-dependent constants
    # ------------------------------------------------------------------
    # S    DATA XINF,XNEG,XSMALL/3.40E+38,-9.382E0,5.96E-8/,
    # S   1     XBIG,XHUGE,XMAX/9.194E0,2.90E3,4.79E37/
    # <    >
    # ------------------------------------------------------------------
    #  Coefficients for approximation to  erf  in first interval
    # ------------------------------------------------------------------
    # S    DATA A/3.16112374387056560E00,1.13864154151050156E02,
    # S   1       3.77485237685302021E02,3.20937758913846947E03,
    # S   2       1.85777706184603153E-1/
    # S    DATA B/2.36012909523441209E01,2.44024637934444173E02,
    # S   1       1.28261652607737228E03,2.84423683343917062E03/
    # <    >
    # <    >
    # ------------------------------------------------------------------
    #  Coefficients for approximation to  erfc  in second interval
    # ------------------------------------------------------------------
    # S    DATA C/5.64188496988670089E-1,8.88314979438837594E0,
    # S   1       6.61191906371416295E01,2.98635138197400131E02,
    # S   2       8.81952221241769090E02,1.71204761263407058E03,
    # S   3       2.05107837782607147E03,1.23033935479799725E03,
    # S   4       2.15311535474403846E-8/
    # S    DATA D/1.57449261107098347E01,1.17693950891312499E02,
    # S   1       5.37181101862009858E02,1.62138957456669019E03,
    # S   2       3.29079923573345963E03,4.36261909014324716E03,
    # S   3       3.43936767414372164E03,1.23033935480374942E03/
    # <    >
    # <    >
    # ------------------------------------------------------------------
    #  Coefficients for approximation to  erfc  in third interval
    # ------------------------------------------------------------------
    # S    DATA P/3.05326634961232344E-1,3.60344899949804439E-1,
    # S   1       1.25781726111229246E-1,1.60837851487422766E-2,
    # S   2       6.58749161529837803E-4,1.63153871373020978E-2/
    # S    DATA Q/2.56852019228982242E00,1.87295284992346047E00,
    # S   1       5.27905102951428412E-1,6.05183413124413191E-2,
    # S   2       2.33520497626869185E-3/
    # <    >
    # <    >
    # ------------------------------------------------------------------
    # <       X = ARG >
    # x = *arg
    # <       Y = ABS(X) >
    y = fabs(x)
    # <       if Y .LE. THRESH) THEN >
    if y <= THRESH:
        # ------------------------------------------------------------------
        #  Evaluate  erf  for  |X| <= 0.46875
        # ------------------------------------------------------------------
        # <             YSQ = ZERO >
        ysq = ZERO
        # <             if Y .GT. XSMALL) YSQ = Y * Y >
        if y > XSMALL:
            ysq = y * y

        # <             XNUM = A(5)*YSQ >
        xnum = A[4] * ysq
        # <             XDEN = YSQ >
        xden = ysq
        # <             DO 20 I = 1, 3 >
        for i__ in range(0, 3):
            # <                XNUM = (XNUM + A(I)) * YSQ >
            xnum = (xnum + A[i__]) * ysq
            # <                XDEN = (XDEN + B(I)) * YSQ >
            xden = (xden + B[i__]) * ysq
            # <    20       CONTINUE >
            # L20:

        # <             RESULT = X * (XNUM + A(4)) / (XDEN + B(4)) >
        result = x * (xnum + A[3]) / (xden + B[3])
        # <             if JINT .NE. 0) RESULT = ONE - RESULT >
        if jint != 0:
            result = ONE - result

        # <             if JINT .EQ. 2) RESULT = EXP(YSQ) * RESULT >
        if jint == 2:
            result *= exp(ysq)

        return result
        # ------------------------------------------------------------------
        #  Evaluate  erfc  for 0.46875 <= |X| <= 4.0
        # ------------------------------------------------------------------
        # <          ELSE if Y .LE. FOUR) THEN >
    elif y <= FOUR:
        # <             XNUM = C(9)*Y >
        xnum = C[8] * y
        # <             XDEN = Y >
        xden = y
        # <             DO 120 I = 1, 7 >
        for i__ in range(0, 7):
            # <                XNUM = (XNUM + C(I)) * Y >
            xnum = (xnum + C[i__]) * y
            # <                XDEN = (XDEN + D(I)) * Y >
            xden = (xden + D[i__]) * y
            # <   120       CONTINUE >
            # L120:

        # <             RESULT = (XNUM + C(8)) / (XDEN + D(8)) >
        result = (xnum + C[7]) / (xden + D[7])
        # <             if JINT .NE. 2) THEN >
        if jint != 2:
            # <                YSQ = AINT(Y*SIXTEN)/SIXTEN >
            d__1 = y * SIXTEEN
            ysq = d_int(d__1) / SIXTEEN
            # <                _del = (Y-YSQ)*(Y+YSQ) >
            _del = (y - ysq) * (y + ysq)
            # <                RESULT = EXP(-YSQ*YSQ) * EXP(-_del) * RESULT >
            d__1 = exp(-ysq * ysq) * exp(-_del)
            result *= d__1
            # <             END IF >

            # ------------------------------------------------------------------
            #  Evaluate  erfc  for |X| > 4.0
            # ------------------------------------------------------------------
            # <          ELSE >
    else:
        # <             RESULT = ZERO >
        result = ZERO
        # <             if Y .GE. XBIG) THEN >
        if y >= XBIG:
            # <                if (JINT .NE. 2) .OR. (Y .GE. XMAX)) >
            if jint != 2 or y >= XMAX:
                return fix_up_for_negative_argument_erf_etc(jint, result, x)
            # <                if Y .GE. XHUGE) THEN >
            if y >= XHUGE:
                # <                   RESULT = SQRPI / Y >
                result = SQRPI / y
                return fix_up_for_negative_argument_erf_etc(jint, result, x)
                # <                END IF >
                # <             END IF >

        # <             YSQ = ONE / (Y * Y) >
        ysq = ONE / (y * y)
        # <             XNUM = P(6)*YSQ >
        xnum = P[5] * ysq
        # <             XDEN = YSQ >
        xden = ysq
        # <             DO 240 I = 1, 4 >
        for i__ in range(0, 4):
            # <                XNUM = (XNUM + P(I)) * YSQ >
            xnum = (xnum + P[i__]) * ysq
            # <                XDEN = (XDEN + Q(I)) * YSQ >
            xden = (xden + Q[i__]) * ysq
            # <   240       CONTINUE >
            # L240:

        # <             RESULT = YSQ *(XNUM + P(5)) / (XDEN + Q(5)) >
        result = ysq * (xnum + P[4]) / (xden + Q[4])
        # <             RESULT = (SQRPI -  RESULT) / Y >
        result = (SQRPI - result) / y
        # <             if JINT .NE. 2) THEN >
        if jint != 2:
            # <                YSQ = AINT(Y*SIXTEN)/SIXTEN >
            d__1 = y * SIXTEEN
            ysq = d_int(d__1) / SIXTEEN
            # <                _del = (Y-YSQ)*(Y+YSQ) >
            _del = (y - ysq) * (y + ysq)
            # <                RESULT = EXP(-YSQ*YSQ) * EXP(-_del) * RESULT >
            d__1 = exp(-ysq * ysq) * exp(-_del)
            result *= d__1
            # <             END IF >

            # <       END IF >

    return fix_up_for_negative_argument_erf_etc(jint, result, x)
    # ---------- Last card of CALERF ----------
    # <       END >
    # calerf_


@maybe_jit(cache=True, nopython=True, nogil=True)
def fix_up_for_negative_argument_erf_etc(jint, result, x):
    # ------------------------------------------------------------------
    #  Fix up for negative argument, erf, etc.
    # ------------------------------------------------------------------
    # <   300 if JINT .EQ. 0) THEN >
    # L300:
    if jint == 0:
        # <             RESULT = (HALF - RESULT) + HALF >
        result = (HALF - result) + HALF
        # <             if X .LT. ZERO) RESULT = -RESULT >
        if x < ZERO:
            result = -result

            # <          ELSE if JINT .EQ. 1) THEN >
    elif jint == 1:
        # <             if X .LT. ZERO) RESULT = TWO - RESULT >
        if x < ZERO:
            result = TWO - result
            # <          ELSE >
    else:
        # <             if X .LT. ZERO) THEN >
        if x < ZERO:
            # <                if X .LT. XNEG) THEN >
            if x < XNEG:
                # <                      RESULT = XINF >
                result = XINF
                # <                   ELSE >
            else:
                # <                      YSQ = AINT(X*SIXTEN)/SIXTEN >
                d__1 = x * SIXTEEN
                ysq = d_int(d__1) / SIXTEEN
                # <                      _del = (X-YSQ)*(X+YSQ) >
                _del = (x - ysq) * (x + ysq)
                # <                      Y = EXP(YSQ*YSQ) * EXP(_del) >
                y = exp(ysq * ysq) * exp(_del)
                # <                      RESULT = (Y+Y) - RESULT >
                result = y + y - result
                # <                END IF >
                # <             END IF >
                # <       END IF >
    return result

@maybe_jit(cache=True)
def erf_cody(x):
    #  --------------------------------------------------------------------
    #  This subprogram computes approximate values for erf(x).
    #    (see comments heading CALERF).
    #    Author/date: W. J. Cody, January 8, 1985
    #  --------------------------------------------------------------------
    # <       INTEGER JINT >
    #  S    REAL             X, RESULT
    # <       DOUBLE PRECISION X, RESULT >
    #  ------------------------------------------------------------------
    # <       JINT = 0 >
    # <       CALL CALERF(X,RESULT,JINT) >
    return calerf(x, 0)
    #  S    ERF = RESULT
    # <       DERF = RESULT >
    # <       RETURN >
    #  ---------- Last card of DERF ----------
    # <       END >
    #  derf_


@maybe_jit(cache=True)
def erfc_cody(x):
    # --------------------------------------------------------------------
    # This subprogram computes approximate values for erfc(x).
    #   (see comments heading CALERF).
    #   Author/date: W. J. Cody, January 8, 1985
    # --------------------------------------------------------------------
    # <       INTEGER JINT >
    # S    REAL             X, RESULT
    # <       DOUBLE PRECISION X, RESULT >
    # ------------------------------------------------------------------
    # <       JINT = 1 >
    # <       CALL CALERF(X,RESULT,JINT) >
    return calerf(x, 1)
    # S    ERFC = RESULT
    # <       DERFC = RESULT >
    # <       RETURN >
    # ---------- Last card of DERFC ----------
    # <       END >


@maybe_jit(cache=True)
def erfcx_cody(x):
    # ------------------------------------------------------------------
    # This subprogram computes approximate values for exp(x*x) * erfc(x).
    #   (see comments heading CALERF).
    #   Author/date: W. J. Cody, March 30, 1987
    # ------------------------------------------------------------------
    # <       INTEGER JINT >
    # S    REAL             X, RESULT
    # <       DOUBLE PRECISION X, RESULT >
    # ------------------------------------------------------------------
    # <       JINT = 2 >
    # <       CALL CALERF(X,RESULT,JINT) >
    return calerf(x, 2)
    # S    ERFCX = RESULT
    # <       DERFCX = RESULT >
    # <       RETURN >
    # ---------- Last card of DERFCX ----------
    # <       END >
# ---- py_lets_be_rational/normaldistribution.py ----
# -*- coding: utf-8 -*-

"""
py_lets_be_rational.normaldistribution
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~

Pure python implementation of Peter Jaeckel's LetsBeRational.

:copyright: © 2017 Gammon Capital LLC
:license: MIT, see LICENSE for more details.

About LetsBeRational:
~~~~~~~~~~~~~~~~~~~~~

The source code of LetsBeRational resides at www.jaeckel.org/LetsBeRational.7z .

======================================================================================
Copyright © 2013-2014 Peter Jäckel.

Permission to use, copy, modify, and distribute this software is freely granted,
provided that this notice is preserved.

WARRANTY DISCLAIMER
The Software is provided "as is" without warranty of any kind, either express or implied,
including without limitation any implied warranties of condition, uninterrupted use,
merchantability, fitness for a particular purpose, or non-infringement.
======================================================================================
"""

# The asymptotic expansion  Φ(z) = φ(z)/|z|·[1-1/z^2+...],  Abramowitz & Stegun (26.2.12), suffices for Φ(z) to have
# relative accuracy of 1.64E-16 for z<=-10 with 17 terms inside the square brackets (not counting the leading 1).
# This translates to a maximum of about 9 iterations below, which is competitive with a call to erfc() and never
# less accurate when z<=-10. Note that, as mentioned in section 4 (and discussion of figures 2 and 3) of George
# Marsaglia's article "Evaluating the Normal Distribution" (available at http:#www.jstatsoft.org/v11/a05/paper),
# for values of x approaching -8 and below, the error of any cumulative normal function is actually dominated by
# the hardware (or compiler implementation) accuracy of exp(-x²/2) which is not reliably more than 14 digits when
# x becomes large. Still, we should switch to the asymptotic only when it is beneficial to do so.
from math import fabs, sqrt, exp, log

norm_cdf_asymptotic_expansion_first_threshold = -10.0
norm_cdf_asymptotic_expansion_second_threshold = -1 / sqrt(DBL_EPSILON)


@maybe_jit(cache=True, nopython=True, nogil=True)
def norm_pdf(x):
    return ONE_OVER_SQRT_TWO_PI * exp(-.5 * x * x)


@maybe_jit(cache=True)
def norm_cdf(z):
    if z <= norm_cdf_asymptotic_expansion_first_threshold:
        # Asymptotic expansion for very negative z following (26.2.12) on page 408
        # in M. Abramowitz and A. Stegun, Pocketbook of Mathematical Functions, ISBN 3-87144818-4.
        sum = 1
        if z >= norm_cdf_asymptotic_expansion_second_threshold:
            zsqr = z * z
            i = 1
            g = 1
            x = 0
            y = 0
            a = DBL_MAX

            lasta = a
            x = (4 * i - 3) / zsqr
            y = x * ((4 * i - 1) / zsqr)
            a = g * (x - y)
            sum -= a
            g *= y
            i += 1
            a = fabs(a)
            while lasta > a >= fabs(sum * DBL_EPSILON):
                lasta = a
                x = (4 * i - 3) / zsqr
                y = x * ((4 * i - 1) / zsqr)
                a = g * (x - y)
                sum -= a
                g *= y
                i += 1
                a = fabs(a)
        return -norm_pdf(z) * sum / z
    return 0.5 * erfc_cody(-z * ONE_OVER_SQRT_TWO)
# ---- py_lets_be_rational/lets_be_rational.py ----
# -*- coding: utf-8 -*-

"""
py_lets_be_rational.lets_be_rational
~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~

Pure python implementation of Peter Jaeckel's LetsBeRational.

:copyright: © 2017 Gammon Capital LLC
:license: MIT, see LICENSE for more details.

About LetsBeRational:
~~~~~~~~~~~~~~~~~~~~~

The source code of LetsBeRational resides at www.jaeckel.org/LetsBeRational.7z .

======================================================================================
Copyright © 2013-2014 Peter Jäckel.

Permission to use, copy, modify, and distribute this software is freely granted,
provided that this notice is preserved.

WARRANTY DISCLAIMER
The Software is provided "as is" without warranty of any kind, either express or implied,
including without limitation any implied warranties of condition, uninterrupted use,
merchantability, fitness for a particular purpose, or non-infringement.
======================================================================================
"""

from math import fabs, sqrt, log, exp

implied_volatility_maximum_iterations = 2
asymptotic_expansion_accuracy_threshold = -10
small_t_expansion_of_normalized_black_threshold = 2 * SIXTEENTH_ROOT_DBL_EPSILON


@maybe_jit(cache=True)
def _normalized_black_call_using_norm_cdf(x, s):
    """
            b(x,s)  =  Φ(x/s+s/2)·exp(x/2)  -   Φ(x/s-s/2)·exp(-x/2)
                =  Φ(h+t)·exp(x/2)      -   Φ(h-t)·exp(-x/2)
    with
                h  =  x/s   and   t  =  s/2

    :param x:
    :type x: float
    :param s:
    :type s: float

    :return:
    :rtype: float
    """
    h = x / s
    t = 0.5 * s
    b_max = exp(0.5 * x)
    b = norm_cdf(h + t) * b_max - norm_cdf(h - t) / b_max
    return fabs(max(b, 0.0))


@maybe_jit(cache=True, nopython=True, nogil=True)
def _asymptotic_expansion_of_normalized_black_call(h, t):
    """
    Asymptotic expansion of

                 b  =  Φ(h+t)·exp(x/2) - Φ(h-t)·exp(-x/2)
    with
                 h  =  x/s   and   t  =  s/2
    which makes
                 b  =  Φ(h+t)·exp(h·t) - Φ(h-t)·exp(-h·t)

                       exp(-(h²+t²)/2)
                    =  ---------------  ·  [ Y(h+t) - Y(h-t) ]
                           √(2π)
    with
              Y(z) := Φ(z)/φ(z)

    for large negative (t-|h|) by the aid of Abramowitz & Stegun (26.2.12) where Φ(z) = φ(z)/|z|·[1-1/z^2+...].
    We define
                        r
            A(h,t) :=  --- · [ Y(h+t) - Y(h-t) ]
                        t

    with r := (h+t)·(h-t) and give an expansion for A(h,t) in q:=(h/r)² expressed in terms of e:=(t/h)² .

    :param h:
    :type h: float
    :param t:
    :type t: float

    :return:
    :rtype: float
    """
    e=(t/h)*(t/h)
    r=((h+t)*(h-t))
    q=(h/r)*(h/r)
    # 17th order asymptotic expansion of A(h,t) in q, sufficient for Φ(h) [and thus y(h)] to have relative accuracy of 1.64E-16 for h <= η  with  η:=-10.
    asymptotic_expansion_sum = (2.0+q*(-6.0E0-2.0*e+3.0*q*(1.0E1+e*(2.0E1+2.0*e)+5.0*q*(-1.4E1+e*(-7.0E1+e*(-4.2E1-2.0*e))+7.0*q*(1.8E1+e*(1.68E2+e*(2.52E2+e*(7.2E1+2.0*e)))+9.0*q*(-2.2E1+e*(-3.3E2+e*(-9.24E2+e*(-6.6E2+e*(-1.1E2-2.0*e))))+1.1E1*q*(2.6E1+e*(5.72E2+e*(2.574E3+e*(3.432E3+e*(1.43E3+e*(1.56E2+2.0*e)))))+1.3E1*q*(-3.0E1+e*(-9.1E2+e*(-6.006E3+e*(-1.287E4+e*(-1.001E4+e*(-2.73E3+e*(-2.1E2-2.0*e))))))+1.5E1*q*(3.4E1+e*(1.36E3+e*(1.2376E4+e*(3.8896E4+e*(4.862E4+e*(2.4752E4+e*(4.76E3+e*(2.72E2+2.0*e)))))))+1.7E1*q*(-3.8E1+e*(-1.938E3+e*(-2.3256E4+e*(-1.00776E5+e*(-1.84756E5+e*(-1.51164E5+e*(-5.4264E4+e*(-7.752E3+e*(-3.42E2-2.0*e))))))))+1.9E1*q*(4.2E1+e*(2.66E3+e*(4.0698E4+e*(2.3256E5+e*(5.8786E5+e*(7.05432E5+e*(4.0698E5+e*(1.08528E5+e*(1.197E4+e*(4.2E2+2.0*e)))))))))+2.1E1*q*(-4.6E1+e*(-3.542E3+e*(-6.7298E4+e*(-4.90314E5+e*(-1.63438E6+e*(-2.704156E6+e*(-2.288132E6+e*(-9.80628E5+e*(-2.01894E5+e*(-1.771E4+e*(-5.06E2-2.0*e))))))))))+2.3E1*q*(5.0E1+e*(4.6E3+e*(1.0626E5+e*(9.614E5+e*(4.08595E6+e*(8.9148E6+e*(1.04006E7+e*(6.53752E6+e*(2.16315E6+e*(3.542E5+e*(2.53E4+e*(6.0E2+2.0*e)))))))))))+2.5E1*q*(-5.4E1+e*(-5.85E3+e*(-1.6146E5+e*(-1.77606E6+e*(-9.37365E6+e*(-2.607579E7+e*(-4.01166E7+e*(-3.476772E7+e*(-1.687257E7+e*(-4.44015E6+e*(-5.9202E5+e*(-3.51E4+e*(-7.02E2-2.0*e))))))))))))+2.7E1*q*(5.8E1+e*(7.308E3+e*(2.3751E5+e*(3.12156E6+e*(2.003001E7+e*(6.919458E7+e*(1.3572783E8+e*(1.5511752E8+e*(1.0379187E8+e*(4.006002E7+e*(8.58429E6+e*(9.5004E5+e*(4.7502E4+e*(8.12E2+2.0*e)))))))))))))+2.9E1*q*(-6.2E1+e*(-8.99E3+e*(-3.39822E5+e*(-5.25915E6+e*(-4.032015E7+e*(-1.6934463E8+e*(-4.1250615E8+e*(-6.0108039E8+e*(-5.3036505E8+e*(-2.8224105E8+e*(-8.870433E7+e*(-1.577745E7+e*(-1.472562E6+e*(-6.293E4+e*(-9.3E2-2.0*e))))))))))))))+3.1E1*q*(6.6E1+e*(1.0912E4+e*(4.74672E5+e*(8.544096E6+e*(7.71342E7+e*(3.8707344E8+e*(1.14633288E9+e*(2.07431664E9+e*(2.33360622E9+e*(1.6376184E9+e*(7.0963464E8+e*(1.8512208E8+e*(2.7768312E7+e*(2.215136E6+e*(8.184E4+e*(1.056E3+2.0*e)))))))))))))))+3.3E1*(-7.0E1+e*(-1.309E4+e*(-6.49264E5+e*(-1.344904E7+e*(-1.4121492E8+e*(-8.344518E8+e*(-2.9526756E9+e*(-6.49588632E9+e*(-9.0751353E9+e*(-8.1198579E9+e*(-4.6399188E9+e*(-1.6689036E9+e*(-3.67158792E8+e*(-4.707164E7+e*(-3.24632E6+e*(-1.0472E5+e*(-1.19E3-2.0*e)))))))))))))))))*q)))))))))))))))))
    b = ONE_OVER_SQRT_TWO_PI*exp((-0.5*(h*h+t*t)))*(t/r)*asymptotic_expansion_sum
    return fabs(max(b , 0.))


@maybe_jit(cache=True)
def _small_t_expansion_of_normalized_black_call(h, t):
    """
    Calculation of

                 b  =  Φ(h+t)·exp(h·t) - Φ(h-t)·exp(-h·t)

                       exp(-(h²+t²)/2)
                    =  --------------- ·  [ Y(h+t) - Y(h-t) ]
                           √(2π)
    with
              Y(z) := Φ(z)/φ(z)

    using an expansion of Y(h+t)-Y(h-t) for small t to twelvth order in t.
    Theoretically accurate to (better than) precision  ε = 2.23E-16  when  h<=0  and  t < τ  with  τ := 2·ε^(1/16) ≈ 0.21.
    The main bottleneck for precision is the coefficient a:=1+h·Y(h) when |h|>1 .

    :param h:
    :type h: float
    :param t:
    :type t: float

    :return:
    :rtype: float
    """

    # Y(h) := Φ(h)/φ(h) = √(π/2)·erfcx(-h/√2)
    # a := 1+h·Y(h)  --- Note that due to h<0, and h·Y(h) -> -1 (from above) as h -> -∞, we also have that a>0 and a -> 0 as h -> -∞
    # w := t² , h2 := h²
    a = 1+h*(0.5*SQRT_TWO_PI)*erfcx_cody(-ONE_OVER_SQRT_TWO*h)
    w=t*t
    h2=h*h
    expansion = 2*t*(a+w*((-1+3*a+a*h2)/6+w*((-7+15*a+h2*(-1+10*a+a*h2))/120+w*((-57+105*a+h2*(-18+105*a+h2*(-1+21*a+a*h2)))/5040+w*((-561+945*a+h2*(-285+1260*a+h2*(-33+378*a+h2*(-1+36*a+a*h2))))/362880+w*((-6555+10395*a+h2*(-4680+17325*a+h2*(-840+6930*a+h2*(-52+990*a+h2*(-1+55*a+a*h2)))))/39916800+((-89055+135135*a+h2*(-82845+270270*a+h2*(-20370+135135*a+h2*(-1926+25740*a+h2*(-75+2145*a+h2*(-1+78*a+a*h2))))))*w)/6227020800.0))))))
    b = ONE_OVER_SQRT_TWO_PI*exp((-0.5*(h*h+t*t)))*expansion
    return fabs(max(b,0.0))


@maybe_jit(cache=True)
def _normalised_black_call_using_erfcx(h, t):
    """
    Given h = x/s and t = s/2, the normalised Black function can be written as

        b(x,s)  =  Φ(x/s+s/2)·exp(x/2)  -   Φ(x/s-s/2)·exp(-x/2)
                =  Φ(h+t)·exp(h·t)      -   Φ(h-t)·exp(-h·t) .                     (*)

    It is mentioned in section 4 (and discussion of figures 2 and 3) of George Marsaglia's article "Evaluating the
    Normal Distribution" (available at http:#www.jstatsoft.org/v11/a05/paper) that the error of any cumulative normal
    function Φ(z) is dominated by the hardware (or compiler implementation) accuracy of exp(-z²/2) which is not
    reliably more than 14 digits when z is large. The accuracy of Φ(z) typically starts coming down to 14 digits when
    z is around -8. For the (normalised) Black function, as above in (*), this means that we are subtracting two terms
    that are each products of terms with about 14 digits of accuracy. The net result, in each of the products, is even
    less accuracy, and then we are taking the difference of these terms, resulting in even less accuracy. When we are
    using the asymptotic expansion asymptotic_expansion_of_normalized_black_call() invoked in the second branch at the
    beginning of this function, we are using only *one* exponential instead of 4, and this improves accuracy. It
    actually improves it a bit more than you would expect from the above logic, namely, almost the full two missing
    digits (in 64 bit IEEE floating point).  Unfortunately, going higher order in the asymptotic expansion will not
    enable us to gain more accuracy (by extending the range in which we could use the expansion) since the asymptotic
    expansion, being a divergent series, can never gain 16 digits of accuracy for z=-8 or just below. The best you can
    get is about 15 digits (just), for about 35 terms in the series (26.2.12), which would result in an prohibitively
    long expression in function asymptotic expansion asymptotic_expansion_of_normalized_black_call(). In this last branch,
    here, we therefore take a different tack as follows.
        The "scaled complementary error function" is defined as erfcx(z) = exp(z²)·erfc(z). Cody's implementation of this
    function as published in "Rational Chebyshev approximations for the error function", W. J. Cody, Math. Comp., 1969, pp.
    631-638, uses rational functions that theoretically approximates erfcx(x) to at least 18 significant decimal digits,
    *without* the use of the exponential function when x>4, which translates to about z<-5.66 in Φ(z). To make use of it,
    we write
                Φ(z) = exp(-z²/2)·erfcx(-z/√2)/2

    to transform the normalised black function to

      b   =  ½ · exp(-½(h²+t²)) · [ erfcx(-(h+t)/√2) -  erfcx(-(h-t)/√2) ]

    which now involves only one exponential, instead of three, when |h|+|t| > 5.66 , and the difference inside the
    square bracket is between the evaluation of two rational functions, which, typically, according to Marsaglia,
    retains the full 16 digits of accuracy (or just a little less than that).

    :param h:
    :type h: float
    :param t:
    :type t: float

    :return:
    :rtype: float

    """

    b = 0.5 * exp(-0.5*(h*h+t*t)) * ( erfcx_cody(-ONE_OVER_SQRT_TWO*(h+t)) - erfcx_cody(-ONE_OVER_SQRT_TWO*(h-t)) )
    return fabs(max(b,0.0))


@maybe_jit(cache=True, nopython=True, nogil=True)
def _normalised_intrinsic(x, q):
    """

    :param x:
    :type x: float
    :param q:
    :type q: float

    :return:
    :rtype: float
    """
    if q * x <= 0:
        return 0
    x2 = x * x;
    if x2 < 98 * FOURTH_ROOT_DBL_EPSILON: # The factor 98 is computed from last coefficient: √√92897280 = 98.1749
        return fabs(max((-1 if q < 0 else 1)*x * (1 + x2 * ((1.0 / 24.0) + x2 * ((1.0 / 1920.0) + x2 * ((1.0 / 322560.0) + (1.0 / 92897280.0) * x2)))), 0.0 ) )
    b_max = exp(0.5 * x)
    one_over_b_max = 1 / b_max
    return fabs(max((-1 if q < 0 else 1)*(b_max - one_over_b_max), 0.))


@maybe_jit(cache=True)
def _normalised_intrinsic_call(x):
    """

    :param x:
    :type x: float

    :return:
    :rtype: float
    """
    return _normalised_intrinsic(x, 1)


@maybe_jit(cache=True)
def normalised_black_call(x, s):
    """

    :param x:
    :type x: float
    :param s:
    :type x: float

    :return:
    :rtype: float
    """
    if x > 0:
        return _normalised_intrinsic_call(x) + normalised_black_call(-x, s)
    ax = fabs(x)
    if s <= ax * DENORMALIZATION_CUTOFF:
        return _normalised_intrinsic_call(x)
    # Denote h := x/s and t := s/2. We evaluate the condition |h|>|η|, i.e., h<η  &&  t < τ+|h|-|η|  avoiding any
    # divisions by s , where η = asymptotic_expansion_accuracy_threshold  and τ =
    # small_t_expansion_of_normalized_black_threshold .
    if x < s * asymptotic_expansion_accuracy_threshold and 0.5 * s * s + x < s * (
        small_t_expansion_of_normalized_black_threshold + asymptotic_expansion_accuracy_threshold):
        # Region 1.
        return _asymptotic_expansion_of_normalized_black_call(x / s, 0.5 * s)
    if 0.5 * s < small_t_expansion_of_normalized_black_threshold:
        # Region 2.
        return _small_t_expansion_of_normalized_black_call(x / s, 0.5 * s)
    # When b is more than, say, about 85% of b_max=exp(x/2), then b is dominated by the first of the two terms in the
    #  Black formula, and we retain more accuracy by not attempting to combine the two terms in any way. We evaluate
    # the condition h+t>0.85  avoiding any divisions by s.
    if x + 0.5 * s * s > s * 0.85:
        # Region 3.
        return _normalized_black_call_using_norm_cdf(x, s)
    # Region 4.
    return _normalised_black_call_using_erfcx(x / s, 0.5 * s)


@maybe_jit(cache=True)
def normalised_black(x, s, q):
    """

    :param x:
    :type x: float
    :param s:
    :type s: float
    :param q: q=±1
    :type q: float

    :return:
    :rtype: float
    """
    return normalised_black_call(-x if q < 0 else x, s)  # Reciprocal-strike call-put equivalence


# noinspection PyPep8Naming
@maybe_jit(cache=True)
def black(F, K, sigma, T, q):
    """

    :param F:
    :type F: float
    :param K:
    :type K: float
    :param sigma:
    :type sigma: float
    :param T:
    :type T: float
    :param q: q=±1
    :type q: float

    :return:
    :rtype: float

    """
    intrinsic = fabs(max((K - F if q < 0 else F - K), 0.0))
    # Map in-the-money to out-of-the-money
    if q * (F - K) > 0:
        return intrinsic + black(F, K, sigma, T, -q)
    return max(intrinsic, (sqrt(F) * sqrt(K)) * normalised_black(log(F / K), sigma * sqrt(T), q))
# ---- harness (not part of the program) ----
ENTRY = "black"


def inputs():
    # an out-of-the-money put on a forward: F = 100, K = 90, 25% vol,
    # 9 months (q = -1); under Numba 0.56 the self-recursive paths (taken
    # for in-the-money options) abort with "unresolved symbol", so the
    # harness prices an option that does not take them
    return (100.0, 90.0, 0.25, 0.75, -1.0)
