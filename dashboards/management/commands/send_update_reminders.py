from datetime import date

from django.core.management.base import BaseCommand, CommandError

from dashboards.digest import send_digests
from dashboards.reminders import send_update_reminders
from jobs.models import Job
from jobs.services import JobBusy, job_start
from programmes.models import Programme


class Command(BaseCommand):
    help = (
        "Chase the updates each programme's current reporting period still owes: e-mail the "
        "people named on each area a reminder before the day updates are due, the day after, "
        "then weekly (dashboards/reminders.py), never the same one twice. On Mondays (or with "
        "--digest) also send managers who want it the weekly digest. Run it every weekday "
        "from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "slugs", nargs="*", metavar="PROGRAMME", help="Programme slugs (default: all active)."
        )
        parser.add_argument(
            "--base-url", help="Start of the links in the e-mails (default: the SITE_URL setting)."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="List what would be sent; send nothing."
        )
        parser.add_argument(
            "--digest", action="store_true", help="Send the weekly digest whatever the day."
        )
        parser.add_argument(
            "--today", type=date.fromisoformat, help="Act as if today were this day (YYYY-MM-DD)."
        )
        parser.add_argument(
            "--in-background",
            action="store_true",
            help="Queue each programme's reminders as a job for the worker (shown on its page).",
        )

    def handle(self, *args, slugs, base_url, dry_run, digest, today, in_background, **options):
        programmes = Programme.objects.filter(status=Programme.Status.ACTIVE)
        if slugs:
            programmes = Programme.objects.filter(slug__in=slugs)
            if missing := set(slugs) - set(programmes.values_list("slug", flat=True)):
                raise CommandError(f"No programme called {', '.join(sorted(missing))}.")
        verb = "would be sent" if dry_run else "sent"
        if in_background and (dry_run or today):
            raise CommandError("--in-background sends today's reminders: no --dry-run or --today.")
        for programme in programmes:
            if in_background:
                self.queue(programme, base_url)
            else:
                result = send_update_reminders(
                    programme=programme, base_url=base_url, today=today, dry_run=dry_run
                )
                self.stdout.write(f"{programme.slug}: {len(result.sent)} reminder(s) {verb}.")
                for reminder in result.sent:
                    self.stdout.write(
                        f"  {reminder.kind}: {reminder.person.name} <{reminder.person.email}>, "
                        f"{reminder.area.name}, {reminder.period.label}"
                    )
                for person in result.no_email:
                    self.stdout.write(f"  {person.name} has no e-mail address: not reminded.")
            if digest or (today or date.today()).weekday() == 0:
                digests = send_digests(
                    programme=programme, base_url=base_url, today=today, dry_run=dry_run
                )
                self.stdout.write(f"{programme.slug}: {len(digests.sent)} digest(s) {verb}.")
                for person in digests.sent:
                    self.stdout.write(f"  digest: {person.name} <{person.email}>")
                for person in digests.no_email:
                    self.stdout.write(f"  {person.name} has no e-mail address: no digest.")

    def queue(self, programme, base_url) -> None:
        try:
            job = job_start(
                kind=Job.Kind.REMINDERS,
                programme=programme,
                by=None,
                params={"base_url": base_url},
                lock_key=f"reminders:{programme.pk}",
            )
        except JobBusy as busy:
            job = busy.job
        self.stdout.write(f"{programme.slug}: reminders {job.get_status_display().lower()}.")
