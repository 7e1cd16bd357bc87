# Source: ocayon/Vortex-Step-Method src/VSM/core/utils.py (at commit b0e59b7c)
# Licence: MIT (Vortex-Step-Method, LICENSE; Copyright (c) 2024 Oriol Cayon, Jelle Poland, TU Delft; Copyright (c) 2022 Oriol Cayon, TU Delft)
# Notes: the Numba kernels of the Vortex Step Method (TU Delft's lifting-line / vortex-step aerodynamics of kites and wings): @jit(nopython=True) wrappers of np.cross, np.linalg.norm and np.dot with .astype(np.float64), then (@jit(nopython=True, cache=True)) the induced velocity of a bound vortex filament with a Vatistas core, of a finite trailing leg and of a semi-infinite wake filament with an Oseen viscous core (module-level float constants, three-way if/elif/else on the distance to the filament with a projection onto the core radius, np.zeros(3) returns), the 2-D bound-vortex correction, and assemble_AIC_matrices, which loops over every control point and horseshoe ring summing five filament contributions into a (3, N, N) np.empty array, with two boolean switches (LLT: evaluation point on the bound vortex; VSM: subtract the 2-D correction on the diagonal). The last three functions (plane intersection returning None, barycentric point-in-triangle/quad tests) are plain Python. Pasted: the module in full. The harness builds a swept, dihedral rectangular-planform wing of 16 spanwise panels (bound vortex at the quarter chord, trailing-edge points, evaluation points at three-quarter chord, a wake along the apparent wind at 10 m/s) and assembles the AIC matrices in VSM and LLT mode, then solves for the circulation of unit-incidence flow as the solver does with the normal component (np.linalg.solve in the harness), and also calls the wrappers and the point-in-quad test
from numba import jit
import numpy as np


@jit(nopython=True)
def jit_cross(a, b):
    return np.cross(a, b)


@jit(nopython=True)
def jit_norm(value):
    return np.linalg.norm(value.astype(np.float64))


@jit(nopython=True)
def jit_dot(a, b):
    return np.dot(a.astype(np.float64), b.astype(np.float64))


# =====================================================================
# JIT-compiled AIC assembly
#
# Numba ports of the per-filament induced-velocity kernels in
# core/Filament.py (velocity_3D_bound_vortex, velocity_3D_trailing_vortex,
# velocity_3D_trailing_vortex_semiinfinite) and of the 2D bound correction
# in core/Panel.py, assembled over all control-point/panel pairs in one
# compiled double loop. The formulas, branch structure (vortex-core
# projections included), and summation order match the Python originals
# term for term, so the assembled matrices agree to floating-point
# round-off; Filament.py remains the readable reference implementation.
# The only intentional difference: the bound-vortex in-core branch cannot
# emit the logging.info diagnostic from compiled code.
# =====================================================================

_ALPHA0_OSEEN = 1.25643  # Oseen parameter (Filament._alpha0)
_NU_AIR = 1.48e-5  # kinematic viscosity of air [m^2/s] (Filament._nu)


@jit(nopython=True, cache=True)
def _vel_bound_vortex(XV1, XV2, XVP, gamma, core_radius_fraction):
    """Bound-filament induced velocity (Vatistas core), as in
    Filament.velocity_3D_bound_vortex."""
    r0 = XV2 - XV1
    r1 = XVP - XV1
    r2 = XVP - XV2

    r1Xr0 = np.cross(r1, r0)
    epsilon = core_radius_fraction * np.linalg.norm(r0)
    dist = np.linalg.norm(r1Xr0) / np.linalg.norm(r0)
    if dist > epsilon:
        r1Xr2 = np.cross(r1, r2)
        return (
            gamma
            / (4 * np.pi)
            * r1Xr2
            / (np.linalg.norm(r1Xr2) ** 2)
            * np.dot(r0, r1 / np.linalg.norm(r1) - r2 / np.linalg.norm(r2))
        )
    elif dist < 1e-12 * epsilon:
        return np.zeros(3)
    else:
        r1_radial = r1 - np.dot(r1, r0) * r0 / (np.linalg.norm(r0) ** 2)
        r2_radial = r2 - np.dot(r2, r0) * r0 / (np.linalg.norm(r0) ** 2)
        r1_proj = np.dot(r1, r0) * r0 / (
            np.linalg.norm(r0) ** 2
        ) + epsilon * r1_radial / np.linalg.norm(r1_radial)
        r2_proj = np.dot(r2, r0) * r0 / (
            np.linalg.norm(r0) ** 2
        ) + epsilon * r2_radial / np.linalg.norm(r2_radial)
        r1Xr2_proj = np.cross(r1_proj, r2_proj)
        vel_ind_proj = (
            gamma
            / (4 * np.pi)
            * r1Xr2_proj
            / (np.linalg.norm(r1Xr2_proj) ** 2)
            * np.dot(
                r0,
                r1_proj / np.linalg.norm(r1_proj) - r2_proj / np.linalg.norm(r2_proj),
            )
        )
        return dist / epsilon * vel_ind_proj


