# Source: victorgabr/pps pyplanscoring/core/geometry.py (at commit 07b694ba), pyplanscoring/core/__init__.py (at commit 1d181277)
# Licence: BSD-3-Clause (pps / PyPlanScoring, licence.txt; Copyright (c) 2018, Victor Gabriel Leandro Alves)
# Notes: the contour geometry of PyPlanScoring, a radiotherapy plan-scoring tool that computes dose-volume histograms from DICOM RT structures (medical physics / computational geometry): the package's `njit = functools.partial(nb.njit, cache=False, nogil=True)` from pyplanscoring/core/__init__.py, and from geometry.py every jitted function as published: is_left, point_in_contour (winding number, with the polygon closed by copying it into a one-row-longer array), wn_contains_points (winding-number mask for many points), point_inside_polygon / contains_points / numba_contains_points (crossing-number test with nested ifs, builtin min/max, `inside = not inside`, a modulo wrap-around), centroid_of_polygon (returns a tuple, calls calc_area defined further down the module), check_contour_inside (break out of a loop on the first inside point), interpolate_plane_numba (nearest point between two contour planes, linear interpolation of x/y), calc_area (Surveyor's formula), ccw / is_convex (every consecutive triple), most of them compiled eagerly from explicit signatures built with nb.double[:], nb.boolean[:], nb.int64 (so they compile at import), and raster (a scan-line polygon fill with a bubble sort of the node crossings), plus the plain helpers get_contour_mask_wn, poly_area and get_dose_grid that the harness uses. Left out: `from __future__ import division` (it cannot follow other code in one module, and is a no-op on Python 3), `from core import njit` (the core/__init__.py that defines it is pasted above), the scipy.interpolate / copy / math imports and the pure-Python functions that use them (cn_PnPoly, wn_PnPoly1, savitzky_golay, the structure-plane interpolation, DVH and rasterisation drivers that work on DICOM structure dicts). raster is pasted but not called: its `range(x1, x2)` takes values from a float64 array, which Numba does not type, and its only caller in the module hands it scipy interp1d output. The harness builds a star-shaped and a convex contour, masks a dose grid with the winding-number and the two crossing-number routines (the same grid that get_contour_mask_wn reshapes), computes areas, centroids, convexity, whether a small contour lies inside the large one, and interpolates three planes between two z slices of different point counts
# ---- pyplanscoring/core/__init__.py ----
import functools

import numba as nb

# add numba global compilation directives
njit = functools.partial(nb.njit, cache=False, nogil=True)
# njit = functools.partial(nb.njit, fastmath=True, cache=False, nogil=True, parallel=True)

# add fast-math
# if int(nb.__version__.split('.')[1]) >= 34:
#     njit = functools.partial(nb.njit, fastmath=True, cache=False, nogil=True, parallel=True)
# else:
#     njit = functools.partial(nb.njit, cache=False, nogil=True)

# njit = functools.partial(nb.njit, cache=False, nogil=True)


# ---- pyplanscoring/core/geometry.py ----
import numba as nb
import numpy as np


@njit(nb.double(nb.double[:], nb.double[:], nb.double[:]))
def is_left(p0, p1, p2):
    """

       is_left(): tests if a point is Left|On|Right of an infinite line.
    Input:  three points P0, P1, and P2
    Return: >0 for P2 left of the line through P0 and P1
            =0 for P2  on the line
            <0 for P2  right of the line
        See: Algorithm 1 "Area of Triangles and Polygons"
        http://geomalgorithms.com/a03-_inclusion.html

    :param p0: point [x,y] array
    :param p1: point [x,y] array
    :param p2: point [x,y] array
    :return:
    """
    v = (p1[0] - p0[0]) * (p2[1] - p0[1]) - (p2[0] - p0[0]) * (p1[1] - p0[1])
    return v


