"""An area's milestones in a real browser, signed in as the area's champion: several pasted at
once, one moved down with the keyboard, the grid refusing a moved date without a reason (the
error summary linking to the row's field), and a cancelled milestone reinstated — with axe-core
finding no serious accessibility problem on any of those pages, errors shown included."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import expect

from milestones.models import Milestone

from .conftest import save_screenshot, sign_in
from .test_accessibility import WCAG, serious

pytestmark = pytest.mark.django_db(transaction=True)

AGMA = "agma-collaborative-services"


def test_champion_adds_orders_grids_and_cancels_milestones(site, page):
    axe = Axe()
    problems = {}
    sign_in(page, site, "champion")
    page.get_by_role("link", name="Transactional HR").first.click()

    page.get_by_role("link", name="Add several").click()
    page.get_by_label("Milestones, one per line").fill(
        "Consultation\tMarch 2010\nGo live | June 2010\nBad date\t31/02/2010"
    )
    page.get_by_role("button", name="Add them").click()
    expect(page.get_by_role("alert")).to_contain_text("line 3 needs correcting")
    problems["add-several refused"] = serious(axe.run(page, options=WCAG))
    lines = page.get_by_label("Milestones, one per line")
    lines.fill("Consultation\tMarch 2010\nGo live | June 2010")
    page.get_by_role("button", name="Add them").click()
    expect(page.get_by_text("Added 2 milestones to Transactional HR.")).to_be_visible()

    page.get_by_role("link", name="Change the order").click()
    move = page.get_by_role("button", name="Move down “Consultation”, below “Go live”")
    move.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Moved “Consultation” down.")).to_be_visible()
    save_screenshot(page, "milestone-order")

    page.get_by_role("link", name="Transactional HR", exact=True).click()
    page.get_by_role("link", name="Change dates and statuses").click()
    page.get_by_label("Planned completion of “Consultation”").fill("May 2010")
    page.get_by_role("button", name="Save all").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Nothing has been saved")
    problems["grid refused"] = serious(axe.run(page, options=WCAG))
    save_screenshot(page, "milestone-grid-refused")
    summary.get_by_role("link", name="“Consultation”, why the dates moved").click()
    reason = page.get_by_label("Why the dates of “Consultation” moved")
    expect(reason).to_be_focused()
    reason.fill("Unions asked for more time")
    page.get_by_role("button", name="Save all").click()
    expect(page.get_by_text("1 date move recorded.")).to_be_visible()

    consultation = Milestone.objects.get(title="Consultation")
    page.goto(f"{site.url}{reverse('milestones:detail', kwargs={'pk': consultation.pk})}")
    page.get_by_role("link", name="Cancel this milestone").click()
    page.get_by_label("Why is it cancelled?").fill("Merged into Go live")
    page.get_by_role("button", name="Cancel the milestone").click()
    expect(page.locator("#cancelled")).to_contain_text("Merged into Go live")
    problems["cancelled milestone"] = serious(axe.run(page, options=WCAG))
    page.get_by_role("link", name="Reinstate this milestone").click()
    problems["reinstate"] = serious(axe.run(page, options=WCAG))
    page.get_by_role("button", name="Reinstate the milestone").click()
    expect(page.get_by_text("Reinstated “Consultation”: it is not started.")).to_be_visible()
    assert {name: found for name, found in problems.items() if found} == {}
