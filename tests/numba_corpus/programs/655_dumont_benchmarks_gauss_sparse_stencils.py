# Source: Thierry-Dumont/BenchmarksPythonJuliaAndCo Gaussian/Numba/factorMatrix.py (at commit 0f06f2c5), Sparse/Numba/build2.py (at commit 95029e29), Sparse/Numba/build3.py (at commit 3d27b48d), MicroBenchmarks/Numba/main_lapl_1d.py, main_lapl_2d.py, main_cl.py (at commit 1dc0c4a6)
# Licence: MIT (BenchmarksPythonJuliaAndCo, LICENSE; Copyright (c) 2018 Thierry Dumont)
# Notes: the Numba entries of Thierry Dumont's benchmarks comparing Python (Numba, Pythran), Julia, C++ and Fortran on small numerical kernels. factorMatrix.py: Gaussian elimination with partial pivoting of an (n, n+1) augmented matrix as an in-place @numba.guvectorize(["void(float64[:, :])"], "(n, m)", nopython=True, target='parallel') generalized ufunc (no output operand; abs, row swaps through a temporary, nested elimination loops). build2.py / build3.py: @jit assembly of the COO triplets (row, col, value arrays of dtype=int and dtype=float) of the 2-D 5-point and 3-D 7-point finite-difference Laplacians, iterating `for i1 in [-1,1]` over a list literal with bounds tests, returning a 4-tuple. From the micro-benchmark scripts, their @jit kernels: the 1-D Laplacian by slices (lapl1d_1) and by a loop (lapl1d_2), the 2-D one by slices (lapl2d_1) and by loops (lapl2d_2), both swapping In and Out by tuple assignment after every iteration, and the axpy-like cl_2 (cl_1 rebinds a local only, so is not called); lapl2d_1 reads `size`, which is not its own local but the script's module-level variable (its first value, `size=16`, is kept as the global it reads), and the scripts' Init helper is pasted once (the three copies are identical up to X.size vs X.shape[0]: the 1-D one is used). The timing drivers are left out; the rando jitclass that fills the Gaussian benchmark's matrix (imported as `from numba import jitclass`, gone from current Numba) is replaced by a deterministic diagonally weighted matrix. The harness factors a stack of three 7x8 systems in place (back-substitution done in NumPy for the check), builds the 2-D (size 6) and 3-D (size 4) Laplacians, and runs each stencil for 3 and 4 iterations on the scripts' initial profile
import numba
import numpy as np
from numba import jit


# ---- Gaussian/Numba/factorMatrix.py ----
@numba.guvectorize(["void(float64[:, :])"], "(n, m)", nopython=True, target='parallel')
def factorMatrix(M):
# Gaussian elimination, partial pivoting.
# M must be an (n,n+1) numpy array. Not tested!
    n = M.shape[0]
    m = M.shape[1]
    for line in range(0, n-1):
        # find pivot
        cmax = line
        vmax = abs(M[line, line])
        for i in range(line+1, n):
            if abs(M[i, line]) > vmax:
                vmax = abs(M[i, line])
                cmax = i

        # exchange rows if necessary
        if cmax != line:
            for j in range(line, m):
                t = M[line, j]
                M[line, j] = M[cmax, j]
                M[cmax, j] = t

        # eliminate
        pivot = M[line, line]
        for j in range(line+1, n):
            v = M[j, line] / pivot
            for k in range(line, m):
                M[j, k]-= v * M[line, k]


# ---- Sparse/Numba/build2.py ----
@jit
def build2(size):
    #how many coefficients ?
    nc= 5*(size-2)**2+ 16*(size-2)+ 12
    row= np.empty((nc),dtype=int)
    col=np.empty((nc),dtype=int)
    v=np.empty((nc),dtype=float)
    h=1./(size-1)
    h2=h*h
    cd=-4/h2
    hd=1./h2;
    #I=lambda i,j: i*size+j
    count=0

    for i in range(0,size):
        for j in range(0,size):
             l=i*size+j
             row[count]=l
             col[count]=l
             v[count]=cd
             count+=1
             for i1 in [-1,1]:
                 if i+i1>=0 and i+i1<size:
                     row[count]=l
                     col[count]=(i+i1)*size+j
                     v[count]=hd
                     count+=1
                 if j+i1>=0 and j+i1<size:
                    row[count]=l
                    col[count]=i*size+j+i1
                    v[count]=hd
                    count+=1
    
    return nc,row,col,v


# ---- Sparse/Numba/build3.py ----
@jit
def build3(size):
    nc= 7*(size-2)**3 + 36*(size-2)**2 + 60*(size-2)+ 8*4
    row= np.empty((nc),dtype=int)
    col=np.empty((nc),dtype=int)
    v=np.empty((nc),dtype=float)
    h=1./(size-1)
    h2=h*h
    cd=-6/h2
    hd=1./h2
    size2=size*size
    #I=lambda i,j,k: i*size2+j*size+k
    #
    count=0
    for i in range(0,size):
        for j in range(0,size):
            for k in range(0,size):
                #l=I(i,j,k)
                l=i*size2+j*size+k
                row[count]=l
                col[count]=l
                v[count]=cd
                count+=1
                for i1 in [-1,1]:
                    if i+i1>=0 and i+i1<size:
                        row[count]=l
                        #col[count]=I(i+i1,j,k)
                        col[count]=l+i1*size2
                        v[count]=hd
                        count+=1                    
                    if j+i1>=0 and j+i1<size:
                        row[count]=l
                        #col[count]=I(i,j+i1,k)
                        col[count]=l+i1*size
                        v[count]=hd
                        count+=1
                    if k+i1>=0 and k+i1<size:
                        row[count]=l
                        #col[count]=I(i,j,k+i1)
                        col[count]=l+i1
                        v[count]=hd
                        count+=1
    return nc,row,col,v


