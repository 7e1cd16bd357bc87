# Source: 64-B1T/basic_robotics basic_robotics/modern_robotics_numba/modern_high_performance.py (at commit 36a86446)
# Licence: MIT (basic_robotics, LICENSE; Copyright (c) 2022 64-B1T); the module is a port of the Modern Robotics code library (Huan Weng, Bill Hunt, Jarvis Schultz, Mikhail Todes, Northwestern University), itself MIT-licensed
# Notes: basic_robotics' Numba port of the "Modern Robotics: Mechanics, Planning, and Control" code library (Lynch & Park): rigid-body motions, forward kinematics, Jacobians and Newton-Raphson inverse kinematics of open-chain manipulators. Mostly @jit(nopython=True) / @jit(nopython=True, cache=True) functions calling each other (MatrixExp6 -> MatrixExp3 -> AxisAng3 -> Normalize -> Norm), two with eager signature strings ('Tuple((float64[:,::1], float64[::1]))(float64[:,::1])' for TransToRp, 'float64[:,::1](float64[:,::1])' for Adjoint), Norm of a Python list built from array elements ([Vb[0], Vb[1], Vb[2]]), 3x3 / 4x4 / 6x6 block assembly by slice assignment, np.eye with a dtype, np.cross(...).reshape((3)), np.array_equal, np.linalg.pinv / det / norm inside jitted code, `.conj().T @`, a tuple return with `not err`, a default argument (max_iters=20) and `R[2][2]` chained indexing; ProjectToSO3/ProjectToSE3 are plain Python (their @jit commented out). Pasted: the module from its start to the end of Chapter 6 (inverse kinematics); the dynamics and trajectory chapters that follow (most of their @jit commented out) are left out. The harness runs the docstring examples (with float arrays, as the eager signatures require): FKinBody/FKinSpace of the 3-joint example, JacobianBody/JacobianSpace of the 4-joint example, IKinBody/IKinSpace from the guess (1.5, 2.5, 3), the so(3)/se(3) exponential and logarithm examples, TransInv, Adjoint, the SO(3)/SE(3) distance tests, AxisAng6, ScrewToAxis, AngleMod, and LocalToGlobal/GlobalToLocal of random poses (np.random.default_rng(0))
"""Numba-accelerated port of the Modern Robotics code library.

This module reimplements the core rigid-body motion, kinematics, dynamics,
and trajectory-generation functions from the "Modern Robotics: Mechanics,
Planning, and Control" textbook code library, with several functions
compiled using ``numba.jit`` for performance.
"""
from __future__ import print_function
'''
***************************************************************************
Modern Robotics: Mechanics, Planning, and Control.
Code Library
***************************************************************************
Author: Huan Weng, Bill Hunt, Jarvis Schultz, Mikhail Todes,
Email: huanweng@u.northwestern.edu
Date: January 2018
***************************************************************************
Language: Python
Also available in: MATLAB, Mathematica
Required library: numpy
Optional library: matplotlib
***************************************************************************
'''

'''
*** IMPORTS ***
'''

import numpy as np
import numba
from numba import jit
'''
*** BASIC HELPER FUNCTIONS ***
'''


@jit(nopython=True)
def NearZero(z):   # pragma: no cover
    """Determines whether a scalar is small enough to be treated as zero.

    Args:
        z: A scalar input to check.

    Returns:
        True if z is close to zero, false otherwise.

    Example::

        z = -1e-7

        # Output:
        # True
    """
    return abs(z) < 1e-6


@jit(nopython=True)
def Normalize(V):   # pragma: no cover
    """Normalizes a vector.

    Args:
        V: A vector.

    Returns:
        A unit vector pointing in the same direction as V.

    Example::

        V = np.array([1, 2, 3])

        # Output:
        # np.array([0.26726124, 0.53452248, 0.80178373])
    """
    return V / Norm(V)

@jit(nopython=True)
def AngleMod(rad):   # pragma: no cover
    """Wraps each element of an angle array into the range (-2*pi, 2*pi).

    Args:
        rad: An array of angles in radians, modified in place.

    Returns:
        The input array with each element reduced modulo 2*pi.
    """
    for i in range(len(rad)):
        if abs(rad[i]) > 2 * np.pi:
            rad[i] = rad[i] % (2 * np.pi)
    return rad

@jit(nopython=True, cache=True)
def Norm(v):   # pragma: no cover
    """Computes the Euclidean norm of a 3-vector.

    Args:
        v: A 3-element vector.

    Returns:
        The Euclidean (L2) norm of v.
    """
    return np.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2])

@jit(nopython=True, cache=True)
def Norm6(v):   # pragma: no cover
    """Computes the Euclidean norm of a 6-vector.

    Faster than ``np.linalg.norm`` for the small, fixed-size float vectors
    used throughout this module, but is not safe for very large values.

    Args:
        v: A 6-element float vector.

    Returns:
        The Euclidean (L2) norm of v.
    """
    #Obviously this won't work on massive values, but it's faster than np.norm
    #For most values which could appear
    #Also only for Float Values
    return np.sqrt(v[0]**2 + v[1]**2 + v[2]**2 + v[3]**2 + v[4]**2 + v[5]**2)

'''
*** CHAPTER 3: RIGID-BODY MOTIONS ***
'''
@jit(nopython=True, cache=True)
def RotInv(R):   # pragma: no cover
    """Inverts a rotation matrix.

    Args:
        R: A rotation matrix.

    Returns:
        The inverse of R.

    Example::

        R = np.array([[0, 0, 1],
                      [1, 0, 0],
                      [0, 1, 0]])

        # Output:
        # np.array([[0, 1, 0],
        #           [0, 0, 1],
        #           [1, 0, 0]])
    """
    return R.T

@jit(nopython=True, cache=True)
def VecToso3(omg):   # pragma: no cover
    """Converts a 3-vector to an so(3) representation.

    Args:
        omg: A 3-vector.

    Returns:
        The skew symmetric representation of omg.

    Example::

        omg = np.array([1, 2, 3])

        # Output:
        # np.array([[ 0, -3,  2],
        #           [ 3,  0, -1],
        #           [-2,  1,  0]])
    """
    return np.array([[0,      -omg[2],  omg[1]],
                     [omg[2],       0, -omg[0]],
                     [-omg[1], omg[0],       0]])


