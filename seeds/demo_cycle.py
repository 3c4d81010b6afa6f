"""The demonstration programme's reporting cycle (``seeds.demo``): last month's period,
its updates accepted and the period closed, and this month's open, with Revenues and
Benefits' update submitted, Waste Collection's returned with a comment, and Customer
Contact's not started. Written as the champions and the manager would, through
``milestones.periods`` and ``milestones.cycle``."""

from datetime import date, timedelta

from core.reporting_periods import add_months, month_end
from milestones.cycle import Part, update_accept, update_return, update_save
from milestones.models import Milestone, ReportingPeriod
from milestones.periods import period_close, period_open

#: What each champion wrote: area → (the area's words, its RAG status, {milestone: words, RAG}).
LAST_MONTH = {
    "revenues": (
        "The single assessment team started on time. The council tax system's first data "
        "migration test is booked.",
        "green",
        {"New council tax system live": ("On track for go-live.", "green")},
    ),
    "waste": (
        "Tenders for the joint collection contract are in; evaluation is under way.",
        "green",
        {"Joint waste collection contract let": ("Five bids received.", "green")},
    ),
}
THIS_MONTH = {
    "revenues": (
        "The assessment team is settled. The council tax system is late: the supplier's second "
        "data migration test failed and a third is booked.",
        "amber",
        {
            "New council tax system live": (
                "Go-live moved: the second migration test failed. Forecast now three months on.",
                "amber",
            )
        },
    ),
    "waste": ("Contract delayed. Pilot going well.", "amber", {}),
}
RETURN_COMMENT = (
    "Please give the date the re-tender now gives for the contract, and what the delay does to "
    "this year's savings."
)


def _period(programme, first: date, *, by) -> ReportingPeriod:
    """The calendar month starting ``first``, updates due a week after it ends (this month's:
    a week from today, so they are not overdue on the day it is loaded)."""
    return period_open(
        programme=programme,
        label=f"{first:%B %Y}",
        start=first,
        end=month_end(first),
        updates_due=month_end(first) + timedelta(days=7),
        by=by,
    )


def _write(area, period, words, *, by, submit=True):
    text, rag, milestones = words
    parts = [Part(None, text, rag, None)]
    for title, (comment, milestone_rag) in milestones.items():
        milestone = Milestone.objects.get(service_area=area, title=title)
        parts.append(Part(milestone, comment, milestone_rag, None))
    return update_save(service_area=area, period=period, parts=parts, submit=submit, by=by)


def reporting_cycle(programme, areas, champions, today: date, *, manager) -> None:
    """``champions``: area key → the account of its champion, for the areas that have one."""
    last = _period(programme, add_months(today, -1), by=manager)
    for key, words in LAST_MONTH.items():
        record = _write(areas[key], last, words, by=champions[key])
        update_accept(record=record, opened_version=record.version, by=manager)
    period_close(period=last, opened_version=last.version, by=manager)

    current = period_open(
        programme=programme,
        label=f"{today:%B %Y}",
        start=today.replace(day=1),
        end=month_end(today),
        updates_due=today + timedelta(days=7),
        by=manager,
    )
    _write(areas["revenues"], current, THIS_MONTH["revenues"], by=champions["revenues"])
    record = _write(areas["waste"], current, THIS_MONTH["waste"], by=champions["waste"])
    update_return(record=record, opened_version=record.version, comment=RETURN_COMMENT, by=manager)
    # Customer Contact's update is not started: the overview lists it, and its champion, as owed.
