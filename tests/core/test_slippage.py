"""Slippage in words: the phrases the reports (and later the web pages) print for moved dates."""

from core.fuzzydates import parse
from core.slippage import Move, direction, move_verb, phrase


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
    assert direction(parse("Jan 2010"), parse("May 2010")) == "later"
    assert direction(parse("May 2010"), parse("Jan 2010")) == "earlier"
    assert direction(parse("Ongoing"), parse("May 2010")) == "changed"
