"""Reminder e-mails to the people who have not yet written their update for the current
reporting period. Sent from the programme overview and by `manage.py send_update_reminders`."""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.urls import reverse

from dashboards.selectors import updates_due
from programmes.models import Programme


@dataclass
class ReminderResult:
    sent: list  # (person, area) pairs e-mailed
    no_email: list  # people named on an area who have no e-mail address


def send_update_reminders(*, programme: Programme, base_url: str | None = None) -> ReminderResult:
    base_url = (base_url or settings.SITE_URL).rstrip("/")
    areas = list(
        programme.service_areas.prefetch_related("roles__person").select_related("programme")
    )
    sent, no_email, messages = [], [], []
    for due in updates_due(areas):
        link = base_url + reverse(
            "programmes:service-area", kwargs={"programme": programme.slug, "pk": due.area.pk}
        )
        for person in dict.fromkeys(due.people):  # someone in two roles gets one e-mail
            if not person.email:
                no_email.append(person)
                continue
            body = render_to_string(
                "programmes/email/update_reminder.txt",
                {"person": person, "area": due.area, "period": due.period, "link": link},
            )
            subject = f"Update needed: {due.area.name}, {due.period.label}"
            messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, [person.email]))
            sent.append((person, due.area))
    send_mass_mail(messages, fail_silently=False)
    return ReminderResult(sent=sent, no_email=no_email)
