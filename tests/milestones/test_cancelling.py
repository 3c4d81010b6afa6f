"""Cancelling a milestone, never deleting it: it says why and who, keeps its history, is never
late, appears in the summary of changes since the last report, and can be reinstated."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from core.fuzzydates import parse
from milestones import services
from milestones.models import Milestone
from reports.changes import changes_since
from tests.helpers import text_of

pytestmark = pytest.mark.django_db

AGMA = "agma-collaborative-services"


def stage_0_1():
    return Milestone.objects.get(
        service_area__programme__slug=AGMA, service_area__name="Transactional HR", title="Stage 0-1"
    )


def cancel_url(m):
    return reverse("milestones:cancel", kwargs={"pk": m.pk})


def reinstate_url(m):
    return reverse("milestones:reinstate", kwargs={"pk": m.pk})


def detail(client, m):
    return client.get(reverse("milestones:detail", kwargs={"pk": m.pk}))


def cancel(m, by=None, reason="Merged into the Stage 2 milestone"):
    return services.milestone_cancel(milestone=m, opened_version=m.version, reason=reason, by=by)


def test_champion_cancels_with_a_reason_and_the_page_says_why_and_who(champion_client):
    m = stage_0_1()
    moves = m.date_changes.count()
    response = champion_client.post(
        cancel_url(m),
        {"version": m.version, "reason": "No longer needed: merged into Stage 2."},
        follow=True,
    )
    page = text_of(response)
    assert "Cancelled “Stage 0-1”." in page
    today = timezone.localdate().strftime("%-d %B %Y")
    assert f"Cancelled on {today} by Phil Badley" in page
    assert "No longer needed: merged into Stage 2." in page
    m.refresh_from_db()
    assert m.status == "cancelled" and m.cancelled_by.username == "champion"
    # Nothing is lost: its dates, their history and its record are all kept.
    assert m.planned_completion_text == "June 2010" and m.date_changes.count() == moves
    assert "Reinstate this milestone" in page and "Cancel this milestone" not in page


def test_a_cancelled_milestone_is_never_late(champion_client):
    m = stage_0_1()
    services.milestone_edit(
        milestone=m,
        opened_version=m.version,
        changes={"forecast_completion": parse("Jan 2011")},
        reason="Restructure",
    )
    after = date(2012, 1, 1)
    assert Milestone.objects.late(after).filter(pk=m.pk).exists()
    cancel(m)
    m.refresh_from_db()
    assert not m.is_late(after)
    assert not Milestone.objects.late(after).filter(pk=m.pk).exists()


def test_cancelling_without_a_reason_is_refused_and_changes_nothing(champion_client):
    m = stage_0_1()
    response = champion_client.post(cancel_url(m), {"version": m.version, "reason": "  "})
    assert "Say why it is cancelled." in text_of(response)
    m.refresh_from_db()
    assert m.status == "in_progress"


@pytest.mark.parametrize("who", ["reader_client", "champion_client"])
def test_those_not_entitled_cannot_cancel(who, request, other_area):
    client = request.getfixturevalue(who)
    m = other_area.milestones.exclude(status__in=["complete", "cancelled"]).first()
    assert client.get(cancel_url(m)).status_code == 403
    response = client.post(cancel_url(m), {"version": m.version, "reason": "Not mine"})
    assert response.status_code == 403
    m.refresh_from_db()
    assert m.status != "cancelled"
    assert "Cancel this milestone" not in text_of(detail(client, m))


def test_the_service_checks_the_rights_again(django_user_model, other_area):
    champion = django_user_model.objects.get(username="champion")
    m = other_area.milestones.exclude(status__in=["complete", "cancelled"]).first()
    with pytest.raises(PermissionDenied):
        cancel(m, by=champion)
    m.refresh_from_db()
    assert m.status != "cancelled"


def test_a_cancel_opened_before_someone_else_saved_is_shown_their_change_first(
    champion_client, manager_client
):
    m = stage_0_1()
    opened = m.version
    services.milestone_edit(milestone=m, opened_version=opened, changes={"rag": "red"})
    response = champion_client.post(cancel_url(m), {"version": opened, "reason": "Not needed"})
    page = text_of(response)
    assert "saved this milestone while you were editing it" in page
    assert "RAG status is now “Red”" in page
    m.refresh_from_db()
    assert m.status == "in_progress"
    # Sent again, having seen it: cancelled.
    again = champion_client.post(cancel_url(m), {"version": m.version, "reason": "Not needed"})
    assert again.status_code == 302
    m.refresh_from_db()
    assert m.status == "cancelled"


def test_a_complete_milestone_offers_no_cancel_and_a_crafted_post_is_refused(champion_client):
    m = Milestone.objects.get(service_area__name="Transactional HR", title="Scope defined")
    assert "Cancel this milestone" not in text_of(detail(champion_client, m))
    response = champion_client.post(cancel_url(m), {"version": m.version, "reason": "Oops"})
    assert "It is complete, so there is nothing to cancel." in text_of(response)
    m.refresh_from_db()
    assert m.status == "complete"


def test_reinstating_brings_back_the_status_it_had_and_keeps_why_in_the_history(
    champion_client,
):
    m = stage_0_1()
    cancel(m, reason="Merged into Stage 2")
    m.refresh_from_db()
    form = champion_client.get(reinstate_url(m))
    assert "Before it was cancelled, its status was In progress." in text_of(form)
    response = champion_client.post(
        reinstate_url(m), {"version": m.version, "status": "in_progress"}, follow=True
    )
    page = text_of(response)
    assert "Reinstated “Stage 0-1”: it is in progress." in page
    m.refresh_from_db()
    assert (m.status, m.cancelled_reason, m.cancelled_by, m.cancelled_at) == (
        "in_progress",
        "",
        None,
        None,
    )
    assert "Cancelled on" not in page
    assert "Merged into Stage 2" in page  # the audit history keeps it


def test_the_edit_page_does_not_cancel_without_a_reason(champion_client):
    m = stage_0_1()
    form = champion_client.get(reverse("milestones:edit", kwargs={"pk": m.pk})).context["form"]
    assert "cancelled" not in dict(form.fields["status"].choices)
    cancel(m)
    m.refresh_from_db()
    form = champion_client.get(reverse("milestones:edit", kwargs={"pk": m.pk})).context["form"]
    assert form.fields["status"].disabled
    assert form.fields["status"].help_text == "Reinstate it on its page to give it another status."


def test_any_path_that_gives_it_another_status_clears_why_it_was_cancelled():
    """An import or the admin reinstating it through ``milestone_edit`` leaves no stale
    reason behind: the reason belongs to a cancelled milestone only."""
    m = stage_0_1()
    cancel(m)
    m.refresh_from_db()
    services.milestone_edit(milestone=m, opened_version=m.version, changes={"status": "on_hold"})
    m.refresh_from_db()
    assert (m.status, m.cancelled_reason) == ("on_hold", "")


def test_a_reason_on_a_milestone_that_is_not_cancelled_is_refused():
    m = stage_0_1()
    with pytest.raises(ValidationError, match="Only a cancelled milestone has a reason"):
        services.milestone_edit(
            milestone=m, opened_version=m.version, changes={"cancelled_reason": "Why not"}
        )


def test_the_summary_of_changes_lists_cancelled_and_reinstated_milestones(agma):
    since = timezone.now()
    m = stage_0_1()
    cancel(m, reason="Merged into Stage 2")
    other = Milestone.objects.get(service_area__name="Transactional Finance", title="Stage 1")
    cancel(other, reason="Dropped")
    other.refresh_from_db()
    later = timezone.now()
    services.milestone_reinstate(
        milestone=other, opened_version=other.version, status="in_progress"
    )
    summary = changes_since(programme=agma, since=since, since_label="then")
    assert [(item.title, item.new) for item in summary.cancelled] == [
        ("Stage 0-1", "Merged into Stage 2")
    ]
    assert summary.marks["milestone"][m.pk] == "Cancelled"
    assert summary.reinstated == []  # cancelled and back again since then: no change to report
    since_cancel = changes_since(programme=agma, since=later, since_label="then")
    assert [item.title for item in since_cancel.reinstated] == ["Stage 1"]
    assert since_cancel.marks["milestone"][other.pk] == "Reinstated"


def test_the_report_opens_with_the_cancelled_milestone_and_why(reader_client):
    cancel(stage_0_1(), reason="Merged into Stage 2")
    url = reverse("reports:preview", kwargs={"programme": AGMA, "kind": "milestones"})
    today = timezone.localdate().strftime("%d/%m/%Y")
    page = text_of(reader_client.get(url, {"since_date": today}))
    assert "Milestones cancelled Stage 0-1 (Transactional HR): Merged into Stage 2" in page
