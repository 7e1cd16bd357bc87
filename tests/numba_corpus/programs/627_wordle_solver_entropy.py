# Source: joaompereira/wordle-solver solvers.py (at commit 1ec457c8), compiler_options.py (at commit 76dc7a9d)
# Licence: MIT (wordle-solver, LICENSE; Copyright (c) 2022 Joao M Pereira)
# Notes: an entropy-maximising solver for Wordle and its Portuguese variants (termooo, dueto, quarteto). solvers.py is pasted whole: word_checker_inner scores a guess against the answer as 0/1/2 per letter (an elementwise == on int32 code points, 2*bool, .copy() of a bool array, the two-pass yellow-letter search), word_table_inner encodes every (guess, answer) pattern as a base-3 number in a uint8 table, word_buckets counts the patterns per guess with np.bincount(minlength=243), with `subset is None` branches and a boolean-mask gather v[subset], and calculate_entropy takes -sum p log p over the non-zero buckets in a prange loop; the plain-Python parts (word_checker, remove_accents with a dict subclass and np.unique(return_inverse), word_table, the solver classes) are kept. The decorators are `compiler_decorator()` and `compiler_decorator(parallel=True)`, so the line `from compiler_options import compiler_decorator, prange` is replaced by compiler_options.py pasted whole (compiler_decorator = njit when numba imports). The harness takes 24 five-letter Portuguese and English words (some accented), builds the letter codes as word_checker does (remove_accents, then an int32 view), computes the pattern table of all words against the first 16, the buckets for every word and for a subset of remaining candidates, their entropies, and word_checker for a few pairs with repeated letters
import numpy as np
from time import time
import itertools as itt
# ---- compiler_options.py (replaces `from compiler_options import compiler_decorator, prange`) ----
NUMBA_COMPILER = True
# import NUMBA
try:
    if not NUMBA_COMPILER:
        raise ModuleNotFoundError
    from numba import njit, prange

    compiler_decorator = njit

except ModuleNotFoundError:
    def compiler_decorator(*args, **kwargs):
        def compiler_decorator_inner(fun):
            return fun

        return compiler_decorator_inner

    prange = range

    NUMBA_COMPILER = False
# ---- end of compiler_options.py ----

def word_checker(test_word, true_word):
    test_word = remove_accents(np.array((test_word,))).view(np.int32)
    true_word = remove_accents(np.array((true_word,))).view(np.int32)
    return word_checker_inner(test_word, true_word)

@compiler_decorator()
def word_checker_inner(test_word, true_word):

    test_checked = test_word == true_word
    test = 2*test_checked

    true_checked = test_checked.copy()

    for i in range(5):
        if not test_checked[i]:
           for j in range(5):
               if not true_checked[j] and test_word[i]==true_word[j]:
                   test[i] = 1
                   true_checked[j] = True

    return test

class KeyDict(dict):
    def __missing__(self, key):
        return key


def remove_accents(words):
    accent_dictionary = KeyDict(
        á='a', â='a', ã='a', ç='c', è='e', é='e',
        ê='e', í='i', ï='i', ó='o', ô='o', õ='o',
        ú='u', û='u', ü='u'
    )
    letters, indices = np.unique(words.view('U1'), return_inverse=True)
    letters_na = np.array([accent_dictionary[k] for k in letters])
    return letters_na[indices].view('U5')

class WordleSolver():
    def __init__(self, words, n_bestwords):
        self.n_bestwords = n_bestwords
        self.words = words
        self.n_words = len(self.words)

    def start(self, n_words):
        # Start the algorithm
        # n_words: number of words in challenge
        #     Examples    1: termooo, 2: dueto, 4: quarteto
        # Returns your favorite starting word
        raise NotImplementedError

    def guess(self, answer_2_previous):
        # Gets the answer from the previous guess
        # Provides a new guess
        raise NotImplementedError


def word_table(words, words_before):
    return word_table_inner(remove_accents(words).view(int).reshape(-1, 5), words_before)