@jit(nopython=True, cache=True)
def _vel_trailing_vortex(XV1, XV2, XVP, gamma, Uinf):
    """Finite trailing-leg induced velocity (viscous core), as in
    Filament.velocity_3D_trailing_vortex."""
    r0 = XV2 - XV1
    r1 = XVP - XV1
    r2 = XVP - XV2

    r_perp = r1 - np.dot(r1, r0) * r0 / (np.linalg.norm(r0) ** 2)
    epsilon = np.sqrt(4 * _ALPHA0_OSEEN * _NU_AIR * np.linalg.norm(r_perp) / Uinf)

    r1Xr0 = np.cross(r1, r0)
    dist = np.linalg.norm(r1Xr0) / np.linalg.norm(r0)
    if dist > epsilon:
        r1Xr2 = np.cross(r1, r2)
        return (
            gamma
            / (4 * np.pi)
            * r1Xr2
            / (np.linalg.norm(r1Xr2) ** 2)
            * np.dot(r0, r1 / np.linalg.norm(r1) - r2 / np.linalg.norm(r2))
        )
    elif dist < 1e-12 * epsilon:
        return np.zeros(3)
    else:
        r1_radial = r1 - np.dot(r1, r0) * r0 / (np.linalg.norm(r0) ** 2)
        r2_radial = r2 - np.dot(r2, r0) * r0 / (np.linalg.norm(r0) ** 2)
        r1_proj = np.dot(r1, r0) * r0 / (
            np.linalg.norm(r0) ** 2
        ) + epsilon * r1_radial / np.linalg.norm(r1_radial)
        r2_proj = np.dot(r2, r0) * r0 / (
            np.linalg.norm(r0) ** 2
        ) + epsilon * r2_radial / np.linalg.norm(r2_radial)
        r1Xr2_proj = np.cross(r1_proj, r2_proj)
        vel_ind_proj = (
            gamma
            / (4 * np.pi)
            * r1Xr2_proj
            / (np.linalg.norm(r1Xr2_proj) ** 2)
            * np.dot(
                r0,
                r1_proj / np.linalg.norm(r1_proj) - r2_proj / np.linalg.norm(r2_proj),
            )
        )
        return dist / epsilon * vel_ind_proj


