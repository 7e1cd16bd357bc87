# Source: esheldon/ngmix ngmix/gmix/gmix_nb.py (at commit 09f244c0), with the modules it imports: ngmix/fastexp_nb.py (the later version that defines exp5_smooth, fexp = exp5_smooth and the apodization window; the stored copy carries no commit id) and ngmix/gexceptions.py (at commit 162485ad)
# Licence: GPL-2.0-or-later (ngmix, LICENSE: "ngmix - Gaussian mixture models for 2d images", Copyright (C) 2010 Erin S. Sheldon, GNU GPL version 2 or later)
# Notes: the Numba core of ngmix, the Gaussian-mixture galaxy/PSF modelling library used for weak-lensing shear measurement (metacalibration): 2-D Gaussian mixtures are NumPy structured arrays (fields p, row, col, irr, irc, icc, det, norm_set, drr, drc, dcc, norm, pnorm) and pixels are structured arrays (u, v, area, val, ierr); the @njit kernels read and write record fields by name (gauss["pnorm"] = ..., res["sums"][i] += ..., res["sums_cov"][i, j] += ..., gmix["norm_set"][0]), iterate over records (`for gauss in gmix`), fill exponential, de Vaucouleurs, turbulent-PSF, Gaussian, coelliptical, "full", composite (cm), bulge+disk and bdf models from module-level coefficient arrays, convolve a mixture with a PSF mixture, compute centres, ellipticities and sizes, and evaluate the log-likelihood, (model - data)/err vector, model S/N and adaptive-moment weighted sums over pixels; shear conversion raises the project's own exception class (raise GMixRangeError("g >= 1")) from compiled code. The fast exponential of fastexp_nb.py is a lookup table of exp(i) times a polynomial in the fractional part (exp3/exp4/exp5/exp5_smooth, int(x-0.5) splits, fexp = exp5_smooth aliasing a dispatcher) plus a lazily typed @vectorize fexp_arr. Pasted: the three modules in full, in import order, with gmix_nb.py's two relative imports (`from ..fastexp_nb import fexp, FASTEXP_MAX_CHI2`, `from ..gexceptions import GMixRangeError`) left out since the modules precede it. The harness defines the structured dtypes with the fields the kernels use, fills every model through the module's _gmix_fill_functions dict (and the cm model with get_cm_Tfactor), convolves the exponential galaxy with the turbulent PSF, sets norms, renders the convolved model on a 25 x 25 pixel grid plus Gaussian noise (np.random.default_rng(0)), evaluates likelihoods/fdiff/S/N for three models, the 6- and 17-moment weighted sums into a structured result record (res[0]), the fast exponentials, and one shear outside the unit disk to exercise the exception
# ---- ngmix/fastexp_nb.py ----
import numpy as np
from numba import njit, vectorize


def _make_exp_lookup(minval=-15, maxval=0):
    """
    lookup array in range [minval,0] inclusive
    """
    nlook = abs(maxval-minval)+1
    expvals = np.zeros(nlook, dtype='f8')

    ivals = np.arange(minval, maxval+1, dtype='i4')

    expvals[:] = np.exp(ivals)

    return ivals, expvals


def _make_smooth_exp_coeffs():
    """
    coefficients of the degree 5 polynomial P that minimizes the
    relative error P(f)/exp(f) - 1 on [-1/2, 1/2] in least squares,
    subject to the constraints

        P(1/2) = e P(-1/2)
        P'(1/2) = e P'(-1/2)
        P''(1/2) = e P''(-1/2)

    With these, neighboring pieces exp(i) * P(x - i) and their first
    two derivatives match exactly at the half integer break points,
    so the piecewise function used by exp5_smooth is C2.  The least
    squares fit makes the relative error oscillate in sign, so its
    mean over an interval is ~1e-9 and rendered models are not
    scaled by the mean error.

    This generates the hard coded coefficients in exp5_smooth; it is
    kept for documentation and for testing
    """
    from numpy.polynomial import chebyshev

    ncoef = 6
    ident = np.eye(ncoef)

    # fit the relative error on a grid, using a chebyshev basis in
    # t = 2 f for conditioning; rows are exp(-f) T_k(t), target 1
    fvals = np.linspace(-0.5, 0.5, 1001)
    tvals = 2 * fvals
    amat = np.empty((fvals.size, ncoef))
    for k in range(ncoef):
        amat[:, k] = chebyshev.chebval(tvals, ident[k])
    amat *= np.exp(-fvals)[:, None]
    bvec = np.ones(fvals.size)

    # constraint rows: the m-th f derivative at f = 1/2 minus e times
    # the same at f = -1/2, noting d/df = 2 d/dt
    ncon = 3
    cmat = np.zeros((ncon, ncoef))
    for m in range(ncon):
        for k in range(ncoef):
            dcoef = chebyshev.chebder(ident[k], m)
            cmat[m, k] = 2.0 ** m * (
                chebyshev.chebval(1.0, dcoef)
                - np.exp(1.0) * chebyshev.chebval(-1.0, dcoef)
            )

    # solve the constrained least squares problem via the KKT system
    kkt = np.zeros((ncoef + ncon, ncoef + ncon))
    kkt[:ncoef, :ncoef] = 2 * amat.T @ amat
    kkt[:ncoef, ncoef:] = cmat.T
    kkt[ncoef:, :ncoef] = cmat
    rhs = np.zeros(ncoef + ncon)
    rhs[:ncoef] = 2 * amat.T @ bvec

    ccheb = np.linalg.solve(kkt, rhs)[:ncoef]

    # chebyshev in t to monomial in t to monomial in f = t/2
    return chebyshev.cheb2poly(ccheb) * 2.0 ** np.arange(ncoef)


