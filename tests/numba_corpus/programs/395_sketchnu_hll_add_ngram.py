# Source: mhendrey/sketchnu sketchnu/hyperloglog.py (at commit 17211ec1), with fasthash64 from sketchnu/hashes.py (at commit 2da1e0c8)
# Licence: GPL-3.0-or-later (sketchnu, licence notice at the top of sketchnu/hyperloglog.py: "GNU General Public License ... either version 3 of the License, or (at your option) any later version"; Matthew Hendrey)
# Notes: adding the 4-byte shingles of a byte string to a HyperLogLog++ sketch (hashing): _add_ngram (@njit with an explicit void signature over uint8[:], uint64 scalars and types.Bytes) loops over the n-grams of the key, slicing the bytes object, and calls _add for each, which hashes the slice with the 64-bit FastHash (fasthash64: np.frombuffer of the whole 8-byte blocks as uint64, the _fhmix64 xor-shift-multiply mixer, an if/elif ladder on the 0-7 tail bytes built with _xor_shiftl), takes the register index from the low p bits, counts the leading zeros of the remaining bits with the branchy _n_leading_zeros64 (uint8 arithmetic) and keeps the maximum rank in the register, in place. Pasted: the imports and the FastHash section of sketchnu/hashes.py (_xor_shiftl, _fhmix64, fasthash64) and, from sketchnu/hyperloglog.py, its licence header and the jitted _n_leading_zeros64, _add and _add_ngram (the module's plain-Python HyperLogLog class, its shared-memory and file handling, the bias tables and _query are left out); the harness passes what HyperLogLog(p=16, seed=0).add_ngram(key, 4) passes: 65536 zeroed uint8 registers, np.uint64 seed 0, p = 16, m = 2**16, a 6000-byte text key and ngram = np.uint64(4)
"""
Numba implementations of the **non-cryptographic** hashing functions
FastHash (32 & 64-bit) and MurmurHash3 (32-bit). The 64-bit FastHash is used
in both the HyperLogLog and count-min sketch code.

"""
from numba import njit, uint8, uint32, uint64, types
import numpy as np

########## FastHash ##########
@njit(uint64(uint64,uint64, uint64))
def _xor_shiftl(v, t, l):
    return v ^ (t << l)

@njit(uint64(uint64))
def _fhmix64(h):
    h ^= (h >> 23)
    h *= uint64(0x2127599bf4325c37)
    h ^= (h >> 47)

    return h

@njit(uint64(types.Bytes(types.uint8, 1, 'C'), uint64))
def fasthash64(key, seed):
    """
    Calculate the unsigned 64-bit integer FastHash value of `key` with the
    given `seed`. Code adapted from https://github.com/rurban/smhasher/

    Parameters
    ----------
    key : bytes
        Bytes to be hashed
    seed : uint64
        Seed to use when hashing
    
    Returns
    -------
    uint64
        Unsigned 64-bit integer hash value of `key`

    """
    m = uint64(0x880355f21e6d1965)

    key_len = uint64(len(key))
    nblocks = key_len // 8   # How many 8-byte blocks are there

    h = seed ^ (key_len * m)

    if nblocks > 0:
        # Cast complete 64-bit chunks into blocks array
        blocks = np.frombuffer(key[:nblocks*8], np.uint64)
        # Process the 64-bit blocks
        for v in blocks:
            h ^= _fhmix64(v)
            h *= m

    # The tail should have no more than 7 bytes remaining.
    # How many bytes remain after 8-byte block processing
    switch_case = key_len & 7
    if switch_case == 7:
        tail = key[nblocks*8:]
        v = uint64(0)
        v = _xor_shiftl(v, tail[6], 48)
        v = _xor_shiftl(v, tail[5], 40)
        v = _xor_shiftl(v, tail[4], 32)
        v = _xor_shiftl(v, tail[3], 24)
        v = _xor_shiftl(v, tail[2], 16)
        v = _xor_shiftl(v, tail[1], 8)
        v ^= uint64(tail[0])
        h ^= _fhmix64(v)
        h *= m
    elif switch_case == 6:
        tail = key[nblocks*8:]
        v = uint64(0)
        v = _xor_shiftl(v, tail[5], 40)
        v = _xor_shiftl(v, tail[4], 32)
        v = _xor_shiftl(v, tail[3], 24)
        v = _xor_shiftl(v, tail[2], 16)
        v = _xor_shiftl(v, tail[1], 8)
        v ^= uint64(tail[0])
        h ^= _fhmix64(v)
        h *= m
    elif switch_case == 5:
        tail = key[nblocks*8:]
        v = uint64(0)
        v = _xor_shiftl(v, tail[4], 32)
        v = _xor_shiftl(v, tail[3], 24)
        v = _xor_shiftl(v, tail[2], 16)
        v = _xor_shiftl(v, tail[1], 8)
        v ^= uint64(tail[0])
        h ^= _fhmix64(v)
        h *= m
    elif switch_case == 4:
        tail = key[nblocks*8:]
        v = uint64(0)
        v = _xor_shiftl(v, tail[3], 24)
        v = _xor_shiftl(v, tail[2], 16)
        v = _xor_shiftl(v, tail[1], 8)
        v ^= uint64(tail[0])
        h ^= _fhmix64(v)
        h *= m
    elif switch_case == 3:
        tail = key[nblocks*8:]
        v = uint64(0)
        v = _xor_shiftl(v, tail[2], 16)
        v = _xor_shiftl(v, tail[1], 8)
        v ^= uint64(tail[0])
        h ^= _fhmix64(v)
        h *= m
    elif switch_case == 2:
        tail = key[nblocks*8:]
        v = uint64(0)
        v = _xor_shiftl(v, tail[1], 8)
        v ^= uint64(tail[0])
        h ^= _fhmix64(v)
        h *= m
    elif switch_case == 1:
        tail = key[nblocks*8:]
        v = uint64(0)
        v ^= uint64(tail[0])
        h ^= _fhmix64(v)
        h *= m

    return _fhmix64(h)


