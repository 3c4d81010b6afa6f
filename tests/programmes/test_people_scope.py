"""People lists are scoped to the programme: every picker of people offers only the programme's
people (``Person.objects.of_programme``), and every record naming a person refuses anyone else
when it is saved, whichever way it is saved. Before, a manager of one programme could print
another programme's officers' e-mail addresses in their committee report by posting their id.

The seeds: the Manchester Improvement Programme (MIP) is Manchester City Council's alone; John
Tanner is a Salford officer, a champion in AGMA's programme, and none of MIP's people."""

import re
from datetime import date
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from imports import guessing, importing, names
from imports.reading import read_book
from milestones.models import Milestone, ProgressUpdate, ReportingPeriod
from milestones.services import milestone_edit
from programmes.models import (
    BodyMembership,
    GovernanceBody,
    Person,
    Programme,
    ProgrammeAccess,
    ServiceArea,
    ServiceAreaRole,
)
from reports.models import CommitteeReport, ContactOfficer
from tests.factories import (
    OrganisationFactory,
    PersonFactory,
    ProgrammeFactory,
    ServiceAreaFactory,
)
from tests.imports.conftest import workbook
from tests.reports.conftest import read_pdf

pytestmark = pytest.mark.django_db

MIP = "manchester-improvement-programme"
AGMA = "agma-collaborative-services"
TANNERS_EMAIL = "john.tanner@salford.gov.uk"
REFUSED = "only this programme's people can be chosen"
NOT_THE_PROGRAMMES = "must be one of this programme's people"


@pytest.fixture
def tanner():
    """Another programme's officer, with an e-mail address that must never reach MIP's pages."""
    person = Person.objects.get(name="John Tanner")
    person.email = TANNERS_EMAIL
    person.telephone = "0161 793 0000"
    person.save()
    return person


@pytest.fixture
def mip():
    return Programme.objects.get(slug=MIP)


def mip_milestone() -> Milestone:
    return Milestone.objects.filter(service_area__programme__slug=MIP).order_by("pk").first()


def options(response, name: str) -> list[str]:
    """The texts of a select's options, as the browser shows them."""
    html = response.content.decode()
    found = re.search(rf'<select name="{re.escape(name)}"[^>]*>(.*?)</select>', html, re.S)
    assert found, f"no select {name}"
    return [
        unescape(re.sub(r"<[^>]+>", "", text)).strip()
        for text in re.findall(r"<option[^>]*>(.*?)</option>", found.group(1), re.S)
    ]


def as_posted(*forms) -> dict:
    """What a browser posts back from these forms (and formsets' management forms) unchanged."""
    data = {}
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            if value is True:
                value = "on"
            data[form.add_prefix(name)] = value
    return data


def admin_post_data(response) -> dict:
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms.append(inline.formset.management_form)
        forms.extend(inline.formset.forms)
    return as_posted(*forms)


# --- who the programme's people are ------------------------------------------------------------


def test_the_programmes_people_are_those_it_names_and_no_one_else(django_user_model):
    lead, partner = OrganisationFactory(), OrganisationFactory()
    programme = ProgrammeFactory(lead_organisation=lead)
    programme.partners.add(partner)
    area = ServiceAreaFactory(programme=programme)
    body = GovernanceBody.objects.create(programme=programme, name="Board")
    champion = PersonFactory(name="Champion", organisation=lead)  # a role and the lead council
    ServiceAreaRole.objects.create(service_area=area, person=champion, role="champion")
    member = PersonFactory(name="Member")
    BodyMembership.objects.create(body=body, person=member)
    lead_officer = PersonFactory(name="Lead council officer", organisation=lead)
    partner_officer = PersonFactory(name="Partner officer", organisation=partner)
    login = django_user_model.objects.create_user("officer")
    ProgrammeAccess.objects.create(programme=programme, user=login, role="reader")
    signed_in = PersonFactory(name="Has access", user=login)
    other = PersonFactory(name="Named otherwise")
    programme.other_people.add(other)
    # Someone of another programme only: a role there, another council.
    stranger = PersonFactory(name="Stranger")
    elsewhere = ServiceAreaFactory()
    ServiceAreaRole.objects.create(service_area=elsewhere, person=stranger, role="champion")

    people = list(Person.objects.of_programme(programme).values_list("name", flat=True))

    assert sorted(people) == sorted(
        p.name for p in (champion, member, lead_officer, partner_officer, signed_in, other)
    )  # each once, though the champion is named twice
    both = Person.objects.of_programmes([programme, elsewhere.programme])
    assert sorted(both.values_list("name", flat=True)) == sorted([*people, "Stranger"])


