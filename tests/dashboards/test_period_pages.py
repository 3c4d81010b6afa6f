"""The reporting periods pages: a manager opens the next period (proposed from the last),
changes it, sets the day updates are due, closes and reopens it; nobody else may."""

from datetime import date

import pytest
from django.urls import reverse

from milestones.models import ReportingPeriod
from tests.helpers import row_of, text_of
from tests.update_cycle import AGMA, submitted

pytestmark = pytest.mark.django_db


def url(name, period=None):
    kwargs = {"programme": AGMA, **({"period": period.pk} if period else {})}
    return reverse(f"programmes:{name}", kwargs=kwargs)


def test_the_manager_opens_the_next_period_as_proposed(manager_client, agma):
    page = manager_client.get(url("period-open"))
    html = page.content.decode()
    assert 'value="April 2010"' in html and 'value="01/04/2010"' in html
    assert "Proposed from the last period, March 2010 (a calendar month)" in html

    response = manager_client.post(
        url("period-open"),
        {"label": "April 2010", "start": "01/04/2010", "end": "30/04/2010", "updates_due": ""},
        follow=True,
    )
    assert "April 2010 is open for updates." in text_of(response)
    row = row_of(response, "April 2010")
    assert "1 Apr 2010 to 30 Apr 2010" in row and "not set" in row and "Open" in row
    april = agma.reporting_periods.get(label="April 2010")
    assert april.history.get().history_user.username == "manager"


def test_a_period_overlapping_another_is_refused_and_nothing_is_saved(manager_client, agma):
    response = manager_client.post(
        url("period-open"),
        {"label": "Spring", "start": "15/03/2010", "end": "14/04/2010", "updates_due": ""},
    )
    assert "There is a problem" in response.content.decode()
    assert "These dates overlap March 2010" in text_of(response)
    assert agma.reporting_periods.count() == 1


def test_the_day_updates_are_due_shows_where_updates_are_written(
    manager_client, champion_client, march, hr
):
    response = manager_client.post(
        url("period-edit", march),
        {
            "version": march.version,
            "label": "March 2010",
            "start": "01/03/2010",
            "end": "31/03/2010",
            "updates_due": "07/04/2010",
        },
        follow=True,
    )
    assert "Saved March 2010." in text_of(response)
    march.refresh_from_db()
    assert march.updates_due == date(2010, 4, 7)
    area_page = reverse("programmes:service-area", kwargs={"programme": AGMA, "pk": hr.pk})
    assert "due 7 April 2010" in text_of(champion_client.get(area_page))
    overview = reverse("programmes:overview", kwargs={"programme": AGMA})
    assert "updates are due 7 April 2010" in text_of(manager_client.get(overview))
    assert "due 7 April 2010" in text_of(champion_client.get(reverse("programmes:my-work")))


def test_closing_asks_first_says_who_has_not_submitted_and_stops_writing(
    manager_client, champion_client, march, hr
):
    submitted(hr, march)
    confirm = text_of(manager_client.get(url("period-close", march)))
    assert "Close March 2010?" in confirm
    assert "IT: Not started" in confirm and "Transactional HR:" not in confirm

    response = manager_client.post(
        url("period-close", march), {"version": march.version}, follow=True
    )
    assert "March 2010 is closed: it takes no more updates." in text_of(response)
    assert "Closed" in row_of(response, "March 2010")
    update_page = reverse("programmes:area-update", kwargs={"programme": AGMA, "pk": hr.pk})
    assert "March 2010 is closed" in text_of(champion_client.get(update_page))

    march.refresh_from_db()
    manager_client.post(url("period-reopen", march), {"version": march.version})
    march.refresh_from_db()
    assert not march.is_closed


@pytest.mark.parametrize("who", ["champion_client", "reader_client"])
def test_only_managers_open_change_or_close_periods(who, request, march):
    client = request.getfixturevalue(who)
    before = march.version
    assert client.get(url("period-open")).status_code == 403
    data = {"label": "X", "start": "01/04/2010", "end": "30/04/2010"}
    assert client.post(url("period-open"), data).status_code == 403
    assert client.post(url("period-edit", march), {**data, "version": before}).status_code == 403
    assert client.post(url("period-close", march), {"version": before}).status_code == 403
    assert client.post(url("period-reopen", march), {"version": before}).status_code == 403
    march.refresh_from_db()
    assert (march.version, march.label, march.is_closed) == (before, "March 2010", False)
    assert ReportingPeriod.objects.filter(label="X").count() == 0
    page = client.get(url("periods")).content.decode()
    assert "Open the next period" not in page and ">Close<" not in page


def test_a_crafted_version_closes_nothing(manager_client, march):
    response = manager_client.post(url("period-close", march), {"version": "not a number"})
    assert response.status_code == 302
    march.refresh_from_db()
    assert not march.is_closed


def test_the_periods_list_counts_where_each_periods_updates_stand(manager_client, march, hr):
    submitted(hr, march)
    areas = hr.programme.service_areas.count()
    row = row_of(manager_client.get(url("periods")), "March 2010")
    assert f"1 submitted, 0 accepted, {areas - 1} not started" in row
