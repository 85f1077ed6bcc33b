"""How fast is pure Python? nn_pure against the seed's own NumPy code.

A benchmark, not a test: timings on a shared machine vary, so it runs both
side by side, alternating, and reports medians and ratios. It needs NumPy,
which the project itself never does:

    python -m pip install numpy
    python .ci/bench.py            # add --quick for fewer repeats

It measures:
  1. ``python nn_pure.py`` against the seed's NumPy script, whole processes
     (wall time, and peak memory);
  2. ``train(X, y, 10000)`` against the seed's NumPy loop, in one process;
  3. from what table size NumPy overtakes, as whole programs;
  4. MicroPython (WebAssembly) running the default lesson, if .ci/run has
     installed it.
NumPy runs with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset, which this
machine sets for old OpenBLAS builds and which slow a current NumPy.
"""

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

QUICK = "--quick" in sys.argv

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
    subprocess.check_call(command, stdout=subprocess.DEVNULL, env=env)
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


IN_PROCESS = """\
import sys, time
sys.path.insert(0, %(root)r)
import numpy as np
import nn_pure

%(sigmo)s
def numpy_loop():
    X = np.array(nn_pure.X)
    y = np.array(nn_pure.y)
    np.random.seed(1)
    syn0 = np.random.random_sample((3,1))
    for itr in range(10000):
        l0 = X
        l1 = sigmo(np.dot(l0, syn0))
        l1_error = y - l1
        l1_delta = l1_error * sigmo(l1,True)
        syn0 += np.dot(l0.T,l1_delta)

def pure():
    nn_pure.train(nn_pure.X, nn_pure.y, 10000)

times = {numpy_loop: [], pure: []}
for _ in range(%(runs)d):
    for run in (numpy_loop, pure):
        start = time.perf_counter()
        run()
        times[run].append(time.perf_counter() - start)
for run in (numpy_loop, pure):
    print(sorted(times[run])[len(times[run]) // 2])
"""


def in_process():
    runs = 7 if QUICK else 21
    output = subprocess.check_output(
        [sys.executable, "-c",
         IN_PROCESS % {"root": ROOT, "runs": runs, "sigmo": SEED_SIGMO}],
        env=numpy_env(), universal_newlines=True)
    numpy_s, pure_s = [float(line) for line in output.split()]
    print("2. train(X, y, 10000) in one process, median of %d alternating "
          "runs" % runs)
    print("   nn_pure.train          %6.3f s  %5.2f us per iteration"
          % (pure_s, pure_s / 10000 * 1e6))
    print("   seed's NumPy loop      %6.3f s  %5.2f us per iteration"
          % (numpy_s, numpy_s / 10000 * 1e6))
    print("   ratio                  %6.2fx" % (pure_s / numpy_s))


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


def micropython():
    node_module = os.path.join(HERE, "node_modules", "@micropython",
                               "micropython-webassembly-pyscript",
                               "micropython.mjs")
    if not os.path.exists(node_module):
        print("4. MicroPython: not installed (bash .ci/run installs it)")
        return
    runs = 3 if QUICK else 7
    command = ["node", node_module, "-X", "heapsize=64k",
               os.path.join(ROOT, "nn_pure.py")]
    seconds = median([run_once(command) for _ in range(runs)])
    print("4. MicroPython 1.27 (WebAssembly, 64 KB heap), default lesson, "
          "median of %d runs" % runs)
    print("   node micropython.mjs -X heapsize=64k nn_pure.py   %.3f s"
          % seconds)


def main():
    # NumPy is not imported here: a child started from a large parent
    # would count the parent's memory too
    numpy_version = subprocess.check_output(
        [sys.executable, "-c", "import numpy; print(numpy.__version__)"],
        universal_newlines=True).strip()
    print("machine: %s, %d cores; Python %s; NumPy %s"
          % (platform.processor() or platform.machine(), os.cpu_count(),
             platform.python_version(), numpy_version))
    with tempfile.TemporaryDirectory() as folder:
        whole_programs(folder)
        in_process()
        crossover(folder)
    micropython()


if __name__ == "__main__":
    main()
