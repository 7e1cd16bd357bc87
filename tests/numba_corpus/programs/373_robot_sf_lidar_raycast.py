# Source: ll7/robot_sf_ll7 robot_sf/sensor/range_sensor.py (at commit 12537b3d), with euclid_dist from robot_sf/common/geometry.py (at commit 0e650354) and type aliases from robot_sf/common/types.py (at commit 124d64b1)
# Licence: GPL-3.0-only (robot_sf, pyproject.toml at commit 005570d2: license = "GPL-3.0-only"; Marco Tröster)
# Notes: simulated 2-D LiDAR scan of a robot moving through a pedestrian crowd, the range sensor of the robot-sf gymnasium environment for crowd navigation with micromobility vehicles: raycast (@numba.njit(), optional array arguments that default to None and are tested with `is not None`) fills np.full(n, np.inf) and lowers it per ray by raycast_pedestrians (builds an (N, 3) circle array x, y, radius with slice stores), raycast_circles (relative positions by broadcasting a 2-element np.array, np.sum(..., axis=1), np.where(...)[0] masks, fancy-indexed subsets, `for i, angle in enumerate(ray_angles)` with math.cos/sin into a tuple, nested tuples ((x, y), r) passed to circle_line_intersection_distance, which solves the ray-circle quadratic with nested tuple unpacking and calls euclid_dist (math.hypot on tuples)) and raycast_obstacles (`for s_x, s_y, e_x, e_y in obstacles` unpacking the rows of a 2-D array, ((s_x, s_y), (e_x, e_y)) segments to lineseg_line_intersection_distance, which returns np.inf or a distance), all @numba.njit(fastmath=True), and min() of float pairs stored in place. Pasted: the range_sensor module's docstring and its math, numba and numpy imports (less dataclasses, gymnasium and the robot_sf imports), the definitions of Vec2D, Line2D and Circle2D from types.py and euclid_dist (with geometry.py's math import) from geometry.py (the annotations are evaluated when the functions are defined), and the module's ray-casting functions; left out: LidarScannerSettings, _dynamic_objects_to_circle_array, range_postprocessing (which draws random numbers in jitted code), lidar_ray_scan and lidar_sensor_space; the harness passes what lidar_ray_scan passes without other robots: the scanner position as a tuple, 14 wall segments (an outer box and two inner walls) as an (N, 4) array, a 10 m range, 30 pedestrian positions, a 0.4 m pedestrian radius and the 272 ray angles of the default 360-degree scanner for a heading of 0.7 rad, wrapped to [0, 2 pi)
"""LiDAR-style range scanning utilities for continuous occupancy maps.

The helpers in this module cast radial rays from a robot or ego pedestrian pose
against line-segment obstacles and circular dynamic objects. Distances are
reported in world units and clipped/noised to match the configured scanner
settings before they are exposed as Gymnasium observation spaces.
"""

import math
from math import cos, sin

import numba
import numpy as np

# Geometry types
Vec2D = tuple[float, float]
"""Type alias for a 2D vector represented as a tuple of two floats"""

Line2D = tuple[Vec2D, Vec2D]
"""Type alias for a 2D line represented as a tuple of two 2D vectors ``((x1, y1), (x2, y2))``."""

Circle2D = tuple[Vec2D, float]
"""Type alias for a 2D circle represented as a tuple of a 2D vector (center) and a float (radius)"""


@numba.njit(fastmath=True)
def euclid_dist(vec_1: Vec2D, vec_2: Vec2D) -> float:
    """
    Compute the Euclidean distance between two 2D vectors.

    The helper is numba-jitted because it sits in hot paths across sensors,
    occupancy checks, and pedestrian force calculations.

    Args:
        vec_1: First 2D vector.
        vec_2: Second 2D vector.

    Returns:
        float: Euclidean distance between ``vec_1`` and ``vec_2``.
    """
    return math.hypot(vec_1[0] - vec_2[0], vec_1[1] - vec_2[1])


