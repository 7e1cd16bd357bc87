# Source: setiastro/cosmicclarity numba_utils.py (at commit 327e1f33)
# Licence: MIT (Cosmic Clarity, LICENSE; Copyright (c) 2024 Franklin Marek)
# Notes: the frame calibration and stacking kernels of Seti Astro's Cosmic Clarity (astrophotography image processing): dark subtraction of mono (F,H,W) and colour (F,H,W,C) stacks (np.empty_like(frames, dtype=np.float32), a whole-frame slice assignment inside prange), flat-field division with an optional master bias (master_bias=None tested with `is not None`, argument rebinding, in-place /= inside prange), and two weighted pixel-rejection stackers, each in a 3-D and a 4-D variant returning (image, per-frame rejection mask): iterative windsorized sigma clipping (boolean masks refined with &, np.median/np.std of masked values, `not mask[f]` stored into a bool array, a ValueError raised on mismatched weight shapes) and kappa-sigma clipping (shrinking arrays by boolean indexing while carrying original frame indices, a found/break search); all @njit(parallel=True, fastmath=True) with prange over rows, weights either per frame (F,) or per pixel, called through the file's plain-Python ndim dispatchers. Pasted: these functions and their dispatchers as published, with the file's second `import numpy as np / from numba import njit, prange` block; left out: the file's layer blending, rescaling, binning, flip/rotate/invert kernels before them the weighted trimmed mean that follows them (trimmed_mean_weighted_3d/4d and its dispatcher: the Numba installed here, 0.56, fails on them with a TypingError in its parfor conversion) and the ESD/biweight/other rejection methods, star detection and drizzle code after it, and the imports only those use (cv2, math). The harness calibrates 12 synthetic 20 x 24 frames (a sky gradient with vignetting, a satellite trail, a hot column, hot and dead pixels) and a 3-channel copy, and stacks them with both methods at default and non-default parameters and with per-frame and per-pixel weights
import numpy as np
from numba import njit, prange


@njit(parallel=True, fastmath=True)
def apply_flat_division_numba_2d(image, master_flat, master_bias=None):
    """
    Mono version: image.shape == (H,W)
    """
    if master_bias is not None:
        master_flat = master_flat - master_bias
        image = image - master_bias

    median_flat = np.mean(master_flat)
    height, width = image.shape

    for y in prange(height):
        for x in range(width):
            image[y, x] /= (master_flat[y, x] / median_flat)

    return image


@njit(parallel=True, fastmath=True)
def apply_flat_division_numba_3d(image, master_flat, master_bias=None):
    """
    Color version: image.shape == (H,W,C)
    """
    if master_bias is not None:
        master_flat = master_flat - master_bias
        image = image - master_bias

    median_flat = np.mean(master_flat)
    height, width, channels = image.shape

    for y in prange(height):
        for x in range(width):
            for c in range(channels):
                image[y, x, c] /= (master_flat[y, x, c] / median_flat)

    return image

def apply_flat_division_numba(image, master_flat, master_bias=None):
    """
    Dispatcher that calls the correct Numba function
    depending on whether 'image' is 2D or 3D.
    """
    if image.ndim == 2:
        # Mono
        return apply_flat_division_numba_2d(image, master_flat, master_bias)
    elif image.ndim == 3:
        # Color
        return apply_flat_division_numba_3d(image, master_flat, master_bias)
    else:
        raise ValueError(f"apply_flat_division_numba: expected 2D or 3D, got shape {image.shape}")


@njit(parallel=True)
def subtract_dark_3d(frames, dark_frame):
    """
    For mono stack:
      frames.shape == (F,H,W)
      dark_frame.shape == (H,W)
    Returns the same shape (F,H,W).
    """
    num_frames, height, width = frames.shape
    result = np.empty_like(frames, dtype=np.float32)

    for i in prange(num_frames):
        # Subtract the dark frame from each 2D slice
        result[i] = frames[i] - dark_frame

    return result


@njit(parallel=True)
def subtract_dark_4d(frames, dark_frame):
    """
    For color stack:
      frames.shape == (F,H,W,C)
      dark_frame.shape == (H,W,C)
    Returns the same shape (F,H,W,C).
    """
    num_frames, height, width, channels = frames.shape
    result = np.empty_like(frames, dtype=np.float32)

    for i in prange(num_frames):
        for y in range(height):
            for x in range(width):
                for c in range(channels):
                    result[i, y, x, c] = frames[i, y, x, c] - dark_frame[y, x, c]

    return result

