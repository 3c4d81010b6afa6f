"""Keeping meetings in the browser: adding one with its agenda, changing and reordering the
agenda, cancelling (with why) rather than deleting a meeting that anything refers to, and
reinstating it — by the programme's managers only. A cancelled meeting stays on the meetings
page and keeps its milestones, but is no longer offered for milestones or packs, nor listed as
a next meeting."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from milestones.models import Milestone
from programmes.models import AgendaItem, GovernanceBody, Meeting, Person
from reports.kinds import get_kind
from reports.options import ReportOptions
from reports.services import pack_issue
from tests.factories import MilestoneFactory, PersonFactory
from tests.helpers import rows_of, text_of
from tests.seed_programmes import AGMA

from .factories import MeetingFactory
from .governance_helpers import page

pytestmark = pytest.mark.django_db


def meetings_page(client):
    return client.get(reverse("reports:meetings", kwargs={"programme": AGMA}))


def agenda_rows(rows, *, initial=0):
    """The agenda formset's fields: ``rows`` of (number, title, presenter id, remove, id)."""
    data = {
        "agenda-TOTAL_FORMS": str(len(rows)),
        "agenda-INITIAL_FORMS": str(initial),
        "agenda-MIN_NUM_FORMS": "0",
        "agenda-MAX_NUM_FORMS": "1000",
    }
    for index, (number, title, presenter, remove, pk) in enumerate(rows):
        data |= {
            f"agenda-{index}-ORDER": number,
            f"agenda-{index}-title": title,
            f"agenda-{index}-presenter": presenter or "",
            f"agenda-{index}-id": pk or "",
        }
        if remove:
            data[f"agenda-{index}-DELETE"] = "on"
    return data


def meeting_form(body, day, *rows, **changes):
    data = {
        "body": body.pk,
        "date": day.strftime("%d/%m/%Y"),
        "title": "",
        "location": "Manchester Town Hall",
        "notes": "",
        **agenda_rows(list(rows) + [("", "", "", False, "")] * 2),
    }
    data.update(changes)
    return data


def edit_form(meeting, *rows, **changes):
    items = list(meeting.agenda_items.all())
    data = {
        "body": meeting.body_id,
        "date": meeting.date.strftime("%d/%m/%Y"),
        "title": meeting.title,
        "location": meeting.location,
        "notes": meeting.notes,
        "version": meeting.version,
        **agenda_rows(list(rows), initial=len(items)),
    }
    data.update(changes)
    return data


def as_typed(meeting):
    """The meeting's agenda rows as the edit page shows them."""
    items = meeting.agenda_items.all()
    return [(str(i.order), i.title, i.presenter_id, False, i.pk) for i in items]


@pytest.fixture
def csg(agma):
    return GovernanceBody.objects.get(programme=agma, acronym="CSG")


@pytest.fixture
def phil(agma):
    return Person.objects.of_programme(agma).get(name="Phil Badley")


@pytest.fixture
def next_month():
    return timezone.localdate() + timedelta(days=30)


@pytest.fixture
def planned(manager_client, csg, phil, next_month):
    """A CSG meeting next month with a three-item agenda, added through the page."""
    form = meeting_form(
        csg,
        next_month,
        ("1", "Apologies", "", False, ""),
        ("2", "Transactional HR update", phil.pk, False, ""),
        ("3", "Any other business", "", False, ""),
    )
    assert manager_client.post(page("meeting-create"), form).status_code == 302
    return Meeting.objects.get(body=csg, date=next_month)


# --- Adding and changing -------------------------------------------------------------------------


def test_manager_adds_a_meeting_with_its_agenda(manager_client, planned, next_month):
    items = planned.agenda_items.all()
    assert [(i.order, i.title, i.presenter and i.presenter.name) for i in items] == [
        (1, "Apologies", None),
        (2, "Transactional HR update", "Phil Badley"),
        (3, "Any other business", None),
    ]
    assert planned.history.get().history_user.username == "manager"
    upcoming = rows_of(meetings_page(manager_client), "upcoming")
    row = next(row for row in upcoming if "Manchester Town Hall" in row)
    assert row.startswith(f"{next_month:%a %d/%m/%Y} CSG")
    assert "Apologies Transactional HR update – Phil Badley Any other business" in row


def test_a_presenter_of_another_programme_is_refused(manager_client, csg, next_month):
    stranger = PersonFactory(name="Not Ours")
    form = meeting_form(csg, next_month, ("1", "Intrusion", stranger.pk, False, ""))
    response = manager_client.post(page("meeting-create"), form)
    assert response.status_code == 200
    assert "Agenda row 1, presented by: Choose from the list" in text_of(response)
    assert not Meeting.objects.filter(body=csg, date=next_month).exists()


