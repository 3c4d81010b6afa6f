"""Guessing what each sheet holds: its kind of record, its rows of headings and the field each
column fills, each guess with the reason for it, for the user to confirm or correct.

The headings may be any of the first rows, and may run over two or three (a group heading, the
heading, a row of units): every window of up to three heading-like rows is tried, and the one
that names most fields wins (the shortest of equals). A sheet whose headings run down its first
column (one record a column) is read turned round. Only in this programme's own export is an
"ID" column our record's ID; in any other file it is the council's own reference.

A column's values are looked at too: a "Status" full of Red, Amber and Green is the RAG status;
a date column full of sentences, a service-area column of numbers or an amount column of words
is left out, with the reason.
"""

from exports.sheets import IMPORTABLE, SHEETS
from imports.books import SheetData
from imports.headings import combined, elsewhere, heading_like, is_unit_cell, unit_of, year_of
from imports.mapping import (
    EXPORT_ONLY,
    HEADING_ROWS_SEARCHED,
    HISTORY,
    KIND_LABELS,
    LEAVE_OUT,
    NAME_HINTS,
    OURS_ONLY,
    SheetMapping,
    column_name,
    column_values,
    field_index,
    heading_key,
    match_heading,
)
from imports.registers import description_as_title, read_scales, scale_said
from imports.values import is_blank, open_or_closed, rag_words_share, text, words

WINDOW = 3  # rows of headings read together, at most
TITLE_ROWS = 4  # rows above the headings read as the register's title
DATE_FIELDS = {
    "planned_start",
    "planned_completion",
    "forecast_completion",
    "actual_start",
    "actual_completion",
    "start",
    "due",
    "review_date",
}
# Fields of words: a column of them holding numbers holds something else (a rating after
# mitigation under a heading that says "Mitigation").
WORDS_FIELDS = {"moderating_factors", "lead_officer", "owner", "description"}
MONEY_FIELDS = {"savings": ("target", "forecast", "achieved"), "milestones": ("estimated_cost",)}


def guess_book(book, programme, *, kind: str | None = None) -> list[SheetMapping]:
    """The guessed mapping of every sheet of a book."""
    ours = book.ours(programme)
    return [guess_sheet(sheet, programme, kind=kind, ours=ours) for sheet in book.sheets]


def guess_sheet(
    sheet: SheetData,
    programme,
    *,
    kind: str | None = None,
    ours: bool = False,
    header_row: int | None = None,
) -> SheetMapping:
    """The kind of a sheet (unless ``kind`` is given), its headings (in ``header_row`` when the
    user says so) and each column's field. A sheet that matches nothing is mapped ``LEAVE_OUT``
    with a note saying why."""
    name_key = words(sheet.name)
    if kind is None and name_key in EXPORT_ONLY:
        return SheetMapping(
            sheet.name, LEAVE_OUT, notes=[f'"{sheet.name}" is exported for reading: not imported.']
        )
    if kind is None and name_key == words(SHEETS[HISTORY].title):
        kinds = [HISTORY]
    else:
        kinds = [kind] if kind is not None else list(IMPORTABLE)
    indexes = {candidate: _index(candidate, programme, ours) for candidate in kinds}
    best = _best_headings(sheet, indexes, name_key, header_row)
    if best is None and header_row is None and not ours:
        turned = sheet.turned()
        best = _best_headings(turned, indexes, name_key, None)
        if best is not None:
            mapping = _mapping(turned, best, programme, indexes)
            mapping.transposed = True
            mapping.notes.insert(
                0,
                "The headings run down the first column, one record a column: the sheet is "
                "read turned round, each column a row.",
            )
            return mapping
    if best is None:
        if header_row is not None and kind is not None:
            rows = [row for row in sheet.rows if row.number == header_row]
            if rows:
                return _mapping(sheet, (0, kind, rows), programme, indexes)
        wanted = KIND_LABELS[kind].lower() if kind else "milestones, risks, savings or actions"
        mapping = SheetMapping(sheet.name, LEAVE_OUT)
        mapping.notes.append(
            f"No row of headings for {wanted} was found in the first {HEADING_ROWS_SEARCHED} "
            f'rows of "{sheet.name}", so it is left out. The headings should name the columns, '
            "like Service Area, Milestone, Start Date, Completion Date."
        )
        return mapping
    return _mapping(sheet, best, programme, indexes)


