"""The milestone page and a champion's edit: dates read as written, a reason for every move,
complete with or without its date (never a date with another status), no lost updates, and
nobody changes what is not theirs."""

import pytest
from django.urls import reverse

from core.fuzzydates import parse
from milestones import services
from milestones.models import DateChange, Milestone

pytestmark = pytest.mark.django_db

AGMA = "agma-collaborative-services"


def milestone(area="Transactional HR", title="Stage 0-1"):
    return Milestone.objects.get(
        service_area__programme__slug=AGMA, service_area__name=area, title=title
    )


def edit_url(m):
    return reverse("milestones:edit", kwargs={"pk": m.pk})


def form_data(m, **changes):
    """The edit form as the browser posts it back, with ``changes`` typed in."""
    data = {
        "version": m.version,
        "title": m.title,
        "stage": m.stage_id or "",
        "status": m.status,
        "rag": m.rag,
        "owner": m.owner_id or "",
        "comment": m.comment,
        "estimated_cost": "" if m.estimated_cost is None else m.estimated_cost,
        "reports_to": m.reports_to_id or "",
        "reason": "",
    }
    for name in Milestone.DATE_NAMES:
        data[f"{name}_text"] = getattr(m, f"{name}_text")
    data.update(changes)
    return data


def test_detail_page_shows_dates_their_meaning_history_and_audit(reader_client):
    m = milestone()
    html = reader_client.get(reverse("milestones:detail", kwargs={"pk": m.pk})).content.decode()
    meaning = '<td>June 2010</td><td>Jun 2010 <span class="date-words">(1 Jun 2010 to 30 Jun 2010)'
    assert meaning in html
    move = '<td>Dec 2009</td><td>Mar 2010 <span class="slippage">(later)</span></td><td>Extended'
    assert move in html
    assert "Audit history" in html and "loaded from the seed report" in html
    assert "Change this milestone" not in html  # readers edit nothing


def test_champion_moves_a_date_with_a_reason_and_it_is_recorded(champion_client):
    m = milestone()
    response = champion_client.post(
        edit_url(m),
        form_data(
            m,
            planned_completion_text="end September 2010",
            reason="Workshops moved to the summer",
        ),
        follow=True,
    )
    html = response.content.decode()
    assert "Saved “Stage 0-1”." in html
    m.refresh_from_db()
    assert m.planned_completion.precision == "end_month"
    latest = m.date_changes.latest()
    assert (latest.old_text, latest.new_text) == ("June 2010", "end September 2010")
    assert latest.changed_by.username == "champion"
    assert "Workshops moved to the summer" in html
    assert "Phil Badley" in html  # the audit history names who


def test_moving_a_date_without_a_reason_is_refused_and_nothing_saved(champion_client):
    m = milestone()
    response = champion_client.post(edit_url(m), form_data(m, planned_completion_text="Oct 2010"))
    html = response.content.decode()
    assert "There is a problem" in html
    assert 'href="#id_reason"' in html and "Say why the dates have changed." in html
    assert 'value="Oct 2010"' in html  # what they typed is kept
    m.refresh_from_db()
    assert m.planned_completion_text == "June 2010" and m.date_changes.count() == 2


def test_check_dates_shows_how_they_were_read_and_saves_nothing(champion_client):
    m = milestone()
    response = champion_client.post(
        edit_url(m), form_data(m, planned_completion_text="end Sept 2010", check="1")
    )
    html = response.content.decode()
    assert "Read as end Sep 2010 (21 Sep 2010 to 30 Sep 2010)." in html
    assert "Nothing is saved yet." in html
    m.refresh_from_db()
    assert m.planned_completion_text == "June 2010"


def test_words_with_no_date_are_kept_and_said_so(champion_client):
    response = champion_client.get(
        reverse("milestones:interpret-date"), {"text": "Dependent on outcome of Phase 1"}
    )
    assert response.json() == {
        "reading": "“Dependent on outcome of Phase 1” has no date we can use: it will be kept "
        "as words.",
        "dated": False,
    }


