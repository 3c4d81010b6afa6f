from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.constraints import CheckedConstraint
from core.fuzzy_columns import fuzzy_date_columns, fuzzy_date_property
from core.risk_rating import (
    Matrix,
    RiskRating,
    default_matrix,
    matrix_from_rows,
    matrix_problems,
    rate,
)

from ..querysets import GlossaryTermQuerySet
from .organisations import Organisation, Person
from .ratings import THREE_POINT_RATINGS, RagRating


class Programme(models.Model):
    """The whole effort: "Manchester Improvement Programme", "AGMA Collaborative Services"."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        ACTIVE = "active", "Active"
        ON_HOLD = "on_hold", "On hold"
        CLOSED = "closed", "Closed"

    class RagScale(models.TextChoices):
        THREE_POINT = "three_point", "Red / Amber / Green"
        FIVE_POINT = "five_point", "Five-point (Green, Amber/Green, Amber, Amber/Red, Red)"

    class RiskScale(models.TextChoices):
        HIGH_MEDIUM_LOW = "high_medium_low", "High / Medium / Low"
        ONE_TO_FIVE = "one_to_five", "1 to 5"

    class Quarters(models.TextChoices):
        CALENDAR = "calendar", 'Calendar ("Q1 2009" is January to March 2009)'
        FINANCIAL = "financial", 'Financial ("Q1 2009" is April to June 2009)'

    class ReportingRhythm(models.TextChoices):
        MONTHLY = "monthly", "Monthly"
        QUARTERLY = "quarterly", "Quarterly"
        PER_MEETING = "per_meeting", "Before each board meeting"

    #: Web address names the site uses itself ("programmes/new/" starts a programme).
    RESERVED_SLUGS = frozenset({"new"})

    name = models.CharField("name", max_length=200, unique=True)
    short_name = models.CharField("short name", max_length=60, blank=True)
    slug = models.SlugField(
        "web address name",
        max_length=80,
        unique=True,
        help_text="Used in links and file names; keep it once reports have been issued.",
    )
    description = models.TextField("description", blank=True, help_text="Markdown.")
    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    lead_organisation = models.ForeignKey(
        Organisation,
        verbose_name="lead organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="programmes_led",
    )
    partners = models.ManyToManyField(
        Organisation,
        verbose_name="partner organisations",
        blank=True,
        related_name="partner_programmes",
    )
    other_people = models.ManyToManyField(
        Person,
        verbose_name="other people",
        blank=True,
        related_name="named_in_programmes",
        help_text="People the programme names who have no role on a service area or seat on a "
        "governance body, and do not work for its lead or partner organisations (a milestone "
        "owner from another body, say). Owners, authors and contact officers can be chosen "
        "only from the programme's people.",
    )
    started_text, started_earliest, started_latest, started_precision = fuzzy_date_columns(
        "started", help_text='When the programme began, as written ("October 2006").'
    )
    started = fuzzy_date_property("started")

    # Settings: the programme's own words and scales.
    service_area_label = models.CharField(
        "word for a service area",
        max_length=40,
        default="Service area",
        help_text="What this programme calls its units of work: Service area, Work stream, "
        "Theme, Project.",
    )
    stage_label = models.CharField(
        "heading for stages",
        max_length=80,
        blank=True,
        help_text='e.g. "Stage of the Delivery plan". Leave blank if the programme has no stages.',
    )
    rag_scale = models.CharField(
        "RAG scale", max_length=12, choices=RagScale.choices, default=RagScale.THREE_POINT
    )
    rag_labels = models.JSONField(
        "RAG words",
        default=dict,
        blank=True,
        help_text='The programme\'s own words for ratings, e.g. {"red": "Urgent Action", '
        '"amber": "Action Underway", "green": "On Target"}.',
    )
    risk_scale = models.CharField(
        "risk scale",
        max_length=16,
        choices=RiskScale.choices,
        default=RiskScale.HIGH_MEDIUM_LOW,
        help_text="The scale for a risk's likelihood and impact.",
    )
    risk_matrix = models.JSONField(
        "risk matrix",
        default=list,
        blank=True,
        help_text="Leave empty for the standard matrix (likelihood × impact: on High/Medium/Low, "
        "6 and over is Red, 3-4 Amber, 1-2 Green). Or give the rating of each combination as "
        "the heat map shows it: a row per likelihood, the most likely first, each from the "
        'lowest impact across, e.g. [["amber", "red", "red"], ["green", "amber", "red"], '
        '["green", "green", "amber"]].',
    )
    quarters = models.CharField(
        'a bare "Q1" means',
        max_length=10,
        choices=Quarters.choices,
        default=Quarters.CALENDAR,
    )
    reporting_rhythm = models.CharField(
        "reporting rhythm",
        max_length=12,
        choices=ReportingRhythm.choices,
        default=ReportingRhythm.MONTHLY,
        help_text="How often service areas are asked for an update: each reporting period is "
        "a month, a quarter, or the weeks up to the next board meeting.",
    )

    version = models.PositiveIntegerField(
        "version", default=1, editable=False, help_text="Goes up by one at every saved edit."
    )

    # A programme's settings decide how every report words and rates things: who changed them,
    # and when, is kept. (Its partner organisations are a list beside it, not in this history.)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programmes:overview", kwargs={"programme": self.slug})

    def clean(self):
        if self.slug in self.RESERVED_SLUGS:
            raise ValidationError(
                {"slug": f"“{self.slug}” is used by the site itself: choose another."}
            )
        ratings = self.rag_ratings()
        if not isinstance(self.rag_labels, dict):
            raise ValidationError({"rag_labels": "Give the words as rating: word pairs."})
        for key, label in self.rag_labels.items():
            if key not in ratings:
                allowed = ", ".join(ratings)
                raise ValidationError(
                    {"rag_labels": f'"{key}" is not a rating on this scale ({allowed}).'}
                )
            if not isinstance(label, str) or not label.strip():
                raise ValidationError({"rag_labels": f'The word for "{key}" is empty.'})
        if self.risk_matrix:
            size = len(self.risk_levels())
            problems = matrix_problems(self.risk_matrix, size, ratings)
            if problems:
                raise ValidationError({"risk_matrix": problems})

    def rag_ratings(self) -> tuple[str, ...]:
        """The ratings this programme's scale allows, worst first."""
        if self.rag_scale == self.RagScale.FIVE_POINT:
            return tuple(RagRating.values)
        return tuple(r.value for r in THREE_POINT_RATINGS)

    def rag_label(self, rating: str) -> str:
        """The word printed for a rating: the programme's own, or Red/Amber/Green."""
        if not rating:
            return ""
        return self.rag_labels.get(rating) or RagRating(rating).label

    def risk_levels(self) -> list[tuple[int, str]]:
        """The levels of likelihood and impact on this programme's risk scale, lowest first."""
        if self.risk_scale == self.RiskScale.ONE_TO_FIVE:
            return [(n, str(n)) for n in range(1, 6)]
        return [(1, "Low"), (2, "Medium"), (3, "High")]

    def risk_level_label(self, level: int | None) -> str:
        return dict(self.risk_levels()).get(level, "") if level else ""

    def risk_level_words(self, level: int | None, written: str, *, normalise=False) -> str:
        """A likelihood or impact as it is printed: in its author's words ("Moderate") when
        the risk keeps them, unless ratings are normalised; otherwise the level's name on this
        programme's scale ("Medium")."""
        if written and not normalise:
            return written
        return self.risk_level_label(level)

    def risk_matrix_grid(self) -> Matrix:
        """The programme's own risk matrix, or the standard one for its scale."""
        size = len(self.risk_levels())
        own = self.risk_matrix
        if own and not matrix_problems(own, size, self.rag_ratings()):
            return matrix_from_rows(own)
        return default_matrix(size)

    def risk_rating(self, risk) -> RiskRating:
        """How serious ``risk`` is by this programme's matrix, beside its chosen status: the one
        answer the heat map, the register, the overview and the reports give."""
        return rate(risk.likelihood, risk.impact, risk.rag, self.risk_matrix_grid())


