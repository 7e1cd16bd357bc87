# Source: mingdeyu/DGP dgpsi/vecchia.py (at commit 0313f6a5)
# Licence: MIT (dgpsi, LICENSE; Copyright (c) 2021 Deyu Ming)
# Notes: Vecchia-approximated Gaussian-process emulation from dgpsi (deep GP surrogate models / uncertainty quantification): brute-force ordered nearest-neighbour sets, squared-exponential and Matern-2.5 correlation matrices and their derivatives with respect to the length scales and nugget, the Vecchia log-likelihood and negative log-likelihood with gradient (one small Cholesky factor per point, forward/back substitution), the sparse inverse-Cholesky factor rows, Vecchia GP predictions, and linked-GP predictions whose inputs are themselves Gaussian (closed-form I and J integrals: erf, the long Matern-2.5 Jd/Jd0 expressions, a quadratic form); Numba features: @njit(cache=True), @njit(cache=True, parallel=True[, fastmath=True]) with prange loops that accumulate into 1-element arrays (quad += Liyi[-1]**2, dquad += dquadi) and write rows of shared outputs, a @vectorize([float64(float64)], nopython=True, cache=True, fastmath=True) ufunc, np.linalg.cholesky, boolean-mask filtering idx[idx>=0][::-1], fancy row gathers X[idx,:], np.vstack, np.outer, np.trace(np.linalg.solve(...)), np.argsort, string arguments compared with == ('sexp' / 'matern2.5'), optional arguments tested with `is not None`, `len(length)==1` broadcasting with np.full, tuple returns and parallel-assigned pairs (K[j,i], dK[0,j,i] = K[i,j], dK[0,i,j]); a local variable named quad in vecchia_llik shadows the jitted quad helper. Pasted: the numba/numpy/math imports the kernels use and nn_brute, forward_solve, backward_solve, vecchia_llik, vecchia_nllik, K_vec_nb, K_matrix_nb, dK_matrix_nb, L_matrix, gp_vecch, link_gp_vecch, IJ_nb, pnorm, Jd, Jd0 and quad as published; left out: the faiss/sklearn/scipy/psutil imports and the module-level config.THREADING_LAYER / set_num_threads calls, get_pred_nn and nn (faiss or sklearn neighbour search, replaced in the harness by NumPy argsort), the sparse-matrix builders (imp_pointers*, U_matrix*, csr_matrix users), the non-parallel duplicates, K_cross_nb, extract_NN_m, forward_solve_sp and the commented-out code; the harness uses 40 training points in 2-D with a smooth response, orders neighbour sets with nn_brute(X, 6) then np.fliplr(np.sort(...)) as dgpsi's nn does, and evaluates both kernels: llik, nllik with gradient (estimated scale and nugget), L_matrix, predictions at 9 test points and linked predictions from uncertain inputs (including one zero-variance input dimension), plus pnorm
from numba import njit, prange, vectorize, float64
import numpy as np
from math import erf, sqrt, pi, exp


@njit(cache=True)
def nn_brute(x, m):
    n = x.shape[0]
    m = min(m, n-1)
    NNarray = np.full((n, m+1), -1)
    for i in range(n):
        dist = np.sum((x[:(i+1),:]-x[i,:])**2, axis=1)
        order = np.argsort(dist)
        NNarray[i,:min(m+1, i+1)] = order[:min(m+1, i+1)]
    return NNarray

@njit(cache=True)
def forward_solve(L, b):
    n = L.shape[0]
    x = np.zeros((n,1))
    for i in range(n):
        sumj = 0.0
        for j in range(i):
            sumj += L[i, j] * x[j,0]
        x[i] = (b[i] - sumj) / L[i, i]
    return x

@njit(cache=True)
def backward_solve(U, b):
    n = U.shape[0]
    x = np.zeros((n,1))
    for i in range(n-1, -1, -1):
        sumj = 0.0
        for j in range(i+1, n):
            sumj += U[i, j] * x[j,0]
        x[i] = (b[i] - sumj) / U[i, i]
    return x

