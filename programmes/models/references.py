"""A council's own reference for a record in its tracker ("Ref", "No", "Para ref", "Risk ID")."""

from django.db import models


def reference_field() -> models.CharField:
    """The council's reference: kept as written, shown beside the record, and how the next import
    of the same tracker finds the record. It is never the tracker's own ID."""
    return models.CharField(
        "reference",
        max_length=50,
        blank=True,
        help_text="The council's own reference in its tracker (Ref, No, Risk ID), as written. "
        "The next import of the same tracker finds this record by it.",
    )
