# Source: QuantEcon/lecture-python.myst lectures/cass_koopmans_1.md ("Cass-Koopmans Model", at commit 0654b522)
# Licence: BSD-3-Clause (QuantEcon's lecture repositories; no LICENSE file of lecture-python.myst was at hand to quote)
# Notes: the shooting algorithm with bisection for the Cass-Koopmans planning problem: PlanningProblem is a numba.experimental.jitclass from a list spec with non-ASCII field names (γ, β, δ, α) and an empty-parenthesised class statement, whose __init__ takes integer and float defaults for float64 fields and assigns them from tuples; its methods use a conditional expression choosing between a power and np.log, and next_k_c binds four of the instance's own methods to local names (u_prime, u_prime_inv = self.u_prime, self.u_prime_inv) and calls them, returning a tuple; shooting (@njit, default T) prints and returns None on an infeasible guess and otherwise returns a tuple of two arrays (an optional tuple), filling them with tuple-unpacking assignments to array elements (k_vec[t+1], c_vec[t+1] = pp.next_k_c(...)) and reading pp.δ; the entry bisection (@njit, defaults for T, tol, max_iter, k_ter and verbose) unpacks shooting's optional result, uses np.abs, a while True loop left by returns, prints under `if verbose`, and moves c0_lower (0, an int, then a float) and c0_upper. The lecture's code cells are pasted in order (imports, planning_data, the class, shooting, bisection, saving_rate); the cells that only build an instance, plot or print (plot_paths, plot_saving_rate, the k_ss and s_ss computations) and the matplotlib import and rcParams line are left out
from numba import njit, float64
from numba.experimental import jitclass
import numpy as np


planning_data = [
    ('γ', float64),    # Coefficient of relative risk aversion
    ('β', float64),    # Discount factor
    ('δ', float64),    # Depreciation rate on capital
    ('α', float64),    # Return to capital per capita
    ('A', float64)     # Technology
]


@jitclass(planning_data)
class PlanningProblem():

    def __init__(self, γ=2, β=0.95, δ=0.02, α=0.33, A=1):

        self.γ, self.β = γ, β
        self.δ, self.α, self.A = δ, α, A

    def u(self, c):
        '''
        Utility function
        ASIDE: If you have a utility function that is hard to solve by hand
        you can use automatic or symbolic differentiation
        See https://github.com/HIPS/autograd
        '''
        γ = self.γ

        return c ** (1 - γ) / (1 - γ) if γ!= 1 else np.log(c)

    def u_prime(self, c):
        'Derivative of utility'
        γ = self.γ

        return c ** (-γ)

    def u_prime_inv(self, c):
        'Inverse of derivative of utility'
        γ = self.γ

        return c ** (-1 / γ)

    def f(self, k):
        'Production function'
        α, A = self.α, self.A

        return A * k ** α

    def f_prime(self, k):
        'Derivative of production function'
        α, A = self.α, self.A

        return α * A * k ** (α - 1)

    def f_prime_inv(self, k):
        'Inverse of derivative of production function'
        α, A = self.α, self.A

        return (k / (A * α)) ** (1 / (α - 1))

    def next_k_c(self, k, c):
        ''''
        Given the current capital Kt and an arbitrary feasible
        consumption choice Ct, computes Kt+1 by state transition law
        and optimal Ct+1 by Euler equation.
        '''
        β, δ = self.β, self.δ
        u_prime, u_prime_inv = self.u_prime, self.u_prime_inv
        f, f_prime = self.f, self.f_prime

        k_next = f(k) + (1 - δ) * k - c
        c_next = u_prime_inv(u_prime(c) / (β * (f_prime(k_next) + (1 - δ))))

        return k_next, c_next


@njit
def shooting(pp, c0, k0, T=10):
    '''
    Given the initial condition of capital k0 and an initial guess
    of consumption c0, computes the whole paths of c and k
    using the state transition law and Euler equation for T periods.
    '''
    if c0 > pp.f(k0):
        print("initial consumption is not feasible")

        return None

    # initialize vectors of c and k
    c_vec = np.empty(T+1)
    k_vec = np.empty(T+2)

    c_vec[0] = c0
    k_vec[0] = k0

    for t in range(T):
        k_vec[t+1], c_vec[t+1] = pp.next_k_c(k_vec[t], c_vec[t])

    k_vec[T+1] = pp.f(k_vec[T]) + (1 - pp.δ) * k_vec[T] - c_vec[T]

    return c_vec, k_vec


@njit
def bisection(pp, c0, k0, T=10, tol=1e-4, max_iter=500, k_ter=0, verbose=True):

    # initial boundaries for guess c0
    c0_upper = pp.f(k0)
    c0_lower = 0

    i = 0
    while True:
        c_vec, k_vec = shooting(pp, c0, k0, T)
        error = k_vec[-1] - k_ter

        # check if the terminal condition is satisfied
        if np.abs(error) < tol:
            if verbose:
                print('Converged successfully on iteration ', i+1)
            return c_vec, k_vec

        i += 1
        if i == max_iter:
            if verbose:
                print('Convergence failed.')
            return c_vec, k_vec

        # if iteration continues, updates boundaries and guess of c0
        if error > 0:
            c0_lower = c0
        else:
            c0_upper = c0

        c0 = (c0_lower + c0_upper) / 2


@njit
def saving_rate(pp, c_path, k_path):
    'Given paths of c and k, computes the path of saving rate.'
    production = pp.f(k_path[:-1])

    return (production - c_path) / production

# ---- harness (not part of the program) ----
ENTRY = "bisection"


def inputs():
    # the lecture's exercise: `pp = PlanningProblem()` with its defaults,
    # k_ss = pp.f_prime_inv(1 / pp.β - 1 + pp.δ) (steady-state capital),
    # then plot_saving_rate(pp, 0.3, k_ss*1.5, [130], k_ter=k_ss, ...),
    # whose plot_paths calls bisection(pp, c0, k0, T, k_ter=k_ter,
    # verbose=False); passed positionally with bisection's own defaults
    # for tol and max_iter
    pp = PlanningProblem()
    ρ = 1 / pp.β - 1
    k_ss = pp.f_prime_inv(ρ+pp.δ)
    return (pp, 0.3, k_ss * 1.5, 130, 1e-4, 500, k_ss, False)
