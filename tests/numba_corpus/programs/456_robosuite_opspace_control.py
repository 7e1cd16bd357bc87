# Source: ARISE-Initiative/robosuite robosuite/utils/control_utils.py (the jitted version of the v1.4/v1.5 line, with np.linalg.pinv; commit not recorded) and robosuite/utils/numba.py (at commit 5d02c942)
# Licence: MIT (robosuite, LICENSE: Copyright (c) 2022 Stanford Vision and Learning Lab and UT Robot Perception and Learning Lab)
# Notes: the linear algebra of robosuite's operational-space (OSC) controller for a robot arm (robotics): opspace_matrices inverts the joint-space mass matrix (np.linalg.inv), forms the task-space inertia matrices J M^-1 J^T for the full, position and orientation Jacobians and pseudo-inverts them (np.linalg.pinv), then builds the dynamically consistent nullspace projector I - Jbar J (np.eye with two shape arguments, chained .dot calls) and returns a 4-tuple; orientation_error takes the columns of two rotation matrices and sums np.cross products; nullspace_torques (a default argument joint_kp=10, np.sqrt of it) maps PD joint torques through the transposed nullspace matrix. All three are decorated with robosuite's jit_decorator, which returns numba.jit(nopython=True, cache=CACHE_NUMBA)(func) when ENABLE_NUMBA is set. Pasted: numba.py as it was at commit 5d02c942 (with ENABLE_NUMBA = True and CACHE_NUMBA = True in the module; later versions read the same two flags from robosuite.macros) in place of `from robosuite.utils.numba import jit_decorator`, and control_utils.py's numpy import and its three jitted functions; left out: `import robosuite.utils.transform_utils as trans` and the plain-Python set_goal_position and set_goal_orientation that use it; the harness does one OSC step as the controller's run_controller does (opspace_matrices on a 7-DOF arm's mass matrix and 6x7 Jacobian split into position and orientation rows, orientation_error between goal and current end-effector rotations, nullspace_torques towards the initial joint configuration)
import numpy as np

# robosuite/utils/numba.py
"""
Numba utils.
"""
import numba

ENABLE_NUMBA = True
CACHE_NUMBA = True

def jit_decorator(func):
    if ENABLE_NUMBA:
        return numba.jit(nopython=True, cache=CACHE_NUMBA)(func)
    return func


# robosuite/utils/control_utils.py
@jit_decorator
def nullspace_torques(
    mass_matrix, nullspace_matrix, initial_joint, joint_pos, joint_vel, joint_kp=10
):
    """
    For a robot with redundant DOF(s), a nullspace exists which is orthogonal to the remainder of the controllable
    subspace of the robot's joints. Therefore, an additional secondary objective that does not impact the original
    controller objective may attempt to be maintained using these nullspace torques.

    This utility function specifically calculates nullspace torques that attempt to maintain a given robot joint
    positions @initial_joint with zero velocity using proportinal gain @joint_kp

    :Note: @mass_matrix, @nullspace_matrix, @joint_pos, and @joint_vel should reflect the robot's state at the current
    timestep

    Args:
        mass_matrix (np.array): 2d array representing the mass matrix of the robot
        nullspace_matrix (np.array): 2d array representing the nullspace matrix of the robot
        initial_joint (np.array): Joint configuration to be used for calculating nullspace torques
        joint_pos (np.array): Current joint positions
        joint_vel (np.array): Current joint velocities
        joint_kp (float): Proportional control gain when calculating nullspace torques

    Returns:
          np.array: nullspace torques
    """

    # kv calculated below corresponds to critical damping
    joint_kv = np.sqrt(joint_kp) * 2

    # calculate desired torques based on gains and error
    pose_torques = np.dot(
        mass_matrix, (joint_kp * (initial_joint - joint_pos) - joint_kv * joint_vel)
    )

    # map desired torques to null subspace within joint torque actuator space
    nullspace_torques = np.dot(nullspace_matrix.transpose(), pose_torques)
    return nullspace_torques


