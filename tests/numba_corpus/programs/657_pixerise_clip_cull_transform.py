# Source: enricostara/pixerise src/kernel/clipping_mod.py (at commit 1389761f), src/kernel/culling_mod.py, src/kernel/shading_mod.py (at commit 0dd1749b), src/kernel/transforming_mod.py (at commit 094868c0)
# Licence: MIT (pixerise, pyproject.toml license = { text = "MIT" }; author Enrico Stara)
# Notes: the Numba kernels of Pixerise, a small software 3D renderer written with NumPy and Numba. clipping_mod.py: calculate_bounding_sphere (bounding-box centre, farthest-vertex radius, an IndexError raised for an empty array, returns an (array, float) tuple with a `-> tuple` annotation) and clip_triangle, Sutherland-Hodgman clipping of one triangle against a plane (np.dot of rows, a defaulted plane_d: float=0, np.empty((2, 3, 3)) filled by row assignments of interpolated points, a dozen early returns of (triangles, count) with 0, 1 or 2 triangles). culling_mod.py: back-face culling over an index array (np.cross of row differences, np.bool_ and float32 outputs, a comparison stored into a bool array). shading_mod.py: flat shading (.astype(np.float32) of the arguments, np.maximum of a scalar, np.clip, .astype(np.uint8), a defaulted ambient: float = 0.1). transforming_mod.py: vertex and normal transforms (tuple unpacking of a 3-element array, augmented assignment to the unpacked scalars, chained rotations by tuple assignment, a has_camera flag, np.array([...], dtype=np.float32)) and a perspective projection returning a 3-tuple; its relative imports of the rasterizing and shading modules (unused by these three functions) are left out, and the module docstring shared by clipping_mod.py and transforming_mod.py is kept once. The harness transforms a unit cube (8 vertices, 12 triangles) with and without a camera, culls back faces, flat-shades each triangle, projects the vertices, clips every triangle against three planes (including planes through a vertex), and reports the IndexError of an empty vertex array
"""
JIT-compiled kernel functions for the Pixerise rasterizer.
These functions are optimized using Numba's JIT compilation for better performance.
"""

import numpy as np
from numba import njit
from typing import Tuple


# ---- src/kernel/clipping_mod.py ----
@njit(cache=True)
def calculate_bounding_sphere(vertices: np.ndarray) -> tuple:
    """
    Calculate the center and radius of a bounding sphere containing all given vertices.
    Uses a simple bounding box approach optimized for JIT compilation.
    
    Args:
        vertices: Numpy array of shape (N, 3) containing N 3D points
        
    Returns:
        tuple: (center, radius) where center is a numpy array of shape (3,) and radius is a float
        
    Raises:
        IndexError: If vertices array is empty
    """
    if vertices.shape[0] == 0:
        raise IndexError("Cannot calculate bounding sphere for empty array")
        
    # Find the bounding box
    min_coords = np.empty(3)
    max_coords = np.empty(3)
    
    # Initialize with first vertex
    for i in range(3):
        min_coords[i] = vertices[0, i]
        max_coords[i] = vertices[0, i]
    
    # Find min and max for each coordinate
    for i in range(vertices.shape[0]):
        for j in range(3):
            if vertices[i, j] < min_coords[j]:
                min_coords[j] = vertices[i, j]
            if vertices[i, j] > max_coords[j]:
                max_coords[j] = vertices[i, j]
    
    # Calculate center as the middle of the bounding box
    center = np.empty(3)
    for i in range(3):
        center[i] = (min_coords[i] + max_coords[i]) / 2.0
    
    # Calculate radius as the distance to the furthest vertex
    radius = 0.0
    for i in range(vertices.shape[0]):
        distance_sq = 0.0
        for j in range(3):
            diff = vertices[i, j] - center[j]
            distance_sq += diff * diff
        distance = np.sqrt(distance_sq)
        if distance > radius:
            radius = distance
    
    return center, radius


