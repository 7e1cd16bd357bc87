#!/usr/bin/env bash
# sanitize.sh - builds Weft with AddressSanitizer and UndefinedBehaviorSanitizer
# (gcc, build-asan/) and runs the whole test suite under them; run before
# each release (it does not fit the CI's time budget on 2 cores).
#
#   tools/sanitize.sh [CTEST ARGS...]
#
# JIT-compiled code is not instrumented; the compiler, the runtime and the
# tests are (UBSan without -fsanitize=vptr: LLVM and MLIR are built
# without RTTI). Leak checking covers the whole process.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${WEFT_ASAN_BUILD_DIR:-$ROOT/build-asan}"
"$ROOT/tools/dev.sh" deps
if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir \
    -DLLVM_DIR=/usr/lib/llvm-22/lib/cmake/llvm -DWEFT_STATIC_LLVM=OFF \
    -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
    -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-sanitize=vptr -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
    -DCMAKE_C_FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
fi
cmake --build "$BUILD" -- -j"$(nproc)"
# The Python tests load libweft.so into an uninstrumented interpreter,
# which ASan cannot do without LD_PRELOAD, and so do the example hosts
# built against the installed package; they run in the normal build.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
(cd "$BUILD" && ctest --output-on-failure -E 'python/|installed-package' "$@")
echo "sanitize.sh: the test suite ran clean under ASan and UBSan"
