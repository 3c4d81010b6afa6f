"""The Gantt chart of a programme's timeline: service areas and their milestones down, months
across, a planned, a forecast and an actual bar for each milestone, and a line for today.

The bars and the months come from ``milestones.timeline`` (the figures the page's table lists);
the drawing's pieces are ``core.svg``'s.
"""

import calendar
from datetime import date, timedelta
from html import escape

from django.utils.safestring import SafeString, mark_safe

from core import fuzzydates, svg
from core.fuzzydates import FuzzyDate
from milestones.timeline import (
    TimelineRow,
    add_months,
    months_between,
    timeline_range,
    timeline_rows,
)

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
    first, months = timeline_range(rows, today=today, start=start, months=months)
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
    parts = svg.opening(width, height, f"{programme.name}: timeline", desc, ident)

    # Months and years across the top, with faint lines at each month.
    for index in range(months):
        month = add_months(first, index)
        x = label_width + index * month_width
        if month.month == 1 or index == 0:
            parts.append(svg.text(x + 2, 14, month.year, size=11, weight="bold"))
        name = month.strftime("%b") if month_width >= 24 else month.strftime("%b")[0]
        parts.append(svg.text(x + month_width / 2, 32, name, size=9, anchor="middle"))
        stroke = svg.INK if month.month == 1 else svg.GRID
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
            parts.append(svg.text(6, y + 17, _short(row.label, 44), size=12, weight="bold"))
            y += area_height
            continue
        parts.append(
            f"<g><title>{escape(f'{row.area}: {row.label}')}</title>"
            + svg.text(16, y + 15, _short(row.label, 44), size=11)
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
        parts.append(svg.text(x + 3, header - 10, "Today", size=10, weight="bold", fill="#942514"))
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
        parts.append(svg.text(x + 24, legend_top + 7, words, size=11))
        x += 24 + len(words) * 6 + 20
    parts.append(svg.text(10, legend_top + 30, today_words, size=11))
    parts.append("</svg>")
    return mark_safe("".join(parts))
