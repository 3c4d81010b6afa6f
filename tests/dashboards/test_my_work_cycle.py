"""My work shows each user what the period's update cycle asks of them: updates to write and to
answer, reviews to make, each count linking to its list; and reminders go only to the areas
whose update is still owed."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from dashboards.reminders import send_update_reminders
from programmes.models import Person
from tests.helpers import text_of
from tests.update_cycle import AGMA, send_back, submitted, user, write

pytestmark = pytest.mark.django_db

MY_WORK = reverse("programmes:my-work")


def my_work(client) -> str:
    response = client.get(MY_WORK)
    assert response.status_code == 200
    return text_of(response)


def review_url(area, period):
    return reverse(
        "programmes:update-review", kwargs={"programme": AGMA, "pk": area.pk, "period": period.pk}
    )


def test_the_champion_sees_the_update_to_write_then_the_one_returned_to_answer(
    champion_client, hr, march
):
    page = my_work(champion_client)
    assert "1 update to write" in page and "0 returned to you to answer" in page
    assert "Transactional HR (AGMA): no update yet for March 2010" in page
    assert '<a href="#to-write"><strong>1</strong> update to write</a>' in (
        champion_client.get(MY_WORK).content.decode()
    )

    write(hr, march, user("champion"), "Draft.")
    assert "a draft for March 2010, not yet submitted" in my_work(champion_client)

    record = submitted(hr, march)
    assert "0 updates to write" in my_work(champion_client)

    send_back(record, "Which authorities?")
    page = my_work(champion_client)
    assert "1 returned to you to answer" in page
    assert "the update for March 2010 was returned" in page and "Demo Manager" in page
    assert "to review" not in page  # a champion reviews nothing


def test_the_manager_sees_the_reviews_to_make_but_never_their_own(
    manager_client, manager_champion, second_manager, hr, march
):
    assert "0 to review" in my_work(manager_client)
    submitted(hr, march, by=manager_champion)
    html = manager_client.get(MY_WORK).content.decode()
    assert "<strong>1</strong> to review" in html
    assert f'href="{review_url(hr, march)}"' in html

    own = Client()
    own.force_login(manager_champion)
    assert "0 to review" in my_work(own)
    second = Client()
    second.force_login(second_manager)
    assert "1 to review" in my_work(second)


def test_reminders_go_to_areas_whose_update_is_owed_not_to_those_who_submitted(agma, hr, march):
    Person.objects.filter(name="Phil Badley").update(email="phil.badley@stockport.gov.uk")
    write(hr, march, user("champion"), "Draft.")
    send_update_reminders(
        programme=agma, base_url="https://tracker.example.gov.uk", on_request=True
    )
    assert [m.to for m in mail.outbox] == [["phil.badley@stockport.gov.uk"]]  # a draft is owed

    mail.outbox.clear()
    submitted(hr, march)
    result = send_update_reminders(
        programme=agma, base_url="https://tracker.example.gov.uk", on_request=True
    )
    assert mail.outbox == [] and hr not in [area for _, area in result.sent]
