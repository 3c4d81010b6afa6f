"""Simultaneous saves: none fails with an error page ("database is locked" on SQLite, a race
on the one update per period on PostgreSQL), and none is lost — each is saved, or refused with
the other person's work shown and this person's typing kept."""

import pytest
from django.urls import reverse

from milestones.models import Milestone, ProgressUpdate
from tests.core.tabs import Tab

from .conftest import at_once

pytestmark = [pytest.mark.parallel, pytest.mark.django_db(transaction=True)]

PEOPLE = 10


def test_people_saving_different_milestones_at_once_are_all_saved(programme_office):
    clients = programme_office.make_managers(PEOPLE)
    milestones = programme_office.milestones(PEOPLE)
    tabs = [
        Tab(client, reverse("milestones:edit", kwargs={"pk": m.pk})).open()
        for client, m in zip(clients, milestones, strict=True)
    ]

    results = at_once(
        [
            lambda tab=tab, n=n: tab.save(keep_form=False, comment=f"Saved by officer {n}")
            for n, tab in enumerate(tabs)
        ]
    )

    assert [getattr(r, "status_code", r) for r in results] == [302] * PEOPLE
    for n, milestone in enumerate(milestones):
        milestone.refresh_from_db()
        assert (milestone.comment, milestone.version) == (f"Saved by officer {n}", 2)
        assert milestone.history.first().history_user.username == f"officer{n}"


def test_people_saving_the_same_milestone_at_once_lose_nothing(programme_office):
    clients = programme_office.make_managers(PEOPLE)
    (milestone,) = programme_office.milestones(1)
    url = reverse("milestones:edit", kwargs={"pk": milestone.pk})
    tabs = [Tab(client, url).open() for client in clients]  # all opened at version 1

    results = at_once(
        [
            lambda tab=tab, n=n: tab.save(keep_form=False, comment=f"Comment {n}")
            for n, tab in enumerate(tabs)
        ]
    )

    codes = [getattr(r, "status_code", r) for r in results]
    assert sorted(codes) == [200] * (PEOPLE - 1) + [302]
    saved = codes.index(302)
    milestone.refresh_from_db()
    assert (milestone.comment, milestone.version) == (f"Comment {saved}", 2)
    for n, response in enumerate(results):
        if n != saved:  # refused, shown the saved comment, their own still in the form
            html = response.content.decode()
            assert f"is now “Comment {saved}”" in html
            assert f"Comment {n}</textarea>" in html


def test_ten_people_writing_the_same_periods_update_at_once_lose_nothing(programme_office):
    clients = programme_office.make_managers(PEOPLE)
    area = programme_office.area
    url = reverse(
        "programmes:area-update", kwargs={"programme": area.programme.slug, "pk": area.pk}
    )
    tabs = [Tab(client, url).open() for client in clients]  # nobody has seen an update yet

    results = at_once(
        [
            lambda tab=tab, n=n: tab.save(keep_form=False, text=f"Update from officer {n}")
            for n, tab in enumerate(tabs)
        ]
    )

    codes = [getattr(r, "status_code", r) for r in results]
    assert sorted(codes) == [200] * (PEOPLE - 1) + [302]  # no error page; one saved
    saved = codes.index(302)
    update = ProgressUpdate.objects.get(service_area=area, period=programme_office.period)
    assert update.text == f"Update from officer {saved}"
    assert update.history.count() == 1
    for n, response in enumerate(results):
        if n != saved:
            html = response.content.decode()
            assert f"Update is now “Update from officer {saved}”" in html
            assert f"Update from officer {n}</textarea>" in html

    # A refused writer, having seen it, may revise it; the first text stays in the history.
    late = next(n for n in range(PEOPLE) if n != saved)
    assert tabs[late].save(text=f"Update from officer {late}").status_code == 200  # shown it
    assert tabs[late].save().status_code == 302
    update.refresh_from_db()
    assert (update.text, update.version) == (f"Update from officer {late}", 2)
    assert sorted(update.history.values_list("text", flat=True)) == sorted(
        [f"Update from officer {saved}", f"Update from officer {late}"]
    )


def test_milestones_are_still_readable_while_others_save(programme_office):
    clients = programme_office.make_managers(4)
    milestones = programme_office.milestones(2)
    writer_tabs = [
        Tab(client, reverse("milestones:edit", kwargs={"pk": m.pk})).open()
        for client, m in zip(clients[:2], milestones, strict=True)
    ]
    detail = reverse("milestones:detail", kwargs={"pk": milestones[0].pk})

    results = at_once(
        [
            lambda: writer_tabs[0].save(keep_form=False, comment="One"),
            lambda: writer_tabs[1].save(keep_form=False, comment="Two"),
            lambda: clients[2].get(detail),
            lambda: clients[3].get(detail),
        ]
    )

    assert [getattr(r, "status_code", r) for r in results] == [302, 302, 200, 200]
    assert sorted(Milestone.objects.values_list("comment", flat=True)) == ["One", "Two"]
