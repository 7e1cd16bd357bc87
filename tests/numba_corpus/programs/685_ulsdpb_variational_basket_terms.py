# Source: brunojacobs/ulsdpb model/functions.py, model/data.py, model/settings.py, expfam/misc.py, expfam/settings.py (at commit 7beff2e5)
# Licence: MIT (ulsdpb, LICENSE; Copyright (c) 2020 Bruno Jacobs)
# Notes: part of the code of "ULSDPB", a model of customers' shopping baskets (a dynamic, latent-space purchase model fitted by variational inference). All kernels are @numba.jit(**settings.NUMBA_OPTIONS), the options dict (nopython, cache, fastmath) coming from a settings module. From model/functions.py: calc_ev_q_eps_alpha (boolean-mask row selection `mu_q_alpha[data.ib_first]`, `@` of masked rows with a transposed matrix, an in-place `+=` loop over customers and baskets), _calc_ev_q_eps_alpha_loop_ib, _calc_ev_q_eps_alpha_loop_ibm (triple loop with np.sum of elementwise products), calc_ev_q_sum_ib_eps_alpha_sq (nested np.sum(..., axis=2), axis=1) of broadcast 3-D products, np.diag of a column sum, `.T @` of masked rows, an argument filled with `[:] =` and then updated with `+=` in a loop) and ev_q_log_theta_denom_ji, which calls another module's jitted log_sum_exp with a keyword argument (`misc.log_sum_exp(v=...)`); the plain-Python _calc_ev_q_eps_alpha_sq between them is pasted too. Every kernel receives `data`, a 30-field collections.namedtuple mixing arrays, ints and bool masks, built by model/data.py's create_dataset (pasted whole). expfam/misc.py is pasted whole (log_sum_exp is jitted; the rest uses scipy.special). The two settings modules are pasted and the module names the code uses (`settings`, `misc`) are bound to types.ModuleType objects holding the names they need, standing in for `from model import settings`, `from expfam import settings` and `from expfam import misc`; model/functions.py's other imports (the expfam distribution modules) and its other kernels (the local/global variational updates, which need the rest of the model state) are left out. The harness builds a dataset of 4 customers with 10 baskets and 21 purchases and evaluates each term for 3 latent dimensions
import types

import numpy as np
import numba


# ---- expfam/settings.py ----
NUMBA_NOPYTHON = True
NUMBA_CACHE = True
NUMBA_FASTMATH = False
NUMBA_PARALLEL = False

NUMBA_OPTIONS = {
    'nopython': NUMBA_NOPYTHON,
    'cache': NUMBA_CACHE,
    'fastmath': NUMBA_FASTMATH,
    'parallel': NUMBA_PARALLEL,
}

settings = types.ModuleType("settings")
settings.NUMBA_OPTIONS = NUMBA_OPTIONS


# ---- expfam/misc.py ----
# External modules
import numpy as np
from scipy.special import gammaln, digamma
import numba

# Own modules
# (from expfam import settings: bound above)


#
# Miscellaneous vector functions
#


@numba.jit(**settings.NUMBA_OPTIONS)
def log_sum_exp(v):
    """Returns log(sum(exp(v))) for a vector v."""
    max_v_value = v[0]
    for k in range(1, v.size):
        if v[k] > max_v_value:
            max_v_value = v[k]
    return max_v_value + np.log(np.sum(np.exp(v - max_v_value)))


def softmax(v):
    """Returns softmax(v) for a vector v."""
    return np.exp(v) / np.sum(np.exp(v))


#
# Miscellaneous matrix functions
#


def log_det(m):
    """The (natural) log of the determinant of a matrix."""
    sign_determinant, log_determinant = np.linalg.slogdet(m)
    return log_determinant


def is_symmetric(m):
    """Returns true if the matrix is symmetric."""
    return np.allclose(m, m.T)


def corr_from_cov(cov):
    """Compute correlation matrix from a covariance matrix."""
    sigma_sq = np.diag(cov)
    return np.diag(sigma_sq**-0.5) @ cov @ np.diag(sigma_sq**-0.5)


