#!/usr/bin/env bash
# run.sh - Weft's benchmarks against NumPy, Numba and C++/OpenBLAS,
# measured side by side in one run. Usage: bench/run.sh [N] [REPS]
# Needs the build (tools/dev.sh build) and Debian's python3-numpy,
# python3-numba and libopenblas-dev.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WEFT="${WEFT:-$ROOT/build/bin/weft}"
PY=/usr/bin/python3
N="${1:-1000}"
REPS="${2:-5}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

g++ -O3 -march=native -o "$TMP/matmul_blas" "$ROOT/bench/matmul_blas.cpp" \
  -lopenblas

first() { awk '{print $1}'; }
t_weft=$("$WEFT" run "$ROOT/bench/matmul.weft" -- "$N" "$REPS" | first)
t_weft_loops=$(WEFT_BLAS=none "$WEFT" run "$ROOT/bench/matmul.weft" -- "$N" \
  "$REPS" | first)
t_numpy=$("$PY" "$ROOT/bench/matmul_numpy.py" "$N" "$REPS" | first)
t_numba=$("$PY" "$ROOT/bench/matmul_numba.py" "$N" "$REPS" | first)
t_blas=$("$TMP/matmul_blas" "$N" "$REPS" | first)

echo "matrix product ${N}x${N} f64, best of ${REPS} (seconds; ratio = time / OpenBLAS)"
printf "%-28s %10s %8s\n" "implementation" "seconds" "ratio"
row() { printf "%-28s %10.4f %8.2f\n" "$1" "$2" "$(echo "$2 / $t_blas" | bc -l)"; }
row "C++ cblas_dgemm (OpenBLAS)" "$t_blas"
row "weft a @ b" "$t_weft"
row "weft loops (WEFT_BLAS=none)" "$t_weft_loops"
row "NumPy a @ b" "$t_numpy"
row "Numba @njit a @ b" "$t_numba"
