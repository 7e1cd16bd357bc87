# Source: QuantEcon/lecture-python.myst lectures/mccall_model_with_separation.md ("Job Search II: Search and Separation", at commit 0654b522); BetaBinomial from QuantEcon/QuantEcon.py quantecon/distributions.py (commit 4b127fca)
# Licence: BSD-3-Clause (QuantEcon's lecture repositories; no LICENSE file of lecture-python.myst was at hand to quote) and MIT for the BetaBinomial class (QuantEcon.py, LICENSE; Copyright (c) 2013-2024 Thomas J. Sargent and John Stachurski)
# Notes: the McCall job-search model with job separation: McCallModel is a numba.experimental.jitclass built from a list spec of (name, type) pairs with non-ASCII field names (α, β) and float64[:] arrays, whose __init__ has default arguments (module-level NumPy arrays as defaults) and assigns five fields from one tuple; its update method unpacks five fields into locals, calls the module-level @njit utility u (which has a default argument σ=2.0) on an array element and on a field, and returns a tuple (array, float); solve_model (@njit, default tol and max_iter) takes the instance, iterates update until convergence starting from d = 1 (an int that becomes a float), unpacking the returned tuple; compute_reservation_wage (the entry) calls solve_model, reads fields of the instance and np.searchsorted(..., side='right') to index the wage grid. The lecture's cells are pasted in order (its imports cell, u, the wage distribution, the class, solve_model, compute_reservation_wage); the plotting cells, the exercises' solutions and the matplotlib import are left out. `from quantecon.distributions import BetaBinomial` is replaced by QuantEcon.py's BetaBinomial class (its __init__ and pdf; the mean/std/var/skew properties and the commented-out cdf left out) with the two imports it uses (quantecon is not installed here)
import numpy as np
from numba import njit, float64
from numba.experimental import jitclass
from scipy.special import binom, beta


class BetaBinomial:
    """
    The Beta-Binomial distribution

    Parameters
    ----------
    n : scalar(int)
        First parameter to the Beta-binomial distribution
    a : scalar(float)
        Second parameter to the Beta-binomial distribution
    b : scalar(float)
        Third parameter to the Beta-binomial distribution

    Attributes
    ----------
    n, a, b : see Parameters

    """

    def __init__(self, n, a, b):
        self.n, self.a, self.b = n, a, b

    def pdf(self):
        r"""
        Generate the vector of probabilities for the Beta-binomial
        (n, a, b) distribution.

        The Beta-binomial distribution takes the form

        .. math::
            p(k \,|\, n, a, b) =
            {n \choose k} \frac{B(k + a, n - k + b)}{B(a, b)},
            \qquad k = 0, \ldots, n,

        where :math:`B` is the beta function.

        Parameters
        ----------
        n : scalar(int)
            First parameter to the Beta-binomial distribution
        a : scalar(float)
            Second parameter to the Beta-binomial distribution
        b : scalar(float)
            Third parameter to the Beta-binomial distribution

        Returns
        -------
        probs: array_like(float)
            Vector of probabilities over k

        """
        n, a, b = self.n, self.a, self.b
        k = np.arange(n + 1)
        probs = binom(n, k) * beta(k + a, n - k + b) / beta(a, b)
        return probs


@njit
def u(c, σ=2.0):
    return (c**(1 - σ) - 1) / (1 - σ)


n = 60                                  # n possible outcomes for w
w_default = np.linspace(10, 20, n)      # wages between 10 and 20
a, b = 600, 400                         # shape parameters
dist = BetaBinomial(n-1, a, b)
q_default = dist.pdf()


mccall_data = [
    ('α', float64),      # job separation rate
    ('β', float64),      # discount factor
    ('c', float64),      # unemployment compensation
    ('w', float64[:]),   # list of wage values
    ('q', float64[:])    # pmf of random variable w
]

@jitclass(mccall_data)
class McCallModel:
    """
    Stores the parameters and functions associated with a given model.
    """

    def __init__(self, α=0.2, β=0.98, c=6.0, w=w_default, q=q_default):

        self.α, self.β, self.c, self.w, self.q = α, β, c, w, q


    def update(self, v, d):

        α, β, c, w, q = self.α, self.β, self.c, self.w, self.q

        v_new = np.empty_like(v)

        for i in range(len(w)):
            v_new[i] = u(w[i]) + β * ((1 - α) * v[i] + α * d)

        d_new = np.sum(np.maximum(v, u(c) + β * d) * q)

        return v_new, d_new


@njit
def solve_model(mcm, tol=1e-5, max_iter=2000):
    """
    Iterates to convergence on the Bellman equations

    * mcm is an instance of McCallModel
    """

    v = np.ones_like(mcm.w)    # Initial guess of v
    d = 1                      # Initial guess of d
    i = 0
    error = tol + 1

    while error > tol and i < max_iter:
        v_new, d_new = mcm.update(v, d)
        error_1 = np.max(np.abs(v_new - v))
        error_2 = np.abs(d_new - d)
        error = max(error_1, error_2)
        v = v_new
        d = d_new
        i += 1

    return v, d


@njit
def compute_reservation_wage(mcm):
    """
    Computes the reservation wage of an instance of the McCall model
    by finding the smallest w such that v(w) >= h.

    If no such w exists, then w_bar is set to np.inf.
    """

    v, d = solve_model(mcm)
    h = u(mcm.c) + mcm.β * d

    i = np.searchsorted(v, h, side='right')
    w_bar = mcm.w[i]

    return w_bar

# ---- harness (not part of the program) ----
ENTRY = "compute_reservation_wage"


def inputs():
    # the lecture's `mcm = McCallModel()` with the default parameters, then
    # its first exercise's last setting of the unemployment compensation
    # (c_vals = np.linspace(2, 12, 25)[-1]): the instance is built in
    # Python with the jitclass defaults
    mcm = McCallModel()
    mcm.c = 12.0
    return (mcm,)
