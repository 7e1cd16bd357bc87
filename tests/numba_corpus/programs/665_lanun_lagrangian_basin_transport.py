# Source: sandyherho/lanun src/lanun/core/velocity.py, src/lanun/core/particles.py, src/lanun/core/diagnostics.py (at commit 2ffb309b)
# Licence: MIT (lanun, LICENSE; Copyright (c) 2025 Sandy H. S. Herho, Nurjanna J. Trilaksono, Iwan P. Anwar, Aruq Khadami)
# Notes: lanun, Numba-accelerated 2-D Lagrangian (particle-in-cell) tracer transport in idealised semi-enclosed ocean basins. velocity.py pasted whole: Bell's incompressible recirculating flow as an @njit(cache=True) function returning a (u, v) tuple, a parallel prange field builder storing that tuple into two arrays at once (vx[i, j], vy[i, j] = ...), and the plain-Python BasinSystem dataclass and VelocityField class, whose constructor calls the jitted point function from Python in a double loop. particles.py pasted whole: particle location (int() truncation, nested builtin max/min clamps), bilinear weights (four arrays returned as a tuple), mesh-to-particle interpolation, particle-to-mesh projection by scatter-add and normalisation, midpoint (RK2) advection with a defaulted direction=1.0 argument and sixteen parameters, boundary constraints; all but the projection are parallel=True prange loops; the ParticleSet dataclass, deploy_particles and initialize_gaussian_tracer are plain Python. From diagnostics.py: the three @njit kernels (_shoelace_area and _perimeter with modular wrap-around, compute_particle_dispersion with prange then np.mean/np.var) and the plain-Python helpers that call or feed them (area/perimeter, circularity, variance decay, centre of mass, reversibility, stretching, boundary-particle extraction); compute_all_diagnostics (which needs the solver's result class) and the `from .particles import ParticleSet` line are left out. solver.py (a tqdm-driven driver class) is not pasted: the harness repeats its time loop (advect, constrain, periodically locate/weight/project) for 40 forward steps and 40 reversed steps on a 21 x 17 mesh with 3 x 3 particles per cell, then evaluates the diagnostics
"""
Velocity Field Definition for Semi-Enclosed Ocean Basin.

Implements Bell's incompressible thinning flow representing wind-driven
recirculation in a coastal embayment or marginal sea.

Velocity field (dimensional):
    u* = -(U₀/2) sin²(πx*/L) sin(2πy*/L)
    v* =  (U₀/2) sin²(πy*/L) sin(2πx*/L)

Properties:
    - Incompressible: ∇·v = 0 (verified analytically)
    - Zero at boundaries: v(0,y) = v(L,y) = v(x,0) = v(x,L) = 0
    - Maximum velocity at intermediate positions
    - Creates chaotic stirring and filamentation

Stream function:
    ψ = (U₀L/4π) sin²(πx/L) sin²(πy/L)

References:
    Bell, J. B., Colella, P., & Glaz, H. M. (1989). J. Comput. Phys., 85(2), 257-283.
"""

import numpy as np
from numba import njit, prange
from dataclasses import dataclass
from typing import Tuple, Optional


@dataclass
class BasinSystem:
    """
    Semi-enclosed ocean basin configuration.
    
    Represents a coastal embayment, marginal sea, or lake with
    wind-driven recirculation.
    
    Attributes:
        Lx: Basin width in x-direction [m]
        Ly: Basin width in y-direction [m]
        H: Basin depth [m] (z positive downward from surface)
        U0: Maximum velocity magnitude [m/s]
        tracer_name: Name of the tracer (e.g., "Chlorophyll-a")
        tracer_units: Units of tracer concentration
        tracer_background: Background tracer concentration
        tracer_anomaly: Initial anomaly amplitude
        rho0: Reference density [kg/m³]
    
    Example:
        >>> basin = BasinSystem(
        ...     Lx=50e3, Ly=50e3, H=100.0, U0=0.3,
        ...     tracer_name="Chlorophyll-a", tracer_units="mg/m³"
        ... )
    """
    Lx: float = 50000.0  # [m]
    Ly: float = 50000.0  # [m]
    H: float = 100.0     # [m]
    U0: float = 0.3      # [m/s]
    tracer_name: str = "Tracer"
    tracer_units: str = "kg/m³"
    tracer_background: float = 0.0
    tracer_anomaly: float = 1.0
    rho0: float = 1025.0  # [kg/m³]
    
    @property
    def T_advect(self) -> float:
        """Advective timescale T = L/U₀ [s]."""
        return self.Lx / self.U0
    
    @property
    def T_circ(self) -> float:
        """Circulation timescale T_circ = πL/U₀ [s]."""
        return np.pi * self.Lx / self.U0
    
    @property
    def T_circ_days(self) -> float:
        """Circulation timescale [days]."""
        return self.T_circ / 86400.0
    
    @property
    def aspect_ratio(self) -> float:
        """Aspect ratio Ly/Lx."""
        return self.Ly / self.Lx
    
    def __repr__(self) -> str:
        return (
            f"BasinSystem(Lx={self.Lx/1e3:.1f} km, Ly={self.Ly/1e3:.1f} km, "
            f"H={self.H:.0f} m, U0={self.U0:.2f} m/s, "
            f"T_circ={self.T_circ_days:.1f} days)"
        )
    
    def describe(self) -> str:
        """Return detailed description of the basin."""
        return f"""
Semi-Enclosed Ocean Basin
=========================
Domain:
  Lx = {self.Lx/1e3:.1f} km (x-extent)
  Ly = {self.Ly/1e3:.1f} km (y-extent)
  H  = {self.H:.1f} m (depth)
  Aspect ratio = {self.aspect_ratio:.2f}

Flow Parameters:
  U₀ = {self.U0:.3f} m/s (max velocity)
  T_advect = {self.T_advect/3600:.1f} hours
  T_circ = {self.T_circ_days:.2f} days

Tracer:
  Name: {self.tracer_name}
  Units: {self.tracer_units}
  Background: {self.tracer_background} {self.tracer_units}
  Anomaly: {self.tracer_anomaly} {self.tracer_units}

Reference density: {self.rho0} kg/m³
"""


