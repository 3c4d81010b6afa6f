"""No lost updates, at the level every edit form shares."""

import pytest

from core.records import record_edit
from core.versioning import StaleEdit, conflict_summary
from milestones.models import Milestone

pytestmark = pytest.mark.django_db


def stage_0_1():
    return Milestone.objects.get(title="Stage 0-1")


def test_a_stale_edit_reports_everything_the_other_person_changed():
    opened = stage_0_1()
    record_edit(record=stage_0_1(), opened_version=opened.version, changes={"comment": "Theirs"})
    with pytest.raises(StaleEdit) as refused:
        record_edit(record=opened, opened_version=opened.version, changes={"rag": "amber"})
    # This user changed only the RAG; the other person's comment is reported all the same.
    assert refused.value.changed_fields == ["comment"]
    summary = conflict_summary(refused.value, show=lambda name: f"<{name}>")
    assert summary["changed"] == [{"label": "comment / current activity", "now": "<comment>"}]
    assert stage_0_1().rag == ""  # nothing of the stale edit was saved
    assert opened.rag == ""  # and the caller's object is put back
