"""The overview's "at a glance" counts link to the milestone list and the risk register filtered
to exactly the rows they count: the number on the overview is the number of rows the list
shows, through the lists' own filters."""

import re
from html import unescape

import pytest
from django.urls import reverse

from tests.helpers import text_of

pytestmark = pytest.mark.django_db

AGMA = "agma-collaborative-services"
WIGAN = "wigan-support-services-review"


def glance(client, programme) -> dict[str, tuple[int, str]]:
    """{"late": (17, "/programmes/…/milestones/?overdue=on"), …} from the overview's links."""
    html = client.get(reverse("programmes:overview", kwargs={"programme": programme}))
    html = html.content.decode()
    section = html[html.index('id="glance-heading"') : html.index('id="areas-heading"')]
    links = re.findall(r'<a href="([^"]+)"><strong>(\d+)</strong> ([a-z ]+?)</a>', section)
    return {words.rstrip("s"): (int(count), unescape(href)) for href, count, words in links}


def listed(client, href) -> int:
    response = client.get(href)
    assert response.status_code == 200
    return response.context["table"].paginator.count


def test_each_milestone_count_links_to_the_rows_it_counts(reader_client):
    counts = glance(reader_client, AGMA)
    assert set(counts) == {"milestone", "late", "slipped", "completed", "red risk"}
    for name in ("milestone", "late", "slipped", "completed"):
        count, href = counts[name]
        assert count > 0, name  # the seed programme has some of each, so the check means something
        assert listed(reader_client, href) == count, name
    assert counts["late"][1].endswith("?overdue=on")


def test_the_red_risks_count_links_to_the_red_risks(reader_client):
    counts = glance(reader_client, WIGAN)
    count, href = counts["red risk"]
    assert count > 0
    response = reader_client.get(href)
    assert response.context["table"].paginator.count == count
    # The same risks by name: those the overview lists under "Red risks".
    overview = reader_client.get(reverse("programmes:overview", kwargs={"programme": WIGAN}))
    html = overview.content.decode()
    section = html[html.index('id="risks-heading"') : html.index('id="meetings-heading"')]
    red = [unescape(name) for name in re.findall(r"<strong>([^<]+)</strong>", section)]
    titles = [record.title for record in response.context["table"].data]
    assert len(red) == count
    assert sorted(titles) == sorted(red)
    assert "Rating on the risk matrix" in text_of(response)
