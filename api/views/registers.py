"""Risks and savings lines: read for anyone with access; added and changed through
``core.records`` by those ``Rights.can_edit_record`` allows (the programme's managers, and
the people named on the record's service area), the pages' own rule."""

from rest_framework import exceptions, status

from core import records
from programmes.models import Risk, SavingsLine

from ..filters import RiskFilter, SavingsFilter
from ..serializers.registers import RiskSerializer, SavingsLineSerializer
from .base import WriteViewSet, opened_version, refuse_stale


class RegisterViewSet(WriteViewSet):
    model: type = None
    noun = ""

    def get_queryset(self):
        return self.visible(
            self.model.objects.select_related("programme", "service_area").order_by(
                "programme", "order", "id"
            )
        )

    def refuse_unless_editable(self, probe) -> None:
        if not self.rights.can_edit_record(probe):
            raise exceptions.PermissionDenied(
                f"Only the programme's managers, and the people named on a service area for "
                f"its {self.noun}s, can add or change {self.noun}s."
            )

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        record = self.model(**serializer.record_fields())
        self.refuse_unless_editable(record)
        records.record_create(record=record, by=request.user)
        return self.answer(record, status.HTTP_201_CREATED)

    def change(self, request, record):
        self.refuse_unless_editable(record)
        serializer = self.get_serializer(record, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        changes = serializer.record_fields()
        if "service_area" in changes:  # moving it to an area: that area must be theirs too
            area = changes["service_area"]
            self.refuse_unless_editable(
                self.model(programme=record.programme, service_area_id=area and area.pk)
            )
        opened, from_header = opened_version(request, serializer.validated_data.get("version"))
        refuse_stale(
            lambda: records.record_edit(
                record=record, opened_version=opened, changes=changes, by=request.user
            ),
            opened=opened,
            from_header=from_header,
        )
        return self.answer(record)


class RiskViewSet(RegisterViewSet):
    """The programme's risk log."""

    model = Risk
    noun = "risk"
    serializer_class = RiskSerializer
    filterset_class = RiskFilter


class SavingsLineViewSet(RegisterViewSet):
    """Savings targets, forecasts and achievements by financial year, in pounds as recorded."""

    model = SavingsLine
    noun = "savings line"
    serializer_class = SavingsLineSerializer
    filterset_class = SavingsFilter
