"""nn_pure: the "neural network in 11 lines", in plain Python, step by step.

The 2-layer network of the blog post "Neural Network - Python" (2016), from
iamtrask's "A Neural Network in 11 lines of Python", learns by
backpropagation, without NumPy: a matrix is a list of rows, and every
multiplication is a line you can read. Run it: ``python3 nn_pure.py``
(``python nn_pure.py`` where python is Python 3, as on Windows).
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
# Each helper is NumPy's whole-matrix arithmetic written out as loops. Its
# first line checks that the shapes fit, as NumPy does, so a mistake stops
# with a message, not a wrong answer. A line marked "# check" only checks
# (Part 2 does it): skip it; the calculator edition (--calculator) does.
# The helpers trust the numbers inside: train and predict check those.

def transpose(m):
    """Turn rows into columns: row i of the result is column i of m.

    >>> transpose([[1, 2, 3],
    ...            [4, 5, 6]])
    [[1, 4], [2, 5], [3, 6]]
    """
    shape(m, "transpose: matrix", numbers=False)  # check
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
    check_matrices("dot", a, b)  # check: a's rows as long as b's columns
    ks, js = range(len(b)), range(len(b[0]))  # b's rows, b's columns
    result = []
    for row in a:
        new_row = []
        for j in js:
            total = 0.0
            # add from the row's first number to its last, as NumPy does:
            # floats added in another order can differ in the last digit
            for k in ks:
                total += row[k] * b[k][j]
            new_row.append(total)
        result.append(new_row)
    return result


def add(a, b, times=1.0):
    """Elementwise a + times * b: each number plus the one in the same
    place of b (times 1, unless given: the loop gives alpha, its step).

    >>> add([[1], [2]], [[0.5], [0.25]])
    [[1.5], [2.25]]
    """
    check_matrices("add/subtract", a, b)  # check: the same shape
    columns = range(len(a[0]))
    result = []
    for row_a, row_b in zip(a, b):
        new_row = []
        for c in columns:
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
    check_matrices("multiply", a, b)  # check: the same shape
    result = []
    for row_a, row_b in zip(a, b):
        new_row = []
        for c in range(len(row_a)):  # each number times its partner
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
    except TypeError:  # check: a non-number, said plainly
        raise TypeError("sigmo takes a number, not %s" % type(x))  # check


def sigmo_each(m, deriv=False):
    """sigmo of every number in matrix m (NumPy does this without asking),
    as sigmo_each([[0], [1000]]) is [[0.5], [1.0]]."""
    shape(m, "sigmo_each: matrix", numbers=False)  # check
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
    X, y = table_as_floats(X, y)  # check, and make every number a float
    check_settings(iterations, alpha, on_step)  # check
    # random starts (why: see train_hidden); a seed gives the post's each run
    syn0 = starting_weights(len(X[0]), seed, init)  # Part 2: columns x 1
    # The loop makes the error E = 1/2 x the sum over the rows of (y - l1)**2
    # small, a step downhill each pass: 0.4596 at the start, 0.000129 at end.
    for itr in range(iterations):
        # guess: weigh each row's inputs, add them up, squash into (0, 1)
        l0 = X
        l1 = sigmo_each(dot(l0, syn0))
        # how much did we miss? (+ where the answer is higher than the guess)
        l1_error = subtract(y, l1)
        # the slope says how much the guess changes when its sum changes, so
        # miss x slope says how far to push the sum. Near 0 or 1 the slope
        # is flat: a confident guess barely moves; an unsure one moves most.
        l1_delta = multiply(l1_error, sigmo_each(l1, True))
        # move each weight by its input times delta, added over the rows,
        # times alpha (an input of 0 played no part: it moves nothing).
        # That sum is how fast E falls as this weight alone grows (minus its
        # slope): += moves downhill. Texts whose error is l1 - y write -=.
        syn0 = add(syn0, dot(transpose(l0), l1_delta), alpha)
        if on_step is not None:
            on_step(itr, l1, l1_error, l1_delta, syn0)
    check_weights([syn0], alpha)  # check: no weight overflowed to inf

    # Worked example, the post's iteration 0 (python3 nn_pure.py --trace 1;
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
    #
    # alpha sets the size of each step. The mean |y - l1| after 10000 steps
    # (python3 nn_pure.py --alpha 10 --plot: the chart's last label) is
    # 0.0261 with --alpha 0.1, 0.00796 with 1 (the post), 0.00249 with 10.
    # Too large a step overshoots: with --alpha 1000 the first step sends
    # row 2's sum to -96 and its guess to almost 0 (it should be 1), where
    # the slope is flat: there it stays, and the mean |y - l1| stays 0.25.

    if iterations == 0:
        l1 = sigmo_each(dot(X, syn0))  # no training: the untrained guess
    return l1, syn0


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
#
# Lesson 1's network, for one row of X: each input times its weight, all
# added up (dot does it for every row at once), squashed by sigmo:
#   l0          syn0
#   input 1 --- syn0[0][0] --\
#   input 2 --- syn0[1][0] ---+--> sum --> sigmo --> l1, the guess
#   bias 1 ---- syn0[2][0] --/


# 5. Asking the trained network about new inputs --------------------------

def predict(x, syn0, syn1=None):
    """The network's guess for new inputs: the forward pass alone, no update.

    x is one row of inputs, or a matrix of rows; the guesses come back as a
    matrix, one row per input row. With syn1 too, lesson 2's network. A
    new row keeps the bias at 1, as every row of X does.

    >>> l1, syn0 = train(X, y)
    >>> predict([1, 0, 1], syn0)   # X's row 3, after the last update
    [[0.9935899359127875]]
    >>> predict([0, 0, 0], syn0)   # bias off, to show what it is for: 0.5
    [[0.5]]
    """
    x = inputs_as_floats(x, syn0, syn1)  # check: one row becomes a matrix
    l1 = sigmo_each(dot(x, syn0))
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
# raise the guess in one row and lower it in another. (python3 nn_pure.py
# --table xor shows the outputs stuck at 0.5.) So the tutorial puts a
# hidden layer l1 between the input l0 and the output, now l2. Each hidden
# unit is itself a small 2-layer network and learns some simpler table; the
# output then combines them. Trained here with seed 1, the four units come
# out close to A OR NOT B, A AND NOT B, NOR ("neither is 1") and NAND ("not
# both are 1"); XOR is (not NOR) and NAND: at least one, but not both.
# Which units appear depends on the starting weights.

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
                 alpha=1.0):
    """Train the tutorial's 3-layer network; return (l2, syn0, syn1).

    l0 (the input) -> syn0 -> l1 (hidden: `hidden` numbers per row) ->
    syn1 -> l2 (the output). l2 is the output in the last iteration, before
    that iteration's update. Both weight matrices start as the tutorial's,
    2 * random - 1, drawn after np.random.seed(seed): syn0 first.
    on_step(itr, l1, l2, l2_error, l2_delta, l1_error, l1_delta, syn1,
    syn0), if given, is called after each iteration: the lesson prints the
    tutorial's "Error:0.496410031903" lines with it, the mean of |l2_error|
    over the rows (how far off, on average: not E, no square, no 1/2) at
    iterations 0, 10000... The loop makes E small, as train, l2 for l1.

    >>> l2, syn0, syn1 = train_hidden(X_xor, y_xor, iterations=5000)
    >>> [round(row[0]) for row in l2]
    [0, 1, 1, 0]
    """
    X, y = table_as_floats(X, y)  # check, as in train()
    check_settings(iterations, alpha, on_step, hidden)  # check
    # Why random: hidden units that started with equal weights would get
    # equal updates, stay equal and learn the same thing; random ones start
    # apart and learn different things (below: NOR, NAND...).
    # Part 2: 2 * random_sample - 1, NumPy's numbers for seed; syn0 first
    syn0, syn1 = starting_weights_hidden(len(X[0]), hidden, seed)

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
    check_weights([syn0, syn1], alpha)  # check: no weight overflowed

    if iterations == 0:  # no training: the untrained guess
        l2 = predict(X, syn0, syn1)
    return l2, syn0, syn1


# 7. Check it yourself ------------------------------------------------------

def error(X, y, syn0, syn1=None):
    """Where is the loss? E = 1/2 x the sum over the rows of (y - guess)**2."""
    misses = subtract(table_as_floats(X, y)[1], predict(X, syn0, syn1))
    return 0.5 * sum(miss[0] ** 2 for miss in misses)


def gradient_check(X, y, syn0, syn1=None, h=1e-5):
    """(name, i, j, update, numerical) for each weight, syn0's first: what
    one iteration of the loop adds (alpha 1), and how fast E falls as the
    weight grows. They agree (--check): with miss y - guess, += goes down."""
    weights = [finite_floats(w, "syn%d" % k)  # Part 2: checked float copies
               for k, w in enumerate([syn0, syn1]) if w is not None]
    updates, rows = loop_updates(X, y, *weights), []  # Part 2: the loop's
    for k, w in enumerate(weights):
        for i, row in enumerate(w):
            for j, saved in enumerate(row):
                row[j] = saved + h  # nudge the weight up...
                up = error(X, y, *weights)
                row[j] = saved - h  # ...and down
                numerical = -(up - error(X, y, *weights)) / (2 * h)
                row[j] = saved
                rows.append(("syn%d" % k, i, j, updates[k][i][j], numerical))
    return rows


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
    "read_table", "lesson", "error", "gradient_check", "draw"]


# A. Where the "random" starting weights come from -------------------------
#
# Random numbers come from a formula, each from the one before and the first
# from the seed: the same seed, the same numbers. NumPy's random_sample uses
# the Mersenne Twister, MT19937 (Matsumoto and Nishimura, 1998): here it is
# in plain Python, so that nn_pure starts from exactly NumPy's numbers.

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


def starting_weights_hidden(columns, hidden, seed):
    """syn0 (columns x hidden) and syn1 (hidden x 1) before training: the
    tutorial's 2 * random_sample - 1, syn0 drawn first."""
    random = RandomState(seed)
    syn0 = plus_minus_one(random.random_sample((columns, hidden)))
    return syn0, plus_minus_one(random.random_sample((hidden, 1)))


