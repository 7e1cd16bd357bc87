# Source: vegardrsolum/attipy src/attipy/_quatops.py (at commit 008b9aa1), src/attipy/_vectorops.py (at commit 3163be06), src/attipy/_transforms.py (at commit 018c655a), src/attipy/_kalman_fast.py (at commit 006e6fea)
# Licence: MIT (attipy, LICENSE; Copyright (c) 2024 vegardrsolum)
# Notes: the numba helpers of attipy, an attitude and heading reference system (AHRS / multiplicative EKF) library. Pasted whole: src/attipy/_quatops.py (_canonical with a chained or/and sign test returning -q or q itself, the Hamilton product _quatprod, _normalize with augmented assignment on unpacked scalars, _correct_with_gibbs2 which updates q in place and ends with q[:] = _normalize(q)); src/attipy/_vectorops.py (_skew_symmetric, _normalize_vec); src/attipy/_transforms.py (_quat_from_matrix unpacking matrix rows into three scalars and branching on the trace, _matrix_from_quat, _euler_zyx_from_quat, _matrix_from_euler_zyx, _quat_from_euler_zyx unpacking `euler / 2.0`, _quat_from_rotvec and _rotvec_from_quat with small-angle series branches), minus its `from ._quatops import _canonical, _normalize` line (the functions are pasted above); and src/attipy/_kalman_fast.py (scalar-measurement Kalman gain, state update and Joseph-form covariance update written as explicit loops into caller-provided work arrays, the wrapper that slices one 2n work buffer into two views, and the sequential update over the rows of H), all plain @njit with NDArray annotations. The harness normalises random quaternions (one with a negative scalar part, one with w == 0 and x < 0), multiplies them, converts quaternion -> matrix -> quaternion and quaternion <-> ZYX Euler angles <-> matrix, round-trips rotation vectors including a tiny one that takes the series branch, corrects a quaternion with a Gibbs vector, builds skew matrices and unit vectors, and runs the sequential Kalman update on a 6-state system for three batches of 4 scalar measurements
# ---- src/attipy/_quatops.py ----
import numpy as np
from numba import njit
from numpy.typing import NDArray


@njit  # type: ignore[misc]
def _canonical(q: NDArray[np.float64]) -> NDArray[np.float64]:
    """
    Return the quaternion in canonical (standardized) form.

    Ensures a unique sign by enforcing: w > 0, or if w == 0 then x > 0, etc.
    """
    qw, qx, qy, qz = q

    flip = (
        qw < 0
        or (qw == 0 and qx < 0)
        or (qw == 0 and qx == 0 and qy < 0)
        or (qw == 0 and qx == 0 and qy == 0 and qz < 0)
    )

    if flip:
        return -q

    return q


@njit  # type: ignore[misc]
def _quatprod(qa: NDArray[np.float64], qb: NDArray[np.float64]) -> NDArray[np.float64]:
    """
    Computes the product of two unit quaternions (Hamilton product):

        q = q_a ⊗ q_b

    Defined as:

        qw = qw_a * qw_b - np.dot(qxyz_a, qxyz_b)
        qxyz = qw_a * qxyz_b + qw_b * qxyz_a + np.cross(qxyz_a, qxyz_b)

    Parameters
    ----------
    qa, qb : numpy.ndarray, shape (4,)
        Unit quaternions (qw, qx, qy, qz).

    Returns
    -------
    numpy.ndarray, shape (4,)
        Unit quaternion product.

    References
    ----------
    .. [1] Fossen, T.I., "Handbook of Marine Craft Hydrodynamics and Motion Control",
    2nd Edition, equation 2.69, John Wiley & Sons, 2021.
    """
    qw_a, qx_a, qy_a, qz_a = qa
    qw_b, qx_b, qy_b, qz_b = qb

    qw = qw_a * qw_b - qx_a * qx_b - qy_a * qy_b - qz_a * qz_b
    qx = qw_a * qx_b + qw_b * qx_a + qy_a * qz_b - qz_a * qy_b
    qy = qw_a * qy_b + qw_b * qy_a + qz_a * qx_b - qx_a * qz_b
    qz = qw_a * qz_b + qw_b * qz_a + qx_a * qy_b - qy_a * qx_b

    return np.array([qw, qx, qy, qz])


