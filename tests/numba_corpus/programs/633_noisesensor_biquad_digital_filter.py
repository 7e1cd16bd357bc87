# Source: nicolas-f/noisesensor src/noisesensor/biquadfilter.py, src/noisesensor/digitalfilter.py (at commit 0e483a1a)
# Licence: BSD-3-Clause (noisesensor; the licence text in each file's docstring, Copyright (c) 2023, University Gustave Eiffel; __license__ = "BSD3")
# Notes: the filtering core of noisesensor, the Université Gustave Eiffel sound-level sensor software (third-octave band levels on a Raspberry Pi). Both files are pasted whole: BiquadFilter, a @jitclass (spec of float64[:] members) holding cascaded second-order sections, with reset (new delay arrays assigned to members), filter_then_leq (runs the cascade over the samples and returns the equivalent level 10*log10 of the mean square) and filter_slice (filters and keeps every subsampling_factor-th output, an annotated int argument); and DigitalFilter, a @jitclass (int32 and float64[:] members, an assert in __init__) implementing a direct-form-II-transposed IIR filter with circular delay lines indexed by modulo arithmetic (filter into an output array, filter_leq, clear_delay). The harness designs, by the Audio EQ Cookbook formulas, a 2-section band-pass cascade at 1 kHz and 4 kHz (fs = 32 kHz) for BiquadFilter and its expanded 5-coefficient polynomial for DigitalFilter, and runs both over 2048 samples of a two-tone signal: levels, filtered output, a subsampled slice (factor 4), and a second pass after reset / clear_delay
import numpy
from numba.experimental import jitclass
from numba import float64     # import the types
import math

""" A digital biquad filter is a second order recursive linear filter,
 containing two poles and two zeros. "Biquad" is an abbreviation of "bi-quadratic",
  which refers to the fact that in the Z domain, its transfer function is the ratio of two quadratic functions
    
BSD 3-Clause License

Copyright (c) 2023, University Gustave Eiffel
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:

 Redistributions of source code must retain the above copyright notice, this
  list of conditions and the following disclaimer.

 Redistributions in binary form must reproduce the above copyright notice,
  this list of conditions and the following disclaimer in the documentation
  and/or other materials provided with the distribution.

 Neither the name of the copyright holder nor the names of its
  contributors may be used to endorse or promote products derived from
  this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
"""

__authors__ = ["Valentin Le Bescond, Université Gustave Eiffel",
              "Nicolas Fortin, Université Gustave Eiffel"]
__license__ = "BSD3"

spec = [
    ('_delay_1', float64[:]),
    ('_delay_2', float64[:]),
    ('b0', float64[:]),
    ('b1', float64[:]),
    ('b2', float64[:]),
    ('a1', float64[:]),
    ('a2', float64[:])
]


@jitclass(spec)
class BiquadFilter:
    def __init__(self, b0, b1, b2, a1, a2):
        assert len(b0) == len(b1) == len(b2) == len(a1) == len(a2)
        self._delay_1 = numpy.zeros(shape=len(b0), dtype=float)
        self._delay_2 = numpy.zeros(shape=len(b0), dtype=float)
        self.b0 = b0
        self.b1 = b1
        self.b2 = b2
        self.a1 = a1
        self.a2 = a2
        assert len(b0) == len(b1) == len(b2) == len(a1) == len(a2)

    def reset(self):
        """
        Reset delays of this filter
        """
        self._delay_1 = numpy.zeros(shape=len(self.b0), dtype=float)
        self._delay_2 = numpy.zeros(shape=len(self.b0), dtype=float)

    def filter_then_leq(self, samples):
        samples_len = len(samples)
        filter_length = len(self.b0)
        square_sum = 0.0
        for i in range(samples_len):
            input_acc = samples[i]
            for j in range(filter_length):
                input_acc -= self._delay_1[j] * self.a1[j]
                input_acc -= self._delay_2[j] * self.a2[j]
                output_acc = input_acc * self.b0[j]
                output_acc += self._delay_1[j] * self.b1[j]
                output_acc += self._delay_2[j] * self.b2[j]

                self._delay_2[j] = self._delay_1[j]
                self._delay_1[j] = input_acc

                input_acc = output_acc
            square_sum += input_acc * input_acc
        return 10 * math.log10(square_sum / samples_len)

    def filter_slice(self, samples_in, samples_out,
                     subsampling_factor: int):
        samples_len = len(samples_in)
        filter_length = len(self.b0)
        samples_out_index = 0
        for i in range(samples_len):
            input_acc = samples_in[i]
            for j in range(filter_length):
                input_acc -= self._delay_1[j] * self.a1[j]
                input_acc -= self._delay_2[j] * self.a2[j]
                output_acc = input_acc * self.b0[j]
                output_acc += self._delay_1[j] * self.b1[j]
                output_acc += self._delay_2[j] * self.b2[j]

                self._delay_2[j] = self._delay_1[j]
                self._delay_1[j] = input_acc

                input_acc = output_acc
            if i % subsampling_factor == 0:
                samples_out[samples_out_index] = input_acc
                samples_out_index += 1


# ---- src/noisesensor/digitalfilter.py ----
import numpy
from numba.experimental import jitclass
from numba import float64, int32     # import the types
import math

