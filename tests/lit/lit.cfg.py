# lit.cfg.py - configuration of Weft's lit + FileCheck suite.
import os
import lit.formats

config.name = "Weft"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".weft", ".mlir"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.weft_bin_dir, "..", "tests", "lit-out")
config.excludes = ["lit.cfg.py", "lit.site.cfg.py.in", "Inputs"]
config.environment["PATH"] = os.pathsep.join(
    [config.weft_bin_dir, config.llvm_tools_dir, config.environment.get("PATH", "")])
config.substitutions.append(("%weft-opt", os.path.join(config.weft_bin_dir, "weft-opt")))
config.substitutions.append(("%weft", os.path.join(config.weft_bin_dir, "weft")))
# Debian's interpreter (checkers of JSON and SVG output use only the
# standard library).
config.substitutions.append(("%python", "/usr/bin/python3"))

# GPU: tests that need a CUDA driver and device run only where one loads;
# the others check the error path and the generated code (PTX) offline.
def _cuda_device_present():
    import ctypes
    try:
        cuda = ctypes.CDLL("libcuda.so.1")
    except OSError:
        return False
    count = ctypes.c_int(0)
    return cuda.cuInit(0) == 0 and \
        cuda.cuDeviceGetCount(ctypes.byref(count)) == 0 and count.value > 0


if _cuda_device_present():
    config.available_features.add("cuda-device")
if os.path.exists("/usr/local/cuda/bin/ptxas"):
    config.available_features.add("ptxas")
    config.substitutions.append(("%ptxas", "/usr/local/cuda/bin/ptxas"))

# The code cache's tests forge entries with a valid XXH3 checksum.
def _xxhash_present():
    import ctypes
    try:
        ctypes.CDLL("libxxhash.so.0")
    except OSError:
        return False
    return True


if _xxhash_present():
    config.available_features.add("xxhash")
# ... and give files to another user, which only root can.
if os.geteuid() == 0:
    config.available_features.add("root")

# Under AddressSanitizer (tools/sanitize.sh) the shadow memory needs far
# more address space than a `ulimit -v` leaves: tests that bound memory
# that way run unbounded there (%limit-memory).
def _built_with_asan():
    import subprocess
    try:
        out = subprocess.run(["ldd", os.path.join(config.weft_bin_dir, "weft")],
                             capture_output=True, text=True).stdout
    except OSError:
        return False
    return "libasan" in out


if _built_with_asan():
    config.available_features.add("asan")
    config.substitutions.append(("%limit-memory", ":"))
else:
    config.substitutions.append(("%limit-memory", "ulimit -v 1500000"))

# A code cache of the test run's own, never the user's ~/.cache/weft.
config.environment["WEFT_CACHE_DIR"] = os.path.join(
    config.test_exec_root, "weft-cache")
