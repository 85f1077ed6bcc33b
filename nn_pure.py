"""nn_pure: the "neural network in 11 lines", in plain Python, step by step.

The 2-layer network of the blog post "Neural Network - Python" (2016), from
iamtrask's "A Neural Network in 11 lines of Python", learns by
backpropagation, without NumPy: a matrix is a list of rows, and every
multiplication is a line you can read. Run it: ``python nn_pure.py``.
Part 1, the lesson, reads top to bottom with the post beside it. Part 2,
below its banner, is machinery you need not read.
"""

import math  # math.exp(x) is e**x, for the sigmoid
import sys   # for Part 2: the command line, and where messages go
import time  # for Part 2: how long a run takes


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
# guess would be stuck at 0.5: it could never learn its 0.

X = [[0, 0, 1],
     [1, 1, 1],
     [1, 0, 1],
     [0, 1, 1]]

y = [[0],
     [1],
     [1],
     [0]]


# 2. Matrix helpers -------------------------------------------------------
#
# A matrix is a list of rows, each a list of numbers: X is 4x3 (4 rows of 3).
# Each helper is NumPy's whole-matrix arithmetic written out as loops. It
# first checks that the shapes fit, as NumPy does, so a mistake stops with a
# message, not a wrong answer. (It trusts the numbers: train checks them.)

def transpose(m):
    """Turn rows into columns: row i of the result is column i of m.

    >>> transpose([[1, 2, 3],
    ...            [4, 5, 6]])
    [[1, 4], [2, 5], [3, 6]]
    """
    size_of(m, "transpose")  # Part 2: stops unless m is a matrix
    # zip(*m) is zip(m[0], m[1], ...): it walks along all the rows at once,
    # giving their first numbers, then their second numbers...: the columns.
    return [list(column) for column in zip(*m)]


def dot(a, b):
    """Matrix product: entry [i][j] is row i of a times column j of b,
    number by number, added up. (n x k) times (k x m) gives (n x m).

    >>> dot([[1, 2],
    ...      [3, 4]], [[5],
    ...                [6]])    # 1*5 + 2*6 and 3*5 + 4*6
    [[17.0], [39.0]]
    """
    inner, columns = dot_shapes(a, b)  # Part 2: b's rows and columns, or
    ks, js = range(inner), range(columns)  # stops if a's rows do not fit
    result = []
    for row in a:
        new_row = []
        for j in js:
            total = 0.0
            for k in ks:  # in NumPy's order, so the last digit matches
                total += row[k] * b[k][j]
            new_row.append(total)
        result.append(new_row)
    return result


def add(a, b, times=1.0):
    """Elementwise a + times * b: each number plus the one in the same
    place of b (times 1, unless given: the loop gives the learning rate).

    >>> add([[1], [2]], [[0.5], [0.25]])
    [[1.5], [2.25]]
    """
    rows, columns = same_shape(a, b, "add/subtract")  # Part 2: the shapes
    result = []
    for row_a, row_b in zip(a, b):
        new_row = []
        for c in range(columns):
            new_row.append(row_a[c] + times * row_b[c])
        result.append(new_row)
    return result


def subtract(a, b):
    """Elementwise a - b, which is a + (-1) * b: add does the work.

    >>> subtract([[0], [1]], [[0.25], [0.5]])
    [[-0.25], [0.5]]
    """
    return add(a, b, -1.0)


def multiply(a, b):
    """Elementwise a * b, number by number: NOT the matrix product (dot).

    >>> multiply([[2, 3]], [[0.5, 10]])
    [[1.0, 30]]
    """
    rows, columns = same_shape(a, b, "multiply")  # Part 2: checks the shapes
    result = []
    for row_a, row_b in zip(a, b):
        new_row = []
        for c in range(columns):
            new_row.append(row_a[c] * row_b[c])
        result.append(new_row)
    return result


# 3. The sigmoid and its slope --------------------------------------------

def sigmo(x, deriv=False):
    """The post's sigmoid of one number; with deriv=True, its slope.

    sigmo(x) = 1 / (1 + e**-x) squashes any number into (0, 1), or to the
    nearest float, 0.0 or 1.0, for large ones:

    >>> sigmo(0), sigmo(-1000), sigmo(1000)
    (0.5, 0.0, 1.0)

    deriv=True does NOT take the same x: it takes the OUTPUT, out = sigmo(x),
    and returns the slope there, out * (1 - out) (the slope of sigmo at x is
    sigmo(x) * (1 - sigmo(x))). The loop has its outputs, l1, at hand.
    Passing the input instead is the classic mistake:

    >>> sigmo(sigmo(0), True)     # right: the slope at x = 0 is 0.25
    0.25
    >>> sigmo(0, True)            # wrong: 0 read as an output, slope 0
    0.0
    """
    try:
        if deriv:
            return x * (1.0 - x)  # x is an output of the sigmoid
        return 1.0 / (1.0 + math.exp(-x))
    except (OverflowError, ValueError):
        # e**-x is too large for a float (x below -709.78; ValueError on
        # MicroPython). The sigmoid there is below 1e-308: 0.0 is nearest.
        return 0.0 if x < 0 else 1.0
    except TypeError:  # describe (Part 2): the value and its type
        raise TypeError("sigmo takes a number, got %s" % describe(x))


def sigmo_each(m, deriv=False):
    """sigmo of every number in matrix m (NumPy does this without asking),
    as sigmo_each([[0], [1000]]) is [[0.5], [1.0]]."""
    size_of(m, "sigmo_each")  # Part 2: stops unless m is a matrix
    result = []
    for row in m:
        new_row = []
        for x in row:
            new_row.append(sigmo(x, deriv))
        result.append(new_row)
    return result


# 4. Training: the post's loop --------------------------------------------

def train(X, y, iterations=10000, seed=1, init="post", on_step=None,
          alpha=1.0):
    """Train the 2-layer network on the table X, y; return (l1, syn0).

    l1: the guesses of the last iteration (before its update, as the post
    prints them); syn0: the trained weights. init: the starting weights,
    "post" (random_sample, the post's code) or "tutorial" (2 * random_sample
    - 1, which made the post's printed output). alpha: the learning rate,
    how far each update moves (the post: 1). on_step(itr, l1, l1_error,
    l1_delta, syn0), if given, is called after each iteration.
    """
    X, y = table_as_floats(X, y)  # Part 2: checked, and as floats (quicker)
    check_settings(iterations, alpha, on_step)  # Part 2: stops if one is off
    syn0 = starting_weights(len(X[0]), seed, init)  # Part 2: columns x 1

    for itr in range(iterations):
        # guess: weigh each row's inputs, add them up, squash into (0, 1)
        l0 = X
        l1 = sigmo_each(dot(l0, syn0))
        # how much did we miss? (+ where the answer is higher than the guess)
        l1_error = subtract(y, l1)
        # the slope says how much the guess changes when its sum changes, so
        # miss x slope says how far to push the sum. Near 0 or 1 the slope
        # is flat: a confident guess barely moves; an unsure one moves most
        l1_delta = multiply(l1_error, sigmo_each(l1, True))
        # move each weight by its input times delta, added over the rows,
        # times alpha (an input of 0 played no part: it moves nothing)
        syn0 = add(syn0, dot(transpose(l0), l1_delta), alpha)
        if on_step is not None:
            on_step(itr, l1, l1_error, l1_delta, syn0)

    # Worked example, the post's iteration 0 (python nn_pure.py --trace 1;
    # every number rounded to 8 decimals, as printed, so a sum of them may
    # be 1 off in the last digit). syn0 starts at 0.41702200, 0.72032449 and
    # 0.00011437 (print(starting_weights(3, 1, "post"))). Input 1 is 1 in
    # rows 2 and 3 only, so only their deltas move its weight:
    # 0.41702200 + 0.04463427 + 0.09510316 = 0.55675944. Both rows should
    # be 1 and were guessed lower, so it grows. Input 2 is 1 in rows 2 and
    # 4: 0.72032449 + 0.04463427 - 0.14811148 = 0.61684728. The bias is 1 in
    # every row, so all four deltas move its weight: 0.00011437 - 0.12500715
    # + 0.04463427 + 0.09510316 - 0.14811148 = -0.13326682. The rows that
    # should be 0 missed by more, so it goes down, lowering every guess.
    # (The post calls l1 the "hidden layer": here it is the output, the
    # guess. Its synapse is 3x1, not "3 X 4". Its printed "Output after
    # training" came from the tutorial's start: --init tutorial prints it.)

    if iterations == 0:
        l1 = sigmo_each(dot(X, syn0))  # no training: the untrained guess
    return l1, syn0


