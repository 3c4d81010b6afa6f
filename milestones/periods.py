"""Reporting periods: which one is current for each programme."""

from django.utils import timezone

from .models import ReportingPeriod


def current_periods(programme_ids) -> dict[int, ReportingPeriod]:
    """Each programme's current reporting period: the one containing today, or else the most
    recent one to have started (programmes whose reporting has stopped keep their last)."""
    today = timezone.localdate()
    periods = ReportingPeriod.objects.filter(programme_id__in=programme_ids, start__lte=today)
    current: dict[int, ReportingPeriod] = {}
    for period in periods.order_by("programme_id", "start"):
        current[period.programme_id] = period  # the latest started wins
    return current
