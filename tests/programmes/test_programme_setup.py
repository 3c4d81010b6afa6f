"""Starting a programme in the browser, and changing its settings and risk matrix: what the
user sees, what is saved, and who is refused."""

import pytest
from django.test import Client
from django.urls import reverse

from programmes.models import (
    GlossaryTerm,
    Organisation,
    Programme,
    ProgrammeAccess,
    Risk,
    StageDefinition,
)
from tests.core.tabs import Tab
from tests.factories import MilestoneFactory, ProgrammeFactory, ServiceAreaFactory
from tests.helpers import text_of
from tests.seed_programmes import AGMA, WIGAN

from .factories import RiskFactory

pytestmark = pytest.mark.django_db

START = reverse("programme-setup:start")


def settings_url(slug=AGMA):
    return reverse("programme-setup:settings", kwargs={"programme": slug})


def matrix_url(slug):
    return reverse("programme-setup:risk-matrix", kwargs={"programme": slug})


def start_form(**changes):
    data = {
        "name": "Lancashire Shared Services",
        "short_name": "LSS",
        "slug": "",
        "status": "active",
        "description": "",
        "lead_organisation": "",
        "new_lead": "Lancashire County Council",
        "new_partners": "Preston City Council\nBlackburn with Darwen Council",
        "service_area_label": "Work stream",
        "stage_label": "Phase",
        "rag_scale": "three_point",
        "risk_scale": "high_medium_low",
        "quarters": "financial",
        "reporting_rhythm": "quarterly",
    }
    data.update(changes)
    return data


def manager_of_a_programme_of_their_own(django_user_model) -> Client:
    """A programme manager of a programme of their own, and of none of the seeds."""
    user = django_user_model.objects.create_user("other-manager", password="pw")
    ProgrammeAccess.objects.create(
        programme=ProgrammeFactory(name="Other Council Programme"), user=user, role="manager"
    )
    client = Client()
    client.force_login(user)
    return client


# --- starting a programme ---------------------------------------------------------------------


def test_a_manager_starts_a_programme_and_becomes_its_manager(manager_client):
    bolton = Organisation.objects.get(name="Bolton Council")
    response = manager_client.post(START, start_form(partners=[bolton.pk]), follow=True)

    programme = Programme.objects.get(name="Lancashire Shared Services")
    assert response.redirect_chain[-1][0] == reverse(
        "programme-setup:areas", kwargs={"programme": "lancashire-shared-services"}
    )
    page = text_of(response)
    assert "Started Lancashire Shared Services. You are its programme manager." in page
    assert "Add a work stream" in page
    assert (programme.slug, programme.quarters, programme.reporting_rhythm) == (
        "lancashire-shared-services",
        "financial",
        "quarterly",
    )
    assert programme.lead_organisation.name == "Lancashire County Council"
    assert sorted(org.name for org in programme.partners.all()) == [
        "Blackburn with Darwen Council",
        "Bolton Council",
        "Preston City Council",
    ]
    access = ProgrammeAccess.objects.get(programme=programme)
    assert (access.user.username, access.role) == ("manager", "manager")
    assert programme.history.get().history_user.username == "manager"


def test_an_administrator_who_manages_nothing_may_start_one(admin_client_logged_in):
    response = admin_client_logged_in.post(START, start_form(name="County Transformation"))
    programme = Programme.objects.get(name="County Transformation")
    assert response.status_code == 302
    assert programme.access.get().user.username == "boss"


@pytest.mark.parametrize("who", ["champion_client", "reader_client"])
def test_champions_and_readers_may_not_start_a_programme(who, request):
    client = request.getfixturevalue(who)
    assert client.get(START).status_code == 403
    assert client.post(START, start_form()).status_code == 403
    assert not Programme.objects.filter(name="Lancashire Shared Services").exists()
    assert "Start a programme" not in text_of(client.get(reverse("programmes:list")))