"""
Sketchnu has Numba implementations of sketch algorithms and other useful functions 
that utilize hash functions.

Copyright (C) 2022 Matthew Hendrey

This program is free software: you can redistribute it and/or modify
it under the terms of the GNU General Public License as published by
the Free Software Foundation, either version 3 of the License, or
(at your option) any later version.

This program is distributed in the hope that it will be useful,
but WITHOUT ANY WARRANTY; without even the implied warranty of
MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
GNU General Public License for more details.

You should have received a copy of the GNU General Public License
along with this program.  If not, see <https://www.gnu.org/licenses/>.


Too many problems with the experimental Numba class. Converting this
to a series of Numba functions and a Python class.

Example
-------
To get a HyperLogLog with precision of 16 and seed 0::

    from sketchnu.hyperloglog import HyperLogLog

    hll = HyperLogLog()
    key = 'testing'.encode('utf-8')
    hll.add(key)
    # To get a estimated cardinality
    hll.query()

"""


@njit(uint8(uint64))
def _n_leading_zeros64(x):
    """
    Calculate the number of leading zeros for a given uint64 integer.
    If numba ever gets a uint6 type, then we could replace uint8.

    Parameters
    ----------
    x : uint64

    Returns
    -------
    uint8
        Number of leading zeros in the bit representation of `x`

    """
    zero = uint64(0)
    n = uint8(64)
    y = x >> uint64(32)
    if y != zero:
        n = n - uint8(32)
        x = y
    y = x >> uint64(16)
    if y != zero:
        n = n - uint8(16)
        x = y
    y = x >> uint64(8)
    if y != zero:
        n = n - uint8(8)
        x = y
    y = x >> uint64(4)
    if y != zero:
        n = n - uint8(4)
        x = y
    y = x >> uint64(2)
    if y != zero:
        n = n - uint8(2)
        x = y
    y = x >> uint64(1)
    if y != zero:
        return n - uint8(2)

    return n - uint8(x)


@njit(types.void(uint8[:], uint64, uint64, uint64, types.Bytes(types.uint8, 1, "C")))
def _add(registers, seed, p, m, key):
    """
    Add a single `key` to the HyperLogLog.

    Parameters
    ----------
    registers : uint8[:]
        HyperLogLog's registers
    seed : np.uint64
        Seed for hashing
    p : np.uint64
        HyperLogLog's precision
    m : np.uint64
        Size of HyperLogLog's registers
    key : bytes
        Element to add to the HyperLogLog

    Returns
    -------
    None
        registers has a side-effect of being updated
    """
    hash_val = fasthash64(key, seed)
    # Get the index of the register using the first p bits of the hash
    reg_idx = hash_val & uint64(m - 1)
    # Get the remaining bits for getting number of leading zeros
    bits = hash_val >> p

    # Get number of leading zeros of the 64-bit bits
    # subtract p since the bits is padded with zeros since it is
    # just a 64-p bit value.
    rank = _n_leading_zeros64(bits) - p + 1
    registers[reg_idx] = max(registers[reg_idx], rank)

    return None


@njit(
    types.void(
        uint8[:], uint64, uint64, uint64, types.Bytes(types.uint8, 1, "C"), uint64
    )
)
def _add_ngram(registers, seed, p, m, key, ngram):
    """
    Take a given `key` and split it into ngrams of size `ngram` and then
    add the ngrams to the sketch. If the `key` length is less than `ngram`
    then add the whole `key`

    Parameters
    ----------
    registers : uint8[:]
    seed : uint64
    p : uint64
    m : uint64
    key : bytes
        Element to be shingled before adding to the sketch
    ngram : uint64
        ngram size

    Returns
    -------
    None

    """
    key_len = uint64(len(key))
    if key_len <= ngram:
        _add(registers, seed, p, m, key)
    else:
        for i in range(key_len - (ngram - uint64(1))):
            _add(registers, seed, p, m, key[i : i + ngram])
# ---- harness (not part of the program) ----
ENTRY = "_add_ngram"


def inputs():
    # HyperLogLog(p=16, seed=0): 2**16 zeroed registers; one 6000-byte key
    # of random words, shingled into 4-grams as add_ngram(key, 4) does
    rng = np.random.default_rng(0)
    words = ["count", "min", "sketch", "hyper", "log", "heavy", "hitter",
             "hash", "shingle", "cardinality", "register", "numba"]
    text = " ".join(rng.choice(words, 1000))[:6000]
    key = text.encode("utf-8")
    p = np.uint64(16)
    m = np.uint64(1) << p
    registers = np.zeros(m, np.uint8)
    return (registers, np.uint64(0), p, m, key, np.uint64(4))
