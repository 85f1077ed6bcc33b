"""nn_pure: the "neural network in 11 lines", in plain Python, step by step.

This file is the whole lesson. It trains the 2-layer network of the blog post
"Neural Network - Python" (2016), itself a walk through iamtrask's tutorial
"A Neural Network in 11 lines of Python" (2015), with no NumPy: matrices are
lists of rows, and every multiplication is a line you can read.

It is written to be read from top to bottom, as the lesson is told:

1. the data: the post's table, ``X`` and ``y``
2. matrix helpers: ``dot``, ``transpose`` and the elementwise ``-``, ``*``, ``+``
3. the sigmoid, ``sigmo``, and its slope
4. where the random starting weights come from: ``RandomState``
5. the training loop: ``train``
6. printing a matrix the way NumPy (and so the post) prints it
7. lesson 2, the part the post left unwritten: a hidden layer learns XOR,
   ``train_hidden``
8. the learning curve as a text chart
9. a student's own table, from a CSV file: ``read_table``
10. the command line: ``python nn_pure.py --help``

The names are the post's:

=========  ==========================================================
``X``      input dataset matrix: each row is one training example
``y``      output dataset matrix: the answer for each row of ``X``
``l0``     first layer: the input data (``l0 = X``)
``l1``     second layer: the network's guess for each row
``syn0``   synapse 0: the weights that connect ``l0`` to ``l1``
``*``      elementwise multiply (here ``multiply(a, b)``)
``-``      elementwise subtract (here ``subtract(a, b)``)
``dot``    matrix product (NumPy's ``np.dot``)
=========  ==========================================================

Run it with ``python nn_pure.py``; test it with ``python -m pytest``.
"""

import math  # exp() for the sigmoid; isfinite() to spot NaN and infinity
import sys   # argv and exit status for the command line


# ---------------------------------------------------------------------------
# 1. The data: the post's table
# ---------------------------------------------------------------------------
#
#     Inputs  Output
#     0 0 1   0
#     1 1 1   1
#     1 0 1   1
#     0 1 1   0
#
# The output is the first input column. Can the network find that out?

X = [[0, 0, 1],
     [1, 1, 1],
     [1, 0, 1],
     [0, 1, 1]]

y = [[0],
     [1],
     [1],
     [0]]


# ---------------------------------------------------------------------------
# 2. Matrix helpers
# ---------------------------------------------------------------------------
#
# A matrix is a list of rows; a row is a list of numbers. NumPy checks that
# shapes fit before it computes; so do these helpers, where the usual
# one-liners would not (zip() silently drops whatever does not fit).
#
# Each helper checks the shapes as it goes, with a len() per row, so that
# the training loop stays fast; it does not stop to check every number. When
# a shape is wrong, or the arithmetic trips over something that is not a
# number (None, a list), explain() (section 2b) looks at the input closely
# and raises an error that says what and where. Like NumPy's arithmetic,
# the helpers count True as 1, and add and multiply would join or repeat
# text ("a" + "b"): train() and format_matrix() check every number before
# they start, and refuse True, text, NaN and infinity.

def transpose(m):
    """Turn rows into columns: NumPy's ``m.T``.

    >>> transpose([[1, 2, 3],
    ...            [4, 5, 6]])
    [[1, 4], [2, 5], [3, 6]]
    """
    try:
        columns = len(m[0])
        for row in m:
            if len(row) != columns:
                raise ValueError("ragged")
        if columns == 0 or isinstance(m[0], str):
            raise ValueError("not a matrix")
        return [list(column) for column in zip(*m)]
    except (TypeError, ValueError, IndexError, KeyError):
        explain("transpose", m)
        raise


def dot(a, b):
    """Matrix product: NumPy's ``np.dot(a, b)``.

    Entry [i][j] is row i of a times column j of b, number by number, added
    up: a[i][0]*b[0][j] + a[i][1]*b[1][j] + ... An (n x k) matrix times a
    (k x m) matrix gives an (n x m) matrix, so a's columns must match b's
    rows.

    >>> dot([[1, 2],
    ...      [3, 4]], [[5],
    ...                [6]])
    [[17.0], [39.0]]
    """
    try:
        b_rows, b_columns = len(b), len(b[0])
        for row in b:
            if len(row) != b_columns:
                raise ValueError("b is ragged")
        result = []
        for row in a:  # row i of a
            if len(row) != b_rows:
                raise ValueError("shapes do not fit")
            result_row = []
            for j in range(b_columns):
                total = 0.0
                for k in range(b_rows):
                    total += row[k] * b[k][j]
                result_row.append(total)
            result.append(result_row)
        if not result or b_columns == 0:
            raise ValueError("empty")
        return result
    except (TypeError, ValueError, IndexError, KeyError):
        explain("dot", a, b)
        raise


