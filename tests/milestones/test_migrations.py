"""Migration 0003 judges the direction of moves recorded before directions were kept."""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps
from django.utils import timezone

from core.fuzzydates import parse
from milestones.models import DateChange
from tests.factories import MilestoneFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("milestones.migrations.0003_date_change_direction")


def test_old_moves_are_judged_on_meaning_and_a_first_forecast_against_the_plan_then():
    at = timezone.now() - timedelta(days=30)
    milestone = MilestoneFactory(
        planned_completion=parse("June 2010"), forecast_completion=parse("May 2010")
    )

    def old_row(field, old, new, minutes):
        # As an older version wrote them: no direction.
        return DateChange.objects.create(
            milestone=milestone,
            field=field,
            old=parse(old),
            new=parse(new),
            reason="Recorded before",
            changed_at=at + timedelta(minutes=minutes),
        )

    reworded = old_row("planned_start", "Sep 2009", "September '09", 0)
    # The plan was March 2010 when the first forecast (April 2010) was made; it moved since.
    first_forecast = old_row("forecast_completion", "", "April 2010", 1)
    plan_moved = old_row("planned_completion", "March 2010", "June 2010", 2)
    forecast_moved = old_row("forecast_completion", "April 2010", "May 2010", 3)

    migration.judge_directions(apps, None)

    judged = {c.pk: c.direction for c in DateChange.objects.filter(milestone=milestone)}
    assert judged == {
        reworded.pk: "same",
        first_forecast.pk: "later",  # April 2010 against the plan of the time, March 2010
        plan_moved.pk: "later",
        forecast_moved.pk: "later",
    }
