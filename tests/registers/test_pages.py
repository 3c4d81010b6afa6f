"""Meetings, timeline, governance and glossary: what each role reads, and bounded queries."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core import fuzzydates
from programmes.models import BodyMembership, GlossaryTerm, GovernanceBody, Meeting
from tests.factories import MilestoneFactory, PersonFactory, ServiceAreaFactory

from .conftest import AGMA, ETTW, HERTS, WIGAN
from .factories import GlossaryTermFactory, GovernanceBodyFactory, MeetingFactory
from .helpers import assert_bounded_queries, row_starting, rows_of, text_of

pytestmark = pytest.mark.django_db

PAGES = (
    "milestones",
    "risks",
    "savings",
    "budget",
    "actions",
    "meetings",
    "timeline",
    "governance",
    "glossary",
)


def url(name, slug=WIGAN, query=""):
    return reverse(f"registers:{name}", kwargs={"programme": slug}) + query


@pytest.mark.parametrize("name", PAGES)
def test_every_page_for_every_role(name, manager_client, django_user_model, client):
    html = manager_client.get(url(name)).content.decode()
    assert html.count("<h1") == 1
    assert '<nav aria-label="Breadcrumb">' in html
    assert f'href="{reverse("programmes:overview", kwargs={"programme": WIGAN})}"' in html
    assert 'aria-current="page"' in html
    client.force_login(django_user_model.objects.get(username="reader"))
    assert client.get(url(name)).status_code == 200
    client.force_login(django_user_model.objects.get(username="champion"))
    assert client.get(url(name)).status_code == 403
    assert client.get(url(name, AGMA)).status_code == 200
    client.logout()
    assert client.get(url(name)).status_code == 302


# --- Meetings ------------------------------------------------------------------------------------


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

    def add(n):
        for _ in range(n):
            meeting = MeetingFactory(body=GovernanceBodyFactory(programme=programme))
            MilestoneFactory(service_area=area, reports_to=meeting)

    assert_bounded_queries(
        manager_client, url("meetings", programme.slug), add, 10, django_assert_max_num_queries
    )


# --- Timeline ------------------------------------------------------------------------------------


def test_timeline_draws_the_months_the_dates_need(reader_client):
    response = reader_client.get(url("timeline", AGMA))
    html = response.content.decode()
    assert "<h2" in html and "January 2009 to December 2011" in text_of(response)
    assert "<svg" in html and "AGMA Collaborative Services: timeline</title>" in html
    assert "Planned (top bar)" in html and "Forecast (middle bar)" in html
    assert "is after the months shown" in html
    row = row_starting(response, "Stage 0-1")
    assert row == "Stage 0-1 Sep 2009 Jun 2010 — — — In progress"


def test_timeline_months_can_be_chosen(reader_client):
    response = reader_client.get(url("timeline", AGMA, "?start=April+2009&months=12"))
    assert "April 2009 to March 2010" in text_of(response)
    refused = reader_client.get(url("timeline", AGMA, "?start=soon"))
    assert "“soon” is not a month we can read: write it like April 2009." in text_of(refused)


def test_timeline_of_one_area(reader_client, own_area):
    response = reader_client.get(url("timeline", AGMA, f"?area={own_area.pk}"))
    rows = rows_of(response)
    assert rows == [
        "Transactional HR",
        "Scope defined Jun 2009 Jul 2009 — — — Complete — date not recorded",
        "Stage 0-1 Sep 2009 Jun 2010 — — — In progress",
    ]


def test_timeline_marks_today(manager_client, managed_programme):
    programme = managed_programme()
    today = timezone.localdate()
    MilestoneFactory(
        service_area=ServiceAreaFactory(programme=programme),
        planned_start=fuzzydates.FuzzyDate.from_date(today - timedelta(days=90)),
        planned_completion=fuzzydates.FuzzyDate.from_date(today + timedelta(days=90)),
    )
    html = manager_client.get(url("timeline", programme.slug)).content.decode()
    assert ">Today</text>" in html


def test_timeline_queries_do_not_grow(
    manager_client, managed_programme, django_assert_max_num_queries
):
    programme = managed_programme()

    def add(n):
        for _ in range(n):
            MilestoneFactory(service_area=ServiceAreaFactory(programme=programme))

    assert_bounded_queries(
        manager_client, url("timeline", programme.slug), add, 10, django_assert_max_num_queries
    )


# --- Governance and glossary ---------------------------------------------------------------------


def test_governance_bodies_with_members_and_terms(reader_client):
    response = reader_client.get(url("governance"))
    row = row_starting(response, "Programme Management Team")
    assert row == "Programme Management Team PMT Team Senior Management Team — 8"
    text = text_of(response)
    assert "Sue Johnson, Wigan" in text
    assert "Programme Management Team (PMT)" in text


def test_governance_queries_do_not_grow(
    manager_client, managed_programme, django_assert_max_num_queries
):
    programme = managed_programme()

    def add(n):
        for _ in range(n):
            body = GovernanceBodyFactory(
                programme=programme,
                terms_agreed=fuzzydates.parse("July 2007"),
                terms_agreed_by="Leaders Group",
            )
            BodyMembership.objects.create(body=body, person=PersonFactory(), role="Chair")

    assert_bounded_queries(
        manager_client, url("governance", programme.slug), add, 9, django_assert_max_num_queries
    )
    text = text_of(manager_client.get(url("governance", programme.slug)))
    assert "Agreed Jul 2007 by Leaders Group." in text
    assert "Steer the programme" in text
    assert "Head of Service" in text and "– Chair" in text


def test_glossary_is_alphabetical(reader_client):
    rows = rows_of(reader_client.get(url("glossary")))
    terms = [row.split(" ")[0] for row in rows]
    assert terms[:3] == ["AGMA", "BMG", "BPR"]
    assert terms == sorted(terms, key=str.lower)
    assert len(rows) == 31


def test_glossary_of_ettw(reader_client):
    rows = rows_of(reader_client.get(url("glossary", ETTW)))
    assert len(rows) == GlossaryTerm.objects.filter(programme__slug=ETTW).count()
    assert any(row.startswith("JIB Joint Improvement Board") for row in rows), rows


def test_glossary_queries_do_not_grow(
    manager_client, managed_programme, django_assert_max_num_queries
):
    programme = managed_programme()

    def add(n):
        for _ in range(n):
            GlossaryTermFactory(programme=programme)

    assert_bounded_queries(
        manager_client, url("glossary", programme.slug), add, 8, django_assert_max_num_queries
    )
