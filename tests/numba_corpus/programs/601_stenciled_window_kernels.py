# Source: ASEM000/stenciled util.py (at commit 52d083ed); the kernels in the harness are the examples of README.md (at commit 075eb398)
# Licence: MIT (stenciled, LICENSE; Copyright (c) 2021 ASEM)
# Notes: stenciled, a small library that turns a window function into a 2-D stencil sweep with Numba (image processing / finite differences), pasted whole: the decorator factory stenciled(inplace, window, border, parallel, relative_indexing) defines, per use, jitted closures over its arguments — update_window (tuple == tuple comparison against (-1, -1)), get_window (slices a window around a point, padding the whole array when the window is the default), center (re-orders the window so that index [0, 0] is its centre, through four slice copies into np.zeros_like), pad (tuple unpacking of a 4-tuple default argument, np.ones * const) and apply_func (calls the user's jitted kernel, passed as a first-class function, with the centred window and `*args[1:]`) — and returns calculate(*args), a star-args jitted driver that branches on the closed-over border string ('all', 'top', 'left' or None) and, out of place, sweeps a prange nest (njit(parallel=parallel)) writing Y[(yi - py, xi - px)] through a tuple index, or, in place, updates the padded copy of its first argument and returns an interior slice; each `@stenciled(...)` application re-creates these closures with new constants, so every kernel is a separate set of compilations. The harness applies the README's kernels on small float arrays: the relative-indexing 3x3 mean written element by element (default window: the whole padded array is the window), the numpy.mean form with window=(3, 3), the parallel 3x3 convolution with a filter passed as a second argument and relative_indexing=False, the in-place 1-D diffusion update with border='all' (four steps), and the notebook's 'top' border option on a Laplacian; inputs are kept small (12 x 12, 9 x 10 and 6 x 16) and the kernels few, since each compiles its own set of closures (about 20 s under Numba)
# ---- util.py ----

import numpy as np
import numba

