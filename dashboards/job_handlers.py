"""Reminder runs in the background: the overview's button (everyone listed, now) and the
scheduled run (``send_update_reminders --queue``: what the rule says is due today)."""

from jobs.models import Job
from jobs.registry import JobRefused, Outcome, handler
from programmes.rights import Rights

from .reminders import send_update_reminders


def reminder_words(result) -> str:
    sent = len(result.sent)
    words = f"{sent} reminder e-mail{'s' if sent != 1 else ''} sent."
    if result.no_email:
        names = ", ".join(sorted({person.name for person in result.no_email}))
        words += f" No e-mail address for {names}: they were not reminded."
    return words


@handler(Job.Kind.REMINDERS)
def send_reminders(job: Job, progress) -> Outcome:
    on_request = job.params.get("on_request", False)
    if on_request and not Rights.of(job.requested_by).can_manage_programme(job.programme):
        raise JobRefused("Only this programme's managers can e-mail reminders to its people.")
    progress("E-mailing the people whose updates are owed", 0, 1)
    result = send_update_reminders(
        programme=job.programme, base_url=job.params.get("base_url"), on_request=on_request
    )
    return Outcome(summary=reminder_words(result))
