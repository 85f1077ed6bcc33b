"""Mutation testing of nn_pure.py: does a wrong line fail a test?

    python .ci/mutation.py                  # 300 mutants, seed 20
    python .ci/mutation.py --sample 400 --seed 7 --jobs 2

A mutant is nn_pure.py with one small change that a test should notice: a
comparison or an arithmetic operator swapped, a constant changed by one, True
and False swapped, a statement removed, `and` for `or`, a string emptied.
The mutants are made from the syntax tree (ast, standard library), one per
place, and a sample of them is drawn with random.Random(seed), the same
share from every function so that the sample is spread over the file. Each
runs in a copy of the project in a temporary folder (the repository is never
touched), with `pytest -x -q` on the fast tests (those that do not start
other runtimes or train for seconds), with a time limit.

A mutant that fails a test is killed; one that passes all survives; one
that makes the same text (ast.unparse gives the same program) is left out.
Equivalent mutants (a change that cannot alter behaviour, e.g. a
statement that only makes the file quicker) cannot be found by a program: a
person marks them, in EQUIVALENT below: (function, the line as it is in
nn_pure.py, stripped, the change as the run lists it), with the reason.
The score is killed / (sampled - equivalent), and the survivors are listed
by function.

(mutmut 3, the maintained tool, was tried first: it rewrites every function
into a trampoline, which breaks the tests that read Part 1's source, and its
first pass over this suite did not end within 8 minutes on the 2-core
machine; hence this small runner, which needs nothing but pytest.)
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
# to it (e.g. a quick path skipped), each with the reason in a comment.
EQUIVALENT = set([
    # quick paths: a change that only sends plain lists down the full check,
    # which gives the same answer (the quick path is there for speed)
    ('check_matrices',
     'if (type(a) is type(b) is list and a and b  # the quick way: plain lists',
     'Is -> IsNot'),
    ('check_matrices',
     'and type(a[0]) is type(b[0]) is list):',
     'Is -> IsNot'),
    ('check_matrices',
     'if (type(a) is type(b) is list and a and b  # the quick way: plain lists',
     'remove: if type(a) is type(b) is list and a and b and (type(a[0]) is'),
    ('check_matrices',
     'if fits and width and b_width and one_width(a, width) and one_width(',
     'remove: if fits and width and b_width and one_width(a, width) and on'),
    ('check_matrices',
     'return',
     'remove: return'),
    ('shape',
     'if not numbers and type(m) is list and m and type(m[0]) is list:',
     'Is -> IsNot'),
    ('shape',
     'if not numbers and type(m) is list and m and type(m[0]) is list:',
     'remove: if not numbers and type(m) is list and m and (type(m[0]) is '),
    ('shape',
     'for row in m:',
     'remove: for row in m:'),
    ('shape',
     'if type(row) is not list or len(row) != columns:',
     'IsNot -> Is'),
    ('shape',
     'if type(row) is not list or len(row) != columns:',
     'NotEq -> Eq'),
    ('shape',
     'if columns:',
     'remove: if columns:'),
    ('shape',
     'return len(m), columns',
     'remove: return (len(m), columns)'),
    ('one_width',
     'if type(row) is not list or len(row) != width:',
     'IsNot -> Is'),
    ('one_width',
     'if type(row) is not list or len(row) != width:',
     'NotEq -> Eq'),
    ('one_width',
     'return True',
     'True -> False'),
    ('one_width',
     'return True',
     'remove: return True'),
    # boundaries no float reaches: |g - 0.5| is exact for g in [0.25, 1] and
    # never equals the float 0.05; a relative difference of exactly 1e-6
    ('why_not_learned',
     'if all(abs(guess[0] - 0.5) < 0.05 for guess in guesses):',
     'Lt -> LtE'),
    ('check_lines',
     'all_ok = all_ok and off <= 1e-6',
     'LtE -> Lt'),
    ('check_lines',
     'name, i, j), update, numerical, off, "" if off <= 1e-6 else',
     'LtE -> Lt'),
    # the same output by another way:
    # %d truncates a positive float as // would
    ('network',
     'where[name] = (60 + 140 * k, 56 + (2 * i + 1) * 147 // len(names))',
     'FloorDiv -> Div'),
    # special_text is given only nan, inf and -inf: inf > 1 as inf > 0
    ('special_text',
     'return "inf" if x > 0 else "-inf"',
     '0 -> 1'),
    # stat() has already said the file fits: one byte more read is none
    ('read_text',
     'data = file.read(TABLE_LIMITS[0] + 1)',
     '1 -> 2'),
    # one more iteration after the one recorded: nothing recorded changes
    ('loop_step',
     'trainer(X, y, iterations=iteration + 1, on_step=on_step, **given)',
     '1 -> 2'),
    # the file name given to compile() appears in no message
    ('check_calculator_file',
     'compile(tree, "nn_calc.py", "exec")',
     "string -> 'XX'"),
    # iterations=0 makes of=0 whatever the work; None (MicroPython) too
    ('lesson',
     'work = (iterations or 0) * len(X) * len(X[0]) * (hidden or 1)',
     '0 -> 1'),
    # every caller passes a float or a whole number below 1e16, which
    # prints the same either way
    ('number_word',
     'value = float(value)',
     'remove: value = float(value)'),
    # "%d min" truncates seconds / 60 as // would
    ('show_progress',
     'seconds // 60)',
     'FloorDiv -> Div'),
    # rstrip("XX0") strips what rstrip("0") does: no X in a number's text
    ('decimal_text',
     'return text.rstrip("0")  # 1.0 -> \'1.\', as NumPy writes it',
     "string -> 'XX'"),
    # all zeros (or no finite number): sizes [1] or [2] both print decimals
    ('format_matrix',
     'sizes = [abs(x) for x in numbers if x != 0 and math.isfinite(x)] or [1]',
     '1 -> 2'),
    # no number but nan and inf: before is 1 or 2, then at least 3 anyway
    ('line_up',
     'for t in numbers] or [0])',
     '0 -> 1'),
    # is_finite's callers ask only if it is true: None is as false as False
    ('is_finite',
     'return False',
     'remove: return False'),
    # the check passes for 0 and for 1 alike (any whole number from 0)
    ('calculator_file',
     'check_settings(given.get("iterations", 0), 1, None)  # the rest: below',
     '0 -> 1'),
    # repr() of nan, inf and -inf is already "nan", "inf", "-inf"
    ('decimal_text',
     'return special_text(x)',
     'remove: return special_text(x)'),
    # the end of the last function one line further: that line is the
    # banner's, never kept
    ('part1_edition',
     'starts = sorted(node.lineno for node in tree.body) + [fold + 1]',
     '1 -> 2'),
    # "%d%%" truncates 100 * itr / of as // would
    ('show_progress',
     '"\\r" if terminal else "", itr, RUN["of"], 100 * itr // RUN["of"],',
     'FloorDiv -> Div'),
    # a first "row" that is not a row stops at row 0 before columns is used
    ('shape',
     'columns = len(m[0]) if isinstance(m[0], (list, tuple)) else 0',
     '0 -> 1'),
    # a function that ends returns None without being told
    ('default_of',
     'return None',
     'remove: return None'),
    ('read_number',
     'return None',
     'remove: return None'),
    # a mask one more, ending in 1, on a number shifted left (its low bits
    # are 0): the same bits
    ('RandomState.next_uint32',
     'number ^= (number << 7) & 0x9D2C5680',
     '2636928640 -> 2636928641'),
    ('RandomState.next_uint32',
     'number ^= (number << 15) & 0xEFC60000',
     '4022730752 -> 4022730753'),
    # one more place in the state than the 624 it uses: never read
    ('RandomState.__init__',
     'self.state = [0] * 624  # filled in place: a list grown by append',
     '624 -> 625'),
    # the inputs that do not vary are the same in X's rows 0 and 1
    ('decision_map',
     'point = list(X[0])  # the other inputs: the same in every row',
     '0 -> 1'),
    # "\\" replaced with "XX/" instead of "/": split("/") finds the same
    # last part (the line's other strings are killed: see the score)
    ('file_stem',
     'name = path.replace("\\\\", "/").split("/")[-1]',
     "string -> 'XX'"),
])


class Mutant:
    def __init__(self, function, line, what, source, lines, text):
        self.function, self.line, self.what = function, line, what
        self.source, self.lines = source, lines  # lines: the function's
        self.text = text  # the changed line as it was, stripped

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
            found.append(("string -> 'XX'",
                          lambda n: setattr(n, "value", "XX" + n.value)))
        elif value is None:
            pass
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


def make_mutants(source):
    """Every mutant of every function, by function name.

    Only the changed node's own text is replaced (ast.unparse of the
    changed node, in brackets), so that comments, docstrings and layout
    stay as they are: some tests read Part 1's source."""
    data = source.encode("utf-8")  # ast's column offsets count bytes
    starts = [0]
    for line in data.splitlines(True):
        starts.append(starts[-1] + len(line))
    original = ast.dump(ast.parse(source))

    def replaced(node, text):
        a = starts[node.lineno - 1] + node.col_offset
        b = starts[node.end_lineno - 1] + node.end_col_offset
        return (data[:a] + text.encode("utf-8") + data[b:]).decode("utf-8")

    by_function = {}
    for name, function in functions(ast.parse(source)):
        docstring = (function.body[0] if ast.get_docstring(function)
                     is not None else None)
        skip = set(ast.walk(docstring)) if docstring else set()
        mutants = []
        for node in ast.walk(function):
            if node in skip or node is function:
                continue
            for what, change in changes(node):
                if change == "unwrap":
                    text = "(%s)" % ast.unparse(node.operand)
                else:
                    changed = copy.deepcopy(node)
                    change(changed)
                    text = ast.unparse(changed)
                    if not isinstance(node, ast.stmt):
                        text = "(%s)" % text
                mutants.append((node, what, text))
        for statement in statements(function):
            mutants.append((statement, "remove: " + ast.unparse(
                statement).splitlines()[0][:60], "pass"))
        found = []
        for node, what, text in mutants:
            mutated = replaced(node, text)
            try:
                tree = ast.parse(mutated)
            except SyntaxError:
                continue
            if ast.dump(tree) != original:
                found.append(Mutant(name, node.lineno, what, mutated, range(
                    function.lineno, function.end_lineno + 1),
                    source.splitlines()[node.lineno - 1].strip()))
        by_function[name] = found
    return by_function


