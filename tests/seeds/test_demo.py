"""The living demonstration programme: loaded for today through the real services, it shows
a reporting cycle under way; loading it again changes nothing; its dates follow the day it
is loaded for."""

import io
import re
from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from milestones.models import AreaUpdate, DateChange, Milestone, ReportingPeriod
from programmes.models import Meeting, Programme, ProgrammeAccess, Risk, SavingsLine
from programmes.rights import Rights
from seeds import demo
from seeds.accounts import demo_user

pytestmark = pytest.mark.django_db


def page_text(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    html = re.sub(r"(?s)<head>.*?</head>|<[^>]+>", " ", response.content.decode())
    return " ".join(html.replace(" )", ")").split()).replace(" )", ")")


def signed_in(username: str) -> Client:
    client = Client()
    client.force_login(demo_user(username))
    return client


def test_the_overview_shows_the_cycle_under_way_today():
    out = io.StringIO()
    call_command("load_demo_programme", stdout=out)
    assert f"{demo.SLUG}: loaded" in out.getvalue()
    today = timezone.localdate()
    month = f"{today:%B %Y}"
    manager = signed_in("manager")

    overview = page_text(manager, reverse("programmes:overview", args=[demo.SLUG]))
    assert f"Not yet updated for {month}" in overview
    assert f"updates are due {today + timedelta(days=7):%-d %B %Y}" in overview
    assert "Customer Contact (not started): Sam Okafor" in overview
    assert "Waste Collection (returned): Tom Walsh" in overview
    assert "Revenues and Benefits (" not in overview  # submitted: not owed
    assert f"{today + timedelta(days=9):%A %-d %B %Y}: Champions Group" in overview
    assert f"{today + timedelta(days=23):%A %-d %B %Y}: Shared Services Board" in overview
    assert "2 slipped" in overview
    assert "2 red risks" in overview
    # Last month's updates were accepted, so the areas carry the ratings their champions gave.
    assert "1 Revenues and Benefits Green" in overview
    assert "3 Customer Contact Not rated" in overview

    board = page_text(manager, reverse("programmes:updates", args=[demo.SLUG]))
    assert "1 submitted 1 not started 0 draft 1 returned 0 accepted" in board
    assert "Revenues and Benefits Submitted Priya Shah" in board
    assert "Customer Contact Not started" in board

    slipped = page_text(manager, reverse("milestones:list", args=[demo.SLUG]) + "?slipped=on")
    assert "New council tax system live" in slipped
    assert "Joint waste collection contract let" in slipped
    assert "Route optimisation pilot" not in slipped


def test_each_role_has_an_account_with_its_rights():
    programme = demo.load_demo().programme
    areas = {area.name: area for area in programme.service_areas.all()}
    manager, reader = Rights.of(demo_user("manager")), Rights.of(demo_user("reader"))
    revenues = Rights.of(demo_user("revenues.champion"))
    waste = Rights.of(demo_user("waste.champion"))
    assert manager.can_manage_programme(programme)
    assert reader.can_view_programme(programme)
    assert not reader.can_edit_area(areas["Revenues and Benefits"])
    assert revenues.can_write_update(areas["Revenues and Benefits"])
    assert not revenues.can_write_update(areas["Waste Collection"])
    assert waste.can_write_update(areas["Waste Collection"])
    assert not waste.can_manage_programme(programme)


def test_the_returned_update_is_on_its_champions_list():
    demo.load_demo()
    month = f"{timezone.localdate():%B %Y}"
    champion = signed_in("waste.champion")
    text = page_text(champion, reverse("programmes:my-work"))
    assert f"Waste Collection : the update for {month} was returned" in text
    assert "by Demo Manager, with a comment to answer" in text


def test_loading_twice_changes_nothing_and_reload_replaces_it():
    first = demo.load_demo().programme
    counts = (
        Milestone.objects.count(),
        DateChange.objects.count(),
        Meeting.objects.count(),
        AreaUpdate.objects.count(),
        ProgrammeAccess.objects.count(),
    )
    out = io.StringIO()
    call_command("load_demo_programme", stdout=out)
    assert "already loaded, left as it is" in out.getvalue()
    assert Programme.objects.get(slug=demo.SLUG).pk == first.pk
    assert counts == (
        Milestone.objects.count(),
        DateChange.objects.count(),
        Meeting.objects.count(),
        AreaUpdate.objects.count(),
        ProgrammeAccess.objects.count(),
    )
    reloaded = demo.load_demo(reload=True)
    assert reloaded.loaded and reloaded.programme.pk != first.pk
    assert Milestone.objects.count() == counts[0]


@pytest.mark.parametrize("today", [date(2031, 2, 14), date(2029, 7, 3)])
def test_its_dates_follow_the_day_it_is_loaded_for(today):
    programme = demo.load_demo(today=today).programme
    periods = ReportingPeriod.objects.filter(programme=programme).order_by("start")
    last, current = periods
    assert (current.label, current.start, current.is_closed) == (
        f"{today:%B %Y}",
        today.replace(day=1),
        False,
    )
    assert last.end == today.replace(day=1) - timedelta(days=1) and last.is_closed
    upcoming = Meeting.objects.filter(body__programme=programme, date__gt=today)
    assert upcoming.count() == 3
    years = SavingsLine.objects.filter(programme=programme).values_list("financial_year", flat=True)
    assert set(years) == {today.year if today.month >= 4 else today.year - 1}
    late = Milestone.objects.get(title="New council tax system live")
    assert late.planned_completion.earliest.month == (today.month - 2) % 12 + 1
    assert Risk.objects.filter(programme=programme, rag="red").count() == 2


def test_refused_where_demo_accounts_are_not_allowed(settings):
    settings.DEMO_USERS_ALLOWED = False
    with pytest.raises(CommandError, match="demo accounts"):
        call_command("load_demo_programme")
