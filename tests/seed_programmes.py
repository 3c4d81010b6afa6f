"""The seed programmes by slug, and fixtures for them and for the AGMA service areas the demo
champion is and is not named on. The conftests of the apps whose pages read them import these."""

import pytest

from programmes.models import Programme, ProgrammeAccess, ServiceArea

AGMA = "agma-collaborative-services"
ETTW = "enhanced-two-tier-working"
MIP = "manchester-improvement-programme"
HERTS = "herts-programme-milestones-2008"
WIGAN = "wigan-support-services-review"


@pytest.fixture
def agma(db):
    return Programme.objects.get(slug=AGMA)


@pytest.fixture
def wigan(db):
    return Programme.objects.get(slug=WIGAN)


@pytest.fixture
def own_area(agma):
    """The champion's own service area."""
    return ServiceArea.objects.get(programme=agma, name="Transactional HR")


@pytest.fixture
def other_area(agma):
    """An AGMA service area the champion is not named on."""
    return ServiceArea.objects.get(programme=agma, name="Customer Contact")


@pytest.fixture
def managed_programme(django_user_model):
    """A new, empty programme that the demo manager manages (for query counts)."""

    def make(**kwargs):
        from tests.factories import ProgrammeFactory

        programme = ProgrammeFactory(**kwargs)
        ProgrammeAccess.objects.create(
            programme=programme,
            user=django_user_model.objects.get(username="manager"),
            role=ProgrammeAccess.Role.MANAGER,
        )
        return programme

    return make
