# Source: HENDRIX-ZT2/pyaudiorestoration util/resampling.py (at commit 1997c83f)
# Licence: GPL-2.0 (pyaudiorestoration, setup.py at commit 5f8d020a: license="GPL-2.0")
# Notes: variable-rate windowed-sinc resampling of an audio signal, the 'Sinc' mode with which the Python Audio Restoration Suite removes wow and flutter from tape and vinyl transfers by resampling along a measured speed curve: sinc_wrapper (plain Python) builds the float32 sinc support N = np.arange(-NT, NT+1), a np.hanning window and the float32 output, and calls sinc_core (@jit(nopython=True, nogil=True, cache=True, fastmath=True), the module's tab-indented code), which for every output position rounds it to the nearest input sample (int(round(p))), takes the input slice between lower = max(0, ind-NT) and upper = min(ind+NT, len_in), where NT = (len(N)-1)/2 is a float so that the slice bounds are floats, sets the cut-off from the spacing to the next position (max/min of a float and an int, the variable period_to kept from the previous iteration on the last sample), evaluates np.sinc((N - shift) * fc) * fc and stores np.sum of the slice times the sinc and window slices cut to its length; it returns the output array. Pasted: the numpy and numba imports (the latter with its trailing comment), sinc_wrapper and sinc_core with the comment lines above it; left out: the time, soundfile, os, math and threading imports, the threaded sinc_wrapper_mt, the commented-out guvectorize version, prepare_linear_or_sinc (@jit(forceobj=True)), run, timefunc and test_sinc; the harness passes what test_sinc passes, at 0.1 s instead of 2 s: a float32 signal of a 440 Hz tone plus a 21 kHz tone at 44.1 kHz, the float32 positions prepare_linear_or_sinc makes for a speed ramp from 0.5 to 2 (cumulative sum of 1/speed up to the last input sample), the clipped lowpass curve (unused by sinc_core) and a sinc quality of 50
import numpy as np
from numba import jit#, prange, guvectorize

def sinc_wrapper(sample_at, signal, lowpass, NT ):
	# initialize arrays here because we can't do so in nopython mode
	N = np.arange(-NT,NT+1, dtype="float32")
	win_func = np.hanning(2*NT+1).astype("float32")
	output = np.empty(len(sample_at), "float32")
	return sinc_core(sample_at, signal, lowpass, output, win_func, N )
	
# lazy optimization is recommended
# @jit('float32[:](float64[:], float64[:], float64[:], float32[:], float64[:], int32[:])', nopython=True, nogil=True, parallel=True)
@jit(nopython=True, nogil=True, cache=True, fastmath=True)
def sinc_core(sample_at, signal, lowpass, output, win_func, N ):
	"""
	sample_at: 1D array holding the points at which the old signal should be sampled to get the new signal
	signal: 1D array of the input signal
	lowpass: 1D array of lowpass filter coefficients
	output: 1D array, pre-allocated, len(output) == len(sample_at)
	win_func: windowing used for the sinc to reduce ringing, np.hanning(2*sinc_quality)
	N: fixed range of input for sinc
	"""
	NT = (len(N)-1)/2
	len_in = len(signal)
	len_out = len(sample_at)
	#just using prange here does not make it faster
	for i in range( len_out ):
		# p is the position in the signal where this output sample should be sampled at
		p = sample_at[i]
		# rounding here makes no significant difference; truncating may be enough
		ind = int(round(p))
		
		lower = max(0, ind-NT)
		upper = min(ind+NT, len_in)
		
		#fc is the cutoff frequency expressed as a fraction of the nyquist freq
		#we need anti-aliasing when sampling rate is bigger than before, ie. exceeding the nyquist frequency
		if i+1 != len_out:
			period_to = max(0.000000000001, sample_at[i+1]-p)
			#period to must not be 0, crashes if jit is enabled
		fc = min(1/period_to, 1)
		# fc = lowpass[i]
		# old and new are not identical because their interpolation is different. old is better
		
		# evaluate the sinc function around its center (with slight shift)
		# stretched & scaled by fc parameter as a lowpass / anti-aliasing filter
		shift = p - ind
		si = np.sinc ((N - shift) * fc) * fc
		
		# create output sample by taking the sum of its neighboring input samples weighted by the sinc and window
		sigbit = signal[lower:upper]
		output[i] = np.sum(sigbit * si[0:len(sigbit)] * win_func[0:len(sigbit)])
	return output
# ---- harness (not part of the program) ----
ENTRY = "sinc_wrapper"


def inputs():
    # test_sinc's set-up at a small size: 0.1 s of a 440 Hz tone at 0.5
    # plus a 21 kHz tone at 0.1, sampled at 44.1 kHz (float32 as
    # np.sin(..., dtype="float32") gives, the float64 high tone added), and
    # the positions at which prepare_linear_or_sinc would resample it for a
    # speed ramp from 0.5 to 2 (the cumulative sum of 1 / speed, cut where
    # it passes the last input sample); lowpass is the clipped speed curve
    # (unused by sinc_core); sinc quality 50
    sr = 44100
    n = 4410
    t = np.arange(n)
    signal = np.sin(2 * np.pi * t * 440.0 / sr, dtype="float32") * 0.5
    signal += np.sin(2 * np.pi * t * 21000 / sr) * .1
    speeds = np.linspace(0.5, 2.0, 8000)
    sample_at = np.cumsum(1 / speeds)
    sample_at = sample_at[sample_at <= n - 1].astype("float32")
    lowpass = np.clip(np.interp(np.arange(len(sample_at)), (0, len(sample_at)), (0.5, 2.0)), None, 1)
    return (sample_at, signal, lowpass, 50)
