"""A programme manager edits a risk and sees the heat map change."""

import re

import pytest
from playwright.sync_api import expect

from programmes.models import Risk

from .conftest import save_screenshot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def heat_cell(page, likelihood: str, impact_column: int):
    row = page.locator("#heatmap tbody tr").filter(
        has=page.get_by_role("rowheader", name=f"Likelihood: {likelihood}")
    )
    return row.locator("td").nth(impact_column)


def test_manager_edits_a_risk_and_the_heat_map_moves_it(site, page):
    sign_in(page, site, "manager")
    page.goto(f"{site.url}/programmes/wigan-support-services-review/risks/")
    high_high = heat_cell(page, "High", 2)
    expect(high_high).to_contain_text("Behaviour")
    save_screenshot(page, "risk-register")

    page.get_by_role("link", name=re.compile(r"^Change risk: Behaviour")).click()
    page.get_by_label("Likelihood", exact=True).select_option(label="Low")
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("heading", name="Risk register")).to_be_visible()
    expect(heat_cell(page, "High", 2)).not_to_contain_text("Behaviour")
    expect(heat_cell(page, "Low", 2)).to_contain_text("Behaviour")
    risk = Risk.objects.get(programme__slug="wigan-support-services-review", title="Behaviour")
    assert risk.likelihood == 1
    assert risk.history.first().history_user.username == "manager"
