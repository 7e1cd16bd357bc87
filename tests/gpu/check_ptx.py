"""Checks that the PTX Weft generates for a program is accepted by ptxas for
sm_80 and sm_90. Usage: check_ptx.py WEFT PROGRAM. Exit status 77 (skipped,
with a message) when ptxas is not installed."""
import os
import re
import subprocess
import sys
import tempfile

weft, program = sys.argv[1], sys.argv[2]
ptxas = os.path.join(os.environ.get("CUDA_HOME", "/usr/local/cuda"), "bin",
                     "ptxas")
if not os.path.exists(ptxas):
    print("skipped: ptxas not found at %s (install the CUDA toolkit or set "
          "CUDA_HOME)" % ptxas)
    sys.exit(77)
failed = False
with tempfile.TemporaryDirectory() as tmp:
    for arch in ("sm_80", "sm_90"):
        out = subprocess.run([weft, "emit", "--stage=ptx", "--gpu-arch=" + arch,
                              program], capture_output=True, text=True)
        if out.returncode != 0:
            print("weft emit --stage=ptx failed for %s:\n%s" % (arch, out.stderr))
            sys.exit(1)
        modules = re.split(r"^// ---- GPU kernel module \d+ of \d+ .*\n",
                           out.stdout, flags=re.M)[1:]
        if not modules:
            print("no GPU kernels in %s" % program)
            sys.exit(1)
        for i, ptx in enumerate(modules):
            path = os.path.join(tmp, "%s_%d.ptx" % (arch, i))
            with open(path, "w") as f:
                f.write(ptx)
            r = subprocess.run([ptxas, "-arch=" + arch, path, "-o", os.devnull],
                               capture_output=True, text=True)
            if r.returncode != 0:
                print("ptxas -arch=%s rejected kernel module %d:\n%s"
                      % (arch, i + 1, r.stderr))
                failed = True
        print("%s: %d kernel modules accepted by ptxas" % (arch, len(modules))
              if not failed else "")
sys.exit(1 if failed else 0)