def sample(by_function, size, seed):
    """About `size` mutants, the same share of each function's, at random."""
    total = sum(len(m) for m in by_function.values())
    share = min(1.0, size / float(total))
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


def read(name):
    with open(os.path.join(ROOT, name), encoding="utf-8") as file:
        return file.read()


# the tests as they were at the start: an edit during a run changes nothing
FILES = {name: read(name) for name in ("test_nn_pure.py", "README.md",
                                       ".ci/readme_figures.py")}


def in_a_copy(source, commands, timeout, capture=False, extra=None):
    """Run commands, one after the other while they succeed, in a temporary
    copy of the project whose nn_pure.py is source (and any extra files);
    (exit status or None on timeout, output of the last)."""
    folder = tempfile.mkdtemp(prefix="nn_pure_mutant_")
    files = dict(FILES, **(extra or {}))
    files["nn_pure.py"] = source
    try:
        os.mkdir(os.path.join(folder, ".ci"))
        for name, text in files.items():
            with open(os.path.join(folder, name), "w",
                      encoding="utf-8") as file:
                file.write(text)
        env = dict(os.environ)
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
COVERAGERC = """\
[run]
omit = */site-packages/*, */lib/python*, */lib/pypy*, */lib-python/*,
    */test_nn_pure.py, */mutation_plugin.py, */read_coverage.py,
    */sitecustomize.py, */.ci/*
parallel = true
context = ${NN_PURE_TEST_ID}
disable_warnings = no-data-collected, module-not-imported, no-ctracer
"""
PLUGIN = """\
import os
import coverage


def pytest_configure(config):
    # child processes start coverage too (sitecustomize below), each
    # reading .coveragerc afresh, so that its context is the test's id
    os.environ["COVERAGE_PROCESS_START"] = os.path.abspath(".coveragerc")
    os.environ["PYTHONPATH"] = os.path.abspath(".")


def pytest_runtest_setup(item):
    os.environ["NN_PURE_TEST_ID"] = item.nodeid
    running = coverage.Coverage.current()
    if running is not None:
        running.switch_context(item.nodeid)


def pytest_runtest_logreport(report):  # how long each test takes
    if report.when == "call":
        with open("durations.txt", "a") as file:
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
lines, elsewhere = {}, set()
for name in data.measured_files():
    for line, ids in data.contexts_by_lineno(name).items():
        if name == os.path.realpath("nn_pure.py"):
            lines.setdefault(line, set()).update(ids)
        else:  # a copy a test edited, a calculator file nn_pure.py wrote
            elsewhere.update(ids)
durations = dict(reversed(line.rstrip("\\n").split(" ", 1))
                 for line in open("durations.txt"))
json.dump({"lines": {str(k): sorted(v) for k, v in lines.items()},
           "elsewhere": sorted(elsewhere), "seconds": durations}, sys.stdout)
"""


