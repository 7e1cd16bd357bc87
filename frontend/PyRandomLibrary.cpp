//===- PyRandomLibrary.cpp - Python's random module, written in Weft ------===//
//
// random.f(...) after `import random` is __np_pyrandom_f(...) (the parser
// maps the module's names), drawn from the generator np.random uses (as
// Numba, whose random module has its own generator: the values are not
// CPython's for a seed, their distributions are). Python's bounds:
// randint(a, b) includes b.
//
//===----------------------------------------------------------------------===//
#include "frontend/NumpyLibrary.h"

namespace weft {

const char *pyRandomLibrarySource() {
  return R"weft(
def __np_pyrandom_seed(a):
    np.random.seed(a)

def __np_pyrandom_random():
    return np.random.random()

def __np_pyrandom_uniform(a, b):
    return a + (b - a) * np.random.random()

def __np_pyrandom_randint(a, b):
    if b < a:
        raise ValueError("empty range for randrange()")
    return np.random.randint(a, b + 1)

def __np_pyrandom_randrange(start, stop=None, step=1):
    if stop is None:
        if start <= 0:
            raise ValueError("empty range for randrange()")
        return np.random.randint(0, start)
    if step == 0:
        raise ValueError("zero step for randrange()")
    n = (stop - start + step - 1) // step if step > 0 else (start - stop - step - 1) // (-step)
    if n <= 0:
        raise ValueError("empty range for randrange()")
    return start + step * np.random.randint(0, n)

def __np_pyrandom_gauss(mu=0.0, sigma=1.0):
    return np.random.normal(mu, sigma)

def __np_pyrandom_normalvariate(mu=0.0, sigma=1.0):
    return np.random.normal(mu, sigma)

def __np_pyrandom_expovariate(lambd):
    return np.random.exponential(1.0 / lambd)

def __np_pyrandom_choice(seq):
    if len(seq) == 0:
        raise IndexError("Cannot choose from an empty sequence")
    return seq[np.random.randint(0, len(seq))]

def __np_pyrandom_shuffle(x):
    np.random.shuffle(x)
)weft";
}

} // namespace weft
