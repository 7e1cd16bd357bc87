# Source: GeekAlexis/FastMOT fastmot/utils/rect.py (at commit 3bbb2914), fastmot/utils/distance.py (at commit 30fff1b4), fastmot/utils/matching.py (at commit c255e907) and fastmot/kalman_filter.py (at commit 11996389)
# Licence: MIT (FastMOT, LICENSE; Copyright (c) 2020 Yukai Yang)
# Notes: the numeric core of FastMOT's multi-object tracker (computer vision): bounding-box geometry in rect.py (sizes, centres, corners, tlbr/tlwh conversions, intersection returning None or an array and used through an Optional by iom, crops of an image by slicing and a list comprehension of 2-D views, homogeneous point transforms with np.atleast_2d/np.concatenate/@, box warping with builtin min/max over array columns, greedy NMS with argsort()[::-1], a growing reflected list and fancy indexing), pairwise distances in distance.py (euclidean/cosine with prange, a symmetric flag and a module constant INF_DIST, cdist/pdist/bbox_dist dispatching on string-literal default arguments metric='euclidean'/'iou', IoU and DIoU box distances with tuple unpacking of get_center's array), association in matching.py (gate_cost writing into the cost matrix with an optional thresh=None tested by `thresh is not None and ...`, greedy_match repeatedly taking np.argmin of a shrinking cost matrix with boolean row/column masks and cost[row_mask, :][:, col_mask], and _get_assignment_matches with set(range(n)) - set(array), list() of a set, list comprehensions and a list of tuples, returning a tuple of three lists), and the 8-state constant-velocity Kalman filter of kalman_filter.py, whose jitted kernels are @staticmethod @nb.njit members of the class: warp (propagating the state through a homography with np.eye(8, 2, k) selection matrices, np.outer, np.dot and chained @), _predict (builtin max over an array slice), _project (tuple unpacking of a 2-element array, np.diag(np.square(...))), _update (np.linalg.solve with transposes) and _maha_distance (np.linalg.cholesky then solve). Pasted: rect.py, distance.py and kalman_filter.py as published (kalman_filter.py's `from .utils.rect import get_size` and distance.py's `from .rect import area, get_center` left out since those functions are defined above), matching.py without its plain-Python linear_assignment and the scipy import it needs (the harness finds the optimal assignment by enumeration instead and calls _get_assignment_matches as linear_assignment does). KalmanFilter.__init__ and initiate use np.float, which NumPy 1.24 removed, so the harness does not construct the class: it builds acc_cov, transition_mat and meas_mat and the initial state as __init__ and initiate do (FastMOT's default mot.json parameters) and calls the jitted static methods through the class as predict/project/update/motion_distance do; it runs one tracking step for 6 tracks and 8 detections (one a near-duplicate, one track with no label-compatible detection) in a 240 x 320 frame: camera-motion warp, predict, Mahalanobis gating, IoU/DIoU and cosine-embedding costs, label gating, greedy and optimal matching, Kalman updates, plus NMS and the rect helpers on the detections
from enum import Enum

import numpy as np
import numba as nb


# ---- fastmot/utils/rect.py ----

@nb.njit(cache=True)
def as_rect(tlbr):
    tlbr = np.asarray(tlbr, np.float64)
    tlbr = np.rint(tlbr)
    return tlbr


@nb.njit(cache=True)
def get_size(tlbr):
    tl, br = tlbr[:2], tlbr[2:]
    size = br - tl + 1
    return size


@nb.njit(cache=True)
def area(tlbr):
    size = get_size(tlbr)
    return int(size[0] * size[1])


@nb.njit(cache=True)
def mask_area(mask):
    return np.count_nonzero(mask)


@nb.njit(cache=True)
def get_center(tlbr):
    xmin, ymin, xmax, ymax = tlbr
    return np.array([(xmin + xmax) / 2, (ymin + ymax) / 2])


@nb.njit(cache=True)
def get_corners(tlbr):
    xmin, ymin, xmax, ymax = tlbr
    return np.array([[xmin, ymin], [xmax, ymin], [xmax, ymax], [xmin, ymax]])


@nb.njit(cache=True)
def to_tlwh(tlbr):
    return np.append(tlbr[:2], get_size(tlbr))


@nb.njit(cache=True)
def to_tlbr(tlwh):
    tlwh = np.asarray(tlwh, np.float64)
    tlwh = np.rint(tlwh)
    tl, size = tlwh[:2], tlwh[2:]
    br = tl + size - 1
    return np.append(tl, br)


@nb.njit(cache=True)
def contains(tlbr1, tlbr2):
    tl1, br1 = tlbr1[:2], tlbr1[2:]
    tl2, br2 = tlbr2[:2], tlbr2[2:]
    return np.all((tl2 >= tl1) & (br2 <= br1))