def subtract_dark(frames, dark_frame):
    """
    Dispatcher function that calls the correct Numba function
    depending on whether 'frames' is 3D or 4D.
    """
    if frames.ndim == 3:
        # frames: (F,H,W), dark_frame: (H,W)
        return subtract_dark_3d(frames, dark_frame)
    elif frames.ndim == 4:
        # frames: (F,H,W,C), dark_frame: (H,W,C)
        return subtract_dark_4d(frames, dark_frame)
    else:
        raise ValueError(f"subtract_dark: frames must be 3D or 4D, got {frames.shape}")


import numpy as np
from numba import njit, prange

# -------------------------------
# Windsorized Sigma Clipping (Weighted, Iterative)
# -------------------------------

@njit(parallel=True, fastmath=True)
def windsorized_sigma_clip_weighted_3d_iter(stack, weights, lower=2.5, upper=2.5, iterations=2):
    """
    Iterative Weighted Windsorized Sigma Clipping for a 3D mono stack.
      stack.shape == (F,H,W)
      weights.shape can be (F,) or (F,H,W).
    Returns a tuple:
      (clipped, rejection_mask)
    where:
      clipped is a 2D image (H,W),
      rejection_mask is a boolean array of shape (F,H,W) with True indicating rejection.
    """
    num_frames, height, width = stack.shape
    clipped = np.zeros((height, width), dtype=np.float32)
    rej_mask = np.zeros((num_frames, height, width), dtype=np.bool_)

    # Check weights shape
    if weights.ndim == 1 and weights.shape[0] == num_frames:
        pass
    elif weights.ndim == 3 and weights.shape == stack.shape:
        pass
    else:
        raise ValueError("windsorized_sigma_clip_weighted_3d_iter: mismatch in shapes for 3D stack & weights")

    for i in prange(height):
        for j in range(width):
            pixel_values = stack[:, i, j]  # shape=(F,)
            if weights.ndim == 1:
                pixel_weights = weights[:]  # shape (F,)
            else:
                pixel_weights = weights[:, i, j]
            # Start with nonzero pixels as valid
            valid_mask = pixel_values != 0
            for _ in range(iterations):
                if np.sum(valid_mask) == 0:
                    break
                valid_vals = pixel_values[valid_mask]
                median_val = np.median(valid_vals)
                std_dev = np.std(valid_vals)
                lower_bound = median_val - lower * std_dev
                upper_bound = median_val + upper * std_dev
                valid_mask = valid_mask & (pixel_values >= lower_bound) & (pixel_values <= upper_bound)
            # Record rejections: a pixel is rejected if not valid.
            for f in range(num_frames):
                rej_mask[f, i, j] = not valid_mask[f]
            valid_vals = pixel_values[valid_mask]
            valid_w = pixel_weights[valid_mask]
            wsum = np.sum(valid_w)
            if wsum > 0:
                clipped[i, j] = np.sum(valid_vals * valid_w) / wsum
            else:
                nonzero = pixel_values[pixel_values != 0]
                if nonzero.size > 0:
                    clipped[i, j] = np.median(nonzero)
                else:
                    clipped[i, j] = 0.0
    return clipped, rej_mask


@njit(parallel=True, fastmath=True)
def windsorized_sigma_clip_weighted_4d_iter(stack, weights, lower=2.5, upper=2.5, iterations=2):
    """
    Iterative Weighted Windsorized Sigma Clipping for a 4D color stack.
      stack.shape == (F,H,W,C)
      weights.shape can be (F,) or (F,H,W,C).
    Returns a tuple:
      (clipped, rejection_mask)
    where:
      clipped is a 3D image (H,W,C),
      rejection_mask is a boolean array of shape (F,H,W,C).
    """
    num_frames, height, width, channels = stack.shape
    clipped = np.zeros((height, width, channels), dtype=np.float32)
    rej_mask = np.zeros((num_frames, height, width, channels), dtype=np.bool_)

    # Check weights shape
    if weights.ndim == 1 and weights.shape[0] == num_frames:
        pass
    elif weights.ndim == 4 and weights.shape == stack.shape:
        pass
    else:
        raise ValueError("windsorized_sigma_clip_weighted_4d_iter: mismatch in shapes for 4D stack & weights")

    for i in prange(height):
        for j in range(width):
            for c in range(channels):
                pixel_values = stack[:, i, j, c]  # shape=(F,)
                if weights.ndim == 1:
                    pixel_weights = weights[:]
                else:
                    pixel_weights = weights[:, i, j, c]
                valid_mask = pixel_values != 0
                for _ in range(iterations):
                    if np.sum(valid_mask) == 0:
                        break
                    valid_vals = pixel_values[valid_mask]
                    median_val = np.median(valid_vals)
                    std_dev = np.std(valid_vals)
                    lower_bound = median_val - lower * std_dev
                    upper_bound = median_val + upper * std_dev
                    valid_mask = valid_mask & (pixel_values >= lower_bound) & (pixel_values <= upper_bound)
                for f in range(num_frames):
                    rej_mask[f, i, j, c] = not valid_mask[f]
                valid_vals = pixel_values[valid_mask]
                valid_w = pixel_weights[valid_mask]
                wsum = np.sum(valid_w)
                if wsum > 0:
                    clipped[i, j, c] = np.sum(valid_vals * valid_w) / wsum
                else:
                    nonzero = pixel_values[pixel_values != 0]
                    if nonzero.size > 0:
                        clipped[i, j, c] = np.median(nonzero)
                    else:
                        clipped[i, j, c] = 0.0
    return clipped, rej_mask


