"""Refusals in the API's words. A rule the services refuse (Django's ``ValidationError``) is a
400 naming each field; a right the services refuse is a 403 saying why; a write based on an
old version (``StaleEdit``) is a 409 — or 412 when the version came in ``If-Match`` — that
says who changed what and carries the record as it is now. Never a 500 for bad input."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from core.versioning import StaleEdit, conflict_summary


class PreconditionRequired(exceptions.APIException):
    status_code = 428
    default_detail = (
        "Say which version you are changing: send the record's “version” (from your last read) "
        "in the body, or its ETag in an If-Match header."
    )
    default_code = "version_required"


class StaleWrite(Exception):
    """A ``StaleEdit`` with the version this write was based on and where that came from."""

    def __init__(self, stale: StaleEdit, *, opened_version: int, from_header: bool):
        self.stale = stale
        self.opened_version = opened_version
        self.from_header = from_header
        super().__init__(str(stale))


def field_errors(error: DjangoValidationError) -> dict:
    if hasattr(error, "error_dict"):
        return {
            ("non_field_errors" if name == "__all__" else name): messages
            for name, messages in error.message_dict.items()
        }
    return {"non_field_errors": error.messages}


def stale_response(refusal: StaleWrite, view) -> Response:
    stale = refusal.stale
    summary = conflict_summary(stale)
    by = summary["by"]
    who = (by.get_full_name() or by.get_username()) if by else ""
    noun = type(stale.current)._meta.verbose_name
    changed = [str(item["label"]) for item in summary["changed"]]
    detail = (
        f"This {noun} was changed{f' by {who}' if who else ''} after version "
        f"{refusal.opened_version}, which your change was based on; it is now at version "
        f"{stale.current.version}. Nothing was saved. Read it again, re-apply your change and "
        "send the current version."
    )
    code = status.HTTP_412_PRECONDITION_FAILED if refusal.from_header else status.HTTP_409_CONFLICT
    body = {
        "detail": detail,
        "your_version": refusal.opened_version,
        "current_version": stale.current.version,
        "changed_by": who,
        "changed_fields": changed,
        "current": view.get_serializer(stale.current).data,
    }
    return Response(body, status=code, headers={"ETag": f'"{stale.current.version}"'})


def exception_handler(exc, context):
    if isinstance(exc, StaleWrite):
        return stale_response(exc, context["view"])
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(field_errors(exc))
    return drf_exception_handler(exc, context)


@csrf_exempt  # answers nothing but 404, whatever the method
def not_found(request, *args, **kwargs) -> JsonResponse:
    """An address under /api/ that is no record or list of the API."""
    return JsonResponse(
        {"detail": "There is nothing at this address in the API: see /api/docs/."}, status=404
    )
