//===- DictLibrary.cpp - The hash table of dicts and sets, in Weft --------===//
//
// The part of the library (NumpyLibrary.h) that desugarDicts calls: a
// dict's keys and values are lists in insertion order, and its table an
// int64 array of a power-of-two size holding each key's position in them
// (-1: empty), probed linearly from the key's hash. Numbers that are
// equal (1, 1.0, True) hash alike, as in Python.
//
//===----------------------------------------------------------------------===//
#include "frontend/NumpyLibrary.h"

namespace weft {

const char *dictLibrarySource() {
  return R"weft(
# ---- dicts and sets (frontend/DictLibrary.cpp) ----

def __np_dict_new_table():
    return np.full(8, -1)

def __np_dict_hash(k):
    h = 0
    if k.dtype == np.float64 or k.dtype == np.float32:
        x = float(k)
        h = int(x)
        if x != float(h):
            h = __np_dict_hash_fraction(x, h)
    else:
        h = int(k)
    h = h * -7046029254386353131
    return h ^ (h >> 32)

def __np_dict_hash_fraction(x, h):
    if abs(x) < 4.0e18:
        return h ^ int((x - float(h)) * 9007199254740992.0)
    if x != x or abs(x) == np.inf:
        return 0
    m, e = math.frexp(x)
    return int(m * 9007199254740992.0) ^ e

def __np_dict_slot(keys, table, k):
    mask = len(table) - 1
    i = __np_dict_hash(k) & mask
    while True:
        e = table[i]
        if e < 0:
            return i
        if keys[e] == k:
            return i
        i = (i + 1) & mask

def __np_dict_table(keys, size):
    table = np.full(size, -1)
    mask = size - 1
    for e in range(len(keys)):
        i = __np_dict_hash(keys[e]) & mask
        while table[i] >= 0:
            i = (i + 1) & mask
        table[i] = e
    return table

def __np_dict_has(keys, table, k):
    return table[__np_dict_slot(keys, table, k)] >= 0

def __np_dict_entry(keys, table, k):
    e = table[__np_dict_slot(keys, table, k)]
    if e < 0:
        raise KeyError
    return e
)weft";
}

} // namespace weft
