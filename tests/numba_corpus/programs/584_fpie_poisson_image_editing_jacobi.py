# Source: Trinkle23897/Fast-Poisson-Image-Editing fpie/numba_solver.py (at commit 7fc9a0e4)
# Licence: MIT (fpie, setup.py license="MIT" and its "License :: OSI Approved :: MIT License" classifier; author Jiayi Weng)
# Notes: the Numba backend of fpie, a fast Poisson image editing (seamless cloning) package (image processing): the Poisson equation over the masked region is solved by Jacobi iteration in two formulations, equ_iter on the sparse "equation" form (each unknown pixel's four neighbour ids in an int32 (N, 4) table A; a gather X[A[:, k]] with an integer index array on a float32 (N, 3) state, plus B, over 4.0) and grid_iter on the dense "grid" form (grad.copy() and four shifted-slice in-place additions result[1:] += tgt[:-1], ..., on a float32 (H, W, 3) image), both @njit(fastmath=True) with type annotations; the plain-Python EquSolver and GridSolver classes of the same module drive them (reset, then step(iteration) calling the jitted kernel in a loop, boolean-mask assignment, the residual and a clip to [0, 255]). Pasted: the whole module verbatim. The harness (a plain-Python driver) does what fpie/process.py's EquProcessor.reset / GridProcessor.reset do with the default "max" mixed gradient (Equ. 12 of the PIE paper): it pastes a 30 x 36 region of a synthetic textured source image into a synthetic 48 x 56 target through an elliptical mask, builds A, X, B and the gradient field, runs 200 Jacobi iterations with each solver, and writes the result back into the target
"""Numba-accelerated Poisson solvers."""

import numpy as np
from numba import njit


@njit(fastmath=True)
def equ_iter(N: int, A: np.ndarray, B: np.ndarray, X: np.ndarray) -> np.ndarray:
    """Run one equation-solver Jacobi step."""
    return (B + X[A[:, 0]] + X[A[:, 1]] + X[A[:, 2]] + X[A[:, 3]]) / 4.0


@njit(fastmath=True)
def grid_iter(grad: np.ndarray, tgt: np.ndarray) -> np.ndarray:
    """Run one grid-solver Jacobi step."""
    result = grad.copy()
    result[1:] += tgt[:-1]
    result[:-1] += tgt[1:]
    result[:, 1:] += tgt[:, :-1]
    result[:, :-1] += tgt[:, 1:]
    return result


class EquSolver:
    """Provide a Numba-based Jacobi equation solver."""

    def __init__(self) -> None:
        """Initialize the equation solver state."""
        super().__init__()
        self.N = 0

    def partition(self, mask: np.ndarray) -> np.ndarray:
        """Assign contiguous ids to masked pixels."""
        return np.cumsum((mask > 0).reshape(-1)).reshape(mask.shape)

    def reset(
        self, N: int, A: np.ndarray, X: np.ndarray, B: np.ndarray
    ) -> None:
        """Load the linear system for the equation solver."""
        self.N = N
        self.A = A
        self.B = B
        self.X = equ_iter(N, A, B, X)

    def sync(self) -> None:
        """Synchronize backend state if needed."""
        pass

    def step(self, iteration: int) -> tuple[np.ndarray, np.ndarray]:
        """Run a fixed number of Jacobi iterations."""
        for _ in range(iteration):
            # X = (B + AX) / 4
            self.X = equ_iter(self.N, self.A, self.B, self.X)
        tmp = (
            self.B
            + self.X[self.A[:, 0]]
            + self.X[self.A[:, 1]]
            + self.X[self.A[:, 2]]
            + self.X[self.A[:, 3]]
            - 4.0 * self.X
        )
        err = np.abs(tmp).sum(axis=0)
        x = self.X.copy()
        x[x < 0] = 0
        x[x > 255] = 255
        return x, err