@nb.njit(cache=True)
def intersection(tlbr1, tlbr2):
    tl1, br1 = tlbr1[:2], tlbr1[2:]
    tl2, br2 = tlbr2[:2], tlbr2[2:]
    tl = np.maximum(tl1, tl2)
    br = np.minimum(br1, br2)
    tlbr = np.append(tl, br)
    if np.any(get_size(tlbr) <= 0):
        return None
    return tlbr


@nb.njit(cache=True)
def union(tlbr1, tlbr2):
    tl1, br1 = tlbr1[:2], tlbr1[2:]
    tl2, br2 = tlbr2[:2], tlbr2[2:]
    tl = np.minimum(tl1, tl2)
    br = np.maximum(br1, br2)
    tlbr = np.append(tl, br)
    return tlbr


@nb.njit(cache=True)
def crop(img, tlbr):
    xmin, ymin, xmax, ymax = tlbr.astype(np.int_)
    return img[ymin:ymax + 1, xmin:xmax + 1]


@nb.njit(cache=True)
def multi_crop(img, tlbrs):
    _tlbrs = tlbrs.astype(np.int_)
    return [img[_tlbrs[i][1]:_tlbrs[i][3] + 1, _tlbrs[i][0]:_tlbrs[i][2] + 1]
        for i in range(len(_tlbrs))]
    

@nb.njit(fastmath=True, cache=True)
def iom(tlbr1, tlbr2):
    """
    Computes intersection over minimum.
    """
    tlbr = intersection(tlbr1, tlbr2)
    if tlbr is None:
        return 0.
    area_intersection = area(tlbr)
    area_minimum = min(area(tlbr1), area(tlbr2))
    return area_intersection / area_minimum


@nb.njit(fastmath=True, cache=True)
def warp(tlbr, m):
    """
    Warps bounding box with a 3x3 transformation matrix.
    """
    corners = get_corners(tlbr)
    warped_corners = perspective_transform(corners, m)
    xmin = min(warped_corners[:, 0])
    ymin = min(warped_corners[:, 1])
    xmax = max(warped_corners[:, 0])
    ymax = max(warped_corners[:, 1])
    return as_rect((xmin, ymin, xmax, ymax))


@nb.njit(fastmath=True, cache=True)
def transform(pts, m):
    """
    Numba implementation of OpenCV's transform.
    """
    pts = np.asarray(pts)
    pts = np.atleast_2d(pts)
    augment = np.ones((len(pts), 1))
    pts = np.concatenate((pts, augment), axis=1)
    return pts @ m.T


@nb.njit(fastmath=True, cache=True)
def perspective_transform(pts, m):
    """
    Numba implementation of OpenCV's perspectiveTransform.
    """
    pts = np.asarray(pts)
    pts = np.atleast_2d(pts)
    augment = np.ones((len(pts), 1))
    pts = np.concatenate((pts, augment), axis=1).T
    pts = m @ pts
    pts = pts / pts[-1]
    return pts[:2].T


@nb.njit(fastmath=True, cache=True)
def nms(tlwhs, scores, nms_thresh):
    """
    Applies the Non-Maximum Suppression algorithm on the bounding boxes [x, y, w, h]
    with their confidence scores and return an array with the indexes of the bounding
    boxes we want to keep
    """
    areas = tlwhs[:, 2] * tlwhs[:, 3]
    ordered = scores.argsort()[::-1]

    tl = tlwhs[:, :2]
    br = tlwhs[:, :2] + tlwhs[:, 2:] - 1

    keep = []
    while ordered.size > 0:
        # index of the current element
        i = ordered[0]
        keep.append(i)
        
        # compute IOU
        candidate_tl = tl[ordered[1:]]
        candidate_br = br[ordered[1:]]

        overlap_xmin = np.maximum(tl[i, 0], candidate_tl[:, 0])
        overlap_ymin = np.maximum(tl[i, 1], candidate_tl[:, 1])
        overlap_xmax = np.minimum(br[i, 0], candidate_br[:, 0])
        overlap_ymax = np.minimum(br[i, 1], candidate_br[:, 1])
        
        width = np.maximum(0, overlap_xmax - overlap_xmin + 1)
        height = np.maximum(0, overlap_ymax - overlap_ymin + 1)
        area_intersection = width * height
        area_union = areas[i] + areas[ordered[1:]] - area_intersection
        iou = area_intersection / area_union

        idx = np.where(iou <= nms_thresh)[0]
        ordered = ordered[idx + 1]
    keep = np.asarray(keep)
    return keep


# ---- fastmot/utils/distance.py ----

INF_DIST = 1e5


