# Source: SOUNDS-RESEARCH/aspcore src/aspcore/filter.py (at commit 1645f0ca), src/aspcore/filterdynamic.py (at commit 8092d4b3)
# Licence: MIT (aspcore, pyproject.toml classifier "License :: OSI Approved :: MIT License"; author Jesper Brunnström)
# Notes: the Numba part of aspcore (Adaptive / Audio Signal Processing Core), streaming MIMO FIR filtering with state kept between calls. Three @nb.experimental.jitclass classes with spec lists (float64[:,:,:] / float64[:,:] arrays and int32 fields filled from ir.shape): FilterSum (sum over inputs: np.concatenate of the stored buffer with the new block along axis=-1, np.fliplr of a window, np.sum of a broadcast product, an in-place buffer[:, :] update from a computed slice start), FilterBroadcast (every input channel with every impulse-response channel: nested np.expand_dims, np.sum(axis=-1) into a 4-D slice, a negative-start slice) and, from filterdynamic.py, FilterSumDynamic (time-varying convolution: update_ir with asserts on ndim and on a shape tuple, a four-deep loop). Pasted from filter.py: its `import numpy as np` and `import numba as nb` and the two jitclasses with their specs; the module docstring, create_filter and the plain-Python classes (FilterNosum, FilterMD_slow_fallback, the frequency-domain filters, MovingAverage, IIRFilter, WOLA and its helpers), which use scipy, numexpr and the package's other modules, are left out; from filterdynamic.py its imports, the spec and FilterSumDynamic (its pure-Python twin FilterSumDynamic_python is left out). The harness streams a 3-channel signal through each filter in blocks of unequal length (the last block a single sample), changes the impulse response between blocks of the dynamic filter, and returns the outputs and the internal buffers
import numpy as np
import numba as nb


# ---- src/aspcore/filter.py (the jitclasses) ----
spec_filtersum = [
    ("ir", nb.float64[:,:,:]),
    ("num_in", nb.int32),
    ("num_out", nb.int32),
    ("ir_len", nb.int32),
    ("buffer", nb.float64[:,:]),
]
@nb.experimental.jitclass(spec_filtersum)
class FilterSum:
    """A class for implementing an LTI MIMO system. 

    The input dimension will be summed over. 
    The signal can be processed in chunks of arbitrary size, and the
    internal buffer will be updated accordingly.

    Parameters
    ----------
    ir : ndarray of shape (num_in, num_out, ir_len)
        The impulse response of the filter
    """
    def __init__(self, ir):
        self.ir = ir
        self.num_in = ir.shape[0]
        self.num_out = ir.shape[1]
        self.ir_len = ir.shape[2]
        self.buffer = np.zeros((self.num_in, self.ir_len - 1))

    def process(self, data_to_filter):
        """Filter the data with the impulse response.
        
        Parameters
        ----------
        data_to_filter : ndarray of shape (num_in, num_samples)
            The data to be filtered
        
        Returns
        -------
        filtered : ndarray of shape (num_out, num_samples)
            The filtered data
        """
        num_samples = data_to_filter.shape[-1]
        buffered_input = np.concatenate((self.buffer, data_to_filter), axis=-1)

        filtered = np.zeros((self.num_out, num_samples))
        for out_idx in range(self.num_out):
            for i in range(num_samples):
                filtered[out_idx,i] += np.sum(self.ir[:,out_idx,:] * np.fliplr(buffered_input[:,i:self.ir_len+i]))

        self.buffer[:, :] = buffered_input[:, buffered_input.shape[-1] - self.ir_len + 1 :]
        return filtered


spec_filtermd = [
    ("ir", nb.float64[:,:,:]),
    ("ir_dim1", nb.int32),
    ("ir_dim2", nb.int32),
    ("ir_len", nb.int32),
    ("data_dims", nb.int32),
    ("buffer", nb.float64[:,:]),
]
@nb.experimental.jitclass(spec_filtermd)
class FilterBroadcast:
    """Filters all channels of the input signal with all channels of the impulse response.
    
    Parameters
    ----------
    data_dims : int
        The number of channels of the input signal
    ir : ndarray of shape (ir_dim1, ir_dim2, ir_len)
        The impulse response of the filter
    """
    def __init__(self, data_dims, ir):
        self.ir = ir
        self.ir_dim1 = ir.shape[0]
        self.ir_dim2 = ir.shape[1]
        self.ir_len = ir.shape[-1]
        self.data_dims = data_dims

        self.buffer = np.zeros((self.data_dims, self.ir_len - 1))

    def process(self, data_to_filter):
        """Filters all input channels with all impulse response channels.
        
        Parameters
        ----------
        data_to_filter : ndarray of shape (data_dims, num_samples)
            The data to be filtered
        
        Returns
        -------
        filtered : ndarray of shape (data_dims, dim1, dim2, num_samples)
            The filtered data
        """
        num_samples = data_to_filter.shape[-1]

        buffered_input = np.concatenate((self.buffer, data_to_filter), axis=-1)
        filtered = np.zeros((self.ir_dim1, self.ir_dim2, self.data_dims, num_samples))

        for i in range(num_samples):
            filtered[:, :, :,i] = np.sum(np.expand_dims(self.ir,2) * \
                    np.expand_dims(np.expand_dims(np.fliplr(buffered_input[:,i:self.ir_len+i]),0),0),axis=-1)

        self.buffer[:, :] = buffered_input[:, -self.ir_len + 1:]
        return filtered


