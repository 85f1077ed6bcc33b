"""The class's tests of nn_pure.py: each shows one thing the lesson claims.

Put this file beside nn_pure.py and run:  python3 -m pytest
It needs pytest and nn_pure.py, nothing else. The numbers it expects come
from the post (the blog post the lesson follows), from the tutorial the
post walks through, or from NumPy running the post's own code: each test
says which. (The maintainers' tests, of every flag and accident, are in
the folder tests/ of the project; a class does not need them.)
"""

import pytest

from nn_pure import (X, y, X_xor, y_xor, dot, transpose, add, subtract,
                     multiply, sigmo, train, train_hidden, predict, error,
                     gradient_check, format_matrix)


def column(m):
    """The numbers of a one-column matrix as the post prints them."""
    return ["%.8f" % row[0] for row in m]


# 1. The matrix helpers: NumPy's arithmetic, number by number ---------------

def test_dot_adds_up_row_times_column():
    # worked by hand: 1*5 + 2*6 = 17 and 3*5 + 4*6 = 39
    assert dot([[1, 2], [3, 4]], [[5], [6]]) == [[17], [39]]


def test_transpose_turns_rows_into_columns():
    assert transpose([[1, 2, 3], [4, 5, 6]]) == [[1, 4], [2, 5], [3, 6]]


def test_elementwise_helpers_work_number_by_number():
    # each number with the one in the same place: NOT the matrix product
    assert add([[1], [2]], [[0.5], [0.25]]) == [[1.5], [2.25]]
    assert subtract([[0], [1]], [[0.25], [0.5]]) == [[-0.25], [0.5]]
    assert multiply([[2, 3]], [[0.5, 10]]) == [[1.0, 30]]


def test_shapes_that_do_not_fit_stop_with_one_clear_line():
    # X is 4x3: X . X does not multiply (3 columns, but 4 rows), as in NumPy
    with pytest.raises(ValueError) as caught:
        dot(X, X)
    assert "4x3" in str(caught.value)
    assert "\n" not in str(caught.value)


# 2. The sigmoid, and the slope it takes from its output --------------------

def test_the_sigmoid_squashes_any_number_into_0_to_1():
    assert sigmo(0) == 0.5
    assert 0 < sigmo(-5) < 0.01 and 0.99 < sigmo(5) < 1
    assert (sigmo(-1000), sigmo(1000)) == (0.0, 1.0)  # no overflow error


def test_the_slope_takes_the_sigmoids_output_not_its_input():
    # measured: (sigmo(x + h) - sigmo(x - h)) / 2h, at x = 0 and x = 2
    for x in (0, 2):
        measured = (sigmo(x + 1e-5) - sigmo(x - 1e-5)) / 2e-5
        assert sigmo(sigmo(x), True) == pytest.approx(measured, abs=1e-9)
    assert sigmo(0, True) == 0.0  # the classic mistake: 0 read as an output


# 3. The post's numbers, digit for digit -------------------------------------

def test_the_first_guesses_are_the_posts():
    # the post's trace, "0 -l1": the guesses before any update, from
    # np.random.seed(1); syn0 = np.random.random_sample((3,1))
    l1, syn0 = train(X, y, iterations=1)
    assert column(l1) == ["0.50002859", "0.75721315", "0.60279781",
                          "0.67270365"]
    # and syn0 after that first update, the post's first "syn0"
    assert column(syn0) == ["0.55675944", "0.61684728", "-0.13326682"]


def test_after_four_iterations_syn0_is_the_posts():
    # the post's trace, the "syn0" of iteration 3
    l1, syn0 = train(X, y, iterations=4)
    assert column(syn0) == ["0.99472848", "0.36354068", "-0.43477431"]


def test_the_posts_code_gives_this_output():
    # NumPy runs the post's code, as printed, to this (see the seed's
    # NOTES.md): the last guesses l1, printed as NumPy 1.x printed them
    l1, syn0 = train(X, y)
    assert format_matrix(l1) == ("[[ 0.00966553]\n [ 0.99211898]\n"
                                 " [ 0.99358961]\n [ 0.00786455]]")
    assert column(syn0) == ["9.67298312", "-0.20801771", "-4.62952780"]


