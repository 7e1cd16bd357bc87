# Source: ThomasMullett/2D-Ising-Sim algorithms/ising_updater.py, algorithms/metropolis_numba.py and algorithms/checkerboard_numba.py (commit ecdced12)
# Licence: MIT (Copyright (c) 2025 ThomasMullett)
# Notes: 2-D Ising model Monte Carlo. Random numbers are drawn in Python with a np.random.default_rng Generator and passed in: _metropolis_sweep_njit does L*L single-spin Metropolis attempts at pre-drawn sites with pre-drawn uniforms (periodic neighbours through % L, np.exp acceptance test), _checkerboard_sweep_njit and _checkerboard_sweep_njit_parallel (@njit(parallel=True), prange over rows inside a loop over the tuple (0, 1) of parities, inner range with a start of (i + parity) % 2 and step 2) update the two sublattices in place, and _compute_energy_njit (defined identically in both modules) sums the bond energies. The updater classes keep the lattice (int64 ones for a cold start, int8 from rng.choice for a hot one) and return a MeasureData dataclass. The three files are pasted in order with their `from .ising_updater import ...` lines dropped; the Wolff updater (wolff_numba.py) draws np.random.random() inside the jitted function and is not included. The harness follows runner.py's run_simulation (equilibration sweeps, then measurements every meas_interval sweeps) without its timing and animation, for a cold and a hot start of each updater
# ---- algorithms/ising_updater.py ----
"""
algorithms.ising_updater.py

Contians the base IsingUpdator class that all implementations inherit from,
alongside a dataclass used to store and return simulation output
"""


from dataclasses import dataclass
import numpy as np


@dataclass
class MeasureData:
    energy: float
    magnetization: float


class IsingUpdater:
    def __init__(self, L: int, T: float, seed: int, J: float=1.0) -> None:
        raise NotImplementedError

    def initialize(self, hot: bool=True) -> None:
        raise NotImplementedError

    def sweep(self) -> None:
        raise NotImplementedError

    def measure(self) -> MeasureData:
        raise NotImplementedError
    
    def copy_state(self) -> np.ndarray:
        raise NotImplementedError


# ---- algorithms/metropolis_numba.py ----
"""
algorithms.metropolis_numba.py

Contains a Numba JIT compiled, serial, naive, metropolis algorithm
"""


import numpy as np
from numba import njit


# Perform N = L*L random single-spin Metropolis attempts, modifying lattice in-place
# Uses pre-computed random indicies and uniforms
@njit
def _metropolis_sweep_njit(lattice: np.ndarray, idx_i: np.ndarray, idx_j: np.ndarray, unifs: np.ndarray, T: float, J: float):
    L = lattice.shape[0]
    Nsites = idx_i.shape[0]
    for k in range(Nsites):
        i = idx_i[k]
        j = idx_j[k]
        s = lattice[i, j]
        # neighbor sum with periodic BCs
        nb =  (
                lattice[(i + 1) % L, j] +
                lattice[(i - 1) % L, j] +
                lattice[i, (j + 1) % L] +
                lattice[i, (j - 1) % L]
        )
        
        dE = 2.0 * J * s * nb

        if dE <= 0.0:
            lattice[i, j] = -s
        else:
            # acceptance test using pre-drawn uniform random number unifs[k]
            if unifs[k] < np.exp(-dE / T):
                lattice[i, j] = -s


# Compiled energy sum
@njit
def _compute_energy_njit(lattice, J):
    L = lattice.shape[0]
    E = 0.0

    # sum over right and down neighbors
    for i in range(L):
        for j in range(L):
            E -= J * lattice[i, j] * lattice[(i + 1) % L, j]
            E -= J * lattice[i, j] * lattice[i, (j + 1) % L]

    return E


class MetropolisNumbaUpdater(IsingUpdater):
    def __init__(self, L: int, T: float, seed: int, J: float = 1) -> None:
        self.L = L
        self.T = T
        self.J = J
        self.rng = np.random.default_rng(seed)
        self.lattice = np.ones((L, L), dtype=int)

        self._Nsites = self.L * self.L
        self._idx_i = np.empty(self._Nsites, dtype=np.int64)
        self._idx_j = np.empty(self._Nsites, dtype=np.int64)
        self._unifs = np.empty(self._Nsites, dtype=np.float64)

    def initialize(self, hot: bool = True) -> None:
        if hot:
            self.lattice = self.rng.choice(np.array([-1, 1], dtype=np.int8), size=(self.L, self.L))
        else:
            self.lattice[:] = 1

    def sweep(self) -> None:
        # Pre-compute indicies and uniforms
        self._idx_i[:] = self.rng.integers(0, self.L, size=self._Nsites)
        self._idx_j[:] = self.rng.integers(0, self.L, size=self._Nsites)
        self._unifs[:] = self.rng.random(size=self._Nsites)

        _metropolis_sweep_njit(self.lattice, self._idx_i, self._idx_j, self._unifs, self.T, self.J)

    def measure(self) -> MeasureData:
        E = _compute_energy_njit(self.lattice, self.J)
        M = float(self.lattice.sum())
        return MeasureData(E / self._Nsites, M / self._Nsites)

    def copy_state(self) -> np.ndarray:
        return self.lattice.copy()