def subtract(a, b):
    """Elementwise a - b: NumPy's ``a - b`` for two arrays of one shape.

    >>> subtract([[0], [1]], [[0.25], [0.5]])
    [[-0.25], [0.5]]
    """
    try:
        columns = len(a[0])
        result = []
        for row_a, row_b in zip(a, b):
            if len(row_a) != columns or len(row_b) != columns:
                raise ValueError("shapes differ")
            new_row = []
            for c in range(columns):
                new_row.append(row_a[c] - row_b[c])
            result.append(new_row)
        if len(a) != len(b) or columns == 0:
            raise ValueError("shapes differ")
        return result
    except (TypeError, ValueError, IndexError, KeyError):
        explain("subtract", a, b)
        raise


def multiply(a, b):
    """Elementwise a * b: NumPy's ``a * b``. Not the matrix product (dot).

    >>> multiply([[2], [3]], [[0.5], [10]])
    [[1.0], [30]]
    """
    try:
        columns = len(a[0])
        result = []
        for row_a, row_b in zip(a, b):
            if len(row_a) != columns or len(row_b) != columns:
                raise ValueError("shapes differ")
            new_row = []
            for c in range(columns):
                new_row.append(row_a[c] * row_b[c])
            result.append(new_row)
        if len(a) != len(b) or columns == 0:
            raise ValueError("shapes differ")
        return result
    except (TypeError, ValueError, IndexError, KeyError):
        explain("multiply", a, b)
        raise


def add(a, b):
    """Elementwise a + b: NumPy's ``a + b``.

    >>> add([[1], [2]], [[0.5], [0.25]])
    [[1.5], [2.25]]
    """
    try:
        columns = len(a[0])
        result = []
        for row_a, row_b in zip(a, b):
            if len(row_a) != columns or len(row_b) != columns:
                raise ValueError("shapes differ")
            new_row = []
            for c in range(columns):
                new_row.append(row_a[c] + row_b[c])
            result.append(new_row)
        if len(a) != len(b) or columns == 0:
            raise ValueError("shapes differ")
        return result
    except (TypeError, ValueError, IndexError, KeyError):
        explain("add", a, b)
        raise


# ---------------------------------------------------------------------------
# 2b. Checking that a matrix is a matrix, and saying what is wrong
# ---------------------------------------------------------------------------

def shape(m, name="matrix"):
    """Return (rows, columns) of matrix m, after checking every part of it.

    A matrix is a non-empty list of rows, each a non-empty list of numbers,
    all rows the same length. Anything else is an error that says what is
    wrong:

    >>> shape([[0, 0, 1], [1, 1, 1]])
    (2, 3)
    >>> shape([[1, 2], [3]])
    Traceback (most recent call last):
    ...
    ValueError: matrix is ragged: row 0 has 2 numbers but row 1 has 1; expected every row to have 2
    """
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
        for c, value in enumerate(row):
            if not is_number(value):
                raise TypeError("%s[%d][%d] is %s; expected a number "
                                "(int or float)" % (name, r, c, describe(value)))
    return len(m), columns


def is_number(value):
    """True for an int or a float; False for anything else, bool included.

    >>> is_number(0.5), is_number(3), is_number(True), is_number("1")
    (True, True, False, False)
    """
    if isinstance(value, bool):
        return False
    return isinstance(value, (int, float))


def describe(value):
    """A short description of a value for an error message: 'True (bool)'."""
    text = repr(value)
    if len(text) > 30:
        text = text[:27] + "..."
    return "%s (%s)" % (text, type(value).__name__)