@jit(nopython=True, cache=True)
def so3ToVec(so3mat):   # pragma: no cover
    """Converts an so(3) representation to a 3-vector.

    Args:
        so3mat: A 3x3 skew-symmetric matrix.

    Returns:
        The 3-vector corresponding to so3mat.

    Example::

        so3mat = np.array([[ 0, -3,  2],
                           [ 3,  0, -1],
                           [-2,  1,  0]])

        # Output:
        # np.array([1, 2, 3])
    """
    return np.array([so3mat[2][1], so3mat[0][2], so3mat[1][0]])

@jit(nopython=True, cache=True)
def AxisAng3(expc3):   # pragma: no cover
    """Converts a 3-vector of exponential coordinates for rotation into
    axis-angle form.

    Args:
        expc3: A 3-vector of exponential coordinates for rotation.

    Returns:
        omghat: A unit rotation axis.
        theta: The corresponding rotation angle.

    Example::

        expc3 = np.array([1, 2, 3])

        # Output:
        # (np.array([0.26726124, 0.53452248, 0.80178373]), 3.7416573867739413)
    """
    return (Normalize(expc3), Norm(expc3))
@jit(nopython=True, cache=True)
def MatrixExp3(so3mat):   # pragma: no cover
    """Computes the matrix exponential of a matrix in so(3).

    Args:
        so3mat: A 3x3 skew-symmetric matrix.

    Returns:
        The matrix exponential of so3mat.

    Example::

        so3mat = np.array([[ 0, -3,  2],
                           [ 3,  0, -1],
                           [-2,  1,  0]])

        # Output:
        # np.array([[-0.69492056,  0.71352099,  0.08929286],
        #           [-0.19200697, -0.30378504,  0.93319235],
        #           [ 0.69297817,  0.6313497 ,  0.34810748]])
    """
    omgtheta = so3ToVec(so3mat)
    if NearZero(Norm(omgtheta)):
        return np.eye(3)
    else:
        theta = AxisAng3(omgtheta)[1]
        omgmat = so3mat / theta
        return np.eye(3) + np.sin(theta) * omgmat + (1 - np.cos(theta)) * np.dot(omgmat, omgmat)

@jit(nopython=True, cache=True)
def SafeTrace(R):   # pragma: no cover
    """Computes the trace of a square matrix.

    Args:
        R: A square matrix.

    Returns:
        The sum of the diagonal elements of R, or -1 if R is not square.
    """
    sz = R.shape
    if sz[0] == sz[1]:
        sum = 0
        for i in range(sz[0]):
            sum = sum + R[i, i]
        return sum
    return -1

@jit(nopython=True, cache=True)
def SafeClip(x, mn, mx):   # pragma: no cover
    """Clips a scalar value to the range [mn, mx].

    Args:
        x: The value to clip.
        mn: The minimum allowed value.
        mx: The maximum allowed value.

    Returns:
        x clamped to the range [mn, mx].
    """
    return min(mx, max(x, mn))

@jit(nopython=True, cache=True)
def MatrixLog3(R):   # pragma: no cover
    """Computes the matrix logarithm of a rotation matrix.

    Args:
        R: A 3x3 rotation matrix.

    Returns:
        The matrix logarithm of R.

    Example::

        R = np.array([[0, 0, 1],
                      [1, 0, 0],
                      [0, 1, 0]])

        # Output:
        # np.array([[          0, -1.20919958,  1.20919958],
        #           [ 1.20919958,           0, -1.20919958],
        #           [-1.20919958,  1.20919958,           0]])
    """
    trace = SafeTrace(R)
    acosinput = (trace - 1) / 2.0
    if acosinput >= 1:
        return np.zeros((3, 3))
    elif acosinput <= -1:
        if not NearZero(1 + R[2][2]):
            omg = ((1.0 / np.sqrt(2 * (1 + R[2][2])))
                  * np.array([R[0][2], R[1][2], 1 + R[2][2]]))
        elif not NearZero(1 + R[1][1]):
            omg = ((1.0 / np.sqrt(2 * (1 + R[1][1])))
                  * np.array([R[0][1], 1 + R[1][1], R[2][1]]))
        else:
            omg = ((1.0 / np.sqrt(2 * (1 + R[0][0])))
                  * np.array([1 + R[0][0], R[1][0], R[2][0]]))
        return VecToso3(np.pi * omg)
    else:
        theta = np.arccos(SafeClip(acosinput, -1.0, 1.0))
        return theta / 2.0 / np.sin(theta) * (R - (R).T)

@jit(nopython=True, cache=True)
def RpToTrans(R, p):   # pragma: no cover
    """Converts a rotation matrix and a position vector into a homogeneous
    transformation matrix.

    Args:
        R: A 3x3 rotation matrix.
        p: A 3-vector.

    Returns:
        A homogeneous transformation matrix corresponding to the inputs.

    Example::

        R = np.array([[1, 0,  0],
                      [0, 0, -1],
                      [0, 1,  0]])
        p = np.array([1, 2, 5])

        # Output:
        # np.array([[1, 0,  0, 1],
        #           [0, 0, -1, 2],
        #           [0, 1,  0, 5],
        #           [0, 0,  0, 1]])
    """
    omat = np.eye(4, dtype=np.float64)
    omat[0:3,0:3] = R
    omat[0:3,3] =p
    return omat
    #return np.r_[np.c_[R, p], [[0, 0, 0, 1]]]


