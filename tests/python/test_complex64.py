"""complex64 (NumPy's complex of two float32 parts) in code compiled from
Python: arrays passed in and returned keep the dtype, arithmetic stays in
float32 as Numba's does, and a number beside an array promotes as
Numba 0.56 types it (measured: complex64 array * int or float32 stays
complex64, * float64 or complex128 is complex128; float32 array * 1j is
complex128, * np.complex64 is complex64). Values are checked against
NumPy's complex64 arithmetic."""
import numpy as np
import pytest

import weft


def c64(n, seed=0):
    rng = np.random.default_rng(seed)
    return (rng.standard_normal(n) + 1j * rng.standard_normal(n)).astype(
        np.complex64)


def test_arrays_in_and_out_keep_complex64():
    @weft.jit
    def f(a, b):
        return a * b + a, np.abs(a), a.real, a.imag, np.conj(b), a.sum()

    a, b = c64(50), c64(50, 1)
    prod, mag, re, im, cj, s = f(a, b)
    assert prod.dtype == np.complex64
    np.testing.assert_allclose(prod, a * b + a, rtol=1e-6)
    assert mag.dtype == re.dtype == im.dtype == np.float32
    np.testing.assert_allclose(mag, np.abs(a), rtol=1e-6)
    assert np.array_equal(re, a.real) and np.array_equal(im, a.imag)
    assert cj.dtype == np.complex64 and np.array_equal(cj, np.conj(b))
    assert isinstance(s, complex)
    assert s == pytest.approx(complex(a.sum()), rel=1e-5)


def test_numba_promotion_beside_arrays():
    @weft.jit
    def mul(a, s):
        return a * s

    a = c64(4)
    f32 = np.ones(4, np.float32)
    assert mul(a, 3).dtype == np.complex64
    assert mul(a, np.float32(2)).dtype == np.complex64
    assert mul(a, np.complex64(1j)).dtype == np.complex64
    assert mul(a, 2.0).dtype == np.complex128
    assert mul(a, 1j).dtype == np.complex128
    assert mul(f32, 1j).dtype == np.complex128
    assert mul(f32, np.complex64(1j)).dtype == np.complex64
    assert mul(a, f32).dtype == np.complex64
    assert mul(a, np.ones(4)).dtype == np.complex128


def test_scalars_elements_and_conversions():
    @weft.jit
    def g(n, z):
        out = np.zeros(n, dtype=np.complex64)
        for i in range(n):
            out[i] = np.complex64(complex(i, -i)) * z
        return out, out[1] * out[2], np.complex64(0.1)

    out, p, tenth = g(4, np.complex64(0.5 + 0.5j))
    assert out.dtype == np.complex64
    expect = np.array([complex(i, -i) for i in range(4)],
                      np.complex64) * np.complex64(0.5 + 0.5j)
    assert np.array_equal(out, expect)
    assert p == complex(expect[1] * expect[2])
    # np.complex64(0.1) rounds its parts to float32
    assert tenth == complex(np.complex64(0.1))


def test_loops_over_elements_as_dolphin_does():
    # the phase similarity of dolphin's InSAR code: real(x1[i] * conj(x2[i]))
    @weft.jit
    def phase_similarity(x1, x2):
        n = len(x1)
        out = 0.0
        for i in range(n):
            out += np.real(x1[i] * np.conj(x2[i]))
        return out / n

    x, y = c64(300), c64(300, 2)
    expect = sum(float(np.real(x[i] * np.conj(y[i]))) for i in range(300))
    assert phase_similarity(x, y) == pytest.approx(expect / 300, rel=1e-12)


def test_complex64_math_and_reductions():
    @weft.jit
    def h(a):
        return np.exp(a), np.sqrt(a), a.mean(), np.angle(a), a.reshape(
            (5, 10)).sum(axis=0)

    a = c64(50)
    e, r, m, ang, cols = h(a)
    assert e.dtype == r.dtype == cols.dtype == np.complex64
    assert ang.dtype == np.float32
    np.testing.assert_allclose(e, np.exp(a), rtol=1e-5)
    np.testing.assert_allclose(r, np.sqrt(a), rtol=1e-5)
    np.testing.assert_allclose(ang, np.angle(a), rtol=1e-5)
    np.testing.assert_allclose(cols, a.reshape((5, 10)).sum(axis=0),
                               rtol=1e-5)
    assert m == pytest.approx(complex(a.mean()), rel=1e-5)