@njit(nb.int64(nb.double[:], nb.double[:, :]))
def point_in_contour(P, polygon):
    """

    :param P:
    :param polygon:
    :return:
    """
    wn = 0  # the  winding number counter
    # repeat the first vertex at end
    V = np.zeros((polygon.shape[0] + 1, polygon.shape[1]))
    V[:-1] = polygon
    V[-1] = polygon[0]
    n = len(V)
    #  loop through all edges of the polygon
    for i in range(n - 1):  # edge from V[i] to  V[i+1]
        if V[i][1] <= P[1]:  # start y <= P[1]
            if V[i + 1][1] > P[1]:  # an upward crossing
                if is_left(V[i], V[i + 1], P) > 0:  # P left of  edge
                    wn += 1  # // have  a valid up intersect

        else:  # start y > P[1] (no test needed)
            if V[i + 1][1] <= P[1]:  # a downward crossing
                if is_left(V[i], V[i + 1], P) < 0:  # P right of  edge
                    wn -= 1  # have  a valid down intersect
    return wn


@njit(nb.boolean[:](nb.boolean[:], nb.double[:, :], nb.double[:, :]))
def wn_contains_points(out, poly, points):
    """
        Winding number test for a list of point in a polygon
        Numba implementation 8 - 10 x times faster than Matplotlib Path.contains_points()
    :param out: output boolean array
    :param poly: polygon (list of points/vertex)
    :param points: list of points to check inside polygon
    :return: Boolean array
        adapted from c++ code at:
        http://geomalgorithms.com/a03-_inclusion.html

    """
    n = len(points)

    for i in range(n):
        point = points[i]
        wn = 0  # the  winding number counter
        N = len(poly)
        # // loop through all edges of the polygon
        for k in range(N - 1):  # edge from V[i] to  V[i+1]

            if poly[k][1] <= point[1]:  # start y <= P[1]
                if poly[k + 1][1] > point[1]:  # an upward crossing
                    is_left_value = is_left(poly[k], poly[k + 1], point)
                    if is_left_value >= 0:  # P left of  edge
                        wn += 1  # // have  a valid up intersect

            else:  # start y > P[1] (no test needed)
                if poly[k + 1][1] <= point[1]:  # a downward crossing
                    is_left_value = is_left(poly[k], poly[k + 1], point)
                    if is_left_value <= 0:  # P right of  edge
                        wn -= 1  # have  a valid down intersect

            out[i] = wn

    return out


@njit(nb.boolean(nb.double, nb.double, nb.double[:, :]))
def point_inside_polygon(x, y, poly):
    n = len(poly)
    # determine if a point is inside a given polygon or not
    # Polygon is a list of (x,y) pairs.
    p1x = 0.0
    p1y = 0.0
    p2x = 0.0
    p2y = 0.0
    xinters = 0.0
    plx = 0.0
    ply = 0.0
    idx = 0
    inside = False

    # p1x, p1y = poly[0]
    p1x = poly[0][0]
    p1y = poly[0][1]

    for i in range(n + 1):
        idx = i % n
        p2x = poly[idx][0]
        p2y = poly[idx][1]
        # p2x, p2y = poly[idx]
        if y > min(p1y, p2y):
            if y <= max(p1y, p2y):
                if x <= max(p1x, p2x):
                    if p1y != p2y:
                        xinters = (y - p1y) * (p2x - p1x) / (p2y - p1y) + p1x
                    if p1x == p2x or x <= xinters:
                        inside = not inside

        p1x = p2x
        p1y = p2y
        # p1x, p1y = p2x, p2y

    return inside


@njit(nb.boolean[:](nb.boolean[:], nb.double[:, :], nb.double[:, :]))
def contains_points(out, poly, points):
    n = len(points)
    for i in range(n):
        point = points[i]
        tmp = point_inside_polygon(point[0], point[1], poly)
        out[i] = tmp
    return out


