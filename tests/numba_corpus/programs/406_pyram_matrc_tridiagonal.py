# Source: marcuskd/pyram pyram/matrc.py (at commit b816cf02)
# Licence: BSD-3-Clause (pyram, LICENSE.txt at commit 3f0d59b0: Copyright (c) 2000 Dr. Michael D. Collins, Copyright (c) 2017 Marcus Donnelly)
# Notes: the tridiagonal matrices of PyRAM, the Python adaptation of the Range-dependent Acoustic Model (a split-step Pade parabolic-equation solver for underwater sound propagation): matrc (@jit with an explicit signature of float64, int64, float64[:], complex128[:] and complex128[:, :] arguments, nopython=True) sets the depth profiles of the water column and of the seabed (1/alpha, 1/rho, alpha, k^2 - k0^2, complex in the seabed where attenuation enters), discretises the depth operator by Galerkin's method into three complex diagonals for every Pade term (r1, r2, r3 and s1, s2, s3 from the Pade coefficients pd1, pd2) and decomposes them downwards from the surface and upwards from the bottom to the seabed interface, all in place in its array arguments. Pasted: the whole module (its docstring, the numba import and matrc). The harness passes what PyRAM's self-starter (selfs) passes on its first call, for the RAM test case of the project's tests (50 Hz, c0 = 1600 m/s, dz = 2 m, a 20-wavelength absorbing layer, so 521 depth points with the seabed at index 100; water sound speed 1480-1530 m/s, seabed 1700 m/s, density 1.5, 0.5 dB/wavelength rising to 10 in the layer): the profiles as profl computes them, np = 1 with pd1[0] = 0 and pd2[0] = -1, and the zeroed 521 x 8 complex matrices PyRAM allocates for 8 Pade terms
'''solve function definition'''

from numba import jit, float64, int64, complex128


@jit((float64, float64, int64, int64, int64, int64, float64[:], float64[:],
     float64[:], complex128[:], float64[:], float64[:], float64[:],
     complex128[:], float64[:], complex128[:, :], complex128[:, :],
     complex128[:, :], complex128[:, :], complex128[:, :], complex128[:, :],
     complex128[:], complex128[:]), nopython=True)
def matrc(k0, dz, iz, jz, nz, np, f1, f2, f3, ksq, alpw, alpb, ksqw, ksqb,
          rhob, r1, r2, r3, s1, s2, s3, pd1, pd2):

    '''The tridiagonal matrices'''

    a1 = k0**2/6
    a2 = 2*k0**2/3
    a3 = a1
    cfact = 0.5/dz**2
    dfact = 1/12

    # New matrices when iz == jz
    if iz == jz:
        i1 = 1
        i2 = nz
        for i in range(iz+1):
            f1[i] = 1/alpw[i]
            f2[i] = 1
            f3[i] = alpw[i]
            ksq[i] = ksqw[i]
        for i in range(iz+1, nz+2):
            f1[i] = rhob[i]/alpb[i]
            f2[i] = 1/rhob[i]
            f3[i] = alpb[i]
            ksq[i] = ksqb[i]
    # Updated matrices when iz != jz
    elif iz > jz:
        i1 = jz
        i2 = iz+1
        for i in range(jz+1, iz+1):
            f1[i] = 1/alpw[i]
            f2[i] = 1
            f3[i] = alpw[i]
            ksq[i] = ksqw[i]
    elif iz < jz:
        i1 = iz
        i2 = jz+1
        for i in range(iz+1, jz+1):
            f1[i] = rhob[i]/alpb[i]
            f2[i] = 1/rhob[i]
            f3[i] = alpb[i]
            ksq[i] = ksqb[i]

    # Discretization by Galerkin's method

    for i in range(i1, i2+1):

        c1 = cfact*f1[i]*(f2[i-1] + f2[i])*f3[i-1]
        c2 = -cfact*f1[i]*(f2[i-1] + 2*f2[i] + f2[i+1])*f3[i]
        c3 = cfact*f1[i]*(f2[i] + f2[i+1])*f3[i+1]
        d1 = c1 + dfact*(ksq[i-1] + ksq[i])
        d2 = c2 + dfact*(ksq[i-1] + 6*ksq[i] + ksq[i+1])
        d3 = c3 + dfact*(ksq[i] + ksq[i+1])

        for j in range(np):
            r1[i, j] = a1 + pd2[j]*d1
            r2[i, j] = a2 + pd2[j]*d2
            r3[i, j] = a3 + pd2[j]*d3
            s1[i, j] = a1 + pd1[j]*d1
            s2[i, j] = a2 + pd1[j]*d2
            s3[i, j] = a3 + pd1[j]*d3

    # The matrix decomposition
    for j in range(np):

        for i in range(i1, iz+1):
            rfact = 1/(r2[i, j] - r1[i, j]*r3[i-1, j])
            r1[i, j] *= rfact
            r3[i, j] *= rfact
            s1[i, j] *= rfact
            s2[i, j] *= rfact
            s3[i, j] *= rfact

        for i in range(i2, iz+1, -1):
            rfact = 1/(r2[i, j] - r3[i, j]*r1[i+1, j])
            r1[i, j] *= rfact
            r3[i, j] *= rfact
            s1[i, j] *= rfact
            s2[i, j] *= rfact
            s3[i, j] *= rfact

        r2[iz+1, j] -= r1[iz+1, j]*r3[iz, j]
        r2[iz+1, j] -= r3[iz+1, j]*r1[iz+2, j]
        r2[iz+1, j] = 1/r2[iz+1, j]
