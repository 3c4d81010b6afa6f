"""The savings chart: target, forecast and achieved savings by financial year, as bars, for the
savings page and the committee pack alike.

The figures come from ``core.savings.by_year``, the function the savings tables call, so a
table and its drawing can never disagree; the drawing's pieces are ``core.svg``'s.
"""

from decimal import ROUND_CEILING, Decimal
from html import escape

from django.utils.safestring import SafeString, mark_safe

from core import savings, svg
from core.money import pounds_short

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
        parts = svg.opening(480, 60, title, "No savings by financial year are recorded.", ident)
        parts.append(svg.text(10, 35, "No savings by financial year are recorded.", size=13))
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
    step = svg.nice_step(Decimal(highest) / 5)
    # Enough steps to reach the highest bar, rounding up: Decimal's ``//`` truncates towards
    # zero, so ``-(-a // b)`` rounds down and cut the tallest bars off above the axis.
    steps = max(1, int((Decimal(highest) / step).to_integral_value(rounding=ROUND_CEILING)))
    ceiling = step * steps
    base = top + plot_height

    def y_of(value: Decimal) -> float:
        return base - float(Decimal(value) / ceiling) * plot_height

    parts = svg.opening(width, height, title, desc, ident)
    # Axis: a gridline at every step, with its amount.
    for index in range(steps + 1):
        amount = step * index
        y = y_of(amount)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" '
            f'stroke="{svg.GRID}" stroke-width="1"/>'
        )
        parts.append(svg.text(left - 6, y + 4, pounds_short(amount), size=12, anchor="end"))
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
            parts.append(
                svg.text(x + bar / 2, y - 4, pounds_short(value), size=11, anchor="middle")
            )
        parts.append(
            svg.text(
                x0 + group_width / 2, base + 20, year.label, size=13, anchor="middle", weight="bold"
            )
        )
    parts.append(
        f'<line x1="{left}" y1="{base}" x2="{width - right}" y2="{base}" stroke="{svg.INK}"/>'
    )
    # Legend in words.
    x = left
    for _, label, style in SAVINGS_BARS:
        parts.append(f'<rect x="{x}" y="{legend_y - 11}" width="14" height="14" {style}/>')
        parts.append(svg.text(x + 20, legend_y, label, size=13))
        x += 110
    parts.append("</svg>")
    return mark_safe("".join(parts))