def corr_from_prec(prec):
    """Compute correlation matrix from a precision matrix."""
    return corr_from_cov(np.linalg.inv(prec))


def inv_corr_from_cov(cov):
    """Compute the inverse correlation matrix from a covariance matrix."""
    return inv_corr_from_prec(np.linalg.inv(cov))


def inv_corr_from_prec(prec):
    """Compute the inverse correlation matrix from a precision matrix."""
    tau = np.diag(prec)
    return np.diag(tau**-0.5) @ prec @ np.diag(tau**-0.5)


#
# Multivariate beta and multivariate gamma
#


def log_mvar_beta(arg):
    """The (natural) log multivariate beta function."""
    return np.sum(gammaln(arg)) - gammaln(np.sum(arg))


def log_mvar_gamma(dim, arg):
    """The (natural) log multivariate gamma function."""
    result = dim * (dim - 1) / 4 * np.log(np.pi)
    for j in range(dim):
        result += gammaln(arg - j / 2)
    return result


def mvar_digamma(dim, arg):
    """The multivariate digamma function."""
    result = 0
    for i in range(1, dim + 1):
        result += digamma(arg + (1 - i) / 2)
    return result


misc = types.ModuleType("misc")
misc.log_sum_exp = log_sum_exp


# ---- model/settings.py ----
NUMBA_NOPYTHON = True
NUMBA_CACHE = True
NUMBA_FASTMATH = False

NUMBA_OPTIONS = {
    'nopython': NUMBA_NOPYTHON,
    'cache': NUMBA_CACHE,
    'fastmath': NUMBA_FASTMATH,
}

settings = types.ModuleType("settings")
settings.NUMBA_OPTIONS = NUMBA_OPTIONS


# ---- model/data.py ----
#
# Description:
#   Contains the Data structure for the ULSDPB model.
#
# Functions:
#   create_dataset: creates a dataset for the ULSDPB model using
#   the (y_fused_ibn, x, w)-data as input.


# Standard library modules
from collections import namedtuple

# External modules
import numpy as np


Data = namedtuple(
    'Data',
    (
        # data
        'y',
        'x',
        'w',
        'x_outer',
        'x_outer_sum_first',
        'x_outer_sum_not_first',
        'w_outer',
        'w_outer_sum_first',
        'w_outer_sum_not_first',
        'w_per_basket',
        # dimensions
        'dim_j',
        'dim_x',
        'dim_w',
        'dim_i',
        'dim_b',
        'dim_b_min_1',
        'dim_n',
        # counts
        'n_per_customer',
        'n_per_product',
        'total_customers',
        'total_baskets',
        'total_purchases',
        # maps from i->ib and from ib->ibn
        'i_to_ib_lb',
        'i_to_ib_ub',
        'ib_to_ibn_lb',
        'ib_to_ibn_ub',
        # indicators
        'ib_first',
        'ib_not_first',
        'ib_last',
        'ib_not_last',
    )
)


