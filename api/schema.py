"""The OpenAPI schema's account of what is not a plain serializer field: a date as people write
it (words in, words and meaning out), personal tokens, and the refusals every operation can
answer with, so that a client (and schemathesis) knows each status and its body."""

from drf_spectacular.extensions import (
    OpenApiAuthenticationExtension,
    OpenApiSerializerFieldExtension,
)
from drf_spectacular.openapi import AutoSchema

from core.fuzzydates import Precision

from .fields import DATE_WORDS_LENGTH

ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string", "description": "What was refused, and why."}},
    "required": ["detail"],
}
FIELD_ERRORS = {
    "type": "object",
    "description": "Each refused field (or non_field_errors) with what is wrong with it.",
    "additionalProperties": True,
}
STALE = {
    "type": "object",
    "description": "Someone saved the record after the version this write was based on. "
    "Nothing was saved: read the record again (``current``), re-apply the change, and send "
    "the current version.",
    "properties": {
        "detail": {"type": "string"},
        "your_version": {"type": "integer"},
        "current_version": {"type": "integer"},
        "changed_by": {"type": "string"},
        "changed_fields": {"type": "array", "items": {"type": "string"}},
        "current": {"type": "object", "additionalProperties": True},
    },
    "required": ["detail", "your_version", "current_version", "changed_fields", "current"],
}
DATE_READ = {
    "type": "object",
    "description": "A date as people write it: the words as written, the same in report "
    "style, the earliest and latest day they can mean, and how precise they are.",
    "properties": {
        "words": {"type": "string"},
        "report_style": {"type": "string"},
        "earliest": {"type": "string", "format": "date", "nullable": True},
        "latest": {"type": "string", "format": "date", "nullable": True},
        "precision": {"type": "string", "enum": [p.value for p in Precision]},
    },
    "required": ["words", "report_style", "earliest", "latest", "precision"],
}
DATE_WRITTEN = {
    "type": "string",
    "nullable": True,
    "maxLength": DATE_WORDS_LENGTH,
    "description": "Words as in a report, day before month: “31/03/2010”, “end March 2010”, "
    "“Q1 2010”, “2009/10”, “TBC”. Null or empty for no date.",
}


class FuzzyDateFieldSchema(OpenApiSerializerFieldExtension):
    target_class = "api.fields.FuzzyDateField"

    def map_serializer_field(self, auto_schema, direction):
        return dict(DATE_WRITTEN) if direction == "request" else dict(DATE_READ)


class PersonalTokenSchema(OpenApiAuthenticationExtension):
    target_class = "api.authentication.PersonalTokenAuthentication"
    name = "personalToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "“Token <your token>” or “Bearer <your token>”: make one on your "
            "API tokens page (/accounts/api-tokens/).",
        }


# Actions that change a record's status, based on the version read (as a PATCH is).
STATUS_CHANGES = ("/cancel/", "/reinstate/")


class ApiSchema(AutoSchema):
    """Every operation lists the refusals it can answer with."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        errors = {"401": ERROR, "403": ERROR, "404": ERROR}
        if self.method in ("POST", "PATCH", "PUT"):
            errors["400"] = FIELD_ERRORS
        if self.method in ("PATCH", "PUT", "DELETE") or self.path.endswith(STATUS_CHANGES):
            errors.update({"409": STALE, "412": STALE, "428": ERROR})
        if self.method == "GET" and self._is_list_view():
            errors["400"] = FIELD_ERRORS  # a filter that cannot be read
        for code, schema in errors.items():
            responses.setdefault(
                code, self._get_response_for_code(schema, code, direction=direction)
            )
        return responses
