#!/usr/bin/python3
"""startup.py - how long `weft` takes to start, beside `python3 -c pass`.

Usage: /usr/bin/python3 bench/startup.py [--runs N] [--shared PATH]

Times, in one run and interleaved, `weft --version`, `weft check` and
`weft run` of a hello-world program (the code cache filled), and
`python3 -c pass`: the median wall time of N runs each (default 50) after
3 warm-ups. --shared PATH adds a weft built with -DWEFT_STATIC_LLVM=OFF
(the shared libLLVM.so/libMLIR.so) for comparison. The issue's target:
`weft --version` within 1.5x of `python3 -c pass`.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WEFT = os.environ.get("WEFT", os.path.join(ROOT, "build", "bin", "weft"))
RUNS = int(sys.argv[sys.argv.index("--runs") + 1]) \
    if "--runs" in sys.argv else 50
SHARED = sys.argv[sys.argv.index("--shared") + 1] \
    if "--shared" in sys.argv else None


def main():
    with tempfile.TemporaryDirectory(prefix="weft_startup_") as tmp:
        hello = os.path.join(tmp, "hello.weft")
        with open(hello, "w") as f:
            f.write('print("hello")\n')
        env = dict(os.environ, WEFT_CACHE_DIR=os.path.join(tmp, "cache"))
        commands = [("python3 -c pass", ["/usr/bin/python3", "-c", "pass"])]
        for label, weft in (("weft", WEFT), ("weft (shared LLVM)", SHARED)):
            if not weft:
                continue
            commands += [(label + " --version", [weft, "--version"]),
                         (label + " check hello", [weft, "check", hello]),
                         (label + " run hello (cached)", [weft, "run", hello])]
        times = {label: [] for label, _ in commands}
        for _ in range(3):
            for _, cmd in commands:
                subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL,
                               check=True)
        for _ in range(RUNS):
            for label, cmd in commands:
                t = time.perf_counter()
                subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL,
                               check=True)
                times[label].append(time.perf_counter() - t)
    python = statistics.median(times["python3 -c pass"])
    print("start-up: median of %d runs each, interleaved; load %.2f"
          % (RUNS, os.getloadavg()[0]))
    print("| command | ms | / python3 -c pass |")
    print("| --- | ---: | ---: |")
    for label, _ in commands:
        m = statistics.median(times[label])
        print("| `%s` | %.1f | %.2f |" % (label, m * 1e3, m / python))


if __name__ == "__main__":
    main()
