"""The same milestones are late on every page that counts or lists late ones: the programme
overview's count, My work's list of late milestones, the milestone lists filtered to "Only late",
the Excel download of that filtered list, and the milestones report. All of them ask
core.lateness, through Milestone.objects.late or is_late, and all call it "late" with the rule's
definition beside it. (The grid and programme reports say nothing about lateness.)"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.fuzzydates import parse
from core.lateness import LATE_MEANS
from programmes.models import ProgrammeAccess
from tests.factories import MilestoneFactory, ServiceAreaFactory

from .conftest import REPORT_OPTIONS, page, text, workbook_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases():
    """A new programme whose only manager is a new login, with one milestone per kind of date;
    returns (client, programme, titles of the late ones, titles of the others)."""
    year = timezone.localdate().year
    last, next_ = year - 1, year + 1
    area = ServiceAreaFactory(name="Shared Services")
    programme = area.programme
    rows = [
        # title, planned completion, forecast completion, status, late?
        ("Alpha", f"March {last}", "", "in_progress", True),
        ("Bravo", f"by March {last}", "", "not_started", True),
        ("Charlie", f"April–June {last}", "", "in_progress", True),
        ("Delta", f"from April {last}", "", "in_progress", False),
        ("Echo", "TBC", "", "in_progress", False),
        ("Foxtrot", f"March {last}", f"June {next_}", "in_progress", False),
        ("Golf", f"March {last}", "TBC", "in_progress", True),
        ("Hotel", f"March {last}", "", "complete", False),
        ("India", f"March {last}", "", "cancelled", False),
        ("Juliet", f"{last} - {next_}", "", "in_progress", False),
        ("Kilo", f"December {next_}", "", "not_started", False),
        ("Lima", f"March {last}", "", "will_not_be_met", True),
    ]
    for order, (title, planned, forecast, status, _) in enumerate(rows):
        MilestoneFactory(
            service_area=area,
            title=title,
            order=order,
            planned_start=None,
            planned_completion=parse(planned),
            forecast_completion=parse(forecast),
            status=status,
        )
    user = get_user_model().objects.create_user("office", password="pw")
    ProgrammeAccess.objects.create(
        programme=programme, user=user, role=ProgrammeAccess.Role.MANAGER
    )
    client = Client()
    client.force_login(user)
    late = {title for title, *_, is_late in rows if is_late}
    others = {title for title, *_ in rows} - late
    return client, programme, late, others


def titles_in(texts, titles) -> set[str]:
    return {title for title in titles if any(re.search(rf"\b{title}\b", t) for t in texts)}


def body_rows(html: str) -> list[str]:
    """The text of each row of the page's table bodies."""
    bodies = "".join(re.findall(r"<tbody[^>]*>.*?</tbody>", html, flags=re.S))
    return [text(row) for row in re.findall(r"<tr[^>]*>.*?</tr>", bodies, flags=re.S)]


def test_overview_my_work_late_filters_export_and_report_agree(cases):
    client, programme, late, others = cases
    everyone = late | others
    slug = {"programme": programme.slug}

    overview = page(client, reverse("programmes:overview", kwargs=slug))
    count = re.search(r"<strong>(\d+)</strong> late", overview).group(1)

    my_work = page(client, reverse("programmes:my-work"))
    late_section = re.search(r'id="overdue-heading".*?</section>', my_work, re.S).group(0)

    # "overdue" is the filter's name in the address, kept so that old links still work.
    listed = page(client, reverse("milestones:list", kwargs=slug), {"overdue": "on"})
    everywhere = page(client, reverse("milestones:all"), {"overdue": "on"})

    exported = workbook_rows(
        client,
        programme,
        "Milestones",
        reverse("spreadsheets:export", kwargs={**slug, "kind": "milestones"}) + "?overdue=on",
    )

    report = page(
        client, reverse("reports:preview", kwargs={**slug, "kind": "milestones"}), REPORT_OPTIONS
    )
    marked_late = [row for row in body_rows(report) if re.search(r"\bLate\b", row)]

    assert int(count) == len(late)
    assert titles_in([late_section], everyone) == late
    assert titles_in(body_rows(listed), everyone) == late
    assert titles_in(body_rows(everywhere), everyone) == late
    assert {row["Milestone"] for row in exported} == late
    assert titles_in(marked_late, everyone) == late


def test_every_page_calls_them_late_and_says_what_late_means(cases):
    """One word for the one rule: "late" on the overview, My work, the list and its filter and
    the report, never "overdue"; each with the rule's definition beside it."""
    client, programme, late, _ = cases
    slug = {"programme": programme.slug}
    pages = {
        "overview": page(client, reverse("programmes:overview", kwargs=slug)),
        "my work": page(client, reverse("programmes:my-work")),
        "list": page(client, reverse("milestones:list", kwargs=slug), {"overdue": "on"}),
        "all milestones": page(client, reverse("milestones:all")),
        "report": page(
            client,
            reverse("reports:preview", kwargs={**slug, "kind": "milestones"}),
            REPORT_OPTIONS,
        ),
    }
    for name, html in pages.items():
        words = text(html)
        assert not re.search(r"overdue", words, re.I), name
        assert re.search(r"\bLate\b", words), name
        assert LATE_MEANS in words, name
    assert f"Late milestones ({len(late)})" in text(pages["my work"])
    assert re.search(r"<label[^>]*>\s*Only late\s*</label>", pages["list"])
