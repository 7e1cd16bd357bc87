# Source: open-mmlab/OpenPCDet pcdet/datasets/kitti/kitti_object_eval_python/eval.py (at commit 44c10a3a)
# Licence: Apache-2.0 (OpenPCDet, README "OpenPCDet is released under the Apache 2.0 license"; OpenPCDet Development Team)
# Notes: the per-threshold true/false positive counts of the KITTI 2-D detection benchmark (computer vision / object detection evaluation): fused_compute_statistics (@numba.jit(nopython=True)) walks the images of a part, slices each image's block of the (detections x ground truth) IoU matrix and its rows of gt/detection data, ignore flags and don't-care boxes, and for every score threshold (enumerate over the threshold array) calls compute_statistics_jit with keyword arguments; that greedily matches detections to ground truth over Python lists made by [False] * det_size, counts tp/fp/fn, accumulates orientation similarity (1 + cos(delta)) / 2 for AOS, discounts false positives that fall in don't-care regions via image_box_overlap (criterion 0) and returns a 5-tuple ending in a slice of a NumPy array; the counts are added into pr[t, 0..3] in place. Pasted: the numba and numpy imports and all jitted functions of the file (get_thresholds, image_box_overlap, d3_box_overlap_kernel, compute_statistics_jit, fused_compute_statistics); left out: the `io` import and `from .rotate_iou import rotate_iou_gpu_eval` (CUDA), used only by the plain-Python drivers (clean_data, bev_box_overlap, d3_box_overlap, calculate_iou_partly, eval_class, do_eval and the result printers), which are left out; the harness builds what eval_class passes for metric 0 (bbox) and one part of 6 images: the IoU matrix of all detection boxes against all ground-truth boxes (computed in NumPy as calculate_iou_partly(dt_annos, gt_annos) does), pr zeros, per-image gt/dt/don't-care counts, gt rows [bbox, alpha], dt rows [bbox, alpha, score], don't-care boxes, int64 ignore flags in {-1, 0, 1}, min_overlap 0.7, 17 descending score thresholds (every other detection score) and compute_aos=True
import numba
import numpy as np


@numba.jit
def get_thresholds(scores: np.ndarray, num_gt, num_sample_pts=41):
    scores.sort()
    scores = scores[::-1]
    current_recall = 0
    thresholds = []
    for i, score in enumerate(scores):
        l_recall = (i + 1) / num_gt
        if i < (len(scores) - 1):
            r_recall = (i + 2) / num_gt
        else:
            r_recall = l_recall
        if (((r_recall - current_recall) < (current_recall - l_recall))
                and (i < (len(scores) - 1))):
            continue
        # recall = l_recall
        thresholds.append(score)
        current_recall += 1 / (num_sample_pts - 1.0)
    return thresholds


@numba.jit(nopython=True)
def image_box_overlap(boxes, query_boxes, criterion=-1):
    N = boxes.shape[0]
    K = query_boxes.shape[0]
    overlaps = np.zeros((N, K), dtype=boxes.dtype)
    for k in range(K):
        qbox_area = ((query_boxes[k, 2] - query_boxes[k, 0]) *
                     (query_boxes[k, 3] - query_boxes[k, 1]))
        for n in range(N):
            iw = (min(boxes[n, 2], query_boxes[k, 2]) -
                  max(boxes[n, 0], query_boxes[k, 0]))
            if iw > 0:
                ih = (min(boxes[n, 3], query_boxes[k, 3]) -
                      max(boxes[n, 1], query_boxes[k, 1]))
                if ih > 0:
                    if criterion == -1:
                        ua = (
                            (boxes[n, 2] - boxes[n, 0]) *
                            (boxes[n, 3] - boxes[n, 1]) + qbox_area - iw * ih)
                    elif criterion == 0:
                        ua = ((boxes[n, 2] - boxes[n, 0]) *
                              (boxes[n, 3] - boxes[n, 1]))
                    elif criterion == 1:
                        ua = qbox_area
                    else:
                        ua = 1.0
                    overlaps[n, k] = iw * ih / ua
    return overlaps


@numba.jit(nopython=True, parallel=True)
def d3_box_overlap_kernel(boxes, qboxes, rinc, criterion=-1):
    # ONLY support overlap in CAMERA, not lider.
    N, K = boxes.shape[0], qboxes.shape[0]
    for i in range(N):
        for j in range(K):
            if rinc[i, j] > 0:
                # iw = (min(boxes[i, 1] + boxes[i, 4], qboxes[j, 1] +
                #         qboxes[j, 4]) - max(boxes[i, 1], qboxes[j, 1]))
                iw = (min(boxes[i, 1], qboxes[j, 1]) - max(
                    boxes[i, 1] - boxes[i, 4], qboxes[j, 1] - qboxes[j, 4]))

                if iw > 0:
                    area1 = boxes[i, 3] * boxes[i, 4] * boxes[i, 5]
                    area2 = qboxes[j, 3] * qboxes[j, 4] * qboxes[j, 5]
                    inc = iw * rinc[i, j]
                    if criterion == -1:
                        ua = (area1 + area2 - inc)
                    elif criterion == 0:
                        ua = area1
                    elif criterion == 1:
                        ua = area2
                    else:
                        ua = inc
                    rinc[i, j] = inc / ua
                else:
                    rinc[i, j] = 0.0


