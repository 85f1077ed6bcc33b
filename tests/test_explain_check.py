"""--explain and --check: iteration K number by number, each sum true on
paper and equal to NumPy's, and the check that each update goes downhill.

NumPy references (NumPy 2.4; /work/ref/references.md, sections 8 and 9).
Common setup of the snippets:
    import numpy as np
    def sigmo(x, d=False): return x*(1-x) if d else 1/(1+np.exp(-x))
    X = np.array([[0,0,1],[1,1,1],[1,0,1],[0,1,1]], float)
    y = np.array([[0,1,1,0]], float).T
    Xx = np.array([[0,0,1],[0,1,1],[1,0,1],[1,1,1]], float); yx = y.copy()
    f = lambda a: ["%.8f" % v for v in np.ravel(a)]
"""

import concurrent.futures
import decimal
import re

import pytest

from conftest import edited_copy, nn_pure, raises, run, says, slow, write

X, y, X_xor, y_xor = nn_pure.X, nn_pure.y, nn_pure.X_xor, nn_pure.y_xor
# a table of our own, inputs like 0.5 and 2, 6 rows (a sum over the rows
# has 6 terms: too long for a line)
CSV = ("0.5,2,1,0.2\n2,0.5,1,0.9\n1,1,1,0.5\n0.5,0.5,1,0.1\n2,2,1,1\n"
       "0,1.5,1,0.3\n")
X_csv = [[float(v) for v in line.split(",")[:-1]] for line in CSV.split()]
y_csv = [[float(line.split(",")[-1])] for line in CSV.split()]
TABLES = {"post": (X, y), "xor": (X_xor, y_xor), "csv": (X_csv, y_csv)}

NUMBER = r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?"
RESULT = re.compile(r"^(.*) = (-?\d+\.\d{8})"
                    r"(?: \(from unrounded numbers: (-?\d+\.\d{8})\))?$")
UPDATE = re.compile(r"^(%s) ([-+]) (?:(%s) x )?(%s)$" % ((NUMBER,) * 3))
D = decimal.Decimal


def worked_out(lines):
    """Every arithmetic line of --explain, redone with decimal from its
    printed operands: {section: [(kind, the program's own value)]}, where
    the section is a title's first word ('l1', 'syn0'...). Fails on a line
    it cannot read and on a result that is not the paper's."""
    found, section = {}, None
    for line in lines:
        if not line.startswith(" "):  # a title, or the two lines of header
            section = line.split()[0]
            continue
        text = re.sub(r"^\s*\S+\]: ", "", line).strip()  # less 'l1[0]: '
        if text.startswith("sigmo("):  # not arithmetic: the value's own
            kind, own = "sigmo", text.split(" = ")[1]
        elif "more) = " in text:  # a sum not shown whole: not redone
            kind, own = "cut", text.split(" = ")[1]
        else:
            left, r, v = RESULT.match(text).groups()
            kind, exact, spread = work(left)
            paper = exact.quantize(D("1e-8"), decimal.ROUND_HALF_UP)
            assert paper == D(r), (line, paper)
            # the program's own differs in the last digits only: by 2e-8,
            # or what rounding the operands can move (plus v's rounding)
            assert v is None or abs(D(v) - D(r)) <= max(
                D("2e-8"), D("5e-9") * (spread + 2)), line
            own = v or r
        found.setdefault(section, []).append((kind, own))
    return found


def work(left):
    """(kind, exact value, spread) of the left side of an arithmetic line:
    spread, how far rounding each printed operand (by up to 5e-9) can move
    the value, to first order: |b| + |a| for a x b, 1 for a + b."""
    word, _, rest = left.partition(" ")
    if word == "error" and " - " in rest:  # y - guess
        a, b = map(D, rest.split(" - "))
        return "error", a - b, 2
    if word in ("error", "delta"):  # l2_delta x its weight; error x slope
        a, b = map(D, rest.split(" x "))
        return word, a * b, abs(a) + abs(b)
    if word == "slope":
        o, o2 = re.match(r"(\S+) x \(1 - (\S+)\)$", rest).groups()
        assert o == o2, left
        return "slope", D(o) * (1 - D(o)), 1
    update = UPDATE.match(left)
    if update:  # old + [alpha x ]step
        old, sign, alpha, step = update.groups()
        alpha = D(alpha or 1)
        return "new", D(old) + (-1 if sign == "-" else 1) * alpha * D(
            step), 1 + abs(alpha)
    terms = [[D(n) for n in term.split(" x ")] for term in left.split(" + ")]
    assert all(len(term) == 2 for term in terms), left
    return "sum", sum(a * b for a, b in terms), sum(
        abs(a) + abs(b) for a, b in terms)