class VelocityField:
    """
    Bell's incompressible velocity field for semi-enclosed basin.
    
    Creates and manages the velocity field on a structured mesh.
    
    Attributes:
        basin: BasinSystem configuration
        nx: Number of grid points in x
        ny: Number of grid points in y
        X: 1D array of x-coordinates [m]
        Y: 1D array of y-coordinates [m]
        vx: 2D velocity field u(x,y) [m/s]
        vy: 2D velocity field v(x,y) [m/s]
    """
    
    def __init__(self, basin: BasinSystem, nx: int = 101, ny: int = 101):
        """
        Initialize velocity field on structured mesh.
        
        Args:
            basin: BasinSystem configuration
            nx: Number of grid points in x-direction
            ny: Number of grid points in y-direction
        """
        self.basin = basin
        self.nx = nx
        self.ny = ny
        
        # Grid spacing
        self.dx = basin.Lx / (nx - 1)
        self.dy = basin.Ly / (ny - 1)
        
        # Coordinate arrays
        self.X = np.linspace(0, basin.Lx, nx)
        self.Y = np.linspace(0, basin.Ly, ny)
        
        # Initialize velocity field
        self.vx, self.vy = self._compute_velocity_field()
        
        # Compute derived fields
        self.psi = self._compute_stream_function()
        self.vorticity = self._compute_vorticity()
        self.divergence = self._compute_divergence()
    
    def _compute_velocity_field(self) -> Tuple[np.ndarray, np.ndarray]:
        """
        Compute Bell's velocity field on the mesh.
        
        Returns:
            Tuple of (vx, vy) arrays with shape (nx, ny)
        """
        Lx, Ly, U0 = self.basin.Lx, self.basin.Ly, self.basin.U0
        
        vx = np.zeros((self.nx, self.ny), dtype=np.float64)
        vy = np.zeros((self.nx, self.ny), dtype=np.float64)
        
        for i in range(self.nx):
            for j in range(self.ny):
                x, y = self.X[i], self.Y[j]
                vx[i, j], vy[i, j] = _bell_velocity(x, y, Lx, Ly, U0)
        
        return vx, vy
    
    def _compute_stream_function(self) -> np.ndarray:
        """
        Compute stream function ψ.
        
        ψ = (U₀L/4π) sin²(πx/L) sin²(πy/L)
        """
        Lx, Ly, U0 = self.basin.Lx, self.basin.Ly, self.basin.U0
        
        psi = np.zeros((self.nx, self.ny), dtype=np.float64)
        
        for i in range(self.nx):
            for j in range(self.ny):
                x, y = self.X[i], self.Y[j]
                psi[i, j] = (U0 * Lx / (4 * np.pi)) * \
                           np.sin(np.pi * x / Lx)**2 * \
                           np.sin(np.pi * y / Ly)**2
        
        return psi
    
    def _compute_vorticity(self) -> np.ndarray:
        """
        Compute vertical vorticity ω = ∂v/∂x - ∂u/∂y.
        """
        # Use central differences
        dvdx = np.zeros_like(self.vy)
        dudy = np.zeros_like(self.vx)
        
        dvdx[1:-1, :] = (self.vy[2:, :] - self.vy[:-2, :]) / (2 * self.dx)
        dudy[:, 1:-1] = (self.vx[:, 2:] - self.vx[:, :-2]) / (2 * self.dy)
        
        return dvdx - dudy
    
    def _compute_divergence(self) -> np.ndarray:
        """
        Compute horizontal divergence ∇·v = ∂u/∂x + ∂v/∂y.
        
        Should be ~0 for incompressible flow.
        """
        dudx = np.zeros_like(self.vx)
        dvdy = np.zeros_like(self.vy)
        
        dudx[1:-1, :] = (self.vx[2:, :] - self.vx[:-2, :]) / (2 * self.dx)
        dvdy[:, 1:-1] = (self.vy[:, 2:] - self.vy[:, :-2]) / (2 * self.dy)
        
        return dudx + dvdy
    
    def velocity_at(self, x: float, y: float) -> Tuple[float, float]:
        """
        Compute velocity at arbitrary point (x, y).
        
        Args:
            x: x-coordinate [m]
            y: y-coordinate [m]
        
        Returns:
            Tuple (u, v) velocity components [m/s]
        """
        return _bell_velocity(x, y, self.basin.Lx, self.basin.Ly, self.basin.U0)
    
    def max_velocity(self) -> float:
        """Return maximum velocity magnitude."""
        speed = np.sqrt(self.vx**2 + self.vy**2)
        return float(np.max(speed))
    
    def check_incompressibility(self) -> float:
        """
        Check divergence-free condition.
        
        Returns:
            Maximum absolute divergence (should be ~0)
        """
        return float(np.max(np.abs(self.divergence)))