def turned_if(sheet: SheetData, mapping: SheetMapping) -> SheetData:
    """The sheet as the mapping reads it: turned round when it holds one record a column."""
    return sheet.turned() if mapping.transposed else sheet


def _index(kind: str, programme, ours: bool) -> dict:
    index = field_index(kind, programme)
    if not ours:
        index = {key: found for key, found in index.items() if found[0] not in OURS_ONLY}
        index[heading_key("id")] = ("reference", 2)
    return index


def _windows(sheet: SheetData, header_row: int | None, depths):
    rows = sheet.rows[:HEADING_ROWS_SEARCHED]
    for start in range(len(rows)):
        for depth in depths:
            window = rows[start : start + depth]
            if len(window) < depth:
                break
            if header_row is not None and window[-1].number != header_row:
                continue
            if depth > 1 and not all(heading_like(row) for row in window):
                break
            yield window


def _best_headings(sheet, indexes, name_key, header_row):
    """(score, kind, rows of headings) of the row that names most fields; failing that, of
    the window of two or three rows that do together (none naming two alone), or None. A row
    of headings keeps the parts of its headings written in the rows just above and below it
    (a heading wrapped over two lines, pasted into two rows)."""
    best = _best_window(sheet, indexes, name_key, header_row, (1,))
    if best is None:
        return _best_window(sheet, indexes, name_key, header_row, range(2, WINDOW + 1))
    score, kind, window = best
    return score, kind, _with_parts(sheet, window, indexes[kind])


def _with_parts(sheet, window, index) -> list:
    """The row of headings with the rows just above and below it that hold the rest of its
    headings: short words only, fewer cells than the headings, at least one of them over or
    under a gap in the headings, and naming no field the headings lose."""
    heading = window[0]
    width = max(len(row.values) for row in sheet.rows[: HEADING_ROWS_SEARCHED + WINDOW])
    named = _fields_named(combined([heading], width), index)
    filled = _filled(heading)
    rows = list(window)
    for neighbour in (_row_next_to(sheet, heading, -1), _row_next_to(sheet, heading, 1)):
        if neighbour is None or not _part_of(neighbour, heading, filled):
            continue
        trial = sorted([*rows, neighbour], key=lambda row: row.number)
        if named <= _fields_named(combined(trial, width), index):
            rows = trial
    return rows


def _row_next_to(sheet, row, step: int):
    return next((other for other in sheet.rows if other.number == row.number + step), None)


def _filled(row) -> set[int]:
    return {i for i, value in enumerate(row.values) if not is_blank(value)}


def _part_of(row, heading, heading_cells: set[int]) -> bool:
    cells = _filled(row)
    if len(cells) < 2 or len(cells) >= len(heading_cells) or not cells - heading_cells:
        return False
    return all(
        isinstance(row.values[i], str)
        and len(row.values[i].split()) <= 3
        and not any(character.isdigit() for character in row.values[i])
        for i in cells
    )


def _best_window(sheet, indexes, name_key, header_row, depths):
    best = None
    for window in _windows(sheet, header_row, depths):
        width = max(len(row.values) for row in window)
        for candidate, index in indexes.items():
            found = _fields_named(combined(window, width), index)
            if len(window) > 1 and any(
                len(_fields_named(combined([row], width), index)) >= 2 for row in window
            ):
                continue  # a row that names fields alone is a row of headings alone
            named = _named_for(name_key, candidate) or _named_for(
                _title_above(sheet, window), candidate
            )
            score = len(found) + (2 if named else 0)
            if len(found) >= 2 and (best is None or score > best[0]):
                best = (score, candidate, window)
    return best


