"""axe-core on every main page, signed in as a programme manager (who sees every control):
no serious or critical violations of WCAG 2.2 A/AA rules."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from milestones.models import Milestone
from programmes.models import BodyMembership, Meeting, Person, ServiceArea

from .conftest import save_screenshot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

AGMA = "agma-collaborative-services"
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}}


def main_pages():
    area = ServiceArea.objects.get(programme__slug=AGMA, name="Transactional HR")
    stage = Milestone.objects.get(service_area=area, title="Stage 0-1")
    period = area.programme.reporting_periods.get(label="March 2010")
    in_period = {"programme": AGMA, "period": period.pk}
    return {
        "my-work": reverse("programmes:my-work"),
        "programmes": reverse("programmes:list"),
        "overview": reverse("programmes:overview", kwargs={"programme": AGMA}),
        "service-area-manager": reverse(
            "programmes:service-area", kwargs={"programme": AGMA, "pk": area.pk}
        ),
        "milestone": reverse("milestones:detail", kwargs={"pk": stage.pk}),
        "milestone-edit": reverse("milestones:edit", kwargs={"pk": stage.pk}),
        "update-form": reverse("programmes:area-update", kwargs={"programme": AGMA, "pk": area.pk}),
        **{
            f"milestone-{name}": reverse(
                f"milestones:{name}", kwargs={"programme": AGMA, "area": area.pk}
            )
            for name in ("add", "add-several", "reorder", "grid")
        },
        "milestone-cancel": reverse("milestones:cancel", kwargs={"pk": stage.pk}),
        "update-review": reverse("programmes:update-review", kwargs={**in_period, "pk": area.pk}),
        "period-edit": reverse("programmes:period-edit", kwargs=in_period),
        "period-close": reverse("programmes:period-close", kwargs=in_period),
        "password-change": reverse("password_change"),
        "account": reverse("account"),
        "sessions": reverse("accounts:sessions"),
        "api-tokens": reverse("api-tokens"),
        "all-milestones": reverse("milestones:all"),
        **{
            name: reverse(url_name, kwargs={"programme": AGMA})
            for name, url_name in (
                ("milestones", "milestones:list"),
                ("risks", "registers:risks"),
                ("risk-create", "registers:risk-create"),
                ("savings", "registers:savings"),
                ("savings-create", "registers:savings-create"),
                ("budget", "registers:budget"),
                ("actions", "registers:actions"),
                ("action-create", "registers:action-create"),
                ("meetings", "reports:meetings"),
                ("timeline", "milestones:timeline"),
                ("governance", "registers:governance"),
                ("glossary", "registers:glossary"),
                ("body-create", "registers:body-create"),
                ("meeting-create", "registers:meeting-create"),
                ("term-create", "registers:term-create"),
                ("updates", "programmes:updates"),
                ("periods", "programmes:periods"),
                ("period-open", "programmes:period-open"),
            )
        },
        **governance_pages(),
        "reports": reverse("reports:index", kwargs={"programme": AGMA}),
        "import": reverse("spreadsheets:import", kwargs={"programme": AGMA}),
        "import-history": reverse("spreadsheets:import-history", kwargs={"programme": AGMA}),
        "report-preview": reverse(
            "reports:preview", kwargs={"programme": AGMA, "kind": "milestones"}
        ),
        "risks-wigan": reverse(
            "registers:risks", kwargs={"programme": "wigan-support-services-review"}
        ),
        "people": reverse("people:list", kwargs={"programme": AGMA}),
        "person-add": reverse("people:add", kwargs={"programme": AGMA}),
        "person": reverse(
            "people:person",
            kwargs={"programme": AGMA, "pk": Person.objects.get(name="Phil Badley").pk},
        ),
        "issue-confirm": reverse("reports:issue", kwargs={"programme": AGMA, "kind": "milestones"})
        + f"?meeting={Meeting.objects.filter(body__programme__slug=AGMA).first().pk}",
        "not-found": "/no-such-page/",
        # Setting a programme up.
        "programme-start": reverse("programme-setup:start") + f"?copy={AGMA}",
        **{
            name: reverse(f"programme-setup:{name}", kwargs={"programme": AGMA})
            for name in ("settings", "risk-matrix", "stages", "stage-add", "areas", "area-add")
        },
        **{
            name: reverse(f"programme-setup:{name}", kwargs={"programme": AGMA, "pk": area.pk})
            for name in ("area-close", "area-partners", "area-people")
        },
        "area-edit-manager": reverse(
            "programmes:area-edit", kwargs={"programme": AGMA, "pk": area.pk}
        ),
    }


def governance_pages():
    """Changing a meeting (with its agenda), cancelling it, and ending a membership."""
    meeting = Meeting.objects.filter(body__programme__slug=AGMA).first()
    membership = BodyMembership.objects.select_related("body__programme").first()  # Wigan's
    pages = {
        name: reverse(f"registers:{name}", kwargs={"programme": AGMA, "pk": meeting.pk})
        for name in ("meeting-edit", "meeting-cancel")
    }
    kwargs = {"programme": membership.body.programme.slug, "pk": membership.pk}
    pages["member-end"] = reverse("registers:member-end", kwargs=kwargs)
    return pages


def serious(results) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_main_pages_have_no_serious_accessibility_violations(site, page):
    axe = Axe()
    page.goto(f"{site.url}{reverse('login')}")
    problems = {"sign-in": serious(axe.run(page, options=WCAG))}
    sign_in(page, site, "manager")
    for name, path in main_pages().items():
        page.goto(f"{site.url}{path}")
        problems[name] = serious(axe.run(page, options=WCAG))
        save_screenshot(page, name)
    assert {name: found for name, found in problems.items() if found} == {}


def test_keyboard_users_can_skip_to_the_content(site, page):
    sign_in(page, site, "manager")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()  # shown when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