class GridSolver:
    """Provide a Numba-based Jacobi grid solver."""

    def __init__(self) -> None:
        """Initialize the grid solver state."""
        super().__init__()
        self.N = 0

    def reset(
        self, N: int, mask: np.ndarray, tgt: np.ndarray, grad: np.ndarray
    ) -> None:
        """Load the masked target state for the grid solver."""
        self.N = N
        self.mask = mask
        self.bool_mask = mask.astype(bool)
        tmp = grid_iter(grad, tgt)
        tgt[self.bool_mask] = tmp[self.bool_mask] / 4.0
        self.tgt = tgt
        self.grad = grad

    def sync(self) -> None:
        """Synchronize backend state if needed."""
        pass

    def step(self, iteration: int) -> tuple[np.ndarray, np.ndarray]:
        """Run a fixed number of Jacobi iterations."""
        for _ in range(iteration):
            tgt = grid_iter(self.grad, self.tgt)
            self.tgt[self.bool_mask] = tgt[self.bool_mask] / 4.0

        tmp = 4 * self.tgt - self.grad
        tmp[1:] -= self.tgt[:-1]
        tmp[:-1] -= self.tgt[1:]
        tmp[:, 1:] -= self.tgt[:, :-1]
        tmp[:, :-1] -= self.tgt[:, 1:]

        err = np.abs(tmp[self.bool_mask]).sum(axis=0)

        tgt = self.tgt.copy()
        tgt[tgt < 0] = 0
        tgt[tgt > 255] = 255
        return tgt, err


# ---- harness (not part of the program) ----
ENTRY = "poisson_image_editing"


def _mixgrad(a, b):
    mask = np.abs(a) < np.abs(b)
    a[mask] = b[mask]
    return a


def _equ(src, mask, tgt, mask_on_src, mask_on_tgt, iteration):
    # what EquProcessor.reset and EquProcessor.step do
    core = EquSolver()
    mask = (mask >= 128).astype(np.int32)
    mask[0] = 0
    mask[-1] = 0
    mask[:, 0] = 0
    mask[:, -1] = 0
    x, y = np.nonzero(mask)
    x0, x1 = x.min() - 1, x.max() + 2
    y0, y1 = y.min() - 1, y.max() + 2
    mask_on_src = (x0 + mask_on_src[0], y0 + mask_on_src[1])
    mask_on_tgt = (x0 + mask_on_tgt[0], y0 + mask_on_tgt[1])
    mask = mask[x0:x1, y0:y1]
    x, y = np.nonzero(mask)
    max_id = x.shape[0] + 1
    ids = core.partition(mask)
    ids[mask == 0] = 0
    index = ids[x, y].argsort()
    index_x, index_y = x[index], y[index]
    src_x, src_y = index_x + mask_on_src[0], index_y + mask_on_src[1]
    tgt_x, tgt_y = index_x + mask_on_tgt[0], index_y + mask_on_tgt[1]
    s = lambda dx, dy: src[src_x + dx, src_y + dy].astype(np.float32)
    t = lambda dx, dy: tgt[tgt_x + dx, tgt_y + dy].astype(np.float32)
    grad = (_mixgrad(s(0, 0) - s(0, -1), t(0, 0) - t(0, -1))
            + _mixgrad(s(0, 0) - s(0, 1), t(0, 0) - t(0, 1))
            + _mixgrad(s(0, 0) - s(-1, 0), t(0, 0) - t(-1, 0))
            + _mixgrad(s(0, 0) - s(1, 0), t(0, 0) - t(1, 0)))
    A = np.zeros((max_id, 4), np.int32)
    X = np.zeros((max_id, 3), np.float32)
    B = np.zeros((max_id, 3), np.float32)
    X[1:] = tgt[tgt_x, tgt_y]
    A[1:, 0] = ids[index_x - 1, index_y]
    A[1:, 1] = ids[index_x + 1, index_y]
    A[1:, 2] = ids[index_x, index_y - 1]
    A[1:, 3] = ids[index_x, index_y + 1]
    B[1:] = grad
    for dx, dy in ((-1, 0), (0, -1), (0, 1), (1, 0)):
        m = (mask[index_x + dx, index_y + dy] == 0).astype(float).reshape(-1, 1)
        B[1:] += m * tgt[tgt_x + dx, tgt_y + dy]
    core.reset(max_id, A, X, B)
    out = tgt.copy()
    xs, err = core.step(iteration)
    out[tgt_x, tgt_y] = xs[1:]
    return out, err, core.X


