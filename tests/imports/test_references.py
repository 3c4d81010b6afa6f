"""A council's own reference ("Ref", "No", "Risk ID") is the record's reference, never our ID: an
import into a programme with data changes no record the file did not name by our ID (in our
own export of the same programme) or by the council's reference."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from exports import workbook as export
from imports import guessing
from imports.plans import CREATE, UNCHANGED, UPDATE
from imports.reading import read_book
from milestones.models import Milestone
from programmes.models import Risk
from tests.imports.conftest import commit, preview, workbook

pytestmark = pytest.mark.django_db


def versions(model) -> dict[int, int]:
    return dict(model.objects.values_list("pk", "version"))


def council_tracker(programme, *, completion="March 2011") -> bytes:
    """A council's workplan whose "Ref" numbers are the IDs of milestones already in the
    programme, and whose titles are not theirs."""
    ids = list(
        Milestone.objects.for_programme(programme).order_by("pk").values_list("pk", flat=True)
    )
    area = programme.service_areas.order_by("order").first().name
    return workbook(
        {
            "Workplan": [
                ["Ref", "Service Area", "Key milestone", "By when", "Lead"],
                [str(ids[0]), area, "Consult residents on the new model", completion, ""],
                [str(ids[1]), area, "Report options to Cabinet", "Oct-11", ""],
                [ids[2], area, "Go live with the shared service", "Q4 2011/12", ""],
            ]
        }
    )


def test_a_ref_column_is_the_reference_not_our_id(agma):
    book = read_book(council_tracker(agma), "workplan.xlsx")
    (guess,) = guessing.guess_book(book, agma)
    assert guess.fields[0] == "reference"
    assert "id" not in guess.fields.values()


def test_importing_a_council_tracker_changes_no_record_it_did_not_name(agma):
    before = versions(Milestone)
    ids = sorted(pk for pk in before if Milestone.objects.get(pk=pk).service_area.programme == agma)
    data = council_tracker(agma)
    plan = preview(data, agma)
    assert [row.action for row in plan.rows] == [CREATE, CREATE, CREATE]
    commit(data, agma)
    after = versions(Milestone)
    assert {pk: after[pk] for pk in before} == before  # no existing milestone touched
    added = sorted(Milestone.objects.exclude(pk__in=list(before)), key=lambda m: int(m.reference))
    assert [(m.reference, m.title) for m in added] == [
        (str(ids[0]), "Consult residents on the new model"),
        (str(ids[1]), "Report options to Cabinet"),
        (str(ids[2]), "Go live with the shared service"),
    ]


def test_the_next_import_of_the_same_tracker_finds_its_records_by_reference(agma):
    commit(council_tracker(agma), agma)
    before = versions(Milestone)
    plan = preview(council_tracker(agma, completion="June 2011"), agma)
    assert [row.action for row in plan.rows] == [UPDATE, UNCHANGED, UNCHANGED]
    assert plan.rows[0].changes == ["Planned completion: Mar 2011, extended to Jun 2011"]
    commit(council_tracker(agma, completion="June 2011"), agma)
    after = versions(Milestone)
    changed = [pk for pk in before if after[pk] != before[pk]]
    assert Milestone.objects.get(pk=changed[0]).title == "Consult residents on the new model"
    assert len(changed) == 1


def test_a_record_with_the_same_title_but_no_reference_is_left_alone(agma):
    existing = Milestone.objects.for_programme(agma).order_by("pk").first()
    data = workbook(
        {
            "Workplan": [
                ["No", "Service Area", "Milestone", "Deadline"],
                ["7.1", existing.service_area.name, existing.title, "Dec 2012"],
            ]
        }
    )
    plan = preview(data, agma)
    (row,) = plan.rows
    assert row.action == CREATE
    assert "has no reference 7.1, so it is left as it is" in " ".join(row.notes)


def test_an_id_column_in_a_council_file_is_its_reference(wigan):
    risk = Risk.objects.filter(programme=wigan).first()
    before = versions(Risk)
    data = workbook(
        {"Risk register": [["Risk ID", "Risk", "Likelihood"], [risk.pk, "Data loss", "Low"]]}
    )
    commit(data, wigan)
    assert {pk: v for pk, v in versions(Risk).items() if pk in before} == before
    assert Risk.objects.get(programme=wigan, title="Data loss").reference == str(risk.pk)


def test_an_id_heading_in_a_council_file_is_not_our_id(wigan):
    risk = Risk.objects.filter(programme=wigan).first()
    data = workbook({"Risks": [["ID", "Risk", "Likelihood"], [risk.pk, "Data loss", "Low"]]})
    book = read_book(data, "risks.xlsx")
    (guess,) = guessing.guess_book(book, wigan)
    assert guess.fields[0] == "reference"
    # Even chosen by hand, the ID column of a file that is not our export is not read.
    guess.fields[0] = "id"
    plan = preview(data, wigan)
    assert plan.rows[0].action == CREATE


def test_our_export_is_marked_and_its_ids_are_read_only_in_the_same_programme(agma, wigan):
    data = export.write_list(agma, "milestones", export.milestone_rows(agma)).read()
    properties = load_workbook(io.BytesIO(data)).custom_doc_props
    assert properties[export.EXPORT_MARK].value == f"programme {agma.pk}"
    book = read_book(data, "export.xlsx")
    assert book.ours(agma) and not book.ours(wigan)
    plan = preview(data, agma)
    assert {row.action for row in plan.rows} == {UNCHANGED}
    # Into another programme the IDs mean nothing: every row is added, nothing of wigan's moves.
    before = versions(Milestone)
    plan = preview(data, wigan)
    assert all(row.record_id is None for row in plan.rows)
    assert versions(Milestone) == before


def test_the_reference_is_exported_and_shown(agma, manager_client):
    commit(council_tracker(agma), agma)
    added = Milestone.objects.exclude(reference="").first()
    data = export.write_list(agma, "milestones", export.milestone_rows(agma)).read()
    sheet = load_workbook(io.BytesIO(data))["Milestones"]
    headings = [cell.value for cell in sheet[1]]
    column = headings.index("Reference")
    refs = {row[column].value for row in sheet.iter_rows(min_row=2)}
    assert added.reference in refs
    page = manager_client.get(reverse("milestones:detail", kwargs={"pk": added.pk}))
    assert f"Reference {added.reference}" in page.content.decode()


def test_the_risk_register_shows_the_councils_reference_only_when_there_is_one(
    wigan, manager_client
):
    page = manager_client.get(reverse("registers:risks", kwargs={"programme": wigan.slug}))
    assert "<th" in page.content.decode() and ">Reference<" not in page.content.decode()
    data = workbook(
        {"Risk log": [["Risk ref", "Risk", "Likelihood"], ["CR07", "Data loss", "Low"]]}
    )
    commit(data, wigan)
    page = manager_client.get(reverse("registers:risks", kwargs={"programme": wigan.slug}))
    assert ">Reference<" in page.content.decode() and "CR07" in page.content.decode()