@njit(nb.boolean[:](nb.boolean[:], nb.double[:, :], nb.double[:, :]))
def numba_contains_points(out, poly, points):
    n = len(points)
    p1x = 0.0
    p1y = 0.0
    p2x = 0.0
    p2y = 0.0
    xinters = 0.0
    plx = 0.0
    ply = 0.0
    idx = 0
    inside = False
    x = 0
    y = 0
    N = len(poly)

    for i in range(n):
        point = points[i]
        x = point[0]
        y = point[1]
        # tmp = point_inside_polygon(point[0], point[1], poly)
        inside = False

        # determine if a point is inside a given polygon or not
        # Polygon is a list of (x,y) pairs.
        p1x = poly[0][0]
        p1y = poly[0][1]
        for j in range(N + 1):
            idx = j % N
            p2x = poly[idx][0]
            p2y = poly[idx][1]
            # p2x, p2y = poly[idx]
            if y > min(p1y, p2y):
                if y <= max(p1y, p2y):
                    if x <= max(p1x, p2x):
                        if p1y != p2y:
                            xinters = (y - p1y) * (p2x - p1x) / (p2y - p1y) + p1x
                        if p1x == p2x or x <= xinters:
                            inside = not inside

            p1x = p2x
            p1y = p2y

        out[i] = inside

    return out


def get_contour_mask_wn(doselut, dosegrid_points, poly):
    """
        Get the mask for the contour with respect to the dose plane.
    :param doselut: Dicom 3D dose LUT (x,y)
    :param dosegrid_points: dosegrid_points
    :param poly: contour
    :return: contour mask on grid
    """

    n = len(dosegrid_points)
    out = np.zeros(n, dtype=bool)
    # preparing data to wn test
    # repeat the first vertex at end
    poly_wn = np.zeros((poly.shape[0] + 1, poly.shape[1]))
    poly_wn[:-1] = poly
    poly_wn[-1] = poly[0]

    grid = wn_contains_points(out, poly_wn, dosegrid_points)
    grid = grid.reshape((len(doselut[1]), len(doselut[0])))

    return grid


def poly_area(x, y):
    """
         Calculate the area based on the Surveyor's formula
    :param x: x-coordinate
    :param y: y-coordinate
    :return: polygon area-
    """
    return 0.5 * np.abs(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1)))


@njit
def centroid_of_polygon(x, y):
    """
        http://en.wikipedia.org/wiki/Centroid#Centroid_of_polygon
    :param x: x-axis coordinates
    :param y: y-axis coordinates
    :return: centroid of polygon
    """
    area = calc_area(x, y)
    imax = len(x) - 1

    result_x = 0
    result_y = 0
    for i in range(0, imax):
        result_x += (x[i] + x[i + 1]) * ((x[i] * y[i + 1]) - (x[i + 1] * y[i]))
        result_y += (y[i] + y[i + 1]) * ((x[i] * y[i + 1]) - (x[i + 1] * y[i]))

    result_x += (x[imax] + x[0]) * ((x[imax] * y[0]) - (x[0] * y[imax]))
    result_y += (y[imax] + y[0]) * ((x[imax] * y[0]) - (x[0] * y[imax]))
    result_x /= (area * 6.0)
    result_y /= (area * 6.0)

    return result_x, result_y


@njit(nb.boolean(nb.double[:, :], nb.double[:, :]))
def check_contour_inside(contour, largest):
    inside = False
    for i in range(len(contour)):
        point = contour[i]
        p = point_in_contour(point, largest)
        if p:
            inside = True
            # Assume if one point is inside, all will be inside
            break
    return inside


@njit
def interpolate_plane_numba(ub, lb, location, ubpoints, lbpoints):
    """Interpolates a plane between two bounding planes at the given location."""

    # If the number of points in the upper bound is higher, use it as the starting bound
    # otherwise switch the upper and lower bounds

    tmp = np.zeros(3)
    plane = np.zeros((len(ubpoints), 3))
    # Determine the closest point in the lower bound from each point in the upper bound
    # for u, up in enumerate(ubpoints):
    for u in range(len(ubpoints)):
        up = ubpoints[u]
        dist = 10000000  # Arbitrary large number
        # Determine the distance from each point in the upper bound to each point in the lower bound
        for l in range(len(lbpoints)):
            lp = lbpoints[l]
            newDist = np.sqrt((up[0] - lp[0]) ** 2 + (up[1] - lp[1]) ** 2 + (ub - lb) ** 2)
            # If the distance is smaller, then linearly interpolate the point
            if newDist < dist:
                dist = newDist
                x = lp[0] + (location - lb) * (up[0] - lp[0]) / (ub - lb)
                y = lp[1] + (location - lb) * (up[1] - lp[1]) / (ub - lb)
                tmp[0] = x
                tmp[1] = y
                tmp[2] = location
        if not (dist == 10000000):
            plane[u] = tmp

    return plane


