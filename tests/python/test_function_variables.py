"""A local variable bound to a jitted function and only called stands for
that function (`k = helper; k(x)`), also when a factory's constant picks
it (dcor's `g = compiled_version if compiled else plain_version`)."""
import numpy as np
import pytest

import weft


def _plain(a):
    return a + 1.0


_compiled = weft.jit(_plain)


def _make(compiled):
    def f(a):
        g = _compiled if compiled else _plain
        return g(a) * 2.0
    return f


def test_factory_constant_picks_the_function():
    f = weft.jit(_make(compiled=True))
    np.testing.assert_array_equal(f(np.arange(3.0)), [2.0, 4.0, 6.0])


def test_local_alias_called_in_a_loop():
    @weft.jit
    def total(a):
        k = _compiled
        s = 0.0
        for i in range(len(a)):
            s += k(a[i])
        return s

    assert total(np.arange(3.0)) == 6.0


def test_alias_used_otherwise_is_still_an_error():
    @weft.jit
    def passes_it_on(a):
        k = _compiled
        return k

    with pytest.raises(weft.CompileError, match="is a function"):
        passes_it_on(np.arange(3.0))


def test_closure_numpy_function_and_nanmedian():
    # a factory's jitted loop calling the summary function it was made with
    def make(summary):
        @weft.jit
        def run(a):
            return summary(a[:3]) + summary(a)
        return run

    a = np.array([1.0, np.nan, 3.0, 2.0, 8.0])
    assert make(np.nanmedian)(a) == 2.0 + 2.5
    assert make(np.nanmax)(a) == 3.0 + 8.0
    assert np.isnan(make(np.nanmedian)(np.full(4, np.nan)))


def _make_pair(compiled):
    def step(a):
        return a * 3.0
    return step


_step_plain = _make_pair(False)
_step_jitted = weft.jit(_make_pair(True))


def _make_caller(compiled):
    def run(a):
        s = _step_jitted if compiled else _step_plain
        return s(a) + 1.0
    return run


def test_factory_plain_and_jitted_functions_of_one_name():
    # dcor's factories: the plain and the jitted version are both named
    # `step`; the constant picks the jitted one, and the plain one (which
    # jitted code would otherwise compile with it) is left out.
    run = weft.jit(_make_caller(True))
    np.testing.assert_array_equal(run(np.arange(3.0)), [1.0, 4.0, 7.0])


def _stenciled(border=None, window=3):
    # stenciled's factory: an option left None is compared with a str in
    # the function it makes (Numba freezes the closure's None)
    @weft.jit
    def calculate(a):
        out = np.zeros_like(a)
        if border == 'all':
            out[0] = a[0]
            out[-1] = a[-1]
        for i in range(1, a.size - 1):
            out[i] = a[i - 1:i + 2].sum() / window
        if border is None:
            return out
        return out * 2.0
    return calculate


def test_a_closure_variable_that_is_none():
    a = np.arange(5.0)
    np.testing.assert_array_equal(_stenciled()(a), [0.0, 1.0, 2.0, 3.0, 0.0])
    np.testing.assert_array_equal(_stenciled("all")(a),
                                  [0.0, 2.0, 4.0, 6.0, 8.0])


def _simulator_factory(num_gens=5, rate=3.5, initial_pop=0.5):
    # pynamical's factory: the jitted function's defaults are the
    # enclosing function's arguments, evaluated when the def runs
    @weft.jit
    def simulate(num_gens=num_gens, rate=rate, initial_pop=initial_pop):
        pops = np.empty(num_gens)
        pop = initial_pop
        for g in range(num_gens):
            pop = rate * pop * (1.0 - pop)
            pops[g] = pop
        return pops
    return simulate


def test_defaults_from_an_enclosing_function():
    sim = _simulator_factory(num_gens=4, rate=2.0)
    np.testing.assert_array_equal(sim(), [0.5, 0.5, 0.5, 0.5])
    np.testing.assert_allclose(sim(rate=3.0, initial_pop=0.25),
                               _simulator_factory(4, 3.0, 0.25).py_func())
    assert len(_simulator_factory(num_gens=7)()) == 7