@nb.njit(parallel=True, fastmath=True, cache=True)
def euclidean(XA, XB, symmetric=False):
    """Numba implementation of Scipy's euclidean"""
    Y = np.empty((XA.shape[0], XB.shape[0]))
    for i in nb.prange(XA.shape[0]):
        for j in range(XB.shape[0]):
            if not symmetric or i < j:
                norm = 0.
                for k in range(XA.shape[1]):
                    norm += (XA[i, k] - XB[j, k])**2
                Y[i, j] = np.sqrt(norm)
            else:
                Y[i, j] = INF_DIST
    return Y


@nb.njit(parallel=True, fastmath=True, cache=True)
def cosine(XA, XB, symmetric=False):
    """Numba implementation of Scipy's cosine"""
    Y = np.empty((XA.shape[0], XB.shape[0]))
    for i in nb.prange(XA.shape[0]):
        for j in range(XB.shape[0]):
            if not symmetric or i < j:
                dot    = 0.
                a_norm = 0.
                b_norm = 0.
                for k in range(XA.shape[1]):
                    dot    += XA[i, k] * XB[j, k]
                    a_norm += XA[i, k] * XA[i, k]
                    b_norm += XB[j, k] * XB[j, k]
                a_norm = np.sqrt(a_norm)
                b_norm = np.sqrt(b_norm)
                Y[i, j] = 1. - dot / (a_norm * b_norm)
            else:
                Y[i, j] = INF_DIST
    return Y


@nb.njit(cache=True)
def cdist(XA, XB, metric='euclidean'):
    """Numba implementation of Scipy's cdist"""
    assert XA.ndim == XB.ndim == 2
    assert XA.shape[1] == XB.shape[1]

    if metric == 'euclidean':
        return euclidean(XA, XB)
    elif metric == 'cosine':
        return cosine(XA, XB)
    else:
        raise RuntimeError("Unsupported distance metric, use 'euclidean' or 'cosine'")


@nb.njit(cache=True)
def pdist(X, metric='euclidean'):
    """Numba implementation of Scipy's pdist"""
    assert X.ndim == 2

    if metric == 'euclidean':
        return euclidean(X, X, True)
    elif metric == 'cosine':
        return cosine(X, X, True)
    else:
        raise RuntimeError("Unsupported distance metric, use 'euclidean' or 'cosine'")


@nb.njit(parallel=False, fastmath=True, cache=True)
def iou_dist(tlbrs1, tlbrs2):
    """Computes pairwise IoU distance."""
    Y = np.empty((tlbrs1.shape[0], tlbrs2.shape[0]))
    for i in nb.prange(tlbrs1.shape[0]):
        area1 = area(tlbrs1[i, :])
        for j in range(tlbrs2.shape[0]):
            iw = min(tlbrs1[i, 2], tlbrs2[j, 2]) - max(tlbrs1[i, 0], tlbrs2[j, 0]) + 1
            ih = min(tlbrs1[i, 3], tlbrs2[j, 3]) - max(tlbrs1[i, 1], tlbrs2[j, 1]) + 1
            if iw > 0 and ih > 0:
                area_inter = iw * ih
                area_union = area1 + area(tlbrs2[j, :]) - area_inter
                Y[i, j] = 1. - area_inter / area_union
            else:
                Y[i, j] = 1.
    return Y


@nb.njit(parallel=True, fastmath=True, cache=True)
def diou_dist(tlbrs1, tlbrs2):
    """Computes pairwise DIoU distance."""
    Y = np.empty((tlbrs1.shape[0], tlbrs2.shape[0]))
    for i in nb.prange(tlbrs1.shape[0]):
        area1 = area(tlbrs1[i, :])
        x1, y1 = get_center(tlbrs1[i, :])
        for j in range(tlbrs2.shape[0]):
            iou = 0.
            iw = min(tlbrs1[i, 2], tlbrs2[j, 2]) - max(tlbrs1[i, 0], tlbrs2[j, 0]) + 1
            ih = min(tlbrs1[i, 3], tlbrs2[j, 3]) - max(tlbrs1[i, 1], tlbrs2[j, 1]) + 1
            if iw > 0 and ih > 0:
                area_inter = iw * ih
                area_union = area1 + area(tlbrs2[j, :]) - area_inter
                iou = area_inter / area_union
            ew = max(tlbrs1[i, 2], tlbrs2[j, 2]) - min(tlbrs1[i, 0], tlbrs2[j, 0]) + 1
            eh = max(tlbrs1[i, 3], tlbrs2[j, 3]) - min(tlbrs1[i, 1], tlbrs2[j, 1]) + 1
            c = ew**2 + eh**2
            x2, y2 = get_center(tlbrs2[j, :])
            d = (x2 - x1)**2 + (y2 - y1)**2
            diou = iou - (d / c)**0.6
            Y[i, j] = (1. - diou) * 0.5
    return Y


