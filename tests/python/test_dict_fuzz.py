"""Random operation sequences on a dict and a set, run by Weft and by
CPython (py_func) on the same data: insertions, lookups with defaults,
deletions, updates, pops, membership, a dict's iteration order, for
integer,
float and tuple keys drawn from small ranges (repeats and deletions
collide), spread ones (multiples of large powers of two, negatives) and
floats equal to integers (1.0 is the key 1)."""
import numpy as np
import pytest

import weft


def _run_ops(ops, keys, vals):
    d = {}
    s = set()
    acc = 0.0
    for i in range(len(ops)):
        k = keys[i]
        op = ops[i]
        if op == 0:
            d[k] = vals[i]
        elif op == 1:
            acc += d.get(k, -1.0)
        elif op == 2:
            if k in d:
                del d[k]
        elif op == 3:
            if k in d:
                d[k] += vals[i]
        elif op == 4:
            s.add(k)
        elif op == 5:
            s.discard(k)
        elif op == 6:
            acc += len(d) * 0.5 + len(s)
        else:
            acc += d.pop(k, 0.25)
    total = 0.0
    n = 0
    for kk, vv in d.items():
        n += 1
        total += vv * n
    # (a set's order is Python's hash order, Weft's insertion order)
    both = 0.0
    for kk in s:
        if kk in d:
            both += kk
    return acc, total, len(d), len(s), both


def _run_pairs(ops, keys, keys2, vals):
    d = {}
    seen = set()
    acc = 0.0
    for i in range(len(ops)):
        k = (keys[i], keys2[i])
        if ops[i] < 4:
            d[k] = d.get(k, 0.0) + vals[i]
        elif ops[i] < 6:
            seen.add(k)
        elif (keys2[i], keys[i]) in d:
            del d[keys2[i], keys[i]]
        else:
            acc += len(d)
    total = 0.0
    n = 0
    for k, v in d.items():
        n += 1
        total += v * n + k[0] - k[1]
    return acc, total, len(d), len(seen)


run_ops = weft.jit(_run_ops)
run_pairs = weft.jit(_run_pairs)


def _keys(rng, kind, n):
    if kind == "small":
        return rng.integers(-5, 20, n)
    if kind == "spread":
        return rng.integers(-3, 4, n) * (1 << int(rng.integers(10, 50)))
    if kind == "wide":
        return rng.integers(-(1 << 62), 1 << 62, n)
    # floats: integral values, halves and -0.0 among them
    return rng.integers(-8, 8, n) * 0.5 + np.where(rng.random(n) < 0.1,
                                                   -0.0, 0.0)


@pytest.mark.parametrize("kind", ["small", "spread", "wide", "float"])
def test_random_operations_match_python(kind):
    rng = np.random.default_rng(2026)
    for trial in range(80):
        n = int(rng.integers(1, 400))
        ops = rng.integers(0, 8, n)
        keys = _keys(rng, kind, n)
        vals = rng.random(n)
        got = run_ops(ops, keys, vals)
        want = _run_ops(ops, keys, vals)
        assert got == pytest.approx(want, rel=1e-12), (kind, trial)


def test_random_tuple_keys_match_python():
    rng = np.random.default_rng(7)
    for trial in range(80):
        n = int(rng.integers(1, 300))
        ops = rng.integers(0, 8, n)
        keys = rng.integers(-3, 6, n)
        keys2 = rng.integers(0, 4, n)
        vals = rng.random(n)
        got = run_pairs(ops, keys, keys2, vals)
        want = _run_pairs(ops, keys, keys2, vals)
        assert got == pytest.approx(want, rel=1e-12), trial
