"""A programme's People page: its people with their details, roles, access and whether they can
sign in; adding a person and changing their details, by the programme's managers only."""

import pytest
from django.urls import reverse

from programmes.models import (
    Invitation,
    Organisation,
    Person,
    ProgrammeAccess,
    ServiceArea,
    ServiceAreaRole,
)
from tests.core.tabs import Tab
from tests.factories import OrganisationFactory, PersonFactory, ProgrammeFactory
from tests.helpers import assert_bounded_queries, row_starting, text_of

from .people_helpers import add_url, new_person, people_url, person_url

pytestmark = pytest.mark.django_db


def person_form(**changes):
    data = {
        "name": "Jane Smith",
        "job_title": "Head of Payroll",
        "organisation": "",
        "new_organisation": "",
        "email": "jane.smith@example.gov.uk",
        "telephone": "0161 555 0101",
    }
    data.update(changes)
    return data


# --- Reading -------------------------------------------------------------------------------------


def test_the_people_page_lists_each_person_with_details_roles_and_signing_in(manager_client):
    response = manager_client.get(people_url())
    assert response.status_code == 200
    tanner = row_starting(response, "John Tanner")
    assert "Assistant Director of Customer Services" in tanner
    assert "Salford" in tanner
    assert "Service area champion, Customer Contact" in tanner
    assert "No login" in tanner
    assert "Signs in as champion" in row_starting(response, "Phil Badley")
    elaine = row_starting(response, "Elaine Bowker")
    assert "e.bowker@manchester.gov.uk 0161 219 6958" in elaine
    assert "No role; an officer of a partner organisation" in elaine


def test_the_page_says_who_has_no_e_mail_address(manager_client):
    response = manager_client.get(people_url())
    text = text_of(response)
    assert "have no e-mail address" in text
    assert "Reminders and invitations to sign in go only to people with an e-mail address" in text
    warning = response.content.decode().split('id="no-email"')[1].split("</div>")[0]
    assert "John Tanner" in warning
    assert "Elaine Bowker" not in warning  # she has one
    assert "No e-mail address" in row_starting(response, "John Tanner")


def test_access_and_login_show_in_the_row(manager_client, agma, jane, django_user_model):
    jane.user = django_user_model.objects.create_user("jane", password="pw")
    jane.save()
    ProgrammeAccess.objects.create(programme=agma, user=jane.user, role="reader")
    row = row_starting(manager_client.get(people_url()), "Jane Smith")
    assert "Access: Reader" in row
    assert "Signs in as jane" in row


def test_the_people_page_runs_a_fixed_number_of_queries(
    manager_client, managed_programme, django_user_model, django_assert_max_num_queries
):
    programme = managed_programme()
    area = ServiceArea.objects.create(programme=programme, name="Payroll")
    manager = django_user_model.objects.get(username="manager")

    def add_rows(n):
        for _ in range(n):
            person = new_person(programme)
            ServiceAreaRole.objects.create(service_area=area, person=person, role="champion")
            person.user = django_user_model.objects.create_user(f"login-{person.pk}")
            person.save()
            ProgrammeAccess.objects.create(programme=programme, user=person.user, role="reader")
            Invitation.objects.create(
                person=person,
                login=person.user,
                programme=programme,
                email="someone@example.org",
                sent_by=manager,
                sent_at="2026-01-05T10:00Z",
            )

    assert_bounded_queries(
        manager_client, people_url(programme.slug), add_rows, 20, django_assert_max_num_queries
    )


# --- Who may -------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["champion_client", "reader_client", "other_manager_client"])
def test_only_managers_and_administrators_see_people(request, who, jane):
    client = request.getfixturevalue(who)
    assert client.get(people_url()).status_code == 403
    assert client.get(person_url(jane)).status_code == 403
    assert client.get(add_url()).status_code == 403
    response = client.post(add_url(), person_form(name="Crafted Person"))
    assert response.status_code == 403
    assert not Person.objects.filter(name="Crafted Person").exists()
    response = client.post(person_url(jane), {**person_form(), "email": "evil@example.org"})
    assert response.status_code == 403
    jane.refresh_from_db()
    assert jane.email == "Jane.Smith@example.gov.uk"