FASTEXP_MAX_CHI2 = 25.0

# gaussian evaluations are apodized rather than cut: apod_window
# is 1 below FASTEXP_APOD_CHI2 and rolls off smoothly to 0 at
# FASTEXP_MAX_CHI2
FASTEXP_APOD_CHI2 = 20.0
_APOD_IWIDTH = 1.0 / (FASTEXP_MAX_CHI2 - FASTEXP_APOD_CHI2)

# we limit to chi squared of 25, which means an argument of
# -0.5*25. Use -15 to be safe
_EXP_IVALS, _EXP_LOOKUP = _make_exp_lookup(
    minval=-15,
    maxval=0,
)
_EXP_I0 = _EXP_IVALS[0]


@njit
def apod_window(chi2):
    """
    smooth apodization window for the chi^2 truncation of gaussian
    evaluations

    A quintic smoothstep going from 1 at FASTEXP_APOD_CHI2 to 0 at
    FASTEXP_MAX_CHI2 with zero first and second derivatives at both
    ends, so an apodized gaussian is C2 in its parameters where the
    plain truncation has a step at the boundary

    no range checking is done here: only apply the window for chi2
    in [FASTEXP_APOD_CHI2, FASTEXP_MAX_CHI2]

    Parameters
    ----------
    chi2: number
        the chi^2 argument of the gaussian
    """
    u = (FASTEXP_MAX_CHI2 - chi2) * _APOD_IWIDTH
    return u * u * u * (10.0 + u * (-15.0 + 6.0 * u))


@njit
def apod_window_deriv(chi2):
    """
    derivative of apod_window with respect to chi^2

    no range checking is done here: only apply the window for chi2
    in [FASTEXP_APOD_CHI2, FASTEXP_MAX_CHI2]

    Parameters
    ----------
    chi2: number
        the chi^2 argument of the gaussian
    """
    u = (FASTEXP_MAX_CHI2 - chi2) * _APOD_IWIDTH
    umu = u * (1.0 - u)
    return -30.0 * umu * umu * _APOD_IWIDTH


@njit
def exp3(x):
    """
    fast exponential

    in the range -15, 0 the relative error is at worst about -0.004

    no range checking is done here, do it at the caller

    Parameters
    ----------
    x: number
        a number.  You should check it is in the valid range for
        the lookup table
    """
    ival = int(x-0.5)
    f = x - ival
    index = ival - _EXP_I0
    expval = _EXP_LOOKUP[index]
    expval *= (6+f*(6+f*(3+f)))*0.16666666

    return expval


@njit
def exp4(x):
    """
    fast exponential

    in the range -15, 0 the relative error is at worst about -0.0002

    no range checking is done here, do it at the caller

    Parameters
    ----------
    x: number
        a number.  You should check it is in the valid range for
        the lookup table
    """

    ival = int(x-0.5)
    f = x - ival
    index = ival - _EXP_I0
    expval = _EXP_LOOKUP[index]
    expval *= (24+f*(24+f*(12+f*(4+f))))*0.041666666

    return expval


@njit
def exp5(x):
    """
    fast exponential

    in the range -15, 0 the relative error is at worst about -4.0e-5

    no range checking is done here, do it at the caller

    Parameters
    ----------
    x: number
        a number.  You should check it is in the valid range for
        the lookup table
    """

    ival = int(x-0.5)
    f = x - ival
    index = ival - _EXP_I0
    expval = _EXP_LOOKUP[index]
    expval *= (120+f*(120+f*(60+f*(20+f*(5+f)))))*0.0083333333

    return expval


# generated by _make_smooth_exp_coeffs
_EXP5_SMOOTH_COEFFS = np.array([
    1.0000011318561302,
    0.999993601071577,
    0.49992478810274166,
    0.16674612720799442,
    0.042330947141114836,
    0.008197933236258961,
])


