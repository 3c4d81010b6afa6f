"""A council's first two monthly reporting cycles, from an empty database, in the browser only:
an administrator starts a programme with two service areas and a Key to Stages, names a
champion on each and invites one (the e-mail's link sets her password); each month a period
is opened, the champion writes and submits, the programme office returns or accepts, chases
the area that has not updated, and issues a committee pack that prints the accepted update.
Every page on the way is checked with axe-core, no page of the Django admin is opened, and
each step is a screenshot in docs/screenshots/ (``cycle-NN-…``). Then the rights: the
champion cannot accept her own update, a reader can do none of it, and another programme's
manager cannot see it."""

import re
from datetime import timedelta
from io import BytesIO
from urllib.request import urlopen

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from milestones.models import AreaUpdate
from programmes.models import Programme, ProgrammeAccess
from reports.models import IssuedPack

from .conftest import save_screenshot, sign_in
from .test_accessibility import WCAG, serious

pytestmark = pytest.mark.django_db(transaction=True)

PRIYA = "priya.shah@tameside.gov.uk"
TOM = "tom.walsh@tameside.gov.uk"
PRIYAS_PASSWORD = "Benefits-merge-2026"


@pytest.fixture
def empty_site(live_server, transactional_db):
    """The live server on an empty database: one administrator, no programme, no seeds (the
    session's seed programmes are emptied away first)."""
    call_command("flush", interactive=False, verbosity=0)
    get_user_model().objects.create_superuser("admin", "admin@tameside.gov.uk", "demo-password")
    # The live server's first page takes seconds (its modules load): not the browser's wait.
    urlopen(f"{live_server.url}/accounts/login/", timeout=60).close()
    return live_server


class Walk:
    """One person's browser on the cycle: every page it lands on is checked with axe-core, and
    each named step is a screenshot."""

    steps = 0

    def __init__(self, page, site, checked: dict):
        self.page, self.site, self.checked = page, site, checked
        self.axe = Axe()
        page.on("request", self._no_admin)

    def _no_admin(self, request):
        assert "/admin/" not in request.url, f"the cycle opened the Django admin: {request.url}"

    def go(self, path: str):
        self.page.goto(f"{self.site.url}{path}")
        return self.check()

    def check(self):
        """Run axe on the page now shown (each distinct path once)."""
        self.page.wait_for_load_state("load")
        path = re.sub(r"^https?://[^/]+", "", self.page.url).split("#")[0]
        if path not in self.checked:
            self.checked[path] = serious(self.axe.run(self.page, options=WCAG))
        return self

    def shot(self, name: str):
        Walk.steps += 1
        save_screenshot(self.page, f"cycle-{Walk.steps:02d}-{name}")

    def click(self, role: str, name, **kwargs):
        self.page.get_by_role(role, name=name, **kwargs).first.click()
        return self.check()

    def says(self, text):
        expect(self.page.locator("main")).to_contain_text(text)

    def fill(self, label, value, **kwargs):
        self.page.get_by_label(label, **kwargs).fill(value)

    def choose(self, label, option, **kwargs):
        self.page.get_by_label(label, **kwargs).select_option(label=option)


def long_date(day) -> str:
    return f"{day.day} {day:%B %Y}"


def short_date(day) -> str:
    return day.strftime("%d/%m/%Y")


def pdf_text(page, site, link_name: str) -> str:
    href = page.get_by_role("link", name=link_name).get_attribute("href")
    response = page.request.get(f"{site.url}{href}")
    assert response.headers["content-type"] == "application/pdf"
    reader = PdfReader(BytesIO(response.body()))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