@compiler_decorator(parallel=True)
def word_table_inner(lines, words_before):
    nw = lines.shape[0]
    table = np.zeros((nw, words_before), dtype=np.ubyte)

    for i in range(nw):
        for j in range(words_before):
            v = word_checker_inner(lines[i], lines[j])
            s = v[0]
            for k in range(1, 5):
                s = 3 * s + v[k]
            table[i, j] = s

    return table

@compiler_decorator(parallel=True)
def word_buckets(table, subset=None):
    nw, nw2 = table.shape
    word_buckets = np.empty((nw,243))

    if subset is None:
        for i in range(nw):
            word_buckets[i, :] = np.bincount(table[i, :], minlength=243)
    else:
        for i in range(nw):
            v = table[i, :]
            word_buckets[i, :] = np.bincount(v[subset], minlength=243)

    return word_buckets

@compiler_decorator(parallel=True)
def calculate_entropy(word_buckets_scaled):
    nw = word_buckets_scaled.shape[0]
    word_entropy = np.empty(nw)

    for i in prange(nw):
        v = word_buckets_scaled[i, :]
        v = v[v>0]
        word_entropy[i] = -np.dot(v, np.log(v))

    return word_entropy

class EntropySolver(WordleSolver):
    def __init__(self, words, n_bestwords):
        super(EntropySolver, self).__init__(words, n_bestwords)
        self.table = word_table(words, n_bestwords)
        #cb = np.full((self.n_bestwords,), True)
        buckets = word_buckets(self.table)
        self.first_word_ind = calculate_entropy(buckets / self.n_bestwords).argmax()
        self.first_word = self.words[self.first_word_ind]

    def start(self, n_words=1):
        self.cb = np.full((n_words, self.n_bestwords), True)
        self.still = np.full((n_words,), True)
        self.last_guess_ind = self.first_word_ind
        return self.first_word

    def guess(self, answer_2_previous):
        answer_short = np.matmul(answer_2_previous, 3**np.arange(5)[::-1])
        self.still[answer_short == 242] = False

        for j in np.nonzero(self.still)[0]:
            self.cb[j][self.cb[j]] = (self.table[self.last_guess_ind, self.cb[j]] == answer_short[j])

        scb = np.count_nonzero(self.cb, axis=1)
        found_word = (scb==1) & self.still
        if np.any(found_word):
            j = np.nonzero(found_word)[0][0]
            guess_ind = np.nonzero(self.cb[j])[0][0]
        else:
            entropy = np.zeros((self.n_words))
            for j in np.nonzero(self.still)[0]:
                buckets = word_buckets(self.table, self.cb[j])
                entropy += calculate_entropy(buckets / scb[j])
                entropy[:self.n_bestwords][self.cb[j]] += (np.log(scb[j]) / scb[j])

            guess_ind = entropy.argmax()

        self.last_guess_ind = guess_ind
        return self.words[guess_ind]

# ---- harness (not part of the program) ----
ENTRY = "wordle_entropy"


def wordle_entropy(words, n_best):
    lines = np.ascontiguousarray(remove_accents(words).view(np.int32).reshape(-1, 5))
    table = word_table_inner(lines, n_best)
    buckets = word_buckets(table)
    entropy = calculate_entropy(buckets / n_best)
    cand = np.array([(3 * k) % 4 != 1 for k in range(n_best)])
    buckets_sub = word_buckets(table, cand)
    entropy_sub = calculate_entropy(buckets_sub / np.count_nonzero(cand))
    checks = np.array([
        word_checker("sabia", "saiba"),
        word_checker("arara", "barra"),
        word_checker("ótima", "tomei"),
        word_checker("eerie", "sheen"),
        word_checker("crane", "crane"),
    ])
    return table, buckets, entropy, buckets_sub, entropy_sub, checks


def inputs():
    words = np.array([
        "termo", "sagaz", "amago", "negro", "êxito", "mexer", "nobre", "sutil",
        "vigor", "fazer", "sobre", "audaz", "poder", "moral", "ânimo", "sábio",
        "crane", "slate", "arara", "barra", "saiba", "tomei", "sheen", "eerie",
    ])
    return (words, 16)
