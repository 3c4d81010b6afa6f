"""The admin is where programme offices look at the seed programmes until the officers' pages
exist: every model is there, lists show useful columns and search finds the seed records."""

import pytest
from django.contrib import admin
from django.urls import reverse

from milestones.models import DateChange, Milestone

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("model_url", "search", "expected"),
    [
        ("programmes_programme", "Manchester", "Manchester Improvement Programme"),
        ("programmes_organisation", "Salford", "Salford City Council"),
        ("programmes_person", "Vickers", "Director of Change"),
        ("programmes_servicearea", "Transactional HR", "AGMA Collaborative Services"),
        ("programmes_governancebody", "JIB", "Joint Improvement Board"),
        ("programmes_meeting", "CECG", "21 Jan 2009"),
        ("programmes_glossaryterm", "CECG", "Chief Executives&#x27; Co-ordination Group"),
        ("programmes_stagedefinition", "Stage 2b", "Deliver Improvement Programme"),
        ("programmes_savingsline", "estimated", "13,182,000"),
        ("programmes_savingsreallocation", "Records", "Records Manager"),
        ("programmes_budgetline", "Shared Services", "4,000,000"),
        ("programmes_risk", "Behaviour", "Deputy Chief Executive and Executive Director BSS"),
        ("programmes_action", "Information Governance Board", "Work programme"),
        ("programmes_lesson", "Trade Unions", "Review"),
        ("programmes_objective", "clear vision", "Support Services Review"),
        ("milestones_milestone", "Stage 0-1", "June 2010"),
        ("milestones_datechange", "Stage 0-1", "December &#x27;09"),
        ("milestones_reportingperiod", "2008/09", "Manchester Improvement Programme"),
        ("milestones_progressupdate", "MiCARE", "2008/09"),
        ("reports_committeereport", "Manchester", "Resources and Governance"),
    ],
)
def test_admin_lists_find_seed_records(admin_client_logged_in, model_url, search, expected):
    response = admin_client_logged_in.get(reverse(f"admin:{model_url}_changelist"), {"q": search})
    assert response.status_code == 200
    assert expected in response.content.decode()


def test_every_model_is_in_the_admin():
    from django.apps import apps

    ours = [
        model
        for app in ("programmes", "milestones", "reports")
        for model in apps.get_app_config(app).get_models()
        if not model.__name__.startswith("Historical")
    ]
    inline_only = {"ServiceAreaRole", "Participation", "BodyMembership", "ContactOfficer"}
    inline_only |= {"CommitteeReportSection", "BackgroundPaper", "AgendaItem"}
    missing = [
        m.__name__ for m in ours if m not in admin.site._registry and m.__name__ not in inline_only
    ]
    assert missing == []


def stage_0_1():
    return Milestone.objects.get(
        service_area__programme__slug="agma-collaborative-services", title="Stage 0-1"
    )


def change_form_data(client, milestone):
    """The milestone's admin form as the browser would post it back."""
    response = client.get(reverse("admin:milestones_milestone_change", args=[milestone.pk]))
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is not None:
            data[name] = value.pk if hasattr(value, "pk") else value
    data.update(
        {
            "date_changes-TOTAL_FORMS": "0",
            "date_changes-INITIAL_FORMS": str(milestone.date_changes.count()),
            "date_changes-MIN_NUM_FORMS": "0",
            "date_changes-MAX_NUM_FORMS": "1000",
        }
    )
    return data


def test_moving_a_date_in_the_admin_needs_a_reason_and_changes_nothing_without_one(
    admin_client_logged_in,
):
    milestone = stage_0_1()
    data = change_form_data(admin_client_logged_in, milestone)
    data["planned_completion_text"] = "end September 2010"

    response = admin_client_logged_in.post(
        reverse("admin:milestones_milestone_change", args=[milestone.pk]), data
    )

    assert "Say why the date is changing." in response.content.decode()
    milestone.refresh_from_db()
    assert milestone.planned_completion_text == "June 2010"
    assert milestone.date_changes.count() == 2


def test_moving_a_date_in_the_admin_records_the_change_with_its_reason(admin_client_logged_in):
    milestone = stage_0_1()
    opened_version = milestone.version
    data = change_form_data(admin_client_logged_in, milestone)
    data["planned_completion_text"] = "end September 2010"
    data["change_reason"] = "Workshops moved to the summer"

    response = admin_client_logged_in.post(
        reverse("admin:milestones_milestone_change", args=[milestone.pk]), data
    )

    assert response.status_code == 302
    milestone.refresh_from_db()
    assert milestone.planned_completion.precision == "end_month"
    latest = milestone.date_changes.latest()
    assert (latest.old_text, latest.new_text) == ("June 2010", "end September 2010")
    assert latest.reason == "Workshops moved to the summer"
    assert latest.changed_by.username == "boss"
    assert milestone.version == opened_version + 1  # an officer's open form will see the change