# ---- src/aspcore/filterdynamic.py ----
"""Contains implementations of time-varying FIR filters. 

This module should not have to be referenced directly. Instead, use the
function create_filter in the module filter.py and specify
dynamic=True as keyword argument. 
"""





SPEC_FILTERSUMDYNAMIC = [
    ("ir", nb.float64[:,:,:]),
    ("num_in", nb.int32),
    ("num_out", nb.int32),
    ("ir_len", nb.int32),
    ("buffer", nb.float64[:,:]),
    ("ir_new", nb.float64[:,:,:]),
]
@nb.experimental.jitclass(SPEC_FILTERSUMDYNAMIC)
class FilterSumDynamic:
    """
    Implements a time-varying convolution y(n) = sum_{i=0}^{I-1} h(i, n) x(n-i)

    Use the method update_ir to change h(i,n) between using the process method to
    filter the signal. If update_ir is not called, the last ir is used. 
    If update_ir is called twice, the first ir is forgotten.

    Parameters
    ----------
    ir : ndarray of shape (num_in, num_out, ir_len)
    """
    def __init__(self, ir):
        self.ir = ir
        self.num_in = ir.shape[0]
        self.num_out = ir.shape[1]
        self.ir_len = ir.shape[2]
        self.buffer = np.zeros((self.num_in, self.ir_len - 1))

        self.ir_new = ir

    def update_ir(self, ir_new):
        assert ir_new.ndim == 3
        assert ir_new.shape == (self.num_in, self.num_out, self.ir_len)
        self.ir_new = ir_new

    def process(self, in_sig):
        assert in_sig.ndim == 2
        assert in_sig.shape[0] == self.num_in #maybe shape is 1 is okay also for implicit broadcasting?
        num_samples = in_sig.shape[-1]

        buffered_input = np.concatenate((self.buffer, in_sig), axis=-1)
        num_buf = buffered_input.shape[-1]
        self.ir = self.ir_new 
        
        filtered = np.zeros((self.num_out, num_samples))

        for n in range(num_samples):
            for in_ch in range(self.num_in):
                for out_ch in range(self.num_out):
                    for j in range(self.ir_len):
                        filtered[out_ch, n] += self.ir[in_ch, out_ch, j] * buffered_input[in_ch,num_buf-num_samples+n-j]
                    
        self.buffer[:, :] = buffered_input[:, buffered_input.shape[-1] - self.ir_len + 1 :]
        return filtered


# ---- harness (not part of the program) ----
ENTRY = "aspcore_filters"


def aspcore_filters(signal, ir, ir_bc, ir_late, blocks):
    out = {}
    starts = np.concatenate(([0], np.cumsum(blocks)))
    fs = FilterSum(ir)
    out["sum"] = [fs.process(signal[:, starts[k]:starts[k + 1]]) for k in range(len(blocks))]
    out["sum_buffer"] = fs.buffer.copy()
    out["sum_fields"] = (fs.num_in, fs.num_out, fs.ir_len)
    fb = FilterBroadcast(signal.shape[0], ir_bc)
    out["broadcast"] = [fb.process(signal[:, starts[k]:starts[k + 1]]) for k in range(len(blocks))]
    out["broadcast_buffer"] = fb.buffer.copy()
    fd = FilterSumDynamic(ir)
    dyn = []
    for k in range(len(blocks)):
        if k == 2:
            fd.update_ir(ir_late)
        dyn.append(fd.process(signal[:, starts[k]:starts[k + 1]]))
    out["dynamic"] = dyn
    out["dynamic_buffer"] = fd.buffer.copy()
    out["dynamic_ir"] = fd.ir.copy()
    return out


def inputs():
    rng = np.random.default_rng(0)
    signal = rng.normal(0.0, 1.0, size=(3, 40))
    ir = rng.normal(0.0, 1.0, size=(3, 2, 8))
    ir_bc = rng.normal(0.0, 1.0, size=(2, 2, 5))
    ir_late = rng.normal(0.0, 1.0, size=(3, 2, 8))
    blocks = np.array([10, 7, 15, 7, 1])
    return (signal, ir, ir_bc, ir_late, blocks)
