from django.db import migrations, models
from django.db.models import F, Q

import core.constraints

DELIVERED = Q(actual_completion_earliest__isnull=False) | Q(actual_completion_latest__isnull=False)


def complete_the_delivered(apps, schema_editor):
    """A milestone saved before this rule with an actual completion date and another status
    (possible from the admin or an import) is marked complete, as the edit service has always
    done when the date is given; the version goes up so a form opened before sees the change."""
    Milestone = apps.get_model("milestones", "Milestone")
    Milestone.objects.filter(DELIVERED).exclude(status="complete").update(
        status="complete", version=F("version") + 1
    )


class Migration(migrations.Migration):
    dependencies = [
        ("milestones", "0003_date_change_direction"),
        ("programmes", "0002_programme_access_import_records_edit_versions"),
    ]

    operations = [
        # Going back leaves the statuses as they are: they are consistent with the dates.
        migrations.RunPython(complete_the_delivered, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="milestone",
            constraint=core.constraints.CheckedConstraint(
                condition=models.Q(
                    models.Q(
                        ("actual_completion_earliest__isnull", True),
                        ("actual_completion_latest__isnull", True),
                    ),
                    ("status", "complete"),
                    _connector="OR",
                ),
                name="milestone_delivered_is_complete",
                violation_error_message=(
                    "It has an actual completion date, so its status is Complete: clear the "
                    "actual completion date to give it another status."
                ),
            ),
        ),
    ]
