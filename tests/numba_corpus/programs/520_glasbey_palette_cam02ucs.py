# Source: lmcinnes/glasbey glasbey/_internals.py (at commit 15821e97)
# Licence: MIT (glasbey, LICENSE; Copyright (c) 2022 Leland McInnes)
# Notes: Glasbey categorical colour-palette generation (colour science / visualisation): generate_palette_cam02ucs greedily picks, from a grid of candidate colours in CAM02-UCS space, the colour farthest from all colours chosen so far, via get_next_color which updates a running minimum squared distance per candidate and returns the argmax row; generate_next_color_cam02ucs extends an existing palette block. Numba features: @numba.njit with explicit signature lists mixing strings ("f4[::1](f4[::1], f4[:,::1], f4[::1])", "f4[:,::1](f4[:,::1], f4[:,::1], i4)") and numba.types.Array(numba.float32, n, "C", readonly=True) signatures, locals= type declarations (numba.float32, numba.intp, numba.uint32, numba.uint16, an Array type), fastmath=True, nogil=True, boundscheck=False, np.uint16 scalar used as a slice bound and range limit, row stores result[i] = <1-D array>, discarded `_ =` results. Pasted: the whole module; the harness, as glasbey.create_palette does after converting its RGB grid with colorspacious, passes a C-contiguous float32 (N, 3) cloud of candidate colours (here a synthetic lightness/chroma/hue grid mapped to J'a'b'-like coordinates), a one-colour seed palette and the palette size, then extends the palette with a read-only candidate array and a 3-colour block; it returns both palettes and the updated distance array
# MIT License
# Leland McInnes, Sergey Alexandrov

import numpy as np
import numba


@numba.njit(
    [
        "f4[::1](f4[::1], f4[:,::1], f4[::1])",
        numba.types.Array(numba.float32, 1, "C", readonly=True)(
            numba.types.Array(numba.float32, 1, "C"),
            numba.types.Array(numba.float32, 2, "C", readonly=True),
            numba.types.Array(numba.float32, 1, "C", readonly=True),
        ),
    ],
    locals={
        "diff": numba.float32,
        "d": numba.float32,
        "dim": numba.intp,
        "i": numba.uint32,
    },
    fastmath=True,
    nogil=True,
    boundscheck=False,
)
def get_next_color(distances, colors, new_color):
    argmax = -1
    max_dist = 0.0
    dim = distances.shape[0]
    for i in range(dim):
        d = 0.0
        for j in range(3):
            diff = colors[i, j] - new_color[j]
            d += diff * diff
        if d < distances[i]:
            distances[i] = d
        if distances[i] > max_dist:
            max_dist = distances[i]
            argmax = i

    return colors[argmax]


@numba.njit(
    [
        "f4[:,::1](f4[:,::1], f4[:,::1], i4)",
        numba.types.Array(numba.float32, 2, "C")(
            numba.types.Array(numba.float32, 2, "C", readonly=True),
            numba.types.Array(numba.float32, 2, "C", readonly=True),
            numba.uint32,
        ),
    ],
    locals={
        "distances": numba.types.Array(numba.float32, 1, "C"),
        "initial_palette_size": numba.uint16,
        "i": numba.uint16,
    },
)
def generate_palette_cam02ucs(colors, initial_palette, size):
    distances = np.full(colors.shape[0], fill_value=1e12, dtype=np.float32)
    result = np.empty((size, 3), dtype=np.float32)
    initial_palette_size = np.uint16(initial_palette.shape[0])
    result[:initial_palette_size] = initial_palette

    for i in range(initial_palette_size):
        _ = get_next_color(distances, colors, result[i])

    for i in range(initial_palette_size, size):
        result[i] = get_next_color(distances, colors, result[i - 1])

    return result


@numba.njit(
    [
        #         'f4[::1](f4[:,::1], f4[::1], f4[:,::1])',
        numba.types.Array(numba.float32, 1, "C", readonly=True)(
            numba.types.Array(numba.float32, 2, "C", readonly=True),
            numba.types.Array(numba.float32, 1, "C"),
            numba.types.Array(numba.float32, 2, "C", readonly=True),
        )
    ],
    locals={
        "i": numba.uint16,
    },
)
def generate_next_color_cam02ucs(colors, current_distances, new_palette_block):
    for i in range(new_palette_block.shape[0]):
        _ = get_next_color(current_distances, colors, new_palette_block[i])

    result = get_next_color(current_distances, colors, new_palette_block[0])

    return result
# ---- harness (not part of the program) ----
ENTRY = "run_palette"


def run_palette(colors, seed, block):
    palette = generate_palette_cam02ucs(colors, seed, np.int32(24))
    ro_colors = colors.copy()
    ro_colors.flags.writeable = False
    ro_block = block.copy()
    ro_block.flags.writeable = False
    distances = np.full(colors.shape[0], fill_value=1e12, dtype=np.float32)
    for k in range(palette.shape[0]):
        get_next_color(distances, colors, palette[k].copy())
    nxt = generate_next_color_cam02ucs(ro_colors, distances, ro_block)
    return palette, np.array(nxt), distances


def inputs():
    # 16 lightness x 12 chroma x 24 hue candidate colours as (J', a', b') float32 rows,
    # slightly jittered so that no two distances tie; a white-ish seed colour; a 3-colour block
    rng = np.random.default_rng(0)
    J = np.linspace(20.0, 90.0, 16)
    C = np.linspace(5.0, 40.0, 12)
    H = np.linspace(0.0, 2 * np.pi, 24, endpoint=False)
    jj, cc, hh = np.meshgrid(J, C, H, indexing="ij")
    colors = np.stack([jj.ravel(), (cc * np.cos(hh)).ravel(), (cc * np.sin(hh)).ravel()], axis=1)
    colors = np.ascontiguousarray((colors + rng.normal(0, 0.05, colors.shape)).astype(np.float32))
    seed = np.array([[95.0, 0.0, 0.0]], dtype=np.float32)
    block = np.ascontiguousarray(colors[[5, 700, 3000]])
    return (colors, seed, block)
