from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from jobs.backup import BackupDamaged, restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by backup_site: EMPTIES the database, loads the backup's "
        "records and writes its files back. Run migrate first on a new server."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup", type=Path, help="The .tar.gz written by backup_site.")
        parser.add_argument(
            "--yes",
            action="store_true",
            help="Do not ask: everything in the database now is replaced.",
        )

    def handle(self, *args, backup, yes, **options):
        if not backup.is_file():
            raise CommandError(f"There is no file {backup}.")
        if not yes and input("Replace everything in the database? [y/N] ").lower() != "y":
            raise CommandError("Nothing restored.")
        try:
            summary = restore(backup)
        except BackupDamaged as damaged:
            raise CommandError(str(damaged)) from damaged
        self.stdout.write(f"Restored {summary.records} records and {summary.files} files.")
