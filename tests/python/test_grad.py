"""grad and value_and_grad (reverse-mode automatic differentiation of Weft
functions), checked against central finite differences of the same Weft
function on 24 functions, and against closed forms."""
import numpy as np
import pytest

import weft

SOURCE = """
def poly(x):
    return x ** 3.0 - 2.0 * x

def damped(x):
    return sin(3.0 * x) * exp(-x)

def chain(x):
    return log(1.0 + tanh(x) * tanh(x)) + sqrt(x * x + 1.0)

def ratio(x):
    return (x + 1.0) / (x * x + 1.0)

def hinge(x):
    return x * x if x > 1.0 else 2.0 * x - 1.0

def least_squares(w: f64[:], X: f64[:, :], y: f64[:]) -> f64:
    n = len(y)
    s = 0.0
    for i in range(n):
        z = 0.0
        for j in range(len(w)):
            z += X[i, j] * w[j]
        r = z - y[i]
        s += r * r
    return s / n

def least_squares_arrays(w: f64[:], X: f64[:, :], y: f64[:]) -> f64:
    r = X @ w - y
    return mean(r * r)

def logistic(w: f64[:], X: f64[:, :], y: f64[:]) -> f64:
    z = X @ w
    return mean(log(1.0 + exp(-y * z)))

def softmax_xent(z: f64[:], label: i64) -> f64:
    m = max(z)
    return log(sum(exp(z - m))) + m - z[label]

def mlp(W1: f64[:, :], b1: f64[:], w2: f64[:], x: f64[:], t: f64) -> f64:
    h = tanh(W1 @ x + b1)
    out = dot(w2, h)
    return (out - t) ** 2.0

def stencil_energy(u: f64[:]) -> f64:
    e = 0.0
    for i in range(len(u) - 1):
        d = u[i + 1] - u[i]
        e += 0.5 * d * d
    return e + 0.1 * sum(u * u * u * u)

def weighted(x: f64[:], w: f64[:]) -> f64:
    s = 0.0
    for i in prange(len(x)):
        s += x[i] * x[i] * w[i]
    return s

def piecewise(x: f64[:]) -> f64:
    s = 0.0
    for i in range(len(x)):
        if x[i] > 0.0:
            s += x[i] * x[i]
        else:
            s -= 0.5 * x[i]
    return s

def expsum(x: f64[:]) -> f64:
    return sum(exp(x) * x)

def rms(x: f64[:]) -> f64:
    return sqrt(mean(x * x))

def dots(a: f64[:], b: f64[:]) -> f64:
    return dot(a, b) * dot(a, a)

def matmat(A: f64[:, :], B: f64[:, :], C: f64[:, :]) -> f64:
    return sum((A @ B) * C)

def inner(u, v):
    return u * v + sin(u)

def middle(x: f64[:], k: f64) -> f64:
    s = 0.0
    for i in range(len(x)):
        s += inner(x[i], k)
    return s

def with_calls(x: f64[:]) -> f64:
    return middle(x, 2.0) + inner(sum(x), 1.0) * rms(x)

def reassigned(x):
    y = x * 2.0
    y = y * y + x
    if y > 3.0:
        z = y * 3.0
    else:
        z = y - 1.0
    y = z * x
    return y

def deep(W1: f64[:, :], W2: f64[:, :], x: f64[:]) -> f64:
    h = tanh(W1 @ x)
    h = tanh(W2 @ h)
    h = h * h
    return sum(h)

def simulate(k: f64, x0: f64, steps: i64) -> f64:
    x = x0
    v = 0.0
    for t in range(steps):
        a = -k * x
        v = v + 0.1 * a
        x = x + 0.1 * v
    return x * x

def power(x: f64[:], n: i64) -> f64:
    p = 1.0
    for i in range(n):
        p = p * x[i % len(x)] + 0.5
    return p

def stepped(x: f64) -> f64:
    k = 0
    y = x
    for i in range(1, 7, 2):
        k = k + i
        y = sin(y) * k
    return y

def softclip(x: f64[:]) -> f64:
    s = 0.0
    for i in range(len(x)):
        s += max(x[i], 0.0) + min(x[i], -1.0)
    return s
"""