# ---- algorithms/checkerboard_numba.py ----
"""
algorithms.checkerboard_numba.py

Contains the CPU multi-core python checkerboard algorithm accelerated with Numba JIT
"""


import numpy as np
from numba import njit, prange


# Perform one full checkerboard sweep on the lattice (both parities) in-place
# `rand_matrix` should be a (L, L) array of uniform [0, 1) random numbers.
@njit(parallel=True)
def _checkerboard_sweep_njit_parallel(lattice: np.ndarray, rand_matrix: np.ndarray, L: int, T: float, J: float):
    # update black and white sites separately
    for parity in (0, 1):
        for i in prange(L):
            for j in range((i + parity) % 2, L, 2):
                s = lattice[i, j]
                nb = (
                    lattice[(i + 1) % L, j]
                    + lattice[(i - 1) % L, j]
                    + lattice[i, (j + 1) % L]
                    + lattice[i, (j - 1) % L]
                )

                dE = 2.0 * J * s * nb
                if dE <= 0.0 or rand_matrix[i, j] < np.exp(-dE / T):
                    lattice[i, j] = -s


# Same sweep as above, just without the parallel flag so is serial
@njit
def _checkerboard_sweep_njit(lattice: np.ndarray, rand_matrix: np.ndarray, L: int, T: float, J: float):
    for parity in (0, 1):
        for i in range(L):
            for j in range((i + parity) % 2, L, 2):
                s = lattice[i, j]
                nb = (
                    lattice[(i + 1) % L, j]
                    + lattice[(i - 1) % L, j]
                    + lattice[i, (j + 1) % L]
                    + lattice[i, (j - 1) % L]
                )

                dE = 2.0 * J * s * nb
                if dE <= 0.0 or rand_matrix[i, j] < np.exp(-dE / T):
                    lattice[i, j] = -s


# Compiled energy sum
@njit
def _compute_energy_njit(lattice, J):
    L = lattice.shape[0]
    E = 0.0

    # sum over right and down neighbors - avoid double counting
    for i in range(L):
        for j in range(L):
            E -= J * lattice[i, j] * lattice[(i + 1) % L, j]
            E -= J * lattice[i, j] * lattice[i, (j + 1) % L]

    return E


class CheckerboardNumbaUpdater(IsingUpdater):
    def __init__(self, L: int, T: float, seed: int, J: float = 1) -> None:
        self.L = L
        self.T = T
        self.J = J
        self.rng = np.random.default_rng(seed)
        self.lattice = np.ones((L, L), dtype=int)

        self._Nsites = self.L * self.L

    def initialize(self, hot: bool = True) -> None:
        if hot:
            self.lattice = self.rng.choice(np.array([-1, 1], dtype=np.int8), size=(self.L, self.L))
        else:
            self.lattice[:] = 1

    def sweep(self) -> None:
        unifs = self.rng.random(size=(self.L, self.L))
        _checkerboard_sweep_njit(self.lattice, unifs, self.L, self.T, self.J)
        
    def measure(self) -> MeasureData:
        E = _compute_energy_njit(self.lattice, self.J)
        M = float(self.lattice.sum())
        return MeasureData(E / self._Nsites, M / self._Nsites)

    def copy_state(self) -> np.ndarray:
        return self.lattice.copy()
    

# Same as normal, just with parallel sweep
class CheckerboardNumbaParallelUpdater(CheckerboardNumbaUpdater):
    def sweep(self) -> None:
        unifs = self.rng.random(size=(self.L, self.L))
        _checkerboard_sweep_njit_parallel(self.lattice, unifs, self.L, self.T, self.J)


# ---- harness (not part of the program) ----
ENTRY = "ising_runs"


def _run_simulation(UpdaterClass, L, T, eq_sweeps, meas_sweeps, meas_interval, seed, params, hot):
    updater = UpdaterClass(L=L, T=T, seed=seed, **params)
    updater.initialize(hot=hot)
    for _ in range(eq_sweeps):
        updater.sweep()
    num_measurements = meas_sweeps // meas_interval
    energies = np.zeros(num_measurements)
    mags = np.zeros(num_measurements)
    meas_idx = 0
    for sweep_idx in range(meas_sweeps):
        updater.sweep()
        if sweep_idx % meas_interval == 0:
            data = updater.measure()
            energies[meas_idx] = data.energy
            mags[meas_idx] = data.magnetization
            meas_idx += 1
    return energies, mags, updater.copy_state()


def ising_runs(L, temperatures, eq_sweeps, meas_sweeps, meas_interval):
    out = []
    for cls in (MetropolisNumbaUpdater, CheckerboardNumbaUpdater, CheckerboardNumbaParallelUpdater):
        for k, T in enumerate(temperatures):
            for hot in (False, True):
                out.append(_run_simulation(cls, L, T, eq_sweeps, meas_sweeps, meas_interval,
                                           seed=10 + k, params={"J": 1.0}, hot=hot))
    return tuple(out)


def inputs():
    return 24, [1.8, 2.269, 3.2], 20, 40, 5