@njit(cache=True)
def clip_triangle(vertices: np.ndarray, plane_normal: np.ndarray, plane_d: float=0) -> tuple:
    """
    Clip a triangle against a plane using the Sutherland-Hodgman algorithm.
    
    This function implements triangle clipping against a plane, handling various cases:
    1. Triangle completely above plane (preserved)
    2. Triangle completely below plane (removed)
    3. Vertex exactly on plane (special cases)
    4. One vertex above plane, two below (creates one triangle)
    5. Two vertices above plane, one below (creates two triangles)
    
    Args:
        vertices: Numpy array of shape (3, 3) containing the triangle vertices
        plane_normal: Numpy array of shape (3,) representing the plane normal vector (should be normalized)
        plane_d: float, the constant term in the plane equation
        
    Returns:
        tuple: (triangles, num_triangles) where:
               - triangles is a numpy array of shape (2, 3, 3) containing up to 2 triangles
               - num_triangles is the number of triangles after clipping (0, 1, or 2)
               
    Note:
        The function uses signed distances to determine vertex positions relative to the plane:
        - Positive distance: vertex is above/in front of the plane
        - Negative distance: vertex is below/behind the plane
        - Zero distance: vertex lies exactly on the plane
    """
    # Calculate signed distances from each vertex to the plane
    d0 = np.dot(vertices[0], plane_normal) + plane_d
    d1 = np.dot(vertices[1], plane_normal) + plane_d
    d2 = np.dot(vertices[2], plane_normal) + plane_d
    
    # Initialize result array to store up to 2 triangles
    triangles = np.empty((2, 3, 3), dtype=np.float64)
    
    # Case 1: All vertices on or above the plane
    # No clipping needed, return original triangle
    if d0 >= 0 and d1 >= 0 and d2 >= 0:
        triangles[0] = vertices
        return triangles, 1
        
    # Case 2: All vertices below the plane
    # Triangle is completely clipped away
    if d0 < 0 and d1 < 0 and d2 < 0:
        return triangles, 0
        
    # Special cases: Handle vertices exactly on the plane
    # These cases require special handling to avoid division by zero
    # For each vertex on the plane, we check the positions of other vertices
    # and create appropriate triangles based on their positions
    
    # Case 3a: Vertex 0 exactly on plane
    if abs(d0) < 1e-6:  # Using small epsilon for floating-point comparison
        if d1 >= 0 and d2 < 0:  # v1 above, v2 below
            # Calculate intersection point using linear interpolation
            t = d1 / (d1 - d2)  # Interpolation factor
            i = vertices[1] + t * (vertices[2] - vertices[1])  # Intersection point
            triangles[0, 0] = vertices[1]  # Keep clockwise order
            triangles[0, 1] = vertices[0]
            triangles[0, 2] = i
            return triangles, 1
        if d1 < 0 and d2 >= 0:  # v1 below, v2 above
            t = d2 / (d2 - d1)
            i = vertices[2] + t * (vertices[1] - vertices[2])
            triangles[0, 0] = vertices[2]  # Keep clockwise order
            triangles[0, 1] = vertices[0]
            triangles[0, 2] = i
            return triangles, 1
            
    if abs(d1) < 1e-6:  # v1 on plane
        if d0 >= 0 and d2 < 0:  # v0 above, v2 below
            t = d0 / (d0 - d2)
            i = vertices[0] + t * (vertices[2] - vertices[0])
            triangles[0, 0] = vertices[0]  # Keep clockwise order
            triangles[0, 1] = vertices[1]
            triangles[0, 2] = i
            return triangles, 1
        if d0 < 0 and d2 >= 0:  # v0 below, v2 above
            t = d2 / (d2 - d0)
            i = vertices[2] + t * (vertices[0] - vertices[2])
            triangles[0, 0] = vertices[2]  # Keep clockwise order
            triangles[0, 1] = vertices[1]
            triangles[0, 2] = i
            return triangles, 1
            
    if abs(d2) < 1e-6:  # v2 on plane
        if d0 >= 0 and d1 < 0:  # v0 above, v1 below
            t = d0 / (d0 - d1)
            i = vertices[0] + t * (vertices[1] - vertices[0])
            triangles[0, 0] = vertices[0]  # Keep clockwise order
            triangles[0, 1] = i
            triangles[0, 2] = vertices[2]
            return triangles, 1
        if d0 < 0 and d1 >= 0:  # v0 below, v1 above
            t = d1 / (d1 - d0)
            i = vertices[1] + t * (vertices[0] - vertices[1])
            triangles[0, 0] = vertices[1]  # Keep clockwise order
            triangles[0, 1] = i
            triangles[0, 2] = vertices[2]
            return triangles, 1
        
    # Case 4: One vertex above plane, two below
    # Results in one triangle formed by the above vertex and two intersection points
    if d0 >= 0 and d1 < 0 and d2 < 0:
        # Calculate intersection points using linear interpolation
        t1 = d0 / (d0 - d1)  # Interpolation factor for edge v0-v1
        t2 = d0 / (d0 - d2)  # Interpolation factor for edge v0-v2
        i1 = vertices[0] + t1 * (vertices[1] - vertices[0])  # First intersection point
        i2 = vertices[0] + t2 * (vertices[2] - vertices[0])  # Second intersection point
        # Form new triangle using the above vertex and intersection points
        triangles[0, 0] = vertices[0]  # Keep clockwise order
        triangles[0, 1] = i1
        triangles[0, 2] = i2
        return triangles, 1
        
    if d1 >= 0 and d0 < 0 and d2 < 0:
        t1 = d1 / (d1 - d0)
        t2 = d1 / (d1 - d2)
        i1 = vertices[1] + t1 * (vertices[0] - vertices[1])
        i2 = vertices[1] + t2 * (vertices[2] - vertices[1])
        triangles[0, 0] = vertices[1]  # Keep clockwise order
        triangles[0, 1] = i2
        triangles[0, 2] = i1
        return triangles, 1
        
    if d2 >= 0 and d0 < 0 and d1 < 0:
        t1 = d2 / (d2 - d0)
        t2 = d2 / (d2 - d1)
        i1 = vertices[2] + t1 * (vertices[0] - vertices[2])
        i2 = vertices[2] + t2 * (vertices[1] - vertices[2])
        triangles[0, 0] = vertices[2]  # Keep clockwise order
        triangles[0, 1] = i2
        triangles[0, 2] = i1
        return triangles, 1
        
    # Case 5: One vertex below plane, two above
    # Results in two triangles that form a quad
    if d0 < 0 and d1 >= 0 and d2 >= 0:
        # Calculate intersection points using linear interpolation
        t1 = d1 / (d1 - d0)  # Interpolation factor for edge v1-v0
        t2 = d2 / (d2 - d0)  # Interpolation factor for edge v2-v0
        i1 = vertices[1] + t1 * (vertices[0] - vertices[1])  # First intersection point
        i2 = vertices[2] + t2 * (vertices[0] - vertices[2])  # Second intersection point
        # Form two triangles to represent the clipped quad
        triangles[0, 0] = vertices[1]  # First triangle, keep clockwise
        triangles[0, 1] = vertices[2]
        triangles[0, 2] = i2
        triangles[1, 0] = vertices[1]  # Second triangle, keep clockwise
        triangles[1, 1] = i2
        triangles[1, 2] = i1
        return triangles, 2
        
    if d1 < 0 and d0 >= 0 and d2 >= 0:
        t1 = d0 / (d0 - d1)
        t2 = d2 / (d2 - d1)
        i1 = vertices[0] + t1 * (vertices[1] - vertices[0])
        i2 = vertices[2] + t2 * (vertices[1] - vertices[2])
        triangles[0, 0] = vertices[0]  # First triangle, keep clockwise
        triangles[0, 1] = vertices[2]
        triangles[0, 2] = i2
        triangles[1, 0] = vertices[0]  # Second triangle, keep clockwise
        triangles[1, 1] = i2
        triangles[1, 2] = i1
        return triangles, 2
        
    if d2 < 0 and d0 >= 0 and d1 >= 0:
        t1 = d0 / (d0 - d2)
        t2 = d1 / (d1 - d2)
        i1 = vertices[0] + t1 * (vertices[2] - vertices[0])
        i2 = vertices[1] + t2 * (vertices[2] - vertices[1])
        triangles[0, 0] = vertices[0]  # First triangle, keep clockwise
        triangles[0, 1] = vertices[1]
        triangles[0, 2] = i2
        triangles[1, 0] = vertices[0]  # Second triangle, keep clockwise
        triangles[1, 1] = i2
        triangles[1, 2] = i1
        return triangles, 2
    
    return triangles, 1  # Should never reach here