@nb.njit(cache=True)
def bbox_dist(tlbrs1, tlbrs2, metric='iou'):
    """Computes pairwise bounding box distance."""
    assert tlbrs1.ndim == tlbrs2.ndim == 2
    assert tlbrs1.shape[1] == tlbrs2.shape[1] == 4

    if metric == 'iou':
        return iou_dist(tlbrs1, tlbrs2)
    elif metric == 'diou':
        return diou_dist(tlbrs1, tlbrs2)
    else:
        raise RuntimeError("Unsupported distance metric, use 'iou' or 'diou'")


# ---- fastmot/utils/matching.py ----

INF_COST = 1e5


@nb.njit(fastmath=True, cache=True)
def _get_assignment_matches(cost, row_ids, col_ids, m_rows, m_cols):
    unmatched_rows = list(set(range(cost.shape[0])) - set(m_rows))
    unmatched_cols = list(set(range(cost.shape[1])) - set(m_cols))
    unmatched_row_ids = [row_ids[row] for row in unmatched_rows]
    unmatched_col_ids = [col_ids[col] for col in unmatched_cols]
    matches = []
    for row, col in zip(m_rows, m_cols):
        if cost[row, col] < INF_COST:
            matches.append((row_ids[row], col_ids[col]))
        else:
            unmatched_row_ids.append(row_ids[row])
            unmatched_col_ids.append(col_ids[col])
    return matches, unmatched_row_ids, unmatched_col_ids


@nb.njit(fastmath=True, cache=True)
def greedy_match(cost, row_ids, col_ids, thresh):
    indices_rows = np.arange(cost.shape[0])
    indices_cols = np.arange(cost.shape[1])

    matches = []
    while cost.shape[0] > 0 and cost.shape[1] > 0:
        idx = np.argmin(cost)
        i, j = idx // cost.shape[1], idx % cost.shape[1]
        if cost[i, j] <= thresh:
            matches.append((row_ids[indices_rows[i]], col_ids[indices_cols[j]]))
            row_mask = np.ones(cost.shape[0], np.bool_)
            col_mask = np.ones(cost.shape[1], np.bool_)
            row_mask[i] = False
            col_mask[j] = False

            indices_rows = indices_rows[row_mask]
            indices_cols = indices_cols[col_mask]
            cost = cost[row_mask, :][:, col_mask]
        else:
            break

    unmatched_row_ids = [row_ids[row] for row in indices_rows]
    unmatched_col_ids = [col_ids[col] for col in indices_cols]
    return matches, unmatched_row_ids, unmatched_col_ids


@nb.njit(parallel=False, fastmath=True, cache=True)
def gate_cost(cost, row_labels, col_labels, thresh=None):
    for i in nb.prange(cost.shape[0]):
        for j in range(cost.shape[1]):
            if (row_labels[i] != col_labels[j] or
                thresh is not None and cost[i, j] > thresh):
                cost[i, j] = 1e5


# ---- fastmot/kalman_filter.py ----

class MeasType(Enum):
    FLOW = 0
    DETECTOR = 1


