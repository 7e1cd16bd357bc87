"""Parses a `weft bench --plot` SVG and checks what it shows: one speedup
and one efficiency point per thread count (argv[2], "1,2,4"), the ideal
lines, the fitted curve, labelled axes, a legend and a title."""
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
threads = [int(t) for t in sys.argv[2].split(",")]


def fail(msg):
    print("check_plot_svg: " + msg)
    sys.exit(1)


if root.tag != NS + "svg":
    fail("not an SVG document")
by_class = {}
for el in root.iter():
    cls = el.get("class")
    if cls:
        by_class.setdefault(cls, []).append(el)
for kind in ("speedup-point", "efficiency-point"):
    pts = by_class.get(kind, [])
    if [int(p.get("data-threads")) for p in pts] != threads:
        fail("%s threads %s" % (kind, [p.get("data-threads") for p in pts]))
    for p in pts:
        float(p.get("data-value"))
        float(p.get("cx"))
        float(p.get("cy"))
# Speedup at the first thread count is 1 by definition.
if abs(float(by_class["speedup-point"][0].get("data-value")) - 1.0) > 1e-9:
    fail("baseline speedup")
if len(by_class.get("ideal", [])) != 2:
    fail("ideal lines")
if len(by_class.get("amdahl-fit", by_class.get("gustafson-fit", []))) != 1:
    fail("fitted curve")
if len(by_class["amdahl-fit"][0].get("points").split()) < 10:
    fail("the fitted curve has too few points")
texts = {"".join(t.itertext()) for t in root.iter(NS + "text")}
for want in ("threads", "speedup (T1 / TN)", "efficiency (S / N)",
             "measured", "ideal (S = N)"):
    if want not in texts:
        fail("missing text %r" % want)
if not any(t.startswith("Amdahl fit (P = ") for t in texts):
    fail("legend entry of the fit")
if len(by_class.get("legend", [])) != 2:
    fail("legends")
if not by_class.get("title") or "bench.weft" not in "".join(by_class["title"][0].itertext()):
    fail("title")
print("plot ok")
