# Source: wavespectra/wavespectra wavespectra/core/npstats_numba.py (at commit 3a9f1e12), with R2D from wavespectra/core/utils.py (at commit 063888c2)
# Licence: MIT (wavespectra, pyproject.toml at commit 06966497: classifier "License :: OSI Approved :: MIT License"; Wavespectra Developers, MetOcean Solutions / Oceanum)
# Notes: smooth peak wave period of ocean wave spectra from met-ocean models (the Tp that SWAN and WAVEWATCH III report), as wavespectra's statistics compute it over many spectra at once: tps_gufunc (@guvectorize with the signature string "(int64, float64[:], float32[:], float32[:])", layout "(), (n), (n) -> ()", nopython=True, target="parallel", cache=True and forceobj=True) fits a parabola through the energy densities at the peak index and its two neighbours of each frequency spectrum (mixed float64 energies and float32 frequencies), takes the vertex frequency and writes np.float32(1.0 / fp) into the float32 output element, or NaN when the peak index is 0 (`if not ipeak`); the module's other gufuncs (peak direction, mean direction at the peak with np.arctan2 and R2D, plain peak period) use the same decorator. Pasted: the whole module (its docstring, the numpy and guvectorize imports, the plain-Python hs and the four gufuncs), with the definition of R2D from utils.py in place of its import; the harness passes what wavespectra's peak-period statistic passes through xr.apply_ufunc: the int64 peak indices of 40 one-dimensional (direction-integrated) spectra, including two with peak index 0, the (40, 31) float64 spectra (JONSWAP-shaped energy densities with peak frequencies of 0.06-0.2 Hz and noise) and the float32 frequency array (31 frequencies, geometric with factor 1.1 from 0.035 Hz)
"""Wave spectra stats on numpy arrays sourced by apply_ufuncs."""
import numpy as np
from numba import guvectorize

R2D = 180.0 / np.pi


def hs(spectrum, freq, dir, tail=True):
    """Significant wave height Hmo.

    Args:
        - spectrum (2darray): wave spectrum array.
        - freq (1darray): wave frequency array.
        - dir (1darray): wave direction array.
        - tail (bool): if True fit high-frequency tail before integrating spectra.

    """
    df = abs(freq[1:] - freq[:-1])
    if len(dir) > 1:
        ddir = abs(dir[1] - dir[0])
        E = ddir * spectrum.sum(1)
    else:
        E = np.squeeze(spectrum)
    Etot = 0.5 * sum(df * (E[1:] + E[:-1]))
    if tail and freq[-1] > 0.333:
        Etot += 0.25 * E[-1] * freq[-1]
    return 4.0 * np.sqrt(Etot)


@guvectorize(
    "(int64, float64[:], float64[:], float32[:])",
    "(), (n), (n) -> ()",
    nopython=True,
    target="parallel",
    cache=True,
    forceobj=True,
)
def dpm_gufunc(ipeak, momsin, momcos, out):
    """Mean direction at the peak wave period Dpm.

    Args:
        - ipeak (int): Index of the maximum energy density in the frequency spectrum E(f).
        - momsin (1darray): Sin component of the 1st directional moment.
        - momcos (1darray): Cos component of the 1st directional moment.

    Returns:
        - dpm (float): Mean direction at the frequency peak of the spectrum.

    """
    if not ipeak:
        out[0] = np.nan
    else:
        dpm = np.arctan2(momsin[ipeak], momcos[ipeak])
        out[0] = np.float32((270 - R2D * dpm) % 360.)


@guvectorize(
    "(int64, float32[:], float32[:])",
    "(), (n) -> ()",
    nopython=True,
    target="parallel",
    cache=True,
    forceobj=True,
)
def dp_gufunc(ipeak, dir, out):
    """Peak wave direction Dp.

    Args:
        - ipeak (int): Index of the maximum energy density in the frequency spectrum E(f).
        - dir (1darray): Wave direction array.

    Returns:
        - dp (float): Direction of the maximum energy density in the
          frequency-integrated spectrum.

    """
    out[0] = np.float32(dir[ipeak])


@guvectorize(
    "(int64, float64[:], float32[:], float32[:])",
    "(), (n), (n) -> ()",
    nopython=True,
    target="parallel",
    cache=True,
    forceobj=True,
)
def tps_gufunc(ipeak, spectrum, freq, out):
    """Smooth peak wave period Tp.

    Args:
        - ipeak (int): Index of the maximum energy density in frequency spectrum E(f).
        - spectrum (1darray): Direction-integrated wave spectrum array E(f).
        - freq (1darray): Wave frequency array.

    Returns:
        - tp (float): Period of the maximum energy density in the smooth spectrum.

    Note:
        - The smooth peak period is the peak of a parabolic fit around the spectral
          peak. It is the period commonly defined in SWAN and WW3 model output.

    """
    if not ipeak:
        out[0] = np.nan
    else:
        f1 = freq[ipeak - 1]
        f2 = freq[ipeak]
        f3 = freq[ipeak + 1]
        e1 = spectrum[ipeak - 1]
        e2 = spectrum[ipeak]
        e3 = spectrum[ipeak + 1]
        s12 = f1 + f2
        q12 = (e1 - e2) / (f1 - f2)
        q13 = (e1 - e3) / (f1 - f3)
        qa = (q13 - q12) / (f3 - f2)
        fp = (s12 - q12 / qa) / 2.0
        out[0] = np.float32(1.0 / fp)


@guvectorize(
    "(int64, float64[:], float32[:], float32[:])",
    "(), (n), (n) -> ()",
    nopython=True,
    target="parallel",
    cache=True,
    forceobj=True,
)
def tp_gufunc(ipeak, spectrum, freq, out):
    """Peak wave period Tp.

    Args:
        - ipeak (int): Index of the maximum energy density in frequency spectrum E(f).
        - spectrum (1darray): Frequency wave spectrum array E(f).
        - freq (1darray): Wave frequency array.

    Returns:
        - tp (float): Period of the maximum energy density in the frequency spectrum.

    Note:
        - Arg spectrum is only defined so the signature is consistent with tps function.

    """
    if not ipeak:
        out[0] = np.nan
    else:
        out[0] = np.float32(1.0 / freq[ipeak])
# ---- harness (not part of the program) ----
ENTRY = "tps_gufunc"


def inputs():
    # 31 frequencies 0.035 * 1.1**k (float32, as wave models write them);
    # 40 frequency spectra with JONSWAP-like shapes (peak 0.06-0.2 Hz,
    # Hs-like scale factors) plus 2% noise, float64; peak indices from
    # argmax, two of them forced to 0 (no valid peak, NaN output)
    rng = np.random.default_rng(0)
    freq = (0.035 * 1.1 ** np.arange(31)).astype(np.float32)
    f = freq.astype(np.float64)
    n_spec = 40
    spectra = np.empty((n_spec, f.size))
    for i in range(n_spec):
        fp = rng.uniform(0.06, 0.2)
        sigma = np.where(f <= fp, 0.07, 0.09)
        shape = f ** -5 * np.exp(-1.25 * (fp / f) ** 4) * 3.3 ** np.exp(
            -((f - fp) ** 2) / (2 * sigma ** 2 * fp ** 2))
        spectra[i] = rng.uniform(0.5, 3.0) * shape / shape.max()
        spectra[i] *= 1.0 + 0.02 * rng.standard_normal(f.size)
    ipeak = spectra.argmax(axis=1).astype(np.int64)
    ipeak[[5, 17]] = 0
    return (ipeak, spectra, freq)