def create_dataset(
        emulate_lda_x,
        y_fused_ibn,
        x,
        w,
):

    # Get the (i, ib, y_ibn) vectors from the purchase data
    i_vec = np.copy(y_fused_ibn[:, 0])
    ib_vec = np.copy(y_fused_ibn[:, 1])
    y = np.copy(y_fused_ibn[:, 2])

    if emulate_lda_x:
        ib_vec[:] = np.copy(i_vec)
        x = np.zeros((len(np.unique(ib_vec)), 1))

    # Assert that the customer ID's and basket ID's are sorted
    assert np.all(i_vec[1:] - i_vec[:-1] >= 0)
    assert np.all(ib_vec[1:] - ib_vec[:-1] >= 0)

    # Various dimensions
    total_customers = len(np.unique(i_vec))
    total_baskets = len(np.unique(ib_vec))
    total_purchases = len(y)

    dim_i = total_customers
    dim_j = len(np.unique(y))
    dim_x = x.shape[1]
    dim_w = w.shape[1]

    # Assert that the customer, basket, and product ID's are contiguous
    assert np.all(np.isin(np.arange(dim_i), i_vec))
    assert np.all(np.isin(np.arange(total_baskets), ib_vec))
    assert np.all(np.isin(np.arange(dim_j), y))

    # n_per_product
    n_per_product = np.zeros(dim_j, dtype=int)
    for y_ibn in y:
        n_per_product[y_ibn] += 1

    # n_per_customer
    i_to_ibn_lb = np.zeros(total_customers, dtype=int)
    i_to_ibn_ub = np.zeros(total_customers, dtype=int)

    previous_i = i_vec[0]
    for ibn, i in enumerate(i_vec):
        if i != previous_i:
            i_to_ibn_ub[previous_i] = ibn
            i_to_ibn_lb[i] = ibn
            previous_i = i

    i_to_ibn_ub[-1] = total_purchases

    n_per_customer = i_to_ibn_ub - i_to_ibn_lb

    # dim_b, dim_b_min_1
    dim_b = np.zeros(total_customers, dtype=int)

    for i in range(total_customers):
        dim_b[i] = len(np.unique(ib_vec[i_to_ibn_lb[i]:i_to_ibn_ub[i]]))

    dim_b_min_1 = dim_b.astype(float) - 1.0

    # ib_to_ibn_lb, ib_to_ibn_ub, n_per_basket, dim_n
    ib_to_ibn_lb = np.zeros(total_baskets, dtype=int)
    ib_to_ibn_ub = np.zeros(total_baskets, dtype=int)

    previous_ib = ib_vec[0]
    for ibn, ib in enumerate(ib_vec):
        if ib != previous_ib:
            ib_to_ibn_ub[previous_ib] = ibn
            ib_to_ibn_lb[ib] = ibn
            previous_ib = ib

    ib_to_ibn_ub[-1] = total_purchases

    dim_n = (ib_to_ibn_ub - ib_to_ibn_lb).astype(dtype=float)

    # Sort the purchases per basket
    for ib in range(total_baskets):
        y[ib_to_ibn_lb[ib]:ib_to_ibn_ub[ib]] = np.sort(
            y[ib_to_ibn_lb[ib]:ib_to_ibn_ub[ib]]
        )

    # i_to_ib_lb, i_to_ib_ub
    i_to_ib_lb = np.zeros(total_customers, dtype=int)
    i_to_ib_lb[0] = 0
    i_to_ib_lb[1:] = np.cumsum(dim_b)[:-1]
    i_to_ib_ub = np.cumsum(dim_b)

    # ib_first, ib_not_first, ib_last, ib_not_last
    ib_first = np.zeros(total_baskets, dtype=bool)
    ib_not_first = np.zeros(total_baskets, dtype=bool)

    ib_last = np.zeros(total_baskets, dtype=bool)
    ib_not_last = np.zeros(total_baskets, dtype=bool)

    ib = 0
    for i in range(dim_i):
        for b in range(dim_b[i]):
            if b == 0:
                ib_first[ib] = True
                ib_not_first[ib] = False
            else:
                ib_first[ib] = False
                ib_not_first[ib] = True

            if b == (dim_b[i] - 1):
                ib_last[ib] = True
                ib_not_last[ib] = False
            else:
                ib_last[ib] = False
                ib_not_last[ib] = True
            ib += 1

    # x_outer, x_outer_sum_first, x_outer_sum_not_first
    x_outer = np.zeros((total_baskets, dim_x, dim_x))
    for ib in range(total_baskets):
        x_outer[ib] = np.outer(x[ib], x[ib])
    x_outer_sum_first = np.sum(x_outer[ib_first], axis=0)
    x_outer_sum_not_first = np.sum(x_outer[ib_not_first], axis=0)

    # w_outer, w_outer_sum_first, w_outer_sum_not_first
    w_outer = np.zeros((total_customers, dim_w, dim_w))
    for i in range(total_customers):
        w_outer[i] = np.outer(w[i], w[i])
    w_outer_sum_first = np.sum(w_outer, axis=0)
    w_outer_sum_not_first = np.sum(
        w_outer * (dim_b[:, np.newaxis, np.newaxis] - 1.0),
        axis=0,
    )

    # w_per_basket
    w_per_basket = np.zeros((total_baskets, dim_w))
    ib = 0
    for i in range(total_customers):
        for b in range(dim_b[i]):
            w_per_basket[ib] = w[i]
            ib += 1

    if emulate_lda_x:
        assert x.shape == (total_customers, 1)
        assert np.allclose(x, 0.0)
        assert total_customers == total_baskets
        assert np.all(i_vec == ib_vec)

    data = Data(
        # data
        y=y,
        x=x,
        w=w,
        x_outer=x_outer,
        x_outer_sum_first=x_outer_sum_first,
        x_outer_sum_not_first=x_outer_sum_not_first,
        w_outer=w_outer,
        w_outer_sum_first=w_outer_sum_first,
        w_outer_sum_not_first=w_outer_sum_not_first,
        w_per_basket=w_per_basket,
        # dimensions
        dim_j=dim_j,
        dim_x=dim_x,
        dim_w=dim_w,
        dim_i=dim_i,
        dim_b=dim_b,
        dim_b_min_1=dim_b_min_1,
        dim_n=dim_n,
        # counts
        n_per_customer=n_per_customer,
        n_per_product=n_per_product,
        total_customers=total_customers,
        total_baskets=total_baskets,
        total_purchases=total_purchases,
        # maps from i->ib and from ib->ibn
        i_to_ib_lb=i_to_ib_lb,
        i_to_ib_ub=i_to_ib_ub,
        ib_to_ibn_lb=ib_to_ibn_lb,
        ib_to_ibn_ub=ib_to_ibn_ub,
        # indicators
        ib_first=ib_first,
        ib_not_first=ib_not_first,
        ib_last=ib_last,
        ib_not_last=ib_not_last,
    )

    return data