def get_dose_grid(dose_lut):
    # Generate a 2d mesh grid to create a polygon mask in dose coordinates
    # Code taken from Stack Overflow Answer from Joe Kington:
    # http://stackoverflow.com/questions/3654289/scipy-create-2d-polygon-mask/3655582
    # Create vertex coordinates for each grid cell
    x_lut = dose_lut[0]  # zoom(dose_lut[0], super_sampling_fator)
    y_lut = dose_lut[1]  # , super_sampling_fator)

    x, y = np.meshgrid(x_lut, y_lut)
    x, y = x.flatten(), y.flatten()
    dose_grid_points = np.vstack((x, y)).T

    return dose_grid_points


@njit(nb.double(nb.double[:], nb.double[:]))
def calc_area(x, y):
    """
        Calculate the area based on the Surveyor's formula
    :param x: x vertex coordinates array
    :param y: x vertex coordinates array
    :return: Polygon area
    """
    cArea = 0
    xi = np.zeros(len(x) + 1)
    yi = np.zeros(len(y) + 1)
    # Fix by adding end points vertex
    xi[:-1] = x
    xi[-1] = x[0]
    yi[:-1] = y
    yi[-1] = y[0]

    for i in range(0, len(xi) - 1):
        cArea = cArea + xi[i] * yi[i + 1] - xi[i + 1] * yi[i]
    cArea = abs(cArea / 2.0)

    return cArea


@njit(nb.boolean(nb.double[:], nb.double[:], nb.double[:]))
def ccw(a, b, c):
    """Tests whether the turn formed by A, B, and C is ccw"""
    return (b[0] - a[0]) * (c[1] - a[1]) > (b[1] - a[1]) * (c[0] - a[0])


@njit(nb.boolean(nb.double[:, :]))
def is_convex(points):
    """
    https://www.toptal.com/python/computational-geometry-in-python-from-theory-to-implementation
        Test if a contour of points [xi,yi] - [xn, yn] is convex

    :param points: Array of 2d points
    :return: boolean
    """
    n = len(points)

    for i in range(n):
        # Check every triplet of points
        ia = i % n
        ib = (i + 1) % n
        ic = (i + 2) % n
        a = points[ia]
        b = points[ib]
        c = points[ic]

        if not ccw(a, b, c):
            return False

    return True


# @nb.njit(nb.boolean[:, :](nb.boolean[:, :], nb.double[:], nb.double[:], nb.int64[:]))

@njit
def raster(out, polyX, polyY, y_cord):
    # /  public-domain code by Darel Rex Finley, 2007

    IMAGE_TOP = 0
    IMAGE_BOT = out.shape[0]
    IMAGE_RIGHT = out.shape[1] - 1
    IMAGE_LEFT = 0
    polyCorners = len(polyX)
    # Loop through the rows of the image.
    for pixelY in range(IMAGE_TOP, IMAGE_BOT):

        # Build a list of nodes.
        nodes = 0
        j = polyCorners - 1
        nodeX = np.zeros(polyCorners)
        for i in range(polyCorners):
            b1 = (polyY[i] < y_cord[pixelY]) and (polyY[j] >= y_cord[pixelY])
            b2 = (polyY[j] < y_cord[pixelY]) and (polyY[i] >= y_cord[pixelY])
            if b1 or b2:
                f1 = pixelY - polyY[i]
                f2 = polyY[j] - polyY[i]
                f3 = polyX[j] - polyX[i]
                nodeX[nodes] = int(polyX[i] + (f1 / f2) * f3 + 0.5)  # TODO add 0.5 ?
                nodes += 1

            j = i

        # Sort the nodes, via a simple "Bubble" sort.
        i = 0
        while i < nodes - 1:
            if nodeX[i] > nodeX[i + 1]:
                swap = nodeX[i]
                nodeX[i] = nodeX[i + 1]
                nodeX[i + 1] = swap
                if i > 0:
                    i -= 1
            else:
                i += 1

        # Fill the pixels between node pairs.
        for i in range(0, nodes, 2):
            if nodeX[i] >= IMAGE_RIGHT:
                break
            if nodeX[i + 1] > IMAGE_LEFT:
                if nodeX[i] < IMAGE_LEFT:
                    nodeX[i] = IMAGE_LEFT
                if nodeX[i + 1] > IMAGE_RIGHT:
                    nodeX[i + 1] = IMAGE_RIGHT

                x1 = nodeX[i]
                x2 = nodeX[i + 1]

                for pixelX in range(x1, x2):
                    out[pixelY, pixelX] = True

    return out


