"""Pictures a class can read off a projector (issue 28): draw(), --draw and
--svg. Guesses are computed here by hand: the sigmoid of weighted sums."""

import math
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ElementTree
import zlib

import pytest

from conftest import nn_pure, raises, run, runtime, slow

draw, X, y, X_xor, y_xor = (nn_pure.draw, nn_pure.X, nn_pure.y,
                            nn_pure.X_xor, nn_pure.y_xor)
SVG = "{http://www.w3.org/2000/svg}"
# the post's trained syn0: NOTES.md (NumPy, the post's code as printed)
POST = ([[9.67298312], [-0.20801771], [-4.6295278]], None)
# lesson 2, NumPy 2.4: np.random.seed(1); s0 = 2*np.random.random((3,4)) - 1;
# s1 = 2*np.random.random((4,1)) - 1; the tutorial's loop 60000 times on
# X_xor; s0.tolist(), s1.tolist() (references.md, LESSON_2)
LESSON_2 = ([[4.601357097887595, 4.171971929551631, -6.309562451905658,
              -4.197451175646529],
             [-2.5841348360008505, -5.814479292280622, -6.6079343531196,
              -3.683961233012227],
             [0.9753867879450971, -2.026857753141328, 2.529497509188097,
              5.843717394604801]],
            [[-6.967657631412922], [7.141019485765201], [-10.31917382274882],
             [7.861284050871796]])
AND = ([[8.0], [8.0], [-12.0]], None)  # by hand: 8a + 8b - 12 > 0 at 1, 1
LOPSIDED = ([[6.0], [-3.0], [-1.0]], None)  # x1, x2 differ: which way is up
HALF = [[a, b, 0.5] for a, b, _ in X]  # the constant input is 0.5, not 1
THREE = [[0, 0, 1, 1], [1, 1, 0, 1], [1, 0, 1, 1], [0, 1, 1, 1]]


def guess(point, syn0, syn1=None):
    """By hand: each unit is 1 / (1 + e^-(its weighted sum)), layer by layer"""
    units = [1 / (1 + math.exp(-sum(p * syn0[i][j] for i, p in
                                    enumerate(point))))
             for j in range(len(syn0[0]))]
    return guess(units, syn1) if syn1 else units[0]


def root_of(weights, table=None, answers=None):
    return ElementTree.fromstring(draw(*weights, X=table,
                                       y=answers)._repr_svg_())


def text_of(syn0, syn1=None, table=None, answers=None):
    """The text picture, checked to fit 80 columns."""
    text = str(draw(syn0, syn1, table, answers))
    assert max(map(len, text.splitlines())) <= 80
    return text


def texts(root):
    return [(float(t.get("x")), float(t.get("y")), t.text)
            for t in root.iter(SVG + "text")]


def nodes(root):
    """{name: (x, y)}: the circles with a name written in them."""
    return dict((t, (float(c.get("cx")), float(c.get("cy"))))
                for c in root.iter(SVG + "circle") for x, y_, t in texts(root)
                if math.hypot(x - float(c.get("cx")), y_ - 5 - float(c.get(
                    "cy"))) < float(c.get("r")))  # 5: half a letter high


def edges(root):
    return [(tuple(float(line.get(k)) for k in ("x1", "y1", "x2", "y2")),
             line) for line in root.iter(SVG + "line")]


def rgb(fill):
    return [int(fill[i:i + 2], 16) for i in (1, 3, 5)]


def hue(r, g, b):
    return "blue" if b > r + 60 else "orange" if r > b + 60 and r > g else None


def cells(root):
    """{(column, row): (centre x, centre y, fill)}, row 0 at the top."""
    rects = [[float(r.get(k)) for k in ("x", "y", "width", "height")] + [
        r.get("fill")] for r in root.iter(SVG + "rect") if r.get("fill") !=
        "none"]
    xs, ys = (sorted(set(r[k] for r in rects)) for k in (0, 1))
    found = dict(((xs.index(x), ys.index(y_)), (x + w / 2, y_ + h / 2, fill))
                 for x, y_, w, h, fill in rects)
    assert len(found) == len(rects) == 21 * 21 == len(xs) ** 2, len(rects)
    return found


