//===- ScalingPlot.cpp - The `weft bench --plot` SVG ----------------------===//
//
// Draws two panels: speedup against threads (measured points, the ideal
// line S = N, the fitted Amdahl curve; for weak scaling the Gustafson line)
// and efficiency against threads. Plain SVG 1.1, no scripts or fonts to
// fetch; elements carry classes and data- attributes so tests can read
// the plotted values back.
//
//===----------------------------------------------------------------------===//
#include "runtime/Scaling.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace weft::scaling {

namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string escape(const std::string &s) {
  std::string out;
  for (char c : s) {
    if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '&')
      out += "&amp;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
}

/// A "nice" step for about `ticks` ticks over [0, max].
double tickStep(double max, int ticks) {
  double raw = max / ticks;
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (m * mag >= raw)
      return m * mag;
  return 10 * mag;
}

struct Panel {
  double x0, y0, w, h; // plot area in pixels
  double xMax, yMax;   // data ranges start at 0
  double px(double x) const { return x0 + w * x / xMax; }
  double py(double y) const { return y0 + h - h * y / yMax; }
};

std::string axes(const Panel &p, const std::string &xLabel,
                 const std::string &yLabel, const std::vector<int> &xTicks) {
  std::string s;
  s += "<g class=\"axes\" stroke=\"#333\" stroke-width=\"1\">\n";
  s += "<line x1=\"" + num(p.x0) + "\" y1=\"" + num(p.y0 + p.h) + "\" x2=\"" +
       num(p.x0 + p.w) + "\" y2=\"" + num(p.y0 + p.h) + "\"/>\n";
  s += "<line x1=\"" + num(p.x0) + "\" y1=\"" + num(p.y0) + "\" x2=\"" +
       num(p.x0) + "\" y2=\"" + num(p.y0 + p.h) + "\"/>\n</g>\n";
  s += "<g class=\"ticks\" font-size=\"11\" fill=\"#333\">\n";
  for (int t : xTicks) {
    s += "<line x1=\"" + num(p.px(t)) + "\" y1=\"" + num(p.y0 + p.h) +
         "\" x2=\"" + num(p.px(t)) + "\" y2=\"" + num(p.y0 + p.h + 4) +
         "\" stroke=\"#333\"/>\n";
    s += "<text x=\"" + num(p.px(t)) + "\" y=\"" + num(p.y0 + p.h + 17) +
         "\" text-anchor=\"middle\">" + std::to_string(t) + "</text>\n";
  }
  double step = tickStep(p.yMax, 5);
  for (double y = 0; y <= p.yMax + 1e-9; y += step) {
    s += "<line x1=\"" + num(p.x0 - 4) + "\" y1=\"" + num(p.py(y)) +
         "\" x2=\"" + num(p.x0 + p.w) + "\" y2=\"" + num(p.py(y)) +
         "\" stroke=\"#ddd\"/>\n";
    char label[32];
    std::snprintf(label, sizeof label, "%g", std::round(y * 1e6) / 1e6);
    s += "<text x=\"" + num(p.x0 - 7) + "\" y=\"" + num(p.py(y) + 4) +
         "\" text-anchor=\"end\">" + label + "</text>\n";
  }
  s += "</g>\n";
  s += "<text class=\"x-label\" x=\"" + num(p.x0 + p.w / 2) + "\" y=\"" +
       num(p.y0 + p.h + 38) + "\" text-anchor=\"middle\" font-size=\"13\">" +
       escape(xLabel) + "</text>\n";
  double yx = p.x0 - 45, yy = p.y0 + p.h / 2;
  s += "<text class=\"y-label\" x=\"" + num(yx) + "\" y=\"" + num(yy) +
       "\" text-anchor=\"middle\" font-size=\"13\" transform=\"rotate(-90 " +
       num(yx) + " " + num(yy) + ")\">" + escape(yLabel) + "</text>\n";
  return s;
}

std::string polyline(const Panel &p, const std::string &cls,
                     const std::string &style,
                     const std::vector<std::pair<double, double>> &pts) {
  std::string s =
      "<polyline class=\"" + cls + "\" fill=\"none\" " + style + " points=\"";
  for (auto &[x, y] : pts)
    s += num(p.px(x)) + "," + num(p.py(std::min(y, p.yMax))) + " ";
  return s + "\"/>\n";
}

std::string legend(double x, double y,
                   const std::vector<std::pair<std::string, std::string>> &e) {
  // e: (style of a short line or "point", text)
  std::string s = "<g class=\"legend\" font-size=\"12\">\n";
  for (size_t i = 0; i < e.size(); ++i) {
    double ly = y + 18.0 * i;
    if (e[i].first == "point")
      s += "<circle cx=\"" + num(x + 10) + "\" cy=\"" + num(ly - 4) +
           "\" r=\"4\" fill=\"#d62728\"/>\n";
    else
      s += "<line x1=\"" + num(x) + "\" y1=\"" + num(ly - 4) + "\" x2=\"" +
           num(x + 20) + "\" y2=\"" + num(ly - 4) + "\" " + e[i].first + "/>\n";
    s += "<text x=\"" + num(x + 28) + "\" y=\"" + num(ly) + "\">" +
         escape(e[i].second) + "</text>\n";
  }
  return s + "</g>\n";
}

} // namespace