def explain(operation, *matrices):
    """Raise the error that says why `operation` could not use `matrices`.

    Each must be a matrix of numbers (shape() says where one is not); for
    two matrices, their shapes must fit the operation.
    """
    if len(matrices) == 1:
        shape(matrices[0], operation + ": matrix")
        return
    a_rows, a_columns = shape(matrices[0], operation + ": first matrix")
    b_rows, b_columns = shape(matrices[1], operation + ": second matrix")
    if operation == "dot" and a_columns != b_rows:
        raise ValueError("dot: shapes %dx%d and %dx%d do not multiply; "
                         "expected the first matrix's columns (%d) to equal "
                         "the second matrix's rows (%d)"
                         % (a_rows, a_columns, b_rows, b_columns,
                            a_columns, b_rows))
    if operation != "dot" and (a_rows, a_columns) != (b_rows, b_columns):
        raise ValueError("%s needs two matrices of the same shape, got %dx%d "
                         "and %dx%d" % (operation, a_rows, a_columns,
                                        b_rows, b_columns))


# ---------------------------------------------------------------------------
# 3. The sigmoid and its slope
# ---------------------------------------------------------------------------

def sigmo(x, deriv=False):
    """The post's sigmoid on one number; with deriv=True, its slope.

    sigmo(x) = 1 / (1 + e**-x) squashes any number into (0, 1):

    >>> sigmo(0)
    0.5
    >>> sigmo(-1000), sigmo(1000)
    (0.0, 1.0)

    deriv=True does NOT take the same x. It takes the sigmoid's OUTPUT,
    out = sigmo(x), and returns the slope there: out * (1 - out). That is
    the slope because d/dx sigmo(x) = sigmo(x) * (1 - sigmo(x)). The loop
    calls sigmo(l1, True) with l1 already squashed, so it never computes
    the sigmoid twice. Passing the input instead is the classic mistake:

    >>> sigmo(sigmo(0), True)     # right: the slope at x = 0 is 0.25
    0.25
    >>> sigmo(0, True)            # wrong: 0 here means "output 0", slope 0
    0.0
    """
    try:
        if deriv:
            out = x  # x is an output of the sigmoid, a number in (0, 1)
            return out * (1.0 - out)
        return 1.0 / (1.0 + math.exp(-x))
    except (OverflowError, ValueError):
        # math.exp(-x) is too large for a float when x < -709.78 (CPython
        # raises OverflowError, MicroPython ValueError). The true sigmoid
        # there is below 1e-308, so 0.0 is the nearest float. (A whole
        # number too large for a float overflows too, at either end.)
        return 0.0 if x < 0 else 1.0
    except TypeError:
        raise TypeError("sigmo takes a number, got %s" % describe(x))


def sigmo_each(m, deriv=False):
    """Apply sigmo to every number of matrix m: NumPy's ``sigmo(array)``.

    >>> sigmo_each([[0], [1000]])
    [[0.5], [1.0]]
    """
    try:
        columns = len(m[0])
        result = []
        for row in m:
            if len(row) != columns or columns == 0:
                raise ValueError("not a matrix")
            new_row = []
            for x in row:
                new_row.append(sigmo(x, deriv))
            result.append(new_row)
        return result
    except (TypeError, ValueError, IndexError, KeyError):
        explain("sigmo", m)
        raise


# ---------------------------------------------------------------------------
# 4. Where the "random" starting weights come from
# ---------------------------------------------------------------------------
#
# Computer random numbers come from a formula: each number is computed from
# the one before. The starting value is the seed, so the same seed gives the
# same numbers every time. NumPy's np.random.seed / np.random.random_sample
# use the Mersenne Twister, MT19937 (Matsumoto and Nishimura, 1998). Here it
# is in plain Python, so that nn_pure draws exactly NumPy's numbers.

