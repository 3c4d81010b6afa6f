"""The milestone list of a programme, and of all the programmes a user may see."""

import pytest
from django.urls import reverse
from django.utils import timezone

from core import fuzzydates
from milestones.models import DateChange, Milestone
from milestones.services import milestone_edit
from programmes.models import Meeting
from tests.factories import MilestoneFactory, PersonFactory, ServiceAreaFactory, StageFactory
from tests.helpers import assert_bounded_queries, row_of, rows_of, text_of
from tests.seed_programmes import AGMA, HERTS, WIGAN

pytestmark = pytest.mark.django_db


def milestones_url(slug=AGMA, **params):
    url = reverse("milestones:list", kwargs={"programme": slug})
    if params:
        url += "?" + "&".join(f"{key}={value}" for key, value in params.items())
    return url


def test_manager_reads_agma_milestones_with_slippage(manager_client):
    response = manager_client.get(milestones_url())
    assert response.status_code == 200
    text = text_of(response)
    assert "<h1>Milestones</h1>" in response.content.decode()
    assert "29 milestones." in text
    row = row_of(response, "Stage 0-1")
    assert "Transactional HR" in row
    assert "Sep 2009" in row  # planned start, report style
    assert "Jun 2010" in row  # planned completion after two extensions
    assert "In progress" in row
    assert "Slipped" in row
    assert "Not rated" in row  # RAG as a word, even when there is none
    assert "Slipped" not in row_of(response, "Stage 2a – Design")


def test_slipped_filter_keeps_the_five_slipped_milestones(manager_client):
    response = manager_client.get(milestones_url(slipped="on"))
    rows = rows_of(response)
    assert len(rows) == 5
    assert all("Slipped" in row for row in rows)
    assert "5 milestones match the filters" in text_of(response)


def test_service_area_and_status_filters(manager_client, own_area):
    rows = rows_of(manager_client.get(milestones_url(service_area=own_area.pk)))
    assert len(rows) == 2
    assert all("Transactional HR" in row for row in rows)
    complete = rows_of(manager_client.get(milestones_url(status="complete")))
    assert complete and all("Complete" in row for row in complete)


def test_due_between_reads_uk_dates(manager_client):
    response = manager_client.get(milestones_url(due_from="01/06/2010", due_to="30/06/2010"))
    titles = {row.split(" ")[0:3][0] for row in rows_of(response)}
    text = text_of(response)
    assert "2 milestones match the filters" in text, titles
    assert "Stage 0-1" in text
    assert "Stage 2b Delivery of Collaborative Improvement & Joint Working" in text
    assert "Stage 2a – Design" not in text


def test_due_between_refuses_an_impossible_date_in_plain_english(manager_client):
    response = manager_client.get(milestones_url(due_from="31/02/2010"))
    text = text_of(response)
    assert "There is a problem" in text
    assert "Enter a real date, day first, like 31/03/2010." in text
    assert rows_of(response) == ["No milestones match: change or clear the filters."]


def test_due_between_wants_the_dates_in_order(manager_client):
    response = manager_client.get(milestones_url(due_from="01/07/2010", due_to="01/06/2010"))
    assert "The second date must be on or after the first." in text_of(response)


def test_overdue_filter_matches_the_queryset(manager_client, agma):
    expected = Milestone.objects.for_programme(agma).late(timezone.localdate()).count()
    response = manager_client.get(milestones_url(overdue="on"))
    assert len(rows_of(response)) == expected
    assert all("Complete" not in row for row in rows_of(response))


def test_sorting_by_planned_completion_puts_undated_last(manager_client):
    latest_first = rows_of(manager_client.get(milestones_url(sort="-planned_completion")))
    assert "Mar 2012" in latest_first[0]
    earliest_first = rows_of(manager_client.get(milestones_url(sort="planned_completion")))
    assert "Mar 2009" in earliest_first[0]
    assert "Adult Social Care" in earliest_first[-1]  # no planned completion at all


def test_sorted_column_says_so(manager_client):
    html = manager_client.get(milestones_url(sort="-planned_completion")).content.decode()
    assert 'aria-sort="descending"' in html
    assert "<caption" in html and 'scope="col"' in html and 'scope="row"' in html


def test_pages_of_fifty(manager_client):
    response = manager_client.get(milestones_url(HERTS))
    assert len(rows_of(response)) == 50
    assert "Showing 1 to 50 of 138." in text_of(response)
    assert len(rows_of(manager_client.get(milestones_url(HERTS, page=3)))) == 38
    assert len(rows_of(manager_client.get(milestones_url(HERTS, per_page=1000)))) == 100


def test_champion_sees_their_programme_and_not_others(champion_client):
    assert champion_client.get(milestones_url()).status_code == 200
    assert champion_client.get(milestones_url(WIGAN)).status_code == 403


def test_reader_reads_the_list(reader_client):
    response = reader_client.get(milestones_url(WIGAN))
    assert response.status_code == 200
    assert "7 milestones." in text_of(response)


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(milestones_url())
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert client.get(reverse("milestones:all")).status_code == 302


def test_unknown_programme_is_not_found(manager_client):
    assert manager_client.get(milestones_url("no-such-programme")).status_code == 404


