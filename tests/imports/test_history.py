"""The "Date changes" sheet of our own export: it restores the history of the milestones an import
adds, each move keeping its reason and saying it was imported, and adds nothing itself."""

import pytest

from exports import workbook as export
from milestones.models import DateChange, Milestone
from tests.imports.conftest import (
    commit,
    preview,
)

pytestmark = pytest.mark.django_db


def test_restored_date_changes_keep_their_reason_and_say_they_were_imported(agma):
    data = export.write_programme(agma).read()
    Milestone.objects.filter(service_area__programme=agma).delete()
    commit(data, agma, "agma.xlsx")
    moved = Milestone.objects.get(service_area__programme=agma, title="Stage 0-1")
    assert [(c.old_text, c.new_text, c.reason) for c in moved.date_changes.all()] == [
        ("December '09", "March 2010", "Extended (imported from agma.xlsx)"),
        ("March 2010", "June 2010", "Extended (imported from agma.xlsx)"),
    ]


def test_date_changes_history_waits_on_the_milestone_and_counts_nothing_itself(agma):
    data = export.write_programme(agma).read()
    plan = preview(data, agma)
    assert DateChange.objects.filter(milestone__service_area__programme=agma).exists()
    assert all(row.sheet != "Date changes" for row in plan.rows)