def test_the_posts_printed_output_came_from_the_tutorials_start():
    # the post PRINTS 0.00966449 ...: what the tutorial's starting weights,
    # 2 * random - 1, give (NumPy, as in NOTES.md)
    l1, syn0 = train(X, y, init="tutorial")
    assert column(l1) == ["0.00966449", "0.99211957", "0.99358898",
                          "0.00786506"]


# 4. It learns: the error falls, the guesses reach the answers ---------------

def test_the_network_learns_the_posts_table():
    l1, syn0 = train(X, y)
    for guess, answer in zip(l1, y):
        assert abs(guess[0] - answer[0]) < 0.01
    # E, the total error, fell from where the random weights started
    start = train(X, y, iterations=0)[1]
    assert error(X, y, syn0) < error(X, y, start) / 1000


def test_the_output_is_the_first_input_column():
    # the table's rule: the trained network follows input 1, whose weight
    # is large and positive, and hardly input 2 (the post's code, NumPy)
    l1, syn0 = train(X, y)
    assert syn0[0][0] > 9 and abs(syn0[1][0]) < 0.5


# 5. Asking the trained network about a new row ------------------------------

def test_predict_a_row_the_table_does_not_have():
    # NumPy: sigmo(np.dot([1, 0, 0], syn0)) with the trained weights
    l1, syn0 = train(X, y)
    assert predict([1, 0, 0], syn0)[0][0] == pytest.approx(0.9999370422113438,
                                                           abs=1e-12)
    # with every input 0, the bias too, every weight times 0 is 0: sigmo(0)
    assert predict([0, 0, 0], syn0) == [[0.5]]


def test_predict_a_row_of_the_table_after_the_last_update():
    # l1 is the guess BEFORE the last update (as the post prints it);
    # predict asks after it, so row 3 differs a little (NumPy: 0.99358994)
    l1, syn0 = train(X, y)
    assert "%.8f" % predict(X[2], syn0)[0][0] == "0.99358994"
    assert "%.8f" % l1[2][0] == "0.99358961"


# 6. Why it learns: each update is minus the slope of E ----------------------

def test_every_update_goes_down_the_slope_of_the_error():
    # gradient_check runs one iteration of the loop as the file has it, and
    # measures the slope of E by nudging each weight: they must agree
    for syn0 in (train(X, y, iterations=0)[1], train(X, y, iterations=50)[1]):
        for name, i, j, update, numerical in gradient_check(X, y, syn0):
            assert update == pytest.approx(numerical, abs=1e-7)


def test_lesson_two_updates_go_downhill_too():
    l2, syn0, syn1 = train_hidden(X_xor, y_xor, iterations=0)
    rows = gradient_check(X_xor, y_xor, syn0, syn1)
    assert len(rows) == 3 * 4 + 4 * 1  # every weight of syn0 and syn1
    for name, i, j, update, numerical in rows:
        assert update == pytest.approx(numerical, abs=1e-7)


# 7. Lesson 2: XOR needs a hidden layer --------------------------------------

def test_one_layer_of_weights_cannot_learn_xor():
    # NumPy, the post's code on XOR: every guess stays at 0.5
    l1, syn0 = train(X_xor, y_xor)
    assert column(l1) == ["0.50000000"] * 4


def test_a_hidden_layer_learns_xor_as_the_tutorial_did():
    # the tutorial's first progress line, Error:0.496410031903, is the mean
    # of |l2_error| at iteration 0 (Python 2 printed 12 digits)
    first = []
    l2, syn0, syn1 = train_hidden(X_xor, y_xor, iterations=20001, on_step=(
        lambda itr, l1, l2, l2_error, *rest: first.append(sum(
            abs(row[0]) for row in l2_error) / 4) if itr == 0 else None))
    assert "%.12g" % first[0] == "0.496410031903"
    # NumPy, the tutorial's loop 20001 times, seed 1: the guesses for XOR
    assert column(l2) == ["0.00473102", "0.99397271", "0.99465460",
                          "0.00705414"]