@numba.jit(nopython=True)
def compute_statistics_jit(overlaps,
                           gt_datas,
                           dt_datas,
                           ignored_gt,
                           ignored_det,
                           dc_bboxes,
                           metric,
                           min_overlap,
                           thresh=0,
                           compute_fp=False,
                           compute_aos=False):

    det_size = dt_datas.shape[0]
    gt_size = gt_datas.shape[0]
    dt_scores = dt_datas[:, -1]
    dt_alphas = dt_datas[:, 4]
    gt_alphas = gt_datas[:, 4]
    dt_bboxes = dt_datas[:, :4]
    gt_bboxes = gt_datas[:, :4]

    assigned_detection = [False] * det_size
    ignored_threshold = [False] * det_size
    if compute_fp:
        for i in range(det_size):
            if (dt_scores[i] < thresh):
                ignored_threshold[i] = True
    NO_DETECTION = -10000000
    tp, fp, fn, similarity = 0, 0, 0, 0
    # thresholds = [0.0]
    # delta = [0.0]
    thresholds = np.zeros((gt_size, ))
    thresh_idx = 0
    delta = np.zeros((gt_size, ))
    delta_idx = 0
    for i in range(gt_size):
        if ignored_gt[i] == -1:
            continue
        det_idx = -1
        valid_detection = NO_DETECTION
        max_overlap = 0
        assigned_ignored_det = False

        for j in range(det_size):
            if (ignored_det[j] == -1):
                continue
            if (assigned_detection[j]):
                continue
            if (ignored_threshold[j]):
                continue
            overlap = overlaps[j, i]
            dt_score = dt_scores[j]
            if (not compute_fp and (overlap > min_overlap)
                    and dt_score > valid_detection):
                det_idx = j
                valid_detection = dt_score
            elif (compute_fp and (overlap > min_overlap)
                  and (overlap > max_overlap or assigned_ignored_det)
                  and ignored_det[j] == 0):
                max_overlap = overlap
                det_idx = j
                valid_detection = 1
                assigned_ignored_det = False
            elif (compute_fp and (overlap > min_overlap)
                  and (valid_detection == NO_DETECTION)
                  and ignored_det[j] == 1):
                det_idx = j
                valid_detection = 1
                assigned_ignored_det = True

        if (valid_detection == NO_DETECTION) and ignored_gt[i] == 0:
            fn += 1
        elif ((valid_detection != NO_DETECTION)
              and (ignored_gt[i] == 1 or ignored_det[det_idx] == 1)):
            assigned_detection[det_idx] = True
        elif valid_detection != NO_DETECTION:
            tp += 1
            # thresholds.append(dt_scores[det_idx])
            thresholds[thresh_idx] = dt_scores[det_idx]
            thresh_idx += 1
            if compute_aos:
                # delta.append(gt_alphas[i] - dt_alphas[det_idx])
                delta[delta_idx] = gt_alphas[i] - dt_alphas[det_idx]
                delta_idx += 1

            assigned_detection[det_idx] = True
    if compute_fp:
        for i in range(det_size):
            if (not (assigned_detection[i] or ignored_det[i] == -1
                     or ignored_det[i] == 1 or ignored_threshold[i])):
                fp += 1
        nstuff = 0
        if metric == 0:
            overlaps_dt_dc = image_box_overlap(dt_bboxes, dc_bboxes, 0)
            for i in range(dc_bboxes.shape[0]):
                for j in range(det_size):
                    if (assigned_detection[j]):
                        continue
                    if (ignored_det[j] == -1 or ignored_det[j] == 1):
                        continue
                    if (ignored_threshold[j]):
                        continue
                    if overlaps_dt_dc[j, i] > min_overlap:
                        assigned_detection[j] = True
                        nstuff += 1
        fp -= nstuff
        if compute_aos:
            tmp = np.zeros((fp + delta_idx, ))
            # tmp = [0] * fp
            for i in range(delta_idx):
                tmp[i + fp] = (1.0 + np.cos(delta[i])) / 2.0
                # tmp.append((1.0 + np.cos(delta[i])) / 2.0)
            # assert len(tmp) == fp + tp
            # assert len(delta) == tp
            if tp > 0 or fp > 0:
                similarity = np.sum(tmp)
            else:
                similarity = -1
    return tp, fp, fn, similarity, thresholds[:thresh_idx]