# ---- src/kernel/culling_mod.py ----
@njit(cache=True)
def cull_back_faces(vertices, indices, camera_pos):
    """Cull back-facing triangles based on camera position.
    
    Args:
        vertices: Nx3 array of vertex positions
        indices: Mx3 array of triangle indices into vertices
        camera_pos: 3D camera position
        
    Returns:
        Tuple[ndarray, ndarray]: 
            - Boolean mask of length M indicating which triangles are visible
            - Mx3 array of triangle normals for visible triangles
    """
    num_triangles = len(indices)
    visible = np.ones(num_triangles, dtype=np.bool_)
    normals = np.zeros((num_triangles, 3), dtype=np.float32)
    
    for i in range(num_triangles):
        # Get triangle vertices
        p1 = vertices[indices[i, 0]]
        p2 = vertices[indices[i, 1]]
        p3 = vertices[indices[i, 2]]
        
        # Calculate triangle normal using cross product of edges
        v1 = p2 - p1  # First edge
        v2 = p3 - p1  # Second edge
        normal = np.cross(v1, v2)
        
        # Normalize the normal vector
        length = np.sqrt(np.sum(normal * normal))
        if length > 0:
            normal = normal / length
            
        # Store the normal
        normals[i] = normal
        
        # Calculate vector from any vertex to camera
        view_vector = camera_pos - p1
        
        # If dot product is negative, triangle is facing away from camera
        visible[i] = np.dot(normal, view_vector) < 0
    
    return visible, normals