@pytest.mark.parametrize("weights, table, names", [
    (POST, X, ["x1", "x2", "bias", "out"]),
    (LESSON_2, X_xor, ["x1", "x2", "bias", "h1", "h2", "h3", "h4", "out"]),
    (POST, HALF, ["x1", "x2", "x3", "out"]),  # 0.5 in every row: no bias
    (POST, None, ["x1", "x2", "x3", "out"])])  # no table: no bias known
def test_each_weight_is_an_edge_between_named_nodes_with_its_value(
        weights, table, names):
    root = root_of(weights, table)
    at, ends = nodes(root), [edge for edge, _ in edges(root)]
    assert sorted(at) == sorted(names)
    layers = [names[:len(weights[0])], [n for n in names if n[0] == "h"]]
    for k, w in enumerate(m for m in weights if m):
        ahead = layers[1] if weights[1] and not k else ["out"]
        for i, j in [(i, j) for i in range(len(w)) for j in range(len(w[0]))]:
            x1, y1, x2, y2 = edge = at[layers[k][i]] + at[ahead[j]]
            assert ends.count(edge) == 1, edge
            (x, y_), = [(x, y_) for x, y_, t in texts(root)
                        if t == "%.2f" % w[i][j]]  # written once, 2 decimals
            s = max(0, min(1, ((x - x1) * (x2 - x1) + (y_ - 5 - y1) * (
                y2 - y1)) / ((x2 - x1) ** 2 + (y2 - y1) ** 2)))  # on its edge
            assert math.hypot(x1 + s * (x2 - x1) - x, y1 + s * (y2 - y1) -
                              y_ + 5) < 10, (w[i][j], x, y_)
    for t in root.iter(SVG + "text"):  # big enough, and inside the picture
        assert float(t.get("font-size") or root.get("font-size")) >= 16
        assert 0 <= float(t.get("x")) <= float(root.get("width"))
        assert 16 <= float(t.get("y")) <= float(root.get("height"))


def test_edges_blue_if_positive_orange_if_negative_wider_if_larger():
    # hand-made weights; under 0.01 in size: faint (dashed); a weight of
    # -12 must not look like one of 8 (issue 28), nor 20 like -12
    weights = [[20.0], [-12.0], [8.0], [2.0], [-0.5], [0.25], [0.005],
               [-0.003], [0.0]]
    root = root_of((weights, None))
    at, lines, widths = nodes(root), dict(edges(root)), []
    assert len(lines) == len(weights)
    for i, (w,) in enumerate(weights):  # the edge from input i to out:
        line = lines[at["x%d" % (i + 1)] + at["out"]]
        faint = line.get("stroke-dasharray") or float(
            line.get("stroke-opacity") or 1) < 1
        assert bool(faint) == (abs(w) < 0.01), w
        if not faint:
            assert hue(*rgb(line.get("stroke"))) == ("blue" if w > 0 else
                                                      "orange")
            widths.append(float(line.get("stroke-width")))
    assert widths == sorted(set(widths), reverse=True)  # strictly, 20 > 12
    legend, = [t for _, _, t in texts(root) if "eight" in t]
    assert "blue" in legend and "orange" in legend


def test_colour_of_a_guess_by_hand():
    # by hand (references.md, 14): the legend's orange 0, white 0.5, blue 1;
    # 0.25 halfway white-orange: (255 + 245) / 2 = 250 fa, 201 c9, 144.5 ->
    # 144 (even) 90; 0.75: 131.5 -> 132 84, 187 bb, 222 de
    assert [nn_pure.colour(g) for g in (0, 0.25, 0.5, 0.75, 1)] == [
        "#f59322", "#fac990", "#ffffff", "#84bbde", "#0877bd"]


@pytest.mark.parametrize("weights, table", [
    (POST, X), (AND, X_xor), (LOPSIDED, X_xor), (LESSON_2, X_xor),
    (AND, HALF),  # the other input at its own value, 0.5
    (([[-12.0], [6.0], [-3.0]], None), [[1, a, b] for a, b, _ in X_xor])])
