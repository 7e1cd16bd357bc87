# Source: nicoloval/NEMtropy src/NEMtropy/models_functions.py (at commit 39dee8d5)
# Licence: GPL-3.0-or-later (NEMtropy, LICENSE.txt; Copyright (C) 2020 Leonardo Niccolò Ialongo, Emiliano Marchese)
# Notes: the undirected binary configuration model (UBCM) of NEMtropy, a package of maximum-entropy null models for networks (network science): the fixed-point iteration for the node fitnesses x that reproduce a degree sequence, its log-likelihood, gradient, Hessian and Hessian diagonal, all over degree classes (unique degrees k with multiplicities c, passed as a tuple args unpacked with args[0]/args[1]) with loops over np.arange(n), `if fx:` on a float accumulator started as int 0, and the same set in the exponential parametrisation theta = -log x; a line search for the fixed-point step that receives a heterogeneous tuple (array, array, array, float, float, int), takes min over the non-negative entries of an array expression, and loops while `cond is False` (and, in the exponential version, `not cond`) on np.linalg.norm comparisons; the expected degrees of the solution, and the plain-Python probability matrix. Pasted: the file's numpy/numba imports and its "UBCM functions" and "UBCM exponential functions" sections as published, without linsearch_fun_CM and linsearch_fun_CM_exp, which call sof.sufficient_decrease_condition from solver_functions.py (the `from . import solver_functions as sof` import and `from bicm.models_functions import *` are left out), and without the UECM/DBCM/... sections that follow. The harness solves the UBCM for a 60-node random graph with heterogeneous degrees as NEMtropy's fixed-point solver does (degree reduction, 150 damped fixed-point steps with the line search, then 40 steps in theta), and evaluates every function at the solution
import numpy as np
from numba import jit, prange


# UBCM functions
# --------------


@jit(nopython=True)
def iterative_cm(x, args):
    """Returns the next UBCM iterative step for the fixed-point method.

    :param x: Previous iterative step.
    :type x: numpy.ndarray
    :param args: Degrees and classes cardinality sequences.
    :type args: (numpy.ndarray, numpy.ndarray)
    :return: Next iterative step.
    :rtype: numpy.ndarray
    """
    k = args[0]
    c = args[1]
    n = len(k)
    f = np.zeros_like(k, dtype=np.float64)
    for i in np.arange(n):
        fx = 0
        for j in np.arange(n):
            if i == j:
                fx += (c[j] - 1) * (x[j] / (1 + x[j] * x[i]))
            else:
                fx += (c[j]) * (x[j] / (1 + x[j] * x[i]))
        if fx:
            f[i] = k[i] / fx
    return f


@jit(nopython=True)
def loglikelihood_cm(x, args):
    """Returns UBCM loglikelihood function evaluated in x.

    :param x: Evaluating point *x*.
    :type x: numpy.ndarray
    :param args: Arguments to define the loglikelihood function.
        Degrees and classes cardinality sequences.
    :type args: (numpy.ndarray, numpy.ndarray)
    :return: Loglikelihood value.
    :rtype: float
    """
    k = args[0]
    c = args[1]
    n = len(k)
    f = 0.0
    for i in np.arange(n):
        f += c[i] * k[i] * np.log(x[i])
        for j in np.arange(n):
            if i == j:
                f -= (c[i] * (c[i] - 1) * np.log(1 + (x[i]) ** 2)) / 2
            else:
                f -= (c[i] * c[j] * np.log(1 + x[i] * x[j])) / 2
    return f


@jit(nopython=True)
def loglikelihood_prime_cm(x, args):
    """Returns UBCM loglikelihood gradient function evaluated in x.

    :param x: Evaluating point *x*.
    :type x: numpy.ndarray
    :param args: Arguments to define the loglikelihood gradient function.
        Degrees and classes cardinality sequences.
    :type args: (numpy.ndarray, numpy.ndarray)
    :return: Loglikelihood gradient.
    :rtype: float
    """
    k = args[0]
    c = args[1]
    n = len(k)
    f = np.zeros_like(k, dtype=np.float64)
    for i in np.arange(n):
        f[i] += c[i] * k[i] / x[i]
        for j in np.arange(n):
            if i == j:
                f[i] -= c[i] * (c[j] - 1) * (x[j] / (1 + (x[j] ** 2)))
            else:
                f[i] -= c[i] * c[j] * (x[j] / (1 + x[i] * x[j]))
    return f


