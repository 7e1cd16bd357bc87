# Source: TomSHudson/SeisSeeker SeisSeeker/processing/detection.py (_fast_freq_domain_array_proc; at commit 001b8321)
# Licence: MIT (SeisSeeker, LICENSE; Copyright (c) 2022 Tom Hudson)
# Notes: frequency-domain beamforming of a seismic array for earthquake detection (seismology): _fast_freq_domain_array_proc (@jit(nopython=True, parallel=True)) builds a complex128 table of plane-wave time shifts over a polar slowness / back-azimuth grid (np.linspace, np.deg2rad, a 1-D array expression assigned into tlib[:, ir, itheta]), then in a prange loop over time windows computes each station's spectrum inside a `with objmode(Pxx_curr='complex128[:]'):` block calling np.fft.rfft with n=nfft (nfft from 2.0**np.ceil(np.log2(...)) turned into an int64 0-d array with np.array(..., dtype=np.int64)), picks the nearest frequency bin with (np.abs(xf - f)).argmin(), forms the cross-spectral matrix with np.conj (skipping autocorrelations when remove_autocorr), and evaluates the steered power np.dot(np.dot(aconj, Rxx), a) with a = np.exp(-1j*2*np.pi*f*shifts) into a 4-D complex output. Pasted: numpy and the numba import line of the module (pandas, matplotlib, obspy, scipy and the package's own modules left out) and the function; left out: the rest of detection.py; the harness follows the detection driver's shapes with 3 windows of 8 synthetic 3-component-free vertical records (256 samples at 100 Hz) from a 9-station array (plane wave at slowness 0.25 s/km, back-azimuth 60 degrees, plus noise), max slowness 0.5 s/km, target frequencies 5-11 Hz, with and without autocorrelation removal, and returns the beam power |P| summed over frequency
import numpy as np
from numba import jit, objmode, prange, set_num_threads


