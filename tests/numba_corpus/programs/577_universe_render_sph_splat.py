# Source: pointeee/universe_render universe_render/sph_kernels.py, universe_render/config.py, universe_render/render.py and universe_render/camera.py (all at commit 3e8f4e65)
# Licence: MIT (universe_render, LICENSE; Copyright (c) 2024 pointeee)
# Notes: universe_render, a renderer of cosmological hydrodynamics snapshots (astronomy / visualisation): SPH gas particles are projected through a pinhole camera (plain-Python Camera class: look-at and perspective matrices, clip-space mask, canvas transform) and splatted onto a 1920 x 1080 pixel grid by render_cpu, a jitted loop over particles and the pixels of each particle's 2h footprint (int(max(...))/int(min(...)) bounds against the module constants npix_x, npix_y, a tuple-unpacking assignment of two bounds per line), calling a jitted dist and the 2-D cubic spline kernel through the module-level name sph_kernel bound to the @jit(nopython=True) function cubic_spline_2D (a dispatcher held in a global), accumulating into the grid argument and returning it. Pasted: sph_kernels.py, the rendering settings of config.py (sph_kernel = cubic_spline_2D and npix_x, npix_y; its data and output paths and save flags left out, and `from sph_kernels import cubic_spline_2D` since it is defined above), render.py without its numba_mpi import and `from config import ...` (defined above), and camera.py as published (the harness uses its Camera, raw_to_clip and clip_to_canvas as the package's driver does). The harness renders 400 particles of a synthetic clumpy gas distribution from two camera positions, and evaluates the kernel at a few radii
import numpy as np
import math
from numba import jit

@jit(nopython=True)
def cubic_spline_2D(r, h):
    q = r / h
    fac = 10. * np.pi / 7.0 / h / h
    if q > 2.0:
        val = 0.
    elif q > 1.0:
        val = 0.25 * (2. - q) * (2. - q) * (2. - q)
    else:
        val = 1 - 1.5 * q * q * (1 - 0.5 * q)
    return val * fac


# ---- universe_render/config.py (rendering settings) ----

sph_kernel = cubic_spline_2D
npix_x, npix_y = 1920, 1080


# ---- universe_render/render.py ----

import math
import numpy as np 
import numba 
from numba import njit


@njit
def dist(x1, y1, x2, y2):
    return math.sqrt((x1-x2)*(x1-x2)+(y1-y2)*(y1-y2))


@njit
def render_cpu(w, h, p, grid):
    nx, ny = npix_x, npix_y
    npart = w.size
    for ip in range(npart):
        ix_start, ix_end = int(max(0, p[ip,0] - 2*h[ip])), int(min(nx, p[ip,0] + 2*h[ip]))
        iy_start, iy_end = int(max(0, p[ip,1] - 2*h[ip])), int(min(ny, p[ip,1] + 2*h[ip]))
        for ix in range(ix_start, ix_end):
            for iy in range(iy_start, iy_end):
                r = dist(p[ip,0], p[ip,1], ix, iy)
                grid[ix, iy] = sph_kernel(r, h[ip])*w[ip] + grid[ix, iy]
    return grid


# ---- universe_render/camera.py ----

import numpy as np
from numba import jit

class Camera(object):
    def __init__(self, pos, taD, up=np.array([0, 1, 0]), fov=90, zNear=0.1, zFar=5000):
        self.pos = pos
        self.taD_ = taD # this is the direction the camera pointing
        self.taD = self.norm(-taD) # this is the direction of +z in camera coordi system
        self.upV = up
        self.riD = self.norm(np.cross(self.upV, self.taD))
        self.upD = self.norm(np.cross(self.taD, self.riD))

        self.fov   = fov / 180 * np.pi
        self.zNear = zNear
        self.zFar  = zFar

    def look_at_matrix(self): # aka view matrix
        A = np.array([[self.riD[0], self.riD[1], self.riD[2], 0          ], 
                       [self.upD[0], self.upD[1], self.upD[2], 0          ],
                       [self.taD[0], self.taD[1], self.taD[2], 0          ],
                       [0          , 0          , 0          , 1          ]])
        B = np.array([[1          , 0          , 0          ,-self.pos[0]], 
                       [0          , 1          , 0          ,-self.pos[1]],
                       [0          , 0          , 1          ,-self.pos[2]],
                       [0          , 0          , 0          , 1          ]])
        return A@B

    @classmethod
    def project_matrix(cls, l, r, b, t, n, f):
        """
        l - left (<0)
        r - right (>0)
        t - top (>0)
        b - bottom (<0)
        n - near
        f - far
        """
        M = np.array([[2*n/(r-l), 0        , (r+l)/(r-l),            0],
                       [0        , 2*n/(t-b), (t+b)/(t-b),            0],
                       [0        , 0        ,-(f+n)/(f-n), -2*f*n/(f-n)],
                       [0        , 0        ,          -1           , 0]])
        return M

    @classmethod
    def project_matrix_sym(cls, r, t, n, f):
        return cls.project_matrix(-r, r, -t, t, n, f)

    def project_matrix_from_fov(self):
        r1 = np.tan(self.fov / 2)
        t1 = np.tan(self.fov / 2)
        return self.project_matrix_sym(r1*self.zNear, t1*self.zNear, self.zNear, self.zFar)

    def to_clip(self, h, pos_4):
        view_pos_4 = self.look_at_matrix() @ pos_4
        clip_pos_4 = self.project_matrix_from_fov() @ view_pos_4
        w = clip_pos_4[3]
        clip_h     = h / np.abs(view_pos_4[2]) / np.tan(self.fov/2)
        clip_pos_4 = clip_pos_4 / w
        return clip_h, clip_pos_4

    def to_mask_clip(self, weight, h, pos_4, clip_x=1, clip_y=1):
        clip_h, clip_coord = self.to_clip(h, pos_4)
        clip_h = np.array(clip_h)
        mask = (clip_coord[0]>-clip_x) * (clip_coord[0]<clip_x) * (clip_coord[1]>-clip_y) * (clip_coord[1]<clip_y) * (clip_coord[2]>-1) * (clip_coord[2]<1)
        masked_w = weight[mask]
        masked_h = clip_h[mask]
        masked_coord = clip_coord[0:2,mask].T
        return masked_w, masked_h, masked_coord, mask
    
    @classmethod
    def norm(cls, vec):
        return vec / np.sum(vec**2.)**.5

