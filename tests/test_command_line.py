"""The command line and its accidents: every flag, every refusal in one line,
every exit status with nothing printed lost, and the other ways to start it
(python3 -m, IDLE's runpy, a notebook's main(), a pasted cell, python3 -i).

References: the post's trace and NumPy's runs (2.4, legacy='1.13') are from
shared/seed/NOTES.md and /work/ref/references.md; others are said beside
them. Most runs are main() in this process with sys.argv as the command line
sets it (so it exits with the status); accidents that need a real process
(a full disk, a cut pipe, Ctrl-C, buffering) run one, through sh.
"""

import os
import re
import runpy
import signal
import subprocess
import sys
import time

import pytest

from conftest import (ROOT, SCRIPT, Result, edited_copy, nn_pure, refused, run,
                      says, slow, user_env)

HERE = os.path.dirname(os.path.abspath(__file__))

# The post's code as printed, seed 1, 10000 iterations: print(l1) (NOTES.md)
POSTS_CODE = "[[ 0.00966553]\n [ 0.99211898]\n [ 0.99358961]\n [ 0.00786455]]"
# After 4 iterations the output is the post's trace's l1 of iteration 3
FOUR = "[[ 0.41331036]\n [ 0.71812285]\n [ 0.62211546]\n [ 0.5215704 ]]"
# A loop a student got wrong: the miss turned round, += kept (uphill)
WRONG_LOOP = ("l1_error = subtract(y, l1)", "l1_error = subtract(l1, y)")


@pytest.fixture
def cli(monkeypatch, capsys):
    """python3 nn_pure.py ARGS in this process: main() with sys.argv as the
    command line sets it, so it exits with the status. Result(status, out,
    err)."""
    monkeypatch.delitem(sys.modules, "IPython", raising=False)  # %run's rule

    def command(*argv):
        monkeypatch.setattr(sys, "argv", [SCRIPT] + list(argv))
        capsys.readouterr()
        try:
            status = nn_pure.main()
        except SystemExit as stop:
            status = stop.code
        return Result(status or 0, *capsys.readouterr())
    return command


def shell(folder, tail, *args, script=SCRIPT):
    """sh -c 'python3 SCRIPT ARGS TAIL' in folder, as a user types it, without
    PYTHONUNBUFFERED (TAIL: '> out.txt', '| cat > out.txt', '>&-'...):
    Result(python's status, out.txt (else stdout), err.txt (else stderr))."""
    done = subprocess.run(["sh", "-c", '{ "$0" "$@"; echo $? > status.txt; } '
                           + tail, sys.executable, script] + list(args),
                          cwd=str(folder), env=user_env(), timeout=300,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True)
    read = [open(f).read() if os.path.exists(f) else None for f in [
        os.path.join(str(folder), name) for name in ("out.txt", "err.txt")]]
    return Result(int(open(os.path.join(str(folder), "status.txt")).read()),
                  *[got if got is not None else std for got, std in zip(
                      read, (done.stdout, done.stderr))])


def no_traceback(err):
    """At most one line on stderr, and none of Python's own reports."""
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert len(err.splitlines()) <= 1, err


# --- every flag ------------------------------------------------------------

