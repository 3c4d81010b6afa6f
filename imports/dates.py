"""Reading a row's fuzzy dates, with the moves a cell records.

A date has two columns in our export (the date, and the words it was written in) and one in a
council's tracker. The words say what was meant and come first; the date column alone is used
when the words are blank, or when the words are what the record already has but the date was
changed. A completion cell that records its moves ("January '10 Deadline extended to May '10")
gives the first date and each move after it, with the words of the move, for the importer to make
as date changes. Words that look like a date that does not exist are kept, undated, with a note.
"""

from dataclasses import dataclass
from datetime import date

from core import fuzzydates
from core.fuzzydates import FuzzyDate, Precision
from imports import values
from imports.cells import FAILED, RowCells
from imports.layout import dated_items_note
from imports.values import CellError, is_blank


@dataclass
class DateWanted:
    """A fuzzy date a row asks for: the first date written and each move after it, with the
    words of the move ("Deadline extended to"); ``keep`` when the row says what the record
    already has."""

    chain: list[tuple[FuzzyDate, str]]
    keep: bool = False

    @property
    def final(self) -> FuzzyDate:
        return self.chain[-1][0]


def same_date(a: FuzzyDate, b: FuzzyDate) -> bool:
    return (a.text.strip(), a.earliest, a.latest) == (b.text.strip(), b.earliest, b.latest)


def _within(day: date, value: FuzzyDate) -> bool:
    if not value.is_dated:
        return False
    return (value.earliest is None or value.earliest <= day) and (
        value.latest is None or day <= value.latest
    )


def _without_repeats(chain: list[tuple[FuzzyDate, str]]) -> list[tuple[FuzzyDate, str]]:
    kept = chain[:1]
    for step in chain[1:]:
        if not same_date(kept[-1][0], step[0]):
            kept.append(step)
    return kept


def read_date(cells: RowCells, name: str, existing: FuzzyDate | None, *, moves: bool, run):
    """What a row asks of one fuzzy date, from its date column and its words column: ``None``
    when neither is mapped, ``FAILED`` when a cell cannot be read.

    The words come first: they say what was meant. The date column alone is used when the words
    are blank, or when the words are what the record already has but the date was changed."""
    words_name = f"{name}_words"
    if not (cells.mapped(name) or cells.mapped(words_name)):
        return None
    day_cell = cells.raw(name)
    words_cell = cells.raw(words_name)
    if day_cell is FAILED or words_cell is FAILED:
        return FAILED
    quarters = run.programme.quarters
    day = None
    if not is_blank(day_cell):
        try:
            found, note = values.fuzzy(day_cell, quarters=quarters, epoch=run.book.epoch)
        except CellError as error:
            cells.problem(name, str(error))
            return FAILED
        if note:
            cells.plan.notes.append(f"Column {cells.column(name)}: {note}")
        if note or isinstance(day_cell, date):  # a real date, or one Excel kept as a number
            day = found.current.earliest
        elif is_blank(words_cell):  # words ("end July 2007", "TBC") in the date column
            words_cell, words_name = day_cell, name
    written = "" if is_blank(words_cell) else values.text(words_cell)
    if written:
        if existing is not None and values.same_text(written, existing.text):
            if day is not None and existing.is_dated and not _within(day, existing):
                cells.plan.notes.append(
                    f"Column {cells.column(name)}: the date was changed but not the words "
                    "beside it, so the date is used."
                )
                return DateWanted([(FuzzyDate.from_date(day), "")])
            return DateWanted([(existing, "")], keep=True)
        if not moves and (note := dated_items_note(cells.column(words_name), written, "record")):
            # Several dated items in one cell: words, never one of their dates.
            try:
                values.check_date_length(written)
            except CellError as error:
                cells.problem(words_name, str(error))
                return FAILED
            cells.plan.notes.append(note)
            return DateWanted([(FuzzyDate(written, None, None, Precision.UNDATED), "")])
        try:
            chain = _read_words(written, quarters=quarters, moves=moves)
        except CellError as error:
            cells.problem(words_name, str(error))
            return FAILED
        if day is not None and not _within(day, chain[-1][0]):
            # Words without a year ("Update on 12 July") take it from the date beside them.
            hinted = _read_words(written, quarters=quarters, moves=moves, year_hint=day.year)
            if _within(day, hinted[-1][0]):
                chain = hinted
            else:
                cells.plan.notes.append(
                    f"Column {cells.column(name)}: the date does not match the words beside "
                    f'it; the words "{written}" are used.'
                )
        if problem := next((d.problem for d, _ in chain if d.problem), ""):
            # Words that look like a date that does not exist: kept, undated, with a warning
            # (a web form would ask; an import cannot, and refusing the row would lose it).
            cells.plan.notes.append(
                f"Column {cells.column(words_name)}: {problem} The words are imported as they "
                "are, with no date: correct them in the file if a date was meant."
            )
        return DateWanted(chain)
    if day is not None:
        if existing is not None and existing.precision == "day" and existing.earliest == day:
            return DateWanted([(existing, "")], keep=True)
        return DateWanted([(FuzzyDate.from_date(day), "")])
    return DateWanted([(fuzzydates.parse(""), "")])


def _read_words(written: str, *, quarters: str, moves: bool, year_hint=None) -> list:
    """A date's words as the first date and each move after it (one date unless ``moves``)."""
    values.check_date_length(written)
    if not moves:
        return [(fuzzydates.parse(written, quarters=quarters, year_hint=year_hint), "")]
    found = fuzzydates.parse_slippage(written, quarters=quarters, year_hint=year_hint)
    chain = [(found.original, "")] + [(move.date, move.words) for move in found.changes]
    return _without_repeats(chain)


def date_words(value: FuzzyDate) -> str:
    return fuzzydates.format(value) or value.text or "no date"
