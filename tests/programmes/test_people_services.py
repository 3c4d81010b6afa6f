"""The services behind the People page check rights themselves, whoever calls them, and keep
what must always hold (a programme keeps a manager; a login is created for a person, never
found by name)."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from programmes import invitations, people_services
from programmes.models import Person, ProgrammeAccess
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(django_user_model):
    return django_user_model.objects.get(username="reader")


@pytest.fixture
def manager(django_user_model):
    return django_user_model.objects.get(username="manager")


def test_a_reader_is_refused_by_every_service(reader, agma, jane, django_user_model):
    with pytest.raises(PermissionDenied):
        people_services.person_add(programme=agma, person=PersonFactory.build(), by=reader)
    with pytest.raises(PermissionDenied):
        people_services.person_edit(
            programme=agma, person=jane, opened_version=1, changes={"email": "x@y.z"}, by=reader
        )
    with pytest.raises(PermissionDenied):
        invitations.invitation_send(programme=agma, person=jane, by=reader, base_url="http://x")
    jane.user = django_user_model.objects.create_user("jane")
    jane.save()
    with pytest.raises(PermissionDenied):
        people_services.access_grant(programme=agma, person=jane, role="manager", by=reader)
    ProgrammeAccess.objects.create(programme=agma, user=jane.user, role="reader")
    with pytest.raises(PermissionDenied):
        people_services.access_withdraw(programme=agma, person=jane, by=reader)
    jane.refresh_from_db()
    assert jane.email == "Jane.Smith@example.gov.uk"
    assert mail.outbox == []
    assert ProgrammeAccess.objects.get(programme=agma, user=jane.user).role == "reader"


def test_a_person_outside_the_programme_is_refused(manager, agma, wigan):
    stranger = PersonFactory()
    wigan.other_people.add(stranger)
    with pytest.raises(PermissionDenied, match="not one of this programme's people"):
        people_services.person_edit(
            programme=agma, person=stranger, opened_version=1, changes={"name": "X"}, by=manager
        )


def test_the_last_manager_stays_whoever_asks(agma, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    manager = Person.objects.create(
        name="Demo Manager", user=django_user_model.objects.get(username="manager")
    )
    with pytest.raises(ValidationError, match="the programme's only manager"):
        people_services.access_withdraw(programme=agma, person=manager, by=admin)
    assert ProgrammeAccess.objects.filter(programme=agma, role="manager").count() == 1


def test_adding_a_person_keeps_who_did_it(manager, agma):
    person = people_services.person_add(
        programme=agma, person=Person(name="New Officer", email="new@example.org"), by=manager
    )
    assert agma.other_people.filter(pk=person.pk).exists()
    assert person.history.get().history_user == manager