def test_a_meeting_needs_a_real_date(manager_client, csg):
    form = meeting_form(csg, date(2010, 1, 1), date="31/02/2010")
    response = manager_client.post(page("meeting-create"), form)
    assert "Date: Enter a real date, day first, like 31/03/2010." in text_of(response)


def test_two_meetings_of_a_body_on_one_day_are_refused(manager_client, csg):
    response = manager_client.post(page("meeting-create"), meeting_form(csg, date(2010, 3, 10)))
    assert "This body already has a meeting on this day." in text_of(response)
    assert Meeting.objects.filter(body=csg, date=date(2010, 3, 10)).count() == 1


def test_reordering_removing_and_adding_agenda_items(manager_client, planned):
    apologies, update, aob = planned.agenda_items.all()
    form = edit_form(
        planned,
        ("2", apologies.title, "", False, apologies.pk),
        ("1", update.title, update.presenter_id, False, update.pk),
        ("3", aob.title, "", True, aob.pk),
        ("", "Date of next meeting", "", False, ""),
    )
    response = manager_client.post(page("meeting-edit", pk=planned.pk), form)
    assert response.status_code == 302
    assert [(i.order, i.title) for i in planned.agenda_items.all()] == [
        (1, "Transactional HR update"),
        (2, "Apologies"),
        (3, "Date of next meeting"),
    ]
    planned.refresh_from_db()
    assert planned.version == 2  # the agenda alone changed: the meeting's version moves
    assert AgendaItem.history.filter(title="Any other business", history_type="-").exists()


def test_a_stale_edit_of_a_meeting_is_refused_and_keeps_what_was_typed(manager_client, planned):
    opened = edit_form(planned, *as_typed(planned))
    theirs = {**opened, "agenda-2-title": "AOB"}
    assert manager_client.post(page("meeting-edit", pk=planned.pk), theirs).status_code == 302
    mine = {**opened, "location": "Bolton Town Hall"}
    response = manager_client.post(page("meeting-edit", pk=planned.pk), mine)
    assert response.status_code == 200
    assert "saved this meeting while you were editing it" in text_of(response)
    assert 'value="Bolton Town Hall"' in response.content.decode()
    planned.refresh_from_db()
    assert planned.location == "Manchester Town Hall"
    assert planned.agenda_items.last().title == "AOB"


def test_saving_unchanged_saves_nothing(manager_client, planned):
    form = edit_form(planned, *as_typed(planned))
    response = manager_client.post(page("meeting-edit", pk=planned.pk), form)
    assert response.status_code == 302
    planned.refresh_from_db()
    assert planned.version == 1


# --- Cancelling, reinstating, deleting -----------------------------------------------------------


def test_cancelling_keeps_the_meeting_and_what_refers_to_it(manager_client, planned, agma):
    milestone = MilestoneFactory(service_area=agma.service_areas.first(), reports_to=planned)
    page_before = text_of(manager_client.get(page("meeting-cancel", pk=planned.pk)))
    assert "1 milestone refers to it, and still will." in page_before
    form = {"version": planned.version, "reason": "Not quorate"}
    assert manager_client.post(page("meeting-cancel", pk=planned.pk), form).status_code == 302
    planned.refresh_from_db()
    assert (planned.is_cancelled, planned.cancelled_reason) == (True, "Not quorate")
    milestone.refresh_from_db()
    assert milestone.reports_to == planned
    row = next(r for r in rows_of(meetings_page(manager_client), "upcoming") if "Not quorate" in r)
    assert "Cancelled Not quorate" in row and f"Milestone: {milestone.title}" in row
    assert "Reinstate" in row


def test_cancelling_needs_a_reason(manager_client, planned):
    response = manager_client.post(
        page("meeting-cancel", pk=planned.pk), {"version": planned.version, "reason": ""}
    )
    assert "Why is it cancelled?: This field is required." in text_of(response)
    planned.refresh_from_db()
    assert not planned.is_cancelled


def test_a_cancelled_meeting_is_not_offered_to_milestones_but_kept_where_chosen(
    manager_client, planned, own_area
):
    linked = Milestone.objects.get(service_area=own_area, title="Stage 0-1")
    linked.reports_to = planned
    linked.save()
    other = Milestone.objects.filter(service_area=own_area).exclude(pk=linked.pk).first()
    planned.is_cancelled, planned.cancelled_reason = True, "Not quorate"
    planned.save()

    def offered(milestone):
        form = manager_client.get(reverse("milestones:edit", kwargs={"pk": milestone.pk}))
        return list(form.context["form"].fields["reports_to"].queryset)

    assert planned in offered(linked)  # saving the form never drops the link silently
    assert planned not in offered(other)