class RandomState:
    """NumPy's legacy random generator: the same numbers, bit for bit.

    ``RandomState(1).random_sample((3, 1))`` equals
    ``np.random.seed(1); np.random.random_sample((3, 1))``:

    >>> RandomState(1).random_sample((3, 1))
    [[0.417022004702574], [0.7203244934421581], [0.00011437481734488664]]
    """

    def __init__(self, seed):
        """Fill the 624-number state from the seed (MT19937's init_genrand)."""
        if not isinstance(seed, int) or isinstance(seed, bool):
            raise TypeError("seed must be a whole number from 0 to 2**32 - 1, "
                            "got %s" % describe(seed))
        if not 0 <= seed <= 0xFFFFFFFF:
            raise ValueError("seed must be from 0 to 2**32 - 1 (4294967295), "
                             "got %d" % seed)
        self.state = [seed]
        for i in range(1, 624):
            previous = self.state[i - 1]
            self.state.append(
                (1812433253 * (previous ^ (previous >> 30)) + i) & 0xFFFFFFFF)
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
            bits = (state[i] & 0x80000000) | (state[(i + 1) % 624] & 0x7FFFFFFF)
            state[i] = state[(i + 397) % 624] ^ (bits >> 1)
            if bits & 1:
                state[i] ^= 0x9908B0DF
        self.index = 0

    def random(self):
        """One float in [0, 1), built from 53 random bits as NumPy does.

        27 bits from one draw and 26 from the next: a * 2**26 + b is a
        whole number below 2**53, divided by 2**53.
        """
        a = self.next_uint32() >> 5
        b = self.next_uint32() >> 6
        return (a * 67108864 + b) / 9007199254740992

    def random_sample(self, size):
        """A rows x columns matrix of floats in [0, 1), filled row by row."""
        if (not isinstance(size, (tuple, list)) or len(size) != 2
                or not all(isinstance(n, int) and not isinstance(n, bool)
                           and n > 0 for n in size)):
            raise ValueError("random_sample takes a shape (rows, columns) of "
                             "two whole numbers above 0, got %s"
                             % describe(size))
        rows, columns = size
        return [[self.random() for _ in range(columns)] for _ in range(rows)]


# ---------------------------------------------------------------------------
# 5. Training: the post's loop
# ---------------------------------------------------------------------------

def train(X, y, iterations=10000, seed=1, init="post", on_step=None):
    """Train the 2-layer network; return (l1, syn0).

    l1 is the network's output in the last iteration (computed before that
    iteration's update, as in the post); syn0 the trained weights.

    init picks the starting weights, drawn after seeding with ``seed``:
      "post"      random_sample((columns, 1)), in [0, 1): the post's code
      "tutorial"  2 * random_sample((columns, 1)) - 1, in [-1, 1): the
                  original tutorial's, which made the post's printed output

    on_step, if given, is called after each iteration as
    on_step(itr, l1, l1_error, l1_delta, syn0), to watch learning happen.

    >>> l1, syn0 = train(X, y)
    >>> [round(row[0], 2) for row in l1]
    [0.01, 0.99, 0.99, 0.01]
    """
    rows, columns = check_table(X, y)
    check_iterations(iterations)
    syn0 = starting_weights(columns, seed, init)
    X, y = as_floats(X), as_floats(y)  # as NumPy computes; and quicker

    for itr in range(iterations):
        l0 = X                                               # l0 = X
        l1 = sigmo_each(dot(l0, syn0))                       # l1 = sigmo(np.dot(l0, syn0))
        l1_error = subtract(y, l1)                           # l1_error = y - l1
        l1_delta = multiply(l1_error, sigmo_each(l1, True))  # l1_delta = l1_error * sigmo(l1,True)
        syn0 = add(syn0, dot(transpose(l0), l1_delta))       # syn0 += np.dot(l0.T,l1_delta)
        if on_step is not None:
            on_step(itr, l1, l1_error, l1_delta, syn0)

    if iterations == 0:
        l1 = sigmo_each(dot(X, syn0))  # no training: the untrained guess
    return l1, syn0


def as_floats(m):
    """A copy of m with every number a float: [[0, 1]] -> [[0.0, 1.0]].

    Python does float-with-float arithmetic faster than int-with-float,
    and the results are the same.
    """
    return [[float(value) for value in row] for row in m]


def starting_weights(columns, seed, init):
    """syn0 before training: one weight per input column, drawn at random."""
    weights = RandomState(seed).random_sample((columns, 1))
    if init == "post":
        return weights
    if init == "tutorial":
        return plus_minus_one(weights)
    raise ValueError("init must be 'post' or 'tutorial', got %s"
                     % describe(init))


def check_table(X, y):
    """Check X (n x m) and y (n x 1) hold finite numbers; return (n, m)."""
    rows, columns = shape(X, "X")
    y_rows, y_columns = shape(y, "y")
    if (y_rows, y_columns) != (rows, 1):
        raise ValueError("y must be %dx1 (one answer for each of the %d rows "
                         "of X), got %dx%d" % (rows, rows, y_rows, y_columns))
    for name, m in (("X", X), ("y", y)):
        for r, row in enumerate(m):
            for c, value in enumerate(row):
                if not is_finite(value):
                    raise ValueError("%s[%d][%d] is %s; expected a finite "
                                     "number" % (name, r, c, describe(value)))
    return rows, columns


