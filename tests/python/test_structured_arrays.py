"""Structured arrays (NumPy dtypes of named fields) and their records, as
Numba takes them: passed from Python (the same buffer, written through),
made by np.zeros/np.empty of a module's dtype, fields by name, records
passed between jitted functions, returned as structured arrays."""

import numpy as np
import pytest

import weft
from weft import jit

POINT = np.dtype([("x", np.float32), ("y", np.float32), ("z", np.float32),
                  ("r", np.uint8), ("g", np.uint8), ("b", np.uint8)])
HIST = np.dtype([("sum_gradients", np.float32), ("sum_hessians", np.float32),
                 ("count", np.uint32)])
PEAK = np.dtype([("time", np.int64), ("length", np.int32),
                 ("dt", np.int16), ("area", np.float32),
                 ("data", np.float32, 6), ("flag", np.bool_)])


def points(n=7, seed=0):
    rng = np.random.default_rng(seed)
    p = np.zeros(n, dtype=POINT)
    for f in "xyz":
        p[f] = rng.uniform(-1, 1, n)
    for f in "rgb":
        p[f] = rng.integers(0, 256, n)
    return p


@jit
def weighted(p):
    s = 0.0
    for i in range(p.shape[0]):
        s += p[i]["x"] * 2 + p[i]["y"] - p[i]["z"] + p[i]["r"]
    return s


def test_fields_of_packed_records_read_as_their_types():
    p = points()
    expected = sum(float(p[i]["x"]) * 2 + float(p[i]["y"]) -
                   float(p[i]["z"]) + int(p[i]["r"]) for i in range(len(p)))
    assert weighted(p) == pytest.approx(expected, rel=1e-12)


@jit
def brighten(p, k):
    for i in range(len(p)):
        p[i]["x"] *= k
        p[i]["g"] = i % 7
        p[i]["b"] += 1


def test_fields_written_reach_the_callers_array():
    p = points()
    q = p.copy()
    brighten(p, 3.0)
    q["x"] *= np.float32(3.0)
    q["g"] = np.arange(len(q)) % 7
    q["b"] += np.uint8(1)  # (wraps at 255, as the uint8 field does)
    assert p.tobytes() == q.tobytes()


@jit
def by_record(p):
    out = np.zeros(len(p))
    for i, q in enumerate(p):
        out[i] = q.x + q["b"] - q.r
    return out


def test_records_by_iteration_and_attribute():
    p = points()
    expected = p["x"].astype(np.float64) + p["b"].astype(np.int64) - \
        p["r"].astype(np.int64)
    np.testing.assert_allclose(by_record(p), expected, rtol=1e-12)


@jit
def fill_hist(hist, bins, grads):
    for i in range(bins.shape[0]):
        hist[bins[i]]["sum_gradients"] += grads[i]
        hist[bins[i]]["count"] += 1


@jit
def new_hist(n_bins, bins, grads):
    hist = np.zeros(n_bins, dtype=HIST)
    fill_hist(hist, bins, grads)
    return hist


def test_np_zeros_of_a_module_dtype_returned_as_a_structured_array():
    rng = np.random.default_rng(1)
    bins = rng.integers(0, 5, 40).astype(np.uint8)
    grads = rng.random(40).astype(np.float32)
    h = new_hist(5, bins, grads)
    assert h.dtype == HIST and h.shape == (5,)
    expected = np.zeros(5, dtype=HIST)
    for b_, g in zip(bins, grads):
        expected[b_]["sum_gradients"] += g
        expected[b_]["count"] += 1
    np.testing.assert_allclose(h["sum_gradients"], expected["sum_gradients"],
                               rtol=1e-6)
    assert h["count"].tolist() == expected["count"].tolist()
    assert h["sum_hessians"].tolist() == [0.0] * 5


@jit
def field_views(h):
    # (HIST's fields are 4 bytes each in 12-byte records: whole elements)
    g = h["sum_gradients"]
    g[0] = 100.0
    return h["count"] * 2, g[1:].sum()


def test_field_views_of_arrays_of_records():
    h = np.zeros(3, dtype=HIST)
    h["count"] = [1, 2, 3]
    h["sum_gradients"] = [0.5, 0.25, 0.125]
    doubled, rest = field_views(h)
    assert doubled.tolist() == [2, 4, 6]
    assert rest == pytest.approx(0.375)
    assert h["sum_gradients"][0] == 100.0  # a view: the write is h's


@jit
def peak_area(peak):
    # a record passed to another function: its sub-array field a view
    total = 0.0
    for x in peak["data"][:peak["length"]]:
        total += x
    peak["area"] = total
    peak["flag"] = total > 1.0
    return total


@jit
def areas(peaks):
    out = np.zeros(len(peaks))
    for i in range(len(peaks)):
        out[i] = peak_area(peaks[i])
    return out


def test_sub_array_fields_and_records_passed_on():
    peaks = np.zeros(4, dtype=PEAK)
    rng = np.random.default_rng(2)
    peaks["data"] = rng.random((4, 6))
    peaks["length"] = [6, 3, 0, 1]
    got = areas(peaks)
    expected = [float(peaks["data"][i][:peaks["length"][i]].astype(
        np.float64).sum()) for i in range(4)]
    np.testing.assert_allclose(got, expected, rtol=1e-6)
    np.testing.assert_allclose(peaks["area"], expected, rtol=1e-6)
    assert peaks["flag"].tolist() == [e > 1.0 for e in expected]


@jit
def selections(p, mask):
    return p[1:3], p[mask], len(p[::2])


