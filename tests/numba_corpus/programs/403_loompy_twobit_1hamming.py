# Source: linnarsson-lab/loompy loompy/bus_file.py (release 3.0.7)
# Licence: BSD-2-Clause (loompy; "Files: * Copyright: 2016 Linnarsson Lab, License: BSD-2-Clause" in the package's copyright file)
# Notes: 2-bit packing of DNA cell barcodes and the enumeration of all barcodes at Hamming distance 1, used to correct sequencing errors in the cell barcodes of a BUS file against a whitelist (string hashing / compression of sequences): twobit_1hamming (@jit, compiled in nopython mode) walks the `size` 2-bit fields of a packed barcode from the most significant end, extracts each base with shifts and masks, and appends the three alternatives, built by clearing the field with & ~(3 << k) and or-ing the new base in, to a list it returns. Pasted: the import lines the pasted code uses (math.lgamma, typing, numpy, numba.jit), multinomial_distance (copied there from cytograph: @jit with a float32(float64[:], float64[:]) signature, parallel=True, a lgamma loop), the two lookup dicts and the jitted twobit_to_dna, dna_to_twobit and twobit_1hamming, verbatim (tab-indented as published); left out: the rest of the module (the BusFile class, sparse matrix builder, sample metadata and shell helpers); the harness passes what BusFile.correct passes: int(bc) for a 16-bp 10x barcode packed two bits per base (A=0, C=1, G=2, T=3, first base most significant) and size = 16
from math import lgamma
from typing import Dict, Generator, List, Optional, Tuple
import numpy as np
from numba import jit


# Copied from cytograph
@jit("float32(float64[:], float64[:])", nopython=True, parallel=True, nogil=True)
def multinomial_distance(p: np.ndarray, q: np.ndarray) -> float:
	N = p.shape[0]
	p_sum = p.sum()
	q_sum = q.sum()
	x = lgamma(N) + lgamma(p_sum + q_sum + N) - lgamma(p_sum + N) - lgamma(q_sum + N)
	for k in range(N):
		x += lgamma(p[k] + 1) + lgamma(q[k] + 1) - lgamma(1) - lgamma(p[k] + q[k] + 1)
	x = np.exp(x)
	return 1 - 1 / (1 + x)


twobit_to_dna_table = {0: "A", 1: "C", 2: "G", 3: "T"}
dna_to_twobit_table = {"A": 0, "C": 1, "G": 2, "T": 3}


@jit
def twobit_to_dna(twobit: int, size: int) -> str:
	result = []
	for i in range(size):
		x = (twobit & (3 << 2 * i)) >> 2 * i
		if x == 0:
			result.append("A")
		elif x == 1:
			result.append("C")
		elif x == 2:
			result.append("G")
		elif x == 3:
			result.append("T")
	result.reverse()
	return "".join(result)


@jit
def dna_to_twobit(dna: str) -> int:
	x = 0
	for nt in dna:
		if nt == "A":
			x += 0
		elif nt == "C":
			x += 1
		elif nt == "G":
			x += 2
		elif nt == "T":
			x += 3
		x <<= 2
	x >>= 2
	return x


@jit
def twobit_1hamming(twobit: int, size: int) -> List[int]:
	result = []
	for i in range(size):
		x = (twobit >> 2 * (size - i - 1)) & 3
		for j in range(4):
			if x == j:
				continue
			result.append(twobit & ~(3 << 2 * (size - i - 1)) | (j << 2 * (size - i - 1)))
	return result
# ---- harness (not part of the program) ----
ENTRY = "twobit_1hamming"


def inputs():
    # a random 16-bp cell barcode read, packed as dna_to_twobit packs it
    rng = np.random.default_rng(0)
    barcode = "".join(rng.choice(list("ACGT"), 16))
    code = {"A": 0, "C": 1, "G": 2, "T": 3}
    x = 0
    for nt in barcode:
        x = (x << 2) | code[nt]
    return (x, 16)