# ---- model/functions.py (from the top to ev_q_log_theta_denom_ji) ----
#
# Description:
#   Contains functions related to variational inference in the ULSDPB model.

# External modules
import numpy as np
import numba

# Own modules
# (from expfam import misc / from model import settings: bound above)

LOG_2PI_E = np.log(2*np.pi*np.e)


# # # # # # # # # # # # # # # # # # # # # # # # # # # # # # # # # # # # # # # #
# eps_alpha # # # # # # # # # # # # # # # # # # # # # # # # # # # # # # # # # #
# # # # # # # # # # # # # # # # # # # # # # # # # # # # # # # # # # # # # # # #


@numba.jit(**settings.NUMBA_OPTIONS)
def calc_ev_q_eps_alpha(
        ev_q_eps_alpha,
        mu_q_alpha,
        ev_q_kappa,
        ev_q_beta,
        ev_q_gamma,
        ev_q_rho,
        ev_q_delta,
        ev_q_delta_kappa,
        ev_q_delta_beta,
        ev_q_delta_gamma,
        data,
):
    ev_q_eps_alpha[data.ib_first] = mu_q_alpha[data.ib_first] - (
        ev_q_delta
        +
        ev_q_kappa * ev_q_delta_kappa
        +
        (data.x[data.ib_first] @ ev_q_beta.T) * ev_q_delta_beta
        +
        (data.w @ ev_q_gamma.T) * ev_q_delta_gamma
    )

    ev_q_eps_alpha[data.ib_not_first] = - (
        (mu_q_alpha[data.ib_not_last] @ ev_q_rho.T)
        +
        (data.x[data.ib_not_first] @ ev_q_beta.T)
    )

    ib = 0
    for i in range(data.dim_i):
        ev_q_gamma_w_i = ev_q_gamma @ data.w[i]
        for b in range(data.dim_b[i]):
            if b != 0:
                ev_q_eps_alpha[ib] += (
                    mu_q_alpha[ib] - (ev_q_kappa[i] + ev_q_gamma_w_i)
                )
            ib += 1


