"""Imports: our own export comes back with nothing changed and nothing doubled; a council's own
tracker comes in with its slippage as date changes; names the programme does not know wait for
the user; rows find their records by ID or by what they say; everything or nothing is saved."""

import io
import re
from datetime import date
from decimal import Decimal

import pytest

from core import fuzzydates
from core.records import record_edit
from core.versioning import StaleEdit
from exports import workbook as export
from imports import importing, mapping, names
from imports.reading import read_book
from milestones.models import DateChange, Milestone
from milestones.services import milestone_create, milestone_edit
from programmes.models import Action, ImportRecord, Programme, Risk, SavingsLine, ServiceArea
from tests.imports.conftest import read_back, seed_000_rows, snapshot, workbook

pytestmark = pytest.mark.django_db

SEEDS = [
    "agma-collaborative-services",
    "enhanced-two-tier-working",
    "manchester-improvement-programme",
    "herts-programme-milestones-2008",
    "wigan-support-services-review",
]


def prepare(data: bytes, programme, name="tracker.xlsx", *, kind=None):
    book = read_book(data, name)
    return book, [mapping.guess_sheet(sheet, programme, kind=kind) for sheet in book.sheets]


def preview(data: bytes, programme, name="tracker.xlsx", resolutions=None, **kwargs):
    book, mappings = prepare(data, programme, name, **kwargs)
    return importing.preview(
        programme=programme, book=book, mappings=mappings, resolutions=resolutions
    )


def commit(data: bytes, programme, name="tracker.xlsx", resolutions=None, by=None, **kwargs):
    book, mappings = prepare(data, programme, name, **kwargs)
    return importing.commit(
        programme=programme, book=book, mappings=mappings, resolutions=resolutions, by=by
    )