def own(found, section, kind):
    return [value for k, value in found[section] if k == kind]


@pytest.mark.parametrize("table", sorted(TABLES))
@pytest.mark.parametrize("hidden", [None, 4])
def test_every_sum_adds_up_on_paper(table, hidden):
    # issue 27: each result is what its printed numbers give, rounded half
    # up; the program's own (unrounded) differs in the last digits only
    X_, y_ = TABLES[table]
    for iteration, alpha in ((0, None), (1, None), (7, None), (100, None),
                             (1, 0.5), (7, 0.5)):
        lines = nn_pure.explain_lines(X_, y_, iteration, hidden, alpha=alpha)
        found = worked_out(lines)
        kinds = [kind for values in found.values() for kind, _ in values]
        # every weight's update line, and an error, slope, delta per row
        assert kinds.count("new") == min(4, 3 * (hidden or 1)) + (
            hidden or 0) and kinds.count("slope") >= min(4, len(X_))
        # a sum left unfinished only where a sum over the rows is too long
        assert ("cut" in kinds) == (len(X_) > 4), (table, hidden)
        # --alpha 0.5 shows in each update line (which has no head)
        assert bool(re.search(r"^ +\S+ [-+] 0\.5 x ", "\n".join(lines),
                              re.M)) == (alpha == 0.5)


def test_explain_numbers_equal_numpys_lesson_1():
    # NumPy, iteration 0 of the post's loop:
    #   np.random.seed(1); syn0 = np.random.random_sample((3,1))
    #   z = X.dot(syn0); l1 = sigmo(z); e = y - l1; s = sigmo(l1, True)
    #   d = e*s; ch = X.T.dot(d); f(z), f(l1), ... f(ch), f(syn0 + ch)
    numpy_0 = [
        "0.00011437 1.13746087 0.41713638 0.72043887",
        "0.50002859 0.75721315 0.60279781 0.67270365",
        "-0.50002859 0.24278685 0.39720219 -0.67270365",
        "0.25000000 0.18384140 0.23943261 0.22017345",
        "-0.12500715 0.04463427 0.09510316 -0.14811148",
        "0.13973743 -0.10347721 -0.13338120",
        "0.55675944 0.61684728 -0.13326682"]
    # NumPy, iteration 2: the same after two updates:
    #   for i in range(2):
    #       l1 = sigmo(X.dot(syn0)); syn0 += X.T.dot((y-l1)*sigmo(l1,True))
    #   f(z), f(l1), f(d), f(ch), f(syn0 + ch) as above
    numpy_2 = [
        "-0.25039898 0.97261041 0.45134306 0.27086837",
        "0.43772530 0.72563950 0.61095851 0.56730608",
        "-0.10773377 0.05462156 0.09247057 -0.13925656",
        "0.14709213 -0.08463500 -0.09989819",
        "0.84883417 0.43663234 -0.35029717"]
    places = [("l1", "sum"), ("l1", "sigmo"), ("l1_error", "error"),
              ("l1_error", "slope"), ("l1_error", "delta"), ("syn0", "sum"),
              ("syn0", "new")]
    for iteration, numpy, where in ((0, numpy_0, places), (
            2, numpy_2, places[:2] + places[4:])):
        found = worked_out(nn_pure.explain_lines(X, y, iteration))
        assert [" ".join(own(found, *place)) for place in where] == numpy


