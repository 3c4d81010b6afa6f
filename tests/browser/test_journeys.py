"""The journeys the issue names, in a real browser: a champion moves a date and writes an
update in under two minutes; a reader finds no way to edit."""

import re

import pytest
from playwright.sync_api import expect

from milestones.models import Milestone

from .conftest import save_screenshot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_champion_moves_a_date_writes_an_update_and_the_overview_shows_both(site, page):
    sign_in(page, site, "champion")
    expect(page.get_by_role("heading", name="My work")).to_be_visible()
    save_screenshot(page, "my-work")

    page.get_by_role("link", name="Transactional HR").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Transactional HR")
    save_screenshot(page, "service-area")
    page.get_by_role("link", name="Change Stage 0-1").click()
    # The live reading listens only once its script has run: type after the page has loaded.
    page.wait_for_load_state("load")
    completion = page.get_by_label("Planned completion")
    completion.fill("end Sept 2010")
    expect(page.locator("#id_planned_completion_text_reading")).to_have_text(
        "Read as end Sep 2010 (21 Sep 2010 to 30 Sep 2010)."
    )
    page.get_by_role("button", name="Save", exact=True).click()
    # Without a reason the save is refused, with the message linked from the summary.
    expect(page.get_by_role("alert")).to_contain_text("Say why the dates have changed.")
    page.get_by_role("link", name=re.compile("Why have the dates changed")).click()
    expect(page.get_by_label("Why have the dates changed?")).to_be_focused()
    page.get_by_label("Why have the dates changed?").fill("HR returns from two authorities late")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved “Stage 0-1”.")).to_be_visible()
    expect(page.get_by_role("cell", name="HR returns from two authorities late")).to_be_visible()

    page.get_by_role("link", name="Transactional HR", exact=True).click()
    page.get_by_role("link", name="Write the update for March 2010").click()
    page.get_by_label("What happened in Transactional HR this period?").fill(
        "Workshops booked.\n\n- Bury scoped\n- Trafford started"
    )
    page.get_by_role("button", name="Submit to the programme office").click()
    expect(page.get_by_text("Your update for March 2010 is submitted.")).to_be_visible()

    page.get_by_role("link", name="AGMA Collaborative Services").click()
    expect(page.get_by_role("heading", name="Not yet updated for March 2010")).to_be_visible()
    not_updated = page.locator("section", has=page.get_by_role("heading", name="Not yet updated"))
    expect(not_updated).not_to_contain_text("Transactional HR")
    matrix_cell = page.get_by_role("link", name="Stage 0-1: Sep 2009 → end Sep 2010")
    expect(matrix_cell).to_be_visible()
    stage = Milestone.objects.get(title="Stage 0-1")
    assert stage.date_changes.latest().reason == "HR returns from two authorities late"


def test_reader_finds_no_way_to_edit(site, page):
    sign_in(page, site, "reader")
    page.goto(f"{site.url}/programmes/agma-collaborative-services/")
    expect(page.get_by_role("button", name=re.compile("reminder"))).to_have_count(0)
    page.get_by_role("link", name="Transactional HR").first.click()
    expect(page.get_by_role("main").get_by_role("link", name=re.compile("^Change"))).to_have_count(
        0
    )
    expect(page.get_by_role("link", name=re.compile("Write the update"))).to_have_count(0)
    page.get_by_role("link", name="Stage 0-1").first.click()
    expect(page.get_by_role("link", name="Change this milestone")).to_have_count(0)
    stage = Milestone.objects.get(title="Stage 0-1")
    response = page.goto(f"{site.url}/milestones/{stage.pk}/edit/")
    assert response.status == 403
