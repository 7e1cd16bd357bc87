#!/usr/bin/env bash
# run.sh - builds Weft's two libFuzzer targets with clang-22 (ASan, UBSan)
# and runs each for SECONDS (default 60):
#   tests/fuzz/run.sh 900          # 15 minutes per target
# weft-fuzz-frontend: lexing, parsing, type checking and diagnostics;
# weft-fuzz-compile: the whole compile to verified MLIR. The seed corpus is
# every .weft file of lang-examples/ and tests/; new inputs go to
# build-fuzz/corpus-*; crashes to build-fuzz/crash-* (keep each as a
# regression test in tests/fuzz/regressions/, which the test suite runs).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SECONDS_EACH="${1:-60}"
BUILD="${WEFT_FUZZ_BUILD_DIR:-$ROOT/build-fuzz}"
"$ROOT/tools/dev.sh" deps clang-22 libclang-rt-22-dev
if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 \
    -DMLIR_DIR=/usr/lib/llvm-22/lib/cmake/mlir \
    -DLLVM_DIR=/usr/lib/llvm-22/lib/cmake/llvm -DWEFT_FUZZ=ON \
    -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
fi
cmake --build "$BUILD" --target weft-fuzz-frontend weft-fuzz-compile
SEEDS="$BUILD/seeds"
rm -rf "$SEEDS" && mkdir -p "$SEEDS"
find "$ROOT/lang-examples" "$ROOT/tests" -name '*.weft' -exec cp {} "$SEEDS/" \;
for target in frontend compile; do
  corpus="$BUILD/corpus-$target"
  mkdir -p "$corpus"
  echo "run.sh: weft-fuzz-$target for $SECONDS_EACH s"
  (cd "$BUILD" && ASAN_OPTIONS=detect_leaks=1 \
    "$BUILD/bin/weft-fuzz-$target" "$corpus" "$SEEDS" \
      -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=4096 \
      -max_len=8192 -print_final_stats=1 2>&1 | tail -25)
done
