"""Issuing a pack asks first: the preview's "Issue to the meeting…" opens a page that shows what
will be frozen and for which meeting, with "Issue" and "Cancel"; nothing is issued until that
page's "Issue" is pressed."""

from datetime import date
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.urls import reverse

from programmes.models import Meeting, ServiceArea
from reports.models import IssuedPack
from tests.helpers import text_of

pytestmark = pytest.mark.django_db

AGMA = "agma-collaborative-services"
ISSUE = reverse("reports:issue", args=[AGMA, "milestones"])


@pytest.fixture
def area():
    return ServiceArea.objects.get(programme__slug=AGMA, name="Transactional Finance")


@pytest.fixture
def meeting():
    return Meeting.objects.get(body__programme__slug=AGMA, date=date(2010, 3, 10))


@pytest.fixture
def choices(area, meeting):
    return {"as_at": "31/03/2010", "areas": area.pk, "meeting": meeting.pk}


def test_the_preview_asks_before_it_issues(manager_client):
    response = manager_client.get(reverse("reports:preview", args=[AGMA, "milestones"]))
    assert f'<form method="get" action="{ISSUE}"' in response.content.decode()
    page = text_of(response)
    assert "Issue to the meeting…" in page
    assert "The next page shows what will be issued and asks you to confirm." in page


def test_the_confirmation_shows_what_will_be_frozen_and_issues_nothing(manager_client, choices):
    response = manager_client.get(ISSUE, choices)
    assert response.status_code == 200
    page = text_of(response)
    assert "Issue this pack to CSG 10 March 2010?" in page
    assert "It cannot be changed or withdrawn afterwards" in page
    assert "Report Milestones Report March 2010 (Milestones report)" in page
    assert "For the meeting CSG 10 March 2010" in page
    assert "As at 31 March 2010" in page
    assert "Service Areas Transactional Finance Sections" in page
    assert "Changes shown since No comparison" in page
    # Below, the report itself: the chosen area's milestones, and no other area's.
    assert "Stage 0 stalled due to closure of accounts activity" in page
    assert "Service Area: Transactional HR" not in page
    assert not IssuedPack.objects.exists()


def test_the_confirmation_carries_the_choices_to_issue_and_to_cancel(
    manager_client, choices, area, meeting
):
    response = manager_client.get(ISSUE, choices)
    html = response.content.decode()
    assert '<input type="hidden" name="confirmed" value="yes">' in html
    assert f'<input type="hidden" name="meeting" value="{meeting.pk}">' in html
    assert f'<input type="hidden" name="areas" value="{area.pk}">' in html
    assert '<input type="hidden" name="as_at" value="31/03/2010">' in html
    cancel = urlsplit(response.context["cancel_url"])
    assert cancel.path == reverse("reports:preview", args=[AGMA, "milestones"])
    assert ("areas", str(area.pk)) in parse_qsl(cancel.query)
    assert ("as_at", "31/03/2010") in parse_qsl(cancel.query)
    assert ">Cancel<" in html and ">Issue</button>" in html


def test_only_the_confirmed_post_issues(manager_client, choices, area, meeting):
    unconfirmed = manager_client.post(ISSUE, choices)
    assert unconfirmed.status_code == 200
    assert "Issue this pack to" in text_of(unconfirmed)
    assert not IssuedPack.objects.exists()

    issued = manager_client.post(ISSUE, {**choices, "confirmed": "yes", "early_meeting": "yes"})
    pack = IssuedPack.objects.get()
    assert issued["Location"] == pack.get_absolute_url()
    assert (pack.meeting, pack.options["service_areas"]) == (meeting, [area.pk])


def test_without_a_meeting_the_preview_says_so(manager_client, area):
    response = manager_client.get(ISSUE, {"as_at": "31/03/2010", "areas": area.pk})
    assert response.status_code == 400
    assert "This field is required" in text_of(response)
    assert not IssuedPack.objects.exists()


def test_readers_are_refused_the_confirmation_with_the_reason(reader_client, choices):
    response = reader_client.get(ISSUE, choices)
    assert response.status_code == 403
    assert "Only this programme's managers can issue committee packs." in text_of(response)


def test_a_meeting_before_the_as_at_date_is_asked_about_in_words(manager_client, choices):
    """The meeting of 10 March 2010 is before the report's as-at date, 31 March 2010: the
    confirmation asks, and "Issue" without the answer issues nothing."""
    question = (
        "The meeting on 10 March 2010 is held before this report's as-at date, 31 March 2010. "
        "Issue it to that meeting all the same?"
    )
    page = text_of(manager_client.get(ISSUE, choices))
    assert question in page
    assert "Yes, issue it to this earlier meeting" in page

    unanswered = manager_client.post(ISSUE, {**choices, "confirmed": "yes"})
    assert unanswered.status_code == 400
    assert "Nothing has been issued: tick the box below" in text_of(unanswered)
    assert not IssuedPack.objects.exists()


def test_a_meeting_on_the_as_at_date_is_not_asked_about(manager_client, choices):
    same_day = {**choices, "as_at": "10/03/2010"}
    assert "held before this report's as-at date" not in text_of(
        manager_client.get(ISSUE, same_day)
    )
    manager_client.post(ISSUE, {**same_day, "confirmed": "yes"})
    assert IssuedPack.objects.get().as_at == date(2010, 3, 10)