def is_finite(number):
    """False for NaN, infinity, and whole numbers too large for a float."""
    try:
        return math.isfinite(number)
    except OverflowError:  # an int beyond 1.8e308
        return False


def check_iterations(iterations):
    """The number of iterations must be a whole number, 0 or more."""
    if not isinstance(iterations, int) or isinstance(iterations, bool):
        raise TypeError("iterations must be a whole number (0 or more), "
                        "got %s" % describe(iterations))
    if iterations < 0:
        raise ValueError("iterations must be 0 or more, got %d" % iterations)


# ---------------------------------------------------------------------------
# 6. Printing a matrix the way NumPy printed it in the post
# ---------------------------------------------------------------------------
#
# The post's output comes from NumPy 1.x; np.set_printoptions(legacy='1.13')
# prints the same way today. The rules, from NumPy's arrayprint.py
# (FloatingFormat):
#   * at most 8 decimals; trailing zeros become spaces so columns line up
#     ("[[ 0.25      ]");
#   * one space before each number, where a minus sign would go;
#   * exponent form ("4.17022005e-01") when the numbers span a wide range:
#     the smallest (non-zero) is below 0.0001, the largest is 1e8 or more, or
#     the largest is over 1000 times the smallest.

def format_matrix(m):
    """Return the text NumPy prints for matrix m (legacy='1.13' style).

    >>> print(format_matrix([[0.25], [0.23943260844]]))
    [[ 0.25      ]
     [ 0.23943261]]
    >>> print(format_matrix([[0.417022004702574], [0.00011437481734488664]]))
    [[  4.17022005e-01]
     [  1.14374817e-04]]
    """
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
    """x in exponent form with 8 decimals: 0.000114374817 -> '1.14374817e-04'."""
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

# ---------------------------------------------------------------------------
# 7. Lesson 2: the hidden layer the post left unwritten
# ---------------------------------------------------------------------------
#
# The post stops here ("still being written"). The tutorial goes on with a
# harder table, where the output is the XOR of the first two inputs: 1 when
# exactly one of them is 1.
#
#     Inputs  Output
#     0 0 1   0
#     0 1 1   1
#     1 0 1   1
#     1 1 1   0
#
# No single column tells the answer, and no single layer of weights can: a
# 2-layer network's outputs stay at 0.5 (python nn_pure.py --table xor).
# A hidden layer l1 between input and output can first compute features
# ("exactly one is 1"), and the output layer l2 then reads them.

X_xor = [[0, 0, 1],
         [0, 1, 1],
         [1, 0, 1],
         [1, 1, 1]]

y_xor = [[0],
         [1],
         [1],
         [0]]


def train_hidden(X, y, hidden=4, iterations=60000, seed=1, on_step=None):
    """Train the tutorial's 3-layer network; return (l2, syn0, syn1).

    l0 (the input) -> syn0 -> l1 (hidden, `hidden` numbers per row)
    -> syn1 -> l2 (the output). l2 is the output in the last iteration,
    before that iteration's update. Both weight matrices start as the
    tutorial's, 2 * random - 1, drawn from one RandomState(seed): syn0 first.

    on_step, if given, is called after each iteration as
    on_step(itr, l1, l2, l2_error, l2_delta, l1_error, l1_delta, syn1, syn0).

    >>> l2, syn0, syn1 = train_hidden(X_xor, y_xor, iterations=5000)
    >>> [round(row[0]) for row in l2]
    [0, 1, 1, 0]
    """
    rows, columns = check_table(X, y)
    check_hidden(hidden)
    check_iterations(iterations)
    random = RandomState(seed)
    syn0 = plus_minus_one(random.random_sample((columns, hidden)))
    syn1 = plus_minus_one(random.random_sample((hidden, 1)))
    X, y = as_floats(X), as_floats(y)

    for itr in range(iterations):
        l0 = X                                               # l0 = X
        l1 = sigmo_each(dot(l0, syn0))                       # l1 = nonlin(np.dot(l0,syn0))
        l2 = sigmo_each(dot(l1, syn1))                       # l2 = nonlin(np.dot(l1,syn1))
        l2_error = subtract(y, l2)                           # l2_error = y - l2
        l2_delta = multiply(l2_error, sigmo_each(l2, True))  # l2_delta = l2_error*nonlin(l2,deriv=True)
        l1_error = dot(l2_delta, transpose(syn1))            # l1_error = l2_delta.dot(syn1.T)
        l1_delta = multiply(l1_error, sigmo_each(l1, True))  # l1_delta = l1_error * nonlin(l1,deriv=True)
        syn1 = add(syn1, dot(transpose(l1), l2_delta))       # syn1 += l1.T.dot(l2_delta)
        syn0 = add(syn0, dot(transpose(l0), l1_delta))       # syn0 += l0.T.dot(l1_delta)
        if on_step is not None:
            on_step(itr, l1, l2, l2_error, l2_delta, l1_error, l1_delta,
                    syn1, syn0)

    if iterations == 0:  # no training: the untrained guess
        l2 = sigmo_each(dot(sigmo_each(dot(X, syn0)), syn1))
    return l2, syn0, syn1