@njit(cache=True, parallel=True, fastmath=True)
def vecchia_llik(X, y, NNarray, scale, length, nugget, name):
    n = X.shape[0]
    quad, logdet = np.array([0.]), np.array([0.])
    for i in prange(n):
        idx = NNarray[i]
        idx = idx[idx>=0][::-1]
        xi, yi= X[idx,:], y[idx,:]
        Ki = K_matrix_nb(xi, length, nugget, name)
        Li = np.linalg.cholesky(Ki)  
        Liyi = forward_solve(Li, yi)
        quad += Liyi[-1]**2
        logdet += 2*np.log(np.abs(Li[-1,-1]))
    llik = -0.5*(logdet + quad/scale) 
    return llik

@njit(cache=True, parallel=True, fastmath=True)
def vecchia_nllik(X, y, NNarray, scale, length, nugget, name, scale_est, nugget_est):
    n = X.shape[0]
    p = len(length)
    if nugget_est:
        p += 1
    #quad, logdet = np.array([0.]), np.array([0.])
    dquad, dlogdet = np.zeros(p), np.zeros(p)

    idx = NNarray[0]
    idx = idx[idx>=0][::-1]
    xi, yi = X[idx,:], y[idx,:]
    Ki, dKi = dK_matrix_nb(xi, length, nugget, name, nugget_est)
    #dquadi, dlogdeti = np.zeros(p), np.zeros(p)
    for k in range(p):
        dquad[k], dlogdet[k] = ((yi/Ki)**2*dKi[k])[0,0], (dKi[k]/Ki)[0,0]
    quad = yi[0]**2/Ki[0]
    logdet = np.log(Ki[0])
    #dquad += dquadi
    #dlogdet += dlogdeti

    for i in prange(1,n):
        idx = NNarray[i]
        idx = idx[idx>=0][::-1]
        bsize = len(idx)
        xi, yi = X[idx,:], y[idx,:]
        Ki, dKi = dK_matrix_nb(xi, length, nugget, name, nugget_est)
        dquadi, dlogdeti = np.zeros(p), np.zeros(p)
        Li = np.linalg.cholesky(Ki)  # Perform Cholesky decomposition
        Liyi = forward_solve(Li, yi)
        Ii = np.zeros(bsize)
        Ii[-1] = 1.0
        LiIi = backward_solve(Li.T, Ii)
        for k in range(p):
            LidKi = forward_solve(Li, dKi[k]@LiIi)
            si = (Liyi.T@LidKi)[0]
            dquadi[k], dlogdeti[k] = (2*si*Liyi[-1]-LidKi[-1]*Liyi[-1]**2)[0], (LidKi[-1])[0]
        quad += Liyi[-1]**2
        logdet += 2*np.log(np.abs(Li[-1,-1]))
        dquad += dquadi
        dlogdet += dlogdeti
    if scale_est:
        scale = quad[0]/n
        nllik = 0.5*(logdet + n*np.log(scale))
        ndllik = 0.5*(dlogdet - dquad/scale)
    else:
        nllik = 0.5*(logdet + quad/scale) 
        ndllik = 0.5*(dlogdet - dquad/scale)
    return nllik, ndllik, np.array([scale])

@njit(cache=True,fastmath=True)
def K_vec_nb(X, z, length, name):
    """Compute cross-correlation matrix between the testing and training input data.
    """
    n1, d = X.shape
    X_l, z_l = X/length, z/length
    K_vec = np.zeros(n1)
    if name == 'sexp':
        for i in range(n1):
            dist = 0
            for k in range(d):
                dist += (X_l[i,k] - z_l[k])**2
            K_vec[i] = np.exp(-dist)
    elif name=='matern2.5':
        for i in range(n1):
            coef1, coef2 = 1, 0
            for k in range(d):
                distk = np.abs(X_l[i,k] - z_l[k])
                coef1 *= 1+np.sqrt(5)*distk+(5/3)*distk**2
                coef2 += distk
            K_vec[i] = coef1 * np.exp(-np.sqrt(5) * coef2)
    return K_vec