class KalmanFilter:
    """
    A simple Kalman filter for tracking bounding boxes in image space.
    The 8-dimensional state space
        x1, y1, x2, y2, v_x1, v_y1, v_x2, v_y2
    contains the bounding box top left corner, bottom right corner,
    and their respective velocities.
    Object motion follows a modified constant velocity model.
    Velocity will decay over time without measurement and bounding box
    corners are coupled together to minimize drifting.
    Parameters
    ----------
    dt : float
        Time interval in seconds between each frame.
    config : Dict
        Kalman Filter hyperparameters.
    """

    def __init__(self, dt, config):
        self.dt = dt
        self.small_std_acc = config['small_std_acc']
        self.large_std_acc = config['large_std_acc']
        self.min_std_det = config['min_std_det']
        self.min_std_flow = config['min_std_flow']
        self.std_factor_det = config['std_factor_det']
        self.std_factor_flow = config['std_factor_flow']
        self.init_pos_std_factor = config['init_pos_std_factor']
        self.init_vel_std_factor = config['init_vel_std_factor']
        self.vel_coupling = config['vel_coupling']
        self.vel_half_life = config['vel_half_life']

        # acceleration std adjustment rate with respect to pixel width/height
        self.std_acc_rate = ((self.large_std_acc[1] - self.small_std_acc[1]) /
                             (self.large_std_acc[0] - self.small_std_acc[0]))

        # acceleration-based process noise
        self.acc_cov = np.diag(np.array([0.25 * self.dt**4] * 4 + [self.dt**2] * 4, dtype=np.float))
        self.acc_cov[4:, :4] = np.eye(4) * (0.5 * self.dt**3)
        self.acc_cov[:4, 4:] = np.eye(4) * (0.5 * self.dt**3)

        self.meas_mat = np.eye(4, 8)
        self.transition_mat = np.array(
            [[1, 0, 0, 0, self.vel_coupling * self.dt, 0, (1 - self.vel_coupling) * self.dt, 0],
             [0, 1, 0, 0, 0, self.vel_coupling * self.dt, 0, (1 - self.vel_coupling) * self.dt],
             [0, 0, 1, 0, (1 - self.vel_coupling) * self.dt, 0, self.vel_coupling * self.dt, 0],
             [0, 0, 0, 1, 0, (1 - self.vel_coupling) * self.dt, 0, self.vel_coupling * self.dt],
             [0, 0, 0, 0, 0.5**(self.dt / self.vel_half_life), 0, 0, 0],
             [0, 0, 0, 0, 0, 0.5**(self.dt / self.vel_half_life), 0, 0],
             [0, 0, 0, 0, 0, 0, 0.5**(self.dt / self.vel_half_life), 0],
             [0, 0, 0, 0, 0, 0, 0, 0.5**(self.dt / self.vel_half_life)]],
            dtype=np.float
        )

    def initiate(self, det_meas):
        """
        Creates track from unassociated measurement.
        Parameters
        ----------
        det_meas : ndarray
            Detected bounding box of [x1, x2, y1, y2].
        Returns
        -------
        (ndarray, ndarray)
            Returns the mean vector (8 dimensional) and covariance matrix (8x8
            dimensional) of the new track.
        """
        mean_pos = det_meas
        mean_vel = np.zeros_like(mean_pos)
        mean = np.r_[mean_pos, mean_vel]

        w, h = get_size(det_meas)
        std = np.array([
            max(self.init_pos_std_factor * self.std_factor_det[0] * w, self.min_std_det[0]),
            max(self.init_pos_std_factor * self.std_factor_det[1] * h, self.min_std_det[1]),
            max(self.init_pos_std_factor * self.std_factor_det[0] * w, self.min_std_det[0]),
            max(self.init_pos_std_factor * self.std_factor_det[1] * h, self.min_std_det[1]),
            max(self.init_vel_std_factor * self.std_factor_det[0] * w, self.min_std_det[0]),
            max(self.init_vel_std_factor * self.std_factor_det[1] * h, self.min_std_det[1]),
            max(self.init_vel_std_factor * self.std_factor_det[0] * w, self.min_std_det[0]),
            max(self.init_vel_std_factor * self.std_factor_det[1] * h, self.min_std_det[1])
        ], dtype=np.float)
        covariance = np.diag(np.square(std))
        return mean, covariance

    def predict(self, mean, covariance):
        """
        Runs Kalman filter prediction step.
        Parameters
        ----------
        mean : ndarray
            The 8 dimensional mean vector of the object state at the previous
            time step.
        covariance : ndarray
            The 8x8 dimensional covariance matrix of the object state at the
            previous time step.
        Returns
        -------
        (ndarray, ndarray)
            Returns the mean vector and covariance matrix of the predicted
            state.
        """
        return self._predict(mean, covariance, self.small_std_acc, self.std_acc_rate,
                             self.acc_cov, self.transition_mat)

    def project(self, mean, covariance, meas_type, multiplier=1.):
        """
        Projects state distribution to measurement space.
        Parameters
        ----------
        mean : ndarray
            The state's mean vector (8 dimensional array).
        covariance : ndarray
            The state's covariance matrix (8x8 dimensional).
        meas_type : MeasType
            Measurement type indicating where the measurement comes from.
        multiplier : float
            Multiplier used to adjust the measurement std.
        Returns
        -------
        (ndarray, ndarray)
            Returns the projected mean and covariance matrix of the given state
            estimate.
        """
        if meas_type == MeasType.FLOW:
            std_factor = self.std_factor_flow
            min_std = self.min_std_flow
        elif meas_type == MeasType.DETECTOR:
            std_factor = self.std_factor_det
            min_std = self.min_std_det
        else:
            raise ValueError('Invalid measurement type')

        return self._project(mean, covariance, std_factor, min_std, self.meas_mat, multiplier)

    def update(self, mean, covariance, measurement, meas_type, multiplier=1.):
        """
        Runs Kalman filter correction step.
        Parameters
        ----------
        mean : ndarray
            The predicted state's mean vector (8 dimensional).
        covariance : ndarray
            The state's covariance matrix (8x8 dimensional).
        measurement : ndarray
            Bounding box of [x1, x2, y1, y2].
        meas_type : MeasType
            Measurement type indicating where the measurement comes from.
        multiplier : float
            Multiplier used to adjust the measurement std.
        Returns
        -------
        (ndarray, ndarray)
            Returns the measurement-corrected state distribution.
        """
        projected_mean, projected_cov = self.project(mean, covariance, meas_type, multiplier)

        return self._update(mean, covariance, projected_mean,
                            projected_cov, measurement, self.meas_mat)

    def motion_distance(self, mean, covariance, measurements):
        """
        Computes mahalanobis distance between `measurements` and state distribution.
        Parameters
        ----------
        mean : ndarray
            The predicted state's mean vector (8 dimensional).
        covariance : ndarray
            The state's covariance matrix (8x8 dimensional).
        measurements : array_like
            An Nx4 matrix of N samples of [x1, x2, y1, y2].
        Returns
        -------
        ndarray
            Returns a array of size N such that element i
            contains the squared mahalanobis distance for `measurements[i]`.
        """
        projected_mean, projected_cov = self.project(mean, covariance, MeasType.DETECTOR)
        return self._maha_distance(projected_mean, projected_cov, measurements)

    @staticmethod
    @nb.njit(fastmath=True, cache=True)
    def warp(mean, covariance, H):
        """
        Warps kalman filter state using a homography transformation.
        https://scholarsarchive.byu.edu/cgi/viewcontent.cgi?article=1301&context=studentpub
        ----------
        mean : ndarray
            The predicted state's mean vector (8 dimensional).
        covariance : ndarray
            The state's covariance matrix (8x8 dimensional).
        H : ndarray
            A 3x3 homography matrix.
        Returns
        -------
        (ndarray, ndarray)
            Returns the mean vector and covariance matrix of the transformed
            state.
        """
        H1 = np.ascontiguousarray(H[:2, :2])
        h2 = np.ascontiguousarray(H[:2, 2])
        h3 = np.ascontiguousarray(H[2, :2])
        h4 = 1

        E1 = np.eye(8, 2)
        E3 = np.eye(8, 2, -4)
        M = E1 @ H1 @ E1.T + E3 @ H1 @ E3.T
        M31 = E3 @ H1 @ E1.T
        w12 = E1 @ h2
        w13 = E1 @ h3
        w33 = E3 @ h3
        u = M @ mean + w12
        v = M31 @ mean + E3 @ h2
        a = np.dot(w13, mean) + h4
        b = np.dot(w33, mean)
        # transform top left mean
        mean_tl = u / a - b * v / a**2
        # compute top left Jacobian
        F_tl = M / a - (np.outer(u, w13) + b * M31 + np.outer(v, w33)) / a**2 + \
            (2 * b * np.outer(v, w13)) / a**3

        E2 = np.eye(8, 2, -2)
        E4 = np.eye(8, 2, -6)
        M = E2 @ H1 @ E2.T + E4 @ H1 @ E4.T
        M42 = E4 @ H1 @ E2.T
        w22 = E2 @ h2
        w23 = E2 @ h3
        w43 = E4 @ h3
        u = M @ mean + w22
        v = M42 @ mean + E4 @ h2
        a = np.dot(w23, mean) + h4
        b = np.dot(w43, mean)
        # transform bottom right mean
        mean_br = u / a - b * v / a**2
        # compute bottom right Jacobian
        F_br = M / a - (np.outer(u, w23) + b * M42 + np.outer(v, w43)) / a**2 + \
            (2 * b * np.outer(v, w23)) / a**3

        # add them together
        mean = mean_tl + mean_br
        F = F_tl + F_br
        # tranform covariance with Jacobian
        covariance = F @ covariance @ F.T
        return mean, covariance

    @staticmethod
    @nb.njit(fastmath=True, cache=True)
    def _predict(mean, covariance, small_std_acc, std_acc_rate, acc_cov, transition_mat):
        size = max(mean[2:4] - mean[:2] + 1) # max(w, h)
        std_acc = small_std_acc[1] + (size - small_std_acc[0]) * std_acc_rate
        motion_cov = acc_cov * std_acc**2

        mean = transition_mat @ mean
        covariance = transition_mat @ covariance @ transition_mat.T + motion_cov
        return mean, covariance

    @staticmethod
    @nb.njit(fastmath=True, cache=True)
    def _project(mean, covariance, std_factor, min_std, meas_mat, multiplier):
        w, h = mean[2:4] - mean[:2] + 1
        std = np.array([
            max(std_factor[0] * w, min_std[0]),
            max(std_factor[1] * h, min_std[1]),
            max(std_factor[0] * w, min_std[0]),
            max(std_factor[1] * h, min_std[1])
        ])
        meas_cov = np.diag(np.square(std * multiplier))

        mean = meas_mat @ mean
        covariance = meas_mat @ covariance @ meas_mat.T
        innovation_cov = covariance + meas_cov
        return mean, innovation_cov

    @staticmethod
    @nb.njit(fastmath=True, cache=True)
    def _update(mean, covariance, proj_mean, proj_cov, measurement, meas_mat):
        kalman_gain = np.linalg.solve(proj_cov, (covariance @ meas_mat.T).T).T
        innovation = measurement - proj_mean
        new_mean = mean + innovation @ kalman_gain.T
        new_covariance = covariance - kalman_gain @ proj_cov @ kalman_gain.T
        return new_mean, new_covariance

    @staticmethod
    @nb.njit(fastmath=True, cache=True)
    def _maha_distance(mean, covariance, measurements):
        diff = measurements - mean
        L = np.linalg.cholesky(covariance)
        y = np.linalg.solve(L, diff.T)
        return np.sum(y**2, axis=0)


