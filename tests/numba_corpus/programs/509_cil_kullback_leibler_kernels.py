# Source: TomographicImaging/CIL Wrappers/Python/cil/optimisation/functions/KullbackLeibler.py (at commit 037f6d74)
# Licence: Apache-2.0 (the file's header: Copyright 2022 United Kingdom Research and Innovation, Copyright 2022 The University of Manchester, Apache License 2.0; CIL, the Core Imaging Library)
# Notes: the Kullback-Leibler data-fidelity term that CIL (Core Imaging Library) uses for Poisson-noise tomographic and PET image reconstruction (computer vision / imaging, optimisation): a block of @jit(parallel=True, nopython=True) kernels defined inside `if has_numba:` after a try/except import of numba: kl_div and kl_div_mask accumulate X*log(X/Y) - X + Y over a prange loop on `.flat[i]` elements with an early `return numpy.inf` inside the parallel loop, kl_convex_conjugate(_mask) accumulate -b*log(1-x) + eta*x (the mask variant also counts j += 1), kl_gradient(_mask) write 1 - b/(x+eta) into an output array, and kl_proximal(_arr)(_mask) and kl_proximal_conjugate(_arr)(_mask) write the closed-form proximal maps with a scalar or per-pixel step tau. Pasted: the module's imports and the numba block (left out: the cil.optimisation.functions import and the KullbackLeibler, KullbackLeibler_numpy and KullbackLeibler_numba classes, which wrap CIL DataContainers and call these kernels with their .as_array() arrays); the harness calls every kernel the way KullbackLeibler_numba's methods do, on a 64 x 64 float32 Poisson count image b (with zero pixels), a positive estimate x, a background eta, a circular mask and a per-pixel step array
import numpy
from numbers import Number
import scipy.special
import logging

try:
    from numba import jit, prange
    has_numba = True
except ImportError as ie:
    has_numba = False

####################################
## KullbackLeibler numba routines ##
####################################

if has_numba:
    
    @jit(parallel=True, nopython=True)
    def kl_proximal(x,b, tau, out, eta):
        for i in prange(x.size):
            X = x.flat[i]
            E = eta.flat[i]
            out.flat[i] = 0.5 *  ( 
                ( X - E - tau ) +\
                numpy.sqrt( (X + E - tau)**2. + \
                    (4. * tau * b.flat[i]) 
                )
            )
    @jit(parallel=True, nopython=True)
    def kl_proximal_arr(x,b, tau, out, eta):
        for i in prange(x.size):
            t = tau.flat[i]
            X = x.flat[i]
            E = eta.flat[i]
            out.flat[i] = 0.5 *  ( 
                ( X - E - t ) +\
                numpy.sqrt( (X + E - t)**2. + \
                    (4. * t * b.flat[i]) 
                )
            )
    @jit(parallel=True, nopython=True)
    def kl_proximal_mask(x,b, tau, out, eta, mask):
        for i in prange(x.size):
            if mask.flat[i] > 0:
                X = x.flat[i]
                E = eta.flat[i]
                out.flat[i] = 0.5 *  ( 
                    ( X - E - tau ) +\
                    numpy.sqrt( (X + E - tau)**2. + \
                        (4. * tau * b.flat[i]) 
                    )
                )
    @jit(parallel=True, nopython=True)
    def kl_proximal_arr_mask(x,b, tau, out, eta, mask):
        for i in prange(x.size):
            if mask.flat[i] > 0:
                t = tau.flat[i]
                X = x.flat[i]
                E = eta.flat[i]
                out.flat[i] = 0.5 *  ( 
                    ( X - E - t ) +\
                    numpy.sqrt( (X + E - t)**2. + \
                        (4. * t * b.flat[i]) 
                    )
                )
    # proximal conjugate
    @jit(parallel=True, nopython=True)
    def kl_proximal_conjugate_arr(x, b, eta, tau, out):
        #z = x + tau * self.bnoise
        #return 0.5*((z + 1) - ((z-1)**2 + 4 * tau * self.b).sqrt())
        for i in prange(x.size):
            t = tau.flat[i]
            z = x.flat[i] + ( t * eta.flat[i] )
            out.flat[i] = 0.5 * ( 
                (z + 1) - numpy.sqrt((z-1)*(z-1) + 4 * t * b.flat[i])
                )
        
    @jit(parallel=True, nopython=True)
    def kl_proximal_conjugate(x, b, eta, tau, out):
        #z = x + tau * self.bnoise
        #return 0.5*((z + 1) - ((z-1)**2 + 4 * tau * self.b).sqrt())
        for i in prange(x.size):
            z = x.flat[i] + ( tau * eta.flat[i] )
            out.flat[i] = 0.5 * ( 
                (z + 1) - numpy.sqrt((z-1)*(z-1) + 4 * tau * b.flat[i])
                )

    @jit(parallel=True, nopython=True)
    def kl_proximal_conjugate_arr_mask(x, b, eta, tau, out, mask):
        #z = x + tau * self.bnoise
        #return 0.5*((z + 1) - ((z-1)**2 + 4 * tau * self.b).sqrt())
        for i in prange(x.size):
            if mask.flat[i] > 0:
                t = tau.flat[i]
                z = x.flat[i] + ( t * eta.flat[i] )
                out.flat[i] = 0.5 * ( 
                    (z + 1) - numpy.sqrt((z-1)*(z-1) + 4 * t * b.flat[i])
                    )
        
    @jit(parallel=True, nopython=True)
    def kl_proximal_conjugate_mask(x, b, eta, tau, out, mask):
        #z = x + tau * self.bnoise
        #return 0.5*((z + 1) - ((z-1)**2 + 4 * tau * self.b).sqrt())
        for i in prange(x.size):
            if mask.flat[i] > 0:
                z = x.flat[i] + ( tau * eta.flat[i] )
                out.flat[i] = 0.5 * ( 
                    (z + 1) - numpy.sqrt((z-1)*(z-1) + 4 * tau * b.flat[i])
                    )
    # gradient
    @jit(parallel=True, nopython=True)
    def kl_gradient(x, b, out, eta):
        for i in prange(x.size):
            out.flat[i] = 1 - b.flat[i]/(x.flat[i] + eta.flat[i])
    @jit(parallel=True, nopython=True)
    def kl_gradient_mask(x, b, out, eta, mask):
        for i in prange(x.size):
            if mask.flat[i] > 0:
                out.flat[i] = 1 - b.flat[i]/(x.flat[i] + eta.flat[i])
    
    # KL divergence
    @jit(parallel=True, nopython=True)
    def kl_div(x, y, eta):
        accumulator = 0.
        for i in prange(x.size):
            X = x.flat[i]
            Y = y.flat[i] + eta.flat[i]
            if X > 0 and Y > 0:
                # out.flat[i] = X * numpy.log(X/Y) - X + Y
                accumulator += X * numpy.log(X/Y) - X + Y
            elif X == 0 and Y >= 0:
                # out.flat[i] = Y
                accumulator += Y
            else:
                # out.flat[i] = numpy.inf
                return numpy.inf
        return accumulator
    @jit(parallel=True, nopython=True)
    def kl_div_mask(x, y, eta, mask):
        accumulator = 0.
        for i in prange(x.size):
            if mask.flat[i] > 0:
                X = x.flat[i]
                Y = y.flat[i] + eta.flat[i]
                if X > 0 and Y > 0:
                    # out.flat[i] = X * numpy.log(X/Y) - X + Y
                    accumulator += X * numpy.log(X/Y) - X + Y
                elif X == 0 and Y >= 0:
                    # out.flat[i] = Y
                    accumulator += Y
                else:
                    # out.flat[i] = numpy.inf
                    return numpy.inf
        return accumulator

    # convex conjugate
    @jit(parallel=True, nopython=True)
    def kl_convex_conjugate(x, b, eta):
        accumulator = 0.
        for i in prange(x.size):
            X = b.flat[i]
            x_f = x.flat[i]
            Y = 1 - x_f
            if Y > 0:
                if X > 0:
                    # out.flat[i] = X * numpy.log(X/Y) - X + Y
                    accumulator += X * numpy.log(Y)
                # else xlogy is 0 so it doesn't add to the accumulator
                accumulator += eta.flat[i] * x_f
        return - accumulator
    @jit(parallel=True, nopython=True)
    def kl_convex_conjugate_mask(x, b, eta, mask):
        accumulator = 0.
        j = 0
        for i in prange(x.size):
            if mask.flat[i] > 0:
                j+=1
                X = b.flat[i]
                x_f = x.flat[i]
                Y = 1 - x_f
                if Y > 0:
                    if X > 0:
                        # out.flat[i] = X * numpy.log(X/Y) - X + Y
                        accumulator += X * numpy.log(Y)
                    # else xlogy is 0 so it doesn't add to the accumulator
                    accumulator += eta.flat[i] * x_f
        return - accumulator
