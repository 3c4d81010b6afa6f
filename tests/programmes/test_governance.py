"""Governance and glossary: what each role reads, and bounded queries."""

from datetime import date

import pytest
from django.urls import reverse

from core import fuzzydates
from programmes.models import BodyMembership, GlossaryTerm
from tests.factories import PersonFactory
from tests.helpers import assert_bounded_queries, row_starting, rows_of, text_of
from tests.programmes.factories import GlossaryTermFactory, GovernanceBodyFactory
from tests.seed_programmes import ETTW, WIGAN

pytestmark = pytest.mark.django_db

LONG_AGO = date(2009, 1, 31)


def url(name, slug=WIGAN, query=""):
    return reverse(f"registers:{name}", kwargs={"programme": slug}) + query


# --- Governance and glossary ---------------------------------------------------------------------


def test_governance_bodies_with_members_and_terms(reader_client):
    response = reader_client.get(url("governance"))
    row = row_starting(response, "Programme Management Team")
    assert row == "Programme Management Team PMT Team Senior Management Team — 8"
    text = text_of(response)
    assert "Sue Johnson, Wigan" in text
    assert "Programme Management Team (PMT)" in text


def test_governance_queries_do_not_grow(
    manager_client, managed_programme, django_assert_max_num_queries
):
    programme = managed_programme()

    def add(n):
        for _ in range(n):
            body = GovernanceBodyFactory(
                programme=programme,
                terms_agreed=fuzzydates.parse("July 2007"),
                terms_agreed_by="Leaders Group",
            )
            BodyMembership.objects.create(body=body, person=PersonFactory(), role="Chair")
            BodyMembership.objects.create(body=body, person=PersonFactory(), left_on=LONG_AGO)
            closed = GovernanceBodyFactory(
                programme=programme, closed_on=LONG_AGO, closed_reason="Wound up"
            )
            BodyMembership.objects.create(body=closed, person=PersonFactory())

    assert_bounded_queries(
        manager_client, url("governance", programme.slug), add, 9, django_assert_max_num_queries
    )
    text = text_of(manager_client.get(url("governance", programme.slug)))
    assert "Agreed Jul 2007 by Leaders Group." in text
    assert "Steer the programme" in text
    assert "Head of Service" in text and "– Chair" in text
    assert "until 31 January 2009" in text and "Wound up" in text  # former members, closed bodies


def test_glossary_is_alphabetical(reader_client):
    rows = rows_of(reader_client.get(url("glossary")))
    terms = [row.split(" ")[0] for row in rows]
    assert terms[:3] == ["AGMA", "BMG", "BPR"]
    assert terms == sorted(terms, key=str.lower)
    assert len(rows) == 31


def test_glossary_of_ettw(reader_client):
    rows = rows_of(reader_client.get(url("glossary", ETTW)))
    assert len(rows) == GlossaryTerm.objects.filter(programme__slug=ETTW).count()
    assert any(row.startswith("JIB Joint Improvement Board") for row in rows), rows


def test_glossary_queries_do_not_grow(
    manager_client, managed_programme, django_assert_max_num_queries
):
    programme = managed_programme()

    def add(n):
        for _ in range(n):
            GlossaryTermFactory(programme=programme)

    assert_bounded_queries(
        manager_client, url("glossary", programme.slug), add, 8, django_assert_max_num_queries
    )