def plus_minus_one(m):
    """2 * m - 1: random numbers in [0, 1) spread to [-1, 1)."""
    return [[2 * value - 1 for value in row] for row in m]


def check_hidden(hidden):
    """The hidden layer's size must be a whole number, 1 or more."""
    if not isinstance(hidden, int) or isinstance(hidden, bool):
        raise TypeError("hidden must be a whole number (1 or more), got %s"
                        % describe(hidden))
    if hidden < 1:
        raise ValueError("hidden must be 1 or more, got %d" % hidden)


def mean_abs(m):
    """The mean of |number| over a matrix: NumPy's np.mean(np.abs(m)).

    The tutorial prints it for l2_error: how far off the output is, on
    average.

    >>> mean_abs([[0.5], [-0.25]])
    0.375
    """
    total = 0.0
    count = 0
    for row in m:
        for value in row:
            total += abs(value)
            count += 1
    return total / count


def python2_str(number):
    """A float as Python 2's str() printed it, to 12 significant digits.

    The tutorial ran on Python 2: str(0.49641003190272537) was
    '0.496410031903'. (Python 3 prints all 17 digits.)

    >>> python2_str(0.49641003190272537)
    '0.496410031903'
    """
    text = "%.12g" % number
    if "." not in text and "e" not in text and "n" not in text:
        text += ".0"  # Python 2 wrote 1.0, not 1
    return text


# ---------------------------------------------------------------------------
# 8. The learning curve: a chart in plain text
# ---------------------------------------------------------------------------

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

    errors maps an iteration to its mean |error|, for the iterations that
    sample_points(iterations) picks. The error axis is logarithmic when the
    error falls more than 10 times, so the slow end of learning shows too;
    otherwise it runs from 0.
    """
    values = [errors[itr] for itr in sample_points(iterations)]
    top, bottom = max(values), min(values)
    log_scale = bottom > 0 and top / bottom > 10
    if not log_scale:
        bottom = 0.0
    rows = [[" "] * len(values) for _ in range(height)]
    for column, error in enumerate(values):
        rows[chart_row(error, top, bottom, height, log_scale)][column] = "*"
    lines = ["mean |error| (log scale)" if log_scale else "mean |error|"]
    for r, row in enumerate(rows):
        label = ""
        if r == 0:
            label = "%.3g" % top
        elif r == height - 1:
            label = "%.3g" % bottom
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


# ---------------------------------------------------------------------------
# 9. A student's own table, from a CSV file
# ---------------------------------------------------------------------------

def read_table(path):
    """Read a CSV file into (X, y): each row the inputs, then the target.

    The first line may be a header (names, no numbers); blank lines and
    lines starting with # are skipped. Anything wrong is a ValueError that
    names the file, the line and what was expected.
    """
    rows = []
    for index, (number, line) in enumerate(read_lines(path)):
        fields = [field.strip().strip('"') for field in line.split(",")]
        values = [read_number(field) for field in fields]
        if index == 0 and values.count(None) == len(values):
            continue  # a header line: names, not numbers
        check_csv_row("%s: line %d" % (path, number), fields, values,
                      len(rows[0]) if rows else None)
        rows.append(values)
    if not rows:
        raise ValueError("%s has no rows of numbers; expected lines such as "
                         "0,1,1,0 (the inputs, then the target)" % path)
    X = [row[:-1] for row in rows]
    y = [[row[-1]] for row in rows]
    return X, y


def check_csv_row(where, fields, values, width):
    """Check one row of a table file; width is the length of the rows above."""
    for column, value in enumerate(values):
        if value is None:
            raise ValueError("%s, column %d: %r is not a number; expected "
                             "numbers separated by commas"
                             % (where, column + 1, fields[column]))
        if not is_finite(value):
            raise ValueError("%s, column %d: %s is not a finite number"
                             % (where, column + 1, fields[column]))
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
                         % (where, fields[-1]))


def read_lines(path):
    """The file's (line number, text) pairs, leaving out blanks and # lines."""
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as error:
        reason = getattr(error, "strerror", None) or "cannot be read"
        raise ValueError("%s: %s; expected a CSV file" % (path, reason.lower()))
    if not data.strip():
        raise ValueError("%s is empty; expected rows of numbers such as "
                         "0,1,1,0 (the inputs, then the target)" % path)
    lines = []
    for number, raw in enumerate(data.split(b"\n"), 1):
        try:
            if b"\0" in raw:
                raise ValueError("a NUL byte: binary, not text")
            line = raw.decode("utf-8").strip().lstrip("\ufeff")
        except ValueError:  # UnicodeDecodeError is a ValueError
            raise ValueError("%s: line %d is not text; expected a CSV file "
                             "of numbers" % (path, number))
        if line and not line.startswith("#"):
            lines.append((number, line))
    return lines


