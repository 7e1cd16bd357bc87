# Source: RoberAgro/nurbspy nurbspy/nurbs_basis_functions.py (at commit de3843ae)
# Licence: MIT (nurbspy, LICENSE; Copyright (c) 2020 Roberto Agromayor)
# Notes: the numerical core of nurbspy, a NURBS curve and surface library (computational geometry / CAD for turbomachinery design): compute_basis_polynomials evaluates all n+1 B-spline basis polynomials of degree p at a vector of parameters by the Cox-de Boor recursion written directly from eq. 2.5 of The NURBS Book (a (p+1, m, Nu) table built level by level, u = np.asarray(u * 1.0) so that real or complex u both work, np.real() comparisons of u with knots turned into 0/1 floats by multiplying booleans, np.logical_and of an array with a scalar bool for the u == U[-1] end case, zero-width knot spans skipped by convention, an Ellipsis store N[k, i, ...], an optional return_degree=None argument chosen with a conditional expression), and compute_basis_polynomials_derivatives computes their derivatives of any order by recursing on itself with the degree lowered by one (eqs. 2.7 and 2.9), both @nb.jit(nopython=True, cache=True). Pasted: the whole module verbatim. The NurbsCurve / NurbsSurface classes that call these two functions are plain Python with matplotlib plotting and are left out; the harness does what NurbsCurve.compute_nurbs_coordinates and compute_bspline_coordinates do (homogeneous control points times the basis matrix, then the perspective division): it evaluates a clamped cubic NURBS curve with 7 weighted 2-D control points and a repeated interior knot at 101 parameters, the derivatives of the basis up to order 3, the degree-1 basis through return_degree, the basis at complex parameters u + ih (the complex-step derivative nurbspy supports), a quartic basis on a uniform clamped knot vector, and a NURBS quarter circle (weights 1, 1/sqrt(2), 1) whose radius must come out as 1
# -------------------------------------------------------------------------------------------------------------------- #
# Import packages
# -------------------------------------------------------------------------------------------------------------------- #
import numpy as np
import numba as nb