def test_packs_are_not_issued_to_a_cancelled_meeting(manager_client, planned, agma):
    planned.is_cancelled, planned.cancelled_reason = True, "Not quorate"
    planned.save()
    preview = manager_client.get(reverse("reports:preview", args=[AGMA, "milestones"]))
    assert planned not in list(preview.context["issue_form"].fields["meeting"].queryset)
    with pytest.raises(ValidationError, match=r"This meeting was cancelled \(Not quorate\)"):
        pack_issue(
            programme=agma,
            kind=get_kind("milestones"),
            options=ReportOptions(as_at=date(2010, 3, 31)),
            meeting=planned,
            by=get_user_model().objects.get(username="manager"),
        )


def test_a_cancelled_meeting_is_not_a_next_meeting(manager_client, planned):
    overview = reverse("programmes:overview", kwargs={"programme": AGMA})
    when = f"{planned.date:%A %-d %B %Y}: Collaborative Services Group"
    assert when in text_of(manager_client.get(overview))
    assert when in text_of(manager_client.get(reverse("programmes:my-work")))
    planned.is_cancelled, planned.cancelled_reason = True, "Not quorate"
    planned.save()
    assert when not in text_of(manager_client.get(overview))
    assert when not in text_of(manager_client.get(reverse("programmes:my-work")))


def test_a_cancelled_meeting_can_be_reinstated(manager_client, planned):
    planned.is_cancelled, planned.cancelled_reason = True, "Not quorate"
    planned.save()
    response = manager_client.post(
        page("meeting-reinstate", pk=planned.pk), {"version": planned.version}
    )
    assert response.status_code == 302
    planned.refresh_from_db()
    assert (planned.is_cancelled, planned.cancelled_reason) == (False, "")
    assert planned.history.first().history_user.username == "manager"


def test_a_meeting_nothing_refers_to_can_be_deleted(manager_client, planned):
    assert "Delete this meeting" in text_of(manager_client.get(page("meeting-edit", pk=planned.pk)))
    response = manager_client.post(page("meeting-delete", pk=planned.pk), {"version": 1})
    assert response.status_code == 302
    assert not Meeting.objects.filter(pk=planned.pk).exists()
    assert Meeting.history.filter(id=planned.pk, history_type="-").get().history_user.username == (
        "manager"
    )


def test_a_meeting_something_refers_to_cannot_be_deleted(manager_client, planned, agma):
    MilestoneFactory(service_area=agma.service_areas.first(), reports_to=planned)
    edit = text_of(manager_client.get(page("meeting-edit", pk=planned.pk)))
    assert "Delete this meeting" not in edit
    assert "1 milestone refers to it, so it can be cancelled but not deleted." in edit
    response = manager_client.post(page("meeting-delete", pk=planned.pk), {"version": 1})
    assert response.status_code == 200
    assert "This meeting cannot be deleted: 1 milestone refers to it. Cancel it instead" in (
        text_of(response)
    )
    assert Meeting.objects.filter(pk=planned.pk).exists()


def test_a_meeting_of_a_closed_body_after_it_closed_is_refused(manager_client, csg):
    csg.closed_on, csg.closed_reason = date(2010, 3, 31), "Wound up"
    csg.save()
    response = manager_client.post(page("meeting-create"), meeting_form(csg, date(2010, 4, 14)))
    assert response.status_code == 200
    assert "The CSG closed on 31 March 2010: it holds no meetings after that." in text_of(response)


# --- Who may do it -------------------------------------------------------------------------------


def test_only_managers_see_the_buttons(manager_client, champion_client, reader_client):
    assert "Add a meeting" in text_of(meetings_page(manager_client))
    for client in (champion_client, reader_client):
        text = text_of(meetings_page(client))
        assert "Add a meeting" not in text and "Cancel" not in text


def test_champions_readers_and_other_managers_cannot_add_a_meeting(
    refused_clients,
    csg,
    next_month,
):
    form = meeting_form(csg, next_month, ("1", "Apologies", "", False, ""))
    for who, client in refused_clients.items():
        assert client.get(page("meeting-create")).status_code == 403, who
        assert client.post(page("meeting-create"), form).status_code == 403, who
    assert not Meeting.objects.filter(body=csg, date=next_month).exists()