@njit  # type: ignore[misc]
def _normalize(q: NDArray[np.float64]) -> NDArray[np.float64]:
    """
    L2-normalize a quaternion.

    Parameters
    ----------
    q : numpy.ndarray, shape (4,)
        Quaternion to be normalized

    Returns
    -------
    numpy.ndarray, shape (4,)
        Normalized (unit) quaternion.
    """
    qw, qx, qy, qz = q
    norm_inv = 1.0 / np.sqrt(qw**2 + qx**2 + qy**2 + qz**2)
    qw *= norm_inv
    qx *= norm_inv
    qy *= norm_inv
    qz *= norm_inv
    return np.array([qw, qx, qy, qz])


@njit  # type: ignore[misc]
def _correct_with_gibbs2(q, da):
    """
    Corrects a unit quaternion, q, with a small attitude error represented as a
    scaled (2x) Gibbs vector, da.

    The unit quaternion is updated according to:

        q = q ⊗ dq

    where dq is the small rotation quaternion defined from the scaled Gibbs vector:

        dq = (1 / sqrt(4 + ||da||^2)) * [2, dax, day, daz]

    where da = [dax, day, daz] and ||da|| is the Euclidean norm of da.

    Since we have to normalize the quaternion after applying the correction, we can
    simplify the computation by omitting the normalization factor in dq, and accomplish
    the correction in two steps (see ref_ [1], but note that a different representation
    of the attitude error is used).

    First,

        q += M(q) @ da

    where M(q) is defined as:

        M(q) = [-qxyz^T, qw * I + S(qxyz)]^T

    Then normalize the quaternion,

        q /= ||q||

    Parameters
    ----------
    q : numpy.ndarray, shape (4,)
        Unit quaternion to be corrected.
    da : numpy.ndarray, shape (3,)
        Attitude error represented as a scaled (2x) Gibbs vector.

    Returns
    -------
    numpy.ndarray, shape (4,)
        Corrected unit quaternion.

    References
    ----------
    .. [1] F. Landis Markley and John L. Crassidis, "Fundamentals of Spacecraft
    Attitude Determination and Control", Springer, 2014, Equation (6.27) and (6.28).
    """

    qw, qx, qy, qz = q
    dax, day, daz = da

    q[0] += -0.5 * (qx * dax + qy * day + qz * daz)
    q[1] += 0.5 * (qw * dax + qy * daz - qz * day)
    q[2] += 0.5 * (qw * day - qx * daz + qz * dax)
    q[3] += 0.5 * (qw * daz + qx * day - qy * dax)
    q[:] = _normalize(q)

    return q

# ---- src/attipy/_vectorops.py ----
import numpy as np
from numba import njit
from numpy.typing import NDArray


@njit  # type: ignore[misc]
def _skew_symmetric(a: NDArray[np.float64]) -> NDArray[np.float64]:
    """
    Compute the cross product equivalent skew symmetric matrix.

    Parameters
    ----------
    a : numpy.ndarray, shape (3,)
        Vector in which the skew symmetric matrix is based on, such that
        ``a x b = S(a) b``.

    Returns
    -------
    numpy.ndarray, shape (3, 3)
        Skew symmetric matrix.
    """
    return np.array([[0.0, -a[2], a[1]], [a[2], 0.0, -a[0]], [-a[1], a[0], 0.0]])


@njit  # type: ignore[misc]
def _normalize_vec(v: NDArray[np.float64]) -> NDArray[np.float64]:
    """
    L2-normalize a vector.

    Parameters
    ----------
    v : numpy.ndarray, shape (3,)
        Vector to be normalized

    Returns
    -------
    numpy.ndarray, shape (3,)
        Normalized vector.
    """
    norm_inv = 1.0 / np.sqrt(v[0] ** 2 + v[1] ** 2 + v[2] ** 2)
    return v * norm_inv

# ---- src/attipy/_transforms.py ----
import numpy as np
from numba import njit
from numpy.typing import NDArray


