"""Installs Weft into a temporary prefix, builds lang-examples/embed against
it twice (CMake's find_package(Weft) and pkg-config) and runs both hosts,
checking their output: results on the hosts' buffers, a cache hit on the
second process, errors that leave the host alive.
Usage: run_installed.py BUILD_DIR SOURCE_DIR"""
import os
import re
import subprocess
import sys
import tempfile

build, source = sys.argv[1], sys.argv[2]
example = os.path.join(source, "lang-examples", "embed")


def run(cmd, **kw):
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if p.returncode != 0:
        print("FAILED: %s\n%s%s" % (" ".join(cmd), p.stdout, p.stderr))
        sys.exit(1)
    return p.stdout


def expect(text, pattern):
    if not re.search(pattern, text, re.M):
        print("output lacks /%s/:\n%s" % (pattern, text))
        sys.exit(1)


with tempfile.TemporaryDirectory() as tmp:
    prefix = os.path.join(tmp, "prefix")
    run(["cmake", "--install", build, "--prefix", prefix])
    for f in ("include/weft/weft.hpp", "include/weft/weft.h",
              "lib/libweft.so", "lib/cmake/Weft/WeftConfig.cmake",
              "lib/pkgconfig/weft.pc", "bin/weft"):
        if not os.path.exists(os.path.join(prefix, f)):
            print("not installed: " + f)
            sys.exit(1)
    hosts = os.path.join(tmp, "hosts")
    run(["cmake", "-S", example, "-B", hosts, "-DCMAKE_PREFIX_PATH=" + prefix,
         "-DCMAKE_BUILD_TYPE=Release"])
    run(["cmake", "--build", hosts])
    env = dict(os.environ, WEFT_CACHE_DIR=os.path.join(tmp, "cache"))
    kernels = os.path.join(example, "kernels.weft")

    cold = run([os.path.join(hosts, "host_cpp"), kernels], env=env)
    expect(cold, r"^y\[0\] = 4.5, y\[n-1\] = 4.5$")
    expect(cold, r"^row norms: 5 0 10$")
    expect(cold, r"^pi ~ 3.1\d\d$")
    expect(cold, r"^expected error: .*'axpy' takes 3 arguments, the host "
                 r"passed 2")
    expect(cold, r"^metrics: 3 compiled, 0 from the cache, 4 calls")
    warm = run([os.path.join(hosts, "host_cpp"), kernels], env=env)
    expect(warm, r"^metrics: 0 compiled, 3 from the cache, 4 calls")
    print(cold.strip().splitlines()[1] + "  (cold cache)")
    print(warm.strip().splitlines()[1] + "  (warm cache)")

    out = run([os.path.join(hosts, "host_c"), kernels], env=env)
    expect(out, r"^y = 1 11 21 \.\.\. 71$")
    expect(out, r"^row norms: 5 10 \(shape 2\)$")
    expect(out, r"^expected error \(status 2\): there is no function "
                r"'no_such_kernel'")
    expect(out, r'^metrics: \{')

    # pkg-config, from the installed weft.pc.
    pc = dict(env, PKG_CONFIG_PATH=os.path.join(prefix, "lib", "pkgconfig"))
    flags = run(["pkg-config", "--cflags", "--libs", "weft"], env=pc).split()
    exe = os.path.join(tmp, "host_c_pc")
    run(["cc", os.path.join(example, "host.c"), "-o", exe] + flags)
    out = run([exe, kernels], env=env)
    expect(out, r"^y = 1 11 21 \.\.\. 71$")
print("installed package: CMake and pkg-config hosts OK")
