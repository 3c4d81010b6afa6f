from django.db import models

from milestones.fuzzy_columns import fuzzy_date_columns, fuzzy_date_property


class CommitteeReport(models.Model):
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

    class Meta:
        ordering = ["programme", "-date", "id"]
        verbose_name = "committee report"

    def __str__(self):
        return f"{self.subject} – {self.committee}, {self.date:%d/%m/%Y}"


class ContactOfficer(models.Model):
    report = models.ForeignKey(
        CommitteeReport, on_delete=models.CASCADE, related_name="contact_officer_links"
    )
    person = models.ForeignKey(
        "programmes.Person", verbose_name="person", on_delete=models.PROTECT, related_name="+"
    )
    order = models.PositiveSmallIntegerField("order", default=0)

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
