"""@weft.guvectorize, as Numba's generalized ufuncs: the kernel runs on
the core arrays of each element of the loop dimensions; results equal
NumPy's."""
import numpy as np
import pytest

import weft


@weft.guvectorize(["void(float64[:], intp[:], float64[:])"], "(n),()->(n)")
def move_mean(a, window_arr, out):
    window_width = window_arr[0]
    asum = 0.0
    count = 0
    for i in range(window_width):
        asum += a[i]
        count += 1
        out[i] = asum / count
    for i in range(window_width, len(a)):
        asum += a[i] - a[i - window_width]
        out[i] = asum / count


@weft.guvectorize(["void(float64[:], float64[:], float64[:])"], "(n),(n)->()")
def inner(a, b, out):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * b[i]
    out[0] = s


@weft.guvectorize("(n)->(n),()")
def cumulative(a, sums, total):
    s = 0
    for i in range(a.shape[0]):
        s += a[i]
        sums[i] = s
    total[0] = s


def moving_mean_numpy(a, w):
    out = np.empty_like(a)
    for row, dst in zip(a.reshape(-1, a.shape[-1]),
                        out.reshape(-1, a.shape[-1])):
        c = np.cumsum(row)
        for i in range(len(row)):
            lo = max(0, i - w + 1)
            dst[i] = (c[i] - (c[lo - 1] if lo else 0)) / min(i + 1, w)
    return out


def test_moving_mean_over_rows():
    a = np.arange(20, dtype=np.float64).reshape(2, 10)
    np.testing.assert_allclose(move_mean(a, 3), moving_mean_numpy(a, 3),
                               rtol=1e-12)
    b = np.random.default_rng(1).random((2, 3, 7))
    np.testing.assert_allclose(move_mean(b, 4), moving_mean_numpy(b, 4),
                               rtol=1e-12)
    # A 1-D input: no loop dimensions.
    np.testing.assert_allclose(move_mean(np.arange(5.0), 2),
                               [0.0, 0.5, 1.5, 2.5, 3.5])


def test_scalar_output_and_broadcasting():
    x = np.arange(12.0).reshape(3, 4)
    np.testing.assert_array_equal(inner(x, np.ones(4)), x.sum(axis=1))
    assert inner(np.arange(3.0), np.arange(3.0)) == 5.0
    # (3, 1, 4) with (2, 4): the loop shape broadcasts to (3, 2).
    y = np.arange(8.0).reshape(2, 4)
    np.testing.assert_array_equal(inner(x[:, None, :], y), x @ y.T)


def test_two_outputs_without_signatures():
    sums, total = cumulative(np.array([[1, 2, 3], [4, 5, 6]]))
    np.testing.assert_array_equal(sums, [[1, 3, 6], [4, 9, 15]])
    np.testing.assert_array_equal(total, [6, 15])
    assert sums.dtype == np.int64


def test_errors():
    with pytest.raises(TypeError, match="takes 2 inputs"):
        move_mean(np.ones(3))
    with pytest.raises(ValueError, match="broadcast"):
        inner(np.ones((3, 4)), np.ones((2, 4)))
    # Core sizes that differ would let the kernel read past b's end.
    with pytest.raises(ValueError, match="Input operand 1 has a mismatch in "
                                         "its core dimension 0.*size 3 is "
                                         "different from 4"):
        inner(np.ones(4), np.ones(3))
    with pytest.raises(TypeError, match="bad has 1 parameters; its layout '\\(n\\)->\\(n\\)' names 2"):
        @weft.guvectorize("(n)->(n)")
        def bad(a):
            pass
    with pytest.raises(TypeError, match="no signature of inner takes"):
        inner(np.ones(3, dtype=np.complex128), np.ones(3))


SHIFT = 0.5


@weft.jit
def shifted_pair(x, y):
    return x * y + SHIFT, x - y


@weft.guvectorize(["void(float64[:], float64[:], float64[:])"], "(n),(n)->()")
def best_shifted(a, b, out):
    # A kernel calling a jitted function that reads a module constant.
    best = 0
    for i in range(a.shape[0]):
        value, _ = shifted_pair(a[i], b[i])
        if value > best:
            best = value
    out[0] = best


def test_kernel_calls_jitted_function():
    rng = np.random.default_rng(3)
    a, b = rng.standard_normal((5, 6)), rng.standard_normal(6)
    want = np.maximum((a * b + SHIFT).max(axis=1), 0)
    np.testing.assert_allclose(best_shifted(a, b), want, rtol=1e-12)


