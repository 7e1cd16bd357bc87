# Source: OuyangWenyu/hydromodel hydromodel/models/gr4j.py (at commit 0ab9be2b)
# Licence: MIT (hydromodel, pyproject.toml at commit 0244380c: classifier "License :: OSI Approved :: MIT License"; Wenyu Ouyang)
# Notes: the GR4J daily rainfall-runoff model of one catchment, the fused fast path of hydromodel's gr4j(): _gr4j_jit_core (@jit(nopython=True, cache=True)) builds the two unit hydrographs from differences of S-curves (int(math.ceil(x4)) ordinates, fractional powers ** 2.5, branches on t < x4 and t < 2 * x4), runs the production store over the series (net rainfall or evaporation, clipping of the store by comparisons, math.tanh, the percolation with ** -0.25), convolves the effective rainfall with both unit hydrographs as truncated running sums (conditional expressions for the kernel length), and runs the routing store with groundwater exchange (** 3.5) and direct flow; it returns the tuple (qsim, ets, final production store, final routing store). Pasted: the module docstring, the math, numpy and numba imports (less typing and the hydromodel imports, which only the plain-Python wrappers use) and _gr4j_jit_core with the comment block above it; left out: the per-step jitted helpers, production, uh_gr4j, routing and gr4j, which maps normalised parameters through the project's parameter configuration; the harness passes what gr4j passes for one basin after a warm-up: 730 days of float64 precipitation (intermittent exponential storms with a seasonal cycle) and potential evaporation (sinusoidal, 0.5-5 mm/day), the parameters x1 = 350 mm, x2 = 0.5 mm, x3 = 90 mm, x4 = 1.7 days as floats, and the initial stores 0.5 * x1 and 0.5 * x3
"""
Author: Wenyu Ouyang
Date: 2025-02-18 10:20:58
LastEditTime: 2025-08-19 09:34:29
LastEditors: Wenyu Ouyang
Description: Core code for GR4J model
FilePath: /hydromodel/hydromodel/models/gr4j.py
Copyright: Copyright (c) 2021-2024 zhuanglaihong. All rights reserved.
"""

import math
import numpy as np
from numba import jit


