"""core.slippage: whether a date moved and which way, from what the dates mean (never their
words), and the phrases the pages, reports and exports print for the moves."""

import pytest

from core import slippage
from core.fuzzydates import parse
from core.slippage import (
    CHANGED,
    EARLIER,
    LATER,
    SAME,
    Move,
    change_words,
    direction,
    has_moved,
    move_verb,
    phrase,
)


def moves(*pairs):
    return [Move(parse(old), parse(new)) for old, new in pairs]


def test_a_date_that_never_moved_is_printed_alone():
    assert phrase(parse("March '09"), []) == "Mar 2009"


def test_each_extension_is_named_in_order():
    history = moves(("December '09", "March 2010"), ("March 2010", "June 2010"))
    assert phrase(parse("June 2010"), history) == (
        "Dec 2009, extended to Mar 2010, extended to Jun 2010"
    )


def test_a_move_earlier_is_brought_forward():
    assert phrase(parse("Feb 2010"), moves(("Mar 2010", "Feb 2010"))) == (
        "Mar 2010, brought forward to Feb 2010"
    )


def test_a_move_from_words_with_no_date_is_a_change():
    assert phrase(parse("Jan 2010"), moves(("TBC", "Jan 2010"))) == "TBC, changed to Jan 2010"
    assert move_verb(parse("TBC"), parse("Jan 2010")) == "changed to"


def test_a_day_moved_a_month_later():
    assert phrase(parse("31 August '09"), moves(("31st July'09", "31 August '09"))) == (
        "31 Jul 2009, extended to 31 Aug 2009"
    )


def test_a_date_moved_without_a_recorded_change_says_where_it_stands_now():
    assert phrase(parse("July 2010"), moves(("May 2010", "June 2010"))) == (
        "May 2010, extended to Jun 2010, now Jul 2010"
    )


def test_direction_words():
    assert direction(parse("Jan 2010"), parse("May 2010")) == LATER
    assert direction(parse("May 2010"), parse("Jan 2010")) == EARLIER
    assert direction(parse("Ongoing"), parse("May 2010")) == CHANGED


# --- a move is a change of meaning, never of words alone ---------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Mar 2010", "March 2010"),
        ("March '10", "Mar 2010"),
        ("31/03/2010", "31st March 2010"),
        ("end July 2007", "late Jul 07"),
        ("2009/10", "FY 09/10"),
        ("TBC", "Ongoing"),  # words for words: still no date
        ("", "To be confirmed"),
    ],
)
def test_a_spelling_only_edit_is_not_a_move(old, new):
    assert not has_moved(parse(old), parse(new))
    assert direction(parse(old), parse(new)) == SAME


def test_a_rewording_recorded_as_a_move_is_left_out_of_the_phrase():
    """Older versions recorded "Mar 2010" to "March 2010" as a move; the phrase must not say
    "Mar 2010, extended to Mar 2010"."""
    history = moves(("Dec 2009", "Mar 2010"), ("Mar 2010", "March 2010"))
    assert phrase(parse("March 2010"), history) == "Dec 2009, extended to Mar 2010"
    assert phrase(parse("March 2010"), moves(("Mar 2010", "March 2010"))) == "Mar 2010"


def test_a_rewording_is_said_as_such():
    assert change_words(parse("Mar 2010"), parse("March 2010")) == (
        "Mar 2010, reworded as “March 2010”"
    )
    assert change_words(parse("Dec 2009"), parse("March 2010")) == (
        "Dec 2009, extended to Mar 2010"
    )


@pytest.mark.parametrize(
    ("old", "new", "way"),
    [
        ("from April 2010", "from May 2010", LATER),  # an open date's deadline is its start
        ("by March 2010", "by June 2010", LATER),
        ("Q1 2010", "March 2010", CHANGED),  # same deadline, narrower: not a slip
        ("Q4 2009/10", "Q1 2010", CHANGED),  # the same days, written another way
        ("Jan 2010", "Q1 2010", LATER),
        ("June 2010", "", CHANGED),  # a date taken away
        ("31 Jul 2009", "end July 2009", CHANGED),
    ],
)
def test_which_way_is_judged_on_the_deadline(old, new, way):
    assert direction(parse(old), parse(new)) == way
    assert has_moved(parse(old), parse(new))


# --- a first forecast is compared with the plan -------------------------------------------------


def test_a_first_forecast_later_than_the_plan_is_extended():
    plan = parse("March 2010")
    assert direction(parse(""), parse("June 2010"), baseline=plan) == LATER
    move = Move(parse(""), parse("June 2010"), recorded=LATER)
    assert str(move) == "as planned, extended to Jun 2010"
    assert phrase(parse("June 2010"), [move]) == "as planned, extended to Jun 2010"


def test_a_first_forecast_earlier_than_the_plan_is_brought_forward():
    assert direction(parse(""), parse("Feb 2010"), baseline=parse("March 2010")) == EARLIER


def test_a_first_forecast_that_is_the_plan_is_not_a_move():
    assert not has_moved(parse(""), parse("Mar 2010"), baseline=parse("March 2010"))
    assert not has_moved(parse(""), parse("TBC"), baseline=parse("March 2010"))


def test_a_recorded_direction_is_what_the_words_say():
    """The direction judged when the move was made is kept: the phrase does not judge again."""
    assert Move(parse(""), parse("June 2010"), recorded=LATER).verb == slippage.EXTENDED
    assert Move(parse(""), parse("June 2010")).verb == slippage.CHANGED_TO