# ---- src/kernel/shading_mod.py ----
@njit(cache=True)
def triangle_flat_shading(vertices, normal, light_dir, material_color, ambient: float = 0.1) -> np.ndarray:
    """Calculate flat shading color for a triangle.
    
    Args:
        vertices: Triangle vertices (3x3 array)
        normal: Triangle normal vector (3D array)
        light_dir: Light direction vector (3D array)
        material_color: Base material color (RGB array)
        ambient: Ambient light intensity (float)
        
    Returns:
        ndarray: Final RGB color after shading
    """
    # Ensure all inputs are float32
    normal = normal.astype(np.float32)
    light_dir = light_dir.astype(np.float32)
    
    # Calculate diffuse intensity using dot product
    intensity = np.maximum(np.dot(normal, light_dir), 0.0)
    
    # Calculate final color with ambient term
    color = material_color * (ambient + (1.0 - ambient) * intensity)
    
    # Clamp colors to valid range
    color = np.clip(color, 0.0, 255.0)
    
    return color.astype(np.uint8)


# ---- src/kernel/transforming_mod.py ----
@njit(cache=True)
def transform_vertex(vertex: np.ndarray, 
                        translation: np.ndarray, rotation: np.ndarray, scale: np.ndarray,
                        camera_translation: np.ndarray, camera_rotation: np.ndarray,
                        has_camera: bool) -> np.ndarray:
    """
    Transform a vertex in 3D space using scale, rotation, translation, and optional camera transformations.
    This function is optimized using Numba's JIT compilation and avoids matrix creation overhead
    by performing transformations inline.
    
    The transformations are applied in the following order:
    1. Scale
    2. Model Rotation (Y * X * Z order)
    3. Translation
    4. Camera Transform (if has_camera is True):
       - Camera Translation (inverse)
       - Camera Rotation (inverse, Z * X * Y order)
    
    Args:
        vertex: Numpy array of shape (3,) representing the vertex position (x, y, z)
        translation: Numpy array of shape (3,) representing the translation vector (tx, ty, tz)
        rotation: Numpy array of shape (3,) containing rotation angles in radians (rx, ry, rz)
                 around X, Y, and Z axes respectively
        scale: Numpy array of shape (3,) containing scale factors (sx, sy, sz)
        camera_translation: Numpy array of shape (3,) representing camera position (cx, cy, cz)
        camera_rotation: Numpy array of shape (3,) containing camera rotation angles in radians
                        (crx, cry, crz) around X, Y, and Z axes respectively
        has_camera: Boolean flag indicating whether to apply camera transformation
    
    Returns:
        Numpy array of shape (3,) containing the transformed vertex position
    
    Note:
        - Rotations use right-hand rule: positive angles rotate counterclockwise when looking
          along the positive axis towards the origin
        - Camera transformations are applied as inverse operations to transform vertices into
          camera space
        - The implementation avoids matrix multiplication by directly computing the transformed
          coordinates, which is more efficient for single vertex transformations
    """
    # Extract vertex components for direct manipulation
    # This avoids repeated array indexing operations
    x, y, z = vertex
    
    # Step 1: Apply non-uniform scale
    # Scale each component independently to support different scale factors per axis
    x *= scale[0]  # Scale X component
    y *= scale[1]  # Scale Y component
    z *= scale[2]  # Scale Z component
    
    # Step 2: Apply model rotations in Y * X * Z order
    # This order minimizes gimbal lock for most common use cases
    
    # 2a: Z-axis rotation (around Z-axis)
    # [cos(z)  -sin(z)  0]   [x]
    # [sin(z)   cos(z)  0] * [y]
    # [  0       0      1]   [z]
    rx, ry, rz = rotation
    cz, sz = np.cos(rz), np.sin(rz)
    x_new = x * cz - y * sz  # x' = x*cos(z) - y*sin(z)
    y_new = x * sz + y * cz  # y' = x*sin(z) + y*cos(z)
    x, y = x_new, y_new      # z remains unchanged
    
    # 2b: X-axis rotation (around X-axis)
    # [1     0        0  ]   [x]
    # [0   cos(x)  -sin(x)] * [y]
    # [0   sin(x)   cos(x)]   [z]
    cx, sx = np.cos(rx), np.sin(rx)
    y_new = y * cx - z * sx  # y' = y*cos(x) - z*sin(x)
    z_new = y * sx + z * cx  # z' = y*sin(x) + z*cos(x)
    y, z = y_new, z_new      # x remains unchanged
    
    # 2c: Y-axis rotation (around Y-axis)
    # [ cos(y)  0  sin(y)]   [x]
    # [   0     1    0   ] * [y]
    # [-sin(y)  0  cos(y)]   [z]
    cy, sy = np.cos(ry), np.sin(ry)
    x_new = x * cy + z * sy   # x' = x*cos(y) + z*sin(y)
    z_new = -x * sy + z * cy  # z' = -x*sin(y) + z*cos(y)
    x, z = x_new, z_new       # y remains unchanged
    
    # Step 3: Apply translation
    # Simple addition of translation vector components
    x += translation[0]  # Translate along X
    y += translation[1]  # Translate along Y
    z += translation[2]  # Translate along Z
    
    # Step 4: Apply camera transformation if enabled
    if has_camera:
        # 4a: Transform to camera space by subtracting camera position
        # This effectively moves the world relative to the camera
        x -= camera_translation[0]
        y -= camera_translation[1]
        z -= camera_translation[2]
        
        # 4b: Apply inverse camera rotations in Z * X * Y order
        # This is the inverse of model rotation, applied in reverse order
        
        # Y-axis camera rotation (inverse)
        crx, cry, crz = camera_rotation
        ccy, csy = np.cos(cry), np.sin(cry)
        x_new = x * ccy - z * csy   # Inverse of Y rotation matrix
        z_new = x * csy + z * ccy
        x, z = x_new, z_new
        
        # X-axis camera rotation (inverse)
        ccx, csx = np.cos(crx), np.sin(crx)
        y_new = y * ccx + z * csx   # Inverse of X rotation matrix
        z_new = -y * csx + z * ccx
        y, z = y_new, z_new
        
        # Z-axis camera rotation (inverse)
        ccz, csz = np.cos(crz), np.sin(crz)
        x_new = x * ccz + y * csz   # Inverse of Z rotation matrix
        y_new = -x * csz + y * ccz
        x, y = x_new, y_new
    
    # Return the transformed vertex as a new array
    # This ensures the original vertex array is not modified
    return np.array([x, y, z], dtype=np.float32)


