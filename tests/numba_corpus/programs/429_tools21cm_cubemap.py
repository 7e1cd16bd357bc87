# Source: sambit-giri/tools21cm src/tools21cm/ViteBetti_numba.py (at commit c46866ef)
# Licence: MIT (Tools21cm, LICENSE.md at commit 7c3c3f43: Copyright (c) 2020 StoRe collaboration)
# Notes: the cubical-complex map of a binary 3-D field that Tools21cm builds to measure the topology (Euler characteristic, Betti numbers) of ionised regions in simulated 21-cm maps of the epoch of reionization (astronomy, cosmology): CubeMap (@jit with no options, tab-indented source) doubles the grid, marks vertices from the input, then in four passes over the doubled grid (prange loops in a non-parallel jit) marks edges, faces and cubes whose neighbours along the axes carry the previous marker, with negative-index wrap-around at the low edge ((i-1) = -1) and % wrap-around at the high edge, and markers held in a 4-tuple of ints rebound under a condition; EulerCharacteristic_seq (@jit) sums +1/-1 over cells equal to 1 by parity of x+y+z. Pasted: the numpy and numba imports and both jitted functions verbatim (left out: the unused scipy.ndimage filters import). The harness passes what ViteBetti's EulerCharacteristic passes: a 14x14x14 boolean map of "ionised" cells from thresholding a smoothed random density field, with the default multi_marker=True
import numpy as np
from numba import jit, prange

@jit
def CubeMap(arr, multi_marker=True):
	nx, ny, nz = arr.shape
	Nx, Ny, Nz = 2*nx,2*ny,2*nz#2*nx-1,2*ny-1,2*nz-1
	cubemap    = np.zeros((Nx,Ny,Nz))
	markers    = 1, 1, 1, 1
	if multi_marker: markers = 1, 2, 3, 4
	## Vertices
	for i in prange(nx):
		for j in range(ny):
			for k in range(nz):
				if arr[i,j,k]: cubemap[i*2,j*2,k*2] = markers[0]

	## Edges 
	for i in prange(Nx):
		for j in range(Ny):
			for k in range(Nz):
				if cubemap[i,j,k] == 0:
					if cubemap[(i-1),j,k]==markers[0] and cubemap[(i+1)%Nx,j,k]==markers[0]: cubemap[i,j,k] = markers[1]
					elif cubemap[i,(j-1),k]==markers[0] and cubemap[i,(j+1)%Ny,k]==markers[0]: cubemap[i,j,k] = markers[1]
					elif cubemap[i,j,(k-1)]==markers[0] and cubemap[i,j,(k+1)%Nz]==markers[0]: cubemap[i,j,k] = markers[1]

	## Faces 
	for i in prange(Nx):
		for j in range(Ny):
			for k in range(Nz):
				if cubemap[i,j,k] == 0:
					if cubemap[(i-1),j,k]==markers[1] and cubemap[(i+1)%Nx,j,k]==markers[1] and cubemap[i,(j-1),k]==markers[1] and cubemap[i,(j+1)%Ny,k]==markers[1]: cubemap[i,j,k] = markers[2]
					elif cubemap[i,(j-1),k]==markers[1] and cubemap[i,(j+1)%Ny,k]==markers[1] and cubemap[i,j,(k-1)]==markers[1] and cubemap[i,j,(k+1)%Nz]==markers[1]: cubemap[i,j,k] = markers[2]
					elif cubemap[i,j,(k-1)]==markers[1] and cubemap[i,j,(k+1)%Nz]==markers[1] and cubemap[(i-1),j,k]==markers[1] and cubemap[(i+1)%Nx,j,k]==markers[1]: cubemap[i,j,k] = markers[2]
	
	## Cubes
	for i in prange(Nx):
		for j in range(Ny):
			for k in range(Nz):
				if cubemap[i,j,k] == 0:
					if cubemap[(i-1),j,k]==markers[2] and cubemap[(i+1)%Nx,j,k]==markers[2]: 
						if cubemap[i,(j-1),k]==markers[2] and cubemap[i,(j+1)%Ny,k]==markers[2]: 
							if cubemap[i,j,(k-1)]==markers[2] and cubemap[i,j,(k+1)%Nz]==markers[2]: cubemap[i,j,k] = markers[3]

	return cubemap	


@jit
def EulerCharacteristic_seq(A):
	chi = 0;
	nx,ny,nz = A.shape
	for x in prange(nx):
		for y in range(ny):
			for z in range(nz):
				if(A[x,y,z] == 1):
					if (x+y+z)%2 == 0: chi += 1
					else: chi -= 1
	return chi 

# ---- harness (not part of the program) ----
ENTRY = "CubeMap"


def inputs():
    # a smoothed Gaussian random field on a periodic 14^3 grid, thresholded
    # into ionised (True) and neutral cells, as a reionization snapshot
    rng = np.random.default_rng(0)
    n = 14
    field = rng.standard_normal((n, n, n))
    for axis in range(3):
        field = (field + np.roll(field, 1, axis) + np.roll(field, -1, axis)) / 3.0
    arr = field > 0.1
    return (arr,)
