"""One run of an import: every row of every mapped sheet, planned.

The run reads a "Date changes" sheet first (its moves wait on the milestones an import adds),
then each sheet of records through the importer of its kind (``kinds``). Rows that repeat the
headings are skipped; a milestone row that names no service area belongs to the one above it,
and a row that names only an area is the heading of the rows below it. Rows with IDs claim their
records first, so importing the same file twice never adds anything twice; the others then match
by what they say. Each row's plan carries the operation the commit applies.
"""

from exports.columns import WHOLE_PROGRAMME
from imports import values
from imports.books import Book, SheetData
from imports.cells import FAILED, RowCells
from imports.guessing import turned_if
from imports.headings import heading_like
from imports.history import read_history
from imports.kinds import KINDS
from imports.kinds.base import KindImport, Wanted
from imports.layout import (
    KEY,
    RUNNING_TEXT,
    SECTION,
    SKIPPED_WORDS,
    continues,
    row_kind,
    with_dittos,
)
from imports.mapping import (
    HISTORY,
    LEAVE_OUT,
    OURS_ONLY,
    SheetMapping,
    column_name,
    heading_key,
    problems,
)
from imports.names import Names, area_words
from imports.plans import CREATE, ERROR, UNCHANGED, UPDATE, Plan, Problem, RowPlan
from imports.translations import Translator
from imports.values import is_blank, words

PLACES_SHOWN = 5


