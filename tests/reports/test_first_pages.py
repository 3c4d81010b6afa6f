"""The first page of each seed's own report, as the README shows it: drawn from the PDF with
pypdfium2, and saved under docs/reports/ by the switch that refreshes the screenshots
(SAVE_SCREENSHOTS=1 make test)."""

import os
from pathlib import Path

import pypdfium2
import pytest
from PIL import ImageOps

from .test_seed_reports import AGMA, ETTW, HERTS, MIP, WIGAN

pytestmark = pytest.mark.django_db

FIRST_PAGES = Path(__file__).resolve().parents[2] / "docs" / "reports"

# Each seed and the report it was typed as by hand.
NATIVE = [
    ("milestones", AGMA),
    ("programme", ETTW),
    ("committee", MIP),
    ("grid", HERTS),
    ("closure", WIGAN),
]
LANDSCAPE = {"milestones", "grid"}


def first_page(pdf: bytes, *, scale: float = 1.5):
    """The PDF's first page as a picture, 108 dots per inch: legible in the README."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        return document[0].render(scale=scale).to_pil().convert("RGB")
    finally:
        document.close()


def save_first_page(image, name: str) -> None:
    if os.environ.get("SAVE_SCREENSHOTS"):
        FIRST_PAGES.mkdir(parents=True, exist_ok=True)
        image.save(FIRST_PAGES / f"{name}.png", optimize=True)


@pytest.mark.parametrize(("kind", "slug"), NATIVE)
def test_first_page_of_each_seed_report(rendered, kind, slug):
    image = first_page(rendered(kind, slug).pdf)
    width, height = image.size
    assert (width > height) == (kind in LANDSCAPE)
    # Something is printed on it: the page is not blank paper.
    assert ImageOps.invert(image.convert("L")).getbbox() is not None
    save_first_page(image, f"{slug}-{kind}")
