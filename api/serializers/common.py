"""What every writable serializer shares: the version a write is based on, dates read with the
programme's quarter convention, RAG statuses on the programme's scale, and the record's people
by name."""

from rest_framework import serializers

from ..fields import FuzzyDateField, read_date


def name_of(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


class VersionedSerializer(serializers.Serializer):
    """A record with a ``version``: read as the version now; on a change, the version the
    client read (or send it as the ETag in ``If-Match``)."""

    version = serializers.IntegerField(
        min_value=1,
        max_value=2**31 - 1,
        required=False,
        help_text="The version you read. A change based on an older version is refused "
        "(409) and nothing is saved. Goes up by one at every saved change.",
    )
    keep_as_words = serializers.BooleanField(
        write_only=True,
        required=False,
        default=False,
        help_text="Save a date the calendar does not have (“31/02/2010”) as its words, with "
        "no date, instead of refusing it.",
    )

    def programme_of(self, attrs):
        """The programme the record is (or will be) in."""
        raise NotImplementedError

    def validate(self, attrs):
        attrs = super().validate(attrs)
        programme = self.programme_of(attrs)
        keep = attrs.pop("keep_as_words", False)
        errors = {}
        for name, field in self.fields.items():
            if isinstance(field, FuzzyDateField) and field.source in attrs:
                value, problem = read_date(
                    attrs[field.source], quarters=programme.quarters, keep_as_words=keep
                )
                if problem:
                    errors[name] = [problem]
                attrs[field.source] = value
        rag = attrs.get("rag")
        if rag and rag not in programme.rag_ratings():
            words = ", ".join(
                f"{code} ({programme.rag_label(code)})" for code in programme.rag_ratings()
            )
            errors["rag"] = [f"This programme's RAG scale is {words}."]
        if errors:
            raise serializers.ValidationError(errors)
        return attrs