# ---- harness (not part of the program) ----
ENTRY = "matrc"


def inputs():
    import numpy
    # PyRAM.setup / profl for the RAM test case (freq 50, c0 1600, dz 2)
    freq, c0, dz, lyrw, npade = 50.0, 1600.0, 2.0, 20, 8
    z_ss = numpy.array([0.0, 100.0, 400.0])
    cw_prof = numpy.array([1480.0, 1520.0, 1530.0])
    z_sb = numpy.array([0.0])
    cb_prof, rhob_prof, attn_prof = (numpy.array([1700.0]),
                                     numpy.array([1.5]), numpy.array([0.5]))
    lam = c0 / freq
    omega = 2 * numpy.pi * freq
    k0 = omega / c0
    eta = 1 / (40 * numpy.pi * numpy.log10(numpy.exp(1)))
    zmax = z_ss.max() + lyrw * lam
    nz = int(numpy.floor(zmax / dz)) - 1
    iz = min(nz - 1, max(1, int(numpy.floor(200.0 / dz))))
    z = numpy.linspace(0, zmax, nz + 2)
    cw = numpy.interp(z, z_ss, cw_prof, left=cw_prof[0], right=cw_prof[-1])
    cb = numpy.interp(z, z_sb, cb_prof, left=cb_prof[0], right=cb_prof[-1])
    rhob = numpy.interp(z, z_sb, rhob_prof, left=rhob_prof[0],
                        right=rhob_prof[-1])
    attnf = 10
    attnlyr = numpy.concatenate((attn_prof, [attn_prof[-1], attnf]))
    zlyr = numpy.concatenate((z_sb, [z_sb[-1] + 0.75 * lyrw * lam,
                                     z_sb[-1] + lyrw * lam]))
    attn = numpy.interp(z, zlyr, attnlyr, left=attn_prof[0], right=attnf)
    ksqw = (omega / cw) ** 2 - k0 ** 2
    ksqb = ((omega / cb) * (1 + 1j * eta * attn)) ** 2 - k0 ** 2
    alpw = numpy.sqrt(cw / c0)
    alpb = numpy.sqrt(rhob * cb / c0)
    ksq = numpy.zeros(nz + 2, dtype=complex)
    f1, f2, f3 = (numpy.zeros(nz + 2) for _ in range(3))
    r1, r2, r3, s1, s2, s3 = (numpy.zeros([nz + 2, npade], dtype=complex)
                              for _ in range(6))
    pd1 = numpy.zeros(npade, dtype=complex)
    pd2 = numpy.zeros(npade, dtype=complex)
    pd1[0] = 0
    pd2[0] = -1
    return (k0, dz, iz, iz, nz, 1, f1, f2, f3, ksq, alpw, alpb, ksqw,
            ksqb.astype(complex), rhob, r1, r2, r3, s1, s2, s3, pd1, pd2)