@jit(nopython=True, cache=True)
def _vel_semiinfinite(XV1, Vf, XVP, gamma, Uinf, filament_direction):
    """Semi-infinite trailing-vortex induced velocity, as in
    Filament.velocity_3D_trailing_vortex_semiinfinite."""
    GAMMA = -gamma * filament_direction

    r1 = XVP - XV1
    r1XVf = np.cross(r1, Vf)
    r_perp = r1 - np.dot(r1, Vf) * Vf

    if np.linalg.norm(r_perp) < 1e-16:
        return np.zeros(3)

    epsilon = np.sqrt(4 * _ALPHA0_OSEEN * _NU_AIR * np.linalg.norm(r_perp) / Uinf)

    dist = np.linalg.norm(r1XVf) / np.linalg.norm(Vf)
    if dist > epsilon:
        K = (
            GAMMA
            / 4
            / np.pi
            / np.linalg.norm(r1XVf) ** 2
            * (1 + np.dot(r1, Vf) / np.linalg.norm(r1))
        )
        return K * r1XVf
    elif dist < 1e-12 * epsilon:
        return np.zeros(3)
    else:
        r1_radial = r1 - np.dot(r1, Vf) * Vf
        r1_proj = np.dot(r1, Vf) * Vf + epsilon * r1_radial / np.linalg.norm(r1_radial)
        r1XVf_proj = np.cross(r1_proj, Vf)
        K = (
            GAMMA
            / 4
            / np.pi
            / np.linalg.norm(r1XVf_proj) ** 2
            * (1 + np.dot(r1_proj, Vf) / np.linalg.norm(r1_proj))
        )
        return K * r1XVf_proj


@jit(nopython=True, cache=True)
def _vel_bound_2D(XVP, bound_point_1, bound_point_2):
    """2D bound-vortex correction at the evaluation point, as in
    Panel.compute_velocity_induced_bound_2D (gamma = 1)."""
    r3 = XVP - (bound_point_1 + bound_point_2) / 2
    r0 = bound_point_1 - bound_point_2
    r0_unit_X_r3 = np.cross(r0 / np.linalg.norm(r0), r3)
    return (1 / (2 * np.pi)) * (r0_unit_X_r3 / (np.linalg.norm(r0_unit_X_r3) ** 2))


@jit(nopython=True, cache=True)
def assemble_AIC_matrices(
    eval_points,
    bound_point_1,
    bound_point_2,
    TE_point_1,
    TE_point_2,
    wake_unit,
    wake_speed,
    core_radius_fraction,
    evaluation_point_on_bound,
    subtract_bound_2D,
):
    """Assemble the (3, N, N) unit-circulation induced-velocity matrices for
    the horseshoe system of every panel (bound + two chordwise legs + two
    semi-infinite wake filaments), evaluated at every evaluation point.

    Filament layout and summation order match
    Panel.compute_velocity_induced_single_ring_semiinfinite: bound filament
    runs bound_point_2 -> bound_point_1; legs run bound_point_1 -> TE_point_1
    and TE_point_2 -> bound_point_2; semi-infinite filaments start at
    TE_point_1 (direction +1) and TE_point_2 (direction -1) along wake_unit.
    ``evaluation_point_on_bound`` (LLT) zeroes the bound contribution;
    ``subtract_bound_2D`` (VSM) subtracts the 2D bound correction on the
    diagonal.
    """
    n = eval_points.shape[0]
    AIC = np.empty((3, n, n))
    for icp in range(n):
        ep = eval_points[icp]
        for jring in range(n):
            if evaluation_point_on_bound:
                velocity_induced = np.zeros(3)
            else:
                velocity_induced = _vel_bound_vortex(
                    bound_point_2[jring],
                    bound_point_1[jring],
                    ep,
                    1.0,
                    core_radius_fraction,
                )
            velocity_induced = velocity_induced + _vel_trailing_vortex(
                bound_point_1[jring], TE_point_1[jring], ep, 1.0, wake_speed
            )
            velocity_induced = velocity_induced + _vel_trailing_vortex(
                TE_point_2[jring], bound_point_2[jring], ep, 1.0, wake_speed
            )
            velocity_induced = velocity_induced + _vel_semiinfinite(
                TE_point_1[jring], wake_unit, ep, 1.0, wake_speed, 1.0
            )
            velocity_induced = velocity_induced + _vel_semiinfinite(
                TE_point_2[jring], wake_unit, ep, 1.0, wake_speed, -1.0
            )
            if subtract_bound_2D and icp == jring:
                velocity_induced = velocity_induced - _vel_bound_2D(
                    ep, bound_point_1[jring], bound_point_2[jring]
                )
            AIC[0, icp, jring] = velocity_induced[0]
            AIC[1, icp, jring] = velocity_induced[1]
            AIC[2, icp, jring] = velocity_induced[2]
    return AIC


