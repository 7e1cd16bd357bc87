#!/usr/bin/env bash
# tsan.sh - builds the embedding tests with ThreadSanitizer and runs the
# test that uses one engine from many threads (compiling and calling).
#
#   tools/tsan.sh            # build in build-tsan/, run the thread test
#
# The JIT-compiled code and LLVM's libomp are not instrumented; parallel
# loops are kept serial (OMP_NUM_THREADS=1) so that what TSan sees is the
# engine's own synchronisation (dispatcher, caches, metrics, runtime).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${WEFT_TSAN_BUILD_DIR:-$ROOT/build-tsan}"
"$ROOT/tools/dev.sh" deps
if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir \
    -DLLVM_DIR=/usr/lib/llvm-22/lib/cmake/llvm -DWEFT_STATIC_LLVM=OFF \
    -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
    -DCMAKE_CXX_FLAGS="-fsanitize=thread" -DCMAKE_C_FLAGS="-fsanitize=thread" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" \
    -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=thread" >/dev/null
fi
cmake --build "$BUILD" --target weft-embed-tests -- -j"$(nproc)"
export OMP_NUM_THREADS=1 WEFT_CACHE_DIR="$BUILD/tsan-cache"
TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" \
  "$BUILD/bin/weft-embed-tests" "one engine from many threads: compiling and calling"
echo "tsan.sh: ThreadSanitizer found no data race"
