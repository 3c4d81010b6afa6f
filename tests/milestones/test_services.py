from datetime import date

import pytest
from django.core.exceptions import ValidationError

from core.fuzzydates import parse
from milestones import services
from milestones.models import DateChange, Milestone
from tests.factories import MilestoneFactory, ServiceAreaFactory

pytestmark = pytest.mark.django_db


def test_reschedule_moves_the_date_and_records_old_new_reason_and_who(django_user_model):
    champion = django_user_model.objects.create_user("officer-a")
    milestone = MilestoneFactory(planned_completion=parse("January '10"))

    change = services.milestone_reschedule(
        milestone=milestone,
        field="planned_completion",
        new=parse("May '10"),
        reason="Deadline extended: returns from two authorities are late",
        by=champion,
    )

    milestone.refresh_from_db()
    assert milestone.planned_completion_text == "May '10"
    assert milestone.planned_completion.latest == date(2010, 5, 31)
    assert (change.old.text, change.new.text) == ("January '10", "May '10")
    assert change.old.latest == date(2010, 1, 31)
    assert change.reason.startswith("Deadline extended")
    assert change.changed_by == champion
    assert change.direction == DateChange.Direction.LATER
    assert str(change.move) == "Jan 2010, extended to May 2010"


def test_reschedule_keeps_every_move_in_order():
    milestone = MilestoneFactory(
        planned_start=parse("September '09"), planned_completion=parse("December '09")
    )
    for new in ("March 2010", "June 2010"):
        services.milestone_reschedule(
            milestone=milestone, field="planned_completion", new=parse(new), reason="Extended"
        )

    history = [(c.old.text, c.new.text) for c in milestone.date_changes.all()]
    assert history == [("December '09", "March 2010"), ("March 2010", "June 2010")]


def test_reschedule_without_a_reason_is_refused_and_changes_nothing():
    milestone = MilestoneFactory(planned_completion=parse("March 2010"))

    with pytest.raises(ValidationError, match="Say why the date is changing"):
        services.milestone_reschedule(
            milestone=milestone, field="planned_completion", new=parse("May 2010"), reason="  "
        )

    milestone.refresh_from_db()
    assert milestone.planned_completion_text == "March 2010"
    assert not DateChange.objects.filter(milestone=milestone).exists()


def test_reschedule_to_the_same_date_is_refused():
    milestone = MilestoneFactory(planned_completion=parse("March 2010"))
    with pytest.raises(ValidationError, match="same as the old one"):
        services.milestone_reschedule(
            milestone=milestone,
            field="planned_completion",
            new=parse("March 2010"),
            reason="No change",
        )


def test_completion_moved_before_the_start_is_refused_and_nothing_is_half_saved():
    milestone = MilestoneFactory(
        planned_start=parse("January 2010"), planned_completion=parse("March 2010")
    )

    with pytest.raises(ValidationError, match="cannot be before the planned start"):
        services.milestone_reschedule(
            milestone=milestone,
            field="planned_completion",
            new=parse("December 2009"),
            reason="Brought forward",
        )

    assert milestone.planned_completion_text == "March 2010"  # the caller's object is restored
    milestone.refresh_from_db()
    assert milestone.planned_completion_text == "March 2010"
    assert not milestone.date_changes.exists()


def test_actual_dates_are_not_rescheduled_they_are_recorded():
    milestone = MilestoneFactory()
    with pytest.raises(ValidationError, match="not a date that can be moved"):
        services.milestone_reschedule(
            milestone=milestone, field="actual_completion", new=parse("1/3/10"), reason="Done"
        )


def test_create_refuses_a_stage_of_another_programme():
    from tests.factories import StageFactory

    area = ServiceAreaFactory()
    foreign_stage = StageFactory()
    with pytest.raises(ValidationError, match="different programme"):
        services.milestone_create(service_area=area, title="Stage 1", stage=foreign_stage)
    assert not Milestone.objects.filter(service_area=area).exists()


def test_reschedule_is_kept_in_the_audit_history(django_user_model):
    manager = django_user_model.objects.create_user("officer-b")
    milestone = MilestoneFactory(planned_completion=parse("March 2010"))
    services.milestone_reschedule(
        milestone=milestone,
        field="planned_completion",
        new=parse("May 2010"),
        reason="Extended",
        by=manager,
    )
    latest = milestone.history.first()
    assert latest.planned_completion_text == "May 2010"
    assert latest.history_user == manager
    assert latest.prev_record.planned_completion_text == "March 2010"
