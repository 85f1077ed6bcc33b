"""nn_pure: the "neural network in 11 lines", in plain Python, step by step.

This file is the whole lesson: the 2-layer network of the blog post "Neural
Network - Python" (2016), a walk through iamtrask's "A Neural Network in 11
lines of Python", learns a table by backpropagation (section 4), without
NumPy: a matrix is a list of rows, every multiplication a loop you can read.
Run it: python3 nn_pure.py (Windows: py nn_pure.py). Part 1, the lesson,
reads top to bottom with the post beside it; Part 2 is machinery.
"""

import math  # math.exp(x) is e**x, for the sigmoid
import sys   # for Part 2: the command line, and where messages go
import time  # for Part 2: how long a run has taken, for its progress line


# Part 1: the lesson ========================================================

# 1. The data: the post's table -------------------------------------------
#
#     Inputs  Output
#     0 0 1   0
#     1 1 1   1
#     1 0 1   1
#     0 1 1   0
#
# The output is the first input. The network is not told so: can it find out?
# The third input is always 1: the bias. The network weighs the inputs and
# adds them up; the weight on a constant 1 shifts every sum up or down.
# Without it, row 1 (0 0 -> 0) would sum to 0 whatever the weights, and its
# guess would be stuck at 0.5 (section 3 shows why): it could never be 0.

X = [[0, 0, 1],   # X is 4x3 ("4 by 3"): 4 rows (examples) of 3 inputs
     [1, 1, 1],
     [1, 0, 1],
     [0, 1, 1]]

y = [[0],         # y is 4x1: one answer per row, a column as in the post
     [1],
     [1],
     [0]]


# 2. Matrix helpers -------------------------------------------------------
#
# A matrix is a list of rows, each a list of numbers. Each helper is NumPy's
# whole-matrix arithmetic written out as loops. Its first line asks Part 2
# whether the shapes fit, as NumPy does: a mistake stops with a message,
# not a wrong answer (train and predict check the numbers, once). Lines
# starting >>> are examples: what you type at Python's prompt (... goes
# on), then what Python answers.

def transpose(m):
    """Turn rows into columns: row i of the result is column i of m.

    >>> transpose([[1, 2, 3],
    ...            [4, 5, 6]])
    [[1, 4], [2, 5], [3, 6]]
    """
    check_shapes("transpose", m)
    result = []
    for i in range(len(m[0])):  # column i of m, read down the rows
        new_row = []
        for row in m:
            new_row.append(row[i])
        result.append(new_row)
    return result


def dot(a, b):
    """Matrix product: entry [i][j] is row i of a times column j of b,
    number by number, added up. (n x k) times (k x m) gives (n x m).

    >>> dot([[1, 2],
    ...      [3, 4]], [[5],
    ...                [6]])    # 1*5 + 2*6 and 3*5 + 4*6
    [[17.0], [39.0]]
    """
    check_shapes("dot", a, b)  # a's rows as long as b's columns
    ks, js = range(len(b)), range(len(b[0]))  # b's rows, b's columns
    result = []
    for row in a:
        new_row = []
        for j in js:
            total = 0.0
            # first to last, as NumPy adds: another order can change a digit
            for k in ks:
                total += row[k] * b[k][j]
            new_row.append(total)
        result.append(new_row)
    return result


def add(a, b, times=1.0):
    """Elementwise a + times x b: each number plus the one in the same place
    of b (times 1, unless given: section 4's loop gives alpha, its step).

    >>> add([[1], [2]], [[0.5], [0.25]])
    [[1.5], [2.25]]
    """
    check_shapes("add", a, b)  # the same shape
    columns, result = range(len(a[0])), []
    for row_a, row_b in zip(a, b):  # a row of a and its partner in b
        new_row = []
        for c in columns:  # the numbers in column c of each
            new_row.append(row_a[c] + times * row_b[c])
        result.append(new_row)
    return result


def subtract(a, b):
    """Elementwise a - b, number by number.

    >>> subtract([[0], [1]], [[0.25], [0.5]])
    [[-0.25], [0.5]]
    """
    check_shapes("subtract", a, b)  # the same shape
    columns, result = range(len(a[0])), []
    for row_a, row_b in zip(a, b):
        new_row = []
        for c in columns:
            new_row.append(row_a[c] - row_b[c])
        result.append(new_row)
    return result


def multiply(a, b):
    """Elementwise a * b, number by number: NOT the matrix product (dot).

    >>> multiply([[2, 3]], [[0.5, 10]])
    [[1.0, 30]]
    """
    check_shapes("multiply", a, b)  # the same shape
    columns, result = range(len(a[0])), []
    for row_a, row_b in zip(a, b):
        new_row = []
        for c in columns:
            new_row.append(row_a[c] * row_b[c])
        result.append(new_row)
    return result


# 3. The sigmoid and its slope --------------------------------------------
#
# The S-curve: sigmo(x) squashes any x into (0, 1). At each o the slope is
# out * (1 - out), where out = sigmo(x) (what sigmo(out, True) returns):
#  1.0 |                                  **********o****
#      |                             ***o*
#      |                          ***
#  0.5 |                       *o*
#      |                    ***
#      |               *o***
#  0.0 |****o**********
#      +----+-----------+-------+-------+-----------+----
#          -5          -2       0       2           5   x
#  slope 0.0066       0.105   0.25    0.105      0.0066
# Steep in the middle: an unsure guess moves most. Flat at the ends: a
# confident guess, even a wrong one, barely moves (at x = 5, 1/38 as much).

def sigmo(x, deriv=False):
    """The post's sigmoid of one number, 1 / (1 + e**-x): any number squashed
    into (0, 1), or to the nearest float, 0.0 or 1.0, for large ones.

    >>> sigmo(0), sigmo(-1000), sigmo(1000)
    (0.5, 0.0, 1.0)

    With deriv=True, the slope there: out * (1 - out), from the OUTPUT out =
    sigmo(x), NOT from x (the loop has its outputs, l1, at hand). Passing
    the input instead is the classic mistake:

    >>> sigmo(sigmo(0), True)     # right: the slope at x = 0 is 0.25
    0.25
    >>> sigmo(0, True)            # wrong: 0 read as an output, slope 0
    0.0
    """
    if deriv:
        return x * (1.0 - x)  # x is an output of the sigmoid
    try:
        return 1.0 / (1.0 + math.exp(-x))
    except (OverflowError, ValueError):  # e**-x is beyond a float (x past
        return 0.0 if x < 0 else 1.0  # -709.78; MicroPython: ValueError)


def sigmo_each(m, deriv=False):
    """sigmo of every number in matrix m (NumPy does this without asking).

    >>> sigmo_each([[0], [1000]])
    [[0.5], [1.0]]
    """
    result = []
    for row in m:
        new_row = []
        for x in row:
            new_row.append(sigmo(x, deriv))
        result.append(new_row)
    return result


# 4. Training: the post's loop --------------------------------------------
#
# The network of lesson 1, for one row of X: each input times its weight,
# all added up, squashed by sigmo. dot does it for every row at once: X
# (4x3) times syn0 (3x1: one weight per input, so 3 rows) gives 4x1, one
# sum per row. It counts as "2-layer": two layers of numbers, the inputs
# l0 and the guess l1, joined by one layer of weights, syn0 ("synapse 0").
# (The post calls l1 the "hidden layer": lesson 1 has none, l1 is the
# output. And syn0 is 3x1, one weight per input; the post says "3 X 4".)
#
#   l0           syn0
#   input 1 ---- syn0[0][0] --\
#   input 2 ---- syn0[1][0] ---+--> sum --> sigmo --> l1, the guess
#   bias (1) --- syn0[2][0] --/
#
# Learning: the loop makes E = 1/2 x the sum over the rows of (y - l1)**2,
# the total error, small, a step downhill each time round. The miss and
# the slope in it go back from the guess to each weight: backpropagation.

def train(X, y, iterations=10000, seed=1, init="post", on_step=None,
          alpha=1.0, syn0=None):
    """Train lesson 1's network on the table X, y; return (l1, syn0).

    l1: the guesses of the last iteration, made before its update (the post
    prints those); syn0: the weights after it. seed: the first number of the
    formula that makes the "random" starting weights: the same seed, the
    same numbers (Part 2, A). init: "post" (random_sample, the post's code)
    or "tutorial" (2 x random_sample - 1, which made the post's printed
    output). alpha: the step size, or learning rate (the post: 1). syn0:
    weights to start from, such as ones you kept. on_step(itr, l1,
    l1_error, l1_delta, syn0), if given, is called after each iteration.
    """
    # Part 2 checks what you gave (one clear line if something is off),
    # makes each number a float, and draws syn0 unless given. Lesson 1 needs
    # no random start: from syn0=[[0], [0], [0]] it learns the table as well
    # (0.00967, 0.99212, 0.99359, 0.00786); lesson 2 does (section 6).
    X, y, syn0 = check_start(X, y, [syn0], seed, init, iterations, alpha,
                             on_step)
    return learn(X, y, syn0, iterations, alpha, on_step)


def learn(X, y, syn0, iterations, alpha=1.0, on_step=None):
    """The post's loop, on what train has checked; return (l1, syn0)."""
    l1 = sigmo_each(dot(X, syn0))  # the guess untrained, if iterations is 0
    for itr in range(iterations):
        # l0, 4x3: the inputs, one row per example
        l0 = X
        # the guess: each row's inputs weighed and added up (4x3 . 3x1 ->
        # 4x1), each sum squashed into (0, 1): l1 is 4x1, a guess per row
        l1 = sigmo_each(dot(l0, syn0))
        # how much did we miss? 4x1 - 4x1 -> 4x1, + where the answer is
        # higher than the guess. (E is 1/2 x the sum of their squares: nudge
        # a guess up a tiny d, E falls about miss x d; the 1/2 cancels the 2.)
        l1_error = subtract(y, l1)
        # delta: how fast E falls as a row's SUM grows: the miss times the
        # slope, 4x1 * 4x1 -> 4x1, as rates multiply (the chain rule): if the
        # guess rises 0.25 per 1 of sum and E falls 0.5 per 1 of guess, E
        # falls 0.25 x 0.5 = 0.125 per 1 of sum. A confident guess (flat
        # slope, near 0 or 1) barely moves; an unsure one moves most.
        l1_delta = multiply(l1_error, sigmo_each(l1, True))
        # each weight's share of that: its input times delta, added over the
        # rows, is how fast E falls as the weight grows. transpose(l0) is
        # 3x4, a row per input, so 3x4 . 4x1 -> 3x1, syn0's shape. += moves
        # downhill (texts whose error is l1 - y write -=); alpha sizes the
        # step, and an input of 0 moves nothing.
        syn0 = add(syn0, dot(transpose(l0), l1_delta), alpha)
        if on_step is not None:
            on_step(itr, l1, l1_error, l1_delta, syn0)
    check_finite([syn0], alpha)  # Part 2: stop if a weight overflowed
    return l1, syn0  # l1: the guess before the last update; syn0: after it


# Worked example, the post's iteration 0 (python3 nn_pure.py --explain
# prints it all). syn0 starts at 0.41702200, 0.72032449, 0.00011437 (8
# decimals). Input 1 is 1 in rows 2 and 3 only, so only their deltas move
# its weight: 0.41702200 + 0.04463427 + 0.09510316 = 0.55675943 on paper
# (0.55675944 from the unrounded numbers, as the post prints); both rows
# were guessed below their 1, so it grows. The bias is 1 in every row: all
# four deltas move its weight, 0.00011437 - 0.12500715 + 0.04463427 +
# 0.09510316 - 0.14811148 = -0.13326683 (-0.13326682 unrounded).
# alpha sizes each step (python3 nn_pure.py --alpha 10 --plot); too large
# overshoots: x1000, the updates above send row 2's sum to about -96, its
# guess to almost 0, where the slope is flat: there it stays.


# 5. Asking the trained network about new inputs --------------------------