@njit(cache=True)
def K_matrix_nb(xi, length, nugget, name):
    n, d = xi.shape
    xi_l=xi/length
    K = np.zeros((n,n))
    if name == 'sexp':
        for i in range(n):
            for j in range(i + 1):
                if i==j:
                    K[i,j] = 1 + nugget
                else:
                    dist = 0
                    for k in range(d):
                        dist += (xi_l[i,k] - xi_l[j,k])**2
                    K[i,j] = np.exp(-dist)
                    K[j,i] = K[i,j]
    elif name == 'matern2.5':
        for i in range(n):
            for j in range(i + 1):
                if i==j:
                    K[i,j] = 1 + nugget
                else:
                    coef1, coef2 = 1, 0
                    for k in range(d):
                        distk = np.abs(xi_l[i,k] - xi_l[j,k])
                        coef1 *= 1+np.sqrt(5)*distk+(5/3)*distk**2
                        coef2 += distk
                    K[i,j] = coef1 * np.exp(-np.sqrt(5) * coef2)
                    K[j,i] = K[i,j]
    return K

@njit(cache=True)
def dK_matrix_nb(xi, length, nugget, name, nugget_est):
    n, d = xi.shape
    xi_l=xi/length
    K = np.zeros((n,n))
    if len(length)==1:
        if nugget_est:
            dK = np.zeros((2,n,n))
            for i in range(n):
                dK[1,i,i] = nugget
        else:
            dK = np.zeros((1,n,n))
        if name == 'sexp':
            for i in range(n):
                for j in range(i + 1):
                    if i==j:
                        K[i,j] = 1 + nugget
                    else:
                        dist = 0
                        for k in range(d):
                            dist += (xi_l[i,k] - xi_l[j,k])**2
                        K[i,j] = np.exp(-dist)
                        dK[0,i,j] = 2*dist*K[i,j]
                        K[j,i], dK[0,j,i] = K[i,j], dK[0,i,j]
        elif name == 'matern2.5':
            for i in range(n):
                for j in range(i + 1):
                    if i==j:
                        K[i,j] = 1 + nugget
                    else:
                        coef1, coef2, coef3 = 1, 0, 0
                        for k in range(d):
                            distk = np.abs(xi_l[i,k] - xi_l[j,k])
                            el1, el2 = 1+np.sqrt(5)*distk, (5/3)*distk**2
                            coef = el1 + el2
                            coef1 *= coef
                            coef2 += distk
                            coef3 += el2*el1/coef
                        K[i,j] = coef1 * np.exp(-np.sqrt(5) * coef2)
                        dK[0,i,j] = coef3*K[i,j]
                        K[j,i], dK[0,j,i] = K[i,j], dK[0,i,j]
    else:
        if nugget_est:
            dK = np.zeros((d+1,n,n))
            for i in range(n):
                dK[d,i,i] = nugget
        else:
            dK = np.zeros((d,n,n))
        if name == 'sexp':
            for i in range(n):
                for j in range(i + 1):
                    if i==j:
                        K[i,j] = 1 + nugget
                    else:
                        dist = 0
                        coef = np.zeros(d)
                        for k in range(d):
                            el = (xi_l[i,k] - xi_l[j,k])**2
                            dist += el
                            coef[k] = 2*el
                        K[i,j] = np.exp(-dist)
                        K[j,i] = K[i,j]
                        for k in range(d):
                            dK[k,i,j] = coef[k]*K[i,j]
                            dK[k,j,i] = dK[k,i,j]
        elif name == 'matern2.5':
            for i in range(n):
                for j in range(i + 1):
                    if i==j:
                        K[i,j] = 1 + nugget
                    else:
                        coef1, coef2, coef3 = 1, 0, np.zeros(d)
                        for k in range(d):
                            distk = np.abs(xi_l[i,k] - xi_l[j,k])
                            el1, el2 = 1+np.sqrt(5)*distk, (5/3)*distk**2
                            coef = el1 + el2
                            coef1 *= coef
                            coef2 += distk
                            coef3[k] = el2*el1/coef
                        K[i,j] = coef1 * np.exp(-np.sqrt(5) * coef2)
                        K[j,i] = K[i,j]
                        for k in range(d):
                            dK[k,i,j] = coef3[k]*K[i,j]
                            dK[k,j,i] = dK[k,i,j]
    return K, dK
    
