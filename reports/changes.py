"""What changed since the last report: the summary a report opens with when it is given a
previous issued pack (or a date) to compare with, and the marks it puts on the changed rows.

The state "then" is read from the audit history (django-simple-history's tables for milestones,
risks and savings lines) as it stood at the moment of comparison; the state "now" is the current
data. Moves of dates come from the milestones' DateChange records, which carry the reason.

- Milestones: dates moved (slipped later, brought forward, or changed), completed, newly at risk
  (rated Red or Amber/Red, or marked "will not be met"), cancelled (with why) and reinstated,
  added and removed.
- Risks: added, closed, reopened, re-rated (on the risk matrix, or the status chosen), removed.
- Savings: lines added or removed, and changes to a line's target, forecast or achieved amount.
"""

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from types import SimpleNamespace

from core import slippage
from core.fuzzydates import FuzzyDate, Precision
from milestones.models import DateChange, Milestone
from programmes.models import Risk, SavingsLine, ServiceArea

AT_RISK_RAGS = frozenset({"red", "amber_red"})

MARK_WORDS = {
    slippage.LATER: "Slipped",
    slippage.EARLIER: "Brought forward",
    slippage.CHANGED: "Date changed",
    "completed": "Completed",
    "cancelled": "Cancelled",
    "reinstated": "Reinstated",
    "at_risk": "Now at risk",
    "added": "New",
    "closed": "Closed",
    "reopened": "Reopened",
    "rag": "Rating changed",
    "amounts": "Changed",
}

DATE_FIELD_WORDS = {
    "planned_start": "start",
    "planned_completion": "completion",
    "forecast_completion": "forecast completion",
}


@dataclass
class DateMove:
    milestone_id: int
    area: str
    title: str
    date: str  # "completion"
    old: FuzzyDate
    new: FuzzyDate
    reasons: list[str]
    direction: str  # core.slippage's LATER, EARLIER or CHANGED
    # Every move since then, as the reports print the date: "Dec 2009, extended to Mar 2010,
    # extended to Jun 2010" (``core.slippage.phrase``).
    words: str


@dataclass
class ItemChange:
    id: int
    area: str
    title: str
    old: str = ""
    new: str = ""


@dataclass
class AmountChange:
    id: int
    line: str
    amount: str  # "target", "forecast", "achieved"; "" for a line added or removed
    old: Decimal | None
    new: Decimal | None


@dataclass
class ChangeSummary:
    since: datetime
    since_label: str
    date_moves: list[DateMove] = field(default_factory=list)
    completed: list[ItemChange] = field(default_factory=list)
    at_risk: list[ItemChange] = field(default_factory=list)
    cancelled: list[ItemChange] = field(default_factory=list)  # ``new``: why
    reinstated: list[ItemChange] = field(default_factory=list)
    milestones_added: list[ItemChange] = field(default_factory=list)
    milestones_removed: list[ItemChange] = field(default_factory=list)
    risks_added: list[ItemChange] = field(default_factory=list)
    risks_closed: list[ItemChange] = field(default_factory=list)
    risks_reopened: list[ItemChange] = field(default_factory=list)
    risks_rated: list[ItemChange] = field(default_factory=list)
    risks_removed: list[ItemChange] = field(default_factory=list)
    savings_added: list[AmountChange] = field(default_factory=list)
    savings_changed: list[AmountChange] = field(default_factory=list)
    savings_removed: list[AmountChange] = field(default_factory=list)
    marks: dict[str, dict[int, str]] = field(default_factory=dict)

    @property
    def slipped(self) -> list[DateMove]:
        return [move for move in self.date_moves if move.direction == slippage.LATER]

    @property
    def brought_forward(self) -> list[DateMove]:
        return [move for move in self.date_moves if move.direction == slippage.EARLIER]

    @property
    def redated(self) -> list[DateMove]:
        return [move for move in self.date_moves if move.direction == slippage.CHANGED]

    @property
    def is_empty(self) -> bool:
        return not any(
            getattr(self, name)
            for name in (
                "date_moves",
                "completed",
                "at_risk",
                "cancelled",
                "reinstated",
                "milestones_added",
                "milestones_removed",
                "risks_added",
                "risks_closed",
                "risks_reopened",
                "risks_rated",
                "risks_removed",
                "savings_added",
                "savings_changed",
                "savings_removed",
            )
        )

    def mark(self, kind: str, pk: int, word_key: str) -> None:
        words = self.marks.setdefault(kind, {})
        word = MARK_WORDS[word_key]
        current = words.get(pk, "")
        if word not in current.split(", "):
            words[pk] = f"{current}, {word}" if current else word


