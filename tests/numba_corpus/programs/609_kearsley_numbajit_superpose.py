# Source: bigbigdumdum/kearsley_numbajit kearsley/kearsley.py (at commit edf1dcc4)
# Licence: MIT (kearsley_numbajit, LICENSE; Copyright (c) 2024 Mukundan S); the file says it is modified from martxelo/kearsley-algorithm, also MIT
# Notes: a numba port of Kearsley's quaternion method for optimal 3-D superposition (minimum-RMSD rotation and translation of one point set onto another). kearsley/kearsley.py is pasted whole: the module-level centroid_u_ / rot work arrays (shadowed by parameters and locals inside the jitted code) and every function, all @njit(cache=True, fastmath=True): fit (centroids via mean_numba, which builds a Python list of column means and converts it with np.array, tuple-unpacked broadcasting subtraction, the 4x4 Kearsley matrix, np.linalg.eigh and the first eigenvector as the quaternion), _kearsley_matrix (column views of d = x - y and s = x + y, and a hand-written dot loop whose accumulator starts as the integer 0), fit_transform / fit_and_save / transform / fill_rot_and_trans (the quaternion turned into a rotation matrix with chained rot[i][j] indexing, transposed in place by inv through tuple swaps, applied row by row by apply_rot_2d / apply_rot_1d into output views), eucl_dist, get_so (percentage of points within a distance), quaternion_rotation_matrix and centroid. centroid is pasted but not called: it appends to an np.empty array, which does not compile under Numba (or run in Python). The harness builds a 40-point cloud, a copy rotated by a known rotation, translated and jittered, and runs fit, fit_transform with two cut-offs, fit_and_save into caller-provided arrays, transform, the helper kernels on their own (mean_numba, dot on integer and float arrays, eucl_dist, quaternion_rotation_matrix + inv, apply_rot_2d), and returns the rotation / translation, the superposed coordinates, RMSD and the overlap scores (the quaternion's sign is normalised in the harness because an eigenvector is defined only up to sign)
# ---- kearsley/kearsley.py ----
import numpy as np
import numpy.linalg as la
from numba import njit

'''
Modified from https://github.com/martxelo/kearsley-algorithm/blob/main/kearsley/kearsley.py by Mukundan S
Under MIT License, check repository for the LICENSE file
'''

centroid_u_ = np.empty(3,dtype=float)
rot = np.empty((3,3),dtype=float)

@njit(cache=True,fastmath=True)
def transform(v,rot,trans):
    return apply_rot_2d(rot,v - trans)

@njit(cache=True,fastmath=True)
def fit_transform(u: np.ndarray, v: np.ndarray, so_d:float):
    centroid_u_ = np.empty(3,dtype=float)
    rot = np.empty((3,3),dtype=float)
    rmsd,q,centroid_u,centroid_v = fit(u, v) # find rotation 
    rot,trans = fill_rot_and_trans(q,centroid_u,centroid_v,rot,centroid_u_) # compute rotation and translation
    tra_v = transform(v,rot,trans) # apply transformation
    so = get_so(u,tra_v, so_d)   # compute so  
    return tra_v, rmsd , so, rot,trans  # return

@njit(cache=True,fastmath=True)
def fit_and_save(u: np.ndarray, v: np.ndarray, rot,centroid_u_):
    rmsd,q,centroid_u,centroid_v = fit(u, v) # find rotation 
    rot,trans = fill_rot_and_trans(q,centroid_u,centroid_v,rot,centroid_u_) # compute rotation and translation
    return rot,trans

@njit(cache=True,fastmath=True)
def fit( u: np.ndarray, v: np.ndarray):  
    # centroids
    centroid_u = mean_numba(u)
    centroid_v = mean_numba(v)

    # center both sets of points
    x, y = u - centroid_u, v - centroid_v

    # calculate Kearsley matrix
    K = _kearsley_matrix(x, y)

    # diagonalize K
    eig_vals, eig_vecs = la.eigh(K)

    # first eig_vec minimizes the rmsd
    q = eig_vecs[:,0]
    # q = np.roll(q, shift=3)

    # calculate rmsd
    eig_val = abs(eig_vals[0])
    rmsd = (eig_val/u.shape[0])**0.5

    return rmsd,q,centroid_u,centroid_v

