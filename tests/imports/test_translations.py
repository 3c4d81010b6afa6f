"""A council's words and scales are translated once, shown for confirming, and remembered for
the programme's next import."""

import pytest

from imports.plans import CREATE
from milestones.models import Milestone
from programmes.models import Risk, ValueTranslation
from tests.imports.conftest import commit, preview, workbook

pytestmark = pytest.mark.django_db


def workplan(status: str) -> bytes:
    return workbook(
        {
            "Workplan": [
                ["Service Area", "Milestone", "Progress", "RAG"],
                ["VPMM", "Go live", status, "Amber/Green"],
            ]
        }
    )


def test_status_and_rag_words_are_read_with_a_warning_and_remembered(fresh_programme):
    plan = preview(workplan("On target"), fresh_programme)
    (row,) = plan.rows
    assert row.action == CREATE and not row.problems
    assert 'Column C (Progress): "On target" is read as In progress.' in row.notes
    assert 'Column D (RAG): "Amber/Green" is read as Amber.' in row.notes
    assert [(t.field, t.shown, t.label) for t in plan.translated] == [
        ("status", "On target", "In progress"),
        ("rag", "Amber/Green", "Amber"),
    ]
    commit(workplan("On target"), fresh_programme)
    assert set(
        ValueTranslation.objects.filter(programme=fresh_programme).values_list(
            "field", "written", "meaning"
        )
    ) == {("status", "on target", "in_progress"), ("rag", "amber green", "amber")}


def test_a_reading_the_user_changed_is_used_and_remembered(fresh_programme):
    chosen = {"rag:amber green": "green", "status:slipped": "on_hold"}
    commit(workplan("Slipped"), fresh_programme, translations=chosen)
    milestone = Milestone.objects.for_programme(fresh_programme).get()
    assert (milestone.rag, milestone.status) == ("green", "on_hold")
    # The next import reads the words the same way without being told, and says so.
    plan = preview(workplan("Slipped"), fresh_programme)
    assert (
        'Column D (RAG): "Amber/Green" is read as Green (as this programme\'s imports read it).'
        in (plan.rows[0].notes)
    )


def test_likelihood_in_words_and_on_a_five_point_scale_on_a_three_point_programme(wigan):
    data = workbook(
        {
            "Risk register": [
                ["Risk ID", "Risk", "Likelihood", "Impact"],
                ["CR1", "Cyber attack", "Almost certain", 5],
                ["CR2", "Budget gap", "Unlikely", 2],
                ["CR3", "Recruitment", "Possible", 4],
            ]
        }
    )
    commit(data, wigan)
    risks = Risk.objects.filter(programme=wigan, reference__startswith="CR").order_by("reference")
    assert [(r.reference, r.likelihood, r.impact) for r in risks] == [
        ("CR1", 3, 3),
        ("CR2", 2, 2),
        ("CR3", 2, 3),
    ]


def test_a_word_no_translation_knows_is_an_error_naming_the_choices(fresh_programme):
    plan = preview(workplan("Bananas"), fresh_programme)
    (problem,) = plan.all_problems
    assert problem.message.startswith('"Bananas" is not a status; use one of: Not started')
