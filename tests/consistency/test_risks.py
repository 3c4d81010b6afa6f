"""A risk rated High likelihood by High impact whose officer chose Green: the overview, the heat
map, the register and the risks and closure reports all call it red, because each asks
``Programme.risk_rating``; and all show the Green its officer chose."""

import re

import pytest
from django.urls import reverse

from programmes.models import Risk

from .conftest import page, preview, row, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def risks(programme):
    Risk.objects.create(programme=programme, title="Data loss", likelihood=3, impact=3, rag="green")
    # Chosen Red but Low by Low on the matrix: not a red risk anywhere either.
    Risk.objects.create(programme=programme, title="Late post", likelihood=1, impact=1, rag="red")


def test_the_high_by_high_green_risk_is_red_everywhere(reader_client, programme, risks):
    overview = text(page(reader_client, reverse("programmes:overview", args=[programme.slug])))
    assert "1 red risk " in overview
    red_list = overview.split("Red risks", 1)[1]
    assert "Red (RAG status chosen: Green) Data loss" in red_list
    assert "Late post" not in red_list

    register = page(reader_client, reverse("registers:risks", args=[programme.slug]))
    high = row(register, "Likelihood: High")
    assert high.endswith("Red 1 risk Data loss")  # the High impact cell
    cell = r'class="rag-red border[^"]*"[^>]*>\s*<span class="fw-bold">Red</span>'
    assert re.search(cell, register)  # coloured red as well as saying so
    assert "Data loss Whole programme High High Red Green Differs from the rating" in row(
        register, "Data loss"
    )
    assert "Late post Whole programme Low Low Green Red Differs from the rating" in row(
        register, "Late post"
    )

    report = preview(reader_client, programme, "risks")
    assert row(report, "High").endswith("Red R1")  # the heat map's High by High cell
    assert "Open risks rated Red: R1. Data loss." in text(report)
    assert "R1. Data loss High High Red Green Differs from the rating" in text(report)

    closure = text(preview(reader_client, programme, "closure"))
    assert "R1. Data loss High High Red Green Differs from the rating" in closure
    assert "R2. Late post Low Low Green Red Differs from the rating" in closure