@njit(cache=True, parallel=True)
def L_matrix(X, NNarray, length, nugget, name):
    n, m = NNarray.shape
    L_matrix = np.zeros((n, m))
    for i in prange(n):
        idx = NNarray[i]
        idx = idx[idx>=0][::-1]
        bsize = len(idx)
        Ii = np.zeros(bsize)
        Ii[-1] = 1.0
        xi = X[idx,:]
        Ki = K_matrix_nb(xi, length, nugget, name)
        Li = np.linalg.cholesky(Ki)
        LiIi = backward_solve(Li.T, Ii)
        L_matrix[i, :bsize] = LiIi.T[0][::-1]
    return L_matrix

@njit(cache=True, parallel=True)
def gp_vecch(x,w,NNarray,y,scale,length,nugget,name):
    """Make GP predictions with Vecchia approximation.
    """
    n_pred = x.shape[0]
    m, v = np.zeros(n_pred), np.zeros(n_pred)
    for i in prange(n_pred):
        idx = NNarray[i]
        idx = idx[idx>=0]
        Xi = np.vstack((w[idx,:], x[i:i+1,:]))
        Ki = K_matrix_nb(Xi, length, nugget, name)
        Li = np.linalg.cholesky(Ki)
        yi = y[idx,0]
        m[i] = np.dot(Li[-1,:-1], forward_solve(Li[:-1, :-1], yi).flatten())
        v[i] = scale * Li[-1,-1]**2
    return m, v

@njit(cache=True, parallel=True)
def link_gp_vecch(m, v, z, w1, global_w1, NNarray, y, scale, length, nugget, name):
    """Make linked GP predictions.
    """
    n_pred = m.shape[0]
    m_new, v_new = np.zeros(n_pred), np.zeros(n_pred)
    if z is not None:
        Dw=np.shape(w1)[1]
        Dz=np.shape(z)[1]
        if len(length)==1:
            length=np.full(Dw+Dz, length[0])
    else:
        Dw=np.shape(w1)[1]
        if len(length)==1:
            length=np.full(Dw, length[0])
    for i in prange(n_pred):
        idx = NNarray[i]
        idx = idx[idx>=0]
        yi = y[idx,0]
        if z is not None:
            wi, global_wi = w1[idx,:], global_w1[idx,:]
            Izi = K_vec_nb(global_wi, z[i], length[-Dz::], name)
            Jzi = np.outer(Izi,Izi)
            Ii,Ji = IJ_nb(wi, m[i], v[i], length[:-Dz], name)
            Ii,Ji = Ii*Izi, Ji*Jzi
            Ki = K_matrix_nb(np.concatenate((wi, global_wi),1), length, nugget, name)
        else:
            wi = w1[idx,:]
            Ii,Ji = IJ_nb(wi, m[i], v[i], length, name)
            Ki = K_matrix_nb(wi, length, nugget, name)
        tr_RinvJ=np.trace(np.linalg.solve(Ki,Ji))
        Li = np.linalg.cholesky(Ki)
        Rinv_y = backward_solve(Li.T, forward_solve(Li, yi).flatten()).flatten()
        IRinv_y = np.dot(Ii,Rinv_y)
        m_new[i] = IRinv_y
        v_new[i] = np.abs(quad(Ji,Rinv_y)-IRinv_y**2+scale*(1+nugget-tr_RinvJ))
    return m_new,v_new