@njit(cache=True)
def transform_vertex_normal(normal: np.ndarray, 
                          rotation: np.ndarray,
                          camera_rotation: np.ndarray,
                          has_camera: bool) -> np.ndarray:
    """
    Transform a vertex normal in 3D space using rotation and optional camera transformations.
    This function is optimized using Numba's JIT compilation and avoids matrix creation overhead
    by performing transformations inline.
    
    The transformations are applied in the following order:
    1. Model Rotation (Y * X * Z order)
    2. Camera Rotation (if has_camera is True):
       - Camera Rotation (inverse, Z * X * Y order)
    
    Args:
        normal: Numpy array of shape (3,) representing the normal vector (nx, ny, nz)
        rotation: Numpy array of shape (3,) containing rotation angles in radians (rx, ry, rz)
                 around X, Y, and Z axes respectively
        camera_rotation: Numpy array of shape (3,) containing camera rotation angles in radians
                        (crx, cry, crz) around X, Y, and Z axes respectively
        has_camera: Boolean flag indicating whether to apply camera transformation
    
    Returns:
        Numpy array of shape (3,) containing the transformed normal vector
    
    Note:
        - Rotations use right-hand rule: positive angles rotate counterclockwise when looking
          along the positive axis towards the origin
        - Camera transformations are applied as inverse operations
        - The implementation avoids matrix multiplication by directly computing the transformed
          coordinates, which is more efficient for single normal transformations
    """
    # Extract normal components for direct manipulation
    x, y, z = normal
    
    # Step 1: Apply model rotations in Y * X * Z order
    # This order minimizes gimbal lock for most common use cases
    
    # 1a: Z-axis rotation (around Z-axis)
    rx, ry, rz = rotation
    cz, sz = np.cos(rz), np.sin(rz)
    x_new = x * cz - y * sz
    y_new = x * sz + y * cz
    x, y = x_new, y_new
    
    # 1b: X-axis rotation (around X-axis)
    cx, sx = np.cos(rx), np.sin(rx)
    y_new = y * cx - z * sx
    z_new = y * sx + z * cx
    y, z = y_new, z_new
    
    # 1c: Y-axis rotation (around Y-axis)
    cy, sy = np.cos(ry), np.sin(ry)
    x_new = x * cy - z * sy   # Changed from: x * cy + z * sy
    z_new = x * sy + z * cy   # Changed from: -x * sy + z * cy
    x, z = x_new, z_new
    
    # Step 2: Apply camera rotation if enabled
    if has_camera:
        # Apply inverse camera rotations in Z * X * Y order
        
        # Y-axis camera rotation (inverse)
        crx, cry, crz = camera_rotation
        ccy, csy = np.cos(cry), np.sin(cry)
        x_new = x * ccy - z * csy   # Inverse of Y rotation matrix
        z_new = x * csy + z * ccy
        x, z = x_new, z_new
        
        # X-axis camera rotation (inverse)
        ccx, csx = np.cos(crx), np.sin(crx)
        y_new = y * ccx + z * csx   # Inverse of X rotation matrix
        z_new = -y * csx + z * ccx
        y, z = y_new, z_new
        
        # Z-axis camera rotation (inverse)
        ccz, csz = np.cos(crz), np.sin(crz)
        x_new = x * ccz + y * csz   # Inverse of Z rotation matrix
        y_new = -x * csz + y * ccz
        x, y = x_new, y_new
    
    # Normalize the resulting normal vector
    length = np.sqrt(x * x + y * y + z * z)
    if length > 0:
        x /= length
        y /= length
        z /= length
    
    return np.array([x, y, z], dtype=np.float32)


