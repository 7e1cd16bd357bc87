# Source: MartianColonist/POSEIDON POSEIDON/absorption.py (P_interpolate_wl_initialise_sigma, wl_initialise_cia, T_interpolation_init, T_interpolate_sigma; at commit 001925a4) with prior_index, prior_index_V2 and closest_index from POSEIDON/utility.py (at commit 0121bd08)
# Licence: BSD-3-Clause (POSEIDON, LICENSE; Copyright (c) 2022, Ryan J. MacDonald)
# Notes: opacity pre-processing of POSEIDON, an exoplanet atmosphere retrieval code (astronomy / radiative transfer): P_interpolate_wl_initialise_sigma (@jit(nopython = True)) maps a log10 cross-section table [log P, T, wavenumber] onto a finer pressure grid and the model wavelength grid, choosing by a string argument (wl_interp == 'sample' or 'linear', compared inside the loops) between opacity sampling via closest_index and linear interpolation via prior_index_V2 (variables z, c1, c2 assigned only in one branch each), with sentinel indices -1/-2 in an integer array, 3-D slices log_sigma[x[i]:x[i]+2, j, z] and 2-D rectangles, 10 ** (...) and reversed output indexing (N_wl-1)-k; wl_initialise_cia does the same for collision-induced absorption; T_interpolation_init fills sentinel indices into an int array argument with prior_index (a for/break search with a default start argument and reassigned parameter) and returns inverse-temperature weights; T_interpolate_sigma interpolates in 1/T with np.power of slices unpacked into a tuple. Pasted: numpy and the numba jit imports of both modules (utility.py's `from numba.core.decorators import jit`, absorption.py's `from numba import cuda, jit` without cuda, which these functions do not use), the three utility helpers and the four absorption functions; left out: h5py/scipy/cupy users, GPU kernels and the rest of both modules; the harness builds a synthetic smooth cross-section table (6 pressures, 8 non-uniform temperatures 100-3500 K, 3000 uniform wavenumbers 1000-11000 cm^-1), pressure interpolation indices and weights (with points below and above the table), a 400-point model wavelength grid 1-5 um, and calls the functions with both 'sample' and 'linear', then T-interpolates onto 12 fine temperatures including ones outside the grid
import numpy as np
from numba.core.decorators import jit


@jit(nopython = True)
def prior_index(value, grid, start = 0):
    ''' 
    Search a grid to find the previous index closest to a specified value (i.e. 
    the index of the grid where the grid value is last less than the value). 
    This function assumes the input grid monotonically increases.

    Args:
        value (float):
            Value for which the prior grid index is desired.
        grid (np.array of float):
            Input grid.
        start (int):
            Optional start index when existing knowledge is available.

    Returns:
        index (int):
            Prior index of the grid corresponding to the value.

    '''
        
    if (value > grid[-1]):
        return (len(grid) - 1)
    
    # Check if value out of bounds, if so set to edge value
    if (value < grid[0]): value = grid[0]
    if (value > grid[-2]): value = grid[-2]
    
    index = start
    
    for i in range(len(grid)-start):
        if (grid[i+start] > value): 
            index = (i+start) - 1
            break
            
    return index



@jit(nopython=True)
def prior_index_V2(value, grid_start, grid_end, N_grid):
    ''' 
    Find the previous index of a *uniformly spaced* grid closest to a specified 
    value. When a uniform grid can be assumed, this function is much faster 
    than 'prior_index' due to there being no need for a loop. However, 
    for non-uniform grids one should still default to 'prior_index'.
    This function assumes the input grid monotonically increases.

    Args:
        value (float):
            The value for which the prior grid index is desired.
        grid_start (float):
            The value at the left edge of the uniform grid (array[0]).
        grid_start (float):
            The value at the right edge of the uniform grid (array[-1]).
        N_grid (int):
            The number of points on the uniform grid.

    Returns:
        (int):
            Prior index of the grid corresponding to the value.

    '''
    
    # Set to lower boundary
    if (value < grid_start):
        return 0
    
    # Set to upper boundary
    elif (value > grid_end):
        return N_grid-1
    
    # Use the equation of a straight line, then round down to integer.
    else:
        i = (N_grid-1) * ((value - grid_start) / (grid_end - grid_start))
        return int(i)