def test_an_administrator_manages_people(admin_client_logged_in):
    assert admin_client_logged_in.get(people_url()).status_code == 200
    response = admin_client_logged_in.post(add_url(), person_form())
    assert response.status_code == 302
    assert Person.objects.get(name="Jane Smith").history.first().history_user.username == "boss"


def test_only_managers_see_the_people_tab(manager_client, reader_client, champion_client):
    overview = reverse("programmes:overview", kwargs={"programme": "agma-collaborative-services"})
    link = f'href="{people_url()}"'
    assert link in manager_client.get(overview).content.decode()
    assert link not in reader_client.get(overview).content.decode()
    assert link not in champion_client.get(overview).content.decode()


def test_a_person_of_another_programme_is_not_found_here(manager_client, wigan):
    stranger = new_person(wigan, name="Wigan Only")
    assert manager_client.get(person_url(stranger)).status_code == 404


def test_a_person_also_named_in_a_programme_i_do_not_manage_is_read_only(
    manager_client, agma, admin_client_logged_in
):
    shared = new_person(agma, name="Shared Officer", email="shared@example.org")
    elsewhere = ServiceArea.objects.create(programme=ProgrammeFactory(), name="Elsewhere")
    ServiceAreaRole.objects.create(service_area=elsewhere, person=shared, role="champion")
    page = manager_client.get(person_url(shared))
    assert page.status_code == 200
    assert "only someone who manages all their programmes" in text_of(page)
    details = page.content.decode().split('id="details-heading"')[1].split("</section>")[0]
    assert "<form" not in details
    response = manager_client.post(person_url(shared), {**person_form(), "version": 1})
    assert response.status_code == 403
    assert manager_client.post(person_url(shared, what="invite")).status_code == 403
    shared.refresh_from_db()
    assert (shared.name, shared.user) == ("Shared Officer", None)
    # An administrator may.
    page = admin_client_logged_in.get(person_url(shared))
    assert "Invite Shared Officer to sign in" in text_of(page)


# --- Adding --------------------------------------------------------------------------------------


def test_a_manager_adds_a_person_who_joins_the_programme(manager_client, agma):
    response = manager_client.post(add_url(), person_form(organisation=agma.partners.first().pk))
    person = Person.objects.get(name="Jane Smith")
    assert response.status_code == 302
    assert response.url == person_url(person)
    assert agma.other_people.filter(pk=person.pk).exists()
    assert Person.objects.of_programme(agma).filter(pk=person.pk).exists()
    created = person.history.get()
    assert (created.history_type, created.history_user.username) == ("+", "manager")
    page = manager_client.get(people_url())
    assert "jane.smith@example.gov.uk" in row_starting(page, "Jane Smith")


def test_a_new_organisation_is_added_or_an_existing_one_found(manager_client):
    manager_client.post(add_url(), person_form(new_organisation="Northern  Consultancy Ltd"))
    assert str(Person.objects.get(name="Jane Smith").organisation) == "Northern Consultancy Ltd"
    salford = Organisation.objects.get(name="Salford City Council")
    manager_client.post(
        add_url(), person_form(name="Tom Jones", new_organisation="salford city council")
    )
    assert Person.objects.get(name="Tom Jones").organisation == salford
    assert Organisation.objects.filter(name__iexact="salford city council").count() == 1


def test_choosing_and_typing_an_organisation_is_refused(manager_client):
    salford = Organisation.objects.get(name="Salford City Council")
    response = manager_client.post(
        add_url(), person_form(organisation=salford.pk, new_organisation="Elsewhere")
    )
    assert response.status_code == 200
    assert "Choose an organisation from the list or type a new one, not both." in text_of(response)
    assert not Person.objects.filter(name="Jane Smith").exists()


