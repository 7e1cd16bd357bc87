#!/usr/bin/python3
"""list_errors.py - prints every compile-time diagnostic message the
frontend, the type checker and MLIRGen can emit (the string literals of
their error/warning calls, and of copiedIntoList's errors reported once
every function is typed; `...` marks where a name or type is filled
in), grouped by source file, as Markdown for docs/errors.md."""
import glob
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILES = sorted(glob.glob(os.path.join(ROOT, "frontend", "*.cpp")) +
               [p for p in glob.glob(os.path.join(ROOT, "compiler", "MLIRGen",
                                                  "*.cpp"))
                if not p.endswith("LoopAnalysis.cpp")])  # report reasons
CALL = re.compile(r"\b(?:error|errorAt|fail|warning|copiedIntoList)\s*\(")


def literal_message(args):
    """The message of a call's argument text: its string literals joined,
    with ... for the expressions between them."""
    parts, out, i = [], "", 0
    pieces = re.findall(r'"((?:[^"\\]|\\.)*)"|([^"]+)', args)
    for lit, code in pieces:
        if lit:
            out += lit.replace('\\"', '"').replace("\\n", " ")
        elif out and re.search(r"[A-Za-z_(]", code) and \
                not re.fullmatch(r"[\s+]*", code):
            if not out.endswith("..."):
                out += "..."
    return out.strip()


def calls(text):
    for m in CALL.finditer(text):
        depth, j = 1, m.end()
        while j < len(text) and depth:
            depth += {"(": 1, ")": -1}.get(text[j], 0)
            j += 1
        args = text[m.end():j - 1]
        # Drop the location argument (everything before the first string).
        q = args.find('"')
        if q < 0:
            continue
        yield literal_message(args[q:])


def main():
    for path in FILES:
        msgs = []
        for msg in calls(open(path).read()):
            if len(msg) > 12 and msg not in msgs:
                msgs.append(msg)
        if msgs:
            print("### `%s`\n" % os.path.relpath(path, ROOT))
            for msg in msgs:
                print("- " + msg)
            print()


if __name__ == "__main__":
    main()
