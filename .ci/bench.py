"""How fast is pure Python? nn_pure against the seed's own NumPy code.

A benchmark, not a test: timings on a shared machine vary, so it runs both
side by side, alternating, and reports medians and ratios. It needs NumPy,
which the project itself never does:

    python -m pip install numpy
    python .ci/bench.py            # add --quick for fewer repeats

It measures (--only SECTION,... runs just those):
  1. whole-process: ``python nn_pure.py`` against the seed's NumPy script,
     whole processes (wall time, and peak memory);
  2. in-process: ``train(X, y, 10000)`` against the seed's NumPy loop, in
     one process;
  3. crossover: from what table size NumPy overtakes, as whole programs;
  4. micropython: MicroPython (WebAssembly) running the default lesson, if
     .ci/run has installed it.

NumPy runs with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset, which this
machine sets for old OpenBLAS builds and which slow a current NumPy.

To compare versions of nn_pure.py side by side, in one sitting, name them:

    python .ci/bench.py --only in-process,micropython \
        --file /tmp/before.py --file /tmp/after.py

Sections 2 and 4 then time each file beside the repository's own, in turn,
and 4 gives ratios to the first --file. A file is only imported and its
train(X, y, 10000) called (2), or run with no arguments (4), so older
versions of nn_pure.py do too.
"""

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)
import nn_pure  # noqa: E402

SECTIONS = ("whole-process", "in-process", "crossover", "micropython")
QUICK = False  # set by --quick

# The seed's sigmoid and code (shared/seed/NOTES.md), in Python 3.
SEED_SIGMO = """\
def sigmo(x, deriv=False):
    if(deriv == True):
        return x*(1-x)
    return 1/(1+np.exp(-x))
"""

NUMPY_SCRIPT = """\
import numpy as np

%(sigmo)s
X = np.array(%(X)s)
y = np.array(%(y)s)
np.random.seed(1)
syn0 = np.random.random_sample((%(columns)d,1))
for itr in range(10000):
    l0 = X
    l1 = sigmo(np.dot(l0, syn0))
    l1_error = y - l1
    l1_delta = l1_error * sigmo(l1,True)
    syn0 += np.dot(l0.T,l1_delta)
np.set_printoptions(legacy='1.13')
print("Output after training :")
print(l1)
"""

PURE_SCRIPT = """\
import sys
sys.path.insert(0, %(root)r)
from nn_pure import train, format_matrix
l1, syn0 = train(%(X)s, %(y)s, 10000)
print("Output after training :")
print(format_matrix(l1))
"""


def numpy_env():
    env = dict(os.environ)
    env.pop("OPENBLAS_CORETYPE", None)
    env.pop("OPENBLAS_L2_SIZE", None)
    return env


def median(values):
    values = sorted(values)
    middle = len(values) // 2
    if len(values) % 2:
        return values[middle]
    return (values[middle - 1] + values[middle]) / 2


def run_once(command, env=None):
    """Wall seconds of one run of command."""
    start = time.perf_counter()
    subprocess.check_call(command, stdin=subprocess.DEVNULL,
                          stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def alternate(first, second, runs, first_env=None, second_env=None):
    """Run two commands in turn `runs` times; the median seconds of each."""
    a_times, b_times = [], []
    for _ in range(runs):
        a_times.append(run_once(first, first_env))
        b_times.append(run_once(second, second_env))
    return median(a_times), median(b_times)


# Peak memory is read by the program itself at its end, from VmHWM in
# /proc/self/status: the high-water mark of its own memory. (The rusage
# that a parent reads counts memory from before exec() as well.)
PEAK = """\
import runpy, sys
path = sys.argv[1]
sys.argv = sys.argv[1:]
runpy.run_path(path, run_name="__main__")
for line in open("/proc/self/status"):
    if line.startswith("VmHWM"):
        sys.stderr.write(line.split()[1])
"""


def peak_mib(script, env=None, runs=5):
    """Median peak memory, MiB, of `python script`."""
    peaks = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", PEAK, script],
                              stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, env=env, check=True)
        peaks.append(int(done.stderr) / 1024)
    return median(peaks)


def table(rows, columns=3, seed=0):
    """A random 0/1 table with the first column as the answer."""
    pick = random.Random(seed)
    X = [[pick.randint(0, 1) for _ in range(columns - 1)] + [1]
         for _ in range(rows)]
    y = [[row[0]] for row in X]
    return X, y


