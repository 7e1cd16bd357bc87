# Source: natashabatalha/picaso picaso/fluxes.py (at commit 026dc26c)
# Licence: GPL-3.0 (picaso, setup.py: license = 'GPL-3.0'; Natasha E. Batalha)
# Notes: the coefficients of the tridiagonal system of the two-stream radiative transfer in a layered planetary atmosphere (Toon et al. 1989), for every wavelength at once, as picaso's reflected-light spectrum code builds them: setup_tri_diag (@jit(nopython=True, cache=True)) forms the four exponential combinations e1..e4 from 2-D (layer x wavelength) arrays, allocates A, B, C, D with zeros imported by name from numpy, and fills the even and odd rows through chained strided slices (A[1::2,:][:-1] = ..., A[::2,:][1:] = ..., assignments into a view of a view) from shifted row slices such as gama[1:,:] and c_plus_down[:-1,:], then the first and last rows with the boundary terms (b_top a float, b_surface an array, surf_reflect a float); it returns the tuple (A, B, C, D). Pasted: the numba and numpy import lines (functions imported by name: exp, zeros, where, sqrt, ...) and the commented-out import after them, setup_tri_diag and tri_diag_solve (the Thomas solver picaso then applies to each wavelength column); left out: the imports of time, pickle and scipy.linalg.solve_banded and the rest of the module (the slice_* helpers, setup_pent_diag, pent_diag_solve, get_reflected_1d/3d, the thermal and transit routines), which setup_tri_diag does not call; the harness computes what get_reflected_1d passes for one angle: 20 layers x 40 wavelengths of optical depth, single-scattering albedo, asymmetry and cloud fraction, the Table 1 coefficients g1, g2, g3, lamda, gama, the c_plus/c_minus terms at the top and bottom of each layer for ubar0 = 0.5 and F0PI = 1, exptrm clipped at 40, b_top = 0.0 and the surface term for surf_reflect = 0.1
from numba import jit, objmode
from numpy import exp, zeros, where, sqrt, cumsum , pi, outer, sinh, cosh, min, dot, array,log, log10,ones, array_equal
import numpy as np
#from numpy.linalg import solve

@jit(nopython=True, cache=True)
def setup_tri_diag(nlayer,nwno ,c_plus_up, c_minus_up, 
    c_plus_down, c_minus_down, b_top, b_surface, surf_reflect,
    gama, dtau, exptrm_positive,  exptrm_minus):
    """
    Before we can solve the tridiagonal matrix (See Toon+1989) section
    "SOLUTION OF THE TwO-STREAM EQUATIONS FOR MULTIPLE LAYERS", we 
    need to set up the coefficients. 
    Parameters
    ----------
    nlayer : int 
        number of layers in the model 
    nwno : int 
        number of wavelength points
    c_plus_up : array 
        c-plus evaluated at the top of the atmosphere 
    c_minus_up : array 
        c_minus evaluated at the top of the atmosphere 
    c_plus_down : array 
        c_plus evaluated at the bottom of the atmosphere 
    c_minus_down : array 
        c_minus evaluated at the bottom of the atmosphere 
    b_top : array 
        The diffuse radiation into the model at the top of the atmosphere
    b_surface : array
        The diffuse radiation into the model at the bottom. Includes emission, reflection 
        of the unattenuated portion of the direct beam  
    surf_reflect : array 
        Surface reflectivity 
    g1 : array 
        table 1 toon et al 1989
    g2 : array 
        table 1 toon et al 1989
    g3 : array 
        table 1 toon et al 1989
    lamba : array 
        Eqn 21 toon et al 1989 
    gama : array 
        Eqn 22 toon et al 1989
    dtau : array 
        Opacity per layer
    exptrm_positive : array 
        Eqn 44, expoential terms needed for tridiagonal rotated layered, clipped at 35 
    exptrm_minus : array 
        Eqn 44, expoential terms needed for tridiagonal rotated layered, clipped at 35 
    Returns
    -------
    array 
        coefficient of the positive exponential term 
    
    """
    L = 2 * nlayer

    #EQN 44 

    e1 = exptrm_positive + gama*exptrm_minus
    e2 = exptrm_positive - gama*exptrm_minus
    e3 = gama*exptrm_positive + exptrm_minus
    e4 = gama*exptrm_positive - exptrm_minus


    #now build terms 
    A = zeros((L,nwno)) 
    B = zeros((L,nwno )) 
    C = zeros((L,nwno )) 
    D = zeros((L,nwno )) 

    A[0,:] = 0.0
    B[0,:] = gama[0,:] + 1.0
    C[0,:] = gama[0,:] - 1.0
    D[0,:] = b_top - c_minus_up[0,:]

    #even terms, not including the last !CMM1 = UP
    A[1::2,:][:-1] = (e1[:-1,:]+e3[:-1,:]) * (gama[1:,:]-1.0) #always good
    B[1::2,:][:-1] = (e2[:-1,:]+e4[:-1,:]) * (gama[1:,:]-1.0)
    C[1::2,:][:-1] = 2.0 * (1.0-gama[1:,:]**2)          #always good 
    D[1::2,:][:-1] =((gama[1:,:]-1.0)*(c_plus_up[1:,:] - c_plus_down[:-1,:]) + 
                            (1.0-gama[1:,:])*(c_minus_down[:-1,:] - c_minus_up[1:,:]))
    #import pickle as pk
    #pk.dump({'GAMA_1':(gama[1:,:]-1.0), 'CPM1':c_plus_up[1:,:] , 'CP':c_plus_down[:-1,:], '1_GAMA':(1.0-gama[1:,:]), 
    #   'CM':c_minus_down[:-1,:],'CMM1':c_minus_up[1:,:],'Deven':D[1::2,:][:-1]}, open('../testing_notebooks/GFLUX_even_D_terms.pk','wb'))
    
    #odd terms, not including the first 
    A[::2,:][1:] = 2.0*(1.0-gama[:-1,:]**2)
    B[::2,:][1:] = (e1[:-1,:]-e3[:-1,:]) * (gama[1:,:]+1.0)
    C[::2,:][1:] = (e1[:-1,:]+e3[:-1,:]) * (gama[1:,:]-1.0)
    D[::2,:][1:] = (e3[:-1,:]*(c_plus_up[1:,:] - c_plus_down[:-1,:]) + 
                            e1[:-1,:]*(c_minus_down[:-1,:] - c_minus_up[1:,:]))

    #last term [L-1]
    A[-1,:] = e1[-1,:]-surf_reflect*e3[-1,:]
    B[-1,:] = e2[-1,:]-surf_reflect*e4[-1,:]
    C[-1,:] = 0.0
    D[-1,:] = b_surface-c_plus_down[-1,:] + surf_reflect*c_minus_down[-1,:]

    return A, B, C, D

