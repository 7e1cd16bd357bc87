#!/usr/bin/python3
"""run_diff.py - differential test of one Weft program against NumPy.

Run it with the system interpreter /usr/bin/python3, whose numpy is 1.24:
the Python side of the comparison runs under the interpreter that runs this
script (sys.executable). Another python3 on PATH may have no numpy at all.

Usage:
  /usr/bin/python3 run_diff.py WEFT PROGRAM.weft
      Run `WEFT run PROGRAM.weft` and PROGRAM.weft under Python with
      prelude.py, both with PROGRAM's directory as working directory, and
      compare their stdouts. Exit 0 when they agree, 1 (with a diff) when
      they do not, 2 on a usage or setup error.
  /usr/bin/python3 run_diff.py --python-only [--legacy-promotion]
                               PROGRAM.weft [-- ARGS...]
      Run only the Python side and print its output (ARGS are what
      argv(i, default) sees). --legacy-promotion runs NumPy 1.24's own
      value-based promotion instead of NEP 50's (see prelude.py).
  /usr/bin/python3 run_diff.py --self-test
      Check the output comparator on built-in examples.

Comparison rules: both programs must exit with status 0. Their stdouts
must have the same number of lines; each line is split into tokens (`[`,
`]`, `(`, `)` and `,` are tokens of their own; whitespace only separates
tokens, so NumPy's column padding is not compared). Number tokens -
integers, floats as Python or NumPy print them (`0.5`, `1.`, `-3.5e-07`,
`1.e+10`), `inf`, `-inf`, `nan` - compare as numbers: an integer only
equals an integer with the same value; a float only equals a float within
|a - b| <= atol + rtol * max(|a|, |b|) (default rtol 1e-12, atol 0; nan
equals nan, inf only equals inf of the same sign). Every other token must
be identical. A program sets its own tolerances with comment lines
`# rtol: 1e-9` and `# atol: 1e-15`.

Scratch files: a program that saves .npy files names them after itself,
PROGRAM.tmp.npy or PROGRAM.<anything>.tmp.npy, in its own directory.
run_diff.py deletes those files before each side runs, so that neither
side can load what the other one saved.
"""
import __future__
import ast
import glob
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

DEFAULT_RTOL = 1e-12
DEFAULT_ATOL = 0.0
WEFT_TIMEOUT_S = 300
PYTHON_TIMEOUT_S = 300
MAX_REPORTED = 20

# ------------------------------------------------------------ comparator
_TOKEN = re.compile(r"[\[\](),]|[^\s\[\](),]+")
_INT = re.compile(r"[+-]?\d+")
_FLOAT = re.compile(
    r"[+-]?(?:(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?|inf|nan)")


def tokenize(line):
    return _TOKEN.findall(line)


_NUMBER = r"(?:(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?|inf|nan)"
_COMPLEX = re.compile(r"[+-]?(?:%s[+-])?%sj" % (_NUMBER, _NUMBER))


def classify(tok):
    """('int', int) / ('float', float) / ('complex', complex) /
    ('text', str)."""
    if _INT.fullmatch(tok):
        return "int", int(tok)
    if _FLOAT.fullmatch(tok):
        return "float", float(tok)
    if _COMPLEX.fullmatch(tok):
        return "complex", complex(tok)
    return "text", tok


def tokens_equal(a, b, rtol, atol):
    ka, va = classify(a)
    kb, vb = classify(b)
    if ka != kb:
        return False
    if ka == "complex":  # each part to the tolerance of the larger number
        scale = max(abs(va), abs(vb))
        return all(p == q or (p != p and q != q) or
                   abs(p - q) <= atol + rtol * scale
                   for p, q in ((va.real, vb.real), (va.imag, vb.imag)))
    if ka != "float":
        return va == vb
    if va != va or vb != vb:        # nan
        return va != va and vb != vb
    if va in (float("inf"), float("-inf")) or \
            vb in (float("inf"), float("-inf")):
        return va == vb
    return abs(va - vb) <= atol + rtol * max(abs(va), abs(vb))


