"""The Gantt chart of a programme's timeline, as the timeline page shows it."""

from datetime import date

import pytest

from milestones.timeline import timeline_rows
from milestones.timeline_chart import timeline_svg
from programmes.models import Programme
from tests.core.drawings import SVG, parsed, texts

AGMA = "agma-collaborative-services"

pytestmark = pytest.mark.django_db


def test_timeline_of_agma():
    programme = Programme.objects.get(slug=AGMA)
    root = parsed(timeline_svg(programme, today=date(2010, 3, 15)))
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


def test_the_months_drawn_can_be_chosen():
    programme = Programme.objects.get(slug=AGMA)
    rows = timeline_rows(programme)
    svg = timeline_svg(
        programme, today=date(2026, 1, 1), rows=rows, start=date(2009, 4, 9), months=6
    )
    assert "April 2009 to September 2009" in svg
    assert "Today (1 January 2026) is after the months shown" in svg
    five_years = timeline_svg(programme, today=date(2026, 1, 1), rows=rows, months=120)
    assert "January 2009 to December 2013" in five_years
