"""The functions a student calls from a notebook: they compute right, refuse
what does not fit in one line (TypeError for a wrong type, ValueError for a
wrong value, naming what, where and what was expected), take NumPy's arrays
and numbers, go on from kept weights, and check the update they teach."""

import copy
import importlib.util
import inspect
import math
import re
import sys
import time

import pytest

from conftest import (REQUIRED, ROOT, edited_copy, nn_pure, raises, refused,
                      run, says, write)
from nn_pure import (X, y, X_xor, y_xor, add, dot, gradient_check, lesson,
                     multiply, predict, sigmo, sigmo_each, subtract, train,
                     train_hidden, transpose)

# NumPy: np.random.seed(1); np.random.random_sample((3,1)).tolist()
POST_START = [[0.417022004702574], [0.7203244934421581],
              [0.00011437481734488664]]


def numpy():
    """NumPy, or a skip (a failure when the runtimes are required)."""
    if REQUIRED:
        import numpy
        return numpy
    return pytest.importorskip("numpy")


def load(path, name):
    """The module in path, imported under another name."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("helper, args, expected", [
    # by hand: 1*5 + 2*6 = 17, 3*5 + 4*6 = 39; [1 2 3] by the columns: 1+3,
    # 2+3
    (dot, ([[1, 2], [3, 4]], [[5], [6]]), [[17], [39]]),
    (dot, ([[1, 2, 3]], [[1, 0], [0, 1], [1, 1]]), [[4, 5]]),
    (transpose, ([[1, 2, 3], [4, 5, 6]],), [[1, 4], [2, 5], [3, 6]]),
    (add, ([[1], [2]], [[0.5], [0.25]]), [[1.5], [2.25]]),
    (add, ([[1, 2]], [[3, 4]], 0.5), [[2.5, 4]]),  # times 0.5: 1 + 1.5, 2 + 2
    (subtract, ([[0], [1]], [[0.25], [0.5]]), [[-0.25], [0.5]]),
    (multiply, ([[2, 3]], [[0.5, 10]]), [[1, 30]]),  # not the matrix product
    (sigmo_each, ([[0, 1000], [-1000, 0]],), [[0.5, 1.0], [0.0, 0.5]])])
def test_helpers_by_hand(helper, args, expected):
    # each helper is NumPy's arithmetic, number by number
    assert helper(*args) == expected


@pytest.mark.parametrize("call, phrases", [
    (lambda: dot([[1, 2, 3]] * 4, [[1, 2, 3]] * 4), ["dot", "4x3 and 4x3",
                                                      "columns", "rows"]),
    (lambda: add([[1, 2]], [[1], [2]]), ["add", "1x2 and 2x1", "one shape"]),
    (lambda: subtract([[1, 2]], [[1], [2]]), ["1x2 and 2x1"]),
    (lambda: multiply([[1, 2]], [[1, 2, 3]]), ["multiply", "1x2 and 1x3"]),
    (lambda: dot([[1, 2], [3]], [[1], [2]]), ["dot", "rows of 1 and 2"]),
    (lambda: add([[1]], [[1], [2, 3]]), ["add", "second", "1 and 2"]),
    (lambda: transpose([1, 2, 3]), ["transpose", "[1, 2, 3]", "rows"]),
    (lambda: transpose([[]]), ["transpose", "[[]]", "rows of numbers"]),
    (lambda: dot(5, [[1]]), ["dot", "5", "rows"]),
    (lambda: transpose("abc"), ["transpose", "'abc'", "rows"]),
    (lambda: dot([[1]], "a"), ["dot", "second", "'a'"]),
    (lambda: add([[1]], "a"), ["add", "second", "'a'"])],
    ids=["dot", "add", "subtract", "multiply", "ragged", "ragged second",
         "not a matrix", "an empty row", "a number", "text", "text in dot",
         "text in add"])
def test_helpers_refuse_shapes_that_do_not_fit(call, phrases):
    # one line naming the shapes (or what is not a matrix), not a wrong answer
    raises(ValueError, call, *phrases)


def test_helpers_and_the_door_leave_their_inputs_alone():
    # every helper, and train, predict, error, gradient_check, returns new
    # lists: what it was given is as it was
    a, b, table, answers = [[1, 2], [3, 4]], [[0.5, 1], [2, 3]], X, y
    given = copy.deepcopy((a, b, table, answers, POST_START))
    for call in (transpose, sigmo_each, lambda m: sigmo_each(m, True)):
        call(a)
    for call in (dot, add, subtract, multiply):
        call(a, b)
    train(table, answers, 3, syn0=POST_START)
    predict(table, POST_START), nn_pure.error(table, answers, POST_START)
    gradient_check(table, answers, POST_START)
    assert (a, b, table, answers, POST_START) == given


@pytest.mark.parametrize("x, out", [
    # by hand: 1 / (1 + e**0) = 1/2; past e**709.78 (the largest float) the
    # nearest float is 0.0 or 1.0, and no OverflowError
    (0, 0.5), (1000, 1.0), (-1000, 0.0), (1e308, 1.0), (-1e308, 0.0),
    (math.inf, 1.0), (-math.inf, 0.0), (10 ** 400, 1.0), (-10 ** 400, 0.0),
    (-709.0, 1 / (1 + math.exp(709.0)))], ids=lambda v: repr(v)[:12])
def test_sigmo_values_never_overflow(x, out):
    # sigmo squashes any number into 0..1
    assert sigmo(x) == out


def test_sigmo_deriv_takes_the_output():
    # by hand: out * (1 - out): 0.5 -> 0.25, 1 -> 0, 2 -> -2
    assert [sigmo(v, True) for v in (0.5, 1, 2)] == [0.25, 0, -2]
    for x in (-2.0, 0.0, 0.7, 3.0):  # the slope measured, h = 1e-6
        measured = (sigmo(x + 1e-6) - sigmo(x - 1e-6)) / 2e-6
        assert sigmo(sigmo(x), True) == pytest.approx(measured, rel=1e-6)


def X_with(r, c, value):
    """The post's table with X[r][c] set to value."""
    table = copy.deepcopy(X)
    table[r][c] = value
    return table


