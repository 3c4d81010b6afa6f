"""A fresh programme that the demo reader may read, and ways to read what each page, report and
workbook prints about it."""

import io
import re
from html import unescape

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from programmes.models import ProgrammeAccess
from tests.factories import ProgrammeFactory


@pytest.fixture
def programme(db, django_user_model):
    programme = ProgrammeFactory(name="Consistency Programme")
    ProgrammeAccess.objects.create(
        programme=programme,
        user=django_user_model.objects.get(username="reader"),
        role=ProgrammeAccess.Role.READER,
    )
    return programme


def text(html: str) -> str:
    """HTML as a reader sees it: no tags, one space between words."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def page(client, url: str, params=None) -> str:
    response = client.get(url, params or {})
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def row(html: str, starts: str) -> str:
    """The text of the first table row that starts with ``starts``."""
    for found in re.findall(r"<tr[^>]*>.*?</tr>", html, flags=re.S):
        words = text(found)
        if words.startswith(starts + " ") or words == starts:
            return words
    raise AssertionError(f"No row starts with {starts!r}")


# What the consumers are compared on: a report's Status column and dates in one style are
# options (by default a report prints only what the council's own format has, in its words).
REPORT_OPTIONS = {"normalise": "on", "columns": ["status"]}


def report_options(kind: str) -> dict:
    """``REPORT_OPTIONS`` for a kind: the Status column where the kind offers one, and the
    closure's risk log with the rating worked out on the matrix (a column it offers)."""
    if kind == "closure":
        return {**REPORT_OPTIONS, "columns": ["status", "rating"]}
    if kind == "milestones":
        return REPORT_OPTIONS
    return {"normalise": "on"}


def preview(client, programme, kind: str) -> str:
    url = reverse("reports:preview", args=[programme.slug, kind])
    return page(client, url, report_options(kind))


def workbook_rows(client, programme, sheet: str, url: str = "") -> list[dict]:
    """The rows of one sheet of the programme's workbook (or of the download at ``url``)."""
    url = url or reverse("spreadsheets:workbook", kwargs={"programme": programme.slug})
    response = client.get(url)
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(book[sheet].iter_rows(values_only=True))
    return [dict(zip(rows[0], values, strict=True)) for values in rows[1:]]
