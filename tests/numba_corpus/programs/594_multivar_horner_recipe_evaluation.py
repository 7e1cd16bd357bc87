# Source: jannikmi/multivar_horner multivar_horner/helpers_fcts_numba.py (at commit 05145c61)
# Licence: MIT (multivar_horner, setup.py license="MIT licence" and the "License :: OSI Approved :: MIT License" classifier; author Jannik Michelfeit)
# Notes: the Numba core of multivar_horner, which evaluates multivariate polynomials through a multivariate Horner factorisation (numerical mathematics / symbolic-numeric computing): numba type objects bound to module names (INT = i8, UINT = u4, F_1D = F[:], UINT_2D = UINT[:, :], ...) and used in lists of eager signatures for a float64 and a complex128 variant; naive_eval (np.prod(np.power(x, exponents[i])) with uint32 exponents, the float accumulator started at 0.0 and promoted to complex in the complex signature); eval_recipe, which runs the compiled "recipe" of a factorisation: tuple-unpacking iteration over the rows of uint32 2-D arrays (`for target, source in copy_recipe`, `for target, source, exponent in scalar_recipe`, `for i, (target, source) in enumerate(tree_recipe)`), float ** uint32 powers, in-place += / *= on the value array chosen by a bool array, and the value at a uint32 root address returned; and the cost-heuristic helpers num_ops_1D_horner (uint32 arithmetic starting from -1), count_num_ops_naive (np.sum of a uint32 matrix returned as u4), factor_num_ops, compile_usage / compile_valid_options (void(...) signatures writing into uint32 and bool argument vectors, break out of nested loops) and count_usage. Pasted: the whole module verbatim (the import of multivar_horner._numba_replacements only runs if numba is missing). The harness (a plain-Python driver) builds random sparse polynomials in 3 and 4 variables, compiles for each a flat recipe in the package's instruction encoding for the unfactorised polynomial (scalar factors x_d ** e by copy or power, monomials as chained products, then coefficient times monomial and a sum into the root), evaluates it with eval_recipe for real and complex points and checks it against naive_eval, and runs the operation-count helpers on the exponent matrices
# TODO
# for Ahead-Of-Time Compilation:
# from numba.pycc import CC
# cc = CC('compiled_helpers', )
# # Uncomment the following line to print out the compilation steps
# cc.verbose = True


import numpy as np

using_numba = True
try:
    from numba import b1, c16, f8, i8, njit, u4, void
except ImportError:
    using_numba = False
    # replace numba functionality with "transparent" implementations
    from multivar_horner._numba_replacements import b1, c16, f8, i8, njit, u4, void

# DTYPES:
INT = i8
UINT = u4
F = f8
C = c16
F_1D = F[:]
UINT_1D = UINT[:]
BOOL_1D = b1[:]
C_1D = C[:]
UINT_2D = UINT[:, :]


# time critical helper functions. just in time compiled
# ATTENTION: due to `chace=True`


@njit(
    [
        F(F_1D, F_1D, UINT_2D),
        C(C_1D, F_1D, UINT_2D),
    ],
    cache=True,
)
def naive_eval(x, coefficients, exponents):
    nr_coeffs = len(coefficients)
    # nr_monomials,nr_dims = exponents.shape
    # assert nr_monomials == nr_coeffs
    # assert len(x) == nr_dims
    acc = 0.0
    for i in range(nr_coeffs):
        acc = acc + coefficients[i] * np.prod(np.power(x, exponents[i]))
    return acc

    # equivalent one liner:
    # TypingError: numba doesn't support kwarg for prod
    # return np.sum(coefficients.T * np.prod(np.power(x, exponents), axis=1), axis=1)[0]


