"""Progress updates written before updates needed sign-off were the programme's updates as
reported: each service area and period that has any is recorded as accepted, with a step
saying so (and no one named as having accepted it), so reports go on printing them."""

from django.db import migrations
from django.utils import timezone

RECORDED_NOTE = "Written before updates needed sign-off: recorded as accepted."


def record_existing_updates_as_accepted(apps, schema_editor):
    ProgressUpdate = apps.get_model("milestones", "ProgressUpdate")
    AreaUpdate = apps.get_model("milestones", "AreaUpdate")
    UpdateStep = apps.get_model("milestones", "UpdateStep")
    now = timezone.now()
    pairs = ProgressUpdate.objects.values_list("service_area_id", "period_id").distinct()
    for area_id, period_id in pairs:
        record, created = AreaUpdate.objects.get_or_create(
            service_area_id=area_id,
            period_id=period_id,
            defaults={"status": "accepted", "decided_at": now},
        )
        if created:
            UpdateStep.objects.create(area_update=record, kind="recorded", comment=RECORDED_NOTE)


def forget_recorded_updates(apps, schema_editor):
    AreaUpdate = apps.get_model("milestones", "AreaUpdate")
    AreaUpdate.objects.filter(steps__kind="recorded", steps__comment=RECORDED_NOTE).delete()


class Migration(migrations.Migration):
    dependencies = [("milestones", "0007_area_update_sign_off")]

    operations = [
        migrations.RunPython(record_existing_updates_as_accepted, forget_recorded_updates),
    ]
