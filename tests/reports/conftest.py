"""Rendering a PDF takes a second or more, and the seed data are the same in every test, so each
(kind, programme) report is rendered once per session and its text kept for every test that
asserts facts about it."""

import re
from dataclasses import dataclass
from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

from programmes.models import Programme
from reports.kinds import build_report, get_kind
from reports.options import ReportOptions
from reports.rendering import render_pdf

# Each seed report's own as-at date.
SEED_AS_AT = {
    "agma-collaborative-services": date(2010, 3, 31),
    "enhanced-two-tier-working": date(2007, 7, 12),
    "manchester-improvement-programme": date(2009, 2, 5),
    "herts-programme-milestones-2008": date(2008, 12, 31),
    "wigan-support-services-review": date(2008, 10, 6),
}

_rendered: dict[tuple[str, str, bool], "RenderedReport"] = {}


def words(text: str) -> str:
    """Text with every run of white space made one space: cells wrap lines anywhere."""
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class RenderedReport:
    pdf: bytes
    pages: list[str]
    reader: PdfReader

    @property
    def text(self) -> str:
        return words(" ".join(self.pages))


def read_pdf(content: bytes) -> RenderedReport:
    reader = PdfReader(BytesIO(content))
    return RenderedReport(content, [page.extract_text() for page in reader.pages], reader)


@pytest.fixture
def rendered(db):
    """``rendered(kind, slug)``: the seed programme's report as of its own as-at date (with
    ``normalise=True``, its dates and ratings written in one style)."""

    def render(kind: str, slug: str, normalise: bool = False) -> RenderedReport:
        if (kind, slug, normalise) not in _rendered:
            programme = Programme.objects.get(slug=slug)
            options = ReportOptions(as_at=SEED_AS_AT[slug], normalise=normalise)
            report = build_report(get_kind(kind), programme, options)
            _rendered[kind, slug, normalise] = read_pdf(render_pdf(report).content)
        return _rendered[kind, slug, normalise]

    return render


# The seed programmes as fixtures, shared with tests/programmes (the meetings page tests use them).
from tests.seed_programmes import managed_programme, wigan  # noqa: E402, F401
from tests.update_cycle import hr, march, stage_0_1  # noqa: E402, F401