def tests_by_line(source, cache=None):
    """{line of nn_pure.py: the ids of the tests that run it}, and {id:
    seconds it takes}; stops if any test fails on the unchanged file. With
    cache (a file name), read them from it if it is there, else save them."""
    if cache and os.path.exists(cache):
        with open(cache, encoding="utf-8") as file:
            return unpack(json.load(file))
    extra = {".coveragerc": COVERAGERC, "mutation_plugin.py": PLUGIN,
             "sitecustomize.py": SITECUSTOMIZE,
             "read_coverage.py": READER}
    coverage = [sys.executable, "-m", "coverage"]
    status, output = in_a_copy(source, [
        coverage + ["run", "-m", "pytest", "-q", "-p", "no:cacheprovider",
                    "-p", "mutation_plugin", "test_nn_pure.py"],
        coverage + ["combine", "-q"],
        [sys.executable, "read_coverage.py"]], 1800, True, extra)
    if status != 0:
        sys.exit("the tests fail on the unchanged nn_pure.py:\n" + output)
    found = json.loads(output[output.index("{"):])
    if cache:
        with open(cache, "w", encoding="utf-8") as file:
            json.dump(found, file)
    return unpack(found)


def unpack(found):
    """The tests by line; a test that ran a file made from nn_pure.py (an
    edited copy, a calculator file) counts on every line: a mutant changes
    that file too, and coverage cannot say which of its lines came from
    where."""
    everywhere = set(i for i in found["elsewhere"] if "::" in i)
    lines = dict((int(line), everywhere | set(i for i in ids if "::" in i))
                 for line, ids in found["lines"].items())
    seconds = dict((i, float(s)) for i, s in found["seconds"].items())
    return lines, seconds


