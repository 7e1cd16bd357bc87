# Source: ska-sa/katdal katdal/averager.py (at commit 76af7729)
# Licence: BSD-3-Clause (katdal, the file's header: Copyright (c) 2011-2021, National Research Foundation (SARAO))
# Notes: time and frequency averaging of MeerKAT correlator visibilities with their weights and flags (radio astronomy, signal processing), as katdal's average_visibilities does before writing a Measurement Set: _average_visibilities (@numba.jit(nopython=True, parallel=True)) views the bool flags as uint8, takes the output shapes from integer division, builds typed constants with weight.dtype.type(...), and over a numba.prange loop of averaged channels allocates per-thread scratch vectors and walks 128-baseline blocks, accumulating complex64 sums, weight-times-visibility sums, float32 weight sums and any/all flag reductions (|=, &=) before writing the weighted average (or the unweighted one where everything is flagged) into three output arrays returned as a tuple. Pasted: the licence header, the numba and numpy imports and _average_visibilities verbatim (left out: the plain-Python wrapper average_visibilities that trims the arrays and averages timestamps and frequencies). The harness passes what the wrapper passes for 8 dumps x 64 channels x 300 baselines: complex64 visibilities, float32 weights and bool flags (5 percent random flags plus one fully flagged time-channel block), timeav = 2, chanav = 4 and flagav = False
################################################################################
# Copyright (c) 2011-2021, National Research Foundation (SARAO)
#
# Licensed under the BSD 3-Clause License (the "License"); you may not use
# this file except in compliance with the License. You may obtain a copy
# of the License at
#
#   https://opensource.org/licenses/BSD-3-Clause
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
################################################################################

import numba
import numpy as np


@numba.jit(nopython=True, parallel=True)
def _average_visibilities(vis, weight, flag, timeav, chanav, flagav):
    # Workaround for https://github.com/numba/numba/issues/2921
    flag_u8 = flag.view(np.uint8)

    # Compute shapes
    n_time, n_chans, n_bl = vis.shape
    av_n_time = n_time // timeav
    av_n_chans = n_chans // chanav
    av_shape = (av_n_time, av_n_chans, n_bl)

    # Allocate output buffers
    av_vis = np.empty(av_shape, vis.dtype)
    av_weight = np.empty(av_shape, weight.dtype)
    av_flag = np.empty(av_shape, flag.dtype)

    scale = weight.dtype.type(1.0 / (timeav * chanav))
    wzero = weight.dtype.type(0)   # Zero constant of correct type

    bl_step = 128      # Want a chunk to be multiple cache lines but into L1
    # We put channel as the outer loop just because it's more likely than
    # time to get parallel speedup with prange (since the time axis is often
    # short e.g. 1).
    for av_c in numba.prange(0, av_n_chans):
        cstart = av_c * chanav
        vis_sum = np.empty(bl_step, vis.dtype)
        vis_weight_sum = np.empty(bl_step, vis.dtype)
        weight_sum = np.empty(bl_step, weight.dtype)
        flag_any = np.empty(bl_step, np.bool_)
        flag_all = np.empty(bl_step, np.bool_)
        for av_t in range(0, av_n_time):
            tstart = av_t * timeav
            for bstart in range(0, n_bl, bl_step):
                bstop = min(n_bl, bstart + bl_step)
                vis_sum[:] = 0
                vis_weight_sum[:] = 0
                weight_sum[:] = 0
                flag_any[:] = False
                flag_all[:] = True
                for t in range(tstart, tstart + timeav):
                    for c in range(cstart, cstart + chanav):
                        for b in range(bstop - bstart):
                            b1 = b + bstart
                            v = vis[t, c, b1]
                            w = weight[t, c, b1]
                            f = (flag_u8[t, c, b1] != 0)
                            if f:
                                # Don't simply use 0 here: it causes numba's type
                                # inference to upgrade w from float32 to float64.
                                w = wzero
                            flag_any[b] |= f
                            flag_all[b] &= f
                            vis_sum[b] += v
                            vis_weight_sum[b] += w * v
                            weight_sum[b] += w
                for b in range(bstop - bstart):
                    b1 = b + bstart
                    w = np.float32(weight_sum[b])
                    # If everything is flagged/zero-weighted, use an unweighted average
                    if not w:
                        v = vis_sum[b] * scale
                    else:
                        v = vis_weight_sum[b] / w
                    f = flag_any[b] if flagav else flag_all[b]
                    av_vis[av_t, av_c, b1] = v
                    av_weight[av_t, av_c, b1] = w
                    av_flag[av_t, av_c, b1] = f
    return av_vis, av_weight, av_flag
# ---- harness (not part of the program) ----
ENTRY = "_average_visibilities"


def inputs():
    # 8 dumps x 64 channels x 300 baselines of MeerKAT-like visibilities
    rng = np.random.default_rng(0)
    shape = (8, 64, 300)
    vis = (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)).astype(np.complex64)
    weight = rng.uniform(0.5, 2.0, shape).astype(np.float32)
    flag = rng.random(shape) < 0.05
    flag[2:4, 8:12, :] = True
    return (vis, weight, flag, 2, 4, False)