# Weft functions the tests call: f itself and its gradient(s).
WRAPPERS = """
def poly_g(x: f64) -> f64:
    return grad(poly)(x)
def damped_g(x: f64) -> f64:
    return grad(damped)(x)
def chain_g(x: f64) -> f64:
    return grad(chain)(x)
def ratio_g(x: f64) -> f64:
    return grad(ratio)(x)
def hinge_g(x: f64) -> f64:
    return grad(hinge)(x)
def least_squares_g(w: f64[:], X: f64[:, :], y: f64[:]) -> f64[:]:
    return grad(least_squares)(w, X, y)
def least_squares_gy(w: f64[:], X: f64[:, :], y: f64[:]) -> f64[:]:
    gw, gy = grad(least_squares, argnums=(0, 2))(w, X, y)
    return gy
def least_squares_arrays_g(w: f64[:], X: f64[:, :], y: f64[:]) -> f64[:]:
    return grad(least_squares_arrays)(w, X, y)
def least_squares_arrays_gX(w: f64[:], X: f64[:, :], y: f64[:]) -> f64[:, :]:
    return grad(least_squares_arrays, argnums=1)(w, X, y)
def logistic_g(w: f64[:], X: f64[:, :], y: f64[:]) -> f64[:]:
    return grad(logistic)(w, X, y)
def softmax_xent_g(z: f64[:], label: i64) -> f64[:]:
    return grad(softmax_xent)(z, label)
def mlp_gW1(W1: f64[:, :], b1: f64[:], w2: f64[:], x: f64[:], t: f64) -> f64[:, :]:
    return grad(mlp)(W1, b1, w2, x, t)
def mlp_gb1(W1: f64[:, :], b1: f64[:], w2: f64[:], x: f64[:], t: f64) -> f64[:]:
    return grad(mlp, argnums=1)(W1, b1, w2, x, t)
def mlp_gw2(W1: f64[:, :], b1: f64[:], w2: f64[:], x: f64[:], t: f64) -> f64[:]:
    return grad(mlp, argnums=2)(W1, b1, w2, x, t)
def stencil_energy_g(u: f64[:]) -> f64[:]:
    return grad(stencil_energy)(u)
def weighted_g(x: f64[:], w: f64[:]) -> f64[:]:
    return grad(weighted)(x, w)
def piecewise_g(x: f64[:]) -> f64[:]:
    return grad(piecewise)(x)
def expsum_g(x: f64[:]) -> f64[:]:
    return grad(expsum)(x)
def rms_g(x: f64[:]) -> f64[:]:
    return grad(rms)(x)
def dots_g(a: f64[:], b: f64[:]) -> f64[:]:
    return grad(dots)(a, b)
def matmat_g(A: f64[:, :], B: f64[:, :], C: f64[:, :]) -> f64[:, :]:
    return grad(matmat)(A, B, C)
def softclip_g(x: f64[:]) -> f64[:]:
    return grad(softclip)(x)
def with_calls_g(x: f64[:]) -> f64[:]:
    return grad(with_calls)(x)
def middle_gk(x: f64[:], k: f64) -> f64:
    return grad(middle, argnums=1)(x, k)
def reassigned_g(x: f64) -> f64:
    return grad(reassigned)(x)
def deep_gW1(W1: f64[:, :], W2: f64[:, :], x: f64[:]) -> f64[:, :]:
    return grad(deep)(W1, W2, x)
def deep_gx(W1: f64[:, :], W2: f64[:, :], x: f64[:]) -> f64[:]:
    return grad(deep, argnums=2)(W1, W2, x)
def simulate_gk(k: f64, x0: f64, steps: i64) -> f64:
    return grad(simulate)(k, x0, steps)
def simulate_gx0(k: f64, x0: f64, steps: i64) -> f64:
    return grad(simulate, argnums=1)(k, x0, steps)
def power_g(x: f64[:], n: i64) -> f64[:]:
    return grad(power)(x, n)
def stepped_g(x: f64) -> f64:
    return grad(stepped)(x)
def poly_value(x: f64) -> f64:
    v, g = value_and_grad(poly)(x)
    return v + 1000.0 * g
"""


@pytest.fixture(scope="module")
def m():
    return weft.compile(SOURCE + WRAPPERS, "grads.weft")


def fd(f, args, k, h=1e-6):
    """Central differences of f with respect to argument k."""
    args = [np.array(a, dtype=float) if isinstance(a, np.ndarray) else a
            for a in args]
    x = args[k]
    if not isinstance(x, np.ndarray):
        up = list(args)
        dn = list(args)
        up[k] = x + h
        dn[k] = x - h
        return (f(*up) - f(*dn)) / (2 * h)
    g = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        up = [a.copy() if isinstance(a, np.ndarray) else a for a in args]
        dn = [a.copy() if isinstance(a, np.ndarray) else a for a in args]
        up[k][idx] += h
        dn[k][idx] -= h
        g[idx] = (f(*up) - f(*dn)) / (2 * h)
    return g


def close(a, b, tol=1e-5):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    scale = max(1.0, float(np.max(np.abs(b))) if b.size else 1.0)
    return float(np.max(np.abs(a - b))) <= tol * scale


