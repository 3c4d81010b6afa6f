from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from programmes.models import GovernanceBody, Organisation, Programme, Risk, SavingsLine
from tests.factories import ProgrammeFactory, ServiceAreaFactory

pytestmark = pytest.mark.django_db


def test_rag_words_default_to_red_amber_green_and_can_be_the_programmes_own():
    programme = ProgrammeFactory()
    assert programme.rag_label("amber") == "Amber"
    programme.rag_labels = {"amber": "Action Underway"}
    assert programme.rag_label("amber") == "Action Underway"
    assert programme.rag_label("") == ""


def test_rag_words_for_ratings_off_the_scale_are_refused():
    programme = ProgrammeFactory.build(rag_labels={"amber_green": "Nearly there"})
    with pytest.raises(ValidationError, match="not a rating on this scale"):
        programme.full_clean()
    programme.rag_scale = Programme.RagScale.FIVE_POINT
    programme.full_clean()


def test_risk_levels_must_be_on_the_programmes_scale():
    programme = ProgrammeFactory(risk_scale=Programme.RiskScale.HIGH_MEDIUM_LOW)
    risk = Risk(programme=programme, title="Capacity", likelihood=4, impact=2)
    with pytest.raises(ValidationError, match=r"1 \(Low\), 2 \(Medium\), 3 \(High\)"):
        risk.full_clean()
    programme.risk_scale = Programme.RiskScale.ONE_TO_FIVE
    risk.full_clean()
    assert risk.likelihood_label == "4"


def test_a_programmes_own_risk_matrix_must_fit_its_scales():
    rows = [["amber", "red", "red"], ["green", "amber", "red"], ["green", "green", "amber"]]
    programme = ProgrammeFactory.build(risk_matrix=rows)
    programme.full_clean()
    assert programme.risk_rating(Risk(likelihood=3, impact=1, rag="")).rating == "amber"
    programme.risk_scale = Programme.RiskScale.ONE_TO_FIVE
    with pytest.raises(ValidationError, match="Give 5 rows, the most likely first"):
        programme.full_clean()
    # Until it is put right the standard 5 by 5 matrix rates its risks.
    assert programme.risk_rating(Risk(likelihood=3, impact=1, rag="")).rating == "green"


def test_a_record_cannot_point_at_another_programmes_service_area():
    other_area = ServiceAreaFactory()
    risk = Risk(programme=ProgrammeFactory(), service_area=other_area, title="Staffing")
    with pytest.raises(ValidationError, match="belongs to a different programme"):
        risk.full_clean()


def test_shortfall_is_target_less_achieved_or_forecast():
    line = SavingsLine(target=Decimal("13182000"), forecast=Decimal("10885000"))
    assert line.shortfall == Decimal("2297000")
    line.achieved = Decimal("14000000")
    assert line.shortfall == Decimal("0")
    assert SavingsLine(target=Decimal("1")).shortfall is None


def test_negative_savings_are_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        SavingsLine.objects.create(programme=ProgrammeFactory(), target=Decimal("-5"))


def test_organisation_names_are_unique_whatever_the_case():
    Organisation.objects.create(name="Test Borough Council")
    with pytest.raises(ValidationError, match="already an organisation with this name"):
        Organisation(name="test borough council").full_clean()


def test_body_acronyms_are_unique_in_a_programme_but_may_be_blank():
    programme = ProgrammeFactory()
    GovernanceBody.objects.create(programme=programme, name="Joint Board", acronym="JB")
    GovernanceBody.objects.create(programme=programme, name="Officers", acronym="")
    GovernanceBody(programme=programme, name="Leaders", acronym="").full_clean()
    with pytest.raises(ValidationError, match="already has a body with this acronym"):
        GovernanceBody(programme=programme, name="Junior Board", acronym="JB").full_clean()


def test_a_programmes_own_page_is_its_overview_not_the_admin(manager_client):
    programme = Programme.objects.get(slug="agma-collaborative-services")
    assert programme.get_absolute_url() == "/programmes/agma-collaborative-services/"
    page = manager_client.get(programme.get_absolute_url())
    assert page.status_code == 200 and "AGMA Collaborative Services" in page.content.decode()