class StageDefinition(models.Model):
    """One stage of a programme's delivery plan, as its Key to Stages defines it."""

    programme = models.ForeignKey(
        Programme, verbose_name="programme", on_delete=models.CASCADE, related_name="stages"
    )
    code = models.CharField("code", max_length=40, help_text='As rows write it: "Stage 2a".')
    name = models.CharField("name", max_length=200, blank=True)
    definition = models.TextField("definition", blank=True)
    order = models.PositiveSmallIntegerField("order", default=0)

    version = models.PositiveIntegerField(
        "version", default=1, editable=False, help_text="Goes up by one at every saved edit."
    )

    # The Key to Stages is printed in every pack: a renamed or redefined stage is kept.
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "order", "id"]
        verbose_name = "stage"
        constraints = [
            models.UniqueConstraint(
                "programme",
                "code",
                name="stage_code_unique_in_programme",
                violation_error_message="This programme already has a stage with this code.",
            )
        ]

    def __str__(self):
        return f"{self.code} – {self.name}" if self.name and self.name != self.code else self.code


class GlossaryTerm(models.Model):
    """An acronym or term a programme's reports use, with its meaning: the reports' Key. A term
    no longer used is retired, with why, rather than deleted; the Key leaves it out."""

    programme = models.ForeignKey(
        Programme, verbose_name="programme", on_delete=models.CASCADE, related_name="glossary"
    )
    term = models.CharField("term", max_length=60)
    meaning = models.CharField("meaning", max_length=300)
    is_retired = models.BooleanField("retired", default=False)
    retired_reason = models.TextField("why it was retired", blank=True)

    version = models.PositiveIntegerField(
        "version", default=1, editable=False, help_text="Goes up by one at every saved edit."
    )

    objects = GlossaryTermQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["programme", "term"]
        verbose_name = "glossary term"
        constraints = [
            models.UniqueConstraint(
                "programme",
                "term",
                condition=Q(is_retired=False),
                name="glossary_term_unique_in_programme",
                violation_error_message="This programme's glossary already explains this term.",
            ),
            CheckedConstraint(
                condition=Q(is_retired=False) | ~Q(retired_reason=""),
                name="glossary_term_retired_with_a_reason",
                violation_error_message="Say why the term is retired.",
            ),
        ]

    def __str__(self):
        return f"{self.term}: {self.meaning}"


class Objective(models.Model):
    """An objective the programme set itself, and what was achieved against it."""

    programme = models.ForeignKey(
        Programme, verbose_name="programme", on_delete=models.CASCADE, related_name="objectives"
    )
    objective = models.TextField("objective")
    achievement = models.TextField("achievement", blank=True, help_text="Markdown.")
    order = models.PositiveSmallIntegerField("order", default=0)

    class Meta:
        ordering = ["programme", "order", "id"]

    def __str__(self):
        return self.objective[:80]
