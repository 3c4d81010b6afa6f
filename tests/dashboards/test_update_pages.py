"""The champion's update page, the review board and the review of one update: what each role
sees on them, each step of the cycle in the browser, and each refusal (403, nothing changed)."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from core.fuzzydates import parse
from milestones import periods, services
from milestones.models import AreaUpdate, ProgressUpdate
from tests.helpers import row_of, text_of
from tests.update_cycle import AGMA, accept, make_manager, submitted, user, write

pytestmark = pytest.mark.django_db


def client_of(login) -> Client:
    client = Client()
    client.force_login(login)
    return client


def update_url(area, period=None):
    if period is None:
        return reverse("programmes:area-update", kwargs={"programme": AGMA, "pk": area.pk})
    return reverse(
        "programmes:area-update-period",
        kwargs={"programme": AGMA, "pk": area.pk, "period": period.pk},
    )


def review_url(area, period):
    return reverse(
        "programmes:update-review", kwargs={"programme": AGMA, "pk": area.pk, "period": period.pk}
    )


def board_url(period=None):
    if period is None:
        return reverse("programmes:updates", kwargs={"programme": AGMA})
    return reverse("programmes:updates-period", kwargs={"programme": AGMA, "period": period.pk})


def record_of(area, period) -> AreaUpdate:
    return AreaUpdate.objects.get(service_area=area, period=period)


# --- the champion's update ---------------------------------------------------------------------


def test_the_update_opens_with_each_milestones_comment_and_a_draft_survives_a_closed_browser(
    champion_client, django_user_model, hr, stage_0_1
):
    html = champion_client.get(update_url(hr)).content.decode()
    assert "Transactional HR: update for March 2010" in html
    assert f'name="m{stage_0_1.pk}_text"' in html
    assert f">\n{escape(stage_0_1.comment)}</textarea>" in html  # starts as the record says
    assert "Not started" in html

    response = champion_client.post(
        update_url(hr), {"text": "Workshops booked.", f"m{stage_0_1.pk}_text": "Scoping done."}
    )
    assert response.status_code == 302

    later = client_of(django_user_model.objects.get(username="champion"))  # a new browser
    html = later.get(update_url(hr)).content.decode()
    assert ">\nWorkshops booked.</textarea>" in html
    assert ">\nScoping done.</textarea>" in html
    assert '<span class="update-status update-status-draft">Draft</span>' in html


def test_a_submitted_update_is_shown_waiting_with_nothing_to_change(champion_client, hr):
    champion_client.post(update_url(hr), {"text": "Workshops booked.", "action": "submit"})
    response = champion_client.get(update_url(hr))
    html = response.content.decode()
    assert "is waiting for the programme office's review" in text_of(response)
    assert "Save as a draft" not in html and "Submit to the programme office" not in html
    assert response.context["form"].fields["text"].disabled

    refused = champion_client.post(update_url(hr), {"text": "Changed my mind."})
    assert "waiting for the programme office&#x27;s review" in refused.content.decode()
    assert ProgressUpdate.objects.get(service_area=hr).text == "Workshops booked."


def test_a_returned_update_shows_the_comment_and_the_champion_answers_and_resubmits(
    champion_client, manager_client, hr, march
):
    champion_client.post(update_url(hr), {"text": "Workshops booked.", "action": "submit"})
    record = record_of(hr, march)
    manager_client.post(
        review_url(hr, march),
        {
            "decision": "return",
            "comment": "Which authorities?",
            "opened_version": record.version,
        },
    )
    html = champion_client.get(update_url(hr)).content.decode()
    assert "Returned" in html and "Which authorities?" in html
    assert "Your answer to the programme office" in html
    assert (
        "Answer and resubmit the update for March 2010"
        in champion_client.get(
            reverse("programmes:service-area", kwargs={"programme": AGMA, "pk": hr.pk})
        ).content.decode()
    )

    champion_client.post(
        update_url(hr),
        {"text": "Workshops booked.", "note": "Bury and Trafford.", "action": "submit"},
    )
    record.refresh_from_db()
    assert record.status == AreaUpdate.Status.SUBMITTED
    thread = text_of(manager_client.get(review_url(hr, march)))
    assert "Demo Manager: returned it. Which authorities?" in thread
    assert "Phil Badley: submitted it for review. Bury and Trafford." in thread
    assert "by Demo Manager" not in thread  # resubmitted: no stale "last submitted … by" them


# --- the review ----------------------------------------------------------------------------------


def test_the_review_shows_what_changed_since_the_last_accepted_update(
    champion_client, manager_client, hr, march, stage_0_1
):
    accept(submitted(hr, march, text="Workshops booked for April."))
    april = periods.period_open(
        programme=hr.programme,
        label="April 2010",
        start=date(2010, 4, 1),
        end=date(2010, 4, 30),
        by=user("manager"),
    )
    services.milestone_reschedule(
        milestone=stage_0_1,
        field="forecast_completion",
        new=parse("Aug 2010"),
        reason="Bury joined late",
        by=user("champion"),
    )
    champion_client.post(
        update_url(hr),
        {
            "text": "Workshops held in April.",
            "rag": "amber",
            f"m{stage_0_1.pk}_text": "Scoping done.",
            "action": "submit",
        },
    )
    response = manager_client.get(review_url(hr, april))
    html = response.content.decode()
    assert "Compared with the records when the last update, for March 2010, was accepted" in html
    assert '<del><span class="visually-hidden">[removed:] </span>booked for</del>' in html
    assert '<ins><span class="visually-hidden">[added:] </span>held in</ins>' in html
    assert '<ins><span class="visually-hidden">[added:] </span>Scoping done</ins>' in html
    assert 'Amber</span> (was <span class="rag rag-none">Not rated</span>)' in html
    moved = row_of(response, "Bury joined late")
    assert "Stage 0-1" in moved and "Forecast completion" in moved
    assert "Accept the update" in html


def test_the_manager_accepts_on_the_page_and_the_board_says_so(
    champion_client, manager_client, hr, march
):
    champion_client.post(update_url(hr), {"text": "Workshops booked.", "action": "submit"})
    record = record_of(hr, march)
    response = manager_client.post(
        review_url(hr, march),
        {"decision": "accept", "comment": "", "opened_version": record.version},
        follow=True,
    )
    assert "Transactional HR's update for March 2010 accepted." in text_of(response)
    assert "Accepted" in row_of(response, "Transactional HR")
    assert record_of(hr, march).status == AreaUpdate.Status.ACCEPTED


def test_returning_without_a_comment_is_refused_on_the_page(
    champion_client, manager_client, hr, march
):
    champion_client.post(update_url(hr), {"text": "Workshops booked.", "action": "submit"})
    record = record_of(hr, march)
    html = manager_client.post(
        review_url(hr, march),
        {"decision": "return", "comment": "", "opened_version": record.version},
    ).content.decode()
    assert "There is a problem" in html
    assert "Say what needs changing: the champion reads it." in html
    assert record_of(hr, march).status == AreaUpdate.Status.SUBMITTED


def test_a_champion_cannot_accept_their_own_update_even_by_a_crafted_post(
    champion_client, hr, march
):
    champion_client.post(update_url(hr), {"text": "Workshops booked.", "action": "submit"})
    record = record_of(hr, march)
    assert "Accept the update" not in champion_client.get(review_url(hr, march)).content.decode()
    response = champion_client.post(
        review_url(hr, march), {"decision": "accept", "opened_version": record.version}
    )
    assert response.status_code == 403
    assert record_of(hr, march).status == AreaUpdate.Status.SUBMITTED


def test_a_manager_who_is_also_its_champion_is_told_another_manager_must_accept_it(
    manager_champion, second_manager, hr, march
):
    own = client_of(manager_champion)
    own.post(update_url(hr), {"text": "Workshops booked.", "action": "submit"})
    record = record_of(hr, march)
    page = own.get(review_url(hr, march))
    assert "another of the programme's managers must accept or return it" in text_of(page)
    assert "Accept the update" not in page.content.decode()
    refused = own.post(
        review_url(hr, march), {"decision": "accept", "opened_version": record.version}
    )
    assert refused.status_code == 403
    assert (
        "Accept the update" in client_of(second_manager).get(review_url(hr, march)).content.decode()
    )


# --- who sees what -------------------------------------------------------------------------------


def test_a_reader_sees_where_updates_stand_but_not_the_updates(reader_client, hr, march):
    write(hr, march, user("champion"), "Draft words.")
    board = reader_client.get(board_url())
    assert "Draft" in row_of(board, "Transactional HR")
    assert "Draft words." not in board.content.decode()
    assert review_url(hr, march) not in board.content.decode()
    assert reader_client.get(update_url(hr)).status_code == 403
    assert reader_client.get(review_url(hr, march)).status_code == 403


def test_a_champion_opens_only_their_own_areas_update(champion_client, hr, march):
    it = hr.programme.service_areas.get(name="IT")
    board = champion_client.get(board_url()).content.decode()
    assert update_url(hr, march) in board and update_url(it, march) not in board
    assert champion_client.get(update_url(it)).status_code == 403
    assert champion_client.get(review_url(it, march)).status_code == 403


def test_another_programmes_manager_sees_none_of_it(wigan, hr, march):
    outsider = client_of(make_manager("outsider", wigan))
    for url in (board_url(), update_url(hr), review_url(hr, march)):
        assert outsider.get(url).status_code == 403
    response = outsider.post(update_url(hr), {"text": "Hijack", "action": "submit"})
    assert response.status_code == 403
    assert not ProgressUpdate.objects.filter(service_area=hr).exists()


def test_the_boards_counts_link_to_the_areas_behind_them(manager_client, hr, march):
    submitted(hr, march)
    board = manager_client.get(board_url())
    html = board.content.decode()
    areas = hr.programme.service_areas.count()
    assert '<a href="?status=submitted"><strong>1</strong> submitted</a>' in html
    assert f'<a href="?status=not_started"><strong>{areas - 1}</strong> not started</a>' in html
    assert "Review" in row_of(board, "Transactional HR")

    only = manager_client.get(board_url() + "?status=submitted")
    assert "Transactional HR" in text_of(only) and "Customer Contact" not in text_of(only)