def test_each_map_cell_is_coloured_by_the_guess_at_its_point(weights, table):
    a, b = [c for c in range(len(table[0]))  # the inputs that vary:
            if len(set(row[c] for row in table)) > 1]  # across, then up
    for (c, r), (_, _, fill) in cells(root_of(weights, table)).items():
        point = list(table[0])
        point[a], point[b] = c / 20, (20 - r) / 20  # the top row: b = 1
        want = rgb(nn_pure.colour(guess(point, *weights)))
        assert max(abs(p - q) for p, q in zip(rgb(fill), want)) <= 1, (c, r)


@pytest.mark.parametrize("table, answers", [(X, y), (X_xor, y_xor)])
def test_the_map_has_a_frame_axes_marks_and_a_legend(table, answers):
    root = root_of(LOPSIDED, table, answers)
    found, words = cells(root), texts(root)
    (left, top, _), (right, bottom, _) = found[0, 0], found[20, 20]
    h = (right - left) / 40  # half a cell
    left, top, right, bottom = left - h, top - h, right + h, bottom + h
    assert any(x <= left and y_ <= top and x + w >= right and y_ + h >= bottom
               for x, y_, w, h in [[float(r.get(k)) for k in (
                   "x", "y", "width", "height")] for r in root.iter(
                       SVG + "rect") if r.get("fill") == "none"])  # a frame
    assert {"0", "1"} <= set(t for x, y_, t in words if y_ > bottom and (
        abs(x - left) < 20 or abs(x - right) < 20))  # across: 0 ... 1
    assert {"0", "1"} <= set(t for x, y_, t in words if x < left and (
        abs(y_ - top) < 20 or abs(y_ - bottom) < 20))  # up: 0 ... 1
    assert any("x1" in t and y_ > bottom and left < x < right
               for x, y_, t in words)  # x1 goes across, named below
    assert any("x2" in t and (y_ < top or x < left) for x, y_, t in words)
    legend, = [t for _, _, t in words if "guess" in t and "blue" in t]
    assert "orange" in legend
    assert any("answer" in t for _, _, t in words)  # what the marks mean
    circles = dict(((float(c.get("cx")), float(c.get("cy"))), c.get("fill"))
                   for c in root.iter(SVG + "circle"))
    lines = text_of(*LOPSIDED, table=table, answers=answers).splitlines()
    top, bottom = [k for k, line in enumerate(lines)
                   if re.match(r"^\s*\+-+\+$", line)]  # the text map
    rows = [line.strip()[1:-1] for line in lines[top + 1:bottom]]
    step = len(rows[0]) // 21  # characters per cell; rows[0]: the top, b = 1
    marks = {0: set(), 1: set()}  # each row's marks (SVG, text), by answer
    for (a, b, _), (answer,) in zip(table, answers):
        text = rows[b - 1][(len(rows[0]) - step) * a:][:step]
        marks[answer].add((circles.pop(found[20 * a, 20 - 20 * b][:2]), text))
    assert not [xy for xy in circles if left < xy[0] < right]  # no others
    (svg0, text0), = marks[0]  # one kind of mark for each answer
    (svg1, text1), = marks[1]
    assert svg0 != svg1 and text0 != text1


def test_a_flat_map_says_so_on_the_picture():
    # lesson 1 cannot learn XOR: its weights end near 1e-16 (NOTES.md), so
    # every guess is 1 / (1 + e^0) = 0.5 everywhere
    syn0 = nn_pure.train(X_xor, y_xor)[1]
    assert all(abs(guess(row, syn0) - 0.5) < 1e-9 for row in X_xor)
    assert "flat" in text_of(syn0, None, X_xor, y_xor)
    said = [(y_, t) for _, y_, t in texts(root_of((syn0, None), X_xor))]
    first, = [y_ for y_, t in said if "a flat map" in t]
    second, = [y_ for y_, t in said if "barely changes" in t]
    assert first < second  # the sentence reads top to bottom
    # the post's map goes from 0.0097 to 0.992 (NOTES.md): not flat
    drawing = draw(*POST, X=X, y=y)
    assert "flat" not in drawing._repr_svg_() + text_of(*POST, table=X)


@pytest.mark.parametrize("table, why", [
    (THREE, "3 that vary"), ([[0, 0.5, 1], [1, 0, 1]], "not all 0s and 1s"),
    ([[0, 2, 1], [1, 0, 1]], "not all 0s and 1s"),
    ([[0, 1], [1, 1]], "1 that varies")])
