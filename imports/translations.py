"""A council's words and scales, translated once and remembered for the programme.

A tracker says "On target", "Slipped" or "Not yet commenced" for a status; "Amber/Green" on a
programme that rates Red, Amber and Green; "Almost certain" or "4" (of 1 to 5) for a likelihood
the programme rates Low, Medium or High. Each such value is read through a sensible default,
shown in the preview for the user to confirm or change, and saved with the import
(``ValueTranslation``), so the programme's next import reads it the same way without asking.
Values the programme's own words already say (its statuses, its RAG words, its levels) are not
translations.
"""

import math
from dataclasses import dataclass, field

from core.records import record_create, record_delete
from exports.columns import STATUS_SYNONYMS
from imports.values import CellError, choice, level, rag, text, words
from milestones.models import Milestone
from programmes.models import Action, ValueTranslation

STATUS, RAG, LIKELIHOOD, IMPACT = "status", "rag", "likelihood", "impact"
ACTION_STATUS = "action_status"

# Councils' status words, read as ours unless the user says otherwise.
STATUS_WORDS = {
    "on target": "in_progress",
    "on track": "in_progress",
    "on schedule": "in_progress",
    "progressing": "in_progress",
    "in hand": "in_progress",
    "slipped": "in_progress",
    "slipping": "in_progress",
    "behind schedule": "in_progress",
    "delayed": "in_progress",
    "at risk": "in_progress",
    "off track": "in_progress",
    "not yet commenced": "not_started",
    "not yet due": "not_started",
    "not due": "not_started",
    "planned": "not_started",
    "future": "not_started",
    "achieved": "complete",
    "complete": "complete",
    "completed": "complete",
    "met": "complete",
    "deferred": "on_hold",
    "suspended": "on_hold",
    "withdrawn": "cancelled",
    "superseded": "cancelled",
    "missed": "will_not_be_met",
    "not achieved": "will_not_be_met",
}
# Councils' words for how an action stands (an improvement plan's or audit tracker's
# "Achieved", "Progressing", "Not yet commenced"), read as an action's status.
ACTION_STATUS_WORDS = {
    "on target": "in_progress",
    "on track": "in_progress",
    "on schedule": "in_progress",
    "progressing": "in_progress",
    "in hand": "in_progress",
    "under control": "in_progress",
    "ongoing": "in_progress",
    "started": "in_progress",
    "commenced": "in_progress",
    "partially achieved": "in_progress",
    "partly achieved": "in_progress",
    "slipped": "in_progress",
    "slipping": "in_progress",
    "behind schedule": "in_progress",
    "delayed": "in_progress",
    "overdue": "in_progress",
    "at risk": "in_progress",
    "off track": "in_progress",
    "not yet commenced": "open",
    "not commenced": "open",
    "not started": "open",
    "not yet started": "open",
    "not yet due": "open",
    "not due": "open",
    "planned": "open",
    "pending": "open",
    "future": "open",
    "deferred": "open",
    "on hold": "open",
    "suspended": "open",
    "achieved": "done",
    "fully achieved": "done",
    "complete": "done",
    "completed": "done",
    "met": "done",
    "closed": "done",
    "implemented": "done",
    "actioned": "done",
    "withdrawn": "dropped",
    "superseded": "dropped",
    "cancelled": "dropped",
    "no longer required": "dropped",
}
# Five-point and other ratings on a programme that rates Red, Amber and Green; "Blue" (done).
RAG_WORDS = {
    "amber green": "amber",
    "green amber": "amber",
    "ag": "amber",
    "amber red": "amber",
    "red amber": "amber",
    "ar": "amber",
    "blue": "green",
    "complete": "green",
    "completed": "green",
    "on target": "green",
    "on track": "green",
    "off target": "red",
}
# Likelihood and impact in words, on a scale of 1 to 5.
LEVEL_WORDS = {
    "rare": 1,
    "remote": 1,
    "very unlikely": 1,
    "very low": 1,
    "negligible": 1,
    "insignificant": 1,
    "unlikely": 2,
    "minor": 2,
    "low": 2,
    "possible": 3,
    "moderate": 3,
    "medium": 3,
    "likely": 4,
    "probable": 4,
    "major": 4,
    "significant": 4,
    "high": 4,
    "almost certain": 5,
    "very likely": 5,
    "certain": 5,
    "severe": 5,
    "catastrophic": 5,
    "critical": 5,
    "extreme": 5,
    "very high": 5,
}


@dataclass
class Translated:
    """One value read through a translation, for the preview to show and the user to change."""

    field: str
    written: str  # as the tracker writes it, reduced for comparing
    meaning: str
    label: str  # the meaning in the programme's words
    shown: str  # as first written
    remembered: bool = False  # the programme's imports have read it so before
    rows: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.field}:{self.written}"