@njit
def exp5_smooth(x):
    """
    fast exponential with continuous value and derivatives

    Like exp5 this evaluates exp(i) * P(f) with x = i + f split at
    half integers, but P is a constrained fit to exp(f) on
    [-1/2, 1/2] built so that neighboring pieces and their first two
    derivatives match exactly at the break points (see
    _make_smooth_exp_coeffs).  Unlike exp3/exp4/exp5 the value and
    first two derivatives have no steps at half integer arguments.

    in the range -15, 0 the relative error is at worst about 2.0e-6
    in the value and 2.8e-5 in the first derivative, and its mean
    is ~1e-9 so rendered models are not scaled by the mean error

    no range checking is done here, do it at the caller

    Parameters
    ----------
    x: number
        a number.  You should check it is in the valid range for
        the lookup table
    """

    ival = int(x-0.5)
    f = x - ival
    index = ival - _EXP_I0
    expval = _EXP_LOOKUP[index]
    expval *= 1.0000011318561302 + f*(
        0.999993601071577 + f*(
            0.49992478810274166 + f*(
                0.16674612720799442 + f*(
                    0.042330947141114836 + f*0.008197933236258961
                )
            )
        )
    )

    return expval


fexp = exp5_smooth


@vectorize
def fexp_arr(x):
    return fexp(x)


# ---- ngmix/gexceptions.py ----
class GMixRangeError(Exception):
    """
    Some number was out of range
    """
    def __init__(self, value):
        super(GMixRangeError, self).__init__(value)
        self.value = value

    def __str__(self):
        return repr(self.value)


class GMixFatalError(Exception):
    """
    Some number was out of range
    """
    def __init__(self, value):
        super(GMixFatalError, self).__init__(value)
        self.value = value

    def __str__(self):
        return repr(self.value)


class GMixMaxIterEM(Exception):
    """
    EM algorithm hit max iter
    """
    def __init__(self, value):
        super(GMixMaxIterEM, self).__init__(value)
        self.value = value

    def __str__(self):
        return repr(self.value)


class BootPSFFailure(Exception):
    """
    failure to bootstrap PSF
    """
    def __init__(self, value):
        super(BootPSFFailure, self).__init__(value)
        self.value = value

    def __str__(self):
        return repr(self.value)


class BootGalFailure(Exception):
    """
    failure to bootstrap galaxy
    """
    def __init__(self, value):
        super(BootGalFailure, self).__init__(value)
        self.value = value

    def __str__(self):
        return repr(self.value)


# ---- ngmix/gmix/gmix_nb.py ----
import numpy
from numpy import array, nan
from numba import njit

# need to make this a pure python exception

GMIX_LOW_DETVAL = 1.0e-200


@njit
def gmix_eval_pixel_fast(gmix, pixel):
    """
    evaluate a single gaussian mixture, using the
    fast exponential
    """
    model_val = 0.0
    for igauss in range(gmix.size):

        model_val += gauss2d_eval_pixel_fast(gmix[igauss], pixel,)

    return model_val


@njit
def gauss2d_eval_pixel_fast(gauss, pixel):
    """
    evaluate a 2-d gaussian at the specified location, using
    the fast exponential

    parameters
    ----------
    gauss2d: gauss2d structure
        row,col,dcc,drr,drc,pnorm... See gmix.py
    v,u: numbers
        location in v,u plane (row,col for simple transforms)
    """
    model_val = 0.0

    # v->row, u->col in gauss
    vdiff = pixel["v"] - gauss["row"]
    udiff = pixel["u"] - gauss["col"]

    chi2 = (
        gauss["dcc"] * vdiff * vdiff
        + gauss["drr"] * udiff * udiff
        - 2.0 * gauss["drc"] * vdiff * udiff
    )

    if chi2 < FASTEXP_MAX_CHI2 and chi2 >= 0.0:
        model_val = gauss["pnorm"] * fexp(-0.5 * chi2) * pixel["area"]

    return model_val


@njit
def gauss2d_eval_pixel(gauss, pixel):
    """
    evaluate a 2-d gaussian at the specified location

    parameters
    ----------
    gauss2d: gauss2d structure
        row,col,dcc,drr,drc,pnorm... See gmix.py
    pixel: struct with coods
        should have fields v,u
    """
    model_val = 0.0

    # v->row, u->col in gauss
    vdiff = pixel["v"] - gauss["row"]
    udiff = pixel["u"] - gauss["col"]

    chi2 = (
        gauss["dcc"] * vdiff * vdiff
        + gauss["drr"] * udiff * udiff
        - 2.0 * gauss["drc"] * vdiff * udiff
    )

    model_val = gauss["pnorm"] * numpy.exp(-0.5 * chi2) * pixel["area"]

    return model_val


@njit
def gmix_eval_pixel(gmix, pixel):
    """
    evaluate a single gaussian mixture
    """
    model_val = 0.0
    for igauss in range(gmix.size):

        model_val += gauss2d_eval_pixel(gmix[igauss], pixel,)

    return model_val


@njit
def gmix_get_cen(gmix):
    """
    get the center of the gaussian mixture, as well as
    the psum
    """
    row = 0.0
    col = 0.0
    psum = 0.0

    n_gauss = gmix.size
    for i in range(n_gauss):
        gauss = gmix[i]

        p = gauss["p"]
        row += p * gauss["row"]
        col += p * gauss["col"]
        psum += p

    row /= psum
    col /= psum

    return row, col, psum


