from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from jobs.backup import backup


class Command(BaseCommand):
    help = (
        "Back up the database and every stored file (issued packs, logos, uploads, job "
        "results) into one .tar.gz; restore it with restore_site."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="Where to write it (default: var/backups/tracker-<date and time>.tar.gz).",
        )

    def handle(self, *args, output, **options):
        if output is None:
            output = Path("var/backups") / f"tracker-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
        output.parent.mkdir(parents=True, exist_ok=True)
        summary = backup(output)
        self.stdout.write(f"{output}: {summary.records} records and {summary.files} files.")
