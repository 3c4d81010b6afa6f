"""The same milestones are late on every page that counts or lists late ones: the programme
overview's count, My work's overdue list, the milestone list filtered to "Only overdue", and the
milestones report. All of them ask core.lateness, through Milestone.objects.late or is_late."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.fuzzydates import parse
from programmes.models import ProgrammeAccess
from tests.factories import MilestoneFactory, ServiceAreaFactory
from tests.registers.helpers import rows_of

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


def test_overview_my_work_overdue_filter_and_report_agree(cases):
    client, programme, late, others = cases
    everyone = late | others

    overview = client.get(reverse("programmes:overview", kwargs={"programme": programme.slug}))
    count = re.search(r"<strong>(\d+)</strong> late", overview.content.decode()).group(1)

    my_work = client.get(reverse("programmes:my-work")).content.decode()
    overdue_section = re.search(r'id="overdue-heading".*?</section>', my_work, re.S).group(0)

    listed = client.get(
        reverse("registers:milestones", kwargs={"programme": programme.slug}) + "?overdue=on"
    )

    report = client.get(
        reverse("reports:preview", kwargs={"programme": programme.slug, "kind": "milestones"})
    )
    marked_late = [row for row in rows_of(report) if re.search(r"\bLate\b", row)]

    assert int(count) == len(late)
    assert titles_in([overdue_section], everyone) == late
    assert titles_in(rows_of(listed), everyone) == late
    assert titles_in(marked_late, everyone) == late