@njit(cache=True)
def _bell_velocity(x: float, y: float, Lx: float, Ly: float, U0: float) -> Tuple[float, float]:
    """
    Compute Bell's velocity at point (x, y).
    
    Args:
        x: x-coordinate [m]
        y: y-coordinate [m]
        Lx: Domain width in x [m]
        Ly: Domain width in y [m]
        U0: Maximum velocity [m/s]
    
    Returns:
        Tuple (u, v) velocity components [m/s]
    """
    pi = np.pi
    
    # Normalized coordinates
    x_norm = pi * x / Lx
    y_norm = pi * y / Ly
    
    # Bell's flow
    u = -0.5 * U0 * np.sin(x_norm)**2 * np.sin(2 * y_norm)
    v =  0.5 * U0 * np.sin(y_norm)**2 * np.sin(2 * x_norm)
    
    return u, v


@njit(cache=True, parallel=True)
def compute_velocity_field_numba(
    X: np.ndarray,
    Y: np.ndarray,
    Lx: float,
    Ly: float,
    U0: float
) -> Tuple[np.ndarray, np.ndarray]:
    """
    Compute velocity field using Numba parallelization.
    
    Args:
        X: 1D array of x-coordinates
        Y: 1D array of y-coordinates
        Lx: Domain width in x
        Ly: Domain width in y
        U0: Maximum velocity
    
    Returns:
        Tuple of (vx, vy) arrays
    """
    nx = len(X)
    ny = len(Y)
    
    vx = np.zeros((nx, ny), dtype=np.float64)
    vy = np.zeros((nx, ny), dtype=np.float64)
    
    for i in prange(nx):
        for j in range(ny):
            vx[i, j], vy[i, j] = _bell_velocity(X[i], Y[j], Lx, Ly, U0)
    
    return vx, vy


# ---- src/lanun/core/particles.py ----
"""
Lagrangian Particle System for Tracer Transport.

Implements particle deployment, advection, and mesh-particle projections
using Numba for high performance.

Key features:
    - Uniform particle deployment with configurable density
    - Bilinear interpolation weights (partition of unity)
    - Midpoint (RK2) advection scheme
    - Particle→mesh projection via weighted bincount
    - Boundary constraint handling
"""

from dataclasses import dataclass, field
from typing import Tuple, Optional, Dict, Any


@dataclass
class ParticleSet:
    """
    Container for Lagrangian particle data.
    
    Attributes:
        x: Particle x-positions [m]
        y: Particle y-positions [m]
        tracer: Tracer concentration on particles
        n_particles: Total number of particles
        cell_i: Cell index in x for each particle
        cell_j: Cell index in y for each particle
        w1, w2, w3, w4: Bilinear interpolation weights
    """
    x: np.ndarray
    y: np.ndarray
    tracer: np.ndarray
    n_particles: int = field(init=False)
    cell_i: np.ndarray = field(init=False)
    cell_j: np.ndarray = field(init=False)
    w1: np.ndarray = field(init=False)
    w2: np.ndarray = field(init=False)
    w3: np.ndarray = field(init=False)
    w4: np.ndarray = field(init=False)
    
    def __post_init__(self):
        self.n_particles = len(self.x)
        self.cell_i = np.zeros(self.n_particles, dtype=np.int32)
        self.cell_j = np.zeros(self.n_particles, dtype=np.int32)
        self.w1 = np.zeros(self.n_particles, dtype=np.float64)
        self.w2 = np.zeros(self.n_particles, dtype=np.float64)
        self.w3 = np.zeros(self.n_particles, dtype=np.float64)
        self.w4 = np.zeros(self.n_particles, dtype=np.float64)
    
    def copy(self) -> 'ParticleSet':
        """Create a deep copy of the particle set."""
        return ParticleSet(
            x=self.x.copy(),
            y=self.y.copy(),
            tracer=self.tracer.copy()
        )


def deploy_particles(
    nx: int,
    ny: int,
    dx: float,
    dy: float,
    x_min: float,
    y_min: float,
    particles_per_cell_side: int = 4,
    tracer_init: Optional[np.ndarray] = None
) -> ParticleSet:
    """
    Deploy particles uniformly across the domain.
    
    Args:
        nx: Number of cells in x
        ny: Number of cells in y
        dx: Cell width in x [m]
        dy: Cell width in y [m]
        x_min: Minimum x-coordinate [m]
        y_min: Minimum y-coordinate [m]
        particles_per_cell_side: Number of particles per cell side
        tracer_init: Optional initial tracer values
    
    Returns:
        ParticleSet with deployed particles
    """
    pps = particles_per_cell_side
    particles_per_cell = pps * pps
    n_cells_x = nx - 1
    n_cells_y = ny - 1
    n_particles = particles_per_cell * n_cells_x * n_cells_y
    
    # Create particle positions
    x_temp = x_min + (np.arange(n_cells_x * pps) + 0.5) * dx / pps
    y_temp = y_min + (np.arange(n_cells_y * pps) + 0.5) * dy / pps
    
    xp, yp = np.meshgrid(x_temp, y_temp, indexing='ij')
    xp = xp.reshape(n_particles)
    yp = yp.reshape(n_particles)
    
    # Initialize tracer
    if tracer_init is None:
        tracer = np.zeros(n_particles, dtype=np.float64)
    else:
        tracer = tracer_init.copy()
    
    return ParticleSet(x=xp, y=yp, tracer=tracer)