# @cc.export('eval_compiled', 'f8(f8[:], f8[:], UINT_2, UINT_2, UINT_2, UINT_2, b1[:], u4)')
@njit(
    [
        F(F_1D, F_1D, UINT_2D, UINT_2D, UINT_2D, UINT_2D, BOOL_1D, UINT),
        C(C_1D, C_1D, UINT_2D, UINT_2D, UINT_2D, UINT_2D, BOOL_1D, UINT),
    ],
    cache=True,
)
def eval_recipe(
    x,
    value_array,
    copy_recipe,
    scalar_recipe,
    monomial_recipe,
    tree_recipe,
    tree_ops,
    root_value_address,
):
    # IMPORTANT: the order of following the recipes is not arbitrary!
    #   scalar factors need to be evaluated before monomial factors depending on them...

    # in order to evaluate scalar factors with exponent 1, no exponentiation operation is required
    # simply copy the values of x to the value array
    # copy recipe instruction encoding:
    for target, source in copy_recipe:
        value_array[target] = x[source]

    # print('computing scalar factors: ...')
    for target, source, exponent in scalar_recipe:
        # print(f'value[{target}] = {source} ^ {exponent}')
        value_array[target] = x[source] ** exponent

    # # DEBUG:
    # accessed_idxs = set()
    # print('computing monomial factors: ...')
    for target, source1, source2 in monomial_recipe:
        # print(f'value[{target}] = {value_array[source1]} * {value_array[source2]} (idx: {source1}, {source2})')
        value_array[target] = value_array[source1] * value_array[source2]

        # # DEBUG:
        # accessed_idxs.add(monomial_recipe[i, 1])
        # accessed_idxs.add(monomial_recipe[i, 2])

    # print('evaluating factorisation tree: ...')
    for i, (target, source) in enumerate(tree_recipe):
        # operation encoding: 1 -> Addition, 0 = Multiplication
        operation_is_addition = tree_ops[i]
        if operation_is_addition:
            # print(f'value[{target}] = {value_array[target]} + {value_array[source]}')
            value_array[target] += value_array[source]
        else:
            # print(f'value[{target}] = {value_array[target]} * {value_array[source]}')
            value_array[target] *= value_array[source]

        # # DEBUG:
        # accessed_idxs.add(target)
        # accessed_idxs.add(source)

    # # DEBUG:
    # all_idxs = {x for x in range(len(value_array))}
    # non_accessed_idxs = all_idxs - accessed_idxs
    # # coefficients are stored in the indices until one before the root address
    # coefficient_idxs = {x for x in range(root_value_address)}
    # non_accessed_coefficients = non_accessed_idxs & coefficient_idxs
    # if len(non_accessed_coefficients) > 0:
    #     raise ValueError(f'BUG: these coefficients have been accessed: {non_accessed_coefficients}')
    #
    # # NOTE: no indices must be accessed when the polynomial is a constant
    # if len(non_accessed_idxs) > 0 and len(value_array) > 1:
    #     raise ValueError(f'BUG: these idxs have been accessed: {non_accessed_idxs}')

    return value_array[root_value_address]  # return value of the root node


@njit(UINT(UINT_1D), cache=True)
def num_ops_1D_horner(unique_exponents):
    """
    :param unique_exponents: np array of unique exponents sorted in increasing order without 0
    :return: the number of operations of the one dimensional Horner factorisation
        without counting additions (just MUL & POW) and without considering the coefficients
    do not count additions and exponentiations. just multiplications
    do not consider the multiplications with the coefficients (amount stays constant)


    NOTE: in 1D the Horner factorisation is both unique and optimal (minimal amount of operations)
    -> gives a lower bound for the amount of required operations
    (=required property for usage as cost estimation heuristic)
    """
    nr_unique_exponents = unique_exponents.shape[0]
    # assert not np.any(unique_exponents == 0), "the exponent 0 must not be present"
    if nr_unique_exponents == 0:
        return 0

    # one MUL operation is required !between! all factors in the factorisation chain
    # the amount of factors (= "length of factorisation chain") is equal to the amount of unique existing exponents
    num_ops = -1

    # start with exponent 0 (not in unique exponents)
    # the difference between one and the next exponent determines if a POW operation is needed to evaluate a factor
    # unique exponents are sorted: prev_exp < exp
    prev_exp = 0
    for i in range(nr_unique_exponents):
        exp = unique_exponents[i]
        # the exponents MUST increase -> count at least one operation (multiplication)
        # for every exponent difference >1
        # count exponent-1 additional multiplications for computing the exponentiations
        exp_diff = exp - prev_exp
        num_ops += exp_diff
        prev_exp = exp

    return num_ops


@njit(UINT(UINT_2D), cache=True)
def count_num_ops_naive(exponent_matrix):
    """counts the amount of multiplications required during evaluation

    under the assumption: this polynomial representation does not get factorised any further
    do not count additions and exponentiations

    1 multiplication required for every coefficient when there is a monomial (non zero exponent) present
    one multiplication for multiplying the scalar factors with each other
    (amount of non zero exponents in each monomial -1)
    exponent - 1 multiplications for every evaluation of an exponentiation of every scalar factor
    = the total sum of exponents
    """
    return np.sum(exponent_matrix)


@njit(UINT(UINT, UINT), cache=True)
def factor_num_ops(dim, exp):
    """
    NOTE: all factors are scalars: x^i
    count every exponentiation as exponent-1 multiplications

    :return: the amount of operations required to evaluate the scalar factor
    """
    return exp - 1


@njit(void(INT, UINT_1D, UINT_1D, UINT_2D), cache=True)
def compile_usage(dim, usage_vector, unique_exponents, exponent_matrix):
    """
    computes the vector with the usage count of every unique exponent
    """

    for i in range(exponent_matrix.shape[0]):
        exp = exponent_matrix[i, dim]
        for j in range(len(unique_exponents)):
            if exp < unique_exponents[j]:
                break
            usage_vector[j] += 1


