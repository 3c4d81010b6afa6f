"""Check constraints validated in Python agree with the database's own check, and need no query."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db.models import CheckConstraint

from core.constraints import CheckedConstraint
from core.fuzzydates import parse
from milestones.models import DateChange, Milestone, ReportingPeriod
from programmes.models import Action, Risk, SavingsLine, ServiceArea
from tests.factories import ProgrammeFactory, ServiceAreaFactory

pytestmark = pytest.mark.django_db


def violations(instance, *, in_python: bool) -> set[str]:
    """Names of the constraints the instance breaks, by our check or by the database's."""
    broken = set()
    for constraint in instance._meta.constraints:
        if not isinstance(constraint, CheckedConstraint):
            continue
        check = constraint.validate if in_python else super(CheckedConstraint, constraint).validate
        try:
            check(type(instance), instance)
        except ValidationError:
            broken.add(constraint.name)
    return broken


def milestone(status="complete", **dates):
    return Milestone(
        service_area=ServiceAreaFactory.build(),
        title="Stage 1",
        status=status,
        **{name: parse(text) for name, text in dates.items()},
    )


CASES = [
    (milestone(planned_start="January 2010", planned_completion="March 2010"), set()),
    (
        milestone(planned_start="June 2010", planned_completion="May 2010"),
        {"milestone_planned_completion_not_before_planned_start"},
    ),
    (milestone(planned_start="TBC", planned_completion="May 2010"), set()),
    (milestone(planned_completion="from April 2008"), set()),  # open-ended: latest is NULL
    (
        milestone(actual_start="12/12/06", actual_completion="1/12/06"),
        {"milestone_actual_completion_not_before_actual_start"},
    ),
    (milestone(actual_completion="1/12/06"), set()),
    (milestone(status="complete"), set()),  # complete, the date not recorded
    (
        milestone(status="in_progress", actual_completion="1/12/06"),
        {"milestone_delivered_is_complete"},
    ),
    (
        milestone(status="cancelled", actual_completion="by December 2006"),
        {"milestone_delivered_is_complete"},
    ),
    (milestone(status="on_hold", actual_completion="Awaiting sign-off"), set()),  # no date
    (Milestone(title="x", estimated_cost=Decimal("-1")), {"milestone_estimated_cost_not_negative"}),
    (Milestone(title="x", estimated_cost=Decimal("0")), set()),
    (DateChange(reason=""), {"datechange_has_reason"}),
    (DateChange(reason="Extended"), set()),
    (SavingsLine(target=Decimal("-5")), {"savings_target_not_negative"}),
    (SavingsLine(target=None, achieved=Decimal("3")), set()),
    (Risk(likelihood=6, impact=3), {"risk_likelihood_on_a_scale"}),
    (Risk(likelihood=None, impact=0), {"risk_impact_on_a_scale"}),
    (Risk(likelihood=1, impact=5), set()),
    (
        ReportingPeriod(start=date(2010, 3, 31), end=date(2010, 3, 1)),
        {"period_ends_after_it_starts"},
    ),
    (ReportingPeriod(start=date(2010, 3, 1), end=date(2010, 3, 1)), set()),
    (
        Action(start=parse("July 2008"), due=parse("April 2008")),
        {"action_due_not_before_start"},
    ),
    (Action(start=parse("April 2008"), due=parse("Already undertaken")), set()),
    (ServiceArea(closed_on=date(2010, 3, 31), closed_reason=""), {"closed_service_area_says_why"}),
    (ServiceArea(closed_on=date(2010, 3, 31), closed_reason="Merged"), set()),
    (ServiceArea(closed_on=None, closed_reason=""), set()),
]


@pytest.mark.parametrize(("instance", "broken"), CASES)
def test_python_check_agrees_with_the_database(instance, broken):
    assert violations(instance, in_python=True) == broken
    assert violations(instance, in_python=False) == broken


def test_every_check_constraint_is_checked_in_python():
    from django.apps import apps

    plain = [
        f"{model.__name__}.{constraint.name}"
        for app in ("programmes", "milestones", "reports")
        for model in apps.get_app_config(app).get_models()
        for constraint in model._meta.constraints
        if isinstance(constraint, CheckConstraint) and not isinstance(constraint, CheckedConstraint)
    ]
    assert plain == []


def test_validating_a_milestone_runs_no_query_for_its_eight_check_constraints(
    django_assert_num_queries,
):
    area = ServiceAreaFactory(programme=ProgrammeFactory())
    candidate = Milestone(
        service_area=area,
        title="Stage 2a",
        planned_start=parse("July '09"),
        planned_completion=parse("Jan '10"),
    )
    with django_assert_num_queries(1):  # Django checking that the service area exists
        candidate.full_clean()