def initialize_gaussian_tracer(
    particles: ParticleSet,
    center_x: float,
    center_y: float,
    sigma: float,
    background: float = 0.0,
    amplitude: float = 1.0
) -> None:
    """
    Initialize Gaussian tracer anomaly on particles.
    
    C(x,y) = background + amplitude * exp(-((x-x0)² + (y-y0)²) / (2σ²))
    
    Args:
        particles: ParticleSet to initialize
        center_x: x-coordinate of anomaly center [m]
        center_y: y-coordinate of anomaly center [m]
        sigma: Width of Gaussian [m]
        background: Background concentration
        amplitude: Anomaly amplitude
    """
    r2 = (particles.x - center_x)**2 + (particles.y - center_y)**2
    particles.tracer[:] = background + amplitude * np.exp(-r2 / (2 * sigma**2))


@njit(cache=True, parallel=True)
def locate_particles(
    px: np.ndarray,
    py: np.ndarray,
    x_min: float,
    y_min: float,
    dx: float,
    dy: float,
    nx: int,
    ny: int
) -> Tuple[np.ndarray, np.ndarray]:
    """
    Find cell indices for all particles.
    
    Args:
        px, py: Particle positions
        x_min, y_min: Domain minimum coordinates
        dx, dy: Cell sizes
        nx, ny: Number of cells
    
    Returns:
        Tuple of (cell_i, cell_j) integer arrays
    """
    n_particles = len(px)
    cell_i = np.zeros(n_particles, dtype=np.int32)
    cell_j = np.zeros(n_particles, dtype=np.int32)
    
    for p in prange(n_particles):
        ci = int((px[p] - x_min) / dx)
        cj = int((py[p] - y_min) / dy)
        
        # Clamp to valid range
        cell_i[p] = max(0, min(ci, nx - 2))
        cell_j[p] = max(0, min(cj, ny - 2))
    
    return cell_i, cell_j


@njit(cache=True, parallel=True)
def compute_bilinear_weights(
    px: np.ndarray,
    py: np.ndarray,
    X: np.ndarray,
    Y: np.ndarray,
    cell_i: np.ndarray,
    cell_j: np.ndarray,
    dx: float,
    dy: float
) -> Tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """
    Compute bilinear interpolation weights.
    
    Weights satisfy partition of unity: w1 + w2 + w3 + w4 = 1
    
    Node layout in cell:
        (i, j+1) --- (i+1, j+1)
           |    p       |
        (i, j) ----- (i+1, j)
    
    Args:
        px, py: Particle positions
        X, Y: Mesh coordinate arrays
        cell_i, cell_j: Cell indices for particles
        dx, dy: Cell sizes
    
    Returns:
        Tuple of (w1, w2, w3, w4) weight arrays
    """
    n_particles = len(px)
    
    w1 = np.zeros(n_particles, dtype=np.float64)
    w2 = np.zeros(n_particles, dtype=np.float64)
    w3 = np.zeros(n_particles, dtype=np.float64)
    w4 = np.zeros(n_particles, dtype=np.float64)
    
    for p in prange(n_particles):
        i = cell_i[p]
        j = cell_j[p]
        
        # Local coordinates [0, 1]
        xi = (px[p] - X[i]) / dx
        eta = (py[p] - Y[j]) / dy
        
        # Clamp to [0, 1] for numerical safety
        xi = max(0.0, min(1.0, xi))
        eta = max(0.0, min(1.0, eta))
        
        # Bilinear shape functions
        w1[p] = (1.0 - xi) * (1.0 - eta)  # node (i, j)
        w2[p] = xi * (1.0 - eta)          # node (i+1, j)
        w3[p] = (1.0 - xi) * eta          # node (i, j+1)
        w4[p] = xi * eta                  # node (i+1, j+1)
    
    return w1, w2, w3, w4


@njit(cache=True, parallel=True)
def interpolate_to_particles(
    field: np.ndarray,
    cell_i: np.ndarray,
    cell_j: np.ndarray,
    w1: np.ndarray,
    w2: np.ndarray,
    w3: np.ndarray,
    w4: np.ndarray
) -> np.ndarray:
    """
    Interpolate mesh field to particle positions.
    
    F_p = w1*F[i,j] + w2*F[i+1,j] + w3*F[i,j+1] + w4*F[i+1,j+1]
    
    Args:
        field: 2D mesh field array
        cell_i, cell_j: Cell indices
        w1, w2, w3, w4: Bilinear weights
    
    Returns:
        1D array of field values at particles
    """
    n_particles = len(cell_i)
    result = np.zeros(n_particles, dtype=np.float64)
    
    for p in prange(n_particles):
        i = cell_i[p]
        j = cell_j[p]
        
        result[p] = (
            w1[p] * field[i, j] +
            w2[p] * field[i + 1, j] +
            w3[p] * field[i, j + 1] +
            w4[p] * field[i + 1, j + 1]
        )
    
    return result


