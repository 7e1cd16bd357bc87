"""Runs every input the fuzzers found (tests/fuzz/regressions/) through
`weft check` and `weft run`: each must end with exit status 0 or 1 and a
diagnostic, never a crash, a hang, an internal compiler error or a memory
fault. Usage: check_regressions.py WEFT"""
import glob
import os
import subprocess
import sys

weft = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
bad = 0
inputs = sorted(glob.glob(os.path.join(here, "regressions", "*.weft")))
for path in inputs:
    for cmd in ("check", "run"):
        try:
            p = subprocess.run([weft, cmd, path], capture_output=True,
                               text=True, timeout=60, errors="replace")
        except subprocess.TimeoutExpired:
            print("HANG  weft %s %s" % (cmd, path))
            bad += 1
            continue
        err = p.stderr
        if p.returncode not in (0, 1) or "internal compiler error" in err \
                or "accessed memory" in err or "Sanitizer" in err:
            print("FAIL  weft %s %s (exit %d)\n%s" % (cmd, path, p.returncode,
                                                     err[-2000:]))
            bad += 1
print("%d fuzzer findings checked, %d failed" % (len(inputs), bad))
sys.exit(1 if bad else 0)