def test_no_map_says_why(table, why):
    # 3 inputs vary; or two vary but not as 0s and 1s; or only 1 varies
    syn0 = [[1.0]] * len(table[0])
    root = root_of((syn0, None), table)
    assert not [r for r in root.iter(SVG + "rect") if r.get("fill") != "none"]
    for words in ([t for _, _, t in texts(root)],
                  text_of(syn0, None, table).splitlines()):
        start = [k for k, t in enumerate(words) if "map" in t.lower()][0]
        assert why in " ".join(words[start:]), words  # the sentence says why
    assert "+---" not in str(draw(syn0, None, table))  # no text map either


@pytest.mark.parametrize("weights", [
    LESSON_2, ([[0.2], [-1.0], [3.0], [-6.0], [9.0]], None),
    ([[-3.0]], None),  # one input, one weight
    ([[-1.23456789e-05], [123456789.0], [-0.5]], None)])  # long numbers
def test_the_text_picture_lists_each_weight_with_a_bar(weights):
    found = dict((tuple(map(int, m.groups()[:3])), m.groups()[3:]) for m in (
        re.search(r"syn(\d)\[(\d+)\]\[(\d+)\]\s+(\S+)\s+(\S+)$", line)
        for line in text_of(*weights).splitlines()) if m)
    bars = []
    for k, w in enumerate(m for m in weights if m):
        for i, j in [(i, j) for i in range(len(w)) for j in range(len(w[0]))]:
            value, bar = found.pop((k, i, j))
            assert float(value) == pytest.approx(w[i][j], rel=1e-8)
            if abs(w[i][j]) >= 1:  # = positive, - negative
                assert set(bar) == set("=" if w[i][j] > 0 else "-")
            bars.append((abs(w[i][j]), len(bar.strip("."))))
    assert not found  # and longer bars for larger weights:
    assert [n for _, n in sorted(bars)] == sorted(n for _, n in bars)


@pytest.mark.parametrize("args, phrases", [
    ((LESSON_2[0], [[1.0]] * 3), ("syn1", "4x1", "3x1")),  # 4 hidden units
    ((POST[0], None, [[0, 1], [1, 1]]), ("X", "2 inputs", "syn0", "3 rows")),
    ((LESSON_2[0], LESSON_2[1], [[0, 1, 1, 1]]), ("4 inputs", "3 rows"))])
def test_draw_refuses_bad_arguments_in_one_line(args, phrases):
    raises(ValueError, lambda: draw(*args), *phrases)


def test_the_command_line_draws_the_lesson():
    drawing = draw(nn_pure.train(X, y)[1], None, X, y)
    done = run("--draw")
    assert done.status == 0 and done.out.endswith(str(drawing) + "\n")
    for args in (["--svg"], ["--draw", "--svg"]):  # the SVG alone: > net.svg
        done = run(*args)
        assert (done.status, done.err) == (0, "")
        assert ElementTree.fromstring(done.out).tag == SVG + "svg"
        assert done.out.strip() == drawing._repr_svg_().strip()