def test_a_seed_milestone_complete_without_a_date_keeps_its_comment_edit(champion_client):
    """Seed 002 says "Scope defined" is complete but not when: changing only its comment is
    saved, and its page says the date was not recorded (no date is made up)."""
    m = milestone(title="Scope defined")
    assert m.status == "complete" and not m.actual_completion.text
    response = champion_client.post(edit_url(m), form_data(m, comment="Signed off by CSG."))
    assert response.status_code == 302
    m.refresh_from_db()
    assert m.comment == "Signed off by CSG." and m.status == "complete"
    assert not m.actual_completion.is_dated
    html = champion_client.get(reverse("milestones:detail", kwargs={"pk": m.pk})).content.decode()
    assert "Complete — date not recorded" in html


def test_giving_the_actual_completion_date_marks_it_complete(champion_client):
    m = milestone()
    response = champion_client.post(edit_url(m), form_data(m, actual_completion_text="28/05/2010"))
    assert response.status_code == 302
    m.refresh_from_db()
    assert m.status == "complete" and m.actual_completion.earliest.isoformat() == "2010-05-28"


def test_a_delivered_milestone_cannot_take_another_status(champion_client):
    m = milestone()
    services.milestone_edit(
        milestone=m, opened_version=m.version, changes={"actual_completion": parse("28/05/2010")}
    )
    response = champion_client.post(edit_url(m), form_data(m, status="in_progress"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'href="#id_status"' in html
    assert "It has an actual completion date, so its status is Complete" in html
    m.refresh_from_db()
    assert m.status == "complete"


def test_completion_before_start_is_refused_with_the_rule_in_words(champion_client):
    m = milestone()
    response = champion_client.post(
        edit_url(m), form_data(m, planned_completion_text="July 2009", reason="Typo")
    )
    assert "The planned completion cannot be before the planned start." in (
        response.content.decode()
    )
    m.refresh_from_db()
    assert m.planned_completion_text == "June 2010"


def test_second_of_two_conflicting_edits_is_refused_and_keeps_what_was_typed(
    champion_client, django_user_model
):
    m = milestone()
    opened = form_data(m)  # the champion opens the form...
    manager = django_user_model.objects.get(username="manager")
    services.milestone_edit(  # ...and meanwhile the manager saves a new comment
        milestone=Milestone.objects.get(pk=m.pk),
        opened_version=m.version,
        changes={"comment": "Agreed at CSG: workshops in April."},
        by=manager,
    )
    opened.update(
        planned_completion_text="end July 2010", reason="Returns late", comment="My comment"
    )
    response = champion_client.post(edit_url(m), opened)

    html = response.content.decode()
    assert "Demo Manager saved this milestone while you were editing it" in html
    assert "Comment / current activity is now “Agreed at CSG: workshops in April.”" in html
    assert 'value="end July 2010"' in html and "My comment" in html
    m.refresh_from_db()
    assert m.comment == "Agreed at CSG: workshops in April."  # nothing silently overwritten
    assert m.planned_completion_text == "June 2010"

    # Having seen the other change, saving again applies theirs over the newer version.
    again = dict(opened, version=m.version)
    assert champion_client.post(edit_url(m), again).status_code == 302
    m.refresh_from_db()
    assert (m.comment, m.planned_completion_text) == ("My comment", "end July 2010")


@pytest.mark.parametrize("method", ["get", "post"])
def test_champion_cannot_edit_another_areas_milestone(champion_client, method):
    other = milestone(area="IT", title="Stage 1")
    before = (other.planned_completion_text, other.version)
    response = getattr(champion_client, method)(
        edit_url(other), form_data(other, planned_completion_text="2011", reason="x")
    )
    assert response.status_code == 403
    other.refresh_from_db()
    assert (other.planned_completion_text, other.version) == before
    assert not DateChange.objects.filter(milestone=other, reason="x").exists()


def test_reader_cannot_edit_and_other_programmes_are_hidden(reader_client, champion_client):
    m = milestone()
    assert reader_client.post(edit_url(m), form_data(m, title="Renamed")).status_code == 403
    m.refresh_from_db()
    assert m.title == "Stage 0-1"
    wigan = Milestone.objects.filter(service_area__programme__slug="wigan-support-services-review")
    response = champion_client.get(reverse("milestones:detail", kwargs={"pk": wigan.first().pk}))
    assert response.status_code == 403


def test_manager_edits_any_milestone_in_their_programmes(manager_client):
    m = milestone(area="IT", title="Stage 1")
    response = manager_client.post(edit_url(m), form_data(m, rag="amber"))
    assert response.status_code == 302
    m.refresh_from_db()
    assert m.rag == "amber"


def test_reschedule_service_still_used_by_imports_bumps_the_version():
    m = milestone()
    version = m.version
    services.milestone_reschedule(
        milestone=m, field="forecast_completion", new=parse("August 2010"), reason="Forecast"
    )
    m.refresh_from_db()
    assert m.version == version + 1


def area_update_url(m):
    return reverse(
        "programmes:area-update",
        kwargs={"programme": m.service_area.programme.slug, "pk": m.service_area_id},
    )


def test_the_milestone_page_sends_its_writers_to_the_areas_update(champion_client, reader_client):
    m = milestone()
    url = reverse("milestones:detail", kwargs={"pk": m.pk})
    link = f'href="{area_update_url(m)}">Write this period\'s update for Transactional HR'
    assert link in champion_client.get(url).content.decode()
    assert "Write this period" not in reader_client.get(url).content.decode()


def test_a_milestones_update_shows_on_its_page_once_accepted(champion_client, manager_client):
    m = milestone()
    url = reverse("milestones:detail", kwargs={"pk": m.pk})
    words = {"text": "Area text.", f"m{m.pk}_text": "Template returns chased."}
    champion_client.post(area_update_url(m), {**words, "action": "submit"})
    assert m.updates.get().text == "Template returns chased."
    before = manager_client.get(url).content.decode()
    assert "Template returns chased." not in before and "March 2010 — Phil Badley" not in before

    record = m.service_area.period_updates.get()
    review = reverse(
        "programmes:update-review",
        kwargs={
            "programme": m.service_area.programme.slug,
            "pk": m.service_area_id,
            "period": record.period_id,
        },
    )
    manager_client.post(review, {"decision": "accept", "opened_version": record.version})
    html = manager_client.get(url).content.decode()
    assert 'March 2010 — Phil Badley</h3><div class="comment"><p>Template returns chased.' in html
    m.refresh_from_db()
    assert m.comment == "Template returns chased."


def test_reader_cannot_write_a_milestone_update(reader_client):
    m = milestone()
    response = reader_client.post(area_update_url(m), {f"m{m.pk}_text": "x", "text": "x"})
    assert response.status_code == 403
    assert not m.updates.exists()


# --- a move is a change of meaning, not of words ------------------------------------------------


def detail_html(client, m):
    return client.get(reverse("milestones:detail", kwargs={"pk": m.pk})).content.decode()


def area_html(client, m):
    url = reverse(
        "programmes:service-area",
        kwargs={"programme": AGMA, "pk": m.service_area_id},
    )
    return client.get(url).content.decode()


def test_rewording_a_date_saves_the_words_without_a_reason_or_a_move(champion_client):
    """ "June 2010" written "Jun 2010" is the same date: no reason asked, nothing in the history,
    and no "Jun 2010, extended to Jun 2010" anywhere."""
    m = milestone()
    response = champion_client.post(edit_url(m), form_data(m, planned_completion_text="Jun 2010"))
    assert response.status_code == 302
    m.refresh_from_db()
    assert m.planned_completion_text == "Jun 2010"
    assert m.date_changes.count() == 2  # the two real moves from the seed report, no more
    html = area_html(champion_client, m)
    assert "Planned completion: Mar 2010, extended to Jun 2010" in html
    assert "Jun 2010, extended to Jun 2010" not in html


def test_a_first_forecast_later_than_the_plan_shows_as_later(champion_client):
    """The milestone had no forecast (it was forecast as planned, June 2010): a first forecast
    of September 2010 is a slip, not "(earlier)"."""
    m = milestone()
    assert m.forecast_completion_text == ""
    response = champion_client.post(
        edit_url(m),
        form_data(m, forecast_completion_text="September 2010", reason="Returns still late"),
    )
    assert response.status_code == 302
    change = m.date_changes.latest()
    assert (change.field, change.direction) == ("forecast_completion", "later")

    html = detail_html(champion_client, m)
    assert (
        '<td>as planned</td><td>Sep 2010 <span class="slippage">(later)</span></td>'
        "<td>Returns still late" in html
    )
    assert "(earlier)" not in html
    assert "Forecast completion: as planned, extended to Sep 2010: Returns still late" in area_html(
        champion_client, m
    )


def test_a_first_forecast_that_is_the_plan_needs_no_reason(champion_client):
    m = milestone()
    response = champion_client.post(edit_url(m), form_data(m, forecast_completion_text="Jun 2010"))
    assert response.status_code == 302
    m.refresh_from_db()
    assert m.forecast_completion_text == "Jun 2010"
    assert m.date_changes.count() == 2


# --- impossible dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("31/02/2010", "There is no 31 February 2010."),
        ("Q5 2010", "There is no fifth quarter: quarters are Q1–Q4."),
        ("30th Feb '09", "There is no 30 February 2009."),
        ("w/c 31-6-07", "There is no 31 June 2007."),
    ],
)
def test_an_impossible_date_is_refused_with_what_is_wrong_and_nothing_saved(
    champion_client, written, problem
):
    m = milestone()
    version = m.version
    response = champion_client.post(
        edit_url(m),
        form_data(m, planned_completion_text=written, reason="Rescheduled by the board"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert 'href="#id_planned_completion_text"' in html
    assert f"{problem} Correct the date, or tick “Keep as words”" in html
    # A real checkbox with its label, to keep the words.
    assert 'type="checkbox" name="keep_as_words"' in html
    assert '<label for="id_keep_as_words"' in html
    assert f'value="{written}"' in html.replace("&#x27;", "'")  # what they typed is kept
    m.refresh_from_db()
    assert (m.planned_completion_text, m.version) == ("June 2010", version)
    assert m.date_changes.count() == 2


def test_ticking_keep_as_words_saves_the_words_with_no_date(champion_client):
    m = milestone()
    refused = champion_client.post(edit_url(m), form_data(m, actual_start_text="31/02/2010"))
    assert "There is no 31 February 2010." in refused.content.decode()
    m.refresh_from_db()
    assert m.actual_start_text == ""
    response = champion_client.post(
        edit_url(m), form_data(m, actual_start_text="31/02/2010", keep_as_words="on")
    )
    assert response.status_code == 302
    m.refresh_from_db()
    assert m.actual_start_text == "31/02/2010"
    assert not m.actual_start.is_dated
    assert m.actual_start.precision == "undated"


def test_keep_as_words_does_not_keep_a_date_that_can_be_read(champion_client):
    m = milestone()
    champion_client.post(
        edit_url(m), form_data(m, actual_start_text="28/02/2010", keep_as_words="on")
    )
    m.refresh_from_db()
    assert m.actual_start.earliest == m.actual_start.latest == parse("28/02/2010").earliest


def test_the_live_hint_says_what_is_wrong_with_an_impossible_date(champion_client):
    response = champion_client.get(reverse("milestones:interpret-date"), {"text": "Q5 2010"})
    assert response.json() == {
        "reading": "There is no fifth quarter: quarters are Q1–Q4. Correct it, or tick “Keep as "
        "words” to keep it as words.",
        "dated": False,
    }