@jit(nopython=True)
def closest_index(value, grid_start, grid_end, N_grid):
    '''
    Same as 'prior_index_V2', but for the closest index (i.e. can also round up).

    Args:
        val (float): 
            The value for which closest index is desired.
        grid_start (float):
            The value at the left edge of the uniform grid (array[0]).
        grid_start (float):
            The value at the right edge of the uniform grid (array[-1]).
        N_grid (int):
            The number of points on the uniform grid.

    Returns:
        (int):
            The index of the uniform grid closest to 'value'.

    '''

    # Set to lower boundary
    if (value < grid_start): 
        return 0
    
    # Set to upper boundary
    elif (value > grid_end):
        return N_grid-1
    
    # Use the equation of a straight line, then round to nearest integer.
    else:
        i = (N_grid-1) * ((value - grid_start) / (grid_end - grid_start))
        if ((i%1) <= 0.5):
            return int(i)     # Round down
        else:
            return int(i)+1   # Round up


from numba import jit
import math


@jit(nopython = True)
def P_interpolate_wl_initialise_sigma(N_P_fine, N_T, N_P, N_wl, log_sigma,
                                      x, nu_model, b1, b2, nu_opac, N_nu, 
                                      wl_interp = 'sample'):
    '''
    Interpolates raw cross section onto the desired P and wl grids.
       
    Input sigma has format log10(cross_sec)[log(P)_grid, T_grid, nu_grid], 
    whilst output has format cross_sec[log(P)_pre, T_grid, wl_model].
            
    The input is in wavenumber to take advantage of fast prior index 
    location on a uniform grid, which wouldn't work for the (non-uniform) 
    wavelength grid. Array reversal to output in increasing wavelength is 
    handled by indexing by a factor of (N_wl-1)-k throughout .
            
    If N_P_fine = N_layer, then pressure interpolation is onto the model P grid.
    However, the low sensitivity to small pressure variations means that
    empirical tests have shown that pre-interpolation to N_P_fine >= 0.28*N_layer 
    and simply choosing the nearest element in log(P)_pre results in minimal
    errors. This has the advantage of lowering memory usage.
    
    Wavelength initialisation is handled via opacity sampling (i.e. setting the 
    cross section to the nearest pre-computed wavelength point) or linear 
    interpolation over wavenumber.
       
    '''
    
    sigma_pre_inp = np.zeros(shape=(N_P_fine, N_T, N_wl))
    
    N_nu_opac = len(nu_opac)   # Number of wavenumber points in CIA array
    
    for k in range(N_nu): # Note that the k here is looping over wavenumber

        # Opacity sampling
        if (wl_interp == 'sample'):
        
            # Find closest indices in pre-computed wavenumber array to desired wavenumber grid
            z = closest_index(nu_model[k], nu_opac[0], nu_opac[-1], N_nu_opac)

        # Linear interpolation over wavenumber
        elif (wl_interp == 'linear'):

            # Find previous index on pre-computed wavenumber array to desired model wavenumber
            z = prior_index_V2(nu_model[k], nu_opac[0], nu_opac[-1], N_nu_opac)

            # Weights - fractional distance along wavenumber axis
            w_nu = (nu_model[k]-nu_opac[z])/(nu_opac[z+1]-nu_opac[z])     
            
            # Calculate wavenumber interpolation pre-factors
            c1 = (1.0-w_nu)
            c2 = w_nu  

        for i in range(N_P_fine):
            for j in range(N_T):
            
                # If nu (wl) point out of range of opacity grid, set opacity to zero
                if ((z == 0) or (z == (N_nu_opac-1))):
                    sigma_pre_inp[i, j, ((N_wl-1)-k)] = 0.0
                
                else:

                    if (wl_interp == 'sample'):
                                        
                        # If pressure below minimum, set to value at min pressure
                        if (x[i] == -1):
                            sigma_pre_inp[i, j, ((N_wl-1)-k)] = 10 ** (log_sigma[0, j, z])
                            
                        # If pressure above maximum, set to value at max pressure
                        elif (x[i] == -2):
                            sigma_pre_inp[i, j, ((N_wl-1)-k)] = 10 ** (log_sigma[(N_P-1), j, z])
            
                        # Interpolate sigma in logsace, then power to get interp array
                        else:
                            reduced_sigma = log_sigma[x[i]:x[i]+2, j, z]
                            
                            sigma_pre_inp[i, j, ((N_wl-1)-k)] =  10 ** (b1[i]*(reduced_sigma[0]) +
                                                                        b2[i]*(reduced_sigma[1]))
                            
                    elif (wl_interp == 'linear'):

                        # If pressure below minimum, interpolate minimum pressure value over wavenumber
                        if (x[i] == -1):
                            sigma_pre_inp[i, j, ((N_wl-1)-k)] = 10 ** (c1*log_sigma[0, j, z] +
                                                                       c2*log_sigma[0, j, z+1])

                        # If pressure above maximum, set to value at max pressure
                        elif (x[i] == -2):
                            sigma_pre_inp[i, j, ((N_wl-1)-k)] = 10 ** (c1*log_sigma[(N_P-1), j, z] +
                                                                       c2*log_sigma[(N_P-1), j, z+1])
                            
                        # Pressure and wavenumber interpolation
                        else:

                            # Find rectangle of stored opacity points located at (log_P_1, log_P_2, nu_1, nu_2)
                            log_sigma_rectangle = log_sigma[x[i]:x[i]+2, j, z:z+2]

                            # Interpolate over pressure
                            log_sigma_nu_1 = (b1[i]*(log_sigma_rectangle[0,0]) +       # Cross section at nu_1
                                              b2[i]*(log_sigma_rectangle[1,0]))
                            log_sigma_nu_2 = (b1[i]*(log_sigma_rectangle[0,1]) +       # Cross section at nu_2
                                              b2[i]*(log_sigma_rectangle[1,1]))
                            
                            # Interpolate over wavenumber
                            sigma_pre_inp[i, j, ((N_wl-1)-k)] =  10 ** (c1*log_sigma_nu_1 +
                                                                        c2*log_sigma_nu_2)
                                                        
    return sigma_pre_inp
                    
                
