"""Pages run a fixed number of queries whatever the size of the programme: each is measured on
the seed programme and again after adding ten times as many rows."""

import pytest
from django.urls import reverse

from core.fuzzydates import parse
from milestones.models import DateChange, Milestone
from programmes.models import Person, Programme, Risk, ServiceArea, ServiceAreaRole

pytestmark = pytest.mark.django_db

AGMA = "agma-collaborative-services"


def grow(scale: int):
    """Add ``scale`` service areas to AGMA, each with a champion, ten milestones (a third of
    them moved later) and a red risk, and ``5 * scale`` milestones to Transactional HR; the
    demo champion is named on every new area. Bulk-created: this is volume, not behaviour."""
    programme = Programme.objects.get(slug=AGMA)
    stage = programme.stages.first()
    champion = Person.objects.get(user__username="champion")
    hr = ServiceArea.objects.get(programme=programme, name="Transactional HR")
    areas = ServiceArea.objects.bulk_create(
        ServiceArea(programme=programme, name=f"Extra area {n}", order=100 + n)
        for n in range(scale)
    )
    ServiceAreaRole.objects.bulk_create(
        ServiceAreaRole(service_area=area, person=champion, role="champion") for area in areas
    )
    Risk.objects.bulk_create(
        Risk(programme=programme, service_area=area, title="Extra", rag="red") for area in areas
    )
    milestones = [
        Milestone(
            service_area=area,
            title=f"Milestone {index}",
            stage=stage if index % 2 else None,
            planned_start=parse("January 2010"),
            planned_completion=parse("June 2010"),
        )
        for area in [*areas, hr]
        for index in range(10 if area is not hr else 5 * scale)
    ]
    Milestone.objects.bulk_create(milestones)
    DateChange.objects.bulk_create(
        DateChange(
            milestone=milestone,
            field="planned_completion",
            old=parse("March 2010"),
            new=parse("June 2010"),
            direction=DateChange.Direction.LATER,
            reason="Extended",
        )
        for milestone in milestones[::3]
    )


def hr_area():
    return ServiceArea.objects.get(programme__slug=AGMA, name="Transactional HR")


PAGES = {
    "my work": lambda: reverse("programmes:my-work"),
    "overview": lambda: reverse("programmes:overview", kwargs={"programme": AGMA}),
    "service area": lambda: reverse(
        "programmes:service-area", kwargs={"programme": AGMA, "pk": hr_area().pk}
    ),
    "milestone": lambda: reverse(
        "milestones:detail", kwargs={"pk": Milestone.objects.get(title="Stage 0-1").pk}
    ),
    "milestone edit": lambda: reverse(
        "milestones:edit", kwargs={"pk": Milestone.objects.get(title="Stage 0-1").pk}
    ),
    "update": lambda: reverse(
        "programmes:area-update", kwargs={"programme": AGMA, "pk": hr_area().pk}
    ),
    "updates board": lambda: reverse("programmes:updates", kwargs={"programme": AGMA}),
    "periods": lambda: reverse("programmes:periods", kwargs={"programme": AGMA}),
}


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("scale", [1, 10])
def test_page_queries_do_not_grow_with_the_data(
    name, scale, champion_client, django_assert_max_num_queries
):
    grow(scale)
    url = PAGES[name]()
    champion_client.get(url)  # warm the session, so both sizes are counted the same way
    with django_assert_max_num_queries(QUERY_BUDGET[name]):
        response = champion_client.get(url)
    assert response.status_code == 200


# Measured at both sizes (the same at each); a page that starts querying per row fails here.
QUERY_BUDGET = {
    "my work": 16,
    "overview": 18,  # counts grouped by area and stage, then a small matrix's milestones
    "service area": 25,  # one for where the period's update stands
    "milestone": 14,  # likewise
    "milestone edit": 10,
    "update": 16,  # the area's update, its milestones, the parts saved, and where it stands
    "updates board": 12,
    "periods": 11,
}
