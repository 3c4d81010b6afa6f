"""Slippage in words: the phrases committee reports print for a date that has moved.

A milestone keeps every move of its planned and forecast dates as a ``DateChange`` (old date,
new date, reason). Reports never print only the latest date: scrutiny asks what the date was and
how often it moved, so the phrase starts from the first date ever planned and adds each move in
order, saying which way it went:

- "Dec 2009, extended to Mar 2010, extended to Jun 2010" (each move later);
- "Mar 2010, brought forward to Feb 2010" (a move earlier);
- "TBC, changed to Jan 2010" (a move that cannot be compared, such as from words with no date).

Dates are written in report style by ``fuzzydates.format``. The same phrases serve the web pages.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from core import fuzzydates
from core.fuzzydates import FuzzyDate

EXTENDED = "extended to"
BROUGHT_FORWARD = "brought forward to"
CHANGED = "changed to"


@dataclass(frozen=True)
class Move:
    """One move of a date, as a DateChange records it."""

    old: FuzzyDate
    new: FuzzyDate
    reason: str = ""

    @property
    def verb(self) -> str:
        return move_verb(self.old, self.new)


def move_verb(old: FuzzyDate, new: FuzzyDate) -> str:
    """Which way a date moved, in the words reports use."""
    if not (old.is_dated and new.is_dated):
        return CHANGED
    if new.sort_key > old.sort_key:
        return EXTENDED
    if new.sort_key < old.sort_key:
        return BROUGHT_FORWARD
    return CHANGED


def direction(old: FuzzyDate, new: FuzzyDate) -> str:
    """Whether a date went later, earlier or just changed, to sort moves into slipped and
    brought forward."""
    return {EXTENDED: "later", BROUGHT_FORWARD: "earlier"}.get(move_verb(old, new), "changed")


def date_words(value: FuzzyDate | None) -> str:
    """A date in report style; its own words when it has no date we can read."""
    if value is None:
        return ""
    return fuzzydates.format(value) or value.text


def phrase(current: FuzzyDate, moves: Iterable[Move]) -> str:
    """The date with its history: "Dec 2009, extended to Mar 2010, extended to Jun 2010".

    ``moves`` are the date's changes, oldest first. With none, the phrase is the date alone.
    The chain starts from the first move's old date and ends with ``current``, which is the last
    move's new date whenever the history is whole.
    """
    moves = list(moves)
    if not moves:
        return date_words(current)
    parts = [date_words(moves[0].old) or "no date"]
    for move in moves:
        parts.append(f"{move.verb} {date_words(move.new) or 'no date'}")
    if moves[-1].new != current and date_words(current):
        # The stored date moved without a recorded change (an import that bypassed the history);
        # say where it stands now rather than leave the phrase ending on an old date.
        parts.append(f"now {date_words(current)}")
    return ", ".join(parts)


def moves_of(changes: Iterable, field: str) -> list[Move]:
    """The moves of one of a milestone's dates from its DateChange rows (already in order)."""
    return [
        Move(old=change.old, new=change.new, reason=change.reason)
        for change in changes
        if change.field == field
    ]


def milestone_phrase(milestone, field: str) -> str:
    """The phrase for one of a milestone's dates, from its ``date_changes`` (prefetch them with
    the milestones, or this reads them once per milestone)."""
    return phrase(getattr(milestone, field), moves_of(milestone.date_changes.all(), field))