def write_scripts(folder, X, y):
    values = {"X": X, "y": y, "columns": len(X[0]), "root": ROOT,
              "sigmo": SEED_SIGMO}
    numpy_path = os.path.join(folder, "seed_numpy_%d.py" % len(X))
    pure_path = os.path.join(folder, "pure_%d.py" % len(X))
    with open(numpy_path, "w") as out:
        out.write(NUMPY_SCRIPT % values)
    with open(pure_path, "w") as out:
        out.write(PURE_SCRIPT % values)
    return numpy_path, pure_path


def whole_programs(folder):
    runs = 7 if QUICK else 21
    numpy_path, _ = write_scripts(folder, nn_pure.X, nn_pure.y)
    pure = [sys.executable, os.path.join(ROOT, "nn_pure.py")]
    numpy = [sys.executable, numpy_path]
    # the post's output block (nn_pure then says what the network learned)
    numpy_out = subprocess.check_output(numpy, env=numpy_env())
    assert subprocess.check_output(pure).startswith(numpy_out), "outputs differ"
    pure_s, numpy_s = alternate(pure, numpy, runs, second_env=numpy_env())
    pure_mb = peak_mib(pure[1])
    numpy_mb = peak_mib(numpy_path, numpy_env())
    print("1. whole process, median of %d alternating runs" % runs)
    print("   python nn_pure.py      %6.3f s  %5.1f MiB peak (VmHWM)"
          % (pure_s, pure_mb))
    print("   seed's NumPy script    %6.3f s  %5.1f MiB peak (VmHWM)"
          % (numpy_s, numpy_mb))
    print("   ratio                  %6.2fx time, %.2fx memory"
          % (pure_s / numpy_s, pure_mb / numpy_mb))


def in_turn(runs, count):
    """The order of each of `runs` rounds over `count` contestants: each
    round starts one further along, so each runs first as often (with two,
    the order alternates)."""
    order = list(range(count))
    for r in range(runs):
        yield order[r % count:] + order[:r % count]


def round_robin(commands, runs):
    """Run the commands in turn `runs` times; the median seconds of each."""
    times = [[] for _ in commands]
    for order in in_turn(runs, len(commands)):
        for i in order:
            times[i].append(run_once(commands[i]))
    return [median(seconds) for seconds in times]


# Run as `python -c IN_PROCESS RUNS PATH...`: imports each PATH under a name
# of its own, checks that its train gives NumPy's l1, then times NumPy's
# loop and each train in turn, RUNS times (after one round untimed), and
# prints the seconds of every run as JSON: NumPy's list first.
IN_PROCESS = """\
import importlib.util, json, sys, time
import numpy as np

%(sigmo)s
def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module

def numpy_loop(X, y):
    X = np.array(X)
    y = np.array(y)
    np.random.seed(1)
    syn0 = np.random.random_sample((3,1))
    for itr in range(10000):
        l0 = X
        l1 = sigmo(np.dot(l0, syn0))
        l1_error = y - l1
        l1_delta = l1_error * sigmo(l1,True)
        syn0 += np.dot(l0.T,l1_delta)
    return l1.tolist()

def pure(module):
    return lambda: module.train(module.X, module.y, 10000)[0]

runs, paths = int(sys.argv[1]), sys.argv[2:]
modules = [load(path, "nn_pure_" + str(i)) for i, path in enumerate(paths)]
X, y = modules[0].X, modules[0].y
contestants = [lambda: numpy_loop(X, y)] + [pure(m) for m in modules]
expected = contestants[0]()  # also the untimed round
for path, run in zip(paths, contestants[1:]):
    l1 = run()
    gap = max(abs(a[0] - b[0]) for a, b in zip(l1, expected))
    assert len(l1) == len(expected) and gap < 1e-9, path + ": l1 differs"
times = [[] for _ in contestants]
for r in range(runs):
    order = list(range(len(contestants)))
    for i in order[r %% len(order):] + order[:r %% len(order)]:
        start = time.perf_counter()
        contestants[i]()
        times[i].append(time.perf_counter() - start)
print(json.dumps(times))
"""


def in_process(paths):
    """Section 2: each path's train(X, y, 10000) and the seed's NumPy loop,
    in turn in one process, which imports NumPy (this one does not)."""
    runs = 7 if QUICK else 21
    done = subprocess.run(
        [sys.executable, "-c", IN_PROCESS % {"sigmo": SEED_SIGMO}, str(runs)]
        + paths, stdout=subprocess.PIPE, env=numpy_env(),
        universal_newlines=True)
    if done.returncode:
        sys.exit("bench.py: the in-process run failed (its error is above)")
    seconds = [median(times) for times in json.loads(done.stdout)]
    names = ["seed's NumPy loop"] + [label(path) for path in paths]
    width = max(len(name) for name in names)
    print("2. train(X, y, 10000) in one process, median of %d runs each, in "
          "turn" % runs)
    print("   %-*s  %8s  %8s  %s"
          % (width, "", "s", "us/iter", "ratio to NumPy"))
    for name, s in zip(names, seconds):
        print("   %-*s  %8.4f  %8.2f  %6.2fx"
              % (width, name, s, s / 10000 * 1e6, s / seconds[0]))


