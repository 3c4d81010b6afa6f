import shutil
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from exports import workbook as export
from programmes.models import Programme


class Command(BaseCommand):
    help = (
        "Write a programme to an Excel workbook: a sheet for each list (milestones and their "
        "date changes, risks, savings, budget, actions, meetings) and one explaining each column. "
        "The same workbook as the programme's \u201cDownload as Excel\u201d link."
    )

    def add_arguments(self, parser):
        parser.add_argument("programme", metavar="PROGRAMME_SLUG", help="The programme's slug.")
        parser.add_argument(
            "--output",
            "-o",
            metavar="FILE.xlsx",
            help="Where to write the workbook (default: SLUG-programme-DATE.xlsx here).",
        )

    def handle(self, *args, programme, output, **options):
        found = Programme.objects.filter(slug=programme).first()
        if found is None:
            raise CommandError(f"There is no programme called {programme!r}.")
        target = Path(output or export.file_name(found, "programme"))
        if target.suffix.lower() != ".xlsx":
            raise CommandError(f"{target} should end in .xlsx: the workbook is an Excel file.")
        workbook = export.write_programme(found)
        try:
            with target.open("wb") as written:
                shutil.copyfileobj(workbook, written)
        except OSError as error:
            raise CommandError(f"Could not write {target}: {error.strerror}.") from error
        finally:
            workbook.close()
        self.stdout.write(f"Wrote {found.name} to {target}.")