def plus_minus_one(m):
    """2 * m - 1: random numbers in [0, 1) spread to [-1, 1)."""
    return [[2 * value - 1 for value in row] for row in m]


# B. Checking the input ------------------------------------------------------
#
# Checked once, at the door: the functions a student calls with a table
# (train, train_hidden, predict, format_matrix, lesson, main, read_table)
# check every number once and say what is wrong and where. The helpers
# check only the shapes, on every call, through one function: shape().

def check_matrices(operation, a, b):
    """Stop with a one-line ValueError unless a and b are matrices whose
    shapes fit the operation: dot needs a's columns to equal b's rows, the
    elementwise helpers need two matrices of one shape."""
    if (type(a) is type(b) is list and a and b  # the quick way: plain lists
            and type(a[0]) is type(b[0]) is list):
        width, b_width = len(a[0]), len(b[0])
        fits = width == len(b) if operation == "dot" else (
            len(a) == len(b) and width == b_width)
        if fits and width and b_width and one_width(a, width) and one_width(
                b, b_width):
            return
    rows, columns = shape(a, (operation, "first matrix"), False)
    b_rows, b_columns = shape(b, (operation, "second matrix"), False)
    if operation == "dot":
        if columns != b_rows:
            raise ValueError("dot: shapes %dx%d and %dx%d do not multiply; "
                             "expected the first matrix's columns (%d) to "
                             "equal the second matrix's rows (%d)" % (
                                 rows, columns, b_rows, b_columns, columns,
                                 b_rows))
    elif rows != b_rows or columns != b_columns:
        raise ValueError("%s needs two matrices of the same shape, got %dx%d "
                         "and %dx%d" % (operation, rows, columns, b_rows,
                                        b_columns))


def shape(m, name="matrix", numbers=True):
    """(rows, columns) of matrix m, after checking every part of it: a
    non-empty list of rows of numbers, all one length. Else an error that
    says what is wrong and where (numbers=False: leave the numbers be).

    >>> shape([[0, 0, 1], [1, 1, 1]])
    (2, 3)
    """
    if not numbers and type(m) is list and m and type(m[0]) is list:
        columns = len(m[0])  # the quick way, for the helpers' plain lists
        for row in m:
            if type(row) is not list or len(row) != columns:
                break
        else:
            if columns:
                return len(m), columns
    if isinstance(name, tuple):  # ("dot", "first matrix"): the helpers'
        name = ": ".join(name)
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


def one_width(m, width):
    """True when every row of m is a list of `width` numbers (or things)."""
    for row in m:
        if type(row) is not list or len(row) != width:
            return False
    return True


def is_number(value):
    """True for an int or a float (NumPy's too); False for anything else,
    bool included.

    >>> is_number(0.5), is_number(3), is_number(True), is_number("1")
    (True, True, False, False)
    """
    value = from_numpy(value)
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
    m = from_numpy(m)
    shape(m, name)
    m = [[from_numpy(value) for value in row] for row in m]  # NumPy's too
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
    X, y = finite_floats(X, "X"), from_numpy(y)
    if isinstance(y, (list, tuple)) and y and all(map(is_number, y)):
        raise ValueError("y is a flat list; expected a column, one answer "
                         "in each row: [[0], [1], [1], [0]], not [0, 1, 1, 0]")
    y = finite_floats(y, "y")
    if (len(y), len(y[0])) != (len(X), 1):
        raise ValueError("y must be %dx1 (one answer for each of the %d rows "
                         "of X), got %dx%d" % (len(X), len(X), len(y),
                                                len(y[0])))
    for r, row in enumerate(y):
        if not 0 <= row[0] <= 1:
            raise ValueError("y[%d][0] is %r; expected a target from 0 to 1, "
                             "the range of the sigmoid" % (r, row[0]))
    return X, y


LIMITS = {"hidden": 1000}  # the most hidden units: 1,000 take minutes


