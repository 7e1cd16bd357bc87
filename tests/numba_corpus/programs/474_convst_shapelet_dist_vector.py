# Source: baraline/convst convst/transformers/_commons.py (at commit 06661a05)
# Licence: BSD-2-Clause (convst, LICENSE; Copyright (c) 2021, Antoine Guillaume)
# Notes: the dilated-shapelet distance kernels of the Random Dilated Shapelet Transform (RDST) for time-series classification: euclidean, squared_euclidean and manhattan (@njit(fastmath=True, cache=True)) accumulate in a prange loop from an int 0 that becomes a float; _generate_strides_1D and _generate_strides_1D_phase build the dilated subsequence matrix with nested prange loops (the phase version wraps indices with %); compute_shapelet_dist_vector dispatches on the normalize / use_phase booleans with an if/elif chain ending in raise ValueError, passing the distance function through as a jitted-function argument; the _compute_shapelet_dist_vector* variants z-normalise each stride (c[i] - c[i].mean())/(c[i].std()+1e-8) before calling dist_func; apply_one_shapelet_one_sample_univariate scans the strides for the minimum distance, its argmin and the count under a threshold, returning a tuple built with numpy's float_; get_subsequence / _get_subsequence(_phase) extract a (normalized) dilated subsequence. Names such as zeros, sqrt and float_ are imported from numpy directly (`from numpy import float_, sqrt, zeros, ...`). Pasted: the module's imports and the functions named above, unchanged (the 2-D stride generators and the multivariate feature function left out); the harness draws shapelets from a set of 6 noisy sine/square series of length 150 as RDST does (length 9, dilations 1, 2 and 4, z-normalised shapelets when normalize, threshold taken as a low percentile of the distance vector) and extracts the (min, argmin, match count) features for every combination of normalize, use_phase and the three distance functions
from numba import njit, prange
from numpy import float_, sqrt, zeros, unique, bool_, where, int64, log, array
from numpy.random import rand
###############################################################################
#                                                                             #
#                         DISTANCE FUNCTIONS                                  #
#                                                                             #
###############################################################################

@njit(
  fastmath=True, cache=True
)
def euclidean(x, y):
    s = 0
    for i in prange(x.shape[0]):
        s += (x[i]-y[i])**2
    return sqrt(s)

@njit(
  fastmath=True, cache=True
)
def squared_euclidean(x, y):
    s = 0
    for i in prange(x.shape[0]):
        s += (x[i]-y[i])**2
    return s

@njit(
  fastmath=True, cache=True
)
def manhattan(x, y):
    s = 0
    for i in prange(x.shape[0]):
        s += abs(x[i]-y[i])
    return s

###############################################################################
#                                                                             #
#                    SUBSEQUENCE EXTRACTION FUNCTIONS                         #
#                                                                             #
###############################################################################

@njit(
  cache=True
)
def _generate_strides_1D(X, window_size, dilation):
    """
    Generate strides from the input univariate time series with specified 
    length and dilation parameters.

    Parameters
    ----------
    X : array, shape = (n_timestamps)
        An univariate time series, in a 1 dimensional view.
    window_size : int
        Length of the strides to generate.
    dilation : int
        Dilation parameter to apply when generating the strides.

    Returns
    -------
    array, shape = (n_timestamps-(window_size-1)*dilation, window_size)
        All possible subsequences of length stride_len for each time series.

    """
    n_timestamps = X.shape[0] - (window_size - 1) * dilation
    X_new = zeros((n_timestamps, window_size))
    for i in prange(n_timestamps):
        for j in prange(window_size):
            X_new[i,j] = X[i+(j*dilation)]
    return X_new


@njit(
  cache=True
)
def _generate_strides_1D_phase(X, window_size, dilation):
    """
    Generate strides from the input univariate time series with specified 
    length and dilation parameters. It uses phase invariance.

    Parameters
    ----------
    X : array, shape = (n_timestamps)
        An univariate time series, in a 1 dimensional view.
    window_size : int
        Length of the strides to generate.
    dilation : int
        Dilation parameter to apply when generating the strides.

    Returns
    -------
    array, shape = (n_timestamps, window_size)
        All possible subsequences of length stride_len for each time series.
    """
    n_timestamps = X.shape[0]
    X_new = zeros((n_timestamps,window_size))
    for i in prange(n_timestamps):
        for j in prange(window_size):
            X_new[i,j] = X[(i+(j*dilation))%n_timestamps]
    return X_new


@njit(cache=True)
def get_subsequence(X, index, length, d, normalize, use_phase):
    if use_phase:
        return _get_subsequence_phase(
            X, index, length, d, normalize
        )
    else:
        return _get_subsequence(
            X, index, length, d, normalize
        )


