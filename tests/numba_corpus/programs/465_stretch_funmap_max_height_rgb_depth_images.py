# Source: hello-robot/stretch_ros stretch_funmap/src/stretch_funmap/numba_height_image.py (at commit 18af1544)
# Licence: LGPL-3.0 (stretch_funmap, LICENSE.md; Copyright 2020 Hello Robot Inc.)
# Notes: robot mapping for the Stretch mobile manipulator (FUNMAP): numba_max_height_and_rgb_and_camera_depth_images_int (@njit(fastmath=True)) projects a coloured point cloud (a NumPy structured array with x, y, z, r, g, b fields, read per record as p['x']) through a 4x4 rigid transform into a max-height image, keeping for each pixel the highest quantised point strictly inside the volume of interest and writing that point's BGR colour (a list assigned to an image pixel) and its quantised floor distance from the camera. Pasted: the module's imports, calculate_voi_bounds (plain Python, used by the harness as the module's dispatcher uses it) and the jitted function
from numba import jit, njit
import numpy as np
import math


def calculate_voi_bounds( m_per_pix, m_per_height_unit, voi_x_m, voi_y_m, voi_z_m):
    # Calculate the borders of the volume of interest (VOI) in order
    # to only consider 3D points that are strictly within the VOI,
    # excluding the VOI's borders. This uses a 1000th of a millimeter
    # safety margin to exclude points almost on the VOI's border. This
    # ensures that the bounds on the image indices and the pixel type
    # are not violated.
    half_pix = m_per_pix / 2.0
    mm = 0.001
    safety_margin = mm/1000.0
    min_x = (- half_pix) + safety_margin
    max_x = (voi_x_m - half_pix) - safety_margin
    min_y = (half_pix - voi_y_m) + safety_margin
    max_y = half_pix - safety_margin
    min_z = 0.0 + safety_margin
    max_z = voi_z_m - safety_margin
    
    return np.array([min_x, max_x, min_y, max_y, min_z, max_z])


@njit(fastmath=True)
def numba_max_height_and_rgb_and_camera_depth_images_int(points_to_image_mat, rgb_points,
                                                         height_image, rgb_image, camera_depth_image,
                                                         m_per_pix, m_per_height_unit,
                                                         voi_x_m, voi_y_m, voi_z_m, bounds):
    # Update the max height image to represent the provided 3D
    # points. This function is for images with integer pixels.
    im_height, im_width = height_image.shape

    # Unpack the affine transformation matrix that transforms points
    # into the image's coordinate system.
    r00, r01, r02, t0 = points_to_image_mat[0]
    r10, r11, r12, t1 = points_to_image_mat[1]
    r20, r21, r22, t2 = points_to_image_mat[2]

    # Assume that the camera is located at 0.0, 0.0, 0.0 in the point
    # cloud coordinate system. Consequently, the center of the camera
    # in the height image can be found by transforming it using
    # points_to_image_mat, which results in the following x and y
    # coordinates.
    camera_x = t0
    camera_y = t1
    
    min_x, max_x, min_y, max_y, min_z, max_z = bounds 
    
    n_points = rgb_points.shape[0]    
    for i in range(n_points):
        p = rgb_points[i]
        x_p = p['x']
        y_p = p['y']
        z_p = p['z']
        
        x = (r00 * x_p) + (r01 * y_p) + (r02 * z_p) + t0
        y = (r10 * x_p) + (r11 * y_p) + (r12 * z_p) + t1
        z = (r20 * x_p) + (r21 * y_p) + (r22 * z_p) + t2

        # Ensures that points are strictly within the volume of
        # interest (VOI) by comparing float representations. Consider
        # removing these checks and replacing them with integer
        # comparisons to ensure valid image indices and values. This
        # would require changing the definition of a MaxHeightImage or
        # doing something clever to handle the exclusion of points on
        # the borders of the VOI.
        if (x > min_x) and (x < max_x) and (y > min_y) and (y < max_y) and (z > min_z) and (z < max_z): 
            x_index = int(round( x / m_per_pix ))
            y_index = - int(round( y / m_per_pix ))
            # A value of 0 represents no observations, so add 1.
            z_val = 1 + int(round( z / m_per_height_unit ))
            current_z_val = height_image[y_index, x_index]
            if z_val > current_z_val:
                # The height value is the maximum encountered at this
                # pixel, so update the pixel in all the images.
                height_image[y_index, x_index] = z_val
                
                # 4 cm per unit results in 10.16 meter max = 254*0.04.
                # The D435i is listed as having an approximately 10
                # meter maximum range.
                x_dist = x - camera_x
                y_dist = y - camera_y
                floor_distance = math.sqrt((x_dist*x_dist) + (y_dist*y_dist))
                camera_depth = 1 + int(round(floor_distance/0.04))
                if camera_depth > 255:
                    camera_depth = 255
                if camera_depth < 0:
                    camera_depth = 0
                camera_depth_image[y_index, x_index] = camera_depth

                r = p['r']
                g = p['g']
                b = p['b']
                rgb_sum = r + g + b
                # If [r, g, b] = [0, 0, 0], color information for the
                # point is assumed not to exist and the color of the
                # point is ignored by not updating the corresponding
                # pixel of the RGB image.

                # Example of use: For the Intel ROS Wrapper for the
                # D435i camera, point clouds produced with full depth
                # image mode (full sized frustum) include points
                # without color information (i.e., texture) due to the
                # narrower field of view of the D435i's RGB camera. In
                # these cases the points have [r,g,b] = [0,0,0].
                if rgb_sum != 0:
                    rgb_image[y_index, x_index] = [p['b'], p['g'], p['r']]


