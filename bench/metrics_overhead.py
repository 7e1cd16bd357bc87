#!/usr/bin/python3
"""metrics_overhead.py - what `weft run --metrics` costs at run time.

Usage: /usr/bin/python3 bench/metrics_overhead.py [--rounds R]

Runs benchmark kernels of bench/kernels/ with and without `--metrics`
(alternating, ROUNDS times each, default 5) and compares the kernel time
each program prints (the median of its timed calls; every timed call is
an entry call, so it is instrumented when metrics are on). Prints one row
per kernel: seconds per call off and on (median over the rounds), the
overhead in percent, and the per-call cost in microseconds. Metrics off
means the code has no instrumentation at all (it is only compiled in with
--metrics), so "off" is also the cost of a build without metrics.
"""
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WEFT = os.environ.get("WEFT", os.path.join(ROOT, "build", "bin", "weft"))
ROUNDS = 5
if "--rounds" in sys.argv:
    ROUNDS = int(sys.argv[sys.argv.index("--rounds") + 1])

# (kernel, program arguments): per-call times from ~100 us to ~50 ms.
CASES = [
    ("mc_pi", ["2000000", "21"]),
    ("triad", ["1048576", "41"]),
    ("dot", ["16777216", "11"]),
    ("softmax", ["1024", "21"]),
    ("mandelbrot", ["400", "11"]),
]


def run(kernel, args, metrics):
    cmd = [WEFT, "run", "--threads", str(os.cpu_count())]
    if metrics:
        cmd.append("--metrics")
    cmd += [os.path.join(HERE, "kernels", kernel + ".weft"), "--"] + args
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return float(out.stdout.split()[0])


def main():
    print("metrics overhead: %d rounds, %d threads, median seconds per call"
          % (ROUNDS, os.cpu_count()))
    print("%-12s %12s %12s %10s %12s" % ("kernel", "off", "--metrics",
                                         "overhead", "us per call"))
    worst = 0.0
    for kernel, args in CASES:
        off, on = [], []
        for _ in range(ROUNDS):
            off.append(run(kernel, args, False))
            on.append(run(kernel, args, True))
        t_off, t_on = statistics.median(off), statistics.median(on)
        over = (t_on - t_off) / t_off * 100
        worst = max(worst, over)
        print("%-12s %12.6f %12.6f %9.2f%% %12.2f" % (
            kernel, t_off, t_on, over, (t_on - t_off) * 1e6))
    print("largest overhead: %.2f%% (target < 1%%; differences within the "
          "machine's noise show as small negative or positive values)" % worst)


if __name__ == "__main__":
    main()
