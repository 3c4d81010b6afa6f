"""Dates as councils' trackers write them (issue 10, section 4): Excel's month-year
abbreviations, financial years and quarters in every spelling, pairs and spans with a slash,
impossible dates refused rather than widened, and a year inside a name that is not a date."""

from datetime import date as D

import pytest

from core.fuzzydates import Precision as P
from core.fuzzydates import format, parse

TRACKERS = [
    # Month and year as Excel shows a date cell formatted "mmm-yy".
    ("Mar-11", D(2011, 3, 1), D(2011, 3, 31), P.MONTH, "Mar 2011"),
    ("Oct-14", D(2014, 10, 1), D(2014, 10, 31), P.MONTH, "Oct 2014"),
    ("Sep-2015", D(2015, 9, 1), D(2015, 9, 30), P.MONTH, "Sep 2015"),
    # Financial years and their quarters.
    ("FY 2014-15", D(2014, 4, 1), D(2015, 3, 31), P.FINANCIAL_YEAR, "2014/15"),
    ("2014-15 Q3", D(2014, 10, 1), D(2014, 12, 31), P.FINANCIAL_QUARTER, "Q3 2014/15"),
    ("Q3 14/15", D(2014, 10, 1), D(2014, 12, 31), P.FINANCIAL_QUARTER, "Q3 2014/15"),
    ("Q2 2014/2015", D(2014, 7, 1), D(2014, 9, 30), P.FINANCIAL_QUARTER, "Q2 2014/15"),
    ("Q1-Q2 14/15", D(2014, 4, 1), D(2014, 9, 30), P.RANGE, "Apr–Sep 2014"),
    ("Q1/Q2 2014/15", D(2014, 4, 1), D(2014, 9, 30), P.RANGE, "Apr–Sep 2014"),
    # Pairs and spans joined by a slash.
    ("Spring/Summer 2012", D(2012, 3, 1), D(2012, 8, 31), P.RANGE, "Mar–Aug 2012"),
    ("May/June 2013", D(2013, 5, 1), D(2013, 6, 30), P.RANGE, "May–Jun 2013"),
    ("October 2012/ March 2013", D(2012, 10, 1), D(2013, 3, 31), P.RANGE, "Oct 2012–Mar 2013"),
    ("Jan/Feb 2010", D(2010, 1, 1), D(2010, 2, 28), P.RANGE, "Jan–Feb 2010"),
    # Parts of a year and spans of seasons, as local-plan timetables write them (Bromley's
    # Local Development Scheme, 2017; Crawley's, 2020; Waverley's, 2021).
    ("early 2018", D(2018, 1, 1), D(2018, 4, 30), P.EARLY_YEAR, "early 2018"),
    ("late 2017", D(2017, 9, 1), D(2017, 12, 31), P.END_YEAR, "end 2017"),
    ("mid-2016", D(2016, 5, 1), D(2016, 8, 31), P.MID_YEAR, "mid 2016"),
    ("Summer/Autumn 2017", D(2017, 6, 1), D(2017, 11, 30), P.RANGE, "Jun–Nov 2017"),
    ("late 2021/spring 2022", D(2021, 9, 1), D(2022, 5, 31), P.RANGE, "Sep 2021–May 2022"),
    ("September/October 2022*", D(2022, 9, 1), D(2022, 10, 31), P.RANGE, "Sep–Oct 2022"),
    ("January – May 2017", D(2017, 1, 1), D(2017, 5, 31), P.RANGE, "Jan–May 2017"),
    ("September to October 2013", D(2013, 9, 1), D(2013, 10, 31), P.RANGE, "Sep–Oct 2013"),
    # A year in a name is skipped for the date after it.
    ("Localism Act 2011 duties from April 2012", D(2012, 4, 1), None, P.FROM, "from Apr 2012"),
]


@pytest.mark.parametrize(("text", "earliest", "latest", "precision", "printed"), TRACKERS)
def test_trackers_dates_are_read_for_what_they_mean_and_print_in_report_style(
    text, earliest, latest, precision, printed
):
    got = parse(text)
    assert (got.earliest, got.latest, got.precision, got.problem) == (
        earliest,
        latest,
        precision,
        "",
    )
    assert format(got) == printed
    again = parse(format(got))  # and the print reads back the same
    assert (again.earliest, again.latest, again.precision) == (earliest, latest, precision)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("31/04/2012", "There is no 31 April 2012."),
        ("Q5 2011", "There is no fifth quarter: quarters are Q1–Q4."),
        ("1/013/2012", "This is not a date: a day or month has three digits"),
        ("2014-15 Q5", "There is no fifth quarter: quarters are Q1–Q4."),
    ],
)
def test_an_impossible_date_is_unreadable_with_a_reason_never_the_whole_year(text, problem):
    got = parse(text)
    assert got.precision == P.UNDATED and got.earliest is None and got.latest is None
    assert got.problem.startswith(problem)
    assert format(got) == text  # kept as the words written


@pytest.mark.parametrize(
    "text",
    ["Localism Act 2011", "the 2010 Spending Review", "Welfare Reform Bill 2011", "2012 Olympics"],
)
def test_a_year_inside_a_name_is_not_a_date(text):
    got = parse(text)
    assert got.precision == P.UNDATED and got.problem == ""


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("2011", D(2011, 1, 1), D(2011, 12, 31)),
        ("Review in 2011", D(2011, 1, 1), D(2011, 12, 31)),
        ("2011 Onwards", D(2011, 1, 1), None),  # a capitalised date word keeps it a date
        ("Forward dates OPM 28 Apr/2 June", None, None),  # alternatives of days: the first
    ],
)
def test_years_and_day_alternatives_read_as_before(text, earliest, latest):
    got = parse(text, year_hint=2009)
    if earliest is None:
        assert (got.earliest, got.latest) == (D(2009, 4, 28), D(2009, 4, 28))
    else:
        assert (got.earliest, got.latest) == (earliest, latest)