def _fields_named(headings, index) -> set:
    return {match_heading(h, index)[0] for h in headings if h} - {None, LEAVE_OUT}


def _title_above(sheet, window) -> str:
    """The words of the rows just above the headings: a register's title ("Draft Corporate
    Risk Register February 2016") says what it holds, as a sheet's name does."""
    above = [row for row in sheet.rows if row.number < window[0].number][-TITLE_ROWS:]
    return words(" ".join(text(value) for row in above for value in row.values[:1]))


def _named_for(name_key: str, kind: str) -> bool:
    return any(hint in name_key for hint in NAME_HINTS.get(kind, ()))


def _mapping(sheet, best, programme, indexes) -> SheetMapping:
    _, chosen, window = best
    following = [row for row in sheet.rows if row.number > window[-1].number][:1]
    if following and all(
        is_unit_cell(value) for value in following[0].values if not is_blank(value)
    ):
        window = [*window, following[0]]  # a row of units under the headings
    mapping = SheetMapping(sheet.name, chosen, header_row=window[-1].number)
    if len(window) > 1:
        mapping.header_start = window[0].number
    width = max(len(row.values) for row in sheet.rows[: HEADING_ROWS_SEARCHED + WINDOW])
    headings = combined(window, width)
    above = [text(v) for row in sheet.rows if row.number < window[0].number for v in row.values]
    _map_columns(mapping, sheet, headings, programme, indexes.get(chosen) or {})
    sheet_unit = next((unit for said in above if (unit := unit_of(said))), None)
    for position, name in mapping.fields.items():
        unit = unit_of(headings[position]) or sheet_unit
        if name in MONEY_FIELDS.get(mapping.kind, ()) and unit:
            mapping.units[position] = str(unit)
            mapping.reasons[position] += f" Amounts are in {_unit_words(unit)}."
    if mapping.kind == "risks":
        description_as_title(mapping)
    rows_above = [row for row in sheet.rows if row.number < window[0].number]
    read_scales(mapping, sheet, programme, scale_said(headings, rows_above))
    mapping.year = next(
        (year for said in [*above, sheet.name, *headings] if (year := year_of(said))), None
    )
    if len(window) > 1:
        first, last = window[0].number, window[-1].number
        mapping.notes.append(
            f"The headings run over rows {first} to {last}; they are read together."
        )
    if window[0].number > sheet.rows[0].number:
        mapping.notes.append(
            f"The headings are in row {window[0].number}; the rows above them are left out."
        )
    return mapping


def _unit_words(unit) -> str:
    return "thousands of pounds" if unit == 1000 else "millions of pounds"


def _map_columns(mapping: SheetMapping, sheet: SheetData, headings, programme, index) -> None:
    if not index:
        index = field_index(mapping.kind, programme)
    taken: dict[str, int] = {}  # field -> column
    below = column_values(sheet, mapping.header_row)
    labels = {column.key: column.heading(programme) for column in SHEETS[mapping.kind].columns}
    labels["service_area"] = programme.service_area_label
    titled = any(match_heading(heading, index)[0] == "title" for heading in headings if heading)
    for position, heading in enumerate(headings):
        mapping.headings[position] = heading
        mapping.fields[position] = LEAVE_OUT
        values = below.get(position, [])
        if not heading:
            if values:
                mapping.notes.append(
                    f"Column {column_name(position)} has no heading: it is left out unless you "
                    "choose a field for it."
                )
            continue
        name, strength, by = match_heading(heading, index)
        if name is None or name == LEAVE_OUT:
            why = elsewhere(heading)
            mapping.reasons[position] = f"Left out: {why}." if why else "Left out: not recognised."
            continue
        name, why = _by_values(mapping, name, values, programme)
        if not titled and "title" not in taken and _names_each_row(mapping, name, values):
            name, why = (
                "title",
                (
                    f"Read as {labels['title']}: no column is headed for it, and this one names "
                    "each row in words."
                ),
            )
        if name == "rag" and why:
            mapping.notes.append(
                f"Column {column_name(position, heading)} holds RAG ratings (Red, Amber, Green), "
                "so it is read as the RAG status."
            )
        if name is None:
            mapping.reasons[position] = f"Left out: {why}"
            continue
        if name in taken:
            first = taken[name]
            mapping.reasons[position] = (
                f"Left out: column {column_name(first)} already holds {labels.get(name, name)}."
            )
            same = heading_key(mapping.headings[first]) == heading_key(heading)
            why = "has the same heading as" if same else "looks like the same field as"
            mapping.notes.append(
                f"Column {column_name(position, heading)} {why} column "
                f"{column_name(first, mapping.headings[first])}: only column "
                f"{column_name(first)} is read. Choose a field for column "
                f"{column_name(position)} if it holds something else."
            )
            continue
        taken[name] = position
        mapping.fields[position] = name
        mapping.reasons[position] = why or _reason(heading, labels.get(name, name), strength, by)


