"""What the maintainers' tests share: one way to run the program, the checks
of a message, edited copies of nn_pure.py, and the other runtimes.

Every test runs as on a student's machine: without this machine's
PYTHONUNBUFFERED and PYTHONDONTWRITEBYTECODE. Tests marked @slow start other
interpreters (PyPy, WebAssembly, MicroPython, a Jupyter kernel, Chromium) or
train for seconds: they run when NN_PURE_REQUIRE_RUNTIMES=1 (as .ci/run sets
it, which also turns a missing runtime into a failure) or NN_PURE_SLOW=1.
"""

import collections
import glob
import os
import shutil
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPT = os.path.join(ROOT, "nn_pure.py")
sys.path.insert(0, ROOT)
import nn_pure  # noqa: E402

REQUIRED = os.environ.get("NN_PURE_REQUIRE_RUNTIMES") == "1"
slow = pytest.mark.skipif(not (REQUIRED or os.environ.get("NN_PURE_SLOW")),
                          reason="slow: set NN_PURE_SLOW=1 (CI runs it)")

Result = collections.namedtuple("Result", "status out err")


def user_env(**extra):
    """os.environ as a student's machine has it, plus extra."""
    env = dict((k, v) for k, v in os.environ.items() if k not in (
        "PYTHONUNBUFFERED", "PYTHONDONTWRITEBYTECODE"))
    env.update(extra)
    return env


def run(*args, script=SCRIPT, python=None, cwd=None, env=None, stdin=None,
        timeout=300):
    """python3 nn_pure.py ARGS: Result(status, stdout, stderr), as text."""
    done = subprocess.run([python or sys.executable, script] + list(args),
                          cwd=cwd, env=env or user_env(), input=stdin,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, timeout=timeout)
    return Result(done.returncode, done.stdout, done.stderr)


def says(message, *phrases):
    """A message is one line holding each key phrase (what was wrong, what
    was expected); the wording around them may change."""
    message = str(message)
    assert "\n" not in message.strip(), message
    for phrase in phrases:
        assert phrase in message, "%r not in %r" % (phrase, message)


def refused(result, *phrases, status=2):
    """A command line refused in one line: nothing on stdout, the status,
    and stderr's last line 'nn_pure.py: ...' holding the phrases (argparse
    writes its usage above it)."""
    assert result.status == status, result
    assert result.out == "", result.out
    assert "Traceback" not in result.err, result.err
    line = result.err.strip().splitlines()[-1]
    assert line.startswith("nn_pure.py: "), result.err
    says(line, *phrases)


def raises(error, call, *phrases):
    """call() raises error (ValueError or TypeError) in one line with the
    phrases."""
    with pytest.raises(error) as caught:
        call()
    says(caught.value, *phrases)


def edited_copy(folder, *edits, name="nn_pure.py"):
    """nn_pure.py copied into folder with edits, (old, new) pairs, each old
    found exactly once: a student's edit. Returns the copy's path."""
    text = open(SCRIPT, encoding="utf-8").read()
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = os.path.join(str(folder), name)
    with open(path, "w", encoding="utf-8") as file:
        file.write(text)
    return path


def write(folder, text, name="table.csv"):
    """A file of the given text in folder; its path."""
    path = os.path.join(str(folder), name)
    with open(path, "w", encoding="utf-8", newline="") as file:
        file.write(text)
    return path


def runtime(name, found):
    """found (a path or command), or skip (fail in CI) saying what is
    missing."""
    if found:
        return found
    if REQUIRED:
        pytest.fail("%s is not installed: .ci/run installs it" % name)
    pytest.skip("%s is not installed (bash .ci/run installs it)" % name)


def node_module(package):
    """The path of an npm package .ci/run installed, or None."""
    path = os.path.join(ROOT, ".ci", "node_modules", package)
    return path if os.path.isdir(path) and shutil.which("node") else None


def micropython_binaries():
    """The 32-bit MicroPython builds with a fixed heap (calculators)."""
    folder = os.environ.get("NN_PURE_MICROPYTHON_DIR") or os.path.join(
        os.path.dirname(ROOT), "shared", "tools", "micropython")
    return sorted(glob.glob(os.path.join(folder, "micropython-*-32")))