@njit(cache=True)
def IJ_nb(X, z_m, z_v, length, name):
    """Compute I and J involved in linked GP predictions.
    """
    n, d = X.shape
    I = np.zeros(n)
    J = np.zeros((n,n))
    if name == 'sexp':
        X_z = X-z_m
        I_coef1, J_coef1 = 1., 1.
        for k in range(d):
            div = 2*z_v[k]/length[k]**2
            I_coef1 *= 1 + div
            J_coef1 *= 1 + 2*div
        I_coef1, J_coef1 = 1/sqrt(I_coef1), 1/sqrt(J_coef1)
        for i in range(n):
            I_coef2 = 0.
            for k in range(d):
                I_coef2 += X_z[i,k]**2/(2*z_v[k]+length[k]**2)
            I[i] = I_coef1 * np.exp(-I_coef2)
            for j in range( i + 1 ):
                if i==j:
                    J_coef2 = 0.
                    for k in range(d):
                        J_coef2 += 2*X_z[i,k]**2/(4*z_v[k]+length[k]**2)
                    J[i,j] = J_coef1 * np.exp(-J_coef2)
                else:
                    J_coef2 = 0.
                    for k in range(d):
                        J_coef2 += (X_z[i,k] + X_z[j,k])**2/(8*z_v[k]+2*length[k]**2)+(X_z[i,k] - X_z[j,k])**2/(2*length[k]**2)
                    J[i,j] = J_coef1 * np.exp(-J_coef2)
                    J[j,i] = J[i,j]
    elif name=='matern2.5':
        zX = z_m-X
        muA, muB = zX-sqrt(5)*z_v/length, zX+sqrt(5)*z_v/length
        for i in range(n):
            Ii = 1.
            for k in range(d):
                if z_v[k]!=0:
                    Ii *= np.exp((5*z_v[k]-2*sqrt(5)*length[k]*zX[i,k])/(2*length[k]**2))* \
                        ((1+sqrt(5)*muA[i,k]/length[k]+5*(muA[i,k]**2+z_v[k])/(3*length[k]**2))*0.5*(1+erf(muA[i,k]/sqrt(2*z_v[k])))+ \
                        (sqrt(5)+(5*muA[i,k])/(3*length[k]))*sqrt(0.5*z_v[k]/pi)/length[k]*np.exp(-0.5*muA[i,k]**2/z_v[k]))+ \
                        np.exp((5*z_v[k]+2*sqrt(5)*length[k]*zX[i,k])/(2*length[k]**2))* \
                        ((1-sqrt(5)*muB[i,k]/length[k]+5*(muB[i,k]**2+z_v[k])/(3*length[k]**2))*0.5*(1+erf(-muB[i,k]/sqrt(2*z_v[k])))+ \
                        (sqrt(5)-(5*muB[i,k])/(3*length[k]))*sqrt(0.5*z_v[k]/pi)/length[k]*np.exp(-0.5*muB[i,k]**2/z_v[k]))
                else:
                    Ii *= (1+sqrt(5)*np.abs(zX[i,k])/length[k]+5*zX[i,k]**2/(3*length[k]**2))*np.exp(-sqrt(5)*np.abs(zX[i,k])/length[k])  
            I[i] = Ii
            for j in range( i + 1 ):
                if i==j:
                    Jii = 1.
                    for k in range(d):
                        if z_v[k]!=0:
                            Jii *= Jd0(X[i,k],z_m[k],z_v[k],length[k])
                        else:
                            Iki = (1+sqrt(5)*np.abs(zX[i,k])/length[k]+5*zX[i,k]**2/(3*length[k]**2))*np.exp(-sqrt(5)*np.abs(zX[i,k])/length[k])
                            Jii *= Iki**2
                    J[i,j] = Jii
                else:
                    Jij = 1.
                    for k in range(d):
                        if z_v[k]!=0:
                            Jij *= Jd(X[j,k],X[i,k],z_m[k],z_v[k],length[k])
                        else:
                            Iki = (1+sqrt(5)*np.abs(zX[i,k])/length[k]+5*zX[i,k]**2/(3*length[k]**2))*np.exp(-sqrt(5)*np.abs(zX[i,k])/length[k])
                            Ikj = (1+sqrt(5)*np.abs(zX[j,k])/length[k]+5*zX[j,k]**2/(3*length[k]**2))*np.exp(-sqrt(5)*np.abs(zX[j,k])/length[k])
                            Jij *= (Iki*Ikj)
                    J[i,j] = Jij
                    J[j,i] = J[i,j]
    return I,J

