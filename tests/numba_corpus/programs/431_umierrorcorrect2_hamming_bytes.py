# Source: sfilges/umierrorcorrect2 umierrorcorrect2/core/umi_cluster.py (at commit 5b2c29e9)
# Licence: MIT (umierrorcorrect2, pyproject.toml `license = "MIT"`; Stefan Filges, Tobias Osterlund)
# Notes: the Hamming distance between two equal-length UMI barcodes (unique molecular identifiers of amplicon sequencing reads) that UMI clustering compares pairwise (bioinformatics): _hamming_numba_core (@njit(cache=True), defined inside an `if _HAS_NUMBA:` block after a try/except import of numba) loops over two Python bytes objects, indexing them as uint8 sequences; the plain-Python wrapper _hamming_numba passes a.encode() and b.encode(). Pasted: the module's `from operator import ne`, the guarded numba import, _hamming_native and the `if _HAS_NUMBA:` block verbatim; left out: the logging import and logger, the umi_cluster dataclass, _hamming_original and the plain-Python clustering functions (create_substring_matrix, get_adj_matrix_from_substring, cluster_barcodes, get_connected_components, merge_clusters) and the imports only they use (itertools, collections.abc, dataclasses, the package constants); the harness passes the encoded bytes of two 12-base UMIs as the wrapper does
from operator import ne

# Try to import numba for JIT-compiled hamming distance
try:
    from numba import njit

    _HAS_NUMBA = True
except Exception:  # Catch ImportError and other initialization errors (e.g. from llvmlite)
    _HAS_NUMBA = False


def _hamming_native(a: str, b: str) -> int:
    """Optimized native Python hamming distance using map."""
    return sum(map(ne, a, b))


if _HAS_NUMBA:

    @njit(cache=True)
    def _hamming_numba_core(a: bytes, b: bytes) -> int:
        """Numba JIT-compiled hamming distance for byte sequences."""
        count = 0
        for i in range(len(a)):
            if a[i] != b[i]:
                count += 1
        return count

    def _hamming_numba(a: str, b: str) -> int:
        """Numba-accelerated hamming distance wrapper."""
        return _hamming_numba_core(a.encode(), b.encode())

    hamming_distance = _hamming_numba
    _HAMMING_IMPL = "numba"
else:
    hamming_distance = _hamming_native
    _HAMMING_IMPL = "native"
# ---- harness (not part of the program) ----
ENTRY = "_hamming_numba_core"


def inputs():
    # two 12-nt UMIs differing at two positions, encoded as the wrapper does
    a = "ACGTTGCAAGTC"
    b = "ACGTAGCAAGTA"
    return (a.encode(), b.encode())