SYN0 = [[1.0], [2.0], [3.0]]


def T(*args, **settings):
    """train on the post's table, with these arguments, when called."""
    return lambda: train(X, y, *args, **settings)


DOOR = [  # (id, call, kind, key phrases)
    ("y flat", lambda: train(X, [0, 1, 1, 0]), ValueError,
     ["y", "[0, 1, 1, 0]", "matrix"]),
    ("y short", lambda: train(X, [[0], [1], [1]]), ValueError,
     ["y", "4x1", "3x1"]),
    ("target 2", lambda: train(X, [[0], [1], [2], [0]]), ValueError,
     ["y[2][0]", "2", "from 0 to 1"]),
    ("nan", lambda: train(X_with(2, 1, math.nan), y), ValueError,
     ["X[2][1]", "nan", "finite"]),
    ("inf", lambda: train(X_with(3, 0, -math.inf), y), ValueError,
     ["X[3][0]", "-inf", "finite"]),
    ("10**400", lambda: train(X_with(0, 2, 10 ** 400), y), ValueError,
     ["X[0][2]", "1000000", "finite"]),
    ("True", lambda: train(X_with(1, 0, True), y), TypeError,
     ["X[1][0]", "True", "number"]),
    ("text", lambda: train(X_with(1, 2, "1"), y), TypeError,
     ["X[1][2]", "'1'", "number"]),
    ("iterations 10**30", T(10 ** 30), ValueError,
     ["iterations", "1" + "0" * 30, "100000000"]),
    ("iterations -1", T(-1), ValueError, ["iterations", "-1", "0 to 10000"]),
    ("iterations 1.5", T(1.5), TypeError, ["iterations", "1.5", "whole"]),
    ("iterations True", T(True), TypeError, ["iterations", "True", "whole"]),
    ("seed -1", T(seed=-1), ValueError, ["seed", "-1", "4294967295"]),
    ("seed 2**32", T(seed=2 ** 32), ValueError, ["seed", "4294967296", "to"]),
    ("seed None", T(seed=None), TypeError, ["seed", "None", "whole number"]),
    ("init", T(init="zeros"), ValueError, ["init", "'zeros'", "'tutorial'"]),
    ("alpha 0", T(alpha=0), ValueError, ["alpha", "above 0"]),
    ("alpha -1", T(alpha=-1), ValueError, ["alpha", "-1", "above 0"]),
    ("alpha nan", T(alpha=math.nan), ValueError, ["alpha", "nan"]),
    ("alpha inf", T(alpha=math.inf), ValueError, ["alpha", "inf"]),
    ("alpha text", T(alpha="1"), TypeError, ["alpha", "'1'", "number"]),
    ("on_step", T(on_step=5), TypeError, ["on_step", "5", "function"]),
    ("train syn0", T(syn0=[[1], [2]]), ValueError, ["syn0", "3x", "2x1"]),
    ("hidden 0", lambda: train_hidden(X_xor, y_xor, 0), ValueError,
     ["hidden", "0", "1 to 1000"]),
    ("hidden 1001", lambda: train_hidden(X_xor, y_xor, 1001), ValueError,
     ["hidden", "1001", "1 to 1000"]),
    ("predict x", lambda: predict([1, 0], SYN0), ValueError,
     ["x", "nx3", "1x2", "syn0"]),
    ("syn1 rows", lambda: train_hidden(X_xor, y_xor, syn0=[[1, 2]] * 3,
                                       syn1=[[1]] * 3), ValueError,
     ["syn1", "2x1", "3x1", "syn0's columns"]),
    ("h 0", lambda: gradient_check(X, y, SYN0, h=0), ValueError, ["h", "0"]),
    ("h nan", lambda: gradient_check(X, y, SYN0, h=math.nan), ValueError,
     ["h", "nan"]),
    ("h 1e-300", lambda: gradient_check(X, y, SYN0, h=1e-300), ValueError,
     ["h", "1e-300", "1e-10"]),
    ("h 1.5", lambda: gradient_check(X, y, SYN0, h=1.5), ValueError,
     ["h", "1.5", "1e-10"]),  # up to 1: test_explain_check takes h=1
    ("no syn0", lambda: gradient_check(X, y, None), ValueError,
     ["syn0", "None"]),
    ("plot", lambda: lesson(plot="yes"), TypeError,
     ["plot", "'yes'", "True or False"]),
    ("svg with trace", lambda: lesson(picture="svg", trace=1), ValueError,
     ["svg", "trace"]),
    ("X ragged", lambda: train([[0, 0, 1], [0, 1]], [[0], [1]]), ValueError,
     ["X row 1", "[0, 1]", "3 numbers"]),
    ("lesson rows", lambda: lesson(rows=[[1, 0]]), ValueError,
     ["[1, 0]", "3 numbers"]),
    ("draw", lambda: nn_pure.draw([[1], [2]], X=X), ValueError,
     ["X", "3 inputs", "syn0", "2 rows"]),
    ("format_matrix", lambda: nn_pure.format_matrix([1, 2]), ValueError,
     ["format_matrix", "[1, 2]", "matrix"]),
    ("format_matrix text", lambda: nn_pure.format_matrix([[1, "a"]]),
     TypeError, ["format_matrix", "[0][1]", "'a'", "number"]),
    ("mean_abs", lambda: nn_pure.mean_abs([[1], [2, 3]]), ValueError,
     ["mean_abs", "1 and 2"]),
    ("text_chart", lambda: nn_pure.text_chart([0.5], 1), TypeError,
     ["errors", "dict"]),
    ("text_chart -1", lambda: nn_pure.text_chart({0: 1.0}, -1), ValueError,
     ["iterations", "-1"]),
    ("RandomState", lambda: nn_pure.RandomState(1.0), TypeError,
     ["seed", "1.0", "whole number"]),
    ("text_chart 101 lines", lambda: nn_pure.text_chart({0: 1.0}, 1, 101),
     ValueError, ["height", "2 to 100", "101"]),
    # inputs whose sums with these weights pass the largest float
    ("predict 1e308", lambda: nn_pure.predict([1e308, 1e308, 1], [[9.7], [
        -9.7], [-4.6]]), ValueError, ["overflow", "inputs"])]


