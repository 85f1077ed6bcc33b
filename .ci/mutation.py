"""Mutation testing of nn_pure.py: does a wrong line fail a test?

    python .ci/mutation.py                  # 300 mutants, seed 20
    python .ci/mutation.py --sample 400 --seed 7 --jobs 2
    python .ci/mutation.py --list           # the sample only, run nothing
    python .ci/mutation.py --reached map.json --only survivors.txt

A mutant is nn_pure.py with one small change that a test should notice: a
comparison or an arithmetic operator swapped, a constant changed by one, True
and False swapped, a statement removed, `and` for `or`, "XX" put before a
string. The mutants are made from the syntax tree (ast, standard library),
one per place, and a sample of them is drawn with random.Random(seed), the
same share from every function so that the sample is spread over the file.

The tests are whatever pytest collects from the repository's root:
test_nn_pure.py and the files under tests/ (with their conftest.py). First,
on the unchanged nn_pure.py, coverage.py records which tests reach which
lines: each test is its own coverage context, child processes too (a
sitecustomize.py starts coverage in them), and the lines a fixture runs
count for every test that uses that fixture (a session fixture runs once,
for all of them). Then each mutant runs, with a time limit, in a copy of the
project in a temporary folder (the repository is never touched; the copy is
of the files as they were when the run started), with `pytest -x` on the
tests that reach its function, the quickest first.

A mutant that fails a test is killed (a timeout counts as killed); one that
passes all survives; one that makes the same program (ast.dump) is left out.

A string mutant ("string -> 'XX'") is a message mutant: it changes only the
text of a message, which is not the behaviour measured. Message mutants are
sampled and run like the others but reported apart (how many, killed,
survived) and are not in the score; with --no-messages they are left out of
the sampling altogether (the run says "N message-only mutants left out").

Equivalent mutants (a change that cannot alter behaviour, e.g. a statement
that only makes the file quicker) cannot be found by a program: a person
marks them, in EQUIVALENT below: (function, the line as it is in
nn_pure.py, stripped, the change as the run lists it), with the reason. The
behaviour score is

    killed / (sampled non-message mutants - equivalent ones)

and the survivors are listed by function, then the message survivors. At
the end the run lists the EQUIVALENT entries that no mutant of today's
nn_pure.py matches any more ("stale"): prune them.

(mutmut 3, the maintained tool, was tried first: it rewrites every function
into a trampoline, which breaks the tests that read Part 1's source, and its
first pass over this suite did not end within 8 minutes on the 2-core
machine; hence this small runner, which needs nothing but pytest and
coverage.py.)
"""

