"""The PDF stays tagged for PDF/UA-1: walking each report kind's structure tree, as a screen
reader does, finds the document's language and title (shown as the window's title), headings
in order with none skipped and one H1, header cells (TH) in every table and alternative text on
every figure."""

from io import BytesIO
from itertools import pairwise

import pikepdf
import pytest

from .test_html_pack import CASES

pytestmark = pytest.mark.django_db


def structure(pdf: pikepdf.Pdf) -> list[tuple[str, pikepdf.Dictionary, list]]:
    """Every structure element as (standard type, element, its ancestors' types), in reading
    order; custom types are mapped through the document's RoleMap."""
    root = pdf.Root.StructTreeRoot
    role_map = root.get("/RoleMap", {})
    found = []

    def walk(element, ancestors):
        kind = str(element.get("/S", ""))
        kind = str(role_map.get(kind, kind))
        found.append((kind, element, ancestors))
        kids = element.get("/K")
        if kids is None:
            return
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                walk(kid, [*ancestors, kind])

    kids = root.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        walk(kid, [])
    return found


@pytest.fixture
def tagged(rendered):
    def open_pdf(kind, slug):
        return pikepdf.open(BytesIO(rendered(kind, slug).pdf))

    return open_pdf


@pytest.mark.parametrize(("kind", "slug"), CASES)
def test_pdf_declares_language_and_title(tagged, kind, slug):
    pdf = tagged(kind, slug)
    assert str(pdf.Root.Lang) == "en-GB"
    assert bool(pdf.Root.MarkInfo.Marked)
    assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
    title = str(pdf.docinfo.Title)
    assert title
    with pdf.open_metadata() as xmp:
        assert xmp["dc:title"] == title
        assert xmp["pdfuaid:part"] == "1"


@pytest.mark.parametrize(("kind", "slug"), CASES)
def test_pdf_headings_come_in_order(tagged, kind, slug):
    pdf = tagged(kind, slug)
    levels = [
        int(name[2])
        for name, _, _ in structure(pdf)
        if len(name) == 3 and name.startswith("/H") and name[2].isdigit()
    ]
    assert levels[0] == 1
    assert levels.count(1) == 1
    skipped = [(before, after) for before, after in pairwise(levels) if after > before + 1]
    assert skipped == [], f"heading levels skipped in the {kind} report: {skipped}"


@pytest.mark.parametrize(("kind", "slug"), CASES)
def test_every_pdf_table_has_header_cells(tagged, kind, slug):
    pdf = tagged(kind, slug)
    elements = structure(pdf)
    tables = [index for index, (name, _, _) in enumerate(elements) if name == "/Table"]
    assert tables
    for start in tables:
        depth = len(elements[start][2])
        cells = []
        for name, _, ancestors in elements[start + 1 :]:
            if len(ancestors) <= depth:
                break
            cells.append(name)
        assert "/TH" in cells, f"a table of the {kind} report has no header cell"


@pytest.mark.parametrize(("kind", "slug"), CASES)
def test_every_pdf_figure_has_alternative_text(tagged, kind, slug):
    pdf = tagged(kind, slug)  # kept open while its objects are read
    figures = [element for name, element, _ in structure(pdf) if name == "/Figure"]
    assert all(str(figure.get("/Alt", "")).strip() for figure in figures)
    if kind == "savings":
        assert [str(figure.Alt) for figure in figures] == [
            "Support Services Review: savings by financial year"
        ]