@njit(cache=True,fastmath=True)
def _kearsley_matrix(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    '''
    Calculates the Kearsley matrix.
    Parameters
    ----------
    x: ndarray, shape (N, 3)
        Input array with 3D points, centered at zero.
    y: ndarray, shape (N, 3)
        Input array with 3D points, centered at zero.
    
    Returns
    ----------
    K: ndarray, shape (4, 4)
        The Kearsley matrix.
    '''
    # diff and sum quantities
    d, s = x - y, x + y

    # extract columns to simplify notation
    d0, d1, d2 = d[:,0], d[:,1], d[:,2]
    s0, s1, s2 = s[:,0], s[:,1], s[:,2]

    # fill kearsley matrix
    K = np.empty((4, 4),dtype=float)
    K[0,0] = dot(d0, d0) + dot(d1, d1) + dot(d2, d2)
    K[1,0] = dot(s1, d2) - dot(d1, s2)
    K[2,0] = dot(d0, s2) - dot(s0, d2)
    K[3,0] = dot(s0, d1) - dot(d0, s1)
    K[1,1] = dot(s1, s1) + dot(s2, s2) + dot(d0, d0)
    K[2,1] = dot(d0, d1) - dot(s0, s1)
    K[3,1] = dot(d0, d2) - dot(s0, s2)
    K[2,2] = dot(s0, s0) + dot(s2, s2) + dot(d1, d1)
    K[3,2] = dot(d1, d2) - dot(s1, s2)
    K[3,3] = dot(s0, s0) + dot(s1, s1) + dot(d2, d2)

    return K

@njit(cache=True,fastmath=True)
def centroid(a):
    res = np.empty(3,dtype=float)
    for i in range(a.shape[1]):
        res.append(a[:, i].mean())
    return np.array(res)


@njit(cache=True,fastmath=True)
def mean_numba(a):
    res = []
    for i in range(a.shape[1]):
        res.append(a[:, i].mean())
    return np.array(res)

@njit(cache=True,fastmath=True)
def dot(a,b):
    s = 0
    for i in range(a.shape[0]):
        s += a[i] * b [i]
    return s

@njit(cache=True,fastmath=True)
def eucl_dist(p1,p2):
    return ((p2[0]-p1[0])**2+(p2[1]-p1[1])**2+(p2[2]-p1[2])**2)**0.5

@njit(cache=True,fastmath=True)
def get_so(u: np.ndarray,tra_v : np.ndarray, so_d:float):
    n = 0
    t = u.shape[0]
    for i in range(t):
        if eucl_dist(u[i],tra_v[i]) < so_d:
            n+=1
    return (n/t)*100
    
@njit(cache=True,fastmath=True)
def quaternion_rotation_matrix(rot,Q):
    # Extract the values from Q
    # https://danceswithcode.net/engineeringnotes/quaternions/quaternions.html
    # q0,q1,q2,q3 = Q
    
    rot[0][0] = (Q[0]**2)+(Q[1]**2)-(Q[2]**2)-(Q[3]**2)
    rot[0][1] = (2*Q[1]*Q[2])-(2*Q[0]*Q[3])
    rot[0][2] = (2*Q[1]*Q[3])+(2*Q[0]*Q[2])

    rot[1][0] = (2*Q[1]*Q[2])+(2*Q[0]*Q[3])
    rot[1][1] = (Q[0]**2)-(Q[1]**2)+(Q[2]**2)-(Q[3]**2)
    rot[1][2] = (2*Q[2]*Q[3])-(2*Q[0]*Q[1])

    rot[2][0] = (2*Q[1]*Q[3])-(2*Q[0]*Q[2])
    rot[2][1] = (2*Q[2]*Q[3])+(2*Q[0]*Q[1])
    rot[2][2] = (Q[0]**2)-(Q[1]**2)-(Q[2]**2)+(Q[3]**2)

@njit(cache=True,fastmath=True)
def inv(rot):
    rot[0][1],rot[1][0] = rot[1][0] , rot[0][1]
    rot[0][2],rot[2][0] = rot[2][0] , rot[0][2]
    rot[1][2],rot[2][1] = rot[2][1] , rot[1][2]

@njit(cache=True,fastmath=True)
def apply_rot_2d(rot,v):
    tra_v = np.empty(v.shape,dtype=float)
    for i in range(v.shape[0]):
        apply_rot_1d(rot,v[i],tra_v[i])
    return tra_v
    # return np.array([apply_rot_1d(rot,v[i, :]) for i in range(v.shape[0])])

@njit(cache=True,fastmath=True)
def apply_rot_1d(rot,a,a_rot):    
    a_rot[0] = rot[0][0]*a[0] + rot[0][1]*a[1]+ rot[0][2]*a[2]
    a_rot[1] = rot[1][0]*a[0] + rot[1][1]*a[1]+ rot[1][2]*a[2]
    a_rot[2] = rot[2][0]*a[0] + rot[2][1]*a[1]+ rot[2][2]*a[2]


@njit(cache=True,fastmath=True)
def fill_rot_and_trans(q,centroid_u,centroid_v,rot,centroid_u_):
    quaternion_rotation_matrix(rot,q)
    rot_inv = np.copy(rot)
    inv(rot_inv)

    apply_rot_1d(rot,centroid_u,centroid_u_)

    trans = centroid_v - centroid_u_
    return rot_inv,trans


# ---- harness (not part of the program) ----
ENTRY = "kearsley_suite"


def kearsley_suite(u, v, iu, iv):
    rmsd, q, cu, cv = fit(u, v)
    q = q * (1.0 if q[0] >= 0 else -1.0)
    tra_v, rmsd2, so_tight, rot1, trans1 = fit_transform(u, v, 0.05)
    _, _, so_loose, _, _ = fit_transform(u, v, 0.5)
    rot_buf = np.empty((3, 3))
    cen_buf = np.empty(3)
    rot2, trans2 = fit_and_save(u, v, rot_buf, cen_buf)
    back = transform(v, rot2, trans2)
    means = mean_numba(u)
    dots = (dot(iu, iv), dot(u[:, 0], v[:, 1]))
    dists = np.array([eucl_dist(u[i], v[i]) for i in range(5)])
    rq = np.empty((3, 3))
    quaternion_rotation_matrix(rq, q)
    rq_t = rq.copy()
    inv(rq_t)
    rotated = apply_rot_2d(rq, u[:6])
    so_self = get_so(u, u + 0.01, 0.1)
    return (rmsd, q, cu, cv, tra_v, rmsd2, so_tight, so_loose, rot1, trans1,
            rot2, trans2, rot_buf, cen_buf, back, means, dots, dists, rq,
            rq_t, rotated, so_self)


def inputs():
    rng = np.random.default_rng(0)
    u = rng.normal(0.0, 3.0, size=(40, 3))
    a, b, c = 0.7, -0.4, 1.9
    rx = np.array([[1, 0, 0], [0, np.cos(a), -np.sin(a)], [0, np.sin(a), np.cos(a)]])
    ry = np.array([[np.cos(b), 0, np.sin(b)], [0, 1, 0], [-np.sin(b), 0, np.cos(b)]])
    rz = np.array([[np.cos(c), -np.sin(c), 0], [np.sin(c), np.cos(c), 0], [0, 0, 1]])
    R = rz @ ry @ rx
    v = u @ R.T + np.array([4.0, -2.5, 1.0]) + rng.normal(0.0, 0.1, size=(40, 3))
    iu = rng.integers(-5, 6, size=12)
    iv = rng.integers(-5, 6, size=12)
    return (u, v, iu, iv)