def predict(x, syn0, syn1=None):
    """The network's guess for new inputs: the forward pass alone, no update.

    x: one row of inputs, or a matrix of rows; a guess per row comes back.
    With syn1 too, lesson 2's network. Keep the bias at 1, as X's rows do.

    >>> l1, syn0 = train(X, y)     # l1[2], before the last update: 0.99358961
    >>> predict([1, 0, 1], syn0)   # X's row 3, after it
    [[0.9935899359127875]]
    >>> predict([0, 0, 0], syn0)   # bias off, to show what it is for: 0.5
    [[0.5]]
    """
    x, weights = check_rows(x, [syn0, syn1])  # Part 2: one row -> a matrix
    return forward(x, *weights)


def forward(x, syn0, syn1=None):
    """The loops' guess, on checked numbers: l1, or with syn1, l2."""
    l1 = sigmo_each(dot(x, syn0))
    if syn1 is None:
        return l1
    return sigmo_each(dot(l1, syn1))


# 6. Lesson 2: the hidden layer the post left unwritten -------------------
#
# The post stops here ("still being written"). The tutorial goes on with a
# harder table: the output is 1 when exactly one of the first two inputs is
# 1 (XOR). The third input is the bias again. Its rows are in the
# tutorial's order, so its printed rows line up with ours: the order
# changes nothing learned (each step adds over all rows; at most a digit).
#
#     Inputs  Output
#     0 0 1   0
#     0 1 1   1
#     1 0 1   1
#     1 1 1   0
#
# No single input tells the answer, and one layer of weights cannot learn
# it: a weight adds the same whenever its input is 1, but 0 0 1 -> 0 and
# 1 0 1 -> 1 need input 1's weight above 0, and 0 1 1 -> 1 and 1 1 1 -> 0
# need it below 0 (python3 nn_pure.py --table xor: stuck at 0.5). So the
# tutorial puts a hidden layer l1 between the input l0 and the output, now
# l2: 3 layers of numbers, 2 of weights. Each hidden unit (one number of l1
# per row, a "neuron") is itself a small lesson-1 network and learns some
# simpler table; the output combines them. With seed 1, the four units
# come out close to (A: input 1, B: input 2) A OR NOT B, A AND NOT B, NOR
# ("neither is 1") and NAND ("not both"); XOR is (not NOR) and NAND: at
# least one, but not both. Other starting weights give other units.

X_xor = [[0, 0, 1],
         [0, 1, 1],
         [1, 0, 1],
         [1, 1, 1]]

y_xor = [[0], [1], [1], [0]]  # 1 when exactly one of inputs 1, 2 is 1
# Lesson 2's network: four sums like lesson 1's, side by side, make the
# hidden layer l1 (syn0 is 3x4: each input reaches each unit); syn1 (4x1)
# weighs l1's four numbers into one more sum; sigmo makes it the guess, l2:
#   l0       syn0 (3x4)                 l1     syn1 (4x1)
#   input 1 --\    /--> sum -> sigmo -> unit 1 --\
#   input 2 ---+--+---> sum -> sigmo -> unit 2 ---\
#   bias 1 ---/    \--> sum -> sigmo -> unit 3 ----+-> sum -> sigmo -> l2
#                   \-> sum -> sigmo -> unit 4 ---/


def train_hidden(X, y, hidden=4, iterations=60000, seed=1, on_step=None,
                 alpha=1.0, syn0=None, syn1=None):
    """Train the tutorial's 3-layer network; return (l2, syn0, syn1).

    l2: the output in the last iteration, before its update. Both weight
    matrices start as the tutorial's, 2 x random - 1, the random numbers
    NumPy draws from seed, syn0 first (or give both, to go on from them).
    on_step(itr, l1, l2, l2_error, l2_delta, l1_error, l1_delta, syn1,
    syn0), if given, is called after each iteration.

    >>> l2, syn0, syn1 = train_hidden(X_xor, y_xor, iterations=5000)
    >>> [round(row[0]) for row in l2]
    [0, 1, 1, 0]
    """
    # Why random starts: hidden units that start with equal weights get
    # equal updates, stay equal and learn the same thing (from all 0s, XOR
    # stays at 0.5); random ones start apart and learn different things.
    X, y, syn0, syn1 = check_start(X, y, [syn0, syn1], seed, "tutorial",
                                   iterations, alpha, on_step, hidden)
    return learn_hidden(X, y, syn0, syn1, iterations, alpha, on_step)


def learn_hidden(X, y, syn0, syn1, iterations, alpha=1.0, on_step=None):
    """The tutorial's loop (n rows, m inputs, h hidden units; 4, 3 and 4
    for XOR); return (l2, syn0, syn1)."""
    l2 = forward(X, syn0, syn1)  # the guess untrained, if iterations is 0
    for itr in range(iterations):
        # the guess, layer by layer: n x m . m x h -> n x h, then n x 1
        l0 = X
        l1 = sigmo_each(dot(l0, syn0))
        l2 = sigmo_each(dot(l1, syn1))
        # how much the output missed, times its slope (as in learn): n x 1
        l2_error = subtract(y, l2)
        l2_delta = multiply(l2_error, sigmo_each(l2, True))
        # named like lesson 1's miss, but hidden units have no answers: it is
        # how fast E falls as each hidden number grows (the chain rule
        # again), each row's l2_delta times the syn1 weight that carried that
        # number on (n x 1 . 1 x h -> n x h, nothing added up): a weight of
        # -8 makes a hidden number fall where the output should rise.
        l1_error = dot(l2_delta, transpose(syn1))
        l1_delta = multiply(l1_error, sigmo_each(l1, True))
        # move each weight by its input x delta, added over the rows:
        # h x n . n x 1 -> h x 1 (syn1), m x n . n x h -> m x h (syn0)
        syn1 = add(syn1, dot(transpose(l1), l2_delta), alpha)
        syn0 = add(syn0, dot(transpose(l0), l1_delta), alpha)
        if on_step is not None:
            on_step(itr, l1, l2, l2_error, l2_delta, l1_error, l1_delta,
                    syn1, syn0)
    check_finite([syn0, syn1], alpha)  # Part 2: as in learn
    return l2, syn0, syn1


# 7. Check it yourself ------------------------------------------------------

def error(X, y, syn0, syn1=None):
    """E = 1/2 x the sum over the rows of (y - guess)**2, the total error
    the loops make smaller: 0 when every guess is right."""
    X, y = check_table(X, y)  # Part 2, as in train; then the weights:
    weights = check_weights([syn0, syn1], len(X[0]))  # [syn0] or both
    # *weights passes the list's items along: forward(X, syn0(, syn1))
    return half_squares(subtract(y, forward(X, *weights)))


def half_squares(misses):
    """1/2 x the sum of the squares: E, from the misses y - guess."""
    return 0.5 * sum(miss[0] ** 2 for miss in misses)


def gradient_check(X, y, syn0, syn1=None, h=1e-5):
    """Is the update downhill? For each weight, syn0's first: (name, i, j,
    update, numerical): what one iteration of the loop as the file now has
    it adds (alpha 1), and how fast E falls as this weight alone grows,
    measured (slope). They agree, number for number, only if the update is
    E's downhill slope: a wrong sign or slope shows."""
    X, y, weights, h = check_network(X, y, [syn0, syn1], h)  # Part 2
    loop = learn if len(weights) == 1 else learn_hidden
    moved = loop(X, y, *weights, iterations=1)[1:]  # the loop, once
    rows = []
    for k, w in enumerate(weights):
        for i in range(len(w)):
            for j in range(len(w[0])):
                rows.append(("syn%d" % k, i, j, moved[k][i][j] - w[i][j],
                             slope(X, y, weights, k, i, j, h)))
    return rows


def slope(X, y, weights, k, i, j, h=1e-5):
    """How fast E falls as weights[k][i][j] alone grows, measured: E with
    the weight nudged h up, and h down, and the difference over 2h."""
    row, saved = weights[k][i], weights[k][i][j]
    row[j] = saved + h  # nudge the weight up...
    up = half_squares(subtract(y, forward(X, *weights)))
    row[j] = saved - h  # ...and down
    down = half_squares(subtract(y, forward(X, *weights)))
    row[j] = saved
    return -(up - down) / (2 * h)


# ===========================================================================
# Part 2: the machinery. A student may stop reading here.
# ===========================================================================
# A. NumPy's random numbers. B. The door: what comes in is checked once.
# C. Printing as NumPy prints. D. What the lesson says. E. The chart.
# F. CSV tables. G. --explain, --check. H. The calculator edition.
# I. Pictures. J. A run, and the command line.

# Python 2, and CPython before 3.6, would run this file wrongly: say so in
# one line. (MicroPython calls itself 3.4 and is let in.)
if sys.version_info[0] < 3 or (sys.version_info[:2] < (3, 6) and getattr(
        getattr(sys, "implementation", None), "name", "cpython")
        in ("cpython", "pypy")):
    OLD_PYTHON = ("nn_pure.py needs Python 3.6 or newer; this is Python %d.%d"
                  ".%d: run it with python3" % tuple(sys.version_info[:3]))
    if __name__ != "__main__":
        raise ImportError(OLD_PYTHON)  # import nn_pure: the prompt stays
    sys.stderr.write(OLD_PYTHON + "\n")
    sys.exit(1)

__all__ = [  # what "from nn_pure import *" gives: the lesson's names
    "X", "y", "transpose", "dot", "subtract", "multiply", "add", "sigmo",
    "sigmo_each", "train", "predict", "X_xor", "y_xor", "train_hidden",
    "RandomState", "format_matrix", "mean_abs", "python2_str", "text_chart",
    "read_table", "lesson", "error", "gradient_check", "draw"]


# A. Where the "random" starting weights come from -------------------------
#
# Random numbers come from a formula, each from the one before and the first
# from the seed: the same seed, the same numbers. NumPy's random_sample uses
# the Mersenne Twister, MT19937 (Matsumoto and Nishimura, 1998): here it is
# in plain Python, so that nn_pure starts from exactly NumPy's numbers.