@jit(nopython=True, cache=True)
def tri_diag_solve(l, a, b, c, d):
    """
    Tridiagonal Matrix Algorithm solver, a b c d can be NumPy array type or Python list type.
    refer to this wiki_ and to this explanation_. 
    
    .. _wiki: http://en.wikipedia.org/wiki/Tridiagonal_matrix_algorithm
    .. _explanation: http://www.cfd-online.com/Wiki/Tridiagonal_matrix_algorithm_-_TDMA_(Thomas_algorithm)
    
    A, B, C and D refer to: 
    .. math:: A(I)*X(I-1) + B(I)*X(I) + C(I)*X(I+1) = D(I)
    This solver returns X. 
    Parameters
    ----------
    A : array or list 
    B : array or list 
    C : array or list 
    C : array or list 
    Returns
    -------
    array 
        Solution, x 
    """
    AS, DS, CS, DS,XK = zeros(l), zeros(l), zeros(l), zeros(l), zeros(l) # copy arrays

    AS[-1] = a[-1]/b[-1]
    DS[-1] = d[-1]/b[-1]

    for i in range(l-2, -1, -1):
        x = 1.0 / (b[i] - c[i] * AS[i+1])
        AS[i] = a[i] * x
        DS[i] = (d[i]-c[i] * DS[i+1]) * x
    XK[0] = DS[0]
    for i in range(1,l):
        XK[i] = DS[i] - AS[i] * XK[i-1]
    return XK
# ---- harness (not part of the program) ----
ENTRY = "setup_tri_diag"


def inputs():
    # get_reflected_1d's preparation for one (ubar0, ubar1) angle pair:
    # 21 levels (20 layers) x 40 wavelengths, Toon et al. (1989) Table 1
    # quadrature coefficients, the particular-solution terms c_plus and
    # c_minus at the top (up) and bottom (down) of each layer, the
    # exponential terms with exptrm clipped at 40 (slice_gt), b_top = 0.0
    # and the surface term
    rng = np.random.default_rng(0)
    nlevel, nwno = 21, 40
    nlayer = nlevel - 1
    dtau = 10.0 ** rng.uniform(-3.0, 0.5, (nlayer, nwno))
    tau = np.zeros((nlevel, nwno))
    tau[1:, :] = np.cumsum(dtau, axis=0)
    w0 = rng.uniform(0.5, 0.99, (nlayer, nwno))
    cosb = rng.uniform(0.0, 0.8, (nlayer, nwno))
    ftau_cld = rng.uniform(0.0, 1.0, (nlayer, nwno))
    ubar0 = 0.5
    F0PI = np.ones(nwno)
    surf_reflect = 0.1
    sq3 = np.sqrt(3.)
    g1 = (sq3 * 0.5) * (2. - w0 * (1. + ftau_cld * cosb))
    g2 = (sq3 * w0 * 0.5) * (1. - ftau_cld * cosb)
    lamda = np.sqrt(g1**2 - g2**2)
    gama = (g1 - lamda) / g2
    g3 = 0.5 * (1. - sq3 * ftau_cld * cosb * ubar0)
    g4 = 1.0 - g3
    denominator = lamda**2 - 1.0 / ubar0**2.0
    a_minus = F0PI * w0 * (g4 * (g1 + 1.0 / ubar0) + g2 * g3) / denominator
    a_plus = F0PI * w0 * (g3 * (g1 - 1.0 / ubar0) + g2 * g4) / denominator
    x = np.exp(-tau[:-1, :] / ubar0)
    c_minus_up = a_minus * x
    c_plus_up = a_plus * x
    x = np.exp(-tau[1:, :] / ubar0)
    c_minus_down = a_minus * x
    c_plus_down = a_plus * x
    exptrm = np.minimum(lamda * dtau, 40.0)
    exptrm_positive = np.exp(exptrm)
    exptrm_minus = 1.0 / exptrm_positive
    b_top = 0.0
    b_surface = 0. + surf_reflect * ubar0 * F0PI * np.exp(-tau[-1, :] / ubar0)
    return (nlayer, nwno, c_plus_up, c_minus_up, c_plus_down, c_minus_down,
            b_top, b_surface, surf_reflect, gama, dtau, exptrm_positive,
            exptrm_minus)