class Run:
    """One preview (or the preview a commit applies, when ``by`` may be set)."""

    def __init__(self, programme, book: Book, mappings, resolutions, *, by=None, translations=None):
        self.programme = programme
        self.translator = Translator(programme, translations)
        self.book = book
        self.mappings = mappings
        self.by = by
        self.names = Names(programme, resolutions)
        # The moves a "Date changes" sheet records, by the file's milestone ID and date:
        # [(old, new, reason, when)], oldest first.
        self.history: dict[int, dict[str, list]] = {}
        self.result = Plan(book.file_name, book.sha256, mappings)
        # Rows that title a table whose headings are repeated under them, by sheet: row → words.
        self.table_titles: dict[str, dict[int, str]] = {}

    def reason(self, said: str) -> str:
        """The reason a date change made by this import carries."""
        said = " ".join(said.split())
        base = f"imported from {self.book.file_name}"
        return f"{base} ({said})" if said else base

    def plan(self) -> Plan:
        plan = self.result
        plan.notes.extend(self.book.notes)
        for mapping in self.mappings:
            for message in problems(mapping, self.programme):
                plan.problems.append(Problem(mapping.sheet, None, "", message))
        sheets = {sheet.name: sheet for sheet in self.book.sheets}
        for mapping in self.mappings:
            if mapping.kind == HISTORY and mapping.sheet in sheets:
                sheet = turned_if(sheets[mapping.sheet], mapping)
                self.history = read_history(self, sheet, mapping)
        importers: dict[str, KindImport] = {}
        for mapping in self.mappings:
            if mapping.kind in (LEAVE_OUT, HISTORY) or mapping.sheet not in sheets:
                continue
            if mapping.kind not in importers:
                importers[mapping.kind] = KINDS[mapping.kind](self)
            sheet = turned_if(sheets[mapping.sheet], mapping)
            self.plan_sheet(sheet, mapping, importers[mapping.kind])
        plan.unknown = list(self.names.unknown.values())
        for unknown in plan.unknown:
            if len(unknown.places) > PLACES_SHOWN:
                more = len(unknown.places) - PLACES_SHOWN
                unknown.places = [*unknown.places[:PLACES_SHOWN], f"and {more} more"]
        plan.new_names = list(self.names.new.values())
        plan.translated = list(self.translator.used.values())
        plan.translation_options = {
            name: self.translator.options(name) for name in {t.field for t in plan.translated}
        }
        # Offered from this run's reading of the programme's names, so the page reads them once.
        plan.choices = {unknown.what: self.names.choices(unknown.what) for unknown in plan.unknown}
        return plan

    def plan_sheet(self, sheet: SheetData, mapping: SheetMapping, importer: KindImport) -> None:
        rows = self.rows_of(sheet, mapping)
        ours = self.book.ours(self.programme)
        if not ours:
            for name in OURS_ONLY:
                index = mapping.column_of(name)
                if index is None:
                    continue
                mapping.notes.append(
                    f"Column {column_name(index, mapping.headings.get(index, ''))} is not read: "
                    "the tracker's IDs and versions are read only from this programme's own "
                    "export, and this file is not one."
                )
        carried_area, carried = "", False
        planned: list[tuple[RowPlan, RowCells, Wanted]] = []
        skipped: dict[str, list[int]] = {}
        above = None
        titles = self.table_titles.pop(mapping.sheet, {})
        for position, row in enumerate(rows):
            following = rows[position + 1] if position + 1 < len(rows) else None
            kind, said = row_kind(row, mapping, following)
            if row.number in titles:
                kind, said = SECTION, titles[row.number]
            elif skipped.get(KEY):
                kind = KEY  # the rows under "Key" are the key
            if kind:
                skipped.setdefault(kind, []).append(row.number)
                if kind == SECTION and importer.area_required:
                    carried_area = area_words(said)  # the area of the rows under it
                continue
            row, ditto_notes = with_dittos(row, above, mapping)
            if planned and continues(row, mapping):
                _carry_on(planned[-1], row, mapping)
                continue
            above = row  # the record row a ditto mark below repeats
            plan = RowPlan(
                sheet=sheet.name,
                row=row.number,
                notes=ditto_notes,
                cells=tuple(values.text(value) for value in row.values),
            )
            cells = RowCells(sheet, mapping, row, plan)
            wanted = Wanted()
            if ours:
                found = cells.read("id", values.record_id)
                wanted.record_id = found if isinstance(found, int) else None
                found = cells.read("version", values.version)
                wanted.version = found if isinstance(found, int) else None
            area_cell = cells.raw("service_area")
            area_written = "" if area_cell is FAILED else area_words(area_cell)
            if importer.area_required:
                # A milestone row that names no area belongs to the one above it.
                if area_written:
                    carried_area = area_written
                elif carried_area:
                    area_written, carried = carried_area, True
                if cells.mapped("service_area") and _only_area(cells):
                    continue  # a row naming the area of the rows below it
                area, need = self.names.area(area_written, cells.place)
                wanted.area, wanted.area_waiting = area, not cells.resolved(need)
            elif cells.mapped("service_area"):
                wanted.area_mapped = True
                if area_written and words(area_written) != words(WHOLE_PROGRAMME):
                    area, need = self.names.area(area_written, cells.place)
                    wanted.area, wanted.area_waiting = area, not cells.resolved(need)
            importer.read_reference(cells, wanted)
            importer.read(cells, wanted)
            planned.append((plan, cells, wanted))
        for kind, numbers in skipped.items():
            one, several = SKIPPED_WORDS[kind]
            said = f"is {one}" if len(numbers) == 1 else f"are {several}"
            mapping.notes.append(f"{_rows_words(numbers)} {said}: skipped.")
        if carried:
            label = self.programme.service_area_label.lower()
            mapping.notes.append(f"Rows that name no {label} belong to the one above them.")
        # Rows with an ID claim their records first; then the others match by what they say.
        for plan, cells, wanted in planned:
            self.match_by_id(plan, cells, wanted, importer)
        for plan, cells, wanted in planned:
            self.plan_row(plan, cells, wanted, importer)
            self.result.rows.append(plan)

    def rows_of(self, sheet: SheetData, mapping: SheetMapping) -> list:
        """The rows under the headings, less any that repeat the headings (a tracker printed
        as one table per area repeats them)."""
        headings = {
            index: heading_key(heading)
            for index, heading in mapping.headings.items()
            if mapping.fields.get(index) and heading
        }
        kept, repeated = [], []
        first = next(iter(headings.items()), None)
        # Headings over several rows, repeated above a second table: each of their rows (and
        # the heading-like rows just above them), compared in the columns read.
        heading_rows = [
            tuple(
                _cell_key(row, i) if mapping.fields.get(i) else "" for i in range(len(row.values))
            )
            for row in sheet.rows
            if mapping.header_start
            and _heading_block(sheet, mapping)[0] <= row.number <= mapping.header_row
        ]
        for row in sheet.rows:
            if row.number <= mapping.header_row:
                continue
            if heading_rows and _repeats_a_heading_row(row, heading_rows, mapping):
                repeated.append(row.number)
                continue
            if _repeats_headings(row, headings, first):
                repeated.append(row.number)
                _title_of_table(kept, row, self.table_titles.setdefault(mapping.sheet, {}))
                continue
            kept.append(row)

        if len(repeated) == 1:
            mapping.notes.append(f"Row {repeated[0]} repeats the headings: skipped.")
        elif repeated:
            shown = ", ".join(str(number) for number in repeated[:PLACES_SHOWN])
            if len(repeated) > PLACES_SHOWN:
                shown += f" and {len(repeated) - PLACES_SHOWN} more"
            mapping.notes.append(f"Rows {shown} repeat the headings: skipped.")
        return kept

    def match_by_id(self, plan: RowPlan, cells: RowCells, wanted: Wanted, importer) -> None:
        if wanted.record_id is None:
            return
        record = importer.records.get(wanted.record_id)
        if record is None:
            plan.notes.append(
                f"ID {wanted.record_id} is not a {importer.noun} of this programme, so the row "
                "is matched by what it says instead."
            )
        elif wanted.record_id in importer.claimed:
            cells.problem(
                "id",
                f"Row {importer.claimed[wanted.record_id]} has the same ID ({wanted.record_id}): "
                "a record can be updated from one row only.",
            )
        else:
            importer.claimed[wanted.record_id] = plan.row
            plan.record_id = record.pk

    def plan_row(self, plan: RowPlan, cells: RowCells, wanted: Wanted, importer) -> None:
        record = importer.records.get(plan.record_id) if plan.record_id else None
        if record is None and not plan.problems:
            for candidate in importer.candidates(wanted):
                if candidate.pk not in importer.claimed:
                    record = candidate
                    importer.claimed[candidate.pk] = plan.row
                    plan.record_id = candidate.pk
                    break
        importer.read_dates(cells, wanted, record)
        plan.label = wanted.label
        if plan.problems:
            plan.action = ERROR
            return
        if record is None:
            plan.action = CREATE
            reference = wanted.fields.get("reference")
            key = importer.wanted_key(wanted) if reference else None
            if key and any(other.pk not in importer.claimed for other in importer.by_key[key]):
                plan.notes.append(
                    f"A {importer.noun} with the same title has no reference {reference}, so "
                    "it is left as it is and this row is added."
                )
            if not plan.needs:
                importer.create(wanted, cells, plan)
        else:
            diffs = importer.differences(record, wanted)
            if not diffs:
                plan.action = UNCHANGED
                return
            if wanted.version is not None and wanted.version != record.version:
                cells.problem(
                    "version",
                    f"This {importer.noun} was changed in the tracker after the file was "
                    f"exported (it is at version {record.version}; the file has version "
                    f"{wanted.version}), and importing would overwrite that change. Export the "
                    "list again and make your changes in the new file.",
                )
                plan.action = ERROR
                return
            plan.action = UPDATE
            plan.changes = [
                importer.change_words(record, name, old, new, diffs) for name, old, new in diffs
            ]
            if not plan.needs:
                importer.update(record, wanted, diffs, cells, plan)
        if plan.problems:
            plan.action = ERROR
            plan.operation = None


