# Source: spcl/npbench npbench/benchmarks/weather_stencils/hdiff_sp/hdiff_sp_numba_n.py
# Licence: BSD-3-Clause (NPBench)
# Notes: COSMO horizontal diffusion (gt4py variant) on float32 3-D fields: Laplacian and flux limiters as 3-D slice expressions, np.where with an int and an array, writes out_field[:, :, :], returns None
import numpy as np
import numba as nb


# Adapted from https://github.com/GridTools/gt4py/blob/1caca893034a18d5df1522ed251486659f846589/tests/test_integration/stencil_definitions.py#L194
@nb.jit(nopython=True, parallel=False, fastmath=True)
def hdiff_sp(in_field, out_field, coeff):
    I, J, K = out_field.shape[0], out_field.shape[1], out_field.shape[2]
    lap_field = 4.0 * in_field[1:I + 3, 1:J + 3, :] - (
        in_field[2:I + 4, 1:J + 3, :] + in_field[0:I + 2, 1:J + 3, :] +
        in_field[1:I + 3, 2:J + 4, :] + in_field[1:I + 3, 0:J + 2, :])

    res = lap_field[1:, 1:J + 1, :] - lap_field[:-1, 1:J + 1, :]
    flx_field = np.where(
        (res *
         (in_field[2:I + 3, 2:J + 2, :] - in_field[1:I + 2, 2:J + 2, :])) > 0,
        0,
        res,
    )

    res = lap_field[1:I + 1, 1:, :] - lap_field[1:I + 1, :-1, :]
    fly_field = np.where(
        (res *
         (in_field[2:I + 2, 2:J + 3, :] - in_field[2:I + 2, 1:J + 2, :])) > 0,
        0,
        res,
    )

    out_field[:, :, :] = in_field[2:I + 2, 2:J + 2, :] - coeff[:, :, :] * (
        flx_field[1:, :, :] - flx_field[:-1, :, :] + fly_field[:, 1:, :] -
        fly_field[:, :-1, :])

# ---- harness (not part of the program) ----
ENTRY = "hdiff_sp"


def inputs():
    # NPBench's initialize(I, J, K) (hdiff_sp.py; float32 only), seed 0
    rng = np.random.default_rng(0)
    I, J, K = 16, 16, 8
    in_field = rng.random((I + 4, J + 4, K)).astype(np.float32)
    out_field = rng.random((I, J, K)).astype(np.float32)
    coeff = rng.random((I, J, K)).astype(np.float32)
    return (in_field, out_field, coeff)
