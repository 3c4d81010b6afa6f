"""Chasing the updates a reporting period still owes: reminder e-mails to the people named on
each area whose update is not started, a draft, or returned. One rule for when they go, used
by `manage.py send_update_reminders` (daily from cron) and the overview's button:

- none until the period has a day updates are due (nothing to chase against);
- one "before" reminder from ``BEFORE_DAYS`` days before that day up to the day itself;
- one "overdue 1" from the day after, then one more each further week late ("overdue 2"
  from 8 days late, "overdue 3" from 15…): a run missed at the weekend catches up on Monday
  without sending the week's reminder twice.

Every e-mail sent is recorded (``ChaseEmail``), so a second run the same day sends nothing.
People without an e-mail address are never sent anything; they are listed so the page can
say who they are."""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from dashboards.models import ChaseEmail
from dashboards.selectors import updates_due
from milestones.models import AreaUpdate, UpdateStep
from programmes.models import Programme

BEFORE_DAYS = 3
ON_REQUEST = "on request"


def reminder_kind(due_day: date | None, today: date) -> str | None:
    """Which scheduled reminder is due ``today`` for a period whose updates are due on
    ``due_day``; None when none is."""
    if due_day is None:
        return None
    days_late = (today - due_day).days
    if days_late < -BEFORE_DAYS:
        return None
    if days_late <= 0:
        return "before"
    return f"overdue {(days_late - 1) // 7 + 1}"


@dataclass
class Reminder:
    person: object
    area: object
    period: object
    kind: str
    subject: str
    body: str


@dataclass
class ReminderResult:
    sent: list = field(default_factory=list)  # Reminder, e-mailed (or would be: dry run)
    no_email: list = field(default_factory=list)  # people named on an area with no address


def _returned_comments(records) -> dict[int, str]:
    """The comment of each returned update's latest return, by update."""
    steps = UpdateStep.objects.filter(
        area_update__in=[r for r in records if r.status == AreaUpdate.Status.RETURNED],
        kind=UpdateStep.Kind.RETURNED,
    ).order_by("at", "pk")
    return {step.area_update_id: step.comment for step in steps}


def send_update_reminders(
    *,
    programme: Programme,
    base_url: str | None = None,
    today: date | None = None,
    on_request: bool = False,
    dry_run: bool = False,
) -> ReminderResult:
    """Remind the people of each area that still owes its update. ``on_request``: a manager
    pressed the button, so everyone listed is e-mailed now whatever the day; otherwise only
    the reminder the rule says is due, and only once."""
    base_url = (base_url or settings.SITE_URL).rstrip("/")
    today = today or timezone.localdate()
    areas = list(
        programme.service_areas.prefetch_related("roles__person").select_related("programme")
    )
    owed = updates_due(areas)
    comments = _returned_comments([due.record for due in owed if due.record])
    already = set(
        ChaseEmail.objects.filter(programme=programme, service_area__isnull=False).values_list(
            "person_id", "service_area_id", "period_id", "kind"
        )
    )
    result, no_email = ReminderResult(), {}
    for due in owed:
        kind = ON_REQUEST if on_request else reminder_kind(due.period.updates_due, today)
        if kind is None:
            continue
        link = base_url + reverse(
            "programmes:area-update", kwargs={"programme": programme.slug, "pk": due.area.pk}
        )
        returned = due.record is not None and due.record.status == AreaUpdate.Status.RETURNED
        for person in dict.fromkeys(due.people):  # someone in two roles gets one e-mail
            if not person.email:
                no_email.setdefault(person.pk, person)
                continue
            if (person.pk, due.area.pk, due.period.pk, kind) in already:
                continue
            context = {
                "person": person,
                "area": due.area,
                "period": due.period,
                "link": link,
                "overdue": kind.startswith("overdue"),
                "returned": returned,
                "comment": comments.get(due.record.pk, "") if returned else "",
            }
            body = render_to_string("programmes/email/update_reminder.txt", context)
            subject = (
                f"Update returned: {due.area.name}, {due.period.label}"
                if returned
                else f"Update {'overdue' if context['overdue'] else 'needed'}: "
                f"{due.area.name}, {due.period.label}"
            )
            result.sent.append(Reminder(person, due.area, due.period, kind, subject, body))
    result.no_email = list(no_email.values())
    if not dry_run:
        _send(programme, result.sent)
    return result


def _send(programme, reminders: list[Reminder]) -> None:
    send_mass_mail(
        [(r.subject, r.body, settings.DEFAULT_FROM_EMAIL, [r.person.email]) for r in reminders],
        fail_silently=False,
    )
    ChaseEmail.objects.bulk_create(
        ChaseEmail(
            person=r.person,
            programme=programme,
            service_area=r.area,
            period=r.period,
            kind=r.kind,
            email=r.person.email,
        )
        for r in reminders
    )