@pytest.mark.parametrize("call, kind, phrases", [d[1:] for d in DOOR],
                         ids=[d[0] for d in DOOR])
def test_the_door_refuses_in_one_line(call, kind, phrases):
    # a wrong argument stops at once (10**30 iterations too), in one line:
    # what, where, expected
    started = time.time()
    raises(kind, call, *phrases)
    assert time.time() - started < 1


def test_main_takes_a_list_of_flags(capsys):
    # main("--iterations 5") (text, not a list): one line on stderr, no exit
    assert nn_pure.main("--iterations 5") is None
    out, err = capsys.readouterr()
    assert out == ""
    says(err, "nn_pure.py: error: main", "list", "'--iterations 5'")


def test_numpy_arrays_and_numbers_are_taken(capsys):
    # wherever a list or a number goes, NumPy's does the same
    np = numpy()
    syn0 = train(X, y, 100)[1]
    assert train(np.array(X), np.array(y), np.int64(100), seed=np.int64(1),
                 alpha=np.float64(1.0)) == train(X, y, 100)
    assert predict(np.array([1, 0, 0]), np.array(syn0)) == predict([1, 0, 0],
                                                                    syn0)
    assert gradient_check(np.array(X), np.array(y), np.array(syn0),
                          h=np.float64(1e-5)) == gradient_check(X, y, syn0)
    assert nn_pure.RandomState(np.int64(1)).random_sample(np.array(
        [3, 1])) == POST_START
    # NumPy, legacy='1.13': print(np.eye(2))
    assert nn_pure.format_matrix(np.eye(2)) == "[[ 1.  0.]\n [ 0.  1.]]"
    assert nn_pure.mean_abs(np.array([[1.0, -3.0]])) == 2.0  # 4 / 2
    lesson(rows=[[1, 0, 0]], iterations=10)
    with_lists = capsys.readouterr()
    for rows in (np.array([[1, 0, 0]]), [np.array([1, 0, 0])]):
        lesson(rows=rows, iterations=np.int64(10))
        assert capsys.readouterr() == with_lists
    raises(TypeError, lambda: train(X, y, np.bool_(True)), "iterations",
           "True")
    assert train(X, y, 100, syn0=np.array(syn0)) == train(X, y, 100,
                                                          syn0=syn0)
    l2, s0, s1 = train_hidden(X_xor, y_xor, np.int64(2), 10)
    assert train_hidden(np.array(X_xor), y_xor, 2, 10, syn0=np.array(s0),
                        syn1=np.array(s1)) == train_hidden(
        X_xor, y_xor, 2, 10, syn0=s0, syn1=s1)