def test_a_second_person_of_the_same_name_and_organisation_is_refused(manager_client):
    salford = Organisation.objects.get(name="Salford City Council")
    response = manager_client.post(
        add_url(), person_form(name="John Tanner", organisation=salford.pk)
    )
    assert response.status_code == 200
    assert "This organisation already has a person of this name." in text_of(response)
    response = manager_client.post(
        add_url(), person_form(name="John Tanner", new_organisation="Salford City Council")
    )
    assert "This organisation already has a person of this name." in text_of(response)
    assert Person.objects.filter(name="John Tanner").count() == 1


def test_a_bad_e_mail_address_is_refused_and_the_typing_kept(manager_client):
    response = manager_client.post(add_url(), person_form(email="jane at example"))
    assert response.status_code == 200
    assert "Enter a valid email address." in text_of(response)
    assert 'value="Head of Payroll"' in response.content.decode()
    assert not Person.objects.filter(name="Jane Smith").exists()


# --- Changing ------------------------------------------------------------------------------------


def test_setting_an_e_mail_address_is_saved_with_its_history(manager_client, jane):
    response = Tab(manager_client, person_url(jane)).open().save(email="jane@wigan.gov.uk")
    assert response.status_code == 302
    jane.refresh_from_db()
    assert (jane.email, jane.version) == ("jane@wigan.gov.uk", 2)
    page = manager_client.get(person_url(jane))
    assert "E-mail: “Jane.Smith@example.gov.uk” → “jane@wigan.gov.uk”" in text_of(page)
    assert jane.history.first().history_user.username == "manager"


def test_a_seed_person_gets_an_e_mail_address(manager_client):
    tanner = Person.objects.get(name="John Tanner")
    Tab(manager_client, person_url(tanner)).open().save(email="john.tanner@salford.gov.uk")
    warning = manager_client.get(people_url()).content.decode().split('id="no-email"')[1]
    assert "John Tanner" not in warning.split("</div>")[0]


def test_two_managers_changing_one_person_lose_nothing(
    manager_client, admin_client_logged_in, jane
):
    mine = Tab(manager_client, person_url(jane)).open()
    theirs = Tab(admin_client_logged_in, person_url(jane)).open()
    assert theirs.save(telephone="01942 000000").status_code == 302
    response = mine.save(email="jane@wigan.gov.uk")
    assert response.status_code == 200
    text = text_of(response)
    assert "saved this person while you were editing it" in text
    assert "Telephone is now “01942 000000”" in text
    jane.refresh_from_db()
    assert jane.email == "Jane.Smith@example.gov.uk"  # nothing of mine saved yet
    assert mine.save().status_code == 302  # saving again applies only my change
    jane.refresh_from_db()
    assert (jane.email, jane.telephone) == ("jane@wigan.gov.uk", "01942 000000")


def test_a_new_organisation_keeps_them_in_the_programme(manager_client, agma):
    alison = Person.objects.get(name="Alison McKenzie Folan")  # in AGMA through Wigan only
    assert not agma.other_people.filter(pk=alison.pk).exists()
    response = (
        Tab(manager_client, person_url(alison))
        .open()
        .save(organisation="", new_organisation="Northern Consultancy Ltd")
    )
    assert response.status_code == 302
    alison.refresh_from_db()
    assert alison.organisation.name == "Northern Consultancy Ltd"
    assert Person.objects.of_programme(agma).filter(pk=alison.pk).exists()
    page = manager_client.get(person_url(alison))
    assert "Organisation: “Wigan Council” → “Northern Consultancy Ltd”" in text_of(page)


def test_an_unknown_organisation_id_is_refused(manager_client, jane):
    response = Tab(manager_client, person_url(jane)).open().save(organisation="999999")
    assert response.status_code == 200
    assert "Select a valid choice" in text_of(response)


def test_a_person_without_organisation_can_be_added(manager_client):
    other = OrganisationFactory()
    PersonFactory(name="Jane Smith", organisation=other)  # same name elsewhere: no clash
    assert manager_client.post(add_url(), person_form()).status_code == 302
    assert Person.objects.filter(name="Jane Smith").count() == 2