def test_the_programme_list_offers_to_start_one_to_those_who_may(manager_client):
    page = manager_client.get(reverse("programmes:list")).content.decode()
    assert f'href="{START}">Start a programme</a>' in page


def test_a_name_already_taken_is_refused_and_nothing_is_saved(manager_client):
    before = Programme.objects.count()
    response = manager_client.post(START, start_form(name="AGMA Collaborative Services"))
    page = text_of(response)
    assert response.status_code == 200
    assert "There is a problem" in page and "Programme with this Name already exists." in page
    assert Programme.objects.count() == before
    assert not Organisation.objects.filter(name="Preston City Council").exists()


def test_choosing_a_lead_and_typing_a_new_one_is_refused(manager_client):
    bolton = Organisation.objects.get(name="Bolton Council")
    page = text_of(manager_client.post(START, start_form(lead_organisation=bolton.pk)))
    assert "Choose a lead organisation from the list or add a new one, not both." in page
    assert not Programme.objects.filter(name="Lancashire Shared Services").exists()


def test_an_organisation_typed_again_is_the_one_already_known(manager_client):
    manager_client.post(START, start_form(new_lead="bolton council", new_partners="BOLTON COUNCIL"))
    programme = Programme.objects.get(name="Lancashire Shared Services")
    bolton = Organisation.objects.get(name="Bolton Council")
    assert programme.lead_organisation == bolton
    assert list(programme.partners.all()) == [bolton]


def test_the_web_address_name_is_made_from_the_name_and_never_the_sites_own(manager_client):
    manager_client.post(START, start_form(name="New"))
    assert Programme.objects.get(name="New").slug == "new-programme"
    page = text_of(manager_client.post(START, start_form(name="Newer", slug="new")))
    assert "“new” is used by the site itself: choose another." in page


def test_the_programmes_own_rag_words_are_kept_for_its_scale_only(manager_client):
    manager_client.post(
        START,
        start_form(
            rag_scale="three_point",
            rag_word_red="Urgent Action",
            rag_word_amber_red="Not on this scale",
            rag_word_green="On Target",
        ),
    )
    programme = Programme.objects.get(name="Lancashire Shared Services")
    assert programme.rag_labels == {"red": "Urgent Action", "green": "On Target"}
    assert programme.rag_label("amber") == "Amber"


# --- copying another programme's settings -----------------------------------------------------


def test_copying_fills_the_form_with_the_other_programmes_settings(manager_client):
    wigan = Programme.objects.get(slug=WIGAN)
    wigan.rag_labels = {"red": "Urgent Action"}
    wigan.save()
    response = manager_client.get(f"{START}?copy={WIGAN}")
    form = response.context["form"]
    assert form["service_area_label"].value() == "Workstream"
    assert form["rag_word_red"].value() == "Urgent Action"
    page = text_of(response)
    assert "The form below is filled in from the settings of Support Services Review" in page
    assert "its glossary (31 terms) are copied too" in page


def test_copying_a_programme_copies_its_key_to_stages_glossary_and_risk_matrix(manager_client):
    agma = Programme.objects.get(slug=AGMA)
    agma.risk_matrix = [["red", "red", "red"], ["amber", "amber", "red"], ["green", "amber", "red"]]
    agma.save()
    form = Tab(manager_client, f"{START}?copy={AGMA}").open()
    response = form.save(name="Lancashire Shared Services")

    programme = Programme.objects.get(name="Lancashire Shared Services")
    assert response.status_code == 302
    assert "with the settings of AGMA Collaborative Services" in text_of(
        manager_client.get(response["Location"])
    )
    copied = [(s.code, s.name, s.definition, s.order) for s in programme.stages.all()]
    assert copied == [(s.code, s.name, s.definition, s.order) for s in agma.stages.all()]
    assert len(copied) == 5
    assert set(programme.glossary.values_list("term", "meaning")) == set(
        agma.glossary.values_list("term", "meaning")
    )
    assert programme.risk_matrix == agma.risk_matrix
    assert programme.service_area_label == "Service Area"
    assert agma.stages.count() == 5  # the source is left as it was


