"""Complete, with or without the date it was delivered: the seed reports record ten milestones
as done without saying when. They load, they can be edited in the admin, and pages and reports
say "Complete — date not recorded" rather than showing a date. A delivery date with another
status is refused at the model, whichever way the edit comes."""

from datetime import date

import pytest
from django.urls import reverse

from milestones.models import Milestone
from programmes.models import ServiceArea
from reports.kinds import build_report, get_kind
from reports.options import ReportOptions
from reports.rendering import report_html
from tests.programmes.test_admin import change_form_data

pytestmark = pytest.mark.django_db

AGMA = "agma-collaborative-services"
SEEDS = [
    AGMA,
    "enhanced-two-tier-working",
    "manchester-improvement-programme",
    "herts-programme-milestones-2008",
    "wigan-support-services-review",
]


def undated_complete():
    return Milestone.objects.filter(
        service_area__programme__slug__in=SEEDS, status="complete", actual_completion_text=""
    )


def scope_defined():
    return Milestone.objects.get(
        service_area__programme__slug=AGMA,
        service_area__name="Transactional HR",
        title="Scope defined",
    )


def test_the_seeds_load_their_ten_complete_milestones_without_a_date():
    by_programme = {}
    for milestone in undated_complete().select_related("service_area__programme"):
        slug = milestone.service_area.programme.slug
        by_programme[slug] = by_programme.get(slug, 0) + 1
    assert by_programme == {AGMA: 9, "manchester-improvement-programme": 1}
    assert {m.status_words for m in undated_complete()} == {"Complete — date not recorded"}


def test_the_service_area_page_says_the_date_was_not_recorded(reader_client):
    area = ServiceArea.objects.get(programme__slug=AGMA, name="Transactional HR")
    url = reverse("programmes:service-area", kwargs={"programme": AGMA, "pk": area.pk})
    html = reader_client.get(url).content.decode()
    assert "<td>Complete — date not recorded</td>" in html


def test_the_milestones_report_says_the_date_was_not_recorded():
    programme = scope_defined().service_area.programme
    # The Status column prints only when turned on: the council's format has none.
    options = ReportOptions(as_at=date(2010, 3, 31), columns=frozenset({"status"}))
    html = report_html(build_report(get_kind("milestones"), programme, options))
    assert html.count("Complete — date not recorded") == 9  # AGMA's nine


def admin_change(client, milestone, **changes):
    data = change_form_data(client, milestone)
    data.update(changes)
    return client.post(reverse("admin:milestones_milestone_change", args=[milestone.pk]), data)


def test_the_admin_saves_a_comment_on_a_complete_milestone_without_a_date(
    admin_client_logged_in,
):
    milestone = scope_defined()
    response = admin_change(admin_client_logged_in, milestone, comment="Signed off by CSG.")
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert milestone.comment == "Signed off by CSG." and milestone.status == "complete"


def test_the_admin_marks_a_milestone_complete_when_given_its_delivery_date(
    admin_client_logged_in,
):
    milestone = Milestone.objects.get(
        service_area__programme__slug=AGMA,
        service_area__name="Transactional HR",
        title="Stage 0-1",
    )
    response = admin_change(admin_client_logged_in, milestone, actual_completion_text="28/05/2010")
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert milestone.status == "complete"


def test_the_admin_refuses_a_delivery_date_with_another_status_beside_the_status(
    admin_client_logged_in,
):
    milestone = scope_defined()
    response = admin_change(
        admin_client_logged_in,
        milestone,
        status="in_progress",
        actual_completion_text="28/07/2009",
    )
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.errors["status"] == [
        "It has an actual completion date, so its status is Complete: clear the actual "
        "completion date to give it another status."
    ]
    milestone.refresh_from_db()
    assert milestone.status == "complete" and not milestone.actual_completion.text


def test_a_new_milestone_in_the_admin_given_its_delivery_date_is_complete(
    admin_client_logged_in,
):
    area = ServiceArea.objects.get(programme__slug=AGMA, name="Transactional HR")
    response = admin_client_logged_in.post(
        reverse("admin:milestones_milestone_add"),
        {
            "service_area": area.pk,
            "title": "Payroll go-live",
            "status": "not_started",
            "order": 9,
            "actual_completion_text": "1 April 2010",
            "date_changes-TOTAL_FORMS": "0",
            "date_changes-INITIAL_FORMS": "0",
            "date_changes-MIN_NUM_FORMS": "0",
            "date_changes-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Milestone.objects.get(title="Payroll go-live").status == "complete"