@njit(cache=True, fastmath=True)
def _get_subsequence(X, i_start, length, d, normalize):
    """
    Given a set of length and dilation, fetch a subsequence from an input 
    time series given a starting index.

    Parameters
    ----------
    X : array, shape=(n_timestamps)
        Input time series.
    i_start : int
        A starting index between [0, n_timestamps - (l-1)*d]
    l : int
        Length parameter.
    d : int
        Dilation parameter.
    normalize : bool
        Boolean indicating wheter or not the distance will be z-normalized

    Returns
    -------
    v : array, shape=(length)
        The resulting subsequence.

    """
    v = zeros(length)
    _idx = i_start
    
    for j in prange(length):
        v[j] = X[_idx]
        _idx = _idx + d
    
    if normalize:
        v = (v - v.mean())/(v.std()+1e-8)
    return v

@njit(cache=True, fastmath=True)
def _get_subsequence_phase(X, i_start, length, d, normalize):
    """
    Given a set of length and dilation, fetch a subsequence from an input 
    time series given a starting index. It uses phase invariance.

    Parameters
    ----------
    X : array, shape=(n_timestamps)
        Input time series.
    i_start : int
        A starting index between [0, n_timestamps - (l-1)*d]
    l : int
        Length parameter.
    d : int
        Dilation parameter.
    normalize : bool
        Boolean indicating wheter or not the distance will be z-normalized


    Returns
    -------
    v : array, shape=(length)
        The resulting subsequence.

    """
    n_ts = X.shape[0]
    v = zeros(length)
    _idx = i_start
    
    for j in prange(length):
        v[j] = X[_idx]
        _idx = (_idx+d)%n_ts
    
    if normalize:
        v = (v - v.mean())/(v.std()+1e-8)
    return v

###############################################################################
#                                                                             #
#                       DISTANCE VECTOR COMPUTATION                           #
#                                                                             #
###############################################################################

@njit(cache=True)
def compute_shapelet_dist_vector(
    x, values, length, dilation, dist_func, normalize, use_phase
):
    if normalize and use_phase:
        return _compute_shapelet_dist_vector_norm_phase(
            x, values, length, dilation, dist_func
        )
    elif normalize and not use_phase:
        return _compute_shapelet_dist_vector_norm(
            x, values, length, dilation, dist_func
        )
    elif not normalize and use_phase:
        return _compute_shapelet_dist_vector_phase(
            x, values, length, dilation, dist_func
        )
    elif not normalize and not use_phase:
        return _compute_shapelet_dist_vector(
            x, values, length, dilation, dist_func
        )
    else:
        raise ValueError('Wrong parameter for normalize or phase')

@njit(fastmath=True, cache=True)
def _compute_shapelet_dist_vector(x, values, length, dilation, dist_func):
    """
    Compute a shapelet distance vector from an univariate time series 
    and a dilated shapelet. Shapelet should be already normalized if normalizing
    the distance

    Parameters
    ----------
    x : array, shape=(n_timestamps)
        An input time series
    values : array, shape=(length)
        The value array of the shapelet
    length : int
        Length of the shapelet
    dilation : int
        Dilation of the shapelet
    normalize : float
        Boolean converted as float (to avoid if statement) indicating
        wheter or not the distance will be z-normalized

    Returns
    -------
    x_conv : array, shape=(n_timestamps - (length-1) * dilation)
        The resulting distance vector

    """
    c = _generate_strides_1D(x, length, dilation)
    x_conv = zeros(c.shape[0])
    for i in prange(x_conv.shape[0]):
        x_conv[i] = dist_func(c[i], values)
    return x_conv

@njit(fastmath=True, cache=True)
def _compute_shapelet_dist_vector_norm(x, values, length, dilation, dist_func):
    """
    Compute a shapelet distance vector from an univariate time series 
    and a dilated shapelet. Shapelet should be already normalized if normalizing
    the distance.

    Parameters
    ----------
    x : array, shape=(n_timestamps)
        An input time series
    values : array, shape=(max_shapelet_length)
        The value array of the shapelet
    length : int
        Length of the shapelet
    dilation : int
        Dilation of the shapelet
    normalize : float
        Boolean converted as float (to avoid if statement) indicating
        wheter or not the distance will be z-normalized

    Returns
    -------
    x_conv : array, shape=(n_timestamps - (length-1) * dilation)
        The resulting distance vector

    """
    c = _generate_strides_1D(x, length, dilation)
    x_conv = zeros(c.shape[0])
    for i in prange(x_conv.shape[0]):
        x0 = (c[i] - c[i].mean())/(c[i].std()+1e-8)
        x_conv[i] = dist_func(x0, values)
    return x_conv

