"""Programmes, service areas and meetings: read for anyone with access to the programme; added
and changed through the services their pages call, which ask the pages' rights again, check the
version the change is based on and keep the history naming who: ``programmes.programme_setup``
(starting a programme, its settings), ``programmes.area_setup`` (service areas) and
``programmes.governance_services`` (meetings)."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from programmes import area_setup, governance_services, programme_setup
from programmes.models import Meeting, Programme, ServiceArea, ServiceAreaRole

from ..filters import MeetingFilter, ServiceAreaFilter
from ..serializers.programmes import (
    MeetingCancelSerializer,
    MeetingReinstateSerializer,
    MeetingSerializer,
    ProgrammeSerializer,
    ServiceAreaSerializer,
)
from .base import WriteViewSet, etag, opened_version, refuse_stale


def based_on(request, serializer) -> tuple[int, bool]:
    return opened_version(request, serializer.validated_data.get("version"))


class ProgrammeViewSet(WriteViewSet):
    """The programmes you can see, by their slug. Administrators and programme managers start
    one (and become its manager); its managers change its settings."""

    serializer_class = ProgrammeSerializer
    programme_path = "pk"
    area_path = None
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"

    def get_queryset(self):
        return self.visible(self.programmes())

    def programmes(self):
        return (
            Programme.objects.select_related("lead_organisation")
            .prefetch_related("partners", "stages")
            .order_by("name")
        )

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        programme = programme_setup.programme_start(
            programme=Programme(**serializer.changes()),
            rights=self.rights,
            by=request.user,
            **serializer.organisations(),
        )
        # Its starter's rights were read before they managed it: read it as it is saved.
        fresh = self.programmes().get(pk=programme.pk)
        return Response(
            self.get_serializer(fresh).data,
            status=status.HTTP_201_CREATED,
            headers={"ETag": etag(fresh)},
        )

    def change(self, request, programme):
        serializer = self.get_serializer(programme, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        opened, from_header = based_on(request, serializer)
        refuse_stale(
            lambda: programme_setup.programme_settings_save(
                programme=programme,
                opened_version=opened,
                changes=serializer.changes(),
                rights=self.rights,
                by=request.user,
                **serializer.organisations(),
            ),
            opened=opened,
            from_header=from_header,
        )
        return self.answer(programme)


class ServiceAreaViewSet(WriteViewSet):
    """Service areas (work streams, projects, themes) with the people named on them. The
    programme's managers add areas and change anything; the people named on an area change its
    scope, purpose and ratings."""

    serializer_class = ServiceAreaSerializer
    filterset_class = ServiceAreaFilter
    area_path = "pk"

    def get_queryset(self):
        roles = ServiceAreaRole.objects.select_related("person").order_by("role", "id")
        return self.visible(
            ServiceArea.objects.select_related("programme")
            .prefetch_related(Prefetch("roles", queryset=roles))
            .order_by("programme", "order", "id")
        )

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        area = area_setup.area_add(
            area=ServiceArea(**serializer.changes()), rights=self.rights, by=request.user
        )
        return self.answer(area, status.HTTP_201_CREATED)

    def change(self, request, area):
        serializer = self.get_serializer(area, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        opened, from_header = based_on(request, serializer)
        refuse_stale(
            lambda: area_setup.area_edit(
                area=area,
                opened_version=opened,
                changes=serializer.changes(),
                rights=self.rights,
                by=request.user,
            ),
            opened=opened,
            from_header=from_header,
        )
        return self.answer(area)


class MeetingViewSet(WriteViewSet):
    """Meetings of the programme's boards, groups and committees, kept by its managers."""

    serializer_class = MeetingSerializer
    filterset_class = MeetingFilter
    programme_path = "body__programme"
    area_path = None

    def get_queryset(self):
        return self.visible(
            Meeting.objects.select_related("body__programme").order_by("date", "id")
        )

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        meeting = governance_services.governance_create(
            record=Meeting(**serializer.changes()), by=request.user
        )
        return self.answer(meeting, status.HTTP_201_CREATED)

    def keeps(self, meeting) -> Meeting:
        """The pages' rule, asked before the request is read (the service asks again)."""
        if not self.rights.can_manage_governance(meeting.body.programme_id):
            raise PermissionDenied(governance_services.REFUSED)
        return meeting

    def change(self, request, meeting):
        self.keeps(meeting)
        serializer = self.get_serializer(meeting, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        opened, from_header = based_on(request, serializer)
        refuse_stale(
            lambda: governance_services.governance_edit(
                record=meeting,
                opened_version=opened,
                changes=serializer.changes(),
                by=request.user,
            ),
            opened=opened,
            from_header=from_header,
        )
        return self.answer(meeting)

    @extend_schema(request=MeetingCancelSerializer, responses=MeetingSerializer)
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        """Cancel a meeting that will not take place, saying why. It stays on the list, marked
        cancelled; what refers to it keeps doing so. It can be reinstated."""
        return self._status_change(
            request, MeetingCancelSerializer, governance_services.meeting_cancel
        )

    @extend_schema(request=MeetingReinstateSerializer, responses=MeetingSerializer)
    @action(detail=True, methods=["post"])
    def reinstate(self, request, pk=None):
        """Bring a cancelled meeting back."""
        return self._status_change(
            request, MeetingReinstateSerializer, governance_services.meeting_reinstate
        )

    def _status_change(self, request, serializer_class, write) -> Response:
        meeting = self.keeps(self.get_object())
        serializer = serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        opened, from_header = opened_version(request, data.pop("version", None))
        refuse_stale(
            lambda: write(meeting=meeting, opened_version=opened, by=request.user, **data),
            opened=opened,
            from_header=from_header,
        )
        return self.answer(meeting)