FLAG_RUNS = [
    (["--iterations", "4"], [FOUR]),
    # the post's trace of iteration 0: l1, its slope, syn0 after the update
    (["--trace", "1", "--iterations", "1"], [
        "0 -l1 :\n[[ 0.50002859]", "sigmo(l1,True) :\n[[ 0.25      ]",
        "[[ 0.55675944]\n [ 0.61684728]\n [-0.13326682]]"]),
    # the post's printed output came from the tutorial's start (NOTES.md)
    (["--init", "tutorial"], [
        "[[ 0.00966449]\n [ 0.99211957]\n [ 0.99358898]\n [ 0.00786506]]"]),
    # NumPy: np.random.seed(0), the post's code once, print(l1)
    (["--seed", "0", "--iterations", "1"], [
        "[[ 0.64628827]\n [ 0.86608366]\n [ 0.75979882]\n [ 0.78884089]]"]),
    # NumPy: lesson 1 cannot learn XOR, every guess stays at 0.5
    (["--table", "xor"], ["[[ 0.5]\n [ 0.5]\n [ 0.5]\n [ 0.5]]"]),
    # the tutorial's first "Error:" line; one iteration prints the guess of
    # the untrained network (NumPy: sigmo(sigmo(X_xor.dot(syn0)).dot(syn1)))
    (["--table", "xor", "--hidden", "4", "--iterations", "1"], [
        "Error:0.496410031903\n",
        "[[ 0.47372957]\n [ 0.48895696]\n [ 0.54384086]\n [ 0.54470837]]"]),
    # NumPy: alpha 10, post init, 10000 iterations
    (["--alpha", "10"], [
        "[[ 0.00301606]\n [ 0.99753862]\n [ 0.9979934 ]\n [ 0.00245904]]"]),
    # NumPy: sigmo(np.dot([1,0,0], syn0)) = 0.9999370422113438, and
    # [0,1,0]: 0.4481822904854835, with the trained syn0
    (["--predict", "1,0,0", "--predict", "0,1,0"], [
        "[1, 0, 0] -> 0.99993704", "[0, 1, 0] -> 0.44818229"]),
    # the post's syn0 after iterations 0 and 2, and the l1[0] of iteration 2
    (["--explain"], ["0.55675944", "-0.13326682"]),
    (["--explain", "2"], ["0.43772530", "0.84883417", "-0.35029717"]),
    # the chart's first and last mean |y - l1|, by hand from the trace's
    # l1_error at iteration 0: (0.50002859 + 0.24278685 + 0.39720219 +
    # 0.67270365) / 4 = 0.45318; from NumPy's last l1 (POSTS_CODE):
    # (0.00966553 + 0.00788102 + 0.00641039 + 0.00786455) / 4 = 0.0079554
    (["--plot"], ["0.453", "0.00796"]),
    # NumPy's trained syn0 (NOTES.md), on the drawing's edges
    (["--draw"], ["syn0[0][0]", "9.67298312", "syn0[2][0]", "-4.6295278"]),
]


@pytest.mark.parametrize("args, phrases", FLAG_RUNS, ids=[
    " ".join(args) for args, _ in FLAG_RUNS])
def test_every_flag_works(cli, args, phrases):
    # each flag does its work; a short run writes nothing to stderr
    result = cli(*args)
    assert (result.status, result.err) == (0, ""), result
    for phrase in phrases:
        assert phrase in result.out, (phrase, result.out)


def help_entries(text):
    """--help's options: {flag: its text} ('-h, --help' is '-h')."""
    entries = re.split(r"\n  (?=-)", text.split("options:")[-1])[1:]
    return dict((entry.split()[0].rstrip(","), " ".join(entry.split()))
                for entry in entries)


def test_help_lists_every_flag_with_part_1s_defaults(cli, tmp_path):
    entries = help_entries(cli("--help").out)
    assert sorted(entries) == sorted([
        "-h", "--iterations", "--trace", "--init", "--seed", "--table",
        "--hidden", "--alpha", "--predict", "--explain", "--check", "--plot",
        "--draw", "--svg", "--calculator"])
    # train(X, y, iterations=10000, seed=1, init="post", ..., alpha=1.0)
    for flag, default in [("--iterations", "10000"), ("--seed", "1"),
                          ("--init", "post"), ("--alpha", "1.0")]:
        assert re.search(r"default %s\b" % re.escape(default), entries[flag])
    # a student changes the default in train's signature: help and run follow
    copy = edited_copy(tmp_path, ("iterations=10000, seed=1",
                                  "iterations=10, seed=1"))
    assert re.search(r"default 10\b", help_entries(run(
        "--help", script=copy).out)["--iterations"])
    assert run(script=copy).out == cli("--iterations", "10").out


# --- refusals ----------------------------------------------------------------

