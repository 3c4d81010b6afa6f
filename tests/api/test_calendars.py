"""Calendar feeds behind a secret link: a programme's, and a person's own; revocable, and
showing only what the link's user can still see."""

import re

from django.test import Client
from icalendar import Calendar

from api.models import CalendarLink
from programmes.models import ProgrammeAccess
from tests.helpers import text_of

AGMA = "agma-collaborative-services"


def make_link(client, **data) -> str:
    page = client.post("/accounts/calendars/", {"name": "Outlook", **data})
    assert page.status_code == 200
    return re.search(r'value="(http[^"]+\.ics)"', page.content.decode()).group(1)


def events(url):
    response = Client().get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return [str(event["summary"]) for event in Calendar.from_ical(response.content).walk("VEVENT")]


def test_a_programmes_feed_has_its_milestones_and_meetings(manager_client, agma):
    url = make_link(manager_client, programme=agma.pk)
    summaries = events(url)
    assert any(s.startswith("Milestone due: ") for s in summaries)
    assert any(" meeting" in s for s in summaries)


def test_a_personal_feed_has_only_the_persons_own_milestones(champion_client, own_area):
    url = make_link(champion_client)
    summaries = events(url)
    titles = {f"Milestone due: {m.title}" for m in own_area.milestones.all()}
    due = [s for s in summaries if s.startswith("Milestone due: ")]
    assert due and set(due) <= titles


def test_a_revoked_link_stops_working(manager_client, agma):
    url = make_link(manager_client, programme=agma.pk)
    link = CalendarLink.objects.get(name="Outlook")
    page = manager_client.post(f"/accounts/calendars/{link.pk}/revoke/", follow=True)
    assert "it no longer works" in text_of(page)
    assert Client().get(url).status_code == 404


def test_losing_access_closes_the_programmes_feed(reader_client, django_user_model, agma):
    url = make_link(reader_client, programme=agma.pk)
    assert Client().get(url).status_code == 200  # the link works while the access lasts
    ProgrammeAccess.objects.filter(user__username="reader", programme=agma).delete()
    assert Client().get(url).status_code == 404


def test_the_link_is_shown_once(manager_client, agma):
    url = make_link(manager_client, programme=agma.pk)
    assert url not in manager_client.get("/accounts/calendars/").content.decode()
