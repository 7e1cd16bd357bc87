"""Parses a `weft bench --plot` SVG and checks what it shows: one speedup
and one efficiency point per thread count (argv[2], "1,2,4"), an error
bar per speedup point, the ideal lines, the fitted curve when the fit was
made (its legend entry exactly then), labelled axes, a legend and a
title."""
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
bars = by_class.get("speedup-error", [])
if [int(b.get("data-threads")) for b in bars] != threads:
    fail("error bars %s" % [b.get("data-threads") for b in bars])
for b, p in zip(bars, by_class["speedup-point"]):
    lo, hi = sorted((float(b.get("y1")), float(b.get("y2"))))
    if not lo - 1e-6 <= float(p.get("cy")) <= hi + 1e-6:
        fail("the point of %s threads is outside its error bar"
             % p.get("data-threads"))
fits = by_class.get("amdahl-fit", [])
if len(fits) > 1:
    fail("fitted curves")
if fits and len(fits[0].get("points").split()) < 10:
    fail("the fitted curve has too few points")
texts = {"".join(t.itertext()) for t in root.iter(NS + "text")}
for want in ("threads", "speedup (T1 / TN)", "efficiency (S / N)",
             "measured (bars: fastest, slowest run)", "ideal (S = N)"):
    if want not in texts:
        fail("missing text %r" % want)
if bool(fits) != any(t.startswith("Amdahl fit (P = ") for t in texts):
    fail("legend entry of the fit without the fit, or the other way")
if len(by_class.get("legend", [])) != 2:
    fail("legends")
if not by_class.get("title") or "bench.weft" not in "".join(by_class["title"][0].itertext()):
    fail("title")
print("plot ok")