def join_bracketed(lines):
    """Lines joined where an array print continues (an open bracket at the
    end of a line), so that each print is one line."""
    out, depth = [], 0
    for line in lines:
        if depth > 0:
            out[-1] += " " + line
        else:
            out.append(line)
        depth += line.count("[") - line.count("]")
    return out


def compare_outputs(weft_out, ref_out, rtol=DEFAULT_RTOL, atol=DEFAULT_ATOL):
    """Differences between the two stdouts, as a list of messages (empty
    when they agree). NumPy wraps an array print by the widths of its
    numbers, so when values differ within the tolerance (a different last
    digit, one digit more) the line breaks may differ too: line breaks
    inside array prints are then ignored. When every number is the same
    text, the layout must be the same."""
    problems = compare_lines(weft_out.splitlines(), ref_out.splitlines(),
                             rtol, atol)
    if problems:
        wj = join_bracketed(weft_out.splitlines())
        rj = join_bracketed(ref_out.splitlines())
        same_text = [tokenize(w) for w in wj] == [tokenize(r) for r in rj]
        if not same_text and not compare_lines(wj, rj, rtol, atol):
            return []
    return problems


def compare_lines(wl, rl, rtol, atol):
    problems = []
    if len(wl) != len(rl):
        problems.append("weft printed %d lines, numpy %d" % (len(wl), len(rl)))
    for n, (w, r) in enumerate(zip(wl, rl), start=1):
        wt, rt = tokenize(w), tokenize(r)
        for k, (a, b) in enumerate(zip(wt, rt), start=1):
            if not tokens_equal(a, b, rtol, atol):
                problems.append(
                    "line %d, token %d: weft %r, numpy %r\n"
                    "    weft : %s\n    numpy: %s" % (n, k, a, b, w, r))
                break
        else:
            if len(wt) != len(rt):
                k = min(len(wt), len(rt)) + 1
                a = wt[k - 1] if len(wt) >= k else "<end of line>"
                b = rt[k - 1] if len(rt) >= k else "<end of line>"
                problems.append(
                    "line %d, token %d: weft %r, numpy %r (weft has %d "
                    "tokens, numpy %d)\n    weft : %s\n    numpy: %s"
                    % (n, k, a, b, len(wt), len(rt), w, r))
    return problems


def compare_runs(weft_rc, weft_out, ref_rc, ref_out, rtol=DEFAULT_RTOL,
                 atol=DEFAULT_ATOL):
    problems = []
    if weft_rc != 0 or ref_rc != 0:
        problems.append("exit status: weft %s, numpy %s (both must be 0)"
                        % (weft_rc, ref_rc))
    return problems + compare_outputs(weft_out, ref_out, rtol, atol)


def tolerances(source):
    """(rtol, atol) from `# rtol: X` / `# atol: X` comment lines."""
    rtol, atol = DEFAULT_RTOL, DEFAULT_ATOL
    for line in source.splitlines():
        m = re.match(r"\s*#\s*(rtol|atol)\s*:\s*(\S+)\s*$", line)
        if m:
            if m.group(1) == "rtol":
                rtol = float(m.group(2))
            else:
                atol = float(m.group(2))
    return rtol, atol


# ----------------------------------------------------------- Python side
class _ArrayLiterals(ast.NodeTransformer):
    """A list display is an array literal in Weft, except in a function
    with @jit(python_lists=True), where it is Python's list."""

    def visit_FunctionDef(self, node):
        for d in node.decorator_list:
            if isinstance(d, ast.Call) and any(
                    k.arg == "python_lists" and
                    isinstance(k.value, ast.Constant) and k.value.value
                    for k in d.keywords):
                return node
        self.generic_visit(node)
        return node

    def visit_List(self, node):
        self.generic_visit(node)
        if not isinstance(node.ctx, ast.Load):
            return node
        call = ast.Call(func=ast.Name(id="_array_literal", ctx=ast.Load()),
                        args=[node], keywords=[])
        return ast.copy_location(call, node)


def compile_program(path):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    tree = _ArrayLiterals().visit(ast.parse(source, path))
    ast.fix_missing_locations(tree)
    # as if `from __future__ import annotations` were the first line:
    # annotations such as f64[:, :] stay strings and are never evaluated
    return compile(tree, path, "exec",
                   flags=__future__.annotations.compiler_flag,
                   dont_inherit=True)


