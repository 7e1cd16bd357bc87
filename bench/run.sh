#!/usr/bin/env bash
# run.sh - runs bench/run.py (all benchmarks side by side); see there.
exec /usr/bin/python3 "$(dirname "${BASH_SOURCE[0]}")/run.py" "$@"