def run_mutant(mutant, timeout, ids):
    """'killed', 'survived', 'timeout' or 'unreached' for one mutant."""
    if not ids:
        return "unreached"
    if sum(len(i) + 1 for i in ids) > 100000:  # past what a command takes
        ids = ["test_nn_pure.py"]  # every test, then
    status, _ = in_a_copy(mutant.source, [PYTEST + ["-x"] + ids], timeout)
    if status is None:
        return "timeout"  # counted as killed: the change is noticed
    return "survived" if status == 0 else "killed"


def test_order(ids, seconds):
    """ids, the quickest first, so that -x stops early."""
    return sorted(ids, key=lambda i: (seconds.get(i, 9.0), i))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--tests", help="another test file to run (e.g. an "
                        "older one, for a baseline)")
    parser.add_argument("--list", action="store_true",
                        help="list the sampled mutants, run nothing")
    parser.add_argument("--reached", help="a file to keep which tests "
                        "reach which lines in (made if missing): a rerun "
                        "skips measuring it; give a new name after editing "
                        "the tests or nn_pure.py")
    parser.add_argument("--only", help="a file of mutants as a run lists "
                        "them (e.g. its survivors): run just those")
    options = parser.parse_args()
    if options.tests:
        with open(options.tests, encoding="utf-8") as file:
            FILES["test_nn_pure.py"] = file.read()
    source = read("nn_pure.py")
    by_function = make_mutants(source)
    chosen, total = sample(by_function, options.sample, options.seed)
    print("%d mutants in %d functions; sampled %d (seed %d)"
          % (total, len(by_function), len(chosen), options.seed))
    if options.only:
        with open(options.only, encoding="utf-8") as file:
            wanted = [line.split("\t")[0].split("survived: ")[-1].strip()
                  for line in file]  # as a run lists them: with u or not
        wanted += [line[2:] for line in wanted if line.startswith("u ")]
        chosen = [m for m in chosen if repr(m) in wanted]
        print("of which %d are in %s" % (len(chosen), options.only))
    if options.list:
        for mutant in chosen:
            print(mutant)
        return
    # the unchanged file must pass, or every mutant would look killed
    reached, seconds = tests_by_line(source, options.reached)
    print("tests: %d, each run for the mutants in the functions it reaches"
          % len(set().union(*reached.values())))
    start = time.time()
    results = {}
    with concurrent.futures.ThreadPoolExecutor(options.jobs) as pool:
        futures = {}
        for mutant in chosen:
            ids = set()
            for line in mutant.lines:
                ids |= reached.get(line, set())
            futures[pool.submit(run_mutant, mutant, options.timeout,
                                test_order(ids, seconds))] = mutant
        for done, future in enumerate(
                concurrent.futures.as_completed(futures), 1):
            results[futures[future]] = future.result()
            if results[futures[future]] in ("survived", "unreached"):
                sys.stderr.write("survived: %r\t%s\n" % (
                    futures[future], futures[future].text))
            if done % 25 == 0:
                sys.stderr.write("%d/%d mutants, %d killed so far, %.0f s\n"
                                 % (done, len(chosen), sum(
                                     1 for r in results.values() if r in (
                                         "killed", "timeout")),
                                    time.time() - start))
    # (a killed mutant was not equivalent: a line can hold two strings)
    equivalent = [m for m in chosen if m.key() in EQUIVALENT
                  and results[m] in ("survived", "unreached")]
    survivors = sorted((m for m in chosen if results[m] in
                        ("survived", "unreached") and m not in equivalent),
                       key=lambda m: (m.function, m.line))
    killed = sum(1 for m in chosen if results[m] in ("killed", "timeout"))
    counted = len(chosen) - len(equivalent)
    print("killed %d / (%d - %d equivalent) = %.1f%% in %.0f s"
          % (killed, len(chosen), len(equivalent),
             100.0 * killed / max(counted, 1), time.time() - start))
    print("survivors (u: no test reaches the function):")
    for mutant in survivors:
        print("%s%r\t%s" % ("u " if results[mutant] == "unreached" else "",
                             mutant, mutant.text))


if __name__ == "__main__":
    main()
