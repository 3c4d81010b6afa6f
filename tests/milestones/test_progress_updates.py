"""A progress update per period (the area's update page: its own text and each milestone's
comment): every version kept with who and when; one written meanwhile by someone else is shown
to the second writer, never silently replaced."""

import pytest
from django.urls import reverse

from core.versioning import StaleEdit
from milestones import services
from milestones.models import Milestone, ProgressUpdate
from programmes.models import ServiceArea
from tests.core.tabs import Tab

pytestmark = pytest.mark.django_db

AGMA = "agma-collaborative-services"


def transactional_hr():
    return ServiceArea.objects.get(programme__slug=AGMA, name="Transactional HR")


def update_url(area):
    return reverse("programmes:area-update", kwargs={"programme": AGMA, "pk": area.pk})


def march_2010(area):
    return area.programme.reporting_periods.get(label="March 2010")


def the_update(area):
    return ProgressUpdate.objects.get(service_area=area, milestone=None, period=march_2010(area))


def test_the_second_writer_is_shown_the_first_update_and_it_is_not_replaced(
    champion_client, manager_client
):
    area = transactional_hr()
    tab_a = Tab(champion_client, update_url(area)).open()
    tab_b = Tab(manager_client, update_url(area)).open()  # opened before A saved

    assert tab_a.save(text="Workshops booked for April.").status_code == 302
    refused = tab_b.save(text="Payroll go-live moved to May.")
    html = refused.content.decode()
    assert "Phil Badley saved this update while you were editing it" in html
    assert "Update is now “Workshops booked for April.”" in html
    assert "Payroll go-live moved to May." in html  # the second text is still in the form
    assert the_update(area).text == "Workshops booked for April."

    assert tab_b.save().status_code == 302  # having seen it, the manager revises it
    update = the_update(area)
    assert (update.text, update.version, update.written_by.username) == (
        "Payroll go-live moved to May.",
        2,
        "manager",
    )
    kept = [(row.text, row.history_user.username) for row in update.history.order_by("history_id")]
    assert kept == [
        ("Workshops booked for April.", "champion"),
        ("Payroll go-live moved to May.", "manager"),
    ]


def test_a_writer_who_saw_the_update_revises_it_and_the_first_text_stays_in_the_history(
    champion_client, manager_client
):
    area = transactional_hr()
    Tab(champion_client, update_url(area)).open().save(text="First text.")
    tab = Tab(manager_client, update_url(area)).open()
    assert tab.data["text"] == "First text."  # the form opens with the update to revise

    assert tab.save(text="Revised text.").status_code == 302
    update = the_update(area)
    assert (update.text, update.version) == ("Revised text.", 2)
    assert list(update.history.values_list("text", flat=True)) == ["Revised text.", "First text."]


def test_saving_the_same_words_again_records_nothing(champion_client):
    area = transactional_hr()
    Tab(champion_client, update_url(area)).open().save(text="Line one.\nLine two.")
    tab = Tab(champion_client, update_url(area)).open()  # the browser sends "\r\n"
    assert "\r\n" in tab.data["text"]
    assert tab.save().status_code == 302
    update = the_update(area)
    assert (update.version, update.history.count()) == (1, 1)


def test_a_milestones_update_written_meanwhile_is_shown_not_replaced(
    champion_client, manager_client
):
    area = transactional_hr()
    milestone = Milestone.objects.get(service_area=area, title="Stage 0-1")
    field = f"m{milestone.pk}_text"
    tab_a = Tab(champion_client, update_url(area)).open()
    tab_b = Tab(manager_client, update_url(area)).open()
    assert tab_a.data[field] == milestone.comment.replace("\n", "\r\n")  # opens as the record
    assert tab_a.save(**{field: "Scoping done."}).status_code == 302

    refused = tab_b.save(**{field: "Scoping late."})
    html = refused.content.decode()
    assert "Update is now “Scoping done.”" in html
    assert "Scoping late.</textarea>" in html  # the manager's words are still in the form
    assert milestone.updates.get().text == "Scoping done."
    milestone.refresh_from_db()
    assert milestone.comment != "Scoping done."  # the record changes when it is accepted


def test_the_service_refuses_to_replace_an_update_the_writer_has_not_seen():
    area = transactional_hr()
    period = march_2010(area)
    first = services.progress_update_write(
        service_area=area, period=period, text="First.", opened_version=None
    )
    with pytest.raises(StaleEdit) as refused:
        services.progress_update_write(
            service_area=area, period=period, text="Second.", opened_version=None
        )
    assert refused.value.current.text == "First."
    with pytest.raises(StaleEdit):  # saw an older version than the one there now
        services.progress_update_write(
            service_area=area, period=period, text="Third.", opened_version=first.version - 1
        )
    assert the_update(area).text == "First."