# 5. Asking the trained network about new inputs --------------------------

def predict(x, syn0, syn1=None):
    """The network's guess for new inputs: the forward pass alone, no update.

    x is one row of inputs, or a matrix of rows; the guesses come back as a
    matrix, one row per input row. With syn1 too, lesson 2's network.

    >>> l1, syn0 = train(X, y)
    >>> predict([1, 0, 0], syn0)   # input 1 is 1: surely 1
    [[0.9999370422113438]]
    >>> predict([0, 0, 0], syn0)   # every weight times 0 is 0: sigmo(0)
    [[0.5]]
    """
    l0 = inputs_as_floats(x, syn0, syn1)  # Part 2: checks x fits the weights
    l1 = sigmo_each(dot(l0, syn0))
    if syn1 is None:
        return l1
    return sigmo_each(dot(l1, syn1))


# 6. Lesson 2: the hidden layer the post left unwritten -------------------
#
# The post stops here ("still being written"). The tutorial goes on with a
# harder table: the output is 1 when exactly one of the first two inputs is
# 1 (XOR). The third input is the bias again.
#
#     Inputs  Output
#     0 0 1   0
#     0 1 1   1
#     1 0 1   1
#     1 1 1   0
#
# No single input tells the answer, and one layer of weights cannot learn
# it: its guess grows or shrinks with each input, but here input 1 must
# raise the guess in one row and lower it in another. (python nn_pure.py
# --table xor shows the outputs stuck at 0.5.) So the tutorial puts a
# hidden layer l1 between the input l0 and the output, now l2. Each hidden
# unit is itself a small 2-layer network and learns some simpler table; the
# output then combines them. Trained here with seed 1, two units come out
# close to NOR ("neither is 1") and NAND ("not both are 1"), and XOR is
# (not NOR) and NAND: at least one, but not both. Which units appear
# depends on the starting weights.

X_xor = [[0, 0, 1],
         [0, 1, 1],
         [1, 0, 1],
         [1, 1, 1]]

y_xor = [[0], [1], [1], [0]]  # 1 when exactly one of inputs 1 and 2 is


def train_hidden(X, y, hidden=4, iterations=60000, seed=1, on_step=None,
                 alpha=1.0):
    """Train the tutorial's 3-layer network; return (l2, syn0, syn1).

    l0 (the input) -> syn0 -> l1 (hidden: `hidden` numbers per row) ->
    syn1 -> l2 (the output). l2 is the output in the last iteration, before
    that iteration's update. Both weight matrices start as the tutorial's,
    2 * random - 1, drawn after np.random.seed(seed): syn0 first.
    on_step(itr, l1, l2, l2_error, l2_delta, l1_error, l1_delta, syn1,
    syn0), if given, is called after each iteration.

    >>> l2, syn0, syn1 = train_hidden(X_xor, y_xor, iterations=5000)
    >>> [round(row[0]) for row in l2]
    [0, 1, 1, 0]
    """
    X, y = table_as_floats(X, y)  # Part 2, as in train()
    check_settings(iterations, alpha, on_step, hidden)
    random = RandomState(seed)  # Part 2: NumPy's random numbers
    syn0 = plus_minus_one(random.random_sample((len(X[0]), hidden)))
    syn1 = plus_minus_one(random.random_sample((hidden, 1)))  # 2 * r - 1

    for itr in range(iterations):
        # the guess, layer by layer
        l0 = X
        l1 = sigmo_each(dot(l0, syn0))
        l2 = sigmo_each(dot(l1, syn1))
        # how much did the output miss, scaled by its slope (as in train)
        l2_error = subtract(y, l2)
        l2_delta = multiply(l2_error, sigmo_each(l2, True))
        # each hidden number's share of the blame: the output's delta sent
        # back through the weight that carried that number forward
        l1_error = dot(l2_delta, transpose(syn1))
        l1_delta = multiply(l1_error, sigmo_each(l1, True))
        # move each weight by its input x delta, added over the rows
        syn1 = add(syn1, dot(transpose(l1), l2_delta), alpha)
        syn0 = add(syn0, dot(transpose(l0), l1_delta), alpha)
        if on_step is not None:
            on_step(itr, l1, l2, l2_error, l2_delta, l1_error, l1_delta,
                    syn1, syn0)

    if iterations == 0:  # no training: the untrained guess
        l2 = predict(X, syn0, syn1)
    return l2, syn0, syn1


# ===========================================================================
# Part 2: the machinery. A student may stop reading here.
# ===========================================================================
# NumPy's random numbers, input checks, NumPy-style printing, looking inside
# the trained network, the chart, CSV tables and the command line.

# Python 2 would run this file, and wrongly (1 / 2 is 0 there), as would
# CPython before 3.6 in places: say so in one line. (MicroPython calls
# itself 3.4 and is let through.) The whole file is Python 2 syntax so far.
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
    "read_table", "lesson"]


# A. Where the "random" starting weights come from -------------------------
#
# Computer random numbers come from a formula: each number is computed from
# the one before, and the first from the seed, so the same seed gives the
# same numbers every time. NumPy's np.random.seed and random_sample use the
# Mersenne Twister, MT19937 (Matsumoto and Nishimura, 1998). Here it is in
# plain Python, so that nn_pure starts from exactly NumPy's numbers.

class RandomState:
    """NumPy's legacy random generator: RandomState(1).random_sample((3, 1))
    is np.random.seed(1); np.random.random_sample((3, 1)), bit for bit.

    >>> RandomState(1).random_sample((3, 1))
    [[0.417022004702574], [0.7203244934421581], [0.00011437481734488664]]
    """

    def __init__(self, seed):  # MT19937's init_genrand
        seed = from_numpy(seed)
        if not isinstance(seed, int) or isinstance(seed, bool):
            raise TypeError("seed must be a whole number from 0 to 2**32 - 1, "
                            "got %s" % describe(seed))
        if not 0 <= seed <= 0xFFFFFFFF:
            raise ValueError("seed must be from 0 to 2**32 - 1 (4294967295), "
                             "got %d" % seed)
        self.state = [0] * 624  # filled in place: a list grown by append
        self.state[0] = seed    # takes 25 KB more heap on MicroPython
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
        number ^= number >> 18
        return number

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
        if (not isinstance(size, (tuple, list)) or len(size) != 2
                or not all(isinstance(n, int) and not isinstance(n, bool)
                           and n > 0 for n in size)
                or size[0] * size[1] > 10 ** 6):  # a lesson's weights are
            raise ValueError(  # thousands; a million take 2 s and 30 MB
                "random_sample takes a shape (rows, columns) of two whole "
                "numbers above 0, 1000000 numbers at most, got %s"
                % describe(size))
        rows, columns = size
        return [[self.random() for _ in range(columns)] for _ in range(rows)]


def starting_weights(columns, seed, init):
    """syn0 before training: one weight per input column, drawn at random."""
    weights = RandomState(seed).random_sample((columns, 1))
    if init == "post":
        return weights
    if init == "tutorial":
        return plus_minus_one(weights)
    raise ValueError("init must be 'post' or 'tutorial', got %s"
                     % describe(init))


