# Source: acoular/acoular acoular/fastFuncs.py (at commit 05e457c0)
# Licence: BSD-3-Clause (acoular, LICENSE; Copyright (c) Acoular Development Team)
# Notes: conventional frequency-domain beamforming of a microphone array for acoustic source mapping (engineering acoustics): _freqBeamformer_FullCSM (@nb.njit with one explicit signature list of C-contiguous complex128/float64 arrays, nb.boolean and nb.int64 scalars, cache=cachedOption, parallel=True, error_model="numpy") loops with nb.prange over grid points, builds a complex steering vector per point with np.empty and np.cos(expArg) - 1j * np.sin(expArg) of an np.float32-rounded phase, applies the formulation-dependent distance normalisation (st2/st34 flags), forms steer^H * CSM * steer from the upper triangle of the Hermitian cross-spectral matrix with .conjugate() and .real, optionally adds the diagonal, and writes the map and steering normalisation into the two output arrays by an if/elif chain on steer_type (returns None). Pasted: the module header, its imports and module constants (cachedOption, parallelOption, fastOption) and this function; left out: calcCSM, the Python dispatcher beamformerFreq and the other beamformer, DAMAS and damping kernels of the module; the harness passes what beamformerFreq passes for steerVecType='true level' (steer_type 3) with the CSM diagonal removed: a 16x16 Hermitian CSM of a 16-microphone spiral array, distances from a 5x5 focus grid to the array centre and to every microphone, the wave number of 2 kHz in air, the diagonal-removal normalisation nMics/(nMics-1) and two zeroed float64 outputs
#!/usr/bin/env python2
# -*- coding: utf-8 -*-
#------------------------------------------------------------------------------
# Copyright (c) Acoular Development Team.
#------------------------------------------------------------------------------
"""
This file contains all the functionalities which are very expansive, regarding
computational costs. All functionalities are optimized via NUMBA.
"""
import numpy as np
import numba as nb

cachedOption = True  # if True: saves the numba func as compiled func in sub directory
parallelOption = 'parallel'  # if numba.guvectorize is used: 'CPU' for single threading; 'parallel' for multithreading; 'cuda' for calculating on GPU
fastOption = True # fastmath options 