def fuzzy(value) -> tuple:
    return (value.text, value.earliest, value.latest, value.precision)


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
        for r in export.risk_rows(programme)
    ]
    savings = [
        (area(s), s.financial_year, s.kind, s.recurrence, s.target, s.forecast, s.achieved, s.note)
        for s in export.savings_rows(programme)
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
        for a in export.action_rows(programme)
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


def test_restored_date_changes_keep_their_reason_and_say_they_were_imported(agma):
    data = export.write_programme(agma).read()
    Milestone.objects.filter(service_area__programme=agma).delete()
    commit(data, agma, "agma.xlsx")
    moved = Milestone.objects.get(service_area__programme=agma, title="Stage 0-1")
    assert [(c.old_text, c.new_text, c.reason) for c in moved.date_changes.all()] == [
        ("December '09", "March 2010", "Extended (imported from agma.xlsx)"),
        ("March 2010", "June 2010", "Extended (imported from agma.xlsx)"),
    ]


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
    assert {row.action for row in plan.rows} == {importing.UNCHANGED}


def test_a_slipped_date_written_in_the_cell_moves_an_existing_milestone(fresh_programme):
    area = fresh_programme.service_areas.get(name="Transactional Finance")
    milestone = milestone_create(
        service_area=area, title="Stage 1", planned_completion=fuzzydates.parse("January '10")
    )
    rows = [
        ["Service Area", "Milestone", "Completion Dates"],
        ["Transactional Finance", "Stage 1", "January '10 Deadline extended to May '10"],
    ]
    plan = preview(workbook({"Tracker": rows}), fresh_programme)
    assert plan.rows[0].changes == ["Planned completion: Jan 2010, extended to May 2010"]
    commit(workbook({"Tracker": rows}), fresh_programme, "tracker.xlsx")
    milestone.refresh_from_db()
    assert milestone.planned_completion.text == "May '10"
    (change,) = milestone.date_changes.all()
    assert (change.old_text, change.reason) == (
        "January '10",
        "imported from tracker.xlsx (Deadline extended to)",
    )


def test_a_date_changed_in_our_export_is_moved_with_the_reason_imported_from(
    agma, django_user_model
):
    data = export.write_list(agma, "milestones", export.milestone_rows(agma)).read()
    book = read_back(data)
    sheet = book["Milestones"]
    header = [c.value for c in sheet[1]]
    titles = [
        row[header.index("Milestone")] for row in sheet.iter_rows(min_row=2, values_only=True)
    ]
    row = titles.index("Stage 2a – Design") + 2
    sheet.cell(row, header.index("Planned completion (as written)") + 1).value = "April 2010"
    sheet.cell(row, header.index("Status") + 1).value = "Will not be met"
    buffer = io.BytesIO()
    book.save(buffer)
    manager = django_user_model.objects.get(username="manager")
    plan = preview(buffer.getvalue(), agma, "milestones-edited.xlsx")
    (updated,) = [row for row in plan.rows if row.action == importing.UPDATE]
    assert updated.changes == [
        "Status: In progress → Will not be met",
        "Planned completion: Feb 2010, extended to Apr 2010",
    ]
    record = commit(buffer.getvalue(), agma, "milestones-edited.xlsx", by=manager)
    assert record.updated == 1 and record.created == 0
    milestone = Milestone.objects.get(service_area__name="VPMM", title="Stage 2a – Design")
    assert milestone.status == Milestone.Status.WILL_NOT_BE_MET
    change = milestone.date_changes.get()
    assert (change.old_text, change.new_text, change.reason, change.changed_by) == (
        "February 2010",
        "April 2010",
        "imported from milestones-edited.xlsx",
        manager,
    )


# --- finding the record ------------------------------------------------------------------------


def test_a_record_changed_since_the_export_is_not_overwritten(wigan):
    data = export.write_list(wigan, "risks", export.risk_rows(wigan)).read()
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
    with pytest.raises(importing.ImportRefused):
        commit(buffer.getvalue(), wigan)
    assert snapshot() == before


def test_two_rows_with_the_same_id_are_refused(wigan):
    risk = Risk.objects.filter(programme=wigan).first()
    rows = [["ID", "Risk", "RAG status"], [risk.pk, risk.title, "Red"], [risk.pk, "Copy", "Green"]]
    plan = preview(workbook({"Risks": rows}), wigan)
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
    with pytest.raises(importing.ImportRefused, match="3 names to match"):
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

    def edit_then_fail(*, milestone, **kwargs):
        calls.append(milestone.title)
        if milestone.title == "Second":
            raise StaleEdit(milestone, ["comment"])
        return milestone_edit(milestone=milestone, **kwargs)

    monkeypatch.setattr(importing, "milestone_edit", edit_then_fail)
    before = snapshot()
    with pytest.raises(importing.ImportRefused, match="was changed by someone else"):
        commit(workbook({"Tracker": rows}), fresh_programme)
    assert calls == ["First", "Second"]
    assert snapshot() == before
    first.refresh_from_db()
    assert first.comment == "old"


# --- other kinds of record ---------------------------------------------------------------------


def test_a_council_risk_log_comes_in(wigan):
    rows = [
        [
            "Risk",
            "Frequency",
            "Severity",
            "Lead Officer",
            "Moderating Factors",
            "Status (Red, Amber Green)",
            "Review date",
        ],
        [
            "Capacity",
            "Throughout the process so therefore will be High",
            "Medium",
            "Chief Executive",
            "Clear lead",
            "Amber",
            "31/03/2009",
        ],
    ]
    commit(workbook({"Risk log": rows}), wigan, kind="risks")
    risk = Risk.objects.get(programme=wigan, title="Capacity")
    assert (risk.likelihood, risk.likelihood_note, risk.impact, risk.rag) == (
        3,
        "Throughout the process so therefore will be",
        2,
        "amber",
    )
    assert risk.review_date == date(2009, 3, 31) and risk.service_area is None


def test_savings_come_in_with_pounds_as_people_write_them(agma):
    rows = [
        ["Financial year", "Target", "Forecast", "Achieved"],
        ["2009/10", "£1.316m", "£180k", "50,000"],
        [date(2025, 11, 10), 1000, None, None],  # Excel turned "10/11" into 10 November
    ]
    plan = preview(workbook({"Savings": rows}), agma)
    assert plan.rows[1].notes == [
        "Column A (Financial year): Excel had turned the year into the date 10/11/2025: read "
        "as 2010/11."
    ]
    commit(workbook({"Savings": rows}), agma)
    line = SavingsLine.objects.get(programme=agma, financial_year=2009)
    assert (line.target, line.forecast, line.achieved) == (
        Decimal("1316000.00"),
        Decimal("180000.00"),
        Decimal("50000.00"),
    )
    assert SavingsLine.objects.filter(programme=agma, financial_year=2010).exists()


def test_actions_come_in_with_dates_as_written(wigan):
    rows = [
        [
            "Action Points",
            "Importance",
            "Person responsible",
            "Start",
            "Due",
            "Resources approved?",
        ],
        ["Publish the plan", "High", "All Service Directors", "April 2008", "March 2009", "Yes"],
    ]
    commit(workbook({"Action plan": rows}), wigan)
    action = Action.objects.get(programme=wigan, title="Publish the plan")
    assert (action.start.text, action.due.latest, action.resources_approved) == (
        "April 2008",
        date(2009, 3, 31),
        True,
    )


def test_a_problem_in_a_cell_names_its_sheet_row_and_column(wigan):
    rows = [["Risk", "Likelihood", "RAG status"], ["Capacity", "Certain", "Purple"]]
    before = snapshot()
    plan = preview(workbook({"Risks": rows}), wigan)
    assert [(p.row, p.column, p.message) for p in plan.all_problems] == [
        (2, "C (RAG status)", '"Purple" is not a RAG status; use one of: Red, Amber, Green.'),
    ]
    assert snapshot() == before
    plan = preview(workbook({"Risks": [["Risk", "Likelihood"], ["Capacity", 7]]}), wigan)
    assert plan.all_problems[0].message == (
        "7 is not a level on this programme's scale: use 1 (Low), 2 (Medium), 3 (High)."
    )


def test_a_completion_before_the_start_is_a_problem_before_anything_is_saved(fresh_programme):
    rows = [
        ["Service Area", "Milestone", "Start date", "Completion date"],
        ["Customer Contact", "Backwards", "June 2010", "March 2010"],
    ]
    plan = preview(workbook({"Tracker": rows}), fresh_programme)
    assert [(p.column, p.message) for p in plan.all_problems] == [
        ("D (Completion date)", "The planned completion is before the start.")
    ]


def test_date_changes_history_waits_on_the_milestone_and_counts_nothing_itself(agma):
    data = export.write_programme(agma).read()
    plan = preview(data, agma)
    assert DateChange.objects.filter(milestone__service_area__programme=agma).exists()
    assert all(row.sheet != "Date changes" for row in plan.rows)


def test_a_row_complete_with_no_date_comes_in_complete_with_no_date(fresh_programme):
    rows = [
        ["Service Area", "Milestone", "Completion date", "Status", "Actual completion"],
        ["VPMM", "Scope defined", "July 2009", "Complete", ""],
    ]
    record = commit(workbook({"Tracker": rows}), fresh_programme)
    assert record.created == 1
    (scope,) = Milestone.objects.for_programme(fresh_programme)
    assert scope.status == "complete" and not scope.actual_completion.text
    assert scope.status_words == "Complete — date not recorded"


def test_a_row_with_a_delivery_date_and_another_status_is_refused_and_says_why(fresh_programme):
    rows = [
        ["Service Area", "Milestone", "Status", "Actual completion"],
        ["VPMM", "Stage 0", "In progress", "18/12/2009"],
    ]
    before = snapshot()
    plan = preview(workbook({"Tracker": rows}), fresh_programme)
    assert [(p.row, p.column, p.message) for p in plan.all_problems] == [
        (
            2,
            "C (Status)",
            "It has an actual completion date, so its status is Complete: clear the actual "
            "completion date to give it another status.",
        )
    ]
    assert snapshot() == before


def test_a_row_with_a_delivery_date_and_no_status_column_comes_in_complete(fresh_programme):
    rows = [["Service Area", "Milestone", "Actual completion"], ["VPMM", "Stage 0", "18/12/2009"]]
    commit(workbook({"Tracker": rows}), fresh_programme)
    (stage_0,) = Milestone.objects.for_programme(fresh_programme)
    assert stage_0.status == "complete" and stage_0.actual_completion.earliest == date(2009, 12, 18)


# --- dates that do not exist, and dates only reworded -------------------------------------------

WARNING_TAIL = (
    " The words are imported as they are, with no date: correct them in the file if a date was "
    "meant."
)


def test_an_impossible_date_comes_in_as_words_with_a_warning_on_its_row(fresh_programme):
    rows = [
        ["Service Area", "Milestone", "Start Dates", "Completion Dates"],
        ["Transactional Finance", "Stage 1", "w/c 31-6-07", "30th Feb '09"],
        ["Transactional Finance", "Stage 2", "TBC", "Q5 2010"],
        ["Transactional Finance", "Stage 3", "Ongoing", "Dependent on outcome of Phase 1"],
        ["Transactional Finance", "Stage 4", "", "Dec '09 extended to 31/04/2010"],
    ]
    plan = preview(workbook({"Tracker": rows}), fresh_programme)
    assert plan.all_problems == [] and plan.can_commit
    notes = [row.notes for row in plan.rows]
    assert notes == [
        [
            "Column C (Start Dates): There is no 31 June 2007." + WARNING_TAIL,
            "Column D (Completion Dates): There is no 30 February 2009." + WARNING_TAIL,
        ],
        [
            "Column D (Completion Dates): There is no fifth quarter: quarters are Q1–Q4."
            + WARNING_TAIL
        ],
        [],  # words with no date in them are not a mistake
        ["Column D (Completion Dates): There is no 31 April 2010." + WARNING_TAIL],
    ]

    commit(workbook({"Tracker": rows}), fresh_programme)
    imported = {
        m.title: m for m in Milestone.objects.filter(service_area__programme=fresh_programme)
    }
    assert fuzzy(imported["Stage 1"].planned_start) == ("w/c 31-6-07", None, None, "undated")
    assert fuzzy(imported["Stage 2"].planned_completion) == ("Q5 2010", None, None, "undated")
    stage_4 = imported["Stage 4"]
    assert fuzzy(stage_4.planned_completion) == (
        "Dec '09 extended to 31/04/2010",
        None,
        None,
        "undated",
    )
    assert not stage_4.date_changes.exists()


def test_an_impossible_review_date_is_refused_with_what_is_wrong(wigan):
    rows = [["Risk", "Review date"], ["Capacity", "31/02/2010"]]
    plan = preview(workbook({"Risk log": rows}), wigan, kind="risks")
    assert [str(problem) for problem in plan.all_problems] == [
        'Sheet "Risk log", row 2, column B (Review date): There is no 31 February 2010. Write '
        "the date like 31/03/2010."
    ]


def test_a_reworded_date_is_saved_without_a_move(fresh_programme):
    area = fresh_programme.service_areas.get(name="Transactional Finance")
    milestone = milestone_create(
        service_area=area, title="Stage 1", planned_completion=fuzzydates.parse("Mar 2010")
    )
    rows = [
        ["Service Area", "Milestone", "Completion Dates"],
        ["Transactional Finance", "Stage 1", "March 2010"],
    ]
    plan = preview(workbook({"Tracker": rows}), fresh_programme)
    assert plan.rows[0].changes == ["Planned completion: Mar 2010, reworded as “March 2010”"]
    commit(workbook({"Tracker": rows}), fresh_programme)
    milestone.refresh_from_db()
    assert milestone.planned_completion_text == "March 2010"
    assert not milestone.date_changes.exists()


def test_a_cell_whose_history_only_rewords_is_not_a_move(fresh_programme):
    rows = [
        ["Service Area", "Milestone", "Completion Dates"],
        ["Transactional Finance", "Stage 1", "Dec '09 extended to March 2010 revised to Mar 2010"],
    ]
    commit(workbook({"Tracker": rows}), fresh_programme)
    milestone = Milestone.objects.get(service_area__programme=fresh_programme, title="Stage 1")
    assert milestone.planned_completion_text == "Mar 2010"
    (change,) = milestone.date_changes.all()
    assert (change.old_text, change.new_text, change.direction) == (
        "Dec '09",
        "March 2010",
        "later",
    )