@njit(cache=True)
def project_vertex(vertex: np.ndarray,
                  canvas_width: int, canvas_height: int,
                  viewport_width: float, viewport_height: float) -> Tuple[float, float, float]:
    """
    Project a vertex from 3D to 2D screen space.
    
    Args:
        vertex: 3D vertex coordinates
        canvas_width: Width of the canvas in pixels
        canvas_height: Height of the canvas in pixels
        viewport_width: Width of the viewport
        viewport_height: Height of the viewport
        
    Returns:
        tuple: Projected coordinates (x, y, z) or (None, None, None) if behind camera
    """
    if vertex[2] <= 0:  # Behind camera
        return (0.0, 0.0, 0.0)  # Return dummy values when behind camera
        
    # Perspective projection
    x = vertex[0] / vertex[2]
    y = vertex[1] / vertex[2]
    
    # Convert to screen space
    x = x * canvas_width / viewport_width
    y = y * canvas_height / viewport_height
    
    return (x, y, vertex[2])


# ---- harness (not part of the program) ----
ENTRY = "pixerise_kernels"


def pixerise_kernels(cube, tris, planes):
    out = {}
    translation = np.array([0.3, -0.2, 5.0])
    rotation = np.array([0.4, 0.7, -0.2])
    scale = np.array([1.0, 1.5, 0.8])
    cam_t = np.array([0.5, 0.2, -1.0])
    cam_r = np.array([0.1, -0.3, 0.05])
    world = np.array([transform_vertex(v, translation, rotation, scale, cam_t, cam_r, False)
                      for v in cube]).astype(np.float64)
    cam = np.array([transform_vertex(v, translation, rotation, scale, cam_t, cam_r, True)
                    for v in cube]).astype(np.float64)
    out["world"] = world
    out["camera"] = cam
    out["normals_tf"] = np.array([transform_vertex_normal(v / np.linalg.norm(v), rotation, cam_r, h)
                                  for v in cube for h in (False, True)])
    out["projected"] = [project_vertex(v, 320, 240, 1.0, 0.75) for v in cam]
    out["projected_behind"] = project_vertex(np.array([1.0, 2.0, -0.5]), 320, 240, 1.0, 0.75)
    visible, normals = cull_back_faces(cam, tris, np.zeros(3))
    out["visible"] = visible
    out["normals"] = normals
    light = np.array([0.3, 0.5, -0.8])
    light = light / np.linalg.norm(light)
    color = np.array([200.0, 120.0, 40.0])
    out["flat"] = np.array([triangle_flat_shading(cam[t], normals[i], light, color)
                            for i, t in enumerate(tris)])
    out["flat_ambient"] = np.array([triangle_flat_shading(cam[t], normals[i], light, color, 0.35)
                                    for i, t in enumerate(tris)])
    clipped = []
    counts = []
    for plane in planes:
        for t in tris:
            tri_v, n = clip_triangle(cam[t], plane[:3], plane[3])
            counts.append(n)
            clipped.append(tri_v[:n].copy())
        tri_v, n = clip_triangle(cam[tris[0]], plane[:3])
        counts.append(n)
        clipped.append(tri_v[:n].copy())
    out["clip_counts"] = np.array(counts)
    out["clipped"] = np.concatenate(clipped)
    # planes through a vertex of a triangle (exactly zero distance)
    tri = np.array([[0.0, 0.0, 1.0], [1.0, 0.0, 2.0], [0.0, 1.0, 0.5]])
    on_plane = []
    for k in range(3):
        for sgn in (1.0, -1.0):
            nrm = np.array([0.0, sgn * 1.0, sgn * 1.0]) / np.sqrt(2.0)
            d = -np.dot(tri[k], nrm)
            tv, n = clip_triangle(tri, nrm, d)
            on_plane.append((n, tv[:n].copy()))
    out["on_plane"] = on_plane
    out["sphere_world"] = calculate_bounding_sphere(world)
    out["sphere_camera"] = calculate_bounding_sphere(cam)
    try:
        calculate_bounding_sphere(np.empty((0, 3)))
        out["empty"] = "no error"
    except IndexError as err:
        out["empty"] = str(err)
    return out


def inputs():
    cube = np.array([[x, y, z] for x in (-1.0, 1.0) for y in (-1.0, 1.0) for z in (-1.0, 1.0)])
    tris = np.array([
        [0, 1, 3], [0, 3, 2], [4, 6, 7], [4, 7, 5], [0, 4, 5], [0, 5, 1],
        [2, 3, 7], [2, 7, 6], [0, 2, 6], [0, 6, 4], [1, 5, 7], [1, 7, 3],
    ], dtype=np.int64)
    planes = np.array([
        [0.0, 0.0, 1.0, -4.6],
        [0.6, 0.0, 0.8, -3.5],
        [0.0, -0.8, 0.6, -2.8],
    ])
    return (cube, tris, planes)