def intersect_line_with_plane(x_cp, F_unit, plane_point, plane_normal):
    numerator = np.dot(plane_normal, (plane_point - x_cp))
    denominator = np.dot(plane_normal, F_unit)
    if np.abs(denominator) < 1e-6:
        return None  # No intersection
    lam = numerator / denominator
    intersection = x_cp + lam * F_unit
    return intersection


def point_in_triangle(pt, v0, v1, v2, tol=1e-8):
    # Barycentric coordinate check with tolerance
    u = v1 - v0
    v = v2 - v0
    w = pt - v0

    uu = np.dot(u, u)
    uv = np.dot(u, v)
    vv = np.dot(v, v)
    wu = np.dot(w, u)
    wv = np.dot(w, v)

    denom = uv * uv - uu * vv
    if np.abs(denom) < 1e-12:
        return False  # Degenerate triangle

    s = (uv * wv - vv * wu) / denom
    t = (uv * wu - uu * wv) / denom

    return (s >= -tol) and (t >= -tol) and (s + t <= 1 + tol)


def point_in_quad(pt, corners):
    """
    Checks if a point is inside a quadrilateral.
    corners: array of shape (4, 3)
    """
    return point_in_triangle(
        pt, corners[0], corners[1], corners[2]
    ) or point_in_triangle(pt, corners[0], corners[2], corners[3])


# ---- harness (not part of the program) ----
ENTRY = "vsm_aic"


def vsm_aic(le, te, wake_unit, wake_speed):
    bound_point_1 = le[:-1] + 0.25 * (te[:-1] - le[:-1])
    bound_point_2 = le[1:] + 0.25 * (te[1:] - le[1:])
    TE_point_1 = te[:-1].copy()
    TE_point_2 = te[1:].copy()
    mid_le = 0.5 * (le[:-1] + le[1:])
    mid_te = 0.5 * (te[:-1] + te[1:])
    eval_vsm = mid_le + 0.75 * (mid_te - mid_le)
    eval_llt = mid_le + 0.25 * (mid_te - mid_le)
    out = {}
    aic_vsm = assemble_AIC_matrices(eval_vsm, bound_point_1, bound_point_2, TE_point_1,
                                    TE_point_2, wake_unit, wake_speed, 0.2, False, True)
    aic_llt = assemble_AIC_matrices(eval_llt, bound_point_1, bound_point_2, TE_point_1,
                                    TE_point_2, wake_unit, wake_speed, 0.2, True, False)
    out["aic_vsm"] = aic_vsm
    out["aic_llt"] = aic_llt
    normals = np.array([jit_cross(bound_point_1[i] - bound_point_2[i], mid_te[i] - mid_le[i])
                        for i in range(len(mid_le))])
    normals = normals / np.array([jit_norm(nv) for nv in normals])[:, None]
    A = np.einsum("kij,ik->ij", aic_vsm, normals)
    rhs = -np.array([jit_dot(wake_unit * wake_speed * 0.1, nv) for nv in normals])
    out["gamma"] = np.linalg.solve(A, rhs)
    corners = np.array([le[0], le[1], te[1], te[0]])
    out["in_quad"] = [point_in_quad(p, corners) for p in (eval_vsm[0], eval_vsm[5], te[0] + 1.0)]
    out["cross_int"] = jit_cross(np.array([1, 2, 3]), np.array([4, 5, 6]))
    out["norm_int"] = jit_norm(np.array([3, 4, 12]))
    return out


def inputs():
    n_panels = 16
    span, chord = 8.0, 1.0
    y = np.linspace(-span / 2, span / 2, n_panels + 1)
    sweep = 0.15 * np.abs(y)
    z = 0.05 * y ** 2
    le = np.stack([sweep, y, z], axis=1)
    te = np.stack([sweep + chord * (1.0 - 0.04 * np.abs(y)), y, z], axis=1)
    aoa = np.deg2rad(6.0)
    wake_unit = np.array([np.cos(aoa), 0.0, np.sin(aoa)])
    return (le, te, wake_unit, 10.0)
