# list_append_numba.py - Numba twin of list_append.weft: the elements of an
# array that pass a test, appended to a list, and a worklist of append and
# pop.
# Usage: /usr/bin/python3 list_append_numba.py N REPS; prints "median_seconds check"
from numba import njit
import numpy as np
import sys, time


@njit
def kept(a, t):
    out = []
    for x in a:
        if x > t:
            out.append(x * 2.0)
    total = 0.0
    for y in out:
        total += y
    return total / len(out)


@njit
def worklist(n):
    stack = [n]
    count = 0
    while len(stack) > 0:
        x = stack.pop()
        count += 1
        if x > 1:
            stack.append(x // 2)
            stack.append(x // 3)
    return count


@njit
def both(a, n):
    return kept(a, 0.25) + float(worklist(n))


n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000000
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 7
a = np.arange(n) * 7919 % 100003 / 100003.0
c = both(a, n)   # warm-up
times = np.zeros(reps)
for r in range(reps):
    t0 = time.perf_counter()
    c = both(a, n)
    times[r] = time.perf_counter() - t0
print(np.median(times), c)
