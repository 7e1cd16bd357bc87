# Source: NumEconCopenhagen/ConsumptionSaving consav/linear_interp_1d.py (at commit 7f58771a) with binary_search from consav/linear_interp.py (at commit 9bbfc558)
# Licence: MIT (ConsumptionSaving / consav, the project's LICENSE as published on GitHub; Jeppe Druedahl)
# Notes: the 1-D linear interpolation kernels of consav, used to solve consumption-saving models by value-function iteration and the endogenous grid method (economics): every function is @njit with an eager signature built from numba type objects (double(double[:],double[:],double,int32), void(...), int32[:](int32)) and fastmath=True; binary_search bisects a grid with a while loop on an int32 half; interp_1d_vec loops calling interp_1d, which calls binary_search and _interp_1d (a conditional expression picks the left or right weight); _interp_1d_vec_mon takes two boolean flags, walks a monotone input forward from the previous bracket (while with and) or bisects, stores int32 bracket indices in prep and accumulates the weights into the output in place; interp_1d_prep returns np.zeros(Nyi, dtype=np.int32). Pasted: binary_search with linear_interp.py's imports, and every function of linear_interp_1d.py with its imports (its `from .linear_interp import binary_search` left out, binary_search being pasted above); the harness interpolates a consumption-like function log(1 + m) given on a 40-point grid that is denser at the bottom (as consav.grids.nonlinspace makes) at 200 sorted and 200 unsorted points, through interp_1d_vec, interp_1d_vec_mon, interp_1d_vec_mon_rep (reusing prep) and interp_1d_vec_mon_noprep, with points below and above the grid
import numpy as np
from numba import njit, int32, double

#################
# binary search #
#################

@njit(int32(int32,int32,double[:],double),fastmath=True)
def binary_search(imin,Nx,x,xi):
        
    # a. checks
    if xi <= x[0]:
        return 0
    elif xi >= x[Nx-2]:
        return Nx-2
    
    # b. binary search
    half = Nx//2
    while half:
        imid = imin + half
        if x[imid] <= xi:
            imin = imid
        Nx -= half
        half = Nx//2
        
    return imin

import numpy as np
from numba import njit, boolean, int32, double, void

@njit(double(double[:],double[:],double,int32),fastmath=True)
def _interp_1d(grid1,value,xi1,j1):
    """ 1d interpolation for one point with known location
        
    Args:

        grid1 (numpy.ndarray): 1d grid
        value (numpy.ndarray): value array (1d)
        xi1 (double): input point
        j1 (int): location in grid 

    Returns:

        yi (double): output

    """

    # a. left/right
    nom_1_left = grid1[j1+1]-xi1
    nom_1_right = xi1-grid1[j1]

    # b. interpolation
    denom = (grid1[j1+1]-grid1[j1])
    nom = 0
    for k1 in range(2):
        nom_1 = nom_1_left if k1 == 0 else nom_1_right                    
        nom += nom_1*value[j1+k1]

    return nom/denom

@njit(double(double[:],double[:],double),fastmath=True)
def interp_1d(grid1,value,xi1):
    """ 1d interpolation for one point
        
    Args:

        grid1 (numpy.ndarray): 1d grid
        value (numpy.ndarray): value array (1d)
        xi1 (double): input point

    Returns:

        yi (double): output

    """

    # a. search in each dimension
    j1 = binary_search(0,grid1.size,grid1,xi1)

    return _interp_1d(grid1,value,xi1,j1)

@njit(void(double[:],double[:],double[:],double[:]),fastmath=True)
def interp_1d_vec(grid1,value,xi1,yi):
    """ 1d interpolation for vector of points
        
    Args:

        grid1 (numpy.ndarray): 1d grid
        value (numpy.ndarray): value array (1d)
        xi1 (numpy.ndarray): input vector

    """

    for i in range(yi.size):
        yi[i] = interp_1d(grid1,value,xi1[i])

@njit(int32[:](int32),fastmath=True)
def interp_1d_prep(Nyi):
    """ preperation for 1d interpolation of only last dimension
        
    Args:

        grid1 (numpy.ndarray): 1d grid
        value (numpy.ndarray): value array (1d)
        xi1 (double): input point
        Nyi (int): number of points to be evaluated

    Returns:

        prep (numpy.ndarray): information for remaining operations

    """

    # a. search in non-last dimensions
    
    # b. prep
    prep = np.zeros(Nyi,dtype=np.int32)

    return prep