def _grid(src, mask, tgt, mask_on_src, mask_on_tgt, iteration):
    # what GridProcessor.reset and GridProcessor.step do
    core = GridSolver()
    mask = (mask >= 128).astype(np.int32)
    mask[0] = 0
    mask[-1] = 0
    mask[:, 0] = 0
    mask[:, -1] = 0
    x, y = np.nonzero(mask)
    x0, x1 = x.min() - 1, x.max() + 2
    y0, y1 = y.min() - 1, y.max() + 2
    mask = mask[x0:x1, y0:y1]
    max_id = np.prod(mask.shape)
    src_crop = src[mask_on_src[0] + x0:mask_on_src[0] + x1,
                   mask_on_src[1] + y0:mask_on_src[1] + y1].astype(np.float32)
    tgt_crop = tgt[mask_on_tgt[0] + x0:mask_on_tgt[0] + x1,
                   mask_on_tgt[1] + y0:mask_on_tgt[1] + y1].astype(np.float32)
    grad = np.zeros([*mask.shape, 3], np.float32)
    grad[1:] += _mixgrad(src_crop[1:] - src_crop[:-1], tgt_crop[1:] - tgt_crop[:-1])
    grad[:-1] += _mixgrad(src_crop[:-1] - src_crop[1:], tgt_crop[:-1] - tgt_crop[1:])
    grad[:, 1:] += _mixgrad(src_crop[:, 1:] - src_crop[:, :-1], tgt_crop[:, 1:] - tgt_crop[:, :-1])
    grad[:, :-1] += _mixgrad(src_crop[:, :-1] - src_crop[:, 1:], tgt_crop[:, :-1] - tgt_crop[:, 1:])
    grad[mask == 0] = 0
    core.reset(max_id, mask, tgt_crop, grad)
    out = tgt.copy()
    res, err = core.step(iteration)
    out[mask_on_tgt[0] + x0:mask_on_tgt[0] + x1, mask_on_tgt[1] + y0:mask_on_tgt[1] + y1] = res
    return out, err


def poisson_image_editing(src, mask, tgt, mask_on_src, mask_on_tgt):
    equ_out, equ_err, equ_x = _equ(src, mask.copy(), tgt, mask_on_src, mask_on_tgt, 200)
    grid_out, grid_err = _grid(src, mask.copy(), tgt, mask_on_src, mask_on_tgt, 200)
    one = grid_iter(np.zeros((5, 6, 3), np.float32), np.ones((5, 6, 3), np.float32))
    return equ_out, equ_err, equ_x, grid_out, grid_err, one


def inputs():
    rng = np.random.default_rng(0)
    yy, xx = np.mgrid[0:40, 0:44]
    src = np.stack([128 + 90 * np.sin(xx / 3.0 + c) * np.cos(yy / 5.0) for c in range(3)], -1)
    src = np.clip(src + rng.normal(0, 8, src.shape), 0, 255).astype(np.uint8)
    yy, xx = np.mgrid[0:48, 0:56]
    tgt = np.stack([60 + 2.5 * xx + 1.5 * yy + 20 * c for c in range(3)], -1)
    tgt = np.clip(tgt + rng.normal(0, 4, tgt.shape), 0, 255).astype(np.uint8)
    my, mx = np.mgrid[0:30, 0:36]
    mask = ((((my - 14.5) / 12.0) ** 2 + ((mx - 17.5) / 15.0) ** 2) < 1.0).astype(np.uint8) * 255
    return (src, mask, tgt, (4, 3), (9, 10))