@njit(cache=True)
def project_to_mesh(
    tracer_p: np.ndarray,
    cell_i: np.ndarray,
    cell_j: np.ndarray,
    w1: np.ndarray,
    w2: np.ndarray,
    w3: np.ndarray,
    w4: np.ndarray,
    nx: int,
    ny: int
) -> np.ndarray:
    """
    Project particle tracer values to mesh using weighted averaging.
    
    F[i,j] = Σ_p (w_p * C_p) / Σ_p w_p
    
    Args:
        tracer_p: Tracer values on particles
        cell_i, cell_j: Cell indices
        w1, w2, w3, w4: Bilinear weights
        nx, ny: Mesh dimensions
    
    Returns:
        2D mesh array of projected tracer
    """
    n_particles = len(tracer_p)
    
    field = np.zeros((nx, ny), dtype=np.float64)
    weight_sum = np.zeros((nx, ny), dtype=np.float64)
    
    for p in range(n_particles):
        i = cell_i[p]
        j = cell_j[p]
        c = tracer_p[p]
        
        # Distribute to four corners
        field[i, j] += w1[p] * c
        field[i + 1, j] += w2[p] * c
        field[i, j + 1] += w3[p] * c
        field[i + 1, j + 1] += w4[p] * c
        
        weight_sum[i, j] += w1[p]
        weight_sum[i + 1, j] += w2[p]
        weight_sum[i, j + 1] += w3[p]
        weight_sum[i + 1, j + 1] += w4[p]
    
    # Normalize
    for i in range(nx):
        for j in range(ny):
            if weight_sum[i, j] > 1e-10:
                field[i, j] /= weight_sum[i, j]
            else:
                field[i, j] = 0.0
    
    return field


@njit(cache=True, parallel=True)
def advect_midpoint(
    px: np.ndarray,
    py: np.ndarray,
    vx: np.ndarray,
    vy: np.ndarray,
    X: np.ndarray,
    Y: np.ndarray,
    dt: float,
    x_min: float,
    x_max: float,
    y_min: float,
    y_max: float,
    dx: float,
    dy: float,
    nx: int,
    ny: int,
    direction: float = 1.0
) -> Tuple[np.ndarray, np.ndarray]:
    """
    Advect particles using midpoint (RK2) scheme.
    
    Midpoint method:
        1. x* = x + (dt/2) * v(x)
        2. x_new = x + dt * v(x*)
    
    Args:
        px, py: Particle positions
        vx, vy: Velocity field on mesh
        X, Y: Mesh coordinates
        dt: Time step [s]
        x_min, x_max: Domain bounds in x
        y_min, y_max: Domain bounds in y
        dx, dy: Cell sizes
        nx, ny: Mesh dimensions
        direction: 1.0 for forward, -1.0 for reverse
    
    Returns:
        Tuple of (new_px, new_py)
    """
    n_particles = len(px)
    new_px = np.zeros(n_particles, dtype=np.float64)
    new_py = np.zeros(n_particles, dtype=np.float64)
    
    for p in prange(n_particles):
        x = px[p]
        y = py[p]
        
        # Step 1: Interpolate velocity at current position
        ci = int((x - x_min) / dx)
        cj = int((y - y_min) / dy)
        ci = max(0, min(ci, nx - 2))
        cj = max(0, min(cj, ny - 2))
        
        xi = (x - X[ci]) / dx
        eta = (y - Y[cj]) / dy
        xi = max(0.0, min(1.0, xi))
        eta = max(0.0, min(1.0, eta))
        
        w1 = (1.0 - xi) * (1.0 - eta)
        w2 = xi * (1.0 - eta)
        w3 = (1.0 - xi) * eta
        w4 = xi * eta
        
        u = (w1 * vx[ci, cj] + w2 * vx[ci+1, cj] + 
             w3 * vx[ci, cj+1] + w4 * vx[ci+1, cj+1])
        v = (w1 * vy[ci, cj] + w2 * vy[ci+1, cj] + 
             w3 * vy[ci, cj+1] + w4 * vy[ci+1, cj+1])
        
        # Step 2: Compute midpoint position
        x_mid = x + direction * 0.5 * dt * u
        y_mid = y + direction * 0.5 * dt * v
        
        # Clamp midpoint to domain
        x_mid = max(x_min, min(x_max, x_mid))
        y_mid = max(y_min, min(y_max, y_mid))
        
        # Step 3: Interpolate velocity at midpoint
        ci = int((x_mid - x_min) / dx)
        cj = int((y_mid - y_min) / dy)
        ci = max(0, min(ci, nx - 2))
        cj = max(0, min(cj, ny - 2))
        
        xi = (x_mid - X[ci]) / dx
        eta = (y_mid - Y[cj]) / dy
        xi = max(0.0, min(1.0, xi))
        eta = max(0.0, min(1.0, eta))
        
        w1 = (1.0 - xi) * (1.0 - eta)
        w2 = xi * (1.0 - eta)
        w3 = (1.0 - xi) * eta
        w4 = xi * eta
        
        u_mid = (w1 * vx[ci, cj] + w2 * vx[ci+1, cj] + 
                 w3 * vx[ci, cj+1] + w4 * vx[ci+1, cj+1])
        v_mid = (w1 * vy[ci, cj] + w2 * vy[ci+1, cj] + 
                 w3 * vy[ci, cj+1] + w4 * vy[ci+1, cj+1])
        
        # Step 4: Full step using midpoint velocity
        new_x = x + direction * dt * u_mid
        new_y = y + direction * dt * v_mid
        
        # Constrain to domain
        new_px[p] = max(x_min + 1e-10, min(x_max - 1e-10, new_x))
        new_py[p] = max(y_min + 1e-10, min(y_max - 1e-10, new_y))
    
    return new_px, new_py


