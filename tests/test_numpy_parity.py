"""nn_pure's numbers are the post's and NumPy's, digit for digit.

Each reference is named beside it: "the post" (the seed blog post), NOTES.md
(shared/seed/NOTES.md), "the tutorial" (iamtrask, 2015), "Python 2.7"
(pyenv's 2.7.18), "by hand", or "NumPy" (2.4, np.set_printoptions(legacy=
'1.13')), whose snippets use sigmo(x, d) = x*(1-x) if d else 1/(1+np.exp(-x)),
the post's X, y and the tutorial's Xx (rows 00, 01, 10, 11), yx as floats;
post(X, y, n, seed=1, tutorial=False, alpha=1.0): np.random.seed(seed); s =
np.random.random_sample((columns, 1)) (2*s - 1 if tutorial); n times: l1 =
sigmo(X.dot(s)); s += alpha*X.T.dot((y-l1)*sigmo(l1,True)). "The tutorial's
loop": s0 = 2*np.random.random((m, h))-1 and s1 (h x 1) likewise, then the
same with l2 = sigmo(l1.dot(s1)) and l1d = l2d.dot(s1.T)*sigmo(l1,True).
Lesson 1 agrees to the last bit but for an ulp of exp here and there (abs
1e-12); lesson 2's last digits differ (abs 1e-9, rel 1e-8, as catalogued).
"""

import math
import re

import pytest

from conftest import run, slow, nn_pure
from nn_pure import (X, y, X_xor, y_xor, RandomState, error, format_matrix,
                     predict, python2_str, train, train_hidden)

# NumPy: np.random.seed(1); np.random.random_sample((3,1)).tolist() (NOTES.md)
POST_START = [[0.417022004702574], [0.7203244934421581],
              [0.00011437481734488664]]


def column(m):
    return [row[0] for row in m]


@pytest.mark.parametrize("seed, shape, numbers", [
    # NumPy: np.random.seed(0); np.random.random_sample((2,1)) (NOTES.md)
    (0, (2, 1), [[0.5488135039273248], [0.7151893663724195]]),
    (1, (3, 1), POST_START),
    # NumPy: np.random.seed(1); np.random.random_sample((1, 2)): a list shape
    (1, [1, 2], [[0.417022004702574, 0.7203244934421581]]),
    # NumPy: np.random.seed(123); np.random.random_sample((2,2)).tolist()
    (123, (2, 2), [[0.6964691855978616, 0.28613933495037946],
                   [0.2268514535642031, 0.5513147690828912]]),
    # NumPy: np.random.seed(4294967295); np.random.random_sample((1,2))
    (4294967295, (1, 2), [[0.0976320289940138, 0.9123828453026218]])])
def test_random_sample_is_numpys(seed, shape, numbers):
    # MT19937 seeded as np.random.seed: the same doubles, bit for bit
    assert RandomState(seed).random_sample(shape) == numbers


def test_random_sample_past_the_twist_is_numpys():
    # NumPy: np.random.seed(1); a = np.random.random_sample(1000); a[312] is
    # made of draws 624 and 625, the first after a twist; a[999] of draws
    # 1998 and 1999, after three
    numbers = RandomState(1).random_sample((1000, 1))
    assert (numbers[312][0], numbers[999][0]) == (0.2571182937821962,
                                                  0.7744772660150796)


def test_starting_weights_are_the_posts_and_the_tutorials():
    # the post's code: random_sample (NOTES.md); the tutorial's: 2*x - 1,
    # NumPy: np.random.seed(1); (2*np.random.random_sample((3,1))-1).tolist()
    assert nn_pure.starting_weights(3, 1, "post") == POST_START
    assert nn_pure.starting_weights(3, 1, "tutorial") == [
        [-0.165955990594852], [0.4406489868843162], [-0.9997712503653102]]
    # NumPy: np.random.seed(1); s0 = 2*np.random.random((3,4))-1;
    # s1 = 2*np.random.random((4,1))-1: s0[0], s1.ravel()
    syn0, syn1 = nn_pure.starting_weights_hidden(3, 4, 1)
    assert syn0[0] == [-0.165955990594852, 0.4406489868843162,
                       -0.9997712503653102, -0.39533485473632046]
    assert column(syn1) == [-0.5910955005369651, 0.7562348727818908,
                            -0.9452248136041477, 0.34093502035680445]


OTHER_X = [[0.5, -1.0], [2.0, 0.0], [1.0, 1.0]]
OTHER_y = [[0.2], [0.9], [0.5]]