@jit('Tuple((float64[:,::1], float64[::1]))(float64[:,::1])',nopython=True, cache=True)
def TransToRp(T):   # pragma: no cover
    """Converts a homogeneous transformation matrix into a rotation matrix
    and position vector.

    Args:
        T: A homogeneous transformation matrix.

    Returns:
        R: The corresponding rotation matrix.
        p: The corresponding position vector.

    Example::

        T = np.array([[1, 0,  0, 0],
                      [0, 0, -1, 0],
                      [0, 1,  0, 3],
                      [0, 0,  0, 1]])

        # Output:
        # (np.array([[1, 0,  0],
        #            [0, 0, -1],
        #            [0, 1,  0]]),
        #  np.array([0, 0, 3]))
    """
    return T[0: 3, 0: 3].copy(), T[0: 3, 3].copy()


@jit(nopython=True, cache=True)
def TransInv(T):   # pragma: no cover
    """Inverts a homogeneous transformation matrix.

    Uses the structure of transformation matrices to avoid taking a matrix
    inverse, for efficiency.

    Args:
        T: A homogeneous transformation matrix.

    Returns:
        The inverse of T.

    Example::

        T = np.array([[1, 0,  0, 0],
                      [0, 0, -1, 0],
                      [0, 1,  0, 3],
                      [0, 0,  0, 1]])

        # Output:
        # np.array([[1,  0, 0,  0],
        #           [0,  0, 1, -3],
        #           [0, -1, 0,  0],
        #           [0,  0, 0,  1]])
    """
    R, p = TransToRp(T)
    #Rp = np.array(R, dtype=np.float64)
    Rt = np.transpose(R)
    rarr = np.eye((4), dtype=np.float64)
    rarr[0:3, 0:3] = Rt
    tdot = np.dot(Rt, p)
    rarr[0:3, 3] = -1 * tdot
    return rarr


@jit(nopython=True, cache=True)
def VecTose3(V):   # pragma: no cover
    """Converts a spatial velocity vector into a 4x4 matrix in se3.

    Args:
        V: A 6-vector representing a spatial velocity.

    Returns:
        The 4x4 se3 representation of V.

    Example::

        V = np.array([1, 2, 3, 4, 5, 6])

        # Output:
        # np.array([[ 0, -3,  2, 4],
        #           [ 3,  0, -1, 5],
        #           [-2,  1,  0, 6],
        #           [ 0,  0,  0, 0]])
    """
    arr1 = V[0:3]
    se3m = VecToso3(arr1)
    arr2 = V[3:6]
    rarr = np.eye((4))
    rarr[0:3, 0:3] = se3m
    rarr[0:3, 3] = arr2
    rarr[3, 0:4] = np.zeros((1, 4))
    return rarr

@jit(nopython=True, cache=True)
def se3ToVec(se3mat):   # pragma: no cover
    """Converts an se3 matrix into a spatial velocity vector.

    Args:
        se3mat: A 4x4 matrix in se3.

    Returns:
        The spatial velocity 6-vector corresponding to se3mat.

    Example::

        se3mat = np.array([[ 0, -3,  2, 4],
                           [ 3,  0, -1, 5],
                           [-2,  1,  0, 6],
                           [ 0,  0,  0, 0]])

        # Output:
        # np.array([1, 2, 3, 4, 5, 6])
    """
    return np.array([se3mat[2][1], se3mat[0][2], se3mat[1][0], se3mat[0][3], se3mat[1][3], se3mat[2][3]])


@jit('float64[:,::1](float64[:,::1])', nopython=True, cache=True)
def Adjoint(T):   # pragma: no cover
    """Computes the adjoint representation of a homogeneous transformation
    matrix.

    Args:
        T: A homogeneous transformation matrix.

    Returns:
        The 6x6 adjoint representation [AdT] of T.

    Example::

        T = np.array([[1, 0,  0, 0],
                      [0, 0, -1, 0],
                      [0, 1,  0, 3],
                      [0, 0,  0, 1]])

        # Output:
        # np.array([[1, 0,  0, 0, 0,  0],
        #           [0, 0, -1, 0, 0,  0],
        #           [0, 1,  0, 0, 0,  0],
        #           [0, 0,  3, 1, 0,  0],
        #           [3, 0,  0, 0, 0, -1],
        #           [0, 0,  0, 0, 1,  0]])
    """
    R, p = TransToRp(T)
    rarr = np.eye((6), dtype=np.float64)
    vs3 = VecToso3(p)
    rarr[0:3, 0:3] = R
    rarr[3:6, 3:6] = R
    rarr[3:6, 0:3] = vs3 @ R
    return rarr

@jit(nopython=True, cache=True)
def ScrewToAxis(q, s, h):   # pragma: no cover
    """Takes a parametric description of a screw axis and converts it to a
    normalized screw axis.

    Args:
        q: A point lying on the screw axis.
        s: A unit vector in the direction of the screw axis.
        h: The pitch of the screw axis.

    Returns:
        A normalized screw axis described by the inputs.

    Example::

        q = np.array([3, 0, 0])
        s = np.array([0, 0, 1])
        h = 2

        # Output:
        # np.array([0, 0, 1, 0, -3, 2])
    """
    ret = np.zeros((6))
    ret[0:3] = s
    a0 = np.cross(q, s).reshape((3))
    b0 = h * s
    ret[3:6] = a0 + b0
    return ret
    #return np.r_[s, np.cross(q, s) + np.dot(h, s)]


@jit(nopython=True, cache=True)
def AxisAng6(expc6):   # pragma: no cover
    """Converts a 6-vector of exponential coordinates into screw axis-angle
    form.

    Args:
        expc6: A 6-vector of exponential coordinates for rigid-body motion
            S*theta.

    Returns:
        S: The corresponding normalized screw axis.
        theta: The distance traveled along/about S.

    Example::

        expc6 = np.array([1, 0, 0, 1, 2, 3])

        # Output:
        # (np.array([1.0, 0.0, 0.0, 1.0, 2.0, 3.0]), 1.0)
    """
    theta = Norm([expc6[0], expc6[1], expc6[2]])
    if NearZero(theta):
        theta = Norm([expc6[3], expc6[4], expc6[5]])
    screw_axis = expc6/theta
    return screw_axis, theta