@jit(nopython=True)
def loglikelihood_hessian_cm(x, args):
    """Returns UBCM loglikelihood hessian function evaluated in x.

    :param x: Evaluating point *x*.
    :type x: numpy.ndarray
    :param args: Arguments to define the loglikelihood hessian function.
        Degrees and classes cardinality sequences.
    :type args: (numpy.ndarray, numpy.ndarray)
    :return: Loglikelihood hessian matrix.
    :rtype: numpy.ndarray
    """
    k = args[0]
    c = args[1]
    n = len(k)
    f = np.zeros(shape=(n, n), dtype=np.float64)
    for i in np.arange(n):
        for j in np.arange(i, n):
            if i == j:
                aux_f = -k[i] / (x[i] * x[i]) * c[i]
                for h in range(n):
                    if i == h:
                        aux = 1 + x[h] * x[h]
                        aux_f += ((x[h] * x[h]) /
                                  (aux * aux)) * c[i] * (c[h] - 1)
                    else:
                        aux = 1 + x[i] * x[h]
                        aux_f += ((x[h] * x[h]) / (aux * aux)) * c[i] * c[h]
            else:
                aux = 1 + x[i] * x[j]
                aux_f = ((x[j] * x[j] - aux) / (aux * aux)) * c[i] * c[j]

            f[i, j] = aux_f
            f[j, i] = aux_f
    return f


@jit(nopython=True)
def loglikelihood_hessian_diag_cm(x, args):
    """Returns the diagonal of the UBCM loglikelihood hessian function
    evaluated in x.

    :param x: Evaluating point *x*.
    :type x: numpy.ndarray
    :param args: Arguments to define the loglikelihood hessian function.
        Degrees and classes cardinality sequences.
    :type args: (numpy.ndarray, numpy.ndarray)
    :return: Loglikelihood hessian diagonal.
    :rtype: numpy.ndarray
    """
    k = args[0]
    c = args[1]
    n = len(k)
    f = np.zeros(n, dtype=np.float64)
    for i in np.arange(n):
        f[i] -= k[i] / (x[i] * x[i]) * c[i]
        for j in np.arange(n):
            if i == j:
                aux = 1 + x[j] * x[j]
                f[i] += ((x[j] * x[j]) / (aux * aux)) * c[i] * (c[j] - 1)
            else:
                aux = 1 + x[i] * x[j]
                f[i] += ((x[j] * x[j]) / (aux * aux)) * c[i] * c[j]
    return f


def pmatrix_cm(x, args):
    """Computes and returns the probability matrix induced by UBCM.

    :param x: Solutions of UBCM.
    :type x: numpy.ndarray
    :param args: Number of nodes.
    :type args: (int, )
    :return: UBCM probability matrix.
    :rtype: numpy.ndarray
    """
    n = args[0]
    f = np.zeros(shape=(n, n), dtype=np.float64)
    for i in np.arange(n):
        for j in np.arange(i + 1, n):
            aux = x[i] * x[j]
            aux1 = aux / (1 + aux)
            f[i, j] = aux1
            f[j, i] = aux1
    return f


@jit(nopython=True)
def linsearch_fun_CM_fixed(xx):
    """Linsearch function for UBCM fixed-point method.
    The function returns the step's size, alpha.
    Alpha determines how much to move on the descending direction
    found by the algorithm.

    :param xx: Tuple of arguments to find alpha:
        solution, solution step, tuning parameter beta,
        initial alpha, step.
    :type xx: (numpy.ndarray, numpy.ndarray, float, float, int)
    :return: Working alpha.
    :rtype: float
    """
    x = xx[0]
    dx = xx[1]
    dx_old = xx[2]
    alfa = xx[3]
    beta = xx[4]
    step = xx[5]

    eps2 = 1e-2
    alfa0 = (eps2 - 1) * x / dx
    for a in alfa0:
        if a >= 0:
            alfa = min(alfa, a)

    if step:
        kk = 0
        cond = np.linalg.norm(alfa*dx) < np.linalg.norm(dx_old)
        while(
            cond is False
            and kk < 50
             ):
            alfa *= beta
            kk += 1
            cond = np.linalg.norm(alfa*dx) < np.linalg.norm(dx_old)
    return alfa


@jit(nopython=True)
def expected_degree_cm(sol):
    """Computes the expected degrees of UBCM given the solution x.

    :param sol: UBCM solutions.
    :type sol: numpy.ndarray
    :return: Expected degrees sequence.
    :rtype: numpy.ndarray
    """
    ex_k = np.zeros_like(sol, dtype=np.float64)
    n = len(sol)
    for i in np.arange(n):
        for j in np.arange(n):
            if i != j:
                aux = sol[i] * sol[j]
                # print("({},{}) p = {}".format(i,j,aux/(1+aux)))
                ex_k[i] += aux / (1 + aux)
    return ex_k