@pytest.mark.parametrize("table, settings, l1, syn0", [
    # NumPy: post(X, y, 10000) (NOTES.md prints both, the post's code)
    (None, {}, [0.009665533979115697, 0.9921189849297826, 0.9935896109795003,
                0.007864549896997863],
     [9.672983117698651, -0.20801770729093075, -4.629527804370631]),
    # NumPy: post(X, y, 10000, tutorial=True): the post's printed output
    (None, dict(init="tutorial"), [0.0096644916879683, 0.992119573219358,
                                   0.9935889804970555, 0.007865059671309264],
     [9.672993027736892, -0.20784349926631962, -4.62963668773159]),
    # NumPy: post(X, y, 0): the untrained guess; the weights as drawn
    (None, dict(iterations=0), [0.5000285937043051, 0.7572131472571247,
                                0.6027978079818102, 0.6727036515287774],
     column(POST_START)),
    # NumPy: post(X, y, 10000, alpha=a) for a = 0.1, 10
    (None, dict(alpha=0.1), [0.0318377183897892, 0.9741102821679769,
                             0.9790685487979204, 0.025770457184141397],
     [7.260204996889699, -0.21766956871516124, -3.414802668816407]),
    (None, dict(alpha=10.0), [0.0030160583046601923, 0.9975386247502233,
                              0.997993404398132, 0.0024590444611314447],
     [12.010191611288015, -0.20473636632800954, -5.800834275456463]),
    # NumPy: post(np.array(OTHER_X), np.array(OTHER_y), 50, 7, True)
    ((OTHER_X, OTHER_y), dict(iterations=50, seed=7, init="tutorial"),
     [0.3978309171444223, 0.7228761382888294, 0.7565010311949674],
     [0.47940609956328767, 0.6543478482252677])])
def test_lesson_1_trains_as_numpy(table, settings, l1, syn0):
    # the post's loop gives NumPy's guesses and weights
    got = train(*(table or (X, y)), **settings)
    assert column(got[0]) == pytest.approx(l1, abs=1e-12, rel=0)
    assert column(got[1]) == pytest.approx(syn0, abs=1e-12, rel=0)


@pytest.mark.parametrize("answers, settings, printed", [
    # NumPy: print(post(X, y, 1, seed=0)[0]); post(X, y, 50, seed=7)
    (y, dict(iterations=1, seed=0), "[ 0.64628827]\n [ 0.86608366]\n"
     " [ 0.75979882]\n [ 0.78884089]"),
    (y, dict(iterations=50, seed=7), "[ 0.17001202]\n [ 0.86294098]\n"
     " [ 0.88670296]\n [ 0.14147359]"),
    # NumPy: print(post(X, y, 10000, seed=4294967295)[0])
    (y, dict(seed=4294967295), "[ 0.00966828]\n [ 0.99211696]\n"
     " [ 0.99358888]\n [ 0.00786566]"),
    # NumPy: post(X, np.array([[0,1,0,1]]).T, 10000): the second input
    ([[0], [1], [0], [1]], {}, "[ 0.00966573]\n [ 0.99211905]\n"
     " [ 0.00786354]\n [ 0.99359062]")])
def test_lesson_1_prints_as_numpy(answers, settings, printed):
    # the guesses print as NumPy printed them (legacy='1.13')
    assert format_matrix(train(X, answers, **settings)[0]) == (
        "[" + printed + "]")


@pytest.mark.parametrize("flags, l1, syn0", [
    # NOTES.md: what the post's code gives: l1, then syn0
    ((), "[[ 0.00966553]\n [ 0.99211898]\n [ 0.99358961]\n [ 0.00786455]]",
     "[[ 9.67298312]\n [-0.20801771]\n [-4.6295278 ]]"),
    # the post's printed "Output after training"; NOTES.md's syn0
    (("--init", "tutorial"), "[[ 0.00966449]\n [ 0.99211957]\n [ 0.99358898]"
     "\n [ 0.00786506]]", "[[ 9.67299303]\n [-0.2078435 ]\n [-4.62963669]]")],
    ids=["post code", "post printed"])
def test_command_line_prints_the_posts_numbers(flags, l1, syn0):
    # python3 nn_pure.py prints the post's code's output, --init tutorial
    # the output the post printed
    result = run(*flags)
    assert (result.status, result.err) == (0, "")
    assert result.out.startswith("Output after training :\n" + l1 + "\n")
    assert "\nsyn0 after training :\n" + syn0 + "\n" in result.out


