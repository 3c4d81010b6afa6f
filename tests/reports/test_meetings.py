"""The meetings page: past and upcoming meetings with what each receives (milestones and
committee packs), and bounded queries."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from programmes.models import AgendaItem, GovernanceBody, Meeting
from tests.factories import MilestoneFactory, PersonFactory, ServiceAreaFactory
from tests.helpers import assert_bounded_queries, rows_of, text_of
from tests.programmes.factories import GovernanceBodyFactory, MeetingFactory
from tests.seed_programmes import HERTS, WIGAN

pytestmark = pytest.mark.django_db


def url(name, slug=WIGAN, query=""):
    return reverse(f"reports:{name}", kwargs={"programme": slug}) + query


def test_meetings_past_and_upcoming_with_what_they_receive(reader_client, wigan):
    body = GovernanceBody.objects.get(programme=wigan, name="Cabinet")
    Meeting.objects.create(
        body=body, date=timezone.localdate() + timedelta(days=14), title="Budget Cabinet"
    )
    response = reader_client.get(url("meetings"))
    upcoming = rows_of(response, "upcoming")
    assert len(upcoming) == 1 and "Budget Cabinet" in upcoming[0]
    past = rows_of(response, "past")
    assert past[0].startswith("Mon 06/10/2008 Overview and Scrutiny Committee")
    assert "Committee report: Support Services Review - Project Closure" in past[0]
    cabinet = next(row for row in past if row.startswith("Thu 14/06/2007"))
    assert "Milestone: Cabinet Briefing" in cabinet


def test_meetings_none_upcoming(reader_client):
    text = text_of(reader_client.get(url("meetings", HERTS)))
    assert "No meetings are planned from today on." in text
    assert "CECG" in text


def test_meetings_queries_do_not_grow(
    manager_client, managed_programme, django_assert_max_num_queries
):
    programme = managed_programme()
    area = ServiceAreaFactory(programme=programme)

    presenter = PersonFactory()
    programme.other_people.add(presenter)

    def add(n):
        for _ in range(n):
            meeting = MeetingFactory(body=GovernanceBodyFactory(programme=programme))
            MilestoneFactory(service_area=area, reports_to=meeting)
            AgendaItem.objects.create(meeting=meeting, order=1, title="Update", presenter=presenter)

    # Its milestones, committee reports, issued packs and agenda are read once for all meetings.
    assert_bounded_queries(
        manager_client, url("meetings", programme.slug), add, 12, django_assert_max_num_queries
    )
