"""Jitted functions reach the program's own modules' members as Numba's
do: `from . import utils` then `utils.helper(x)` and `constants.RD`
(pyDeltaRCM's shared_tools, tcpyPI's constants and utilities)."""
import sys
import textwrap

import numpy as np

import weft


def test_helpers_and_constants_of_another_module(tmp_path, monkeypatch):
    (tmp_path / "weft_test_helpers.py").write_text(textwrap.dedent("""
        import numpy as np
        import weft

        RD = 287.04
        SCALE = 2

        @weft.jit
        def unravel(i, shape):
            return i // shape[1], i % shape[1]

        @weft.jit
        def scaled(a):
            return a * SCALE + RD
        """))
    monkeypatch.syspath_prepend(str(tmp_path))
    import weft_test_helpers as helpers

    @weft.jit
    def walk(idx, shape):
        out = np.empty((len(idx), 2), np.int64)
        for k in range(len(idx)):
            out[k, 0], out[k, 1] = helpers.unravel(idx[k], shape)
        return out, helpers.scaled(1.5), helpers.RD

    got = walk(np.array([0, 5, 7]), (3, 4))
    np.testing.assert_array_equal(got[0], [[0, 0], [1, 1], [1, 3]])
    assert got[1] == 1.5 * 2 + 287.04
    assert got[2] == 287.04
    del sys.modules["weft_test_helpers"]


def test_own_module_by_attribute():
    this = sys.modules[__name__]

    @weft.jit
    def twice(x):
        return x * 2.0

    globals()["_twice_here"] = twice

    @weft.jit
    def use(x):
        return this._twice_here(x) + 1.0

    assert use(3.0) == 7.0