# The post's trace, "0 -l1" to the last "syn0": for each iteration l1,
# l1_error, sigmo(l1,True), l1_delta and syn0 after the update, as printed.
POST_TRACE = [
    [0.50002859, 0.75721315, 0.60279781, 0.67270365],
    [-0.50002859, 0.24278685, 0.39720219, -0.67270365],
    [0.25, 0.1838414, 0.23943261, 0.22017345],
    [-0.12500715, 0.04463427, 0.09510316, -0.14811148],
    [0.55675944, 0.61684728, -0.13326682],
    [0.46673252, 0.73891558, 0.6043187, 0.61859299],
    [-0.46673252, 0.26108442, 0.3956813, -0.61859299],
    [0.24889327, 0.19291934, 0.23911761, 0.2359357],
    [-0.11616658, 0.05036823, 0.09461437, -0.14594817],
    [0.70174204, 0.52126735, -0.25039898],
    [0.4377253, 0.7256395, 0.61095851, 0.56730608],
    [-0.4377253, 0.2743605, 0.38904149, -0.56730608],
    [0.24612186, 0.19908682, 0.23768821, 0.24546989],
    [-0.10773377, 0.05462156, 0.09247057, -0.13925656],
    [0.84883417, 0.43663234, -0.35029717],
    [0.41331036, 0.71812285, 0.62211546, 0.5215704],
    [-0.41331036, 0.28187715, 0.37788454, -0.5215704],
    [0.24248491, 0.20242242, 0.23508781, 0.24953472],
    [-0.10022152, 0.05705825, 0.08883605, -0.13014992],
    [0.99472848, 0.36354068, -0.43477431]]


def test_trace_prints_the_posts_76_numbers():
    # --trace 4 prints the post's 20 matrices; as the post shows them, each
    # number is the sign (or a space) and its digits padded with spaces to
    # 10 characters: "[[ 0.25      ]", " [-0.50002859]"
    result = run("--iterations", "4", "--trace", "4")
    assert result.status == 0
    shown = re.findall(r"\[\[.*?\]\]", result.out, re.S)[:20]
    assert shown == ["[" + "\n ".join("[%s%-10s]" % (
        "-" if x < 0 else " ", repr(abs(x))) for x in numbers) + "]"
        for numbers in POST_TRACE]


LESSON_2_ERRORS = [  # the tutorial's printout, iterations 0, 10000, ...
    "Error:0.496410031903", "Error:0.00858452565325", "Error:0.00578945986251",
    "Error:0.00462917677677", "Error:0.00395876528027",
    "Error:0.00351012256786"]
# NumPy: the tutorial's loop on Xx, 4 units, seed 1, 60000 times: the hidden
# layer sigmo(Xx.dot(s0)).tolist(), rows 00, 01, 10, 11
LESSON_2_HIDDEN = [
    0.7261918958310992, 0.11641174436573384, 0.9261840068677273,
    0.9971103250370171, 0.1667625031979283, 0.00039298853828069854,
    0.016651932905484185, 0.8965769403898316, 0.996229401778546,
    0.895211331731563, 0.022312021981935444, 0.8383857804983987,
    0.9522391092888131, 0.024858929702183435, 3.079894581804707e-05,
    0.11530164874813406]


@slow
def test_command_line_lesson_2_prints_the_tutorials_lines():
    # the six "Error:" lines, then NumPy's l2 and hidden layer
    result = run("--table", "xor", "--hidden", "4")
    assert result.status == 0
    lines = result.out.splitlines()
    assert lines[:11] == LESSON_2_ERRORS + [
        "Output after training :", "[[ 0.00260572]", " [ 0.99672209]",
        " [ 0.99701711]", " [ 0.00386759]]"]
    hidden = result.out.split("for each row of X :\n")[1].split("]]")[0]
    assert [float(x) for x in re.findall(r"[-\d.e+]{3,}", hidden)] == (
        pytest.approx(LESSON_2_HIDDEN, rel=1e-8))


@slow
def test_lesson_2_trains_as_numpy_and_predicts():
    # NumPy: the tutorial's loop 60000 times on Xx: s0.tolist(), s1.tolist()
    l2, syn0, syn1 = train_hidden(X_xor, y_xor)
    assert syn0 == [pytest.approx(row, abs=1e-9) for row in [
        [4.601357097887595, 4.171971929551631, -6.309562451905658,
         -4.197451175646529],
        [-2.5841348360008505, -5.814479292280622, -6.6079343531196,
         -3.683961233012227],
        [0.9753867879450971, -2.026857753141328, 2.529497509188097,
         5.843717394604801]]]
    assert column(syn1) == pytest.approx([
        -6.967657631412922, 7.141019485765201, -10.31917382274882,
        7.861284050871796], abs=1e-9)
    # NumPy: sigmo(sigmo(np.array([[1,0,1],[0,0,0]]).dot(s0)).dot(s1))
    assert column(predict([[1, 0, 1], [0, 0, 0]], syn0, syn1)) == (
        pytest.approx([0.9970171337897594, 0.2419049379678203], abs=1e-12))


