"""The ratings our users give things: RAG status and progress."""

from django.db import models


class RagRating(models.TextChoices):
    """Delivery confidence. The three-point scale uses Red, Amber and Green; the five-point scale
    (UK central government's) adds Amber/Red and Amber/Green. A programme may call them by its own
    words (seed 003: Urgent Action / Action Underway / On Target): see ``Programme.rag_labels``."""

    RED = "red", "Red"
    AMBER_RED = "amber_red", "Amber/Red"
    AMBER = "amber", "Amber"
    AMBER_GREEN = "amber_green", "Amber/Green"
    GREEN = "green", "Green"


THREE_POINT_RATINGS = (RagRating.RED, RagRating.AMBER, RagRating.GREEN)


class ProgressRating(models.TextChoices):
    POOR = "poor", "Poor"
    REASONABLE = "reasonable", "Reasonable"
    GOOD = "good", "Good"


def rag_field(**kwargs) -> models.CharField:
    return models.CharField(
        "RAG status",
        max_length=12,
        choices=RagRating.choices,
        blank=True,
        help_text="Red, Amber or Green (always printed as a word as well as a colour).",
        **kwargs,
    )