def test_everyone_else_is_refused_changing_cancelling_or_deleting(
    refused_clients,
    csg,
):
    meeting = MeetingFactory(body=csg, date=date(2011, 5, 4), location="Bury")
    crafted = {**edit_form(meeting, location="Hijacked"), "reason": "Because"}
    for name in ("meeting-edit", "meeting-cancel", "meeting-reinstate", "meeting-delete"):
        for who, client in refused_clients.items():
            assert client.post(page(name, pk=meeting.pk), crafted).status_code == 403, (name, who)
    meeting.refresh_from_db()
    assert (meeting.location, meeting.is_cancelled, meeting.version) == ("Bury", False, 1)


def test_the_service_refuses_a_champion_whatever_the_page(csg):
    champion = get_user_model().objects.get(username="champion")
    meeting = MeetingFactory(body=csg, date=date(2011, 5, 4))
    from django.core.exceptions import PermissionDenied

    from programmes.governance_services import meeting_cancel

    with pytest.raises(PermissionDenied):
        meeting_cancel(meeting=meeting, opened_version=1, reason="Mine", by=champion)


def test_an_administrator_adds_a_meeting(admin_client_logged_in, csg, next_month):
    form = meeting_form(csg, next_month)
    assert admin_client_logged_in.post(page("meeting-create"), form).status_code == 302
    assert Meeting.objects.filter(body=csg, date=next_month).exists()


def test_a_meeting_of_another_programme_is_not_found_here(manager_client):
    other = Meeting.objects.exclude(body__programme__slug=AGMA).first()
    assert manager_client.get(page("meeting-edit", pk=other.pk)).status_code == 404
    assert manager_client.get(page("meeting-cancel", pk=other.pk)).status_code == 404


# --- The workbook --------------------------------------------------------------------------------


@pytest.mark.urls("tests.imports.urls")
def test_the_meetings_sheet_says_which_were_cancelled_and_gives_the_agenda(reader_client, planned):
    from tests.exports.test_workbook import download
    from tests.exports.test_workbook import rows_of as sheet_rows
    from tests.imports.conftest import read_back

    planned.is_cancelled, planned.cancelled_reason = True, "Not quorate"
    planned.save()
    book = read_back(download(reader_client, "export", programme=AGMA, kind="meetings"))
    row = next(r for r in sheet_rows(book["Meetings"]) if r["Location"] == "Manchester Town Hall")
    assert row["Cancelled"] == "Not quorate"
    assert row["Agenda"] == (
        "1. Apologies\n2. Transactional HR update – Phil Badley\n3. Any other business"
    )


def test_cancelling_a_meeting_changed_meanwhile_asks_again(manager_client, planned):
    opened = {"version": planned.version, "reason": "Not quorate"}
    form = edit_form(planned, *as_typed(planned), location="Bolton Town Hall")
    assert manager_client.post(page("meeting-edit", pk=planned.pk), form).status_code == 302
    response = manager_client.post(page("meeting-cancel", pk=planned.pk), opened)
    assert response.status_code == 200
    text = text_of(response)
    assert "saved this meeting while you were editing it" in text
    assert "Location is now “Bolton Town Hall”" in text
    planned.refresh_from_db()
    assert not planned.is_cancelled
    # The page now carries the version as it is: confirming again cancels it.
    again = {"version": response.context["form"]["version"].value(), "reason": "Not quorate"}
    assert manager_client.post(page("meeting-cancel", pk=planned.pk), again).status_code == 302
    planned.refresh_from_db()
    assert planned.is_cancelled


def test_add_a_meeting_beside_a_body_starts_with_that_body(manager_client, csg):
    governance = manager_client.get(page("governance"))
    link = f"{page('meeting-create')}?body={csg.pk}"
    assert link in governance.content.decode()
    form = manager_client.get(link).context["form"]
    assert str(form["body"].value()) == str(csg.pk)


def test_milestones_reporting_to_a_cancelled_meeting_say_so(manager_client, own_area):
    stage = Milestone.objects.get(service_area=own_area, title="Stage 0-1")
    meeting = Meeting.objects.get(body__programme=own_area.programme, date=date(2010, 3, 10))
    stage.reports_to = meeting
    stage.save()
    meeting.is_cancelled, meeting.cancelled_reason = True, "Not quorate"
    meeting.save()
    detail = text_of(manager_client.get(reverse("milestones:detail", kwargs={"pk": stage.pk})))
    assert "Reports to: Collaborative Services Group, 10 March 2010 (cancelled)" in detail
    report = manager_client.get(reverse("reports:preview", args=[AGMA, "milestones"]))
    assert "Reports to CSG 10 Mar 2010 (cancelled)" in text_of(report)