def test_a_programme_the_user_cannot_see_cannot_be_copied(django_user_model):
    client = manager_of_a_programme_of_their_own(django_user_model)
    assert AGMA not in client.get(START).content.decode()
    response = client.post(START, start_form(copy_from=AGMA))
    assert response.status_code == 403
    assert not Programme.objects.filter(name="Lancashire Shared Services").exists()


# --- the settings page ------------------------------------------------------------------------


def test_a_manager_changes_the_settings_and_the_audit_history_says_so(manager_client):
    wigan = Programme.objects.get(slug=WIGAN)
    version = wigan.version
    tab = Tab(manager_client, settings_url(WIGAN)).open()
    response = tab.save(reporting_rhythm="per_meeting", rag_word_red="Urgent Action")
    assert response.status_code == 302

    wigan.refresh_from_db()
    assert (wigan.reporting_rhythm, wigan.rag_labels) == ("per_meeting", {"red": "Urgent Action"})
    assert wigan.version == version + 1
    page = text_of(manager_client.get(settings_url(WIGAN)))
    assert "Saved the settings of Support Services Review." in page
    assert "Reporting rhythm: “Monthly” → “Before each board meeting”" in page
    assert "Demo Manager" in page


def test_saving_the_settings_unchanged_saves_nothing(manager_client):
    wigan = Programme.objects.get(slug=WIGAN)
    version = wigan.version
    response = Tab(manager_client, settings_url(WIGAN)).open().save()
    assert "Nothing was changed." in text_of(manager_client.get(response["Location"]))
    wigan.refresh_from_db()
    assert wigan.version == version


def test_a_stale_settings_form_keeps_the_other_managers_change(
    manager_client, admin_client_logged_in
):
    mine = Tab(manager_client, settings_url(WIGAN)).open()
    theirs = Tab(admin_client_logged_in, settings_url(WIGAN)).open()
    assert theirs.save(short_name="SSR", rag_word_green="On Target").status_code == 302

    refused = mine.save(reporting_rhythm="quarterly")
    page = text_of(refused)
    assert "saved this programme's settings while you were editing it" in page
    assert "Short name is now “SSR”" in page
    wigan = Programme.objects.get(slug=WIGAN)
    assert wigan.reporting_rhythm == "monthly"

    assert mine.save().status_code == 302  # again: only the rhythm is this manager's
    wigan.refresh_from_db()
    assert (wigan.reporting_rhythm, wigan.short_name) == ("quarterly", "SSR")
    assert wigan.rag_labels == {"green": "On Target"}


@pytest.mark.parametrize("who", ["champion_client", "reader_client", "other_manager"])
def test_only_the_programmes_managers_see_or_change_its_settings(who, request, django_user_model):
    if who == "other_manager":
        client = manager_of_a_programme_of_their_own(django_user_model)
    else:
        client = request.getfixturevalue(who)
    agma = Programme.objects.get(slug=AGMA)
    assert client.get(settings_url()).status_code == 403
    response = client.post(settings_url(), {"version": agma.version, "name": "Hijacked"})
    assert response.status_code == 403
    standard = {"version": agma.version, "standard": "1"}
    assert client.post(matrix_url(AGMA), standard).status_code == 403
    agma.refresh_from_db()
    assert agma.name == "AGMA Collaborative Services"
    overview = client.get(reverse("programmes:overview", kwargs={"programme": AGMA}))
    assert settings_url() not in overview.content.decode()


def test_the_overview_links_managers_to_settings_and_service_areas(manager_client):
    page = manager_client.get(reverse("programmes:overview", kwargs={"programme": AGMA}))
    html = page.content.decode()
    assert f'href="{settings_url()}">Settings</a>' in html
    assert reverse("programme-setup:areas", kwargs={"programme": AGMA}) in html