@njit  # type: ignore[misc]
def _quat_from_matrix(dcm: np.ndarray) -> np.ndarray:
    """
    Convert a rotation matrix to a unit quaternion (see ref [1]_).

    References
    ----------
    .. [1] https://en.wikipedia.org/wiki/Rotation_matrix#Quaternion
    """

    c00, c01, c02 = dcm[0]
    c10, c11, c12 = dcm[1]
    c20, c21, c22 = dcm[2]

    trace = c00 + c11 + c22

    if trace > 0.0:
        s = 2.0 * np.sqrt(trace + 1.0)
        w = 0.25 * s
        x = (c21 - c12) / s
        y = (c02 - c20) / s
        z = (c10 - c01) / s
    elif (c00 > c11) and (c00 > c22):
        s = 2.0 * np.sqrt(1.0 + c00 - c11 - c22)
        w = (c21 - c12) / s
        x = 0.25 * s
        y = (c01 + c10) / s
        z = (c02 + c20) / s
    elif c11 > c22:
        s = 2.0 * np.sqrt(1.0 + c11 - c00 - c22)
        w = (c02 - c20) / s
        x = (c01 + c10) / s
        y = 0.25 * s
        z = (c12 + c21) / s
    else:
        s = 2.0 * np.sqrt(1.0 + c22 - c00 - c11)
        w = (c10 - c01) / s
        x = (c02 + c20) / s
        y = (c12 + c21) / s
        z = 0.25 * s

    q = np.array([w, x, y, z])
    return _normalize(q)


@njit  # type: ignore[misc]
def _matrix_from_quat(q: NDArray[np.float64]) -> NDArray[np.float64]:
    """
    Compute the rotation matrix from a unit quaternion.

    Parameters
    ----------
    q : numpy.ndarray, shape (4,)
        Unit quaternion.

    Returns
    -------
    rot : numpy.ndarray, shape (3, 3)
        Rotation matrix.
    """
    q0, q1, q2, q3 = q

    _2q1 = q1 + q1
    _2q2 = q2 + q2
    _2q3 = q3 + q3

    _2q1q1 = q1 * _2q1
    _2q1q2 = q1 * _2q2
    _2q1q3 = q1 * _2q3
    _2q2q2 = q2 * _2q2
    _2q2q3 = q2 * _2q3
    _2q3q3 = q3 * _2q3
    _2q0q1 = q0 * _2q1
    _2q0q2 = q0 * _2q2
    _2q0q3 = q0 * _2q3

    c00 = 1.0 - (_2q2q2 + _2q3q3)
    c01 = _2q1q2 - _2q0q3
    c02 = _2q1q3 + _2q0q2

    c10 = _2q1q2 + _2q0q3
    c11 = 1.0 - (_2q1q1 + _2q3q3)
    c12 = _2q2q3 - _2q0q1

    c20 = _2q1q3 - _2q0q2
    c21 = _2q2q3 + _2q0q1
    c22 = 1.0 - (_2q1q1 + _2q2q2)

    dcm = np.array([[c00, c01, c02], [c10, c11, c12], [c20, c21, c22]])
    return dcm


@njit  # type: ignore[misc]
def _euler_zyx_from_quat(q: NDArray[np.float64]) -> NDArray[np.float64]:
    """
    Compute the Euler angles (ZYX convention) from a unit quaternion (see ref [1]_).

    Parameters
    ----------
    q : numpy.ndarray, shape (4,)
        Unit quaternion (representing transformation from-body-to-origin).

    Returns
    -------
    numpy.ndarray, shape (3,)
        Vector of Euler angles in radians (ZYX convention). Contains the following
        three Euler angles in order:
            - Roll (alpha): Rotation about the x-axis.
            - Pitch (beta): Rotation about the y-axis.
            - Yaw (gamma): Rotation about the z-axis.

    References
    ----------
    .. [1] https://en.wikipedia.org/wiki/Conversion_between_quaternions_and_Euler_angles
    """
    q_w, q_x, q_y, q_z = q

    alpha = np.arctan2(2.0 * (q_y * q_z + q_x * q_w), 1.0 - 2.0 * (q_x**2 + q_y**2))
    beta = -np.arcsin(2.0 * (q_x * q_z - q_y * q_w))
    gamma = np.arctan2(2.0 * (q_x * q_y + q_z * q_w), 1.0 - 2.0 * (q_y**2 + q_z**2))

    return np.array([alpha, beta, gamma])