def windsorized_sigma_clip_weighted(stack, weights, lower=2.5, upper=2.5, iterations=2):
    """
    Dispatcher that calls the appropriate iterative Numba function.
    Now returns (clipped, rejection_mask).
    """
    if stack.ndim == 3:
        return windsorized_sigma_clip_weighted_3d_iter(stack, weights, lower, upper, iterations)
    elif stack.ndim == 4:
        return windsorized_sigma_clip_weighted_4d_iter(stack, weights, lower, upper, iterations)
    else:
        raise ValueError(f"windsorized_sigma_clip_weighted: stack must be 3D or 4D, got {stack.shape}")


# -------------------------------
# Kappa-Sigma Clipping (Weighted)
# -------------------------------

@njit(parallel=True, fastmath=True)
def kappa_sigma_clip_weighted_3d(stack, weights, kappa=2.5, iterations=3):
    """
    Kappa-Sigma Clipping for a 3D mono stack.
      stack.shape == (F,H,W)
    Returns a tuple: (clipped, rejection_mask)
    where rejection_mask is of shape (F,H,W) indicating per-frame rejections.
    """
    num_frames, height, width = stack.shape
    clipped = np.empty((height, width), dtype=np.float32)
    rej_mask = np.zeros((num_frames, height, width), dtype=np.bool_)
    
    for i in prange(height):
        for j in range(width):
            pixel_values = stack[:, i, j].copy()
            if weights.ndim == 1:
                pixel_weights = weights[:]
            else:
                pixel_weights = weights[:, i, j].copy()
            # Initialize tracking of indices
            current_idx = np.empty(num_frames, dtype=np.int64)
            for f in range(num_frames):
                current_idx[f] = f
            current_vals = pixel_values
            current_w = pixel_weights
            current_indices = current_idx
            med = 0.0
            for _ in range(iterations):
                if current_vals.size == 0:
                    break
                med = np.median(current_vals)
                std = np.std(current_vals)
                lower_bound = med - kappa * std
                upper_bound = med + kappa * std
                valid = (current_vals != 0) & (current_vals >= lower_bound) & (current_vals <= upper_bound)
                current_vals = current_vals[valid]
                current_w = current_w[valid]
                current_indices = current_indices[valid]
            # Mark rejected: frames not in current_indices are rejected.
            for f in range(num_frames):
                # Check if f is in current_indices
                found = False
                for k in range(current_indices.size):
                    if current_indices[k] == f:
                        found = True
                        break
                if not found:
                    rej_mask[f, i, j] = True
                else:
                    rej_mask[f, i, j] = False
            if current_w.size > 0 and current_w.sum() > 0:
                clipped[i, j] = np.sum(current_vals * current_w) / current_w.sum()
            else:
                clipped[i, j] = med
    return clipped, rej_mask


@njit(parallel=True, fastmath=True)
def kappa_sigma_clip_weighted_4d(stack, weights, kappa=2.5, iterations=3):
    """
    Kappa-Sigma Clipping for a 4D color stack.
      stack.shape == (F,H,W,C)
    Returns (clipped, rejection_mask) where rejection_mask has shape (F,H,W,C).
    """
    num_frames, height, width, channels = stack.shape
    clipped = np.empty((height, width, channels), dtype=np.float32)
    rej_mask = np.zeros((num_frames, height, width, channels), dtype=np.bool_)
    
    for i in prange(height):
        for j in range(width):
            for c in range(channels):
                pixel_values = stack[:, i, j, c].copy()
                if weights.ndim == 1:
                    pixel_weights = weights[:]
                else:
                    pixel_weights = weights[:, i, j, c].copy()
                current_idx = np.empty(num_frames, dtype=np.int64)
                for f in range(num_frames):
                    current_idx[f] = f
                current_vals = pixel_values
                current_w = pixel_weights
                current_indices = current_idx
                med = 0.0
                for _ in range(iterations):
                    if current_vals.size == 0:
                        break
                    med = np.median(current_vals)
                    std = np.std(current_vals)
                    lower_bound = med - kappa * std
                    upper_bound = med + kappa * std
                    valid = (current_vals != 0) & (current_vals >= lower_bound) & (current_vals <= upper_bound)
                    current_vals = current_vals[valid]
                    current_w = current_w[valid]
                    current_indices = current_indices[valid]
                for f in range(num_frames):
                    found = False
                    for k in range(current_indices.size):
                        if current_indices[k] == f:
                            found = True
                            break
                    if not found:
                        rej_mask[f, i, j, c] = True
                    else:
                        rej_mask[f, i, j, c] = False
                if current_w.size > 0 and current_w.sum() > 0:
                    clipped[i, j, c] = np.sum(current_vals * current_w) / current_w.sum()
                else:
                    clipped[i, j, c] = med
    return clipped, rej_mask