def test_lesson_takes_the_modules_table_for_what_is_not_given(capsys):
    # answers alone: the module's X with them; inputs alone: its y
    for given, whole_table in (({"y": y_xor}, (X, y_xor)),
                               ({"X": X_xor}, (X_xor, y))):
        lesson(iterations=10, **given)
        alone = capsys.readouterr()
        lesson(*whole_table, iterations=10)
        assert alone == capsys.readouterr()


def test_nn_pure_never_imports_numpy(tmp_path):
    # every tool runs without NumPy: nn_pure imports none
    script = write(tmp_path, "import sys\nsys.path.insert(0, %r)\n"
                   "import nn_pure\n"
                   "nn_pure.main(['--iterations', '20', '--plot', '--draw'])\n"
                   "nn_pure.main(['--table', 'xor', '--hidden', '2', "
                   "'--iterations', '5', '--svg'])\n"
                   "nn_pure.main(['--check'])\n"
                   "print('numpy' in sys.modules)\n" % ROOT, "no_numpy.py")
    result = run(script=script)
    assert (result.status, result.out.splitlines()[-1]) == (0, "False")


def test_training_goes_on_from_kept_weights():
    # 5000 iterations, then 5000 more from the weights kept, is 10000: the
    # same loop, bit for bit; so for lesson 2 (500 + 500)
    syn0 = train(X, y, 5000)[1]
    assert train(X, y, 5000, syn0=syn0) == train(X, y, 10000)
    l2, syn0, syn1 = train_hidden(X_xor, y_xor, iterations=500)
    assert train_hidden(X_xor, y_xor, iterations=500, syn0=syn0,
                        syn1=syn1) == train_hidden(X_xor, y_xor,
                                                   iterations=1000)


