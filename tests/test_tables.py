"""CSV tables: read_table and --table FILE. What a file may hold (a header,
blank and # lines, any line ending, a byte-order mark, quoted numbers), and
what a bad file is told: one short line naming the file, the line, the
column, the field and what is expected."""

import pathlib

import pytest

from conftest import raises, refused, run, says, write
from nn_pure import read_table


def test_read_table_skips_what_is_not_a_row(tmp_path):
    # a BOM, a header, a # line, a blank line, CRLF, CR and LF, quotes and
    # spaces around the numbers: by hand, three rows of two inputs
    path = write(tmp_path, '\ufeffa,b,target\r\n# made by hand\r\n\r\n'
                           '0,1,0\r1,"0.5", 1\n"2" ,-3e0,0.25\n')
    table = ([[0.0, 1.0], [1.0, 0.5], [2.0, -3.0]], [[0.0], [1.0], [0.25]])
    assert read_table(path) == table
    assert read_table(pathlib.Path(path)) == table


def test_only_cr_and_lf_end_a_line(tmp_path):
    # str.splitlines would also end a line at a form feed: here the field
    # "1\x0c0" stays whole in line 1, and is not a number
    path = write(tmp_path, "0,1\x0c0,1\n")
    raises(ValueError, lambda: read_table(path), "line 1", "column 2")


def test_a_table_file_trains_on_the_command_line(tmp_path):
    # NumPy 2.4: one input, no bias, post init, seed 1, 10000 iterations of
    # the post's loop on T = [[0], [1], [2]], t = [[0.1], [0.5], [0.9]];
    # print(l1): the row of input 0 stays at sigmo(0) = 0.5
    path = write(tmp_path, "\ufeffx,y\n0,0.1\n1,0.5\n2,0.9\n")
    result = run("--table", path)
    assert (result.status, result.err) == (0, "")
    assert result.out.startswith("Output after training :\n[[ 0.5       ]\n"
                                 " [ 0.66055054]\n [ 0.79108817]]\n")


def test_a_bad_table_on_the_command_line_is_one_line(tmp_path):
    path = write(tmp_path, "0,0,1,0\n1,x,1,1\n")
    refused(run("--table", path), path, "line 2", "column 2", "'x'")


def test_the_limits_themselves_are_taken(tmp_path):
    # 1000 rows of 20 inputs; a file of exactly 1,000,000 bytes
    rows = write(tmp_path, ("1," * 20 + "0\n") * 1000)
    assert [len(part) for part in read_table(rows)] == [1000, 1000]
    assert len(read_table(rows)[0][0]) == 20
    text = "0,0,1,0\n#" + "-" * (10 ** 6 - 10) + "\n"
    big = write(tmp_path, text, name="big.csv")
    assert len(text.encode()) == 10 ** 6
    assert read_table(big) == ([[0.0, 0.0, 1.0]], [[0.0]])


