#!/usr/bin/env bash
# valgrind.sh - runs every lang-example under valgrind memcheck and fails on
# any invalid read or write, use of uninitialised memory or leak of memory
# Weft allocated; run before each release (minutes per example).
#
#   tools/valgrind.sh [EXAMPLE.weft ...]      (default: lang-examples/*.weft)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WEFT="${WEFT:-$ROOT/build/bin/weft}"
"$ROOT/tools/dev.sh" build >/dev/null
examples=("$@")
[ ${#examples[@]} -gt 0 ] || examples=("$ROOT"/lang-examples/*.weft)
failed=0
for ex in "${examples[@]}"; do
  log=$(mktemp)
  # One thread: libomp's thread pool stays out of the leak report. Large
  # inputs are not needed; the examples take their default sizes.
  if WEFT_CHECK_LEAKS=1 valgrind --error-exitcode=99 --leak-check=full \
       --errors-for-leak-kinds=definite --show-leak-kinds=definite \
       --track-origins=no --suppressions="$ROOT/tools/valgrind.supp" \
       "$WEFT" run --threads 1 --no-cache "$ex" >/dev/null 2>"$log"; then
    echo "valgrind: clean   $(basename "$ex")"
  else
    echo "valgrind: ERRORS  $(basename "$ex")"
    grep -E "Invalid|uninitialised|definitely lost|ERROR SUMMARY" "$log" | head -20 || true
    failed=1
  fi
  rm -f "$log"
done
exit $failed
