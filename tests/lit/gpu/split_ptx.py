"""Splits `weft emit --stage=ptx` output into one file per kernel module
(PREFIX.N.ptx) and prints how many there are."""
import re
import sys

text = open(sys.argv[1]).read()
modules = re.split(r"^// ---- GPU kernel module \d+ of \d+ \(sm_\w+\)\n", text,
                   flags=re.M)[1:]
for i, m in enumerate(modules):
    with open("%s.%d.ptx" % (sys.argv[2], i), "w") as f:
        f.write(m)
print("%d kernel modules" % len(modules))
