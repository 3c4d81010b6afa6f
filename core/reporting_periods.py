"""The next reporting period to propose when a programme manager opens one: its label, dates
and the day updates are due, worked out from the last period, and a sentence saying how, so
the page never presents a guess as a setting.

A calendar month is followed by the next month ("April 2010"), a quarter by the next quarter
("Q1 2010/11" in financial quarters, "Q2 2010" in calendar ones), a financial year by the next
("2010/11"); any other span by one as long, starting the day after. With no period yet, the
calendar month holding today. The day updates are due keeps its distance from the period's
end. Every value is only proposed: the manager edits it before opening the period.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from core.fuzzydates import financial_year_label, financial_year_of


@dataclass(frozen=True)
class Proposal:
    label: str
    start: date
    end: date
    updates_due: date | None
    basis: str  # how it was worked out, in words, for the page


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def add_months(day: date, months: int) -> date:
    """The first of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def months_spanned(start: date, end: date) -> int | None:
    """How many whole calendar months ``start``–``end`` is, or None if it is not whole months."""
    if start.day != 1 or end != month_end(end):
        return None
    return (end.year - start.year) * 12 + end.month - start.month + 1


def quarter_label(start: date, quarters: str) -> str:
    if quarters == "financial":
        year = financial_year_of(start)
        return f"Q{(start.month - 4) % 12 // 3 + 1} {financial_year_label(year)}"
    return f"Q{(start.month - 1) // 3 + 1} {start.year}"


def span_label(start: date, end: date) -> str:
    return f"{start:%-d %B %Y} to {end:%-d %B %Y}"


def propose_next(
    *,
    last_label: str | None,
    last_start: date | None,
    last_end: date | None,
    last_due: date | None,
    today: date,
    quarters: str = "calendar",
) -> Proposal:
    """The period after the last one (``last_*`` None: the programme has none yet)."""
    if last_start is None or last_end is None:
        start = today.replace(day=1)
        return Proposal(
            f"{start:%B %Y}",
            start,
            month_end(start),
            None,
            "This is the programme's first period: the calendar month holding today is "
            "proposed. Change the dates for a quarter or another span.",
        )
    months = months_spanned(last_start, last_end)
    start = last_end + timedelta(days=1)
    if months == 1:
        end = month_end(start)
        label, kind = f"{start:%B %Y}", "a calendar month"
    elif months == 3 and last_start.month % 3 == 1:  # Jan, Apr, Jul or Oct: either kind
        end = month_end(add_months(start, 2))
        label, kind = quarter_label(start, quarters), "a quarter"
    elif months == 12 and last_start.month == 4:
        end = date(start.year + 1, 3, 31)
        label, kind = financial_year_label(start.year), "a financial year"
    elif months:
        end = month_end(add_months(start, months - 1))
        label, kind = span_label(start, end), f"{months} months"
    else:
        end = start + (last_end - last_start)
        days = (last_end - last_start).days + 1
        label, kind = span_label(start, end), f"{days} days"
    due = end + (last_due - last_end) if last_due else None
    return Proposal(
        label,
        start,
        end,
        due,
        f"Proposed from the last period, {last_label} ({kind}): the next one as long, "
        "starting the day after it ended"
        + (", with updates due as long after its end." if due else "."),
    )
