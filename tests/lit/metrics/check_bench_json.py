"""Reads `weft bench --json` from stdin and checks its schema: one row per
thread count (argv[1], "1,2") with consistent times, the fit or why it was
not made, and the warnings as a list of strings."""
import json
import math
import sys

doc = json.load(sys.stdin)
threads = [int(t) for t in sys.argv[1].split(",")]


def fail(msg):
    print("check_bench_json: " + msg)
    sys.exit(1)


if doc.get("schema") != "weft-bench/1":
    fail("schema %r" % doc.get("schema"))
if not doc.get("program", "").endswith("bench.weft"):
    fail("program")
rows = doc["rows"]
if [r["threads"] for r in rows] != threads:
    fail("threads %s" % [r["threads"] for r in rows])
for r in rows:
    if not 0 < r["min_seconds"] <= r["median_seconds"] <= r["max_seconds"]:
        fail("times of %d threads" % r["threads"])
    if not math.isclose(r["efficiency"], r["speedup"] * threads[0]
                        / r["threads"], rel_tol=1e-9):
        fail("efficiency of %d threads" % r["threads"])
if rows[0]["speedup"] != 1 or rows[0]["karp_flatt"] is not None:
    fail("the baseline row")
fit = doc["fit"]
if fit["made"]:
    if fit["law"] != "amdahl" or not 0 <= fit["parallel_fraction"] <= 1:
        fail("fit %s" % fit)
elif not fit.get("why_not"):
    fail("a fit not made says why")
if not all(isinstance(w, str) for w in doc["warnings"]):
    fail("warnings")
print("bench json ok")