def lessons():
    """Weights to check the update at: lesson 1 from the post's start and
    after 100 iterations; lesson 2 from the tutorial's and after 100."""
    start = nn_pure.starting_weights_hidden(3, 4, 1)
    return [(X, y, [POST_START]), (X, y, [train(X, y, 100)[1]]),
            (X_xor, y_xor, list(start)), (X_xor, y_xor, list(train_hidden(
                X_xor, y_xor, iterations=100)[1:]))]


def disagree(rows):
    """The weights whose update is not the measured downhill slope."""
    return [row[:3] for row in rows
            if row[3] != pytest.approx(row[4], rel=1e-6)]


def test_gradient_check_agrees_with_the_loop_as_it_is():
    # the loops' update is minus the slope of E, for every weight
    for table, answers, weights in lessons():
        assert disagree(gradient_check(table, answers, *weights)) == []


def test_gradient_check_finds_the_slope_taken_at_the_sum(tmp_path):
    # the classic mistake, made in Part 1's loops: the slope of sigmo taken
    # at the sum, sigmo_each(dot(l0, syn0), True), not at the output l1.
    # syn0's updates go wrong (by far: the slope at z = 0.00011437 is 0.25,
    # not 0.00011436); syn1's, which do not use it, stay right
    edits = []
    for loop in (nn_pure.learn, nn_pure.learn_hidden):
        source = inspect.getsource(loop)
        edits.append((source, source.replace(
            "sigmo_each(l1, True)", "sigmo_each(dot(l0, syn0), True)")))
        assert edits[-1][0] != edits[-1][1]
    edited = load(edited_copy(tmp_path, *edits), "nn_pure_slope_at_the_sum")
    for table, answers, weights in lessons():
        rows = edited.gradient_check(table, answers, *weights)
        wrong = disagree(rows)
        assert wrong and all(name == "syn0" for name, i, j in wrong)
        assert max(abs(update - numerical) / abs(numerical) for
                   name, i, j, update, numerical in rows) > 0.5


@pytest.mark.parametrize("edit, phrases", [
    (("def train(X, y, iterations=10000, seed=1,",
      "def train(X, y, iterations=10000, seed=None,"), ["seed", "None"]),
    (("def train(X, y, iterations=10000,", "def train(X, y, iterations=1e4,"),
     ["iterations", "10000.0", "whole number"])], ids=["seed", "iterations"])
def test_a_students_default_that_does_not_fit_is_one_line(tmp_path, edit,
                                                          phrases):
    # train's defaults are the lesson's: one that cannot be is one line, a
    # TypeError from lesson(), status 2 from the command line
    path = edited_copy(tmp_path, edit)
    edited = load(path, "nn_pure_" + phrases[0])
    raises(TypeError, edited.lesson, *phrases)
    refused(run(script=path), *phrases)


def test_the_chart_puts_a_star_per_column_and_nothing_for_no_iterations():
    # by hand: errors falling from 0.5 to 0.01 over 30 sampled iterations,
    # a log scale (fifty-fold): one '*' in each of the 30 columns
    points = nn_pure.sample_points(1000)
    chart = nn_pure.text_chart(dict((itr, 0.5 / (1 + 49 * k / 29)) for k, itr
                                    in enumerate(points)), 1000)
    assert chart.count("*") == 30 and "(log scale)" in chart
    lines = chart.splitlines()  # falling: first star at the top, last at
    assert lines[1].index("*") < lines[8].index("*")  # the bottom, and the
    assert lines[9].index("+") == lines[1].index("|")  # axis under the bar
    # under the axis: 0 at its start, 1000 at its end, "iterations" midway
    # between them (to a character)
    axis, names = lines[9], lines[10]
    assert names.index("0") == axis.index("+") + 1 and len(names) == len(axis)
    assert names.endswith(" 1000")
    middle = names.index("iterations") + len("iterations") / 2
    assert abs(middle - (names.index("0") + 1 + len(names) - 4) / 2) <= 1
    assert nn_pure.text_chart({}, 0) == "(no iterations ran: nothing to plot)"
    assert nn_pure.text_chart({0: 0.2}, 1).count("*") == 30  # one iteration


class Clock:
    """time.time() that moves a second a call: a run looks long. It starts
    where the real one does, far from 0."""
    now = 1.8e9

    def time(self):
        self.now += 1.0
        return self.now