def label(path):
    """The repository's own nn_pure.py by its name; another file by its
    path."""
    if path == os.path.join(ROOT, "nn_pure.py"):
        return "nn_pure.py (this repository)"
    return path


def crossover(folder):
    runs = 3 if QUICK else 7
    print("3. whole programs on an n x 3 table, 10000 iterations, median of "
          "%d alternating runs" % runs)
    print("   rows   nn_pure    NumPy    ratio")
    for rows in (4, 6, 8, 12, 16, 32, 64):
        X, y = table(rows)
        numpy_path, pure_path = write_scripts(folder, X, y)
        pure_s, numpy_s = alternate(
            [sys.executable, pure_path], [sys.executable, numpy_path], runs,
            second_env=numpy_env())
        print("   %4d  %6.3f s  %6.3f s  %5.2fx"
              % (rows, pure_s, numpy_s, pure_s / numpy_s))


MICROPYTHON = os.path.join(HERE, "node_modules", "@micropython",
                           "micropython-webassembly-pyscript")


def micropython(paths, others):
    """Section 4: the default lesson of each path, in MicroPython's own
    command line (node micropython.mjs), in turn; ratios to others[0]."""
    if not os.path.exists(os.path.join(MICROPYTHON, "micropython.mjs")):
        print("4. MicroPython: not installed (bash .ci/run installs it)")
        return
    runs = 3 if QUICK else 7
    commands = [["node", os.path.join(MICROPYTHON, "micropython.mjs"), "-X",
                 "heapsize=64k", path] for path in paths]
    for command in commands:  # a Python error does not change node's status
        output = subprocess.run(command, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                universal_newlines=True)
        assert "Output after training" in output.stdout, (
            "%s failed in MicroPython:\n%s" % (command[-1], output.stderr))
    seconds = round_robin(commands, runs)
    with open(os.path.join(MICROPYTHON, "package.json")) as package:
        version = json.load(package)["version"]
    print("4. MicroPython %s (WebAssembly, 64 KB heap), default lesson, "
          "median of %d runs each, in turn" % (version, runs))
    print("   node micropython.mjs -X heapsize=64k FILE%s"
          % (", ratio to " + others[0] if others else ""))
    base = seconds[paths.index(others[0])] if others else None
    width = max(len(label(path)) for path in paths)
    for path, s in zip(paths, seconds):
        ratio = "" if base is None else "  %5.2fx" % (s / base)
        print("   %-*s  %6.3f s%s" % (width, label(path), s, ratio))


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="fewer repeats")
    parser.add_argument("--file", action="append", default=[], metavar="PATH",
                        help="another nn_pure.py to time beside this one in "
                             "in-process and micropython (repeatable)")
    parser.add_argument("--only", default=",".join(SECTIONS),
                        metavar="SECTION,...",
                        help="run just these of: " + ", ".join(SECTIONS))
    args = parser.parse_args()
    args.only = args.only.split(",")
    for section in args.only:
        if section not in SECTIONS:
            parser.error("--only: no section %r (there are: %s)"
                         % (section, ", ".join(SECTIONS)))
    for path in args.file:
        if not os.path.isfile(path):
            parser.error("--file: no file %s" % path)
    args.file = [os.path.abspath(path) for path in args.file]
    return args


def main():
    global QUICK
    args = arguments()
    QUICK = args.quick
    paths = [os.path.join(ROOT, "nn_pure.py")] + args.file
    # NumPy is not imported here: a child started from a large parent
    # would count the parent's memory too
    numpy_version = subprocess.check_output(
        [sys.executable, "-c", "import numpy; print(numpy.__version__)"],
        universal_newlines=True).strip()
    print("machine: %s, %d cores; Python %s; NumPy %s"
          % (platform.processor() or platform.machine(), os.cpu_count(),
             platform.python_version(), numpy_version))
    with tempfile.TemporaryDirectory() as folder:
        if "whole-process" in args.only:
            whole_programs(folder)
        if "in-process" in args.only:
            in_process(paths)
        if "crossover" in args.only:
            crossover(folder)
    if "micropython" in args.only:
        micropython(paths, args.file)


if __name__ == "__main__":
    main()
