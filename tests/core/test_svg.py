"""The pieces every drawing is made of: its title and description, its words, its axis steps."""

from decimal import Decimal

import pytest

from core import svg

from .drawings import SVG, parsed, texts


@pytest.mark.parametrize(
    ("value", "step"),
    [
        (Decimal(0), Decimal(1)),
        (Decimal("0.4"), Decimal(1)),
        (Decimal(7), Decimal(10)),
        (Decimal(180), Decimal(200)),
        (Decimal(2100), Decimal(2500)),
        (Decimal(2_636_400), Decimal(5_000_000)),
    ],
)
def test_axis_steps_are_tidy(value, step):
    assert svg.nice_step(value) == step


def test_a_drawing_says_what_it_shows_and_escapes_its_words():
    parts = svg.opening(200, 50, "Savings & risks", 'Figures "in words" <here>', "chart-1")
    parts.append(svg.text(10, 20, "£1.3m < £2m", anchor="middle", weight="bold"))
    root = parsed("".join(parts) + "</svg>")
    assert root.get("aria-labelledby") == "chart-1-title chart-1-desc"
    assert root.find(f"{SVG}title").text == "Savings & risks"
    assert root.find(f"{SVG}desc").text == 'Figures "in words" <here>'
    assert texts(root) == ["£1.3m < £2m"]
    label = next(root.iter(f"{SVG}text"))
    assert (label.get("text-anchor"), label.get("font-weight")) == ("middle", "bold")
