"""Imports, end to end: our own export comes back with nothing changed and nothing doubled; a
council's own tracker is previewed row by row and comes in; names the programme does not know
wait for the user; rows find their records by ID or by what they say; everything or nothing is
saved."""

import io
import re

import pytest

from core.records import record_edit
from core.versioning import StaleEdit
from exports import rows as export_rows
from exports import workbook as export
from imports import applying, names
from imports.importing import ImportRefused
from imports.plans import UNCHANGED
from milestones.models import Milestone
from milestones.services import milestone_create
from programmes.models import Action, ImportRecord, Programme, Risk, SavingsLine, ServiceArea
from tests.imports.conftest import (
    commit,
    fuzzy,
    preview,
    read_back,
    seed_000_rows,
    snapshot,
    workbook,
)

pytestmark = pytest.mark.django_db

SEEDS = [
    "agma-collaborative-services",
    "enhanced-two-tier-working",
    "manchester-improvement-programme",
    "herts-programme-milestones-2008",
    "wigan-support-services-review",
]


def without_provenance(reason: str) -> str:
    return re.sub(r" \(imported from [^)]*\)$", "", reason)


def records(programme) -> dict:
    """Everything the export and import carry, without the tracker's own numbers."""
    area = lambda record: record.service_area.name if record.service_area_id else None  # noqa: E731
    milestones = [
        (
            area(m),
            m.stage.code if m.stage_id else None,
            m.title,
            *(fuzzy(getattr(m, name)) for name in Milestone.DATE_NAMES),
            m.status,
            m.rag,
            m.owner.name if m.owner_id else None,
            m.comment,
            m.estimated_cost,
            m.estimated_cost_note,
            (m.reports_to.body.name, m.reports_to.date) if m.reports_to_id else None,
            [
                (
                    c.field,
                    fuzzy(c.old),
                    fuzzy(c.new),
                    without_provenance(c.reason),
                    c.changed_at.replace(microsecond=0),
                )
                for c in m.date_changes.all()
            ],
        )
        for m in export.milestone_rows(programme).select_related("reports_to__body")
    ]
    risks = [
        (
            area(r),
            r.title,
            r.description,
            r.likelihood,
            r.likelihood_note,
            r.impact,
            r.impact_note,
            r.lead_officer,
            r.moderating_factors,
            r.rag,
            r.review_date,
            r.is_open,
        )
        for r in export_rows.risk_rows(programme)
    ]
    savings = [
        (area(s), s.financial_year, s.kind, s.recurrence, s.target, s.forecast, s.achieved, s.note)
        for s in export_rows.savings_rows(programme)
    ]
    actions = [
        (
            area(a),
            a.title,
            a.kind,
            a.owner,
            fuzzy(a.start),
            fuzzy(a.due),
            a.status,
            a.importance,
            a.measure,
            a.target,
            a.resources_approved,
            a.note,
        )
        for a in export_rows.action_rows(programme)
    ]
    return {"milestones": milestones, "risks": risks, "savings": savings, "actions": actions}


@pytest.mark.parametrize("slug", SEEDS)
def test_a_seed_programme_round_trips_through_its_export(slug, django_user_model):
    """Export, import into the programme emptied of its records, export again: the same data;
    and the same file imported again changes nothing."""
    programme = Programme.objects.get(slug=slug)
    manager = django_user_model.objects.get(username="manager")
    before = records(programme)
    data = export.write_programme(programme).read()
    Milestone.objects.filter(service_area__programme=programme).delete()
    for model in (Risk, SavingsLine, Action):
        model.objects.filter(programme=programme).delete()

    record = commit(data, programme, f"{slug}.xlsx", by=manager)

    rows = sum(len(kind) for kind in before.values())
    assert (record.created, record.updated, record.unchanged) == (rows, 0, 0)
    assert record.kind == ImportRecord.Kind.WORKBOOK and record.imported_by == manager
    assert records(programme) == before
    again = read_back(export.write_programme(programme).read())
    first = read_back(data)
    for title in ("Risks", "Savings", "Actions"):  # all but the tracker's own numbers
        assert [row[2:] for row in first[title].values] == [
            row[2:] for row in again[title].values
        ], title
    for title in ("Budget", "Meetings"):  # exported for reading, left alone
        assert list(first[title].values) == list(again[title].values), title

    unchanged = snapshot()
    record = commit(data, programme, f"{slug}.xlsx")
    assert (record.created, record.updated, record.unchanged) == (0, 0, rows)
    assert snapshot()[:-1] == unchanged[:-1]  # only the record of the import itself is new


