"""Addresses and fixtures shared by the tests of the People page, invitations and access."""

import pytest
from django.urls import reverse

from programmes.models import Person, ProgrammeAccess
from tests.conftest import signed_in
from tests.factories import PersonFactory, ProgrammeFactory
from tests.seed_programmes import AGMA


def people_url(slug=AGMA):
    return reverse("people:list", kwargs={"programme": slug})


def add_url(slug=AGMA):
    return reverse("people:add", kwargs={"programme": slug})


def person_url(person, slug=AGMA, what="person"):
    return reverse(f"people:{what}", kwargs={"programme": slug, "pk": person.pk})


def new_person(programme, **fields) -> Person:
    """A person who is one of ``programme``'s other people."""
    person = PersonFactory(**fields)
    programme.other_people.add(person)
    return person


@pytest.fixture
def other_manager_client(db, django_user_model):
    """The manager of another programme only."""
    user = django_user_model.objects.create_user("elsewhere", password="pw")
    ProgrammeAccess.objects.create(
        programme=ProgrammeFactory(), user=user, role=ProgrammeAccess.Role.MANAGER
    )
    return signed_in(django_user_model, "elsewhere")


@pytest.fixture
def jane(agma):
    """A person added to AGMA, with an e-mail address and no login."""
    return new_person(
        agma, name="Jane Smith", job_title="Head of Payroll", email="Jane.Smith@example.gov.uk"
    )