@jit(nopython=True, cache=True)
def MatrixExp6(se3mat):   # pragma: no cover
    """Computes the matrix exponential of an se3 representation of
    exponential coordinates.

    Args:
        se3mat: A matrix in se3.

    Returns:
        The matrix exponential of se3mat.

    Example::

        se3mat = np.array([[0,          0,           0,          0],
                           [0,          0, -1.57079632, 2.35619449],
                           [0, 1.57079632,           0, 2.35619449],
                           [0,          0,           0,          0]])

        # Output:
        # np.array([[1.0, 0.0,  0.0, 0.0],
        #           [0.0, 0.0, -1.0, 0.0],
        #           [0.0, 1.0,  0.0, 3.0],
        #           [  0,   0,    0,   1]])
    """
    omgtheta = so3ToVec(se3mat[0: 3, 0: 3])
    if NearZero(Norm(omgtheta)):
        rarr = np.eye((4))
        rarr[0:3, 3] = se3mat[0:3, 3]
        return rarr
    else:
        theta = AxisAng3(omgtheta)[1]
        omgmat = se3mat[0: 3, 0: 3] / theta
        me3 = MatrixExp3(se3mat[0:3, 0:3])
        npd = np.dot(np.eye(3) * theta + (1 - np.cos(theta)) * omgmat + (theta - np.sin(theta))* np.dot(omgmat, omgmat), se3mat[0: 3, 3].copy()) / theta
        rmat = np.eye((4))
        rmat[0:3, 0:3] = me3
        rmat[0:3, 3] = npd
        return rmat

@jit(nopython=True)
def MatMul(A, B):   # pragma: no cover
    """Multiplies two matrices.

    Args:
        A: The left-hand matrix.
        B: The right-hand matrix.

    Returns:
        The matrix product A @ B.
    """
    return A @ B

@jit(nopython=True, cache=True)
def LocalToGlobal(reference, rel):   # pragma: no cover
    """Transforms a local 6-vector pose (position and Rodrigues rotation
    vector) into the global frame.

    Args:
        reference: A 6-vector [position; Rodrigues vector] describing the
            reference frame's pose in the global frame.
        rel: A 6-vector [position; Rodrigues vector] describing a pose
            relative to the reference frame.

    Returns:
        A 6x1 vector [position; Rodrigues vector] describing rel expressed
        in the global frame.
    """
    reference = reference * 1.0
    rel = rel * 1.0
    refPos = reference[0:3]
    refRod = reference[3:6]
    relPos = rel[0:3]
    relRod = rel[3:6]
    rodRefRod = MatrixExp3(VecToso3(refRod.reshape((3))))
    pos = refPos + (rodRefRod @ relPos)
    trod = MatrixExp3(VecToso3(relRod.reshape((3))))
    rod = so3ToVec(MatrixLog3(rodRefRod @ trod))
    ret = np.zeros((6, 1))
    ret[0:3] = pos.reshape((3, 1))
    ret[3:6] = rod.reshape((3, 1))
    return ret

@jit(nopython=True, cache=True)
def GlobalToLocal(reference, rel):   # pragma: no cover
    """Transforms a global 6-vector pose (position and Rodrigues rotation
    vector) into the local frame defined by reference.

    Args:
        reference: A 6-vector [position; Rodrigues vector] describing the
            reference frame's pose in the global frame.
        rel: A 6-vector [position; Rodrigues vector] describing a pose in
            the global frame.

    Returns:
        A 6x1 vector [position; Rodrigues vector] describing rel expressed
        relative to the reference frame.
    """
    reference = reference * 1.0
    rel = rel * 1.0
    refPos = reference[0:3]
    refRod = reference[3:6]
    relPos = rel[0:3]
    relRod = rel[3:6]

    rodRefRod = MatrixExp3(VecToso3(refRod.reshape((3))))
    locPos = rodRefRod.conj().T @ (relPos - refPos)
    tRod = MatrixExp3(VecToso3(relRod.reshape((3))))
    locRod = so3ToVec(MatrixLog3(rodRefRod.conj().T @ tRod))
    ret = np.zeros((6, 1))
    ret[0:3] = locPos.reshape((3, 1))
    ret[3:6] = locRod.reshape((3, 1))
    return ret

@jit(nopython=True, cache=True)
def MatrixLog6(T):   # pragma: no cover
    """Computes the matrix logarithm of a homogeneous transformation matrix.

    Args:
        T: A matrix in SE3.

    Returns:
        The matrix logarithm of T.

    Example::

        T = np.array([[1, 0,  0, 0],
                      [0, 0, -1, 0],
                      [0, 1,  0, 3],
                      [0, 0,  0, 1]])

        # Output:
        # np.array([[0,          0,           0,           0]
        #           [0,          0, -1.57079633,  2.35619449]
        #           [0, 1.57079633,           0,  2.35619449]
        #           [0,          0,           0,           0]])
    """
    R, p = TransToRp(T)
    omgmat = MatrixLog3(R)
    if np.array_equal(omgmat, np.zeros((3, 3))):
        rarr = np.zeros((4, 4))
        rarr[0:3, 3] = np.array([T[0][3], T[1][3], T[2][3]])
        return rarr
    else:
        theta = np.arccos(SafeClip(((SafeTrace(R) - 1) / 2.0), -1.0, 1.0))
        vec = np.array([T[0, 3],T[1, 3],T[2, 3]])
        lterm = (np.eye(3) - omgmat / 2.0 + (1.0 / theta - 1.0 /
            np.tan(theta / 2.0) / 2)* np.dot(omgmat, omgmat) / theta)
        retv = np.dot(lterm, vec)
        rarr = np.zeros((4, 4))
        rarr[0:3, 0:3] = omgmat
        rarr[0:3, 3] = retv
        return rarr

@jit(nopython=True, cache=True)
def SafeDot(A, B):   # pragma: no cover
    """Computes the matrix product of two arrays.

    Args:
        A: The left-hand array.
        B: The right-hand array.

    Returns:
        The matrix product A @ B.
    """
    return A @ B