def state_then(history, since: datetime, fields: tuple[str, ...]) -> dict[int, dict]:
    """Each record's fields as they stood at ``since``, from its history; records that did not
    exist then (or had been deleted) are absent."""
    rows = (
        history.filter(history_date__lte=since)
        .order_by("id", "history_date", "history_id")
        .values("id", "history_type", *fields)
    )
    then: dict[int, dict] = {}
    for row in rows:
        then[row["id"]] = row
    return {pk: row for pk, row in then.items() if row["history_type"] != "-"}


def removed_since(history, since: datetime, current_ids, fields) -> list[dict]:
    """The last record of everything deleted after ``since`` that existed then."""
    then = state_then(history, since, fields)
    gone = history.filter(history_date__gt=since, history_type="-").values("id", *fields)
    return [row for row in gone if row["id"] in then and row["id"] not in current_ids]


def is_at_risk(rag: str, status: str) -> bool:
    return rag in AT_RISK_RAGS or status == Milestone.Status.WILL_NOT_BE_MET


def changes_since(*, programme, since: datetime, since_label: str, area_ids=None):
    """The summary of what changed in ``programme`` after ``since``, within the service areas
    ``area_ids`` (all when None) and the programme-wide records."""
    summary = ChangeSummary(since=since, since_label=since_label)
    area_queryset = ServiceArea.objects.filter(programme=programme)
    if area_ids is not None:
        area_queryset = area_queryset.filter(pk__in=area_ids)
    area_names = dict(area_queryset.values_list("id", "name"))
    milestone_changes(summary, programme, since, area_names)
    risk_changes(summary, programme, since, area_names, area_ids is None)
    savings_changes(summary, programme, since, area_names, area_ids is None)
    return summary


def _date(row: dict, name: str) -> FuzzyDate:
    """A fuzzy date from the four columns of a ``values()`` row."""
    return FuzzyDate(
        row[f"{name}_text"],
        row[f"{name}_earliest"],
        row[f"{name}_latest"],
        Precision(row[f"{name}_precision"]),
    )


def milestone_changes(summary: ChangeSummary, programme, since, area_names: dict) -> None:
    # The plan is read as it stood then: a first forecast made since is compared with it.
    plan_columns = tuple(
        f"{plan}_{part}"
        for plan in set(Milestone.BASELINES.values())
        for part in ("text", "earliest", "latest", "precision")
    )
    fields = ("title", "status", "rag", "service_area_id", "cancelled_reason", *plan_columns)
    now = {
        row["id"]: row
        for row in Milestone.objects.filter(service_area_id__in=area_names).values("id", *fields)
    }
    history = Milestone.history.filter(service_area_id__in=area_names)
    then = state_then(history, since, fields)

    moves = DateChange.objects.filter(milestone_id__in=now, changed_at__gt=since).order_by(
        "milestone_id", "field", "changed_at", "id"
    )
    grouped: dict[tuple[int, str], list[DateChange]] = {}
    for change in moves:
        grouped.setdefault((change.milestone_id, change.field), []).append(change)
    for (pk, name), changes in grouped.items():
        old, new = changes[0].old, changes[-1].new
        plan = Milestone.BASELINES.get(name)
        baseline = _date(then.get(pk) or now[pk], plan) if plan else None
        way = slippage.direction(old, new, baseline=baseline)
        if way == slippage.SAME:
            continue  # moved and moved back, or only reworded: nothing to report
        reasons = list(dict.fromkeys(change.reason for change in changes))
        row = now[pk]
        summary.date_moves.append(
            DateMove(
                pk,
                area_names[row["service_area_id"]],
                row["title"],
                DATE_FIELD_WORDS.get(name, name),
                old,
                new,
                reasons,
                way,
                slippage.phrase(new, [change.move for change in changes]),
            )
        )
        summary.mark("milestone", pk, way)

    for pk, row in now.items():
        item = ItemChange(pk, area_names[row["service_area_id"]], row["title"])
        before = then.get(pk)
        if before is None:
            summary.milestones_added.append(item)
            summary.mark("milestone", pk, "added")
            continue
        if row["status"] == Milestone.Status.COMPLETE and before["status"] != row["status"]:
            summary.completed.append(item)
            summary.mark("milestone", pk, "completed")
        was_cancelled = before["status"] == Milestone.Status.CANCELLED
        if row["status"] == Milestone.Status.CANCELLED and not was_cancelled:
            summary.cancelled.append(
                ItemChange(item.id, item.area, item.title, new=row["cancelled_reason"])
            )
            summary.mark("milestone", pk, "cancelled")
        elif was_cancelled and row["status"] != Milestone.Status.CANCELLED:
            summary.reinstated.append(item)
            summary.mark("milestone", pk, "reinstated")
        if is_at_risk(row["rag"], row["status"]) and not is_at_risk(
            before["rag"], before["status"]
        ):
            item.old = programme.rag_label(before["rag"]) or "Not rated"
            item.new = programme.rag_label(row["rag"]) or Milestone.Status(row["status"]).label
            summary.at_risk.append(item)
            summary.mark("milestone", pk, "at_risk")
    for row in removed_since(history, since, now, fields):
        summary.milestones_removed.append(
            ItemChange(row["id"], area_names.get(row["service_area_id"], ""), row["title"])
        )