@numba.jit(**settings.NUMBA_OPTIONS)
def _calc_ev_q_eps_alpha_loop_ib(
        ev_q_eps_alpha,
        mu_q_alpha,
        ev_q_kappa,
        ev_q_beta,
        ev_q_gamma,
        ev_q_rho,
        ev_q_delta,
        ev_q_delta_kappa,
        ev_q_delta_beta,
        ev_q_delta_gamma,
        data,
):

    ib = 0
    for i in range(data.dim_i):
        for b in range(data.dim_b[i]):
            if b == 0:
                mu_ib = (
                    ev_q_delta
                    +
                    ev_q_kappa[i] * ev_q_delta_kappa
                    +
                    ev_q_beta @ data.x[ib] * ev_q_delta_beta
                    +
                    ev_q_gamma @ data.w[i] * ev_q_delta_gamma
                )
            else:
                mu_ib = (
                    ev_q_rho @ mu_q_alpha[ib - 1]
                    +
                    ev_q_kappa[i]
                    +
                    ev_q_beta @ data.x[ib]
                    +
                    ev_q_gamma @ data.w[i]
                )

            ev_q_eps_alpha[ib] = mu_q_alpha[ib] - mu_ib
            ib += 1

    return ev_q_eps_alpha


@numba.jit(**settings.NUMBA_OPTIONS)
def _calc_ev_q_eps_alpha_loop_ibm(
        ev_q_eps_alpha,
        mu_q_alpha,
        ev_q_kappa,
        ev_q_beta,
        ev_q_gamma,
        ev_q_rho,
        ev_q_delta,
        ev_q_delta_kappa,
        ev_q_delta_beta,
        ev_q_delta_gamma,
        dim_m,
        data,
):

    ib = 0
    for i in range(data.dim_i):
        for b in range(data.dim_b[i]):
            for m in range(dim_m):
                if b == 0:
                    mu_ibm = (
                        ev_q_delta[m]
                        +
                        ev_q_kappa[i, m] * ev_q_delta_kappa
                        +
                        np.sum(ev_q_delta_beta * data.x[ib] * ev_q_beta[m])
                        +
                        np.sum(ev_q_delta_gamma * data.w[i] * ev_q_gamma[m])
                    )
                else:
                    mu_ibm = (
                        np.sum(mu_q_alpha[ib - 1] * ev_q_rho[m])
                        +
                        ev_q_kappa[i, m]
                        +
                        np.sum(data.x[ib] * ev_q_beta[m])
                        +
                        np.sum(data.w[i] * ev_q_gamma[m])
                    )

                ev_q_eps_alpha[ib, m] = mu_q_alpha[ib, m] - mu_ibm
            ib += 1

    return ev_q_eps_alpha


