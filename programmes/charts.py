"""Charts drawn on the server, for the web pages and the PDF reports alike.

Each drawing is plain SVG text: no scripts, no stylesheets, no fonts or images fetched from
anywhere, so WeasyPrint draws it exactly as a browser does. Every drawing has a ``<title>`` and a
``<desc>`` and prints its figures as words beside the shapes; the pages that show a drawing also
show the same figures in a table, so a chart is never the only place a number appears.

The figures come from the same functions as the tables (``core.savings.by_year``,
``risk_heatmap``, ``timeline_rows``), so a table and its drawing can never disagree.
"""

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from html import escape

from django.utils.safestring import SafeString, mark_safe

from core import fuzzydates, savings
from core.fuzzydates import FuzzyDate
from core.money import pounds_short
from core.risk_rating import is_placed

FONT = "Helvetica, Arial, sans-serif"
INK = "#0b0c0c"
SECONDARY_INK = "#505a5f"
GRID = "#b1b4b6"


# --------------------------------------------------------------------------------------------------
# Savings by financial year


def _nice_step(value: Decimal) -> Decimal:
    """A tidy step for an axis: the smallest 1, 2, 2.5 or 5 times a power of ten >= value."""
    if value <= 0:
        return Decimal(1)
    power = Decimal(10) ** (len(str(int(value))) - 1) if value >= 1 else Decimal(1)
    for step in (1, 2, Decimal("2.5"), 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power  # pragma: no cover


def _svg_open(width: int, height: int, title: str, desc: str, ident: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" font-family="{FONT}" '
        f'style="max-width:100%;height:auto">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(desc)}</desc>',
    ]


def _text(x, y, words, *, size=11, anchor="start", weight="normal", fill=INK, extra="") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'font-weight="{weight}" fill="{fill}"{extra}>{escape(str(words))}</text>'
    )


# The bars of a savings year, left to right: what each means, and how it is drawn so that the
# three differ in more than colour (solid, outlined with a dashed edge, solid dark).
SAVINGS_BARS = (
    ("target", "Target", 'fill="#1d70b8"'),
    (
        "forecast",
        "Forecast",
        'fill="#ffffff" stroke="#1d70b8" stroke-width="2" stroke-dasharray="4 2"',
    ),
    ("achieved", "Achieved", 'fill="#00703c"'),
)


def savings_chart_svg(programme, *, lines=None) -> SafeString:
    """Bars by financial year: target, forecast and achieved savings, each labelled in pounds
    ("£1.316m"), cashable and non-cashable together. ``lines`` defaults to all the programme's
    savings lines; pass a selection (one kind, one service area) to draw only those."""
    if lines is None:
        lines = programme.savingslines.all()
    years = savings.by_year(lines)
    ident = f"savings-chart-{programme.pk}"
    title = f"{programme.name}: savings by financial year"
    if not years:
        parts = _svg_open(480, 60, title, "No savings by financial year are recorded.", ident)
        parts.append(_text(10, 35, "No savings by financial year are recorded.", size=13))
        parts.append("</svg>")
        return mark_safe("".join(parts))

    figures = []
    for year in years:
        said = ", ".join(
            f"{label.lower()} {pounds_short(getattr(year, name)) or 'none'}"
            for name, label, _ in SAVINGS_BARS
        )
        figures.append(f"{year.label}: {said}")
    desc = (
        "Savings target, forecast and achieved by financial year (April to March), cashable "
        "and non-cashable together. " + "; ".join(figures) + "."
    )

    bar, gap, group_gap = 46, 8, 40
    left, right, top, plot_height = 80, 20, 30, 240
    group_width = 3 * bar + 2 * gap
    width = max(left + len(years) * (group_width + group_gap) + right, 420)
    legend_y = top + plot_height + 50
    height = legend_y + 30

    values = [getattr(year, name) for year in years for name, _, _ in SAVINGS_BARS]
    highest = max((v for v in values if v is not None), default=Decimal(0))
    step = _nice_step(Decimal(highest) / 5)
    steps = max(1, -(-Decimal(highest) // step))  # enough steps to reach the highest bar
    ceiling = step * steps
    base = top + plot_height

    def y_of(value: Decimal) -> float:
        return base - float(Decimal(value) / ceiling) * plot_height

    parts = _svg_open(width, height, title, desc, ident)
    # Axis: a gridline at every step, with its amount.
    for index in range(int(steps) + 1):
        amount = step * index
        y = y_of(amount)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        parts.append(_text(left - 6, y + 4, pounds_short(amount), size=12, anchor="end"))
    for index, year in enumerate(years):
        x0 = left + group_gap / 2 + index * (group_width + group_gap)
        for position, (name, label, style) in enumerate(SAVINGS_BARS):
            value = getattr(year, name)
            if value is None:
                continue
            x = x0 + position * (bar + gap)
            y = y_of(value)
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar}" height="{base - y:.1f}" {style}>'
                f"<title>{escape(f'{year.label} {label.lower()}: {pounds_short(value)}')}</title>"
                "</rect>"
            )
            parts.append(_text(x + bar / 2, y - 4, pounds_short(value), size=11, anchor="middle"))
        parts.append(
            _text(
                x0 + group_width / 2, base + 20, year.label, size=13, anchor="middle", weight="bold"
            )
        )
    parts.append(f'<line x1="{left}" y1="{base}" x2="{width - right}" y2="{base}" stroke="{INK}"/>')
    # Legend in words.
    x = left
    for _, label, style in SAVINGS_BARS:
        parts.append(f'<rect x="{x}" y="{legend_y - 11}" width="14" height="14" {style}/>')
        parts.append(_text(x + 20, legend_y, label, size=13))
        x += 110
    parts.append("</svg>")
    return mark_safe("".join(parts))


