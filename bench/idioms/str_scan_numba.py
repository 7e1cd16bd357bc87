# str_scan_numba.py - Numba twin of str_scan.weft: a DNA string's GC
# content, the matches of a pattern and a Hamming distance.
# Usage: /usr/bin/python3 str_scan_numba.py N REPS; prints "median_seconds check"
from numba import njit
import numpy as np
import sys, time


@njit
def gc_count(seq):
    n = 0
    for c in seq:
        if c == "G" or c == "C":
            n += 1
    return n


@njit
def pattern_count(seq, pat):
    n = 0
    k = seq.find(pat, 0)
    while k >= 0:
        n += 1
        k = seq.find(pat, k + 1)
    return n


@njit
def hamming(a, b):
    d = 0
    for i in range(len(a)):
        if a[i] != b[i]:
            d += 1
    return d


@njit
def scan(seq):
    h = len(seq) // 2
    return gc_count(seq) + pattern_count(seq, "GATA") * 7 + \
        hamming(seq[:h], seq[h:2 * h]) * 13


n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000000
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 7
seq = "GATTACAGGCTAGATAACGT" * (n // 20)
c = scan(seq)   # warm-up
times = np.zeros(reps)
for r in range(reps):
    t0 = time.perf_counter()
    c = scan(seq)
    times[r] = time.perf_counter() - t0
print(np.median(times), c)