@numba.jit(**settings.NUMBA_OPTIONS)
def calc_ev_q_sum_ib_eps_alpha_sq(
        ev_q_sum_ib_eps_alpha_sq,
        mu_q_alpha,
        sigma_sq_q_alpha,
        ev_q_alpha_sq,
        ev_q_kappa,
        ev_q_kappa_sq,
        ev_q_beta,
        ev_q_beta_outer,
        ev_q_gamma,
        ev_q_gamma_outer,
        ev_q_rho,
        ev_q_rho_outer,
        ev_q_delta,
        ev_q_delta_sq,
        ev_q_delta_kappa,
        ev_q_delta_kappa_sq,
        ev_q_delta_beta,
        ev_q_delta_beta_sq,
        ev_q_delta_gamma,
        ev_q_delta_gamma_sq,
        dim_m,
        data,
):

    # Squared terms from: E_q{ \sum_i mu_{i1}^2 }
    sum_first_mu_sq_ib_squared_terms = (
        data.dim_i * ev_q_delta_sq
        +
        np.sum(ev_q_kappa_sq, axis=0) * ev_q_delta_kappa_sq
        +
        np.sum(np.sum(ev_q_beta_outer * data.x_outer_sum_first, axis=2), axis=1) * ev_q_delta_beta_sq
        +
        np.sum(np.sum(ev_q_gamma_outer * data.w_outer_sum_first, axis=2), axis=1) * ev_q_delta_gamma_sq
    )

    # \sum_i \sum_{b : b != last} E_q[alpha_ib alpha_ib^T]
    sum_not_last_ev_q_alpha_outer_lag = (
        np.diag(np.sum(sigma_sq_q_alpha[data.ib_not_last], axis=0))
        +
        mu_q_alpha[data.ib_not_last].T @ mu_q_alpha[data.ib_not_last]
    )

    # Squared terms from: E_q{ \sum_i \sum_{b : b != 0} mu_{ib}^2 }
    sum_not_first_mu_sq_ib_squared_terms = (
        np.sum(np.sum(ev_q_rho_outer * sum_not_last_ev_q_alpha_outer_lag, axis=2), axis=1)
        +
        data.dim_b_min_1.T @ ev_q_kappa_sq
        +
        np.sum(np.sum(ev_q_beta_outer * data.x_outer_sum_not_first, axis=2), axis=1)
        +
        np.sum(np.sum(ev_q_gamma_outer * data.w_outer_sum_not_first, axis=2), axis=1)
    )

    # \sum_ib E_q[alpha_{ib}^2] + second moments from mu_{ib}^2
    ev_q_sum_ib_eps_alpha_sq[:] = (
        np.sum(ev_q_alpha_sq, axis=0)
        +
        sum_first_mu_sq_ib_squared_terms
        +
        sum_not_first_mu_sq_ib_squared_terms
    )

    # Linear terms from: E_q{ \sum_ib mu_{ib}^2 }
    ib = 0
    ev_q_gamma_w_i = np.zeros(dim_m)
    for i in range(data.dim_i):

        ev_q_gamma_w_i[:] = ev_q_gamma @ data.w[i]

        for b in range(data.dim_b[i]):
            if b == 0:
                s1 = ev_q_delta
                s2 = ev_q_kappa[i] * ev_q_delta_kappa
                s3 = ev_q_beta @ data.x[ib] * ev_q_delta_beta
                s4 = ev_q_gamma_w_i * ev_q_delta_gamma
            else:
                s1 = ev_q_rho @ mu_q_alpha[ib - 1]
                s2 = ev_q_kappa[i]
                s3 = ev_q_beta @ data.x[ib]
                s4 = ev_q_gamma_w_i

            ev_q_mu_ib = s1 + s2 + s3 + s4

            ev_q_mu_sq_ib_linear_terms = 2 * (
                s1 * (s2 + s3 + s4)
                +
                s2 * (s3 + s4)
                +
                s3 * s4
            )

            ev_q_sum_ib_eps_alpha_sq += (
                ev_q_mu_sq_ib_linear_terms
                -
                2 * mu_q_alpha[ib] * ev_q_mu_ib
            )

            ib += 1