# ---- harness (not part of the program) ----
ENTRY = "run_tracking_step"

# FastMOT's cfg/mot.json defaults for the Kalman filter
_KF = dict(small_std_acc=np.array([8., 5.]), large_std_acc=np.array([500., 1250.]),
           min_std_det=np.array([4., 4.]), min_std_flow=np.array([5., 5.]),
           std_factor_det=np.array([0.08, 0.08]), std_factor_flow=np.array([0.14, 0.14]),
           init_pos_std_factor=2.5, init_vel_std_factor=10., vel_coupling=0.6,
           vel_half_life=2.)


def _kf_matrices(dt):
    # as KalmanFilter.__init__ (with float in place of np.float)
    acc_cov = np.diag(np.array([0.25 * dt**4] * 4 + [dt**2] * 4, dtype=float))
    acc_cov[4:, :4] = np.eye(4) * (0.5 * dt**3)
    acc_cov[:4, 4:] = np.eye(4) * (0.5 * dt**3)
    meas_mat = np.eye(4, 8)
    c, hl = _KF['vel_coupling'], _KF['vel_half_life']
    d = 0.5**(dt / hl)
    transition_mat = np.array(
        [[1, 0, 0, 0, c * dt, 0, (1 - c) * dt, 0],
         [0, 1, 0, 0, 0, c * dt, 0, (1 - c) * dt],
         [0, 0, 1, 0, (1 - c) * dt, 0, c * dt, 0],
         [0, 0, 0, 1, 0, (1 - c) * dt, 0, c * dt],
         [0, 0, 0, 0, d, 0, 0, 0],
         [0, 0, 0, 0, 0, d, 0, 0],
         [0, 0, 0, 0, 0, 0, d, 0],
         [0, 0, 0, 0, 0, 0, 0, d]], dtype=float)
    small, large = _KF['small_std_acc'], _KF['large_std_acc']
    std_acc_rate = (large[1] - small[1]) / (large[0] - small[0])
    return acc_cov, meas_mat, transition_mat, std_acc_rate