def run_python_only(path, args, legacy_promotion):
    sys.path.insert(0, HERE)
    import prelude
    if legacy_promotion:
        prelude.set_promotion("legacy")
    path = os.path.abspath(path)
    code = compile_program(path)
    os.chdir(os.path.dirname(path))
    sys.argv = [path] + list(args)
    exec(code, prelude.namespace())
    sys.stdout.flush()
    return 0


# ---------------------------------------------------------------- runner
def remove_scratch(prog):
    """Delete PROG.tmp.npy and PROG.*.tmp.npy next to PROG."""
    stem = os.path.splitext(prog)[0]
    for path in glob.glob(glob.escape(stem) + ".*tmp.npy"):
        os.remove(path)


def run_weft(weft, prog):
    """Run `weft run prog`; the binary may be missing for a moment while
    it is being rebuilt, so wait for it a little."""
    deadline = time.time() + 120
    while True:
        try:
            # WEFT_CHECK_LEAKS: weft fails if an array buffer outlives
            # the program, so every program is also a leak test.
            env = dict(os.environ, WEFT_CHECK_LEAKS="1")
            return subprocess.run([weft, "run", prog], capture_output=True,
                                  text=True, timeout=WEFT_TIMEOUT_S,
                                  cwd=os.path.dirname(prog), env=env)
        except (FileNotFoundError, PermissionError, OSError):
            if time.time() > deadline:
                raise
            time.sleep(2)


def tail(text, n=15):
    lines = text.rstrip().splitlines()
    return "\n".join("    " + l for l in lines[-n:])


def run_diff(weft, prog):
    prog = os.path.abspath(prog)
    name = os.path.basename(prog)
    with open(prog, encoding="utf-8") as f:
        rtol, atol = tolerances(f.read())
    remove_scratch(prog)
    ref = subprocess.run(
        [sys.executable, os.path.abspath(__file__), "--python-only", prog],
        capture_output=True, text=True, timeout=PYTHON_TIMEOUT_S,
        cwd=os.path.dirname(prog))
    remove_scratch(prog)
    try:
        got = run_weft(os.path.abspath(weft), prog)
    except subprocess.TimeoutExpired:
        print("FAIL %s: weft timed out after %d s" % (name, WEFT_TIMEOUT_S))
        return 1
    except OSError as exc:
        print("FAIL %s: cannot run %s: %s" % (name, weft, exc))
        return 1
    problems = compare_runs(got.returncode, got.stdout, ref.returncode,
                            ref.stdout, rtol, atol)
    if not problems:
        print("PASS %s" % name)
        return 0
    print("FAIL %s (rtol %g, atol %g)" % (name, rtol, atol))
    for p in problems[:MAX_REPORTED]:
        print("  " + p)
    if len(problems) > MAX_REPORTED:
        print("  ... %d more" % (len(problems) - MAX_REPORTED))
    if got.returncode != 0 and got.stderr.strip():
        print("  weft stderr:\n" + tail(got.stderr))
    if ref.returncode != 0 and ref.stderr.strip():
        print("  numpy stderr:\n" + tail(ref.stderr))
    return 1


