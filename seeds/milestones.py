"""Loading a seed's reporting periods and, for a service area, its milestones with every
move of their dates, and its progress updates. Milestones and their date changes are written
through ``milestones.services`` like any other edit; the updates, printed in an issued report,
are recorded as accepted (``milestones.cycle``)."""

from django.core.exceptions import ValidationError

from milestones import cycle, services
from milestones.models import Milestone, ProgressUpdate, ReportingPeriod
from seeds.context import SeedContext, as_text, messages


def load_periods(seed: SeedContext, data):
    for index, item in enumerate(seed.items(data, "reporting_periods")):
        with seed.section(f"reporting_periods[{index}]"):
            seed.check_keys(item, {"label", "start", "end"})
            period = ReportingPeriod(
                programme=seed.programme,
                label=as_text(item.get("label")),
                start=seed.calendar_date(item.get("start"), "start"),
                end=seed.calendar_date(item.get("end"), "end"),
            )
            seed.periods[period.label] = seed.save(period, "reporting periods")


def load_milestone(seed: SeedContext, area, item, position):
    seed.check_keys(
        item,
        {
            "title",
            "stage",
            *Milestone.DATE_NAMES,
            "date_changes",
            "status",
            "rag",
            "owner",
            "estimated_cost",
            "estimated_cost_note",
            "reports_to",
            "comment",
        },
    )
    stage = None
    if item.get("stage"):
        code = as_text(item["stage"])
        if code not in seed.stages:
            seed.fail(f"stage {code!r} is not listed under stages.")
        stage = seed.stages[code]
    dates = {name: seed.fuzzy(item.get(name)) for name in Milestone.DATE_NAMES}
    changes = seed.items(item, "date_changes")
    # Create the milestone with each date as first planned, then replay every move through
    # the same service a champion's edit uses, so the history is built the usual way.
    for change in changes:
        seed.check_keys(change, {"field", "from", "to", "reason"})
        name = change.get("field")
        if name not in Milestone.RESCHEDULABLE_DATES:
            seed.fail(f"date_changes field {name!r} cannot be rescheduled.")
    for name in Milestone.RESCHEDULABLE_DATES:
        own = [change for change in changes if change["field"] == name]
        if own:
            dates[name] = seed.fuzzy(own[0].get("from"))
    try:
        milestone = services.milestone_create(
            service_area=area,
            title=as_text(item.get("title")),
            stage=stage,
            rag=item.get("rag") or "",
            owner=seed.person(item.get("owner")),
            comment=as_text(item.get("comment")),
            estimated_cost=seed.money(item.get("estimated_cost"), "estimated_cost"),
            estimated_cost_note=as_text(item.get("estimated_cost_note")),
            reports_to=seed.meeting(item.get("reports_to")),
            order=position,
            at=seed.as_at,
            # With no status written the service decides: Complete if it has an actual
            # completion date, else Not started.
            **({"status": item["status"]} if item.get("status") else {}),
            **dates,
        )
    except ValidationError as error:
        seed.fail(messages(error))
    seed.counts["milestones"] = seed.counts.get("milestones", 0) + 1
    for number, change in enumerate(changes):
        with seed.section(f"date_changes[{number}]"):
            name = change["field"]
            current = getattr(milestone, name)
            if as_text(change.get("from")) != current.text:
                seed.fail(
                    f"the change from {change.get('from')!r} does not follow on from "
                    f"{current.text!r}: the chain of moves must join up."
                )
            try:
                services.milestone_reschedule(
                    milestone=milestone,
                    field=name,
                    new=seed.fuzzy(change.get("to")),
                    reason=as_text(change.get("reason")) or "Not recorded in the report",
                    at=seed.as_at,
                )
            except ValidationError as error:
                seed.fail(messages(error))
            seed.counts["date changes"] = seed.counts.get("date changes", 0) + 1
    for name in Milestone.RESCHEDULABLE_DATES:
        written = as_text(item.get(name))
        if written != getattr(milestone, name).text:
            seed.fail(
                f"{name} is {written!r} but its date_changes end at "
                f"{getattr(milestone, name).text!r}."
            )


def load_update(seed: SeedContext, area, update):
    seed.check_keys(update, {"period", "author", "text"})
    label = as_text(update.get("period"))
    if label not in seed.periods:
        seed.fail(f"period {label!r} is not listed under reporting_periods.")
    progress = ProgressUpdate(
        service_area=area,
        period=seed.periods[label],
        author=seed.person(update.get("author")),
        text=as_text(update.get("text")),
    )
    if seed.as_at:
        progress.written_at = seed.as_at
    seed.save(progress, "progress updates")
    # The report was issued with it: the update was signed off, so reports print it.
    cycle.update_recorded_as_accepted(service_area=area, period=progress.period)
