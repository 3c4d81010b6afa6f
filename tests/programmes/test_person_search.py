"""Person pickers carry the mark that gives them a search box (static/js/person-search.js, on
every page); without JavaScript they stay plain lists. The browser test
(tests/browser/test_narrow_and_wide.py) types into the box."""

import re

import pytest
from django.urls import reverse

from milestones.models import Milestone
from reports.models import CommitteeReport

pytestmark = pytest.mark.django_db

AGMA = "agma-collaborative-services"
MIP = "manchester-improvement-programme"


def searchable(response) -> set[str]:
    """The names of the selects marked for a search box."""
    html = response.content.decode()
    return {
        re.search(r'name="([^"]+)"', tag).group(1)
        for tag in re.findall(r"<select[^>]*>", html)
        if "data-person-search" in tag
    }


def test_every_person_picker_is_marked_for_a_search_box(manager_client):
    milestone = Milestone.objects.filter(service_area__programme__slug=AGMA).first()
    edit = manager_client.get(reverse("milestones:edit", kwargs={"pk": milestone.pk}))
    assert searchable(edit) == {"owner"}
    sheet = CommitteeReport.objects.get(programme__slug=MIP)
    cover = manager_client.get(
        reverse("reports:cover-sheet-edit", kwargs={"programme": MIP, "pk": sheet.pk})
    )
    assert searchable(cover) == {"contact_officers", "proper_officer"}
    listing = manager_client.get(reverse("milestones:list", kwargs={"programme": AGMA}))
    assert searchable(listing) == {"owner"}


def test_the_search_script_is_on_every_page(reader_client):
    page = reader_client.get(reverse("programmes:my-work")).content.decode()
    assert 'src="/static/js/person-search.js"' in page