# ---- harness (not part of the program) ----
ENTRY = "score_contours"


def score_contours(star, hexagon, inner, lower, upper, x_lut, y_lut):
    lut = [x_lut, y_lut]
    grid_points = get_dose_grid(lut)
    n = len(grid_points)
    # closed polygon for the winding-number routine, as get_contour_mask_wn builds it
    star_wn = np.zeros((star.shape[0] + 1, star.shape[1]))
    star_wn[:-1] = star
    star_wn[-1] = star[0]
    wn_mask = wn_contains_points(np.zeros(n, dtype=bool), star_wn, grid_points)
    cn_mask = contains_points(np.zeros(n, dtype=bool), star, grid_points)
    cn_mask2 = numba_contains_points(np.zeros(n, dtype=bool), star, grid_points)
    winding = np.array([point_in_contour(p, star) for p in grid_points[::7]])
    sx = np.ascontiguousarray(star[:, 0])
    sy = np.ascontiguousarray(star[:, 1])
    area_star = calc_area(sx, sy)
    area_hex = calc_area(hexagon[:, 0], hexagon[:, 1])
    cen_star = centroid_of_polygon(sx, sy)
    cen_hex = centroid_of_polygon(hexagon[:, 0], hexagon[:, 1])
    convex = (is_convex(star), is_convex(hexagon), is_convex(hexagon[::-1].copy()))
    inside = (check_contour_inside(inner, star), check_contour_inside(star + 50.0, hexagon))
    left = is_left(star[0], star[1], star[3])
    planes = [interpolate_plane_numba(upper[0, 2], lower[0, 2], z, upper, lower)
              for z in np.linspace(lower[0, 2], upper[0, 2], 5)[1:-1]]
    return (wn_mask.reshape((len(y_lut), len(x_lut))), cn_mask, cn_mask2, winding,
            area_star, area_hex, cen_star, cen_hex, convex, inside, left, planes)


def inputs():
    rng = np.random.default_rng(0)
    t = np.linspace(0.0, 2.0 * np.pi, 21)[:-1]
    r = np.where(np.arange(20) % 2 == 0, 30.0, 14.0) + rng.uniform(-2.0, 2.0, 20)
    star = np.column_stack((10.0 + r * np.cos(t), -5.0 + r * np.sin(t)))
    th = np.linspace(0.0, 2.0 * np.pi, 7)[:-1]
    hexagon = np.column_stack((40.0 * np.cos(th), 40.0 * np.sin(th)))
    inner = np.column_stack((10.0 + 4.0 * np.cos(th), -5.0 + 4.0 * np.sin(th)))
    tl = np.linspace(0.0, 2.0 * np.pi, 13)[:-1]
    lower = np.column_stack((20.0 * np.cos(tl), 18.0 * np.sin(tl), np.full(12, -6.0)))
    tu = np.linspace(0.0, 2.0 * np.pi, 17)[:-1]
    upper = np.column_stack((24.0 * np.cos(tu) + 1.5, 21.0 * np.sin(tu), np.full(16, -3.0)))
    x_lut = np.linspace(-30.0, 50.0, 41)
    y_lut = np.linspace(-45.0, 35.0, 33)
    return (star, hexagon, inner, lower, upper, x_lut, y_lut)
