"""Types and branches of published Numba code that Weft got wrong or
refused: math functions of 8-bit integer arrays (float32, as Numba gives
for NumPy's float16), explicit float32() conversions under fastmath
(they round), and branches decided by module constants (pruned before
typing, as Numba prunes them). Expected values are Numba 0.56's."""
import numpy as np

import weft
from weft import numba as weft_numba

MODE = 3
TABLE = [1, 2, 3]
KIND = "fast"


def test_math_of_8_bit_integers_is_float32():
    @weft.jit
    def f(a):
        return np.log(a), np.sqrt(a), np.arctan2(a, a)

    a = np.array([1, 2, 200], dtype=np.uint8)
    for r, want in zip(f(a), (np.log(a.astype(np.float32)),
                              np.sqrt(a.astype(np.float32)),
                              np.arctan2(a.astype(np.float32),
                                         a.astype(np.float32)))):
        assert r.dtype == np.float32
        assert np.allclose(r, want, rtol=1e-6)
    assert f(a.astype(np.int8)[:2])[0].dtype == np.float32


def test_float32_conversions_round_under_fastmath():
    shim = weft_numba.module()

    @shim.jit(nopython=True, fastmath=True)
    def f(x, res):
        pixel = 1.0 / np.float32(res)
        return (np.float32(3) + 0.5) * pixel - np.float32(x), \
            np.float32(x) + 0.2

    a, b = f(0.1, 96)
    assert b == float(np.float32(0.1)) + 0.2
    # (an exact rounding of 0.1 to float32; without it, 0.0635416666...)
    assert abs(a - ((3.5 * (1.0 / 96.0)) - float(np.float32(0.1)))) < 1e-16


def test_branches_on_module_constants_are_pruned():
    @weft.jit
    def f(x):
        if MODE == 1:
            return x[TABLE[0]]  # (a global list: never typed)
        elif MODE >= 3 and not MODE == 4:
            return x[0] * 2
        return x[1]

    assert f(np.array([5, 6])) == 10


def test_none_parameter_in_part_of_a_condition():
    @weft.jit
    def gate(cost, rl, cl, thresh=None):
        for i in range(cost.shape[0]):
            for j in range(cost.shape[1]):
                if (rl[i] != cl[j] or
                        thresh is not None and cost[i, j] > thresh):
                    cost[i, j] = 1e5
        return cost

    rl, cl = np.array([0, 1]), np.array([0, 0])
    assert gate(np.ones((2, 2)), rl, cl).tolist() == [[1, 1], [1e5, 1e5]]
    assert gate(np.ones((2, 2)), rl, cl, 0.5).tolist() == [[1e5, 1e5]] * 2


def test_asarray_of_a_tuple_and_crops_of_varying_shapes():
    @weft.jit
    def crops(img, boxes):
        b = boxes.astype(np.int64)
        return [img[b[i][1]:b[i][3] + 1, b[i][0]:b[i][2] + 1]
                for i in range(len(b))], np.asarray((1.5, 2), np.float32)

    img = np.arange(30.0).reshape(5, 6)
    boxes = np.array([[0, 0, 1, 1], [2, 1, 4, 4]])
    out, t = crops(img, boxes)
    assert [c.shape for c in out] == [(2, 2), (4, 3)]
    assert np.array_equal(out[1], img[1:5, 2:5])
    assert t.dtype == np.float32 and t.tolist() == [1.5, 2.0]


def test_sort_kind_from_a_parameter():
    @weft.jit
    def order(gaps, sort_kind="mergesort"):
        return np.argsort(gaps, kind=sort_kind)

    gaps = np.array([3.0, 1.0, 2.0, 1.0])
    assert order(gaps).tolist() == [1, 3, 2, 0]
    assert order(gaps, "quicksort").tolist() == [1, 3, 2, 0]


def test_live_ranges_of_one_name_typed_apart():
    @weft.jit
    def f(name, d, n):
        out = np.zeros(n)
        if name == "sexp":
            for i in range(n):
                coef = np.zeros(d)
                for k in range(d):
                    coef[k] = i * k
                out[i] = coef.sum()
        else:
            for i in range(n):
                coef = 1.0 + i
                out[i] = coef * 2
        return out

    @weft.jit
    def g(x, n):
        k = x[:2].copy()  # an array before the loop
        total = k.sum()
        for i in weft.prange(n):
            k = x[i] * 2.0  # a number, private to each iteration
            x[i] = k
        return total, x

    assert f("sexp", 3, 4).tolist() == [0, 3, 6, 9]
    assert f("m", 3, 4).tolist() == [2, 4, 6, 8]
    total, x = g(np.arange(4.0), 4)
    assert total == 1.0 and x.tolist() == [0, 2, 4, 6]


def test_errors_in_the_generated_entry_are_named_as_its():
    import collections
    import pytest

    Deps = collections.namedtuple("Deps", ["update", "params"])

    @weft.jit
    def step(x, dt):
        return x + dt

    @weft.jit
    def forward(x, deps):
        return deps.update(x, deps.params[0])

    # (a function held in a namedtuple is not passed yet)
    with pytest.raises(weft.CompileError) as e:
        forward(1.0, Deps(step, (0.1,)))
    assert str(e.value).startswith(
        "<the arguments of forward(...) from Python>:")


def test_global_strs_are_frozen():
    @weft.jit
    def f(x):
        if KIND == "slow":
            return -1
        return x + len(KIND) + len(__file__) * 0

    assert f(1) == 5
