"""Each recorded move of a date keeps which way it went (later, earlier, changed), judged by
core.slippage on the dates' meaning. Moves recorded before are judged now, a first forecast
against the plan as it stood when the forecast was made; a rewording that older versions
recorded as a move is marked "same date, reworded"."""

from django.db import migrations, models

from core import slippage
from core.fuzzydates import FuzzyDate, Precision


def _date(record, name: str) -> FuzzyDate:
    return FuzzyDate(
        getattr(record, f"{name}_text"),
        getattr(record, f"{name}_earliest"),
        getattr(record, f"{name}_latest"),
        Precision(getattr(record, f"{name}_precision")),
    )


def _plan_when(plan_changes: list, milestone, change) -> FuzzyDate:
    """The planned completion as it stood just after ``change`` was made: the new date of the
    last move of the plan made by then, else the old date of the first made after, else the
    plan as it stands."""
    made = [c for c in plan_changes if (c.changed_at, c.id) <= (change.changed_at, change.id)]
    if made:
        return _date(made[-1], "new")
    if plan_changes:
        return _date(plan_changes[0], "old")
    return _date(milestone, "planned_completion")


def judge_directions(apps, schema_editor):
    DateChange = apps.get_model("milestones", "DateChange")
    Milestone = apps.get_model("milestones", "Milestone")
    changes = list(DateChange.objects.order_by("milestone_id", "changed_at", "id"))
    milestones = Milestone.objects.in_bulk({change.milestone_id for change in changes})
    plans: dict[int, list] = {}
    for change in changes:
        if change.field == "planned_completion":
            plans.setdefault(change.milestone_id, []).append(change)
    for change in changes:
        baseline = None
        if change.field == "forecast_completion":
            plan_changes = plans.get(change.milestone_id, [])
            baseline = _plan_when(plan_changes, milestones[change.milestone_id], change)
        change.direction = slippage.direction(
            _date(change, "old"), _date(change, "new"), baseline=baseline
        )
    DateChange.objects.bulk_update(changes, ["direction"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("milestones", "0002_milestone_edit_version"),
    ]

    operations = [
        migrations.AddField(
            model_name="datechange",
            name="direction",
            field=models.CharField(
                choices=[
                    ("later", "later"),
                    ("earlier", "earlier"),
                    ("changed", "changed"),
                    ("same", "same date, reworded"),
                ],
                default="changed",
                help_text="Judged by core.slippage when the move was made: on the dates' "
                "meaning, and for a first forecast against the plan of the time. Kept so that "
                "lists can filter and sort on it. “Same date, reworded” is a rewording recorded "
                "by an older version.",
                max_length=8,
                verbose_name="which way it moved",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(judge_directions, migrations.RunPython.noop),
    ]