def test_the_seed_programmes_people(mip, tanner):
    people = set(Person.objects.of_programme(mip).values_list("name", flat=True))
    assert {"Elaine Bowker", "Theresa Grant", "Steve Park"} <= people
    assert "John Tanner" not in people
    # AGMA's partners include Manchester City Council: its officers are AGMA's people too.
    agma = Programme.objects.get(slug=AGMA)
    assert {"John Tanner", "Elaine Bowker"} <= set(
        Person.objects.of_programme(agma).values_list("name", flat=True)
    )


# --- the records refuse anyone else, whichever way they are saved -------------------------------


def test_full_clean_refuses_another_programmes_person_on_every_record(tanner):
    milestone = mip_milestone()
    milestone.owner = tanner
    update = ProgressUpdate.objects.filter(service_area__programme__slug=MIP).first()
    update.author = tanner
    sheet = CommitteeReport.objects.get(programme__slug=MIP)
    sheet.proper_officer = tanner
    sheet.author = tanner
    link = ContactOfficer(report=sheet, person=tanner, order=9)
    for record, fields in (
        (milestone, {"owner"}),
        (update, {"author"}),
        (sheet, {"proper_officer", "author"}),
        (link, {"person"}),
    ):
        with pytest.raises(ValidationError) as refused:
            record.full_clean()
        assert fields <= set(refused.value.message_dict), record
        for name in fields:
            assert NOT_THE_PROGRAMMES in " ".join(refused.value.message_dict[name])


def test_full_clean_accepts_the_programmes_own_people(mip):
    milestone = mip_milestone()
    milestone.owner = Person.objects.get(name="Theresa Grant")
    milestone.full_clean()


def test_the_write_path_refuses_another_programmes_owner_and_saves_nothing(tanner):
    milestone = mip_milestone()
    owner, version = milestone.owner_id, milestone.version
    with pytest.raises(ValidationError, match=NOT_THE_PROGRAMMES):
        milestone_edit(milestone=milestone, opened_version=version, changes={"owner": tanner})
    milestone.refresh_from_db()
    assert (milestone.owner_id, milestone.version) == (owner, version)


# --- the milestone form ------------------------------------------------------------------------


def test_the_milestone_form_offers_only_the_programmes_people(manager_client, tanner):
    page = manager_client.get(reverse("milestones:edit", args=[mip_milestone().pk]))
    offered = options(page, "owner")
    assert {"Elaine Bowker", "Theresa Grant", "Steve Park"} <= set(offered)
    assert "John Tanner" not in offered


def test_a_crafted_milestone_post_naming_another_programmes_person_is_refused(
    manager_client, tanner
):
    milestone = mip_milestone()
    url = reverse("milestones:edit", args=[milestone.pk])
    data = as_posted(manager_client.get(url).context["form"])
    data["owner"] = tanner.pk
    data["comment"] = "Changed."

    response = manager_client.post(url, data)

    assert response.status_code == 200
    assert REFUSED in unescape(response.content.decode())
    milestone.refresh_from_db()
    assert milestone.owner_id != tanner.pk and milestone.comment != "Changed."


