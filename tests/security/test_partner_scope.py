"""A reader limited to one partner authority in a programme several councils share sees what
concerns their authority only: the service areas it takes part in (committed or interested),
their milestones and records, the programme-wide records and its own participation — on every
page, picker, list, export and report. A test per rule."""

from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from api.calendars import programme_feed
from milestones.cycle import update_recorded_as_accepted
from milestones.models import ProgressUpdate
from programmes.models import Meeting, Organisation, Participation, ProgrammeAccess, ServiceArea
from programmes.rights import LIMITED_TO_PARTNER, Rights
from reports.models import CommitteeReport
from tests.api.conftest import token_client
from tests.conftest import signed_in
from tests.factories import MilestoneFactory
from tests.helpers import text_of
from tests.programmes.factories import ActionFactory, RiskFactory, SavingsLineFactory
from tests.programmes.people_helpers import new_person
from tests.seed_programmes import AGMA

pytestmark = pytest.mark.django_db

# In the AGMA seed, Trafford is committed to Transactional HR and Social Transport, and has no
# stance on Customer Contact; Bolton is not participating in Transactional HR.
THEIRS = ("Transactional HR", "Social Transport")
NOT_THEIRS = "Customer Contact"


def limited_reader(django_user_model, agma, authority: str, username="partner-reader"):
    user = django_user_model.objects.create_user(username, password="a long password 1")
    ProgrammeAccess.objects.create(
        programme=agma,
        user=user,
        role=ProgrammeAccess.Role.READER,
        partner=Organisation.objects.get(name=authority),
    )
    return signed_in(django_user_model, username)


@pytest.fixture
def trafford(django_user_model, agma):
    return limited_reader(django_user_model, agma, "Trafford Council")


def url(name, *args):
    return reverse(name, args=[AGMA, *args])


def area(agma, name) -> ServiceArea:
    return ServiceArea.objects.get(programme=agma, name=name)


def test_the_overview_shows_the_areas_the_authority_takes_part_in(trafford, reader_client):
    page = text_of(trafford.get(url("programmes:overview")))
    for name in THEIRS:
        assert name in page
    assert NOT_THEIRS not in page
    assert NOT_THEIRS in text_of(reader_client.get(url("programmes:overview")))


def test_another_areas_page_is_refused_saying_why(trafford, agma):
    theirs = trafford.get(url("programmes:service-area", area(agma, THEIRS[0]).pk))
    assert theirs.status_code == 200
    refused = trafford.get(url("programmes:service-area", area(agma, NOT_THEIRS).pk))
    assert refused.status_code == 403
    assert LIMITED_TO_PARTNER in text_of(refused)


def test_the_area_page_shows_its_own_participation_not_the_others(trafford, reader_client, agma):
    address = url("programmes:service-area", area(agma, "Transactional HR").pk)
    page = text_of(trafford.get(address))
    assert "Trafford: committed — Progressing. Trafford has commenced." in page
    assert "Bolton: not participating" not in page
    assert "Bury: committed" not in page
    assert "Bolton: not participating" in text_of(reader_client.get(address))


def test_only_committed_or_interested_counts_as_taking_part(django_user_model, agma):
    bolton = limited_reader(django_user_model, agma, "Bolton Council")  # not participating
    refused = bolton.get(url("programmes:service-area", area(agma, "Transactional HR").pk))
    assert refused.status_code == 403
    Participation.objects.filter(
        service_area=area(agma, "Transactional HR"), organisation__name="Bolton Council"
    ).update(status=Participation.Status.INTERESTED)
    allowed = bolton.get(url("programmes:service-area", area(agma, "Transactional HR").pk))
    assert allowed.status_code == 200


def test_milestone_lists_and_pages_hold_only_their_areas(trafford, agma):
    listed = text_of(trafford.get(url("milestones:list")))
    everywhere = text_of(trafford.get(reverse("milestones:all")))
    other = area(agma, NOT_THEIRS).milestones.first()
    own = area(agma, THEIRS[0]).milestones.first()
    for page in (listed, everywhere):
        assert own.title in page
        assert NOT_THEIRS not in page
    assert trafford.get(reverse("milestones:detail", args=[own.pk])).status_code == 200
    refused = trafford.get(reverse("milestones:detail", args=[other.pk]))
    assert refused.status_code == 403
    assert LIMITED_TO_PARTNER in text_of(refused)


def test_the_service_area_picker_offers_only_their_areas(trafford):
    html = trafford.get(url("milestones:list")).content.decode()
    picker = html[html.index('name="service_area"') :]
    picker = picker[: picker.index("</select>")]
    assert "Transactional HR" in picker
    assert NOT_THEIRS not in picker


