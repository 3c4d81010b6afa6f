"""What every API view shares: the user's rights (``programmes.rights``, the pages' own), the
records of the programmes they can see (any other record is a 404, as if it did not exist),
and the version a write is based on — from the body's ``version`` or an ``If-Match`` header."""

from django.utils.functional import cached_property
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.response import Response

from core.versioning import StaleEdit
from programmes.models import ServiceArea
from programmes.rights import Rights

from ..errors import PreconditionRequired, StaleWrite


def etag(record) -> str:
    return f'"{record.version}"'


class ProgrammeScopedViewSet(viewsets.GenericViewSet):
    """``programme_path``: the lookup from the model to its programme ("programme",
    "service_area__programme"...); ``area_path`` to its service area ("pk" for an area itself,
    None for a record that is never an area's), by which a reader limited to one partner
    authority sees only the areas it takes part in (``Rights.scope``)."""

    programme_path = "programme"
    area_path: str | None = "service_area"
    http_method_names = ["get", "post", "patch", "head", "options"]

    @cached_property
    def rights(self) -> Rights:
        return Rights.of(self.request.user)

    def visible(self, queryset):
        if self.rights.is_admin:
            return queryset
        queryset = queryset.filter(
            **{f"{self.programme_path}__in": self.rights.visible_programme_ids}
        )
        if self.area_path is None:
            return queryset
        return self.rights.scope(queryset, programme=self.programme_path, area=self.area_path)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if getattr(self, "swagger_fake_view", False) or not self.request.user.is_authenticated:
            return context
        context["programmes"] = self.rights.visible_programmes()
        context["areas"] = self.rights.scope(
            ServiceArea.objects.filter(programme__in=self.rights.visible_programmes()),
            area="pk",
        ).select_related("programme")
        return context


class ReadViewSet(mixins.ListModelMixin, ProgrammeScopedViewSet):
    def retrieve(self, request, *args, **kwargs):
        record = self.get_object()
        headers = {"ETag": etag(record)} if hasattr(record, "version") else {}
        return Response(self.get_serializer(record).data, headers=headers)


class WriteViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, ReadViewSet):
    """Added by POST and changed by PATCH (never replaced whole by PUT), each view's
    ``create`` and ``update`` calling the service the pages call."""

    def update(self, request, *args, **kwargs):
        if not kwargs.get("partial"):
            raise exceptions.MethodNotAllowed(request.method)
        return self.change(request, self.get_object())

    def change(self, request, record) -> Response:
        raise NotImplementedError

    def answer(self, record, code=status.HTTP_200_OK) -> Response:
        """The record as saved, read as the list reads it, with its ETag."""
        fresh = self.get_queryset().get(pk=record.pk)
        return Response(self.get_serializer(fresh).data, status=code, headers={"ETag": etag(fresh)})


def opened_version(request, body_version: int | None) -> tuple[int, bool]:
    """The version the client read, and whether it came from ``If-Match``. Refused when it
    sends neither (428) or two that differ (400)."""
    header = request.headers.get("If-Match", "").strip()
    from_header = None
    if header:
        digits = header.removeprefix("W/").strip('"')
        if not digits.isdigit() or len(digits) > 10:
            raise exceptions.ValidationError(
                {"If-Match": [f'Send the ETag you read, such as "3"; “{header}” is not one.']}
            )
        from_header = int(digits)
    if from_header is not None and body_version is not None and from_header != body_version:
        raise exceptions.ValidationError(
            {"version": ["The version in the body differs from the one in If-Match."]}
        )
    if from_header is not None:
        return from_header, True
    if body_version is not None:
        return body_version, False
    raise PreconditionRequired()


def refuse_stale(write, *, opened: int, from_header: bool):
    """Run ``write``; someone having saved since ``opened`` becomes a 409 (or 412)."""
    try:
        return write()
    except StaleEdit as stale:
        raise StaleWrite(stale, opened_version=opened, from_header=from_header) from None
