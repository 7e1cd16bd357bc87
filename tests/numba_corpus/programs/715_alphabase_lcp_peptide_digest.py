# Source: MannLabs/alphabase alphabase/protein/lcp_digest.py (the early version that imports numba directly and applies @numba.njit; the stored copy carries no commit id)
# Licence: Apache-2.0 (AlphaBase, pyproject.toml "License :: OSI Approved :: Apache Software License"; Mann Labs)
# Notes: AlphaBase's non-specific protein digestion (proteomics, the AlphaX ecosystem): all unique peptide substrings of length min_len..max_len of a '$'-separated concatenation of protein sequences, enumerated once each with the help of a longest-common-prefix array. The two @numba.njit functions work on a Python str: a backwards scan comparing single characters `seq[i] == stop_char` (a str default argument '$') into a uint32 array of next-stop positions, and a nested loop over start positions and lengths (range bounds from max()/min() of array values and ints, `continue` and `break`) appending to two untyped Python lists that are converted with np.array(..., dtype=np.uint32) and returned as a tuple. Pasted: the module without `from pydivsufsort import divsufsort, kasai` (pydivsufsort is not installed) and without the module-level warm-up call `get_substring_indices("$ABCABCD$ABCDE$ABCE$BCDEF$", 2, 100)`, which needs it; get_lcp_array and get_substring_indices are kept but not called. The harness builds the suffix array and LCP array in plain Python (sorting the suffixes, Kasai's algorithm, LCP with the preceding suffix in sorted order, then indexed by text position as get_lcp_array does) for the module's own example string and for a few short protein sequences, calls get_all_substring_indices_from_lcp with and without the stop_char argument, and checks the module's commented test (no substring twice, none missing)
import numba
import numpy as np

def get_lcp_array(cat_prot):
    suffix_array = divsufsort(cat_prot)
    lcp_array = kasai(cat_prot, suffix_array)
    return lcp_array[np.argsort(suffix_array)]

@numba.njit
def get_next_stop_char(seq, stop_char='$'):
    next_stop_indices = np.zeros(len(seq), dtype=np.uint32)
    curr_next_stop = len(seq)-1
    for i in range(len(seq)-1, -1, -1):
        if seq[i]==stop_char:
            curr_next_stop = i
        else:
            next_stop_indices[i] = curr_next_stop
    return next_stop_indices

@numba.njit
def get_all_substring_indices_from_lcp(cat_prot, lcp_array, min_len, max_len, stop_char='$'):
    pos_starts = []
    pos_ends = []
    next_stops = get_next_stop_char(cat_prot, stop_char)
    for i in range(len(cat_prot)):
        if cat_prot[i] == stop_char: continue
        for seq_len in range(
            max(lcp_array[i]+1,min_len),
            min(len(cat_prot)-i,max_len+1)
        ):
            end_pos = i+seq_len
            if end_pos>next_stops[i]: break
            pos_starts.append(i)
            pos_ends.append(end_pos)
    return np.array(pos_starts,dtype=np.uint32), np.array(pos_ends,dtype=np.uint32)

def get_substring_indices(cat_prot, min_len=7, max_len=25, stop_char='$'):
    lcp_array = get_lcp_array(cat_prot)
    return get_all_substring_indices_from_lcp(cat_prot, lcp_array, min_len, max_len, stop_char=stop_char)

'''
cat_prots = "$ABCABCD$ABCDE$ABCE$BCDEF$"
pos_starts, pos_ends = get_substring_indices(cat_prots, 2, 100)
substr_set = set()
for start,end in zip(pos_starts, pos_ends):
    substr_set.add(cat_prots[start:end])
assert len(substr_set)==len(pos_starts) #not redundant
for i in range(len(cat_prots)):
    for j in range(i+2,len(cat_prots)):
        if '$' in cat_prots[i:j]: break
        assert cat_prots[i:j] in substr_set, f"{cat_prots[i:j]} not found" #not missing
'''


# ---- harness (not part of the program) ----
ENTRY = "alphabase_lcp_digest"


def _lcp_by_position(s):
    n = len(s)
    sa = sorted(range(n), key=lambda i: s[i:])
    rank = [0] * n
    for k, i in enumerate(sa):
        rank[i] = k
    lcp = [0] * n  # lcp[k]: common prefix of sa[k] and sa[k - 1] (Kasai)
    h = 0
    for i in range(n):
        if rank[i] > 0:
            j = sa[rank[i] - 1]
            while i + h < n and j + h < n and s[i + h] == s[j + h]:
                h += 1
            lcp[rank[i]] = h
            if h > 0:
                h -= 1
        else:
            h = 0
    lcp = np.array(lcp, dtype=np.int64)
    return lcp[np.argsort(np.array(sa))]


def alphabase_lcp_digest(cat_prots, min_len, max_len):
    out = {}
    for name, s in cat_prots.items():
        lcp = _lcp_by_position(s)
        starts, ends = get_all_substring_indices_from_lcp(s, lcp, min_len, max_len)
        subs = [s[a:b] for a, b in zip(starts, ends)]
        missing = 0
        for i in range(len(s)):
            for j in range(i + min_len, min(len(s), i + max_len) + 1):
                if '$' in s[i:j]:
                    break
                if s[i:j] not in set(subs):
                    missing += 1
        out[name] = (starts, ends, len(set(subs)) == len(subs), missing,
                     get_next_stop_char(s))
    s = cat_prots["example"].replace("$", "#")
    out["hash_stop"] = get_all_substring_indices_from_lcp(s, _lcp_by_position(s), 2, 100, "#")
    return out


def inputs():
    cat_prots = {
        "example": "$ABCABCD$ABCDE$ABCE$BCDEF$",
        "proteins": "$MKWVTFISLLLLFSSAYS$MKWVTFISLLFLFSSAYSRGV$PEPTIDEKPEPTIDER$"
                    "MALWMRLLPLLALLALWGPDPAAA$",
    }
    return (cat_prots, 2, 12)
