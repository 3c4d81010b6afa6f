"""Slippage: whether a date moved, which way, and the phrases committee reports print for it.

This module is the one home of those rules. Web pages, the service that records moves, the
spreadsheet import and export, the "what changed since the last report" summary and the PDFs
all call it, so they cannot disagree.

A date moves when its MEANING changes (earliest day, latest day, precision), never its words
alone: "Mar 2010" rewritten "March 2010" is the same date, so it needs no reason and leaves no
``DateChange`` (the new words are still saved). Which way it moved is judged on the deadline: the
latest day it can mean (the first day, for "from April 2010"):

- later: "Dec 2009, extended to Mar 2010, extended to Jun 2010";
- earlier: "Mar 2010, brought forward to Feb 2010";
- changed: the move cannot be put in order ("TBC, changed to Jan 2010"), or the deadline stayed
  where it was and only the span around it changed ("Q1 2010, changed to Mar 2010").

A date with no date of its own may stand for another, its ``baseline``: a milestone with no
forecast is forecast to finish as planned, so its first forecast is compared with the plan. A
first forecast later than the plan is "as planned, extended to Jun 2010".

Dates are written in report style by ``fuzzydates.format``, or, ``as_written``, in the words
their author used ("January '10, Deadline extended to May '10"): a move's reason that ends with
its own verb ("Deadline extended") is the author's phrase for it and stands in for the verb.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from core import fuzzydates
from core.fuzzydates import FuzzyDate

LATER = "later"
EARLIER = "earlier"
CHANGED = "changed"
SAME = "same"  # only the words changed; recorded as a move only by older versions

EXTENDED = "extended to"
BROUGHT_FORWARD = "brought forward to"
CHANGED_TO = "changed to"

VERBS = {LATER: EXTENDED, EARLIER: BROUGHT_FORWARD, CHANGED: CHANGED_TO, SAME: "reworded as"}
# Beside a move's new date on the pages, and in the export: "Jun 2010 (later)".
LABELS = {LATER: "later", EARLIER: "earlier", CHANGED: "changed", SAME: "same date, reworded"}
AS_PLANNED = "as planned"  # where a first forecast started from: the plan


def same_meaning(a: FuzzyDate, b: FuzzyDate) -> bool:
    """Whether two dates mean the same, whatever their words."""
    return (a.earliest, a.latest, a.precision) == (b.earliest, b.latest, b.precision)


def _deadline(value: FuzzyDate):
    return value.latest if value.latest is not None else value.earliest


def direction(old: FuzzyDate, new: FuzzyDate, *, baseline: FuzzyDate | None = None) -> str:
    """Which way a date went from ``old`` to ``new``: LATER, EARLIER, CHANGED, or SAME when it
    did not move. ``baseline`` stands in for an ``old`` with no date (the plan, for a first
    forecast)."""
    if not (old.is_dated or new.is_dated):
        return SAME  # words for words ("TBC" to "Ongoing"): still no date
    before = old if old.is_dated or baseline is None else baseline
    if same_meaning(before, new):
        return SAME
    if not (before.is_dated and new.is_dated):
        return CHANGED
    if _deadline(new) > _deadline(before):
        return LATER
    if _deadline(new) < _deadline(before):
        return EARLIER
    return CHANGED


def has_moved(old: FuzzyDate, new: FuzzyDate, *, baseline: FuzzyDate | None = None) -> bool:
    """Whether changing ``old`` to ``new`` moves the date (and so needs a reason and is kept in
    the date's history), rather than only rewording it."""
    return direction(old, new, baseline=baseline) != SAME


def move_verb(old: FuzzyDate, new: FuzzyDate, *, baseline: FuzzyDate | None = None) -> str:
    """The words of a move: "extended to", "brought forward to" or "changed to"."""
    return VERBS[direction(old, new, baseline=baseline)]


def date_words(value: FuzzyDate | None, *, as_written: bool = False) -> str:
    """A date in report style; its own words when it has no date we can read, or when
    ``as_written``."""
    if value is None:
        return ""
    if as_written and value.text:
        return value.text
    return fuzzydates.format(value) or value.text


@dataclass(frozen=True)
class Move:
    """One move of a date, as a DateChange records it. ``recorded`` is the direction recorded
    with it (judged when it was made, against the plan for a first forecast); without one it is
    worked out from the two dates."""

    old: FuzzyDate
    new: FuzzyDate
    reason: str = ""
    recorded: str = ""

    @property
    def direction(self) -> str:
        return self.recorded or direction(self.old, self.new)

    @property
    def verb(self) -> str:
        return VERBS[self.direction]

    @property
    def origin(self) -> str:
        """Where the move started, in words: a date, "as planned" (a first forecast compared
        with the plan), or "no date"."""
        if words := date_words(self.old):
            return words
        return AS_PLANNED if self.direction in (LATER, EARLIER) else "no date"

    @property
    def destination(self) -> str:
        if self.direction == SAME:  # a rewording: its words are what changed
            return f"“{self.new.text}”"
        return date_words(self.new) or "no date"

    def __str__(self) -> str:
        """ "Dec 2009, extended to Mar 2010"; "Mar 2010, reworded as “March 2010”"."""
        return f"{self.origin}, {self.verb} {self.destination}"

    def written(self) -> str:
        """The move in its author's words: "Deadline extended to May '10" when the reason
        ends with the verb, else "extended to May '10"; each date as written."""
        destination = (
            date_words(self.new, as_written=True) or "no date"
            if self.direction != SAME
            else self.destination
        )
        reason = self.reason.strip().rstrip(".")
        verb_word = self.verb.split()[0]
        if reason and reason.lower().split()[-1] == verb_word:
            return f"{reason} to {destination}"
        return f"{self.verb} {destination}"


def change_words(old: FuzzyDate, new: FuzzyDate, *, baseline: FuzzyDate | None = None) -> str:
    """A change of a date in words, moved or only reworded: "Dec 2009, extended to Mar 2010"."""
    return str(Move(old, new, recorded=direction(old, new, baseline=baseline)))


def phrase(current: FuzzyDate, moves: Iterable[Move], *, as_written: bool = False) -> str:
    """The date with its history: "Dec 2009, extended to Mar 2010, extended to Jun 2010".

    ``moves`` are the date's changes, oldest first. A rewording is not a move and is left out.
    With no move, the phrase is the date alone. The chain starts from the first move's old date
    and ends with ``current``, which is the last move's new date whenever the history is whole.
    """
    moves = [move for move in moves if move.direction != SAME]
    if not moves:
        return date_words(current, as_written=as_written)
    first = moves[0]
    parts = [
        (date_words(first.old, as_written=True) or first.origin) if as_written else first.origin
    ]
    for move in moves:
        parts.append(move.written() if as_written else f"{move.verb} {move.destination}")
    if not same_meaning(moves[-1].new, current) and date_words(current):
        # The stored date moved without a recorded change (an import that bypassed the history);
        # say where it stands now rather than leave the phrase ending on an old date.
        parts.append(f"now {date_words(current, as_written=as_written)}")
    return ", ".join(parts)


def moves_of(changes: Iterable, field: str) -> list[Move]:
    """The moves of one of a milestone's dates from its DateChange rows (already in order), each
    with the direction recorded with it."""
    return [
        Move(old=change.old, new=change.new, reason=change.reason, recorded=change.direction)
        for change in changes
        if change.field == field
    ]


def milestone_phrase(milestone, field: str, *, as_written: bool = False) -> str:
    """The phrase for one of a milestone's dates, from its ``date_changes`` (prefetch them with
    the milestones, or this reads them once per milestone)."""
    return phrase(
        getattr(milestone, field),
        moves_of(milestone.date_changes.all(), field),
        as_written=as_written,
    )
