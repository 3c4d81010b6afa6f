"""A job: work too long for a web request (issuing a pack, a large PDF, the whole-programme
workbook, a reminder run, committing an import), done by the worker while its page shows how far
it has gone, then the result to download or the reason it failed."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

RESULT_FOLDER = "job-results"


class Job(models.Model):
    class Kind(models.TextChoices):
        ISSUE_PACK = "issue_pack", "Issuing a committee pack"
        REPORT_PDF = "report_pdf", "Printing a report"
        PROGRAMME_EXPORT = "programme_export", "The whole programme as an Excel workbook"
        REMINDERS = "reminders", "E-mailing update reminders"
        IMPORT_COMMIT = "import_commit", "Importing a spreadsheet"

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Running"
        DONE = "done", "Finished"
        FAILED = "failed", "Failed"

    LIVE = (Status.QUEUED, Status.RUNNING)

    kind = models.CharField("what it does", max_length=32, choices=Kind.choices)
    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="jobs"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="asked for by",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    params = models.JSONField("what it was asked to do", default=dict, blank=True)
    # NULL, not "": jobs without a lock must not collide in the unique constraint.
    lock_key = models.CharField(  # noqa: DJ001
        "lock",
        max_length=200,
        null=True,
        blank=True,
        help_text="Jobs with the same lock never wait or run at the same time (the same pack).",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    step = models.CharField("current step", max_length=200, blank=True)
    steps_done = models.PositiveIntegerField(default=0)
    steps_total = models.PositiveIntegerField(default=1)
    summary = models.TextField("what it did", blank=True)
    result = models.FileField("result", upload_to=RESULT_FOLDER, blank=True, max_length=300)
    result_name = models.CharField("file name to download as", max_length=200, blank=True)
    result_link = models.CharField("page of the result", max_length=300, blank=True)
    failure = models.TextField("why it failed", blank=True)
    attempts = models.PositiveIntegerField(default=0)
    worker_id = models.CharField("worker", max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(
        "last sign of life", null=True, blank=True, help_text="Refreshed while it runs."
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["lock_key"],
                condition=Q(status__in=["queued", "running"]),
                name="one_live_job_per_lock",
                violation_error_message="The same work is already waiting or running.",
            ),
            models.CheckConstraint(
                condition=Q(steps_done__lte=models.F("steps_total")),
                name="job_steps_done_within_total",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display().lower()})"

    def get_absolute_url(self):
        return reverse("jobs:detail", kwargs={"programme": self.programme.slug, "pk": self.pk})

    @property
    def is_live(self) -> bool:
        return self.status in self.LIVE

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return round(100 * self.steps_done / self.steps_total) if self.steps_total else 0


class WorkerHeartbeat(models.Model):
    """Each worker says it is alive every few seconds; the health check reads it."""

    worker_id = models.CharField(max_length=64, unique=True)
    backend = models.CharField(max_length=200)
    seen_at = models.DateTimeField()

    class Meta:
        ordering = ["-seen_at"]

    def __str__(self):
        return f"{self.worker_id} ({self.seen_at:%Y-%m-%d %H:%M:%S})"