@njit(cache=True, parallel=True)
def constrain_particles(
    px: np.ndarray,
    py: np.ndarray,
    x_min: float,
    x_max: float,
    y_min: float,
    y_max: float,
    dx: float,
    dy: float,
    pps: int
) -> Tuple[np.ndarray, np.ndarray]:
    """
    Constrain particles to domain boundaries.
    
    Args:
        px, py: Particle positions
        x_min, x_max: Domain bounds in x
        y_min, y_max: Domain bounds in y
        dx, dy: Cell sizes
        pps: Particles per cell side
    
    Returns:
        Tuple of (constrained_px, constrained_py)
    """
    n_particles = len(px)
    offset = 0.5 / pps
    
    new_px = np.zeros(n_particles, dtype=np.float64)
    new_py = np.zeros(n_particles, dtype=np.float64)
    
    for p in prange(n_particles):
        x = px[p]
        y = py[p]
        
        if x < x_min:
            x = x_min + offset * dx
        elif x > x_max:
            x = x_max - offset * dx
        
        if y < y_min:
            y = y_min + offset * dy
        elif y > y_max:
            y = y_max - offset * dy
        
        new_px[p] = x
        new_py[p] = y
    
    return new_px, new_py


# ---- src/lanun/core/diagnostics.py (the @njit kernels and the helpers around them) ----
"""
Lagrangian Diagnostics for Transport Quality Assessment.

Implements comprehensive metrics for evaluating:
    - Mass conservation
    - Area/volume preservation
    - Shape distortion (circularity)
    - Mixing efficiency (variance decay)
    - Reversibility error
    - Center of mass drift

All metrics are dimensionless where possible for cross-case comparison.
"""


def compute_mass_conservation(
    tracer_initial: np.ndarray,
    tracer_final: np.ndarray,
    dx: float,
    dy: float,
    particles_per_cell: int
) -> Dict[str, float]:
    """
    Compute tracer mass conservation error.
    
    Mass = Σ C_p * A_p where A_p is effective area per particle.
    
    Args:
        tracer_initial: Initial tracer on particles
        tracer_final: Final tracer on particles
        dx, dy: Cell sizes [m]
        particles_per_cell: Particles per cell side
    
    Returns:
        Dictionary with mass metrics
    """
    area_per_particle = (dx * dy) / (particles_per_cell ** 2)
    
    mass_initial = np.sum(tracer_initial) * area_per_particle
    mass_final = np.sum(tracer_final) * area_per_particle
    
    if abs(mass_initial) > 1e-15:
        relative_error = (mass_final - mass_initial) / mass_initial
    else:
        relative_error = 0.0
    
    return {
        'mass_initial': float(mass_initial),
        'mass_final': float(mass_final),
        'mass_error_absolute': float(mass_final - mass_initial),
        'mass_error_relative': float(relative_error),
    }


@njit(cache=True)
def _shoelace_area(x: np.ndarray, y: np.ndarray) -> float:
    """
    Compute polygon area using shoelace formula.
    
    A = (1/2) |Σ (x_i * y_{i+1} - x_{i+1} * y_i)|
    """
    n = len(x)
    area = 0.0
    
    for i in range(n):
        j = (i + 1) % n
        area += x[i] * y[j]
        area -= x[j] * y[i]
    
    return abs(area) / 2.0


@njit(cache=True)
def _perimeter(x: np.ndarray, y: np.ndarray) -> float:
    """Compute polygon perimeter."""
    n = len(x)
    perim = 0.0
    
    for i in range(n):
        j = (i + 1) % n
        perim += np.sqrt((x[j] - x[i])**2 + (y[j] - y[i])**2)
    
    return perim


def compute_area_perimeter(
    boundary_x: np.ndarray,
    boundary_y: np.ndarray
) -> Dict[str, float]:
    """
    Compute area and perimeter of particle boundary.
    
    Args:
        boundary_x: x-coordinates of boundary particles (ordered)
        boundary_y: y-coordinates of boundary particles (ordered)
    
    Returns:
        Dictionary with area and perimeter
    """
    area = _shoelace_area(boundary_x, boundary_y)
    perimeter = _perimeter(boundary_x, boundary_y)
    
    return {
        'area': float(area),
        'perimeter': float(perimeter),
    }


def compute_circularity(area: float, perimeter: float) -> float:
    """
    Compute circularity (isoperimetric quotient).
    
    C = 4πA / P²
    
    C = 1 for a circle, C < 1 for stretched shapes.
    
    Args:
        area: Region area
        perimeter: Region perimeter
    
    Returns:
        Circularity value [0, 1]
    """
    if perimeter > 1e-15:
        return 4 * np.pi * area / (perimeter ** 2)
    return 0.0


def compute_variance_decay(
    tracer_initial: np.ndarray,
    tracer_current: np.ndarray
) -> Dict[str, float]:
    """
    Compute intensity of segregation (normalized variance).
    
    I_s = σ²(t) / σ²(0)
    
    Perfect mixing: I_s → 0
    No mixing: I_s = 1
    
    Args:
        tracer_initial: Initial tracer distribution
        tracer_current: Current tracer distribution
    
    Returns:
        Dictionary with variance metrics
    """
    var_initial = np.var(tracer_initial)
    var_current = np.var(tracer_current)
    
    if var_initial > 1e-15:
        intensity_segregation = var_current / var_initial
    else:
        intensity_segregation = 1.0
    
    return {
        'variance_initial': float(var_initial),
        'variance_current': float(var_current),
        'intensity_segregation': float(intensity_segregation),
        'mixing_efficiency': float(1.0 - intensity_segregation),
    }


