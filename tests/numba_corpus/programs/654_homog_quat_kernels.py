# Source: willsheffler/homog homog/quat.py, homog/util.py (at commit 1b88faf8)
# Licence: Apache-2.0 (homog, setup.py license="Apache Software License 2.0" and classifier; author Will Sheffler)
# Notes: quaternion utilities of homog, Will Sheffler's library of homogeneous-coordinate transforms (used in protein-design tools). util.py is pasted whole (the try/except around `import numba`: jit is the decorator object numba.njit(nogil=True, fastmath=True) applied bare with @jit, guvec wraps numba.guvectorize(sigs, layout, nopython=1, fastmath=1) around a function given as an argument, and float64/float32 come from numba.types), replacing quat.py's `from homog.util import jit, guvec, float32, float64` line. quat.py is pasted except for its two module-level guvec(...) statements (gu_rot_to_quat, '(n,n)->(n)', and gu_quat_multiply, '(n),(n)->(n)'), left out because they pass the already-jitted kernels to numba.guvectorize, which current Numba refuses at import ("A jit decorator was called on an already jitted function"). Kept: the NumPy versions (upper-half normalisation with boolean masks, rotation-matrix-to-quaternion with four masked cases and an assert, quaternion-to-rotation/xform, broadcast quaternion product via np.moveaxis unpacking) and the jitted ones: kernel_quat_to_upper_half (products of bools, a conditional expression on `or`, writing into its output, called with the same array as input and output), kernel_rot_to_quat (an if/elif chain on the trace), kernel_quat_multiply (tuple unpacking of 4-element arrays), and their numba_* wrappers allocating np.empty(4, dtype=...dtype). The harness builds deterministic 4x4 homogeneous transforms covering all four trace cases (axis-angle rotations, including near-180-degree turns about x, y and z) and compares the NumPy and jitted conversions in float64 and float32, upper-half normalisation of negated quaternions with zero first components, and quaternion products
try:
    import numba
    from numba.types import float64, float32
    jit = numba.njit(nogil=True, fastmath=True)

    def guvec(sigs, layout, func):
        return numba.guvectorize(
            sigs, layout, nopython=1, fastmath=1)(func)  # nogil not supported

except ImportError:
    import numpy
    float64 = float32 = numpy.empty((1, 1, 1, 1, 1, 1, 1))
    jit = lambda f: None

    def guvec(sigs, layout, func):
        return None

# ---- homog/quat.py ----
import numpy as np


def is_valid_quat_rot(quat):
    assert quat.shape[-1] == 4
    return np.isclose(1, np.linalg.norm(quat, axis=-1))


def quat_to_upper_half(quat):
    ineg0 = (quat[..., 0] < 0)
    ineg1 = (quat[..., 0] == 0) * (quat[..., 1] < 0)
    ineg2 = (quat[..., 0] == 0) * (quat[..., 1] == 0) * (quat[..., 2] < 0)
    ineg3 = ((quat[..., 0] == 0) * (quat[..., 1] == 0) * (quat[..., 2] == 0) *
             (quat[..., 3] < 0))
    # print(ineg0.shape)
    # print(ineg1.shape)
    # print(ineg2.shape)
    # print(ineg3.shape)
    ineg = ineg0 + ineg1 + ineg2 + ineg3
    quat = quat.copy()
    quat[ineg] = -quat[ineg]
    return quat


@jit
def kernel_quat_to_upper_half(quat, ret):
    ineg0 = (quat[0] < 0)
    ineg1 = (quat[0] == 0) * (quat[1] < 0)
    ineg2 = (quat[0] == 0) * (quat[1] == 0) * (quat[2] < 0)
    ineg3 = ((quat[0] == 0) * (quat[1] == 0) * (quat[2] == 0) * (quat[3] < 0))
    mul = -1.0 if ineg0 or ineg1 or ineg2 or ineg3 else 1.0
    for i in range(4):
        ret[i] = mul * quat[i]


@jit
def numba_quat_to_upper_half(quat):
    ret = np.empty(4, dtype=quat.dtype)
    kernel_quat_to_upper_half(quat, ret)
    return ret


def rand_quat(shape=()):
    if isinstance(shape, int): shape = (shape, )
    q = np.random.randn(*shape, 4)
    q /= np.linalg.norm(q, axis=-1)[..., np.newaxis]
    return quat_to_upper_half(q)