def test_slices_and_selections_are_records():
    p = points(6)
    mask = np.array([True, False, True, True, False, False])
    sl, chosen, n = selections(p, mask)
    assert sl.dtype == POINT and sl.tobytes() == p[1:3].tobytes()
    assert chosen.dtype == POINT and chosen.tobytes() == p[mask].tobytes()
    assert n == 3


@jit
def grid_sum(g):
    s = 0
    for i in range(g.shape[0]):
        for j in range(g.shape[1]):
            s += g[i, j]["count"] * (i + 1)
    return s, g.ndim, g.size, g[1]["count"]


def test_structured_arrays_of_two_axes():
    g = np.zeros((2, 3), dtype=HIST)
    g["count"] = [[1, 2, 3], [4, 5, 6]]
    s, ndim, size, row = grid_sum(g)
    assert (s, ndim, size) == (1 + 2 + 3 + 2 * (4 + 5 + 6), 2, 6)
    assert row.tolist() == [4, 5, 6]


@jit
def no_such_field(p):
    return p["w"]


@jit
def packed_view(p):
    return p["y"].sum()


@jit
def plus_one(p):
    return p + 1


@jit
def number_stored(p):
    p[0] = 1


@jit
def summed(p):
    return np.sum(p)


@jit
def record_by_number(p):
    return p[0][1]


def compile_error(f, *args):
    with pytest.raises(weft.CompileError) as e:
        f(*args)
    return str(e.value)


def test_what_records_do_not_take_is_an_error_naming_them():
    p = points()
    assert "the record has no field 'w'; its fields: x, y, z, r, g, b" in \
        compile_error(no_such_field, p)
    assert "a['y'] views f32 values 15 bytes apart, which is not a whole " \
        "number of them; read the field record by record (a[i]['y'])" in \
        compile_error(packed_view, p)
    assert "'+' does not take a record(x: f32, y: f32, z: f32, r: u8, " \
        "g: u8, b: u8 (15 bytes))[:]" in compile_error(plus_one, p)
    assert "is assigned records of its dtype, not a i64" in \
        compile_error(number_stored, p)
    assert "sum() does not take a record(" in compile_error(summed, p)
    assert "a record is indexed by the name of a field (rec['x'])" in \
        compile_error(record_by_number, p)


SHAPED = np.dtype([("n", np.int32), ("time", np.float64, (3, 2)),
                   ("w", np.float64, 2)])


@jit
def shaped(params):
    total = 0.0
    for i in range(len(params)):
        t = params[i]["time"]
        for j in range(t.shape[0]):
            total += t[j, 1] * params[i]["n"]
        params[i]["w"][:] = t[0]
    return total, params[1]["time"]


def test_sub_array_fields_of_several_axes():
    params = np.zeros(2, dtype=SHAPED)
    params["n"] = [2, 3]
    params["time"] = np.arange(12.0).reshape(2, 3, 2)
    total, second = shaped(params)
    assert total == 2 * (1 + 3 + 5) + 3 * (7 + 9 + 11)
    assert second.tolist() == [[6, 7], [8, 9], [10, 11]]
    assert params["w"].tolist() == [[0, 1], [6, 7]]


@jit
def count_into(params, ig, n):
    # pydgrid's params[ig].iters = iteration: a field assigned by name
    params[ig].n = n
    params[ig].w[1] = n * 0.5
    return params[ig].n


def test_fields_assigned_as_attributes():
    params = np.zeros(3, dtype=SHAPED)
    assert count_into(params, 1, 7) == 7
    assert params["n"].tolist() == [0, 7, 0]
    assert params["w"].tolist() == [[0, 0], [0, 3.5], [0, 0]]


CHECKED = """
def checked(x):
    message = "x must be positive"
    assert x > 0, message
    return x
"""


def test_an_assert_message_bound_to_a_name_once_is_kept():
    # (Weft source: pytest rewrites the asserts of this module); a message
    # a name holds, bound once to a string, is that string, as in Numba
    m = weft.compile(CHECKED)
    assert m.checked(2) == 2
    with pytest.raises(AssertionError) as e:
        m.checked(-1)
    assert e.value.args == ("x must be positive",)
    assert e.value.location == "<source>:4"


_SUMS = np.dtype([("wsum", "f8"), ("npix", "i8"), ("sums", "f8", 3)])


@weft.jit
def _accumulate(res, w):
    # ngmix's get_weighted_sums(wt, pixels, res[0], maxrad): a record of
    # the caller's array, written field by field
    res["wsum"] += w
    res["npix"] += 1
    for i in range(3):
        res["sums"][i] += w * i
    return res.wsum


def test_a_record_of_a_structured_array_is_written_through():
    res = np.zeros(3, dtype=_SUMS)
    assert _accumulate(res[1], 2.0) == 2.0
    assert _accumulate(res[1], 0.5) == 2.5
    assert _accumulate(res[2], 1.0) == 1.0
    want = np.zeros(3, dtype=_SUMS)
    want[1] = (2.5, 2, [0.0, 2.5, 5.0])
    want[2] = (1.0, 1, [0.0, 1.0, 2.0])
    assert res.tobytes() == want.tobytes()
    grid = np.zeros((2, 2), dtype=_SUMS)
    _accumulate(grid[1, 0], 4.0)
    assert grid["npix"].tolist() == [[0, 0], [1, 0]]
    assert grid[1, 0]["sums"].tolist() == [0.0, 4.0, 8.0]


def test_a_record_of_its_own_is_read_as_a_copy():
    rec = np.zeros((), dtype=_SUMS)[()]

    @weft.jit
    def read(r):
        return r.wsum + r["npix"]

    assert read(rec) == 0.0
