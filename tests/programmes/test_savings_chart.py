"""The savings chart the savings page and the committee pack draw."""

import pytest
from django.urls import reverse

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


def bars_and_axis(root):
    """Each bar's top and label, and the top gridline's height."""
    lines = [float(line.get("y1")) for line in root.iter(f"{SVG}line")]
    labels = {(round(float(t.get("y")) + 4, 1), t.text) for t in root.iter(f"{SVG}text")}
    bars = [
        (float(rect.get("y")), rect.find(f"{SVG}title").text)
        for rect in root.iter(f"{SVG}rect")
        if rect.find(f"{SVG}title") is not None
    ]
    return bars, min(lines), labels


def test_the_axis_covers_the_largest_bar_and_its_label_is_drawn(manager_client):
    """MIP's largest bar is 2009/10's target of £22.3m: with gridlines every £5m the axis goes
    to £25m (it stopped at £20m and cut the bar and its label off)."""
    programme = Programme.objects.get(slug=MIP)
    page = manager_client.get(reverse("registers:savings", kwargs={"programme": MIP}))
    drawn = page.content.decode()
    start = drawn.index('<svg xmlns="http://www.w3.org/2000/svg"')
    for svg in (str(savings_chart_svg(programme)), drawn[start : drawn.index("</svg>", start) + 6]):
        root = parsed(svg)
        bars, top_gridline, labels = bars_and_axis(root)
        assert "£25m" in texts(root)
        highest_y, highest = min(bars)
        assert highest == "2009/10 target: £22.3m"
        assert highest_y >= top_gridline >= 0
        assert (round(highest_y, 1), "£22.3m") in labels
        assert all(y >= top_gridline for y, _ in bars)
