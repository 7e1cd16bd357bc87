//===- DictLibrary.cpp - The hash table of dicts and sets, in Weft --------===//
//
// The part of the library (NumpyLibrary.h) that desugarDicts calls: a
// dict's keys and values are lists in insertion order, and its table an
// int64 array of a power-of-two number of slots, each two entries: the
// key's position in the lists (-1: empty) and its hash. As CPython's: an
// integer is its own hash (equal numbers, 1, 1.0 and True, hash alike),
// and the probe starts at the hash's low bits and folds its high bits in
// (i = 5 i + 1 + perturb, perturb shifted right by 5 each step), so dense
// integer keys take one slot each and strided ones do not pile up. An
// integer's hash is itself, so integer keys with equal hashes are equal
// and the probe never reads the keys list. A tuple's hash combines its
// elements' (tuple keys compare in full).
//
//===----------------------------------------------------------------------===//
#include "frontend/NumpyLibrary.h"

namespace weft {

const char *dictLibrarySource() {
  return R"weft(
# ---- dicts and sets (frontend/DictLibrary.cpp) ----

def __np_dict_new_table():
    return np.full(16, -1)

def __np_dict_hash(k):
    if isinstance(k, str):
        return __np_dict_hash_str(k)
    if k.ndim != 0:
        return __np_dict_hash_tuple(k)
    if k.dtype == np.float64 or k.dtype == np.float32:
        x = float(k)
        h = int(x)
        if x != float(h):
            h = __np_dict_hash_fraction(x, h)
        return h
    return int(k)

def __np_dict_hash_fraction(x, h):
    if abs(x) < 4.0e18:
        return h ^ int((x - float(h)) * 9007199254740992.0)
    if x != x or abs(x) == np.inf:
        return 0
    m, e = math.frexp(x)
    return int(m * 9007199254740992.0) ^ e

def __np_dict_hash_str(k):
    # FNV-1a over the code points (Python's str hash is salted per
    # process, so no order of str keys is Python's own)
    h = -3750763034362895579
    for x in __str_codes(k):
        h = (h ^ int(x)) * 1099511628211
    return h

def __np_dict_hash_tuple(k):
    h = 3430008
    for x in k:
        h = (h ^ __np_dict_hash(x)) * 1000003
    return h

def __np_dict_exact_hash(keys, k):
    # (isinstance is decided by the types: keys[0] is not read)
    if isinstance(k, str):
        return False
    if isinstance(keys[0], str):
        return False
    if k.ndim != 0:
        return False
    if keys.dtype == np.float64 or keys.dtype == np.float32:
        return False
    if k.dtype == np.float64 or k.dtype == np.float32:
        return False
    return True

def __np_dict_slot(keys, table, k):
    mask = len(table) // 2 - 1
    h = __np_dict_hash(k)
    i = h & mask
    perturb = h
    while True:
        e = table[2 * i]
        if e < 0:
            return 2 * i
        if table[2 * i + 1] == h:
            if __np_dict_exact_hash(keys, k):
                return 2 * i
            if keys[e] == k:
                return 2 * i
        perturb = (perturb >> 5) & 576460752303423487
        i = (5 * i + perturb + 1) & mask

def __np_dict_put(table, slot, e, k):
    table[slot] = e
    table[slot + 1] = __np_dict_hash(k)

def __np_dict_table(keys, size):
    table = np.full(size, -1)
    mask = size // 2 - 1
    for e in range(len(keys)):
        h = __np_dict_hash(keys[e])
        i = h & mask
        perturb = h
        while table[2 * i] >= 0:
            perturb = (perturb >> 5) & 576460752303423487
            i = (5 * i + perturb + 1) & mask
        table[2 * i] = e
        table[2 * i + 1] = h
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