@jit(nopython = True)
def wl_initialise_cia(N_T_cia, N_wl, log_cia, nu_model,nu_cia, N_nu, 
                      wl_interp = 'sample'):
    '''
    Interpolates raw collisionally-induced absorption (CIA) binary cross 
    section onto the desired model wl grid.
    
    Input cia has format log10(alpha)[T_grid, nu_grid], 
    whilst output has format alpha[T_grid, wl_model].
            
    The input is in wavenumber to take advantage of fast prior index 
    location on a uniform grid, which wouldn't work for the (non-uniform) 
    wavelength grid. Array reversal to output in increasing wavelength is 
    handled by indexing by a factor of (N_wl-1)-k throughout .
            
    Wavelength initialisation is handled via either opacity sampling
    (choosing nearest pre-computed wavelength point) or linear interpolation
    over wavenumber.
       
    '''
    
    cia_pre_inp = np.zeros(shape=(N_T_cia, N_wl))
    
    N_nu_cia = len(nu_cia)   # Number of wavenumber points in CIA array

    for k in range(N_nu):

        # Opacity sampling
        if (wl_interp == 'sample'):
        
            # Find closest indices in pre-computed wavenumber array to desired wavenumber grid
            z = closest_index(nu_model[k], nu_cia[0], nu_cia[-1], N_nu_cia)

        # Linear interpolation over wavenumber
        elif (wl_interp == 'linear'):

            # Find previous index on pre-computed wavenumber array to desired model wavenumber
            z = prior_index_V2(nu_model[k], nu_cia[0], nu_cia[-1], N_nu_cia)

            # Weights - fractional distance along wavenumber axis
            w_nu = (nu_model[k]-nu_cia[z])/(nu_cia[z+1]-nu_cia[z])
            
            # Calculate wavenumber interpolation pre-factors
            c1 = (1.0-w_nu)
            c2 = w_nu  
            
        for i in range(N_T_cia):  
        
            # If wl out of range of opacity, set opacity to zero
            if ((z == 0) or (z == (N_nu_cia-1))):
                cia_pre_inp[i, ((N_wl-1)-k)] = 0.0
            
            else:

                # Opacity sampling   
                if (wl_interp == 'sample'):
                    cia_pre_inp[i, ((N_wl-1)-k)] = 10 ** (log_cia[i, z])

                # Linear interpolation over wavenumber
                elif (wl_interp == 'linear'):
                    cia_pre_inp[i, ((N_wl-1)-k)] = 10 ** (c1*log_cia[i, z] +
                                                          c2*log_cia[i, z+1])
               
    return cia_pre_inp


