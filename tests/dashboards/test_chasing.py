"""Chasing updates: reminders before and after the day they are due, never sent twice, the
returned update's comment quoted; the managers' weekly digest; opt-out; people without an
e-mail address skipped and named."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from dashboards.digest import send_digests
from dashboards.models import ChaseEmail
from dashboards.reminders import reminder_kind, send_update_reminders
from milestones.models import DateChange
from programmes.models import Person
from tests.update_cycle import send_back, submitted, user

pytestmark = pytest.mark.django_db

DUE = date(2010, 3, 31)
SITE = "https://tracker.example.gov.uk"


@pytest.fixture
def phil(hr, march):
    march.updates_due = DUE
    march.save()
    person = Person.objects.get(name="Phil Badley")
    person.email = "phil.badley@stockport.gov.uk"
    person.save()
    return person


def chase(hr, today, **kwargs):
    return send_update_reminders(programme=hr.programme, base_url=SITE, today=today, **kwargs)


def to_phil():
    return [m for m in mail.outbox if m.to == ["phil.badley@stockport.gov.uk"]]


@pytest.mark.parametrize(
    "today, kind",
    [
        (DUE - timedelta(days=4), None),
        (DUE - timedelta(days=3), "before"),
        (DUE, "before"),
        (DUE + timedelta(days=1), "overdue 1"),
        (DUE + timedelta(days=7), "overdue 1"),
        (DUE + timedelta(days=8), "overdue 2"),
        (DUE + timedelta(days=15), "overdue 3"),
    ],
)
def test_which_reminder_is_due_by_date(today, kind):
    assert reminder_kind(DUE, today) == kind


def test_no_due_day_no_scheduled_reminder():
    assert reminder_kind(None, DUE) is None


def test_reminder_before_the_due_day_names_the_day_and_links_to_the_update_page(hr, phil):
    chase(hr, DUE - timedelta(days=2))
    [message] = to_phil()
    assert message.subject == "Update needed: Transactional HR, March 2010"
    link = SITE + reverse(
        "programmes:area-update", kwargs={"programme": hr.programme.slug, "pk": hr.pk}
    )
    assert link in message.body
    assert "it is due on 31 March 2010" in message.body
    assert "Dear Phil Badley" in message.body


def test_second_run_sends_nothing_and_the_next_week_sends_again(hr, phil):
    chase(hr, DUE + timedelta(days=1))
    assert [m.subject for m in to_phil()] == ["Update overdue: Transactional HR, March 2010"]
    assert "it was due on 31 March 2010" in to_phil()[0].body
    chase(hr, DUE + timedelta(days=2))
    assert len(to_phil()) == 1
    assert (
        ChaseEmail.objects.filter(person=phil, kind="overdue 1", period__label="March 2010").count()
        == 1
    )
    chase(hr, DUE + timedelta(days=8))
    assert len(to_phil()) == 2


def test_returned_update_reminder_says_so_and_quotes_the_comment(hr, march, phil):
    record = submitted(hr, march, user("champion"))
    send_back(record, comment="Say what slipped in Bury.")
    chase(hr, DUE + timedelta(days=1))
    [message] = to_phil()
    assert message.subject == "Update returned: Transactional HR, March 2010"
    assert "has returned the update for Transactional HR (March 2010)" in message.body
    assert '"Say what slipped in Bury."' in message.body


def test_submitted_update_is_not_chased(hr, march, phil):
    submitted(hr, march, user("champion"))
    chase(hr, DUE + timedelta(days=1))
    assert to_phil() == []


def test_dry_run_sends_and_records_nothing_but_lists_it(hr, phil, capsys):
    call_command("send_update_reminders", hr.programme.slug, "--dry-run", "--today", "2010-04-01")
    out = capsys.readouterr().out
    assert "reminder(s) would be sent" in out
    assert (
        "overdue 1: Phil Badley <phil.badley@stockport.gov.uk>, Transactional HR, March 2010" in out
    )
    assert mail.outbox == [] and not ChaseEmail.objects.exists()


def test_people_without_an_address_are_skipped_and_named(hr, phil, capsys):
    result = chase(hr, DUE + timedelta(days=1))
    names = {p.name for p in result.no_email}
    assert "Martin Vickers" in names
    assert all(m.to != [""] for m in mail.outbox)
    call_command("send_update_reminders", hr.programme.slug, "--today", "2010-04-01")
    assert "Martin Vickers has no e-mail address: not reminded." in capsys.readouterr().out


def test_overview_says_who_has_no_address(manager_client, hr, phil):
    html = manager_client.get(
        reverse("programmes:overview", kwargs={"programme": hr.programme.slug})
    ).content.decode()
    assert "Martin Vickers (no e-mail address)" in html
    assert "Phil Badley (no e-mail address)" not in html


def test_button_still_sends_whatever_the_day_and_records_it(manager_client, hr, phil):
    manager_client.post(
        reverse("programmes:send-reminders", kwargs={"programme": hr.programme.slug})
    )
    assert len(to_phil()) == 1
    assert ChaseEmail.objects.filter(person=phil, kind="on request").exists()


# --- The weekly digest --------------------------------------------------------------------------


@pytest.fixture
def manager_person(hr):
    person = Person.objects.create(
        name="Mary Manager", email="mary@agma.gov.uk", user=user("manager")
    )
    return person


def test_digest_lists_who_has_not_updated_what_slipped_and_what_turned_red(
    hr, stage_0_1, manager_person, phil
):
    today = timezone.localdate()
    DateChange.objects.create(
        milestone=stage_0_1,
        field=DateChange._meta.get_field("field").choices[0][0],
        old_text="Mar 2010",
        new_text="Jun 2010",
        reason="Consultation extended.",
        direction="later",
    )
    stage_0_1.rag = "red"
    stage_0_1.save()
    result = send_digests(programme=hr.programme, base_url=SITE, today=today)
    assert result.sent == [manager_person]
    [message] = [m for m in mail.outbox if m.to == ["mary@agma.gov.uk"]]
    assert message.subject.startswith(hr.programme.name + ": the week to")
    assert "NOT YET UPDATED" in message.body and "Transactional HR (not started" in message.body
    assert "Stage 0-1" in message.body and "Reason: Consultation extended." in message.body
    assert "- Transactional HR: Stage 0-1 (milestone)" in message.body
    assert (
        SITE + reverse("programmes:overview", kwargs={"programme": hr.programme.slug})
        in message.body
    )
    # Sent once a week.
    send_digests(programme=hr.programme, base_url=SITE, today=today)
    assert len([m for m in mail.outbox if m.to == ["mary@agma.gov.uk"]]) == 1


def test_digest_opt_out_and_no_address(hr, manager_person):
    manager_person.wants_digest = False
    manager_person.save()
    assert send_digests(programme=hr.programme, base_url=SITE).sent == []
    manager_person.wants_digest = True
    manager_person.email = ""
    manager_person.save()
    result = send_digests(programme=hr.programme, base_url=SITE)
    assert result.sent == [] and result.no_email == [manager_person]
    assert mail.outbox == []


def test_manager_turns_the_digest_off_on_the_person_page(manager_client, hr, manager_person):
    url = reverse("people:person", kwargs={"programme": hr.programme.slug, "pk": manager_person.pk})
    assert "Send the weekly digest" in manager_client.get(url).content.decode()
    data = {
        "name": "Mary Manager",
        "email": "mary@agma.gov.uk",
        "version": manager_person.version,
    }  # the box left unticked
    manager_client.post(url, data)
    manager_person.refresh_from_db()
    assert manager_person.wants_digest is False
    assert send_digests(programme=hr.programme, base_url=SITE).sent == []