@njit  # type: ignore[misc]
def _matrix_from_euler_zyx(euler: NDArray[np.float64]) -> NDArray[np.float64]:
    """
    Compute the rotation matrix (from-body-to-origin) from Euler angles.

    Parameters
    ----------
    euler : numpy.ndarray, shape (3,)
        Vector of Euler angles in radians (ZYX convention). Contains the following
        three Euler angles in order:
            - Roll (alpha): Rotation about the x-axis.
            - Pitch (beta): Rotation about the y-axis.
            - Yaw (gamma): Rotation about the z-axis.

    Notes
    -----
    The Euler angles describe how to transition from the 'origin' frame to the 'body'
    frame through three consecutive (passive, intrinsic) rotations in the ZYX order.
    However, the returned rotation matrix represents the transformation of a vector
    from the 'body' frame to the 'origin' frame.

    Returns
    -------
    numpy.ndarray, shape (3, 3)
        Rotation matrix.
    """
    alpha, beta, gamma = euler
    cos_gamma = np.cos(gamma)
    sin_gamma = np.sin(gamma)
    cos_beta = np.cos(beta)
    sin_beta = np.sin(beta)
    cos_alpha = np.cos(alpha)
    sin_alpha = np.sin(alpha)

    R00 = cos_gamma * cos_beta
    R01 = -sin_gamma * cos_alpha + cos_gamma * sin_beta * sin_alpha
    R02 = sin_gamma * sin_alpha + cos_gamma * sin_beta * cos_alpha

    R10 = sin_gamma * cos_beta
    R11 = cos_gamma * cos_alpha + sin_gamma * sin_beta * sin_alpha
    R12 = -cos_gamma * sin_alpha + sin_gamma * sin_beta * cos_alpha

    R20 = -sin_beta
    R21 = cos_beta * sin_alpha
    R22 = cos_beta * cos_alpha

    R = np.array([[R00, R01, R02], [R10, R11, R12], [R20, R21, R22]])
    return R


@njit  # type: ignore[misc]
def _quat_from_euler_zyx(euler: NDArray[np.float64]) -> NDArray[np.float64]:
    """
    Compute the unit quaternion from Euler angles (see ref [1]_).

    References
    ----------
    .. [1] https://en.wikipedia.org/wiki/Conversion_between_quaternions_and_Euler_angles
    """

    alpha_half, beta_half, gamma_half = euler / 2.0
    ca_half = np.cos(alpha_half)
    sa_half = np.sin(alpha_half)
    cb_half = np.cos(beta_half)
    sb_half = np.sin(beta_half)
    cg_half = np.cos(gamma_half)
    sg_half = np.sin(gamma_half)

    q_w = ca_half * cb_half * cg_half + sa_half * sb_half * sg_half
    q_x = sa_half * cb_half * cg_half - ca_half * sb_half * sg_half
    q_y = ca_half * sb_half * cg_half + sa_half * cb_half * sg_half
    q_z = ca_half * cb_half * sg_half - sa_half * sb_half * cg_half

    return np.array([q_w, q_x, q_y, q_z])


@njit  # type: ignore[misc]
def _quat_from_rotvec(theta: NDArray[np.float64]) -> NDArray[np.float64]:

    theta_x, theta_y, theta_z = theta
    angle2 = theta_x**2 + theta_y**2 + theta_z**2

    if angle2 < 1e-6:  # 2nd order approximation (avoids division by zero)
        a = 0.25 * angle2
        c = 1.0 - a / 2.0
        s = 0.5 * (1.0 - a / 6.0)
    else:
        angle = np.sqrt(angle2)
        half_angle = 0.5 * angle
        c = np.cos(half_angle)
        s = np.sin(half_angle) / angle

    q = np.array([c, s * theta_x, s * theta_y, s * theta_z])

    return _normalize(q)


@njit  # type: ignore[misc]
def _rotvec_from_quat(q: NDArray[np.float64]) -> NDArray[np.float64]:
    """
    Compute the rotation vector from a unit quaternion.

    Parameters
    ----------
    q : numpy.ndarray, shape (4,)
        Unit quaternion.

    Returns
    -------
    numpy.ndarray, shape (3,)
        Rotation vector.
    """
    q = _canonical(q)
    q_w, q_x, q_y, q_z = q

    q_xyz_norm = np.sqrt(q_x**2 + q_y**2 + q_z**2)
    angle = 2.0 * np.arctan2(q_xyz_norm, q_w)

    if angle <= 1e-3:  # 4th order approximation (avoids division by zero)
        angle2 = angle**2
        scale = 2.0 + (angle2) / 12.0 + 7.0 * angle2**2 / 2880.0
    else:
        scale = angle / np.sin(angle / 2.0)

    return np.array([scale * q_x, scale * q_y, scale * q_z])

