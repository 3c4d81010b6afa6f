"""The drawings shared by the pages and the PDF reports."""

import xml.etree.ElementTree as ET
from datetime import date
from types import SimpleNamespace

import pytest

from core import fuzzydates
from programmes import charts
from programmes.models import Programme, SavingsLine
from tests.seed_programmes import AGMA, MIP, WIGAN

SVG = "{http://www.w3.org/2000/svg}"


def parsed(svg: str) -> ET.Element:
    """The drawing is well-formed XML and fetches nothing from anywhere."""
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert "href" not in svg and "url(" not in svg and "<script" not in svg
    assert root.find(f"{SVG}title").text and root.find(f"{SVG}desc").text
    return root


def texts(root: ET.Element) -> list[str]:
    return [element.text for element in root.iter(f"{SVG}text")]


@pytest.mark.django_db
def test_savings_chart_of_mip():
    programme = Programme.objects.get(slug=MIP)
    root = parsed(charts.savings_chart_svg(programme))
    words = texts(root)
    assert {"2007/08", "2008/09", "2009/10", "2010/11"} <= set(words)
    assert {"£13.182m", "£10.885m", "£1.1m", "£22.3m", "£14.4m"} <= set(words)
    assert {"Target", "Forecast", "Achieved"} <= set(words)  # the legend, in words
    assert (
        "2008/09: target £13.182m, forecast £10.885m, achieved none" in root.find(f"{SVG}desc").text
    )


@pytest.mark.django_db
def test_savings_chart_of_chosen_lines_and_of_none():
    programme = Programme.objects.get(slug=WIGAN)
    lines = SavingsLine.objects.filter(programme=programme, recurrence="one_off")
    words = texts(parsed(charts.savings_chart_svg(programme, lines=lines)))
    assert "£738k" in words and "£1.316m" not in words
    empty = parsed(charts.savings_chart_svg(programme, lines=[]))
    assert "No savings by financial year are recorded." in texts(empty)


def test_heat_map_rows_most_likely_first_rated_on_the_programmes_matrix():
    risks = [
        SimpleNamespace(title="A", likelihood=3, impact=3),
        SimpleNamespace(title="B", likelihood=1, impact=2),
        SimpleNamespace(title="C", likelihood=None, impact=2),
    ]
    programme = Programme(name="P", rag_labels={"red": "Urgent Action"})
    rows = charts.risk_heatmap(risks, programme)
    assert [row.label for row in rows] == ["High", "Medium", "Low"]
    top_right = rows[0].cells[2]
    assert (top_right.word, top_right.css, top_right.count) == ("Urgent Action", "rag-red", 1)
    assert [risk.title for risk in rows[2].cells[1].risks] == ["B"]
    assert [risk.title for risk in charts.unplaced_risks(risks, programme)] == ["C"]


def test_a_programmes_own_matrix_colours_the_heat_map():
    programme = Programme(
        name="P",
        risk_matrix=[
            ["amber", "amber", "red"],
            ["green", "amber", "amber"],
            ["green", "green", "green"],
        ],
    )
    rows = charts.risk_heatmap([], programme)
    assert [cell.rating for cell in rows[0].cells] == ["amber", "amber", "red"]
    assert [cell.word for cell in rows[2].cells] == ["Green", "Green", "Green"]


@pytest.mark.django_db
def test_timeline_of_agma():
    programme = Programme.objects.get(slug=AGMA)
    root = parsed(charts.timeline_svg(programme, today=date(2010, 3, 15)))
    words = texts(root)
    assert "Today" in words
    assert {"2009", "2010", "2011"} <= set(words)
    assert "Transactional HR" in words and "Stage 0-1" in words
    assert "Planned (top bar)" in words and "Actual (bottom bar)" in words
    bars = [rect for rect in root.iter(f"{SVG}rect") if rect.find(f"{SVG}title") is not None]
    assert any(
        bar.find(f"{SVG}title").text == "Stage 0-1, planned: 1 Sep 2009 to 30 Jun 2010"
        for bar in bars
    )


@pytest.mark.django_db
def test_timeline_range_is_capped_and_chosen():
    programme = Programme.objects.get(slug=AGMA)
    rows = charts.timeline_rows(programme)
    assert charts.timeline_range(rows, today=date(2026, 1, 1)) == (date(2009, 1, 1), 36)
    svg = charts.timeline_svg(
        programme, today=date(2026, 1, 1), rows=rows, start=date(2009, 4, 9), months=6
    )
    assert "April 2009 to September 2009" in svg
    assert "Today (1 January 2026) is after the months shown" in svg


def test_timeline_range_with_nothing_dated():
    assert charts.timeline_range([], today=date(2010, 7, 20)) == (date(2010, 1, 1), 12)


def test_milestone_spans_from_fuzzy_dates():
    milestone = SimpleNamespace(
        planned_start=fuzzydates.parse("Q1 2009"),
        planned_completion=fuzzydates.parse("end July 2009"),
        forecast_completion=fuzzydates.parse("September 2009"),
        actual_start=fuzzydates.parse("2 February 2009"),
        actual_completion=fuzzydates.parse(""),
    )
    planned, forecast, actual = charts.milestone_spans(milestone)
    assert (planned.first, planned.last) == (date(2009, 1, 1), date(2009, 7, 31))
    assert (forecast.first, forecast.last) == (date(2009, 2, 2), date(2009, 9, 30))
    assert (actual.first, actual.last) == (date(2009, 2, 2), None)  # still under way
