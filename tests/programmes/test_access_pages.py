"""Giving and withdrawing manager and reader access to a programme from a person's page: kept in
the access history (who, when, what), never leaving a programme without a manager, and only by
its managers and administrators."""

import pytest

from programmes.models import Person, ProgrammeAccess
from tests.helpers import rows_of, text_of

from .people_helpers import new_person, people_url, person_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def jane_signs_in(jane, django_user_model):
    jane.user = django_user_model.objects.create_user("jane", password="pw")
    jane.save()
    return jane


def give(client, person, role, slug="agma-collaborative-services"):
    return client.post(person_url(person, slug, what="access"), {"role": role}, follow=True)


def withdraw(client, person, slug="agma-collaborative-services"):
    return client.post(person_url(person, slug, what="withdraw"), follow=True)


def access_of(person, programme):
    return ProgrammeAccess.objects.filter(programme=programme, user=person.user).first()


def test_a_manager_gives_changes_and_withdraws_access_and_the_history_keeps_it(
    manager_client, jane_signs_in, agma
):
    jane = jane_signs_in
    answer = give(manager_client, jane, "reader")
    assert "Jane Smith now has reader access to the programme." in text_of(answer)
    assert access_of(jane, agma).role == "reader"
    give(manager_client, jane, "manager")
    assert access_of(jane, agma).role == "manager"
    answer = withdraw(manager_client, jane)
    assert "Withdrew Jane Smith's access to the programme." in text_of(answer)
    assert access_of(jane, agma) is None

    history = rows_of(manager_client.get(people_url()), "access-history")
    assert [row.split(" Demo Manager ")[1] for row in history[:3]] == [
        "Withdrew Jane Smith's manager access.",
        "Changed Jane Smith's access from reader to manager.",
        "Gave Jane Smith reader access.",
    ]
    on_her_page = rows_of(manager_client.get(person_url(jane)), "access-history")
    assert len(on_her_page) == 3  # only hers
    gone = ProgrammeAccess.history.filter(user_id=jane.user_id).first()
    assert (gone.history_type, gone.history_user.username) == ("-", "manager")


def test_the_persons_page_offers_what_fits(manager_client, jane_signs_in, agma):
    page = text_of(manager_client.get(person_url(jane_signs_in)))
    assert "No access to the programme as a whole." in page
    assert "Give this access" in page and "Withdraw Jane Smith's access" not in page
    give(manager_client, jane_signs_in, "reader")
    page = text_of(manager_client.get(person_url(jane_signs_in)))
    assert "Reader." in page
    assert "Change access" in page and "Withdraw Jane Smith's access" in page


def test_access_needs_a_login(manager_client, jane, agma):
    page = text_of(manager_client.get(person_url(jane)))
    assert "Jane Smith has no login yet. Access is given to a login" in page
    answer = give(manager_client, jane, "manager")
    assert "Jane Smith has no login yet: invite them to sign in first" in text_of(answer)
    assert not ProgrammeAccess.objects.filter(programme=agma, user__person=jane).exists()


def test_a_role_that_is_not_offered_is_refused(manager_client, jane_signs_in, agma):
    answer = give(manager_client, jane_signs_in, "owner")
    assert "Select a valid choice" in text_of(answer)
    assert access_of(jane_signs_in, agma) is None


def test_the_last_manager_cannot_be_withdrawn_or_made_a_reader(
    manager_client, managed_programme, django_user_model
):
    programme = managed_programme()
    me = django_user_model.objects.get(username="manager")
    demo = Person.objects.create(name="Demo Manager", user=me)
    programme.other_people.add(demo)
    answer = withdraw(manager_client, demo, programme.slug)
    assert "Demo Manager is the programme's only manager." in text_of(answer)
    answer = give(manager_client, demo, "reader", programme.slug)
    assert "Give someone else manager access first" in text_of(answer)
    assert access_of(demo, programme).role == "manager"

    # With a second manager, the first may step down.
    deputy = new_person(programme, name="Deputy")
    deputy.user = django_user_model.objects.create_user("deputy")
    deputy.save()
    give(manager_client, deputy, "manager", programme.slug)
    answer = withdraw(manager_client, demo, programme.slug)
    assert answer.redirect_chain[-1][0] == "/"  # no longer a manager: back to My work
    assert access_of(demo, programme) is None


def test_an_administrator_gives_access(admin_client_logged_in, jane_signs_in, agma):
    give(admin_client_logged_in, jane_signs_in, "manager")
    row = ProgrammeAccess.history.filter(user_id=jane_signs_in.user_id).first()
    assert (row.role, row.history_user.username) == ("manager", "boss")


@pytest.mark.parametrize("who", ["champion_client", "reader_client", "other_manager_client"])
def test_only_managers_give_or_withdraw_access(request, who, jane_signs_in, agma):
    client = request.getfixturevalue(who)
    response = client.post(person_url(jane_signs_in, what="access"), {"role": "manager"})
    assert response.status_code == 403
    assert access_of(jane_signs_in, agma) is None
    ProgrammeAccess.objects.create(programme=agma, user=jane_signs_in.user, role="reader")
    assert client.post(person_url(jane_signs_in, what="withdraw")).status_code == 403
    assert access_of(jane_signs_in, agma).role == "reader"


def test_access_of_someone_not_in_the_programme_is_not_found(
    manager_client, wigan, django_user_model
):
    stranger = new_person(wigan, name="Wigan Only")
    stranger.user = django_user_model.objects.create_user("stranger")
    stranger.save()
    response = manager_client.post(person_url(stranger, what="access"), {"role": "manager"})
    assert response.status_code == 404
    assert not ProgrammeAccess.objects.filter(user=stranger.user).exclude(programme=wigan).exists()
