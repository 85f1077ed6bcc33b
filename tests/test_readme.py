"""The README says what the program does: its commands run as written and
print what it shows, its sums add up on paper, the worksheet asks and the
answers answer, every figure of an answer is what its command prints."""

import decimal
import math
import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SCRIPT, slow, user_env

TEXT = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()


def section(title):
    """The README's text under '## title', to the next '## '."""
    return TEXT.split("\n## " + title + "\n")[1].split("\n## ")[0]


def numbered(part):
    """{n: text} of a numbered list: '1. ...' up to the next number."""
    items = re.split(r"\n(\d+)\. ", "\n" + part)
    return dict((int(n), text) for n, text in zip(items[1::2], items[2::2]))


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A class's folder: nn_pure.py and the README's CSV files."""
    path = tmp_path_factory.mktemp("class")
    shutil.copy(SCRIPT, str(path))
    for name, body in re.findall(r"`(\w+\.csv)`:\n\n```csv\n(.*?)```", TEXT,
                                 re.S):
        (path / name).write_text(body)
    return path


OUTPUTS = {}


def output(command, folder):
    """What a command prints, as a student types it (python3 as this
    Python), stdout then stderr, run once."""
    if command not in OUTPUTS:
        done = subprocess.run(["sh", "-c", command.replace(
            "python3 ", '"$0" ', 1), sys.executable], cwd=str(folder),
            env=user_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            universal_newlines=True, timeout=600)
        OUTPUTS[command] = done.stdout
    return OUTPUTS[command]


def test_the_first_screen_has_the_two_commands_as_typed():
    first = "\n".join(TEXT.splitlines()[:25])
    for command in ("python3 nn_pure.py", "python3 -m pip install pytest",
                    "python3 -m pytest", "py nn_pure.py", "%run nn_pure.py"):
        assert command in first, command
    # `python` alone is missing on Debian and macOS; the post is not lost
    assert not re.search(r"(^|[\s`!])python ", TEXT)
    assert "!python" not in TEXT and "ask whoever" not in TEXT


CONSOLE = re.findall(r"```console\n(.*?)```", TEXT, re.S)


@pytest.mark.parametrize("block", CONSOLE, ids=[
    block.splitlines()[0][2:40] for block in CONSOLE])
def test_each_command_shown_prints_what_the_readme_says(folder, block):
    # '$ command' lines run in turn; the lines under each are its output,
    # '...' standing for lines left out
    parts = re.split(r"^\$ (.*)\n", block, flags=re.M)[1:]
    for command, shown in zip(parts[::2], parts[1::2]):
        printed = output(command, folder)
        pattern = "".join(".*?\n" if line == "..." else re.escape(line) + "\n"
                          for line in shown.splitlines())
        assert re.match(pattern, printed, re.S), (command, printed)
        if "..." not in shown:
            assert printed == shown, command


def paper(text):
    return decimal.Decimal(text)


def test_every_sum_in_the_readme_adds_up_on_paper():
    # 'a x b + c x d = r' and 'a + b = r', from the numbers as printed,
    # rounded half up to r's decimals, as a student does it on paper
    text = " ".join(TEXT.split())  # sums that go on to the next line
    products = re.findall(r"((?:-?[\d.]+ x -?[\d.]+(?: \+ )?)+) = "
                          r"(-?\d+\.\d+)", text)
    sums = re.findall(r"(?<![x\d.] )(\d\.\d{8}(?: [+-] \d\.\d{8})+) = "
                      r"(-?\d\.\d{8})", text)
    assert len(products) >= 3 and len(sums) >= 1
    for terms, result in products:
        total = sum(paper(a) * paper(b) for a, b in re.findall(
            r"(-?[\d.]+) x (-?[\d.]+)", terms))
        places = paper(1).scaleb(-len(result.split(".")[1]))
        assert total.quantize(places, decimal.ROUND_HALF_UP) == paper(
            result), (terms, result)
    for terms, result in sums:
        numbers = [paper(n) for n in re.findall(r"\d\.\d{8}", terms)]
        signs = [1] + [1 if s == "+" else -1 for s in re.findall(
            r" ([+-]) ", terms)]
        assert sum(s * n for s, n in zip(signs, numbers)) == paper(result)
    # sigmo(z) = g, worked with a calculator
    for z, guess in re.findall(r"sigmo\((-?\d\.\d{8})\) = (\d\.\d{8})",
                               text):
        assert "%.8f" % (1 / (1 + math.exp(-float(z)))) == guess


def test_the_worksheet_asks_and_the_answers_answer():
    questions, answers = (numbered(section("Worksheet")),
                          numbered(section("Answers")))
    assert sorted(questions) == sorted(answers) == list(range(1, 15))
    assert "Answer" not in section("Worksheet")  # a sheet to hand out
    # the track plans ask these questions, and the answers have them all
    for track in ("Track A: 15-year-olds (45 minutes)",
                  "Track B: first-years (90 minutes)"):
        for n in map(int, re.findall(r"W(\d+)", section(track))):
            assert n in answers


@slow  # about 20 commands, lesson 2 among them
def test_every_figure_of_an_answer_is_what_its_command_prints(folder):
    # each number of 4 or more decimals in an answer is printed by one of
    # the commands that answer names, or is a sum worked out in it
    for n, text in numbered(section("Answers")).items():
        text = " ".join(text.split())
        commands = re.findall(r"`(python3 nn_pure\.py[^`]*)`", text)
        printed = "".join(output(command, folder) for command in commands)
        worked = " ".join(re.findall(r"= (-?\d+\.\d+)", text))
        for number in re.findall(r"-?\d+\.\d{4,}", text):
            assert number in printed or number in worked, (n, number)


def test_the_notebook_lines_run(folder):
    # the README's notebook cell, as a notebook runs it: no error
    code = re.findall(r"```python\n(.*?)```", section("In a notebook"),
                      re.S)[0]
    done = subprocess.run([sys.executable, "-c", code], cwd=str(folder),
                          env=user_env(), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, universal_newlines=True)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert done.stdout.count("Output after training :") == 2
