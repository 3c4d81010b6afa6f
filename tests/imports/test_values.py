"""Cells turned into what records hold: pounds, dates Excel kept as numbers, financial years Excel
turned into dates, ratings and levels in the programme's own words."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from imports import amounts, values
from imports.values import CellError

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "cell, amount, words",
    [
        (13182000, Decimal("13182000.00"), ""),
        (3995.5, Decimal("3995.50"), ""),
        ("£1.316m", Decimal("1316000.00"), ""),
        ("£180k", Decimal("180000.00"), ""),
        ("£50,000", Decimal("50000.00"), ""),
        ("minimum £50,000", Decimal("50000.00"), "minimum"),
        ("tbc", None, "tbc"),
        ("-", None, ""),
        (None, None, ""),
    ],
)
def test_money_as_people_write_it(cell, amount, words):
    assert amounts.money(cell)[:2] == (amount, words)


def test_negative_money_is_refused():
    with pytest.raises(CellError, match="cannot be negative"):
        amounts.money("(£1,000)")


@pytest.mark.parametrize(
    "cell, unit, amount, note",
    [
        (1514, 1000, Decimal("1514000.00"), ""),
        ("1,514", 1000, Decimal("1514000.00"), ""),
        ("£1.2m", 1000, Decimal("1200000.00"), ""),
        ("(328)", 1000, Decimal("328000.00"), '"(328)" is written as a negative number: read as '),
        (-150, 1, Decimal("150.00"), '"-150" is written as a negative number: read as £150 saved.'),
        ("£300–400k", 1, Decimal("300000.00"), '"£300–400k" is a range: the lower figure'),
        ("50,000 minimum", 1, Decimal("50000.00"), 'The words "minimum" beside the amount'),
        ("Exempt under section 41", 1, None, '"Exempt under section 41" is words, not an amount'),
        ("n/a", 1, None, ""),
        ("nil", 1, None, ""),
        ("TBC", 1, None, '"TBC" is kept as words, with no amount.'),
    ],
)
def test_amounts_in_a_columns_unit_and_savings_written_as_negatives(cell, unit, amount, note):
    found, _, said = amounts.money(cell, unit=Decimal(unit), negatives=True)
    assert found == amount
    assert said.startswith(note)


def test_dates_excel_kept_as_numbers_and_years_written_as_numbers():
    found, note = values.fuzzy(40179, quarters="calendar")
    assert (found.current.earliest, note) == (
        date(2010, 1, 1),
        "Excel had stored this date as the number 40179: read as 1 Jan 2010.",
    )
    found, note = values.fuzzy(2009, quarters="calendar")
    assert (found.current.text, found.current.precision, note) == ("2009", "year", "")
    found, _ = values.fuzzy(datetime(2010, 3, 31, 0, 0), quarters="calendar")
    assert found.current.text == "31 Mar 2010"
    with pytest.raises(CellError, match="is a number, not a date"):
        values.fuzzy(12, quarters="calendar")


@pytest.mark.parametrize(
    "cell, year",
    [
        ("2009/10", 2009),
        ("09/10", 2009),
        ("2009-10", 2009),
        (2009, 2009),
        (datetime(2009, 10, 1), 2009),
    ],
)
def test_financial_years(cell, year):
    assert values.financial_year(cell)[0] == year


def test_a_date_that_is_not_a_mangled_financial_year_is_refused():
    with pytest.raises(CellError, match="is a date, not a financial year"):
        values.financial_year(date(2010, 3, 31))


def test_rag_in_the_programmes_own_words(agma):
    herts = type(agma).objects.get(slug="herts-programme-milestones-2008")
    assert values.rag("Urgent Action", herts) == "red"
    with pytest.raises(CellError, match="not on this programme's RAG scale: use Red, Amber, Green"):
        values.rag("Amber/Green", agma)
    assert values.rag("G", agma) == "green"
    assert values.rag("Not rated", agma) == ""


def test_levels_and_the_words_beside_them(wigan):
    assert values.level("Moderate", wigan) == (2, "")
    assert values.level("Throughout the process so therefore will be High", wigan) == (
        3,
        "Throughout the process so therefore will be",
    )
    assert values.level("Hard to say", wigan) == (None, "Hard to say")


def test_yes_and_no():
    assert values.yes_no("Y", what="it was approved") is True
    assert values.yes_no("No", what="it was approved") is False
    assert values.yes_no("", what="it was approved") is None
    with pytest.raises(CellError, match="does not say whether it was approved"):
        values.yes_no("Perhaps", what="it was approved")
    assert values.open_or_closed("Closed") is False and values.open_or_closed(None) is True


def test_text_of_a_cell():
    assert values.text(3.0) == "3"
    assert values.text(datetime(2010, 3, 31)) == "31/03/2010"
    assert values.text("  line one\r\nline two  ") == "line one\nline two"
    assert values.same_text("\r=1+2", "\n=1+2") and not values.same_text("a", "b")


@pytest.mark.parametrize(
    ("cell", "number"), [(12, 12), (12.0, 12), ("12", 12), (" 12 ", 12), ("", None)]
)
def test_ids_and_versions_are_whole_numbers_however_the_cell_holds_them(cell, number):
    assert values.record_id(cell) == number
    assert values.version(cell) == number


def test_an_id_or_a_version_that_is_not_a_whole_number_is_refused_with_what_to_do():
    for cell in ("twelve", 12.5, True, "0"):
        with pytest.raises(CellError, match="is not an ID"):
            values.record_id(cell)
    for cell in ("two", 2.5, True):
        with pytest.raises(CellError, match="The version is a number the export writes"):
            values.version(cell)
