"""A risk's rating on a risk matrix, beside the status its officer chose (``core.risk_rating``)."""

import pytest

from core.risk_rating import (
    default_matrix,
    matrix_from_rows,
    matrix_problems,
    rate,
)


@pytest.mark.parametrize(
    ("likelihood", "impact", "size", "rating"),
    [
        (1, 1, 3, "green"),
        (1, 2, 3, "green"),
        (1, 3, 3, "amber"),
        (2, 2, 3, "amber"),
        (2, 3, 3, "red"),
        (3, 3, 3, "red"),
        (2, 2, 5, "green"),
        (1, 5, 5, "amber"),
        (3, 4, 5, "amber"),
        (3, 5, 5, "red"),
        (5, 5, 5, "red"),
    ],
)
def test_the_standard_matrices(likelihood, impact, size, rating):
    assert rate(likelihood, impact, "", default_matrix(size)).rating == rating


def test_high_by_high_is_red_whatever_status_was_chosen():
    rated = rate(3, 3, "green", default_matrix(3))
    assert (rated.rating, rated.status, rated.is_red) == ("red", "green", True)
    assert rated.disagrees


def test_a_status_that_matches_the_matrix_does_not_disagree():
    assert not rate(3, 3, "red", default_matrix(3)).disagrees
    assert not rate(3, 3, "", default_matrix(3)).disagrees  # nothing chosen: nothing to warn of


def test_an_unassessed_risk_is_rated_by_its_chosen_status_and_off_the_map():
    rated = rate(None, 3, "red", default_matrix(3))
    assert (rated.rating, rated.from_matrix, rated.is_red, rated.disagrees) == (
        "red",
        False,
        True,
        False,
    )
    assert rate(None, None, "", default_matrix(3)).rating == ""
    assert not rate(4, 4, "green", default_matrix(3)).from_matrix  # off a 3-level scale


def test_a_matrix_is_written_most_likely_first_as_the_heat_map_shows_it():
    rows = [["amber", "red", "red"], ["green", "amber", "red"], ["green", "green", "amber"]]
    matrix = matrix_from_rows(rows)
    assert rate(3, 1, "", matrix).rating == "amber"  # top row, lowest impact
    assert rate(1, 3, "", matrix).rating == "amber"  # bottom row, highest impact


def test_a_programmes_own_matrix_is_checked():
    ratings = ("red", "amber", "green")
    good = [["amber", "red", "red"], ["green", "amber", "red"], ["green", "green", "amber"]]
    assert matrix_problems(good, 3, ratings) == []
    assert matrix_problems(good, 5, ratings) == [
        "Give 5 rows, the most likely first, one for each level of likelihood."
    ]
    assert matrix_problems([["red"], *good[1:]], 3, ratings) == [
        "Row 1 needs 3 ratings, one for each level of impact."
    ]
    assert (
        "Row 2 has a rating that is not on the scale"
        in matrix_problems([good[0], ["green", "amber_red", "red"], good[2]], 3, ratings)[0]
    )