@vectorize([float64(float64)],nopython=True,cache=True,fastmath=True)
def pnorm(x):
    """Compute standard normal CDF.
    """
    return 0.5*(1+erf(x/sqrt(2))) 

@njit(cache=True,fastmath=True)
def Jd(X1,X2,z_m,z_v,length):
    """Compute J components in different input dimensions for Matern2.5 kernel.
    """
    if X1<X2:
        x1=X1
        x2=X2
    else:
        x1=X2
        x2=X1
    E30=1+(25*x1**2*x2**2-3*sqrt(5)*(3*length**3+5*length*x1*x2)*(x1+x2)+15*length**2*(x1**2+x2**2+3*x1*x2))/(9*length**4)
    E31=(18*sqrt(5)*length**3+15*sqrt(5)*length*(x1**2+x2**2)-(75*length**2+50*x1*x2)*(x1+x2)+60*sqrt(5)*length*x1*x2)/(9*length**4)
    E32=5*(5*x1**2+5*x2**2+15*length**2-9*sqrt(5)*length*(x1+x2)+20*x1*x2)/(9*length**4)
    E33=10*(3*sqrt(5)*length-5*x1-5*x2)/(9*length**4)
    E34=25/(9*length**4)
    muC=z_m-2*sqrt(5)*z_v/length
    E3A31=E30+muC*E31+(muC**2+z_v)*E32+(muC**3+3*z_v*muC)*E33+(muC**4+6*z_v*muC**2+3*z_v**2)*E34
    E3A32=E31+(muC+x2)*E32+(muC**2+2*z_v+x2**2+muC*x2)*E33+(muC**3+x2**3+x2*muC**2+muC*x2**2+3*z_v*x2+5*z_v*muC)*E34
    P1=exp((10*z_v+sqrt(5)*length*(x1+x2-2*z_m))/length**2)*(0.5*E3A31*(1+erf((muC-x2)/sqrt(2*z_v)))+\
        E3A32*sqrt(0.5*z_v/pi)*exp(-0.5*(x2-muC)**2/z_v))
    
    E40=1+(25*x1**2*x2**2+3*sqrt(5)*(3*length**3-5*length*x1*x2)*(x2-x1)+15*length**2*(x1**2+x2**2-3*x1*x2))/(9*length**4)
    E41=5*(3*sqrt(5)*length*(x2**2-x1**2)+3*length**2*(x1+x2)-10*x1*x2*(x1+x2))/(9*length**4)
    E42=5*(5*x1**2+5*x2**2-3*length**2-3*sqrt(5)*length*(x2-x1)+20*x1*x2)/(9*length**4)
    E43=-50*(X1+X2)/(9*length**4)
    E44=25/(9*length**4)
    E4A41=E40+z_m*E41+(z_m**2+z_v)*E42+(z_m**3+3*z_v*z_m)*E43+(z_m**4+6*z_v*z_m**2+3*z_v**2)*E44
    E4A42=E41+(z_m+x1)*E42+(z_m**2+2*z_v+x1**2+z_m*x1)*E43+(z_m**3+x1**3+x1*z_m**2+z_m*x1**2+3*z_v*x1+5*z_v*z_m)*E44
    E4A43=E41+(z_m+x2)*E42+(z_m**2+2*z_v+x2**2+z_m*x2)*E43+(z_m**3+x2**3+x2*z_m**2+z_m*x2**2+3*z_v*x2+5*z_v*z_m)*E44
    P2=exp(-sqrt(5)*(x2-x1)/length)*(0.5*E4A41*(erf((x2-z_m)/sqrt(2*z_v))-erf((x1-z_m)/sqrt(2*z_v)))+\
        E4A42*sqrt(0.5*z_v/pi)*exp(-0.5*(x1-z_m)**2/z_v)-E4A43*sqrt(0.5*z_v/pi)*exp(-0.5*(x2-z_m)**2/z_v))

    E50=1+(25*x1**2*x2**2+3*sqrt(5)*(3*length**3+5*length*x1*x2)*(x1+x2)+15*length**2*(x1**2+x2**2+3*x1*x2))/(9*length**4)
    E51=(18*sqrt(5)*length**3+15*sqrt(5)*length*(x1**2+x2**2)+(75*length**2+50*x1*x2)*(x1+x2)+60*sqrt(5)*length*x1*x2)/(9*length**4)
    E52=5*(5*x1**2+5*x2**2+15*length**2+9*sqrt(5)*length*(x1+x2)+20*x1*x2)/(9*length**4)
    E53=10*(3*sqrt(5)*length+5*x1+5*x2)/(9*length**4)
    E54=25/(9*length**4)
    muD=z_m+2*sqrt(5)*z_v/length
    E5A51=E50-muD*E51+(muD**2+z_v)*E52-(muD**3+3*z_v*muD)*E53+(muD**4+6*z_v*muD**2+3*z_v**2)*E54
    E5A52=E51-(muD+x1)*E52+(muD**2+2*z_v+x1**2+muD*x1)*E53-(muD**3+x1**3+x1*muD**2+muD*x1**2+3*z_v*x1+5*z_v*muD)*E54
    P3=exp((10*z_v-sqrt(5)*length*(x1+x2-2*z_m))/length**2)*(0.5*E5A51*(1+erf((x1-muD)/sqrt(2*z_v)))+\
        E5A52*sqrt(0.5*z_v/pi)*exp(-0.5*(x1-muD)**2/z_v))

    jd=P1+P2+P3
    return jd