def test_an_owner_already_out_of_the_programme_is_shown_but_not_accepted(manager_client, tanner):
    """A record that names someone from elsewhere (from before this check) shows them rather than
    silently dropping them, and saving asks for one of the programme's people."""
    milestone = mip_milestone()
    Milestone.objects.filter(pk=milestone.pk).update(owner=tanner)
    url = reverse("milestones:edit", args=[milestone.pk])
    page = manager_client.get(url)
    assert "John Tanner" in options(page, "owner")
    data = as_posted(page.context["form"])
    data["comment"] = "Changed."

    response = manager_client.post(url, data)

    assert NOT_THE_PROGRAMMES in unescape(response.content.decode())
    milestone.refresh_from_db()
    assert milestone.comment != "Changed."


# --- the committee report's cover sheet ----------------------------------------------------------


def cover_sheet_url(sheet) -> str:
    return reverse("reports:cover-sheet-edit", args=[MIP, sheet.pk])


def committee_preview(client) -> str:
    return client.get(
        reverse("reports:preview", args=[MIP, "committee"]), {"as_at": "05/02/2009"}
    ).content.decode()


def committee_pdf_text(client) -> str:
    response = client.get(reverse("reports:pdf", args=[MIP, "committee"]), {"as_at": "05/02/2009"})
    return read_pdf(response.content).text


def test_the_cover_sheet_offers_only_the_programmes_people(manager_client, tanner):
    page = manager_client.get(cover_sheet_url(CommitteeReport.objects.get(programme__slug=MIP)))
    for name in ("contact_officers", "proper_officer"):
        offered = options(page, name)
        assert any(text.startswith("Elaine Bowker") for text in offered), name
        assert not any("John Tanner" in text for text in offered), name


@pytest.mark.parametrize("field", ["contact_officers", "proper_officer"])
def test_a_crafted_cover_sheet_naming_another_programmes_officer_is_refused(
    manager_client, tanner, field
):
    sheet = CommitteeReport.objects.get(programme__slug=MIP)
    before = list(sheet.contact_officer_links.values_list("person__name", flat=True))
    page = manager_client.get(cover_sheet_url(sheet))
    context = page.context
    data = as_posted(
        context["form"],
        context["sections"].management_form,
        *context["sections"].forms,
        context["papers"].management_form,
        *context["papers"].forms,
    )
    data[field] = [*data.get(field, []), tanner.pk] if field == "contact_officers" else tanner.pk

    response = manager_client.post(cover_sheet_url(sheet), data)

    assert response.status_code == 400
    assert REFUSED in unescape(response.content.decode())
    sheet.refresh_from_db()
    assert list(sheet.contact_officer_links.values_list("person__name", flat=True)) == before
    assert sheet.proper_officer_id != tanner.pk
    preview = committee_preview(manager_client)
    assert "Elaine Bowker" in preview
    assert TANNERS_EMAIL not in preview and "John Tanner" not in preview
    if field == "contact_officers":  # the PDF says what the preview says (rendering is slow)
        printed = committee_pdf_text(manager_client)
        assert "e.bowker@manchester.gov.uk" in printed
        assert TANNERS_EMAIL not in printed and "John Tanner" not in printed


def test_a_new_cover_sheet_naming_another_programmes_officer_is_not_created(manager_client, tanner):
    data = {
        "committee": "Scrutiny Committee",
        "date": "15/04/2009",
        "subject": "Crafted",
        "contact_officers": [tanner.pk],
        "sections-TOTAL_FORMS": "0",
        "sections-INITIAL_FORMS": "0",
        "papers-TOTAL_FORMS": "0",
        "papers-INITIAL_FORMS": "0",
    }
    response = manager_client.post(reverse("reports:cover-sheet-new", args=[MIP]), data)
    assert response.status_code == 400
    assert REFUSED in unescape(response.content.decode())
    assert not CommitteeReport.objects.filter(subject="Crafted").exists()


