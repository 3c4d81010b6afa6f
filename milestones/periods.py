"""Reporting periods: which one is current for each programme, the next one to propose, and
the programme manager's writes (open, edit, close, reopen), each checked against the rights
and saved through ``core.records`` with its version and history."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from core.records import record_create, record_edit
from core.reporting_periods import Proposal, propose_next
from programmes.rights import Rights

from .models import ReportingPeriod


def current_periods(programme_ids) -> dict[int, ReportingPeriod]:
    """Each programme's current reporting period: the latest open one to have started; when
    every started period is closed, the latest to have started (pages say it is closed), so a
    programme whose reporting has stopped keeps its last."""
    today = timezone.localdate()
    periods = ReportingPeriod.objects.filter(programme_id__in=programme_ids, start__lte=today)
    latest: dict[int, ReportingPeriod] = {}
    latest_open: dict[int, ReportingPeriod] = {}
    for period in periods.order_by("programme_id", "start"):
        latest[period.programme_id] = period
        if not period.is_closed:
            latest_open[period.programme_id] = period
    return {**latest, **latest_open}


def current_period(programme) -> ReportingPeriod | None:
    return current_periods([programme.pk]).get(programme.pk)


def propose_next_period(programme) -> Proposal:
    """The period to offer when a manager opens the next one (``core.reporting_periods``)."""
    last = ReportingPeriod.objects.filter(programme=programme).order_by("-start").first()
    return propose_next(
        last_label=last.label if last else None,
        last_start=last.start if last else None,
        last_end=last.end if last else None,
        last_due=last.updates_due if last else None,
        today=timezone.localdate(),
        quarters=programme.quarters,
    )


def _check_manager(programme, by) -> None:
    if not Rights.of(by).can_manage_programme(programme):
        raise PermissionDenied("Only the programme's managers can open, change or close periods.")


def period_open(
    *, programme, label: str, start: date, end: date, updates_due: date | None = None, by
) -> ReportingPeriod:
    """A new reporting period, open for updates."""
    _check_manager(programme, by)
    period = ReportingPeriod(
        programme=programme, label=label, start=start, end=end, updates_due=updates_due
    )
    return record_create(record=period, by=by)


def period_edit(*, period: ReportingPeriod, opened_version: int, changes: dict, by):
    _check_manager(period.programme, by)
    return record_edit(record=period, opened_version=opened_version, changes=changes, by=by)


def period_close(*, period: ReportingPeriod, opened_version: int, by) -> ReportingPeriod:
    """Close a period: no more updates are written or submitted for it. Updates already
    submitted can still be accepted."""
    if period.is_closed:
        raise ValidationError(f"{period.label} is already closed.")
    changes = {"closed_at": timezone.now(), "closed_by": by}
    return period_edit(period=period, opened_version=opened_version, changes=changes, by=by)


def period_reopen(*, period: ReportingPeriod, opened_version: int, by) -> ReportingPeriod:
    """Open a closed period again, for updates that still need writing."""
    if not period.is_closed:
        raise ValidationError(f"{period.label} is open already.")
    changes = {"closed_at": None, "closed_by": None}
    return period_edit(period=period, opened_version=opened_version, changes=changes, by=by)