@njit(cache=True,fastmath=True)
def Jd0(x1,z_m,z_v,length):
    """Compute J components in different input dimensions for Matern2.5 kernel.
    """
    E30=1+(25*x1**4-6*sqrt(5)*(3*length**3+5*length*x1**2)*x1+75*length**2*(x1**2))/(9*length**4)
    E31=(18*sqrt(5)*length**3+90*sqrt(5)*length*x1**2-(150*length**2+100*x1**2)*x1)/(9*length**4)
    E32=5*(30*x1**2+15*length**2-18*sqrt(5)*length*x1)/(9*length**4)
    E33=10*(3*sqrt(5)*length-10*x1)/(9*length**4)
    E34=25/(9*length**4)
    muC=z_m-2*sqrt(5)*z_v/length
    E3A31=E30+muC*E31+(muC**2+z_v)*E32+(muC**3+3*z_v*muC)*E33+(muC**4+6*z_v*muC**2+3*z_v**2)*E34
    E3A32=E31+(muC+x1)*E32+(muC**2+2*z_v+x1**2+muC*x1)*E33+(muC**3+x1**3+x1*muC**2+muC*x1**2+3*z_v*x1+5*z_v*muC)*E34
    P1=exp((10*z_v+sqrt(5)*length*(2*x1-2*z_m))/length**2)*(0.5*E3A31*(1+erf((muC-x1)/sqrt(2*z_v)))+\
        E3A32*sqrt(0.5*z_v/pi)*exp(-0.5*(x1-muC)**2/z_v))

    E50=1+(25*x1**4+6*sqrt(5)*(3*length**3+5*length*x1**2)*x1+75*length**2*(x1**2))/(9*length**4)
    E51=(18*sqrt(5)*length**3+90*sqrt(5)*length*x1**2+(150*length**2+100*x1**2)*x1)/(9*length**4)
    E52=5*(30*x1**2+15*length**2+18*sqrt(5)*length*x1)/(9*length**4)
    E53=10*(3*sqrt(5)*length+10*x1)/(9*length**4)
    E54=25/(9*length**4)
    muD=z_m+2*sqrt(5)*z_v/length
    E5A51=E50-muD*E51+(muD**2+z_v)*E52-(muD**3+3*z_v*muD)*E53+(muD**4+6*z_v*muD**2+3*z_v**2)*E54
    E5A52=E51-(muD+x1)*E52+(muD**2+2*z_v+x1**2+muD*x1)*E53-(muD**3+x1**3+x1*muD**2+muD*x1**2+3*z_v*x1+5*z_v*muD)*E54
    P3=exp((10*z_v-sqrt(5)*length*(2*x1-2*z_m))/length**2)*(0.5*E5A51*(1+erf((x1-muD)/sqrt(2*z_v)))+\
        E5A52*sqrt(0.5*z_v/pi)*exp(-0.5*(x1-muD)**2/z_v))

    jd=P1+P3
    return jd