@njit(void(int32[:],double[:],double[:],double[:],double[:],boolean,boolean),fastmath=True)
def _interp_1d_vec_mon(prep,grid1,value,xi1,yi,monotone,search):
    """ 1d interpolation for vector of points
        
    Args:

        prep (numpy.ndarray): information for remaining operations
        grid1 (numpy.ndarray): 1d grid
        value (numpy.ndarray): value array (1d)
        xi1 (double): input point
        yi (numpy.ndarray): output vector
        monotone (bool): indicator for whether xi1 is monotone
        search (bool): indicator for whether search is needed at all

    """

    # a. search in last dimension
    Nyi = yi.size
    if search:
        for i in range(Nyi):
            if monotone and i > 0:
                j1 = prep[i-1]
                while xi1[i] >= grid1[j1+1] and j1 < grid1.size-2:
                    j1 += 1
                prep[i] = j1
            else:
                prep[i] = binary_search(0,grid1.size,grid1,xi1[i])

    # b. interpolation 
    for i in range(yi.size):  
        yi[i] = 0.0 # initialize
        for k1 in range(2):
            j1 = prep[i]
            nom_1 = grid1[j1+1]-xi1[i] if k1 == 0 else xi1[i]-grid1[j1]            
            yi[i] += nom_1*value[j1+k1]

    for i in range(Nyi):
        j1 = prep[i]
        yi[i] /= (grid1[j1+1]-grid1[j1])

@njit(void(int32[:],double[:],double[:],double[:],double[:]),fastmath=True)
def interp_1d_vec_mon(prep,grid1,value,xi1,yi):
    """ 1d interpolation for vector of points where xi1 is monotone
        
    Args:

        prep (numpy.ndarray): information for remaining operations
        grid1 (numpy.ndarray): 1d grid
        value (numpy.ndarray): value array (1d)
        xi1 (double): input point
        yi (numpy.ndarray): output vector

    """

    _interp_1d_vec_mon(prep,grid1,value,xi1,yi,True,True)    

@njit(void(int32[:],double[:],double[:],double[:],double[:]),fastmath=True)
def interp_1d_vec_mon_rep(prep,grid1,value,xi1,yi):
    """ 1d interpolation for vector of points where xi1 is monotone and search is not needed
        
    Args:

        prep (numpy.ndarray): information for remaining operations
        grid1 (numpy.ndarray): 1d grid
        value (numpy.ndarray): value array (1d)
        xi1 (double): input point
        yi (numpy.ndarray): output vector

    """

    _interp_1d_vec_mon(prep,grid1,value,xi1,yi,True,False)       

@njit(void(double[:],double[:],double[:],double[:]),fastmath=True)
def interp_1d_vec_mon_noprep(grid1,value,xi1,yi):
    """ 1d interpolation for vector of points where xi1 is monotone

    Args:

        grid1 (numpy.ndarray): 1d grid
        value (numpy.ndarray): value array (1d)
        xi1 (double): input point
        yi (numpy.ndarray): output vector

    """

    prep = interp_1d_prep(yi.size)
    _interp_1d_vec_mon(prep,grid1,value,xi1,yi,True,True)  
# ---- harness (not part of the program) ----
ENTRY = "run_interp"


def run_interp(grid, value, xs_sorted, xs_unsorted):
    y_vec = np.empty(xs_unsorted.size)
    interp_1d_vec(grid, value, xs_unsorted, y_vec)
    prep = interp_1d_prep(xs_sorted.size)
    y_mon = np.empty(xs_sorted.size)
    interp_1d_vec_mon(prep, grid, value, xs_sorted, y_mon)
    y_rep = np.empty(xs_sorted.size)
    interp_1d_vec_mon_rep(prep, grid, value, xs_sorted, y_rep)
    y_noprep = np.empty(xs_sorted.size)
    interp_1d_vec_mon_noprep(grid, value, xs_sorted, y_noprep)
    y_one = interp_1d(grid, value, 3.3)
    return y_vec, prep, y_mon, y_rep, y_noprep, y_one


def inputs():
    rng = np.random.default_rng(0)
    # nonlinspace(0, 20, 40, 1.1): a grid denser at the bottom
    x_min, x_max, n, phi = 0.0, 20.0, 40, 1.1
    grid = np.empty(n)
    grid[0] = x_min
    for i in range(1, n):
        grid[i] = grid[i - 1] + (x_max - grid[i - 1]) / (n - i) ** phi
    value = np.log(1.0 + grid)
    xs_unsorted = rng.uniform(-1.0, 22.0, 200)
    xs_sorted = np.sort(rng.uniform(-1.0, 22.0, 200))
    return (grid, value, xs_sorted, xs_unsorted)