LONG = 100000  # characters in a field: the line must stay short
BAD_FILES = [
    ("x", "0,0,1,0\n1,x,1,1\n", ["line 2", "column 2", "'x'", "number",
                                 "commas"]),
    ("tabs", "0\t1\t1\t0\n", ["no rows", "tabs", "commas"]),
    # a first line of no numbers is a header: line 2 is the first row
    ("tab rows", "0\t1\t1\t0\n1\t0\t1\t1\n",
     ["line 2", "column 1", "tabs", "commas"]),
    ("semicolons", "0,0,1,0\n1;1;1;1\n", ["line 2", "column 1", "1;1;1;1",
                                          "semicolons", "commas"]),
    ("nan", "0,0,1,0\n1,nan,1,1\n", ["line 2", "column 2", "nan", "finite"]),
    # float() alone takes 1_000 (and other alphabets' digits): not here
    ("underscore", "0,0,1,0\n1,1_000,1,1\n", ["line 2", "column 2",
                                              "'1_000'", "number"]),
    ("inf", "0,0,1,0\n1,1,-inf,1\n", ["line 2", "column 3", "-inf",
                                      "finite"]),
    ("short row", "0,0,1,0\n1,1,1\n", ["line 2", "3 column", "(4)"]),
    ("long row", "0,0,1,0\n1,1,1,1,1\n", ["line 2", "5 column", "(4)"]),
    ("1 column", "# x\n0\n1\n", ["line 2", "1 column", "2 or more"]),
    ("target 2", "0,0,1,0\n1,1,1,2\n", ["line 2", "target", "is 2",
                                        "0 to 1"]),
    ("target -0.5", "0,0,1,-0.5\n", ["line 1", "target", "-0.5", "0 to 1"]),
    ("no rows", "a,b,c\n# none\n\n", ["no rows", "0,1,1,0"]),
    ("empty", "", ["empty"]),
    # a field of 30 characters is shown whole, one of 31 cut to 27 and ...
    ("30 characters", "0,0,1,0\n1,%s,1,1\n" % ("x" * 30), ["'%s'" % ("x" * 30)]),
    ("31 characters", "0,0,1,0\n1,%s,1,1\n" % ("x" * 31), ["'%s...'" % (
        "x" * 27)]),
    ("binary", b"0,0,1,0\n\x00\x01\x02\n", ["not text", "line 2"]),
    ("bad UTF-8", b"0,0,1,0\n1,1,1,1\n\xff,1\n", ["not text", "line 3"]),
    ("over 1 MB", "0,0,1,0\n" * 125001, ["larger", "at most 1000000 bytes"]),
    ("1001 rows", "0,0,1,0\n" * 1001, ["1001 rows", "1000 rows"]),
    ("21 inputs", "1," * 21 + "1\n", ["21 inputs", "20"]),
    ("long text", "0,0,1,0\n" + "x" * LONG + ",1,1,1\n",
     ["line 2", "column 1", "'xxxxxxxx", "number"]),
    ("long number", "0,0,1,0\n" + "1" * LONG + ",1,1,1\n",
     ["line 2", "column 1", "'11111111", "finite"]),
    ("long target", "0,0,1,0\n1,1,1,2" + "0" * LONG + "\n",
     ["line 2", "column 4", "'20000000"]),
    ("long semicolons", "0,0,1,0\n" + "1;" * LONG + "1\n",
     ["line 2", "column 1", "semicolons"]),
    ("a directory", None, ["directory", "CSV file"]),
    ("missing", "missing", ["no such file", "CSV file"]),
]


@pytest.mark.parametrize("content, phrases", [case[1:] for case in BAD_FILES],
                         ids=[case[0] for case in BAD_FILES])
def test_a_bad_file_is_one_short_line(tmp_path, content, phrases):
    path = (str(tmp_path) if content is None else str(tmp_path / "nofile.csv")
            if content == "missing" else str(tmp_path / "t.csv"))
    if isinstance(content, bytes):
        (tmp_path / "t.csv").write_bytes(content)
    elif path.endswith("t.csv"):
        write(tmp_path, content, name="t.csv")
    with pytest.raises(ValueError) as caught:
        read_table(path)
    says(caught.value, path, *phrases)
    assert len(str(caught.value)) < len(path) + 200, caught.value


@pytest.mark.parametrize("path, shown", [(5, "5 (int)"), (None, "None"),
                                         (b"t.csv", "b't.csv'")])
def test_a_path_that_is_not_a_str_is_a_type_error(path, shown):
    raises(TypeError, lambda: read_table(path), "path", "str", shown)


@pytest.mark.parametrize("name, shown", [("", "''"),
                                         ("a\nb.csv", "'a\\nb.csv'")])
def test_an_odd_file_name_is_quoted_in_one_line(name, shown):
    # an empty name, or one with a line break, is shown quoted, one line
    raises(ValueError, lambda: read_table(name), shown, "no such file")
