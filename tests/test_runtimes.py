"""Every Python a classroom uses runs the same lesson (PyPy, CPython 3.6,
Pyodide in a browser, MicroPython, a Jupyter kernel; Python 2 is told in
one line), and the design's measurable promises (issue 26): the lesson
comes first and is short, the machinery does less work than the lesson, the
update is written once, and only the standard library is imported."""

import ast
import collections
import glob
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import sysconfig

import pytest

from conftest import (node_module, nn_pure, refused, run, runtime, says, slow,
                      ROOT, SCRIPT)

with open(SCRIPT, encoding="utf-8") as _file:
    TEXT = _file.read()
LINES = TEXT.splitlines()
FOLD = [line[:8] for line in LINES].index("# Part 2")  # lines above it
XOR_2 = ("--table", "xor", "--hidden", "2", "--iterations", "500")
# NumPy 2.4, the seed's loop (lesson 2: the tutorial's), print(l1) (or l2)
# under np.set_printoptions(legacy='1.13'): the post's code (NOTES.md);
# np.random.seed(1), random_sample((3,1)), 10 iterations; and XOR with
# s0 = 2*np.random.random((3,2)) - 1, s1 = 2*np.random.random((2,1)) - 1,
# 500 iterations
KNOWN = {
    (): "[[ 0.00966553]\n [ 0.99211898]\n [ 0.99358961]\n [ 0.00786455]]",
    ("--iterations", "10"):
        "[[ 0.32634597]\n [ 0.73906039]\n [ 0.71407301]\n [ 0.35459158]]",
    XOR_2: "[[ 0.08967968]\n [ 0.49402639]\n [ 0.87922128]\n [ 0.51715876]]",
}
_outputs = {}


def cpython(*flags):
    """What the Python running the tests prints for nn_pure.py FLAGS, its
    output block checked against NumPy's."""
    if flags not in _outputs:
        result = run(*flags)
        assert (result.status, result.err) == (0, ""), result.err
        assert "Output after training :\n" + KNOWN[flags] + "\n" in result.out
        _outputs[flags] = result.out
    return _outputs[flags]


def pyenv(version):
    """pyenv's Python of that version (as ~/.pyenv/versions/3.6.15), or
    None."""
    found = sorted(glob.glob(os.path.expanduser(
        "~/.pyenv/versions/%s.*/bin/python%s" % (version, version))))
    return found[-1] if found else None


# --- Other Pythons ---------------------------------------------------------

@slow
@pytest.mark.parametrize("flags", [(), XOR_2], ids=["default", "xor"])
@pytest.mark.parametrize("name", ["PyPy", "CPython 3.6"])
def test_another_python_prints_the_same(name, flags):
    # the same numbers to the last digit, the same sentences
    python = runtime(name, shutil.which("pypy3") if name == "PyPy"
                     else pyenv("3.6"))
    result = run(*flags, python=python)
    assert (result.status, result.err) == (0, "")
    assert result.out == cpython(*flags)


def test_python_2_is_told_in_one_line():
    # not a SyntaxError: what is needed, and the status 1
    result = run(python=runtime("Python 2.7", pyenv("2.7")))
    assert (result.status, result.out) == (1, "")
    says(result.err, "needs Python 3.6 or newer")


@slow
def test_nothing_newer_than_python_3_6_is_used():
    # vermin reads the file for what each construct needs; --violations
    # lists what 3.6 lacks, and its exit status says whether there is any
    vermin = runtime("vermin (pip install vermin)", shutil.which("vermin"))
    done = subprocess.run([vermin, "-t=3.6-", "--no-tips", "--violations",
                           SCRIPT], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, universal_newlines=True)
    assert done.returncode == 0, done.stdout


def node_run(runner, package, *args):
    """node .ci/RUNNER nn_pure.py ARGS, the package being installed."""
    found = node_module(package)
    runtime("%s (npm, as .ci/run installs it)" % package, found)
    return run(SCRIPT, *args, python=shutil.which("node"),
               script=os.path.join(ROOT, ".ci", runner))


@slow
def test_pyodide_prints_the_same():
    # CPython in WebAssembly, as JupyterLite and PyScript run it
    result = node_run("pyodide_run.mjs", "pyodide")
    assert (result.status, result.err) == (0, "")
    assert result.out == cpython()


MICROPYTHON = "@micropython/micropython-webassembly-pyscript"


@slow
def test_micropython_prints_the_same():
    # no inspect, argparse or os.path there: the lesson all the same
    result = node_run("micropython_run.mjs", MICROPYTHON)
    assert (result.status, result.err) == (0, "")
    assert result.out == cpython()


@slow
def test_micropython_imports_it_and_trains():
    # a calculator's way: import it, call train
    code = ("l1, syn0 = nn_pure.train(nn_pure.X, nn_pure.y, 10)\n"
            "print(nn_pure.format_matrix(l1))")
    result = node_run("micropython_run.mjs", MICROPYTHON, "--import", code)
    assert (result.status, result.err) == (0, "")
    assert result.out == KNOWN[("--iterations", "10")] + "\n"


@slow
@pytest.mark.parametrize("flags", [["--iterations", "10"], ["--help"],
                                   ["--table", "xor", "--hidden", "4"]])
def test_micropython_takes_no_flags_and_says_so(flags):
    # no argparse there: one line, what to do instead
    refused(node_run("micropython_run.mjs", MICROPYTHON, *flags),
            "argparse", "no flags")


# --- A real Jupyter kernel -------------------------------------------------