# -------------------------------------------------------------------------------------------------------------------- #
# Compute the basis polynomials
# -------------------------------------------------------------------------------------------------------------------- #
@nb.jit(nopython=True, cache=True)
def compute_basis_polynomials(n, p, U, u, return_degree=None):

    """ Evaluate the n-th B-Spline basis polynomials of degree ´p´ for the input u-parametrization

    The basis polynomials are computed from their definition by implementing equation 2.5 directly

    Parameters
    ----------
    n : integer
        Highest index of the basis polynomials (n+1 basis polynomials)

    p : integer
        Degree of the basis polynomials

    U : ndarray with shape (r+1=n+p+2,)
        Knot vector of the basis polynomials
        Set the multiplicity of the first and last entries equal to ´p+1´ to obtain a clamped spline

    u : scalar or ndarray with shape (Nu,)
        Parameter used to evaluate the basis polynomials (real or complex!)

    return_degree : int
        Degree of the returned basis polynomials

    Returns
    -------
    N : ndarray with shape (n+1, Nu)
        Array containing the basis polynomials of order ´p´ evaluated at ´u´
        The first dimension of ´N´ spans the n-th polynomials
        The second dimension of ´N´ spans the ´u´ parametrization sample points

    """

    # # Check the degree of the basis basis polynomials (not possible to compile with Numba yet)
    # if p < 0: raise Exception('The degree of the basis polynomials cannot be negative')
    #
    # # Check the number of basis basis polynomials (not possible to compile with Numba yet)
    # if p > n: raise Exception('The degree of the basis polynomials must be equal or lower than the number of basis polynomials')

    # Number of points where the polynomials are evaluated (vectorized computations)
    u = np.asarray(u * 1.0)     # Convert to array of floats
    Nu = u.size

    # Number of basis polynomials at the current step of the recursion
    m = n + p + 1

    # Initialize the array of basis polynomials
    N = np.zeros((p + 1, m, Nu), dtype=u.dtype)

    # First step of the recursion formula (p = 0)
    # The case when point_index==n and u==1 is an special case. See the NURBS book section 2.5 and algorithm A2.1
    # The np.real() operator is used such that the function extends to complex u-parameter as well
    for i in range(m):
        # N[0, i, :] = 0.0 + 1.0 * (u >= U[i]) * (u < U[i + 1])
        # N[0, i, :] = 0.0 + 1.0 * (u >= U[i]) * (u < U[i + 1]) + 1.00 * (np.logical_and(u == 1, i == n))
        N[0, i, :] = 0.0 + 1.0 * (np.real(u) >= U[i]) * (np.real(u) < U[i + 1]) + 1.00 * (np.logical_and(np.real(u) == U[-1], i == n))

    # Second and next steps of the recursion formula (p = 1, 2, ...)
    for k in range(1, p + 1):

        # Update the number of basis polynomials
        m = m - 1

        # Compute the basis polynomials using the de Boor recursion formula
        for i in range(m):

            # Compute first factor (avoid division by zero by convention)
            if (U[i + k] - U[i]) == 0:
                n1 = np.zeros((Nu,), dtype=u.dtype)
            else:
                n1 = (u - U[i]) / (U[i + k] - U[i]) * N[k - 1, i, :]

            # Compute second factor (avoid division by zero by convention)
            if (U[i + k + 1] - U[i + 1]) == 0:
                n2 = np.zeros((Nu,), dtype=u.dtype)
            else:
                n2 = (U[i + k + 1] - u) / (U[i + k + 1] - U[i + 1]) * N[k - 1, i + 1, :]

            # Compute basis polynomial (recursion formula 2.5)
            N[k, i, ...] = n1 + n2

    # Get the n+1 basis polynomials of the desired degree
    N = N[p, 0:n+1, :] if return_degree is None else N[return_degree, 0:n+1, :]


    # # Numba assertions
    # assert p >= 0    # The degree of the basis polynomials cannot be negative
    # assert p <= n    # The degree of the basis polynomials must be equal or lower than the number of basis polynomials

    return N



# -------------------------------------------------------------------------------------------------------------------- #
# Compute the derivatives of the basis polynomials
# -------------------------------------------------------------------------------------------------------------------- #
@nb.jit(nopython=True, cache=True)
def compute_basis_polynomials_derivatives(n, p, U, u, derivative_order):

    """ Evaluate the derivative of the n-th B-Spline basis polynomials of degree ´p´ for the input u-parametrization

    The basis polynomials derivatives are computed recursively by implementing equations 2.7 and 2.9 directly

    Parameters
    ----------
    n : integer
        Highest index of the basis polynomials (n+1 basis polynomials)

    p : integer
        Degree of the original basis polynomials

    U : ndarray with shape (r+1=n+p+2,)
        Knot vector of the basis polynomials
        Set the multiplicity of the first and last entries equal to ´p+1´ to obtain a clamped spline

    u : scalar or ndarray with shape (Nu,)
        Parameter used to evaluate the basis polynomials

    derivative_order : scalar
        Order of the basis polynomial derivatives

    Returns
    -------
    N_ders : ndarray with shape (n+1, Nu)
        Array containing the basis spline polynomials derivatives evaluated at ´u´
        The first dimension of ´N´ spans the n-th polynomials
        The second dimension of ´N´ spans the ´u´ parametrization sample points

    """

    # Check the number of derivative order (not possible to compile with Numba yet)
    # if derivative_order > p: raise Exception('The derivative order is higher than the degree of the basis polynomials')
    if derivative_order > p: print('The derivative order is higher than the degree of the basis polynomials')

    # Number of points where the polynomials are evaluated (vectorized computations)
    u = np.asarray(u * 1.0)     # Convert to array of floats
    Nu = u.size

    # Compute the basis polynomials to the right hand side of equation 2.9 recursively down to the zeroth derivative
    # Each new call reduces the degree of the basis polynomials by one
    if derivative_order >= 1:
        derivative_order -= 1
        N = compute_basis_polynomials_derivatives(n, p - 1, U, u, derivative_order)
    elif derivative_order == 0:
        N = compute_basis_polynomials(n, p, U, u)
        return N
    else:
        print('Oooopps, something went wrong in compute_basis_polynomials_derivatives()')
        N = compute_basis_polynomials(n, p, U, u)
        return N

    # Initialize the array of basis polynomial derivatives
    N_ders = np.zeros((n + 1, Nu), dtype=u.dtype)

    # Compute the derivatives of the (0, 1, ..., n) basis polynomials using equations 2.7 and 2.9
    for i in range(n + 1):

        # Compute first factor (avoid division by zero by convention)
        if (U[i + p] - U[i]) == 0:
            n1 = np.zeros(Nu, dtype=u.dtype)
        else:
            n1 = p * N[i, :] / (U[i + p] - U[i])

        # Compute second factor (avoid division by zero by convention)
        if (U[i + p + 1] - U[i + 1]) == 0:
            n2 = np.zeros(Nu, dtype=u.dtype)
        else:
            n2 = p * N[i + 1, :] / (U[i + p + 1] - U[i + 1])

        # Compute the derivative of the current basis polynomials
        N_ders[i, :] = n1 - n2

    return N_ders


