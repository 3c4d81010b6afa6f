"""The dates and statuses of an area's milestones on one page. Each moved planned or forecast
date asks for its reason (a reworded date is not a move); the page is saved all together or
not at all, and every refused row — a rule broken, or a milestone someone else saved since the
page was opened — is shown with why, the others keeping what was typed."""

import pytest
from django.urls import reverse

from core.fuzzydates import parse
from milestones import services
from milestones.models import DateChange
from tests.core.tabs import as_posted
from tests.helpers import assert_bounded_queries, text_of

pytestmark = pytest.mark.django_db

AGMA = "agma-collaborative-services"


def grid_url(area):
    return reverse("milestones:grid", kwargs={"programme": AGMA, "area": area.pk})


class Grid:
    """The grid page as a browser posts it back, with the user's typing on top."""

    def __init__(self, client, area):
        self.client, self.url = client, grid_url(area)
        response = client.get(self.url)
        assert response.status_code == 200
        self.data = {}
        for row in response.context["grid"].rows:
            self.data.update(as_posted(row))

    def type(self, milestone, **typed):
        for name, value in typed.items():
            self.data[f"m{milestone.pk}-{name}"] = value
        return self

    def save(self, **kwargs):
        return self.client.post(self.url, self.data, **kwargs)


def row_of_grid(response, milestone):
    (row,) = [row for row in response.context["grid"].rows if row.instance.pk == milestone.pk]
    return row


@pytest.fixture
def rows(own_area, agma):
    """Two milestones of the champion's area: planned completion March 2010 and June 2010."""
    stage = agma.stages.get(code="Stage 1")
    return [
        services.milestone_create(
            service_area=own_area,
            title=title,
            stage=stage,
            planned_completion=parse(date),
            status="in_progress",
        )
        for title, date in (("Consultation", "March 2010"), ("Go live", "June 2010"))
    ]


def test_moves_with_reasons_and_statuses_are_saved_together(champion_client, own_area, rows):
    consultation, go_live = rows
    response = (
        Grid(champion_client, own_area)
        .type(consultation, planned_completion_text="May 2010", reason="Unions asked for more")
        .type(go_live, status="on_hold")
        .save(follow=True)
    )
    assert "Saved the dates and statuses of 2 milestones. 1 date move recorded." in text_of(
        response
    )
    consultation.refresh_from_db()
    go_live.refresh_from_db()
    assert consultation.planned_completion_text == "May 2010" and go_live.status == "on_hold"
    change = consultation.date_changes.get()
    assert (str(change.move), change.reason) == (
        "Mar 2010, extended to May 2010",
        "Unions asked for more",
    )
    assert change.changed_by.username == "champion"
    # The area page shows the slippage with its reason.
    assert "Mar 2010, extended to May 2010: Unions asked for more" in text_of(response)


def test_a_move_without_a_reason_saves_nothing_and_is_shown_against_its_row(
    champion_client, own_area, rows
):
    consultation, go_live = rows
    response = (
        Grid(champion_client, own_area)
        .type(consultation, planned_completion_text="May 2010")
        .type(go_live, status="on_hold")
        .save()
    )
    html = response.content.decode()
    page = text_of(response)
    assert "Nothing has been saved: there is a problem" in page
    assert f'href="#id_m{consultation.pk}-reason"' in html
    assert "“Consultation”, why the dates moved: Say why the dates have changed." in page
    assert 'aria-invalid="true"' in html
    go_live.refresh_from_db()
    consultation.refresh_from_db()
    assert go_live.status == "in_progress"  # all or nothing: the good row waits too
    assert consultation.planned_completion_text == "March 2010"
    # What was typed in both rows is still there to correct and send again.
    assert 'value="May 2010"' in html
    assert row_of_grid(response, go_live)["status"].value() == "on_hold"


def test_a_reworded_date_needs_no_reason_and_is_not_a_move(champion_client, own_area, rows):
    consultation, _ = rows
    Grid(champion_client, own_area).type(consultation, planned_completion_text="Mar 2010").save()
    consultation.refresh_from_db()
    assert consultation.planned_completion_text == "Mar 2010"
    assert not DateChange.objects.filter(milestone=consultation).exists()


def test_a_date_the_calendar_does_not_have_is_refused_in_its_row(champion_client, own_area, rows):
    consultation, _ = rows
    grid = Grid(champion_client, own_area).type(
        consultation, forecast_completion_text="31/02/2010", reason="Re-planned"
    )
    response = grid.save()
    assert "There is no 31 February 2010." in text_of(response)
    assert "Keep its unreadable dates as words" in text_of(response)
    grid.data[f"m{consultation.pk}-keep_as_words"] = "on"
    assert grid.save().status_code == 302
    consultation.refresh_from_db()
    assert consultation.forecast_completion_text == "31/02/2010"


