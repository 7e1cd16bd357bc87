# dict_count_numba.py - Numba twin of dict_count.weft: the values of an
# array counted in a dict, and the distinct ones in a set.
# Usage: /usr/bin/python3 dict_count_numba.py N REPS; prints "median_seconds check"
from numba import njit
from numba import types
from numba.typed import Dict
import numpy as np
import sys, time


@njit
def counted(a):
    counts = Dict.empty(key_type=types.int64, value_type=types.int64)
    for x in a:
        counts[x] = counts.get(x, 0) + 1
    best = 0
    for k, v in counts.items():
        if v > best:
            best = v
    return len(counts) * 1000 + best


@njit
def distinct(a):
    seen = set()
    for x in a:
        if x % 3 != 0:
            seen.add(x)
    return len(seen)


@njit
def both(a):
    return counted(a) + distinct(a)


n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000000
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 7
a = np.arange(n) * 7919 % 100003
c = both(a)   # warm-up
times = np.zeros(reps)
for r in range(reps):
    t0 = time.perf_counter()
    c = both(a)
    times[r] = time.perf_counter() - t0
print(np.median(times), c)
