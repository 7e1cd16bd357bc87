"""Numba's jitclass (weft.jitclass, numba.experimental.jitclass under the
numba module Weft installs): instances made in Python and passed in, made
inside jitted code, changed by methods; CPython running the same class
and functions is the oracle."""
import numpy as np
import pytest

import weft
import weft.numba

nb = weft.numba.module()

spec = [("indptr", nb.int32[:]), ("data", nb.float64[:]),
        ("count", nb.int64), ("scale", nb.float64)]


class GraphBase:
    def __init__(self, indptr, data):
        self.indptr = indptr
        self.data = data
        self.count = 0
        self.scale = 1.0

    def degree(self, i):
        return self.indptr[i + 1] - self.indptr[i]

    def set_edge(self, k, v):
        self.data[k] = v * self.scale
        self.count += 1
        return True

    @property
    def total(self):
        return self.data.sum() * self.scale

    @staticmethod
    def twice(x):
        return 2 * x


Graph = nb.experimental.jitclass(GraphBase, spec)
GraphBool = nb.experimental.jitclass(GraphBase, [
    ("indptr", nb.int32[:]), ("data", nb.bool_[:]), ("count", nb.int64),
    ("scale", nb.float64)])


def walk(g, n):
    s = 0
    for i in range(n):
        s += g.degree(i)
        g.set_edge(i, g.twice(i))
    return s, g.total


walk_jit = weft.jit(walk)


def make():
    g = Graph(np.array([0, 2, 3, 5], dtype=np.int32), np.zeros(5))
    g.scale = 0.5
    return g


def test_instance_from_python_is_changed_in_place():
    g, ref = make(), make()
    assert walk_jit(g, 3) == walk(ref, 3) == (5, 1.5)
    np.testing.assert_array_equal(g.data, ref.data)
    assert g.count == ref.count == 3  # a number field written back
    assert type(g.count) is int


def test_two_classes_of_one_base():
    a = np.zeros(3, dtype=bool)
    gb = GraphBool(np.array([0, 1, 2, 3], dtype=np.int32), a)
    s, total = walk_jit(gb, 2)
    assert s == 2 and total == 1.0
    np.testing.assert_array_equal(a, [False, True, False])
    assert gb.count == 2


@weft.jit
def build_and_use(n):
    acc = Accumulator(n)
    for i in range(n):
        acc.push(i * 1.5)
    return acc.mean(), acc.n, acc.buf[:acc.n].copy()


@nb.experimental.jitclass
class Accumulator:
    n: nb.int64
    buf: nb.float64[:]

    def __init__(self, size):
        self.n = 0
        self.buf = np.empty(size)

    def push(self, x):
        self.buf[self.n] = x
        self.n += 1

    def mean(self):
        return self.buf[:self.n].mean()


def test_instance_made_in_jitted_code():
    m, n, vals = build_and_use(4)
    assert m == pytest.approx(2.25) and n == 4
    np.testing.assert_array_equal(vals, [0.0, 1.5, 3.0, 4.5])


def test_read_only_arrays_in_fields_not_written():
    data = np.broadcast_to(1.0, 5)  # read-only, never written by degree
    g = Graph(np.array([0, 2, 3, 5, 5, 5], dtype=np.int32), np.zeros(5))

    @weft.jit
    def degrees(g, n):
        return np.array([g.degree(i) for i in range(n)])

    ro = Graph(np.array([0, 2, 3, 5, 5, 5], dtype=np.int32), data)
    np.testing.assert_array_equal(degrees(ro, 3), [2, 1, 2])
    with pytest.raises(weft.ReadOnlyError):
        walk_jit(ro, 2)  # set_edge writes data
    assert degrees(g, 1)[0] == 2


def test_field_checks_at_the_call():
    g = Graph(np.array([0, 1], dtype=np.int32), np.zeros(2, dtype=np.int64))
    with pytest.raises(weft.CallError, match="field 'data' is declared "
                                             "float64"):
        walk_jit(g, 1)
    h = Graph.__new__(Graph)
    with pytest.raises(weft.CallError, match="never assigned"):
        walk_jit(h, 1)


def test_returning_an_instance():
    @weft.jit
    def make_one(n):
        return Accumulator(n)

    a = make_one(3)
    assert type(a) is Accumulator and a.n == 0 and a.buf.shape == (3,)


def test_python_side_is_the_class():
    g = make()
    assert isinstance(g, GraphBase)
    assert g.degree(0) == 2 and Graph.twice(3) == 6
    assert Graph.class_type.instance_type is Graph


class BaseModel:
    """A plain base class: its methods are the jitclass's too."""

    @staticmethod
    def link(x):
        return x * x

    def predict(self, x):
        return self.link(x) * self.coef

    def settings(self, **params):  # never called from jitted code
        return dict(params)


class Scaled(BaseModel):
    def __init__(self, coef):
        self.coef = coef

    def get_spec(self):  # Python-only, as skglm's (returns a dict)
        return dict(coef=self.coef)