# each line names the flag or setting, the value, and what is expected
BAD_VALUES = [
    (["--iterations", "ten"], ["--iterations", "'ten'", "int"]),
    (["--iterations", "-3"], ["iterations", "-3", "0 to 100000000"]),
    (["--iterations", str(10 ** 9)], ["iterations", "1000000000",
                                      "0 to 100000000"]),
    (["--seed", "-1"], ["seed", "-1", "0 to 4294967295"]),
    (["--seed", "4294967296"], ["seed", "4294967296", "0 to 4294967295"]),
    (["--hidden", "0"], ["hidden", "got 0", "1 to 1000"]),
    (["--hidden", "1001"], ["hidden", "1001", "1 to 1000"]),
    (["--hidden", "x"], ["--hidden", "'x'", "int"]),
    (["--alpha", "0"], ["alpha", "0.0", "above 0"]),
    (["--alpha=-1"], ["alpha", "-1", "above 0"]),
    (["--alpha", "nan"], ["alpha", "nan", "finite"]),
    (["--alpha", "inf"], ["alpha", "inf", "finite"]),
    (["--alpha", "ten"], ["--alpha", "'ten'", "float"]),
    (["--trace", "-1"], ["trace", "-1", "0 to"]),
    (["--predict", "1,0"], ["row", "[1.0, 0.0]", "3 numbers"]),
    (["--predict", "1,a,0"], ["--predict", "1,a,0", "numbers separated by"]),
    (["--predict", "-1,0,0"], ["--predict", "--predict=-1,0,0"]),
    (["--init", "zeros"], ["--init", "'zeros'", "'post'", "'tutorial'"]),
    (["--table", "nofile"], ["nofile", "no such file", "CSV file"]),
    (["--table", HERE], [HERE, "directory", "CSV file"]),
    (["--bogus"], ["--bogus", "unrecognized"]),
]


@pytest.mark.parametrize("args, phrases", BAD_VALUES, ids=[
    " ".join(args) for args, _ in BAD_VALUES])
def test_a_bad_value_is_refused_in_one_line(cli, args, phrases):
    refused(cli(*args), *phrases)


# the brief's list: each tool does its own work, alone
OTHERS = [["--trace", "1"], ["--plot"], ["--draw"], ["--svg"],
          ["--predict", "1,0,0"]]
NOT_TOGETHER = [([mode] + other, [mode, other[0]]) for mode in (
    "--explain", "--check") for other in OTHERS + [["--calculator"]]] + [
    (["--calculator"] + other, ["--calculator", other[0]])
    for other in OTHERS[:4]] + [
    (["--svg", "--trace", "1"], ["SVG", "trace"]),
    (["--svg", "--plot"], ["SVG", "plot"]),
    (["--init", "post", "--hidden", "2"], ["init", "hidden"]),
    (["--explain", "3", "--iterations", "5"], ["--explain", "--iterations"]),
]


@pytest.mark.parametrize("args, phrases", NOT_TOGETHER, ids=[
    " ".join(args) for args, _ in NOT_TOGETHER])
def test_a_combination_a_tool_does_not_honour_is_refused(cli, args, phrases):
    refused(cli(*args), *phrases)


def test_combinations_that_work_together(cli, capsys):
    # --explain then --check's table: syn0[0][0]'s update at iteration 0 is
    # the post's deltas of rows 2 and 3 added, 0.04463427 + 0.09510316 =
    # 0.13973743, and the measured slope equals it
    both = cli("--explain", "--check")
    assert (both.status, both.err) == (0, "")
    assert "0.55675944" in both.out and re.search(
        r"syn0\[0\]\[0\]\s+0\.13973743\s+0\.13973743", both.out)
    svg = cli("--svg")  # alone means --draw --svg: the SVG, nothing else
    assert (svg.status, svg.err) == (0, "")
    assert svg.out.startswith("<svg") and svg.out.rstrip().endswith("</svg>")
    # the calculator's file asks about the row (NumPy: 0.9999370422113438)
    calc = cli("--calculator", "--predict", "1,0,0")
    assert (calc.status, calc.err) == (0, "")
    exec(compile(calc.out, "nn_calc.py", "exec"), {"__name__": "__main__"})
    assert "[1, 0, 0] -> 0.99993704" in capsys.readouterr().out


# --- nothing lost (issue 24): what was printed reaches its file -------------

# a Python error in the loop at iteration 1, after --trace printed iteration 0
LATE_ERROR = ("l1_error = subtract(y, l1)",
              "l1_error = subtract(y, l1) + [[0]] * itr")


