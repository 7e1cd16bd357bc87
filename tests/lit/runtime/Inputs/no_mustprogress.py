"""no_mustprogress.py - reads LLVM IR on stdin and fails if a function the
module defines, or one of its loops, is marked as assumed to make forward
progress (`mustprogress`, `llvm.loop.mustprogress`); LLVM's own intrinsic
declarations may carry the attribute. Prints the functions checked."""
import re
import sys

ir = sys.stdin.read()
groups = dict(re.findall(r"^attributes (#\d+) = \{(.*)\}$", ir, re.M))
bad = []
names = []
for m in re.finditer(r"^define [^@]*@([\w.$]+)\(.*?\)([^{]*)\{", ir, re.M):
    name, attrs = m.group(1), m.group(2)
    names.append(name)
    text = attrs + " ".join(groups.get(g, "") for g in re.findall(r"#\d+", attrs))
    if "mustprogress" in text:
        bad.append(name)
if "llvm.loop.mustprogress" in ir:
    bad.append("a loop (llvm.loop.mustprogress)")
if bad or not names:
    print("assumed to make progress:", ", ".join(bad) or "no functions found")
    sys.exit(1)
print("checked:", " ".join(sorted(names)))
