"""Reporting periods: which is current, and the manager's writes (open, change, close, reopen),
refused to anyone else and checked against the other periods."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from milestones import periods
from milestones.models import ReportingPeriod
from tests.update_cycle import user

pytestmark = pytest.mark.django_db


def open_period(programme, label, start, end, by="manager", **kwargs):
    return periods.period_open(
        programme=programme, label=label, start=start, end=end, by=user(by), **kwargs
    )


def test_the_current_period_is_the_latest_open_one_to_have_started(agma, march):
    assert periods.current_period(agma) == march
    today = timezone.localdate()
    april = open_period(agma, "Now", today.replace(day=1), today.replace(day=1) + timedelta(27))
    assert periods.current_period(agma) == april
    open_period(agma, "Later", today + timedelta(60), today + timedelta(90))
    assert periods.current_period(agma) == april  # not started yet

    periods.period_close(period=april, opened_version=april.version, by=user("manager"))
    assert periods.current_period(agma) == march  # the latest still open
    march.refresh_from_db()
    periods.period_close(period=march, opened_version=march.version, by=user("manager"))
    assert periods.current_period(agma) == april  # all closed: the latest, shown as closed


def test_only_a_manager_opens_a_period_and_it_keeps_its_history(agma):
    for who in ("champion", "reader"):
        with pytest.raises(PermissionDenied):
            open_period(agma, "April 2010", date(2010, 4, 1), date(2010, 4, 30), by=who)
    assert not agma.reporting_periods.filter(label="April 2010").exists()

    april = open_period(
        agma, "April 2010", date(2010, 4, 1), date(2010, 4, 30), updates_due=date(2010, 5, 7)
    )
    assert (april.updates_due, april.history.get().history_user.username) == (
        date(2010, 5, 7),
        "manager",
    )


def test_a_period_that_overlaps_another_or_is_due_before_it_starts_is_refused(agma):
    with pytest.raises(ValidationError) as overlap:
        open_period(agma, "Spring", date(2010, 3, 15), date(2010, 4, 14))
    assert overlap.value.messages == [
        "These dates overlap March 2010 (1 March 2010 to 31 March 2010): a day belongs to one "
        "period only."
    ]
    with pytest.raises(ValidationError) as early:
        open_period(
            agma, "April 2010", date(2010, 4, 1), date(2010, 4, 30), updates_due=date(2010, 3, 1)
        )
    assert early.value.message_dict == {
        "updates_due": ["Updates cannot be due before the period starts."]
    }
    assert agma.reporting_periods.count() == 1


def test_closing_and_reopening_are_recorded_and_a_closed_period_cannot_be_closed_again(march):
    closed = periods.period_close(period=march, opened_version=march.version, by=user("manager"))
    assert closed.is_closed and closed.closed_by.username == "manager"
    with pytest.raises(ValidationError, match="already closed"):
        periods.period_close(period=march, opened_version=march.version, by=user("manager"))
    with pytest.raises(PermissionDenied):
        periods.period_reopen(period=march, opened_version=march.version, by=user("champion"))
    periods.period_reopen(period=march, opened_version=march.version, by=user("manager"))
    march.refresh_from_db()
    assert not march.is_closed
    rows = list(march.history.order_by("history_id").select_related("history_user"))[-2:]
    assert [(row.closed_at is None, row.history_user.username) for row in rows] == [
        (False, "manager"),
        (True, "manager"),
    ]


def test_the_next_period_is_proposed_from_the_last(agma):
    proposal = periods.propose_next_period(agma)
    assert (proposal.label, proposal.start, proposal.end) == (
        "April 2010",
        date(2010, 4, 1),
        date(2010, 4, 30),
    )
    assert ReportingPeriod.objects.filter(programme=agma).count() == 1  # nothing saved