@pytest.mark.parametrize("tail", ["> out.txt 2>&1", "2>&1 | cat > out.txt"])
@pytest.mark.parametrize("status, edit, args, phrase", [
    (0, None, ["--plot"], "0.00796"),  # the chart's last label (above)
    (1, WRONG_LOOP, ["--check"], "DISAGREE"),
    (2, None, ["--table", "nofile"], "nofile"),
    (2, LATE_ERROR, ["--trace", "2"], "0 -l1 :\n[[ 0.50002859]"),
], ids=["0", "1-check", "2-table", "2-after-output"])
def test_every_exit_keeps_what_was_printed(tmp_path, capsys, tail, status,
                                           edit, args, phrase):
    # to a file and to a pipe, block-buffered: the file holds all that the
    # same run prints in this process (stdout, then the last line)
    script = edited_copy(tmp_path, edit) if edit else SCRIPT
    result = shell(tmp_path, tail, *args, script=script)
    runpy.run_path(script)["main"](args)  # a notebook's run of that file
    printed = "".join(capsys.readouterr())
    assert phrase in printed
    assert (result.status, result.out) == (status, printed)


ACCIDENTS = [
    (">/dev/full", ["--iterations", "5"], 1, "cannot write the output"),
    (">/dev/full 2>err.txt", ["--iterations", "5"], 1,
     "cannot write the output"),
    (">/dev/full", ["--help"], 1, "cannot write the output"),
    (">/dev/full", ["--calculator"], 1, "cannot write the output"),
    (">/dev/full", ["--trace", "2000"], 1, "cannot write the output"),
    ("2>/dev/full", ["--table", "nofile"], 2, None),
    ("2>/dev/full", ["--iterations", "5"], 0, None),
    (">/dev/full 2>/dev/full", ["--iterations", "5"], 1, None),
    (">&-", ["--iterations", "5"], 1, "stdout is closed"),
    ("2>&-", ["--table", "nofile"], 2, None),
    ("2>&-", ["--iterations", "5"], 0, None),
]


@pytest.mark.parametrize("tail, args, status, phrase", ACCIDENTS, ids=[
    case[0] + " " + " ".join(case[1]) for case in ACCIDENTS])
def test_a_full_disk_or_a_closed_stream_is_one_line(tmp_path, tail, args,
                                                    status, phrase):
    # the status says what happened; no traceback, no "Exception ignored"
    result = shell(tmp_path, tail, *args)
    assert result.status == status, result
    no_traceback(result.err)
    if phrase:
        says(result.err, "nn_pure.py: ", phrase)
    else:
        assert result.err == ""
    if status == 0:  # stdout, where it was not redirected, got the lesson
        assert "Output after training :" in result.out


def test_a_cut_pipe_ends_quietly(tmp_path):
    # python3 nn_pure.py --trace 2000 | head -1 (700 KB, past a pipe's
    # 64 KB): head gets its line; the program ends at once, 141, silent
    result = shell(tmp_path, "2> err.txt | head -1 > out.txt", "--trace",
                   "2000")
    assert result == (141, "0 -l1 :\n", "")


def test_ctrl_c_is_one_line_130_and_keeps_the_error_lines(tmp_path):
    # lesson 2 prints "Error:" every 10000 iterations; Ctrl-C (to Python
    # alone) after 1.5 s, stdout to a file and through cat, both buffered
    flags = ["--table", "xor", "--hidden", "8", "--iterations", "100000000"]
    runs = []
    for name in ("file", "pipe"):
        out = open(str(tmp_path / name), "w")
        process = subprocess.Popen(
            [sys.executable, SCRIPT] + flags, env=user_env(),
            stdout=subprocess.PIPE if name == "pipe" else out,
            stderr=subprocess.PIPE, universal_newlines=True,
            cwd=str(tmp_path), preexec_fn=lambda: signal.signal(
                signal.SIGINT, signal.SIG_DFL))  # even if pytest ignores it
        cat = name == "pipe" and subprocess.Popen(
            ["cat"], stdin=process.stdout, stdout=out)
        if cat:  # cat alone reads the pipe
            process.stdout.close()
            process.stdout = None
        runs.append((name, process, cat, out))
    time.sleep(1.5)
    try:
        for name, process, cat, out in runs:
            process.send_signal(signal.SIGINT)
            err = process.communicate(timeout=60)[1]
            cat and cat.wait(timeout=60)
            out.close()
            assert process.returncode == 130, err
            no_traceback(err)
            says(err, "nn_pure.py: interrupted at iteration ",
                 " of 100000000")
            at = int(re.search(r"iteration (\d+) of", err).group(1))
            lines = open(str(tmp_path / name)).read().splitlines()
            # the lines of iterations 0, 10000, ... up to where it stopped
            assert lines and all(line.startswith("Error:") for line in lines)
            assert 10000 * (len(lines) - 1) <= at <= 10000 * len(lines), (
                name, at, lines)
    finally:
        for name, process, cat, out in runs:  # leave no run of 10**8 behind
            if process.poll() is None:
                process.kill()
                process.communicate()