def test_a_row_someone_else_saved_meanwhile_refuses_the_whole_page_and_keeps_the_typing(
    champion_client, manager_client, own_area, rows
):
    consultation, go_live = rows
    grid = (
        Grid(champion_client, own_area)
        .type(consultation, status="on_hold")
        .type(go_live, actual_start_text="April 2010")
    )
    # The manager saves "Consultation" after the champion opened the page.
    services.milestone_edit(
        milestone=consultation,
        opened_version=consultation.version,
        changes={"forecast_completion": parse("April 2010")},
        reason="Manager's re-plan",
    )
    response = grid.save()
    page = text_of(response)
    assert "saved “Consultation” while you were editing it" in page
    assert "Forecast completion (as written) is now “April 2010”" in page
    go_live.refresh_from_db()
    consultation.refresh_from_db()
    assert not go_live.actual_start.is_dated  # nothing saved
    assert consultation.status == "in_progress"
    # The champion's typing is kept; the manager's forecast is shown; saving again applies both.
    grid.data = {}
    for row in response.context["grid"].rows:
        grid.data.update(as_posted(row))
    assert grid.data[f"m{consultation.pk}-status"] == "on_hold"
    assert grid.data[f"m{consultation.pk}-forecast_completion_text"] == "April 2010"
    assert grid.save().status_code == 302
    consultation.refresh_from_db()
    go_live.refresh_from_db()
    assert (consultation.status, consultation.forecast_completion_text) == ("on_hold", "April 2010")
    assert go_live.actual_start_text == "April 2010"


def test_an_actual_completion_date_marks_it_complete(champion_client, own_area, rows):
    consultation, _ = rows
    Grid(champion_client, own_area).type(consultation, actual_completion_text="12/03/2010").save()
    consultation.refresh_from_db()
    assert consultation.status == "complete"


def test_a_cancelled_milestone_is_shown_but_not_changed_here(champion_client, own_area, rows):
    consultation, go_live = rows
    services.milestone_cancel(
        milestone=consultation, opened_version=consultation.version, reason="Merged"
    )
    grid = Grid(champion_client, own_area)
    response = champion_client.get(grid.url)
    assert "Reinstate “Consultation” to change it" in text_of(response)
    grid.type(consultation, planned_completion_text="Dec 2010", reason="Sneaky").save()
    consultation.refresh_from_db()
    assert consultation.planned_completion_text == "March 2010"
    statuses = row_of_grid(response, go_live).fields["status"].choices
    assert "cancelled" not in dict(statuses)  # the other rows cannot be cancelled here


def test_only_those_entitled_may_use_the_grid(
    reader_client, champion_client, own_area, other_area, rows
):
    consultation, _ = rows
    assert reader_client.get(grid_url(own_area)).status_code == 403
    crafted = {
        f"m{consultation.pk}-version": consultation.version,
        f"m{consultation.pk}-status": "on_hold",
    }
    assert reader_client.post(grid_url(own_area), crafted).status_code == 403
    assert champion_client.get(grid_url(other_area)).status_code == 403
    # A milestone of another area posted through the champion's own grid is left alone.
    theirs = other_area.milestones.exclude(status="complete").first()
    before = theirs.status
    grid = Grid(champion_client, own_area)
    grid.data.update({f"m{theirs.pk}-version": theirs.version, f"m{theirs.pk}-status": "on_hold"})
    grid.save()
    theirs.refresh_from_db()
    assert theirs.status == before
    consultation.refresh_from_db()
    assert consultation.status == "in_progress"


def test_nothing_changed_saves_nothing(champion_client, own_area, rows):
    consultation, _ = rows
    version = consultation.version
    response = Grid(champion_client, own_area).save(follow=True)
    assert "Nothing was changed." in text_of(response)
    consultation.refresh_from_db()
    assert consultation.version == version


def test_the_grid_queries_do_not_grow(
    manager_client, managed_programme, django_assert_max_num_queries
):
    from tests.factories import ServiceAreaFactory, StageFactory

    programme = managed_programme()
    area = ServiceAreaFactory(programme=programme)
    stage = StageFactory(programme=programme)

    def add_rows(n):
        for number in range(n):
            services.milestone_create(
                service_area=area,
                title=f"M{number}",
                stage=stage,
                planned_completion=parse("Q1 2010"),
            )

    url = reverse("milestones:grid", kwargs={"programme": programme.slug, "area": area.pk})
    assert_bounded_queries(manager_client, url, add_rows, 12, django_assert_max_num_queries)