# --------------------------------------------------------------------------------------------------
# Risk heat map


@dataclass
class HeatCell:
    likelihood: int
    impact: int
    likelihood_label: str
    impact_label: str
    risks: list
    rating: str  # the RAG code the programme's risk matrix gives this combination
    word: str  # the rating in the programme's words ("Red", "Urgent Action"): always printed

    @property
    def css(self) -> str:
        return f"rag-{self.rating}"

    @property
    def count(self) -> int:
        return len(self.risks)


@dataclass
class HeatRow:
    likelihood: int
    label: str
    cells: list[HeatCell]


def risk_heatmap(risks: Iterable, programme) -> list[HeatRow]:
    """Rows for a likelihood-by-impact table: the most likely first, each cell holding its risks
    (in the order given) and its rating on the programme's risk matrix (``core.risk_rating``),
    the same rating the register and the reports give each risk in it. Risks without a
    likelihood or an impact are not placed (see ``unplaced_risks``)."""
    levels = programme.risk_levels()
    matrix = programme.risk_matrix_grid()
    placed: dict[tuple[int, int], list] = {}
    for risk in risks:
        if is_placed(risk.likelihood, risk.impact, len(levels)):
            placed.setdefault((risk.likelihood, risk.impact), []).append(risk)
    rows = []
    for likelihood, likelihood_label in reversed(levels):
        cells = []
        for impact, impact_label in levels:
            rating = matrix[likelihood - 1][impact - 1]
            cells.append(
                HeatCell(
                    likelihood=likelihood,
                    impact=impact,
                    likelihood_label=likelihood_label,
                    impact_label=impact_label,
                    risks=placed.get((likelihood, impact), []),
                    rating=rating,
                    word=programme.rag_label(rating),
                )
            )
        rows.append(HeatRow(likelihood=likelihood, label=likelihood_label, cells=cells))
    return rows


def unplaced_risks(risks: Iterable, programme) -> list:
    """The risks a heat map cannot place: no likelihood or impact on the programme's scale."""
    size = len(programme.risk_levels())
    return [risk for risk in risks if not is_placed(risk.likelihood, risk.impact, size)]


# --------------------------------------------------------------------------------------------------
# Timeline (Gantt)


@dataclass(frozen=True)
class Span:
    """A bar: from a first day to a last day; ``last`` is None for work still under way."""

    first: date
    last: date | None


@dataclass
class TimelineRow:
    area: object
    milestone: object | None  # None for the service area's own heading row
    planned: Span | None = None
    forecast: Span | None = None
    actual: Span | None = None

    @property
    def label(self) -> str:
        return str(self.milestone) if self.milestone is not None else str(self.area)


def _first_day(value: FuzzyDate) -> date | None:
    return value.earliest if value.earliest is not None else value.latest