std::string plotSvg(const Analysis &a, const std::string &title) {
  const double width = 900, height = 420;
  std::vector<int> ns;
  double sMax = 1, eMax = 1;
  for (const Row &r : a.rows) {
    ns.push_back(r.threads);
    sMax = std::max(sMax, r.speedup);
    eMax = std::max(eMax, r.efficiency);
  }
  int nMax =
      ns.empty() ? 1 : std::max(1, *std::max_element(ns.begin(), ns.end()));
  Panel sp{80, 60, 330, 270, nMax * 1.05, std::max<double>(nMax, sMax) * 1.1};
  Panel ep{530, 60, 330, 270, nMax * 1.05, eMax * 1.15};

  std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                  num(width) + "\" height=\"" + num(height) +
                  "\" viewBox=\"0 0 " + num(width) + " " + num(height) +
                  "\" font-family=\"sans-serif\">\n";
  s += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  s += "<text class=\"title\" x=\"" + num(width / 2) +
       "\" y=\"28\" text-anchor=\"middle\" font-size=\"16\">" + escape(title) +
       "</text>\n";

  // Speedup panel.
  s += axes(sp, "threads",
            a.weak ? "scaled speedup (N T1 / TN)" : "speedup (T1 / TN)", ns);
  s += polyline(sp, "ideal", "stroke=\"#888\" stroke-dasharray=\"6,4\"",
                {{1, 1}, {static_cast<double>(nMax), nMax}});
  std::vector<std::pair<double, double>> curve;
  for (int i = 0; i <= 60; ++i) {
    double n = 1 + (nMax - 1) * i / 60.0;
    curve.push_back({n, a.weak ? n - a.gustafsonSerial * (n - 1)
                               : amdahlSpeedup(a.amdahlP, n)});
  }
  if (a.fitMade)
    s += polyline(sp, a.weak ? "gustafson-fit" : "amdahl-fit",
                  "stroke=\"#1f77b4\" stroke-width=\"2\"", curve);
  std::vector<std::pair<double, double>> measured, eff;
  for (const Row &r : a.rows) {
    measured.push_back({static_cast<double>(r.threads), r.speedup});
    eff.push_back({static_cast<double>(r.threads), r.efficiency});
  }
  s += polyline(sp, "measured-line", "stroke=\"#d62728\" stroke-width=\"1\"",
                measured);
  // Error bars: the speedup of the slowest and of the fastest run.
  for (const Row &r : a.rows) {
    if (r.min <= 0 || r.max <= 0)
      continue;
    double lo = r.speedup * r.median / r.max, hi = r.speedup * r.median / r.min;
    std::string x = num(sp.px(r.threads));
    std::string bar = "stroke=\"#d62728\" stroke-width=\"1\"";
    s += "<line class=\"speedup-error\" data-threads=\"" +
         std::to_string(r.threads) + "\" x1=\"" + x + "\" x2=\"" + x +
         "\" y1=\"" + num(sp.py(lo)) + "\" y2=\"" + num(sp.py(hi)) + "\" " +
         bar + "/>\n";
    for (double v : {lo, hi})
      s += "<line x1=\"" + num(sp.px(r.threads) - 4) + "\" x2=\"" +
           num(sp.px(r.threads) + 4) + "\" y1=\"" + num(sp.py(v)) + "\" y2=\"" +
           num(sp.py(v)) + "\" " + bar + "/>\n";
  }
  for (const Row &r : a.rows)
    s += "<circle class=\"speedup-point\" data-threads=\"" +
         std::to_string(r.threads) + "\" data-value=\"" + num(r.speedup) +
         "\" cx=\"" + num(sp.px(r.threads)) + "\" cy=\"" +
         num(sp.py(r.speedup)) + "\" r=\"4.5\" fill=\"#d62728\"/>\n";
  char fit[96];
  if (a.weak)
    std::snprintf(fit, sizeof fit, "Gustafson fit (serial %.3f)",
                  a.gustafsonSerial);
  else
    std::snprintf(fit, sizeof fit, "Amdahl fit (P = %.3f)", a.amdahlP);
  std::vector<std::pair<std::string, std::string>> keys = {
      {"point", "measured (bars: fastest, slowest run)"},
      {"stroke=\"#888\" stroke-dasharray=\"6,4\"", "ideal (S = N)"}};
  if (a.fitMade)
    keys.push_back({"stroke=\"#1f77b4\" stroke-width=\"2\"", fit});
  s += legend(sp.x0 + 12, sp.y0 + 14, keys);

  // Efficiency panel.
  s += axes(ep, "threads", "efficiency (S / N)", ns);
  s += polyline(ep, "ideal", "stroke=\"#888\" stroke-dasharray=\"6,4\"",
                {{0, 1}, {nMax * 1.05, 1}});
  s += polyline(ep, "efficiency-line", "stroke=\"#2ca02c\" stroke-width=\"1\"",
                eff);
  for (const Row &r : a.rows)
    s += "<circle class=\"efficiency-point\" data-threads=\"" +
         std::to_string(r.threads) + "\" data-value=\"" + num(r.efficiency) +
         "\" cx=\"" + num(ep.px(r.threads)) + "\" cy=\"" +
         num(ep.py(r.efficiency)) + "\" r=\"4.5\" fill=\"#2ca02c\"/>\n";
  s += legend(ep.x0 + 12, ep.y0 + ep.h - 26,
              {{"stroke=\"#2ca02c\" stroke-width=\"1\"", "measured efficiency"},
               {"stroke=\"#888\" stroke-dasharray=\"6,4\"", "ideal (E = 1)"}});
  return s + "</svg>\n";
}

} // namespace weft::scaling