class RandomState:
    """NumPy's legacy generator: RandomState(1).random_sample((3, 1)) is
    np.random.seed(1); np.random.random_sample((3, 1)), bit for bit.

    >>> RandomState(1).random_sample((3, 1))
    [[0.417022004702574], [0.7203244934421581], [0.00011437481734488664]]
    """

    def __init__(self, seed):  # MT19937's init_genrand
        self.state = [whole("seed", seed, 0, 2 ** 32 - 1)] + [0] * 623
        for i in range(1, 624):
            previous = self.state[i - 1]
            self.state[i] = (1812433253 * (previous ^ (previous >> 30))
                             + i) & 0xFFFFFFFF
        self.index = 624  # all 624 used up: the first draw mixes a new batch

    def next_uint32(self):
        """The next whole number from 0 to 2**32 - 1."""
        if self.index == 624:
            self.twist()
        number = self.state[self.index]
        self.index += 1
        # "Tempering": shuffle the bits so that neighbours look unrelated.
        number ^= number >> 11
        number ^= (number << 7) & 0x9D2C5680
        number ^= (number << 15) & 0xEFC60000
        return number ^ (number >> 18)

    def twist(self):
        """Compute the next 624 state numbers from the current ones."""
        state = self.state
        for i in range(624):
            bits = ((state[i] & 0x80000000)
                    | (state[(i + 1) % 624] & 0x7FFFFFFF))
            state[i] = state[(i + 397) % 624] ^ (bits >> 1)
            if bits & 1:
                state[i] ^= 0x9908B0DF
        self.index = 0

    def random(self):
        """One float in [0, 1), as NumPy makes it: 27 bits from one draw and
        26 from the next, a * 2**26 + b, a whole number below 2**53 / 2**53."""
        a = self.next_uint32() >> 5
        b = self.next_uint32() >> 6
        return (a * 67108864 + b) / 9007199254740992

    def random_sample(self, size):
        """A rows x columns matrix of floats in [0, 1), filled row by row."""
        size = from_numpy(size)
        rows, columns = size if isinstance(size, (tuple, list)) and len(
            size) == 2 else (size, None)  # rows x columns, a million at most
        rows = whole("random_sample's rows", rows, 1, 10 ** 6)
        columns = whole("random_sample's columns", columns, 1, 10 ** 6 // rows)
        return [[self.random() for _ in range(columns)] for _ in range(rows)]

def starting_weights(columns, seed, init):
    """syn0 before training: one weight per input column, drawn at random."""
    if init not in ("post", "tutorial"):
        raise ValueError("init must be 'post' or 'tutorial', got %s"
                         % describe(init))
    weights = RandomState(seed).random_sample((columns, 1))
    return weights if init == "post" else plus_minus_one(weights)

def starting_weights_hidden(columns, hidden, seed):
    """syn0 (columns x hidden) and syn1 (hidden x 1) before training: the
    tutorial's 2 * random_sample - 1, syn0 drawn first."""
    random = RandomState(seed)
    syn0 = plus_minus_one(random.random_sample((columns, hidden)))
    return syn0, plus_minus_one(random.random_sample((hidden, 1)))

def plus_minus_one(m):
    """2 * m - 1: random numbers in [0, 1) spread to [-1, 1)."""
    return [[2 * value - 1 for value in row] for row in m]


# B. The door ----------------------------------------------------------------
#
# What a function you call is given is checked once where it comes in, by
# a check_ function, and made floats; nothing after checks it again. A
# mistake is one line: a ValueError or TypeError, what was wrong, expected.

MOST = {"iterations": 10 ** 8, "hidden": 1000}  # 10**8: half an hour here

def check_shapes(operation, a, b=None):
    """Stop unless a (and b) are matrices whose shapes fit the operation."""
    try:
        width = len(a[0])
        fits = width > 0 and not isinstance(a, str)
        for row in a:
            if len(row) != width:
                fits = False
        if b is not None:
            other = len(b[0]) if not isinstance(b, str) else -1
            for row in b:
                if len(row) != other:
                    fits = False
            fits = fits and (width == len(b) if operation == "dot" else
                             len(a) == len(b) and width == other)
    except (TypeError, KeyError, IndexError):  # a number, or a dict
        fits = False
    if not fits:
        raise ValueError(shapes_message(operation, a, b))

def shapes_message(operation, a, b):
    """Why a (and b) do not fit the operation, in one line."""
    shapes = []
    for which, m in zip(("first", "second"), (a, b) if b is not None else [a]):
        if not (isinstance(m, (list, tuple)) and m and all(
                isinstance(row, (list, tuple)) and row for row in m)):
            return ("%s: the %s matrix is %s; expected a list of rows of "
                    "numbers, such as [[1, 2], [3, 4]]" % (
                        operation, which, describe(m)))
        widths = sorted(set(map(len, m)))
        if len(widths) > 1:
            return ("%s: the %s matrix has rows of %s numbers; expected one "
                    "length in every row" % (operation, which, " and ".join(
                        map(str, widths))))
        shapes.append("%dx%d" % (len(m), widths[0]))
    return "%s: shapes %s do not fit; expected %s" % (
        operation, " and ".join(shapes), "the first's columns to equal the "
        "second's rows" if operation == "dot" else "one shape")

def check_start(X, y, weights, seed, init, iterations, alpha, on_step,
                hidden=None):
    """train's door: [X, y, syn0(, syn1)], the weights drawn unless given."""
    X, y = check_table(X, y)
    whole("iterations", iterations, 0, MOST["iterations"])
    if number(alpha, "alpha") <= 0:
        raise ValueError("alpha, the step size, must be above 0, got %r"
                         % alpha)
    if on_step is not None and not callable(on_step):
        raise TypeError("on_step must be a function (or None), got %s"
                        % describe(on_step))
    if all(w is None for w in weights) and len(weights) == 1:
        return [X, y, starting_weights(len(X[0]), seed, init)]
    if all(w is None for w in weights):
        hidden = whole("hidden", hidden, 1, MOST["hidden"])
        return [X, y] + list(starting_weights_hidden(len(X[0]), hidden, seed))
    if any(w is None for w in weights):
        raise TypeError("give syn0 and syn1 together, or neither")
    return [X, y] + check_weights(weights, len(X[0]))

def check_weights(weights, columns):
    """[syn0(, syn1)] as floats that fit each other and `columns` inputs."""
    syn0 = matrix(weights[0], "syn0", (columns, None), "a row per input")
    if len(weights) == 1 or weights[1] is None:
        return [matrix(syn0, "syn0", (None, 1), "one column: the guess")]
    return [syn0, matrix(weights[1], "syn1", (len(syn0[0]), 1),
                         "a row per hidden unit, syn0's columns")]

def check_table(X, y):
    """X (n x m) and y (n x 1) as floats, y's answers from 0 to 1."""
    X = matrix(X, "X")
    y = matrix(y, "y", (len(X), 1), "an answer per row of X")
    for r, row in enumerate(y):
        if not 0 <= row[0] <= 1:
            raise ValueError("y[%d][0] is %r; expected a target from 0 to 1, "
                             "the range of the sigmoid" % (r, row[0]))
    return X, y

def check_rows(x, weights):
    """predict's x (a row, or a matrix) as floats that fit the weights."""
    weights, x = check_weights(weights, None), from_numpy(x)
    x = [x] if isinstance(x, (list, tuple)) and x and is_number(x[0]) else x
    x = matrix(x, "x", (None, len(weights[0])), "a number per row of syn0, "
               "one weight per input")
    check_sums(x, weights[0])
    return x, weights

def check_sums(x, syn0):
    """Stop if the sums of x times syn0 could pass the largest float."""
    if max(abs(v) for row in x for v in row) * max(abs(w) for row in syn0
                                                   for w in row) > 1e300:
        raise ValueError("the inputs times the weights overflow a float; "
                         "expected inputs of about -1..1 for weights this "
                         "large, or smaller inputs")

def check_network(X, y, weights, h=1e-5):
    """gradient_check's door: X, y, [syn0(, syn1)], and h, the nudge."""
    X, y = check_table(X, y)
    if not 1e-10 <= number(h, "h") <= 1:  # smaller: w + h is w
        raise ValueError("h, the nudge, must be from 1e-10 to 1, got %r" % h)
    return X, y, check_weights(weights, len(X[0])), number(h, "h")

def check_finite(weights, alpha):
    """Stop if training pushed a weight past the largest float, to inf."""
    if not all(math.isfinite(v) for m in weights for row in m for v in row):
        raise ValueError("the weights overflowed to inf or nan in training: "
                         "alpha %r is too large a step for this table; try a "
                         "smaller alpha, or inputs of about -1..1" % alpha)

def matrix(m, name, shape=(None, None), why="", finite=True):
    """m as a new matrix of floats: rows of numbers, all one length, of shape
    (rows, columns; None for any); why: what the shape is for."""
    m = from_numpy(m)
    if not isinstance(m, (list, tuple)) or not m or is_number(m[0]):
        raise ValueError("%s must be a matrix, a list of rows such as [[0, 1]"
                         ", [1, 1]] (not [0, 1]); got %s" % (name, describe(m)))
    width, result = len(from_numpy(m[0]) or ""), []
    for r, row in enumerate(map(from_numpy, m)):
        if not isinstance(row, (list, tuple)) or not row or len(row) != width:
            raise ValueError("%s row %d is %s; expected a list of %d numbers,"
                             " as row 0" % (name, r, describe(row), width))
        result.append([number(value, "%s[%d][%d]" % (name, r, c), finite)
                       for c, value in enumerate(row)])
    got = [len(result), width]
    if [want or have for want, have in zip(shape, got)] != got:
        raise ValueError("%s must be %sx%s (%s), got %dx%d" % tuple(
            [name] + [want or "n" for want in shape] + [why] + got))
    return result

def number(value, name, finite=True):
    """value as a float, or one line why not (finite=False: nan, inf too)."""
    if not is_number(value):
        raise TypeError("%s is %s; expected a number" % (name, describe(value)))
    try:
        if math.isfinite(float(from_numpy(value))) or not finite:
            return float(from_numpy(value))
    except OverflowError:  # an int beyond the largest float
        pass
    raise ValueError("%s is %s; expected a finite number"
                     % (name, describe(value)))

def whole(name, value, least, most):
    """value as a whole number from least to most, or one line why not."""
    value = from_numpy(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("%s must be a whole number from %d to %d, got %s"
                        % (name, least, most, describe(value)))
    if not least <= value <= most:
        raise ValueError("%s must be from %d to %d, got %d"
                         % (name, least, most, value))
    return value

def is_number(value):
    """True for an int or a float (NumPy's too), not for a bool or text."""
    value = from_numpy(value)
    return isinstance(value, (int, float)) and not isinstance(value, bool)

def from_numpy(value):
    """A NumPy array or number as lists or a number; else value as it is."""
    if hasattr(value, "tolist") and not isinstance(value, (list, tuple)):
        return value.tolist()
    return value

def describe(value):
    """A value for a message, cut to 30 characters: "'ten'", 'True (bool)'."""
    try:
        text = " ".join(repr(value).split())  # one line, even for arrays
    except RuntimeError:  # RecursionError: a list nested too deeply
        text = "[[[..."
    return cut(text) + " (%s)" % type(value).__name__ * (
        not isinstance(value, str))

def cut(text, most=30):
    """text, or its start and '...' when longer than most characters."""
    return text if len(text) <= most else text[:most - 3] + "..."


# C. Printing a matrix the way NumPy printed it in the post ------------------
#
# As NumPy 1.x printed for the post (np.set_printoptions(legacy='1.13'), by
# arrayprint.py): at most 8 decimals, trailing zeros as spaces, room for a
# sign; exponent form ("4.17022005e-01") when the smallest non-zero number
# is below 0.0001, the largest 1e8 or more, or over 1000 times the smallest.

def format_matrix(m):
    """Return the text NumPy prints for matrix m (legacy='1.13' style).

    >>> print(format_matrix([[0.25], [0.23943260844]]))
    [[ 0.25      ]
     [ 0.23943261]]
    >>> print(format_matrix([[0.417022004702574], [0.00011437481734488664]]))
    [[  4.17022005e-01]
     [  1.14374817e-04]]
    """
    m = matrix(m, "format_matrix: m", finite=False)
    numbers = [x for row in m for x in row]
    sizes = [abs(x) for x in numbers if x != 0 and math.isfinite(x)] or [1]
    exponent = (max(sizes) >= 1e8 or min(sizes) < 0.0001
                or max(sizes) > 1000 * min(sizes))
    texts = line_up([("%.8e" % x if exponent or not math.isfinite(x) else
                      decimal_text(x)) for x in numbers])
    width = len(m[0])
    return "[" + "\n ".join(row_text(texts[i:i + width])
                            for i in range(0, len(texts), width)) + "]"

def row_text(texts, line_width=75):
    """One row in brackets; a row too long for the line wraps as NumPy's."""
    lines, line = [], "  "  # continued lines start under the first number
    for text in texts:
        if len(line) + len(text) > line_width:
            lines.append(line.rstrip())
            line = "  "
        line += text + " "
    return "[" + "\n".join(lines + [line[:-1]])[2:] + "]"

def decimal_text(x):
    """x with at most 8 decimals and no trailing zeros: 0.25 -> '0.25'. As
    NumPy: repr()'s shortest digits if they fit in 8 decimals, else rounded."""
    text = repr(x)  # a float's repr has a point or an e
    if "e" in text or len(text.partition(".")[2]) > 8:
        text = "%.8f" % x
    return text.rstrip("0")  # 1.0 -> '1.', as NumPy writes it

def line_up(texts):
    """The numbers padded to one width, lined up on the point (NumPy 1.13
    keeps room for a sign), every exponent as long as the longest."""
    special = [t in ("nan", "inf", "-inf") for t in texts]
    digits = max([len(t.split("e")[1]) - 1 for t in texts if "e" in t] or [0])
    texts = [t.split("e")[0] + "e" + t.split("e")[1][0] + pad_left(
        t.split("e")[1][1:], digits, "0") if "e" in t else t for t in texts]
    numbers = [t for t, odd in zip(texts, special) if not odd]
    before = 3 if digits else 1 + max(
        [len(t.split(".")[0].lstrip("-")) for t in numbers] or [0])
    after = max([len(t.partition(".")[2]) for t in numbers] or [0])
    if any(special):  # room for "-inf" (and "nan"), as NumPy
        before = max(before, 3 - after)
    return [pad_left(t, before + 1 + after) if odd else pad_left(
        t.split(".")[0], before) + "." + t.partition(".")[2] + " " * (
        after - len(t.partition(".")[2])) for t, odd in zip(texts, special)]

def pad_left(text, width, fill=" "):
    """text.rjust(width, fill), spelled out: MicroPython has no rjust."""
    return fill * (width - len(text)) + text

def number_text(x):
    """One number as NumPy prints it in a matrix: 0.99993704, 0.5."""
    return format_matrix([[x]])[2:-2].strip()

def number_word(value):
    """A number as short text that reads back as the same: 1.0 -> '1'."""
    value = float(value)
    return "%d" % value if value == int(value) and abs(value) < 1e16 else (
        repr(value))

def python2_str(number):
    """A float as the tutorial's Python 2 str() printed it, 12 digits:
    python2_str(0.49641003190272537) is '0.496410031903'."""
    text = "%.12g" % number
    if "e" not in text and 1e11 <= abs(number) < 1e300:  # as Python 2
        mantissa, power = ("%.11e" % number).split("e")
        text = mantissa.rstrip("0").rstrip(".") + "e" + power
    return text + ".0" * (not set(text) & set(".en"))  # 1.0, not 1

def mean_abs(m):
    """The mean of |number| over a matrix: mean_abs([[0.5], [-0.25]]) is
    0.375, how far off, on average."""
    check_shapes("mean_abs", m)
    total = 0.0
    for row in m:
        for x in row:
            total += abs(x)  # in order, as NumPy adds a few numbers
    return total / (len(m) * len(m[0]))


# D. What the lesson says of the trained network ---------------------------
#
# Each sentence is worked out from the numbers, so it is true for any table
# the lesson takes; where no sentence would be, none is said.

NEAR = 0.25  # learned: every guess is within 0.25 of its answer

# The 16 tables of two 0/1 inputs A, B by their outputs for 00 01 10 11.
TABLE_NAMES = {
    "0000": "always 0", "0001": "AND", "0010": "A AND NOT B", "0011": "A",
    "0100": "B AND NOT A", "0101": "B", "0110": "XOR", "0111": "OR",
    "1000": "NOR: neither is 1", "1001": "XNOR: both the same",
    "1010": "NOT B", "1011": "A OR NOT B", "1100": "NOT A",
    "1101": "B OR NOT A", "1110": "NAND: not both are 1", "1111": "always 1"}

def learned_lines(X, y, guesses, weights, seed=1):
    """What the lesson says of the trained network: learned, or why not."""
    missed = [r for r in range(len(y)) if abs(y[r][0] - guesses[r][0]) >= NEAR]
    if missed:
        return wrap("Not learned: the guess is off by %g or more in %s. %s"
                    % (NEAR, numbered("row", missed), why_not_learned(
                        X, y, guesses, missed, weights, seed)))
    lines = ["Learned: every guess is within %g of its answer." % NEAR]
    syn0, varying = [row[0] for row in weights[0]], varying_inputs(X)
    top = max([abs(syn0[c]) for c in varying] or [0])
    if len(weights) == 2:
        return lines  # the hidden units, named below, say more
    bias = bias_columns(X)
    if bias:
        lines += wrap("%s %s 1 in every row: the bias. %s, %s, %s added to "
                      "every row's sum." % (numbered("Input", bias), "is" if
                      len(bias) == 1 else "are", "Its weight" if len(bias) ==
                      1 else "Their weights", " and ".join(number_text(
                          syn0[c]) for c in bias), "is" if len(bias) == 1
                      else "are"))
    if top == 0 or all(row == y[0] for row in y):
        return lines  # nothing to follow, or one answer for every row
    large = [c for c in varying if abs(syn0[c]) >= top / 2]
    ways = [way + " " + numbered("input", [c for c in large if (
        syn0[c] > 0) == up]) for way, up in (("rises with", True), (
            "falls with", False)) if any((syn0[c] > 0) == up for c in large)]
    return lines + wrap("Of the inputs that vary, %s %s %s%s: the guess %s." % (
        numbered("input", large), "has the largest weight," if len(large) == 1
        else "have the largest weights,", " and ".join(
            number_text(syn0[c]) for c in large), " (each at least half the "
        "largest)" * (len(large) > 1), " and ".join(ways)))

def why_not_learned(X, y, guesses, missed, weights, seed):
    """One reason the numbers show, with what to try."""
    flat = [r for r in missed if min(guesses[r][0], 1 - guesses[r][0]) < 1e-3]
    twins = [(s + 1, r + 1) for r in range(len(X)) for s in range(r)
             if X[r] == X[s] and y[r] != y[s]]
    zeros = [r + 1 for r in missed if not any(X[r])]
    name = TABLE_NAMES.get(table_key(X, y), "").split(":")[0]
    if twins:  # the same inputs: one guess, whatever the weights
        return ("Rows %d and %d have the same inputs, so the same guess, but "
                "different answers: no network can learn both." % twins[0])
    if flat:
        return ("In %s the guess is within 0.001 of 0 or 1, where the slope "
                "x*(1-x) is nearly 0 and the miss barely moves the weights: "
                "%s." % (numbered("row", flat), "scale the inputs to about "
                         "-1..1" if max(abs(v) for row in X for v in row) > 10
                         else "try a smaller --alpha"))
    if len(weights) == 2 and len(weights[1]) == 1:
        return ("One hidden unit can only rise or fall with its one sum, like"
                " a network without a hidden layer: try --hidden 2 or more.")
    if len(weights) == 2:
        more = min(2 * len(weights[1]), MOST["hidden"])
        return ("Training starts from random weights and does not always end"
                " well: try %sanother seed (--seed %d)." % (
                    "more hidden units (--hidden %d) or " % more
                    * (more > len(weights[1])), (seed + 1) % 2 ** 32))
    if zeros:
        return ("Row %d is all 0s: every weight times 0 is 0, so its guess is"
                " 0.5 whatever the training. Add a bias: an input that is 1 "
                "in every row." % zeros[0])
    if name in ("XOR", "XNOR"):
        return ("Without a hidden layer the guess can only rise or fall with "
                "each input, the same way in every row, and %s needs both "
                "ways: give it a hidden layer, --hidden 4." % name)
    return "Try more --iterations, or a larger --alpha%s." % (
        ", or a hidden layer (--hidden 4)" * all(abs(g[0] - 0.5) < 0.05
                                                 for g in guesses))

def varying_inputs(X):
    """The inputs (columns) that are not the same in every row."""
    return [c for c in range(len(X[0])) if any(row[c] != X[0][c] for row in X)]

def bias_columns(X):
    """The inputs that are 1 in every row: the bias."""
    return [c for c in range(len(X[0])) if all(row[c] == 1 for row in X)]

def table_key(X, values):
    """'0110' (XOR) and the like: values (a column) rounded to 0 or 1 for
    A B = 00 01 10 11, when those are two inputs of X, each pair once."""
    a_b = varying_inputs(X)
    if len(a_b) != 2 or len(X) != 4:
        return None
    pairs = dict(((row[a_b[0]], row[a_b[1]]), "%d" % (v[0] >= 0.5))
                 for row, v in zip(X, values))
    return "".join(pairs[pair] for pair in sorted(pairs)) if sorted(
        pairs) == [(0, 0), (0, 1), (1, 0), (1, 1)] else None

def numbered(word, items):
    """numbered("row", [0, 3]) is 'rows 1 and 4' (items count from 0); past
    eight, the first six and how many more."""
    texts = [str(item + 1) for item in items]
    if len(texts) > 8:
        texts = texts[:6] + ["%d more" % (len(texts) - 6)]
    return "%s%s %s" % (word, "s" * (len(texts) > 1), ", ".join(texts[:-1])
                        + " and " * (len(texts) > 1) + texts[-1])

def wrap(text, width=79, indent=""):
    """text as lines of at most `width` characters, broken at spaces."""
    lines = [indent]
    for word in text.split():
        if lines[-1].strip() and len(lines[-1]) + len(word) >= width:
            lines.append(indent)
        lines[-1] += " " * (lines[-1].strip() != "") + word
    return lines

def guess_lines(rows, X, weights):
    """The guesses for new rows, each with a note where the bias is not 1,
    as it is in every row of the table."""
    lines = ["Guesses for new rows :"] * (len(rows) > 0)
    if rows:  # the weights are new here: their sums with the rows must fit
        check_sums(rows, weights[0])
    for row, guess in zip(rows, forward(rows, *weights) if rows else []):
        lines.append("  [%s] -> %s" % (", ".join(map(number_word, row)),
                                       number_text(guess[0])))
        off = [c for c in bias_columns(X) if row[c] != 1]
        if off and len(weights) == 1 and not any(row):
            lines[-1] += "  (every input 0, the bias too: sigmo(0) = 0.5)"
        elif off:
            lines += wrap("(%s, the bias, is not 1 here as in every row of the "
                          "table: the table did not teach this guess)"
                          % numbered("input", off), indent="    ")
    return lines

def hidden_units(X, syn0):
    """Lines naming the table of two 0/1 inputs each hidden unit learned;
    none unless the table is one of those (as XOR)."""
    l1 = forward(X, syn0)
    keys = [table_key(X, [[h[unit]] for h in l1]) for unit in range(len(
        syn0[0]))]
    if None in keys:
        return []
    a, b = varying_inputs(X)
    return ["What each hidden unit learned: its output, rounded, for A B = 00"
            " 01 10 11", "(A is input %d, B is input %d) :" % (a + 1, b + 1)
            ] + ["unit %d: %s  %s" % (unit + 1, " ".join(key), TABLE_NAMES[
                key]) for unit, key in enumerate(keys)]

def e_notation(lines):
    """[a line saying what e-notation is] if the lines print a number in it."""
    for word in " ".join(lines).replace("[", " ").replace("]", " ").split():
        digits, e, power = word.partition("e")  # not "one-row": +/- digits
        if e and power[:1] in "+-" and power[1:].isdigit() and int(power):
            power = int(power)  # (e+00 moves nothing: no note)
            return ["(%s is %s x 10**%d: the point moves %d place%s %s.)" % (
                word, digits, power, abs(power), "s" * (abs(power) != 1),
                "left" if power < 0 else "right")]
    return []


# E. The learning curve: a chart in plain text ------------------------------

def sample_points(iterations, width=30):
    """Which iterations the chart's `width` columns show, spread evenly:
    sample_points(60000, 4) is [0, 19999, 39999, 59999]."""
    return [k * iterations // width if iterations < width else k * (
        iterations - 1) // (width - 1) for k in range(width)] * (iterations > 0)

def text_chart(errors, iterations, height=8):
    """The mean |error| (errors: for each of sample_points(iterations)) as
    '*' in 40 columns; on a log scale if it falls more than tenfold."""
    iterations = whole("iterations", iterations, 0, MOST["iterations"])
    height = whole("text_chart's height", height, 2, 100)  # 100: 2 screens
    if not isinstance(errors, dict):
        raise TypeError("text_chart: errors must be a dict, got %s"
                        % describe(errors))
    values = [number(errors.get(itr), "text_chart: errors[%d]" % itr)
              for itr in sample_points(iterations)]
    if iterations == 0:
        return "(no iterations ran: nothing to plot)"
    top, bottom = max(values), min(values)
    log = bottom > 0 and top / bottom > 10
    scale, bottom = (math.log, bottom) if log else (float, 0.0)
    rows = [[" "] * len(values) for _ in range(height)]
    for column, value in enumerate(values):
        rows[int(round((scale(top) - scale(value)) / (scale(top) - scale(
            bottom)) * (height - 1))) if top != bottom else -1][column] = "*"
    labels = ["%.3g" % top] + [""] * (height - 2) + ["%.3g" % bottom]
    gap = len(values) - len(str(iterations)) - 11
    return "\n".join(["mean |error|" + " (log scale)" * log] + [
        (pad_left(label, 8) + " |" + "".join(row)).rstrip()
        for label, row in zip(labels, rows)] + [
        " " * 9 + "+" + "-" * len(values), " " * 10 + "0" + " " * (gap // 2)
        + "iterations" + " " * (gap - gap // 2) + str(iterations)])


# F. A student's own table, from a CSV file ----------------------------------
#
# A lesson's table, not a data set (for that, use NumPy): at most 1 MB,
# 1,000 rows and 20 inputs, so that training takes minutes.

TABLE_LIMITS = (1000000, 1000, 20)  # bytes, rows, inputs

def read_table(path):
    """Read a CSV file into (X, y): each row the inputs, then the target, 0
    to 1. A header line, blank lines and # lines are skipped. Anything wrong
    is a ValueError naming the file, the line and what was expected."""
    path = getattr(path, "__fspath__", lambda: path)()  # a pathlib.Path too
    text, name, rows, header = read_text(path), shown_name(path), [], True
    # Lines end at \r\n, \r or \n (not at a form feed, as in splitlines)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for at, line in enumerate(lines, 1):
        fields = [field.strip().strip('"') for field in line.split(",")]
        values, where = [read_number(f) for f in fields], "%s: line %d" % (
            name, at)
        if not "".join(fields) or fields[0].startswith("#") or header and (
                values.count(None) == len(values)):
            header = header and (not "".join(fields) or fields[0][:1] == "#")
            continue  # a blank or comment line, or the header: names
        header, bad = False, [c for c, v in enumerate(values) if v is None or
                              not math.isfinite(v)]
        if bad:
            raise ValueError("%s, column %d: %r is not a finite number; "
                             "expected numbers separated by commas%s" % (
                                 where, bad[0] + 1, cut(fields[bad[0]]),
                                 separator_hint(line)))
        if len(values) != (len(rows[0]) if rows else max(2, len(values))):
            raise ValueError("%s has %d column(s); expected the inputs, then "
                             "the target, as many as the rows above (%s)" % (
                                 where, len(values), len(rows[0]) if rows
                                 else "2 or more"))
        if not 0 <= values[-1] <= 1:
            raise ValueError("%s: the target (last column) is %s; expected a "
                             "number from 0 to 1, the range of the sigmoid"
                             % (where, cut(fields[-1])))
        rows.append(values)
    if not rows:
        raise ValueError("%s has no rows of numbers%s; expected lines such as "
                         "0,1,1,0 (the inputs, then the target)" % (
                             name, separator_hint(text)))
    if len(rows) > TABLE_LIMITS[1] or len(rows[0]) > TABLE_LIMITS[2] + 1:
        raise ValueError("%s has %d rows of %d inputs; expected at most %d "
                         "rows of %d (for more, use NumPy)" % ((name, len(
                             rows), len(rows[0]) - 1) + TABLE_LIMITS[1:]))
    return [row[:-1] for row in rows], [[row[-1]] for row in rows]

def separator_hint(text):
    """' (it has tabs: separate the numbers with commas)', or ''."""
    for separator, name in (("\t", "tabs"), (";", "semicolons")):
        if separator in text:
            return " (it has %s: separate the numbers with commas)" % name
    return ""

def read_text(path):
    """The text of a regular file of at most TABLE_LIMITS[0] bytes."""
    import os, stat  # here: MicroPython has no stat
    if not isinstance(path, str):
        raise TypeError("the table's path must be a file name (str), got %s"
                        % describe(path))
    name = shown_name(path)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a pipe: no end
            raise ValueError("%s is not a file but a directory, a device or a"
                             " pipe; expected a CSV file" % name)
        with open(path, "rb") as file:
            data = file.read(TABLE_LIMITS[0] + 1)
    except OSError as error:
        raise ValueError("%s: %s; expected a CSV file" % (
            name, (error.strerror or "cannot be read").lower()))
    try:
        text = data.decode("utf-8-sig")  # -sig: without a byte-order mark
        bad = text.index("\0") if "\0" in text else None  # binary
    except UnicodeDecodeError as error:
        bad = error.start
    if bad is not None or len(data) > TABLE_LIMITS[0] or not data.strip():
        raise ValueError("%s is %s; expected a CSV file of numbers, at most %d"
                         " bytes (for more, use NumPy)" % (name, "empty" if not
                         data.strip() else "larger" if bad is None else
                         "not text (line %d)" % (data[:bad].count(b"\n") + 1),
                         TABLE_LIMITS[0]))
    return text

def shown_name(path):
    """A file name for a message: quoted when empty or not printable."""
    printable = path and all(" " <= ch != "\x7f" for ch in path)
    return path if printable else repr(path)

def read_number(text):
    """A number written plainly, as 0.5, -2, 1e-3 (nan and inf too), or None.
    (float() alone would also take 1_000 and other alphabets' digits.)"""
    plain = text.strip().lower()
    try:
        return float(plain) if plain.lstrip("+-") in (
            "nan", "inf", "infinity") or plain and all(
            ch in "0123456789+-.e" for ch in plain) else None
    except ValueError:
        return None


# G. See every step: --explain and --check, by the loop as the file has it

STEP_NAMES = {1: ["l1", "l1_error", "l1_delta", "syn0"],  # on_step's, by
              2: ["l1", "l2", "l2_error", "l2_delta", "l1_error",  # the
                  "l1_delta", "syn1", "syn0"]}  # number of weights

def loop_step(run, iteration):
    """The loop's matrices in that iteration by name; "before": the weights."""
    before = run_loop(run, iteration)[1:]
    step = {"l0": run["X"], "y": run["y"], "before": before}
    run_loop(run, 1, lambda itr, *matrices: step.update(zip(
        STEP_NAMES[len(before)], matrices)), before)
    return step

def explain_lines(X, y, iteration=0, hidden=None, seed=None, init=None,
                  alpha=None):
    """--explain K: iteration K of the loop as the file has it, number by
    number. Each result is what the numbers printed beside it give on
    paper; where the program's own, from unrounded numbers, differs in the
    last digit, the line says so."""
    run = check_run(X, y, hidden, dict(seed=seed, init=init, alpha=alpha))
    s = loop_step(run, whole("iteration", iteration, 0, MOST["iterations"]))
    last, alpha = len(s["before"]), number_word(run["alpha"])
    times = (alpha + " x ") * (alpha != "1")
    lines = ["Iteration %d, rounded to 8 decimals as --trace prints it; each "
             "result is what" % iteration, "the numbers beside it give on "
             "paper (rounded half up)"]
    for n in range(1, last + 1):  # the guess, layer by layer
        ins, w, out = s["l%d" % (n - 1)], s["before"][n - 1], s["l%d" % n]
        for head, r, c in part(lines, "l%d = sigmo(l%d . syn%d)" % (
                n, n - 1, n - 1), out):
            line, z = sum_line(head, ins[r], [row[c] for row in w], n == 1)
            lines += [line, " " * len(head) + "sigmo(%.8f) = %.8f" % (
                z, out[r][c])]
    for n in range(last, 0, -1):  # the miss, back from the output
        out, miss, delta = s["l%d" % n], s["l%d_error" % n], s["l%d_delta" % n]
        for head, r, c in part(lines, "l%d_error = %s; slope; delta" % (n, (
                "y - l%d" % n if n == last else "l2_delta . syn1.T")), out):
            o, e, slope = "%.8f" % out[r][c], "%.8f" % miss[r][c], sigmo(
                out[r][c], True)
            a, b = (number_word(s["y"][r][0]), o) if n == last else (
                "%.8f" % s["l2_delta"][r][0], "%.8f" % s["before"][1][c][0])
            lines += [head + "error %s %s %s" % (a, "-x"[n < last], b) + worked(
                paper(a) - paper(b) if n == last else paper(a) * paper(b),
                miss[r][c]), " " * len(head) + "slope %s x (1 - %s)" % (o, o)
                + worked(paper(o) * (1 - paper(o)), slope), " " * len(head) +
                "delta %s x %.8f" % (e, slope) + worked(paper(e) * paper(
                    "%.8f" % slope), delta[r][c])]
    for n in range(last, 0, -1):  # the updates, syn1 first
        ins, delta, w = s["l%d" % (n - 1)], s["l%d_delta" % n], s["before"]
        for head, i, j in part(lines, "syn%d += %sl%d.T . l%d_delta" % (
                n - 1, times, n - 1, n), w[n - 1]):
            line, change = sum_line(head, [row[i] for row in ins],
                                    [row[j] for row in delta], n == 1)
            old, step = "%.8f" % w[n - 1][i][j], "%.8f" % abs(change)
            sign = -1 if change < 0 else 1
            exact = paper(old) + sign * paper(alpha) * paper(step)
            after = s["syn%d" % (n - 1)][i][j]  # the program's own
            lines += [line, " " * len(head) + "%s %s %s%s" % (
                old, "-+"[sign > 0], times, step) + worked(exact, after)]
    return lines

def paper(text):
    """A printed number as a Decimal, exactly as printed."""
    import decimal  # here: MicroPython has none (nor --explain)
    return decimal.Decimal(text)

def worked(exact, value):
    """' = 0.55675943': exact (from printed numbers), rounded half up as on
    paper; and value, the program's own, where it rounds otherwise."""
    import decimal  # 1000 digits: room for 1e308 to 8 decimals
    shown = format(exact.quantize(paper("1e-8"), decimal.ROUND_HALF_UP,
                                  decimal.Context(prec=1000)), "f")
    return " = " + shown + (" (from unrounded numbers: %.8f)" % value) * (
        "%.8f" % value != shown)

def sum_line(head, inputs, weights, data, width=100):
    """(line, total): head + 'a x b + c x d ... = total', the terms that fit
    in `width` (all, up to 4), then how many more (and dot's total alone);
    data: the inputs are the table's, shown as typed, not to 8 decimals."""
    terms = [(number_word(a) if data else "%.8f" % a) + " x %.8f" % b
             for a, b in zip(inputs, weights)]
    total = dot([inputs], [[b] for b in weights])[0][0]
    for shown in range(len(terms), 0, -1):
        line = head + " + ".join(terms[:shown])
        if shown < len(terms):
            line += " + ... (%d more) = %.8f" % (len(terms) - shown, total)
        if len(line) + 13 <= width or shown <= 4:  # 4 always
            return line + worked(sum([paper(t.split(" x ")[0]) * paper(
                t.split(" x ")[1]) for t in terms], paper("0")), total) * (
                shown == len(terms)), total

def part(lines, title, m, places=4):
    """Add title to lines, with how many of m's places it shows; return the
    first `places` as (head, r, c), the head naming one: 'l1[2][0]'."""
    size, columns, name = len(m) * len(m[0]), len(m[0]), title.split()[0]
    lines.append(title + (" (the first %d of %d)" % (places, size)) * (
        size > places))
    return [("  %s[%d]%s: " % (name, k // columns, "[%d]" % (k % columns)
             if columns > 1 else ""), k // columns, k % columns)
            for k in range(min(size, places))]

def check_lines(X, y, iteration=0, hidden=None, seed=None, init=None,
                alpha=None):
    """--check: (lines, agree). After `iteration` iterations, each weight's
    update (what one more iteration of the loop adds, alpha 1) beside minus
    E's slope, measured by Part 1's slope; agree is False if one differs.
    Where the slope measured with h and with 10h differ, E curves too
    sharply to tell, and the line says so."""
    run = check_run(X, y, hidden, dict(seed=seed, init=init, alpha=alpha))
    X, y = run["X"], run["y"]
    weights = run_loop(run, whole("iteration", iteration, 0, MOST[
        "iterations"]))[1:]
    moved = run_loop(dict(run, alpha=1.0), 1, start=weights)[1:]
    places = [(k, i, j) for k, w in enumerate(weights)
              for i in range(len(w)) for j in range(len(w[0]))]
    state = progress(len(places), 4 * len(places) ** 2 * len(X), "weight")
    lines = ["Iteration %d: update = what one iteration of the loop adds "
             "(alpha 1);" % iteration, "numerical = -(E(w + h) - E(w - h)) / "
             "2h, h = 1e-5; difference: over the larger if above 1",
             "weight             update      numerical  difference"]
    for k, i, j in places:
        show_progress(len(lines) - 3, state)
        update = moved[k][i][j] - weights[k][i][j]
        numerical = slope(X, y, weights, k, i, j, 1e-5)
        off = abs(update - numerical) / max(1.0, abs(update), abs(numerical))
        sure = abs(numerical - slope(X, y, weights, k, i, j, 1e-4)) <= (
            1e-4 * max(1.0, abs(numerical)))
        lines.append("%-12s %14.8f %14.8f %11.1e%s" % (
            "syn%d[%d][%d]" % (k, i, j), update, numerical, off, "" if off <=
            1e-6 else "  <- DISAGREE" if sure else "  <- cannot tell"))
    clear_progress(state)
    if any(line.endswith("DISAGREE") for line in lines):
        return lines + ["The updates marked are not minus the slope of E: "
                        "this loop does not move them downhill."], False
    return lines + ["Where marked, E curves too sharply for the nudge h to "
                    "measure its slope (inputs", "this large?): the check "
                    "cannot tell. The other updates agree with it."] * any(
        line.endswith("tell") for line in lines) + [
        "So the loop's += moves every weight down the slope of E, which is "
        "why the error falls;", "alpha scales that step."], True


# H. The calculator edition: python3 nn_pure.py --calculator > nn_calc.py --
#
# A calculator has 17 to 64 KB of heap: this file does not fit. Part 1's
# loop, as the file now stands, does, with the table and the starting
# weights drawn here: less docstrings, comments and Part 2's checks.

CALC_FILE = """\
# nn_calc.py: nn_pure.py's lesson for a calculator, made by:
#   python3 nn_pure.py --calculator{flags}
# Run: python nn_calc.py; on NumWorks or TI, in the Python app. It prints
# what nn_pure.py prints: the output, the guesses. The starting weights
# were drawn by nn_pure.py, written as whole numbers over powers of 2 (so
# that every Python reads the same floats); print(start) shows them.
import math
{matrices}

{code}
def texts(m):  # a column's numbers as nn_pure.py prints them, lined up
    sizes = [abs(r[0]) for r in m if r[0]] or [1]
    e = min(sizes) < 0.0001 or max(sizes) > 1000 * min(sizes)
    texts = ["%.8e" % r[0] if e else ("%.8f" % r[0]).rstrip("0") for r in m]
    if e and max([len(t) for t in texts]) > 14:  # an exponent of 3 digits
        texts = [t[:12] + "0" + t[12:] if len(t) == 14 else t for t in texts]
    width = max([len(t) for t in texts])
    return [" " * (1 + e) + t + " " * (width - len(t)) for t in texts]

out = {loop}(X, y, *start, iterations={iterations}, alpha={alpha})
print("Output after training :")
print("[[" + "]\\n [".join(texts(out[0])) + "]]")
rows = {rows}  # new rows to ask about
if rows:
    print("Guesses for new rows :")
for row in rows:
    print("  %s -> %s" % (row, texts(forward([row], *out[1:]))[0].strip()))
"""

def calculator_file(X, y, hidden=None, rows=None, table=None, iterations=None,
                    seed=None, init=None, alpha=None):
    """nn_calc.py's text: Part 1's loop for this table and these settings
    (as lesson() takes them), or a ValueError saying why it cannot be.
    table: the --table it came from, for the file's first lines."""
    given = dict(iterations=iterations, seed=seed, init=init, alpha=alpha)
    run = check_run(X, y, hidden, given)
    rows = asked_rows(rows, run)
    import contextlib, io  # what the lesson refuses, refused; what a
    with contextlib.redirect_stdout(io.StringIO()):  # print in the loop
        run_loop(run, run["iterations"])  # prints stays out of the file
    loop = "learn" if hidden is None else "learn_hidden"
    code = part1_edition(loop)
    flags = [("table", table)] * (table not in (None, "post")) + [
        ("hidden", hidden)] * (hidden is not None) + sorted(
        (name, value) for name, value in given.items() if value is not None)
    text = CALC_FILE.format(
        flags="".join(" --%s %s" % (name, value if name in ("table", "init")
                                    else number_word(value))
                      for name, value in flags),
        matrices="\n".join("%s = [%s]" % (name, (",\n" + " " * (
            len(name) + 4)).join(map(calc_number, m))) for name, m in (
                ("X", run["X"]), ("y", run["y"]), ("start", run["start"]))),
        code=code, loop=loop, iterations=run["iterations"], alpha=calc_number(
            run["alpha"]), rows="[%s]" % ", ".join("[%s]" % ", ".join(map(
                number_word, row)) for row in rows))
    return text

def part1_edition(entry):
    """Part 1's `entry` and forward, and what they use, less docstrings,
    comments and calls to Part 2's check_ functions (found by ast: no
    comment changes what is kept); a ValueError if that cannot run alone."""
    import ast, builtins, io, tokenize
    try:  # read as Python reads a file: its encoding, a byte-order mark
        with tokenize.open(__file__) as file:
            lines = file.read().splitlines(True)
    except NameError:  # pasted into a notebook: there is no file
        raise ValueError("--calculator reads nn_pure.py, and this has no "
                         "file: save it as nn_pure.py and run it from there")
    fold = [line[:8] for line in lines + ["# Part 2"]].index("# Part 2")
    part1 = [node for node in ast.parse("".join(lines)).body
             if node.lineno <= fold]
    named = dict((name, node) for node in part1 for name in [getattr(
        node, "name", None)] + [t.id for t in getattr(node, "targets", [])
                                if isinstance(t, ast.Name)] if name)
    needed = [entry, "forward"]
    for name in needed:  # grows as it goes: what the needed ones use
        for node in ast.walk(named[name]):
            if getattr(node, "id", None) in set(named) - set(needed + [
                    "X", "y"]):  # the table: the calculator file's own
                needed.append(node.id)
    left_out, known = set(), set(named) | set(dir(builtins)) | set(["math"])
    for function in [named[name] for name in needed]:
        nodes = list(ast.walk(function))
        docstring = isinstance(function, ast.FunctionDef) and ast.get_docstring(
            function) is not None and function.body[0]
        for node in nodes:  # checks and docstrings: a line of each
            call = getattr(node, "value", None)
            if node is docstring or isinstance(node, ast.Expr) and isinstance(
                    getattr(call, "func", None), ast.Name) and call.func.id[
                        :6] == "check_" and call.func.id not in named:
                left_out.add(node.lineno)
        own = known | set(getattr(n, "arg", getattr(n, "name", getattr(
            n, "id", ""))) for n in nodes if not isinstance(getattr(
                n, "ctx", None), ast.Load))
        for node in nodes:
            if isinstance(node, ast.Name) and node.id not in own and (
                    node.lineno not in left_out):
                raise ValueError("--calculator: line %d of nn_pure.py uses %s,"
                                 " which the calculator file, Part 1's loop "
                                 "alone, does not have" % (node.lineno,
                                                           node.id))
    inside, cut_at, start = set(), {}, None
    for kind, _, (row, column), (end, _), _ in tokenize.generate_tokens(
            io.StringIO("".join(lines[:fold])).readline):
        if kind == tokenize.STRING:  # a string's own lines: as they are
            inside.update(range(row + 1, end + 1))
        if kind == tokenize.COMMENT:
            cut_at[row] = column
        if kind == tokenize.NEWLINE:  # a statement ends: if a line is out,
            if left_out.intersection(range(start, end + 1)):  # all are out
                left_out.update(range(start, end + 1))
            start = None
        elif start is None and kind not in (tokenize.NL, tokenize.COMMENT,
                                            tokenize.INDENT, tokenize.DEDENT):
            start = row  # a statement begins
    starts, code = sorted(node.lineno for node in part1) + [fold + 1], []
    for node in sorted((named[n] for n in needed), key=lambda n: n.lineno):
        for row in range(node.lineno, starts[starts.index(node.lineno) + 1]):
            line = lines[row - 1] if row in inside else lines[row - 1][
                :cut_at.get(row)].rstrip() + "\n"
            if row not in left_out and (line.strip() or row in inside):
                code.append(line)
        code.append("\n")
    try:
        compile("".join(code), "nn_calc.py", "exec")
    except SyntaxError as error:
        raise ValueError("--calculator: without its checks, Part 1 does not "
                         "compile (%s): %r" % (error.msg,
                                               cut(error.text or "")))
    return "".join(code)

def calc_number(x):
    """x, or a matrix of them, as text every Python reads as the same floats:
    0.75 as 3 / 2**2 (MicroPython 1.17 reads some decimals 1 bit off)."""
    if isinstance(x, list):
        return "[%s]" % ", ".join(map(calc_number, x))
    top, bottom = float(x).as_integer_ratio()  # bottom: a power of 2
    power = bottom.bit_length() - 1
    return "%d / 2**%d" % (top, power) if power else "%d" % top


# I. Pictures (--draw): the network, and its guess between the table's rows

TEXT = '<text x="%d" y="%d" font-size="16"%s>%s</text>\n'
MIDDLE = (' text-anchor="middle" stroke="white" stroke-width="4" '
          'paint-order="stroke"')  # centred, on a white rim to read it by

class Drawing:
    """draw()'s: print() shows the text; Jupyter, _repr_svg_: hence a class."""

    def __init__(self, text, svg):
        self.text, self.svg = text, svg

    def __str__(self):
        return self.text

    def _repr_svg_(self):
        return self.svg

def draw(syn0, syn1=None, X=None, y=None):
    """The trained network, each weight on its edge; and when two inputs of
    0s and 1s vary in X (as in XOR), the map of the guess between them,
    each row of X marked by its answer in y. print() shows the text
    picture; a notebook shows the SVG."""
    weights = check_weights([syn0, syn1], None)
    if X is not None:
        X, y = check_table(X, y) if y is not None else (matrix(X, "X"), None)
        if len(X[0]) != len(weights[0]):
            raise ValueError("X has %d inputs but syn0 %d rows; expected a row"
                             " of syn0 per input" % (len(X[0]),
                                                     len(weights[0])))
    return picture_of(weights, X, y)

def picture_of(weights, X=None, y=None):
    """draw() on checked numbers: inputs x1, x2... (or bias), h1..., out."""
    names = [["bias" if X and c in bias_columns(X) else "x%d" % (c + 1)
              for c in range(len(weights[0]))]] + [["h%d" % (j + 1) for j in
                                                    range(len(weights[0][0]))
                                                    ]] * (len(weights) - 1)
    text, svg = network(weights, names + [["out"]])
    map_text, map_svg = decision_map(weights, X, y, names[0])
    return Drawing("\n".join(text + map_text), (
        '<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="540" '
        'font-family="sans-serif" style="background:white">\n' % (
            940 if "<rect" in map_svg else 520)) + svg + map_svg + "</svg>\n")

def network(weights, names):
    """Text lines and SVG: each weight as a bar, and as an edge with its
    value on it, blue if positive, orange if negative, thicker if larger."""
    at = dict(((k, i), (60 + k * 380 // (len(names) - 1), 90 + (2 * i + 1)
                        * 200 // len(layer)))
              for k, layer in enumerate(names) for i in range(len(layer)))
    text = ["The network: each weight on its edge as a bar, = if positive, - "
            "if negative,", "one per unit of its size, rounded (up to 10); "
            "'.' if under 0.5."]
    svg, labels, placed = TEXT % (20, 30, "", "Weights: blue +, orange -, "
                                  "thicker if larger (dashed grey: under "
                                  "0.01)"), "", []
    for k, i, j in [(k, i, j) for k, w in enumerate(weights)
                    for i in range(len(w)) for j in range(len(w[0]))]:
        weight, (x1, y1), (x2, y2) = weights[k][i][j], at[k, i], at[k + 1, j]
        text.append("  %-5s -> %-4s syn%d[%d][%d] %15s  %s" % (
            names[k][i], names[k + 1][j], k, i, j, number_text(weight),
            "=-"[weight < 0] * int(min(abs(weight), 10) + 0.5) or "."))
        faint = abs(weight) < 0.01
        svg += ('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" '
                'stroke-width="%.1f"%s/>\n' % (
                    x1, y1, x2, y2, "#bbbbbb" if faint else "#0877bd" if
                    weight > 0 else "#f59322", min(1 + 0.6 * abs(weight), 16),
                    ' stroke-dasharray="4 4"' * faint))
        for t in [0.72 - 0.05 * n for n in range(9)]:  # the first place
            x, y = x1 + t * (x2 - x1), y1 + t * (y2 - y1)  # along the edge
            if all(abs(x - u) > 44 or abs(y - v) > 18 for u, v in placed):
                break  # that no other label covers
        placed.append((x, y))
        labels += TEXT % (x, y + 5, MIDDLE, "%.2f" % weight)
    radius = min(24, 160 // max(map(len, names)))  # apart, however many
    for (k, i), (x, y) in sorted(at.items()):
        svg += ('<circle cx="%d" cy="%d" r="%d" fill="white" stroke="black" '
                'stroke-width="2"/>\n' % (x, y, radius)) + TEXT % (
            x, y + 6, MIDDLE, names[k][i])
    return text, svg + labels

def decision_map(weights, X, y, names):
    """Text and SVG: the guess at 21 x 21 points as the two 0/1 inputs that
    vary go from 0 to 1, a mark on each row by its answer; or why not."""
    varying = varying_inputs(X) if X else []
    if len(varying) != 2 or any(row[c] not in (0, 1) for row in X
                                for c in varying):
        why = ["No map: it needs exactly two inputs of 0s and 1s that vary;",
               "this table has %d that var%s%s." % (
                   len(varying), "ies" if len(varying) == 1 else "y",
                   ", not all 0s and 1s" * (len(varying) == 2))]
        why = why * (X is not None)
        return [""] * bool(why) + why, "".join(
            TEXT % (20, 500 + 22 * k, "", line) for k, line in enumerate(why))
    a, b = varying
    points = [[c / 20 if n == a else (20 - r) / 20 if n == b else value
               for n, value in enumerate(X[0])]
              for r in range(21) for c in range(21)]
    guesses = [g[0] for g in forward(points, *weights)]
    marks = dict(((20 * row[a], 20 - 20 * row[b]), "%d" % (t[0] >= 0.5))
                 for row, t in zip(X, y or [[0.5]] * len(X)))
    text = ["", "The guess as %s goes across from 0 to 1 and %s up, the "
            "other inputs as in X;" % (names[a], names[b]), "(1) a row of X "
            "whose answer is 1, (0) one whose answer is 0; the guess:",
            "' ' 0-0.2 '.' 0.2-0.4 ':' 0.4-0.6 '*' 0.6-0.8 '#' 0.8-1",
            "  +" + "-" * 63 + "+"]
    svg = ('<rect x="539" y="99" width="338" height="338" fill="none" '
           'stroke="black" stroke-width="2"/>\n')
    for r in range(21):  # the top row first: there the second input is 1
        line = "  |"
        for c, guess in enumerate(guesses[21 * r:21 * r + 21]):
            line += "(%s)" % marks[c, r] if (c, r) in marks else 3 * " .:*#"[
                min(int(guess * 5), 4)]
            svg += '<rect x="%d" y="%d" width="16" height="16" fill="%s"/>\n' \
                % (540 + 16 * c, 100 + 16 * r, colour(guess))
        text += [line + "|"] * (r % 2 == 0)  # the text shows every other row
    for (c, r), mark in sorted(marks.items()):
        svg += ('<circle cx="%d" cy="%d" r="8" fill="%s" stroke="black" '
                'stroke-width="2"/>\n' % (548 + 16 * c, 108 + 16 * r, (
                    "white", "black")[mark == "1" and y is not None]))
    flat = ["Every guess here is %.3f to %.3f: a flat map," % (
        min(guesses), max(guesses)), "the guess barely changes with %s or %s."
        % (names[a], names[b])] * (max(guesses) - min(guesses) < 0.1)
    for x, y_, style, words in [
            (708, 80, MIDDLE, "The guess between the rows"),
            (532, 440, ' text-anchor="end"', "0"), (532, 112,
                                                     ' text-anchor="end"', "1"),
            (546, 460, "", "0"),
            (870, 460, "", "1"), (708, 460, MIDDLE, "%s, across" % names[a]),
            (546, 94, "", "%s, up" % names[b]), (540, 490, "", "guess: blue "
                                                 "1, white 0.5, orange 0"),
            (540, 514, "", "rows of X: black if the answer is 1, white if 0")
            ] + [(708, 260 + 24 * k, MIDDLE, line) for k, line in enumerate(
                flat)]:
        svg += TEXT % (x, y_, style, words)
    return text + [text[4]] + flat, svg

def colour(guess):
    """A guess as an SVG colour: orange (#f59322) at 0, white at 0.5, blue
    (#0877bd) at 1, and the shades between."""
    end = (245, 147, 34) if guess < 0.5 else (8, 119, 189)
    share = abs(2 * guess - 1)  # from 0 at 0.5 (white) to 1 at 0 or 1
    return "#%02x%02x%02x" % tuple(int(round(255 + (e - 255) * share))
                                   for e in end)


# J. A run, and the command line ---------------------------------------------

def check_run(X, y, hidden, given):
    """The door of a run (lesson(), the command line, --explain, --check,
    --calculator): the table, hidden and the settings checked once; those
    given as None are train's (or train_hidden's) defaults as Part 1 now
    says them; the starting weights drawn. What follows trusts it all."""
    X = globals()["X"] if X is None else X  # the module's, as they are now
    y = globals()["y"] if y is None else y
    if hidden is not None and given.get("init") is not None:
        raise ValueError("init is for the network without a hidden layer; "
                         "with hidden units both weights start as the "
                         "tutorial's")
    settings = defaults(train if hidden is None else train_hidden)
    settings.update((k, v) for k, v in given.items() if v is not None)
    start = check_start(X, y, [None] * (1 + (hidden is not None)), settings.get(
        "seed"), settings.get("init"), settings.get("iterations"), settings.get(
        "alpha"), None, hidden)
    return dict(settings, X=start[0], y=start[1], start=start[2:])

def defaults(function):
    """The defaults in function's signature, as Part 1 now says them (the
    post's where this Python cannot read a signature: MicroPython)."""
    try:
        import inspect
        return dict((p.name, p.default) for p in inspect.signature(
            function).parameters.values() if p.default not in (p.empty, None))
    except (ImportError, AttributeError):  # MicroPython's inspect has none
        return dict(iterations=10000 if function is train else 60000,
                    seed=1, init="post", alpha=1.0)

def asked_rows(rows, run):
    """The new rows to ask about (--predict's) as floats, one per input; if
    none, in lesson 1 with a bias, a row of 0s to show what the bias is."""
    columns, rows = len(run["X"][0]), from_numpy(rows)
    if not rows:
        return [[0.0] * columns] * (len(run["start"]) == 1 and any(
            bias_columns(run["X"])))
    rows = [from_numpy(row) for row in (
        rows if isinstance(rows, (list, tuple)) else [rows])]
    for row in rows:
        if not isinstance(row, (list, tuple)) or len(row) != columns:
            raise ValueError("the row to ask about %s is not %d numbers, one "
                             "per input of the table" % (describe(row),
                                                         columns))
    return [[number(value, "a number of a row to ask about") for value in
             row] for row in rows]

def progress(total, work, what="iteration"):
    """A run's progress: long past a million steps (the post's: 120,000)."""
    return {"at": 0, "of": max(total, 1), "what": what, "long": work > 10 ** 6
            and bool(sys.stderr), "start": time.time(), "shown": 0.0,
            "terminal": getattr(sys.stderr, "isatty", lambda: False)()}

def show_progress(done, state):
    """On stderr, once a long run has taken 2 s (10 s off a terminal): how
    far it is; in place on a terminal, else (a notebook) a line a minute."""
    state["at"], now, terminal = done, time.time(), state["terminal"]
    if not state["long"] or now - state["start"] < (2 if terminal else 10) \
            or now - state["shown"] < (1 if terminal else 60):
        return
    left = (now - state["start"]) * (state["of"] - done) / max(done, 1)
    try:
        sys.stderr.write("%s%s %d of %d (%d%%), %s left%s" % (
            "\r" * terminal, state["what"], done, state["of"], 100 * done //
            state["of"], "about %d s" % left if left <= 90 else "about %d min"
            % (left // 60) if left <= 86400 else "more than a day",
            "   " if terminal else "\n"))
    except (OSError, ValueError):  # stderr full or closed: say no more
        state["long"] = False
    state["shown"] = now

def clear_progress(state):
    """Wipe the progress line off a terminal, so stdout starts a clean line."""
    if state["shown"] and state["terminal"]:
        sys.stderr.write("\r" + " " * 70 + "\r")
        state["shown"] = 0.0

def loop_progress(run, iterations):
    """Part 1's loop's progress: iterations x rows x inputs x units of work."""
    X, units = run["X"], len(run["start"][0][0])  # units: 1 in lesson 1
    return progress(iterations, iterations * len(X) * len(X[0]) * units)

def run_loop(run, iterations, on_step=None, start=None, state=None):
    """Part 1's loop on the run, from start (else the run's), showing the
    progress of a long run, and where it stopped on Ctrl-C."""
    weights, X = start or run["start"], run["X"]
    state = state or loop_progress(run, iterations)

    def step(itr, *matrices):
        if itr & 15 == 0:
            show_progress(itr, state)
        if on_step is not None:
            on_step(itr, *matrices)
    watched = on_step is not None or state["long"]
    try:
        return (learn if len(weights) == 1 else learn_hidden)(
            X, run["y"], *weights, iterations=iterations, alpha=run["alpha"],
            on_step=step if watched else None)
    except KeyboardInterrupt:
        raise KeyboardInterrupt("at iteration %d of %d" % (
            state["at"], iterations) if watched else "")
    finally:
        clear_progress(state)

def lesson(X=None, y=None, hidden=None, iterations=None, trace=0,
           plot=False, init=None, seed=None, alpha=None, rows=None,
           picture=None):
    """What ``python3 nn_pure.py`` does: train on a table (the module's X, y
    as they are now, by default) and print what the network learned. The
    flags as arguments; a setting left as None is train's own default (or
    train_hidden's, with hidden units). rows: --predict's, lists of numbers.
    picture: "text" or "svg" draws the trained network (--draw, --svg)."""
    run = check_run(X, y, hidden, dict(iterations=iterations, init=init,
                                       seed=seed, alpha=alpha))
    trace, rows = whole("trace", trace, 0, MOST["iterations"]), asked_rows(
        rows, run)
    if plot not in (True, False) or picture not in (None, "text", "svg"):
        raise TypeError("plot must be True or False, and picture None, "
                        "'text' or 'svg'; got %s and %s" % (
                            describe(plot), describe(picture)))
    if picture == "svg" and (trace or plot):
        raise ValueError("the SVG picture is printed alone (for > net.svg): "
                         "not with trace or plot")
    X, y, total, errors = run["X"], run["y"], run["iterations"], {}
    shown = set(sample_points(total) if plot else [])
    state = loop_progress(run, total)

    def watch(itr, *matrices):  # the loop's on_step: after each iteration
        error = matrices[1 if len(matrices) == 4 else 2]  # l1_ or l2_error
        if len(matrices) == 8 and itr % 10000 == 0 and picture != "svg":
            clear_progress(state)
            print("Error:" + python2_str(mean_abs(error)))  # the tutorial's
        if itr < trace:
            clear_progress(state)
            print_step(itr, matrices)
        if itr in shown:
            errors[itr] = mean_abs(error)
    result = run_loop(run, total, watch if (
        trace or plot or hidden is not None) else None, state=state)
    drawing = picture and picture_of(result[1:], X, y)
    if picture == "svg":  # stdout holds the SVG alone, for > net.svg
        return sys.stdout.write(drawing.svg)
    print_lesson(run, result, rows)
    if plot:
        print(text_chart(errors, total))
    if drawing:
        print("\n" + str(drawing))

def print_step(itr, matrices):
    """Print one iteration as the post's trace does: names and matrices."""
    named = list(zip(STEP_NAMES[len(matrices) // 4], matrices))
    named[0] = ("%d -l1" % itr, matrices[0])
    if len(matrices) == 4:
        named.insert(2, ("sigmo(l1,True)", sigmo_each(matrices[0], True)))
    for label, m in named:
        print(label + " :\n" + format_matrix(m))

POST_CODE_OUTPUT = """[[ 0.00966553]
 [ 0.99211898]
 [ 0.99358961]
 [ 0.00786455]]"""  # what the post's code gives (seed/NOTES.md), not prints

def print_lesson(run, result, rows):
    """Print the output after training and what the network learned."""
    X, y, guesses, weights = run["X"], run["y"], result[0], result[1:]
    lines = ["Output after training :", format_matrix(guesses)] + [
        "(The post shows 0.00966449 ...: its run started as --init tutorial "
        "does.)"] * (format_matrix(guesses) == POST_CODE_OUTPUT)
    if len(weights) == 1:
        lines += ["syn0 after training :", format_matrix(weights[0])]
    lines += learned_lines(X, y, guesses, weights, run["seed"])
    units = hidden_units(X, weights[0]) if len(weights) == 2 else []
    if units:
        lines += ["The hidden layer, l1, for each row of X :",
                  format_matrix(forward(X, weights[0]))] + units
    lines += guess_lines(rows, X, weights)
    print("\n".join(lines + e_notation(lines)))  # what 1e-05 means, once

def choose_table(table):
    """(X, y): the module's (no --table: None), the post's, XOR, a file's."""
    tables = {None: (None, None), "post": (X, y), "xor": (X_xor, y_xor)}
    if table not in tables:
        return read_table(table)
    import os  # here: MicroPython has no os.path (nor flags)
    if table and os.path.exists(table) and sys.stderr:
        sys.stderr.write("nn_pure.py: using the built-in table %r, not the "
                         "file %s (for the file, write ./%s)\n"
                         % (table, table, table))
    return tables[table]

NOT_WITH = {  # what each of these flags does alone, without the others
    "calculator": ("trace", "plot", "draw", "svg", "explain", "check"),
    "explain": ("trace", "plot", "draw", "svg", "rows", "calculator"),
    "check": ("trace", "plot", "draw", "svg", "rows", "calculator")}

def parse_options(argv):
    """The flags as a dict; their values are checked where a run comes in
    (check_run). On a flag that does not parse, argparse exits (2)."""
    try:
        import argparse  # here, not at the top: MicroPython has no argparse
    except ImportError:
        raise ValueError("this Python has no argparse to read flags with; "
                         "run it with no flags, or call lesson(...)")
    parser = argparse.ArgumentParser(prog="nn_pure.py", description="Train "
                                     "the post's network in plain Python.")
    first, add = defaults(train), parser.add_argument

    def error(message, argparse_error=parser.error):
        dashed = [word for word in argv if word[:1] == "-" != word[1:2]]
        if message.endswith("expected one argument") and dashed:
            message += ("; a value that starts with - goes after =, as in "
                        "%s=%s" % (message.split(":")[0][9:], dashed[0]))
        try:
            argparse_error(message)
        except (AttributeError, OSError):  # stderr closed or full (3.6's
            sys.exit(2)  # argparse does not look): the status says it
    parser.error = error
    add("--iterations", type=int, metavar="N", help="iterations (default %s"
        "; %s with --hidden; the post suggests 1 and 10)" % (first.get(
            "iterations"), defaults(train_hidden).get("iterations")))
    add("--trace", type=int, metavar="K", help="print the first K"
        " iterations' matrices, as the post does")
    add("--init", choices=["post", "tutorial"], help="start: the post's code"
        ", or the tutorial's, which made the post's output (default %s)"
        % first.get("init"))
    add("--seed", type=int, metavar="S", help="random seed, 0 to 4294967295 "
        "(default %s, as np.random.seed(%s))" % ((first.get("seed"),) * 2))
    add("--table", metavar="TABLE", help="post (default), xor, or a CSV file:"
        " the inputs, then a target from 0 to 1, a row per line")
    add("--hidden", type=int, metavar="H", help="a hidden layer of H units: "
        "lesson 2 (try --table xor --hidden 4)")
    add("--alpha", type=float, metavar="A", help="the step size, or learning"
        " rate (default %s)" % first.get("alpha"))
    add("--predict", action="append", type=comma_numbers, metavar="ROW",
        dest="rows", help="after training, the guess for a row such as 1,0,0"
        " (again for more rows)")
    add("--explain", nargs="?", const=0, type=int, metavar="K", help="print "
        "iteration K (default 0) number by number, to redo by hand")
    for flag, text in (("check", "check that each update is minus the slope "
                        "of E (after --iterations N); exit 1 if not"),
                       ("plot", "after training, chart the mean error"),
                       ("draw", "after training, draw the network"),
                       ("svg", "the picture as SVG, alone (> net.svg)"),
                       ("calculator", "print the lesson as a calculator's "
                        "file (> nn_calc.py)")):
        add("--" + flag, action="store_true", help=text)
    options = vars(parser.parse_args(argv))
    given = [name for name, value in options.items()  # (--explain's K
             if value is not None and value is not False]  # may be 0)
    for mode, others in NOT_WITH.items():
        for other in [o for o in others if o in given] * (mode in given):
            parser.error("--%s does its own work: not with --%s" % (
                mode, "predict" if other == "rows" else other))
    if options["explain"] is not None and options["iterations"] is not None \
            and not options["check"]:
        parser.error("--explain K shows iteration K: give the iteration "
                     "there, not with --iterations")
    return options

def comma_numbers(text):
    """--predict's row: '1,0,0' -> [1.0, 0.0, 0.0], or argparse's line."""
    numbers = [read_number(field) for field in text.split(",")]
    if None in numbers:
        import argparse
        raise argparse.ArgumentTypeError("%r: expected numbers separated by "
                                         "commas, such as 1,0,1" % cut(text))
    return numbers

def main(argv=None):
    """Run the lesson with the flags in argv (a list of strings); by default
    the command line's, when it is this file's own (not a notebook's)."""
    own = argv is None and own_command_line()
    leave(run_command_line(sys.argv[1:] if own else [] if argv is None
                           else argv), own)

def run_command_line(argv):
    """main's work; None, or why it stopped: (message, exit status)."""
    if not (isinstance(argv, (list, tuple))
            and all(isinstance(word, str) for word in argv)):
        return ("error: main takes a list of flags, such as ['--iterations',"
                " '5'], got %s" % describe(argv), 2)
    try:
        o = parse_options(argv) if argv else dict.fromkeys(
            ("table", "rows", "explain", "iterations", "init", "seed",
             "alpha", "hidden", "calculator", "check", "plot", "draw", "svg",
             "trace"))
        if sys.stdout is None:  # python3 nn_pure.py >&-: nowhere to print
            return "cannot write the output: stdout is closed", 1
        X, y = choose_table(o["table"])
        settings = dict(hidden=o["hidden"], seed=o["seed"], alpha=o["alpha"],
                        init=o["init"])
        if o["calculator"]:
            write_utf8(calculator_file(X, y, rows=o["rows"], table=o["table"],
                                       iterations=o["iterations"], **settings))
        elif o["explain"] is None and not o["check"]:
            lesson(X, y, iterations=o["iterations"], trace=o["trace"] or 0,
                   plot=bool(o["plot"]), rows=o["rows"], picture="svg" if o[
                       "svg"] else "text" if o["draw"] else None, **settings)
        if o["explain"] is not None:
            print("\n".join(explain_lines(X, y, o["explain"], **settings)))
        if o["check"]:
            lines, agree = check_lines(X, y, o["iterations"] or 0, **settings)
            print("\n".join(lines))
            if not agree:
                return "--check: an update is not minus the slope of E", 1
    except SystemExit as stop:  # argparse printed its usage, or --help
        return None, stop.code or 0
    except (ValueError, TypeError) as error:  # one line; where in Part 1, if
        return "error: %s%s" % (where_from(error), error), 2  # Python's own
    except KeyboardInterrupt as stop:  # Ctrl-C
        return ("interrupted " + str(stop)).strip(), 130
    except MemoryError:
        return "out of memory: try a smaller table or --hidden", 1
    except OSError as error:  # the output cannot be written
        return output_failure(error)

def where_from(error):
    """'line 142 of nn_pure.py: ' where Python raised error in Part 1."""
    trace, where = getattr(error, "__traceback__", None), ""
    while trace is not None:  # (MicroPython keeps none: no line is said)
        if trace.tb_frame.f_globals is globals():
            part2 = RandomState.__init__.__code__.co_firstlineno
            where = "line %d of nn_pure.py: " % trace.tb_lineno * (
                trace.tb_frame.f_code.co_firstlineno < part2)
        trace = trace.tb_next
    return where

def write_utf8(text):
    """text on stdout as UTF-8, whatever the console's: a file for Python."""
    if getattr(sys.stdout, "buffer", None) is None:  # a notebook's: text
        return sys.stdout.write(text)
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))

def output_failure(error):
    """(message, status): a cut pipe (| head) ends quietly, 141 as in shells."""
    if getattr(error, "errno", None) == 32:  # EPIPE
        return None, 141
    return "cannot write the output: %s" % (error.strerror or error), 1

def leave(stop, own):
    """main's end: what was printed, flushed; stop's (message, status) line
    on stderr; on the command line, the exit: at once if a stream is stuck
    (a full disk, a cut pipe), whose flush would fail again as Python ends."""
    (message, status), lost = stop or (None, 0), False
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except (OSError, ValueError) as error:
        lost = True
        message, status = (message, status) if status else output_failure(
            error)
    try:
        if message:
            encoding = getattr(sys.stderr, "encoding", None) or "utf-8"
            sys.stderr.write(("nn_pure.py: %s\n" % message).encode(
                encoding, "backslashreplace").decode(encoding))  # cp1252 too
        sys.stderr.flush()
    except (AttributeError, LookupError, OSError, ValueError):
        lost = lost or sys.stderr is not None  # closed (None) holds nothing
    if own and "IPython" not in sys.modules and not getattr(getattr(
            sys, "flags", None), "interactive", 0):  # %run, -i: the line
        if lost and hasattr(__import__("os"), "_exit"):
            __import__("os")._exit(status)
        if status:
            sys.exit(status)

def own_command_line():
    """True when sys.argv is this file's own command line: python3
    nn_pure.py, python3 -m nn_pure, %run nn_pure.py, IDLE's and Thonny's
    Run; not when pasted into a notebook cell or exec()'d (no __file__), or
    imported by a notebook or pytest. (MicroPython has no os.path.)"""
    try:
        path = __file__
    except NameError:
        return False
    stems = [name.replace("\\", "/").split("/")[-1] for name in (path, (
        getattr(sys, "argv", None) or [""])[0])]  # [] in MicroPython wasm
    return len(set(name[:-3] if name.endswith(".py") else name
                   for name in stems)) == 1

if __name__ == "__main__":
    main()