def _last_day(value: FuzzyDate) -> date | None:
    return value.latest if value.latest is not None else value.earliest


def milestone_spans(milestone) -> tuple[Span | None, Span | None, Span | None]:
    """The planned, forecast and actual bars of a milestone, from its fuzzy dates: a bar runs
    from the first day its start can mean to the last day its completion can mean."""
    planned_first = _first_day(milestone.planned_start) or _first_day(milestone.planned_completion)
    planned_last = _last_day(milestone.planned_completion) or _last_day(milestone.planned_start)
    planned = Span(planned_first, planned_last) if planned_first and planned_last else None

    actual_first = _first_day(milestone.actual_start)
    forecast = None
    forecast_last = _last_day(milestone.forecast_completion)
    if forecast_last:
        first = actual_first or planned_first or _first_day(milestone.forecast_completion)
        forecast = Span(min(first, forecast_last), forecast_last)

    actual = None
    actual_last = _last_day(milestone.actual_completion)
    if actual_first or actual_last:
        first = actual_first or _first_day(milestone.actual_completion)
        actual = Span(first, actual_last if actual_last and actual_last >= first else None)
    return planned, forecast, actual


def timeline_rows(programme, *, areas=None) -> list[TimelineRow]:
    """A heading row per service area, then a row per milestone in report order (two queries
    however many there are). ``areas`` limits the rows to those service areas."""
    from milestones.models import Milestone

    areas = list(programme.service_areas.all() if areas is None else areas)
    milestones = (
        Milestone.objects.filter(service_area__in=[area.pk for area in areas])
        .select_related("stage")
        .order_by("order", "planned_start_earliest", "id")
    )
    by_area: dict[int, list] = {}
    for milestone in milestones:
        by_area.setdefault(milestone.service_area_id, []).append(milestone)
    rows = []
    for area in areas:
        rows.append(TimelineRow(area=area, milestone=None))
        for milestone in by_area.get(area.pk, []):
            planned, forecast, actual = milestone_spans(milestone)
            rows.append(TimelineRow(area, milestone, planned, forecast, actual))
    return rows


def month_start(d: date) -> date:
    return d.replace(day=1)


def add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def months_between(first: date, last: date) -> int:
    """How many calendar months from the month of ``first`` to the month of ``last``,
    counting both."""
    return (last.year - first.year) * 12 + last.month - first.month + 1


MAX_MONTHS = 60
DEFAULT_CAP = 36


def timeline_range(rows: Iterable[TimelineRow], *, today: date) -> tuple[date, int]:
    """The months to draw by default: from the earliest bar's month to the latest bar's month,
    but no more than three years (from the start); twelve months around today if nothing is
    dated."""
    firsts, lasts = [], []
    for row in rows:
        for span in (row.planned, row.forecast, row.actual):
            if span is not None:
                firsts.append(span.first)
                lasts.append(span.last or span.first)
    if not firsts:
        return add_months(month_start(today), -6), 12
    first = month_start(min(firsts))
    return first, min(months_between(first, max(lasts)), DEFAULT_CAP)


TIMELINE_BARS = (
    ("planned", "Planned", "#1d70b8", 0),
    ("forecast", "Forecast", "#f47738", 1),
    ("actual", "Actual", "#00703c", 2),
)


