"""Writes the .npy fixtures of NpyIOTest.cpp (run with NumPy 1.24).

Usage: python3 make_npy_fixtures.py   (writes next to this script)
"""
import os

import numpy as np
from numpy.lib import format as npformat

HERE = os.path.dirname(os.path.abspath(__file__))


def save(name, array):
    np.save(os.path.join(HERE, name), array)


def save_version(name, array, version):
    with open(os.path.join(HERE, name), "wb") as f:
        npformat.write_array(f, array, version=version)


f64 = np.array([[1.5, -2.0, 0.25], [1e300, -0.0, np.pi]])
save("f64_2x3.npy", f64)
save("f32_4.npy", np.array([1.5, -2.25, 3.0, 1e-3], dtype=np.float32))
save("i64_5.npy", np.array([1, -2, 3, 2**40, -2**62], dtype=np.int64))
save("i32_2x2x3.npy", np.arange(12, dtype=np.int32).reshape(2, 2, 3) - 5)
save("bool_2x3.npy", np.array([[True, False, True], [False, False, True]]))
save("f64_scalar.npy", np.float64(3.5))
save("f64_0x3.npy", np.zeros((0, 3)))
save("u8_3.npy", np.array([1, 2, 3], dtype=np.uint8))
# Fortran order: the data lists elements with the first index fastest.
save("f64_fortran_2x3.npy", np.asfortranarray(f64))
save("i32_fortran_2x3x4.npy",
     np.asfortranarray(np.arange(24, dtype=np.int32).reshape(2, 3, 4)))
save("f64_bigendian_3.npy", np.array([1.5, -2.0, 1e-300], dtype=">f8"))
save_version("i64_v2_3.npy", np.array([7, 8, 9], dtype=np.int64), (2, 0))
save_version("i64_v3_3.npy", np.array([7, 8, 9], dtype=np.int64), (3, 0))