def _initiate(det):
    # as KalmanFilter.initiate
    mean = np.r_[det, np.zeros_like(det)]
    w, h = get_size(det)
    f, m = _KF['std_factor_det'], _KF['min_std_det']
    p, v = _KF['init_pos_std_factor'], _KF['init_vel_std_factor']
    std = np.array([max(p * f[0] * w, m[0]), max(p * f[1] * h, m[1]),
                    max(p * f[0] * w, m[0]), max(p * f[1] * h, m[1]),
                    max(v * f[0] * w, m[0]), max(v * f[1] * h, m[1]),
                    max(v * f[0] * w, m[0]), max(v * f[1] * h, m[1])])
    return mean, np.diag(np.square(std))


def _best_assignment(cost):
    import itertools
    n_rows, n_cols = cost.shape
    best, best_cols = None, None
    for cols in itertools.permutations(range(n_cols), n_rows):
        total = sum(cost[r, c] for r, c in enumerate(cols))
        if best is None or total < best:
            best, best_cols = total, cols
    return np.arange(n_rows), np.array(best_cols, dtype=np.int64)


def run_tracking_step(track_boxes, det_boxes, track_feats, det_feats, track_labels,
                      det_labels, scores, frame, H):
    acc_cov, meas_mat, transition_mat, std_acc_rate = _kf_matrices(1 / 30)
    kf = KalmanFilter
    means, covs = [], []
    for box in track_boxes:
        mean, cov = _initiate(box)
        mean, cov = kf.warp(mean, cov, H)
        mean, cov = kf._predict(mean, cov, _KF['small_std_acc'], std_acc_rate,
                                acc_cov, transition_mat)
        means.append(mean)
        covs.append(cov)
    motion = np.empty((len(track_boxes), len(det_boxes)))
    for i in range(len(track_boxes)):
        pm, pc = kf._project(means[i], covs[i], _KF['std_factor_det'], _KF['min_std_det'],
                             meas_mat, 1.)
        motion[i] = kf._maha_distance(pm, pc, det_boxes)
    pred_boxes = np.array([m[:4] for m in means])
    iou_cost = bbox_dist(pred_boxes, det_boxes)
    diou_cost = bbox_dist(pred_boxes, det_boxes, 'diou')
    feat_cost = cdist(track_feats, det_feats, 'cosine')
    feat_euc = cdist(track_feats, det_feats)
    self_dist = pdist(det_feats, 'cosine')
    cost = 0.6 * feat_cost + 0.4 * diou_cost
    cost[motion > 9.4877] = INF_COST
    gate_cost(cost, track_labels, det_labels, 0.9)
    iou_gated = iou_cost.copy()
    gate_cost(iou_gated, track_labels, det_labels)
    track_ids = np.arange(10, 10 + len(track_boxes))
    det_ids = np.arange(len(det_boxes))
    greedy = greedy_match(iou_gated.copy(), track_ids, det_ids, 0.6)
    m_rows, m_cols = _best_assignment(cost)
    assigned = _get_assignment_matches(cost, track_ids, det_ids, m_rows, m_cols)
    new_means, new_covs = [], []
    for tid, did in assigned[0]:
        i = tid - 10
        pm, pc = kf._project(means[i], covs[i], _KF['std_factor_flow'], _KF['min_std_flow'],
                             meas_mat, 1.5)
        mean, cov = kf._update(means[i], covs[i], pm, pc, det_boxes[did], meas_mat)
        new_means.append(mean)
        new_covs.append(cov)
    # rect helpers on the detections
    tlwhs = np.array([to_tlwh(b) for b in det_boxes])
    keep = nms(tlwhs, scores, 0.5)
    back = np.array([to_tlbr(t) for t in tlwhs])
    centers = np.array([get_center(b) for b in det_boxes])
    corners = get_corners(det_boxes[0])
    warped = np.array([warp(b, H) for b in det_boxes])
    pts = transform(centers, H[:2])
    pair = []
    for a in range(len(det_boxes)):
        for b in range(len(det_boxes)):
            inter = intersection(det_boxes[a], det_boxes[b])
            pair.append((iom(det_boxes[a], det_boxes[b]), inter is None,
                         contains(det_boxes[a], det_boxes[b])))
    uni = union(det_boxes[0], det_boxes[1])
    patch = crop(frame, det_boxes[2])
    patches = multi_crop(frame, det_boxes)
    patch_sums = np.array([int(p.sum()) for p in patches])
    n_bright = mask_area(frame[:, :, 0] > 200)
    areas = np.array([area(b) for b in det_boxes])
    rect = as_rect((10.4, 20.6, 50.5, 80.49))
    return (motion, iou_cost, diou_cost, feat_cost, feat_euc, self_dist, cost, iou_gated,
            greedy, assigned, new_means, new_covs, keep, back, centers, corners, warped,
            pts, pair, uni, patch.copy(), patch_sums, n_bright, areas, rect)