@njit
def gmix_get_e1e2T(gmix):
    """
    get e1,e2,T for the gaussian mixture
    """

    row, col, psum0 = gmix_get_cen(gmix)

    if psum0 == 0.0:
        raise GMixRangeError("cannot calculate T due to zero psum")

    n_gauss = gmix.size
    psum = 0.0
    irr_sum = 0.0
    irc_sum = 0.0
    icc_sum = 0.0

    for i in range(n_gauss):
        gauss = gmix[i]

        p = gauss["p"]

        rowdiff = gauss["row"] - row
        coldiff = gauss["col"] - col

        irr_sum += p * (gauss["irr"] + rowdiff * rowdiff)
        irc_sum += p * (gauss["irc"] + rowdiff * coldiff)
        icc_sum += p * (gauss["icc"] + coldiff * coldiff)

        psum += p

    T_sum = irr_sum + icc_sum
    T = T_sum / psum

    if T_sum <= 0.0:
        raise GMixRangeError("T <= 0.0")

    e1 = (icc_sum - irr_sum) / T_sum
    e2 = 2.0 * irc_sum / T_sum

    return e1, e2, T


@njit
def gmix_set_norms(gmix):
    """
    set all norms for gaussians in the input gaussian mixture

    parameters
    ----------
    gmix:
       gaussian mixture
    """
    for gauss in gmix:
        gauss2d_set_norm(gauss)


@njit
def gauss2d_set_norm(gauss):
    """
    set the normalization, and nromalized variances

    A GMixRangeError is raised if the determinant is too small

    parameters
    ----------
    gauss: a 2-d gaussian structure
        See gmix.py
    """

    if gauss["det"] < GMIX_LOW_DETVAL:
        raise GMixRangeError("det too low")

    T = gauss["irr"] + gauss["icc"]
    if T <= GMIX_LOW_DETVAL:
        raise GMixRangeError("T too low")

    idet = 1.0 / gauss["det"]
    gauss["drr"] = gauss["irr"] * idet
    gauss["drc"] = gauss["irc"] * idet
    gauss["dcc"] = gauss["icc"] * idet
    gauss["norm"] = 1.0 / (2 * numpy.pi * numpy.sqrt(gauss["det"]))

    gauss["pnorm"] = gauss["p"] * gauss["norm"]

    gauss["norm_set"] = 1


@njit
def gauss2d_set(gauss, p, row, col, irr, irc, icc):
    """
    set the gaussian, clearing normalizations
    """
    gauss["norm_set"] = 0
    gauss["drr"] = nan
    gauss["drc"] = nan
    gauss["dcc"] = nan
    gauss["norm"] = nan
    gauss["pnorm"] = nan

    gauss["p"] = p
    gauss["row"] = row
    gauss["col"] = col
    gauss["irr"] = irr
    gauss["irc"] = irc
    gauss["icc"] = icc

    gauss["det"] = irr * icc - irc * irc


_pvals_exp = array(
    [
        0.00061601229677880041,
        0.0079461395724623237,
        0.053280454055540001,
        0.21797364640726541,
        0.45496740582554868,
        0.26521634184240478,
    ]
)

_fvals_exp = array(
    [
        0.002467115141477932,
        0.018147435573256168,
        0.07944063151366336,
        0.27137669897479122,
        0.79782256866993773,
        2.1623306025075739,
    ]
)

_pvals_dev = array(
    [
        6.5288960012625658e-05,
        0.00044199216814302695,
        0.0020859587871659754,
        0.0075913681418996841,
        0.02260266219257237,
        0.056532254390212859,
        0.11939049233042602,
        0.20969545753234975,
        0.29254151133139222,
        0.28905301416582552,
    ]
)

_fvals_dev = array(
    [
        2.9934935706271918e-07,
        3.4651596338231207e-06,
        2.4807910570562753e-05,
        1.4307404300535354e-04,
        7.2753169298239500e-04,
        3.4582464394427260e-03,
        1.6086645440719100e-02,
        7.7006776775654429e-02,
        4.1012562102501476e-01,
        2.9812509778548648e00,
    ]
)

_pvals_turb = array(
    [0.596510042804182, 0.4034898268889178, 1.303069003078001e-07]
)

_fvals_turb = array(
    [0.5793612389470884, 1.621860687127999, 7.019347162356363]
)

_pvals_gauss = array([1.0])
_fvals_gauss = array([1.0])


@njit
def gmix_fill_simple(gmix, pars, fvals, pvals):
    """
    fill a simple (6 parameter) gaussian mixture model

    no error checking done here
    """

    row = pars[0]
    col = pars[1]
    g1 = pars[2]
    g2 = pars[3]
    T = pars[4]
    flux = pars[5]

    e1, e2 = g1g2_to_e1e2(g1, g2)

    n_gauss = gmix.size
    for i in range(n_gauss):

        gauss = gmix[i]

        T_i_2 = 0.5 * T * fvals[i]
        flux_i = flux * pvals[i]

        gauss2d_set(
            gauss,
            flux_i,
            row,
            col,
            T_i_2 * (1 - e1),
            T_i_2 * e2,
            T_i_2 * (1 + e1),
        )