def read_number(text):
    """float(text), or None if text is not a number."""
    try:
        return float(text)
    except ValueError:
        return None


# ---------------------------------------------------------------------------
# 10. The command line: python nn_pure.py [--table T] [--hidden H] ...
# ---------------------------------------------------------------------------

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


def lesson(X=X, y=y, hidden=None, iterations=None, trace=0, plot=False,
           init=None, seed=1):
    """What ``python nn_pure.py`` does: train on a table, print the output.

    With no hidden layer this is the post's lesson; with one, the
    tutorial's second half. trace prints the first iterations, plot draws
    the learning curve afterwards.
    """
    if hidden is None:
        lesson_one(X, y, 10000 if iterations is None else iterations,
                   trace, plot, init or "post", seed)
    else:
        lesson_two(X, y, hidden, 60000 if iterations is None else iterations,
                   trace, plot, seed)


def choose_table(table):
    """The post's table, the tutorial's XOR table, or one from a CSV file."""
    if table == "post":
        return X, y
    if table == "xor":
        return X_xor, y_xor
    return read_table(table)


def lesson_one(X, y, iterations, trace, plot, init, seed):
    """Train the 2-layer network; print its output, and say if it failed."""
    errors = {}  # iteration -> mean |l1_error|, for the chart
    shown = set(sample_points(iterations)) if plot else set()

    def on_step(itr, l1, l1_error, l1_delta, syn0):
        if itr < trace:
            print_step(itr, l1, l1_error, l1_delta, syn0)
        if itr in shown:
            errors[itr] = mean_abs(l1_error)

    watching = on_step if trace or plot else None  # none: quicker
    l1, syn0 = train(X, y, iterations, seed, init, watching)
    print("Output after training :")
    print(format_matrix(l1))
    if iterations > 0 and cannot_tell_rows_apart(y, l1):
        print(NOT_LEARNED)
    if plot:
        print(text_chart(errors, iterations) if errors else
              "(no iterations ran: nothing to plot)")


def cannot_tell_rows_apart(y, l1):
    """True when every output sits at 0.5 though the answers differ."""
    at_half = all(abs(row[0] - 0.5) < 0.05 for row in l1)
    return at_half and mean_abs(subtract(y, l1)) > 0.25


NOT_LEARNED = """\
The outputs all stay at 0.5: the network cannot tell the rows apart.
With no hidden layer it can only learn a table where one straight cut
separates the 0s from the 1s; XOR is the classic table where none does.
Give it a hidden layer: --hidden 4"""