def stenciled(      
                inplace = False , 
                window  = (-1,-1), 
                border  =  None, 
                parallel = False, 
                relative_indexing = True ) :

    @numba.njit
    def update_window(S,X):
        if S == (-1,-1) :return X.shape
        else : return S
    
    @numba.njit
    def get_window(X,P,S):
        # X : Array
        # P : Current point
        # S : window size
        if S == (-1,-1):
            S = X.shape; 
            XX = pad(X,border=(S[0],S[1],S[0],S[1]))
            res = ((XX[P[0]+S[0]-S[0]//2:P[0]+S[0]+(S[0]+1)//2,P[1]+S[1]-S[1]//2:P[1]+S[1]+(S[1]+1)//2]))            
            return XX[P[0]+S[0]-S[0]//2:P[0]+S[0]+(S[0]+1)//2,P[1]+S[1]-S[1]//2:P[1]+S[1]+(S[1]+1)//2]
        
        else :
            return X[P[0]-S[0]//2:P[0]+(S[0]+1)//2,P[1]-S[1]//2:P[1]+(S[1]+1)//2]
    
    
    @numba.njit
    def center(X):
        
        if relative_indexing:
            # Adjust array indices from top left to center cell
            rx,cx  = X.shape
            if rx%2 == 0 : r0= (rx-1)//2 +1  # even case: no center => deviate to right
            else :r0= (rx-1)//2
                    
            if cx%2 == 0 : c0= (cx-1)//2 +1  # even case: no center => deviate to right
            else :c0= (cx-1)//2

            result = np.zeros_like(X)

            left_region = X[r0:,:c0] ; result[:rx-r0,cx-c0:] = left_region
            top_region  = X[0:r0,c0:] ; result[rx-r0:,: cx-c0] = top_region
            center_region = X[r0:,c0:] ; result[:rx-r0,:cx-c0] = center_region
            top_left_region = X[:r0,:c0] ; result[rx-r0:,cx-c0:] = top_left_region

            return result
        else :
            return X
    
    @numba.njit
    def pad(X,border=(1,1,1,1),const=0):
        t,r,b,l = border
        xr,xc = X.shape
        Y = np.ones((xr+(t+b),xc+(l+r))) * const
        Y[t:xr+t,l:xc+l] = X
        return Y

    
    @numba.njit
    def apply_func(args,pt,func):

        if len(args)>1:
            #Multiple argument
            return func( center(get_window(args[0],pt,window)), *args[1:]) 
        
        elif len(args)==1 :
            #Single arguments
            return func( center(get_window(args[0],pt,window))  )
    
    
    def _stenciled(func):

        # jit the incoming function
        func=numba.njit(func) 
        
        if inplace == False :
            
            # No update in RowXColumn
            @numba.njit(parallel=parallel)
            def calculate(*args):
                
                ny,nx=args[0].shape ; 
                Y = np.zeros_like(args[0])
                
                if border == 'all' :
                    Y[:,0] = args[0][:,0] ; Y[:,-1] = args[0][:,-1] ; Y[0,:] = args[0][0,:] ; Y[-1,:] = args[0][-1,:]
                    py,px = (np.array(update_window(window,Y))+1) //2
                    padded_args = (pad(args[0] , (py,px,py,px),0),) + args[1:]
                    ny,nx=padded_args[0].shape
                    for yi in numba.prange(py+1,ny-py-1):
                        for xi in numba.prange(px+1,nx-px-1):
                            Y[(yi-py,xi-px)] = apply_func(padded_args,pt=(yi,xi),func=func)
                    return Y 

                elif border =='top':
                    Y[0,:] = args[0][0,:]
                    py,px = (np.array(update_window(window,Y))+1) //2
                    padded_args = (pad(args[0] , (py,px,py,px),0),) + args[1:]
                    ny,nx=padded_args[0].shape
                    for yi in numba.prange(py+1,ny-py):
                        for xi in numba.prange(px,nx-px):
                            Y[(yi-py,xi-px)] = apply_func(padded_args,pt=(yi,xi),func=func)
                    return Y  

                elif border =='left':
                    Y[:,0] = args[0][:,0]
                    py,px = (np.array(update_window(window,Y))+1) //2
                    padded_args = (pad(args[0] , (py,px,py,px),0),) + args[1:]
                    ny,nx=padded_args[0].shape
                    for yi in numba.prange(py,ny-py):
                        for xi in numba.prange(px+1,nx-px):
                            Y[(yi-py,xi-px)] = apply_func(padded_args,pt=(yi,xi),func=func)
                    return Y                 
                
                elif border==None:
                    py,px = (np.array(update_window(window,Y))+1) //2
                    padded_args = (pad(args[0] , (py,px,py,px),0),) + args[1:]
                    ny,nx=padded_args[0].shape
                    for yi in numba.prange(py,ny-py):
                        for xi in numba.prange(px,nx-px):
                            Y[(yi-py,xi-px)] = apply_func(padded_args,pt=(yi,xi),func=func)
                    return Y 

                
            return calculate    

        elif inplace == True:
            
            @numba.njit
            def calculate(*args):
                
                ny,nx=args[0].shape ; 
                Y = np.copy(args[0])

                if border == 'all' :
                    Y[:,0] = args[0][:,0] ; Y[:,-1] = args[0][:,-1] ; Y[0,:] = args[0][0,:] ; Y[-1,:] = args[0][-1,:]
                    py,px = (np.array(update_window(window,Y))+1) //2
                    padded_args = (pad(args[0] , (py,px,py,px),0),) + args[1:]
                    ny,nx=padded_args[0].shape
                    for yi in range(py+1,ny-py-1):
                        for xi in range(px+1,nx-px-1):
                            padded_args[0][(yi,xi)] = apply_func(padded_args,pt=(yi,xi),func=func)
                    return padded_args[0][py:-py,px:-px]

                elif border =='top':
                    Y[0,:] = args[0][0,:]
                    py,px = (np.array(update_window(window,Y))+1) //2
                    padded_args = (pad(args[0] , (py,px,py,px),0),) + args[1:]
                    ny,nx=padded_args[0].shape
                    for yi in range(py+1,ny-py):
                        for xi in range(px,nx-px):
                            padded_args[0][(yi,xi)] = apply_func(padded_args,pt=(yi,xi),func=func)
                    return padded_args[0][py:-py,px:-px]  

                elif border =='left':
                    Y[:,0] = args[0][:,0]
                    py,px = (np.array(update_window(window,Y))+1) //2
                    padded_args = (pad(args[0] , (py,px,py,px),0),) + args[1:]
                    ny,nx=padded_args[0].shape
                    for yi in range(py,ny-py):
                        for xi in numba.prange(px+1,nx-px):
                            padded_args[0][(yi,xi)] = apply_func(padded_args,pt=(yi,xi),func=func)
                    return padded_args[0][py:-py,px:-px]                 
                
                elif border== None:
                    py,px = (np.array(update_window(window,Y))+1) //2
                    padded_args = (pad(args[0] , (py,px,py,px),0),) + args[1:]
                    ny,nx=padded_args[0].shape
                    for yi in range(py,ny-py):
                        for xi in range(px,nx-px):
                            padded_args[0][(yi,xi)] = apply_func(padded_args,pt=(yi,xi),func=func)
                    return padded_args[0][py:-py,px:-px]
                
            return calculate
        
    return _stenciled
    

# ---- harness (not part of the program) ----
import numpy

ENTRY = "stencil_examples"


def _kernels():
    # README.md, Example 1 (both styles), Example 2 and Example 3, decorated
    # as the README decorates them
    @stenciled()
    def mean(x):
        return ( x[1,-1] + x[1,0] + x[1,1] +
                 x[0,-1] + x[0,0] + x[0,1] +
                 x[-1,-1] +x[-1,0] + x[-1,1]) / 9

    @stenciled(window=(3,3))
    def mean3(x): 
        return numpy.mean(x)   

    @stenciled(window=(3,3),relative_indexing=False,parallel=True)
    def convolution_3x3(X,F):return numpy.sum(X*F)

    @stenciled(inplace=True,window=(3,3),border='all')
    def diffusion_1D(u,k): 
        return u[-1,0] + k * (u[-1,1] -2*u[-1,0] + u[-1,-1])

    # the notebook's 'top' border option, on a 5-point Laplacian
    @stenciled(window=(3,3),border='top')
    def laplace_top(x):
        return x[1,0] + x[-1,0] + x[0,1] + x[0,-1] - 4*x[0,0]

    return mean, mean3, convolution_3x3, diffusion_1D, laplace_top


def stencil_examples(X, Y, F, u0):
    mean, mean3, convolution_3x3, diffusion_1D, laplace_top = _kernels()
    u = u0.copy()
    steps = []
    for _ in range(4):
        u = diffusion_1D(u, 0.25)
        steps.append(u.copy())
    return (mean(X), mean3(X), convolution_3x3(X, F), convolution_3x3(Y, F), steps,
            laplace_top(Y))


def inputs():
    rng = np.random.default_rng(0)
    X = rng.integers(low=0, high=1000, size=(12, 12)).astype('float')
    Y = rng.standard_normal((9, 10))
    F = np.array([[3, 4, 4], [1, 0, 2], [-1, 0, 3]], dtype='float')
    u0 = np.zeros((6, 16))
    u0[:, 5:9] = 2.0
    return (X, Y, F, u0)