@njit
def gmix_fill_exp(gmix, pars):
    """
    fill an exponential model
    """
    gmix_fill_simple(gmix, pars, _fvals_exp, _pvals_exp)


@njit
def gmix_fill_dev(gmix, pars):
    """
    fill a dev model
    """
    gmix_fill_simple(gmix, pars, _fvals_dev, _pvals_dev)


@njit
def gmix_fill_turb(gmix, pars):
    """
    fill a turbulent psf model
    """
    gmix_fill_simple(gmix, pars, _fvals_turb, _pvals_turb)


@njit
def gmix_fill_gauss(gmix, pars):
    """
    fill a gaussian model
    """
    gmix_fill_simple(gmix, pars, _fvals_gauss, _pvals_gauss)


@njit
def gmix_fill_coellip(gmix, pars):
    """
    fill a coelliptical model

    [cen1,cen2,g1,g2,T1,T2,...,F1,F2...]
    """

    row = pars[0]
    col = pars[1]
    g1 = pars[2]
    g2 = pars[3]

    e1, e2 = g1g2_to_e1e2(g1, g2)

    n_gauss = gmix.size

    for i in range(n_gauss):
        T = pars[4 + i]
        Thalf = 0.5 * T
        flux = pars[4 + n_gauss + i]

        gauss2d_set(
            gmix[i],
            flux,
            row,
            col,
            Thalf * (1 - e1),
            Thalf * e2,
            Thalf * (1 + e1),
        )


@njit
def gmix_fill_full(gmix, pars):
    """
    fill a "full" gmix model, parameters are specified
    for each gaussian independently
    """

    n_gauss = gmix.size
    for i in range(n_gauss):
        beg = i * 6

        gauss2d_set(
            gmix[i],
            pars[beg + 0],
            pars[beg + 1],
            pars[beg + 2],
            pars[beg + 3],
            pars[beg + 4],
            pars[beg + 5],
        )


@njit
def gmix_fill_cm(gmix, fracdev, TdByTe, Tfactor, pars):
    """
    fill a composite model
    """

    row = pars[0]
    col = pars[1]
    g1 = pars[2]
    g2 = pars[3]
    T = pars[4] * Tfactor
    flux = pars[5]

    ifracdev = 1.0 - fracdev

    e1, e2 = g1g2_to_e1e2(g1, g2)

    for i in range(16):
        if i < 6:
            p = _pvals_exp[i] * ifracdev
            f = _fvals_exp[i]
        else:
            p = _pvals_dev[i - 6] * fracdev
            f = _fvals_dev[i - 6] * TdByTe

        T_i_2 = 0.5 * T * f
        flux_i = flux * p

        gauss2d_set(
            gmix[i],
            flux_i,
            row,
            col,
            T_i_2 * (1 - e1),
            T_i_2 * e2,
            T_i_2 * (1 + e1),
        )


@njit
def gmix_fill_bd(gmix, pars):
    """
    fill a bulge plus disk model
    """

    row = pars[0]
    col = pars[1]
    g1 = pars[2]
    g2 = pars[3]
    T = pars[4]
    lTrat = pars[5]
    fracdev = pars[6]
    flux = pars[7]

    TdByTe = 10.0 ** lTrat

    Tfactor = get_cm_Tfactor(fracdev, TdByTe)
    T = T * Tfactor

    ifracdev = 1.0 - fracdev

    e1, e2 = g1g2_to_e1e2(g1, g2)

    for i in range(16):
        if i < 6:
            p = _pvals_exp[i] * ifracdev
            f = _fvals_exp[i]
        else:
            p = _pvals_dev[i - 6] * fracdev
            f = _fvals_dev[i - 6] * TdByTe

        T_i_2 = 0.5 * T * f
        flux_i = flux * p

        gauss2d_set(
            gmix[i],
            flux_i,
            row,
            col,
            T_i_2 * (1 - e1),
            T_i_2 * e2,
            T_i_2 * (1 + e1),
        )


@njit
def gmix_fill_bdf(gmix, pars):
    """
    fill a composite model with fixed Td/Te=1 but fracdev
    varying
    """

    TdByTe = 1.0

    row = pars[0]
    col = pars[1]
    g1 = pars[2]
    g2 = pars[3]
    T = pars[4]
    fracdev = pars[5]
    flux = pars[6]

    Tfactor = get_cm_Tfactor(fracdev, TdByTe)
    T = T * Tfactor

    ifracdev = 1.0 - fracdev

    e1, e2 = g1g2_to_e1e2(g1, g2)

    for i in range(16):
        if i < 6:
            p = _pvals_exp[i] * ifracdev
            f = _fvals_exp[i]
        else:
            p = _pvals_dev[i - 6] * fracdev
            f = _fvals_dev[i - 6] * TdByTe

        T_i_2 = 0.5 * T * f
        flux_i = flux * p

        gauss2d_set(
            gmix[i],
            flux_i,
            row,
            col,
            T_i_2 * (1 - e1),
            T_i_2 * e2,
            T_i_2 * (1 + e1),
        )


