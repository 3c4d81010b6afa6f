"""Adding milestones to a service area in the browser: one with all its fields, or several
pasted from Word at once (all or nothing, each refused line shown with why), by the area's
champion or the programme's managers only."""

import pytest
from django.urls import reverse

from milestones.models import Milestone
from programmes.models import Meeting, Person, ProgrammeAccess
from tests.helpers import row_of, text_of

pytestmark = pytest.mark.django_db

AGMA = "agma-collaborative-services"


def add_url(area):
    return reverse("milestones:add", kwargs={"programme": AGMA, "area": area.pk})


def several_url(area):
    return reverse("milestones:add-several", kwargs={"programme": AGMA, "area": area.pk})


def area_url(area):
    return reverse("programmes:service-area", kwargs={"programme": AGMA, "pk": area.pk})


def new_milestone(**typed):
    data = {
        "title": "Programme Director recruitment",
        "stage": "",
        "status": "not_started",
        "rag": "",
        "owner": "",
        "planned_start_text": "",
        "planned_completion_text": "",
        "forecast_completion_text": "",
        "actual_start_text": "",
        "actual_completion_text": "",
        "comment": "",
        "estimated_cost": "",
        "reports_to": "",
    }
    return {**data, **typed}


@pytest.fixture
def other_manager(django_user_model, wigan):
    """A manager of the Wigan programme only."""
    user = django_user_model.objects.create_user("wigan-manager", password="pw")
    ProgrammeAccess.objects.create(programme=wigan, user=user, role=ProgrammeAccess.Role.MANAGER)
    return user


# --- one milestone --------------------------------------------------------------------------


def test_manager_adds_a_milestone_with_every_field_and_it_shows_on_the_area_page(
    manager_client, own_area, agma
):
    stage = agma.stages.get(code="Stage 1")
    owner = Person.objects.get(name="Phil Badley")
    meeting = Meeting.objects.filter(body__programme=agma).first()
    response = manager_client.post(
        add_url(own_area),
        new_milestone(
            stage=stage.pk,
            status="in_progress",
            rag="amber",
            owner=owner.pk,
            planned_start_text="w/c 2-7-07",
            planned_completion_text="end March 2010",
            forecast_completion_text="Q2 2010",
            comment="Shortlist agreed.\r\n\r\n- interviews in May",
            estimated_cost="£12,500",
            reports_to=meeting.pk,
        ),
        follow=True,
    )
    assert "Added “Programme Director recruitment” to Transactional HR." in text_of(response)
    added = Milestone.objects.get(service_area=own_area, title="Programme Director recruitment")
    assert (added.stage, added.owner, added.reports_to) == (stage, owner, meeting)
    assert added.planned_completion_text == "end March 2010"
    assert added.planned_completion.latest.isoformat() == "2010-03-31"
    assert added.forecast_completion.precision == "quarter"
    assert (added.status, added.rag, added.estimated_cost) == ("in_progress", "amber", 12500)
    assert added.history.get().history_user.username == "manager"
    # After the area's other milestones, and on its page with its dates as the reports print them.
    assert added.order > max(m.order for m in own_area.milestones.exclude(pk=added.pk))
    assert "end Mar 2010" in row_of(response, "Programme Director recruitment")


def test_champion_adds_to_their_own_area_but_not_to_another(champion_client, own_area, other_area):
    assert champion_client.post(add_url(own_area), new_milestone()).status_code == 302
    refused = champion_client.post(add_url(other_area), new_milestone(title="Not mine"))
    assert refused.status_code == 403
    assert not Milestone.objects.filter(title="Not mine").exists()


@pytest.mark.parametrize("who", ["reader", "wigan-manager"])
def test_readers_and_other_programmes_managers_cannot_add(
    who, own_area, other_manager, django_user_model, client
):
    client.force_login(django_user_model.objects.get(username=who))
    assert client.get(add_url(own_area)).status_code == 403
    assert client.post(add_url(own_area), new_milestone(title="Sneaked in")).status_code == 403
    assert client.post(several_url(own_area), {"lines": "Sneaked in"}).status_code == 403
    assert not Milestone.objects.filter(title="Sneaked in").exists()


def test_an_administrator_may_add(admin_client_logged_in, own_area):
    response = admin_client_logged_in.get(add_url(own_area))
    assert response.status_code == 200
    assert f"Add a milestone to {own_area.name}" in text_of(response)


def test_the_area_page_offers_the_buttons_only_to_those_who_may_use_them(
    champion_client, reader_client, own_area, other_area
):
    mine = text_of(champion_client.get(area_url(own_area)))
    for words in (
        "Add a milestone",
        "Add several",
        "Change dates and statuses",
        "Change the order",
    ):
        assert words in mine
    assert "Add a milestone" not in text_of(champion_client.get(area_url(other_area)))
    assert "Add a milestone" not in text_of(reader_client.get(area_url(own_area)))


def test_an_owner_from_outside_the_programme_is_refused(manager_client, own_area):
    outsider = Person.objects.create(name="Someone Elsewhere")
    response = manager_client.post(add_url(own_area), new_milestone(owner=outsider.pk))
    assert "only this programme's people can be chosen here" in text_of(response)
    assert not Milestone.objects.filter(title="Programme Director recruitment").exists()


