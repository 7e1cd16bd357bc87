#!/usr/bin/python3
"""reduce.py - shrink a failing Weft program while it still fails the same way.

`reduce_program(text, still_fails)` removes statements (a line with the
block under it), chunks of statements, unwraps blocks (`if c:` and loops
whose body moves one level out), keeps single arguments of `print`, and
drops `# rtol:`-free comment lines, as long as `still_fails(candidate)`
holds. The caller's predicate decides what "the same way" is (run.py: the
same finding signature, with the NumPy side still running cleanly, so the
reduced program stays a valid program).

Usage: /usr/bin/python3 tests/difftest/reduce.py [--weft W] PROGRAM.weft
       prints the reduced program.
"""
import os
import re
import sys


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def statement_end(lines, i):
    """Index after the statement starting at line i (its block included)."""
    ind = indent_of(lines[i])
    j = i + 1
    while j < len(lines) and (not lines[j].strip() or
                              indent_of(lines[j]) > ind):
        j += 1
    return j


def statements(lines):
    """Start indices of every statement, innermost last."""
    return [i for i, l in enumerate(lines)
            if l.strip() and not l.lstrip().startswith("#")]


def candidates(lines):
    """Smaller variants of lines, biggest cuts first."""
    starts = statements(lines)
    # chunks of consecutive top-level statements
    top = [i for i in starts if indent_of(lines[i]) == 0]
    n = len(top)
    size = n // 2
    while size >= 2:
        for k in range(0, n, size):
            a = top[k]
            b = top[k + size] if k + size < n else len(lines)
            yield lines[:a] + lines[b:]
        size //= 2
    for i in reversed(starts):
        j = statement_end(lines, i)
        yield lines[:i] + lines[j:]
        stripped = lines[i].strip()
        if stripped.endswith(":") and j > i + 1:
            body = [l[4:] if l.startswith("    ") else l
                    for l in lines[i + 1:j]]
            yield lines[:i] + body + lines[j:]
        m = re.match(r"^(\s*)print\((.*)\)$", lines[i])
        if m:
            args = split_args(m.group(2))
            if len(args) > 1:
                for a in args:
                    yield lines[:i] + ["%sprint(%s)" % (m.group(1), a)] + \
                        lines[i + 1:]


def split_args(text):
    """Top-level comma-separated parts of text."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        parts.append(cur.strip())
    return parts


def reduce_program(text, still_fails, max_tries=400, seconds=90):
    import time
    deadline = time.time() + seconds
    lines = text.rstrip("\n").split("\n")
    tries = 0
    changed = True
    while changed and tries < max_tries and time.time() < deadline:
        changed = False
        for cand in candidates(lines):
            if len(cand) > len(lines) or cand == lines:
                continue
            tries += 1
            if still_fails("\n".join(cand) + "\n"):
                lines = cand
                changed = True
                break
            if tries >= max_tries or time.time() > deadline:
                break
    return "\n".join(lines) + "\n"


def main(argv):
    import run
    weft = os.path.join(run.ROOT, "build", "bin", "weft")
    if argv[:1] == ["--weft"]:
        weft, argv = os.path.abspath(argv[1]), argv[2:]
    if len(argv) != 1:
        print(__doc__.split("Usage:")[1].strip(), file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8") as f:
        text = f.read()
    sig = run.classify_text(weft, text, 60)[1]
    print("# %s" % sig, file=sys.stderr)
    out = reduce_program(
        text, lambda p: run.classify_text(weft, p, 60)[1] == sig)
    print(out, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