def test_all_milestones_only_from_visible_programmes(champion_client, reader_client):
    response = champion_client.get(reverse("milestones:all"))
    assert response.status_code == 200
    assert "29 milestones." in text_of(response)
    assert "Support Services Review" not in text_of(response)
    reader_text = text_of(reader_client.get(reverse("milestones:all")))
    assert f"{Milestone.objects.count()} milestones." in reader_text


def test_all_milestones_filter_by_programme(reader_client, wigan):
    response = reader_client.get(reverse("milestones:all") + f"?programme={wigan.pk}")
    rows = rows_of(response)
    assert len(rows) == 7
    assert all("Support Services Review" in row for row in rows)


def test_all_milestones_refuses_a_programme_the_user_cannot_see(champion_client, wigan):
    response = champion_client.get(reverse("milestones:all") + f"?programme={wigan.pk}")
    assert "Select a valid choice" in text_of(response)
    assert rows_of(response) == ["No milestones match: change or clear the filters."]


def add_milestones(programme):
    """Rows of everything the milestone list shows: areas, stages, owners, slippage."""

    def add(n):
        for _ in range(n):
            area = ServiceAreaFactory(programme=programme)
            stage = StageFactory(programme=programme)
            owner = PersonFactory()
            milestone = MilestoneFactory(service_area=area, stage=stage, owner=owner, rag="red")
            DateChange.objects.create(
                milestone=milestone,
                field="planned_completion",
                old=fuzzydates.parse("January 2010"),
                new=fuzzydates.parse("March 2010"),
                direction=DateChange.Direction.LATER,
                reason="Slipped",
            )

    return add


def test_milestone_list_queries_do_not_grow(
    manager_client, managed_programme, django_assert_max_num_queries
):
    programme = managed_programme()
    assert_bounded_queries(
        manager_client,
        milestones_url(programme.slug, sort="-planned_completion"),
        add_milestones(programme),
        # One reads the rows' date changes, for the dates with their moves; the page's rows are
        # read in two (their ids in order, then those rows: MilestoneQuerySet.ids_first).
        14,
        django_assert_max_num_queries,
    )


def test_all_milestones_queries_do_not_grow(
    manager_client, managed_programme, django_assert_max_num_queries
):
    programme = managed_programme()
    assert_bounded_queries(
        manager_client,
        reverse("milestones:all") + "?slipped=on",
        add_milestones(programme),
        # One reads the rows' date changes, for the dates with their moves; the page's rows are
        # read in two (their ids in order, then those rows: MilestoneQuerySet.ids_first).
        15,
        django_assert_max_num_queries,
    )


def test_a_first_forecast_later_than_the_plan_counts_as_slipped(manager_client):
    """Planned for Feb 2010 with no forecast; a first forecast of June 2010 is a slip on the
    list (column and filter) and on the overview, as it is in the reports."""
    m = Milestone.objects.get(service_area__programme__slug=AGMA, title="Stage 2a – Design")
    assert (m.planned_completion_text, m.forecast_completion_text) == ("February 2010", "")
    milestone_edit(
        milestone=m,
        opened_version=m.version,
        changes={"forecast_completion": fuzzydates.parse("June 2010")},
        reason="Supplier late",
    )
    response = manager_client.get(milestones_url(slipped="on"))
    assert len(rows_of(response)) == 6
    assert "Slipped" in row_of(response, "Stage 2a – Design")
    overview = manager_client.get(reverse("programmes:overview", kwargs={"programme": AGMA}))
    assert "<strong>6</strong> slipped" in overview.content.decode()


def test_each_page_lists_the_rows_of_that_page_in_order(manager_client):
    """Pages read their rows by id first (``MilestoneQuerySet.ids_first``): page by page, in
    each sort order, the titles are those of the whole list in that order, each once."""
    for sort in ("", "-planned_completion", "status", "-owner"):
        whole = rows_of(manager_client.get(milestones_url(sort=sort, per_page=100)), "")
        paged = []
        for page in (1, 2, 3):
            response = manager_client.get(milestones_url(sort=sort, per_page=10, page=page))
            paged += rows_of(response, "")
        assert paged == whole[:29] and len(paged) == 29


def test_a_meetings_milestones_are_listed_from_its_link(manager_client):
    """The meetings page names a meeting's first ten milestones and links to all of them."""
    meeting = Meeting.objects.filter(body__programme__slug=WIGAN).first()
    area = ServiceAreaFactory(programme=meeting.body.programme)
    for index in range(12):
        MilestoneFactory(service_area=area, reports_to=meeting, title=f"Reports {index:02}")
    page = manager_client.get(reverse("reports:meetings", kwargs={"programme": WIGAN}))
    html = page.content.decode()
    link = reverse("milestones:list", kwargs={"programme": WIGAN}) + f"?reports_to={meeting.pk}"
    count = Milestone.objects.filter(reports_to=meeting).count()
    assert f'<a href="{link}">All {count} milestones reporting to it</a>' in html
    listed = rows_of(manager_client.get(link), "")
    assert len(listed) == count
    assert sum("Reports " in row for row in listed) == 12