@njit
def get_cm_Tfactor(fracdev, TdByTe):
    """
    get the factor needed to convert T to the T needed
    for using in filling a cmodel gaussian mixture

    parameters
    ----------
    fracdev: float
        fraction of flux in the dev component
    TdByTe: float
        T_{dev}/T_{exp}
    """

    ifracdev = 1.0 - fracdev

    Tfactor = 0.0

    for i in range(6):
        p = _pvals_exp[i] * ifracdev
        f = _fvals_exp[i]

        Tfactor += p * f

    for i in range(10):
        p = _pvals_dev[i] * fracdev
        f = _fvals_dev[i] * TdByTe

        Tfactor += p * f

    Tfactor = 1.0 / Tfactor

    return Tfactor


_gmix_fill_functions = {
    "exp": gmix_fill_exp,
    "dev": gmix_fill_dev,
    "turb": gmix_fill_turb,
    "gauss": gmix_fill_gauss,
    "cm": gmix_fill_cm,
    "bd": gmix_fill_bd,
    "bdf": gmix_fill_bdf,
    "coellip": gmix_fill_coellip,
    "full": gmix_fill_full,
}


@njit
def gmix_convolve_fill(self, gmix, psf):
    """
    fill the gaussian mixture with the convolution of gmix0,
    the unconvolved mixture, and the psf

    parameters
    ----------
    self: gaussian mixture
        The convolved mixture, to be filled
    gmix: gaussian mixture
        The unconvolved mixture
    psf: gaussian mixture
        The psf with which to convolve
    """

    psf_rowcen, psf_colcen, psf_psum = gmix_get_cen(psf)

    psf_ipsum = 1.0 / psf_psum
    n_gauss = gmix.size
    psf_n_gauss = psf.size

    itot = 0
    for iobj in range(n_gauss):
        obj_gauss = gmix[iobj]

        for ipsf in range(psf_n_gauss):
            psf_gauss = psf[ipsf]

            p = obj_gauss["p"] * psf_gauss["p"] * psf_ipsum

            row = obj_gauss["row"] + (psf_gauss["row"] - psf_rowcen)
            col = obj_gauss["col"] + (psf_gauss["col"] - psf_colcen)

            irr = obj_gauss["irr"] + psf_gauss["irr"]
            irc = obj_gauss["irc"] + psf_gauss["irc"]
            icc = obj_gauss["icc"] + psf_gauss["icc"]

            gauss2d_set(self[itot], p, row, col, irr, irc, icc)

            itot += 1


@njit
def g1g2_to_e1e2(g1, g2):
    """
    convert g to e
    """

    g = numpy.sqrt(g1 * g1 + g2 * g2)

    if g >= 1:
        raise GMixRangeError("g >= 1")

    if g == 0.0:
        e1 = 0.0
        e2 = 0.0
    else:

        eta = 2 * numpy.arctanh(g)
        e = numpy.tanh(eta)
        if e >= 1.0:
            e = 0.99999999

        fac = e / g

        e1 = fac * g1
        e2 = fac * g2

    return e1, e2


@njit
def get_weighted_sums(wt, pixels, res, maxrad):
    """
    Do sums for calculating the weighted moments.

    Parameters
    ----------
    wt: array
        The gaussian mixture with dtype ngmix.gmix.gmix._gauss2d_dtype
    pixels: array
        Array of pixels
    res: array
        The result array
    maxrad: float
        Maximum radius in u, v coordinates
    """

    maxrad2 = maxrad ** 2

    vcen = wt["row"][0]
    ucen = wt["col"][0]
    F = res["F"]

    n_pixels = pixels.size
    for i_pixel in range(n_pixels):

        pixel = pixels[i_pixel]

        vmod = pixel["v"] - vcen
        umod = pixel["u"] - ucen

        rad2 = umod * umod + vmod * vmod
        if rad2 < maxrad2:

            weight = gmix_eval_pixel(wt, pixel)
            var = 1.0 / (pixel["ierr"] * pixel["ierr"])

            wdata = weight * pixel["val"]
            w2 = weight * weight

            F[0] = pixel["v"]
            F[1] = pixel["u"]
            F[2] = umod * umod - vmod * vmod
            F[3] = 2 * vmod * umod
            F[4] = rad2
            F[5] = 1.0

            res["wsum"] += weight
            res["npix"] += 1

            for i in range(6):
                res["sums"][i] += wdata * F[i]
                for j in range(6):
                    res["sums_cov"][i, j] += w2 * var * F[i] * F[j]


