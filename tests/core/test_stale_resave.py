"""Two people editing the same record in two tabs. The second to save is refused and shown
what the first changed; saving again applies only the fields the second person changed, so
the first person's change is never undone, and it is refused again if someone changes those
same fields meanwhile."""

import pytest
from django.urls import reverse

from milestones.models import Milestone
from programmes.models import Risk, ServiceArea
from tests.programmes.factories import RiskFactory

from .tabs import Tab

pytestmark = pytest.mark.django_db

AGMA = "agma-collaborative-services"


def stage_0_1():
    return Milestone.objects.get(
        service_area__programme__slug=AGMA, service_area__name="Transactional HR", title="Stage 0-1"
    )


def transactional_hr():
    return ServiceArea.objects.get(programme__slug=AGMA, name="Transactional HR")


def test_saving_a_milestone_again_keeps_the_other_tabs_rag(manager_client, champion_client):
    url = reverse("milestones:edit", kwargs={"pk": stage_0_1().pk})
    tab_a, tab_b = Tab(manager_client, url).open(), Tab(champion_client, url).open()
    assert tab_b.data["rag"] == ""  # Not rated when both opened it

    assert tab_a.save(rag="green").status_code == 302
    refused = tab_b.save(comment="Workshops booked for April.")
    html = refused.content.decode()
    assert "Demo Manager saved this milestone while you were editing it" in html
    assert "RAG status is now “green”" in html
    assert stage_0_1().comment != "Workshops booked for April."  # nothing saved yet
    assert tab_b.data["comment"] == "Workshops booked for April."  # the typing is kept…
    assert tab_b.data["rag"] == "green"  # …and the untouched RAG shows theirs

    assert tab_b.save().status_code == 302  # "save again"
    milestone = stage_0_1()
    assert (milestone.rag, milestone.comment) == ("green", "Workshops booked for April.")


def test_saving_again_is_refused_again_when_the_same_field_changed_meanwhile(
    manager_client, champion_client
):
    url = reverse("milestones:edit", kwargs={"pk": stage_0_1().pk})
    tab_a, tab_b = Tab(manager_client, url).open(), Tab(champion_client, url).open()
    tab_a.save(comment="Theirs, first")
    tab_b.save(comment="Mine")  # refused: shown "Theirs, first"
    tab_a.open().save(comment="Theirs, second")

    response = tab_b.save()
    assert "Comment / current activity is now “Theirs, second”" in response.content.decode()
    assert stage_0_1().comment == "Theirs, second"
    assert tab_b.data["comment"] == "Mine"  # still there to save once they have looked


def test_saving_a_service_area_again_keeps_the_other_tabs_change(manager_client, champion_client):
    area = transactional_hr()
    url = reverse("programmes:area-edit", kwargs={"programme": AGMA, "pk": area.pk})
    tab_a, tab_b = Tab(manager_client, url).open(), Tab(champion_client, url).open()

    assert tab_a.save(rag="green").status_code == 302
    refused = tab_b.save(purpose="Cut the cost of payroll.")
    assert "saved this service area while you were editing it" in refused.content.decode()
    assert tab_b.save().status_code == 302

    area.refresh_from_db()
    assert (area.rag, area.purpose) == ("green", "Cut the cost of payroll.")


def test_saving_a_risk_again_keeps_the_other_tabs_change(manager_client, champion_client):
    hr = transactional_hr()
    risk = RiskFactory(
        programme=hr.programme, service_area=hr, rag="amber", title="Payroll cut-over"
    )
    url = reverse("registers:risk-edit", kwargs={"programme": AGMA, "pk": risk.pk})
    tab_a, tab_b = Tab(manager_client, url).open(), Tab(champion_client, url).open()

    assert tab_a.save(rag="red", lead_officer="Head of HR").status_code == 302
    refused = tab_b.save(moderating_factors="- Parallel run")
    text = refused.content.decode()
    assert "saved this risk while you were editing it" in text
    assert "RAG status is now “Red”" in text
    assert tab_b.save().status_code == 302

    risk = Risk.objects.get(pk=risk.pk)
    assert (risk.rag, risk.lead_officer) == ("red", "Head of HR")
    assert risk.moderating_factors == "- Parallel run"
    assert risk.version == 3
