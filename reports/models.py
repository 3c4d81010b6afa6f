from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.constraints import CheckedConstraint
from core.fuzzy_columns import fuzzy_date_columns, fuzzy_date_property
from programmes.models.people_scope import NamesProgrammePeople

from .validators import MAX_LOGO_BYTES, validate_logo


class CommitteeReport(NamesProgrammePeople, models.Model):
    """A report to a committee in the council's standard form: the cover sheet (committee, date,
    subject, report of, purpose, recommendations, financial consequences, contact officers, wards
    affected, implications) and the numbered sections of its body."""

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name="programme",
        on_delete=models.CASCADE,
        related_name="committee_reports",
    )
    meeting = models.ForeignKey(
        "programmes.Meeting",
        verbose_name="meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="committee_reports",
    )
    committee = models.CharField("committee", max_length=200)
    date = models.DateField("date of meeting")
    subject = models.CharField("subject", max_length=300)
    report_of = models.CharField("report of", max_length=300, blank=True)
    author = models.ForeignKey(
        "programmes.Person",
        verbose_name="author",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports_written",
    )
    purpose = models.TextField("purpose of report", blank=True, help_text="Markdown.")
    recommendations = models.TextField("recommendations", blank=True, help_text="Markdown.")
    financial_consequences = models.TextField(
        "financial consequences", blank=True, help_text="Markdown."
    )
    alternative_options = models.TextField(
        "alternative options considered", blank=True, help_text="Markdown."
    )
    wards_affected = models.CharField("wards affected", max_length=300, blank=True)
    implications = models.TextField("implications", blank=True, help_text="Markdown.")
    contact_officers = models.ManyToManyField(
        "programmes.Person",
        through="ContactOfficer",
        verbose_name="contact officers",
        related_name="reports_as_contact",
    )
    proper_officer = models.ForeignKey(
        "programmes.Person",
        verbose_name="proper officer",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports_signed_off",
    )
    (
        signed_off_on_text,
        signed_off_on_earliest,
        signed_off_on_latest,
        signed_off_on_precision,
    ) = fuzzy_date_columns("signed off on")
    signed_off_on = fuzzy_date_property("signed_off_on")

    programme_people_fields = ("author", "proper_officer")

    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "-date", "id"]
        verbose_name = "committee report"

    def __str__(self):
        return f"{self.subject} – {self.committee}, {self.date:%d/%m/%Y}"

    def people_programme_id(self) -> int | None:
        return self.programme_id


class ContactOfficer(NamesProgrammePeople, models.Model):
    report = models.ForeignKey(
        CommitteeReport, on_delete=models.CASCADE, related_name="contact_officer_links"
    )
    person = models.ForeignKey(
        "programmes.Person", verbose_name="person", on_delete=models.PROTECT, related_name="+"
    )
    order = models.PositiveSmallIntegerField("order", default=0)

    programme_people_fields = ("person",)

    class Meta:
        ordering = ["report", "order", "id"]
        verbose_name = "contact officer"
        constraints = [
            models.UniqueConstraint(
                "report",
                "person",
                name="contact_officer_unique",
                violation_error_message="This person is already a contact officer.",
            )
        ]

    def __str__(self):
        return str(self.person)

    def people_programme_id(self) -> int | None:
        # The report may not be saved yet: a new cover sheet's officers are checked first.
        try:
            return self.report.programme_id
        except ContactOfficer.report.RelatedObjectDoesNotExist:
            return None


class CommitteeReportSection(models.Model):
    """A numbered part of a committee report's body: Keynote, Background, Financials…"""

    report = models.ForeignKey(
        CommitteeReport, verbose_name="report", on_delete=models.CASCADE, related_name="sections"
    )
    number = models.CharField("number", max_length=20, blank=True)
    heading = models.CharField(
        "heading", max_length=300, blank=True, help_text="Blank for a closing paragraph."
    )
    body = models.TextField("text", blank=True, help_text="Markdown.")
    order = models.PositiveSmallIntegerField("order", default=0)

    class Meta:
        ordering = ["report", "order", "id"]
        verbose_name = "report section"

    def __str__(self):
        return f"{self.number} {self.heading}".strip() or self.body[:60]


class BackgroundPaper(models.Model):
    """A background paper listed under section 100D of the Local Government Act 1972."""

    report = models.ForeignKey(
        CommitteeReport,
        verbose_name="report",
        on_delete=models.CASCADE,
        related_name="background_papers",
    )
    title = models.CharField("title of document", max_length=300)
    meeting = models.CharField("which meeting did it go to", max_length=200, blank=True)
    (
        meeting_date_text,
        meeting_date_earliest,
        meeting_date_latest,
        meeting_date_precision,
    ) = fuzzy_date_columns("date of meeting")
    meeting_date = fuzzy_date_property("meeting_date")
    available_from = models.CharField("copy available from", max_length=200, blank=True)
    order = models.PositiveSmallIntegerField("order", default=0)

    class Meta:
        ordering = ["report", "order", "id"]
        verbose_name = "background paper"

    def __str__(self):
        return self.title


class ReportKind(models.TextChoices):
    """The committee-ready reports the application prints (see ``reports.kinds``)."""

    MILESTONES = "milestones", "Milestones report"
    PROGRAMME = "programme", "Programme report"
    GRID = "grid", "Month-by-month plan"
    COMMITTEE = "committee", "Committee report"
    CLOSURE = "closure", "Project closure report"
    RISKS = "risks", "Risk register"
    SAVINGS = "savings", "Savings report"