@numba.njit(fastmath=True)
def lineseg_line_intersection_distance(segment: Line2D, sensor_pos: Vec2D, ray_vec: Vec2D) -> float:
    """Distance from sensor position to the intersection with a ray and segment.

    Args:
        segment: Line segment represented by two endpoints.
        sensor_pos: Origin of the ray.
        ray_vec: Ray direction vector.

    Returns:
        float: Distance to the intersection point, or ``np.inf`` when no intersection exists.
    """
    # Unpack segment endpoints, sensor position, and ray vector
    # Line2D is ((x1, y1), (x2, y2))
    (x_1, y_1), (x_2, y_2) = segment
    x_sensor, y_sensor = sensor_pos
    x_ray, y_ray = ray_vec

    # Calculate differences for intersection formula
    x_diff, y_diff = x_1 - x_sensor, y_1 - y_sensor
    x_seg, y_seg = x_2 - x_1, y_2 - y_1

    # Calculate numerator and denominator of intersection formula
    num = x_ray * y_diff - y_ray * x_diff
    den = x_seg * y_ray - x_ray * y_seg

    # Edge case: line segment has same orientation as ray vector
    if den == 0:
        return np.inf

    # Calculate intersection parameters
    mu = num / den
    tau = (mu * x_seg + x_diff) / x_ray

    # If intersection is within segment and in ray direction, calculate distance
    if 0 <= mu <= 1 and tau >= 0:
        cross_x, cross_y = x_1 + mu * (x_2 - x_1), y_1 + mu * (y_2 - y_1)
        return euclid_dist(sensor_pos, (cross_x, cross_y))
    else:
        return np.inf


@numba.njit(fastmath=True)
def circle_line_intersection_distance(circle: Circle2D, origin: Vec2D, ray_vec: Vec2D) -> float:
    """Distance from origin to circle/ray intersection.

    Args:
        circle: Circle defined by ``(center, radius)``.
        origin: Origin of the ray.
        ray_vec: Ray direction vector.

    Returns:
        float: Distance to the nearest valid intersection, or ``np.inf`` if the ray misses.
    """
    # Unpack circle center and radius, and ray vector
    (circle_x, circle_y), radius = circle
    ray_x, ray_y = ray_vec

    # Shift circle's center to the origin (0, 0)
    p1_x = origin[0] - circle_x
    p1_y = origin[1] - circle_y

    # Calculate squared radius and norm of p1
    r_sq = radius**2
    norm_p1 = p1_x**2 + p1_y**2

    # Coefficients a, b, c of the quadratic solution formula
    # ax^2+bx+c=0
    s_x, s_y = ray_x, ray_y
    t_x, t_y = p1_x, p1_y
    a = s_x**2 + s_y**2
    b = 2 * (s_x * t_x + s_y * t_y)
    c = norm_p1 - r_sq

    # Abort when ray doesn't collide with circle
    disc = b**2 - 4 * a * c
    if disc < 0 or (b > 0 and b**2 > disc):
        return np.inf

    # Compute quadratic solutions
    disc_root = disc**0.5
    mu_1 = (-b - disc_root) / (2 * a)
    mu_2 = (-b + disc_root) / (2 * a)

    # Compute cross points S1, S2 and distances to the origin
    s1_x, s1_y = mu_1 * s_x + t_x, mu_1 * s_y + t_y
    s2_x, s2_y = mu_2 * s_x + t_x, mu_2 * s_y + t_y
    dist_1 = euclid_dist((p1_x, p1_y), (s1_x, s1_y))
    dist_2 = euclid_dist((p1_x, p1_y), (s2_x, s2_y))

    # Return the distance to the nearest intersection point
    if mu_1 >= 0 and mu_2 >= 0:
        return min(dist_1, dist_2)
    elif mu_1 >= 0:
        return dist_1
    else:  # if mu_2 >= 0:
        return dist_2