def compile_clone(instance):
    # a jitclass made at run time (skglm's compiled_clone)
    cls = nb.experimental.jitclass([("coef", nb.float64)])(type(instance))
    return cls(**instance.get_spec())


@weft.jit
def apply_model(model, xs):
    out = np.empty(xs.size)
    for i in range(xs.size):
        out[i] = model.predict(xs[i])
    return out


def test_inherited_methods_and_classes_made_at_run_time():
    model = compile_clone(Scaled(0.5))
    xs = np.array([1.0, 2.0, 3.0])
    np.testing.assert_array_equal(apply_model(model, xs),
                                  [0.5, 2.0, 4.5])
    assert model.settings(a=1) == {"a": 1}  # Python's method, in Python


@nb.experimental.jitclass([("x", nb.float64[:]), ("moved", nb.int64)])
class Body:
    def __init__(self, x):
        self.x = x
        self.moved = 0


@nb.experimental.jitclass([("body", Body.class_type.instance_type),
                           ("t", nb.float64)])
class World:
    def __init__(self, body):
        self.body = body
        self.t = 0.0

    def step(self, dt):
        self.body.x[:] += dt
        self.body.moved += 1
        self.t += dt


@weft.jit
def advance(world, k):
    for _ in range(k):
        world.step(0.5)
    return world.body.x.sum()


def test_instances_holding_instances():
    x = np.zeros(3)
    w = World(Body(x))
    assert advance(w, 2) == 3.0
    np.testing.assert_array_equal(x, [1.0, 1.0, 1.0])
    assert w.body.moved == 2 and w.t == 1.0


@nb.experimental.jitclass([("items", nb.types.ListType(nb.float64))])
class Bag:
    # a field Weft cannot hold: the class still works in Python, and only
    # a jitted function using it is refused
    def __init__(self):
        self.items = []


def test_a_class_weft_cannot_hold_fails_only_where_used():
    b = Bag()
    assert b.items == []
    assert walk_jit(make(), 1)[0] == 2  # (the module's other functions)

    @weft.jit
    def size(bag):
        return len(bag.items)

    with pytest.raises(weft.CompileError, match="Bag: jitclass field "
                                                "'items'"):
        size(b)


def test_c_integer_type_names():
    # numba.types.intc (C's int) is int32, as in Numba
    types = nb.types

    @nb.experimental.jitclass([("cols", types.intc[::1]), ("n", types.intc)])
    class Rows:
        def __init__(self, cols, n):
            self.cols = cols
            self.n = n

    @weft.jit
    def total(r):
        return r.cols.sum() + r.n

    assert total(Rows(np.arange(4, dtype=np.intc), 3)) == 9


@weft.jit
def made_inside(n):
    g = Graph(np.arange(n + 1, dtype=np.int32), np.ones(n))
    g.set_edge(0, 4.0)
    return g


@weft.jit
def world_and_time(x):
    w = World(Body(x * 2.0))
    w.step(0.5)
    return w, w.t


def test_an_instance_returned_to_python():
    # Numba's jitclass box: an instance of the class, its fields read
    # from Python, its methods run there
    g = made_inside(3)
    ref = made_inside.py_func(3)
    assert type(g) is Graph and type(ref) is Graph
    np.testing.assert_array_equal(g.data, ref.data)
    np.testing.assert_array_equal(g.indptr, ref.indptr)
    assert g.indptr.dtype == np.int32
    assert (g.count, g.scale, g.total) == (ref.count, ref.scale, ref.total) \
        == (1, 1.0, 6.0)
    assert type(g.count) is int and g.degree(1) == 1
    # instances holding instances, inside a tuple
    w, t = world_and_time(np.zeros(2))
    assert type(w) is World and type(w.body) is Body and t == 0.5
    assert w.body.moved == 1 and w.t == 0.5
    np.testing.assert_array_equal(w.body.x, [0.5, 0.5])


def test_a_namedtuple_returned_to_python():
    from collections import namedtuple
    Point = namedtuple("Point", ["x", "y"])

    @weft.jit
    def mid(a, b):
        return Point((a.x + b.x) / 2, (a.y + b.y) / 2)

    m = mid(Point(0.0, 1.0), Point(2.0, 3.0))
    assert type(m) is Point and m == Point(1.0, 2.0)


@nb.experimental.jitclass([("n", nb.int64), ("gross", nb.float64)])
class Tally:
    def __init__(self, n):
        self.n = n
        self.gross = 0.0

    def scaled_to(self, population):
        t = Tally(self.n)
        t.gross = population
        t.n = 2.9
        return t


def test_number_fields_hold_their_type_in_python():
    # SLIM's normalise_to(1000): an int into a float64 field is 1000.0,
    # a float into an int64 field its integer, as Numba's boxed fields
    t = Tally(2).scaled_to(1000)
    assert type(t.gross) is float and t.gross == 1000.0
    assert type(t.n) is int and t.n == 2