def test_a_council_runs_two_monthly_cycles_from_an_empty_database(empty_site, chromium, page):
    Walk.steps = 0
    checked: dict[str, list[str]] = {}
    office = Walk(page, empty_site, checked)
    today = timezone.localdate()
    first_of_month = today.replace(day=1)
    last_month_start = (first_of_month - timedelta(days=1)).replace(day=1)
    last_month = f"{last_month_start:%B %Y}"
    this_month = f"{first_of_month:%B %Y}"
    due = first_of_month + timedelta(days=6)

    # --- Setting up: the programme, its Key to Stages, two areas, their champions ----------
    office.go("/accounts/login/")
    sign_in(page, empty_site, "admin")
    office.check().says("You have not been given access to any programme yet.")
    office.go("/programmes/new/")
    office.fill("Name*", "Tameside Efficiency Programme")
    office.fill("Short name", "TEP")
    office.fill("Or add a new lead organisation", "Tameside Metropolitan Borough Council")
    office.fill("Heading for stages", "Stage of the Delivery plan")
    office.shot("new-programme")
    office.click("button", "Start the programme")
    office.says("Started Tameside Efficiency Programme. You are its programme manager.")
    programme = Programme.objects.get(name="Tameside Efficiency Programme")
    base = f"/programmes/{programme.slug}"

    for code, name, meaning in (
        ("Stage 0", "Preparation", "Agree scope and governance; collect data."),
        ("Stage 1", "Deliver", "Carry out the agreed changes."),
    ):
        office.go(f"{base}/settings/stages/new/")
        office.fill("Code*", code)
        office.fill("Name", name, exact=True)
        office.fill("What it means", meaning)
        office.click("button", "Save", exact=True)
        office.says(f"Added {code} – {name} to the Key to Stages.")
    office.shot("key-to-stages")

    for name in ("Revenues and Benefits", "Waste Collection"):
        office.go(f"{base}/areas/new/")
        office.fill("Name*", name)
        office.click("button", "Save", exact=True)
        office.says(f"Added {name}. Next: name its people and record its partners.")
    office.go(f"{base}/areas/")
    office.shot("service-areas")

    areas = {area.name: area for area in programme.service_areas.all()}
    for name, email, area in (
        ("Priya Shah", PRIYA, "Revenues and Benefits"),
        ("Tom Walsh", TOM, "Waste Collection"),
    ):
        office.go(f"{base}/people/new/")
        office.fill("Name*", name)
        office.fill("Job title", "Head of Service")
        office.fill("E-mail address", email)
        office.click("button", "Save", exact=True)
        office.says(f"Added {name} to the programme's people.")
        office.go(f"{base}/areas/{areas[area].pk}/people/")
        office.choose("Person*", name)
        office.choose("Role*", "Service area champion")
        office.click("button", "Name them")
        office.says(f"Named {name} as service area champion.")
    office.shot("champion-named")

    office.go(f"{base}/areas/{areas['Revenues and Benefits'].pk}/milestones/add/")
    office.fill("Milestone*", "Single benefits team in place")
    office.choose("Stage", "Stage 0 – Preparation")
    office.fill("Planned completion", f"end {first_of_month + timedelta(days=100):%B %Y}")
    office.click("button", "Add the milestone")
    office.says("Added “Single benefits team in place” to Revenues and Benefits.")

    office.go(f"{base}/governance/bodies/new/")
    office.fill("Name*", "Efficiency Programme Board")
    office.fill("Acronym", "EPB")
    office.choose("Kind*", "Board")
    office.click("button", "Save", exact=True)
    meetings = [today + timedelta(days=14), today + timedelta(days=45)]
    for day in meetings:
        office.go(f"{base}/meetings/new/")
        office.choose("Body*", "Efficiency Programme Board (EPB)")
        office.fill("Date*", short_date(day))
        office.click("button", "Save", exact=True)
        office.says(f"Added the EPB meeting of {long_date(day)}.")
    office.shot("meetings")

    # Priya is invited: the e-mail's link lets her choose a password and signs her in.
    office.go(f"{base}/people/")
    office.click("link", "Priya Shah")
    office.click("button", "Invite Priya Shah to sign in")
    office.says(f"Invitation sent to Priya Shah at {PRIYA}.")
    office.shot("invitation-sent")
    (invitation,) = mail.outbox
    assert invitation.to == [PRIYA]
    link = re.search(r"https?://\S+/accounts/invitation/\S+/", invitation.body).group(0)
    assert link.startswith(empty_site.url)

    champion_context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    champion = Walk(champion_context.new_page(), empty_site, checked)
    champion.page.set_default_timeout(10_000)
    champion.page.goto(link)
    champion.check().says("Welcome, Priya Shah")
    champion.fill("New password*", PRIYAS_PASSWORD)
    champion.fill("New password confirmation*", PRIYAS_PASSWORD)
    champion.shot("set-password")
    champion.click("button", "Set my password and sign in")
    champion.says(f"Your password is set and you are signed in as {PRIYA}.")
    champion.says("Revenues and Benefits — Tameside Efficiency Programme")
    champion.click("link", "Your account")
    champion.says(f"go to {PRIYA}")
    champion.click("link", "Change your e-mail address or digest")
    champion.page.get_by_label("Send me the weekly digest").uncheck()
    champion.click("button", "Save", exact=True)
    champion.says(f"Saved: {PRIYA}; no weekly digest.")
    champion.shot("my-e-mail")

    # --- The first month -----------------------------------------------------------------
    office.go(f"{base}/periods/open/")
    office.says("This is the programme's first period")
    office.fill("Name*", last_month)
    office.fill("Start*", short_date(last_month_start))
    office.fill("End*", short_date(first_of_month - timedelta(days=1)))
    office.fill("Updates due", short_date(due))
    office.shot("open-first-period")
    office.click("button", "Open the period")
    office.says(f"{last_month} is open for updates.")

    champion.go("/")
    champion.says(f"Revenues and Benefits (TEP): no update yet for {last_month}")
    champion.shot("my-work-to-write")
    champion.click("link", "Revenues and Benefits")
    champion.click("link", f"Write the update for {last_month}")
    champion.fill(re.compile("What happened in Revenues and Benefits"), "Benefits teams merged.")
    champion.choose("RAG status of the area", "Amber")
    champion.fill("Comment / current activity", "Staff consultation under way.")
    champion.shot("champion-writes")
    champion.click("button", "Submit to the programme office")
    champion.says(f"Your update for {last_month} is submitted.")

    office.go(f"{base}/updates/")
    office.says("1 submitted 1 not started")
    office.click("link", "Review the update of Revenues and Benefits")
    office.says("Benefits teams merged.")
    office.says("RAG status: Amber (was Not rated)")
    office.fill("Comment", "Say when the Hyde office joins.", exact=True)
    office.shot("manager-returns")
    office.click("button", "Return it with your comment")
    office.says(f"Revenues and Benefits's update for {last_month} returned to its writers")

    champion.go("/")
    champion.says("1 returned to you to answer")
    returned = champion.page.locator("li", has_text=f"the update for {last_month} was returned")
    returned.get_by_role("link", name="Revenues and Benefits").click()
    champion.check()
    champion.says("Say when the Hyde office joins.")
    champion.fill(
        re.compile("What happened in Revenues and Benefits"),
        "Benefits teams merged.\n\n- Ashton office joined\n- Hyde office joins in February",
    )
    champion.fill("Your answer to the programme office", "Hyde joins in February.")
    champion.shot("champion-answers")
    champion.click("button", "Submit to the programme office")
    champion.says(f"Your update for {last_month} is submitted.")

    office.go(f"{base}/updates/")
    office.click("link", "Review the update of Revenues and Benefits")
    office.says("Hyde joins in February.")
    office.says("Priya Shah: submitted it for review.")
    # Resubmitted, it is not "last submitted … by" the manager who returned it.
    expect(page.locator("p.lead")).not_to_contain_text("by admin")
    office.shot("manager-reviews-answer")
    office.click("button", "Accept the update")
    office.says(f"Revenues and Benefits's update for {last_month} accepted.")
    office.says("0 submitted 1 not started 0 draft 0 returned 1 accepted")
    office.shot("accepted")

    # Chasing: the button and the scheduled command each e-mail only Tom, who has not updated.
    mail.outbox.clear()
    office.go(f"{base}/")
    office.says("Waste Collection (not started): Tom Walsh")
    office.click("button", "E-mail a reminder to everyone listed")
    office.says("1 reminder e-mail sent.")
    office.shot("reminders-sent")
    call_command("send_update_reminders", programme.slug, "--today", str(due + timedelta(days=1)))
    assert [message.to for message in mail.outbox] == [[TOM], [TOM]]
    assert mail.outbox[0].subject == f"Update needed: Waste Collection, {last_month}"
    assert mail.outbox[1].subject == f"Update overdue: Waste Collection, {last_month}"

    first_text = issue_programme_report(office, base, meetings[0], pack_number=1)
    assert f"Progress to date ({last_month})" in first_text
    assert "Hyde office joins in February" in first_text
    assert "No progress reported." in first_text  # Waste Collection, honestly

    office.go(f"{base}/periods/")
    office.click("link", f"Close {last_month}")
    office.click("button", re.compile("Close"))
    office.says(f"{last_month}")

    # --- The second month ----------------------------------------------------------------
    office.go(f"{base}/periods/open/")
    expect(page.get_by_label("Name*")).to_have_value(this_month)
    office.shot("open-second-period")
    office.click("button", "Open the period")
    office.says(f"{this_month} is open for updates.")

    champion.go(f"{base}/areas/{areas['Revenues and Benefits'].pk}/")
    champion.click("link", f"Write the update for {this_month}")
    expect(champion.page.get_by_label("Comment / current activity")).to_have_value(
        "Staff consultation under way."
    )
    champion.fill(
        re.compile("What happened in Revenues and Benefits"),
        "Hyde office joined early; one benefits team from next month.",
    )
    champion.choose("RAG status of the area", "Green")
    champion.click("button", "Submit to the programme office")
    champion.says(f"Your update for {this_month} is submitted.")
    champion.shot("second-update-submitted")

    office.go(f"{base}/updates/")
    office.click("link", "Review the update of Revenues and Benefits")
    office.says("RAG status: Green (was Amber)")
    office.click("button", "Accept the update")
    office.says(f"Revenues and Benefits's update for {this_month} accepted.")

    second_text = issue_programme_report(office, base, meetings[1], pack_number=2)
    assert f"Progress to date ({this_month})" in second_text
    assert "one benefits team from next month" in second_text
    assert "Hyde office joins in February" not in second_text
    office.go(f"{base}/reports/")
    office.says("Programme report")
    office.shot("issued-packs")

    first_pack = IssuedPack.objects.get(meeting__date=meetings[0])
    assert first_pack.options and IssuedPack.objects.count() == 2
    assert AreaUpdate.objects.filter(status=AreaUpdate.Status.ACCEPTED).count() == 2

    check_the_rights(empty_site, chromium, checked, programme, base, areas)
    champion_context.close()
    assert {path: found for path, found in checked.items() if found} == {}