def _short(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def timeline_svg(
    programme,
    *,
    today: date,
    areas=None,
    start: date | None = None,
    months: int | None = None,
    rows: list[TimelineRow] | None = None,
) -> SafeString:
    """A Gantt chart: service areas and their milestones down, months across; for each
    milestone a planned bar (top), a forecast bar (middle) and an actual bar (bottom), a legend
    in words, and a vertical line for today labelled "Today".

    ``start`` (any day of the first month) and ``months`` choose the months drawn; by default
    they come from the data (``timeline_range``). Pass ``rows`` from ``timeline_rows`` when the
    caller has them already, to save the queries."""
    if rows is None:
        rows = timeline_rows(programme, areas=areas)
    default_first, default_months = timeline_range(rows, today=today)
    first = month_start(start) if start else default_first
    months = max(1, min(months or default_months, MAX_MONTHS))
    end = add_months(first, months)  # the day after the last month drawn
    last_label = add_months(first, months - 1)

    label_width, right = 290, 20
    month_width = max(14, min(40, 840 // months))
    header, row_height, area_height = 44, 22, 26
    width = label_width + months * month_width + right
    body_height = sum(area_height if row.milestone is None else row_height for row in rows)
    legend_top = header + body_height + 16
    height = legend_top + 50

    def x_of(d: date) -> float:
        """Where a day begins, across the chart (clamped to the months drawn)."""
        if d <= first:
            return label_width
        if d >= end:
            return label_width + months * month_width
        days = calendar.monthrange(d.year, d.month)[1]
        return label_width + (months_between(first, d) - 1 + (d.day - 1) / days) * month_width

    ident = f"timeline-{programme.pk}"
    period = f"{first:%B %Y} to {last_label:%B %Y}"
    milestone_count = sum(1 for row in rows if row.milestone is not None)
    desc = (
        f"Gantt chart of {milestone_count} milestones from {period}. For each milestone the top "
        "bar is the planned dates, the middle bar the forecast and the bottom bar the actual "
        "dates; a vertical line marks today. The same dates are listed in the table that "
        "follows the chart."
    )
    parts = _svg_open(width, height, f"{programme.name}: timeline", desc, ident)

    # Months and years across the top, with faint lines at each month.
    for index in range(months):
        month = add_months(first, index)
        x = label_width + index * month_width
        if month.month == 1 or index == 0:
            parts.append(_text(x + 2, 14, month.year, size=11, weight="bold"))
        name = month.strftime("%b") if month_width >= 24 else month.strftime("%b")[0]
        parts.append(_text(x + month_width / 2, 32, name, size=9, anchor="middle"))
        stroke = INK if month.month == 1 else GRID
        parts.append(
            f'<line x1="{x}" y1="{header - 6}" x2="{x}" y2="{header + body_height}" '
            f'stroke="{stroke}" stroke-width="{1 if month.month == 1 else 0.5}"/>'
        )

    y = header
    for row in rows:
        if row.milestone is None:
            parts.append(
                f'<rect x="0" y="{y}" width="{width}" height="{area_height}" fill="#f3f2f1"/>'
            )
            parts.append(_text(6, y + 17, _short(row.label, 44), size=12, weight="bold"))
            y += area_height
            continue
        parts.append(
            f"<g><title>{escape(f'{row.area}: {row.label}')}</title>"
            + _text(16, y + 15, _short(row.label, 44), size=11)
            + "</g>"
        )
        for name, label, colour, lane in TIMELINE_BARS:
            span = getattr(row, name)
            if span is None:
                continue
            span_end = span.last + timedelta(days=1) if span.last else today
            if span_end <= first or span.first >= end:
                continue
            x1 = x_of(span.first)
            x2 = max(x_of(span_end), x1 + 2)
            shown = f"{fuzzydates.format(FuzzyDate.from_date(span.first))} to " + (
                fuzzydates.format(FuzzyDate.from_date(span.last)) if span.last else "now"
            )
            parts.append(
                f'<rect x="{x1:.1f}" y="{y + 3 + lane * 6}" width="{x2 - x1:.1f}" height="5" '
                f'fill="{colour}"><title>{escape(f"{row.label}, {label.lower()}: {shown}")}'
                "</title></rect>"
            )
        y += row_height

    # Today.
    if first <= today < end:
        x = x_of(today)
        parts.append(
            f'<line x1="{x:.1f}" y1="{header - 8}" x2="{x:.1f}" y2="{header + body_height}" '
            f'stroke="#d4351c" stroke-width="2"/>'
        )
        parts.append(_text(x + 3, header - 10, "Today", size=10, weight="bold", fill="#942514"))
        today_words = f"Today ({today:%-d %B %Y}): red vertical line"
    else:
        where = "before" if today < first else "after"
        today_words = f"Today ({today:%-d %B %Y}) is {where} the months shown"

    # Legend in words.
    x = 10
    for _, label, colour, lane in TIMELINE_BARS:
        position = ("top", "middle", "bottom")[lane]
        parts.append(f'<rect x="{x}" y="{legend_top}" width="18" height="6" fill="{colour}"/>')
        words = f"{label} ({position} bar)"
        parts.append(_text(x + 24, legend_top + 7, words, size=11))
        x += 24 + len(words) * 6 + 20
    parts.append(_text(10, legend_top + 30, today_words, size=11))
    parts.append("</svg>")
    return mark_safe("".join(parts))
