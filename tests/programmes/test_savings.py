"""Savings by financial year, the chart, lines without a year, re-allocations; adding and
changing savings lines."""

from decimal import Decimal

import pytest
from django.urls import reverse

from programmes.models import SavingsLine
from tests.helpers import assert_bounded_queries, row_starting, rows_of, text_of
from tests.seed_programmes import AGMA, MIP, WIGAN

from .factories import SavingsLineFactory

pytestmark = pytest.mark.django_db


def savings_url(slug=MIP):
    return reverse("registers:savings", kwargs={"programme": slug})


def create_url(slug=MIP):
    return reverse("registers:savings-create", kwargs={"programme": slug})


def edit_url(line):
    return reverse(
        "registers:savings-edit", kwargs={"programme": line.programme.slug, "pk": line.pk}
    )


def line_form(area=None, **changes):
    data = {
        "service_area": area.pk if area else "",
        "financial_year": "2011/12",
        "kind": "cashable",
        "recurrence": "recurring",
        "target": "£1,250,000",
        "forecast": "1.25m",
        "achieved": "",
        "note": "Shared payroll",
    }
    data.update(changes)
    return data


def test_mip_by_financial_year(manager_client):
    response = manager_client.get(savings_url())
    assert response.status_code == 200
    cashable = rows_of(response, "savings-1")
    assert cashable[1] == ("2008/09 £13,182,000 £10,885,000 — £2,297,000 £13,182,000 £1,100,000")
    assert row_starting(response, "2009/10").startswith("2009/10 £22,300,000")
    assert "£35,482,000" in row_starting(response, "2009/10")  # cumulative target
    text = text_of(response)
    assert "Cashable savings by financial year" in text
    assert "Total £49,882,000 £10,885,000 £1,100,000 £2,297,000" in text


def test_lines_without_a_year_are_shown_with_their_notes(manager_client):
    text = text_of(manager_client.get(savings_url()))
    assert "Savings without a financial year" in text
    assert "Non- cashable, recurring" in text or "Non-cashable, recurring" in text
    assert "Additional non cash limit budget savings of £5.168m" in text
    assert "£5,168,000" in text


def test_chart_is_drawn_and_its_figures_are_in_the_table(manager_client):
    html = manager_client.get(savings_url()).content.decode()
    assert "<svg" in html and "savings by financial year</title>" in html
    assert ">£13.182m</text>" in html
    assert "2008/09: target £13.182m, forecast £10.885m, achieved none" in html
    assert "£13,182,000" in html  # the same figure, in the table


def test_wigan_reallocations_and_total(reader_client):
    response = reader_client.get(savings_url(WIGAN))
    text = text_of(response)
    assert "Head of customer services Permanent — £55,000" in text
    assert "Total £341,000" in text
    assert "Add a savings line" not in text
    assert ">Change<" not in response.content.decode()


def test_champion_of_another_programme_gets_403(champion_client):
    assert champion_client.get(savings_url()).status_code == 403
    assert champion_client.get(savings_url(AGMA)).status_code == 200


def test_manager_adds_a_line_typed_as_people_write_money(manager_client, agma):
    response = manager_client.post(create_url(AGMA), line_form())
    assert response.status_code == 302
    line = SavingsLine.objects.get(programme=agma, note="Shared payroll")
    assert (line.financial_year, line.target, line.forecast) == (
        2011,
        Decimal("1250000"),
        Decimal("1250000"),
    )
    page = manager_client.get(response.url)
    assert "Added the 2011/12 cashable, recurring savings line." in text_of(page)
    assert row_starting(page, "2011/12").startswith("2011/12 £1,250,000 £1,250,000 —")


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("target", "about a million", "Enter an amount in pounds, such as 1250000"),
        ("target", "-5000", "The amount cannot be negative."),
        ("forecast", "1,25", "Enter an amount in pounds"),
        ("financial_year", "next year", "is not a financial year we can read"),
    ],
)
def test_money_and_years_are_refused_in_plain_english(manager_client, field, typed, message):
    before = SavingsLine.objects.count()
    response = manager_client.post(create_url(), line_form(**{field: typed}))
    assert response.status_code == 200
    assert message in text_of(response)
    assert "There is a problem" in text_of(response)
    assert SavingsLine.objects.count() == before


def test_a_line_needs_a_figure(manager_client):
    response = manager_client.post(create_url(), line_form(target="", forecast=""))
    assert "Give at least one figure" in text_of(response)


def test_champion_adds_for_own_area_only(champion_client, own_area, other_area):
    before = SavingsLine.objects.count()
    assert champion_client.post(create_url(AGMA), line_form(other_area)).status_code == 403
    assert champion_client.post(create_url(AGMA), line_form(None)).status_code == 403
    assert SavingsLine.objects.count() == before
    assert champion_client.post(create_url(AGMA), line_form(own_area)).status_code == 302
    assert SavingsLine.objects.get(note="Shared payroll").service_area == own_area


def test_champion_cannot_change_another_areas_line(champion_client, agma):
    line = SavingsLine.objects.filter(programme=agma).first()  # Customer Contact's
    assert champion_client.get(edit_url(line)).status_code == 403
    assert champion_client.post(edit_url(line), line_form(achieved="1")).status_code == 403
    line.refresh_from_db()
    assert line.achieved is None


def test_manager_records_what_was_achieved(manager_client, mip_2008):
    form = manager_client.get(edit_url(mip_2008)).content.decode()
    assert 'value="£13,182,000"' in form and 'value="2008/09"' in form
    response = manager_client.post(
        edit_url(mip_2008),
        line_form(
            financial_year="2008/09",
            target="£13,182,000",
            forecast="£10,885,000",
            achieved="£11m",
            note=mip_2008.note,
            version=mip_2008.version,
        ),
    )
    assert response.status_code == 302
    page = manager_client.get(response.url)
    assert rows_of(page, "savings-1")[1].startswith(
        "2008/09 £13,182,000 £10,885,000 £11,000,000 £2,182,000"
    )


@pytest.fixture
def mip_2008(db):
    return SavingsLine.objects.get(programme__slug=MIP, financial_year=2008)


def test_reader_cannot_add_or_change(reader_client, mip_2008):
    before = SavingsLine.objects.count()
    assert reader_client.get(create_url()).status_code == 403
    assert reader_client.post(create_url(), line_form()).status_code == 403
    assert reader_client.post(edit_url(mip_2008), line_form(achieved="1")).status_code == 403
    assert SavingsLine.objects.count() == before
    mip_2008.refresh_from_db()
    assert mip_2008.achieved is None


def test_savings_queries_do_not_grow(
    manager_client, managed_programme, django_assert_max_num_queries
):
    from programmes.models import SavingsReallocation
    from tests.factories import ServiceAreaFactory

    programme = managed_programme()

    def add(n):
        for _ in range(n):
            area = ServiceAreaFactory(programme=programme)
            SavingsLineFactory(programme=programme, service_area=area)
            SavingsLineFactory(programme=programme, financial_year=None, kind="non_cashable")
            SavingsReallocation.objects.create(
                programme=programme, allocated_to="A post", permanence="permanent", amount=1
            )

    assert_bounded_queries(
        manager_client, savings_url(programme.slug), add, 9, django_assert_max_num_queries
    )
