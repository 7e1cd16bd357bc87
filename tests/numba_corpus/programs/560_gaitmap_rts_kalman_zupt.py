# Source: mad-lab-fau/gaitmap gaitmap/trajectory_reconstruction/trajectory_methods/_kalman_numba_funcs.py (at commit 088ef45a), with gaitmap/utils/fast_quaternion_math.py (at commit 1d0cb242), _madgwick_update from gaitmap/trajectory_reconstruction/orientation_methods/_madgwick.py (at commit 01e4a12f) and GRAV_VEC from gaitmap/utils/consts.py (at commit 09f54028)
# Licence: MIT (gaitmap, LICENSE; Copyright (c) 2020 MaD-Lab Erlangen)
# Notes: foot-mounted IMU trajectory reconstruction for gait analysis (inertial navigation / biomechanics): an error-state Kalman filter with zero-velocity updates (ZUPTs, optionally also zero height for level walking) integrates accelerometer and gyroscope samples into position, velocity and quaternion orientation, followed by Rauch-Tung-Striebel smoothing of the error states and a correction pass that applies them (9 x 9 covariances, np.linalg.pinv of the innovation covariance, np.linalg.inv in the backward pass, Joseph-form update, quaternion product/rotation/rotation-vector helpers with np.cross, np.dot, np.append); the nominal-state motion model is either plain strapdown integration or a Madgwick AHRS gradient-descent orientation update; Numba features: @njit() functions taking another jitted function as an argument (forward_pass_func) and calling a jitted function stored in a typing.NamedTuple (dependencies.motion_update_func) with a tuple of extra parameters (empty () or (beta,)), a NamedTuple of settings read by attribute (parameters.level_walking is True), keyword arguments between jitted functions (parameters=..., dependencies=..., gyro=...), star-unpacking of returned tuples into calls (*forward_eskf_results), nested tuple returns, a read-only global array (GRAV_VEC.flags.writeable = False) as a constant, tuple unpacking of 4-element arrays (qx, qy, qz, qw = current_orientation), np.ascontiguousarray, `_` as a parameter name, enumerate over a boolean array and over rows of a 2-D array, and a plain-Python wrapper calling the jitted pipeline. Pasted: _kalman_numba_funcs.py in full (its typing imports, SimpleZuptParameter, ForwardPassDependencies, rts_kalman_update_series, cross_product_matrix, simple_navigation_equations, madgwick_motion_update, default_rts_kalman_forward_pass, _rts_kalman_backward_pass, _rts_kalman_correction_pass, _rts_kalman_update_series), fast_quaternion_math.py in full, _madgwick_update, and the GRAV_VEC lines of consts.py, in place of the gaitmap imports; left out: the MadgwickAHRS class, the magnetometer variant and the series helpers of _madgwick.py, and the pandas/scipy RtsKalman class whose noise matrices and NamedTuples the harness builds the same way; the harness simulates 2 s of a foot at 100 Hz (stance phases with small noise, swing phases with a forward acceleration pulse and a pitch rotation), marks stance samples as ZUPTs, and runs the filter with the default strapdown model (level walking) and with the Madgwick model (beta = 0.1, no level walking)
from typing import Any, Callable, NamedTuple

import numpy as np
from numba import njit

GRAV_VEC = np.array([0.0, 0.0, 9.81])
GRAV_VEC.flags.writeable = False


@njit()
def rate_of_change_from_gyro(gyro: np.ndarray, current_orientation: np.ndarray) -> np.ndarray:
    """Rate of change of quaternion from gyroscope."""
    qx, qy, qz, qw = current_orientation
    qdot = np.empty(4)
    qdot[0] = qw * gyro[0] + qy * gyro[2] - qz * gyro[1]
    qdot[1] = qw * gyro[1] - qx * gyro[2] + qz * gyro[0]
    qdot[2] = qw * gyro[2] + qx * gyro[1] - qy * gyro[0]
    qdot[3] = -qx * gyro[0] - qy * gyro[1] - qz * gyro[2]

    return 0.5 * qdot


