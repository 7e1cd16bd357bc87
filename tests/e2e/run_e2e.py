#!/usr/bin/env python3
"""run_e2e.py - run one Weft program and compare with its expectations.

Usage: run_e2e.py WEFT PROGRAM.weft

Expectations sit next to the program:
  PROGRAM.expected   exact stdout
  PROGRAM.stderr     (optional) lines that must appear in stderr
  PROGRAM.exitcode   (optional) expected exit code (default 0)
  PROGRAM.args       (optional) program arguments, one line
"""
import os
import subprocess
import sys


def main():
    weft, prog = sys.argv[1], sys.argv[2]
    base = os.path.splitext(prog)[0]
    if not os.path.exists(base + ".expected"):
        print(f"SKIP: no {os.path.basename(base)}.expected")
        return 0
    with open(base + ".expected") as f:
        expected = f.read()
    code = 0
    if os.path.exists(base + ".exitcode"):
        with open(base + ".exitcode") as f:
            code = int(f.read().strip())
    extra = []
    if os.path.exists(base + ".args"):
        with open(base + ".args") as f:
            extra = ["--"] + f.read().split()
    # Every array buffer must be freed by the end of a successful run.
    env = dict(os.environ, WEFT_CHECK_LEAKS="1")
    r = subprocess.run([weft, "run", prog] + extra, capture_output=True,
                       text=True, timeout=300, env=env)
    ok = True
    if r.stdout != expected:
        ok = False
        print("stdout differs:")
        import difflib
        sys.stdout.writelines(difflib.unified_diff(
            expected.splitlines(True), r.stdout.splitlines(True),
            "expected", "actual"))
    if r.returncode != code:
        ok = False
        print(f"exit code {r.returncode}, expected {code}")
    if os.path.exists(base + ".stderr"):
        with open(base + ".stderr") as f:
            for line in f.read().splitlines():
                if line and line not in r.stderr:
                    ok = False
                    print(f"stderr lacks: {line!r}")
    if not ok:
        print("stderr was:\n" + r.stderr)
        return 1
    print("PASS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