# ---- harness (not part of the program) ----
ENTRY = "numba_max_height_and_rgb_and_camera_depth_images_int"


def inputs():
    # a 64 x 48 pixel max-height image at 2 cm per pixel and 1 cm per
    # height unit (uint8 pixels, a 1.5 m tall volume of interest), and
    # 3000 coloured points (float32 x/y/z, uint8 r/g/b as ROS point
    # clouds carry them; one in ten without colour) seen by a camera
    # rotated 10 degrees about z and placed above the image's centre
    rng = np.random.default_rng(0)
    n = 3000
    dtype = np.dtype([('x', np.float32), ('y', np.float32), ('z', np.float32),
                      ('r', np.uint8), ('g', np.uint8), ('b', np.uint8)])
    rgb_points = np.zeros(n, dtype=dtype)
    rgb_points['x'] = rng.uniform(-0.75, 0.75, n)
    rgb_points['y'] = rng.uniform(-0.55, 0.55, n)
    rgb_points['z'] = rng.uniform(-0.2, 1.6, n)
    colours = rng.integers(0, 256, (n, 3))
    colours[rng.random(n) < 0.1] = 0
    rgb_points['r'] = colours[:, 0]
    rgb_points['g'] = colours[:, 1]
    rgb_points['b'] = colours[:, 2]
    th = np.deg2rad(10.0)
    points_to_image_mat = np.array([[np.cos(th), -np.sin(th), 0.0, 0.64],
                                    [np.sin(th), np.cos(th), 0.0, -0.48],
                                    [0.0, 0.0, 1.0, 0.05],
                                    [0.0, 0.0, 0.0, 1.0]])
    m_per_pix, m_per_height_unit = 0.02, 0.01
    voi_x_m, voi_y_m, voi_z_m = 64 * m_per_pix, 48 * m_per_pix, 1.5
    bounds = calculate_voi_bounds(m_per_pix, m_per_height_unit,
                                  voi_x_m, voi_y_m, voi_z_m)
    height_image = np.zeros((48, 64), dtype=np.uint8)
    rgb_image = np.zeros((48, 64, 3), dtype=np.uint8)
    camera_depth_image = np.zeros((48, 64), dtype=np.uint8)
    return (points_to_image_mat, rgb_points, height_image, rgb_image,
            camera_depth_image, m_per_pix, m_per_height_unit,
            voi_x_m, voi_y_m, voi_z_m, bounds)
