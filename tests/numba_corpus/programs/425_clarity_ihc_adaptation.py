# Source: claritychallenge/clarity clarity/evaluator/haspi/eb.py (at commit 0124a110)
# Licence: MIT (pyclarity, LICENSE at commit 91dea309: Copyright (c) 2022 The PyClarity Team)
# Notes: inner hair cell rapid and short-term adaptation of the HASPI/HASQI/HAAQI auditory model used to score hearing-aid audio (audio signal processing): inner_hair_cell_adaptation (@jit(nopython=True)) takes max() of an int overshoot factor and a float, derives the resistances and capacitances of an equivalent RC circuit and the 2x2 matrix inverse of its backward-difference update, runs the sample-by-sample voltage recursion over the envelope in dB SL (two scalar states that start as the integer 0 and become floats), then clips with np.maximum, forms the gain (output + small) / (input + small) with np.ones_like/np.zeros_like buffers and applies it to the basilar-membrane motion, returning both arrays as a tuple. Pasted: the numpy and numba (jit) imports and inner_hair_cell_adaptation verbatim (left out: the rest of the ear model, plain-Python functions built on scipy.signal filters, the other jitted function gammatone_bandwidth_demodulation that this one does not call, and the scipy, logging and clarity.enhancer imports). The harness passes what ear_model passes for one auditory band of a 0.5 s signal at 24 kHz: the compressed envelope converted to dB SL (speech-like syllable bursts up to about 23 dB, clipped at 0), the matching basilar-membrane motion, delta = 2 and freq_sample = 24000
import numpy as np
from numba import jit


@jit(nopython=True)
def inner_hair_cell_adaptation(
    reference_db, reference_basilar_membrane, delta, freq_sample
):
    """
    Provide inner hair cell (IHC) adaptation. The adaptation is based on an
    equivalent RC circuit model, and the derivatives are mapped into
    1st-order backward differences. Rapid and short-term adaptation are
    provided. The input is the signal envelope in dB SL, with IHC attenuation
    already applied to the envelope. The outputs are the envelope in dB SL
    with adaptation providing overshoot of the long-term output level, and
    the BM motion is multiplied by a gain vs. time function that reproduces
    the adaptation. IHC attenuation and additive noise for the equivalent
    auditory threshold are provided by a subsequent call to eb_BMatten.

    Arguments:
        reference_db (np.ndarray): signal envelope in one frequency band in dB SL
             contains OHC compression and IHC attenuation
        reference_basilar_membrane (): basilar membrane vibration with OHC compression
            but no IHC attenuation
        delta (): overshoot factor = delta x steady-state
        freq_sample (int): sampling rate in Hz

    Returns:
        output_db (): envelope in dB SL with IHC adaptation
        output_basilar_membrane (): Basilar Membrane multiplied by the IHC adaptation
            gain function

    Updates:
    James M. Kates, 1 October 2012.
    Translated from MATLAB to Python by Zuzanna Podwinska, March 2022.
    """
    # Test the amount of overshoot
    dsmall = 1.0001
    delta = max(delta, dsmall)

    # Initialize adaptation time constants
    tau1 = 2  # Rapid adaptation in msec
    tau2 = 60  # Short-term adaptation in msec
    tau1 = 0.001 * tau1  # Convert to seconds
    tau2 = 0.001 * tau2

    # Equivalent circuit parameters
    freq_sample_inverse = 1 / freq_sample
    r_1 = 1 / delta
    r_2 = 0.5 * (1 - r_1)
    r_3 = r_2
    c_1 = tau1 * (r_1 + r_2) / (r_1 * r_2)
    c_2 = tau2 / ((r_1 + r_2) * r_3)

    # Intermediate values used for the voltage update matrix inversion
    a11 = r_1 + r_2 + r_1 * r_2 * (c_1 / freq_sample_inverse)
    a12 = -r_1
    a21 = -r_3
    a22 = r_2 + r_3 + r_2 * r_3 * (c_2 / freq_sample_inverse)
    denom = 1 / ((a11 * a22) - (a21 * a12))

    # Additional intermediate values
    r_1_inv = 1 / r_1
    product_r1_r2_c1 = r_1 * r_2 * (c_1 / freq_sample_inverse)
    product_r2_r3_c2 = r_2 * r_3 * (c_2 / freq_sample_inverse)

    # Initalize the outputs and state of the equivalent circuit
    nsamp = len(reference_db)
    gain = np.ones_like(
        reference_db
    )  # Gain vector to apply to the BM motion, default is 1
    output_db = np.zeros_like(reference_db)
    v_1 = 0
    v_2 = 0
    small = 1e-30

    # Loop to process the envelope signal
    # The gain asymptote is 1 for an input envelope of 0 dB SPL
    for n in range(nsamp):
        v_0 = reference_db[n]
        b_1 = v_0 * r_2 + product_r1_r2_c1 * v_1
        b_2 = product_r2_r3_c2 * v_2
        v_1 = denom * (a22 * b_1 - a12 * b_2)
        v_2 = denom * (-a21 * b_1 + a11 * b_2)
        out = (v_0 - v_1) * r_1_inv
        output_db[n] = out

    output_db = np.maximum(output_db, 0)
    gain = (output_db + small) / (reference_db + small)

    output_basilar_membrane = gain * reference_basilar_membrane

    return output_db, output_basilar_membrane
# ---- harness (not part of the program) ----
ENTRY = "inner_hair_cell_adaptation"


def inputs():
    # one auditory band (1 kHz centre) of 0.5 s at 24 kHz: syllable-like
    # bursts of envelope in dB SL and the basilar-membrane motion under it
    rng = np.random.default_rng(0)
    fs = 24000
    t = np.arange(fs // 2) / fs
    bursts = np.clip(np.sin(2 * np.pi * 4.0 * t), 0.0, None) ** 0.5
    env_lin = 1e-3 + 0.2 * bursts * (1.0 + 0.1 * rng.standard_normal(t.size))
    reference_db = np.maximum(65.0 - 30.0 + 20.0 * np.log10(np.abs(env_lin)), 0.0)
    bm = env_lin * np.sin(2 * np.pi * 1000.0 * t)
    return (reference_db, bm, 2, fs)
