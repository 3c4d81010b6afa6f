"""The next reporting period proposed from the last one: same kind, starting the day after,
labelled as reports name periods, and a sentence saying how it was worked out."""

from datetime import date

from core.reporting_periods import propose_next

TODAY = date(2010, 4, 20)


def after(label, start, end, due=None, quarters="calendar"):
    return propose_next(
        last_label=label,
        last_start=start,
        last_end=end,
        last_due=due,
        today=TODAY,
        quarters=quarters,
    )


def test_a_month_is_followed_by_the_next_month_with_updates_due_as_long_after_its_end():
    proposal = after("March 2010", date(2010, 3, 1), date(2010, 3, 31), due=date(2010, 4, 7))
    assert (proposal.label, proposal.start, proposal.end) == (
        "April 2010",
        date(2010, 4, 1),
        date(2010, 4, 30),
    )
    assert proposal.updates_due == date(2010, 5, 7)
    assert "Proposed from the last period, March 2010 (a calendar month)" in proposal.basis


def test_december_is_followed_by_january_of_the_next_year_and_no_due_date_is_invented():
    proposal = after("December 2008", date(2008, 12, 1), date(2008, 12, 31))
    assert (proposal.label, proposal.end, proposal.updates_due) == (
        "January 2009",
        date(2009, 1, 31),
        None,
    )


def test_a_quarter_is_followed_by_the_next_in_the_programmes_kind_of_quarter():
    financial = after("Q4 2009/10", date(2010, 1, 1), date(2010, 3, 31), quarters="financial")
    assert (financial.label, financial.start, financial.end) == (
        "Q1 2010/11",
        date(2010, 4, 1),
        date(2010, 6, 30),
    )
    calendar = after("Q1 2010", date(2010, 1, 1), date(2010, 3, 31))
    assert calendar.label == "Q2 2010" and "(a quarter)" in calendar.basis


def test_a_financial_year_is_followed_by_the_next():
    proposal = after("2008/09", date(2008, 4, 1), date(2009, 3, 31))
    assert (proposal.label, proposal.start, proposal.end) == (
        "2009/10",
        date(2009, 4, 1),
        date(2010, 3, 31),
    )


def test_any_other_span_is_followed_by_one_as_long_named_by_its_dates():
    proposal = after("Fortnight 1", date(2010, 3, 1), date(2010, 3, 14))
    assert (proposal.start, proposal.end) == (date(2010, 3, 15), date(2010, 3, 28))
    assert proposal.label == "15 March 2010 to 28 March 2010"
    assert "(14 days)" in proposal.basis


def test_the_first_period_is_the_calendar_month_holding_today_and_says_so():
    proposal = after(None, None, None)
    assert (proposal.label, proposal.start, proposal.end) == (
        "April 2010",
        date(2010, 4, 1),
        date(2010, 4, 30),
    )
    assert "first period" in proposal.basis