def check_whole(name, value, least, most=None):
    """Stop unless value is a whole number from least (to most)."""
    value = from_numpy(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("%s must be a whole number (%d or more), got %s"
                        % (name, least, describe(value)))
    if value < least or (most is not None and value > most):
        raise ValueError("%s must be %s, got %d" % (name, "%d or more" % least
                         if most is None else "from %d to %d" % (least, most),
                         value))


def check_settings(iterations, alpha, on_step, hidden=1):
    """Check train's settings before it starts: a clear error if one is off."""
    check_whole("iterations", iterations, 0)
    check_whole("hidden", hidden, 1, LIMITS["hidden"])
    alpha = from_numpy(alpha)
    if not (is_number(alpha) and is_finite(alpha) and alpha > 0):
        raise ValueError("alpha, the learning rate, must be a number above 0,"
                         " got %s" % describe(alpha))
    if on_step is not None and not callable(on_step):
        raise TypeError("on_step must be a function (or None), got %s"
                        % describe(on_step))


def check_weights(weights, alpha):
    """Stop if training pushed a weight past the largest float (inf) or to
    nan: the steps were too large for the numbers to stay finite."""
    for m in weights:
        if not all(is_finite(value) for row in m for value in row):
            raise ValueError("the weights overflowed to inf or nan during "
                             "training: alpha %r is too large a step for this"
                             " table; try a smaller alpha, or scale the inputs"
                             " to about -1..1" % alpha)


def inputs_as_floats(x, syn0, syn1=None):
    """predict's x as a matrix of floats, after checking it fits syn0."""
    x = from_numpy(x)
    if isinstance(x, (list, tuple)) and x and is_number(x[0]):
        x = [x]  # one row
    x = finite_floats(x, "x")
    syn0 = finite_floats(syn0, "syn0")
    if len(x[0]) != len(syn0):
        raise ValueError("x has rows of %d numbers but syn0 has %d rows, one "
                         "weight per input; expected rows of %d numbers"
                         % (len(x[0]), len(syn0), len(syn0)))
    if syn1 is not None and len(finite_floats(syn1, "syn1")) != len(syn0[0]):
        raise ValueError("syn1 has %d rows but syn0 has %d columns; expected "
                         "one row of syn1 per hidden unit"
                         % (len(from_numpy(syn1)), len(syn0[0])))
    return x


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
    sizes = [abs(x) for x in numbers if x != 0 and math.isfinite(x)] or [1]
    largest, smallest = max(sizes), min(sizes)  # the rules above, in C.
    if largest >= 1e8 or smallest < 0.0001 or largest / smallest > 1000:
        texts = [exponent_text(value) for value in numbers]
    else:
        texts = [decimal_text(value) for value in numbers]
    texts, columns = line_up(texts), len(m[0])
    rows = [row_text(texts[start:start + columns])
            for start in range(0, len(texts), columns)]
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


def decimal_text(x):
    """x with at most 8 decimals and no trailing zeros: 0.25 -> '0.25'. As
    NumPy: repr()'s shortest digits if they fit in 8 decimals, else rounded."""
    if not math.isfinite(x):
        return special_text(x)
    text = repr(x)  # a float's repr has a point or an e; "%.8f", a point
    if "e" in text or len(text.partition(".")[2]) > 8:
        text = "%.8f" % x
    return text.rstrip("0")  # 1.0 -> '1.', as NumPy writes it


def exponent_text(x):
    """x in exponent form, 8 decimals: 0.000114374817 -> '1.14374817e-04'
    (nan, inf and -inf print as NumPy writes them)."""
    return "%.8e" % x


def special_text(x):
    """How NumPy writes the non-numbers: 'nan', 'inf', '-inf'."""
    if x != x:
        return "nan"
    return "inf" if x > 0 else "-inf"


def line_up(texts):
    """Pad every number to one width, lined up on the decimal point: room
    for the widest whole part and a sign (NumPy 1.13 always keeps that space)
    before it; after it, spaces up to the longest fraction, as 0.25 and
    0.1838414 end in the same column."""
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
    if len(numbers) < len(texts):  # room for "-inf" (and "nan"), as NumPy
        before = max(before, 4 - (after + 1))
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
    rows, columns = shape(m, "mean_abs: matrix", numbers=False)
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


NEAR = 0.25  # learned: every guess is within 0.25 of its answer


def learned_lines(X, y, guesses, weights, seed=1):
    """What the lesson says of the trained network, as lines: learned or
    not (and why, and what to try), the bias, the largest weight. Each is
    derived from the numbers, true for any table; else left unsaid."""
    missed = [r for r in range(len(y)) if abs(y[r][0] - guesses[r][0]) >= NEAR]
    if missed:
        return wrap("Not learned: the guess is off by %g or more in %s. %s"
                    % (NEAR, numbered("row", missed), why_not_learned(
                        X, y, guesses, missed, weights, seed)))
    lines = ["Learned: every guess is within %g of its answer." % NEAR]
    syn0 = weights[0]
    for c in bias_columns(X) if len(weights) == 1 else []:
        lines += wrap("Input %d is 1 in every row: the bias. Its weight, %s, "
                      "is added to every row's sum." % (c + 1, number_text(
                          syn0[c][0])))
    varying = [c for c in range(len(X[0]))
               if any(row[c] != X[0][c] for row in X)]
    top = max([abs(syn0[c][0]) for c in varying] or [0])
    if len(weights) > 1 or top == 0 or all(row == y[0] for row in y):
        return lines  # hidden units: the names below say more; one answer
    largest = [c for c in varying if abs(syn0[c][0]) >= 0.99 * top]  # ties
    ways = [(way, [c for c in largest if (syn0[c][0] > 0) == up]) for way, up
            in (("follows", True), ("goes against", False))]
    return lines + wrap(
        "The largest weight (by size) of the inputs that vary is on %s%s: "
        "the guess %s." % (numbered("input", largest), ", equal to within 1%"
                           * (len(largest) > 1), " and ".join(
                               way + " " + numbered("input", columns)
                               for way, columns in ways if columns)))


def why_not_learned(X, y, guesses, missed, weights, seed):
    """One reason the numbers show, with what to try."""
    flat = [r for r in missed if min(guesses[r][0], 1 - guesses[r][0]) < 1e-3]
    twins = [(r, s) for r in range(len(X)) for s in range(r)
             if X[r] == X[s] and y[r] != y[s]]
    if twins:  # the same inputs: one guess, whatever the weights
        return ("Rows %d and %d have the same inputs, so the same guess, but "
                "different answers: no network can learn both." % (
                    twins[0][1] + 1, twins[0][0] + 1))
    if flat:
        large = max(abs(value) for row in X for value in row) > 10
        return ("In %s the guess is within 0.001 of 0 or 1, where the slope "
                "x*(1-x) is nearly 0 and the error barely moves the weights: "
                "%s." % (numbered("row", flat), "scale the inputs to about "
                         "-1..1" if large else "try a smaller --alpha"))
    if len(weights) == 2 and len(weights[1]) == 1:
        return ("One hidden unit can only rise or fall with its one sum, like"
                " a network without a hidden layer: try --hidden 2 or more.")
    if len(weights) == 2:
        more = len(weights[1]) < LIMITS["hidden"]
        return ("Training starts from random weights and does not always end"
                " well: try %sanother seed (--seed %d)." % (
                    "more hidden units (--hidden %d) or " % min(
                        2 * len(weights[1]), LIMITS["hidden"]) if more else "",
                    (seed or 0) + 1 if seed != 4294967295 else 0))
    zeros = [r for r in missed if not any(X[r])]
    if zeros:
        return ("Row %d is all 0s: every weight times 0 is 0, so its guess is"
                " 0.5 whatever the training. Add a bias: an input that is 1 "
                "in every row." % (zeros[0] + 1))
    if all(abs(guess[0] - 0.5) < 0.05 for guess in guesses):
        return ("The guesses all stay near 0.5: without a hidden layer the "
                "guess can only rise or fall with each input, the same way in"
                " every row, and this table (like XOR) needs more: give it a "
                "hidden layer, --hidden 4.")
    return "Try more --iterations, or a larger --alpha."


def bias_columns(X):
    """The inputs that are 1 in every row: the bias."""
    return [c for c in range(len(X[0])) if all(row[c] == 1 for row in X)]


def numbered(word, items):
    """numbered("row", [0, 3]) is 'rows 1 and 4' (items count from 0).

    >>> numbered("input", [2]), numbered("row", range(10))
    ('input 3', 'rows 1, 2, 3, 4, 5, 6 and 4 more')
    """
    texts = [str(item + 1) for item in items]
    if len(texts) > 8:  # a long table: the first six, and how many more
        texts = texts[:6] + ["%d more" % (len(texts) - 6)]
    return "%s%s %s" % (word, "s" * (len(texts) > 1), ", ".join(texts[:-1])
                        + " and " * (len(texts) > 1) + texts[-1])


def wrap(text, width=79):
    """text as lines of at most `width` characters, broken at spaces."""
    lines = [""]
    for word in text.split():
        if lines[-1] and len(lines[-1]) + len(word) >= width:
            lines.append("")
        lines[-1] += " " * (lines[-1] != "") + word
    return lines


def guess_lines(rows, X, syn0, syn1=None):
    """The guesses for new rows, with a note on a row whose bias is not 1,
    as it is in every row of the table."""
    lines = ["Guesses for new rows :"] * (len(rows) > 0)
    notes = []
    for row in rows:
        text = ", ".join(map(number_word, row))
        lines.append("  [%s] -> %s" % (text, number_text(
            predict(row, syn0, syn1)[0][0])))
        off = [c for c in bias_columns(X) if row[c] != 1]
        if off and syn1 is None and not any(row):
            notes += wrap("[%s] switches the bias off, as no row of the table "
                          "does, to show what it is for: every weight times 0"
                          " is 0, so the guess is sigmo(0) = 0.5 whatever the "
                          "training." % text)
        elif off:
            notes += wrap("[%s] sets the bias (%s) to other than 1, as no row "
                          "of the table does: the table did not teach its "
                          "guess." % (text, numbered("input", off)))
    return lines + notes


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
    """Draw the error against the iteration with '*', in 40 columns: errors
    maps each iteration sample_points() picks to its mean |error|. The error
    axis is logarithmic when the error falls more than tenfold."""
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
    """Read a CSV file into (X, y): each row the inputs, then the target. A
    header line, blank lines and # lines are skipped. Anything wrong is a
    ValueError naming the file, the line and what was expected."""
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
    (float() alone would also take 1_000 and other alphabets' digits.)"""
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
# --calculator prints Part 1 as the file now stands, less its docstrings,
# comments and "# check" lines: the functions the lesson calls, with the
# table and the starting weights (drawn here) written in.

CALC_FILE = """\
# nn_calc.py: nn_pure.py's lesson "a neural network in 11 lines" for a
# calculator, made by: python nn_pure.py --calculator{flags}
# Run: python nn_calc.py; on NumWorks or TI, in the Python app (NumWorks:
# from nn_calc import *). It prints what nn_pure.py prints: output, guesses.
# Starting weights: drawn by nn_pure.py (NumPy's random numbers), as whole
# numbers over powers of 2 (MicroPython 1.17 reads some decimals 1 bit
# off); print(syn0_start) shows them as decimals.
import math
{matrices}

def {stub}(*settings):  # the starting weights above
  return {starts}

{code}
def texts(m):  # a column's numbers as nn_pure.py prints them, lined up
  sizes = [abs(r[0]) for r in m if r[0]] or [1]
  e = min(sizes) < 0.0001 or max(sizes) > 1000 * min(sizes)
  texts = ["%.8e" % r[0] if e else ("%.8f" % r[0]).rstrip("0") for r in m]
  if e and max([len(t) for t in texts]) > 14:  # an exponent of 3 digits
    texts = [t[:12] + "0" + t[12:] if len(t) == 14 else t for t in texts]
  width = max([len(t) for t in texts])
  return [" " * (1 + e) + t + " " * (width - len(t)) for t in texts]

{out}, {syn} = {train}(X, y{settings})
print("Output after training :")
print("[[" + "]\\n [".join(texts({out})) + "]]")
rows = {rows}  # new rows to ask about
if rows:
  print("Guesses for new rows :")
for row in rows:
  print("  %s -> %s" % (row, texts(predict([row], {syn}))[0].strip()))
"""


def calculator_file(X, y, hidden=None, rows=None, table=None, **settings):
    """nn_calc.py's text: Part 1's lesson for this table and these settings
    (as lesson() takes them), or a ValueError saying why it cannot be."""
    import contextlib, io  # here, not at the top: only --calculator needs them
    if any([settings.pop(name, None) for name in ("trace", "plot",
                                                  "picture")]):
        raise ValueError("--calculator: the file has no --trace, --plot or "
                         "--draw")
    X, y = table_as_floats(X, y)
    trainer, given = lesson_settings(hidden, settings)
    check_settings(given.get("iterations", 0), 1, None)  # the rest: below
    asked = check_rows(rows or [], len(X[0]))  # --predict's, for the header
    with contextlib.redirect_stdout(io.StringIO()):  # what train may print
        start = trainer(X, y, **dict(given, iterations=0))[1:]  # checks too
    # the header's flags: the generator's own text, never the command line's
    flags = [("table", ascii(table))] * (table not in (None, "post")) + [
        (name, value if name == "init" else number_word(value))
        for name, value in sorted(given.items())] + [
        ("predict", ",".join(map(number_word, row))) for row in asked]
    names = ("syn0_start", "syn1_start")[:len(start)]
    matrices = ["%s = [%s]" % (name, (",\n" + " " * (len(name) + 4)).join(
        map(calc_number, m))) for name, m in zip(("X", "y") + names,
                                                 [X, y] + list(start))]
    code, origin = part1_edition(trainer.__name__)
    text = CALC_FILE.format(
        flags="".join(" --%s %s" % flag for flag in flags),
        matrices="\n".join(matrices), starts=", ".join(names),
        stub="starting_weights" + "_hidden" * (hidden is not None),
        code="".join(code), train=trainer.__name__,
        out="l1" if hidden is None else "l2",
        syn="syn0" if hidden is None else "syn0, syn1",
        settings="".join(", %s=%s" % (name, calc_number(value)) for name,
                         value in sorted(given.items()) if name not in (
                             "seed", "init")),  # those are in the weights
        rows="[%s]" % ", ".join("[%s]" % ", ".join(map(number_word, row))
                                for row in guess_rows(X, hidden, rows)))
    first = text[:text.index("".join(code))].count("\n")  # lines above
    check_calculator_file(text, [None] * first + origin + [None] * 40)
    return text


def part1_edition(entry):
    """The Part 1 functions that `entry` (train or train_hidden) and predict
    call, as nn_pure.py now stands, less docstrings, comments and "# check"
    statements, 2 spaces an indent; and the line of nn_pure.py behind each."""
    import ast, io, tokenize
    with open(__file__, encoding="utf-8") as file:
        lines = file.read().splitlines(True)
    fold = [line[:8] for line in lines].index("# Part 2")
    tree = ast.parse("".join(lines[:fold]))
    defs = dict((node.name, node) for node in tree.body
                if isinstance(node, ast.FunctionDef))
    needed = [entry, "predict"]
    for name in needed:  # grows as it goes: what the needed ones call
        needed += [node.id for node in ast.walk(defs[name]) if isinstance(
            node, ast.Name) and node.id in defs and node.id not in needed]
    keep, cut, statement, checked = set(), {}, [], False
    for kind, text, (row, column), _, _ in tokenize.generate_tokens(
            io.StringIO("".join(lines[:fold])).readline):
        if kind == tokenize.COMMENT:  # cut off; "# check" drops its line
            cut[row], checked = column, checked or text.startswith("# check")
        elif kind == tokenize.NEWLINE:
            docstring = [kind for row, kind in statement] == [tokenize.STRING]
            if not (checked or docstring):
                keep.update(range(statement[0][0], row + 1))
            statement, checked = [], False
        elif kind not in (tokenize.NL, tokenize.INDENT, tokenize.DEDENT):
            statement.append((row, kind))
    starts = sorted(node.lineno for node in tree.body) + [fold + 1]
    code, origin = [], []
    for first in sorted(set(defs[name].lineno for name in needed)):
        for row in range(first, starts[starts.index(first) + 1]):
            text = lines[row - 1][:cut.get(row)].rstrip()
            if row in keep and text:
                spaces = len(text) - len(text.lstrip())
                code.append(" " * (spaces // 2) + text.lstrip() + "\n")
                origin.append(row)
        code.append("\n")
        origin.append(None)
    return code, origin


def check_calculator_file(text, origin):
    """Stop with a one-line ValueError unless text compiles and defines
    every name it uses, naming the line of nn_pure.py behind the fault."""
    import ast, builtins
    try:
        tree = ast.parse(text)
        compile(tree, "nn_calc.py", "exec")
    except SyntaxError as error:
        where = error.lineno
        what = "does not compile there (%s)" % error.msg.split(" on line")[0]
    else:
        nodes = list(ast.walk(tree))
        known = set(dir(builtins))
        for node in nodes:  # every name the file defines, anywhere
            if isinstance(node, ast.Name) and type(node.ctx) != ast.Load:
                known.add(node.id)
            elif isinstance(node, (ast.FunctionDef, ast.arg, ast.alias)):
                known.add(getattr(node, "name", getattr(node, "arg", None)))
        unknown = [node for node in nodes if isinstance(node, ast.Name)
                   and node.id not in known]
        if not unknown:
            return
        where = unknown[0].lineno
        what = "uses %s, which only nn_pure.py has" % unknown[0].id
    raise ValueError("--calculator: line %s of nn_pure.py %s; the calculator "
                     "file has Part 1 alone, without its # check lines"
                     % (origin[where - 1] or "?", what))


def calc_number(x):
    """x, or a matrix of them, as text every Python reads as the same floats:
    0.75 as 3 / 2**2 (MicroPython 1.17 reads some decimals 1 bit off)."""
    if isinstance(x, list):
        return "[%s]" % ", ".join(map(calc_number, x))
    top, bottom = float(x).as_integer_ratio()  # bottom: a power of 2
    power = bottom.bit_length() - 1
    return "%d / 2**%d" % (top, power) if power else "%d" % top


# G. See every step: --explain and --check, watching the loop's on_step --

def loop_step(X, y, iteration, hidden, settings):
    """The loop's matrices in that iteration by its names (l1, l1_error, ...,
    syn0 after the update); l0, y, alpha; "before": [syn0(, syn1)]."""
    X, y = table_as_floats(X, y)
    trainer, given = lesson_settings(hidden, settings)
    alpha = given.get("alpha", default_of(trainer, "alpha"))  # its own
    step = {"l0": X, "y": y, "alpha": alpha}

    def on_step(itr, *matrices):
        if itr == iteration:
            step.update(zip(STEP_NAMES[len(matrices)], matrices))
    step["before"] = trainer(X, y, iterations=iteration, **given)[1:]
    trainer(X, y, iterations=iteration + 1, on_step=on_step, **given)
    return step


def loop_updates(X, y, syn0, syn1=None):
    """For gradient_check: what one iteration of the loop adds to each
    weight (alpha 1), by the loop's lines: [syn0's] or [syn0's, syn1's]."""
    X, y = table_as_floats(X, y)
    l1 = sigmo_each(dot(X, syn0))
    out = l1 if syn1 is None else sigmo_each(dot(l1, syn1))  # the guess
    out_delta = multiply(subtract(y, out), sigmo_each(out, True))
    if syn1 is None:
        return [dot(transpose(X), out_delta)]
    l1_delta = multiply(dot(out_delta, transpose(syn1)), sigmo_each(l1, True))
    return [dot(transpose(X), l1_delta), dot(transpose(l1), out_delta)]


def sum_line(head, inputs, weights, data=False, width=100):
    """(line, total): head + 'a x b + c x d ... = total', added up as dot
    adds it, with as many terms as fit in `width`, then how many more."""
    terms = [(number_word(a) if data else "%.8f" % a) + " x %.8f" % b
             for a, b in zip(inputs, weights)]
    total, shown = dot([inputs], [[b] for b in weights])[0][0], len(terms)
    while True:
        left = len(terms) - shown
        more = ["... (%d more)" % left] if left else []
        line = head + " + ".join(terms[:shown] + more) + " = %.8f" % total
        if len(line) <= width or shown == 1:
            return line, total
        shown -= 1


def part(lines, title, m, places=4):
    """Add title to lines, with how many of m's places it shows; return the
    first `places` as (head, r, c), the head naming one: 'l1[2][0]'."""
    size, columns, name = len(m) * len(m[0]), len(m[0]), title.split()[0]
    lines.append(title + (" (the first %d of %d)" % (places, size)
                          if size > places else ""))
    return [("  %s[%d]%s: " % (name, k // columns, "[%d]" % (k % columns)
             if columns > 1 else ""), k // columns, k % columns)
            for k in range(min(size, places))]


def explain_lines(X, y, iteration=0, hidden=None, **settings):
    """--explain K: iteration K of the loop, number by number, in lines of
    at most 100 characters. settings: seed, init, alpha."""
    s = loop_step(X, y, iteration, hidden, settings)
    last, lines = len(s["before"]), ["Iteration %d, rounded to 8 decimals, "
                                     "as --trace prints it" % iteration]
    times = number_word(s["alpha"]) + " x " if s["alpha"] != 1 else ""
    for n in range(1, last + 1):  # the guess, layer by layer
        ins, w, l = s["l%d" % (n - 1)], s["before"][n - 1], s["l%d" % n]
        for head, r, c in part(lines, "l%d = sigmo(l%d . syn%d)" % (
                n, n - 1, n - 1), l):
            line, z = sum_line(head, ins[r], [row[c] for row in w], n == 1)
            lines += [line, " " * len(head) + "sigmo(%.8f) = %.8f" % (
                z, l[r][c])]
    for n in range(last, 0, -1):  # the miss, back from the output
        l, error, delta = s["l%d" % n], s["l%d_error" % n], s["l%d_delta" % n]
        for head, r, c in part(lines, "l%d_error = %s; slope; delta" % (n, (
                "y - l%d" % n if n == last else "l2_delta . syn1.T")), l):
            out, pad = l[r][c], " " * len(head)
            miss = ("%s - %.8f" % (number_word(s["y"][r][0]), out) if n == last
                    else "%.8f x %.8f" % (s["l2_delta"][r][0],
                                          s["before"][1][c][0]))
            lines += [head + "error %s = %.8f" % (miss, error[r][c]), pad + (
                "slope %.8f x (1 - %.8f) = %.8f" % (out, out, sigmo(out, True))
            ), pad + "delta %.8f x %.8f = %.8f" % (
                error[r][c], sigmo(out, True), delta[r][c])]
    for n in range(last, 0, -1):  # the updates, syn1 first
        ins, delta, w = s["l%d" % (n - 1)], s["l%d_delta" % n], s["before"]
        for head, i, j in part(lines, "syn%d += %sl%d.T . l%d_delta" % (
                n - 1, times, n - 1, n), w[n - 1]):
            line, change = sum_line(head, [row[i] for row in ins],
                                    [row[j] for row in delta], n == 1)
            lines += [line, " " * len(head) + "%.8f %s %s%.8f = %.8f" % (
                w[n - 1][i][j], "-" if change < 0 else "+", times,
                abs(change), s["syn%d" % (n - 1)][i][j])]
    return lines


def check_lines(X, y, hidden=None, iterations=0, **settings):
    """--check: (lines, all_ok): each weight's update, the loop's own step in
    iteration N over alpha, beside minus E's slope from gradient_check; then
    each layer's sigmoid slope, measured, and the classic mistake's."""
    s, all_ok = loop_step(X, y, iterations, hidden, settings), True
    lines = ["Iteration %d: update = the loop's step over alpha; numerical = "
             "-(E(w + h) - E(w - h)) / 2h" % iterations,
             "weight             update      numerical  rel. diff."]
    for name, i, j, formula, numerical in gradient_check(X, y, *s["before"]):
        update = (s[name][i][j] - s["before"][int(name[3])][i][j]) / s["alpha"]
        off = abs(update - numerical) / max(1.0, abs(update), abs(numerical))
        all_ok = all_ok and off <= 1e-6
        lines.append("%-12s %14.8f %14.8f %11.1e%s" % ("%s[%d][%d]" % (
            name, i, j), update, numerical, off, "" if off <= 1e-6 else
            "  <- DISAGREE"))
    for n in range(1, len(s["before"]) + 1):  # the sigmoid's slope in l<n>
        z = dot(s["l%d" % (n - 1)][:1], s["before"][n - 1])[0][0]
        slope = (sigmo(z + 1e-5) - sigmo(z - 1e-5)) / 2e-5  # measured
        lines.append("l%d[0][0]: the slope of sigmo at its input z = %.8f, "
                     "measured, is %.8f" % (n, z, slope))
        for text, value in [("the loop's sigmo(l%d, True)" % n, sigmo(s[
                "l%d" % n][0][0], True)), ("the classic mistake, sigmo(z, "
                                           "True)", sigmo(z, True))]:
            lines.append("  %s = %.8f: %s" % (text, value, "right" if abs(
                value - slope) <= 1e-6 else "wrong"))
    if not all_ok:
        return lines + ["The updates marked are not minus the slope of E: "
                        "this loop does not move them downhill."], False
    return lines + ["So the loop's += moves every weight down the slope of E, "
                    "which is why the error falls;", "alpha scales that step."
                    ], True


# H. The command line: python nn_pure.py [--table T] [--hidden H] ... -------

def lesson(X=None, y=None, hidden=None, iterations=None, trace=0,
           plot=False, init=None, seed=None, alpha=None, rows=None,
           picture=None):
    """What ``python nn_pure.py`` does: train on a table (the module's X, y
    as they are now, by default) and print what the network learned. The
    flags as arguments; a setting left as None is train's own default (or
    train_hidden's, with hidden units). rows: --predict's, lists of numbers.
    picture: "text" or "svg" draws the trained network (--draw, --svg)."""
    if X is None and y is None:
        X, y = choose_table(None)
    X, y = table_as_floats(X, y)  # checked first, with its rows and columns
    trainer, given = lesson_settings(hidden, dict(
        iterations=iterations, init=init, seed=seed, alpha=alpha))
    check_whole("trace", trace, 0)
    if plot not in (True, False) or picture not in (None, "text", "svg"):
        raise TypeError("plot must be True or False, and picture None, "
                        "'text' or 'svg'; got %s and %s" % (
                            describe(plot), describe(picture)))
    rows = guess_rows(X, hidden, rows)
    iterations = given.get("iterations", default_of(trainer, "iterations"))
    if plot and iterations is None:
        raise ValueError("plot needs iterations=N here (this Python cannot "
                         "read train's own default)")
    work = (iterations or 0) * len(X) * len(X[0]) * (hidden or 1)
    RUN.update(at=0, of=iterations if work > 10 ** 6 else 0,  # long: watch
               start=time.time(), shown=0)
    errors = {}  # iteration -> mean |error| of the output, for the chart
    shown = set(sample_points(iterations)) if plot else set()

    def watch(itr, *matrices):  # train's on_step: after each iteration
        show_progress(itr)
        error = matrices[1 if hidden is None else 2]  # l1_error or l2_error
        if hidden is not None and itr % 10000 == 0 and picture != "svg":
            clear_progress()
            print("Error:" + python2_str(mean_abs(error)))  # the tutorial's
        if itr < trace:
            print_step(itr, matrices)
        if itr in shown:
            errors[itr] = mean_abs(error)

    watching = trace or plot or RUN["of"] or hidden is not None
    result = trainer(X, y, on_step=watch if watching else None, **given)
    seed = given.get("seed", default_of(trainer, "seed"))  # as it was
    clear_progress()
    drawing = picture and draw(result[1], (result[2:] or [None])[0], X)
    if picture == "svg":  # stdout holds the SVG alone, for > net.svg
        print(drawing._repr_svg_())
        return
    print_lesson(X, y, result[0], result[1:], rows, seed)
    if plot:
        print(text_chart(errors, iterations))
    if drawing:
        print()
        print(drawing)


def lesson_settings(hidden, settings):
    """train, or train_hidden with hidden units, and the settings given for
    it: one left as None is left out, so that the function's own default,
    as Part 1 now says, applies."""
    given = dict((name, value) for name, value in settings.items()
                 if value is not None)
    if hidden is None:
        return train, given
    if "init" in given:
        raise ValueError("--init is for the network without a hidden layer; "
                         "with --hidden both weights start as the tutorial's")
    given["hidden"] = hidden
    return train_hidden, given


def default_of(function, name):
    """A default in function's signature, as the file now says:
    default_of(train, "iterations") is 10000 until a student edits it. None
    where this Python cannot tell (MicroPython has no inspect)."""
    try:  # (MicroPython's inspect, where there is one, has no defaults)
        import inspect
        return inspect.signature(function).parameters[name].default
    except (ImportError, AttributeError, KeyError):
        return None


STEP_NAMES = {  # what train's and train_hidden's on_step get, in order
    4: ["l1", "l1_error", "l1_delta", "syn0"],
    8: ["l1", "l2", "l2_error", "l2_delta", "l1_error", "l1_delta", "syn1",
        "syn0"]}


def print_step(itr, matrices):
    """Print one iteration the way the post's trace shows it: each name,
    then its matrix; lesson 1 shows the slope sigmo(l1,True) too."""
    named = list(zip(STEP_NAMES[len(matrices)], matrices))
    named[0] = ("%d -l1" % itr, matrices[0])
    if len(matrices) == 4:
        named.insert(2, ("sigmo(l1,True)", sigmo_each(matrices[0], True)))
    for label, m in named:
        print(label + " :")
        print(format_matrix(m))


def print_lesson(X, y, guesses, weights, rows, seed):
    """Print the output after training and what the network learned."""
    print("Output after training :")
    print(format_matrix(guesses))
    if format_matrix(guesses) == POST_CODE_OUTPUT:
        print("(The post shows 0.00966449 ...: its run started as --init "
              "tutorial does.)")
    if len(weights) == 1:
        print("syn0 after training :")
        print(format_matrix(weights[0]))
    print("\n".join(learned_lines(X, y, guesses, weights, seed)))
    units = hidden_units(X, weights[0]) if len(weights) == 2 else []
    if units:
        print("The hidden layer, l1, for each row of X :")
        print(format_matrix(predict(X, weights[0])))
        print("\n".join(units))
    for line in guess_lines(rows, X, *weights):
        print(line)


POST_CODE_OUTPUT = """[[ 0.00966553]
 [ 0.99211898]
 [ 0.99358961]
 [ 0.00786455]]"""  # what the post's code gives (seed/NOTES.md), not prints


def choose_table(table):
    """The post's table, the tutorial's XOR table, or one from a CSV file;
    the post's with no --table flag."""
    if table is None:
        return X, y  # the module's, as they are now
    import os  # here: MicroPython has no os.path (nor flags)
    tables = {"post": (X, y), "xor": (X_xor, y_xor)}
    if table in tables and os.path.exists(table) and sys.stderr:
        sys.stderr.write("nn_pure.py: using the built-in table %r, not the "
                         "file %s (for the file, write ./%s)\n"
                         % (table, table, table))
    return tables[table] if table in tables else read_table(table)


def guess_rows(X, hidden, rows):
    """The new rows to ask the trained network about, as lists of floats:
    rows (--predict's) after checking them. If none, lesson 1 asks about a
    row of 0s when the table has a bias, to show what the bias is for."""
    if rows:
        return check_rows(rows, len(X[0]))
    return [[0.0] * len(X[0])] if hidden is None and bias_columns(X) else []


def check_rows(rows, columns):
    """rows as lists of floats; a ValueError unless each has `columns`
    numbers. A row may be numbers or number texts ('1', '0.5')."""
    rows = from_numpy(rows)
    if not isinstance(rows, (list, tuple)):
        raise TypeError("rows must be a list of rows, got %s" % describe(rows))
    checked = []
    for row in rows:
        fields = [str(value).strip() for value in from_numpy(row)] if (
            isinstance(from_numpy(row), (list, tuple))) else [str(row)]
        numbers = [read_number(text) for text in fields]
        if len(fields) != columns or not all(map(is_finite, numbers)):
            raise ValueError("--predict %s: expected %d numbers separated by "
                             "commas, one for each input of the table"
                             % (shown_name(",".join(fields)[:40]), columns))
        checked.append(numbers)
    return checked


def number_word(value):
    """A number as short text that reads back as the same: 1.0 -> '1'.

    >>> number_word(1.0), number_word(0.5), number_word(-2)
    ('1', '0.5', '-2')
    """
    value = float(value)
    whole = value == int(value) and abs(value) < 1e16
    return "%d" % value if whole else repr(value)


def whole_number(text):
    """Read a command-line number: '10' -> 10; None for '-3', 'ten', '1.5'."""
    whole = 0 < len(text) <= 20 and all(ch in "0123456789" for ch in text)
    return int(text) if whole else None


# --iterations: at most 10**8, about half an hour for the post's table here,
# an hour for XOR with --hidden 4; the post's 10,000 take a tenth of a second
WHOLE_FLAGS = (  # flag, smallest, largest
    ("iterations", 0, 10 ** 8), ("trace", 0, None), ("seed", 0, 4294967295),
    ("hidden", 1, LIMITS["hidden"]), ("explain", 0, 10 ** 8))


def parse_options(argv):
    """Read the flags into a dict. On a bad one argparse prints the usage
    and a line, and raises SystemExit (main turns it into the exit)."""
    try:
        import argparse  # here, not at the top: MicroPython has no argparse
    except ImportError:
        raise ValueError("this Python has no argparse to read flags with; "
                         "run it with no flags for the lesson, or call "
                         "train(X, y, iterations, seed, init)")
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
        try:
            argparse_error(message)
        except (AttributeError, OSError):  # stderr closed or full (3.6's
            sys.exit(2)  # argparse does not look): the status says it
    parser.print_help, parser.error = print_help, error
    add("--iterations", metavar="N", help="training iterations (default %s;"
        " %s with --hidden; the post suggests trying 1 and 10)"
        % (default_of(train, "iterations"),
           default_of(train_hidden, "iterations")))
    add("--trace", metavar="K", help="print the matrices of the first K "
        "iterations, as the post does (with --hidden, every layer's)")
    add("--init", choices=["post", "tutorial"], help="starting weights: "
        "'post' = random_sample, the post's code; 'tutorial' = "
        "2*random_sample-1, which gave the post's printed output (default "
        "%s)" % default_of(train, "init"))
    add("--seed", metavar="S", help="random seed, 0 to 4294967295 (default "
        "%s, as np.random.seed(%s))" % ((default_of(train, "seed"),) * 2))
    add("--table", default="post", metavar="TABLE", help="'post' (default), "
        "'xor' (the tutorial's harder table), or a CSV file: inputs, then a "
        "target from 0 to 1, one row per line")
    add("--hidden", metavar="H", help="add a hidden layer of H numbers per "
        "row: the tutorial's 3-layer network (try --table xor --hidden 4)")
    add("--alpha", metavar="A", help="learning rate: how far each update "
        "moves the weights (default %s)" % default_of(train, "alpha"))
    add("--predict", action="append", default=[], metavar="ROW", dest="rows",
        help="after training, print the guess for this row of inputs, "
        "e.g. 1,0,0 (give it again for more rows)")
    add("--calculator", action="store_true", help="print the lesson as a "
        "file for a calculator, to save as nn_calc.py, instead of running it")
    add("--plot", action="store_true", help="after training, draw the mean "
        "error over the iterations as a text chart")
    add("--draw", action="store_true", help="after training, draw the "
        "network and, for two 0/1 inputs, the map of its guesses")
    add("--svg", action="store_true", help="with --draw: print the picture "
        "as SVG, alone (python nn_pure.py --draw --svg > net.svg)")
    add("--explain", nargs="?", const="0", metavar="K", help="print iteration"
        " K (default 0) of the loop number by number, to redo by hand")
    add("--check", action="store_true", help="check that each update is "
        "minus the slope of the error E (after --iterations N); exit 1 if not")
    options = vars(parser.parse_args(argv))
    for flag, least, most in WHOLE_FLAGS:
        text = options[flag]
        number = None if text is None else whole_number(text)
        if text is not None and (number is None or number < least or
                                 (most is not None and number > most)):
            parser.error("argument --%s: expected a whole number, %s, got %r"
                         % (flag, "%d or more" % least if most is None
                            else "from %d to %d" % (least, most), text[:40]))
        options[flag] = number
    if options["alpha"] is not None:
        alpha = read_number(options["alpha"])
        if alpha is None or not is_finite(alpha) or alpha <= 0:
            parser.error("argument --alpha: expected a number above 0, such "
                         "as 0.1 or 10, got %r" % options["alpha"][:40])
        options["alpha"] = alpha
    options["rows"] = [row.split(",") for row in options["rows"]]
    if options["hidden"] is not None and options["init"] is not None:
        parser.error("--init is for the network without a hidden layer; "
                     "with --hidden both weights start as the tutorial's")
    if options["svg"] and not options["draw"]:
        parser.error("--svg goes with --draw: --draw --svg")
    svg, draw_it = options.pop("svg"), options.pop("draw")
    options["picture"] = "svg" if svg else "text" if draw_it else None
    options["trace"] = options["trace"] or 0
    return options


def see_every_step(X, y, explain, check, options):
    """--explain and --check: print their lines; None, or, when --check
    finds an update that is not the error's slope, (message, status 1)."""
    settings = dict((name, options.get(name)) for name in (
        "seed", "init", "alpha"))
    if explain is not None:
        print("\n".join(explain_lines(X, y, explain, options.get("hidden"),
                                      **settings)))
    if check:
        lines, agree = check_lines(X, y, options.get("hidden"),
                                   options.get("iterations") or 0, **settings)
        print("\n".join(lines))
        if not agree:
            return "--check: an update is not minus the slope of E", 1


def main(argv=None):
    """Run the lesson with the flags in argv (a list of strings); by default
    the command line's, when it is this file's own (not a notebook's)."""
    own = argv is None and own_command_line()
    RUN.update(of=0, shown=0)  # nothing running yet, nothing shown
    stop = run_lesson(sys.argv[1:] if own else [] if argv is None else argv)
    if stop:  # (message, exit status): one line, and out, as tools do
        leave(stop[0], stop[1], own)


def run_lesson(argv):
    """main's work; None, or why it stopped: (message, exit status). In a
    notebook a bad flag or --help prints argparse's lines and returns."""
    try:
        if not (isinstance(argv, (list, tuple))
                and all(isinstance(word, str) for word in argv)):
            return ("error: main takes a list of flags, such as ['--"
                    "iterations', '5'], got %s" % describe(argv), 2)
        try:
            options = parse_options(argv) if argv else {}
        except SystemExit as stop:  # argparse printed its usage, or --help
            return None, stop.code or 0
        except ValueError as error:  # no argparse here (MicroPython)
            return str(error), 2
        table = options.pop("table", None)
        try:
            X, y = table_as_floats(*choose_table(table))  # file's table too
        except (ValueError, TypeError) as error:
            return "error: %s" % error, 2
        if sys.stdout is None:  # python nn_pure.py >&-: nowhere to print
            return "cannot write the output: stdout is closed", 1
        stop = None
        try:
            explain = options.pop("explain", None)
            check = options.pop("check", False)
            if options.pop("calculator", False):
                sys.stdout.write(calculator_file(X, y, table=table, **options))
            elif explain is not None or check:
                stop = see_every_step(X, y, explain, check, options)
            else:
                lesson(X, y, **options)
        except ValueError as error:  # a row or a setting that won't do
            return "error: %s" % error, 2
        sys.stdout.flush()  # a full disk shows here, not after the end
        return stop
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


# I. Pictures (--draw): the network, and its guess between the table's rows

SHADES = " .:*#"  # a guess in the text map: ' ' from 0 to 0.2, ... '#' to 1
EDGE = ('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width='
        '"%.1f"><title>%s</title></line>\n')
NODE = ('<circle cx="%d" cy="%d" r="16" fill="white" stroke="black"/>\n'
        '<text x="%d" y="%d" text-anchor="middle">%s</text>\n')
CELL = '<rect x="%d" y="%d" width="14" height="14" fill="%s"/>\n'
RING = '<circle cx="%d" cy="%d" r="5" fill="none" stroke="black"/>\n'
TEXT = '<text x="%d" y="%d">%s</text>\n'
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="380" '
       'font-family="sans-serif" font-size="12" style="background:white">\n')


class Drawing:
    """What draw() returns: print() shows its text picture; Jupyter shows
    its SVG (Jupyter looks for a method named _repr_svg_: hence a class)."""

    def __init__(self, text, svg):
        self.text, self.svg = text, svg

    def __str__(self):
        return self.text

    def _repr_svg_(self):
        return self.svg


def draw(syn0, syn1=None, X=None):
    """The trained network, each weight on its edge; and when the inputs
    that vary in X are two columns of 0s and 1s (as in XOR), the decision
    map: the guess for those two from 0 to 1, the other inputs as in X."""
    syn0 = finite_floats(syn0, "syn0")
    syn1 = None if syn1 is None else finite_floats(syn1, "syn1")
    X = inputs_as_floats([[0.0] * len(syn0)] if X is None else X, syn0, syn1)
    if len((syn1 or syn0)[0]) != 1:
        raise ValueError("draw: syn1 (or syn0, if alone) must have 1 column")
    inputs = ["input %d" % (i + 1) for i in range(len(syn0))]
    units = ["unit %d" % (j + 1) for j in range(len(syn0[0]))]
    layers = [("syn0", syn0, inputs, ["l1"] if syn1 is None else units)]
    if syn1 is not None:
        layers.append(("syn1", syn1, units, ["l2"]))
    text, svg = network(layers)
    map_text, map_svg = decision_map(syn0, syn1, X)  # right of the network
    return Drawing("\n".join(text + map_text), SVG % (740 if map_svg else 380)
                   + svg + map_svg + "</svg>\n")


def network(layers):
    """Text lines and SVG: each weight a bar; an edge, blue if positive,
    orange if negative, wider for a bigger weight, its value its tooltip."""
    columns = [layers[0][2]] + [layer[3] for layer in layers]
    where = {}  # each node's centre in the SVG: column k, row i of n
    for k, names in enumerate(columns):
        for i, name in enumerate(names):
            where[name] = (60 + 140 * k, 56 + (2 * i + 1) * 147 // len(names))
    text = ["Each weight on its edge as a bar: = if positive, - if negative, "
            "one per unit", "of its size, rounded (up to 10); '.' if under "
            "0.5."]
    svg = TEXT % (20, 20, "Weights: blue +, orange -, wider if bigger")
    for name, weights, sources, targets in layers:
        for t, target in enumerate(targets):
            for i, source in enumerate(sources):
                weight, which = weights[i][t], "%s[%d][%d]" % (name, i, t)
                text.append("  %-8s -> %-7s %-10s %15s  %s" % (
                    source, target, which, number_text(weight), bar(weight)))
                svg += EDGE % (where[source] + where[target] + (
                    colour(1 if weight > 0 else 0),
                    1 + 0.7 * min(abs(weight), 10), number_text(weight)))
    for name, (x, y) in where.items():
        svg += NODE % (x, y, x, y + 4, name.split()[-1])  # 1, 2, ... l1
    return text, svg


def bar(weight):
    """A weight as a bar, = (- if negative) for each 1 of its size, to 10:

    >>> bar(3.2), bar(-1.7), bar(0.3)
    ('===', '--', '.')
    """
    size = int(min(abs(weight), 10) + 0.5)
    return ("=" if weight > 0 else "-") * size or "."


def decision_map(syn0, syn1, X):
    """Text lines and SVG: the guess at 21 x 21 points, A and B (the two
    inputs that vary, if they are 0s and 1s; else [] and "") from 0 to 1 in
    steps of 0.05; a ring or () on each row of X."""
    varying = [c for c in range(len(X[0]))
               if any(row[c] != X[0][c] for row in X)]
    if len(varying) != 2 or not all(row[c] in (0, 1) for row in X
                                    for c in varying):
        return [], ""
    a, b = varying
    corners = [(20 * row[a], 20 - 20 * row[b]) for row in X]
    text = ["", "The guess for A = input %d (across, 0 to 1) and B = input %d "
            "(up), the others" % (a + 1, b + 1), "as in X; (#) a row of X; "
            "' ' 0-0.2 '.' 0.2-0.4 ':' 0.4-0.6 '*' 0.6-0.8 '#' 0.8-1",
            "  +" + "-" * 63 + "+"]
    svg = (TEXT % (400, 20, "The guess for A = input %d (across), B = input"
                   " %d (up), 0 to 1:" % (a + 1, b + 1)) +
           TEXT % (400, 36, "orange 0, white 0.5, blue 1; o: a row of X"))
    guesses = []
    for r in range(21):  # B from 1 (the top row) down to 0
        line = "  |"
        for c in range(21):  # A from 0 (left) to 1
            point = list(X[0])  # the other inputs: the same in every row
            point[a], point[b] = c / 20, (20 - r) / 20
            guesses.append(predict(point, syn0, syn1)[0][0])
            mark = SHADES[min(int(guesses[-1] * 5), 4)]
            line += "(%s)" % mark if (c, r) in corners else mark * 3
            svg += CELL % (400 + 14 * c, 56 + 14 * r, colour(guesses[-1]))
            if (c, r) in corners:  # a row of X
                svg += RING % (407 + 14 * c, 63 + 14 * r)
        if r % 2 == 0:  # the text shows every other row
            text.append(line + "|")
    text.append(text[3])  # the bottom edge
    if max(guesses) - min(guesses) < 0.1:  # (lesson 1 on XOR, seed 1)
        text.append("Every guess here is %.3f to %.3f: a flat map, no line "
                    "between 0s and 1s." % (min(guesses), max(guesses)))
    return text, svg


def colour(guess):
    """A guess as an SVG colour: orange (#f59322) at 0, white at 0.5, blue
    (#0877bd) at 1, and the shades between."""
    end = (245, 147, 34) if guess < 0.5 else (8, 119, 189)
    part = abs(2 * guess - 1)  # from 0 at 0.5 (white) to 1 at 0 or 1
    return "#%02x%02x%02x" % tuple(round(255 + (e - 255) * part) for e in end)


# J. Long runs and accidents --------------------------------------------------

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


def clear_progress():
    """Wipe the progress line off a terminal, so stdout starts a clean line."""
    if RUN["shown"] and on_a_terminal():
        sys.stderr.write("\r" + " " * 70 + "\r")
        RUN["shown"] = 0.0


def leave(message, status, and_exit=True):
    """Flush what was printed; one line on stderr (none for a cut pipe); then,
    on the command line, exit with status (in a notebook, the line is all)."""
    lost, encoding = False, getattr(sys.stderr, "encoding", None) or "utf-8"
    for stream in (sys.stdout, sys.stderr):
        try:  # stdout first: all that was printed reaches its file
            clear_progress() if stream is sys.stderr else stream.flush()
            if message and stream is sys.stderr:  # cp1252: \u8868 for what
                stream.write(("nn_pure.py: %s\n" % message).encode(  # it lacks
                    encoding, "backslashreplace").decode(encoding))
            stream.flush()
        except (AttributeError, LookupError, OSError, ValueError):
            lost = lost or stream is not None  # closed (None) holds nothing
    if and_exit and "IPython" not in sys.modules:  # %run: the line is all
        if lost and hasattr(__import__("os"), "_exit"):
            __import__("os")._exit(status)  # Python's own flush would fail
        sys.exit(status)


def on_a_terminal():
    """True when stderr is a terminal (MicroPython's has no isatty)."""
    return getattr(sys.stderr, "isatty", lambda: False)()


def from_numpy(value):
    """A NumPy array or number as Python lists or a number (its tolist());
    anything else as it is. (nn_pure never imports NumPy.)"""
    if hasattr(value, "tolist") and not isinstance(value, (list, tuple)):
        return value.tolist()
    return value


if __name__ == "__main__":
    main()