def plus_minus_one(m):
    """2 * m - 1: random numbers in [0, 1) spread to [-1, 1)."""
    return [[2 * value - 1 for value in row] for row in m]


# B. Checking the input ------------------------------------------------------
#
# The helpers check shapes on every call, quickly (size_of). The functions a
# student calls with a table, train, train_hidden, predict and format_matrix,
# check every number once, first (shape), and say what is wrong and where.

def size_of(m, operation, which="matrix"):
    """(rows, columns) of matrix m, or a ValueError that says what is wrong."""
    try:
        columns = len(m[0])
        if columns and type(m) is list and type(m[0]) is list:
            for row in m:  # every row as long as the first
                if len(row) != columns:
                    break
            else:
                return len(m), columns
    except (TypeError, IndexError, KeyError):
        pass
    return shape(m, operation + ": " + which, numbers=False)


def same_shape(a, b, operation):
    """(rows, columns) of a and b, after checking both have that shape."""
    try:
        columns = len(a[0])
        if (len(a) == len(b) and columns and type(a) is type(b) is list
                and type(a[0]) is type(b[0]) is list
                and rows_fit(a, columns, b, columns)):
            return len(a), columns
    except (TypeError, IndexError, KeyError):
        pass
    rows, columns = size_of(a, operation, "first matrix")
    b_rows, b_columns = size_of(b, operation, "second matrix")
    if (b_rows, b_columns) != (rows, columns):
        raise ValueError("%s needs two matrices of the same shape, got %dx%d "
                         "and %dx%d" % (operation, rows, columns, b_rows,
                                        b_columns))
    return rows, columns


def dot_shapes(a, b):
    """(rows, columns) of b, after checking a's rows are as long as b's."""
    try:
        inner, columns = len(b), len(b[0])
        if (type(a) is type(b) is list and a and columns
                and type(a[0]) is type(b[0]) is list
                and rows_fit(a, inner, b, columns)):
            return inner, columns
    except (TypeError, IndexError, KeyError):
        pass
    rows, inner = size_of(a, "dot", "first matrix")
    b_rows, columns = size_of(b, "dot", "second matrix")
    if inner != b_rows:
        raise ValueError("dot: shapes %dx%d and %dx%d do not multiply; "
                         "expected the first matrix's columns (%d) to equal "
                         "the second matrix's rows (%d)"
                         % (rows, inner, b_rows, columns, inner, b_rows))
    return b_rows, columns


def rows_fit(a, a_length, b=(), b_length=0):
    """True when each row of a has a_length numbers, and of b b_length."""
    for row in a:
        if len(row) != a_length:
            return False
    for row in b:
        if len(row) != b_length:
            return False
    return True


def shape(m, name="matrix", numbers=True):
    """(rows, columns) of matrix m, after checking every part of it: a
    non-empty list of rows of numbers, all one length. Else an error that
    says what is wrong and where (numbers=False: leave the numbers be).

    >>> shape([[0, 0, 1], [1, 1, 1]])
    (2, 3)
    """
    m = from_numpy(m)
    if not isinstance(m, (list, tuple)) or len(m) == 0:
        raise ValueError("%s must be a non-empty list of rows, got %s"
                         % (name, describe(m)))
    columns = len(m[0]) if isinstance(m[0], (list, tuple)) else 0
    for r, row in enumerate(m):
        if not isinstance(row, (list, tuple)):
            raise ValueError("%s row %d is %s; expected a row, a list of "
                             "numbers (a matrix looks like [[1, 2], [3, 4]])"
                             % (name, r, describe(row)))
        if len(row) == 0:
            raise ValueError("%s row %d is empty; expected a list of numbers"
                             % (name, r))
        if len(row) != columns:
            raise ValueError("%s is ragged: row 0 has %d numbers but row %d "
                             "has %d; expected every row to have %d"
                             % (name, columns, r, len(row), columns))
        for c, value in enumerate(row if numbers else ()):
            if not is_number(value):
                raise TypeError("%s[%d][%d] is %s; expected a number (int "
                                "or float)" % (name, r, c, describe(value)))
    return len(m), columns


def is_number(value):
    """True for an int or a float; False for anything else, bool included.

    >>> is_number(0.5), is_number(3), is_number(True), is_number("1")
    (True, True, False, False)
    """
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def describe(value):
    """A short description of a value for an error message: 'True (bool)'."""
    try:
        text = " ".join(repr(value).split())  # one line, even for arrays
    except RuntimeError:  # RecursionError: a list nested too deeply
        text = "[[[..."
    text = text if len(text) <= 30 else text[:27] + "..."
    return "%s (%s)" % (text, type(value).__name__)


def finite_floats(m, name):
    """A float copy of matrix m, after checking it holds finite numbers."""
    shape(m, name)
    for r, row in enumerate(m):
        for c, value in enumerate(row):
            if not is_finite(value):
                raise ValueError("%s[%d][%d] is %s; expected a finite "
                                 "number" % (name, r, c, describe(value)))
    return [[float(value) for value in row] for row in m]


def is_finite(number):
    """False for NaN, infinity, ints too large for a float, and non-numbers."""
    try:
        return math.isfinite(number)
    except (OverflowError, TypeError):  # an int beyond 1.8e308, or None
        return False


def table_as_floats(X, y):
    """X (n x m) and y (n x 1) as floats, after checking every number."""
    X, y = from_numpy(X), from_numpy(y)
    rows, columns = shape(X, "X")
    y_rows, y_columns = shape(y, "y")
    if (y_rows, y_columns) != (rows, 1):
        raise ValueError("y must be %dx1 (one answer for each of the %d rows "
                         "of X), got %dx%d" % (rows, rows, y_rows, y_columns))
    X, y = finite_floats(X, "X"), finite_floats(y, "y")
    for r, row in enumerate(y):
        if not 0 <= row[0] <= 1:
            raise ValueError("y[%d][0] is %r; expected a target from 0 to 1, "
                             "the range of the sigmoid" % (r, row[0]))
    return X, y