#@jit(nopython=True, cache=True)
def ProjectToSO3(mat):
    """Returns a projection of mat into SO(3).

    Projects a matrix mat to the closest matrix in SO(3) using
    singular-value decomposition (see
    http://hades.mech.northwestern.edu/index.php/Modern_Robotics_Linear_Algebra_Review).
    This function is only appropriate for matrices close to SO(3).

    Args:
        mat: A matrix near SO(3) to project to SO(3).

    Returns:
        The closest matrix to mat that is in SO(3).

    Example::

        mat = np.array([[ 0.675,  0.150,  0.720],
                        [ 0.370,  0.771, -0.511],
                        [-0.630,  0.619,  0.472]])

        # Output:
        # np.array([[ 0.67901136,  0.14894516,  0.71885945],
        #           [ 0.37320708,  0.77319584, -0.51272279],
        #           [-0.63218672,  0.61642804,  0.46942137]])
    """
    U, s, Vh = np.linalg.svd(mat)
    R = np.dot(U, Vh)
    if np.linalg.det(R) < 0:
    # In this case the result may be far from mat.
        ind2 = s[2, 2]
        R[:, s[2, 2]] = -R[:, s[2, 2]]
    return R


#@jit(nopython=True, cache=True)
def ProjectToSE3(mat):
    """Returns a projection of mat into SE(3).

    Projects a matrix mat to the closest matrix in SE(3) using
    singular-value decomposition (see
    http://hades.mech.northwestern.edu/index.php/Modern_Robotics_Linear_Algebra_Review).
    This function is only appropriate for matrices close to SE(3).

    Args:
        mat: A 4x4 matrix to project to SE(3).

    Returns:
        The closest matrix to mat that is in SE(3).

    Example::

        mat = np.array([[ 0.675,  0.150,  0.720,  1.2],
                        [ 0.370,  0.771, -0.511,  5.4],
                        [-0.630,  0.619,  0.472,  3.6],
                        [ 0.003,  0.002,  0.010,  0.9]])

        # Output:
        # np.array([[ 0.67901136,  0.14894516,  0.71885945,  1.2 ],
        #           [ 0.37320708,  0.77319584, -0.51272279,  5.4 ],
        #           [-0.63218672,  0.61642804,  0.46942137,  3.6 ],
        #           [ 0.        ,  0.        ,  0.        ,  1.  ]])
    """
    mat = np.array(mat)
    return RpToTrans(ProjectToSO3(mat[:3, :3]), mat[:3, 3])


@jit(nopython=True, cache=True)
def DistanceToSO3(mat):   # pragma: no cover
    """Returns the Frobenius norm describing the distance of mat from the
    SO(3) manifold.

    Computes the distance d from mat to the SO(3) manifold as follows: if
    det(mat) <= 0, d is a large number; if det(mat) > 0,
    d = norm(mat^T . mat - I).

    Args:
        mat: A 3x3 matrix.

    Returns:
        A quantity describing the distance of mat from the SO(3) manifold.

    Example::

        mat = np.array([[ 1.0,  0.0,   0.0 ],
                        [ 0.0,  0.1,  -0.95],
                        [ 0.0,  1.0,   0.1 ]])

        # Output:
        # 0.08835
    """
    if np.linalg.det(mat) > 0:
        return np.linalg.norm(np.dot(np.transpose(mat), mat) - np.eye(3))
    else:
        return 1e+9


@jit(nopython=True, cache=True)
def DistanceToSE3(mat):   # pragma: no cover
    """Returns the Frobenius norm describing the distance of mat from the
    SE(3) manifold.

    Computes the distance from mat to the SE(3) manifold as follows: let
    matR be the top-left 3x3 submatrix of mat; if det(matR) <= 0, return a
    large number; otherwise replace the top-left 3x3 submatrix of mat with
    matR^T . matR, set the first three entries of the fourth column of mat
    to zero, and return norm(mat - I).

    Args:
        mat: A 4x4 matrix.

    Returns:
        A quantity describing the distance of mat from the SE(3) manifold.

    Example::

        mat = np.array([[ 1.0,  0.0,   0.0,   1.2 ],
                        [ 0.0,  0.1,  -0.95,  1.5 ],
                        [ 0.0,  1.0,   0.1,  -0.9 ],
                        [ 0.0,  0.0,   0.1,   0.98 ]])

        # Output:
        # 0.134931
    """
    matR = mat[0: 3, 0: 3].copy()
    if np.linalg.det(matR) > 0:
        tmat = np.zeros((4,4), dtype=np.float64)
        tmat[0:3, 0:3] = np.dot(np.transpose(matR), matR)
        tmat[3,:] = mat[3, :]
        return np.linalg.norm(tmat - np.eye(4))
        #lt_1 = np.c_[np.dot(np.transpose(matR), matR), np.zeros((3, 1))]
        #lt_2 = [np.array(mat)[3, :]]
        #t_norm = np.r_[lt_1,lt_2] - np.eye(4)
        #return Norm(t_norm)
    else:
        return 1e+9


@jit(nopython=True, cache=True)
def TestIfSO3(mat):   # pragma: no cover
    """Returns true if mat is close to or on the manifold SO(3).

    Computes the distance d from mat to the SO(3) manifold (see
    DistanceToSO3) and returns whether d is close to zero.

    Args:
        mat: A 3x3 matrix.

    Returns:
        True if mat is very close to or in SO(3), false otherwise.

    Example::

        mat = np.array([[1.0, 0.0,  0.0 ],
                        [0.0, 0.1, -0.95],
                        [0.0, 1.0,  0.1 ]])

        # Output:
        # False
    """
    return abs(DistanceToSO3(mat)) < 1e-3


@jit(nopython=True, cache=True)
def TestIfSE3(mat):   # pragma: no cover
    """Returns true if mat is close to or on the manifold SE(3).

    Computes the distance d from mat to the SE(3) manifold (see
    DistanceToSE3) and returns whether d is close to zero.

    Args:
        mat: A 4x4 matrix.

    Returns:
        True if mat is very close to or in SE(3), false otherwise.

    Example::

        mat = np.array([[1.0, 0.0,   0.0,  1.2],
                        [0.0, 0.1, -0.95,  1.5],
                        [0.0, 1.0,   0.1, -0.9],
                        [0.0, 0.0,   0.1, 0.98]])

        # Output:
        # False
    """
    return abs(DistanceToSE3(mat)) < 1e-3