def compute_center_of_mass(
    x: np.ndarray,
    y: np.ndarray,
    tracer: np.ndarray
) -> Dict[str, float]:
    """
    Compute tracer-weighted center of mass.
    
    x_cm = Σ(C_i * x_i) / Σ(C_i)
    
    Args:
        x, y: Particle positions
        tracer: Tracer values
    
    Returns:
        Dictionary with center of mass coordinates
    """
    total_tracer = np.sum(tracer)
    
    if total_tracer > 1e-15:
        x_cm = np.sum(tracer * x) / total_tracer
        y_cm = np.sum(tracer * y) / total_tracer
    else:
        x_cm = np.mean(x)
        y_cm = np.mean(y)
    
    return {
        'x_cm': float(x_cm),
        'y_cm': float(y_cm),
        'total_tracer': float(total_tracer),
    }


def compute_reversibility_error(
    initial_x: np.ndarray,
    initial_y: np.ndarray,
    final_x: np.ndarray,
    final_y: np.ndarray,
    L: float
) -> Dict[str, float]:
    """
    Compute reversibility error after forward+backward advection.
    
    E_rev = mean(|X_final - X_initial|)
    
    Args:
        initial_x, initial_y: Initial particle positions
        final_x, final_y: Final positions after forward+reverse
        L: Characteristic length scale for normalization
    
    Returns:
        Dictionary with reversibility metrics
    """
    displacement = np.sqrt((final_x - initial_x)**2 + (final_y - initial_y)**2)
    
    mean_error = np.mean(displacement)
    max_error = np.max(displacement)
    rms_error = np.sqrt(np.mean(displacement**2))
    
    return {
        'reversibility_mean': float(mean_error),
        'reversibility_max': float(max_error),
        'reversibility_rms': float(rms_error),
        'reversibility_normalized': float(mean_error / L),
        'reversibility_max_normalized': float(max_error / L),
    }


def compute_stretching_factor(
    perimeter_initial: float,
    perimeter_current: float
) -> float:
    """
    Compute stretching factor λ = P(t) / P(0).
    
    λ > 1 indicates stretching/filamentation.
    
    Args:
        perimeter_initial: Initial boundary perimeter
        perimeter_current: Current boundary perimeter
    
    Returns:
        Stretching factor
    """
    if perimeter_initial > 1e-15:
        return perimeter_current / perimeter_initial
    return 1.0


@njit(cache=True, parallel=True)
def compute_particle_dispersion(
    x: np.ndarray,
    y: np.ndarray,
    x0: np.ndarray,
    y0: np.ndarray
) -> Tuple[float, float]:
    """
    Compute mean and variance of particle displacements.
    
    Args:
        x, y: Current positions
        x0, y0: Initial positions
    
    Returns:
        Tuple of (mean_displacement, variance_displacement)
    """
    n = len(x)
    displacements = np.zeros(n, dtype=np.float64)
    
    for i in prange(n):
        displacements[i] = np.sqrt((x[i] - x0[i])**2 + (y[i] - y0[i])**2)
    
    mean_disp = np.mean(displacements)
    var_disp = np.var(displacements)
    
    return mean_disp, var_disp


def compute_boundary_particles(
    x: np.ndarray,
    y: np.ndarray,
    tracer: np.ndarray,
    threshold: float,
    n_boundary: int = 100
) -> Tuple[np.ndarray, np.ndarray]:
    """
    Extract boundary particles above tracer threshold.
    
    Uses convex hull approximation for ordering.
    
    Args:
        x, y: Particle positions
        tracer: Tracer values
        threshold: Concentration threshold for "inside"
        n_boundary: Number of boundary particles to return
    
    Returns:
        Tuple of (boundary_x, boundary_y) ordered arrays
    """
    # Find particles above threshold
    mask = tracer >= threshold
    x_high = x[mask]
    y_high = y[mask]
    
    if len(x_high) < 3:
        return np.array([]), np.array([])
    
    # Compute center
    cx = np.mean(x_high)
    cy = np.mean(y_high)
    
    # Compute angles from center
    angles = np.arctan2(y_high - cy, x_high - cx)
    
    # Sort by angle
    sort_idx = np.argsort(angles)
    x_sorted = x_high[sort_idx]
    y_sorted = y_high[sort_idx]
    
    # Subsample to n_boundary points
    n = len(x_sorted)
    if n > n_boundary:
        indices = np.linspace(0, n - 1, n_boundary, dtype=int)
        return x_sorted[indices], y_sorted[indices]
    
    return x_sorted, y_sorted


# ---- harness ----
ENTRY = "lanun_transport"


def _locate_and_project(particles, vf, nx, ny):
    # LagrangianSolver._update_particle_locations followed by project_to_mesh
    particles.cell_i, particles.cell_j = locate_particles(
        particles.x, particles.y, 0.0, 0.0, vf.dx, vf.dy, nx, ny)
    particles.w1, particles.w2, particles.w3, particles.w4 = compute_bilinear_weights(
        particles.x, particles.y, vf.X, vf.Y, particles.cell_i, particles.cell_j, vf.dx, vf.dy)
    return project_to_mesh(particles.tracer, particles.cell_i, particles.cell_j,
                           particles.w1, particles.w2, particles.w3, particles.w4, nx, ny)


