from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from seeds import large


class Command(BaseCommand):
    help = (
        "Create a large programme for measuring the pages (scripts/benchmark_pages.py): twenty "
        "service areas, the given number of milestones with comments and slipped dates, a year "
        "of accepted progress updates, risks, savings and meetings. Bulk-created in seconds."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--milestones", type=int, default=10_000, help="How many milestones (10,000)."
        )
        parser.add_argument(
            "--slug", default=large.SLUG, help=f"The programme's address ({large.SLUG})."
        )
        parser.add_argument(
            "--manager",
            action="append",
            default=[],
            metavar="USERNAME",
            help="A login to give manager access (may be repeated).",
        )

    def handle(self, *args, milestones, slug, manager, **options):
        if milestones < 1:
            raise CommandError("--milestones must be at least 1.")
        users = list(get_user_model().objects.filter(username__in=manager))
        missing = set(manager) - {user.username for user in users}
        if missing:
            raise CommandError(f"No such login: {', '.join(sorted(missing))}.")
        try:
            made = large.make_large_programme(milestones=milestones, slug=slug, managers=users)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"{slug}: {made.milestones:,} milestones, {made.date_changes:,} moved dates, "
                f"{made.updates:,} progress updates."
            )
        )
