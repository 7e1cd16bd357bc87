"""Checks a `weft run --metrics=json:PATH` file of run-metrics.weft against
the documented schema (docs/metrics.md) and the program's known counts."""
import json
import sys


def fail(msg):
    print("check_metrics_json: " + msg)
    sys.exit(1)


def expect(cond, msg):
    if not cond:
        fail(msg)


d = json.load(open(sys.argv[1]))
expect(d["schema"] == "weft-metrics/1", "schema")
expect(d["file"].endswith("run-metrics.weft"), "file")

c = d["compile"]
stages = [s["stage"] for s in c["stages"]]
expect(stages == ["parse", "sema", "mlir-context", "mlirgen",
                  "pipeline:cleanup", "pipeline:cpu-lowering", "target-setup",
                  "llvm-translate", "llvm-optimize", "codegen", "jit-load"],
       "stages %s" % stages)
total = c["total_seconds"]
summed = sum(s["seconds"] for s in c["stages"])
expect(total > 0 and all(s["seconds"] >= 0 for s in c["stages"]), "times")
# The stages account for the whole compile: within 10%, or 100 ms of gaps
# between stages on a loaded machine (the scheduler's, not Weft's: 12 ms
# were seen with the test suite running on both cores, and more than 25 ms
# once, with the random tester and the corpus beside it).
expect(summed <= 1.05 * total and
       total - summed <= max(0.10 * total, 0.1),
       "stages sum to %g s, the compile took %g s" % (summed, total))
expect(isinstance(c["object_bytes"], int) and c["object_bytes"] > 1000,
       "object_bytes")
names = {f["name"]: f["code_bytes"] for f in c["functions"]}
expect(names.get("work", 0) > 0 and names.get("small", 0) > 0 and
       names.get("__weft_main", 0) > 0, "function code sizes %s" % names)
gen = {x["function"] for x in c["details"] if x["stage"] == "mlirgen"}
expect(gen == {"__weft_main", "work", "small"}, "mlirgen per function")
groups = {x.get("group") for x in c["details"] if "group" in x}
expect(groups == {"cleanup", "cpu-lowering"}, "pass groups %s" % groups)
passes = [x["stage"] for x in c["details"] if x.get("group") == "cpu-lowering"]
expect("convert-scf-to-openmp" in passes and "convert-weft-to-llvm" in passes,
       "passes")
# Each pipeline's passes add up to no more than the pipeline.
for g in ("cleanup", "cpu-lowering"):
    inner = sum(x["seconds"] for x in c["details"] if x.get("group") == g)
    outer = [s["seconds"] for s in c["stages"] if s["stage"] == "pipeline:" + g][0]
    expect(inner <= outer * 1.0001, "passes of %s" % g)

r = d["run"]
for key in ("wall_seconds", "cpu_seconds", "threads", "parallel_regions",
            "bytes_allocated", "peak_live_bytes", "peak_rss_bytes", "entries"):
    expect(key in r, "run." + key)
expect(r["threads"] >= 1 and r["peak_rss_bytes"] > 1 << 20, "threads, rss")
entries = {e["name"]: e for e in r["entries"]}
expect(list(entries) == ["work", "small"], "entries %s" % list(entries))
w = entries["work"]
expect(w["calls"] == 3, "work calls")
expect(w["min_seconds"] <= w["median_seconds"] <= w["max_seconds"], "order")
expect(abs(w["total_seconds"] - sum([w["min_seconds"], w["median_seconds"],
                                     w["max_seconds"]])) < 1e-9, "total")
# ones(100000) per call: 800,000 bytes (plus the sum's small buffers).
expect(2400000 <= w["bytes_allocated"] < 2500000, "work bytes")
expect(800000 <= w["peak_live_bytes"] < 900000, "work peak")
expect(w["parallel_regions"] >= 3, "work parallel regions")
s = entries["small"]
expect(s["calls"] == 1 and s["bytes_allocated"] == 0 and
       s["parallel_regions"] == 0, "small")
expect(r["bytes_allocated"] >= w["bytes_allocated"], "run bytes")
expect(r["parallel_regions"] == w["parallel_regions"], "run regions")
print("metrics JSON ok")
