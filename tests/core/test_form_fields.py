"""Reading money and financial years the way people type them."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from core.form_fields import FinancialYearField, parse_pounds


@pytest.mark.parametrize(
    ("typed", "pounds"),
    [
        ("1250000", "1250000"),
        ("£1,250,000", "1250000"),
        (" £ 1,250,000.50 ", "1250000.50"),
        ("£1.25m", "1250000"),
        ("1.316M", "1316000"),
        ("£180k", "180000"),
        ("3 million", "3000000"),
        ("£3,995.5", "3995.50"),
        ("0", "0"),
    ],
)
def test_money_as_people_type_it(typed, pounds):
    assert parse_pounds(typed) == Decimal(pounds)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("about a million", "Enter an amount in pounds"),
        ("1,25", "Enter an amount in pounds"),
        ("12,34,567", "Enter an amount in pounds"),
        ("$500", "Enter an amount in pounds"),
        ("£", "Enter an amount in pounds"),
        ("1.2.3", "Enter an amount in pounds"),
        ("-500", "cannot be negative"),
        ("£-500", "cannot be negative"),
        ("10.005", "to the penny"),
        ("1000000m", "too large"),
    ],
)
def test_money_refused_in_plain_english(typed, message):
    with pytest.raises(ValidationError) as refused:
        parse_pounds(typed)
    assert message in refused.value.messages[0]


def test_financial_year_field():
    field = FinancialYearField()
    assert field.clean("2009/10") == 2009
    assert field.clean("09/10") == 2009
    assert field.clean("") is None
    assert field.prepare_value(2009) == "2009/10"
    with pytest.raises(ValidationError, match="write it like 2009/10"):
        field.clean("soon")