def rot_to_quat(xform):
    x = np.asarray(xform)
    t0, t1, t2 = x[..., 0, 0], x[..., 1, 1], x[..., 2, 2]
    tr = t0 + t1 + t2
    quat = np.empty(x.shape[:-2] + (4, ))

    case0 = tr > 0
    S0 = np.sqrt(tr[case0] + 1) * 2
    quat[case0, 0] = 0.25 * S0
    quat[case0, 1] = (x[case0, 2, 1] - x[case0, 1, 2]) / S0
    quat[case0, 2] = (x[case0, 0, 2] - x[case0, 2, 0]) / S0
    quat[case0, 3] = (x[case0, 1, 0] - x[case0, 0, 1]) / S0

    case1 = ~case0 * (t0 >= t1) * (t0 >= t2)
    S1 = np.sqrt(1.0 + x[case1, 0, 0] - x[case1, 1, 1] - x[case1, 2, 2]) * 2
    quat[case1, 0] = (x[case1, 2, 1] - x[case1, 1, 2]) / S1
    quat[case1, 1] = 0.25 * S1
    quat[case1, 2] = (x[case1, 0, 1] + x[case1, 1, 0]) / S1
    quat[case1, 3] = (x[case1, 0, 2] + x[case1, 2, 0]) / S1

    case2 = ~case0 * (t1 > t0) * (t1 >= t2)
    S2 = np.sqrt(1.0 + x[case2, 1, 1] - x[case2, 0, 0] - x[case2, 2, 2]) * 2
    quat[case2, 0] = (x[case2, 0, 2] - x[case2, 2, 0]) / S2
    quat[case2, 1] = (x[case2, 0, 1] + x[case2, 1, 0]) / S2
    quat[case2, 2] = 0.25 * S2
    quat[case2, 3] = (x[case2, 1, 2] + x[case2, 2, 1]) / S2

    case3 = ~case0 * (t2 > t0) * (t2 > t1)
    S3 = np.sqrt(1.0 + x[case3, 2, 2] - x[case3, 0, 0] - x[case3, 1, 1]) * 2
    quat[case3, 0] = (x[case3, 1, 0] - x[case3, 0, 1]) / S3
    quat[case3, 1] = (x[case3, 0, 2] + x[case3, 2, 0]) / S3
    quat[case3, 2] = (x[case3, 1, 2] + x[case3, 2, 1]) / S3
    quat[case3, 3] = 0.25 * S3

    assert (np.sum(case0) + np.sum(case1) + np.sum(case2) +
            np.sum(case3) == np.prod(xform.shape[:-2]))

    return quat_to_upper_half(quat)


xform_to_quat = rot_to_quat


@jit
def kernel_rot_to_quat(xform, quat):
    t0, t1, t2 = xform[0, 0], xform[1, 1], xform[2, 2]
    tr = t0 + t1 + t2
    if tr > 0:
        S0 = np.sqrt(tr + 1) * 2
        quat[0] = 0.25 * S0
        quat[1] = (xform[2, 1] - xform[1, 2]) / S0
        quat[2] = (xform[0, 2] - xform[2, 0]) / S0
        quat[3] = (xform[1, 0] - xform[0, 1]) / S0
    elif t0 >= t1 and t0 >= t2:
        S1 = np.sqrt(1.0 + xform[0, 0] - xform[1, 1] - xform[2, 2]) * 2
        quat[0] = (xform[2, 1] - xform[1, 2]) / S1
        quat[1] = 0.25 * S1
        quat[2] = (xform[0, 1] + xform[1, 0]) / S1
        quat[3] = (xform[0, 2] + xform[2, 0]) / S1
    elif t1 > t0 and t1 >= t2:
        S2 = np.sqrt(1.0 + xform[1, 1] - xform[0, 0] - xform[2, 2]) * 2
        quat[0] = (xform[0, 2] - xform[2, 0]) / S2
        quat[1] = (xform[0, 1] + xform[1, 0]) / S2
        quat[2] = 0.25 * S2
        quat[3] = (xform[1, 2] + xform[2, 1]) / S2
    elif t2 > t0 and t2 > t1:
        S3 = np.sqrt(1.0 + xform[2, 2] - xform[0, 0] - xform[1, 1]) * 2
        quat[0] = (xform[1, 0] - xform[0, 1]) / S3
        quat[1] = (xform[0, 2] + xform[2, 0]) / S3
        quat[2] = (xform[1, 2] + xform[2, 1]) / S3
        quat[3] = 0.25 * S3
    kernel_quat_to_upper_half(quat, quat)


@jit
def numba_rot_to_quat(xform):
    quat = np.empty(4, dtype=xform.dtype)
    kernel_rot_to_quat(xform, quat)
    return quat


