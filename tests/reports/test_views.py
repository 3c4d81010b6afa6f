"""The Reports pages: who may see what, previews of every kind for every seed programme,
downloads, options, cover sheets, and a bounded number of queries whatever the data's size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.fuzzydates import parse
from milestones.models import Milestone
from programmes.models import Programme, ServiceArea
from reports.kinds import KINDS
from reports.models import CommitteeReport

from .conftest import SEED_AS_AT

pytestmark = pytest.mark.django_db

AGMA = "agma-collaborative-services"
MIP = "manchester-improvement-programme"


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for url in (
        reverse("reports:index", args=[AGMA]),
        reverse("reports:preview", args=[AGMA, "milestones"]),
        reverse("reports:pdf", args=[AGMA, "milestones"]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_a_champion_of_another_programme_is_refused(champion_client):
    assert champion_client.get(reverse("reports:index", args=[MIP])).status_code == 403
    assert (
        champion_client.get(reverse("reports:preview", args=[MIP, "committee"])).status_code == 403
    )
    assert champion_client.get(reverse("reports:pdf", args=[MIP, "committee"])).status_code == 403


def test_the_index_lists_every_kind(reader_client):
    response = reader_client.get(reverse("reports:index", args=[AGMA]))
    assert response.status_code == 200
    for kind in KINDS.values():
        assert reverse("reports:preview", args=[AGMA, kind.slug]).encode() in response.content
    assert b"Fill in a new cover sheet" not in response.content


@pytest.mark.parametrize("slug", SEED_AS_AT)
def test_readers_preview_every_kind(reader_client, slug):
    for kind in KINDS:
        url = reverse("reports:preview", args=[slug, kind])
        response = reader_client.get(url, {"as_at": SEED_AS_AT[slug].strftime("%d/%m/%Y")})
        assert response.status_code == 200, kind
        assert b'class="report-content"' in response.content
        assert b"Issue to the meeting" not in response.content


def test_managers_see_the_issue_form(manager_client):
    response = manager_client.get(reverse("reports:preview", args=[AGMA, "milestones"]))
    assert b"Issue to the meeting" in response.content
    assert b"csrfmiddlewaretoken" in response.content


def test_an_unknown_kind_is_not_found(reader_client):
    assert reader_client.get(reverse("reports:preview", args=[AGMA, "nonsense"])).status_code == 404


def test_readers_download_a_pdf(reader_client):
    area = ServiceArea.objects.get(programme__slug=AGMA, name="VPMM")
    response = reader_client.get(
        reverse("reports:pdf", args=[AGMA, "milestones"]), {"areas": area.pk}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "agma-collaborative-services-milestones-" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")


def test_options_choose_areas_and_sections(reader_client):
    area = ServiceArea.objects.get(programme__slug=AGMA, name="VPMM")
    response = reader_client.get(
        reverse("reports:preview", args=[AGMA, "milestones"]),
        {"areas": area.pk, "sections_chosen": "on", "sections": ["stages"]},
    )
    content = response.content.decode()
    assert "Martin Vickers" in content
    assert "John Tanner" not in content
    assert "Comment / current activity</th>" not in content
    assert "Key to Stages" in content
    assert 'id="key-of-acronyms"' not in content


def test_bad_options_are_explained(reader_client):
    url = reverse("reports:preview", args=[AGMA, "milestones"])
    response = reader_client.get(url, {"since_date": "01/01/2999"})
    assert response.status_code == 400
    assert b"There is a problem" in response.content
    assert b"already begun" in response.content
    pdf = reader_client.get(reverse("reports:pdf", args=[AGMA, "milestones"]), {"as_at": "x"})
    assert pdf.status_code == 302
    assert pdf["Location"].startswith(url)


def test_a_preview_since_a_date_opens_with_what_changed(reader_client):
    response = reader_client.get(
        reverse("reports:preview", args=[AGMA, "milestones"]), {"since_date": "01/03/2010"}
    )
    content = response.content.decode()
    assert "What has changed since 1 March 2010" in content


def test_cover_sheets_are_for_managers(manager_client, reader_client):
    new = reverse("reports:cover-sheet-new", args=[AGMA])
    assert reader_client.get(new).status_code == 403
    assert manager_client.get(new).status_code == 200
    data = {
        "committee": "Scrutiny Committee",
        "date": "15/04/2010",
        "subject": "AGMA Collaborative Services <b>update</b>",
        "purpose": "To update members.",
        "wards_affected": "All",
        "signed_off_on_text": "1 April 2010",
        "sections-TOTAL_FORMS": "1",
        "sections-INITIAL_FORMS": "0",
        "sections-0-order": "0",
        "sections-0-number": "1",
        "sections-0-heading": "Keynote",
        "sections-0-body": "- first\n- second",
        "papers-TOTAL_FORMS": "0",
        "papers-INITIAL_FORMS": "0",
    }
    response = manager_client.post(new, data)
    assert response.status_code == 302
    sheet = CommitteeReport.objects.get(programme__slug=AGMA)
    assert sheet.sections.get().heading == "Keynote"
    assert str(sheet.signed_off_on) == "1 Apr 2010"

    preview = manager_client.get(
        reverse("reports:preview", args=[AGMA, "committee"]), {"as_at": "30/04/2010"}
    ).content.decode()
    assert "AGMA Collaborative Services &lt;b&gt;update&lt;/b&gt;" in preview
    assert "<li>first</li>" in preview

    edit = reverse("reports:cover-sheet-edit", args=[AGMA, sheet.pk])
    assert reader_client.get(edit).status_code == 403
    other = CommitteeReport.objects.get(programme__slug=MIP)
    foreign = reverse("reports:cover-sheet-edit", args=[AGMA, other.pk])
    assert manager_client.get(foreign).status_code == 404


def test_contact_officers_keep_their_order(manager_client):
    sheet = CommitteeReport.objects.get(programme__slug=MIP)
    before = list(sheet.contact_officer_links.values_list("person__name", flat=True))
    assert before == ["Elaine Bowker", "Theresa Grant", "Steve Park"]
    url = reverse("reports:cover-sheet-edit", args=[MIP, sheet.pk])
    form = manager_client.get(url).context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name != "contact_officers"
    }
    data["date"] = "05/02/2009"
    data["contact_officers"] = [
        link.person_id for link in sheet.contact_officer_links.all() if link.order != 1
    ]
    for prefix in ("sections", "papers"):
        data[f"{prefix}-TOTAL_FORMS"] = "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
    data.pop("meeting", None)
    response = manager_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    after = list(sheet.contact_officer_links.values_list("person__name", flat=True))
    assert after == ["Elaine Bowker", "Steve Park"]


def add_milestones(programme, count):
    area = programme.service_areas.first()
    for number in range(count):
        milestone = Milestone.objects.create(
            service_area=area, title=f"Extra {number}", comment="- a\n- b"
        )
        milestone.planned_completion = parse("June 2010")
        milestone.save()


@pytest.mark.parametrize("kind", list(KINDS))
def test_preview_queries_do_not_grow_with_the_data(
    reader_client, django_assert_max_num_queries, kind
):
    """A fixed number of queries however many milestones there are: the same count with 60
    more milestones (each with a date and a comment), and a bound on both."""
    programme = Programme.objects.get(slug=AGMA)
    url = reverse("reports:preview", args=[AGMA, kind])
    query = {"since_date": "01/01/2010"}
    counts = []
    for extra in (0, 60):
        add_milestones(programme, extra)
        # 44: the closure report also reads its cover sheet's date (the as-at date) and the
        # programme's structure of the report.
        with django_assert_max_num_queries(44), CaptureQueriesContext(connection) as queries:
            assert reader_client.get(url, query).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