# --- a council's own tracker -------------------------------------------------------------------


def test_a_tracker_laid_out_like_seed_000_is_previewed_row_by_row(fresh_programme):
    plan = preview(workbook({"Sheet1": seed_000_rows()}), fresh_programme)
    (sheet,) = plan.mappings
    assert (sheet.kind, sheet.header_row) == ("milestones", 3)
    assert "Row 8 repeats the headings: skipped." in sheet.notes
    assert "Rows that name no service area belong to the one above them." in sheet.notes
    assert [(row.row, row.label, row.action) for row in plan.rows] == [
        (4, "Stage 1", "create"),
        (5, "Stage 2a Design of Collaborative Improvement & Joint Working", "create"),
        (6, "Stage 2b Delivery of Collaborative Improvement & Joint Working", "create"),
        (9, "Stage 1", "create"),
        (10, "Stage 2a – Design", "create"),
        (11, "Scope defined", "create"),
        (12, "Stage 0 - pilot", "create"),
        (13, "Stage 1", "create"),
        (14, "Scope defined", "create"),
        (15, "Stage 0-1", "create"),
        (16, "Stage1", "create"),
    ]
    assert [(u.described, u.places, u.can_create, u.can_leave_blank) for u in plan.unknown] == [
        ('Stage "Stage 0-1"', ['"Sheet1" row 15'], True, True),
        ('Service area "Social Transport"', ['"Sheet1" row 16'], True, False),
    ]
    assert plan.refusal() == (
        "Nothing was imported: 2 names to match to one the programme knows or to create."
    )
    assert not plan.can_commit


def test_a_seed_000_tracker_comes_in_with_its_slippage_as_date_changes(fresh_programme):
    data = workbook({"Sheet1": seed_000_rows()})
    record = commit(
        data,
        fresh_programme,
        resolutions={"stage:stage 0 1": names.BLANK, "area:social transport": names.NEW},
    )
    assert (record.created, record.updated, record.unchanged) == (11, 0, 0)
    assert record.kind == ImportRecord.Kind.MILESTONES
    mine = Milestone.objects.filter(service_area__programme=fresh_programme)
    finance = mine.get(service_area__name="Transactional Finance", title="Stage 1")
    assert finance.stage.code == "Stage 1"
    assert finance.planned_completion.text == "May '10"
    assert [(c.old_text, c.new_text, c.reason) for c in finance.date_changes.all()] == [
        ("January '10", "May '10", "imported from tracker.xlsx (Deadline extended to)")
    ]
    hr = mine.get(service_area__name="Transactional HR", title="Stage 0-1")
    assert hr.stage is None
    assert [(c.old_text, c.new_text) for c in hr.date_changes.all()] == [
        ("December '09", "March 2010"),
        ("March 2010", "June 2010"),
    ]
    vpmm = mine.get(service_area__name="VPMM", title="Stage 1")
    assert [(c.old_text, c.new_text, c.reason) for c in vpmm.date_changes.all()] == [
        ("31st July'09", "31 August '09", "imported from tracker.xlsx (moved from)")
    ]
    design = mine.get(title__startswith="Stage 2a Design")
    assert (design.stage.code, design.service_area.name) == ("Stage 2a", "Customer Contact")
    transport = ServiceArea.objects.get(programme=fresh_programme, name="Social Transport")
    assert transport.milestones.get().stage.code == "Stage 1"  # "Stage1"

    plan = preview(data, fresh_programme, resolutions={"stage:stage 0 1": names.BLANK})
    assert {row.action for row in plan.rows} == {UNCHANGED}


# --- finding the record ------------------------------------------------------------------------


def test_a_record_changed_since_the_export_is_not_overwritten(wigan):
    data = export.write_list(wigan, "risks", export_rows.risk_rows(wigan)).read()
    risk = Risk.objects.get(programme=wigan, title="Leadership")
    record_edit(record=risk, opened_version=risk.version, changes={"lead_officer": "Someone new"})
    edited = read_back(data)
    sheet = edited["Risks"]
    header = [c.value for c in sheet[1]]
    sheet.cell(2, header.index("RAG status") + 1).value = "Red"
    buffer = io.BytesIO()
    edited.save(buffer)
    before = snapshot()
    plan = preview(buffer.getvalue(), wigan)
    (problem,) = plan.all_problems
    assert problem.column == "B (Version)"
    assert problem.message.startswith(
        "This risk was changed in the tracker after the file was exported (it is at version 2; "
        "the file has version 1)"
    )
    with pytest.raises(ImportRefused):
        commit(buffer.getvalue(), wigan)
    assert snapshot() == before