# ---- MicroBenchmarks/Numba/main_lapl_1d.py (Init and the kernels) ----
def Init(X,L):
    size=X.size
    h=L/size
    for i in range(0,size):
        if i>size//8 and i<size//2+size//8:
            X[i]=1.-2*(i-size//8)*h/L;
        else:
            X[i]=0.0

@jit
def lapl1d_1(In,Out,niter):
    size=In.size
    h2= (1./size)**2
    for it in range(0,niter):
        Out[1:size-1]= h2*(In[0:size-2]- 2.0*In[1:size-1]+ In[2:size])
        In,Out=Out,In
@jit
def lapl1d_2(In,Out,niter):
    size=In.size
    h2= (1./size)**2
    for it in range(0,niter):
        for i in range(1,size-1):
            Out[i]=h2*(In[i-1]- 2.0*In[i]+ In[i+1])
        In,Out=Out,In  


# ---- MicroBenchmarks/Numba/main_lapl_2d.py (the kernels; the script's module-level `size=16`) ----
size=16

@jit
def lapl2d_1(In,Out,niter):
    siz=In.shape[0]
    h2= (1./size)**2

    for it in range(0,niter):
        Out[1:siz-1,1:siz-1]= h2*(
            In[0:siz-2,1:siz-1 ] + In[1:siz-1,0:siz-2]-
            4.0*In[1:siz-1,1:siz-1]+
            In[2:siz,1:siz-1]+In[1:siz-1,2:siz])
        In,Out=Out,In
@jit
def lapl2d_2(In,Out,niter):
    size=In.shape[0]
    h2= (1./size)**2
    for it in range(0,niter):
        for i in range(1,size-1):
            for j in range(1,size-1):
                Out[i,j]= h2*(
                    In[i-1,j] + In[i,j-1]-
                    4.0*In[i,j]+
                    In[i+1,j]+In[i,j+1])
        In,Out=Out,In  


# ---- MicroBenchmarks/Numba/main_cl.py (the kernels) ----
@jit
def cl_1(A,B,C,D,niter):
    size=A.size
    for it in range(0,niter):
        A=1.7*B-0.8*C-0.9*D
        A,D=D,A
@jit
def cl_2(A,B,C,D,niter):
    size=A.size
    for it in range(0,niter):
        for i in range(1,size-1):
            A[i]=1.7*B[i]-0.8*C[i]-0.9*D[i]
        A,D=D,A    


# ---- harness (not part of the program) ----
ENTRY = "dumont_benchmarks"


def dumont_benchmarks(systems, prof2d):
    res = {}
    M = systems.copy()
    factorMatrix(M)
    res["factored"] = M
    sols = []
    for s in M:
        n = s.shape[0]
        x = np.zeros(n)
        for i in range(n - 1, -1, -1):
            x[i] = (s[i, n] - s[i, i + 1:n] @ x[i + 1:]) / s[i, i]
        sols.append(x)
    res["solutions"] = np.array(sols)
    res["build2"] = build2(6)
    res["build3"] = build3(4)
    for name, f in (("lapl1d_1", lapl1d_1), ("lapl1d_2", lapl1d_2)):
        for nit in (3, 4):
            In = np.empty(40)
            Out = np.empty(40)
            Init(In, 1.)
            Init(Out, 1.)
            f(In, Out, nit)
            res[name + "_" + str(nit)] = (In, Out)
    for name, f in (("lapl2d_1", lapl2d_1), ("lapl2d_2", lapl2d_2)):
        for nit in (3, 4):
            In = prof2d.copy()
            Out = prof2d.T.copy()
            f(In, Out, nit)
            res[name + "_" + str(nit)] = (In, Out)
    A = np.empty(30)
    B = np.empty(30)
    C = np.empty(30)
    D = np.empty(30)
    for X in (A, B, C, D):
        Init(X, 1.)
    C *= 0.5
    D += 0.25
    cl_2(A, B, C, D, 5)
    res["cl_2"] = (A, D)
    return res


def inputs():
    n = 7
    systems = np.empty((3, n, n + 1))
    for s in range(3):
        i = np.arange(n)[:, None]
        j = np.arange(n + 1)[None, :]
        systems[s] = np.cos(0.7 * i + 1.3 * j + s) + (i == j) * (0.5 + 0.3 * s)
    prof2d = np.zeros((16, 16))
    for i in range(16):
        for j in range(16):
            prof2d[i, j] = np.sin(0.4 * i) * np.cos(0.3 * j) + 0.05 * i
    return (systems, prof2d)
