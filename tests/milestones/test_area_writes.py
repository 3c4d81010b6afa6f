"""The services behind the batch pages: all or nothing, every refused row named, the rights
asked again, and a new milestone placed after its area's others."""

import pytest
from django.core.exceptions import PermissionDenied

from core.fuzzydates import parse
from milestones import services
from milestones.area_writes import (
    RowEdit,
    RowsRefused,
    milestones_add_several,
    milestones_edit_together,
)
from milestones.models import Milestone
from tests.factories import MilestoneFactory, ServiceAreaFactory

pytestmark = pytest.mark.django_db


def test_a_new_milestone_goes_after_its_areas_others():
    area = ServiceAreaFactory()
    MilestoneFactory(service_area=area, order=7)
    added = services.milestone_create(service_area=area, title="Later")
    assert added.order == 8
    assert services.milestone_create(service_area=area, title="Placed", order=2).order == 2


def test_adding_several_is_all_or_nothing_with_each_refused_row_named():
    area = ServiceAreaFactory()
    rows = [
        {"title": "Fine", "planned_completion": parse("March 2010")},
        {"title": "", "planned_completion": parse("April 2010")},
        {
            "title": "Backwards",
            "planned_start": parse("June 2010"),
            "planned_completion": parse("May 2010"),
        },
    ]
    with pytest.raises(RowsRefused) as refused:
        milestones_add_several(service_area=area, rows=rows)
    assert set(refused.value.problems) == {1, 2}
    assert refused.value.problems[1] == ["Milestone: This field cannot be blank."]
    assert refused.value.problems[2] == [
        "The planned completion cannot be before the planned start."
    ]
    assert not area.milestones.exists()


def test_editing_together_is_all_or_nothing_and_names_stale_and_refused_rows():
    area = ServiceAreaFactory()
    first, second, third = (MilestoneFactory(service_area=area) for _ in range(3))
    opened = second.version
    services.milestone_edit(milestone=second, opened_version=opened, changes={"rag": "red"})
    second.refresh_from_db()
    edits = [
        RowEdit(first, first.version, {"status": "on_hold"}),
        RowEdit(second, opened, {"status": "on_hold"}),
        RowEdit(third, third.version, {"planned_completion": parse("June 2010")}),  # no reason
    ]
    with pytest.raises(RowsRefused) as refused:
        milestones_edit_together(edits=edits)
    assert set(refused.value.stale) == {1}
    assert refused.value.problems == {2: ["Planned completion: Say why the date is changing."]}
    assert set(Milestone.objects.filter(service_area=area).values_list("status", flat=True)) == {
        "not_started"
    }


def test_the_services_refuse_a_user_not_entitled(django_user_model, other_area):
    champion = django_user_model.objects.get(username="champion")
    with pytest.raises(PermissionDenied):
        services.milestone_create(service_area=other_area, title="Not mine", by=champion)
    with pytest.raises(PermissionDenied):
        milestones_add_several(service_area=other_area, rows=[{"title": "x"}], by=champion)
    theirs = other_area.milestones.first()
    with pytest.raises(PermissionDenied):
        milestones_edit_together(
            edits=[RowEdit(theirs, theirs.version, {"status": "on_hold"})], by=champion
        )
    assert not other_area.milestones.filter(title__in=["Not mine", "x"]).exists()