def test_registers_keep_their_areas_and_programme_wide_rows(trafford, agma):
    for factory, page in (
        (RiskFactory, "registers:risks"),
        (ActionFactory, "registers:actions"),
    ):
        factory(programme=agma, service_area=area(agma, THEIRS[0]), title="Ours to watch")
        factory(programme=agma, service_area=None, title="Everyone's to watch")
        factory(programme=agma, service_area=area(agma, NOT_THEIRS), title="Theirs to watch")
        shown = text_of(trafford.get(url(page)))
        assert "Ours to watch" in shown and "Everyone's to watch" in shown, page
        assert "Theirs to watch" not in shown, page
        factory._meta.model.objects.filter(programme=agma, title__endswith="to watch").delete()


def test_savings_count_only_their_areas(trafford, agma):
    SavingsLineFactory(
        programme=agma, service_area=area(agma, NOT_THEIRS), note="Contact centre merger"
    )
    SavingsLineFactory(programme=agma, service_area=area(agma, THEIRS[0]), note="Payroll")
    page = text_of(trafford.get(url("registers:savings")))
    assert "Payroll" in page
    assert "Contact centre merger" not in page


def test_the_excel_list_export_holds_only_their_rows(trafford, agma):
    answer = trafford.get(url("spreadsheets:export", "milestones"))
    assert answer.status_code == 200
    sheet = load_workbook(BytesIO(b"".join(answer.streaming_content))).active
    cells = {str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell}
    assert any("Transactional HR" in cell for cell in cells)
    assert not any(NOT_THEIRS in cell for cell in cells)


def test_whole_programme_reports_and_the_workbook_are_refused(trafford, reader_client):
    for address in (
        url("spreadsheets:workbook"),
        url("reports:index"),
        url("reports:preview", "milestones"),
        url("reports:pdf", "milestones"),
    ):
        refused = trafford.get(address)
        assert refused.status_code == 403, address
        assert "Reports and the whole-programme workbook show every authority's work." in (
            text_of(refused)
        )
    assert reader_client.get(url("reports:index")).status_code == 200


def test_the_timeline_draws_only_their_areas(trafford):
    page = text_of(trafford.get(url("milestones:timeline")))
    assert "Transactional HR" in page
    assert NOT_THEIRS not in page


def test_only_a_readers_access_can_be_limited(django_user_model, agma):
    access = ProgrammeAccess(
        programme=agma,
        user=django_user_model.objects.create_user("x"),
        role=ProgrammeAccess.Role.MANAGER,
        partner=Organisation.objects.get(name="Trafford Council"),
    )
    with pytest.raises(ValidationError, match="Only a reader's access can be limited"):
        access.full_clean()
    access.role = ProgrammeAccess.Role.READER
    access.partner = Organisation.objects.create(name="Not A Partner Council")
    with pytest.raises(ValidationError, match="not a partner in the programme"):
        access.full_clean()


def test_a_manager_limits_a_readers_access_on_the_person_page(
    manager_client, agma, django_user_model
):
    person = new_person(agma, name="Tom Traff", email="tom@trafford.gov.uk")
    person.user = django_user_model.objects.create_user("tom@trafford.gov.uk")
    person.save()
    trafford = Organisation.objects.get(name="Trafford Council")
    answer = manager_client.post(
        reverse("people:access", kwargs={"programme": AGMA, "pk": person.pk}),
        {"role": "reader", "partner": trafford.pk},
        follow=True,
    )
    assert "Tom Traff now has reader access" in text_of(answer)
    assert ProgrammeAccess.objects.get(programme=agma, user=person.user).partner == trafford


@pytest.fixture
def meeting_with_both(agma):
    """A meeting that a milestone of theirs and one of another area report to, with a
    committee report written for it."""
    meeting = Meeting.objects.filter(body__programme=agma).order_by("date").first()
    ours = area(agma, THEIRS[0]).milestones.order_by("order").first()
    others = area(agma, NOT_THEIRS).milestones.order_by("order").first()
    for milestone in (ours, others):
        milestone.reports_to = meeting
        milestone.save()
    CommitteeReport.objects.create(
        programme=agma, meeting=meeting, date=meeting.date, subject="Shared services merger"
    )
    return meeting, ours, others


def test_the_meetings_page_lists_only_their_areas_milestones(
    trafford, reader_client, meeting_with_both
):
    _, ours, others = meeting_with_both
    page = text_of(trafford.get(url("reports:meetings")))
    assert f"Milestone: {ours.title}" in page
    assert f"Milestone: {others.title}" not in page
    assert LIMITED_TO_PARTNER in page
    everyone = text_of(reader_client.get(url("reports:meetings")))
    assert f"Milestone: {others.title}" in everyone
    assert LIMITED_TO_PARTNER not in everyone


def test_the_meetings_page_lists_no_committee_reports_for_them(
    trafford, reader_client, meeting_with_both
):
    assert "Committee report: Shared services merger" not in text_of(
        trafford.get(url("reports:meetings"))
    )
    assert "Committee report: Shared services merger" in text_of(
        reader_client.get(url("reports:meetings"))
    )


