# Source: pyccel/pyccel-benchmarks benchmarks/tests/numba_splines.py (at commit 3d21a5f2)
# Licence: MIT (pyccel-benchmarks, LICENSE; Copyright (c) 2022 Pyccel)
# Notes: B-spline evaluation (numerical analysis / CAD: de Boor basis functions, Algorithm A2.2 of The NURBS Book) as a Numba jitclass: @jitclass(spec) with a spec list of (name, numba type) pairs (int64, float64[:]) imported from numba and numba.experimental; a @property (degree) used inside other methods; _find_span does a binary search over the knot vector with a while loop on a compound `or` condition and if/elif/else into one return variable; _basis_funcs fills the non-zero basis values in an output array passed in (np.empty work arrays, nested loops with j-r indexing); eval enumerates the evaluation points, calls both methods on self and accumulates into y. Annotations are Pyccel type strings, ignored by Numba. Pasted: the whole module; the harness builds, as the Pyccel benchmark does, cubic and quintic splines on clamped uniform knot vectors with random coefficients, evaluates them at 500 sorted points (including both end points) into preallocated arrays and returns those arrays and the degree property
import numpy as np
from numba import int64, float64    # import the types
from numba.experimental import jitclass

spec = [
    ('_degree', int64),
    ('_knots', float64[:]),
    ('_coeffs', float64[:]),
]

@jitclass(spec)
class Spline:
    def __init__(self, degree : int, knots : 'float[:]', coeffs : 'float[:]'):
        self._degree = degree
        self._knots = knots
        self._coeffs = coeffs

    @property
    def degree(self):
        return self._degree

    def _basis_funcs(self, x: 'float', span: 'int', values: 'float[:]'):
        """ Compute non-zero basis functions at x following Algorithm A2.2
        from the NURBS book [1]. """
        left = np.empty(self.degree)
        right = np.empty(self.degree)

        values[0] = 1.0

        for j in range(0, self.degree):
            left[j] = x - self._knots[span-j]
            right[j] = self._knots[span+1+j] - x
            saved = 0.0

            for r in range(0, j+1):
                temp = values[r] / (right[r] + left[j-r])
                values[r] = saved + right[r] * temp
                saved = left[j-r] * temp

            values[j+1] = saved

    def eval(self, x : 'const float[:]', y : 'float[:]'):
        """ Evaluate spline at non-zero basis elements: sum_i N_i(x) * c_i.
        """
        basis = np.empty(self.degree+1)
        for i, xi in enumerate(x):
            span = self._find_span(xi)
            self._basis_funcs(xi, span, basis)

            # Evaluate the spline at xi
            y[i] = 0.0
            for j in range(self.degree+1):
                y[i] += self._coeffs[span-self.degree+j]*basis[j]

    def _find_span(self, x: float) -> int:
        # Knot index at left/right boundary
        low = self.degree
        high = len(self._knots)-1-self.degree

        # Check if point is exactly on left/right boundary, or outside domain
        if x <= self._knots[low]:
            returnVal = low
        elif x >= self._knots[high]:
            returnVal = high-1
        else:
            # Perform binary search
            span = (low+high)//2

            while x < self._knots[span] or x >= self._knots[span+1]:
                if x < self._knots[span]:
                    high = span
                else:
                    low = span
                span = (low+high)//2

            returnVal = span

        return returnVal
# ---- harness (not part of the program) ----
ENTRY = "run_splines"


def run_splines(x, coeffs3, coeffs5):
    out = []
    for degree, coeffs in ((3, coeffs3), (5, coeffs5)):
        ncells = coeffs.size - degree
        breaks = np.linspace(0.0, 1.0, ncells + 1)
        knots = np.concatenate((np.zeros(degree), breaks, np.ones(degree)))
        spline = Spline(degree, knots, coeffs)
        y = np.empty_like(x)
        spline.eval(x, y)
        out.append((spline.degree, y))
    return out


def inputs():
    # 500 sorted evaluation points in [0, 1] with both end points; 40 and 42 random coefficients
    rng = np.random.default_rng(0)
    x = np.sort(np.concatenate(([0.0, 1.0], rng.uniform(0.0, 1.0, 498))))
    return (x, rng.normal(0, 1, 40), rng.normal(0, 1, 42))
