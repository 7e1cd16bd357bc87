# Source: pysal/mapclassify mapclassify/classifiers.py (at commit 01855d67)
# Licence: BSD-3-Clause (mapclassify, LICENSE.txt; Copyright 2017 PySAL-mapclassify Developers)
# Notes: Fisher-Jenks natural breaks, the exact dynamic programme for optimal one-dimensional k-means clustering of sorted values (what FisherJenks(y, k) runs on np.sort(y)): an eager signature "f8[:](f8[:], u2)" with cache=True and a default argument (classes=5) on the signature's uint16 parameter, two (n+1, k+1) tables (int32 back-pointers, float32 costs) initialised with slice assignments including np.inf, a triple loop accumulating float32 sums (np.float32(...) conversions of float64 items, float32 arithmetic against float64 values), a backtracking loop with range(classes, 1, -1) and int() of table entries, a variable named `id`, kclass with dtype=values.dtype, and np.delete(kclass, 0) as the result. Kept from the module: its numpy/functools imports and the try/except that imports njit from numba (with the fallback decorator for when numba is missing); left out: the plain-Python classifiers (MapClassifier and its subclasses, the binning, k-means and table helpers) and the imports only they use (copy, warnings, scipy.stats, sklearn's KMeans)
import functools

import numpy as np

try:
    from numba import njit

    HAS_NUMBA = True
except ImportError:
    HAS_NUMBA = False

    def njit(type, cache):
        def decorator_njit(func):
            @functools.wraps(func)
            def wrapper_decorator(*args, **kwargs):
                return func(*args, **kwargs)

            return wrapper_decorator

        return decorator_njit


@njit("f8[:](f8[:], u2)", cache=True)
def _fisher_jenks_means(values, classes=5):
    """
    Jenks Optimal (Natural Breaks) algorithm implemented in Python.

    Notes
    -----
    The original Python code comes from here:
    http://danieljlewis.org/2010/06/07/jenks-natural-breaks-algorithm-in-python/
    and is based on a JAVA and Fortran code available here:
    https://stat.ethz.ch/pipermail/r-sig-geo/2006-March/000811.html

    Returns class breaks such that classes are internally homogeneous while
    assuring heterogeneity among classes.

    """
    n_data = len(values)
    mat1 = np.zeros((n_data + 1, classes + 1), dtype=np.int32)
    mat2 = np.zeros((n_data + 1, classes + 1), dtype=np.float32)
    mat1[1, 1:] = 1
    mat2[2:, 1:] = np.inf

    v = np.float32(0)
    for _l in range(2, len(values) + 1):
        s1 = np.float32(0)
        s2 = np.float32(0)
        w = np.float32(0)
        for m in range(1, _l + 1):
            i3 = _l - m + 1
            val = np.float32(values[i3 - 1])
            s2 += val * val
            s1 += val
            w += np.float32(1)
            v = s2 - (s1 * s1) / w
            i4 = i3 - 1
            if i4 != 0:
                for j in range(2, classes + 1):
                    if mat2[_l, j] >= (v + mat2[i4, j - 1]):
                        mat1[_l, j] = i3
                        mat2[_l, j] = v + mat2[i4, j - 1]
        mat1[_l, 1] = 1
        mat2[_l, 1] = v

    k = len(values)

    kclass = np.zeros(classes + 1, dtype=values.dtype)
    kclass[classes] = values[len(values) - 1]
    kclass[0] = values[0]
    for countNum in range(classes, 1, -1):
        pivot = mat1[k, countNum]
        id = int(pivot - 2)
        kclass[countNum - 1] = values[id]
        k = int(pivot - 1)
    return np.delete(kclass, 0)

# ---- harness (not part of the program) ----
ENTRY = "_fisher_jenks_means"


def inputs():
    # what FisherJenks(y, k=5) hands over: the sorted values, here 300
    # skewed, clustered positive values (five lognormal groups, like the
    # employment densities of mapclassify's calemp example), and k = 5
    rng = np.random.default_rng(0)
    centres = np.array([2.0, 3.0, 4.0, 5.0, 6.5])
    y = np.concatenate([rng.lognormal(c, 0.25, 60) for c in centres])
    values = np.sort(y)
    return (values, 5)