def test_a_date_the_calendar_does_not_have_is_refused_and_what_was_typed_kept(
    manager_client, own_area
):
    response = manager_client.post(
        add_url(own_area), new_milestone(planned_completion_text="31/02/2010")
    )
    page = text_of(response)
    assert "There is a problem" in page and "There is no 31 February 2010." in page
    assert 'value="31/02/2010"' in response.content.decode()
    assert not Milestone.objects.filter(title="Programme Director recruitment").exists()


def test_completion_before_start_is_refused_in_words(manager_client, own_area):
    response = manager_client.post(
        add_url(own_area),
        new_milestone(planned_start_text="June 2010", planned_completion_text="March 2010"),
    )
    assert "The planned completion cannot be before the planned start." in text_of(response)
    assert not Milestone.objects.filter(title="Programme Director recruitment").exists()


def test_a_new_milestone_cannot_be_added_as_cancelled(manager_client, own_area):
    """Cancelled is given by cancelling, which asks why."""
    form = manager_client.get(add_url(own_area)).context["form"]
    assert "cancelled" not in dict(form.fields["status"].choices)
    response = manager_client.post(add_url(own_area), new_milestone(status="cancelled"))
    assert "Select a valid choice" in text_of(response)
    assert not Milestone.objects.filter(title="Programme Director recruitment").exists()


def test_an_actual_completion_date_marks_the_new_milestone_complete(manager_client, own_area):
    manager_client.post(add_url(own_area), new_milestone(actual_completion_text="12/03/2010"))
    added = Milestone.objects.get(title="Programme Director recruitment")
    assert added.status == "complete"


def test_add_another_comes_back_to_an_empty_form(manager_client, own_area):
    response = manager_client.post(add_url(own_area), new_milestone(another="1"))
    assert response.status_code == 302 and response.url == add_url(own_area)


# --- several at once ------------------------------------------------------------------------

PASTED = (
    "Stage 1 report to CSG\t26 July 2010\r\n"
    "\r\n"
    "Consultation with staff | September 2010 | end October 2010\r\n"
    "Options appraisal\tTBC\t\t\r\n"
)


def test_several_pasted_from_word_are_added_in_order_with_their_dates(
    manager_client, own_area, agma
):
    stage = agma.stages.get(code="Stage 1")
    owner = Person.objects.get(name="Phil Badley")
    response = manager_client.post(
        several_url(own_area),
        {"lines": PASTED, "stage": stage.pk, "owner": owner.pk},
        follow=True,
    )
    assert "Added 3 milestones to Transactional HR." in text_of(response)
    added = list(own_area.milestones.filter(stage=stage).order_by("order"))
    assert [m.title for m in added] == [
        "Stage 1 report to CSG",
        "Consultation with staff",
        "Options appraisal",
    ]
    first, second, third = added
    assert first.planned_completion.latest.isoformat() == "2010-07-26"
    assert (second.planned_start_text, second.planned_completion_text) == (
        "September 2010",
        "end October 2010",
    )
    assert third.planned_completion_text == "TBC" and not third.planned_completion.is_dated
    assert {m.owner for m in added} == {owner}
    assert all(m.history.get().history_user.username == "manager" for m in added)


def test_one_bad_line_adds_nothing_and_is_shown_against_its_line(manager_client, own_area):
    before = own_area.milestones.count()
    lines = "Stage 1 report to CSG\t26 July 2010\r\nConsultation\t31/02/2010\r\n"
    response = manager_client.post(several_url(own_area), {"lines": lines})
    assert own_area.milestones.count() == before
    page = text_of(response)
    assert "Nothing has been added: line 2 needs correcting" in page
    assert "Line 2: There is no 31 February 2010." in row_of(response, "Consultation")
    assert "Consultation\t31/02/2010" in response.content.decode()  # the text is kept


def test_a_rule_the_service_refuses_adds_nothing_and_names_the_line(manager_client, own_area):
    before = own_area.milestones.count()
    lines = "Fine\tMarch 2010\r\nBackwards | June 2010 | March 2010\r\n" + "x" * 301 + "\r\n"
    response = manager_client.post(several_url(own_area), {"lines": lines})
    assert own_area.milestones.count() == before
    assert "The planned completion cannot be before the planned start." in row_of(
        response, "Backwards"
    )
    assert "at most 300 characters" in row_of(response, "xxxx")
    assert "lines 2, 3 need correcting" in text_of(response)


def test_too_many_columns_is_explained(manager_client, own_area):
    response = manager_client.post(several_url(own_area), {"lines": "A\tB\tC\tD"})
    assert "It has 4 columns" in text_of(response)
    assert not Milestone.objects.filter(title="A").exists()


def test_check_shows_how_each_line_was_read_and_adds_nothing(manager_client, own_area):
    response = manager_client.post(
        several_url(own_area), {"lines": "Go live\tend Sept 2010", "check": "1"}
    )
    assert "Read as end Sep 2010 (21 Sep 2010 to 30 Sep 2010)." in row_of(response, "Go live")
    assert "Nothing is added yet." in text_of(response)
    assert not Milestone.objects.filter(title="Go live").exists()


def test_keep_as_words_keeps_an_impossible_date_as_its_words(manager_client, own_area):
    manager_client.post(
        several_url(own_area), {"lines": "Go live\t31/02/2010", "keep_as_words": "on"}
    )
    added = Milestone.objects.get(title="Go live")
    assert added.planned_completion_text == "31/02/2010" and not added.planned_completion.is_dated
