"""The officer pages of a programme of 2,000 milestones: each runs a bounded number of queries
and sends a bounded page, whatever the programme's size: the overview summarises its stage
matrix in counts that lead to the lists, the service-area page and the timeline show a page at
a time, and the lists are sorted and cut to a page by the database."""

import re
from html import unescape

import pytest
from django.urls import reverse

from milestones.models import Milestone
from programmes.models import ProgrammeAccess, ServiceArea
from seeds.large import make_large_programme
from tests.helpers import rows_of, text_of

pytestmark = pytest.mark.django_db

MILESTONES = 2_000
PAGE_BYTES = 200 * 1024  # every page below, whatever the programme's size


@pytest.fixture
def large(django_user_model):
    manager = django_user_model.objects.get(username="manager")
    return make_large_programme(milestones=MILESTONES, managers=[manager]).programme


def first_area(programme) -> ServiceArea:
    return programme.service_areas.order_by("order").first()


PAGES = {
    "overview": lambda p: reverse("programmes:overview", kwargs={"programme": p.slug}),
    "service area": lambda p: reverse(
        "programmes:service-area", kwargs={"programme": p.slug, "pk": first_area(p).pk}
    ),
    "timeline": lambda p: reverse("milestones:timeline", kwargs={"programme": p.slug}),
    "milestone list": lambda p: reverse("milestones:list", kwargs={"programme": p.slug}),
    "all milestones": lambda p: reverse("milestones:all"),
    "my work": lambda p: reverse("programmes:my-work"),
}
# The same budgets as at seed size (tests/programmes/test_query_counts.py and the lists' own
# tests), give or take the count of a page's rows.
QUERIES = {
    "overview": 18,
    "service area": 27,
    "timeline": 12,
    # The lists read a page's ids, then its rows (MilestoneQuerySet.ids_first).
    "milestone list": 14,
    "all milestones": 15,
    "my work": 16,
}


@pytest.mark.parametrize("name", PAGES)
def test_pages_of_a_large_programme_are_bounded(
    name, large, manager_client, django_assert_max_num_queries
):
    url = PAGES[name](large)
    manager_client.get(url)  # warm the session, as at seed size
    with django_assert_max_num_queries(QUERIES[name]):
        response = manager_client.get(url)
    assert response.status_code == 200
    assert len(response.content) < PAGE_BYTES, f"{name}: {len(response.content):,} bytes"


def test_the_overview_counts_each_cell_and_links_to_exactly_those_milestones(large, manager_client):
    response = manager_client.get(PAGES["overview"](large))
    text = text_of(response)
    assert f"{MILESTONES} milestones: each cell counts them" in text
    html = response.content.decode()
    matrix = html[html.index('id="matrix-heading"') : html.index('id="savings-heading"')]
    cells = re.findall(r'<a href="([^"]+)">(\d+) milestones?</a>', matrix)
    # Twenty areas: five stages and the milestones with no stage.
    assert len(cells) == 20 * 6
    assert sum(int(count) for _, count in cells) == MILESTONES
    for href, count in (cells[0], cells[5], cells[-1]):
        listed = manager_client.get(unescape(href))
        assert listed.context["table"].paginator.count == int(count), href
    assert "Other milestones" in matrix and "stage=null" in matrix


def test_the_overview_glance_counts_agree_with_the_querysets(large, manager_client):
    from django.utils import timezone

    milestones = Milestone.objects.for_programme(large)
    text = text_of(manager_client.get(PAGES["overview"](large)))
    late = milestones.late(timezone.localdate()).count()
    slipped = milestones.slipped().count()
    assert f"{MILESTONES} milestones {late} late {slipped} slipped" in text
    assert late > 0 and slipped == MILESTONES // 5


def test_the_service_area_page_shows_its_milestones_a_page_at_a_time(large, manager_client):
    area = first_area(large)
    url = PAGES["service area"](large)
    first = manager_client.get(url)
    total = area.milestones.count()
    assert f"Showing milestones 1 to 50 of {total}." in text_of(first)
    second = manager_client.get(url + "?milestones=2")
    assert f"Showing milestones 51 to 100 of {total}." in text_of(second)
    titles = [row.split(" ")[0:4] for row in rows_of(second)]
    assert titles and all(t[0] == "Step" for t in titles if t and t[0] == "Step")
    # The first page's milestones are not repeated on the second.
    first_titles = set(re.findall(r'href="/milestones/\d+/">([^<]+)</a>', first.content.decode()))
    second_titles = set(re.findall(r'href="/milestones/\d+/">([^<]+)</a>', second.content.decode()))
    assert first_titles and second_titles and not first_titles & second_titles
    # Updates: ten at a time, newest first, their Markdown rendered as lists.
    assert f"Showing updates 1 to 10 of {area.updates.count()}." in text_of(first)
    assert "<li>workshop held with service managers</li>" in first.content.decode()


def test_the_timeline_draws_a_window_and_leads_to_the_next(large, manager_client):
    url = PAGES["timeline"](large)
    first = manager_client.get(url)
    text = text_of(first)
    assert f"Milestones 1 to 100 of {MILESTONES}" in text
    months = re.search(r"<h2 id=\"chart-heading\"[^>]*>([^<]+)</h2>", first.content.decode())
    second = manager_client.get(url + "?page=2")
    assert f"Milestones 101 to 200 of {MILESTONES}" in text_of(second)
    # Every window is drawn over the same months.
    assert months.group(1) in second.content.decode()
    # One area at a time is a choice too.
    area = first_area(large)
    one = manager_client.get(url + f"?area={area.pk}")
    assert f"of {area.milestones.count()}" in text_of(one)


def test_make_large_programme_command_writes_valid_records(django_user_model):
    from django.core.management import CommandError, call_command

    call_command("make_large_programme", "--milestones=100", "--slug=big", "--manager=manager")
    milestones = Milestone.objects.filter(service_area__programme__slug="big")
    assert milestones.count() == 100
    assert ProgrammeAccess.objects.filter(programme__slug="big", user__username="manager").exists()
    for milestone in milestones[:20]:
        milestone.full_clean()  # every rule the services check, foreign keys included
        assert milestone.history.exists()
    with pytest.raises(CommandError, match="exists already"):
        call_command("make_large_programme", "--milestones=10", "--slug=big")
    with pytest.raises(CommandError, match="No such login: nobody"):
        call_command("make_large_programme", "--milestones=10", "--manager=nobody")