def test_saving_a_cover_sheet_checks_its_officers_again(manager_client, tanner):
    """An officer from elsewhere already on the sheet (from before this check) is shown, and the
    save refuses them, saving nothing, rather than printing their details."""
    sheet = CommitteeReport.objects.get(programme__slug=MIP)
    ContactOfficer.objects.create(report=sheet, person=tanner, order=9)
    page = manager_client.get(cover_sheet_url(sheet))
    assert any("John Tanner" in text for text in options(page, "contact_officers"))
    context = page.context
    data = as_posted(
        context["form"],
        context["sections"].management_form,
        *context["sections"].forms,
        context["papers"].management_form,
        *context["papers"].forms,
    )
    data["subject"] = "Changed subject"

    response = manager_client.post(cover_sheet_url(sheet), data)

    assert response.status_code == 400
    assert NOT_THE_PROGRAMMES in unescape(response.content.decode())
    sheet.refresh_from_db()
    assert sheet.subject != "Changed subject"


# --- the filter of the milestone list ------------------------------------------------------------


def test_the_owner_filter_lists_only_the_programmes_people(reader_client, tanner):
    milestone = mip_milestone()
    # An owner from elsewhere, set before this check existed.
    Milestone.objects.filter(pk=milestone.pk).update(owner=tanner)
    page = reader_client.get(reverse("milestones:list", args=[MIP]))
    offered = options(page, "owner")
    assert "John Tanner" not in offered
    assert set(offered) - {"Anyone"} <= set(
        Person.objects.of_programme(Programme.objects.get(slug=MIP)).values_list("name", flat=True)
    )


# --- progress updates ----------------------------------------------------------------------------


def test_an_update_by_someone_not_of_the_programme_has_no_author(
    admin_client_logged_in, django_user_model, tanner
):
    """An administrator whose person is another programme's writes an update: it is saved, and
    does not name them as its author."""
    tanner.user = django_user_model.objects.get(username="boss")
    tanner.save()
    area = ServiceArea.objects.filter(programme__slug=MIP).first()
    period = ReportingPeriod.objects.create(
        programme=area.programme, label="2009/10", start=date(2009, 4, 1), end=date(2010, 3, 31)
    )
    url = reverse("programmes:area-update-period", args=[MIP, area.pk, period.pk])
    response = admin_client_logged_in.post(url, {"text": "Moved on."})
    assert response.status_code == 302
    update = ProgressUpdate.objects.get(service_area=area, period=period, milestone=None)
    assert update.text == "Moved on." and update.author is None


# --- the spreadsheet import ----------------------------------------------------------------------

OWNED_BY_TANNER = workbook(
    {
        "Tracker": [
            ["Service Area", "Milestone", "Owner"],
            ["MiCARE Implementation", "Crafted milestone", "John Tanner"],
        ]
    }
)


def import_preview_url(client, slug: str, data: bytes) -> str:
    """Upload a workbook and accept the guessed columns: the address of its preview."""
    upload = client.post(
        reverse("spreadsheets:import", kwargs={"programme": slug}),
        {"file": SimpleUploadedFile("tracker.xlsx", data)},
    )
    token = re.search(r"/import/([0-9a-f]+)/", upload["Location"]).group(1)
    mapping = reverse("spreadsheets:import-mapping", kwargs={"programme": slug, "token": token})
    chosen = {}
    html = client.get(mapping).content.decode()
    for name, choices in re.findall(r'<select name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        selected = re.search(r'<option value="([^"]*)" selected', choices)
        chosen[name] = selected.group(1) if selected else ""
    assert client.post(mapping, chosen).status_code == 302
    return reverse("spreadsheets:import-preview", kwargs={"programme": slug, "token": token})


def import_rows(programme, data: bytes, resolutions: dict):
    book = read_book(data, "tracker.xlsx")
    mappings = guessing.guess_book(book, programme)
    return importing.commit(
        programme=programme, book=book, mappings=mappings, resolutions=resolutions
    )


@pytest.mark.urls("tests.imports.urls")
def test_an_import_matches_names_only_to_the_programmes_people(manager_client, tanner):
    page = manager_client.get(import_preview_url(manager_client, MIP, OWNED_BY_TANNER))
    # Another programme's John Tanner is not taken for the file's "John Tanner"...
    assert 'Person "John Tanner"' in unescape(page.content.decode())
    offered = options(page, "name_0")
    # ...nor offered to match it to; this programme's people are.
    assert any(option.startswith("Elaine Bowker") for option in offered)
    assert not any(option.startswith("John Tanner,") for option in offered)


