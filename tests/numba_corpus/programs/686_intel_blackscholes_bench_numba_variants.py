# Source: IntelPython/BlackScholes_bench bs_erf_numba_jit_par.py (at commit 6059ae51), bs_erf_numba_guvec_simd_par.py (at commit 72040c09), bs_erf_numba_guvec_par.py (at commit 18c72821), bs_erf_numba_numpy.py (at commit 981fe3ec); constants from base_bs_erf.py (at commit 18c72821)
# Licence: MIT (BlackScholes_bench, LICENSE and SPDX headers; Copyright (c) 2014-2015, 2017-2018 Intel Corporation; bs_erf_numba_jit_par.py carries a BSD-3-Clause header, Copyright (c) 2017, Intel Corporation)
# Notes: Intel's Black-Scholes benchmark (European call and put prices via math.erf), several of its Numba variants, each a separate script. bs_erf_numba_jit_par.py (whole, with its licence header): black_scholes_core with an explicit signature string '(i8,i8,f8[::1],...)', error_model='numpy' and fastmath=True, called per 512-option chunk from black_scholes (serial) and black_scholes2 (parallel=True with nb.prange); bs_erf_numba_guvec_simd_par.py: black_scholes_jit (njit with a signature string) called from a @nb.guvectorize gufunc with layout '(a),(a),(a),(),()->(a),(a)' and target="parallel"; bs_erf_numba_guvec_par.py: a plain function turned into a gufunc by applying nb.guvectorize('(f8[::1],...)', '(),(),(),(),(),()->(),()', nopython=True, target="parallel", fastmath=False) to it; bs_erf_numba_numpy.py: a lazily typed @nb.vectorize erf and an array-expression black_scholes under @nb.jit(nopython=True, parallel=True) writing call[:] and put[:]. Every script imports base_bs_erf (the timing driver) and ends by calling base_bs_erf.run(...); those lines are left out, as are the two guvectorize scripts' @nb.jit drivers named black_scholes (they only reshape the arrays and call the gufunc, as the harness does, and would shadow the other scripts' black_scholes). Since bs_erf_numba_jit_par.py and bs_erf_numba_numpy.py both define black_scholes, the later one (the array-expression version) is the module's binding, so the serial jit_par driver is shadowed and the harness runs jit_par through black_scholes2 and black_scholes_core. The harness generates options as base_bs_erf.gen_data does (uniform prices 10-50, strikes 10-50, times 1-2, a fixed seed), uses its RISK_FREE = 0.1 and VOLATILITY = 0.2, and prices 2048 options with every variant
# ---- bs_erf_numba_jit_par.py ----
# Copyright (c) 2017, Intel Corporation
#
# Redistribution and use in source and binary forms, with or without
# modification, are permitted provided that the following conditions are met:
#
#     * Redistributions of source code must retain the above copyright notice,
#       this list of conditions and the following disclaimer.
#     * Redistributions in binary form must reproduce the above copyright
#       notice, this list of conditions and the following disclaimer in the
#       documentation and/or other materials provided with the distribution.
#     * Neither the name of Intel Corporation nor the names of its contributors
#       may be used to endorse or promote products derived from this software
#       without specific prior written permission.
#
# THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
# AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
# IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
# DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT OWNER OR CONTRIBUTORS BE LIABLE
# FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
# DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
# SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
# CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
# OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
# OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.


import numba as nb
from math import log, sqrt, exp, erf

@nb.njit('(i8,i8,f8[::1],f8[::1],f8[::1],f8,f8,f8[::1],f8[::1])', error_model='numpy', fastmath=True)
def black_scholes_core( r1, r2, price, strike, t, rate, vol, call, put):
    mr = -rate
    sig_sig_two = vol * vol * 2

    for i in range(r1, r2):
        P = price[i]
        S = strike [i]
        T = t [i]

        a = log(P / S)
        b = T * mr

        z = T * sig_sig_two
        c = 0.25 * z
        y = 1./sqrt(z)

        w1 = (a - b + c) * y
        w2 = (a - b - c) * y

        d1 = 0.5 + 0.5 * erf(w1)
        d2 = 0.5 + 0.5 * erf(w2)

        Se = exp(b) * S

        r  = P * d1 - Se * d2
        call [i] = r
        put [i] = r - P + Se