import argparse
import ast
import concurrent.futures
import copy
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Mutants a person judged equivalent: the same behaviour, only another path
# to it (e.g. a quick path skipped). Each entry is (function, the line as it
# is in nn_pure.py, stripped, the change as the run lists it); each group
# under a comment that gives the reason. A killed mutant is never counted
# as equivalent, whatever the entry says.
EQUIVALENT = set([
    # reads one byte past the limit to tell a larger file: two bytes past
    # tell it as well
    ('read_text', 'data = file.read(TABLE_LIMITS[0] + 1)', '1 -> 2'),
    # every caller passes a float or a whole number below 1e16, which
    # prints the same either way
    ('number_word', 'value = float(value)', 'remove: value = float(value)'),
    # [1] stands in only when no number is a finite non-zero: [2] gives
    # the same smallest and largest (one number), so the same form
    ('format_matrix',
     'sizes = [abs(x) for x in numbers if x != 0 and math.isfinite(x)] or [1]',
     '1 -> 2'),
    # a function that ends returns None without being told
    ('read_number', 'return None', 'remove: return None'),
    # a mask one more, ending in 1, on a number shifted left (its low bits
    # are 0): the same bits
    ('RandomState.next_uint32', 'number ^= (number << 7) & 0x9D2C5680',
     '2636928640 -> 2636928641'),
    ('RandomState.next_uint32', 'number ^= (number << 15) & 0xEFC60000',
     '4022730752 -> 4022730753'),
    # a million and one rows leave no room for a column (10**6 // rows is
    # 0): refused by the columns' limit instead, one line either way
    ('RandomState.random_sample',
     'rows = whole("random_sample\'s rows", rows, 1, 10 ** 6)', '10 -> 11'),
    # the progress line is wiped with 70 spaces or 71: wiped either way
    ('clear_progress', 'sys.stderr.write("\\r" + " " * 70 + "\\r")',
     '70 -> 71'),
    # learned_lines is always given the run's seed: its default is unused
    ('learned_lines', 'def learned_lines(X, y, guesses, weights, seed=1):',
     '1 -> 2'),
    # the hidden units' count from syn0's first row or its second: every
    # row of a checked matrix is as long
    ('picture_of', 'range(len(weights[0][0]))', '0 -> 1'),
    # "at" is set at iteration 0 before anything reads it (and a run not
    # watched never says where it stopped)
    ('progress',
     'return {"at": 0, "of": max(total, 1), "what": what, "long": work > 10 ** 6',
     '0 -> 1'),
    # this branch runs only where e**-x overflows, |x| > 709: there x < 1
    # and x < 0 say the same
    ('sigmo', 'return 0.0 if x < 0 else 1.0  # -709.78; MicroPython: ValueError)',
     '0 -> 1'),
    # a point of the SVG picture one pixel off, or a layout number as a
    # float where %d truncates it: the picture reads the same (what the
    # picture shows, where, is tested; each pixel is not)
    ('decision_map',
     'TEXT % (20, 500 + 22 * k, "", line) for k, line in enumerate(why))',
     '20 -> 21'),
    ('decision_map',
     'TEXT % (20, 500 + 22 * k, "", line) for k, line in enumerate(why))',
     '22 -> 23'),
    ('decision_map',
     '(870, 460, "", "1"), (708, 460, MIDDLE, "%s, across" % names[a]),',
     '460 -> 461'),
    ('decision_map',
     '(540, 514, "", "rows of X: black if the answer is 1, white if 0")',
     '540 -> 541'),
    ('network',
     'at = dict(((k, i), (60 + k * 380 // (len(names) - 1), 90 + (2 * i + 1)',
     'FloorDiv -> Div'),
    ('network',
     'svg, labels, placed = TEXT % (20, 30, "", "Weights: blue +, orange -, "',
     '30 -> 31'),
    ('network', 'labels += TEXT % (x, y + 5, MIDDLE, "%.2f" % weight)',
     '5 -> 6'),
    ('network', 'for t in [0.72 - 0.05 * n for n in range(9)]:  # the first place',
     '9 -> 10'),
    ('picture_of',
     '940 if "<rect" in map_svg else 520)) + svg + map_svg + "</svg>\\n")',
     '940 -> 941'),
    # an answer of exactly 0.5 is neither 0 nor 1: marked as either, the
    # mark is as true (answers of 0 and 1 are tested)
    ('decision_map',
     'marks = dict(((20 * row[a], 20 - 20 * row[b]), "%d" % (t[0] >= 0.5))',
     'GtE -> Gt'),
    # every row of a checked table is as long: X[0] or X[1]
    ('check_network',
     'return X, y, check_weights(weights, len(X[0])), number(h, "h")',
     '0 -> 1'),
    # a product of exactly 1e300: no input reaches that boundary, and both sides refuse or take alike around it
    ('check_sums',
     'if max(abs(v) for row in x for v in row) * max(abs(w) for row in syn0',
     'Gt -> GtE'),
    # a wiped line wiped again: nothing shows
    ('clear_progress',
     'state["shown"] = 0.0',
     '0.0 -> 1.0'),
    # a guess of exactly 0.5 is white from either end (its share is 0)
    ('colour',
     'end = (245, 147, 34) if guess < 0.5 else (8, 119, 189)',
     'Lt -> LtE'),
    # in the decimal form every number lies in [1e-4, 1e8), whose repr has no e: %.8f with its zeros stripped gives the same shortest digits
    ('decimal_text',
     'if "e" in text or len(text.partition(".")[2]) > 8:',
     'In -> NotIn'),
    # a point of the SVG picture one pixel off: it reads the same
    ('decision_map',
     '(870, 460, "", "1"), (708, 460, MIDDLE, "%s, across" % names[a]),',
     '708 -> 709'),
    # a point of the SVG picture one pixel off: it reads the same
    ('decision_map',
     '] + [(708, 260 + 24 * k, MIDDLE, line) for k, line in enumerate(',
     '708 -> 709'),
    # every row of a checked syn0 is as long
    ('hidden_units',
     'syn0[0]))]',
     '0 -> 1'),
    # top is exactly 0 only if every varying input's weight is exactly 0 after training from random starts, which no run reaches
    ('learned_lines',
     'if top == 0 or all(row == y[0] for row in y):',
     '0 -> 1'),
    # the sign of a bar of weight 0: a bar of 0 is '.' either way
    ('network',
     '"=-"[weight < 0] * int(min(abs(weight), 10) + 0.5) or "."))',
     'Lt -> LtE'),
    # a line 16 or 17 pixels wide for a weight of 25 or more: a point of the picture one pixel off
    ('network',
     'weight > 0 else "#f59322", min(1 + 0.6 * abs(weight), 16),',
     '16 -> 17'),
    # a node's radius one pixel off, for many nodes
    ('network',
     'radius = min(24, 160 // max(map(len, names)))  # apart, however many',
     '160 -> 161'),
    # the last function's lines end at the banner, a comment, left out either way
    ('part1_edition',
     'starts, code = sorted(node.lineno for node in part1) + [fold + 1], []',
     '1 -> 2'),
    # the progress line is looked at every 16 iterations, or in runs of 16 out of 32: it shows as often, a second apart
    ('run_loop',
     'if itr & 15 == 0:',
     '15 -> 16'),
    # exactly 90 seconds left is said in seconds or minutes: as true
    ('show_progress',
     'state["of"], "about %d s" % left if left <= 90 else "about %d min"',
     '90 -> 91'),
    # a line of exactly 100 characters shown whole or with one term fewer: both add up (a cut line says so)
    ('sum_line',
     'if len(line) + 13 <= width or shown <= 4:  # 4 always',
     'LtE -> Lt'),
    # a function that ends returns None without being told
    ('table_key',
     'return None',
     'remove: return None'),
    # a guess exactly 0.001 from 0 or 1: no float run lands there
    ('why_not_learned',
     'flat = [r for r in missed if min(guesses[r][0], 1 - guesses[r][0]) < 1e-3]',
     'Lt -> LtE'),
    # nothing is printed before the calculator file (the training's own prints are kept out), so there is nothing to flush
    ('write_utf8',
     'sys.stdout.flush()',
     'remove: sys.stdout.flush()'),
    # the seed-31337 sample (2026-12-05): an estimate of a check's work
    # only decides whether it counts as long (progress after 2 s): four
    # slopes' worth or five, no output is promised at the line between
    ('check_lines',
     'state = progress(len(places), 4 * len(places) ** 2 * len(X), "weight")',
     '4 -> 5'),
    # a point of the SVG picture one pixel off: it reads the same
    ('decision_map',
     'TEXT % (20, 500 + 22 * k, "", line) for k, line in enumerate(why))',
     '500 -> 501'),
    ('decision_map', '(708, 80, MIDDLE, "The guess between the rows"),',
     '80 -> 81'),
    ('decision_map',
     '(546, 94, "", "%s, up" % names[b]), (540, 490, "", "guess: blue "',
     '490 -> 491'),
    # there are 21 x 21 guesses: a 22nd row has none, so draws no cell,
    # and, odd, adds no row to the text map
    ('decision_map',
     'for r in range(21):  # the top row first: there the second input is 1',
     '21 -> 22'),
    # [0] stands in only when every number is nan or inf: then the room
    # for "-inf", 3, is larger than 1 or 2
    ('line_up',
     '[len(t.split(".")[0].lstrip("-")) for t in numbers] or [0])',
     '0 -> 1'),
    # the radius is written with %d, which drops what / adds
    ('network',
     'radius = min(24, 160 // max(map(len, names)))  # apart, however many',
     'FloorDiv -> Div'),
    # exactly 1e16: "%d" gives 10000000000000000, repr 1e+16; both read
    # back as the same number
    ('number_word',
     'return "%d" % value if value == int(value) and abs(value) < 1e16 else (',
     'Lt -> LtE'),
    # line `fold` is the banner's top rule, a comment: no statement starts
    # there, so <= and < keep the same ones
    ('part1_edition', 'if node.lineno <= fold]', 'LtE -> Lt'),
    # the first progress line off a terminal after 10 s of a long run or
    # after 11: no output is promised at the second
    ('show_progress',
     'if not state["long"] or now - state["start"] < (2 if terminal else 10) \\',
     '10 -> 11'),
    # the minutes are written with %d, which drops what / adds (left >= 0)
    ('show_progress',
     '% (left // 60) if left <= 86400 else "more than a day",',
     'FloorDiv -> Div'),
    # the loop returns by shown = 4 at the latest ("4 always"): it never
    # reaches its end, 0 or 1
    ('sum_line', 'for shown in range(len(terms), 0, -1):', '0 -> 1'),
    # errors exactly tenfold apart: either scale shows them, top and bottom
    ('text_chart', 'log = bottom > 0 and top / bottom > 10', 'Gt -> GtE'),
    # the seed-777 sample (2026-12-05): a point of the SVG picture one
    # pixel off, a label's spacing one pixel wider: it reads the same
    ('network',
     'if all(abs(x - u) > 44 or abs(y - v) > 18 for u, v in placed):',
     '44 -> 45'),
    ('network',
     'radius = min(24, 160 // max(map(len, names)))  # apart, however many',
     '24 -> 25'),
    ('network', 'x, y + 6, MIDDLE, names[k][i])', '6 -> 7'),
    # a weight of exactly 0 is drawn faint (below 0.01), whatever its colour
    ('network',
     'weight > 0 else "#f59322", min(1 + 0.6 * abs(weight), 16),',
     'Gt -> GtE'),
    # at iterations == width both formulas give k for column k
    ('sample_points',
     'return [k * iterations // width if iterations < width else k * (',
     'Lt -> LtE'),
    # exactly 90 seconds left is said in seconds or in minutes: as true
    ('show_progress',
     'state["of"], "about %d s" % left if left <= 90 else "about %d min"',
     'LtE -> Lt'),
    # a line a minute or a minute and a tick: the clock never lands on the
    # boundary, and no output is promised there
    ('show_progress',
     'or now - state["shown"] < (1 if terminal else 60):',
     'Lt -> LtE'),
    # an input of exactly 10, the largest: either hint (scale the inputs, a
    # smaller alpha) is true for it
    ('why_not_learned',
     '"-1..1" if max(abs(v) for row in X for v in row) > 10',
     'Gt -> GtE'),
    # a guess exactly 0.25 off its answer: no float run lands there
    ('learned_lines',
     'missed = [r for r in range(len(y)) if abs(y[r][0] - guesses[r][0]) >= NEAR]',
     'GtE -> Gt'),
    # the seed-2027 sample (2026-12-05): a point of the SVG picture one
    # pixel off, a label's spacing at exactly 44 px: it reads the same
    ('decision_map',
     '(870, 460, "", "1"), (708, 460, MIDDLE, "%s, across" % names[a]),',
     '870 -> 871'),
    ('network',
     'if all(abs(x - u) > 44 or abs(y - v) > 18 for u, v in placed):',
     'Gt -> GtE'),
    # a note is written only for a power that is not 0: < 0 and <= 0 agree
    ('e_notation', 'power) != 1), "left" if power < 0 else "right")]',
     'Lt -> LtE'),
    # written with %d, which drops what / adds (k and done are >= 0)
    ('part',
     'return [("  %s[%d]%s: " % (name, k // columns, "[%d]" % (k % columns)',
     'FloorDiv -> Div'),
    ('show_progress',
     '"\\r" * terminal, state["what"], done, state["of"], 100 * done //',
     'FloorDiv -> Div'),
    # repr gives 1e+300 for exactly 1e300: "e" is in it, so the test
    # fails at its first part either way
    ('python2_str',
     'if "e" not in text and 1e11 <= abs(number) < 1e300:  # as Python 2',
     'Lt -> LtE'),
    # a run of 0 or 1 steps is never shown: its one progress call comes at
    # its start, before 2 s have passed, so "of 1" or "of 2" never prints
    ('progress',
     'return {"at": 0, "of": max(total, 1), "what": what, "long": work > 10 ** 6',
     '1 -> 2'),
    # the first progress line on a terminal after 2 s of a long run or
    # after 3: no output is promised at the second
    ('show_progress',
     'if not state["long"] or now - state["start"] < (2 if terminal else 10) \\',
     '2 -> 3'),
    # the seed-4099 sample (2026-12-05): a point of the SVG picture one
    # pixel off, a label's spacing at exactly 18 px: it reads the same
    ('decision_map', '(708, 80, MIDDLE, "The guess between the rows"),',
     '708 -> 709'),
    ('decision_map',
     '(546, 94, "", "%s, up" % names[b]), (540, 490, "", "guess: blue "',
     '546 -> 547'),
    ('network',
     'if all(abs(x - u) > 44 or abs(y - v) > 18 for u, v in placed):',
     '18 -> 19'),
    # STEP_NAMES is a dict keyed 1 and 2: 4 / 4 is 1.0, the same key
    ('print_step',
     'named = list(zip(STEP_NAMES[len(matrices) // 4], matrices))',
     'FloorDiv -> Div'),
    # the 623 places after the seed are each written over by the loop
    # below before anything reads them: 0s or 1s, the same state (this
    # also names the seed's lower bound 0 -> 1, which seed 0's test kills)
    ('RandomState.__init__',
     'self.state = [whole("seed", seed, 0, 2 ** 32 - 1)] + [0] * 623',
     '0 -> 1'),
    # the two slopes' difference exactly equal to the allowance: no float
    # run lands there
    ('check_lines',
     'sure = abs(numerical - slope(X, y, weights, k, i, j, 1e-4)) <= (',
     'LtE -> Lt'),
])

