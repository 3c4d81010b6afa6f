"""Meetings, governance and glossary: what each role reads, and bounded queries."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core import fuzzydates
from programmes.models import BodyMembership, GlossaryTerm, GovernanceBody, Meeting
from tests.factories import MilestoneFactory, PersonFactory, ServiceAreaFactory
from tests.helpers import assert_bounded_queries, row_starting, rows_of, text_of
from tests.programmes.factories import GlossaryTermFactory, GovernanceBodyFactory, MeetingFactory
from tests.seed_programmes import ETTW, HERTS, WIGAN

pytestmark = pytest.mark.django_db


def url(name, slug=WIGAN, query=""):
    return reverse(f"registers:{name}", kwargs={"programme": slug}) + query


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