@nb.njit(error_model='numpy', fastmath=True)
def black_scholes( nopt, price, strike, t, rate, vol, call, put):
    chunk = int(512)

    for ch in range(nopt//chunk):
        black_scholes_core( ch*chunk, (ch+1)*chunk, price, strike, t, rate, vol, call, put)

@nb.njit(error_model='numpy', fastmath=True, parallel=True)
def black_scholes2( nopt, price, strike, t, rate, vol, call, put):
    chunk = int(512)

    for ch in nb.prange(nopt//chunk):
        black_scholes_core( ch*chunk, (ch+1)*chunk, price, strike, t, rate, vol, call, put)


# ---- bs_erf_numba_guvec_simd_par.py ----
# Copyright (C) 2018 Intel Corporation
#
# SPDX-License-Identifier: MIT


@nb.njit('(f8[::1],f8[::1],f8[::1],f8,f8,f8[::1],f8[::1])', error_model='numpy', fastmath=True)
def black_scholes_jit( price, strike, t, mr, sig_sig_two, call, put):
    for i in range(price.size):
        P = price[i]
        S = strike [i]
        T = t [i]

        a = log(P / S)
        b = T * mr

        z = T * sig_sig_two
        c = 0.25 * z
        y = 1./sqrt(z)

        w1 = (a - b + c) * y
        w2 = (a - b - c) * y

        d1 = 0.5 + 0.5 * erf(w1)
        d2 = 0.5 + 0.5 * erf(w2)

        Se = exp(b) * S

        r  = P * d1 - Se * d2
        call [i] = r
        put [i] = r - P + Se

@nb.guvectorize('(f8[::1],f8[::1],f8[::1],f8[:],f8[:],f8[::1],f8[::1])',
    '(a),(a),(a),(),()->(a),(a)', nopython=True, target="parallel")
def black_scholes_numba_vec(price, strike, t, mr, sig_sig_two, call, put):
    black_scholes_jit( price, strike, t, mr[0], sig_sig_two[0], call, put)


# ---- bs_erf_numba_guvec_par.py ----
# Copyright (C) 2017-2018 Intel Corporation
#
# SPDX-License-Identifier: MIT


def black_scholes_numba_opt(price, strike, t, mr, sig_sig_two, vol, call, put):
        P = float( price [0] )
        S = strike [0]
        T = t [0]

        a = log(P / S)
        b = T * mr[0]

        z = T * sig_sig_two[0]
        c = 0.25 * z
        y = 1./sqrt(z)

        w1 = (a - b + c) * y
        w2 = (a - b - c) * y

        d1 = 0.5 + 0.5 * erf(w1)
        d2 = 0.5 + 0.5 * erf(w2)

        Se = exp(b) * S

        res = P * d1 - Se * d2
        call [0] = res
        put [0] = res - P + Se

black_scholes_numba_opt_vec = nb.guvectorize('(f8[::1],f8[::1],f8[::1],f8[:],f8[:],f8[:],f8[::1],f8[::1])',
          '(),(),(),(),(),()->(),()', nopython=True, target="parallel", fastmath=False)(black_scholes_numba_opt)


# ---- bs_erf_numba_numpy.py ----
# Copyright (C) 2017-2018 Intel Corporation
#
# SPDX-License-Identifier: MIT


import numpy as np
from numpy import log, exp, sqrt
from math import erf

# Numba does know erf function from numpy or scipy
@nb.vectorize(nopython=True)
def nberf(x):
    return erf(x)

@nb.jit(nopython=True, parallel=True)
def black_scholes( nopt, price, strike, t, rate, vol, call, put ):
	mr = -rate
	sig_sig_two = vol * vol * 2

	P = price
	S = strike
	T = t

	a = log(P / S)
	b = T * mr

	z = T * sig_sig_two
	c = 0.25 * z
	y = 1./sqrt(z)

	w1 = (a - b + c) * y
	w2 = (a - b - c) * y

	d1 = 0.5 + 0.5 * nberf(w1)
	d2 = 0.5 + 0.5 * nberf(w2)

	Se = exp(b) * S

	r =  P * d1 - Se * d2
	call[:] = r  # temporary `r` is necessary for faster `put` computation
	put[:] = r - P + Se


# ---- harness (not part of the program) ----
ENTRY = "blackscholes_variants"

# base_bs_erf.py
RISK_FREE = 0.1
VOLATILITY = 0.2


def blackscholes_variants(price, strike, t):
    out = {}
    nopt = price.size
    rate, vol = RISK_FREE, VOLATILITY
    call = np.zeros(nopt, dtype=np.float64)
    put = -np.ones(nopt, dtype=np.float64)
    black_scholes2(nopt, price, strike, t, rate, vol, call, put)
    out["jit_par"] = (call.copy(), put.copy())
    call2 = np.zeros(nopt, dtype=np.float64)
    put2 = -np.ones(nopt, dtype=np.float64)
    black_scholes_core(0, 700, price, strike, t, rate, vol, call2, put2)
    out["core_partial"] = (call2, put2)
    # what bs_erf_numba_guvec_simd_par.py's black_scholes does
    call3 = np.zeros(nopt, dtype=np.float64)
    put3 = -np.ones(nopt, dtype=np.float64)
    sig_sig_two = vol * vol * 2
    mr = -rate
    black_scholes_numba_vec(price.reshape((-1, 512)), strike.reshape((-1, 512)), t.reshape((-1, 512)),
                            mr, sig_sig_two, call3.reshape((-1, 512)), put3.reshape((-1, 512)).reshape((-1, 512)))
    out["guvec_simd"] = (call3, put3)
    # what bs_erf_numba_guvec_par.py's black_scholes does
    call4 = np.zeros(nopt, dtype=np.float64)
    put4 = -np.ones(nopt, dtype=np.float64)
    black_scholes_numba_opt_vec(price, strike, t, mr, sig_sig_two, vol, call4, put4)
    out["guvec"] = (call4, put4)
    call5 = np.zeros(nopt, dtype=np.float64)
    put5 = -np.ones(nopt, dtype=np.float64)
    black_scholes(nopt, price, strike, t, rate, vol, call5, put5)
    out["jit_numpy"] = (call5, put5)
    out["nberf"] = nberf(np.linspace(-3.0, 3.0, 13))
    return out


def inputs():
    rng = np.random.default_rng(7777777)
    nopt = 2048
    price = rng.uniform(10.0, 50.0, nopt)
    strike = rng.uniform(10.0, 50.0, nopt)
    t = rng.uniform(1.0, 2.0, nopt)
    return (price, strike, t)
