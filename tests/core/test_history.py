"""Audit history beyond the versioned records: budget lines, who may edit a programme (its
access and the people named on its service areas) and committee cover sheets each keep every
change with who made it; and a form saved unchanged records nothing, whatever line endings
the browser sends."""

import pytest
from django.urls import reverse

from core.audit import audit_trail
from milestones import services
from milestones.models import Milestone
from programmes.models import BudgetLine, ProgrammeAccess, ServiceArea, ServiceAreaRole
from reports.models import CommitteeReport

from .tabs import AdminTab, Tab, as_posted, formsets_posted

pytestmark = pytest.mark.django_db

AGMA = "agma-collaborative-services"
MIP = "manchester-improvement-programme"


def stage_0_1():
    return Milestone.objects.get(
        service_area__programme__slug=AGMA, service_area__name="Transactional HR", title="Stage 0-1"
    )


def test_a_comment_saved_unchanged_records_no_change(champion_client, django_user_model):
    milestone = stage_0_1()
    services.milestone_edit(
        milestone=milestone,
        opened_version=milestone.version,
        changes={"comment": "Scoping done.\n\n- Bury\n- Trafford"},
        by=django_user_model.objects.get(username="manager"),
    )
    version, rows = milestone.version, milestone.history.count()
    tab = Tab(champion_client, reverse("milestones:edit", kwargs={"pk": milestone.pk})).open()
    assert "\r\n" in tab.data["comment"]  # as a browser sends a textarea

    assert tab.save().status_code == 302
    milestone.refresh_from_db()
    assert (milestone.version, milestone.history.count()) == (version, rows)  # no "X → X"


def test_a_comment_typed_with_other_line_endings_is_stored_plainly(champion_client):
    milestone = stage_0_1()
    tab = Tab(champion_client, reverse("milestones:edit", kwargs={"pk": milestone.pk})).open()
    assert tab.save(comment="One\r\nTwo").status_code == 302
    milestone.refresh_from_db()
    assert milestone.comment == "One\nTwo"
    (entry, *_) = audit_trail(list(milestone.history.all()[:2]))
    assert entry["changes"][0]["new"] == "One\nTwo"


def admin_url(record):
    meta = record._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])


def test_a_budget_line_changed_in_the_admin_keeps_its_history(admin_client_logged_in):
    line = BudgetLine.objects.filter(detail="").order_by("pk").first()
    AdminTab(admin_client_logged_in, admin_url(line)).open().save(detail="Agreed at JIB.")
    row = line.history.first()
    assert (row.detail, row.history_user.username, row.history_type) == (
        "Agreed at JIB.",
        "boss",
        "~",
    )
    assert line.history.count() == 2  # as loaded, then the change


def test_who_may_edit_a_programme_is_audited(admin_client_logged_in, django_user_model):
    reader = django_user_model.objects.get(username="reader")
    access = ProgrammeAccess.objects.get(programme__slug=AGMA, user=reader)
    AdminTab(admin_client_logged_in, admin_url(access)).open().save(role="manager")
    row = access.history.first()
    assert (row.role, row.history_user.username) == ("manager", "boss")
    assert access.history.earliest("history_id").role == "reader"


def test_who_is_named_on_a_service_area_is_audited(admin_client_logged_in):
    area = ServiceArea.objects.get(programme__slug=AGMA, name="Transactional HR")
    role = area.roles.get(role=ServiceAreaRole.Role.CHAMPION)
    tab = AdminTab(admin_client_logged_in, admin_url(area)).open()
    prefix = next(
        key.removesuffix("-id")
        for key, value in tab.data.items()
        if key.startswith("roles-") and key.endswith("-id") and value == str(role.pk)
    )
    assert tab.save(**{f"{prefix}-DELETE": "on"}).status_code == 302
    gone = ServiceAreaRole.history.filter(id=role.pk).first()
    assert (gone.history_type, gone.history_user.username) == ("-", "boss")


def test_a_cover_sheet_saved_on_its_page_keeps_its_history(manager_client):
    sheet = CommitteeReport.objects.get(programme__slug=MIP)
    url = reverse("reports:cover-sheet-edit", args=[MIP, sheet.pk])
    page = manager_client.get(url)
    data = {
        **as_posted(page.context["form"]),
        **formsets_posted([page.context["sections"], page.context["papers"]]),
        "purpose": "To report progress, as agreed.",
    }
    response = manager_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    row = sheet.history.first()
    assert (row.purpose, row.history_user.username) == ("To report progress, as agreed.", "manager")


def test_a_record_with_no_history_rows_shows_an_empty_audit_history(manager_client):
    milestone = stage_0_1()
    milestone.history.all().delete()  # as a record loaded before its model kept history
    assert audit_trail([]) == []
    page = manager_client.get(reverse("milestones:detail", kwargs={"pk": milestone.pk}))
    assert page.status_code == 200
    assert "No changes recorded." in page.content.decode()