def test_explain_numbers_equal_numpys_lesson_2():
    # NumPy, lesson 2 on XOR, iteration 0, seed 1, 4 hidden units:
    #   np.random.seed(1)
    #   s0 = 2*np.random.random((3,4))-1; s1 = 2*np.random.random((4,1))-1
    #   z1 = Xx.dot(s0); l1 = sigmo(z1); z2 = l1.dot(s1); l2 = sigmo(z2)
    #   l2d = (yx-l2)*sigmo(l2,True); l1e = l2d.dot(s1.T)
    #   l1d = l1e*sigmo(l1,True); c1 = l1.T.dot(l2d); c0 = Xx.T.dot(l1d)
    #   f(z1[0]), f(l1[0]), f(z2), f(l2), f(l2d), f(l1e[0]), f(l1d[0]),
    #   f(c1), f(s1 + c1), f(c0[0]), f((s0 + c0)[0])
    numpy = [
        "-0.20646505 0.07763347 -0.16161097 0.37043900",
        "0.44856632 0.51939863 0.45968497 0.59156505",
        "-0.10517857 -0.04417936 0.17581491 0.17931239",
        "0.47372957 0.48895696 0.54384086 0.54470837",
        "-0.11810546 0.12769844 0.11316304 -0.13508831",
        "0.06981160 -0.08931546 0.11163621 -0.04026629",
        "0.01726822 -0.02229526 0.02772761 -0.00972897",
        "-0.00451385 -0.00669325 -0.00676932 -0.00455133",
        "-0.59560936 0.74954163 -0.95199413 0.33638369",
        "-0.00103683 -0.00496476 -0.00375422 -0.00155545",
        "-0.16699282 0.43568423 -1.00352547 -0.39689030"]
    found = worked_out(nn_pure.explain_lines(X_xor, y_xor, 0, 4))
    assert [" ".join(own(found, *place)) for place in [
        ("l1", "sum"), ("l1", "sigmo"), ("l2", "sum"), ("l2", "sigmo"),
        ("l2_error", "delta"), ("l1_error", "error"), ("l1_error", "delta"),
        ("syn1", "sum"), ("syn1", "new"), ("syn0", "sum"), ("syn0", "new")]
    ] == numpy


def test_explain_on_the_command_line(tmp_path):
    # the command line prints explain_lines' text; a CSV table and --alpha
    # reach it (NumPy, as above: syn0[0] + 0.5 x ch[0] = 0.48689072)
    done = run("--explain", "--alpha", "0.5")
    assert (done.status, done.err) == (0, "")
    assert done.out == "\n".join(nn_pure.explain_lines(X, y, alpha=0.5)) + "\n"
    assert "0.41702200 + 0.5 x 0.13973743 = 0.48689072" in done.out
    done = run("--explain", "3", "--table", write(tmp_path, CSV))
    assert done.out.splitlines() == nn_pure.explain_lines(X_csv, y_csv, 3)


def check_rows(lines):
    """(weight, update, numerical, rel. diff., mark) of check_lines' table."""
    return [(m.group(1), float(m.group(2)), float(m.group(3)),
             float(m.group(4)), m.group(5)) for m in (re.match(
                 r"^(syn\d\[\d+\]\[\d+\]) +(\S+) +(\S+) +(\S+)(.*)$", line)
                 for line in lines) if m]


@pytest.mark.parametrize("table, hidden, iterations", [
    ("post", None, "0"), ("post", None, "7"), ("xor", None, "100"),
    ("post", "4", "1"), ("xor", "4", "0"), ("xor", "4", "100")])
def test_check_agrees_on_the_loop_as_written(table, hidden, iterations):
    # the loop goes downhill: every update is minus E's slope, to 1e-6
    flags = ["--hidden", hidden] * bool(hidden)
    done = run("--check", "--table", table, "--iterations", iterations, *flags)
    assert (done.status, done.err) == (0, "")
    rows = check_rows(done.out.splitlines())
    assert len(rows) == (16 if hidden else 3)
    assert all(diff <= 1e-6 and mark == "" for _, _, _, diff, mark in rows)
    assert "DISAGREE" not in done.out and "cannot tell" not in done.out


def test_check_lines_takes_the_iteration_then_hidden():
    # check_lines(X, y, 2): iteration 2 of lesson 1, whose updates are
    # NumPy's ch at iteration 2 (above: 0.14709213 -0.08463500 -0.09989819)
    lines, agree = nn_pure.check_lines(X, y, 2)
    assert agree and lines[0].startswith("Iteration 2")
    assert ["%.8f" % row[1] for row in check_rows(lines)] == [
        "0.14709213", "-0.08463500", "-0.09989819"]
    lines, agree = nn_pure.check_lines(X, y, 5)  # not 5 hidden units
    assert agree and lines[0].startswith("Iteration 5")
    assert len(check_rows(lines)) == 3
    lines, agree = nn_pure.check_lines(X_xor, y_xor, 0, 2)  # 2 hidden units
    assert agree and len(check_rows(lines)) == 3 * 2 + 2