def check_settings(iterations, alpha, on_step, hidden=1, trace=0):
    """Check train's settings before it starts: a clear error if one is off."""
    for name, value, least in (("iterations", from_numpy(iterations), 0),
                               ("hidden", from_numpy(hidden), 1),
                               ("trace", from_numpy(trace), 0)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError("%s must be a whole number (%d or more), got %s"
                            % (name, least, describe(value)))
        if value < least:
            raise ValueError("%s must be %d or more, got %d"
                             % (name, least, value))
    alpha = from_numpy(alpha)
    if not (is_number(alpha) and is_finite(alpha) and alpha > 0):
        raise ValueError("alpha, the learning rate, must be a number above 0,"
                         " got %s" % describe(alpha))
    if on_step is not None and not callable(on_step):
        raise TypeError("on_step must be a function (or None), got %s"
                        % describe(on_step))


def inputs_as_floats(x, syn0, syn1=None):
    """predict's x as a matrix of floats, after checking it fits syn0."""
    x, syn0, syn1 = from_numpy(x), from_numpy(syn0), from_numpy(syn1)
    if isinstance(x, (list, tuple)) and x and is_number(x[0]):
        x = [x]  # one row
    rows, columns = shape(x, "x")
    weights, hidden = shape(syn0, "syn0")
    if columns != weights:
        raise ValueError("x has rows of %d numbers but syn0 has %d rows, one "
                         "weight per input; expected rows of %d numbers"
                         % (columns, weights, weights))
    finite_floats(syn0, "syn0")
    if syn1 is not None and len(finite_floats(syn1, "syn1")) != hidden:
        raise ValueError("syn1 has %d rows but syn0 has %d columns; expected "
                         "one row of syn1 per hidden unit"
                         % (len(syn1), hidden))
    return finite_floats(x, "x")


# C. Printing a matrix the way NumPy printed it in the post ------------------
#
# The post printed with NumPy 1.x, as np.set_printoptions(legacy='1.13')
# still does. The rules, from NumPy's arrayprint.py (FloatingFormat): at
# most 8 decimals, trailing zeros turned to spaces so columns line up
# ("[[ 0.25      ]"); a space before each number where a minus sign would
# go; exponent form ("4.17022005e-01") when the smallest non-zero number is
# below 0.0001, the largest 1e8 or more, or over 1000 times the smallest.

def format_matrix(m):
    """Return the text NumPy prints for matrix m (legacy='1.13' style).

    >>> print(format_matrix([[0.25], [0.23943260844]]))
    [[ 0.25      ]
     [ 0.23943261]]
    >>> print(format_matrix([[0.417022004702574], [0.00011437481734488664]]))
    [[  4.17022005e-01]
     [  1.14374817e-04]]
    """
    m = from_numpy(m)
    shape(m, "format_matrix: matrix")
    for row in m:
        for value in row:
            if isinstance(value, int) and not is_finite(value):
                raise ValueError("format_matrix: %s is too large for a "
                                 "float; expected at most 1.8e308"
                                 % describe(value))
    numbers = [float(value) for row in m for value in row]
    if use_exponent_form(numbers):
        texts = [exponent_text(value) for value in numbers]
    else:
        texts = [decimal_text(value) for value in numbers]
    texts = line_up(texts)
    columns = len(m[0])
    rows = []
    for start in range(0, len(texts), columns):
        rows.append(row_text(texts[start:start + columns]))
    return "[" + "\n ".join(rows) + "]"


def row_text(texts, line_width=75):
    """One row in brackets; a row too long for the line wraps as NumPy's does.

    >>> row_text([" 0.5", " 1. "])
    '[ 0.5  1. ]'
    """
    lines = []
    line = "  "  # continued lines start under the row's first number
    for text in texts:
        if len(line) + len(text) > line_width:
            lines.append(line.rstrip())
            line = "  "
        line += text + " "
    lines.append(line[:-1])
    return "[" + "\n".join(lines)[2:] + "]"


def use_exponent_form(numbers):
    """True when NumPy would switch to exponent form for these numbers."""
    sizes = [abs(x) for x in numbers if x != 0 and math.isfinite(x)]
    if not sizes:
        return False
    largest, smallest = max(sizes), min(sizes)
    return largest >= 1e8 or smallest < 0.0001 or largest / smallest > 1000


def decimal_text(x):
    """x with at most 8 decimals and no trailing zeros: 0.25 -> '0.25'.

    NumPy keeps the shortest digits that still identify the float (what
    repr() shows) when they fit in 8 decimals; otherwise it rounds to 8.
    """
    if not math.isfinite(x):
        return special_text(x)
    text = repr(x)
    if "e" in text or len(text.partition(".")[2]) > 8:
        text = "%.8f" % x
    return text.rstrip("0") if "." in text else text + "."


def exponent_text(x):
    """x in exponent form, 8 decimals: 0.000114374817 -> '1.14374817e-04'."""
    if not math.isfinite(x):
        return special_text(x)
    return "%.8e" % x


def special_text(x):
    """How NumPy writes the non-numbers: 'nan', 'inf', '-inf'."""
    if x != x:
        return "nan"
    return "inf" if x > 0 else "-inf"


def line_up(texts):
    """Pad every number to one width, lined up on the decimal point.

    Before the point: room for the widest whole part plus a sign (NumPy
    1.13 always keeps that sign space). After it: spaces up to the longest
    fraction, so 0.25 and 0.1838414 end in the same column.
    """
    numbers = [t for t in texts if t not in ("nan", "inf", "-inf")]
    if numbers and "e" in numbers[0]:
        # exponent form: three places before the point, exponents one length
        exponent_digits = max(len(t.partition("e")[2]) - 1 for t in numbers)
        numbers = [widen_exponent(t, exponent_digits) for t in numbers]
        before = 3
        after = max(len(t.partition(".")[2]) for t in numbers)
    else:
        before = 1 + max([len(t.partition(".")[0].lstrip("-"))
                          for t in numbers] or [0])
        after = max([len(t.partition(".")[2]) for t in numbers] or [0])
    specials = [t for t in texts if t in ("nan", "inf", "-inf")]
    if specials:
        # room for "nan" and "-inf" too, as NumPy makes
        before = max(before, 3 - (after + 1), 4 - (after + 1))
    width = before + 1 + after
    result = []
    for text in texts:
        if text in ("nan", "inf", "-inf"):
            result.append(pad_left(text, width))
        else:
            if "e" in text:
                text = widen_exponent(text, exponent_digits)
            whole, point, fraction = text.partition(".")
            result.append(pad_left(whole, before) + point
                          + fraction + " " * (after - len(fraction)))
    return result


def widen_exponent(text, digits):
    """'1.5e-05' with digits=3 -> '1.5e-005': all exponents one length."""
    mantissa, _, exponent = text.partition("e")
    return (mantissa + "e" + exponent[0]
            + pad_left(exponent[1:], digits, "0"))


def pad_left(text, width, fill=" "):
    """text.rjust(width, fill), spelled out: MicroPython has no rjust."""
    return fill * (width - len(text)) + text


# D. Looking inside the trained network ------------------------------------

def mean_abs(m):
    """The mean of |number| over a matrix: how far off, on average.

    >>> mean_abs([[0.5], [-0.25]])
    0.375
    """
    rows, columns = size_of(m, "mean_abs")
    total = 0.0
    for row in m:
        for value in row:
            total += abs(value)
    return total / (rows * columns)


def python2_str(number):
    """A float as the tutorial's Python 2 str() printed it: 12 digits.

    >>> python2_str(0.49641003190272537)
    '0.496410031903'
    """
    text = "%.12g" % number
    if "." not in text and "e" not in text and "n" not in text:
        text += ".0"  # Python 2 wrote 1.0, not 1
    return text


def number_text(x):
    """One number as NumPy prints it in a matrix: 0.99993704, 0.5."""
    return format_matrix([[x]])[2:-2].strip()


def biggest_weight(X, syn0):
    """A sentence on the input whose weight is largest (by size)."""
    varying = [c for c in range(len(X[0]))
               if any(row[c] != X[0][c] for row in X)] or [0]
    c = max(varying, key=lambda c: abs(syn0[c][0]))
    way = "follows" if syn0[c][0] > 0 else "goes against"
    return ("The largest weight, %s, is on input %d: the guess %s input %d."
            % (number_text(syn0[c][0]), c + 1, way, c + 1))


ZERO_ROW_NOTE = """\
A row of zeros always gets 0.5: every weight times 0 is 0, and sigmo(0) is
0.5, whatever the training. This is what the bias column (always 1) is for."""


def print_guesses(rows, syn0, syn1=None):
    """Print the trained network's guess for each new row (lists of text)."""
    print("Guesses for new rows :")
    for fields in rows:
        guess = predict([float(text) for text in fields], syn0, syn1)[0][0]
        print("  [%s] -> %s" % (", ".join(fields), number_text(guess)))
    if syn1 is None and any(all(float(text) == 0 for text in fields)
                            for fields in rows):
        print(ZERO_ROW_NOTE)


# The 16 tables of two 0/1 inputs A, B by their outputs for 00 01 10 11.
TABLE_NAMES = {
    "0000": "always 0", "0001": "AND", "0010": "A AND NOT B", "0011": "A",
    "0100": "B AND NOT A", "0101": "B", "0110": "XOR", "0111": "OR",
    "1000": "NOR: neither is 1", "1001": "XNOR: both the same",
    "1010": "NOT B", "1011": "A OR NOT B", "1100": "NOT A",
    "1101": "B OR NOT A", "1110": "NAND: not both are 1", "1111": "always 1"}


def hidden_units(X, syn0):
    """Lines naming the table of two 0/1 inputs each hidden unit learned;
    none unless X holds 0s and 1s and exactly two inputs vary, as XOR."""
    shape(X, "hidden_units: X")  # a matrix of numbers, or a one-line error
    varying = [c for c in range(len(X[0]))
               if any(row[c] != X[0][c] for row in X)]
    if len(varying) != 2 or any(v not in (0, 1) for row in X for v in row):
        return []
    a, b = varying
    l1 = predict(X, syn0)
    lines = ["What each hidden unit learned: its output, rounded, for A B = "
             "00 01 10 11", "(A is input %d, B is input %d) :"
             % (a + 1, b + 1)]
    for unit in range(len(syn0[0])):
        outputs = {}
        for row, hidden in zip(X, l1):
            outputs[(row[a], row[b])] = str(int(hidden[unit] >= 0.5))
        pattern = "".join(outputs.get(ab, "?") for ab in
                          ((0, 0), (0, 1), (1, 0), (1, 1)))
        lines.append("unit %d: %s  %s" % (unit + 1, " ".join(pattern),
                                          TABLE_NAMES.get(pattern, "")))
    return lines


# E. The learning curve: a chart in plain text ------------------------------

def sample_points(iterations, width=30):
    """Which iterations the chart's `width` columns show, spread evenly.

    >>> sample_points(60000, width=4)
    [0, 19999, 39999, 59999]
    >>> sample_points(2, width=4)
    [0, 0, 1, 1]
    """
    if iterations <= 0:
        return []
    return [k * iterations // width if iterations < width
            else k * (iterations - 1) // (width - 1) for k in range(width)]


def text_chart(errors, iterations, height=8):
    """Draw the error against the iteration with '*', in 40 columns.

    errors maps each iteration sample_points() picks to its mean |error|.
    The error axis is logarithmic when the error falls more than tenfold.
    """
    check_settings(iterations, 1, None)
    if not isinstance(errors, dict):
        raise TypeError("text_chart: errors must be a dict, got %s"
                        % describe(errors))
    # height: 2 lines for the labels at the top and bottom; 100, two screens
    if not (isinstance(height, int) and 2 <= height <= 100):
        raise ValueError("text_chart: height must be a whole number of lines"
                         " from 2 to 100, got %s" % describe(height))
    if iterations == 0:
        return "(no iterations ran: nothing to plot)"
    values = [errors.get(itr) for itr in sample_points(iterations)]
    if not all(is_number(value) and is_finite(value) for value in values):
        raise ValueError("text_chart: errors must hold a number for each "
                         "iteration in sample_points(%d)" % iterations)
    top, bottom = max(values), min(values)
    log_scale = bottom > 0 and top / bottom > 10
    if not log_scale:
        bottom = 0.0
    rows = [[" "] * len(values) for _ in range(height)]
    for column, error in enumerate(values):
        rows[chart_row(error, top, bottom, height, log_scale)][column] = "*"
    lines = ["mean |error| (log scale)" if log_scale else "mean |error|"]
    labels = ["%.3g" % top] + [""] * (height - 2) + ["%.3g" % bottom]
    for label, row in zip(labels, rows):
        lines.append(pad_left(label, 8) + " |" + "".join(row))
    lines.append(" " * 9 + "+" + "-" * len(values))
    first, last, middle = "0", str(iterations), "iterations"
    gap = len(values) - len(first) - len(last) - len(middle)
    lines.append(" " * 10 + first + " " * (gap // 2) + middle
                 + " " * (gap - gap // 2) + last)
    return "\n".join(line.rstrip() for line in lines)


def chart_row(error, top, bottom, height, log_scale):
    """The chart line (0 = top) where an error value goes."""
    if top == bottom:
        return height - 1
    if log_scale:
        where = (math.log(top) - math.log(error)) / (math.log(top)
                                                      - math.log(bottom))
    else:
        where = (top - error) / (top - bottom)
    return int(round(where * (height - 1)))


# F. A student's own table, from a CSV file ----------------------------------
#
# Limits: a lesson's table, not a data set (for that, use NumPy): a file of
# at most 1 MB, 1,000 rows and 20 inputs, so that training takes minutes.

TABLE_LIMITS = (1000000, 1000, 20)  # bytes, rows, inputs


def read_table(path):
    """Read a CSV file into (X, y): each row the inputs, then the target.

    A header line, blank lines and # lines are skipped. Anything wrong is a
    ValueError naming the file, the line and what was expected.
    """
    import csv  # here, not at the top: MicroPython has none
    path = getattr(path, "__fspath__", lambda: path)()  # a pathlib.Path too
    text = read_text(path)
    name = shown_name(path)
    rows, lines = [], 0
    # Lines end at \r\n, \r or \n (not at a form feed, as in splitlines),
    # each read alone: a quote in a comment (# a,"b) runs on into no other.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip().startswith("#"):
            continue  # a comment line, of any length
        try:
            fields = [field.strip() for field in next(csv.reader([line]))]
        except csv.Error:  # a field over csv's limit, 131,072 characters
            raise ValueError("%s: line %d has a field over %d characters; "
                             "expected numbers such as 0.5"
                             % (name, number, csv.field_size_limit()))
        if not "".join(fields) or fields[0].startswith("#"):
            continue  # a blank or comment line
        lines += 1
        values = [read_number(field) for field in fields]
        if lines == 1 and values.count(None) == len(values):
            continue  # a header line: names, not numbers
        check_csv_row("%s: line %d" % (name, number), fields, values,
                      len(rows[0]) if rows else None)
        rows.append(values)
    if not rows:
        raise ValueError("%s has no rows of numbers%s; expected lines such "
                         "as 0,1,1,0 (the inputs, then the target)"
                         % (name, separator_hint(text)))
    if len(rows) > TABLE_LIMITS[1] or len(rows[0]) - 1 > TABLE_LIMITS[2]:
        raise ValueError("%s has %d rows of %d inputs; a lesson's table has "
                         "at most %d rows of %d (for more, use NumPy)"
                         % ((name, len(rows), len(rows[0]) - 1)
                            + TABLE_LIMITS[1:]))
    return [row[:-1] for row in rows], [[row[-1]] for row in rows]


def check_csv_row(where, fields, values, width):
    """Check one row of a table file; width is the length of the rows above."""
    shown = [field if len(field) <= 30 else field[:27] + "..."  # a message
             for field in fields]  # stays one short line, for any field
    for column, value in enumerate(values):
        if value is None:
            raise ValueError("%s, column %d: %r is not a number; expected "
                             "numbers separated by commas%s"
                             % (where, column + 1, shown[column],
                                separator_hint(fields[column])))
        if not is_finite(value):
            raise ValueError("%s, column %d: %s is not a finite number"
                             % (where, column + 1, shown[column]))
    if len(values) < 2:
        raise ValueError("%s has 1 column; expected the inputs, then the "
                         "target: 2 columns or more" % where)
    if width is not None and len(values) != width:
        raise ValueError("%s has %d columns but the rows above have %d; "
                         "expected the same number in every row"
                         % (where, len(values), width))
    if not 0 <= values[-1] <= 1:
        raise ValueError("%s: the target (last column) is %s; expected a "
                         "number from 0 to 1, the range of the sigmoid"
                         % (where, shown[-1]))


def separator_hint(text):
    """', not commas: separate the numbers with commas', if text has tabs
    or semicolons between numbers; else ''."""
    for separator, name in (("\t", "tabs"), (";", "semicolons")):
        if separator in text:
            return " (it has %s: separate the numbers with commas)" % name
    return ""


def read_text(path):
    """The text of a regular file of at most TABLE_LIMITS[0] bytes."""
    import os
    import stat
    if not isinstance(path, str):
        raise TypeError("the table's path must be a file name (str), got %s"
                        % describe(path))
    name = shown_name(path)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("%s: is %s; expected a CSV file" % (name, (
                "a directory" if stat.S_ISDIR(info.st_mode)
                else "not a regular file (a device or a pipe?)")))
        if info.st_size > TABLE_LIMITS[0]:
            raise ValueError("%s has %d bytes; a lesson's table has at most "
                             "%d (for more, use NumPy)"
                             % (name, info.st_size, TABLE_LIMITS[0]))
        with open(path, "rb") as file:
            data = file.read(TABLE_LIMITS[0] + 1)
    except OSError as error:
        reason = (error.strerror or "cannot be read").lower()
        raise ValueError("%s: %s; expected a CSV file" % (name, reason))
    if not data.strip():
        raise ValueError("%s is empty; expected rows of numbers such as "
                         "0,1,1,0 (the inputs, then the target)" % name)
    try:
        text = data.decode("utf-8-sig")  # -sig: without a byte-order mark
        bad = text.index("\0") if "\0" in text else None  # binary
    except UnicodeDecodeError as error:
        bad = error.start
    if bad is not None:
        raise ValueError("%s: line %d is not text; expected a CSV file of "
                         "numbers" % (name, data[:bad].count(b"\n") + 1))
    return text


def shown_name(path):
    """A file name for a message: quoted when empty or not printable."""
    printable = path and all(" " <= ch != "\x7f" for ch in path)
    return path if printable else repr(path)


def read_number(text):
    """A number written plainly, as 0.5, -2, 1e-3 (nan and inf too), or None.

    float() alone would also take 1_000 and other alphabets' digits.
    """
    plain = text.strip().lower()
    if plain.lstrip("+-") in ("nan", "inf", "infinity") or (
            plain and all(ch in "0123456789+-.e" for ch in plain)):
        try:
            return float(plain)
        except ValueError:
            return None
    return None


# The calculator edition: python nn_pure.py --calculator > nn_calc.py -------
#
# A calculator has no sys and a heap of 17 to 64 KB: this file does not fit.
# --calculator prints Part 1's own functions, less docstrings and checks.

CALC_EDITS = [  # (pattern, replacement): Part 1's code as a calculator's
    (r'\n *"""[\s\S]*?"""'  # out: the docstrings,
     r"|(?<=\n)\n( *#.*\n)+|  # Part 2.*"  # comment blocks (the worked
     r"|\b(seed|init|on_step|hidden)=\S*,\s*"  # example), Part 2's notes,
     r"| *(size_of|check_settings|random =|X, y = table).*\n"  # the checks
     r"| *(if on_step|except TypeError).*\n[^)]*\)+\n", ""),  # and what
    # only the PC needs. Then Part 2's calls become plain Python:
    (r"inner, .*\n *ks, js = .*", "ks, js = range(len(b)), range(len(b[0]))"),
    (r"rows, columns = same_shape\(a, .*", "columns = len(a[0])"),
    (r"inputs_as_floats\(.*", "x"),
    (r"(syn\d) = (starting_weights|plus_minus_one).*", r"\1 = \1_start"),
    (r"(?m)^( {4})+", lambda m: m.group()[::2])]  # 2 spaces a step, shorter

CALC_FILE = """\
# nn_calc.py: nn_pure.py's lesson "a neural network in 11 lines" for a
# calculator, made by: python nn_pure.py {flags}
# Run: python nn_calc.py; on NumWorks or TI, in the Python app (NumWorks:
# from nn_calc import *). It prints what nn_pure.py prints: output, guesses.
# Starting weights: NumPy's after np.random.seed({seed}), as whole numbers
# over powers of 2, as NumPy makes them (MicroPython 1.17 reads some
# decimals 1 bit off); print(syn0_start) shows them as decimals.
import math
{matrices}

{code}
def texts(m):  # a column's numbers as nn_pure.py prints them, lined up
  sizes = [row[0] for row in m if row[0]] or [1]
  e = min(sizes) < 0.0001 or max(sizes) > 1000 * min(sizes)
  texts = ["%.8e" % r[0] if e else ("%.8f" % r[0]).rstrip("0") for r in m]
  width = max([len(t) for t in texts])
  return [" " * (1 + e) + t + " " * (width - len(t)) for t in texts]

{out}, {syn} = {train}(X, y, {iterations}, {alpha})
print("Output after training :")
print("[[" + "]\\n [".join(texts({out})) + "]]")
rows = {rows}  # to ask about
if rows:
  print("Guesses for new rows :")
for row in rows:
  guess = predict([[float(t) for t in row.split(",")]], {syn})
  print("  [" + row + "] -> " + texts(guess)[0].strip())
"""


def calculator_file(argv, X, y, hidden=None, iterations=None, trace=0,
                    plot=False, init=None, seed=1, alpha=1.0, rows=()):
    """nn_calc.py's text: Part 1's lesson for these flags, for a calculator."""
    import inspect, re  # here, not at the top: only --calculator needs them
    if trace or plot:
        raise ValueError("--calculator: the file has no --trace or --plot")
    if hidden is None:
        start = [starting_weights(len(X[0]), seed, init or "post")]
        names = "l1", "syn0", train, 10000
        rows = rows or [["1", "0", "0"], ["0", "0", "0"]] * (len(X[0]) == 3)
    else:  # syn0, then syn1, as train_hidden draws them
        random = RandomState(seed)
        start = [plus_minus_one(random.random_sample(size))
                 for size in ((len(X[0]), hidden), (hidden, 1))]
        names = "l2", "syn0, syn1", train_hidden, 60000
    code = "\n".join(inspect.getsource(function) for function in (
        transpose, dot, add, subtract, multiply, sigmo, sigmo_each,
        names[2], predict))
    for pattern, replacement in CALC_EDITS:
        code = re.sub(pattern, replacement, code)
    matrices = ["%s = [%s]" % (name, (",\n" + " " * (len(name) + 4)).join(
        map(calc_number, m))) for name, m in zip(
            ("X", "y", "syn0_start", "syn1_start"), [X, y] + start)]
    return CALC_FILE.format(
        flags=" ".join(argv), seed=seed, code=code, out=names[0],
        matrices="\n".join(matrices),
        syn=names[1], train=names[2].__name__, alpha=calc_number(alpha),
        iterations=names[3] if iterations is None else iterations,
        rows=[", ".join(row) for row in rows])


def calc_number(x):
    """x, or a matrix of them, as text every Python reads as the same floats:
    0.75 as 3 / 2**2 (MicroPython 1.17 reads some decimals 1 bit off)."""
    if isinstance(x, list):
        return "[%s]" % ", ".join(map(calc_number, x))
    top, bottom = float(x).as_integer_ratio()  # bottom: a power of 2
    power = bottom.bit_length() - 1
    return "%d / 2**%d" % (top, power) if power else "%d" % top


# G. The command line: python nn_pure.py [--table T] [--hidden H] ... -------

def print_matrices(named):
    """Print (label, matrix) pairs: each label, then its matrix."""
    for label, m in named:
        print(label + " :")
        print(format_matrix(m))


def print_step(itr, l1, l1_error, l1_delta, syn0):
    """Print one iteration of lesson 1 the way the post's trace shows it."""
    print_matrices([("%d -l1" % itr, l1), ("l1_error", l1_error),
                    ("sigmo(l1,True)", sigmo_each(l1, True)),
                    ("l1_delta", l1_delta), ("syn0", syn0)])


def print_hidden_step(itr, l1, l2, l2_error, l2_delta, l1_error, l1_delta,
                      syn1, syn0):
    """Print one iteration of lesson 2, layer by layer."""
    print_matrices([("%d -l1" % itr, l1), ("l2", l2), ("l2_error", l2_error),
                    ("l2_delta", l2_delta), ("l1_error", l1_error),
                    ("l1_delta", l1_delta), ("syn1", syn1), ("syn0", syn0)])


def lesson(X=None, y=None, hidden=None, iterations=None, trace=0,
           plot=False, init=None, seed=1, alpha=1.0, rows=()):
    """What ``python nn_pure.py`` does: train on a table (the module's X, y
    as they are now, by default), print the output. Flags as arguments:
    rows are --predict's, as lists of numbers or of number texts."""
    if X is None and y is None:
        X, y = choose_table(None)
    X, y = table_as_floats(X, y)  # checked first, with its rows and columns
    if iterations is None:
        iterations = 10000 if hidden is None else 60000
    check_settings(iterations, alpha, None, 1 if hidden is None else hidden,
                   trace)
    if plot not in (True, False):
        raise TypeError("plot must be True or False, got %s" % describe(plot))
    rows = check_rows(rows, len(X[0]))
    work = iterations * len(X) * len(X[0]) * (hidden or 1)
    RUN.update(at=0, of=iterations if work > 10 ** 6 else 0,  # long: watch
               start=time.time(), shown=0)
    if hidden is None:
        lesson_one(X, y, iterations, trace, plot, init or "post", seed,
                   alpha, rows)
    else:
        lesson_two(X, y, hidden, iterations, trace, plot, seed, alpha, rows)


def choose_table(table):
    """The post's table, the tutorial's XOR table, or one from a CSV file;
    the post's with no --table flag."""
    if table is None:
        return X, y  # the module's, as they are now
    import os  # here: MicroPython has no os.path (nor flags)
    tables = {"post": (X, y), "xor": (X_xor, y_xor)}
    if table in tables and os.path.exists(table):
        sys.stderr.write("nn_pure.py: using the built-in table %r, not the "
                         "file %s (for the file, write ./%s)\n"
                         % (table, table, table))
    return tables[table] if table in tables else read_table(table)


def lesson_one(X, y, iterations, trace, plot, init, seed, alpha, rows):
    """Train the 2-layer network; print its output and what it learned."""
    errors = {}  # iteration -> mean |l1_error|, for the chart
    shown = set(sample_points(iterations)) if plot else set()

    def on_step(itr, l1, l1_error, l1_delta, syn0):
        show_progress(itr)
        if itr < trace:
            print_step(itr, l1, l1_error, l1_delta, syn0)
        if itr in shown:
            errors[itr] = mean_abs(l1_error)

    l1, syn0 = train(X, y, iterations, seed, init,
                     on_step if trace or plot or RUN["of"] else None, alpha)
    print("Output after training :")
    print(format_matrix(l1))
    print_saturation_hint(X, y, l1)
    if iterations > 0 and cannot_tell_rows_apart(y, l1):
        print(NOT_LEARNED)
    print("syn0 after training :")
    print(format_matrix(syn0))
    if all(abs(t[0] - g[0]) < 0.5 for t, g in zip(y, l1)):  # learned
        print(biggest_weight(X, syn0))
    if not rows and len(X[0]) == 3:
        rows = [["1", "0", "0"], ["0", "0", "0"]]  # two rows the post lacks
    if rows:
        print_guesses(rows, syn0)
    if plot:
        print(text_chart(errors, iterations))


def cannot_tell_rows_apart(y, l1):
    """True when every output sits at 0.5 though the answers differ."""
    at_half = all(abs(row[0] - 0.5) < 0.05 for row in l1)
    return at_half and mean_abs(subtract(y, l1)) > 0.25


NOT_LEARNED = """\
The outputs all stay at 0.5: the network cannot tell the rows apart.
With no hidden layer it can only learn a table where one straight cut
separates the 0s from the 1s; XOR is the classic table where none does.
Give it a hidden layer: --hidden 4"""


def lesson_two(X, y, hidden, iterations, trace, plot, seed, alpha, rows):
    """Train the 3-layer network, printing the tutorial's progress lines."""
    errors = {}  # iteration -> mean |l2_error|, for the chart
    shown = set(sample_points(iterations)) if plot else set()

    def on_step(itr, l1, l2, l2_error, l2_delta, l1_error, l1_delta,
                syn1, syn0):
        show_progress(itr)
        if itr % 10000 == 0:  # the tutorial's progress line
            print("Error:" + python2_str(mean_abs(l2_error)))
        if itr < trace:
            print_hidden_step(itr, l1, l2, l2_error, l2_delta, l1_error,
                              l1_delta, syn1, syn0)
        if itr in shown:
            errors[itr] = mean_abs(l2_error)

    l2, syn0, syn1 = train_hidden(X, y, hidden, iterations, seed, on_step,
                                  alpha)
    print("Output after training :")
    print(format_matrix(l2))
    print_saturation_hint(X, y, l2)
    units = hidden_units(X, syn0)
    if units:
        print("The hidden layer, l1, for each row of X :")
        print(format_matrix(predict(X, syn0)))
        print("\n".join(units))
    if rows:
        print_guesses(rows, syn0, syn1)
    if plot:
        print(text_chart(errors, iterations))


def whole_number(text):
    """Read a command-line number: '10' -> 10; None for '-3', 'ten', '1.5'."""
    whole = text != "" and all(ch in "0123456789" for ch in text)
    return int(text) if whole else None


# --iterations: at most 10**8, about half an hour for the post's table here,
# an hour for XOR with --hidden 4; the post's 10,000 take a tenth of a second
WHOLE_FLAGS = (  # flag, smallest, largest, default
    ("iterations", 0, 10 ** 8, None), ("trace", 0, None, 0),
    ("seed", 0, 4294967295, 1), ("hidden", 1, 1000, None))


def parse_options(argv):
    """Read the flags; on a bad one, print usage and exit with status 2."""
    if not argv:
        return {}  # the default lesson
    try:
        import argparse  # here, not at the top: MicroPython has no argparse
    except ImportError:
        sys.stderr.write("nn_pure.py: this Python has no argparse to read "
                         "flags with; run it with no flags for the lesson, "
                         "or call train(X, y, iterations, seed, init)\n")
        sys.exit(2)
    parser = argparse.ArgumentParser(prog="nn_pure.py", description="Train "
                                     "the post's network in plain Python.")
    add = parser.add_argument

    def print_help(file=None):  # argparse's would hide a full disk: exit 0
        (sys.stdout or sys.stderr).write(parser.format_help())
        (sys.stdout or sys.stderr).flush()

    # argparse reads the -1,0,0 of --predict -1,0,0 as a flag: say how to
    def error(message, argparse_error=parser.error):  # give it
        negative = [arg for arg in argv if arg[:1] == "-"
                    and read_number(arg.split(",")[0]) is not None]
        if message.endswith("expected one argument") and negative:
            message += ("; a value that starts with - goes after =, as in "
                        "%s=%s" % (message.split(":")[0][9:], negative[0]))
        argparse_error(message)
    parser.print_help, parser.error = print_help, error
    add("--iterations", metavar="N", help="training iterations (default "
        "10000; 60000 with --hidden; the post suggests trying 1 and 10)")
    add("--trace", metavar="K", help="print the matrices of the first K "
        "iterations, as the post does (with --hidden, every layer's)")
    add("--init", choices=["post", "tutorial"], help="starting weights: "
        "'post' = random_sample, the post's code; 'tutorial' = "
        "2*random_sample-1, which gave the post's printed output (default "
        "post)")
    add("--seed", metavar="S", help="random seed, 0 to 4294967295 (default "
        "1, as np.random.seed(1))")
    add("--table", default="post", metavar="TABLE", help="'post' (default), "
        "'xor' (the tutorial's harder table), or a CSV file: inputs, then a "
        "target from 0 to 1, one row per line")
    add("--hidden", metavar="H", help="add a hidden layer of H numbers per "
        "row: the tutorial's 3-layer network (try --table xor --hidden 4)")
    add("--alpha", metavar="A", help="learning rate: how far each update "
        "moves the weights (default 1, as the post)")
    add("--predict", action="append", default=[], metavar="ROW", dest="rows",
        help="after training, print the guess for this row of inputs, "
        "e.g. 1,0,0 (give it again for more rows)")
    add("--calculator", action="store_true", help="print the lesson as a "
        "file for a calculator, to save as nn_calc.py, instead of running it")
    add("--plot", action="store_true", help="after training, draw the mean "
        "error over the iterations as a text chart")
    options = vars(parser.parse_args(argv))
    for flag, least, most, default in WHOLE_FLAGS:
        text = options[flag]
        number = default if text is None else whole_number(text)
        if text is not None and (number is None or number < least or
                                 (most is not None and number > most)):
            parser.error("argument --%s: expected a whole number, %s, got %r"
                         % (flag, "%d or more" % least if most is None
                            else "from %d to %d" % (least, most), text))
        options[flag] = number
    alpha = 1.0 if options["alpha"] is None else read_number(options["alpha"])
    if alpha is None or not is_finite(alpha) or alpha <= 0:
        parser.error("argument --alpha: expected a number above 0, such as "
                     "0.1 or 10, got %r" % options["alpha"])
    options["alpha"] = alpha
    options["rows"] = [row.split(",") for row in options["rows"]]
    if options["hidden"] is not None and options["init"] is not None:
        parser.error("--init is for the network without a hidden layer; "
                     "with --hidden both weights start as the tutorial's")
    return options


def check_rows(rows, columns):
    """New rows to ask about, as lists of number texts ('1', '0.5'); a
    ValueError unless each has `columns` numbers."""
    rows = [[str(value).strip() for value in row] for row in from_numpy(rows)]
    for fields in rows:
        numbers = [read_number(text) for text in fields]
        if len(fields) != columns or not all(map(is_finite, numbers)):
            raise ValueError("--predict %s: expected %d numbers separated by "
                             "commas, one for each input of the table"
                             % (",".join(fields), columns))
    return rows


def main(argv=None):
    """Run the lesson with the flags in argv (a list of strings); by default
    the command line's, when it is this file's own (not a notebook's)."""
    own = argv is None and own_command_line()
    RUN.update(at=0, of=0, shown=0)
    stop = run_lesson(sys.argv[1:] if own else argv or [])
    if stop:  # (message, exit status): one line, and out, as tools do
        leave(stop[0], stop[1], own)


def run_lesson(argv):
    """main's work; None, or why it stopped: (message, exit status)."""
    try:
        options = parse_options(argv)
        try:
            X, y = choose_table(options.pop("table", None))
            check_rows(options.get("rows", ()), len(X[0]))
            calculator = options.pop("calculator", None) and calculator_file(
                argv, X, y, **options)  # the file's text, if asked for it
        except ValueError as error:  # a table file or a row that won't do
            return "error: %s" % error, 2
        if sys.stdout is None:  # python nn_pure.py >&-: nowhere to print
            return "cannot write the output: stdout is closed", 1
        if calculator:
            sys.stdout.write(calculator)  # the file, not the lesson
        else:
            lesson(X, y, **options)
        sys.stdout.flush()  # a full disk shows here, not after the end
    except KeyboardInterrupt:  # Ctrl-C
        where = " at iteration %d of %d" % (RUN["at"], RUN["of"])
        return "interrupted" + (where if RUN["of"] else ""), 130
    except MemoryError:
        return "out of memory: try a smaller table or --hidden", 1
    except OSError as error:  # the output cannot be written
        if error.errno == 32:  # EPIPE: a cut pipe, as in ... | head -1
            return None, 141
        return "cannot write the output: %s" % error.strerror, 1


def own_command_line():
    """True when sys.argv is this file's own command line: python nn_pure.py,
    python -m nn_pure, %run nn_pure.py, IDLE's and Thonny's Run. Not when the
    file's text was pasted into a notebook cell or exec()'d (no __file__),
    nor when a notebook or pytest imported it (argv[0] is theirs)."""
    try:
        path = __file__
    except NameError:
        return False
    argv0 = (getattr(sys, "argv", None) or [""])[0]  # [] in MicroPython wasm
    return file_stem(argv0) == file_stem(path)


def file_stem(path):
    """'/a/nn_pure.py' -> 'nn_pure', Windows paths too. (MicroPython has no
    os.path; micropython -m nn_pure gives 'nn_pure', without .py.)"""
    name = path.replace("\\", "/").split("/")[-1]
    return name[:-3] if name.endswith(".py") else name


# H. Long runs and accidents --------------------------------------------------

RUN = {"at": 0, "of": 0, "start": 0.0, "shown": 0.0}  # where the run is
SHOW_AFTER = 2  # seconds: a run shows its progress when it is this long


def show_progress(itr):
    """On stderr, after the first two seconds of a long run: how far it is
    and how long is left. In place on a terminal; else a line a minute."""
    RUN["at"] = itr
    if itr & 15 or not RUN["of"] or not sys.stderr:  # (2>&-: None)
        return
    now = time.time()
    terminal = on_a_terminal()
    if (now - RUN["start"] < SHOW_AFTER
            or now - RUN["shown"] < (1 if terminal else 60)):
        return
    seconds = (now - RUN["start"]) * (RUN["of"] - itr) / max(itr, 1)
    left = "about %d s" % seconds if seconds <= 90 else "about %d min" % (
        seconds // 60)
    if seconds > 86400:  # past a day, a figure says nothing more
        left = "more than a day"
    sys.stderr.write("%siteration %d of %d (%d%%), %s left%s" % (
        "\r" if terminal else "", itr, RUN["of"], 100 * itr // RUN["of"],
        left, "   " if terminal else "\n"))
    RUN["shown"] = now


def leave(message, status, and_exit=True):
    """One line on stderr (none for a cut pipe); then, on the command line,
    exit with status (in a notebook, the line is enough)."""
    encoding = getattr(sys.stderr, "encoding", None) or "utf-8"
    try:  # in stderr's encoding, what it lacks as \u8868 (cp1252, ASCII)
        if RUN["shown"] and on_a_terminal():
            sys.stderr.write("\n")  # below the progress line
        if message:
            sys.stderr.write(("nn_pure.py: %s\n" % message).encode(
                encoding, "backslashreplace").decode(encoding))
    except (AttributeError, LookupError, OSError):
        pass  # stderr closed (None) or full: the exit status still tells
    if and_exit:
        try:  # what stdout still holds goes nowhere, not to a traceback
            import os  # at the exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (ImportError, AttributeError, OSError, ValueError):
            pass  # MicroPython
        sys.exit(status)


def on_a_terminal():
    """True when stderr is a terminal (MicroPython's has no isatty)."""
    return getattr(sys.stderr, "isatty", lambda: False)()


def print_saturation_hint(X, y, guesses):
    """One line when large inputs hold wrong guesses at exactly 0 or 1."""
    largest = max(abs(value) for row in X for value in row)
    stuck = [g for g, t in zip(guesses, y) if g[0] in (0.0, 1.0)
             and abs(t[0] - g[0]) > 0.5]
    if largest > 10 and stuck:
        print("Inputs as large as %g hold %d guess(es) at exactly 0 or 1, "
              "where the sigmoid is flat and nothing moves: scale the "
              "inputs to about -1..1." % (largest, len(stuck)))


def from_numpy(value):
    """A NumPy array or number as Python lists or a number (its tolist());
    anything else as it is. (nn_pure never imports NumPy.)"""
    if hasattr(value, "tolist") and not isinstance(value, (list, tuple)):
        return value.tolist()
    return value


if __name__ == "__main__":
    main()