@njit()
def multiply(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Multiply two quaternions."""
    r = np.empty(4)
    r[3] = a[3] * b[3] - np.dot(a[:3], b[:3])
    r[:3] = a[3] * b[:3] + b[3] * a[:3] + np.cross(a[:3], b[:3])
    return r


@njit()
def rotate_vector(q: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Rotate a vector by a quaternion.

    Formula from chapter 3 of http://graphics.stanford.edu/courses/cs348a-17-winter/Papers/quaternion.pdf
    """
    w = q[3]
    u = q[:3]
    return 2.0 * (np.dot(u, v) * u + w * np.cross(u, v)) + (w ** 2 - np.dot(u, u)) * v


@njit()
def quat_from_rotvec(sigma: np.ndarray) -> np.ndarray:
    """Construct a quaternion from a rotation vector."""
    a_c = np.cos(np.linalg.norm(sigma) / 2)
    a_s = np.sin(np.linalg.norm(sigma) / 2) / np.linalg.norm(sigma)
    return np.append(a_s * sigma, a_c)


@njit()
def _madgwick_update(gyro, acc, initial_orientation, sampling_rate_hz, beta):
    q = np.copy(initial_orientation)
    qdot = rate_of_change_from_gyro(gyro, q)

    # Note that we change the order of q components here as we use a different quaternion definition.
    q1, q2, q3, q0 = q

    if beta > 0.0 and not np.all(acc == 0.0):
        acc = acc / np.sqrt(np.sum(acc**2))
        ax, ay, az = acc

        # Auxiliary variables to avoid repeated arithmetic
        _2q0 = 2.0 * q0
        _2q1 = 2.0 * q1
        _2q2 = 2.0 * q2
        _2q3 = 2.0 * q3
        _4q0 = 4.0 * q0
        _4q1 = 4.0 * q1
        _4q2 = 4.0 * q2
        _8q1 = 8.0 * q1
        _8q2 = 8.0 * q2
        q0q0 = q0 * q0
        q1q1 = q1 * q1
        q2q2 = q2 * q2
        q3q3 = q3 * q3

        # Gradient decent algorithm corrective step
        s0 = _4q0 * q2q2 + _2q2 * ax + _4q0 * q1q1 - _2q1 * ay
        s1 = _4q1 * q3q3 - _2q3 * ax + 4.0 * q0q0 * q1 - _2q0 * ay - _4q1 + _8q1 * q1q1 + _8q1 * q2q2 + _4q1 * az
        s2 = 4.0 * q0q0 * q2 + _2q0 * ax + _4q2 * q3q3 - _2q3 * ay - _4q2 + _8q2 * q1q1 + _8q2 * q2q2 + _4q2 * az
        s3 = 4.0 * q1q1 * q3 - _2q1 * ax + 4.0 * q2q2 * q3 - _2q2 * ay

        # Switch the component order back
        s = np.array([s1, s2, s3, s0])
        norm_s = np.sqrt(np.sum(s**2))
        if norm_s != 0.0:
            s /= norm_s

        # Apply feedback step
        qdot -= beta * s

    # Integrate rate of change of quaternion to yield quaternion
    q = q + qdot / sampling_rate_hz
    q /= np.sqrt(np.sum(q**2))

    return q


class SimpleZuptParameter(NamedTuple):
    """Parameter for a simple Zupt aided RtsKalman filter."""

    level_walking: bool


class ForwardPassDependencies(NamedTuple):
    """Required dependency functions for the forward pass."""

    motion_update_func: Callable
    # This needs to be a tuple and not a dict, as numba can not process dicts
    motion_update_func_parameters: tuple


def rts_kalman_update_series(
    acc,
    gyro,
    initial_orientation,
    sampling_rate_hz,
    meas_noise,
    process_noise,
    zupts,
    parameters: tuple[Any, ...],
    forward_pass_func: Callable,
    forward_pass_dependencies: ForwardPassDependencies,
):
    """Perform a forward and backwards kalman pass with smoothing over the entire series."""
    return _rts_kalman_update_series(
        acc,
        gyro,
        initial_orientation,
        sampling_rate_hz,
        meas_noise,
        process_noise,
        zupts,
        parameters=parameters,
        forward_pass_func=forward_pass_func,
        forward_pass_dependencies=forward_pass_dependencies,
    )


@njit()
def cross_product_matrix(vec):
    """Get the matrix representation of a cross product with a vector."""
    return np.array([[0.0, -vec[2], vec[1]], [vec[2], 0.0, -vec[0]], [-vec[1], vec[0], 0.0]])


@njit()
def simple_navigation_equations(acc, gyro, orientation, position, velocity, sampling_rate_hz, _):
    """Calculate the next state using simple navigation equations."""
    sigma = gyro / sampling_rate_hz
    r = quat_from_rotvec(sigma)
    new_orientation = multiply(orientation, r)

    rotated_acc = rotate_vector(new_orientation, acc)
    new_position = position + velocity / sampling_rate_hz + 0.5 * (rotated_acc - GRAV_VEC) / sampling_rate_hz**2
    new_velocity = velocity + (rotated_acc - GRAV_VEC) / sampling_rate_hz
    return new_position, new_velocity, new_orientation


@njit()
def madgwick_motion_update(acc, gyro, orientation, position, velocity, sampling_rate_hz, paras):
    """Calculate the next state using the Madgwick filter for orientation estimation."""
    beta = paras[0]
    new_orientation = _madgwick_update(gyro, acc, orientation, sampling_rate_hz, beta)

    rotated_acc = rotate_vector(new_orientation, acc)
    new_position = position + velocity / sampling_rate_hz + 0.5 * (rotated_acc - GRAV_VEC) / sampling_rate_hz**2
    new_velocity = velocity + (rotated_acc - GRAV_VEC) / sampling_rate_hz
    return new_position, new_velocity, new_orientation


@njit()
def default_rts_kalman_forward_pass(  # pylint: disable=too-many-statements  # noqa: PLR0915
    accel,
    gyro,
    initial_orientation,
    sampling_rate_hz,
    meas_noise,
    process_noise,
    zupts,
    parameters: SimpleZuptParameter,
    dependencies: ForwardPassDependencies,
):
    """Run the forward pass of an RTSKalman filter.

    The forward pass function that is used for the default RTSKalman filter.

    Notes
    -----
    These equations are based on the following papers:
    [1]_ describes the overall structure of the open loop filter.
    However, they do not consider the level walking case.
    We expand the proposed algorithm (Algorithm 1 Pseudo Code) by using also a corrective measurement of the position
    p and not just the velocity v.
    Further, we use the "fully" open loop variant of the algorithm that is explained in the text.
    Hence, we first calculate the full forward pass (until the end of the recording) and then apply smoothing,
    instead of breaking the loop at every ZUPT.
    The main reason for that is just simplicity of implementation as we do not have any live requirement.
    [2]_ gives more details about the individual equations (in the closed looped form).
    From [2]_ we implement the state equations in the global coordinate system (chapter 7).

    .. [1] D. Simón Colomar, J. Nilsson and P. Händel, "Smoothing for ZUPT-aided INSs,"
    .. [2] Solà, Joan. (2015). Quaternion kinematics for the error-state KF


    """
    prior_covariances = np.empty((accel.shape[0] + 1, 9, 9))
    posterior_covariances = np.empty((accel.shape[0] + 1, 9, 9))
    prior_error_states = np.empty((accel.shape[0] + 1, 9))
    posterior_error_states = np.empty((accel.shape[0] + 1, 9))
    positions = np.empty((accel.shape[0] + 1, 3))
    velocities = np.empty((accel.shape[0] + 1, 3))
    orientations = np.empty((accel.shape[0] + 1, 4))
    state_transitions = np.empty((accel.shape[0], 9, 9))

    # initialize states
    initial_covariance = np.copy(process_noise)
    positions[0, :] = np.zeros(3)
    velocities[0, :] = np.zeros(3)
    orientations[0, :] = np.copy(initial_orientation)
    prior_error_states[0, :] = np.zeros(9)
    posterior_error_states[0, :] = np.zeros(9)
    prior_covariances[0, :, :] = initial_covariance
    posterior_covariances[0, :, :] = initial_covariance
    transition_matrix = np.eye(9)
    transition_matrix[:3, 3:6] = np.eye(3) / sampling_rate_hz

    # During zupt we measure 4 values:
    # 1-3: v_{x,y,z} = 0
    # 4 : p_z = 0
    #
    # All values are directly part of the stater space.
    # This means we have a trivial measurement function h and jacobian H
    zupt_measurement = np.zeros(4)
    # meas_jacob dh/d(\delta x) maps from measurement space into the error space
    # Because we directly observe the values from our error vector without any conversion, it just consists of 1 in the
    # right places.
    meas_jacob = np.zeros((4, 9))
    # The meas_func is used to mask only the correction values we want to have.
    meas_func = np.zeros(4)
    # Zero Velocity update
    meas_func[0:3] = 1
    meas_jacob[0:3, 3:6] = np.eye(3)
    if parameters.level_walking is True:
        # Zero elevation update
        meas_jacob[3, 2] = 1
        meas_func[3] = 1

    for i, zupt in enumerate(zupts):
        acc = np.ascontiguousarray(accel[i])
        omega = np.ascontiguousarray(gyro[i])

        # calculate the new nominal position, velocity and orientation by integrating the acc and gyro measurement
        position, velocity, orientation = dependencies.motion_update_func(
            acc,
            omega,
            orientations[i],
            positions[i],
            velocities[i],
            sampling_rate_hz,
            dependencies.motion_update_func_parameters,
        )
        positions[i + 1, :] = position
        velocities[i + 1, :] = velocity
        orientations[i + 1, :] = orientation

        # predict the new error state, based on the old error state and the new nominal orientation
        rotated_acc = rotate_vector(orientation, acc)
        transition_matrix[3:6, 6:] = -cross_product_matrix(rotated_acc) / sampling_rate_hz
        state_transitions[i, :, :] = transition_matrix

        prior_error_states[i + 1, :] = transition_matrix @ posterior_error_states[i]
        prior_covariances[i + 1, :, :] = (
            transition_matrix @ posterior_covariances[i] @ transition_matrix.T + process_noise
        )

        # correct the error state if the current sample is marked as a zupt, this is the update step
        # Note, that the error state is not used to correct the nominal state at this point.
        # We are just correcting the error state.
        # Fusing with the nominal state is performed in the correction step of the smoothing.
        # We try to annotate each equation with the respective symbols Algorithm 1 from paper _[1].
        if zupt:
            meas_space_error = meas_jacob @ prior_error_states[i + 1]

            # Our zupt_measurement is directly the error and not really the measurement.
            # We assume that velocity an z-position (in level walking case) are all 0.
            # This means every value that is still measured/estimated must be an error.
            #
            # velocity error
            zupt_measurement[0:3] = velocity  # \hat{v}_n
            if parameters.level_walking:
                # z-position error
                zupt_measurement[3] = position[2]  # not in paper but would be \hat{p_z}_n

            # Instead of using the calculated error, we calculate how much the error has increased since the last time
            # step.
            # This value is than used to calculate the change in covariance.
            # This is needed, because we do not apply the innovation to the actual state as we would do in a regular
            # kalman filter.
            # The error is just summed up and only applied to the state in the final smoothing pass.
            #
            # We use "naive" measurement function here as we directly observe the error.
            # But this would be equivalent h(x_t) from eq. 271 in paper _[1].
            innovation = meas_func.copy()
            # innovation = \delta\hat{x}_{n|n-1} - h(\hat{x}_n)
            # (_[1] only uses \hat{v}_n and we use the meas. func h from _[2])
            innovation *= zupt_measurement - meas_space_error
            # innovation_cov = HP_{n|n-1}H^T + R
            innovation_cov = meas_jacob @ prior_covariances[i + 1] @ meas_jacob.T + meas_noise
            # K_n = P_{n|n-1}H^T(HP_{n|n-1}H^T + R)^{-1} = P_{n|n-1}H^T(innovation_cov)^{-1}
            # Note that we use the Moore-Penrose Pseudo inverse instead of the "real" inverse to avoid issues with
            # rounding errors that lead to matrizes that are not well defined.
            # The pseudo inverse might still have issues, as it might happen that the internal SVD will not converge.
            # So far we couldn't see any obvious errors on the data we tested on.
            gain = prior_covariances[i + 1] @ meas_jacob.T @ np.linalg.pinv(innovation_cov)
            # posterior_error_state = \delta\hat{x}_{n|n}
            #                       = \delta\hat{x}_{n|n-1} - K_n(\delta\hat{x}_{n|n-1} - h(\hat{x}_n)
            #                       = \delta\hat{x}_{n|n-1} - K_n(innovation)
            posterior_error_states[i + 1, :] = prior_error_states[i + 1] + gain @ innovation
            # To calculate the posterior_covariance P_{n|n-1} we do not use the equation from _[1], but use the
            # positive and symmetric Joseph from to avoid numerical instability (see footnote 26 in _[2] page 61).
            #
            # factor = I - K_nH
            factor = np.eye(initial_covariance.shape[0]) - gain @ meas_jacob
            # covariance_adj = (I - K_nH)P_{n|n-1}(I - K_nH)^T = (factor)P_{n|n-1}(factor)^T
            covariance_adj = factor @ prior_covariances[i + 1] @ factor.T
            # posterior_covariance = P_{n|n} = (I - K_nH)P_{n|n-1}(I - K_nH)^T + K_nRK_n^T
            # (Note that we use R for the measurement noise as in _[1] instead of V as in _[2])
            posterior_covariances[i + 1, :, :] = covariance_adj + gain @ meas_noise @ gain.T
        else:
            posterior_error_states[i + 1, :] = prior_error_states[i + 1]
            posterior_covariances[i + 1, :, :] = prior_covariances[i + 1]

    return (
        (prior_covariances, posterior_covariances, prior_error_states, posterior_error_states, state_transitions),
        (positions, velocities, orientations),
    )


@njit()
def _rts_kalman_backward_pass(
    prior_covariances, posterior_covariances, prior_error_states, posterior_error_states, state_transitions
):
    corrected_error_states = np.empty_like(prior_error_states)
    corrected_covariances = np.empty_like(prior_covariances)
    corrected_error_states[-1, :] = posterior_error_states[-1]
    corrected_covariances[-1, :, :] = posterior_covariances[-1]

    for i in range(len(prior_error_states) - 2, -1, -1):
        transition_matrix = state_transitions[i]
        gain = posterior_covariances[i] @ transition_matrix.T @ np.linalg.inv(prior_covariances[i + 1])
        corrected_error_states[i, :] = posterior_error_states[i] + gain @ (
            corrected_error_states[i + 1] - prior_error_states[i + 1]
        )
        corrected_covariances[i, :, :] = (
            posterior_covariances[i] + gain @ (corrected_covariances[i + 1] - prior_covariances[i + 1]) @ gain.T
        )

    return corrected_error_states, corrected_covariances


@njit()
def _rts_kalman_correction_pass(positions, velocities, orientations, corrected_error_states):
    for i, state in enumerate(corrected_error_states):
        positions[i] -= state[:3]
        velocities[i] -= state[3:6]

        rot_correction = quat_from_rotvec(state[6:])
        orientations[i] = multiply(rot_correction, orientations[i])
    return positions, velocities, orientations


@njit()
def _rts_kalman_update_series(
    acc,
    gyro,
    initial_orientation,
    sampling_rate_hz,
    meas_noise,
    process_noise,
    zupts,
    parameters: tuple[Any, ...],
    forward_pass_func: Callable,
    forward_pass_dependencies: ForwardPassDependencies,
):
    forward_eskf_results, forward_nominal_states = forward_pass_func(
        acc,
        gyro,
        initial_orientation,
        sampling_rate_hz,
        meas_noise,
        process_noise,
        zupts,
        parameters=parameters,
        dependencies=forward_pass_dependencies,
    )
    corrected_error_states, corrected_covariances = _rts_kalman_backward_pass(*forward_eskf_results)

    corrected_states = _rts_kalman_correction_pass(*forward_nominal_states, corrected_error_states)
    return corrected_states, corrected_covariances
# ---- harness (not part of the program) ----
ENTRY = "run_kalman"


def _noise(level_walking, fs):
    # as RtsKalman.estimate builds them (default variances)
    process_noise = np.zeros((9, 9))
    process_noise[3:6, 3:6] = 10e5 * np.eye(3)
    process_noise[6:, 6:] = 10e-2 * np.eye(3)
    meas_noise = np.zeros((4, 4))
    meas_noise[0:3, 0:3] = np.eye(3) * 10e-8
    if level_walking is True:
        meas_noise[3, 3] = 10e-8
    return meas_noise, process_noise


def run_kalman(acc, gyro, zupts, fs):
    q0 = np.array([0, 0, 0, 1.0])
    meas_noise, process_noise = _noise(True, fs)
    states1, cov1 = rts_kalman_update_series(
        acc, gyro, q0, fs, meas_noise, process_noise, zupts,
        parameters=SimpleZuptParameter(level_walking=True),
        forward_pass_func=default_rts_kalman_forward_pass,
        forward_pass_dependencies=ForwardPassDependencies(
            motion_update_func=simple_navigation_equations, motion_update_func_parameters=()))
    meas_noise, process_noise = _noise(False, fs)
    states2, cov2 = rts_kalman_update_series(
        acc, gyro, q0, fs, meas_noise, process_noise, zupts,
        parameters=SimpleZuptParameter(level_walking=False),
        forward_pass_func=default_rts_kalman_forward_pass,
        forward_pass_dependencies=ForwardPassDependencies(
            motion_update_func=madgwick_motion_update, motion_update_func_parameters=(0.1,)))
    return states1, cov1[::10], states2, cov2[::10]


def inputs():
    rng = np.random.default_rng(0)
    fs = 100.0
    n = 200
    t = np.arange(n) / fs
    phase = (t % 1.0)
    swing = (phase > 0.4) & (phase < 0.8)
    s = np.where(swing, np.sin(np.pi * (phase - 0.4) / 0.4), 0.0)
    acc = np.zeros((n, 3))
    acc[:, 0] = 6.0 * np.where(swing, np.sin(2 * np.pi * (phase - 0.4) / 0.4), 0.0)
    acc[:, 2] = 9.81 + 2.0 * s
    acc += 0.05 * rng.standard_normal((n, 3))
    gyro = np.zeros((n, 3))
    gyro[:, 1] = 4.0 * np.where(swing, np.sin(2 * np.pi * (phase - 0.4) / 0.4), 0.0)
    gyro += 0.01 * rng.standard_normal((n, 3))
    zupts = ~swing
    return (acc, gyro, zupts, fs)