def test_a_long_run_shows_where_it_is_on_stderr(monkeypatch, capsys):
    # 90,000 iterations of the post's table are 1,080,000 steps of work: a
    # long run; with a clock a second a call, its progress line shows, on
    # stderr only, off a terminal one a minute, each saying how far it is
    monkeypatch.setattr(nn_pure, "time", Clock())
    nn_pure.lesson(iterations=90000)
    out, err = capsys.readouterr()
    assert out.startswith("Output after training :") and "iteration" not in out
    lines = err.splitlines()
    assert lines and all(re.match(r"iteration (\d+) of 90000 \((\d+)%\), "
                                  r"about \d+ (s|min) left$", l) for l in lines)
    for line in lines:  # the per cent of the iterations done
        done, per_cent = re.match(r"iteration (\d+) of 90000 \((\d+)%\)",
                                  line).groups()
        assert int(per_cent) == int(done) * 100 // 90000
    assert int(per_cent) > 0
    capsys.readouterr()
    nn_pure.lesson(iterations=80000)  # 960,000 steps: not long, no line
    assert capsys.readouterr().err == ""


class Terminal:
    """A terminal's stream: what is written, in order; isatty() True."""

    def __init__(self):
        self.written = []

    def write(self, text):
        self.written.append(text)

    def flush(self):
        pass

    def isatty(self):
        return True


def test_on_a_terminal_the_progress_line_is_wiped_before_output(monkeypatch):
    # stdout and stderr on one terminal: a long lesson-2 run (10,001
    # iterations, 9 hidden units: 1,080,108 steps) shows its progress in
    # place, and wipes it before each Error: line; a short run writes none
    screen = Terminal()
    monkeypatch.setattr(nn_pure, "time", Clock())
    monkeypatch.setattr(sys, "stdout", screen)
    monkeypatch.setattr(sys, "stderr", screen)
    nn_pure.lesson(nn_pure.X_xor, nn_pure.y_xor, hidden=9, iterations=10001)
    wipe = "\r" + " " * 70 + "\r"
    shown = screen.written
    at = [k for k, text in enumerate(shown) if text.startswith("Error:")]
    assert len(at) == 2 and shown[at[1] - 1] == wipe, shown[at[1] - 3:at[1]]
    assert shown[at[1] - 2].startswith("\riteration ")
    del shown[:]
    nn_pure.lesson(iterations=100)
    assert "".join(shown).startswith("Output after training :")
    assert "\r" not in "".join(shown)


def test_lesson_2_prints_the_tutorials_error_line_every_10000():
    # the tutorial's loop prints at j % 10000 == 0: 10,001 iterations, 2 lines
    out = run("--table", "xor", "--hidden", "1", "--iterations", "10001").out
    assert [line[:6] for line in out.splitlines()[:3]] == [
        "Error:", "Error:", "Output"]
    # the tutorial's own count, for j in xrange(60000), is the default
    assert inspect.signature(nn_pure.train_hidden).parameters[
        "iterations"].default == 60000


@pytest.mark.parametrize("size", [(1, 2, 3), 3])
def test_random_sample_takes_a_shape_of_two(size):
    raises(TypeError, lambda: nn_pure.RandomState(1).random_sample(size),
           "random_sample", "whole number")


def test_a_long_check_says_which_weight_it_is_at(monkeypatch, capsys):
    # --check of XOR with 63 hidden units: 252 weights, each slope worked
    # out on 4 rows: 1,016,064 steps, a long run; with a clock a second a
    # call, its progress counts the weights, on stderr only
    monkeypatch.setattr(nn_pure, "time", Clock())
    lines, agree = nn_pure.check_lines(nn_pure.X_xor, nn_pure.y_xor,
                                       hidden=63)
    shown = capsys.readouterr().err.splitlines()
    assert agree and shown and all(re.match(
        r"weight \d+ of 252 \(\d+%\), about \d+ (s|min) left$", line)
        for line in shown), shown


def test_sums_past_the_largest_float_are_refused_before_they_are_made():
    # inputs and weights of 1e160: each product is 1e320, past a float's
    # 1.8e308; smaller ones pass
    raises(ValueError, lambda: predict([1e160] * 3, [[1e160]] * 3),
           "overflow", "inputs")
    assert predict([1e100] * 3, [[1e-100]] * 3) == [[sigmo(3.0)]]
