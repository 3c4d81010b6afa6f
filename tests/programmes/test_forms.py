"""A register record's form offers only the service areas its user may change, and the
programme's own words for its choices."""

import pytest

from programmes.forms.risks import RiskCreateForm
from programmes.rights import Rights


@pytest.mark.django_db
def test_champion_is_offered_only_their_own_areas(agma, own_area, django_user_model):
    rights = Rights.of(django_user_model.objects.get(username="champion"))
    form = RiskCreateForm(programme=agma, rights=rights)
    assert list(form.fields["service_area"].queryset) == [own_area]
    assert form.fields["service_area"].required


@pytest.mark.django_db
def test_manager_may_choose_the_whole_programme(agma, django_user_model):
    rights = Rights.of(django_user_model.objects.get(username="manager"))
    form = RiskCreateForm(programme=agma, rights=rights)
    assert form.fields["service_area"].queryset.count() == 10
    assert not form.fields["service_area"].required
    assert list(form.fields["likelihood"].choices) == [
        ("", "Not assessed"),
        ("1", "Low"),
        ("2", "Medium"),
        ("3", "High"),
    ]