MESSAGE = "string -> 'XX'"  # how a run lists a message mutant's change


class Mutant:
    def __init__(self, function, line, what, edit, lines, text):
        self.function, self.line, self.what = function, line, what
        self.edit = edit  # (nn_pure.py's bytes, start, end, new text)
        self.lines = lines  # the function's
        self.text = text  # the changed line as it was, stripped

    @property
    def source(self):
        """nn_pure.py with this change."""
        data, start, end, text = self.edit
        return (data[:start] + text.encode("utf-8") + data[end:]).decode(
            "utf-8")

    @property
    def message(self):
        """Whether the change is only to the text of a string."""
        return self.what == MESSAGE

    def key(self):
        """How EQUIVALENT names it: (function, the line, the change)."""
        return self.function, self.text, self.what

    def __repr__(self):
        return "%s:%d %s" % (self.function, self.line, self.what)


CMP_SWAP = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE,
            ast.GtE: ast.Gt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq,
            ast.Is: ast.IsNot, ast.IsNot: ast.Is, ast.In: ast.NotIn,
            ast.NotIn: ast.In}
BIN_SWAP = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div,
            ast.Div: ast.Mult, ast.FloorDiv: ast.Div, ast.Mod: ast.FloorDiv,
            ast.Pow: ast.Mult, ast.BitAnd: ast.BitOr, ast.BitOr: ast.BitAnd,
            ast.BitXor: ast.BitOr, ast.RShift: ast.LShift,
            ast.LShift: ast.RShift}