# the classic mistake: texts whose error is l1 - y write -=; with y - l1
# that is a step uphill
UPHILL = [
    ("# step, and an input of 0 moves nothing.\n        syn0 = add(syn0, dot("
     "transpose(l0), l1_delta), alpha)", "# step, and an input of 0 moves "
     "nothing.\n        syn0 = add(syn0, dot(transpose(l0), l1_delta), "
     "-alpha)"),
    ("syn1 = add(syn1, dot(transpose(l1), l2_delta), alpha)",
     "syn1 = add(syn1, dot(transpose(l1), l2_delta), -alpha)")]


@pytest.mark.parametrize("flags, wrong", [
    ([], ["syn0[0][0]", "syn0[1][0]", "syn0[2][0]"]),
    (["--table", "xor", "--hidden", "4"],
     ["syn1[%d][0]" % i for i in range(4)])])
def test_check_marks_a_loop_that_goes_uphill(tmp_path, flags, wrong):
    # the updates of the edited line are minus what they should be: each
    # of those weights is marked, and only those; exit 1, one line
    done = run("--check", *flags, script=edited_copy(tmp_path, *UPHILL))
    assert done.status == 1 and "Traceback" not in done.err
    assert [row[0] for row in check_rows(done.out.splitlines())
            if "DISAGREE" in row[4]] == wrong
    assert len(done.err.splitlines()) == 1
    says(done.err, "nn_pure.py: ", "--check")


def test_check_a_tiny_alpha_does_not_blame_the_loop():
    # --alpha 1e-11: two steps of about 1e-12 leave the weights as they
    # started (to 8 decimals); the updates are NumPy's at iteration 0
    # (0.13973743 -0.10347721 -0.13338120, above) and the check agrees
    done = run("--check", "--alpha", "1e-11", "--iterations", "2")
    assert (done.status, done.err) == (0, "")
    rows = check_rows(done.out.splitlines())
    assert ["%.8f" % row[1] for row in rows] == [
        "0.13973743", "-0.10347721", "-0.13338120"]
    assert "DISAGREE" not in done.out


def test_check_cannot_tell_when_the_inputs_are_near_1000(tmp_path):
    # NumPy: np.random.seed(79); 2*np.random.random_sample((2,1))-1 is
    # [0.00133625, -0.06386515], so each row's sum, x x 0.0013 - 0.064, is
    # near 1.3: on sigmo's bend, where E's slope changes fast as the weight
    # (times x near 1000) moves by h. The loop is right: not DISAGREE
    table = write(tmp_path, "990,1,0\n994,1,0\n997,1,1\n1000,1,1\n")
    done = run("--check", "--table", table, "--seed", "79", "--init",
               "tutorial")
    assert (done.status, done.err) == (0, "")
    assert "cannot tell" in done.out and "DISAGREE" not in done.out


def test_error_and_gradient_check_are_numpys():
    # NumPy: 0.5*((y - sigmo(X.dot(syn0)))**2).sum() with np.random.seed(1);
    # syn0 = np.random.random_sample((3,1)); and for lesson 2, s0 and s1 as
    # above: 0.5*((yx - sigmo(sigmo(Xx.dot(s0)).dot(s1)))**2).sum()
    start = nn_pure.RandomState(1).random_sample((3, 1))
    assert nn_pure.error(X, y, start) == pytest.approx(
        0.45963691725545075, abs=1e-15)
    l2, s0, s1 = nn_pure.train_hidden(X_xor, y_xor, 4, 0)
    assert nn_pure.error(X_xor, y_xor, s0, s1) == pytest.approx(
        0.4951865354020256, abs=1e-15)
    # NumPy: ch.ravel().tolist(), then c0 row by row and c1 (lesson 2)
    numpy_1 = [0.13973743195228824, -0.10347720879100122,
               -0.13338119900784995]
    numpy_2 = [-0.0010368297984490737, -0.00496475686792127,
               -0.003754221587321374, -0.0015554464951141322,
               -0.000307486002942595, -0.0038499869649107135,
               -0.01025853905559991, -0.0003253507079024349,
               0.0008048910326164411, -0.006125554492914399,
               -0.0019528962395484843, -0.00041050689521485856,
               -0.004513854630557412, -0.006693247497882839,
               -0.00676931634895491, -0.004551329347278149]
    for rows, numpy, names in (
            (nn_pure.gradient_check(X, y, start), numpy_1,
             [("syn0", i, 0) for i in range(3)]),
            (nn_pure.gradient_check(X_xor, y_xor, s0, s1), numpy_2,
             [("syn0", i, j) for i in range(3) for j in range(4)]
             + [("syn1", i, 0) for i in range(4)])):
        assert [row[:3] for row in rows] == names
        assert [row[3] for row in rows] == pytest.approx(numpy, abs=1e-14)
        assert [row[4] for row in rows] == pytest.approx(numpy, abs=1e-9)


