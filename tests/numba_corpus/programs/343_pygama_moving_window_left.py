# Source: legend-exp/pygama pygama/dsp/_processors/moving_windows.py (at commit 92897e74), with DSPError and DSPFatal from pygama/dsp/errors.py (at commit a46654d4)
# Licence: Apache-2.0 (pygama, setup.cfg at commit 024c5181: license = Apache-2.0 and classifier; The LEGEND collaboration)
# Notes: moving-average windows over a batch of digitised detector waveforms in a signal-processing chain (rolling-window statistics on time series): moving_window_left is a @guvectorize gufunc with two eager signatures (float32 and float64) and layout "(n),()->(n)" (nopython=True, cache=True), called here as a NumPy gufunc over a 2-D batch so that its output is allocated and its core loop runs once per waveform; each call fills w_out with NaN through a slice, returns early if np.isnan(w_in).any(), raises the module's DSPFatal exception class (defined in plain Python with a custom __init__ and __str__) when the window length is out of range, and then runs the recursive running sum w_out[i] = w_out[i-1] + (w_in[i] - w_in[i-int(length)])/length with int() casts of the float window length. Pasted: errors.py's two exception classes DSPError and DSPFatal (with ProcessingChainError) followed by moving_windows.py, whose `from pygama.dsp.errors import DSPFatal` line is left out since the class is defined above it; moving_window_right, moving_window_multi and avg_current are pasted with it; the harness passes what the processing chain hands the processor: 16 float32 pole-zero-corrected waveforms of 2000 samples (a flat baseline, a charge step with a slow exponential tail, and noise) and the window length 48 samples (96 ns at 16 ns sampling, written "96*ns" in the chain) as a float32 scalar
class DSPError(Exception):
    """Base class for signal processors"""
    pass

class DSPFatal(DSPError):
    """
    Fatal error thrown by DSP processors that halts production

    Attributes
    ----------
    wf_range: range
     range of wf indices. This will be set after the exception is caught, and
     appended to the error message
    processor: str
        string of processor and arguments. This will be set after the exception
        is caught, and appended to the error message
    """
    def __init__(self, *args):
        super(DSPFatal, self).__init__(*args)
        self.wf_range = None
        self.processor = None

    def __str__(self):
        suffix = ''
        if self.wf_range:
            suffix += '\nThrown while processing entries ' + str(self.wf_range)
        if self.processor:
            suffix += '\nThrown by ' + self.processor
        return super(DSPFatal, self).__str__() + suffix

class ProcessingChainError(DSPError):
    """Error thrown when there is a problem setting up a processing chain"""
    pass
import numpy as np
from numba import guvectorize


@guvectorize(["void(float32[:], float32, float32[:])",
              "void(float64[:], float64, float64[:])"],
             "(n),()->(n)", nopython=True, cache=True)

def moving_window_left(w_in, length, w_out):

    '''
    Applies a moving average window to the waveform from the left, assumes that the baseline is at 0. 
    Parameters
    ----------
    w_in : array-like
            The input waveform
    length : float
              Length of the moving window to be applied
    w_out : array-like
            Output waveform after moving window applied
    Processing Chain Example
    ------------------------
    "wf_mw":{
        "function": "moving_window_left",
        "module": "pygama.dsp.processors",
        "args" : ["wf_pz", "96*ns","wf_mw"],
        "prereqs": ["wf_pz"],
        "unit":"ADC"
        },
    '''
    
    w_out[:] = np.nan

    if (np.isnan(w_in).any()):
        return

    if (not length >= 0 or not length< len(w_in)):
        raise DSPFatal('length is out of range, must be between 0 and the length of the waveform')

    w_out[0]= w_in[0]/length
    for i in range(1, int(length)):
        w_out[i] = w_out[i-1] + w_in[i]/length
    for i in range(int(length), len(w_in)):
        w_out[i] = w_out[i-1] + (w_in[i] - w_in[i-int(length)])/length


@guvectorize(["void(float32[:], float32, float32[:])",
              "void(float64[:], float64, float64[:])"],
             "(n),()->(n)", nopython=True, cache=True)

def moving_window_right(w_in, length, w_out):

    '''
    Applies a moving average window to the waveform from the right. 
    Parameters
    ----------
    w_in : array-like
            The input waveform
    length : float
              Length of the moving window to be applied
    w_out : array-like
            Output waveform after moving window applied
    Processing Chain Example
    ------------------------
    "wf_mw":{
        "function": "moving_window_right",
        "module": "pygama.dsp.processors",
        "args" : ["wf_pz", "96*ns","wf_mw"],
        "prereqs": ["wf_pz"],
        "unit":"ADC"
        },
    '''

    w_out[:] = np.nan

    if (np.isnan(w_in).any()):
        return

    if (not length >= 0 or not length< len(w_in)):
        raise DSPFatal('length is out of range, must be between 0 and the length of the waveform')


    w_out[-1]= w_in[-1] 
    for i in range(len(w_in)-2, len(w_in)-int(length)-1,-1):
        w_out[i] = w_out[i+1] + (w_in[i]-w_out[-1])/length
    for i in range(len(w_in)-int(length)-1, -1, -1):
        w_out[i] = w_out[i+1] + (w_in[i] - w_in[i+int(length)])/length