@njit(void(INT, BOOL_1D, UINT_1D, UINT_1D, UINT_2D), cache=True)
def compile_valid_options(dim, valid_option_vector, usage_vector, unique_exponents, exponent_matrix):
    """compute the vector of valid options

    :param dim:
    :param valid_option_vector:
    :param usage_vector:
    :param unique_exponents:
    :param exponent_matrix:
    """
    if len(valid_option_vector) == 0:
        # there are no unique exponents
        return

    compile_usage(dim, usage_vector, unique_exponents, exponent_matrix)

    for exp_idx in range(usage_vector.size):
        # stop at the highest exponent having a usage >=2
        if usage_vector[exp_idx] >= 2:
            valid_option_vector[exp_idx] = True
        else:
            # all higher exponents have a lower usage!
            break


@njit(UINT(UINT, UINT, UINT_2D), cache=True)
def count_usage(dim, exp, exponent_matrix):
    """
    :return: the amount of times a scalar factor appears in the monomials
    """

    usage_cnt = 0
    for i in range(exponent_matrix.shape[0]):
        if exponent_matrix[i, dim] >= exp:
            usage_cnt += 1

    return usage_cnt


# ---- harness (not part of the program) ----
ENTRY = "evaluate_polynomials"


def _flat_recipe(coefficients, exponents):
    # value array: coefficients first, then scalar factors, then monomial products
    n, dim = exponents.shape
    slots = {}
    copy_r, scalar_r, mono_r, tree_r, ops = [], [], [], [], []
    nxt = n

    def factor(d, e):
        nonlocal nxt
        if (d, e) not in slots:
            slots[(d, e)] = nxt
            if e == 1:
                copy_r.append((nxt, d))
            else:
                scalar_r.append((nxt, d, e))
            nxt += 1
        return slots[(d, e)]

    monomial_slot = []
    for i in range(n):
        fs = [factor(d, int(exponents[i, d])) for d in range(dim) if exponents[i, d] > 0]
        if not fs:
            monomial_slot.append(-1)
            continue
        cur = fs[0]
        for f in fs[1:]:
            mono_r.append((nxt, cur, f))
            cur = nxt
            nxt += 1
        monomial_slot.append(cur)
    for i in range(n):
        if monomial_slot[i] >= 0:
            tree_r.append((i, monomial_slot[i]))
            ops.append(False)
    for i in range(1, n):
        tree_r.append((0, i))
        ops.append(True)
    u = lambda rows, w: np.array(rows, dtype=np.uint32).reshape(-1, w)
    return (nxt, u(copy_r, 2), u(scalar_r, 3), u(mono_r, 3), u(tree_r, 2),
            np.array(ops, dtype=np.bool_))


def evaluate_polynomials(polys, points):
    out = []
    for coefficients, exponents in polys:
        size, copy_r, scalar_r, mono_r, tree_r, ops = _flat_recipe(coefficients, exponents)
        dim = exponents.shape[1]
        vals, naive = [], []
        for p in points[:, :dim]:
            value_array = np.zeros(size)
            value_array[:len(coefficients)] = coefficients
            vals.append(eval_recipe(p.copy(), value_array, copy_r, scalar_r, mono_r, tree_r, ops,
                                    np.uint32(0)))
            naive.append(naive_eval(p.copy(), coefficients, exponents))
        zc = points[:5, :dim] + 0.5j * points[5:10, :dim]
        cvals, cnaive = [], []
        for z in zc:
            value_array = np.zeros(size, dtype=np.complex128)
            value_array[:len(coefficients)] = coefficients
            cvals.append(eval_recipe(z.copy(), value_array, copy_r, scalar_r, mono_r, tree_r, ops,
                                     np.uint32(0)))
            cnaive.append(naive_eval(z.copy(), coefficients, exponents))
        counts = []
        for d in range(dim):
            unique = np.unique(exponents[:, d])
            unique = unique[unique > 0].astype(np.uint32)
            usage = np.zeros(len(unique), dtype=np.uint32)
            valid = np.zeros(len(unique), dtype=np.bool_)
            compile_valid_options(d, valid, usage, unique, exponents)
            counts.append((num_ops_1D_horner(unique), usage, valid,
                           count_usage(np.uint32(d), np.uint32(2), exponents),
                           factor_num_ops(np.uint32(d), np.uint32(3))))
        out.append((np.array(vals), np.array(naive), np.array(cvals), np.array(cnaive),
                    count_num_ops_naive(exponents), counts))
    return out


def inputs():
    rng = np.random.default_rng(0)
    polys = []
    for dim, n, max_deg in ((3, 12, 4), (4, 20, 3)):
        exponents = rng.integers(0, max_deg + 1, (n, dim)).astype(np.uint32)
        exponents[0] = 0
        coefficients = rng.normal(0.0, 1.0, n)
        polys.append((coefficients, exponents))
    points = rng.uniform(-1.5, 1.5, (30, 4))
    return (polys, points)