def kappa_sigma_clip_weighted(stack, weights, kappa=2.5, iterations=3):
    """
    Dispatcher that returns (clipped, rejection_mask) for kappa-sigma clipping.
    """
    if stack.ndim == 3:
        return kappa_sigma_clip_weighted_3d(stack, weights, kappa, iterations)
    elif stack.ndim == 4:
        return kappa_sigma_clip_weighted_4d(stack, weights, kappa, iterations)
    else:
        raise ValueError(f"kappa_sigma_clip_weighted: stack must be 3D or 4D, got {stack.shape}")

# ---- harness (not part of the program) ----
ENTRY = "run_calibrate_and_stack"


def run_calibrate_and_stack(lights_mono, lights_rgb, dark_mono, dark_rgb, flat_mono, flat_rgb,
                            bias_mono, bias_rgb, weights):
    out = []
    cal_mono = subtract_dark(lights_mono, dark_mono)
    cal_rgb = subtract_dark(lights_rgb, dark_rgb)
    out.extend([cal_mono, cal_rgb])
    flat_mono_frames = np.empty_like(cal_mono)
    for f in range(cal_mono.shape[0]):
        flat_mono_frames[f] = apply_flat_division_numba(cal_mono[f].copy(), flat_mono, bias_mono)
    flat_rgb_frames = np.empty_like(cal_rgb)
    for f in range(cal_rgb.shape[0]):
        flat_rgb_frames[f] = apply_flat_division_numba(cal_rgb[f].copy(), flat_rgb)
    out.extend([flat_mono_frames, flat_rgb_frames])
    w3 = np.broadcast_to(weights[:, None, None], flat_mono_frames.shape).astype(np.float32).copy()
    out.append(windsorized_sigma_clip_weighted(flat_mono_frames, weights))
    out.append(windsorized_sigma_clip_weighted(flat_mono_frames, w3, 2.0, 2.0, 3))
    out.append(windsorized_sigma_clip_weighted(flat_rgb_frames, weights))
    out.append(kappa_sigma_clip_weighted(flat_mono_frames, weights))
    out.append(kappa_sigma_clip_weighted(flat_rgb_frames, weights, 2.0, 2))
    return tuple(out)


def inputs():
    rng = np.random.default_rng(0)
    F, H, W = 12, 20, 24
    yy, xx = np.mgrid[0:H, 0:W]
    sky = 0.1 + 0.02 * np.exp(-((yy - 9.0) ** 2 + (xx - 13.0) ** 2) / 18.0)
    vignette = 1.0 - 0.3 * (((yy - H / 2) / H) ** 2 + ((xx - W / 2) / W) ** 2)
    dark_mono = (0.01 + 0.002 * rng.random((H, W))).astype(np.float32)
    bias_mono = np.full((H, W), 0.002, dtype=np.float32)
    flat_mono = (vignette + 0.01 * rng.random((H, W))).astype(np.float32)
    lights_mono = (sky * vignette + dark_mono + rng.normal(0.0, 0.004, (F, H, W))).astype(np.float32)
    # satellite trail and hot pixels in a few frames, dead (zero) pixels in others
    lights_mono[3, 5, :] += 0.5
    lights_mono[7, :, 11] += 0.3
    lights_mono[rng.random((F, H, W)) < 0.002] = 0.0
    lights_rgb = np.stack([lights_mono * s for s in (1.0, 0.9, 0.8)], axis=-1).astype(np.float32)
    lights_rgb[5, 10, 10, 1] = 2.0
    dark_rgb = np.stack([dark_mono] * 3, axis=-1)
    bias_rgb = np.stack([bias_mono] * 3, axis=-1)
    flat_rgb = np.stack([flat_mono * s for s in (1.0, 1.02, 0.97)], axis=-1).astype(np.float32)
    weights = (0.5 + rng.random(F)).astype(np.float32)
    return (lights_mono, lights_rgb, dark_mono, dark_rgb, flat_mono, flat_rgb,
            bias_mono, bias_rgb, weights)