@guvectorize(["void(float32[:], float32, float32, float32[:])",
              "void(float64[:], float64, float64, float64[:])"],
             "(n),(),()->(n)", nopython=True, cache=True)

def moving_window_multi(w_in, length, num_mw, w_out):

    '''
    Applies a series of moving average window to the waveform alternating between applying form the left and right. 
    Parameters
    ----------
    w_in : array-like
            The input waveform
    length : float
              Length of the moving window to be applied
    num_mw : float
              Number of moving windows to be applied
    w_out : array-like
            Output waveform after moving window applied
    Processing Chain Example
    ------------------------   
    
    "curr_av":{
        "function": "moving_window_multi",
        "module": "pygama.dsp.processors",
        "args" : ["curr", "96*ns", 3,"curr_av"],
        "prereqs": ["curr"],
        "unit":"ADC/sample"
        },
    '''

    w_out[:] = np.nan

    if (np.isnan(w_in).any()):
        return

    if (not length >= 0 or not length< len(w_in)):
        raise DSPFatal('length is out of range, must be between 0 and the length of the waveform')
    
    if (not num_mw >= 0) :
        raise DSPFatal('num_mw is out of range, must be >= 0')


    wf_buf = w_in.copy()
    for i in range(num_mw):
        
        if i % 2 == 1:
            w_out[-1]= w_in[-1] 
            for i in range(len(w_in)-2, len(w_in)-int(length)-1,-1):
                w_out[i] = w_out[i+1] + (w_in[i]-w_out[-1])/length
            for i in range(len(wf_buf)-(int(length)+1), -1,-1):
                w_out[i] = w_out[i+1] + (wf_buf[i] - wf_buf[i+int(length)])/length
        else:
            w_out[0]= wf_buf[0]/length
            for i in range(1, int(length)):
                w_out[i] = w_out[i-1] + wf_buf[i]/length
            for i in range(int(length), len(w_in)):
                w_out[i] = w_out[i-1] + (wf_buf[i] - wf_buf[i-int(length)])/length
        wf_buf[:] = w_out[:]



@guvectorize(["void(float32[:], float32, float32[:])",
              "void(float64[:], float64, float64[:])"],
             "(n),(),(m)", nopython=True, cache=True)



def avg_current(w_in, length, w_out):
    """
    Calculate the derivative of a WF, averaged across n samples. Dimension of
    deriv should be len(wf) - n
    Parameters
    ----------
    w_in : array-like
            The input waveform
    length : float
              Length of the moving window derivative to be applied
    w_out : array-like
            Output waveform after derivation
    Processing Chain Example
    ------------------------
    "curr": {
        "function": "avg_current",
        "module": "pygama.dsp.processors",
        "args": ["wf_pz", 1, "curr(len(wf_pz)-1, f)"],
        "unit": "ADC/sample",
        "prereqs": ["wf_pz"]
        }, 
    """

    w_out[:] = np.nan

    if (np.isnan(w_in).any()):
        return

    if (not length >= 0 or not length< len(w_in)):
        raise DSPFatal('length is out of range, must be between 0 and the length of the waveform')
    

    w_out[:] = w_in[int(length):] - w_in[:-int(length)]
    w_out/=length
# ---- harness (not part of the program) ----
ENTRY = "moving_window_left"


def inputs():
    # 16 waveforms x 2000 samples (float32): baseline 0 with noise, a
    # charge step at a random sample between 900 and 1100 with an
    # exponential decay (already pole-zero corrected, so nearly flat);
    # window length 96 ns / 16 ns = 48 samples
    rng = np.random.default_rng(0)
    n_wf, n = 16, 2000
    t = np.arange(n)
    t0 = rng.integers(900, 1100, n_wf)
    amp = rng.uniform(500.0, 3000.0, n_wf)
    rise = 1.0 / (1.0 + np.exp(-(t[None, :] - t0[:, None]) / 8.0))
    wf = amp[:, None] * rise * np.exp(-np.clip(t[None, :] - t0[:, None], 0, None) / 5.0e4)
    wf = (wf + rng.normal(0.0, 5.0, (n_wf, n))).astype(np.float32)
    return (wf, np.float32(48.0))