def quat_to_rot(quat, dtype='f8', shape=(3, 3)):
    quat = np.asarray(quat)
    assert quat.shape[-1] == 4
    qr = quat[..., 0]
    qi = quat[..., 1]
    qj = quat[..., 2]
    qk = quat[..., 3]
    outshape = quat.shape[:-1]
    rot = np.zeros(outshape + shape, dtype=dtype)
    rot[..., 0, 0] = 1 - 2 * (qj**2 + qk**2)
    rot[..., 0, 1] = 2 * (qi * qj - qk * qr)
    rot[..., 0, 2] = 2 * (qi * qk + qj * qr)
    rot[..., 1, 0] = 2 * (qi * qj + qk * qr)
    rot[..., 1, 1] = 1 - 2 * (qi**2 + qk**2)
    rot[..., 1, 2] = 2 * (qj * qk - qi * qr)
    rot[..., 2, 0] = 2 * (qi * qk - qj * qr)
    rot[..., 2, 1] = 2 * (qj * qk + qi * qr)
    rot[..., 2, 2] = 1 - 2 * (qi**2 + qj**2)
    return rot


def quat_to_xform(quat, dtype='f8'):
    r = quat_to_rot(quat, dtype, shape=(4, 4))
    r[..., 3, 3] = 1
    return r


def quat_multiply(q, r):
    q, r = np.broadcast_arrays(q, r)
    q0, q1, q2, q3 = np.moveaxis(q, -1, 0)
    r0, r1, r2, r3 = np.moveaxis(r, -1, 0)
    assert np.all(q1 == q[..., 1])
    t = np.empty_like(q)
    t[..., 0] = r0 * q0 - r1 * q1 - r2 * q2 - r3 * q3
    t[..., 1] = r0 * q1 + r1 * q0 - r2 * q3 + r3 * q2
    t[..., 2] = r0 * q2 + r1 * q3 + r2 * q0 - r3 * q1
    t[..., 3] = r0 * q3 - r1 * q2 + r2 * q1 + r3 * q0
    return t


@jit
def kernel_quat_multiply(q, r, out):
    q0, q1, q2, q3 = q
    r0, r1, r2, r3 = r
    out[0] = r0 * q0 - r1 * q1 - r2 * q2 - r3 * q3
    out[1] = r0 * q1 + r1 * q0 - r2 * q3 + r3 * q2
    out[2] = r0 * q2 + r1 * q3 + r2 * q0 - r3 * q1
    out[3] = r0 * q3 - r1 * q2 + r2 * q1 + r3 * q0


@jit
def numba_quat_multiply(q, r):
    out = np.empty(4, dtype=q.dtype)
    kernel_quat_multiply(q, r, out)
    return out


# ---- harness (not part of the program) ----
ENTRY = "homog_quat"


def homog_quat(axes, angles, shifts):
    n = len(angles)
    xforms = np.zeros((n, 4, 4))
    for i in range(n):
        ax = axes[i] / np.linalg.norm(axes[i])
        a = angles[i]
        K = np.array([[0, -ax[2], ax[1]], [ax[2], 0, -ax[0]], [-ax[1], ax[0], 0]])
        xforms[i, :3, :3] = np.eye(3) + np.sin(a) * K + (1 - np.cos(a)) * (K @ K)
        xforms[i, :3, 3] = shifts[i]
        xforms[i, 3, 3] = 1.0
    q_np = rot_to_quat(xforms)
    q_nb = np.array([numba_rot_to_quat(x) for x in xforms])
    q_nb2 = np.array([numba_rot_to_quat(x) for x in xforms])
    q_nb32 = np.array([numba_rot_to_quat(x) for x in xforms.astype(np.float32)])
    neg = -q_np
    neg[:, 0] = np.where(np.arange(n) % 2 == 0, 0.0, neg[:, 0])
    upper_np = quat_to_upper_half(neg)
    upper_nb = np.array([numba_quat_to_upper_half(q) for q in neg])
    upper_nb32 = np.array([numba_quat_to_upper_half(q.astype(np.float32)) for q in neg])
    mult_np = quat_multiply(q_np, q_np[::-1])
    mult_nb = np.array([numba_quat_multiply(a, b) for a, b in zip(q_np, q_np[::-1])])
    valid = is_valid_quat_rot(q_nb2)
    back_rot = quat_to_rot(q_nb2)
    back_xf = quat_to_xform(q_nb2)
    return (q_np, q_nb, q_nb2, q_nb32, upper_np, upper_nb, upper_nb32,
            mult_np, mult_nb, valid, back_rot, back_xf, xform_to_quat(xforms[:3]))


def inputs():
    axes = np.array([
        [0.0, 0.0, 1.0], [1.0, 2.0, 3.0], [1.0, 0.05, 0.02], [0.03, 1.0, 0.04],
        [0.02, 0.01, 1.0], [-1.0, 0.5, 0.25], [0.3, -0.7, 0.2], [1.0, 1.0, 1.0],
        [0.0, 1.0, 0.0], [0.6, 0.0, -0.8],
    ])
    angles = np.array([0.4, 1.1, 3.0, 2.9, 3.1, 2.0, 0.0, 2.5, 3.14159, 1.7])
    shifts = np.arange(30, dtype=np.float64).reshape(10, 3) * 0.37 - 4.0
    return (axes, angles, shifts)