def changes(node):
    """The ways to change this one node: (description, change in place)."""
    found = []
    if isinstance(node, ast.Compare):
        for i, op in enumerate(node.ops):
            if type(op) in CMP_SWAP:
                new = CMP_SWAP[type(op)]
                found.append(("%s -> %s" % (type(op).__name__, new.__name__),
                              lambda n, i=i, new=new: n.ops.__setitem__(
                                  i, new())))
    elif isinstance(node, ast.BinOp) and type(node.op) in BIN_SWAP:
        new = BIN_SWAP[type(node.op)]
        found.append(("%s -> %s" % (type(node.op).__name__, new.__name__),
                      lambda n, new=new: setattr(n, "op", new())))
    elif isinstance(node, ast.AugAssign) and type(node.op) in BIN_SWAP:
        new = BIN_SWAP[type(node.op)]
        found.append(("%s= -> %s=" % (type(node.op).__name__, new.__name__),
                      lambda n, new=new: setattr(n, "op", new())))
    elif isinstance(node, ast.BoolOp):
        new = ast.Or if isinstance(node.op, ast.And) else ast.And
        found.append(("%s -> %s" % (type(node.op).__name__, new.__name__),
                      lambda n, new=new: setattr(n, "op", new())))
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        found.append(("drop not", "unwrap"))
    elif isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, bool):
            found.append(("%r -> %r" % (value, not value),
                          lambda n: setattr(n, "value", not n.value)))
        elif isinstance(value, (int, float)):
            found.append(("%r -> %r" % (value, value + 1),
                          lambda n: setattr(n, "value", n.value + 1)))
        elif isinstance(value, str) and value:
            found.append((MESSAGE,
                          lambda n: setattr(n, "value", "XX" + n.value)))
    return found


