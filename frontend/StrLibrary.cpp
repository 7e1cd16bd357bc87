//===- StrLibrary.cpp - The methods of Python's str, written in Weft ------===//
//
// s.name(...) of a str `s` is __np_str_name(s, ...) (SemaStrings.cpp);
// the __np_strh_ functions are their helpers. They read the code points
// (__str_codes(s), a u32 array whose elements read as ints) and make a
// new str from a u32 array (__as_str). Letters and case changes are
// those of ASCII, Latin-1, Greek and Cyrillic that have a one-letter
// other case (ß, ÿ and other scripts' letters stay as they are and are
// not letters); digits are ASCII's; isspace() knows Unicode's spaces.
//
//===----------------------------------------------------------------------===//
#include "frontend/NumpyLibrary.h"

namespace weft {

const char *strLibrarySource() {
  return R"weft(
def __np_strh_is_space(x):
    return (x == 32 or (x >= 9 and x <= 13) or (x >= 28 and x <= 31) or
            x == 133 or x == 160 or x == 5760 or (x >= 8192 and x <= 8202) or
            x == 8232 or x == 8233 or x == 8239 or x == 8287 or x == 12288)

def __np_strh_case(x):
    # 1: a lower-case letter, 2: an upper-case one, 0: neither (ASCII,
    # Latin-1, Greek and Cyrillic letters with a one-letter other case)
    if (x >= 97 and x <= 122) or (x >= 224 and x <= 254 and x != 247):
        return 1
    if (x >= 65 and x <= 90) or (x >= 192 and x <= 222 and x != 215):
        return 2
    if x >= 945 and x <= 969 and x != 962:
        return 1
    if x >= 913 and x <= 937 and x != 930:
        return 2
    if x >= 1072 and x <= 1119:
        return 1
    if x >= 1024 and x <= 1071:
        return 2
    return 0

def __np_strh_other_case(x):
    # the letter's other case (see __np_strh_case)
    k = __np_strh_case(x)
    if k == 0:
        return x
    step = 80 if (x >= 1104 and x <= 1119) or (x >= 1024 and x <= 1039) else 32
    return x - step if k == 1 else x + step

def __np_str_upper(s):
    return __np_strh_recased(s, 3)

def __np_str_lower(s):
    return __np_strh_recased(s, 4)

def __np_strh_match_at(c, p, at):
    if at < 0 or at + len(p) > len(c):
        return False
    for j in range(len(p)):
        if c[at + j] != p[j]:
            return False
    return True

def __np_str_startswith(s, prefix):
    return __np_strh_match_at(__str_codes(s), __str_codes(prefix), 0)

def __np_str_endswith(s, suffix):
    return __np_strh_match_at(__str_codes(s), __str_codes(suffix),
                             len(s) - len(suffix))

def __np_str_find(s, sub, start=0):
    c = __str_codes(s)
    p = __str_codes(sub)
    if start < 0:
        start = max(start + len(c), 0)
    for i in range(start, len(c) - len(p) + 1):
        if __np_strh_match_at(c, p, i):
            return i
    return -1

def __np_str_rfind(s, sub):
    c = __str_codes(s)
    p = __str_codes(sub)
    for i in range(len(c) - len(p), -1, -1):
        if __np_strh_match_at(c, p, i):
            return i
    return -1

def __np_str_index(s, sub, start=0):
    i = __np_str_find(s, sub, start)
    if i < 0:
        raise ValueError("substring not found")
    return i

def __np_str_count(s, sub):
    c = __str_codes(s)
    p = __str_codes(sub)
    if len(p) == 0:
        return len(c) + 1
    n = 0
    i = 0
    while i + len(p) <= len(c):
        if __np_strh_match_at(c, p, i):
            n += 1
            i += len(p)
        else:
            i += 1
    return n

def __np_str_replace(s, old, new):
    c = __str_codes(s)
    p = __str_codes(old)
    q = __str_codes(new)
    n = __np_str_count(s, old)
    out = np.empty(len(c) + n * (len(q) - len(p)), np.uint32)
    i = 0
    k = 0
    while i < len(c) or (len(p) == 0 and i == len(c)):
        if __np_strh_match_at(c, p, i) and (len(p) > 0 or k < len(out)):
            for j in range(len(q)):
                out[k + j] = q[j]
            k += len(q)
            if len(p) == 0:
                if i < len(c):
                    out[k] = c[i]
                    k += 1
                i += 1
            else:
                i += len(p)
        else:
            out[k] = c[i]
            k += 1
            i += 1
    return __as_str(out)

def __np_strh_in_chars(x, chars):
    for j in range(len(chars)):
        if chars[j] == x:
            return True
    return False

def __np_strh_stripped(s, chars, left, right):
    c = __str_codes(s)
    a = 0
    b = len(c)
    if chars is None:
        while left and a < b and __np_strh_is_space(c[a]):
            a += 1
        while right and b > a and __np_strh_is_space(c[b - 1]):
            b -= 1
    else:
        k = __str_codes(chars)
        while left and a < b and __np_strh_in_chars(c[a], k):
            a += 1
        while right and b > a and __np_strh_in_chars(c[b - 1], k):
            b -= 1
    return s[a:b]

def __np_str_strip(s, chars=None):
    return __np_strh_stripped(s, chars, True, True)

def __np_str_lstrip(s, chars=None):
    return __np_strh_stripped(s, chars, True, False)

def __np_str_rstrip(s, chars=None):
    return __np_strh_stripped(s, chars, False, True)

def __np_strh_all_of(s, kind):
    c = __str_codes(s)
    if len(c) == 0:
        return False
    for i in range(len(c)):
        x = c[i]
        digit = x >= 48 and x <= 57
        letter = __np_strh_case(x) != 0
        if kind == 0:
            ok = digit
        elif kind == 1:
            ok = letter
        elif kind == 2:
            ok = digit or letter
        else:
            ok = __np_strh_is_space(x)
        if not ok:
            return False
    return True

def __np_str_isdigit(s):
    return __np_strh_all_of(s, 0)

def __np_str_isalpha(s):
    return __np_strh_all_of(s, 1)

def __np_str_isalnum(s):
    return __np_strh_all_of(s, 2)

def __np_str_isspace(s):
    return __np_strh_all_of(s, 3)

def __np_strh_cased(s, upper):
    c = __str_codes(s)
    cased = False
    for i in range(len(c)):
        k = __np_strh_case(c[i])
        if k == (1 if upper else 2):
            return False
        if k != 0:
            cased = True
    return cased

def __np_str_isupper(s):
    return __np_strh_cased(s, True)

def __np_str_islower(s):
    return __np_strh_cased(s, False)
def __np_strh_padded(s, width, fill, left):
    # `left` characters of `fill` before s, the rest after, to `width`
    f = __str_codes(fill)
    if len(f) != 1:
        raise TypeError("The fill character must be exactly one character long")
    c = __str_codes(s)
    n = max(width, len(c))
    out = np.empty(n, np.uint32)
    for i in range(n):
        out[i] = f[0]
    for i in range(len(c)):
        out[left + i] = c[i]
    return __as_str(out)

def __np_str_ljust(s, width, fill=" "):
    return __np_strh_padded(s, width, fill, 0)

def __np_str_rjust(s, width, fill=" "):
    return __np_strh_padded(s, width, fill, max(width - len(s), 0))

def __np_str_center(s, width, fill=" "):
    # CPython's centring: the odd character of padding goes left when
    # the width is odd and right otherwise
    pad = max(width - len(s), 0)
    return __np_strh_padded(s, width, fill, pad // 2 + (pad & width & 1))

def __np_str_zfill(s, width):
    c = __str_codes(s)
    n = max(width, len(c))
    out = np.empty(n, np.uint32)
    sign = 1 if len(c) > 0 and (c[0] == 43 or c[0] == 45) else 0
    if sign:
        out[0] = c[0]
    for i in range(sign, n - len(c) + sign):
        out[i] = 48
    for i in range(sign, len(c)):
        out[n - len(c) + i] = c[i]
    return __as_str(out)

def __np_strh_recased(s, mode):
    # 0: swapcase; 1: capitalize; 2: title; 3: upper; 4: lower
    c = __str_codes(s)
    out = np.empty(len(c), np.uint32)
    after_letter = False
    for i in range(len(c)):
        x = c[i]
        k = __np_strh_case(x)
        if mode == 0:
            want = 0 if k == 0 else 3 - k
        elif mode == 1:
            want = 2 if i == 0 else 1
        elif mode == 2:
            want = 1 if after_letter else 2
        else:
            want = 2 if mode == 3 else 1
        if k != 0 and want != 0 and k != want:
            x = __np_strh_other_case(x)
        after_letter = k != 0
        out[i] = x
    return __as_str(out)

def __np_str_swapcase(s):
    return __np_strh_recased(s, 0)

def __np_str_capitalize(s):
    return __np_strh_recased(s, 1)

def __np_str_title(s):
    return __np_strh_recased(s, 2)

def __np_str_partition(s, sep):
    i = __np_str_find(s, sep)
    if i < 0:
        return (s, s[0:0], s[0:0])
    return (s[:i], sep, s[i + len(sep):])

def __np_str_rpartition(s, sep):
    i = __np_str_rfind(s, sep)
    if i < 0:
        return (s[0:0], s[0:0], s)
    return (s[:i], sep, s[i + len(sep):])

def __np_str_split(s, sep=None, maxsplit=-1):
    c = __str_codes(s)
    n = len(c)
    out = [s[0:0]]
    out.clear()  # (an empty list of strs)
    i = 0
    if sep is None:
        # runs of whitespace separate; none at either end counts
        while True:
            while i < n and __np_strh_is_space(c[i]):
                i += 1
            if i >= n:
                break
            if maxsplit >= 0 and len(out) >= maxsplit:
                out.append(s[i:n])
                break
            j = i
            while j < n and not __np_strh_is_space(c[j]):
                j += 1
            out.append(s[i:j])
            i = j
        return out
    m = len(sep)
    if m == 0:
        raise ValueError("empty separator")
    while maxsplit < 0 or len(out) < maxsplit:
        j = __np_str_find(s, sep, i)
        if j < 0:
            break
        out.append(s[i:j])
        i = j + m
    out.append(s[i:n])
    return out

def __np_str_rsplit(s, sep=None, maxsplit=-1):
    if maxsplit < 0:
        return __np_str_split(s, sep, maxsplit)
    c = __str_codes(s)
    back = [s[0:0]]
    back.clear()  # (an empty list of strs)
    j = len(c)
    if sep is None:
        while True:
            while j > 0 and __np_strh_is_space(c[j - 1]):
                j -= 1
            if j <= 0:
                break
            if len(back) >= maxsplit:
                back.append(s[0:j])
                break
            i = j
            while i > 0 and not __np_strh_is_space(c[i - 1]):
                i -= 1
            back.append(s[i:j])
            j = i
    else:
        m = len(sep)
        if m == 0:
            raise ValueError("empty separator")
        while len(back) < maxsplit:
            i = __np_str_rfind(s[0:j], sep)
            if i < 0:
                break
            back.append(s[i + m:j])
            j = i
        back.append(s[0:j])
    back.reverse()
    return back

def __np_str_join(sep, parts):
    k = len(parts)
    total = 0
    for p in parts:
        total += len(p)
    if k > 1:
        total += (k - 1) * len(sep)
    out = np.empty(total, np.uint32)
    sc = __str_codes(sep)
    at = 0
    for i in range(k):
        if i > 0:
            out[at:at + len(sc)] = sc
            at += len(sc)
        pc = __str_codes(parts[i])
        out[at:at + len(pc)] = pc
        at += len(pc)
    return __as_str(out)

def __np_strlist_sorted(lst):
    # a stable merge sort of the positions, by Python's order of strs
    n = len(lst)
    order = np.arange(n)
    tmp = np.empty(n, np.int64)
    width = 1
    while width < n:
        i = 0
        while i < n:
            mid = min(i + width, n)
            hi = min(i + 2 * width, n)
            a = i
            b = mid
            k = i
            while a < mid and b < hi:
                if lst[order[b]] < lst[order[a]]:
                    tmp[k] = order[b]
                    b += 1
                else:
                    tmp[k] = order[a]
                    a += 1
                k += 1
            while a < mid:
                tmp[k] = order[a]
                a += 1
                k += 1
            while b < hi:
                tmp[k] = order[b]
                b += 1
                k += 1
            i += 2 * width
        order, tmp = tmp, order
        width *= 2
    out = [""]
    out.clear()  # (an empty list of strs)
    for i in range(n):
        out.append(lst[order[i]])
    return out

def __np_strlist_reversed(lst):
    out = [""]
    out.clear()  # (an empty list of strs)
    for i in range(len(lst) - 1, -1, -1):
        out.append(lst[i])
    return out

def __np_str_splitlines(s):
    c = __str_codes(s)
    n = len(c)
    out = [s[0:0]]
    out.clear()  # (an empty list of strs)
    i = 0
    while i < n:
        j = i
        while j < n and c[j] != 10 and c[j] != 13:
            j += 1
        out.append(s[i:j])
        if j + 1 < n and c[j] == 13 and c[j + 1] == 10:
            j += 1
        i = j + 1
    return out
)weft";
}

} // namespace weft