""" A digital biquad filter is a second order recursive linear filter,
 containing two poles and two zeros. "Biquad" is an abbreviation of "bi-quadratic",
  which refers to the fact that in the Z domain, its transfer function is the ratio of two quadratic functions
    
BSD 3-Clause License

Copyright (c) 2023, University Gustave Eiffel
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:

 Redistributions of source code must retain the above copyright notice, this
  list of conditions and the following disclaimer.

 Redistributions in binary form must reproduce the above copyright notice,
  this list of conditions and the following disclaimer in the documentation
  and/or other materials provided with the distribution.

 Neither the name of the copyright holder nor the names of its
  contributors may be used to endorse or promote products derived from
  this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
"""

__authors__ = ["Valentin Le Bescond, Université Gustave Eiffel",
              "Nicolas Fortin, Université Gustave Eiffel"]
__license__ = "BSD3"

spec = [
    ('order', int32),
    ('delay_1', float64[:]),
    ('delay_2', float64[:]),
    ('numerator', float64[:]),
    ('denominator', float64[:]),
    ('circular_index', int32)
]


@jitclass(spec)
class DigitalFilter:
    def __init__(self, numerator, denominator):
        assert len(numerator) == len(denominator)
        self.order = len(numerator)
        self.numerator = numerator
        self.circular_index = 0
        self.denominator = denominator
        self.delay_1 = numpy.zeros(shape=self.order, dtype=float)
        self.delay_2 = numpy.zeros(shape=self.order, dtype=float)

    def clear_delay(self):
        self.circular_index = 0
        self.delay_1 = numpy.zeros(shape=self.order, dtype=float)
        self.delay_2 = numpy.zeros(shape=self.order, dtype=float)

    def filter(self, samples_in, samples_out):
        """
        Direct form II transposed filter
        @param samples_in: Input samples
        @param samples_out: Output samples (must be same length as input)
        @see Adapted & Converted from
        https://rosettacode.org/wiki/Apply_a_digital_filter_(
        direct_form_II_transposed)#Java
        """
        samples_len = len(samples_in)
        for i in range(samples_len):
            input_acc = 0
            self.delay_2[self.circular_index] = samples_in[i]
            for j in range(self.order):
                input_acc += self.numerator[j] * self.delay_2[
                    (self.circular_index - j) % self.order]
                if j == 0:
                    continue
                input_acc -= self.denominator[j] * self.delay_1[
                    (self.order - j + self.circular_index) % self.order]
            input_acc /= self.denominator[0]
            self.delay_1[self.circular_index] = input_acc
            self.circular_index = self.circular_index + 1
            if self.circular_index == self.order:
                self.circular_index = 0
            samples_out[i] = input_acc

    def filter_leq(self, samples_in):
        """
        Direct form II transposed filter
        @param samples_in: Input samples
        @see Adapted & Converted from
        https://rosettacode.org/wiki/Apply_a_digital_filter_(
        direct_form_II_transposed)#Java
        """
        square_sum = 0.0

        samples_len = len(samples_in)
        for i in range(samples_len):
            input_acc = 0
            self.delay_2[self.circular_index] = samples_in[i]
            for j in range(self.order):
                input_acc += self.numerator[j] * self.delay_2[
                    (self.circular_index - j) % self.order]
                if j == 0:
                    continue
                input_acc -= self.denominator[j] * self.delay_1[
                    (self.order - j + self.circular_index) % self.order]
            input_acc /= self.denominator[0]
            self.delay_1[self.circular_index] = input_acc
            self.circular_index = self.circular_index + 1
            if self.circular_index == self.order:
                self.circular_index = 0
            square_sum += input_acc * input_acc
        return 10 * math.log10(square_sum / samples_len)

# ---- harness (not part of the program) ----
ENTRY = "noisesensor_filters"


def _bandpass(f0, q, fs):
    w0 = 2 * math.pi * f0 / fs
    alpha = math.sin(w0) / (2 * q)
    a0 = 1 + alpha
    return (alpha / a0, 0.0, -alpha / a0, -2 * math.cos(w0) / a0, (1 - alpha) / a0)


def noisesensor_filters(samples, fs):
    s1 = _bandpass(1000.0, 2.0, fs)
    s2 = _bandpass(4000.0, 1.5, fs)
    b0, b1, b2, a1, a2 = (numpy.array([s1[k], s2[k]]) for k in range(5))
    bq = BiquadFilter(b0, b1, b2, a1, a2)
    leq1 = bq.filter_then_leq(samples)
    leq2 = bq.filter_then_leq(samples)
    bq.reset()
    sub = numpy.zeros(len(samples) // 4)
    bq.filter_slice(samples, sub, 4)
    num = numpy.convolve([s1[0], s1[1], s1[2]], [s2[0], s2[1], s2[2]])
    den = numpy.convolve([1.0, s1[3], s1[4]], [1.0, s2[3], s2[4]])
    df = DigitalFilter(num, den)
    out = numpy.zeros(len(samples))
    df.filter(samples, out)
    leq3 = df.filter_leq(samples[:512])
    df.clear_delay()
    leq4 = df.filter_leq(samples)
    return leq1, leq2, sub, out, leq3, leq4


def inputs():
    fs = 32000.0
    t = numpy.arange(2048) / fs
    samples = 0.5 * numpy.sin(2 * math.pi * 1000.0 * t) + 0.2 * numpy.sin(2 * math.pi * 5200.0 * t + 0.3) + 0.05 * numpy.cos(2 * math.pi * 130.0 * t)
    return (samples, fs)