# ---- src/attipy/_kalman_fast.py ----
import numpy as np
from numba import njit
from numpy.typing import NDArray


@njit  # type: ignore[misc]
def _kalman_gain_fast(
    P: NDArray[np.float64],
    h: NDArray[np.float64],
    r: float,
    k: NDArray[np.float64],
) -> None:
    """
    Compute the Kalman gain for a scalar measurement:

        k = P @ h.T / (h @ P @ h.T + r)

    Parameters
    ----------
    P : ndarray, shape (n, n)
        State error covariance matrix.
    h : ndarray, shape (n,)
        Measurement matrix (row vector).
    r : float
        Scalar measurement noise variance.
    k : ndarray, shape (n,)
        Output array for the Kalman gain vector, written in place.
    """
    n = P.shape[0]

    # k = P @ h
    s = 0.0
    for i in range(n):
        v = 0.0
        for j in range(n):
            v += P[i, j] * h[j]
        k[i] = v
        s += h[i] * v  # accumulate h' @ P @ h

    # Kalman gain: k = P @ h / (h' @ P @ h + r)
    s_inv = 1.0 / (s + r)
    for i in range(n):
        k[i] *= s_inv


@njit  # type: ignore[misc]
def _state_update_fast(
    x: NDArray[np.float64], z: float, k: NDArray[np.float64], h: NDArray[np.float64]
) -> None:
    """
    Update state with scalar measurement.

    Parameters
    ----------
    x : ndarray, shape (n,)
        State vector to be updated in place.
    z : float
        Scalar measurement.
    k : ndarray, shape (n,)
        Kalman gain vector.
    h : ndarray, shape (n,)
        Measurement matrix (row vector).
    """
    n = len(x)  # number of states
    y = 0.0
    for i in range(n):
        y += h[i] * x[i]
    y = z - y
    for i in range(n):
        x[i] += k[i] * y


@njit  # type: ignore[misc]
def _covariance_update_fast(
    P: NDArray[np.float64],
    k: NDArray[np.float64],
    h: NDArray[np.float64],
    r: float,
    tmp: NDArray[np.float64],
) -> None:
    """
    Compute the updated state error covariance matrix estimate (Joseph form):

        P = (I - k @ h) @ P @ (I - k @ h).T + r * k @ k.T

    Parameters
    ----------
    P : ndarray, shape (n, n)
        State error covariance matrix to be updated in place.
    k : ndarray, shape (n,)
        Kalman gain vector.
    h : ndarray, shape (n,)
        Measurement matrix (row vector).
    r : float
        Scalar measurement noise variance.
    tmp : ndarray, shape (n,)
        Temporary workspace array for intermediate calculations, to avoid repeated
        allocations.
    """
    n = len(h)  # number of states

    hP = tmp
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += h[j] * P[j, i]
        hP[i] = s

    for i in range(n):
        ki = k[i]
        for j in range(n):
            P[i, j] -= ki * hP[j]

    Th = tmp
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += P[i, j] * h[j]
        Th[i] = s

    for i in range(n):
        c = r * k[i] - Th[i]
        for j in range(n):
            P[i, j] += c * k[j]


@njit  # type: ignore[misc]
def _kalman_update_scalar_fast(
    x: NDArray[np.float64],
    P: NDArray[np.float64],
    z: float,
    r: float,
    h: NDArray[np.float64],
    tmp: NDArray[np.float64],
) -> None:
    """
    Scalar Kalman filter measurement update.

    Parameters
    ----------
    x : ndarray, shape (n,)
        State estimate to be updated in place.
    P : ndarray, shape (n, n)
        State error covariance matrix to be updated in place.
    z : float
        Scalar measurement.
    r : float
        Scalar measurement noise variance.
    h : ndarray, shape (n,)
        Measurement matrix (row vector).
    tmp : ndarray, shape (2*n,)
        Temporary workspace array for intermediate calculations, to avoid repeated
        allocations. The first n elements are used for the Kalman gain vector and
        the remaining n elements are used by the covariance update.
    """
    n = len(x)
    k = tmp[:n]
    work = tmp[n:]

    # Kalman gain
    _kalman_gain_fast(P, h, r, k)

    # Updated (a posteriori) state estimate
    _state_update_fast(x, z, k, h)

    # Updated (a posteriori) covariance estimate (Joseph form)
    _covariance_update_fast(P, k, h, r, work)