@jit(nopython=True, parallel=True)#, nogil=True)
def _fast_freq_domain_array_proc(data, max_sl, fs, target_freqs, xx, yy, n_stations, n_t_samp, remove_autocorr):
    """Function to perform array processing fast due to being designed to 
    be wrapped using Numba. Function inspired by Bowden et al. (2021).
    Performs array processing in polar coordinates.
    Returns:
    Pfreq_all
    """
    # Define grid of slownesses:
    # number of pixes in x and y
    # (Determines number of phase shifts to perform)
    n_ur = 26 #51 #101
    n_utheta = 120 #51 #101
    ur = np.linspace(0,max_sl,n_ur)
    utheta = np.linspace(0,360-(360/n_utheta),n_utheta)
    utheta_rad = np.deg2rad(utheta)
    dur=ur[1]-ur[0]
    dutheta=utheta[1]-utheta[0]

    # Compute time-shifts once:
    # (so that don't have to do it for every frequency)
    tlib = np.zeros((n_stations,n_ur,n_utheta), dtype=np.complex128)
    for ir in range(0,n_ur):
            for itheta in range(0,n_utheta):
                # tlib[:,ix,iy] = xx*ux[ix] + yy*uy[iy] # (distance x slowness = distance / velocity = time)
                tlib[:,ir,itheta] = xx*ur[ir]*np.sin((utheta_rad[itheta])) + yy*ur[ir]*np.cos((utheta_rad[itheta])) # (distance x slowness = distance / velocity = time)
    # Since receivers are relative to the array centre, can shift all receivers back to that centre.

    # Create data stores:
    Pfreq_all = np.zeros((data.shape[0],len(target_freqs),n_ur,n_utheta), dtype=np.complex128) # Explicitly create Pxx_all, as otherwise prange won't work correctly.

    # Then loop over windows:
    for win_idx in prange(data.shape[0]):
        # Calculate spectra:
        # Construct data structure:
        nfft = (2.0**np.ceil(np.log2(n_t_samp)))
        nfft = np.array(nfft, dtype=np.int64)
        Pxx_all = np.zeros((np.int64((nfft/2)+1), n_stations), dtype=np.complex128) # Power spectra
        dt = 1. / fs 
        df = 1.0/(2.0*nfft*dt)
        xf = np.linspace(0.0, 1.0/(2.0*dt), np.int64((nfft/2)+1))
        # Calculate power spectra for all stations:
        for sta_idx in range(n_stations):
            # Calculate spectra for current station:
            ###Pxx_all[:,sta_idx] = np.fft.rfft(data[win_idx,sta_idx,:], n=nfft) # (Use real fft, as input data is real) # DOESN'T WORK WITH NUMBA!
            with objmode(Pxx_curr='complex128[:]'):
                Pxx_curr = np.fft.rfft(data[win_idx,sta_idx,:], n=nfft)
            Pxx_all[:,sta_idx] = Pxx_curr

        # Loop over all freqs, performing phase shifts:
        Pfreq=np.zeros((len(target_freqs),n_ur,n_utheta),dtype=np.complex128)
        counter_grid = 0
        for ii in range(len(target_freqs)):
            # Find closest current freq.:
            target_f = target_freqs[ii]
            curr_f_idx = (np.abs(xf - target_f)).argmin()

            # Construct a matrix of each station-station correlation before any phase shifts
            Rxx=np.zeros((n_stations,n_stations),dtype=np.complex128)
            for i1 in range(0,n_stations):
                for i2 in range(0,n_stations):
                    # Remove autocorrelations:
                    if remove_autocorr:
                        if not i1 == i2:
                            Rxx[i1,i2] = np.conj(Pxx_all[curr_f_idx,i1]) * Pxx_all[curr_f_idx,i2]
                        else:
                            Rxx[i1,i2] = 0

            # And loop over phase shifts, calculating cross-correlation power:
            for ir in range(0,n_ur):
                for itheta in range(0,n_utheta):
                    timeshifts = tlib[:,ir,itheta] # Calculate the "steering vector" (a vector in frequency space, based on phase-shift)
                    a = np.exp(-1j*2*np.pi*target_f*timeshifts) # (a is a steering vector, to allign all traces with array centre)
                    aconj = np.conj(a)
                    Pfreq[ii,ir,itheta]=np.dot(np.dot(aconj,Rxx),a) # Cross-correlation, with two timeshifts applied to push the two stations to the centre point. 
                    # (This can also be seen as projecting Rxx onto a new basis.)

        # And remove any data where stations don't exist:
        ###np.nan_to_num(Pfreq, copy=False, nan=0.0) # NOT SUPPORTED BY NUMBA SO DO OUTSIDE NUMBA
                    
        # And append output to datastore:
        Pfreq_all[win_idx,:,:,:] = Pfreq

    return Pfreq_all 
# ---- harness (not part of the program) ----
ENTRY = "run_array_proc"


def run_array_proc(data, max_sl, fs, target_freqs, xx, yy):
    n_win, n_stations, n_t_samp = data.shape
    p1 = _fast_freq_domain_array_proc(data, max_sl, fs, target_freqs, xx, yy, n_stations, n_t_samp, True)
    p2 = _fast_freq_domain_array_proc(data[:1], max_sl, fs, target_freqs, xx, yy, n_stations, n_t_samp, False)
    return np.abs(p1).sum(axis=1), p1[:, :, ::5, ::10], p2[:, :, ::5, ::10]


def inputs():
    rng = np.random.default_rng(0)
    n_stations, n_win, n_t = 9, 3, 256
    fs = 100.0
    xx = np.array([0.0, 0.3, -0.3, 0.0, 0.0, 0.21, -0.21, 0.21, -0.21])
    yy = np.array([0.0, 0.0, 0.0, 0.3, -0.3, 0.21, 0.21, -0.21, -0.21])
    slow, bazi = 0.25, np.deg2rad(60.0)
    shifts = xx * slow * np.sin(bazi) + yy * slow * np.cos(bazi)
    t = np.arange(n_t) / fs
    data = np.empty((n_win, n_stations, n_t))
    for w in range(n_win):
        t0 = 0.8 + 0.3 * w
        for s in range(n_stations):
            tt = t - t0 + shifts[s]
            data[w, s] = (np.exp(-(tt / 0.15) ** 2) * np.sin(2 * np.pi * 8.0 * tt)
                          + 0.05 * rng.standard_normal(n_t))
    target_freqs = np.linspace(5.0, 11.0, 4)
    return (data, 0.5, fs, target_freqs, xx, yy)
