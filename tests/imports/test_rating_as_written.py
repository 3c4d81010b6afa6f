"""A risk log's likelihood and impact come in as levels on the programme's scale, and the level
as the council wrote it ("Moderate" for Medium) comes in too, so that reports print it in the
author's words."""

import pytest

from programmes.models import Risk
from tests.imports.conftest import commit, workbook

pytestmark = pytest.mark.django_db

HEADINGS = ["Risk", "Frequency", "Severity", "Lead Officer", "Status (Red, Amber Green)"]


def test_a_level_word_is_kept_as_the_council_wrote_it(wigan):
    rows = [
        HEADINGS,
        ["Policy changes", "Ongoing Moderate", "High", "C Exec/SMT", "Red"],
        ["Schools", "Moderate", "Medium", "PMT/CYPS liaison", "Amber"],
        ["Skills", "Currently High as skills not yet identified", "3", "PMT", "Amber"],
    ]
    commit(workbook({"Risk log": rows}), wigan, kind="risks")
    risks = {
        risk.title: (
            risk.likelihood,
            risk.likelihood_note,
            risk.likelihood_as_written,
            risk.impact,
            risk.impact_as_written,
        )
        for risk in Risk.objects.filter(
            programme=wigan, title__in=["Policy changes", "Schools", "Skills"]
        )
    }
    assert risks == {
        # The scale's own word ("High") needs no keeping.
        "Policy changes": (2, "Ongoing", "Moderate", 3, ""),
        "Schools": (2, "Communication", "Moderate", 2, ""),  # its note kept: no column for it
        # The words beside the level keep the whole cell; a bare number is no word.
        "Skills": (3, "Currently High as skills not yet identified", "", 3, ""),
    }