@njit  # type: ignore[misc]
def _kalman_update_sequential_fast(
    x: NDArray[np.float64],
    P: NDArray[np.float64],
    z: NDArray[np.float64],
    var: NDArray[np.float64],
    H: NDArray[np.float64],
    tmp: NDArray[np.float64],
) -> None:
    """
    Sequential (one-at-a-time) Kalman filter measurement update.

    Parameters
    ----------
    x : ndarray, shape (n,)
        State estimate to be updated in place.
    P : ndarray, shape (n, n)
        State error covariance matrix to be updated in place.
    z : ndarray, shape (m,)
        Measurement vector.
    var : ndarray, shape (m,)
        Measurement noise variances corresponding to each scalar measurement.
    H : ndarray, shape (m, n)
        Measurement matrix where each row corresponds to a scalar measurement model.
    tmp : ndarray, shape (2*n,)
        Temporary workspace array for intermediate calculations, to avoid repeated
        allocations.
    """
    m = z.shape[0]
    for i in range(m):
        _kalman_update_scalar_fast(x, P, z[i], var[i], H[i], tmp)


# ---- harness (not part of the program) ----
ENTRY = "attitude_suite"


def attitude_suite(qraw, vecs, da, x0, P0, Z, var, H):
    qs = [_normalize(qraw[i]) for i in range(qraw.shape[0])]
    canon = np.array([_canonical(q) for q in qs])
    canon_special = _canonical(np.array([0.0, -0.6, 0.8, 0.0]))
    prods = np.array([_quatprod(qs[i], qs[i + 1]) for i in range(len(qs) - 1)])
    mats = np.array([_matrix_from_quat(q) for q in qs])
    back = np.array([_quat_from_matrix(m) for m in mats])
    eul = np.array([_euler_zyx_from_quat(q) for q in qs])
    mat_e = np.array([_matrix_from_euler_zyx(e) for e in eul])
    q_e = np.array([_quat_from_euler_zyx(e) for e in eul])
    rv = np.array([_rotvec_from_quat(q) for q in qs])
    q_rv = np.array([_quat_from_rotvec(v) for v in rv])
    tiny = _quat_from_rotvec(np.array([1e-4, -2e-4, 5e-5]))
    tiny_back = _rotvec_from_quat(tiny)
    qc = qs[0].copy()
    corr = _correct_with_gibbs2(qc, da).copy()
    skews = np.array([_skew_symmetric(v) for v in vecs])
    units = np.array([_normalize_vec(v) for v in vecs])
    x = x0.copy()
    P = P0.copy()
    tmp = np.zeros(2 * x.shape[0])
    xs = []
    for b in range(Z.shape[0]):
        _kalman_update_sequential_fast(x, P, Z[b], var, H, tmp)
        xs.append(x.copy())
    return (canon, canon_special, prods, mats, back, eul, mat_e, q_e, rv,
            q_rv, tiny, tiny_back, qc, corr, skews, units, np.array(xs), P,
            tmp)


def inputs():
    rng = np.random.default_rng(0)
    qraw = rng.normal(size=(6, 4))
    qraw[1, 0] = -abs(qraw[1, 0])
    qraw[2, 0] = 0.0
    qraw[2, 1] = -abs(qraw[2, 1])
    vecs = rng.normal(size=(4, 3))
    da = rng.normal(0.0, 0.05, size=3)
    n, m = 6, 4
    x0 = rng.normal(size=n)
    A = rng.normal(size=(n, n))
    P0 = A @ A.T + n * np.eye(n)
    Z = rng.normal(size=(3, m))
    var = rng.uniform(0.1, 1.0, size=m)
    H = rng.normal(size=(m, n))
    return (qraw, vecs, da, x0, P0, Z, var, H)