'''
*** CHAPTER 4: FORWARD KINEMATICS ***
'''


@jit(nopython=True)
def FKinBody(M, Blist, thetalist):   # pragma: no cover
    """Computes forward kinematics in the body frame for an open chain robot.

    Args:
        M: The home configuration (position and orientation) of the
            end-effector.
        Blist: The joint screw axes in the end-effector frame when the
            manipulator is at the home position, in the format of a matrix
            with axes as the columns.
        thetalist: A list of joint coordinates.

    Returns:
        A homogeneous transformation matrix representing the end-effector
        frame when the joints are at the specified coordinates (i.t.o.
        body frame).

    Example::

        M = np.array([[-1, 0,  0, 0],
                      [ 0, 1,  0, 6],
                      [ 0, 0, -1, 2],
                      [ 0, 0,  0, 1]])
        Blist = np.array([[0, 0, -1, 2, 0,   0],
                          [0, 0,  0, 0, 1,   0],
                          [0, 0,  1, 0, 0, 0.1]]).T
        thetalist = np.array([np.pi / 2.0, 3, np.pi])

        # Output:
        # np.array([[0, 1,  0,         -5],
        #           [1, 0,  0,          4],
        #           [0, 0, -1, 1.68584073],
        #           [0, 0,  0,          1]])
    """
    T = M
    for i in range(len(thetalist)):
        T = np.dot(T, MatrixExp6(VecTose3(Blist[:, i] * thetalist[i])))
    return T


@jit(nopython=True)
def FKinSpace(M, Slist, thetalist):   # pragma: no cover
    """Computes forward kinematics in the space frame for an open chain robot.

    Args:
        M: The home configuration (position and orientation) of the
            end-effector.
        Slist: The joint screw axes in the space frame when the
            manipulator is at the home position, in the format of a matrix
            with axes as the columns.
        thetalist: A list of joint coordinates.

    Returns:
        A homogeneous transformation matrix representing the end-effector
        frame when the joints are at the specified coordinates (i.t.o.
        space frame).

    Example::

        M = np.array([[-1, 0,  0, 0],
                      [ 0, 1,  0, 6],
                      [ 0, 0, -1, 2],
                      [ 0, 0,  0, 1]])
        Slist = np.array([[0, 0,  1,  4, 0,    0],
                          [0, 0,  0,  0, 1,    0],
                          [0, 0, -1, -6, 0, -0.1]]).T
        thetalist = np.array([np.pi / 2.0, 3, np.pi])

        # Output:
        # np.array([[0, 1,  0,         -5],
        #           [1, 0,  0,          4],
        #           [0, 0, -1, 1.68584073],
        #           [0, 0,  0,          1]])
    """
    T = SafeCopy(M)
    for i in range(len(thetalist) - 1, -1, -1):
        T = np.dot(MatrixExp6(VecTose3(Slist[:, i] * thetalist[i])), T)
    return T

'''
*** CHAPTER 5: VELOCITY KINEMATICS AND STATICS***
'''

@jit(nopython=True)
def SafeCopy(arr):   # pragma: no cover
    """Makes an element-wise copy of a 2D array.

    Args:
        arr: A 2D array to copy.

    Returns:
        A new array with the same shape and values as arr.
    """
    s = arr.shape
    newarr = np.zeros((s))
    for i in range(s[0]):
        for j in range(s[1]):
            newarr[i, j] = arr[i, j]
    return newarr

@jit(nopython=True, cache=True)
def JacobianBody(Blist, thetalist):   # pragma: no cover
    """Computes the body Jacobian for an open chain robot.

    Args:
        Blist: The joint screw axes in the end-effector frame when the
            manipulator is at the home position, in the format of a matrix
            with axes as the columns.
        thetalist: A list of joint coordinates.

    Returns:
        The body Jacobian corresponding to the inputs (6xn real numbers).

    Example::

        Blist = np.array([[0, 0, 1,   0, 0.2, 0.2],
                          [1, 0, 0,   2,   0,   3],
                          [0, 1, 0,   0,   2,   1],
                          [1, 0, 0, 0.2, 0.3, 0.4]]).T
        thetalist = np.array([0.2, 1.1, 0.1, 1.2])

        # Output:
        # np.array([[-0.04528405, 0.99500417,           0,   1]
        #           [ 0.74359313, 0.09304865,  0.36235775,   0]
        #           [-0.66709716, 0.03617541, -0.93203909,   0]
        #           [ 2.32586047,    1.66809,  0.56410831, 0.2]
        #           [-1.44321167, 2.94561275,  1.43306521, 0.3]
        #           [-2.06639565, 1.82881722, -1.58868628, 0.4]])
    """
    Jb = Blist.copy()
    T = np.eye(4)
    for i in range(len(thetalist) - 2, -1, -1):
        T = np.dot(T,MatrixExp6(VecTose3(Blist[:, i + 1] \
                                         * -thetalist[i + 1])))
        Jb[:, i] = np.dot(Adjoint(T), Blist[:, i])
    return Jb


