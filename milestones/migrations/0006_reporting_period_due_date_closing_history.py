"""Reporting periods get the day updates are due, who closed them and when, a version and history."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("milestones", "0005_progress_update_versions_history"),
        ("programmes", "0005_history_budget_access_roles"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="reportingperiod",
            name="closed_at",
            field=models.DateTimeField(
                blank=True,
                help_text="When it was closed: no more updates.",
                null=True,
                verbose_name="closed",
            ),
        ),
        migrations.AddField(
            model_name="reportingperiod",
            name="closed_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="closed by",
            ),
        ),
        migrations.AddField(
            model_name="reportingperiod",
            name="updates_due",
            field=models.DateField(
                blank=True,
                help_text="The day champions' updates for this period are due.",
                null=True,
                verbose_name="updates due",
            ),
        ),
        migrations.AddField(
            model_name="reportingperiod",
            name="version",
            field=models.PositiveIntegerField(
                default=1,
                editable=False,
                help_text="Goes up by one at every saved edit.",
                verbose_name="version",
            ),
        ),
        migrations.CreateModel(
            name="HistoricalReportingPeriod",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "label",
                    models.CharField(
                        help_text='e.g. "March 2010", "2008/09".',
                        max_length=60,
                        verbose_name="label",
                    ),
                ),
                ("start", models.DateField(verbose_name="start")),
                ("end", models.DateField(verbose_name="end")),
                (
                    "updates_due",
                    models.DateField(
                        blank=True,
                        help_text="The day champions' updates for this period are due.",
                        null=True,
                        verbose_name="updates due",
                    ),
                ),
                (
                    "closed_at",
                    models.DateTimeField(
                        blank=True,
                        help_text="When it was closed: no more updates.",
                        null=True,
                        verbose_name="closed",
                    ),
                ),
                (
                    "version",
                    models.PositiveIntegerField(
                        default=1,
                        editable=False,
                        help_text="Goes up by one at every saved edit.",
                        verbose_name="version",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "closed_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="closed by",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "programme",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="programmes.programme",
                        verbose_name="programme",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical reporting period",
                "verbose_name_plural": "historical reporting periods",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
    ]