@jit_decorator
def opspace_matrices(mass_matrix, J_full, J_pos, J_ori):
    """
    Calculates the relevant matrices used in the operational space control algorithm

    Args:
        mass_matrix (np.array): 2d array representing the mass matrix of the robot
        J_full (np.array): 2d array representing the full Jacobian matrix of the robot
        J_pos (np.array): 2d array representing the position components of the Jacobian matrix of the robot
        J_ori (np.array): 2d array representing the orientation components of the Jacobian matrix of the robot

    Returns:
        4-tuple:

            - (np.array): full lambda matrix (as 2d array)
            - (np.array): position components of lambda matrix (as 2d array)
            - (np.array): orientation components of lambda matrix (as 2d array)
            - (np.array): nullspace matrix (as 2d array)
    """
    mass_matrix_inv = np.linalg.inv(mass_matrix)

    # J M^-1 J^T
    lambda_full_inv = np.dot(np.dot(J_full, mass_matrix_inv), J_full.transpose())

    # Jx M^-1 Jx^T
    lambda_pos_inv = np.dot(np.dot(J_pos, mass_matrix_inv), J_pos.transpose())

    # Jr M^-1 Jr^T
    lambda_ori_inv = np.dot(np.dot(J_ori, mass_matrix_inv), J_ori.transpose())

    # take the inverses, but zero out small singular values for stability
    lambda_full = np.linalg.pinv(lambda_full_inv)
    lambda_pos = np.linalg.pinv(lambda_pos_inv)
    lambda_ori = np.linalg.pinv(lambda_ori_inv)

    # nullspace
    Jbar = np.dot(mass_matrix_inv, J_full.transpose()).dot(lambda_full)
    nullspace_matrix = np.eye(J_full.shape[-1], J_full.shape[-1]) - np.dot(Jbar, J_full)

    return lambda_full, lambda_pos, lambda_ori, nullspace_matrix


@jit_decorator
def orientation_error(desired, current):
    """
    This function calculates a 3-dimensional orientation error vector for use in the
    impedance controller. It does this by computing the delta rotation between the
    inputs and converting that rotation to exponential coordinates (axis-angle
    representation, where the 3d vector is axis * angle).
    See https://en.wikipedia.org/wiki/Axis%E2%80%93angle_representation for more information.
    Optimized function to determine orientation error from matrices

    Args:
        desired (np.array): 2d array representing target orientation matrix
        current (np.array): 2d array representing current orientation matrix

    Returns:
        np.array: 2d array representing orientation error as a matrix
    """
    rc1 = current[0:3, 0]
    rc2 = current[0:3, 1]
    rc3 = current[0:3, 2]
    rd1 = desired[0:3, 0]
    rd2 = desired[0:3, 1]
    rd3 = desired[0:3, 2]

    error = 0.5 * (np.cross(rc1, rd1) + np.cross(rc2, rd2) + np.cross(rc3, rd3))

    return error
# ---- harness (not part of the program) ----
ENTRY = "osc_step"


def osc_step(mass_matrix, J_pos, J_ori, goal_ori, ee_ori_mat, initial_joint,
             joint_pos, joint_vel):
    # as OperationalSpaceController.run_controller: the full Jacobian is the
    # position rows stacked over the orientation rows
    J_full = np.vstack([J_pos, J_ori])
    lambda_full, lambda_pos, lambda_ori, nullspace_matrix = opspace_matrices(
        mass_matrix, J_full, J_pos, J_ori)
    ori_error = orientation_error(goal_ori, ee_ori_mat)
    torques = nullspace_torques(mass_matrix, nullspace_matrix, initial_joint,
                                joint_pos, joint_vel)
    return lambda_full, lambda_pos, lambda_ori, nullspace_matrix, ori_error, \
        torques


def _rotation(axis, angle):
    axis = axis / np.linalg.norm(axis)
    K = np.array([[0.0, -axis[2], axis[1]],
                  [axis[2], 0.0, -axis[0]],
                  [-axis[1], axis[0], 0.0]])
    return np.eye(3) + np.sin(angle) * K + (1.0 - np.cos(angle)) * (K @ K)


def inputs():
    # a 7-DOF arm: a symmetric positive definite mass matrix, a 6 x 7
    # Jacobian, end-effector rotations 0.3 rad apart, joint states
    rng = np.random.default_rng(0)
    A = rng.standard_normal((7, 7))
    mass_matrix = A @ A.T / 7.0 + np.diag(np.linspace(0.5, 2.0, 7))
    J_pos = rng.standard_normal((3, 7)) * 0.5
    J_ori = rng.standard_normal((3, 7))
    ee_ori_mat = _rotation(np.array([0.2, -0.4, 1.0]), 1.1)
    goal_ori = _rotation(np.array([1.0, 0.5, -0.3]), 0.3) @ ee_ori_mat
    initial_joint = np.array([0.0, 0.2, 0.0, -2.6, 0.0, 2.9, 0.78])
    joint_pos = initial_joint + 0.1 * rng.standard_normal(7)
    joint_vel = 0.05 * rng.standard_normal(7)
    return (mass_matrix, J_pos, J_ori, goal_ori, ee_ori_mat, initial_joint,
            joint_pos, joint_vel)