@slow
def test_a_long_run_shows_progress_on_stderr_only():
    # past 10 s off a terminal a line on stderr says how far it is; stdout
    # is the lesson's alone. NumPy: the post's code, 2,500,000 iterations,
    # print(l1) (the snippet of references.md, xrange(2500000))
    result = run("--iterations", "2500000")
    assert result.status == 0
    assert result.out.startswith(
        "Output after training :\n[[  6.00698560e-04]\n [  9.99509575e-01]\n"
        " [  9.99599669e-01]\n [  4.90355872e-04]]\n")
    lines = result.err.splitlines()
    assert lines and all(re.match(r"iteration \d+ of 2500000\b", line)
                         for line in lines), result.err


def test_a_repl_left_open_still_prints(tmp_path):
    # python3 -i nn_pure.py --table nofile: the line, then the prompt works
    result = run(SCRIPT, "--table", "nofile", script="-i", cwd=str(tmp_path),
                 stdin="print('after')\n")
    assert "after" in result.out.split()
    assert "nofile" in result.err and "Traceback" not in result.err, (
        result.err)


# --- other ways to start it ------------------------------------------------

def test_main_in_a_notebook_never_exits(capsys):
    # a notebook's main(...): the line on stderr, and it returns
    for args, phrases in [(["--bogus"], ["--bogus"]),
                          (["--table", "nofile"], ["nofile", "no such file"])]:
        nn_pure.main(args)
        out, err = capsys.readouterr()
        assert out == "" and "Traceback" not in err
        says(err.splitlines()[-1], "nn_pure.py: error: ", *phrases)
    assert len(err.splitlines()) == 1  # nothing but the line


def test_main_inside_pytest_ignores_sys_argv(capsys, monkeypatch):
    # pytest's (or a kernel's) flags are not the lesson's
    monkeypatch.setattr(sys, "argv", [sys.argv[0], "--bogus"])
    nn_pure.main()
    assert POSTS_CODE in capsys.readouterr().out


def test_python_dash_m_reads_the_flags():
    result = run("nn_pure", "--iterations", "4", script="-m", cwd=ROOT)
    assert result.status == 0 and FOUR in result.out


def test_idles_run_reads_the_flags(capsys, monkeypatch):
    # IDLE's Run (and Thonny's): runpy with run_name "__main__", argv set
    monkeypatch.setattr(sys, "argv", [SCRIPT, "--iterations", "4"])
    runpy.run_path(SCRIPT, run_name="__main__")
    assert FOUR in capsys.readouterr().out


def test_the_file_pasted_into_a_notebook_runs_the_default_lesson(
        capsys, monkeypatch):
    # exec'd without __file__, under a kernel's argv: the default lesson
    monkeypatch.setattr(sys, "argv", ["ipykernel_launcher.py", "-f", "k.json"])
    text = open(SCRIPT, encoding="utf-8").read()
    exec(compile(text, "<cell>", "exec"), {"__name__": "__main__"})
    assert POSTS_CODE in capsys.readouterr().out


# --- the module's own errors, and a file named like a table ---------------

def test_a_bad_default_in_train_is_one_line(tmp_path):
    copy = edited_copy(tmp_path, ("iterations=10000, seed=1",
                                  "iterations=10000, seed=None"))
    result = run(script=copy)
    refused(result, "seed", "None", "whole number")
    no_traceback(result.err)


def test_a_python_error_in_the_loop_names_its_line(tmp_path):
    copy = edited_copy(tmp_path, ("l1_error = subtract(y, l1)",
                                  "l1_error = subtract(y, l1) + 1"))
    line = [n for n, text in enumerate(open(copy), 1) if "l1) + 1" in text]
    result = run(script=copy)
    refused(result, "line %d of nn_pure.py" % line[0])
    no_traceback(result.err)


def test_a_file_named_xor_does_not_hide_the_built_in_table(tmp_path, cli):
    (tmp_path / "xor").write_text("0\n")
    result = run("--table", "xor", "--iterations", "5", cwd=str(tmp_path))
    assert result.out == cli("--table", "xor", "--iterations", "5").out
    says(result.err, "built-in", "'xor'", "./xor")