@njit
def get_higher_weighted_sums(wt, pixels, res, maxrad):
    """
    Do sums for calculating the weighted moments.

    Parameters
    ----------
    wt: array
        The gaussian mixture with dtype ngmix.gmix.gmix._gauss2d_dtype
    pixels: array
        Array of pixels
    res: array
        The result array
    maxrad: float
        Maximum radius in u, v coordinates
    """

    maxrad2 = maxrad ** 2

    vcen = wt["row"][0]
    ucen = wt["col"][0]

    F = res["F"]
    nmom = F.size

    n_pixels = pixels.size
    for i_pixel in range(n_pixels):

        pixel = pixels[i_pixel]

        # v and u are really dv and du
        v = pixel["v"] - vcen
        u = pixel["u"] - ucen

        r2 = u * u + v * v
        if r2 < maxrad2:

            weight = gmix_eval_pixel(wt, pixel)
            var = 1.0 / (pixel["ierr"] * pixel["ierr"])

            wdata = weight * pixel["val"]
            w2 = weight * weight

            u2 = u ** 2
            v2 = v ** 2
            vu = v * u
            u4 = u2 ** 2
            v4 = v2 ** 2

            r4 = r2 * r2
            r6 = r4 * r2
            r8 = r6 * r2

            # the order for first 6 matches get_weighted_sums
            F[0] = pixel["v"]
            F[1] = pixel["u"]
            F[2] = u2 - v2
            F[3] = 2 * vu
            F[4] = r2
            F[5] = 1.0

            # third
            F[6] = u * r2
            F[7] = v * r2
            F[8] = u * (u2 - 3 * v2)
            F[9] = v * (3 * u2 - v2)

            # fourth
            F[10] = r4
            F[11] = r2 * (u2 - v2)
            F[12] = r2 * 2 * u * v
            F[13] = u4 - 6 * u2 * v2 + v4
            F[14] = (u2 - v2) * 4 * u * v

            # Additional pure radial momentes 6, 8
            F[15] = r6
            F[16] = r8

            res["wsum"] += weight
            res["npix"] += 1

            for i in range(nmom):
                res["sums"][i] += wdata * F[i]
                for j in range(nmom):
                    res["sums_cov"][i, j] += w2 * var * F[i] * F[j]


@njit
def get_loglike(gmix, pixels):
    """
    get the log likelihood

    parameters
    ----------
    gmix: gaussian mixture
        See gmix.py
    pixels: array if pixel structs
        u,v,val,ierr

    returns
    -------
    a tuple of

    loglike: float
        log likelihood
    s2n_numer: float
        numerator for s/n
    s2n_demon: float
        will use sqrt(s2n_denom) for denominator for s/n
    npix: int
        number of pixels used
    """

    if gmix["norm_set"][0] == 0:
        gmix_set_norms(gmix)

    npix = 0
    loglike = s2n_numer = s2n_denom = 0.0

    n_pixels = pixels.shape[0]
    for ipixel in range(n_pixels):
        pixel = pixels[ipixel]

        model_val = gmix_eval_pixel_fast(gmix, pixel)

        ivar = pixel["ierr"] * pixel["ierr"]
        val = pixel["val"]
        diff = model_val - val

        loglike += diff * diff * ivar

        s2n_numer += val * model_val * ivar
        s2n_denom += model_val * model_val * ivar
        npix += 1

    loglike *= -0.5

    return loglike, s2n_numer, s2n_denom, npix


@njit
def fill_fdiff(gmix, pixels, fdiff, start):
    """
    fill fdiff array (model-data)/err

    parameters
    ----------
    gmix: gaussian mixture
        See gmix.py
    pixels: array if pixel structs
        u,v,val,ierr
    fdiff: array
        Array to fill, should be same length as pixels
    """

    if gmix["norm_set"][0] == 0:
        gmix_set_norms(gmix)

    n_pixels = pixels.shape[0]
    for ipixel in range(n_pixels):
        pixel = pixels[ipixel]

        model_val = gmix_eval_pixel_fast(gmix, pixel)
        fdiff[start + ipixel] = (model_val - pixel["val"]) * pixel["ierr"]


@njit
def get_model_s2n_sum(gmix, pixels):
    """
    get the model s/n sum.

    The s/n is then sqrt(s2n_sum)

    parameters
    ----------
    gmix: gaussian mixture
        See gmix.py
    pixels: array if pixel structs
        u,v,val,ierr

    returns
    -------
    s2n_sum: float
        sum to calculate s/n
    """

    if gmix["norm_set"][0] == 0:
        gmix_set_norms(gmix)

    n_pixels = pixels.shape[0]
    s2n_sum = 0.0

    for ipixel in range(n_pixels):
        pixel = pixels[ipixel]

        model_val = gmix_eval_pixel_fast(gmix, pixel)
        ivar = pixel["ierr"] * pixel["ierr"]

        s2n_sum += model_val * model_val * ivar

    return s2n_sum


# ---- harness (not part of the program) ----
ENTRY = "ngmix_gmix_kernels"

