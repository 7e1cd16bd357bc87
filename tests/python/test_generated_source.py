"""Functions whose source is a string given to exec() or compile() (code
generators: numbamisc's jinja2 template rendered per dimension, PISA's
rewritten kernels, rapid-roots' f-string prange driver): Weft compiles
them from that string, as Numba compiles their bytecode."""
import numpy as np
import pytest

import weft

_TEMPLATE = '''
@weft.jit
def total(a):
    s = 0.0
{loops}
    return s
'''


def _render(dimensions):
    # one nested loop per dimension, as a template engine would write it
    lines, index = [], []
    for d in range(dimensions):
        lines.append("    " * (d + 1) + "for i%d in range(a.shape[%d]):" % (d, d))
        index.append("i%d" % d)
    lines.append("    " * (dimensions + 1) + "s += a[%s] * %d" %
                 (", ".join(index), dimensions))
    return _TEMPLATE.format(loops="\n".join(lines))


def _generate(dimensions):
    namespace = {"weft": weft}
    exec(_render(dimensions), namespace)
    return namespace["total"]


def test_functions_exec_d_from_strings_compile_from_their_own_string():
    one, two, three = _generate(1), _generate(2), _generate(3)
    # (compiled at the first call, after all three strings were exec'd:
    # each keeps its own text)
    assert three(np.ones((2, 3, 4))) == 72.0
    assert one(np.arange(4.0)) == 6.0
    assert two(np.ones((2, 2))) == 8.0


def test_a_function_compiled_from_a_named_string():
    code = compile("def twice(x):\n    return 2 * x + offset\n",
                   "<generated twice>", "exec")
    namespace = {"offset": 1}
    exec(code, namespace)
    twice = weft.jit(namespace["twice"])
    assert twice(20) == 41


def test_errors_in_generated_source_name_its_line():
    namespace = {"weft": weft}
    exec("@weft.jit\ndef bad(x):\n    return x + 'a'\n", namespace)
    with pytest.raises(weft.CompileError, match=r"<string>:3:\d+: error: "):
        namespace["bad"](1)