@jit(nopython = True)
def T_interpolation_init(N_T_fine, T_grid, T_fine, y):
    ''' 
    Precomputes the T interpolation weight factors, so this does not
    need to be done multiple times across all species.
        
    '''
    
    w_T = np.zeros(N_T_fine)
    
    # Find T index in cross section arrays prior to fine temperature value
    for j in range(N_T_fine):
        
        if (T_fine[j] < T_grid[0]):   # If fine temperature point falls off LHS of temperature grid
            y[j] = -1                 # Special value (-1) stored, interpreted in interpellator
            w_T[j] = 0.0              # Weight not used in this case
            
        elif (T_fine[j] >= T_grid[-1]):   # If fine temperature point falls off RHS of temperature grid
            y[j] = -2                     # Special value (-2) stored, interpreted in interpellator
            w_T[j] = 0.0                  # Weight not used in this case
        
        else:
            
            # Have to use prior_index (V1) here as T_grid is not uniformly spaced
            y[j] = prior_index(T_fine[j], T_grid, 0)       # For cross section T interpolation
            
            # Pre-computed temperatures to left and right of fine temperature value
            T1 = T_grid[y[j]]
            T2 = T_grid[y[j]+1]
            
            # Precompute temperature weight factor
            w_T[j] = (1.0/((1.0/T2) - (1.0/T1)))
  
    return w_T


@jit(nopython = True)
def T_interpolate_sigma(N_P_fine, N_T_fine, N_T, N_wl, sigma_pre_inp, T_grid, 
                        T_fine, y, w_T):
    ''' 
    Interpolates pre-processed cross section onto the fine T grid.
       
    Note: input sigma has format cross_sec[log(P)_pre, T_grid, wl_model], 
          whilst output has format cross_sec[log(P)_pre, T_fine, wl_model].
             
    Output is the interpolated cross section as a 3D array.
        
    '''
    
    sigma_inp = np.zeros(shape=(N_P_fine, N_T_fine, N_wl))

    for i in range(N_P_fine):       # Loop over pressures
        for j in range(N_T_fine):   # Loop over temperatures
            
            T = T_fine[j]           # Temperature we wish to interpolate to
            T1 = T_grid[y[j]]
            T2 = T_grid[y[j]+1]
            
            for k in range(N_wl):   # Loop over wavelengths
                
                # If T_fine below min value (100 K), set sigma to value at min T
                if (y[j] == -1):
                    sigma_inp[i, j, k] = sigma_pre_inp[i, 0, k]
                    
                # If T_fine above max value (3500 K), set sigma to value at max T
                elif (y[j] == -2):
                    sigma_inp[i, j, k] = sigma_pre_inp[i, (N_T-1), k]
            
                # Interpolate sigma to fine temperature grid value
                else: 
                    sig_reduced = sigma_pre_inp[i, y[j]:y[j]+2, k]
                    sig_1, sig_2 = sig_reduced[0], sig_reduced[1]    # sigma(T1)[i,k], sigma(T2)[i,k]
                    
                    sigma_inp[i, j, k] =  (np.power(sig_1, (w_T[j]*((1.0/T2) - (1.0/T)))) *
                                           np.power(sig_2, (w_T[j]*((1.0/T) - (1.0/T1)))))
            
    return sigma_inp
