"""Values as the API writes and reads them.

A date as people write it is read back as its words, the same in report style, its earliest
and latest day and its precision (``core.fuzzydates``); it is written as words ("end March
2010", "Q1 2010", "TBC"), read with the programme's quarter convention by the serializer, which
knows the programme. RAG statuses are read with the programme's own words beside the code."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core import fuzzydates
from core.fuzzydates import FuzzyDate

DATE_WORDS_LENGTH = 200  # the ``*_text`` columns' length (core.fuzzy_columns)


class FuzzyDateField(serializers.Field):
    """Reads as ``{"words", "report_style", "earliest", "latest", "precision"}``; written as the
    words (null or "" for no date). ``to_internal_value`` keeps the words: the serializer reads
    them once it knows the programme."""

    default_error_messages = {
        "invalid": "Write the date as words, as you would in a report: “31/03/2010”, “end "
        "March 2010”, “Q1 2010”, “TBC”.",
        "max_length": f"A date is at most {DATE_WORDS_LENGTH} characters.",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_representation(self, value: FuzzyDate) -> dict:
        return {
            "words": value.text,
            "report_style": fuzzydates.format(value),
            "earliest": value.earliest.isoformat() if value.earliest else None,
            "latest": value.latest.isoformat() if value.latest else None,
            "precision": value.precision.value,
        }

    def to_internal_value(self, data) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        if len(data) > DATE_WORDS_LENGTH:
            self.fail("max_length")
        return data.strip()

    def validate_empty_values(self, data):
        if data is None:
            return True, ""  # null clears the date, as blank words do
        return super().validate_empty_values(data)


def read_date(words: str, *, quarters: str, keep_as_words: bool) -> tuple[FuzzyDate, str]:
    """The date ``words`` mean, and the refusal when they look like a date the calendar does not
    have (the forms' rule: kept as words only when asked)."""
    value = fuzzydates.parse(words or "", quarters=quarters)
    if value.problem and not keep_as_words:
        return value, (
            f'{value.problem} Correct the date, or send "keep_as_words": true to save these '
            "words with no date."
        )
    return value, ""


@extend_schema_field(OpenApiTypes.STR)
class RagWordsField(serializers.Field):
    """The RAG status in the programme's own words ("Urgent Action"), "" when not rated."""

    def __init__(self, programme_path: str = "programme", **kwargs):
        self.programme_path = programme_path
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, record) -> str:
        if not record.rag:
            return ""
        programme = record
        for step in self.programme_path.split("."):
            programme = getattr(programme, step)
        return programme.rag_label(record.rag)