@slow
def test_long_runs_show_progress_on_stderr():
    # a run past 10 s (here: 2 million iterations, ~20 s; the 4,000
    # weights of 1,000 hidden units checked, ~17 s) says how far it is on
    # stderr, a line at a time off a terminal; stdout holds the report alone
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        runs = list(pool.map(lambda flags: run(*flags), [
            ["--explain", "2000000"],
            ["--check", "--table", "xor", "--hidden", "1000"]]))
    for done, total in zip(runs, ["2000000", "4000"]):
        assert done.status == 0 and "Traceback" not in done.err
        assert re.search(r"\d+ of %s \(\d+%%\), .* left\n" % total, done.err)
        assert " left" not in done.out
        assert done.out.startswith("Iteration ")


def test_explain_names_each_line_of_the_loop_and_its_numbers():
    # the headings are lesson 2's loop, in its order; l0's inputs print as
    # the table has them, the weights to 8 decimals (the post's start)
    lines = nn_pure.explain_lines(nn_pure.X_xor, nn_pure.y_xor, 0, 2)
    headings = [line.split(" (")[0] for line in lines if line[:1] in "ls"]
    assert headings == ["l1 = sigmo(l0 . syn0)", "l2 = sigmo(l1 . syn1)",
                        "l2_error = y - l2; slope; delta",
                        "l1_error = l2_delta . syn1.T; slope; delta",
                        "syn1 += l1.T . l2_delta", "syn0 += l0.T . l1_delta"]
    first = nn_pure.explain_lines(nn_pure.X, nn_pure.y)[3]
    assert first.startswith("  l1[0]: 0 x 0.41702200 + 0 x 0.72032449 + 1 x "
                            "0.00011437 = 0.00011437")


def test_gradient_check_takes_h_up_to_1_and_both_weights_or_neither():
    syn0 = nn_pure.train(X, y, iterations=0)[1]
    assert len(nn_pure.gradient_check(X, y, syn0, h=1)) == 3
    raises(TypeError, lambda: nn_pure.train_hidden(
        nn_pure.X_xor, nn_pure.y_xor, syn0=[[0.1] * 4] * 3), "syn0", "syn1",
        "together")


def test_explain_names_a_number_by_row_and_by_column_where_there_are_two():
    # 2 hidden units: l1 is 4x2, so l1[1][1] is row 1's second unit; the
    # post's l1 is 4x1: l1[1], as one reads a column
    hidden_2 = nn_pure.explain_lines(nn_pure.X_xor, nn_pure.y_xor, 0, 2)
    assert any(line.startswith("  l1[1][1]: ") for line in hidden_2)
    post = nn_pure.explain_lines(nn_pure.X, nn_pure.y)
    assert any(line.startswith("  l1[1]: ") for line in post)


def test_explain_takes_a_table_of_one_row():
    # the smallest table: one row to learn, 0 0 1 -> 0; its sum is the
    # bias weight alone, the post's 0.00011437
    lines = nn_pure.explain_lines([[0, 0, 1]], [[0]])
    assert "  l1[0]: 0 x 0.41702200 + 0 x 0.72032449 + 1 x 0.00011437 = " \
           "0.00011437" in lines


def test_check_takes_one_hidden_unit():
    # syn1 is then 1x1: one weight, checked like the others
    lines, agree = nn_pure.check_lines(X_xor, y_xor, hidden=1)
    assert agree and [line.split()[0] for line in lines[3:7]] == [
        "syn0[0][0]", "syn0[1][0]", "syn0[2][0]", "syn1[0][0]"]


@pytest.mark.parametrize("X, settings", [
    ([[1e21, 1, 1], [0, 1, 0]], {}), (nn_pure.X, dict(alpha=1e300))],
    ids=["inputs of 1e21", "alpha 1e300"])
def test_explain_redoes_numbers_of_any_size(X, settings):
    # 1e21 x a weight needs more digits than decimal's usual 28: still
    # each line's result, to 8 decimals, not decimal's InvalidOperation
    lines = nn_pure.explain_lines(X, [[0]] * len(X), **settings)
    assert any(" = " in line for line in lines)
