"""Lists, dicts and sets of strs, as Numba's reflected and typed ones:
displays, appends, comprehensions, `in`, indexing, reverse and pop;
str.split/rsplit/splitlines/join; dicts and sets keyed by strs (made in
the function, by Dict.empty(key_type=types.unicode_type, ...), or
passed from Python and written back); lists of strs passed in, grown
and returned. The expected values are Python's (and Numba 0.56's) for
the same calls."""
import numpy as np
import pytest

import weft
from weft import numba as weft_numba


def test_list_display_loop_index_and_membership():
    @weft.jit
    def f(w):
        words = ["alpha", "be", "gamma"]
        n = 0
        for x in words:
            n += len(x)
        return n, words[1], words[-1], len(words), w in words, "zz" in words

    assert f("be") == (12, "be", "gamma", 3, True, False)
    assert f("b") == (12, "be", "gamma", 3, False, False)


def test_appended_comprehension_reverse_and_pop():
    @weft.jit
    def f(s):
        out = []
        for i in range(len(s) - 1):
            out.append(s[i:i + 2])
        up = [w.upper() for w in out if w != "bc"]
        up.reverse()
        last = up.pop()
        return out, up, last

    assert f("abcbc") == (["ab", "bc", "cb", "bc"], ["CB"], "AB")


def test_tuples_holding_strs():
    @weft.jit
    def f():
        pairs = []
        pairs.append(("a", 1))
        pairs.append(("bb", 2))
        total, names = 0, ""
        for p in pairs:
            total += p[1]
            names += p[0]
        return total, names

    assert f() == (3, "abb")


@pytest.mark.parametrize("s", ["a b  c", "  x,y ,z  ", "", ",",
                               "one\ntwo\r\nthree\n"])
def test_split_rsplit_splitlines_join(s):
    def parts(s):
        a = s.split()
        b = s.split(",")
        return (a, b, s.split(None, 1), s.split(",", 1), s.rsplit(",", 1),
                s.rsplit(None, 1), "-".join(a), ", ".join(b), s.splitlines())

    assert weft.jit(parts)(s) == parts(s)


def test_split_by_an_empty_separator_is_a_value_error():
    @weft.jit
    def f(s):
        return s.split("")

    with pytest.raises(ValueError, match="empty separator"):
        f("a b")


def test_word_levenshtein_as_diarizationlm_writes_it():
    @weft.jit
    def distance(ref, hyp):
        s1 = ref.split()
        s2 = hyp.split()
        costs = np.zeros((len(s1) + 1, len(s2) + 1), dtype=np.int32)
        for i in range(len(s1) + 1):
            costs[i][0] = i
        for j in range(len(s2)):
            costs[0][j + 1] = j + 1
            for i in range(len(s1)):
                sub = costs[i][j] + (s1[i] != s2[j])
                costs[i + 1][j + 1] = min(costs[i + 1][j] + 1,
                                          costs[i][j + 1] + 1, sub)
        return costs[len(s1)][len(s2)]

    assert distance("the cat sat on the mat", "the dog sat the mat") == 2


def test_dicts_and_sets_keyed_by_strs():
    @weft.jit
    def counts(text):
        c = {}
        for w in text.split():
            c[w] = c.get(w, 0) + 1
        best, n = "", 0
        for k, v in c.items():
            if v > n:
                best, n = k, v
        seen = set()
        for w in ["a", "b", "a"]:
            seen.add(w)
        return best, n, len(c), c["b"], "zz" in c, len(seen), "a" in seen

    assert counts("a b c b a b") == ("b", 3, 3, 3, False, 2, True)

    @weft.jit
    def masses():
        m = weft_numba.typed.Dict.empty(
            key_type=weft_numba.types.unicode_type,
            value_type=weft_numba.types.float64)
        m["H"] = 1.0
        m["O"] = 16.0
        s = 0.0
        for c in "HOH":
            s += m[c]
        return s, {"x": 1, "y": 2}

    assert masses() == (18.0, {"x": 1, "y": 2})


def test_str_keyed_dicts_passed_from_python():
    @weft.jit
    def mass(pep, table):
        s = 0.0
        for c in pep:
            s += table[c]
        return s + table["H2O"]

    assert mass("GAG", {"A": 71.0, "G": 57.0, "H2O": 18.0}) == 203.0

    @weft.jit
    def add(d, k):
        d[k] = 1.5
        return len(d)

    d = {"a": 1.0}
    assert add(d, "b") == 2 and d == {"a": 1.0, "b": 1.5}
    shim = weft_numba.module()
    e = shim.typed.Dict.empty(key_type=shim.types.unicode_type,
                              value_type=shim.types.float64)
    assert add(e, "z") == 1 and dict(e) == {"z": 1.5}

    @weft.jit
    def joined(d, s):
        out = ""
        for k, v in d.items():
            out += k + "=" + v + ";"
        return out, "b" in s, len(s)

    assert joined({"x": "1", "y": "22"}, {"a", "b"}) == ("x=1;y=22;", True, 2)


def test_lists_of_strs_passed_grown_and_returned():
    @weft.jit
    def total(words):
        n = 0
        for w in words:
            n += len(w)
        return n, words[0], ["x", "yz"]

    assert total(["ab", "cde"]) == (5, "ab", ["x", "yz"])

    @weft.jit
    def grow(words):
        words.append("new")
        return len(words)

    words = ["a"]
    assert grow(words) == 2 and words == ["a", "new"]


def test_mixed_types_are_compile_errors():
    @weft.jit
    def keys(n):
        d = {"a": n}
        d[1] = n
        return len(d)

    with pytest.raises(weft.CompileError,
                       match="dict 'd' holds keys of type str, not i64"):
        keys(1)

    @weft.jit
    def mixed(n):
        return ["a", n]

    with pytest.raises(weft.CompileError,
                       match="a list holds values of one type, here strs"):
        mixed(1)


def test_extend_of_lists_of_strs_and_of_lists():
    @weft.jit
    def f(s):
        words = s.split(",")
        words.extend(["x", "yy"])
        words.extend(words)
        out = []
        out.extend(s.split(","))
        rows = [[1, 2], [3]]
        rows.extend([[4, 5, 6]])
        n = 0
        for r in rows:
            n += len(r)
        return words, out, rows, n

    assert f("a,b") == (["a", "b", "x", "yy", "a", "b", "x", "yy"],
                        ["a", "b"], [[1, 2], [3], [4, 5, 6]], 6)


@pytest.mark.parametrize("s", ["pear apple fig apple banana", "", "b a"])
def test_sorted_lists_of_strs_and_str_keys(s):
    def f(s):
        w = s.split()
        d = {}
        for x in w:
            d[x] = len(x)
        return sorted(w), sorted(w, reverse=True), sorted(d), sorted(["b", ""])

    assert weft.jit(f)(s) == f(s)