# ---- harness (not part of the program) ----
np = numpy
ENTRY = "kl_all"


def kl_all(b, x, eta, mask, tau_arr, dual):
    tau = 0.7
    outs = np.zeros((10,) + b.shape, dtype=b.dtype)
    kl_gradient(x, b, outs[0], eta)
    kl_gradient_mask(x, b, outs[1], eta, mask)
    kl_proximal(x, b, tau, outs[2], eta)
    kl_proximal_arr(x, b, tau_arr, outs[3], eta)
    kl_proximal_mask(x, b, tau, outs[4], eta, mask)
    kl_proximal_arr_mask(x, b, tau_arr, outs[5], eta, mask)
    kl_proximal_conjugate(dual, b, eta, tau, outs[6])
    kl_proximal_conjugate_arr(dual, b, eta, tau_arr, outs[7])
    kl_proximal_conjugate_mask(dual, b, eta, tau, outs[8], mask)
    kl_proximal_conjugate_arr_mask(dual, b, eta, tau_arr, outs[9], mask)
    scalars = np.array([
        kl_div(b, x, eta),
        kl_div_mask(b, x, eta, mask),
        kl_div(b, x - 2.0, eta),
        kl_convex_conjugate(dual, b, eta),
        kl_convex_conjugate_mask(dual, b, eta, mask),
    ])
    return outs, scalars


def inputs():
    rng = np.random.default_rng(0)
    n = 64
    yy, xx = np.mgrid[0:n, 0:n]
    phantom = 20.0 * np.exp(-((xx - 30) ** 2 + (yy - 34) ** 2) / 200.0) + 3.0 * ((xx - 20) ** 2 + (yy - 20) ** 2 < 60)
    b = rng.poisson(phantom).astype(np.float32)
    x = (phantom + rng.uniform(0.1, 1.0, (n, n))).astype(np.float32)
    eta = np.full((n, n), 0.05, dtype=np.float32)
    mask = (((xx - 32) ** 2 + (yy - 32) ** 2) < 28 ** 2).astype(np.float32)
    tau_arr = rng.uniform(0.2, 1.5, (n, n)).astype(np.float32)
    dual = rng.uniform(-2.0, 0.9, (n, n)).astype(np.float32)
    return (b, x, eta, mask, tau_arr, dual)