def read_png(path):
    """(width, height, pixel(x, y) -> (r, g, b)) of an 8-bit RGB(A) PNG."""
    data, at, packed = open(path, "rb").read(), 8, b""
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        if kind == b"IHDR":
            width, height, depth, mode, _, _, lace = struct.unpack(
                ">IIBBBBB", data[at + 8:at + 21])
            assert (depth, mode in (2, 6), lace) == (8, True, 0)
        packed += data[at + 8:at + 8 + length] * (kind == b"IDAT")
        at += 12 + length
    step = 3 if mode == 2 else 4
    raw, stride, rows = zlib.decompress(packed), width * step, []
    above = bytearray(stride)
    for r in range(height):  # undo each line's filter (PNG spec, 9.2)
        kind, line = raw[r * (stride + 1)], bytearray(
            raw[r * (stride + 1) + 1:(r + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - step] if i >= step else 0
            b, c = above[i], above[i - step] if i >= step else 0
            p = a + b - c  # Paeth: the nearest of a, b, c to p, in that order
            paeth = min((abs(p - a), 0, a), (abs(p - b), 1, b),
                        (abs(p - c), 2, c))[2]
            line[i] = (line[i] + (0, a, b, (a + b) // 2, paeth)[kind]) & 255
        rows.append(line)
        above = line
    return width, height, lambda x, y_: tuple(rows[y_][x * step:x * step + 3])


@slow
@pytest.mark.parametrize("args, weights, table, answers", [
    ((), POST, X, y),
    (("--table", "xor", "--hidden", "4"), LESSON_2, X_xor, y_xor)])
def test_chromium_shows_the_map_where_the_svg_puts_it(
        tmp_path, args, weights, table, answers):
    chromium = runtime("Chromium", shutil.which("chromium") or shutil.which(
        "/usr/bin/chromium"))
    done = run("--svg", *args)
    assert done.status == 0, done.err
    (tmp_path / "net.svg").write_text(done.out)
    root = ElementTree.fromstring(done.out)
    assert float(root.get("width")) <= 960 and float(root.get("height")) <= 560
    subprocess.run([chromium] + (
        "--headless --no-sandbox --disable-gpu --disable-background-networking"
        " --disable-component-update --no-first-run --window-size=960,560"
        ).split() + ["--user-data-dir=%s" % (tmp_path / "profile"),
                     "--screenshot=%s" % (tmp_path / "net.png"),
                     (tmp_path / "net.svg").as_uri()], capture_output=True,
        timeout=120)
    width, height, pixel = read_png(str(tmp_path / "net.png"))
    assert (width, height) == (960, 560)
    found, marks = cells(root), ({}, {})
    for row, answer in zip(table, answers):
        # the cell one step in from the row's corner (the row's mark covers
        # the corner cell): its guess by hand, its colour where the SVG says
        c, r = (19 if row[0] else 1), (1 if row[1] else 19)
        x, y_, fill = found[c, r]
        near, shown = guess([c / 20, (20 - r) / 20, 1], *weights), pixel(
            int(x), int(y_))
        assert hue(*shown) == ("blue" if near > 0.9 else "orange" if near <
                               0.1 else "neither"), (row, shown)
        assert max(abs(p - q) for p, q in zip(shown, rgb(fill))) <= 8
        x, y_, _ = found[20 * row[0], 20 - 20 * row[1]]
        marks[answer[0]][pixel(int(x), int(y_))] = row  # the mark's fill
    (zero,), (one,) = marks  # one colour each; far apart (white, black):
    assert sum(abs(p - q) for p, q in zip(zero, one)) > 300


def test_the_labels_on_the_edges_do_not_cover_each_other():
    # lesson 2's twelve values near three inputs: every two labels apart by
    # more than a label's width (about 44 px) or height (18 px)
    values = [(x, y_) for x, y_, t in texts(root_of(LESSON_2, X_xor, y_xor))
              if re.match(r"-?\d+\.\d\d$", t or "")]
    assert len(values) == 16
    for k, (x, y_) in enumerate(values):
        assert all(abs(x - u) > 40 or abs(y_ - v) > 16 for u, v in values[:k])


def test_the_text_map_shades_by_the_legend():
    # the legend: ' ' 0-0.2, '.' 0.2-0.4, ':' 0.4-0.6, '*' 0.6-0.8, '#'
    # 0.8-1; every other row of the map, three characters a point, the
    # second input 1 at the top; bars of at most 10 for the weights
    text = text_of(*LESSON_2, table=X_xor, answers=y_xor)
    rows = [line[3:-1] for line in text.splitlines() if line.startswith("  |")]
    assert len(set(len(line) for line in text.splitlines() if line.startswith(
        ("  |", "  +")))) == 1  # the frame as wide as the rows it holds
    for r, line in enumerate(rows):
        for c in range(21):
            cell = line[3 * c:3 * c + 3]
            g = guess([c / 20, (20 - 2 * r) / 20, 1], *LESSON_2)
            if cell[0] != "(" and abs(g * 5 - round(g * 5)) > 1e-9:
                assert cell == 3 * " .:*#"[min(int(g * 5), 4)], (r, c, g)
    bar = re.search(r"h3 +-> out .* (-+)$", text, re.M).group(1)
    assert len(bar) == 10  # -10.32: 10 at most