# ------------------------------------------------------------- self-test
def self_test():
    arr = "[0.  0.5 1. ]\n[[1 2]\n [3 4]]\n"
    cases = [
        # (name, weft stdout, numpy stdout, rtol, should agree)
        ("identical arrays", arr, arr, DEFAULT_RTOL, True),
        ("padding is not compared", "[0. 0.5 1.]\n[[1 2]\n [3 4]]\n", arr,
         DEFAULT_RTOL, True),
        ("last-bit float difference", "0.30000000000000004\n", "0.3\n",
         DEFAULT_RTOL, True),
        ("value mismatch", "[0.  0.6 1. ]\n", "[0.  0.5 1. ]\n",
         DEFAULT_RTOL, False),
        ("relative error above rtol", "1.0000001\n", "1.0\n",
         DEFAULT_RTOL, False),
        ("per-program rtol", "1.0000001\n", "1.0\n", 1e-6, True),
        ("nan equals nan", "[nan  1. inf]\nnan\n", "[nan 1. inf]\nnan\n",
         DEFAULT_RTOL, True),
        ("nan is not a number", "nan\n", "1.0\n", DEFAULT_RTOL, False),
        ("inf sign", "-inf\n", "inf\n", DEFAULT_RTOL, False),
        ("bracket structure", "[[1 2 3 4]]\n", "[[1 2]\n [3 4]]\n",
         DEFAULT_RTOL, False),
        ("nesting depth", "[[1 2]]\n", "[1 2]\n", DEFAULT_RTOL, False),
        ("int versus float", "2\n", "2.0\n", DEFAULT_RTOL, False),
        ("array int versus float", "[1 2]\n", "[1. 2.]\n", DEFAULT_RTOL,
         False),
        ("text must match exactly", "True\n", "False\n", DEFAULT_RTOL,
         False),
        ("missing token", "(1, 2.5)\n", "(1, 2.5, 3)\n", DEFAULT_RTOL,
         False),
        ("extra line", "1\n2\n", "1\n", DEFAULT_RTOL, False),
        ("scientific forms", "[1.e-05 1.e+00]\n1e+16\n",
         "[1.e-05 1.e+00]\n1e+16\n", DEFAULT_RTOL, True),
        ("summarised arrays", "[   0    1 ... 1999]\n", "[0 1 ... 1999]\n",
         DEFAULT_RTOL, True),
        ("negative zero", "[-0.  1.]\n", "[0. 1.]\n", DEFAULT_RTOL, True),
        ("line breaks follow digits that differ within rtol",
         "[-5.681513e+04  3.000000e+00  3.000000e+00]\n",
         "[-5.6815133e+04  3.0000000e+00\n  3.0000000e+00]\n", 1e-6, True),
        ("same digits, other line breaks", "[1. 2.\n 3.]\n", "[1. 2. 3.]\n",
         DEFAULT_RTOL, False),
    ]
    failed = 0
    for name, weft_out, ref_out, rtol, agree in cases:
        problems = compare_outputs(weft_out, ref_out, rtol, DEFAULT_ATOL)
        ok = (not problems) == agree
        failed += not ok
        print("%s %s%s" % ("ok  " if ok else "FAIL", name,
                           "" if agree else " (mismatch found)"))
        if not ok:
            for p in problems:
                print("      " + p)
    # exit statuses and tolerance comments
    checks = [
        ("non-zero weft exit fails", bool(compare_runs(1, "x\n", 0, "x\n"))),
        ("zero exits with equal output pass",
         not compare_runs(0, "x\n", 0, "x\n")),
        ("tolerance comments", tolerances("# rtol: 1e-9\nx = 1\n# atol: 2e-3")
         == (1e-9, 2e-3)),
        ("default tolerances", tolerances("x = 1  # rtol: 1\n")
         == (DEFAULT_RTOL, DEFAULT_ATOL)),
    ]
    for name, ok in checks:
        failed += not ok
        print("%s %s" % ("ok  " if ok else "FAIL", name))
    print("self-test: %s" % ("FAILED (%d)" % failed if failed else "passed"))
    return 1 if failed else 0


def usage():
    print(__doc__.split("Comparison rules")[0].rstrip(), file=sys.stderr)
    return 2


def main(argv):
    if argv[:1] == ["--self-test"]:
        return self_test()
    if argv[:1] == ["--python-only"]:
        rest = argv[1:]
        legacy = "--legacy-promotion" in rest
        rest = [a for a in rest if a != "--legacy-promotion"]
        if not rest:
            return usage()
        prog, extra = rest[0], rest[1:]
        if extra[:1] == ["--"]:
            extra = extra[1:]
        return run_python_only(prog, extra, legacy)
    if len(argv) != 2:
        return usage()
    try:
        import numpy
    except ImportError:
        print("run_diff.py: %s has no numpy; run this script with "
              "/usr/bin/python3" % sys.executable, file=sys.stderr)
        return 2
    if not numpy.__version__.startswith("1.24"):
        print("run_diff.py: warning: numpy %s, the suite is written for "
              "1.24 (/usr/bin/python3)" % numpy.__version__, file=sys.stderr)
    return run_diff(argv[0], argv[1])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