def lanun_transport(Lx, Ly, U0, nx, ny, pps, dt, n_steps):
    out = {}
    basin = BasinSystem(Lx=Lx, Ly=Ly, H=60.0, U0=U0, tracer_name="Chlorophyll-a",
                        tracer_units="mg/m3", tracer_background=0.1, tracer_anomaly=2.0)
    vf = VelocityField(basin, nx, ny)
    vx2, vy2 = compute_velocity_field_numba(vf.X, vf.Y, Lx, Ly, U0)
    out["vx"] = vf.vx
    out["vy"] = vf.vy
    out["vx_parallel_equal"] = bool(np.array_equal(vx2, vf.vx) and np.array_equal(vy2, vf.vy))
    out["psi"] = vf.psi
    out["vorticity"] = vf.vorticity
    out["max_velocity"] = vf.max_velocity()
    out["divergence"] = vf.check_incompressibility()
    out["velocity_at"] = vf.velocity_at(0.3 * Lx, 0.7 * Ly)
    particles = deploy_particles(nx, ny, vf.dx, vf.dy, 0.0, 0.0, particles_per_cell_side=pps)
    initialize_gaussian_tracer(particles, Lx / 4, Ly / 2, Lx / 10,
                               background=basin.tracer_background, amplitude=basin.tracer_anomaly)
    initial = particles.copy()
    out["mesh0"] = _locate_and_project(particles, vf, nx, ny)
    out["interp_u0"] = interpolate_to_particles(vf.vx, particles.cell_i, particles.cell_j,
                                                particles.w1, particles.w2, particles.w3, particles.w4)
    for direction in (1.0, -1.0):
        for step in range(1, n_steps + 1):
            if direction > 0:
                new_px, new_py = advect_midpoint(
                    particles.x, particles.y, vf.vx, vf.vy, vf.X, vf.Y, dt,
                    0.0, Lx, 0.0, Ly, vf.dx, vf.dy, nx, ny)
            else:
                new_px, new_py = advect_midpoint(
                    particles.x, particles.y, vf.vx, vf.vy, vf.X, vf.Y, dt,
                    0.0, Lx, 0.0, Ly, vf.dx, vf.dy, nx, ny, direction)
            particles.x, particles.y = constrain_particles(
                new_px, new_py, 0.0, Lx, 0.0, Ly, vf.dx, vf.dy, pps)
            if step % 20 == 0:
                key = "mesh_fwd_%d" % step if direction > 0 else "mesh_rev_%d" % step
                out[key] = _locate_and_project(particles, vf, nx, ny)
        if direction > 0:
            forward = particles.copy()
    out["x_forward"] = forward.x
    out["y_forward"] = forward.y
    out["x_final"] = particles.x
    out["y_final"] = particles.y
    out["dispersion_forward"] = compute_particle_dispersion(forward.x, forward.y, initial.x, initial.y)
    out["dispersion_final"] = compute_particle_dispersion(particles.x, particles.y, initial.x, initial.y)
    out["reversibility"] = compute_reversibility_error(initial.x, initial.y, particles.x, particles.y, Lx)
    out["mass"] = compute_mass_conservation(initial.tracer, particles.tracer, vf.dx, vf.dy, pps)
    # mesh-space mixing: tracer re-interpolated from the projected forward mesh
    mesh_fwd = out["mesh_fwd_%d" % n_steps]
    particles2 = forward.copy()
    _locate_and_project(particles2, vf, nx, ny)
    resampled = interpolate_to_particles(mesh_fwd, particles2.cell_i, particles2.cell_j,
                                         particles2.w1, particles2.w2, particles2.w3, particles2.w4)
    out["variance"] = compute_variance_decay(initial.tracer, resampled)
    out["com_initial"] = compute_center_of_mass(initial.x, initial.y, initial.tracer)
    out["com_forward"] = compute_center_of_mass(forward.x, forward.y, forward.tracer)
    threshold = 0.5 * np.max(initial.tracer)
    bx0, by0 = compute_boundary_particles(initial.x, initial.y, initial.tracer, threshold)
    bx1, by1 = compute_boundary_particles(forward.x, forward.y, forward.tracer, threshold, n_boundary=60)
    ap0 = compute_area_perimeter(bx0, by0)
    ap1 = compute_area_perimeter(bx1, by1)
    out["area_perimeter"] = (ap0, ap1)
    out["circularity"] = (compute_circularity(ap0["area"], ap0["perimeter"]),
                          compute_circularity(ap1["area"], ap1["perimeter"]))
    out["stretching"] = compute_stretching_factor(ap0["perimeter"], ap1["perimeter"])
    # constrain_particles with points outside the basin
    out["constrained"] = constrain_particles(np.array([-5.0, 10.0, Lx + 3.0]), np.array([Ly + 1.0, -2.0, 7.0]),
                                             0.0, Lx, 0.0, Ly, vf.dx, vf.dy, pps)
    out["repr"] = repr(basin)
    return out


def inputs():
    return (50000.0, 40000.0, 0.3, 21, 17, 3, 1800.0, 40)