def partner_api(django_user_model, agma):
    limited_reader(django_user_model, agma, "Trafford Council", username="trafford-api")
    return token_client(django_user_model.objects.get(username="trafford-api"))


def names_listed(client, address: str, key: str) -> set:
    answer = client.get(address, {"programme": AGMA, "page_size": 500})
    assert answer.status_code == 200, answer.content
    return {row[key] for row in answer.json()["results"]}


def test_the_api_lists_only_their_service_areas(django_user_model, agma):
    listed = names_listed(partner_api(django_user_model, agma), "/api/service-areas/", "name")
    assert set(THEIRS) <= listed
    assert NOT_THEIRS not in listed


def test_the_api_lists_only_their_areas_milestones_and_refuses_the_others(django_user_model, agma):
    client = partner_api(django_user_model, agma)
    others = area(agma, NOT_THEIRS)
    listed = names_listed(client, "/api/milestones/", "service_area")
    assert area(agma, THEIRS[0]).pk in listed
    assert others.pk not in listed
    assert client.get(f"/api/milestones/{others.milestones.first().pk}/").status_code == 404
    assert client.get(f"/api/service-areas/{others.pk}/").status_code == 404


def test_the_api_keeps_their_areas_risks_and_programme_wide_ones(django_user_model, agma):
    RiskFactory(programme=agma, service_area=area(agma, THEIRS[0]), title="Ours to watch")
    RiskFactory(programme=agma, service_area=None, title="Everyone's to watch")
    RiskFactory(programme=agma, service_area=area(agma, NOT_THEIRS), title="Theirs to watch")
    listed = names_listed(partner_api(django_user_model, agma), "/api/risks/", "title")
    assert {"Ours to watch", "Everyone's to watch"} <= listed
    assert "Theirs to watch" not in listed


def test_the_api_lists_only_their_areas_progress_updates(django_user_model, agma):
    march = agma.reporting_periods.get(label="March 2010")
    for name in (THEIRS[0], NOT_THEIRS):  # each accepted, as a seed report's would be
        ProgressUpdate.objects.create(service_area=area(agma, name), period=march, text="Done.")
        update_recorded_as_accepted(service_area=area(agma, name), period=march)
    others = area(agma, NOT_THEIRS).pk
    reader = token_client(django_user_model.objects.get(username="reader"))
    assert others in names_listed(reader, "/api/progress-updates/", "service_area")
    listed = names_listed(
        partner_api(django_user_model, agma), "/api/progress-updates/", "service_area"
    )
    assert area(agma, THEIRS[0]).pk in listed
    assert others not in listed


def trafford_user(django_user_model):
    return django_user_model.objects.get(username="trafford-api")


def test_a_programme_calendar_feed_has_only_their_areas_milestones(django_user_model, agma):
    partner_api(django_user_model, agma)
    theirs = programme_feed(agma, "tracker.test", Rights.of(trafford_user(django_user_model)))
    everyone = programme_feed(
        agma, "tracker.test", Rights.of(django_user_model.objects.get(username="reader"))
    )
    hidden = [
        m.title
        for m in area(agma, NOT_THEIRS).milestones.all()
        if m.expected_completion.latest and f"Milestone due: {m.title}".encode() in everyone
    ]
    assert hidden, "Customer Contact has a dated milestone in the reader's feed"
    assert not any(f"Milestone due: {title}".encode() in theirs for title in hidden)


def test_the_meetings_export_lists_only_their_areas_milestones(
    trafford, reader_client, meeting_with_both
):
    _, ours, others = meeting_with_both

    def cells(client):
        answer = client.get(url("spreadsheets:export", "meetings"))
        assert answer.status_code == 200
        sheet = load_workbook(BytesIO(b"".join(answer.streaming_content))).active
        return " ".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)

    theirs = cells(trafford)
    assert ours.title in theirs
    assert others.title not in theirs
    assert others.title in cells(reader_client)


def test_the_meetings_page_counts_only_their_areas_milestones(trafford, reader_client, agma):
    meeting = Meeting.objects.filter(body__programme=agma).order_by("date").first()
    before = meeting.milestones.count()
    ours = area(agma, THEIRS[0])
    for number in range(12):  # more than the page names, so it gives a count and a link
        MilestoneFactory(service_area=ours, title=f"Ours {number}", reports_to=meeting)
    for number in range(5):
        MilestoneFactory(
            service_area=area(agma, NOT_THEIRS), title=f"Others {number}", reports_to=meeting
        )
    theirs_seen = meeting.milestones.filter(service_area__name__in=THEIRS).count()
    page = text_of(trafford.get(url("reports:meetings")))
    assert f"All {theirs_seen} milestones reporting to it" in page
    everyone = text_of(reader_client.get(url("reports:meetings")))
    assert f"All {before + 17} milestones reporting to it" in everyone