def test_two_rows_with_the_same_id_are_refused(wigan):
    risk = Risk.objects.filter(programme=wigan).first()
    rows = [["ID", "Risk", "RAG status"], [risk.pk, risk.title, "Red"], [risk.pk, "Copy", "Green"]]
    plan = preview(workbook({"Risks": rows}, ours=wigan), wigan)
    (problem,) = plan.all_problems
    assert (problem.row, problem.message) == (
        3,
        f"Row 2 has the same ID ({risk.pk}): a record can be updated from one row only.",
    )


def test_an_id_from_another_programme_never_touches_that_programmes_record(agma, wigan):
    theirs = Risk.objects.filter(programme=wigan).first()
    rows = [["ID", "Risk", "RAG status"], [theirs.pk, "Budget pressures", "Red"]]
    before = theirs.version
    record = commit(workbook({"Risks": rows}), agma)
    assert record.created == 1
    theirs.refresh_from_db()
    assert theirs.version == before
    assert Risk.objects.get(programme=agma, title="Budget pressures").rag == "red"


def test_rows_without_ids_find_their_record_by_what_they_say_so_nothing_is_doubled(fresh_programme):
    rows = [
        ["Service Area", "Milestone", "Completion date"],
        ["Customer Contact", "Report to CSG", "March 2010"],
        ["Customer Contact", "Report to CSG", "June 2010"],
    ]
    commit(workbook({"Tracker": rows}), fresh_programme)
    commit(workbook({"Tracker": rows}), fresh_programme)
    area = fresh_programme.service_areas.get(name="Customer Contact")
    assert [m.planned_completion.text for m in area.milestones.order_by("order")] == [
        "March 2010",
        "June 2010",
    ]


# --- names -------------------------------------------------------------------------------------


def test_unknown_names_can_be_matched_created_or_left_blank(fresh_programme):
    rows = [
        ["Work stream", "Stage", "Milestone", "Owner"],
        ["Cust. Contact", "Stage 3", "Launch", "Jane Doe"],
    ]
    data = workbook({"Tracker": rows})
    plan = preview(data, fresh_programme)
    assert {u.key for u in plan.unknown} == {
        "area:cust contact",
        "stage:stage 3",
        "person:jane doe",
    }
    area = fresh_programme.service_areas.get(name="Customer Contact")
    unknown_area = next(u for u in plan.unknown if u.what == names.AREA)
    assert unknown_area.suggestions[0] == (area.pk, "Customer Contact")
    before = snapshot()
    with pytest.raises(ImportRefused, match="3 names to match"):
        commit(data, fresh_programme)
    assert snapshot() == before
    commit(
        data,
        fresh_programme,
        resolutions={
            "area:cust contact": f"{names.MATCH}{area.pk}",
            "stage:stage 3": names.NEW,
            "person:jane doe": names.BLANK,
        },
    )
    launch = area.milestones.get(title="Launch")
    assert launch.stage.code == "Stage 3" and launch.owner is None
    assert fresh_programme.stages.filter(code="Stage 3").exists()


# --- all or nothing ----------------------------------------------------------------------------


def test_a_failure_part_way_saves_nothing(fresh_programme, monkeypatch):
    area = fresh_programme.service_areas.get(name="Customer Contact")
    first = milestone_create(service_area=area, title="First", comment="old")
    milestone_create(service_area=area, title="Second", comment="old")
    rows = [
        ["Service Area", "Milestone", "Comment"],
        ["Customer Contact", "First", "new"],
        ["Customer Contact", "Second", "new"],
        ["Customer Contact", "Third", "new"],
    ]
    calls = []

    def edit_then_fail(edits, **kwargs):
        """Someone else saved "Second" while the import was writing: the batch is refused."""
        calls.extend(edit.milestone.title for edit in edits)
        second = next(edit.milestone for edit in edits if edit.milestone.title == "Second")
        raise StaleEdit(second, ["comment"])

    monkeypatch.setattr(applying, "milestones_edit", edit_then_fail)
    before = snapshot()
    with pytest.raises(ImportRefused, match="was changed by someone else"):
        commit(workbook({"Tracker": rows}), fresh_programme)
    assert calls == ["First", "Second"]
    assert snapshot() == before  # "Third", created before the edits, is gone too
    first.refresh_from_db()
    assert first.comment == "old"