def raw_to_clip(c, weight, hsml, pos, npix_x, npix_y):
    """
    a wrapper to convert the particle data to masked clip space.
    ------
    c - camera.Camera object
    pos  - ndarray([n_part, 3]) position of particles
    hsml - ndarray([n_part]) "size" of particles
    weight - ndarray([n_part]) the quantity to map on the canvas
    
    npix_x - int. number of pixels along the x axis
    npix_y - int. number of pixels along the y axis
    ------
    w - ndarray([n_part_masked]) the quantity to map on the clip space after the mask
    h - ndarray([n_part_masked]) the size of particles on the clip space after the mask
    p - ndarray([n_part_masked, 2]) the position of particels on the clip space after the mask
    """
    n_part = len(hsml)
    pos_4 = np.hstack([pos, np.ones(shape=(n_part, 1))]).T
    w, h, p, _ = c.to_mask_clip(weight, hsml, pos_4, clip_x=npix_x/npix_y, clip_y=1)
    return w, h, p
    
def clip_to_canvas(h, p, npix_x, npix_y):
    """
    a warpper to conver the particles from the clip space to the canvas
    [(-nx/ny, 1) --- ( nx/ny, 1)]       [( 0,ny) --- (nx,ny)]
    [                           ]  ---> [                   ]
    [                           ]  ---> [                   ]
    [(-nx/ny,-1) --- ( nx/ny,-1)]       [( 0, 0) --- (nx, 0)]
    ------
    h - ndarray([n_part_masked])
    p - ndarray([n_part_masked, 2])
    ------
    h_index - ndarray([n_part_masked])
    p_index - ndarray([n_part_masked, 2])
    """
    h_index = h * npix_y / 2
    p_index = p * npix_y / 2 + np.array([npix_x/2, npix_y/2])
    return h_index, p_index
    
    
# ---- harness (not part of the program) ----
ENTRY = "run_render"


def run_render(pos, hsml, mass):
    out = []
    for cam_pos, target in ((np.array([0.0, 0.0, 60.0]), np.array([0.0, 0.0, -1.0])),
                            (np.array([45.0, 10.0, 40.0]), np.array([-0.7, -0.15, -0.7]))):
        c = Camera(cam_pos, target)
        w, h, p = raw_to_clip(c, mass, hsml, pos, npix_x, npix_y)
        h_index, p_index = clip_to_canvas(h, p, npix_x, npix_y)
        grid = np.zeros((npix_x, npix_y))
        grid = render_cpu(w, h_index, p_index, grid)
        out.append((w.size, grid[::8, ::8].copy(), grid.sum(), grid.max()))
    out.append(np.array([cubic_spline_2D(r, 2.0) for r in (0.0, 0.5, 2.0, 3.5, 4.5)]))
    out.append(dist(1.0, 2.0, 4.0, 6.0))
    return tuple(out)


def inputs():
    rng = np.random.default_rng(0)
    centres = rng.normal(0.0, 12.0, (8, 3))
    pos = np.concatenate([c + rng.normal(0.0, 2.5, (50, 3)) for c in centres])
    hsml = rng.uniform(0.4, 1.5, pos.shape[0])
    mass = rng.uniform(0.5, 2.0, pos.shape[0])
    return (pos, hsml, mass)