@njit(cache=True,fastmath=True)
def quad(A,B):
    n = len(A)
    a = 0
    for k in range(n):
        for l in range(k+1):
            if k==l:
                a += A[k,l]*B[k]**2
            else:
                a += 2*A[k,l]*B[l]*B[k]
    return a
# ---- harness (not part of the program) ----
ENTRY = "run_vecchia"


def _pred_nn(query, x, m):
    # get_pred_nn without faiss/sklearn: the m nearest training points per query
    d2 = ((query[:, None, :] - x[None, :, :]) ** 2).sum(axis=2)
    return np.argsort(d2, axis=1, kind="stable")[:, :m]


def run_vecchia(X, y, Xq, zm, zv):
    out = []
    NN = np.fliplr(np.sort(nn_brute(X, 6)))
    length2 = np.array([0.35, 0.5])
    for name in ("sexp", "matern2.5"):
        out.append(vecchia_llik(X, y, NN, 0.8, length2, 1e-4, name))
        out.append(vecchia_nllik(X, y, NN, 0.8, length2, 1e-3, name, True, True))
        out.append(vecchia_nllik(X, y, NN, 0.8, np.array([0.4]), 1e-3, name, False, False))
        out.append(L_matrix(X, NN, length2, 1e-4, name))
        NNq = _pred_nn(Xq / length2, X / length2, 8)
        out.append(gp_vecch(Xq, X, NNq, y, 0.8, length2, 1e-4, name))
        NNl = _pred_nn(zm / length2, X / length2, 8)
        out.append(link_gp_vecch(zm, zv, None, X, None, NNl, y, 0.8, length2, 1e-4, name))
        out.append(link_gp_vecch(zm, zv, None, X, None, NNl, y, 0.8, np.array([0.45]), 1e-4, name))
    out.append(pnorm(np.linspace(-3.0, 3.0, 13)))
    return tuple(out)


def inputs():
    rng = np.random.default_rng(0)
    X = rng.uniform(0.0, 1.0, (40, 2))
    y = (np.sin(4.0 * X[:, 0]) + np.cos(3.0 * X[:, 1]) * X[:, 0])[:, None]
    Xq = rng.uniform(0.0, 1.0, (9, 2))
    zm = rng.uniform(0.1, 0.9, (7, 2))
    zv = rng.uniform(0.001, 0.02, (7, 2))
    zv[3, 1] = 0.0
    return (X, y, Xq, zm, zv)
