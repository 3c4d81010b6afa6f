from django.core.management.base import BaseCommand, CommandError

from dashboards.reminders import send_update_reminders
from programmes.models import Programme


class Command(BaseCommand):
    help = (
        "E-mail the people named on each service area that has no update yet for its "
        "programme's current reporting period. Run it on a schedule (e.g. weekly from cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "slugs", nargs="*", metavar="PROGRAMME", help="Programme slugs (default: all active)."
        )
        parser.add_argument(
            "--base-url", help="Start of the links in the e-mails (default: the SITE_URL setting)."
        )

    def handle(self, *args, slugs, base_url, **options):
        programmes = Programme.objects.filter(status=Programme.Status.ACTIVE)
        if slugs:
            programmes = Programme.objects.filter(slug__in=slugs)
            if missing := set(slugs) - set(programmes.values_list("slug", flat=True)):
                raise CommandError(f"No programme called {', '.join(sorted(missing))}.")
        for programme in programmes:
            result = send_update_reminders(programme=programme, base_url=base_url)
            self.stdout.write(f"{programme.slug}: {len(result.sent)} reminder(s) sent.")
            for person in result.no_email:
                self.stdout.write(f"  {person.name} has no e-mail address: not reminded.")