@njit(fastmath=True, cache=True)
def _compute_shapelet_dist_vector_phase(x, values, length, dilation, dist_func):
    """
    Compute a shapelet distance vector from an univariate time series 
    and a dilated shapelet. Shapelet should be already normalized if normalizing
    the distance. It uses phase invariance.

    Parameters
    ----------
    x : array, shape=(n_timestamps)
        An input time series
    values : array, shape=(length)
        The value array of the shapelet
    length : int
        Length of the shapelet
    dilation : int
        Dilation of the shapelet
    normalize : float
        Boolean converted as float (to avoid if statement) indicating
        wheter or not the distance will be z-normalized

    Returns
    -------
    x_conv : array, shape=(n_timestamps)
        The resulting distance vector

    """
    c = _generate_strides_1D_phase(x, length, dilation)
    x_conv = zeros(c.shape[0])
    for i in prange(x_conv.shape[0]):
        x_conv[i] = dist_func(c[i], values)
    return x_conv

@njit(fastmath=True, cache=True)
def _compute_shapelet_dist_vector_norm_phase(x, values, length, dilation, dist_func):
    """
    Compute a shapelet distance vector from an univariate time series 
    and a dilated shapelet. Shapelet should be already normalized if normalizing
    the distance. It uses phase invariance.

    Parameters
    ----------
    x : array, shape=(n_timestamps)
        An input time series
    values : array, shape=(max_shapelet_length)
        The value array of the shapelet
    length : int
        Length of the shapelet
    dilation : int
        Dilation of the shapelet
    normalize : float
        Boolean converted as float (to avoid if statement) indicating
        wheter or not the distance will be z-normalized

    Returns
    -------
    x_conv : array, shape=(n_timestamps)
        The resulting distance vector

    """
    c = _generate_strides_1D_phase(x, length, dilation)
    x_conv = zeros(c.shape[0])
    for i in prange(x_conv.shape[0]):
        x0 = (c[i] - c[i].mean())/(c[i].std()+1e-8)
        x_conv[i] = dist_func(x0, values)
    return x_conv


@njit(fastmath=True, cache=True)
def apply_one_shapelet_one_sample_univariate(x, values, threshold, dist_func):
    """
    Extract the three features from the distance between a shapelet and the 
    strides of an input time series generated by the length and dilation 
    parameter of the shapelet. If normalization should be used, all strides
    of should be z-normalized independently.

    Parameters
    ----------
    x : array, shape=(n_timestamps - (length-1)*dilation, length)
        Strides of an input time series
    values : array, shape=(max(shapelet_sizes))
        Values of the shapelet
    threshold : float
        The threshold to compute the shapelet occurence feature.
    
    Returns
    -------
    _min : float
        The minimum euclidean distance between the shapelet and the input time
        series
    float
        The location of the minimum euclidean distance divided by the length 
        of the distance vector (i.e scaled between [0,1]).        
    float
        The number of points in the distance vector inferior to the threshold 
        divided by the length of the distance vector (i.e scaled between [0,1])

    """
    n_candidates, length = x.shape

    _n_match = 0
    _min = 1e+100
    _argmin = 0

    #For each step of the moving window in the shapelet distance
    for i in range(n_candidates):
        _dist = dist_func(x[i], values)

        if _dist < _min:
            _min = _dist
            _argmin = i

        if _dist <= threshold:
            _n_match += 1
            
    return _min, float_(_argmin), float_(_n_match)
# ---- harness (not part of the program) ----
ENTRY = "run_rdst"


def run_rdst(X, starts):
    import numpy as np
    length = 9
    feats = []
    vectors = []
    for dist_func in (euclidean, squared_euclidean, manhattan):
        for normalize in (False, True):
            for use_phase in (False, True):
                for k, dilation in enumerate((1, 2, 4)):
                    src = X[k % X.shape[0]]
                    values = get_subsequence(src, int(starts[k]), length, dilation,
                                             normalize, use_phase)
                    dv = compute_shapelet_dist_vector(X[(k + 1) % X.shape[0]], values, length,
                                                      dilation, dist_func, normalize, use_phase)
                    vectors.append(dv)
                    threshold = np.percentile(dv, 10)
                    for x in X:
                        if use_phase:
                            strides = _generate_strides_1D_phase(x, length, dilation)
                        else:
                            strides = _generate_strides_1D(x, length, dilation)
                        if normalize:
                            strides = (strides - strides.mean(axis=1, keepdims=True)) / (
                                strides.std(axis=1, keepdims=True) + 1e-8)
                        feats.append(apply_one_shapelet_one_sample_univariate(
                            strides, values, threshold, dist_func))
    return np.array(feats), vectors


def inputs():
    import numpy as np
    rng = np.random.default_rng(0)
    t = np.linspace(0.0, 6.0 * np.pi, 150)
    X = np.empty((6, 150))
    for i in range(6):
        if i % 2 == 0:
            X[i] = np.sin(t * (1.0 + 0.1 * i)) + 0.2 * rng.standard_normal(150)
        else:
            X[i] = np.sign(np.sin(t * (1.0 + 0.1 * i))) + 0.2 * rng.standard_normal(150)
    starts = rng.integers(0, 150 - 8 * 4, 3)
    return (X, starts)
