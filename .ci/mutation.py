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
person marks them, in EQUIVALENT below by function and ast.unparse text.
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
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# The fast tests: everything but the slow runtime tests (skipped anyway
# without NN_PURE_REQUIRE_RUNTIMES=1) and the few slowest CPython ones.
SLOW = ["notebook", "python_2", "newer_than", "ctrl_c_is_one_line",
        "cut_pipe", "long_run", "micropython", "pyodide", "pypy", "oldest",
        "runs_at_import", "32_bit_floats", "calculator", "tutorials_lines",
        "hidden_units_say", "predict_with_a_hidden", "predict_rows"]

# Mutants a person judged equivalent: (function, ast.unparse of the mutated
# function's changed line). None yet.
EQUIVALENT = set()


class Mutant:
    def __init__(self, function, line, what, source):
        self.function, self.line, self.what = function, line, what
        self.source = source

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
                found.append(Mutant(name, node.lineno, what, mutated))
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
FILES = {name: read(name) for name in ("test_nn_pure.py", "README.md")}


def in_a_copy(source, command, timeout, capture=False):
    """Run command in a temporary copy of the project whose nn_pure.py is
    source; (exit status or None on timeout, output)."""
    folder = tempfile.mkdtemp(prefix="nn_pure_mutant_")
    try:
        for name, text in list(FILES.items()) + [("nn_pure.py", source)]:
            with open(os.path.join(folder, name), "w",
                      encoding="utf-8") as file:
                file.write(text)
        env = dict(os.environ)
        env.pop("NN_PURE_REQUIRE_RUNTIMES", None)
        try:
            done = subprocess.run(command, cwd=folder, env=env,
                                  stdout=subprocess.PIPE if capture
                                  else subprocess.DEVNULL,
                                  stderr=subprocess.STDOUT, timeout=timeout,
                                  universal_newlines=True,
                                  start_new_session=True)
        except subprocess.TimeoutExpired:
            return None, ""
        return done.returncode, done.stdout or ""
    finally:
        shutil.rmtree(folder, ignore_errors=True)


PYTEST = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]


def fast_tests(source, tests, below):
    """The ids of the tests that take less than `below` seconds on the
    unchanged file (pytest --durations); stops if any test fails there."""
    status, output = in_a_copy(source, PYTEST + [
        "--durations=0", "--durations-min=0", "-k", tests,
        "test_nn_pure.py"], 900, capture=True)
    if status != 0:
        sys.exit("the tests fail on the unchanged nn_pure.py:\n" + output)
    ids = []
    for line in output.splitlines():
        words = line.split(None, 2)
        if len(words) == 3 and words[1] == "call" and words[0].endswith("s"):
            if float(words[0][:-1]) < below:
                ids.append(words[2])
    return ids


def run_mutant(mutant, timeout, ids):
    """'killed', 'survived' or 'timeout' for one mutant."""
    status, _ = in_a_copy(mutant.source, PYTEST + ["-x"] + ids, timeout)
    if status is None:
        return "timeout"  # counted as killed: the change is noticed
    return "survived" if status == 0 else "killed"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--seed", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--below", type=float, default=0.1,
                        help="the fast tests: those under this many seconds"
                        " on the unchanged file (default 0.1: the tests in "
                        "one process; 1000: all but the slow runtimes)")
    parser.add_argument("--tests", help="another test file to run (e.g. an "
                        "older one, for a baseline)")
    parser.add_argument("--list", action="store_true",
                        help="list the sampled mutants, run nothing")
    options = parser.parse_args()
    if options.tests:
        with open(options.tests, encoding="utf-8") as file:
            FILES["test_nn_pure.py"] = file.read()
    source = read("nn_pure.py")
    tests = "not (%s)" % " or ".join(SLOW)
    by_function = make_mutants(source)
    chosen, total = sample(by_function, options.sample, options.seed)
    print("%d mutants in %d functions; sampled %d (seed %d)"
          % (total, len(by_function), len(chosen), options.seed))
    if options.list:
        for mutant in chosen:
            print(mutant)
        return
    # the unchanged file must pass, or every mutant would look killed
    ids = fast_tests(source, tests, options.below)
    print("fast tests: %d (under %g s each on the unchanged file)"
          % (len(ids), options.below))
    start = time.time()
    results = {}
    with concurrent.futures.ThreadPoolExecutor(options.jobs) as pool:
        futures = {pool.submit(run_mutant, m, options.timeout, ids): m
                   for m in chosen}
        for done, future in enumerate(
                concurrent.futures.as_completed(futures), 1):
            results[futures[future]] = future.result()
            if done % 25 == 0:
                sys.stderr.write("%d/%d mutants, %.0f s\n"
                                 % (done, len(chosen), time.time() - start))
    equivalent = [m for m in chosen
                  if (m.function, m.what) in EQUIVALENT]
    survivors = sorted((m for m in chosen if results[m] == "survived"
                        and m not in equivalent),
                       key=lambda m: (m.function, m.line))
    killed = sum(1 for m in chosen if results[m] in ("killed", "timeout"))
    counted = len(chosen) - len(equivalent)
    print("killed %d / (%d - %d equivalent) = %.1f%%"
          % (killed, len(chosen), len(equivalent), 100.0 * killed / counted))
    print("survivors by function:")
    for mutant in survivors:
        print("  %s" % mutant)


if __name__ == "__main__":
    main()