def _reason(heading: str, label: str, strength: int, by: str) -> str:
    if strength >= 3:
        return f"Read as {label}: the heading is ours."
    if strength == 2:
        return f"Read as {label}: councils head it “{heading}”."
    return f"Read as {label}: the heading contains “{by}”."


def _by_values(mapping, name, values, programme) -> tuple[str | None, str]:
    """The field a column holds once its values are seen, and why when they decided it."""
    if not values:
        return name, ""
    said = [text(value) for value in values]
    openness = sum(_is_open_word(value) for value in values) / len(values)
    if name == "rag" and mapping.kind == "risks" and openness >= 0.6:
        return "is_open", "Read as Open or closed: it holds Open and Closed."
    if name == "status" and rag_words_share(values, programme) >= 0.6:
        return "rag", "Read as the RAG status: it holds Red, Amber and Green."
    if name == "status" and sum(len(s) > 60 for s in said) / len(said) >= 0.5:
        if mapping.kind == "milestones" and "comment" not in mapping.fields.values():
            return "comment", "Read as the comment: it holds sentences, not a status."
        if mapping.kind == "actions" and "note" not in mapping.fields.values():
            return "note", "Read as the note: it holds sentences, not a status."
        return None, "it holds sentences, not a status."
    if name in WORDS_FIELDS and sum(_numeric(value) for value in values) / len(values) >= 0.5:
        return None, "it holds numbers (a rating), not words."
    if name in DATE_FIELDS and sum(len(s) > 80 for s in said) / len(said) >= 0.5:
        return None, "it holds sentences, not dates."
    if name == "service_area" and sum(_numeric(value) for value in values) / len(values) >= 0.5:
        return None, "it holds numbers, not names."
    if (
        name in MONEY_FIELDS.get(mapping.kind, ())
        and sum(not any(c.isdigit() for c in s) for s in said) / len(said) >= 0.8
    ):
        return None, "it holds words, not amounts."
    return name, ""


def _names_each_row(mapping, name, values) -> bool:
    """Whether a stage or reference column of a milestones sheet is its titles: a stage
    different in every row ("Submission to Secretary of State"), or references in words."""
    if mapping.kind != "milestones" or name not in ("stage", "reference") or len(values) < 3:
        return False
    said = [text(value) for value in values]
    wordy = sum(len(s.split()) >= 3 for s in said) / len(said)
    if name == "stage":
        return len(set(map(words, said))) == len(said) and wordy >= 0.5
    return wordy >= 0.8


def _as_number(value) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(text(value))
    except ValueError:
        return None


def _numeric(value) -> bool:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return True
    return bool(text(value).replace("%", "").replace(".", "").replace(",", "").strip().isdigit())


def _is_open_word(value) -> bool:
    if words(text(value)) not in ("open", "closed", "live", "retired"):
        return False
    return open_or_closed(value) is not None