def test_date_history_cannot_be_edited_or_deleted_in_the_admin(admin_client_logged_in):
    change = DateChange.objects.first()
    url = reverse("admin:milestones_datechange_change", args=[change.pk])
    assert admin_client_logged_in.get(url).status_code == 200  # readable
    response = admin_client_logged_in.post(url, {"reason": "rewritten"})
    assert response.status_code == 403
    delete = reverse("admin:milestones_datechange_delete", args=[change.pk])
    assert admin_client_logged_in.post(delete, {"post": "yes"}).status_code == 403
    change.refresh_from_db()
    assert change.reason != "rewritten"


# --- Versioned records: the admin saves like the officers' forms ---------------------------------


def versioned_models():
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if model._meta.app_label in ("programmes", "milestones", "reports")
        and not model.__name__.startswith("Historical")
        and any(field.name == "version" for field in model._meta.concrete_fields)
    ]


def test_every_versioned_model_is_saved_through_the_versioned_admin():
    from core.versioned_admin import VersionedAdmin

    models = versioned_models()
    assert {m.__name__ for m in models} >= {"Milestone", "ServiceArea", "Risk", "SavingsLine"}
    assert [
        m.__name__ for m in models if not isinstance(admin.site._registry[m], VersionedAdmin)
    ] == []


def a_record_of(model_name):
    from programmes.models import (
        Action,
        Participation,
        Programme,
        Risk,
        SavingsLine,
        ServiceArea,
        StageDefinition,
    )

    return {
        "Milestone": lambda: stage_0_1(),
        "ServiceArea": lambda: ServiceArea.objects.get(name="Transactional HR"),
        "Risk": lambda: Risk.objects.filter(programme__slug="wigan-support-services-review")[0],
        "SavingsLine": lambda: SavingsLine.objects.order_by("pk")[0],
        "Action": lambda: Action.objects.order_by("pk")[0],
        "Programme": lambda: Programme.objects.get(slug="wigan-support-services-review"),
        "StageDefinition": lambda: StageDefinition.objects.order_by("pk")[0],
        "Participation": lambda: Participation.objects.order_by("pk")[0],
    }[model_name]()


def admin_url(record):
    meta = record._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])


@pytest.mark.parametrize(
    ("model_name", "field", "value"),
    [
        ("Milestone", "comment", "Changed in the admin."),
        ("ServiceArea", "purpose", "Changed in the admin."),
        ("Risk", "lead_officer", "Changed in the admin"),
        ("SavingsLine", "note", "Changed in the admin."),
        ("Action", "note", "Changed in the admin."),
        ("Programme", "short_name", "Changed in the admin"),
        ("StageDefinition", "definition", "Changed in the admin."),
        ("Participation", "note", "Changed in the admin."),
    ],
)
def test_an_admin_save_bumps_the_version_and_records_who(
    admin_client_logged_in, model_name, field, value
):
    from tests.core.tabs import AdminTab

    record = a_record_of(model_name)
    version = record.version
    response = AdminTab(admin_client_logged_in, admin_url(record)).open().save(**{field: value})

    assert response.status_code == 302
    record.refresh_from_db()
    assert (getattr(record, field), record.version) == (value, version + 1)
    latest = record.history.first()
    assert (latest.version, latest.history_user.username) == (version + 1, "boss")


def test_a_stale_admin_form_does_not_revert_an_officers_save(
    admin_client_logged_in, champion_client
):
    from tests.core.tabs import AdminTab, Tab

    milestone = stage_0_1()
    admin_tab = AdminTab(admin_client_logged_in, admin_url(milestone)).open()
    officer = Tab(champion_client, reverse("milestones:edit", args=[milestone.pk])).open()
    assert officer.save(rag="amber").status_code == 302

    refused = admin_tab.save(comment="The admin's comment")
    html = refused.content.decode()
    assert refused.status_code == 200
    assert "Phil Badley saved this milestone while you were editing it" in html
    assert "Nothing has been saved" in html
    milestone.refresh_from_db()
    assert (milestone.rag, milestone.comment) != ("", "The admin's comment")
    assert milestone.rag == "amber"

    assert admin_tab.save().status_code == 302  # save again: the admin's comment only
    milestone.refresh_from_db()
    assert (milestone.rag, milestone.comment) == ("amber", "The admin's comment")


def test_an_officers_stale_form_does_not_overwrite_an_admin_save(
    admin_client_logged_in, champion_client
):
    from tests.core.tabs import AdminTab, Tab

    milestone = stage_0_1()
    officer = Tab(champion_client, reverse("milestones:edit", args=[milestone.pk])).open()
    AdminTab(admin_client_logged_in, admin_url(milestone)).open().save(rag="red")

    refused = officer.save(comment="The officer's comment")
    assert "boss saved this milestone while you were editing it" in refused.content.decode()
    assert officer.save().status_code == 302
    milestone.refresh_from_db()
    assert (milestone.rag, milestone.comment) == ("red", "The officer's comment")


def test_old_versions_are_read_in_the_admin_history_but_not_reverted(admin_client_logged_in):
    milestone = stage_0_1()
    old = milestone.history.last()
    url = reverse("admin:milestones_milestone_simple_history", args=[milestone.pk, old.history_id])
    assert admin_client_logged_in.get(url).status_code == 200
    assert admin_client_logged_in.post(url, {"title": "Reverted"}).status_code == 403
    milestone.refresh_from_db()
    assert milestone.title == "Stage 0-1"