@pytest.mark.urls("tests.imports.urls")
def test_a_crafted_import_match_to_another_programmes_person_is_refused(manager_client, tanner):
    preview = import_preview_url(manager_client, MIP, OWNED_BY_TANNER)
    response = manager_client.post(preview, {"name_0": f"match:{tanner.pk}", "names": "1"})
    assert response.status_code == 200
    assert "Choose one of the options in the list." in unescape(response.content.decode())
    manager_client.post(preview, {"commit": "1"})
    assert not Milestone.objects.filter(title="Crafted milestone").exists()


def test_an_import_refuses_a_match_to_another_programmes_person_however_it_is_given(mip, tanner):
    """The command line's --map, or a resolution kept from before: still only the programme's."""
    with pytest.raises(importing.ImportRefused, match="1 name to match"):
        import_rows(mip, OWNED_BY_TANNER, {"person:john tanner": f"{names.MATCH}{tanner.pk}"})
    assert not Milestone.objects.filter(title="Crafted milestone").exists()


def test_a_person_an_import_creates_is_one_of_the_programmes_people(mip, tanner):
    import_rows(mip, OWNED_BY_TANNER, {"person:john tanner": names.NEW})
    milestone = Milestone.objects.get(title="Crafted milestone")
    assert milestone.owner != tanner and milestone.owner.name == "John Tanner"
    assert milestone.owner.organisation is None  # nothing invented about them
    assert milestone.owner in mip.other_people.all()


# --- the admin -----------------------------------------------------------------------------------


def test_the_admin_milestone_page_offers_only_the_programmes_people(admin_client_logged_in, tanner):
    milestone = mip_milestone()
    url = reverse("admin:milestones_milestone_change", args=[milestone.pk])
    page = admin_client_logged_in.get(url)
    offered = options(page, "owner")
    assert {"Elaine Bowker", "Theresa Grant", "Steve Park"} <= set(offered)
    assert "John Tanner" not in offered

    data = admin_post_data(page)
    data["owner"] = tanner.pk
    response = admin_client_logged_in.post(url, data)
    assert response.status_code == 200
    assert REFUSED in unescape(response.content.decode())
    milestone.refresh_from_db()
    assert milestone.owner_id != tanner.pk


def test_the_admin_shows_progress_updates_read_only_so_sign_off_is_the_only_way_in(
    admin_client_logged_in, tanner
):
    update = ProgressUpdate.objects.filter(service_area__programme__slug=MIP).first()
    url = reverse("admin:milestones_progressupdate_change", args=[update.pk])
    page = admin_client_logged_in.get(url)
    assert page.status_code == 200 and update.text[:20] in unescape(page.content.decode())
    assert 'name="_save"' not in page.content.decode()
    response = admin_client_logged_in.post(url, {"text": "Rewritten", "author": tanner.pk})
    assert response.status_code == 403
    update.refresh_from_db()
    assert update.text != "Rewritten" and update.author_id != tanner.pk


def test_the_admin_cover_sheet_offers_only_the_programmes_people(admin_client_logged_in, tanner):
    sheet = CommitteeReport.objects.get(programme__slug=MIP)
    url = reverse("admin:reports_committeereport_change", args=[sheet.pk])
    page = admin_client_logged_in.get(url)
    for name in ("proper_officer", "author", "contact_officer_links-0-person"):
        offered = options(page, name)
        assert "Elaine Bowker" in offered and "John Tanner" not in offered, name

    data = admin_post_data(page)
    data["contact_officer_links-0-person"] = tanner.pk
    response = admin_client_logged_in.post(url, data)
    assert REFUSED in unescape(response.content.decode())
    assert not sheet.contact_officer_links.filter(person=tanner).exists()


def test_adding_in_the_admin_offers_nobody_until_the_programme_is_known(admin_client_logged_in):
    page = admin_client_logged_in.get(reverse("admin:milestones_milestone_add"))
    assert options(page, "owner") == ["---------"]
    assert "Save first: then choose from the programme's people." in unescape(page.content.decode())
