"""Putting an area's milestones in order within their stages with "Move up" and "Move down"
buttons (forms: no dragging, no JavaScript), as the area page and the reports show them."""

import pytest
from django.urls import reverse

from milestones import services
from milestones.area_writes import milestone_move
from milestones.models import Milestone
from tests.helpers import assert_bounded_queries, rows_of, text_of

pytestmark = pytest.mark.django_db

AGMA = "agma-collaborative-services"


def order_url(area):
    return reverse("milestones:reorder", kwargs={"programme": AGMA, "area": area.pk})


@pytest.fixture
def stage_one(agma, own_area):
    """Three Stage 1 milestones of the champion's area, added in order A, B, C."""
    stage = agma.stages.get(code="Stage 1")
    return [
        services.milestone_create(service_area=own_area, title=title, stage=stage)
        for title in ("A", "B", "C")
    ]


def titles_on_area_page(client, area):
    """The three milestones, in the order the area's page lists them."""
    url = reverse("programmes:service-area", kwargs={"programme": AGMA, "pk": area.pk})
    firsts = [row.split(" ")[0] for row in rows_of(client.get(url))]
    return [title for title in firsts if title in ("A", "B", "C")]


def order_of(area, stage_code="Stage 1"):
    return list(
        area.milestones.filter(stage__code=stage_code)
        .order_by("order", "id")
        .values_list("title", flat=True)
    )


def test_moving_up_puts_it_above_its_neighbour_and_records_who(
    champion_client, own_area, stage_one
):
    _a, b, c = stage_one
    response = champion_client.post(
        order_url(own_area), {"milestone": c.pk, "way": "up", "past": b.pk}, follow=True
    )
    assert "Moved “C” up." in text_of(response)
    assert order_of(own_area) == ["A", "C", "B"]
    c.refresh_from_db()
    assert c.history.first().history_user.username == "champion"
    assert titles_on_area_page(champion_client, own_area) == ["A", "C", "B"]


def test_moving_down_and_the_page_shows_buttons_as_forms(champion_client, own_area, stage_one):
    a, b, _c = stage_one
    page = champion_client.get(order_url(own_area)).content.decode()
    # A keyboard or screen-reader user reaches each button and hears what it moves.
    assert 'Move down<span class="visually-hidden"> “A”, below “B”</span>' in page
    assert 'Move up<span class="visually-hidden"> “A”' not in page  # already first
    champion_client.post(order_url(own_area), {"milestone": a.pk, "way": "down", "past": b.pk})
    assert order_of(own_area) == ["B", "A", "C"]


def test_other_stages_keep_their_places(champion_client, own_area, stage_one):
    others = list(own_area.milestones.exclude(stage__code="Stage 1").values_list("pk", "order"))
    a, b, _c = stage_one
    champion_client.post(order_url(own_area), {"milestone": b.pk, "way": "up", "past": a.pk})
    assert (
        list(own_area.milestones.exclude(stage__code="Stage 1").values_list("pk", "order"))
        == others
    )


def test_equal_orders_are_numbered_first_so_the_move_happens(own_area, stage_one):
    a, b, c = stage_one
    Milestone.objects.filter(pk__in=[a.pk, b.pk, c.pk]).update(order=0)
    c.refresh_from_db()
    milestone_move(milestone=c, way="up", past=b.pk)
    assert order_of(own_area) == ["A", "C", "B"]


def test_a_move_made_on_an_out_of_date_page_is_refused(champion_client, own_area, stage_one):
    _a, b, c = stage_one
    milestone_move(milestone=b, way="up")  # someone else: B A C
    response = champion_client.post(
        order_url(own_area), {"milestone": c.pk, "way": "up", "past": b.pk}, follow=True
    )
    assert "The order has changed since you opened the page" in text_of(response)
    assert order_of(own_area) == ["B", "A", "C"]


def test_the_first_cannot_move_up(champion_client, own_area, stage_one):
    a, _, _ = stage_one
    response = champion_client.post(
        order_url(own_area), {"milestone": a.pk, "way": "up"}, follow=True
    )
    assert "It is already first in its stage." in text_of(response)
    assert order_of(own_area) == ["A", "B", "C"]


def test_only_those_entitled_may_reorder(
    reader_client, champion_client, other_area, own_area, stage_one
):
    a, b, _ = stage_one
    assert reader_client.get(order_url(own_area)).status_code == 403
    posted = {"milestone": b.pk, "way": "up", "past": a.pk}
    assert reader_client.post(order_url(own_area), posted).status_code == 403
    assert champion_client.get(order_url(other_area)).status_code == 403
    # A milestone of another area, posted through the champion's own area's page: not found.
    theirs = other_area.milestones.first()
    crafted = champion_client.post(order_url(own_area), {"milestone": theirs.pk, "way": "up"})
    assert crafted.status_code == 404
    assert order_of(own_area) == ["A", "B", "C"]


def test_the_order_page_queries_do_not_grow(
    manager_client, managed_programme, django_assert_max_num_queries
):
    from tests.factories import ServiceAreaFactory, StageFactory

    programme = managed_programme()
    area = ServiceAreaFactory(programme=programme)
    stage = StageFactory(programme=programme)

    def add_rows(n):
        for number in range(n):
            services.milestone_create(service_area=area, title=f"M{number}", stage=stage)

    url = reverse("milestones:reorder", kwargs={"programme": programme.slug, "area": area.pk})
    assert_bounded_queries(manager_client, url, add_rows, 12, django_assert_max_num_queries)