def statements(function):
    """Each statement of function that may be removed (not a docstring)."""
    for node in ast.walk(function):
        for field in ("body", "orelse", "finalbody"):
            body = getattr(node, field, None)
            if not isinstance(body, list):
                continue
            for statement in body:
                if isinstance(statement, ast.Expr) and isinstance(
                        statement.value, ast.Constant):
                    continue  # a docstring
                if isinstance(statement, (ast.stmt,)) and not isinstance(
                        statement, (ast.FunctionDef, ast.ClassDef)):
                    yield statement


def functions(tree):
    """(qualified name, node) of every function and method, top level."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            yield node.name, node
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    yield node.name + "." + item.name, item


def edits(function):
    """(node, description, the node's new text) for each change in
    function: the changed node's own text (ast.unparse, in brackets), so
    that comments, docstrings and layout stay as they are (some tests read
    Part 1's source)."""
    docstring = (function.body[0] if ast.get_docstring(function)
                 is not None else None)
    skip = set(ast.walk(docstring)) if docstring else set()
    for node in ast.walk(function):
        if node in skip or node is function:
            continue
        for what, change in changes(node):
            if change == "unwrap":
                yield node, what, "(%s)" % ast.unparse(node.operand)
                continue
            changed = copy.deepcopy(node)
            change(changed)
            text = ast.unparse(changed)
            yield node, what, text if isinstance(node, ast.stmt) else (
                "(%s)" % text)
    for statement in statements(function):
        yield statement, "remove: " + ast.unparse(
            statement).splitlines()[0][:60], "pass"


def make_mutants(source):
    """Every mutant of every function, by function name: the edits that
    parse and change the program. Only the function's own text is parsed
    again for each (the whole file is the same elsewhere)."""
    data = source.encode("utf-8")  # ast's column offsets count bytes
    starts = [0]
    for line in data.splitlines(True):
        starts.append(starts[-1] + len(line))
    lines = source.splitlines()
    by_function = {}
    for name, function in functions(ast.parse(source)):
        first = min([function.lineno] +
                    [d.lineno for d in function.decorator_list])
        top, bottom = starts[first - 1], starts[function.end_lineno]

        def tree(piece, indented=function.col_offset > 0):
            text = piece.decode("utf-8")
            return ast.dump(ast.parse("if 1:\n" + text if indented else text))

        original = tree(data[top:bottom])
        found = by_function[name] = []
        for node, what, text in edits(function):
            a = starts[node.lineno - 1] + node.col_offset
            b = starts[node.end_lineno - 1] + node.end_col_offset
            try:
                changed = tree(data[top:a] + text.encode("utf-8") +
                               data[b:bottom])
            except SyntaxError:
                continue
            if changed != original:
                found.append(Mutant(
                    name, node.lineno, what, (data, a, b, text),
                    range(function.lineno, function.end_lineno + 1),
                    lines[node.lineno - 1].strip()))
    return by_function


def sample(by_function, size, seed):
    """About `size` mutants, the same share of each function's, at random."""
    total = sum(len(m) for m in by_function.values())
    share = min(1.0, size / float(max(total, 1)))
    chooser = random.Random(seed)
    chosen = []
    for name in sorted(by_function):
        mutants = by_function[name]
        count = int(round(len(mutants) * share))
        chosen.extend(chooser.sample(mutants, min(count, len(mutants))))
    while len(chosen) < min(size, total):  # rounding: top up at random
        rest = [m for ms in by_function.values() for m in ms
                if m not in chosen]
        chosen.append(chooser.choice(rest))
    return chosen, total


def stale(by_function):
    """The EQUIVALENT entries that no mutant of nn_pure.py matches."""
    keys = set(m.key() for ms in by_function.values() for m in ms)
    return sorted(EQUIVALENT - keys)


SKIP = ("__pycache__", "node_modules")


def snapshot(folder):
    """{path relative to folder: bytes} of the project's files: the tests
    (test_nn_pure.py, tests/ with its conftest.py and data), the README,
    .ci/; not hidden files, caches, node_modules or .pyc files."""
    files = {}
    for where, folders, names in os.walk(folder):
        top = where == folder
        folders[:] = [f for f in folders if f not in SKIP and (
            not f.startswith(".") or (top and f == ".ci"))]
        for name in names:
            if name.startswith(".") or name.endswith((".pyc", ".pyo")):
                continue
            path = os.path.join(where, name)
            with open(path, "rb") as file:
                files[os.path.relpath(path, folder)] = file.read()
    return files


def read(name):
    with open(os.path.join(ROOT, name), encoding="utf-8") as file:
        return file.read()


# the project as it was at the start: an edit during a run changes nothing
FILES = snapshot(ROOT)


def in_a_copy(source, commands, timeout, capture=False, extra=None):
    """Run commands, one after the other while they succeed, in a temporary
    copy of the project whose nn_pure.py is source (and any extra files);
    (exit status or None on timeout, output of the last)."""
    folder = os.path.realpath(tempfile.mkdtemp(prefix="nn_pure_mutant_"))
    files = dict(FILES, **(extra or {}))
    files["nn_pure.py"] = source
    try:
        for name, text in files.items():
            path = os.path.join(folder, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as file:
                file.write(text if isinstance(text, bytes)
                           else text.encode("utf-8"))
        env = dict(os.environ, NN_PURE_COPY=folder)
        env.pop("NN_PURE_REQUIRE_RUNTIMES", None)
        for command in commands:
            try:
                done = subprocess.run(
                    command, cwd=folder, env=env, timeout=timeout,
                    stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                    stderr=subprocess.STDOUT, universal_newlines=True,
                    start_new_session=True)
            except subprocess.TimeoutExpired:
                return None, ""
            if done.returncode != 0:
                break
        return done.returncode, done.stdout or ""
    finally:
        shutil.rmtree(folder, ignore_errors=True)


PYTEST = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]

# Which tests reach which lines: measured once, on the unchanged file, with
# coverage.py (each test its own context, child processes too), so that a
# mutant runs only the tests that reach its function, as mutmut 3 does.
# NN_PURE_COPY is the copy's folder: the data files go there whatever
# folder a child process runs in, and the project's own files (the tests,
# conftest.py, .ci/) are not measured.
COVERAGERC = """\
[run]
data_file = ${NN_PURE_COPY}/.coverage
omit = */site-packages/*, */lib/python*, */lib/pypy*, */lib-python/*,
    %s
parallel = true
context = ${NN_PURE_TEST_ID}
disable_warnings = no-data-collected, module-not-imported, no-ctracer
"""
PLUGIN = """\
import json
import os
import coverage
import pytest

HERE = os.path.abspath(".")  # the copy's root (a test may change folder)


def switch(context):
    os.environ["NN_PURE_TEST_ID"] = context  # for child processes
    running = coverage.Coverage.current()
    if running is not None:
        running.switch_context(context)


def pytest_configure(config):
    # child processes start coverage too (sitecustomize below), each
    # reading .coveragerc afresh, so that its context is the test's id
    os.environ["COVERAGE_PROCESS_START"] = os.path.join(HERE, ".coveragerc")
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [HERE] + [p for p in [os.environ.get("PYTHONPATH")] if p])


@pytest.hookimpl(tryfirst=True)  # before the test's fixtures are set up
def pytest_runtest_setup(item):
    switch(item.nodeid)
    with open(os.path.join(HERE, "fixtures.txt"), "a") as file:
        file.write(json.dumps([item.nodeid, list(item.fixturenames)]) + "\\n")


@pytest.hookimpl(hookwrapper=True)
def pytest_fixture_setup(fixturedef, request):
    # what a fixture runs counts for every test that uses it, even when
    # it runs once (scope="session") for many
    before = os.environ.get("NN_PURE_TEST_ID", "")
    switch("fixture:" + fixturedef.argname)
    yield
    switch(before)


def pytest_runtest_logreport(report):  # how long each test takes
    if report.when == "call":
        with open(os.path.join(HERE, "durations.txt"), "a") as file:
            file.write("%f %s\\n" % (report.duration, report.nodeid))
"""
SITECUSTOMIZE = """\
import os
if os.environ.get("COVERAGE_PROCESS_START"):
    try:
        import coverage
        coverage.process_startup()
    except ImportError:  # another Python, without coverage.py
        pass
"""
READER = """\
import json, os, sys
import coverage
data = coverage.CoverageData(".coverage")
data.read()
project = set(os.path.realpath(name) for name in sys.argv[1:])
with open("nn_pure.py", "rb") as file:
    original = file.read()


def unchanged_copy(name):  # a copy of nn_pure.py, still there: the same lines
    try:
        with open(name, "rb") as file:
            return file.read() == original
    except OSError:
        return False


lines, elsewhere = {}, set()
for name in data.measured_files():
    if os.path.realpath(name) in project:
        continue  # a test, conftest.py, this runner's files
    for line, ids in data.contexts_by_lineno(name).items():
        if name == os.path.realpath("nn_pure.py") or unchanged_copy(name):
            lines.setdefault(line, set()).update(ids)
        else:  # a copy a test edited, a calculator file nn_pure.py wrote
            elsewhere.update(ids)
durations = dict(reversed(line.rstrip("\\n").split(" ", 1))
                 for line in open("durations.txt"))
fixtures = dict(json.loads(line) for line in open("fixtures.txt"))
json.dump({"lines": {str(k): sorted(v) for k, v in lines.items()},
           "elsewhere": sorted(elsewhere), "seconds": durations,
           "fixtures": fixtures}, sys.stdout)
"""


def tests_by_line(source, cache=None):
    """{line of nn_pure.py: the ids of the tests that run it}, and {id:
    seconds it takes}; stops if any test fails on the unchanged file. With
    cache (a file name), read them from it if it is there, else save them."""
    if cache and os.path.exists(cache):
        with open(cache, encoding="utf-8") as file:
            return unpack(json.load(file))
    helpers = {"mutation_plugin.py": PLUGIN, "sitecustomize.py": SITECUSTOMIZE,
               "read_coverage.py": READER}
    project = sorted((set(FILES) | set(helpers)) - {"nn_pure.py"})
    rc = COVERAGERC % ",\n    ".join("${NN_PURE_COPY}/" + name.replace(
        os.sep, "/") for name in project if name.endswith(".py"))
    coverage = [sys.executable, "-m", "coverage"]
    status, output = in_a_copy(source, [
        coverage + ["run", "-m", "pytest", "-q", "-p", "no:cacheprovider",
                    "-p", "mutation_plugin"],
        coverage + ["combine", "-q"],
        [sys.executable, "read_coverage.py"] + project], 1800, True,
        dict(helpers, **{".coveragerc": rc}))
    if status != 0:
        sys.exit("the tests fail on the unchanged nn_pure.py:\n" + output)
    found = json.loads(output[output.index("{"):])
    if not found["lines"]:
        sys.exit("coverage saw no test run a line of nn_pure.py:\n" + output)
    if cache:
        with open(cache, "w", encoding="utf-8") as file:
            json.dump(found, file)
    return unpack(found)


def unpack(found):
    """The tests by line, and their seconds. A fixture's lines count for
    the tests that use it. A test that ran a file made from nn_pure.py (an
    edited copy, a calculator file) counts on every line: a mutant changes
    that file too, and coverage cannot say which of its lines came from
    where."""
    users = {}
    for test, names in found.get("fixtures", {}).items():
        for name in names:
            users.setdefault("fixture:" + name, set()).add(test)

    def tests(ids):
        return set(i for i in ids if "::" in i).union(
            *(users.get(i, ()) for i in ids))

    everywhere = tests(found["elsewhere"])
    lines = dict((int(line), everywhere | tests(ids))
                 for line, ids in found["lines"].items())
    seconds = dict((i, float(s)) for i, s in found["seconds"].items())
    return lines, seconds


def run_mutant(mutant, timeout, ids):
    """'killed', 'survived', 'timeout' or 'unreached' for one mutant."""
    if not ids:
        return "unreached"
    if sum(len(i) + 1 for i in ids) > 100000:  # past what a command takes
        ids = []  # every test pytest collects, then
    status, _ = in_a_copy(mutant.source, [PYTEST + ["-x"] + ids], timeout)
    if status is None:
        return "timeout"  # counted as killed: the change is noticed
    return "survived" if status == 0 else "killed"


def test_order(ids, seconds):
    """ids, the quickest first, so that -x stops early."""
    return sorted(ids, key=lambda i: (seconds.get(i, 9.0), i))


def options():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--tests", help="other tests to run (e.g. older "
                        "ones, for a baseline): a file, in place of "
                        "test_nn_pure.py, or a checkout, in place of all")
    parser.add_argument("--no-messages", action="store_true",
                        help="leave message (string) mutants out of the "
                        "sample: a quicker behaviour score")
    parser.add_argument("--list", action="store_true",
                        help="list the sampled mutants, run nothing")
    parser.add_argument("--reached", help="a file to keep which tests "
                        "reach which lines in (made if missing): a rerun "
                        "skips measuring it; give a new name after editing "
                        "the tests or nn_pure.py")
    parser.add_argument("--only", help="a file of mutants as a run lists "
                        "them (e.g. its survivors): run just those")
    return parser.parse_args()


def use_tests(path):
    """Run the tests of path (a file or a checkout) instead."""
    if os.path.isdir(path):
        FILES.clear()
        FILES.update(snapshot(path))
    else:
        with open(path, "rb") as file:
            FILES["test_nn_pure.py"] = file.read()


def choose(by_function, given):
    """The sampled mutants (just those in the --only file, if given)."""
    pool = by_function
    messages = sum(1 for ms in by_function.values() for m in ms if m.message)
    if given.no_messages:
        pool = dict((name, [m for m in ms if not m.message])
                    for name, ms in by_function.items())
    chosen, total = sample(pool, given.sample, given.seed)
    print("%d mutants in %d functions, %d of them message-only; sampled %d "
          "(seed %d): %d behaviour, %d message"
          % (sum(len(ms) for ms in by_function.values()), len(by_function),
             messages, len(chosen), given.seed,
             sum(1 for m in chosen if not m.message),
             sum(1 for m in chosen if m.message)))
    if given.no_messages:
        print("%d message-only mutants left out (--no-messages)" % messages)
    if given.only:
        with open(given.only, encoding="utf-8") as file:
            wanted = [line.split("\t")[0].split("survived: ")[-1].strip()
                      for line in file]  # as a run lists them: with u or not
        wanted += [line[2:] for line in wanted if line.startswith("u ")]
        chosen = [m for m in chosen if repr(m) in wanted]
        print("of which %d are in %s" % (len(chosen), given.only))
    return chosen


def run_all(chosen, reached, seconds, given):
    """{mutant: its result}, run given.jobs at a time."""
    start, results = time.time(), {}
    with concurrent.futures.ThreadPoolExecutor(given.jobs) as pool:
        futures = {}
        for mutant in chosen:
            ids = set()
            for line in mutant.lines:
                ids |= reached.get(line, set())
            futures[pool.submit(run_mutant, mutant, given.timeout,
                                test_order(ids, seconds))] = mutant
        for done, future in enumerate(
                concurrent.futures.as_completed(futures), 1):
            mutant = futures[future]
            results[mutant] = future.result()
            if results[mutant] in ("survived", "unreached"):
                sys.stderr.write("survived: %r\t%s\n" % (mutant, mutant.text))
            if done % 25 == 0:
                sys.stderr.write("%d/%d mutants, %d killed so far, %.0f s\n"
                                 % (done, len(chosen), sum(
                                     1 for r in results.values() if r in (
                                         "killed", "timeout")),
                                    time.time() - start))
    return results


def tally(mutants, results):
    """(killed, equivalent, survivors) of mutants. A killed mutant was not
    equivalent, whatever EQUIVALENT says: a line can hold two strings."""
    killed = [m for m in mutants if results[m] in ("killed", "timeout")]
    equivalent = [m for m in mutants
                  if m not in killed and m.key() in EQUIVALENT]
    survivors = sorted((m for m in mutants if m not in killed
                        and m not in equivalent),
                       key=lambda m: (m.function, m.line))
    return len(killed), len(equivalent), survivors


def show(survivors, results):
    for mutant in survivors:
        print("%s%r\t%s" % ("u " if results[mutant] == "unreached" else "",
                             mutant, mutant.text))


def report(chosen, results, seconds):
    behaviour = [m for m in chosen if not m.message]
    messages = [m for m in chosen if m.message]
    killed, equivalent, survivors = tally(behaviour, results)
    print("behaviour score: killed %d / (%d sampled - %d equivalent) = "
          "%.1f%% in %.0f s" % (killed, len(behaviour), equivalent, 100.0 *
                                 killed / max(len(behaviour) - equivalent, 1),
                                 seconds))
    m_killed, m_equivalent, m_survivors = tally(messages, results)
    print("message mutants (not in the score): %d sampled, %d killed, "
          "%d survived, %d equivalent" % (len(messages), m_killed,
                                          len(m_survivors), m_equivalent))
    print("survivors (u: no test reaches the function):")
    show(survivors, results)
    if m_survivors:
        print("message survivors (not in the score):")
        show(m_survivors, results)


def report_stale(by_function):
    entries = stale(by_function)
    print("stale EQUIVALENT entries (no mutant matches them; prune them): %d"
          % len(entries))
    for entry in entries:
        print("  %r" % (entry,))


def main():
    given = options()
    if given.tests:
        use_tests(given.tests)
    source = read("nn_pure.py")
    by_function = make_mutants(source)
    chosen = choose(by_function, given)
    if given.list:
        for mutant in chosen:
            print("%r\t%s" % (mutant, mutant.text))
        report_stale(by_function)
        return
    # the unchanged file must pass, or every mutant would look killed
    reached, seconds = tests_by_line(source, given.reached)
    print("tests: %d, each run for the mutants in the functions it reaches"
          % len(set().union(*reached.values())))
    start = time.time()
    results = run_all(chosen, reached, seconds, given)
    report(chosen, results, time.time() - start)
    report_stale(by_function)


if __name__ == "__main__":
    main()
