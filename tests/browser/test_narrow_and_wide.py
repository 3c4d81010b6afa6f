"""The main pages on a phone (390 px) and a wide screen (1,920 px): no page ever scrolls
sideways, even with a 200-letter word in its records (tables scroll inside themselves), and
tables use a wide screen's width. And a person picker's search box, typed into as a user
would. Screenshots to docs/screenshots/ with SAVE_SCREENSHOTS=1."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from milestones.models import Milestone
from programmes.models import Programme, Risk, SavingsReallocation

from .conftest import save_screenshot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

AGMA = "agma-collaborative-services"
WIGAN = "wigan-support-services-review"
LONG = ("Transformation" * 15)[:200]  # one unbroken word, as a pasted address would be


def give_records_a_long_word() -> Milestone:
    stage = Milestone.objects.get(
        service_area__programme__slug=AGMA, service_area__name="Transactional HR", title="Stage 0-1"
    )
    Milestone.objects.filter(pk=stage.pk).update(
        title=f"Stage 0-1 {LONG}", comment=f"See {LONG} for the plan."
    )
    wigan = Programme.objects.get(slug=WIGAN)
    red = next(risk for risk in wigan.risks.all() if wigan.risk_rating(risk).is_red)
    Risk.objects.filter(pk=red.pk).update(title=LONG)
    SavingsReallocation.objects.filter(programme=wigan).update(note=LONG)
    return stage


def main_pages(stage) -> dict[str, str]:
    area = stage.service_area
    return {
        "overview": reverse("programmes:overview", kwargs={"programme": WIGAN}),
        "service-area": reverse(
            "programmes:service-area", kwargs={"programme": AGMA, "pk": area.pk}
        ),
        "milestones": reverse("milestones:list", kwargs={"programme": AGMA}),
        "risks": reverse("registers:risks", kwargs={"programme": WIGAN}),
        "savings": reverse("registers:savings", kwargs={"programme": WIGAN}),
        "my-work": reverse("programmes:my-work"),
        "milestone": reverse("milestones:detail", kwargs={"pk": stage.pk}),
    }


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_no_main_page_scrolls_sideways_on_a_phone(site, chromium):
    pages = main_pages(give_records_a_long_word())
    widths = {}
    # My work as the champion of the area with the long word (a manager's lists the most
    # overdue milestones of every programme first); the rest as a manager, who sees them all.
    for user, names in (
        ("champion", ["my-work"]),
        ("manager", [n for n in pages if n != "my-work"]),
    ):
        context = chromium.new_context(viewport={"width": 390, "height": 844}, locale="en-GB")
        page = context.new_page()
        sign_in(page, site, user)
        for name in names:
            page.goto(f"{site.url}{pages[name]}")
            assert LONG in page.content(), name  # the long word is on the page being measured
            widths[name] = page_width(page)
            save_screenshot(page, f"phone-{name}")
        context.close()
    assert len(widths) == len(pages)
    assert {name: width for name, width in widths.items() if width > 390} == {}


def test_tables_use_a_wide_screen(site, chromium):
    pages = main_pages(give_records_a_long_word())
    context = chromium.new_context(viewport={"width": 1920, "height": 1080}, locale="en-GB")
    page = context.new_page()
    sign_in(page, site, "manager")
    page.goto(f"{site.url}{pages['milestones']}")
    assert page_width(page) <= 1920
    table = page.get_by_role("table", name="Milestones of AGMA Collaborative Services")
    assert table.bounding_box()["width"] > 1700
    save_screenshot(page, "wide-milestones")
    context.close()


def test_a_person_picker_narrows_as_you_type_and_enter_chooses(site, page):
    stage = Milestone.objects.get(service_area__programme__slug=AGMA, title="Stage 0-1")
    sign_in(page, site, "manager")
    page.goto(f"{site.url}{reverse('milestones:edit', kwargs={'pk': stage.pk})}")
    owner = page.get_by_label("Owner", exact=True)
    everyone = owner.locator("option").count()
    search = page.get_by_label("Search the list for “Owner”")
    search.fill("badley")
    expect(owner.locator("option")).to_have_text(["---------", "Phil Badley"])
    expect(page.get_by_role("status").filter(has_text="people match")).to_have_text(
        f"1 of {everyone - 1} people match."
    )
    search.press("Enter")  # chooses the only match; does not send the form
    assert page.url.endswith(reverse("milestones:edit", kwargs={"pk": stage.pk}))
    expect(owner.locator("option:checked")).to_have_text("Phil Badley")
    search.press("Escape")
    expect(owner.locator("option")).to_have_count(everyone)
    save_screenshot(page, "person-search")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved “Stage 0-1”.")).to_be_visible()
    stage.refresh_from_db()
    assert stage.owner.name == "Phil Badley"