def _rows_words(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"Row {numbers[0]}"
    shown = ", ".join(str(number) for number in numbers[:PLACES_SHOWN])
    if len(numbers) > PLACES_SHOWN:
        shown += f" and {len(numbers) - PLACES_SHOWN} more"
    return f"Rows {shown}"


def _carry_on(previous, row, mapping: SheetMapping) -> None:
    """A continuation row's text, added to the running text of the record above."""
    plan, _, wanted = previous
    for index, name in mapping.fields.items():
        value = row.values[index] if index < len(row.values) else None
        if name in RUNNING_TEXT and not is_blank(value) and name in wanted.fields:
            wanted.fields[name] = "\n".join(filter(None, [wanted.fields[name], values.text(value)]))
    plan.notes.append(f"Row {row.number} carries on this row's text: it is added here.")


def _heading_block(sheet: SheetData, mapping: SheetMapping) -> tuple[int, int]:
    """The rows of a sheet's headings over several rows, with the heading-like rows of two or
    more cells just above them ("2022/23 | Gross | Net" over "Savings | Savings")."""
    first = mapping.header_start
    numbers = {row.number: row for row in sheet.rows}
    while (above := numbers.get(first - 1)) is not None and heading_like(above):
        if sum(not is_blank(value) for value in above.values) < 2:
            break
        first -= 1
    return first, mapping.header_row


def _repeats_headings(row, headings, first) -> bool:
    # The first heading is checked alone first: it rules out nearly every row quickly.
    return bool(
        first
        and _cell_key(row, first[0]) == first[1]
        and all(_cell_key(row, index) == key for index, key in headings.items())
    )


def _title_of_table(kept: list, headings_row, titles: dict[int, str]) -> None:
    """A row with one cell just above repeated headings is the next table's title ("Potential
    New Risks"): a section heading, not a record."""
    if not kept or kept[-1].number != headings_row.number - 1:
        return
    cells = [value for value in kept[-1].values if not is_blank(value)]
    if len(cells) == 1 and isinstance(cells[0], str):
        titles[kept[-1].number] = " ".join(cells[0].split())


def _repeats_a_heading_row(row, heading_rows, mapping: SheetMapping) -> bool:
    keys = tuple(_cell_key(row, i) if mapping.fields.get(i) else "" for i in range(len(row.values)))
    return any(
        any(keys) and all(not key or (i < len(h) and h[i] == key) for i, key in enumerate(keys))
        for h in heading_rows
    )


def _cell_key(row, index: int) -> str:
    return heading_key(values.text(row.values[index] if index < len(row.values) else None))


def _only_area(cells: RowCells) -> bool:
    """A row that fills in only the service-area column: an area's name above its rows."""
    return all(
        name == "service_area" or is_blank(value)
        for name, value in (
            (name, cells.row.values[index] if index < len(cells.row.values) else None)
            for name, index in cells.cells.items()
        )
    )