@numba.njit(fastmath=True)
def raycast_pedestrians(
    out_ranges: np.ndarray,
    scanner_pos: Vec2D,
    max_scan_range: float,
    ped_positions: np.ndarray,
    ped_radius: float,
    ray_angles: np.ndarray,
):
    """Perform raycasts to detect pedestrians within the scanner's range.

    Args:
        out_ranges: Output array modified in-place with the detected range per ray.
        scanner_pos: Position of the LiDAR sensor in world coordinates.
        max_scan_range: Maximum detection distance for each ray.
        ped_positions: Pedestrian positions to test against the rays.
        ped_radius: Radius used to approximate pedestrians as discs.
        ray_angles: Ray directions in radians.

    Notes:
        ``out_ranges`` is modified in place and no value is returned.
    """

    if len(ped_positions.shape) != 2 or ped_positions.shape[1] != 2:
        return

    circles = np.empty((ped_positions.shape[0], 3), dtype=np.float64)
    circles[:, :2] = ped_positions
    circles[:, 2] = ped_radius
    raycast_circles(out_ranges, scanner_pos, max_scan_range, circles, ray_angles)


@numba.njit(fastmath=True)
def raycast_circles(
    out_ranges: np.ndarray,
    scanner_pos: Vec2D,
    max_scan_range: float,
    circles: np.ndarray,
    ray_angles: np.ndarray,
):
    """Update ray ranges with intersections against circular obstacles.

    Args:
        out_ranges: Mutable per-ray distances. Values are lowered in place when
            a circle intersects a ray closer than the current entry.
        scanner_pos: Scanner origin in world coordinates.
        max_scan_range: Distance threshold used to skip circles too far from
            the scanner to affect the scan.
        circles: ``(N, 3)`` float array of ``x, y, radius`` rows.
        ray_angles: Absolute ray directions in radians, one per output entry.

    Notes:
        Invalid or empty circle arrays are ignored. The function mutates
        ``out_ranges`` and returns ``None``.
    """
    if len(circles.shape) != 2 or circles.shape[0] == 0 or circles.shape[1] != 3:
        return

    scanner_pos_np = np.array([scanner_pos[0], scanner_pos[1]])
    threshold_sq = max_scan_range**2
    relative_circle_pos = circles[:, :2] - scanner_pos_np
    circle_radii = circles[:, 2]
    dist_sq = np.sum(relative_circle_pos**2, axis=1)
    near_mask = np.where(dist_sq <= threshold_sq)[0]
    if len(near_mask) == 0:
        return
    close_circle_pos = relative_circle_pos[near_mask]
    close_circle_radii = circle_radii[near_mask]

    for i, angle in enumerate(ray_angles):
        unit_vec = cos(angle), sin(angle)
        cos_sims = close_circle_pos[:, 0] * unit_vec[0] + close_circle_pos[:, 1] * unit_vec[1]
        circle_dir_mask = np.where(cos_sims >= 0)[0]
        for idx in circle_dir_mask:
            pos = close_circle_pos[idx]
            radius = close_circle_radii[idx]
            circle = ((pos[0], pos[1]), radius)
            coll_dist = circle_line_intersection_distance(circle, (0.0, 0.0), unit_vec)
            out_ranges[i] = min(coll_dist, out_ranges[i])


@numba.njit(fastmath=True)
def raycast_obstacles(
    out_ranges: np.ndarray,
    scanner_pos: Vec2D,
    obstacles: np.ndarray,
    ray_angles: np.ndarray,
):
    """Update ray ranges with intersections against static obstacle segments.

    Args:
        out_ranges: Mutable per-ray distances. Entries are replaced in place
            when a nearer obstacle intersection is found.
        scanner_pos: Scanner origin in world coordinates.
        obstacles: Obstacle segments as an ``(N, 4)`` array of
            ``start_x, start_y, end_x, end_y`` rows.
        ray_angles: Absolute ray directions in radians, one per ``out_ranges``
            entry.
    """
    if len(obstacles.shape) != 2 or obstacles.shape[0] == 0 or obstacles.shape[1] != 4:
        return

    for i, angle in enumerate(ray_angles):
        unit_vec = cos(angle), sin(angle)
        for s_x, s_y, e_x, e_y in obstacles:
            obst_lineseg = ((s_x, s_y), (e_x, e_y))
            coll_dist = lineseg_line_intersection_distance(obst_lineseg, scanner_pos, unit_vec)
            out_ranges[i] = min(coll_dist, out_ranges[i])