@weft.guvectorize(["void(float32[:], float32[:])", "void(float64[:], float64[:])"],
                  "(n)->()")
def total_of(a, out):
    s = 0.0
    for x in a:
        s += x
    out[0] = s


def test_signature_chosen_as_numpy_chooses_a_loop():
    # float64 input takes the float64 loop, not the float32 one listed
    # first (a same-kind cast would round it to float32).
    a = np.array([[0.1, 0.2, 1e-9], [1.0, 2.0, 3.0]])
    got = total_of(a)
    assert got.dtype == np.float64
    np.testing.assert_allclose(got, a.sum(axis=1), rtol=1e-15)
    assert total_of(a.astype(np.float32)).dtype == np.float32


@weft.guvectorize(["void(float64[:], int64[:], float64[:])"], "(n),(n),(m)")
def group_sums(values, labels, out):
    # No outputs in the layout: the kernel writes into its last argument.
    out[:] = 0.0
    for i in range(len(values)):
        if labels[i] >= 0:
            out[labels[i]] += values[i]


def test_layout_without_outputs_writes_into_an_argument():
    values = np.arange(12.0).reshape(2, 6)
    labels = np.array([0, 1, 0, -1, 2, 1])
    out = np.full((2, 3), np.nan)
    assert group_sums(values, labels, out) is None
    want = np.array([[2.0, 6.0, 4.0], [14.0, 18.0, 10.0]])
    np.testing.assert_array_equal(out, want)


@weft.guvectorize(["void(float64[:], float64[:])"], "(n)->(n)")
def positives_doubled(a, out):
    # writes only some elements: the others keep what the caller put there
    for i in range(a.shape[0]):
        if a[i] > 0:
            out[i] = 2 * a[i]


def test_outputs_given_after_the_inputs_are_written_in_place():
    a = np.array([[1.0, -1.0, 3.0], [-2.0, 5.0, 0.0]])
    out = np.full(a.shape, np.nan)
    got = positives_doubled(a, out)
    assert got is out
    want = np.where(a > 0, 2 * a, np.nan)
    np.testing.assert_array_equal(out, want)
    out2 = np.zeros(a.shape)
    assert positives_doubled(a, out=out2) is out2
    np.testing.assert_array_equal(out2, np.where(a > 0, 2 * a, 0.0))
    with pytest.raises(TypeError, match="dtype float64"):
        positives_doubled(a, np.zeros(a.shape, dtype=np.float32))


@weft.guvectorize([("f8[:], f8[:], f8[:]")], "(n),(),()", nopython=True)
def update_in_place(state, like, y):
    # skillmodels' Kalman updates: every argument an input, the "()"
    # ones 1-element views the kernel writes (like[0] = ...)
    like[0] = -0.5 * (y[0] - state[0]) ** 2
    state[0] += y[0]


def test_scalar_core_inputs_are_views_the_kernel_writes():
    state = np.arange(6.0).reshape(3, 2)
    like = np.zeros(3)
    y = np.array([1.0, 2.0, 4.0])
    update_in_place(state, like, y)
    assert like.tolist() == [-0.5 * (1.0 - 0.0) ** 2, -0.5 * (2.0 - 2.0) ** 2,
                             -0.5 * (4.0 - 4.0) ** 2]
    assert state[:, 0].tolist() == [1.0, 4.0, 8.0]


@weft.guvectorize(["void(complex128[:], complex128[:], complex128[:])",
                   "void(float64[:], float64[:], float64[:])"],
                  "(n),(n)->(n)")
def summed(a, b, out):
    for i in range(a.shape[0]):
        out[i] += a[i] + b[i]


def test_given_outputs_pick_the_loop_and_none_is_allocated():
    # cddm's kernels: a complex and a float loop. float64 inputs fit the
    # complex loop first, but float64 outputs given pick the float one,
    # as NumPy's loop search does; an output passed as None is made.
    a, b = np.arange(3.0), np.ones(3)
    out = np.full(3, 10.0)
    assert summed(a, b, out) is out
    assert out.tolist() == [11.0, 12.0, 13.0]
    z = np.zeros(3, np.complex128)
    summed(a, b, z)
    assert z.tolist() == [1.0, 2.0, 3.0]
    r = summed(a, b, None)  # (its elements as uninitialised as NumPy's)
    assert r.dtype == np.complex128 and r.shape == (3,)
    assert move_mean(np.arange(4.0), 2, None).tolist() == [0.0, 0.5, 1.5,
                                                          2.5]