def _calc_ev_q_eps_alpha_sq(
        ev_q_eps_alpha_sq,
        mu_q_alpha,
        sigma_sq_q_alpha,
        ev_q_alpha_sq,
        ev_q_kappa,
        ev_q_kappa_sq,
        ev_q_beta,
        ev_q_beta_outer,
        ev_q_gamma,
        ev_q_gamma_outer,
        ev_q_rho,
        ev_q_rho_outer,
        ev_q_delta,
        ev_q_delta_sq,
        ev_q_delta_kappa,
        ev_q_delta_kappa_sq,
        ev_q_delta_beta,
        ev_q_delta_beta_sq,
        ev_q_delta_gamma,
        ev_q_delta_gamma_sq,
        dim_m,
        data,
):
    ev_q_eps_alpha_sq[:] = 0.0

    ib = 0
    ev_q_gamma_w_i = np.zeros(dim_m)
    for i in range(data.dim_i):

        ev_q_gamma_w_i[:] = ev_q_gamma @ data.w[i]
        sum_per_m_ev_q_gamma_outer_w_outer = np.zeros(dim_m)
        for m in range(dim_m):
            sum_per_m_ev_q_gamma_outer_w_outer[m] = np.sum(
                ev_q_gamma_outer[m] * data.w_outer[i]
            )

        for b in range(data.dim_b[i]):

            sum_per_m_ev_q_beta_outer_x_ib_outer = np.zeros(dim_m)
            for m in range(dim_m):
                sum_per_m_ev_q_beta_outer_x_ib_outer[m] = np.sum(
                    ev_q_beta_outer[m] * data.x_outer[ib]
                )

            if b == 0:
                ev_q_mu_sq_ib_quadratic_terms = (
                    ev_q_delta_sq
                    +
                    ev_q_kappa_sq[i] * ev_q_delta_kappa_sq
                    +
                    sum_per_m_ev_q_beta_outer_x_ib_outer * ev_q_delta_beta_sq
                    +
                    sum_per_m_ev_q_gamma_outer_w_outer * ev_q_delta_gamma_sq
                )

                s1 = ev_q_delta
                s2 = ev_q_kappa[i] * ev_q_delta_kappa
                s3 = ev_q_beta @ data.x[ib] * ev_q_delta_beta
                s4 = ev_q_gamma_w_i * ev_q_delta_gamma
            else:
                ev_q_alpha_ib_prev_outer = (
                    np.diag(sigma_sq_q_alpha[ib - 1])
                    +
                    np.outer(mu_q_alpha[ib - 1], mu_q_alpha[ib - 1])
                )

                sum_per_m_ev_q_rho_outer_ev_q_alpha_ib_prev_outer = np.zeros(dim_m)
                for m in range(dim_m):
                    sum_per_m_ev_q_rho_outer_ev_q_alpha_ib_prev_outer[m] = np.sum(
                        ev_q_rho_outer[m] * ev_q_alpha_ib_prev_outer
                    )

                ev_q_mu_sq_ib_quadratic_terms = (
                    sum_per_m_ev_q_rho_outer_ev_q_alpha_ib_prev_outer
                    +
                    ev_q_kappa_sq[i]
                    +
                    sum_per_m_ev_q_beta_outer_x_ib_outer
                    +
                    sum_per_m_ev_q_gamma_outer_w_outer
                )

                s1 = ev_q_rho @ mu_q_alpha[ib - 1]
                s2 = ev_q_kappa[i]
                s3 = ev_q_beta @ data.x[ib]
                s4 = ev_q_gamma_w_i

            ev_q_mu_ib = s1 + s2 + s3 + s4

            ev_q_mu_sq_ib_linear_terms = 2 * (
                s1 * (s2 + s3 + s4)
                +
                s2 * (s3 + s4)
                +
                s3 * s4
            )

            ev_q_mu_sq_ib = (
                ev_q_mu_sq_ib_quadratic_terms
                +
                ev_q_mu_sq_ib_linear_terms
            )

            ev_q_eps_alpha_sq[ib] = (
                ev_q_alpha_sq[ib]
                +
                ev_q_mu_sq_ib
                -
                2 * mu_q_alpha[ib] * ev_q_mu_ib
            )

            ib += 1


@numba.jit(**settings.NUMBA_OPTIONS)
def ev_q_log_theta_denom_ji(mu_q, sigma_sq_q):
    """
    Approximate E_q[log theta_denom] by log E_q[theta_denom].

    Note that E_q[log theta_denom] <= log E_q[theta_denom], so this is an
    upperbound. However, in the ELBO this is premultiplied with -1,
    so effectively we create a lowerbound on the ELBO.
    """

    return misc.log_sum_exp(v=mu_q + 0.5 * sigma_sq_q)


# ---- harness (not part of the program) ----
ENTRY = "ulsdpb_terms"


