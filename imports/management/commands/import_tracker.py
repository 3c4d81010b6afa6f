from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from imports import guessing, importing, mapping, names
from imports.books import SpreadsheetError, max_bytes, megabytes
from imports.kinds import KINDS
from imports.names import BLANK, MATCH, NEW, Names, name_key
from imports.plans import CREATE, UNCHANGED, UPDATE
from imports.reading import read_book
from imports.values import words
from programmes.models import Programme

NAME_PREFIXES = {"area": names.AREA, "stage": names.STAGE, "person": names.PERSON}


class Command(BaseCommand):
    help = (
        "Import a tracker (.xlsx or .csv) into a programme, as the web import does: the columns "
        "are matched from their headings, every row is previewed, and everything is imported in "
        "one go or nothing is. Refuses to import while there are problems, or names the "
        "programme does not know, until --map says what to do with them; or, with "
        "--import-right-rows, imports the rows that are right and lists the others."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="The .xlsx or .csv file.")
        parser.add_argument(
            "--programme", required=True, metavar="SLUG", help="The programme to import into."
        )
        parser.add_argument(
            "--kind",
            choices=KINDS,
            help="What every sheet holds (default: worked out from each sheet's headings).",
        )
        parser.add_argument("--sheet", metavar="NAME", help="Import only this sheet.")
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            dest="maps",
            metavar='"HEADING=FIELD"',
            help='Say what a column holds: --map "Target=planned completion" (or "=ignore"). '
            'Also what an unknown name is: --map "area:Cust Contact=Customer Contact", '
            '"stage:Stage 3=(new)", "person:J Smith=(blank)".',
        )
        parser.add_argument(
            "--import-right-rows",
            action="store_true",
            dest="right_rows",
            help="Import the rows that are right and list the others (rows with a problem or "
            "an unknown name), as the web import does: the rows left out are recorded on the "
            "import, to download from the import history, put right and import again.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Show the preview and save nothing."
        )
        parser.add_argument(
            "--user", metavar="USERNAME", help="Whom the changes are recorded against."
        )

    def handle(
        self, *args, file, programme, kind, sheet, maps, right_rows, dry_run, user, **options
    ):
        found = Programme.objects.filter(slug=programme).first()
        if found is None:
            raise CommandError(f"There is no programme called {programme!r}.")
        by = None
        if user:
            by = get_user_model().objects.filter(username=user).first()
            if by is None:
                raise CommandError(f"There is no user called {user!r}.")
        book = self.read(Path(file))
        mappings = self.mappings(book, found, kind, sheet)
        resolutions = self.apply_map(maps, mappings, found)
        self.show_mappings(mappings, found)
        plan = importing.preview(
            programme=found, book=book, mappings=mappings, resolutions=resolutions
        )
        self.show_plan(plan, options["verbosity"])
        right_rows = right_rows and not plan.can_commit
        if not (plan.can_commit or (right_rows and plan.can_commit_right_rows)):
            raise CommandError(plan.refusal() + self.hint(plan))
        if right_rows:
            leaving = len(plan.rows_left_out)
            self.stdout.write(
                f"{leaving} row{'s' if leaving != 1 else ''} with a problem or an unknown name "
                f"will be left out; the other {len(plan.rows) - leaving} are imported."
            )
        if dry_run:
            self.stdout.write("Dry run: nothing was saved.")
            return
        try:
            record = importing.commit(
                programme=found,
                book=book,
                mappings=mappings,
                resolutions=resolutions,
                partial=right_rows,
                by=by,
            )
        except importing.ImportRefused as refused:
            raise CommandError(str(refused)) from refused
        left_out = len(record.left_out)
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {record.file_name}: {record.created} added, {record.updated} "
                f"updated, {record.unchanged} unchanged"
                + (
                    f"; {left_out} row{'s' if left_out != 1 else ''} left out, listed on the "
                    "import history to download, put right and import again."
                    if left_out
                    else "."
                )
            )
        )
        for row in record.left_out:
            self.stdout.write(
                f'  Left out: "{row["sheet"]}" row {row["row"]}: ' + " ".join(row["problems"])
            )

    # --- steps ---------------------------------------------------------------------------------

    def read(self, path: Path):
        try:
            size = path.stat().st_size
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from error
        if size > max_bytes():
            raise CommandError(
                f"{path} is {megabytes(size)}; the largest the tracker accepts is "
                f"{megabytes(max_bytes())}."
            )
        try:
            return read_book(path.read_bytes(), path.name)
        except SpreadsheetError as error:
            raise CommandError(f"{path.name}: {error} Nothing was imported.") from error

    def mappings(self, book, programme, kind, sheet):
        if sheet and book.sheet(sheet) is None:
            titles = ", ".join(f'"{s.name}"' for s in book.sheets)
            raise CommandError(f'There is no sheet called "{sheet}"; the sheets are {titles}.')
        found = []
        for data in book.sheets:
            if sheet and data.name != sheet:
                found.append(mapping.SheetMapping(data.name, mapping.LEAVE_OUT))
            else:
                found.append(
                    guessing.guess_sheet(data, programme, kind=kind, ours=book.ours(programme))
                )
        return found

    def apply_map(self, entries, mappings, programme) -> dict:
        """Column choices go into the mappings; name choices are returned as resolutions."""
        resolutions = {}
        known = Names(programme, {})
        for entry in entries:
            said, equals, target = entry.partition("=")
            if not equals:
                raise CommandError(f'--map "{entry}" should be "HEADING=FIELD" or "area:NAME=…".')
            prefix, colon, name = said.partition(":")
            if colon and prefix.strip().lower() in NAME_PREFIXES:
                what = NAME_PREFIXES[prefix.strip().lower()]
                resolutions[name_key(what, name.strip())] = self.resolution(
                    what, target.strip(), known
                )
                continue
            matched = False
            for sheet_mapping in mappings:
                if sheet_mapping.kind == mapping.LEAVE_OUT:
                    continue
                for index, heading in sheet_mapping.headings.items():
                    if mapping.heading_key(heading) != mapping.heading_key(said):
                        continue
                    field = mapping.find_field(sheet_mapping.kind, target, programme)
                    if field is None:
                        choices = ", ".join(
                            label
                            for _, label in mapping.field_choices(sheet_mapping.kind, programme)
                        )
                        raise CommandError(
                            f'"{target.strip()}" is not something a column of '
                            f'"{sheet_mapping.sheet}" can hold; choose one of: {choices}.'
                        )
                    sheet_mapping.fields[index] = field
                    matched = True
            if not matched:
                raise CommandError(f'No column is headed "{said.strip()}".')
        return resolutions

    def resolution(self, what: str, target: str, known: Names) -> str:
        if target.lower() == "(new)":
            return NEW
        if target.lower() == "(blank)":
            return BLANK
        for pk, label in known.choices(what):
            if words(label) == words(target) or words(label.split(",")[0]) == words(target):
                return f"{MATCH}{pk}"
        raise CommandError(
            f'The programme has no {names.NAME_WORDS[what]} called "{target}": give one it '
            'has, or "(new)" to create it' + (', or "(blank)".' if what != "area" else ".")
        )

    # --- output --------------------------------------------------------------------------------

    def show_mappings(self, mappings, programme):
        for sheet_mapping in mappings:
            if sheet_mapping.kind == mapping.LEAVE_OUT:
                self.stdout.write(f'Sheet "{sheet_mapping.sheet}": left out.')
            else:
                label = mapping.KIND_LABELS[sheet_mapping.kind].lower()
                self.stdout.write(
                    f'Sheet "{sheet_mapping.sheet}": {label}, headings in row '
                    f"{sheet_mapping.header_row}."
                )
                labels = dict(mapping.field_choices(sheet_mapping.kind, programme))
                for index, heading in sorted(sheet_mapping.headings.items()):
                    field = sheet_mapping.fields.get(index, mapping.LEAVE_OUT)
                    self.stdout.write(
                        f"  {mapping.column_name(index, heading)} → {labels.get(field, field)}"
                    )
            for note in sheet_mapping.notes:
                self.stdout.write(f"  {note}")

    def show_plan(self, plan, verbosity: int):
        for note in plan.notes:
            self.stdout.write(note)
        for problem in plan.problems:
            self.stdout.write(self.style.ERROR(str(problem)))
        for row in plan.rows:
            if row.action == UNCHANGED and verbosity < 2:
                continue
            line = f'"{row.sheet}" row {row.row}: {row.action_words} {row.label}'.rstrip()
            self.stdout.write(self.style.ERROR(line) if row.problems else line)
            for change in row.changes:
                self.stdout.write(f"    {change}")
            for problem in row.problems:
                self.stdout.write(
                    self.style.ERROR(f"    column {problem.column}: {problem.message}")
                )
            for note in row.notes:
                self.stdout.write(f"    {note}")
        for unknown in plan.unknown:
            self.stdout.write(
                self.style.WARNING(
                    f"{unknown.described} is not known ({'; '.join(unknown.places)})."
                )
            )
        counts = plan.counts
        self.stdout.write(
            f"{counts[CREATE]} to add, {counts[UPDATE]} to update, "
            f"{counts[UNCHANGED]} unchanged, {len(plan.all_problems)} problems, "
            f"{len(plan.unknown)} unknown names."
        )

    def hint(self, plan) -> str:
        if not plan.unknown:
            return " Put the problems right in the file and run the import again."
        prefixes = {what: prefix for prefix, what in NAME_PREFIXES.items()}
        lines = [" Say what each unknown name is with --map, for example:"]
        for unknown in plan.unknown:
            said = f"{prefixes[unknown.what]}:{unknown.name}"
            options = [f'"{said}={label.split(",")[0]}"' for _, label in unknown.suggestions[:1]]
            if unknown.can_create:
                options.append(f'"{said}=(new)"')
            if unknown.can_leave_blank:
                options.append(f'"{said}=(blank)"')
            if not unknown.suggestions:
                options.append(f'"{said}=NAME" (one the programme has)')
            lines.append("  --map " + " or ".join(options))
        return "\n".join(lines)