@pytest.mark.parametrize("table, settings, l2, syn1", [
    # NumPy: the tutorial's loop, 4 units, seed 1, 1000 times on Xx: l2, s1
    ((X_xor, y_xor), dict(iterations=1000),
     [0.03508130953033671, 0.9546306930935637, 0.9619543944995487,
      0.053607581322050214],
     [-4.376720695956416, 5.123135140094975, -8.283417948026083,
      5.339121202474737]),
    # NumPy: the same, 2000 times, alpha 0.5
    ((X_xor, y_xor), dict(iterations=2000, alpha=0.5),
     [0.035032977222556716, 0.9547175486043358, 0.9619899348460309,
      0.05347925226113937],
     [-4.379790247636232, 5.116267663533975, -8.278457347676634,
      5.338890044119452]),
    # NumPy: the tutorial's loop with one unit (s0 3x1, s1 1x1), 1000 times
    ((X_xor, y_xor), dict(hidden=1, iterations=1000),
     [0.5041065191043728, 0.5055891227463458, 0.5033157417680172,
      0.5046226459503096], [0.06463553722689525]),
    # NumPy: OTHER_X, OTHER_y, 3 units, np.random.seed(5), 200 times
    ((OTHER_X, OTHER_y), dict(hidden=3, iterations=200, seed=5),
     [0.25575951789661044, 0.7075925744770478, 0.6567714211447367],
     [0.2801329598267014, 0.9590509802149, -3.2123293275323133])])
def test_lesson_2_trains_as_numpy(table, settings, l2, syn1):
    # the tutorial's loop gives NumPy's output and weights (to 1e-9)
    got = train_hidden(*table, **settings)
    assert column(got[0]) == pytest.approx(l2, abs=1e-9)
    assert column(got[2]) == pytest.approx(syn1, abs=1e-9)


@pytest.mark.parametrize("m, printed", [
    # NumPy: print(np.array(m, dtype=float)) under legacy='1.13'
    (X, "[[ 0.  0.  1.]\n [ 1.  1.  1.]\n [ 1.  0.  1.]\n [ 0.  1.  1.]]"),
    ([[0.25], [0.1838414]], "[[ 0.25     ]\n [ 0.1838414]]"),
    ([[-1 / 3, 2 / 3]], "[[-0.33333333  0.66666667]]"),
    ([[-2.5, 10.25]], "[[ -2.5   10.25]]"), ([[1, 1000]], "[[    1.  1000.]]"),
    ([[123.456, 0.5]], "[[ 123.456    0.5  ]]"), ([[0.0]], "[[ 0.]]"),
    ([[0.1, 100.0]], "[[   0.1  100. ]]"), ([[-0.0]], "[[-0.]]"),
    ([[99999999.0]], "[[ 99999999.]]"), ([[12345678.9]], "[[ 12345678.9]]"),
    ([[0.0001, 0.05]], "[[ 0.0001  0.05  ]]"), ([[-0.5]], "[[-0.5]]"),
    # exponent form: below 0.0001, 1e8 or more, or over 1000 times apart
    (POST_START, "[[  4.17022005e-01]\n [  7.20324493e-01]\n"
     " [  1.14374817e-04]]"),  # NOTES.md
    ([[-1.5, 2.0, 0.0], [1e-5, 3.0, -0.0]],
     "[[ -1.50000000e+00   2.00000000e+00   0.00000000e+00]\n"
     " [  1.00000000e-05   3.00000000e+00  -0.00000000e+00]]"),
    ([[123456.5, -0.001]], "[[  1.23456500e+05  -1.00000000e-03]]"),
    ([[1e8]], "[[  1.00000000e+08]]"), ([[math.nan]], "[[ nan]]"),
    ([[9.9999e-5, 1]], "[[  9.99990000e-05   1.00000000e+00]]"),
    ([[1, 1000.5]], "[[  1.00000000e+00   1.00050000e+03]]"),
    # three-digit exponents: every exponent as long as the longest
    ([[1e-300, 1e-5]], "[[  1.00000000e-300   1.00000000e-005]]"),
    ([[1e100, -1]], "[[  1.00000000e+100  -1.00000000e+000]]"),
    ([[5e-324, 1]], "[[  4.94065646e-324   1.00000000e+000]]"),
    # nan and inf
    ([[math.nan, 1.5], [-math.inf, 0.25]], "[[  nan  1.5 ]\n [ -inf  0.25]]"),
    ([[math.nan, 1.]], "[[ nan   1.]]"),
    ([[math.inf, -math.inf]], "[[ inf -inf]]"),
    ([[math.nan, 1e-5]], "[[             nan   1.00000000e-05]]"),
    # wide rows wrap at 75 characters
    ([[1.5] * 14], "[[ " + "  ".join(["1.5"] * 14) + "]]"),
    ([[1.5] * 15], "[[ " + "  ".join(["1.5"] * 14) + "\n   1.5]]"),
    ([[1.5] + list(range(2, 24)) + [24.5]],
     "[[  1.5   2.    3.    4.    5.    6.    7.    8.    9.   10.   11.   12."
     "\n   13.   14.   15.   16.   17.   18.   19.   20.   21.   22.   23.   "
     "24.5]]"),
    ([[1e-5] * 6], "[[  " + "   ".join(["1.00000000e-05"] * 4)
     + "\n    1.00000000e-05   1.00000000e-05]]")])