# UBCM exponential functions
# --------------------------


@jit(nopython=True)
def iterative_cm_exp(x, args):
    """Returns the next UBCM iterative step for the fixed-point method.
    It is based on the exponential version of the UBCM.

    :param x: Previous iterative step.
    :type x: numpy.ndarray
    :param args: Degrees and classes cardinality sequences.
    :type args: (numpy.ndarray, numpy.ndarray)
    :return: Next iterative step.
    :rtype: numpy.ndarray
    """
    k = args[0]
    c = args[1]
    n = len(k)
    x1 = np.exp(-x)
    f = np.zeros_like(k, dtype=np.float64)
    for i in np.arange(n):
        fx = 0
        for j in np.arange(n):
            if i == j:
                fx += (c[j] - 1) * (x1[j] / (1 + x1[j] * x1[i]))
            else:
                fx += (c[j]) * (x1[j] / (1 + x1[j] * x1[i]))
        if fx:
            f[i] = -np.log(k[i] / fx)

    return f


@jit(nopython=True)
def loglikelihood_cm_exp(x, args):
    """Returns UBCM loglikelihood function evaluated in x.
    It is based on the exponential version of the UBCM.

    :param x: Evaluating point *x*.
    :type x: numpy.ndarray
    :param args: Arguments to define the loglikelihood function.
        Degrees and classes cardinality sequences.
    :type args: (numpy.ndarray, numpy.ndarray)
    :return: Loglikelihood value.
    :rtype: float
    """
    k = args[0]
    c = args[1]
    n = len(k)
    x1 = np.exp(-x)
    f = 0.0
    for i in np.arange(n):
        f -= c[i] * k[i] * x[i]
        for j in np.arange(n):
            if i == j:
                f -= (c[i] * (c[i] - 1) * np.log(1 + (x1[i]) ** 2)) / 2
            else:
                f -= (c[i] * c[j] * np.log(1 + x1[i] * x1[j])) / 2
    return f


@jit(nopython=True)
def loglikelihood_prime_cm_exp(x, args):
    """Returns UBCM loglikelihood gradient function evaluated in beta.
    It is based on the exponential version of the UBCM.

    :param x: Evaluating point *x*.
    :type x: numpy.ndarray
    :param args: Arguments to define the loglikelihood gradient function.
        Degrees and classes cardinality sequences.
    :type args: (numpy.ndarray, numpy.ndarray)
    :return: Loglikelihood gradient.
    :rtype: float
    """
    k = args[0]
    c = args[1]
    n = len(k)
    x1 = np.exp(-x)
    f = np.zeros_like(k, dtype=np.float64)
    for i in np.arange(n):
        f[i] -= c[i]*k[i]
        for j in np.arange(n):
            if i == j:
                aux = x1[i] ** 2
                f[i] += c[i] * (c[i] - 1) * (aux / (1 + aux))
            else:
                aux = x1[i] * x1[j]
                f[i] += c[i] * c[j] * (aux / (1 + aux))
    return f


@jit(nopython=True)
def loglikelihood_hessian_cm_exp(x, args):
    """Returns UBCM loglikelihood hessian function evaluated in beta.
    It is based on the exponential version of the UBCM.

    :param x: Evaluating point *x*.
    :type x: numpy.ndarray
    :param args: Arguments to define the loglikelihood hessian function.
        Degrees and classes cardinality sequences.
    :type args: (numpy.ndarray, numpy.ndarray)
    :return: Loglikelihood hessian matrix.
    :rtype: numpy.ndarray
    """
    k = args[0]
    c = args[1]
    n = len(k)
    x1 = np.exp(-x)
    f = np.zeros(shape=(n, n), dtype=np.float64)
    for i in np.arange(n):
        for j in np.arange(i, n):
            if i == j:
                aux_f = 0
                for h in range(n):
                    if i == h:
                        aux = x1[h] ** 2
                        aux_f -= (aux / (1 + aux) ** 2) * c[i] * (c[h] - 1)
                    else:
                        aux = x1[i] * x1[h]
                        aux_f -= ((aux) / (1 + aux) ** 2) * c[i] * c[h]
            else:
                aux = x1[i] * x1[j]
                aux_f = -((aux) / (1 + aux) ** 2) * c[i] * c[j]

            f[i, j] = aux_f
            f[j, i] = aux_f
    return f


