"""Fixtures shared by the Python package's tests."""
import sys

import pytest

from weft import numba as weft_numba


@pytest.fixture
def numba_module():
    """Weft's `numba` module installed in sys.modules for the test (as
    `python3 -m weft program.py` installs it), the previous one after."""
    saved = {k: v for k, v in sys.modules.items()
             if k == "numba" or k.startswith("numba.")}
    m = weft_numba.install()
    yield m
    for k in [k for k in sys.modules if k == "numba" or
              k.startswith("numba.")]:
        del sys.modules[k]
    sys.modules.update(saved)