_GAUSS2D_DTYPE = [
    ("p", "f8"), ("row", "f8"), ("col", "f8"),
    ("irr", "f8"), ("irc", "f8"), ("icc", "f8"),
    ("det", "f8"), ("norm_set", "i8"),
    ("drr", "f8"), ("drc", "f8"), ("dcc", "f8"),
    ("norm", "f8"), ("pnorm", "f8"),
]
_PIXEL_DTYPE = [("u", "f8"), ("v", "f8"), ("area", "f8"), ("val", "f8"), ("ierr", "f8"), ("fdiff", "f8")]


def _moments_dtype(nmom):
    return [("F", "f8", nmom), ("wsum", "f8"), ("npix", "i8"), ("sums", "f8", nmom),
            ("sums_cov", "f8", (nmom, nmom))]


def ngmix_gmix_kernels(pars_simple, pars_bd, pars_bdf, pars_coellip, pars_full, psf_pars, noise, sigma):
    out = {}
    mixes = {}
    for name, ngauss, pars in (("exp", 6, pars_simple), ("dev", 10, pars_simple),
                               ("turb", 3, psf_pars), ("gauss", 1, pars_simple),
                               ("bd", 16, pars_bd), ("bdf", 16, pars_bdf),
                               ("coellip", 3, pars_coellip), ("full", 2, pars_full)):
        gm = np.zeros(ngauss, dtype=_GAUSS2D_DTYPE)
        _gmix_fill_functions[name](gm, pars)
        mixes[name] = gm
    cm = np.zeros(16, dtype=_GAUSS2D_DTYPE)
    TdByTe = 1.5
    Tfactor = get_cm_Tfactor(0.3, TdByTe)
    gmix_fill_cm(cm, 0.3, TdByTe, Tfactor, pars_simple)
    mixes["cm"] = cm
    psf = mixes["turb"]
    conv = np.zeros(mixes["exp"].size * psf.size, dtype=_GAUSS2D_DTYPE)
    gmix_convolve_fill(conv, mixes["exp"], psf)
    mixes["conv"] = conv
    for name, gm in mixes.items():
        gmix_set_norms(gm)
        out[name] = (gm.copy(), gmix_get_cen(gm), gmix_get_e1e2T(gm))

    nrow, ncol = noise.shape
    rows, cols = np.mgrid[0:nrow, 0:ncol]
    pixels = np.zeros(nrow * ncol, dtype=_PIXEL_DTYPE)
    pixels["v"] = rows.ravel()
    pixels["u"] = cols.ravel()
    pixels["area"] = 1.0
    pixels["ierr"] = 1.0 / sigma
    image = np.array([gmix_eval_pixel(conv, p) for p in pixels])
    pixels["val"] = image + noise.ravel()

    for name in ("conv", "bd", "coellip"):
        gm = mixes[name]
        gm["norm_set"] = 0
        fdiff = np.zeros(pixels.size + 3)
        fill_fdiff(gm, pixels, fdiff, 3)
        out["fit_" + name] = (get_loglike(gm, pixels), get_model_s2n_sum(gm, pixels), fdiff)

    wt = np.zeros(1, dtype=_GAUSS2D_DTYPE)
    gmix_fill_gauss(wt, np.array([12.3, 11.8, 0.0, 0.0, 16.0, 1.0]))
    gmix_set_norms(wt)
    res = np.zeros(1, dtype=_moments_dtype(6))
    get_weighted_sums(wt, pixels, res[0], 10.0)
    res17 = np.zeros(1, dtype=_moments_dtype(17))
    get_higher_weighted_sums(wt, pixels, res17[0], 10.0)
    out["moments"] = (res.copy(), res17.copy())

    out["fexp"] = (fexp_arr(np.linspace(-12.4, -0.1, 40)), exp3(-3.3), exp4(-3.3), exp5(-3.3),
                   apod_window(22.0), apod_window_deriv(22.0))
    errors = []
    for g1, g2 in ((0.3, 0.2), (0.8, 0.7)):
        try:
            errors.append(g1g2_to_e1e2(g1, g2))
        except GMixRangeError as err:
            errors.append(str(err))
    out["errors"] = errors
    return out


def inputs():
    rng = np.random.default_rng(0)
    pars_simple = np.array([12.0, 12.5, 0.2, -0.1, 9.0, 100.0])
    pars_bd = np.array([12.0, 12.5, 0.1, 0.05, 8.0, 0.3, 0.4, 100.0])
    pars_bdf = np.array([12.0, 12.5, -0.1, 0.15, 8.0, 0.6, 100.0])
    pars_coellip = np.array([12.2, 12.1, 0.05, 0.1, 2.0, 6.0, 18.0, 30.0, 50.0, 20.0])
    pars_full = np.array([0.6, 11.0, 12.0, 3.0, 0.4, 2.5, 0.4, 13.0, 12.5, 6.0, -0.8, 5.0])
    psf_pars = np.array([0.0, 0.0, 0.0, 0.02, 4.0, 1.0])
    sigma = 0.05
    noise = sigma * rng.standard_normal((25, 25))
    return (pars_simple, pars_bd, pars_bdf, pars_coellip, pars_full, psf_pars, noise, sigma)