def ulsdpb_terms(y_fused_ibn, x, w, dim_m):
    out = {}
    data = create_dataset(False, y_fused_ibn, x, w)
    out["dim_b"] = data.dim_b
    out["ib_first"] = data.ib_first
    out["x_outer_sum_not_first"] = data.x_outer_sum_not_first
    out["w_outer_sum_not_first"] = data.w_outer_sum_not_first
    n_ib, n_i = data.total_baskets, data.total_customers
    rng = np.random.default_rng(0)
    mu_q_alpha = rng.normal(size=(n_ib, dim_m))
    sigma_sq_q_alpha = rng.uniform(0.1, 0.5, size=(n_ib, dim_m))
    ev_q_alpha_sq = sigma_sq_q_alpha + mu_q_alpha ** 2
    ev_q_kappa = rng.normal(size=(n_i, dim_m))
    ev_q_kappa_sq = ev_q_kappa ** 2 + 0.2
    ev_q_beta = rng.normal(size=(dim_m, data.dim_x))
    ev_q_beta_outer = np.einsum("mi,mj->mij", ev_q_beta, ev_q_beta) + 0.05 * np.eye(data.dim_x)
    ev_q_gamma = rng.normal(size=(dim_m, data.dim_w))
    ev_q_gamma_outer = np.einsum("mi,mj->mij", ev_q_gamma, ev_q_gamma) + 0.05 * np.eye(data.dim_w)
    ev_q_rho = 0.5 * rng.normal(size=(dim_m, dim_m))
    ev_q_rho_outer = np.einsum("mi,mj->mij", ev_q_rho, ev_q_rho) + 0.01 * np.eye(dim_m)
    ev_q_delta = rng.normal(size=dim_m)
    ev_q_delta_sq = ev_q_delta ** 2 + 0.1
    dk, dk_sq, db, db_sq, dg, dg_sq = 0.7, 0.55, 1.2, 1.5, 0.4, 0.2
    args = (ev_q_kappa, ev_q_beta, ev_q_gamma, ev_q_rho, ev_q_delta, dk, db, dg)
    e1 = np.zeros((n_ib, dim_m))
    calc_ev_q_eps_alpha(e1, mu_q_alpha, *args, data)
    out["eps_alpha"] = e1
    out["eps_alpha_loop_ib"] = _calc_ev_q_eps_alpha_loop_ib(np.zeros((n_ib, dim_m)), mu_q_alpha, *args, data)
    out["eps_alpha_loop_ibm"] = _calc_ev_q_eps_alpha_loop_ibm(np.zeros((n_ib, dim_m)), mu_q_alpha, *args, dim_m, data)
    sq_args = (mu_q_alpha, sigma_sq_q_alpha, ev_q_alpha_sq, ev_q_kappa, ev_q_kappa_sq, ev_q_beta, ev_q_beta_outer,
               ev_q_gamma, ev_q_gamma_outer, ev_q_rho, ev_q_rho_outer, ev_q_delta, ev_q_delta_sq,
               dk, dk_sq, db, db_sq, dg, dg_sq, dim_m, data)
    s = np.zeros(dim_m)
    calc_ev_q_sum_ib_eps_alpha_sq(s, *sq_args)
    out["sum_ib_eps_alpha_sq"] = s
    e2 = np.zeros((n_ib, dim_m))
    _calc_ev_q_eps_alpha_sq(e2, *sq_args)
    out["eps_alpha_sq"] = e2
    out["log_theta_denom"] = np.array([ev_q_log_theta_denom_ji(mu_q_alpha[k], sigma_sq_q_alpha[k]) for k in range(n_ib)])
    out["log_sum_exp"] = log_sum_exp(np.array([1000.0, 999.0, -5.0]))
    out["misc"] = (softmax(np.array([0.1, 0.2, 0.7])), log_mvar_beta(np.array([1.5, 2.0, 3.5])),
                   log_mvar_gamma(3, 4.0), mvar_digamma(3, 4.0))
    return out


def inputs():
    baskets = [3, 2, 4, 1]  # baskets per customer
    rows = []
    ib = 0
    for i, nb_ in enumerate(baskets):
        for b in range(nb_):
            for n in range(1 + (i + b) % 3):
                rows.append((i, ib, (3 * ib + 2 * n + i) % 5))
            ib += 1
    y_fused_ibn = np.array(rows, dtype=np.int64)
    x = np.column_stack((np.linspace(-1.0, 1.0, ib), np.cos(np.arange(ib))))
    w = np.array([[1.0, 0.2, -0.3], [1.0, -0.5, 0.1], [1.0, 0.0, 0.8], [1.0, 0.4, 0.4]])
    return (y_fused_ibn, x, w, 3)