@numba.jit(nopython=True)
def fused_compute_statistics(overlaps,
                             pr,
                             gt_nums,
                             dt_nums,
                             dc_nums,
                             gt_datas,
                             dt_datas,
                             dontcares,
                             ignored_gts,
                             ignored_dets,
                             metric,
                             min_overlap,
                             thresholds,
                             compute_aos=False):
    gt_num = 0
    dt_num = 0
    dc_num = 0
    for i in range(gt_nums.shape[0]):
        for t, thresh in enumerate(thresholds):
            overlap = overlaps[dt_num:dt_num + dt_nums[i], gt_num:
                               gt_num + gt_nums[i]]

            gt_data = gt_datas[gt_num:gt_num + gt_nums[i]]
            dt_data = dt_datas[dt_num:dt_num + dt_nums[i]]
            ignored_gt = ignored_gts[gt_num:gt_num + gt_nums[i]]
            ignored_det = ignored_dets[dt_num:dt_num + dt_nums[i]]
            dontcare = dontcares[dc_num:dc_num + dc_nums[i]]
            tp, fp, fn, similarity, _ = compute_statistics_jit(
                overlap,
                gt_data,
                dt_data,
                ignored_gt,
                ignored_det,
                dontcare,
                metric,
                min_overlap=min_overlap,
                thresh=thresh,
                compute_fp=True,
                compute_aos=compute_aos)
            pr[t, 0] += tp
            pr[t, 1] += fp
            pr[t, 2] += fn
            if similarity != -1:
                pr[t, 3] += similarity
        gt_num += gt_nums[i]
        dt_num += dt_nums[i]
        dc_num += dc_nums[i]
# ---- harness (not part of the program) ----
ENTRY = "fused_compute_statistics"


def inputs():
    # 6 KITTI-sized images (1242 x 375): ground-truth boxes, detections
    # that are jittered copies of most of them plus false positives,
    # up to two don't-care regions per image
    rng = np.random.default_rng(0)
    gts, dts, dcs = [], [], []
    ign_gt, ign_dt = [], []
    gt_nums, dt_nums, dc_nums = [], [], []
    for _ in range(6):
        ng = int(rng.integers(3, 7))
        x1 = rng.uniform(0, 1100, ng)
        y1 = rng.uniform(120, 250, ng)
        w = rng.uniform(40, 140, ng)
        h = rng.uniform(30, 110, ng)
        g = np.stack([x1, y1, x1 + w, y1 + h, rng.uniform(-np.pi, np.pi, ng)], 1)
        d = []
        for k in range(ng):
            if rng.random() < 0.8:
                jit_ = rng.normal(0.0, 4.0, 4)
                d.append(np.concatenate([g[k, :4] + jit_,
                                         [g[k, 4] + rng.normal(0.0, 0.3),
                                          rng.uniform(0.3, 1.0)]]))
        for _k in range(int(rng.integers(1, 3))):
            fx, fy = rng.uniform(0, 1100), rng.uniform(120, 250)
            d.append(np.array([fx, fy, fx + rng.uniform(30, 100),
                               fy + rng.uniform(25, 90),
                               rng.uniform(-np.pi, np.pi), rng.uniform(0.05, 0.6)]))
        d = np.array(d)
        nc = int(rng.integers(0, 3))
        cx, cy = rng.uniform(0, 1100, nc), rng.uniform(120, 250, nc)
        c = np.stack([cx, cy, cx + rng.uniform(50, 150, nc),
                      cy + rng.uniform(40, 100, nc)], 1) if nc else np.zeros((0, 4))
        gts.append(g)
        dts.append(d)
        dcs.append(c)
        ign_gt.append(rng.choice([0, 0, 0, 0, 1, -1], ng))
        ign_dt.append(rng.choice([0, 0, 0, 0, 0, 1, -1], len(d)))
        gt_nums.append(ng)
        dt_nums.append(len(d))
        dc_nums.append(nc)
    gt_datas = np.concatenate(gts, 0)
    dt_datas = np.concatenate(dts, 0)
    dontcares = np.concatenate(dcs, 0).astype(np.float64)
    # image_box_overlap(dt_boxes, gt_boxes), criterion -1, in NumPy
    a, b = dt_datas[:, :4], gt_datas[:, :4]
    iw = np.minimum(a[:, None, 2], b[None, :, 2]) - np.maximum(a[:, None, 0], b[None, :, 0])
    ih = np.minimum(a[:, None, 3], b[None, :, 3]) - np.maximum(a[:, None, 1], b[None, :, 1])
    inter = np.where((iw > 0) & (ih > 0), iw * ih, 0.0)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    overlaps = np.where(inter > 0, inter / (area_a[:, None] + area_b[None, :] - inter), 0.0)
    thresholds = np.sort(dt_datas[:, 5])[::-1][::2].copy()
    pr = np.zeros((len(thresholds), 4))
    return (overlaps, pr,
            np.array(gt_nums, dtype=np.int64), np.array(dt_nums, dtype=np.int64),
            np.array(dc_nums, dtype=np.int64),
            gt_datas, dt_datas, dontcares,
            np.concatenate(ign_gt).astype(np.int64),
            np.concatenate(ign_dt).astype(np.int64),
            0, 0.7, thresholds, True)