rng = np.random.default_rng(7)
X = rng.normal(size=(6, 3))
Y = rng.normal(size=6)
W = rng.normal(size=3)
LABELS = np.sign(Y)

CASES = [
    # (function, gradient wrapper, arguments, argument differentiated)
    ("poly", "poly_g", [1.3], 0),
    ("damped", "damped_g", [0.7], 0),
    ("chain", "chain_g", [0.4], 0),
    ("ratio", "ratio_g", [-0.6], 0),
    ("hinge", "hinge_g", [1.7], 0),
    ("hinge", "hinge_g", [0.2], 0),
    ("least_squares", "least_squares_g", [W, X, Y], 0),
    ("least_squares", "least_squares_gy", [W, X, Y], 2),
    ("least_squares_arrays", "least_squares_arrays_g", [W, X, Y], 0),
    ("least_squares_arrays", "least_squares_arrays_gX", [W, X, Y], 1),
    ("logistic", "logistic_g", [W, X, LABELS], 0),
    ("softmax_xent", "softmax_xent_g", [rng.normal(size=5), 2], 0),
    ("mlp", "mlp_gW1", [rng.normal(size=(4, 3)), rng.normal(size=4),
                         rng.normal(size=4), rng.normal(size=3), 0.3], 0),
    ("mlp", "mlp_gb1", [rng.normal(size=(4, 3)), rng.normal(size=4),
                         rng.normal(size=4), rng.normal(size=3), 0.3], 1),
    ("mlp", "mlp_gw2", [rng.normal(size=(4, 3)), rng.normal(size=4),
                         rng.normal(size=4), rng.normal(size=3), 0.3], 2),
    ("stencil_energy", "stencil_energy_g", [rng.normal(size=8)], 0),
    ("weighted", "weighted_g", [rng.normal(size=7), rng.normal(size=7)], 0),
    ("piecewise", "piecewise_g", [np.array([1.5, -0.5, 0.25, -2.0])], 0),
    ("expsum", "expsum_g", [rng.normal(size=5)], 0),
    ("rms", "rms_g", [rng.normal(size=5)], 0),
    ("dots", "dots_g", [rng.normal(size=4), rng.normal(size=4)], 0),
    ("matmat", "matmat_g", [rng.normal(size=(2, 3)), rng.normal(size=(3, 4)),
                             rng.normal(size=(2, 4))], 0),
    ("softclip", "softclip_g", [np.array([0.5, -0.3, -2.0, 1.5])], 0),
    ("with_calls", "with_calls_g", [rng.normal(size=5)], 0),
    ("middle", "middle_gk", [rng.normal(size=5), 0.7], 1),
    ("simulate", "simulate_gk", [2.0, 1.0, 20], 0),
    ("simulate", "simulate_gx0", [2.0, 1.0, 20], 1),
    ("power", "power_g", [np.array([0.5, 0.8, 1.1]), 7], 0),
    ("stepped", "stepped_g", [0.7], 0),
    ("reassigned", "reassigned_g", [1.5], 0),
    ("reassigned", "reassigned_g", [0.2], 0),
    ("deep", "deep_gW1", [rng.normal(size=(3, 2)), rng.normal(size=(3, 3)),
                          rng.normal(size=2)], 0),
    ("deep", "deep_gx", [rng.normal(size=(3, 2)), rng.normal(size=(3, 3)),
                         rng.normal(size=2)], 2),
]


@pytest.mark.parametrize("fname,gname,args,k", CASES,
                         ids=[c[1] + str(i) for i, c in enumerate(CASES)])
def test_gradient_matches_finite_differences(m, fname, gname, args, k):
    f = getattr(m, fname)
    g = getattr(m, gname)(*args)
    assert close(g, fd(f, args, k)), (g, fd(f, args, k))


def test_closed_forms(m):
    # d/dx (x^3 - 2x) = 3x^2 - 2
    assert m.poly_g(2.0) == pytest.approx(10.0, rel=1e-12)
    # least squares: 2/n X^T (Xw - y)
    expect = 2.0 / len(Y) * X.T @ (X @ W - Y)
    assert np.allclose(m.least_squares_g(W, X, Y), expect, rtol=1e-12)
    assert np.allclose(m.least_squares_arrays_g(W, X, Y), expect, rtol=1e-12)
    # softmax cross-entropy: softmax(z) - onehot(label)
    z = np.array([0.5, -1.0, 2.0, 0.0])
    p = np.exp(z - z.max())
    p /= p.sum()
    p[1] -= 1.0
    assert np.allclose(m.softmax_xent_g(z, 1), p, rtol=1e-12)
    # value_and_grad: the value and the gradient together
    assert m.poly_value(2.0) == pytest.approx(4.0 + 10000.0, rel=1e-12)