def inputs():
    rng = np.random.default_rng(0)
    n_trk, n_det = 6, 8
    xy = rng.uniform(10, 220, (n_trk, 2)).round()
    wh = rng.uniform(15, 60, (n_trk, 2)).round()
    track_boxes = np.concatenate([xy, xy + wh - 1], axis=1)
    det_boxes = np.empty((n_det, 4))
    det_boxes[:n_trk] = track_boxes + rng.normal(0, 2.5, (n_trk, 4)).round()
    det_boxes[n_trk] = [150., 30., 199., 109.]
    det_boxes[n_trk + 1] = det_boxes[0] + [3., -2., 3., -2.]
    det_boxes[[1, 4]] = det_boxes[[4, 1]]
    track_feats = rng.normal(0, 1, (n_trk, 16))
    det_feats = np.empty((n_det, 16))
    det_feats[:n_trk] = track_feats + rng.normal(0, 0.3, (n_trk, 16))
    det_feats[n_trk] = rng.normal(0, 1, 16)
    det_feats[n_trk + 1] = det_feats[0] + rng.normal(0, 0.5, 16)
    det_feats[[1, 4]] = det_feats[[4, 1]]
    track_labels = np.array([1, 1, 2, 1, 3, 1])
    det_labels = np.array([1, 2, 2, 1, 1, 1, 2, 1])
    scores = rng.uniform(0.3, 0.99, n_det)
    frame = rng.integers(0, 256, (240, 320, 3), dtype=np.uint8)
    H = np.array([[1.01, 0.004, -2.5], [-0.003, 0.995, 1.75], [1e-5, -2e-5, 1.0]])
    return (track_boxes, det_boxes, track_feats, det_feats, track_labels, det_labels,
            scores, frame, H)
