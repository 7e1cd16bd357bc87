"""A public Numba program (numba-examples' scalar Lennard-Jones, kept as
published in tests/numba_corpus) runs under Weft with only its import
line changed to `import weft as numba`, and gives NumPy's energy."""
import importlib.util
import os

import numpy as np

PROGRAM = os.path.join(os.path.dirname(__file__), "..", "numba_corpus",
                       "programs", "24_lennard_jones_scalar.py")


def test_energy_matches_numpy(tmp_path):
    with open(PROGRAM) as f:
        source = f.read()
    assert source.count("\nimport numba\n") == 1
    ported = tmp_path / "lennard_jones_weft.py"
    ported.write_text(source.replace("\nimport numba\n",
                                     "\nimport weft as numba\n"))
    spec = importlib.util.spec_from_file_location("lj_weft", ported)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rng = np.random.default_rng(0)
    cluster = rng.random((40, 3)) * 5.0
    d = np.sqrt(((cluster[:, None, :] - cluster[None, :, :]) ** 2).sum(-1))
    r = d[np.triu_indices(40, 1)]
    expected = (4.0 * ((1.0 / r) ** 12 - (1.0 / r) ** 6)).sum()
    np.testing.assert_allclose(module.potential_numba_scalar(cluster),
                               expected, rtol=1e-12)