def test_five_point_scale_cannot_go_to_three_while_something_is_rated_amber_red(managed_programme):
    programme = managed_programme(rag_scale="five_point")
    MilestoneFactory(service_area=ServiceAreaFactory(programme=programme), rag="amber_red")
    RiskFactory(programme=programme, rag="amber_green", likelihood=None, impact=None)
    client = Client()
    client.force_login(ProgrammeAccess.objects.get(programme=programme).user)
    response = Tab(client, settings_url(programme.slug)).open().save(rag_scale="three_point")
    page = text_of(response)
    assert (
        "1 milestone and 1 risk rated Amber/Red or Amber/Green, which the new scale does not "
        "have." in page
    )
    programme.refresh_from_db()
    assert programme.rag_scale == "five_point"


def test_the_risk_scale_stays_while_risks_are_rated_on_it(manager_client):
    risks = Risk.objects.filter(programme__slug=WIGAN)
    rated = risks.exclude(likelihood__isnull=True, impact__isnull=True).count()
    response = Tab(manager_client, settings_url(WIGAN)).open().save(risk_scale="one_to_five")
    assert f"{rated} risks have a likelihood or impact on the High / Medium / Low scale" in text_of(
        response
    )
    assert Programme.objects.get(slug=WIGAN).risk_scale == "high_medium_low"


def test_an_own_risk_matrix_for_the_old_scale_gives_way_and_the_page_says_so(managed_programme):
    programme = managed_programme(
        risk_matrix=[["red", "red", "red"], ["amber", "red", "red"], ["green", "amber", "red"]]
    )
    client = Client()
    client.force_login(ProgrammeAccess.objects.get(programme=programme).user)
    response = Tab(client, settings_url(programme.slug)).open().save(risk_scale="one_to_five")
    assert "The programme's own risk matrix was for the old scale" in text_of(
        client.get(response["Location"])
    )
    programme.refresh_from_db()
    assert (programme.risk_scale, programme.risk_matrix) == ("one_to_five", [])


def test_partners_are_added_by_name_and_taken_off(managed_programme):
    programme = managed_programme()
    bolton = Organisation.objects.get(name="Bolton Council")
    programme.partners.add(bolton)
    client = Client()
    client.force_login(ProgrammeAccess.objects.get(programme=programme).user)
    tab = Tab(client, settings_url(programme.slug)).open()
    assert tab.save(partners=[], new_partners="Chorley Council").status_code == 302
    assert [org.name for org in programme.partners.all()] == ["Chorley Council"]


# --- the risk matrix --------------------------------------------------------------------------


def test_the_programmes_own_risk_matrix_rates_its_risks_on_the_overview(managed_programme):
    programme = managed_programme()
    RiskFactory(programme=programme, title="Payroll", likelihood=1, impact=1, rag="")
    client = Client()
    client.force_login(ProgrammeAccess.objects.get(programme=programme).user)
    overview = reverse("programmes:overview", kwargs={"programme": programme.slug})
    assert "No open risk is rated red." in text_of(client.get(overview))

    response = Tab(client, matrix_url(programme.slug)).open().save(cell_1_1="red")
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.risk_matrix[-1] == ["red", "green", "amber"]  # the least likely row last
    assert "Red Payroll" in text_of(client.get(overview))

    Tab(client, matrix_url(programme.slug)).open().save(standard="1")
    programme.refresh_from_db()
    assert programme.risk_matrix == []
    assert "No open risk is rated red." in text_of(client.get(overview))


def test_key_to_stages_and_glossary_come_with_no_copy_when_starting_afresh(manager_client):
    manager_client.post(START, start_form())
    programme = Programme.objects.get(name="Lancashire Shared Services")
    assert not StageDefinition.objects.filter(programme=programme).exists()
    assert not GlossaryTerm.objects.filter(programme=programme).exists()


def test_a_refused_settings_form_keeps_the_programmes_name_in_its_heading(manager_client):
    response = Tab(manager_client, settings_url(WIGAN)).open().save(name="")
    page = text_of(response)
    assert "Name: This field is required." in page
    assert "Settings of Support Services Review" in page
