"""`python3 -m weft program.py [args...]`: runs a Numba program under Weft
with no edits. `import numba` and `from numba import njit, prange` get
Weft's decorators (weft/numba.py); the program runs as `__main__` with its
own arguments."""

import runpy
import sys

from weft import numba as _numba


def main(argv):
    if argv and argv[0] == "--":
        argv = argv[1:]
    if not argv or argv[0] in ("-h", "--help"):
        print("usage: python3 -m weft program.py [args...]\n"
              "Runs a Numba program with Weft's decorators as `numba`.",
              file=sys.stderr if not argv else sys.stdout)
        return 2 if not argv else 0
    _numba.install()
    sys.argv = list(argv)
    runpy.run_path(argv[0], run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
