"""The savings chart the savings page and the committee pack draw."""

import pytest

from programmes.models import Programme, SavingsLine
from programmes.savings_chart import savings_chart_svg
from tests.core.drawings import SVG, parsed, texts

MIP = "manchester-improvement-programme"
WIGAN = "wigan-support-services-review"

pytestmark = pytest.mark.django_db


def test_savings_chart_of_mip():
    programme = Programme.objects.get(slug=MIP)
    root = parsed(savings_chart_svg(programme))
    words = texts(root)
    assert {"2007/08", "2008/09", "2009/10", "2010/11"} <= set(words)
    assert {"£13.182m", "£10.885m", "£1.1m", "£22.3m", "£14.4m"} <= set(words)
    assert {"Target", "Forecast", "Achieved"} <= set(words)  # the legend, in words
    assert (
        "2008/09: target £13.182m, forecast £10.885m, achieved none" in root.find(f"{SVG}desc").text
    )


def test_savings_chart_of_chosen_lines_and_of_none():
    programme = Programme.objects.get(slug=WIGAN)
    lines = SavingsLine.objects.filter(programme=programme, recurrence="one_off")
    words = texts(parsed(savings_chart_svg(programme, lines=lines)))
    assert "£738k" in words and "£1.316m" not in words
    empty = parsed(savings_chart_svg(programme, lines=[]))
    assert "No savings by financial year are recorded." in texts(empty)
