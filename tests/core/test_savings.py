"""The one rule for savings figures: expected savings, shortfall and totals (``core.savings``)."""

from decimal import Decimal

import pytest

from core.savings import Figures, SavingsPosition, by_kind_and_year, by_year, expected, shortfall


def line(target=None, forecast=None, achieved=None, year=2009, kind="cashable"):
    return Figures(
        target=target if target is None else Decimal(target),
        forecast=forecast if forecast is None else Decimal(forecast),
        achieved=achieved if achieved is None else Decimal(achieved),
        financial_year=year,
        kind=kind,
    )


@pytest.mark.parametrize(
    ("figures", "result"),
    [
        ({"target": "100", "forecast": "60"}, 40),  # forecast until something is achieved
        ({"target": "100", "forecast": "60", "achieved": "90"}, 10),  # then the achieved
        ({"target": "100", "achieved": "130"}, 0),  # over-achieved: no shortfall, not minus 30
        ({"target": "100"}, None),  # nothing forecast or achieved: unknown, not £100
        ({"forecast": "50"}, None),  # no target: no shortfall, not £0
        ({}, None),
    ],
)
def test_a_lines_shortfall(figures, result):
    assert shortfall(line(**figures)) == result


def test_expected_is_achieved_once_recorded_else_forecast():
    assert expected(line(forecast="60")) == 60
    assert expected(line(forecast="60", achieved="0")) == 0  # £0 achieved is a figure
    assert expected(line()) is None


def test_a_line_without_a_target_does_not_hide_anothers_shortfall():
    """The overview used to say £0 here and the savings page £50."""
    position = SavingsPosition.of([line(target="100", forecast="50"), line(forecast="50")])
    assert position.shortfall == 50
    assert (position.target, position.forecast, position.achieved) == (100, 100, None)
    assert (position.expected, position.without_target) == (50, 50)


def test_a_sets_shortfall_comes_from_its_totals():
    """One line's extra savings make up another's shortfall, so the total row reads target
    less expected; one-off and recurring lines add up alike."""
    position = SavingsPosition.of([line(target="100", achieved="50"), line("50", achieved="100")])
    assert (position.target, position.expected, position.shortfall) == (150, 150, 0)


def test_targets_with_no_figure_yet_are_kept_out_of_the_shortfall_and_said_apart():
    position = SavingsPosition.of([line(target="100", forecast="90"), line(target="80")])
    assert position.target == 180
    assert position.shortfall == 10
    assert position.target_without_figures == 80


def test_no_figures_are_none_not_zero():
    position = SavingsPosition.of([line(target="100")])
    assert (position.forecast, position.achieved, position.shortfall) == (None, None, None)
    empty = SavingsPosition.of([])
    assert (empty.target, empty.forecast, empty.shortfall) == (None, None, None)


def test_by_year_adds_up_each_year_and_runs_cumulatively():
    years = by_year(
        [
            line(target="100", achieved="60", year=2009),
            line(target="50", forecast="50", year=2009),
            line(target="10", achieved="20", year=2008),
            line(achieved="999", year=None),  # belongs to no year: listed apart
        ]
    )
    assert [year.label for year in years] == ["2008/09", "2009/10"]
    y2008, y2009 = years
    assert (y2009.target, y2009.forecast, y2009.achieved, y2009.shortfall) == (150, 50, 60, 40)
    assert y2008.shortfall == 0
    assert (y2009.to_date.target, y2009.to_date.achieved) == (160, 80)
    assert y2009.to_date.shortfall == 30  # 160 targeted, 130 expected


def test_recurring_savings_are_not_carried_into_later_years():
    """Wigan: £1.316m, a further £1.25m, a further £1.25m: £3.816m in all, a plain sum."""
    years = by_year(
        [
            line(target="1316000", year=2008),
            line(target="1250000", year=2009),
            line(target="1250000", year=2010),
        ]
    )
    assert [year.target for year in years] == [1316000, 1250000, 1250000]
    assert years[-1].to_date.target == Decimal("3816000")


def test_by_kind_and_year_keeps_kinds_apart_and_leaves_out_empty_kinds():
    kinds = by_kind_and_year(
        [
            line(target="100", forecast="40", kind="cashable"),
            line(achieved="30", kind="non_cashable", year=None),
        ],
        [("cashable", "Cashable"), ("non_cashable", "Non-cashable")],
    )
    assert [kind.label for kind in kinds] == ["Cashable"]
    assert kinds[0].totals.shortfall == 60