# fast implementation of full matrix beamformers
@nb.njit(
    [
        (
            nb.complex128[:, ::1],
            nb.float64[::1],
            nb.float64[:, ::1],
            nb.float64,
            nb.float64,
            nb.boolean,
            nb.int64,
            nb.float64[::1],
            nb.float64[::1],
        )
    ],
    cache=cachedOption,
    parallel=True,
    error_model="numpy"
)
def _freqBeamformer_FullCSM(
    csm,
    distGridToArrayCenter,
    distGridToAllMics,
    waveNumber,
    signalLossNormalization,
    r_diag,
    steer_type,
    result,
    normalizeSteer,
):
    # see bottom of information header of 'beamformerFreq' for information on which steps are taken, in order to gain speed improvements.
    nMics = csm.shape[0]
    st2 = (steer_type == 2)
    st34 = (steer_type == 3 or steer_type == 4)
    helpNormalize = 0.0 # just a hint for the compiler
    for gi in nb.prange(distGridToArrayCenter.shape[0]):
        steerVec = np.empty((nMics), np.complex128)
        # building steering vector: in order to save some operation -> some normalization steps are applied after mat-vec-multipl.
        for cntMics in range(nMics):
            expArg = np.float32(waveNumber * distGridToAllMics[gi, cntMics])
            steerVec[cntMics] = np.cos(expArg) - 1j * np.sin(expArg)
        if st2:    
            helpNormalize = 0.0
            for cntMics in range(nMics):
                helpNormalize += distGridToAllMics[gi,cntMics] * distGridToAllMics[gi,cntMics]
                steerVec[cntMics] *= distGridToAllMics[gi,cntMics]  # r_{t,i}-normalization is handled here
        if st34:
            helpNormalize = 0.0
            for cntMics in range(nMics):
                helpNormalize += 1.0 / (distGridToAllMics[gi,cntMics] * distGridToAllMics[gi,cntMics])  
                steerVec[cntMics] /= distGridToAllMics[gi,cntMics]  # r_{t,i}-normalization is handled here

        # performing matrix-vector-multiplication (see bottom of information header of 'beamformerFreq)
        scalarProd = 0.0
        for cntMics in range(nMics):
            leftVecMatrixProd = 0.0 + 0.0j
            for cntMics2 in range(
                cntMics
            ):  # calculate 'steer^H * CSM' of upper-triangular-part of csm (without diagonal)
                leftVecMatrixProd += (
                    csm[cntMics2, cntMics] * steerVec[cntMics2].conjugate()
                )
            scalarProd += (
                2 * (leftVecMatrixProd * steerVec[cntMics]).real
            )  # use that csm is Hermitian (lower triangular of csm can be reduced to factor '2')
        if not r_diag:
            for cntMics in range(nMics):
                scalarProd += (
                    csm[cntMics, cntMics]
                    * steerVec[cntMics].conjugate()
                    * steerVec[cntMics]
                ).real  # include diagonal of csm

        # specific normalzation for different steering vector formulations
        if steer_type == 1:
            normalizeFactor = nMics
            normalizeSteer[gi] = 1.0 / nMics
            result[gi] = (
                scalarProd / (normalizeFactor * normalizeFactor) * signalLossNormalization
            )
        elif steer_type == 2:
            normalizeFactor = nMics * distGridToArrayCenter[gi]
            normalizeFactorSquared = normalizeFactor * normalizeFactor
            normalizeSteer[gi] = helpNormalize / normalizeFactorSquared
            result[gi] = scalarProd / normalizeFactorSquared * signalLossNormalization
        elif steer_type == 3:
            normalizeFactor = distGridToArrayCenter[gi] * helpNormalize
            normalizeSteer[gi] = 1.0 / (distGridToArrayCenter[gi] * distGridToArrayCenter[gi]) / helpNormalize
            result[gi] = scalarProd / (normalizeFactor * normalizeFactor) * signalLossNormalization
        elif steer_type == 4:
            normalizeFactor = nMics * helpNormalize
            normalizeSteer[gi] = 1.0 / nMics
            result[gi] = scalarProd / normalizeFactor * signalLossNormalization

# ---- harness (not part of the program) ----
ENTRY = "_freqBeamformer_FullCSM"


def inputs():
    # 16-microphone spiral array in the plane z = 0, a 5x5 focus grid 1 m in
    # front of it, and the CSM of 64 averaged snapshots of a point source at
    # (0.1, -0.05, 1.0) plus sensor noise, at 2 kHz (c = 343 m/s)
    rng = np.random.default_rng(0)
    nMics = 16
    phi = np.arange(nMics) * 2.399963229728653
    rad = 0.05 + 0.45 * np.sqrt(np.arange(nMics) / nMics)
    mics = np.stack([rad * np.cos(phi), rad * np.sin(phi), np.zeros(nMics)], axis=1)
    gx, gy = np.meshgrid(np.linspace(-0.4, 0.4, 5), np.linspace(-0.4, 0.4, 5), indexing="ij")
    grid = np.stack([gx.ravel(), gy.ravel(), np.ones(25)], axis=1)
    waveNumber = 2.0 * np.pi * 2000.0 / 343.0
    src = np.array([0.1, -0.05, 1.0])
    rs = np.sqrt(((mics - src) ** 2).sum(axis=1))
    a = np.exp(-1j * waveNumber * rs) / rs
    snaps = (rng.standard_normal(64) + 1j * rng.standard_normal(64))[:, None] * a[None, :]
    snaps = snaps + 0.3 * (rng.standard_normal((64, nMics)) + 1j * rng.standard_normal((64, nMics)))
    csm = np.ascontiguousarray((snaps[:, :, None] * snaps[:, None, :].conj()).mean(axis=0))
    distGridToAllMics = np.ascontiguousarray(np.sqrt(((grid[:, None, :] - mics[None, :, :]) ** 2).sum(axis=2)))
    distGridToArrayCenter = np.ascontiguousarray(np.sqrt((grid ** 2).sum(axis=1)))
    result = np.zeros(25, np.float64)
    normalizeSteer = np.zeros(25, np.float64)
    return (csm, distGridToArrayCenter, distGridToAllMics, waveNumber,
            nMics / (nMics - 1.0), True, 3, result, normalizeSteer)