# ---- harness (not part of the program) ----
ENTRY = "run_opacity"


def run_opacity(log_P_grid, T_grid, nu_opac, log_sigma, log_cia, log_P_fine, wl_model, T_fine):
    N_P = len(log_P_grid)
    N_T = len(T_grid)
    N_P_fine = len(log_P_fine)
    N_wl = len(wl_model)
    nu_model = np.sort(1.0e4 / wl_model)
    N_nu = len(nu_model)
    # pressure interpolation indices and weights (as POSEIDON's P_interpolation_init)
    x = np.zeros(N_P_fine, dtype=np.int64)
    b1 = np.zeros(N_P_fine)
    b2 = np.zeros(N_P_fine)
    for i in range(N_P_fine):
        if log_P_fine[i] < log_P_grid[0]:
            x[i] = -1
        elif log_P_fine[i] >= log_P_grid[-1]:
            x[i] = -2
        else:
            x[i] = prior_index(log_P_fine[i], log_P_grid, 0)
            w = (log_P_fine[i] - log_P_grid[x[i]]) / (log_P_grid[x[i] + 1] - log_P_grid[x[i]])
            b1[i] = 1.0 - w
            b2[i] = w
    out = {}
    for mode in ('sample', 'linear'):
        sigma_pre = P_interpolate_wl_initialise_sigma(N_P_fine, N_T, N_P, N_wl, log_sigma, x,
                                                      nu_model, b1, b2, nu_opac, N_nu, mode)
        cia_pre = wl_initialise_cia(N_T, N_wl, log_cia, nu_model, nu_opac, N_nu, mode)
        y = np.zeros(len(T_fine), dtype=np.int64)
        w_T = T_interpolation_init(len(T_fine), T_grid, T_fine, y)
        sigma = T_interpolate_sigma(N_P_fine, len(T_fine), N_T, N_wl, sigma_pre, T_grid,
                                    T_fine, y, w_T)
        out[mode] = (sigma_pre, cia_pre, y, w_T, sigma)
    return out['sample'], out['linear'], wl_initialise_cia(N_T, N_wl, log_cia, nu_model, nu_opac, N_nu)


def inputs():
    rng = np.random.default_rng(0)
    log_P_grid = np.linspace(-6.0, 2.0, 6)
    T_grid = np.array([100.0, 300.0, 600.0, 1000.0, 1500.0, 2000.0, 2800.0, 3500.0])
    nu_opac = np.linspace(1000.0, 11000.0, 3000)
    base = -22.0 + 1.5 * np.sin(nu_opac / 700.0) + 0.3 * rng.standard_normal(len(nu_opac))
    log_sigma = (base[None, None, :] + 0.2 * log_P_grid[:, None, None]
                 + 0.0004 * T_grid[None, :, None])
    log_cia = -44.0 + np.cos(nu_opac / 900.0)[None, :] + 0.0003 * T_grid[:, None]
    log_P_fine = np.linspace(-7.0, 2.5, 14)
    wl_model = np.linspace(1.0, 5.0, 400)
    T_fine = np.array([50.0, 150.0, 250.0, 400.0, 800.0, 1200.0, 1700.0, 2100.0,
                       2600.0, 3000.0, 3500.0, 4000.0])
    return (log_P_grid, T_grid, nu_opac, log_sigma, log_cia, log_P_fine, wl_model, T_fine)