@jit(nopython=True, cache=True)
def JacobianSpace(Slist, thetalist):   # pragma: no cover
    """Computes the space Jacobian for an open chain robot.

    Args:
        Slist: The joint screw axes in the space frame when the
            manipulator is at the home position, in the format of a matrix
            with axes as the columns.
        thetalist: A list of joint coordinates.

    Returns:
        The space Jacobian corresponding to the inputs (6xn real numbers).

    Example::

        Slist = np.array([[0, 0, 1,   0, 0.2, 0.2],
                          [1, 0, 0,   2,   0,   3],
                          [0, 1, 0,   0,   2,   1],
                          [1, 0, 0, 0.2, 0.3, 0.4]]).T
        thetalist = np.array([0.2, 1.1, 0.1, 1.2])

        # Output:
        # np.array([[  0, 0.98006658, -0.09011564,  0.95749426]
        #           [  0, 0.19866933,   0.4445544,  0.28487557]
        #           [  1,          0,  0.89120736, -0.04528405]
        #           [  0, 1.95218638, -2.21635216, -0.51161537]
        #           [0.2, 0.43654132, -2.43712573,  2.77535713]
        #           [0.2, 2.96026613,  3.23573065,  2.22512443]])
    """
    thetalist = thetalist.flatten()
    Js = SafeCopy(Slist)
    T = np.eye(4)
    for i in range(1, len(thetalist)):
        sSe3 = VecTose3(Slist[0:6, i-1] * thetalist[i - 1])
        T = np.dot(T, MatrixExp6(sSe3))
        dotAdj = np.dot(Adjoint(T), Slist[:, i])
        Js[:, i] = dotAdj
    return Js

'''
*** CHAPTER 6: INVERSE KINEMATICS ***
'''


@jit(nopython=True)
def IKinBody(Blist, M, T, thetalist0, eomg, ev):   # pragma: no cover
    """Computes inverse kinematics in the body frame for an open chain robot.

    Uses an iterative Newton-Raphson root-finding method. The maximum
    number of iterations before the algorithm is terminated has been
    hardcoded in as a variable called maxiterations. It is set to 20 at
    the start of the function, but can be changed if needed.

    Args:
        Blist: The joint screw axes in the end-effector frame when the
            manipulator is at the home position, in the format of a matrix
            with axes as the columns.
        M: The home configuration of the end-effector.
        T: The desired end-effector configuration Tsd.
        thetalist0: An initial guess of joint angles that are close to
            satisfying Tsd.
        eomg: A small positive tolerance on the end-effector orientation
            error. The returned joint angles must give an end-effector
            orientation error less than eomg.
        ev: A small positive tolerance on the end-effector linear position
            error. The returned joint angles must give an end-effector
            position error less than ev.

    Returns:
        thetalist: Joint angles that achieve T within the specified
            tolerances.
        success: A logical value where TRUE means that the function found
            a solution and FALSE means that it ran through the set number
            of maximum iterations without finding a solution within the
            tolerances eomg and ev.

    Example::

        Blist = np.array([[0, 0, -1, 2, 0,   0],
                          [0, 0,  0, 0, 1,   0],
                          [0, 0,  1, 0, 0, 0.1]]).T
        M = np.array([[-1, 0,  0, 0],
                      [ 0, 1,  0, 6],
                      [ 0, 0, -1, 2],
                      [ 0, 0,  0, 1]])
        T = np.array([[0, 1,  0,     -5],
                      [1, 0,  0,      4],
                      [0, 0, -1, 1.6858],
                      [0, 0,  0,      1]])
        thetalist0 = np.array([1.5, 2.5, 3])
        eomg = 0.01
        ev = 0.001

        # Output:
        # (np.array([1.57073819, 2.999667, 3.14153913]), True)
    """
    thetalist = thetalist0.copy()
    i = 0
    maxiterations = 20
    Vb = se3ToVec(MatrixLog6(np.dot(TransInv(FKinBody(M, Blist, \
                                                      thetalist)), T)))
    err = Norm([Vb[0], Vb[1], Vb[2]]) > eomg \
          or Norm([Vb[3], Vb[4], Vb[5]]) > ev
    while err and i < maxiterations:
        thetalist = thetalist \
                    + np.dot(np.linalg.pinv(JacobianBody(Blist, \
                                                         thetalist)), Vb)
        i = i + 1
        Vb \
        = se3ToVec(MatrixLog6(np.dot(TransInv(FKinBody(M, Blist, \
                                                       thetalist)), T)))
        err = Norm([Vb[0], Vb[1], Vb[2]]) > eomg \
              or Norm([Vb[3], Vb[4], Vb[5]]) > ev
    return (thetalist, not err)


@jit(nopython=True)
def IKinSpace(Slist, M, T, thetalist0, eomg, ev, max_iters=20):   # pragma: no cover
    """Computes inverse kinematics in the space frame for an open chain robot.

    Uses an iterative Newton-Raphson root-finding method. The maximum
    number of iterations before the algorithm is terminated has been
    hardcoded in as a variable called maxiterations. It is set to 20 at
    the start of the function, but can be changed if needed.

    Args:
        Slist: The joint screw axes in the space frame when the
            manipulator is at the home position, in the format of a matrix
            with axes as the columns.
        M: The home configuration of the end-effector.
        T: The desired end-effector configuration Tsd.
        thetalist0: An initial guess of joint angles that are close to
            satisfying Tsd.
        eomg: A small positive tolerance on the end-effector orientation
            error. The returned joint angles must give an end-effector
            orientation error less than eomg.
        ev: A small positive tolerance on the end-effector linear position
            error. The returned joint angles must give an end-effector
            position error less than ev.

    Returns:
        thetalist: Joint angles that achieve T within the specified
            tolerances.
        success: A logical value where TRUE means that the function found
            a solution and FALSE means that it ran through the set number
            of maximum iterations without finding a solution within the
            tolerances eomg and ev.

    Example::

        Slist = np.array([[0, 0,  1,  4, 0,    0],
                          [0, 0,  0,  0, 1,    0],
                          [0, 0, -1, -6, 0, -0.1]]).T
        M = np.array([[-1, 0,  0, 0],
                      [ 0, 1,  0, 6],
                      [ 0, 0, -1, 2],
                      [ 0, 0,  0, 1]])
        T = np.array([[0, 1,  0,     -5],
                      [1, 0,  0,      4],
                      [0, 0, -1, 1.6858],
                      [0, 0,  0,      1]])
        thetalist0 = np.array([1.5, 2.5, 3])
        eomg = 0.01
        ev = 0.001

        # Output:
        # (np.array([ 1.57073783,  2.99966384,  3.1415342 ]), True)
    """
    thetalist = thetalist0.copy()
    i = 0
    Tsb = FKinSpace(M,Slist, thetalist)
    adjTsb = Adjoint(Tsb)
    invTsb = TransInv(Tsb)
    dotTsTb = np.dot(invTsb, T)
    ml6dot = MatrixLog6(dotTsTb)
    se3ml6 = se3ToVec(ml6dot)
    Vs = np.dot(adjTsb, se3ml6)


    err = Norm([Vs[0], Vs[1], Vs[2]]) > eomg or Norm([Vs[3], Vs[4], Vs[5]]) > ev
    while err and i < max_iters:
        jspace = JacobianSpace(Slist, thetalist)
        invj = np.linalg.pinv(jspace)
        newtheta =np.dot(invj, Vs)
        thetalist = thetalist + newtheta
        i = i + 1
        Tsb = FKinSpace(M, Slist, thetalist)
        Vs = np.dot(Adjoint(Tsb), se3ToVec(MatrixLog6(np.dot(TransInv(Tsb), T))))
        err = Norm([Vs[0], Vs[1], Vs[2]]) > eomg or Norm([Vs[3], Vs[4], Vs[5]]) > ev
    return (thetalist, not err)