# ---- harness (not part of the program) ----
ENTRY = "evaluate_nurbs"


def _nurbs_coordinates(P, W, p, U, u):
    # what NurbsCurve.compute_nurbs_coordinates does
    n = np.shape(P)[1] - 1
    N_basis = compute_basis_polynomials(n, p, U, u)
    P_w = np.concatenate((P * W[np.newaxis, :], W[np.newaxis, :]), axis=0)
    C_w = np.dot(P_w, N_basis)
    return C_w[0:-1, :] / C_w[-1, :]


def evaluate_nurbs(P, W, U, u, h):
    n = P.shape[1] - 1
    p = 3
    N = compute_basis_polynomials(n, p, U, u)
    C = _nurbs_coordinates(P, W, p, U, u)
    ders = [compute_basis_polynomials_derivatives(n, p, U, u, order) for order in (1, 2, 3)]
    N1 = compute_basis_polynomials(n, p, U, u, return_degree=1)
    Nc = compute_basis_polynomials(n, p, U, u + 1j * h)
    # quartic basis on a uniform clamped knot vector, 9 basis polynomials
    U4 = np.concatenate((np.zeros(4), np.linspace(0.0, 1.0, 6), np.ones(4)))
    N4 = compute_basis_polynomials(8, 4, U4, u)
    D4 = compute_basis_polynomials_derivatives(8, 4, U4, u, 2)
    # NURBS quarter circle
    Pq = np.array([[1.0, 1.0, 0.0], [0.0, 1.0, 1.0]])
    Wq = np.array([1.0, 1.0 / np.sqrt(2.0), 1.0])
    Uq = np.array([0.0, 0.0, 0.0, 1.0, 1.0, 1.0])
    Cq = _nurbs_coordinates(Pq, Wq, 2, Uq, u)
    radius = np.sqrt(Cq[0] ** 2 + Cq[1] ** 2)
    return (N, N.sum(axis=0), C, ders[0], ders[1], ders[2], N1, Nc.real,
            Nc.imag / h, N4, D4, Cq, radius)


def inputs():
    rng = np.random.default_rng(0)
    # 7 control points in 2-D, degree 3, clamped, one interior knot repeated twice
    P = np.cumsum(rng.normal(0.0, 1.0, (2, 7)), axis=1)
    W = rng.uniform(0.5, 2.0, 7)
    U = np.array([0.0, 0.0, 0.0, 0.0, 0.3, 0.55, 0.55, 1.0, 1.0, 1.0, 1.0])
    u = np.linspace(0.0, 1.0, 101)
    return (P, W, U, u, 1e-20)