@jit(nopython=True)
def loglikelihood_hessian_diag_cm_exp(x, args):
    """Returns the diagonal of the UBCM loglikelihood hessian function
    evaluated in x.
    It is based on the exponential version of the UBCM.

    :param x: Evaluating point *x*.
    :type x: numpy.ndarray
    :param args: Arguments to define the loglikelihood hessian function.
        Degrees and classes cardinality sequences.
    :type args: (numpy.ndarray, numpy.ndarray)
    :return: Loglikelihood hessian diagonal.
    :rtype: numpy.ndarray
    """
    k = args[0]
    c = args[1]
    n = len(k)
    x1 = np.exp(-x)
    f = np.zeros(n, dtype=np.float64)
    for i in np.arange(n):
        for j in np.arange(n):
            if i == j:
                aux = x1[j] ** 2
                f[i] -= (aux / (1 + aux)) * c[i] * (c[j] - 1)
            else:
                aux = x1[i] * x1[j]
                f[i] -= (aux / (1 + aux)) * c[i] * c[j]
    return f


@jit(nopython=True)
def linsearch_fun_CM_exp_fixed(xx):
    """Linsearch function for UBCM fixed-point method.
    The function returns the step's size, alpha.
    Alpha determines how much to move on the descending direction
    found by the algorithm.
    This function works on UBCM exponential version.

    :param xx: Tuple of arguments to find alpha:
        solution, solution step, tuning parameter beta,
        initial alpha, step.
    :type xx: (numpy.ndarray, numpy.ndarray, float, float, int)
    :return: Working alpha.
    :rtype: float
    """
    dx = xx[1]
    dx_old = xx[2]
    alfa = xx[3]
    beta = xx[4]
    step = xx[5]

    if step:
        kk = 0
        cond = np.linalg.norm(alfa*dx) < np.linalg.norm(dx_old)
        while(
            not cond
            and kk < 50
             ):
            alfa *= beta
            kk += 1
            cond = np.linalg.norm(alfa*dx) < np.linalg.norm(dx_old)
    # print(alfa)
    return alfa
# ---- harness (not part of the program) ----
ENTRY = "run_ubcm"


def run_ubcm(degrees):
    # degree reduction as NEMtropy's UndirectedGraph does: unique degrees and multiplicities
    k, c = np.unique(degrees, return_counts=True)
    k = k.astype(np.float64)
    c = c.astype(np.float64)
    args = (k, c)
    n_nodes = degrees.size
    x = k / np.sqrt(k.sum())
    dx_old = np.zeros_like(x)
    alfas = []
    for it in range(150):
        x_new = iterative_cm(x, args)
        dx = x_new - x
        alfa = linsearch_fun_CM_fixed((x, dx, dx_old, 1.0, 0.5, it))
        alfas.append(alfa)
        x = x + alfa * dx
        dx_old = dx
    theta = -np.log(x) + 0.05
    thetas = []
    dt_old = np.full_like(theta, 10.0)
    for it in range(40):
        t_new = iterative_cm_exp(theta, args)
        dt = t_new - theta
        a = linsearch_fun_CM_exp_fixed((theta, dt, dt_old, 1.0, 0.5, it))
        theta = theta + a * dt
        dt_old = dt
        thetas.append(a)
    # back to node level, as the solution is expanded over the reduced degree classes
    idx = np.searchsorted(k, degrees)
    x_nodes = x[idx]
    return (x, loglikelihood_cm(x, args), loglikelihood_prime_cm(x, args),
            loglikelihood_hessian_cm(x, args), loglikelihood_hessian_diag_cm(x, args),
            theta, loglikelihood_cm_exp(theta, args), loglikelihood_prime_cm_exp(theta, args),
            loglikelihood_hessian_cm_exp(theta, args), loglikelihood_hessian_diag_cm_exp(theta, args),
            expected_degree_cm(x_nodes), pmatrix_cm(x_nodes, (n_nodes,)),
            np.array(alfas), np.array(thetas))


def inputs():
    rng = np.random.default_rng(0)
    n = 60
    a = (rng.random((n, n)) < np.outer(np.linspace(0.05, 0.5, n), np.linspace(0.05, 0.5, n)) * 1.6)
    a = np.triu(a, 1)
    a = a | a.T
    degrees = a.sum(axis=1).astype(np.int64)
    degrees[degrees == 0] = 1
    return (degrees,)
