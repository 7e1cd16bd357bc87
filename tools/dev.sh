#!/usr/bin/env bash
# dev.sh - set up, build, run and test Weft on Debian 12.
#
#   tools/dev.sh run FILE [-- ARGS]   install dependencies, build, run FILE
#   tools/dev.sh test                 install dependencies, build, run all tests
#   tools/dev.sh build                install dependencies and build
#   tools/dev.sh deps                 install dependencies only
#   tools/dev.sh bench [N] [REPS]     benchmarks against NumPy, Numba, C++
#
# Dependencies come from Debian's packages; installs use sudo only when not
# root and are skipped when already present. The build goes to ./build
# (override with WEFT_BUILD_DIR) with Ninja and ccache.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${WEFT_BUILD_DIR:-$ROOT/build}"
LLVM_PREFIX=/usr/lib/llvm-22

PACKAGES=(
  build-essential cmake ninja-build ccache git python3
  llvm-22-dev libmlir-22-dev mlir-22-tools llvm-22-tools libomp-22-dev
  catch2 zlib1g-dev libzstd-dev libedit-dev libcurl4-openssl-dev
  python3-numpy valgrind libopenblas-dev python3-pytest python3-dask
  python3-distributed libxxhash0
  # Headers for the Python package's C call path (weft._fastcall).
  python3-dev
  # What the static link of LLVM and MLIR into `weft` needs besides them.
  libffi-dev libncurses-dev
  # The oracle of tests/numba_corpus (and a peer of the benchmarks).
  python3-numba
)
# Peers measured by the benchmarks.
BENCH_PACKAGES=(bc hyperfine)

log() { echo "[dev.sh] $*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

deps() {
  local missing=()
  for p in "${PACKAGES[@]}" "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi
  log "installing: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

build() {
  deps
  if [ ! -f "$BUILD/build.ninja" ]; then
    log "configuring in $BUILD"
    cmake -S "$ROOT" -B "$BUILD" -G Ninja \
      -DCMAKE_BUILD_TYPE=Release \
      -DMLIR_DIR="$LLVM_PREFIX/lib/cmake/mlir" \
      -DLLVM_DIR="$LLVM_PREFIX/lib/cmake/llvm" \
      -DCMAKE_C_COMPILER_LAUNCHER=ccache \
      -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
  fi
  log "building"
  cmake --build "$BUILD" -- -j"${WEFT_JOBS:-$(nproc)}"
}

cmd="${1:-}"
shift || true
case "$cmd" in
  deps) deps "$@" ;;
  build) build ;;
  run)
    [ $# -ge 1 ] || { echo "usage: tools/dev.sh run FILE [-- ARGS]" >&2; exit 64; }
    build >&2
    exec "$BUILD/bin/weft" run "$@"
    ;;
  bench)
    deps "${BENCH_PACKAGES[@]}"
    build >&2
    exec "$ROOT/bench/run.sh" "$@"
    ;;
  test)
    build
    cd "$BUILD"
    ctest --output-on-failure -j"${WEFT_JOBS:-$(nproc)}"
    ;;
  *)
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print } /^set -e/ { exit }' "$0"
    exit 64
    ;;
esac
