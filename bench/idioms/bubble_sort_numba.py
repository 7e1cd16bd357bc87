# bubble_sort_numba.py - Numba twin of bubble_sort.weft: bubble sort of a copy
# of an n-element float array (serial double loop, tuple-assignment swap,
# a.copy() inside the jitted function).
# Usage: /usr/bin/python3 bubble_sort_numba.py N REPS; prints "median_seconds check"
from numba import njit, prange
import numpy as np
import sys, time


@njit
def bubble_sort(a):
    b = a.copy()
    n = len(b)
    for i in range(n - 1):
        for j in range(n - 1 - i):
            if b[j] > b[j + 1]:
                b[j], b[j + 1] = b[j + 1], b[j]
    return b


n = int(sys.argv[1]) if len(sys.argv) > 1 else 12000
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 7
a = np.arange(n) * 7919 % 100003 / 100003.0
b = bubble_sort(a)   # warm-up
times = np.zeros(reps)
for r in range(reps):
    t0 = time.perf_counter()
    b = bubble_sort(a)
    times[r] = time.perf_counter() - t0
print(np.median(times), np.sum(b * (np.arange(n) + 1)) / n)