@numba.njit()
def raycast(  # noqa: PLR0913
    scanner_pos: Vec2D,
    obstacles: np.ndarray,
    max_scan_range: float,
    ped_pos: np.ndarray,
    ped_radius: float,
    ray_angles: np.ndarray,
    enemy_pos: np.ndarray | None = None,
    enemy_radius: float = 0.0,
    other_robot_circles: np.ndarray | None = None,
) -> np.ndarray:
    """Cast rays to compute minimal collision distances along given angles.

    The scan originates from the scanner's position and considers pedestrians,
    obstacles, and optionally an enemy agent. Rays that miss every object remain
    ``np.inf`` here; ``range_postprocessing`` later clips them to the configured
    maximum scan distance.

    Args:
        scanner_pos: Scanner origin in world coordinates.
        obstacles: Static obstacle segments as an ``(N, 4)`` array of
            ``start_x, start_y, end_x, end_y`` rows.
        max_scan_range: Distance threshold for dynamic circular objects.
        ped_pos: Pedestrian centers as an ``(N, 2)`` array.
        ped_radius: Radius used to approximate pedestrians as circles.
        ray_angles: Absolute ray directions in radians.
        enemy_pos: Optional ``(N, 2)`` array for the robot seen by an
            ego-pedestrian scanner.
        enemy_radius: Radius used for ``enemy_pos`` circles.
        other_robot_circles: Optional dynamic robot circles as ``(N, 3)`` rows
            of ``x, y, radius``.

    Returns:
        numpy.ndarray: Raw per-ray distances with shape ``(num_rays,)``.
    """
    out_ranges = np.full((ray_angles.shape[0]), np.inf)
    raycast_pedestrians(out_ranges, scanner_pos, max_scan_range, ped_pos, ped_radius, ray_angles)
    raycast_obstacles(out_ranges, scanner_pos, obstacles, ray_angles)

    # As Pedestrian detect the Robot
    if enemy_pos is not None:
        raycast_pedestrians(
            out_ranges,
            scanner_pos,
            max_scan_range,
            enemy_pos,
            enemy_radius,
            ray_angles,
        )
    if other_robot_circles is not None:
        raycast_circles(
            out_ranges,
            scanner_pos,
            max_scan_range,
            other_robot_circles,
            ray_angles,
        )
    return out_ranges
# ---- harness (not part of the program) ----
ENTRY = "raycast"


def inputs():
    # a 30 m x 20 m room (4 outer walls) with two inner walls split into
    # segments, 30 pedestrians scattered in the room, the robot at (12, 9)
    # heading 0.7 rad; the default scanner: 272 rays over 360 degrees,
    # offsets np.linspace(-pi, pi, 273)[:-1], wrapped as lidar_ray_scan does
    rng = np.random.default_rng(0)
    walls = [(0.0, 0.0, 30.0, 0.0), (30.0, 0.0, 30.0, 20.0),
             (30.0, 20.0, 0.0, 20.0), (0.0, 20.0, 0.0, 0.0)]
    for k in range(5):
        walls.append((8.0 + 2.0 * k, 14.0, 10.0 + 2.0 * k, 14.0))
    for k in range(5):
        walls.append((20.0, 2.0 + 2.0 * k, 20.0, 4.0 + 2.0 * k))
    obstacles = np.array(walls, dtype=np.float64)
    ped_pos = np.column_stack([rng.uniform(1.0, 29.0, 30), rng.uniform(1.0, 19.0, 30)])
    ray_offsets = np.linspace(-np.pi, np.pi, 272 + 1)[:-1]
    ray_angles = 0.7 + ray_offsets
    ray_angles = np.array([(angle + np.pi * 2) % (np.pi * 2) for angle in ray_angles])
    return ((12.0, 9.0), obstacles, 10.0, ped_pos, 0.4, ray_angles)
