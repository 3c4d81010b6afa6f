"""A programme's timeline: the months it draws, the range chosen, one area, today marked, and
bounded queries."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core import fuzzydates
from tests.factories import MilestoneFactory, ServiceAreaFactory
from tests.helpers import assert_bounded_queries, row_starting, rows_of, text_of
from tests.seed_programmes import AGMA

pytestmark = pytest.mark.django_db


def url(slug, query=""):
    return reverse("milestones:timeline", kwargs={"programme": slug}) + query


def test_timeline_draws_the_months_the_dates_need(reader_client):
    response = reader_client.get(url(AGMA))
    html = response.content.decode()
    assert "<h2" in html and "January 2009 to December 2011" in text_of(response)
    assert "<svg" in html and "AGMA Collaborative Services: timeline</title>" in html
    assert "Planned (top bar)" in html and "Forecast (middle bar)" in html
    assert "is after the months shown" in html
    row = row_starting(response, "Stage 0-1")
    assert row == "Stage 0-1 Sep 2009 Jun 2010 — — — In progress"


def test_timeline_months_can_be_chosen(reader_client):
    response = reader_client.get(url(AGMA, "?start=April+2009&months=12"))
    assert "April 2009 to March 2010" in text_of(response)
    refused = reader_client.get(url(AGMA, "?start=soon"))
    assert "“soon” is not a month we can read: write it like April 2009." in text_of(refused)


def test_timeline_of_one_area(reader_client, own_area):
    response = reader_client.get(url(AGMA, f"?area={own_area.pk}"))
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
    html = manager_client.get(url(programme.slug)).content.decode()
    assert ">Today</text>" in html


def test_timeline_queries_do_not_grow(
    manager_client, managed_programme, django_assert_max_num_queries
):
    programme = managed_programme()

    def add(n):
        for _ in range(n):
            MilestoneFactory(service_area=ServiceAreaFactory(programme=programme))

    assert_bounded_queries(
        manager_client, url(programme.slug), add, 11, django_assert_max_num_queries
    )
