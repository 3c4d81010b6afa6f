"""Milestones with their date changes (progress updates are in ``updates``). Milestones are
added, changed, cancelled and reinstated through ``milestones.services`` — the pages' own
writes, with their rights check, reasons for moved dates, version check and history naming the
user."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, status
from rest_framework.decorators import action
from rest_framework.response import Response

from milestones import services
from milestones.models import DateChange, Milestone

from ..filters import MilestoneFilter
from ..serializers.milestones import (
    DateChangeSerializer,
    MilestoneCancelSerializer,
    MilestoneReinstateSerializer,
    MilestoneSerializer,
)
from .base import ReadViewSet, WriteViewSet, opened_version, refuse_stale


class MilestoneViewSet(WriteViewSet):
    """Milestones, each with every move of its dates. Moving a planned or forecast date needs
    a ``reason``; a change is based on the ``version`` you read (or send it in If-Match)."""

    serializer_class = MilestoneSerializer
    filterset_class = MilestoneFilter
    programme_path = "service_area__programme"

    def get_queryset(self):
        changes = DateChange.objects.select_related("changed_by").order_by("changed_at", "id")
        return self.visible(
            Milestone.objects.select_related("service_area__programme", "owner")
            .prefetch_related(Prefetch("date_changes", queryset=changes))
            .order_by("service_area__programme", "service_area__order", "order", "id")
        )

    def editable(self, milestone: Milestone | None = None) -> Milestone:
        milestone = milestone or self.get_object()
        if not self.rights.can_edit_milestone(milestone):
            raise exceptions.PermissionDenied(
                "Only the programme's managers and the people named on "
                f"{milestone.service_area.name} can change its milestones."
            )
        return milestone

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        area = serializer.validated_data["service_area"]
        if not self.rights.can_edit_area(area):
            raise exceptions.PermissionDenied(
                f"Only the programme's managers and the people named on {area.name} can add "
                "its milestones."
            )
        milestone = services.milestone_create(
            service_area=area, by=request.user, **serializer.service_fields()
        )
        return self.answer(milestone, status.HTTP_201_CREATED)

    def change(self, request, milestone):
        self.editable(milestone)
        serializer = self.get_serializer(milestone, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        opened, from_header = opened_version(request, serializer.validated_data.get("version"))
        refuse_stale(
            lambda: services.milestone_edit(
                milestone=milestone,
                opened_version=opened,
                changes=serializer.service_fields(),
                reason=serializer.validated_data.get("reason", ""),
                by=request.user,
            ),
            opened=opened,
            from_header=from_header,
        )
        return self.answer(milestone)

    @extend_schema(request=MilestoneCancelSerializer, responses=MilestoneSerializer)
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        """Cancel a milestone that will not be done, saying why. It is kept, never late, and
        can be reinstated."""
        return self._status_change(request, MilestoneCancelSerializer, services.milestone_cancel)

    @extend_schema(request=MilestoneReinstateSerializer, responses=MilestoneSerializer)
    @action(detail=True, methods=["post"])
    def reinstate(self, request, pk=None):
        """Bring a cancelled milestone back with the status it goes back to."""
        return self._status_change(
            request, MilestoneReinstateSerializer, services.milestone_reinstate
        )

    def _status_change(self, request, serializer_class, write) -> Response:
        milestone = self.editable()
        serializer = serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        opened, from_header = opened_version(request, data.pop("version", None))
        refuse_stale(
            lambda: write(milestone=milestone, opened_version=opened, by=request.user, **data),
            opened=opened,
            from_header=from_header,
        )
        return self.answer(milestone)


class DateChangeViewSet(ReadViewSet):
    """Every move of a milestone's planned or forecast date, with its reason, who and when."""

    serializer_class = DateChangeSerializer
    programme_path = "milestone__service_area__programme"
    area_path = "milestone__service_area"

    def get_queryset(self):
        queryset = self.visible(
            DateChange.objects.select_related("changed_by").order_by("changed_at", "id")
        )
        milestone = self.request.query_params.get("milestone", "")
        if milestone.isdigit() and len(milestone) < 16:
            queryset = queryset.filter(milestone_id=int(milestone))
        return queryset