def scoped_history(model, programme, area_names: dict, whole_programme: bool):
    history = model.history.filter(programme=programme)
    if not whole_programme:
        history = history.filter(service_area_id__isnull=True) | history.filter(
            service_area_id__in=area_names
        )
    return history


def risk_rating_words(programme, values: dict) -> str:
    """A risk's rating on the programme's matrix, with the status chosen when it differs:
    "Red (status chosen: Amber)"."""
    rated = programme.risk_rating(SimpleNamespace(**values))
    words = programme.rag_label(rated.rating) or "Not rated"
    if rated.disagrees:
        words += f" (status chosen: {programme.rag_label(rated.status)})"
    return words


def risk_changes(summary, programme, since, area_names, whole_programme) -> None:
    fields = ("title", "is_open", "rag", "likelihood", "impact", "service_area_id")
    current = Risk.objects.filter(programme=programme)
    if not whole_programme:
        current = current.filter(service_area__isnull=True) | current.filter(
            service_area__in=area_names
        )
    now = {row["id"]: row for row in current.values("id", *fields)}
    history = scoped_history(Risk, programme, area_names, whole_programme)
    then = state_then(history, since, fields)

    def item(row):
        return ItemChange(row["id"], area_names.get(row["service_area_id"], ""), row["title"])

    for pk, row in now.items():
        before = then.get(pk)
        if before is None:
            summary.risks_added.append(item(row))
            summary.mark("risk", pk, "added")
            continue
        if before["is_open"] and not row["is_open"]:
            summary.risks_closed.append(item(row))
            summary.mark("risk", pk, "closed")
        elif row["is_open"] and not before["is_open"]:
            summary.risks_reopened.append(item(row))
            summary.mark("risk", pk, "reopened")
        old, new = risk_rating_words(programme, before), risk_rating_words(programme, row)
        if old != new:
            change = item(row)
            change.old, change.new = old, new
            summary.risks_rated.append(change)
            summary.mark("risk", pk, "rag")
    for row in removed_since(history, since, now, fields):
        summary.risks_removed.append(item(row))


AMOUNTS = ("target", "forecast", "achieved")


def savings_changes(summary, programme, since, area_names, whole_programme) -> None:
    fields = ("financial_year", "kind", "service_area_id", *AMOUNTS)
    current = SavingsLine.objects.filter(programme=programme)
    if not whole_programme:
        current = current.filter(service_area__isnull=True) | current.filter(
            service_area__in=area_names
        )
    now = {row["id"]: row for row in current.values("id", *fields)}
    history = scoped_history(SavingsLine, programme, area_names, whole_programme)
    then = state_then(history, since, fields)

    def describe(row) -> str:
        line = SavingsLine(financial_year=row["financial_year"], kind=row["kind"])
        parts = [line.financial_year_label or "No year", line.get_kind_display().lower()]
        if row["service_area_id"] in area_names:
            parts.append(f"({area_names[row['service_area_id']]})")
        return " ".join(parts)

    for pk, row in now.items():
        before = then.get(pk)
        if before is None:
            summary.savings_added.append(AmountChange(pk, describe(row), "", None, row["target"]))
            summary.mark("savings", pk, "added")
            continue
        for amount in AMOUNTS:
            if before[amount] != row[amount]:
                summary.savings_changed.append(
                    AmountChange(pk, describe(row), amount, before[amount], row[amount])
                )
                summary.mark("savings", pk, "amounts")
    for row in removed_since(history, since, now, fields):
        summary.savings_removed.append(AmountChange(row["id"], describe(row), "", None, None))
