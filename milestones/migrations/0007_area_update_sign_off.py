"""Sign-off of a service area's update for a period (AreaUpdate, with history, and the steps
of its review), and the RAG status a progress update proposes."""

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import core.constraints


class Migration(migrations.Migration):
    dependencies = [
        ("milestones", "0006_reporting_period_due_date_closing_history"),
        ("programmes", "0005_history_budget_access_roles"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalprogressupdate",
            name="rag",
            field=models.CharField(
                blank=True,
                choices=[
                    ("red", "Red"),
                    ("amber_red", "Amber/Red"),
                    ("amber", "Amber"),
                    ("amber_green", "Amber/Green"),
                    ("green", "Green"),
                ],
                help_text="Red, Amber or Green (always printed as a word as well as a colour).",
                max_length=12,
                verbose_name="RAG status",
            ),
        ),
        migrations.AddField(
            model_name="progressupdate",
            name="rag",
            field=models.CharField(
                blank=True,
                choices=[
                    ("red", "Red"),
                    ("amber_red", "Amber/Red"),
                    ("amber", "Amber"),
                    ("amber_green", "Amber/Green"),
                    ("green", "Green"),
                ],
                help_text="Red, Amber or Green (always printed as a word as well as a colour).",
                max_length=12,
                verbose_name="RAG status",
            ),
        ),
        migrations.CreateModel(
            name="AreaUpdate",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("submitted", "Submitted"),
                            ("returned", "Returned"),
                            ("accepted", "Accepted"),
                        ],
                        max_length=12,
                        verbose_name="status",
                    ),
                ),
                (
                    "submitted_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="last submitted"),
                ),
                (
                    "decided_at",
                    models.DateTimeField(
                        blank=True, null=True, verbose_name="last returned or accepted"
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
                (
                    "decided_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="last returned or accepted by",
                    ),
                ),
                (
                    "period",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.RESTRICT,
                        related_name="area_updates",
                        to="milestones.reportingperiod",
                        verbose_name="reporting period",
                    ),
                ),
                (
                    "service_area",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="period_updates",
                        to="programmes.servicearea",
                        verbose_name="service area",
                    ),
                ),
                (
                    "submitted_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="last submitted by",
                    ),
                ),
            ],
            options={
                "verbose_name": "service area's update",
                "ordering": ["period", "service_area"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalAreaUpdate",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Draft"),
                            ("submitted", "Submitted"),
                            ("returned", "Returned"),
                            ("accepted", "Accepted"),
                        ],
                        max_length=12,
                        verbose_name="status",
                    ),
                ),
                (
                    "submitted_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="last submitted"),
                ),
                (
                    "decided_at",
                    models.DateTimeField(
                        blank=True, null=True, verbose_name="last returned or accepted"
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
                    "decided_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="last returned or accepted by",
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
                    "period",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="milestones.reportingperiod",
                        verbose_name="reporting period",
                    ),
                ),
                (
                    "service_area",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="programmes.servicearea",
                        verbose_name="service area",
                    ),
                ),
                (
                    "submitted_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="last submitted by",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical service area's update",
                "verbose_name_plural": "historical service area's updates",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="UpdateStep",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("started", "Started the update"),
                            ("submitted", "Submitted it for review"),
                            ("returned", "Returned it"),
                            ("answered", "Replied"),
                            ("accepted", "Accepted it"),
                            ("recorded", "Recorded as accepted"),
                        ],
                        max_length=12,
                        verbose_name="step",
                    ),
                ),
                ("comment", models.TextField(blank=True, verbose_name="comment")),
                (
                    "at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="when"),
                ),
                (
                    "area_update",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="steps",
                        to="milestones.areaupdate",
                        verbose_name="update",
                    ),
                ),
                (
                    "by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="by",
                    ),
                ),
            ],
            options={
                "verbose_name": "step in an update's sign-off",
                "ordering": ["area_update", "at", "id"],
            },
        ),
        migrations.AddConstraint(
            model_name="areaupdate",
            constraint=models.UniqueConstraint(
                models.F("service_area"),
                models.F("period"),
                name="one_sign_off_per_area_and_period",
                violation_error_message="This service area already has an update for this period.",
            ),
        ),
        migrations.AddConstraint(
            model_name="updatestep",
            constraint=core.constraints.CheckedConstraint(
                condition=models.Q(
                    models.Q(("comment", ""), ("kind", "returned"), _negated=True),
                    models.Q(("comment", ""), ("kind", "answered"), _negated=True),
                ),
                name="returning_or_replying_says_why",
                violation_error_message="Write the comment: it is what the other side reads.",
            ),
        ),
    ]