def test_format_matrix_prints_as_numpy(m, printed):
    # format_matrix(m) is NumPy 1.13's print of the matrix
    assert format_matrix(m) == printed


@pytest.mark.parametrize("x, text", [
    # Python 2.7: str(x), as the tutorial printed its errors
    (0.49641003190272537, "0.496410031903"), (0.1 + 0.2, "0.3"),
    (0.00351012256786123, "0.00351012256786"), (1e-05, "1e-05"),
    (1.0, "1.0"), (100.0, "100.0"), (-2.0, "-2.0"), (0.0, "0.0"),
    (-0.0, "-0.0"), (1e16, "1e+16"), (1234567890123.0, "1.23456789012e+12"),
    (-0.00123456789012345, "-0.00123456789012"), (0.1, "0.1"),
    (math.nan, "nan"), (math.inf, "inf"), (-math.inf, "-inf"),
    (99999999999.0, "99999999999.0"), (1e11, "1e+11"),
    (123456789012.0, "1.23456789012e+11"), (5e-324, "4.94065645841e-324")])
def test_python2_str_is_python_2s(x, text):
    # python2_str(x) is Python 2.7's str(x)
    assert python2_str(x) == text


@pytest.fixture(scope="module")
def post_syn0():
    return train(X, y)[1]


def test_predict_is_numpys(post_syn0):
    # NumPy: s = post(X, y, 10000)[1]; sigmo(rows.dot(s)).tolist()
    assert column(predict([1, 0, 0], post_syn0)) == pytest.approx(
        [0.9999370422113438], abs=1e-12)
    assert column(predict([[0, 1, 0], [1, 1, 1]], post_syn0)) == (
        pytest.approx([0.4481822904854835, 0.9921193858187609], abs=1e-12))
    assert column(predict(X, post_syn0)) == pytest.approx(
        [0.009665041662312182, 0.9921193858187609, 0.9935899359127875,
         0.00786415058428519], abs=1e-12)
    assert predict([0, 0, 0], post_syn0) == [[0.5]]  # sigmo(0), by hand


def test_error_by_hand_and_as_numpy():
    # by hand: weights of 0 guess sigmo(0) = 0.5 everywhere (with a hidden
    # layer too, syn1 of 0s), each row misses by 0.5: E = 1/2 x 4 x 0.25;
    # one row, target 1, guess 0.5: 1/2 x 0.25
    assert error(X, y, [[0], [0], [0]]) == 0.5
    assert error(X_xor, y_xor, [[1, 2]] * 3, [[0], [0]]) == 0.5
    assert error([[1]], [[1]], [[0]]) == 0.125
    # NumPy: 0.5*((y - sigmo(X.dot(POST_START)))**2).sum(); 0.5*((yx -
    # sigmo(sigmo(Xx.dot(s0)).dot(s1)))**2).sum(), the tutorial's start
    assert error(X, y, POST_START) == pytest.approx(0.45963691725545075,
                                                    abs=1e-15)
    start = nn_pure.starting_weights_hidden(3, 4, 1)
    assert error(X_xor, y_xor, *start) == pytest.approx(0.4951865354020256,
                                                        abs=1e-15)