# ---- harness (not part of the program) ----
ENTRY = "modern_robotics_examples"


def modern_robotics_examples(M, Blist, Slist, thetalist, T_goal, thetalist0,
                             S4, theta4, so3mat, R_rot, T_h, mat3, mat4, poses):
    out = {}
    out["FKinBody"] = FKinBody(M, Blist, thetalist)
    out["FKinSpace"] = FKinSpace(M, Slist, thetalist)
    out["JacobianBody"] = JacobianBody(S4, theta4)
    out["JacobianSpace"] = JacobianSpace(S4, theta4)
    out["IKinBody"] = IKinBody(Blist, M, T_goal, thetalist0, 0.01, 0.001)
    out["IKinSpace"] = IKinSpace(Slist, M, T_goal, thetalist0, 0.01, 0.001)
    out["IKinSpace_3"] = IKinSpace(Slist, M, T_goal, thetalist0, 1e-9, 1e-9, 3)
    out["MatrixExp3"] = MatrixExp3(so3mat)
    out["MatrixLog3"] = MatrixLog3(R_rot)
    out["MatrixLog3_pi"] = MatrixLog3(np.diag(np.array([1.0, -1.0, -1.0])))
    out["MatrixLog6"] = MatrixLog6(T_h)
    out["MatrixExp6"] = MatrixExp6(MatrixLog6(T_h))
    out["TransInv"] = TransInv(T_h)
    out["Adjoint"] = Adjoint(T_h)
    out["RpToTrans"] = RpToTrans(R_rot, np.array([1.0, 2.0, 5.0]))
    out["VecTose3"] = VecTose3(np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0]))
    out["DistanceToSO3"] = DistanceToSO3(mat3)
    out["DistanceToSE3"] = DistanceToSE3(mat4)
    out["TestIfSO3"] = (TestIfSO3(mat3), TestIfSO3(R_rot))
    out["TestIfSE3"] = (TestIfSE3(mat4), TestIfSE3(T_h))
    out["AxisAng6"] = AxisAng6(np.array([1.0, 0.0, 0.0, 1.0, 2.0, 3.0]))
    out["ScrewToAxis"] = ScrewToAxis(np.array([3.0, 0.0, 0.0]), np.array([0.0, 0.0, 1.0]), 2.0)
    out["AngleMod"] = AngleMod(np.array([0.5, 7.0, -9.0, 20.0]))
    out["Norm6"] = Norm6(np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0]))
    out["RotInv"] = RotInv(R_rot)
    out["MatMul"] = MatMul(R_rot, so3mat)
    out["SafeDot"] = SafeDot(T_h, T_h)
    out["poses"] = [(LocalToGlobal(poses[k], poses[k + 1]), GlobalToLocal(poses[k], poses[k + 1]))
                    for k in range(len(poses) - 1)]
    return out


def inputs():
    rng = np.random.default_rng(0)
    M = np.array([[-1.0, 0, 0, 0], [0, 1, 0, 6], [0, 0, -1, 2], [0, 0, 0, 1]])
    Blist = np.array([[0, 0, -1, 2, 0, 0], [0, 0, 0, 0, 1, 0], [0, 0, 1, 0, 0, 0.1]]).T
    Slist = np.array([[0, 0, 1, 4, 0, 0], [0, 0, 0, 0, 1, 0], [0, 0, -1, -6, 0, -0.1]]).T
    thetalist = np.array([np.pi / 2.0, 3, np.pi])
    T_goal = np.array([[0, 1.0, 0, -5], [1, 0, 0, 4], [0, 0, -1, 1.6858], [0, 0, 0, 1]])
    thetalist0 = np.array([1.5, 2.5, 3])
    S4 = np.array([[0, 0, 1, 0, 0.2, 0.2], [1, 0, 0, 2, 0, 3], [0, 1, 0, 0, 2, 1],
                   [1, 0, 0, 0.2, 0.3, 0.4]]).T
    theta4 = np.array([0.2, 1.1, 0.1, 1.2])
    so3mat = np.array([[0, -3.0, 2], [3, 0, -1], [-2, 1, 0]])
    R_rot = np.array([[0, 0, 1.0], [1, 0, 0], [0, 1, 0]])
    T_h = np.array([[1.0, 0, 0, 0], [0, 0, -1, 0], [0, 1, 0, 3], [0, 0, 0, 1]])
    mat3 = np.array([[1.0, 0.0, 0.0], [0.0, 0.1, -0.95], [0.0, 1.0, 0.1]])
    mat4 = np.array([[1.0, 0.0, 0.0, 1.2], [0.0, 0.1, -0.95, 1.5], [0.0, 1.0, 0.1, -0.9],
                     [0.0, 0.0, 0.1, 0.98]])
    poses = [rng.uniform(-1.0, 1.0, size=6) for _ in range(4)]
    return (M, Blist, Slist, thetalist, T_goal, thetalist0, S4, theta4, so3mat, R_rot, T_h,
            mat3, mat4, poses)