# ---------------------------------------------------------------------------
# Fast path: a fully JIT-compiled core for single-basin GR4J.
#
# The historical implementation paid two large overheads in the hot loop:
#   1. A Python for-loop over time stepped through production() and routing(),
#      both of which were plain-Python functions that re-entered numba on every
#      step to call calculate_precip_store / calculate_evap_store / calculate_perc.
#      With SCE-UA running 10^4+ evaluations of 10^3+ time steps, the JIT
#      boundary crossings dominated runtime even though the leaf math was JITted.
#   2. The top-level gr4j() recursively re-invoked itself to warm up, doubling
#      the work per evaluation.
#
# _gr4j_jit_core fuses production, UH convolution and routing into a single
# nopython function operating on scalar parameters and 1D prcp/pet arrays for
# one basin. The wrapper below calls it once for warmup (to obtain seeded
# storage states) and once for the main window — no Python-level recursion,
# no per-step Python dispatch, no np.clip/np.full allocations per step.
# ---------------------------------------------------------------------------
@jit(nopython=True, cache=True)
def _gr4j_jit_core(prcp, pet, x1, x2, x3, x4, s0, r0):
    """Single-basin GR4J: production + UH convolution + routing in one pass.

    Returns
    -------
    qsim : 1D array [n_time]
        Routed streamflow.
    ets : 1D array [n_time]
        Evaporation from production store (same definition as legacy code).
    s_final, r_final : float
        Production / routing storage at end of the window.
    """
    n = prcp.shape[0]

    # --- Unit hydrograph ordinates (computed from differences of S-curves) ---
    n_uh1 = int(math.ceil(x4))
    n_uh2 = int(math.ceil(2.0 * x4))
    # Guard against pathological tiny x4 (shouldn't happen with sane ranges).
    if n_uh1 < 1:
        n_uh1 = 1
    if n_uh2 < 1:
        n_uh2 = 1
    uh1 = np.empty(n_uh1)
    uh2 = np.empty(n_uh2)

    for t in range(1, n_uh1 + 1):
        if t < x4:
            v1 = (t / x4) ** 2.5
        else:
            v1 = 1.0
        tp = t - 1
        if tp <= 0:
            v0 = 0.0
        elif tp < x4:
            v0 = (tp / x4) ** 2.5
        else:
            v0 = 1.0
        uh1[t - 1] = v1 - v0

    two_x4 = 2.0 * x4
    for t in range(1, n_uh2 + 1):
        if t < x4:
            v1 = 0.5 * (t / x4) ** 2.5
        elif t < two_x4:
            v1 = 1.0 - 0.5 * (2.0 - t / x4) ** 2.5
        else:
            v1 = 1.0
        tp = t - 1
        if tp <= 0:
            v0 = 0.0
        elif tp < x4:
            v0 = 0.5 * (tp / x4) ** 2.5
        elif tp < two_x4:
            v0 = 1.0 - 0.5 * (2.0 - tp / x4) ** 2.5
        else:
            v0 = 1.0
        uh2[t - 1] = v1 - v0

    # --- Production loop ---
    prs = np.empty(n)
    ets = np.empty(n)
    s = s0

    for i in range(n):
        p = prcp[i]
        e = pet[i]
        diff = p - e
        if diff > 0.0:
            pn = diff
            en = 0.0
        else:
            pn = 0.0
            en = -diff

        # Clip s into [0, x1] at the start of the step (matches np.clip semantics).
        if s > x1:
            s = x1
        elif s < 0.0:
            s = 0.0

        if pn > 0.0:
            th = math.tanh(pn / x1)
            s_ratio = s / x1
            ps = x1 * (1.0 - s_ratio * s_ratio) * th / (1.0 + s_ratio * th)
        else:
            ps = 0.0

        if en > 0.0:
            th = math.tanh(en / x1)
            s_ratio = s / x1
            es = s * (2.0 - s_ratio) * th / (1.0 + (1.0 - s_ratio) * th)
        else:
            es = 0.0

        s_new = s - es + ps
        if s_new > x1:
            s_new = x1
        elif s_new < 0.0:
            s_new = 0.0

        ratio = 4.0 / 9.0 * s_new / x1
        perc = s_new * (1.0 - (1.0 + ratio * ratio * ratio * ratio) ** -0.25)
        s = s_new - perc

        prs[i] = perc + (pn - ps)
        ets[i] = es

    # --- UH convolution (running sum, equivalent to np.convolve truncated) ---
    q9 = np.empty(n)
    q1 = np.empty(n)
    for i in range(n):
        kmax = n_uh1 if i + 1 > n_uh1 else i + 1
        a9 = 0.0
        for k in range(kmax):
            a9 += uh1[k] * prs[i - k]
        q9[i] = a9

        kmax = n_uh2 if i + 1 > n_uh2 else i + 1
        a1 = 0.0
        for k in range(kmax):
            a1 += uh2[k] * prs[i - k]
        q1[i] = a1

    # --- Routing loop ---
    qsim = np.empty(n)
    r = r0
    for i in range(n):
        if r > x3:
            r = x3
        elif r < 0.0:
            r = 0.0

        gw_ex = x2 * (r / x3) ** 3.5
        r_upd = r + q9[i] + gw_ex
        if r_upd < 0.0:
            r_upd = 0.0

        ratio = r_upd / x3
        qr = r_upd * (1.0 - (1.0 + ratio * ratio * ratio * ratio) ** -0.25)
        r = r_upd - qr

        qd_pre = q1[i] + gw_ex
        qd = qd_pre if qd_pre > 0.0 else 0.0
        qsim[i] = qr + qd

    return qsim, ets, s, r
# ---- harness (not part of the program) ----
ENTRY = "_gr4j_jit_core"


def inputs():
    # two years of daily forcing for one basin: rain on ~35% of days,
    # exponential amounts with a wetter winter; sinusoidal potential
    # evaporation between 0.5 and 5 mm/day; GR4J parameters in their usual
    # ranges and the default initial stores (half full)
    rng = np.random.default_rng(0)
    n = 730
    day = np.arange(n)
    season = 0.5 * (1.0 + np.cos(2 * np.pi * day / 365.0))
    wet = rng.random(n) < (0.25 + 0.2 * season)
    prcp = np.where(wet, rng.exponential(4.0 + 6.0 * season), 0.0)
    pet = 2.75 - 2.25 * np.cos(2 * np.pi * (day - 15) / 365.0 + np.pi)
    prcp = np.ascontiguousarray(prcp, dtype=np.float64)
    pet = np.ascontiguousarray(pet, dtype=np.float64)
    x1, x2, x3, x4 = 350.0, 0.5, 90.0, 1.7
    return (prcp, pet, x1, x2, x3, x4, 0.5 * x1, 0.5 * x3)