class Translator:
    """The translations one import uses: the user's choices in this import, then the
    programme's remembered ones, then the defaults."""

    def __init__(self, programme, chosen: dict[str, str] | None = None):
        self.programme = programme
        self.chosen = dict(chosen or {})
        self.saved = {
            f"{t.field}:{t.written}": t
            for t in ValueTranslation.objects.filter(programme=programme)
        }
        self.used: dict[str, Translated] = {}

    def status(self, value, cells) -> str:
        """A milestone's status from the programme's own words, or translated."""
        said = words(text(value))
        if not said:
            return ""
        own = self._own(STATUS, said)
        if own is None:
            try:
                return choice(
                    value, Milestone.Status.choices, what="status", synonyms=STATUS_SYNONYMS
                )
            except CellError:
                pass
        meaning = own or STATUS_WORDS.get(said)
        if meaning is None:
            labels = ", ".join(label for _, label in Milestone.Status.choices)
            raise CellError(f'"{text(value)}" is not a status; use one of: {labels}.')
        return self._use(STATUS, said, meaning, value, cells)

    def action_status(self, value, cells) -> str:
        """An action's status from its own words (Open, In progress, Done, Dropped), or a
        council's word translated ("Achieved" is Done); "" when blank."""
        said = words(text(value))
        if not said:
            return ""
        own = self._own(ACTION_STATUS, said)
        if own is None:
            try:
                return choice(value, Action.Status.choices, what="status")
            except CellError:
                pass
        meaning = own or ACTION_STATUS_WORDS.get(said)
        if meaning is None:
            labels = ", ".join(label for _, label in Action.Status.choices)
            raise CellError(f'"{text(value)}" is not a status; use one of: {labels}.')
        return self._use(ACTION_STATUS, said, meaning, value, cells, column="status")

    def rag(self, value, cells) -> str:
        said = words(text(value))
        own = self._own(RAG, said)
        if own is None:
            try:
                return rag(value, self.programme)
            except CellError:
                pass
        meaning = own or RAG_WORDS.get(said)
        if meaning not in self.programme.rag_ratings():
            return rag(value, self.programme)  # says what is allowed
        return self._use(RAG, said, meaning, value, cells)

    def level(self, value, cells, name: str, scale: int | None) -> tuple[int | None, str]:
        """A likelihood or impact on the programme's scale: its own levels as they are; words
        ("Almost certain") and numbers on another scale (4 of 1–5) translated."""
        said = words(text(value))
        top = len(self.programme.risk_levels())
        own = self._own(name, said)
        if own is None:
            # A number, in a number cell or written in a CSV, on a scale of its own.
            on_its_scale = _number(value) is not None and scale and scale != top
            if not on_its_scale and not _decimal(value):
                found, kept = level(value, self.programme)
                if found is not None or not said:
                    return found, kept
        if own is not None:
            return self._use(name, said, own, value, cells), ""
        number = _number(value)
        if number is not None:
            of = scale if scale and scale >= number else _scale_of(number)
            meaning = max(1, min(top, math.ceil(number * top / of)))
        elif said in LEVEL_WORDS:
            meaning = max(1, min(top, math.ceil(LEVEL_WORDS[said] * top / 5)))
        else:
            return None, text(value)
        return self._use(name, said, str(meaning), value, cells), ""

    def _own(self, name: str, said: str) -> str | None:
        key = f"{name}:{said}"
        if key in self.chosen:
            return self.chosen[key]
        saved = self.saved.get(key)
        return saved.meaning if saved else None

    def _use(self, name, said, meaning, value, cells, column: str = ""):
        """The meaning, noted on the row and kept for the preview's list of translations."""
        key = f"{name}:{said}"
        found = self.used.get(key)
        if found is None:
            found = self.used[key] = Translated(
                name,
                said,
                meaning,
                self.label(name, meaning),
                text(value),
                remembered=key in self.saved and key not in self.chosen,
            )
        found.rows.append(cells.place)
        how = " (as this programme's imports read it)" if found.remembered else ""
        cells.plan.notes.append(
            f'Column {cells.column(column or name)}: "{text(value)}" is read as {found.label}{how}.'
        )
        return int(meaning) if name in (LIKELIHOOD, IMPACT) else meaning

    def label(self, name: str, meaning: str) -> str:
        if name == STATUS:
            return str(dict(Milestone.Status.choices).get(meaning, meaning))
        if name == ACTION_STATUS:
            return str(dict(Action.Status.choices).get(meaning, meaning))
        if name == RAG:
            return self.programme.rag_label(meaning)
        return self.programme.risk_level_label(int(meaning))

    def options(self, name: str) -> list[tuple[str, str]]:
        """What a translated value may be read as, for the preview's form."""
        if name == STATUS:
            return list(Milestone.Status.choices)
        if name == ACTION_STATUS:
            return list(Action.Status.choices)
        if name == RAG:
            return [(r, self.programme.rag_label(r)) for r in self.programme.rag_ratings()]
        return [(str(n), label) for n, label in self.programme.risk_levels()]


def remember(programme, used: list[Translated], by=None) -> None:
    """Keep the translations an import used, so the programme's next import reads the same."""
    saved = {
        f"{t.field}:{t.written}": t for t in ValueTranslation.objects.filter(programme=programme)
    }
    for translated in used:
        old = saved.get(translated.key)
        if old is not None and old.meaning == translated.meaning:
            continue
        if old is not None:
            record_delete(record=old, by=by)
        record_create(
            record=ValueTranslation(
                programme=programme,
                field=translated.field,
                written=translated.written[:200],
                meaning=translated.meaning,
            ),
            by=by,
        )


def _decimal(value) -> bool:
    return isinstance(value, float) and not value.is_integer()


def _number(value) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(text(value))
    except ValueError:
        return None


def _scale_of(number: float) -> int:
    """The smallest usual scale a rating fits: 1–3, 1–4, 1–5 or 1–10."""
    return next(top for top in (3, 4, 5, 10) if number <= top) if number <= 10 else int(number)
