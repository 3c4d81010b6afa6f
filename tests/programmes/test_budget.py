"""The budget: lines with their sub-lines, totals at every level."""

import pytest
from django.urls import reverse

from tests.helpers import assert_bounded_queries, row_starting, text_of
from tests.seed_programmes import ETTW, WIGAN

from .factories import BudgetLineFactory

pytestmark = pytest.mark.django_db


def budget_url(slug=ETTW):
    return reverse("registers:budget", kwargs={"programme": slug})


def test_ettw_shared_services_estimated_savings(reader_client):
    response = reader_client.get(budget_url())
    assert response.status_code == 200
    row = row_starting(response, "7 Shared Services")
    assert row.startswith("7 Shared Services Shared Services — — £200,000 — £4,000,000")
    assert "Maximum amount required to augment internal capacity" in row
    assert "£20,000 (minimum)" in row_starting(response, "6 Demand Led Transport")
    assert "(tbc)" in row_starting(response, "4 Procurement")


def test_sub_lines_are_numbered_and_added_up_per_level(reader_client):
    response = reader_client.get(budget_url())
    assert row_starting(response, "1.6.2 events").endswith("— — — £691.91 —")
    assert row_starting(response, "Total of 1.6 Running costs (its sub-lines)") == (
        "Total of 1.6 Running costs (its sub-lines) — — £9,686.91 —"
    )
    assert row_starting(response, "Total of 1 Programme Management (its sub-lines)") == (
        "Total of 1 Programme Management (its sub-lines) — £181,521 — —"
    )
    text = text_of(response)
    # The report's printed total, 408,505, leaves out Programme Management's 182,000.
    assert "Total of the top-level lines £400,000 £590,505 — £4,470,000" in text


def test_programme_without_a_budget(reader_client):
    assert "No budget is recorded for this programme." in text_of(
        reader_client.get(budget_url(WIGAN))
    )


def test_champion_of_another_programme_gets_403(champion_client):
    assert champion_client.get(budget_url()).status_code == 403


def test_budget_queries_do_not_grow(
    manager_client, managed_programme, django_assert_max_num_queries
):
    programme = managed_programme()

    def add(n):
        for _ in range(n):
            parent = BudgetLineFactory(programme=programme)
            BudgetLineFactory(programme=programme, parent=parent, spent=5)

    assert_bounded_queries(
        manager_client, budget_url(programme.slug), add, 8, django_assert_max_num_queries
    )