def lesson_two(X, y, hidden, iterations, trace, plot, seed):
    """Train the 3-layer network, printing the tutorial's progress lines."""
    errors = {}  # iteration -> mean |l2_error|, for the chart
    shown = set(sample_points(iterations)) if plot else set()

    def on_step(itr, l1, l2, l2_error, l2_delta, l1_error, l1_delta,
                syn1, syn0):
        if itr % 10000 == 0:  # the tutorial's progress line
            print("Error:" + python2_str(mean_abs(l2_error)))
        if itr < trace:
            print_hidden_step(itr, l1, l2, l2_error, l2_delta, l1_error,
                              l1_delta, syn1, syn0)
        if itr in shown:
            errors[itr] = mean_abs(l2_error)

    l2, syn0, syn1 = train_hidden(X, y, hidden, iterations, seed, on_step)
    print("Output after training :")
    print(format_matrix(l2))
    if plot:
        print(text_chart(errors, iterations) if errors else
              "(no iterations ran: nothing to plot)")


def whole_number(text, largest=None):
    """Read a command-line number: '10' -> 10; None for '-3', 'ten', '1.5'."""
    if text == "" or any(ch not in "0123456789" for ch in text):
        return None
    number = int(text)
    if largest is not None and number > largest:
        return None
    return number


def parse_options(argv):
    """Read the flags; on a bad one, print usage and exit with status 2."""
    try:
        import argparse  # here, not at the top: MicroPython has no argparse
    except ImportError:
        if argv:
            print("nn_pure.py: this Python has no argparse to read flags "
                  "with; run it with no flags for the lesson, or call "
                  "train(X, y, iterations, seed, init)", file=sys.stderr)
            sys.exit(2)
        return {}

    def count(text):
        number = whole_number(text)
        if number is None:
            raise argparse.ArgumentTypeError(
                "expected a whole number, 0 or more, got %r" % text)
        return number

    def seed(text):
        number = whole_number(text, largest=0xFFFFFFFF)
        if number is None:
            raise argparse.ArgumentTypeError(
                "expected a whole number from 0 to 4294967295, got %r" % text)
        return number

    def size(text):
        number = whole_number(text)
        if not number:
            raise argparse.ArgumentTypeError(
                "expected a whole number, 1 or more, got %r" % text)
        return number

    parser = argparse.ArgumentParser(
        prog="nn_pure.py",
        description="Train the post's 2-layer network (or, with --hidden, "
                    "the tutorial's 3-layer one) in plain Python and print "
                    "its output, as NumPy prints it.")
    parser.add_argument("--iterations", type=count, metavar="N",
                        help="training iterations (default 10000; 60000 "
                        "with --hidden; the post suggests trying 1 and 10)")
    parser.add_argument("--trace", type=count, default=0, metavar="K",
                        help="print the matrices of the first K iterations, "
                        "as the post does (with --hidden, every layer's)")
    parser.add_argument("--init", choices=["post", "tutorial"],
                        help="starting weights: 'post' = random_sample, the "
                        "post's code; 'tutorial' = 2*random_sample-1, which "
                        "gave the post's printed output (default post)")
    parser.add_argument("--seed", type=seed, default=1, metavar="S",
                        help="random seed, 0 to 4294967295 (default 1, "
                        "as np.random.seed(1))")
    parser.add_argument("--table", default="post", metavar="TABLE",
                        help="'post' (default), 'xor' (the tutorial's "
                        "harder table), or a CSV file: inputs, then a target "
                        "from 0 to 1, one row per line")
    parser.add_argument("--hidden", type=size, metavar="H",
                        help="add a hidden layer of H numbers per row: the "
                        "tutorial's 3-layer network (try --table xor "
                        "--hidden 4)")
    parser.add_argument("--plot", action="store_true",
                        help="after training, draw the mean error over the "
                        "iterations as a text chart")
    options = parser.parse_args(argv)
    if options.hidden is not None and options.init is not None:
        parser.error("--init is for the network without a hidden layer; "
                     "with --hidden both weights start as the tutorial's")
    return vars(options)


def main(argv=None):
    """Run the lesson from the command line."""
    options = parse_options(sys.argv[1:] if argv is None else argv)
    try:
        X, y = choose_table(options.pop("table", "post"))
    except ValueError as error:  # a table file that cannot be used
        print("nn_pure.py: error: %s" % error, file=sys.stderr)
        sys.exit(2)
    lesson(X, y, **options)


if __name__ == "__main__":
    main()