class ReportLayout(models.Model):
    """A programme's own structure for one kind of report (``reports.structure``): its parts in
    order, each with its number, heading, whether it is printed and where it goes inside the
    council's text. Without one, the kind's preset (its seed's format) is used."""

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name="programme",
        on_delete=models.CASCADE,
        related_name="report_layouts",
    )
    kind = models.CharField("report", max_length=16, choices=ReportKind.choices)
    parts = models.JSONField(
        "parts",
        default=list,
        blank=True,
        help_text="The report's parts in order, as ``reports.structure.Part`` fields.",
    )
    version = models.PositiveIntegerField(
        "version", default=1, editable=False, help_text="Goes up by one at every saved edit."
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "report structure"
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "kind"],
                name="report_layout_one_per_kind",
                violation_error_message="This programme already has a structure for this report.",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} structure of {self.programme}"


class ReportBranding(models.Model):
    """How an organisation's reports look: the name printed at the top and an optional logo.
    A programme's reports use its lead organisation's branding."""

    organisation = models.OneToOneField(
        "programmes.Organisation",
        verbose_name="organisation",
        on_delete=models.CASCADE,
        related_name="report_branding",
    )
    name_on_reports = models.CharField(
        "name on reports",
        max_length=200,
        blank=True,
        help_text="As printed at the top of every report. Leave blank for the organisation's name.",
    )
    logo = models.FileField(
        "logo",
        upload_to="report-logos/",
        blank=True,
        validators=[validate_logo],
        help_text=f"A PNG or JPEG file of at most {MAX_LOGO_BYTES // 1024} KB. SVG files are "
        "refused: an SVG can make the PDF printer fetch other files.",
    )

    class Meta:
        verbose_name = "report branding"
        verbose_name_plural = "report branding"

    def __str__(self):
        return self.name_on_reports or self.organisation.name


class IssuedPackFrozen(Exception):
    """An issued pack is a record of what a committee was sent: it is never changed or deleted."""


class IssuedPackQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise IssuedPackFrozen("Issued packs cannot be changed.")

    def delete(self):
        raise IssuedPackFrozen("Issued packs cannot be deleted.")


class IssuedPack(models.Model):
    """A report as it was issued to a meeting: the PDF's bytes, the same report as an HTML file,
    the data it was built from (JSON), their SHA-256 fingerprints, who issued it and when.
    Created once by ``reports.services.pack_issue`` and never changed: later edits to the
    programme's data do not touch it, and it downloads byte for byte as sent."""

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name="programme",
        on_delete=models.PROTECT,
        related_name="issued_packs",
    )
    meeting = models.ForeignKey(
        "programmes.Meeting",
        verbose_name="issued to meeting",
        on_delete=models.PROTECT,
        related_name="issued_packs",
    )
    kind = models.CharField("report", max_length=20, choices=ReportKind.choices)
    title = models.CharField("title", max_length=300)
    as_at = models.DateField("as at")
    options = models.JSONField(
        "options", default=dict, help_text="The options the report was built with."
    )
    since_pack = models.ForeignKey(
        "self",
        verbose_name="changes since pack",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="later_packs",
    )
    since = models.DateTimeField(
        "changes since", null=True, blank=True, help_text="Where the summary of changes starts."
    )
    pdf = models.FileField("PDF", max_length=300)
    sha256 = models.CharField("PDF SHA-256", max_length=64)
    size = models.PositiveIntegerField("PDF size (bytes)")
    pages = models.PositiveIntegerField("pages")
    snapshot = models.FileField(
        "data snapshot", max_length=300, help_text="The report's data as JSON."
    )
    snapshot_sha256 = models.CharField("data snapshot SHA-256", max_length=64)
    # Packs issued before the HTML version existed have none: blank, and the page offers only
    # what the pack holds.
    html = models.FileField(
        "HTML version",
        max_length=300,
        blank=True,
        help_text="The same report as one accessible HTML file.",
    )
    html_sha256 = models.CharField("HTML SHA-256", max_length=64, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="issued by",
        on_delete=models.SET_NULL,
        null=True,
        related_name="issued_packs",
    )
    issued_by_name = models.CharField(
        "issued by (name)", max_length=200, help_text="Kept in words in case the login goes."
    )
    issued_at = models.DateTimeField("issued at", default=timezone.now)

    objects = IssuedPackQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at", "-id"]
        verbose_name = "issued pack"
        constraints = [
            CheckedConstraint(
                condition=models.Q(size__gt=0) & models.Q(pages__gt=0),
                name="issued_pack_is_not_empty",
                violation_error_message="An issued pack must hold a PDF.",
            ),
            CheckedConstraint(
                condition=models.Q(html="", html_sha256="")
                | (~models.Q(html="") & ~models.Q(html_sha256="")),
                name="issued_pack_html_has_its_sha256",
                violation_error_message="An issued pack's HTML version needs its SHA-256.",
            ),
        ]

    def __str__(self):
        return f"{self.title} – issued to {self.meeting} on {self.issued_at:%d/%m/%Y}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise IssuedPackFrozen("An issued pack is a record: it cannot be changed.")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("reports:pack", kwargs={"programme": self.programme.slug, "pk": self.pk})

    def delete(self, *args, **kwargs):
        raise IssuedPackFrozen("An issued pack is a record: it cannot be deleted.")