def issue_programme_report(office: Walk, base: str, meeting_day, *, pack_number: int) -> str:
    """Preview the programme report, issue it to the meeting after confirming, and return the
    issued PDF's text."""
    meeting = f"EPB {long_date(meeting_day)}"
    office.go(f"{base}/reports/programme/")
    office.choose("Issue to the meeting*", meeting)
    office.click("button", "Issue to the meeting…")
    office.says(f"Issue this pack to {meeting}?")
    office.shot(f"issue-confirm-{pack_number}")
    office.click("button", "Issue", exact=True)
    office.says(f"Issued to EPB {short_date(meeting_day)}: kept as pack")
    office.shot(f"pack-{pack_number}-issued")
    return pdf_text(office.page, office.site, "Download the PDF")


def check_the_rights(site, chromium, checked, programme, base, areas):
    """The champion cannot accept her own update, a reader can do none of it, and another
    programme's manager cannot even see it: each refusal is the friendly page, and changes
    nothing."""
    area = areas["Revenues and Benefits"]
    record = AreaUpdate.objects.filter(service_area=area).latest("period__start")
    review = f"{base}/areas/{area.pk}/update/{record.period_id}/review/"

    priya = get_user_model().objects.get(username=PRIYA)
    as_priya = Client()
    as_priya.force_login(priya)
    assert "Accept the update" not in as_priya.get(review).content.decode()
    refused = as_priya.post(review, {"decision": "return", "comment": "Mine."})
    assert refused.status_code == 403
    assert "Nothing was changed" in refused.content.decode()

    User = get_user_model()
    reader = User.objects.create_user("reader", "reader@tameside.gov.uk", "demo-password")
    ProgrammeAccess.objects.create(
        programme=programme, user=reader, role=ProgrammeAccess.Role.READER
    )
    outsider = User.objects.create_user("outsider", "outsider@oldham.gov.uk", "demo-password")
    other = Programme.objects.create(name="Oldham Transformation", slug="oldham-transformation")
    ProgrammeAccess.objects.create(
        programme=other, user=outsider, role=ProgrammeAccess.Role.MANAGER
    )

    for username, refused_paths in (
        (
            "reader",
            [
                review,
                f"{base}/areas/{area.pk}/update/",
                f"{base}/periods/open/",
                f"{base}/people/new/",
                f"{base}/reports/programme/issue/",
            ],
        ),
        ("outsider", [f"{base}/", review, f"{base}/updates/", f"{base}/reports/"]),
    ):
        context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
        walk = Walk(context.new_page(), site, checked)
        sign_in(walk.page, site, username)
        if username == "reader":
            walk.go(f"{base}/")
            expect(walk.page.get_by_role("button", name=re.compile("reminder"))).to_have_count(0)
        for path in refused_paths:
            response = walk.page.goto(f"{site.url}{path}")
            assert response.status == 403, (username, path)
            walk.check().says("You cannot open this page")
        walk.shot(f"refused-{username}")
        context.close()
    record.refresh_from_db()
    assert record.status == AreaUpdate.Status.ACCEPTED