def kernel_cells(cells, cwd):
    """Each cell's outputs (nbformat's), run in one fresh ipykernel of this
    Python (its own spec, not whatever kernels the machine has)."""
    try:
        import nbformat
        from nbclient import NotebookClient
        from jupyter_client.kernelspec import KernelSpecManager
        from jupyter_client.manager import AsyncKernelManager
        import ipykernel  # noqa: F401
    except ImportError:
        runtime("ipykernel and nbclient (pip packages)", None)

    class OwnKernel(AsyncKernelManager):
        def _kernel_spec_manager_default(self):
            return KernelSpecManager(kernel_dirs=[])

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(cell) for cell in cells]
    NotebookClient(notebook, kernel_name="python3", timeout=300,
                   kernel_manager_class=OwnKernel, allow_errors=True,
                   resources={"metadata": {"path": str(cwd)}}).execute()
    return [cell.outputs for cell in notebook.cells]


def streams(outputs):
    """(stdout, stderr, the names of the errors raised) of a cell."""
    text = collections.defaultdict(str)
    for output in outputs:
        text[output.get("name")] += output.get("text", "")
    return (text["stdout"], text["stderr"], [output.ename for output in outputs
                                             if output.output_type == "error"])


@slow
def test_a_jupyter_kernel_runs_the_lesson(tmp_path):
    # import and main(), %run with flags, a bad flag that leaves the kernel
    # alive, and draw() shown as SVG
    shutil.copy(SCRIPT, str(tmp_path))
    draw = ("l2, syn0, syn1 = nn_pure.train_hidden(nn_pure.X_xor, "
            "nn_pure.y_xor, 4, 300)\nnn_pure.draw(syn0, syn1, nn_pure.X_xor, "
            "nn_pure.y_xor)")
    cells = kernel_cells(["import nn_pure\nnn_pure.main()",
                          "%run nn_pure.py --iterations 10",
                          "nn_pure.main(['--bogus'])", draw], tmp_path)
    assert streams(cells[0]) == (cpython(), "", [])
    assert streams(cells[1]) == (cpython("--iterations", "10"), "", [])
    out, err, errors = streams(cells[2])
    assert (out, errors) == ("", [])
    says(err.splitlines()[-1], "nn_pure.py: error: ", "--bogus")
    shown = [output for output in cells[3]
             if output.output_type == "execute_result"]
    syn0, syn1 = nn_pure.train_hidden(nn_pure.X_xor, nn_pure.y_xor, 4, 300)[1:]
    assert [output.data["image/svg+xml"] for output in shown] == [
        nn_pure.draw(syn0, syn1, nn_pure.X_xor, nn_pure.y_xor)._repr_svg_()]


# --- The design, measured (issue 26) ---------------------------------------

def test_the_lesson_comes_first_and_is_short():
    # Part 1 (above "# Part 2") at most 450 lines (issue 27). Part 2: issue 26
    # asked for 1,000 at most; the redesign landed at about 1,500 (its
    # closing note says why), and this holds it there: a feature added to
    # the machinery must make room for itself
    sizes = (FOLD, len(LINES) - FOLD, len(LINES))
    assert sizes[0] <= 450 and sizes[1] <= 1515, (
        "Part 1, Part 2, the file: %s lines" % (sizes,))


@pytest.mark.parametrize("argv", [
    ["--iterations", "100"],
    ["--table", "xor", "--hidden", "4", "--draw", "--iterations", "100"]])
def test_the_machinery_does_less_than_the_lesson(capsys, argv):
    # calls into functions defined in Part 2 (checks, printing, pictures)
    # are no more than calls into Part 1's (the loop and its helpers)
    calls = collections.Counter()

    def profile(frame, event, arg):
        code = frame.f_code
        if event == "call" and code.co_filename == nn_pure.__file__ and \
                code.co_name[:1] != "<":  # functions, not comprehensions
            calls["Part 1" if code.co_firstlineno <= FOLD else "Part 2"] += 1
    sys.setprofile(profile)
    try:
        nn_pure.main(argv)
    finally:
        sys.setprofile(None)
    assert "Output after training :" in capsys.readouterr().out
    assert 0 < calls["Part 2"] <= calls["Part 1"], calls


def test_the_update_is_written_once_for_each_weight():
    # add(w, dot(transpose(...: syn0's in learn, syn1's and syn0's in
    # learn_hidden, and nowhere else (not in Part 2, not in a comment)
    starts = sorted((node.lineno, getattr(node, "name", "")) for node in
                    ast.parse(TEXT).body)
    found = sorted(([name for start, name in starts if start <= number][-1],
                    weight) for number, line in enumerate(LINES, 1)
                   for weight in re.findall(r"add\((\w+), dot\(transpose\(",
                                            line))
    assert found == [("learn", "syn0"), ("learn_hidden", "syn0"),
                     ("learn_hidden", "syn1")]


def standard(name):
    """Is the module name one of the standard library's?"""
    if hasattr(sys, "stdlib_module_names"):  # Python 3.10+
        return name in sys.stdlib_module_names
    if name in sys.builtin_module_names:
        return True
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin in ("built-in", "frozen"):
        return spec is not None
    path = os.path.realpath(spec.origin)
    homes = [os.path.realpath(sysconfig.get_paths()[key]) + os.sep
             for key in ("stdlib", "platstdlib")]
    return path.startswith(tuple(homes)) and "-packages" not in path


def test_only_the_standard_library_is_imported():
    # every import and __import__("...") of the file, by its syntax tree
    names = set()
    for node in ast.walk(ast.parse(TEXT)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Call) and getattr(
                node.func, "id", "") == "__import__":
            text = node.args[0]  # 3.7 and older: .s; newer: .value
            names.add(text.value if hasattr(text, "value") else text.s)
    assert "math" in names  # the sigmoid's e**x: the walk finds imports
    assert [name for name in sorted(names, key=str)
            if not standard(str(name).split(".")[0])] == []
